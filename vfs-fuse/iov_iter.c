// SPDX-License-Identifier: GPL-2.0-only
/*
 * I/O iterators (the role of lib/iov_iter.c) over user buffers (ubuf),
 * iovec and kvec arrays, bio_vec arrays and the discard sink.
 *
 * Kernel guarantees kept:
 *  - every copy helper copies at most min(bytes, iov_iter_count()),
 *    advances the iterator by exactly what it copied and returns that;
 *    a copy in the wrong direction (copy_to_iter on a source) copies
 *    nothing, with a warning;
 *  - segments are crossed transparently; zero-length segments are
 *    skipped; iov_iter_revert() undoes an advance across segments;
 *  - iov_iter_alignment() ORs the addresses and lengths of every byte
 *    range the iterator still covers;
 *  - the discard sink accepts data without storing it.
 * kshim runs in one address space, so "user" memory is ordinary memory:
 * copies cannot fault and fault_in_*() report everything accessible.
 * A bio_vec's data is contiguous from page_address(bv_page) (a kshim
 * folio's pages are one allocation).  Left out: ITER_FOLIOQ/XARRAY.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/uio.h>
#include <linux/bvec.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>

/* --- the current contiguous piece ---------------------------------------- */

/*
 * The address and length (bounded by the count) of the piece at the
 * iterator's position; 0 when nothing is left.  Empty segments are
 * skipped by advancing past them, which changes nothing observable.
 */
static size_t iter_piece(struct iov_iter *i, void **base)
{
	if (!i->count)
		return 0;
	switch (i->iter_type) {
	case ITER_UBUF:
		*base = (char *)i->ubuf + i->iov_offset;
		return i->count;
	case ITER_DISCARD:
		*base = NULL;
		return i->count;
	case ITER_IOVEC:
		while (i->nr_segs && i->__iov->iov_len == i->iov_offset) {
			i->__iov++;
			i->nr_segs--;
			i->iov_offset = 0;
		}
		if (!i->nr_segs)
			return 0;
		*base = (char *)i->__iov->iov_base + i->iov_offset;
		return min(i->__iov->iov_len - i->iov_offset, i->count);
	case ITER_KVEC:
		while (i->nr_segs && i->kvec->iov_len == i->iov_offset) {
			i->kvec++;
			i->nr_segs--;
			i->iov_offset = 0;
		}
		if (!i->nr_segs)
			return 0;
		*base = (char *)i->kvec->iov_base + i->iov_offset;
		return min(i->kvec->iov_len - i->iov_offset, i->count);
	case ITER_BVEC:
		while (i->nr_segs && i->bvec->bv_len == i->iov_offset) {
			i->bvec++;
			i->nr_segs--;
			i->iov_offset = 0;
		}
		if (!i->nr_segs)
			return 0;
		*base = (char *)page_address(i->bvec->bv_page) +
			i->bvec->bv_offset + i->iov_offset;
		return min_t(size_t, i->bvec->bv_len - i->iov_offset, i->count);
	default:
		WARN_ONCE(1, "kshim: iov_iter type %d not supported\n",
			  i->iter_type);
		return 0;
	}
}

/* the length of the current segment of an array iterator */
static size_t seg_len(const struct iov_iter *i)
{
	switch (i->iter_type) {
	case ITER_IOVEC:
		return i->__iov->iov_len;
	case ITER_KVEC:
		return i->kvec->iov_len;
	case ITER_BVEC:
		return i->bvec->bv_len;
	default:
		return 0;
	}
}

static void seg_step(struct iov_iter *i, int dir)
{
	switch (i->iter_type) {
	case ITER_IOVEC:
		i->__iov += dir;
		break;
	case ITER_KVEC:
		i->kvec += dir;
		break;
	case ITER_BVEC:
		i->bvec += dir;
		break;
	default:
		break;
	}
	i->nr_segs -= dir;
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	if (bytes > i->count)
		bytes = i->count;
	if (!bytes)
		return;
	i->count -= bytes;
	switch (i->iter_type) {
	case ITER_UBUF:
		i->iov_offset += bytes;
		return;
	case ITER_DISCARD:
		return;
	case ITER_IOVEC:
	case ITER_KVEC:
	case ITER_BVEC:
		/* bytes from the start of the current segment */
		bytes += i->iov_offset;
		while (i->nr_segs && bytes >= seg_len(i)) {
			bytes -= seg_len(i);
			seg_step(i, 1);
		}
		i->iov_offset = bytes;
		return;
	default:
		WARN_ONCE(1, "kshim: iov_iter type %d not supported\n",
			  i->iter_type);
	}
}

