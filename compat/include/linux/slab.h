/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The slab allocator: kmalloc and friends and kmem caches, on the host
 * allocator (compat/slab.c, compat/util.c).  Kernel guarantees kept:
 *  - kmalloc(0) returns ZERO_SIZE_PTR, kfree(NULL/ZERO_SIZE_PTR) is a no-op;
 *  - kmalloc memory is at least 8-byte aligned, power-of-two sizes up to
 *    PAGE_SIZE are naturally aligned, sizes >= PAGE_SIZE page aligned;
 *  - ksize() >= the size asked for and all of it is usable;
 *  - __GFP_ZERO zeroes, __GFP_NOFAIL never returns NULL;
 *  - a cache's ctor runs when an object is first constructed, not on every
 *    allocation: a freed object comes back in its constructed state;
 *  - kmem_cache objects honour the cache's alignment (SLAB_HWCACHE_ALIGN:
 *    64 bytes); SLAB_TYPESAFE_BY_RCU memory is not reused for another
 *    type nor returned to the host before a grace period has passed;
 *  - SLAB_PANIC: creation failure panics; kmem_cache_destroy() of a cache
 *    with live objects WARNs (and leaks the cache, as the kernel does).
 * kshim additions (for tests): per-cache statistics, fault injection and
 * the memory cap (see the kshim_ declarations at the end).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/numa.h>

#ifndef alloc_hooks
#define alloc_hooks(_do_alloc) (_do_alloc)
#endif

/* cache flags: names as the kernel's; kshim honours the commented ones */
#define SLAB_CONSISTENCY_CHECKS	((slab_flags_t __force)0x00000100U)
#define SLAB_RED_ZONE		((slab_flags_t __force)0x00000400U)
#define SLAB_POISON		((slab_flags_t __force)0x00000800U)
#define SLAB_KMALLOC		((slab_flags_t __force)0x00001000U)
#define SLAB_HWCACHE_ALIGN	((slab_flags_t __force)0x00002000U) /* 64 bytes */
#define SLAB_CACHE_DMA		((slab_flags_t __force)0x00004000U)
#define SLAB_CACHE_DMA32	((slab_flags_t __force)0x00008000U)
#define SLAB_STORE_USER		((slab_flags_t __force)0x00010000U)
#define SLAB_PANIC		((slab_flags_t __force)0x00040000U) /* honoured */
#define SLAB_TYPESAFE_BY_RCU	((slab_flags_t __force)0x00080000U) /* honoured */
#define SLAB_TRACE		((slab_flags_t __force)0x00200000U)
#define SLAB_NOLEAKTRACE	((slab_flags_t __force)0x00800000U)
#define SLAB_NO_MERGE		((slab_flags_t __force)0x01000000U)
#define SLAB_ACCOUNT		((slab_flags_t __force)0x04000000U)
#define SLAB_KASAN		((slab_flags_t __force)0U)
#define SLAB_NO_USER_FLAGS	((slab_flags_t __force)0x10000000U)
#define SLAB_SKIP_KFENCE	((slab_flags_t __force)0U)
#define SLAB_RECLAIM_ACCOUNT	((slab_flags_t __force)0x20000000U)
#define SLAB_TEMPORARY		SLAB_RECLAIM_ACCOUNT
#define SLAB_NO_OBJ_EXT		((slab_flags_t __force)0U)
#define SLAB_MEM_SPREAD		((slab_flags_t __force)0U)
#define SLAB_FAILSLAB		((slab_flags_t __force)0x02000000U)

#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define ARCH_KMALLOC_MINALIGN __alignof__(unsigned long long)
#define ARCH_SLAB_MINALIGN __alignof__(unsigned long long)
#define KMALLOC_MIN_SIZE ARCH_KMALLOC_MINALIGN
#define KMALLOC_SHIFT_HIGH (PAGE_SHIFT + 1)
#define KMALLOC_SHIFT_MAX (MAX_PAGE_ORDER + PAGE_SHIFT)
#define KMALLOC_MAX_SIZE (1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_ORDER (KMALLOC_SHIFT_MAX - PAGE_SHIFT)
#define __assume_kmalloc_alignment __assume_aligned(ARCH_KMALLOC_MINALIGN)
#define __assume_slab_alignment __assume_aligned(ARCH_SLAB_MINALIGN)
#define __assume_page_alignment __assume_aligned(PAGE_SIZE)

struct kmem_cache;
struct list_lru;
struct mem_cgroup;
typedef struct kmem_cache *kmem_buckets;

