/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kuid_t and kgid_t: kernel-internal ids wrapped in a struct so that a
 * raw uid_t can never be used where a mapped id is expected (the compiler
 * refuses the assignment), exactly as in the kernel.
 */
#ifndef _LINUX_UIDGID_TYPES_H
#define _LINUX_UIDGID_TYPES_H

#include <linux/types.h>

typedef struct {
	uid_t val;
} kuid_t;

typedef struct {
	gid_t val;
} kgid_t;

#define KUIDT_INIT(value) ((kuid_t){ (uid_t)(value) })
#define KGIDT_INIT(value) ((kgid_t){ (gid_t)(value) })

#endif /* _LINUX_UIDGID_TYPES_H */
