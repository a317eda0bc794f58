// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of time and timers: jiffies rate, start and wrap-safe
 * comparisons, conversions, ktime monotonicity, 64-bit division helpers,
 * the calendar conversions, and timer_list arming, ordering, deletion
 * (plain and synchronous) and self re-arming.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <linux/math64.h>
#include <linux/timer.h>
#include <asm/div64.h>
#include <kshim/host.h>
#include <kshim/runtime.h>
#include "ktest.h"

/* --- time ----------------------------------------------------------- */

KTEST(jiffies_start_and_rate)
{
	unsigned long j0 = jiffies, j1;
	ktime_t t0 = ktime_get(), t1;
	long dj, dms;

	/* counted from INITIAL_JIFFIES, like a freshly booted kernel */
	KT_EXPECT(time_after_eq(j0, INITIAL_JIFFIES));
	KT_EXPECT(j0 - INITIAL_JIFFIES < 60UL * HZ);
	KT_EXPECT(j0 >= 0xfffb6c20UL);	/* the kernel's -300 s offset */
	ktest_sleep_ms(200);
	j1 = jiffies;
	t1 = ktime_get();
	dj = (long)(j1 - j0);
	dms = (long)ktime_to_ms(ktime_sub(t1, t0));
	KT_EXPECT(dj >= 199);
	KT_EXPECT(dj - dms <= 2 && dms - dj <= 2);
	KT_EXPECT((u64)jiffies - get_jiffies_64() <= 1 ||
		  get_jiffies_64() - (u64)jiffies <= 1);
	KT_EXPECT_EQ(HZ, 1000);
}

KTEST(jiffies_conversions)
{
	static const unsigned int ms[] = { 0, 1, 7, 999, 1000, 123456, 0x7fffffff };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ms); i++)
		KT_EXPECT_EQ(jiffies_to_msecs(msecs_to_jiffies(ms[i])), ms[i]);
	KT_EXPECT_EQ(msecs_to_jiffies((unsigned int)-1), MAX_JIFFY_OFFSET);
	KT_EXPECT_EQ(usecs_to_jiffies(1), 1);		/* rounds up */
	KT_EXPECT_EQ(usecs_to_jiffies(1000), 1);
	KT_EXPECT_EQ(usecs_to_jiffies(1001), 2);
	KT_EXPECT_EQ(jiffies_to_usecs(3), 3000);
	KT_EXPECT_EQ(nsecs_to_jiffies(1999999), 1);	/* rounds down */
	KT_EXPECT_EQ(jiffies_to_nsecs(2), 2000000);
	KT_EXPECT_EQ(secs_to_jiffies(3), 3000);
	KT_EXPECT_EQ(jiffies_to_clock_t(1000), 100);
}

KTEST(time_after_across_wrap)
{
	unsigned long a = ULONG_MAX - 5, b = a + 10;	/* b wrapped past 0 */
	u64 a64 = ULLONG_MAX - 1, b64 = a64 + 3;
	u32 a32 = 0xfffffff0u, b32 = a32 + 0x20;

	KT_EXPECT(b < a);
	KT_EXPECT(time_after(b, a));
	KT_EXPECT(!time_after(a, b));
	KT_EXPECT(time_before(a, b));
	KT_EXPECT(time_after_eq(a, a));
	KT_EXPECT(time_before_eq(a, b));
	KT_EXPECT(time_in_range(a + 3, a, b));
	KT_EXPECT(!time_in_range(b + 1, a, b));
	KT_EXPECT(time_in_range_open(a, a, b));
	KT_EXPECT(!time_in_range_open(b, a, b));
	KT_EXPECT(time_after64(b64, a64));
	KT_EXPECT(time_before64(a64, b64));
	KT_EXPECT(time_after32(b32, a32));
	KT_EXPECT(time_is_before_jiffies(jiffies - 10));
	KT_EXPECT(time_is_after_jiffies(jiffies + 1000));
}

