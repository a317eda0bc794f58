// SPDX-License-Identifier: GPL-2.0-only
/*
 * Allocation helpers (the roles of mm/util.c and mm/mempool.c): string
 * and memory duplication, kvmalloc/kvfree/kvrealloc, memdup_user (user
 * pointers are ordinary pointers in kshim), and memory pools.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/mempool.h>
#include <kshim/host.h>

static size_t bounded_len(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

char *kstrdup(const char *s, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = __builtin_strlen(s) + 1;
	buf = kmalloc(len, gfp);
	if (buf)
		__builtin_memcpy(buf, s, len);
	return buf;
}

/* always a copy: kfree_const() then always frees heap memory */
const char *kstrdup_const(const char *s, gfp_t gfp)
{
	return kstrdup(s, gfp);
}

void kfree_const(const void *x)
{
	kfree(x);
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;
	len = bounded_len(s, max);
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		__builtin_memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

void *kmemdup_noprof(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (!ZERO_OR_NULL_PTR(p))
		__builtin_memcpy(p, src, len);
	return p;
}

char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	char *buf;

	if (!s)
		return NULL;
	buf = kmalloc(len + 1, gfp);
	if (buf) {
		__builtin_memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}

void *kmemdup_array(const void *src, size_t count, size_t element_size, gfp_t gfp)
{
	return kmemdup_noprof(src, size_mul(count, element_size), gfp);
}

void *kvmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kvmalloc(len, gfp);

	if (p)
		__builtin_memcpy(p, src, len);
	return p;
}

void *memdup_user(const void __user *src, size_t len)
{
	void *p = kmalloc(len, GFP_USER | __GFP_NOWARN);

	if (!p)
		return ERR_PTR(-ENOMEM);
	if (!ZERO_OR_NULL_PTR(p))
		__builtin_memcpy(p, (const void __force *)src, len);
	return p;
}

void *vmemdup_user(const void __user *src, size_t len)
{
	void *p = kvmalloc(len, GFP_USER);

	if (!p)
		return ERR_PTR(-ENOMEM);
	__builtin_memcpy(p, (const void __force *)src, len);
	return p;
}

void *memdup_user_nul(const void __user *src, size_t len)
{
	char *p = kmalloc(len + 1, GFP_KERNEL);

	if (!p)
		return ERR_PTR(-ENOMEM);
	__builtin_memcpy(p, (const void __force *)src, len);
	p[len] = '\0';
	return p;
}

char *strndup_user(const char __user *s, long n)
{
	size_t len;
	char *p;

	if (n <= 0)
		return ERR_PTR(-EINVAL);
	len = bounded_len((const char __force *)s, n);
	if (len == (size_t)n)
		return ERR_PTR(-EINVAL);	/* no NUL within n bytes */
	p = memdup_user(s, len + 1);
	if (!IS_ERR(p))
		p[len] = '\0';
	return p;
}

/* ---- kvmalloc ---- */

void *__kvmalloc_node_noprof(size_t size, gfp_t flags, int node)
{
	void *p;

	if (size <= PAGE_SIZE)
		return kmalloc(size, flags);
	if (size <= KMALLOC_MAX_SIZE) {
		/* a quick kmalloc try, quiet; vmalloc is the real fallback */
		p = kmalloc(size, (flags | __GFP_NOWARN | __GFP_NORETRY) & ~__GFP_NOFAIL);
		if (p)
			return p;
	}
	return __vmalloc(size, flags);
}

void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}

void kvfree_sensitive(const void *addr, size_t len)
{
	if (likely(!ZERO_OR_NULL_PTR(addr))) {
		memzero_explicit((void *)addr, len);
		kvfree(addr);
	}
}

