// SPDX-License-Identifier: GPL-2.0-only
/*
 * Truncation and invalidation of the page cache (the role of
 * mm/truncate.c).
 *
 * Kernel guarantees kept:
 *  - truncate_inode_pages_range() removes every folio wholly inside the
 *    byte range, zeroes the covered part of folios that straddle its
 *    edges, and lets the filesystem drop private data (buffers) through
 *    ->invalidate_folio; each folio is locked and out of writeback while
 *    it is handled; it does not return while a folio of the range is
 *    still cached (folios added by racing readers are caught by repeated
 *    passes);
 *  - truncate_inode_pages_final() marks the mapping as exiting first and
 *    leaves it empty;
 *  - invalidate_mapping_pages() only drops clean, unlocked, unused folios
 *    and says how many; invalidate_inode_pages2_range() drops even used
 *    ones but fails with -EBUSY on dirty folios or private data that will
 *    not go.
 * Left out: unmapping (kshim has no mmap), shadow entries.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/pagevec.h>
#include <linux/highmem.h>
#include <linux/buffer_head.h>

/* remove a locked folio of @mapping, dropping its private data first */
static void truncate_inode_folio(struct address_space *mapping,
				 struct folio *folio)
{
	if (folio->mapping != mapping)
		return;
	if (folio_has_private(folio))
		folio_invalidate(folio, 0, folio_size(folio));
	filemap_remove_folio(folio);
}

/* zero and invalidate [lstart, lend] where it overlaps a locked folio */
static void truncate_partial_folio(struct address_space *mapping,
				   struct folio *folio, loff_t lstart,
				   loff_t lend)
{
	loff_t pos = folio_pos(folio);
	size_t size = folio_size(folio);
	size_t offset, length;

	if (folio->mapping != mapping)
		return;
	offset = lstart > pos ? lstart - pos : 0;
	if (lend == (loff_t)-1 || lend >= pos + (loff_t)size - 1)
		length = size - offset;
	else
		length = lend + 1 - pos - offset;
	if (offset == 0 && length == size) {
		truncate_inode_folio(mapping, folio);
		return;
	}
	folio_wait_writeback(folio);
	folio_zero_range(folio, offset, length);
	if (folio_has_private(folio))
		folio_invalidate(folio, offset, length);
}

void truncate_inode_pages_range(struct address_space *mapping,
				loff_t lstart, loff_t lend)
{
	struct folio_batch fbatch;
	pgoff_t start, end, index;
	struct folio *folio;
	unsigned int i;

	if (!mapping->nrpages)
		return;

	/* [start, end): the folios wholly inside the range */
	start = (lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	if (lend == (loff_t)-1)
		end = (pgoff_t)-1;
	else
		end = (lend + 1) >> PAGE_SHIFT;

	if (lstart & ~PAGE_MASK) {
		folio = filemap_lock_folio(mapping, lstart >> PAGE_SHIFT);
		if (!IS_ERR(folio)) {
			truncate_partial_folio(mapping, folio, lstart, lend);
			folio_unlock(folio);
			folio_put(folio);
		}
	}
	if (lend != (loff_t)-1 && ((lend + 1) & ~PAGE_MASK) &&
	    (lend >> PAGE_SHIFT) != (lstart >> PAGE_SHIFT)) {
		folio = filemap_lock_folio(mapping, lend >> PAGE_SHIFT);
		if (!IS_ERR(folio)) {
			truncate_partial_folio(mapping, folio, lstart, lend);
			folio_unlock(folio);
			folio_put(folio);
		}
	}
	if (start >= end)
		return;

	folio_batch_init(&fbatch);
	for (;;) {
		index = start;
		if (!filemap_get_folios(mapping, &index, end - 1, &fbatch))
			break;
		for (i = 0; i < folio_batch_count(&fbatch); i++) {
			folio = fbatch.folios[i];
			folio_lock(folio);
			folio_wait_writeback(folio);
			truncate_inode_folio(mapping, folio);
			folio_unlock(folio);
		}
		folio_batch_release(&fbatch);
	}
}

void truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	truncate_inode_pages_range(mapping, lstart, (loff_t)-1);
}