void iov_iter_revert(struct iov_iter *i, size_t unroll)
{
	if (!unroll)
		return;
	if (WARN_ON(unroll > MAX_RW_COUNT))
		return;
	i->count += unroll;
	if (i->iter_type == ITER_DISCARD)
		return;
	if (unroll <= i->iov_offset) {
		i->iov_offset -= unroll;
		return;
	}
	if (i->iter_type == ITER_UBUF) {
		WARN_ON_ONCE(1);	/* more than was ever advanced */
		i->iov_offset = 0;
		return;
	}
	unroll -= i->iov_offset;
	for (;;) {
		size_t n;

		seg_step(i, -1);
		n = seg_len(i);
		if (unroll <= n) {
			i->iov_offset = n - unroll;
			return;
		}
		unroll -= n;
	}
}

/* --- copies ------------------------------------------------------------------- */

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	size_t done = 0;

	if (WARN_ON_ONCE(i->data_source))
		return 0;
	while (done < bytes) {
		void *base;
		size_t n = iter_piece(i, &base);

		if (!n)
			break;
		n = min(n, bytes - done);
		if (base)
			memcpy(base, (const char *)addr + done, n);
		iov_iter_advance(i, n);
		done += n;
	}
	return done;
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	size_t done = 0;

	if (WARN_ON_ONCE(!i->data_source))
		return 0;
	while (done < bytes) {
		void *base;
		size_t n = iter_piece(i, &base);

		if (!n || !base)
			break;
		n = min(n, bytes - done);
		memcpy((char *)addr + done, base, n);
		iov_iter_advance(i, n);
		done += n;
	}
	return done;
}

size_t copy_from_iter_nocache(void *addr, size_t bytes, struct iov_iter *i)
{
	return copy_from_iter(addr, bytes, i);
}

size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i)
{
	/* a folio's data is one block: offsets may run past the first page */
	return copy_to_iter((char *)page_address(page) + offset, bytes, i);
}

size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i)
{
	return copy_from_iter((char *)page_address(page) + offset, bytes, i);
}

size_t copy_page_from_iter_atomic(struct page *page, size_t offset,
				  size_t bytes, struct iov_iter *i)
{
	return copy_page_from_iter(page, offset, bytes, i);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	size_t done = 0;

	while (done < bytes) {
		void *base;
		size_t n = iter_piece(i, &base);

		if (!n)
			break;
		n = min(n, bytes - done);
		if (base)
			memset(base, 0, n);
		iov_iter_advance(i, n);
		done += n;
	}
	return done;
}

size_t fault_in_iov_iter_readable(const struct iov_iter *i, size_t bytes)
{
	return 0;	/* everything is accessible */
}

size_t fault_in_iov_iter_writeable(const struct iov_iter *i, size_t bytes)
{
	return 0;
}

/* --- set-up ------------------------------------------------------------------- */

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs,
		   size_t count)
{
	WARN_ON(direction & ~(READ | WRITE));
	*i = (struct iov_iter) {
		.iter_type = ITER_IOVEC,
		.data_source = direction,
		.__iov = iov,
		.nr_segs = nr_segs,
		.count = count,
	};
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count)
{
	WARN_ON(direction & ~(READ | WRITE));
	*i = (struct iov_iter) {
		.iter_type = ITER_KVEC,
		.data_source = direction,
		.kvec = kvec,
		.nr_segs = nr_segs,
		.count = count,
	};
}

void iov_iter_bvec(struct iov_iter *i, unsigned int direction,
		   const struct bio_vec *bvec, unsigned long nr_segs,
		   size_t count)
{
	WARN_ON(direction & ~(READ | WRITE));
	*i = (struct iov_iter) {
		.iter_type = ITER_BVEC,
		.data_source = direction,
		.bvec = bvec,
		.nr_segs = nr_segs,
		.count = count,
	};
}

void iov_iter_discard(struct iov_iter *i, unsigned int direction,
		      size_t count)
{
	BUG_ON(direction != READ);
	*i = (struct iov_iter) {
		.iter_type = ITER_DISCARD,
		.data_source = false,
		.count = count,
	};
}

int import_ubuf(int rw, void __user *buf, size_t len, struct iov_iter *i)
{
	if (len > MAX_RW_COUNT)
		len = MAX_RW_COUNT;
	iov_iter_ubuf(i, rw, buf, len);
	return 0;
}

