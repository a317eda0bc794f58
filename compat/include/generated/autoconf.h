/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The kernel configuration that kshim emulates for every object of the
 * kernel world.  Options here change the layout of shared structures, so
 * they are global; options private to one filesystem (CONFIG_EXT2_FS_XATTR)
 * come from fs/<name>/meson.build instead.
 */
#ifndef _KSHIM_AUTOCONF_H
#define _KSHIM_AUTOCONF_H

#define CONFIG_64BIT 1
#define CONFIG_X86_64 1
#define CONFIG_MMU 1
#define CONFIG_SMP 1
#define CONFIG_NR_CPUS 64
#define CONFIG_BLOCK 1
#define CONFIG_FS_POSIX_ACL 1
#define CONFIG_SECURITY 1
#define CONFIG_NLS_DEFAULT "utf8"
#define CONFIG_HZ 1000
#define CONFIG_PAGE_SHIFT 12
#define CONFIG_BASE_SMALL 0
#define CONFIG_LBDAF 1
#define CONFIG_PRINTK 1
#define CONFIG_BUG 1
#define CONFIG_FILE_LOCKING 1
#define CONFIG_MULTIUSER 1
#define CONFIG_SYSFS 1
#define CONFIG_FS_IOMAP 1
#define CONFIG_ARCH_HAS_FAST_MULTIPLIER 1
#define CONFIG_CRC32_SLICEBY8 1

#endif /* _KSHIM_AUTOCONF_H */
