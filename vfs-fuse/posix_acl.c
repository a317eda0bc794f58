// SPDX-License-Identifier: GPL-2.0-only
/*
 * POSIX ACLs (stands in for fs/posix_acl.c).
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
 *    user namespace;
 *  - setting (set_posix_acl, under the inode lock): only the owner or a
 *    CAP_FOWNER holder, only valid ACLs, a default ACL only on a
 *    directory (-EACCES), through ->set_acl, which keeps the mode in step
 *    (posix_acl_update_mode); chmod rewrites the access ACL
 *    (posix_acl_chmod); a new inode under a directory with a default ACL
 *    gets it (posix_acl_create), else the caller's umask.
 */
#include <linux/fs.h>
#include <linux/posix_acl.h>
#include <linux/posix_acl_xattr.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/xattr.h>

#define KSHIM_ACL_RWX	(ACL_READ | ACL_WRITE | ACL_EXECUTE)

/* where the inode caches an ACL of the given type */
static struct posix_acl **kshim_acl_slot(struct inode *ino, int kind)
{
	if (kind == ACL_TYPE_ACCESS)
		return &ino->i_acl;
	BUG_ON(kind != ACL_TYPE_DEFAULT);
	return &ino->i_default_acl;
}

/* --- the cache ---------------------------------------------------------- */

/* store @val in the slot; the reference the slot held (if any) is dropped */
static void kshim_acl_slot_replace(struct posix_acl **slot,
				   struct posix_acl *val)
{
	struct posix_acl *prev = xchg(slot, val);

	if (!is_uncached_acl(prev))
		posix_acl_release(prev);
}

struct posix_acl *get_cached_acl(struct inode *ino, int kind)
{
	struct posix_acl **slot = kshim_acl_slot(ino, kind);
	struct posix_acl *cur;

	rcu_read_lock();
	/*
	 * A cached ACL whose count already hit zero is on its way out: the
	 * slot has been replaced meanwhile, so read it again.
	 */
	do {
		cur = rcu_dereference(*slot);
	} while (cur && !is_uncached_acl(cur) &&
		 !refcount_inc_not_zero(&cur->a_refcount));
	rcu_read_unlock();
	return cur;
}

struct posix_acl *get_cached_acl_rcu(struct inode *ino, int kind)
{
	struct posix_acl *cur = rcu_dereference(*kshim_acl_slot(ino, kind));

	return cur == ACL_DONT_CACHE ? ERR_PTR(-ECHILD) : cur;
}

void set_cached_acl(struct inode *ino, int kind, struct posix_acl *acl)
{
	kshim_acl_slot_replace(kshim_acl_slot(ino, kind), posix_acl_dup(acl));
}

void forget_cached_acl(struct inode *ino, int kind)
{
	kshim_acl_slot_replace(kshim_acl_slot(ino, kind), ACL_NOT_CACHED);
}

void forget_all_cached_acls(struct inode *ino)
{
	kshim_acl_slot_replace(&ino->i_acl, ACL_NOT_CACHED);
	kshim_acl_slot_replace(&ino->i_default_acl, ACL_NOT_CACHED);
}

/* ask the filesystem; ->get_acl needs a dentry, ->get_inode_acl does not */
static struct posix_acl *kshim_acl_from_fs(struct mnt_idmap *idmap,
					   struct dentry *de,
					   struct inode *ino, int kind)
{
	const struct inode_operations *iop = ino->i_op;

	if (de && iop->get_acl)
		return iop->get_acl(idmap, de, kind);
	if (iop->get_inode_acl)
		return iop->get_inode_acl(ino, kind, false);
	return ERR_PTR(-EOPNOTSUPP);
}

static struct posix_acl *kshim_acl_fetch(struct mnt_idmap *idmap,
					 struct dentry *de,
					 struct inode *ino, int kind)
{
	struct posix_acl **slot = kshim_acl_slot(ino, kind);
	struct posix_acl *mark, *got;
	bool own_mark;

	got = get_cached_acl(ino, kind);
	if (!is_uncached_acl(got))
		return got;		/* cached: an ACL or NULL */
	if (!IS_POSIXACL(ino))
		return NULL;

	/*
	 * Claim the slot with a per-task odd marker (odd reads as uncached
	 * to everybody).  If another lookup or a set/forget is in progress
	 * the claim fails and the answer is simply not cached.
	 */
	mark = (struct posix_acl *)((unsigned long)current | 1UL);
	own_mark = cmpxchg(slot, ACL_NOT_CACHED, mark) == ACL_NOT_CACHED;

