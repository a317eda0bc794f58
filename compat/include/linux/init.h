/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Initcalls.  Each *_initcall(fn) records fn and its level in the
 * "kshim_initcalls" section; kshim_runtime_init() runs them by level
 * (core < postcore < arch < subsys < fs < device/module < late), in link
 * order within a level, as the kernel does at boot.  module_exit(fn) goes
 * to "kshim_exitcalls", run in reverse order at kshim_runtime_exit().
 * Init sections are not discarded.  Like the kernel's, the macros end in
 * a semicolon: upstream writes module_init(fn) without one.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>

#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __refdata
#define __ref
#define __meminit
#define __init_or_module
#define __initcall_section

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

struct kshim_initcall {
	initcall_t fn;
	const char *name;
	long level;
};

struct kshim_exitcall {
	exitcall_t fn;
	const char *name;
};

#define __kshim_initcall(fn, lvl, id)                                      \
	static const struct kshim_initcall id __used                       \
		__section("kshim_initcalls") __aligned(8) = { fn, #fn, lvl };
#define __define_initcall(fn, lvl)                                         \
	__kshim_initcall(fn, lvl, __UNIQUE_ID(kshim_initcall_))

#define pure_initcall(fn) __define_initcall(fn, 0)
#define core_initcall(fn) __define_initcall(fn, 1)
#define postcore_initcall(fn) __define_initcall(fn, 2)
#define arch_initcall(fn) __define_initcall(fn, 3)
#define subsys_initcall(fn) __define_initcall(fn, 4)
#define fs_initcall(fn) __define_initcall(fn, 5)
#define rootfs_initcall(fn) __define_initcall(fn, 5)
#define device_initcall(fn) __define_initcall(fn, 6)
#define late_initcall(fn) __define_initcall(fn, 7)
#define late_initcall_sync(fn) __define_initcall(fn, 7)
#define __initcall(fn) device_initcall(fn)

#define __kshim_exitcall(fn, id)                                           \
	static const struct kshim_exitcall id __used                       \
		__section("kshim_exitcalls") __aligned(8) = { fn, #fn };
#define __exitcall(fn) __kshim_exitcall(fn, __UNIQUE_ID(kshim_exitcall_))

#endif /* _LINUX_INIT_H */