void iov_iter_restore(struct iov_iter *i, struct iov_iter_state *state)
{
	if (WARN_ON_ONCE(i->iter_type != ITER_UBUF &&
			 i->iter_type != ITER_IOVEC &&
			 i->iter_type != ITER_KVEC &&
			 i->iter_type != ITER_BVEC))
		return;
	i->iov_offset = state->iov_offset;
	i->count = state->count;
	if (i->iter_type == ITER_UBUF)
		return;
	/* step the segment pointer back to where the state was taken */
	while (i->nr_segs < state->nr_segs)
		seg_step(i, -1);
}

/* --- queries ---------------------------------------------------------------- */

size_t iov_iter_single_seg_count(const struct iov_iter *i)
{
	if (i->nr_segs > 1 && (i->iter_type == ITER_IOVEC ||
			       i->iter_type == ITER_KVEC ||
			       i->iter_type == ITER_BVEC))
		return min(i->count, seg_len(i) - i->iov_offset);
	return i->count;
}

unsigned long iov_iter_alignment(const struct iov_iter *i)
{
	struct iov_iter tmp = *i;
	unsigned long res = 0;
	void *base;
	size_t n;

	if (i->iter_type == ITER_DISCARD)
		return 0;
	while ((n = iter_piece(&tmp, &base)) != 0) {
		res |= (unsigned long)base | n;
		iov_iter_advance(&tmp, n);
	}
	return res;
}

unsigned long iov_iter_gap_alignment(const struct iov_iter *i)
{
	struct iov_iter tmp = *i;
	unsigned long res = 0, end = 0;
	void *base;
	size_t n;

	if (WARN_ON_ONCE(i->iter_type != ITER_UBUF &&
			 i->iter_type != ITER_IOVEC &&
			 i->iter_type != ITER_KVEC))
		return ~0UL;
	while ((n = iter_piece(&tmp, &base)) != 0) {
		if (end)
			res |= (unsigned long)base | end;
		end = (unsigned long)base + n;
		iov_iter_advance(&tmp, n);
	}
	return res;
}

bool iov_iter_is_aligned(const struct iov_iter *i, unsigned int addr_mask,
			 unsigned int len_mask)
{
	struct iov_iter tmp = *i;
	void *base;
	size_t n;

	if (i->count & len_mask)
		return false;
	if (i->iter_type == ITER_DISCARD)
		return true;
	while ((n = iter_piece(&tmp, &base)) != 0) {
		if (((unsigned long)base & addr_mask) || (n & len_mask))
			return false;
		iov_iter_advance(&tmp, n);
	}
	return true;
}

int iov_iter_npages(const struct iov_iter *i, int maxpages)
{
	struct iov_iter tmp = *i;
	void *base;
	size_t n;
	int npages = 0;

	if (i->iter_type == ITER_DISCARD)
		return 0;
	while (npages < maxpages && (n = iter_piece(&tmp, &base)) != 0) {
		npages += DIV_ROUND_UP(offset_in_page(base) + n, PAGE_SIZE);
		iov_iter_advance(&tmp, n);
	}
	return min(npages, maxpages);
}

/*
 * Pages under the current piece, referenced; the iterator advances by the
 * bytes returned (*start is the offset into the first page).
 */
ssize_t iov_iter_get_pages2(struct iov_iter *i, struct page **pages,
			    size_t maxsize, unsigned int maxpages,
			    size_t *start)
{
	unsigned long addr;
	unsigned int k, nr;
	void *base;
	size_t n;

	n = iter_piece(i, &base);
	if (!n || !maxsize || !maxpages || !base)
		return n ? -EFAULT : 0;
	n = min(n, maxsize);
	addr = (unsigned long)base;
	*start = offset_in_page(addr);
	nr = DIV_ROUND_UP(*start + n, PAGE_SIZE);
	if (nr > maxpages) {
		nr = maxpages;
		n = nr * PAGE_SIZE - *start;
	}
	addr &= PAGE_MASK;
	for (k = 0; k < nr; k++) {
		pages[k] = virt_to_page((void *)(addr + k * PAGE_SIZE));
		get_page(pages[k]);
	}
	iov_iter_advance(i, n);
	return n;
}

ssize_t iov_iter_get_pages_alloc2(struct iov_iter *i, struct page ***pages,
				  size_t maxsize, size_t *start)
{
	struct page **p;
	void *base;
	size_t n;
	unsigned int nr;
	ssize_t ret;

	n = iter_piece(i, &base);
	if (!n)
		return 0;
	n = min(n, maxsize);
	nr = DIV_ROUND_UP(offset_in_page(base) + n, PAGE_SIZE);
	p = kvmalloc_array(nr, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = iov_iter_get_pages2(i, p, maxsize, nr, start);
	if (ret <= 0) {
		kvfree(p);
		p = NULL;
	}
	*pages = p;
	return ret;
}
