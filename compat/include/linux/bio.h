/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct bio helpers (block/bio.c is compat/bio.c).  Kernel guarantees
 * kept: a bio's end_io runs exactly once, after every bio chained to it
 * (bio_chain) has completed, with the first error any of them reported;
 * bio_put frees on the last reference; bio_add_page returns the bytes
 * added or 0 when the bio is full; iterators see the bio from bi_iter on.
 * Bios come from a bio_set whose front_pad bytes precede the bio, so
 * container_of() on a bio embedded in a larger structure works.
 */
#ifndef __LINUX_BIO_H
#define __LINUX_BIO_H

#include <linux/blk_types.h>
#include <linux/kernel.h>

#define BIO_MAX_VECS 256U
#define BIO_MAX_INLINE_VECS 1024U

struct queue_limits;

static inline unsigned int bio_max_segs(unsigned int nr_segs)
{
	return min(nr_segs, BIO_MAX_VECS);
}

#define bio_prio(bio) (bio)->bi_ioprio
#define bio_set_prio(bio, prio) ((bio)->bi_ioprio = prio)

#define bio_iter_iovec(bio, iter) bvec_iter_bvec((bio)->bi_io_vec, (iter))
#define bio_iter_page(bio, iter) bvec_iter_page((bio)->bi_io_vec, (iter))
#define bio_iter_len(bio, iter) bvec_iter_len((bio)->bi_io_vec, (iter))
#define bio_iter_offset(bio, iter) bvec_iter_offset((bio)->bi_io_vec, (iter))

#define bio_page(bio) bio_iter_page((bio), (bio)->bi_iter)
#define bio_offset(bio) bio_iter_offset((bio), (bio)->bi_iter)
#define bio_iovec(bio) bio_iter_iovec((bio), (bio)->bi_iter)

#define bvec_iter_sectors(iter) ((iter).bi_size >> SECTOR_SHIFT)
#define bvec_iter_end_sector(iter) ((iter).bi_sector + bvec_iter_sectors((iter)))

#define bio_sectors(bio) bvec_iter_sectors((bio)->bi_iter)
#define bio_end_sector(bio) bvec_iter_end_sector((bio)->bi_iter)

#define bio_data_dir(bio) (op_is_write(bio_op(bio)) ? WRITE : READ)

/* operations whose bi_size is a range, not a payload */
static inline bool bio_no_advance_iter(const struct bio *bio)
{
	return bio_op(bio) == REQ_OP_DISCARD ||
	       bio_op(bio) == REQ_OP_SECURE_ERASE ||
	       bio_op(bio) == REQ_OP_WRITE_ZEROES;
}

static inline bool bio_has_data(struct bio *bio)
{
	return bio && bio->bi_iter.bi_size && !bio_no_advance_iter(bio);
}

static inline void *bio_data(struct bio *bio)
{
	if (!bio_has_data(bio))
		return NULL;
	return __kshim_page_data(bio_page(bio)) + bio_offset(bio);
}

static inline bool bio_flagged(struct bio *bio, unsigned int bit)
{
	return bio->bi_flags & (1U << bit);
}

static inline void bio_set_flag(struct bio *bio, unsigned int bit)
{
	bio->bi_flags |= (1U << bit);
}

static inline void bio_clear_flag(struct bio *bio, unsigned int bit)
{
	bio->bi_flags &= ~(1U << bit);
}

static inline bool bio_next_segment(const struct bio *bio,
				    struct bvec_iter_all *iter)
{
	if (iter->idx >= bio->bi_vcnt)
		return false;
	bvec_advance(&bio->bi_io_vec[iter->idx], iter);
	return true;
}

/* every single-page segment of the bio as built (not for clones) */
#define bio_for_each_segment_all(bvl, bio, iter)                           \
	for (bvl = bvec_init_iter_all(&iter); bio_next_segment((bio), &iter);)

static inline void bio_advance_iter(const struct bio *bio,
				    struct bvec_iter *iter, unsigned int bytes)
{
	iter->bi_sector += bytes >> SECTOR_SHIFT;
	if (bio_no_advance_iter(bio))
		iter->bi_size -= bytes;
	else
		bvec_iter_advance(bio->bi_io_vec, iter, bytes);
}

