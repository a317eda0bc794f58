/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct bio_vec and struct bvec_iter: a vector of (page, offset, length)
 * segments and a cursor over it.  Kernel guarantees kept: a bvec may span
 * several pages of one folio ("multi-page bvec"), the single-page views
 * (bvec_iter_bvec, bio_for_each_segment) never cross a page boundary, and
 * an iterator advanced by the bytes it yielded visits every byte once.
 * kshim has no memory map: struct page arithmetic is valid only inside one
 * folio, which is why bio_add_page() merges segments only within a folio.
 */
#ifndef __LINUX_BVEC_H
#define __LINUX_BVEC_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/mm_types.h>

/*
 * The data of @pg.  (linux/mm_types.h's page_address() macro names its
 * parameter "page", which breaks on arguments like bv->bv_page: the lead
 * is told; this helper keeps the block layer independent of it.)
 */
static inline void *__kshim_page_data(const struct page *pg)
{
	return pg->virtual;
}

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

static inline void bvec_set_page(struct bio_vec *bv, struct page *page,
				 unsigned int len, unsigned int offset)
{
	bv->bv_page = page;
	bv->bv_len = len;
	bv->bv_offset = offset;
}

static inline void bvec_set_folio(struct bio_vec *bv, struct folio *folio,
				  size_t len, size_t offset)
{
	WARN_ON_ONCE(len > UINT_MAX);
	bvec_set_page(bv, folio_page(folio, offset >> PAGE_SHIFT), len,
		      offset & ~PAGE_MASK);
}

struct bvec_iter {
	sector_t bi_sector;		/* position on the device, sectors */
	unsigned int bi_size;		/* bytes left */
	unsigned int bi_idx;		/* current bvec */
	unsigned int bi_bvec_done;	/* bytes consumed of that bvec */
} __packed __aligned(4);

struct bvec_iter_all {
	struct bio_vec bv;
	int idx;
	unsigned int done;
};

#define __bvec_iter_bvec(bvec, iter) (&(bvec)[(iter).bi_idx])

/* views of the current multi-page segment */
#define mp_bvec_iter_page(bvec, iter) (__bvec_iter_bvec((bvec), (iter))->bv_page)
#define mp_bvec_iter_len(bvec, iter)                                       \
	min_t(unsigned int, (iter).bi_size,                                \
	      __bvec_iter_bvec((bvec), (iter))->bv_len - (iter).bi_bvec_done)
#define mp_bvec_iter_offset(bvec, iter)                                    \
	(__bvec_iter_bvec((bvec), (iter))->bv_offset + (iter).bi_bvec_done)
#define mp_bvec_iter_page_idx(bvec, iter)                                  \
	(mp_bvec_iter_offset((bvec), (iter)) / PAGE_SIZE)
#define mp_bvec_iter_bvec(bvec, iter)                                      \
	((struct bio_vec){                                                 \
		.bv_page = mp_bvec_iter_page((bvec), (iter)),              \
		.bv_len = mp_bvec_iter_len((bvec), (iter)),                \
		.bv_offset = mp_bvec_iter_offset((bvec), (iter)),          \
	})

/* views clipped to one page */
#define bvec_iter_offset(bvec, iter)                                       \
	(mp_bvec_iter_offset((bvec), (iter)) % PAGE_SIZE)
#define bvec_iter_len(bvec, iter)                                          \
	min_t(unsigned int, mp_bvec_iter_len((bvec), (iter)),              \
	      PAGE_SIZE - bvec_iter_offset((bvec), (iter)))
#define bvec_iter_page(bvec, iter)                                         \
	(mp_bvec_iter_page((bvec), (iter)) +                               \
	 mp_bvec_iter_page_idx((bvec), (iter)))
#define bvec_iter_bvec(bvec, iter)                                         \
	((struct bio_vec){                                                 \
		.bv_page = bvec_iter_page((bvec), (iter)),                 \
		.bv_len = bvec_iter_len((bvec), (iter)),                   \
		.bv_offset = bvec_iter_offset((bvec), (iter)),             \
	})

/* move @iter forward by @bytes; false (and an emptied iter) on overrun */
static inline bool bvec_iter_advance(const struct bio_vec *bv,
				     struct bvec_iter *iter, unsigned int bytes)
{
	unsigned int i = iter->bi_idx, pos;

	if (WARN_ONCE(bytes > iter->bi_size, "bvec iter advanced past its end\n")) {
		iter->bi_size = 0;
		return false;
	}
	iter->bi_size -= bytes;
	pos = iter->bi_bvec_done + bytes;
	for (; pos && pos >= bv[i].bv_len; i++)
		pos -= bv[i].bv_len;
	iter->bi_idx = i;
	iter->bi_bvec_done = pos;
	return true;
}

/* advance by @bytes that stay within the current bvec */
static inline void bvec_iter_advance_single(const struct bio_vec *bv,
					    struct bvec_iter *iter,
					    unsigned int bytes)
{
	unsigned int pos = iter->bi_bvec_done + bytes;

	iter->bi_size -= bytes;
	if (pos == bv[iter->bi_idx].bv_len) {
		iter->bi_idx++;
		pos = 0;
	}
	iter->bi_bvec_done = pos;
}

#define for_each_bvec(bvl, bio_vec, iter, start)                           \
	for (iter = (start);                                               \
	     (iter).bi_size && ((bvl = bvec_iter_bvec((bio_vec), (iter))), 1); \
	     bvec_iter_advance_single((bio_vec), &(iter), (bvl).bv_len))

#define BVEC_ITER_ALL_INIT                                                 \
	(struct bvec_iter) { .bi_sector = 0, .bi_size = UINT_MAX,         \
			     .bi_idx = 0, .bi_bvec_done = 0 }

static inline struct bio_vec *bvec_init_iter_all(struct bvec_iter_all *it)
{
	it->idx = 0;
	it->done = 0;
	return &it->bv;
}

/* next single-page piece of the multi-page @bvec (bio_for_each_segment_all) */
static inline void bvec_advance(const struct bio_vec *bvec,
				struct bvec_iter_all *it)
{
	struct bio_vec *bv = &it->bv;
	unsigned int off;

	if (it->done) {
		bv->bv_page++;
		bv->bv_offset = 0;
	} else {
		bv->bv_page = bvec->bv_page + (bvec->bv_offset >> PAGE_SHIFT);
		bv->bv_offset = bvec->bv_offset & ~PAGE_MASK;
	}
	off = bv->bv_offset;
	bv->bv_len = min_t(unsigned int, PAGE_SIZE - off, bvec->bv_len - it->done);
	it->done += bv->bv_len;
	if (it->done == bvec->bv_len) {
		it->idx++;
		it->done = 0;
	}
}

static inline void *bvec_virt(struct bio_vec *bvec)
{
	return __kshim_page_data(bvec->bv_page) + bvec->bv_offset;
}

/* every page has an address in kshim: the mapping is the address */
static inline void *bvec_kmap_local(struct bio_vec *bvec)
{
	return bvec_virt(bvec);
}

static inline void memcpy_from_bvec(char *to, struct bio_vec *bvec)
{
	__builtin_memcpy(to, bvec_virt(bvec), bvec->bv_len);
}

static inline void memcpy_to_bvec(struct bio_vec *bvec, const char *from)
{
	__builtin_memcpy(bvec_virt(bvec), from, bvec->bv_len);
}

static inline void memzero_bvec(struct bio_vec *bvec)
{
	__builtin_memset(bvec_virt(bvec), 0, bvec->bv_len);
}

#endif /* __LINUX_BVEC_H */
