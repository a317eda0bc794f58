/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct vfsmount and write access to a mount.  kshim has one mount per
 * super block; mnt_want_write() fails with -EROFS on a read-only mount
 * and otherwise pins write access until mnt_drop_write() (VFS).
 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#include <linux/types.h>

struct dentry;
struct file;
struct super_block;
struct mnt_idmap;
struct path;

#define MNT_NOSUID 0x01
#define MNT_NODEV 0x02
#define MNT_NOEXEC 0x04
#define MNT_NOATIME 0x08
#define MNT_NODIRATIME 0x10
#define MNT_RELATIME 0x20
#define MNT_READONLY 0x40
#define MNT_NOSYMFOLLOW 0x80
#define MNT_SHRINKABLE 0x100
#define MNT_INTERNAL 0x4000
#define MNT_FORCE 0x00000001
#define MNT_DETACH 0x00000002

struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	int mnt_flags;
	struct mnt_idmap *mnt_idmap;
};

static inline struct mnt_idmap *mnt_idmap(const struct vfsmount *mnt)
{
	return mnt->mnt_idmap;
}

int mnt_want_write(struct vfsmount *mnt);
void mnt_drop_write(struct vfsmount *mnt);
int mnt_want_write_file(struct file *file);
void mnt_drop_write_file(struct file *file);
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
int __mnt_is_readonly(struct vfsmount *mnt);

#endif /* _LINUX_MOUNT_H */
