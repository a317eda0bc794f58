// SPDX-License-Identifier: GPL-2.0-only
/*
 * Formatted output with the kernel's conventions (lib/vsprintf.c):
 * vsnprintf() returns the length the whole output would have had;
 * scnprintf() returns what was actually written; "%s" of NULL prints
 * "(null)"; "%p" prints a hashed-looking but here plain pointer; kernel
 * extensions such as "%pV" (a nested struct va_format) are handled by
 * format_pointer_ext().
 */
#include <linux/kernel.h>

struct out {
	char *buf;
	size_t size;
	size_t len; /* what the output would need, may exceed size */
};

static void put_char(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_str(struct out *o, const char *s, size_t n)
{
	while (n--)
		put_char(o, *s++);
}

enum {
	F_LEFT = 1,
	F_PLUS = 2,
	F_SPACE = 4,
	F_ZERO = 8,
	F_ALT = 16,
	F_SIGNED = 32,
	F_UPPER = 64,
};

struct spec {
	int flags;
	int width;	/* -1: none */
	int precision;	/* -1: none */
	int base;
};

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put_char(o, c);
}

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	size_t n = 0;

	if (!s)
		s = "(null)";
	while (s[n] && (sp->precision < 0 || n < (size_t)sp->precision))
		n++;
	if (!(sp->flags & F_LEFT))
		pad(o, ' ', sp->width - (int)n);
	put_str(o, s, n);
	if (sp->flags & F_LEFT)
		pad(o, ' ', sp->width - (int)n);
}

