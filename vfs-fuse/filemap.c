// SPDX-License-Identifier: GPL-2.0-only
/*
 * The page cache (the role of mm/filemap.c): the folios of one
 * address_space indexed by page offset, the folio lock and its waiters,
 * reading folios in through ->read_folio, and filemap_read(), the
 * buffered read path of ->read_iter.
 *
 * Kernel guarantees kept:
 *  - one folio per (mapping, index): concurrent creators race in
 *    filemap_add_folio() and exactly one wins, the others find its folio;
 *  - the page cache holds one reference per cached folio; every lookup
 *    hands out a reference of its own;
 *  - PG_locked is held while a folio is read in; it becomes uptodate
 *    before it is unlocked, or stays !uptodate and the reader gets -EIO;
 *  - a folio removed from its mapping (truncation, reclaim) has
 *    folio->mapping == NULL, which lookups that slept on the lock check;
 *  - filemap_read() copies out of uptodate folios under a reference, never
 *    under the folio lock, and stops at i_size sampled after the folio
 *    was found.
 *
 * Index: a red-black tree whose root is stored in mapping->kshim_pages
 * (struct rb_root is one pointer, so a zeroed mapping is an empty cache),
 * one small node per folio (folio->kshim_private), all under
 * mapping->kshim_pages_lock.  Lookups take that lock and the reference
 * together instead of the kernel's RCU walk plus folio_try_get().  A
 * global LRU list (folio->kshim_lru) feeds the shrinker.
 * Left out: large folios (order 0 only, as pagemap.h says), xarray marks
 * (dirty/writeback "tags" are the folio's own flags), mmap.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/pagevec.h>
#include <linux/rbtree.h>
#include <linux/slab.h>
#include <linux/swap.h>
#include <linux/uio.h>
#include <linux/buffer_head.h>
#include <linux/writeback.h>
#include <linux/shrinker.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait_bit.h>
#include "kshim-vfs-internal.h"

struct pc_node {
	struct rb_node rb;
	struct folio *folio;
};

/* every cached folio, oldest first, for reclaim */
static DEFINE_SPINLOCK(pc_lru_lock);
static LIST_HEAD(pc_lru);
static unsigned long pc_nr_folios;

static inline struct rb_root *pc_root(struct address_space *mapping)
{
	BUILD_BUG_ON(sizeof(struct rb_root) != sizeof(mapping->kshim_pages));
	return (struct rb_root *)&mapping->kshim_pages;
}

/* the node for @index, or NULL; caller holds kshim_pages_lock */
static struct pc_node *pc_find(struct address_space *mapping, pgoff_t index)
{
	struct rb_node *n = pc_root(mapping)->rb_node;

	while (n) {
		struct pc_node *pn = rb_entry(n, struct pc_node, rb);

		if (index < pn->folio->index)
			n = n->rb_left;
		else if (index > pn->folio->index)
			n = n->rb_right;
		else
			return pn;
	}
	return NULL;
}

