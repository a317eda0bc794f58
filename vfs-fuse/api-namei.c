// SPDX-License-Identifier: GPL-2.0-only
/*
 * The in-process API's namespace and attribute calls (mknod, mkdir,
 * create, symlink, link, unlink, rmdir, rename, setattr, setxattr,
 * removexattr) over the VFS's vfs_*() operations, each doing what the
 * corresponding system call does between path lookup and the VFS:
 *
 *  - names are single components: empty -ENOENT, longer than NAME_MAX
 *    -ENAMETOOLONG, containing '/' -EINVAL; "." and ".." get the errors
 *    the system calls give for them (-EEXIST to create, -EISDIR to
 *    unlink, -EINVAL/-ENOTEMPTY to rmdir, -EBUSY to rename);
 *  - write access to the mount (mnt_want_write: -EROFS, freeze
 *    protection) is held across each change;
 *  - the parent's i_rwsem is taken exclusive (I_MUTEX_PARENT) and the
 *    child looked up under it (filename_create, do_unlinkat, do_rmdir);
 *    renames lock both parents with lock_rename() and refuse to move a
 *    directory below itself (-EINVAL) or to replace an ancestor of the
 *    source (-ENOTEMPTY); -EXDEV across super blocks; an existing name
 *    with RENAME_NOREPLACE is -EEXIST, a missing one with
 *    RENAME_EXCHANGE -ENOENT;
 *  - an unlinked inode is released after the parent's lock is dropped,
 *    so its eviction (truncation) never runs under the directory lock;
 *  - kshim_create is open(2) with O_CREAT: O_EXCL makes an existing name
 *    -EEXIST, an existing file is opened as kshim_open() does (O_TRUNC
 *    included), a file created here is opened without permission checks
 *    (its mode does not apply to its creator's open, as FMODE_CREATED);
 *  - kshim_setattr is chmod/chown/truncate/utimensat: explicit times need
 *    ownership (ATTR_*_SET, ATTR_TIMES_SET), "now" for both times only
 *    write permission (ATTR_TOUCH); a size change needs write permission
 *    (or a file open for writing) and clears set-id bits as truncate(2)
 *    does; chown of a non-directory clears them as chown(2) does; all
 *    through notify_change() under the inode lock;
 *  - system.posix_acl_* xattrs are ACLs (vfs_set_acl/vfs_remove_acl).
 */
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/xattr.h>
#include <linux/cred.h>
#include <linux/string.h>
#include <linux/kdev_t.h>
#include "kshim-vfs-internal.h"
#include "api-internal.h"

/* what a name that is "." or ".." means for a call */
enum dot_name { NAME_PLAIN, NAME_DOT, NAME_DOTDOT };

/* check a single path component; its length in *@lenp */
static int check_name(const char *name, unsigned int *lenp,
		      enum dot_name *dotp)
{
	size_t len = strlen(name);

	if (!len)
		return -ENOENT;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (memchr(name, '/', len))
		return -EINVAL;
	*lenp = len;
	*dotp = NAME_PLAIN;
	if (name[0] == '.' && len == 1)
		*dotp = NAME_DOT;
	else if (name[0] == '.' && name[1] == '.' && len == 2)
		*dotp = NAME_DOTDOT;
	return 0;
}

/* mnt_want_write() on the mount of @dentry's super block */
static int want_write(struct dentry *dentry, struct vfsmount **mntp)
{
	struct vfsmount *mnt = kshim_api_mnt_of(dentry->d_sb);

	*mntp = mnt;
	if (!mnt)
		return sb_rdonly(dentry->d_sb) ? -EROFS : 0;
	return mnt_want_write(mnt);
}

static void drop_write(struct vfsmount *mnt, int want_err)
{
	if (mnt && !want_err)
		mnt_drop_write(mnt);
}

