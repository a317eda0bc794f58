// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-CPU counters (the role of lib/percpu_counter.c).  The kernel keeps a
 * per-CPU delta folded into a shared count every @batch events; here the
 * count is one 64-bit atomic, so every read is exact and every "batch"
 * is 1.  Kernel guarantees kept: percpu_counter_sum() and _compare()
 * reflect all completed adds, __percpu_counter_limited_add() never lets
 * the count exceed @limit or drop below 0.  The per-CPU runtime itself
 * (CPU slots, per-CPU area, alloc_percpu) is compat/percpu.c.
 */
#include <linux/kernel.h>
#include <linux/percpu_counter.h>

int percpu_counter_batch = 32;

int __percpu_counter_init_many(struct percpu_counter *fbc, s64 amount,
			       gfp_t gfp, u32 nr_counters,
			       struct lock_class_key *key)
{
	u32 i;

	for (i = 0; i < nr_counters; i++) {
		__atomic_store_n(&fbc[i].count, amount, __ATOMIC_RELAXED);
		__atomic_store_n(&fbc[i].initialized, true, __ATOMIC_RELEASE);
	}
	return 0;
}

void percpu_counter_destroy_many(struct percpu_counter *fbc, u32 nr_counters)
{
	u32 i;

	for (i = 0; i < nr_counters; i++) {
		__atomic_store_n(&fbc[i].initialized, false, __ATOMIC_RELAXED);
		__atomic_store_n(&fbc[i].count, 0, __ATOMIC_RELAXED);
	}
}

void percpu_counter_set(struct percpu_counter *fbc, s64 amount)
{
	__atomic_store_n(&fbc->count, amount, __ATOMIC_RELAXED);
}

void percpu_counter_add_batch(struct percpu_counter *fbc, s64 amount,
			      s32 batch)
{
	__atomic_fetch_add(&fbc->count, amount, __ATOMIC_RELAXED);
}

s64 __percpu_counter_sum(struct percpu_counter *fbc)
{
	return __atomic_load_n(&fbc->count, __ATOMIC_RELAXED);
}

/* -1, 0 or 1 as the counter is below, equal to or above @rhs */
int __percpu_counter_compare(struct percpu_counter *fbc, s64 rhs, s32 batch)
{
	s64 count = __percpu_counter_sum(fbc);

	if (count > rhs)
		return 1;
	if (count < rhs)
		return -1;
	return 0;
}

/*
 * Add @amount if the result stays within bounds: at most @limit for a
 * positive amount, at least 0 for a negative one.  True if it was added.
 */
bool __percpu_counter_limited_add(struct percpu_counter *fbc, s64 limit,
				  s64 amount, s32 batch)
{
	s64 old = __atomic_load_n(&fbc->count, __ATOMIC_RELAXED);
	s64 new;

	if (!amount)
		return true;
	do {
		new = old + amount;
		if (amount > 0 ? new > limit : new < 0)
			return false;
	} while (!__atomic_compare_exchange_n(&fbc->count, &old, new, false,
					      __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	return true;
}

/* nothing is held per CPU, so there is nothing to fold */
void percpu_counter_sync(struct percpu_counter *fbc)
{
}
