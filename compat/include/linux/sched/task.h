/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Task reference counting.  Kernel guarantee kept: a task_struct stays
 * valid while a reference is held, also after its thread has exited; the
 * last put frees it.  A running thread holds one reference on its own task.
 */
#ifndef _LINUX_SCHED_TASK_H
#define _LINUX_SCHED_TASK_H

#include <linux/sched.h>

void __put_task_struct(struct task_struct *t);

static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	atomic_inc(&t->usage);
	return t;
}

static inline struct task_struct *tryget_task_struct(struct task_struct *t)
{
	return atomic_inc_not_zero(&t->usage) ? t : NULL;
}

static inline void put_task_struct(struct task_struct *t)
{
	if (atomic_dec_and_test(&t->usage))
		__put_task_struct(t);
}

static inline void put_task_struct_many(struct task_struct *t, int nr)
{
	if (atomic_sub_and_test(nr, &t->usage))
		__put_task_struct(t);
}

#endif /* _LINUX_SCHED_TASK_H */
