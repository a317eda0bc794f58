// SPDX-License-Identifier: GPL-2.0-only
/*
 * Name lookup and permission checks (fs/namei.c), for one component at a
 * time: the in-process API resolves paths itself.
 *
 * Kernel guarantees kept:
 *  - a lookup needs search (MAY_EXEC) permission on the directory;
 *    "." and ".." never reach the filesystem;
 *  - a cached child is returned without calling the filesystem (after
 *    ->d_revalidate, if the filesystem has one); otherwise ->lookup runs
 *    with the directory's i_rwsem held shared, once per name at a time,
 *    and its result (NULL: the dentry passed in, or an alias, or an
 *    error) is what the caller gets, as in lookup_slow();
 *  - generic_permission(): owner, then ACL (->get_inode_acl through the
 *    ACL cache) or group, then other bits, then CAP_DAC_OVERRIDE /
 *    CAP_DAC_READ_SEARCH; inode_permission() refuses writes to read-only
 *    or immutable inodes first;
 *  - vfs_readlink() copies at most @buflen bytes of the target (no NUL)
 *    and returns the count; page_get_link() reads the target from page 0
 *    of the inode's page cache and keeps the folio until the delayed call.
 */
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/pagemap.h>
#include <linux/posix_acl.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/stringhash.h>
#include <linux/delayed_call.h>
#include <linux/mount.h>
#include <linux/sched/mm.h>

#include <kshim/host.h>

#include "kshim-vfs-internal.h"

/* --- permissions -------------------------------------------------------- */

static int check_acl(struct mnt_idmap *idmap, struct inode *inode, int mask)
{
	struct posix_acl *acl = get_inode_acl(inode, ACL_TYPE_ACCESS);
	int error;

	if (IS_ERR(acl))
		return PTR_ERR(acl);
	if (!acl)
		return -EAGAIN;
	error = posix_acl_permission(idmap, inode, acl, mask);
	posix_acl_release(acl);
	return error;
}

static int acl_permission_check(struct mnt_idmap *idmap, struct inode *inode,
				int mask)
{
	unsigned int mode = inode->i_mode;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (uid_eq(current_fsuid(), inode->i_uid))
		return (mask & ~(mode >> 6)) ? -EACCES : 0;
	if (IS_POSIXACL(inode) && (mode & S_IRWXG)) {
		int error = check_acl(idmap, inode, mask);

		if (error != -EAGAIN)
			return error;
	}
	/* group bits only matter if they grant something other does not */
	if ((mask & (mode ^ (mode >> 3))) && in_group_p(inode->i_gid))
		mode >>= 3;
	return (mask & ~mode) ? -EACCES : 0;
}

int generic_permission(struct mnt_idmap *idmap, struct inode *inode, int mask)
{
	int ret = acl_permission_check(idmap, inode, mask);

	if (ret != -EACCES)
		return ret;
	if (S_ISDIR(inode->i_mode)) {
		if (!(mask & MAY_WRITE) &&
		    capable_wrt_inode_uidgid(idmap, inode,
					     CAP_DAC_READ_SEARCH))
			return 0;
		if (capable_wrt_inode_uidgid(idmap, inode, CAP_DAC_OVERRIDE))
			return 0;
		return -EACCES;
	}
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (mask == MAY_READ &&
	    capable_wrt_inode_uidgid(idmap, inode, CAP_DAC_READ_SEARCH))
		return 0;
	/* exec needs at least one x bit even for the overriding caller */
	if ((!(mask & MAY_EXEC) || (inode->i_mode & S_IXUGO)) &&
	    capable_wrt_inode_uidgid(idmap, inode, CAP_DAC_OVERRIDE))
		return 0;
	return -EACCES;
}

int inode_permission(struct mnt_idmap *idmap, struct inode *inode, int mask)
{
	if (unlikely(mask & MAY_WRITE)) {
		umode_t mode = inode->i_mode;

		if (IS_RDONLY(inode) &&
		    (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)))
			return -EROFS;
		if (IS_IMMUTABLE(inode))
			return -EPERM;
		if (HAS_UNMAPPED_ID(idmap, inode))
			return -EACCES;
	}
	if (inode->i_op->permission)
		return inode->i_op->permission(idmap, inode, mask);
	return generic_permission(idmap, inode, mask);
}

