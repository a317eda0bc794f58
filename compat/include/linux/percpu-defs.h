/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU variables and their accessors.
 *
 * Layout.  DEFINE_PER_CPU puts the variable in the "kshim_percpu" section:
 * that is CPU 0's copy, and &var is the per-CPU pointer, as in the kernel.
 * At start-up, compat/percpu_counter.c copies the section (initial values
 * included) into the static part of every other CPU's unit of one
 * reserved area; alloc_percpu() hands out space in the dynamic part of
 * unit 0, every CPU's copy at the same offset in its own unit.  So the
 * address of CPU n's copy is computed from the per-CPU pointer alone,
 * also for pointers to members of a per-CPU structure:
 *   in unit 0 of the area:  ptr + n * unit size
 *   in the static section:  ptr (n = 0), or its place in unit n
 *
 * Kernel guarantees kept: per_cpu_ptr(p, cpu) is CPU cpu's copy, stable
 * for the life of the variable; this_cpu_ptr() is the calling thread's
 * CPU's copy; this_cpu_*() operations are each a single atomic operation
 * on that copy.  They are atomic here (relaxed __atomic builtins), also
 * the __this_cpu_*() and raw_cpu_*() forms, because several host threads
 * may share one CPU slot (linux/smp.h): a plain read-modify-write could
 * lose updates where the kernel's cannot.  So sums over all CPUs are
 * exact once the writers are done.
 */
#ifndef _LINUX_PERCPU_DEFS_H
#define _LINUX_PERCPU_DEFS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/smp.h>

#define PER_CPU_BASE_SECTION "kshim_percpu"
#define __PCPU_ATTRS(sec) __percpu __section(PER_CPU_BASE_SECTION)

#define DECLARE_PER_CPU_SECTION(type, name, sec)                           \
	extern __PCPU_ATTRS(sec) __typeof__(type) name
#define DEFINE_PER_CPU_SECTION(type, name, sec)                            \
	__PCPU_ATTRS(sec) __typeof__(type) name

#define DECLARE_PER_CPU(type, name) DECLARE_PER_CPU_SECTION(type, name, "")
#define DEFINE_PER_CPU(type, name) DEFINE_PER_CPU_SECTION(type, name, "")
#define DECLARE_PER_CPU_FIRST(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_FIRST(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name)                         \
	DECLARE_PER_CPU(type, name) ____cacheline_aligned
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name)                          \
	DEFINE_PER_CPU(type, name) ____cacheline_aligned
#define DECLARE_PER_CPU_ALIGNED(type, name) DECLARE_PER_CPU_SHARED_ALIGNED(type, name)
#define DEFINE_PER_CPU_ALIGNED(type, name) DEFINE_PER_CPU_SHARED_ALIGNED(type, name)
#define DECLARE_PER_CPU_PAGE_ALIGNED(type, name)                           \
	DECLARE_PER_CPU(type, name) __aligned(4096)
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name)                            \
	DEFINE_PER_CPU(type, name) __aligned(4096)
#define DECLARE_PER_CPU_READ_MOSTLY(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_READ_MOSTLY(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_DECRYPTED(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_DECRYPTED(type, name) DEFINE_PER_CPU(type, name)
#define DEFINE_PER_CPU_CACHE_HOT(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_CACHE_HOT(type, name) DECLARE_PER_CPU(type, name)
#define EXPORT_PER_CPU_SYMBOL(var)
#define EXPORT_PER_CPU_SYMBOL_GPL(var)

/* the per-CPU area (compat/percpu_counter.c) */
#define KSHIM_PERCPU_UNIT_SIZE (512UL << 10)
#define KSHIM_PERCPU_STATIC_SIZE (64UL << 10)
extern char kshim_percpu_area[];
extern char __start_kshim_percpu[] __attribute__((weak));
extern char __stop_kshim_percpu[] __attribute__((weak));

/* byte offset from a per-CPU pointer to @cpu's copy */
static __always_inline unsigned long __kshim_percpu_offset(const void *ptr,
							   unsigned int cpu)
{
	unsigned long p = (unsigned long)ptr;
	unsigned long area = (unsigned long)kshim_percpu_area;

	if (p - area < KSHIM_PERCPU_UNIT_SIZE)
		return cpu * KSHIM_PERCPU_UNIT_SIZE;
	if (!cpu)
		return 0;
	return area + cpu * KSHIM_PERCPU_UNIT_SIZE -
	       (unsigned long)__start_kshim_percpu;
}

#define per_cpu_ptr(ptr, cpu)                                              \
	({                                                                 \
		__typeof__(ptr) __pcp_ptr = (ptr);                         \
		(__typeof__(ptr))((unsigned long)__pcp_ptr +               \
				  __kshim_percpu_offset(__pcp_ptr, (cpu))); \
	})
#define raw_cpu_ptr(ptr) per_cpu_ptr(ptr, raw_smp_processor_id())
#define this_cpu_ptr(ptr) raw_cpu_ptr(ptr)
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))
#define SHIFT_PERCPU_PTR(ptr, off) ((__typeof__(ptr))((unsigned long)(ptr) + (off)))

