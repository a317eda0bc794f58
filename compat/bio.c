// SPDX-License-Identifier: GPL-2.0-only
/*
 * struct bio life cycle (the role of block/bio.c): allocation from bio
 * sets, building the vector, chaining, completion and submit_bio_wait.
 *
 * Guarantees kept (see linux/bio.h): end_io runs once, only after all
 * chained children completed, and sees the first error status any child
 * reported; bio_put frees on the last reference; bio_add_page never adds
 * past bi_max_vecs nor to a clone.  Memory is the host heap (through
 * kshim/host-aio.h) until the memory area's slab allocator takes over.
 */
#include <linux/kernel.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <kshim/host.h>
#include <kshim/host-aio.h>

struct bio_set fs_bio_set = { .kshim_initialized = true };

int bioset_init(struct bio_set *bs, unsigned int pool_size,
		unsigned int front_pad, int flags)
{
	bs->front_pad = front_pad;
	atomic_long_set(&bs->kshim_nr_allocated, 0);
	bs->kshim_initialized = true;
	return 0;
}

void bioset_exit(struct bio_set *bs)
{
	WARN_ON_ONCE(atomic_long_read(&bs->kshim_nr_allocated) != 0);
	bs->kshim_initialized = false;
}

void bio_init(struct bio *bio, struct block_device *bdev, struct bio_vec *table,
	      unsigned short max_vecs, blk_opf_t opf)
{
	__builtin_memset(bio, 0, sizeof(*bio));
	bio->bi_bdev = bdev;
	bio->bi_opf = opf;
	atomic_set(&bio->__bi_remaining, 1);
	atomic_set(&bio->__bi_cnt, 1);
	bio->bi_max_vecs = max_vecs;
	bio->bi_io_vec = table;
}

void bio_uninit(struct bio *bio)
{
}

void bio_reset(struct bio *bio, struct block_device *bdev, blk_opf_t opf)
{
	bio_uninit(bio);
	__builtin_memset(bio, 0, BIO_RESET_BYTES);
	atomic_set(&bio->__bi_remaining, 1);
	bio->bi_bdev = bdev;
	bio->bi_opf = opf;
}

struct bio *bio_alloc_bioset(struct block_device *bdev, unsigned short nr_vecs,
			     blk_opf_t opf, gfp_t gfp_mask, struct bio_set *bs)
{
	unsigned long size;
	struct bio *bio;
	char *p;

	if (WARN_ON_ONCE(!bs || nr_vecs > BIO_MAX_VECS))
		return NULL;
	size = bs->front_pad + sizeof(*bio) + nr_vecs * sizeof(struct bio_vec);
	p = kshim_host_aio_zalloc(size);
	if (!p)
		return NULL;
	bio = (struct bio *)(p + bs->front_pad);
	bio_init(bio, bdev, nr_vecs ? bio->bi_inline_vecs : NULL, nr_vecs, opf);
	bio->bi_pool = bs;
	atomic_long_inc(&bs->kshim_nr_allocated);
	return bio;
}

static void bio_free(struct bio *bio)
{
	struct bio_set *bs = bio->bi_pool;

	bio_uninit(bio);
	if (WARN_ON_ONCE(!bs))
		return;	/* bio_init'ed memory belongs to its owner */
	atomic_long_dec(&bs->kshim_nr_allocated);
	kshim_host_aio_free_mem((char *)bio - bs->front_pad);
}

void bio_put(struct bio *bio)
{
	int left = atomic_dec_return(&bio->__bi_cnt);

	BUG_ON(left < 0);
	if (!left)
		bio_free(bio);
}

static void __bio_clone(struct bio *bio, struct bio *src)
{
	bio_set_flag(bio, BIO_CLONED);
	bio->bi_ioprio = src->bi_ioprio;
	bio->bi_write_hint = src->bi_write_hint;
	bio->bi_iter = src->bi_iter;
	if (bio->bi_bdev == src->bi_bdev && bio_flagged(src, BIO_REMAPPED))
		bio_set_flag(bio, BIO_REMAPPED);
}

struct bio *bio_alloc_clone(struct block_device *bdev, struct bio *bio_src,
			    gfp_t gfp, struct bio_set *bs)
{
	struct bio *bio = bio_alloc_bioset(bdev, 0, bio_src->bi_opf, gfp, bs);

	if (!bio)
		return NULL;
	__bio_clone(bio, bio_src);
	bio->bi_io_vec = bio_src->bi_io_vec;
	return bio;
}

int bio_init_clone(struct block_device *bdev, struct bio *bio,
		   struct bio *bio_src, gfp_t gfp)
{
	bio_init(bio, bdev, bio_src->bi_io_vec, 0, bio_src->bi_opf);
	__bio_clone(bio, bio_src);
	return 0;
}

