// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel-only string functions (lib/string.c, lib/string_helpers.c)
 * and the dcache name hashes (fs/namei.c's full_name_hash/hashlen_string).
 * Functions with C-library semantics are not defined here: linux/string.h
 * declares them and the C library provides them.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/string_helpers.h>
#include <linux/stringhash.h>
#include <linux/ctype.h>
#include <linux/errno.h>

ssize_t sized_strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (count == 0 || WARN_ON_ONCE(count > INT_MAX))
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		/* does not fit: copy what does and terminate */
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}

ssize_t kshim_sized_strscpy_pad(char *dest, const char *src, size_t count)
{
	ssize_t written = sized_strscpy(dest, src, count);

	if (count) {
		size_t used = written < 0 ? count : (size_t)written + 1;

		memset(dest + used, 0, count - used);
	}
	return written;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dest, src, n);
		dest[n] = '\0';
	}
	return len;
}

size_t strlcat(char *dest, const char *src, size_t count)
{
	size_t dlen = strnlen(dest, count);
	size_t slen = strlen(src);

	/* the kernel treats an unterminated dest as a bug */
	if (WARN_ON_ONCE(dlen == count))
		return count + slen;
	if (slen < count - dlen) {
		memcpy(dest + dlen, src, slen + 1);
	} else {
		memcpy(dest + dlen, src, count - dlen - 1);
		dest[count - 1] = '\0';
	}
	return dlen + slen;
}

char *strsep(char **s, const char *ct)
{
	char *start = *s, *end;

	if (!start)
		return NULL;
	end = strpbrk(start, ct);
	if (end)
		*end++ = '\0';
	*s = end;
	return start;
}

char *skip_spaces(const char *str)
{
	while (isspace(*str))
		str++;
	return (char *)str;
}

char *strim(char *s)
{
	size_t size = strlen(s);
	char *end;

	if (!size)
		return s;
	end = s + size;
	while (end > s && isspace(end[-1]))
		end--;
	*end = '\0';
	return skip_spaces(s);
}

char *strnchr(const char *s, size_t count, int c)
{
	for (; count-- && *s != '\0'; s++)
		if (*s == (char)c)
			return (char *)s;
	return NULL;
}

char *strnchrnul(const char *s, size_t count, int c)
{
	while (count-- && *s && *s != (char)c)
		s++;
	return (char *)s;
}

char *strnstr(const char *s1, const char *s2, size_t len)
{
	size_t l2 = strlen(s2);

	if (!l2)
		return (char *)s1;
	for (; len >= l2; len--, s1++)
		if (!memcmp(s1, s2, l2))
			return (char *)s1;
	return NULL;
}

char *strreplace(char *str, char old, char new)
{
	char *s = str;

	for (; *s; s++)
		if (*s == old)
			*s = new;
	return s;
}

void *memchr_inv(const void *start, int c, size_t bytes)
{
	const u8 *p = start;
	u8 v = (u8)c;

	for (; bytes; bytes--, p++)
		if (*p != v)
			return (void *)p;
	return NULL;
}

void *memscan(void *addr, int c, size_t size)
{
	unsigned char *p = addr;

	while (size && *p != (unsigned char)c) {
		p++;
		size--;
	}
	return p;
}

void *memset16(uint16_t *s, uint16_t v, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		s[i] = v;
	return s;
}

void *memset32(uint32_t *s, uint32_t v, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		s[i] = v;
	return s;
}

void *memset64(uint64_t *s, uint64_t v, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		s[i] = v;
	return s;
}

size_t memweight(const void *ptr, size_t bytes)
{
	const u8 *p = ptr;
	size_t w = 0;

	while (bytes--)
		w += hweight8(*p++);
	return w;
}

void memcpy_and_pad(void *dest, size_t dest_len, const void *src, size_t count, int pad)
{
	if (dest_len > count) {
		memcpy(dest, src, count);
		memset((char *)dest + count, pad, dest_len - count);
	} else {
		memcpy(dest, src, dest_len);
	}
}

/* equal, except that a single trailing newline on either side is ignored */
bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	if (*s1 == '\n' && !s1[1] && !*s2)
		return true;
	return false;
}

