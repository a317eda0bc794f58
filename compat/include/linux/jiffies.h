/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * jiffies: the tick counter.  Kernel guarantees kept:
 *  - jiffies advances by HZ per second of CLOCK_MONOTONIC and never goes
 *    back; jiffies_64/get_jiffies_64() is the same count as a u64;
 *  - it starts at INITIAL_JIFFIES (the kernel's offset, 300 s before the
 *    32-bit wrap) so that code which stores jiffies in 32 bits or compares
 *    with '<' instead of time_after() misbehaves here as on a real system;
 *  - time_after() and friends compare modulo the word size;
 *  - the conversions round like the kernel's (msecs/usecs up to whole
 *    jiffies, negative msecs and too-large values give MAX_JIFFY_OFFSET).
 * jiffies is a macro over a function reading CLOCK_MONOTONIC, not a
 * variable: it cannot be assigned.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/limits.h>
#include <linux/typecheck.h>
#include <linux/math64.h>
#include <linux/time64.h>

#ifndef HZ
#define HZ CONFIG_HZ
#endif
#ifndef USER_HZ
#define USER_HZ 100
#endif
#ifndef CLOCKS_PER_SEC
#define CLOCKS_PER_SEC USER_HZ
#endif

#define TICK_NSEC ((NSEC_PER_SEC + HZ / 2) / HZ)
#define TICK_USEC ((USEC_PER_SEC + HZ / 2) / HZ)
#define USER_TICK_USEC ((1000000UL + USER_HZ / 2) / USER_HZ)

#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

/* the current tick count (compat/timekeeping.c) */
unsigned long kshim_jiffies(void);
u64 get_jiffies_64(void);

#define jiffies (kshim_jiffies())
#define jiffies_64 (get_jiffies_64())

/* true if @a is after @b, modulo the width of unsigned long */
#define time_after(a, b)                                                   \
	(typecheck(unsigned long, a) && typecheck(unsigned long, b) &&     \
	 ((long)((b) - (a)) < 0))
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b)                                                \
	(typecheck(unsigned long, a) && typecheck(unsigned long, b) &&     \
	 ((long)((a) - (b)) >= 0))
#define time_before_eq(a, b) time_after_eq(b, a)
/* @a in [@b, @c] */
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
/* @a in [@b, @c) */
#define time_in_range_open(a, b, c) (time_after_eq(a, b) && time_before(a, c))

#define time_after64(a, b)                                                 \
	(typecheck(__u64, a) && typecheck(__u64, b) &&                     \
	 ((__s64)((b) - (a)) < 0))
#define time_before64(a, b) time_after64(b, a)
#define time_after_eq64(a, b)                                              \
	(typecheck(__u64, a) && typecheck(__u64, b) &&                     \
	 ((__s64)((a) - (b)) >= 0))
#define time_before_eq64(a, b) time_after_eq64(b, a)
#define time_in_range64(a, b, c)                                           \
	(time_after_eq64(a, b) && time_before_eq64(a, c))

#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)
#define time_is_before_jiffies64(a) time_after64(get_jiffies_64(), a)
#define time_is_after_jiffies64(a) time_before64(get_jiffies_64(), a)
#define time_is_before_eq_jiffies64(a) time_after_eq64(get_jiffies_64(), a)
#define time_is_after_eq_jiffies64(a) time_before_eq64(get_jiffies_64(), a)

/* conversions; HZ is 1000 here, so one jiffy is one millisecond */
static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)(j * (MSEC_PER_SEC / HZ));
}

static inline unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (unsigned int)(j * (USEC_PER_SEC / HZ));
}

static inline u64 jiffies_to_nsecs(const unsigned long j)
{
	return (u64)j * (NSEC_PER_SEC / HZ);
}

static inline u64 jiffies64_to_nsecs(u64 j)
{
	return j * (NSEC_PER_SEC / HZ);
}

static inline u64 jiffies64_to_msecs(u64 j)
{
	return j * (MSEC_PER_SEC / HZ);
}

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	return ((unsigned long)m + (MSEC_PER_SEC / HZ) - 1) / (MSEC_PER_SEC / HZ);
}

#define __msecs_to_jiffies(m) msecs_to_jiffies(m)
#define _msecs_to_jiffies(m) msecs_to_jiffies(m)

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return ((unsigned long)u + (USEC_PER_SEC / HZ) - 1) / (USEC_PER_SEC / HZ);
}

#define __usecs_to_jiffies(u) usecs_to_jiffies(u)
#define _usecs_to_jiffies(u) usecs_to_jiffies(u)

#define secs_to_jiffies(_secs) (unsigned long)((_secs) * HZ)

/* rounds down, as the kernel's nsecs_to_jiffies does */
static inline u64 nsecs_to_jiffies64(u64 n)
{
	return n / (NSEC_PER_SEC / HZ);
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)nsecs_to_jiffies64(n);
}

unsigned long timespec64_to_jiffies(const struct timespec64 *value);
void jiffies_to_timespec64(const unsigned long jiffies_value,
			   struct timespec64 *value);

static inline clock_t jiffies_to_clock_t(unsigned long x)
{
	return (clock_t)(x / (HZ / USER_HZ));
}

static inline clock_t jiffies_delta_to_clock_t(long delta)
{
	return jiffies_to_clock_t(delta > 0 ? delta : 0);
}

static inline unsigned int jiffies_delta_to_msecs(long delta)
{
	return jiffies_to_msecs(delta > 0 ? delta : 0);
}

static inline unsigned long clock_t_to_jiffies(unsigned long x)
{
	if (x >= ~0UL / (HZ / USER_HZ))
		return ~0UL;
	return x * (HZ / USER_HZ);
}

static inline u64 jiffies_64_to_clock_t(u64 x)
{
	return x / (HZ / USER_HZ);
}

static inline u64 nsec_to_clock_t(u64 x)
{
	return x / (NSEC_PER_SEC / USER_HZ);
}

/*
 * Rounding of timeouts to whole seconds, so that timers of many callers
 * expire together.  A result never lies in the past: if rounding would go
 * back before the current jiffies, the value is returned unchanged.
 */
unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
unsigned long round_jiffies_up(unsigned long j);
unsigned long round_jiffies_up_relative(unsigned long j);
#define __round_jiffies(j, cpu) round_jiffies(j)
#define __round_jiffies_relative(j, cpu) round_jiffies_relative(j)
#define __round_jiffies_up(j, cpu) round_jiffies_up(j)
#define __round_jiffies_up_relative(j, cpu) round_jiffies_up_relative(j)

#endif /* _LINUX_JIFFIES_H */
