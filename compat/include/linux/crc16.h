/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CRC-16 with polynomial x^16 + x^15 + x^2 + 1 (0xA001 reflected), as
 * lib/crc16.c computes it; that file is compiled unmodified.  crc16 is
 * renamed by kshim/namespace.h.
 */
#ifndef __CRC16_H
#define __CRC16_H

#include <linux/types.h>

/* entry i: the CRC of byte i from a zero state */
extern const u16 crc16_table[256];

u16 crc16(u16 seed, const u8 *data, size_t nbytes);

/* one more byte into a running CRC */
static inline u16 crc16_byte(u16 state, const u8 b)
{
	return crc16_table[(u8)(state ^ b)] ^ (state >> 8);
}

#endif /* __CRC16_H */
