// SPDX-License-Identifier: GPL-2.0-only
/*
 * The dentry cache (fs/dcache.c) and lockref (lib/lockref.c).
 *
 * Kernel guarantees kept:
 *  - a dentry holds a reference on its parent and, when positive, on its
 *    inode; d_count() counts the users; dput() of the last reference keeps
 *    a hashed dentry cached (on its super block's LRU), positive or
 *    negative, and frees unhashed ones: a negative dentry remembers that
 *    a name is absent, so the create that usually follows a failed
 *    lookup finds it without asking the driver again;
 *  - d_lookup() finds a hashed child by (parent, name) and takes a
 *    reference; a dentry being killed is unhashed first and never found;
 *  - one lookup of a given (parent, name) runs ->lookup at a time
 *    (d_alloc_parallel): a second waits and then finds the first's result;
 *  - d_splice_alias() returns an existing alias of a directory (moved into
 *    place) instead of creating a second one; for other inodes it
 *    instantiates and hashes the new dentry and returns NULL;
 *  - dentries are freed after an RCU grace period: lockless lookups may
 *    still be walking the hash chain;
 *  - renames: d_move() puts a dentry in the target's place and leaves the
 *    target unhashed, d_exchange() swaps two dentries' places (both stay
 *    hashed); d_ancestor()/is_subdir() answer under the tree lock for
 *    callers holding s_vfs_rename_mutex.
 *
 * Locking (kshim's own scheme, simpler than the kernel's): the tree lock
 * guards the shape of the tree (d_parent, d_children/d_sib, inode
 * aliases, the in-lookup list) and is taken only to change it or to kill
 * a dentry; d_lock guards d_lockref, d_flags and d_inode; a bucket lock
 * guards each hash chain for writers, readers walk it under RCU.
 * Order: tree lock > d_lock > (bucket lock, s_lru_lock).  Only the holder
 * of the tree lock ever holds two d_locks.
 */
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/lockref.h>
#include <linux/stringhash.h>
#include <linux/hash.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/wait_bit.h>
#include <linux/sched.h>
#include <linux/security.h>

#include "kshim-vfs-internal.h"

const struct qstr empty_name = QSTR_INIT((const unsigned char *)"", 0);
const struct qstr slash_name = QSTR_INIT((const unsigned char *)"/", 1);
const struct qstr dotdot_name = QSTR_INIT((const unsigned char *)"..", 2);

#define D_HASH_BITS 14
#define D_HASH_LOCKS 256

static struct hlist_head dentry_hashtable[1 << D_HASH_BITS];
static spinlock_t dentry_hash_locks[D_HASH_LOCKS];
static DEFINE_SPINLOCK(tree_lock);
static LIST_HEAD(in_lookup_list);
static struct kmem_cache *dentry_cache;
static atomic_long_t nr_dentry_unused;

/* --- lockref ------------------------------------------------------------ */

void lockref_get(struct lockref *lockref)
{
	spin_lock(&lockref->lock);
	lockref->count++;
	spin_unlock(&lockref->lock);
}

bool lockref_get_not_zero(struct lockref *lockref)
{
	bool ret = false;

	spin_lock(&lockref->lock);
	if (lockref->count > 0) {
		lockref->count++;
		ret = true;
	}
	spin_unlock(&lockref->lock);
	return ret;
}

int lockref_put_return(struct lockref *lockref)
{
	int ret = -1;

	spin_lock(&lockref->lock);
	if (lockref->count > 0)
		ret = --lockref->count;
	spin_unlock(&lockref->lock);
	return ret;
}

/* drop a reference unless it is the last: then return false, locked */
bool lockref_put_or_lock(struct lockref *lockref)
{
	spin_lock(&lockref->lock);
	if (lockref->count <= 1)
		return false;
	lockref->count--;
	spin_unlock(&lockref->lock);
	return true;
}

void lockref_mark_dead(struct lockref *lockref)
{
	assert_spin_locked(&lockref->lock);
	lockref->count = -128;
}

bool lockref_get_not_dead(struct lockref *lockref)
{
	bool ret = false;

	spin_lock(&lockref->lock);
	if (lockref->count >= 0) {
		lockref->count++;
		ret = true;
	}
	spin_unlock(&lockref->lock);
	return ret;
}

/* --- allocation --------------------------------------------------------- */

static unsigned int d_bucket_index(const struct dentry *parent, u32 hash)
{
	return hash_long((unsigned long)parent ^ hash, D_HASH_BITS);
}

