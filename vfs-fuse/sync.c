// SPDX-License-Identifier: GPL-2.0-only
/*
 * Syncing (the role of fs/sync.c): a whole super block on syncfs and
 * unmount, one file on fsync.
 */
#include <linux/fs.h>
#include <linux/writeback.h>
#include <linux/blkdev.h>
#include "kshim-vfs-internal.h"

/* --- sync (fs/sync.c) --------------------------------------------------- */

int sync_filesystem(struct super_block *sb)
{
	int ret, err;

	if (sb_rdonly(sb))
		return 0;
	ret = kshim_writeback_inodes_sb(sb, 1);
	if (sb->s_op && sb->s_op->sync_fs) {
		err = sb->s_op->sync_fs(sb, 1);
		if (err && !ret)
			ret = err;
	}
	if (sb->s_bdev) {
		err = sync_blockdev(sb->s_bdev);
		if (err && !ret)
			ret = err;
	}
	return ret;
}

int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, start, end, datasync);
}

int vfs_fsync(struct file *file, int datasync)
{
	return vfs_fsync_range(file, 0, LLONG_MAX, datasync);
}
