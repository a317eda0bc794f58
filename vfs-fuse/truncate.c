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
 *  - truncate_setsize() publishes the new size before the cache is cut,
 *    so writeback racing with it never writes past the new end; growing
 *    zeroes the cached part of the old last folio past the old end
 *    (pagecache_isize_extended), so no stale byte becomes file data.
 * Left out: unmapping (kshim has no mmap), shadow entries.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/pagevec.h>
#include <linux/highmem.h>
#include <linux/buffer_head.h>

/* remove a locked folio of @aspace, dropping its private data first */
static void truncate_inode_folio(struct address_space *aspace,
				 struct folio *fo)
{
	if (fo->mapping != aspace)
		return;
	if (folio_has_private(fo))
		folio_invalidate(fo, 0, folio_size(fo));
	filemap_remove_folio(fo);
}

/* zero and invalidate [lstart, lend] where it overlaps a locked folio */
static void truncate_partial_folio(struct address_space *aspace,
				   struct folio *fo, loff_t lstart,
				   loff_t lend)
{
	loff_t pos = folio_pos(fo);
	size_t size = folio_size(fo);
	size_t offset, length;

	if (fo->mapping != aspace)
		return;
	offset = lstart > pos ? lstart - pos : 0;
	if (lend == (loff_t)-1 || lend >= pos + (loff_t)size - 1)
		length = size - offset;
	else
		length = lend + 1 - pos - offset;
	if (offset == 0 && length == size) {
		truncate_inode_folio(aspace, fo);
		return;
	}
	folio_wait_writeback(fo);
	folio_zero_range(fo, offset, length);
	if (folio_has_private(fo))
		folio_invalidate(fo, offset, length);
}

void truncate_inode_pages_range(struct address_space *aspace,
				loff_t lstart, loff_t lend)
{
	struct folio_batch fbatch;
	pgoff_t start, end, index;
	struct folio *fo;
	unsigned int i;

	if (!aspace->nrpages)
		return;

	/* [start, end): the folios wholly inside the range */
	start = (lstart + PAGE_SIZE - 1) >> PAGE_SHIFT;
	if (lend == (loff_t)-1)
		end = (pgoff_t)-1;
	else
		end = (lend + 1) >> PAGE_SHIFT;

	if (lstart & ~PAGE_MASK) {
		fo = filemap_lock_folio(aspace, lstart >> PAGE_SHIFT);
		if (!IS_ERR(fo)) {
			truncate_partial_folio(aspace, fo, lstart, lend);
			folio_unlock(fo);
			folio_put(fo);
		}
	}
	if (lend != (loff_t)-1 && ((lend + 1) & ~PAGE_MASK) &&
	    (lend >> PAGE_SHIFT) != (lstart >> PAGE_SHIFT)) {
		fo = filemap_lock_folio(aspace, lend >> PAGE_SHIFT);
		if (!IS_ERR(fo)) {
			truncate_partial_folio(aspace, fo, lstart, lend);
			folio_unlock(fo);
			folio_put(fo);
		}
	}
	if (start >= end)
		return;

	folio_batch_init(&fbatch);
	for (;;) {
		index = start;
		if (!filemap_get_folios(aspace, &index, end - 1, &fbatch))
			break;
		for (i = 0; i < folio_batch_count(&fbatch); i++) {
			fo = fbatch.folios[i];
			folio_lock(fo);
			folio_wait_writeback(fo);
			truncate_inode_folio(aspace, fo);
			folio_unlock(fo);
		}
		folio_batch_release(&fbatch);
	}
}

void truncate_inode_pages(struct address_space *aspace, loff_t lstart)
{
	truncate_inode_pages_range(aspace, lstart, (loff_t)-1);
}

void truncate_inode_pages_final(struct address_space *aspace)
{
	mapping_set_exiting(aspace);
	if (aspace->nrpages)
		truncate_inode_pages(aspace, 0);
}

void truncate_pagecache(struct inode *ip, loff_t newsize)
{
	truncate_inode_pages(ip->i_mapping, newsize);
}

/*
 * i_size grew from @from to @to (already written).  Whatever the cached
 * folio holding the old end has past @from now lies inside the file and
 * must read as zeroes: kshim keeps that invariant by zeroing it here, in
 * the folio only (on disk the tail past the old end was zeroed when it
 * was written back, and blocks not allocated yet are holes).  The kernel
 * needs this hook for mmap'ed tails; kshim has no mmap, but a cached tail
 * that somebody left dirty past EOF (a failed write) is caught the same
 * way.
 */
