/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * spinlock_t and raw_spinlock_t.  Both are host mutexes: a userspace
 * holder can be preempted, and spinning on a preempted holder would burn
 * the other core.  Zeroed memory is an unlocked lock, as in the kernel.
 */
#ifndef __LINUX_SPINLOCK_TYPES_H
#define __LINUX_SPINLOCK_TYPES_H

#include <kshim/host.h>

typedef struct raw_spinlock {
	struct kshim_host_mutex m;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

#define __RAW_SPIN_LOCK_UNLOCKED(name) { { { 0 } } }
#define __SPIN_LOCK_UNLOCKED(name) { { { { 0 } } } }
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

struct lock_class_key {
	char unused;
};

#endif
