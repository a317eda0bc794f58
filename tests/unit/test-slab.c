// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of the allocators: kmalloc sizes, alignment, zeroing and
 * krealloc; kmem caches' ctor, alignment, statistics, leak warning and
 * SLAB_TYPESAFE_BY_RCU; fault injection; kvmalloc/vmalloc; pages and
 * folios (alignment, contiguity, address round trips, refcounts); the
 * memory cap and shrinkers; mempools; duplication helpers; overflow.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/vmalloc.h>
#include <linux/shrinker.h>
#include <linux/mempool.h>
#include <linux/overflow.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <kshim/host.h>
#include <kshim/host-mem.h>
#include <kshim/runtime.h>
#include "ktest.h"
#include "ktest-case.h"

#define IS_ALIGNED_TO(p, a) (((unsigned long)(p) & ((a) - 1)) == 0)

KTEST(kmalloc_zero_size_and_null)
{
	void *p = kmalloc(0, GFP_KERNEL);

	KT_EXPECT(p == ZERO_SIZE_PTR);
	KT_EXPECT(ZERO_OR_NULL_PTR(p));
	kfree(p);
	kfree(NULL);
	KT_EXPECT_EQ(ksize(NULL), 0);
	KT_EXPECT(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN) == NULL);
}

KTEST(kmalloc_alignment_and_ksize)
{
	size_t size;

	for (size = 1; size <= 3 * PAGE_SIZE; size = size * 2 + (size & 1)) {
		unsigned char *p = kmalloc(size, GFP_KERNEL);
		size_t ks;

		KT_ASSERT(p);
		ks = ksize(p);
		KT_EXPECT(ks >= size);
		KT_EXPECT(IS_ALIGNED_TO(p, 8));
		if (!(size & (size - 1)) && size >= 8)
			KT_EXPECT(IS_ALIGNED_TO(p, min_t(size_t, size, PAGE_SIZE)));
		if (size >= PAGE_SIZE)
			KT_EXPECT(IS_ALIGNED_TO(p, PAGE_SIZE));
		memset(p, 0xa5, ks);	/* all of ksize is usable */
		kfree(p);
	}
}

KTEST(kzalloc_and_kcalloc_zero)
{
	size_t volatile huge;
	int round, i;

	for (round = 0; round < 100; round++) {
		unsigned char *dirty = kmalloc(200, GFP_KERNEL);
		unsigned char *z;
		u32 *c;

		memset(dirty, 0xff, 200);
		kfree(dirty);
		z = kzalloc(200, GFP_KERNEL);
		c = kcalloc(50, sizeof(u32), GFP_KERNEL);
		KT_ASSERT(z && c);
		for (i = 0; i < 200; i++)
			if (z[i])
				break;
		KT_EXPECT_EQ(i, 200);
		for (i = 0; i < 50; i++)
			if (c[i])
				break;
		KT_EXPECT_EQ(i, 50);
		kfree(z);
		kfree(c);
	}
	/* an overflowing count, opaque to the compiler: the check is at run time */
	huge = SIZE_MAX / 2;
	KT_EXPECT(kmalloc_array(huge, 4, GFP_KERNEL) == NULL);
	KT_EXPECT(kcalloc(huge, 4, GFP_KERNEL) == NULL);
}

KTEST(krealloc_keeps_contents)
{
	char *p = kmalloc(16, GFP_KERNEL), *q;
	int i;

	for (i = 0; i < 16; i++)
		p[i] = i;
	q = krealloc(p, 100000, GFP_KERNEL);
	KT_ASSERT(q);
	for (i = 0; i < 16; i++)
		KT_EXPECT_EQ(q[i], i);
	KT_EXPECT(ksize(q) >= 100000);
	q = krealloc_array(q, 8, 2, GFP_KERNEL);	/* shrinking keeps it */
	for (i = 0; i < 16; i++)
		KT_EXPECT_EQ(q[i], i);
	KT_EXPECT(krealloc(q, 0, GFP_KERNEL) == ZERO_SIZE_PTR);
	p = krealloc(NULL, 10, GFP_KERNEL | __GFP_ZERO);
	KT_EXPECT(p && !p[9]);
	kfree_sensitive(p);
}

