// SPDX-License-Identifier: GPL-2.0-only
/*
 * String to integer conversion (lib/kstrtox.c).  The strict kstrto*()
 * family: optional '+' (and '-' for signed types), radix prefix rules of
 * the kernel ("0x" with base 0 or 16, leading "0" means octal with base
 * 0), at most one trailing newline; -ERANGE on overflow, -EINVAL on
 * anything else malformed; *res is written only on success.  The lenient
 * simple_strto*() stop at the first character that is not a digit.
 */
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/uaccess.h>

/* picks the radix for base 0 and skips a "0x" that belongs to base 16 */
static const char *radix_prefix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] != '0')
			*base = 10;
		else if (_tolower(s[1]) == 'x' && isxdigit(s[2]))
			*base = 16;
		else
			*base = 8;
	}
	if (*base == 16 && s[0] == '0' && _tolower(s[1]) == 'x')
		s += 2;
	return s;
}

static int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	c = _tolower(c);
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 99;
}

/*
 * Parses digits of base from s, at most max_chars.  Returns how many were
 * consumed; *overflow says whether the value exceeded 64 bits (the digits
 * are consumed all the same).
 */
static size_t parse_digits(const char *s, unsigned int base, unsigned long long *res,
			   bool *overflow, size_t max_chars)
{
	unsigned long long v = 0;
	size_t n = 0;

	*overflow = false;
	for (; n < max_chars && s[n]; n++) {
		unsigned int d = digit_value(s[n]);

		if (d >= base)
			break;
		if (v > (ULLONG_MAX - d) / base)
			*overflow = true;
		v = v * base + d;
	}
	*res = v;
	return n;
}

static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	bool overflow;
	size_t n;

	s = radix_prefix(s, &base);
	n = parse_digits(s, base, &v, &overflow, SIZE_MAX);
	if (overflow)
		return -ERANGE;
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_ull(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int rv;

	if (s[0] == '-') {
		rv = parse_ull(s + 1, base, &v);
		if (rv < 0)
			return rv;
		if (v > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = (long long)(0 - v);
		return 0;
	}
	rv = kstrtoull(s, base, &v);
	if (rv < 0)
		return rv;
	if (v > LLONG_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

int _kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int rv = kstrtoull(s, base, &v);

	if (rv < 0)
		return rv;
	*res = v;
	return 0;
}

int _kstrtol(const char *s, unsigned int base, long *res)
{
	long long v;
	int rv = kstrtoll(s, base, &v);

	if (rv < 0)
		return rv;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	return _kstrtoul(s, base, res);
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	return _kstrtol(s, base, res);
}

/* narrower destinations: parse 64 bits, then range-check */
#define KSHIM_KSTRTO_UNSIGNED(name, type)                                  \
	int name(const char *s, unsigned int base, type *res)              \
	{                                                                  \
		unsigned long long v;                                      \
		int rv = kstrtoull(s, base, &v);                           \
		if (rv < 0)                                                \
			return rv;                                         \
		if (v != (type)v)                                          \
			return -ERANGE;                                    \
		*res = (type)v;                                            \
		return 0;                                                  \
	}
#define KSHIM_KSTRTO_SIGNED(name, type)                                    \
	int name(const char *s, unsigned int base, type *res)              \
	{                                                                  \
		long long v;                                               \
		int rv = kstrtoll(s, base, &v);                            \
		if (rv < 0)                                                \
			return rv;                                         \
		if (v != (type)v)                                          \
			return -ERANGE;                                    \
		*res = (type)v;                                            \
		return 0;                                                  \
	}

KSHIM_KSTRTO_UNSIGNED(kstrtouint, unsigned int)
KSHIM_KSTRTO_SIGNED(kstrtoint, int)
KSHIM_KSTRTO_UNSIGNED(kstrtou16, u16)
KSHIM_KSTRTO_SIGNED(kstrtos16, s16)
KSHIM_KSTRTO_UNSIGNED(kstrtou8, u8)
KSHIM_KSTRTO_SIGNED(kstrtos8, s8)

/* y/Y/t/T/1/on and n/N/f/F/0/off, judged by the first one or two chars */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (_tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (_tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	default:
		break;
	}
	return -EINVAL;
}

/* the _from_user forms read at most a number's worth of characters */
#define KSHIM_KSTRTO_FROM_USER(name, conv, type)                           \
	int name(const char __user *s, size_t count, unsigned int base, type *res) \
	{                                                                  \
		char buf[1 + sizeof(unsigned long long) * 8 + 1 + 1];     \
		if (count > sizeof(buf) - 1)                               \
			count = sizeof(buf) - 1;                           \
		if (copy_from_user(buf, s, count))                         \
			return -EFAULT;                                    \
		buf[count] = '\0';                                         \
		return conv(buf, base, res);                               \
	}

KSHIM_KSTRTO_FROM_USER(kstrtoull_from_user, kstrtoull, unsigned long long)
KSHIM_KSTRTO_FROM_USER(kstrtoll_from_user, kstrtoll, long long)
KSHIM_KSTRTO_FROM_USER(kstrtoul_from_user, kstrtoul, unsigned long)
KSHIM_KSTRTO_FROM_USER(kstrtol_from_user, kstrtol, long)
KSHIM_KSTRTO_FROM_USER(kstrtouint_from_user, kstrtouint, unsigned int)
KSHIM_KSTRTO_FROM_USER(kstrtoint_from_user, kstrtoint, int)
KSHIM_KSTRTO_FROM_USER(kstrtou16_from_user, kstrtou16, u16)
KSHIM_KSTRTO_FROM_USER(kstrtos16_from_user, kstrtos16, s16)
KSHIM_KSTRTO_FROM_USER(kstrtou8_from_user, kstrtou8, u8)
KSHIM_KSTRTO_FROM_USER(kstrtos8_from_user, kstrtos8, s8)

int kstrtobool_from_user(const char __user *s, size_t count, bool *res)
{
	char buf[4] = { 0 };

	if (count > sizeof(buf) - 1)
		count = sizeof(buf) - 1;
	if (copy_from_user(buf, s, count))
		return -EFAULT;
	return kstrtobool(buf, res);
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;
	bool overflow;

	cp = radix_prefix(cp, &base);
	cp += parse_digits(cp, base, &v, &overflow, INT_MAX);
	if (endp)
		*endp = (char *)cp;
	return v;
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-')
		return (long long)(0ULL - simple_strtoull(cp + 1, endp, base));
	return simple_strtoull(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}
