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

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock(&wq_head->lock);
	__add_wait_queue(wq_head, wq_entry);
	spin_unlock(&wq_head->lock);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock(&wq_head->lock);
	__add_wait_queue_entry_tail(wq_head, wq_entry);
	spin_unlock(&wq_head->lock);
}

/* first in line, and it ends the walk when it takes the wake-up */
void add_wait_queue_priority(struct wait_queue_head *wq_head,
			     struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE | WQ_FLAG_PRIORITY;
	spin_lock(&wq_head->lock);
	__add_wait_queue(wq_head, wq_entry);
	spin_unlock(&wq_head->lock);
}

void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry)
{
	spin_lock(&wq_head->lock);
	__remove_wait_queue(wq_head, wq_entry);
	spin_unlock(&wq_head->lock);
}

/*
 * Calls the wake functions in list order; a wake function may remove its
 * own entry (so the next one is looked up first).  An exclusive entry
 * whose function reported a wake-up uses up one of @nr_exclusive; zero
 * means no limit.  Returns how many of @nr_exclusive are left.
 */
static int wake_up_walk(struct wait_queue_head *wq_head, unsigned int mode,
			int nr_exclusive, int wake_flags, void *key)
{
	struct wait_queue_entry *curr, *next;

	if (!wq_head->head.next) {
		__kshim_wq_ready(wq_head);
		return nr_exclusive;
	}
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		/* the entry may be gone once its function returns */
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, wake_flags, key);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && --nr_exclusive == 0)
			break;
	}
	return nr_exclusive;
}

int __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
	      int nr_exclusive, void *key)
{
	int left;

	spin_lock(&wq_head->lock);
	left = wake_up_walk(wq_head, mode, nr_exclusive, 0, key);
	spin_unlock(&wq_head->lock);
	return nr_exclusive - left;
}

void __wake_up_on_current_cpu(struct wait_queue_head *wq_head,
			      unsigned int mode, void *key)
{
	__wake_up(wq_head, mode, 1, key);
}

void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr)
{
	wake_up_walk(wq_head, mode, nr, 0, NULL);
}

void __wake_up_locked_key(struct wait_queue_head *wq_head, unsigned int mode,
			  void *key)
{
	wake_up_walk(wq_head, mode, 1, 0, key);
}

void __wake_up_locked_sync_key(struct wait_queue_head *wq_head,
			       unsigned int mode, void *key)
{
	wake_up_walk(wq_head, mode, 1, 0, key);
}

void __wake_up_sync_key(struct wait_queue_head *wq_head, unsigned int mode,
			void *key)
{
	__wake_up(wq_head, mode, 1, key);
}

void __wake_up_sync(struct wait_queue_head *wq_head, unsigned int mode)
{
	__wake_up(wq_head, mode, 1, NULL);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			  int wake_flags, void *key)
{
	return try_to_wake_up(wq_entry->private, mode, wake_flags);
}

/* wakes the task and, if it was asleep, takes the entry off the queue */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			     int sync, void *key)
{
	int woken = default_wake_function(wq_entry, mode, sync, key);

	if (woken)
		list_del_init(&wq_entry->entry);
	return woken;
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

/*
 * The entry is queued (if a wake-up took it off) and the state is set
 * under the queue lock, so a waker that takes the lock after us finds
 * both; the condition is tested by the caller afterwards.
 */
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock(&wq_head->lock);
	if (list_empty(&wq_entry->entry))
		__add_wait_queue(wq_head, wq_entry);
	set_current_state(state);
	spin_unlock(&wq_head->lock);
}

/* returns true if the queue was empty before this entry was added */
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	bool first = false;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock(&wq_head->lock);
	if (list_empty(&wq_entry->entry)) {
		__kshim_wq_ready(wq_head);
		first = list_empty(&wq_head->head);
		__add_wait_queue_entry_tail(wq_head, wq_entry);
	}
	set_current_state(state);
	spin_unlock(&wq_head->lock);
	return first;
}

/* 0: kshim tasks have no signals to abort the wait for */
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state)
{
	spin_lock(&wq_head->lock);
	if (list_empty(&wq_entry->entry)) {
		if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
			__add_wait_queue_entry_tail(wq_head, wq_entry);
		else
			__add_wait_queue(wq_head, wq_entry);
	}
	set_current_state(state);
	spin_unlock(&wq_head->lock);
	return 0;
}

/*
 * Back to running and off the queue.  The lock is always taken: a waker
 * may be inside the entry's wake function right now, and the entry
 * usually lives on the waiter's stack.
 */
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry)
{
	__set_current_state(TASK_RUNNING);
	spin_lock(&wq_head->lock);
	if (!list_empty(&wq_entry->entry))
		list_del_init(&wq_entry->entry);
	spin_unlock(&wq_head->lock);
}

/*
 * wait_woken()/woken_wake_function(): the waker marks the entry WOKEN
 * before waking, the sleeper sleeps only while the mark is absent and
 * clears it afterwards, so a wake-up between the sleeper's condition
 * test and its sleep is kept in the mark.
 */
int woken_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			int sync, void *key)
{
	__atomic_fetch_or(&wq_entry->flags, WQ_FLAG_WOKEN, __ATOMIC_SEQ_CST);
	return default_wake_function(wq_entry, mode, sync, key);
}

long wait_woken(struct wait_queue_entry *wq_entry, unsigned mode, long timeout)
{
	set_current_state(mode);
	if (!(__atomic_load_n(&wq_entry->flags, __ATOMIC_ACQUIRE) & WQ_FLAG_WOKEN) &&
	    !kthread_should_stop_or_park())
		timeout = schedule_timeout(timeout);
	__set_current_state(TASK_RUNNING);
	__atomic_fetch_and(&wq_entry->flags, ~WQ_FLAG_WOKEN, __ATOMIC_SEQ_CST);
	return timeout;
}
