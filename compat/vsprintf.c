// SPDX-License-Identifier: GPL-2.0-only
/*
 * Formatted output and input with the kernel's conventions (lib/vsprintf.c):
 * vsnprintf() returns the length the whole output would have had;
 * scnprintf() returns what was actually written; "%s" of NULL prints
 * "(null)"; "%p" prints the plain pointer (there is nothing to hide from
 * in one process).  The kernel's %p extensions that drivers use:
 * %pV (nested struct va_format), %pe (error name), %pg (block device),
 * %pd/%pD (dentry/file name), %pU[bBlL] (UUID), %*ph[CDN] (hex bytes),
 * %pM/%pm, %pI4/%pi4/%pI6, %pa/%pad, %pK/%px, %pS/%ps/%pB (the address, as
 * without kallsyms).  vsscanf() follows the kernel's rules: whitespace in
 * the format matches any whitespace, numbers never skip a '+', %n does
 * not count, and the return value is the number of assignments.
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/hex.h>
#include <linux/string.h>
#include <linux/slab.h>

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
 * Names other areas provide: the block layer names a block device, the
 * VFS a dentry or a file.  The weak fallbacks keep the lib area linkable
 * on its own; the real definitions override them.
 */
struct block_device;
const char *kshim_bdev_name(struct block_device *bdev) __weak;
const char *kshim_bdev_name(struct block_device *bdev)
{
	return "bdev?";
}

void kshim_dentry_name(const void *dentry, char *buf, size_t len) __weak;
void kshim_dentry_name(const void *dentry, char *buf, size_t len)
{
	strscpy(buf, "dentry?", len);
}

void kshim_file_name(const void *file, char *buf, size_t len) __weak;
void kshim_file_name(const void *file, char *buf, size_t len)
{
	strscpy(buf, "file?", len);
}

