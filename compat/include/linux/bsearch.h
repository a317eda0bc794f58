/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Binary search of a sorted array (lib/bsearch.c): returns an element that
 * compares equal to key, or NULL.  cmp(key, element).  bsearch is renamed
 * by kshim/namespace.h.
 */
#ifndef _LINUX_BSEARCH_H
#define _LINUX_BSEARCH_H

#include <linux/types.h>


static __always_inline void *__inline_bsearch(const void *key, const void *base,
					      size_t num, size_t size, cmp_func_t cmp)
{
	size_t lo = 0, hi = num;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const void *elt = (const char *)base + mid * size;
		int r = cmp(key, elt);

		if (r == 0)
			return (void *)elt;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

extern void *bsearch(const void *key, const void *base, size_t num, size_t size,
		     cmp_func_t cmp);

#endif /* _LINUX_BSEARCH_H */