#define get_cpu_var(var) (*({ preempt_disable(); this_cpu_ptr(&(var)); }))
#define put_cpu_var(var) do { (void)&(var); preempt_enable(); } while (0)
#define get_cpu_ptr(var) ({ preempt_disable(); this_cpu_ptr(var); })
#define put_cpu_ptr(var) do { (void)(var); preempt_enable(); } while (0)

/* every this_cpu operation: one relaxed atomic on this CPU's copy */
#define __kshim_pcpu_rmw(op, pcp, val)                                     \
	__atomic_##op(this_cpu_ptr(&(pcp)), (__typeof__(pcp))(val),        \
		      __ATOMIC_RELAXED)

#define this_cpu_read(pcp) __atomic_load_n(this_cpu_ptr(&(pcp)), __ATOMIC_RELAXED)
#define this_cpu_write(pcp, val)                                           \
	__atomic_store_n(this_cpu_ptr(&(pcp)), (__typeof__(pcp))(val),     \
			 __ATOMIC_RELAXED)
#define this_cpu_add(pcp, val) ((void)__kshim_pcpu_rmw(fetch_add, pcp, val))
#define this_cpu_sub(pcp, val) ((void)__kshim_pcpu_rmw(fetch_sub, pcp, val))
#define this_cpu_inc(pcp) this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp) this_cpu_sub(pcp, 1)
#define this_cpu_and(pcp, val) ((void)__kshim_pcpu_rmw(fetch_and, pcp, val))
#define this_cpu_or(pcp, val) ((void)__kshim_pcpu_rmw(fetch_or, pcp, val))
#define this_cpu_add_return(pcp, val) __kshim_pcpu_rmw(add_fetch, pcp, val)
#define this_cpu_sub_return(pcp, val) __kshim_pcpu_rmw(sub_fetch, pcp, val)
#define this_cpu_inc_return(pcp) this_cpu_add_return(pcp, 1)
#define this_cpu_dec_return(pcp) this_cpu_sub_return(pcp, 1)
#define this_cpu_xchg(pcp, nval)                                           \
	__atomic_exchange_n(this_cpu_ptr(&(pcp)), (__typeof__(pcp))(nval), \
			    __ATOMIC_RELAXED)
#define this_cpu_cmpxchg(pcp, oval, nval)                                  \
	({                                                                 \
		__typeof__(pcp) __pcp_old = (oval);                        \
		__atomic_compare_exchange_n(this_cpu_ptr(&(pcp)), &__pcp_old, \
					    (__typeof__(pcp))(nval), false, \
					    __ATOMIC_RELAXED,              \
					    __ATOMIC_RELAXED);             \
		__pcp_old;                                                 \
	})
#define this_cpu_try_cmpxchg(pcp, ovalp, nval)                             \
	__atomic_compare_exchange_n(this_cpu_ptr(&(pcp)), (ovalp),         \
				    (__typeof__(pcp))(nval), false,        \
				    __ATOMIC_RELAXED, __ATOMIC_RELAXED)

#define __this_cpu_read(pcp) this_cpu_read(pcp)
#define __this_cpu_write(pcp, val) this_cpu_write(pcp, val)
#define __this_cpu_add(pcp, val) this_cpu_add(pcp, val)
#define __this_cpu_sub(pcp, val) this_cpu_sub(pcp, val)
#define __this_cpu_inc(pcp) this_cpu_inc(pcp)
#define __this_cpu_dec(pcp) this_cpu_dec(pcp)
#define __this_cpu_and(pcp, val) this_cpu_and(pcp, val)
#define __this_cpu_or(pcp, val) this_cpu_or(pcp, val)
#define __this_cpu_add_return(pcp, val) this_cpu_add_return(pcp, val)
#define __this_cpu_sub_return(pcp, val) this_cpu_sub_return(pcp, val)
#define __this_cpu_inc_return(pcp) this_cpu_inc_return(pcp)
#define __this_cpu_dec_return(pcp) this_cpu_dec_return(pcp)
#define __this_cpu_xchg(pcp, nval) this_cpu_xchg(pcp, nval)
#define __this_cpu_cmpxchg(pcp, oval, nval) this_cpu_cmpxchg(pcp, oval, nval)

#define raw_cpu_read(pcp) this_cpu_read(pcp)
#define raw_cpu_write(pcp, val) this_cpu_write(pcp, val)
#define raw_cpu_add(pcp, val) this_cpu_add(pcp, val)
#define raw_cpu_sub(pcp, val) this_cpu_sub(pcp, val)
#define raw_cpu_inc(pcp) this_cpu_inc(pcp)
#define raw_cpu_dec(pcp) this_cpu_dec(pcp)
#define raw_cpu_add_return(pcp, val) this_cpu_add_return(pcp, val)
#define raw_cpu_inc_return(pcp) this_cpu_inc_return(pcp)
#define raw_cpu_xchg(pcp, nval) this_cpu_xchg(pcp, nval)
#define raw_cpu_cmpxchg(pcp, oval, nval) this_cpu_cmpxchg(pcp, oval, nval)

#endif /* _LINUX_PERCPU_DEFS_H */
