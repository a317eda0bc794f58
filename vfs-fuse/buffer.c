// SPDX-License-Identifier: GPL-2.0-only
/*
 * Buffer heads (the role of fs/buffer.c and of block/fops.c's block
 * device mapping): block-sized windows onto page-cache folios, their I/O
 * through bios, and the block device's own page cache that sb_bread()
 * and friends read metadata through.
 *
 * Kernel guarantees kept:
 *  - a folio's buffers form a ring hanging off folio->private (PG_private
 *    and one folio reference), created and dropped under the mapping's
 *    i_private_lock, which also covers lookups that take a reference
 *    (__find_get_block), so a buffer with b_count > 0 is never freed;
 *  - one buffer_head per (device, block, size) while cached: the block
 *    device mapping caches folios, getblk finds the existing buffer, so
 *    reading a block twice issues one read;
 *  - BH_Lock is held across I/O; the end_io callback is called once,
 *    sets or clears BH_Uptodate and unlocks; __bread returns NULL and
 *    drops its reference when the read fails;
 *  - mark_buffer_dirty() dirties buffer, folio and (for file mappings)
 *    the inode; sync_dirty_buffer() writes a dirty buffer and waits,
 *    returning -EIO on failure; a buffer is written only while locked;
 *  - block_read_full_folio() maps every block with get_block, zeroes
 *    holes, reads the rest asynchronously and marks the folio uptodate
 *    only if every buffer is, unlocking it in any case;
 *  - buffers associated with an inode (mark_buffer_dirty_inode) are
 *    written and waited for by sync_mapping_buffers().
 *  - the write path (block_write_begin/__block_write_begin, then
 *    block_write_end/generic_write_end) maps every block a write touches
 *    with get_block(create=1), never lets a newly allocated block show
 *    old disk contents (zeroed outside the copy, or dirtied whole in an
 *    uptodate folio, and its stale bdev alias cleaned), reads partly
 *    overwritten blocks first, treats a short copy into a !uptodate folio
 *    as no copy, and grows i_size under the folio lock;
 *  - block_truncate_page() zeroes the new last block past the cut, in
 *    memory and on disk;
 *  - __block_write_full_folio() writes what has a block even when
 *    mapping another buffer fails, and records the error in the mapping.
 * Left out: the per-CPU bh LRU, buffer migration, mmap (page_mkwrite).
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/buffer_head.h>
#include <linux/blkdev.h>
#include <linux/bio.h>
#include <linux/slab.h>
#include <linux/swap.h>
#include <linux/highmem.h>
#include <linux/writeback.h>
#include <linux/log2.h>
#include <linux/mutex.h>
#include <linux/wait_bit.h>
#include <linux/sched/signal.h>
#include "kshim-vfs-internal.h"

/* --- allocation ------------------------------------------------------------ */

static struct kmem_cache *bh_cachep;
static DEFINE_MUTEX(bh_cache_lock);

static struct kmem_cache *bh_cache(void)
{
	struct kmem_cache *c = smp_load_acquire(&bh_cachep);

	if (likely(c))
		return c;
	mutex_lock(&bh_cache_lock);
	if (!bh_cachep) {
		c = kmem_cache_create("buffer_head", sizeof(struct buffer_head),
				      0, SLAB_RECLAIM_ACCOUNT, NULL);
		BUG_ON(!c);
		smp_store_release(&bh_cachep, c);
	}
	mutex_unlock(&bh_cache_lock);
	return bh_cachep;
}

struct buffer_head *alloc_buffer_head(gfp_t gfp_flags)
{
	struct buffer_head *bh = kmem_cache_zalloc(bh_cache(), gfp_flags);

	if (bh) {
		INIT_LIST_HEAD(&bh->b_assoc_buffers);
		spin_lock_init(&bh->b_uptodate_lock);
	}
	return bh;
}

void free_buffer_head(struct buffer_head *bh)
{
	BUG_ON(!list_empty(&bh->b_assoc_buffers));
	kmem_cache_free(bh_cache(), bh);
}

void folio_set_bh(struct buffer_head *bh, struct folio *folio,
		  unsigned long offset)
{
	bh->b_folio = folio;
	bh->b_data = (char *)folio_address(folio) + offset;
}

struct buffer_head *folio_alloc_buffers(struct folio *folio,
					unsigned long size, gfp_t gfp)
{
	struct buffer_head *head = NULL, *bh;
	long offset = folio_size(folio);

	while ((offset -= size) >= 0) {
		bh = alloc_buffer_head(gfp);
		if (!bh)
			goto fail;
		bh->b_this_page = head;
		bh->b_blocknr = -1;
		bh->b_size = size;
		folio_set_bh(bh, folio, offset);
		head = bh;
	}
	return head;
fail:
	while (head) {
		bh = head;
		head = head->b_this_page;
		free_buffer_head(bh);
	}
	return NULL;
}

struct buffer_head *alloc_page_buffers(struct page *page, unsigned long size)
{
	return folio_alloc_buffers(page_folio(page), size,
				   GFP_NOFS | __GFP_NOFAIL);
}

/* close the chain into a ring and hang it off the folio */
static void attach_buffers(struct folio *folio, struct buffer_head *head)
{
	struct buffer_head *bh = head, *tail = NULL;

	while (bh) {
		tail = bh;
		bh = bh->b_this_page;
	}
	tail->b_this_page = head;
	folio_attach_private(folio, head);
}

struct buffer_head *create_empty_buffers(struct folio *folio,
					 unsigned long blocksize,
					 unsigned long b_state)
{
	struct address_space *aspace = folio->mapping;
	struct buffer_head *head, *bh;

	head = folio_alloc_buffers(folio, blocksize, GFP_NOFS | __GFP_NOFAIL);
	for (bh = head; bh; bh = bh->b_this_page)
		bh->b_state |= b_state;
	if (aspace)
		spin_lock(&aspace->i_private_lock);
	if (folio_test_uptodate(folio) || folio_test_dirty(folio)) {
		for (bh = head; bh; bh = bh->b_this_page) {
			if (folio_test_dirty(folio))
				set_buffer_dirty(bh);
			if (folio_test_uptodate(folio))
				set_buffer_uptodate(bh);
		}
	}
	attach_buffers(folio, head);
	if (aspace)
		spin_unlock(&aspace->i_private_lock);
	return head;
}

static inline int buffer_busy(struct buffer_head *bh)
{
	/* acquire: pairs with put_bh()'s release of the last user */
	return __atomic_load_n(&bh->b_count.counter, __ATOMIC_ACQUIRE) |
	       (READ_ONCE(bh->b_state) &
		((1UL << BH_Dirty) | (1UL << BH_Lock)));
}

/* unlink from an inode's associated list; buffer mapping lock held */
static void __remove_assoc_queue(struct buffer_head *bh)
{
	list_del_init(&bh->b_assoc_buffers);
	if (buffer_write_io_error(bh) && bh->b_assoc_map)
		set_bit(AS_EIO, &bh->b_assoc_map->flags);
	bh->b_assoc_map = NULL;
}

bool try_to_free_buffers(struct folio *folio)
{
	struct address_space *aspace = folio->mapping;
	struct buffer_head *head, *bh, *next;

	BUG_ON(!folio_test_locked(folio));
	if (folio_test_writeback(folio))
		return false;
	if (aspace)
		spin_lock(&aspace->i_private_lock);
	head = folio_buffers(folio);
	if (!head) {
		if (aspace)
			spin_unlock(&aspace->i_private_lock);
		return true;
	}
	bh = head;
	do {
		if (buffer_busy(bh)) {
			if (aspace)
				spin_unlock(&aspace->i_private_lock);
			return false;
		}
		bh = bh->b_this_page;
	} while (bh != head);
	bh = head;
	do {
		if (bh->b_assoc_map)
			__remove_assoc_queue(bh);
		if (buffer_write_io_error(bh) && aspace)
			set_bit(AS_EIO, &aspace->flags);
		bh = bh->b_this_page;
	} while (bh != head);
	folio_detach_private(folio);
	if (aspace)
		spin_unlock(&aspace->i_private_lock);

	/* nobody can reach the ring any more */
	bh = head;
	do {
		next = bh->b_this_page;
		free_buffer_head(bh);
		bh = next;
	} while (bh != head);
	return true;
}

