/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * DAX (direct access to persistent memory) with CONFIG_FS_DAX off: no
 * device is ever DAX-capable (fs_dax_get_by_bdev() finds none), so
 * filesystems never take their DAX paths (IS_DAX() is 0).  The DAX entry
 * points exist as inline stubs failing with -EOPNOTSUPP; the kernel
 * declares some of them unconditionally and relies on the calls being
 * dead code, kshim makes that independent of the optimisation level.
 */
#ifndef _LINUX_DAX_H
#define _LINUX_DAX_H

#include <linux/fs.h>
#include <linux/mm_types.h>

struct dax_device;
struct iomap_ops;
struct iov_iter;
struct kiocb;
struct vm_fault;
struct writeback_control;

static inline struct dax_device *fs_dax_get_by_bdev(struct block_device *bdev,
						    u64 *start_off,
						    void *holder,
						    const void *ops)
{
	return NULL;
}

static inline void fs_put_dax(struct dax_device *dax_dev, void *holder)
{
}

static inline int dax_writeback_mapping_range(struct address_space *mapping,
					      struct dax_device *dax_dev,
					      struct writeback_control *wbc)
{
	return -EOPNOTSUPP;
}

static inline struct page *dax_layout_busy_page(struct address_space *mapping)
{
	return NULL;
}

static inline int dax_truncate_page(struct inode *inode, loff_t pos,
				    bool *did_zero,
				    const struct iomap_ops *ops)
{
	return -EOPNOTSUPP;
}

static inline int dax_zero_range(struct inode *inode, loff_t pos, loff_t len,
				 bool *did_zero, const struct iomap_ops *ops)
{
	return -EOPNOTSUPP;
}

static inline ssize_t dax_iomap_rw(struct kiocb *iocb, struct iov_iter *iter,
				   const struct iomap_ops *ops)
{
	return -EOPNOTSUPP;
}

static inline vm_fault_t dax_iomap_fault(struct vm_fault *vmf,
					 unsigned int order, void *pfnp,
					 int *errp,
					 const struct iomap_ops *ops)
{
	return (__force vm_fault_t)0x0002;	/* VM_FAULT_SIGBUS */
}

static inline bool dax_mapping(struct address_space *mapping)
{
	return false;
}

#endif /* _LINUX_DAX_H */