/* index of string in array (a NULL entry ends the array early), or -EINVAL */
int match_string(const char * const *array, size_t n, const char *string)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!array[i])
			break;
		if (!strcmp(array[i], string))
			return i;
	}
	return -EINVAL;
}

int __sysfs_match_string(const char * const *array, size_t n, const char *str)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!array[i])
			continue;
		if (sysfs_streq(array[i], str))
			return i;
	}
	return -EINVAL;
}

/* "4k", "1M", "2G", ... as a number of bytes */
unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long ret = simple_strtoull(ptr, &end, 0);
	int shift = 0;

	switch (*end) {
	case 'E': case 'e':
		shift += 10;
		fallthrough;
	case 'P': case 'p':
		shift += 10;
		fallthrough;
	case 'T': case 't':
		shift += 10;
		fallthrough;
	case 'G': case 'g':
		shift += 10;
		fallthrough;
	case 'M': case 'm':
		shift += 10;
		fallthrough;
	case 'K': case 'k':
		shift += 10;
		end++;
		break;
	default:
		break;
	}
	if (retptr)
		*retptr = end;
	return ret << shift;
}

/* whether option appears as an element of a comma-separated list */
bool parse_option_str(const char *str, const char *option)
{
	size_t len = strlen(option);

	while (*str) {
		if (!strncmp(str, option, len) && (str[len] == ',' || !str[len]))
			return true;
		str = strchrnul(str, ',');
		if (*str)
			str++;
	}
	return false;
}

/*
 * Three significant digits with SI (1000) or IEC (1024) prefixes, as the
 * kernel prints capacities: "512 B", "4.00 KiB", "1.50 GB".
 */
int string_get_size(u64 size, u64 blk_size, const enum string_size_units units,
		    char *buf, int len)
{
	static const char *const si[] = { "", "k", "M", "G", "T", "P", "E", "Z", "Y" };
	static const char *const iec[] = { "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi" };
	bool is_iec = (units & STRING_UNITS_MASK) == STRING_UNITS_2;
	unsigned int divisor = is_iec ? 1024 : 1000;
	const char *const *prefix = is_iec ? iec : si;
	unsigned int i = 0, j, frac = 0;
	char tmp[12] = "";
	const char *unit;
	/* value as an integer part and a remainder scaled by 1/1000 */
	u64 whole, rest, sz = size, blk = blk_size;

	if (!len)
		return 0;
	if (!blk)
		sz = 0;
	/* reduce both factors so their product fits in 64 bits */
	while (blk >> 32) {
		blk = blk / divisor;
		i++;
	}
	while (sz >> 32) {
		sz = sz / divisor;
		i++;
	}
	whole = sz * (blk ? blk : 1);
	rest = 0;
	while (whole >= divisor && i < ARRAY_SIZE(si) - 1) {
		rest = (whole % divisor) * 1000 / divisor;
		whole /= divisor;
		i++;
	}
	if (i) {
		/* three significant digits in total */
		j = whole >= 100 ? 0 : whole >= 10 ? 1 : 2;
		if (j) {
			unsigned int scale = j == 1 ? 100 : 10;

			frac = (unsigned int)((rest + scale / 2) / scale);
			if (frac >= (j == 1 ? 10U : 100U)) {
				frac = 0;
				whole++;
			}
			snprintf(tmp, sizeof(tmp), ".%0*u", j, frac);
		} else if (rest >= 500) {
			whole++;
		}
	}
	unit = (units & STRING_UNITS_NO_BYTES) ? "" : "B";
	return snprintf(buf, len, "%u%s%s%s%s", (unsigned int)whole, tmp,
			(units & STRING_UNITS_NO_SPACE) ? "" : " ", prefix[i], unit);
}

/* dcache name hashing: byte at a time, consistent between both forms */
unsigned int full_name_hash(const void *salt, const char *name, unsigned int len)
{
	unsigned long hash = init_name_hash(salt);

	while (len--)
		hash = partial_name_hash((unsigned char)*name++, hash);
	return end_name_hash(hash);
}

u64 hashlen_string(const void *salt, const char *name)
{
	unsigned long hash = init_name_hash(salt);
	unsigned long len = 0;

	while (name[len])
		hash = partial_name_hash((unsigned char)name[len++], hash);
	return hashlen_create(end_name_hash(hash), len);
}