/* --- locking and completion -------------------------------------------------- */

void unlock_buffer(struct buffer_head *bh)
{
	clear_bit_unlock(BH_Lock, &bh->b_state);
	smp_mb__after_atomic();
	wake_up_bit(&bh->b_state, BH_Lock);
}

void __lock_buffer(struct buffer_head *bh)
{
	wait_on_bit_lock_io(&bh->b_state, BH_Lock, TASK_UNINTERRUPTIBLE);
}

void __wait_on_buffer(struct buffer_head *bh)
{
	wait_on_bit_io(&bh->b_state, BH_Lock, TASK_UNINTERRUPTIBLE);
}

wait_queue_head_t *bh_waitq_head(struct buffer_head *bh)
{
	return bit_waitqueue(&bh->b_state, BH_Lock);
}

void touch_buffer(struct buffer_head *bh)
{
	folio_mark_accessed(bh->b_folio);
}

static void buffer_io_error(struct buffer_head *bh, const char *msg)
{
	if (!test_bit(BH_Quiet, &bh->b_state))
		printk_ratelimited(KERN_ERR
			"Buffer I/O error on dev %s, logical block %llu%s\n",
			bh->b_bdev ? kshim_bdev_name(bh->b_bdev) : "?",
			(unsigned long long)bh->b_blocknr, msg);
}

void end_buffer_read_sync(struct buffer_head *bh, int uptodate)
{
	if (uptodate)
		set_buffer_uptodate(bh);
	else
		clear_buffer_uptodate(bh);
	unlock_buffer(bh);
	put_bh(bh);
}

void mark_buffer_write_io_error(struct buffer_head *bh)
{
	set_buffer_write_io_error(bh);
	/* errseq cursors (fsync) and the AS_EIO bit both get the error */
	if (bh->b_folio && bh->b_folio->mapping)
		mapping_set_error(bh->b_folio->mapping, -EIO);
	if (bh->b_assoc_map)
		mapping_set_error(bh->b_assoc_map, -EIO);
}

void end_buffer_write_sync(struct buffer_head *bh, int uptodate)
{
	if (uptodate) {
		set_buffer_uptodate(bh);
	} else {
		buffer_io_error(bh, ", lost sync page write");
		mark_buffer_write_io_error(bh);
		clear_buffer_uptodate(bh);
	}
	unlock_buffer(bh);
	put_bh(bh);
}

static void end_bio_bh_io_sync(struct bio *bio)
{
	struct buffer_head *bh = bio->bi_private;

	if (unlikely(bio_flagged(bio, BIO_QUIET)))
		set_bit(BH_Quiet, &bh->b_state);
	bh->b_end_io(bh, !bio->bi_status);
	bio_put(bio);
}

void submit_bh(blk_opf_t opf, struct buffer_head *bh)
{
	struct bio *bio;

	BUG_ON(!buffer_locked(bh));
	BUG_ON(!bh->b_end_io);
	if (unlikely(!buffer_mapped(bh) || !bh->b_bdev)) {
		/* a block past the end of the device: fail it, never BUG */
		WARN_ONCE(1, "kshim: I/O on an unmapped buffer (block %llu)\n",
			  (unsigned long long)bh->b_blocknr);
		bh->b_end_io(bh, 0);
		return;
	}
	if (test_set_buffer_req(bh) && (opf & REQ_OP_MASK) == REQ_OP_WRITE)
		clear_buffer_write_io_error(bh);
	if (buffer_meta(bh))
		opf |= REQ_META;
	if (buffer_prio(bh))
		opf |= REQ_PRIO;

	bio = bio_alloc(bh->b_bdev, 1, opf, GFP_NOIO);
	bio->bi_iter.bi_sector = bh->b_blocknr * (bh->b_size >> 9);
	bio_add_folio_nofail(bio, bh->b_folio, bh->b_size, bh_offset(bh));
	bio->bi_end_io = end_bio_bh_io_sync;
	bio->bi_private = bh;
	guard_bio_eod(bio);
	submit_bio(bio);
}

int bh_uptodate_or_lock(struct buffer_head *bh)
{
	if (!buffer_uptodate(bh)) {
		lock_buffer(bh);
		if (!buffer_uptodate(bh))
			return 0;
		unlock_buffer(bh);
	}
	return 1;
}

int __bh_read(struct buffer_head *bh, blk_opf_t op_flags, bool wait)
{
	int ret = 0;

	BUG_ON(!buffer_locked(bh));
	get_bh(bh);
	bh->b_end_io = end_buffer_read_sync;
	submit_bh(REQ_OP_READ | op_flags, bh);
	if (wait) {
		wait_on_buffer(bh);
		if (!buffer_uptodate(bh))
			ret = -EIO;
	}
	return ret;
}

void __bh_read_batch(int nr, struct buffer_head *bhs[], blk_opf_t op_flags,
		     bool force_lock)
{
	int i;

	for (i = 0; i < nr; i++) {
		struct buffer_head *bh = bhs[i];

		if (buffer_uptodate(bh))
			continue;
		if (force_lock)
			lock_buffer(bh);
		else if (!trylock_buffer(bh))
			continue;
		if (buffer_uptodate(bh)) {
			unlock_buffer(bh);
			continue;
		}
		bh->b_end_io = end_buffer_read_sync;
		get_bh(bh);
		submit_bh(REQ_OP_READ | op_flags, bh);
	}
}

/* --- the block device's page cache ------------------------------------------- */

struct kshim_bdev_inode {
	struct inode host_inode;
	struct file file;
	struct block_device *bdev;
	int attached;
};

static DEFINE_MUTEX(bdev_attach_lock);

static inline struct kshim_bdev_inode *BDEV_I(struct inode *ip)
{
	return container_of(ip, struct kshim_bdev_inode, host_inode);
}

struct block_device *I_BDEV(struct inode *ip)
{
	return BDEV_I(ip)->bdev;
}

struct block_device *file_bdev(struct file *bdev_file)
{
	return I_BDEV(bdev_file->f_mapping->host);
}

static int blkdev_get_block(struct inode *ip, sector_t iblock,
			    struct buffer_head *bh, int create)
{
	bh->b_bdev = I_BDEV(ip);
	bh->b_blocknr = iblock;
	set_buffer_mapped(bh);
	return 0;
}

static int blkdev_read_folio(struct file *file, struct folio *folio)
{
	return block_read_full_folio(folio, blkdev_get_block);
}

static int blkdev_writepage_cb(struct folio *folio,
			       struct writeback_control *wbc, void *data)
{
	return __block_write_full_folio(folio->mapping->host, folio,
					blkdev_get_block, wbc);
}

static int blkdev_writepages(struct address_space *aspace,
			     struct writeback_control *wbc)
{
	struct blk_plug plug;
	int err;

	blk_start_plug(&plug);
	err = write_cache_pages(aspace, wbc, blkdev_writepage_cb, NULL);
	blk_finish_plug(&plug);
	return err;
}

static const struct address_space_operations kshim_blkdev_aops = {
	.read_folio = blkdev_read_folio,
	.writepages = blkdev_writepages,
	.dirty_folio = block_dirty_folio,
	.invalidate_folio = block_invalidate_folio,
	.is_partially_uptodate = block_is_partially_uptodate,
};

