// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of wait queues, completions and bit/variable waits: no lost
 * wake-up in producer/consumer ping-pong, exclusive waiters woken one at
 * a time, wait_event_timeout() results, the _lock_irq forms releasing the
 * lock while asleep, completion counting and complete_all(), and
 * wait_on_bit/wake_up_bit handshakes under contention.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <linux/wait_bit.h>
#include <linux/completion.h>
#include <linux/swait.h>
#include <linux/delay.h>
#include <kshim/host.h>
#include <kshim/runtime.h>
#include "ktest.h"

#define LOST_TIMEOUT (2 * CONFIG_HZ)	/* a wait this long means a lost wake-up */

static unsigned long long now_ms(void)
{
	return kshim_host_monotonic_ns() / 1000000ULL;
}

typedef void *(*host_fn)(void *);

static kshim_host_thread_t start(host_fn fn, void *arg)
{
	kshim_host_thread_t t;

	if (kshim_host_thread_create(&t, "tw", fn, arg)) {
		ktest_failf(__FILE__, __LINE__, "thread creation failed");
		ktest_abort_case();
	}
	return t;
}

/* ---- wait_event ping-pong ---------------------------------------------- */

#define ROUNDS 20000

static DECLARE_WAIT_QUEUE_HEAD(to_consumer);
static DECLARE_WAIT_QUEUE_HEAD(to_producer);
static atomic_t slot;		/* 0: empty, else the value put in it */
static atomic_t timeouts;
static long consumed_sum;

static void *consumer(void *arg)
{
	int i, v;

	kshim_thread_enter("consumer");
	for (i = 1; i <= ROUNDS; i++) {
		if (!wait_event_timeout(to_consumer, atomic_read(&slot) != 0,
					LOST_TIMEOUT)) {
			atomic_inc(&timeouts);
			return NULL;
		}
		v = atomic_read(&slot);
		consumed_sum += v;
		atomic_set(&slot, 0);
		wake_up(&to_producer);
	}
	return NULL;
}

/* every hand-over is a wake-up; a lost one shows as a 2 s timeout */
KTEST_TIMEOUT(wait_event_pingpong_loses_no_wakeup, 60)
{
	kshim_host_thread_t t = start(consumer, NULL);
	long expect = 0;
	int i;

	for (i = 1; i <= ROUNDS; i++) {
		if (!wait_event_timeout(to_producer, atomic_read(&slot) == 0,
					LOST_TIMEOUT)) {
			atomic_inc(&timeouts);
			break;
		}
		atomic_set(&slot, i);
		expect += i;
		wake_up(&to_consumer);
	}
	kshim_host_thread_join(t, NULL);
	KT_EXPECT_EQ(atomic_read(&timeouts), 0);
	KT_EXPECT_EQ(consumed_sum, expect);
}

static DECLARE_WAIT_QUEUE_HEAD(plain_q);
static atomic_t plain_turn;

static void *plain_pong(void *arg)
{
	int i;

	for (i = 0; i < ROUNDS / 4; i++) {
		wait_event(plain_q, atomic_read(&plain_turn) == 2 * i + 1);
		atomic_set(&plain_turn, 2 * i + 2);
		wake_up_all(&plain_q);
	}
	return NULL;
}

/* the untimed forms: a lost wake-up hangs, and the case limit catches it */
KTEST_TIMEOUT(wait_event_untimed_pingpong, 30)
{
	kshim_host_thread_t t = start(plain_pong, NULL);
	int i;

	for (i = 0; i < ROUNDS / 4; i++) {
		KT_EXPECT_EQ(wait_event_interruptible(plain_q,
				atomic_read(&plain_turn) == 2 * i), 0);
		atomic_set(&plain_turn, 2 * i + 1);
		wake_up(&plain_q);
	}
	kshim_host_thread_join(t, NULL);
	KT_EXPECT_EQ(atomic_read(&plain_turn), ROUNDS / 2);
}

/* ---- exclusive wake-ups ------------------------------------------------- */

static DECLARE_WAIT_QUEUE_HEAD(excl_q);
static atomic_t queued, woken_excl, woken_shared;

