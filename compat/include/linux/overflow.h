/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Overflow-checked arithmetic.  Kernel guarantees kept: check_*_overflow()
 * store the wrapped result and return true when the mathematical result
 * does not fit the destination type; the size helpers (size_add, size_mul,
 * array_size, struct_size, ...) saturate at SIZE_MAX so that an
 * allocation of an overflowed size fails instead of being too small.
 */
#ifndef __LINUX_OVERFLOW_H
#define __LINUX_OVERFLOW_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/limits.h>
#include <linux/const.h>
#include <linux/stddef.h>

#define __type_half_max(T) ((T)1 << (8 * sizeof(T) - 1 - is_signed_type(T)))
#define __type_max(T) ((T)((__type_half_max(T) - 1) + __type_half_max(T)))
#define type_max(t) __type_max(typeof(t))
#define __type_min(T) ((T)((T)-type_max(T) - (T)1))
#define type_min(t) __type_min(typeof(t))

#define is_non_negative(a) ((a) > 0 || (a) == 0)
#define is_negative(a) (!(is_non_negative(a)))

#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)
#define wrapping_add(T, a, b) ({ T __wr; (void)__builtin_add_overflow(a, b, &__wr); __wr; })
#define wrapping_sub(T, a, b) ({ T __wr; (void)__builtin_sub_overflow(a, b, &__wr); __wr; })
#define wrapping_mul(T, a, b) ({ T __wr; (void)__builtin_mul_overflow(a, b, &__wr); __wr; })

/* true if the value does not fit in a variable of type T (or of t's type) */
#define __overflows_type(n, T)                                             \
	({                                                                 \
		T __ov_tmp;                                                \
		__builtin_add_overflow(n, 0, &__ov_tmp);                   \
	})
#define overflows_type(n, T) __overflows_type(n, typeof(T))

/* a << s into *d; true when bits are lost or the operands are invalid */
#define check_shl_overflow(a, s, d)                                        \
	({                                                                 \
		typeof(a) __a = (a);                                       \
		typeof(s) __s = (s);                                       \
		typeof(d) __d = (d);                                       \
		typeof(*__d) __res;                                        \
		bool __bad = is_negative(__a) || is_negative(__s) ||       \
			     __s >= (typeof(__s))(8 * sizeof(*__d));       \
		__res = __bad ? 0 : (typeof(*__d))((u64)__a << __s);       \
		*__d = __res;                                              \
		__bad || (u64)(__res >> __s) != (u64)__a;                  \
	})

static inline size_t __must_check size_mul(size_t a, size_t b)
{
	size_t r;

	if (__builtin_mul_overflow(a, b, &r))
		return SIZE_MAX;
	return r;
}

static inline size_t __must_check size_add(size_t a, size_t b)
{
	size_t r;

	if (__builtin_add_overflow(a, b, &r))
		return SIZE_MAX;
	return r;
}

/* saturated operands stay saturated */
static inline size_t __must_check size_sub(size_t a, size_t b)
{
	size_t r;

	if (a == SIZE_MAX || b == SIZE_MAX || __builtin_sub_overflow(a, b, &r))
		return SIZE_MAX;
	return r;
}

#define array_size(a, b) size_mul(a, b)
#define array3_size(a, b, c) size_mul(size_mul(a, b), c)

#define flex_array_size(p, member, count)                                  \
	__builtin_choose_expr(__is_constexpr(count),                       \
			      (count) * sizeof(*(p)->member) + __must_be_array((p)->member), \
			      size_mul(count, sizeof(*(p)->member) + __must_be_array((p)->member)))

#define struct_size(p, member, count)                                      \
	__builtin_choose_expr(__is_constexpr(count),                       \
			      sizeof(*(p)) + flex_array_size(p, member, count), \
			      size_add(sizeof(*(p)), flex_array_size(p, member, count)))
#define struct_size_t(type, member, count) struct_size((type *)NULL, member, count)

#define _DEFINE_FLEX(type, name, member, count, initializer...)            \
	_Static_assert(__builtin_constant_p(count), "count must be constant"); \
	union {                                                            \
		u8 bytes[struct_size_t(type, member, count)];              \
		type obj;                                                  \
	} name##_u initializer;                                            \
	type *name = (type *)&name##_u
#define DEFINE_RAW_FLEX(type, name, member, count)                         \
	_DEFINE_FLEX(type, name, member, count, = {})
#define DEFINE_FLEX(type, name, member, counter, count)                    \
	_DEFINE_FLEX(type, name, member, count,                            \
		     = { .obj.counter = count })

#endif /* __LINUX_OVERFLOW_H */
