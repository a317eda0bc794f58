/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multiplicative hashing (include/linux/hash.h): hash_32/hash_64 return
 * the top 'bits' bits of the product with the golden-ratio constants, so
 * results are below 1 << bits and equal the kernel's values.
 */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/wordpart.h>

/* the kernel's multipliers, close to 2^32 / phi and 2^64 / phi */
#define GOLDEN_RATIO_32 0x61c88647U
#define GOLDEN_RATIO_64 0x61c8864680b583ebULL
#define GOLDEN_RATIO_PRIME (GOLDEN_RATIO_64)

/* unsigned long is 64 bits wide */
#define hash_long(v, nbits) hash_64((v), (nbits))

static inline u32 __hash_32(u32 val)
{
	return val * GOLDEN_RATIO_32;
}

static inline u32 hash_32(u32 v, unsigned int nbits)
{
	return __hash_32(v) >> (32 - nbits);
}

static __always_inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}

static inline u32 hash_ptr(const void *p, unsigned int nbits)
{
	return hash_long((uintptr_t)p, nbits);
}

/* 32 bits of a pointer, for hashing only */
static inline u32 hash32_ptr(const void *p)
{
	u64 v = (uintptr_t)p;

	return lower_32_bits(v) ^ upper_32_bits(v);
}

#endif /* _LINUX_HASH_H */
