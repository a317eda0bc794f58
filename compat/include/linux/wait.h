/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Wait queues.  Kernel guarantees kept:
 *  - a wait queue head is a spinlock_t and a list of entries; entries are
 *    added, removed and woken under that lock;
 *  - __wake_up() calls each entry's wake function in list order and stops
 *    after the wake functions of nr_exclusive exclusive entries reported a
 *    wake-up: wake_up() wakes every non-exclusive waiter and one exclusive
 *    waiter (exclusive waiters queue at the tail);
 *  - the wait_event family re-checks the condition after every wake-up,
 *    after publishing the sleep state (prepare_to_wait_event), so a
 *    wake_up() after the condition became true is never lost; the
 *    _timeout forms return 0 on timeout, else the jiffies left (at least 1);
 *    the _lock_irq forms drop the given spinlock only around the sleep.
 * kshim tasks get no signals: interruptible and killable forms return 0
 * (never -ERESTARTSYS) unless they time out.  A zero-filled head is also a
 * valid empty queue (the list is set up on first use).
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/stddef.h>
#include <linux/spinlock.h>
#include <asm/current.h>
#include <linux/sched.h>

typedef struct wait_queue_entry wait_queue_entry_t;

typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned mode, int flags, void *key);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			  int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01
#define WQ_FLAG_WOKEN		0x02
#define WQ_FLAG_CUSTOM		0x04
#define WQ_FLAG_DONE		0x08
#define WQ_FLAG_PRIORITY	0x10

struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

struct task_struct;

#define __WAITQUEUE_INITIALIZER(name, tsk)                                 \
	{ .private = (tsk), .func = default_wake_function,                 \
	  .entry = { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk)                                       \
	struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)                                \
	{ .lock = __SPIN_LOCK_UNLOCKED(name.lock),                         \
	  .head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name)                                      \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define __WAIT_QUEUE_HEAD_INIT_ONSTACK(name) __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(name) DECLARE_WAIT_QUEUE_HEAD(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key);
#define init_waitqueue_head(wq_head) __init_waitqueue_head((wq_head), #wq_head, NULL)

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry,
					struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
}

static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
					     wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
}

/* a zero-filled head becomes an empty list here; called under the lock */
static inline void __kshim_wq_ready(struct wait_queue_head *wq_head)
{
	if (unlikely(!wq_head->head.next))
		INIT_LIST_HEAD(&wq_head->head);
}

/*
 * Lockless test for waiters.  As in the kernel, it is only safe when the
 * caller orders its condition store before it (wq_has_sleeper()).
 */
static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	struct list_head *first = __atomic_load_n(&wq_head->head.next,
						  __ATOMIC_RELAXED);

	return first && first != &wq_head->head;
}

static inline bool wq_has_single_sleeper(struct wait_queue_head *wq_head)
{
	bool one;

	spin_lock(&wq_head->lock);
	__kshim_wq_ready(wq_head);
	one = list_is_singular(&wq_head->head);
	spin_unlock(&wq_head->lock);
	return one;
}

static inline bool wq_has_sleeper(struct wait_queue_head *wq_head)
{
	smp_mb();
	return waitqueue_active(wq_head);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void add_wait_queue_priority(struct wait_queue_head *wq_head,
			     struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);

/* the __ forms: caller holds wq_head->lock */
static inline void __add_wait_queue(struct wait_queue_head *wq_head,
				    struct wait_queue_entry *wq_entry)
{
	__kshim_wq_ready(wq_head);
	list_add(&wq_entry->entry, &wq_head->head);
}

static inline void __add_wait_queue_exclusive(struct wait_queue_head *wq_head,
					      struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	__add_wait_queue(wq_head, wq_entry);
}

static inline void __add_wait_queue_entry_tail(struct wait_queue_head *wq_head,
					       struct wait_queue_entry *wq_entry)
{
	__kshim_wq_ready(wq_head);
	list_add_tail(&wq_entry->entry, &wq_head->head);
}

static inline void
__add_wait_queue_entry_tail_exclusive(struct wait_queue_head *wq_head,
				      struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	__add_wait_queue_entry_tail(wq_head, wq_entry);
}

static inline void __remove_wait_queue(struct wait_queue_head *wq_head,
				       struct wait_queue_entry *wq_entry)
{
	list_del(&wq_entry->entry);
}

int __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr,
	      void *key);
void __wake_up_on_current_cpu(struct wait_queue_head *wq_head,
			      unsigned int mode, void *key);
