/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * File type codes in their three encodings: the S_IFMT bits of a mode,
 * the DT_* values readdir reports, and the FT_* values that ext2-like
 * on-disk directory entries store.  The conversions are self-contained,
 * so kshim keeps them inline (the kernel puts them in fs/fs_types.c);
 * the kernel's mapping is kept exactly, unknown types become
 * FT_UNKNOWN/DT_UNKNOWN.
 */
#ifndef _LINUX_FS_TYPES_H
#define _LINUX_FS_TYPES_H

#include <linux/types.h>
#include <linux/stat.h>

#define S_DT_SHIFT 12
#define S_DT(mode) (((mode) & S_IFMT) >> S_DT_SHIFT)
#define S_DT_MASK (S_IFMT >> S_DT_SHIFT)

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define DT_WHT 14
#define DT_MAX (S_DT_MASK + 1)

#define FT_UNKNOWN 0
#define FT_REG_FILE 1
#define FT_DIR 2
#define FT_CHRDEV 3
#define FT_BLKDEV 4
#define FT_FIFO 5
#define FT_SOCK 6
#define FT_SYMLINK 7
#define FT_MAX 8

/* the DT_* value is the S_IFMT field shifted down: S_DT() */
static inline unsigned char fs_umode_to_dtype(umode_t mode)
{
	return (unsigned char)S_DT(mode);
}

static inline unsigned char fs_ftype_to_dtype(unsigned int filetype)
{
	switch (filetype) {
	case FT_REG_FILE:
		return DT_REG;
	case FT_DIR:
		return DT_DIR;
	case FT_CHRDEV:
		return DT_CHR;
	case FT_BLKDEV:
		return DT_BLK;
	case FT_FIFO:
		return DT_FIFO;
	case FT_SOCK:
		return DT_SOCK;
	case FT_SYMLINK:
		return DT_LNK;
	default:
		return DT_UNKNOWN;
	}
}

static inline unsigned char fs_umode_to_ftype(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return FT_REG_FILE;
	case S_IFDIR:
		return FT_DIR;
	case S_IFCHR:
		return FT_CHRDEV;
	case S_IFBLK:
		return FT_BLKDEV;
	case S_IFIFO:
		return FT_FIFO;
	case S_IFSOCK:
		return FT_SOCK;
	case S_IFLNK:
		return FT_SYMLINK;
	default:
		return FT_UNKNOWN;
	}
}

#endif /* _LINUX_FS_TYPES_H */
