// SPDX-License-Identifier: GPL-2.0-only
/*
 * Workqueues (the role of kernel/workqueue.c).
 *
 * One pool of worker threads serves every workqueue.  Each workqueue keeps
 * its queued items in order; the pool keeps the queues that have items on
 * a ready list and a worker takes the first item it may run: one whose
 * queue is below max_active and that no other worker is executing (a
 * busy hash of running items gives the non-reentrancy guarantee; for an
 * ordered queue only the head item is a candidate, which keeps the order).
 * Whenever runnable work remains after a worker takes an item and no
 * worker is idle, a new worker is started, up to MAX_WORKERS: a blocked
 * item never stalls the others.  Idle workers beyond IDLE_KEEP end after
 * IDLE_TIMEOUT_NS.
 *
 * work->data holds, while the item is queued, its workqueue pointer (16-byte
 * aligned) and the PENDING and COLOR bits; otherwise PENDING, TIMER
 * (delayed work whose timer is armed), CANCELING (a cancel_*_sync() holds
 * the item) and, above the flag bits, the disable count.  All changes of
 * data happen under pool_lock.
 *
 * flush_workqueue() uses two flush colors per queue: it flips the color of
 * newly queued items and waits until no item of the old color is queued
 * or running.  flush_work() and cancel_*_sync() wait for one execution,
 * named by the sequence number a worker gives each item it takes.
 *
 * Lock order: pool_lock, then the timer lock (queue_delayed_work arms the
 * timer under pool_lock; delayed_work_timer_fn runs without the timer
 * lock).  Waiting for a running timer handler is done with pool_lock
 * dropped, and only waits: by then the timer may belong to a new arming.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/stdarg.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <kshim/host.h>
#include <kshim/runtime.h>

#define WORK_PENDING	(1UL << WORK_STRUCT_PENDING_BIT)
#define WORK_COLOR	(1UL << WORK_STRUCT_COLOR_BIT)
#define WORK_TIMER	(1UL << WORK_STRUCT_TIMER_BIT)
#define WORK_CANCELING	(1UL << WORK_STRUCT_CANCELING_BIT)
#define WORK_FLAGS_MASK	((1UL << WORK_STRUCT_FLAG_BITS) - 1)
#define WORK_DISABLE_MAX 0xffffUL

#define MAX_WORKERS	512
#define IDLE_KEEP	2
#define IDLE_TIMEOUT_NS	(5ULL * NSEC_PER_SEC)
#define BUSY_HASH_SIZE	64

struct workqueue_struct {
	struct list_head pending;	/* queued items, oldest first */
	struct list_head ready_node;	/* in wq_ready while pending is not empty */
	struct list_head all_node;	/* in all_wqs */
	unsigned int flags;
	int max_active;
	int nr_active;			/* items being executed */
	long inflight[2];		/* queued or running, per flush color */
	unsigned int color;		/* flush color of newly queued items */
	bool flushing;			/* a flush_workqueue() is under way */
	int draining;			/* drain or destroy under way */
	void *alloc;			/* the allocation (wq is aligned in it) */
	char name[32];
};

struct worker {
	struct list_head node;		/* in all_workers */
	struct hlist_node busy_node;	/* in busy_hash while executing */
	struct work_struct *cur_work;	/* compared only, never dereferenced */
	work_func_t cur_func;
	struct workqueue_struct *cur_wq;
	unsigned int cur_color;
	u64 seq;			/* execution number of cur_work */
};

/* one waiter for one execution of a work item (flush_work, cancel_sync) */
struct exec_waiter {
	struct list_head node;
	struct work_struct *work;	/* waiting for the next pick of this */
	u64 seq;			/* ...or for this execution (0: unknown) */
	bool done;
};

