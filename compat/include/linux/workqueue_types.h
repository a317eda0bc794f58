/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct work_struct, with the kernel's members.  data holds the state
 * bits (bit 0 is WORK_STRUCT_PENDING_BIT, as in the kernel) and, while the
 * item sits on a queue, its workqueue; entry links it into that queue.
 */
#ifndef _LINUX_WORKQUEUE_TYPES_H
#define _LINUX_WORKQUEUE_TYPES_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/lockdep.h>
#include <linux/timer_types.h>

struct workqueue_struct;

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
void delayed_work_timer_fn(struct timer_list *t);

struct work_struct {
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};

#endif /* _LINUX_WORKQUEUE_TYPES_H */