	got = kshim_acl_from_fs(idmap, de, ino, kind);

	if (!own_mark)
		return got;
	if (IS_ERR(got)) {
		/* give the slot back as "not cached" unless it moved on */
		cmpxchg(slot, mark, ACL_NOT_CACHED);
		return got;
	}
	/* the slot keeps its own reference if our marker is still there */
	posix_acl_dup(got);
	if (cmpxchg(slot, mark, got) != mark)
		posix_acl_release(got);
	return got;
}

struct posix_acl *get_inode_acl(struct inode *ino, int kind)
{
	return kshim_acl_fetch(&nop_mnt_idmap, NULL, ino, kind);
}

struct posix_acl *get_posix_acl(struct inode *ino, int kind)
{
	return get_inode_acl(ino, kind);
}

struct posix_acl *vfs_get_acl(struct mnt_idmap *idmap, struct dentry *de,
			      const char *xname)
{
	int kind = posix_acl_type(xname);

	if (kind < 0)
		return ERR_PTR(-EINVAL);
	return kshim_acl_fetch(idmap, de, d_inode(de), kind);
}

/* --- objects ------------------------------------------------------------ */

void posix_acl_init(struct posix_acl *acl, int n)
{
	acl->a_count = n;
	refcount_set(&acl->a_refcount, 1);
}

static size_t kshim_acl_bytes(unsigned int n)
{
	return sizeof(struct posix_acl) + n * sizeof(struct posix_acl_entry);
}

struct posix_acl *posix_acl_alloc(int n, gfp_t gfp)
{
	struct posix_acl *fresh = kmalloc(kshim_acl_bytes(n), gfp);

	if (fresh)
		posix_acl_init(fresh, n);
	return fresh;
}

struct posix_acl *posix_acl_clone(const struct posix_acl *src, gfp_t gfp)
{
	struct posix_acl *dup;

	if (!src)
		return NULL;
	dup = kmemdup(src, kshim_acl_bytes(src->a_count), gfp);
	if (dup)
		refcount_set(&dup->a_refcount, 1);	/* a private copy */
	return dup;
}

/*
 * The tags are single bits in their required order (USER_OBJ < USER <
 * GROUP_OBJ < GROUP < MASK < OTHER), so a well-formed ACL has
 * non-decreasing tags, the three base entries exactly once, the mask at
 * most once, and a mask whenever a named entry exists.
 */
int posix_acl_valid(struct user_namespace *ns, const struct posix_acl *acl)
{
	unsigned int seen = 0, i;
	int prev_tag = 0;

	for (i = 0; i < acl->a_count; i++) {
		const struct posix_acl_entry *e = &acl->a_entries[i];
		bool repeatable = e->e_tag == ACL_USER || e->e_tag == ACL_GROUP;

		if (e->e_perm & ~KSHIM_ACL_RWX)
			return -EINVAL;
		switch (e->e_tag) {
		case ACL_USER:
			if (!kuid_has_mapping(ns, e->e_uid))
				return -EINVAL;
			break;
		case ACL_GROUP:
			if (!kgid_has_mapping(ns, e->e_gid))
				return -EINVAL;
			break;
		case ACL_USER_OBJ:
		case ACL_GROUP_OBJ:
		case ACL_MASK:
		case ACL_OTHER:
			break;
		default:
			return -EINVAL;
		}
		if (e->e_tag < prev_tag ||
		    (e->e_tag == prev_tag && !repeatable))
			return -EINVAL;
		prev_tag = e->e_tag;
		seen |= e->e_tag;
	}

	if ((seen & (ACL_USER_OBJ | ACL_GROUP_OBJ | ACL_OTHER)) !=
	    (ACL_USER_OBJ | ACL_GROUP_OBJ | ACL_OTHER))
		return -EINVAL;
	if ((seen & (ACL_USER | ACL_GROUP)) && !(seen & ACL_MASK))
		return -EINVAL;
	return 0;
}

/* the mode bit shift that holds a base entry's permissions */
static int kshim_acl_mode_shift(int tag)
{
	switch (tag) {
	case ACL_USER_OBJ:
		return 6;
	case ACL_GROUP_OBJ:
	case ACL_MASK:
		return 3;
	default:
		return 0;
	}
}

