// SPDX-License-Identifier: GPL-2.0-only
/*
 * Option parsing (lib/parser.c), as filesystems use it for mount options.
 * Numbers of a substring convert with the strict kstrto*() rules, so
 * trailing garbage gives -EINVAL and overflow -ERANGE; match_strdup()
 * returns a kmalloc'ed copy the caller kfree()s.
 */
#include <linux/kernel.h>
#include <linux/parser.h>
#include <linux/slab.h>
#include <linux/ctype.h>
#include <linux/string.h>

/* does s match pattern completely?  fills args with the conversions */
static bool match_one(char *s, const char *p, substring_t args[])
{
	int argc = 0;

	for (;;) {
		const char *meta = strchr(p, '%');
		long width = -1;
		char *end;

		if (!meta)
			return strcmp(p, s) == 0;
		/* the literal text before the conversion */
		if (strncmp(p, s, meta - p))
			return false;
		s += meta - p;
		p = meta + 1;
		if (*p == '%') {
			if (*s++ != '%')
				return false;
			p++;
			continue;
		}
		if (isdigit(*p))
			width = simple_strtoul(p, (char **)&p, 10);
		if (argc >= MAX_OPT_ARGS)
			return false;
		args[argc].from = s;
		switch (*p++) {
		case 's': {
			size_t len = strlen(s);

			if (!len)
				return false;
			if (width >= 0 && (size_t)width < len)
				len = width;
			end = s + len;
			break;
		}
		case 'd':
			simple_strtol(s, &end, 0);
			break;
		case 'u':
			simple_strtoul(s, &end, 0);
			break;
		case 'o':
			simple_strtoul(s, &end, 8);
			break;
		case 'x':
			simple_strtoul(s, &end, 16);
			break;
		default:
			return false;
		}
		if (end == s)
			return false;
		args[argc].to = end;
		s = end;
		argc++;
	}
}

int match_token(char *s, const match_table_t table, substring_t args[])
{
	const struct match_token *p;

	for (p = table; p->pattern; p++)
		if (match_one(s, p->pattern, args))
			break;
	return p->token;
}

/* copies the substring into buf (NUL-terminated) or fails with -ERANGE */
static int copy_substring(const substring_t *s, char *buf, size_t size)
{
	size_t len = s->to - s->from;

	if (len >= size)
		return -ERANGE;
	memcpy(buf, s->from, len);
	buf[len] = '\0';
	return 0;
}

static int match_number(substring_t *s, int *result, unsigned int base)
{
	char buf[128];
	long val;
	int rv = copy_substring(s, buf, sizeof(buf));

	if (rv)
		return rv;
	rv = kstrtol(buf, base, &val);
	if (rv)
		return rv;
	if (val < INT_MIN || val > INT_MAX)
		return -ERANGE;
	*result = (int)val;
	return 0;
}

int match_int(substring_t *s, int *result)
{
	return match_number(s, result, 0);
}

int match_octal(substring_t *s, int *result)
{
	return match_number(s, result, 8);
}

int match_hex(substring_t *s, int *result)
{
	return match_number(s, result, 16);
}

int match_uint(substring_t *s, unsigned int *result)
{
	char buf[128];
	int rv = copy_substring(s, buf, sizeof(buf));

	return rv ? rv : kstrtouint(buf, 10, result);
}

int match_u64(substring_t *s, u64 *result)
{
	char buf[128];
	int rv = copy_substring(s, buf, sizeof(buf));

	return rv ? rv : kstrtoull(buf, 10, result);
}

/* '*' matches any run of characters, '?' any one character */
bool match_wildcard(const char *pattern, const char *str)
{
	const char *star = NULL, *retry = NULL;

	while (*str) {
		if (*pattern == '?' || *pattern == *str) {
			pattern++;
			str++;
		} else if (*pattern == '*') {
			star = pattern++;
			retry = str;
		} else if (star) {
			/* let the last '*' swallow one more character */
			pattern = star + 1;
			str = ++retry;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return !*pattern;
}

size_t match_strlcpy(char *dest, const substring_t *src, size_t size)
{
	size_t len = src->to - src->from;

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dest, src->from, n);
		dest[n] = '\0';
	}
	return len;
}

char *match_strdup(const substring_t *s)
{
	size_t len = s->to - s->from;
	char *p = kmalloc(len + 1, GFP_KERNEL);

	if (p) {
		memcpy(p, s->from, len);
		p[len] = '\0';
	}
	return p;
}
