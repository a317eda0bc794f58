/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Delays.  Kernel guarantees kept: every function waits at least the time
 * asked for (never less); msleep() is not shortened by wake-ups;
 * msleep_interruptible() returns 0 (no signals).  udelay/ndelay busy-wait
 * (short delays), mdelay sleeps: the caller cannot tell the difference.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/types.h>
#include <linux/math.h>
#include <linux/sched.h>

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max,
			unsigned int state);
void kshim_ndelay(unsigned long nsecs);

#define MAX_UDELAY_MS 5

static inline void ndelay(unsigned long nsecs)
{
	kshim_ndelay(nsecs);
}

static inline void udelay(unsigned long usecs)
{
	kshim_ndelay(usecs * 1000UL);
}

static inline void mdelay(unsigned long msecs)
{
	msleep(msecs);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

static inline void usleep_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_UNINTERRUPTIBLE);
}

static inline void usleep_idle_range(unsigned long min, unsigned long max)
{
	usleep_range_state(min, max, TASK_IDLE);
}

/* busy-wait for a few microseconds, sleep for longer */
static inline void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else
		usleep_range(usecs, usecs + usecs / 4);
}

#endif /* _LINUX_DELAY_H */
