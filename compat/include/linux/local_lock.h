/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local locks: protection of per-CPU data against other users of the
 * same CPU.
 *
 * The kernel's non-RT local_lock only disables preemption, which suffices
 * there because nothing else runs on that CPU meanwhile.  In kshim several
 * threads may share a CPU slot (linux/smp.h), so a local_lock_t is what
 * PREEMPT_RT makes it: a per-CPU lock (here a host mutex), taken on the
 * calling thread's CPU's copy.  Kernel guarantee kept: two holders of the
 * same CPU's local lock exclude each other; holders on different CPUs do
 * not.  A thread keeps its CPU slot, so it unlocks the copy it locked.
 * A zeroed local_lock_t is unlocked.
 */
#ifndef _LINUX_LOCAL_LOCK_H
#define _LINUX_LOCAL_LOCK_H

#include <linux/spinlock.h>
#include <linux/percpu-defs.h>

typedef struct {
	raw_spinlock_t lock;
} local_lock_t;

typedef local_lock_t local_trylock_t;

#define INIT_LOCAL_LOCK(lockname) { __RAW_SPIN_LOCK_UNLOCKED(lockname.lock) }
#define INIT_LOCAL_TRYLOCK(lockname) INIT_LOCAL_LOCK(lockname)

#define local_lock_init(l) raw_spin_lock_init(&(l)->lock)
#define local_trylock_init(l) local_lock_init(l)
#define local_lock(l) raw_spin_lock(&this_cpu_ptr(l)->lock)
#define local_unlock(l) raw_spin_unlock(&this_cpu_ptr(l)->lock)
#define local_trylock(l) raw_spin_trylock(&this_cpu_ptr(l)->lock)
#define local_lock_irq(l) local_lock(l)
#define local_unlock_irq(l) local_unlock(l)
#define local_lock_irqsave(l, flags)                                       \
	do {                                                               \
		(flags) = 0;                                               \
		local_lock(l);                                             \
	} while (0)
#define local_unlock_irqrestore(l, flags)                                  \
	do {                                                               \
		(void)(flags);                                             \
		local_unlock(l);                                           \
	} while (0)
#define local_trylock_irqsave(l, flags) ({ (flags) = 0; local_trylock(l); })
#define local_lock_nested_bh(l) local_lock(l)
#define local_unlock_nested_bh(l) local_unlock(l)

#endif /* _LINUX_LOCAL_LOCK_H */
