/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CRC-32C (Castagnoli): crc32c(seed, data, len) is lib/crc32.c's
 * __crc32c_le, no inversion inside; crc32c(~0, ...) ^ ~0 is the standard
 * CRC-32C check value.
 */
#ifndef _LINUX_CRC32C_H
#define _LINUX_CRC32C_H

#include <linux/types.h>
#include <linux/crc32.h>

static inline u32 crc32c(u32 crc, const void *address, unsigned int length)
{
	return __crc32c_le(crc, address, length);
}

#define crc32c_le crc32c

#endif /* _LINUX_CRC32C_H */
