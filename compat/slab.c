// SPDX-License-Identifier: GPL-2.0-only
/*
 * The slab allocator (the role of mm/slub.c and mm/slab_common.c) on the
 * host allocator, plus allocation fault injection (mm/failslab.c).
 *
 * kmalloc objects are plain host allocations with the kernel's alignment
 * rules; the usable size (ksize) comes from the host allocator.  A kmem
 * cache is a descriptor with statistics; objects of caches with a ctor or
 * SLAB_TYPESAFE_BY_RCU carry a small header in front of them (the free
 * list link / RCU head, kept outside the object so a freed object keeps
 * its constructed state).  Caches with a ctor keep freed objects on a
 * bounded free list and hand them out again without calling the ctor.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <kshim/host.h>
#include <kshim/host-mem.h>

#define CTOR_FREE_LIST_MAX 256

struct kmem_cache {
	const char *name;
	unsigned int object_size;
	unsigned int align;
	unsigned int hdr;		/* bytes in front of each object */
	slab_flags_t flags;
	void (*ctor)(void *obj);
	atomic_long_t in_use, total, peak;
	struct kshim_host_mutex lock;	/* free list */
	struct slab_hdr *free_list;
	unsigned long nr_free;
	struct list_head list;		/* all caches */
};

struct slab_hdr {
	struct rcu_head rcu;		/* rcu.next links the free list */
	struct kmem_cache *cache;
};

static struct kshim_host_mutex caches_lock;
static LIST_HEAD(caches);
static atomic_long_t leak_reports;

static struct {
	atomic_long_t in_use, total, peak;
} kmalloc_stats;

static void stat_alloc(atomic_long_t *in_use, atomic_long_t *total,
		       atomic_long_t *peak)
{
	long now = atomic_long_inc_return(in_use);
	long old = atomic_long_read(peak);

	atomic_long_inc(total);
	while (now > old && !atomic_long_try_cmpxchg(peak, &old, now))
		;
}

/* ---- fault injection ---- */

static unsigned long fail_nth, fail_every, fail_counter, fail_injected;
static bool fail_filter;
static __thread bool fail_thread_on;

void kshim_fail_alloc_nth(unsigned long n)
{
	__atomic_store_n(&fail_nth, n, __ATOMIC_SEQ_CST);
}

void kshim_fail_alloc_every(unsigned long k)
{
	__atomic_store_n(&fail_counter, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&fail_every, k, __ATOMIC_SEQ_CST);
}

void kshim_fail_alloc_thread_filter(bool on)
{
	__atomic_store_n(&fail_filter, on, __ATOMIC_SEQ_CST);
}

void kshim_fail_alloc_thread_enable(bool on)
{
	fail_thread_on = on;
}

void kshim_fail_alloc_reset(void)
{
	kshim_fail_alloc_nth(0);
	kshim_fail_alloc_every(0);
	kshim_fail_alloc_thread_filter(false);
	__atomic_store_n(&fail_injected, 0, __ATOMIC_SEQ_CST);
}

unsigned long kshim_fail_alloc_injected(void)
{
	return __atomic_load_n(&fail_injected, __ATOMIC_SEQ_CST);
}

