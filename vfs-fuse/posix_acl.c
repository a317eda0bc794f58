// SPDX-License-Identifier: GPL-2.0-only
/*
 * POSIX ACLs (fs/posix_acl.c).
 *
 * Kernel guarantees kept:
 *  - an ACL is immutable once shared; changes work on a clone
 *    (__posix_acl_create/__posix_acl_chmod replace the caller's pointer);
 *  - the per-inode cache (i_acl/i_default_acl) holds a reference to the
 *    cached ACL, NULL for "none", ACL_NOT_CACHED for "ask the
 *    filesystem"; get_inode_acl() installs a sentinel while it asks, and
 *    caches the answer only if nobody changed the slot meanwhile
 *    (set_cached_acl/forget_cached_acl win over a lookup in flight);
 *  - permission checking follows POSIX.1e: owner entry, named users
 *    (masked), owning and named groups (masked; -EACCES if one matched
 *    but none granted), other;
 *  - posix_acl_valid() accepts exactly the well-formed entry orders;
 *    posix_acl_equiv_mode() says whether the mode bits express the ACL;
 *  - the xattr encoding is version 2, little endian, ids in the initial
 *    user namespace.
 */
#include <linux/fs.h>
#include <linux/posix_acl.h>
#include <linux/posix_acl_xattr.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/xattr.h>

static struct posix_acl **acl_by_type(struct inode *inode, int type)
{
	switch (type) {
	case ACL_TYPE_ACCESS:
		return &inode->i_acl;
	case ACL_TYPE_DEFAULT:
		return &inode->i_default_acl;
	default:
		BUG();
	}
}

/* --- the cache ---------------------------------------------------------- */

struct posix_acl *get_cached_acl(struct inode *inode, int type)
{
	struct posix_acl **p = acl_by_type(inode, type);
	struct posix_acl *acl;

	rcu_read_lock();
	for (;;) {
		acl = rcu_dereference(*p);
		if (!acl || is_uncached_acl(acl) ||
		    refcount_inc_not_zero(&acl->a_refcount))
			break;
		/* being freed: someone replaced it; read the slot again */
		cpu_relax();
	}
	rcu_read_unlock();
	return acl;
}

struct posix_acl *get_cached_acl_rcu(struct inode *inode, int type)
{
	struct posix_acl *acl = rcu_dereference(*acl_by_type(inode, type));

	if (acl == ACL_DONT_CACHE)
		return ERR_PTR(-ECHILD);
	return acl;
}

void set_cached_acl(struct inode *inode, int type, struct posix_acl *acl)
{
	struct posix_acl **p = acl_by_type(inode, type);
	struct posix_acl *old = xchg(p, posix_acl_dup(acl));

	if (!is_uncached_acl(old))
		posix_acl_release(old);
}

static void __forget_cached_acl(struct posix_acl **p)
{
	struct posix_acl *old = xchg(p, ACL_NOT_CACHED);

	if (!is_uncached_acl(old))
		posix_acl_release(old);
}

void forget_cached_acl(struct inode *inode, int type)
{
	__forget_cached_acl(acl_by_type(inode, type));
}

void forget_all_cached_acls(struct inode *inode)
{
	__forget_cached_acl(&inode->i_acl);
	__forget_cached_acl(&inode->i_default_acl);
}

static struct posix_acl *__get_acl(struct mnt_idmap *idmap,
				   struct dentry *dentry, struct inode *inode,
				   int type)
{
	struct posix_acl **p = acl_by_type(inode, type);
	struct posix_acl *sentinel, *acl;

	acl = get_cached_acl(inode, type);
	if (!is_uncached_acl(acl))
		return acl;
	if (!IS_POSIXACL(inode))
		return NULL;

	/* odd, so it reads as "uncached" to everybody else */
	sentinel = (struct posix_acl *)((unsigned long)current | 1);
	if (cmpxchg(p, ACL_NOT_CACHED, sentinel) != ACL_NOT_CACHED)
		sentinel = NULL;	/* someone else is at it: do not cache */

	if (dentry && inode->i_op->get_acl)
		acl = inode->i_op->get_acl(idmap, dentry, type);
	else if (inode->i_op->get_inode_acl)
		acl = inode->i_op->get_inode_acl(inode, type, false);
	else
		acl = ERR_PTR(-EOPNOTSUPP);

	if (IS_ERR(acl)) {
		if (sentinel)
			cmpxchg(p, sentinel, ACL_NOT_CACHED);
		return acl;
	}
	if (sentinel) {
		posix_acl_dup(acl);
		if (cmpxchg(p, sentinel, acl) != sentinel)
			posix_acl_release(acl);
	}
	return acl;
}

