/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Conversions between CPU order and fixed byte orders on a little-endian
 * CPU (include/uapi/linux/byteorder/little_endian.h): the little-endian
 * ones are identities, the big-endian ones swap.  All fold to constants
 * for constant arguments.  The families are generated per width below.
 */
#ifndef _LINUX_BYTEORDER_LITTLE_ENDIAN_H
#define _LINUX_BYTEORDER_LITTLE_ENDIAN_H

#ifndef __LITTLE_ENDIAN
#define __LITTLE_ENDIAN 1234
#endif
#ifndef __LITTLE_ENDIAN_BITFIELD
#define __LITTLE_ENDIAN_BITFIELD
#endif

#include <linux/types.h>
#include <linux/swab.h>

/* reinterpretations: the same bits under the other (annotated) type */
#define __kshim_as(type, x) ((__force type)(x))

#define __cpu_to_le16(x) __kshim_as(__le16, (__u16)(x))
#define __cpu_to_le32(x) __kshim_as(__le32, (__u32)(x))
#define __cpu_to_le64(x) __kshim_as(__le64, (__u64)(x))
#define __le16_to_cpu(x) __kshim_as(__u16, (__le16)(x))
#define __le32_to_cpu(x) __kshim_as(__u32, (__le32)(x))
#define __le64_to_cpu(x) __kshim_as(__u64, (__le64)(x))
#define __cpu_to_be16(x) __kshim_as(__be16, __swab16(x))
#define __cpu_to_be32(x) __kshim_as(__be32, __swab32(x))
#define __cpu_to_be64(x) __kshim_as(__be64, __swab64(x))
#define __be16_to_cpu(x) __swab16(__kshim_as(__u16, (__be16)(x)))
#define __be32_to_cpu(x) __swab32(__kshim_as(__u32, (__be32)(x)))
#define __be64_to_cpu(x) __swab64(__kshim_as(__u64, (__be64)(x)))

/* the swab builtins fold already, so the constant forms are the same */
#define __constant_cpu_to_le16(x) __cpu_to_le16(x)
#define __constant_cpu_to_le32(x) __cpu_to_le32(x)
#define __constant_cpu_to_le64(x) __cpu_to_le64(x)
#define __constant_le16_to_cpu(x) __le16_to_cpu(x)
#define __constant_le32_to_cpu(x) __le32_to_cpu(x)
#define __constant_le64_to_cpu(x) __le64_to_cpu(x)
#define __constant_cpu_to_be16(x) __cpu_to_be16(x)
#define __constant_cpu_to_be32(x) __cpu_to_be32(x)
#define __constant_cpu_to_be64(x) __cpu_to_be64(x)
#define __constant_be16_to_cpu(x) __be16_to_cpu(x)
#define __constant_be32_to_cpu(x) __be32_to_cpu(x)
#define __constant_be64_to_cpu(x) __be64_to_cpu(x)
#define __constant_htonl(x) __cpu_to_be32(x)
#define __constant_ntohl(x) __be32_to_cpu(x)
#define __constant_htons(x) __cpu_to_be16(x)
#define __constant_ntohs(x) __be16_to_cpu(x)

/* pointer forms (load and convert) and in-place forms, per width */
#define __KSHIM_BYTEORDER_PTR(n)                                           \
	static __always_inline __le##n __cpu_to_le##n##p(const __u##n *p)  \
	{                                                                  \
		return __cpu_to_le##n(*p);                                 \
	}                                                                  \
	static __always_inline __u##n __le##n##_to_cpup(const __le##n *p)  \
	{                                                                  \
		return __le##n##_to_cpu(*p);                               \
	}                                                                  \
	static __always_inline __be##n __cpu_to_be##n##p(const __u##n *p)  \
	{                                                                  \
		return __cpu_to_be##n(*p);                                 \
	}                                                                  \
	static __always_inline __u##n __be##n##_to_cpup(const __be##n *p)  \
	{                                                                  \
		return __be##n##_to_cpu(*p);                               \
	}                                                                  \
	static __always_inline void __kshim_swab##n##s_be(void *p)         \
	{                                                                  \
		__swab##n##s((__u##n *)p);                                 \
	}

__KSHIM_BYTEORDER_PTR(16)
__KSHIM_BYTEORDER_PTR(32)
__KSHIM_BYTEORDER_PTR(64)

#define __cpu_to_le16s(x) ((void)(x))
#define __cpu_to_le32s(x) ((void)(x))
#define __cpu_to_le64s(x) ((void)(x))
#define __le16_to_cpus(x) ((void)(x))
#define __le32_to_cpus(x) ((void)(x))
#define __le64_to_cpus(x) ((void)(x))
#define __cpu_to_be16s(x) __kshim_swab16s_be(x)
#define __cpu_to_be32s(x) __kshim_swab32s_be(x)
#define __cpu_to_be64s(x) __kshim_swab64s_be(x)
#define __be16_to_cpus(x) __kshim_swab16s_be(x)
#define __be32_to_cpus(x) __kshim_swab32s_be(x)
#define __be64_to_cpus(x) __kshim_swab64s_be(x)

#include <linux/byteorder/generic.h>

#endif /* _LINUX_BYTEORDER_LITTLE_ENDIAN_H */
