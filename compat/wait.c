// SPDX-License-Identifier: GPL-2.0-only
/*
 * Wait queues (the role of kernel/sched/wait.c): adding and removing
 * entries under the head's spinlock, waking them in list order, and the
 * prepare/finish steps the wait_event macros are built from.
 *
 * Waking runs each entry's wake function with the head's lock held; the
 * lock order is always wait queue lock, then a task's sleep lock (taken
 * by try_to_wake_up()).  Sleepers never hold their sleep lock while
 * taking a wait queue lock.
 */
#include <linux/kernel.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/kthread.h>

void __init_waitqueue_head(struct wait_queue_head *wqh, const char *name,
			   struct lock_class_key *key)
{
	spin_lock_init(&wqh->lock);
	INIT_LIST_HEAD(&wqh->head);
}

void add_wait_queue(struct wait_queue_head *wqh,
		    struct wait_queue_entry *we)
{
	spin_lock(&wqh->lock);
	we->flags &= ~WQ_FLAG_EXCLUSIVE;
	__add_wait_queue(wqh, we);
	spin_unlock(&wqh->lock);
}

void add_wait_queue_exclusive(struct wait_queue_head *wqh,
			      struct wait_queue_entry *we)
{
	spin_lock(&wqh->lock);
	we->flags |= WQ_FLAG_EXCLUSIVE;
	__add_wait_queue_entry_tail(wqh, we);
	spin_unlock(&wqh->lock);
}

/* first in line, and it ends the walk when it takes the wake-up */
void add_wait_queue_priority(struct wait_queue_head *wqh,
			     struct wait_queue_entry *we)
{
	spin_lock(&wqh->lock);
	we->flags |= WQ_FLAG_EXCLUSIVE | WQ_FLAG_PRIORITY;
	__add_wait_queue(wqh, we);
	spin_unlock(&wqh->lock);
}

void remove_wait_queue(struct wait_queue_head *wqh,
		       struct wait_queue_entry *we)
{
	spin_lock(&wqh->lock);
	__remove_wait_queue(wqh, we);
	spin_unlock(&wqh->lock);
}

/*
 * Calls the wake functions in list order; a wake function may remove its
 * own entry (so the next one is looked up first).  An exclusive entry
 * whose function reported a wake-up uses up one of @nr_exclusive; zero
 * means no limit.  Returns how many of @nr_exclusive are left.
 */
static int wake_up_walk(struct wait_queue_head *wqh, unsigned int mode,
			int nr_exclusive, int wake_flags, void *key)
{
	struct wait_queue_entry *curr, *next;

	if (!wqh->head.next) {
		__kshim_wq_ready(wqh);
		return nr_exclusive;
	}
	list_for_each_entry_safe(curr, next, &wqh->head, entry) {
		/* the entry may be gone once its function returns */
		unsigned int flags = __atomic_load_n(&curr->flags, __ATOMIC_RELAXED);
		int ret = curr->func(curr, mode, wake_flags, key);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && --nr_exclusive == 0)
			break;
	}
	return nr_exclusive;
}

int __wake_up(struct wait_queue_head *wqh, unsigned int mode,
	      int nr_exclusive, void *key)
{
	int left;

	spin_lock(&wqh->lock);
	left = wake_up_walk(wqh, mode, nr_exclusive, 0, key);
	spin_unlock(&wqh->lock);
	return nr_exclusive - left;
}

void __wake_up_on_current_cpu(struct wait_queue_head *wqh,
			      unsigned int mode, void *key)
{
	__wake_up(wqh, mode, 1, key);
}

void __wake_up_locked(struct wait_queue_head *wqh, unsigned int mode,
		      int nr)
{
	wake_up_walk(wqh, mode, nr, 0, NULL);
}

void __wake_up_locked_key(struct wait_queue_head *wqh, unsigned int mode,
			  void *key)
{
	wake_up_walk(wqh, mode, 1, 0, key);
}

void __wake_up_locked_sync_key(struct wait_queue_head *wqh,
			       unsigned int mode, void *key)
{
	wake_up_walk(wqh, mode, 1, 0, key);
}

