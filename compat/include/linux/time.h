/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Calendar time: struct tm, time64_to_tm() and mktime64().  Kernel
 * contracts kept: proleptic Gregorian UTC calendar, tm_year counted from
 * 1900, tm_mon from 0, tm_yday from 0, tm_wday with Sunday = 0, negative
 * times before 1970 handled; mktime64() takes a 1-based month and accepts
 * hour 24 as midnight of the next day (the RTC convention).
 * mktime64 is renamed by kshim/namespace.h (libc has a mktime64 too).
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>
#include <linux/time64.h>
#include <linux/math64.h>

struct timezone {
	int tz_minuteswest;	/* minutes west of Greenwich */
	int tz_dsttime;		/* type of dst correction */
};

/* the kernel's notion of the local time zone: UTC, never set in kshim */
extern struct timezone sys_tz;

struct tm {
	int tm_sec;	/* 0 .. 60 */
	int tm_min;	/* 0 .. 59 */
	int tm_hour;	/* 0 .. 23 */
	int tm_mday;	/* 1 .. 31 */
	int tm_mon;	/* 0 .. 11 */
	long tm_year;	/* years since 1900 */
	int tm_wday;	/* 0 .. 6, Sunday = 0 */
	int tm_yday;	/* 0 .. 365 */
};

/* seconds since the epoch of a UTC date; @mon is 1..12 */
time64_t mktime64(const unsigned int year, const unsigned int mon,
		  const unsigned int day, const unsigned int hour,
		  const unsigned int min, const unsigned int sec);

/* break @totalsecs + @offset (seconds since the epoch) into @result */
void time64_to_tm(time64_t totalsecs, int offset, struct tm *result);

#define time_after32(a, b) ((s32)((u32)(b) - (u32)(a)) < 0)
#define time_before32(b, a) time_after32(a, b)
/* true if @t lies in [@l, @h], with wrap-around */
#define time_between32(t, l, h) ((u32)(h) - (u32)(l) >= (u32)(t) - (u32)(l))

static inline bool itimerspec64_valid(const struct itimerspec64 *its)
{
	return timespec64_valid(&its->it_interval) &&
	       timespec64_valid(&its->it_value);
}

#endif /* _LINUX_TIME_H */