int kshim_bdev_attach_mapping(struct block_device *bdev)
{
	struct kshim_bdev_inode *bi;
	struct inode *ip;

	mutex_lock(&bdev_attach_lock);
	bi = bdev->kshim_vfs_private;
	if (bi) {
		bi->attached++;
		mutex_unlock(&bdev_attach_lock);
		return 0;
	}
	bi = kzalloc(sizeof(*bi), GFP_KERNEL);
	if (!bi) {
		mutex_unlock(&bdev_attach_lock);
		return -ENOMEM;
	}
	ip = &bi->host_inode;
	ip->i_mode = S_IFBLK | 0600;
	ip->i_rdev = bdev->bd_dev;
	ip->i_blkbits = blksize_bits(bdev_logical_block_size(bdev));
	ip->i_size = bdev_nr_bytes(bdev);
	atomic_set(&ip->i_count, 1);
	spin_lock_init(&ip->i_lock);
	init_rwsem(&ip->i_rwsem);
	INIT_LIST_HEAD(&ip->i_io_list);
	INIT_LIST_HEAD(&ip->i_lru);
	INIT_LIST_HEAD(&ip->i_sb_list);
	INIT_LIST_HEAD(&ip->i_wb_list);
	INIT_LIST_HEAD(&ip->i_devices);
	kshim_mapping_init(&ip->i_data, ip);
	ip->i_data.a_ops = &kshim_blkdev_aops;
	mapping_set_gfp_mask(&ip->i_data, GFP_USER);
	ip->i_mapping = &ip->i_data;

	bi->file.f_mapping = &ip->i_data;
	bi->file.f_inode = ip;
	bi->file.f_mode = FMODE_READ | (bdev_read_only(bdev) ? 0 : FMODE_WRITE);
	atomic_long_set(&bi->file.f_count, 1);
	spin_lock_init(&bi->file.f_lock);
	bi->bdev = bdev;
	bi->attached = 1;

	bdev->bd_mapping = &ip->i_data;
	bdev->kshim_vfs_private = bi;
	mutex_unlock(&bdev_attach_lock);
	return 0;
}

void kshim_bdev_detach_mapping(struct block_device *bdev)
{
	struct kshim_bdev_inode *bi;
	struct address_space *aspace;

	mutex_lock(&bdev_attach_lock);
	bi = bdev->kshim_vfs_private;
	if (WARN_ON_ONCE(!bi) || --bi->attached > 0) {
		mutex_unlock(&bdev_attach_lock);
		return;
	}
	aspace = &bi->host_inode.i_data;
	filemap_write_and_wait(aspace);
	truncate_inode_pages_final(aspace);
	WARN_ONCE(aspace->nrpages,
		  "kshim: %lu block device folios still cached at detach\n",
		  aspace->nrpages);
	bdev->bd_mapping = NULL;
	bdev->kshim_vfs_private = NULL;
	mutex_unlock(&bdev_attach_lock);
	kfree(bi);
}

struct file *kshim_bdev_file(struct block_device *bdev)
{
	struct kshim_bdev_inode *bi = bdev->kshim_vfs_private;

	return bi ? &bi->file : NULL;
}

static int bdev_set_blocksize(struct block_device *bdev, int size)
{
	struct kshim_bdev_inode *bi = bdev->kshim_vfs_private;
	struct inode *ip;

	if (blk_validate_block_size(size))
		return -EINVAL;
	if (size < bdev_logical_block_size(bdev))
		return -EINVAL;
	if (WARN_ON_ONCE(!bi))
		return -ENODEV;
	ip = &bi->host_inode;
	if (ip->i_blkbits != blksize_bits(size)) {
		sync_blockdev(bdev);
		inode_lock(ip);
		filemap_invalidate_lock(ip->i_mapping);
		ip->i_blkbits = blksize_bits(size);
		truncate_inode_pages(ip->i_mapping, 0);
		filemap_invalidate_unlock(ip->i_mapping);
		inode_unlock(ip);
	}
	return 0;
}

int set_blocksize(struct file *file, int size)
{
	return bdev_set_blocksize(file_bdev(file), size);
}

int sb_set_blocksize(struct super_block *sb, int size)
{
	if (bdev_set_blocksize(sb->s_bdev, size))
		return 0;
	sb->s_blocksize = size;
	sb->s_blocksize_bits = blksize_bits(size);
	return sb->s_blocksize;
}

int sb_min_blocksize(struct super_block *sb, int size)
{
	int minsize = bdev_logical_block_size(sb->s_bdev);

	if (size < minsize)
		size = minsize;
	return sb_set_blocksize(sb, size);
}

unsigned int block_size(struct block_device *bdev)
{
	struct kshim_bdev_inode *bi = bdev->kshim_vfs_private;

	if (!bi)
		return bdev_logical_block_size(bdev);
	return 1U << bi->host_inode.i_blkbits;
}

int sync_blockdev_range(struct block_device *bdev, loff_t lstart, loff_t lend)
{
	if (!bdev->bd_mapping)
		return 0;
	return filemap_write_and_wait_range(bdev->bd_mapping, lstart, lend);
}

int sync_blockdev(struct block_device *bdev)
{
	return sync_blockdev_range(bdev, 0, LLONG_MAX);
}

int sync_blockdev_nowait(struct block_device *bdev)
{
	if (!bdev->bd_mapping)
		return 0;
	return filemap_flush(bdev->bd_mapping);
}

void invalidate_bdev(struct block_device *bdev)
{
	if (bdev->bd_mapping)
		invalidate_mapping_pages(bdev->bd_mapping, 0, (pgoff_t)-1);
}

/* --- getblk and bread --------------------------------------------------------- */

/* the buffer for @block in a folio of the bdev mapping, referenced */
static struct buffer_head *folio_find_bh(struct folio *folio, sector_t block,
					 unsigned int size)
{
	struct buffer_head *head = folio_buffers(folio), *bh;

	if (!head)
		return NULL;
	bh = head;
	do {
		/* unmapped: past the device's end, never handed out */
		if (bh->b_blocknr == block && bh->b_size == size &&
		    buffer_mapped(bh)) {
			get_bh(bh);
			return bh;
		}
		bh = bh->b_this_page;
	} while (bh != head);
	return NULL;
}

struct buffer_head *__find_get_block(struct block_device *bdev,
				     sector_t block, unsigned int size)
{
	struct address_space *aspace = bdev->bd_mapping;
	struct buffer_head *bh;
	struct folio *folio;
	pgoff_t index;

	if (WARN_ONCE(!aspace, "kshim: buffer lookup on a device without "
		      "a mapping (kshim_bdev_attach_mapping)\n"))
		return NULL;
	index = ((u64)block * size) >> PAGE_SHIFT;
	folio = __filemap_get_folio(aspace, index, FGP_ACCESSED, 0);
	if (IS_ERR(folio))
		return NULL;
	spin_lock(&aspace->i_private_lock);
	bh = folio_find_bh(folio, block, size);
	spin_unlock(&aspace->i_private_lock);
	folio_put(folio);
	return bh;
}

/*
 * map the buffers of a bdev folio to blocks first_block...; returns the
 * device's end in blocks (those at or past it stay unmapped)
 */
static sector_t init_folio_buffers(struct folio *folio, struct block_device *bdev,
				   sector_t block, unsigned int size)
{
	struct buffer_head *head = folio_buffers(folio), *bh = head;
	loff_t bytes = bdev_nr_bytes(bdev);
	sector_t end_block = bytes ? bytes >> ilog2(size) : ~(sector_t)0;
	bool uptodate = folio_test_uptodate(folio);

	do {
		if (!buffer_mapped(bh)) {
			bh->b_end_io = NULL;
			bh->b_private = NULL;
			bh->b_bdev = bdev;
			bh->b_blocknr = block;
			if (uptodate)
				set_buffer_uptodate(bh);
			if (block < end_block)
				set_buffer_mapped(bh);
		}
		block++;
		bh = bh->b_this_page;
	} while (bh != head);
	return end_block;
}

/*
 * make sure the folio holding @block has buffers of @size; false: no, or
 * @block lies past the end of the device (getblk then returns NULL)
 */
