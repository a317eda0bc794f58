// SPDX-License-Identifier: GPL-2.0-only
/*
 * Inode writeback (the role of fs/fs-writeback.c): dirty inodes on their
 * super block's list, written back one by one (pages first, then
 * ->write_inode) on sync, fsync and unmount.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/writeback.h>
#include <linux/sched.h>
#include "kshim-vfs-internal.h"

/* --- dirtiness and writeback ------------------------------------------- */

void __mark_inode_dirty(struct inode *ip, int flags)
{
	struct super_block *sb = ip->i_sb;
	const struct super_operations *op = sb->s_op;
	int dirtytime = flags & I_DIRTY_TIME;

	if (flags & I_DIRTY_INODE) {
		flags &= ~I_DIRTY_TIME;
		if (op->dirty_inode)
			op->dirty_inode(ip, flags & (I_DIRTY_INODE |
							I_DIRTY_TIME));
	}
	if (!dirtytime)
		flags &= ~I_DIRTY_TIME;

	smp_mb();
	if ((ip->i_state & flags) == flags)
		return;

	spin_lock(&ip->i_lock);
	if ((ip->i_state & flags) != flags) {
		bool was_dirty = ip->i_state & I_DIRTY_ALL;

		ip->i_state |= flags;
		if ((flags & I_DIRTY_INODE) && (ip->i_state & I_DIRTY_TIME))
			ip->i_state &= ~I_DIRTY_TIME;
		/* new and freeing inodes join the list when they are live */
		if (!was_dirty && !(ip->i_state & (I_NEW | I_FREEING)) &&
		    !inode_unhashed(ip)) {
			ip->dirtied_when = jiffies;
			spin_lock(&sb->s_inode_wblist_lock);
			list_move_tail(&ip->i_io_list, &sb->s_inodes_wb);
			spin_unlock(&sb->s_inode_wblist_lock);
		}
	}
	spin_unlock(&ip->i_lock);
}

/*
 * Write back one inode: its pages, then (if the inode itself is dirty)
 * ->write_inode.  The caller holds a reference or I_WILL_FREE.
 */
static int writeback_single_inode(struct inode *ip, int sync)
{
	struct writeback_control wbc = {
		.nr_to_write = LONG_MAX,
		.sync_mode = sync ? WB_SYNC_ALL : WB_SYNC_NONE,
		.range_start = 0,
		.range_end = LLONG_MAX,
	};
	const struct super_operations *op = ip->i_sb->s_op;
	unsigned int dirty;
	int err = 0, err2;

	if (ip->i_data.nrpages || (ip->i_state & I_DIRTY_PAGES))
		err = filemap_write_and_wait_range(ip->i_mapping, 0,
						   LLONG_MAX);
	spin_lock(&ip->i_lock);
	dirty = ip->i_state & I_DIRTY_ALL;
	ip->i_state &= ~I_DIRTY_ALL;
	spin_unlock(&ip->i_lock);
	kshim_sb_dirty_list_del(ip);

	if ((dirty & (I_DIRTY_INODE | I_DIRTY_TIME)) && op->write_inode &&
	    !is_bad_inode(ip)) {
		err2 = op->write_inode(ip, &wbc);
		if (!err)
			err = err2;
	}
	return err;
}

int write_inode_now(struct inode *ip, int sync)
{
	might_sleep();
	if (sb_rdonly(ip->i_sb))
		return 0;
	return writeback_single_inode(ip, sync);
}

int sync_inode_metadata(struct inode *ip, int wait)
{
	return write_inode_now(ip, wait);
}

/* every dirty inode of @sb: written back and, with @wait, waited for */
int kshim_writeback_inodes_sb(struct super_block *sb, int wait)
{
	int err = 0;

	for (;;) {
		struct inode *ip;
		int ret;

		spin_lock(&sb->s_inode_wblist_lock);
		if (list_empty(&sb->s_inodes_wb)) {
			spin_unlock(&sb->s_inode_wblist_lock);
			break;
		}
		ip = list_first_entry(&sb->s_inodes_wb, struct inode,
					 i_io_list);
		list_del_init(&ip->i_io_list);
		spin_unlock(&sb->s_inode_wblist_lock);

		ip = igrab(ip);
		if (!ip)
			continue;	/* being evicted: evict writes it */
		ret = writeback_single_inode(ip, wait);
		if (ret && !err)
			err = ret;
		iput(ip);
		cond_resched();
	}
	return err;
}
