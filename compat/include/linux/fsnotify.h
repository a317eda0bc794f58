/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Filesystem change notification (inotify/fanotify): kshim has no
 * listeners, so every hook is a no-op.  FUSE clients learn of changes
 * through the kernel's own FUSE notifications instead.
 */
#ifndef _LINUX_FS_NOTIFY_H
#define _LINUX_FS_NOTIFY_H

#include <linux/fs.h>

static inline void fsnotify_modify(struct file *file)
{
}

static inline void fsnotify_access(struct file *file)
{
}

static inline void fsnotify_open(struct file *file)
{
}

static inline void fsnotify_close(struct file *file)
{
}

static inline void fsnotify_change(struct dentry *dentry, unsigned int ia_valid)
{
}

static inline void fsnotify_create(struct inode *dir, struct dentry *dentry)
{
}

static inline void fsnotify_mkdir(struct inode *dir, struct dentry *dentry)
{
}

static inline void fsnotify_link(struct inode *dir, struct inode *inode,
				 struct dentry *new_dentry)
{
}

static inline void fsnotify_unlink(struct inode *dir, struct dentry *dentry)
{
}

static inline void fsnotify_rmdir(struct inode *dir, struct dentry *dentry)
{
}

static inline void fsnotify_xattr(struct dentry *dentry)
{
}

static inline void fsnotify_inode_delete(struct inode *inode)
{
}

static inline void fsnotify_sb_delete(struct super_block *sb)
{
}

static inline void fsnotify_inoderemove(struct inode *inode)
{
}

#endif /* _LINUX_FS_NOTIFY_H */
