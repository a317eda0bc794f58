/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Scheduler clocks.  Kernel guarantee kept: nanoseconds, monotonic per
 * thread (here monotonic across threads too: CLOCK_MONOTONIC).
 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>
#include <kshim/host.h>

static inline u64 sched_clock(void)
{
	return kshim_host_monotonic_ns();
}

static inline u64 local_clock(void)
{
	return kshim_host_monotonic_ns();
}

static inline u64 local_clock_noinstr(void)
{
	return kshim_host_monotonic_ns();
}

static inline u64 running_clock(void)
{
	return kshim_host_monotonic_ns();
}

static inline u64 cpu_clock(int cpu)
{
	return kshim_host_monotonic_ns();
}

#endif /* _LINUX_SCHED_CLOCK_H */