static void *excl_waiter(void *arg)
{
	bool exclusive = arg != NULL;
	DEFINE_WAIT(wait);

	if (exclusive)
		prepare_to_wait_exclusive(&excl_q, &wait, TASK_UNINTERRUPTIBLE);
	else
		prepare_to_wait(&excl_q, &wait, TASK_UNINTERRUPTIBLE);
	atomic_inc(&queued);
	/* no condition: only a wake-up aimed at this task ends the sleep */
	schedule();
	finish_wait(&excl_q, &wait);
	atomic_inc(exclusive ? &woken_excl : &woken_shared);
	return NULL;
}

static bool settle(atomic_t *v, int want)
{
	unsigned long long end = now_ms() + 5000;

	while (atomic_read(v) != want && now_ms() < end)
		msleep(1);
	msleep(20);
	return atomic_read(v) == want;
}

/* wake_up(): all non-exclusive waiters and exactly one exclusive waiter */
KTEST(exclusive_wakeup_wakes_one)
{
	kshim_host_thread_t t[5];
	int i;

	for (i = 0; i < 5; i++)
		t[i] = start(excl_waiter, i < 3 ? (void *)1 : NULL);
	KT_ASSERT(settle(&queued, 5));
	/* lockless tests: the lock only orders them for ThreadSanitizer */
	spin_lock(&excl_q.lock);
	spin_unlock(&excl_q.lock);
	KT_EXPECT(waitqueue_active(&excl_q));
	KT_EXPECT(wq_has_sleeper(&excl_q));

	KT_EXPECT_EQ(wake_up(&excl_q), 1);
	KT_EXPECT(settle(&woken_excl, 1));
	KT_EXPECT_EQ(atomic_read(&woken_shared), 2);

	KT_EXPECT_EQ(wake_up_nr(&excl_q, 1), 1);
	KT_EXPECT(settle(&woken_excl, 2));

	wake_up_all(&excl_q);
	for (i = 0; i < 5; i++)
		kshim_host_thread_join(t[i], NULL);
	KT_EXPECT_EQ(atomic_read(&woken_excl), 3);
	KT_EXPECT_EQ(atomic_read(&woken_shared), 2);
	KT_EXPECT(!waitqueue_active(&excl_q));
}

static DECLARE_WAIT_QUEUE_HEAD(excl_ev_q);
static atomic_t tokens, took;

static void *token_taker(void *arg)
{
	wait_event_idle_exclusive(excl_ev_q, atomic_add_unless(&tokens, -1, 0));
	atomic_inc(&took);
	return NULL;
}

/* exclusive wait_event: each wake_up() hands one token to one waiter */
KTEST(exclusive_wait_event_hands_tokens_one_by_one)
{
	kshim_host_thread_t t[4];
	int i;

	for (i = 0; i < 4; i++)
		t[i] = start(token_taker, NULL);
	msleep(30);
	for (i = 1; i <= 4; i++) {
		atomic_inc(&tokens);
		wake_up(&excl_ev_q);
		KT_EXPECT(settle(&took, i));
	}
	for (i = 0; i < 4; i++)
		kshim_host_thread_join(t[i], NULL);
	KT_EXPECT_EQ(atomic_read(&tokens), 0);
}

/* ---- timeouts and return values ----------------------------------------- */

static DECLARE_WAIT_QUEUE_HEAD(tmo_q);
static atomic_t tmo_flag;

static int set_flag_later(void *data)
{
	msleep(30);
	atomic_set(&tmo_flag, 1);
	wake_up(&tmo_q);
	return 0;
}

KTEST(wait_event_timeout_results)
{
	unsigned long long t0 = now_ms();
	struct task_struct *k;
	long left;

	/* never true: 0 after at least the timeout */
	KT_EXPECT_EQ(wait_event_timeout(tmo_q, atomic_read(&tmo_flag), 30), 0);
	KT_EXPECT(now_ms() - t0 >= 30);
	KT_EXPECT_EQ(wait_event_interruptible_timeout(tmo_q, 0, 5), 0);
	KT_EXPECT_EQ(wait_event_idle_timeout(tmo_q, 0, 5), 0);
	KT_EXPECT_EQ(wait_event_killable_timeout(tmo_q, 0, 5), 0);
	/* already true: the whole timeout; true with no time: 1 */
	KT_EXPECT_EQ(wait_event_timeout(tmo_q, 1, 100), 100);
	KT_EXPECT_EQ(wait_event_timeout(tmo_q, 1, 0), 1);
	KT_EXPECT_EQ(wait_event_timeout(tmo_q, 0, 0), 0);

	/* becomes true: > 0 and less than the timeout */
	k = kthread_run(set_flag_later, NULL, "setter");
	KT_ASSERT(!IS_ERR(k));
	left = wait_event_timeout(tmo_q, atomic_read(&tmo_flag), 10 * CONFIG_HZ);
	KT_EXPECT(left > 0 && left < 10 * CONFIG_HZ);
	KT_EXPECT(task_is_running(current));
	KT_EXPECT(!waitqueue_active(&tmo_q));
}

