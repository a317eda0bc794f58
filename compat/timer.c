// SPDX-License-Identifier: GPL-2.0-only
/*
 * Timers (the role of kernel/time/timer.c).  One timer thread, started on
 * the first arming, sleeps until the earliest expiry of a list kept sorted
 * by expiry (arming order among equal expiries), and runs the expired
 * handlers one by one without holding the queue lock, so a handler may
 * re-arm, delete or free its own timer.  running_timer names the handler
 * in progress; timer_delete_sync() waits on timer_done until it changes.
 *
 * Lock order: callers may hold their own locks (the workqueue pool lock)
 * when arming or deleting; timer_lock is innermost and is never held
 * while a handler runs.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/list.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <kshim/host.h>
#include <kshim/runtime.h>

static struct kshim_host_mutex timer_lock;
static struct kshim_host_cond timer_wake;	/* the thread: new head */
static struct kshim_host_cond timer_done;	/* a handler returned */
static struct hlist_head timer_queue;		/* sorted by expiry */
static struct timer_list *running_timer;
static unsigned int done_waiters;
static bool timer_thread_started;
static __thread bool on_timer_thread;

enum mod_mode {
	MOD_ANY,
	MOD_PENDING_ONLY,
	MOD_REDUCE,
};

/*
 * The queue is an hlist kept under timer_lock.  pprev doubles as the
 * pending flag that timer_pending() reads without the lock, so every
 * store to a pprev is an atomic one.
 */
static void set_pprev(struct hlist_node *node, struct hlist_node **pprev)
{
	__atomic_store_n(&node->pprev, pprev, __ATOMIC_RELAXED);
}

/* timer_lock held: unlink @timer if queued; 1 if it was */
static int detach_timer(struct timer_list *timer)
{
	struct hlist_node *node = &timer->entry;
	struct hlist_node **pprev = node->pprev;

	if (!pprev)
		return 0;
	*pprev = node->next;
	if (node->next)
		set_pprev(node->next, pprev);
	node->next = NULL;
	set_pprev(node, NULL);
	return 1;
}

/* timer_lock held: insert after every timer expiring no later */
static void enqueue_timer(struct timer_list *timer)
{
	struct hlist_node **link = &timer_queue.first;
	struct hlist_node *node = &timer->entry;

	while (*link) {
		struct timer_list *t = hlist_entry(*link, struct timer_list, entry);

		if (time_after(t->expires, timer->expires))
			break;
		link = &(*link)->next;
	}
	node->next = *link;
	if (node->next)
		set_pprev(node->next, &node->next);
	*link = node;
	set_pprev(node, link);
	/* a new earliest expiry: the thread sleeps for too long */
	if (link == &timer_queue.first)
		kshim_host_cond_signal(&timer_wake);
}

static void *timer_thread(void *arg)
{
	kshim_thread_enter("ktimer");
	on_timer_thread = true;
	kshim_host_mutex_lock(&timer_lock);
	for (;;) {
		struct timer_list *timer;
		void (*fn)(struct timer_list *);
		long delta;

		if (hlist_empty(&timer_queue)) {
			kshim_host_cond_wait(&timer_wake, &timer_lock);
			continue;
		}
		timer = hlist_entry(timer_queue.first, struct timer_list, entry);
		delta = (long)(timer->expires - jiffies);
		if (delta > 0) {
			/* jiffies reaches expires no later than delta ms from now */
			kshim_host_cond_timedwait(&timer_wake, &timer_lock,
						  kshim_host_monotonic_ns() +
						  (u64)delta * TICK_NSEC);
			continue;
		}
		detach_timer(timer);
		fn = timer->function;
		running_timer = timer;
		kshim_host_mutex_unlock(&timer_lock);
		/* @timer may be freed or re-armed by now; only @fn is ours */
		if (fn)
			fn(timer);
		kshim_host_mutex_lock(&timer_lock);
		running_timer = NULL;
		if (done_waiters)
			kshim_host_cond_broadcast(&timer_done);
	}
	return NULL;
}

/* timer_lock held */
static void start_timer_thread(void)
{
	kshim_host_thread_t thread;
	int err;

	if (likely(timer_thread_started))
		return;
	kshim_host_cond_init(&timer_wake);
	kshim_host_cond_init(&timer_done);
	err = kshim_host_thread_create(&thread, "ktimer", timer_thread, NULL);
	if (err)
		panic("kshim: cannot start the timer thread: %d\n", err);
	kshim_host_thread_detach(thread);
	timer_thread_started = true;
}

void init_timer_key(struct timer_list *timer,
		    void (*func)(struct timer_list *), unsigned int flags,
		    const char *name, struct lock_class_key *key)
{
	timer->entry.next = NULL;
	timer->entry.pprev = NULL;
	timer->function = func;
	timer->flags = flags & ~TIMER_BASEMASK;
	timer->expires = 0;
}
EXPORT_SYMBOL(init_timer_key);

static int __mod_timer(struct timer_list *timer, unsigned long expires,
		       enum mod_mode mode)
{
	int pending;

