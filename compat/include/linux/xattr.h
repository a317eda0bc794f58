/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Extended attributes: the name-space prefixes and flags of the Linux ABI,
 * and the per-namespace handlers a filesystem registers in sb->s_xattr.
 * The VFS picks the handler whose prefix (or exact name) matches and
 * calls ->get/->set with the name past the prefix.
 */
#ifndef _LINUX_XATTR_H
#define _LINUX_XATTR_H

#include <linux/types.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mm_types.h>
#include <linux/string.h>

struct inode;
struct dentry;
struct mnt_idmap;

#define XATTR_CREATE 0x1
#define XATTR_REPLACE 0x2

#define XATTR_OS2_PREFIX "os2."
#define XATTR_OS2_PREFIX_LEN (sizeof(XATTR_OS2_PREFIX) - 1)
#define XATTR_MAC_OSX_PREFIX "osx."
#define XATTR_MAC_OSX_PREFIX_LEN (sizeof(XATTR_MAC_OSX_PREFIX) - 1)
#define XATTR_BTRFS_PREFIX "btrfs."
#define XATTR_BTRFS_PREFIX_LEN (sizeof(XATTR_BTRFS_PREFIX) - 1)
#define XATTR_HURD_PREFIX "gnu."
#define XATTR_HURD_PREFIX_LEN (sizeof(XATTR_HURD_PREFIX) - 1)
#define XATTR_SECURITY_PREFIX "security."
#define XATTR_SECURITY_PREFIX_LEN (sizeof(XATTR_SECURITY_PREFIX) - 1)
#define XATTR_SYSTEM_PREFIX "system."
#define XATTR_SYSTEM_PREFIX_LEN (sizeof(XATTR_SYSTEM_PREFIX) - 1)
#define XATTR_TRUSTED_PREFIX "trusted."
#define XATTR_TRUSTED_PREFIX_LEN (sizeof(XATTR_TRUSTED_PREFIX) - 1)
#define XATTR_USER_PREFIX "user."
#define XATTR_USER_PREFIX_LEN (sizeof(XATTR_USER_PREFIX) - 1)

#define XATTR_POSIX_ACL_ACCESS "posix_acl_access"
#define XATTR_NAME_POSIX_ACL_ACCESS XATTR_SYSTEM_PREFIX XATTR_POSIX_ACL_ACCESS
#define XATTR_POSIX_ACL_DEFAULT "posix_acl_default"
#define XATTR_NAME_POSIX_ACL_DEFAULT XATTR_SYSTEM_PREFIX XATTR_POSIX_ACL_DEFAULT
#define XATTR_CAPS_SUFFIX "capability"
#define XATTR_NAME_CAPS XATTR_SECURITY_PREFIX XATTR_CAPS_SUFFIX

#define XATTR_NAME_MAX 255
#define XATTR_SIZE_MAX 65536
#define XATTR_LIST_MAX 65536

static inline bool is_posix_acl_xattr(const char *name)
{
	return !strcmp(name, XATTR_NAME_POSIX_ACL_ACCESS) ||
	       !strcmp(name, XATTR_NAME_POSIX_ACL_DEFAULT);
}

struct xattr_handler {
	const char *name;	/* exact name, or NULL */
	const char *prefix;	/* name prefix, when name is NULL */
	int flags;		/* filesystem private */
	bool (*list)(struct dentry *dentry);
	int (*get)(const struct xattr_handler *handler, struct dentry *dentry,
		   struct inode *inode, const char *name, void *buffer,
		   size_t size);
	int (*set)(const struct xattr_handler *handler,
		   struct mnt_idmap *idmap, struct dentry *dentry,
		   struct inode *inode, const char *name, const void *buffer,
		   size_t size, int flags);
};

/* may names of @handler's namespace appear in listxattr of @dentry? */
static inline bool xattr_handler_can_list(const struct xattr_handler *handler,
					  struct dentry *dentry)
{
	if (!handler)
		return false;
	return !handler->list || handler->list(dentry);
}

static inline const char *xattr_prefix(const struct xattr_handler *handler)
{
	return handler->prefix ? handler->prefix : handler->name;
}

const char *xattr_full_name(const struct xattr_handler *handler,
			    const char *name);

/* one attribute to create, as security_inode_init_security hands them */
struct xattr {
	const char *name;
	void *value;
	size_t value_len;
};

ssize_t __vfs_getxattr(struct dentry *dentry, struct inode *inode,
		       const char *name, void *value, size_t size);
ssize_t vfs_getxattr(struct mnt_idmap *idmap, struct dentry *dentry,
		     const char *name, void *value, size_t size);
ssize_t vfs_listxattr(struct dentry *dentry, char *list, size_t size);
int vfs_setxattr(struct mnt_idmap *idmap, struct dentry *dentry,
		 const char *name, const void *value, size_t size, int flags);
int vfs_removexattr(struct mnt_idmap *idmap, struct dentry *dentry,
		    const char *name);
ssize_t generic_listxattr(struct dentry *dentry, char *buffer,
			  size_t buffer_size);
int xattr_supports_user_prefix(struct inode *inode);
int xattr_list_one(char **buffer, ssize_t *remaining_size, const char *name);

#endif /* _LINUX_XATTR_H */