static bool grow_buffers(struct block_device *bdev, sector_t block,
			 unsigned int size, gfp_t gfp)
{
	struct address_space *aspace = bdev->bd_mapping;
	unsigned int sizebits = ilog2(size);
	struct buffer_head *bh;
	struct folio *folio;
	pgoff_t index;
	sector_t first;
	bool ret = false;

	if ((u64)block > (u64)(MAX_LFS_FILESIZE / size))
		return false;
	index = block >> (PAGE_SHIFT - sizebits);
	first = (sector_t)index << (PAGE_SHIFT - sizebits);
	gfp |= mapping_gfp_constraint(aspace, ~__GFP_FS);
	folio = __filemap_get_folio(aspace, index,
				    FGP_LOCK | FGP_ACCESSED | FGP_CREAT, gfp);
	if (IS_ERR(folio))
		return false;

	bh = folio_buffers(folio);
	if (bh) {
		if (bh->b_size == size) {
			spin_lock(&aspace->i_private_lock);
			ret = block < init_folio_buffers(folio, bdev, first, size);
			spin_unlock(&aspace->i_private_lock);
			goto out;
		}
		/* buffers of another size: they must go first */
		if (!try_to_free_buffers(folio))
			goto out;
	}
	bh = folio_alloc_buffers(folio, size, gfp | __GFP_NOFAIL);
	if (!bh)
		goto out;
	spin_lock(&aspace->i_private_lock);
	attach_buffers(folio, bh);
	ret = block < init_folio_buffers(folio, bdev, first, size);
	spin_unlock(&aspace->i_private_lock);
out:
	folio_unlock(folio);
	folio_put(folio);
	return ret;
}

struct buffer_head *bdev_getblk(struct block_device *bdev, sector_t block,
				unsigned int size, gfp_t gfp)
{
	struct buffer_head *bh = __find_get_block(bdev, block, size);

	if (bh)
		return bh;
	if (unlikely(!bdev->bd_mapping))
		return NULL;
	if (unlikely(size & (bdev_logical_block_size(bdev) - 1) ||
		     size < 512 || size > PAGE_SIZE || !is_power_of_2(size))) {
		printk(KERN_ERR "getblk(): invalid block size %u requested\n",
		       size);
		printk(KERN_ERR "logical block size: %u\n",
		       bdev_logical_block_size(bdev));
		return NULL;
	}
	for (;;) {
		bh = __find_get_block(bdev, block, size);
		if (bh)
			return bh;
		if (!grow_buffers(bdev, block, size, gfp))
			return NULL;
	}
}

struct buffer_head *__bread_gfp(struct block_device *bdev, sector_t block,
				unsigned int size, gfp_t gfp)
{
	struct buffer_head *bh;

	gfp |= mapping_gfp_constraint(bdev->bd_mapping, ~__GFP_FS);
	gfp |= __GFP_NOFAIL;
	bh = bdev_getblk(bdev, block, size, gfp);
	if (unlikely(!bh) || buffer_uptodate(bh))
		return bh;

	lock_buffer(bh);
	if (buffer_uptodate(bh)) {
		unlock_buffer(bh);
		return bh;
	}
	if (__bh_read(bh, 0, true)) {
		brelse(bh);
		return NULL;
	}
	return bh;
}

void __breadahead(struct block_device *bdev, sector_t block, unsigned int size)
{
	struct buffer_head *bh = bdev_getblk(bdev, block, size,
					     __GFP_MOVABLE | __GFP_NOFAIL);

	if (likely(bh)) {
		bh_readahead(bh, REQ_RAHEAD);
		brelse(bh);
	}
}

void __brelse(struct buffer_head *bh)
{
	if (atomic_read(&bh->b_count)) {
		put_bh(bh);
		return;
	}
	WARN(1, KERN_ERR "VFS: brelse: Trying to free free buffer\n");
}

void __bforget(struct buffer_head *bh)
{
	clear_buffer_dirty(bh);
	if (bh->b_assoc_map) {
		struct address_space *bh_space = bh->b_folio->mapping;

		spin_lock(&bh_space->i_private_lock);
		list_del_init(&bh->b_assoc_buffers);
		bh->b_assoc_map = NULL;
		spin_unlock(&bh_space->i_private_lock);
	}
	__brelse(bh);
}

/*
 * Blocks [block, block + len) were just allocated to a file.  The block
 * device's cache may still hold them as metadata (an indirect block or a
 * directory block freed a moment ago): those buffers must neither be
 * written later over the file's data nor be in flight now.  They are
 * cleaned, waited for, and forget they were ever submitted (BH_Req).
 * The folio lock pins each folio's buffers meanwhile.
 */
void clean_bdev_aliases(struct block_device *bdev, sector_t block,
			sector_t len)
{
	struct address_space *aspace = bdev->bd_mapping;
	struct folio_batch fbatch;
	unsigned int bbits, i;
	pgoff_t index, last;

	if (!aspace || !len || !aspace->nrpages)
		return;
	bbits = aspace->host->i_blkbits;
	index = ((loff_t)block << bbits) >> PAGE_SHIFT;
	last = ((loff_t)(block + len - 1) << bbits) >> PAGE_SHIFT;

	folio_batch_init(&fbatch);
	while (index <= last &&
	       filemap_get_folios(aspace, &index, last, &fbatch)) {
		for (i = 0; i < folio_batch_count(&fbatch); i++) {
			struct folio *folio = fbatch.folios[i];
			struct buffer_head *head, *bh;

			if (!folio_buffers(folio))
				continue;
			folio_lock(folio);
			head = folio_buffers(folio);
			bh = head;
			while (bh) {
				if (buffer_mapped(bh) &&
				    bh->b_blocknr >= block &&
				    bh->b_blocknr < block + len) {
					clear_buffer_dirty(bh);
					wait_on_buffer(bh);
					clear_buffer_req(bh);
				}
				bh = bh->b_this_page;
				if (bh == head)
					break;
			}
			folio_unlock(folio);
		}
		folio_batch_release(&fbatch);
		cond_resched();
		if (!index)
			break;		/* wrapped past the last index */
	}
}

void write_boundary_block(struct block_device *bdev, sector_t bblock,
			  unsigned int blocksize)
{
}

void invalidate_bh_lrus(void)
{
	/* kshim keeps no per-CPU buffer LRUs */
}

/* --- dirtying and writing ----------------------------------------------------- */

static bool folio_set_dirty_and_inode(struct folio *folio)
{
	struct address_space *aspace = folio->mapping;

	if (folio_test_set_dirty(folio))
		return false;
	kshim_account_folio_dirtied(folio, aspace);
	/* a file's mapping dirties its inode; the bdev has no super block */
	if (aspace && aspace->host && aspace->host->i_sb)
		__mark_inode_dirty(aspace->host, I_DIRTY_PAGES);
	return true;
}

void mark_buffer_dirty(struct buffer_head *bh)
{
	WARN_ON_ONCE(!buffer_uptodate(bh));

	/* already dirty: nothing to publish (the barrier pairs with writers) */
	if (buffer_dirty(bh)) {
		smp_mb();
		if (buffer_dirty(bh))
			return;
	}
	if (!test_set_buffer_dirty(bh))
		folio_set_dirty_and_inode(bh->b_folio);
}

void mark_buffer_dirty_inode(struct buffer_head *bh, struct inode *ip)
{
	struct address_space *aspace = ip->i_mapping;
	struct address_space *bh_space = bh->b_folio->mapping;

	mark_buffer_dirty(bh);
	if (!aspace->i_private_data)
		aspace->i_private_data = bh_space;
	else
		BUG_ON(aspace->i_private_data != bh_space);
	if (!bh->b_assoc_map) {
		spin_lock(&bh_space->i_private_lock);
		list_move_tail(&bh->b_assoc_buffers, &aspace->i_private_list);
		bh->b_assoc_map = aspace;
		spin_unlock(&bh_space->i_private_lock);
	}
}

