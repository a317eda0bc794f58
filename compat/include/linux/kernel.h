/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The catch-all header.  Drivers rely on what the kernel's kernel.h pulls
 * in transitively, so this includes the same families of basics.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stdarg.h>
#include <linux/align.h>
#include <linux/array_size.h>
#include <linux/limits.h>
#include <linux/linkage.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/kstrtox.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/build_bug.h>
#include <linux/wordpart.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/hex.h>
#include <asm/byteorder.h>
#include <asm/barrier.h>

/* data directions of I/O helpers (rw arguments) */
#define READ 0
#define WRITE 1

#define STACK_MAGIC 0xdeadbeef
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })
#define SYSTEM_RUNNING 2
#define system_state SYSTEM_RUNNING
#define might_fault() do { } while (0)
#define trace_printk(fmt, ...) no_printk(fmt, ##__VA_ARGS__)
#define do_trace_printk(fmt, ...) no_printk(fmt, ##__VA_ARGS__)
#define IS_BUILTIN_CONSTANT(x) __builtin_constant_p(x)

#endif /* _LINUX_KERNEL_H */
