// SPDX-License-Identifier: GPL-2.0-only
/*
 * The in-process API's data calls (write, fsync, flush, fallocate) over
 * the file's ->write_iter, ->fsync, ->flush and ->fallocate.
 *
 * Kernel guarantees kept:
 *  - kshim_write() is pwrite(2) (vfs_write through ->write_iter): -EBADF
 *    unless the file was opened for writing, -EINVAL without a write
 *    method or for a negative offset or one that would overflow, at most
 *    MAX_RW_COUNT bytes per call; the kiocb carries the file's flags, so
 *    O_APPEND writes at the end (as Linux does even for pwrite) and
 *    O_SYNC/O_DSYNC writes are on disk when the call returns; the result
 *    is the bytes written (short when the filesystem filled up) or the
 *    error when nothing was;
 *  - kshim_fsync() is fsync(2)/fdatasync(2): vfs_fsync_range over the
 *    whole file; a writeback error is reported once to each open file.
 *    Before it, everything else dirty in the filesystem is written too
 *    (sync_filesystem): ext2 and minix have no journal, so a block this
 *    file took over from a file truncated or deleted a moment ago is
 *    still claimed by that file's inode on disk until the inode is
 *    written; a crash then leaves the checker "repairing" the stale
 *    claim by clearing or cloning the fsynced file's block.  With the
 *    whole filesystem on disk at each fsync, a file fsynced before a
 *    crash reads back intact after e2fsck -fy.  Errors of that wider
 *    sync belong to the files they hit (their fsync, syncfs, unmount);
 *  - kshim_flush() is what close(2) reports: ->flush where the
 *    filesystem has one, otherwise a writeback error this file has not
 *    reported yet (it stays reportable to a later fsync, as the kernel's
 *    close never consumes it);
 *  - kshim_fallocate() is vfs_fallocate(): invalid ranges -EINVAL, mode
 *    combinations the syscall refuses -EOPNOTSUPP, -EBADF unless open
 *    for writing, -EPERM on immutable files (and on append-only files
 *    for anything but preallocation), -EISDIR/-ENODEV on non-regular
 *    files, -EFBIG past s_maxbytes, -EOPNOTSUPP without ->fallocate.
 */
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/falloc.h>
#include <linux/uio.h>
#include <linux/pagemap.h>
#include <linux/overflow.h>
#include "kshim-vfs-internal.h"
#include "api-internal.h"

#ifndef FALLOC_FL_MODE_MASK
#define FALLOC_FL_MODE_MASK                                                 \
	(FALLOC_FL_PUNCH_HOLE | FALLOC_FL_COLLAPSE_RANGE |                  \
	 FALLOC_FL_ZERO_RANGE | FALLOC_FL_INSERT_RANGE |                    \
	 FALLOC_FL_UNSHARE_RANGE)
#endif

long kshim_write(struct kshim_file *kfile, const void *buf, unsigned long size,
		 long long offset)
{
	struct file *file = F(kfile);
	struct kvec vec = { .iov_base = (void *)buf, .iov_len = size };
	struct iov_iter from;
	struct kiocb kiocb;
	loff_t end;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!(file->f_mode & FMODE_CAN_WRITE) || !file->f_op->write_iter)
		return -EINVAL;
	if (!(file->f_mode & FMODE_PWRITE))
		return -ESPIPE;
	if (size > MAX_RW_COUNT)
		size = vec.iov_len = MAX_RW_COUNT;
	if (offset < 0 || check_add_overflow((loff_t)offset, (loff_t)size, &end))
		return -EINVAL;

	init_sync_kiocb(&kiocb, file);
	kiocb.ki_pos = offset;
	iov_iter_kvec(&from, ITER_SOURCE, &vec, 1, size);
	return file->f_op->write_iter(&kiocb, &from);
}

int kshim_fsync(struct kshim_file *kfile, int datasync)
{
	struct file *file = F(kfile);
	struct super_block *sb = file_inode(file)->i_sb;

	if (!sb_rdonly(sb)) {
		down_read(&sb->s_umount);
		kshim_sync_sb_passes(sb);
		up_read(&sb->s_umount);
	}
	return vfs_fsync_range(file, 0, LLONG_MAX, datasync);
}

int kshim_flush(struct kshim_file *kfile)
{
	struct file *file = F(kfile);

	if (file->f_op->flush)
		return file->f_op->flush(file, NULL);
	if (!file->f_mapping)
		return 0;
	/* report without consuming: fsync on this file still sees it */
	return filemap_check_wb_err(file->f_mapping, READ_ONCE(file->f_wb_err));
}

int kshim_has_flush(struct kshim_file *kfile)
{
	return F(kfile)->f_op->flush != NULL;
}

/* which fallocate(2) modes may be asked for at all (vfs_fallocate) */
static int fallocate_mode_ok(int mode)
{
	if (mode & ~(FALLOC_FL_MODE_MASK | FALLOC_FL_KEEP_SIZE))
		return -EOPNOTSUPP;
	switch (mode & FALLOC_FL_MODE_MASK) {
	case 0:				/* allocate */
	case FALLOC_FL_ZERO_RANGE:
	case FALLOC_FL_UNSHARE_RANGE:
		return 0;
	case FALLOC_FL_PUNCH_HOLE:	/* never changes the size */
		return (mode & FALLOC_FL_KEEP_SIZE) ? 0 : -EOPNOTSUPP;
	case FALLOC_FL_COLLAPSE_RANGE:	/* always change the size */
	case FALLOC_FL_INSERT_RANGE:
		return (mode & FALLOC_FL_KEEP_SIZE) ? -EOPNOTSUPP : 0;
	default:			/* two modes at once */
		return -EOPNOTSUPP;
	}
}

int kshim_fallocate(struct kshim_file *kfile, int mode, long long offset,
		    long long len)
{
	struct file *file = F(kfile);
	struct inode *inode = file_inode(file);
	loff_t end;
	int err;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	err = fallocate_mode_ok(mode);
	if (err)
		return err;
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (IS_APPEND(inode) && (mode & ~FALLOC_FL_KEEP_SIZE))
		return -EPERM;
	if (IS_IMMUTABLE(inode))
		return -EPERM;
	if (IS_SWAPFILE(inode))
		return -ETXTBSY;
	if (S_ISFIFO(inode->i_mode))
		return -ESPIPE;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) && !S_ISBLK(inode->i_mode))
		return -ENODEV;
	if (check_add_overflow((loff_t)offset, (loff_t)len, &end) ||
	    end > inode->i_sb->s_maxbytes)
		return -EFBIG;
	if (!file->f_op->fallocate)
		return -EOPNOTSUPP;
	return file->f_op->fallocate(file, mode, offset, len);
}