bool block_dirty_folio(struct address_space *aspace, struct folio *folio)
{
	struct buffer_head *head, *bh;
	bool newly_dirty;

	spin_lock(&aspace->i_private_lock);
	head = folio_buffers(folio);
	if (head) {
		bh = head;
		do {
			set_buffer_dirty(bh);
			bh = bh->b_this_page;
		} while (bh != head);
	}
	newly_dirty = !folio_test_set_dirty(folio);
	spin_unlock(&aspace->i_private_lock);
	if (newly_dirty)
		kshim_account_folio_dirtied(folio, aspace);
	if (newly_dirty && aspace->host && aspace->host->i_sb)
		__mark_inode_dirty(aspace->host, I_DIRTY_PAGES);
	return newly_dirty;
}

void write_dirty_buffer(struct buffer_head *bh, blk_opf_t op_flags)
{
	lock_buffer(bh);
	if (!test_clear_buffer_dirty(bh)) {
		unlock_buffer(bh);
		return;
	}
	bh->b_end_io = end_buffer_write_sync;
	get_bh(bh);
	submit_bh(REQ_OP_WRITE | op_flags, bh);
}

int __sync_dirty_buffer(struct buffer_head *bh, blk_opf_t op_flags)
{
	WARN_ON(atomic_read(&bh->b_count) < 1);
	lock_buffer(bh);
	if (!test_clear_buffer_dirty(bh)) {
		unlock_buffer(bh);
		return 0;
	}
	/* a buffer that lost its mapping (invalidated) is only cleaned */
	if (!buffer_mapped(bh)) {
		unlock_buffer(bh);
		return 0;
	}
	get_bh(bh);
	bh->b_end_io = end_buffer_write_sync;
	submit_bh(REQ_OP_WRITE | op_flags, bh);
	wait_on_buffer(bh);
	if (!buffer_uptodate(bh))
		return -EIO;
	return 0;
}

int sync_dirty_buffer(struct buffer_head *bh)
{
	return __sync_dirty_buffer(bh, REQ_SYNC);
}

void buffer_check_dirty_writeback(struct folio *folio, bool *dirty,
				  bool *writeback)
{
	struct buffer_head *head = folio_buffers(folio), *bh;

	*dirty = false;
	*writeback = false;
	if (!head)
		return;
	if (folio_test_writeback(folio))
		*writeback = true;
	bh = head;
	do {
		if (buffer_locked(bh))
			*writeback = true;
		if (buffer_dirty(bh))
			*dirty = true;
		bh = bh->b_this_page;
	} while (bh != head);
}

/* --- associated buffers ----------------------------------------------------- */

int inode_has_buffers(struct inode *ip)
{
	return !list_empty(&ip->i_data.i_private_list);
}

void invalidate_inode_buffers(struct inode *ip)
{
	struct address_space *aspace = &ip->i_data;
	struct address_space *bh_space = aspace->i_private_data;

	if (!inode_has_buffers(ip) || !bh_space)
		return;
	spin_lock(&bh_space->i_private_lock);
	while (!list_empty(&aspace->i_private_list))
		__remove_assoc_queue(list_first_entry(&aspace->i_private_list,
						      struct buffer_head,
						      b_assoc_buffers));
	spin_unlock(&bh_space->i_private_lock);
}

int remove_inode_buffers(struct inode *ip)
{
	struct address_space *aspace = &ip->i_data;
	struct address_space *bh_space = aspace->i_private_data;
	int ret = 1;

	if (!inode_has_buffers(ip) || !bh_space)
		return 1;
	spin_lock(&bh_space->i_private_lock);
	while (!list_empty(&aspace->i_private_list)) {
		struct buffer_head *bh = list_first_entry(&aspace->i_private_list,
							  struct buffer_head,
							  b_assoc_buffers);
		if (buffer_dirty(bh)) {
			ret = 0;
			break;
		}
		__remove_assoc_queue(bh);
	}
	spin_unlock(&bh_space->i_private_lock);
	return ret;
}

/*
 * Write every dirty buffer on @aspace's associated list, wait for all of
 * them (and for those already under I/O), and keep the ones dirtied again
 * meanwhile on the list.  -EIO if any write waited for here failed; clean
 * buffers simply leave the list (a failed earlier write of theirs was
 * recorded on the mapping's errseq by mark_buffer_write_io_error).
 */
int sync_mapping_buffers(struct address_space *aspace)
{
	struct address_space *bh_space = aspace->i_private_data;
	spinlock_t *lock;
	struct buffer_head *bh;
	LIST_HEAD(inflight);
	struct blk_plug plug;
	int err = 0;

	if (!bh_space || list_empty(&aspace->i_private_list))
		return 0;
	lock = &bh_space->i_private_lock;

	blk_start_plug(&plug);
	spin_lock(lock);
	while (!list_empty(&aspace->i_private_list)) {
		bh = list_first_entry(&aspace->i_private_list,
				      struct buffer_head, b_assoc_buffers);
		/*
		 * Written by someone else already (the flusher, a sync of the
		 * device): off the list, and not ours to judge: its error
		 * went to this mapping's errseq when that write failed.
		 */
		if (!buffer_dirty(bh) && !buffer_locked(bh)) {
			list_del_init(&bh->b_assoc_buffers);
			bh->b_assoc_map = NULL;
			continue;
		}
		/* stays associated (b_assoc_map) while on our list */
		list_move_tail(&bh->b_assoc_buffers, &inflight);
		get_bh(bh);
		if (buffer_dirty(bh)) {
			spin_unlock(lock);
			write_dirty_buffer(bh, REQ_SYNC);
			spin_lock(lock);
		}
	}
	spin_unlock(lock);
	blk_finish_plug(&plug);

	spin_lock(lock);
	while (!list_empty(&inflight)) {
		bh = list_first_entry(&inflight, struct buffer_head,
				      b_assoc_buffers);
		list_del_init(&bh->b_assoc_buffers);
		if (buffer_dirty(bh))
			list_add_tail(&bh->b_assoc_buffers,
				      &aspace->i_private_list);
		else
			bh->b_assoc_map = NULL;
		spin_unlock(lock);
		wait_on_buffer(bh);
		if (!buffer_uptodate(bh) || buffer_write_io_error(bh))
			err = -EIO;
		put_bh(bh);
		spin_lock(lock);
	}
	spin_unlock(lock);
	return err;
}

int generic_buffers_fsync_noflush(struct file *file, loff_t start, loff_t end,
				  bool datasync)
{
	struct inode *ip = file->f_mapping->host;
	int err, ret;

	err = file_write_and_wait_range(file, start, end);
	if (err)
		return err;
	ret = sync_mapping_buffers(ip->i_mapping);
	if (!(ip->i_state & I_DIRTY_ALL))
		goto out;
	if (datasync && !(ip->i_state & I_DIRTY_DATASYNC))
		goto out;
	err = sync_inode_metadata(ip, 1);
	if (ret == 0)
		ret = err;
out:
	err = file_check_and_advance_wb_err(file);
	return ret ? ret : err;
}

int generic_buffers_fsync(struct file *file, loff_t start, loff_t end,
			  bool datasync)
{
	struct inode *ip = file->f_mapping->host;
	int ret = generic_buffers_fsync_noflush(file, start, end, datasync);

	if (!ret && ip->i_sb->s_bdev)
		ret = blkdev_issue_flush(ip->i_sb->s_bdev);
	return ret;
}

/* --- reading a file folio through buffers -------------------------------------- */

/* the last async read of a folio's buffers ends the folio's read */
static void end_buffer_async_read(struct buffer_head *bh, int uptodate)
{
	struct folio *folio = bh->b_folio;
	struct buffer_head *first = folio_buffers(folio), *tmp;
	unsigned long flags;
	bool folio_uptodate = true;

	if (uptodate) {
		set_buffer_uptodate(bh);
	} else {
		clear_buffer_uptodate(bh);
		buffer_io_error(bh, ", async page read");
	}

	spin_lock_irqsave(&first->b_uptodate_lock, flags);
	clear_buffer_async_read(bh);
	unlock_buffer(bh);
	tmp = bh;
	do {
		if (!buffer_uptodate(tmp))
			folio_uptodate = false;
		if (buffer_async_read(tmp)) {
			/* another read of this folio is still running */
			spin_unlock_irqrestore(&first->b_uptodate_lock, flags);
			return;
		}
		tmp = tmp->b_this_page;
	} while (tmp != bh);
	spin_unlock_irqrestore(&first->b_uptodate_lock, flags);
	folio_end_read(folio, folio_uptodate);
}