struct thing {
	int constructed;
	int payload;
	char name[40];
};

static int ctor_calls;

static void thing_ctor(void *obj)
{
	struct thing *t = obj;

	ctor_calls++;
	t->constructed = 0xc0ffee;
	t->payload = 0;
}

KTEST(cache_ctor_runs_once_per_object)
{
	struct kmem_cache *c = kmem_cache_create("thing", sizeof(struct thing), 0,
						 SLAB_RECLAIM_ACCOUNT | SLAB_ACCOUNT,
						 thing_ctor);
	struct thing *t[10];
	int i;

	KT_ASSERT(c);
	KT_EXPECT_EQ(kmem_cache_size(c), sizeof(struct thing));
	for (i = 0; i < 10; i++) {
		t[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KT_ASSERT(t[i]);
		KT_EXPECT_EQ(t[i]->constructed, 0xc0ffee);
	}
	KT_EXPECT_EQ(ctor_calls, 10);
	for (i = 0; i < 10; i++) {
		t[i]->payload = 7;	/* the state a user leaves behind */
		kmem_cache_free(c, t[i]);
	}
	for (i = 0; i < 10; i++) {
		t[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KT_EXPECT_EQ(t[i]->constructed, 0xc0ffee);
		KT_EXPECT_EQ(t[i]->payload, 7);	/* reused, not re-constructed */
	}
	KT_EXPECT_EQ(ctor_calls, 10);
	for (i = 0; i < 10; i++)
		kmem_cache_free(c, t[i]);
	kmem_cache_destroy(c);
}

struct aligned_thing {
	char c[24];
};

KTEST(cache_alignment_and_zalloc)
{
	struct kmem_cache *hw = kmem_cache_create("hw", 24, 0, SLAB_HWCACHE_ALIGN, NULL);
	struct kmem_cache *a256 = kmem_cache_create("a256", 24, 256, 0, NULL);
	struct kmem_cache *km = KMEM_CACHE(aligned_thing, SLAB_MEM_SPREAD);
	struct kmem_cache_args args = { .align = 128 };
	struct kmem_cache *ka = kmem_cache_create("args", 40, &args, 0);
	void *p[64];
	int i;

	KT_ASSERT(hw && a256 && km && ka);
	for (i = 0; i < 64; i++) {
		p[i] = kmem_cache_alloc(hw, GFP_KERNEL);
		KT_EXPECT(IS_ALIGNED_TO(p[i], 64));
		memset(p[i], 0xee, 24);
	}
	for (i = 0; i < 64; i++)
		kmem_cache_free(hw, p[i]);
	for (i = 0; i < 64; i++) {
		unsigned char *z = kmem_cache_zalloc(hw, GFP_KERNEL);

		KT_EXPECT(z[0] == 0 && z[23] == 0);
		p[i] = z;
	}
	for (i = 0; i < 64; i++)
		kmem_cache_free(hw, p[i]);
	for (i = 0; i < 16; i++) {
		p[i] = kmem_cache_alloc(a256, GFP_KERNEL);
		KT_EXPECT(IS_ALIGNED_TO(p[i], 256));
		p[16 + i] = kmem_cache_alloc(ka, GFP_KERNEL);
		KT_EXPECT(IS_ALIGNED_TO(p[16 + i], 128));
	}
	for (i = 0; i < 16; i++) {
		kmem_cache_free(a256, p[i]);
		kmem_cache_free(ka, p[16 + i]);
	}
	kmem_cache_destroy(hw);
	kmem_cache_destroy(a256);
	kmem_cache_destroy(km);
	kmem_cache_destroy(ka);
	kmem_cache_destroy(NULL);
}

KTEST(cache_stats_and_leak_warning)
{
	struct kmem_cache *c = kmem_cache_create("stats", 100, 0, 0, NULL);
	struct kshim_slab_stats st;
	long leaks = kshim_slab_leak_reports();
	void *p[5];
	int i;

	for (i = 0; i < 5; i++)
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
	kmem_cache_free(c, p[4]);
	kmem_cache_free(c, p[3]);
	p[3] = kmem_cache_alloc(c, GFP_KERNEL);
	kshim_slab_stats(c, &st);
	KT_EXPECT_EQ(st.in_use, 4);
	KT_EXPECT_EQ(st.total, 6);
	KT_EXPECT_EQ(st.peak, 5);
	ktest_note("a kmem_cache_destroy WARNING is expected");
	kmem_cache_destroy(c);	/* 4 objects still allocated */
	KT_EXPECT_EQ(kshim_slab_leak_reports(), leaks + 1);
	for (i = 0; i < 4; i++)
		kmem_cache_free(c, p[i]);
	kmem_cache_destroy(c);
	KT_EXPECT_EQ(kshim_slab_leak_reports(), leaks + 1);
}

struct rcu_thing {
	unsigned long magic;
	char pad[56];
};

static int ts_in, ts_bad;
static struct rcu_thing *ts_obj;

static void *typesafe_reader(void *arg)
{
	unsigned long end;

	kshim_thread_enter("typesafe_reader");
	rcu_read_lock();
	__atomic_store_n(&ts_in, 1, __ATOMIC_RELEASE);
	end = kshim_host_monotonic_ns() + 200000000ULL;
	while (kshim_host_monotonic_ns() < end) {
		if (READ_ONCE(ts_obj->magic) != 0x7e57)
			ts_bad++;
		kshim_host_sleep_ns(1000000);
	}
	rcu_read_unlock();
	return NULL;
}

/* memory of a TYPESAFE_BY_RCU object outlives a reader (ASan checks) */
KTEST(typesafe_by_rcu_defers_free)
{
	struct kmem_cache *c = kmem_cache_create("typesafe", sizeof(struct rcu_thing),
						 0, SLAB_TYPESAFE_BY_RCU, NULL);
	struct kshim_slab_stats st;
	kshim_host_thread_t t;
	int i;

	ts_obj = kmem_cache_alloc(c, GFP_KERNEL);
	ts_obj->magic = 0x7e57;
	KT_ASSERT_EQ(kshim_host_thread_create(&t, "r", typesafe_reader, NULL), 0);
	while (!__atomic_load_n(&ts_in, __ATOMIC_ACQUIRE))
		kshim_host_sleep_ns(100000);
	kmem_cache_free(c, ts_obj);
	for (i = 0; i < 1000; i++)
		kfree(kmalloc(sizeof(struct rcu_thing) + 16, GFP_KERNEL));
	kshim_host_thread_join(t, NULL);
	KT_EXPECT_EQ(ts_bad, 0);
	kshim_slab_stats(c, &st);
	KT_EXPECT_EQ(st.in_use, 0);
	kmem_cache_destroy(c);
}

KTEST(fault_injection_nth_spares_nofail)
{
	void *a, *b, *c, *d;

	kshim_fail_alloc_nth(2);
	a = kmalloc(32, GFP_KERNEL);
	b = kmalloc(32, GFP_KERNEL | __GFP_NOFAIL);	/* not counted */
	c = kmalloc(32, GFP_KERNEL);			/* the 2nd counted */
	d = kmalloc(32, GFP_KERNEL);
	KT_EXPECT(a != NULL);
	KT_EXPECT(b != NULL);
	KT_EXPECT(c == NULL);
	KT_EXPECT(d != NULL);
	KT_EXPECT_EQ(kshim_fail_alloc_injected(), 1);
	kfree(a);
	kfree(b);
	kfree(d);
	kshim_fail_alloc_reset();
}

static int other_failures;

static void *other_thread_allocs(void *arg)
{
	int i;

	kshim_thread_enter("other");
	for (i = 0; i < 100; i++) {
		void *p = kmalloc(16, GFP_KERNEL);

		if (!p)
			other_failures++;
		kfree(p);
	}
	return NULL;
}

KTEST(fault_injection_every_and_thread_filter)
{
	kshim_host_thread_t t;
	struct page *pg;
	int i, fails = 0;

	kshim_fail_alloc_every(3);
	for (i = 0; i < 30; i++) {
		void *p = kmalloc(16, GFP_KERNEL);

		fails += !p;
		kfree(p);
	}
	KT_EXPECT_EQ(fails, 10);
	pg = alloc_pages(GFP_KERNEL | __GFP_NOFAIL, 0);
	KT_EXPECT(pg != NULL);
	__free_pages(pg, 0);

	kshim_fail_alloc_every(1);
	kshim_fail_alloc_thread_filter(true);
	kshim_fail_alloc_thread_enable(true);
	KT_EXPECT(kmalloc(16, GFP_KERNEL) == NULL);
	KT_EXPECT(alloc_page(GFP_KERNEL) == NULL);
	KT_EXPECT(vmalloc(100) == NULL);
	KT_ASSERT_EQ(kshim_host_thread_create(&t, "other", other_thread_allocs, NULL), 0);
	kshim_host_thread_join(t, NULL);
	KT_EXPECT_EQ(other_failures, 0);
	kshim_fail_alloc_thread_enable(false);
	kshim_fail_alloc_reset();
}

KTEST(kvmalloc_64mib)
{
	size_t size = 64UL << 20, i;
	unsigned char *p;

	KT_EXPECT(kmalloc(size, GFP_KERNEL | __GFP_NOWARN) == NULL);
	p = kvmalloc(size, GFP_KERNEL);
	KT_ASSERT(p);
	KT_EXPECT(is_vmalloc_addr(p));
	for (i = 0; i < size; i += PAGE_SIZE)
		p[i] = (unsigned char)i;
	p[size - 1] = 1;
	kvfree(p);
	p = kvzalloc(100, GFP_KERNEL);
	KT_EXPECT(!is_vmalloc_addr(p));
	KT_EXPECT(p[99] == 0);
	kvfree(p);
	p = vzalloc(3 * PAGE_SIZE);
	KT_EXPECT(is_vmalloc_addr(p) && p[3 * PAGE_SIZE - 1] == 0);
	p = kvrealloc(p, 5 * PAGE_SIZE, GFP_KERNEL | __GFP_ZERO);
	KT_EXPECT(p && p[5 * PAGE_SIZE - 1] == 0);
	kvfree(p);
	vfree(NULL);
}

KTEST(pages_aligned_contiguous_and_translatable)
{
	unsigned int order;

	for (order = 0; order <= 3; order++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		unsigned long nr = 1UL << order, i;
		char *base;

		KT_ASSERT(page);
		base = page_address(page);
		KT_EXPECT(IS_ALIGNED_TO(base, PAGE_SIZE));
		KT_EXPECT(IS_ALIGNED_TO(base, PAGE_SIZE << order));
		KT_EXPECT_EQ(page_ref_count(page), 1);
		for (i = 0; i < nr; i++) {
			struct page *p = nth_page(page, i);

			KT_EXPECT(page_address(p) == base + i * PAGE_SIZE);
			KT_EXPECT(virt_to_page(base + i * PAGE_SIZE + 100) == p);
			KT_EXPECT(pfn_to_page(page_to_pfn(p)) == p);
			KT_EXPECT(compound_head(p) == page);
		}
		KT_EXPECT(base[nr * PAGE_SIZE - 1] == 0);
		memset(base, 0x5a, nr * PAGE_SIZE);	/* one contiguous range */
		__free_pages(page, order);
	}
	KT_EXPECT(alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1) == NULL);
}

/*
 * Page-sized blocks come from a pool of pre-touched blocks (compat/host/
 * jemalloc.c) refilled by a thread: whatever the pool does, every block
 * is page-aligned, distinct from every other live block, zeroed when
 * __GFP_ZERO asks, and freeable; also across many refills and in a child
 * process after fork() (where the refill thread does not exist).
 */
#define POOL_TEST_PAGES 3000

static int count_bad_blocks(struct page **pages, int n)
{
	int i, j, bad = 0;

	for (i = 0; i < n; i++) {
		unsigned long *w = page_address(pages[i]);

		if (!IS_ALIGNED_TO(w, PAGE_SIZE) || w[0] || w[PAGE_SIZE / 8 - 1])
			bad++;
		w[0] = (unsigned long)i + 1;	/* a mark only this block has */
	}
	for (i = 0; i < n; i++) {
		unsigned long *w = page_address(pages[i]);

		if (w[0] != (unsigned long)i + 1)
			bad++;
		for (j = i + 1; j < n && j < i + 8; j++)
			if (page_address(pages[j]) == (void *)w)
				bad++;
	}
	return bad;
}

static void pool_child(void)
{
	static void *blocks[POOL_TEST_PAGES];
	int i, bad = 0;

	for (i = 0; i < POOL_TEST_PAGES; i++) {
		blocks[i] = kshim_host_mem_alloc(PAGE_SIZE, PAGE_SIZE);
		if (!blocks[i] || !IS_ALIGNED_TO(blocks[i], PAGE_SIZE))
			bad++;
		else
			memset(blocks[i], i & 0xff, PAGE_SIZE);
	}
	for (i = 0; i < POOL_TEST_PAGES; i++) {
		if (blocks[i] &&
		    ((unsigned char *)blocks[i])[PAGE_SIZE - 1] != (i & 0xff))
			bad++;
		kshim_host_mem_free(blocks[i]);
	}
	/* no exit handlers (a leak check) in this copy of a threaded process */
	kshim_host_exit_now(bad ? 1 : 0);
}

KTEST(page_sized_blocks_from_the_pool)
{
	struct page **pages = kvmalloc_array(POOL_TEST_PAGES, sizeof(*pages),
					     GFP_KERNEL);
	int i, round;

	KT_ASSERT(pages);
	for (round = 0; round < 2; round++) {
		for (i = 0; i < POOL_TEST_PAGES; i++) {
			pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
			KT_ASSERT(pages[i]);
		}
		KT_EXPECT_EQ(count_bad_blocks(pages, POOL_TEST_PAGES), 0);
		for (i = 0; i < POOL_TEST_PAGES; i++)
			__free_page(pages[i]);
	}
	kvfree(pages);

	/* after fork(): the child has no refill thread, the pool still works */
	KT_EXPECT_EQ(ktest_run_in_child(pool_child), 256);
}

KTEST(free_page_family)
{
	unsigned long a = __get_free_pages(GFP_KERNEL, 2);
	unsigned long z = get_zeroed_page(GFP_KERNEL);
	void *ex = alloc_pages_exact(3 * PAGE_SIZE, GFP_KERNEL);
	long before = kshim_pages_in_use();

	KT_ASSERT(a && z && ex);
	KT_EXPECT(IS_ALIGNED_TO(a, PAGE_SIZE));
	KT_EXPECT(((char *)z)[PAGE_SIZE - 1] == 0);
	KT_EXPECT(virt_to_page(a)->virtual == (void *)a);
	free_pages(a, 2);
	free_page(z);
	free_pages_exact(ex, 3 * PAGE_SIZE);
	KT_EXPECT_EQ(kshim_pages_in_use(), before - 4 - 1 - 4);
}

KTEST(folio_put_frees_at_zero)
{
	long before = kshim_pages_in_use();
	struct folio *folio = folio_alloc(GFP_KERNEL, 2);
	struct page *tail;

	KT_ASSERT(folio);
	KT_EXPECT_EQ(folio_nr_pages(folio), 4);
	KT_EXPECT_EQ(folio_size(folio), 4 * PAGE_SIZE);
	KT_EXPECT_EQ(kshim_pages_in_use(), before + 4);
	tail = folio_page(folio, 3);
	KT_EXPECT(page_folio(tail) == folio);
	KT_EXPECT(virt_to_folio((char *)folio_address(folio) + 3 * PAGE_SIZE + 5) == folio);
	KT_EXPECT_EQ(offset_in_folio(folio, (char *)folio_address(folio) + 5000), 5000);
	folio_get(folio);
	get_page(tail);			/* counts on the head */
	KT_EXPECT_EQ(folio_ref_count(folio), 3);
	KT_EXPECT_EQ(page_count(tail), 3);
	put_page(tail);
	folio_put(folio);
	KT_EXPECT_EQ(kshim_pages_in_use(), before + 4);	/* one reference left */
	KT_EXPECT(folio_try_get(folio));
	folio_put_refs(folio, 2);
	KT_EXPECT_EQ(kshim_pages_in_use(), before);
	folio = filemap_alloc_folio_noprof(GFP_KERNEL, 0);
	KT_EXPECT(folio_ref_freeze(folio, 1));
	KT_EXPECT(!folio_try_get(folio));
	folio_ref_unfreeze(folio, 1);
	folio_put(folio);
	KT_EXPECT_EQ(kshim_pages_in_use(), before);
}

KTEST(virt_to_page_of_kmalloc_memory)
{
	char *buf = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	char *small = kmalloc(100, GFP_KERNEL);
	static char static_buf[64];
	struct page *p;

	p = virt_to_page(buf + PAGE_SIZE + 10);
	KT_EXPECT((char *)page_address(p) + offset_in_page(buf + PAGE_SIZE + 10) ==
		  buf + PAGE_SIZE + 10);
	KT_EXPECT(virt_to_page(buf + PAGE_SIZE + 20) == p);	/* stable */
	p = virt_to_page(small);
	KT_EXPECT((char *)page_address(p) + offset_in_page(small) == small);
	get_page(p);
	put_page(p);		/* never frees kmalloc memory */
	small[99] = 1;
	p = virt_to_page(static_buf);
	KT_EXPECT(page_address(p) == (void *)((unsigned long)static_buf & PAGE_MASK));
	kfree(buf);
	kfree(small);
}

KTEST(highmem_helpers_cross_pages)
{
	struct folio *folio = folio_alloc(GFP_KERNEL, 1);
	struct page *page = &folio->page;
	char buf[32], *kaddr;
	int i;

	memset(folio_address(folio), 0x11, 2 * PAGE_SIZE);
	memcpy_to_page(page, PAGE_SIZE - 8, "0123456789abcdef", 16);
	memcpy_from_folio(buf, folio, PAGE_SIZE - 8, 16);
	KT_EXPECT(!memcmp(buf, "0123456789abcdef", 16));
	zero_user_segments(page, 0, 4, PAGE_SIZE + 104, PAGE_SIZE + 108);
	kaddr = kmap_local_folio(folio, 0);
	KT_EXPECT(kaddr[3] == 0 && kaddr[4] == 0x11);
	KT_EXPECT(kaddr[PAGE_SIZE + 103] == 0x11 && kaddr[PAGE_SIZE + 104] == 0 &&
		  kaddr[PAGE_SIZE + 107] == 0 && kaddr[PAGE_SIZE + 108] == 0x11);
	kunmap_local(kaddr);
	folio_zero_range(folio, 100, 10);
	kaddr = kmap_local_page(page);
	for (i = 100; i < 110; i++)
		KT_EXPECT(kaddr[i] == 0);
	KT_EXPECT(kaddr[110] == 0x11);
	kunmap_local(kaddr);
	memzero_page(folio_page(folio, 1), PAGE_SIZE - 1, 1);
	KT_EXPECT(((char *)folio_address(folio))[2 * PAGE_SIZE - 1] == 0);
	folio_fill_tail(folio, 10, "xy", 2);
	KT_EXPECT(((char *)folio_address(folio))[11] == 'y');
	KT_EXPECT(((char *)folio_address(folio))[12] == 0);
	KT_EXPECT(((char *)folio_address(folio))[2 * PAGE_SIZE - 2] == 0);
	folio_put(folio);
}

/* ---- cap and shrinkers ---- */

struct cached {
	struct list_head node;
	char data[4096 - sizeof(struct list_head)];
};

static LIST_HEAD(cache_list);
static DEFINE_SPINLOCK(cache_lock);
static long cache_nr, scan_calls, fs_refusals;

static unsigned long test_count(struct shrinker *s, struct shrink_control *sc)
{
	return READ_ONCE(cache_nr) ? READ_ONCE(cache_nr) : SHRINK_EMPTY;
}

static unsigned long test_scan(struct shrinker *s, struct shrink_control *sc)
{
	unsigned long freed = 0;
	struct cached *c;

	scan_calls++;
	if (!(sc->gfp_mask & __GFP_FS)) {
		fs_refusals++;
		return SHRINK_STOP;
	}
	while (freed < sc->nr_to_scan) {
		spin_lock(&cache_lock);
		c = list_first_entry_or_null(&cache_list, struct cached, node);
		if (c) {
			list_del(&c->node);
			cache_nr--;
		}
		spin_unlock(&cache_lock);
		if (!c)
			break;
		kfree(c);
		freed++;
	}
	return freed;
}

KTEST_TIMEOUT(shrinker_keeps_usage_under_cap, 60)
{
	struct shrinker *s = shrinker_alloc(0, "test-%d", 1);
	unsigned long base = kshim_memory_usage();
	unsigned long limit = base + (16UL << 20);
	int i;

	KT_ASSERT(s);
	KT_EXPECT_STREQ(s->name, "test-1");
	s->count_objects = test_count;
	s->scan_objects = test_scan;
	s->batch = 64;
	shrinker_register(s);
	kshim_set_memory_limit(limit);
	/* four times the cap through a cache only the shrinker trims */
	for (i = 0; i < 16 * 1024; i++) {
		struct cached *c = kmalloc(sizeof(*c), GFP_KERNEL);

		KT_ASSERT(c);
		spin_lock(&cache_lock);
		list_add_tail(&c->node, &cache_list);
		cache_nr++;
		spin_unlock(&cache_lock);
		KT_ASSERT(kshim_memory_usage() <= limit);
	}
	KT_EXPECT(scan_calls > 0);
	KT_EXPECT(cache_nr < 16 * 1024);
	KT_EXPECT(kshim_memory_usage() <= limit);

	/* without __GFP_FS the shrinker refuses: the allocation fails */
	while (kshim_memory_usage() + 8192 < limit) {
		struct cached *c = kmalloc(sizeof(*c), GFP_NOFS);

		if (!c)
			break;
		spin_lock(&cache_lock);
		list_add_tail(&c->node, &cache_list);
		cache_nr++;
		spin_unlock(&cache_lock);
	}
	KT_EXPECT(kmalloc(64 << 10, GFP_NOFS | __GFP_NOWARN) == NULL);
	KT_EXPECT(fs_refusals > 0);
	/* __GFP_NOFAIL goes through anyway */
	kfree(kmalloc(64 << 10, GFP_NOFS | __GFP_NOFAIL));
	/* GFP_KERNEL reclaims and succeeds */
	kfree(kmalloc(64 << 10, GFP_KERNEL));
	KT_EXPECT(kshim_memory_usage() <= limit);

	kshim_set_memory_limit(0);
	shrinker_free(s);
	while (!list_empty(&cache_list)) {
		struct cached *c = list_first_entry(&cache_list, struct cached, node);

		list_del(&c->node);
		kfree(c);
	}
}

KTEST(drop_caches_runs_shrinkers)
{
	struct shrinker *s = shrinker_alloc(0, "drop");
	int i;

	s->count_objects = test_count;
	s->scan_objects = test_scan;
	shrinker_register(s);
	for (i = 0; i < 300; i++) {
		struct cached *c = kmalloc(sizeof(*c), GFP_KERNEL);

		list_add_tail(&c->node, &cache_list);
		cache_nr++;
	}
	KT_EXPECT_EQ(kshim_drop_caches(), 300);
	KT_EXPECT_EQ(cache_nr, 0);
	shrinker_free(s);
	/* unregistered: no longer called */
	scan_calls = 0;
	kshim_drop_caches();
	KT_EXPECT_EQ(scan_calls, 0);
}

/* ---- mempool ---- */

KTEST(mempool_reserve_when_allocator_fails)
{
	struct kmem_cache *c = kmem_cache_create("pool", 64, 0, 0, NULL);
	mempool_t *pool = mempool_create_slab_pool(4, c);
	mempool_t *kpool = mempool_create_kmalloc_pool(2, 128);
	void *e[5];
	int i;

	KT_ASSERT(pool && kpool);
	kshim_fail_alloc_every(1);	/* every allocation fails */
	for (i = 0; i < 4; i++) {
		e[i] = mempool_alloc(pool, GFP_NOIO);
		KT_EXPECT(e[i] != NULL);
	}
	e[4] = mempool_alloc(pool, GFP_NOWAIT);	/* reserve empty, cannot wait */
	KT_EXPECT(e[4] == NULL);
	mempool_free(e[0], pool);		/* refills the reserve */
	e[0] = mempool_alloc(pool, GFP_NOWAIT);
	KT_EXPECT(e[0] != NULL);
	kshim_fail_alloc_reset();
	for (i = 0; i < 4; i++)
		mempool_free(e[i], pool);
	KT_EXPECT_EQ(pool->curr_nr, 4);
	e[0] = mempool_alloc(kpool, GFP_KERNEL);
	KT_EXPECT(ksize(e[0]) >= 128);
	mempool_free(e[0], kpool);
	mempool_destroy(pool);
	mempool_destroy(kpool);
	mempool_destroy(NULL);
	kmem_cache_destroy(c);
}

/* ---- duplication and overflow helpers ---- */

KTEST(dup_helpers)
{
	const char user[] = "user string";
	char *s = kstrdup("hello", GFP_KERNEL);
	char *n = kstrndup("hello world", 5, GFP_KERNEL);
	char *m = kmemdup_nul("abcdef", 3, GFP_KERNEL);
	int *arr = kmemdup((int[]){ 1, 2, 3 }, 3 * sizeof(int), GFP_KERNEL);
	const char *cs = kstrdup_const("const", GFP_KERNEL);
	char *u = strndup_user(user, 100);
	void *md = memdup_user(user, 4);

	KT_EXPECT_STREQ(s, "hello");
	KT_EXPECT_STREQ(n, "hello");
	KT_EXPECT_STREQ(m, "abc");
	KT_EXPECT(arr[2] == 3);
	KT_EXPECT_STREQ(cs, "const");
	KT_EXPECT_STREQ(u, "user string");
	KT_EXPECT(!IS_ERR(md) && !memcmp(md, "user", 4));
	KT_EXPECT(PTR_ERR(strndup_user(user, 4)) == -EINVAL);
	KT_EXPECT(kstrdup(NULL, GFP_KERNEL) == NULL);
	kfree(s);
	kfree(n);
	kfree(m);
	kfree(arr);
	kfree_const(cs);
	kfree(u);
	kfree(md);
}

struct flex {
	int n;
	u64 items[];
};

KTEST(overflow_helpers_saturate)
{
	struct flex *f = NULL;
	volatile size_t huge = SIZE_MAX / 4;	/* not a constant expression */
	size_t r;
	u8 b;
	int i;

	KT_EXPECT(check_add_overflow(200, 100, &b));
	KT_EXPECT(!check_add_overflow(100, 100, &b) && b == 200);
	KT_EXPECT(check_mul_overflow((size_t)SIZE_MAX / 2, (size_t)3, &r));
	KT_EXPECT(check_sub_overflow(1u, 2u, &i) == false && i == -1);
	KT_EXPECT_EQ(struct_size(f, items, 10), sizeof(*f) + 80);
	KT_EXPECT(struct_size(f, items, huge) == SIZE_MAX);
	KT_EXPECT_EQ(flex_array_size(f, items, 3), 24);
	KT_EXPECT(array_size(SIZE_MAX, 2) == SIZE_MAX);
	KT_EXPECT(array3_size(1 << 20, 1 << 20, 1 << 30) == SIZE_MAX);
	KT_EXPECT(size_add(SIZE_MAX, 1) == SIZE_MAX);
	KT_EXPECT(size_sub(SIZE_MAX, 1) == SIZE_MAX);
	KT_EXPECT_EQ(size_sub(5, 3), 2);
	KT_EXPECT(kmalloc(struct_size(f, items, huge), GFP_KERNEL | __GFP_NOWARN) == NULL);
}