struct workqueue_struct *system_wq;
struct workqueue_struct *system_highpri_wq;
struct workqueue_struct *system_long_wq;
struct workqueue_struct *system_unbound_wq;
struct workqueue_struct *system_freezable_wq;
struct workqueue_struct *system_power_efficient_wq;
struct workqueue_struct *system_freezable_power_efficient_wq;
struct workqueue_struct *system_bh_wq;
struct workqueue_struct *system_bh_highpri_wq;
EXPORT_SYMBOL(system_wq);
EXPORT_SYMBOL(system_highpri_wq);
EXPORT_SYMBOL(system_long_wq);
EXPORT_SYMBOL(system_unbound_wq);
EXPORT_SYMBOL(system_freezable_wq);
EXPORT_SYMBOL(system_power_efficient_wq);
EXPORT_SYMBOL(system_freezable_power_efficient_wq);
EXPORT_SYMBOL(system_bh_wq);
EXPORT_SYMBOL(system_bh_highpri_wq);

static struct kshim_host_mutex pool_lock;
static struct kshim_host_cond worker_cond;	/* idle workers sleep here */
static struct kshim_host_cond done_cond;	/* executions end, flushes end */
static bool pool_ready;
static LIST_HEAD(wq_ready);
static LIST_HEAD(all_wqs);
static LIST_HEAD(all_workers);
static LIST_HEAD(exec_waiters);
static struct hlist_head busy_hash[BUSY_HASH_SIZE];
static int nr_workers, nr_idle, nr_starting;
static unsigned int done_waiters;
static u64 exec_seq;
static __thread struct worker *this_worker;

static void lock_pool(void)
{
	kshim_host_mutex_lock(&pool_lock);
}

static void unlock_pool(void)
{
	kshim_host_mutex_unlock(&pool_lock);
}

static unsigned long wdata(struct work_struct *work)
{
	return atomic_long_read(&work->data);
}

static void set_wdata(struct work_struct *work, unsigned long data)
{
	atomic_long_set(&work->data, data);
}

static bool on_queue(unsigned long data)
{
	return (data & WORK_PENDING) && !(data & (WORK_TIMER | WORK_CANCELING));
}

static unsigned long disable_count(unsigned long data)
{
	return on_queue(data) ? 0 : data >> WORK_STRUCT_FLAG_BITS;
}

static struct workqueue_struct *data_wq(unsigned long data)
{
	return (struct workqueue_struct *)(data & ~WORK_FLAGS_MASK);
}

static struct hlist_head *busy_bucket(struct work_struct *work)
{
	unsigned long v = (unsigned long)work >> 4;

	return &busy_hash[(v ^ (v >> 7) ^ (v >> 13)) % BUSY_HASH_SIZE];
}

/* pool_lock held: the worker executing @work, if any */
static struct worker *find_running(struct work_struct *work)
{
	struct worker *worker;

	hlist_for_each_entry(worker, busy_bucket(work), busy_node)
		if (worker->cur_work == work && worker->cur_func == work->func)
			return worker;
	return NULL;
}

static void wake_done_waiters(void)
{
	if (done_waiters)
		kshim_host_cond_broadcast(&done_cond);
}

/* pool_lock held: sleep until something finishes */
static void wait_done(void)
{
	done_waiters++;
	kshim_host_cond_wait(&done_cond, &pool_lock);
	done_waiters--;
}

static void *worker_thread(void *arg);

/* pool_lock held */
static void spawn_worker(void)
{
	kshim_host_thread_t thread;
	struct worker *worker;
	int err;

	worker = kzalloc(sizeof(*worker), GFP_ATOMIC);
	if (!worker)
		goto fail;
	INIT_HLIST_NODE(&worker->busy_node);
	list_add_tail(&worker->node, &all_workers);
	nr_workers++;
	nr_starting++;
	err = kshim_host_thread_create(&thread, "kworker", worker_thread, worker);
	if (err) {
		list_del(&worker->node);
		nr_workers--;
		nr_starting--;
		kfree(worker);
		goto fail;
	}
	kshim_host_thread_detach(thread);
	return;
fail:
	WARN_ONCE(!nr_workers, "kshim: cannot start a workqueue worker\n");
}

