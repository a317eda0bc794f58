// SPDX-License-Identifier: GPL-2.0-only
/*
 * The LSM hooks that are out of line (security/security.c).  kshim loads
 * no security module, so, as the kernel does with none loaded,
 * security_inode_init_security() asks for no security xattrs: it returns
 * 0 without calling @initxattrs.  The other hooks are inline no-ops in
 * linux/security.h.
 */
#include <linux/fs.h>
#include <linux/security.h>

int security_inode_init_security(struct inode *inode, struct inode *dir,
				 const struct qstr *qstr,
				 const initxattrs initxattrs, void *fs_data)
{
	return 0;
}
