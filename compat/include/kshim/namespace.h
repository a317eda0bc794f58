/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The symbol namespace rule (docs/design.md, "Two worlds").
 *
 * Kernel code and the host libraries (libc, libfuse3, libaio, jemalloc,
 * liburcu) live in one process.  Where a kernel function has the name of a
 * host function but not its meaning, the kernel world sees it renamed here
 * to a kshim_ symbol, so neither side can bind to the other's definition.
 * tools/check-namespace.py fails the build when an object of the kernel
 * world defines a global symbol that a host library also exports; adding a
 * line here is the fix it asks for.
 *
 * Object-like macros only: the names must also rename function pointers.
 * Never list a name that kernel code uses as a structure member.
 */
#ifndef _KSHIM_NAMESPACE_H
#define _KSHIM_NAMESPACE_H

/* lib/vsprintf.c: kernel format extensions (%pV, %pg, %pe, ...) */
#define sprintf kshim_sprintf
#define snprintf kshim_snprintf
#define vsprintf kshim_vsprintf
#define vsnprintf kshim_vsnprintf
#define sscanf kshim_sscanf
#define vsscanf kshim_vsscanf
#define asprintf kshim_asprintf
#define vasprintf kshim_vasprintf

/* kernel/time/timer.c: timer_delete(struct timer_list *) vs POSIX timers */
#define timer_delete kshim_timer_delete
#define timer_delete_sync kshim_timer_delete_sync

/* lib/string.c and lib/bsearch.c, lib/sort.c: kernel semantics */
#define strlcpy kshim_strlcpy
#define strlcat kshim_strlcat
#define strscpy kshim_strscpy
#define strsep kshim_strsep
#define strim kshim_strim
#define skip_spaces kshim_skip_spaces
#define strreplace kshim_strreplace
#define bsearch kshim_bsearch
#define sort kshim_sort

/* lib/crc32.c vs zlib */
#define crc32_le kshim_crc32_le
#define crc32_be kshim_crc32_be
#define __crc32c_le kshim___crc32c_le
#define crc16 kshim_crc16

/* kernel/panic.c, kernel/time: names libc also defines */
#define panic kshim_panic
#define mktime64 kshim_mktime64
#define get_random_bytes kshim_get_random_bytes

#endif /* _KSHIM_NAMESPACE_H */
