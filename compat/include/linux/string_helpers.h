/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * lib/string_helpers.c: string_get_size() renders a size with SI or IEC
 * units ("4.00 KiB"), rounding to three significant digits as the kernel.
 */
#ifndef _LINUX_STRING_HELPERS_H_
#define _LINUX_STRING_HELPERS_H_

#include <linux/types.h>
#include <linux/string.h>
#include <linux/ctype.h>

enum string_size_units {
	STRING_UNITS_10,
	STRING_UNITS_2,
	STRING_UNITS_MASK = 1,
	STRING_UNITS_NO_SPACE = 1 << 30,
	STRING_UNITS_NO_BYTES = 1UL << 31,
};
int string_get_size(u64 size, u64 blk_size, const enum string_size_units units,
		    char *buf, int len);

#endif /* _LINUX_STRING_HELPERS_H_ */
