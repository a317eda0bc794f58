// SPDX-License-Identifier: GPL-2.0-only
/*
 * The inode cache (fs/inode.c, fs/attr.c, the byte counters of fs/stat.c).
 *
 * Kernel guarantees kept:
 *  - one in-core inode per (super block, hash value): iget_locked() and
 *    iget5_locked() either find it (with a reference, after waiting for
 *    I_NEW to clear) or insert a new one with I_NEW set that nobody else
 *    can use until unlock_new_inode() / iget_failed();
 *  - an inode being freed (I_FREEING/I_WILL_FREE) is never handed out:
 *    lookups wait until it has left the hash and retry;
 *  - iput() of the last reference asks ->drop_inode (default: drop if
 *    unlinked or unhashed); a kept inode goes on its super block's LRU, a
 *    dropped one is evicted at once: ->evict_inode (or the page cache is
 *    truncated and clear_inode() run), then ->destroy_inode and
 *    ->free_inode after an RCU grace period;
 *  - __mark_inode_dirty() puts the inode on its super block's dirty list;
 *    sync_filesystem(), write_inode_now() and sync_inode_metadata() write
 *    it back through ->write_inode.
 * Locking: inode_hash_lock > i_lock; s_inode_list_lock, s_lru_lock and
 * s_inode_wblist_lock nest inside i_lock.
 */
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/buffer_head.h>
#include <linux/writeback.h>
#include <linux/backing-dev.h>
#include <linux/posix_acl.h>
#include <linux/security.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/hash.h>
#include <linux/wait_bit.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/rculist.h>
#include <linux/iversion.h>

#include "kshim-vfs-internal.h"

const struct address_space_operations empty_aops = {};

static const struct inode_operations empty_iops = {};

static int no_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

/* what an inode without a file_operations of its own opens with */
static const struct file_operations no_open_fops = { .open = no_open };

#define INODE_HASH_BITS 14
static struct hlist_head inode_hashtable[1 << INODE_HASH_BITS];
static DEFINE_SPINLOCK(inode_hash_lock);
static struct kmem_cache *inode_cachep;
static atomic_long_t nr_inodes_unused;

static struct hlist_head *inode_bucket(struct super_block *sb,
				       unsigned long hashval)
{
	unsigned long h = hashval ^ ((unsigned long)sb >> 6);

	return inode_hashtable + hash_long(h, INODE_HASH_BITS);
}

/* --- allocation and freeing --------------------------------------------- */

void address_space_init_once(struct address_space *mapping)
{
	memset(mapping, 0, sizeof(*mapping));
	spin_lock_init(&mapping->kshim_pages_lock);
	init_rwsem(&mapping->invalidate_lock);
	init_rwsem(&mapping->i_mmap_rwsem);
	spin_lock_init(&mapping->i_private_lock);
	INIT_LIST_HEAD(&mapping->i_private_list);
}

void inode_init_once(struct inode *inode)
{
	memset(inode, 0, sizeof(*inode));
	INIT_HLIST_NODE(&inode->i_hash);
	INIT_LIST_HEAD(&inode->i_devices);
	INIT_LIST_HEAD(&inode->i_io_list);
	INIT_LIST_HEAD(&inode->i_wb_list);
	INIT_LIST_HEAD(&inode->i_lru);
	INIT_LIST_HEAD(&inode->i_sb_list);
	spin_lock_init(&inode->i_lock);
	init_rwsem(&inode->i_rwsem);
	address_space_init_once(&inode->i_data);
}

static void inode_cache_ctor(void *obj)
{
	inode_init_once(obj);
}

/*
 * Reset the per-use state of an inode object, whether it came from our
 * cache or from the filesystem's ->alloc_inode (whose constructor ran
 * inode_init_once() when the object was first created).
 */
int inode_init_always(struct super_block *sb, struct inode *inode)
{
	struct address_space *mapping = &inode->i_data;

	inode->i_sb = sb;
	inode->i_blkbits = sb->s_blocksize_bits;
	inode->i_flags = 0;
	inode->i_state = 0;
	atomic64_set(&inode->i_sequence, 0);
	atomic_set(&inode->i_count, 1);
	inode->i_op = &empty_iops;
	inode->i_fop = &no_open_fops;
	inode->i_ino = 0;
	inode->__i_nlink = 1;
	inode->i_opflags = 0;
	if (sb->s_xattr)
		inode->i_opflags |= IOP_XATTR;
	i_uid_write(inode, 0);
	i_gid_write(inode, 0);
	atomic_set(&inode->i_writecount, 0);
	inode->i_size = 0;
	inode->i_write_hint = WRITE_LIFE_NOT_SET;
	inode->i_blocks = 0;
	inode->i_bytes = 0;
	inode->i_generation = 0;
	inode->i_pipe = NULL;
	inode->i_rdev = 0;
	inode->dirtied_when = 0;
	atomic_set(&inode->i_dio_count, 0);
	atomic_set(&inode->i_readcount, 0);
	atomic64_set(&inode->i_version, 0);
	inode->i_flctx = NULL;
	inode->i_security = NULL;
	inode->i_private = NULL;
	inode->i_acl = ACL_NOT_CACHED;
	inode->i_default_acl = ACL_NOT_CACHED;
	INIT_HLIST_HEAD(&inode->i_dentry);

	mapping->a_ops = &empty_aops;
	mapping->host = inode;
	mapping->flags = 0;
	mapping->wb_err = 0;
	atomic_set(&mapping->i_mmap_writable, 0);
	mapping_set_gfp_mask(mapping, GFP_HIGHUSER_MOVABLE);
	mapping->i_private_data = NULL;
	mapping->writeback_index = 0;
	inode->i_mapping = mapping;
	return security_inode_alloc(inode);
}

