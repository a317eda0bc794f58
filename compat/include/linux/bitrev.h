/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bit reversal (lib/bitrev.c): bitrev8/16/32 mirror the bits of a byte,
 * half-word and word.  A 256-entry table in compat/bitrev.c for bytes, the
 * wider forms built from it; constant arguments fold.
 */
#ifndef _LINUX_BITREV_H
#define _LINUX_BITREV_H

#include <linux/types.h>

extern u8 const byte_rev_table[256];

#define __constant_bitrev8(x)                                              \
	({                                                                 \
		u8 ___x = (x);                                             \
		___x = (___x >> 4) | (___x << 4);                          \
		___x = ((___x & 0xCC) >> 2) | ((___x & 0x33) << 2);        \
		___x = ((___x & 0xAA) >> 1) | ((___x & 0x55) << 1);        \
		___x;                                                      \
	})

static inline u8 __bitrev8(u8 byte)
{
	return byte_rev_table[byte];
}

static inline u16 __bitrev16(u16 x)
{
	return (__bitrev8(x & 0xff) << 8) | __bitrev8(x >> 8);
}

static inline u32 __bitrev32(u32 x)
{
	return (__bitrev16(x & 0xffff) << 16) | __bitrev16(x >> 16);
}

#define bitrev8(x) __bitrev8(x)
#define bitrev16(x) __bitrev16(x)
#define bitrev32(x) __bitrev32(x)

#endif /* _LINUX_BITREV_H */