/* --- lookup ------------------------------------------------------------- */

static struct dentry *lookup_cached(struct dentry *parent, struct qstr *name)
{
	struct dentry *dentry = d_lookup(parent, name);
	int valid;

	if (!dentry || !(dentry->d_flags & DCACHE_OP_REVALIDATE))
		return dentry;
	valid = dentry->d_op->d_revalidate(dentry, 0);
	if (valid > 0)
		return dentry;
	if (!valid)
		d_invalidate(dentry);
	dput(dentry);
	return valid < 0 ? ERR_PTR(valid) : NULL;
}

/*
 * Fill @q with @name hashed for @parent (the filesystem's ->d_hash when it
 * has one) and look for it in the dcache: the cached dentry, NULL when
 * the name is not cached (@q is then ready for a real lookup), or an
 * ERR_PTR.
 */
static struct dentry *hash_and_lookup_cached(struct dentry *parent,
					     const char *name, unsigned int len,
					     struct qstr *q)
{
	int err;

	q->name = (const unsigned char *)name;
	q->hash_len = hashlen_create(full_name_hash(parent, name, len), len);
	if (parent->d_flags & DCACHE_OP_HASH) {
		err = parent->d_op->d_hash(parent, q);
		if (err < 0)
			return ERR_PTR(err);
	}
	return lookup_cached(parent, q);
}

