// SPDX-License-Identifier: GPL-2.0-only
/*
 * Opening files (fs/open.c).
 *
 * Kernel guarantees kept (do_dentry_open()):
 *  - write access is refused on a read-only super block or mount
 *    (-EROFS) and to directories (-EISDIR); O_DIRECTORY on a
 *    non-directory is -ENOTDIR;
 *  - f_mode gets FMODE_LSEEK/PREAD/PWRITE, FMODE_ATOMIC_POS for regular
 *    files and directories, FMODE_CAN_READ/WRITE from the f_op, and
 *    FMODE_OPENED once ->open succeeded; an ->open failure releases the
 *    file without calling ->release;
 *  - O_DIRECT needs FMODE_CAN_ODIRECT (set by the filesystem's ->open);
 *  - the readahead state is initialised from the mapping
 *    (file_ra_state_init), the iocb flags from f_flags;
 *  - generic_file_open() refuses files over 2 GiB without O_LARGEFILE.
 */
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/mount.h>
#include <linux/cred.h>

#include "kshim-vfs-internal.h"

static int do_dentry_open(struct file *f,
			  int (*open)(struct inode *, struct file *))
{
	struct inode *ip = f->f_path.dentry->d_inode;
	int error;

	f->f_inode = ip;
	f->f_mapping = ip->i_mapping;
	f->f_wb_err = errseq_sample(&f->f_mapping->wb_err);
	f->f_sb_err = errseq_sample(&ip->i_sb->s_wb_err);
	f->f_mode |= FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (S_ISREG(ip->i_mode) || S_ISDIR(ip->i_mode))
		f->f_mode |= FMODE_ATOMIC_POS;
	f->f_op = ip->i_fop;
	if (WARN_ON(!f->f_op))
		return -ENODEV;

	if (!open)
		open = f->f_op->open;
	if (open) {
		error = open(ip, f);
		if (error)
			return error;
	}
	f->f_mode |= FMODE_OPENED;
	if ((f->f_mode & FMODE_READ) &&
	    likely(f->f_op->read || f->f_op->read_iter))
		f->f_mode |= FMODE_CAN_READ;
	if ((f->f_mode & FMODE_WRITE) &&
	    likely(f->f_op->write || f->f_op->write_iter))
		f->f_mode |= FMODE_CAN_WRITE;
	if ((f->f_mode & FMODE_LSEEK) && !f->f_op->llseek)
		f->f_mode &= ~FMODE_LSEEK;
	f->f_iocb_flags = iocb_flags(f);
	f->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	file_ra_state_init(&f->f_ra, f->f_mapping->host->i_mapping);
	if ((f->f_flags & O_DIRECT) && !(f->f_mode & FMODE_CAN_ODIRECT))
		return -EINVAL;
	return 0;
}

int finish_open(struct file *fp, struct dentry *de,
		int (*open)(struct inode *, struct file *))
{
	WARN_ON(fp->f_mode & FMODE_OPENED);
	fp->f_path.dentry = de;
	return do_dentry_open(fp, open);
}

int finish_no_open(struct file *fp, struct dentry *de)
{
	fp->f_path.dentry = de;
	return 0;
}

int generic_file_open(struct inode *ip, struct file *fp)
{
	if (!(fp->f_flags & O_LARGEFILE) && i_size_read(ip) > MAX_NON_LFS)
		return -EOVERFLOW;
	return 0;
}

/* dentry_open(): open @path with @flags on behalf of @cred */
struct file *kshim_dentry_open(const struct path *path, int flags,
			       const struct cred *cred)
{
	struct inode *ip = d_inode(path->dentry);
	struct file *f;
	int error;

	if (!ip)
		return ERR_PTR(-ENOENT);
	if ((flags & O_DIRECTORY) && !S_ISDIR(ip->i_mode))
		return ERR_PTR(-ENOTDIR);
	f = kshim_alloc_empty_file(flags, cred);
	if (IS_ERR(f))
		return f;
	if (f->f_mode & FMODE_WRITE) {
		error = -EISDIR;
		if (S_ISDIR(ip->i_mode))
			goto fail;
		error = -EROFS;
		if (S_ISREG(ip->i_mode) &&
		    ((path->mnt && __mnt_is_readonly(path->mnt)) ||
		     IS_RDONLY(ip)))
			goto fail;
	}
	f->f_path = *path;
	path_get(&f->f_path);
	error = do_dentry_open(f, NULL);
	if (error) {
		/* not opened: fput() calls no ->release */
		if (f->f_mode & FMODE_OPENED) {
			if (f->f_op->release)
				f->f_op->release(ip, f);
			f->f_mode &= ~FMODE_OPENED;
		}
		fput(f);
		return ERR_PTR(error);
	}
	return f;
fail:
	fput(f);
	return ERR_PTR(error);
}
