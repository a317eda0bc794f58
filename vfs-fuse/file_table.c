// SPDX-License-Identifier: GPL-2.0-only
/*
 * struct file lifetime (fs/file_table.c).  Kernel guarantees kept: a new
 * file holds one reference (f_count), its credentials and, once opened,
 * its path; fput() of the last reference calls ->release (only if the
 * file was opened: FMODE_OPENED) and then drops the path and the
 * credentials.  kshim releases synchronously in the caller instead of
 * from task work: the callers (API users) hold no locks.
 */
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/mount.h>

#include "kshim-vfs-internal.h"

struct file *kshim_alloc_empty_file(int flags, const struct cred *cred)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	atomic_long_set(&f->f_count, 1);
	spin_lock_init(&f->f_lock);
	mutex_init(&f->f_pos_lock);
	f->f_cred = get_cred(cred);
	f->f_flags = flags;
	/* O_RDONLY, O_WRONLY, O_RDWR + 1 are FMODE_READ, _WRITE, both */
	f->f_mode = (__force fmode_t)((flags + 1) & O_ACCMODE);
	return f;
}

static void __fput(struct file *file)
{
	struct inode *inode = file->f_inode;

	if ((file->f_mode & FMODE_OPENED) && file->f_op->release)
		file->f_op->release(inode, file);
	if (file->f_path.dentry)
		path_put(&file->f_path);
	put_cred(file->f_cred);
	kfree(file);
}

void fput(struct file *file)
{
	if (atomic_long_dec_and_test(&file->f_count))
		__fput(file);
}