static void mark_buffer_async_read(struct buffer_head *bh)
{
	bh->b_end_io = end_buffer_async_read;
	set_buffer_async_read(bh);
}

int block_read_full_folio(struct folio *folio, get_block_t *get_block)
{
	struct inode *ip = folio->mapping->host;
	struct buffer_head *head, *bh, *arr[MAX_BUF_PER_PAGE];
	unsigned int blocksize, bbits;
	sector_t iblock, lblock;
	int nr = 0, i;
	bool fully_mapped = true, partial = false;

	VM_BUG_ON_FOLIO(folio_test_large(folio), folio);
	head = folio_buffers(folio);
	if (!head)
		head = create_empty_buffers(folio, i_blocksize(ip), 0);
	blocksize = head->b_size;
	bbits = ilog2(blocksize);
	iblock = (sector_t)folio->index << (PAGE_SHIFT - bbits);
	lblock = (i_size_read(ip) + blocksize - 1) >> bbits;

	bh = head;
	do {
		if (buffer_uptodate(bh))
			goto next;
		if (!buffer_mapped(bh)) {
			int err = 0;

			fully_mapped = false;
			if (iblock < lblock) {
				WARN_ON(bh->b_size != blocksize);
				err = get_block(ip, iblock, bh, 0);
				if (err)
					partial = true;
			}
			if (!buffer_mapped(bh)) {
				/* a hole, or past EOF: zeroes */
				folio_zero_range(folio, bh_offset(bh), blocksize);
				if (!err)
					set_buffer_uptodate(bh);
				goto next;
			}
			/* get_block may have read it (inline data) */
			if (buffer_uptodate(bh))
				goto next;
		}
		arr[nr++] = bh;
next:
		iblock++;
		bh = bh->b_this_page;
	} while (bh != head);

	if (fully_mapped)
		folio_set_mappedtodisk(folio);

	if (!nr) {
		/* everything was a hole or cached already */
		folio_end_read(folio, !partial);
		return 0;
	}

	/* lock all first, so no completion sees a half-built set */
	for (i = 0; i < nr; i++) {
		lock_buffer(arr[i]);
		mark_buffer_async_read(arr[i]);
	}
	for (i = 0; i < nr; i++) {
		bh = arr[i];
		if (buffer_uptodate(bh))
			end_buffer_async_read(bh, 1);
		else
			submit_bh(REQ_OP_READ, bh);
	}
	return 0;
}

bool block_is_partially_uptodate(struct folio *folio, size_t from,
				 size_t count)
{
	struct buffer_head *head = folio_buffers(folio), *bh;
	size_t block_start = 0, block_end, to;
	unsigned int blocksize;

	if (!head)
		return false;
	blocksize = head->b_size;
	to = min(from + count, folio_size(folio));
	if (from < blocksize && to > folio_size(folio) - blocksize)
		return false;	/* the whole folio: it is not uptodate */
	bh = head;
	do {
		block_end = block_start + blocksize;
		if (block_end > from && block_start < to) {
			if (!buffer_uptodate(bh))
				return false;
			if (block_end >= to)
				break;
		}
		block_start = block_end;
		bh = bh->b_this_page;
	} while (bh != head);
	return true;
}

sector_t generic_block_bmap(struct address_space *aspace, sector_t block,
			    get_block_t *get_block)
{
	struct inode *ip = aspace->host;
	struct buffer_head tmp = {
		.b_size = i_blocksize(ip),
	};

	get_block(ip, block, &tmp, 0);
	return tmp.b_blocknr;
}

/* --- invalidation ----------------------------------------------------------- */

static void discard_buffer(struct buffer_head *bh)
{
	lock_buffer(bh);
	clear_buffer_dirty(bh);
	bh->b_bdev = NULL;
	__atomic_fetch_and(&bh->b_state,
			   ~((1UL << BH_Mapped) | (1UL << BH_New) |
			     (1UL << BH_Req) | (1UL << BH_Delay) |
			     (1UL << BH_Unwritten)), __ATOMIC_RELAXED);
	unlock_buffer(bh);
}

void block_invalidate_folio(struct folio *folio, size_t offset, size_t length)
{
	struct buffer_head *head, *bh, *next;
	size_t curr_off = 0, stop = offset + length;

	BUG_ON(!folio_test_locked(folio));
	BUG_ON(stop > folio_size(folio) || stop < length);
	head = folio_buffers(folio);
	if (!head)
		return;
	bh = head;
	do {
		size_t next_off = curr_off + bh->b_size;

		next = bh->b_this_page;
		if (next_off > stop)
			return;		/* past the range: keep the rest */
		if (offset <= curr_off)
			discard_buffer(bh);
		curr_off = next_off;
		bh = next;
	} while (bh != head);

	/* the whole folio went: its buffers may go too */
	if (length == folio_size(folio))
		filemap_release_folio(folio, 0);
}

/* --- writing a folio through buffers ------------------------------------------- */

static void end_buffer_async_write(struct buffer_head *bh, int uptodate)
{
	struct folio *folio = bh->b_folio;
	struct buffer_head *first = folio_buffers(folio), *tmp;
	unsigned long flags;

	if (uptodate) {
		set_buffer_uptodate(bh);
	} else {
		buffer_io_error(bh, ", lost async page write");
		mark_buffer_write_io_error(bh);
		clear_buffer_uptodate(bh);
	}

	spin_lock_irqsave(&first->b_uptodate_lock, flags);
	clear_buffer_async_write(bh);
	unlock_buffer(bh);
	for (tmp = bh->b_this_page; tmp != bh; tmp = tmp->b_this_page) {
		if (buffer_async_write(tmp)) {
			spin_unlock_irqrestore(&first->b_uptodate_lock, flags);
			return;
		}
	}
	spin_unlock_irqrestore(&first->b_uptodate_lock, flags);
	folio_end_writeback(folio);
}

void mark_buffer_async_write(struct buffer_head *bh)
{
	bh->b_end_io = end_buffer_async_write;
	set_buffer_async_write(bh);
}

/*
 * Write the dirty buffers of a locked folio.  First every dirty buffer
 * inside i_size gets a disk block (get_block with create=1; a block that
 * comes back BH_New may still have a dirty alias in the block device's
 * cache, which must not overwrite it later); buffers past i_size are only
 * cleaned.  Then the dirty mapped buffers are locked and sent; the folio
 * is unlocked and stays in writeback until the last of them completes.
 * When mapping fails (-ENOSPC, -EIO), the buffers that do have blocks are
 * still written, so no block the file already owns keeps stale contents,
 * the others are cleaned, and the error is recorded in the mapping
 * (mapping_set_error) for fsync to report.
 */
int __block_write_full_folio(struct inode *ip, struct folio *folio,
			     get_block_t *get_block,
			     struct writeback_control *wbc)
{
	struct buffer_head *head, *bh, *arr[MAX_BUF_PER_PAGE];
	unsigned int blocksize, bbits;
	sector_t block, last_block;
	int nr = 0, i, err = 0;

	BUG_ON(!folio_test_locked(folio));
	head = folio_buffers(folio);
	if (!head)
		head = create_empty_buffers(folio, i_blocksize(ip),
					    (1UL << BH_Dirty) |
					    (1UL << BH_Uptodate));
	blocksize = head->b_size;
	bbits = ilog2(blocksize);
	block = (sector_t)folio->index << (PAGE_SHIFT - bbits);
	last_block = (i_size_read(ip) - 1) >> bbits;

