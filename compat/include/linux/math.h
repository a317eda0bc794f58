/* SPDX-License-Identifier: GPL-2.0-only */
/* Integer division helpers. */
#ifndef _KSHIM_LINUX_MATH_H
#define _KSHIM_LINUX_MATH_H

#include <linux/types.h>

#define DIV_ROUND_UP(n, d) __KERNEL_DIV_ROUND_UP(n, d)
/* d a power of two: no overflow of n + d - 1 */
#define DIV_ROUND_UP_POW2(n, d) ((n) / (d) + !!((n) & ((d) - 1)))
#define DIV_ROUND_DOWN_ULL(ll, d)                                          \
	({                                                                 \
		unsigned long long _tmp = (ll);                            \
		_tmp / (d);                                                \
	})
#define DIV_ROUND_UP_ULL(ll, d) DIV_ROUND_DOWN_ULL((unsigned long long)(ll) + (d) - 1, (d))
#define DIV_ROUND_UP_SECTOR_T(ll, d) DIV_ROUND_UP_ULL(ll, d)
#define DIV_ROUND_CLOSEST(x, divisor)                                      \
	({                                                                 \
		typeof(x) __x = x;                                         \
		typeof(divisor) __d = divisor;                             \
		(((typeof(x))-1) > 0 || ((typeof(divisor))-1) > 0 ||       \
		 (((__x) > 0) == ((__d) > 0))) ?                           \
			(((__x) + ((__d) / 2)) / (__d)) :                  \
			(((__x) - ((__d) / 2)) / (__d));                   \
	})
#define DIV_ROUND_CLOSEST_ULL(x, divisor) (((x) + (divisor) / 2) / (divisor))
#define round_up(x, y) ((((x) - 1) | ((typeof(x))((y) - 1))) + 1)
#define round_down(x, y) ((x) & ~((typeof(x))((y) - 1)))
#define roundup(x, y)                                                      \
	({                                                                 \
		typeof(y) __y = y;                                         \
		(((x) + (__y - 1)) / __y) * __y;                           \
	})
#define rounddown(x, y)                                                    \
	({                                                                 \
		typeof(x) __x = (x);                                       \
		__x - (__x % (y));                                         \
	})
#define abs(x)                                                             \
	({                                                                 \
		typeof(x) __abs_x = (x);                                   \
		__abs_x < 0 ? -__abs_x : __abs_x;                          \
	})
#define mult_frac(x, numer, denom)                                         \
	({                                                                 \
		typeof(x) quot = (x) / (denom);                            \
		typeof(x) rem = (x) % (denom);                             \
		(quot * (numer)) + ((rem * (numer)) / (denom));            \
	})
#define sector_div(a, b)                                                   \
	({                                                                 \
		u32 __rem = (u32)((a) % (b));                              \
		(a) = (a) / (b);                                           \
		__rem;                                                     \
	})

static inline u32 reciprocal_scale(u32 val, u32 ep_ro)
{
	return (u32)(((u64)val * ep_ro) >> 32);
}

u64 int_pow(u64 base, unsigned int exp);
unsigned long int_sqrt(unsigned long x);

#endif /* _KSHIM_LINUX_MATH_H */
