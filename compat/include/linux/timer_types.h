/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct timer_list, with the kernel's members.  A timer is pending while
 * entry is linked into the timer queue (entry.pprev != NULL), so a zeroed
 * or statically initialised timer is valid and not pending.
 */
#ifndef _LINUX_TIMER_TYPES_H
#define _LINUX_TIMER_TYPES_H

#include <linux/types.h>
#include <linux/lockdep.h>

struct timer_list {
	struct hlist_node entry;	/* link in the timer queue */
	unsigned long expires;		/* in jiffies */
	void (*function)(struct timer_list *);
	u32 flags;
};

#endif /* _LINUX_TIMER_TYPES_H */
