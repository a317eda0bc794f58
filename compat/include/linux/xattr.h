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

/* string length of a namespace prefix, without the NUL */
#define KSHIM_XATTR_PFX_LEN(pfx) (sizeof(pfx) - 1)

#define XATTR_OS2_PREFIX "os2."
#define XATTR_OS2_PREFIX_LEN KSHIM_XATTR_PFX_LEN(XATTR_OS2_PREFIX)
#define XATTR_MAC_OSX_PREFIX "osx."
#define XATTR_MAC_OSX_PREFIX_LEN KSHIM_XATTR_PFX_LEN(XATTR_MAC_OSX_PREFIX)
#define XATTR_BTRFS_PREFIX "btrfs."
#define XATTR_BTRFS_PREFIX_LEN KSHIM_XATTR_PFX_LEN(XATTR_BTRFS_PREFIX)
#define XATTR_HURD_PREFIX "gnu."
#define XATTR_HURD_PREFIX_LEN KSHIM_XATTR_PFX_LEN(XATTR_HURD_PREFIX)
#define XATTR_SECURITY_PREFIX "security."
#define XATTR_SECURITY_PREFIX_LEN KSHIM_XATTR_PFX_LEN(XATTR_SECURITY_PREFIX)
#define XATTR_SYSTEM_PREFIX "system."
#define XATTR_SYSTEM_PREFIX_LEN KSHIM_XATTR_PFX_LEN(XATTR_SYSTEM_PREFIX)
#define XATTR_TRUSTED_PREFIX "trusted."
#define XATTR_TRUSTED_PREFIX_LEN KSHIM_XATTR_PFX_LEN(XATTR_TRUSTED_PREFIX)
#define XATTR_USER_PREFIX "user."
#define XATTR_USER_PREFIX_LEN KSHIM_XATTR_PFX_LEN(XATTR_USER_PREFIX)

#define XATTR_POSIX_ACL_ACCESS "posix_acl_access"
#define XATTR_NAME_POSIX_ACL_ACCESS "system." XATTR_POSIX_ACL_ACCESS
#define XATTR_POSIX_ACL_DEFAULT "posix_acl_default"
#define XATTR_NAME_POSIX_ACL_DEFAULT "system." XATTR_POSIX_ACL_DEFAULT
#define XATTR_CAPS_SUFFIX "capability"
#define XATTR_NAME_CAPS "security." XATTR_CAPS_SUFFIX

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
	bool (*list)(struct dentry *de);
	int (*get)(const struct xattr_handler *hd, struct dentry *de,
		   struct inode *ip, const char *name, void *buf,
		   size_t len);
	int (*set)(const struct xattr_handler *hd,
		   struct mnt_idmap *imap, struct dentry *de,
		   struct inode *ip, const char *name, const void *buf,
		   size_t len, int flags);
};

/* may names of @hd's namespace appear in listxattr of @de? */
static inline bool xattr_handler_can_list(const struct xattr_handler *hd,
					  struct dentry *de)
{
	if (!hd)
		return false;
	return !hd->list || hd->list(de);
}

static inline const char *xattr_prefix(const struct xattr_handler *hd)
{
	return hd->prefix ? hd->prefix : hd->name;
}

const char *xattr_full_name(const struct xattr_handler *hd,
			    const char *name);

/* one attribute to create, as security_inode_init_security hands them */
struct xattr {
	const char *name;
	void *value;
	size_t value_len;
};

ssize_t __vfs_getxattr(struct dentry *de, struct inode *ip,
		       const char *name, void *value, size_t len);
ssize_t vfs_getxattr(struct mnt_idmap *imap, struct dentry *de,
		     const char *name, void *value, size_t len);
ssize_t vfs_listxattr(struct dentry *de, char *list, size_t len);
int vfs_setxattr(struct mnt_idmap *imap, struct dentry *de,
		 const char *name, const void *value, size_t len, int flags);
int vfs_removexattr(struct mnt_idmap *imap, struct dentry *de,
		    const char *name);
int __vfs_setxattr(struct mnt_idmap *imap, struct dentry *de,
		   struct inode *ip, const char *name, const void *value,
		   size_t len, int flags);
int __vfs_setxattr_locked(struct mnt_idmap *imap, struct dentry *de,
			  const char *name, const void *value, size_t len,
			  int flags, struct inode **delegated_inode);
int __vfs_removexattr(struct mnt_idmap *imap, struct dentry *de,
		      const char *name);
ssize_t generic_listxattr(struct dentry *de, char *buf,
			  size_t buffer_size);
int xattr_supports_user_prefix(struct inode *ip);
int xattr_list_one(char **buf, ssize_t *left, const char *name);

#endif /* _LINUX_XATTR_H */
