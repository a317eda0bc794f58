/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The user-visible encoding of an ACL in the system.posix_acl_* xattrs:
 * a little-endian version header followed by (tag, perm, id) entries.
 * Conversion to and from struct posix_acl is the VFS's.
 */
#ifndef _POSIX_ACL_XATTR_H
#define _POSIX_ACL_XATTR_H

#include <linux/types.h>
#include <linux/string.h>
#include <linux/xattr.h>
#include <linux/posix_acl.h>

#define POSIX_ACL_XATTR_VERSION 0x0002

struct posix_acl_xattr_entry {
	__le16 e_tag;
	__le16 e_perm;
	__le32 e_id;
};

struct posix_acl_xattr_header {
	__le32 a_version;
};

static inline size_t posix_acl_xattr_size(int count)
{
	return sizeof(struct posix_acl_xattr_header) +
	       count * sizeof(struct posix_acl_xattr_entry);
}

/* entries in an xattr value of @size bytes, -1 if the size is malformed */
static inline int posix_acl_xattr_count(size_t size)
{
	size_t body;

	if (size < sizeof(struct posix_acl_xattr_header))
		return -1;
	body = size - sizeof(struct posix_acl_xattr_header);
	if (body % sizeof(struct posix_acl_xattr_entry))
		return -1;
	return body / sizeof(struct posix_acl_xattr_entry);
}

struct posix_acl *posix_acl_from_xattr(struct user_namespace *user_ns,
				       const void *value, size_t size);
int posix_acl_to_xattr(struct user_namespace *user_ns,
		       const struct posix_acl *acl, void *buffer, size_t size);

static inline const char *posix_acl_xattr_name(int type)
{
	if (type == ACL_TYPE_ACCESS)
		return XATTR_NAME_POSIX_ACL_ACCESS;
	if (type == ACL_TYPE_DEFAULT)
		return XATTR_NAME_POSIX_ACL_DEFAULT;
	return "";
}

static inline int posix_acl_type(const char *name)
{
	if (!strcmp(name, XATTR_NAME_POSIX_ACL_ACCESS))
		return ACL_TYPE_ACCESS;
	if (!strcmp(name, XATTR_NAME_POSIX_ACL_DEFAULT))
		return ACL_TYPE_DEFAULT;
	return -1;
}

extern const struct xattr_handler nop_posix_acl_access;
extern const struct xattr_handler nop_posix_acl_default;

#endif /* _POSIX_ACL_XATTR_H */