static bool dname_external(const struct dentry *dentry)
{
	return dentry->d_name.name != dentry->d_iname;
}

static void dentry_free_rcu(struct rcu_head *head)
{
	struct dentry *dentry = container_of(head, struct dentry, d_u.d_rcu);

	if (dname_external(dentry))
		kfree(dentry->d_name.name);
	kmem_cache_free(dentry_cache, dentry);
}

static void dentry_free(struct dentry *dentry)
{
	call_rcu(&dentry->d_u.d_rcu, dentry_free_rcu);
}

void d_set_d_op(struct dentry *dentry, const struct dentry_operations *op)
{
	dentry->d_op = op;
	dentry->d_flags &= ~(DCACHE_OP_HASH | DCACHE_OP_COMPARE |
			     DCACHE_OP_REVALIDATE | DCACHE_OP_WEAK_REVALIDATE |
			     DCACHE_OP_DELETE | DCACHE_OP_PRUNE);
	if (!op)
		return;
	if (op->d_hash)
		dentry->d_flags |= DCACHE_OP_HASH;
	if (op->d_compare)
		dentry->d_flags |= DCACHE_OP_COMPARE;
	if (op->d_revalidate)
		dentry->d_flags |= DCACHE_OP_REVALIDATE;
	if (op->d_weak_revalidate)
		dentry->d_flags |= DCACHE_OP_WEAK_REVALIDATE;
	if (op->d_delete)
		dentry->d_flags |= DCACHE_OP_DELETE;
	if (op->d_prune)
		dentry->d_flags |= DCACHE_OP_PRUNE;
}

static struct dentry *__d_alloc(struct super_block *sb,
				const struct qstr *name)
{
	struct dentry *dentry;
	char *dname;

	dentry = kmem_cache_alloc(dentry_cache, GFP_KERNEL);
	if (!dentry)
		return NULL;
	memset(dentry, 0, sizeof(*dentry));
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kmem_cache_free(dentry_cache, dentry);
			return NULL;
		}
	} else {
		dname = (char *)dentry->d_iname;
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = '\0';
	dentry->d_name.name = (unsigned char *)dname;
	dentry->d_name.hash_len = name->hash_len;

	spin_lock_init(&dentry->d_lock);
	dentry->d_lockref.count = 1;
	dentry->d_parent = dentry;
	dentry->d_sb = sb;
	INIT_HLIST_NODE(&dentry->d_hash);
	INIT_LIST_HEAD(&dentry->d_lru);
	INIT_HLIST_HEAD(&dentry->d_children);
	INIT_HLIST_NODE(&dentry->d_sib);
	INIT_HLIST_NODE(&dentry->d_u.d_alias);
	d_set_d_op(dentry, sb->s_d_op);

	if (dentry->d_op && dentry->d_op->d_init &&
	    dentry->d_op->d_init(dentry)) {
		if (dname_external(dentry))
			kfree(dentry->d_name.name);
		kmem_cache_free(dentry_cache, dentry);
		return NULL;
	}
	return dentry;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (!dentry)
		return NULL;
	spin_lock(&tree_lock);
	dentry->d_parent = dget(parent);
	hlist_add_head(&dentry->d_sib, &parent->d_children);
	spin_unlock(&tree_lock);
	return dentry;
}

struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q;

	q.name = (const unsigned char *)name;
	q.hash_len = hashlen_string(parent, name);
	return d_alloc(parent, &q);
}

struct dentry *d_alloc_anon(struct super_block *sb)
{
	return __d_alloc(sb, &slash_name);
}

/* --- hashing ------------------------------------------------------------ */

/* d_lock held */
static void __d_rehash(struct dentry *dentry)
{
	unsigned int i = d_bucket_index(dentry->d_parent, dentry->d_name.hash);
	spinlock_t *lock = &dentry_hash_locks[i % D_HASH_LOCKS];

	spin_lock(lock);
	hlist_add_head_rcu(&dentry->d_hash, &dentry_hashtable[i]);
	spin_unlock(lock);
}

void __d_drop(struct dentry *dentry)
{
	unsigned int i;
	spinlock_t *lock;

	if (d_unhashed(dentry))
		return;
	i = d_bucket_index(dentry->d_parent, dentry->d_name.hash);
	lock = &dentry_hash_locks[i % D_HASH_LOCKS];
	spin_lock(lock);
	hlist_del_init_rcu(&dentry->d_hash);
	spin_unlock(lock);
}

void d_drop(struct dentry *dentry)
{
	spin_lock(&dentry->d_lock);
	__d_drop(dentry);
	spin_unlock(&dentry->d_lock);
}

