/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A reference count guarded by a spinlock (lib/lockref.c), as the dcache
 * uses it for d_count and d_lock.  kshim has no cmpxchg fast path: every
 * operation takes the lock, which keeps the contract (count changes are
 * atomic with respect to holders of the lock; a dead lockref, count < 0,
 * is never revived).  Out of line: implemented by the VFS.
 */
#ifndef _LINUX_LOCKREF_H
#define _LINUX_LOCKREF_H

#include <linux/spinlock.h>

struct lockref {
	spinlock_t lock;
	int count;
};

void lockref_get(struct lockref *lockref);
int lockref_put_return(struct lockref *lockref);
bool lockref_get_not_zero(struct lockref *lockref);
bool lockref_put_or_lock(struct lockref *lockref);
void lockref_mark_dead(struct lockref *lockref);
bool lockref_get_not_dead(struct lockref *lockref);

static inline bool __lockref_is_dead(const struct lockref *l)
{
	return l->count < 0;
}

#endif /* _LINUX_LOCKREF_H */
