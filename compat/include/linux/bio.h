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

#define BIO_MAX_VECS		256U
#define BIO_MAX_INLINE_VECS	1024U

struct queue_limits;

/* vectors to ask for when @n segments are wanted: at most BIO_MAX_VECS */
static inline unsigned int bio_max_segs(unsigned int n)
{
	return n < BIO_MAX_VECS ? n : BIO_MAX_VECS;
}

#define bio_prio(b)		((b)->bi_ioprio)
#define bio_set_prio(b, p)	((b)->bi_ioprio = (p))
#define bio_dev(b)		((b)->bi_bdev->bd_dev)
#define bio_data_dir(b)		(op_is_write(bio_op(b)) ? WRITE : READ)

/* The segment at position @it of @b's vector, as a bvec or its parts. */
#define bio_iter_iovec(b, it)	bvec_iter_bvec((b)->bi_io_vec, it)
#define bio_iter_page(b, it)	bvec_iter_page((b)->bi_io_vec, it)
#define bio_iter_len(b, it)	bvec_iter_len((b)->bi_io_vec, it)
#define bio_iter_offset(b, it)	bvec_iter_offset((b)->bi_io_vec, it)
/* ... and at the bio's own current position */
#define bio_iovec(b)		bio_iter_iovec(b, (b)->bi_iter)
#define bio_page(b)		bio_iter_page(b, (b)->bi_iter)
#define bio_offset(b)		bio_iter_offset(b, (b)->bi_iter)

/* 512-byte sector arithmetic on an iterator and on a bio */
#define bvec_iter_sectors(it)	((it).bi_size >> SECTOR_SHIFT)
#define bvec_iter_end_sector(it) ((it).bi_sector + ((it).bi_size >> SECTOR_SHIFT))
#define bio_sectors(b)		bvec_iter_sectors((b)->bi_iter)
#define bio_end_sector(b)	bvec_iter_end_sector((b)->bi_iter)

/* Discard-like operations: bi_size is a range on disk, not a payload. */
static inline bool bio_no_advance_iter(const struct bio *b)
{
	switch (bio_op(b)) {
	case REQ_OP_DISCARD:
	case REQ_OP_SECURE_ERASE:
	case REQ_OP_WRITE_ZEROES:
		return true;
	default:
		return false;
	}
}

static inline bool bio_has_data(struct bio *b)
{
	return b != NULL && b->bi_iter.bi_size != 0 && !bio_no_advance_iter(b);
}

static inline void *bio_data(struct bio *b)
{
	return bio_has_data(b) ?
		__kshim_page_data(bio_page(b)) + bio_offset(b) : NULL;
}

/* bi_flags holds BIO_* bit numbers */
static inline bool bio_flagged(struct bio *b, unsigned int nr)
{
	return (b->bi_flags >> nr) & 1;
}
static inline void bio_set_flag(struct bio *b, unsigned int nr)
{
	b->bi_flags |= (typeof(b->bi_flags))1 << nr;
}
static inline void bio_clear_flag(struct bio *b, unsigned int nr)
{
	b->bi_flags &= ~((typeof(b->bi_flags))1 << nr);
}

/*
 * Move @it on by @n bytes.  For discard-like bios there is no vector to
 * walk, only the remaining range shrinks.  @single: @n never crosses the
 * current segment (the per-segment loops use that fast path).
 */
static inline void __kshim_bio_iter_step(const struct bio *b,
					 struct bvec_iter *it, unsigned int n,
					 bool single)
{
	it->bi_sector += n >> SECTOR_SHIFT;
	if (bio_no_advance_iter(b))
		it->bi_size -= n;
	else if (single)
		bvec_iter_advance_single(b->bi_io_vec, it, n);
	else
		bvec_iter_advance(b->bi_io_vec, it, n);
}

static inline void bio_advance_iter(const struct bio *b,
				    struct bvec_iter *it, unsigned int n)
{
	__kshim_bio_iter_step(b, it, n, false);
}

static inline void bio_advance_iter_single(const struct bio *b,
					   struct bvec_iter *it,
					   unsigned int n)
{
	__kshim_bio_iter_step(b, it, n, true);
}

void __bio_advance(struct bio *b, unsigned int n);

