/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Rate-limit state: at most `burst` events per `interval` jiffies; the
 * rest are counted as missed.  __ratelimit() lives in compat/ratelimit.c.
 */
#ifndef _LINUX_RATELIMIT_TYPES_H
#define _LINUX_RATELIMIT_TYPES_H

#include <linux/bits.h>
#include <linux/spinlock_types.h>

#define DEFAULT_RATELIMIT_INTERVAL (5 * 1000)
#define DEFAULT_RATELIMIT_BURST 10
#define RATELIMIT_MSG_ON_RELEASE BIT(0)

struct ratelimit_state {
	raw_spinlock_t lock;
	int interval;
	int burst;
	int printed;
	int missed;
	unsigned int flags;
	unsigned long begin;
};

#define RATELIMIT_STATE_INIT_FLAGS(name, interval_init, burst_init, flags_init) \
	{ .interval = interval_init, .burst = burst_init, .flags = flags_init }
#define RATELIMIT_STATE_INIT(name, interval_init, burst_init)              \
	RATELIMIT_STATE_INIT_FLAGS(name, interval_init, burst_init, 0)
#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init)            \
	struct ratelimit_state name =                                      \
		RATELIMIT_STATE_INIT(name, interval_init, burst_init)

int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)

#endif