static struct inode *alloc_inode(struct super_block *sb)
{
	const struct super_operations *ops = sb->s_op;
	struct inode *inode;

	if (ops->alloc_inode)
		inode = ops->alloc_inode(sb);
	else
		inode = kmem_cache_alloc(inode_cachep, GFP_KERNEL);
	if (!inode)
		return NULL;
	if (unlikely(inode_init_always(sb, inode))) {
		if (ops->destroy_inode) {
			ops->destroy_inode(inode);
			if (!ops->free_inode)
				return NULL;
		}
		inode->free_inode = ops->free_inode;
		free_inode_nonrcu(inode);
		return NULL;
	}
	return inode;
}

void free_inode_nonrcu(struct inode *inode)
{
	kmem_cache_free(inode_cachep, inode);
}

static void inode_free_rcu(struct rcu_head *head)
{
	struct inode *inode = container_of(head, struct inode, i_rcu);

	if (inode->free_inode)
		inode->free_inode(inode);
	else
		free_inode_nonrcu(inode);
}

static void destroy_inode(struct inode *inode)
{
	const struct super_operations *ops = inode->i_sb->s_op;

	BUG_ON(!list_empty(&inode->i_lru));
	security_inode_free(inode);
	if (inode->i_acl && !is_uncached_acl(inode->i_acl))
		posix_acl_release(inode->i_acl);
	if (inode->i_default_acl && !is_uncached_acl(inode->i_default_acl))
		posix_acl_release(inode->i_default_acl);
	if (ops->destroy_inode) {
		ops->destroy_inode(inode);
		if (!ops->free_inode)
			return;
	}
	/* the union member i_fop becomes the free callback from here on */
	inode->free_inode = ops->free_inode;
	call_rcu(&inode->i_rcu, inode_free_rcu);
}

/* --- lists -------------------------------------------------------------- */

static void inode_sb_list_add(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	spin_lock(&sb->s_inode_list_lock);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
}

static void inode_sb_list_del(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	if (list_empty(&inode->i_sb_list))
		return;
	spin_lock(&sb->s_inode_list_lock);
	list_del_init(&inode->i_sb_list);
	spin_unlock(&sb->s_inode_list_lock);
}

/* callers hold i_lock */
static void inode_lru_add(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	spin_lock(&sb->s_lru_lock);
	if (list_empty(&inode->i_lru)) {
		list_add(&inode->i_lru, &sb->s_inode_lru);
		atomic_long_inc(&nr_inodes_unused);
	}
	spin_unlock(&sb->s_lru_lock);
}

static void inode_lru_del(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	spin_lock(&sb->s_lru_lock);
	if (!list_empty(&inode->i_lru)) {
		list_del_init(&inode->i_lru);
		atomic_long_dec(&nr_inodes_unused);
	}
	spin_unlock(&sb->s_lru_lock);
}

/* the super block's dirty list: s_inodes_wb linked through i_io_list */
static void sb_dirty_list_del(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	spin_lock(&sb->s_inode_wblist_lock);
	list_del_init(&inode->i_io_list);
	spin_unlock(&sb->s_inode_wblist_lock);
}

/* --- hash --------------------------------------------------------------- */

void __insert_inode_hash(struct inode *inode, unsigned long hashval)
{
	struct hlist_head *b = inode_bucket(inode->i_sb, hashval);

	spin_lock(&inode_hash_lock);
	spin_lock(&inode->i_lock);
	hlist_add_head_rcu(&inode->i_hash, b);
	spin_unlock(&inode->i_lock);
	spin_unlock(&inode_hash_lock);
}

void __remove_inode_hash(struct inode *inode)
{
	spin_lock(&inode_hash_lock);
	spin_lock(&inode->i_lock);
	hlist_del_init_rcu(&inode->i_hash);
	spin_unlock(&inode->i_lock);
	spin_unlock(&inode_hash_lock);
}

/*
 * Called with inode_hash_lock and i_lock held on an inode that is being
 * freed: sleep until evict() has taken it out of the hash, then let the
 * caller retry.  Both locks are dropped.
 */
static void wait_on_freeing_inode(struct inode *inode)
{
	struct wait_bit_queue_entry wbq;
	wait_queue_head_t *wq = __var_waitqueue(&inode->i_state);

	init_wait_var_entry(&wbq, &inode->i_state, 0);
	prepare_to_wait_event(wq, &wbq.wq_entry, TASK_UNINTERRUPTIBLE);
	spin_unlock(&inode->i_lock);
	spin_unlock(&inode_hash_lock);
	schedule();
	finish_wait(wq, &wbq.wq_entry);
}

