// SPDX-License-Identifier: GPL-2.0-only
/*
 * Attribute changes (the role of fs/attr.c, with simple_setattr of
 * fs/libfs.c): who may change what, applying a change, and dropping the
 * set-id bits when a file is written or changes hands.
 *
 * Kernel guarantees kept:
 *  - notify_change() runs with the inode's i_rwsem held; it refuses mode,
 *    owner and explicit time changes on immutable or append-only inodes,
 *    sets ia_ctime (and "now" for the times not given explicitly, the
 *    explicit ones truncated to the filesystem's granularity), turns
 *    ATTR_KILL_SUID/SGID into a mode change (never together with an
 *    explicit ATTR_MODE) and calls ->setattr, or simple_setattr();
 *  - setattr_prepare(), which ->setattr calls: a size must be acceptable
 *    (inode_newsize_ok: -EINVAL, -EFBIG, -ETXTBSY); chown needs
 *    CAP_CHOWN unless the owner "changes" to itself; chgrp by the owner
 *    to a group it is in, else CAP_CHOWN; chmod by the owner or
 *    CAP_FOWNER, S_ISGID silently dropped for a non-member without
 *    CAP_FSETID; explicit times need ownership or CAP_FOWNER; "now"
 *    (ATTR_TOUCH) also write permission.  ATTR_FORCE skips the checks;
 *  - a write to, truncation of or chown of a regular file by a caller
 *    without CAP_FSETID clears S_ISUID, and S_ISGID when S_IXGRP is set
 *    (setattr_should_drop_suidgid), through notify_change.
 */
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/mnt_idmapping.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/security.h>
#include "kshim-vfs-internal.h"

/* --- set-id bits -------------------------------------------------------- */

/* in @gid, or privileged over @ip's ids for keeping S_ISGID? */
static bool sgid_allowed(struct mnt_idmap *idmap, const struct inode *ip,
			 kgid_t gid)
{
	return in_group_p(gid) ||
	       capable_wrt_inode_uidgid(idmap, ip, CAP_FSETID);
}

/*
 * S_ISGID with group exec is a real set-gid file and always goes;
 * without group exec it marks mandatory locking and goes only when the
 * caller could not have set it.
 */
int setattr_should_drop_sgid(struct mnt_idmap *idmap, const struct inode *ip)
{
	if (!(ip->i_mode & S_ISGID))
		return 0;
	if ((ip->i_mode & S_IXGRP) || !sgid_allowed(idmap, ip, ip->i_gid))
		return ATTR_KILL_SGID;
	return 0;
}

int setattr_should_drop_suidgid(struct mnt_idmap *idmap, struct inode *ip)
{
	int kill = (ip->i_mode & S_ISUID) ? ATTR_KILL_SUID : 0;

	kill |= setattr_should_drop_sgid(idmap, ip);
	if (kill && S_ISREG(ip->i_mode) && !capable(CAP_FSETID))
		return kill;
	return 0;
}

/*
 * Which ATTR_KILL_* a modification of @de's inode needs: set-id bits, and
 * file capabilities (ATTR_KILL_PRIV) when the inode has some; or a
 * negative errno.
 */
int dentry_needs_remove_privs(struct mnt_idmap *idmap, struct dentry *de)
{
	struct inode *ip = d_inode(de);
	int kill, caps;

	if (IS_NOSEC(ip))
		return 0;
	kill = setattr_should_drop_suidgid(idmap, ip);
	caps = security_inode_need_killpriv(de);
	if (caps < 0)
		return caps;
	return caps ? kill | ATTR_KILL_PRIV : kill;
}

/*
 * Before data is written: clear the set-id bits the writer may not keep.
 * The caller holds the inode lock (the write path does), which
 * notify_change() wants.
 */
int file_remove_privs(struct file *file)
{
	struct dentry *de = file->f_path.dentry;
	struct inode *ip = file_inode(file);
	struct iattr ia = {};
	int kill, err = 0;

	if (IS_NOSEC(ip) || !S_ISREG(ip->i_mode))
		return 0;
	kill = dentry_needs_remove_privs(&nop_mnt_idmap, de);
	if (kill < 0)
		return kill;
	if (kill) {
		ia.ia_valid = ATTR_FORCE | kill;
		err = notify_change(&nop_mnt_idmap, de, &ia, NULL);
	}
	if (!err)
		inode_has_no_xattr(ip);
	return err;
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

/* --- checks ------------------------------------------------------------- */

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

/* chown: root, or the owner giving the file to itself */
static bool may_change_owner(const struct inode *ip, kuid_t uid)
{
	if (uid_eq(current_fsuid(), ip->i_uid) && uid_eq(uid, ip->i_uid))
		return true;
	return capable_wrt_inode_uidgid(&nop_mnt_idmap, ip, CAP_CHOWN);
}

/* chgrp: root, or the owner choosing a group it belongs to */
static bool may_change_group(const struct inode *ip, kgid_t gid)
{
	if (uid_eq(current_fsuid(), ip->i_uid) &&
	    (gid_eq(gid, ip->i_gid) || in_group_p(gid)))
		return true;
	return capable_wrt_inode_uidgid(&nop_mnt_idmap, ip, CAP_CHOWN);
}

int setattr_prepare(struct mnt_idmap *idmap, struct dentry *dentry,
		    struct iattr *attr)
{
	struct inode *ip = d_inode(dentry);
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_SIZE) {
		int err;

		if (IS_VERITY(ip))
			return -EPERM;
		err = inode_newsize_ok(ip, attr->ia_size);
		if (err)
			return err;
	}
	if (valid & ATTR_FORCE)
		goto kill_caps;
	if ((valid & ATTR_UID) && !may_change_owner(ip, attr->ia_uid))
		return -EPERM;
	if ((valid & ATTR_GID) && !may_change_group(ip, attr->ia_gid))
		return -EPERM;
	if (valid & ATTR_MODE) {
		kgid_t gid = (valid & ATTR_GID) ? attr->ia_gid : ip->i_gid;

		if (!inode_owner_or_capable(idmap, ip))
			return -EPERM;
		/* a non-member cannot make a file set-gid: quietly dropped */
		if (!sgid_allowed(idmap, ip, gid))
			attr->ia_mode &= ~S_ISGID;
	}
	if ((valid & (ATTR_MTIME_SET | ATTR_ATIME_SET | ATTR_TIMES_SET)) &&
	    !inode_owner_or_capable(idmap, ip))
		return -EPERM;
kill_caps:
	/* the change is allowed: file capabilities go first (commoncap) */
	if (valid & ATTR_KILL_PRIV)
		return security_inode_killpriv(idmap, dentry);
	return 0;
}

