// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of workqueues: non-reentrancy, queue_work on a pending item,
 * a blocked item not stalling others, ordered queues, max_active, the
 * flush and cancel waits, destroy draining, delayed work, disabling, and
 * work items that free or re-queue themselves.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <kshim/host.h>
#include <kshim/runtime.h>
#include "ktest.h"

/* --- non-reentrancy ---------------------------------------------------- */

static atomic_t inside, overlaps, runs;

static void sleepy_fn(struct work_struct *work)
{
	if (atomic_inc_return(&inside) > 1)
		atomic_inc(&overlaps);
	kshim_host_sleep_ns(200 * 1000);
	atomic_inc(&runs);
	atomic_dec(&inside);
}

static struct workqueue_struct *hammer_wq;
static struct work_struct hammer_work;
static atomic_t queued_ok;

static void *requeue_thread(void *arg)
{
	int i;

	kshim_thread_enter("requeue");
	/* long enough for the item to run many times, even when slow */
	for (i = 0; i < 3000 || (atomic_read(&runs) < 50 && i < 5000000); i++) {
		if (queue_work(hammer_wq, &hammer_work))
			atomic_inc(&queued_ok);
		if (i % 16 == 0)
			kshim_host_yield();
	}
	return NULL;
}

/* max_active 256: only non-reentrancy keeps the item from overlapping */
KTEST(work_never_runs_concurrently_with_itself)
{
	kshim_host_thread_t th[4];
	int i;

	hammer_wq = alloc_workqueue("hammer", WQ_UNBOUND, 0);
	KT_ASSERT(hammer_wq);
	INIT_WORK(&hammer_work, sleepy_fn);
	for (i = 0; i < 4; i++)
		KT_ASSERT_EQ(kshim_host_thread_create(&th[i], "requeue",
						      requeue_thread, NULL), 0);
	for (i = 0; i < 4; i++)
		kshim_host_thread_join(th[i], NULL);
	flush_work(&hammer_work);
	KT_EXPECT_EQ(atomic_read(&overlaps), 0);
	/* every successful queueing ran exactly once */
	KT_EXPECT_EQ(atomic_read(&runs), atomic_read(&queued_ok));
	KT_EXPECT(atomic_read(&runs) > 1);
	KT_EXPECT(!work_pending(&hammer_work));
	destroy_workqueue(hammer_wq);
}

static atomic_t gate_open, gate_entered, gate_runs;

static void gated_fn(struct work_struct *work)
{
	atomic_inc(&gate_entered);
	ktest_wait_until(atomic_read_acquire(&gate_open), 10000);
	atomic_inc(&gate_runs);
}

KTEST(requeued_while_running_runs_again)
{
	struct workqueue_struct *wq = alloc_workqueue("rerun", 0, 4);
	struct work_struct w;

	KT_ASSERT(wq);
	INIT_WORK_ONSTACK(&w, gated_fn);
	KT_EXPECT(queue_work(wq, &w));
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&gate_entered) == 1, 5000));
	/* running, not pending: queueing succeeds, once */
	KT_EXPECT(!work_pending(&w));
	KT_EXPECT(queue_work(wq, &w));
	KT_EXPECT(!queue_work(wq, &w));
	KT_EXPECT_EQ(work_busy(&w), WORK_BUSY_PENDING | WORK_BUSY_RUNNING);
	ktest_sleep_ms(30);
	/* the second instance waits for the first */
	KT_EXPECT_EQ(atomic_read(&gate_entered), 1);
	atomic_set(&gate_open, 1);
	KT_EXPECT(flush_work(&w));
	KT_EXPECT_EQ(atomic_read(&gate_runs), 2);
	KT_EXPECT(!flush_work(&w));
	destroy_workqueue(wq);
	destroy_work_on_stack(&w);
}

/* --- concurrency management ------------------------------------------ */

static atomic_t blocker_release, others_done;