static void wait_on_new_inode(struct inode *inode)
{
	wait_var_event(&inode->i_state,
		       !(READ_ONCE(inode->i_state) & I_NEW));
}

/*
 * Find an inode in @b under inode_hash_lock.  Returns it with a new
 * reference (possibly still I_NEW), NULL if absent, or ERR_PTR(-EAGAIN)
 * after having slept on a dying inode (locks dropped: retry).
 */
static struct inode *find_inode(struct super_block *sb, struct hlist_head *b,
				int (*test)(struct inode *, void *), void *data,
				unsigned long ino)
{
	struct inode *inode;

	hlist_for_each_entry(inode, b, i_hash) {
		if (inode->i_sb != sb)
			continue;
		if (test ? !test(inode, data) : inode->i_ino != ino)
			continue;
		spin_lock(&inode->i_lock);
		if (inode->i_state & (I_FREEING | I_WILL_FREE)) {
			wait_on_freeing_inode(inode);
			return ERR_PTR(-EAGAIN);
		}
		if (unlikely(inode->i_state & I_CREATING)) {
			spin_unlock(&inode->i_lock);
			return ERR_PTR(-ESTALE);
		}
		__iget(inode);
		spin_unlock(&inode->i_lock);
		return inode;
	}
	return NULL;
}

/*
 * Look up and wait for I_NEW to clear.  An inode whose creation failed
 * (unhashed when we wake) is put and the search repeated.
 */
static struct inode *lookup_and_wait(struct super_block *sb,
				     unsigned long hashval,
				     int (*test)(struct inode *, void *),
				     void *data)
{
	struct hlist_head *b = inode_bucket(sb, hashval);
	struct inode *inode;

	for (;;) {
		spin_lock(&inode_hash_lock);
		inode = find_inode(sb, b, test, data, hashval);
		if (inode == ERR_PTR(-EAGAIN))
			continue;
		spin_unlock(&inode_hash_lock);
		if (IS_ERR_OR_NULL(inode))
			return inode;
		wait_on_new_inode(inode);
		if (unlikely(inode_unhashed(inode))) {
			iput(inode);
			continue;
		}
		return inode;
	}
}

struct inode *ilookup5_nowait(struct super_block *sb, unsigned long hashval,
			      int (*test)(struct inode *, void *), void *data)
{
	struct hlist_head *b = inode_bucket(sb, hashval);
	struct inode *inode;

	do {
		spin_lock(&inode_hash_lock);
		inode = find_inode(sb, b, test, data, hashval);
	} while (inode == ERR_PTR(-EAGAIN));
	spin_unlock(&inode_hash_lock);
	return IS_ERR(inode) ? NULL : inode;
}

struct inode *ilookup5(struct super_block *sb, unsigned long hashval,
		       int (*test)(struct inode *, void *), void *data)
{
	struct inode *inode = lookup_and_wait(sb, hashval, test, data);

	return IS_ERR(inode) ? NULL : inode;
}

struct inode *ilookup(struct super_block *sb, unsigned long ino)
{
	struct inode *inode = lookup_and_wait(sb, ino, NULL, NULL);

	return IS_ERR(inode) ? NULL : inode;
}

/*
 * Insert @inode (I_NEW, one reference) unless an inode matching @test is
 * already there; returns the inode in the cache, waited for, or NULL when
 * @set failed.
 */
struct inode *inode_insert5(struct inode *inode, unsigned long hashval,
			    int (*test)(struct inode *, void *),
			    int (*set)(struct inode *, void *), void *data)
{
	struct hlist_head *b = inode_bucket(inode->i_sb, hashval);
	struct inode *old;

again:
	spin_lock(&inode_hash_lock);
	old = find_inode(inode->i_sb, b, test, data, hashval);
	if (old == ERR_PTR(-EAGAIN))
		goto again;
	if (old) {
		spin_unlock(&inode_hash_lock);
		if (IS_ERR(old))
			return NULL;
		wait_on_new_inode(old);
		if (unlikely(inode_unhashed(old))) {
			iput(old);
			goto again;
		}
		return old;
	}
	if (set && unlikely(set(inode, data))) {
		spin_unlock(&inode_hash_lock);
		return NULL;
	}
	spin_lock(&inode->i_lock);
	inode->i_state |= I_NEW;
	hlist_add_head_rcu(&inode->i_hash, b);
	spin_unlock(&inode->i_lock);
	if (list_empty(&inode->i_sb_list))
		inode_sb_list_add(inode);
	spin_unlock(&inode_hash_lock);
	return inode;
}

struct inode *iget5_locked(struct super_block *sb, unsigned long hashval,
			   int (*test)(struct inode *, void *),
			   int (*set)(struct inode *, void *), void *data)
{
	struct inode *inode = ilookup5(sb, hashval, test, data);
	struct inode *new;

	if (inode)
		return inode;
	new = alloc_inode(sb);
	if (!new)
		return NULL;
	inode = inode_insert5(new, hashval, test, set, data);
	if (inode != new) {
		/* lost a race, or @set failed: @new was never visible */
		new->i_state = I_FREEING | I_CLEAR;
		destroy_inode(new);
	}
	return inode;
}

