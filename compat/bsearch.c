// SPDX-License-Identifier: GPL-2.0-only
/*
 * bsearch() (lib/bsearch.c): binary search of a sorted array with
 * cmp(key, element); returns a matching element or NULL, never reads
 * outside [base, base + num * size).  Renamed kshim_bsearch by
 * kshim/namespace.h, so libc's bsearch is untouched.
 */
#include <linux/kernel.h>
#include <linux/bsearch.h>

void *bsearch(const void *key, const void *base, size_t num, size_t size, cmp_func_t cmp)
{
	return __inline_bsearch(key, base, num, size, cmp);
}
