/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Workqueues (kernel/workqueue.c).  Kernel guarantees kept:
 *  - queue_work() on an item already pending is a no-op returning false;
 *    an item re-queued while it runs is run again after the current run;
 *  - a work item never runs concurrently with itself, on any queue;
 *  - a shared pool of worker threads grows on demand, so a work item that
 *    blocks does not stall the others (on its queue or any other);
 *  - at most max_active items of one queue run at once; an ordered queue
 *    runs its items one at a time in queueing order;
 *  - flush_work() waits for the item's last queueing to finish executing;
 *    flush_workqueue() waits for everything queued before the call;
 *    drain_workqueue() and destroy_workqueue() also wait for chained work;
 *  - cancel_*_sync(): on return the item is neither pending nor running;
 *  - the work function may free, re-queue or queue other work: the worker
 *    never touches the item after the function returns.
 * Not kept: CPU affinity, freezing, rescuers (workers are created on demand
 * up to a generous cap instead), BH execution (WQ_BH queues run in worker
 * threads), lockdep annotations.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/container_of.h>
#include <linux/workqueue_types.h>
#include <linux/timer.h>

enum work_bits {
	WORK_STRUCT_PENDING_BIT = 0,	/* the item is queued or its timer armed */
	WORK_STRUCT_COLOR_BIT = 1,	/* flush color (kshim) */
	WORK_STRUCT_TIMER_BIT = 2,	/* delayed: the timer is armed (kshim) */
	WORK_STRUCT_CANCELING_BIT = 3,	/* held by a canceller (kshim) */
	WORK_STRUCT_FLAG_BITS = 4,
};

enum {
	WORK_STRUCT_PENDING = 1 << WORK_STRUCT_PENDING_BIT,
	WORK_STRUCT_STATIC = 0,
	WORK_NR_COLORS = 2,
	WORK_CPU_UNBOUND = 64,
	WORK_BUSY_PENDING = 1 << 0,
	WORK_BUSY_RUNNING = 1 << 1,
	WORKER_DESC_LEN = 32,
};

#define WORK_DATA_INIT() ATOMIC_LONG_INIT(0)
#define WORK_DATA_STATIC_INIT() ATOMIC_LONG_INIT(0)

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	/* target workqueue and CPU ->timer uses to queue ->work */
	struct workqueue_struct *wq;
	int cpu;
};

struct execute_work {
	struct work_struct work;
};

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

#define __WORK_INITIALIZER(n, f)                                           \
	{                                                                  \
		.data = WORK_DATA_STATIC_INIT(),                           \
		.entry = { &(n).entry, &(n).entry },                       \
		.func = (f),                                               \
	}

#define __DELAYED_WORK_INITIALIZER(n, f, tflags)                           \
	{                                                                  \
		.work = __WORK_INITIALIZER((n).work, (f)),                 \
		.timer = __TIMER_INITIALIZER(delayed_work_timer_fn,        \
					     (tflags)),                    \
	}

#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f)                                         \
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
#define DECLARE_DEFERRABLE_WORK(n, f)                                      \
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

static inline void __init_work(struct work_struct *work, int onstack)
{
}

static inline void destroy_work_on_stack(struct work_struct *work)
{
}

static inline void destroy_delayed_work_on_stack(struct delayed_work *work)
{
}

static inline unsigned int work_static(struct work_struct *work)
{
	return 0;
}

#define __INIT_WORK(_work, _func, _onstack)                                \
	do {                                                               \
		struct work_struct *__w = (_work);                         \
		atomic_long_set(&__w->data, 0);                            \
		INIT_LIST_HEAD(&__w->entry);                               \
		__w->func = (_func);                                       \
	} while (0)
#define __INIT_WORK_KEY(_work, _func, _onstack, _key)                      \
	__INIT_WORK(_work, _func, _onstack)

#define INIT_WORK(_work, _func) __INIT_WORK((_work), (_func), 0)
#define INIT_WORK_ONSTACK(_work, _func) __INIT_WORK((_work), (_func), 1)
#define INIT_WORK_ONSTACK_KEY(_work, _func, _key) __INIT_WORK((_work), (_func), 1)

#define __INIT_DELAYED_WORK(_work, _func, _tflags)                         \
	do {                                                               \
		INIT_WORK(&(_work)->work, (_func));                        \
		__init_timer(&(_work)->timer, delayed_work_timer_fn,       \
			     (_tflags));                                   \
		(_work)->wq = NULL;                                        \
		(_work)->cpu = 0;                                          \
	} while (0)
#define __INIT_DELAYED_WORK_ONSTACK(_work, _func, _tflags)                 \
	__INIT_DELAYED_WORK(_work, _func, _tflags)

#define INIT_DELAYED_WORK(_work, _func) __INIT_DELAYED_WORK(_work, _func, 0)
#define INIT_DELAYED_WORK_ONSTACK(_work, _func)                            \
	__INIT_DELAYED_WORK_ONSTACK(_work, _func, 0)
#define INIT_DEFERRABLE_WORK(_work, _func)                                 \
	__INIT_DELAYED_WORK(_work, _func, TIMER_DEFERRABLE)