static void blocker_fn(struct work_struct *work)
{
	ktest_wait_until(atomic_read_acquire(&blocker_release), 10000);
}

static void other_fn(struct work_struct *work)
{
	atomic_inc(&others_done);
}

KTEST(blocked_item_does_not_stall_others)
{
	struct workqueue_struct *wq = alloc_workqueue("stall", 0, 0);
	struct workqueue_struct *wq2 = alloc_workqueue("stall2", 0, 0);
	struct work_struct blocker, other[8], elsewhere;
	int i;

	KT_ASSERT(wq && wq2);
	INIT_WORK(&blocker, blocker_fn);
	queue_work(wq, &blocker);
	for (i = 0; i < 8; i++) {
		INIT_WORK(&other[i], other_fn);
		queue_work(wq, &other[i]);
	}
	INIT_WORK(&elsewhere, other_fn);
	queue_work(wq2, &elsewhere);
	KT_EXPECT(ktest_wait_until(atomic_read_acquire(&others_done) == 9, 5000));
	KT_EXPECT(!atomic_read(&blocker_release));
	KT_EXPECT(work_busy(&blocker) & WORK_BUSY_RUNNING);
	atomic_set(&blocker_release, 1);
	destroy_workqueue(wq);
	destroy_workqueue(wq2);
}

/* items that each wait for a companion: only a growing pool runs them */
static atomic_t rendezvous;

static void rendezvous_fn(struct work_struct *work)
{
	atomic_inc(&rendezvous);
	ktest_wait_until(atomic_read_acquire(&rendezvous) >= 32, 10000);
}

KTEST(pool_grows_for_mutually_waiting_items)
{
	struct work_struct w[32];
	int i;

	for (i = 0; i < 32; i++) {
		INIT_WORK(&w[i], rendezvous_fn);
		queue_work(system_unbound_wq, &w[i]);
	}
	for (i = 0; i < 32; i++)
		flush_work(&w[i]);
	KT_EXPECT_EQ(atomic_read(&rendezvous), 32);
}

/* --- ordered queues and max_active ------------------------------------ */

struct seq_item {
	struct work_struct work;
	int id;
};

static atomic_t seq_pos, active, max_seen;
static int seq_log[200];

static void note_active(void)
{
	int now = atomic_inc_return(&active), old;

	old = atomic_read(&max_seen);
	while (now > old && !atomic_try_cmpxchg(&max_seen, &old, now))
		;
}

static void seq_fn(struct work_struct *work)
{
	struct seq_item *it = container_of(work, struct seq_item, work);

	note_active();
	if (it->id % 16 == 0)
		ktest_sleep_ms(1);
	seq_log[atomic_inc_return(&seq_pos) - 1] = it->id;
	atomic_dec(&active);
}

KTEST(ordered_queue_runs_in_order_one_at_a_time)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("ordered-%d", 0, 1);
	static struct seq_item items[200];
	int i;

	KT_ASSERT(wq);
	for (i = 0; i < 200; i++) {
		items[i].id = i;
		INIT_WORK(&items[i].work, seq_fn);
		KT_EXPECT(queue_work(wq, &items[i].work));
	}
	flush_workqueue(wq);
	KT_EXPECT_EQ(atomic_read(&seq_pos), 200);
	KT_EXPECT_EQ(atomic_read(&max_seen), 1);
	for (i = 0; i < 200; i++)
		if (!KT_EXPECT_EQ(seq_log[i], i))
			break;
	destroy_workqueue(wq);
}

static void pair_fn(struct work_struct *work)
{
	note_active();
	/* wait (bounded) for a companion, so two do overlap if allowed */
	ktest_wait_until(atomic_read_acquire(&active) >= 2, 20);
	ktest_sleep_ms(2);
	atomic_dec(&active);
	atomic_inc(&runs);
}

