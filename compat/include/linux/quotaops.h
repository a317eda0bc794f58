/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Quota hooks with CONFIG_QUOTA off, with the kernel's semantics for that
 * configuration: no quota is ever loaded or enforced, but the block
 * accounting hooks still charge the inode: allocating N blocks adds
 * N << i_blkbits bytes to i_blocks/i_bytes (inode_add_bytes) and marks
 * the inode dirty, freeing subtracts them; reservations charge nothing.
 */
#ifndef _LINUX_QUOTAOPS_
#define _LINUX_QUOTAOPS_

#include <linux/fs.h>
#include <linux/quota.h>

/* flags of __dquot_alloc_space/__dquot_free_space (kernel values) */
#define DQUOT_SPACE_WARN	0x1
#define DQUOT_SPACE_RESERVE	0x2
#define DQUOT_SPACE_NOFAIL	0x4

static inline struct quota_info *sb_dqopt(struct super_block *sb)
{
	return &sb->s_dquot;
}

/* A setattr touches quota when it changes the size or the owner. */
static inline bool is_quota_modification(struct mnt_idmap *idmap,
					 struct inode *inode, struct iattr *attr)
{
	if (attr->ia_valid & ATTR_SIZE)
		return true;
	return i_uid_needs_update(idmap, attr, inode) ||
	       i_gid_needs_update(idmap, attr, inode);
}

/* No quota type is ever enabled, loaded, suspended or active. */
static inline int sb_has_quota_usage_enabled(struct super_block *s, int t) { return 0; }
static inline int sb_has_quota_limits_enabled(struct super_block *s, int t) { return 0; }
static inline int sb_has_quota_suspended(struct super_block *s, int t) { return 0; }
static inline int sb_has_quota_loaded(struct super_block *s, int t) { return 0; }
static inline int sb_has_quota_active(struct super_block *s, int t) { return 0; }
static inline int sb_any_quota_suspended(struct super_block *s) { return 0; }
static inline int sb_any_quota_loaded(struct super_block *s) { return 0; }

/* Per-superblock quota control: nothing to switch on or off. */
static inline int dquot_disable(struct super_block *s, int t, unsigned int f) { return 0; }
static inline int dquot_suspend(struct super_block *s, int t) { return 0; }
static inline int dquot_resume(struct super_block *s, int t) { return 0; }
static inline int dquot_writeback_dquots(struct super_block *s, int t) { return 0; }
#define dquot_file_open generic_file_open

/* Per-inode dquot references and inode counts: nothing is tracked. */
static inline int dquot_initialize(struct inode *i) { return 0; }
static inline bool dquot_initialize_needed(struct inode *i) { return false; }
static inline void dquot_drop(struct inode *i) { }
static inline int dquot_alloc_inode(struct inode *i) { return 0; }
static inline void dquot_free_inode(struct inode *i) { }
static inline int dquot_transfer(struct mnt_idmap *m, struct inode *i,
				 struct iattr *a)
{
	return 0;
}

/*
 * Space accounting.  Everything funnels into the two primitives below,
 * which only adjust the inode's byte count: a reservation is not charged
 * (and so releasing one does nothing), a claim or a real allocation is.
 * None of them can fail without quota limits.
 */
static inline int __dquot_alloc_space(struct inode *inode, qsize_t bytes,
				      int flags)
{
	if (!(flags & DQUOT_SPACE_RESERVE))
		inode_add_bytes(inode, bytes);
	return 0;
}

static inline void __dquot_free_space(struct inode *inode, qsize_t bytes,
				      int flags)
{
	if (!(flags & DQUOT_SPACE_RESERVE))
		inode_sub_bytes(inode, bytes);
}

/* filesystem blocks of @inode to bytes */
static inline qsize_t kshim_dquot_blocks(const struct inode *inode, qsize_t n)
{
	return n << inode->i_blkbits;
}

static inline void dquot_claim_space_nodirty(struct inode *inode, qsize_t bytes)
{
	inode_add_bytes(inode, bytes);
}

static inline int dquot_reclaim_space_nodirty(struct inode *inode, qsize_t bytes)
{
	inode_sub_bytes(inode, bytes);
	return 0;
}

static inline int dquot_alloc_space_nodirty(struct inode *inode, qsize_t bytes)
{
	return __dquot_alloc_space(inode, bytes, DQUOT_SPACE_WARN);
}

/* a successful allocation dirties the whole inode, as in the kernel */
static inline int dquot_alloc_space(struct inode *inode, qsize_t bytes)
{
	int ret = __dquot_alloc_space(inode, bytes, DQUOT_SPACE_WARN);

	if (ret == 0)
		mark_inode_dirty(inode);
	return ret;
}

static inline void dquot_alloc_space_nofail(struct inode *inode, qsize_t bytes)
{
	__dquot_alloc_space(inode, bytes, DQUOT_SPACE_WARN | DQUOT_SPACE_NOFAIL);
	mark_inode_dirty_sync(inode);
}

static inline void dquot_free_space_nodirty(struct inode *inode, qsize_t bytes)
{
	__dquot_free_space(inode, bytes, 0);
}

static inline void dquot_free_space(struct inode *inode, qsize_t bytes)
{
	__dquot_free_space(inode, bytes, 0);
	mark_inode_dirty_sync(inode);
}

/* The block-unit variants scale by the inode's block size. */
static inline int dquot_alloc_block_nodirty(struct inode *inode, qsize_t n)
{
	return dquot_alloc_space_nodirty(inode, kshim_dquot_blocks(inode, n));
}

static inline int dquot_alloc_block(struct inode *inode, qsize_t n)
{
	return dquot_alloc_space(inode, kshim_dquot_blocks(inode, n));
}

static inline void dquot_alloc_block_nofail(struct inode *inode, qsize_t n)
{
	dquot_alloc_space_nofail(inode, kshim_dquot_blocks(inode, n));
}

static inline int dquot_prealloc_block_nodirty(struct inode *inode, qsize_t n)
{
	return __dquot_alloc_space(inode, kshim_dquot_blocks(inode, n), 0);
}

static inline int dquot_prealloc_block(struct inode *inode, qsize_t n)
{
	int ret = dquot_prealloc_block_nodirty(inode, n);

	if (ret == 0)
		mark_inode_dirty_sync(inode);
	return ret;
}

static inline int dquot_reserve_block(struct inode *inode, qsize_t n)
{
	return __dquot_alloc_space(inode, kshim_dquot_blocks(inode, n),
				   DQUOT_SPACE_WARN | DQUOT_SPACE_RESERVE);
}

static inline void dquot_release_reservation_block(struct inode *inode,
						   qsize_t n)
{
	__dquot_free_space(inode, kshim_dquot_blocks(inode, n),
			   DQUOT_SPACE_RESERVE);
}

static inline void dquot_claim_block(struct inode *inode, qsize_t n)
{
	dquot_claim_space_nodirty(inode, kshim_dquot_blocks(inode, n));
	mark_inode_dirty_sync(inode);
}

static inline void dquot_reclaim_block(struct inode *inode, qsize_t n)
{
	dquot_reclaim_space_nodirty(inode, kshim_dquot_blocks(inode, n));
	mark_inode_dirty_sync(inode);
}

static inline void dquot_free_block_nodirty(struct inode *inode, qsize_t n)
{
	dquot_free_space_nodirty(inode, kshim_dquot_blocks(inode, n));
}

static inline void dquot_free_block(struct inode *inode, qsize_t n)
{
	dquot_free_space(inode, kshim_dquot_blocks(inode, n));
}

#endif /* _LINUX_QUOTAOPS_ */
