/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The iomap interface (fs/iomap): a filesystem describes the mapping of
 * a file range (hole, mapped blocks, unwritten, ...) through
 * ->iomap_begin/->iomap_end, and generic code does the I/O.  kshim's VFS
 * provides iomap_dio_rw (direct I/O) and iomap_fiemap on top of it.
 * No DAX (IOMAP_DAX is 0), no buffer-head iomap (IOMAP_F_BUFFER_HEAD 0).
 */
#ifndef LINUX_IOMAP_H
#define LINUX_IOMAP_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/mm_types.h>

struct bio;
struct bio_set;
struct dax_device;
struct fiemap_extent_info;
struct iomap_folio_ops;
struct iomap_iter;
struct iov_iter;
struct kiocb;
struct vm_fault;

/* iomap->type */
#define IOMAP_HOLE 0
#define IOMAP_DELALLOC 1
#define IOMAP_MAPPED 2
#define IOMAP_UNWRITTEN 3
#define IOMAP_INLINE 4

/* iomap->flags */
#define IOMAP_F_NEW (1U << 0)
#define IOMAP_F_DIRTY (1U << 1)
#define IOMAP_F_SHARED (1U << 2)
#define IOMAP_F_MERGED (1U << 3)
#define IOMAP_F_BUFFER_HEAD 0
#define IOMAP_F_XATTR (1U << 5)
#define IOMAP_F_SIZE_CHANGED (1U << 8)
#define IOMAP_F_STALE (1U << 9)
#define IOMAP_F_PRIVATE (1U << 12)

#define IOMAP_NULL_ADDR -1ULL

struct iomap {
	u64 addr;		/* disk offset in bytes, or IOMAP_NULL_ADDR */
	loff_t offset;		/* file offset in bytes */
	u64 length;
	u16 type;
	u16 flags;
	struct block_device *bdev;
	struct dax_device *dax_dev;
	void *inline_data;
	void *private;
	const struct iomap_folio_ops *folio_ops;
	u64 validity_cookie;
};

static inline sector_t iomap_sector(const struct iomap *iomap, loff_t pos)
{
	return (iomap->addr + pos - iomap->offset) >> 9;
}

/* ->iomap_begin flags */
#define IOMAP_WRITE (1 << 0)
#define IOMAP_ZERO (1 << 1)
#define IOMAP_REPORT (1 << 2)
#define IOMAP_FAULT (1 << 3)
#define IOMAP_DIRECT (1 << 4)
#define IOMAP_NOWAIT (1 << 5)
#define IOMAP_OVERWRITE_ONLY (1 << 6)
#define IOMAP_UNSHARE (1 << 7)
#define IOMAP_DAX 0

struct iomap_ops {
	int (*iomap_begin)(struct inode *inode, loff_t pos, loff_t length,
			   unsigned int flags, struct iomap *iomap,
			   struct iomap *srcmap);
	int (*iomap_end)(struct inode *inode, loff_t pos, loff_t length,
			 ssize_t written, unsigned int flags,
			 struct iomap *iomap);
};

struct iomap_iter {
	struct inode *inode;
	loff_t pos;
	u64 len;
	s64 processed;
	unsigned int flags;
	struct iomap iomap;
	struct iomap srcmap;
	void *private;
};

/* the end_io flags */
#define IOMAP_DIO_UNWRITTEN (1 << 0)
#define IOMAP_DIO_COW (1 << 1)

struct iomap_dio_ops {
	int (*end_io)(struct kiocb *iocb, ssize_t size, int error,
		      unsigned int flags);
	void (*submit_io)(const struct iomap_iter *iter, struct bio *bio,
			  loff_t file_offset);
	struct bio_set *bio_set;
};

/* iomap_dio_rw flags */
#define IOMAP_DIO_FORCE_WAIT (1 << 0)
#define IOMAP_DIO_OVERWRITE_ONLY (1 << 1)
#define IOMAP_DIO_PARTIAL (1 << 2)

ssize_t iomap_dio_rw(struct kiocb *iocb, struct iov_iter *iter,
		     const struct iomap_ops *ops,
		     const struct iomap_dio_ops *dops,
		     unsigned int dio_flags, void *private,
		     size_t done_before);
int iomap_fiemap(struct inode *inode, struct fiemap_extent_info *fieinfo,
		 u64 start, u64 len, const struct iomap_ops *ops);
loff_t iomap_seek_hole(struct inode *inode, loff_t offset,
		       const struct iomap_ops *ops);
loff_t iomap_seek_data(struct inode *inode, loff_t offset,
		       const struct iomap_ops *ops);
sector_t iomap_bmap(struct address_space *mapping, sector_t bno,
		    const struct iomap_ops *ops);

#endif /* LINUX_IOMAP_H */
