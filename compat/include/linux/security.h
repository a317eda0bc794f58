/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The LSM hooks filesystems call.  kshim has no security module: every
 * hook permits.  security_inode_init_security() is out of line (VFS) and
 * keeps the kernel's contract with no LSM loaded: it asks for no
 * security xattrs and returns 0 without calling @initxattrs.
 */
#ifndef __LINUX_SECURITY_H
#define __LINUX_SECURITY_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/errno.h>

struct dentry;
struct inode;
struct mnt_idmap;
struct qstr;
struct super_block;
struct xattr;

typedef int (*initxattrs)(struct inode *inode,
			  const struct xattr *xattr_array, void *fs_data);

int security_inode_init_security(struct inode *inode, struct inode *dir,
				 const struct qstr *qstr,
				 initxattrs initxattrs, void *fs_data);

static inline int security_inode_alloc(struct inode *inode)
{
	return 0;
}

static inline void security_inode_free(struct inode *inode)
{
}

static inline int security_sb_alloc(struct super_block *sb)
{
	return 0;
}

static inline void security_sb_free(struct super_block *sb)
{
}

/*
 * File capabilities (security/commoncap.c, always built in): the VFS
 * implements these (vfs-fuse/security.c).  need_killpriv: 1 if the inode
 * has a security.capability xattr, 0 if not, or a negative errno;
 * killpriv removes it.
 */
int security_inode_need_killpriv(struct dentry *dentry);
int security_inode_killpriv(struct mnt_idmap *idmap, struct dentry *dentry);

static inline void security_d_instantiate(struct dentry *dentry,
					  struct inode *inode)
{
}

#endif /* __LINUX_SECURITY_H */
