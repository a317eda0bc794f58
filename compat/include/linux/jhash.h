/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bob Jenkins' lookup3 hash (public domain) as the kernel exposes it in
 * include/linux/jhash.h: jhash() over bytes, jhash2() over u32 words,
 * jhash_{1,2,3}word(); same results as the kernel for the same input.
 */
#ifndef _LINUX_JHASH_H
#define _LINUX_JHASH_H

#include <linux/bitops.h>
#include <linux/unaligned.h>

#define JHASH_INITVAL 0xdeadbeef

static inline void __kshim_jhash_mix(u32 *a, u32 *b, u32 *c)
{
	*a -= *c; *a ^= rol32(*c, 4);  *c += *b;
	*b -= *a; *b ^= rol32(*a, 6);  *a += *c;
	*c -= *b; *c ^= rol32(*b, 8);  *b += *a;
	*a -= *c; *a ^= rol32(*c, 16); *c += *b;
	*b -= *a; *b ^= rol32(*a, 19); *a += *c;
	*c -= *b; *c ^= rol32(*b, 4);  *b += *a;
}

static inline void __kshim_jhash_final(u32 *a, u32 *b, u32 *c)
{
	*c ^= *b; *c -= rol32(*b, 14);
	*a ^= *c; *a -= rol32(*c, 11);
	*b ^= *a; *b -= rol32(*a, 25);
	*c ^= *b; *c -= rol32(*b, 16);
	*a ^= *c; *a -= rol32(*c, 4);
	*b ^= *a; *b -= rol32(*a, 14);
	*c ^= *b; *c -= rol32(*b, 24);
}

#define __jhash_mix(a, b, c) __kshim_jhash_mix(&(a), &(b), &(c))
#define __jhash_final(a, b, c) __kshim_jhash_final(&(a), &(b), &(c))

static inline u32 jhash(const void *key, u32 length, u32 initval)
{
	const u8 *k = key;
	u32 abc[3], i;

	abc[0] = abc[1] = abc[2] = JHASH_INITVAL + length + initval;
	for (; length > 12; length -= 12, k += 12) {
		abc[0] += get_unaligned((const u32 *)k);
		abc[1] += get_unaligned((const u32 *)(k + 4));
		abc[2] += get_unaligned((const u32 *)(k + 8));
		__kshim_jhash_mix(&abc[0], &abc[1], &abc[2]);
	}
	if (!length)
		return abc[2];
	/* the last 1..12 bytes, little-endian within each word */
	for (i = 0; i < length; i++)
		abc[i / 4] += (u32)k[i] << (8 * (i % 4));
	__kshim_jhash_final(&abc[0], &abc[1], &abc[2]);
	return abc[2];
}

static inline u32 jhash2(const u32 *k, u32 length, u32 initval)
{
	u32 abc[3], i;

	abc[0] = abc[1] = abc[2] = JHASH_INITVAL + (length << 2) + initval;
	for (; length > 3; length -= 3, k += 3) {
		abc[0] += k[0];
		abc[1] += k[1];
		abc[2] += k[2];
		__kshim_jhash_mix(&abc[0], &abc[1], &abc[2]);
	}
	if (!length)
		return abc[2];
	for (i = 0; i < length; i++)
		abc[i] += k[i];
	__kshim_jhash_final(&abc[0], &abc[1], &abc[2]);
	return abc[2];
}

static inline u32 __jhash_nwords(u32 a, u32 b, u32 c, u32 initval)
{
	a += initval;
	b += initval;
	c += initval;
	__kshim_jhash_final(&a, &b, &c);
	return c;
}

static inline u32 jhash_3words(u32 a, u32 b, u32 c, u32 initval)
{
	return __jhash_nwords(a, b, c, initval + JHASH_INITVAL + (3 << 2));
}

static inline u32 jhash_2words(u32 a, u32 b, u32 initval)
{
	return __jhash_nwords(a, b, 0, initval + JHASH_INITVAL + (2 << 2));
}

static inline u32 jhash_1word(u32 a, u32 initval)
{
	return __jhash_nwords(a, 0, 0, initval + JHASH_INITVAL + (1 << 2));
}

#endif /* _LINUX_JHASH_H */