/* the first node at or after @index; caller holds kshim_pages_lock */
static struct pc_node *pc_find_from(struct address_space *mapping,
				    pgoff_t index)
{
	struct rb_node *n = pc_root(mapping)->rb_node;
	struct pc_node *best = NULL;

	while (n) {
		struct pc_node *pn = rb_entry(n, struct pc_node, rb);

		if (index <= pn->folio->index) {
			best = pn;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return best;
}

static struct pc_node *pc_next(struct pc_node *pn)
{
	struct rb_node *n = rb_next(&pn->rb);

	return n ? rb_entry(n, struct pc_node, rb) : NULL;
}

/* link @node in; -EEXIST if the index is taken.  kshim_pages_lock held. */
static int pc_insert(struct address_space *mapping, struct pc_node *node)
{
	struct rb_node **link = &pc_root(mapping)->rb_node, *parent = NULL;
	pgoff_t index = node->folio->index;

	while (*link) {
		struct pc_node *pn = rb_entry(*link, struct pc_node, rb);

		parent = *link;
		if (index < pn->folio->index)
			link = &parent->rb_left;
		else if (index > pn->folio->index)
			link = &parent->rb_right;
		else
			return -EEXIST;
	}
	rb_link_node(&node->rb, parent, link);
	rb_insert_color(&node->rb, pc_root(mapping));
	return 0;
}

void kshim_mapping_init(struct address_space *mapping, struct inode *host)
{
	memset(mapping, 0, sizeof(*mapping));
	mapping->host = host;
	spin_lock_init(&mapping->kshim_pages_lock);
	spin_lock_init(&mapping->i_private_lock);
	INIT_LIST_HEAD(&mapping->i_private_list);
	init_rwsem(&mapping->invalidate_lock);
	init_rwsem(&mapping->i_mmap_rwsem);
	mapping->a_ops = &empty_aops;
	mapping->gfp_mask = GFP_HIGHUSER_MOVABLE;
}

unsigned long kshim_pagecache_folios(void)
{
	return READ_ONCE(pc_nr_folios);
}

/* --- adding and removing ------------------------------------------------ */

int filemap_add_folio(struct address_space *mapping, struct folio *folio,
		      pgoff_t index, gfp_t gfp)
{
	struct pc_node *node;
	long nr = folio_nr_pages(folio);
	int err;

	VM_BUG_ON_FOLIO(folio_test_locked(folio), folio);
	node = kmalloc(sizeof(*node), GFP_NOFS);
	if (!node)
		return -ENOMEM;
	node->folio = folio;

	/* the caller's folio is private to it: non-atomic flag updates */
	__folio_set_locked(folio);
	folio->index = index;
	folio->mapping = mapping;
	folio->kshim_private = node;
	folio_ref_add(folio, nr);		/* the page cache's reference */

	spin_lock(&mapping->kshim_pages_lock);
	err = pc_insert(mapping, node);
	if (!err)
		mapping->nrpages += nr;
	spin_unlock(&mapping->kshim_pages_lock);

	if (err) {
		folio->mapping = NULL;
		folio->kshim_private = NULL;
		folio_ref_sub(folio, nr);
		__folio_clear_locked(folio);
		kfree(node);
		return err;
	}
	spin_lock(&pc_lru_lock);
	list_add_tail(&folio->kshim_lru, &pc_lru);
	pc_nr_folios++;
	folio_set_lru(folio);
	spin_unlock(&pc_lru_lock);
	return 0;
}

/* unlink a locked folio from its mapping; the cache's reference is kept */
/*
 * Take @folio out of its mapping: index, LRU, dirty accounting, mapping
 * pointer.  With @refs non-zero only if exactly @refs references remain,
 * checked under the index lock that lookups take their reference under,
 * so no lookup can get hold of a folio on its way out (the kernel's
 * folio_ref_freeze() in __remove_mapping).
 */
static bool __filemap_remove_folio(struct folio *folio, int refs)
{
	struct address_space *mapping = folio->mapping;
	struct pc_node *node = folio->kshim_private;

	spin_lock(&mapping->kshim_pages_lock);
	if (refs && folio_ref_count(folio) != refs) {
		spin_unlock(&mapping->kshim_pages_lock);
		return false;
	}
	rb_erase(&node->rb, pc_root(mapping));
	mapping->nrpages -= folio_nr_pages(folio);
	folio->kshim_private = NULL;
	spin_unlock(&mapping->kshim_pages_lock);

	spin_lock(&pc_lru_lock);
	if (folio_test_clear_lru(folio)) {
		list_del_init(&folio->kshim_lru);
		pc_nr_folios--;
	}
	spin_unlock(&pc_lru_lock);

	/* a dirty folio leaving the cache is cleaned, as the kernel does */
	folio_clear_dirty(folio);
	kshim_account_folio_cleaned(folio);
	WRITE_ONCE(folio->mapping, NULL);
	kfree(node);
	return true;
}

static bool remove_locked_folio(struct folio *folio, int refs)
{
	struct address_space *mapping = folio->mapping;
	void (*free_folio)(struct folio *);

	BUG_ON(!folio_test_locked(folio));
	free_folio = mapping->a_ops ? mapping->a_ops->free_folio : NULL;
	if (!__filemap_remove_folio(folio, refs))
		return false;
	if (free_folio)
		free_folio(folio);
	folio_put_refs(folio, folio_nr_pages(folio));
	return true;
}

void filemap_remove_folio(struct folio *folio)
{
	remove_locked_folio(folio, 0);
}

/* --- folio lock and other waits ----------------------------------------- */

void __folio_lock(struct folio *folio)
{
	wait_on_bit_lock_io(&folio->flags, PG_locked, TASK_UNINTERRUPTIBLE);
}

int __folio_lock_killable(struct folio *folio)
{
	return wait_on_bit_lock_io(&folio->flags, PG_locked, TASK_KILLABLE);
}

void folio_unlock(struct folio *folio)
{
	VM_BUG_ON_FOLIO(!folio_test_locked(folio), folio);
	clear_bit_unlock(PG_locked, &folio->flags);
	smp_mb__after_atomic();
	wake_up_bit(&folio->flags, PG_locked);
}

void folio_wait_bit(struct folio *folio, int bit_nr)
{
	wait_on_bit_io(&folio->flags, bit_nr, TASK_UNINTERRUPTIBLE);
}

int folio_wait_bit_killable(struct folio *folio, int bit_nr)
{
	return wait_on_bit_io(&folio->flags, bit_nr, TASK_KILLABLE);
}

void folio_end_read(struct folio *folio, bool success)
{
	VM_BUG_ON_FOLIO(!folio_test_locked(folio), folio);
	if (likely(success))
		folio_mark_uptodate(folio);
	folio_unlock(folio);
}

void folio_wait_writeback(struct folio *folio)
{
	while (folio_test_writeback(folio))
		folio_wait_bit(folio, PG_writeback);
}

int folio_wait_writeback_killable(struct folio *folio)
{
	while (folio_test_writeback(folio)) {
		if (folio_wait_bit_killable(folio, PG_writeback))
			return -EINTR;
	}
	return 0;
}

void folio_wait_stable(struct folio *folio)
{
	if (mapping_stable_writes(folio->mapping))
		folio_wait_writeback(folio);
}

void folio_end_writeback(struct folio *folio)
{
	VM_BUG_ON_FOLIO(!folio_test_writeback(folio), folio);
	/* keep the folio alive while waiters are woken */
	folio_get(folio);
	folio_clear_reclaim(folio);
	clear_bit_unlock(PG_writeback, &folio->flags);
	smp_mb__after_atomic();
	wake_up_bit(&folio->flags, PG_writeback);
	folio_put(folio);
}

void folio_mark_accessed(struct folio *folio)
{
	if (!folio_test_referenced(folio))
		folio_set_referenced(folio);
	else if (!folio_test_active(folio))
		folio_set_active(folio);
}

void mark_page_accessed(struct page *page)
{
	folio_mark_accessed(page_folio(page));
}

/* --- lookup ------------------------------------------------------------- */

/* the folio at @index with a reference, or NULL */
static struct folio *filemap_get_entry(struct address_space *mapping,
				       pgoff_t index)
{
	struct folio *folio = NULL;
	struct pc_node *pn;

	spin_lock(&mapping->kshim_pages_lock);
	pn = pc_find(mapping, index);
	if (pn) {
		folio = pn->folio;
		folio_get(folio);
	}
	spin_unlock(&mapping->kshim_pages_lock);
	return folio;
}

struct folio *kshim_pagecache_peek(struct address_space *mapping,
				   unsigned long index)
{
	struct pc_node *pn;

	spin_lock(&mapping->kshim_pages_lock);
	pn = pc_find(mapping, index);
	spin_unlock(&mapping->kshim_pages_lock);
	return pn ? pn->folio : NULL;
}

struct folio *__filemap_get_folio(struct address_space *mapping,
				  pgoff_t index, fgf_t fgp_flags, gfp_t gfp)
{
	struct folio *folio;
	int err;

repeat:
	folio = filemap_get_entry(mapping, index);
	if (!folio)
		goto no_folio;

	if (fgp_flags & FGP_LOCK) {
		if (fgp_flags & FGP_NOWAIT) {
			if (!folio_trylock(folio)) {
				folio_put(folio);
				return ERR_PTR(-EAGAIN);
			}
		} else {
			folio_lock(folio);
		}
		/* truncated while we slept on the lock? */
		if (unlikely(folio->mapping != mapping)) {
			folio_unlock(folio);
			folio_put(folio);
			goto repeat;
		}
	}
	if (fgp_flags & FGP_ACCESSED)
		folio_mark_accessed(folio);
	if (fgp_flags & FGP_STABLE)
		folio_wait_stable(folio);
	return folio;

no_folio:
	if (!(fgp_flags & FGP_CREAT))
		return ERR_PTR(-ENOENT);
	if (fgp_flags & FGP_NOFS)
		gfp &= ~__GFP_FS;
	if (fgp_flags & FGP_NOWAIT) {
		gfp &= ~GFP_KERNEL;
		gfp |= GFP_NOWAIT | __GFP_NOWARN;
	}
	if (!gfp)
		gfp = mapping_gfp_mask(mapping);

	folio = filemap_alloc_folio(gfp, 0);
	if (!folio)
		return ERR_PTR(-ENOMEM);
	err = filemap_add_folio(mapping, folio, index, gfp);
	if (unlikely(err)) {
		folio_put(folio);
		if (err == -EEXIST)
			goto repeat;	/* somebody else created it */
		return ERR_PTR(err);
	}
	if (fgp_flags & FGP_ACCESSED)
		__folio_set_referenced(folio);
	if (!(fgp_flags & FGP_LOCK))
		folio_unlock(folio);
	return folio;
}

/*
 * Up to a batch of folios at or after *start and at most @end, with
 * references; *start moves past the last one returned.  With @tag, only
 * folios whose corresponding flag is set.
 */
static unsigned int find_folios(struct address_space *mapping, pgoff_t *start,
				pgoff_t end, int tag,
				struct folio_batch *fbatch)
{
	struct pc_node *pn;
	pgoff_t last = 0;
	bool any = false;

	spin_lock(&mapping->kshim_pages_lock);
	for (pn = pc_find_from(mapping, *start);
	     pn && pn->folio->index <= end; pn = pc_next(pn)) {
		struct folio *folio = pn->folio;

		if (tag == PAGECACHE_TAG_DIRTY && !folio_test_dirty(folio))
			continue;
		if (tag == PAGECACHE_TAG_WRITEBACK &&
		    !folio_test_writeback(folio))
			continue;
		if (tag == PAGECACHE_TAG_TOWRITE && !folio_test_dirty(folio))
			continue;
		folio_get(folio);
		last = folio_next_index(folio) - 1;
		any = true;
		if (!folio_batch_add(fbatch, folio))
			break;
	}
	spin_unlock(&mapping->kshim_pages_lock);

	if (any && last < end && folio_batch_space(fbatch) == 0)
		*start = last + 1;
	else if (end == (pgoff_t)-1)
		*start = (pgoff_t)-1;
	else
		*start = end + 1;
	return folio_batch_count(fbatch);
}

unsigned int filemap_get_folios(struct address_space *mapping,
				pgoff_t *start, pgoff_t end,
				struct folio_batch *fbatch)
{
	return find_folios(mapping, start, end, -1, fbatch);
}

unsigned int filemap_get_folios_tag(struct address_space *mapping,
				    pgoff_t *start, pgoff_t end,
				    unsigned int tag,
				    struct folio_batch *fbatch)
{
	return find_folios(mapping, start, end, tag, fbatch);
}

void __folio_batch_release(struct folio_batch *fbatch)
{
	unsigned int i;

	for (i = 0; i < folio_batch_count(fbatch); i++)
		folio_put(fbatch->folios[i]);
	folio_batch_reinit(fbatch);
}

void folio_batch_remove_exceptionals(struct folio_batch *fbatch)
{
	/* kshim's cache holds no shadow entries */
}

/* --- reading folios in -------------------------------------------------- */

/*
 * Read a locked, !uptodate folio with @filler (->read_folio if NULL) and
 * wait for the read.  0 if it is uptodate afterwards, -EIO otherwise.
 */
static int filemap_read_folio(struct file *file, filler_t filler,
			      struct folio *folio)
{
	int err;

	err = filler(file, folio);
	if (err)
		return err;
	err = folio_wait_bit_killable(folio, PG_locked);
	if (err)
		return err;
	if (folio_test_uptodate(folio))
		return 0;
	return -EIO;
}

static struct folio *do_read_cache_folio(struct address_space *mapping,
					 pgoff_t index, filler_t filler,
					 struct file *file, gfp_t gfp)
{
	struct folio *folio;
	int err;

	if (!filler)
		filler = mapping->a_ops->read_folio;
repeat:
	folio = filemap_get_folio(mapping, index);
	if (IS_ERR(folio)) {
		folio = filemap_alloc_folio(gfp, 0);
		if (!folio)
			return ERR_PTR(-ENOMEM);
		err = filemap_add_folio(mapping, folio, index, gfp);
		if (unlikely(err)) {
			folio_put(folio);
			if (err == -EEXIST)
				goto repeat;
			return ERR_PTR(err);
		}
		goto filler;
	}
	if (folio_test_uptodate(folio))
		goto out;

	err = folio_lock_killable(folio);
	if (err) {
		folio_put(folio);
		return ERR_PTR(err);
	}
	if (!folio->mapping) {		/* truncated meanwhile */
		folio_unlock(folio);
		folio_put(folio);
		goto repeat;
	}
	if (folio_test_uptodate(folio)) {
		folio_unlock(folio);
		goto out;
	}
filler:
	err = filemap_read_folio(file, filler, folio);
	if (err) {
		folio_put(folio);
		if (err == AOP_TRUNCATED_PAGE)
			goto repeat;
		return ERR_PTR(err);
	}
out:
	folio_mark_accessed(folio);
	return folio;
}

struct folio *read_cache_folio(struct address_space *mapping, pgoff_t index,
			       filler_t *filler, struct file *file)
{
	return do_read_cache_folio(mapping, index, filler, file,
				   mapping_gfp_mask(mapping));
}

struct folio *mapping_read_folio_gfp(struct address_space *mapping,
				     pgoff_t index, gfp_t gfp)
{
	return do_read_cache_folio(mapping, index, NULL, NULL, gfp);
}

struct page *read_cache_page(struct address_space *mapping, pgoff_t index,
			     filler_t *filler, struct file *file)
{
	struct folio *folio = read_cache_folio(mapping, index, filler, file);

	if (IS_ERR(folio))
		return ERR_CAST(folio);
	return &folio->page;
}

struct page *read_cache_page_gfp(struct address_space *mapping, pgoff_t index,
				 gfp_t gfp)
{
	struct folio *folio = mapping_read_folio_gfp(mapping, index, gfp);

	if (IS_ERR(folio))
		return ERR_CAST(folio);
	return &folio->page;
}

/* --- filemap_read -------------------------------------------------------- */

/*
 * Make the folio at @index uptodate for a reader: returns it with a
 * reference, or an ERR_PTR.  Misses start synchronous readahead; a folio
 * carrying the readahead mark starts the next window asynchronously.
 */
static struct folio *filemap_get_read_folio(struct kiocb *iocb,
					    pgoff_t index, pgoff_t last_index)
{
	struct file *filp = iocb->ki_filp;
	struct address_space *mapping = filp->f_mapping;
	struct folio *folio;
	int err;

	folio = filemap_get_folio(mapping, index);
	if (IS_ERR(folio)) {
		DEFINE_READAHEAD(ractl, filp, &filp->f_ra, mapping, index);

		if (iocb->ki_flags & IOCB_NOIO)
			return ERR_PTR(-EAGAIN);
		page_cache_sync_ra(&ractl, last_index - index);
		folio = filemap_get_folio(mapping, index);
	}
	if (IS_ERR(folio)) {
		/* readahead could not help (no memory, disabled): one folio */
		folio = filemap_alloc_folio(mapping_gfp_mask(mapping), 0);
		if (!folio)
			return ERR_PTR(-ENOMEM);
		err = filemap_add_folio(mapping, folio, index,
					mapping_gfp_mask(mapping));
		if (err) {
			folio_put(folio);
			return ERR_PTR(err == -EEXIST ? AOP_TRUNCATED_PAGE : err);
		}
		err = filemap_read_folio(filp, mapping->a_ops->read_folio, folio);
		if (err) {
			folio_put(folio);
			return ERR_PTR(err);
		}
		return folio;
	}
	if (folio_test_readahead(folio)) {
		DEFINE_READAHEAD(ractl, filp, &filp->f_ra, mapping, index);

		page_cache_async_ra(&ractl, folio, last_index - index);
	}
	if (folio_test_uptodate(folio))
		return folio;

	/* being read by someone else, or left !uptodate by a failed read */
	if (iocb->ki_flags & IOCB_NOWAIT) {
		if (!folio_trylock(folio)) {
			folio_put(folio);
			return ERR_PTR(-EAGAIN);
		}
	} else {
		err = folio_lock_killable(folio);
		if (err) {
			folio_put(folio);
			return ERR_PTR(err);
		}
	}
	if (!folio->mapping) {
		folio_unlock(folio);
		folio_put(folio);
		return ERR_PTR(AOP_TRUNCATED_PAGE);
	}
	if (folio_test_uptodate(folio)) {
		folio_unlock(folio);
		return folio;
	}
	if (mapping->a_ops->is_partially_uptodate &&
	    mapping->a_ops->is_partially_uptodate(folio,
				offset_in_folio(folio, iocb->ki_pos),
				PAGE_SIZE - offset_in_folio(folio, iocb->ki_pos)) &&
	    index == iocb->ki_pos >> PAGE_SHIFT) {
		folio_unlock(folio);
		return folio;
	}
	err = filemap_read_folio(filp, mapping->a_ops->read_folio, folio);
	if (err) {
		folio_put(folio);
		return ERR_PTR(err);
	}
	return folio;
}

ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *iter,
		     ssize_t already_read)
{
	struct file *filp = iocb->ki_filp;
	struct file_ra_state *ra = &filp->f_ra;
	struct address_space *mapping = filp->f_mapping;
	struct inode *inode = mapping->host;
	loff_t isize;
	int error = 0;

	if (unlikely(iocb->ki_pos >= inode->i_sb->s_maxbytes))
		return 0;
	if (unlikely(!iov_iter_count(iter)))
		return 0;
	iov_iter_truncate(iter, inode->i_sb->s_maxbytes - iocb->ki_pos);

	do {
		pgoff_t index = iocb->ki_pos >> PAGE_SHIFT;
		pgoff_t last_index = DIV_ROUND_UP(iocb->ki_pos +
						  iov_iter_count(iter),
						  PAGE_SIZE);
		struct folio *folio;
		size_t offset, bytes, copied;

		if (fatal_signal_pending(current)) {
			error = -EINTR;
			break;
		}
		/* nothing to read beyond the end: no folio needed */
		if (iocb->ki_pos >= i_size_read(inode))
			break;
		folio = filemap_get_read_folio(iocb, index, last_index);
		if (IS_ERR(folio)) {
			error = PTR_ERR(folio);
			if (error == AOP_TRUNCATED_PAGE) {
				error = 0;
				continue;
			}
			break;
		}
		/* i_size after the folio is uptodate, as the kernel samples it */
		isize = i_size_read(inode);
		if (unlikely(iocb->ki_pos >= isize)) {
			folio_put(folio);
			break;
		}
		offset = offset_in_folio(folio, iocb->ki_pos);
		bytes = min_t(loff_t, isize - iocb->ki_pos,
			      folio_size(folio) - offset);
		bytes = min(bytes, iov_iter_count(iter));
		if (folio_test_uptodate(folio) && !folio_test_referenced(folio))
			folio_mark_accessed(folio);
		copied = copy_folio_to_iter(folio, offset, bytes, iter);
		folio_put(folio);
		already_read += copied;
		iocb->ki_pos += copied;
		ra->prev_pos = iocb->ki_pos;
		if (copied < bytes) {
			error = -EFAULT;
			break;
		}
	} while (iov_iter_count(iter) && !error);

	file_accessed(filp);
	return already_read ? already_read : error;
}

ssize_t generic_file_read_iter(struct kiocb *iocb, struct iov_iter *iter)
{
	if (!iov_iter_count(iter))
		return 0;
	if (iocb->ki_flags & IOCB_DIRECT) {
		/* direct I/O comes later; callers see a clean refusal */
		return -EINVAL;
	}
	return filemap_read(iocb, iter, 0);
}

/* --- writeback waits and starts ------------------------------------------ */

static bool mapping_has_tag(struct address_space *mapping, loff_t start,
			    loff_t end, int tag)
{
	struct folio_batch fbatch;
	pgoff_t index = start >> PAGE_SHIFT;
	bool found;

	folio_batch_init(&fbatch);
	found = find_folios(mapping, &index, end >> PAGE_SHIFT, tag, &fbatch);
	folio_batch_release(&fbatch);
	return found;
}

int filemap_fdatawrite_wbc(struct address_space *mapping,
			   struct writeback_control *wbc)
{
	if (!mapping->nrpages)
		return 0;
	if (!mapping_has_tag(mapping, wbc->range_start, wbc->range_end,
			     PAGECACHE_TAG_DIRTY))
		return 0;
	return do_writepages(mapping, wbc);
}

static int __filemap_fdatawrite_range(struct address_space *mapping,
				      loff_t start, loff_t end, int sync_mode)
{
	struct writeback_control wbc = {
		.sync_mode = sync_mode,
		.nr_to_write = LONG_MAX,
		.range_start = start,
		.range_end = end,
	};

	return filemap_fdatawrite_wbc(mapping, &wbc);
}

int filemap_fdatawrite_range(struct address_space *mapping, loff_t start,
			     loff_t end)
{
	return __filemap_fdatawrite_range(mapping, start, end, WB_SYNC_ALL);
}

int filemap_fdatawrite(struct address_space *mapping)
{
	return filemap_fdatawrite_range(mapping, 0, LLONG_MAX);
}

int filemap_flush(struct address_space *mapping)
{
	return __filemap_fdatawrite_range(mapping, 0, LLONG_MAX, WB_SYNC_NONE);
}

static void wait_on_writeback_range(struct address_space *mapping,
				    loff_t start, loff_t end)
{
	pgoff_t index = start >> PAGE_SHIFT, last = end >> PAGE_SHIFT;
	struct folio_batch fbatch;
	unsigned int i;

	if (end < start)
		return;
	folio_batch_init(&fbatch);
	while (index <= last) {
		if (!filemap_get_folios_tag(mapping, &index, last,
					    PAGECACHE_TAG_WRITEBACK, &fbatch))
			break;
		for (i = 0; i < folio_batch_count(&fbatch); i++)
			folio_wait_writeback(fbatch.folios[i]);
		folio_batch_release(&fbatch);
		if (index == 0)
			break;		/* wrapped past the last index */
	}
}

static int filemap_check_errors(struct address_space *mapping)
{
	int ret = 0;

	if (test_bit(AS_ENOSPC, &mapping->flags) &&
	    test_and_clear_bit(AS_ENOSPC, &mapping->flags))
		ret = -ENOSPC;
	if (test_bit(AS_EIO, &mapping->flags) &&
	    test_and_clear_bit(AS_EIO, &mapping->flags))
		ret = -EIO;
	return ret;
}

int filemap_fdatawait_range(struct address_space *mapping, loff_t start,
			    loff_t end)
{
	wait_on_writeback_range(mapping, start, end);
	return filemap_check_errors(mapping);
}

int filemap_fdatawait_keep_errors(struct address_space *mapping)
{
	wait_on_writeback_range(mapping, 0, LLONG_MAX);
	if (test_bit(AS_EIO, &mapping->flags))
		return -EIO;
	if (test_bit(AS_ENOSPC, &mapping->flags))
		return -ENOSPC;
	return 0;
}

/* write the range for data integrity and wait: the write's own error */
static int write_range_and_wait(struct address_space *mapping, loff_t start,
				loff_t end)
{
	int err;

	if (!mapping->nrpages)
		return 0;
	err = __filemap_fdatawrite_range(mapping, start, end, WB_SYNC_ALL);
	if (err != -EIO)
		wait_on_writeback_range(mapping, start, end);
	return err;
}

int filemap_write_and_wait_range(struct address_space *mapping,
				 loff_t lstart, loff_t lend)
{
	int err, err2;

	if (lend < lstart)
		return 0;
	err = write_range_and_wait(mapping, lstart, lend);
	err2 = filemap_check_errors(mapping);
	return err ? err : err2;
}

int file_check_and_advance_wb_err(struct file *file)
{
	struct address_space *mapping = file->f_mapping;
	int err = 0;

	/* each opener learns a writeback error once, through f_wb_err */
	if (errseq_check(&mapping->wb_err, READ_ONCE(file->f_wb_err))) {
		spin_lock(&file->f_lock);
		err = errseq_check_and_advance(&mapping->wb_err,
					       &file->f_wb_err);
		spin_unlock(&file->f_lock);
	}
	/* the legacy AS_* bits have been reported through the cursor too */
	clear_bit(AS_EIO, &mapping->flags);
	clear_bit(AS_ENOSPC, &mapping->flags);
	return err;
}

int file_write_and_wait_range(struct file *file, loff_t start, loff_t end)
{
	int err, err2;

	if (end < start)
		return 0;
	err = write_range_and_wait(file->f_mapping, start, end);
	err2 = file_check_and_advance_wb_err(file);
	return err ? err : err2;
}

int filemap_invalidate_pages(struct address_space *mapping, loff_t pos,
			     loff_t end, bool nowait)
{
	int ret;

	if (nowait) {
		if (mapping_has_tag(mapping, pos, end, PAGECACHE_TAG_DIRTY))
			return -EAGAIN;
	} else {
		ret = filemap_write_and_wait_range(mapping, pos, end);
		if (ret)
			return ret;
	}
	return invalidate_inode_pages2_range(mapping, pos >> PAGE_SHIFT,
					     end >> PAGE_SHIFT);
}

#ifndef VM_FAULT_SIGBUS
#define VM_FAULT_SIGBUS ((__force vm_fault_t)0x000002)
#endif

/* --- private data ------------------------------------------------------- */

void folio_invalidate(struct folio *folio, size_t offset, size_t length)
{
	const struct address_space_operations *aops = folio->mapping->a_ops;

	if (aops && aops->invalidate_folio)
		aops->invalidate_folio(folio, offset, length);
	else if (folio_buffers(folio))
		block_invalidate_folio(folio, offset, length);
}

bool filemap_release_folio(struct folio *folio, gfp_t gfp)
{
	struct address_space *mapping = folio->mapping;

	BUG_ON(!folio_test_locked(folio));
	if (!folio_has_private(folio))
		return true;
	if (folio_test_writeback(folio))
		return false;
	if (mapping && mapping->a_ops && mapping->a_ops->release_folio)
		return mapping->a_ops->release_folio(folio, gfp);
	return try_to_free_buffers(folio);
}

/* --- the buffered write path ---------------------------------------------- */

/*
 * One step of a buffered write: up to @want bytes at @pos, all in one
 * folio.  ->write_begin hands the folio locked with its blocks ready,
 * the data is copied in from @from, ->write_end commits and reports how
 * much it took (it may refuse a short copy entirely: then the step is
 * retried with just what the source could give).  Returns the bytes
 * committed (0 only if the source gave nothing) or a negative errno;
 * @from has advanced by exactly the committed bytes.
 */
static long write_step(struct file *file, struct address_space *mapping,
		       loff_t pos, size_t want, struct iov_iter *from)
{
	const struct address_space_operations *aops = mapping->a_ops;

	for (;;) {
		struct folio *folio;
		void *fsdata = NULL;
		size_t in_folio, got;
		long took;

		/* kshim's sources are plain memory: this only finds the end */
		if (fault_in_iov_iter_readable(from, want) == want)
			return -EFAULT;
		if (fatal_signal_pending(current))
			return -EINTR;
		took = aops->write_begin(file, mapping, pos, want, &folio,
					 &fsdata);
		if (took < 0)
			return took;
		in_folio = folio_size(folio) - offset_in_folio(folio, pos);
		want = min(want, in_folio);
		got = copy_folio_from_iter_atomic(folio,
						  offset_in_folio(folio, pos),
						  want, from);
		flush_dcache_folio(folio);
		took = aops->write_end(file, mapping, pos, want, got, folio,
				       fsdata);
		if (took != (long)got)
			iov_iter_revert(from, got - max(took, 0L));
		if (took != 0 || got == 0)
			return took;
		/* refused a short copy: go again with what the source had */
		want = got;
	}
}

/*
 * The buffered write loop of every page-cache filesystem: folio after
 * folio, each prepared, filled and committed by the filesystem, with the
 * dirty throttle consulted before each.  Returns the bytes written (and
 * moves ki_pos past them) or, if nothing was written, the error that
 * stopped it: a later -ENOSPC makes a short write, as in the kernel.
 * Caller holds i_rwsem (exclusively).
 */
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct address_space *mapping = file->f_mapping;
	size_t folio_max = mapping_max_folio_size(mapping);
	loff_t pos = iocb->ki_pos;
	ssize_t written = 0;
	long step = 0;

	while (iov_iter_count(from)) {
		size_t room = folio_max - (pos & (folio_max - 1));

		balance_dirty_pages_ratelimited(mapping);
		step = write_step(file, mapping, pos,
				  min(room, iov_iter_count(from)), from);
		if (step <= 0)
			break;
		pos += step;
		written += step;
		cond_resched();
	}
	if (!written)
		return step;
	iocb->ki_pos += written;
	return written;
}