void pagecache_isize_extended(struct inode *ip, loff_t from, loff_t to)
{
	struct folio *fo;
	size_t start, stop;

	WARN_ON(to > ip->i_size);
	if (from >= to || !(from & ~PAGE_MASK))
		return;		/* nothing cached past the old end */
	fo = filemap_lock_folio(ip->i_mapping, from >> PAGE_SHIFT);
	if (IS_ERR(fo))
		return;
	start = offset_in_folio(fo, from);
	stop = to - folio_pos(fo) < folio_size(fo) ?
	       (size_t)(to - folio_pos(fo)) : folio_size(fo);
	if (fo->mapping == ip->i_mapping && folio_test_uptodate(fo))
		folio_zero_segment(fo, start, stop);
	folio_unlock(fo);
	folio_put(fo);
}

void truncate_setsize(struct inode *ip, loff_t newsize)
{
	loff_t oldsize = ip->i_size;

	i_size_write(ip, newsize);
	if (newsize > oldsize)
		pagecache_isize_extended(ip, oldsize, newsize);
	truncate_pagecache(ip, newsize);
}

void truncate_pagecache_range(struct inode *ip, loff_t lstart, loff_t lend)
{
	truncate_inode_pages_range(ip->i_mapping, lstart, lend);
}

/* drop one clean unused folio we hold a reference on; true if it went */
static bool try_invalidate_folio(struct address_space *aspace,
				 struct folio *fo)
{
	bool ret = false;

	if (!folio_trylock(fo))
		return false;
	if (fo->mapping != aspace || folio_test_dirty(fo) ||
	    folio_test_writeback(fo))
		goto out;
	if (folio_has_private(fo) && !filemap_release_folio(fo, 0))
		goto out;
	/* the page cache's reference and the batch's: nobody else uses it */
	if (folio_ref_count(fo) != folio_nr_pages(fo) + 1)
		goto out;
	filemap_remove_folio(fo);
	ret = true;
out:
	folio_unlock(fo);
	return ret;
}

unsigned long invalidate_mapping_pages(struct address_space *aspace,
				       pgoff_t start, pgoff_t end)
{
	struct folio_batch fbatch;
	pgoff_t index = start;
	unsigned long count = 0;
	unsigned int i;

	folio_batch_init(&fbatch);
	while (index <= end &&
	       filemap_get_folios(aspace, &index, end, &fbatch)) {
		for (i = 0; i < folio_batch_count(&fbatch); i++)
			count += try_invalidate_folio(aspace, fbatch.folios[i]);
		folio_batch_release(&fbatch);
		if (!index)
			break;		/* wrapped after the last index */
	}
	return count;
}

int invalidate_inode_pages2_range(struct address_space *aspace,
				  pgoff_t start, pgoff_t end)
{
	struct folio_batch fbatch;
	pgoff_t index = start;
	unsigned int i;
	int ret = 0;

	if (!aspace->nrpages)
		return 0;
	folio_batch_init(&fbatch);
	while (index <= end &&
	       filemap_get_folios(aspace, &index, end, &fbatch)) {
		for (i = 0; i < folio_batch_count(&fbatch); i++) {
			struct folio *fo = fbatch.folios[i];

			folio_lock(fo);
			if (fo->mapping != aspace) {
				folio_unlock(fo);
				continue;
			}
			folio_wait_writeback(fo);
			if (folio_test_dirty(fo) ||
			    (folio_has_private(fo) &&
			     !filemap_release_folio(fo, GFP_KERNEL))) {
				ret = -EBUSY;
			} else {
				filemap_remove_folio(fo);
			}
			folio_unlock(fo);
		}
		folio_batch_release(&fbatch);
		if (!index)
			break;
	}
	return ret;
}

int invalidate_inode_pages2(struct address_space *aspace)
{
	return invalidate_inode_pages2_range(aspace, 0, (pgoff_t)-1);
}

int generic_error_remove_folio(struct address_space *aspace,
			       struct folio *fo)
{
	if (!aspace)
		return -EINVAL;
	/* only regular files' data can be dropped and reread */
	if (!S_ISREG(aspace->host->i_mode))
		return -EIO;
	truncate_inode_folio(aspace, fo);
	return 0;
}
