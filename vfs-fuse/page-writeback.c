// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dirty folios and writeback starts (the role of mm/page-writeback.c).
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
 *    asks for data integrity (WB_SYNC_ALL), and the callee unlocks.
 * No dirty-page throttling (balance_dirty_pages_ratelimited is a no-op)
 * and no flusher threads: writeback happens on sync, fsync and unmount.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/pagevec.h>
#include <linux/writeback.h>
#include <linux/backing-dev.h>
#include <linux/buffer_head.h>

int laptop_mode;
int dirty_writeback_interval = 5 * 100;
int dirty_expire_interval = 30 * 100;

void balance_dirty_pages_ratelimited(struct address_space *aspace)
{
}

void folio_account_cleaned(struct folio *fo, struct bdi_writeback *wb)
{
	/* kshim keeps no dirty-page counters */
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
	return folio_test_clear_dirty(fo);
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