void d_rehash(struct dentry *dentry)
{
	spin_lock(&dentry->d_lock);
	if (d_unhashed(dentry))
		__d_rehash(dentry);
	spin_unlock(&dentry->d_lock);
}

static bool d_same_name(const struct dentry *dentry,
			const struct dentry *parent, const struct qstr *name)
{
	if (likely(!(parent->d_flags & DCACHE_OP_COMPARE))) {
		if (dentry->d_name.len != name->len)
			return false;
		return !memcmp(dentry->d_name.name, name->name, name->len);
	}
	return !parent->d_op->d_compare(dentry, dentry->d_name.len,
					(const char *)dentry->d_name.name,
					name);
}

struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	unsigned int i = d_bucket_index(parent, name->hash);
	struct dentry *dentry, *found = NULL;

	rcu_read_lock();
	hlist_for_each_entry_rcu(dentry, &dentry_hashtable[i], d_hash) {
		if (dentry->d_name.hash != name->hash)
			continue;
		spin_lock(&dentry->d_lock);
		if (dentry->d_parent == parent && !d_unhashed(dentry) &&
		    d_same_name(dentry, parent, name)) {
			dentry->d_lockref.count++;
			dentry->d_flags |= DCACHE_REFERENCED;
			found = dentry;
		}
		spin_unlock(&dentry->d_lock);
		if (found)
			break;
	}
	rcu_read_unlock();
	return found;
}

struct dentry *d_hash_and_lookup(struct dentry *dir, struct qstr *name)
{
	name->hash = full_name_hash(dir, (const char *)name->name, name->len);
	if (dir->d_flags & DCACHE_OP_HASH) {
		int err = dir->d_op->d_hash(dir, name);

		if (unlikely(err < 0))
			return ERR_PTR(err);
	}
	return d_lookup(dir, name);
}

/* --- parallel lookups --------------------------------------------------- */

/*
 * Allocate a dentry for a lookup of @name under @parent, unless the name
 * is cached (returned, referenced) or being looked up by another thread
 * (wait for it, then look again).  A new dentry (*@is_new) is returned
 * with DCACHE_PAR_LOOKUP set; the caller runs ->lookup, then
 * kshim_d_lookup_done().
 */
struct dentry *kshim_d_alloc_parallel(struct dentry *parent,
				      const struct qstr *name, bool *is_new)
{
	struct dentry *new = d_alloc(parent, name);
	struct dentry *other;

	*is_new = false;
	if (!new)
		return ERR_PTR(-ENOMEM);
retry:
	spin_lock(&tree_lock);
	other = d_lookup(parent, name);
	if (other) {
		spin_unlock(&tree_lock);
		dput(new);
		return other;
	}
	list_for_each_entry(other, &in_lookup_list, d_lru) {
		if (other->d_parent != parent ||
		    other->d_name.hash != name->hash ||
		    !d_same_name(other, parent, name))
			continue;
		dget(other);
		spin_unlock(&tree_lock);
		wait_var_event(&other->d_flags,
			       !(READ_ONCE(other->d_flags) & DCACHE_PAR_LOOKUP));
		dput(other);
		goto retry;
	}
	spin_lock(&new->d_lock);
	new->d_flags |= DCACHE_PAR_LOOKUP;
	list_add(&new->d_lru, &in_lookup_list);
	spin_unlock(&new->d_lock);
	spin_unlock(&tree_lock);
	*is_new = true;
	return new;
}

void kshim_d_lookup_done(struct dentry *dentry)
{
	spin_lock(&tree_lock);
	spin_lock(&dentry->d_lock);
	if (dentry->d_flags & DCACHE_PAR_LOOKUP) {
		list_del_init(&dentry->d_lru);
		dentry->d_flags &= ~DCACHE_PAR_LOOKUP;
	}
	spin_unlock(&dentry->d_lock);
	spin_unlock(&tree_lock);
	wake_up_var(&dentry->d_flags);
}

/* --- LRU ---------------------------------------------------------------- */

/* d_lock held */
static void d_lru_add(struct dentry *dentry)
{
	struct super_block *sb = dentry->d_sb;

	if (dentry->d_flags & DCACHE_LRU_LIST)
		return;
	dentry->d_flags |= DCACHE_LRU_LIST;
	spin_lock(&sb->s_lru_lock);
	list_add(&dentry->d_lru, &sb->s_dentry_lru);
	spin_unlock(&sb->s_lru_lock);
	atomic_long_inc(&nr_dentry_unused);
}

