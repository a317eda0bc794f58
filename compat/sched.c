// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sleeping and waking (the part of kernel/sched/core.c and
 * kernel/time/sleep_timeout.c that kernel code calls), and the delay
 * functions.
 *
 * Each task has a host mutex and condition variable.  schedule() sleeps
 * on them until the task's state is TASK_RUNNING; try_to_wake_up() moves
 * a task whose state matches the wake mask to TASK_RUNNING under that
 * mutex and signals it.  Because the sleeper tests its state under the
 * same mutex, a wake-up that lands between "set state, test condition"
 * and schedule() makes schedule() return at once: no lost wake-ups.
 *
 * Ordering: set_current_state() is an atomic exchange of the state, the
 * waker reads the state with an atomic RMW (both full barriers).  The two
 * RMWs on one word are ordered, so either the sleeper sees the waker's
 * condition, or the waker sees the sleeper's state.
 *
 * Timeouts are in jiffies of 1/CONFIG_HZ s, measured on CLOCK_MONOTONIC.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/blkdev.h>
#include <linux/delay.h>
#include <kshim/host.h>

#define NSEC_PER_JIFFY (1000000000ULL / CONFIG_HZ)
/* beyond this many jiffies (~34 years) a timeout is as good as infinite */
#define KSHIM_MAX_JIFFIES_NS (1ULL << 40)

int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	unsigned int cur;
	int woken = 0;

	kshim_host_mutex_lock(&p->kshim_sleep_lock);
	/*
	 * An RMW, ordered against set_current_state()'s exchange: if it
	 * reads a state stored before that exchange, the exchange sees
	 * everything the waker wrote before this point (its condition).
	 */
	cur = __atomic_fetch_or(&p->__state, 0, __ATOMIC_SEQ_CST);
	while (cur & state) {
		/* the task may change its own state meanwhile: never clobber */
		if (__atomic_compare_exchange_n(&p->__state, &cur, TASK_RUNNING,
						false, __ATOMIC_SEQ_CST,
						__ATOMIC_RELAXED)) {
			woken = 1;
			kshim_host_cond_signal(&p->kshim_sleep_cond);
			break;
		}
	}
	kshim_host_mutex_unlock(&p->kshim_sleep_lock);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}

/* serialised against try_to_wake_up(), which cannot then overwrite it */
void kshim_set_special_state(unsigned int state)
{
	struct task_struct *tsk = current;

	kshim_host_mutex_lock(&tsk->kshim_sleep_lock);
	__kshim_set_state_mb(tsk, state);
	kshim_host_mutex_unlock(&tsk->kshim_sleep_lock);
}

static inline bool task_asleep(struct task_struct *tsk)
{
	return __atomic_load_n(&tsk->__state, __ATOMIC_ACQUIRE) != TASK_RUNNING;
}

void schedule(void)
{
	struct task_struct *tsk = current;

	if (!task_asleep(tsk)) {
		/* a running task calling schedule() gives up the CPU */
		kshim_host_yield();
		return;
	}
	/*
	 * As sched_submit_work(): a task about to sleep submits what it has
	 * plugged, or it could wait forever for I/O it is holding back.
	 */
	kshim_blk_schedule_flush_plug();
	kshim_host_mutex_lock(&tsk->kshim_sleep_lock);
	while (task_asleep(tsk))
		kshim_host_cond_wait(&tsk->kshim_sleep_cond,
				     &tsk->kshim_sleep_lock);
	kshim_host_mutex_unlock(&tsk->kshim_sleep_lock);
}

void schedule_preempt_disabled(void)
{
	schedule();
}

long schedule_timeout(long timeout)
{
	struct task_struct *tsk = current;
	unsigned long long now, deadline;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n", timeout);
		WARN_ON_ONCE(1);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	now = kshim_host_monotonic_ns();
	if ((unsigned long long)timeout > KSHIM_MAX_JIFFIES_NS / NSEC_PER_JIFFY)
		deadline = now + KSHIM_MAX_JIFFIES_NS;
	else
		deadline = now + (unsigned long long)timeout * NSEC_PER_JIFFY;

	kshim_host_mutex_lock(&tsk->kshim_sleep_lock);
	while (task_asleep(tsk)) {
		if (kshim_host_cond_timedwait(&tsk->kshim_sleep_cond,
					      &tsk->kshim_sleep_lock, deadline))
			break;
	}
	kshim_host_mutex_unlock(&tsk->kshim_sleep_lock);
	/* the timer's wake-up, as the kernel's process_timeout() does */
	__set_current_state(TASK_RUNNING);

	now = kshim_host_monotonic_ns();
	if (now >= deadline)
		return 0;
	/* round up: a wake-up before the deadline leaves at least 1 jiffy */
	return (long)((deadline - now + NSEC_PER_JIFFY - 1) / NSEC_PER_JIFFY);
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return schedule_timeout(timeout);
}

int io_schedule_prepare(void)
{
	struct task_struct *tsk = current;
	int old = tsk->in_iowait;

	tsk->in_iowait = 1;
	return old;
}

void io_schedule_finish(int token)
{
	current->in_iowait = token;
}

void io_schedule(void)
{
	int token = io_schedule_prepare();

	schedule();
	io_schedule_finish(token);
}

long io_schedule_timeout(long timeout)
{
	int token = io_schedule_prepare();
	long left = schedule_timeout(timeout);

	io_schedule_finish(token);
	return left;
}

/* sleeps until @ns have passed; wake-ups do not shorten it */
static void sleep_at_least_ns(unsigned long long ns)
{
	unsigned long long deadline = kshim_host_monotonic_ns() + ns;
	unsigned long long now;

	while ((now = kshim_host_monotonic_ns()) < deadline)
		kshim_host_sleep_ns(deadline - now);
}

void msleep(unsigned int msecs)
{
	sleep_at_least_ns((unsigned long long)msecs * 1000000ULL);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	msleep(msecs);
	return 0;
}

void usleep_range_state(unsigned long min, unsigned long max,
			unsigned int state)
{
	sleep_at_least_ns((unsigned long long)min * 1000ULL);
}

/* a busy wait: short delays are asked for where sleeping is not allowed */
void kshim_ndelay(unsigned long nsecs)
{
	unsigned long long deadline = kshim_host_monotonic_ns() + nsecs;

	if (nsecs >= 1000000UL) {
		sleep_at_least_ns(nsecs);
		return;
	}
	while (kshim_host_monotonic_ns() < deadline)
		cpu_relax();
}