/* pool_lock held: make sure some worker will look at the queues */
static void kick_workers(void)
{
	if (nr_idle > 0)
		kshim_host_cond_signal(&worker_cond);
	else if (!nr_starting && nr_workers < MAX_WORKERS)
		spawn_worker();
}

/* pool_lock held, the caller owns PENDING of @work */
static void insert_work(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned int color = wq->color;

	set_wdata(work, (unsigned long)wq | WORK_PENDING | (color ? WORK_COLOR : 0));
	list_add_tail(&work->entry, &wq->pending);
	wq->inflight[color]++;
	if (list_empty(&wq->ready_node))
		list_add_tail(&wq->ready_node, &wq_ready);
	kick_workers();
}

/* pool_lock held: unlink a queued item, the caller now owns PENDING */
static void unqueue_work(struct work_struct *work, unsigned long data)
{
	struct workqueue_struct *wq = data_wq(data);
	struct exec_waiter *waiter;

	list_del_init(&work->entry);
	if (list_empty(&wq->pending))
		list_del_init(&wq->ready_node);
	wq->inflight[(data & WORK_COLOR) ? 1 : 0]--;
	/* flushers of this queueing have nothing left to wait for */
	list_for_each_entry(waiter, &exec_waiters, node)
		if (waiter->work == work && !waiter->seq)
			waiter->done = true;
	set_wdata(work, WORK_PENDING);
	wake_done_waiters();
}

/* pool_lock held: the next item a worker may execute */
static struct work_struct *pick_work(struct workqueue_struct **wqp)
{
	struct workqueue_struct *wq;
	struct work_struct *work;

	list_for_each_entry(wq, &wq_ready, ready_node) {
		if (wq->nr_active >= wq->max_active)
			continue;
		list_for_each_entry(work, &wq->pending, entry) {
			if (!find_running(work)) {
				/* round robin between the queues */
				list_move_tail(&wq->ready_node, &wq_ready);
				*wqp = wq;
				return work;
			}
			if (wq->flags & __WQ_ORDERED)
				break;
		}
	}
	return NULL;
}

/* pool_lock held on entry and on return; dropped while @work runs */
static void execute_work(struct worker *me, struct workqueue_struct *wq,
			 struct work_struct *work)
{
	unsigned long data = wdata(work);
	struct exec_waiter *waiter;

	list_del_init(&work->entry);
	if (list_empty(&wq->pending))
		list_del_init(&wq->ready_node);
	/* not pending any more: it may be queued again while it runs */
	set_wdata(work, 0);
	me->cur_work = work;
	me->cur_func = work->func;
	me->cur_wq = wq;
	me->cur_color = (data & WORK_COLOR) ? 1 : 0;
	me->seq = ++exec_seq;
	hlist_add_head(&me->busy_node, busy_bucket(work));
	wq->nr_active++;
	list_for_each_entry(waiter, &exec_waiters, node)
		if (waiter->work == work && !waiter->seq)
			waiter->seq = me->seq;
	if (!list_empty(&wq_ready))
		kick_workers();
	unlock_pool();

	me->cur_func(work);	/* @work may be gone once this returns */

	lock_pool();
	hlist_del_init(&me->busy_node);
	me->cur_work = NULL;
	me->cur_func = NULL;
	wq->nr_active--;
	wq->inflight[me->cur_color]--;
	me->cur_wq = NULL;
	list_for_each_entry(waiter, &exec_waiters, node)
		if (waiter->seq == me->seq)
			waiter->done = true;
	wake_done_waiters();
}