/*
 * A write to a file whose i_rwsem the caller holds: privileges and times
 * first (file_remove_privs, mtime/ctime, through kiocb_modified), then
 * the page cache.  kshim has no direct I/O: an O_DIRECT write is written
 * through the page cache and then to the disk before it returns, which
 * is what a filesystem's own fallback to buffered I/O provides.  O_SYNC
 * is the caller's business (generic_write_sync, outside i_rwsem).
 */
ssize_t __generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct address_space *mapping = iocb->ki_filp->f_mapping;
	loff_t start = iocb->ki_pos;
	ssize_t written;
	int err;

	err = kiocb_modified(iocb);
	if (err)
		return err;
	written = generic_perform_write(iocb, from);
	if (written > 0 && (iocb->ki_flags & IOCB_DIRECT)) {
		err = filemap_write_and_wait_range(mapping, start,
						   start + written - 1);
		if (err)
			return err;
	}
	return written;
}

/*
 * ->write_iter for most filesystems: writers of one file are serialized
 * by its i_rwsem, taken exclusively, around the checks (append position,
 * size limits) and the write; synchronous writes are flushed after the
 * lock is dropped.
 */
ssize_t generic_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = iocb->ki_filp->f_mapping->host;
	ssize_t ret;

	inode_lock(inode);
	ret = generic_write_checks(iocb, from);
	if (ret > 0)
		ret = __generic_file_write_iter(iocb, from);
	inode_unlock(inode);
	return ret > 0 ? generic_write_sync(iocb, ret) : ret;
}

