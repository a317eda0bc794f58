/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Spinlocks.  Kernel guarantee kept: mutual exclusion with acquire/release
 * ordering (the host mutex provides both).  Interrupt and bottom-half
 * variants are the plain lock: kshim has no interrupts, and `flags` is set
 * so that callers' saved-flags variables are initialised.
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/atomic.h>
#include <linux/lockdep.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/rwlock.h>

static inline void raw_spin_lock_init(raw_spinlock_t *lock)
{
	kshim_host_mutex_init(&lock->m);
}

static inline void raw_spin_lock(raw_spinlock_t *lock)
{
	kshim_host_mutex_lock(&lock->m);
}

static inline int raw_spin_trylock(raw_spinlock_t *lock)
{
	return kshim_host_mutex_trylock(&lock->m);
}

static inline void raw_spin_unlock(raw_spinlock_t *lock)
{
	kshim_host_mutex_unlock(&lock->m);
}

#define spin_lock_init(lock) raw_spin_lock_init(&(lock)->rlock)
#define raw_spin_lock_irq(l) raw_spin_lock(l)
#define raw_spin_unlock_irq(l) raw_spin_unlock(l)
#define raw_spin_lock_bh(l) raw_spin_lock(l)
#define raw_spin_unlock_bh(l) raw_spin_unlock(l)
#define raw_spin_lock_nested(l, sub) raw_spin_lock(l)
#define raw_spin_lock_irqsave(l, flags)                                    \
	do {                                                               \
		(flags) = 0;                                               \
		raw_spin_lock(l);                                          \
	} while (0)
#define raw_spin_unlock_irqrestore(l, flags)                               \
	do {                                                               \
		(void)(flags);                                             \
		raw_spin_unlock(l);                                        \
	} while (0)

static inline void spin_lock(spinlock_t *lock)
{
	raw_spin_lock(&lock->rlock);
}

static inline int spin_trylock(spinlock_t *lock)
{
	return raw_spin_trylock(&lock->rlock);
}

static inline void spin_unlock(spinlock_t *lock)
{
	raw_spin_unlock(&lock->rlock);
}

/* racy by nature, as in the kernel: only for assertions and heuristics */
static inline int spin_is_locked(spinlock_t *lock)
{
	if (!spin_trylock(lock))
		return 1;
	spin_unlock(lock);
	return 0;
}

#define spin_lock_nested(lock, subclass) spin_lock(lock)
#define spin_lock_nest_lock(lock, nest_lock) spin_lock(lock)
#define spin_lock_bh(lock) spin_lock(lock)
#define spin_unlock_bh(lock) spin_unlock(lock)
#define spin_trylock_bh(lock) spin_trylock(lock)
#define spin_lock_irq(lock) spin_lock(lock)
#define spin_unlock_irq(lock) spin_unlock(lock)
#define spin_trylock_irq(lock) spin_trylock(lock)
#define spin_lock_irqsave(lock, flags)                                     \
	do {                                                               \
		(flags) = 0;                                               \
		spin_lock(lock);                                           \
	} while (0)
#define spin_lock_irqsave_nested(lock, flags, subclass)                    \
	spin_lock_irqsave(lock, flags)
#define spin_unlock_irqrestore(lock, flags)                                \
	do {                                                               \
		(void)(flags);                                             \
		spin_unlock(lock);                                         \
	} while (0)
#define spin_trylock_irqsave(lock, flags) ({ (flags) = 0; spin_trylock(lock); })
#define spin_is_contended(lock) 0
#define spin_needbreak(lock) 0
#define assert_spin_locked(lock) WARN_ON_ONCE(!spin_is_locked(lock))
#define assert_raw_spin_locked(lock) do { } while (0)

/* decrement @atomic; if it reaches zero, return 1 with @lock held */
static inline int atomic_dec_and_lock(atomic_t *atomic, spinlock_t *lock)
{
	if (atomic_add_unless(atomic, -1, 1))
		return 0;
	spin_lock(lock);
	if (atomic_dec_and_test(atomic))
		return 1;
	spin_unlock(lock);
	return 0;
}

#define atomic_dec_and_lock_irqsave(atomic, lock, flags)                   \
	({ (flags) = 0; atomic_dec_and_lock(atomic, lock); })

static inline int atomic_dec_and_raw_lock(atomic_t *atomic,
					  raw_spinlock_t *lock)
{
	if (atomic_add_unless(atomic, -1, 1))
		return 0;
	raw_spin_lock(lock);
	if (atomic_dec_and_test(atomic))
		return 1;
	raw_spin_unlock(lock);
	return 0;
}

#include <linux/bug.h>

#endif /* __LINUX_SPINLOCK_H */