/* consuming the whole remainder needs no vector walk */
static inline void bio_advance(struct bio *b, unsigned int n)
{
	if (n != b->bi_iter.bi_size)
		__bio_advance(b, n);
	else
		b->bi_iter.bi_size = 0;
}

/*
 * Walks from a start position: bio_for_each_segment yields single-page
 * segments, bio_for_each_bvec the multi-page vectors as stored.
 */
#define __kshim_bio_walk(bv, b, it, from, get)				\
	for (it = (from); (it).bi_size && ((bv = get((b)->bi_io_vec, it)), 1); \
	     bio_advance_iter_single(b, &(it), (bv).bv_len))
#define __bio_for_each_segment(bv, b, it, from)				\
	__kshim_bio_walk(bv, b, it, from, bvec_iter_bvec)
#define __bio_for_each_bvec(bv, b, it, from)				\
	__kshim_bio_walk(bv, b, it, from, mp_bvec_iter_bvec)
#define bio_for_each_segment(bv, b, it)					\
	__bio_for_each_segment(bv, b, it, (b)->bi_iter)
#define bio_for_each_bvec(bv, b, it)					\
	__bio_for_each_bvec(bv, b, it, (b)->bi_iter)
#define bio_iter_last(bv, it)	((it).bi_size == (bv).bv_len)

static inline unsigned int bio_segments(struct bio *b)
{
	struct bvec_iter it;
	struct bio_vec bv;
	unsigned int count = 0;

	if (!bio_no_advance_iter(b))
		bio_for_each_segment(bv, b, it)
			count++;
	return count;
}

/* ---- whole-vector access; only valid on the bio that owns the vector ---- */

static inline struct bio_vec *bio_first_bvec_all(struct bio *b)
{
	WARN_ON_ONCE(bio_flagged(b, BIO_CLONED));
	return &b->bi_io_vec[0];
}
static inline struct bio_vec *bio_last_bvec_all(struct bio *b)
{
	return bio_first_bvec_all(b) + b->bi_vcnt - 1;
}
static inline struct page *bio_first_page_all(struct bio *b)
{
	return bio_first_bvec_all(b)->bv_page;
}
static inline struct folio *bio_first_folio_all(struct bio *b)
{
	return page_folio(bio_first_bvec_all(b)->bv_page);
}

/* advances the bvec_iter_all; false once the vector is exhausted */
static inline bool bio_next_segment(const struct bio *b,
				    struct bvec_iter_all *all)
{
	if (all->idx < b->bi_vcnt) {
		bvec_advance(b->bi_io_vec + all->idx, all);
		return true;
	}
	return false;
}

/* every single-page segment of the bio as built (not for clones) */
#define bio_for_each_segment_all(bv, b, all)				\
	for (bv = bvec_init_iter_all(&all); bio_next_segment(b, &all);)
#define bio_for_each_bvec_all(bv, b, n)					\
	for (n = 0, bv = bio_first_bvec_all(b); n < (b)->bi_vcnt; n++, bv++)

struct folio_iter {
	struct folio *folio;
	size_t offset;
	size_t length;
	/* private: */
	struct folio *_next;
	size_t _seg_count;
	int _i;
};

/* point @fi at a folio; its byte range is capped by what the segment has left */
static inline void __kshim_folio_iter_set(struct folio_iter *fi,
					  struct folio *f, size_t off)
{
	fi->folio = f;
	fi->offset = off;
	fi->length = min_t(size_t, folio_size(f) - off, fi->_seg_count);
	fi->_next = (struct folio *)(&f->page + folio_nr_pages(f));
}

/* start @fi at vector entry @idx of @b (folio NULL past the end) */
static inline void bio_first_folio(struct folio_iter *fi, struct bio *b,
				   int idx)
{
	struct bio_vec *seg;
	struct folio *f;

	fi->folio = NULL;
	if (unlikely(idx >= b->bi_vcnt))
		return;
	seg = bio_first_bvec_all(b) + idx;
	f = page_folio(seg->bv_page);
	fi->_i = idx;
	fi->_seg_count = seg->bv_len;
	__kshim_folio_iter_set(fi, f, seg->bv_offset +
			       PAGE_SIZE * (size_t)(seg->bv_page - &f->page));
}

