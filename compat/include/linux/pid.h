/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Process identifiers, minimal.  Each task has one struct pid, embedded in
 * its task_struct, whose number is the host thread id.  Kernel guarantee
 * kept: pid_nr(task_pid(t)) == task_pid_nr(t), and pid_nr(NULL) == 0.
 * Left out: pid namespaces, PGID/SID links, lookup by number; get_pid()
 * takes no reference of its own (a pid lives as long as its task).
 */
#ifndef _LINUX_PID_H
#define _LINUX_PID_H

#include <linux/types.h>

enum pid_type {
	PIDTYPE_PID,
	PIDTYPE_TGID,
	PIDTYPE_PGID,
	PIDTYPE_SID,
	PIDTYPE_MAX,
};

struct pid {
	int nr;
};

static inline pid_t pid_nr(struct pid *pid)
{
	return pid ? pid->nr : 0;
}

static inline pid_t pid_vnr(struct pid *pid)
{
	return pid_nr(pid);
}

static inline struct pid *get_pid(struct pid *pid)
{
	return pid;
}

static inline void put_pid(struct pid *pid)
{
}

#endif /* _LINUX_PID_H */
