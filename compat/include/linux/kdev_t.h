/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dev_t encodings.  In memory a dev_t is 12 bits of major above 20 bits of
 * minor (MKDEV); on disk filesystems store either the old 16-bit 8:8 form
 * or the "new" 32-bit form (minor low byte, major, minor high bits), and
 * these helpers convert both ways exactly as the kernel does, so device
 * numbers on an image round-trip unchanged.
 */
#ifndef _LINUX_KDEV_T_H
#define _LINUX_KDEV_T_H

#include <linux/types.h>

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

#define print_dev_t(buffer, dev)                                            \
	sprintf((buffer), "%u:%u\n", MAJOR(dev), MINOR(dev))
#define format_dev_t(buffer, dev)                                           \
	({                                                                  \
		sprintf(buffer, "%u:%u", MAJOR(dev), MINOR(dev));           \
		buffer;                                                     \
	})

/* the 8:8 encoding only holds majors and minors below 256 */
static inline bool old_valid_dev(dev_t dev)
{
	return MAJOR(dev) < 256 && MINOR(dev) < 256;
}

static inline u16 old_encode_dev(dev_t dev)
{
	return (u16)((MAJOR(dev) << 8) | MINOR(dev));
}

static inline dev_t old_decode_dev(u16 val)
{
	return MKDEV((val >> 8) & 255, val & 255);
}

/* minor bits 0-7 | major << 8 | minor bits 8-19 << 20 */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev);
	unsigned int minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

static inline u64 huge_encode_dev(dev_t dev)
{
	return new_encode_dev(dev);
}

static inline dev_t huge_decode_dev(u64 dev)
{
	return new_decode_dev((u32)dev);
}

static inline int sysv_valid_dev(dev_t dev)
{
	return MAJOR(dev) < (1 << 14) && MINOR(dev) < (1 << 18);
}

static inline u32 sysv_encode_dev(dev_t dev)
{
	return MINOR(dev) | (MAJOR(dev) << 18);
}

static inline unsigned int sysv_major(u32 dev)
{
	return (dev >> 18) & 0x3fff;
}

static inline unsigned int sysv_minor(u32 dev)
{
	return dev & 0x3ffff;
}

#endif /* _LINUX_KDEV_T_H */