bool kshim_fail_alloc_should_fail(gfp_t gfp)
{
	unsigned long n, k;
	bool fail = false;

	if (gfp & __GFP_NOFAIL)
		return false;
	n = __atomic_load_n(&fail_nth, __ATOMIC_RELAXED);
	k = __atomic_load_n(&fail_every, __ATOMIC_RELAXED);
	if (likely(!n && !k))
		return false;
	if (__atomic_load_n(&fail_filter, __ATOMIC_RELAXED) && !fail_thread_on)
		return false;
	while (n) {
		if (__atomic_compare_exchange_n(&fail_nth, &n, n - 1, false,
						__ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
			fail = n == 1;
			break;
		}
	}
	if (k && __atomic_add_fetch(&fail_counter, 1, __ATOMIC_SEQ_CST) % k == 0)
		fail = true;
	if (fail)
		__atomic_add_fetch(&fail_injected, 1, __ATOMIC_SEQ_CST);
	return fail;
}

/* ---- host memory with GFP semantics ---- */

static void alloc_failed(size_t size, gfp_t gfp)
{
	static atomic_t reports;

	if (gfp & __GFP_NOWARN)
		return;
	if (atomic_inc_return(&reports) <= 10)
		pr_warn("kshim: allocation of %zu bytes failed (gfp %#x)\n",
			size, gfp);
}

/*
 * The common step of every allocator: fault injection, the memory cap,
 * then the host; __GFP_NOFAIL retries (after reclaim) and never returns
 * NULL.  The result is accounted; it is not zeroed.
 */
void *kshim_mem_get(size_t size, size_t align, gfp_t gfp)
{
	unsigned int tries = 0;
	void *p;

	if (kshim_fail_alloc_should_fail(gfp))
		return NULL;
	if (!kshim_mem_may_alloc(size, gfp)) {
		alloc_failed(size, gfp);
		return NULL;
	}
	for (;;) {
		p = kshim_host_mem_alloc(size, align);
		if (p)
			break;
		if (!(gfp & __GFP_NOFAIL)) {
			alloc_failed(size, gfp);
			return NULL;
		}
		if (++tries > 1000)
			panic("kshim: __GFP_NOFAIL allocation of %zu bytes impossible", size);
		kshim_drop_caches();
		kshim_host_sleep_ns(1000000);
	}
	kshim_mem_account(kshim_host_mem_usable(p));
	return p;
}

void kshim_mem_put(void *p)
{
	if (!p)
		return;
	kshim_mem_account(-(long)kshim_host_mem_usable(p));
	kshim_host_mem_free(p);
}

/* ---- kmalloc ---- */

static size_t kmalloc_align(size_t size)
{
	if (size >= PAGE_SIZE)
		return PAGE_SIZE;
	if (!(size & (size - 1)))
		return size < ARCH_KMALLOC_MINALIGN ? ARCH_KMALLOC_MINALIGN : size;
	return ARCH_KMALLOC_MINALIGN;
}

void *__kmalloc_noprof(size_t size, gfp_t flags)
{
	void *p;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		WARN_ONCE(!(flags & __GFP_NOWARN),
			  "kmalloc of %zu bytes is over KMALLOC_MAX_SIZE", size);
		return NULL;
	}
	p = kshim_mem_get(size, kmalloc_align(size), flags);
	if (!p)
		return NULL;
	if (flags & __GFP_ZERO)
		__builtin_memset(p, 0, kshim_host_mem_usable(p));
	stat_alloc(&kmalloc_stats.in_use, &kmalloc_stats.total, &kmalloc_stats.peak);
	return p;
}

void *__kmalloc_node_noprof(size_t size, gfp_t flags, int node)
{
	return __kmalloc_noprof(size, flags);
}

void *__kmalloc_large_noprof(size_t size, gfp_t flags)
{
	return __kmalloc_noprof(size, flags);
}

void *__kmalloc_large_node_noprof(size_t size, gfp_t flags, int node)
{
	return __kmalloc_noprof(size, flags);
}

void *__kmalloc_node_track_caller_noprof(size_t size, gfp_t flags, int node,
					 unsigned long caller)
{
	return __kmalloc_noprof(size, flags);
}

void kfree(const void *objp)
{
	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return;
	atomic_long_dec(&kmalloc_stats.in_use);
	kshim_mem_put((void *)objp);
}

size_t __ksize(const void *objp)
{
	if (ZERO_OR_NULL_PTR(objp))
		return 0;
	return kshim_host_mem_usable(objp);
}

size_t ksize(const void *objp)
{
	return __ksize(objp);
}

size_t kmalloc_size_roundup(size_t size)
{
	size_t r = 8;

	if (size > KMALLOC_MAX_SIZE)
		return size;
	while (r < size)
		r <<= 1;
	return r;
}

