/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shrinkers, the 6.12 API (shrinker_alloc/register/free), driven by
 * kshim's memory cap (compat/shrinker.c).  Kernel guarantees kept:
 * count_objects() is asked first and a zero or SHRINK_EMPTY skips the
 * shrinker; scan_objects() gets sc->nr_to_scan objects to try (at most
 * `batch`, default SHRINK_BATCH) and returns the number freed or
 * SHRINK_STOP; sc->gfp_mask carries the allocation's context, so a
 * shrinker can refuse to enter the filesystem without __GFP_FS; no scan
 * is running any more once shrinker_free() returns.
 */
#ifndef _LINUX_SHRINKER_H
#define _LINUX_SHRINKER_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/bits.h>

struct mem_cgroup;

struct shrink_control {
	gfp_t gfp_mask;
	int nid;
	unsigned long nr_to_scan;
	unsigned long nr_scanned;
	struct mem_cgroup *memcg;
};

#define SHRINK_STOP (~0UL)
#define SHRINK_EMPTY (~0UL - 1)
#define SHRINK_BATCH 128

struct shrinker {
	unsigned long (*count_objects)(struct shrinker *,
				       struct shrink_control *sc);
	unsigned long (*scan_objects)(struct shrinker *,
				      struct shrink_control *sc);
	long batch;
	int seeks;
	unsigned flags;
	atomic_t refcount;
	struct rcu_head rcu;
	void *private_data;
	struct list_head list;
	const char *name;
	atomic_long_t *nr_deferred;
};

#define DEFAULT_SEEKS 2

#define SHRINKER_REGISTERED BIT(0)
#define SHRINKER_ALLOCATED BIT(1)
#define SHRINKER_NUMA_AWARE BIT(2)
#define SHRINKER_MEMCG_AWARE BIT(3)
#define SHRINKER_NONSLAB BIT(4)
/* kshim: skip this shrinker for allocations without __GFP_FS */
#define SHRINKER_KSHIM_NEEDS_FS BIT(16)

__printf(2, 3)
struct shrinker *shrinker_alloc(unsigned int flags, const char *fmt, ...);
void shrinker_register(struct shrinker *shrinker);
void shrinker_free(struct shrinker *shrinker);

static inline bool shrinker_try_get(struct shrinker *shrinker)
{
	return atomic_inc_not_zero(&shrinker->refcount);
}

static inline void shrinker_put(struct shrinker *shrinker)
{
	atomic_dec(&shrinker->refcount);
}

static inline int shrinker_debugfs_rename(struct shrinker *shrinker,
					  const char *fmt, ...)
{
	return 0;
}

#endif /* _LINUX_SHRINKER_H */