static void *worker_thread(void *arg)
{
	struct worker *me = arg;
	bool expired = false;

	kshim_thread_enter("kworker");
	this_worker = me;
	lock_pool();
	nr_starting--;
	for (;;) {
		struct workqueue_struct *wq;
		struct work_struct *work = pick_work(&wq);

		if (work) {
			expired = false;
			execute_work(me, wq, work);
			continue;
		}
		if (expired && nr_idle >= IDLE_KEEP)
			break;
		nr_idle++;
		expired = kshim_host_cond_timedwait(&worker_cond, &pool_lock,
						    kshim_host_monotonic_ns() +
						    IDLE_TIMEOUT_NS);
		nr_idle--;
	}
	list_del(&me->node);
	nr_workers--;
	unlock_pool();
	this_worker = NULL;
	kfree(me);
	return NULL;
}

/* pool_lock held: wait for the execution numbered @seq to end */
static void wait_execution(u64 seq)
{
	struct exec_waiter waiter = { .work = NULL, .seq = seq, .done = false };

	list_add_tail(&waiter.node, &exec_waiters);
	while (!waiter.done)
		wait_done();
	list_del(&waiter.node);
}

/* queueing from a work item of @wq itself, allowed while it drains */
static bool chained_work(struct workqueue_struct *wq)
{
	return this_worker && this_worker->cur_wq == wq;
}

static bool may_queue(struct workqueue_struct *wq)
{
	return !wq->draining ||
	       !WARN_ONCE(!chained_work(wq),
			  "kshim: queueing on workqueue %s while it drains\n",
			  wq->name);
}

bool queue_work_on(int cpu, struct workqueue_struct *wq,
		   struct work_struct *work)
{
	unsigned long data;
	bool ret = false;

	lock_pool();
	data = wdata(work);
	if (!(data & WORK_PENDING) && !disable_count(data) && may_queue(wq)) {
		insert_work(wq, work);
		ret = true;
	}
	unlock_pool();
	return ret;
}
EXPORT_SYMBOL(queue_work_on);

bool queue_work_node(int node, struct workqueue_struct *wq,
		     struct work_struct *work)
{
	return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}
EXPORT_SYMBOL(queue_work_node);

/* pool_lock held, the caller owns PENDING of dwork->work, not disabled */
static void __queue_delayed_work(struct workqueue_struct *wq,
				 struct delayed_work *dwork,
				 unsigned long delay)
{
	dwork->wq = wq;
	if (!delay) {
		insert_work(wq, &dwork->work);
		return;
	}
	set_wdata(&dwork->work, WORK_PENDING | WORK_TIMER);
	mod_timer(&dwork->timer, jiffies + delay);
}

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	lock_pool();
	if (wdata(&dwork->work) & WORK_TIMER)
		insert_work(dwork->wq, &dwork->work);
	unlock_pool();
}
EXPORT_SYMBOL(delayed_work_timer_fn);

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq,
			   struct delayed_work *dwork, unsigned long delay)
{
	unsigned long data;
	bool ret = false;

	lock_pool();
	data = wdata(&dwork->work);
	if (!(data & WORK_PENDING) && !disable_count(data) && may_queue(wq)) {
		__queue_delayed_work(wq, dwork, delay);
		ret = true;
	}
	unlock_pool();
	return ret;
}
EXPORT_SYMBOL(queue_delayed_work_on);

/*
 * pool_lock held: take PENDING away from whoever holds it.  Returns 1 if
 * @work was queued or its timer armed (the caller now owns PENDING and
 * data is WORK_PENDING), 0 if it was not pending, -EAGAIN if its timer
 * handler is running (wait for it, then retry) and -EBUSY if a
 * cancel_*_sync() holds it.
 */
static int try_grab_pending(struct work_struct *work)
{
	unsigned long data = wdata(work);

	if (!(data & WORK_PENDING))
		return 0;
	if (data & WORK_CANCELING)
		return -EBUSY;
	if (data & WORK_TIMER) {
		if (!timer_delete(&to_delayed_work(work)->timer))
			return -EAGAIN;
		set_wdata(work, WORK_PENDING);
		return 1;
	}
	unqueue_work(work, data);
	return 1;
}

