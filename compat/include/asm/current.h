/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * `current`: the task_struct of the calling host thread.  Kernel guarantee
 * kept: every thread running kernel code has exactly one task, stable for
 * the thread's lifetime.  The fast path reads a __thread pointer; a thread
 * that never ran kshim_thread_enter() gets its task (and its liburcu
 * registration) on first use.
 */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <linux/compiler.h>

struct task_struct;

extern __thread struct task_struct *kshim_current_task;
struct task_struct *kshim_current_slow(void);

static __always_inline struct task_struct *get_current(void)
{
	struct task_struct *tsk = kshim_current_task;

	if (likely(tsk))
		return tsk;
	return kshim_current_slow();
}

#define current get_current()

#endif /* _ASM_CURRENT_H */
