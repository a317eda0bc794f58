/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct iov_iter: a cursor over the source or destination of an I/O,
 * of one of several kinds (user buffer, user iovec array, kernel kvec
 * array, bio_vec array, discard).  kshim runs everything in one address
 * space, so "user" memory is ordinary memory and user copies cannot fault.
 *
 * Kept guarantees: iov_iter_count() is the bytes left; the copy helpers
 * (lib/iov_iter.c, VFS) advance the cursor by what they copied and
 * return that amount; iov_iter_truncate() only shrinks the count and
 * iov_iter_reexpand() restores it; data_source says the direction
 * (ITER_SOURCE: written from, ITER_DEST: read into).
 */
#ifndef __LINUX_UIO_H
#define __LINUX_UIO_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/mm_types.h>

struct page;
struct folio;
struct bio_vec;

#ifndef READ
#define READ 0
#define WRITE 1
#endif

#define ITER_SOURCE 1	/* == WRITE */
#define ITER_DEST 0	/* == READ */

#define UIO_FASTIOV 8
#define UIO_MAXIOV 1024

struct iovec {
	void __user *iov_base;
	__kernel_size_t iov_len;
};

struct kvec {
	void *iov_base;
	size_t iov_len;
};

enum iter_type {
	ITER_UBUF,
	ITER_IOVEC,
	ITER_BVEC,
	ITER_KVEC,
	ITER_FOLIOQ,
	ITER_XARRAY,
	ITER_DISCARD,
};

struct iov_iter_state {
	size_t iov_offset;
	size_t count;
	unsigned long nr_segs;
};

struct iov_iter {
	u8 iter_type;
	bool nofault;
	bool data_source;
	size_t iov_offset;
	union {
		struct iovec __ubuf_iovec;
		struct {
			union {
				const struct iovec *__iov;
				const struct kvec *kvec;
				const struct bio_vec *bvec;
				void __user *ubuf;
			};
			size_t count;
		};
	};
	unsigned long nr_segs;
};

/* the iovec view of a user buffer or iovec iterator */
static inline const struct iovec *iter_iov(const struct iov_iter *it)
{
	return it->iter_type == ITER_UBUF ?
		(const struct iovec *)&it->__ubuf_iovec : it->__iov;
}

#define iter_iov_addr(it)	(iter_iov(it)->iov_base + (it)->iov_offset)
#define iter_iov_len(it)	(iter_iov(it)->iov_len - (it)->iov_offset)

static inline enum iter_type iov_iter_type(const struct iov_iter *it)
{
	return (enum iter_type)it->iter_type;
}

/* one kind test behind all the iter_is_* / iov_iter_is_* predicates */
static inline bool kshim_iter_kind_is(const struct iov_iter *it,
				      enum iter_type kind)
{
	return iov_iter_type(it) == kind;
}

#define KSHIM_ITER_KIND_TEST(fn, kind)					\
	static inline bool fn(const struct iov_iter *it)		\
	{								\
		return kshim_iter_kind_is(it, kind);			\
	}

KSHIM_ITER_KIND_TEST(iter_is_ubuf, ITER_UBUF)
KSHIM_ITER_KIND_TEST(iter_is_iovec, ITER_IOVEC)
KSHIM_ITER_KIND_TEST(iov_iter_is_kvec, ITER_KVEC)
KSHIM_ITER_KIND_TEST(iov_iter_is_bvec, ITER_BVEC)
KSHIM_ITER_KIND_TEST(iov_iter_is_discard, ITER_DISCARD)
KSHIM_ITER_KIND_TEST(iov_iter_is_folioq, ITER_FOLIOQ)
KSHIM_ITER_KIND_TEST(iov_iter_is_xarray, ITER_XARRAY)

#undef KSHIM_ITER_KIND_TEST

/* READ when data flows into the iterator, WRITE when it is the source */
static inline unsigned char iov_iter_rw(const struct iov_iter *it)
{
	return it->data_source ? WRITE : READ;
}

/* user-address kinds: a single buffer or an iovec array */
static inline bool user_backed_iter(const struct iov_iter *it)
{
	return kshim_iter_kind_is(it, ITER_UBUF) ||
	       kshim_iter_kind_is(it, ITER_IOVEC);
}

static inline bool iov_iter_extract_will_pin(const struct iov_iter *it)
{
	return user_backed_iter(it);
}

/* the total length of @n iovec segments */
static inline size_t iov_length(const struct iovec *vec, unsigned long n)
{
	size_t sum = 0;

	while (n--)
		sum += vec++->iov_len;
	return sum;
}

/* bytes still to be transferred */
static inline size_t iov_iter_count(const struct iov_iter *it)
{
	return it->count;
}