struct inode *iget_locked(struct super_block *sb, unsigned long ino)
{
	struct hlist_head *b = inode_bucket(sb, ino);
	struct inode *inode, *new;

	inode = lookup_and_wait(sb, ino, NULL, NULL);
	if (IS_ERR(inode))
		return NULL;
	if (inode)
		return inode;

	new = alloc_inode(sb);
	if (!new)
		return NULL;
again:
	spin_lock(&inode_hash_lock);
	inode = find_inode(sb, b, NULL, NULL, ino);
	if (inode == ERR_PTR(-EAGAIN))
		goto again;
	if (inode) {
		spin_unlock(&inode_hash_lock);
		new->i_state = I_FREEING | I_CLEAR;
		destroy_inode(new);
		if (IS_ERR(inode))
			return NULL;
		wait_on_new_inode(inode);
		if (unlikely(inode_unhashed(inode))) {
			iput(inode);
			return iget_locked(sb, ino);
		}
		return inode;
	}
	new->i_ino = ino;
	spin_lock(&new->i_lock);
	new->i_state = I_NEW;
	hlist_add_head_rcu(&new->i_hash, b);
	spin_unlock(&new->i_lock);
	inode_sb_list_add(new);
	spin_unlock(&inode_hash_lock);
	return new;
}

/* a new inode for a new file: hashed under its number unless one is live */
int insert_inode_locked(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	unsigned long ino = inode->i_ino;
	struct hlist_head *b = inode_bucket(sb, ino);
	struct inode *old;

	for (;;) {
		bool busy = false;

		spin_lock(&inode_hash_lock);
		hlist_for_each_entry(old, b, i_hash) {
			if (old->i_ino != ino || old->i_sb != sb)
				continue;
			spin_lock(&old->i_lock);
			if (old->i_state & (I_FREEING | I_WILL_FREE)) {
				spin_unlock(&old->i_lock);
				continue;
			}
			busy = true;
			break;
		}
		if (!busy) {
			spin_lock(&inode->i_lock);
			inode->i_state |= I_NEW | I_CREATING;
			hlist_add_head_rcu(&inode->i_hash, b);
			spin_unlock(&inode->i_lock);
			spin_unlock(&inode_hash_lock);
			return 0;
		}
		if (unlikely(old->i_state & I_CREATING)) {
			spin_unlock(&old->i_lock);
			spin_unlock(&inode_hash_lock);
			return -EBUSY;
		}
		__iget(old);
		spin_unlock(&old->i_lock);
		spin_unlock(&inode_hash_lock);
		wait_on_new_inode(old);
		if (unlikely(!inode_unhashed(old))) {
			iput(old);
			return -EBUSY;
		}
		iput(old);
	}
}

struct inode *new_inode_pseudo(struct super_block *sb)
{
	return alloc_inode(sb);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = new_inode_pseudo(sb);

	if (inode)
		inode_sb_list_add(inode);
	return inode;
}

void unlock_new_inode(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	WARN_ON(!(inode->i_state & I_NEW));
	inode->i_state &= ~(I_NEW | I_CREATING);
	smp_mb();
	wake_up_var(&inode->i_state);
	spin_unlock(&inode->i_lock);
}

void discard_new_inode(struct inode *inode)
{
	unlock_new_inode(inode);
	iput(inode);
}

void iget_failed(struct inode *inode)
{
	make_bad_inode(inode);
	unlock_new_inode(inode);
	iput(inode);
}

/* --- references --------------------------------------------------------- */

void __iget(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}

void ihold(struct inode *inode)
{
	WARN_ON(atomic_inc_return(&inode->i_count) < 2);
}

struct inode *igrab(struct inode *inode)
{
	spin_lock(&inode->i_lock);
	if (inode->i_state & (I_FREEING | I_WILL_FREE)) {
		spin_unlock(&inode->i_lock);
		return NULL;
	}
	__iget(inode);
	spin_unlock(&inode->i_lock);
	return inode;
}

int generic_delete_inode(struct inode *inode)
{
	return 1;
}

int generic_drop_inode(struct inode *inode)
{
	return !inode->i_nlink || inode_unhashed(inode);
}

void clear_inode(struct inode *inode)
{
	spin_lock(&inode->i_data.kshim_pages_lock);
	WARN_ON(inode->i_data.nrpages);
	spin_unlock(&inode->i_data.kshim_pages_lock);
	WARN_ON(!list_empty(&inode->i_data.i_private_list));
	WARN_ON(!(inode->i_state & I_FREEING));
	WARN_ON(inode->i_state & I_CLEAR);
	inode->i_state = I_FREEING | I_CLEAR;
}