/* errno names for %pe; numbers are the Linux ABI values */
static const struct {
	short nr;
	const char *name;
} errnames[] = {
	{ 1, "EPERM" }, { 2, "ENOENT" }, { 3, "ESRCH" }, { 4, "EINTR" },
	{ 5, "EIO" }, { 6, "ENXIO" }, { 7, "E2BIG" }, { 8, "ENOEXEC" },
	{ 9, "EBADF" }, { 10, "ECHILD" }, { 11, "EAGAIN" }, { 12, "ENOMEM" },
	{ 13, "EACCES" }, { 14, "EFAULT" }, { 15, "ENOTBLK" }, { 16, "EBUSY" },
	{ 17, "EEXIST" }, { 18, "EXDEV" }, { 19, "ENODEV" }, { 20, "ENOTDIR" },
	{ 21, "EISDIR" }, { 22, "EINVAL" }, { 23, "ENFILE" }, { 24, "EMFILE" },
	{ 25, "ENOTTY" }, { 26, "ETXTBSY" }, { 27, "EFBIG" }, { 28, "ENOSPC" },
	{ 29, "ESPIPE" }, { 30, "EROFS" }, { 31, "EMLINK" }, { 32, "EPIPE" },
	{ 33, "EDOM" }, { 34, "ERANGE" }, { 35, "EDEADLK" },
	{ 36, "ENAMETOOLONG" }, { 37, "ENOLCK" }, { 38, "ENOSYS" },
	{ 39, "ENOTEMPTY" }, { 40, "ELOOP" }, { 42, "ENOMSG" }, { 43, "EIDRM" },
	{ 44, "ECHRNG" }, { 45, "EL2NSYNC" }, { 46, "EL3HLT" }, { 47, "EL3RST" },
	{ 48, "ELNRNG" }, { 49, "EUNATCH" }, { 50, "ENOCSI" }, { 51, "EL2HLT" },
	{ 52, "EBADE" }, { 53, "EBADR" }, { 54, "EXFULL" }, { 55, "ENOANO" },
	{ 56, "EBADRQC" }, { 57, "EBADSLT" }, { 59, "EBFONT" }, { 60, "ENOSTR" },
	{ 61, "ENODATA" }, { 62, "ETIME" }, { 63, "ENOSR" }, { 64, "ENONET" },
	{ 65, "ENOPKG" }, { 66, "EREMOTE" }, { 67, "ENOLINK" }, { 68, "EADV" },
	{ 69, "ESRMNT" }, { 70, "ECOMM" }, { 71, "EPROTO" }, { 72, "EMULTIHOP" },
	{ 73, "EDOTDOT" }, { 74, "EBADMSG" }, { 75, "EOVERFLOW" },
	{ 76, "ENOTUNIQ" }, { 77, "EBADFD" }, { 78, "EREMCHG" },
	{ 79, "ELIBACC" }, { 80, "ELIBBAD" }, { 81, "ELIBSCN" }, { 82, "ELIBMAX" },
	{ 83, "ELIBEXEC" }, { 84, "EILSEQ" }, { 85, "ERESTART" },
	{ 86, "ESTRPIPE" }, { 87, "EUSERS" }, { 88, "ENOTSOCK" },
	{ 89, "EDESTADDRREQ" }, { 90, "EMSGSIZE" }, { 91, "EPROTOTYPE" },
	{ 92, "ENOPROTOOPT" }, { 93, "EPROTONOSUPPORT" },
	{ 94, "ESOCKTNOSUPPORT" }, { 95, "EOPNOTSUPP" }, { 96, "EPFNOSUPPORT" },
	{ 97, "EAFNOSUPPORT" }, { 98, "EADDRINUSE" }, { 99, "EADDRNOTAVAIL" },
	{ 100, "ENETDOWN" }, { 101, "ENETUNREACH" }, { 102, "ENETRESET" },
	{ 103, "ECONNABORTED" }, { 104, "ECONNRESET" }, { 105, "ENOBUFS" },
	{ 106, "EISCONN" }, { 107, "ENOTCONN" }, { 108, "ESHUTDOWN" },
	{ 109, "ETOOMANYREFS" }, { 110, "ETIMEDOUT" }, { 111, "ECONNREFUSED" },
	{ 112, "EHOSTDOWN" }, { 113, "EHOSTUNREACH" }, { 114, "EALREADY" },
	{ 115, "EINPROGRESS" }, { 116, "ESTALE" }, { 117, "EUCLEAN" },
	{ 118, "ENOTNAM" }, { 119, "ENAVAIL" }, { 120, "EISNAM" },
	{ 121, "EREMOTEIO" }, { 122, "EDQUOT" }, { 123, "ENOMEDIUM" },
	{ 124, "EMEDIUMTYPE" }, { 125, "ECANCELED" }, { 126, "ENOKEY" },
	{ 127, "EKEYEXPIRED" }, { 128, "EKEYREVOKED" }, { 129, "EKEYREJECTED" },
	{ 130, "EOWNERDEAD" }, { 131, "ENOTRECOVERABLE" }, { 132, "ERFKILL" },
	{ 133, "EHWPOISON" }, { 512, "ERESTARTSYS" }, { 513, "ERESTARTNOINTR" },
	{ 514, "ERESTARTNOHAND" }, { 515, "ENOIOCTLCMD" },
	{ 516, "ERESTART_RESTARTBLOCK" }, { 517, "EPROBE_DEFER" },
	{ 518, "EOPENSTALE" }, { 519, "ENOPARAM" }, { 521, "EBADHANDLE" },
	{ 522, "ENOTSYNC" }, { 523, "EBADCOOKIE" }, { 524, "ENOTSUPP" },
	{ 525, "ETOOSMALL" }, { 526, "ESERVERFAULT" }, { 527, "EBADTYPE" },
	{ 528, "EJUKEBOX" }, { 529, "EIOCBQUEUED" }, { 530, "ERECALLCONFLICT" },
	{ 531, "ENOGRACE" },
};

static const char *errname(int err)
{
	size_t i;

	if (err < 0)
		err = -err;
	for (i = 0; i < ARRAY_SIZE(errnames); i++)
		if (errnames[i].nr == err)
			return errnames[i].name;
	return NULL;
}

/* a string result of a %p extension, padded to the field width */
static void put_ext_string(struct out *o, const char *s, const struct spec *sp)
{
	struct spec s2 = *sp;

	s2.precision = -1;
	put_string(o, s, &s2);
}

/* "0x" and 2 * size zero-padded hex digits, the kernel's special_hex_number */
static void put_special_hex(struct out *o, unsigned long long v, int size)
{
	struct spec sp = { .flags = F_ZERO, .width = size * 2, .precision = -1,
			   .base = 16 };

	put_str(o, "0x", 2);
	put_number(o, v, false, &sp);
}