	bh = head;
	do {
		if (block > last_block) {
			/* past EOF (a truncate is running): zeroed, not written */
			clear_buffer_dirty(bh);
			set_buffer_uptodate(bh);
		} else if (buffer_dirty(bh) &&
			   (!buffer_mapped(bh) || buffer_delay(bh))) {
			WARN_ON(bh->b_size != blocksize);
			err = get_block(ip, block, bh, 1);
			if (err)
				break;
			clear_buffer_delay(bh);
			if (buffer_new(bh)) {
				clear_buffer_new(bh);
				clean_bdev_bh_alias(bh);
			}
		}
		bh = bh->b_this_page;
		block++;
	} while (bh != head);

	/* collect what goes to disk, each buffer locked while in flight */
	bh = head;
	do {
		if (!buffer_mapped(bh) || (err && buffer_delay(bh))) {
			/* after a failed mapping, what has no block is lost */
			if (err)
				clear_buffer_dirty(bh);
			continue;
		}
		lock_buffer(bh);
		if (test_clear_buffer_dirty(bh)) {
			mark_buffer_async_write(bh);
			arr[nr++] = bh;
		} else {
			unlock_buffer(bh);
		}
	} while ((bh = bh->b_this_page) != head);

	if (err)
		mapping_set_error(folio->mapping, err);
	BUG_ON(folio_test_writeback(folio));
	folio_start_writeback(folio);
	folio_unlock(folio);
	for (i = 0; i < nr; i++)
		submit_bh(REQ_OP_WRITE | wbc_to_write_flags(wbc), arr[i]);
	/* nothing was dirty after all (written by hand meanwhile) */
	if (!nr)
		folio_end_writeback(folio);
	return err;
}

int block_write_full_folio(struct folio *folio, struct writeback_control *wbc,
			   void *get_block)
{
	struct inode *ip = folio->mapping->host;
	loff_t i_size = i_size_read(ip);

	if (folio_pos(folio) >= i_size) {
		/* wholly beyond EOF (truncate raced with writeback) */
		folio_invalidate(folio, 0, folio_size(folio));
		folio_unlock(folio);
		return 0;
	}
	if (folio_pos(folio) + folio_size(folio) > i_size)
		folio_zero_segment(folio, offset_in_folio(folio, i_size),
				   folio_size(folio));
	return __block_write_full_folio(ip, folio, get_block, wbc);
}

/* --- the write path of regular files --------------------------------------------- */

/* a locked folio's buffer ring, created empty (state @b_state) if missing */
static struct buffer_head *folio_buffers_for_write(struct folio *folio,
						   struct inode *ip,
						   unsigned long b_state)
{
	struct buffer_head *head = folio_buffers(folio);

	BUG_ON(!folio_test_locked(folio));
	if (!head)
		head = create_empty_buffers(folio, i_blocksize(ip), b_state);
	return head;
}

/*
 * After a failed or short copy into [from, to): blocks the write path
 * allocated (BH_New) must not expose what the disk held before, so the
 * part of them inside the range is zeroed (the rest was zeroed when they
 * were mapped) unless the folio was uptodate anyway; they are dirtied,
 * so the zeroes reach the disk, and lose BH_New.
 */
void folio_zero_new_buffers(struct folio *folio, size_t from, size_t to)
{
	struct buffer_head *head, *bh;
	size_t bstart = 0;

	BUG_ON(!folio_test_locked(folio));
	head = folio_buffers(folio);
	if (!head)
		return;
	bh = head;
	do {
		size_t bend = bstart + bh->b_size;

		if (buffer_new(bh) && bend > from && bstart < to) {
			if (!folio_test_uptodate(folio)) {
				folio_zero_segment(folio, max(from, bstart),
						   min(to, bend));
				set_buffer_uptodate(bh);
			}
			clear_buffer_new(bh);
			mark_buffer_dirty(bh);
		}
		bstart = bend;
		bh = bh->b_this_page;
	} while (bh != head);
}

/*
 * Get [pos, pos + len) of a locked folio ready for the writer's copy:
 *  - every block the range touches is mapped with get_block(create=1);
 *  - a block allocated just now (BH_New) has no valid contents on disk:
 *    in an uptodate folio it is simply dirtied, otherwise the part of it
 *    the copy will not cover is zeroed;
 *  - an old block only partly covered by the range and not uptodate is
 *    read first (at most the first and the last block), so the copy
 *    lands on the real data;
 *  - blocks outside the range learn the folio's uptodate state.
 * On error, the new blocks inside the range are zeroed and dirtied
 * (folio_zero_new_buffers) and the error is returned; the caller gives
 * back the blocks past i_size.
 */
int __block_write_begin(struct folio *folio, loff_t pos, unsigned int len,
			get_block_t *get_block)
{
	struct inode *ip = folio->mapping->host;
	size_t from = offset_in_folio(folio, pos), to = from + len;
	bool uptodate = folio_test_uptodate(folio);
	struct buffer_head *head, *bh, *reads[2];
	unsigned int nr_reads = 0, bsize;
	size_t bstart = 0;
	sector_t iblock;
	int err = 0;

	BUG_ON(from > to || to > folio_size(folio));
	head = folio_buffers_for_write(folio, ip, 0);
	bsize = head->b_size;
	iblock = (sector_t)folio->index << (PAGE_SHIFT - ilog2(bsize));

	bh = head;
	do {
		size_t bend = bstart + bsize;
		bool partial = bstart < from || bend > to;

		if (bend <= from || bstart >= to) {
			if (uptodate)
				set_buffer_uptodate(bh);
			goto next;
		}
		clear_buffer_new(bh);
		if (!buffer_mapped(bh)) {
			WARN_ON(bh->b_size != bsize);
			err = get_block(ip, iblock, bh, 1);
			if (err)
				break;
			if (buffer_new(bh)) {
				/* an old metadata copy must not overwrite it */
				clean_bdev_bh_alias(bh);
				if (uptodate) {
					clear_buffer_new(bh);
					set_buffer_uptodate(bh);
					mark_buffer_dirty(bh);
				} else if (partial) {
					folio_zero_segments(folio, bstart, from,
							    to, bend);
				}
				goto next;
			}
		}
		if (uptodate) {
			set_buffer_uptodate(bh);
			goto next;
		}
		if (partial && !buffer_uptodate(bh) && !buffer_delay(bh) &&
		    !buffer_unwritten(bh)) {
			/* only the first and the last block can be partial */
			BUG_ON(nr_reads >= ARRAY_SIZE(reads));
			bh_read_nowait(bh, 0);
			reads[nr_reads++] = bh;
		}
next:
		iblock++;
		bstart = bend;
		bh = bh->b_this_page;
	} while (bh != head);

	while (nr_reads) {
		bh = reads[--nr_reads];
		wait_on_buffer(bh);
		if (!buffer_uptodate(bh))
			err = -EIO;
	}
	if (unlikely(err))
		folio_zero_new_buffers(folio, from, to);
	return err;
}

/*
 * The copy into [from, to) is done: those buffers are uptodate and
 * dirty (which dirties the folio and the inode); when every other buffer
 * was uptodate already the whole folio is, and the next read skips
 * ->read_folio.
 */
static void commit_written_buffers(struct folio *folio, size_t from,
				   size_t to)
{
	struct buffer_head *head = folio_buffers(folio), *bh;
	bool all_uptodate = true;
	size_t bstart = 0;

	if (!head)
		return;
	bh = head;
	do {
		size_t bend = bstart + bh->b_size;

		if (bend > from && bstart < to) {
			set_buffer_uptodate(bh);
			mark_buffer_dirty(bh);
		} else if (!buffer_uptodate(bh)) {
			all_uptodate = false;
		}
		clear_buffer_new(bh);
		bstart = bend;
		bh = bh->b_this_page;
	} while (bh != head);
	if (all_uptodate)
		folio_mark_uptodate(folio);
}

void block_commit_write(struct page *page, unsigned int from, unsigned int to)
{
	commit_written_buffers(page_folio(page), from, to);
}