struct kmem_cache_args {
	unsigned int align;
	unsigned int useroffset;
	unsigned int usersize;
	unsigned int freeptr_offset;
	bool use_freeptr_offset;
	void (*ctor)(void *);
};

struct kmem_cache *__kmem_cache_create_args(const char *name,
					    unsigned int object_size,
					    struct kmem_cache_args *args,
					    slab_flags_t flags);

static inline struct kmem_cache *
__kmem_cache_create(const char *name, unsigned int size, unsigned int align,
		    slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache_args args = { .align = align, .ctor = ctor };

	return __kmem_cache_create_args(name, size, &args, flags);
}

static inline struct kmem_cache *
kmem_cache_create_usercopy(const char *name, unsigned int size,
			   unsigned int align, slab_flags_t flags,
			   unsigned int useroffset, unsigned int usersize,
			   void (*ctor)(void *))
{
	struct kmem_cache_args args = {
		.align = align, .ctor = ctor,
		.useroffset = useroffset, .usersize = usersize,
	};

	return __kmem_cache_create_args(name, size, &args, flags);
}

static inline struct kmem_cache *
__kmem_cache_default_args(const char *name, unsigned int size,
			  struct kmem_cache_args *args, slab_flags_t flags)
{
	struct kmem_cache_args defaults = { 0 };

	if (WARN_ON_ONCE(args))
		return ERR_PTR(-EINVAL);
	return __kmem_cache_create_args(name, size, &defaults, flags);
}

/* the 6.12 front end: (name, size, align, flags, ctor) or (name, size, args, flags) */
#define kmem_cache_create(__name, __object_size, __args, ...)              \
	_Generic((__args),                                                 \
		struct kmem_cache_args *: __kmem_cache_create_args,        \
		void *: __kmem_cache_default_args,                         \
		default: __kmem_cache_create)(__name, __object_size, __args, __VA_ARGS__)

#define KMEM_CACHE(__struct, __flags)                                      \
	__kmem_cache_create_args(#__struct, sizeof(struct __struct),       \
		&(struct kmem_cache_args) {                                \
			.align = __alignof__(struct __struct),             \
		}, (__flags))
#define KMEM_CACHE_USERCOPY(__struct, __flags, __field)                    \
	__kmem_cache_create_args(#__struct, sizeof(struct __struct),       \
		&(struct kmem_cache_args) {                                \
			.align = __alignof__(struct __struct),             \
			.useroffset = offsetof(struct __struct, __field),  \
			.usersize = sizeof_field(struct __struct, __field), \
		}, (__flags))

void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
unsigned int kmem_cache_size(struct kmem_cache *s);
const char *kmem_cache_name(struct kmem_cache *s);

void *kmem_cache_alloc_noprof(struct kmem_cache *s, gfp_t flags) __malloc;
void *kmem_cache_alloc_lru_noprof(struct kmem_cache *s, struct list_lru *lru,
				  gfp_t flags) __malloc;
void *kmem_cache_alloc_node_noprof(struct kmem_cache *s, gfp_t flags,
				   int node) __malloc;
void kmem_cache_free(struct kmem_cache *s, void *objp);
void kmem_cache_free_bulk(struct kmem_cache *s, size_t size, void **p);
int kmem_cache_alloc_bulk_noprof(struct kmem_cache *s, gfp_t flags,
				 size_t size, void **p);
#define kmem_cache_alloc(...) alloc_hooks(kmem_cache_alloc_noprof(__VA_ARGS__))
#define kmem_cache_alloc_lru(...) alloc_hooks(kmem_cache_alloc_lru_noprof(__VA_ARGS__))
#define kmem_cache_alloc_node(...) alloc_hooks(kmem_cache_alloc_node_noprof(__VA_ARGS__))
#define kmem_cache_alloc_bulk(...) alloc_hooks(kmem_cache_alloc_bulk_noprof(__VA_ARGS__))
#define kmem_cache_zalloc(_k, _flags) kmem_cache_alloc(_k, (_flags) | __GFP_ZERO)

void *__kmalloc_noprof(size_t size, gfp_t flags) __alloc_size(1) __malloc;
void *__kmalloc_node_noprof(size_t size, gfp_t flags, int node) __alloc_size(1) __malloc;
void *__kmalloc_cache_noprof(struct kmem_cache *s, gfp_t flags, size_t size) __malloc;
void *__kmalloc_large_noprof(size_t size, gfp_t flags) __alloc_size(1) __malloc;
void *__kmalloc_large_node_noprof(size_t size, gfp_t flags, int node) __alloc_size(1) __malloc;
void *__kmalloc_node_track_caller_noprof(size_t size, gfp_t flags, int node,
					 unsigned long caller) __alloc_size(1) __malloc;