static void d_lru_del(struct dentry *dentry)
{
	struct super_block *sb = dentry->d_sb;

	if (!(dentry->d_flags & DCACHE_LRU_LIST))
		return;
	dentry->d_flags &= ~DCACHE_LRU_LIST;
	spin_lock(&sb->s_lru_lock);
	list_del_init(&dentry->d_lru);
	spin_unlock(&sb->s_lru_lock);
	atomic_long_dec(&nr_dentry_unused);
}

unsigned long kshim_nr_unused_dentries(void)
{
	return atomic_long_read(&nr_dentry_unused);
}

/* --- killing ------------------------------------------------------------ */

/* d_lock held, its last reference going away: keep it cached? */
static bool retain_dentry(struct dentry *dentry)
{
	if (d_unhashed(dentry))
		return false;
	if (dentry->d_flags & (DCACHE_DONTCACHE | DCACHE_PAR_LOOKUP))
		return false;
	if (!(dentry->d_sb->s_flags & SB_ACTIVE))
		return false;
	if ((dentry->d_flags & DCACHE_OP_DELETE) &&
	    dentry->d_op->d_delete(dentry))
		return false;
	return true;
}

/*
 * Kill @dentry: tree_lock and d_lock held, nobody else holds a reference
 * and it has no children.  Both locks are dropped.  Returns the parent,
 * whose reference the caller must drop, or NULL for a root.
 */
static struct dentry *dentry_kill(struct dentry *dentry)
{
	struct dentry *parent = NULL;
	struct inode *inode = dentry->d_inode;

	WARN_ON(!hlist_empty(&dentry->d_children));
	lockref_mark_dead(&dentry->d_lockref);
	dentry->d_flags |= DCACHE_DENTRY_KILLED;
	__d_drop(dentry);
	d_lru_del(dentry);
	if (dentry->d_flags & DCACHE_PAR_LOOKUP) {
		list_del_init(&dentry->d_lru);
		dentry->d_flags &= ~DCACHE_PAR_LOOKUP;
	}
	if (inode) {
		hlist_del_init(&dentry->d_u.d_alias);
		WRITE_ONCE(dentry->d_inode, NULL);
	}
	if (dentry->d_parent != dentry) {
		parent = dentry->d_parent;
		hlist_del_init(&dentry->d_sib);
	}
	spin_unlock(&dentry->d_lock);
	spin_unlock(&tree_lock);

	if (inode) {
		if (dentry->d_op && dentry->d_op->d_iput)
			dentry->d_op->d_iput(dentry, inode);
		else
			iput(inode);
	}
	if (dentry->d_op && dentry->d_op->d_release)
		dentry->d_op->d_release(dentry);
	dentry_free(dentry);
	return parent;
}

void dput(struct dentry *dentry)
{
	while (dentry) {
		might_sleep();
		spin_lock(&dentry->d_lock);
		if (dentry->d_lockref.count > 1) {
			dentry->d_lockref.count--;
			spin_unlock(&dentry->d_lock);
			return;
		}
		if (retain_dentry(dentry)) {
			dentry->d_lockref.count = 0;
			d_lru_add(dentry);
			spin_unlock(&dentry->d_lock);
			return;
		}
		spin_unlock(&dentry->d_lock);

		/* take the locks in order and look again */
		spin_lock(&tree_lock);
		spin_lock(&dentry->d_lock);
		if (dentry->d_lockref.count > 1) {
			dentry->d_lockref.count--;
			spin_unlock(&dentry->d_lock);
			spin_unlock(&tree_lock);
			return;
		}
		if (retain_dentry(dentry)) {
			dentry->d_lockref.count = 0;
			d_lru_add(dentry);
			spin_unlock(&dentry->d_lock);
			spin_unlock(&tree_lock);
			return;
		}
		dentry = dentry_kill(dentry);
	}
}

struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;

	spin_lock(&tree_lock);
	parent = dget(dentry->d_parent);
	spin_unlock(&tree_lock);
	return parent;
}

ino_t d_parent_ino(struct dentry *dentry)
{
	ino_t ino;

	spin_lock(&tree_lock);
	ino = dentry->d_parent->d_inode->i_ino;
	spin_unlock(&tree_lock);
	return ino;
}

/*
 * Free up to @nr unused dentries from the tail of @sb's LRU (the
 * shrinker, shrink_dcache_sb).  Dentries in use just leave the LRU.
 */
