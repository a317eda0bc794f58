/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct page/folio helpers.  This first part is the memory area's:
 * allocation, reference counting and address translation over
 * compat/page_alloc.c.  Kernel guarantees kept: get/put pair on the
 * head page's count and the last put frees the whole folio;
 * virt_to_page() works for page-allocator, kmalloc and vmalloc memory
 * and round-trips with page_address(); page_to_pfn()/pfn_to_page()
 * round-trip (pfn = data address >> PAGE_SHIFT).
 * The page-cache parts (mapping, LRU, flags) follow further down and
 * belong to the VFS area.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/mmzone.h>
#include <linux/mm_types.h>
#include <linux/page_ref.h>
#include <linux/overflow.h>

/* ---- allocation, references, addresses (memory area) ---- */

#ifndef PAGE_ALIGN_DOWN
#define PAGE_ALIGN_DOWN(addr) ((addr) & PAGE_MASK)
#endif

/* frees a folio whose count reached zero (compat/page_alloc.c) */
void __folio_put(struct folio *folio);
/* the struct page of any address: page allocator, kmalloc, vmalloc */
struct page *kshim_virt_to_page(const void *addr);
bool kshim_is_vmalloc_addr(const void *addr);
/* pages currently allocated by the page allocator (tests) */
long kshim_pages_in_use(void);

static inline bool is_vmalloc_addr(const void *x)
{
	return kshim_is_vmalloc_addr(x);
}

void kvfree(const void *addr);

#define virt_to_page(addr) kshim_virt_to_page((const void *)(addr))
#define virt_to_head_page(addr) compound_head(virt_to_page(addr))
#define virt_to_folio(addr) page_folio(virt_to_page(addr))
#define virt_addr_valid(addr) ((unsigned long)(addr) > PAGE_SIZE)
#define page_to_virt(page) page_address(page)
#define page_to_pfn(page) ((unsigned long)page_address(page) >> PAGE_SHIFT)
#define pfn_to_page(pfn) kshim_virt_to_page((const void *)((unsigned long)(pfn) << PAGE_SHIFT))
#define page_to_phys(page) ((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)
#define virt_to_pfn(addr) ((unsigned long)(addr) >> PAGE_SHIFT)
#define pfn_valid(pfn) ((pfn) != 0)
/* struct pages of one allocation are one array */
#define nth_page(page, n) ((page) + (n))
#define folio_page_idx(folio, p) ((p) - &(folio)->page)
#define page_to_nid(page) 0
#define folio_nid(folio) 0
#define want_init_on_alloc(flags) false
#define want_init_on_free() false

static inline unsigned long folio_pfn(const struct folio *folio)
{
	return page_to_pfn(&folio->page);
}

static inline struct folio *pfn_folio(unsigned long pfn)
{
	return page_folio(pfn_to_page(pfn));
}

static inline size_t offset_in_folio_fn(const struct folio *folio, const void *p)
{
	return (unsigned long)p & (folio_size(folio) - 1);
}
#define offset_in_folio(folio, p) offset_in_folio_fn(folio, (const void *)(p))

static inline unsigned int compound_order(const struct page *page)
{
	const struct page *head = compound_head(page);

	return head == page ? page->order : 0;
}

static inline unsigned long compound_nr(const struct page *page)
{
	return 1UL << compound_order(page);
}

static inline unsigned long page_size(const struct page *page)
{
	return PAGE_SIZE << compound_order(page);
}

static inline unsigned int page_shift(const struct page *page)
{
	return PAGE_SHIFT + compound_order(page);
}

static inline struct folio *folio_next(struct folio *folio)
{
	return (struct folio *)folio_page(folio, folio_nr_pages(folio));
}

static inline void folio_get(struct folio *folio)
{
	VM_BUG_ON_FOLIO(folio_ref_count(folio) <= 0, folio);
	folio_ref_inc(folio);
}

static inline void get_page(struct page *page)
{
	folio_get(page_folio(page));
}

static inline bool try_get_page(struct page *page)
{
	struct folio *folio = page_folio(page);

	if (WARN_ON_ONCE(folio_ref_count(folio) <= 0))
		return false;
	folio_ref_inc(folio);
	return true;
}

static inline bool get_page_unless_zero(struct page *page)
{
	return page_ref_add_unless(compound_head(page), 1, 0);
}

static inline bool folio_put_testzero(struct folio *folio)
{
	VM_BUG_ON_FOLIO(folio_ref_count(folio) == 0, folio);
	return folio_ref_dec_and_test(folio);
}

static inline bool put_page_testzero(struct page *page)
{
	return folio_put_testzero(page_folio(page));
}

static inline void folio_put(struct folio *folio)
{
	if (folio_put_testzero(folio))
		__folio_put(folio);
}

static inline void folio_put_refs(struct folio *folio, int refs)
{
	if (folio_ref_sub_and_test(folio, refs))
		__folio_put(folio);
}

static inline void put_page(struct page *page)
{
	folio_put(page_folio(page));
}

/* page-cache folio allocation; pagemap.h maps filemap_alloc_folio() here */
struct folio *filemap_alloc_folio_noprof(gfp_t gfp, unsigned int order);

unsigned long kshim_totalram_pages(void);
#define totalram_pages() kshim_totalram_pages()

/* ---- page cache and the rest (VFS area) below ---- */

#endif /* _LINUX_MM_H */
