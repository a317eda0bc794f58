// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bitmap searches (lib/find_bit.c).  Each returns the index of the first
 * matching bit at or after offset and below size, else size; the words are
 * read a whole word at a time, and bits at or beyond size in the last word
 * are masked off so they never match.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/bitmap.h>

/*
 * The generic walk: fetch(i) yields word i of the bitmap expression being
 * searched (already inverted for zero-searches) for the index variable idx.
 */
#define KSHIM_FIND_NEXT(idx, fetch, size, start)                                \
	({                                                                 \
		unsigned long __sz = (size), __st = (start), __w, __r = __sz; \
		if (__st < __sz) {                                         \
			(idx) = __st / BITS_PER_LONG;                        \
			__w = (fetch) & BITMAP_FIRST_WORD_MASK(__st);      \
			for (;;) {                                         \
				if (__w) {                                 \
					__r = (idx) * BITS_PER_LONG + __ffs(__w); \
					if (__r > __sz)                    \
						__r = __sz;                \
					break;                             \
				}                                          \
				if (++(idx) * BITS_PER_LONG >= __sz)         \
					break;                             \
				__w = (fetch);                             \
			}                                                  \
		}                                                          \
		__r;                                                       \
	})

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset)
{
	unsigned long i;

	return KSHIM_FIND_NEXT(i, addr[i], size, offset);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset)
{
	unsigned long i;

	return KSHIM_FIND_NEXT(i, ~addr[i], size, offset);
}

unsigned long find_next_and_bit(const unsigned long *addr1, const unsigned long *addr2,
				unsigned long size, unsigned long offset)
{
	unsigned long i;

	return KSHIM_FIND_NEXT(i, addr1[i] & addr2[i], size, offset);
}

unsigned long find_next_andnot_bit(const unsigned long *addr1, const unsigned long *addr2,
				   unsigned long size, unsigned long offset)
{
	unsigned long i;

	return KSHIM_FIND_NEXT(i, addr1[i] & ~addr2[i], size, offset);
}

unsigned long find_next_or_bit(const unsigned long *addr1, const unsigned long *addr2,
			       unsigned long size, unsigned long offset)
{
	unsigned long i;

	return KSHIM_FIND_NEXT(i, addr1[i] | addr2[i], size, offset);
}

unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{
	return find_next_bit(addr, size, 0);
}

unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return find_next_zero_bit(addr, size, 0);
}

unsigned long find_first_and_bit(const unsigned long *addr1, const unsigned long *addr2,
				 unsigned long size)
{
	return find_next_and_bit(addr1, addr2, size, 0);
}

unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	unsigned long i, w;

	if (!size)
		return size;
	i = (size - 1) / BITS_PER_LONG;
	w = addr[i] & BITMAP_LAST_WORD_MASK(size);
	for (;;) {
		if (w)
			return i * BITS_PER_LONG + __fls(w);
		if (!i--)
			return size;
		w = addr[i];
	}
}

/* the index of the n-th (0-based) set bit, or size */
unsigned long find_nth_bit(const unsigned long *addr, unsigned long size, unsigned long n)
{
	unsigned long bit;

	for_each_set_bit(bit, addr, size)
		if (n-- == 0)
			return bit;
	return size;
}