void __wake_up_locked_key(struct wait_queue_head *wq_head, unsigned int mode,
			  void *key);
void __wake_up_sync_key(struct wait_queue_head *wq_head, unsigned int mode,
			void *key);
void __wake_up_locked_sync_key(struct wait_queue_head *wq_head,
			       unsigned int mode, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode,
		      int nr);
void __wake_up_sync(struct wait_queue_head *wq_head, unsigned int mode);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_locked(x)		__wake_up_locked((x), TASK_NORMAL, 1)
#define wake_up_all_locked(x)		__wake_up_locked((x), TASK_NORMAL, 0)
#define wake_up_sync(x)			__wake_up_sync(x, TASK_NORMAL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr)	__wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_interruptible_sync(x)	__wake_up_sync((x), TASK_INTERRUPTIBLE)

/* poll masks travel as the wake-up key */
#define poll_to_key(m) ((void *)(uintptr_t)(__poll_t)(m))
#define key_to_poll(m) ((__poll_t)(uintptr_t)(void *)(m))
#define wake_up_poll(x, m)                                                 \
	__wake_up(x, TASK_NORMAL, 1, poll_to_key(m))
#define wake_up_poll_on_current_cpu(x, m)                                  \
	__wake_up_on_current_cpu(x, TASK_NORMAL, poll_to_key(m))
#define wake_up_locked_poll(x, m)                                          \
	__wake_up_locked_key((x), TASK_NORMAL, poll_to_key(m))
#define wake_up_interruptible_poll(x, m)                                   \
	__wake_up(x, TASK_INTERRUPTIBLE, 1, poll_to_key(m))
#define wake_up_interruptible_sync_poll(x, m)                              \
	__wake_up_sync_key((x), TASK_INTERRUPTIBLE, poll_to_key(m))
#define wake_up_interruptible_sync_poll_locked(x, m)                       \
	__wake_up_locked_sync_key((x), TASK_INTERRUPTIBLE, poll_to_key(m))

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);
long wait_woken(struct wait_queue_entry *wq_entry, unsigned mode, long timeout);
int woken_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			int sync, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode,
			     int sync, void *key);

#define DEFINE_WAIT_FUNC(name, function)                                   \
	struct wait_queue_entry name = {                                   \
		.private = current,                                        \
		.func = function,                                          \
		.entry = LIST_HEAD_INIT((name).entry),                     \
	}
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)
#define init_wait(wait) init_wait_entry((wait), 0)
#define init_wait_func(wait, function)                                     \
	do {                                                               \
		init_wait_entry((wait), 0);                                \
		(wait)->func = (function);                                 \
	} while (0)

/*
 * The wait_event family.
 *
 * ___wait_event() is the one loop every form expands to: publish the
 * entry and the sleep state, test the condition, run @cmd (the sleep),
 * repeat.  As in the kernel, its result variable is called __ret and a
 * @cmd may assign it (the timeout forms store the jiffies left there);
 * ___wait_cond_timeout() reads the same variable.
 */
#define ___wait_is_interruptible(state)                                    \
	(!__builtin_constant_p(state) ||                                   \
	 ((state) & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))

/* true when the wait is over: condition met (>= 1 jiffy left) or timed out */
#define ___wait_cond_timeout(condition)                                    \
	({                                                                 \
		bool __kw_met = (condition);                               \
		if (__kw_met && !__ret)                                    \
			__ret = 1;                                         \
		__kw_met || !__ret;                                        \
	})

#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd)      \
	({                                                                 \
		struct wait_queue_entry __kw_wait;                         \
		long __ret = (ret);                                        \
		init_wait_entry(&__kw_wait,                                \
				(exclusive) ? WQ_FLAG_EXCLUSIVE : 0);      \
		for (;;) {                                                 \
			(void)prepare_to_wait_event(&(wq_head), &__kw_wait, \
						    (state));              \
			if (condition)                                     \
				break;                                     \
			cmd;                                               \
		}                                                          \
		finish_wait(&(wq_head), &__kw_wait);                       \
		__ret;                                                     \
	})

/* untimed forms: 0 once @condition holds */
#define __kshim_wait(wq_head, condition, state, exclusive, cmd)            \
	({                                                                 \
		long __kw_res = 0;                                         \
		might_sleep();                                             \
		if (!(condition))                                          \
			__kw_res = ___wait_event(wq_head, condition, state, \
						 exclusive, 0, cmd);       \
		(int)__kw_res;                                             \
	})