/* no signals: interruptible and killable waits return 0 */
KTEST(interruptible_forms_return_zero)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(q);
	struct completion c;

	KT_EXPECT_EQ(wait_event_interruptible(q, 1), 0);
	KT_EXPECT_EQ(wait_event_killable(q, 1), 0);
	KT_EXPECT_EQ(wait_event_interruptible_exclusive(q, 1), 0);
	init_completion(&c);
	complete(&c);
	complete(&c);
	KT_EXPECT_EQ(wait_for_completion_interruptible(&c), 0);
	KT_EXPECT_EQ(wait_for_completion_killable(&c), 0);
}

/* ---- the _lock_irq forms ------------------------------------------------- */

static DEFINE_SPINLOCK(cond_lock);
static DECLARE_WAIT_QUEUE_HEAD(lock_q);
static int guarded;			/* under cond_lock */
static atomic_t helper_got_lock;

static void *lock_helper(void *arg)
{
	msleep(20);
	/* only possible if the waiter released cond_lock while asleep */
	spin_lock(&cond_lock);
	atomic_set(&helper_got_lock, 1);
	guarded = 1;
	spin_unlock(&cond_lock);
	wake_up(&lock_q);
	return NULL;
}

KTEST_TIMEOUT(wait_event_lock_irq_drops_lock_while_asleep, 20)
{
	kshim_host_thread_t t = start(lock_helper, NULL);
	long left;

	spin_lock_irq(&cond_lock);
	wait_event_lock_irq(lock_q, guarded == 1, cond_lock);
	/* back with the lock held */
	KT_EXPECT(!spin_trylock(&cond_lock));
	KT_EXPECT_EQ(guarded, 1);
	KT_EXPECT_EQ(atomic_read(&helper_got_lock), 1);
	guarded = 0;
	spin_unlock_irq(&cond_lock);
	kshim_host_thread_join(t, NULL);

	/* timed form: times out with the lock held again */
	spin_lock_irq(&cond_lock);
	left = wait_event_lock_irq_timeout(lock_q, guarded == 1, cond_lock, 10);
	KT_EXPECT_EQ(left, 0);
	KT_EXPECT(!spin_trylock(&cond_lock));
	spin_unlock_irq(&cond_lock);
}

static atomic_t cmd1_runs, cmd2_runs;
static DECLARE_WAIT_QUEUE_HEAD(cmd_q);
static atomic_t cmd_flag;

static int cmd_setter(void *data)
{
	msleep(20);
	atomic_set(&cmd_flag, 1);
	wake_up(&cmd_q);
	return 0;
}

KTEST(wait_event_cmd_runs_commands_around_sleep)
{
	KT_ASSERT(!IS_ERR(kthread_run(cmd_setter, NULL, "cmd")));
	wait_event_cmd(cmd_q, atomic_read(&cmd_flag),
		       atomic_inc(&cmd1_runs), atomic_inc(&cmd2_runs));
	KT_EXPECT(atomic_read(&cmd1_runs) >= 1);
	KT_EXPECT_EQ(atomic_read(&cmd1_runs), atomic_read(&cmd2_runs));
}

/* the caller holds wq.lock: the _locked forms drop it only to sleep */
static DECLARE_WAIT_QUEUE_HEAD(locked_q);
static int locked_cond;			/* under locked_q.lock */

static void *locked_waker(void *arg)
{
	msleep(20);
	spin_lock(&locked_q.lock);
	locked_cond = 1;
	wake_up_locked(&locked_q);
	spin_unlock(&locked_q.lock);
	return NULL;
}

