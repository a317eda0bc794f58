// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of tasks, sleeping and kthreads: `current` per thread, the
 * set-state/test/schedule protocol losing no wake-up, schedule_timeout()
 * results, wake_up_process()/wake_up_state() return values, kthread
 * creation stopped, kthread_stop() results and waiting, parking, task
 * references outliving the thread, allocation scopes nesting, delays.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/sched/mm.h>
#include <linux/sched/clock.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/freezer.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <kshim/host.h>
#include <kshim/runtime.h>
#include "ktest.h"

static unsigned long long now_ms(void)
{
	return kshim_host_monotonic_ns() / 1000000ULL;
}

/* polls until @t has published a sleeping state (bounded) */
static bool wait_until_asleep(struct task_struct *t)
{
	unsigned long long end = now_ms() + 5000;

	while (now_ms() < end) {
		if (!task_is_running(t))
			return true;
		kshim_host_sleep_ns(100000);
	}
	return false;
}

/* ---- current ---------------------------------------------------------- */

struct who {
	struct task_struct *task;
	struct task_struct *again;
	pid_t pid;
	int tid;
	char comm[TASK_COMM_LEN];
};

static atomic_t who_alive;

static void *who_am_i(void *arg)
{
	struct who *w = arg;
	unsigned long long end = now_ms() + 5000;

	/* never entered: `current` must be made on first use */
	w->task = current;
	w->again = current;
	w->pid = task_pid_nr(current);
	w->tid = kshim_host_gettid();
	get_task_comm(w->comm, current);
	/* both threads alive at once, so no task memory is reused */
	atomic_inc(&who_alive);
	while (atomic_read(&who_alive) < 2 && now_ms() < end)
		kshim_host_sleep_ns(100000);
	return NULL;
}

KTEST(current_is_per_thread)
{
	struct who a = { 0 }, b = { 0 };
	kshim_host_thread_t ta, tb;

	KT_ASSERT(current != NULL);
	KT_EXPECT_EQ(current->pid, kshim_host_gettid());
	KT_EXPECT_STREQ(current->comm, "main");
	KT_ASSERT_EQ(kshim_host_thread_create(&ta, "who-a", who_am_i, &a), 0);
	KT_ASSERT_EQ(kshim_host_thread_create(&tb, "who-b", who_am_i, &b), 0);
	kshim_host_thread_join(ta, NULL);
	kshim_host_thread_join(tb, NULL);
	KT_EXPECT(a.task && b.task);
	KT_EXPECT(a.task == a.again);
	KT_EXPECT(a.task != b.task);
	KT_EXPECT(a.task != current && b.task != current);
	KT_EXPECT_EQ(a.pid, a.tid);
	KT_EXPECT_NE(a.pid, b.pid);
	KT_EXPECT_STREQ(a.comm, "who-a");
	KT_EXPECT_EQ(task_tgid_nr(current), current->tgid);
	KT_EXPECT_EQ(pid_nr(task_pid(current)), current->pid);
	KT_EXPECT(!(current->flags & PF_KTHREAD));
	KT_EXPECT(current->mm == NULL);
}

/* ---- task references ---------------------------------------------------- */

static struct task_struct *exited_task;

static void *grab_and_exit(void *arg)
{
	kshim_thread_enter("grabber");
	exited_task = get_task_struct(current);
	current->journal_info = (void *)0x1234;
	return NULL;
}

/* a reference keeps the task valid after its thread is gone (ASan checks) */
KTEST(task_reference_outlives_thread)
{
	kshim_host_thread_t t;

	KT_ASSERT_EQ(kshim_host_thread_create(&t, "grabber", grab_and_exit, NULL), 0);
	kshim_host_thread_join(t, NULL);
	KT_ASSERT(exited_task != NULL);
	KT_EXPECT_STREQ(exited_task->comm, "grabber");
	KT_EXPECT(exited_task->flags & PF_EXITING);
	KT_EXPECT_EQ(exited_task->__state, TASK_DEAD);
	KT_EXPECT(exited_task->journal_info == (void *)0x1234);
	KT_EXPECT_EQ(atomic_read(&exited_task->usage), 1);
	put_task_struct(exited_task);
}

/* ---- sleep protocol ------------------------------------------------------- */

#define PINGPONG_ROUNDS 20000

static struct task_struct *ping_task, *pong_task;
static atomic_t ball;		/* even: ping's turn, odd: pong's turn */
static atomic_t lost_wakeups;

