/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Page and folio state bits in page->flags, with the kernel's accessor
 * families: folio_test_X / folio_set_X / folio_clear_X (atomic),
 * __folio_set_X / __folio_clear_X (non-atomic, for pages nobody else can
 * see yet), folio_test_set_X / folio_test_clear_X (atomic RMW returning
 * the old bit, fully ordered) and the PageX / SetPageX / ClearPageX /
 * TestSetPageX / TestClearPageX forms on struct page, which act on the
 * page's folio (the head page holds the flags of a large folio).
 *
 * Ordering kept from the kernel: folio_mark_uptodate() publishes the
 * folio's contents before the bit (release) and folio_test_uptodate()
 * reads the bit before the contents (acquire).
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/mm_types.h>

enum pageflags {
	PG_locked,
	PG_writeback,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_head,
	PG_waiters,
	PG_active,
	PG_workingset,
	PG_owner_priv_1,
	PG_owner_2,
	PG_arch_1,
	PG_reserved,
	PG_private,
	PG_private_2,
	PG_reclaim,
	PG_swapbacked,
	PG_unevictable,
	PG_mlocked,
	__NR_PAGEFLAGS,

	PG_readahead = PG_reclaim,
	PG_swapcache = PG_owner_priv_1,
	PG_checked = PG_owner_priv_1,
	PG_anon_exclusive = PG_owner_2,
	PG_mappedtodisk = PG_owner_2,
	PG_fscache = PG_private_2,
	PG_isolated = PG_reclaim,
};

static __always_inline bool __kshim_pf_test(const unsigned long *w, int nr)
{
	return (__atomic_load_n(w, __ATOMIC_RELAXED) >> nr) & 1;
}

static __always_inline void __kshim_pf_set(unsigned long *w, int nr)
{
	__atomic_fetch_or(w, 1UL << nr, __ATOMIC_RELAXED);
}

static __always_inline void __kshim_pf_clear(unsigned long *w, int nr)
{
	__atomic_fetch_and(w, ~(1UL << nr), __ATOMIC_RELAXED);
}

static __always_inline bool __kshim_pf_test_set(unsigned long *w, int nr)
{
	return (__atomic_fetch_or(w, 1UL << nr, __ATOMIC_SEQ_CST) >> nr) & 1;
}

static __always_inline bool __kshim_pf_test_clear(unsigned long *w, int nr)
{
	return (__atomic_fetch_and(w, ~(1UL << nr), __ATOMIC_SEQ_CST) >> nr) & 1;
}

static __always_inline struct folio *__kshim_pf_folio(const struct page *p)
{
	return (struct folio *)compound_head(p);
}

/*
 * One flag, all accessors.  lname: folio-style name, uname: Page-style
 * name, bit: PG_ number.
 */
#define __KSHIM_FOLIO_TEST(lname, bit)                                      \
	static __always_inline bool folio_test_##lname(const struct folio *f) \
	{                                                                   \
		return __kshim_pf_test(&f->flags, bit);                     \
	}
#define __KSHIM_FOLIO_SETCLEAR(lname, bit)                                  \
	static __always_inline void folio_set_##lname(struct folio *f)      \
	{                                                                   \
		__kshim_pf_set(&f->flags, bit);                             \
	}                                                                   \
	static __always_inline void folio_clear_##lname(struct folio *f)    \
	{                                                                   \
		__kshim_pf_clear(&f->flags, bit);                           \
	}
#define __KSHIM_FOLIO_NONATOMIC(lname, bit)                                 \
	static __always_inline void __folio_set_##lname(struct folio *f)    \
	{                                                                   \
		f->flags |= 1UL << (bit);                                   \
	}                                                                   \
	static __always_inline void __folio_clear_##lname(struct folio *f)  \
	{                                                                   \
		f->flags &= ~(1UL << (bit));                                \
	}
#define __KSHIM_FOLIO_TESTSC(lname, bit)                                    \
	static __always_inline bool folio_test_set_##lname(struct folio *f) \
	{                                                                   \
		return __kshim_pf_test_set(&f->flags, bit);                 \
	}                                                                   \
	static __always_inline bool folio_test_clear_##lname(struct folio *f) \
	{                                                                   \
		return __kshim_pf_test_clear(&f->flags, bit);               \
	}
