// SPDX-License-Identifier: GPL-2.0-only
/*
 * statfs (fs/statfs.c).  Kernel guarantees kept: ->statfs fills a zeroed
 * kstatfs (-ENOSYS without one); a zero fragment size becomes the block
 * size; f_flags is ST_VALID plus the mount's flags (ST_RDONLY for a
 * read-only mount or super block, ...).
 */
#include <linux/fs.h>
#include <linux/statfs.h>
#include <linux/mount.h>

static int statfs_by_dentry(struct dentry *de, struct kstatfs *buf)
{
	int retval;

	if (!de->d_sb->s_op->statfs)
		return -ENOSYS;
	memset(buf, 0, sizeof(*buf));
	retval = de->d_sb->s_op->statfs(de, buf);
	if (retval == 0 && buf->f_frsize == 0)
		buf->f_frsize = buf->f_bsize;
	return retval;
}

static long calculate_f_flags(struct super_block *sbp, struct vfsmount *mnt)
{
	long flags = ST_VALID;
	int mnt_flags = mnt ? mnt->mnt_flags : 0;

	if ((mnt_flags & MNT_READONLY) || sb_rdonly(sbp))
		flags |= ST_RDONLY;
	if (mnt_flags & MNT_NOSUID)
		flags |= ST_NOSUID;
	if (mnt_flags & MNT_NODEV)
		flags |= ST_NODEV;
	if (mnt_flags & MNT_NOEXEC)
		flags |= ST_NOEXEC;
	if (mnt_flags & MNT_NOATIME)
		flags |= ST_NOATIME;
	if (mnt_flags & MNT_NODIRATIME)
		flags |= ST_NODIRATIME;
	if (mnt_flags & MNT_RELATIME)
		flags |= ST_RELATIME;
	if (sbp->s_flags & SB_SYNCHRONOUS)
		flags |= ST_SYNCHRONOUS;
	if (sbp->s_flags & SB_MANDLOCK)
		flags |= ST_MANDLOCK;
	return flags;
}

int vfs_get_fsid(struct dentry *de, __kernel_fsid_t *fsid)
{
	struct kstatfs st;
	int error = statfs_by_dentry(de, &st);

	if (error)
		return error;
	*fsid = st.f_fsid;
	return 0;
}

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	int error = statfs_by_dentry(path->dentry, buf);

	if (!error)
		buf->f_flags = calculate_f_flags(path->dentry->d_sb, path->mnt);
	return error;
}
