/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Preemption control.  Userspace threads are always preemptible; kernel
 * code that disables preemption only wants to stay on one CPU for per-CPU
 * data, which kshim keeps per thread or atomic instead.
 */
#ifndef __LINUX_PREEMPT_H
#define __LINUX_PREEMPT_H

#include <linux/irqflags.h>

#define preempt_disable() barrier()
#define preempt_enable() barrier()
#define preempt_enable_no_resched() barrier()
#define preempt_disable_notrace() barrier()
#define preempt_enable_notrace() barrier()
#define preempt_count() 0
#define preemptible() 1
#define migrate_disable() barrier()
#define migrate_enable() barrier()
#define preempt_count_inc() do { } while (0)
#define preempt_count_dec() do { } while (0)
#define pagefault_disable() barrier()
#define pagefault_enable() barrier()

#endif
