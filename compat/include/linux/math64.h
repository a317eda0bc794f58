/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 64-bit division and multiplication helpers.  Kernel contracts kept:
 * div_u64/div_s64 divide by a 32-bit divisor, the _rem forms also store the
 * remainder (with the sign of the dividend for signed forms, as C
 * truncating division gives), div64_* take 64-bit divisors, and
 * mul_u64_u32_div / mul_u64_u64_shr compute with a 128-bit intermediate
 * so the product does not overflow.  On this 64-bit target all of them are
 * inline C.
 */
#ifndef _LINUX_MATH64_H
#define _LINUX_MATH64_H

#include <linux/types.h>
#include <linux/math.h>
#include <asm/div64.h>

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
	*remainder = (u32)(dividend % divisor);
	return dividend / divisor;
}

static inline s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder)
{
	*remainder = (s32)(dividend % divisor);
	return dividend / divisor;
}

static inline u64 div64_u64_rem(u64 dividend, u64 divisor, u64 *remainder)
{
	*remainder = dividend % divisor;
	return dividend / divisor;
}

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
	return dividend / divisor;
}

static inline s64 div64_s64(s64 dividend, s64 divisor)
{
	return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

static inline s64 div_s64(s64 dividend, s32 divisor)
{
	return dividend / divisor;
}

#define div64_long(x, y) div64_s64((x), (y))
#define div64_ul(x, y) div64_u64((x), (y))

static inline u64 mul_u32_u32(u32 a, u32 b)
{
	return (u64)a * b;
}

static inline u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}

static inline u64 mul_u64_u64_shr(u64 a, u64 mul, unsigned int shift)
{
	return (u64)(((unsigned __int128)a * mul) >> shift);
}

static inline u64 mul_s64_u64_shr(s64 a, u64 b, unsigned int shift)
{
	u64 r = mul_u64_u64_shr(a < 0 ? -(u64)a : (u64)a, b, shift);

	return a < 0 ? -r : r;
}

/* (a * mul) / divisor without overflowing the product */
static inline u64 mul_u64_u32_div(u64 a, u32 mul, u32 divisor)
{
	return (u64)(((unsigned __int128)a * mul) / divisor);
}

static inline u64 mul_u64_u64_div_u64(u64 a, u64 mul, u64 div)
{
	return (u64)(((unsigned __int128)a * mul) / div);
}

/* quotient rounded up; @d is evaluated once */
#define DIV64_U64_ROUND_UP(ll, d)                                          \
	({                                                                 \
		u64 __d64 = (d);                                           \
		div64_u64((ll) + __d64 - 1, __d64);                        \
	})
#define DIV_U64_ROUND_UP(ll, d)                                            \
	({                                                                 \
		u32 __d32 = (d);                                           \
		div_u64((ll) + __d32 - 1, __d32);                          \
	})
#define DIV64_U64_ROUND_CLOSEST(dividend, divisor)                         \
	({                                                                 \
		u64 __dv = (divisor);                                      \
		div64_u64((dividend) + __dv / 2, __dv);                    \
	})
#define DIV_U64_ROUND_CLOSEST(dividend, divisor)                           \
	({                                                                 \
		u32 __dv = (divisor);                                      \
		div_u64((u64)(dividend) + __dv / 2, __dv);                 \
	})
#define DIV_S64_ROUND_CLOSEST(dividend, divisor)                           \
	({                                                                 \
		s64 __x = (dividend);                                      \
		s32 __y = (divisor);                                       \
		(__x > 0) == (__y > 0) ? div_s64(__x + __y / 2, __y) :     \
					 div_s64(__x - __y / 2, __y);      \
	})

static inline u64 roundup_u64(u64 x, u32 y)
{
	return DIV_U64_ROUND_UP(x, y) * y;
}

#endif /* _LINUX_MATH64_H */
