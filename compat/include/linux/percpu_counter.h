/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU counters (lib/percpu_counter.c's interface).
 *
 * kshim keeps each counter as one 64-bit atomic, `count`, instead of a
 * central count plus per-CPU deltas folded in batches.  Kernel guarantees
 * kept, and strengthened: percpu_counter_sum() is exact (also while
 * writers run, it is a snapshot), percpu_counter_read() is within the
 * batch error the kernel allows (it is exact too), the _positive forms
 * never return a negative value, percpu_counter_compare() compares the
 * exact value.  Updates are relaxed atomic adds, so counters stay exact
 * under any number of threads.  A zeroed counter (never initialised, or
 * destroyed) reads 0 and may be destroyed again, as ext2's error paths
 * expect; percpu_counter_initialized() tells the two states apart.
 */
#ifndef _LINUX_PERCPU_COUNTER_H
#define _LINUX_PERCPU_COUNTER_H

#include <linux/types.h>
#include <linux/limits.h>
#include <linux/spinlock_types.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/gfp_types.h>

struct lock_class_key;

struct percpu_counter {
	s64 count;		/* atomic accesses only */
	bool initialized;
};

/* the kernel's default batch; kept for callers that pass it explicitly */
extern int percpu_counter_batch;

int __percpu_counter_init_many(struct percpu_counter *pc, s64 delta,
			       gfp_t gfp, u32 n,
			       struct lock_class_key *key);
#define percpu_counter_init_many(pc, value, gfp, n)             \
	__percpu_counter_init_many(pc, value, gfp, n, NULL)
#define percpu_counter_init(pc, value, gfp)                               \
	percpu_counter_init_many(pc, value, gfp, 1)

void percpu_counter_destroy_many(struct percpu_counter *pc, u32 n);
void percpu_counter_set(struct percpu_counter *pc, s64 delta);
void percpu_counter_add_batch(struct percpu_counter *pc, s64 delta,
			      s32 batch);
s64 __percpu_counter_sum(struct percpu_counter *pc);
int __percpu_counter_compare(struct percpu_counter *pc, s64 other, s32 batch);
bool __percpu_counter_limited_add(struct percpu_counter *pc, s64 limit,
				  s64 delta, s32 batch);
void percpu_counter_sync(struct percpu_counter *pc);

static inline void percpu_counter_destroy(struct percpu_counter *pc)
{
	percpu_counter_destroy_many(pc, 1);
}

static inline int percpu_counter_compare(struct percpu_counter *pc, s64 other)
{
	return __percpu_counter_compare(pc, other, percpu_counter_batch);
}

static inline void percpu_counter_add(struct percpu_counter *pc, s64 delta)
{
	percpu_counter_add_batch(pc, delta, percpu_counter_batch);
}

static inline bool percpu_counter_limited_add(struct percpu_counter *pc,
					      s64 limit, s64 delta)
{
	return __percpu_counter_limited_add(pc, limit, delta,
					    percpu_counter_batch);
}

/* the kernel's "local" add skips folding; here every add is exact */
static inline void percpu_counter_add_local(struct percpu_counter *pc,
					    s64 delta)
{
	percpu_counter_add_batch(pc, delta, INT_MAX);
}

static inline s64 percpu_counter_sum_positive(struct percpu_counter *pc)
{
	s64 ret = __percpu_counter_sum(pc);

	return ret < 0 ? 0 : ret;
}

static inline s64 percpu_counter_sum(struct percpu_counter *pc)
{
	return __percpu_counter_sum(pc);
}

static inline s64 percpu_counter_read(struct percpu_counter *pc)
{
	return __atomic_load_n(&pc->count, __ATOMIC_RELAXED);
}

static inline s64 percpu_counter_read_positive(struct percpu_counter *pc)
{
	s64 ret = percpu_counter_read(pc);

	return ret < 0 ? 0 : ret;
}

static inline bool percpu_counter_initialized(struct percpu_counter *pc)
{
	return __atomic_load_n(&pc->initialized, __ATOMIC_ACQUIRE);
}

static inline void percpu_counter_inc(struct percpu_counter *pc)
{
	percpu_counter_add(pc, 1);
}

static inline void percpu_counter_dec(struct percpu_counter *pc)
{
	percpu_counter_add(pc, -1);
}

static inline void percpu_counter_sub(struct percpu_counter *pc, s64 delta)
{
	percpu_counter_add(pc, -delta);
}

static inline void percpu_counter_sub_local(struct percpu_counter *pc,
					    s64 delta)
{
	percpu_counter_add_local(pc, -delta);
}

#endif /* _LINUX_PERCPU_COUNTER_H */
