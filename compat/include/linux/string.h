/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * String and memory functions (lib/string.c, lib/string_helpers.c).
 *
 * The functions whose kernel and C-library contracts are identical
 * (memcpy, strlen, strcmp, ...) are only declared here, with the kernel's
 * prototypes, and bind to the C library at link time.  The kernel-only
 * ones, and those whose kernel meaning differs (strscpy returns -E2BIG on
 * truncation, strlcpy/strsep/strim are renamed by kshim/namespace.h), are
 * implemented in compat/string.c.
 */
#ifndef _LINUX_STRING_H_
#define _LINUX_STRING_H_

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/errno.h>
#include <linux/stdarg.h>

/* bound to the C library: same contract in both worlds */
extern void *memcpy(void *, const void *, __kernel_size_t);
extern void *memmove(void *, const void *, __kernel_size_t);
extern void *memset(void *, int, __kernel_size_t);
extern int memcmp(const void *, const void *, __kernel_size_t);
extern int bcmp(const void *, const void *, __kernel_size_t);
extern void *memchr(const void *, int, __kernel_size_t);
extern __kernel_size_t strlen(const char *);
extern __kernel_size_t strnlen(const char *, __kernel_size_t);
extern int strcmp(const char *, const char *);
extern int strncmp(const char *, const char *, __kernel_size_t);
extern int strcasecmp(const char *s1, const char *s2);
extern int strncasecmp(const char *s1, const char *s2, size_t n);
extern char *strchr(const char *, int);
extern char *strchrnul(const char *, int);
extern char *strrchr(const char *, int);
extern char *strstr(const char *, const char *);
extern char *strcpy(char *, const char *);
extern char *strncpy(char *, const char *, __kernel_size_t);
extern char *strcat(char *, const char *);
extern char *strncat(char *, const char *, __kernel_size_t);
extern char *strpbrk(const char *, const char *);
extern __kernel_size_t strspn(const char *, const char *);
extern __kernel_size_t strcspn(const char *, const char *);

/* kernel-only, compat/string.c */
extern char *strnstr(const char *, const char *, size_t);
extern char *strnchr(const char *, size_t, int);
extern char *strnchrnul(const char *, size_t, int);
extern size_t strlcpy(char *, const char *, size_t);
extern size_t strlcat(char *, const char *, __kernel_size_t);
extern char *strsep(char **, const char *);
extern char *__must_check skip_spaces(const char *);
extern char *strim(char *);
char *strreplace(char *str, char old, char new);
void *memchr_inv(const void *s, int c, size_t n);
extern void *memscan(void *, int, __kernel_size_t);
extern void *memset16(uint16_t *, uint16_t, __kernel_size_t);
extern void *memset32(uint32_t *, uint32_t, __kernel_size_t);
extern void *memset64(uint64_t *, uint64_t, __kernel_size_t);
size_t memweight(const void *ptr, size_t bytes);
extern bool sysfs_streq(const char *s1, const char *s2);
int match_string(const char * const *array, size_t n, const char *string);
int __sysfs_match_string(const char * const *array, size_t n, const char *s);
#define sysfs_match_string(_a, _s) __sysfs_match_string(_a, ARRAY_SIZE(_a), _s)
extern unsigned long long memparse(const char *ptr, char **retptr);
extern bool parse_option_str(const char *str, const char *option);
void memcpy_and_pad(void *dest, size_t dest_len, const void *src, size_t count, int pad);

/* allocation helpers (mm/util.c, the memory area) */
extern void kfree_const(const void *x);
extern char *kstrdup(const char *s, gfp_t gfp) __malloc;
extern const char *kstrdup_const(const char *s, gfp_t gfp);
extern char *kstrndup(const char *s, size_t len, gfp_t gfp);
extern char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);

/*
 * strscpy(dst, src[, size]): copy a NUL-terminated string into a buffer of
 * size bytes (sizeof(dst) when omitted); the result is always terminated
 * (size > 0); returns its length, or -E2BIG when src did not fit.
 * kshim/namespace.h maps strscpy to kshim_strscpy, hence the macro name.
 */
