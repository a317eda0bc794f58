/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 32-bit compatibility ioctls: kshim serves native 64-bit callers only,
 * so no task is a compat task; compat_ptr() still widens a 32-bit user
 * pointer value for code that calls it unconditionally.
 */
#ifndef _LINUX_COMPAT_H
#define _LINUX_COMPAT_H

#include <linux/types.h>

typedef u32 compat_uptr_t;
typedef s32 compat_int_t;
typedef u32 compat_uint_t;
typedef s32 compat_long_t;
typedef u32 compat_ulong_t;

static inline void __user *compat_ptr(compat_uptr_t uptr)
{
	return (void __user *)(unsigned long)uptr;
}

static inline compat_uptr_t ptr_to_compat(void __user *uptr)
{
	return (u32)(unsigned long)uptr;
}

#define in_compat_syscall() false
#define is_compat_task() 0

#endif /* _LINUX_COMPAT_H */
