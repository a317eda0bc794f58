// SPDX-License-Identifier: GPL-2.0-only
/*
 * File attributes (stands in for fs/stat.c).
 *
 * Kernel guarantees kept: generic_fillattr() reports the inode as the VFS
 * holds it (ids through the mount's idmap, i_size read whole, i_blocks in
 * 512-byte units, the block size of the inode); vfs_getattr() starts from
 * a zeroed kstat with STATX_BASIC_STATS in the result mask and the
 * VFS-known attribute bits, then lets ->getattr fill it, or
 * generic_fillattr() when the filesystem has none.
 */
#include <linux/fs.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/iversion.h>
#include <linux/mount.h>

/* owner and group as seen through the mount's id mapping */
static void kshim_fill_ids(struct mnt_idmap *idmap, struct inode *ino,
			   struct kstat *ks)
{
	ks->uid = vfsuid_into_kuid(i_uid_into_vfsuid(idmap, ino));
	ks->gid = vfsgid_into_kgid(i_gid_into_vfsgid(idmap, ino));
}

static void kshim_fill_times(struct inode *ino, struct kstat *ks)
{
	ks->atime = inode_get_atime(ino);
	ks->mtime = inode_get_mtime(ino);
	ks->ctime = inode_get_ctime(ino);
}

void generic_fillattr(struct mnt_idmap *idmap, u32 want,
		      struct inode *ino, struct kstat *ks)
{
	ks->dev = ino->i_sb->s_dev;
	ks->ino = ino->i_ino;
	ks->mode = ino->i_mode;
	ks->nlink = ino->i_nlink;
	ks->rdev = ino->i_rdev;
	kshim_fill_ids(idmap, ino, ks);
	ks->size = i_size_read(ino);	/* torn-free on every arch */
	kshim_fill_times(ino, ks);
	ks->blocks = ino->i_blocks;	/* already in 512-byte units */
	ks->blksize = i_blocksize(ino);

	/* the change cookie only when asked for and maintained */
	if (!(want & STATX_CHANGE_COOKIE) || !IS_I_VERSION(ino))
		return;
	ks->change_cookie = inode_query_iversion(ino);
	ks->result_mask |= STATX_CHANGE_COOKIE;
}

void generic_fill_statx_attr(struct inode *ino, struct kstat *ks)
{
	static const struct {
		unsigned int iflag;
		u64 attr;
	} map[] = {
		{ S_IMMUTABLE,	STATX_ATTR_IMMUTABLE },
		{ S_APPEND,	STATX_ATTR_APPEND },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (ino->i_flags & map[i].iflag)
			ks->attributes |= map[i].attr;
	ks->attributes_mask |= KSTAT_ATTR_VFS_FLAGS;
}

int vfs_getattr(const struct path *where, struct kstat *ks, u32 want,
		unsigned int how)
{
	struct inode *ino = d_inode(where->dentry);
	struct mnt_idmap *idmap = &nop_mnt_idmap;	/* no idmapped mounts */

	memset(ks, 0, sizeof(*ks));
	ks->result_mask = STATX_BASIC_STATS;
	ks->attributes_mask = STATX_ATTR_AUTOMOUNT | STATX_ATTR_DAX;
	if (IS_AUTOMOUNT(ino))
		ks->attributes = STATX_ATTR_AUTOMOUNT;
	/* only the sync-type bits reach the filesystem */
	how &= AT_STATX_SYNC_TYPE;

	if (!ino->i_op->getattr) {
		generic_fillattr(idmap, want, ino, ks);
		return 0;
	}
	return ino->i_op->getattr(idmap, where, ks, want, how);
}
