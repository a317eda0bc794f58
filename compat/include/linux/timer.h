/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Timers (kernel/time/timer.c).  Kernel guarantees kept:
 *  - a timer's function runs once per arming, on the timer thread, no
 *    earlier than its expiry in jiffies; timers with the same expiry run
 *    in the order they were armed;
 *  - mod_timer() returns 1 if it modified a pending timer, else 0;
 *    mod_timer_pending() only re-arms a pending timer; timer_reduce() only
 *    moves a pending timer earlier;
 *  - timer_delete() returns 1 if it deactivated a pending timer and does
 *    not wait; timer_delete_sync() also waits until a running handler has
 *    returned (a WARN and no wait if called from that handler);
 *  - a handler runs without any timer lock held: it may re-arm or delete
 *    its own timer, arm others, or free its timer;
 *  - timer_shutdown*() deactivate the timer and make later arming a no-op.
 * Not kept: CPU placement and the timer wheel's slack (expiry is exact to
 * the jiffy); TIMER_DEFERRABLE timers fire like the others.
 * timer_delete and timer_delete_sync are renamed by kshim/namespace.h.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/container_of.h>
#include <linux/timer_types.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>

#define TIMER_CPUMASK		0x0003FFFF
#define TIMER_MIGRATING		0x00040000
#define TIMER_BASEMASK		(TIMER_CPUMASK | TIMER_MIGRATING)
#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00100000
#define TIMER_IRQSAFE		0x00200000
#define TIMER_INIT_FLAGS	(TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)
#define TIMER_ARRAYSHIFT	22
#define TIMER_ARRAYMASK		0xFFC00000

#define NEXT_TIMER_MAX_DELTA	((1UL << 30) - 1)

#define __TIMER_INITIALIZER(_function, _flags)                             \
	{                                                                  \
		.entry = { .next = NULL, .pprev = NULL },                  \
		.function = (_function),                                   \
		.flags = (_flags),                                         \
	}

#define DEFINE_TIMER(_name, _function)                                     \
	struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

void init_timer_key(struct timer_list *timer,
		    void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key);

#define __init_timer(_timer, _fn, _flags)                                  \
	init_timer_key((_timer), (_fn), (_flags), NULL, NULL)
#define __init_timer_on_stack(_timer, _fn, _flags)                         \
	init_timer_key((_timer), (_fn), (_flags), NULL, NULL)
#define init_timer_on_stack_key(_timer, _fn, _flags, _name, _key)          \
	init_timer_key((_timer), (_fn), (_flags), (_name), (_key))

#define timer_setup(timer, callback, flags)                                \
	__init_timer((timer), (callback), (flags))
#define timer_setup_on_stack(timer, callback, flags)                       \
	__init_timer_on_stack((timer), (callback), (flags))

static inline void destroy_timer_on_stack(struct timer_list *timer)
{
}

#define from_timer(var, callback_timer, timer_fieldname)                   \
	container_of(callback_timer, typeof(*var), timer_fieldname)

/* racy by nature, as in the kernel: the answer may change at once */
static inline int timer_pending(const struct timer_list *timer)
{
	return __atomic_load_n(&timer->entry.pprev, __ATOMIC_RELAXED) != NULL;
}

void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
void add_timer_local(struct timer_list *timer);
void add_timer_global(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);

/* -1 if the handler is running (nothing done), else as timer_delete() */
int try_to_del_timer_sync(struct timer_list *timer);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);

/* kshim: wait until @timer's handler is not running; does not deactivate */
void kshim_timer_wait_running(struct timer_list *timer);

static inline int del_timer(struct timer_list *timer)
{
	return timer_delete(timer);
}

static inline int del_timer_sync(struct timer_list *timer)
{
	return timer_delete_sync(timer);
}

#define del_singleshot_timer_sync(t) del_timer_sync(t)

#endif /* _LINUX_TIMER_H */