struct posix_acl *get_inode_acl(struct inode *inode, int type)
{
	return __get_acl(&nop_mnt_idmap, NULL, inode, type);
}

struct posix_acl *get_posix_acl(struct inode *inode, int type)
{
	return get_inode_acl(inode, type);
}

struct posix_acl *vfs_get_acl(struct mnt_idmap *idmap, struct dentry *dentry,
			      const char *acl_name)
{
	int type = posix_acl_type(acl_name);

	if (type < 0)
		return ERR_PTR(-EINVAL);
	return __get_acl(idmap, dentry, d_inode(dentry), type);
}

/* --- objects ------------------------------------------------------------ */

void posix_acl_init(struct posix_acl *acl, int count)
{
	refcount_set(&acl->a_refcount, 1);
	acl->a_count = count;
}

struct posix_acl *posix_acl_alloc(int count, gfp_t flags)
{
	struct posix_acl *acl;

	acl = kmalloc(struct_size(acl, a_entries, count), flags);
	if (acl)
		posix_acl_init(acl, count);
	return acl;
}

struct posix_acl *posix_acl_clone(const struct posix_acl *acl, gfp_t flags)
{
	struct posix_acl *clone;

	if (!acl)
		return NULL;
	clone = kmemdup(acl, struct_size(acl, a_entries, acl->a_count), flags);
	if (clone)
		refcount_set(&clone->a_refcount, 1);
	return clone;
}

int posix_acl_valid(struct user_namespace *user_ns,
		    const struct posix_acl *acl)
{
	const struct posix_acl_entry *pa, *pe;
	int state = ACL_USER_OBJ;
	bool named = false;

	FOREACH_ACL_ENTRY(pa, acl, pe) {
		if (pa->e_perm & ~(ACL_READ | ACL_WRITE | ACL_EXECUTE))
			return -EINVAL;
		switch (pa->e_tag) {
		case ACL_USER_OBJ:
			if (state != ACL_USER_OBJ)
				return -EINVAL;
			state = ACL_USER;
			break;
		case ACL_USER:
			if (state != ACL_USER ||
			    !kuid_has_mapping(user_ns, pa->e_uid))
				return -EINVAL;
			named = true;
			break;
		case ACL_GROUP_OBJ:
			if (state != ACL_USER)
				return -EINVAL;
			state = ACL_GROUP;
			break;
		case ACL_GROUP:
			if (state != ACL_GROUP ||
			    !kgid_has_mapping(user_ns, pa->e_gid))
				return -EINVAL;
			named = true;
			break;
		case ACL_MASK:
			if (state != ACL_GROUP)
				return -EINVAL;
			state = ACL_OTHER;
			break;
		case ACL_OTHER:
			/* named entries need a mask before "other" */
			if (state != ACL_OTHER && (state != ACL_GROUP || named))
				return -EINVAL;
			state = 0;
			break;
		default:
			return -EINVAL;
		}
	}
	return state == 0 ? 0 : -EINVAL;
}

int posix_acl_equiv_mode(const struct posix_acl *acl, umode_t *mode_p)
{
	const struct posix_acl_entry *pa, *pe;
	umode_t mode = 0;
	int not_equiv = 0;

	if (!acl)
		return 0;
	FOREACH_ACL_ENTRY(pa, acl, pe) {
		switch (pa->e_tag) {
		case ACL_USER_OBJ:
			mode |= (pa->e_perm & S_IRWXO) << 6;
			break;
		case ACL_GROUP_OBJ:
			mode |= (pa->e_perm & S_IRWXO) << 3;
			break;
		case ACL_OTHER:
			mode |= pa->e_perm & S_IRWXO;
			break;
		case ACL_MASK:
			/* the mask stands in the group bits */
			mode = (mode & ~S_IRWXG) | ((pa->e_perm & S_IRWXO) << 3);
			not_equiv = 1;
			break;
		case ACL_USER:
		case ACL_GROUP:
			not_equiv = 1;
			break;
		default:
			return -EINVAL;
		}
	}
	if (mode_p)
		*mode_p = (*mode_p & ~S_IRWXUGO) | mode;
	return not_equiv;
}

