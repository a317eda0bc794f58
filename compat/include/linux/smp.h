/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Processor ids and cross-CPU calls.
 *
 * kshim's model: nr_cpu_ids per-CPU slots; each host thread gets a slot
 * the first time it asks (round robin, so threads spread over slots) and
 * keeps it for life.  Kernel guarantees kept: smp_processor_id() is in
 * [0, nr_cpu_ids) and stable while the caller could rely on it (always,
 * here: threads never migrate between slots); on_each_cpu() runs the
 * function once "on" every CPU: the caller runs it with its processor id
 * switched to each CPU in turn, so functions that touch this_cpu_ptr()
 * data reach every CPU's copy.  Not kept: exclusive use of a CPU.  More
 * threads than slots share slots, and get_cpu()/preempt_disable() do not
 * stop the other sharers; this is why every this_cpu_*() operation is
 * atomic (linux/percpu-defs.h) and why local_lock_t is a real lock.
 */
#ifndef __LINUX_SMP_H
#define __LINUX_SMP_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/preempt.h>

/* this thread's slot + 1, 0 until assigned (compat/percpu_counter.c) */
extern __thread unsigned int kshim_cpu_slot;
unsigned int kshim_cpu_assign(void);

static inline unsigned int raw_smp_processor_id(void)
{
	unsigned int slot = kshim_cpu_slot;

	return likely(slot) ? slot - 1 : kshim_cpu_assign();
}

#define smp_processor_id() raw_smp_processor_id()
#define __smp_processor_id() raw_smp_processor_id()
#define get_cpu() ({ preempt_disable(); raw_smp_processor_id(); })
#define put_cpu() preempt_enable()

typedef void (*smp_call_func_t)(void *data);
typedef bool (*smp_cond_func_t)(int cpu, void *data);

void on_each_cpu_cond_mask(smp_cond_func_t cond, smp_call_func_t fn,
			   void *data, bool sync, const struct cpumask *cpus);
int smp_call_function_single(int target, smp_call_func_t fn, void *data,
			     int sync);

static inline void on_each_cpu(smp_call_func_t fn, void *data, int sync)
{
	on_each_cpu_cond_mask(NULL, fn, data, sync, cpu_online_mask);
}

static inline void on_each_cpu_mask(const struct cpumask *cpus,
				    smp_call_func_t fn, void *data, bool sync)
{
	on_each_cpu_cond_mask(NULL, fn, data, sync, cpus);
}

static inline void on_each_cpu_cond(smp_cond_func_t cond,
				    smp_call_func_t fn, void *data, bool sync)
{
	on_each_cpu_cond_mask(cond, fn, data, sync, cpu_online_mask);
}

#define smp_call_function_any(cpus, fn, data, sync)                      \
	smp_call_function_single(cpumask_first(cpus), fn, data, sync)

static inline int get_boot_cpu_id(void)
{
	return 0;
}

#define num_booting_cpus() nr_cpu_ids

#endif /* __LINUX_SMP_H */