void * __must_check krealloc_noprof(const void *objp, size_t new_size,
				    gfp_t flags) __realloc_size(2);
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t __ksize(const void *objp);
size_t ksize(const void *objp);
size_t kmalloc_size_roundup(size_t size);
static inline bool kmem_dump_obj(void *object)
{
	return false;
}

static inline __alloc_size(1) void *kmalloc_noprof(size_t size, gfp_t flags)
{
	return __kmalloc_noprof(size, flags);
}
#define kmalloc(...) alloc_hooks(kmalloc_noprof(__VA_ARGS__))

static inline __alloc_size(1) void *kmalloc_node_noprof(size_t size, gfp_t flags, int node)
{
	return __kmalloc_node_noprof(size, flags, node);
}
#define kmalloc_node(...) alloc_hooks(kmalloc_node_noprof(__VA_ARGS__))

static inline __alloc_size(1, 2) void *kmalloc_array_noprof(size_t n, size_t size,
							   gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return __kmalloc_noprof(bytes, flags);
}
#define kmalloc_array(...) alloc_hooks(kmalloc_array_noprof(__VA_ARGS__))

static inline __realloc_size(2, 3) void * __must_check
krealloc_array_noprof(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(new_n, new_size, &bytes)))
		return NULL;
	return krealloc_noprof(p, bytes, flags);
}
#define krealloc(...) alloc_hooks(krealloc_noprof(__VA_ARGS__))
#define krealloc_array(...) alloc_hooks(krealloc_array_noprof(__VA_ARGS__))
#define kcalloc(n, size, flags) kmalloc_array(n, size, (flags) | __GFP_ZERO)

static inline __alloc_size(1, 2) void *kmalloc_array_node_noprof(size_t n, size_t size,
								gfp_t flags, int node)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return __kmalloc_node_noprof(bytes, flags, node);
}
#define kmalloc_array_node(...) alloc_hooks(kmalloc_array_node_noprof(__VA_ARGS__))
#define kcalloc_node(_n, _size, _flags, _node)                             \
	kmalloc_array_node(_n, _size, (_flags) | __GFP_ZERO, _node)
#define kmalloc_node_track_caller_noprof(size, flags, node, caller)        \
	__kmalloc_node_track_caller_noprof(size, flags, node, caller)
#define kmalloc_node_track_caller(...)                                     \
	alloc_hooks(kmalloc_node_track_caller_noprof(__VA_ARGS__, _RET_IP_))
#define kmalloc_track_caller(...) kmalloc_node_track_caller(__VA_ARGS__, NUMA_NO_NODE)
#define kmalloc_track_caller_noprof(...)                                   \
	kmalloc_node_track_caller_noprof(__VA_ARGS__, NUMA_NO_NODE, _RET_IP_)

static inline __alloc_size(1) void *kzalloc_noprof(size_t size, gfp_t flags)
{
	return kmalloc_noprof(size, flags | __GFP_ZERO);
}
#define kzalloc(...) alloc_hooks(kzalloc_noprof(__VA_ARGS__))
#define kzalloc_node(_size, _flags, _node) kmalloc_node(_size, (_flags) | __GFP_ZERO, _node)

/* kvmalloc: kmalloc when it fits, vmalloc otherwise (compat/util.c) */
void *__kvmalloc_node_noprof(size_t size, gfp_t flags, int node) __alloc_size(1) __malloc;
#define kvmalloc_node_noprof(size, flags, node) __kvmalloc_node_noprof(size, flags, node)
#define kvmalloc_node(...) alloc_hooks(kvmalloc_node_noprof(__VA_ARGS__))
#define kvmalloc(_size, _flags) kvmalloc_node(_size, _flags, NUMA_NO_NODE)
#define kvmalloc_noprof(_size, _flags) kvmalloc_node_noprof(_size, _flags, NUMA_NO_NODE)
#define kvzalloc(_size, _flags) kvmalloc(_size, (_flags) | __GFP_ZERO)
#define kvzalloc_node(_size, _flags, _node) kvmalloc_node(_size, (_flags) | __GFP_ZERO, _node)

static inline __alloc_size(1, 2) void *
kvmalloc_array_node_noprof(size_t n, size_t size, gfp_t flags, int node)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return __kvmalloc_node_noprof(bytes, flags, node);
}
#define kvmalloc_array_noprof(...) kvmalloc_array_node_noprof(__VA_ARGS__, NUMA_NO_NODE)
#define kvcalloc_node_noprof(_n, _s, _f, _node)                            \
	kvmalloc_array_node_noprof(_n, _s, (_f) | __GFP_ZERO, _node)