int posix_acl_equiv_mode(const struct posix_acl *acl, umode_t *modep)
{
	umode_t bits = 0, mask_bits = 0;
	bool extended = false, has_mask = false;
	unsigned int i;

	if (!acl)
		return 0;

	for (i = 0; i < acl->a_count; i++) {
		const struct posix_acl_entry *e = &acl->a_entries[i];
		umode_t perm = e->e_perm & S_IRWXO;

		switch (e->e_tag) {
		case ACL_USER_OBJ:
		case ACL_GROUP_OBJ:
		case ACL_OTHER:
			bits |= perm << kshim_acl_mode_shift(e->e_tag);
			break;
		case ACL_MASK:
			has_mask = true;
			mask_bits = perm << 3;
			extended = true;
			break;
		case ACL_USER:
		case ACL_GROUP:
			extended = true;
			break;
		default:
			return -EINVAL;
		}
	}
	/* with a mask, the group bits of the mode show the mask */
	if (has_mask)
		bits = (bits & ~S_IRWXG) | mask_bits;
	if (modep)
		*modep = (*modep & ~S_IRWXUGO) | bits;
	return extended;
}

struct posix_acl *posix_acl_from_mode(umode_t mode, gfp_t gfp)
{
	static const short tags[] = { ACL_USER_OBJ, ACL_GROUP_OBJ, ACL_OTHER };
	struct posix_acl *acl = posix_acl_alloc(ARRAY_SIZE(tags), gfp);
	unsigned int i;

	if (!acl)
		return ERR_PTR(-ENOMEM);
	for (i = 0; i < ARRAY_SIZE(tags); i++) {
		acl->a_entries[i].e_tag = tags[i];
		acl->a_entries[i].e_perm =
			(mode >> kshim_acl_mode_shift(tags[i])) & S_IRWXO;
	}
	return acl;
}

/* --- permission --------------------------------------------------------- */

static const struct posix_acl_entry *
kshim_acl_find_tag(const struct posix_acl *acl, int tag)
{
	unsigned int i;

	for (i = 0; i < acl->a_count; i++)
		if (acl->a_entries[i].e_tag == tag)
			return &acl->a_entries[i];
	return NULL;
}

int posix_acl_permission(struct mnt_idmap *idmap, struct inode *ino,
			 const struct posix_acl *acl, int want)
{
	const struct posix_acl_entry *hit = NULL, *mask;
	bool masked = false, group_seen = false;
	unsigned int i;

	want &= MAY_READ | MAY_WRITE | MAY_EXEC;

	/* find the entry that decides, in POSIX.1e order */
	for (i = 0; i < acl->a_count && !hit; i++) {
		const struct posix_acl_entry *e = &acl->a_entries[i];
		bool member;

		switch (e->e_tag) {
		case ACL_USER_OBJ:
			if (uid_eq(ino->i_uid, current_fsuid()))
				hit = e;
			break;
		case ACL_USER:
			if (uid_eq(e->e_uid, current_fsuid())) {
				hit = e;
				masked = true;
			}
			break;
		case ACL_GROUP_OBJ:
		case ACL_GROUP:
			member = in_group_p(e->e_tag == ACL_GROUP ?
					    e->e_gid : ino->i_gid);
			if (!member)
				break;
			group_seen = true;
			/* a group entry decides only if it grants */
			if ((e->e_perm & want) == want) {
				hit = e;
				masked = true;
			}
			break;
		case ACL_MASK:
			break;
		case ACL_OTHER:
			/* some group matched but none granted */
			if (group_seen)
				return -EACCES;
			hit = e;
			break;
		default:
			return -EIO;
		}
	}
	if (!hit)
		return -EIO;

	if (masked) {
		mask = kshim_acl_find_tag(acl, ACL_MASK);
		/* the mask follows every masked entry in a valid ACL */
		if (mask && mask > hit)
			return (hit->e_perm & mask->e_perm & want) == want ?
				0 : -EACCES;
	}
	return (hit->e_perm & want) == want ? 0 : -EACCES;
}

/* --- creation and chmod ------------------------------------------------- */

/*
 * Locate the entries that carry the mode: owner, other, and the group
 * class (the mask if there is one, else the owning group).
 */
struct kshim_acl_base {
	struct posix_acl_entry *owner, *group_class, *other;
	bool extended;	/* named entries or a mask */
};