#define INIT_DEFERRABLE_WORK_ONSTACK(_work, _func)                         \
	__INIT_DELAYED_WORK_ONSTACK(_work, _func, TIMER_DEFERRABLE)

/* racy by nature, as in the kernel */
#define work_pending(work)                                                 \
	((atomic_long_read(&(work)->data) & WORK_STRUCT_PENDING) != 0)
#define delayed_work_pending(w) work_pending(&(w)->work)

enum wq_flags {
	WQ_BH			= 1 << 0,
	WQ_UNBOUND		= 1 << 1,
	WQ_FREEZABLE		= 1 << 2,
	WQ_MEM_RECLAIM		= 1 << 3,
	WQ_HIGHPRI		= 1 << 4,
	WQ_CPU_INTENSIVE	= 1 << 5,
	WQ_SYSFS		= 1 << 6,
	WQ_POWER_EFFICIENT	= 1 << 7,
	WQ_PERCPU		= 1 << 8,

	__WQ_DESTROYING		= 1 << 15,
	__WQ_DRAINING		= 1 << 16,
	__WQ_ORDERED		= 1 << 17,
	__WQ_LEGACY		= 1 << 18,

	__WQ_BH_ALLOWS		= WQ_BH | WQ_HIGHPRI,
};

enum wq_consts {
	WQ_MAX_ACTIVE		= 512,
	WQ_UNBOUND_MAX_ACTIVE	= WQ_MAX_ACTIVE,
	WQ_DFL_ACTIVE		= WQ_MAX_ACTIVE / 2,
	WQ_DFL_MIN_ACTIVE	= 8,
};

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;
extern struct workqueue_struct *system_freezable_power_efficient_wq;
extern struct workqueue_struct *system_bh_wq;
extern struct workqueue_struct *system_bh_highpri_wq;

__printf(1, 4) struct workqueue_struct *
alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);

#define alloc_workqueue_lockdep_map(fmt, flags, max_active, lockdep_map, args...) \
	alloc_workqueue(fmt, flags, max_active, ##args)
#define alloc_ordered_workqueue(fmt, flags, args...)                       \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define alloc_ordered_workqueue_lockdep_map(fmt, flags, lockdep_map, args...) \
	alloc_ordered_workqueue(fmt, flags, ##args)
#define create_workqueue(name)                                             \
	alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name)                                   \
	alloc_workqueue("%s", __WQ_LEGACY | WQ_FREEZABLE | WQ_UNBOUND |    \
			WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name)                                \
	alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, name)

void destroy_workqueue(struct workqueue_struct *wq);

bool queue_work_on(int cpu, struct workqueue_struct *wq,
		   struct work_struct *work);
bool queue_work_node(int node, struct workqueue_struct *wq,
		     struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *work, unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay);

void __flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
#define flush_workqueue(wq) __flush_workqueue(wq)
#define flush_scheduled_work() __flush_workqueue(system_wq)

int execute_in_process_context(work_func_t fn, struct execute_work *ew);

bool flush_work(struct work_struct *work);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);

bool disable_work(struct work_struct *work);
bool disable_work_sync(struct work_struct *work);
bool enable_work(struct work_struct *work);
bool disable_delayed_work(struct delayed_work *dwork);
bool disable_delayed_work_sync(struct delayed_work *dwork);
bool enable_delayed_work(struct delayed_work *dwork);

void workqueue_set_max_active(struct workqueue_struct *wq, int max_active);
void workqueue_set_min_active(struct workqueue_struct *wq, int min_active);
struct work_struct *current_work(void);
bool current_is_workqueue_rescuer(void);
bool workqueue_congested(int cpu, struct workqueue_struct *wq);
unsigned int work_busy(struct work_struct *work);
__printf(1, 2) void set_worker_desc(const char *fmt, ...);

static inline bool queue_work(struct workqueue_struct *wq,
			      struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

static inline bool queue_delayed_work(struct workqueue_struct *wq,
				      struct delayed_work *dwork,
				      unsigned long delay)
{
	return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool mod_delayed_work(struct workqueue_struct *wq,
				    struct delayed_work *dwork,
				    unsigned long delay)
{
	return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, system_wq, work);
}

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool enable_and_queue_work(struct workqueue_struct *wq,
					 struct work_struct *work)
{
	if (enable_work(work)) {
		queue_work(wq, work);
		return true;
	}
	return false;
}

static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork,
					    unsigned long delay)
{
	return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork,
					 unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/* every CPU is the current one here: run @fn synchronously */
static inline long work_on_cpu(int cpu, long (*fn)(void *), void *arg)
{
	return fn(arg);
}

static inline long work_on_cpu_safe(int cpu, long (*fn)(void *), void *arg)
{
	return fn(arg);
}

static inline int workqueue_sysfs_register(struct workqueue_struct *wq)
{
	return 0;
}

static inline void wq_watchdog_touch(int cpu)
{
}

#endif /* _LINUX_WORKQUEUE_H */
