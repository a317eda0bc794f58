/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Searching bitmaps (lib/find_bit.c).  Every search returns the index of
 * the bit found, or 'size' when there is none (never more than size); bits
 * at or beyond 'size' in the last word are never looked at.
 */
#ifndef __LINUX_FIND_H_
#define __LINUX_FIND_H_

#include <linux/bitops.h>

unsigned long find_next_bit(const unsigned long *addr, unsigned long size,
			    unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset);
unsigned long find_next_and_bit(const unsigned long *addr1,
				const unsigned long *addr2, unsigned long size,
				unsigned long offset);
unsigned long find_next_andnot_bit(const unsigned long *addr1,
				   const unsigned long *addr2, unsigned long size,
				   unsigned long offset);
unsigned long find_next_or_bit(const unsigned long *addr1,
			       const unsigned long *addr2, unsigned long size,
			       unsigned long offset);
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size);
unsigned long find_first_and_bit(const unsigned long *addr1,
				 const unsigned long *addr2, unsigned long size);
unsigned long find_last_bit(const unsigned long *addr, unsigned long size);
unsigned long find_nth_bit(const unsigned long *addr, unsigned long size,
			   unsigned long n);

/* little-endian bitmaps are native here */
static inline unsigned long find_next_zero_bit_le(const void *addr, unsigned long size,
						  unsigned long offset)
{
	return find_next_zero_bit((const unsigned long *)addr, size, offset);
}

static inline unsigned long find_next_bit_le(const void *addr, unsigned long size,
					     unsigned long offset)
{
	return find_next_bit((const unsigned long *)addr, size, offset);
}

static inline unsigned long find_first_zero_bit_le(const void *addr, unsigned long size)
{
	return find_first_zero_bit((const unsigned long *)addr, size);
}

static inline unsigned long find_next_bit_wrap(const unsigned long *addr,
						unsigned long size, unsigned long offset)
{
	unsigned long bit = find_next_bit(addr, size, offset);

	if (bit < size || offset == 0)
		return bit;
	bit = find_first_bit(addr, offset);
	return bit < offset ? bit : size;
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