/* next folio of the same segment, or the first of the next segment */
static inline void bio_next_folio(struct folio_iter *fi, struct bio *b)
{
	fi->_seg_count -= fi->length;
	if (fi->_seg_count)
		__kshim_folio_iter_set(fi, fi->_next, 0);
	else
		bio_first_folio(fi, b, fi->_i + 1);
}

/* each folio of the bio as built, with the byte range the bio covers */
#define bio_for_each_folio_all(fi, b)					\
	for (bio_first_folio(&(fi), b, 0); (fi).folio; bio_next_folio(&(fi), b))

/* ---- reference counts ---- */

static inline void bio_get(struct bio *b)
{
	bio_set_flag(b, BIO_REFFED);
	atomic_inc(&b->__bi_cnt);
}

static inline void bio_cnt_set(struct bio *b, unsigned int refs)
{
	if (refs != 1)
		bio_set_flag(b, BIO_REFFED);
	atomic_set(&b->__bi_cnt, refs);
}

/* one more completion to wait for before @b's end_io may run */
static inline void bio_inc_remaining(struct bio *b)
{
	bio_set_flag(b, BIO_CHAIN);
	smp_mb__before_atomic();
	atomic_inc(&b->__bi_remaining);
}

/* ---- bio sets and allocation ---- */

