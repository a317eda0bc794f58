/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * UUIDs and GUIDs (lib/uuid.c): 16 raw bytes; uuid_t keeps the big-endian
 * RFC 4122 byte order, guid_t Microsoft's mixed-endian one.  Random
 * (version 4) UUIDs come from get_random_bytes().  The out-of-line helpers
 * are inline wrappers over kshim_uuid_* so that no global symbol shares a
 * name with libuuid.
 */
#ifndef _LINUX_UUID_H_
#define _LINUX_UUID_H_

#include <linux/types.h>
#include <linux/string.h>

#define UUID_SIZE 16
#define UUID_STRING_LEN 36

typedef struct {
	__u8 b[UUID_SIZE];
} guid_t;

typedef struct {
	__u8 b[UUID_SIZE];
} uuid_t;

#define GUID_INIT(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7)                 \
	((guid_t){ { (a) & 0xff, ((a) >> 8) & 0xff, ((a) >> 16) & 0xff,    \
		     ((a) >> 24) & 0xff, (b) & 0xff, ((b) >> 8) & 0xff,    \
		     (c) & 0xff, ((c) >> 8) & 0xff,                        \
		     (d0), (d1), (d2), (d3), (d4), (d5), (d6), (d7) } })
#define UUID_INIT(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7)                 \
	((uuid_t){ { ((a) >> 24) & 0xff, ((a) >> 16) & 0xff,               \
		     ((a) >> 8) & 0xff, (a) & 0xff, ((b) >> 8) & 0xff,     \
		     (b) & 0xff, ((c) >> 8) & 0xff, (c) & 0xff,            \
		     (d0), (d1), (d2), (d3), (d4), (d5), (d6), (d7) } })

#define guid_null ((const guid_t){ { 0 } })
#define uuid_null ((const uuid_t){ { 0 } })

/* equal/copy/import/export/is_null for both types */
#define __KSHIM_UUID_OPS(t)                                                \
	static inline bool t##_equal(const t##_t *a, const t##_t *b)       \
	{                                                                  \
		return !memcmp(a->b, b->b, UUID_SIZE);                     \
	}                                                                  \
	static inline void t##_copy(t##_t *dst, const t##_t *src)          \
	{                                                                  \
		*dst = *src;                                               \
	}                                                                  \
	static inline void import_##t(t##_t *dst, const __u8 *bytes)       \
	{                                                                  \
		memcpy(dst->b, bytes, UUID_SIZE);                          \
	}                                                                  \
	static inline void export_##t(__u8 *bytes, const t##_t *src)       \
	{                                                                  \
		memcpy(bytes, src->b, UUID_SIZE);                          \
	}                                                                  \
	static inline bool t##_is_null(const t##_t *v)                     \
	{                                                                  \
		return !memchr_inv(v->b, 0, UUID_SIZE);                    \
	}

__KSHIM_UUID_OPS(guid)
__KSHIM_UUID_OPS(uuid)

void kshim_uuid_random(unsigned char b[16], bool guid);
bool kshim_uuid_is_valid(const char *uuid);
int kshim_uuid_parse(const char *s, unsigned char b[16], bool guid);

/* version 4, variant 1 */
static inline void generate_random_uuid(unsigned char uuid[16])
{
	kshim_uuid_random(uuid, false);
}

static inline void generate_random_guid(unsigned char guid[16])
{
	kshim_uuid_random(guid, true);
}

static inline void uuid_gen(uuid_t *u)
{
	kshim_uuid_random(u->b, false);
}

static inline void guid_gen(guid_t *u)
{
	kshim_uuid_random(u->b, true);
}

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" with hex digits */
static inline bool __must_check uuid_is_valid(const char *uuid)
{
	return kshim_uuid_is_valid(uuid);
}

/* 0 or -EINVAL */
static inline int uuid_parse(const char *uuid, uuid_t *u)
{
	return kshim_uuid_parse(uuid, u->b, false);
}

static inline int guid_parse(const char *uuid, guid_t *u)
{
	return kshim_uuid_parse(uuid, u->b, true);
}

#endif /* _LINUX_UUID_H_ */
