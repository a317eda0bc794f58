/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The dentry cache's objects.  A dentry names an inode (or nothing: a
 * negative dentry) under its parent; d_lockref counts references under
 * d_lock; the children of a directory hang on d_children through d_sib;
 * the dentries of an inode hang on inode->i_dentry through d_u.d_alias.
 * d_flags carries the DCACHE_* bits the VFS keeps; the type tests
 * (d_is_dir(), ...) read the inode's mode, which is equivalent for a
 * dentry whose inode is stable, as the caller's reference guarantees.
 * All dcache operations are the VFS's (out of line).
 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/stat.h>
#include <linux/lockref.h>
#include <linux/bits.h>

struct inode;
struct path;
struct super_block;
struct vfsmount;

#define IS_ROOT(x) ((x) == (x)->d_parent)

/* a name, its length and its hash: the dcache's lookup key */
struct qstr {
	union {
		struct {
			u32 hash;
			u32 len;
		};
		u64 hash_len;
	};
	const unsigned char *name;
};

#define QSTR_INIT(n, l) { { { .len = l } }, .name = n }
#define QSTR(n) (struct qstr)QSTR_INIT(n, strlen(n))
#define hashlen_hash(hashlen) ((u32)(hashlen))
#define hashlen_len(hashlen) ((u32)((hashlen) >> 32))
#define hashlen_create(hash, len) ((u64)(len) << 32 | (u32)(hash))

extern const struct qstr empty_name;
extern const struct qstr slash_name;
extern const struct qstr dotdot_name;

#define DNAME_INLINE_LEN 40

enum d_real_type {
	D_REAL_DATA,
	D_REAL_METADATA,
};

struct dentry {
	unsigned int d_flags;
	struct hlist_node d_hash;	/* kshim: lookup hash chain */
	struct dentry *d_parent;
	struct qstr d_name;
	struct inode *d_inode;
	unsigned char d_iname[DNAME_INLINE_LEN];
	const struct dentry_operations *d_op;
	struct super_block *d_sb;
	unsigned long d_time;
	void *d_fsdata;
	struct lockref d_lockref;
	union {
		struct list_head d_lru;
		void *d_wait;
	};
	struct hlist_node d_sib;	/* in the parent's d_children */
	struct hlist_head d_children;
	union {
		struct hlist_node d_alias;	/* in inode->i_dentry */
		struct rcu_head d_rcu;
	} d_u;
};

#define d_lock d_lockref.lock

struct dentry_operations {
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	int (*d_weak_revalidate)(struct dentry *dentry, unsigned int flags);
	int (*d_hash)(const struct dentry *dentry, struct qstr *name);
	int (*d_compare)(const struct dentry *dentry, unsigned int len,
			 const char *str, const struct qstr *name);
	int (*d_delete)(const struct dentry *dentry);
	int (*d_init)(struct dentry *dentry);
	void (*d_release)(struct dentry *dentry);
	void (*d_prune)(struct dentry *dentry);
	void (*d_iput)(struct dentry *dentry, struct inode *inode);
	char *(*d_dname)(struct dentry *dentry, char *buf, int len);
	struct vfsmount *(*d_automount)(struct path *path);
	int (*d_manage)(const struct path *path, bool rcu);
	struct dentry *(*d_real)(struct dentry *dentry, enum d_real_type type);
} ____cacheline_aligned;

#define DCACHE_OP_HASH BIT(0)
#define DCACHE_OP_COMPARE BIT(1)
#define DCACHE_OP_REVALIDATE BIT(2)
#define DCACHE_OP_DELETE BIT(3)
#define DCACHE_OP_PRUNE BIT(4)
#define DCACHE_DISCONNECTED BIT(5)
#define DCACHE_REFERENCED BIT(6)
#define DCACHE_DONTCACHE BIT(7)
#define DCACHE_CANT_MOUNT BIT(8)
#define DCACHE_GENOCIDE BIT(9)
#define DCACHE_SHRINK_LIST BIT(10)
#define DCACHE_OP_WEAK_REVALIDATE BIT(11)
#define DCACHE_DENTRY_KILLED BIT(15)
#define DCACHE_MOUNTED BIT(16)
#define DCACHE_LRU_LIST BIT(19)
#define DCACHE_ENTRY_TYPE (7 << 20)
#define DCACHE_MISS_TYPE (0 << 20)
#define DCACHE_WHITEOUT_TYPE (1 << 20)
#define DCACHE_DIRECTORY_TYPE (2 << 20)
#define DCACHE_AUTODIR_TYPE (3 << 20)
#define DCACHE_REGULAR_TYPE (4 << 20)
#define DCACHE_SPECIAL_TYPE (5 << 20)
#define DCACHE_SYMLINK_TYPE (6 << 20)
#define DCACHE_PAR_LOOKUP BIT(28)
#define DCACHE_DENTRY_CURSOR BIT(29)
#define DCACHE_NORCU BIT(30)

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline struct inode *d_inode_rcu(const struct dentry *dentry)
{
	return READ_ONCE(dentry->d_inode);
}