void *kvrealloc_noprof(const void *p, size_t size, gfp_t flags)
{
	size_t old = 0;
	void *n;

	if (p && !is_vmalloc_addr(p)) {
		n = krealloc(p, size, (flags | __GFP_NOWARN | __GFP_NORETRY) & ~__GFP_NOFAIL);
		if (n)
			return n;
	}
	if (!ZERO_OR_NULL_PTR(p))
		old = ksize(p);	/* the host's usable size, kmalloc or vmalloc */
	if (old >= size && size)
		return (void *)p;
	n = kvmalloc(size, flags);
	if (!n)
		return NULL;
	if (old)
		__builtin_memcpy(n, p, min(old, size));
	if ((flags & __GFP_ZERO) && size > old)
		__builtin_memset((char *)n + old, 0, size - old);
	kvfree(p);
	return n;
}

/* ---- mempool ---- */

static void pool_add(mempool_t *pool, void *element)
{
	pool->elements[pool->curr_nr++] = element;
}

void mempool_exit(mempool_t *pool)
{
	while (pool->curr_nr)
		pool->free(pool->elements[--pool->curr_nr], pool->pool_data);
	kfree(pool->elements);
	pool->elements = NULL;
}

void mempool_destroy(mempool_t *pool)
{
	if (unlikely(!pool))
		return;
	mempool_exit(pool);
	kfree(pool);
}

int mempool_init_node(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		      mempool_free_t *free_fn, void *pool_data, gfp_t gfp_mask,
		      int node_id)
{
	kshim_host_mutex_init(&pool->lock);
	kshim_host_cond_init(&pool->wait);
	pool->min_nr = min_nr;
	pool->curr_nr = 0;
	pool->waiters = 0;
	pool->pool_data = pool_data;
	pool->alloc = alloc_fn;
	pool->free = free_fn;
	pool->elements = kmalloc_array(max(min_nr, 1), sizeof(void *), gfp_mask);
	if (!pool->elements)
		return -ENOMEM;
	while (pool->curr_nr < pool->min_nr) {
		void *element = pool->alloc(gfp_mask, pool->pool_data);

		if (unlikely(!element)) {
			mempool_exit(pool);
			return -ENOMEM;
		}
		pool_add(pool, element);
	}
	return 0;
}

int mempool_init_noprof(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
			mempool_free_t *free_fn, void *pool_data)
{
	return mempool_init_node(pool, min_nr, alloc_fn, free_fn, pool_data,
				 GFP_KERNEL, NUMA_NO_NODE);
}

mempool_t *mempool_create_node_noprof(int min_nr, mempool_alloc_t *alloc_fn,
				      mempool_free_t *free_fn, void *pool_data,
				      gfp_t gfp_mask, int node_id)
{
	mempool_t *pool = kzalloc(sizeof(*pool), gfp_mask);

	if (!pool)
		return NULL;
	if (mempool_init_node(pool, min_nr, alloc_fn, free_fn, pool_data,
			      gfp_mask, node_id)) {
		kfree(pool);
		return NULL;
	}
	return pool;
}

mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
			  mempool_free_t *free_fn, void *pool_data)
{
	return mempool_create_node_noprof(min_nr, alloc_fn, free_fn, pool_data,
					  GFP_KERNEL, NUMA_NO_NODE);
}