unsigned long kshim_prune_dcache_sb(struct super_block *sb, unsigned long nr)
{
	unsigned long freed = 0;

	while (nr--) {
		struct dentry *dentry, *parent;

		spin_lock(&tree_lock);
		spin_lock(&sb->s_lru_lock);
		if (list_empty(&sb->s_dentry_lru)) {
			spin_unlock(&sb->s_lru_lock);
			spin_unlock(&tree_lock);
			break;
		}
		dentry = list_last_entry(&sb->s_dentry_lru, struct dentry,
					 d_lru);
		if (!spin_trylock(&dentry->d_lock)) {
			list_move(&dentry->d_lru, &sb->s_dentry_lru);
			spin_unlock(&sb->s_lru_lock);
			spin_unlock(&tree_lock);
			cpu_relax();
			continue;
		}
		list_del_init(&dentry->d_lru);
		dentry->d_flags &= ~DCACHE_LRU_LIST;
		atomic_long_dec(&nr_dentry_unused);
		spin_unlock(&sb->s_lru_lock);
		if (dentry->d_lockref.count != 0 ||
		    !hlist_empty(&dentry->d_children)) {
			spin_unlock(&dentry->d_lock);
			spin_unlock(&tree_lock);
			continue;
		}
		dentry->d_lockref.count = 1;
		parent = dentry_kill(dentry);
		dput(parent);
		freed++;
	}
	return freed;
}

void shrink_dcache_sb(struct super_block *sb)
{
	kshim_prune_dcache_sb(sb, ULONG_MAX);
}

/* find an unused childless descendant of @root (tree_lock held) */
static struct dentry *find_unused_leaf(struct dentry *root)
{
	struct dentry *d = root;
	struct hlist_node *pos;

	/* depth first; a busy subtree is skipped by moving to the sibling */
	pos = d->d_children.first;
	while (pos) {
		d = hlist_entry(pos, struct dentry, d_sib);
		if (!hlist_empty(&d->d_children)) {
			pos = d->d_children.first;
			continue;
		}
		if (!d->d_lockref.count)
			return d;
		/* next sibling, or climb until one exists */
		while (!d->d_sib.next) {
			d = d->d_parent;
			if (d == root)
				return NULL;
		}
		pos = d->d_sib.next;
	}
	return NULL;
}

void shrink_dcache_parent(struct dentry *parent)
{
	for (;;) {
		struct dentry *dentry, *up;

		spin_lock(&tree_lock);
		dentry = find_unused_leaf(parent);
		if (!dentry) {
			spin_unlock(&tree_lock);
			return;
		}
		spin_lock(&dentry->d_lock);
		if (dentry->d_lockref.count) {
			spin_unlock(&dentry->d_lock);
			spin_unlock(&tree_lock);
			continue;
		}
		dentry->d_lockref.count = 1;
		up = dentry_kill(dentry);
		dput(up);
	}
}

void d_prune_aliases(struct inode *inode)
{
	for (;;) {
		struct dentry *dentry, *found = NULL, *parent;

		spin_lock(&tree_lock);
		hlist_for_each_entry(dentry, &inode->i_dentry, d_u.d_alias) {
			spin_lock(&dentry->d_lock);
			if (!dentry->d_lockref.count &&
			    hlist_empty(&dentry->d_children)) {
				found = dentry;
				break;
			}
			spin_unlock(&dentry->d_lock);
		}
		if (!found) {
			spin_unlock(&tree_lock);
			return;
		}
		found->d_lockref.count = 1;
		parent = dentry_kill(found);
		dput(parent);
	}
}

/*
 * Unmount: kill every dentry of @sb, leaves first.  References still
 * held (API nodes never put) are forced away with a warning: nobody may
 * use a node of an unmounted filesystem.
 */
void kshim_shrink_dcache_for_umount(struct super_block *sb)
{
	struct dentry *root = sb->s_root;
	unsigned long leaked = 0;

	if (!root)
		return;
	sb->s_root = NULL;
	for (;;) {
		struct dentry *d = root, *parent;
		int expect;

		spin_lock(&tree_lock);
		while (!hlist_empty(&d->d_children))
			d = hlist_entry(d->d_children.first, struct dentry,
					d_sib);
		spin_lock(&d->d_lock);
		/* s_root held one reference to the root */
		expect = (d == root) ? 1 : 0;
		if (d->d_lockref.count > expect)
			leaked += d->d_lockref.count - expect;
		d->d_lockref.count = 1;
		parent = dentry_kill(d);
		if (!parent)
			break;
		/* the child's reference on its parent goes without dput() */
		spin_lock(&parent->d_lock);
		parent->d_lockref.count--;
		spin_unlock(&parent->d_lock);
	}
	if (leaked)
		pr_warn("kshim: %lu dentry references still held at unmount of %s, dropped\n",
			leaked, sb->s_id);
}