/* pool_lock held on entry and return; -EAGAIN never escapes */
static int grab_pending(struct work_struct *work)
{
	int ret;

	while ((ret = try_grab_pending(work)) == -EAGAIN) {
		/* only wait: the timer may be re-armed by the time we look */
		unlock_pool();
		kshim_timer_wait_running(&to_delayed_work(work)->timer);
		lock_pool();
	}
	return ret;
}

/*
 * The body of every cancel and disable: take PENDING, add @disable to the
 * disable count and, for @sync, wait for a running execution while
 * holding the item (CANCELING) so that it cannot be queued meanwhile.
 */
static bool __cancel_work(struct work_struct *work, bool sync, int disable)
{
	unsigned long count;
	struct worker *running;
	int ret;

	lock_pool();
	for (;;) {
		ret = grab_pending(work);
		if (ret != -EBUSY)
			break;
		if (!sync) {
			/* a canceller holds it: it is not pending for us */
			if (disable)
				set_wdata(work, wdata(work) +
					  ((unsigned long)disable << WORK_STRUCT_FLAG_BITS));
			unlock_pool();
			return false;
		}
		wait_done();
	}
	count = wdata(work) >> WORK_STRUCT_FLAG_BITS;
	if (disable && !WARN_ON_ONCE(count >= WORK_DISABLE_MAX))
		count += disable;
	if (sync) {
		set_wdata(work, WORK_PENDING | WORK_CANCELING |
				(count << WORK_STRUCT_FLAG_BITS));
		running = find_running(work);
		if (running && !WARN(running == this_worker,
				     "kshim: work item cancels itself synchronously\n"))
			wait_execution(running->seq);
		/* a disable_work() may have counted in meanwhile */
		count = wdata(work) >> WORK_STRUCT_FLAG_BITS;
	}
	set_wdata(work, count << WORK_STRUCT_FLAG_BITS);
	wake_done_waiters();
	unlock_pool();
	return ret == 1;
}

bool cancel_work(struct work_struct *work)
{
	return __cancel_work(work, false, 0);
}
EXPORT_SYMBOL(cancel_work);

bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work(work, true, 0);
}
EXPORT_SYMBOL(cancel_work_sync);

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, false, 0);
}
EXPORT_SYMBOL(cancel_delayed_work);

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true, 0);
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

bool disable_work(struct work_struct *work)
{
	return __cancel_work(work, false, 1);
}
EXPORT_SYMBOL(disable_work);

bool disable_work_sync(struct work_struct *work)
{
	return __cancel_work(work, true, 1);
}
EXPORT_SYMBOL(disable_work_sync);

bool disable_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, false, 1);
}
EXPORT_SYMBOL(disable_delayed_work);

bool disable_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, true, 1);
}
EXPORT_SYMBOL(disable_delayed_work_sync);

/* true when the disable count drops to zero */
bool enable_work(struct work_struct *work)
{
	unsigned long data;
	bool ret;

	lock_pool();
	data = wdata(work);
	if (WARN_ON_ONCE(!disable_count(data))) {
		ret = true;
	} else {
		data -= 1UL << WORK_STRUCT_FLAG_BITS;
		set_wdata(work, data);
		ret = !disable_count(data);
	}
	unlock_pool();
	return ret;
}
EXPORT_SYMBOL(enable_work);

bool enable_delayed_work(struct delayed_work *dwork)
{
	return enable_work(&dwork->work);
}
EXPORT_SYMBOL(enable_delayed_work);

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq,
			 struct delayed_work *dwork, unsigned long delay)
{
	struct work_struct *work = &dwork->work;
	unsigned long count;
	int ret;

