// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mounts (fs/namespace.c, fs/mnt_idmapping.c): write access and the only
 * idmap.  kshim has one struct vfsmount per mount, owned by the
 * in-process API, with the life of the mount (mntget/mntput count
 * nothing).  Kernel guarantees kept: mnt_want_write() and
 * mnt_want_write_file() fail with -EROFS on a read-only mount or super
 * block and otherwise hold freeze protection (sb_start_write) until the
 * matching mnt_drop_write*(); nop_mnt_idmap maps every id to itself.
 */
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/mnt_idmapping.h>

struct mnt_idmap {
	int kshim_identity;
};

struct mnt_idmap nop_mnt_idmap = { .kshim_identity = 1 };

int __mnt_is_readonly(struct vfsmount *mnt)
{
	return (mnt->mnt_flags & MNT_READONLY) || sb_rdonly(mnt->mnt_sb);
}

int mnt_want_write(struct vfsmount *mnt)
{
	sb_start_write(mnt->mnt_sb);
	if (__mnt_is_readonly(mnt)) {
		sb_end_write(mnt->mnt_sb);
		return -EROFS;
	}
	return 0;
}

void mnt_drop_write(struct vfsmount *mnt)
{
	sb_end_write(mnt->mnt_sb);
}

int mnt_want_write_file(struct file *fp)
{
	struct super_block *sbp = file_inode(fp)->i_sb;

	sb_start_write(sbp);
	if ((fp->f_path.mnt && __mnt_is_readonly(fp->f_path.mnt)) ||
	    sb_rdonly(sbp)) {
		sb_end_write(sbp);
		return -EROFS;
	}
	return 0;
}

void mnt_drop_write_file(struct file *fp)
{
	sb_end_write(file_inode(fp)->i_sb);
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
}
