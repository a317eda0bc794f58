// SPDX-License-Identifier: GPL-2.0-only
/*
 * The per-CPU runtime (the roles of mm/percpu.c and kernel/smp.c): the
 * CPU slots of threads, the per-CPU area, alloc_percpu()/free_percpu()
 * and on_each_cpu().  Kernel guarantees kept: every CPU's copy of a new
 * dynamic per-CPU allocation starts zeroed; per_cpu_ptr(p, cpu) for
 * cpu < nr_cpu_ids reaches that CPU's private copy; on_each_cpu*() has
 * run the function for every selected CPU when it returns.
 *
 * The per-CPU area is one zero-initialised array of NR_CPUS units of
 * KSHIM_PERCPU_UNIT_SIZE bytes; pages nobody touches cost nothing.  Each
 * unit starts with room for a copy of the static per-CPU section, then
 * the dynamic part.  Units 1..nr_cpu_ids-1 receive their static copy at
 * start-up, before any thread exists; CPU 0's static copy is the section
 * itself.  Dynamic allocations are first-fit over 16-byte granules of
 * unit 0's dynamic part, under one lock; the same offsets in the other
 * units are the other CPUs' copies (linux/percpu-defs.h).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/gfp.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <kshim/host.h>

/* --- CPU slots ------------------------------------------------------- */

unsigned int nr_cpu_ids = 1;
struct cpumask __cpu_possible_mask;
struct cpumask __cpu_online_mask;
__thread unsigned int kshim_cpu_slot;
static unsigned int next_cpu_slot;

/* give the calling thread its CPU slot, round robin */
unsigned int kshim_cpu_assign(void)
{
	unsigned int cpu = __atomic_fetch_add(&next_cpu_slot, 1,
					      __ATOMIC_RELAXED) % nr_cpu_ids;

	kshim_cpu_slot = cpu + 1;
	return cpu;
}

/*
 * Run func "on" each CPU of @mask: with this thread's processor id set to
 * that CPU, so this_cpu_ptr() inside func reaches that CPU's copy.  All
 * calls are done when this returns, which satisfies wait either way.
 */
void on_each_cpu_cond_mask(smp_cond_func_t cond_func, smp_call_func_t func,
			   void *info, bool wait, const struct cpumask *mask)
{
	unsigned int saved = kshim_cpu_slot;
	unsigned int cpu;

	for_each_cpu(cpu, mask) {
		kshim_cpu_slot = cpu + 1;
		if (!cond_func || cond_func(cpu, info))
			func(info);
	}
	kshim_cpu_slot = saved;
}

int smp_call_function_single(int cpuid, smp_call_func_t func, void *info,
			     int wait)
{
	unsigned int saved = kshim_cpu_slot;

	if ((unsigned int)cpuid >= nr_cpu_ids)
		return -ENXIO;
	kshim_cpu_slot = cpuid + 1;
	func(info);
	kshim_cpu_slot = saved;
	return 0;
}

/* --- the per-CPU area ------------------------------------------------ */

#define GRANULE 16UL
#define DYN_GRANULES ((KSHIM_PERCPU_UNIT_SIZE - KSHIM_PERCPU_STATIC_SIZE) / GRANULE)

char kshim_percpu_area[NR_CPUS * KSHIM_PERCPU_UNIT_SIZE] __aligned(4096);

static DEFINE_SPINLOCK(pcpu_lock);
static unsigned long pcpu_used[DYN_GRANULES / BITS_PER_LONG];
static u32 pcpu_len[DYN_GRANULES];	/* granules, at an allocation's start */

static bool granule_used(unsigned long g)
{
	return pcpu_used[g / BITS_PER_LONG] & (1UL << (g % BITS_PER_LONG));
}

static void mark_granules(unsigned long g, unsigned long n, bool used)
{
	for (; n; g++, n--) {
		if (used)
			pcpu_used[g / BITS_PER_LONG] |= 1UL << (g % BITS_PER_LONG);
		else
			pcpu_used[g / BITS_PER_LONG] &= ~(1UL << (g % BITS_PER_LONG));
	}
}

static char *unit_base(unsigned int cpu)
{
	return kshim_percpu_area + cpu * KSHIM_PERCPU_UNIT_SIZE;
}

__attribute__((constructor(101))) static void percpu_setup(void)
{
	unsigned long static_size = __stop_kshim_percpu - __start_kshim_percpu;
	int n = kshim_host_ncpus();
	unsigned int cpu;

	nr_cpu_ids = n < 1 ? 1 : n > NR_CPUS ? NR_CPUS : n;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	}
	if (!__start_kshim_percpu || !static_size)
		return;
	/* more static per-CPU data than reserved: raise the reservation */
	BUG_ON(static_size > KSHIM_PERCPU_STATIC_SIZE);
	for (cpu = 1; cpu < nr_cpu_ids; cpu++)
		memcpy(unit_base(cpu), __start_kshim_percpu, static_size);
}

void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp)
{
	unsigned long need, step, g, i;
	unsigned int cpu;
	void *ret = NULL;

	if (!size || size > DYN_GRANULES * GRANULE ||
	    (align & (align - 1)) || align > 4096)
		return NULL;
	need = DIV_ROUND_UP(size, GRANULE);
	step = align > GRANULE ? align / GRANULE : 1;
	spin_lock(&pcpu_lock);
	for (g = 0; g + need <= DYN_GRANULES; g += step) {
		for (i = 0; i < need && !granule_used(g + i); i++)
			;
		if (i < need)
			continue;
		mark_granules(g, need, true);
		pcpu_len[g] = need;
		ret = unit_base(0) + KSHIM_PERCPU_STATIC_SIZE + g * GRANULE;
		break;
	}
	spin_unlock(&pcpu_lock);
	if (!ret)
		return NULL;
	/* earlier users may have left data: every copy starts zeroed */
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		memset(per_cpu_ptr(ret, cpu), 0, size);
	return ret;
}

void __percpu *__alloc_percpu(size_t size, size_t align)
{
	return __alloc_percpu_gfp(size, align, GFP_KERNEL);
}

void free_percpu(void __percpu *ptr)
{
	unsigned long off, g;

	if (!ptr)
		return;
	off = (unsigned long)ptr - (unsigned long)unit_base(0);
	if (WARN_ON_ONCE(off < KSHIM_PERCPU_STATIC_SIZE ||
			 off >= KSHIM_PERCPU_UNIT_SIZE ||
			 (off % GRANULE)))
		return;
	g = (off - KSHIM_PERCPU_STATIC_SIZE) / GRANULE;
	spin_lock(&pcpu_lock);
	if (!WARN_ON_ONCE(!pcpu_len[g] || !granule_used(g))) {
		mark_granules(g, pcpu_len[g], false);
		pcpu_len[g] = 0;
	}
	spin_unlock(&pcpu_lock);
}

bool is_kernel_percpu_address(unsigned long addr)
{
	unsigned long start = (unsigned long)__start_kshim_percpu;
	unsigned long stop = (unsigned long)__stop_kshim_percpu;
	unsigned long area = (unsigned long)kshim_percpu_area;

	return (addr >= start && addr < stop) ||
	       (addr - area < NR_CPUS * KSHIM_PERCPU_UNIT_SIZE);
}
