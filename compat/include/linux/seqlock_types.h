/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sequence counter and sequential lock types (see linux/seqlock.h for the
 * guarantees).  A zeroed object of each type is valid: sequence 0 and, for
 * seqlock_t, an unlocked writer spinlock.  The seqcount_LOCKNAME_t forms
 * record their associated writer lock as in the kernel; kshim only keeps
 * the pointer (lockdep is off).
 */
#ifndef __LINUX_SEQLOCK_TYPES_H
#define __LINUX_SEQLOCK_TYPES_H

#include <linux/types.h>
#include <linux/spinlock_types.h>
#include <linux/rwlock.h>

struct mutex;

typedef struct seqcount {
	unsigned sequence;
} seqcount_t;

#define SEQCNT_ZERO(name) { .sequence = 0 }

typedef struct seqcount_raw_spinlock {
	seqcount_t seqcount;
	raw_spinlock_t *lock;
} seqcount_raw_spinlock_t;

typedef struct seqcount_spinlock {
	seqcount_t seqcount;
	spinlock_t *lock;
} seqcount_spinlock_t;

typedef struct seqcount_rwlock {
	seqcount_t seqcount;
	rwlock_t *lock;
} seqcount_rwlock_t;

typedef struct seqcount_mutex {
	seqcount_t seqcount;
	struct mutex *lock;
} seqcount_mutex_t;

#define SEQCOUNT_LOCKNAME_ZERO(seq_name, assoc_lock)                       \
	{ .seqcount = SEQCNT_ZERO(seq_name.seqcount), .lock = (assoc_lock) }
#define SEQCNT_RAW_SPINLOCK_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)
#define SEQCNT_SPINLOCK_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)
#define SEQCNT_RWLOCK_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)
#define SEQCNT_MUTEX_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)
#define SEQCNT_WW_MUTEX_ZERO(name, lock) SEQCOUNT_LOCKNAME_ZERO(name, lock)

typedef struct {
	seqcount_t seqcount;
} seqcount_latch_t;

#define SEQCNT_LATCH_ZERO(seq_name) { .seqcount = SEQCNT_ZERO(seq_name.seqcount) }

typedef struct {
	seqcount_spinlock_t seqcount;
	spinlock_t lock;
} seqlock_t;

#endif /* __LINUX_SEQLOCK_TYPES_H */
