/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPU masks, minimal.  kshim's CPUs are the per-CPU slots of linux/smp.h:
 * nr_cpu_ids of them (the host's online CPUs, at most NR_CPUS), all
 * possible, present and online for the life of the process; there is no
 * hotplug.  Kernel guarantee kept: for_each_possible_cpu() visits every
 * index per_cpu_ptr() accepts and smp_processor_id() can return.
 */
#ifndef __LINUX_CPUMASK_H
#define __LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/array_size.h>

#ifndef NR_CPUS
#define NR_CPUS CONFIG_NR_CPUS
#endif

/* set once at start-up (compat/percpu_counter.c), before any thread */
extern unsigned int nr_cpu_ids;
#define nr_cpumask_bits nr_cpu_ids
#define small_cpumask_bits nr_cpu_ids
#define large_cpumask_bits nr_cpu_ids

typedef struct cpumask {
	DECLARE_BITMAP(bits, NR_CPUS);
} cpumask_t;

typedef struct cpumask cpumask_var_t[1];

#define cpumask_bits(maskp) ((maskp)->bits)
#define __KSHIM_CPU_WORD(cpu) ((cpu) / (8 * sizeof(long)))
#define __KSHIM_CPU_BIT(cpu) (1UL << ((cpu) % (8 * sizeof(long))))

extern struct cpumask __cpu_possible_mask;
extern struct cpumask __cpu_online_mask;
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask ((const struct cpumask *)&__cpu_online_mask)
#define cpu_present_mask cpu_possible_mask
#define cpu_active_mask cpu_online_mask

static inline bool cpumask_test_cpu(int cpu, const struct cpumask *mask)
{
	return (__atomic_load_n(&mask->bits[__KSHIM_CPU_WORD(cpu)],
				__ATOMIC_RELAXED) & __KSHIM_CPU_BIT(cpu)) != 0;
}

/* atomic, as in the kernel */
static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	__atomic_fetch_or(&mask->bits[__KSHIM_CPU_WORD(cpu)],
			  __KSHIM_CPU_BIT(cpu), __ATOMIC_RELAXED);
}

static inline void cpumask_clear_cpu(int cpu, struct cpumask *mask)
{
	__atomic_fetch_and(&mask->bits[__KSHIM_CPU_WORD(cpu)],
			   ~__KSHIM_CPU_BIT(cpu), __ATOMIC_RELAXED);
}

static inline bool cpumask_test_and_set_cpu(int cpu, struct cpumask *mask)
{
	return (__atomic_fetch_or(&mask->bits[__KSHIM_CPU_WORD(cpu)],
				  __KSHIM_CPU_BIT(cpu), __ATOMIC_SEQ_CST) &
		__KSHIM_CPU_BIT(cpu)) != 0;
}

static inline bool cpumask_test_and_clear_cpu(int cpu, struct cpumask *mask)
{
	return (__atomic_fetch_and(&mask->bits[__KSHIM_CPU_WORD(cpu)],
				   ~__KSHIM_CPU_BIT(cpu), __ATOMIC_SEQ_CST) &
		__KSHIM_CPU_BIT(cpu)) != 0;
}

static inline void cpumask_clear(struct cpumask *mask)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mask->bits); i++)
		mask->bits[i] = 0;
}

static inline void cpumask_setall(struct cpumask *mask)
{
	unsigned int cpu;

	cpumask_clear(mask);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		mask->bits[__KSHIM_CPU_WORD(cpu)] |= __KSHIM_CPU_BIT(cpu);
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	*dst = *src;
}

/* the next CPU set in @mask after @n (n = -1 to start); >= nr_cpu_ids if none */
static inline unsigned int cpumask_next(int n, const struct cpumask *mask)
{
	unsigned int cpu;

	for (cpu = n + 1; cpu < nr_cpu_ids; cpu++)
		if (cpumask_test_cpu(cpu, mask))
			return cpu;
	return nr_cpu_ids;
}

static inline unsigned int cpumask_first(const struct cpumask *mask)
{
	return cpumask_next(-1, mask);
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	unsigned int cpu, n = 0;

	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		n += cpumask_test_cpu(cpu, mask);
	return n;
}

static inline bool cpumask_empty(const struct cpumask *mask)
{
	return cpumask_first(mask) >= nr_cpu_ids;
}

#define for_each_cpu(cpu, mask)                                            \
	for ((cpu) = cpumask_next(-1, (mask)); (cpu) < nr_cpu_ids;         \
	     (cpu) = cpumask_next((cpu), (mask)))
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)
#define for_each_present_cpu(cpu) for_each_possible_cpu(cpu)

#define num_possible_cpus() nr_cpu_ids
#define num_online_cpus() nr_cpu_ids
#define num_present_cpus() nr_cpu_ids
#define num_active_cpus() nr_cpu_ids
#define cpu_possible(cpu) ((unsigned int)(cpu) < nr_cpu_ids)
#define cpu_online(cpu) cpu_possible(cpu)
#define cpu_present(cpu) cpu_possible(cpu)
#define cpu_active(cpu) cpu_possible(cpu)
#define cpu_is_offline(cpu) (!cpu_online(cpu))

static inline bool alloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{
	return true;
}

static inline bool zalloc_cpumask_var(cpumask_var_t *mask, gfp_t flags)
{
	cpumask_clear(*mask);
	return true;
}

static inline void free_cpumask_var(cpumask_var_t mask)
{
}

#endif /* __LINUX_CPUMASK_H */
