/* SPDX-License-Identifier: GPL-2.0-only */
/* From a member pointer back to its containing structure. */
#ifndef _KSHIM_LINUX_CONTAINER_OF_H
#define _KSHIM_LINUX_CONTAINER_OF_H

#include <linux/build_bug.h>
#include <linux/stddef.h>

#define container_of(ptr, type, member)                                    \
	({                                                                 \
		void *__mptr = (void *)(ptr);                              \
		static_assert(__same_type(*(ptr), ((type *)0)->member) ||  \
			      __same_type(*(ptr), void),                   \
			      "pointer type mismatch in container_of()");  \
		((type *)(__mptr - offsetof(type, member)));               \
	})
#define container_of_const(ptr, type, member) container_of(ptr, type, member)
#define typeof_member(T, m) typeof(((T *)0)->m)

#endif /* _KSHIM_LINUX_CONTAINER_OF_H */
