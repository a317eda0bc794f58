/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal timex.h: the cycle counter type and a reader.  Kernel guarantee
 * kept: get_cycles() is monotonic per thread; here it counts nanoseconds of
 * CLOCK_MONOTONIC rather than CPU cycles.  No NTP interface.
 */
#ifndef _LINUX_TIMEX_H
#define _LINUX_TIMEX_H

#include <linux/types.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>

typedef unsigned long long cycles_t;

static inline cycles_t get_cycles(void)
{
	return (cycles_t)ktime_get_ns();
}

#define random_get_entropy() ((unsigned long)get_cycles())

#endif /* _LINUX_TIMEX_H */