static inline struct inode *d_backing_inode(const struct dentry *upper)
{
	return upper->d_inode;
}

static inline struct dentry *d_real(struct dentry *dentry,
				    enum d_real_type type)
{
	return dentry;
}

static inline struct inode *d_real_inode(const struct dentry *dentry)
{
	return d_backing_inode(dentry);
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline bool d_is_negative(const struct dentry *dentry)
{
	return d_really_is_negative(dentry);
}

static inline bool d_is_positive(const struct dentry *dentry)
{
	return d_really_is_positive(dentry);
}

/* the file type of the inode, 0 for a negative dentry */
static inline umode_t __d_kshim_type(const struct dentry *dentry)
{
	struct inode *inode = d_inode_rcu(dentry);

	/* struct inode begins with i_mode (asserted in linux/fs.h) */
	return inode ? *(const umode_t *)inode & S_IFMT : 0;
}

static inline bool d_can_lookup(const struct dentry *dentry)
{
	return __d_kshim_type(dentry) == S_IFDIR;
}

static inline bool d_is_dir(const struct dentry *dentry)
{
	return d_can_lookup(dentry);
}

static inline bool d_is_symlink(const struct dentry *dentry)
{
	return __d_kshim_type(dentry) == S_IFLNK;
}

static inline bool d_is_reg(const struct dentry *dentry)
{
	return __d_kshim_type(dentry) == S_IFREG;
}

static inline bool d_is_special(const struct dentry *dentry)
{
	umode_t type = __d_kshim_type(dentry);

	return type && type != S_IFDIR && type != S_IFLNK && type != S_IFREG;
}

static inline bool d_is_file(const struct dentry *dentry)
{
	return d_is_reg(dentry) || d_is_special(dentry);
}

static inline bool d_is_miss(const struct dentry *dentry)
{
	return d_is_negative(dentry);
}

static inline int d_unhashed(const struct dentry *dentry)
{
	return hlist_unhashed(&dentry->d_hash);
}

static inline int d_unlinked(const struct dentry *dentry)
{
	return d_unhashed(dentry) && !IS_ROOT(dentry);
}

static inline bool d_mountpoint(const struct dentry *dentry)
{
	return dentry->d_flags & DCACHE_MOUNTED;
}

static inline unsigned int d_count(const struct dentry *dentry)
{
	return dentry->d_lockref.count;
}

static inline struct dentry *dget_dlock(struct dentry *dentry)
{
	dentry->d_lockref.count++;
	return dentry;
}

static inline struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		lockref_get(&dentry->d_lockref);
	return dentry;
}

void dput(struct dentry *dentry);
struct dentry *dget_parent(struct dentry *dentry);
ino_t d_parent_ino(struct dentry *dentry);

void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_instantiate_new(struct dentry *dentry, struct inode *inode);
struct dentry *d_instantiate_unique(struct dentry *dentry,
				    struct inode *inode);
void d_tmpfile(struct file *file, struct inode *inode);
struct dentry *d_make_root(struct inode *root_inode);
struct dentry *d_obtain_alias(struct inode *inode);
struct dentry *d_obtain_root(struct inode *inode);
struct dentry *d_splice_alias(struct inode *inode, struct dentry *dentry);
struct dentry *d_find_alias(struct inode *inode);
struct dentry *d_find_any_alias(struct inode *inode);
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_anon(struct super_block *sb);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
void d_add(struct dentry *dentry, struct inode *inode);
void d_drop(struct dentry *dentry);
void __d_drop(struct dentry *dentry);
void d_delete(struct dentry *dentry);
void d_rehash(struct dentry *dentry);
void d_invalidate(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *dentry1, struct dentry *dentry2);
/* write path (vfs-fuse/dcache.c): tree relations and mount refusal */
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry);
struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2);
void dont_mount(struct dentry *dentry);
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
struct dentry *d_hash_and_lookup(struct dentry *dir, struct qstr *name);
void d_set_d_op(struct dentry *dentry, const struct dentry_operations *op);
void d_prune_aliases(struct inode *inode);
void shrink_dcache_sb(struct super_block *sb);
void shrink_dcache_parent(struct dentry *dentry);
void d_genocide(struct dentry *dentry);
char *dentry_path_raw(const struct dentry *dentry, char *buf, int buflen);
char *d_path(const struct path *path, char *buf, int buflen);

#endif /* _LINUX_DCACHE_H */