KTEST_TIMEOUT(wait_event_interruptible_locked_form, 20)
{
	kshim_host_thread_t t = start(locked_waker, NULL);

	spin_lock(&locked_q.lock);
	KT_EXPECT_EQ(wait_event_interruptible_locked(locked_q, locked_cond), 0);
	KT_EXPECT(!spin_trylock(&locked_q.lock));
	KT_EXPECT(list_empty(&locked_q.head));
	spin_unlock(&locked_q.lock);
	kshim_host_thread_join(t, NULL);
}

/* ---- wait_woken ---------------------------------------------------------- */

static DECLARE_WAIT_QUEUE_HEAD(woken_q);
static atomic_t woken_turn, woken_timeouts;

static bool woken_await(int want)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	bool ok = true;

	add_wait_queue(&woken_q, &wait);
	while (atomic_read(&woken_turn) != want) {
		if (!wait_woken(&wait, TASK_UNINTERRUPTIBLE, LOST_TIMEOUT) &&
		    atomic_read(&woken_turn) != want) {
			atomic_inc(&woken_timeouts);
			ok = false;
			break;
		}
	}
	remove_wait_queue(&woken_q, &wait);
	return ok;
}

static void *woken_pong(void *arg)
{
	int i;

	for (i = 0; i < ROUNDS / 4; i++) {
		if (!woken_await(2 * i + 1))
			return NULL;
		atomic_set(&woken_turn, 2 * i + 2);
		wake_up(&woken_q);
	}
	return NULL;
}

KTEST_TIMEOUT(wait_woken_loses_no_wakeup, 60)
{
	kshim_host_thread_t t = start(woken_pong, NULL);
	int i;

	for (i = 0; i < ROUNDS / 4; i++) {
		if (!woken_await(2 * i))
			break;
		atomic_set(&woken_turn, 2 * i + 1);
		wake_up(&woken_q);
	}
	kshim_host_thread_join(t, NULL);
	KT_EXPECT_EQ(atomic_read(&woken_timeouts), 0);
	KT_EXPECT_EQ(atomic_read(&woken_turn), ROUNDS / 2);
}

/* a zero-filled head (kzalloc, static) is a valid empty queue */
static struct wait_queue_head zero_q;

static void *zero_waker(void *arg)
{
	msleep(20);
	atomic_set(&tmo_flag, 1);
	wake_up(&zero_q);
	return NULL;
}

KTEST(zeroed_wait_queue_head_works)
{
	kshim_host_thread_t t;

	KT_EXPECT(!waitqueue_active(&zero_q));
	wake_up_all(&zero_q);
	t = start(zero_waker, NULL);
	KT_EXPECT(wait_event_timeout(zero_q, atomic_read(&tmo_flag), LOST_TIMEOUT) > 0);
	kshim_host_thread_join(t, NULL);
}

/* ---- completions ----------------------------------------------------------- */

static DECLARE_COMPLETION(count_comp);
static atomic_t passed;

static void *comp_waiter(void *arg)
{
	wait_for_completion(&count_comp);
	atomic_inc(&passed);
	return NULL;
}

/* n complete() calls let exactly n waits through */
KTEST(complete_counts_one_waiter_each)
{
	kshim_host_thread_t t[4];
	int i;

	for (i = 0; i < 4; i++)
		t[i] = start(comp_waiter, NULL);
	msleep(20);
	KT_EXPECT_EQ(atomic_read(&passed), 0);
	for (i = 1; i <= 4; i++) {
		complete(&count_comp);
		KT_EXPECT(settle(&passed, i));
	}
	for (i = 0; i < 4; i++)
		kshim_host_thread_join(t[i], NULL);
	KT_EXPECT(!completion_done(&count_comp));

	/* counts given before the waits are kept */
	complete(&count_comp);
	complete(&count_comp);
	KT_EXPECT(completion_done(&count_comp));
	KT_EXPECT(wait_for_completion_timeout(&count_comp, 10) > 0);
	KT_EXPECT(try_wait_for_completion(&count_comp));
	KT_EXPECT(!try_wait_for_completion(&count_comp));
	KT_EXPECT_EQ(wait_for_completion_timeout(&count_comp, 20), 0);
	KT_EXPECT_EQ(wait_for_completion_io_timeout(&count_comp, 1), 0);
}

