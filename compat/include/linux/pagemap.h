/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page cache interface (mm/filemap.c, mm/readahead.c,
 * mm/truncate.c, mm/page-writeback.c): looking up, creating, locking and
 * reading folios of a mapping, readahead control, and truncation.
 *
 * Kept guarantees:
 *  - PG_locked is a sleeping bit lock: folio_trylock() takes it with
 *    acquire ordering; folio_lock() sleeps until it gets it; folio_unlock()
 *    (out of line) releases it and wakes waiters;
 *  - read_mapping_folio() returns an uptodate folio with a reference, or
 *    an ERR_PTR; filemap_grab_folio() returns a locked folio (created if
 *    absent) with a reference;
 *  - mapping_set_error() records -EIO/-ENOSPC both in the errseq (for
 *    fsync callers) and in the AS_EIO/AS_ENOSPC bits.
 * The page cache itself is the VFS's (out of line).
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/gfp.h>
#include <linux/fs.h>
#include <linux/page-flags.h>
#include <linux/errseq.h>

struct folio_batch;
struct writeback_control;

/* --- mappings ----------------------------------------------------------- */

static inline gfp_t mapping_gfp_mask(struct address_space *aspace)
{
	return aspace->gfp_mask;
}

static inline gfp_t mapping_gfp_constraint(struct address_space *aspace,
					   gfp_t gfp_mask)
{
	return mapping_gfp_mask(aspace) & gfp_mask;
}

static inline void mapping_set_gfp_mask(struct address_space *m, gfp_t mask)
{
	m->gfp_mask = mask;
}

static inline void __kshim_mapping_set_flag(struct address_space *m, int nr)
{
	__atomic_fetch_or(&m->flags, 1UL << nr, __ATOMIC_SEQ_CST);
}

static inline void mapping_set_error(struct address_space *aspace, int error)
{
	if (likely(!error))
		return;
	errseq_set(&aspace->wb_err, error);
	/* syncfs reports it through the super block's cookie */
	if (aspace->host && aspace->host->i_sb)
		errseq_set(&aspace->host->i_sb->s_wb_err, error);
	if (error == -ENOSPC)
		__kshim_mapping_set_flag(aspace, AS_ENOSPC);
	else
		__kshim_mapping_set_flag(aspace, AS_EIO);
}

static inline void mapping_set_unevictable(struct address_space *aspace)
{
	__kshim_mapping_set_flag(aspace, AS_UNEVICTABLE);
}

static inline void mapping_set_exiting(struct address_space *aspace)
{
	__kshim_mapping_set_flag(aspace, AS_EXITING);
}

static inline bool mapping_exiting(struct address_space *aspace)
{
	return __atomic_load_n(&aspace->flags, __ATOMIC_RELAXED) &
	       (1UL << AS_EXITING);
}

static inline void mapping_set_release_always(struct address_space *aspace)
{
	__kshim_mapping_set_flag(aspace, AS_RELEASE_ALWAYS);
}

static inline void mapping_set_stable_writes(struct address_space *aspace)
{
	__kshim_mapping_set_flag(aspace, AS_STABLE_WRITES);
}

static inline bool mapping_stable_writes(struct address_space *aspace)
{
	return __atomic_load_n(&aspace->flags, __ATOMIC_RELAXED) &
	       (1UL << AS_STABLE_WRITES);
}

/*
 * Page cache "marks" (xarray marks in the kernel).  kshim's cache derives
 * them from the folio's own PG_dirty / PG_writeback bits (VFS filemap.c).
 */
#define PAGECACHE_TAG_DIRTY 0
#define PAGECACHE_TAG_WRITEBACK 1
#define PAGECACHE_TAG_TOWRITE 2

/* ->read_folio / write_begin: the folio went away, look it up again */
#ifndef AOP_TRUNCATED_PAGE
#define AOP_TRUNCATED_PAGE 0x80001
#endif
/* ->writepage: the folio stays dirty and locked, the caller unlocks */
#ifndef AOP_WRITEPAGE_ACTIVATE
#define AOP_WRITEPAGE_ACTIVATE 0x80000
#endif

/* kshim's page cache uses order-0 folios only */
static inline void mapping_set_large_folios(struct address_space *aspace)
{
}

static inline bool mapping_large_folio_support(struct address_space *aspace)
{
	return false;
}

static inline void mapping_set_folio_order_range(struct address_space *m,
						 unsigned int min,
						 unsigned int max)
{
}

static inline size_t mapping_max_folio_size(struct address_space *aspace)
{
	return PAGE_SIZE;
}

static inline int filemap_check_wb_err(struct address_space *aspace,
				       errseq_t since)
{
	return errseq_check(&aspace->wb_err, since);
}

