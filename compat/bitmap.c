// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bitmap operations (lib/bitmap.c).  Only the words covering the first
 * nbits bits are read or written, and bits beyond nbits in the last word
 * never influence a result (weight, equality, "any bit set" returns).
 */
#include <linux/kernel.h>
#include <linux/bitmap.h>
#include <linux/slab.h>

/*
 * Set (@set) or clear bits [start, start + len): the first and last words
 * are masked, the words in between are written whole.
 */
static void bitmap_update_range(unsigned long *map, unsigned int start,
				int len, bool set)
{
	unsigned long *w = map + BIT_WORD(start);
	unsigned long *last;
	unsigned long m = BITMAP_FIRST_WORD_MASK(start);
	unsigned int end = start + len;

	if (len <= 0)
		return;
	last = map + BIT_WORD(end - 1);
	for (; w <= last; w++, m = ~0UL) {
		if (w == last)
			m &= BITMAP_LAST_WORD_MASK(end);
		if (set)
			*w |= m;
		else
			*w &= ~m;
	}
}

void __bitmap_set(unsigned long *map, unsigned int start, int len)
{
	bitmap_update_range(map, start, len, true);
}

void __bitmap_clear(unsigned long *map, unsigned int start, int len)
{
	bitmap_update_range(map, start, len, false);
}

/* mask of the valid bits of word i of an nbits bitmap */
static inline unsigned long word_mask(unsigned int i, unsigned int nbits)
{
	if ((i + 1) * BITS_PER_LONG <= nbits)
		return ~0UL;
	return BITMAP_LAST_WORD_MASK(nbits);
}

unsigned int __bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int i, w = 0;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		w += hweight_long(src[i] & word_mask(i, nbits));
	return w;
}

bool __bitmap_equal(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if ((a[i] ^ b[i]) & word_mask(i, nbits))
			return false;
	return true;
}

bool __bitmap_intersects(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if (a[i] & b[i] & word_mask(i, nbits))
			return true;
	return false;
}

bool __bitmap_subset(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		if (a[i] & ~b[i] & word_mask(i, nbits))
			return false;
	return true;
}

bool __bitmap_and(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		  unsigned int nbits)
{
	unsigned long any = 0;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++) {
		dst[i] = a[i] & b[i];
		any |= dst[i] & word_mask(i, nbits);
	}
	return any != 0;
}

bool __bitmap_andnot(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		     unsigned int nbits)
{
	unsigned long any = 0;
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++) {
		dst[i] = a[i] & ~b[i];
		any |= dst[i] & word_mask(i, nbits);
	}
	return any != 0;
}

void __bitmap_or(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		 unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = a[i] | b[i];
}

void __bitmap_xor(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		  unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = a[i] ^ b[i];
}

void __bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(nbits); i++)
		dst[i] = ~src[i];
}

/*
 * The first run of nr clear bits at or after start, within size, whose
 * start satisfies ((index + align_offset) & align_mask) == 0; returns an
 * index > size - nr (at least size) when there is none.
 */
unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size,
					     unsigned long start, unsigned int nr,
					     unsigned long align_mask,
					     unsigned long align_offset)
{
	unsigned long index, end, busy;

	for (;;) {
		index = find_next_zero_bit(map, size, start);
		/* round up to the alignment */
		index = ((index + align_offset + align_mask) & ~align_mask) - align_offset;
		end = index + nr;
		if (end > size)
			return end;
		busy = find_next_bit(map, end, index);
		if (busy >= end)
			return index;
		start = busy + 1;
	}
}

unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags)
{
	return kmalloc_array(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	return bitmap_alloc(nbits, flags | __GFP_ZERO);
}

void bitmap_free(const unsigned long *bitmap)
{
	kfree(bitmap);
}
