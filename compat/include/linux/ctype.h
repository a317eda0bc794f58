/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Character classes of the kernel's ctype (lib/ctype.c): ASCII plus the
 * Latin-1 upper half as the kernel's table classifies it, no locale;
 * isspace() includes \v, \f and 0xa0; tolower/toupper leave non-letters
 * alone.  Written as expressions so no table has to be shared with libc.
 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

#include <linux/compiler.h>

static inline int __kshim_uc(int c)
{
	return (unsigned char)c;
}

static inline int isdigit(int c)
{
	return '0' <= c && c <= '9';
}

static inline int isupper(int c)
{
	c = __kshim_uc(c);
	return ('A' <= c && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7);
}

static inline int islower(int c)
{
	c = __kshim_uc(c);
	return ('a' <= c && c <= 'z') || (c >= 0xdf && c != 0xf7);
}

static inline int isalpha(int c)
{
	return isupper(c) || islower(c);
}

static inline int isalnum(int c)
{
	return isalpha(c) || isdigit(__kshim_uc(c));
}

static inline int isxdigit(int c)
{
	int l = __kshim_uc(c) | 0x20;

	return isdigit(__kshim_uc(c)) || ('a' <= l && l <= 'f');
}

static inline int isspace(int c)
{
	c = __kshim_uc(c);
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xa0;
}

static inline int iscntrl(int c)
{
	c = __kshim_uc(c);
	return c < 0x20 || c == 0x7f;
}

static inline int isprint(int c)
{
	c = __kshim_uc(c);
	return (c >= 0x20 && c < 0x7f) || c >= 0xa0;
}

static inline int isgraph(int c)
{
	return isprint(c) && __kshim_uc(c) != ' ' && __kshim_uc(c) != 0xa0;
}

static inline int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

static inline int isascii(int c)
{
	return __kshim_uc(c) <= 0x7f;
}

static inline int toascii(int c)
{
	return __kshim_uc(c) & 0x7f;
}

static inline unsigned char __tolower(unsigned char c)
{
	return isupper(c) ? c + ('a' - 'A') : c;
}

static inline unsigned char __toupper(unsigned char c)
{
	return islower(c) ? c - ('a' - 'A') : c;
}

#define tolower(c) __tolower(c)
#define toupper(c) __toupper(c)

/* faster tolower for callers that know c is a letter or digit */
static inline char _tolower(const char c)
{
	return c | 0x20;
}

static inline int isodigit(const char c)
{
	return c >= '0' && c <= '7';
}

#endif /* _LINUX_CTYPE_H */
