// SPDX-License-Identifier: GPL-2.0-only
/*
 * The page allocator (the role of mm/page_alloc.c) and vmalloc (mm/vmalloc.c)
 * on the host allocator.
 *
 * A block of 2^order pages is one host allocation of data aligned to its
 * own size plus an array of struct pages (tail pages point at the head).
 * Addresses map back to struct pages through a hash table keyed by pfn
 * (data address >> PAGE_SHIFT): every page of every block is entered
 * while it is allocated.  virt_to_page() of other memory (kmalloc,
 * vmalloc, static data) creates a "synthetic" struct page for that pfn on
 * first use, kept for the life of the process (a tag bit in the table
 * tells them apart; a real allocation at the same address replaces it).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <kshim/host.h>
#include <kshim/host-mem.h>

/* ---- pfn -> value table: open addressing, linear probing ---- */

#define KEY_EMPTY 0UL
#define KEY_DEAD (~0UL)
#define TAG_SYNTHETIC 1UL

struct addr_slot {
	unsigned long key;
	unsigned long val;
};

struct addr_map {
	struct kshim_host_rwlock lock;
	struct addr_slot *slots;
	unsigned long size;		/* power of two, or 0 */
	unsigned long used;		/* live keys */
	unsigned long dead;		/* tombstones */
};

static inline unsigned long slot_hash(unsigned long key, unsigned long size)
{
	return (key * 0x9E3779B97F4A7C15UL >> 17) & (size - 1);
}

/* the slot holding key, or NULL; caller holds the lock */
static struct addr_slot *map_find(struct addr_map *m, unsigned long key)
{
	unsigned long i, n;

	if (!m->size)
		return NULL;
	for (i = slot_hash(key, m->size), n = 0; n < m->size;
	     i = (i + 1) & (m->size - 1), n++) {
		if (m->slots[i].key == key)
			return &m->slots[i];
		if (m->slots[i].key == KEY_EMPTY)
			return NULL;
	}
	return NULL;
}

static void map_put_slot(struct addr_slot *slots, unsigned long size,
			 unsigned long key, unsigned long val)
{
	unsigned long i = slot_hash(key, size);

	while (slots[i].key != KEY_EMPTY && slots[i].key != KEY_DEAD)
		i = (i + 1) & (size - 1);
	slots[i].key = key;
	slots[i].val = val;
}

/* make room for one more key; false when out of memory */
static bool map_grow(struct addr_map *m)
{
	struct addr_slot *slots;
	unsigned long size, i;

	if ((m->used + m->dead + 1) * 2 <= m->size)
		return true;
	size = m->size ? m->size : 1024;
	while ((m->used + 1) * 2 > size)
		size *= 2;
	if ((m->used + 1) * 4 > size)
		size *= 2;
	slots = kshim_host_mem_alloc(size * sizeof(*slots), 0);
	if (!slots)
		return false;
	__builtin_memset(slots, 0, size * sizeof(*slots));
	for (i = 0; i < m->size; i++)
		if (m->slots[i].key != KEY_EMPTY && m->slots[i].key != KEY_DEAD)
			map_put_slot(slots, size, m->slots[i].key, m->slots[i].val);
	kshim_host_mem_free(m->slots);
	m->slots = slots;
	m->size = size;
	m->dead = 0;
	return true;
}

/* insert or replace; returns the previous value (0 if none) */
static unsigned long map_set(struct addr_map *m, unsigned long key,
			     unsigned long val, bool *ok)
{
	struct addr_slot *s = map_find(m, key);
	unsigned long old;

	*ok = true;
	if (s) {
		old = s->val;
		s->val = val;
		return old;
	}
	if (!map_grow(m)) {
		*ok = false;
		return 0;
	}
	map_put_slot(m->slots, m->size, key, val);
	m->used++;
	return 0;
}

static void map_del(struct addr_map *m, unsigned long key)
{
	struct addr_slot *s = map_find(m, key);

	if (!s)
		return;
	s->key = KEY_DEAD;
	s->val = 0;
	m->used--;
	m->dead++;
}

static unsigned long map_get(struct addr_map *m, unsigned long key)
{
	struct addr_slot *s;
	unsigned long val;

	kshim_host_rwlock_rdlock(&m->lock);
	s = map_find(m, key);
	val = s ? s->val : 0;
	kshim_host_rwlock_unlock(&m->lock);
	return val;
}

static struct addr_map page_map;	/* pfn -> struct page * | tag */
static struct addr_map vmalloc_map;	/* start address -> size */
static atomic_long_t pages_in_use;

/* ---- blocks of pages ---- */

