// SPDX-License-Identifier: GPL-2.0-only
/*
 * Readahead (the role of mm/readahead.c): allocating a run of folios in
 * the page cache and handing them, locked, to ->readahead (or one by one
 * to ->read_folio), and the window policy that decides the run.
 *
 * Kernel guarantees kept:
 *  - every folio passed in a readahead_control is locked, in the page
 *    cache, and !uptodate; the filesystem unlocks each one (uptodate or
 *    not) when its read ends; readahead_folio() drops the reference the
 *    readahead batch held, so the page cache's is the only one left;
 *  - folios the filesystem did not take from the batch are unlocked and
 *    released afterwards (they stay cached, !uptodate, for a later
 *    ->read_folio);
 *  - indices already cached are skipped, never read twice; nothing is
 *    read at or beyond i_size;
 *  - the folio at the start of the lookahead part carries PG_readahead;
 *    a reader reaching it calls page_cache_async_ra() for the next window.
 *
 * Window policy (simpler than the kernel's): a sequential miss starts a
 * 128 KiB window (or the request rounded up to a power of two), each
 * readahead mark hit doubles it up to file_ra_state.ra_pages (1 MiB);
 * a random miss reads just the request; FMODE_RANDOM reads the request.
 * Left out: mmap readahead, the history probe (page_cache_prev_miss),
 * large folios, readahead_expand() (best effort in the kernel: a no-op).
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/blkdev.h>
#include <linux/log2.h>
#include "kshim-vfs-internal.h"

#define KSHIM_RA_INIT_PAGES ((128 * 1024) / PAGE_SIZE)
#define KSHIM_RA_MAX_PAGES ((1024 * 1024) / PAGE_SIZE)

void file_ra_state_init(struct file_ra_state *ra,
			struct address_space *mapping)
{
	ra->ra_pages = KSHIM_RA_MAX_PAGES;
	ra->prev_pos = -1;
}

static inline gfp_t readahead_gfp_mask(struct address_space *mapping)
{
	return mapping_gfp_mask(mapping) | __GFP_NORETRY | __GFP_NOWARN;
}

/* --- walking a batch ------------------------------------------------------ */

static struct folio *__readahead_folio(struct readahead_control *rac)
{
	struct folio *folio;

	if (rac->_batch_count) {
		rac->_index += rac->_batch_count;
		rac->_nr_pages -= rac->_batch_count;
	}
	if (!rac->_nr_pages) {
		rac->_batch_count = 0;
		return NULL;
	}
	folio = kshim_pagecache_peek(rac->mapping, rac->_index);
	VM_BUG_ON_FOLIO(!folio || !folio_test_locked(folio), folio);
	rac->_batch_count = folio_nr_pages(folio);
	return folio;
}

struct folio *readahead_folio(struct readahead_control *rac)
{
	struct folio *folio = __readahead_folio(rac);

	if (folio)
		folio_put(folio);	/* the batch's reference */
	return folio;
}

struct page *readahead_page(struct readahead_control *rac)
{
	struct folio *folio = __readahead_folio(rac);

	/* the caller owns the batch reference and put_page()s it */
	return folio ? &folio->page : NULL;
}

unsigned int __readahead_batch(struct readahead_control *rac,
			       struct page **array, unsigned int array_sz)
{
	unsigned int i = 0;

	if (rac->_batch_count) {
		rac->_index += rac->_batch_count;
		rac->_nr_pages -= rac->_batch_count;
	}
	rac->_batch_count = 0;
	while (i < array_sz && rac->_batch_count < rac->_nr_pages) {
		struct folio *folio = kshim_pagecache_peek(rac->mapping,
				rac->_index + rac->_batch_count);

		VM_BUG_ON_FOLIO(!folio, folio);
		array[i++] = &folio->page;
		rac->_batch_count += folio_nr_pages(folio);
	}
	return i;
}

void readahead_expand(struct readahead_control *rac, loff_t new_start,
		      size_t new_len)
{
	/* best effort in the kernel too: callers cope with no expansion */
}

/* hand the batch to the filesystem; afterwards the batch is empty */
static void read_pages(struct readahead_control *rac)
{
	const struct address_space_operations *aops = rac->mapping->a_ops;
	struct folio *folio;
	struct blk_plug plug;

	if (!readahead_count(rac))
		return;
	blk_start_plug(&plug);
	if (aops->readahead) {
		aops->readahead(rac);
		/* what the filesystem left: unlock, keep cached !uptodate */
		while ((folio = readahead_folio(rac)) != NULL)
			folio_unlock(folio);
	} else {
		while ((folio = readahead_folio(rac)) != NULL)
			aops->read_folio(rac->file, folio);
	}
	blk_finish_plug(&plug);
	BUG_ON(readahead_count(rac));
}

