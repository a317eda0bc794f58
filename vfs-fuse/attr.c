// SPDX-License-Identifier: GPL-2.0-only
/*
 * Attribute changes (the role of fs/attr.c): permission checks before a
 * change, copying it into the inode, and clearing set-id bits on write.
 */
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/mnt_idmapping.h>
#include "kshim-vfs-internal.h"

int file_remove_privs(struct file *file)
{
	struct inode *ip = file_inode(file);

	if (IS_NOSEC(ip) || !S_ISREG(ip->i_mode))
		return 0;
	if (!(ip->i_mode & S_ISUID) &&
	    (ip->i_mode & (S_ISGID | S_IXGRP)) != (S_ISGID | S_IXGRP))
		return 0;
	WARN_ONCE(1, "kshim: file_remove_privs comes with the write path\n");
	return -EOPNOTSUPP;
}

int file_modified(struct file *file)
{
	int ret = file_remove_privs(file);

	if (ret)
		return ret;
	if (unlikely(file->f_mode & FMODE_NOCMTIME))
		return 0;
	return file_update_time(file);
}

int kiocb_modified(struct kiocb *iocb)
{
	return file_modified(iocb->ki_filp);
}

/* --- attributes (fs/attr.c) --------------------------------------------- */

int inode_newsize_ok(const struct inode *ip, loff_t offset)
{
	if (offset < 0)
		return -EINVAL;
	if (ip->i_size < offset) {
		if (offset > ip->i_sb->s_maxbytes)
			return -EFBIG;
	} else if (IS_SWAPFILE(ip)) {
		return -ETXTBSY;
	}
	return 0;
}

int setattr_prepare(struct mnt_idmap *idmap, struct dentry *dentry,
		    struct iattr *attr)
{
	WARN_ONCE(1, "kshim: setattr_prepare comes with the write path\n");
	return -EROFS;
}

void setattr_copy(struct mnt_idmap *idmap, struct inode *ip,
		  const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	i_uid_update(idmap, attr, ip);
	i_gid_update(idmap, attr, ip);
	if (valid & ATTR_ATIME)
		inode_set_atime_to_ts(ip, attr->ia_atime);
	if (valid & ATTR_MTIME)
		inode_set_mtime_to_ts(ip, attr->ia_mtime);
	if (valid & ATTR_CTIME)
		inode_set_ctime_to_ts(ip, attr->ia_ctime);
	if (valid & ATTR_MODE) {
		umode_t mode = attr->ia_mode;

		if (!in_group_p(ip->i_gid) &&
		    !capable_wrt_inode_uidgid(idmap, ip, CAP_FSETID))
			mode &= ~S_ISGID;
		ip->i_mode = mode;
	}
}