static int kshim_acl_base(struct posix_acl *acl, struct kshim_acl_base *b)
{
	struct posix_acl_entry *group_obj = NULL, *mask = NULL;
	unsigned int i;

	memset(b, 0, sizeof(*b));
	for (i = 0; i < acl->a_count; i++) {
		struct posix_acl_entry *e = &acl->a_entries[i];

		switch (e->e_tag) {
		case ACL_USER_OBJ:
			b->owner = e;
			break;
		case ACL_OTHER:
			b->other = e;
			break;
		case ACL_GROUP_OBJ:
			group_obj = e;
			break;
		case ACL_MASK:
			mask = e;
			b->extended = true;
			break;
		case ACL_USER:
		case ACL_GROUP:
			b->extended = true;
			break;
		default:
			return -EIO;
		}
	}
	b->group_class = mask ? mask : group_obj;
	return b->group_class ? 0 : -EIO;
}

/* intersect one entry with its mode class, both ways */
static void kshim_acl_meet(struct posix_acl_entry *e, umode_t *mode, int shift)
{
	if (!e)
		return;
	e->e_perm &= ((*mode >> shift) & S_IRWXO) | ~S_IRWXO;
	*mode &= ~((umode_t)S_IRWXO << shift) |
		 ((umode_t)(e->e_perm & S_IRWXO) << shift);
}

/* a new inode: the inherited ACL and the requested mode restrict each other */
static int kshim_acl_create_masq(struct posix_acl *acl, umode_t *modep)
{
	struct kshim_acl_base b;
	umode_t mode = *modep;
	int err = kshim_acl_base(acl, &b);

	if (err)
		return err;
	kshim_acl_meet(b.owner, &mode, 6);
	kshim_acl_meet(b.other, &mode, 0);
	kshim_acl_meet(b.group_class, &mode, 3);
	*modep = (*modep & ~S_IRWXUGO) | (mode & S_IRWXUGO);
	return b.extended;
}

/* chmod: the base entries take the new mode's bits */
static int kshim_acl_chmod_masq(struct posix_acl *acl, umode_t mode)
{
	struct kshim_acl_base b;
	int err = kshim_acl_base(acl, &b);

	if (err)
		return err;
	if (b.owner)
		b.owner->e_perm = (mode >> 6) & S_IRWXO;
	if (b.other)
		b.other->e_perm = mode & S_IRWXO;
	b.group_class->e_perm = (mode >> 3) & S_IRWXO;
	return 0;
}

/*
 * Replace *@aclp by a modified private copy (or NULL on failure); the
 * reference on the original is always dropped.
 */
static int kshim_acl_rework(struct posix_acl **aclp, gfp_t gfp,
			    int (*edit)(struct posix_acl *, void *), void *arg)
{
	struct posix_acl *copy = posix_acl_clone(*aclp, gfp);
	int err = -ENOMEM;

	if (copy) {
		err = edit(copy, arg);
		if (err < 0) {
			posix_acl_release(copy);
			copy = NULL;
		}
	}
	posix_acl_release(*aclp);
	*aclp = copy;
	return err;
}

static int kshim_edit_create(struct posix_acl *acl, void *arg)
{
	return kshim_acl_create_masq(acl, arg);
}

static int kshim_edit_chmod(struct posix_acl *acl, void *arg)
{
	return kshim_acl_chmod_masq(acl, *(umode_t *)arg);
}

int __posix_acl_create(struct posix_acl **aclp, gfp_t gfp, umode_t *modep)
{
	return kshim_acl_rework(aclp, gfp, kshim_edit_create, modep);
}

int __posix_acl_chmod(struct posix_acl **aclp, gfp_t gfp, umode_t mode)
{
	return kshim_acl_rework(aclp, gfp, kshim_edit_chmod, &mode);
}

int posix_acl_chmod(struct mnt_idmap *idmap, struct dentry *de, umode_t mode)
{
	struct inode *ino = d_inode(de);
	struct posix_acl *access;
	int err;

	if (!IS_POSIXACL(ino))
		return 0;
	if (!ino->i_op->set_acl)
		return -EOPNOTSUPP;

	access = get_inode_acl(ino, ACL_TYPE_ACCESS);
	if (access == ERR_PTR(-EOPNOTSUPP) || !access)
		return 0;	/* nothing to keep in step with the mode */
	if (IS_ERR(access))
		return PTR_ERR(access);

	err = __posix_acl_chmod(&access, GFP_KERNEL, mode);
	if (!err) {
		err = ino->i_op->set_acl(idmap, de, access, ACL_TYPE_ACCESS);
		posix_acl_release(access);
	}
	return err;
}

