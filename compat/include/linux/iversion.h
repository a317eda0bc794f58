/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The inode change counter (i_version) as seen by NFS-style change
 * attributes and by directory-scan caches (ext2 stores the value it saw
 * in file->f_version and compares it later).
 *
 * i_version holds the counter shifted left by one; bit 0 ("queried") says
 * somebody has read the current value.  Contract kept from the kernel:
 *  - inode_query_iversion() returns the counter and sets "queried", so
 *    that the next change is guaranteed to produce a different value;
 *  - inode_maybe_inc_iversion(inode, force) bumps the counter (and clears
 *    "queried") when forced or when the value has been queried, and
 *    returns whether it did; otherwise an unobserved value may be reused;
 *  - updates are lock-free compare-and-swap loops, fully ordered.
 * The kernel keeps the two functions above in fs/libfs.c; their logic is
 * self-contained, so kshim has them inline.
 */
#ifndef _LINUX_IVERSION_H
#define _LINUX_IVERSION_H

#include <linux/fs.h>

#define I_VERSION_QUERIED_SHIFT (1)
#define I_VERSION_QUERIED (1ULL << (I_VERSION_QUERIED_SHIFT - 1))
#define I_VERSION_INCREMENT (1ULL << I_VERSION_QUERIED_SHIFT)

static inline void inode_set_iversion_raw(struct inode *inode, u64 val)
{
	atomic64_set(&inode->i_version, val);
}

static inline u64 inode_peek_iversion_raw(const struct inode *inode)
{
	return atomic64_read(&inode->i_version);
}

/* raise the raw value to @val; never lowers it */
static inline void inode_set_max_iversion_raw(struct inode *inode, u64 val)
{
	s64 cur = inode_peek_iversion_raw(inode);

	while ((u64)cur <= val &&
	       !atomic64_try_cmpxchg(&inode->i_version, &cur, val))
		;
}

static inline void inode_set_iversion(struct inode *inode, u64 val)
{
	inode_set_iversion_raw(inode, val << I_VERSION_QUERIED_SHIFT);
}

static inline void inode_set_iversion_queried(struct inode *inode, u64 val)
{
	inode_set_iversion_raw(inode, (val << I_VERSION_QUERIED_SHIFT) |
				      I_VERSION_QUERIED);
}

static inline bool inode_maybe_inc_iversion(struct inode *inode, bool force)
{
	s64 cur, next;

	/* order the caller's change before our look at the flag */
	smp_mb();
	cur = inode_peek_iversion_raw(inode);
	do {
		if (!force && !(cur & I_VERSION_QUERIED))
			return false;
		next = (cur & ~I_VERSION_QUERIED) + I_VERSION_INCREMENT;
	} while (!atomic64_try_cmpxchg(&inode->i_version, &cur, next));
	return true;
}

static inline void inode_inc_iversion(struct inode *inode)
{
	inode_maybe_inc_iversion(inode, true);
}

static inline bool inode_iversion_need_inc(struct inode *inode)
{
	return inode_peek_iversion_raw(inode) & I_VERSION_QUERIED;
}

static inline void inode_inc_iversion_raw(struct inode *inode)
{
	atomic64_inc(&inode->i_version);
}

static inline u64 inode_peek_iversion(const struct inode *inode)
{
	return inode_peek_iversion_raw(inode) >> I_VERSION_QUERIED_SHIFT;
}

static inline u64 time_to_chattr(const struct timespec64 *t)
{
	return ((u64)t->tv_sec << 32) + t->tv_nsec;
}

static inline u64 inode_query_iversion(struct inode *inode)
{
	s64 cur = inode_peek_iversion_raw(inode);

	while (!(cur & I_VERSION_QUERIED)) {
		if (atomic64_try_cmpxchg(&inode->i_version, &cur,
					 cur | I_VERSION_QUERIED))
			break;
	}
	/* the flag (or the value it guards) before later reads */
	smp_mb();
	return (u64)cur >> I_VERSION_QUERIED_SHIFT;
}

static inline bool inode_eq_iversion_raw(const struct inode *inode, u64 old)
{
	return inode_peek_iversion_raw(inode) == old;
}

static inline bool inode_eq_iversion(const struct inode *inode, u64 old)
{
	return inode_peek_iversion(inode) == old;
}

#endif /* _LINUX_IVERSION_H */