/* cap the iterator at @max bytes; it never grows here */
static inline void iov_iter_truncate(struct iov_iter *it, u64 max)
{
	if (it->count > max)
		it->count = max;
}

/* undo iov_iter_truncate(): @len is the count saved before truncating */
static inline void iov_iter_reexpand(struct iov_iter *it, size_t len)
{
	it->count = len;
}

/* a snapshot of the cursor for iov_iter_restore() */
static inline void iov_iter_save_state(struct iov_iter *it,
				       struct iov_iter_state *snap)
{
	snap->nr_segs = it->nr_segs;
	snap->count = it->count;
	snap->iov_offset = it->iov_offset;
}

/* a single user buffer */
static inline void iov_iter_ubuf(struct iov_iter *it, unsigned int dir,
				 void __user *base, size_t len)
{
	*it = (struct iov_iter){
		.iter_type = ITER_UBUF,
		.data_source = dir,
		.ubuf = base,
		.count = len,
		.nr_segs = 1,
	};
}

/* constructors (lib/iov_iter.c in the VFS) */
void iov_iter_init(struct iov_iter *it, unsigned int dir,
		   const struct iovec *vec, unsigned long nseg, size_t len);
void iov_iter_kvec(struct iov_iter *it, unsigned int dir,
		   const struct kvec *vec, unsigned long nseg, size_t len);
void iov_iter_bvec(struct iov_iter *it, unsigned int dir,
		   const struct bio_vec *vec, unsigned long nseg, size_t len);
void iov_iter_discard(struct iov_iter *it, unsigned int dir, size_t len);
int import_ubuf(int rw, void __user *base, size_t len, struct iov_iter *it);

/* moving the cursor */
void iov_iter_advance(struct iov_iter *it, size_t len);
void iov_iter_revert(struct iov_iter *it, size_t len);
void iov_iter_restore(struct iov_iter *it, struct iov_iter_state *snap);

/* copies: each returns the bytes moved and advances by that much */
size_t copy_to_iter(const void *from, size_t len, struct iov_iter *it);
size_t copy_from_iter(void *to, size_t len, struct iov_iter *it);
size_t copy_from_iter_nocache(void *to, size_t len, struct iov_iter *it);
size_t copy_page_to_iter(struct page *pg, size_t off, size_t len,
			 struct iov_iter *it);
size_t copy_page_from_iter(struct page *pg, size_t off, size_t len,
			   struct iov_iter *it);
size_t copy_page_from_iter_atomic(struct page *pg, size_t off, size_t len,
				  struct iov_iter *it);
size_t iov_iter_zero(size_t len, struct iov_iter *it);

/* queries */
size_t fault_in_iov_iter_readable(const struct iov_iter *it, size_t len);
size_t fault_in_iov_iter_writeable(const struct iov_iter *it, size_t len);
size_t iov_iter_single_seg_count(const struct iov_iter *it);
bool iov_iter_is_aligned(const struct iov_iter *it, unsigned int addr_mask,
			 unsigned int len_mask);
unsigned long iov_iter_alignment(const struct iov_iter *it);
unsigned long iov_iter_gap_alignment(const struct iov_iter *it);
int iov_iter_npages(const struct iov_iter *it, int max_pages);
ssize_t iov_iter_get_pages2(struct iov_iter *it, struct page **pgs,
			    size_t max_len, unsigned int max_pages,
			    size_t *first_off);
ssize_t iov_iter_get_pages_alloc2(struct iov_iter *it, struct page ***pgs,
				  size_t max_len, size_t *first_off);

/* folio forms: a folio's memory starts at its first page */
static inline size_t copy_folio_to_iter(struct folio *fo, size_t off,
					size_t len, struct iov_iter *it)
{
	return copy_page_to_iter(&fo->page, off, len, it);
}

static inline size_t copy_folio_from_iter(struct folio *fo, size_t off,
					  size_t len, struct iov_iter *it)
{
	return copy_page_from_iter(&fo->page, off, len, it);
}

static inline size_t copy_folio_from_iter_atomic(struct folio *fo,
						 size_t off, size_t len,
						 struct iov_iter *it)
{
	return copy_page_from_iter_atomic(&fo->page, off, len, it);
}

/* all or nothing: a short copy is undone and reported as false */
static inline bool kshim_iter_settle(struct iov_iter *it, size_t done,
				     size_t want)
{
	if (likely(done == want))
		return true;
	iov_iter_revert(it, done);
	return false;
}

static inline bool copy_to_iter_full(const void *from, size_t len,
				     struct iov_iter *it)
{
	return kshim_iter_settle(it, copy_to_iter(from, len, it), len);
}

static inline bool copy_from_iter_full(void *to, size_t len,
				       struct iov_iter *it)
{
	return kshim_iter_settle(it, copy_from_iter(to, len, it), len);
}

#endif /* __LINUX_UIO_H */