void kfree_sensitive(const void *objp)
{
	size_t len = __ksize(objp);

	if (len)
		memzero_explicit((void *)objp, len);
	kfree(objp);
}

void *krealloc_noprof(const void *p, size_t new_size, gfp_t flags)
{
	size_t old;
	void *n;

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	old = __ksize(p);
	if (old >= new_size)
		return (void *)p;
	n = __kmalloc_noprof(new_size, flags & ~__GFP_ZERO);
	if (!n)
		return NULL;
	if (old)
		__builtin_memcpy(n, p, old);
	if (flags & __GFP_ZERO)
		__builtin_memset((char *)n + old, 0, __ksize(n) - old);
	kfree(p);
	return n;
}

/* ---- kmem caches ---- */

struct kmem_cache *__kmem_cache_create_args(const char *name,
					    unsigned int object_size,
					    struct kmem_cache_args *args,
					    slab_flags_t flags)
{
	struct kmem_cache *s;
	unsigned int align = args->align;
	size_t len = name ? __builtin_strlen(name) + 1 : 1;

	if (flags & SLAB_HWCACHE_ALIGN && align < 64)
		align = 64;
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	if (WARN_ON(align & (align - 1)) || WARN_ON(!object_size))
		goto fail;
	s = kzalloc(sizeof(*s) + len, GFP_KERNEL);
	if (!s)
		goto fail;
	s->name = (char *)(s + 1);
	if (name)
		__builtin_memcpy((char *)(s + 1), name, len);
	s->object_size = object_size;
	s->align = align;
	s->flags = flags;
	s->ctor = args->ctor;
	if (s->ctor || (flags & SLAB_TYPESAFE_BY_RCU))
		s->hdr = ALIGN(sizeof(struct slab_hdr), align);
	kshim_host_mutex_lock(&caches_lock);
	list_add_tail(&s->list, &caches);
	kshim_host_mutex_unlock(&caches_lock);
	return s;
fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: cannot create cache %s", name);
	return NULL;
}

static inline struct slab_hdr *obj_hdr(struct kmem_cache *s, void *obj)
{
	return (struct slab_hdr *)((char *)obj - s->hdr);
}

static inline void *hdr_obj(struct kmem_cache *s, struct slab_hdr *h)
{
	return (char *)h + s->hdr;
}

void *kmem_cache_alloc_noprof(struct kmem_cache *s, gfp_t flags)
{
	struct slab_hdr *h = NULL;
	void *raw, *obj;

	if (s->ctor && READ_ONCE(s->free_list)) {
		if (kshim_fail_alloc_should_fail(flags))
			return NULL;
		kshim_host_mutex_lock(&s->lock);
		h = s->free_list;
		if (h) {
			s->free_list = (struct slab_hdr *)h->rcu.next;
			s->nr_free--;
		}
		kshim_host_mutex_unlock(&s->lock);
	}
	if (h) {
		obj = hdr_obj(s, h);
	} else {
		raw = kshim_mem_get(s->hdr + s->object_size, s->align, flags);
		if (!raw)
			return NULL;
		obj = (char *)raw + s->hdr;
		if (s->hdr)
			obj_hdr(s, obj)->cache = s;
		if (s->ctor)
			s->ctor(obj);
	}
	if (flags & __GFP_ZERO) {
		WARN_ON_ONCE(s->ctor);
		__builtin_memset(obj, 0, s->object_size);
	}
	stat_alloc(&s->in_use, &s->total, &s->peak);
	return obj;
}

void *kmem_cache_alloc_lru_noprof(struct kmem_cache *s, struct list_lru *lru,
				  gfp_t flags)
{
	return kmem_cache_alloc_noprof(s, flags);
}

void *kmem_cache_alloc_node_noprof(struct kmem_cache *s, gfp_t flags, int node)
{
	return kmem_cache_alloc_noprof(s, flags);
}

void *__kmalloc_cache_noprof(struct kmem_cache *s, gfp_t flags, size_t size)
{
	return kmem_cache_alloc_noprof(s, flags);
}

