/* SPDX-License-Identifier: GPL-2.0-only */
/* Halves of words. */
#ifndef _KSHIM_LINUX_WORDPART_H
#define _KSHIM_LINUX_WORDPART_H

#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_16_bits(n) ((u16)((n) >> 16))
#define lower_16_bits(n) ((u16)((n) & 0xffff))
#define REPEAT_BYTE(x) ((~0ul / 0xff) * (x))

#endif /* _KSHIM_LINUX_WORDPART_H */
