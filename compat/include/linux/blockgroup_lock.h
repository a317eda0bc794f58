/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-block-group spinlocks, hashed: group g uses lock g mod NR_BG_LOCKS
 * (a power of two), so two groups may share a lock but one group always
 * maps to the same lock.
 */
#ifndef _LINUX_BLOCKGROUP_LOCK_H
#define _LINUX_BLOCKGROUP_LOCK_H

#include <linux/spinlock.h>

#define NR_BG_LOCKS 128

struct bgl_lock {
	spinlock_t lock;
} ____cacheline_aligned_in_smp;

struct blockgroup_lock {
	struct bgl_lock locks[NR_BG_LOCKS];
};

static inline void bgl_lock_init(struct blockgroup_lock *bgl)
{
	unsigned int i;

	for (i = 0; i < NR_BG_LOCKS; i++)
		spin_lock_init(&bgl->locks[i].lock);
}

static inline spinlock_t *bgl_lock_ptr(struct blockgroup_lock *bgl,
				       unsigned int block_group)
{
	return &bgl->locks[block_group & (NR_BG_LOCKS - 1)].lock;
}

#endif /* _LINUX_BLOCKGROUP_LOCK_H */
