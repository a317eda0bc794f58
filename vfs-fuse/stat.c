// SPDX-License-Identifier: GPL-2.0-only
/*
 * File attributes (fs/stat.c).  Kernel guarantees kept:
 * generic_fillattr() reports the inode as the VFS holds it (ids through
 * the mount's idmap, i_size read whole, i_blocks in 512-byte units, the
 * block size of the inode); vfs_getattr() starts from a zeroed kstat with
 * STATX_BASIC_STATS in the result mask and the VFS-known attribute bits,
 * then lets ->getattr fill it, or generic_fillattr() when the filesystem
 * has none.
 */
#include <linux/fs.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/iversion.h>
#include <linux/mount.h>

void generic_fillattr(struct mnt_idmap *idmap, u32 request_mask,
		      struct inode *inode, struct kstat *stat)
{
	vfsuid_t vfsuid = i_uid_into_vfsuid(idmap, inode);
	vfsgid_t vfsgid = i_gid_into_vfsgid(idmap, inode);

	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = vfsuid_into_kuid(vfsuid);
	stat->gid = vfsgid_into_kgid(vfsgid);
	stat->rdev = inode->i_rdev;
	stat->size = i_size_read(inode);
	stat->atime = inode_get_atime(inode);
	stat->mtime = inode_get_mtime(inode);
	stat->ctime = inode_get_ctime(inode);
	stat->blksize = i_blocksize(inode);
	stat->blocks = inode->i_blocks;
	if ((request_mask & STATX_CHANGE_COOKIE) && IS_I_VERSION(inode)) {
		stat->result_mask |= STATX_CHANGE_COOKIE;
		stat->change_cookie = inode_query_iversion(inode);
	}
}

void generic_fill_statx_attr(struct inode *inode, struct kstat *stat)
{
	if (inode->i_flags & S_IMMUTABLE)
		stat->attributes |= STATX_ATTR_IMMUTABLE;
	if (inode->i_flags & S_APPEND)
		stat->attributes |= STATX_ATTR_APPEND;
	stat->attributes_mask |= KSTAT_ATTR_VFS_FLAGS;
}

int vfs_getattr(const struct path *path, struct kstat *stat,
		u32 request_mask, unsigned int query_flags)
{
	struct inode *inode = d_inode(path->dentry);
	struct mnt_idmap *idmap = &nop_mnt_idmap;

	memset(stat, 0, sizeof(*stat));
	stat->result_mask |= STATX_BASIC_STATS;
	query_flags &= AT_STATX_SYNC_TYPE;
	if (IS_AUTOMOUNT(inode))
		stat->attributes |= STATX_ATTR_AUTOMOUNT;
	stat->attributes_mask |= STATX_ATTR_AUTOMOUNT | STATX_ATTR_DAX;
	if (inode->i_op->getattr)
		return inode->i_op->getattr(idmap, path, stat, request_mask,
					    query_flags);
	generic_fillattr(idmap, request_mask, inode, stat);
	return 0;
}