KTEST(max_active_two_is_never_exceeded)
{
	struct workqueue_struct *wq = alloc_workqueue("two", 0, 2);
	struct work_struct w[24];
	int i;

	KT_ASSERT(wq);
	for (i = 0; i < 24; i++) {
		INIT_WORK(&w[i], pair_fn);
		queue_work(wq, &w[i]);
	}
	drain_workqueue(wq);
	KT_EXPECT_EQ(atomic_read(&runs), 24);
	KT_EXPECT_EQ(atomic_read(&max_seen), 2);
	destroy_workqueue(wq);
}

/* --- flushing ----------------------------------------------------------- */

static atomic_t slow_started, slow_done;

static void slow_fn(struct work_struct *work)
{
	atomic_set(&slow_started, 1);
	ktest_sleep_ms(100);
	atomic_set(&slow_done, 1);
}

KTEST(flush_work_waits_for_the_execution)
{
	struct work_struct w;

	INIT_WORK(&w, slow_fn);
	KT_EXPECT(!flush_work(&w));	/* idle: nothing to wait for */
	schedule_work(&w);
	KT_EXPECT(flush_work(&w));
	KT_EXPECT_EQ(atomic_read(&slow_done), 1);
	KT_EXPECT(!work_pending(&w));
}

static atomic_t counted;

static void count_fn(struct work_struct *work)
{
	ktest_sleep_ms(1);
	atomic_inc(&counted);
}

static struct workqueue_struct *self_wq;
static atomic_t self_stop, self_runs;

static void self_requeue_fn(struct work_struct *work)
{
	atomic_inc(&self_runs);
	if (!atomic_read(&self_stop))
		queue_work(self_wq, work);
}

KTEST(flush_workqueue_waits_for_everything_queued_before)
{
	struct work_struct w[50], self;
	int i;

	self_wq = alloc_workqueue("flushme", 0, 0);
	KT_ASSERT(self_wq);
	/* an item that keeps re-queueing itself must not make flush hang */
	INIT_WORK(&self, self_requeue_fn);
	queue_work(self_wq, &self);
	for (i = 0; i < 50; i++) {
		INIT_WORK(&w[i], count_fn);
		queue_work(self_wq, &w[i]);
	}
	flush_workqueue(self_wq);
	KT_EXPECT_EQ(atomic_read(&counted), 50);
	KT_EXPECT(atomic_read(&self_runs) >= 1);
	flush_workqueue(self_wq);
	/* cancel_work_sync stops a self-requeueing item for good */
	cancel_work_sync(&self);
	i = atomic_read(&self_runs);
	ktest_sleep_ms(20);
	KT_EXPECT_EQ(atomic_read(&self_runs), i);
	KT_EXPECT(!work_pending(&self));
	destroy_workqueue(self_wq);
}

/* --- cancelling --------------------------------------------------------- */

static atomic_t dran;

static void dcount_fn(struct work_struct *work)
{
	atomic_inc(&dran);
}

KTEST(cancel_delayed_work_sync_prevents_the_run)
{
	struct delayed_work dw;

	INIT_DELAYED_WORK(&dw, dcount_fn);
	KT_EXPECT(queue_delayed_work(system_wq, &dw, msecs_to_jiffies(100)));
	KT_EXPECT(delayed_work_pending(&dw));
	KT_EXPECT(!queue_delayed_work(system_wq, &dw, 1));
	KT_EXPECT(cancel_delayed_work_sync(&dw));
	KT_EXPECT(!delayed_work_pending(&dw));
	KT_EXPECT(!cancel_delayed_work_sync(&dw));
	ktest_sleep_ms(200);
	KT_EXPECT_EQ(atomic_read(&dran), 0);
	/* cancelling a queued (not yet running) item also prevents it */
	KT_EXPECT(queue_delayed_work(system_wq, &dw, 50));
	KT_EXPECT(cancel_delayed_work(&dw));
	KT_EXPECT(!cancel_delayed_work(&dw));
	ktest_sleep_ms(100);
	KT_EXPECT_EQ(atomic_read(&dran), 0);
}

