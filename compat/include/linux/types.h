/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's fixed-width, endian-annotated and domain types for an
 * LP64 little-endian target.  Kernel widths, not libc's: dev_t is 32 bits
 * here, as in the kernel, which is why the kernel world never includes
 * <sys/types.h>.  Every name below resolves to the same C type the kernel
 * gives it on x86_64/arm64, so structure layouts and printk formats match.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/compiler.h>

/* The eight base integers; everything else is spelt in terms of these. */
typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;

/* Kernel short names and the C99 / BSD spellings some drivers still use. */
typedef __s8 s8, int8_t;
typedef __u8 u8, uint8_t, u_int8_t, u_char, unchar;
typedef __s16 s16, int16_t;
typedef __u16 u16, uint16_t, u_int16_t, u_short, ushort;
typedef __s32 s32, int32_t;
typedef __u32 u32, uint32_t, u_int32_t, u_int, uint;
typedef __s64 s64, int64_t;
typedef __u64 u64, uint64_t, u_int64_t;
typedef unsigned long ulong, u_long;

/* On-disk / on-wire values: same width, different byte order tag. */
typedef __u16 __le16, __be16, __sum16;
typedef __u32 __le32, __be32, __wsum;
typedef __u64 __le64, __be64;
typedef __u32 __poll_t;

/* uapi "__kernel_" base types (asm-generic posix_types for LP64). */
typedef long __kernel_long_t, __kernel_ssize_t, __kernel_off_t;
typedef long __kernel_old_time_t;
typedef unsigned long __kernel_ulong_t, __kernel_ino_t;
typedef __SIZE_TYPE__ __kernel_size_t;
typedef __PTRDIFF_TYPE__ __kernel_ptrdiff_t;
typedef __s64 __kernel_loff_t, __kernel_time64_t;
typedef __s32 __kernel_pid_t, __kernel_clockid_t, __kernel_timer_t;
typedef __s32 __kernel_key_t, __kernel_mqd_t;
typedef __u32 __kernel_uid32_t, __kernel_gid32_t, __kernel_mode_t;
typedef __u32 __kernel_uid_t, __kernel_gid_t, __kernel_old_dev_t;
typedef __u32 __kernel_dev_t, __kernel_dev32_t;
typedef struct {
	int val[2];
} __kernel_fsid_t;

/* POSIX-named types as the kernel defines them. */
typedef __kernel_size_t size_t;
typedef __kernel_ssize_t ssize_t;
typedef __kernel_ptrdiff_t ptrdiff_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef __kernel_loff_t loff_t;
typedef __kernel_off_t off_t;
typedef __kernel_pid_t pid_t;
typedef __kernel_clockid_t clockid_t;
typedef __kernel_timer_t timer_t;
typedef __kernel_mqd_t mqd_t;
typedef __kernel_key_t key_t;
typedef __u32 uid_t, gid_t, qid_t;	/* the 32-bit ids */
typedef __kernel_ino_t ino_t;
typedef __kernel_old_time_t time_t;
typedef __s64 time64_t;
typedef __u64 timeu64_t;
typedef long clock_t;
typedef __kernel_dev_t dev_t;
typedef __u16 umode_t;
typedef __u32 nlink_t;
typedef _Bool bool;

/* Kernel-internal domain types. */
typedef unsigned int gfp_t, slab_flags_t, fmode_t;
typedef __u64 phys_addr_t, resource_size_t, dma_addr_t;
typedef unsigned long irq_hw_number_t;
typedef __u64 sector_t, blkcnt_t;
typedef unsigned long pgoff_t;
typedef __u32 __bitwise blk_opf_t;
typedef __u8 blk_status_t;
typedef __u32 __bitwise blk_mode_t;
typedef int __bitwise rwf_t;
typedef __u32 __bitwise vm_fault_t;
typedef int __bitwise suspend_state_t;

#define false 0
#define true 1

#define DECLARE_BITMAP(name, bits) unsigned long name[((bits) + 63) / 64]

/* Atomic counters: plain ints accessed only through <linux/atomic.h>. */
typedef struct {
	int counter;
} atomic_t;
typedef struct {
	s64 counter;
} atomic64_t;
typedef atomic64_t atomic_long_t;	/* long is 64 bits here */

#define ATOMIC_INIT(v)		{ (v) }
#define ATOMIC64_INIT(v)	{ (v) }
#define ATOMIC_LONG_INIT(v)	{ (v) }

/* Doubly linked list heads; the operations live in <linux/list.h>. */
struct list_head {
	struct list_head *next;
	struct list_head *prev;
};

struct hlist_node;
struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next;
	struct hlist_node **pprev;	/* the pointer that points at us */
};

/*
 * A deferred callback (RCU, task_work): next links the pending queue,
 * func runs once the grace period is over.  Pointer-aligned so the low
 * bit is free for tagging, as the kernel relies on.
 */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *cb);
} __aligned(sizeof(void *));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *cb);
typedef void (*call_rcu_func_t)(struct rcu_head *cb, rcu_callback_t fn);

/* Comparison and swap callbacks for sort() and bsearch(). */
typedef int (*cmp_func_t)(const void *l, const void *r);
typedef int (*cmp_r_func_t)(const void *l, const void *r, const void *ctx);
typedef void (*swap_func_t)(void *l, void *r, int n);
typedef void (*swap_r_func_t)(void *l, void *r, int n, const void *ctx);

#include <linux/stddef.h>

#endif /* _LINUX_TYPES_H */