static void unregister_block(struct page *head, unsigned long nr, unsigned long upto)
{
	unsigned long pfn = (unsigned long)head->virtual >> PAGE_SHIFT, i;

	kshim_host_rwlock_wrlock(&page_map.lock);
	for (i = 0; i < upto && i < nr; i++)
		map_del(&page_map, pfn + i);
	kshim_host_rwlock_unlock(&page_map.lock);
}

static bool register_block(struct page *head, unsigned long nr)
{
	unsigned long pfn = (unsigned long)head->virtual >> PAGE_SHIFT, i, old;
	bool ok = true;

	kshim_host_rwlock_wrlock(&page_map.lock);
	for (i = 0; i < nr; i++) {
		old = map_set(&page_map, pfn + i, (unsigned long)(head + i), &ok);
		if (!ok)
			break;
		/* a synthetic page of freed memory now reused: drop it */
		if (old & TAG_SYNTHETIC)
			kshim_host_mem_free((void *)(old & ~TAG_SYNTHETIC));
	}
	kshim_host_rwlock_unlock(&page_map.lock);
	if (!ok)
		unregister_block(head, nr, i);
	return ok;
}

struct page *alloc_pages_noprof(gfp_t gfp, unsigned int order)
{
	unsigned long nr = 1UL << order, i;
	size_t bytes = PAGE_SIZE << order;
	struct page *pages;
	void *data;

	if (order > MAX_PAGE_ORDER) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	data = kshim_mem_get(bytes, bytes, gfp);
	if (!data)
		return NULL;
	/* the struct pages ride on the data's admission: no second check */
	pages = kshim_mem_get(nr * sizeof(*pages), 0, gfp | __GFP_NOFAIL);
	__builtin_memset(pages, 0, nr * sizeof(*pages));
	if (gfp & __GFP_ZERO)
		__builtin_memset(data, 0, bytes);
	for (i = 0; i < nr; i++) {
		struct page *p = &pages[i];

		INIT_LIST_HEAD(&p->lru);
		INIT_LIST_HEAD(&p->kshim_lru);
		atomic_set(&p->_mapcount, -1);
		p->virtual = (char *)data + i * PAGE_SIZE;
		if (i)
			p->compound_head = (unsigned long)pages | 1;
	}
	pages->order = order;
	atomic_set(&pages->_refcount, 1);
	if (!register_block(pages, nr)) {
		kshim_mem_put(pages);
		kshim_mem_put(data);
		return NULL;
	}
	atomic_long_add(nr, &pages_in_use);
	return pages;
}

struct folio *folio_alloc_noprof(gfp_t gfp, unsigned int order)
{
	return (struct folio *)alloc_pages_noprof(gfp | __GFP_COMP, order);
}

struct folio *filemap_alloc_folio_noprof(gfp_t gfp, unsigned int order)
{
	return folio_alloc_noprof(gfp, order);
}

struct folio *filemap_alloc_folio(gfp_t gfp, unsigned int order);
struct folio *filemap_alloc_folio(gfp_t gfp, unsigned int order)
{
	return folio_alloc_noprof(gfp, order);
}

void __folio_put(struct folio *folio)
{
	struct page *head = &folio->page;
	unsigned long nr = 1UL << head->order;
	unsigned long val;
	void *data = head->virtual;

	val = map_get(&page_map, (unsigned long)data >> PAGE_SHIFT);
	if (val != (unsigned long)head) {
		/* a synthetic page (or garbage): never freed */
		WARN_ONCE(!(val & TAG_SYNTHETIC),
			  "__folio_put of a page the page allocator does not own");
		atomic_set(&head->_refcount, 1);
		return;
	}
	unregister_block(head, nr, nr);
	atomic_long_sub(nr, &pages_in_use);
	kshim_mem_put(data);
	kshim_mem_put(head);
}

void __free_pages(struct page *page, unsigned int order)
{
	if (put_page_testzero(page))
		__folio_put(page_folio(page));
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page((void *)addr), order);
}

