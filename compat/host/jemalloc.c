// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host side of the allocator bridge (kshim/host-mem.h).  The process links
 * jemalloc, which provides the standard allocation entry points; calling
 * them by their standard names (rather than mallocx) lets a sanitizer
 * build interpose its own allocator, so ASan sees every kmalloc/kfree.
 */
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>

#include <kshim/host-mem.h>

static unsigned long fork_generation;

static void after_fork_child(void)
{
	__atomic_add_fetch(&fork_generation, 1, __ATOMIC_RELAXED);
}

__attribute__((constructor)) static void host_mem_setup(void)
{
	pthread_atfork(NULL, NULL, after_fork_child);
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
