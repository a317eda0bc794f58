/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory barriers as C11 fences, so that ThreadSanitizer understands them
 * (on x86 most compile to nothing more than a compiler barrier).
 * smp_load_acquire/smp_store_release are acquire/release accesses.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

#define mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
#define dma_rmb() rmb()
#define dma_wmb() wmb()
#define smp_mb() mb()
#define smp_rmb() rmb()
#define smp_wmb() wmb()
#define __smp_mb() mb()
#define virt_mb() mb()
#define smp_read_barrier_depends() do { } while (0)
#define smp_mb__before_atomic() smp_mb()
#define smp_mb__after_atomic() smp_mb()
#define smp_mb__after_spinlock() smp_mb()
#define smp_mb__after_unlock_lock() smp_mb()
#define smp_mb__after_srcu_read_unlock() smp_mb()
#define smp_store_mb(var, value)                                           \
	do {                                                               \
		__atomic_store_n(&(var), (value), __ATOMIC_SEQ_CST);       \
	} while (0)
#define smp_load_acquire(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define smp_store_release(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define smp_acquire__after_ctrl_dep() smp_rmb()
#define smp_cond_load_relaxed(ptr, cond_expr)                              \
	({                                                                 \
		typeof(ptr) __PTR = (ptr);                                 \
		__unqual_scalar_typeof(*ptr) VAL;                          \
		for (;;) {                                                 \
			VAL = READ_ONCE(*__PTR);                           \
			if (cond_expr)                                     \
				break;                                     \
			__builtin_ia32_pause();                            \
		}                                                          \
		(typeof(*ptr))VAL;                                         \
	})
#define smp_cond_load_acquire(ptr, cond_expr)                              \
	({                                                                 \
		typeof(ptr) __PTR = (ptr);                                 \
		__unqual_scalar_typeof(*ptr) VAL;                          \
		for (;;) {                                                 \
			VAL = __atomic_load_n(__PTR, __ATOMIC_ACQUIRE);    \
			if (cond_expr)                                     \
				break;                                     \
			__builtin_ia32_pause();                            \
		}                                                          \
		(typeof(*ptr))VAL;                                         \
	})
#define cpu_relax() __builtin_ia32_pause()

#endif /* _ASM_BARRIER_H */
