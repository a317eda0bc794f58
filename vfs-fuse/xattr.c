// SPDX-License-Identifier: GPL-2.0-only
/*
 * Extended attributes (stands in for fs/xattr.c).
 *
 * Kernel guarantees kept:
 *  - a name goes to the handler of sb->s_xattr whose prefix it starts
 *    with (a prefix handler needs something after the prefix, an exact
 *    handler the whole name), which gets the name past the prefix;
 *    no handler: -EOPNOTSUPP; an inode without IOP_XATTR: -EOPNOTSUPP;
 *  - reading checks xattr_permission(): trusted.* needs CAP_SYS_ADMIN
 *    (else -ENODATA), user.* exists only on regular files and
 *    directories (else -ENODATA), then read permission on the inode;
 *  - system.posix_acl_access/default are served from the ACL (cache or
 *    ->get_acl/->get_inode_acl) in the xattr encoding, as getxattr(2)
 *    does; -ENODATA when there is none;
 *  - listxattr is ->listxattr, or the exact-name handlers plus the ACL
 *    names (generic_listxattr); a too small buffer gives -ERANGE;
 *  - setting and removing run under the inode lock after
 *    xattr_permission() for writing: immutable or append-only inodes
 *    -EPERM, trusted.* needs CAP_SYS_ADMIN (-EPERM), user.* only on
 *    regular files and directories (-EPERM), in sticky directories only
 *    for the owner, then write permission; the handler's ->set gets
 *    XATTR_CREATE/XATTR_REPLACE (removal is ->set with no value and
 *    XATTR_REPLACE); an empty value is stored, not removed;
 *  - system.posix_acl_* names are ACLs: decoded from the xattr encoding
 *    and set or removed through vfs_set_acl()/vfs_remove_acl().
 */
#include <linux/fs.h>
#include <linux/xattr.h>
#include <linux/posix_acl.h>
#include <linux/posix_acl_xattr.h>
#include <linux/capability.h>
#include <linux/string.h>

/* true when @s begins with @pfx; *@tail then points past it */
static bool kshim_has_prefix(const char *s, const char *pfx,
			     const char **tail)
{
	size_t n = strlen(pfx);

	if (strncmp(s, pfx, n) != 0)
		return false;
	if (tail)
		*tail = s + n;
	return true;
}

/* the handler table of @ino's super block, or an error if none applies */
static const struct xattr_handler * const *
kshim_xattr_table(struct inode *ino, int *err)
{
	if (ino->i_opflags & IOP_XATTR) {
		*err = 0;
		return ino->i_sb->s_xattr;
	}
	*err = is_bad_inode(ino) ? -EIO : -EOPNOTSUPP;
	return NULL;
}

/*
 * Find the handler for *@attr and advance *@attr past its prefix.  An
 * exact-name handler (->name set) must match the whole name; a prefix
 * handler needs a non-empty suffix.
 */
static const struct xattr_handler *
kshim_xattr_lookup(struct inode *ino, const char **attr)
{
	const struct xattr_handler * const *tbl;
	int err;

	tbl = kshim_xattr_table(ino, &err);
	if (!tbl)
		return ERR_PTR(err ? err : -EOPNOTSUPP);

	for (; *tbl; tbl++) {
		const struct xattr_handler *hd = *tbl;
		bool exact = hd->prefix == NULL;
		const char *rest;

		if (!kshim_has_prefix(*attr, xattr_prefix(hd), &rest))
			continue;
		if (exact && *rest)
			continue;	/* longer name: not this handler */
		if (!exact && !*rest)
			return ERR_PTR(-EINVAL);
		*attr = rest;
		return hd;
	}
	return ERR_PTR(-EOPNOTSUPP);
}

const char *xattr_full_name(const struct xattr_handler *hd, const char *tail)
{
	return tail - strlen(xattr_prefix(hd));
}

int xattr_supports_user_prefix(struct inode *ino)
{
	const struct xattr_handler * const *tbl;
	int err;

	tbl = kshim_xattr_table(ino, &err);
	if (!tbl)
		return err ? err : -EOPNOTSUPP;
	for (; *tbl; tbl++)
		if (kshim_has_prefix(xattr_prefix(*tbl), XATTR_USER_PREFIX,
				     NULL))
			return 0;
	return -EOPNOTSUPP;
}

