/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CRC-32 polynomials.  Plain macros: lib/gen_crc32table.c, a host
 * program, includes this file as well.
 */
#ifndef _LINUX_CRC32_POLY_H
#define _LINUX_CRC32_POLY_H

/* IEEE 802.3, reflected and normal */
#define CRC32_POLY_LE 0xedb88320
#define CRC32_POLY_BE 0x04c11db7
/* Castagnoli (iSCSI, ext4, btrfs), reflected */
#define CRC32C_POLY_LE 0x82F63B78

#endif /* _LINUX_CRC32_POLY_H */