/* @parent must be a directory and @name one component (check_name) */
static int check_parent_and_name(struct dentry *parent, const char *name,
				 unsigned int *lenp, enum dot_name *dotp)
{
	struct inode *dir = d_inode(parent);

	if (!dir || !S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	return check_name(name, lenp, dotp);
}

/*
 * Lock @parent's directory exclusive (I_MUTEX_PARENT) and look @name up
 * under it.  On success the directory stays locked and the (possibly
 * negative) child comes back referenced; on error the lock is dropped.
 */
static struct dentry *lock_parent_and_lookup(struct dentry *parent,
					     const char *name, unsigned int len)
{
	struct inode *dir = d_inode(parent);
	struct dentry *child;

	inode_lock_nested(dir, I_MUTEX_PARENT);
	child = kshim_lookup_one_excl(parent, name, len);
	if (IS_ERR(child))
		inode_unlock(dir);
	return child;
}

/*
 * The start of a creation (filename_create): check @name ("." and ".."
 * are @dot_err), take write access to the mount, lock the parent and look
 * the name up.  The write access error is kept in *@werrp, not returned:
 * an existing name is -EEXIST even on a read-only mount.  On success the
 * parent stays locked with the (possibly positive) child returned; the
 * caller unlocks, puts it and calls drop_write(*@mntp, *@werrp).
 */
static struct dentry *start_creating(struct dentry *parent, const char *name,
				     int dot_err, struct vfsmount **mntp,
				     int *werrp)
{
	struct dentry *child;
	enum dot_name dot;
	unsigned int len;
	int err;

	err = check_parent_and_name(parent, name, &len, &dot);
	if (err)
		return ERR_PTR(err);
	if (dot != NAME_PLAIN)
		return ERR_PTR(dot_err);
	*werrp = want_write(parent, mntp);
	child = lock_parent_and_lookup(parent, name, len);
	if (IS_ERR(child))
		drop_write(*mntp, *werrp);
	return child;
}

/*
 * Hand out a reference on @dentry in *@nodep (if wanted).  A filesystem
 * that left the new dentry negative (allowed: the next lookup finds the
 * inode) gets a fresh lookup.
 */
static int hand_out(struct dentry *parent, struct dentry *dentry,
		    const char *name, struct kshim_node **nodep)
{
	struct dentry *found;

	if (!nodep)
		return 0;
	if (d_really_is_positive(dentry) && !d_unhashed(dentry)) {
		*nodep = N(dget(dentry));
		return 0;
	}
	found = kshim_lookup_one(parent, name, strlen(name));
	if (IS_ERR(found))
		return PTR_ERR(found);
	if (d_is_negative(found)) {
		dput(found);
		return -ENOENT;
	}
	*nodep = N(found);
	return 0;
}

/*
 * The common frame of mknod/mkdir/symlink/link: lock the parent, look the
 * name up, run @make on the negative dentry, unlock, hand the result
 * out.  As filename_create(), an existing name is -EEXIST even on a
 * read-only mount.
 */
struct make_args {
	umode_t mode;
	dev_t rdev;
	const char *target;
	struct dentry *old;	/* link: the existing name */
	bool excl;
};

typedef int (*make_fn)(struct inode *dir, struct dentry *child,
		       struct make_args *args);

static int make_entry(struct dentry *parent, const char *name, make_fn make,
		      struct make_args *args, struct kshim_node **nodep)
{
	struct inode *dir = d_inode(parent);
	struct vfsmount *mnt;
	struct dentry *child;
	int err, werr;

	child = start_creating(parent, name, -EEXIST, &mnt, &werr);
	if (IS_ERR(child))
		return PTR_ERR(child);
	if (d_really_is_positive(child))
		err = -EEXIST;
	else if (werr)
		err = werr;
	else
		err = make(dir, child, args);
	inode_unlock(dir);
	if (!err)
		err = hand_out(parent, child, name, nodep);
	dput(child);
	drop_write(mnt, werr);
	return err;
}

static int make_node(struct inode *dir, struct dentry *child,
		     struct make_args *args)
{
	if (S_ISREG(args->mode))
		return vfs_create(&nop_mnt_idmap, dir, child, args->mode,
				  args->excl);
	return vfs_mknod(&nop_mnt_idmap, dir, child, args->mode, args->rdev);
}

static int make_dir(struct inode *dir, struct dentry *child,
		    struct make_args *args)
{
	return vfs_mkdir(&nop_mnt_idmap, dir, child, args->mode);
}

static int make_symlink(struct inode *dir, struct dentry *child,
			struct make_args *args)
{
	return vfs_symlink(&nop_mnt_idmap, dir, child, args->target);
}

/* linkat(2): the new name is free, then the source's protection */
static int make_link(struct inode *dir, struct dentry *child,
		     struct make_args *args)
{
	struct path old = path_of(args->old);
	int err = may_linkat(&nop_mnt_idmap, &old);

	if (err)
		return err;
	return vfs_link(args->old, &nop_mnt_idmap, dir, child, NULL);
}

int kshim_mknod(struct kshim_node *dir, const char *name, unsigned int mode,
		unsigned int rdev_major, unsigned int rdev_minor,
		struct kshim_node **nodep)
{
	struct make_args args = { .mode = mode };

	/* may_mknod(): which types mknod(2) makes */
	switch (mode & S_IFMT) {
	case 0:
		args.mode |= S_IFREG;
		break;
	case S_IFREG:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFCHR:
	case S_IFBLK:
		if (rdev_major > MAJOR(~0U) || rdev_minor > MINOR(~0U))
			return -EINVAL;
		args.rdev = MKDEV(rdev_major, rdev_minor);
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	return make_entry(D(dir), name, make_node, &args, nodep);
}

int kshim_mkdir(struct kshim_node *dir, const char *name, unsigned int mode,
		struct kshim_node **nodep)
{
	struct make_args args = { .mode = mode & (S_IRWXUGO | S_ISVTX) };

	return make_entry(D(dir), name, make_dir, &args, nodep);
}

int kshim_symlink(struct kshim_node *dir, const char *name,
		  const char *target, struct kshim_node **nodep)
{
	struct make_args args = { .target = target };
	size_t len = strlen(target);

	/* what getname() accepts as a path */
	if (!len)
		return -ENOENT;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	return make_entry(D(dir), name, make_symlink, &args, nodep);
}

int kshim_link(struct kshim_node *node, struct kshim_node *newdir,
	       const char *newname, struct kshim_node **nodep)
{
	struct make_args args = { .old = D(node) };

	if (d_is_negative(D(node)))
		return -ENOENT;
	if (D(node)->d_sb != D(newdir)->d_sb)
		return -EXDEV;
	return make_entry(D(newdir), newname, make_link, &args, nodep);
}

int kshim_create(struct kshim_node *dir, const char *name, unsigned int mode,
		 int flags, struct kshim_node **nodep,
		 struct kshim_file **filep)
{
	struct dentry *parent = D(dir), *child;
	struct inode *pdir = d_inode(parent);
	struct vfsmount *mnt;
	bool created = false;
	int err = 0, werr;

	child = start_creating(parent, name, -EISDIR, &mnt, &werr);
	if (IS_ERR(child))
		return PTR_ERR(child);
	if (d_really_is_positive(child)) {
		if (flags & O_EXCL)
			err = -EEXIST;
		else if (d_is_dir(child))
			err = -EISDIR;
	} else if (werr) {
		err = werr;
	} else {
		err = vfs_create(&nop_mnt_idmap, pdir, child,
				 (mode & S_IALLUGO) | S_IFREG, flags & O_EXCL);
		created = !err;
	}
	inode_unlock(pdir);
	drop_write(mnt, werr);
	if (err)
		goto out;

	if (created && !d_really_is_positive(child)) {
		/* the filesystem left it negative: look it up for real */
		dput(child);
		child = kshim_lookup_one(parent, name, strlen(name));
		if (IS_ERR(child)) {
			err = PTR_ERR(child);
			child = NULL;
			goto out;
		}
	}
	if (filep) {
		if (created) {
			struct path path = path_of(child);
			struct file *file;
			int oflags = (flags & ~(O_CREAT | O_EXCL | O_TRUNC |
						O_NOCTTY | O_DIRECT)) |
				     O_LARGEFILE;

			file = kshim_dentry_open(&path, oflags, current_cred());
			if (IS_ERR(file))
				err = PTR_ERR(file);
			else
				*filep = (struct kshim_file *)file;
		} else {
			err = kshim_open(N(child), flags & ~(O_CREAT | O_EXCL),
					 filep);
		}
		if (err)
			goto out;
	}
	if (nodep)
		*nodep = N(dget(child));
out:
	dput(child);
	return err;
}

/* --- removal ------------------------------------------------------------ */

static int remove_entry(struct dentry *parent, const char *name, bool is_dir)
{
	struct inode *dir = d_inode(parent), *victim = NULL;
	struct vfsmount *mnt;
	struct dentry *child;
	enum dot_name dot;
	unsigned int len;
	int err;

	err = check_parent_and_name(parent, name, &len, &dot);
	if (err)
		return err;
	if (dot != NAME_PLAIN) {
		if (!is_dir)
			return -EISDIR;
		return dot == NAME_DOT ? -EINVAL : -ENOTEMPTY;
	}
	err = want_write(parent, &mnt);
	if (err)
		return err;
	child = lock_parent_and_lookup(parent, name, len);
	if (IS_ERR(child)) {
		err = PTR_ERR(child);
		goto out;
	}
	if (is_dir) {
		err = vfs_rmdir(&nop_mnt_idmap, dir, child);
	} else {
		/* keep the inode until the directory is unlocked */
		victim = d_inode(child);
		if (victim)
			ihold(victim);
		err = vfs_unlink(&nop_mnt_idmap, dir, child, NULL);
	}
	inode_unlock(dir);
	dput(child);
	if (victim)
		iput(victim);
out:
	drop_write(mnt, 0);
	return err;
}

int kshim_unlink(struct kshim_node *dir, const char *name)
{
	return remove_entry(D(dir), name, false);
}

int kshim_rmdir(struct kshim_node *dir, const char *name)
{
	return remove_entry(D(dir), name, true);
}

/* --- rename ------------------------------------------------------------- */

int kshim_rename(struct kshim_node *olddir, const char *oldname,
		 struct kshim_node *newdir, const char *newname,
		 unsigned int flags)
{
	struct dentry *old_parent = D(olddir), *new_parent = D(newdir);
	struct dentry *old_dentry = NULL, *new_dentry = NULL, *trap;
	struct inode *victim = NULL;
	struct renamedata rd = {};
	struct vfsmount *mnt;
	enum dot_name old_dot, new_dot;
	unsigned int old_len, new_len;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	if (!d_is_dir(old_parent) || !d_is_dir(new_parent))
		return -ENOTDIR;
	err = check_name(oldname, &old_len, &old_dot);
	if (!err)
		err = check_name(newname, &new_len, &new_dot);
	if (err)
		return err;
	if (old_dot != NAME_PLAIN || new_dot != NAME_PLAIN)
		return -EBUSY;
	if (old_parent->d_sb != new_parent->d_sb)
		return -EXDEV;
	err = want_write(old_parent, &mnt);
	if (err)
		return err;

	trap = lock_rename(new_parent, old_parent);
	old_dentry = kshim_lookup_one_excl(old_parent, oldname, old_len);
	if (IS_ERR(old_dentry)) {
		err = PTR_ERR(old_dentry);
		old_dentry = NULL;
		goto unlock;
	}
	err = -ENOENT;
	if (d_is_negative(old_dentry))
		goto unlock;
	new_dentry = kshim_lookup_one_excl(new_parent, newname, new_len);
	if (IS_ERR(new_dentry)) {
		err = PTR_ERR(new_dentry);
		new_dentry = NULL;
		goto unlock;
	}
	err = -EEXIST;
	if ((flags & RENAME_NOREPLACE) && d_is_positive(new_dentry))
		goto unlock;
	err = -ENOENT;
	if ((flags & RENAME_EXCHANGE) && d_is_negative(new_dentry))
		goto unlock;
	/* the source must not become its own descendant */
	err = -EINVAL;
	if (old_dentry == trap)
		goto unlock;
	/* nor may an ancestor of the source be replaced */
	if (!(flags & RENAME_EXCHANGE))
		err = -ENOTEMPTY;
	if (new_dentry == trap)
		goto unlock;

	/* a replaced inode is released after the parents are unlocked */
	victim = d_inode(new_dentry);
	if (victim && !(flags & RENAME_EXCHANGE))
		ihold(victim);
	else
		victim = NULL;
	rd.old_mnt_idmap = &nop_mnt_idmap;
	rd.old_dir = d_inode(old_parent);
	rd.old_dentry = old_dentry;
	rd.new_mnt_idmap = &nop_mnt_idmap;
	rd.new_dir = d_inode(new_parent);
	rd.new_dentry = new_dentry;
	rd.flags = flags;
	err = vfs_rename(&rd);
unlock:
	unlock_rename(new_parent, old_parent);
	dput(new_dentry);
	dput(old_dentry);
	if (victim)
		iput(victim);
	drop_write(mnt, 0);
	return err;
}

/* --- attributes --------------------------------------------------------- */

static bool bad_nsec(unsigned int nsec)
{
	return nsec >= NSEC_PER_SEC;
}

/* the size part of a setattr: do_truncate()/vfs_truncate() checks */
static int may_truncate(struct inode *inode, struct file *file)
{
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (file) {
		if (!(file->f_mode & FMODE_WRITE))
			return -EINVAL;
	} else {
		int err = inode_permission(&nop_mnt_idmap, inode, MAY_WRITE);

		if (err)
			return err;
	}
	if (IS_APPEND(inode))
		return -EPERM;
	return 0;
}

int kshim_setattr(struct kshim_node *node, struct kshim_file *file,
		  const struct kshim_setattr *attr)
{
	struct dentry *dentry = D(node);
	struct inode *inode = d_inode(dentry);
	unsigned int valid = attr->valid;
	struct iattr ia = {};
	struct vfsmount *mnt;
	int err;

	if (!inode)
		return -ENOENT;
	if (((valid & KSHIM_SET_ATIME) && bad_nsec(attr->atime_nsec)) ||
	    ((valid & KSHIM_SET_MTIME) && bad_nsec(attr->mtime_nsec)))
		return -EINVAL;
	if ((valid & KSHIM_SET_UID) && attr->uid == (unsigned int)-1)
		valid &= ~KSHIM_SET_UID;	/* chown(2)'s "no change" */
	if ((valid & KSHIM_SET_GID) && attr->gid == (unsigned int)-1)
		valid &= ~KSHIM_SET_GID;
	if (!valid)
		return 0;

	if (valid & KSHIM_SET_MODE) {
		ia.ia_valid |= ATTR_MODE | ATTR_CTIME;
		ia.ia_mode = (attr->mode & S_IALLUGO) |
			     (inode->i_mode & ~S_IALLUGO);
	}
	if (valid & KSHIM_SET_UID) {
		ia.ia_valid |= ATTR_UID | ATTR_CTIME;
		ia.ia_uid = make_kuid(&init_user_ns, attr->uid);
	}
	if (valid & KSHIM_SET_GID) {
		ia.ia_valid |= ATTR_GID | ATTR_CTIME;
		ia.ia_gid = make_kgid(&init_user_ns, attr->gid);
	}
	if (valid & (KSHIM_SET_ATIME | KSHIM_SET_ATIME_NOW))
		ia.ia_valid |= ATTR_ATIME | ATTR_CTIME;
	if (valid & (KSHIM_SET_MTIME | KSHIM_SET_MTIME_NOW))
		ia.ia_valid |= ATTR_MTIME | ATTR_CTIME;
	if (valid & KSHIM_SET_ATIME) {
		ia.ia_valid |= ATTR_ATIME_SET;
		ia.ia_atime.tv_sec = attr->atime_sec;
		ia.ia_atime.tv_nsec = attr->atime_nsec;
	}
	if (valid & KSHIM_SET_MTIME) {
		ia.ia_valid |= ATTR_MTIME_SET;
		ia.ia_mtime.tv_sec = attr->mtime_sec;
		ia.ia_mtime.tv_nsec = attr->mtime_nsec;
	}
	if (valid & (KSHIM_SET_ATIME | KSHIM_SET_MTIME | KSHIM_SET_ATIME_NOW |
		     KSHIM_SET_MTIME_NOW)) {
		/* utimensat(): both "now" is a touch, anything else explicit */
		if ((valid & (KSHIM_SET_ATIME_NOW | KSHIM_SET_MTIME_NOW)) ==
		    (KSHIM_SET_ATIME_NOW | KSHIM_SET_MTIME_NOW) &&
		    !(valid & (KSHIM_SET_ATIME | KSHIM_SET_MTIME)))
			ia.ia_valid |= ATTR_TOUCH;
		else
			ia.ia_valid |= ATTR_TIMES_SET;
	}
	/* the kernel never stores a caller's ctime: it becomes "now" */
	if (valid & KSHIM_SET_CTIME)
		ia.ia_valid |= ATTR_CTIME;
	if (file) {
		ia.ia_valid |= ATTR_FILE;
		ia.ia_file = F(file);
	}

	err = want_write(dentry, &mnt);
	if (err)
		return err;
	if (valid & KSHIM_SET_SIZE) {
		err = may_truncate(inode, file ? F(file) : NULL);
		if (err)
			goto out;
		ia.ia_valid |= ATTR_SIZE;
		ia.ia_size = attr->size;
		if ((long long)attr->size < 0) {
			err = -EINVAL;
			goto out;
		}
		/* ftruncate(2) updates the times, truncate(2) leaves it to ->setattr */
		if (file)
			ia.ia_valid |= ATTR_MTIME | ATTR_CTIME;
	}

	inode_lock(inode);
	/* set-id bits go on truncation and on chown, unless a mode is given */
	if (!(ia.ia_valid & ATTR_MODE)) {
		int kill = 0;

		if (ia.ia_valid & ATTR_SIZE) {
			kill = dentry_needs_remove_privs(&nop_mnt_idmap, dentry);
			if (kill < 0) {
				err = kill;
				inode_unlock(inode);
				goto out;
			}
			if (kill)
				ia.ia_valid |= ATTR_FORCE;
		}
		/* chown_common: set-id bits and file capabilities */
		if ((ia.ia_valid & (ATTR_UID | ATTR_GID)) &&
		    !S_ISDIR(inode->i_mode))
			kill |= ATTR_KILL_SUID | ATTR_KILL_PRIV |
				setattr_should_drop_sgid(&nop_mnt_idmap, inode);
		if (kill > 0)
			ia.ia_valid |= kill;
	}
	err = notify_change(&nop_mnt_idmap, dentry, &ia, NULL);
	inode_unlock(inode);
out:
	drop_write(mnt, 0);
	return err;
}

/* --- extended attributes ------------------------------------------------ */

static int check_xattr_args(const char *name, unsigned long size)
{
	size_t len = strlen(name);

	if (!len || len > XATTR_NAME_MAX)
		return -ERANGE;
	if (size > XATTR_SIZE_MAX)
		return -E2BIG;
	return 0;
}

int kshim_setxattr(struct kshim_node *node, const char *name,
		   const void *value, unsigned long size, int flags)
{
	struct vfsmount *mnt;
	int err;

	if (flags & ~(XATTR_CREATE | XATTR_REPLACE))
		return -EINVAL;
	err = check_xattr_args(name, size);
	if (err)
		return err;
	if (d_is_negative(D(node)))
		return -ENOENT;
	err = want_write(D(node), &mnt);
	if (err)
		return err;
	err = vfs_setxattr(&nop_mnt_idmap, D(node), name, size ? value : NULL,
			   size, flags);
	drop_write(mnt, 0);
	return err;
}

int kshim_removexattr(struct kshim_node *node, const char *name)
{
	struct vfsmount *mnt;
	int err = check_xattr_args(name, 0);

	if (err)
		return err;
	if (d_is_negative(D(node)))
		return -ENOENT;
	err = want_write(D(node), &mnt);
	if (err)
		return err;
	err = vfs_removexattr(&nop_mnt_idmap, D(node), name);
	drop_write(mnt, 0);
	return err;
}
