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

int __must_check _kstrtoul(const char *s, unsigned int base, unsigned long *res);
int __must_check _kstrtol(const char *s, unsigned int base, long *res);
int __must_check kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int __must_check kstrtoll(const char *s, unsigned int base, long long *res);
int __must_check kstrtoul(const char *s, unsigned int base, unsigned long *res);
int __must_check kstrtol(const char *s, unsigned int base, long *res);
int __must_check kstrtouint(const char *s, unsigned int base, unsigned int *res);
int __must_check kstrtoint(const char *s, unsigned int base, int *res);
int __must_check kstrtou16(const char *s, unsigned int base, u16 *res);
int __must_check kstrtos16(const char *s, unsigned int base, s16 *res);
int __must_check kstrtou8(const char *s, unsigned int base, u8 *res);
int __must_check kstrtos8(const char *s, unsigned int base, s8 *res);
int __must_check kstrtobool(const char *s, bool *res);

static inline int __must_check kstrtou64(const char *s, unsigned int base, u64 *res)
{
	return kstrtoull(s, base, res);
}

static inline int __must_check kstrtos64(const char *s, unsigned int base, s64 *res)
{
	return kstrtoll(s, base, res);
}

static inline int __must_check kstrtou32(const char *s, unsigned int base, u32 *res)
{
	return kstrtouint(s, base, res);
}

static inline int __must_check kstrtos32(const char *s, unsigned int base, s32 *res)
{
	return kstrtoint(s, base, res);
}

int __must_check kstrtoull_from_user(const char __user *s, size_t count,
				     unsigned int base, unsigned long long *res);
int __must_check kstrtoll_from_user(const char __user *s, size_t count,
				    unsigned int base, long long *res);
int __must_check kstrtoul_from_user(const char __user *s, size_t count,
				    unsigned int base, unsigned long *res);
int __must_check kstrtol_from_user(const char __user *s, size_t count,
				   unsigned int base, long *res);
int __must_check kstrtouint_from_user(const char __user *s, size_t count,
				      unsigned int base, unsigned int *res);
int __must_check kstrtoint_from_user(const char __user *s, size_t count,
				     unsigned int base, int *res);
int __must_check kstrtou16_from_user(const char __user *s, size_t count,
				     unsigned int base, u16 *res);
int __must_check kstrtos16_from_user(const char __user *s, size_t count,
				     unsigned int base, s16 *res);
int __must_check kstrtou8_from_user(const char __user *s, size_t count,
				    unsigned int base, u8 *res);
int __must_check kstrtos8_from_user(const char __user *s, size_t count,
				    unsigned int base, s8 *res);
int __must_check kstrtobool_from_user(const char __user *s, size_t count, bool *res);

#define kstrtou64_from_user(s, c, b, r) kstrtoull_from_user(s, c, b, r)
#define kstrtos64_from_user(s, c, b, r) kstrtoll_from_user(s, c, b, r)
#define kstrtou32_from_user(s, c, b, r) kstrtouint_from_user(s, c, b, r)
#define kstrtos32_from_user(s, c, b, r) kstrtoint_from_user(s, c, b, r)

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);

#endif /* _LINUX_KSTRTOX_H */