ssize_t sized_strscpy(char *, const char *, size_t);
#define __kshim_strscpy_sel(_1, _2, _3, name, ...) name
#define __kshim_strscpy2(dst, src) sized_strscpy(dst, src, sizeof(dst) + __must_be_array(dst) * 0)
#define __kshim_strscpy3(dst, src, size) sized_strscpy(dst, src, size)
#define kshim_strscpy(...)                                                 \
	__kshim_strscpy_sel(__VA_ARGS__, __kshim_strscpy3, __kshim_strscpy2, _)(__VA_ARGS__)

/* like strscpy, and the rest of the buffer is zeroed */
ssize_t kshim_sized_strscpy_pad(char *dest, const char *src, size_t count);
#define sized_strscpy_pad(dest, src, count) kshim_sized_strscpy_pad(dest, src, count)
#define __kshim_strscpy_pad2(dst, src) sized_strscpy_pad(dst, src, sizeof(dst))
#define __kshim_strscpy_pad3(dst, src, size) sized_strscpy_pad(dst, src, size)
#define strscpy_pad(...)                                                   \
	__kshim_strscpy_sel(__VA_ARGS__, __kshim_strscpy_pad3, __kshim_strscpy_pad2, _)(__VA_ARGS__)

static inline __must_check char *strstrip(char *str)
{
	return strim(str);
}

static inline void *memset_l(unsigned long *p, unsigned long v, __kernel_size_t n)
{
	return memset64((uint64_t *)p, v, n);
}

static inline void *memset_p(void **p, void *v, __kernel_size_t n)
{
	return memset64((uint64_t *)p, (uintptr_t)v, n);
}

static inline bool mem_is_zero(const void *s, size_t n)
{
	return !memchr_inv(s, 0, n);
}

static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	barrier_data(s);
}

static inline void memcpy_flushcache(void *dst, const void *src, size_t cnt)
{
	memcpy(dst, src, cnt);
}

static inline bool strstarts(const char *str, const char *prefix)
{
	return strncmp(str, prefix, strlen(prefix)) == 0;
}

/* the length of prefix when str starts with it, else 0 */
static __always_inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) == 0 ? len : 0;
}

/* the part of path after its last '/' */
static inline const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');

	return tail ? tail + 1 : path;
}

#define unsafe_memcpy(dst, src, bytes, justification) memcpy(dst, src, bytes)

/* copy a string into a fixed, not necessarily terminated, char array */
#define strtomem_pad(dest, src, pad)                                       \
	memcpy_and_pad(dest, sizeof(dest) + __must_be_array(dest) * 0, src, \
		       strnlen(src, sizeof(dest)), pad)
#define strtomem(dest, src)                                                \
	memcpy(dest, src, strnlen(src, sizeof(dest) + __must_be_array(dest) * 0))

/* copy a possibly unterminated char array into a terminated string */
#define memtostr(dest, src)                                                \
	do {                                                               \
		size_t _dl = sizeof(dest), _sl = strnlen(src, sizeof(src)); \
		size_t _n = _sl < _dl - 1 ? _sl : _dl - 1;                 \
		memcpy(dest, src, _n);                                     \
		(dest)[_n] = '\0';                                         \
	} while (0)
#define memtostr_pad(dest, src)                                            \
	do {                                                               \
		size_t _dl = sizeof(dest), _sl = strnlen(src, sizeof(src)); \
		size_t _n = _sl < _dl - 1 ? _sl : _dl - 1;                 \
		memcpy(dest, src, _n);                                     \
		memset((char *)(dest) + _n, 0, _dl - _n);                  \
	} while (0)

#define memset_after(obj, v, member)                                       \
	({                                                                 \
		u8 *__ptr = (u8 *)(obj);                                   \
		typeof(v) __val = (v);                                     \
		memset(__ptr + offsetofend(typeof(*(obj)), member), __val, \
		       sizeof(*(obj)) - offsetofend(typeof(*(obj)), member)); \
	})
#define memset_startat(obj, v, member)                                     \
	({                                                                 \
		u8 *__ptr = (u8 *)(obj);                                   \
		typeof(v) __val = (v);                                     \
		memset(__ptr + offsetof(typeof(*(obj)), member), __val,    \
		       sizeof(*(obj)) - offsetof(typeof(*(obj)), member)); \
	})

#endif /* _LINUX_STRING_H_ */