int posix_acl_create(struct inode *dir, umode_t *modep,
		     struct posix_acl **dflt_out, struct posix_acl **acl_out)
{
	struct posix_acl *inherited, *access;
	int err;

	*dflt_out = NULL;
	*acl_out = NULL;
	if (S_ISLNK(*modep) || !IS_POSIXACL(dir))
		return 0;

	inherited = get_inode_acl(dir, ACL_TYPE_DEFAULT);
	if (!inherited || inherited == ERR_PTR(-EOPNOTSUPP)) {
		/* no default ACL: the umask applies instead */
		*modep &= ~current_umask();
		return 0;
	}
	if (IS_ERR(inherited))
		return PTR_ERR(inherited);

	access = posix_acl_clone(inherited, GFP_NOFS);
	err = access ? kshim_acl_create_masq(access, modep) : -ENOMEM;
	if (err <= 0) {
		/* failure, or the mode says it all: no access ACL */
		posix_acl_release(access);
		access = NULL;
	}
	if (err < 0) {
		posix_acl_release(inherited);
		return err;
	}
	*acl_out = access;

	/* directories pass the default ACL on to their children */
	if (S_ISDIR(*modep))
		*dflt_out = inherited;
	else
		posix_acl_release(inherited);
	return 0;
}

int posix_acl_update_mode(struct mnt_idmap *idmap, struct inode *ino,
			  umode_t *modep, struct posix_acl **aclp)
{
	umode_t mode = ino->i_mode;
	int extended = posix_acl_equiv_mode(*aclp, &mode);

	if (extended < 0)
		return extended;
	if (!extended)
		*aclp = NULL;	/* the mode bits express it fully */
	/* setgid survives only for group members or CAP_FSETID holders */
	if (!in_group_p(ino->i_gid) &&
	    !capable_wrt_inode_uidgid(idmap, ino, CAP_FSETID))
		mode &= ~S_ISGID;
	*modep = mode;
	return 0;
}

/* --- setting ----------------------------------------------------------- */

/*
 * Replace (or with @acl NULL remove) the ACL of @kind on @de's inode
 * through the filesystem's ->set_acl.  The caller holds the inode lock.
 */
int set_posix_acl(struct mnt_idmap *idmap, struct dentry *de, int kind,
		  struct posix_acl *acl)
{
	struct inode *ino = d_inode(de);

	if (!IS_POSIXACL(ino) || !ino->i_op->set_acl)
		return -EOPNOTSUPP;
	/* only directories have a default ACL; removing none is fine */
	if (kind == ACL_TYPE_DEFAULT && !S_ISDIR(ino->i_mode))
		return acl ? -EACCES : 0;
	if (!inode_owner_or_capable(idmap, ino))
		return -EPERM;
	if (acl) {
		int err = posix_acl_valid(i_user_ns(ino), acl);

		if (err)
			return err;
	}
	return ino->i_op->set_acl(idmap, de, acl, kind);
}

/*
 * setxattr(2) of system.posix_acl_*: beyond the owner check of
 * set_posix_acl(), only what the inode itself forbids (immutable,
 * append-only, ids unknown) stops a change.
 */
int vfs_set_acl(struct mnt_idmap *idmap, struct dentry *de, const char *xname,
		struct posix_acl *acl)
{
	int kind = posix_acl_type(xname);
	struct inode *ino = d_inode(de);
	int err;

	if (kind < 0)
		return -EINVAL;
	if (acl) {
		err = posix_acl_valid(i_user_ns(ino), acl);
		if (err)
			return err;
	}
	inode_lock(ino);
	if (IS_IMMUTABLE(ino) || IS_APPEND(ino) ||
	    HAS_UNMAPPED_ID(idmap, ino))
		err = -EPERM;
	else if (ino->i_opflags & IOP_XATTR)
		err = set_posix_acl(idmap, de, kind, acl);
	else
		err = is_bad_inode(ino) ? -EIO : -EOPNOTSUPP;
	inode_unlock(ino);
	return err;
}

