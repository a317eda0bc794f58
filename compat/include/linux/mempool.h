/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory pools (compat/util.c).  Kernel guarantees kept: a pool holds
 * min_nr preallocated elements; mempool_alloc() first tries the
 * underlying allocator, then a reserved element, and when both fail and
 * the gfp mask allows blocking it waits for mempool_free() to return one,
 * so it never fails with __GFP_DIRECT_RECLAIM; mempool_free() refills the
 * reserve before giving elements back to the allocator.
 */
#ifndef _LINUX_MEMPOOL_H
#define _LINUX_MEMPOOL_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/spinlock_types.h>
#include <kshim/host.h>

struct kmem_cache;

typedef void *(mempool_alloc_t)(gfp_t gfp_mask, void *pool_data);
typedef void (mempool_free_t)(void *element, void *pool_data);

typedef struct mempool_s {
	struct kshim_host_mutex lock;
	int min_nr;
	int curr_nr;
	void **elements;
	void *pool_data;
	mempool_alloc_t *alloc;
	mempool_free_t *free;
	struct kshim_host_cond wait;
	int waiters;
} mempool_t;

static inline bool mempool_initialized(mempool_t *pool)
{
	return pool->elements != NULL;
}

static inline bool mempool_is_saturated(mempool_t *pool)
{
	return READ_ONCE(pool->curr_nr) >= pool->min_nr;
}

void mempool_exit(mempool_t *pool);
int mempool_init_node(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
		      mempool_free_t *free_fn, void *pool_data, gfp_t gfp_mask,
		      int node_id);
int mempool_init_noprof(mempool_t *pool, int min_nr, mempool_alloc_t *alloc_fn,
			mempool_free_t *free_fn, void *pool_data);
#define mempool_init(...) alloc_hooks(mempool_init_noprof(__VA_ARGS__))
mempool_t *mempool_create(int min_nr, mempool_alloc_t *alloc_fn,
			  mempool_free_t *free_fn, void *pool_data);
mempool_t *mempool_create_node_noprof(int min_nr, mempool_alloc_t *alloc_fn,
				      mempool_free_t *free_fn, void *pool_data,
				      gfp_t gfp_mask, int nid);
#define mempool_create_node(...) alloc_hooks(mempool_create_node_noprof(__VA_ARGS__))
int mempool_resize(mempool_t *pool, int new_min_nr);
void mempool_destroy(mempool_t *pool);
void *mempool_alloc_noprof(mempool_t *pool, gfp_t gfp_mask) __malloc;
#define mempool_alloc(...) alloc_hooks(mempool_alloc_noprof(__VA_ARGS__))
void *mempool_alloc_preallocated(mempool_t *pool) __malloc;
void mempool_free(void *element, mempool_t *pool);

void *mempool_alloc_slab(gfp_t gfp_mask, void *pool_data);
void mempool_free_slab(void *element, void *pool_data);
#define mempool_init_slab_pool(_pool, _min_nr, _kc)                        \
	mempool_init(_pool, (_min_nr), mempool_alloc_slab, mempool_free_slab, (void *)(_kc))
#define mempool_create_slab_pool(_min_nr, _kc)                             \
	mempool_create((_min_nr), mempool_alloc_slab, mempool_free_slab, (void *)(_kc))

void *mempool_kmalloc(gfp_t gfp_mask, void *pool_data);
void mempool_kfree(void *element, void *pool_data);
#define mempool_init_kmalloc_pool(_pool, _min_nr, _size)                   \
	mempool_init(_pool, (_min_nr), mempool_kmalloc, mempool_kfree,     \
		     (void *)(unsigned long)(_size))
#define mempool_create_kmalloc_pool(_min_nr, _size)                        \
	mempool_create((_min_nr), mempool_kmalloc, mempool_kfree,          \
		       (void *)(unsigned long)(_size))

void *mempool_kvmalloc(gfp_t gfp_mask, void *pool_data);
void mempool_kvfree(void *element, void *pool_data);
static inline int mempool_init_kvmalloc_pool(mempool_t *pool, int min_nr, size_t size)
{
	return mempool_init(pool, min_nr, mempool_kvmalloc, mempool_kvfree,
			    (void *)size);
}

static inline mempool_t *mempool_create_kvmalloc_pool(int min_nr, size_t size)
{
	return mempool_create(min_nr, mempool_kvmalloc, mempool_kvfree,
			      (void *)size);
}

void *mempool_alloc_pages(gfp_t gfp_mask, void *pool_data);
void mempool_free_pages(void *element, void *pool_data);
#define mempool_init_page_pool(_pool, _min_nr, _order)                     \
	mempool_init(_pool, (_min_nr), mempool_alloc_pages, mempool_free_pages, \
		     (void *)(long)(_order))
#define mempool_create_page_pool(_min_nr, _order)                          \
	mempool_create((_min_nr), mempool_alloc_pages, mempool_free_pages, \
		       (void *)(long)(_order))

#endif /* _LINUX_MEMPOOL_H */
