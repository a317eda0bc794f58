/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sparse annotations compiled away, section and inline markers, and the
 * type-generic helpers that compiler.h and the rest build on.
 */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H

#include <linux/compiler_attributes.h>

/* sparse address spaces and lock-context annotations: no meaning here */
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __nocast
#define __safe
#define __private
#define __bitwise
#define __chk_user_ptr(x) ((void)0)
#define __chk_io_ptr(x) ((void)0)
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x) ((void)0)
#define __release(x) ((void)0)
#define __cond_lock(x, c) (c)
#define ACCESS_PRIVATE(p, member) ((p)->member)

/* hardening and instrumentation: not used in userspace */
#define __randomize_layout
#define __no_randomize_layout
#define randomized_struct_fields_start struct {
#define randomized_struct_fields_end };
#define __latent_entropy
#define __noinstr_section(section)
#define noinstr
#define notrace
#define __noscs
#define __nocfi
#define __ro_after_init
#define __read_mostly
#define __cacheline_aligned __aligned(64)
#define __cacheline_aligned_in_smp __aligned(64)
#define ____cacheline_aligned __aligned(64)
#define ____cacheline_aligned_in_smp __aligned(64)
#define __no_stack_protector
#define __noendbr
#define __nostackprotector

#define inline inline __attribute__((__unused__))
#define __inline__ inline
#define __inline inline
#define noinline_for_stack noinline

#define __compiletime_assert(condition, msg, prefix, suffix)               \
	_Static_assert(condition, msg)
#define compiletime_assert(condition, msg) _Static_assert(condition, msg)
#define compiletime_assert_atomic_type(t)                                  \
	compiletime_assert(__native_word(t),                               \
			   "Need native word sized stores/loads for atomicity.")

#define __native_word(t)                                                   \
	(sizeof(t) == sizeof(char) || sizeof(t) == sizeof(short) ||        \
	 sizeof(t) == sizeof(int) || sizeof(t) == sizeof(long))

#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define __scalar_type_to_expr_cases(type)                                  \
	unsigned type : (unsigned type)0, signed type : (signed type)0
#define __unqual_scalar_typeof(x)                                          \
	typeof(_Generic((x),                                               \
		char: (char)0,                                             \
		__scalar_type_to_expr_cases(char),                         \
		__scalar_type_to_expr_cases(short),                        \
		__scalar_type_to_expr_cases(int),                          \
		__scalar_type_to_expr_cases(long),                         \
		__scalar_type_to_expr_cases(long long),                    \
		default: (x)))

#define __builtin_warning(x, y...) (1)
#define __annotate_jump_table
#define __func_align

#endif /* __LINUX_COMPILER_TYPES_H */