static inline void bio_advance_iter_single(const struct bio *bio,
					   struct bvec_iter *iter,
					   unsigned int bytes)
{
	iter->bi_sector += bytes >> SECTOR_SHIFT;
	if (bio_no_advance_iter(bio))
		iter->bi_size -= bytes;
	else
		bvec_iter_advance_single(bio->bi_io_vec, iter, bytes);
}

void __bio_advance(struct bio *bio, unsigned int bytes);

static inline void bio_advance(struct bio *bio, unsigned int nbytes)
{
	if (nbytes == bio->bi_iter.bi_size) {
		bio->bi_iter.bi_size = 0;
		return;
	}
	__bio_advance(bio, nbytes);
}

#define __bio_for_each_segment(bvl, bio, iter, start)                      \
	for (iter = (start);                                               \
	     (iter).bi_size && ((bvl = bio_iter_iovec((bio), (iter))), 1); \
	     bio_advance_iter_single((bio), &(iter), (bvl).bv_len))

#define bio_for_each_segment(bvl, bio, iter)                               \
	__bio_for_each_segment(bvl, bio, iter, (bio)->bi_iter)

#define __bio_for_each_bvec(bvl, bio, iter, start)                         \
	for (iter = (start);                                               \
	     (iter).bi_size &&                                             \
	     ((bvl = mp_bvec_iter_bvec((bio)->bi_io_vec, (iter))), 1);     \
	     bio_advance_iter_single((bio), &(iter), (bvl).bv_len))

#define bio_for_each_bvec(bvl, bio, iter)                                  \
	__bio_for_each_bvec(bvl, bio, iter, (bio)->bi_iter)

#define bio_for_each_bvec_all(bvl, bio, i)                                 \
	for (i = 0, bvl = bio_first_bvec_all(bio); i < (bio)->bi_vcnt;     \
	     i++, bvl++)

#define bio_iter_last(bvec, iter) ((iter).bi_size == (bvec).bv_len)

static inline unsigned int bio_segments(struct bio *bio)
{
	struct bvec_iter iter;
	struct bio_vec bv;
	unsigned int n = 0;

	if (bio_no_advance_iter(bio))
		return 0;
	bio_for_each_segment(bv, bio, iter)
		n++;
	return n;
}

static inline void bio_get(struct bio *bio)
{
	bio->bi_flags |= (1 << BIO_REFFED);
	atomic_inc(&bio->__bi_cnt);
}

static inline void bio_cnt_set(struct bio *bio, unsigned int count)
{
	if (count != 1)
		bio->bi_flags |= (1 << BIO_REFFED);
	atomic_set(&bio->__bi_cnt, count);
}

static inline struct bio_vec *bio_first_bvec_all(struct bio *bio)
{
	WARN_ON_ONCE(bio_flagged(bio, BIO_CLONED));
	return bio->bi_io_vec;
}

static inline struct page *bio_first_page_all(struct bio *bio)
{
	return bio_first_bvec_all(bio)->bv_page;
}

static inline struct folio *bio_first_folio_all(struct bio *bio)
{
	return page_folio(bio_first_page_all(bio));
}

static inline struct bio_vec *bio_last_bvec_all(struct bio *bio)
{
	WARN_ON_ONCE(bio_flagged(bio, BIO_CLONED));
	return &bio->bi_io_vec[bio->bi_vcnt - 1];
}

struct folio_iter {
	struct folio *folio;
	size_t offset;
	size_t length;
	/* private: */
	struct folio *_next;
	size_t _seg_count;
	int _i;
};

static inline void bio_first_folio(struct folio_iter *fi, struct bio *bio,
				   int i)
{
	struct bio_vec *bvec;

	if (unlikely(i >= bio->bi_vcnt)) {
		fi->folio = NULL;
		return;
	}
	bvec = bio_first_bvec_all(bio) + i;
	fi->folio = page_folio(bvec->bv_page);
	fi->offset = bvec->bv_offset +
		     PAGE_SIZE * (size_t)(bvec->bv_page - &fi->folio->page);
	fi->_seg_count = bvec->bv_len;
	fi->length = min_t(size_t, folio_size(fi->folio) - fi->offset,
			   fi->_seg_count);
	fi->_next = (struct folio *)(&fi->folio->page + folio_nr_pages(fi->folio));
	fi->_i = i;
}

