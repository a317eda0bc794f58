/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rwlock_t: many readers or one writer, on a host rwlock.  Zeroed memory
 * is an unlocked lock.  Kernel rwlocks let a reader recurse while a writer
 * waits (interrupt readers); glibc's default rwlock prefers readers, which
 * keeps that guarantee.
 */
#ifndef __LINUX_RWLOCK_H
#define __LINUX_RWLOCK_H

#include <kshim/host.h>

typedef struct {
	struct kshim_host_rwlock l;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(x) { { { 0 } } }
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

static inline void rwlock_init(rwlock_t *lock)
{
	kshim_host_rwlock_init(&lock->l);
}

static inline void read_lock(rwlock_t *lock)
{
	kshim_host_rwlock_rdlock(&lock->l);
}

static inline void write_lock(rwlock_t *lock)
{
	kshim_host_rwlock_wrlock(&lock->l);
}

static inline int read_trylock(rwlock_t *lock)
{
	return kshim_host_rwlock_tryrdlock(&lock->l);
}

static inline int write_trylock(rwlock_t *lock)
{
	return kshim_host_rwlock_trywrlock(&lock->l);
}

static inline void read_unlock(rwlock_t *lock)
{
	kshim_host_rwlock_unlock(&lock->l);
}

static inline void write_unlock(rwlock_t *lock)
{
	kshim_host_rwlock_unlock(&lock->l);
}

#define read_lock_irq(l) read_lock(l)
#define read_unlock_irq(l) read_unlock(l)
#define write_lock_irq(l) write_lock(l)
#define write_unlock_irq(l) write_unlock(l)
#define read_lock_bh(l) read_lock(l)
#define read_unlock_bh(l) read_unlock(l)
#define write_lock_bh(l) write_lock(l)
#define write_unlock_bh(l) write_unlock(l)
#define read_lock_irqsave(l, flags) do { (flags) = 0; read_lock(l); } while (0)
#define read_unlock_irqrestore(l, flags) do { (void)(flags); read_unlock(l); } while (0)
#define write_lock_irqsave(l, flags) do { (flags) = 0; write_lock(l); } while (0)
#define write_unlock_irqrestore(l, flags) do { (void)(flags); write_unlock(l); } while (0)

#endif
