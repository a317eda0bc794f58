// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dirty folios, dirty accounting and throttling, writeback starts (the
 * role of mm/page-writeback.c).
 *
 * Kernel guarantees kept:
 *  - folio_mark_dirty() goes through the mapping's ->dirty_folio and
 *    returns true only for the caller that made the folio dirty;
 *    filemap_dirty_folio() also dirties the inode (I_DIRTY_PAGES);
 *  - folio_clear_dirty_for_io() is called on a locked folio and clears
 *    PG_dirty, returning whether it was set, so exactly one writer
 *    writes each dirtying;
 *  - __folio_start_writeback() sets PG_writeback (which must not be set)
 *    and returns whether it was already set; folio_end_writeback()
 *    (filemap.c) clears it and wakes waiters;
 *  - write_cache_pages() calls @writepage for every dirty folio of the
 *    range, locked, after waiting for earlier writeback when the caller
 *    asks for data integrity (WB_SYNC_ALL), and the callee unlocks;
 *  - dirty page cache is counted (the kernel's NR_FILE_DIRTY): a folio
 *    counts from the moment it becomes dirty in a mapping (file or block
 *    device) until it is cleaned for I/O, cancelled or leaves the cache;
 *  - balance_dirty_pages_ratelimited() never lets a writer push the count
 *    past the dirty limit: past the background threshold the flusher is
 *    woken, past the limit the writer waits for it (or, with no progress,
 *    writes its own mapping back).  The caller holds no folio lock.
 * Limits: 20% (dirty) and 10% (background) of the memory cap when one is
 * set, else of "RAM" capped at 256 MiB; kshim_set_dirty_limit() overrides.
 * Counting uses a private page flag (PG_arch_1, unused in a userspace
 * world) so each folio is counted once whatever path dirties or cleans
 * it; kshim_dirty_recount() repairs the count from the LRU if a path
 * that bypasses the hooks ever dirtied or cleaned a folio.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/pagevec.h>
#include <linux/writeback.h>
#include <linux/backing-dev.h>
#include <linux/buffer_head.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/wait_bit.h>
#include "kshim-vfs-internal.h"

int laptop_mode;
int dirty_writeback_interval = 5 * 100;
int dirty_expire_interval = 30 * 100;

/* --- dirty accounting --------------------------------------------------- */

#define PG_counted_dirty PG_arch_1

static atomic_long_t dirty_pages_now;
static atomic_long_t dirty_pages_peak;
static atomic_t writers_throttled;
static unsigned long dirty_limit_bytes_set;	/* 0: derived from memory */

#define DIRTY_DEFAULT_CEILING (256UL << 20)

unsigned long kshim_dirty_pages(void)
{
	long n = atomic_long_read(&dirty_pages_now);

	return n > 0 ? n : 0;
}

unsigned long kshim_dirty_pages_peak(void)
{
	return atomic_long_read(&dirty_pages_peak);
}

void kshim_dirty_pages_reset_peak(void)
{
	atomic_long_set(&dirty_pages_peak, kshim_dirty_pages());
}

void kshim_set_dirty_limit(unsigned long bytes)
{
	WRITE_ONCE(dirty_limit_bytes_set, bytes);
}

unsigned long kshim_dirty_limit_pages(void)
{
	unsigned long bytes = READ_ONCE(dirty_limit_bytes_set);

	if (!bytes) {
		unsigned long cap = kshim_memory_limit();

		if (cap)
			bytes = cap / 5;
		else
			bytes = min(totalram_pages() / 5 * PAGE_SIZE,
				    DIRTY_DEFAULT_CEILING);
	}
	return max(bytes >> PAGE_SHIFT, 16UL);
}

unsigned long kshim_dirty_background_pages(void)
{
	return kshim_dirty_limit_pages() / 2;
}

static void note_dirty_peak(long now)
{
	long old = atomic_long_read(&dirty_pages_peak);

	while (now > old &&
	       !atomic_long_try_cmpxchg(&dirty_pages_peak, &old, now))
		;
}

/* a block device's pseudo inode remembers when its cache got dirty */
static void note_bdev_mapping_dirty(struct address_space *aspace)
{
	struct inode *host = aspace->host;

	if (!host || host->i_sb || (READ_ONCE(host->i_state) & I_DIRTY_PAGES))
		return;
	spin_lock(&host->i_lock);
	if (!(host->i_state & I_DIRTY_PAGES)) {
		host->dirtied_when = jiffies;
		host->i_state |= I_DIRTY_PAGES;
	}
	spin_unlock(&host->i_lock);
}

void kshim_account_folio_dirtied(struct folio *fo, struct address_space *aspace)
{
	long now;

	if (!aspace)
		return;
	note_bdev_mapping_dirty(aspace);
	if (test_and_set_bit(PG_counted_dirty, &fo->flags))
		return;
	now = atomic_long_add_return(folio_nr_pages(fo), &dirty_pages_now);
	note_dirty_peak(now);
	if (now > (long)kshim_dirty_background_pages())
		kshim_flusher_kick();
}

static void account_folio_clean(struct folio *fo)
{
	long now;

	if (!test_and_clear_bit(PG_counted_dirty, &fo->flags))
		return;
	now = atomic_long_sub_return(folio_nr_pages(fo), &dirty_pages_now);
	if (atomic_read(&writers_throttled) &&
	    now <= (long)kshim_dirty_limit_pages())
		wake_up_var(&dirty_pages_now);
}

void kshim_account_folio_cleaned(struct folio *fo)
{
	account_folio_clean(fo);
}

void folio_account_cleaned(struct folio *fo, struct bdi_writeback *wb)
{
	account_folio_clean(fo);
}

void __folio_cancel_dirty(struct folio *fo)
{
	if (folio_test_clear_dirty(fo))
		account_folio_clean(fo);
}

/*
 * Recount from the page-cache LRU: folios counted but clean are
 * uncounted, dirty ones not counted are counted.  Returns the count.
 */
unsigned long kshim_dirty_recount(void)
{
	kshim_pagecache_for_each_folio(kshim_dirty_recount_one);
	return kshim_dirty_pages();
}

void kshim_dirty_recount_one(struct folio *fo)
{
	bool dirty = folio_test_dirty(fo);
	bool counted = test_bit(PG_counted_dirty, &fo->flags);

	if (counted && !dirty)
		account_folio_clean(fo);
	else if (dirty && !counted && fo->mapping &&
		 !test_and_set_bit(PG_counted_dirty, &fo->flags))
		note_dirty_peak(atomic_long_add_return(folio_nr_pages(fo),
						       &dirty_pages_now));
}

/* --- throttling ---------------------------------------------------------- */

/* how long a throttled writer waits for the flusher between checks */
#define THROTTLE_NAP (HZ / 20)
/* rounds without progress before the writer writes its mapping itself */
#define THROTTLE_SELF_HELP_ROUNDS 10
/* rounds without progress before it gives up (the device is stuck) */
#define THROTTLE_GIVE_UP_ROUNDS 400

static void throttle_writer(struct address_space *aspace, unsigned long limit)
{
	unsigned long best = kshim_dirty_pages();
	int stalled = 0;

	atomic_inc(&writers_throttled);
	while (kshim_dirty_pages() > limit) {
		unsigned long now;

		kshim_flusher_kick();
		wait_var_event_timeout(&dirty_pages_now,
				       kshim_dirty_pages() <= limit,
				       THROTTLE_NAP);
		now = kshim_dirty_pages();
		if (now <= limit)
			break;
		if (now < best) {
			best = now;
			stalled = 0;
			continue;
		}
		stalled++;
		if (stalled == THROTTLE_SELF_HELP_ROUNDS ||
		    !kshim_flusher_running()) {
			/* no folio lock held here: writing back is allowed */
			filemap_flush(aspace);
			kshim_dirty_recount();
		}
		if (stalled >= THROTTLE_GIVE_UP_ROUNDS) {
			pr_warn_once("kshim: dirty page cache stuck at %lu pages (limit %lu)\n",
				     now, limit);
			break;
		}
	}
	atomic_dec(&writers_throttled);
}

void balance_dirty_pages_ratelimited(struct address_space *aspace)
{
	unsigned long dirty = kshim_dirty_pages();
	unsigned long limit;

	if (!aspace || !aspace->host)
		return;
	if (dirty <= kshim_dirty_background_pages())
		return;
	kshim_flusher_kick();
	limit = kshim_dirty_limit_pages();
	if (dirty > limit)
		throttle_writer(aspace, limit);
}

bool noop_dirty_folio(struct address_space *aspace, struct folio *fo)
{
	if (!folio_test_dirty(fo))
		return !folio_test_set_dirty(fo);
	return false;
}

bool filemap_dirty_folio(struct address_space *aspace, struct folio *fo)
{
	if (folio_test_set_dirty(fo))
		return false;
	kshim_account_folio_dirtied(fo, aspace);
	if (aspace->host && aspace->host->i_sb)
		__mark_inode_dirty(aspace->host, I_DIRTY_PAGES);
	return true;
}

bool folio_mark_dirty(struct folio *fo)
{
	struct address_space *aspace = fo->mapping;

	if (likely(aspace)) {
		/* a folio under reclaim does not need its reclaim hint now */
		if (folio_test_reclaim(fo))
			folio_clear_reclaim(fo);
		if (aspace->a_ops && aspace->a_ops->dirty_folio)
			return aspace->a_ops->dirty_folio(aspace, fo);
		return filemap_dirty_folio(aspace, fo);
	}
	return noop_dirty_folio(aspace, fo);
}

bool folio_clear_dirty_for_io(struct folio *fo)
{
	VM_BUG_ON_FOLIO(!folio_test_locked(fo), fo);
	if (!folio_test_clear_dirty(fo))
		return false;
	account_folio_clean(fo);
	return true;
}

bool __folio_start_writeback(struct folio *fo, bool keep_write)
{
	VM_BUG_ON_FOLIO(!folio_test_locked(fo), fo);
	return folio_test_set_writeback(fo);
}

/*
 * Lock @fo and get it ready for writeback: still in @aspace, still dirty,
 * no writeback running (waited for in integrity mode, skipped otherwise),
 * dirty bit moved to I/O.  Returns true with the folio locked, false with
 * it unlocked when there is nothing to write.
 */
static bool lock_folio_for_io(struct folio *fo, struct address_space *aspace,
			      struct writeback_control *wbc)
{
	folio_lock(fo);
	if (unlikely(fo->mapping != aspace) || !folio_test_dirty(fo))
		goto skip;
	if (folio_test_writeback(fo)) {
		if (wbc->sync_mode == WB_SYNC_NONE)
			goto skip;
		folio_wait_writeback(fo);
	}
	if (folio_clear_dirty_for_io(fo))
		return true;
skip:
	folio_unlock(fo);
	return false;
}

int write_cache_pages(struct address_space *aspace,
		      struct writeback_control *wbc, writepage_t writepage,
		      void *data)
{
	pgoff_t index, end;
	struct folio_batch fbatch;
	unsigned int i;
	int ret = 0, err;

	if (wbc->range_cyclic) {
		index = aspace->writeback_index;
		end = (pgoff_t)-1;
	} else {
		index = wbc->range_start >> PAGE_SHIFT;
		end = wbc->range_end >> PAGE_SHIFT;
	}
	folio_batch_init(&fbatch);
	while (index <= end) {
		if (!filemap_get_folios_tag(aspace, &index, end,
					    PAGECACHE_TAG_DIRTY, &fbatch))
			break;
		for (i = 0; i < folio_batch_count(&fbatch); i++) {
			struct folio *fo = fbatch.folios[i];

			if (!lock_folio_for_io(fo, aspace, wbc))
				continue;
			err = writepage(fo, wbc, data);
			if (err == AOP_WRITEPAGE_ACTIVATE) {
				folio_unlock(fo);
				err = 0;
			}
			if (err && !ret)
				ret = err;
			wbc->nr_to_write -= folio_nr_pages(fo);
			/* background writeback stops at the first error */
			if (err && wbc->sync_mode == WB_SYNC_NONE)
				break;
		}
		folio_batch_release(&fbatch);
		if (ret && wbc->sync_mode == WB_SYNC_NONE)
			break;
		if (!index)
			break;		/* wrapped past the last index */
	}
	if (wbc->range_cyclic)
		aspace->writeback_index = 0;
	return ret;
}

static int writepage_cb(struct folio *fo, struct writeback_control *wbc,
			void *data)
{
	struct address_space *aspace = data;

	return aspace->a_ops->writepage(&fo->page, wbc);
}

int do_writepages(struct address_space *aspace, struct writeback_control *wbc)
{
	const struct address_space_operations *aops = aspace->a_ops;

	if (wbc->nr_to_write <= 0)
		return 0;
	if (aops && aops->writepages)
		return aops->writepages(aspace, wbc);
	if (aops && aops->writepage)
		return write_cache_pages(aspace, wbc, writepage_cb, aspace);
	/* nothing can write this mapping: it can hold no dirty data */
	return 0;
}

/*
 * writeback_iter(): the iterator form of write_cache_pages().  Returns
 * the next dirty folio of the range, locked and cleaned for I/O, or NULL
 * at the end (with *error the first error seen).
 */
struct folio *writeback_iter(struct address_space *aspace,
			     struct writeback_control *wbc,
			     struct folio *fo, int *error)
{
	pgoff_t end;

	if (!fo) {
		folio_batch_init(&wbc->fbatch);
		wbc->saved_err = *error = 0;
		wbc->index = wbc->range_cyclic ? aspace->writeback_index :
			     (pgoff_t)(wbc->range_start >> PAGE_SHIFT);
	} else {
		wbc->nr_to_write -= folio_nr_pages(fo);
		if (*error && !wbc->saved_err)
			wbc->saved_err = *error;
		if (*error && wbc->sync_mode == WB_SYNC_NONE)
			goto done;
		if (wbc->nr_to_write <= 0 && wbc->sync_mode == WB_SYNC_NONE)
			goto done;
	}
	end = wbc->range_cyclic ? (pgoff_t)-1 :
	      (pgoff_t)(wbc->range_end >> PAGE_SHIFT);

	for (;;) {
		fo = folio_batch_next(&wbc->fbatch);
		if (!fo) {
			folio_batch_release(&wbc->fbatch);
			if (wbc->index > end)
				goto done;
			if (!filemap_get_folios_tag(aspace, &wbc->index, end,
						    PAGECACHE_TAG_DIRTY,
						    &wbc->fbatch))
				goto done;
			continue;
		}
		if (!lock_folio_for_io(fo, aspace, wbc))
			continue;
		return fo;
	}
done:
	folio_batch_release(&wbc->fbatch);
	if (wbc->range_cyclic)
		aspace->writeback_index = 0;
	*error = wbc->saved_err;
	return NULL;
}