/*
 * Can @len bytes at @off of @page extend the last bvec?  Only when the data
 * is contiguous and in the same folio: kshim's struct pages are contiguous
 * only within a folio, and the single-page iterators step through bv_page.
 */
static bool bvec_try_merge(struct bio_vec *bv, struct page *page,
			   unsigned int len, unsigned int off)
{
	char *end = (char *)__kshim_page_data(bv->bv_page) + bv->bv_offset + bv->bv_len;

	if (page_folio(bv->bv_page) != page_folio(page))
		return false;
	if (end != (char *)__kshim_page_data(page) + off)
		return false;
	if (bv->bv_len > UINT_MAX - len)
		return false;
	bv->bv_len += len;
	return true;
}

int bio_add_page(struct bio *bio, struct page *page, unsigned int len,
		 unsigned int off)
{
	if (WARN_ON_ONCE(bio_flagged(bio, BIO_CLONED)))
		return 0;
	if (bio->bi_iter.bi_size > UINT_MAX - len)
		return 0;
	if (bio->bi_vcnt > 0 &&
	    bvec_try_merge(&bio->bi_io_vec[bio->bi_vcnt - 1], page, len, off)) {
		bio->bi_iter.bi_size += len;
		return len;
	}
	if (bio->bi_vcnt >= bio->bi_max_vecs)
		return 0;
	__bio_add_page(bio, page, len, off);
	return len;
}

void __bio_add_page(struct bio *bio, struct page *page, unsigned int len,
		    unsigned int off)
{
	WARN_ON_ONCE(bio_flagged(bio, BIO_CLONED));
	BUG_ON(bio->bi_vcnt >= bio->bi_max_vecs);
	bvec_set_page(&bio->bi_io_vec[bio->bi_vcnt], page, len, off);
	bio->bi_iter.bi_size += len;
	bio->bi_vcnt++;
}

bool bio_add_folio(struct bio *bio, struct folio *folio, size_t len, size_t off)
{
	if (len > UINT_MAX || off > UINT_MAX)
		return false;
	return bio_add_page(bio, &folio->page, len, off) > 0;
}

void bio_add_folio_nofail(struct bio *bio, struct folio *folio, size_t len,
			  size_t off)
{
	WARN_ON_ONCE(len > UINT_MAX || off > UINT_MAX);
	__bio_add_page(bio, folio_page(folio, off >> PAGE_SHIFT), len,
		       off & ~PAGE_MASK);
}

void __bio_release_pages(struct bio *bio, bool mark_dirty)
{
	/* kshim never pins user pages (no bio_iov_iter_get_pages) */
	WARN_ON_ONCE(1);
}

void __bio_advance(struct bio *bio, unsigned int bytes)
{
	bio_advance_iter(bio, &bio->bi_iter, bytes);
}

void bio_trim(struct bio *bio, sector_t offset, sector_t size)
{
	if (WARN_ON_ONCE(offset > BIO_MAX_SECTORS || size > BIO_MAX_SECTORS ||
			 offset + size > bio_sectors(bio)))
		return;
	size <<= SECTOR_SHIFT;
	if (!offset && size == bio->bi_iter.bi_size)
		return;
	bio_advance(bio, offset << SECTOR_SHIFT);
	bio->bi_iter.bi_size = size;
}

struct bio *bio_split(struct bio *bio, int sectors, gfp_t gfp,
		      struct bio_set *bs)
{
	struct bio *split;

	BUG_ON(sectors <= 0);
	BUG_ON(sectors >= bio_sectors(bio));
	if (WARN_ON_ONCE(bio_op(bio) == REQ_OP_ZONE_APPEND))
		return NULL;
	split = bio_alloc_clone(bio->bi_bdev, bio, gfp, bs);
	if (!split)
		return NULL;
	split->bi_iter.bi_size = sectors << SECTOR_SHIFT;
	bio_advance(bio, split->bi_iter.bi_size);
	return split;
}

void zero_fill_bio_iter(struct bio *bio, struct bvec_iter start)
{
	struct bvec_iter iter;
	struct bio_vec bv;

	__bio_for_each_segment(bv, bio, iter, start)
		__builtin_memset(bvec_virt(&bv), 0, bv.bv_len);
}

void bio_copy_data_iter(struct bio *dst, struct bvec_iter *dst_iter,
			struct bio *src, struct bvec_iter *src_iter)
{
	while (src_iter->bi_size && dst_iter->bi_size) {
		struct bio_vec s = bio_iter_iovec(src, *src_iter);
		struct bio_vec d = bio_iter_iovec(dst, *dst_iter);
		unsigned int n = min(s.bv_len, d.bv_len);

		__builtin_memcpy(bvec_virt(&d), bvec_virt(&s), n);
		bio_advance_iter_single(src, src_iter, n);
		bio_advance_iter_single(dst, dst_iter, n);
	}
}

