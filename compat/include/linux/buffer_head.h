/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Buffer heads: a block-sized window onto a page-cache folio, with its
 * state bits (BH_*), its block number on the device and a use count.
 *
 * Kept guarantees:
 *  - the BH_* bits are changed with atomic bit operations; the
 *    buffer_X()/set_buffer_X()/clear_buffer_X() helpers are relaxed, the
 *    test_set_/test_clear_ forms fully ordered;
 *  - BH_Lock is a sleeping bit lock: trylock_buffer() acquires it with
 *    acquire ordering, unlock_buffer() (VFS) releases it and wakes
 *    waiters; set_buffer_uptodate() publishes the data before the bit and
 *    buffer_uptodate() reads the bit before the data;
 *  - get_bh/put_bh count users in b_count; brelse/bforget of NULL are
 *    no-ops, sb_bread()/sb_getblk() read/find the super block's device
 *    block of size s_blocksize.
 * Everything out of line is implemented by the VFS (fs/buffer.c's part).
 */
#ifndef _LINUX_BUFFER_HEAD_H
#define _LINUX_BUFFER_HEAD_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/linkage.h>
#include <linux/pagemap.h>
#include <linux/wait.h>

enum bh_state_bits {
	BH_Uptodate,
	BH_Dirty,
	BH_Lock,
	BH_Req,
	BH_Mapped,
	BH_New,
	BH_Async_Read,
	BH_Async_Write,
	BH_Delay,
	BH_Boundary,
	BH_Write_EIO,
	BH_Unwritten,
	BH_Quiet,
	BH_Meta,
	BH_Prio,
	BH_Defer_Completion,
	BH_PrivateStart,
};

#define MAX_BUF_PER_PAGE (PAGE_SIZE / 512)

struct buffer_head;
typedef void(bh_end_io_t)(struct buffer_head *bh, int uptodate);

struct buffer_head {
	unsigned long b_state;
	struct buffer_head *b_this_page;	/* circular list in the folio */
	union {
		struct page *b_page;
		struct folio *b_folio;
	};
	sector_t b_blocknr;
	size_t b_size;
	char *b_data;
	struct block_device *b_bdev;
	bh_end_io_t *b_end_io;
	void *b_private;
	struct list_head b_assoc_buffers;
	struct address_space *b_assoc_map;
	atomic_t b_count;
	spinlock_t b_uptodate_lock;	/* async completion of a folio */
};

/* the accessors for one BH_ bit */
#define BUFFER_FNS(bit, name)                                               \
	static __always_inline void set_buffer_##name(struct buffer_head *bh) \
	{                                                                   \
		if (!(__atomic_load_n(&bh->b_state, __ATOMIC_RELAXED) &     \
		      (1UL << BH_##bit)))                                   \
			__atomic_fetch_or(&bh->b_state, 1UL << BH_##bit,    \
					  __ATOMIC_RELAXED);                \
	}                                                                   \
	static __always_inline void clear_buffer_##name(struct buffer_head *bh) \
	{                                                                   \
		__atomic_fetch_and(&bh->b_state, ~(1UL << BH_##bit),        \
				   __ATOMIC_RELAXED);                       \
	}                                                                   \
	static __always_inline int buffer_##name(const struct buffer_head *bh) \
	{                                                                   \
		return (__atomic_load_n(&bh->b_state, __ATOMIC_RELAXED) >>  \
			BH_##bit) & 1;                                      \
	}

#define TAS_BUFFER_FNS(bit, name)                                           \
	static __always_inline int test_set_buffer_##name(struct buffer_head *bh) \
	{                                                                   \
		return (__atomic_fetch_or(&bh->b_state, 1UL << BH_##bit,    \
					  __ATOMIC_SEQ_CST) >> BH_##bit) & 1; \
	}                                                                   \
	static __always_inline int test_clear_buffer_##name(struct buffer_head *bh) \
	{                                                                   \
		return (__atomic_fetch_and(&bh->b_state, ~(1UL << BH_##bit), \
					   __ATOMIC_SEQ_CST) >> BH_##bit) & 1; \
	}

BUFFER_FNS(Dirty, dirty)
TAS_BUFFER_FNS(Dirty, dirty)
BUFFER_FNS(Lock, locked)
BUFFER_FNS(Req, req)
TAS_BUFFER_FNS(Req, req)
BUFFER_FNS(Mapped, mapped)
BUFFER_FNS(New, new)
BUFFER_FNS(Async_Read, async_read)
BUFFER_FNS(Async_Write, async_write)
BUFFER_FNS(Delay, delay)
BUFFER_FNS(Boundary, boundary)
BUFFER_FNS(Write_EIO, write_io_error)
BUFFER_FNS(Unwritten, unwritten)
BUFFER_FNS(Meta, meta)
BUFFER_FNS(Prio, prio)
BUFFER_FNS(Defer_Completion, defer_completion)
BUFFER_FNS(Quiet, quiet)

/* BH_Uptodate: contents before the bit on set, bit before contents on test */
static __always_inline void set_buffer_uptodate(struct buffer_head *bh)
{
	if (__atomic_load_n(&bh->b_state, __ATOMIC_RELAXED) &
	    (1UL << BH_Uptodate))
		return;
	__atomic_fetch_or(&bh->b_state, 1UL << BH_Uptodate, __ATOMIC_RELEASE);
}

static __always_inline void clear_buffer_uptodate(struct buffer_head *bh)
{
	__atomic_fetch_and(&bh->b_state, ~(1UL << BH_Uptodate),
			   __ATOMIC_RELAXED);
}

static __always_inline int buffer_uptodate(const struct buffer_head *bh)
{
	return (__atomic_load_n(&bh->b_state, __ATOMIC_ACQUIRE) >>
		BH_Uptodate) & 1;
}

static inline unsigned long bh_offset(const struct buffer_head *bh)
{
	return (unsigned long)bh->b_data & (folio_size(bh->b_folio) - 1);
}

#define folio_buffers(folio) ((struct buffer_head *)(folio)->private)
#define page_buffers(page)                                                  \
	({                                                                  \
		struct folio *__f = page_folio(page);                       \
		BUG_ON(!folio_test_private(__f));                           \
		folio_buffers(__f);                                         \
	})
#define page_has_buffers(page) PagePrivate(page)

void buffer_check_dirty_writeback(struct folio *folio, bool *dirty,
				  bool *writeback);

void mark_buffer_dirty(struct buffer_head *bh);
void mark_buffer_write_io_error(struct buffer_head *bh);
void touch_buffer(struct buffer_head *bh);
void folio_set_bh(struct buffer_head *bh, struct folio *folio,
		  unsigned long offset);
struct buffer_head *folio_alloc_buffers(struct folio *folio,
					unsigned long size, gfp_t gfp);
struct buffer_head *alloc_page_buffers(struct page *page, unsigned long size);
struct buffer_head *create_empty_buffers(struct folio *folio,
					 unsigned long blocksize,
					 unsigned long b_state);
void end_buffer_read_sync(struct buffer_head *bh, int uptodate);
void end_buffer_write_sync(struct buffer_head *bh, int uptodate);
void mark_buffer_dirty_inode(struct buffer_head *bh, struct inode *inode);
void clean_bdev_aliases(struct block_device *bdev, sector_t block,
			sector_t len);

static inline void clean_bdev_bh_alias(struct buffer_head *bh)
{
	clean_bdev_aliases(bh->b_bdev, bh->b_blocknr, 1);
}

void mark_buffer_async_write(struct buffer_head *bh);
void __wait_on_buffer(struct buffer_head *bh);
wait_queue_head_t *bh_waitq_head(struct buffer_head *bh);
struct buffer_head *__find_get_block(struct block_device *bdev,
				     sector_t block, unsigned int size);
struct buffer_head *bdev_getblk(struct block_device *bdev, sector_t block,
				unsigned int size, gfp_t gfp);
void __brelse(struct buffer_head *bh);
void __bforget(struct buffer_head *bh);
void __breadahead(struct block_device *bdev, sector_t block,
		  unsigned int size);
struct buffer_head *__bread_gfp(struct block_device *bdev, sector_t block,
				unsigned int size, gfp_t gfp);
struct buffer_head *alloc_buffer_head(gfp_t gfp_flags);
void free_buffer_head(struct buffer_head *bh);
void unlock_buffer(struct buffer_head *bh);
void __lock_buffer(struct buffer_head *bh);
int sync_dirty_buffer(struct buffer_head *bh);
int __sync_dirty_buffer(struct buffer_head *bh, blk_opf_t op_flags);
void write_dirty_buffer(struct buffer_head *bh, blk_opf_t op_flags);
void submit_bh(blk_opf_t opf, struct buffer_head *bh);
void write_boundary_block(struct block_device *bdev, sector_t bblock,
			  unsigned int blocksize);
int bh_uptodate_or_lock(struct buffer_head *bh);
int __bh_read(struct buffer_head *bh, blk_opf_t op_flags, bool wait);
void __bh_read_batch(int nr, struct buffer_head *bhs[], blk_opf_t op_flags,
		     bool force_lock);

/* the get_block callback of the generic block-mapping helpers */
typedef int(get_block_t)(struct inode *inode, sector_t iblock,
			 struct buffer_head *bh_result, int create);

void block_invalidate_folio(struct folio *folio, size_t offset,
			    size_t length);
int block_write_full_folio(struct folio *folio, struct writeback_control *wbc,
			   void *get_block);
int __block_write_full_folio(struct inode *inode, struct folio *folio,
			     get_block_t *get_block,
			     struct writeback_control *wbc);
int block_read_full_folio(struct folio *folio, get_block_t *get_block);
bool block_is_partially_uptodate(struct folio *folio, size_t from,
				 size_t count);
int block_write_begin(struct address_space *mapping, loff_t pos,
		      unsigned int len, struct folio **foliop,
		      get_block_t *get_block);
int __block_write_begin(struct folio *folio, loff_t pos, unsigned int len,
			get_block_t *get_block);
int block_write_end(struct file *file, struct address_space *mapping,
		    loff_t pos, unsigned int len, unsigned int copied,
		    struct folio *folio, void *fsdata);
int generic_write_end(struct file *file, struct address_space *mapping,
		      loff_t pos, unsigned int len, unsigned int copied,
		      struct folio *folio, void *fsdata);
void folio_zero_new_buffers(struct folio *folio, size_t from, size_t to);
int cont_write_begin(struct file *file, struct address_space *mapping,
		     loff_t pos, unsigned int len, struct folio **foliop,
		     void **fsdata, get_block_t *get_block, loff_t *bytes);
int generic_cont_expand_simple(struct inode *inode, loff_t size);
void block_commit_write(struct page *page, unsigned int from,
			unsigned int to);
int block_page_mkwrite(struct vm_area_struct *vma, struct vm_fault *vmf,
		       get_block_t get_block);
sector_t generic_block_bmap(struct address_space *mapping, sector_t block,
			    get_block_t *get_block);
int block_truncate_page(struct address_space *mapping, loff_t from,
			get_block_t *get_block);
int buffer_migrate_folio(struct address_space *mapping, struct folio *dst,
			 struct folio *src, enum migrate_mode mode);
int buffer_migrate_folio_norefs(struct address_space *mapping,
				struct folio *dst, struct folio *src,
				enum migrate_mode mode);
bool block_dirty_folio(struct address_space *mapping, struct folio *folio);
bool try_to_free_buffers(struct folio *folio);
int inode_has_buffers(struct inode *inode);
void invalidate_inode_buffers(struct inode *inode);
int remove_inode_buffers(struct inode *inode);
int sync_mapping_buffers(struct address_space *mapping);
void invalidate_bh_lrus(void);

static inline void get_bh(struct buffer_head *bh)
{
	atomic_inc(&bh->b_count);
}

static inline void put_bh(struct buffer_head *bh)
{
	/* the last state change must be visible before the count drops */
	smp_mb__before_atomic();
	atomic_dec(&bh->b_count);
}

static inline void brelse(struct buffer_head *bh)
{
	if (bh)
		__brelse(bh);
}

static inline void bforget(struct buffer_head *bh)
{
	if (bh)
		__bforget(bh);
}

static inline struct buffer_head *sb_bread(struct super_block *sb,
					   sector_t block)
{
	return __bread_gfp(sb->s_bdev, block, sb->s_blocksize, __GFP_MOVABLE);
}

static inline struct buffer_head *sb_bread_unmovable(struct super_block *sb,
						     sector_t block)
{
	return __bread_gfp(sb->s_bdev, block, sb->s_blocksize, 0);
}

static inline void sb_breadahead(struct super_block *sb, sector_t block)
{
	__breadahead(sb->s_bdev, block, sb->s_blocksize);
}

static inline struct buffer_head *getblk_unmovable(struct block_device *bdev,
						   sector_t block,
						   unsigned int size)
{
	return bdev_getblk(bdev, block, size, __GFP_NOFAIL);
}

static inline struct buffer_head *__getblk(struct block_device *bdev,
					   sector_t block, unsigned int size)
{
	return bdev_getblk(bdev, block, size, __GFP_MOVABLE | __GFP_NOFAIL);
}

static inline struct buffer_head *sb_getblk(struct super_block *sb,
					    sector_t block)
{
	return __getblk(sb->s_bdev, block, sb->s_blocksize);
}

static inline struct buffer_head *sb_getblk_gfp(struct super_block *sb,
						sector_t block, gfp_t gfp)
{
	return bdev_getblk(sb->s_bdev, block, sb->s_blocksize, gfp);
}

static inline struct buffer_head *sb_find_get_block(struct super_block *sb,
						    sector_t block)
{
	return __find_get_block(sb->s_bdev, block, sb->s_blocksize);
}

/* a buffer mapped to block @block of @sb's device */
static inline void map_bh(struct buffer_head *bh, struct super_block *sb,
			  sector_t block)
{
	set_buffer_mapped(bh);
	bh->b_bdev = sb->s_bdev;
	bh->b_blocknr = block;
	bh->b_size = sb->s_blocksize;
}

/* wait for I/O; a buffer with no users may still have I/O in flight */
static inline void wait_on_buffer(struct buffer_head *bh)
{
	might_sleep();
	if (buffer_locked(bh) || atomic_read(&bh->b_count) == 0)
		__wait_on_buffer(bh);
}

static inline int trylock_buffer(struct buffer_head *bh)
{
	unsigned long old = __atomic_fetch_or(&bh->b_state, 1UL << BH_Lock,
					      __ATOMIC_ACQUIRE);

	return !(old & (1UL << BH_Lock));
}

static inline void lock_buffer(struct buffer_head *bh)
{
	might_sleep();
	if (!trylock_buffer(bh))
		__lock_buffer(bh);
}

static inline void bh_readahead(struct buffer_head *bh, blk_opf_t op_flags)
{
	if (!buffer_uptodate(bh) && trylock_buffer(bh)) {
		if (!buffer_uptodate(bh))
			__bh_read(bh, op_flags, false);
		else
			unlock_buffer(bh);
	}
}

static inline void bh_read_nowait(struct buffer_head *bh, blk_opf_t op_flags)
{
	if (!bh_uptodate_or_lock(bh))
		__bh_read(bh, op_flags, false);
}

/* 1: already uptodate, 0: read now and uptodate, -EIO: read failed */
static inline int bh_read(struct buffer_head *bh, blk_opf_t op_flags)
{
	if (bh_uptodate_or_lock(bh))
		return 1;
	return __bh_read(bh, op_flags, true);
}

static inline void bh_read_batch(int nr, struct buffer_head *bhs[])
{
	__bh_read_batch(nr, bhs, 0, true);
}

static inline void bh_readahead_batch(int nr, struct buffer_head *bhs[],
				      blk_opf_t op_flags)
{
	__bh_read_batch(nr, bhs, op_flags, false);
}

static inline struct buffer_head *__bread(struct block_device *bdev,
					  sector_t block, unsigned int size)
{
	return __bread_gfp(bdev, block, size, __GFP_MOVABLE);
}

#endif /* _LINUX_BUFFER_HEAD_H */