static struct completion all_comp;
static atomic_t all_passed;

static void *all_waiter(void *arg)
{
	wait_for_completion_io(&all_comp);
	atomic_inc(&all_passed);
	return NULL;
}

/* complete_all(): every current and later waiter, until reinit */
KTEST(complete_all_passes_everyone_until_reinit)
{
	kshim_host_thread_t t[6];
	int i;

	init_completion(&all_comp);
	for (i = 0; i < 6; i++)
		t[i] = start(all_waiter, NULL);
	msleep(20);
	KT_EXPECT_EQ(atomic_read(&all_passed), 0);
	complete_all(&all_comp);
	for (i = 0; i < 6; i++)
		kshim_host_thread_join(t[i], NULL);
	KT_EXPECT_EQ(atomic_read(&all_passed), 6);
	for (i = 0; i < 3; i++) {
		wait_for_completion(&all_comp);
		KT_EXPECT(try_wait_for_completion(&all_comp));
	}
	KT_EXPECT(completion_done(&all_comp));
	reinit_completion(&all_comp);
	KT_EXPECT(!completion_done(&all_comp));
	KT_EXPECT_EQ(wait_for_completion_timeout(&all_comp, 10), 0);
}

static struct completion *late_comp;

static int complete_later(void *data)
{
	msleep(20);
	complete(late_comp);
	return 0;
}

KTEST(wait_for_completion_timeout_results)
{
	DECLARE_COMPLETION_ONSTACK(c);
	unsigned long long t0 = now_ms();
	unsigned long left;

	KT_EXPECT_EQ(wait_for_completion_timeout(&c, 25), 0);
	KT_EXPECT(now_ms() - t0 >= 25);
	late_comp = &c;
	KT_ASSERT(!IS_ERR(kthread_run(complete_later, NULL, "completer")));
	left = wait_for_completion_timeout(&c, 10 * CONFIG_HZ);
	KT_EXPECT(left > 0 && left < 10 * CONFIG_HZ);
	KT_EXPECT_EQ(wait_for_completion_interruptible_timeout(&c, 1), 0);
	KT_EXPECT_EQ(wait_for_completion_killable_timeout(&c, 1), 0);
}

/* a zeroed completion is valid and not done */
KTEST(zeroed_completion_works)
{
	static struct completion z;

	KT_EXPECT(!completion_done(&z));
	KT_EXPECT_EQ(wait_for_completion_timeout(&z, 1), 0);
	complete(&z);
	wait_for_completion(&z);
}

/* ---- bit and variable waits -------------------------------------------------- */

#define BIT_ROUNDS 20000
#define LOCK_BIT 3

static unsigned long bit_word[2];
static long bit_counter;		/* guarded by LOCK_BIT of bit_word[1] */

static void *bit_locker(void *arg)
{
	int i;

	for (i = 0; i < BIT_ROUNDS; i++) {
		KT_EXPECT_EQ(wait_on_bit_lock(&bit_word[1], LOCK_BIT,
					      TASK_UNINTERRUPTIBLE), 0);
		bit_counter++;
		clear_and_wake_up_bit(LOCK_BIT, &bit_word[1]);
	}
	return NULL;
}

/* wait_on_bit_lock/clear_and_wake_up_bit as a lock: no lost hand-over */
KTEST_TIMEOUT(wait_on_bit_lock_handoff_under_contention, 60)
{
	kshim_host_thread_t t[4];
	int i;

	for (i = 0; i < 4; i++)
		t[i] = start(bit_locker, NULL);
	for (i = 0; i < 4; i++)
		kshim_host_thread_join(t[i], NULL);
	KT_EXPECT_EQ(bit_counter, 4L * BIT_ROUNDS);
	KT_EXPECT_EQ(bit_word[1], 0);
	KT_EXPECT_EQ(bit_word[0], 0);
}

static unsigned long io_word;
static int io_payload;
static atomic_t bit_turn;

