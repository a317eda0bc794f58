// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory accounting, the memory cap and shrinkers (the roles of
 * mm/shrinker.c and the slab-shrinking part of mm/vmscan.c).
 *
 * Every allocator records the bytes it takes and gives back.  With a cap
 * set (kshim_set_memory_limit), an allocation that would take usage past
 * 90% of the cap first reclaims, if its gfp allows direct reclaim: the
 * ctor caches' free lists are emptied, then the registered shrinkers are
 * scanned (those flagged SHRINKER_KSHIM_NEEDS_FS only with __GFP_FS) until
 * usage is under 80% or a whole round frees nothing.  If the allocation
 * still does not fit under the cap it fails, unless __GFP_NOFAIL (which
 * may exceed the cap) or the thread is itself reclaiming (the kernel's
 * PF_MEMALLOC).  The cap is soft by one allocation per racing thread.
 * One thread reclaims at a time; others wait a little for it, never
 * unboundedly (a shrinker may need a lock the waiter holds).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/shrinker.h>
#include <linux/list.h>
#include <kshim/host.h>

static atomic_long_t mem_used, mem_peak;
static unsigned long mem_limit;
static struct kshim_host_mutex shrinker_lock;	/* list and scans */
static LIST_HEAD(shrinker_list);
static __thread bool in_reclaim;

void kshim_mem_account(long bytes)
{
	long now = atomic_long_add_return(bytes, &mem_used);
	long old;

	if (bytes <= 0)
		return;
	old = atomic_long_read(&mem_peak);
	while (now > old && !atomic_long_try_cmpxchg(&mem_peak, &old, now))
		;
}

unsigned long kshim_memory_usage(void)
{
	long v = atomic_long_read(&mem_used);

	return v > 0 ? v : 0;
}

unsigned long kshim_memory_peak(void)
{
	return atomic_long_read(&mem_peak);
}

void kshim_set_memory_limit(unsigned long bytes)
{
	WRITE_ONCE(mem_limit, bytes);
}

unsigned long kshim_memory_limit(void)
{
	return READ_ONCE(mem_limit);
}

/* scan one shrinker until it stops or usage reaches target; objects freed */
static unsigned long shrink_one(struct shrinker *s, gfp_t gfp,
				unsigned long target)
{
	struct shrink_control sc = { .gfp_mask = gfp, .nid = 0 };
	unsigned long count, batch, freed = 0, n, ret;

	count = s->count_objects(s, &sc);
	if (!count || count == SHRINK_EMPTY)
		return 0;
	batch = s->batch > 0 ? s->batch : SHRINK_BATCH;
	while (count) {
		n = min(count, batch);
		sc.nr_to_scan = n;
		sc.nr_scanned = n;
		ret = s->scan_objects(s, &sc);
		if (ret == SHRINK_STOP)
			break;
		freed += ret;
		n = sc.nr_scanned ? min(sc.nr_scanned, count) : n;
		count -= n;
		if (target && kshim_memory_usage() <= target)
			break;
	}
	return freed;
}

/* caller holds shrinker_lock; target 0: until nothing more is freed */
static unsigned long shrink_all(gfp_t gfp, unsigned long target)
{
	struct shrinker *s;
	unsigned long freed, total = 0;
	int rounds;

	in_reclaim = true;
	total += kshim_slab_drain_all();
	for (rounds = 0; rounds < 1000; rounds++) {
		if (target && kshim_memory_usage() <= target)
			break;
		freed = 0;
		list_for_each_entry(s, &shrinker_list, list) {
			if ((s->flags & SHRINKER_KSHIM_NEEDS_FS) && !(gfp & __GFP_FS))
				continue;
			freed += shrink_one(s, gfp, target);
			if (target && kshim_memory_usage() <= target)
				break;
		}
		total += freed;
		if (!freed)
			break;
	}
	in_reclaim = false;
	return total;
}

static void reclaim(gfp_t gfp, unsigned long target, size_t bytes)
{
	int tries;

	for (tries = 0; !kshim_host_mutex_trylock(&shrinker_lock); tries++) {
		/* someone else reclaims: give it a moment, then re-check */
		if (tries >= 20 || kshim_memory_usage() + bytes <= target)
			return;
		kshim_host_sleep_ns(1000000);
	}
	shrink_all(gfp, target > bytes ? target - bytes : 1);
	kshim_host_mutex_unlock(&shrinker_lock);
}

bool kshim_mem_may_alloc(size_t bytes, gfp_t gfp)
{
	unsigned long limit = READ_ONCE(mem_limit);
	static atomic_t nofail_over;

	if (likely(!limit) || in_reclaim)
		return true;
	if (kshim_memory_usage() + bytes > limit / 10 * 9 &&
	    (gfp & __GFP_DIRECT_RECLAIM))
		reclaim(gfp, limit / 10 * 8, bytes);
	if (kshim_memory_usage() + bytes <= limit)
		return true;
	if (gfp & __GFP_NOFAIL) {
		if (atomic_inc_return(&nofail_over) == 1)
			pr_warn("kshim: __GFP_NOFAIL allocation goes over the memory limit\n");
		return true;
	}
	return false;
}

unsigned long kshim_drop_caches(void)
{
	unsigned long freed;

	if (in_reclaim)
		return 0;
	kshim_host_mutex_lock(&shrinker_lock);
	freed = shrink_all(GFP_KERNEL, 0);
	kshim_host_mutex_unlock(&shrinker_lock);
	return freed;
}

struct shrinker *shrinker_alloc(unsigned int flags, const char *fmt, ...)
{
	struct shrinker *s;
	char name[64];
	va_list args;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return NULL;
	va_start(args, fmt);
	vsnprintf(name, sizeof(name), fmt, args);
	va_end(args);
	s->name = kstrdup(name, GFP_KERNEL);
	s->flags = flags | SHRINKER_ALLOCATED;
	s->seeks = DEFAULT_SEEKS;
	INIT_LIST_HEAD(&s->list);
	return s;
}

void shrinker_register(struct shrinker *s)
{
	if (WARN_ON_ONCE(!(s->flags & SHRINKER_ALLOCATED)))
		return;
	kshim_host_mutex_lock(&shrinker_lock);
	list_add_tail(&s->list, &shrinker_list);
	s->flags |= SHRINKER_REGISTERED;
	atomic_set(&s->refcount, 1);
	kshim_host_mutex_unlock(&shrinker_lock);
}

/* scans run under shrinker_lock: none is running once this has it */
void shrinker_free(struct shrinker *s)
{
	if (!s)
		return;
	kshim_host_mutex_lock(&shrinker_lock);
	if (s->flags & SHRINKER_REGISTERED) {
		list_del(&s->list);
		s->flags &= ~SHRINKER_REGISTERED;
		atomic_set(&s->refcount, 0);
	}
	kshim_host_mutex_unlock(&shrinker_lock);
	kfree(s->name);
	kfree(s);
}