int vfs_remove_acl(struct mnt_idmap *idmap, struct dentry *de,
		   const char *xname)
{
	return vfs_set_acl(idmap, de, xname, NULL);
}

/* --- the xattr encoding ------------------------------------------------- */

/* decode one on-disk entry; false if it cannot be represented */
static bool kshim_acl_decode(struct user_namespace *ns,
			     const struct posix_acl_xattr_entry *raw,
			     struct posix_acl_entry *e)
{
	u32 id = le32_to_cpu(raw->e_id);

	e->e_tag = le16_to_cpu(raw->e_tag);
	e->e_perm = le16_to_cpu(raw->e_perm);
	switch (e->e_tag) {
	case ACL_USER:
		e->e_uid = make_kuid(ns, id);
		return uid_valid(e->e_uid);
	case ACL_GROUP:
		e->e_gid = make_kgid(ns, id);
		return gid_valid(e->e_gid);
	case ACL_USER_OBJ:
	case ACL_GROUP_OBJ:
	case ACL_MASK:
	case ACL_OTHER:
		return true;
	default:
		return false;
	}
}

struct posix_acl *posix_acl_from_xattr(struct user_namespace *ns,
				       const void *buf, size_t len)
{
	const struct posix_acl_xattr_header *hdr = buf;
	const struct posix_acl_xattr_entry *raw;
	struct posix_acl *acl;
	int n, i;

	if (!buf)
		return NULL;
	if (len < sizeof(*hdr))
		return ERR_PTR(-EINVAL);
	if (le32_to_cpu(hdr->a_version) != POSIX_ACL_XATTR_VERSION)
		return ERR_PTR(-EOPNOTSUPP);
	n = posix_acl_xattr_count(len);
	if (n <= 0)
		return n ? ERR_PTR(-EINVAL) : NULL;

	acl = posix_acl_alloc(n, GFP_NOFS);
	if (!acl)
		return ERR_PTR(-ENOMEM);
	raw = (const struct posix_acl_xattr_entry *)(hdr + 1);
	for (i = 0; i < n; i++) {
		if (!kshim_acl_decode(ns, &raw[i], &acl->a_entries[i])) {
			posix_acl_release(acl);
			return ERR_PTR(-EINVAL);
		}
	}
	return acl;
}

int posix_acl_to_xattr(struct user_namespace *ns, const struct posix_acl *acl,
		       void *buf, size_t len)
{
	int need = posix_acl_xattr_size(acl->a_count);
	struct posix_acl_xattr_header *hdr = buf;
	struct posix_acl_xattr_entry *raw;
	unsigned int i;

	if (!buf)
		return need;	/* a size query */
	if (len < (size_t)need)
		return -ERANGE;

	hdr->a_version = cpu_to_le32(POSIX_ACL_XATTR_VERSION);
	raw = (struct posix_acl_xattr_entry *)(hdr + 1);
	for (i = 0; i < acl->a_count; i++) {
		const struct posix_acl_entry *e = &acl->a_entries[i];
		u32 id = ACL_UNDEFINED_ID;

		if (e->e_tag == ACL_USER)
			id = from_kuid(ns, e->e_uid);
		else if (e->e_tag == ACL_GROUP)
			id = from_kgid(ns, e->e_gid);
		raw[i].e_tag = cpu_to_le16(e->e_tag);
		raw[i].e_perm = cpu_to_le16(e->e_perm);
		raw[i].e_id = cpu_to_le32(id);
	}
	return need;
}

int posix_acl_listxattr(struct inode *ino, char **pos, ssize_t *left)
{
	int err = 0;

	if (!IS_POSIXACL(ino))
		return 0;
	/* a slot that is not NULL may hold an ACL: list its name */
	if (ino->i_acl)
		err = xattr_list_one(pos, left, XATTR_NAME_POSIX_ACL_ACCESS);
	if (!err && ino->i_default_acl)
		err = xattr_list_one(pos, left, XATTR_NAME_POSIX_ACL_DEFAULT);
	return err;
}

/* handlers that only name the ACL xattrs (for ->listxattr of a filesystem) */
const struct xattr_handler nop_posix_acl_access = {
	.name = XATTR_NAME_POSIX_ACL_ACCESS,
};

const struct xattr_handler nop_posix_acl_default = {
	.name = XATTR_NAME_POSIX_ACL_DEFAULT,
};