KTEST(ktime_monotonic_and_clocks)
{
	ktime_t prev = ktime_get(), now;
	struct timespec64 ts, rts;
	int i;

	for (i = 0; i < 200000; i++) {
		now = ktime_get();
		if (!KT_EXPECT(now >= prev))
			break;
		prev = now;
	}
	KT_EXPECT(ktime_get_ns() >= (u64)prev);
	/* after 2020-01-01: the wall clock is the real one */
	KT_EXPECT(ktime_get_real_seconds() > 1577836800LL);
	ktime_get_real_ts64(&rts);
	KT_EXPECT(rts.tv_sec > 1577836800LL && timespec64_valid(&rts));
	ktime_get_coarse_real_ts64(&rts);
	KT_EXPECT(rts.tv_sec > 1577836800LL);
	ktime_get_ts64(&ts);
	KT_EXPECT(timespec64_valid(&ts));
	KT_EXPECT(ktime_get_boottime_ns() >= ktime_get_ns() - NSEC_PER_SEC);
	KT_EXPECT(ktime_get_seconds() == ktime_get() / NSEC_PER_SEC ||
		  ktime_get_seconds() + 1 == ktime_get() / NSEC_PER_SEC);
	KT_EXPECT(ktime_get_raw() > 0);
	KT_EXPECT_EQ(ktime_to_ms(ms_to_ktime(1500)), 1500);
	KT_EXPECT_EQ(ktime_to_us(ns_to_ktime(2500)), 2);
	KT_EXPECT_EQ(ktime_divns(ktime_set(3, 5), NSEC_PER_SEC), 3);
	KT_EXPECT(ktime_before(ktime_set(1, 0), ktime_add_ns(ktime_set(1, 0), 1)));
	KT_EXPECT(ktime_after(ktime_set(2, 0), ktime_set(1, 999999999)));
	KT_EXPECT_EQ(ktime_compare(ms_to_ktime(5), ns_to_ktime(5000000)), 0);
	KT_EXPECT_EQ(ktime_add_safe(KTIME_MAX - 1, 10), KTIME_MAX);
}

KTEST(timespec64_arithmetic)
{
	struct timespec64 a = { .tv_sec = 5, .tv_nsec = 100 };
	struct timespec64 b = { .tv_sec = 2, .tv_nsec = 999999999 };
	struct timespec64 r;

	r = timespec64_sub(a, b);
	KT_EXPECT_EQ(r.tv_sec, 2);
	KT_EXPECT_EQ(r.tv_nsec, 101);
	r = timespec64_add(a, b);
	KT_EXPECT_EQ(r.tv_sec, 8);
	KT_EXPECT_EQ(r.tv_nsec, 99);
	KT_EXPECT(timespec64_compare(&a, &b) > 0);
	KT_EXPECT(timespec64_compare(&b, &a) < 0);
	KT_EXPECT(!timespec64_equal(&a, &b));
	r = ns_to_timespec64(-1);
	KT_EXPECT_EQ(r.tv_sec, -1);
	KT_EXPECT_EQ(r.tv_nsec, 999999999);
	KT_EXPECT_EQ(timespec64_to_ns(&a), 5000000100LL);
	r.tv_sec = 1;
	r.tv_nsec = NSEC_PER_SEC;
	KT_EXPECT(!timespec64_valid(&r));
	r = ns_to_timespec64(timespec64_to_ns(&b));
	KT_EXPECT(timespec64_equal(&r, &b));
}