/* --- mmap and splice: not in kshim ------------------------------------------- */

ssize_t filemap_splice_read(struct file *in, loff_t *ppos,
			    struct pipe_inode_info *pipe, size_t len,
			    unsigned int flags)
{
	return -EINVAL;
}

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}

int generic_file_readonly_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}

vm_fault_t filemap_fault(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start_pgoff,
			     pgoff_t end_pgoff)
{
	return 0;
}

vm_fault_t filemap_page_mkwrite(struct vm_fault *vmf)
{
	return VM_FAULT_SIGBUS;
}

/* mm/huge_memory.c: no mmap, so no address to give */
unsigned long thp_get_unmapped_area(struct file *filp, unsigned long addr,
				    unsigned long len, unsigned long pgoff,
				    unsigned long flags)
{
	return (unsigned long)-ENODEV;
}

/* --- reclaim --------------------------------------------------------------- */

/*
 * Drop one clean, unused folio from its mapping.  The caller holds a
 * reference; true if the folio left the cache.
 */
static bool pc_evict_folio(struct folio *folio)
{
	struct address_space *mapping;
	bool done = false;

	if (!folio_trylock(folio))
		return false;
	mapping = folio->mapping;
	if (!mapping || folio_test_dirty(folio) || folio_test_writeback(folio))
		goto out;
	if (folio_has_private(folio) && !filemap_release_folio(folio, 0))
		goto out;
	/* only the cache's reference and ours may remain */
	done = remove_locked_folio(folio, 1 + folio_nr_pages(folio));
out:
	folio_unlock(folio);
	return done;
}

