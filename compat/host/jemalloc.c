// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host side of the allocator bridge (kshim/host-mem.h).  The process links
 * jemalloc, which provides the standard allocation entry points; calling
 * them by their standard names (rather than mallocx) lets a sanitizer
 * build interpose its own allocator, so ASan sees every kmalloc/kfree.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>

#include <kshim/host-mem.h>

/*
 * Touched pages.  Memory the host has just handed out is not backed yet:
 * the first write to each page takes a page fault that allocates and
 * zeroes it, which in a virtual machine costs microseconds (a third of
 * the daemon's time in a streaming write, which fills one fresh page-cache
 * page after another).  A refill thread keeps up to POOL_HIGH page-sized,
 * page-aligned blocks already touched, topping the pool up when it falls
 * below POOL_LOW, so that cost moves off the allocating thread, to a CPU
 * that is usually idle while the caller waits.  The blocks are ordinary
 * allocations (freed with free()); the pool only allocates them early.
 */
#define POOL_PAGE 4096
#define POOL_HIGH 1024			/* 4 MiB */
#define POOL_LOW (POOL_HIGH / 2)

/*
 * Sanitizer builds allocate directly: their allocators are not fork-safe
 * against a thread allocating at the moment of fork(), and early touching
 * buys nothing there.
 */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define POOL_ENABLED 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define POOL_ENABLED 0
#endif
#endif
#ifndef POOL_ENABLED
#define POOL_ENABLED 1
#endif

static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	void *blocks[POOL_HIGH];
	unsigned int count;
	bool thread_running;		/* in this process (reset after fork) */
	bool refill_wanted;
} pool = { .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER };

static unsigned long fork_generation;

/* the pool is consistent across fork(): its lock is held over it */
static void before_fork(void)
{
	pthread_mutex_lock(&pool.lock);
}

static void after_fork_parent(void)
{
	pthread_mutex_unlock(&pool.lock);
}

static void after_fork_child(void)
{
	__atomic_add_fetch(&fork_generation, 1, __ATOMIC_RELAXED);
	/* the refill thread stayed in the parent; the pool's blocks are ours */
	pthread_mutex_init(&pool.lock, NULL);
	pthread_cond_init(&pool.wake, NULL);
	pool.thread_running = false;
	pool.refill_wanted = false;
}

static void *pool_refill_main(void *unused)
{
	pthread_mutex_lock(&pool.lock);
	for (;;) {
		while (!pool.refill_wanted)
			pthread_cond_wait(&pool.wake, &pool.lock);
		while (pool.count < POOL_HIGH) {
			void *p = NULL;

			pthread_mutex_unlock(&pool.lock);
			if (posix_memalign(&p, POOL_PAGE, POOL_PAGE))
				p = NULL;
			if (p)	/* fault it in */
				__atomic_store_n((char *)p, 0, __ATOMIC_RELAXED);
			pthread_mutex_lock(&pool.lock);
			if (!p)
				break;
			/* only this thread adds: the room checked above is there */
			pool.blocks[pool.count++] = p;
		}
		pool.refill_wanted = false;
	}
	return NULL;
}

/* a touched page-sized block, or NULL; asks for a refill when low */
static void *pool_take(void)
{
	void *p = NULL;
	bool start = false;

	pthread_mutex_lock(&pool.lock);
	if (pool.count)
		p = pool.blocks[--pool.count];
	if (pool.count < POOL_LOW && !pool.refill_wanted) {
		pool.refill_wanted = true;
		if (pool.thread_running) {
			pthread_cond_signal(&pool.wake);
		} else {
			pool.thread_running = true;
			start = true;
		}
	}
	pthread_mutex_unlock(&pool.lock);
	if (start) {
		pthread_attr_t attr;
		pthread_t t;
		sigset_t all, old;

		/* no signal is for this thread; it never ends */
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&t, &attr, pool_refill_main, NULL)) {
			pthread_mutex_lock(&pool.lock);
			pool.thread_running = false;
			pool.refill_wanted = false;
			pthread_mutex_unlock(&pool.lock);
		} else {
			pthread_setname_np(t, "kshim-pages");
		}
		pthread_attr_destroy(&attr);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	return p;
}

__attribute__((constructor)) static void host_mem_setup(void)
{
	pthread_atfork(before_fork, after_fork_parent, after_fork_child);
}

void *kshim_host_mem_alloc(unsigned long size, unsigned long align)
{
	void *p = NULL;

	if (size == 0)
		size = 1;
	if (align <= 16)
		return malloc(size);
	if (align < sizeof(void *))
		align = sizeof(void *);
	if (POOL_ENABLED && size == POOL_PAGE && align == POOL_PAGE) {
		p = pool_take();
		if (p)
			return p;
	}
	if (posix_memalign(&p, align, size))
		return NULL;
	return p;
}

void kshim_host_mem_free(void *p)
{
	free(p);
}

unsigned long kshim_host_mem_usable(const void *p)
{
	return p ? malloc_usable_size((void *)p) : 0;
}

unsigned long kshim_host_fork_generation(void)
{
	return __atomic_load_n(&fork_generation, __ATOMIC_RELAXED);
}