/* the inode is I_FREEING, off the LRU, and nobody can find it any more */
static void evict(struct inode *inode)
{
	const struct super_operations *op = inode->i_sb->s_op;

	BUG_ON(!(inode->i_state & I_FREEING));
	sb_dirty_list_del(inode);
	inode_sb_list_del(inode);

	if (op->evict_inode) {
		op->evict_inode(inode);
	} else {
		truncate_inode_pages_final(&inode->i_data);
		clear_inode(inode);
	}
	remove_inode_hash(inode);

	spin_lock(&inode->i_lock);
	wake_up_var(&inode->i_state);
	WARN_ON(inode->i_state != (I_FREEING | I_CLEAR));
	spin_unlock(&inode->i_lock);

	destroy_inode(inode);
}

static void iput_final(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	const struct super_operations *op = sb->s_op;
	int drop;

	WARN_ON(inode->i_state & I_NEW);
	if (op->drop_inode)
		drop = op->drop_inode(inode);
	else
		drop = generic_drop_inode(inode);

	if (!drop && !(inode->i_state & I_DONTCACHE) &&
	    (sb->s_flags & SB_ACTIVE)) {
		inode_lru_add(inode);
		spin_unlock(&inode->i_lock);
		return;
	}
	if (!drop) {
		/* the super block is going away: write the inode first */
		inode->i_state |= I_WILL_FREE;
		spin_unlock(&inode->i_lock);
		write_inode_now(inode, 1);
		spin_lock(&inode->i_lock);
		WARN_ON(inode->i_state & I_NEW);
		inode->i_state &= ~I_WILL_FREE;
	}
	inode->i_state |= I_FREEING;
	inode_lru_del(inode);
	spin_unlock(&inode->i_lock);
	evict(inode);
}

void iput(struct inode *inode)
{
	if (!inode)
		return;
	BUG_ON(inode->i_state & I_CLEAR);
	if (atomic_dec_and_lock(&inode->i_count, &inode->i_lock))
		iput_final(inode);
}

/* unmount: evict every unused inode of @sb */
void evict_inodes(struct super_block *sb)
{
	struct inode *inode, *next;
	LIST_HEAD(dispose);

	spin_lock(&sb->s_inode_list_lock);
	list_for_each_entry_safe(inode, next, &sb->s_inodes, i_sb_list) {
		if (atomic_read(&inode->i_count))
			continue;
		spin_lock(&inode->i_lock);
		if (atomic_read(&inode->i_count) ||
		    (inode->i_state & (I_NEW | I_FREEING | I_WILL_FREE))) {
			spin_unlock(&inode->i_lock);
			continue;
		}
		inode->i_state |= I_FREEING;
		inode_lru_del(inode);
		spin_unlock(&inode->i_lock);
		list_move(&inode->i_sb_list, &dispose);
	}
	spin_unlock(&sb->s_inode_list_lock);

	while (!list_empty(&dispose)) {
		inode = list_first_entry(&dispose, struct inode, i_sb_list);
		list_del_init(&inode->i_sb_list);
		evict(inode);
		cond_resched();
	}
}

/*
 * Shrinker: evict up to @nr clean, unused inodes from the LRU of @sb.
 * Inodes that became busy or dirty since they were added just leave the
 * LRU (iput or writeback puts them back).
 */
unsigned long kshim_prune_icache_sb(struct super_block *sb, unsigned long nr)
{
	unsigned long freed = 0;
	LIST_HEAD(dispose);

	spin_lock(&sb->s_lru_lock);
	while (nr-- && !list_empty(&sb->s_inode_lru)) {
		struct inode *inode = list_last_entry(&sb->s_inode_lru,
						      struct inode, i_lru);

		if (!spin_trylock(&inode->i_lock)) {
			list_move(&inode->i_lru, &sb->s_inode_lru);
			continue;
		}
		list_del_init(&inode->i_lru);
		atomic_long_dec(&nr_inodes_unused);
		if (atomic_read(&inode->i_count) ||
		    (inode->i_state & ~I_REFERENCED)) {
			spin_unlock(&inode->i_lock);
			continue;
		}
		inode->i_state |= I_FREEING;
		spin_unlock(&inode->i_lock);
		list_add(&inode->i_lru, &dispose);
	}
	spin_unlock(&sb->s_lru_lock);

	while (!list_empty(&dispose)) {
		struct inode *inode = list_first_entry(&dispose, struct inode,
						       i_lru);

		list_del_init(&inode->i_lru);
		evict(inode);
		freed++;
	}
	return freed;
}

unsigned long kshim_nr_unused_inodes(void)
{
	return atomic_long_read(&nr_inodes_unused);
}

/* --- dirtiness and writeback ------------------------------------------- */

