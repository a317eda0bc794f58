// SPDX-License-Identifier: GPL-2.0-only
/*
 * The LSM hooks that are out of line (security/security.c).  kshim loads
 * no security module, so, as the kernel does with none loaded,
 * security_inode_init_security() asks for no security xattrs: it returns
 * 0 without calling @initxattrs.  The other hooks are inline no-ops in
 * linux/security.h, but for file capabilities (security/commoncap.c),
 * which the kernel always has: a write, truncation or chown by the
 * unprivileged removes a file's security.capability, as it clears the
 * set-uid bit (dentry_needs_remove_privs, notify_change, setattr_prepare).
 */
#include <linux/fs.h>
#include <linux/security.h>
#include <linux/xattr.h>
#include <linux/mnt_idmapping.h>

/* does @dentry's inode carry file capabilities? (cap_inode_need_killpriv) */
int security_inode_need_killpriv(struct dentry *dentry)
{
	struct inode *inode = d_backing_inode(dentry);

	return __vfs_getxattr(dentry, inode, XATTR_NAME_CAPS, NULL, 0) > 0;
}

/* drop them (cap_inode_killpriv): nothing to do without xattr support */
int security_inode_killpriv(struct mnt_idmap *idmap, struct dentry *dentry)
{
	int err = __vfs_removexattr(idmap, dentry, XATTR_NAME_CAPS);

	return err == -EOPNOTSUPP ? 0 : err;
}

int security_inode_init_security(struct inode *inode, struct inode *dir,
				 const struct qstr *qstr,
				 const initxattrs initxattrs, void *fs_data)
{
	return 0;
}