struct posix_acl *posix_acl_from_mode(umode_t mode, gfp_t flags)
{
	struct posix_acl *acl = posix_acl_alloc(3, flags);

	if (!acl)
		return ERR_PTR(-ENOMEM);
	acl->a_entries[0].e_tag = ACL_USER_OBJ;
	acl->a_entries[0].e_perm = (mode & S_IRWXU) >> 6;
	acl->a_entries[1].e_tag = ACL_GROUP_OBJ;
	acl->a_entries[1].e_perm = (mode & S_IRWXG) >> 3;
	acl->a_entries[2].e_tag = ACL_OTHER;
	acl->a_entries[2].e_perm = mode & S_IRWXO;
	return acl;
}

/* --- permission --------------------------------------------------------- */

int posix_acl_permission(struct mnt_idmap *idmap, struct inode *inode,
			 const struct posix_acl *acl, int want)
{
	const struct posix_acl_entry *pa, *pe, *m;
	bool group_matched = false;

	want &= MAY_READ | MAY_WRITE | MAY_EXEC;
	FOREACH_ACL_ENTRY(pa, acl, pe) {
		switch (pa->e_tag) {
		case ACL_USER_OBJ:
			if (uid_eq(inode->i_uid, current_fsuid()))
				goto unmasked;
			break;
		case ACL_USER:
			if (uid_eq(pa->e_uid, current_fsuid()))
				goto masked;
			break;
		case ACL_GROUP_OBJ:
			if (in_group_p(inode->i_gid)) {
				group_matched = true;
				if ((pa->e_perm & want) == want)
					goto masked;
			}
			break;
		case ACL_GROUP:
			if (in_group_p(pa->e_gid)) {
				group_matched = true;
				if ((pa->e_perm & want) == want)
					goto masked;
			}
			break;
		case ACL_MASK:
			break;
		case ACL_OTHER:
			if (group_matched)
				return -EACCES;
			goto unmasked;
		default:
			return -EIO;
		}
	}
	return -EIO;

masked:
	for (m = pa + 1; m != pe; m++) {
		if (m->e_tag == ACL_MASK)
			return ((pa->e_perm & m->e_perm & want) == want) ?
				0 : -EACCES;
	}
unmasked:
	return ((pa->e_perm & want) == want) ? 0 : -EACCES;
}

/* --- creation and chmod ------------------------------------------------- */

/* apply @mode_p to a new inode's ACL and the ACL to the mode */
static int posix_acl_create_masq(struct posix_acl *acl, umode_t *mode_p)
{
	struct posix_acl_entry *pa, *pe, *group_obj = NULL, *mask_obj = NULL;
	umode_t mode = *mode_p;
	int not_equiv = 0;

	FOREACH_ACL_ENTRY(pa, acl, pe) {
		switch (pa->e_tag) {
		case ACL_USER_OBJ:
			pa->e_perm &= (mode >> 6) | ~S_IRWXO;
			mode &= (pa->e_perm << 6) | ~S_IRWXU;
			break;
		case ACL_USER:
		case ACL_GROUP:
			not_equiv = 1;
			break;
		case ACL_GROUP_OBJ:
			group_obj = pa;
			break;
		case ACL_OTHER:
			pa->e_perm &= mode | ~S_IRWXO;
			mode &= pa->e_perm | ~S_IRWXO;
			break;
		case ACL_MASK:
			mask_obj = pa;
			not_equiv = 1;
			break;
		default:
			return -EIO;
		}
	}
	if (!mask_obj)
		mask_obj = group_obj;
	if (!mask_obj)
		return -EIO;
	mask_obj->e_perm &= (mode >> 3) | ~S_IRWXO;
	mode &= (mask_obj->e_perm << 3) | ~S_IRWXG;
	*mode_p = (*mode_p & ~S_IRWXUGO) | mode;
	return not_equiv;
}

