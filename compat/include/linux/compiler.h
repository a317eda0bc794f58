/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Branch hints, compiler barriers and the once-only accessors.
 * READ_ONCE/WRITE_ONCE are volatile accesses of native words, as in the
 * kernel: not reordered against each other by the compiler, not torn.
 */
#ifndef __LINUX_COMPILER_H
#define __LINUX_COMPILER_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely_notrace(x) likely(x)
#define unlikely_notrace(x) unlikely(x)

#define barrier() __asm__ __volatile__("" : : : "memory")
#define barrier_data(ptr) __asm__ __volatile__("" : : "r"(ptr) : "memory")
#define barrier_before_unreachable() do { } while (0)
#define unreachable() __builtin_unreachable()

#define OPTIMIZER_HIDE_VAR(var) __asm__("" : "=r"(var) : "0"(var))
#define RELOC_HIDE(ptr, off)                                               \
	({                                                                 \
		unsigned long __ptr;                                       \
		__ptr = (unsigned long)(ptr);                              \
		(typeof(ptr))(__ptr + (off));                              \
	})

#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)

#define __must_be_array(a)                                                 \
	(sizeof(struct { int:(-!!(__same_type((a), &(a)[0]))); }))
#define __must_be_byte_array(a) __must_be_array(a)
#define __is_constexpr(x)                                                  \
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))

#define is_signed_type(type) (((type)(-1)) < (type)1)
#define is_unsigned_type(type) (!is_signed_type(type))

/*
 * The kernel's READ_ONCE() accepts any scalar and returns it unqualified.
 * A volatile access of the object's own type is what it compiles to.
 */
#define __READ_ONCE(x) (*(const volatile __unqual_scalar_typeof(x) *)&(x))
#define READ_ONCE(x)                                                       \
	({                                                                 \
		compiletime_assert_rwonce_type(x);                         \
		__READ_ONCE(x);                                            \
	})
#define __WRITE_ONCE(x, val)                                               \
	do {                                                               \
		*(volatile typeof(x) *)&(x) = (val);                       \
	} while (0)
#define WRITE_ONCE(x, val)                                                 \
	do {                                                               \
		compiletime_assert_rwonce_type(x);                         \
		__WRITE_ONCE(x, val);                                      \
	} while (0)
#define compiletime_assert_rwonce_type(t)                                  \
	compiletime_assert(__native_word(t) || sizeof(t) == sizeof(long long), \
			   "Unsupported access size for {READ,WRITE}_ONCE().")

#define data_race(expr)                                                    \
	({                                                                 \
		__unqual_scalar_typeof(({ expr; })) __v = ({ expr; });     \
		__v;                                                       \
	})

#define __ADDRESSABLE(sym)

#endif /* __LINUX_COMPILER_H */