	kshim_host_mutex_lock(&timer_lock);
	pending = timer->entry.pprev != NULL;
	/* a shut-down timer (function NULL) is silently not armed */
	if (!timer->function || (mode == MOD_PENDING_ONLY && !pending))
		goto out;
	if (mode == MOD_REDUCE && pending &&
	    !time_before(expires, timer->expires))
		goto out;
	detach_timer(timer);
	timer->expires = expires;
	start_timer_thread();
	enqueue_timer(timer);
out:
	kshim_host_mutex_unlock(&timer_lock);
	return pending;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, MOD_ANY);
}
EXPORT_SYMBOL(mod_timer);

int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, MOD_PENDING_ONLY);
}
EXPORT_SYMBOL(mod_timer_pending);

int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, MOD_REDUCE);
}
EXPORT_SYMBOL(timer_reduce);

void add_timer(struct timer_list *timer)
{
	if (WARN_ON_ONCE(timer_pending(timer)))
		return;
	__mod_timer(timer, timer->expires, MOD_ANY);
}
EXPORT_SYMBOL(add_timer);

void add_timer_on(struct timer_list *timer, int cpu)
{
	add_timer(timer);
}
EXPORT_SYMBOL(add_timer_on);

void add_timer_local(struct timer_list *timer)
{
	add_timer(timer);
}
EXPORT_SYMBOL(add_timer_local);

void add_timer_global(struct timer_list *timer)
{
	add_timer(timer);
}
EXPORT_SYMBOL(add_timer_global);

int timer_delete(struct timer_list *timer)
{
	int ret;

	kshim_host_mutex_lock(&timer_lock);
	ret = detach_timer(timer);
	kshim_host_mutex_unlock(&timer_lock);
	return ret;
}
EXPORT_SYMBOL(timer_delete);

int try_to_del_timer_sync(struct timer_list *timer)
{
	int ret = -1;

	kshim_host_mutex_lock(&timer_lock);
	if (running_timer != timer)
		ret = detach_timer(timer);
	kshim_host_mutex_unlock(&timer_lock);
	return ret;
}
EXPORT_SYMBOL(try_to_del_timer_sync);

static int delete_and_wait(struct timer_list *timer, bool shutdown)
{
	int ret;

	kshim_host_mutex_lock(&timer_lock);
	for (;;) {
		if (shutdown)
			timer->function = NULL;
		/* dequeue again after each wait: the handler may re-arm */
		ret = detach_timer(timer);
		if (running_timer != timer)
			break;
		if (WARN(on_timer_thread,
			 "timer_delete_sync() of a timer from its own handler\n"))
			break;
		done_waiters++;
		kshim_host_cond_wait(&timer_done, &timer_lock);
		done_waiters--;
	}
	kshim_host_mutex_unlock(&timer_lock);
	return ret;
}

void kshim_timer_wait_running(struct timer_list *timer)
{
	kshim_host_mutex_lock(&timer_lock);
	while (running_timer == timer && !on_timer_thread) {
		done_waiters++;
		kshim_host_cond_wait(&timer_done, &timer_lock);
		done_waiters--;
	}
	kshim_host_mutex_unlock(&timer_lock);
}
EXPORT_SYMBOL(kshim_timer_wait_running);

int timer_delete_sync(struct timer_list *timer)
{
	return delete_and_wait(timer, false);
}
EXPORT_SYMBOL(timer_delete_sync);

int timer_shutdown_sync(struct timer_list *timer)
{
	return delete_and_wait(timer, true);
}
EXPORT_SYMBOL(timer_shutdown_sync);

int timer_shutdown(struct timer_list *timer)
{
	int ret;

	kshim_host_mutex_lock(&timer_lock);
	timer->function = NULL;
	ret = detach_timer(timer);
	kshim_host_mutex_unlock(&timer_lock);
	return ret;
}
EXPORT_SYMBOL(timer_shutdown);

/* --- rounding to whole seconds --------------------------------------- */

static unsigned long round_to_second(unsigned long j, bool force_up)
{
	unsigned long original = j;
	unsigned long rem = j % HZ;

	/* less than a quarter second past a boundary rounds down */
	if (rem < HZ / 4 && !force_up)
		j -= rem;
	else if (rem)
		j += HZ - rem;
	/* never return a time in the past */
	if (time_is_after_jiffies(j))
		return j;
	return original;
}

unsigned long round_jiffies(unsigned long j)
{
	return round_to_second(j, false);
}
EXPORT_SYMBOL(round_jiffies);

unsigned long round_jiffies_relative(unsigned long j)
{
	unsigned long now = jiffies;

	return round_to_second(j + now, false) - now;
}
EXPORT_SYMBOL(round_jiffies_relative);

unsigned long round_jiffies_up(unsigned long j)
{
	return round_to_second(j, true);
}
EXPORT_SYMBOL(round_jiffies_up);

unsigned long round_jiffies_up_relative(unsigned long j)
{
	unsigned long now = jiffies;

	return round_to_second(j + now, true) - now;
}
EXPORT_SYMBOL(round_jiffies_up_relative);