static inline void bio_next_folio(struct folio_iter *fi, struct bio *bio)
{
	fi->_seg_count -= fi->length;
	if (!fi->_seg_count) {
		bio_first_folio(fi, bio, fi->_i + 1);
		return;
	}
	fi->folio = fi->_next;
	fi->offset = 0;
	fi->length = min_t(size_t, folio_size(fi->folio), fi->_seg_count);
	fi->_next = (struct folio *)(&fi->folio->page + folio_nr_pages(fi->folio));
}

/* each folio of the bio as built, with the byte range the bio covers */
#define bio_for_each_folio_all(fi, bio)                                    \
	for (bio_first_folio(&fi, bio, 0); fi.folio; bio_next_folio(&fi, bio))

void bio_trim(struct bio *bio, sector_t offset, sector_t size);
struct bio *bio_split(struct bio *bio, int sectors, gfp_t gfp,
		      struct bio_set *bs);

static inline struct bio *bio_next_split(struct bio *bio, int sectors,
					 gfp_t gfp, struct bio_set *bs)
{
	if (sectors >= bio_sectors(bio))
		return bio;
	return bio_split(bio, sectors, gfp, bs);
}

enum {
	BIOSET_NEED_BVECS = (1 << 0),
	BIOSET_NEED_RESCUER = (1 << 1),
	BIOSET_PERCPU_CACHE = (1 << 2),
};

/*
 * A bio_set: kshim allocates from the host heap (which does not fail in
 * practice), so there is no reserve pool; front_pad is what matters.
 */
struct bio_set {
	unsigned int front_pad;
	bool kshim_initialized;
	atomic_long_t kshim_nr_allocated;	/* bios alive, for leak checks */
};

#define BIO_POOL_SIZE 2

int bioset_init(struct bio_set *bs, unsigned int pool_size,
		unsigned int front_pad, int flags);
void bioset_exit(struct bio_set *bs);

static inline bool bioset_initialized(struct bio_set *bs)
{
	return bs->kshim_initialized;
}

struct bio *bio_alloc_bioset(struct block_device *bdev, unsigned short nr_vecs,
			     blk_opf_t opf, gfp_t gfp_mask, struct bio_set *bs);
void bio_put(struct bio *bio);

struct bio *bio_alloc_clone(struct block_device *bdev, struct bio *bio_src,
			    gfp_t gfp, struct bio_set *bs);
int bio_init_clone(struct block_device *bdev, struct bio *bio,
		   struct bio *bio_src, gfp_t gfp);

extern struct bio_set fs_bio_set;

static inline struct bio *bio_alloc(struct block_device *bdev,
				    unsigned short nr_vecs, blk_opf_t opf,
				    gfp_t gfp_mask)
{
	return bio_alloc_bioset(bdev, nr_vecs, opf, gfp_mask, &fs_bio_set);
}

void submit_bio(struct bio *bio);
void bio_endio(struct bio *bio);

static inline void bio_io_error(struct bio *bio)
{
	bio->bi_status = BLK_STS_IOERR;
	bio_endio(bio);
}

static inline void bio_wouldblock_error(struct bio *bio)
{
	bio_set_flag(bio, BIO_QUIET);
	bio->bi_status = BLK_STS_AGAIN;
	bio_endio(bio);
}

int submit_bio_wait(struct bio *bio);
void bio_init(struct bio *bio, struct block_device *bdev, struct bio_vec *table,
	      unsigned short max_vecs, blk_opf_t opf);
void bio_uninit(struct bio *bio);
void bio_reset(struct bio *bio, struct block_device *bdev, blk_opf_t opf);
void bio_chain(struct bio *bio, struct bio *parent);
struct bio *bio_chain_and_submit(struct bio *prev, struct bio *new);
struct bio *blk_next_bio(struct bio *bio, struct block_device *bdev,
			 unsigned int nr_pages, blk_opf_t opf, gfp_t gfp);

int __must_check bio_add_page(struct bio *bio, struct page *page,
			      unsigned int len, unsigned int off);
bool __must_check bio_add_folio(struct bio *bio, struct folio *folio,
				size_t len, size_t off);
void __bio_add_page(struct bio *bio, struct page *page, unsigned int len,
		    unsigned int off);
