/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hexadecimal digits (lib/hexdump.c): hex_to_bin() returns 0..15 or -1;
 * hex2bin() returns 0 or -EINVAL; bin2hex() writes 2 * count digits, no
 * terminating NUL, and returns the end.
 */
#ifndef _LINUX_HEX_H
#define _LINUX_HEX_H

#include <linux/types.h>

extern const char hex_asc[];
#define hex_asc_lo(x) hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x) hex_asc[((x) & 0xf0) >> 4]

/* two lower-case digits of b at out; returns the position after them */
static inline char *hex_byte_pack(char *out, u8 b)
{
	out[0] = hex_asc_hi(b);
	out[1] = hex_asc_lo(b);
	return out + 2;
}

extern const char hex_asc_upper[];	/* "0123456789ABCDEF" */
#define hex_asc_upper_lo(x) hex_asc_upper[((x) & 0x0f)]
#define hex_asc_upper_hi(x) hex_asc_upper[((x) & 0xf0) >> 4]

static inline char *hex_byte_pack_upper(char *out, u8 b)
{
	out[0] = hex_asc_upper_hi(b);
	out[1] = hex_asc_upper_lo(b);
	return out + 2;
}

int hex_to_bin(unsigned char c);
int __must_check hex2bin(u8 *out, const char *hex, size_t nbytes);
char *bin2hex(char *out, const void *in, size_t nbytes);

#endif /* _LINUX_HEX_H */
