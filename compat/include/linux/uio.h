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

static inline const struct iovec *iter_iov(const struct iov_iter *iter)
{
	if (iter->iter_type == ITER_UBUF)
		return (const struct iovec *)&iter->__ubuf_iovec;
	return iter->__iov;
}

#define iter_iov_addr(iter) (iter_iov(iter)->iov_base + (iter)->iov_offset)
#define iter_iov_len(iter) (iter_iov(iter)->iov_len - (iter)->iov_offset)

static inline enum iter_type iov_iter_type(const struct iov_iter *i)
{
	return i->iter_type;
}

static inline void iov_iter_save_state(struct iov_iter *iter,
				       struct iov_iter_state *state)
{
	state->iov_offset = iter->iov_offset;
	state->count = iter->count;
	state->nr_segs = iter->nr_segs;
}

static inline bool iter_is_ubuf(const struct iov_iter *i)
{
	return iov_iter_type(i) == ITER_UBUF;
}

static inline bool iter_is_iovec(const struct iov_iter *i)
{
	return iov_iter_type(i) == ITER_IOVEC;
}

static inline bool iov_iter_is_kvec(const struct iov_iter *i)
{
	return iov_iter_type(i) == ITER_KVEC;
}

static inline bool iov_iter_is_bvec(const struct iov_iter *i)
{
	return iov_iter_type(i) == ITER_BVEC;
}

static inline bool iov_iter_is_discard(const struct iov_iter *i)
{
	return iov_iter_type(i) == ITER_DISCARD;
}

static inline bool iov_iter_is_folioq(const struct iov_iter *i)
{
	return iov_iter_type(i) == ITER_FOLIOQ;
}

static inline bool iov_iter_is_xarray(const struct iov_iter *i)
{
	return iov_iter_type(i) == ITER_XARRAY;
}

static inline unsigned char iov_iter_rw(const struct iov_iter *i)
{
	return i->data_source ? WRITE : READ;
}

static inline bool user_backed_iter(const struct iov_iter *i)
{
	return iter_is_ubuf(i) || iter_is_iovec(i);
}

static inline size_t iov_length(const struct iovec *iov,
				unsigned long nr_segs)
{
	size_t total = 0;
	unsigned long seg;

	for (seg = 0; seg < nr_segs; seg++)
		total += iov[seg].iov_len;
	return total;
}

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

/* limit the iterator to at most @count bytes; never grows it */
static inline void iov_iter_truncate(struct iov_iter *i, u64 count)
{
	if (i->count > count)
		i->count = count;
}

/* undo an iov_iter_truncate(): @count must be the pre-truncation value */
static inline void iov_iter_reexpand(struct iov_iter *i, size_t count)
{
	i->count = count;
}

size_t copy_page_from_iter_atomic(struct page *page, size_t offset,
				  size_t bytes, struct iov_iter *i);
void iov_iter_advance(struct iov_iter *i, size_t bytes);
void iov_iter_revert(struct iov_iter *i, size_t bytes);
size_t fault_in_iov_iter_readable(const struct iov_iter *i, size_t bytes);
size_t fault_in_iov_iter_writeable(const struct iov_iter *i, size_t bytes);
size_t iov_iter_single_seg_count(const struct iov_iter *i);
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i);
size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i);
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter_nocache(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
bool iov_iter_is_aligned(const struct iov_iter *i, unsigned int addr_mask,
			 unsigned int len_mask);
unsigned long iov_iter_alignment(const struct iov_iter *i);
unsigned long iov_iter_gap_alignment(const struct iov_iter *i);
void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_bvec(struct iov_iter *i, unsigned int direction,
		   const struct bio_vec *bvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_discard(struct iov_iter *i, unsigned int direction,
		      size_t count);
ssize_t iov_iter_get_pages2(struct iov_iter *i, struct page **pages,
			    size_t maxsize, unsigned int maxpages,
			    size_t *start);
ssize_t iov_iter_get_pages_alloc2(struct iov_iter *i, struct page ***pages,
				  size_t maxsize, size_t *start);
int iov_iter_npages(const struct iov_iter *i, int maxpages);
void iov_iter_restore(struct iov_iter *i, struct iov_iter_state *state);
int import_ubuf(int type, void __user *buf, size_t len, struct iov_iter *i);

static inline size_t copy_folio_to_iter(struct folio *folio, size_t offset,
					size_t bytes, struct iov_iter *i)
{
	return copy_page_to_iter(&folio->page, offset, bytes, i);
}

static inline size_t copy_folio_from_iter(struct folio *folio, size_t offset,
					  size_t bytes, struct iov_iter *i)
{
	return copy_page_from_iter(&folio->page, offset, bytes, i);
}

static inline size_t copy_folio_from_iter_atomic(struct folio *folio,
						 size_t offset, size_t bytes,
						 struct iov_iter *i)
{
	return copy_page_from_iter_atomic(&folio->page, offset, bytes, i);
}

/* all or nothing: on a short copy the iterator is restored */
static inline bool copy_to_iter_full(const void *addr, size_t bytes,
				     struct iov_iter *i)
{
	size_t copied = copy_to_iter(addr, bytes, i);

	if (likely(copied == bytes))
		return true;
	iov_iter_revert(i, copied);
	return false;
}

static inline bool copy_from_iter_full(void *addr, size_t bytes,
				       struct iov_iter *i)
{
	size_t copied = copy_from_iter(addr, bytes, i);

	if (likely(copied == bytes))
		return true;
	iov_iter_revert(i, copied);
	return false;
}

static inline void iov_iter_ubuf(struct iov_iter *i, unsigned int direction,
				 void __user *buf, size_t count)
{
	*i = (struct iov_iter){
		.iter_type = ITER_UBUF,
		.data_source = direction,
		.ubuf = buf,
		.count = count,
		.nr_segs = 1,
	};
}

static inline bool iov_iter_extract_will_pin(const struct iov_iter *iter)
{
	return user_backed_iter(iter);
}

#endif /* __LINUX_UIO_H */