static void put_number(struct out *o, unsigned long long num, bool negative,
		       const struct spec *sp)
{
	const char *digits = (sp->flags & F_UPPER) ? "0123456789ABCDEF" :
						     "0123456789abcdef";
	char tmp[24];
	char sign = 0;
	const char *prefix = "";
	int n = 0, zeros, total;

	if (negative)
		sign = '-';
	else if (sp->flags & F_PLUS)
		sign = '+';
	else if (sp->flags & F_SPACE)
		sign = ' ';
	if ((sp->flags & F_ALT) && num) {
		if (sp->base == 16)
			prefix = (sp->flags & F_UPPER) ? "0X" : "0x";
		else if (sp->base == 8)
			prefix = "0";
	}
	do {
		tmp[n++] = digits[num % sp->base];
		num /= sp->base;
	} while (num);
	if (sp->precision == 0 && n == 1 && tmp[0] == '0')
		n = 0;
	zeros = sp->precision > n ? sp->precision - n : 0;
	total = n + zeros + (sign ? 1 : 0) + (int)__builtin_strlen(prefix);
	if ((sp->flags & F_ZERO) && !(sp->flags & F_LEFT) && sp->precision < 0 &&
	    sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	if (!(sp->flags & F_LEFT))
		pad(o, ' ', sp->width - total);
	if (sign)
		put_char(o, sign);
	put_str(o, prefix, __builtin_strlen(prefix));
	pad(o, '0', zeros);
	while (n)
		put_char(o, tmp[--n]);
	if (sp->flags & F_LEFT)
		pad(o, ' ', sp->width - total);
}

static void format_out(struct out *o, const char *fmt, va_list args);

/*
 * Kernel pointer extensions.  Returns the number of format characters
 * consumed after 'p' (0 for a plain pointer).
 */
int kshim_format_pointer_ext(char *buf, size_t size, const char *fmt,
			     void *ptr, int *consumed) __weak;
int kshim_format_pointer_ext(char *buf, size_t size, const char *fmt,
			     void *ptr, int *consumed)
{
	*consumed = 0;
	return -1;
}

static const char *put_pointer(struct out *o, const char *fmt, void *ptr,
			       struct spec *sp)
{
	if (*fmt == 'V') {
		struct va_format *vaf = ptr;
		va_list va;

		va_copy(va, *vaf->va);
		format_out(o, vaf->fmt, va);
		va_end(va);
		return fmt + 1;
	}
	if (*fmt && __builtin_strchr("SsBFfKkeghdDUuMmIiEaxtbnNrRcCoOwl", *fmt)) {
		char tmp[256];
		int consumed;
		int n = kshim_format_pointer_ext(tmp, sizeof(tmp), fmt, ptr,
						 &consumed);

		if (n >= 0) {
			struct spec s = *sp;

			s.precision = -1;
			put_string(o, tmp, &s);
			while (consumed-- && *fmt)
				fmt++;
			return fmt;
		}
		/* unknown extension: skip its alphanumerics, print the pointer */
		while ((*fmt >= 'a' && *fmt <= 'z') || (*fmt >= 'A' && *fmt <= 'Z') ||
		       (*fmt >= '0' && *fmt <= '9'))
			fmt++;
	}
	if (!ptr && sp->width < 0) {
		put_str(o, "(null)", 6);
		return fmt;
	}
	sp->base = 16;
	sp->flags |= F_ZERO;
	if (sp->width < 0)
		sp->width = 16;
	put_number(o, (unsigned long)ptr, false, sp);
	return fmt;
}

static void format_out(struct out *o, const char *fmt, va_list args)
{
	while (*fmt) {
		struct spec sp = { .flags = 0, .width = -1, .precision = -1,
				   .base = 10 };
		int length = 0; /* 'H' hh, 'h', 'l', 'L' ll, 'z', 't', 'j' */
		unsigned long long num;
		bool negative = false;

		if (*fmt != '%') {
			put_char(o, *fmt++);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.flags |= F_LEFT;
			else if (*fmt == '+')
				sp.flags |= F_PLUS;
			else if (*fmt == ' ')
				sp.flags |= F_SPACE;
			else if (*fmt == '0')
				sp.flags |= F_ZERO;
			else if (*fmt == '#')
				sp.flags |= F_ALT;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(args, int);
			if (sp.width < 0) {
				sp.flags |= F_LEFT;
				sp.width = -sp.width;
			}
			fmt++;
		} else if (*fmt >= '0' && *fmt <= '9') {
			sp.width = 0;
			while (*fmt >= '0' && *fmt <= '9')
				sp.width = sp.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			sp.precision = 0;
			if (*fmt == '*') {
				sp.precision = va_arg(args, int);
				if (sp.precision < 0)
					sp.precision = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					sp.precision = sp.precision * 10 +
						       (*fmt++ - '0');
			}
		}
		switch (*fmt) {
		case 'h':
			length = 'h';
			if (*++fmt == 'h') {
				length = 'H';
				fmt++;
			}
			break;
		case 'l':
			length = 'l';
			if (*++fmt == 'l') {
				length = 'L';
				fmt++;
			}
			break;
		case 'L':
		case 'q':
		case 'j':
			length = 'L';
			fmt++;
			break;
		case 'z':
		case 'Z':
		case 't':
			length = 'l';
			fmt++;
			break;
		}
		switch (*fmt) {
		case '%':
			put_char(o, '%');
			fmt++;
			continue;
		case 'c': {
			char c = (char)va_arg(args, int);

			if (!(sp.flags & F_LEFT))
				pad(o, ' ', sp.width - 1);
			put_char(o, c);
			if (sp.flags & F_LEFT)
				pad(o, ' ', sp.width - 1);
			fmt++;
			continue;
		}
		case 's':
			put_string(o, va_arg(args, const char *), &sp);
			fmt++;
			continue;
		case 'p':
			fmt = put_pointer(o, fmt + 1, va_arg(args, void *), &sp);
			continue;
		case 'd':
		case 'i':
			sp.flags |= F_SIGNED;
			break;
		case 'u':
			break;
		case 'x':
			sp.base = 16;
			break;
		case 'X':
			sp.base = 16;
			sp.flags |= F_UPPER;
			break;
		case 'o':
			sp.base = 8;
			break;
		case '\0':
			continue;
		default:
			/* unknown conversion: print it as it stands */
			put_char(o, '%');
			put_char(o, *fmt++);
			continue;
		}
		fmt++;
		if (sp.flags & F_SIGNED) {
			long long v;

			if (length == 'L')
				v = va_arg(args, long long);
			else if (length == 'l')
				v = va_arg(args, long);
			else
				v = va_arg(args, int);
			if (length == 'h')
				v = (short)v;
			else if (length == 'H')
				v = (signed char)v;
			negative = v < 0;
			num = negative ? -(unsigned long long)v : (unsigned long long)v;
		} else {
			if (length == 'L')
				num = va_arg(args, unsigned long long);
			else if (length == 'l')
				num = va_arg(args, unsigned long);
			else
				num = va_arg(args, unsigned int);
			if (length == 'h')
				num = (unsigned short)num;
			else if (length == 'H')
				num = (unsigned char)num;
		}
		put_number(o, num, negative, &sp);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	va_list va;

	va_copy(va, args);
	format_out(&o, fmt, va);
	va_end(va);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (likely((size_t)n < size))
		return n;
	return size ? (int)size - 1 : 0;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, INT_MAX, fmt, args);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return n;
}
