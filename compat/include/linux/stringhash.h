/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hashing of names for the dcache (include/linux/stringhash.h).
 * Contract: full_name_hash(salt, name, len) and hashlen_string(salt, name)
 * agree for the same bytes and salt, and hashlen_string() packs the length
 * in the upper 32 bits.  Values need not equal the kernel's (they are never
 * stored on disk); compat/string.c computes them a byte at a time with the
 * partial_name_hash() step below.
 */
#ifndef __LINUX_STRINGHASH_H
#define __LINUX_STRINGHASH_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/hash.h>

#define init_name_hash(salt) ((unsigned long)(salt))

static inline unsigned long partial_name_hash(unsigned long c, unsigned long prevhash)
{
	return (prevhash + (c << 4) + (c >> 4)) * 11;
}

static inline unsigned int end_name_hash(unsigned long hash)
{
	return hash_long(hash, 32);
}

#define hashlen_hash(hashlen) ((u32)(hashlen))
#define hashlen_len(hashlen) ((u32)((hashlen) >> 32))
#define hashlen_create(hash, len) ((u64)(len) << 32 | (u32)(hash))

unsigned int __pure full_name_hash(const void *salt, const char *name, unsigned int len);
u64 __pure hashlen_string(const void *salt, const char *name);

#endif /* __LINUX_STRINGHASH_H */