static int posix_acl_chmod_masq(struct posix_acl *acl, umode_t mode)
{
	struct posix_acl_entry *pa, *pe, *group_obj = NULL, *mask_obj = NULL;

	FOREACH_ACL_ENTRY(pa, acl, pe) {
		switch (pa->e_tag) {
		case ACL_USER_OBJ:
			pa->e_perm = (mode & S_IRWXU) >> 6;
			break;
		case ACL_USER:
		case ACL_GROUP:
			break;
		case ACL_GROUP_OBJ:
			group_obj = pa;
			break;
		case ACL_MASK:
			mask_obj = pa;
			break;
		case ACL_OTHER:
			pa->e_perm = mode & S_IRWXO;
			break;
		default:
			return -EIO;
		}
	}
	if (!mask_obj)
		mask_obj = group_obj;
	if (!mask_obj)
		return -EIO;
	mask_obj->e_perm = (mode & S_IRWXG) >> 3;
	return 0;
}

int __posix_acl_create(struct posix_acl **acl, gfp_t gfp, umode_t *mode_p)
{
	struct posix_acl *clone = posix_acl_clone(*acl, gfp);
	int err = -ENOMEM;

	if (clone) {
		err = posix_acl_create_masq(clone, mode_p);
		if (err < 0) {
			posix_acl_release(clone);
			clone = NULL;
		}
	}
	posix_acl_release(*acl);
	*acl = clone;
	return err;
}

int __posix_acl_chmod(struct posix_acl **acl, gfp_t gfp, umode_t mode)
{
	struct posix_acl *clone = posix_acl_clone(*acl, gfp);
	int err = -ENOMEM;

	if (clone) {
		err = posix_acl_chmod_masq(clone, mode);
		if (err) {
			posix_acl_release(clone);
			clone = NULL;
		}
	}
	posix_acl_release(*acl);
	*acl = clone;
	return err;
}

int posix_acl_chmod(struct mnt_idmap *idmap, struct dentry *dentry,
		    umode_t mode)
{
	struct inode *inode = d_inode(dentry);
	struct posix_acl *acl;
	int ret;

	if (!IS_POSIXACL(inode))
		return 0;
	if (!inode->i_op->set_acl)
		return -EOPNOTSUPP;
	acl = get_inode_acl(inode, ACL_TYPE_ACCESS);
	if (IS_ERR_OR_NULL(acl)) {
		if (acl == ERR_PTR(-EOPNOTSUPP))
			return 0;
		return PTR_ERR(acl);
	}
	ret = __posix_acl_chmod(&acl, GFP_KERNEL, mode);
	if (ret)
		return ret;
	ret = inode->i_op->set_acl(idmap, dentry, acl, ACL_TYPE_ACCESS);
	posix_acl_release(acl);
	return ret;
}

/*
 * kshim has no per-process umask: FUSE applies the caller's umask to the
 * mode before it reaches the VFS.
 */
static umode_t kshim_current_umask(void)
{
	return 0;
}

int posix_acl_create(struct inode *dir, umode_t *mode,
		     struct posix_acl **default_acl, struct posix_acl **acl)
{
	struct posix_acl *p, *clone;
	int ret;

	*acl = NULL;
	*default_acl = NULL;
	if (S_ISLNK(*mode) || !IS_POSIXACL(dir))
		return 0;
	p = get_inode_acl(dir, ACL_TYPE_DEFAULT);
	if (!p || p == ERR_PTR(-EOPNOTSUPP)) {
		*mode &= ~kshim_current_umask();
		return 0;
	}
	if (IS_ERR(p))
		return PTR_ERR(p);
	clone = posix_acl_clone(p, GFP_NOFS);
	if (!clone) {
		posix_acl_release(p);
		return -ENOMEM;
	}
	ret = posix_acl_create_masq(clone, mode);
	if (ret < 0) {
		posix_acl_release(clone);
		posix_acl_release(p);
		return ret;
	}
	if (ret == 0)
		posix_acl_release(clone);
	else
		*acl = clone;
	if (!S_ISDIR(*mode))
		posix_acl_release(p);
	else
		*default_acl = p;
	return 0;
}

int posix_acl_update_mode(struct mnt_idmap *idmap, struct inode *inode,
			  umode_t *mode_p, struct posix_acl **acl)
{
	umode_t mode = inode->i_mode;
	int error;

	error = posix_acl_equiv_mode(*acl, &mode);
	if (error < 0)
		return error;
	if (error == 0)
		*acl = NULL;
	if (!in_group_p(inode->i_gid) &&
	    !capable_wrt_inode_uidgid(idmap, inode, CAP_FSETID))
		mode &= ~S_ISGID;
	*mode_p = mode;
	return 0;
}