/* timed forms: @cmd must assign __ret the jiffies left */
#define __kshim_wait_timeout(wq_head, condition, state, exclusive, timeout, cmd) \
	({                                                                 \
		long __kw_tmo = (timeout);                                 \
		long __ret = __kw_tmo;                                     \
		might_sleep();                                             \
		if (!___wait_cond_timeout(condition))                      \
			__ret = ___wait_event(wq_head,                     \
					      ___wait_cond_timeout(condition), \
					      state, exclusive, __kw_tmo, cmd); \
		__ret;                                                     \
	})

#define __kshim_sleep_tmo() __ret = schedule_timeout(__ret)

#define __wait_event(wq_head, condition)                                   \
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, \
			    schedule())
#define wait_event(wq_head, condition)                                     \
	do {                                                               \
		(void)__kshim_wait(wq_head, condition, TASK_UNINTERRUPTIBLE, \
				   0, schedule());                         \
	} while (0)
#define io_wait_event(wq_head, condition)                                  \
	do {                                                               \
		(void)__kshim_wait(wq_head, condition, TASK_UNINTERRUPTIBLE, \
				   0, io_schedule());                      \
	} while (0)
#define wait_event_freezable(wq_head, condition)                           \
	__kshim_wait(wq_head, condition, TASK_INTERRUPTIBLE | TASK_FREEZABLE, \
		     0, schedule())
#define __wait_event_timeout(wq_head, condition, timeout)                  \
	___wait_event(wq_head, ___wait_cond_timeout(condition),            \
		      TASK_UNINTERRUPTIBLE, 0, timeout, __kshim_sleep_tmo())
#define wait_event_timeout(wq_head, condition, timeout)                    \
	__kshim_wait_timeout(wq_head, condition, TASK_UNINTERRUPTIBLE, 0,  \
			     timeout, __kshim_sleep_tmo())
#define wait_event_freezable_timeout(wq_head, condition, timeout)          \
	__kshim_wait_timeout(wq_head, condition,                           \
			     TASK_INTERRUPTIBLE | TASK_FREEZABLE, 0,       \
			     timeout, __kshim_sleep_tmo())
#define wait_event_exclusive_cmd(wq_head, condition, cmd1, cmd2)           \
	do {                                                               \
		(void)__kshim_wait(wq_head, condition, TASK_UNINTERRUPTIBLE, \
				   1, ({ cmd1; schedule(); cmd2; }));      \
	} while (0)
#define wait_event_cmd(wq_head, condition, cmd1, cmd2)                     \
	do {                                                               \
		(void)__kshim_wait(wq_head, condition, TASK_UNINTERRUPTIBLE, \
				   0, ({ cmd1; schedule(); cmd2; }));      \
	} while (0)
#define __wait_event_interruptible(wq_head, condition)                     \
	(int)___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0,   \
			   schedule())
#define wait_event_interruptible(wq_head, condition)                       \
	__kshim_wait(wq_head, condition, TASK_INTERRUPTIBLE, 0, schedule())
#define __wait_event_interruptible_timeout(wq_head, condition, timeout)    \
	___wait_event(wq_head, ___wait_cond_timeout(condition),            \
		      TASK_INTERRUPTIBLE, 0, timeout, __kshim_sleep_tmo())
#define wait_event_interruptible_timeout(wq_head, condition, timeout)      \
	__kshim_wait_timeout(wq_head, condition, TASK_INTERRUPTIBLE, 0,    \
			     timeout, __kshim_sleep_tmo())
#define wait_event_interruptible_exclusive(wq, condition)                  \
	__kshim_wait(wq, condition, TASK_INTERRUPTIBLE, 1, schedule())
#define wait_event_killable_exclusive(wq, condition)                       \
	__kshim_wait(wq, condition, TASK_KILLABLE, 1, schedule())
#define wait_event_freezable_exclusive(wq, condition)                      \
	__kshim_wait(wq, condition, TASK_INTERRUPTIBLE | TASK_FREEZABLE, 1, \
		     schedule())
#define wait_event_idle(wq_head, condition)                                \
	do {                                                               \
		(void)__kshim_wait(wq_head, condition, TASK_IDLE, 0,       \
				   schedule());                            \
	} while (0)
#define wait_event_idle_exclusive(wq_head, condition)                      \
	do {                                                               \
		(void)__kshim_wait(wq_head, condition, TASK_IDLE, 1,       \
				   schedule());                            \
	} while (0)
#define wait_event_idle_timeout(wq_head, condition, timeout)               \
	__kshim_wait_timeout(wq_head, condition, TASK_IDLE, 0, timeout,    \
			     __kshim_sleep_tmo())
