/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The attribute spellings kernel code uses, mapped onto GCC/Clang
 * attributes.  Attributes that only feed kernel instrumentation (sparse,
 * randstruct, KCSAN) expand to nothing.
 */
#ifndef _LINUX_COMPILER_ATTRIBUTES_H
#define _LINUX_COMPILER_ATTRIBUTES_H

/* expand first: the target may be a name kshim/namespace.h renames */
#define __kshim_alias_str(x...) #x
#define __kshim_alias_xstr(x...) __kshim_alias_str(x)
#define __alias(symbol) __attribute__((__alias__(__kshim_alias_xstr(symbol))))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __aligned_largest __attribute__((__aligned__))
#define __always_inline inline __attribute__((__always_inline__))
#define __always_unused __attribute__((__unused__))
#define __maybe_unused __attribute__((__unused__))
#define __cold __attribute__((__cold__))
#define __hot __attribute__((__hot__))
#define __attribute_const__ __attribute__((__const__))
#define __copy(symbol)
#define __deprecated
#define __designated_init
#define __gnu_inline __attribute__((__gnu_inline__))
#define __malloc __attribute__((__malloc__))
#define __mode(x) __attribute__((__mode__(x)))
#define __must_check __attribute__((__warn_unused_result__))
#define __noclone
#define __nonstring
#define __noreturn __attribute__((__noreturn__))
#define noinline __attribute__((__noinline__))
#define __packed __attribute__((__packed__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __scanf(a, b) __attribute__((__format__(scanf, a, b)))
#define __pure __attribute__((__pure__))
#define __section(section) __attribute__((__section__(section)))
#define __used __attribute__((__used__))
#define __weak __attribute__((__weak__))
#define __cleanup(func) __attribute__((__cleanup__(func)))
#define __counted_by(member)
#define __no_sanitize_address
#define __no_kcsan
#define __disable_sanitizer_instrumentation
#define __naked __attribute__((__naked__))
#define __visible
#define __flatten __attribute__((flatten))

#if defined(__has_attribute) && __has_attribute(__fallthrough__)
#define fallthrough __attribute__((__fallthrough__))
#else
#define fallthrough do {} while (0)
#endif

#define __assume_aligned(a, ...) __attribute__((__assume_aligned__(a, ##__VA_ARGS__)))
#define __alloc_size(x, ...) __attribute__((__alloc_size__(x, ##__VA_ARGS__)))
#define __realloc_size(x, ...) __alloc_size(x, ##__VA_ARGS__)

#endif /* _LINUX_COMPILER_ATTRIBUTES_H */