void bio_copy_data(struct bio *dst, struct bio *src)
{
	struct bvec_iter src_iter = src->bi_iter;
	struct bvec_iter dst_iter = dst->bi_iter;

	bio_copy_data_iter(dst, &dst_iter, src, &src_iter);
}

/*
 * A bio that runs past the end of the device (the last buffer of a device
 * whose size is not a multiple of the block size) is cut at the end; the
 * cut-off part of a read reads as zeroes.
 */
void guard_bio_eod(struct bio *bio)
{
	sector_t maxsector = bdev_nr_sectors(bio->bi_bdev);
	unsigned int new_size;

	if (!maxsector || bio->bi_iter.bi_sector >= maxsector)
		return;
	maxsector -= bio->bi_iter.bi_sector;
	if (bio_sectors(bio) <= maxsector)
		return;
	new_size = maxsector << SECTOR_SHIFT;
	if (bio_op(bio) == REQ_OP_READ) {
		struct bvec_iter tail = bio->bi_iter;

		bio_advance_iter(bio, &tail, new_size);
		zero_fill_bio_iter(bio, tail);
	}
	bio->bi_iter.bi_size = new_size;
}

static void bio_chain_endio(struct bio *bio);

/* one completion of a chained bio: false while others are outstanding */
static bool bio_remaining_done(struct bio *bio)
{
	if (!bio_flagged(bio, BIO_CHAIN))
		return true;
	BUG_ON(atomic_read(&bio->__bi_remaining) <= 0);
	if (atomic_dec_and_test(&bio->__bi_remaining)) {
		bio_clear_flag(bio, BIO_CHAIN);
		return true;
	}
	return false;
}

/* pass a child's error up and drop the child: returns the parent */
static struct bio *bio_chain_up(struct bio *bio)
{
	struct bio *parent = bio->bi_private;

	if (bio->bi_status)
		cmpxchg(&parent->bi_status, BLK_STS_OK, bio->bi_status);
	bio_put(bio);
	return parent;
}

static void bio_chain_endio(struct bio *bio)
{
	bio_endio(bio_chain_up(bio));
}

void bio_endio(struct bio *bio)
{
	/* a loop rather than recursion: chains may be long */
	while (bio_remaining_done(bio)) {
		if (bio->bi_end_io != bio_chain_endio) {
			if (bio->bi_end_io)
				bio->bi_end_io(bio);
			return;
		}
		bio = bio_chain_up(bio);
	}
}

void bio_chain(struct bio *bio, struct bio *parent)
{
	BUG_ON(bio->bi_private || bio->bi_end_io);
	bio->bi_private = parent;
	bio->bi_end_io = bio_chain_endio;
	bio_inc_remaining(parent);
}

struct bio *bio_chain_and_submit(struct bio *prev, struct bio *new)
{
	if (prev) {
		bio_chain(prev, new);
		submit_bio(prev);
	}
	return new;
}

struct bio *blk_next_bio(struct bio *bio, struct block_device *bdev,
			 unsigned int nr_pages, blk_opf_t opf, gfp_t gfp)
{
	return bio_chain_and_submit(bio, bio_alloc(bdev, nr_pages, opf, gfp));
}

/* the on-stack completion of submit_bio_wait */
struct bio_waiter {
	struct kshim_host_mutex lock;
	struct kshim_host_cond cond;
	bool done;
};

static void submit_bio_wait_endio(struct bio *bio)
{
	struct bio_waiter *w = bio->bi_private;

	kshim_host_mutex_lock(&w->lock);
	w->done = true;
	kshim_host_cond_signal(&w->cond);
	kshim_host_mutex_unlock(&w->lock);
}

int submit_bio_wait(struct bio *bio)
{
	struct bio_waiter w = { .done = false };

	kshim_host_mutex_init(&w.lock);
	kshim_host_cond_init(&w.cond);
	bio->bi_private = &w;
	bio->bi_end_io = submit_bio_wait_endio;
	bio->bi_opf |= REQ_SYNC;
	submit_bio(bio);
	/* about to sleep: what this thread has plugged must go out */
	kshim_blk_schedule_flush_plug();
	kshim_host_mutex_lock(&w.lock);
	while (!w.done)
		kshim_host_cond_wait(&w.cond, &w.lock);
	kshim_host_mutex_unlock(&w.lock);
	kshim_host_cond_destroy(&w.cond);
	kshim_host_mutex_destroy(&w.lock);
	return blk_status_to_errno(bio->bi_status);
}
