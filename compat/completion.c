// SPDX-License-Identifier: GPL-2.0-only
/*
 * Completions (the role of kernel/sched/completion.c), on a wait queue.
 *
 * `done` counts the complete() calls not yet consumed by a wait, or is
 * UINT_MAX after complete_all().  It only changes under the queue lock; a
 * waiter tests and consumes it under that lock, sleeping between tests as
 * an exclusive entry, so one complete() wakes one waiter and a count that
 * arrives before the wait is never lost.
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/sched.h>

static inline unsigned int done_read(struct completion *x)
{
	return __atomic_load_n(&x->done, __ATOMIC_RELAXED);
}

static inline void done_write(struct completion *x, unsigned int v)
{
	__atomic_store_n(&x->done, v, __ATOMIC_RELAXED);
}

void complete(struct completion *x)
{
	unsigned int done;

	spin_lock(&x->wait.lock);
	done = done_read(x);
	if (done != UINT_MAX)
		done_write(x, done + 1);
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock(&x->wait.lock);
}

void complete_on_current_cpu(struct completion *x)
{
	complete(x);
}

void complete_all(struct completion *x)
{
	spin_lock(&x->wait.lock);
	done_write(x, UINT_MAX);
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock(&x->wait.lock);
}

/*
 * Waits until done is non-zero or @timeout jiffies passed, then consumes
 * one count.  Returns 0 on timeout, else the jiffies left (at least 1;
 * MAX_SCHEDULE_TIMEOUT when waiting without a limit).
 */
static long wait_common(struct completion *x, long timeout, unsigned int state,
			bool io)
{
	struct wait_queue_entry wait;
	unsigned int done;

	init_waitqueue_entry(&wait, current);
	spin_lock(&x->wait.lock);
	if (!done_read(x)) {
		__add_wait_queue_entry_tail_exclusive(&x->wait, &wait);
		while (!done_read(x) && timeout) {
			__set_current_state(state);
			spin_unlock(&x->wait.lock);
			timeout = io ? io_schedule_timeout(timeout)
				     : schedule_timeout(timeout);
			spin_lock(&x->wait.lock);
		}
		__remove_wait_queue(&x->wait, &wait);
		__set_current_state(TASK_RUNNING);
		if (!done_read(x)) {
			spin_unlock(&x->wait.lock);
			return 0;
		}
	}
	done = done_read(x);
	if (done != UINT_MAX)
		done_write(x, done - 1);
	spin_unlock(&x->wait.lock);
	return timeout ? timeout : 1;
}

void wait_for_completion(struct completion *x)
{
	might_sleep();
	wait_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE, false);
}

void wait_for_completion_io(struct completion *x)
{
	might_sleep();
	wait_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE, true);
}

int wait_for_completion_interruptible(struct completion *x)
{
	wait_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE, false);
	return 0;
}

int wait_for_completion_killable(struct completion *x)
{
	wait_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE, false);
	return 0;
}

int wait_for_completion_state(struct completion *x, unsigned int state)
{
	wait_common(x, MAX_SCHEDULE_TIMEOUT, state, false);
	return 0;
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	return wait_common(x, (long)timeout, TASK_UNINTERRUPTIBLE, false);
}

unsigned long wait_for_completion_io_timeout(struct completion *x,
					     unsigned long timeout)
{
	return wait_common(x, (long)timeout, TASK_UNINTERRUPTIBLE, true);
}

long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout)
{
	return wait_common(x, (long)timeout, TASK_INTERRUPTIBLE, false);
}

long wait_for_completion_killable_timeout(struct completion *x,
					  unsigned long timeout)
{
	return wait_common(x, (long)timeout, TASK_KILLABLE, false);
}

/* consumes a count if one is there, without sleeping */
bool try_wait_for_completion(struct completion *x)
{
	unsigned int done;
	bool ok = false;

	if (!done_read(x))
		return false;
	spin_lock(&x->wait.lock);
	done = done_read(x);
	if (done) {
		if (done != UINT_MAX)
			done_write(x, done - 1);
		ok = true;
	}
	spin_unlock(&x->wait.lock);
	return ok;
}

/*
 * True if a wait would not sleep.  Taking the lock once makes sure the
 * complete() that set the count has finished with the completion, so the
 * caller may free it.
 */
bool completion_done(struct completion *x)
{
	if (!done_read(x))
		return false;
	spin_lock(&x->wait.lock);
	spin_unlock(&x->wait.lock);
	return true;
}