void __mark_inode_dirty(struct inode *inode, int flags)
{
	struct super_block *sb = inode->i_sb;
	const struct super_operations *op = sb->s_op;
	int dirtytime = flags & I_DIRTY_TIME;

	if (flags & I_DIRTY_INODE) {
		flags &= ~I_DIRTY_TIME;
		if (op->dirty_inode)
			op->dirty_inode(inode, flags & (I_DIRTY_INODE |
							I_DIRTY_TIME));
	}
	if (!dirtytime)
		flags &= ~I_DIRTY_TIME;

	smp_mb();
	if ((inode->i_state & flags) == flags)
		return;

	spin_lock(&inode->i_lock);
	if ((inode->i_state & flags) != flags) {
		bool was_dirty = inode->i_state & I_DIRTY_ALL;

		inode->i_state |= flags;
		if ((flags & I_DIRTY_INODE) && (inode->i_state & I_DIRTY_TIME))
			inode->i_state &= ~I_DIRTY_TIME;
		/* new and freeing inodes join the list when they are live */
		if (!was_dirty && !(inode->i_state & (I_NEW | I_FREEING)) &&
		    !inode_unhashed(inode)) {
			inode->dirtied_when = jiffies;
			spin_lock(&sb->s_inode_wblist_lock);
			list_move_tail(&inode->i_io_list, &sb->s_inodes_wb);
			spin_unlock(&sb->s_inode_wblist_lock);
		}
	}
	spin_unlock(&inode->i_lock);
}

/*
 * Write back one inode: its pages, then (if the inode itself is dirty)
 * ->write_inode.  The caller holds a reference or I_WILL_FREE.
 */
static int writeback_single_inode(struct inode *inode, int sync)
{
	struct writeback_control wbc = {
		.nr_to_write = LONG_MAX,
		.sync_mode = sync ? WB_SYNC_ALL : WB_SYNC_NONE,
		.range_start = 0,
		.range_end = LLONG_MAX,
	};
	const struct super_operations *op = inode->i_sb->s_op;
	unsigned int dirty;
	int err = 0, err2;

	if (inode->i_data.nrpages || (inode->i_state & I_DIRTY_PAGES))
		err = filemap_write_and_wait_range(inode->i_mapping, 0,
						   LLONG_MAX);
	spin_lock(&inode->i_lock);
	dirty = inode->i_state & I_DIRTY_ALL;
	inode->i_state &= ~I_DIRTY_ALL;
	spin_unlock(&inode->i_lock);
	sb_dirty_list_del(inode);

	if ((dirty & (I_DIRTY_INODE | I_DIRTY_TIME)) && op->write_inode &&
	    !is_bad_inode(inode)) {
		err2 = op->write_inode(inode, &wbc);
		if (!err)
			err = err2;
	}
	return err;
}

int write_inode_now(struct inode *inode, int sync)
{
	might_sleep();
	if (sb_rdonly(inode->i_sb))
		return 0;
	return writeback_single_inode(inode, sync);
}

int sync_inode_metadata(struct inode *inode, int wait)
{
	return write_inode_now(inode, wait);
}

/* every dirty inode of @sb: written back and, with @wait, waited for */
int kshim_writeback_inodes_sb(struct super_block *sb, int wait)
{
	int err = 0;

	for (;;) {
		struct inode *inode;
		int ret;

		spin_lock(&sb->s_inode_wblist_lock);
		if (list_empty(&sb->s_inodes_wb)) {
			spin_unlock(&sb->s_inode_wblist_lock);
			break;
		}
		inode = list_first_entry(&sb->s_inodes_wb, struct inode,
					 i_io_list);
		list_del_init(&inode->i_io_list);
		spin_unlock(&sb->s_inode_wblist_lock);

		inode = igrab(inode);
		if (!inode)
			continue;	/* being evicted: evict writes it */
		ret = writeback_single_inode(inode, wait);
		if (ret && !err)
			err = ret;
		iput(inode);
		cond_resched();
	}
	return err;
}

/* --- link counts and bytes ---------------------------------------------- */

void inc_nlink(struct inode *inode)
{
	if (unlikely(inode->i_nlink == 0)) {
		WARN_ON(!(inode->i_state & I_LINKABLE));
		atomic_long_dec(&inode->i_sb->s_remove_count);
	}
	inode->__i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	WARN_ON(inode->i_nlink == 0);
	inode->__i_nlink--;
	if (!inode->i_nlink)
		atomic_long_inc(&inode->i_sb->s_remove_count);
}

void clear_nlink(struct inode *inode)
{
	if (inode->i_nlink) {
		inode->__i_nlink = 0;
		atomic_long_inc(&inode->i_sb->s_remove_count);
	}
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	if (!nlink) {
		clear_nlink(inode);
		return;
	}
	if (inode->i_nlink == 0)
		atomic_long_dec(&inode->i_sb->s_remove_count);
	inode->__i_nlink = nlink;
}

void __inode_add_bytes(struct inode *inode, loff_t bytes)
{
	inode->i_blocks += bytes >> 9;
	bytes &= 511;
	inode->i_bytes += bytes;
	if (inode->i_bytes >= 512) {
		inode->i_blocks++;
		inode->i_bytes -= 512;
	}
}

void inode_add_bytes(struct inode *inode, loff_t bytes)
{
	spin_lock(&inode->i_lock);
	__inode_add_bytes(inode, bytes);
	spin_unlock(&inode->i_lock);
}

void __inode_sub_bytes(struct inode *inode, loff_t bytes)
{
	inode->i_blocks -= bytes >> 9;
	bytes &= 511;
	if (inode->i_bytes < bytes) {
		inode->i_blocks--;
		inode->i_bytes += 512;
	}
	inode->i_bytes -= bytes;
}