/* %*ph[CDN]: up to 64 bytes in hex with a separator */
static void put_hex_bytes(struct out *o, const u8 *p, const char *fmt,
			  const struct spec *sp)
{
	int len = sp->width > 0 ? sp->width : 1, i;
	char sep = ' ';

	if (len > 64)
		len = 64;
	if (fmt[1] == 'C')
		sep = ':';
	else if (fmt[1] == 'D')
		sep = '-';
	else if (fmt[1] == 'N')
		sep = 0;
	for (i = 0; i < len; i++) {
		if (i && sep)
			put_char(o, sep);
		put_char(o, hex_asc_hi(p[i]));
		put_char(o, hex_asc_lo(p[i]));
	}
}

/* %pU[bBlL]: 16 bytes as 8-4-4-4-12; l/L reverse the first three fields */
static void put_uuid(struct out *o, const u8 *u, char variant)
{
	static const u8 big[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
	static const u8 little[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
	const u8 *order = (variant == 'l' || variant == 'L') ? little : big;
	const char *digits = (variant == 'B' || variant == 'L') ? hex_asc_upper : hex_asc;
	int i;

	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			put_char(o, '-');
		put_char(o, digits[u[order[i]] >> 4]);
		put_char(o, digits[u[order[i]] & 15]);
	}
}

static bool bad_pointer(struct out *o, const void *ptr, const struct spec *sp)
{
	if (!ptr) {
		put_ext_string(o, "(null)", sp);
		return true;
	}
	if ((unsigned long)ptr < 4096 || IS_ERR_VALUE(ptr)) {
		put_ext_string(o, "(efault)", sp);
		return true;
	}
	return false;
}

static void put_plain_pointer(struct out *o, void *ptr, struct spec *sp)
{
	sp->base = 16;
	sp->flags |= F_ZERO;
	if (sp->width < 0)
		sp->width = 16;
	put_number(o, (unsigned long)ptr, false, sp);
}

/*
 * %p and its kernel extensions; fmt points after the 'p'.  As in the
 * kernel, every alphanumeric character after %p belongs to the
 * conversion, known or not.
 */
static const char *put_pointer(struct out *o, const char *fmt, void *ptr,
			       struct spec *sp)
{
	const char *next = fmt;
	char name[256];

	while (isalnum(*next))
		next++;

	switch (*fmt) {
	case 'V': {
		struct va_format *vaf = ptr;
		va_list va;

		if (bad_pointer(o, ptr, sp))
			break;
		va_copy(va, *vaf->va);
		format_out(o, vaf->fmt, va);
		va_end(va);
		/* %pV takes only the V */
		return fmt + 1;
	}
	case 'e': {
		const char *n;

		if (!IS_ERR_VALUE(ptr)) {
			put_plain_pointer(o, ptr, sp);
			break;
		}
		n = errname((int)PTR_ERR(ptr));
		if (n) {
			name[0] = '-';
			strscpy(name + 1, n, sizeof(name) - 1);
		} else {
			snprintf(name, sizeof(name), "%ld", PTR_ERR(ptr));
		}
		put_ext_string(o, name, sp);
		break;
	}
	case 'g':
		if (bad_pointer(o, ptr, sp))
			break;
		put_ext_string(o, kshim_bdev_name(ptr), sp);
		break;
	case 'd':
	case 'D':
		if (bad_pointer(o, ptr, sp))
			break;
		if (*fmt == 'd')
			kshim_dentry_name(ptr, name, sizeof(name));
		else
			kshim_file_name(ptr, name, sizeof(name));
		put_ext_string(o, name, sp);
		break;
	case 'U':
		if (bad_pointer(o, ptr, sp))
			break;
		put_uuid(o, ptr, fmt[1]);
		break;
	case 'h':
		if (bad_pointer(o, ptr, sp))
			break;
		put_hex_bytes(o, ptr, fmt, sp);
		break;
	case 'M':
	case 'm': {
		const u8 *mac = ptr;
		char sep = *fmt == 'm' ? 0 : (fmt[1] == 'F' ? '-' : ':');
		int i;

		if (bad_pointer(o, ptr, sp))
			break;
		for (i = 0; i < 6; i++) {
			if (i && sep)
				put_char(o, sep);
			put_char(o, hex_asc_hi(mac[i]));
			put_char(o, hex_asc_lo(mac[i]));
		}
		break;
	}
	case 'I':
	case 'i':
		if (bad_pointer(o, ptr, sp))
			break;
		if (fmt[1] == '4') {
			const u8 *a = ptr;

			snprintf(name, sizeof(name), *fmt == 'i' ?
				 "%03u.%03u.%03u.%03u" : "%u.%u.%u.%u",
				 a[0], a[1], a[2], a[3]);
		} else {
			const u8 *a = ptr;
			int i, n = 0;

			for (i = 0; i < 16; i += 2)
				n += snprintf(name + n, sizeof(name) - n, "%s%02x%02x",
					      i ? (*fmt == 'i' ? "" : ":") : "",
					      a[i], a[i + 1]);
		}
		put_ext_string(o, name, sp);
		break;
	case 'a':
		if (bad_pointer(o, ptr, sp))
			break;
		if (fmt[1] == 'd')
			put_special_hex(o, *(const dma_addr_t *)ptr, sizeof(dma_addr_t));
		else
			put_special_hex(o, *(const phys_addr_t *)ptr, sizeof(phys_addr_t));
		break;
	case 'S':
	case 's':
	case 'B':
	case 'F':
	case 'f':
		/* no symbol table: the address itself */
		put_special_hex(o, (unsigned long)ptr, sizeof(void *));
		break;
	case 'K':
	case 'x':
	default:
		if (!ptr && sp->width < 0 && *fmt != 'x' && *fmt != 'K') {
			put_str(o, "(null)", 6);
			break;
		}
		put_plain_pointer(o, ptr, sp);
		break;
	}
	return next;
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

/*
 * Input.  Numbers: optional '-' for d/i, radix prefixes as for
 * simple_strtoull (%i: base 0; %x: an optional "0x"), at most 'width'
 * characters in all.  Returns false when no digit is there.
 */
static bool scan_number(const char **sp, int width, unsigned int base, bool is_signed,
			unsigned long long *out)
{
	char tmp[72];
	const char *s = *sp;
	char *end;
	size_t n = 0, max = width > 0 ? (size_t)width : sizeof(tmp) - 1;
	bool negative = false;
	unsigned long long v;

	if (max > sizeof(tmp) - 1)
		max = sizeof(tmp) - 1;
	if (is_signed && *s == '-') {
		if (max == 1)
			return false;
		negative = true;
		s++;
		max--;
	}
	/* the first character must be a digit of the base */
	if (!(base == 16 ? isxdigit(*s) : base == 8 ? isodigit(*s) : isdigit(*s)))
		return false;
	while (n < max && s[n] && !isspace(s[n])) {
		tmp[n] = s[n];
		n++;
	}
	tmp[n] = '\0';
	v = simple_strtoull(tmp, &end, base);
	*sp = s + (end - tmp);
	*out = negative ? 0 - v : v;
	return true;
}

int vsscanf(const char *buf, const char *fmt, va_list args)
{
	const char *str = buf;
	int assigned = 0;

	while (*fmt) {
		bool suppress = false;
		int width = -1, qual = 0;
		unsigned int base = 10;
		bool is_signed = false;
		unsigned long long v;

		if (isspace(*fmt)) {
			while (isspace(*fmt))
				fmt++;
			while (isspace(*str))
				str++;
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			if (*fmt == '%')
				fmt++;
			if (*fmt++ != *str++)
				break;
			continue;
		}
		fmt++;
		if (*fmt == '*') {
			suppress = true;
			fmt++;
		}
		if (isdigit(*fmt)) {
			width = 0;
			while (isdigit(*fmt))
				width = width * 10 + (*fmt++ - '0');
			if (width == 0)
				break;
		}
		if (*fmt == 'h' || *fmt == 'l' || *fmt == 'L' || *fmt == 'z' ||
		    *fmt == 'Z' || *fmt == 'j' || *fmt == 't') {
			qual = *fmt++;
			if (qual == 'h' && *fmt == 'h') {
				qual = 'H';
				fmt++;
			} else if (qual == 'l' && *fmt == 'l') {
				qual = 'L';
				fmt++;
			} else if (qual == 'j') {
				qual = 'L';
			} else if (qual == 'z' || qual == 'Z' || qual == 't') {
				qual = 'l';
			}
		}
		if (!*fmt)
			break;
		if (*fmt == 'n') {
			if (!suppress)
				*va_arg(args, int *) = (int)(str - buf);
			fmt++;
			continue;
		}
		if (!*str)
			break;
		switch (*fmt++) {
		case 'c': {
			char *d = suppress ? NULL : va_arg(args, char *);
			int n = width < 0 ? 1 : width;

			while (n-- && *str) {
				if (d)
					*d++ = *str;
				str++;
			}
			if (!suppress)
				assigned++;
			continue;
		}
		case 's': {
			char *d = suppress ? NULL : va_arg(args, char *);
			int n = width < 0 ? INT_MAX : width;

			while (isspace(*str))
				str++;
			while (n-- && *str && !isspace(*str)) {
				if (d)
					*d++ = *str;
				str++;
			}
			if (d) {
				*d = '\0';
				assigned++;
			}
			continue;
		}
		case '[': {
			char *d = suppress ? NULL : va_arg(args, char *);
			bool set[256] = { false }, negate = false;
			int n = width < 0 ? INT_MAX : width, matched = 0;

			if (*fmt == '^') {
				negate = true;
				fmt++;
			}
			/* a ']' right after the bracket belongs to the set */
			if (*fmt == ']')
				set[(u8)*fmt++] = true;
			for (; *fmt && *fmt != ']'; fmt++) {
				if (fmt[1] == '-' && fmt[2] && fmt[2] != ']' &&
				    (u8)fmt[0] <= (u8)fmt[2]) {
					int c;

					for (c = (u8)fmt[0]; c <= (u8)fmt[2]; c++)
						set[c] = true;
					fmt += 2;
				} else {
					set[(u8)*fmt] = true;
				}
			}
			if (!*fmt)
				return assigned;
			fmt++;
			while (n-- && *str && set[(u8)*str] != negate) {
				if (d)
					*d++ = *str;
				str++;
				matched++;
			}
			if (!matched)
				return assigned;
			if (d) {
				*d = '\0';
				assigned++;
			}
			continue;
		}
		case 'o':
			base = 8;
			break;
		case 'x':
		case 'X':
			base = 16;
			break;
		case 'i':
			base = 0;
			is_signed = true;
			break;
		case 'd':
			is_signed = true;
			break;
		case 'u':
			break;
		default:
			return assigned;
		}
		while (isspace(*str))
			str++;
		if (!*str)
			break;
		if (base == 0) {
			/* resolve the radix here, so the digit check below is right */
			const char *s = *str == '-' ? str + 1 : str;

			if (s[0] != '0')
				base = 10;
			else if (_tolower(s[1]) == 'x' && isxdigit(s[2]))
				base = 16;
			else
				base = 8;
		}
		if (!scan_number(&str, width, base, is_signed, &v))
			break;
		if (suppress)
			continue;
		switch (qual) {
		case 'H':
			*va_arg(args, unsigned char *) = (unsigned char)v;
			break;
		case 'h':
			*va_arg(args, unsigned short *) = (unsigned short)v;
			break;
		case 'l':
			*va_arg(args, unsigned long *) = (unsigned long)v;
			break;
		case 'L':
			*va_arg(args, unsigned long long *) = v;
			break;
		default:
			*va_arg(args, unsigned int *) = (unsigned int)v;
			break;
		}
		assigned++;
	}
	return assigned;
}

int sscanf(const char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsscanf(buf, fmt, args);
	va_end(args);
	return n;
}

/* the decimal digits of num, at least width of them, unterminated */
int num_to_str(char *buf, int size, unsigned long long num, unsigned int width)
{
	char tmp[sizeof(num) * 3];
	int len = 0, total;

	do {
		tmp[len++] = '0' + num % 10;
		num /= 10;
	} while (num);
	total = (int)width > len ? (int)width : len;
	if (total > size)
		return 0;
	memset(buf, '0', total - len);
	for (; len; len--)
		buf[total - len] = tmp[len - 1];
	return total;
}

/* a kmalloc'ed string of exactly the formatted length, or NULL */
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap)
{
	va_list aq;
	char *p;
	int len;

	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	p = kmalloc(len + 1, gfp);
	if (!p)
		return NULL;
	vsnprintf(p, len + 1, fmt, ap);
	return p;
}

/* always a heap copy here, which kfree_const() frees like any other */
const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list ap)
{
	return kvasprintf(gfp, fmt, ap);
}

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	return p;
}
