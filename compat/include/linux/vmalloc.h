/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmalloc on the host allocator: virtually contiguous, page-aligned
 * memory of any size (compat/util.c).  Kernel guarantees kept: vzalloc
 * zeroes; vfree(NULL) is a no-op; is_vmalloc_addr() is true for vmalloc
 * memory and false for kmalloc memory, so kvfree() picks the right free.
 * Left out: vmap/vm_map_ram (no page tables in userspace).
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/numa.h>

struct page;

void *__vmalloc_noprof(unsigned long size, gfp_t gfp_mask) __alloc_size(1);
void *vmalloc_noprof(unsigned long size) __alloc_size(1);
void *vzalloc_noprof(unsigned long size) __alloc_size(1);
void *vmalloc_node_noprof(unsigned long size, int node) __alloc_size(1);
void *vzalloc_node_noprof(unsigned long size, int node) __alloc_size(1);
void *vmalloc_array_noprof(size_t n, size_t size) __alloc_size(1, 2);
void *__vmalloc_array_noprof(size_t n, size_t size, gfp_t flags) __alloc_size(1, 2);
void *vcalloc_noprof(size_t n, size_t size) __alloc_size(1, 2);
void *vmalloc_user_noprof(unsigned long size) __alloc_size(1);
void *vmalloc_32_noprof(unsigned long size) __alloc_size(1);
void vfree(const void *addr);
void vfree_atomic(const void *addr);
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);

#define __vmalloc(...) alloc_hooks(__vmalloc_noprof(__VA_ARGS__))
#define vmalloc(...) alloc_hooks(vmalloc_noprof(__VA_ARGS__))
#define vzalloc(...) alloc_hooks(vzalloc_noprof(__VA_ARGS__))
#define vmalloc_node(...) alloc_hooks(vmalloc_node_noprof(__VA_ARGS__))
#define vzalloc_node(...) alloc_hooks(vzalloc_node_noprof(__VA_ARGS__))
#define vmalloc_array(...) alloc_hooks(vmalloc_array_noprof(__VA_ARGS__))
#define __vmalloc_array(...) alloc_hooks(__vmalloc_array_noprof(__VA_ARGS__))
#define vcalloc(...) alloc_hooks(vcalloc_noprof(__VA_ARGS__))
#define vmalloc_user(...) alloc_hooks(vmalloc_user_noprof(__VA_ARGS__))
#define vmalloc_32(...) alloc_hooks(vmalloc_32_noprof(__VA_ARGS__))

bool kshim_is_vmalloc_addr(const void *addr);

#endif /* _LINUX_VMALLOC_H */