/*
 * Waits for ball == want with the kernel's protocol.  A 2 s timeout that
 * expires while the condition was already true is a lost wake-up.
 */
static bool await_turn(int want)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (atomic_read(&ball) == want)
			break;
		if (!schedule_timeout(2 * CONFIG_HZ)) {
			__set_current_state(TASK_RUNNING);
			atomic_inc(&lost_wakeups);
			return false;
		}
	}
	__set_current_state(TASK_RUNNING);
	return true;
}

static int pong_fn(void *data)
{
	int i;

	for (i = 0; i < PINGPONG_ROUNDS; i++) {
		if (!await_turn(2 * i + 1))
			return -ETIMEDOUT;
		atomic_set(&ball, 2 * i + 2);
		wake_up_process(ping_task);
	}
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* a wake-up between the condition test and schedule() is never lost */
KTEST_TIMEOUT(sleep_protocol_loses_no_wakeup, 60)
{
	int i;

	ping_task = current;
	atomic_set(&ball, 0);
	pong_task = kthread_run(pong_fn, NULL, "pong");
	KT_ASSERT(!IS_ERR(pong_task));
	for (i = 0; i < PINGPONG_ROUNDS; i++) {
		if (!await_turn(2 * i))
			break;
		atomic_set(&ball, 2 * i + 1);
		wake_up_process(pong_task);
	}
	KT_EXPECT_EQ(kthread_stop(pong_task), 0);
	KT_EXPECT_EQ(atomic_read(&lost_wakeups), 0);
	KT_EXPECT_EQ(atomic_read(&ball), 2 * PINGPONG_ROUNDS);
}

/* wake_up_process() before schedule(): schedule() returns at once */
KTEST(wakeup_before_schedule_is_kept)
{
	unsigned long long t0 = now_ms();

	set_current_state(TASK_UNINTERRUPTIBLE);
	KT_EXPECT_EQ(wake_up_process(current), 1);
	KT_EXPECT(task_is_running(current));
	schedule();
	set_current_state(TASK_INTERRUPTIBLE);
	KT_EXPECT_EQ(wake_up_state(current, TASK_INTERRUPTIBLE), 1);
	KT_EXPECT(schedule_timeout(5 * CONFIG_HZ) > 0);
	KT_EXPECT(now_ms() - t0 < 4000);
	/* a running task: nothing to wake */
	KT_EXPECT_EQ(wake_up_process(current), 0);
}

struct sleeper {
	struct task_struct *task;
	atomic_t woke;
	unsigned int state;
	long left;
};

static void *sleeper_fn(void *arg)
{
	struct sleeper *s = arg;

	kshim_thread_enter("sleeper");
	smp_store_release(&s->task, current);
	set_current_state(s->state);
	s->left = schedule_timeout(10 * CONFIG_HZ);
	atomic_set(&s->woke, 1);
	return NULL;
}

/* wake_up_state() wakes only a task whose state is in the mask */
KTEST(wake_up_state_respects_mask)
{
	struct sleeper s = { .state = TASK_UNINTERRUPTIBLE };
	struct task_struct *t;
	kshim_host_thread_t th;

	KT_ASSERT_EQ(kshim_host_thread_create(&th, "sleeper", sleeper_fn, &s), 0);
	while (!(t = smp_load_acquire(&s.task)))
		kshim_host_sleep_ns(100000);
	KT_ASSERT(wait_until_asleep(t));
	KT_EXPECT_EQ(wake_up_state(t, TASK_INTERRUPTIBLE), 0);
	KT_EXPECT_EQ(wake_up_state(t, TASK_PARKED), 0);
	msleep(30);
	KT_EXPECT_EQ(atomic_read(&s.woke), 0);
	KT_EXPECT_EQ(wake_up_process(t), 1);
	kshim_host_thread_join(th, NULL);
	KT_EXPECT_EQ(atomic_read(&s.woke), 1);
	KT_EXPECT(s.left > 0);
}

KTEST(schedule_timeout_results)
{
	unsigned long long t0;
	long left;

	/* timeout: 0 left, and at least the time asked for */
	t0 = now_ms();
	set_current_state(TASK_UNINTERRUPTIBLE);
	left = schedule_timeout(30);
	KT_EXPECT_EQ(left, 0);
	KT_EXPECT(now_ms() - t0 >= 30);
	KT_EXPECT(task_is_running(current));

	t0 = now_ms();
	KT_EXPECT_EQ(schedule_timeout_uninterruptible(20), 0);
	KT_EXPECT_EQ(schedule_timeout_interruptible(1), 0);
	KT_EXPECT_EQ(schedule_timeout_killable(1), 0);
	KT_EXPECT_EQ(schedule_timeout_idle(1), 0);
	KT_EXPECT_EQ(io_schedule_timeout(0), 0);
	KT_EXPECT(now_ms() - t0 >= 23);
	KT_EXPECT(task_is_running(current));
}

static int waker_fn(void *data)
{
	struct task_struct *target = data;

	msleep(20);
	wake_up_process(target);
	return 0;
}

/* woken early: the jiffies left, which with MAX_SCHEDULE_TIMEOUT is that */
KTEST(schedule_timeout_woken_early)
{
	struct task_struct *k;
	long left;

	k = kthread_run(waker_fn, current, "waker");
	KT_ASSERT(!IS_ERR(k));
	set_current_state(TASK_UNINTERRUPTIBLE);
	left = schedule_timeout(10 * CONFIG_HZ);
	KT_EXPECT(left > 0 && left < 10 * CONFIG_HZ);
	KT_EXPECT(left > 5 * CONFIG_HZ);

	k = kthread_run(waker_fn, current, "waker");
	KT_ASSERT(!IS_ERR(k));
	set_current_state(TASK_UNINTERRUPTIBLE);
	KT_EXPECT_EQ(schedule_timeout(MAX_SCHEDULE_TIMEOUT), MAX_SCHEDULE_TIMEOUT);
}

/* ---- kthreads ------------------------------------------------------------ */

static atomic_t fn_ran, fn_done;
static struct task_struct *seen_current;
static unsigned int seen_flags;
static char seen_comm[TASK_COMM_LEN];

static int stop_fn(void *data)
{
	atomic_set(&fn_ran, 1);
	seen_current = current;
	seen_flags = current->flags;
	get_task_comm(seen_comm, current);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	/* still running well after kthread_stop() was called ... */
	msleep(100);
	/* ... and this is the very last act before returning */
	atomic_set(&fn_done, 1);
	return (int)(long)data;
}

/* kthread_stop() waits for the exit and returns threadfn's result */
KTEST(kthread_stop_waits_and_returns_result)
{
	struct task_struct *k;

	k = kthread_run(stop_fn, (void *)42L, "kt-%d-%s", 7, "stop");
	KT_ASSERT(!IS_ERR(k));
	KT_EXPECT_STREQ(k->comm, "kt-7-stop");
	KT_EXPECT(k->flags & PF_KTHREAD);
	KT_EXPECT(kthread_data(k) == (void *)42L);
	KT_EXPECT(kthread_func(k) == (void *)stop_fn);
	while (!atomic_read(&fn_ran))
		msleep(1);
	KT_EXPECT_EQ(kthread_stop(k), 42);
	KT_EXPECT_EQ(atomic_read(&fn_done), 1);
	KT_EXPECT(seen_current == k);
	KT_EXPECT(seen_flags & PF_KTHREAD);
	KT_EXPECT_STREQ(seen_comm, "kt-7-stop");
	KT_EXPECT(!kthread_should_stop());
}

static int never_fn(void *data)
{
	atomic_set(&fn_ran, 1);
	return 5;
}

/* created stopped; stopped before any wake-up: -EINTR, threadfn never ran */
KTEST(kthread_never_woken_stop_is_eintr)
{
	struct task_struct *k = kthread_create(never_fn, NULL, "never");

	KT_ASSERT(!IS_ERR(k));
	msleep(50);
	KT_EXPECT_EQ(atomic_read(&fn_ran), 0);
	KT_EXPECT_EQ(kthread_stop(k), -EINTR);
	msleep(20);
	KT_EXPECT_EQ(atomic_read(&fn_ran), 0);
}

/* kthread_create() alone does not run threadfn; wake_up_process() does */
KTEST(kthread_created_stopped)
{
	struct task_struct *k = kthread_create(stop_fn, (void *)3L, "late");

	KT_ASSERT(!IS_ERR(k));
	msleep(50);
	KT_EXPECT_EQ(atomic_read(&fn_ran), 0);
	KT_EXPECT_EQ(wake_up_process(k), 1);
	while (!atomic_read(&fn_ran))
		msleep(1);
	KT_EXPECT_EQ(kthread_stop(k), 3);
}

static DECLARE_COMPLETION(exit_comp);

static int exit_fn(void *data)
{
	kthread_complete_and_exit(&exit_comp, 77);
	atomic_set(&fn_done, 1);	/* never reached */
	return 0;
}

KTEST(kthread_exit_code_reaches_stop)
{
	struct task_struct *k = kthread_create(exit_fn, NULL, "exiter");

	KT_ASSERT(!IS_ERR(k));
	get_task_struct(k);	/* it may exit before kthread_stop() */
	wake_up_process(k);
	wait_for_completion(&exit_comp);
	KT_EXPECT_EQ(kthread_stop(k), 77);
	KT_EXPECT_EQ(atomic_read(&fn_done), 0);
	put_task_struct(k);
}

static atomic_t park_counter;

static int park_fn(void *data)
{
	while (!kthread_should_stop()) {
		if (kthread_should_park()) {
			kthread_parkme();
			continue;
		}
		atomic_inc(&park_counter);
		msleep(1);
	}
	return 0;
}

/* park waits until parked; parked threads stay put; unpark resumes */
KTEST(kthread_park_unpark)
{
	struct task_struct *k = kthread_run(park_fn, NULL, "parker");
	int round, before;

	KT_ASSERT(!IS_ERR(k));
	before = 0;
	for (round = 0; round < 40; round++) {
		/* odd rounds park again right after the unpark */
		if (!(round & 1))
			while (atomic_read(&park_counter) <= before)
				msleep(1);
		KT_ASSERT_EQ(kthread_park(k), 0);
		KT_EXPECT(__kthread_should_park(k));
		before = atomic_read(&park_counter);
		/* parked: stray wake-ups do not move it */
		KT_EXPECT_EQ(wake_up_process(k), 0);
		msleep(2);
		KT_EXPECT_EQ(atomic_read(&park_counter), before);
		kthread_unpark(k);
		KT_EXPECT(!__kthread_should_park(k));
	}
	while (atomic_read(&park_counter) <= before)
		msleep(1);
	/* stopping a parked thread unparks it first */
	KT_ASSERT_EQ(kthread_park(k), 0);
	KT_EXPECT_EQ(kthread_stop(k), 0);
}

/* kthread_park() before the first wake-up: threadfn runs only after unpark */
KTEST(kthread_park_before_start)
{
	struct task_struct *k = kthread_create(park_fn, NULL, "parked");

	KT_ASSERT(!IS_ERR(k));
	KT_ASSERT_EQ(kthread_park(k), 0);
	msleep(20);
	KT_EXPECT_EQ(atomic_read(&park_counter), 0);
	kthread_unpark(k);
	while (!atomic_read(&park_counter))
		msleep(1);
	KT_EXPECT_EQ(kthread_stop(k), 0);
}

/* ---- allocation scopes, signals, delays ------------------------------------ */

KTEST(memalloc_scopes_nest)
{
	unsigned int outer, inner, io;

	KT_ASSERT(!(current->flags & PF_MEMALLOC_NOFS));
	outer = memalloc_nofs_save();
	KT_EXPECT(current->flags & PF_MEMALLOC_NOFS);
	inner = memalloc_nofs_save();
	KT_EXPECT(current->flags & PF_MEMALLOC_NOFS);
	io = memalloc_noio_save();
	KT_EXPECT(current->flags & PF_MEMALLOC_NOIO);
	memalloc_noio_restore(io);
	KT_EXPECT(!(current->flags & PF_MEMALLOC_NOIO));
	memalloc_nofs_restore(inner);
	/* the inner restore must not end the outer scope */
	KT_EXPECT(current->flags & PF_MEMALLOC_NOFS);
	memalloc_nofs_restore(outer);
	KT_EXPECT(!(current->flags & PF_MEMALLOC_NOFS));

	outer = memalloc_flags_save(PF_MEMALLOC_NOIO | PF_MEMALLOC_NOFS);
	inner = memalloc_flags_save(PF_MEMALLOC_NOFS);
	memalloc_flags_restore(inner);
	KT_EXPECT(current->flags & PF_MEMALLOC_NOFS);
	memalloc_flags_restore(outer);
	KT_EXPECT(!(current->flags & (PF_MEMALLOC_NOFS | PF_MEMALLOC_NOIO)));
}

KTEST(no_signals_no_freezing)
{
	KT_EXPECT_EQ(signal_pending(current), 0);
	KT_EXPECT_EQ(fatal_signal_pending(current), 0);
	KT_EXPECT_EQ(signal_pending_state(TASK_INTERRUPTIBLE, current), 0);
	KT_EXPECT(!try_to_freeze());
	KT_EXPECT(!freezing(current));
	KT_EXPECT_EQ(cond_resched(), 0);
	KT_EXPECT_EQ(need_resched(), 0);
	KT_EXPECT_EQ(msleep_interruptible(1), 0);
	yield();
}

KTEST(delays_last_at_least_as_asked)
{
	unsigned long long t0 = kshim_host_monotonic_ns();
	u64 c0 = local_clock();

	msleep(25);
	KT_EXPECT(kshim_host_monotonic_ns() - t0 >= 25000000ULL);
	t0 = kshim_host_monotonic_ns();
	udelay(300);
	KT_EXPECT(kshim_host_monotonic_ns() - t0 >= 300000ULL);
	t0 = kshim_host_monotonic_ns();
	ndelay(2000);
	KT_EXPECT(kshim_host_monotonic_ns() - t0 >= 2000ULL);
	t0 = kshim_host_monotonic_ns();
	usleep_range(1500, 3000);
	KT_EXPECT(kshim_host_monotonic_ns() - t0 >= 1500000ULL);
	t0 = kshim_host_monotonic_ns();
	mdelay(3);
	fsleep(5);
	KT_EXPECT(kshim_host_monotonic_ns() - t0 >= 3005000ULL);
	KT_EXPECT(local_clock() > c0);
}

KTEST(task_comm_set_and_get)
{
	char buf[TASK_COMM_LEN];
	char small[4];

	set_task_comm(current, "a-very-long-thread-name");
	get_task_comm(buf, current);
	KT_EXPECT_STREQ(buf, "a-very-long-thr");
	__get_task_comm(small, sizeof(small), current);
	KT_EXPECT_STREQ(small, "a-v");
}

static atomic_t child_default = ATOMIC_INIT(-1);
static atomic_t follower_done = ATOMIC_INIT(0);

static int report_sched_fn(void *data)
{
	atomic_set(&child_default, kshim_thread_sched_is_default());
	return 0;
}

static int follower_fn(void *data)
{
	struct task_struct *k;
	int *res = data;

	res[0] = kshim_thread_sched_follow(raw_smp_processor_id());
	res[1] = kshim_thread_sched_is_default();
	k = kthread_create(report_sched_fn, NULL, "child");
	if (IS_ERR(k))
		return PTR_ERR(k);
	get_task_struct(k);	/* it returns before kthread_stop() */
	wake_up_process(k);
	/* a kthread stopped before it ran never runs its function */
	while (atomic_read(&child_default) < 0)
		msleep(1);
	res[2] = kthread_stop_put(k);
	res[3] = kshim_thread_sched_defaults(0);
	res[4] = kshim_thread_sched_is_default();
	atomic_set(&follower_done, 1);
	return 0;
}

/*
 * A kthread is kthreadd's child: normal policy, every CPU the process
 * had, even when its creator runs pinned at idle priority (a FUSE worker
 * following its caller's CPU); and the creator can come back.
 */
KTEST(kthread_starts_with_scheduling_defaults)
{
	int res[5] = { 1, 1, 1, 1, 0 };
	struct task_struct *k;

	if (!kshim_thread_sched_can_follow())
		ktest_skip("this process may not leave SCHED_IDLE (sched(7))");
	KT_EXPECT_EQ(kshim_thread_sched_is_default(), 1);
	k = kthread_create(follower_fn, res, "follower");
	KT_ASSERT(!IS_ERR(k));
	get_task_struct(k);
	wake_up_process(k);
	KT_ASSERT(ktest_wait_until(atomic_read(&follower_done), 10000));
	KT_EXPECT_EQ(kthread_stop_put(k), 0);
	KT_EXPECT_EQ(res[0], 0);
	/* pinned and idle: not the defaults, unless the host has one CPU */
	KT_EXPECT(res[1] == 0 || num_online_cpus() == 1);
	KT_EXPECT_EQ(res[2], 0);
	KT_EXPECT_EQ(atomic_read(&child_default), 1);
	KT_EXPECT_EQ(res[3], 0);
	KT_EXPECT_EQ(res[4], 1);
}
