/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The page allocator's interface (compat/page_alloc.c).  Kernel guarantees
 * kept: a page or block of 2^order pages has PAGE_SIZE-aligned contiguous
 * data (a block of order N is aligned to its own size), starts with a
 * reference count of one and is freed when the last reference goes;
 * __GFP_ZERO zeroes, __GFP_NOFAIL never returns NULL; alloc_pages() of
 * order > MAX_PAGE_ORDER fails.  GFP semantics: see gfp_types.h.
 */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/gfp_types.h>
#include <linux/mmzone.h>
#include <linux/mm_types.h>

struct page;
struct folio;

static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

static inline bool gfp_has_io_fs(gfp_t gfp)
{
	return (gfp & (__GFP_IO | __GFP_FS)) == (__GFP_IO | __GFP_FS);
}

static inline int gfp_zone(gfp_t flags)
{
	return 0;
}

struct page *alloc_pages_noprof(gfp_t gfp, unsigned int order);
struct folio *folio_alloc_noprof(gfp_t gfp, unsigned int order);
unsigned long get_free_pages_noprof(gfp_t gfp_mask, unsigned int order);
unsigned long get_zeroed_page_noprof(gfp_t gfp_mask);
void *alloc_pages_exact_noprof(size_t size, gfp_t gfp_mask) __alloc_size(1);
void free_pages_exact(void *virt, size_t size);
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);

static inline struct page *alloc_pages_node_noprof(int nid, gfp_t gfp, unsigned int order)
{
	return alloc_pages_noprof(gfp, order);
}

static inline struct folio *__folio_alloc_noprof(gfp_t gfp, unsigned int order,
						 int nid, void *nodemask)
{
	return folio_alloc_noprof(gfp, order);
}

#define alloc_pages(...) alloc_hooks(alloc_pages_noprof(__VA_ARGS__))
#define alloc_pages_node(...) alloc_hooks(alloc_pages_node_noprof(__VA_ARGS__))
#define __alloc_pages_node(...) alloc_hooks(alloc_pages_node_noprof(__VA_ARGS__))
#define folio_alloc(...) alloc_hooks(folio_alloc_noprof(__VA_ARGS__))
#define __folio_alloc(...) alloc_hooks(__folio_alloc_noprof(__VA_ARGS__))
#define alloc_page(gfp_mask) alloc_pages(gfp_mask, 0)
#define __get_free_pages(...) alloc_hooks(get_free_pages_noprof(__VA_ARGS__))
#define __get_free_page(gfp_mask) __get_free_pages((gfp_mask), 0)
#define get_zeroed_page(...) alloc_hooks(get_zeroed_page_noprof(__VA_ARGS__))
#define alloc_pages_exact(...) alloc_hooks(alloc_pages_exact_noprof(__VA_ARGS__))
#define __free_page(page) __free_pages((page), 0)
#define free_page(addr) free_pages((addr), 0)

#ifndef alloc_hooks
#define alloc_hooks(_do_alloc) (_do_alloc)
#endif

#endif /* __LINUX_GFP_H */
