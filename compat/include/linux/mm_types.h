/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct page and struct folio.  kshim has no memory map: each struct page
 * carries a pointer to its PAGE_SIZE bytes of data (`virtual`), allocated
 * page-aligned.  A folio is its first page viewed as a whole (the kernel's
 * layout: the folio's fields overlay the head page); a large folio of
 * order N is 2^N struct pages allocated together, the tail pages pointing
 * at the head through compound_head, their data contiguous.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock_types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGNED(addr) (((unsigned long)(addr) & (PAGE_SIZE - 1)) == 0)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#define PAGE_SECTORS_SHIFT (PAGE_SHIFT - 9)
#define PAGE_SECTORS (1 << PAGE_SECTORS_SHIFT)
#define MAX_PAGE_ORDER 10
#define MAX_PAGECACHE_ORDER 8

struct address_space;
struct kmem_cache;

struct page {
	unsigned long flags;		/* PG_* bits, atomic bitops */
	union {
		struct list_head lru;
		struct {
			void *__filler;
			unsigned int mlock_count;
		};
	};
	struct address_space *mapping;
	pgoff_t index;
	unsigned long private;
	atomic_t _mapcount;
	atomic_t _refcount;
	unsigned long compound_head;	/* head page | 1 on tail pages */
	unsigned int order;		/* on the head page */
	void *virtual;			/* this page's data */
	void *kshim_private;		/* owner-private (page cache LRU, ...) */
	struct list_head kshim_lru;	/* kshim's own reclaim list */
};

struct folio {
	union {
		struct {
			unsigned long flags;
			union {
				struct list_head lru;
				struct {
					void *__filler;
					unsigned int mlock_count;
				};
			};
			struct address_space *mapping;
			pgoff_t index;
			union {
				void *private;
				unsigned long __private_ul;
			};
			atomic_t _mapcount;
			atomic_t _refcount;
			unsigned long _compound_head;
			unsigned int _order;
			void *_virtual;
			void *kshim_private;
			struct list_head kshim_lru;
		};
		struct page page;
	};
};

_Static_assert(sizeof(struct folio) == sizeof(struct page),
	       "struct folio must overlay struct page");

static inline struct page *compound_head(const struct page *page)
{
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

#define page_folio(p) ((struct folio *)compound_head(p))
#define folio_page(folio, n) (&(folio)->page + (n))
#define page_address(pg) ((void *)((const struct page *)(pg))->virtual)
#define lowmem_page_address(pg) page_address(pg)

static inline void *folio_address(const struct folio *folio)
{
	return folio->_virtual;
}

static inline unsigned int folio_order(const struct folio *folio)
{
	return folio->_order;
}

static inline long folio_nr_pages(const struct folio *folio)
{
	return 1L << folio->_order;
}

static inline size_t folio_size(const struct folio *folio)
{
	return PAGE_SIZE << folio->_order;
}

static inline unsigned int folio_shift(const struct folio *folio)
{
	return PAGE_SHIFT + folio->_order;
}

#endif /* _LINUX_MM_TYPES_H */