	lock_pool();
	ret = grab_pending(work);
	if (ret == -EBUSY) {
		/* being cancelled: like a disabled item, not queued */
		unlock_pool();
		return false;
	}
	count = wdata(work) >> WORK_STRUCT_FLAG_BITS;
	if (!count && may_queue(wq)) {
		set_wdata(work, WORK_PENDING);
		__queue_delayed_work(wq, dwork, delay);
	} else {
		set_wdata(work, count << WORK_STRUCT_FLAG_BITS);
	}
	unlock_pool();
	return ret == 1;
}
EXPORT_SYMBOL(mod_delayed_work_on);

/* pool_lock held on entry and return */
static bool flush_work_locked(struct work_struct *work)
{
	struct exec_waiter waiter = { .work = work, .seq = 0, .done = false };
	struct worker *running = find_running(work);

	if (running && running == this_worker) {
		WARN(1, "kshim: work item flushes itself\n");
		return false;
	}
	if (!on_queue(wdata(work))) {
		if (!running)
			return false;
		waiter.seq = running->seq;
	}
	/* queued: wait for the next execution (seq filled in when picked) */
	list_add_tail(&waiter.node, &exec_waiters);
	while (!waiter.done)
		wait_done();
	list_del(&waiter.node);
	return true;
}

bool flush_work(struct work_struct *work)
{
	bool ret;

	lock_pool();
	ret = flush_work_locked(work);
	unlock_pool();
	return ret;
}
EXPORT_SYMBOL(flush_work);

bool flush_delayed_work(struct delayed_work *dwork)
{
	struct work_struct *work = &dwork->work;
	bool ret;

	lock_pool();
	while (wdata(work) & WORK_TIMER) {
		/* run it now instead of at its expiry */
		if (timer_delete(&dwork->timer)) {
			insert_work(dwork->wq, work);
			break;
		}
		unlock_pool();
		kshim_timer_wait_running(&dwork->timer);
		lock_pool();
	}
	ret = flush_work_locked(work);
	unlock_pool();
	return ret;
}
EXPORT_SYMBOL(flush_delayed_work);

void __flush_workqueue(struct workqueue_struct *wq)
{
	unsigned int old;

	if (WARN(chained_work(wq), "kshim: work item flushes its own workqueue %s\n",
		 wq->name))
		return;
	lock_pool();
	while (wq->flushing)
		wait_done();
	wq->flushing = true;
	old = wq->color;
	wq->color = !old;
	while (wq->inflight[old])
		wait_done();
	wq->flushing = false;
	wake_done_waiters();
	unlock_pool();
}
EXPORT_SYMBOL(__flush_workqueue);

void drain_workqueue(struct workqueue_struct *wq)
{
	bool busy;

	lock_pool();
	wq->draining++;
	unlock_pool();
	do {
		__flush_workqueue(wq);
		lock_pool();
		busy = wq->inflight[0] || wq->inflight[1];
		unlock_pool();
	} while (busy);
	lock_pool();
	wq->draining--;
	unlock_pool();
}
EXPORT_SYMBOL(drain_workqueue);

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq;
	va_list args;
	void *mem;

	mem = kzalloc(sizeof(*wq) + WORK_FLAGS_MASK, GFP_KERNEL);
	if (!mem)
		return NULL;
	/* data keeps flag bits below the pointer */
	wq = PTR_ALIGN((struct workqueue_struct *)mem, WORK_FLAGS_MASK + 1);
	wq->alloc = mem;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	if (flags & __WQ_ORDERED)
		max_active = 1;
	else if (max_active <= 0)
		max_active = WQ_DFL_ACTIVE;
	else if (max_active > WQ_MAX_ACTIVE)
		max_active = WQ_MAX_ACTIVE;
	wq->flags = flags;
	wq->max_active = max_active;
	INIT_LIST_HEAD(&wq->pending);
	INIT_LIST_HEAD(&wq->ready_node);

	lock_pool();
	if (!pool_ready) {
		kshim_host_cond_init(&worker_cond);
		kshim_host_cond_init(&done_cond);
		pool_ready = true;
	}
	list_add_tail(&wq->all_node, &all_wqs);
	unlock_pool();
	return wq;
}
EXPORT_SYMBOL(alloc_workqueue);

