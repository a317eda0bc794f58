/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * In-place sorting (lib/sort.c): heapsort, so O(n log n) worst case, no
 * allocation, no recursion, usable in any context; not stable.  swap_func
 * may be NULL for a built-in swap of 'size' bytes.  sort is renamed by
 * kshim/namespace.h.
 */
#ifndef _LINUX_SORT_H
#define _LINUX_SORT_H

#include <linux/types.h>


void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func,
	    swap_r_func_t swap_func, const void *priv);
void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func);
#define sort_r_nonatomic sort_r
#define sort_nonatomic sort

#endif /* _LINUX_SORT_H */