KTEST(cancel_work_sync_waits_for_a_running_item)
{
	struct work_struct w;

	INIT_WORK(&w, slow_fn);
	queue_work(system_long_wq, &w);
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&slow_started), 5000));
	/* running, not pending: false, but only after it finished */
	KT_EXPECT(!cancel_work_sync(&w));
	KT_EXPECT_EQ(atomic_read(&slow_done), 1);
	KT_EXPECT_EQ(work_busy(&w), 0);
}

static atomic_t race_runs;

static void race_fn(struct work_struct *work)
{
	atomic_inc(&race_runs);
}

static struct delayed_work race_dw;
static atomic_t race_stop;

static void *race_queue_thread(void *arg)
{
	kshim_thread_enter("racer");
	while (!atomic_read(&race_stop)) {
		queue_delayed_work(system_wq, &race_dw, (unsigned long)arg);
		mod_delayed_work(system_wq, &race_dw, 0);
	}
	return NULL;
}

/* queueing racing with the timer, the workers and cancel_*_sync */
KTEST(cancel_sync_races_with_queueing)
{
	kshim_host_thread_t th[2];
	int i;

	INIT_DELAYED_WORK(&race_dw, race_fn);
	KT_ASSERT_EQ(kshim_host_thread_create(&th[0], "racer", race_queue_thread,
					      (void *)0UL), 0);
	KT_ASSERT_EQ(kshim_host_thread_create(&th[1], "racer", race_queue_thread,
					      (void *)1UL), 0);
	for (i = 0; i < 2000 || (!atomic_read(&race_runs) && i < 200000); i++) {
		cancel_delayed_work_sync(&race_dw);
		if (i % 2)
			flush_delayed_work(&race_dw);
		else
			kshim_host_yield();
	}
	atomic_set(&race_stop, 1);
	kshim_host_thread_join(th[0], NULL);
	kshim_host_thread_join(th[1], NULL);
	cancel_delayed_work_sync(&race_dw);
	KT_EXPECT(!delayed_work_pending(&race_dw));
	KT_EXPECT_EQ(work_busy(&race_dw.work), 0);
	i = atomic_read(&race_runs);
	ktest_sleep_ms(20);
	KT_EXPECT_EQ(atomic_read(&race_runs), i);
	KT_EXPECT(i > 0);
}

/* --- delayed work --------------------------------------------------------- */

static atomic_t stamp_set;
static ktime_t stamp;

static void stamp_fn(struct work_struct *work)
{
	stamp = ktime_get();
	atomic_set_release(&stamp_set, 1);
}

KTEST(delayed_work_waits_its_delay)
{
	struct delayed_work dw;
	ktime_t t0 = ktime_get();

	INIT_DELAYED_WORK(&dw, stamp_fn);
	KT_EXPECT(schedule_delayed_work(&dw, msecs_to_jiffies(50)));
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&stamp_set), 3000));
	KT_EXPECT(ktime_ms_delta(stamp, t0) >= 49);
	/* zero delay: queued at once, no timer */
	atomic_set(&stamp_set, 0);
	KT_EXPECT(queue_delayed_work(system_wq, &dw, 0));
	KT_EXPECT(!timer_pending(&dw.timer));
	KT_EXPECT(flush_delayed_work(&dw) || atomic_read(&stamp_set));
	KT_EXPECT_EQ(atomic_read(&stamp_set), 1);
}

KTEST(mod_and_flush_delayed_work)
{
	struct delayed_work dw;
	ktime_t t0 = ktime_get();

	INIT_DELAYED_WORK(&dw, dcount_fn);
	KT_EXPECT(!mod_delayed_work(system_wq, &dw, 100000));	/* not pending */
	KT_EXPECT(mod_delayed_work(system_wq, &dw, 10));	/* was pending */
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&dran) == 1, 3000));
	/* flush_delayed_work runs a far-off item now and waits for it */
	KT_EXPECT(queue_delayed_work(system_wq, &dw, 100000));
	KT_EXPECT(flush_delayed_work(&dw));
	KT_EXPECT_EQ(atomic_read(&dran), 2);
	KT_EXPECT(ktime_ms_delta(ktime_get(), t0) < 5000);
}

