// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hex conversion and dumps (lib/hexdump.c).  hex_dump_to_buffer() formats
 * one row of at most rowsize (16 or 32) bytes in groups of 1, 2, 4 or 8
 * bytes (each group printed as a native-endian number), optionally
 * followed by the printable ASCII at a fixed column; it always
 * NUL-terminates a nonempty buffer and returns the length the full line
 * needs, like snprintf.  print_hex_dump() prints such rows through printk.
 */
#include <linux/kernel.h>
#include <linux/hex.h>
#include <linux/ctype.h>
#include <linux/log2.h>
#include <linux/unaligned.h>

const char hex_asc[] = "0123456789abcdef";
const char hex_asc_upper[] = "0123456789ABCDEF";

int hex_to_bin(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch |= 0x20;
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

int hex2bin(u8 *dst, const char *src, size_t count)
{
	while (count--) {
		int hi = hex_to_bin(*src++), lo;

		if (hi < 0)
			return -EINVAL;
		lo = hex_to_bin(*src++);
		if (lo < 0)
			return -EINVAL;
		*dst++ = (u8)(hi << 4 | lo);
	}
	return 0;
}

char *bin2hex(char *dst, const void *src, size_t count)
{
	const u8 *p = src;

	while (count--)
		dst = hex_byte_pack(dst, *p++);
	return dst;
}

int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize,
		       char *linebuf, size_t linebuflen, bool ascii)
{
	/* the longest line: 32 bytes as hex with spaces, padding, 32 chars */
	char line[32 * 3 + 2 + 32 + 1];
	const u8 *bytes = buf;
	size_t ngroups, i, n = 0, ascii_column;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	if (len > (size_t)rowsize)
		len = rowsize;
	if (groupsize > 8 || !is_power_of_2(groupsize) || len % groupsize)
		groupsize = 1;
	ngroups = len / groupsize;
	ascii_column = rowsize * 2 + rowsize / groupsize + 1;

	for (i = 0; i < ngroups; i++) {
		const void *g = bytes + i * groupsize;
		unsigned long long v;

		if (groupsize == 8)
			v = get_unaligned((const u64 *)g);
		else if (groupsize == 4)
			v = get_unaligned((const u32 *)g);
		else if (groupsize == 2)
			v = get_unaligned((const u16 *)g);
		else
			v = *(const u8 *)g;
		n += snprintf(line + n, sizeof(line) - n, "%s%0*llx", i ? " " : "",
			      groupsize * 2, v);
	}
	if (ascii && len) {
		while (n < ascii_column)
			line[n++] = ' ';
		for (i = 0; i < len; i++)
			line[n++] = isascii(bytes[i]) && isprint(bytes[i]) ? bytes[i] : '.';
	}
	line[n] = '\0';
	if (linebuflen) {
		size_t copy = n < linebuflen ? n : linebuflen - 1;

		memcpy(linebuf, line, copy);
		linebuf[copy] = '\0';
	}
	return (int)n;
}

void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len, bool ascii)
{
	char line[32 * 3 + 2 + 32 + 1];
	const u8 *p = buf;
	size_t off;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	for (off = 0; off < len; off += rowsize) {
		size_t chunk = min_t(size_t, len - off, rowsize);

		hex_dump_to_buffer(p + off, chunk, rowsize, groupsize, line,
				   sizeof(line), ascii);
		if (prefix_type == DUMP_PREFIX_ADDRESS)
			printk("%s%s%p: %s\n", level, prefix_str, p + off, line);
		else if (prefix_type == DUMP_PREFIX_OFFSET)
			printk("%s%s%.8zx: %s\n", level, prefix_str, off, line);
		else
			printk("%s%s%s\n", level, prefix_str, line);
	}
}
