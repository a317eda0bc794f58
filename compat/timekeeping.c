// SPDX-License-Identifier: GPL-2.0-only
/*
 * The clocks (the part of kernel/time/timekeeping.c, time.c and
 * timeconv.c that drivers use): jiffies, ktime_get*() and friends over the
 * host clocks, timespec64 helpers and the calendar conversions.
 *
 * jiffies counts milliseconds of CLOCK_MONOTONIC since the first reading
 * in this process, offset by INITIAL_JIFFIES as in the kernel.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/time.h>
#include <linux/time64.h>
#include <kshim/host.h>

struct timezone sys_tz;

/* CLOCK_MONOTONIC at jiffies == INITIAL_JIFFIES; 0 until first read */
static u64 jiffies_base_ns;

static u64 jiffies_base(void)
{
	u64 base = __atomic_load_n(&jiffies_base_ns, __ATOMIC_ACQUIRE);
	u64 expected = 0;

	if (likely(base))
		return base;
	/* never 0 once set: the monotonic clock is well past 0 ns */
	base = kshim_host_monotonic_ns() | 1;
	if (!__atomic_compare_exchange_n(&jiffies_base_ns, &expected, base,
					 false, __ATOMIC_ACQ_REL,
					 __ATOMIC_ACQUIRE))
		base = expected;
	return base;
}

u64 get_jiffies_64(void)
{
	u64 base = jiffies_base();
	u64 now = kshim_host_monotonic_ns();

	if (now < base)
		now = base;
	return (u64)INITIAL_JIFFIES + (now - base) / (NSEC_PER_SEC / HZ);
}
EXPORT_SYMBOL(get_jiffies_64);

unsigned long kshim_jiffies(void)
{
	return (unsigned long)get_jiffies_64();
}
EXPORT_SYMBOL(kshim_jiffies);

/* --- ktime ---------------------------------------------------------- */

ktime_t ktime_get(void)
{
	return (ktime_t)kshim_host_monotonic_ns();
}
EXPORT_SYMBOL(ktime_get);

ktime_t ktime_get_raw(void)
{
	return (ktime_t)kshim_host_monotonic_ns();
}
EXPORT_SYMBOL(ktime_get_raw);

ktime_t ktime_get_real(void)
{
	return (ktime_t)kshim_host_realtime_ns();
}
EXPORT_SYMBOL(ktime_get_real);

ktime_t ktime_get_boottime(void)
{
	return (ktime_t)kshim_host_boottime_ns();
}
EXPORT_SYMBOL(ktime_get_boottime);

ktime_t ktime_get_with_offset(enum tk_offsets offs)
{
	switch (offs) {
	case TK_OFFS_REAL:
	case TK_OFFS_TAI:
		return ktime_get_real();
	case TK_OFFS_BOOT:
		return ktime_get_boottime();
	default:
		return ktime_get();
	}
}
EXPORT_SYMBOL(ktime_get_with_offset);

/* the offset between the clocks, read now (the host does not expose it) */
ktime_t ktime_mono_to_any(ktime_t tmono, enum tk_offsets offs)
{
	ktime_t mono = ktime_get();
	ktime_t other = ktime_get_with_offset(offs);

	return tmono + (other - mono);
}
EXPORT_SYMBOL(ktime_mono_to_any);

u32 ktime_get_resolution_ns(void)
{
	return 1;
}
EXPORT_SYMBOL(ktime_get_resolution_ns);

void ktime_get_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get());
}
EXPORT_SYMBOL(ktime_get_ts64);

void ktime_get_raw_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_raw());
}
EXPORT_SYMBOL(ktime_get_raw_ts64);

void ktime_get_real_ts64(struct timespec64 *tv)
{
	*tv = ns_to_timespec64(ktime_get_real());
}
EXPORT_SYMBOL(ktime_get_real_ts64);

void ktime_get_coarse_ts64(struct timespec64 *ts)
{
	ktime_get_ts64(ts);
}
EXPORT_SYMBOL(ktime_get_coarse_ts64);

void ktime_get_coarse_real_ts64(struct timespec64 *ts)
{
	ktime_get_real_ts64(ts);
}
EXPORT_SYMBOL(ktime_get_coarse_real_ts64);

time64_t ktime_get_seconds(void)
{
	return ktime_get() / NSEC_PER_SEC;
}
EXPORT_SYMBOL(ktime_get_seconds);

time64_t ktime_get_real_seconds(void)
{
	return ktime_get_real() / NSEC_PER_SEC;
}
EXPORT_SYMBOL(ktime_get_real_seconds);

/* --- timespec64 ----------------------------------------------------- */

