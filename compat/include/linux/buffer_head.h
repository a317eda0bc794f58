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
typedef void(bh_end_io_t)(struct buffer_head *b, int ok);

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

/*
 * All BH_* accessors funnel into these: one atomic read-modify-write or
 * load of b_state with the memory order the caller's contract needs.
 */
static __always_inline int kshim_bh_bit(const struct buffer_head *b, int nr,
					int order)
{
	return (__atomic_load_n(&b->b_state, order) >> nr) & 1;
}

static __always_inline void kshim_bh_bit_on(struct buffer_head *b, int nr,
					    int order)
{
	/* skip the write when already set: keeps the line shared */
	if (!kshim_bh_bit(b, nr, __ATOMIC_RELAXED))
		__atomic_fetch_or(&b->b_state, 1UL << nr, order);
}

static __always_inline void kshim_bh_bit_off(struct buffer_head *b, int nr)
{
	__atomic_fetch_and(&b->b_state, ~(1UL << nr), __ATOMIC_RELAXED);
}

/* fully ordered test-and-modify; returns the bit's previous value */
static __always_inline int kshim_bh_bit_xchg(struct buffer_head *b, int nr,
					     bool on)
{
	unsigned long old = on ?
		__atomic_fetch_or(&b->b_state, 1UL << nr, __ATOMIC_SEQ_CST) :
		__atomic_fetch_and(&b->b_state, ~(1UL << nr),
				   __ATOMIC_SEQ_CST);

	return (old >> nr) & 1;
}

