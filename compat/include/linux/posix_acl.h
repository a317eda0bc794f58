/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * POSIX access control lists (fs/posix_acl.c).  A struct posix_acl is
 * immutable once published and reference counted: posix_acl_dup() takes
 * a reference, posix_acl_release() drops one and frees the ACL after an
 * RCU grace period when it was the last, because cached ACLs
 * (inode->i_acl) are read under RCU.  ACL_NOT_CACHED in i_acl means "ask
 * the filesystem".
 */
#ifndef __LINUX_POSIX_ACL_H
#define __LINUX_POSIX_ACL_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/uidgid_types.h>

struct dentry;
struct inode;
struct mnt_idmap;
struct user_namespace;

#define ACL_UNDEFINED_ID (-1)

#define ACL_TYPE_ACCESS (0x8000)
#define ACL_TYPE_DEFAULT (0x4000)

#define ACL_USER_OBJ (0x01)
#define ACL_USER (0x02)
#define ACL_GROUP_OBJ (0x04)
#define ACL_GROUP (0x08)
#define ACL_MASK (0x10)
#define ACL_OTHER (0x20)

#define ACL_READ (0x04)
#define ACL_WRITE (0x02)
#define ACL_EXECUTE (0x01)

#define ACL_NOT_CACHED ((void *)(-1))
#define ACL_DONT_CACHE ((void *)(-3))

/* ACL_NOT_CACHED, ACL_DONT_CACHE and a lookup's sentinel all have bit 0 set */
static inline bool is_uncached_acl(struct posix_acl *acl)
{
	return (long)acl & 1;
}

struct posix_acl_entry {
	short e_tag;
	unsigned short e_perm;
	union {
		kuid_t e_uid;
		kgid_t e_gid;
	};
};

struct posix_acl {
	refcount_t a_refcount;
	struct rcu_head a_rcu;
	unsigned int a_count;
	struct posix_acl_entry a_entries[];
};

#define FOREACH_ACL_ENTRY(pa, acl, pe)                                      \
	for (pa = (acl)->a_entries, pe = pa + (acl)->a_count; pa < pe; pa++)

static inline struct posix_acl *posix_acl_dup(struct posix_acl *acl)
{
	if (acl)
		refcount_inc(&acl->a_refcount);
	return acl;
}

static inline void posix_acl_release(struct posix_acl *acl)
{
	if (acl && refcount_dec_and_test(&acl->a_refcount))
		kfree_rcu(acl, a_rcu);
}

void posix_acl_init(struct posix_acl *acl, int count);
struct posix_acl *posix_acl_alloc(int count, gfp_t flags);
struct posix_acl *posix_acl_from_mode(umode_t mode, gfp_t flags);
int posix_acl_equiv_mode(const struct posix_acl *acl, umode_t *mode_p);
int __posix_acl_create(struct posix_acl **acl, gfp_t gfp, umode_t *mode_p);
int __posix_acl_chmod(struct posix_acl **acl, gfp_t gfp, umode_t mode);
struct posix_acl *get_posix_acl(struct inode *inode, int type);
int set_posix_acl(struct mnt_idmap *idmap, struct dentry *dentry, int type,
		  struct posix_acl *acl);
struct posix_acl *get_cached_acl_rcu(struct inode *inode, int type);
struct posix_acl *posix_acl_clone(const struct posix_acl *acl, gfp_t flags);
int posix_acl_chmod(struct mnt_idmap *idmap, struct dentry *dentry,
		    umode_t mode);
int posix_acl_create(struct inode *dir, umode_t *mode,
		     struct posix_acl **default_acl, struct posix_acl **acl);
int posix_acl_update_mode(struct mnt_idmap *idmap, struct inode *inode,
			  umode_t *mode_p, struct posix_acl **acl);
int simple_set_acl(struct mnt_idmap *idmap, struct dentry *dentry,
		   struct posix_acl *acl, int type);
int simple_acl_create(struct inode *dir, struct inode *inode);
struct posix_acl *get_cached_acl(struct inode *inode, int type);
void set_cached_acl(struct inode *inode, int type, struct posix_acl *acl);
void forget_cached_acl(struct inode *inode, int type);
void forget_all_cached_acls(struct inode *inode);
int posix_acl_valid(struct user_namespace *user_ns,
		    const struct posix_acl *acl);
int posix_acl_permission(struct mnt_idmap *idmap, struct inode *inode,
			 const struct posix_acl *acl, int want);
int vfs_set_acl(struct mnt_idmap *idmap, struct dentry *dentry,
		const char *acl_name, struct posix_acl *kacl);
struct posix_acl *vfs_get_acl(struct mnt_idmap *idmap, struct dentry *dentry,
			      const char *acl_name);
int vfs_remove_acl(struct mnt_idmap *idmap, struct dentry *dentry,
		   const char *acl_name);
int posix_acl_listxattr(struct inode *inode, char **buffer,
			ssize_t *remaining_size);
struct posix_acl *get_inode_acl(struct inode *inode, int type);

/* a new inode with no ACLs: nothing to look up later */
static inline void cache_no_acl(struct inode *inode)
{
	set_cached_acl(inode, ACL_TYPE_ACCESS, NULL);
	set_cached_acl(inode, ACL_TYPE_DEFAULT, NULL);
}

#endif /* __LINUX_POSIX_ACL_H */
