/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel's fixed-width, endian-annotated and domain types for an
 * LP64 little-endian target.  Kernel widths, not libc's: dev_t is 32 bits
 * here, as in the kernel, which is why the kernel world never includes
 * <sys/types.h>.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/compiler.h>

typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;

typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

typedef __u16 __le16;
typedef __u16 __be16;
typedef __u32 __le32;
typedef __u32 __be32;
typedef __u64 __le64;
typedef __u64 __be64;
typedef __u16 __sum16;
typedef __u32 __wsum;
typedef unsigned __poll_t;

typedef __SIZE_TYPE__ __kernel_size_t;
typedef long __kernel_ssize_t;
typedef __PTRDIFF_TYPE__ __kernel_ptrdiff_t;
typedef long __kernel_long_t;
typedef unsigned long __kernel_ulong_t;
typedef long long __kernel_loff_t;
typedef long long __kernel_time64_t;
typedef __kernel_long_t __kernel_old_time_t;
typedef int __kernel_pid_t;
typedef unsigned int __kernel_uid32_t;
typedef unsigned int __kernel_gid32_t;
typedef unsigned int __kernel_mode_t;
typedef int __kernel_clockid_t;
typedef int __kernel_timer_t;
typedef __kernel_ulong_t __kernel_ino_t;
typedef __kernel_long_t __kernel_off_t;
typedef int __kernel_key_t;
typedef int __kernel_mqd_t;
typedef unsigned int __kernel_uid_t;
typedef unsigned int __kernel_gid_t;
typedef unsigned int __kernel_old_dev_t;
typedef struct {
	int val[2];
} __kernel_fsid_t;

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
typedef __kernel_uid32_t uid_t;
typedef __kernel_gid32_t gid_t;
typedef __kernel_uid_t qid_t;
typedef __kernel_ino_t ino_t;
typedef __kernel_old_time_t time_t;
typedef __s64 time64_t;
typedef __u64 timeu64_t;
typedef long clock_t;
typedef u32 __kernel_dev_t;
typedef __kernel_dev_t dev_t;
typedef unsigned short umode_t;
typedef u32 nlink_t;
typedef _Bool bool;
typedef unsigned int gfp_t;
typedef unsigned int slab_flags_t;
typedef unsigned int fmode_t;
typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef u64 dma_addr_t;
typedef unsigned long irq_hw_number_t;
typedef u64 sector_t;
typedef u64 blkcnt_t;
typedef unsigned long pgoff_t;
typedef unsigned long ulong;
typedef unsigned int uint;
typedef unsigned short ushort;
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned char unchar;
typedef u8 u_int8_t;
typedef s8 int8_t;
typedef u16 u_int16_t;
typedef s16 int16_t;
typedef u32 u_int32_t;
typedef s32 int32_t;
typedef u8 uint8_t;
typedef u16 uint16_t;
typedef u32 uint32_t;
typedef u64 uint64_t;
typedef u64 u_int64_t;
typedef s64 int64_t;
typedef __u32 __kernel_dev32_t;
typedef unsigned int __bitwise blk_opf_t;
typedef u8 blk_status_t;
typedef unsigned int __bitwise blk_mode_t;
typedef int __bitwise rwf_t;
typedef unsigned int __bitwise vm_fault_t;
typedef int __bitwise suspend_state_t;

#define false 0
#define true 1

#define DECLARE_BITMAP(name, bits) unsigned long name[((bits) + 63) / 64]

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

typedef struct {
	s64 counter;
} atomic64_t;

#define ATOMIC64_INIT(i) { (i) }

typedef atomic64_t atomic_long_t;

#define ATOMIC_LONG_INIT(i) ATOMIC64_INIT(i)

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};


/* struct callback_head is rcu_head: a pending callback and its list link */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);
typedef int (*cmp_func_t)(const void *a, const void *b);
typedef int (*cmp_r_func_t)(const void *a, const void *b, const void *priv);
typedef void (*swap_func_t)(void *a, void *b, int size);
typedef void (*swap_r_func_t)(void *a, void *b, int size, const void *priv);
typedef void (*call_rcu_func_t)(struct rcu_head *head, rcu_callback_t func);

#include <linux/stddef.h>

#endif /* _LINUX_TYPES_H */