KTEST(do_div_and_math64)
{
	u64 n = 10000000007ULL, big = ~0ULL;
	u32 rem, r32;
	s32 srem;
	u64 r64;

	rem = do_div(n, 10);
	KT_EXPECT_EQ(n, 1000000000ULL);
	KT_EXPECT_EQ(rem, 7);
	rem = do_div(big, 0xfffffffeU);	/* a divisor above 2^31 */
	KT_EXPECT_EQ(big, 4294967298ULL);
	KT_EXPECT_EQ(rem, 3);
	KT_EXPECT_EQ(div_u64_rem(1000003, 1000, &r32), 1000);
	KT_EXPECT_EQ(r32, 3);
	KT_EXPECT_EQ(div_s64_rem(-7, 2, &srem), -3);
	KT_EXPECT_EQ(srem, -1);
	KT_EXPECT_EQ(div64_u64_rem(1ULL << 40, 3, &r64), (1ULL << 40) / 3);
	KT_EXPECT_EQ(r64, (1ULL << 40) % 3);
	KT_EXPECT_EQ(div_u64(1ULL << 40, 1 << 20), 1 << 20);
	KT_EXPECT_EQ(div_s64(-9, 3), -3);
	KT_EXPECT_EQ(div64_s64(-(1LL << 40), 1LL << 38), -4);
	KT_EXPECT_EQ(div64_u64(1ULL << 63, 1ULL << 33), 1ULL << 30);
	/* the 128-bit intermediate: (2^62 * 1000) overflows 64 bits */
	KT_EXPECT_EQ(mul_u64_u32_div(1ULL << 62, 1000, 3000), 1537228672809129301ULL);
	KT_EXPECT_EQ(DIV64_U64_ROUND_UP(10, 3), 4);
	KT_EXPECT_EQ(DIV64_U64_ROUND_UP(9, 3), 3);
}

struct known_date {
	time64_t t;
	unsigned int year, mon, mday, hour, min, sec;
	int wday, yday;
};

KTEST(calendar_round_trip)
{
	static const struct known_date dates[] = {
		{ 0, 1970, 1, 1, 0, 0, 0, 4, 0 },
		{ 951782400, 2000, 2, 29, 0, 0, 0, 2, 59 },
		{ 1709164800, 2024, 2, 29, 0, 0, 0, 4, 59 },
		{ -1, 1969, 12, 31, 23, 59, 59, 3, 364 },
		{ 4102444800LL, 2100, 1, 1, 0, 0, 0, 5, 0 },
		{ 253402300799LL, 9999, 12, 31, 23, 59, 59, 5, 364 },
		{ -2208988800LL, 1900, 1, 1, 0, 0, 0, 1, 0 },
	};
	unsigned int i;
	struct tm tm;

	for (i = 0; i < ARRAY_SIZE(dates); i++) {
		const struct known_date *d = &dates[i];

		time64_to_tm(d->t, 0, &tm);
		KT_EXPECT_EQ(tm.tm_year + 1900, d->year);
		KT_EXPECT_EQ(tm.tm_mon + 1, d->mon);
		KT_EXPECT_EQ(tm.tm_mday, d->mday);
		KT_EXPECT_EQ(tm.tm_hour, d->hour);
		KT_EXPECT_EQ(tm.tm_min, d->min);
		KT_EXPECT_EQ(tm.tm_sec, d->sec);
		KT_EXPECT_EQ(tm.tm_wday, d->wday);
		KT_EXPECT_EQ(tm.tm_yday, d->yday);
		KT_EXPECT_EQ(mktime64(d->year, d->mon, d->mday, d->hour, d->min,
				      d->sec), d->t);
	}
	/* the offset is added; hour 24 is midnight of the next day */
	time64_to_tm(951782400 - 3600, 3600, &tm);
	KT_EXPECT_EQ(tm.tm_mday, 29);
	KT_EXPECT_EQ(mktime64(2000, 2, 28, 24, 0, 0), 951782400);
}

/* --- timers ----------------------------------------------------------- */

struct probe {
	struct timer_list timer;
	int id;
	atomic_t fired;
	unsigned long fired_at;
};

static atomic_t order_pos, order_done;
static int order[8];

static void record_fn(struct timer_list *t)
{
	struct probe *p = from_timer(p, t, timer);

	p->fired_at = jiffies;
	order[atomic_inc_return(&order_pos) - 1] = p->id;
	atomic_inc(&p->fired);
	/* publishes the stores above (value-returning: fully ordered) */
	atomic_inc_return(&order_done);
}

