/* SPDX-License-Identifier: GPL-2.0-only */
/* Compile-time type checks that evaluate to 1. */
#ifndef _KSHIM_LINUX_TYPECHECK_H
#define _KSHIM_LINUX_TYPECHECK_H

#define typecheck(type, x)                                                 \
	({                                                                 \
		type __dummy;                                              \
		typeof(x) __dummy2;                                        \
		(void)(&__dummy == &__dummy2);                             \
		1;                                                         \
	})
#define typecheck_fn(type, function)                                       \
	({                                                                 \
		typeof(type) __tmp = function;                             \
		(void)__tmp;                                               \
	})
#define typecheck_pointer(x)                                               \
	({                                                                 \
		typeof(x) __dummy;                                         \
		(void)sizeof(*__dummy);                                    \
		1;                                                         \
	})

#endif /* _KSHIM_LINUX_TYPECHECK_H */
