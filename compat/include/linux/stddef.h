/* SPDX-License-Identifier: GPL-2.0-only */
/* NULL, offsetof and the struct-layout helpers kernel code uses. */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#include <linux/compiler_types.h>

#undef NULL
#define NULL ((void *)0)


#undef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
#define offsetofend(TYPE, MEMBER)                                          \
	(offsetof(TYPE, MEMBER) + sizeof_field(TYPE, MEMBER))

#define __struct_group(TAG, NAME, ATTRS, MEMBERS...)                       \
	union {                                                            \
		struct { MEMBERS } ATTRS;                                  \
		struct TAG { MEMBERS } ATTRS NAME;                         \
	} ATTRS
#define struct_group(NAME, MEMBERS...) __struct_group(, NAME, , MEMBERS)
#define struct_group_attr(NAME, ATTRS, MEMBERS...)                         \
	__struct_group(, NAME, ATTRS, MEMBERS)
#define struct_group_tagged(TAG, NAME, MEMBERS...)                         \
	__struct_group(TAG, NAME, , MEMBERS)

#define __DECLARE_FLEX_ARRAY(TYPE, NAME)                                   \
	struct {                                                           \
		struct { } __empty_##NAME;                                 \
		TYPE NAME[];                                               \
	}
#define DECLARE_FLEX_ARRAY(TYPE, NAME) __DECLARE_FLEX_ARRAY(TYPE, NAME)

#endif /* _LINUX_STDDEF_H */
