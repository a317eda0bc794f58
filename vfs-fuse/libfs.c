// SPDX-License-Identifier: GPL-2.0-only
/*
 * Library helpers filesystems plug into their operation tables
 * (fs/libfs.c, and fileattr_fill_* of fs/ioctl.c).  Kernel guarantees
 * kept: read(2) of a directory is -EISDIR; simple_get_link() returns
 * inode->i_link; noop_direct_IO() refuses direct I/O (-EINVAL) so
 * callers fall back to buffered I/O; the ino32 file handles encode
 * (ino, generation[, parent ino, parent generation]) and decode through
 * the filesystem's get_inode; generic_file_fsync() writes the range,
 * the inode's buffers and the inode, then flushes the device cache;
 * fileattr_fill_flags()/_xflags() translate between FS_*_FL and
 * FS_XFLAG_* for the flags both views have.
 */
#include <linux/fs.h>
#include <linux/exportfs.h>
#include <linux/fileattr.h>
#include <linux/buffer_head.h>
#include <linux/blkdev.h>
#include <linux/pagemap.h>

ssize_t generic_read_dir(struct file *filp, char __user *buf, size_t siz,
			 loff_t *ppos)
{
	return -EISDIR;
}

const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    struct delayed_call *done)
{
	return inode->i_link;
}

const struct inode_operations simple_symlink_inode_operations = {
	.get_link = simple_get_link,
};

ssize_t noop_direct_IO(struct kiocb *iocb, struct iov_iter *iter)
{
	return -EINVAL;
}

int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}

int generic_check_addressable(unsigned int blocksize_bits, u64 num_blocks)
{
	u64 last_fs_block = num_blocks - 1;
	u64 last_fs_page;

	if (unlikely(num_blocks == 0))
		return 0;
	if (blocksize_bits < 9 || blocksize_bits > PAGE_SHIFT)
		return -EINVAL;
	last_fs_page = last_fs_block >> (PAGE_SHIFT - blocksize_bits);
	if (last_fs_block > (sector_t)(~0ULL) ||
	    last_fs_page > (pgoff_t)(~0ULL))
		return -EFBIG;
	return 0;
}

static int __generic_file_fsync(struct file *file, loff_t start, loff_t end,
				int datasync)
{
	struct inode *inode = file->f_mapping->host;
	int err, ret;

	/* errors reach this file through its errseq cursor, once */
	err = file_write_and_wait_range(file, start, end);
	if (err)
		return err;
	inode_lock(inode);
	ret = sync_mapping_buffers(inode->i_mapping);
	if ((inode->i_state & I_DIRTY_ALL) &&
	    (!datasync || (inode->i_state & I_DIRTY_DATASYNC))) {
		err = sync_inode_metadata(inode, 1);
		if (!ret)
			ret = err;
	}
	inode_unlock(inode);
	err = file_check_and_advance_wb_err(file);
	return ret ? ret : err;
}

int generic_file_fsync(struct file *file, loff_t start, loff_t end,
		       int datasync)
{
	struct inode *inode = file->f_mapping->host;
	int err = __generic_file_fsync(file, start, end, datasync);

	if (err || !inode->i_sb->s_bdev)
		return err;
	return blkdev_issue_flush(inode->i_sb->s_bdev);
}

/* --- file handles ------------------------------------------------------- */

int generic_encode_ino32_fh(struct inode *inode, __u32 *fh, int *max_len,
			    struct inode *parent)
{
	struct fid *fid = (void *)fh;
	int need = parent ? 4 : 2;

	if (*max_len < need) {
		*max_len = need;
		return FILEID_INVALID;
	}
	fid->i32.ino = inode->i_ino;
	fid->i32.gen = inode->i_generation;
	if (parent) {
		fid->i32.parent_ino = parent->i_ino;
		fid->i32.parent_gen = parent->i_generation;
	}
	*max_len = need;
	return parent ? FILEID_INO32_GEN_PARENT : FILEID_INO32_GEN;
}

struct dentry *generic_fh_to_dentry(struct super_block *sb, struct fid *fid,
				    int fh_len, int fh_type,
				    struct inode *(*get_inode)(struct super_block *sb,
							       u64 ino, u32 gen))
{
	if (fh_len < 2)
		return NULL;
	if (fh_type != FILEID_INO32_GEN && fh_type != FILEID_INO32_GEN_PARENT)
		return NULL;
	return d_obtain_alias(get_inode(sb, fid->i32.ino, fid->i32.gen));
}

struct dentry *generic_fh_to_parent(struct super_block *sb, struct fid *fid,
				    int fh_len, int fh_type,
				    struct inode *(*get_inode)(struct super_block *sb,
							       u64 ino, u32 gen))
{
	if (fh_len <= 2 || fh_type != FILEID_INO32_GEN_PARENT)
		return NULL;
	return d_obtain_alias(get_inode(sb, fid->i32.parent_ino,
					fh_len > 3 ? fid->i32.parent_gen : 0));
}

/* --- inode flags, both views (fs/ioctl.c) -------------------------------- */

static const struct {
	u32 fl, xflag;
} flag_map[] = {
	{ FS_SYNC_FL, FS_XFLAG_SYNC },
	{ FS_IMMUTABLE_FL, FS_XFLAG_IMMUTABLE },
	{ FS_APPEND_FL, FS_XFLAG_APPEND },
	{ FS_NODUMP_FL, FS_XFLAG_NODUMP },
	{ FS_NOATIME_FL, FS_XFLAG_NOATIME },
	{ FS_DAX_FL, FS_XFLAG_DAX },
	{ FS_PROJINHERIT_FL, FS_XFLAG_PROJINHERIT },
};

void fileattr_fill_xflags(struct fileattr *fa, u32 xflags)
{
	unsigned int i;

	memset(fa, 0, sizeof(*fa));
	fa->fsx_valid = true;
	fa->fsx_xflags = xflags;
	for (i = 0; i < ARRAY_SIZE(flag_map); i++)
		if (xflags & flag_map[i].xflag)
			fa->flags |= flag_map[i].fl;
}

void fileattr_fill_flags(struct fileattr *fa, u32 flags)
{
	unsigned int i;

	memset(fa, 0, sizeof(*fa));
	fa->flags_valid = true;
	fa->flags = flags;
	for (i = 0; i < ARRAY_SIZE(flag_map); i++)
		if (flags & flag_map[i].fl)
			fa->fsx_xflags |= flag_map[i].xflag;
}
