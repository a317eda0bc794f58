/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Loads and stores at any alignment (include/linux/unaligned.h).
 * get_unaligned()/put_unaligned() go through a packed structure, so the
 * compiler emits accesses valid at any address; the _le/_be forms also
 * convert byte order.  No alignment is assumed anywhere.
 */
#ifndef __LINUX_UNALIGNED_H
#define __LINUX_UNALIGNED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/byteorder.h>

#define __get_unaligned_t(type, ptr)                                       \
	({                                                                 \
		const struct { type x; } __packed *__pptr =                \
			(typeof(__pptr))(ptr);                             \
		__pptr->x;                                                 \
	})
#define __put_unaligned_t(type, val, ptr)                                  \
	do {                                                               \
		struct { type x; } __packed *__pptr = (typeof(__pptr))(ptr); \
		__pptr->x = (val);                                         \
	} while (0)

#define get_unaligned(p) __get_unaligned_t(__unqual_scalar_typeof(*(p)), (p))
#define put_unaligned(v, p) __put_unaligned_t(typeof(*(p)), (v), (p))

/* get_unaligned_{le,be}{16,32,64} and put_unaligned_..., per order and width */
#define __KSHIM_UNALIGNED(order, n)                                        \
	static inline u##n get_unaligned_##order##n(const void *p)         \
	{                                                                  \
		return order##n##_to_cpu(__get_unaligned_t(__##order##n, p)); \
	}                                                                  \
	static inline void put_unaligned_##order##n(u##n val, void *p)     \
	{                                                                  \
		__put_unaligned_t(__##order##n, cpu_to_##order##n(val), p); \
	}

__KSHIM_UNALIGNED(le, 16)
__KSHIM_UNALIGNED(le, 32)
__KSHIM_UNALIGNED(le, 64)
__KSHIM_UNALIGNED(be, 16)
__KSHIM_UNALIGNED(be, 32)
__KSHIM_UNALIGNED(be, 64)

/* three-byte fields: byte i of the value at position i (le) or 2 - i (be) */
static inline u32 get_unaligned_le24(const void *p)
{
	const u8 *in = p;

	return (u32)in[2] << 16 | (u32)in[1] << 8 | in[0];
}

static inline u32 get_unaligned_be24(const void *p)
{
	const u8 *in = p;

	return (u32)in[0] << 16 | (u32)in[1] << 8 | in[2];
}

static inline void put_unaligned_le24(const u32 val, void *p)
{
	u8 *out = p;
	int i;

	for (i = 0; i < 3; i++)
		out[i] = (u8)(val >> (8 * i));
}

static inline void put_unaligned_be24(const u32 val, void *p)
{
	u8 *out = p;
	int i;

	for (i = 0; i < 3; i++)
		out[2 - i] = (u8)(val >> (8 * i));
}

static inline u64 get_unaligned_be48(const void *p)
{
	return (u64)get_unaligned_be16(p) << 32 | get_unaligned_be32((const u8 *)p + 2);
}

static inline void put_unaligned_be48(const u64 val, void *p)
{
	put_unaligned_be16((u16)(val >> 32), p);
	put_unaligned_be32((u32)val, (u8 *)p + 2);
}

#endif /* __LINUX_UNALIGNED_H */
