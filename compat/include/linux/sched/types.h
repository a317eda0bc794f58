/* SPDX-License-Identifier: GPL-2.0-only */
/* Scheduling parameters: accepted and ignored (no policies in kshim). */
#ifndef _LINUX_SCHED_TYPES_H
#define _LINUX_SCHED_TYPES_H

#include <linux/types.h>

struct sched_param {
	int sched_priority;
};

#endif /* _LINUX_SCHED_TYPES_H */