void d_invalidate(struct dentry *dentry)
{
	d_drop(dentry);
	shrink_dcache_parent(dentry);
}

/* --- instantiation ------------------------------------------------------ */

/* tree_lock held */
static void __d_instantiate(struct dentry *dentry, struct inode *inode)
{
	WARN_ON(!hlist_unhashed(&dentry->d_u.d_alias));
	spin_lock(&dentry->d_lock);
	hlist_add_head(&dentry->d_u.d_alias, &inode->i_dentry);
	smp_store_release(&dentry->d_inode, inode);
	spin_unlock(&dentry->d_lock);
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	if (!inode)
		return;
	security_d_instantiate(dentry, inode);
	spin_lock(&tree_lock);
	__d_instantiate(dentry, inode);
	spin_unlock(&tree_lock);
}

void d_instantiate_new(struct dentry *dentry, struct inode *inode)
{
	BUG_ON(!inode);
	d_instantiate(dentry, inode);
	unlock_new_inode(inode);
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&tree_lock);
	if (inode)
		__d_instantiate(dentry, inode);
	spin_lock(&dentry->d_lock);
	if (d_unhashed(dentry))
		__d_rehash(dentry);
	spin_unlock(&dentry->d_lock);
	spin_unlock(&tree_lock);
}

struct dentry *d_make_root(struct inode *root_inode)
{
	struct dentry *res = NULL;

	if (root_inode) {
		res = d_alloc_anon(root_inode->i_sb);
		if (res)
			d_instantiate(res, root_inode);
		else
			iput(root_inode);
	}
	return res;
}

/* swap the names (and hashes) of two dentries; tree_lock and both d_locks */
static void swap_names(struct dentry *a, struct dentry *b)
{
	unsigned char tmp[DNAME_INLINE_LEN];
	const unsigned char *an = a->d_name.name, *bn = b->d_name.name;
	bool aext = dname_external(a), bext = dname_external(b);
	u64 hl = a->d_name.hash_len;

	if (aext && bext) {
		a->d_name.name = bn;
		b->d_name.name = an;
	} else if (aext) {
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
		a->d_name.name = a->d_iname;
		b->d_name.name = an;
	} else if (bext) {
		memcpy(b->d_iname, a->d_iname, DNAME_INLINE_LEN);
		b->d_name.name = b->d_iname;
		a->d_name.name = bn;
	} else {
		memcpy(tmp, a->d_iname, DNAME_INLINE_LEN);
		memcpy(a->d_iname, b->d_iname, DNAME_INLINE_LEN);
		memcpy(b->d_iname, tmp, DNAME_INLINE_LEN);
	}
	a->d_name.hash_len = b->d_name.hash_len;
	b->d_name.hash_len = hl;
}

/*
 * Rename in the cache: @dentry takes the place (parent, name, hash) of
 * @target.  Without @exchange, @target is left unhashed under its parent
 * with @dentry's old name (a replaced file stays reachable only through
 * the references still held on it).  With @exchange, @target takes
 * @dentry's old place and both stay hashed.  tree_lock held.  Returns the
 * parent whose reference the caller must drop (NULL if none is owed).
 */
static struct dentry *__d_move(struct dentry *dentry, struct dentry *target,
			       bool exchange)
{
	struct dentry *old_parent = dentry->d_parent;
	struct dentry *new_parent = target->d_parent;
	struct dentry *owed = NULL;

	spin_lock(&dentry->d_lock);
	spin_lock(&target->d_lock);
	__d_drop(dentry);
	__d_drop(target);
	swap_names(dentry, target);
	if (old_parent != new_parent) {
		bool was_root = old_parent == dentry;

		if (!was_root)
			hlist_del_init(&dentry->d_sib);
		dentry->d_parent = new_parent;
		hlist_add_head(&dentry->d_sib, &new_parent->d_children);
		if (exchange && !was_root) {
			/* the two parent references simply change hands */
			hlist_del_init(&target->d_sib);
			target->d_parent = old_parent;
			hlist_add_head(&target->d_sib,
				       &old_parent->d_children);
		} else {
			spin_lock(&new_parent->d_lock);
			dget_dlock(new_parent);
			spin_unlock(&new_parent->d_lock);
			if (!was_root)
				owed = old_parent;
		}
	}
	dentry->d_flags &= ~DCACHE_DISCONNECTED;
	__d_rehash(dentry);
	if (exchange)
		__d_rehash(target);
	spin_unlock(&target->d_lock);
	spin_unlock(&dentry->d_lock);
	return owed;
}