struct dentry *kshim_lookup_one(struct dentry *parent, const char *name,
				unsigned int len)
{
	struct inode *dir = d_inode(parent);
	struct dentry *dentry, *old;
	struct qstr this;
	unsigned int i;
	bool is_new;
	int err;

	if (!dir || !S_ISDIR(dir->i_mode))
		return ERR_PTR(-ENOTDIR);
	if (!len)
		return ERR_PTR(-ENOENT);
	if (len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	for (i = 0; i < len; i++)
		if (name[i] == '/' || name[i] == '\0')
			return ERR_PTR(-EACCES);
	err = inode_permission(&nop_mnt_idmap, dir, MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	if (is_dot_dotdot(name, len))
		return len == 1 ? dget(parent) : dget_parent(parent);

	dentry = hash_and_lookup_cached(parent, name, len, &this);
	if (dentry)
		return dentry;
	if (unlikely(!dir->i_op->lookup))
		return ERR_PTR(-ENOTDIR);

	inode_lock_shared(dir);
	dentry = kshim_d_alloc_parallel(parent, &this, &is_new);
	if (IS_ERR(dentry) || !is_new) {
		inode_unlock_shared(dir);
		return dentry;
	}
	if (unlikely(IS_DEADDIR(dir)))
		old = ERR_PTR(-ENOENT);
	else
		old = dir->i_op->lookup(dir, dentry, 0);
	kshim_d_lookup_done(dentry);
	if (unlikely(old)) {
		dput(dentry);
		dentry = old;
	}
	inode_unlock_shared(dir);
	return dentry;
}

/* --- paths -------------------------------------------------------------- */

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}

/* --- symlinks ----------------------------------------------------------- */

void page_put_link(void *arg)
{
	folio_put(arg);
}

const char *page_get_link(struct dentry *dentry, struct inode *inode,
			  struct delayed_call *callback)
{
	struct folio *folio;
	char *kaddr;

	if (!dentry)
		return ERR_PTR(-ECHILD);
	folio = read_mapping_folio(inode->i_mapping, 0, NULL);
	if (IS_ERR(folio))
		return ERR_CAST(folio);
	set_delayed_call(callback, page_put_link, folio);
	kaddr = folio_address(folio);
	nd_terminate_link(kaddr, inode->i_size, PAGE_SIZE - 1);
	return kaddr;
}

const struct inode_operations page_symlink_inode_operations = {
	.get_link = page_get_link,
};

/*
 * Store a symlink body (@len counts the terminating NUL, which is not
 * stored) in page 0 of the inode's page cache through the filesystem's
 * write_begin/write_end, as a one-shot buffered write at offset 0.
 */
int page_symlink(struct inode *inode, const char *symname, int len)
{
	struct address_space *mapping = inode->i_mapping;
	const struct address_space_operations *aops = mapping->a_ops;
	bool no_fs_reclaim = !mapping_gfp_constraint(mapping, __GFP_FS);
	unsigned int body = len - 1, saved = 0;
	struct folio *folio;
	void *fsdata = NULL;
	int ret;

	for (;;) {
		if (no_fs_reclaim)
			saved = memalloc_nofs_save();
		ret = aops->write_begin(NULL, mapping, 0, body, &folio, &fsdata);
		if (no_fs_reclaim)
			memalloc_nofs_restore(saved);
		if (ret)
			return ret;
		memcpy(folio_address(folio), symname, body);
		ret = aops->write_end(NULL, mapping, 0, body, body, folio,
				      fsdata);
		if (ret < 0)
			return ret;
		if ((unsigned int)ret >= body)
			break;
		/* a short copy: the folio went away under us, start over */
	}
	mark_inode_dirty(inode);
	return 0;
}

int vfs_readlink(struct dentry *dentry, char __user *buffer, int buflen)
{
	struct inode *inode = d_inode(dentry);
	DEFINE_DELAYED_CALL(done);
	const char *link;
	int len;

	if (unlikely(!(inode->i_opflags & IOP_DEFAULT_READLINK))) {
		if (unlikely(inode->i_op->readlink))
			return inode->i_op->readlink(dentry, buffer, buflen);
		if (!d_is_symlink(dentry))
			return -EINVAL;
		spin_lock(&inode->i_lock);
		inode->i_opflags |= IOP_DEFAULT_READLINK;
		spin_unlock(&inode->i_lock);
	}
	link = READ_ONCE(inode->i_link);
	if (!link) {
		link = inode->i_op->get_link(dentry, inode, &done);
		if (IS_ERR(link))
			return PTR_ERR(link);
	}
	len = strlen(link);
	if (len > buflen)
		len = buflen;
	memcpy((char __force *)buffer, link, len);
	do_delayed_call(&done);
	return len;
}

/* --- lookups for a change ----------------------------------------------- */

/*
 * The child @name of @parent for an operation that changes the directory
 * (lookup_one_qstr_excl): the caller holds the directory's i_rwsem
 * exclusive, so no other lookup of this directory is in flight and
 * ->lookup runs directly on a fresh dentry.  Needs search permission on
 * the directory.  Returns a referenced dentry, negative if the name does
 * not exist, or an ERR_PTR.
 */
struct dentry *kshim_lookup_one_excl(struct dentry *parent, const char *name,
				     unsigned int len)
{
	struct inode *dir = d_inode(parent);
	struct dentry *child, *other;
	struct qstr this;
	int err;

	WARN_ON_ONCE(!inode_is_locked(dir));
	err = inode_permission(&nop_mnt_idmap, dir, MAY_EXEC);
	if (err)
		return ERR_PTR(err);
	child = hash_and_lookup_cached(parent, name, len, &this);
	if (child)
		return child;
	if (unlikely(IS_DEADDIR(dir)))
		return ERR_PTR(-ENOENT);
	child = d_alloc(parent, &this);
	if (!child)
		return ERR_PTR(-ENOMEM);
	other = dir->i_op->lookup(dir, child, 0);
	if (unlikely(other)) {
		dput(child);
		child = other;
	}
	return child;
}

/* --- who may change a directory ----------------------------------------- */

/*
 * Sticky directories (S_ISVTX): only the owner of the entry, the owner of
 * the directory or a CAP_FOWNER holder may remove or rename an entry.
 * True when the caller is refused.
 */
int check_sticky(struct mnt_idmap *idmap, struct inode *dir,
		 struct inode *inode)
{
	kuid_t me = current_fsuid();

	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (uid_eq(inode->i_uid, me) || uid_eq(dir->i_uid, me))
		return false;
	return !capable_wrt_inode_uidgid(idmap, inode, CAP_FOWNER);
}

/* may_create(): may a new entry @child go into @dir? */
static int may_add_entry(struct mnt_idmap *idmap, struct inode *dir,
			 struct dentry *child)
{
	if (d_really_is_positive(child))
		return -EEXIST;
	if (IS_DEADDIR(dir))
		return -ENOENT;
	/* ids that cannot be written to disk would be lost */
	if (!uid_valid(current_fsuid()) || !gid_valid(current_fsgid()))
		return -EOVERFLOW;
	return inode_permission(idmap, dir, MAY_WRITE | MAY_EXEC);
}

/*
 * may_delete(): may the entry @victim leave @dir?  @want_dir: the caller
 * removes a directory (rmdir, or renames one), so @victim must be one.
 */
static int may_drop_entry(struct mnt_idmap *idmap, struct inode *dir,
			  struct dentry *victim, bool want_dir)
{
	struct inode *inode = d_inode(victim);
	int err;

	if (d_is_negative(victim))
		return -ENOENT;
	if (WARN_ON_ONCE(victim->d_parent->d_inode != dir))
		return -EIO;
	if (HAS_UNMAPPED_ID(idmap, inode))
		return -EOVERFLOW;
	err = inode_permission(idmap, dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (IS_APPEND(dir))
		return -EPERM;
	if (check_sticky(idmap, dir, inode) || IS_APPEND(inode) ||
	    IS_IMMUTABLE(inode) || IS_SWAPFILE(inode))
		return -EPERM;
	if (want_dir) {
		if (!d_is_dir(victim))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (d_is_dir(victim)) {
		return -EISDIR;
	}
	if (IS_DEADDIR(dir))
		return -ENOENT;
	return 0;
}

/* is the caller in @gid, or privileged over @inode's ids? */
static bool member_or_fsetid(struct mnt_idmap *idmap,
			     const struct inode *inode, kgid_t gid)
{
	return in_group_p(gid) ||
	       capable_wrt_inode_uidgid(idmap, inode, CAP_FSETID);
}

/*
 * A non-directory created in a setgid directory inherits the directory's
 * group; it may keep S_ISGID (with group exec) only if its creator could
 * have set it: a member of that group or a CAP_FSETID holder.
 */
umode_t mode_strip_sgid(struct mnt_idmap *idmap, const struct inode *dir,
			umode_t mode)
{
	if ((mode & (S_ISGID | S_IXGRP)) != (S_ISGID | S_IXGRP))
		return mode;
	if (S_ISDIR(mode) || !dir || !(dir->i_mode & S_ISGID))
		return mode;
	if (member_or_fsetid(idmap, dir, dir->i_gid))
		return mode;
	return mode & ~S_ISGID;
}

/*
 * vfs_prepare_mode(): the mode a new inode is asked for.  The umask is
 * the VFS's business unless the directory supports POSIX ACLs: then the
 * filesystem applies the default ACL or, if there is none, the umask
 * (posix_acl_create).
 */
static umode_t new_inode_mode(struct mnt_idmap *idmap, const struct inode *dir,
			      umode_t mode, umode_t allowed, umode_t type)
{
	mode = mode_strip_sgid(idmap, dir, mode);
	if (!IS_POSIXACL(dir))
		mode &= ~current_umask();
	/* @allowed limits the permission bits, @type gives the file type */
	return (mode & allowed & ~S_IFMT) | (type & S_IFMT);
}

/* --- creating names ----------------------------------------------------- */

int vfs_create(struct mnt_idmap *idmap, struct inode *dir,
	       struct dentry *dentry, umode_t mode, bool want_excl)
{
	int err = may_add_entry(idmap, dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->create)
		return -EACCES;
	mode = new_inode_mode(idmap, dir, mode, S_IALLUGO, S_IFREG);
	return dir->i_op->create(idmap, dir, dentry, mode, want_excl);
}

int vfs_mknod(struct mnt_idmap *idmap, struct inode *dir,
	      struct dentry *dentry, umode_t mode, dev_t dev)
{
	bool whiteout = S_ISCHR(mode) && dev == WHITEOUT_DEV;
	int err = may_add_entry(idmap, dir, dentry);

	if (err)
		return err;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !whiteout &&
	    !capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op->mknod)
		return -EPERM;
	/* the type bits pass through; only the permission bits are masked */
	mode = new_inode_mode(idmap, dir, mode, mode, mode);
	return dir->i_op->mknod(idmap, dir, dentry, mode, dev);
}

int vfs_mkdir(struct mnt_idmap *idmap, struct inode *dir,
	      struct dentry *dentry, umode_t mode)
{
	unsigned int link_limit = dir->i_sb->s_max_links;
	int err = may_add_entry(idmap, dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->mkdir)
		return -EPERM;
	mode = new_inode_mode(idmap, dir, mode, S_IRWXUGO | S_ISVTX, 0);
	/* the child's ".." is one more link to @dir */
	if (link_limit && dir->i_nlink >= link_limit)
		return -EMLINK;
	return dir->i_op->mkdir(idmap, dir, dentry, mode);
}

int vfs_symlink(struct mnt_idmap *idmap, struct inode *dir,
		struct dentry *dentry, const char *oldname)
{
	int err = may_add_entry(idmap, dir, dentry);

	if (err)
		return err;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(idmap, dir, dentry, oldname);
}

/*
 * linkat(2)'s protection (may_linkat): with fs.protected_hardlinks set
 * (the host's setting, read once), whoever neither owns the source nor
 * has CAP_FOWNER over it may only link a regular file that is not set-uid,
 * not set-gid and executable, and that it may both read and write.
 */
static int protected_hardlinks = -1;

static bool safe_link_source(struct mnt_idmap *idmap, struct inode *inode)
{
	umode_t mode = inode->i_mode;

	if (!S_ISREG(mode) || (mode & S_ISUID))
		return false;
	if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		return false;
	return !inode_permission(idmap, inode, MAY_READ | MAY_WRITE);
}

int may_linkat(struct mnt_idmap *idmap, const struct path *link)
{
	struct inode *inode = d_inode(link->dentry);
	int protect = READ_ONCE(protected_hardlinks);

	if (!vfsuid_valid(i_uid_into_vfsuid(idmap, inode)) ||
	    !vfsgid_valid(i_gid_into_vfsgid(idmap, inode)))
		return -EOVERFLOW;
	if (protect < 0) {
		protect = kshim_host_sysctl("fs/protected_hardlinks", 0) != 0;
		WRITE_ONCE(protected_hardlinks, protect);
	}
	if (!protect || inode_owner_or_capable(idmap, inode) ||
	    safe_link_source(idmap, inode))
		return 0;
	return -EPERM;
}

int vfs_link(struct dentry *old_dentry, struct mnt_idmap *idmap,
	     struct inode *dir, struct dentry *new_dentry,
	     struct inode **delegated_inode)
{
	struct inode *inode = d_inode(old_dentry);
	unsigned int link_limit = dir->i_sb->s_max_links;
	int err;

	if (!inode)
		return -ENOENT;
	err = may_add_entry(idmap, dir, new_dentry);
	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (IS_APPEND(inode) || IS_IMMUTABLE(inode))
		return -EPERM;
	/* a link count change writes the ids back: they must be known */
	if (HAS_UNMAPPED_ID(idmap, inode))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;

	inode_lock(inode);
	if (inode->i_nlink == 0 && !(inode->i_state & I_LINKABLE))
		err = -ENOENT;	/* no new name for a file already gone */
	else if (link_limit && inode->i_nlink >= link_limit)
		err = -EMLINK;
	else
		err = dir->i_op->link(old_dentry, dir, new_dentry);
	if (!err && (inode->i_state & I_LINKABLE)) {
		spin_lock(&inode->i_lock);
		inode->i_state &= ~I_LINKABLE;
		spin_unlock(&inode->i_lock);
	}
	inode_unlock(inode);
	return err;
}

/* --- removing names ----------------------------------------------------- */

/*
 * The caller holds @dir's i_rwsem and a reference on @dentry; the victim
 * inode is locked here around ->unlink.  On success the name is gone from
 * the cache (d_delete): the dentry turns negative if the caller's is the
 * only reference, else it is unhashed and the inode lives on for the
 * other holders (open files read on until they close).
 */
int vfs_unlink(struct mnt_idmap *idmap, struct inode *dir,
	       struct dentry *dentry, struct inode **delegated_inode)
{
	struct inode *victim = d_inode(dentry);
	int err = may_drop_entry(idmap, dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op->unlink)
		return -EPERM;
	inode_lock(victim);
	if (IS_SWAPFILE(victim))
		err = -EPERM;
	else if (d_mountpoint(dentry))
		err = -EBUSY;
	else
		err = dir->i_op->unlink(dir, dentry);
	if (!err)
		dont_mount(dentry);
	inode_unlock(victim);
	if (!err)
		d_delete(dentry);
	return err;
}

int vfs_rmdir(struct mnt_idmap *idmap, struct inode *dir,
	      struct dentry *dentry)
{
	struct inode *victim;
	int err = may_drop_entry(idmap, dir, dentry, true);

	if (err)
		return err;
	if (!dir->i_op->rmdir)
		return -EPERM;
	dget(dentry);
	victim = d_inode(dentry);
	inode_lock(victim);
	if (d_mountpoint(dentry) || (victim->i_flags & S_KERNEL_FILE)) {
		err = -EBUSY;
	} else {
		err = dir->i_op->rmdir(dir, dentry);
		if (!err) {
			/* nothing below it stays cached; nothing new appears */
			shrink_dcache_parent(dentry);
			victim->i_flags |= S_DEAD;
			dont_mount(dentry);
		}
	}
	inode_unlock(victim);
	dput(dentry);
	if (!err)
		d_delete(dentry);
	return err;
}

/* --- locks for two objects ---------------------------------------------- */

/*
 * Lock two inodes (either may be NULL, both may be the same).  A
 * directory goes first, as the other may live in it; otherwise the lower
 * address first, so every caller takes the pair in one order.
 */
void lock_two_inodes(struct inode *a, struct inode *b, unsigned int subclass1,
		     unsigned int subclass2)
{
	if (!a)
		swap(a, b);
	if (a && b) {
		bool adir = S_ISDIR(a->i_mode), bdir = S_ISDIR(b->i_mode);

		if (adir == bdir ? a > b : bdir)
			swap(a, b);
	}
	if (a)
		inode_lock_nested(a, subclass1);
	if (b && b != a)
		inode_lock_nested(b, subclass2);
}

void lock_two_nondirectories(struct inode *a, struct inode *b)
{
	WARN_ON_ONCE(a && S_ISDIR(a->i_mode));
	WARN_ON_ONCE(b && S_ISDIR(b->i_mode));
	lock_two_inodes(a, b, I_MUTEX_NORMAL, I_MUTEX_NONDIR2);
}

void unlock_two_nondirectories(struct inode *a, struct inode *b)
{
	if (a)
		inode_unlock(a);
	if (b && b != a)
		inode_unlock(b);
}

/*
 * Lock the parents of a rename.  The same directory: one lock.  Two: the
 * super block's s_vfs_rename_mutex first (it keeps every directory where
 * it is, so the ancestry found below stays true), then an ancestor
 * before its descendant, unrelated ones in argument order.  Returns the
 * child of the ancestor on the way to the other parent (the "trap": a
 * rename must neither move it below itself nor replace it), or NULL.
 */
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2)
{
	struct dentry *trap;

	if (p1 == p2) {
		inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
		return NULL;
	}
	mutex_lock(&p1->d_sb->s_vfs_rename_mutex);
	trap = d_ancestor(p2, p1);
	if (trap) {
		inode_lock_nested(p2->d_inode, I_MUTEX_PARENT);
		inode_lock_nested(p1->d_inode, I_MUTEX_PARENT2);
		return trap;
	}
	trap = d_ancestor(p1, p2);
	inode_lock_nested(p1->d_inode, I_MUTEX_PARENT);
	inode_lock_nested(p2->d_inode, I_MUTEX_PARENT2);
	return trap;
}

void unlock_rename(struct dentry *p1, struct dentry *p2)
{
	inode_unlock(p1->d_inode);
	if (p1 != p2) {
		inode_unlock(p2->d_inode);
		mutex_unlock(&p1->d_sb->s_vfs_rename_mutex);
	}
}

/* --- rename ------------------------------------------------------------- */

/*
 * Both parents are locked (lock_rename) and both dentries looked up under
 * those locks.  Here: the permission checks of both ends, the children's
 * locks as the kernel takes them, ->rename, then the cache follows
 * (d_move, or d_exchange for RENAME_EXCHANGE).
 */
int vfs_rename(struct renamedata *rd)
{
	struct inode *old_dir = rd->old_dir, *new_dir = rd->new_dir;
	struct dentry *old_dentry = rd->old_dentry;
	struct dentry *new_dentry = rd->new_dentry;
	struct mnt_idmap *idmap = rd->new_mnt_idmap;
	unsigned int flags = rd->flags;
	bool exchange = flags & RENAME_EXCHANGE;
	struct inode *source = old_dentry->d_inode;
	struct inode *target = new_dentry->d_inode;
	bool is_dir = d_is_dir(old_dentry), new_is_dir = false;
	unsigned int link_limit = new_dir->i_sb->s_max_links;
	bool moves = old_dir != new_dir;
	bool lock_source = false, lock_target = false;
	int err;

	if (source == target)
		return 0;	/* two names of one inode: nothing to do */
	err = may_drop_entry(rd->old_mnt_idmap, old_dir, old_dentry, is_dir);
	if (err)
		return err;
	if (!target) {
		err = may_add_entry(idmap, new_dir, new_dentry);
	} else {
		new_is_dir = d_is_dir(new_dentry);
		err = may_drop_entry(idmap, new_dir, new_dentry,
				     exchange ? new_is_dir : is_dir);
	}
	if (err)
		return err;
	if (!old_dir->i_op->rename)
		return -EPERM;
	/* a directory changing parent rewrites its ".." */
	if (moves) {
		if (is_dir) {
			err = inode_permission(rd->old_mnt_idmap, source,
					       MAY_WRITE);
			if (err)
				return err;
		}
		if (exchange && new_is_dir) {
			err = inode_permission(idmap, target, MAY_WRITE);
			if (err)
				return err;
		}
	}

	dget(new_dentry);
	/*
	 * Children: a directory whose parent changes, a directory that may be
	 * removed, and every non-directory (after the directories, by
	 * address).  Unrelated directories are only locked together under
	 * s_vfs_rename_mutex, i.e. when the parents differ.
	 */
	if (is_dir) {
		lock_source = moves;
		lock_target = target && (!new_is_dir || moves || !exchange);
		if (lock_source)
			inode_lock_nested(source, I_MUTEX_CHILD);
		if (lock_target)
			inode_lock(target);
	} else if (new_is_dir) {
		lock_target = moves || !exchange;
		if (lock_target)
			inode_lock_nested(target, I_MUTEX_CHILD);
		inode_lock(source);
		lock_source = true;
	} else {
		lock_two_nondirectories(source, target);
		lock_source = true;
		lock_target = target != NULL;
	}

	err = -EPERM;
	if (IS_SWAPFILE(source) || (target && IS_SWAPFILE(target)))
		goto out;
	err = -EBUSY;
	if (d_mountpoint(old_dentry) || d_mountpoint(new_dentry))
		goto out;
	err = -EMLINK;
	if (link_limit && moves) {
		if (is_dir && !new_is_dir && new_dir->i_nlink >= link_limit)
			goto out;
		if (exchange && !is_dir && new_is_dir &&
		    old_dir->i_nlink >= link_limit)
			goto out;
	}
	err = old_dir->i_op->rename(idmap, old_dir, old_dentry, new_dir,
				    new_dentry, flags);
	if (err)
		goto out;
	if (!exchange && target) {
		if (is_dir) {
			shrink_dcache_parent(new_dentry);
			target->i_flags |= S_DEAD;
		}
		dont_mount(new_dentry);
	}
	if (!(old_dir->i_sb->s_type->fs_flags & FS_RENAME_DOES_D_MOVE)) {
		if (exchange)
			d_exchange(old_dentry, new_dentry);
		else
			d_move(old_dentry, new_dentry);
	}
out:
	if (lock_source)
		inode_unlock(source);
	if (lock_target && target != source)
		inode_unlock(target);
	dput(new_dentry);
	return err;
}
