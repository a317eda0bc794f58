/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sleepable RCU, minimal (compat/rcupdate.c).  Kernel guarantees kept:
 * each srcu_struct is its own domain; readers may sleep; synchronize_srcu()
 * waits for every reader of that domain that began before it, and not for
 * readers of other domains.  A zeroed srcu_struct is valid.
 * Implementation: two reader counters and an index flipped by updaters;
 * the index fetch and counter increment are one RCU read-side section, so
 * a grace period after the flip ensures every reader of the old index is
 * counted before the updater waits for the count to drain.
 */
#ifndef _LINUX_SRCU_H
#define _LINUX_SRCU_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/rcupdate.h>
#include <kshim/host.h>

struct srcu_struct {
	unsigned long idx;
	atomic_long_t readers[2];
	struct kshim_host_mutex gp_lock;
};

#define __SRCU_STRUCT_INIT(name, pcpu_name) { 0 }
#define DEFINE_SRCU(name) struct srcu_struct name = { 0 }
#define DEFINE_STATIC_SRCU(name) static struct srcu_struct name = { 0 }

int init_srcu_struct(struct srcu_struct *ssp);
void cleanup_srcu_struct(struct srcu_struct *ssp);
int __srcu_read_lock(struct srcu_struct *ssp);
void __srcu_read_unlock(struct srcu_struct *ssp, int idx);
void synchronize_srcu(struct srcu_struct *ssp);
void synchronize_srcu_expedited(struct srcu_struct *ssp);
void srcu_barrier(struct srcu_struct *ssp);

static inline int srcu_read_lock(struct srcu_struct *ssp)
{
	return __srcu_read_lock(ssp);
}

static inline void srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	__srcu_read_unlock(ssp, idx);
}

#define srcu_read_lock_nmisafe(ssp) srcu_read_lock(ssp)
#define srcu_read_unlock_nmisafe(ssp, idx) srcu_read_unlock(ssp, idx)
#define srcu_read_lock_notrace(ssp) srcu_read_lock(ssp)
#define srcu_read_unlock_notrace(ssp, idx) srcu_read_unlock(ssp, idx)
#define srcu_read_lock_held(ssp) 1
#define srcu_dereference(p, ssp) rcu_dereference_raw(p)
#define srcu_dereference_check(p, ssp, c) rcu_dereference_raw(p)
#define srcu_dereference_notrace(p, ssp) rcu_dereference_raw(p)

#endif /* _LINUX_SRCU_H */
