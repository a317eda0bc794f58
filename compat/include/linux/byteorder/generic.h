/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The short names of the byte-order conversions (cpu_to_le32, be16_to_cpu,
 * htonl, ...) over the __-prefixed forms of the CPU's byteorder header, and
 * the read-modify-write adders le32_add_cpu() etc., generated per width.
 */
#ifndef _LINUX_BYTEORDER_GENERIC_H
#define _LINUX_BYTEORDER_GENERIC_H

#define cpu_to_le16(x) __cpu_to_le16(x)
#define cpu_to_le32(x) __cpu_to_le32(x)
#define cpu_to_le64(x) __cpu_to_le64(x)
#define le16_to_cpu(x) __le16_to_cpu(x)
#define le32_to_cpu(x) __le32_to_cpu(x)
#define le64_to_cpu(x) __le64_to_cpu(x)
#define cpu_to_be16(x) __cpu_to_be16(x)
#define cpu_to_be32(x) __cpu_to_be32(x)
#define cpu_to_be64(x) __cpu_to_be64(x)
#define be16_to_cpu(x) __be16_to_cpu(x)
#define be32_to_cpu(x) __be32_to_cpu(x)
#define be64_to_cpu(x) __be64_to_cpu(x)
#define cpu_to_le16p(p) __cpu_to_le16p(p)
#define cpu_to_le32p(p) __cpu_to_le32p(p)
#define cpu_to_le64p(p) __cpu_to_le64p(p)
#define le16_to_cpup(p) __le16_to_cpup(p)
#define le32_to_cpup(p) __le32_to_cpup(p)
#define le64_to_cpup(p) __le64_to_cpup(p)
#define cpu_to_be16p(p) __cpu_to_be16p(p)
#define cpu_to_be32p(p) __cpu_to_be32p(p)
#define cpu_to_be64p(p) __cpu_to_be64p(p)
#define be16_to_cpup(p) __be16_to_cpup(p)
#define be32_to_cpup(p) __be32_to_cpup(p)
#define be64_to_cpup(p) __be64_to_cpup(p)
#define cpu_to_le16s(p) __cpu_to_le16s(p)
#define cpu_to_le32s(p) __cpu_to_le32s(p)
#define cpu_to_le64s(p) __cpu_to_le64s(p)
#define le16_to_cpus(p) __le16_to_cpus(p)
#define le32_to_cpus(p) __le32_to_cpus(p)
#define le64_to_cpus(p) __le64_to_cpus(p)
#define cpu_to_be16s(p) __cpu_to_be16s(p)
#define cpu_to_be32s(p) __cpu_to_be32s(p)
#define cpu_to_be64s(p) __cpu_to_be64s(p)
#define be16_to_cpus(p) __be16_to_cpus(p)
#define be32_to_cpus(p) __be32_to_cpus(p)
#define be64_to_cpus(p) __be64_to_cpus(p)

/* network order is big-endian */
#define htonl(x) __cpu_to_be32(x)
#define ntohl(x) __be32_to_cpu(x)
#define htons(x) __cpu_to_be16(x)
#define ntohs(x) __be16_to_cpu(x)

/* *var = *var + val, in var's byte order */
#define __KSHIM_ADD_CPU(order, n)                                          \
	static inline void order##n##_add_cpu(__##order##n *var, u##n val) \
	{                                                                  \
		*var = cpu_to_##order##n(order##n##_to_cpu(*var) + val);   \
	}

__KSHIM_ADD_CPU(le, 16)
__KSHIM_ADD_CPU(le, 32)
__KSHIM_ADD_CPU(le, 64)
__KSHIM_ADD_CPU(be, 16)
__KSHIM_ADD_CPU(be, 32)
__KSHIM_ADD_CPU(be, 64)

static inline void cpu_to_be32_array(__be32 *dst, const u32 *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = cpu_to_be32(src[i]);
}

static inline void be32_to_cpu_array(u32 *dst, const __be32 *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		dst[i] = be32_to_cpu(src[i]);
}

/* identities on a little-endian CPU */
static inline void cpu_to_le32_array(u32 *buf, unsigned int words)
{
}

static inline void le32_to_cpu_array(u32 *buf, unsigned int words)
{
}

#endif /* _LINUX_BYTEORDER_GENERIC_H */
