/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ktime_t: a signed 64-bit count of nanoseconds.  Kernel guarantees kept:
 * plain integer arithmetic (ktime_add/sub), conversions truncating towards
 * zero for positive values, ktime_divns rounding like the kernel (towards
 * zero), ktime_add_safe saturating at KTIME_MAX, ktime_set clamping any
 * second count at or beyond KTIME_SEC_MAX to KTIME_MAX.
 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>
#include <linux/jiffies.h>
#include <linux/time64.h>
#include <linux/math64.h>

typedef s64 ktime_t;

/* resolution reported for low-resolution (tick based) clocks */
#define LOW_RES_NSEC	TICK_NSEC
#define KTIME_LOW_RES	((ktime_t)LOW_RES_NSEC)

static inline ktime_t ktime_set(const s64 sec, const unsigned long ns)
{
	return sec < KTIME_SEC_MAX ? sec * NSEC_PER_SEC + (s64)ns : KTIME_MAX;
}

/* ktime_t is a scalar, so the arithmetic helpers are just operators. */
#define ktime_add(a, b)		((a) + (b))
#define ktime_sub(a, b)		((a) - (b))
#define ktime_add_ns(t, d)	((t) + (d))
#define ktime_sub_ns(t, d)	((t) - (d))
#define ktime_add_unsafe(a, b)	((u64)(a) + (b))

static inline s64 ktime_to_ns(const ktime_t t)		{ return t; }
static inline ktime_t ns_to_ktime(u64 n)		{ return (ktime_t)n; }
static inline ktime_t us_to_ktime(u64 n)		{ return (ktime_t)(n * NSEC_PER_USEC); }
static inline ktime_t ms_to_ktime(u64 n)		{ return (ktime_t)(n * NSEC_PER_MSEC); }

static inline ktime_t timespec64_to_ktime(struct timespec64 t)
{
	return ktime_set(t.tv_sec, t.tv_nsec);
}
#define ktime_to_timespec64(t)	ns_to_timespec64(t)

/* Only a non-zero time is converted; returns whether *out was written. */
static inline __must_check bool ktime_to_timespec64_cond(const ktime_t t,
							 struct timespec64 *out)
{
	if (t == 0)
		return false;
	*out = ns_to_timespec64(t);
	return true;
}

/* -1, 0 or 1 as a is before, equal to or after b */
static inline int ktime_compare(const ktime_t a, const ktime_t b)
{
	return (a > b) - (a < b);
}
static inline bool ktime_after(const ktime_t a, const ktime_t b)	{ return a > b; }
static inline bool ktime_before(const ktime_t a, const ktime_t b)	{ return a < b; }

/* 64-bit division: C's truncation towards zero is the kernel's rounding. */
static inline s64 ktime_divns(const ktime_t t, s64 by)	{ return t / by; }
static inline s64 ktime_to_us(const ktime_t t)	{ return t / (s64)NSEC_PER_USEC; }
static inline s64 ktime_to_ms(const ktime_t t)	{ return t / (s64)NSEC_PER_MSEC; }

static inline s64 ktime_us_delta(const ktime_t end, const ktime_t start)
{
	return ktime_to_us(end - start);
}
static inline s64 ktime_ms_delta(const ktime_t end, const ktime_t start)
{
	return ktime_to_ms(end - start);
}

/* Offsets in coarser units; the unit count is unsigned as in the kernel. */
static inline ktime_t ktime_add_us(const ktime_t t, const u64 n)
{
	return t + n * NSEC_PER_USEC;
}
static inline ktime_t ktime_add_ms(const ktime_t t, const u64 n)
{
	return t + n * NSEC_PER_MSEC;
}
static inline ktime_t ktime_sub_us(const ktime_t t, const u64 n)
{
	return t - n * NSEC_PER_USEC;
}
static inline ktime_t ktime_sub_ms(const ktime_t t, const u64 n)
{
	return t - n * NSEC_PER_MSEC;
}

/* sum of two non-negative times, saturating at KTIME_MAX */
static inline ktime_t ktime_add_safe(const ktime_t a, const ktime_t b)
{
	ktime_t sum;

	if (__builtin_add_overflow(a, b, &sum) || sum < 0)
		return KTIME_MAX;
	return sum;
}

#include <linux/timekeeping.h>

#endif /* _LINUX_KTIME_H */