/* the namespaces xattr_permission() distinguishes */
enum kshim_xattr_ns {
	KSHIM_XNS_OTHER,
	KSHIM_XNS_HANDLER,	/* system.*, security.*: the handler decides */
	KSHIM_XNS_TRUSTED,
	KSHIM_XNS_USER,
};

static enum kshim_xattr_ns kshim_xattr_namespace(const char *attr)
{
	static const struct {
		const char *pfx;
		enum kshim_xattr_ns ns;
	} map[] = {
		{ XATTR_SYSTEM_PREFIX,		KSHIM_XNS_HANDLER },
		{ XATTR_SECURITY_PREFIX,	KSHIM_XNS_HANDLER },
		{ XATTR_TRUSTED_PREFIX,		KSHIM_XNS_TRUSTED },
		{ XATTR_USER_PREFIX,		KSHIM_XNS_USER },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (kshim_has_prefix(attr, map[i].pfx, NULL))
			return map[i].ns;
	return KSHIM_XNS_OTHER;
}

static int kshim_xattr_may(struct mnt_idmap *idmap, struct inode *ino,
			   const char *attr, int mask)
{
	bool writing = mask & MAY_WRITE;
	/* what a refused read or write reports */
	int refused = writing ? -EPERM : -ENODATA;
	umode_t mode = ino->i_mode;

	if (writing && (IS_IMMUTABLE(ino) || IS_APPEND(ino) ||
			HAS_UNMAPPED_ID(idmap, ino)))
		return -EPERM;

	switch (kshim_xattr_namespace(attr)) {
	case KSHIM_XNS_HANDLER:
		return 0;
	case KSHIM_XNS_TRUSTED:
		return capable(CAP_SYS_ADMIN) ? 0 : refused;
	case KSHIM_XNS_USER:
		if (!S_ISREG(mode) && !S_ISDIR(mode))
			return refused;
		/* sticky directories: only the owner may write user.* */
		if (writing && S_ISDIR(mode) && (mode & S_ISVTX) &&
		    !inode_owner_or_capable(idmap, ino))
			return -EPERM;
		break;
	case KSHIM_XNS_OTHER:
		break;
	}
	return inode_permission(idmap, ino, mask);
}

ssize_t __vfs_getxattr(struct dentry *de, struct inode *ino,
		       const char *attr, void *buf, size_t len)
{
	const struct xattr_handler *hd = kshim_xattr_lookup(ino, &attr);

	if (IS_ERR(hd))
		return PTR_ERR(hd);
	if (!hd->get)
		return -EOPNOTSUPP;
	return hd->get(hd, de, ino, attr, buf, len);
}

/* the ACL xattrs are served from the ACL itself, in the xattr encoding */
static ssize_t kshim_acl_as_xattr(struct mnt_idmap *idmap, struct dentry *de,
				  const char *attr, void *buf, size_t len)
{
	struct posix_acl *acl = vfs_get_acl(idmap, de, attr);
	ssize_t n;

	if (!acl)
		return -ENODATA;
	if (IS_ERR(acl))
		return PTR_ERR(acl);
	n = posix_acl_to_xattr(&init_user_ns, acl, buf, len);
	posix_acl_release(acl);
	return n;
}

ssize_t vfs_getxattr(struct mnt_idmap *idmap, struct dentry *de,
		     const char *attr, void *buf, size_t len)
{
	struct inode *ino = d_inode(de);
	int err = kshim_xattr_may(idmap, ino, attr, MAY_READ);

	if (err)
		return err;
	if (is_posix_acl_xattr(attr))
		return kshim_acl_as_xattr(idmap, de, attr, buf, len);
	return __vfs_getxattr(de, ino, attr, buf, len);
}

/*
 * Append @attr and its NUL to the list at *@pos.  With no buffer only the
 * size is counted (*@left goes negative by the total).
 */
int xattr_list_one(char **pos, ssize_t *left, const char *attr)
{
	size_t need = strlen(attr) + 1;

	if (*pos) {
		if ((size_t)*left < need || *left < 0)
			return -ERANGE;
		memcpy(*pos, attr, need);
		*pos += need;
	}
	*left -= need;
	return 0;
}

ssize_t generic_listxattr(struct dentry *de, char *buf, size_t len)
{
	const struct xattr_handler * const *tbl = de->d_sb->s_xattr;
	ssize_t left = len;
	int err;

	err = posix_acl_listxattr(d_inode(de), &buf, &left);
	for (; !err && tbl && *tbl; tbl++) {
		const struct xattr_handler *hd = *tbl;

		/* only exact-name handlers that want to be listed */
		if (!hd->name)
			continue;
		if (hd->list && !hd->list(de))
			continue;
		err = xattr_list_one(&buf, &left, hd->name);
	}
	return err ? err : (ssize_t)len - left;
}

ssize_t vfs_listxattr(struct dentry *de, char *buf, size_t len)
{
	struct inode *ino = d_inode(de);

	/* no LSM: nothing to list without a filesystem handler */
	if (!ino->i_op->listxattr)
		return 0;
	return ino->i_op->listxattr(de, buf, len);
}

/* --- the write side ----------------------------------------------------- */

/*
 * Hand a change to the handler owning @attr (no permission checks: the
 * caller made them).  An empty value is stored as such, not removed.
 */
int __vfs_setxattr(struct mnt_idmap *idmap, struct dentry *de,
		   struct inode *ino, const char *attr, const void *value,
		   size_t len, int flags)
{
	const struct xattr_handler *hd = kshim_xattr_lookup(ino, &attr);

	if (IS_ERR(hd))
		return PTR_ERR(hd);
	if (!hd->set)
		return -EOPNOTSUPP;
	if (!len)
		value = "";
	return hd->set(hd, idmap, de, ino, attr, value, len, flags);
}

/* the inode lock held: permission, then the handler */
int __vfs_setxattr_locked(struct mnt_idmap *idmap, struct dentry *de,
			  const char *attr, const void *value, size_t len,
			  int flags, struct inode **delegated_inode)
{
	struct inode *ino = d_inode(de);
	int err = kshim_xattr_may(idmap, ino, attr, MAY_WRITE);

	if (err)
		return err;
	/* a security xattr may be file capabilities: writes check again */
	if (!strncmp(attr, XATTR_SECURITY_PREFIX, XATTR_SECURITY_PREFIX_LEN))
		ino->i_flags &= ~S_NOSEC;
	return __vfs_setxattr(idmap, de, ino, attr, value, len, flags);
}

/* an ACL given in the xattr encoding goes to the ACL code (do_set_acl) */
static int kshim_acl_from_xattr_set(struct mnt_idmap *idmap,
				    struct dentry *de, const char *attr,
				    const void *value, size_t len)
{
	struct posix_acl *acl = posix_acl_from_xattr(&init_user_ns, value, len);
	int err;

	if (IS_ERR(acl))
		return PTR_ERR(acl);
	err = vfs_set_acl(idmap, de, attr, acl);
	posix_acl_release(acl);
	return err;
}

int vfs_setxattr(struct mnt_idmap *idmap, struct dentry *de,
		 const char *attr, const void *value, size_t len, int flags)
{
	struct inode *ino = d_inode(de);
	int err;

	if (is_posix_acl_xattr(attr))
		return kshim_acl_from_xattr_set(idmap, de, attr, value, len);
	inode_lock(ino);
	err = __vfs_setxattr_locked(idmap, de, attr, value, len, flags, NULL);
	inode_unlock(ino);
	return err;
}

/* removal is a set with no value that insists the name exists */
int __vfs_removexattr(struct mnt_idmap *idmap, struct dentry *de,
		      const char *attr)
{
	struct inode *ino = d_inode(de);
	const struct xattr_handler *hd = kshim_xattr_lookup(ino, &attr);

	if (IS_ERR(hd))
		return PTR_ERR(hd);
	if (!hd->set)
		return -EOPNOTSUPP;
	return hd->set(hd, idmap, de, ino, attr, NULL, 0, XATTR_REPLACE);
}

int vfs_removexattr(struct mnt_idmap *idmap, struct dentry *de,
		    const char *attr)
{
	struct inode *ino = d_inode(de);
	int err;

	if (is_posix_acl_xattr(attr))
		return vfs_remove_acl(idmap, de, attr);
	inode_lock(ino);
	err = kshim_xattr_may(idmap, ino, attr, MAY_WRITE);
	if (!err)
		err = __vfs_removexattr(idmap, de, attr);
	inode_unlock(ino);
	return err;
}
