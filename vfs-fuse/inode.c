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

static int no_open(struct inode *ip, struct file *file)
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

void inode_init_once(struct inode *ip)
{
	memset(ip, 0, sizeof(*ip));
	INIT_HLIST_NODE(&ip->i_hash);
	INIT_LIST_HEAD(&ip->i_devices);
	INIT_LIST_HEAD(&ip->i_io_list);
	INIT_LIST_HEAD(&ip->i_wb_list);
	INIT_LIST_HEAD(&ip->i_lru);
	INIT_LIST_HEAD(&ip->i_sb_list);
	spin_lock_init(&ip->i_lock);
	init_rwsem(&ip->i_rwsem);
	address_space_init_once(&ip->i_data);
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
int inode_init_always(struct super_block *sb, struct inode *ip)
{
	struct address_space *mapping = &ip->i_data;

	ip->i_sb = sb;
	ip->i_blkbits = sb->s_blocksize_bits;
	ip->i_flags = 0;
	ip->i_state = 0;
	atomic64_set(&ip->i_sequence, 0);
	atomic_set(&ip->i_count, 1);
	ip->i_op = &empty_iops;
	ip->i_fop = &no_open_fops;
	ip->i_ino = 0;
	ip->__i_nlink = 1;
	ip->i_opflags = 0;
	if (sb->s_xattr)
		ip->i_opflags |= IOP_XATTR;
	i_uid_write(ip, 0);
	i_gid_write(ip, 0);
	atomic_set(&ip->i_writecount, 0);
	ip->i_size = 0;
	ip->i_write_hint = WRITE_LIFE_NOT_SET;
	ip->i_blocks = 0;
	ip->i_bytes = 0;
	ip->i_generation = 0;
	ip->i_pipe = NULL;
	ip->i_rdev = 0;
	ip->dirtied_when = 0;
	atomic_set(&ip->i_dio_count, 0);
	atomic_set(&ip->i_readcount, 0);
	atomic64_set(&ip->i_version, 0);
	ip->i_flctx = NULL;
	ip->i_security = NULL;
	ip->i_private = NULL;
	ip->i_acl = ACL_NOT_CACHED;
	ip->i_default_acl = ACL_NOT_CACHED;
	INIT_HLIST_HEAD(&ip->i_dentry);

	mapping->a_ops = &empty_aops;
	mapping->host = ip;
	mapping->flags = 0;
	mapping->wb_err = 0;
	atomic_set(&mapping->i_mmap_writable, 0);
	mapping_set_gfp_mask(mapping, GFP_HIGHUSER_MOVABLE);
	mapping->i_private_data = NULL;
	mapping->writeback_index = 0;
	ip->i_mapping = mapping;
	return security_inode_alloc(ip);
}

static struct inode *alloc_inode(struct super_block *sb)
{
	const struct super_operations *ops = sb->s_op;
	struct inode *ip;

	if (ops->alloc_inode)
		ip = ops->alloc_inode(sb);
	else
		ip = kmem_cache_alloc(inode_cachep, GFP_KERNEL);
	if (!ip)
		return NULL;
	if (unlikely(inode_init_always(sb, ip))) {
		if (ops->destroy_inode) {
			ops->destroy_inode(ip);
			if (!ops->free_inode)
				return NULL;
		}
		ip->free_inode = ops->free_inode;
		free_inode_nonrcu(ip);
		return NULL;
	}
	return ip;
}

void free_inode_nonrcu(struct inode *ip)
{
	kmem_cache_free(inode_cachep, ip);
}

static void inode_free_rcu(struct rcu_head *head)
{
	struct inode *ip = container_of(head, struct inode, i_rcu);

	if (ip->free_inode)
		ip->free_inode(ip);
	else
		free_inode_nonrcu(ip);
}

static void destroy_inode(struct inode *ip)
{
	const struct super_operations *ops = ip->i_sb->s_op;

	BUG_ON(!list_empty(&ip->i_lru));
	security_inode_free(ip);
	if (ip->i_acl && !is_uncached_acl(ip->i_acl))
		posix_acl_release(ip->i_acl);
	if (ip->i_default_acl && !is_uncached_acl(ip->i_default_acl))
		posix_acl_release(ip->i_default_acl);
	if (ops->destroy_inode) {
		ops->destroy_inode(ip);
		if (!ops->free_inode)
			return;
	}
	/* the union member i_fop becomes the free callback from here on */
	ip->free_inode = ops->free_inode;
	call_rcu(&ip->i_rcu, inode_free_rcu);
}

/* --- lists -------------------------------------------------------------- */

static void inode_sb_list_add(struct inode *ip)
{
	struct super_block *sb = ip->i_sb;

	spin_lock(&sb->s_inode_list_lock);
	list_add(&ip->i_sb_list, &sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
}

static void inode_sb_list_del(struct inode *ip)
{
	struct super_block *sb = ip->i_sb;

	if (list_empty(&ip->i_sb_list))
		return;
	spin_lock(&sb->s_inode_list_lock);
	list_del_init(&ip->i_sb_list);
	spin_unlock(&sb->s_inode_list_lock);
}

/* callers hold i_lock */
static void inode_lru_add(struct inode *ip)
{
	struct super_block *sb = ip->i_sb;

	spin_lock(&sb->s_lru_lock);
	if (list_empty(&ip->i_lru)) {
		list_add(&ip->i_lru, &sb->s_inode_lru);
		atomic_long_inc(&nr_inodes_unused);
	}
	spin_unlock(&sb->s_lru_lock);
}

static void inode_lru_del(struct inode *ip)
{
	struct super_block *sb = ip->i_sb;

	spin_lock(&sb->s_lru_lock);
	if (!list_empty(&ip->i_lru)) {
		list_del_init(&ip->i_lru);
		atomic_long_dec(&nr_inodes_unused);
	}
	spin_unlock(&sb->s_lru_lock);
}

/* the super block's dirty list: s_inodes_wb linked through i_io_list */
void kshim_sb_dirty_list_del(struct inode *ip)
{
	struct super_block *sb = ip->i_sb;

	spin_lock(&sb->s_inode_wblist_lock);
	list_del_init(&ip->i_io_list);
	spin_unlock(&sb->s_inode_wblist_lock);
}

/* --- hash --------------------------------------------------------------- */

void __insert_inode_hash(struct inode *ip, unsigned long hashval)
{
	struct hlist_head *b = inode_bucket(ip->i_sb, hashval);

	spin_lock(&inode_hash_lock);
	spin_lock(&ip->i_lock);
	hlist_add_head_rcu(&ip->i_hash, b);
	spin_unlock(&ip->i_lock);
	spin_unlock(&inode_hash_lock);
}

void __remove_inode_hash(struct inode *ip)
{
	spin_lock(&inode_hash_lock);
	spin_lock(&ip->i_lock);
	hlist_del_init_rcu(&ip->i_hash);
	spin_unlock(&ip->i_lock);
	spin_unlock(&inode_hash_lock);
}

/*
 * Called with inode_hash_lock and i_lock held on an inode that is being
 * freed: sleep until evict() has taken it out of the hash, then let the
 * caller retry.  Both locks are dropped.
 */
static void wait_on_freeing_inode(struct inode *ip)
{
	struct wait_bit_queue_entry wbq;
	wait_queue_head_t *wq = __var_waitqueue(&ip->i_state);

	init_wait_var_entry(&wbq, &ip->i_state, 0);
	prepare_to_wait_event(wq, &wbq.wq_entry, TASK_UNINTERRUPTIBLE);
	spin_unlock(&ip->i_lock);
	spin_unlock(&inode_hash_lock);
	schedule();
	finish_wait(wq, &wbq.wq_entry);
}

static void wait_on_new_inode(struct inode *ip)
{
	wait_var_event(&ip->i_state,
		       !(READ_ONCE(ip->i_state) & I_NEW));
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
	struct inode *ip;

	hlist_for_each_entry(ip, b, i_hash) {
		if (ip->i_sb != sb)
			continue;
		if (test ? !test(ip, data) : ip->i_ino != ino)
			continue;
		spin_lock(&ip->i_lock);
		if (ip->i_state & (I_FREEING | I_WILL_FREE)) {
			wait_on_freeing_inode(ip);
			return ERR_PTR(-EAGAIN);
		}
		if (unlikely(ip->i_state & I_CREATING)) {
			spin_unlock(&ip->i_lock);
			return ERR_PTR(-ESTALE);
		}
		__iget(ip);
		spin_unlock(&ip->i_lock);
		return ip;
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
	struct inode *ip;

	for (;;) {
		spin_lock(&inode_hash_lock);
		ip = find_inode(sb, b, test, data, hashval);
		if (ip == ERR_PTR(-EAGAIN))
			continue;
		spin_unlock(&inode_hash_lock);
		if (IS_ERR_OR_NULL(ip))
			return ip;
		wait_on_new_inode(ip);
		if (unlikely(inode_unhashed(ip))) {
			iput(ip);
			continue;
		}
		return ip;
	}
}

struct inode *ilookup5_nowait(struct super_block *sb, unsigned long hashval,
			      int (*test)(struct inode *, void *), void *data)
{
	struct hlist_head *b = inode_bucket(sb, hashval);
	struct inode *ip;

	do {
		spin_lock(&inode_hash_lock);
		ip = find_inode(sb, b, test, data, hashval);
	} while (ip == ERR_PTR(-EAGAIN));
	spin_unlock(&inode_hash_lock);
	return IS_ERR(ip) ? NULL : ip;
}

struct inode *ilookup5(struct super_block *sb, unsigned long hashval,
		       int (*test)(struct inode *, void *), void *data)
{
	struct inode *ip = lookup_and_wait(sb, hashval, test, data);

	return IS_ERR(ip) ? NULL : ip;
}

struct inode *ilookup(struct super_block *sb, unsigned long ino)
{
	struct inode *ip = lookup_and_wait(sb, ino, NULL, NULL);

	return IS_ERR(ip) ? NULL : ip;
}

/*
 * Insert @ip (I_NEW, one reference) unless an inode matching @test is
 * already there; returns the inode in the cache, waited for, or NULL when
 * @set failed.
 */
struct inode *inode_insert5(struct inode *ip, unsigned long hashval,
			    int (*test)(struct inode *, void *),
			    int (*set)(struct inode *, void *), void *data)
{
	struct hlist_head *b = inode_bucket(ip->i_sb, hashval);
	struct inode *old;

again:
	spin_lock(&inode_hash_lock);
	old = find_inode(ip->i_sb, b, test, data, hashval);
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
	if (set && unlikely(set(ip, data))) {
		spin_unlock(&inode_hash_lock);
		return NULL;
	}
	spin_lock(&ip->i_lock);
	ip->i_state |= I_NEW;
	hlist_add_head_rcu(&ip->i_hash, b);
	spin_unlock(&ip->i_lock);
	if (list_empty(&ip->i_sb_list))
		inode_sb_list_add(ip);
	spin_unlock(&inode_hash_lock);
	return ip;
}

struct inode *iget5_locked(struct super_block *sb, unsigned long hashval,
			   int (*test)(struct inode *, void *),
			   int (*set)(struct inode *, void *), void *data)
{
	struct inode *ip = ilookup5(sb, hashval, test, data);
	struct inode *new;

	if (ip)
		return ip;
	new = alloc_inode(sb);
	if (!new)
		return NULL;
	ip = inode_insert5(new, hashval, test, set, data);
	if (ip != new) {
		/* lost a race, or @set failed: @new was never visible */
		new->i_state = I_FREEING | I_CLEAR;
		destroy_inode(new);
	}
	return ip;
}

struct inode *iget_locked(struct super_block *sb, unsigned long ino)
{
	struct hlist_head *b = inode_bucket(sb, ino);
	struct inode *ip, *new;

	ip = lookup_and_wait(sb, ino, NULL, NULL);
	if (IS_ERR(ip))
		return NULL;
	if (ip)
		return ip;

	new = alloc_inode(sb);
	if (!new)
		return NULL;
again:
	spin_lock(&inode_hash_lock);
	ip = find_inode(sb, b, NULL, NULL, ino);
	if (ip == ERR_PTR(-EAGAIN))
		goto again;
	if (ip) {
		spin_unlock(&inode_hash_lock);
		new->i_state = I_FREEING | I_CLEAR;
		destroy_inode(new);
		if (IS_ERR(ip))
			return NULL;
		wait_on_new_inode(ip);
		if (unlikely(inode_unhashed(ip))) {
			iput(ip);
			return iget_locked(sb, ino);
		}
		return ip;
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
int insert_inode_locked(struct inode *ip)
{
	struct super_block *sb = ip->i_sb;
	unsigned long ino = ip->i_ino;
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
			spin_lock(&ip->i_lock);
			ip->i_state |= I_NEW | I_CREATING;
			hlist_add_head_rcu(&ip->i_hash, b);
			spin_unlock(&ip->i_lock);
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
	struct inode *ip = new_inode_pseudo(sb);

	if (ip)
		inode_sb_list_add(ip);
	return ip;
}

void unlock_new_inode(struct inode *ip)
{
	spin_lock(&ip->i_lock);
	WARN_ON(!(ip->i_state & I_NEW));
	ip->i_state &= ~(I_NEW | I_CREATING);
	smp_mb();
	wake_up_var(&ip->i_state);
	spin_unlock(&ip->i_lock);
}

void discard_new_inode(struct inode *ip)
{
	unlock_new_inode(ip);
	iput(ip);
}

void iget_failed(struct inode *ip)
{
	make_bad_inode(ip);
	unlock_new_inode(ip);
	iput(ip);
}

/* --- references --------------------------------------------------------- */

void __iget(struct inode *ip)
{
	atomic_inc(&ip->i_count);
}

void ihold(struct inode *ip)
{
	WARN_ON(atomic_inc_return(&ip->i_count) < 2);
}

struct inode *igrab(struct inode *ip)
{
	spin_lock(&ip->i_lock);
	if (ip->i_state & (I_FREEING | I_WILL_FREE)) {
		spin_unlock(&ip->i_lock);
		return NULL;
	}
	__iget(ip);
	spin_unlock(&ip->i_lock);
	return ip;
}

int generic_delete_inode(struct inode *ip)
{
	return 1;
}

int generic_drop_inode(struct inode *ip)
{
	return !ip->i_nlink || inode_unhashed(ip);
}

void clear_inode(struct inode *ip)
{
	spin_lock(&ip->i_data.kshim_pages_lock);
	WARN_ON(ip->i_data.nrpages);
	spin_unlock(&ip->i_data.kshim_pages_lock);
	WARN_ON(!list_empty(&ip->i_data.i_private_list));
	WARN_ON(!(ip->i_state & I_FREEING));
	WARN_ON(ip->i_state & I_CLEAR);
	ip->i_state = I_FREEING | I_CLEAR;
}

/* the inode is I_FREEING, off the LRU, and nobody can find it any more */
static void evict(struct inode *ip)
{
	const struct super_operations *op = ip->i_sb->s_op;

	BUG_ON(!(ip->i_state & I_FREEING));
	kshim_sb_dirty_list_del(ip);
	inode_sb_list_del(ip);
	/* a writer still holding I_SYNC finishes before the inode goes */
	spin_lock(&ip->i_lock);
	inode_wait_for_writeback(ip);
	spin_unlock(&ip->i_lock);

	if (op->evict_inode) {
		op->evict_inode(ip);
	} else {
		truncate_inode_pages_final(&ip->i_data);
		clear_inode(ip);
	}
	remove_inode_hash(ip);

	spin_lock(&ip->i_lock);
	wake_up_var(&ip->i_state);
	WARN_ON(ip->i_state != (I_FREEING | I_CLEAR));
	spin_unlock(&ip->i_lock);

	destroy_inode(ip);
}

static void iput_final(struct inode *ip)
{
	struct super_block *sb = ip->i_sb;
	const struct super_operations *op = sb->s_op;
	int drop;

	WARN_ON(ip->i_state & I_NEW);
	if (op->drop_inode)
		drop = op->drop_inode(ip);
	else
		drop = generic_drop_inode(ip);

	if (!drop && !(ip->i_state & I_DONTCACHE) &&
	    (sb->s_flags & SB_ACTIVE)) {
		inode_lru_add(ip);
		spin_unlock(&ip->i_lock);
		return;
	}
	if (!drop) {
		/* the super block is going away: write the inode first */
		ip->i_state |= I_WILL_FREE;
		spin_unlock(&ip->i_lock);
		write_inode_now(ip, 1);
		spin_lock(&ip->i_lock);
		WARN_ON(ip->i_state & I_NEW);
		ip->i_state &= ~I_WILL_FREE;
	}
	ip->i_state |= I_FREEING;
	inode_lru_del(ip);
	spin_unlock(&ip->i_lock);
	evict(ip);
}

void iput(struct inode *ip)
{
	if (!ip)
		return;
	BUG_ON(ip->i_state & I_CLEAR);
	if (atomic_dec_and_lock(&ip->i_count, &ip->i_lock))
		iput_final(ip);
}

/* unmount: evict every unused inode of @sb */
void evict_inodes(struct super_block *sb)
{
	struct inode *ip, *next;
	LIST_HEAD(dispose);

	spin_lock(&sb->s_inode_list_lock);
	list_for_each_entry_safe(ip, next, &sb->s_inodes, i_sb_list) {
		if (atomic_read(&ip->i_count))
			continue;
		spin_lock(&ip->i_lock);
		if (atomic_read(&ip->i_count) ||
		    (ip->i_state & (I_NEW | I_FREEING | I_WILL_FREE))) {
			spin_unlock(&ip->i_lock);
			continue;
		}
		ip->i_state |= I_FREEING;
		inode_lru_del(ip);
		spin_unlock(&ip->i_lock);
		list_move(&ip->i_sb_list, &dispose);
	}
	spin_unlock(&sb->s_inode_list_lock);

	while (!list_empty(&dispose)) {
		ip = list_first_entry(&dispose, struct inode, i_sb_list);
		list_del_init(&ip->i_sb_list);
		evict(ip);
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
		struct inode *ip = list_last_entry(&sb->s_inode_lru,
						      struct inode, i_lru);

		if (!spin_trylock(&ip->i_lock)) {
			list_move(&ip->i_lru, &sb->s_inode_lru);
			continue;
		}
		list_del_init(&ip->i_lru);
		atomic_long_dec(&nr_inodes_unused);
		if (atomic_read(&ip->i_count) ||
		    (ip->i_state & ~I_REFERENCED)) {
			spin_unlock(&ip->i_lock);
			continue;
		}
		ip->i_state |= I_FREEING;
		spin_unlock(&ip->i_lock);
		list_add(&ip->i_lru, &dispose);
	}
	spin_unlock(&sb->s_lru_lock);

	while (!list_empty(&dispose)) {
		struct inode *ip = list_first_entry(&dispose, struct inode,
						       i_lru);

		list_del_init(&ip->i_lru);
		evict(ip);
		freed++;
	}
	return freed;
}

unsigned long kshim_nr_unused_inodes(void)
{
	return atomic_long_read(&nr_inodes_unused);
}

/* --- link counts and bytes ---------------------------------------------- */

void inc_nlink(struct inode *ip)
{
	if (unlikely(ip->i_nlink == 0)) {
		WARN_ON(!(ip->i_state & I_LINKABLE));
		atomic_long_dec(&ip->i_sb->s_remove_count);
	}
	ip->__i_nlink++;
}

void drop_nlink(struct inode *ip)
{
	WARN_ON(ip->i_nlink == 0);
	ip->__i_nlink--;
	if (!ip->i_nlink)
		atomic_long_inc(&ip->i_sb->s_remove_count);
}

void clear_nlink(struct inode *ip)
{
	if (ip->i_nlink) {
		ip->__i_nlink = 0;
		atomic_long_inc(&ip->i_sb->s_remove_count);
	}
}

void set_nlink(struct inode *ip, unsigned int nlink)
{
	if (!nlink) {
		clear_nlink(ip);
		return;
	}
	if (ip->i_nlink == 0)
		atomic_long_dec(&ip->i_sb->s_remove_count);
	ip->__i_nlink = nlink;
}

void __inode_add_bytes(struct inode *ip, loff_t bytes)
{
	ip->i_blocks += bytes >> 9;
	bytes &= 511;
	ip->i_bytes += bytes;
	if (ip->i_bytes >= 512) {
		ip->i_blocks++;
		ip->i_bytes -= 512;
	}
}

void inode_add_bytes(struct inode *ip, loff_t bytes)
{
	spin_lock(&ip->i_lock);
	__inode_add_bytes(ip, bytes);
	spin_unlock(&ip->i_lock);
}

void __inode_sub_bytes(struct inode *ip, loff_t bytes)
{
	ip->i_blocks -= bytes >> 9;
	bytes &= 511;
	if (ip->i_bytes < bytes) {
		ip->i_blocks--;
		ip->i_bytes += 512;
	}
	ip->i_bytes -= bytes;
}

void inode_sub_bytes(struct inode *ip, loff_t bytes)
{
	spin_lock(&ip->i_lock);
	__inode_sub_bytes(ip, bytes);
	spin_unlock(&ip->i_lock);
}

loff_t inode_get_bytes(struct inode *ip)
{
	loff_t ret;

	spin_lock(&ip->i_lock);
	ret = __inode_get_bytes(ip);
	spin_unlock(&ip->i_lock);
	return ret;
}

void inode_set_bytes(struct inode *ip, loff_t bytes)
{
	ip->i_blocks = bytes >> 9;
	ip->i_bytes = bytes & 511;
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
				      struct inode *ip,
				      struct delayed_call *done)
{
	return ERR_PTR(-EIO);
}

static ssize_t bad_inode_listxattr(struct dentry *dentry, char *buffer,
				   size_t size)
{
	return -EIO;
}

static int bad_inode_permission(struct mnt_idmap *idmap, struct inode *ip,
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

static int bad_file_open(struct inode *ip, struct file *filp)
{
	return -EIO;
}

static const struct file_operations bad_file_ops = {
	.open = bad_file_open,
};

void make_bad_inode(struct inode *ip)
{
	remove_inode_hash(ip);
	ip->i_mode = S_IFREG;
	simple_inode_init_ts(ip);
	ip->i_op = &bad_inode_ops;
	ip->i_opflags &= ~IOP_XATTR;
	ip->i_fop = &bad_file_ops;
}

bool is_bad_inode(struct inode *ip)
{
	return ip->i_op == &bad_inode_ops;
}

/* --- helpers drivers call on new or read-in inodes ------------------------ */

static int special_open(struct inode *ip, struct file *file)
{
	/* device nodes and FIFOs are opened by the host kernel, not here */
	return -ENXIO;
}

static const struct file_operations kshim_special_fops = {
	.open = special_open,
};

void init_special_inode(struct inode *ip, umode_t mode, dev_t rdev)
{
	ip->i_mode = mode;
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		ip->i_fop = &kshim_special_fops;
		ip->i_rdev = rdev;
	} else if (S_ISFIFO(mode) || S_ISSOCK(mode)) {
		ip->i_fop = &kshim_special_fops;
	} else {
		pr_debug("init_special_inode: bogus i_mode (%o) for inode %s:%lu\n",
			 mode, ip->i_sb->s_id, ip->i_ino);
	}
}

void inode_nohighmem(struct inode *ip)
{
	mapping_set_gfp_mask(ip->i_mapping, GFP_USER);
}

void inode_init_owner(struct mnt_idmap *idmap, struct inode *ip,
		      const struct inode *dir, umode_t mode)
{
	inode_fsuid_set(ip, idmap);
	if (dir && (dir->i_mode & S_ISGID)) {
		ip->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	} else {
		inode_fsgid_set(ip, idmap);
	}
	/* a setgid file the creator could not have made setgid itself */
	if (dir && S_ISREG(mode) && (mode & S_ISGID) && (mode & S_IXGRP) &&
	    !in_group_p(ip->i_gid) &&
	    !capable_wrt_inode_uidgid(idmap, dir, CAP_FSETID))
		mode &= ~S_ISGID;
	ip->i_mode = mode;
}

bool inode_owner_or_capable(struct mnt_idmap *idmap,
			    const struct inode *ip)
{
	if (uid_eq(current_fsuid(), ip->i_uid))
		return true;
	return capable_wrt_inode_uidgid(idmap, ip, CAP_FOWNER);
}

void inode_dio_wait(struct inode *ip)
{
	wait_var_event(&ip->i_dio_count,
		       !atomic_read(&ip->i_dio_count));
}

void inode_dio_end(struct inode *ip)
{
	if (atomic_dec_and_test(&ip->i_dio_count))
		wake_up_var(&ip->i_dio_count);
}

/* --- timestamps --------------------------------------------------------- */

struct timespec64 timestamp_truncate(struct timespec64 t, struct inode *ip)
{
	struct super_block *sb = ip->i_sb;
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

struct timespec64 current_time(struct inode *ip)
{
	struct timespec64 now;

	ktime_get_coarse_real_ts64(&now);
	return timestamp_truncate(now, ip);
}

struct timespec64 inode_set_ctime_current(struct inode *ip)
{
	return inode_set_ctime_to_ts(ip, current_time(ip));
}

struct timespec64 simple_inode_init_ts(struct inode *ip)
{
	struct timespec64 ts = inode_set_ctime_current(ip);

	inode_set_atime_to_ts(ip, ts);
	inode_set_mtime_to_ts(ip, ts);
	return ts;
}

int generic_update_time(struct inode *ip, int flags)
{
	int dirty = I_DIRTY_SYNC;

	if (flags & S_CTIME)
		inode_set_ctime_current(ip);
	if (flags & S_MTIME)
		inode_set_mtime_to_ts(ip, inode_get_ctime(ip));
	if (flags & S_ATIME)
		inode_set_atime_to_ts(ip, current_time(ip));
	if (flags & S_VERSION)
		inode_maybe_inc_iversion(ip, false);
	__mark_inode_dirty(ip, dirty);
	return 0;
}

int inode_update_time(struct inode *ip, int flags)
{
	if (ip->i_op->update_time)
		return ip->i_op->update_time(ip, flags);
	return generic_update_time(ip, flags);
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
	struct inode *ip = file_inode(file);
	struct timespec64 now = current_time(ip);
	struct timespec64 mtime = inode_get_mtime(ip);
	struct timespec64 ctime = inode_get_ctime(ip);
	int flags = 0;

	if (IS_NOCMTIME(ip))
		return 0;
	if (!timespec64_equal(&mtime, &now))
		flags |= S_MTIME;
	if (!timespec64_equal(&ctime, &now))
		flags |= S_CTIME;
	if (IS_I_VERSION(ip) && inode_iversion_need_inc(ip))
		flags |= S_VERSION;
	if (!flags)
		return 0;
	return inode_update_time(ip, flags);
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