unsigned long get_free_pages_noprof(gfp_t gfp_mask, unsigned int order)
{
	struct page *page = alloc_pages_noprof(gfp_mask & ~__GFP_HIGHMEM, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page_noprof(gfp_t gfp_mask)
{
	return get_free_pages_noprof(gfp_mask | __GFP_ZERO, 0);
}

static unsigned int size_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

void *alloc_pages_exact_noprof(size_t size, gfp_t gfp_mask)
{
	return (void *)get_free_pages_noprof(gfp_mask, size_order(size));
}

void free_pages_exact(void *virt, size_t size)
{
	free_pages((unsigned long)virt, size_order(size));
}

struct page *kshim_virt_to_page(const void *addr)
{
	unsigned long pfn = (unsigned long)addr >> PAGE_SHIFT, val;
	struct page *page;
	bool ok;

	val = map_get(&page_map, pfn);
	if (likely(val))
		return (struct page *)(val & ~TAG_SYNTHETIC);
	page = kshim_host_mem_alloc(sizeof(*page), 0);
	if (!page)
		panic("kshim: out of memory for a struct page");
	__builtin_memset(page, 0, sizeof(*page));
	INIT_LIST_HEAD(&page->lru);
	INIT_LIST_HEAD(&page->kshim_lru);
	atomic_set(&page->_mapcount, -1);
	atomic_set(&page->_refcount, 1);
	page->virtual = (void *)(pfn << PAGE_SHIFT);
	kshim_host_rwlock_wrlock(&page_map.lock);
	{
		struct addr_slot *s = map_find(&page_map, pfn);

		if (s) {	/* another thread was first */
			val = s->val;
		} else {
			map_set(&page_map, pfn, (unsigned long)page | TAG_SYNTHETIC, &ok);
			if (!ok)
				panic("kshim: out of memory for the page table");
			val = (unsigned long)page | TAG_SYNTHETIC;
			page = NULL;
		}
	}
	kshim_host_rwlock_unlock(&page_map.lock);
	if (page)
		kshim_host_mem_free(page);
	return (struct page *)(val & ~TAG_SYNTHETIC);
}

long kshim_pages_in_use(void)
{
	return atomic_long_read(&pages_in_use);
}

unsigned long kshim_totalram_pages(void)
{
	unsigned long limit = kshim_memory_limit();

	return limit ? limit >> PAGE_SHIFT : 1UL << (32 - PAGE_SHIFT);
}

/* ---- vmalloc ---- */

bool kshim_is_vmalloc_addr(const void *addr)
{
	if (!addr || ((unsigned long)addr & ~PAGE_MASK))
		return false;
	return map_get(&vmalloc_map, (unsigned long)addr) != 0;
}

void *__vmalloc_noprof(unsigned long size, gfp_t gfp_mask)
{
	void *p;
	bool ok;

	if (!size)
		return NULL;
	size = PAGE_ALIGN(size);
	p = kshim_mem_get(size, PAGE_SIZE, gfp_mask);
	if (!p)
		return NULL;
	kshim_host_rwlock_wrlock(&vmalloc_map.lock);
	map_set(&vmalloc_map, (unsigned long)p, size, &ok);
	kshim_host_rwlock_unlock(&vmalloc_map.lock);
	if (!ok) {
		kshim_mem_put(p);
		return NULL;
	}
	if (gfp_mask & __GFP_ZERO)
		__builtin_memset(p, 0, size);
	return p;
}

void vfree(const void *addr)
{
	if (!addr)
		return;
	if (WARN_ON_ONCE(!kshim_is_vmalloc_addr(addr)))
		return;
	kshim_host_rwlock_wrlock(&vmalloc_map.lock);
	map_del(&vmalloc_map, (unsigned long)addr);
	kshim_host_rwlock_unlock(&vmalloc_map.lock);
	kshim_mem_put((void *)addr);
}

void vfree_atomic(const void *addr)
{
	vfree(addr);
}

void *vmalloc_noprof(unsigned long size)
{
	return __vmalloc_noprof(size, GFP_KERNEL);
}

void *vzalloc_noprof(unsigned long size)
{
	return __vmalloc_noprof(size, GFP_KERNEL | __GFP_ZERO);
}

void *vmalloc_node_noprof(unsigned long size, int node)
{
	return __vmalloc_noprof(size, GFP_KERNEL);
}

void *vzalloc_node_noprof(unsigned long size, int node)
{
	return __vmalloc_noprof(size, GFP_KERNEL | __GFP_ZERO);
}

void *vmalloc_user_noprof(unsigned long size)
{
	return __vmalloc_noprof(size, GFP_KERNEL | __GFP_ZERO);
}

void *vmalloc_32_noprof(unsigned long size)
{
	return __vmalloc_noprof(size, GFP_KERNEL);
}

void *__vmalloc_array_noprof(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (check_mul_overflow(n, size, &bytes))
		return NULL;
	return __vmalloc_noprof(bytes, flags);
}

void *vmalloc_array_noprof(size_t n, size_t size)
{
	return __vmalloc_array_noprof(n, size, GFP_KERNEL);
}

void *vcalloc_noprof(size_t n, size_t size)
{
	return __vmalloc_array_noprof(n, size, GFP_KERNEL | __GFP_ZERO);
}

struct page *vmalloc_to_page(const void *addr)
{
	return kshim_virt_to_page(addr);
}

unsigned long vmalloc_to_pfn(const void *addr)
{
	return (unsigned long)addr >> PAGE_SHIFT;
}