KTEST(timers_fire_in_expiry_order_not_early)
{
	struct probe p[4] = { };
	static const int delay[4] = { 60, 20, 40, 20 };
	unsigned long start = jiffies;
	int i;

	for (i = 0; i < 4; i++) {
		p[i].id = i;
		timer_setup(&p[i].timer, record_fn, 0);
		p[i].timer.expires = start + delay[i];
		add_timer(&p[i].timer);
		KT_EXPECT(timer_pending(&p[i].timer));
	}
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&order_done) == 4, 3000));
	/* equal expiries keep arming order: 1 before 3 */
	KT_EXPECT_EQ(order[0], 1);
	KT_EXPECT_EQ(order[1], 3);
	KT_EXPECT_EQ(order[2], 2);
	KT_EXPECT_EQ(order[3], 0);
	for (i = 0; i < 4; i++) {
		KT_EXPECT_EQ(atomic_read(&p[i].fired), 1);
		KT_EXPECT(time_after_eq(p[i].fired_at, start + delay[i]));
		/* generous: on time within half a second */
		KT_EXPECT(time_before(p[i].fired_at, start + delay[i] + 500));
		KT_EXPECT(!timer_pending(&p[i].timer));
	}
}

KTEST(mod_timer_rearms_and_reports_pending)
{
	struct probe p = { };

	timer_setup(&p.timer, record_fn, 0);
	KT_EXPECT_EQ(mod_timer_pending(&p.timer, jiffies + 1), 0);
	KT_EXPECT(!timer_pending(&p.timer));
	KT_EXPECT_EQ(mod_timer(&p.timer, jiffies + 100000), 0);
	KT_EXPECT_EQ(mod_timer(&p.timer, jiffies + 50000), 1);
	/* timer_reduce only moves it earlier */
	KT_EXPECT_EQ(timer_reduce(&p.timer, jiffies + 90000), 1);
	KT_EXPECT(time_before(p.timer.expires, jiffies + 60000));
	KT_EXPECT_EQ(timer_reduce(&p.timer, jiffies + 10), 1);
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&p.fired) == 1, 2000));
	/* re-arm after it fired: not pending any more, so 0 */
	KT_EXPECT_EQ(mod_timer(&p.timer, jiffies + 5), 0);
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&p.fired) == 2, 2000));
	ktest_sleep_ms(30);
	KT_EXPECT_EQ(atomic_read(&p.fired), 2);
}

KTEST(timer_delete_of_pending_timer)
{
	struct probe p = { };

	timer_setup(&p.timer, record_fn, 0);
	mod_timer(&p.timer, jiffies + 50);
	KT_EXPECT_EQ(timer_delete(&p.timer), 1);
	KT_EXPECT(!timer_pending(&p.timer));
	KT_EXPECT_EQ(timer_delete(&p.timer), 0);
	KT_EXPECT_EQ(del_timer(&p.timer), 0);
	ktest_sleep_ms(150);
	KT_EXPECT_EQ(atomic_read(&p.fired), 0);
}

static atomic_t slow_started, slow_done;

static void slow_fn(struct timer_list *t)
{
	atomic_set(&slow_started, 1);
	ktest_sleep_ms(100);
	atomic_set(&slow_done, 1);
}

KTEST(timer_delete_sync_waits_for_running_handler)
{
	DEFINE_TIMER(slow, slow_fn);
	int ret;

	mod_timer(&slow, jiffies + 1);
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&slow_started), 2000));
	KT_EXPECT_EQ(try_to_del_timer_sync(&slow), -1);
	ret = timer_delete_sync(&slow);
	/* not pending any more (it is running), and it has finished */
	KT_EXPECT_EQ(ret, 0);
	KT_EXPECT_EQ(atomic_read(&slow_done), 1);
	KT_EXPECT_EQ(del_timer_sync(&slow), 0);
}

static atomic_t rearm_count;
static int rearm_limit;

static void rearm_fn(struct timer_list *t)
{
	if (atomic_inc_return(&rearm_count) < rearm_limit)
		mod_timer(t, jiffies + 1);
}

KTEST(handler_rearms_itself)
{
	static DEFINE_TIMER(t, rearm_fn);

	rearm_limit = 5;
	mod_timer(&t, jiffies + 1);
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&rearm_count) == 5, 3000));
	ktest_sleep_ms(20);
	KT_EXPECT_EQ(atomic_read(&rearm_count), 5);
	KT_EXPECT(!timer_pending(&t));
}

