/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Strict string-to-integer conversion (lib/kstrtox.c).
 * kstrto*() accept an optional sign (signed types; a '+' for all),
 * base 0 auto-detects "0x"/"0" prefixes, base 16 also accepts "0x", one
 * trailing newline is allowed and nothing else.  Return 0 and store the
 * value, -ERANGE on overflow of the destination type, -EINVAL on any
 * other malformed input; the destination is untouched on error.
 * simple_strto*() are the lenient, deprecated parsers: they stop at the
 * first invalid character and never report errors.
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/compiler.h>
#include <linux/types.h>

int __must_check _kstrtoul(const char *str, unsigned int base, unsigned long *result);
int __must_check _kstrtol(const char *str, unsigned int base, long *result);
int __must_check kstrtoull(const char *str, unsigned int base, unsigned long long *result);
int __must_check kstrtoll(const char *str, unsigned int base, long long *result);
int __must_check kstrtoul(const char *str, unsigned int base, unsigned long *result);
int __must_check kstrtol(const char *str, unsigned int base, long *result);
int __must_check kstrtouint(const char *str, unsigned int base, unsigned int *result);
int __must_check kstrtoint(const char *str, unsigned int base, int *result);
int __must_check kstrtou16(const char *str, unsigned int base, u16 *result);
int __must_check kstrtos16(const char *str, unsigned int base, s16 *result);
int __must_check kstrtou8(const char *str, unsigned int base, u8 *result);
int __must_check kstrtos8(const char *str, unsigned int base, s8 *result);
int __must_check kstrtobool(const char *str, bool *result);

static inline int __must_check kstrtou64(const char *str, unsigned int base, u64 *result)
{
	return kstrtoull(str, base, result);
}

static inline int __must_check kstrtos64(const char *str, unsigned int base, s64 *result)
{
	return kstrtoll(str, base, result);
}

static inline int __must_check kstrtou32(const char *str, unsigned int base, u32 *result)
{
	return kstrtouint(str, base, result);
}

static inline int __must_check kstrtos32(const char *str, unsigned int base, s32 *result)
{
	return kstrtoint(str, base, result);
}

int __must_check kstrtoull_from_user(const char __user *ustr, size_t count,
				     unsigned int base, unsigned long long *result);
int __must_check kstrtoll_from_user(const char __user *ustr, size_t count,
				    unsigned int base, long long *result);
int __must_check kstrtoul_from_user(const char __user *ustr, size_t count,
				    unsigned int base, unsigned long *result);
int __must_check kstrtol_from_user(const char __user *ustr, size_t count,
				   unsigned int base, long *result);
int __must_check kstrtouint_from_user(const char __user *ustr, size_t count,
				      unsigned int base, unsigned int *result);
int __must_check kstrtoint_from_user(const char __user *ustr, size_t count,
				     unsigned int base, int *result);
int __must_check kstrtou16_from_user(const char __user *ustr, size_t count,
				     unsigned int base, u16 *result);
int __must_check kstrtos16_from_user(const char __user *ustr, size_t count,
				     unsigned int base, s16 *result);
int __must_check kstrtou8_from_user(const char __user *ustr, size_t count,
				    unsigned int base, u8 *result);
int __must_check kstrtos8_from_user(const char __user *ustr, size_t count,
				    unsigned int base, s8 *result);
int __must_check kstrtobool_from_user(const char __user *ustr, size_t count, bool *result);

#define kstrtou64_from_user(s, c, b, r) kstrtoull_from_user(s, c, b, r)
#define kstrtos64_from_user(s, c, b, r) kstrtoll_from_user(s, c, b, r)
#define kstrtou32_from_user(s, c, b, r) kstrtouint_from_user(s, c, b, r)
#define kstrtos32_from_user(s, c, b, r) kstrtoint_from_user(s, c, b, r)

unsigned long simple_strtoul(const char *str, char **end, unsigned int base);
long simple_strtol(const char *str, char **end, unsigned int base);
unsigned long long simple_strtoull(const char *str, char **end, unsigned int base);
long long simple_strtoll(const char *str, char **end, unsigned int base);

#endif /* _LINUX_KSTRTOX_H */
