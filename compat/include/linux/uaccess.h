/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User-space access (include/linux/uaccess.h).  kshim has one address
 * space: a "__user" pointer is an ordinary pointer handed in by the VFS
 * bridge, so copies are memcpy and never fault.  The kernel's return
 * conventions are kept: copy_{to,from}_user and clear_user return the
 * number of bytes NOT copied (always 0 here), get_user/put_user return 0
 * or -EFAULT, strncpy_from_user returns the string length or count when
 * no NUL was found within count bytes.  access_ok() accepts everything
 * but a NULL pointer with a nonzero size.
 */
#ifndef __LINUX_UACCESS_H__
#define __LINUX_UACCESS_H__

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/minmax.h>

#define access_ok(addr, size) ((void)(size), (addr) != NULL || (size) == 0)

#define USER_DS 0
#define KERNEL_DS 1
#define uaccess_kernel() false

/* pagefault_disable()/enable() come from linux/preempt.h */
#include <linux/preempt.h>

static inline bool pagefault_disabled(void)
{
	return false;
}

#define faulthandler_disabled() pagefault_disabled()

static __always_inline unsigned long __must_check
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	memcpy(to, (const void __force *)from, n);
	return 0;
}

static __always_inline unsigned long __must_check
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	memcpy((void __force *)to, from, n);
	return 0;
}

#define __copy_from_user(to, from, n) copy_from_user(to, from, n)
#define __copy_to_user(to, from, n) copy_to_user(to, from, n)
#define __copy_from_user_inatomic(to, from, n) copy_from_user(to, from, n)
#define __copy_to_user_inatomic(to, from, n) copy_to_user(to, from, n)
#define raw_copy_from_user(to, from, n) copy_from_user(to, from, n)
#define raw_copy_to_user(to, from, n) copy_to_user(to, from, n)

static inline long copy_from_kernel_nofault(void *dst, const void *src, size_t size)
{
	memcpy(dst, src, size);
	return 0;
}

static inline long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	memcpy(dst, src, size);
	return 0;
}

#define copy_from_user_nofault(dst, src, size) copy_from_kernel_nofault(dst, src, size)
#define copy_to_user_nofault(dst, src, size) copy_to_kernel_nofault(dst, src, size)

static inline unsigned long __must_check clear_user(void __user *to, unsigned long n)
{
	memset((void __force *)to, 0, n);
	return 0;
}

#define __clear_user(to, n) clear_user(to, n)

#define get_user(x, ptr)                                                   \
	({                                                                 \
		const typeof(*(ptr)) __user *__gu_p = (ptr);               \
		(x) = (typeof(*(ptr)))*__gu_p;                             \
		0;                                                         \
	})
#define put_user(x, ptr)                                                   \
	({                                                                 \
		typeof(*(ptr)) __user *__pu_p = (ptr);                     \
		*__pu_p = (typeof(*(ptr)))(x);                             \
		0;                                                         \
	})
#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)
#define get_kernel_nofault(val, ptr) ({ (val) = *(ptr); 0; })

static inline long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long n;

	if (count <= 0)
		return 0;
	n = strnlen((const char __force *)src, count);
	if (n < count) {
		memcpy(dst, (const char __force *)src, n + 1);
		return n;
	}
	memcpy(dst, (const char __force *)src, count);
	return count;
}

/* length including the NUL, or more than n when none within n bytes */
static inline long strnlen_user(const char __user *src, long n)
{
	long len;

	if (n <= 0)
		return 0;
	len = strnlen((const char __force *)src, n);
	return len < n ? len + 1 : n + 1;
}

/* the unsafe_ accessors run between user_access_begin() and _end() */
static inline bool user_access_begin(const void __user *ptr, size_t len)
{
	return access_ok(ptr, len);
}

static inline void user_access_end(void)
{
}

#define user_read_access_begin user_access_begin
#define user_read_access_end user_access_end
#define user_write_access_begin user_access_begin
#define user_write_access_end user_access_end
#define user_access_save() 0UL
#define user_access_restore(flags) do { (void)(flags); } while (0)

#define unsafe_get_user(x, ptr, err) do { (void)get_user(x, ptr); } while (0)
#define unsafe_put_user(x, ptr, err) do { (void)put_user(x, ptr); } while (0)
#define unsafe_copy_to_user(to, from, n, err)                              \
	do { (void)copy_to_user(to, from, n); } while (0)
#define unsafe_copy_from_user(to, from, n, err)                            \
	do { (void)copy_from_user(to, from, n); } while (0)

/* structs grown by later ABI revisions: the tail beyond ksize is zero */
static __always_inline __must_check int
copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize)
{
	size_t size = min(ksize, usize);

	if (usize > ksize) {
		const char *tail = (const char __force *)src + ksize;
		size_t i;

		for (i = 0; i < usize - ksize; i++)
			if (tail[i])
				return -E2BIG;
	}
	memcpy(dst, (const void __force *)src, size);
	if (ksize > usize)
		memset((char *)dst + size, 0, ksize - size);
	return 0;
}

#endif /* __LINUX_UACCESS_H__ */