void kshim_pagecache_for_each_folio(void (*fn)(struct folio *folio))
{
	struct folio *folio;

	spin_lock(&pc_lru_lock);
	list_for_each_entry(folio, &pc_lru, kshim_lru)
		fn(folio);
	spin_unlock(&pc_lru_lock);
}

/*
 * Reclaim never writes: a dirty or writeback folio met here is skipped
 * (the caller may hold folio locks writeback would need) and the flusher
 * is asked to clean the cache so the next scan finds clean folios.
 */
unsigned long kshim_pagecache_shrink(unsigned long nr_to_scan)
{
	unsigned long freed = 0, dirty_seen = 0;

	while (nr_to_scan--) {
		struct folio *folio;

		spin_lock(&pc_lru_lock);
		if (list_empty(&pc_lru)) {
			spin_unlock(&pc_lru_lock);
			break;
		}
		folio = list_first_entry(&pc_lru, struct folio, kshim_lru);
		/* rotate: a folio that stays goes to the young end */
		list_move_tail(&folio->kshim_lru, &pc_lru);
		/* on the list means cached, so the count is not zero */
		folio_get(folio);
		spin_unlock(&pc_lru_lock);

		if (folio_test_clear_referenced(folio)) {
			folio_put(folio);
			continue;
		}
		if (folio_test_dirty(folio))
			dirty_seen++;
		else if (pc_evict_folio(folio))
			freed++;
		folio_put(folio);
	}
	if (dirty_seen)
		kshim_flusher_kick();
	return freed;
}

static unsigned long pc_shrink_count(struct shrinker *s,
				     struct shrink_control *sc)
{
	return READ_ONCE(pc_nr_folios);
}

static unsigned long pc_shrink_scan(struct shrinker *s,
				    struct shrink_control *sc)
{
	if (!(sc->gfp_mask & __GFP_FS))
		return SHRINK_STOP;
	return kshim_pagecache_shrink(sc->nr_to_scan);
}

static int __init pagecache_shrinker_init(void)
{
	struct shrinker *s = shrinker_alloc(0, "kshim-pagecache");

	if (!s)
		return -ENOMEM;
	s->count_objects = pc_shrink_count;
	s->scan_objects = pc_shrink_scan;
	s->seeks = DEFAULT_SEEKS;
	shrinker_register(s);
	return 0;
}
core_initcall(pagecache_shrinker_init);
