/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Minimal hrtimer.h: the types and constants that headers and drivers name
 * (enum hrtimer_restart, enum hrtimer_mode, struct hrtimer).  kshim
 * provides no high-resolution timer implementation: no filesystem in scope
 * arms one, and a driver that does fails to link rather than misbehaving.
 */
#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

#include <linux/types.h>
#include <linux/ktime.h>
#include <linux/timer.h>

enum hrtimer_mode {
	HRTIMER_MODE_ABS	= 0x00,
	HRTIMER_MODE_REL	= 0x01,
	HRTIMER_MODE_PINNED	= 0x02,
	HRTIMER_MODE_SOFT	= 0x04,
	HRTIMER_MODE_HARD	= 0x08,
	HRTIMER_MODE_ABS_PINNED	= HRTIMER_MODE_ABS | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_REL_PINNED	= HRTIMER_MODE_REL | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_ABS_SOFT	= HRTIMER_MODE_ABS | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_SOFT	= HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_ABS_HARD	= HRTIMER_MODE_ABS | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_HARD	= HRTIMER_MODE_REL | HRTIMER_MODE_HARD,
};

enum hrtimer_restart {
	HRTIMER_NORESTART,	/* the timer is not restarted */
	HRTIMER_RESTART,	/* the timer must be restarted */
};

struct hrtimer {
	ktime_t _softexpires;
	enum hrtimer_restart (*function)(struct hrtimer *);
	u8 state;
	u8 is_rel;
	u8 is_soft;
	u8 is_hard;
};

struct hrtimer_sleeper {
	struct hrtimer timer;
	struct task_struct *task;
};

#endif /* _LINUX_HRTIMER_H */