int mempool_resize(mempool_t *pool, int new_min_nr)
{
	void **elements, **old;
	void *element;

	if (WARN_ON(new_min_nr <= 0))
		return -EINVAL;
	kshim_host_mutex_lock(&pool->lock);
	if (new_min_nr <= pool->min_nr) {
		while (pool->curr_nr > new_min_nr) {
			element = pool->elements[--pool->curr_nr];
			kshim_host_mutex_unlock(&pool->lock);
			pool->free(element, pool->pool_data);
			kshim_host_mutex_lock(&pool->lock);
		}
		pool->min_nr = new_min_nr;
		kshim_host_mutex_unlock(&pool->lock);
		return 0;
	}
	kshim_host_mutex_unlock(&pool->lock);
	elements = kmalloc_array(new_min_nr, sizeof(void *), GFP_KERNEL);
	if (!elements)
		return -ENOMEM;
	kshim_host_mutex_lock(&pool->lock);
	__builtin_memcpy(elements, pool->elements, pool->curr_nr * sizeof(void *));
	old = pool->elements;
	pool->elements = elements;
	pool->min_nr = new_min_nr;
	while (pool->curr_nr < pool->min_nr) {
		kshim_host_mutex_unlock(&pool->lock);
		element = pool->alloc(GFP_KERNEL, pool->pool_data);
		kshim_host_mutex_lock(&pool->lock);
		if (!element)
			break;
		if (pool->curr_nr < pool->min_nr) {
			pool_add(pool, element);
		} else {
			kshim_host_mutex_unlock(&pool->lock);
			pool->free(element, pool->pool_data);
			kshim_host_mutex_lock(&pool->lock);
		}
	}
	kshim_host_mutex_unlock(&pool->lock);
	kfree(old);
	return 0;
}

void *mempool_alloc_noprof(mempool_t *pool, gfp_t gfp_mask)
{
	gfp_t first = (gfp_mask | __GFP_NOWARN | __GFP_NORETRY) & ~__GFP_NOFAIL;
	void *element;

	for (;;) {
		element = pool->alloc(first, pool->pool_data);
		if (likely(element))
			return element;
		kshim_host_mutex_lock(&pool->lock);
		if (pool->curr_nr) {
			element = pool->elements[--pool->curr_nr];
			kshim_host_mutex_unlock(&pool->lock);
			return element;
		}
		if (!(gfp_mask & __GFP_DIRECT_RECLAIM)) {
			kshim_host_mutex_unlock(&pool->lock);
			return NULL;
		}
		/* wait for mempool_free(), then try both sources again */
		pool->waiters++;
		kshim_host_cond_timedwait(&pool->wait, &pool->lock,
					  kshim_host_monotonic_ns() + 5000000ULL);
		pool->waiters--;
		kshim_host_mutex_unlock(&pool->lock);
	}
}

void *mempool_alloc_preallocated(mempool_t *pool)
{
	void *element = NULL;

	kshim_host_mutex_lock(&pool->lock);
	if (pool->curr_nr)
		element = pool->elements[--pool->curr_nr];
	kshim_host_mutex_unlock(&pool->lock);
	return element;
}

void mempool_free(void *element, mempool_t *pool)
{
	if (unlikely(!element))
		return;
	if (READ_ONCE(pool->curr_nr) < pool->min_nr || READ_ONCE(pool->waiters)) {
		kshim_host_mutex_lock(&pool->lock);
		if (pool->curr_nr < pool->min_nr) {
			pool_add(pool, element);
			kshim_host_cond_broadcast(&pool->wait);
			kshim_host_mutex_unlock(&pool->lock);
			return;
		}
		kshim_host_cond_broadcast(&pool->wait);
		kshim_host_mutex_unlock(&pool->lock);
	}
	pool->free(element, pool->pool_data);
}

void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data)
{
	return kmem_cache_alloc(pool_data, gfp_mask);
}

void mempool_free_slab(void *element, void *pool_data)
{
	kmem_cache_free(pool_data, element);
}

void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data)
{
	return kmalloc((size_t)pool_data, gfp_mask);
}

void mempool_kfree(void *element, void *pool_data)
{
	kfree(element);
}

void *mempool_kvmalloc(gfp_t gfp_mask, void *pool_data)
{
	return kvmalloc((size_t)pool_data, gfp_mask);
}

void mempool_kvfree(void *element, void *pool_data)
{
	kvfree(element);
}

void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data)
{
	return alloc_pages(gfp_mask, (int)(long)pool_data);
}

void mempool_free_pages(void *element, void *pool_data)
{
	__free_pages(element, (int)(long)pool_data);
}
