/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The freezer: kshim never suspends, so no task is ever asked to freeze.
 * Kernel guarantee kept: try_to_freeze() and freezing() say "not frozen",
 * which is what a kernel without a pending suspend answers.
 */
#ifndef FREEZER_H_INCLUDED
#define FREEZER_H_INCLUDED

#include <linux/sched.h>
#include <linux/wait.h>

static inline bool frozen(struct task_struct *p)
{
	return false;
}

static inline bool freezing(struct task_struct *p)
{
	return false;
}

static inline bool try_to_freeze(void)
{
	return false;
}

static inline bool set_freezable(void)
{
	return true;
}

static inline bool freezer_should_skip(struct task_struct *p)
{
	return true;
}

static inline void freezer_do_not_count(void)
{
}

static inline void freezer_count(void)
{
}

static inline int freeze_processes(void)
{
	return -1;
}

static inline void thaw_processes(void)
{
}

#endif /* FREEZER_H_INCLUDED */