/* --- draining, freeing ------------------------------------------------------ */

static struct workqueue_struct *chain_wq;
static struct work_struct chain_next;

static void chain_fn(struct work_struct *work)
{
	ktest_sleep_ms(5);
	queue_work(chain_wq, &chain_next);	/* chained: allowed while draining */
}

KTEST(destroy_workqueue_drains)
{
	struct work_struct w[20], first;
	int i;

	chain_wq = alloc_workqueue("chain", 0, 3);
	KT_ASSERT(chain_wq);
	INIT_WORK(&chain_next, count_fn);
	INIT_WORK(&first, chain_fn);
	queue_work(chain_wq, &first);
	for (i = 0; i < 20; i++) {
		INIT_WORK(&w[i], count_fn);
		queue_work(chain_wq, &w[i]);
	}
	destroy_workqueue(chain_wq);
	KT_EXPECT_EQ(atomic_read(&counted), 21);
}

struct self_freeing {
	struct work_struct work;
	char payload[200];
};

static atomic_t freed;

static void free_self_fn(struct work_struct *work)
{
	struct self_freeing *sf = container_of(work, struct self_freeing, work);

	sf->payload[0]++;
	kfree(sf);
	atomic_inc(&freed);
}

/* the worker must not touch the item after its function returned (ASan) */
KTEST(work_item_frees_itself)
{
	struct workqueue_struct *wq = alloc_workqueue("free", 0, 0);
	int i;

	KT_ASSERT(wq);
	for (i = 0; i < 500; i++) {
		struct self_freeing *sf = kzalloc(sizeof(*sf), GFP_KERNEL);

		KT_ASSERT(sf);
		INIT_WORK(&sf->work, free_self_fn);
		queue_work(wq, &sf->work);
	}
	flush_workqueue(wq);
	KT_EXPECT_EQ(atomic_read(&freed), 500);
	destroy_workqueue(wq);
}

/* --- odds and ends ------------------------------------------------------- */

static struct work_struct *seen_current;

static void current_fn(struct work_struct *work)
{
	seen_current = current_work();
}

static DECLARE_WORK(static_work, current_fn);

KTEST(current_work_and_static_items)
{
	KT_EXPECT(current_work() == NULL);
	KT_EXPECT(schedule_work(&static_work));
	flush_scheduled_work();
	KT_EXPECT(seen_current == &static_work);
}

KTEST(system_workqueues_exist)
{
	struct workqueue_struct *all[] = {
		system_wq, system_highpri_wq, system_long_wq, system_unbound_wq,
		system_freezable_wq, system_power_efficient_wq,
		system_freezable_power_efficient_wq,
	};
	struct work_struct w[ARRAY_SIZE(all)];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(all); i++) {
		KT_ASSERT(all[i]);
		INIT_WORK(&w[i], dcount_fn);
		KT_EXPECT(queue_work(all[i], &w[i]));
	}
	for (i = 0; i < ARRAY_SIZE(all); i++)
		flush_work(&w[i]);
	KT_EXPECT_EQ(atomic_read(&dran), ARRAY_SIZE(all));
}

KTEST(disable_and_enable_work)
{
	struct work_struct w;

	INIT_WORK(&w, dcount_fn);
	KT_EXPECT(!disable_work(&w));
	KT_EXPECT(!queue_work(system_wq, &w));
	KT_EXPECT(!disable_work_sync(&w));
	KT_EXPECT(!enable_work(&w));	/* still disabled once */
	KT_EXPECT(!queue_work(system_wq, &w));
	KT_EXPECT(enable_work(&w));
	KT_EXPECT(queue_work(system_wq, &w));
	flush_work(&w);
	KT_EXPECT_EQ(atomic_read(&dran), 1);
}