void bio_add_folio_nofail(struct bio *bio, struct folio *folio, size_t len,
			  size_t off);

void __bio_release_pages(struct bio *bio, bool mark_dirty);

static inline void bio_release_pages(struct bio *bio, bool mark_dirty)
{
	if (bio_flagged(bio, BIO_PAGE_PINNED))
		__bio_release_pages(bio, mark_dirty);
}

void bio_copy_data_iter(struct bio *dst, struct bvec_iter *dst_iter,
			struct bio *src, struct bvec_iter *src_iter);
void bio_copy_data(struct bio *dst, struct bio *src);
void guard_bio_eod(struct bio *bio);
void zero_fill_bio_iter(struct bio *bio, struct bvec_iter iter);

static inline void zero_fill_bio(struct bio *bio)
{
	zero_fill_bio_iter(bio, bio->bi_iter);
}

#define bio_dev(bio) ((bio)->bi_bdev->bd_dev)

static inline void bio_associate_blkg(struct bio *bio)
{
}

static inline void bio_clone_blkg_association(struct bio *dst, struct bio *src)
{
}

static inline void bio_set_dev(struct bio *bio, struct block_device *bdev)
{
	bio_clear_flag(bio, BIO_REMAPPED);
	if (bio->bi_bdev != bdev)
		bio_clear_flag(bio, BIO_BPS_THROTTLED);
	bio->bi_bdev = bdev;
}

/* a singly linked FIFO of bios through bi_next */
struct bio_list {
	struct bio *head;
	struct bio *tail;
};

#define BIO_EMPTY_LIST { NULL, NULL }

static inline int bio_list_empty(const struct bio_list *bl)
{
	return bl->head == NULL;
}

static inline void bio_list_init(struct bio_list *bl)
{
	bl->head = NULL;
	bl->tail = NULL;
}

#define bio_list_for_each(bio, bl) for (bio = (bl)->head; bio; bio = bio->bi_next)

static inline unsigned int bio_list_size(const struct bio_list *bl)
{
	struct bio *bio;
	unsigned int n = 0;

	bio_list_for_each(bio, bl)
		n++;
	return n;
}

static inline void bio_list_add(struct bio_list *bl, struct bio *bio)
{
	bio->bi_next = NULL;
	if (bl->tail)
		bl->tail->bi_next = bio;
	else
		bl->head = bio;
	bl->tail = bio;
}

static inline void bio_list_add_head(struct bio_list *bl, struct bio *bio)
{
	bio->bi_next = bl->head;
	bl->head = bio;
	if (!bl->tail)
		bl->tail = bio;
}

static inline void bio_list_merge(struct bio_list *bl, struct bio_list *bl2)
{
	if (!bl2->head)
		return;
	if (bl->tail)
		bl->tail->bi_next = bl2->head;
	else
		bl->head = bl2->head;
	bl->tail = bl2->tail;
}

static inline void bio_list_merge_init(struct bio_list *bl,
				       struct bio_list *bl2)
{
	bio_list_merge(bl, bl2);
	bio_list_init(bl2);
}

static inline void bio_list_merge_head(struct bio_list *bl,
				       struct bio_list *bl2)
{
	if (!bl2->head)
		return;
	if (bl->head)
		bl2->tail->bi_next = bl->head;
	else
		bl->tail = bl2->tail;
	bl->head = bl2->head;
}

static inline struct bio *bio_list_peek(struct bio_list *bl)
{
	return bl->head;
}

static inline struct bio *bio_list_pop(struct bio_list *bl)
{
	struct bio *bio = bl->head;

	if (!bio)
		return NULL;
	bl->head = bio->bi_next;
	if (!bl->head)
		bl->tail = NULL;
	bio->bi_next = NULL;
	return bio;
}

static inline struct bio *bio_list_get(struct bio_list *bl)
{
	struct bio *bio = bl->head;

	bl->head = NULL;
	bl->tail = NULL;
	return bio;
}

/* one more completion to wait for before @bio's end_io may run */
static inline void bio_inc_remaining(struct bio *bio)
{
	bio_set_flag(bio, BIO_CHAIN);
	smp_mb__before_atomic();
	atomic_inc(&bio->__bi_remaining);
}

#endif /* __LINUX_BIO_H */