void inode_sub_bytes(struct inode *inode, loff_t bytes)
{
	spin_lock(&inode->i_lock);
	__inode_sub_bytes(inode, bytes);
	spin_unlock(&inode->i_lock);
}

loff_t inode_get_bytes(struct inode *inode)
{
	loff_t ret;

	spin_lock(&inode->i_lock);
	ret = __inode_get_bytes(inode);
	spin_unlock(&inode->i_lock);
	return ret;
}

void inode_set_bytes(struct inode *inode, loff_t bytes)
{
	inode->i_blocks = bytes >> 9;
	inode->i_bytes = bytes & 511;
}

/* --- bad inodes --------------------------------------------------------- */

static int bad_inode_getattr(struct mnt_idmap *idmap, const struct path *path,
			     struct kstat *stat, u32 request_mask,
			     unsigned int query_flags)
{
	return -EIO;
}

static struct dentry *bad_inode_lookup(struct inode *dir,
				       struct dentry *dentry,
				       unsigned int flags)
{
	return ERR_PTR(-EIO);
}

static const char *bad_inode_get_link(struct dentry *dentry,
				      struct inode *inode,
				      struct delayed_call *done)
{
	return ERR_PTR(-EIO);
}

static ssize_t bad_inode_listxattr(struct dentry *dentry, char *buffer,
				   size_t size)
{
	return -EIO;
}

static int bad_inode_permission(struct mnt_idmap *idmap, struct inode *inode,
				int mask)
{
	return -EIO;
}

static const struct inode_operations bad_inode_ops = {
	.lookup = bad_inode_lookup,
	.get_link = bad_inode_get_link,
	.permission = bad_inode_permission,
	.getattr = bad_inode_getattr,
	.listxattr = bad_inode_listxattr,
};

static int bad_file_open(struct inode *inode, struct file *filp)
{
	return -EIO;
}

static const struct file_operations bad_file_ops = {
	.open = bad_file_open,
};

void make_bad_inode(struct inode *inode)
{
	remove_inode_hash(inode);
	inode->i_mode = S_IFREG;
	simple_inode_init_ts(inode);
	inode->i_op = &bad_inode_ops;
	inode->i_opflags &= ~IOP_XATTR;
	inode->i_fop = &bad_file_ops;
}

bool is_bad_inode(struct inode *inode)
{
	return inode->i_op == &bad_inode_ops;
}

/* --- helpers drivers call on new or read-in inodes ------------------------ */

static int special_open(struct inode *inode, struct file *file)
{
	/* device nodes and FIFOs are opened by the host kernel, not here */
	return -ENXIO;
}

static const struct file_operations kshim_special_fops = {
	.open = special_open,
};

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		inode->i_fop = &kshim_special_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode) || S_ISSOCK(mode)) {
		inode->i_fop = &kshim_special_fops;
	} else {
		pr_debug("init_special_inode: bogus i_mode (%o) for inode %s:%lu\n",
			 mode, inode->i_sb->s_id, inode->i_ino);
	}
}

void inode_nohighmem(struct inode *inode)
{
	mapping_set_gfp_mask(inode->i_mapping, GFP_USER);
}

void inode_init_owner(struct mnt_idmap *idmap, struct inode *inode,
		      const struct inode *dir, umode_t mode)
{
	inode_fsuid_set(inode, idmap);
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	} else {
		inode_fsgid_set(inode, idmap);
	}
	/* a setgid file the creator could not have made setgid itself */
	if (dir && S_ISREG(mode) && (mode & S_ISGID) && (mode & S_IXGRP) &&
	    !in_group_p(inode->i_gid) &&
	    !capable_wrt_inode_uidgid(idmap, dir, CAP_FSETID))
		mode &= ~S_ISGID;
	inode->i_mode = mode;
}

bool inode_owner_or_capable(struct mnt_idmap *idmap,
			    const struct inode *inode)
{
	if (uid_eq(current_fsuid(), inode->i_uid))
		return true;
	return capable_wrt_inode_uidgid(idmap, inode, CAP_FOWNER);
}

void inode_dio_wait(struct inode *inode)
{
	wait_var_event(&inode->i_dio_count,
		       !atomic_read(&inode->i_dio_count));
}

void inode_dio_end(struct inode *inode)
{
	if (atomic_dec_and_test(&inode->i_dio_count))
		wake_up_var(&inode->i_dio_count);
}

/* --- timestamps --------------------------------------------------------- */

struct timespec64 timestamp_truncate(struct timespec64 t, struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	unsigned int gran = sb->s_time_gran;

	if (t.tv_sec < sb->s_time_min)
		t.tv_sec = sb->s_time_min;
	if (t.tv_sec > sb->s_time_max)
		t.tv_sec = sb->s_time_max;
	if (t.tv_sec == sb->s_time_min || t.tv_sec == sb->s_time_max)
		t.tv_nsec = 0;
	if (gran == NSEC_PER_SEC)
		t.tv_nsec = 0;
	else if (gran > 1 && gran < NSEC_PER_SEC)
		t.tv_nsec -= t.tv_nsec % gran;
	else if (gran != 1)
		WARN(1, "invalid file time granularity: %u", gran);
	return t;
}

struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 now;

	ktime_get_coarse_real_ts64(&now);
	return timestamp_truncate(now, inode);
}

struct timespec64 inode_set_ctime_current(struct inode *inode)
{
	return inode_set_ctime_to_ts(inode, current_time(inode));
}

struct timespec64 simple_inode_init_ts(struct inode *inode)
{
	struct timespec64 ts = inode_set_ctime_current(inode);

	inode_set_atime_to_ts(inode, ts);
	inode_set_mtime_to_ts(inode, ts);
	return ts;
}

int generic_update_time(struct inode *inode, int flags)
{
	int dirty = I_DIRTY_SYNC;

	if (flags & S_CTIME)
		inode_set_ctime_current(inode);
	if (flags & S_MTIME)
		inode_set_mtime_to_ts(inode, inode_get_ctime(inode));
	if (flags & S_ATIME)
		inode_set_atime_to_ts(inode, current_time(inode));
	if (flags & S_VERSION)
		inode_maybe_inc_iversion(inode, false);
	__mark_inode_dirty(inode, dirty);
	return 0;
}

int inode_update_time(struct inode *inode, int flags)
{
	if (inode->i_op->update_time)
		return inode->i_op->update_time(inode, flags);
	return generic_update_time(inode, flags);
}

/*
 * Access times are not updated: kshim mounts behave as noatime, so a read
 * never dirties an inode (and a read-write mount that is only read stays
 * byte-identical but for what ->fill_super writes).
 */
void touch_atime(const struct path *path)
{
}

int file_update_time(struct file *file)
{
	struct inode *inode = file_inode(file);
	struct timespec64 now = current_time(inode);
	struct timespec64 mtime = inode_get_mtime(inode);
	struct timespec64 ctime = inode_get_ctime(inode);
	int flags = 0;

	if (IS_NOCMTIME(inode))
		return 0;
	if (!timespec64_equal(&mtime, &now))
		flags |= S_MTIME;
	if (!timespec64_equal(&ctime, &now))
		flags |= S_CTIME;
	if (IS_I_VERSION(inode) && inode_iversion_need_inc(inode))
		flags |= S_VERSION;
	if (!flags)
		return 0;
	return inode_update_time(inode, flags);
}

int file_remove_privs(struct file *file)
{
	struct inode *inode = file_inode(file);

	if (IS_NOSEC(inode) || !S_ISREG(inode->i_mode))
		return 0;
	if (!(inode->i_mode & S_ISUID) &&
	    (inode->i_mode & (S_ISGID | S_IXGRP)) != (S_ISGID | S_IXGRP))
		return 0;
	WARN_ONCE(1, "kshim: file_remove_privs comes with the write path\n");
	return -EOPNOTSUPP;
}

int file_modified(struct file *file)
{
	int ret = file_remove_privs(file);

	if (ret)
		return ret;
	if (unlikely(file->f_mode & FMODE_NOCMTIME))
		return 0;
	return file_update_time(file);
}

int kiocb_modified(struct kiocb *iocb)
{
	return file_modified(iocb->ki_filp);
}

/* --- attributes (fs/attr.c) --------------------------------------------- */

int inode_newsize_ok(const struct inode *inode, loff_t offset)
{
	if (offset < 0)
		return -EINVAL;
	if (inode->i_size < offset) {
		if (offset > inode->i_sb->s_maxbytes)
			return -EFBIG;
	} else if (IS_SWAPFILE(inode)) {
		return -ETXTBSY;
	}
	return 0;
}

int setattr_prepare(struct mnt_idmap *idmap, struct dentry *dentry,
		    struct iattr *attr)
{
	WARN_ONCE(1, "kshim: setattr_prepare comes with the write path\n");
	return -EROFS;
}

void setattr_copy(struct mnt_idmap *idmap, struct inode *inode,
		  const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	i_uid_update(idmap, attr, inode);
	i_gid_update(idmap, attr, inode);
	if (valid & ATTR_ATIME)
		inode_set_atime_to_ts(inode, attr->ia_atime);
	if (valid & ATTR_MTIME)
		inode_set_mtime_to_ts(inode, attr->ia_mtime);
	if (valid & ATTR_CTIME)
		inode_set_ctime_to_ts(inode, attr->ia_ctime);
	if (valid & ATTR_MODE) {
		umode_t mode = attr->ia_mode;

		if (!in_group_p(inode->i_gid) &&
		    !capable_wrt_inode_uidgid(idmap, inode, CAP_FSETID))
			mode &= ~S_ISGID;
		inode->i_mode = mode;
	}
}

/* --- set-up ------------------------------------------------------------- */

static int __init kshim_inode_cache_init(void)
{
	inode_cachep = kmem_cache_create("inode_cache", sizeof(struct inode),
					 0, SLAB_RECLAIM_ACCOUNT,
					 inode_cache_ctor);
	return inode_cachep ? 0 : -ENOMEM;
}
core_initcall(kshim_inode_cache_init);
