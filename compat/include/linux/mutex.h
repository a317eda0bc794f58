/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sleeping mutexes on a host mutex.  Kernel guarantees kept: one owner at
 * a time, acquire/release ordering, mutex_trylock() never sleeps,
 * mutex_is_locked() tells whether an owner holds it.  Interruptible and
 * killable forms never fail: kshim threads receive no signals.
 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/lockdep.h>
#include <kshim/host.h>

struct mutex {
	struct kshim_host_mutex m;
	atomic_long_t owner; /* a per-thread token of the holder, 0 if free */
};

#define __MUTEX_INITIALIZER(name) { .owner = ATOMIC_LONG_INIT(0) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

/* a non-zero token unique to the calling thread while it lives */
extern __thread char kshim_thread_token;
#define __kshim_mutex_token() ((long)&kshim_thread_token)

static inline void mutex_init(struct mutex *lock)
{
	kshim_host_mutex_init(&lock->m);
	atomic_long_set(&lock->owner, 0);
}

#define __mutex_init(lock, name, key) mutex_init(lock)
#define mutex_init_with_key(lock, key) mutex_init(lock)

static inline void mutex_destroy(struct mutex *lock)
{
}

static inline void mutex_lock(struct mutex *lock)
{
	kshim_host_mutex_lock_sleeping(&lock->m);
	atomic_long_set(&lock->owner, __kshim_mutex_token());
}

static inline int mutex_trylock(struct mutex *lock)
{
	if (!kshim_host_mutex_trylock(&lock->m))
		return 0;
	atomic_long_set(&lock->owner, __kshim_mutex_token());
	return 1;
}

static inline void mutex_unlock(struct mutex *lock)
{
	atomic_long_set(&lock->owner, 0);
	kshim_host_mutex_unlock(&lock->m);
}

static inline bool mutex_is_locked(struct mutex *lock)
{
	return atomic_long_read(&lock->owner) != 0;
}

/* true if the calling thread holds @lock */
static inline bool kshim_mutex_owned(struct mutex *lock)
{
	return atomic_long_read(&lock->owner) == __kshim_mutex_token();
}

static inline int __must_check mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}

static inline int __must_check mutex_lock_killable(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}

#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#define mutex_lock_nest_lock(lock, nest) mutex_lock(lock)
#define mutex_lock_io(lock) mutex_lock(lock)
#define mutex_lock_interruptible_nested(lock, sub) mutex_lock_interruptible(lock)
#define mutex_lock_killable_nested(lock, sub) mutex_lock_killable(lock)
#define mutex_trylock_recursive(lock) mutex_trylock(lock)

/* decrement @cnt; if it reaches zero, return 1 with @lock held */
static inline int atomic_dec_and_mutex_lock(atomic_t *cnt, struct mutex *lock)
{
	if (atomic_add_unless(cnt, -1, 1))
		return 0;
	mutex_lock(lock);
	if (!atomic_dec_and_test(cnt)) {
		mutex_unlock(lock);
		return 0;
	}
	return 1;
}

#endif /* __LINUX_MUTEX_H */
