// SPDX-License-Identifier: GPL-2.0-only
/*
 * Syncing (the role of fs/sync.c): a whole super block on syncfs and
 * unmount, one file on fsync.
 *
 * Kernel guarantees kept:
 *  - sync_filesystem() (caller holds s_umount) makes everything dirty
 *    when it started durable: a first pass starts writeback of every
 *    dirty inode and ->sync_fs(sb, 0) and the device's dirty buffers
 *    without waiting, a second pass writes and waits for every inode
 *    (pages, then ->write_inode), then ->sync_fs(sb, 1) and
 *    sync_blockdev(); nothing is written on a read-only super block;
 *  - it returns the first error of those steps, or else a writeback
 *    error recorded for the super block (s_wb_err, set by
 *    mapping_set_error) since the previous sync_filesystem(), each
 *    error once; unlike the kernel it keeps going after an error, so
 *    unmount still writes all it can;
 *  - vfs_fsync_range() is ->fsync, -EINVAL without one.
 */
#include <linux/fs.h>
#include <linux/writeback.h>
#include <linux/blkdev.h>
#include "kshim-vfs-internal.h"

static void keep_first(int *first, int err)
{
	if (err && !*first)
		*first = err;
}

/* both passes; the first error of their steps (s_wb_err untouched) */
int kshim_sync_sb_passes(struct super_block *sb)
{
	const struct super_operations *sop = sb->s_op;
	int first = 0;

	if (sb_rdonly(sb))
		return 0;

	/* start everything, so the waiting pass below mostly waits */
	keep_first(&first, kshim_writeback_inodes_sb(sb, 0));
	if (sop && sop->sync_fs)
		keep_first(&first, sop->sync_fs(sb, 0));
	if (sb->s_bdev)
		keep_first(&first, sync_blockdev_nowait(sb->s_bdev));

	/* then data integrity */
	keep_first(&first, kshim_writeback_inodes_sb(sb, 1));
	if (sop && sop->sync_fs)
		keep_first(&first, sop->sync_fs(sb, 1));
	if (sb->s_bdev)
		keep_first(&first, sync_blockdev(sb->s_bdev));
	return first;
}

int sync_filesystem(struct super_block *sb)
{
	int first;

	if (sb_rdonly(sb))
		return 0;
	first = kshim_sync_sb_passes(sb);
	keep_first(&first, kshim_sb_take_wb_err(sb));
	return first;
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