/* set_buffer_X / clear_buffer_X / buffer_X for BH_<bit>, all relaxed */
#define BUFFER_FNS(bit, X)						\
static __always_inline void set_buffer_##X(struct buffer_head *b)	\
{ kshim_bh_bit_on(b, BH_##bit, __ATOMIC_RELAXED); }			\
static __always_inline void clear_buffer_##X(struct buffer_head *b)	\
{ kshim_bh_bit_off(b, BH_##bit); }					\
static __always_inline int buffer_##X(const struct buffer_head *b)	\
{ return kshim_bh_bit(b, BH_##bit, __ATOMIC_RELAXED); }

/* test_set_buffer_X / test_clear_buffer_X, fully ordered */
#define TAS_BUFFER_FNS(bit, X)						\
static __always_inline int test_set_buffer_##X(struct buffer_head *b)	\
{ return kshim_bh_bit_xchg(b, BH_##bit, true); }			\
static __always_inline int test_clear_buffer_##X(struct buffer_head *b) \
{ return kshim_bh_bit_xchg(b, BH_##bit, false); }

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
static __always_inline void set_buffer_uptodate(struct buffer_head *b)
{
	kshim_bh_bit_on(b, BH_Uptodate, __ATOMIC_RELEASE);
}

static __always_inline void clear_buffer_uptodate(struct buffer_head *b)
{
	kshim_bh_bit_off(b, BH_Uptodate);
}

static __always_inline int buffer_uptodate(const struct buffer_head *b)
{
	return kshim_bh_bit(b, BH_Uptodate, __ATOMIC_ACQUIRE);
}

static inline unsigned long bh_offset(const struct buffer_head *b)
{
	return (unsigned long)b->b_data & (folio_size(b->b_folio) - 1);
}

#define folio_buffers(fo) ((struct buffer_head *)(fo)->private)
#define page_buffers(pg)                                                  \
	({                                                                  \
		struct folio *__f = page_folio(pg);                       \
		BUG_ON(!folio_test_private(__f));                           \
		folio_buffers(__f);                                         \
	})
#define page_has_buffers(pg) PagePrivate(pg)

void buffer_check_dirty_writeback(struct folio *fo, bool *dirty,
				  bool *writeback);

void mark_buffer_dirty(struct buffer_head *b);
void mark_buffer_write_io_error(struct buffer_head *b);
void touch_buffer(struct buffer_head *b);
void folio_set_bh(struct buffer_head *b, struct folio *fo,
		  unsigned long offset);
struct buffer_head *folio_alloc_buffers(struct folio *fo,
					unsigned long len, gfp_t gfp);
struct buffer_head *alloc_page_buffers(struct page *pg, unsigned long len);
struct buffer_head *create_empty_buffers(struct folio *fo,
					 unsigned long blocksize,
					 unsigned long b_state);
void end_buffer_read_sync(struct buffer_head *b, int ok);
void end_buffer_write_sync(struct buffer_head *b, int ok);
void mark_buffer_dirty_inode(struct buffer_head *b, struct inode *ip);
void clean_bdev_aliases(struct block_device *bd, sector_t blk,
			sector_t len);

static inline void clean_bdev_bh_alias(struct buffer_head *b)
{
	clean_bdev_aliases(b->b_bdev, b->b_blocknr, 1);
}

void mark_buffer_async_write(struct buffer_head *b);
void __wait_on_buffer(struct buffer_head *b);
wait_queue_head_t *bh_waitq_head(struct buffer_head *b);
struct buffer_head *__find_get_block(struct block_device *bd,
				     sector_t blk, unsigned int len);
struct buffer_head *bdev_getblk(struct block_device *bd, sector_t blk,
				unsigned int len, gfp_t gfp);
void __brelse(struct buffer_head *b);
void __bforget(struct buffer_head *b);
void __breadahead(struct block_device *bd, sector_t blk,
		  unsigned int len);
struct buffer_head *__bread_gfp(struct block_device *bd, sector_t blk,
				unsigned int len, gfp_t gfp);
struct buffer_head *alloc_buffer_head(gfp_t gfp);
void free_buffer_head(struct buffer_head *b);
void unlock_buffer(struct buffer_head *b);
void __lock_buffer(struct buffer_head *b);
int sync_dirty_buffer(struct buffer_head *b);
int __sync_dirty_buffer(struct buffer_head *b, blk_opf_t opf);
void write_dirty_buffer(struct buffer_head *b, blk_opf_t opf);
void submit_bh(blk_opf_t opf, struct buffer_head *b);
void write_boundary_block(struct block_device *bd, sector_t bblock,
			  unsigned int blocksize);
int bh_uptodate_or_lock(struct buffer_head *b);
int __bh_read(struct buffer_head *b, blk_opf_t opf, bool wait);
void __bh_read_batch(int nr, struct buffer_head *vec[], blk_opf_t opf,
		     bool force_lock);

/* the get_block callback of the generic block-mapping helpers */
typedef int(get_block_t)(struct inode *ip, sector_t iblock,
			 struct buffer_head *res, int create);

void block_invalidate_folio(struct folio *fo, size_t offset,
			    size_t length);
int block_write_full_folio(struct folio *fo, struct writeback_control *wbc,
			   void *get_block);
int __block_write_full_folio(struct inode *ip, struct folio *fo,
			     get_block_t *get_block,
			     struct writeback_control *wbc);
int block_read_full_folio(struct folio *fo, get_block_t *get_block);
bool block_is_partially_uptodate(struct folio *fo, size_t from,
				 size_t count);
int block_write_begin(struct address_space *aspace, loff_t pos,
		      unsigned int len, struct folio **foliop,
		      get_block_t *get_block);
int __block_write_begin(struct folio *fo, loff_t pos, unsigned int len,
			get_block_t *get_block);
int block_write_end(struct file *file, struct address_space *aspace,
		    loff_t pos, unsigned int len, unsigned int copied,
		    struct folio *fo, void *fsdata);
int generic_write_end(struct file *file, struct address_space *aspace,
		      loff_t pos, unsigned int len, unsigned int copied,
		      struct folio *fo, void *fsdata);
void folio_zero_new_buffers(struct folio *fo, size_t from, size_t to);
int cont_write_begin(struct file *file, struct address_space *aspace,
		     loff_t pos, unsigned int len, struct folio **foliop,
		     void **fsdata, get_block_t *get_block, loff_t *bytes);
int generic_cont_expand_simple(struct inode *ip, loff_t len);
void block_commit_write(struct page *pg, unsigned int from,
			unsigned int to);
int block_page_mkwrite(struct vm_area_struct *vma, struct vm_fault *vmf,
		       get_block_t get_block);
sector_t generic_block_bmap(struct address_space *aspace, sector_t blk,
			    get_block_t *get_block);
int block_truncate_page(struct address_space *aspace, loff_t from,
			get_block_t *get_block);
int buffer_migrate_folio(struct address_space *aspace, struct folio *dst,
			 struct folio *src, enum migrate_mode mode);
int buffer_migrate_folio_norefs(struct address_space *aspace,
				struct folio *dst, struct folio *src,
				enum migrate_mode mode);
bool block_dirty_folio(struct address_space *aspace, struct folio *fo);
bool try_to_free_buffers(struct folio *fo);
int inode_has_buffers(struct inode *ip);
void invalidate_inode_buffers(struct inode *ip);
int remove_inode_buffers(struct inode *ip);
int sync_mapping_buffers(struct address_space *aspace);
void invalidate_bh_lrus(void);

static inline void get_bh(struct buffer_head *b)
{
	atomic_inc(&b->b_count);
}

static inline void put_bh(struct buffer_head *b)
{
	/*
	 * The last state change must be visible before the count drops: a
	 * release decrement, paired with the acquire read of whoever frees
	 * unused buffers (try_to_free_buffers).
	 */
	__atomic_fetch_sub(&b->b_count.counter, 1, __ATOMIC_RELEASE);
}

static inline void brelse(struct buffer_head *b)
{
	if (b)
		__brelse(b);
}

static inline void bforget(struct buffer_head *b)
{
	if (b)
		__bforget(b);
}

static inline struct buffer_head *sb_bread(struct super_block *sb,
					   sector_t blk)
{
	return __bread_gfp(sb->s_bdev, blk, sb->s_blocksize, __GFP_MOVABLE);
}

static inline struct buffer_head *sb_bread_unmovable(struct super_block *sb,
						     sector_t blk)
{
	return __bread_gfp(sb->s_bdev, blk, sb->s_blocksize, 0);
}

static inline void sb_breadahead(struct super_block *sb, sector_t blk)
{
	__breadahead(sb->s_bdev, blk, sb->s_blocksize);
}

static inline struct buffer_head *getblk_unmovable(struct block_device *bd,
						   sector_t blk,
						   unsigned int len)
{
	return bdev_getblk(bd, blk, len, __GFP_NOFAIL);
}

static inline struct buffer_head *__getblk(struct block_device *bd,
					   sector_t blk, unsigned int len)
{
	return bdev_getblk(bd, blk, len, __GFP_MOVABLE | __GFP_NOFAIL);
}

static inline struct buffer_head *sb_getblk(struct super_block *sb,
					    sector_t blk)
{
	return __getblk(sb->s_bdev, blk, sb->s_blocksize);
}

static inline struct buffer_head *sb_getblk_gfp(struct super_block *sb,
						sector_t blk, gfp_t gfp)
{
	return bdev_getblk(sb->s_bdev, blk, sb->s_blocksize, gfp);
}

static inline struct buffer_head *sb_find_get_block(struct super_block *sb,
						    sector_t blk)
{
	return __find_get_block(sb->s_bdev, blk, sb->s_blocksize);
}

/* a buffer mapped to block @blk of @sb's device */
static inline void map_bh(struct buffer_head *b, struct super_block *sb,
			  sector_t blk)
{
	set_buffer_mapped(b);
	b->b_bdev = sb->s_bdev;
	b->b_blocknr = blk;
	b->b_size = sb->s_blocksize;
}

/* wait for I/O; a buffer with no users may still have I/O in flight */
static inline void wait_on_buffer(struct buffer_head *b)
{
	might_sleep();
	if (buffer_locked(b) || atomic_read(&b->b_count) == 0)
		__wait_on_buffer(b);
}

static inline int trylock_buffer(struct buffer_head *b)
{
	unsigned long old = __atomic_fetch_or(&b->b_state, 1UL << BH_Lock,
					      __ATOMIC_ACQUIRE);

	return !(old & (1UL << BH_Lock));
}

static inline void lock_buffer(struct buffer_head *b)
{
	might_sleep();
	if (!trylock_buffer(b))
		__lock_buffer(b);
}

static inline void bh_readahead(struct buffer_head *b, blk_opf_t opf)
{
	if (!buffer_uptodate(b) && trylock_buffer(b)) {
		if (!buffer_uptodate(b))
			__bh_read(b, opf, false);
		else
			unlock_buffer(b);
	}
}

static inline void bh_read_nowait(struct buffer_head *b, blk_opf_t opf)
{
	if (!bh_uptodate_or_lock(b))
		__bh_read(b, opf, false);
}

/* 1: already uptodate, 0: read now and uptodate, -EIO: read failed */
static inline int bh_read(struct buffer_head *b, blk_opf_t opf)
{
	if (bh_uptodate_or_lock(b))
		return 1;
	return __bh_read(b, opf, true);
}

static inline void bh_read_batch(int nr, struct buffer_head *vec[])
{
	__bh_read_batch(nr, vec, 0, true);
}

static inline void bh_readahead_batch(int nr, struct buffer_head *vec[],
				      blk_opf_t opf)
{
	__bh_read_batch(nr, vec, opf, false);
}

static inline struct buffer_head *__bread(struct block_device *bd,
					  sector_t blk, unsigned int len)
{
	return __bread_gfp(bd, blk, len, __GFP_MOVABLE);
}

#endif /* _LINUX_BUFFER_HEAD_H */