void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *old;

	spin_lock(&tree_lock);
	old = __d_move(dentry, target, false);
	spin_unlock(&tree_lock);
	dput(old);
}

/* RENAME_EXCHANGE: the two dentries trade places; both stay hashed */
void d_exchange(struct dentry *dentry1, struct dentry *dentry2)
{
	struct dentry *old;

	WARN_ON(!dentry1->d_inode || !dentry2->d_inode);
	WARN_ON(IS_ROOT(dentry1) || IS_ROOT(dentry2));
	spin_lock(&tree_lock);
	old = __d_move(dentry1, dentry2, true);
	spin_unlock(&tree_lock);
	dput(old);
}

/*
 * If @p1 is a proper ancestor of @p2, the child of @p1 on the way down to
 * @p2 (which may be @p2 itself); otherwise NULL.  The caller keeps the
 * directory tree still (s_vfs_rename_mutex), the walk itself runs under
 * the tree lock.
 */
struct dentry *d_ancestor(struct dentry *p1, struct dentry *p2)
{
	struct dentry *walk, *found = NULL;

	spin_lock(&tree_lock);
	for (walk = p2; !IS_ROOT(walk); walk = walk->d_parent) {
		if (walk->d_parent == p1) {
			found = walk;
			break;
		}
	}
	spin_unlock(&tree_lock);
	return found;
}

/* is @new_dentry @old_dentry or somewhere below it? */
bool is_subdir(struct dentry *new_dentry, struct dentry *old_dentry)
{
	return new_dentry == old_dentry ||
	       d_ancestor(old_dentry, new_dentry) != NULL;
}

/* a removed or replaced name can never become a mount point */
void dont_mount(struct dentry *dentry)
{
	spin_lock(&dentry->d_lock);
	dentry->d_flags |= DCACHE_CANT_MOUNT;
	spin_unlock(&dentry->d_lock);
}

struct dentry *d_splice_alias(struct inode *inode, struct dentry *dentry)
{
	if (IS_ERR(inode))
		return ERR_CAST(inode);
	BUG_ON(!d_unhashed(dentry));

	spin_lock(&tree_lock);
	if (inode && S_ISDIR(inode->i_mode) &&
	    !hlist_empty(&inode->i_dentry)) {
		struct dentry *alias = hlist_entry(inode->i_dentry.first,
						   struct dentry, d_u.d_alias);
		struct dentry *old;

		/*
		 * Only a disconnected alias, an unhashed one or one under
		 * the same parent may move here; anything else (a root, a
		 * directory reachable twice) means a corrupt directory tree.
		 */
		if (IS_ROOT(alias) ? !(alias->d_flags & DCACHE_DISCONNECTED) :
		    (!d_unhashed(alias) &&
		     alias->d_parent != dentry->d_parent)) {
			spin_unlock(&tree_lock);
			pr_warn("kshim: %s: directory %lu found under two parents\n",
				inode->i_sb->s_id, inode->i_ino);
			iput(inode);
			return ERR_PTR(-EIO);
		}
		/* a directory has one dentry: move the existing one here */
		spin_lock(&alias->d_lock);
		dget_dlock(alias);
		spin_unlock(&alias->d_lock);
		old = __d_move(alias, dentry, false);
		spin_unlock(&tree_lock);
		dput(old);
		iput(inode);	/* the alias holds its own reference */
		return alias;
	}
	if (inode)
		__d_instantiate(dentry, inode);
	spin_lock(&dentry->d_lock);
	__d_rehash(dentry);
	spin_unlock(&dentry->d_lock);
	spin_unlock(&tree_lock);
	return NULL;
}

static struct dentry *__d_find_alias(struct inode *inode, bool any)
{
	struct dentry *alias;

	hlist_for_each_entry(alias, &inode->i_dentry, d_u.d_alias) {
		if (any || S_ISDIR(inode->i_mode) || !d_unhashed(alias)) {
			spin_lock(&alias->d_lock);
			dget_dlock(alias);
			spin_unlock(&alias->d_lock);
			return alias;
		}
	}
	return NULL;
}

struct dentry *d_find_alias(struct inode *inode)
{
	struct dentry *de;

