/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct timespec64 and its arithmetic.  Kernel guarantees kept: a valid
 * timespec64 has 0 <= tv_nsec < NSEC_PER_SEC and tv_sec >= 0;
 * timespec64_add/sub return normalised values; timespec64_to_ns saturates
 * at KTIME_MAX/KTIME_MIN instead of overflowing; ns_to_timespec64 rounds
 * towards minus infinity (tv_nsec is never negative).
 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>
#include <linux/math64.h>
#include <linux/time_types.h>

/* unit ratios (the kernel keeps these in vdso/time64.h) */
#define MSEC_PER_SEC	1000L
#define USEC_PER_MSEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define PSEC_PER_SEC	1000000000000LL
#define FSEC_PER_SEC	1000000000000000LL
#define PSEC_PER_NSEC	1000L

/* time64_t and timeu64_t come from linux/types.h */

struct timespec64 {
	time64_t tv_sec;	/* seconds */
	long tv_nsec;		/* nanoseconds, 0 .. NSEC_PER_SEC - 1 */
};

struct itimerspec64 {
	struct timespec64 it_interval;
	struct timespec64 it_value;
};

#define TIME64_MAX	((s64)(~0ULL >> 1))
#define TIME64_MIN	(-TIME64_MAX - 1)
#define KTIME_MAX	((s64)(~0ULL >> 1))
#define KTIME_MIN	(-KTIME_MAX - 1)
#define KTIME_SEC_MAX	(KTIME_MAX / NSEC_PER_SEC)
#define KTIME_SEC_MIN	(KTIME_MIN / NSEC_PER_SEC)
/* uptime and settimeofday bounds of the kernel */
#define TIME_UPTIME_SEC_MAX	(30LL * 365 * 24 * 3600)
#define TIME_SETTOD_SEC_MAX	(KTIME_SEC_MAX - TIME_UPTIME_SEC_MAX)

static inline int timespec64_equal(const struct timespec64 *a,
				   const struct timespec64 *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/* <0, 0 or >0 as @lhs is before, equal to or after @rhs */
static inline int timespec64_compare(const struct timespec64 *lhs,
				     const struct timespec64 *rhs)
{
	if (lhs->tv_sec != rhs->tv_sec)
		return lhs->tv_sec < rhs->tv_sec ? -1 : 1;
	return lhs->tv_nsec < rhs->tv_nsec ? -1 :
	       lhs->tv_nsec > rhs->tv_nsec ? 1 : 0;
}

void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec);

static inline struct timespec64 timespec64_add(struct timespec64 lhs,
					       struct timespec64 rhs)
{
	struct timespec64 sum;

	set_normalized_timespec64(&sum, lhs.tv_sec + rhs.tv_sec,
				  (s64)lhs.tv_nsec + rhs.tv_nsec);
	return sum;
}

static inline struct timespec64 timespec64_sub(struct timespec64 lhs,
					       struct timespec64 rhs)
{
	struct timespec64 diff;

	set_normalized_timespec64(&diff, lhs.tv_sec - rhs.tv_sec,
				  (s64)lhs.tv_nsec - rhs.tv_nsec);
	return diff;
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
	if (ts->tv_sec < 0)
		return false;
	return (unsigned long)ts->tv_nsec < NSEC_PER_SEC;
}

static inline bool timespec64_valid_strict(const struct timespec64 *ts)
{
	return timespec64_valid(ts) && ts->tv_sec < KTIME_SEC_MAX;
}

static inline bool timespec64_valid_settod(const struct timespec64 *ts)
{
	return timespec64_valid(ts) && ts->tv_sec < TIME_SETTOD_SEC_MAX;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	if (ts->tv_sec <= KTIME_SEC_MIN)
		return KTIME_MIN;
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

struct timespec64 ns_to_timespec64(s64 nsec);

/* add @ns nanoseconds to @a in place (@ns >= 0) */
static inline void timespec64_add_ns(struct timespec64 *a, u64 ns)
{
	u64 total = (u64)a->tv_nsec + ns;

	a->tv_sec += total / NSEC_PER_SEC;
	a->tv_nsec = total % NSEC_PER_SEC;
}

/* like timespec64_add, but saturating at TIME64_MAX seconds */
struct timespec64 timespec64_add_safe(const struct timespec64 lhs,
				      const struct timespec64 rhs);

#endif /* _LINUX_TIME64_H */
