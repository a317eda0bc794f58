/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CRC-32 (lib/crc32.c, compiled unmodified with slice-by-8 tables that the
 * build generates with lib/gen_crc32table.c).  crc32_le(seed, p, len)
 * does no pre- or post-inversion, as in the kernel; crc32_le(~0, ...) ^ ~0
 * is the IEEE CRC-32.  The names are renamed to kshim_* by
 * kshim/namespace.h (zlib exports a crc32 of different meaning).
 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>
#include <linux/bitrev.h>
#include <asm/byteorder.h>
#include <linux/stringify.h>

/* IEEE 802.3, least significant bit first (the usual "CRC-32") */
u32 __pure crc32_le(u32 seed, const unsigned char *data, size_t nbytes);
u32 __pure crc32_le_base(u32 seed, const unsigned char *data, size_t nbytes);
/* IEEE 802.3, most significant bit first */
u32 __pure crc32_be(u32 seed, const unsigned char *data, size_t nbytes);
u32 __pure crc32_be_base(u32 seed, const unsigned char *data, size_t nbytes);
/* Castagnoli, least significant bit first */
u32 __pure __crc32c_le(u32 seed, const unsigned char *data, size_t nbytes);
u32 __pure __crc32c_le_base(u32 seed, const unsigned char *data, size_t nbytes);
/* the state after feeding nbytes zero bytes (with no inversion) */
u32 __attribute_const__ crc32_le_shift(u32 state, size_t nbytes);
u32 __attribute_const__ __crc32c_le_shift(u32 state, size_t nbytes);

/* the CRC of A then B from crc(A), crc(B) seeded with 0, and B's length */
static inline u32 crc32_le_combine(u32 crc_a, u32 crc_b, size_t len_b)
{
	return crc_b ^ crc32_le_shift(crc_a, len_b);
}

static inline u32 __crc32c_le_combine(u32 crc_a, u32 crc_b, size_t len_b)
{
	return crc_b ^ __crc32c_le_shift(crc_a, len_b);
}

#define crc32(seed, data, length) crc32_le(seed, (unsigned char const *)(data), length)
#define ether_crc(len, buf) bitrev32(crc32_le(~0, (buf), (len)))
#define ether_crc_le(len, buf) crc32_le(~0, (buf), (len))

#endif /* _LINUX_CRC32_H */