void page_cache_ra_unbounded(struct readahead_control *rac,
			     unsigned long nr_to_read,
			     unsigned long lookahead_size)
{
	struct address_space *mapping = rac->mapping;
	pgoff_t index = readahead_index(rac);
	gfp_t gfp = readahead_gfp_mask(mapping);
	unsigned long i;

	filemap_invalidate_lock_shared(mapping);
	for (i = 0; i < nr_to_read; i++) {
		struct folio *folio;

		if (kshim_pagecache_peek(mapping, index + i)) {
			/* cached already: read what we have, skip it */
			read_pages(rac);
			rac->_index = index + i + 1;
			continue;
		}
		folio = filemap_alloc_folio(gfp, 0);
		if (!folio)
			break;
		if (filemap_add_folio(mapping, folio, index + i, gfp) < 0) {
			folio_put(folio);
			read_pages(rac);
			rac->_index = index + i + 1;
			continue;
		}
		if (i == nr_to_read - lookahead_size)
			folio_set_readahead(folio);
		rac->_nr_pages++;
	}
	read_pages(rac);
	filemap_invalidate_unlock_shared(mapping);
}

/* clamp to i_size, then read */
static void do_page_cache_ra(struct readahead_control *rac,
			     unsigned long nr_to_read,
			     unsigned long lookahead_size)
{
	struct inode *inode = rac->mapping->host;
	pgoff_t index = readahead_index(rac);
	loff_t isize = i_size_read(inode);
	pgoff_t end_index;

	if (isize == 0)
		return;
	end_index = (isize - 1) >> PAGE_SHIFT;
	if (index > end_index)
		return;
	if (nr_to_read > end_index - index + 1)
		nr_to_read = end_index - index + 1;
	if (lookahead_size > nr_to_read)
		lookahead_size = 0;
	page_cache_ra_unbounded(rac, nr_to_read, lookahead_size);
}

static unsigned long next_ra_size(unsigned long cur, unsigned long max)
{
	return min(cur * 2, max);
}

void page_cache_sync_ra(struct readahead_control *rac, unsigned long req_count)
{
	struct file_ra_state *ra = rac->ra;
	pgoff_t index = readahead_index(rac);
	unsigned long max, size;
	pgoff_t prev_index;

	if (!req_count)
		req_count = 1;
	if (!ra || (rac->file && (rac->file->f_mode & FMODE_RANDOM))) {
		do_page_cache_ra(rac, req_count, 0);
		return;
	}
	max = ra->ra_pages;
	if (!max)
		return;		/* readahead disabled: the caller reads */

	prev_index = (unsigned long long)ra->prev_pos >> PAGE_SHIFT;
	if (index == 0 || (ra->prev_pos >= 0 && index - prev_index <= 1)) {
		/* sequential: a fresh window */
		size = roundup_pow_of_two(req_count);
		size = max(size, (unsigned long)KSHIM_RA_INIT_PAGES);
		size = min(size, max);
		ra->start = index;
		ra->size = size;
		ra->async_size = size > req_count ? size - req_count : 0;
	} else {
		/* a random miss: just what was asked for */
		ra->start = index;
		ra->size = min(req_count, max);
		ra->async_size = 0;
	}
	do_page_cache_ra(rac, ra->size, ra->async_size);
}

void page_cache_async_ra(struct readahead_control *rac, struct folio *folio,
			 unsigned long req_count)
{
	struct file_ra_state *ra = rac->ra;
	pgoff_t index = readahead_index(rac);
	unsigned long max = ra ? ra->ra_pages : 0;
	pgoff_t start;

	if (!max)
		return;
	if (folio_test_writeback(folio))
		return;
	folio_clear_readahead(folio);

	if (index == ra->start + ra->size - ra->async_size) {
		/* the mark we set: the stream goes on, grow the window */
		ra->start += ra->size;
		ra->size = next_ra_size(ra->size, max);
		ra->async_size = ra->size;
	} else {
		/* a mark from an older window: continue after what is cached */
		start = index + 1;
		while (start - index < max &&
		       kshim_pagecache_peek(rac->mapping, start))
			start++;
		if (start - index >= max)
			return;
		ra->start = start;
		ra->size = next_ra_size(max_t(unsigned long, start - index +
					      req_count, KSHIM_RA_INIT_PAGES),
					max);
		ra->async_size = ra->size;
	}
	rac->_index = ra->start;
	do_page_cache_ra(rac, ra->size, ra->async_size);
}
