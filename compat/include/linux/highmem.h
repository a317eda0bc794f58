/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Temporary mappings of pages.  kshim has no highmem: every page's data is
 * always addressable, so kmap*() return page_address() (offset as asked)
 * and the unmaps do nothing.  Kernel guarantees kept: the copy and zero
 * helpers act on exactly the byte ranges given; for a large folio the
 * data is contiguous, so ranges may cross page boundaries.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/mm.h>

#ifndef flush_dcache_page
#define flush_dcache_page(page) do { (void)(page); } while (0)
#endif
#ifndef flush_dcache_folio
#define flush_dcache_folio(folio) do { (void)(folio); } while (0)
#endif
#define flush_kernel_vmap_range(addr, size) do { } while (0)
#define invalidate_kernel_vmap_range(addr, size) do { } while (0)

static inline void *kmap(struct page *page)
{
	return page_address(page);
}

static inline void kunmap(struct page *page)
{
}

static inline void *kmap_local_page(struct page *page)
{
	return page_address(page);
}

static inline void *kmap_local_folio(struct folio *folio, size_t offset)
{
	return (char *)folio_address(folio) + offset;
}

static inline void *kmap_atomic(struct page *page)
{
	return page_address(page);
}

#define kunmap_local(addr) do { (void)(addr); } while (0)
#define kunmap_atomic(addr) do { (void)(addr); } while (0)

/* unmap a kmap_local_folio() address and drop the folio reference */
static inline void folio_release_kmap(struct folio *folio, void *addr)
{
	kunmap_local(addr);
	folio_put(folio);
}
#define kmap_to_page(addr) virt_to_page(addr)
#define nr_free_highpages() 0UL
#define totalhigh_pages() 0UL

static inline void clear_highpage(struct page *page)
{
	__builtin_memset(page_address(page), 0, PAGE_SIZE);
}

static inline void clear_user_highpage(struct page *page, unsigned long vaddr)
{
	clear_highpage(page);
}

static inline void copy_highpage(struct page *to, struct page *from)
{
	__builtin_memcpy(page_address(to), page_address(from), PAGE_SIZE);
}

static inline void memcpy_page(struct page *dst_page, size_t dst_off,
			       struct page *src_page, size_t src_off, size_t len)
{
	__builtin_memmove((char *)page_address(dst_page) + dst_off,
			  (char *)page_address(src_page) + src_off, len);
}

static inline void memcpy_from_page(char *to, struct page *page,
				    size_t offset, size_t len)
{
	__builtin_memcpy(to, (char *)page_address(page) + offset, len);
}

static inline void memcpy_to_page(struct page *page, size_t offset,
				  const char *from, size_t len)
{
	__builtin_memcpy((char *)page_address(page) + offset, from, len);
}

static inline void memset_page(struct page *page, size_t offset, int val,
			       size_t len)
{
	__builtin_memset((char *)page_address(page) + offset, val, len);
}

static inline void memzero_page(struct page *page, size_t offset, size_t len)
{
	memset_page(page, offset, 0, len);
}

/* zero [start1, end1) and [start2, end2) of the page (or compound page) */
static inline void zero_user_segments(struct page *page,
				      unsigned int start1, unsigned int end1,
				      unsigned int start2, unsigned int end2)
{
	char *kaddr = page_address(page);

	if (end1 > start1)
		__builtin_memset(kaddr + start1, 0, end1 - start1);
	if (end2 > start2)
		__builtin_memset(kaddr + start2, 0, end2 - start2);
}

static inline void zero_user_segment(struct page *page, unsigned int start,
				     unsigned int end)
{
	zero_user_segments(page, start, end, 0, 0);
}

static inline void zero_user(struct page *page, unsigned int start,
			     unsigned int size)
{
	zero_user_segments(page, start, start + size, 0, 0);
}

static inline void folio_zero_segments(struct folio *folio, size_t start1,
				       size_t xend1, size_t start2, size_t xend2)
{
	zero_user_segments(&folio->page, start1, xend1, start2, xend2);
}

static inline void folio_zero_segment(struct folio *folio, size_t start,
				      size_t xend)
{
	zero_user_segments(&folio->page, start, xend, 0, 0);
}

static inline void folio_zero_range(struct folio *folio, size_t start,
				    size_t length)
{
	zero_user_segments(&folio->page, start, start + length, 0, 0);
}

/* zero from offset to the end of the folio; kaddr maps offset */
static inline void *folio_zero_tail(struct folio *folio, size_t offset,
				    void *kaddr)
{
	size_t len = folio_size(folio) - offset;

	__builtin_memset(kaddr, 0, len);
	return (char *)kaddr + len;
}

/* copy len bytes from 'from' to offset, zero the rest of the folio */
static inline void folio_fill_tail(struct folio *folio, size_t offset,
				   const char *from, size_t len)
{
	char *kaddr = kmap_local_folio(folio, offset);

	__builtin_memcpy(kaddr, from, len);
	folio_zero_tail(folio, offset + len, kaddr + len);
}

static inline void memcpy_from_folio(char *to, struct folio *folio,
				     size_t offset, size_t len)
{
	__builtin_memcpy(to, (char *)folio_address(folio) + offset, len);
}

static inline void memcpy_to_folio(struct folio *folio, size_t offset,
				   const char *from, size_t len)
{
	__builtin_memcpy((char *)folio_address(folio) + offset, from, len);
}

#endif /* _LINUX_HIGHMEM_H */