/* --- the xattr encoding ------------------------------------------------- */

struct posix_acl *posix_acl_from_xattr(struct user_namespace *user_ns,
				       const void *value, size_t size)
{
	const struct posix_acl_xattr_header *header = value;
	const struct posix_acl_xattr_entry *entry;
	struct posix_acl_entry *acl_e;
	struct posix_acl *acl;
	int count, n;

	if (!value)
		return NULL;
	if (size < sizeof(*header))
		return ERR_PTR(-EINVAL);
	if (header->a_version != cpu_to_le32(POSIX_ACL_XATTR_VERSION))
		return ERR_PTR(-EOPNOTSUPP);
	count = posix_acl_xattr_count(size);
	if (count < 0)
		return ERR_PTR(-EINVAL);
	if (count == 0)
		return NULL;
	acl = posix_acl_alloc(count, GFP_NOFS);
	if (!acl)
		return ERR_PTR(-ENOMEM);
	entry = (const void *)(header + 1);
	acl_e = acl->a_entries;
	for (n = 0; n < count; n++, entry++, acl_e++) {
		acl_e->e_tag = le16_to_cpu(entry->e_tag);
		acl_e->e_perm = le16_to_cpu(entry->e_perm);
		switch (acl_e->e_tag) {
		case ACL_USER_OBJ:
		case ACL_GROUP_OBJ:
		case ACL_MASK:
		case ACL_OTHER:
			break;
		case ACL_USER:
			acl_e->e_uid = make_kuid(user_ns,
						 le32_to_cpu(entry->e_id));
			if (!uid_valid(acl_e->e_uid))
				goto fail;
			break;
		case ACL_GROUP:
			acl_e->e_gid = make_kgid(user_ns,
						 le32_to_cpu(entry->e_id));
			if (!gid_valid(acl_e->e_gid))
				goto fail;
			break;
		default:
			goto fail;
		}
	}
	return acl;
fail:
	posix_acl_release(acl);
	return ERR_PTR(-EINVAL);
}

int posix_acl_to_xattr(struct user_namespace *user_ns,
		       const struct posix_acl *acl, void *buffer, size_t size)
{
	struct posix_acl_xattr_header *header = buffer;
	struct posix_acl_xattr_entry *entry;
	int real_size = posix_acl_xattr_size(acl->a_count);
	unsigned int n;

	if (!buffer)
		return real_size;
	if (real_size > size)
		return -ERANGE;
	header->a_version = cpu_to_le32(POSIX_ACL_XATTR_VERSION);
	entry = (void *)(header + 1);
	for (n = 0; n < acl->a_count; n++, entry++) {
		const struct posix_acl_entry *acl_e = &acl->a_entries[n];

		entry->e_tag = cpu_to_le16(acl_e->e_tag);
		entry->e_perm = cpu_to_le16(acl_e->e_perm);
		switch (acl_e->e_tag) {
		case ACL_USER:
			entry->e_id = cpu_to_le32(from_kuid(user_ns,
							    acl_e->e_uid));
			break;
		case ACL_GROUP:
			entry->e_id = cpu_to_le32(from_kgid(user_ns,
							    acl_e->e_gid));
			break;
		default:
			entry->e_id = cpu_to_le32(ACL_UNDEFINED_ID);
			break;
		}
	}
	return real_size;
}

int posix_acl_listxattr(struct inode *inode, char **buffer,
			ssize_t *remaining_size)
{
	int err;

	if (!IS_POSIXACL(inode))
		return 0;
	if (inode->i_acl) {
		err = xattr_list_one(buffer, remaining_size,
				     XATTR_NAME_POSIX_ACL_ACCESS);
		if (err)
			return err;
	}
	if (inode->i_default_acl)
		return xattr_list_one(buffer, remaining_size,
				      XATTR_NAME_POSIX_ACL_DEFAULT);
	return 0;
}

/* handlers that only name the ACL xattrs (for ->listxattr of a filesystem) */
const struct xattr_handler nop_posix_acl_access = {
	.name = XATTR_NAME_POSIX_ACL_ACCESS,
};

const struct xattr_handler nop_posix_acl_default = {
	.name = XATTR_NAME_POSIX_ACL_DEFAULT,
};
