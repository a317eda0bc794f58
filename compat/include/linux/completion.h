/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Completions.  Kernel guarantees kept: complete() lets exactly one
 * waiter through (n complete() calls let n waits pass, in any order of
 * complete and wait); complete_all() lets every current and future waiter
 * through until reinit_completion(); the waits are exclusive, so one
 * complete() wakes one sleeper.  The timed waits return 0 on timeout, else
 * the jiffies left (at least 1).  No signals: the interruptible and
 * killable waits never return -ERESTARTSYS.
 * A zero-filled completion is a valid, not-done completion.
 */
#ifndef __LINUX_COMPLETION_H
#define __LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;	/* UINT_MAX: completed for all */
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work)                                       \
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define COMPLETION_INITIALIZER_ONSTACK_MAP(work, map)                      \
	(*({ init_completion(&(work)); &(work); }))
#define COMPLETION_INITIALIZER_ONSTACK(work)                               \
	(*({ init_completion(&(work)); &(work); }))
#define DECLARE_COMPLETION(work)                                           \
	struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)
#define DECLARE_COMPLETION_ONSTACK_MAP(work, map) DECLARE_COMPLETION(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	__atomic_store_n(&x->done, 0, __ATOMIC_RELAXED);
}

void wait_for_completion(struct completion *x);
void wait_for_completion_io(struct completion *x);
int wait_for_completion_interruptible(struct completion *x);
int wait_for_completion_killable(struct completion *x);
int wait_for_completion_state(struct completion *x, unsigned int state);
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
unsigned long wait_for_completion_io_timeout(struct completion *x,
					     unsigned long timeout);
long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout);
long wait_for_completion_killable_timeout(struct completion *x,
					  unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

void complete(struct completion *x);
void complete_on_current_cpu(struct completion *x);
void complete_all(struct completion *x);

#endif /* __LINUX_COMPLETION_H */
