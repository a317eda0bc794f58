/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Dynamic per-CPU memory (mm/percpu.c's interface).
 *
 * Kernel guarantees kept: alloc_percpu() returns a per-CPU pointer whose
 * every CPU copy is zero-filled and aligned as asked, or NULL;
 * free_percpu(NULL) is a no-op.  The memory is a bounded area of the
 * process (KSHIM_PERCPU_UNIT_SIZE per CPU, see linux/percpu-defs.h); when
 * it is full, allocation fails with NULL as the kernel's can.  The gfp
 * flags are accepted and ignored (allocation never sleeps).
 */
#ifndef __LINUX_PERCPU_H
#define __LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/percpu-defs.h>

#define PERCPU_MODULE_RESERVE 0
#define PCPU_MIN_UNIT_SIZE KSHIM_PERCPU_UNIT_SIZE

void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp);
void __percpu *__alloc_percpu(size_t size, size_t align);
void free_percpu(void __percpu *__pdata);
bool is_kernel_percpu_address(unsigned long addr);

#define __alloc_percpu_noprof(size, align) __alloc_percpu(size, align)
#define __alloc_percpu_gfp_noprof(size, align, gfp) __alloc_percpu_gfp(size, align, gfp)
#define alloc_percpu_gfp(type, gfp)                                        \
	((typeof(type) __percpu *)__alloc_percpu_gfp(sizeof(type),         \
						     __alignof__(type), gfp))
#define alloc_percpu(type)                                                 \
	((typeof(type) __percpu *)__alloc_percpu(sizeof(type),             \
						 __alignof__(type)))
#define alloc_percpu_noprof(type) alloc_percpu(type)

#endif /* __LINUX_PERCPU_H */