#define __KSHIM_PAGE_TEST(uname, lname)                                     \
	static __always_inline int Page##uname(const struct page *p)        \
	{                                                                   \
		return folio_test_##lname(__kshim_pf_folio(p));             \
	}
#define __KSHIM_PAGE_SETCLEAR(uname, lname)                                 \
	static __always_inline void SetPage##uname(struct page *p)          \
	{                                                                   \
		folio_set_##lname(__kshim_pf_folio(p));                     \
	}                                                                   \
	static __always_inline void ClearPage##uname(struct page *p)        \
	{                                                                   \
		folio_clear_##lname(__kshim_pf_folio(p));                   \
	}
#define __KSHIM_PAGE_NONATOMIC(uname, lname)                                \
	static __always_inline void __SetPage##uname(struct page *p)        \
	{                                                                   \
		__folio_set_##lname(__kshim_pf_folio(p));                   \
	}                                                                   \
	static __always_inline void __ClearPage##uname(struct page *p)      \
	{                                                                   \
		__folio_clear_##lname(__kshim_pf_folio(p));                 \
	}
#define __KSHIM_PAGE_TESTSC(uname, lname)                                   \
	static __always_inline int TestSetPage##uname(struct page *p)       \
	{                                                                   \
		return folio_test_set_##lname(__kshim_pf_folio(p));         \
	}                                                                   \
	static __always_inline int TestClearPage##uname(struct page *p)     \
	{                                                                   \
		return folio_test_clear_##lname(__kshim_pf_folio(p));       \
	}

/* test + atomic set/clear + non-atomic set/clear + test-and-set/clear */
#define __KSHIM_PAGEFLAG_ALL(uname, lname, bit)                             \
	__KSHIM_FOLIO_TEST(lname, bit)                                      \
	__KSHIM_FOLIO_SETCLEAR(lname, bit)                                  \
	__KSHIM_FOLIO_NONATOMIC(lname, bit)                                 \
	__KSHIM_FOLIO_TESTSC(lname, bit)                                    \
	__KSHIM_PAGE_TEST(uname, lname)                                     \
	__KSHIM_PAGE_SETCLEAR(uname, lname)                                 \
	__KSHIM_PAGE_NONATOMIC(uname, lname)                                \
	__KSHIM_PAGE_TESTSC(uname, lname)

__KSHIM_PAGEFLAG_ALL(Locked, locked, PG_locked)
__KSHIM_PAGEFLAG_ALL(Waiters, waiters, PG_waiters)
__KSHIM_PAGEFLAG_ALL(Referenced, referenced, PG_referenced)
__KSHIM_PAGEFLAG_ALL(Dirty, dirty, PG_dirty)
__KSHIM_PAGEFLAG_ALL(LRU, lru, PG_lru)
__KSHIM_PAGEFLAG_ALL(Active, active, PG_active)
__KSHIM_PAGEFLAG_ALL(Workingset, workingset, PG_workingset)
__KSHIM_PAGEFLAG_ALL(Checked, checked, PG_checked)
__KSHIM_PAGEFLAG_ALL(Reserved, reserved, PG_reserved)
__KSHIM_PAGEFLAG_ALL(SwapBacked, swapbacked, PG_swapbacked)
__KSHIM_PAGEFLAG_ALL(Private, private, PG_private)
__KSHIM_PAGEFLAG_ALL(Private2, private_2, PG_private_2)
__KSHIM_PAGEFLAG_ALL(Owner2, owner_2, PG_owner_2)
__KSHIM_PAGEFLAG_ALL(Writeback, writeback, PG_writeback)
__KSHIM_PAGEFLAG_ALL(MappedToDisk, mappedtodisk, PG_mappedtodisk)
__KSHIM_PAGEFLAG_ALL(Reclaim, reclaim, PG_reclaim)
__KSHIM_PAGEFLAG_ALL(Readahead, readahead, PG_readahead)
__KSHIM_PAGEFLAG_ALL(Unevictable, unevictable, PG_unevictable)
__KSHIM_PAGEFLAG_ALL(Mlocked, mlocked, PG_mlocked)
__KSHIM_PAGEFLAG_ALL(Isolated, isolated, PG_isolated)

