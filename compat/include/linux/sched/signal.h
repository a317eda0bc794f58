/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Signals seen from kernel code.  kshim tasks receive no signals: every
 * pending test is false, so interruptible and killable sleeps end only on
 * their condition or timeout.  Resource limits are unlimited.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

static inline int signal_pending(struct task_struct *p)
{
	return 0;
}

static inline int __fatal_signal_pending(struct task_struct *p)
{
	return 0;
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return 0;
}

static inline int signal_pending_state(unsigned int state, struct task_struct *p)
{
	return 0;
}

static inline bool fault_signal_pending(unsigned int fault_flags, void *regs)
{
	return false;
}

/* sending is accepted and dropped (SIGXFSZ from write checks, ...) */
static inline int send_sig(int sig, struct task_struct *p, int priv)
{
	return 0;
}

static inline void force_sig(int sig)
{
}

static inline void allow_signal(int sig)
{
}

static inline void disallow_signal(int sig)
{
}

static inline void flush_signals(struct task_struct *t)
{
}

static inline unsigned long task_rlimit(const struct task_struct *task,
					unsigned int limit)
{
	return ~0UL;
}

static inline unsigned long task_rlimit_max(const struct task_struct *task,
					    unsigned int limit)
{
	return ~0UL;
}

static inline unsigned long rlimit(unsigned int limit)
{
	return ~0UL;
}

static inline unsigned long rlimit_max(unsigned int limit)
{
	return ~0UL;
}

static inline bool thread_group_leader(struct task_struct *p)
{
	return p->group_leader == p;
}

static inline bool same_thread_group(struct task_struct *p1,
				     struct task_struct *p2)
{
	return p1->tgid == p2->tgid;
}

#endif /* _LINUX_SCHED_SIGNAL_H */
