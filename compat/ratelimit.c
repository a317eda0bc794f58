// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rate limiting (lib/ratelimit.c): within each interval, the first
 * `burst` calls pass and the rest are counted as missed; the count is
 * reported when a new interval starts.  The clock is CLOCK_MONOTONIC in
 * milliseconds (HZ is 1000).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/ratelimit_types.h>
#include <kshim/host.h>

int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	unsigned long now = kshim_host_monotonic_ns() / 1000000;
	int ret;

	if (!rs->interval)
		return 1;
	if (!raw_spin_trylock(&rs->lock))
		return 0;
	if (!rs->begin)
		rs->begin = now;
	if (now - rs->begin >= (unsigned long)rs->interval) {
		if (rs->missed && !(rs->flags & RATELIMIT_MSG_ON_RELEASE))
			printk(KERN_WARNING "%s: %d callbacks suppressed\n",
			       func, rs->missed);
		rs->begin = now;
		rs->printed = 0;
		rs->missed = 0;
	}
	if (rs->burst && rs->burst > rs->printed) {
		rs->printed++;
		ret = 1;
	} else {
		rs->missed++;
		ret = 0;
	}
	raw_spin_unlock(&rs->lock);
	return ret;
}
