// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reader-writer semaphores (the role of kernel/locking/rwsem.c).
 *
 * State (readers, writer, the waiter queue) lives under sem->wait_lock, a
 * host mutex.  Fast paths take the lock when nobody is queued and the
 * state allows it.  Otherwise the caller queues an on-stack waiter and
 * sleeps on that waiter's own host condition until a releaser hands it
 * the lock: the releaser updates the state for the waiter before waking
 * it, so a woken waiter already owns the lock and nothing can slip in
 * between.  Hand-off order is the queue order, except that when a reader
 * is at the head every queued reader enters at once (the kernel wakes the
 * readers of the whole queue likewise); a writer at the head waits for the
 * readers to drain.  New arrivals queue whenever the queue is non-empty,
 * which is what keeps writers from starving behind a stream of readers.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <kshim/host.h>

enum rwsem_waiter_kind {
	RWSEM_WAIT_READ,
	RWSEM_WAIT_WRITE,
};

struct rwsem_waiter {
	struct list_head node;
	enum rwsem_waiter_kind kind;
	bool granted;
	struct kshim_host_cond cond;
};

/* the owner token mutex.h uses: unique to the thread while it lives */
static long thread_token(void)
{
	return __kshim_mutex_token();
}

static void wait_lock(struct rw_semaphore *sem)
{
	raw_spin_lock(&sem->wait_lock);
	/* a zeroed (never initialised) semaphore has an empty queue */
	if (unlikely(!sem->wait_list.next))
		INIT_LIST_HEAD(&sem->wait_list);
}

static void wait_unlock(struct rw_semaphore *sem)
{
	raw_spin_unlock(&sem->wait_lock);
}

/* publish the state for rwsem_is_locked()/rwsem_is_contended() */
static void sync_count(struct rw_semaphore *sem)
{
	unsigned long v = (unsigned long)sem->readers << RWSEM_READER_SHIFT;

	if (sem->writer)
		v |= RWSEM_WRITER_LOCKED;
	if (!list_empty(&sem->wait_list))
		v |= RWSEM_FLAG_WAITERS;
	atomic_long_set(&sem->count, v);
}

static void grant(struct rwsem_waiter *w)
{
	list_del(&w->node);
	w->granted = true;
	kshim_host_cond_signal(&w->cond);
}

/* hand the lock to whoever may have it now; wait_lock held */
static void wake_waiters(struct rw_semaphore *sem)
{
	struct rwsem_waiter *w, *tmp;

	if (sem->writer || list_empty(&sem->wait_list))
		return;
	w = list_first_entry(&sem->wait_list, struct rwsem_waiter, node);
	if (w->kind == RWSEM_WAIT_WRITE) {
		if (sem->readers)
			return;
		sem->writer = true;
		grant(w);
		return;
	}
	list_for_each_entry_safe(w, tmp, &sem->wait_list, node) {
		if (w->kind != RWSEM_WAIT_READ)
			continue;
		sem->readers++;
		grant(w);
	}
}

/* queue and sleep until a releaser has granted the lock; wait_lock held */
static void wait_for_grant(struct rw_semaphore *sem,
			   enum rwsem_waiter_kind kind)
{
	struct rwsem_waiter w = { .kind = kind };

	kshim_host_cond_init(&w.cond);
	list_add_tail(&w.node, &sem->wait_list);
	sync_count(sem);
	while (!w.granted)
		kshim_host_cond_wait(&w.cond, &sem->wait_lock.m);
	/* the granter ran under wait_lock and has left cond_signal */
	kshim_host_cond_destroy(&w.cond);
}

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key)
{
	atomic_long_set(&sem->count, RWSEM_UNLOCKED_VALUE);
	atomic_long_set(&sem->owner, 0);
	raw_spin_lock_init(&sem->wait_lock);
	INIT_LIST_HEAD(&sem->wait_list);
	sem->readers = 0;
	sem->writer = false;
}

void down_read(struct rw_semaphore *sem)
{
	wait_lock(sem);
	if (!sem->writer && list_empty(&sem->wait_list))
		sem->readers++;
	else
		wait_for_grant(sem, RWSEM_WAIT_READ);
	sync_count(sem);
	wait_unlock(sem);
}

int down_read_interruptible(struct rw_semaphore *sem)
{
	down_read(sem);
	return 0;
}

int down_read_killable(struct rw_semaphore *sem)
{
	down_read(sem);
	return 0;
}

int down_read_trylock(struct rw_semaphore *sem)
{
	int ok = 0;

	wait_lock(sem);
	if (!sem->writer && list_empty(&sem->wait_list)) {
		sem->readers++;
		sync_count(sem);
		ok = 1;
	}
	wait_unlock(sem);
	return ok;
}

void down_write(struct rw_semaphore *sem)
{
	wait_lock(sem);
	if (!sem->writer && !sem->readers && list_empty(&sem->wait_list))
		sem->writer = true;
	else
		wait_for_grant(sem, RWSEM_WAIT_WRITE);
	atomic_long_set(&sem->owner, thread_token());
	sync_count(sem);
	wait_unlock(sem);
}

int down_write_killable(struct rw_semaphore *sem)
{
	down_write(sem);
	return 0;
}

int down_write_trylock(struct rw_semaphore *sem)
{
	int ok = 0;

	wait_lock(sem);
	if (!sem->writer && !sem->readers && list_empty(&sem->wait_list)) {
		sem->writer = true;
		atomic_long_set(&sem->owner, thread_token());
		sync_count(sem);
		ok = 1;
	}
	wait_unlock(sem);
	return ok;
}

void up_read(struct rw_semaphore *sem)
{
	wait_lock(sem);
	if (WARN_ON_ONCE(sem->writer || sem->readers <= 0)) {
		wait_unlock(sem);
		return;
	}
	if (--sem->readers == 0)
		wake_waiters(sem);
	sync_count(sem);
	wait_unlock(sem);
}

void up_write(struct rw_semaphore *sem)
{
	wait_lock(sem);
	if (WARN_ON_ONCE(!sem->writer)) {
		wait_unlock(sem);
		return;
	}
	sem->writer = false;
	atomic_long_set(&sem->owner, 0);
	wake_waiters(sem);
	sync_count(sem);
	wait_unlock(sem);
}

void downgrade_write(struct rw_semaphore *sem)
{
	wait_lock(sem);
	if (WARN_ON_ONCE(!sem->writer)) {
		wait_unlock(sem);
		return;
	}
	/* one step under wait_lock: the caller becomes a reader */
	sem->writer = false;
	sem->readers = 1;
	atomic_long_set(&sem->owner, 0);
	/* queued readers join; a writer at the head keeps waiting */
	wake_waiters(sem);
	sync_count(sem);
	wait_unlock(sem);
}