KTEST(delete_sync_stops_a_self_rearming_timer)
{
	struct timer_list t;
	int seen;

	rearm_limit = INT_MAX;
	timer_setup(&t, rearm_fn, 0);
	mod_timer(&t, jiffies + 1);
	KT_ASSERT(ktest_wait_until(atomic_read_acquire(&rearm_count) >= 20, 3000));
	timer_delete_sync(&t);
	KT_EXPECT(!timer_pending(&t));
	seen = atomic_read(&rearm_count);
	ktest_sleep_ms(30);
	KT_EXPECT_EQ(atomic_read(&rearm_count), seen);
}

static atomic_t self_delete_returned;

static void self_delete_fn(struct timer_list *t)
{
	timer_delete_sync(t);	/* a bug: WARNs instead of hanging */
	atomic_set(&self_delete_returned, 1);
}

KTEST(timer_delete_sync_from_own_handler_warns)
{
	static DEFINE_TIMER(t, self_delete_fn);

	ktest_note("a WARNING on stderr is expected");
	mod_timer(&t, jiffies + 1);
	KT_EXPECT(ktest_wait_until(atomic_read_acquire(&self_delete_returned), 3000));
}

KTEST(timer_shutdown_makes_arming_a_noop)
{
	struct probe p = { };

	timer_setup(&p.timer, record_fn, 0);
	mod_timer(&p.timer, jiffies + 20);
	KT_EXPECT_EQ(timer_shutdown_sync(&p.timer), 1);
	KT_EXPECT_EQ(mod_timer(&p.timer, jiffies + 1), 0);
	KT_EXPECT(!timer_pending(&p.timer));
	ktest_sleep_ms(60);
	KT_EXPECT_EQ(atomic_read(&p.fired), 0);
}

static atomic_t many_fired;

static void many_fn(struct timer_list *t)
{
	atomic_inc(&many_fired);
}

/* arm/re-arm/delete from several threads while the timer thread fires */
static struct timer_list many[64];

static void *many_thread(void *arg)
{
	long id = (long)arg;
	int i;

	kshim_thread_enter("arm");
	for (i = 0; i < 20000; i++) {
		struct timer_list *t = &many[(id * 16 + i) % 64];

		switch (i % 3) {
		case 0:
			mod_timer(t, jiffies + (i % 5));
			break;
		case 1:
			timer_delete(t);
			break;
		default:
			timer_delete_sync(t);
			break;
		}
	}
	return NULL;
}

KTEST(concurrent_arm_and_delete)
{
	kshim_host_thread_t th[4];
	long i;

	for (i = 0; i < 64; i++)
		timer_setup(&many[i], many_fn, 0);
	for (i = 0; i < 4; i++)
		KT_ASSERT_EQ(kshim_host_thread_create(&th[i], "arm", many_thread,
						      (void *)i), 0);
	for (i = 0; i < 4; i++)
		kshim_host_thread_join(th[i], NULL);
	for (i = 0; i < 64; i++) {
		timer_delete_sync(&many[i]);
		KT_EXPECT(!timer_pending(&many[i]));
	}
	i = atomic_read(&many_fired);
	ktest_sleep_ms(20);
	KT_EXPECT_EQ(atomic_read(&many_fired), i);
}

KTEST(round_jiffies_to_whole_seconds)
{
	unsigned long now = jiffies;
	unsigned long r = round_jiffies(now + 10 * HZ + 700);
	unsigned long up = round_jiffies_up(now + 10 * HZ + 1);

	KT_EXPECT_EQ(r % HZ, 0);
	KT_EXPECT(time_after(r, now));
	KT_EXPECT_EQ(up % HZ, 0);
	KT_EXPECT(time_after_eq(up, now + 10 * HZ + 1));
	KT_EXPECT_EQ((round_jiffies_relative(5 * HZ) + jiffies) % HZ <= 1 ||
		     (round_jiffies_relative(5 * HZ) + jiffies) % HZ >= HZ - 1, 1);
}
