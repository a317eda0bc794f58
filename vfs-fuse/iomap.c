// SPDX-License-Identifier: GPL-2.0-only
/*
 * The generic iomap helpers (the role of fs/iomap/) that kshim's drivers
 * reference.  ext2 uses iomap only for direct I/O and FIEMAP; kshim's
 * read path is buffered, so these refuse cleanly, the way the kernel does
 * when a file system or file cannot do the operation:
 *  - iomap_dio_rw(): -EINVAL for reads (O_DIRECT not supported on this
 *    file), -ENOTBLK for writes, which makes ext2 (and every iomap user)
 *    fall back to buffered I/O as the kernel's contract says;
 *  - iomap_fiemap(): -EOPNOTSUPP, what the FS_IOC_FIEMAP ioctl returns
 *    for a file system without ->fiemap;
 *  - iomap_seek_hole/data(): -EOPNOTSUPP; iomap_bmap(): 0 (no mapping).
 */
#include <linux/fs.h>
#include <linux/iomap.h>
#include <linux/uio.h>

ssize_t iomap_dio_rw(struct kiocb *iocb, struct iov_iter *iter,
		     const struct iomap_ops *ops,
		     const struct iomap_dio_ops *dops,
		     unsigned int dio_flags, void *private,
		     size_t done_before)
{
	if (iov_iter_rw(iter) == WRITE)
		return -ENOTBLK;
	return -EINVAL;
}

int iomap_fiemap(struct inode *inode, struct fiemap_extent_info *fieinfo,
		 u64 start, u64 len, const struct iomap_ops *ops)
{
	return -EOPNOTSUPP;
}

loff_t iomap_seek_hole(struct inode *inode, loff_t offset,
		       const struct iomap_ops *ops)
{
	return -EOPNOTSUPP;
}

loff_t iomap_seek_data(struct inode *inode, loff_t offset,
		       const struct iomap_ops *ops)
{
	return -EOPNOTSUPP;
}

sector_t iomap_bmap(struct address_space *mapping, sector_t bno,
		    const struct iomap_ops *ops)
{
	return 0;
}