void __wake_up_sync_key(struct wait_queue_head *wqh, unsigned int mode,
			void *key)
{
	__wake_up(wqh, mode, 1, key);
}

void __wake_up_sync(struct wait_queue_head *wqh, unsigned int mode)
{
	__wake_up(wqh, mode, 1, NULL);
}

int default_wake_function(struct wait_queue_entry *we, unsigned mode,
			  int wake_flags, void *key)
{
	return try_to_wake_up(we->private, mode, wake_flags);
}

/* wakes the task and, if it was asleep, takes the entry off the queue */
int autoremove_wake_function(struct wait_queue_entry *we, unsigned mode,
			     int sync, void *key)
{
	int woken = default_wake_function(we, mode, sync, key);

	if (woken)
		list_del_init(&we->entry);
	return woken;
}

void init_wait_entry(struct wait_queue_entry *we, int flags)
{
	we->flags = flags;
	we->private = current;
	we->func = autoremove_wake_function;
	INIT_LIST_HEAD(&we->entry);
}

/*
 * The entry is queued (if a wake-up took it off) and the state is set
 * under the queue lock, so a waker that takes the lock after us finds
 * both; the condition is tested by the caller afterwards.
 */
void prepare_to_wait(struct wait_queue_head *wqh,
		     struct wait_queue_entry *we, int state)
{
	spin_lock(&wqh->lock);
	we->flags &= ~WQ_FLAG_EXCLUSIVE;
	if (list_empty(&we->entry))
		__add_wait_queue(wqh, we);
	set_current_state(state);
	spin_unlock(&wqh->lock);
}

/* returns true if the queue was empty before this entry was added */
bool prepare_to_wait_exclusive(struct wait_queue_head *wqh,
			       struct wait_queue_entry *we, int state)
{
	bool first = false;

	spin_lock(&wqh->lock);
	we->flags |= WQ_FLAG_EXCLUSIVE;
	if (list_empty(&we->entry)) {
		__kshim_wq_ready(wqh);
		first = list_empty(&wqh->head);
		__add_wait_queue_entry_tail(wqh, we);
	}
	set_current_state(state);
	spin_unlock(&wqh->lock);
	return first;
}

/* 0: kshim tasks have no signals to abort the wait for */
long prepare_to_wait_event(struct wait_queue_head *wqh,
			   struct wait_queue_entry *we, int state)
{
	spin_lock(&wqh->lock);
	if (list_empty(&we->entry)) {
		if (we->flags & WQ_FLAG_EXCLUSIVE)
			__add_wait_queue_entry_tail(wqh, we);
		else
			__add_wait_queue(wqh, we);
	}
	set_current_state(state);
	spin_unlock(&wqh->lock);
	return 0;
}

/*
 * Back to running and off the queue.  The lock is always taken: a waker
 * may be inside the entry's wake function right now, and the entry
 * usually lives on the waiter's stack.
 */
void finish_wait(struct wait_queue_head *wqh,
		 struct wait_queue_entry *we)
{
	__set_current_state(TASK_RUNNING);
	spin_lock(&wqh->lock);
	if (!list_empty(&we->entry))
		list_del_init(&we->entry);
	spin_unlock(&wqh->lock);
}

/*
 * wait_woken()/woken_wake_function(): the waker marks the entry WOKEN
 * before waking, the sleeper sleeps only while the mark is absent and
 * clears it afterwards, so a wake-up between the sleeper's condition
 * test and its sleep is kept in the mark.
 */
int woken_wake_function(struct wait_queue_entry *we, unsigned mode,
			int sync, void *key)
{
	__atomic_fetch_or(&we->flags, WQ_FLAG_WOKEN, __ATOMIC_SEQ_CST);
	return default_wake_function(we, mode, sync, key);
}

long wait_woken(struct wait_queue_entry *we, unsigned mode, long timeout)
{
	set_current_state(mode);
	if (!(__atomic_load_n(&we->flags, __ATOMIC_ACQUIRE) & WQ_FLAG_WOKEN) &&
	    !kthread_should_stop_or_park())
		timeout = schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	__atomic_fetch_and(&we->flags, ~WQ_FLAG_WOKEN, __ATOMIC_SEQ_CST);
	return timeout;
}
