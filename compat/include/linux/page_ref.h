/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page and folio reference counts.  Kernel guarantees kept: the count is
 * atomic; the operations that return a value are fully ordered; a frozen
 * count (0) makes folio_try_get() fail until it is unfrozen; the count of
 * a large folio lives in its head page only.
 */
#ifndef _LINUX_PAGE_REF_H
#define _LINUX_PAGE_REF_H

#include <linux/atomic.h>
#include <linux/mm_types.h>

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

static inline int folio_ref_count(const struct folio *folio)
{
	return page_ref_count(&folio->page);
}

static inline int page_count(const struct page *page)
{
	return folio_ref_count(page_folio(page));
}

static inline void set_page_count(struct page *page, int v)
{
	atomic_set(&page->_refcount, v);
}

static inline void folio_set_count(struct folio *folio, int v)
{
	set_page_count(&folio->page, v);
}

static inline void init_page_count(struct page *page)
{
	set_page_count(page, 1);
}

static inline void page_ref_add(struct page *page, int nr)
{
	atomic_add(nr, &page->_refcount);
}

static inline void page_ref_sub(struct page *page, int nr)
{
	atomic_sub(nr, &page->_refcount);
}

static inline int folio_ref_sub_return(struct folio *folio, int nr)
{
	return atomic_sub_return(nr, &folio->page._refcount);
}

static inline void page_ref_inc(struct page *page)
{
	atomic_inc(&page->_refcount);
}

static inline void page_ref_dec(struct page *page)
{
	atomic_dec(&page->_refcount);
}

static inline int page_ref_sub_and_test(struct page *page, int nr)
{
	return atomic_sub_and_test(nr, &page->_refcount);
}

static inline int page_ref_inc_return(struct page *page)
{
	return atomic_inc_return(&page->_refcount);
}

static inline int page_ref_dec_and_test(struct page *page)
{
	return atomic_dec_and_test(&page->_refcount);
}

static inline int page_ref_dec_return(struct page *page)
{
	return atomic_dec_return(&page->_refcount);
}

static inline bool page_ref_add_unless(struct page *page, int nr, int u)
{
	return atomic_add_unless(&page->_refcount, nr, u);
}

static inline bool folio_ref_add_unless(struct folio *folio, int nr, int u)
{
	return page_ref_add_unless(&folio->page, nr, u);
}

/* take a reference unless the count is zero (being freed or frozen) */
static inline bool folio_try_get(struct folio *folio)
{
	return folio_ref_add_unless(folio, 1, 0);
}

static inline bool folio_ref_try_add(struct folio *folio, int count)
{
	return folio_ref_add_unless(folio, count, 0);
}
#define folio_ref_try_add_rcu(folio, count) folio_ref_try_add(folio, count)
#define folio_try_get_rcu(folio) folio_try_get(folio)

static inline int page_ref_freeze(struct page *page, int count)
{
	return likely(atomic_cmpxchg(&page->_refcount, count, 0) == count);
}

static inline void page_ref_unfreeze(struct page *page, int count)
{
	atomic_set_release(&page->_refcount, count);
}

/* the folio forms act on the head page */
#define folio_ref_add(folio, nr) page_ref_add(&(folio)->page, nr)
#define folio_ref_sub(folio, nr) page_ref_sub(&(folio)->page, nr)
#define folio_ref_inc(folio) page_ref_inc(&(folio)->page)
#define folio_ref_dec(folio) page_ref_dec(&(folio)->page)
#define folio_ref_sub_and_test(folio, nr) page_ref_sub_and_test(&(folio)->page, nr)
#define folio_ref_inc_return(folio) page_ref_inc_return(&(folio)->page)
#define folio_ref_dec_and_test(folio) page_ref_dec_and_test(&(folio)->page)
#define folio_ref_dec_return(folio) page_ref_dec_return(&(folio)->page)
#define folio_ref_freeze(folio, count) page_ref_freeze(&(folio)->page, count)
#define folio_ref_unfreeze(folio, count) page_ref_unfreeze(&(folio)->page, count)

#endif /* _LINUX_PAGE_REF_H */