enum {
	BIOSET_NEED_BVECS	= 1 << 0,
	BIOSET_NEED_RESCUER	= 1 << 1,
	BIOSET_PERCPU_CACHE	= 1 << 2,
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

extern struct bio_set fs_bio_set;

int bioset_init(struct bio_set *set, unsigned int pool_size,
		unsigned int front_pad, int flags);
void bioset_exit(struct bio_set *set);
static inline bool bioset_initialized(struct bio_set *set)
{
	return set->kshim_initialized;
}

struct bio *bio_alloc_bioset(struct block_device *bdev, unsigned short nr_vecs,
			     blk_opf_t opf, gfp_t gfp, struct bio_set *set);
struct bio *bio_alloc_clone(struct block_device *bdev, struct bio *src,
			    gfp_t gfp, struct bio_set *set);
int bio_init_clone(struct block_device *bdev, struct bio *b, struct bio *src,
		   gfp_t gfp);
void bio_put(struct bio *b);

/* plain allocation from the filesystem bio set */
static inline struct bio *bio_alloc(struct block_device *bdev,
				    unsigned short nr_vecs, blk_opf_t opf,
				    gfp_t gfp)
{
	return bio_alloc_bioset(bdev, nr_vecs, opf, gfp, &fs_bio_set);
}

void bio_init(struct bio *b, struct block_device *bdev, struct bio_vec *vecs,
	      unsigned short nr_vecs, blk_opf_t opf);
void bio_uninit(struct bio *b);
void bio_reset(struct bio *b, struct block_device *bdev, blk_opf_t opf);

void bio_trim(struct bio *b, sector_t skip, sector_t keep);
struct bio *bio_split(struct bio *b, int nr_sectors, gfp_t gfp,
		      struct bio_set *set);

/* the front @nr_sectors of @b as its own bio, or @b itself if that is all */
static inline struct bio *bio_next_split(struct bio *b, int nr_sectors,
					 gfp_t gfp, struct bio_set *set)
{
	return nr_sectors < bio_sectors(b) ?
		bio_split(b, nr_sectors, gfp, set) : b;
}

/* ---- submission and completion ---- */

void submit_bio(struct bio *b);
int submit_bio_wait(struct bio *b);
void bio_endio(struct bio *b);
void bio_chain(struct bio *child, struct bio *parent);
struct bio *bio_chain_and_submit(struct bio *prev, struct bio *new);
struct bio *blk_next_bio(struct bio *prev, struct block_device *bdev,
			 unsigned int nr_pages, blk_opf_t opf, gfp_t gfp);

/* complete @b at once with status @st */
static inline void __kshim_bio_fail(struct bio *b, blk_status_t st)
{
	b->bi_status = st;
	bio_endio(b);
}
static inline void bio_io_error(struct bio *b)
{
	__kshim_bio_fail(b, BLK_STS_IOERR);
}
static inline void bio_wouldblock_error(struct bio *b)
{
	bio_set_flag(b, BIO_QUIET);
	__kshim_bio_fail(b, BLK_STS_AGAIN);
}

/* ---- payload ---- */

int __must_check bio_add_page(struct bio *b, struct page *pg,
			      unsigned int len, unsigned int off);
void __bio_add_page(struct bio *b, struct page *pg, unsigned int len,
		    unsigned int off);
bool __must_check bio_add_folio(struct bio *b, struct folio *f, size_t len,
				size_t off);
void bio_add_folio_nofail(struct bio *b, struct folio *f, size_t len,
			  size_t off);

void __bio_release_pages(struct bio *b, bool dirty);
static inline void bio_release_pages(struct bio *b, bool dirty)
{
	if (bio_flagged(b, BIO_PAGE_PINNED))
		__bio_release_pages(b, dirty);
}

void bio_copy_data_iter(struct bio *to, struct bvec_iter *to_it,
			struct bio *from, struct bvec_iter *from_it);
void bio_copy_data(struct bio *to, struct bio *from);
void guard_bio_eod(struct bio *b);
void zero_fill_bio_iter(struct bio *b, struct bvec_iter from);
static inline void zero_fill_bio(struct bio *b)
{
	zero_fill_bio_iter(b, b->bi_iter);
}

/* no cgroups: block-group association is a no-op */
static inline void bio_associate_blkg(struct bio *b) { }
static inline void bio_clone_blkg_association(struct bio *to, struct bio *from) { }

/* retarget @b; a device change also forgets that it was throttled */
static inline void bio_set_dev(struct bio *b, struct block_device *bdev)
{
	bio_clear_flag(b, BIO_REMAPPED);
	if (b->bi_bdev != bdev)
		bio_clear_flag(b, BIO_BPS_THROTTLED);
	b->bi_bdev = bdev;
}

/* ---- bio_list: a singly linked FIFO of bios through bi_next ---- */

struct bio_list {
	struct bio *head;
	struct bio *tail;
};

#define BIO_EMPTY_LIST	{ .head = NULL, .tail = NULL }

#define bio_list_for_each(b, bl) for (b = (bl)->head; b; b = b->bi_next)

static inline void bio_list_init(struct bio_list *bl)
{
	*bl = (struct bio_list)BIO_EMPTY_LIST;
}
static inline int bio_list_empty(const struct bio_list *bl)
{
	return !bl->head;
}
static inline struct bio *bio_list_peek(struct bio_list *bl)
{
	return bl->head;
}

static inline unsigned int bio_list_size(const struct bio_list *bl)
{
	const struct bio *b;
	unsigned int count = 0;

	for (b = bl->head; b; b = b->bi_next)
		count++;
	return count;
}

static inline void bio_list_add(struct bio_list *bl, struct bio *b)
{
	struct bio **link = bl->tail ? &bl->tail->bi_next : &bl->head;

	b->bi_next = NULL;
	*link = b;
	bl->tail = b;
}

static inline void bio_list_add_head(struct bio_list *bl, struct bio *b)
{
	if (!bl->head)
		bl->tail = b;
	b->bi_next = bl->head;
	bl->head = b;
}

/* append all of @more to @bl (@more itself is left as it was) */
static inline void bio_list_merge(struct bio_list *bl, struct bio_list *more)
{
	struct bio **link;

	if (!more->head)
		return;
	link = bl->tail ? &bl->tail->bi_next : &bl->head;
	*link = more->head;
	bl->tail = more->tail;
}

static inline void bio_list_merge_init(struct bio_list *bl,
				       struct bio_list *more)
{
	bio_list_merge(bl, more);
	bio_list_init(more);
}

/* prepend all of @more to @bl */
static inline void bio_list_merge_head(struct bio_list *bl,
				       struct bio_list *more)
{
	if (!more->head)
		return;
	more->tail->bi_next = bl->head;
	if (!bl->head)
		bl->tail = more->tail;
	bl->head = more->head;
}

static inline struct bio *bio_list_pop(struct bio_list *bl)
{
	struct bio *first = bl->head;

	if (first) {
		bl->head = first->bi_next;
		if (!bl->head)
			bl->tail = NULL;
		first->bi_next = NULL;
	}
	return first;
}

/* take the whole chain, leaving @bl empty */
static inline struct bio *bio_list_get(struct bio_list *bl)
{
	struct bio *chain = bl->head;

	bio_list_init(bl);
	return chain;
}

#endif /* __LINUX_BIO_H */
