/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bridge to the host allocator (jemalloc, or the sanitizer's allocator in
 * a sanitizer build) for the memory area: slab, page allocator, vmalloc.
 * Plain C types only; the kernel world adds accounting, GFP semantics and
 * fault injection on top (compat/slab.c, compat/page_alloc.c).
 */
#ifndef _KSHIM_HOST_MEM_H
#define _KSHIM_HOST_MEM_H

/*
 * size bytes aligned to align (a power of two; 0 = the allocator's
 * natural alignment, at least 16).  Not zeroed.  NULL when out of memory.
 */
void *kshim_host_mem_alloc(unsigned long size, unsigned long align);
void kshim_host_mem_free(void *p);
/* bytes usable at p (>= the size asked for); 0 for NULL */
unsigned long kshim_host_mem_usable(const void *p);
/* bumped in a child after fork(): lazily started threads restart there */
unsigned long kshim_host_fork_generation(void);

#endif /* _KSHIM_HOST_MEM_H */