static inline errseq_t filemap_sample_wb_err(struct address_space *aspace)
{
	return errseq_sample(&aspace->wb_err);
}

static inline errseq_t file_sample_sb_err(struct file *fp)
{
	return errseq_sample(&fp->f_path.dentry->d_sb->s_wb_err);
}

/* --- folio positions ---------------------------------------------------- */

static inline pgoff_t folio_index(const struct folio *fo)
{
	return fo->index;
}

static inline pgoff_t folio_next_index(const struct folio *fo)
{
	return fo->index + folio_nr_pages(fo);
}

static inline loff_t folio_pos(const struct folio *fo)
{
	return (loff_t)fo->index << PAGE_SHIFT;
}

static inline loff_t folio_file_pos(const struct folio *fo)
{
	return folio_pos(fo);
}

static inline loff_t page_offset(struct page *pg)
{
	return (loff_t)page_folio(pg)->index << PAGE_SHIFT;
}

static inline pgoff_t page_index(struct page *pg)
{
	return page_folio(pg)->index;
}

static inline struct address_space *folio_file_mapping(struct folio *fo)
{
	return fo->mapping;
}

static inline struct inode *folio_inode(struct folio *fo)
{
	return fo->mapping->host;
}

static inline bool folio_contains(struct folio *fo, pgoff_t idx)
{
	return idx - fo->index < (unsigned long)folio_nr_pages(fo);
}

/* how many blocks of @ip fit in @fo */
static inline unsigned int i_blocks_per_folio(struct inode *ip,
					      struct folio *fo)
{
	return folio_size(fo) >> ip->i_blkbits;
}