	if (hlist_empty(&inode->i_dentry))
		return NULL;
	spin_lock(&tree_lock);
	de = __d_find_alias(inode, false);
	spin_unlock(&tree_lock);
	return de;
}

struct dentry *d_find_any_alias(struct inode *inode)
{
	struct dentry *de;

	spin_lock(&tree_lock);
	de = __d_find_alias(inode, true);
	spin_unlock(&tree_lock);
	return de;
}

struct dentry *d_obtain_alias(struct inode *inode)
{
	struct dentry *tmp, *res;

	if (!inode)
		return ERR_PTR(-ESTALE);
	if (IS_ERR(inode))
		return ERR_CAST(inode);

	res = d_find_any_alias(inode);
	if (res)
		goto out_iput;
	tmp = d_alloc_anon(inode->i_sb);
	if (!tmp) {
		res = ERR_PTR(-ENOMEM);
		goto out_iput;
	}
	spin_lock(&tree_lock);
	res = __d_find_alias(inode, true);
	if (res) {
		spin_unlock(&tree_lock);
		dput(tmp);
		goto out_iput;
	}
	tmp->d_flags |= DCACHE_DISCONNECTED;
	__d_instantiate(tmp, inode);
	spin_unlock(&tree_lock);
	return tmp;

out_iput:
	iput(inode);
	return res;
}

struct dentry *d_obtain_root(struct inode *inode)
{
	return d_obtain_alias(inode);
}

void d_tmpfile(struct file *file, struct inode *inode)
{
	struct dentry *dentry = file->f_path.dentry;

	inode_dec_link_count(inode);
	spin_lock(&tree_lock);
	spin_lock(&dentry->d_lock);
	BUG_ON(dname_external(dentry) || !hlist_unhashed(&dentry->d_u.d_alias));
	dentry->d_name.len = sprintf((char *)dentry->d_iname, "#%llu",
				     (unsigned long long)inode->i_ino);
	spin_unlock(&dentry->d_lock);
	__d_instantiate(dentry, inode);
	spin_unlock(&tree_lock);
}

/* the dentry's name is gone from the directory */
void d_delete(struct dentry *dentry)
{
	struct inode *inode = NULL;

	spin_lock(&tree_lock);
	spin_lock(&dentry->d_lock);
	if (dentry->d_lockref.count == 1 && dentry->d_inode) {
		inode = dentry->d_inode;
		hlist_del_init(&dentry->d_u.d_alias);
		WRITE_ONCE(dentry->d_inode, NULL);
	} else {
		__d_drop(dentry);
	}
	spin_unlock(&dentry->d_lock);
	spin_unlock(&tree_lock);
	if (inode) {
		if (dentry->d_op && dentry->d_op->d_iput)
			dentry->d_op->d_iput(dentry, inode);
		else
			iput(inode);
	}
}

/* --- paths -------------------------------------------------------------- */

static int prepend(char **p, int *left, const char *s, int len)
{
	if (*left < len)
		return -ENAMETOOLONG;
	*left -= len;
	*p -= len;
	memcpy(*p, s, len);
	return 0;
}

char *dentry_path_raw(const struct dentry *dentry, char *buf, int buflen)
{
	char *p = buf + buflen;
	int left = buflen;
	int err;

	if (prepend(&p, &left, "", 1))
		return ERR_PTR(-ENAMETOOLONG);
	spin_lock(&tree_lock);
	while (!IS_ROOT(dentry)) {
		err = prepend(&p, &left, (const char *)dentry->d_name.name,
			      dentry->d_name.len);
		if (!err)
			err = prepend(&p, &left, "/", 1);
		if (err) {
			spin_unlock(&tree_lock);
			return ERR_PTR(err);
		}
		dentry = dentry->d_parent;
	}
	spin_unlock(&tree_lock);
	if (p == buf + buflen - 1 && prepend(&p, &left, "/", 1))
		return ERR_PTR(-ENAMETOOLONG);
	return p;
}

/* kshim has no mount tree: a path is its place in its filesystem */
char *d_path(const struct path *path, char *buf, int buflen)
{
	return dentry_path_raw(path->dentry, buf, buflen);
}

/* --- set-up ------------------------------------------------------------- */

static int __init kshim_dcache_init(void)
{
	int i;

	for (i = 0; i < D_HASH_LOCKS; i++)
		spin_lock_init(&dentry_hash_locks[i]);
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0,
					 SLAB_RECLAIM_ACCOUNT, NULL);
	return dentry_cache ? 0 : -ENOMEM;
}
core_initcall(kshim_dcache_init);