#define wait_event_idle_exclusive_timeout(wq_head, condition, timeout)     \
	__kshim_wait_timeout(wq_head, condition, TASK_IDLE, 1, timeout,    \
			     __kshim_sleep_tmo())
#define __wait_event_killable(wq, condition)                               \
	(int)___wait_event(wq, condition, TASK_KILLABLE, 0, 0, schedule())
#define wait_event_killable(wq_head, condition)                            \
	__kshim_wait(wq_head, condition, TASK_KILLABLE, 0, schedule())
#define wait_event_state(wq_head, condition, state)                        \
	__kshim_wait(wq_head, condition, state, 0, schedule())
#define wait_event_killable_timeout(wq_head, condition, timeout)           \
	__kshim_wait_timeout(wq_head, condition, TASK_KILLABLE, 0, timeout, \
			     __kshim_sleep_tmo())

/* the _lock_irq forms: @lock is held around every test of @condition */
#define __kshim_unlock_sleep(lock, sleep)                                  \
	({                                                                 \
		spin_unlock_irq(&(lock));                                  \
		sleep;                                                     \
		spin_lock_irq(&(lock));                                    \
	})
#define __wait_event_lock_irq(wq_head, condition, lock, cmd)               \
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, \
			    ({ cmd; __kshim_unlock_sleep(lock, schedule()); }))
#define wait_event_lock_irq_cmd(wq_head, condition, lock, cmd)             \
	do {                                                               \
		(void)__kshim_wait(wq_head, condition, TASK_UNINTERRUPTIBLE, \
				   0, ({ cmd; __kshim_unlock_sleep(lock, schedule()); })); \
	} while (0)
#define wait_event_lock_irq(wq_head, condition, lock)                      \
	wait_event_lock_irq_cmd(wq_head, condition, lock, )
#define wait_event_interruptible_lock_irq_cmd(wq_head, condition, lock, cmd) \
	__kshim_wait(wq_head, condition, TASK_INTERRUPTIBLE, 0,            \
		     ({ cmd; __kshim_unlock_sleep(lock, schedule()); }))
#define wait_event_interruptible_lock_irq(wq_head, condition, lock)        \
	wait_event_interruptible_lock_irq_cmd(wq_head, condition, lock, )
#define wait_event_interruptible_lock_irq_timeout(wq_head, condition, lock, timeout) \
	__kshim_wait_timeout(wq_head, condition, TASK_INTERRUPTIBLE, 0,    \
			     timeout,                                      \
			     __kshim_unlock_sleep(lock, __kshim_sleep_tmo()))
#define wait_event_lock_irq_timeout(wq_head, condition, lock, timeout)     \
	__kshim_wait_timeout(wq_head, condition, TASK_UNINTERRUPTIBLE, 0,  \
			     timeout,                                      \
			     __kshim_unlock_sleep(lock, __kshim_sleep_tmo()))

/*
 * The _locked forms: the caller holds wq.lock (taken with spin_lock or
 * spin_lock_irq); it is dropped only around the sleep.
 */
#define __kshim_wait_locked(wq, condition, exclusive)                      \
	({                                                                 \
		DEFINE_WAIT(__kw_lw);                                      \
		if (exclusive)                                             \
			__kw_lw.flags |= WQ_FLAG_EXCLUSIVE;                \
		do {                                                       \
			if (list_empty(&__kw_lw.entry))                    \
				__add_wait_queue_entry_tail(&(wq), &__kw_lw); \
			set_current_state(TASK_INTERRUPTIBLE);             \
			spin_unlock(&(wq).lock);                           \
			schedule();                                        \
			spin_lock(&(wq).lock);                             \
		} while (!(condition));                                    \
		if (!list_empty(&__kw_lw.entry))                           \
			list_del_init(&__kw_lw.entry);                     \
		__set_current_state(TASK_RUNNING);                         \
		0;                                                         \
	})
#define wait_event_interruptible_locked(wq, condition)                     \
	((condition) ? 0 : __kshim_wait_locked(wq, condition, 0))
#define wait_event_interruptible_locked_irq(wq, condition)                 \
	((condition) ? 0 : __kshim_wait_locked(wq, condition, 0))
#define wait_event_interruptible_exclusive_locked(wq, condition)           \
	((condition) ? 0 : __kshim_wait_locked(wq, condition, 1))
#define wait_event_interruptible_exclusive_locked_irq(wq, condition)       \
	((condition) ? 0 : __kshim_wait_locked(wq, condition, 1))

#endif /* _LINUX_WAIT_H */