void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec)
{
	s64 carry = nsec / NSEC_PER_SEC;

	nsec -= carry * NSEC_PER_SEC;
	sec += carry;
	if (nsec < 0) {
		nsec += NSEC_PER_SEC;
		sec--;
	}
	ts->tv_sec = sec;
	ts->tv_nsec = (long)nsec;
}
EXPORT_SYMBOL(set_normalized_timespec64);

struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts;
	s64 sec = nsec / NSEC_PER_SEC;
	s64 rem = nsec - sec * NSEC_PER_SEC;

	/* floor division: the nanoseconds part is never negative */
	if (rem < 0) {
		rem += NSEC_PER_SEC;
		sec--;
	}
	ts.tv_sec = sec;
	ts.tv_nsec = (long)rem;
	return ts;
}
EXPORT_SYMBOL(ns_to_timespec64);

struct timespec64 timespec64_add_safe(const struct timespec64 lhs,
				      const struct timespec64 rhs)
{
	struct timespec64 res;
	time64_t sec;

	if (__builtin_add_overflow(lhs.tv_sec, rhs.tv_sec, &sec)) {
		res.tv_sec = TIME64_MAX;
		res.tv_nsec = 0;
		return res;
	}
	set_normalized_timespec64(&res, sec, (s64)lhs.tv_nsec + rhs.tv_nsec);
	if (res.tv_sec < lhs.tv_sec || res.tv_sec < rhs.tv_sec) {
		res.tv_sec = TIME64_MAX;
		res.tv_nsec = 0;
	}
	return res;
}
EXPORT_SYMBOL(timespec64_add_safe);

unsigned long timespec64_to_jiffies(const struct timespec64 *value)
{
	u64 ns;

	if (value->tv_sec < 0)
		return 0;
	if ((u64)value->tv_sec >= MAX_JIFFY_OFFSET / HZ)
		return MAX_JIFFY_OFFSET;
	/* round up: a timeout is never shortened */
	ns = (u64)value->tv_sec * NSEC_PER_SEC + value->tv_nsec;
	return (unsigned long)((ns + TICK_NSEC - 1) / TICK_NSEC);
}
EXPORT_SYMBOL(timespec64_to_jiffies);

void jiffies_to_timespec64(const unsigned long jiffies_value,
			   struct timespec64 *value)
{
	*value = ns_to_timespec64((s64)jiffies_to_nsecs(jiffies_value));
}
EXPORT_SYMBOL(jiffies_to_timespec64);

/* --- calendar ------------------------------------------------------- */

/*
 * Days between 1970-01-01 and a proleptic Gregorian date, by counting in
 * 400-year eras that start on 1 March (so the leap day ends a year).
 */
static s64 days_since_epoch(s64 year, unsigned int mon, unsigned int day)
{
	s64 era, yoe, doy, doe;

	if (mon <= 2)
		year--;
	era = (year >= 0 ? year : year - 399) / 400;
	yoe = year - era * 400;				/* 0 .. 399 */
	doy = (153 * (mon > 2 ? mon - 3 : mon + 9) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* 0 .. 146096 */
	return era * 146097 + doe - 719468;
}

time64_t mktime64(const unsigned int year, const unsigned int mon,
		  const unsigned int day, const unsigned int hour,
		  const unsigned int min, const unsigned int sec)
{
	s64 days = days_since_epoch(year, mon, day);

	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}
EXPORT_SYMBOL(mktime64);

void time64_to_tm(time64_t totalsecs, int offset, struct tm *result)
{
	s64 secs = totalsecs + offset;
	s64 days = secs / 86400, rem = secs % 86400;
	s64 era, doe, yoe, doy, year, mp;
	unsigned int mon, mday;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	result->tm_hour = (int)(rem / 3600);
	rem %= 3600;
	result->tm_min = (int)(rem / 60);
	result->tm_sec = (int)(rem % 60);
	/* 1970-01-01 was a Thursday */
	result->tm_wday = (int)(((days % 7) + 11) % 7);

	/* the inverse of days_since_epoch() */
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	mday = (unsigned int)(doy - (153 * mp + 2) / 5 + 1);
	mon = (unsigned int)(mp < 10 ? mp + 3 : mp - 9);
	year = yoe + era * 400 + (mon <= 2);

	result->tm_year = (long)(year - 1900);
	result->tm_mon = (int)mon - 1;
	result->tm_mday = (int)mday;
	result->tm_yday = (int)(days_since_epoch(year, mon, mday) -
				days_since_epoch(year, 1, 1));
}
EXPORT_SYMBOL(time64_to_tm);
