/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Waiting for grace periods.  synchronize_rcu_mult() waits for one grace
 * period of each listed flavour; all flavours are one domain in kshim, so
 * one synchronize_rcu() covers them.
 */
#ifndef _LINUX_SCHED_RCUPDATE_WAIT_H
#define _LINUX_SCHED_RCUPDATE_WAIT_H

#include <linux/rcupdate.h>

#define synchronize_rcu_mult(...) synchronize_rcu()

#endif /* _LINUX_SCHED_RCUPDATE_WAIT_H */