int kmem_cache_alloc_bulk_noprof(struct kmem_cache *s, gfp_t flags,
				 size_t size, void **p)
{
	size_t i;

	for (i = 0; i < size; i++) {
		p[i] = kmem_cache_alloc_noprof(s, flags);
		if (!p[i]) {
			kmem_cache_free_bulk(s, i, p);
			return 0;
		}
	}
	return size;
}

/* give an object back: to the ctor free list or to the host */
static void release_object(struct kmem_cache *s, void *obj)
{
	if (s->ctor) {
		struct slab_hdr *h = obj_hdr(s, obj);

		kshim_host_mutex_lock(&s->lock);
		if (s->nr_free < CTOR_FREE_LIST_MAX) {
			h->rcu.next = (struct rcu_head *)s->free_list;
			s->free_list = h;
			s->nr_free++;
			h = NULL;
		}
		kshim_host_mutex_unlock(&s->lock);
		if (!h)
			return;
	}
	kshim_mem_put((char *)obj - s->hdr);
}

static void typesafe_free_rcu(struct rcu_head *head)
{
	struct slab_hdr *h = container_of(head, struct slab_hdr, rcu);

	release_object(h->cache, hdr_obj(h->cache, h));
}

void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	if (unlikely(!objp))
		return;
	if (WARN_ON_ONCE(!s))
		return;
	atomic_long_dec(&s->in_use);
	if (s->flags & SLAB_TYPESAFE_BY_RCU) {
		call_rcu(&obj_hdr(s, objp)->rcu, typesafe_free_rcu);
		return;
	}
	release_object(s, objp);
}

void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p)
{
	size_t i;

	for (i = 0; i < size; i++)
		kmem_cache_free(s, p[i]);
}

static unsigned long drain_free_list(struct kmem_cache *s)
{
	struct slab_hdr *h, *next;
	unsigned long n = 0;

	kshim_host_mutex_lock(&s->lock);
	h = s->free_list;
	s->free_list = NULL;
	s->nr_free = 0;
	kshim_host_mutex_unlock(&s->lock);
	for (; h; h = next, n++) {
		next = (struct slab_hdr *)h->rcu.next;
		kshim_mem_put(h);
	}
	return n;
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	if (s)
		drain_free_list(s);
	return 0;
}

/* reclaim step of the memory cap: empty every ctor free list */
unsigned long kshim_slab_drain_all(void)
{
	struct kmem_cache *s;
	unsigned long n = 0;

	if (!kshim_host_mutex_trylock(&caches_lock))
		return 0;
	list_for_each_entry(s, &caches, list)
		n += drain_free_list(s);
	kshim_host_mutex_unlock(&caches_lock);
	return n;
}

void kmem_cache_destroy(struct kmem_cache *s)
{
	long live;

	if (!s)
		return;
	if (s->flags & SLAB_TYPESAFE_BY_RCU)
		rcu_barrier();
	live = atomic_long_read(&s->in_use);
	if (live) {
		atomic_long_inc(&leak_reports);
		WARN(1, "kmem_cache_destroy %s: Slab cache still has objects (%ld)",
		     s->name, live);
		return;
	}
	kshim_host_mutex_lock(&caches_lock);
	list_del(&s->list);
	kshim_host_mutex_unlock(&caches_lock);
	drain_free_list(s);
	kfree(s);
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

const char *kmem_cache_name(struct kmem_cache *s)
{
	return s->name;
}

void kmem_cache_init_late(void)
{
}

void kshim_slab_stats(struct kmem_cache *s, struct kshim_slab_stats *st)
{
	if (!s) {
		st->in_use = atomic_long_read(&kmalloc_stats.in_use);
		st->total = atomic_long_read(&kmalloc_stats.total);
		st->peak = atomic_long_read(&kmalloc_stats.peak);
		return;
	}
	st->in_use = atomic_long_read(&s->in_use);
	st->total = atomic_long_read(&s->total);
	st->peak = atomic_long_read(&s->peak);
}

long kshim_slab_leak_reports(void)
{
	return atomic_long_read(&leak_reports);
}