int block_write_begin(struct address_space *aspace, loff_t pos,
		      unsigned int len, struct folio **foliop,
		      get_block_t *get_block)
{
	struct folio *folio;
	int err;

	folio = __filemap_get_folio(aspace, pos >> PAGE_SHIFT, FGP_WRITEBEGIN,
				    mapping_gfp_mask(aspace));
	if (IS_ERR(folio))
		return PTR_ERR(folio);
	err = __block_write_begin(folio, pos, len, get_block);
	if (unlikely(err)) {
		folio_unlock(folio);
		folio_put(folio);
		folio = NULL;
	}
	*foliop = folio;
	return err;
}

/*
 * Commit @copied of the @len bytes prepared at @pos.  A short copy into
 * a folio that is not uptodate cannot be half-committed (a partly
 * written buffer would be neither old nor new data): it counts as
 * nothing, the new blocks are zeroed, and the caller retries.
 */
int block_write_end(struct file *file, struct address_space *aspace,
		    loff_t pos, unsigned int len, unsigned int copied,
		    struct folio *folio, void *fsdata)
{
	size_t start = offset_in_folio(folio, pos);

	if (unlikely(copied < len)) {
		if (!folio_test_uptodate(folio))
			copied = 0;
		folio_zero_new_buffers(folio, start + copied, start + len);
	}
	flush_dcache_folio(folio);
	commit_written_buffers(folio, start, start + copied);
	return copied;
}

/*
 * block_write_end(), then the size: i_size grows while the folio is
 * still locked (writeback zeroes whatever lies past i_size, so it must
 * never see the new data beyond an old size); the inode is dirtied after
 * the folio is released.  The caller holds i_rwsem.
 */
int generic_write_end(struct file *file, struct address_space *aspace,
		      loff_t pos, unsigned int len, unsigned int copied,
		      struct folio *folio, void *fsdata)
{
	struct inode *ip = aspace->host;
	loff_t size_before = ip->i_size;
	bool grew = false;

	copied = block_write_end(file, aspace, pos, len, copied, folio,
				 fsdata);
	if (pos + copied > ip->i_size) {
		i_size_write(ip, pos + copied);
		grew = true;
	}
	folio_unlock(folio);
	folio_put(folio);

	/* a write past the old end leaves a gap that must read as zeroes */
	if (size_before < pos)
		pagecache_isize_extended(ip, size_before, pos);
	if (grew)
		mark_inode_dirty(ip);
	return copied;
}

/*
 * Filesystems without holes (cont_write_begin users): before data can go
 * at @pos, everything from the initialized end *@bytes up to @pos is
 * written as zeroes through the filesystem's own write_begin/write_end,
 * folio by folio.  *@bytes advances as blocks get allocated (the driver
 * moves it in get_block); a partial last block is rounded up first.
 */
static int zero_fill_up_to(struct file *file, struct address_space *aspace,
			   loff_t pos, loff_t *bytes)
{
	const struct address_space_operations *aops = aspace->a_ops;
	unsigned int bsize = i_blocksize(aspace->host);
	pgoff_t target = pos >> PAGE_SHIFT;
	struct folio *folio;
	void *fsdata = NULL;
	int ret;

	for (;;) {
		loff_t filled = *bytes;
		pgoff_t index = filled >> PAGE_SHIFT;
		unsigned int start = offset_in_page(filled), len;

		if (index > target)
			return 0;
		if (index == target) {
			/* the folio @pos is in: zero only up to @pos */
			if (offset_in_page(pos) <= start)
				return 0;
			len = offset_in_page(pos) - start;
		} else {
			len = PAGE_SIZE - start;
		}
		if (start & (bsize - 1))
			*bytes = round_up(filled, bsize);

		ret = aops->write_begin(file, aspace, filled, len, &folio,
					&fsdata);
		if (ret)
			return ret;
		folio_zero_range(folio, offset_in_folio(folio, filled), len);
		ret = aops->write_end(file, aspace, filled, len, len, folio,
				      fsdata);
		if (ret < 0)
			return ret;
		BUG_ON(ret != len);
		if (index == target)
			return 0;
		balance_dirty_pages_ratelimited(aspace);
		if (fatal_signal_pending(current))
			return -EINTR;
	}
}

int cont_write_begin(struct file *file, struct address_space *aspace,
		     loff_t pos, unsigned int len, struct folio **foliop,
		     void **fsdata, get_block_t *get_block, loff_t *bytes)
{
	unsigned int bsize = i_blocksize(aspace->host);
	int err;

	err = zero_fill_up_to(file, aspace, pos, bytes);
	if (err)
		return err;
	/* the write itself covers the rest of a partial initialized block */
	if (pos + len > *bytes && (*bytes & (bsize - 1)))
		*bytes = round_up(*bytes, bsize);
	return block_write_begin(aspace, pos, len, foliop, get_block);
}

/*
 * Grow a file to @size through an empty write at @size: the filesystem's
 * write_begin/write_end (cont_write_begin for filesystems without holes)
 * does whatever growing takes, generic_write_end moves i_size.
 */
int generic_cont_expand_simple(struct inode *ip, loff_t size)
{
	struct address_space *aspace = ip->i_mapping;
	struct folio *folio;
	void *fsdata = NULL;
	int err;

	err = inode_newsize_ok(ip, size);
	if (err)
		return err;
	err = aspace->a_ops->write_begin(NULL, aspace, size, 0, &folio,
					 &fsdata);
	if (err)
		return err;
	err = aspace->a_ops->write_end(NULL, aspace, size, 0, 0, folio,
				       fsdata);
	BUG_ON(err > 0);
	return err < 0 ? err : 0;
}

int block_page_mkwrite(struct vm_area_struct *vma, struct vm_fault *vmf,
		       get_block_t get_block)
{
	/* kshim has no mmap, so no write faults */
	return -EFAULT;
}

/*
 * Before a file is cut at @from: the block that will hold the new end
 * is zeroed from @from on, in the page cache and (dirtied) on disk, so
 * growing the file later never shows the old bytes.  Holes need nothing.
 */
int block_truncate_page(struct address_space *aspace, loff_t from,
			get_block_t *get_block)
{
	struct inode *ip = aspace->host;
	unsigned int bsize = i_blocksize(ip);
	size_t tail = from & (bsize - 1), offset;
	struct buffer_head *bh;
	struct folio *folio;
	sector_t iblock;
	int err = 0;

	if (!tail)
		return 0;	/* the cut is on a block boundary */

	folio = filemap_grab_folio(aspace, from >> PAGE_SHIFT);
	if (IS_ERR(folio))
		return PTR_ERR(folio);
	bh = folio_buffers_for_write(folio, ip, 0);
	offset = offset_in_folio(folio, from);
	iblock = ((sector_t)folio->index << (PAGE_SHIFT - ip->i_blkbits)) +
		 (offset >> ip->i_blkbits);
	while (bh_offset(bh) + bsize <= offset)
		bh = bh->b_this_page;

	if (!buffer_mapped(bh)) {
		WARN_ON(bh->b_size != bsize);
		err = get_block(ip, iblock, bh, 0);
		if (err || !buffer_mapped(bh))
			goto out;	/* an error, or a hole */
	}
	if (folio_test_uptodate(folio))
		set_buffer_uptodate(bh);
	if (!buffer_uptodate(bh) && !buffer_delay(bh) &&
	    !buffer_unwritten(bh)) {
		err = bh_read(bh, 0);
		if (err < 0)
			goto out;
		err = 0;
	}
	folio_zero_range(folio, offset, bsize - tail);
	mark_buffer_dirty(bh);
out:
	folio_unlock(folio);
	folio_put(folio);
	return err;
}

int buffer_migrate_folio(struct address_space *aspace, struct folio *dst,
			 struct folio *src, enum migrate_mode mode)
{
	/* kshim never migrates folios */
	return -EBUSY;
}

int buffer_migrate_folio_norefs(struct address_space *aspace,
				struct folio *dst, struct folio *src,
				enum migrate_mode mode)
{
	return -EBUSY;
}
