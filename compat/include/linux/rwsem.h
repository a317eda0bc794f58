/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reader-writer semaphores (kernel/locking/rwsem.c).
 *
 * Kernel guarantees kept: many readers or one writer; acquire on down,
 * release on up; a waiting writer makes later readers queue behind it, and
 * waiters are granted in arrival order (a run of readers at the head of
 * the queue enters together), so neither side starves; downgrade_write()
 * turns a write hold into a read hold with no writer able to get in
 * between; the read side may be released by another thread than the one
 * that took it (up_read_non_owner, and plain up_read too).
 *
 * Implemented in compat/rwsem.c on a host mutex (wait_lock) and a FIFO of
 * on-stack waiters, each with its own host condition; a pthread rwlock
 * cannot serve because it forbids release by a non-owner.  `count`
 * mirrors the state for the lock-free predicates.  A zeroed rw_semaphore
 * is valid and unlocked.  Killable/interruptible forms never fail: kshim
 * threads receive no signals.
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/spinlock_types.h>
#include <linux/bug.h>

struct rw_semaphore {
	/* bit 0: writer holds it, bit 1: waiters queued, bits 8+: readers */
	atomic_long_t count;
	/* a per-thread token of the writer, 0 when none (informational) */
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;	/* NULL pointers mean empty */
	long readers;			/* protected by wait_lock */
	bool writer;			/* protected by wait_lock */
};

#define RWSEM_UNLOCKED_VALUE		0UL
#define RWSEM_WRITER_LOCKED		(1UL << 0)
#define RWSEM_FLAG_WAITERS		(1UL << 1)
#define RWSEM_READER_SHIFT		8
#define RWSEM_READER_BIAS		(1UL << RWSEM_READER_SHIFT)

#define __RWSEM_INITIALIZER(name)                                          \
	{                                                                  \
		.count = ATOMIC_LONG_INIT(RWSEM_UNLOCKED_VALUE),           \
		.owner = ATOMIC_LONG_INIT(0),                              \
		.wait_lock = __RAW_SPIN_LOCK_UNLOCKED(name.wait_lock),     \
		.wait_list = LIST_HEAD_INIT((name).wait_list),             \
	}

#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key);
#define init_rwsem(sem) __init_rwsem((sem), #sem, NULL)

static inline int rwsem_is_locked(const struct rw_semaphore *sem)
{
	return (atomic_long_read(&sem->count) & ~RWSEM_FLAG_WAITERS) != 0;
}

static inline int rwsem_is_contended(struct rw_semaphore *sem)
{
	return (atomic_long_read(&sem->count) & RWSEM_FLAG_WAITERS) != 0;
}

#define rwsem_assert_held_nolockdep(sem) WARN_ON_ONCE(!rwsem_is_locked(sem))
#define rwsem_assert_held_write_nolockdep(sem)                             \
	WARN_ON_ONCE(!(atomic_long_read(&(sem)->count) & RWSEM_WRITER_LOCKED))
#define rwsem_assert_held(sem) rwsem_assert_held_nolockdep(sem)
#define rwsem_assert_held_write(sem) rwsem_assert_held_write_nolockdep(sem)

void down_read(struct rw_semaphore *sem);
int __must_check down_read_interruptible(struct rw_semaphore *sem);
int __must_check down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int __must_check down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);

/* lockdep is off: the nesting annotations are the plain operations */
#define down_read_nested(sem, subclass) down_read(sem)
#define down_read_killable_nested(sem, subclass) down_read_killable(sem)
#define down_write_nest_lock(sem, nest_lock) down_write(sem)
#define down_write_nested(sem, subclass) down_write(sem)
#define down_write_killable_nested(sem, subclass) down_write_killable(sem)
/* the read side is not tied to its owner here, so these are the plain ones */
#define down_read_non_owner(sem) down_read(sem)
#define up_read_non_owner(sem) up_read(sem)

#endif /* _LINUX_RWSEM_H */