static inline unsigned long dir_pages(struct inode *ip)
{
	return (unsigned long)((ip->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

static inline void folio_attach_private(struct folio *fo, void *data)
{
	folio_get(fo);
	fo->private = data;
	folio_set_private(fo);
}

static inline void *folio_change_private(struct folio *fo, void *data)
{
	void *old = fo->private;

	fo->private = data;
	return old;
}

static inline void *folio_detach_private(struct folio *fo)
{
	void *data = fo->private;

	if (!folio_test_private(fo))
		return NULL;
	folio_clear_private(fo);
	fo->private = NULL;
	folio_put(fo);
	return data;
}

/* --- folio lock --------------------------------------------------------- */

void __folio_lock(struct folio *fo);
int __folio_lock_killable(struct folio *fo);
void folio_unlock(struct folio *fo);
void folio_wait_bit(struct folio *fo, int bit_nr);
int folio_wait_bit_killable(struct folio *fo, int bit_nr);
void folio_end_read(struct folio *fo, bool success);
void folio_end_writeback(struct folio *fo);
void folio_wait_writeback(struct folio *fo);
int folio_wait_writeback_killable(struct folio *fo);
void folio_wait_stable(struct folio *fo);
bool __folio_start_writeback(struct folio *fo, bool keep_write);
bool folio_clear_dirty_for_io(struct folio *fo);
bool filemap_dirty_folio(struct address_space *aspace, struct folio *fo);
bool folio_mark_dirty(struct folio *fo);
void folio_account_cleaned(struct folio *fo, struct bdi_writeback *wb);
void folio_invalidate(struct folio *fo, size_t offset, size_t length);
bool filemap_release_folio(struct folio *fo, gfp_t gfp);

#define folio_start_writeback(fo) __folio_start_writeback(fo, false)
#define folio_start_writeback_keepwrite(fo) __folio_start_writeback(fo, true)

static inline bool folio_trylock(struct folio *fo)
{
	unsigned long old = __atomic_fetch_or(&fo->flags, 1UL << PG_locked,
					      __ATOMIC_ACQUIRE);

	return !(old & (1UL << PG_locked));
}

static inline void folio_lock(struct folio *fo)
{
	might_sleep();
	if (!folio_trylock(fo))
		__folio_lock(fo);
}

static inline int folio_lock_killable(struct folio *fo)
{
	might_sleep();
	if (!folio_trylock(fo))
		return __folio_lock_killable(fo);
	return 0;
}

static inline void folio_wait_locked(struct folio *fo)
{
	if (folio_test_locked(fo))
		folio_wait_bit(fo, PG_locked);
}

static inline int trylock_page(struct page *pg)
{
	return folio_trylock(page_folio(pg));
}

static inline void lock_page(struct page *pg)
{
	folio_lock(page_folio(pg));
}

static inline void unlock_page(struct page *pg)
{
	folio_unlock(page_folio(pg));
}

static inline void wait_on_page_locked(struct page *pg)
{
	folio_wait_locked(page_folio(pg));
}

static inline bool set_page_dirty(struct page *pg)
{
	return folio_mark_dirty(page_folio(pg));
}

/* --- lookup and read ---------------------------------------------------- */

typedef unsigned int __bitwise fgf_t;

#define FGP_ACCESSED ((__force fgf_t)0x00000001)
#define FGP_LOCK ((__force fgf_t)0x00000002)
#define FGP_CREAT ((__force fgf_t)0x00000004)
#define FGP_WRITE ((__force fgf_t)0x00000008)
#define FGP_NOFS ((__force fgf_t)0x00000010)
#define FGP_NOWAIT ((__force fgf_t)0x00000020)
#define FGP_FOR_MMAP ((__force fgf_t)0x00000040)
#define FGP_STABLE ((__force fgf_t)0x00000080)
#define FGP_WRITEBEGIN (FGP_LOCK | FGP_WRITE | FGP_CREAT | FGP_STABLE)

typedef int filler_t(struct file *fp, struct folio *fo);

/* a new order-@order folio for the page cache (memory area, mm.h) */
#define filemap_alloc_folio(...) alloc_hooks(filemap_alloc_folio_noprof(__VA_ARGS__))

ssize_t filemap_read(struct kiocb *kio, struct iov_iter *to,
		     ssize_t already_read);
struct page *read_cache_page_gfp(struct address_space *aspace, pgoff_t idx,
				 gfp_t gfp);
int filemap_fdatawrite_wbc(struct address_space *aspace,
			   struct writeback_control *wb_ctl);

struct folio *__filemap_get_folio(struct address_space *aspace,
				  pgoff_t idx, fgf_t fgp_flags, gfp_t gfp);
struct folio *read_cache_folio(struct address_space *aspace, pgoff_t idx,
			       filler_t *filler, struct file *fp);
struct folio *mapping_read_folio_gfp(struct address_space *aspace,
				     pgoff_t idx, gfp_t gfp);
struct page *read_cache_page(struct address_space *aspace, pgoff_t idx,
			     filler_t *filler, struct file *fp);
int filemap_add_folio(struct address_space *aspace, struct folio *fo,
		      pgoff_t idx, gfp_t gfp);
void filemap_remove_folio(struct folio *fo);
unsigned int filemap_get_folios(struct address_space *aspace,
				pgoff_t *start, pgoff_t end,
				struct folio_batch *fbatch);
unsigned int filemap_get_folios_tag(struct address_space *aspace,
				    pgoff_t *start, pgoff_t end,
				    unsigned int tag,
				    struct folio_batch *fbatch);

static inline struct folio *filemap_get_folio(struct address_space *aspace,
					      pgoff_t idx)
{
	return __filemap_get_folio(aspace, idx, 0, 0);
}

static inline struct folio *filemap_lock_folio(struct address_space *aspace,
					       pgoff_t idx)
{
	return __filemap_get_folio(aspace, idx, FGP_LOCK, 0);
}

static inline struct folio *filemap_grab_folio(struct address_space *aspace,
					       pgoff_t idx)
{
	return __filemap_get_folio(aspace, idx,
				   FGP_LOCK | FGP_ACCESSED | FGP_CREAT,
				   mapping_gfp_mask(aspace));
}

static inline struct folio *read_mapping_folio(struct address_space *aspace,
					       pgoff_t idx,
					       struct file *fp)
{
	return read_cache_folio(aspace, idx, NULL, fp);
}

static inline struct page *read_mapping_page(struct address_space *aspace,
					     pgoff_t idx, struct file *fp)
{
	return read_cache_page(aspace, idx, NULL, fp);
}

/* the page at @offset, folio reference taken (NULL when absent) */
static inline struct page *find_get_page(struct address_space *aspace,
					 pgoff_t offset)
{
	struct folio *fo = filemap_get_folio(aspace, offset);

	return IS_ERR(fo) ? NULL : &fo->page;
}

static inline struct page *find_lock_page(struct address_space *aspace,
					  pgoff_t idx)
{
	struct folio *fo = filemap_lock_folio(aspace, idx);

	return IS_ERR(fo) ? NULL : &fo->page;
}

static inline struct page *grab_cache_page(struct address_space *aspace,
					   pgoff_t idx)
{
	struct folio *fo = filemap_grab_folio(aspace, idx);

	return IS_ERR(fo) ? NULL : &fo->page;
}

/* --- readahead ---------------------------------------------------------- */

struct readahead_control {
	struct file *file;
	struct address_space *mapping;
	struct file_ra_state *ra;
	pgoff_t _index;
	unsigned int _nr_pages;
	unsigned int _batch_count;
	bool _workingset;
	unsigned long _pflags;
};

#define DEFINE_READAHEAD(ractl, f, r, m, i)                                 \
	struct readahead_control ractl = {                                  \
		.file = f,                                                  \
		.mapping = m,                                               \
		.ra = r,                                                    \
		._index = i,                                                \
	}

#define VM_READAHEAD_PAGES ((128 * 1024) / PAGE_SIZE)

void page_cache_ra_unbounded(struct readahead_control *rac,
			     unsigned long nr_to_read,
			     unsigned long lookahead_count);
void page_cache_sync_ra(struct readahead_control *rac,
			unsigned long req_count);
void page_cache_async_ra(struct readahead_control *rac, struct folio *fo,
			 unsigned long req_count);
void readahead_expand(struct readahead_control *rac, loff_t new_start,
		      size_t new_len);
struct folio *readahead_folio(struct readahead_control *rac);
struct page *readahead_page(struct readahead_control *rac);
unsigned int __readahead_batch(struct readahead_control *rac,
			       struct page **array, unsigned int array_sz);

static inline loff_t readahead_pos(struct readahead_control *rac)
{
	return (loff_t)rac->_index * PAGE_SIZE;
}

static inline size_t readahead_length(struct readahead_control *rac)
{
	return rac->_nr_pages * PAGE_SIZE;
}

static inline pgoff_t readahead_index(struct readahead_control *rac)
{
	return rac->_index;
}

static inline unsigned int readahead_count(struct readahead_control *rac)
{
	return rac->_nr_pages;
}

static inline size_t readahead_batch_length(struct readahead_control *rac)
{
	return rac->_batch_count * PAGE_SIZE;
}

void file_ra_state_init(struct file_ra_state *ra,
			struct address_space *aspace);

/* --- writeback and truncation ------------------------------------------- */

int filemap_fdatawrite(struct address_space *aspace);
int filemap_fdatawrite_range(struct address_space *aspace, loff_t start,
			     loff_t end);
int filemap_fdatawait_range(struct address_space *aspace, loff_t start,
			    loff_t end);
int filemap_fdatawait_keep_errors(struct address_space *aspace);
int filemap_flush(struct address_space *aspace);
int filemap_write_and_wait_range(struct address_space *aspace,
				 loff_t lstart, loff_t lend);
int file_check_and_advance_wb_err(struct file *fp);
int file_write_and_wait_range(struct file *fp, loff_t start, loff_t end);
int filemap_invalidate_pages(struct address_space *aspace, loff_t pos,
			     loff_t end, bool nowait);
int invalidate_inode_pages2(struct address_space *aspace);
int invalidate_inode_pages2_range(struct address_space *aspace,
				  pgoff_t start, pgoff_t end);
unsigned long invalidate_mapping_pages(struct address_space *aspace,
				       pgoff_t start, pgoff_t end);
void truncate_inode_pages(struct address_space *aspace, loff_t lstart);
void truncate_inode_pages_range(struct address_space *aspace,
				loff_t lstart, loff_t lend);
void truncate_inode_pages_final(struct address_space *aspace);
void truncate_pagecache(struct inode *ip, loff_t new);
void truncate_setsize(struct inode *ip, loff_t newsize);
void pagecache_isize_extended(struct inode *ip, loff_t from, loff_t to);
void truncate_pagecache_range(struct inode *ip, loff_t offset, loff_t end);
int generic_error_remove_folio(struct address_space *aspace,
			       struct folio *fo);
void balance_dirty_pages_ratelimited(struct address_space *aspace);

static inline int filemap_fdatawait(struct address_space *aspace)
{
	return filemap_fdatawait_range(aspace, 0, LLONG_MAX);
}

static inline int filemap_write_and_wait(struct address_space *aspace)
{
	return filemap_write_and_wait_range(aspace, 0, LLONG_MAX);
}

static inline int file_write_and_wait(struct file *fp)
{
	return file_write_and_wait_range(fp, 0, LLONG_MAX);
}

/* mm/huge_memory.c: ->get_unmapped_area of files that may use huge pages */
unsigned long thp_get_unmapped_area(struct file *fp, unsigned long addr,
				    unsigned long len, unsigned long pgoff,
				    unsigned long flags);

vm_fault_t filemap_fault(struct vm_fault *vmf);
vm_fault_t filemap_map_pages(struct vm_fault *vmf, pgoff_t start_pgoff,
			     pgoff_t end_pgoff);
vm_fault_t filemap_page_mkwrite(struct vm_fault *vmf);

#endif /* _LINUX_PAGEMAP_H */
