/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * do_div(n, base): the kernel's in-place 64-by-32 division.  Kernel
 * contract kept: @n (a 64-bit lvalue) is replaced by the quotient and the
 * expression yields the 32-bit remainder; @base is evaluated once.  The
 * target divides 64-bit numbers natively, so this is plain C.
 */
#ifndef _ASM_DIV64_H
#define _ASM_DIV64_H

#include <linux/types.h>

#define do_div(n, base)                                                    \
	({                                                                 \
		u32 __dd_base = (base);                                    \
		u32 __dd_rem;                                              \
		__dd_rem = (u32)((u64)(n) % __dd_base);                    \
		(n) = (u64)(n) / __dd_base;                                \
		__dd_rem;                                                  \
	})

#endif /* _ASM_DIV64_H */