#define kvcalloc_noprof(...) kvcalloc_node_noprof(__VA_ARGS__, NUMA_NO_NODE)
#define kvmalloc_array(...) alloc_hooks(kvmalloc_array_noprof(__VA_ARGS__))
#define kvcalloc_node(...) alloc_hooks(kvcalloc_node_noprof(__VA_ARGS__))
#define kvcalloc(...) alloc_hooks(kvcalloc_noprof(__VA_ARGS__))

void *kvrealloc_noprof(const void *p, size_t size, gfp_t flags) __realloc_size(2);
#define kvrealloc(...) alloc_hooks(kvrealloc_noprof(__VA_ARGS__))
void kvfree(const void *addr);
void kvfree_sensitive(const void *addr, size_t len);

/* mm/util.c string/memory duplication (also declared by linux/string.h) */
char *kstrdup(const char *s, gfp_t gfp) __malloc;
char *kstrndup(const char *s, size_t max, gfp_t gfp);
const char *kstrdup_const(const char *s, gfp_t gfp);
void kfree_const(const void *x);
void *kmemdup_noprof(const void *src, size_t len, gfp_t gfp) __realloc_size(2);
#ifndef kmemdup
#define kmemdup(...) alloc_hooks(kmemdup_noprof(__VA_ARGS__))
#endif
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
void *kmemdup_array(const void *src, size_t count, size_t element_size, gfp_t gfp);
void *kvmemdup(const void *src, size_t len, gfp_t gfp) __realloc_size(2);
void *memdup_user(const void __user *src, size_t len);
void *vmemdup_user(const void __user *src, size_t len);
void *memdup_user_nul(const void __user *src, size_t len);
char *strndup_user(const char __user *s, long n);

void kmem_cache_init_late(void);

/* ---- kshim: statistics, fault injection, memory cap (tests, tools) ---- */

struct kshim_slab_stats {
	long in_use;		/* objects allocated and not yet freed */
	long total;		/* allocations since creation */
	long peak;		/* highest in_use seen */
};
/* statistics of cache s; s == NULL: all kmalloc/kvmalloc/vmalloc objects */
void kshim_slab_stats(struct kmem_cache *s, struct kshim_slab_stats *st);
/* number of kmem_cache_destroy() calls that found live objects */
long kshim_slab_leak_reports(void);

/*
 * Fault injection: counted allocations are those of kmalloc/kmem_cache/
 * vmalloc/page allocator calls without __GFP_NOFAIL (never failed), from
 * every thread, or only from threads that enabled it when the thread
 * filter is on.
 */
void kshim_fail_alloc_nth(unsigned long n);	/* n-th counted from now, once */
void kshim_fail_alloc_every(unsigned long k);	/* every k-th; 0 = off */
void kshim_fail_alloc_thread_filter(bool on);
void kshim_fail_alloc_thread_enable(bool on);	/* the calling thread */
void kshim_fail_alloc_reset(void);
unsigned long kshim_fail_alloc_injected(void);	/* failures made so far */
bool kshim_fail_alloc_should_fail(gfp_t gfp);	/* for the allocators */

/*
 * Global accounting and cap (compat/shrinker.c).  kshim_mem_may_alloc()
 * checks the cap before an allocation, reclaiming through the shrinkers
 * first when usage would pass 90% of it; kshim_mem_account() records the
 * bytes really taken (+) or given back (-).
 */
bool kshim_mem_may_alloc(size_t bytes, gfp_t gfp);
/*
 * The allocators' common step (compat/slab.c): fault injection, the cap,
 * the host allocation with __GFP_NOFAIL retries, accounting.  Not zeroed.
 */
void *kshim_mem_get(size_t size, size_t align, gfp_t gfp);
void kshim_mem_put(void *p);
/* empties the ctor caches' free lists; returns objects released */
unsigned long kshim_slab_drain_all(void);
void kshim_mem_account(long bytes);
void kshim_set_memory_limit(unsigned long bytes);	/* 0 = unlimited */
unsigned long kshim_memory_limit(void);
unsigned long kshim_memory_usage(void);
unsigned long kshim_memory_peak(void);
/* run the shrinkers until nothing more is freed; returns objects freed */
unsigned long kshim_drop_caches(void);

#endif /* _LINUX_SLAB_H */