void destroy_workqueue(struct workqueue_struct *wq)
{
	drain_workqueue(wq);
	lock_pool();
	wq->draining++;		/* for good: __WQ_DESTROYING */
	WARN(wq->nr_active || !list_empty(&wq->pending),
	     "kshim: workqueue %s busy at destruction\n", wq->name);
	list_del(&wq->all_node);
	unlock_pool();
	kfree(wq->alloc);
}
EXPORT_SYMBOL(destroy_workqueue);

void workqueue_set_max_active(struct workqueue_struct *wq, int max_active)
{
	if (WARN_ON(wq->flags & __WQ_ORDERED))
		return;
	if (max_active <= 0)
		max_active = 1;
	if (max_active > WQ_MAX_ACTIVE)
		max_active = WQ_MAX_ACTIVE;
	lock_pool();
	wq->max_active = max_active;
	if (!list_empty(&wq->pending))
		kshim_host_cond_broadcast(&worker_cond);
	unlock_pool();
}
EXPORT_SYMBOL(workqueue_set_max_active);

void workqueue_set_min_active(struct workqueue_struct *wq, int min_active)
{
}
EXPORT_SYMBOL(workqueue_set_min_active);

struct work_struct *current_work(void)
{
	return this_worker ? this_worker->cur_work : NULL;
}
EXPORT_SYMBOL(current_work);

bool current_is_workqueue_rescuer(void)
{
	return false;
}
EXPORT_SYMBOL(current_is_workqueue_rescuer);

bool workqueue_congested(int cpu, struct workqueue_struct *wq)
{
	bool ret;

	lock_pool();
	ret = wq->nr_active >= wq->max_active && !list_empty(&wq->pending);
	unlock_pool();
	return ret;
}
EXPORT_SYMBOL(workqueue_congested);

unsigned int work_busy(struct work_struct *work)
{
	unsigned int ret = 0;

	lock_pool();
	if (wdata(work) & WORK_PENDING)
		ret |= WORK_BUSY_PENDING;
	if (find_running(work))
		ret |= WORK_BUSY_RUNNING;
	unlock_pool();
	return ret;
}
EXPORT_SYMBOL(work_busy);

void set_worker_desc(const char *fmt, ...)
{
}
EXPORT_SYMBOL(set_worker_desc);

/* kshim always runs in process context: call @fn at once */
int execute_in_process_context(work_func_t fn, struct execute_work *ew)
{
	fn(&ew->work);
	return 0;
}
EXPORT_SYMBOL(execute_in_process_context);

static int __init kshim_workqueue_init(void)
{
	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq = alloc_workqueue("events_unbound", WQ_UNBOUND,
					    WQ_MAX_ACTIVE);
	system_freezable_wq = alloc_workqueue("events_freezable",
					      WQ_FREEZABLE, 0);
	system_power_efficient_wq = alloc_workqueue("events_power_efficient",
						    WQ_POWER_EFFICIENT, 0);
	system_freezable_power_efficient_wq =
		alloc_workqueue("events_freezable_pwr_efficient",
				WQ_FREEZABLE | WQ_POWER_EFFICIENT, 0);
	system_bh_wq = alloc_workqueue("events_bh", WQ_BH, 0);
	system_bh_highpri_wq = alloc_workqueue("events_bh_highpri",
					       WQ_BH | WQ_HIGHPRI, 0);
	if (!system_wq || !system_highpri_wq || !system_long_wq ||
	    !system_unbound_wq || !system_freezable_wq ||
	    !system_power_efficient_wq ||
	    !system_freezable_power_efficient_wq || !system_bh_wq ||
	    !system_bh_highpri_wq)
		return -ENOMEM;
	return 0;
}
core_initcall(kshim_workqueue_init);
