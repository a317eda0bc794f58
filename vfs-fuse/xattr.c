// SPDX-License-Identifier: GPL-2.0-only
/*
 * Extended attributes (fs/xattr.c), the read side.
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
 *    names (generic_listxattr); a too small buffer gives -ERANGE.
 */
#include <linux/fs.h>
#include <linux/xattr.h>
#include <linux/posix_acl.h>
#include <linux/posix_acl_xattr.h>
#include <linux/capability.h>
#include <linux/string.h>

#define for_each_xattr_handler(handlers, handler)			\
	if (handlers)							\
		for ((handler) = *(handlers)++; (handler);		\
		     (handler) = *(handlers)++)

/* the rest of @str after @prefix, or NULL */
static const char *strcmp_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) ? NULL : str + len;
}

static const struct xattr_handler *
xattr_resolve_name(struct inode *inode, const char **name)
{
	const struct xattr_handler * const *handlers = inode->i_sb->s_xattr;
	const struct xattr_handler *handler;

	if (!(inode->i_opflags & IOP_XATTR)) {
		if (unlikely(is_bad_inode(inode)))
			return ERR_PTR(-EIO);
		return ERR_PTR(-EOPNOTSUPP);
	}
	for_each_xattr_handler(handlers, handler) {
		const char *n = strcmp_prefix(*name, xattr_prefix(handler));

		if (!n)
			continue;
		if (!handler->prefix != !*n) {
			if (*n)
				continue;
			return ERR_PTR(-EINVAL);
		}
		*name = n;
		return handler;
	}
	return ERR_PTR(-EOPNOTSUPP);
}

const char *xattr_full_name(const struct xattr_handler *handler,
			    const char *name)
{
	return name - strlen(xattr_prefix(handler));
}

int xattr_supports_user_prefix(struct inode *inode)
{
	const struct xattr_handler * const *handlers = inode->i_sb->s_xattr;
	const struct xattr_handler *handler;

	if (!(inode->i_opflags & IOP_XATTR)) {
		if (unlikely(is_bad_inode(inode)))
			return -EIO;
		return -EOPNOTSUPP;
	}
	for_each_xattr_handler(handlers, handler) {
		if (!strncmp(xattr_prefix(handler), XATTR_USER_PREFIX,
			     XATTR_USER_PREFIX_LEN))
			return 0;
	}
	return -EOPNOTSUPP;
}

static int xattr_permission(struct mnt_idmap *idmap, struct inode *inode,
			    const char *name, int mask)
{
	if (mask & MAY_WRITE) {
		if (IS_IMMUTABLE(inode) || IS_APPEND(inode))
			return -EPERM;
		if (HAS_UNMAPPED_ID(idmap, inode))
			return -EPERM;
	}
	/* system.* and security.* are the handlers' (and LSMs') business */
	if (!strncmp(name, XATTR_SECURITY_PREFIX, XATTR_SECURITY_PREFIX_LEN) ||
	    !strncmp(name, XATTR_SYSTEM_PREFIX, XATTR_SYSTEM_PREFIX_LEN))
		return 0;
	if (!strncmp(name, XATTR_TRUSTED_PREFIX, XATTR_TRUSTED_PREFIX_LEN)) {
		if (!capable(CAP_SYS_ADMIN))
			return (mask & MAY_WRITE) ? -EPERM : -ENODATA;
		return 0;
	}
	if (!strncmp(name, XATTR_USER_PREFIX, XATTR_USER_PREFIX_LEN)) {
		if (!S_ISREG(inode->i_mode) && !S_ISDIR(inode->i_mode))
			return (mask & MAY_WRITE) ? -EPERM : -ENODATA;
		if (S_ISDIR(inode->i_mode) && (inode->i_mode & S_ISVTX) &&
		    (mask & MAY_WRITE) &&
		    !inode_owner_or_capable(idmap, inode))
			return -EPERM;
	}
	return inode_permission(idmap, inode, mask);
}

ssize_t __vfs_getxattr(struct dentry *dentry, struct inode *inode,
		       const char *name, void *value, size_t size)
{
	const struct xattr_handler *handler;

	handler = xattr_resolve_name(inode, &name);
	if (IS_ERR(handler))
		return PTR_ERR(handler);
	if (!handler->get)
		return -EOPNOTSUPP;
	return handler->get(handler, dentry, inode, name, value, size);
}

/* the ACL xattrs are served from the ACL itself, in the xattr encoding */
static ssize_t get_acl_xattr(struct mnt_idmap *idmap, struct dentry *dentry,
			     const char *name, void *value, size_t size)
{
	struct posix_acl *acl = vfs_get_acl(idmap, dentry, name);
	ssize_t ret;

	if (IS_ERR(acl))
		return PTR_ERR(acl);
	if (!acl)
		return -ENODATA;
	ret = posix_acl_to_xattr(&init_user_ns, acl, value, size);
	posix_acl_release(acl);
	return ret;
}

ssize_t vfs_getxattr(struct mnt_idmap *idmap, struct dentry *dentry,
		     const char *name, void *value, size_t size)
{
	struct inode *inode = d_inode(dentry);
	int error;

	error = xattr_permission(idmap, inode, name, MAY_READ);
	if (error)
		return error;
	if (is_posix_acl_xattr(name))
		return get_acl_xattr(idmap, dentry, name, value, size);
	return __vfs_getxattr(dentry, inode, name, value, size);
}

int xattr_list_one(char **buffer, ssize_t *remaining_size, const char *name)
{
	size_t len = strlen(name) + 1;

	if (*buffer) {
		if (*remaining_size < len)
			return -ERANGE;
		memcpy(*buffer, name, len);
		*buffer += len;
	}
	*remaining_size -= len;
	return 0;
}

ssize_t generic_listxattr(struct dentry *dentry, char *buffer,
			  size_t buffer_size)
{
	const struct xattr_handler *handler, * const *handlers =
		dentry->d_sb->s_xattr;
	ssize_t remaining_size = buffer_size;
	int err;

	err = posix_acl_listxattr(d_inode(dentry), &buffer, &remaining_size);
	if (err)
		return err;
	for_each_xattr_handler(handlers, handler) {
		if (!handler->name || (handler->list && !handler->list(dentry)))
			continue;
		err = xattr_list_one(&buffer, &remaining_size, handler->name);
		if (err)
			return err;
	}
	return buffer_size - remaining_size;
}

ssize_t vfs_listxattr(struct dentry *dentry, char *list, size_t size)
{
	struct inode *inode = d_inode(dentry);

	if (inode->i_op->listxattr)
		return inode->i_op->listxattr(dentry, list, size);
	/* no LSM: nothing to list without a filesystem handler */
	return 0;
}
