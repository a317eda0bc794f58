/* SPDX-License-Identifier: GPL-2.0-only */
/* Type-checked min/max/clamp that evaluate each argument once. */
#ifndef _KSHIM_LINUX_MINMAX_H
#define _KSHIM_LINUX_MINMAX_H

#include <linux/compiler.h>
#include <linux/const.h>

#define __kshim_cmp_once(op, x, y, ux, uy)                                 \
	({                                                                 \
		typeof(x) ux = (x);                                        \
		typeof(y) uy = (y);                                        \
		(ux op uy) ? ux : uy;                                      \
	})
#define __kshim_cmp(op, x, y)                                              \
	__kshim_cmp_once(op, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))

#define min(x, y) __kshim_cmp(<, x, y)
#define max(x, y) __kshim_cmp(>, x, y)
#define umin(x, y) min((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y) max((x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define min3(x, y, z) min((typeof(x))min(x, y), z)
#define max3(x, y, z) max((typeof(x))max(x, y), z)
#define min_not_zero(x, y)                                                 \
	({                                                                 \
		typeof(x) __x = (x);                                       \
		typeof(y) __y = (y);                                       \
		__x == 0 ? __y : ((__y == 0) ? __x : min(__x, __y));       \
	})
#define clamp(val, lo, hi) min((typeof(val))max(val, lo), hi)
#define min_t(type, x, y) __kshim_cmp(<, (type)(x), (type)(y))
#define max_t(type, x, y) __kshim_cmp(>, (type)(x), (type)(y))
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi) clamp_t(typeof(val), val, lo, hi)
#define min_array(array, len)                                              \
	({                                                                 \
		typeof(&(array)[0]) __array = (array);                     \
		typeof(len) __len = (len);                                 \
		typeof(__array[0] + 0) __e = __array[--__len];             \
		while (__len--)                                            \
			__e = min(__e, __array[__len]);                    \
		__e;                                                       \
	})
#define swap(a, b)                                                         \
	do {                                                               \
		typeof(a) __tmp = (a);                                     \
		(a) = (b);                                                 \
		(b) = __tmp;                                               \
	} while (0)
#define in_range(val, start, len) ((val) >= (start) && (val) - (start) < (len))

#endif /* _KSHIM_LINUX_MINMAX_H */
