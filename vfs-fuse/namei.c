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

	this.name = (const unsigned char *)name;
	this.hash_len = hashlen_create(full_name_hash(parent, name, len), len);
	if (parent->d_flags & DCACHE_OP_HASH) {
		err = parent->d_op->d_hash(parent, &this);
		if (err < 0)
			return ERR_PTR(err);
	}
	dentry = lookup_cached(parent, &this);
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

int page_symlink(struct inode *inode, const char *symname, int len)
{
	WARN_ONCE(1, "kshim: page_symlink comes with the write path\n");
	return -EROFS;
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
