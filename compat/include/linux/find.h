/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Searching bitmaps (lib/find_bit.c).  Every search returns the index of
 * the bit found, or 'size' when there is none (never more than size); bits
 * at or beyond 'size' in the last word are never looked at.
 */
#ifndef __LINUX_FIND_H_
#define __LINUX_FIND_H_

#include <linux/bitops.h>

unsigned long find_next_bit(const unsigned long *map, unsigned long nbits,
			    unsigned long start);
unsigned long find_next_zero_bit(const unsigned long *map, unsigned long nbits,
				 unsigned long start);
unsigned long find_next_and_bit(const unsigned long *map1, const unsigned long *map2,
				unsigned long nbits, unsigned long start);
unsigned long find_next_andnot_bit(const unsigned long *map1, const unsigned long *map2,
				   unsigned long nbits, unsigned long start);
unsigned long find_next_or_bit(const unsigned long *map1, const unsigned long *map2,
			       unsigned long nbits, unsigned long start);
unsigned long find_first_bit(const unsigned long *map, unsigned long nbits);
unsigned long find_first_zero_bit(const unsigned long *map, unsigned long nbits);
unsigned long find_first_and_bit(const unsigned long *map1, const unsigned long *map2,
				 unsigned long nbits);
/* the highest set bit below nbits, or nbits */
unsigned long find_last_bit(const unsigned long *map, unsigned long nbits);
/* the n-th set bit, counting from 0 */
unsigned long find_nth_bit(const unsigned long *map, unsigned long nbits, unsigned long n);

/* little-endian bitmaps are native here */
static inline unsigned long find_next_zero_bit_le(const void *map, unsigned long nbits,
						  unsigned long start)
{
	return find_next_zero_bit(map, nbits, start);
}

static inline unsigned long find_next_bit_le(const void *map, unsigned long nbits,
					     unsigned long start)
{
	return find_next_bit(map, nbits, start);
}

static inline unsigned long find_first_zero_bit_le(const void *map, unsigned long nbits)
{
	return find_first_zero_bit(map, nbits);
}

/* search from start to the end, then wrap around to the beginning */
static inline unsigned long find_next_bit_wrap(const unsigned long *map,
					       unsigned long nbits, unsigned long start)
{
	unsigned long bit = find_next_bit(map, nbits, start);

	if (bit >= nbits && start) {
		bit = find_first_bit(map, start);
		if (bit >= start)
			bit = nbits;
	}
	return bit;
}

#define for_each_set_bit(bit, addr, size)                                  \
	for ((bit) = 0; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_set_bit_from(bit, addr, size)                             \
	for (; (bit) = find_next_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_clear_bit(bit, addr, size)                                \
	for ((bit) = 0;                                                    \
	     (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); \
	     (bit)++)
#define for_each_clear_bit_from(bit, addr, size)                           \
	for (; (bit) = find_next_zero_bit((addr), (size), (bit)), (bit) < (size); (bit)++)
#define for_each_and_bit(bit, addr1, addr2, size)                          \
	for ((bit) = 0;                                                    \
	     (bit) = find_next_and_bit((addr1), (addr2), (size), (bit)), (bit) < (size); \
	     (bit)++)
#define for_each_set_bitrange(b, e, addr, size)                            \
	for ((b) = 0;                                                      \
	     (b) = find_next_bit((addr), (size), b),                       \
	     (e) = find_next_zero_bit((addr), (size), (b) + 1),            \
	     (b) < (size);                                                 \
	     (b) = (e) + 1)

#endif /* __LINUX_FIND_H_ */