void truncate_inode_pages_final(struct address_space *mapping)
{
	mapping_set_exiting(mapping);
	if (mapping->nrpages)
		truncate_inode_pages(mapping, 0);
}

void truncate_pagecache(struct inode *inode, loff_t newsize)
{
	truncate_inode_pages(inode->i_mapping, newsize);
}

void pagecache_isize_extended(struct inode *inode, loff_t from, loff_t to)
{
	/* only mmap'ed tail blocks need work here; kshim has no mmap */
}

void truncate_setsize(struct inode *inode, loff_t newsize)
{
	loff_t oldsize = inode->i_size;

	i_size_write(inode, newsize);
	if (newsize > oldsize)
		pagecache_isize_extended(inode, oldsize, newsize);
	truncate_pagecache(inode, newsize);
}

void truncate_pagecache_range(struct inode *inode, loff_t lstart, loff_t lend)
{
	truncate_inode_pages_range(inode->i_mapping, lstart, lend);
}

/* drop one clean unused folio we hold a reference on; true if it went */
static bool try_invalidate_folio(struct address_space *mapping,
				 struct folio *folio)
{
	bool ret = false;

	if (!folio_trylock(folio))
		return false;
	if (folio->mapping != mapping || folio_test_dirty(folio) ||
	    folio_test_writeback(folio))
		goto out;
	if (folio_has_private(folio) && !filemap_release_folio(folio, 0))
		goto out;
	/* the page cache's reference and the batch's: nobody else uses it */
	if (folio_ref_count(folio) != folio_nr_pages(folio) + 1)
		goto out;
	filemap_remove_folio(folio);
	ret = true;
out:
	folio_unlock(folio);
	return ret;
}

unsigned long invalidate_mapping_pages(struct address_space *mapping,
				       pgoff_t start, pgoff_t end)
{
	struct folio_batch fbatch;
	pgoff_t index = start;
	unsigned long count = 0;
	unsigned int i;

	folio_batch_init(&fbatch);
	while (index <= end &&
	       filemap_get_folios(mapping, &index, end, &fbatch)) {
		for (i = 0; i < folio_batch_count(&fbatch); i++)
			count += try_invalidate_folio(mapping, fbatch.folios[i]);
		folio_batch_release(&fbatch);
		if (!index)
			break;		/* wrapped after the last index */
	}
	return count;
}

int invalidate_inode_pages2_range(struct address_space *mapping,
				  pgoff_t start, pgoff_t end)
{
	struct folio_batch fbatch;
	pgoff_t index = start;
	unsigned int i;
	int ret = 0;

	if (!mapping->nrpages)
		return 0;
	folio_batch_init(&fbatch);
	while (index <= end &&
	       filemap_get_folios(mapping, &index, end, &fbatch)) {
		for (i = 0; i < folio_batch_count(&fbatch); i++) {
			struct folio *folio = fbatch.folios[i];

			folio_lock(folio);
			if (folio->mapping != mapping) {
				folio_unlock(folio);
				continue;
			}
			folio_wait_writeback(folio);
			if (folio_test_dirty(folio) ||
			    (folio_has_private(folio) &&
			     !filemap_release_folio(folio, GFP_KERNEL))) {
				ret = -EBUSY;
			} else {
				filemap_remove_folio(folio);
			}
			folio_unlock(folio);
		}
		folio_batch_release(&fbatch);
		if (!index)
			break;
	}
	return ret;
}

int invalidate_inode_pages2(struct address_space *mapping)
{
	return invalidate_inode_pages2_range(mapping, 0, (pgoff_t)-1);
}

int generic_error_remove_folio(struct address_space *mapping,
			       struct folio *folio)
{
	if (!mapping)
		return -EINVAL;
	/* only regular files' data can be dropped and reread */
	if (!S_ISREG(mapping->host->i_mode))
		return -EIO;
	truncate_inode_folio(mapping, folio);
	return 0;
}