static void *bit_pong(void *arg)
{
	int i;

	for (i = 0; i < BIT_ROUNDS / 4; i++) {
		/* wait for the owner to clear bit 0: its payload is visible */
		wait_on_bit_io(&io_word, 0, TASK_UNINTERRUPTIBLE);
		if (io_payload != 2 * i + 1) {
			ktest_failf(__FILE__, __LINE__, "payload %d at %d",
				    io_payload, i);
			return NULL;
		}
		io_payload++;
		/* hand the next round back through the variable */
		store_release_wake_up(&bit_turn.counter, 2 * i + 2);
		wait_var_event(&bit_turn.counter,
			       smp_load_acquire(&bit_turn.counter) != 2 * i + 2);
	}
	return NULL;
}

/* wait_on_bit() returns once the bit is clear, seeing what preceded it */
KTEST_TIMEOUT(wait_on_bit_and_var_handshake, 60)
{
	kshim_host_thread_t t;
	int i;

	__atomic_fetch_or(&io_word, 1UL, __ATOMIC_SEQ_CST);
	t = start(bit_pong, NULL);
	for (i = 0; i < BIT_ROUNDS / 4; i++) {
		io_payload = 2 * i + 1;
		clear_and_wake_up_bit(0, &io_word);
		wait_var_event(&bit_turn.counter,
			       smp_load_acquire(&bit_turn.counter) == 2 * i + 2);
		KT_ASSERT_EQ(io_payload, 2 * i + 2);
		__atomic_fetch_or(&io_word, 1UL, __ATOMIC_SEQ_CST);
		smp_store_release(&bit_turn.counter, 2 * i + 3);
		wake_up_var(&bit_turn.counter);
	}
	kshim_host_thread_join(t, NULL);
	clear_and_wake_up_bit(0, &io_word);
}

KTEST(wait_on_bit_timeout_and_fast_paths)
{
	unsigned long word = 1UL << 5;
	unsigned long long t0 = now_ms();

	KT_EXPECT_EQ(wait_on_bit_timeout(&word, 5, TASK_UNINTERRUPTIBLE, 20), -EAGAIN);
	KT_EXPECT(now_ms() - t0 >= 19);
	KT_EXPECT_EQ(wait_on_bit(&word, 4, TASK_UNINTERRUPTIBLE), 0);
	KT_EXPECT_EQ(wait_on_bit_timeout(&word, 4, TASK_UNINTERRUPTIBLE, 20), 0);
	KT_EXPECT_EQ(wait_on_bit_lock(&word, 4, TASK_UNINTERRUPTIBLE), 0);
	KT_EXPECT_EQ(word, (1UL << 5) | (1UL << 4));
	KT_EXPECT(test_and_clear_wake_up_bit(4, &word));
	KT_EXPECT(!test_and_clear_wake_up_bit(4, &word));
	KT_EXPECT(bit_waitqueue(&word, 5) == bit_waitqueue(&word, 5));
	KT_EXPECT(__var_waitqueue(&word) == __var_waitqueue(&word));
	KT_EXPECT_EQ(wait_var_event_timeout(&word, word == 0, 5), 0);
	KT_EXPECT_EQ(wait_var_event_timeout(&word, word != 0, 5), 5);
}

static atomic_t refs = ATOMIC_INIT(4);

static void *drop_ref(void *arg)
{
	msleep(5);
	atomic_dec_and_wake_up(&refs);
	return NULL;
}

KTEST(atomic_dec_and_wake_up_wakes_var_waiter)
{
	kshim_host_thread_t t[4];
	int i;

	for (i = 0; i < 4; i++)
		t[i] = start(drop_ref, NULL);
	KT_EXPECT(wait_var_event_timeout(&refs, atomic_read(&refs) == 0,
					 LOST_TIMEOUT) > 0);
	for (i = 0; i < 4; i++)
		kshim_host_thread_join(t[i], NULL);
}

/* ---- swait ---------------------------------------------------------------- */

static DECLARE_SWAIT_QUEUE_HEAD(sq);
static atomic_t s_flag;

static void *swaker(void *arg)
{
	msleep(10);
	atomic_set(&s_flag, 1);
	swake_up_one(&sq);
	return NULL;
}

KTEST(swait_event_and_swake_up)
{
	kshim_host_thread_t t = start(swaker, NULL);

	KT_EXPECT(swait_event_timeout_exclusive(sq, atomic_read(&s_flag),
						LOST_TIMEOUT) > 0);
	kshim_host_thread_join(t, NULL);
	KT_EXPECT(!swait_active(&sq));
}
