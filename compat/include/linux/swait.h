/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Simple wait queues, minimal: a wrapper over a wait queue head.  Kernel
 * guarantees kept: swake_up_one() wakes one waiter, swake_up_all() all;
 * the swait_event forms re-check their condition after each wake-up and
 * wait exclusively.  Left out: the raw swait_queue API (prepare_to_swait
 * and friends).
 */
#ifndef _LINUX_SWAIT_H
#define _LINUX_SWAIT_H

#include <linux/wait.h>

struct swait_queue_head {
	struct wait_queue_head kshim_wq;
};

#define __SWAIT_QUEUE_HEAD_INITIALIZER(name)                               \
	{ .kshim_wq = __WAIT_QUEUE_HEAD_INITIALIZER((name).kshim_wq) }
#define DECLARE_SWAIT_QUEUE_HEAD(name)                                     \
	struct swait_queue_head name = __SWAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_SWAIT_QUEUE_HEAD_ONSTACK(name) DECLARE_SWAIT_QUEUE_HEAD(name)
#define init_swait_queue_head(q) init_waitqueue_head(&(q)->kshim_wq)

static inline int swait_active(struct swait_queue_head *wq)
{
	return waitqueue_active(&wq->kshim_wq);
}

static inline bool swq_has_sleeper(struct swait_queue_head *wq)
{
	return wq_has_sleeper(&wq->kshim_wq);
}

static inline void swake_up_one(struct swait_queue_head *q)
{
	__wake_up(&q->kshim_wq, TASK_NORMAL, 1, NULL);
}

static inline void swake_up_all(struct swait_queue_head *q)
{
	__wake_up(&q->kshim_wq, TASK_NORMAL, 0, NULL);
}

/* caller holds q->kshim_wq.lock */
static inline void swake_up_locked(struct swait_queue_head *q, int wake_flags)
{
	__wake_up_locked(&q->kshim_wq, TASK_NORMAL, 1);
}

#define swait_event_exclusive(wq, condition)                               \
	do {                                                               \
		(void)__kshim_wait((wq).kshim_wq, condition,               \
				   TASK_UNINTERRUPTIBLE, 1, schedule());   \
	} while (0)
#define swait_event_idle_exclusive(wq, condition)                          \
	do {                                                               \
		(void)__kshim_wait((wq).kshim_wq, condition, TASK_IDLE, 1, \
				   schedule());                            \
	} while (0)
#define swait_event_interruptible_exclusive(wq, condition)                 \
	__kshim_wait((wq).kshim_wq, condition, TASK_INTERRUPTIBLE, 1,      \
		     schedule())
#define swait_event_timeout_exclusive(wq, condition, timeout)              \
	__kshim_wait_timeout((wq).kshim_wq, condition, TASK_UNINTERRUPTIBLE, \
			     1, timeout, __kshim_sleep_tmo())
#define swait_event_idle_timeout_exclusive(wq, condition, timeout)         \
	__kshim_wait_timeout((wq).kshim_wq, condition, TASK_IDLE, 1,       \
			     timeout, __kshim_sleep_tmo())

#endif /* _LINUX_SWAIT_H */