/* PG_uptodate: test with acquire, mark with release, as the kernel */
static __always_inline bool folio_test_uptodate(const struct folio *folio)
{
	return (__atomic_load_n(&folio->flags, __ATOMIC_ACQUIRE) >>
		PG_uptodate) & 1;
}

static __always_inline void folio_mark_uptodate(struct folio *folio)
{
	__atomic_fetch_or(&folio->flags, 1UL << PG_uptodate, __ATOMIC_RELEASE);
}

static __always_inline void __folio_mark_uptodate(struct folio *folio)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
	folio->flags |= 1UL << PG_uptodate;
}

static __always_inline void folio_clear_uptodate(struct folio *folio)
{
	__kshim_pf_clear(&folio->flags, PG_uptodate);
}

static __always_inline int PageUptodate(const struct page *page)
{
	return folio_test_uptodate(__kshim_pf_folio(page));
}

static __always_inline void SetPageUptodate(struct page *page)
{
	folio_mark_uptodate(__kshim_pf_folio(page));
}

static __always_inline void __SetPageUptodate(struct page *page)
{
	__folio_mark_uptodate(__kshim_pf_folio(page));
}

static __always_inline void ClearPageUptodate(struct page *page)
{
	folio_clear_uptodate(__kshim_pf_folio(page));
}

/* never true in kshim */
static __always_inline bool folio_test_highmem(const struct folio *folio)
{
	return false;
}

static __always_inline int PageHighMem(const struct page *page)
{
	return 0;
}

static __always_inline bool folio_test_swapcache(const struct folio *folio)
{
	return false;
}

static __always_inline int PageSwapCache(const struct page *page)
{
	return 0;
}

static __always_inline bool folio_test_hugetlb(const struct folio *folio)
{
	return false;
}

static __always_inline bool folio_test_ksm(const struct folio *folio)
{
	return false;
}

static __always_inline bool folio_test_hwpoison(const struct folio *folio)
{
	return false;
}

static __always_inline int PageHWPoison(const struct page *page)
{
	return 0;
}

#define PAGE_MAPPING_ANON 0x1
#define PAGE_MAPPING_MOVABLE 0x2
#define PAGE_MAPPING_KSM (PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define PAGE_MAPPING_FLAGS (PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)

static __always_inline bool folio_test_anon(const struct folio *folio)
{
	return ((unsigned long)folio->mapping & PAGE_MAPPING_ANON) != 0;
}

static __always_inline bool PageAnon(const struct page *page)
{
	return folio_test_anon(__kshim_pf_folio(page));
}

/* compound (large) folios: order > 0 on the head; tails point to it */
static __always_inline bool folio_test_large(const struct folio *folio)
{
	return folio->_order > 0;
}

static __always_inline int PageTail(const struct page *page)
{
	return READ_ONCE(page->compound_head) & 1;
}

static __always_inline int PageHead(const struct page *page)
{
	return !PageTail(page) && page->order > 0;
}

static __always_inline int PageCompound(const struct page *page)
{
	return PageHead(page) || PageTail(page);
}

static __always_inline bool folio_test_head(const struct folio *folio)
{
	return folio_test_large(folio);
}

#define PAGE_FLAGS_CHECK_AT_FREE                                            \
	(1UL << PG_lru | 1UL << PG_locked | 1UL << PG_private |              \
	 1UL << PG_private_2 | 1UL << PG_writeback | 1UL << PG_reserved |    \
	 1UL << PG_active | 1UL << PG_unevictable | 1UL << PG_mlocked)

static inline int folio_has_private(const struct folio *folio)
{
	return !!(folio->flags & (1UL << PG_private | 1UL << PG_private_2));
}

static inline int page_has_private(const struct page *page)
{
	return folio_has_private(__kshim_pf_folio(page));
}

#endif /* _LINUX_PAGE_FLAGS_H */