/* the checks notify_change() makes itself, before the filesystem's */
int may_setattr(struct mnt_idmap *idmap, struct inode *ip,
		unsigned int ia_valid)
{
	if ((ia_valid & (ATTR_MODE | ATTR_UID | ATTR_GID | ATTR_TIMES_SET)) &&
	    (IS_IMMUTABLE(ip) || IS_APPEND(ip)))
		return -EPERM;
	/* "set the times to now" is allowed to anyone who may write */
	if (ia_valid & ATTR_TOUCH) {
		if (IS_IMMUTABLE(ip))
			return -EPERM;
		if (!inode_owner_or_capable(idmap, ip))
			return inode_permission(idmap, ip, MAY_WRITE);
	}
	return 0;
}

/* --- applying ----------------------------------------------------------- */

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

		if (!sgid_allowed(idmap, ip, ip->i_gid))
			mode &= ~S_ISGID;
		ip->i_mode = mode;
	}
}

/* ->setattr of a filesystem that keeps nothing beyond the inode */
int simple_setattr(struct mnt_idmap *idmap, struct dentry *dentry,
		   struct iattr *iattr)
{
	struct inode *ip = d_inode(dentry);
	int err = setattr_prepare(idmap, dentry, iattr);

	if (err)
		return err;
	if (iattr->ia_valid & ATTR_SIZE)
		truncate_setsize(ip, iattr->ia_size);
	setattr_copy(idmap, ip, iattr);
	mark_inode_dirty(ip);
	return 0;
}

int notify_change(struct mnt_idmap *idmap, struct dentry *dentry,
		  struct iattr *attr, struct inode **delegated_inode)
{
	struct inode *ip = d_inode(dentry);
	umode_t old_mode = ip->i_mode;
	struct timespec64 now;
	unsigned int valid;
	int err;

	WARN_ON_ONCE(!inode_is_locked(ip));
	err = may_setattr(idmap, ip, attr->ia_valid);
	if (err)
		return err;
	if (attr->ia_valid & ATTR_MODE) {
		/* symlink modes mean nothing and cannot change */
		if (S_ISLNK(ip->i_mode))
			return -EOPNOTSUPP;
		if (is_sxid(attr->ia_mode))
			ip->i_flags &= ~S_NOSEC;
	}

	now = current_time(ip);
	attr->ia_ctime = now;
	attr->ia_atime = (attr->ia_valid & ATTR_ATIME_SET) ?
			 timestamp_truncate(attr->ia_atime, ip) : now;
	attr->ia_mtime = (attr->ia_valid & ATTR_MTIME_SET) ?
			 timestamp_truncate(attr->ia_mtime, ip) : now;
	/* file capabilities: setattr_prepare() drops them, if there are any */
	if (attr->ia_valid & ATTR_KILL_PRIV) {
		err = security_inode_need_killpriv(dentry);
		if (err < 0)
			return err;
		if (!err)
			attr->ia_valid &= ~ATTR_KILL_PRIV;
	}

	if (WARN_ON((attr->ia_valid & (ATTR_KILL_SUID | ATTR_KILL_SGID)) &&
		    (attr->ia_valid & ATTR_MODE)))
		return -EINVAL;
	if ((attr->ia_valid & ATTR_KILL_SUID) && (old_mode & S_ISUID)) {
		attr->ia_valid |= ATTR_MODE;
		attr->ia_mode = old_mode & ~S_ISUID;
	}
	if ((attr->ia_valid & ATTR_KILL_SGID) && (old_mode & S_ISGID)) {
		if (!(attr->ia_valid & ATTR_MODE)) {
			attr->ia_valid |= ATTR_MODE;
			attr->ia_mode = old_mode;
		}
		attr->ia_mode &= ~S_ISGID;
	}
	valid = attr->ia_valid;
	if (!(valid & ~(ATTR_KILL_SUID | ATTR_KILL_SGID)))
		return 0;	/* only kill requests, and nothing to kill */

	/* ids the filesystem could not store, or has never seen */
	if ((valid & ATTR_UID) && !uid_valid(attr->ia_uid))
		return -EOVERFLOW;
	if ((valid & ATTR_GID) && !gid_valid(attr->ia_gid))
		return -EOVERFLOW;
	if (!(valid & ATTR_UID) && !uid_valid(ip->i_uid))
		return -EOVERFLOW;
	if (!(valid & ATTR_GID) && !gid_valid(ip->i_gid))
		return -EOVERFLOW;

	if (ip->i_op->setattr)
		return ip->i_op->setattr(idmap, dentry, attr);
	return simple_setattr(idmap, dentry, attr);
}
