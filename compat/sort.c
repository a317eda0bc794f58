// SPDX-License-Identifier: GPL-2.0-only
/*
 * sort() and sort_r() (lib/sort.c): an in-place heapsort.  Kernel
 * guarantees kept: O(n log n) comparisons in the worst case, no memory
 * allocation, no recursion (callable with locks held), not stable.
 * A NULL swap function swaps 'size' bytes, a word at a time when size and
 * base allow it.
 */
#include <linux/kernel.h>
#include <linux/sort.h>

static void swap_bytes(void *a, void *b, size_t size)
{
	char *x = a, *y = b;

	while (size--) {
		char t = *x;

		*x++ = *y;
		*y++ = t;
	}
}

static void swap_words(void *a, void *b, size_t size)
{
	unsigned long *x = a, *y = b;

	for (size /= sizeof(long); size; size--) {
		unsigned long t = *x;

		*x++ = *y;
		*y++ = t;
	}
}

struct sorter {
	char *base;
	size_t size;
	cmp_r_func_t cmp;
	swap_r_func_t swapf;
	const void *priv;
	bool words;
};

static inline int cmp_at(const struct sorter *s, size_t i, size_t j)
{
	return s->cmp(s->base + i * s->size, s->base + j * s->size, s->priv);
}

static inline void swap_at(const struct sorter *s, size_t i, size_t j)
{
	char *a = s->base + i * s->size, *b = s->base + j * s->size;

	if (s->swapf)
		s->swapf(a, b, (int)s->size, s->priv);
	else if (s->words)
		swap_words(a, b, s->size);
	else
		swap_bytes(a, b, s->size);
}

/* restore the max-heap property below 'root' within the first n elements */
static void sift_down(const struct sorter *s, size_t root, size_t n)
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= n)
			return;
		if (child + 1 < n && cmp_at(s, child + 1, child) > 0)
			child++;
		if (cmp_at(s, child, root) <= 0)
			return;
		swap_at(s, root, child);
		root = child;
	}
}

void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func,
	    swap_r_func_t swap_func, const void *priv)
{
	struct sorter s = {
		.base = base, .size = size, .cmp = cmp_func, .swapf = swap_func,
		.priv = priv,
		.words = !(size % sizeof(long)) &&
			 !((unsigned long)base % __alignof__(long)),
	};
	size_t i;

	if (num < 2 || !size)
		return;
	for (i = num / 2; i-- > 0;)
		sift_down(&s, i, num);
	for (i = num - 1; i > 0; i--) {
		swap_at(&s, 0, i);
		sift_down(&s, 0, i);
	}
}

/* adapters from the two-argument callbacks */
struct plain_callbacks {
	cmp_func_t cmp;
	swap_func_t swapf;
};

static int plain_cmp(const void *a, const void *b, const void *priv)
{
	const struct plain_callbacks *cb = priv;

	return cb->cmp(a, b);
}

static void plain_swap(void *a, void *b, int size, const void *priv)
{
	const struct plain_callbacks *cb = priv;

	cb->swapf(a, b, size);
}

void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func,
	  swap_func_t swap_func)
{
	struct plain_callbacks cb = { .cmp = cmp_func, .swapf = swap_func };

	sort_r(base, num, size, plain_cmp, swap_func ? plain_swap : NULL, &cb);
}
