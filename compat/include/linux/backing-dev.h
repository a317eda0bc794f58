/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Backing device helpers.  inode_to_bdi() is the super block's bdi
 * (kshim has no block-device inodes with their own).  noop_backing_dev_info
 * stands for "no writeback accounting".
 */
#ifndef _LINUX_BACKING_DEV_H
#define _LINUX_BACKING_DEV_H

#include <linux/backing-dev-defs.h>
#include <linux/fs.h>
#include <linux/writeback.h>

extern struct backing_dev_info noop_backing_dev_info;

static inline struct backing_dev_info *inode_to_bdi(struct inode *inode)
{
	if (!inode || !inode->i_sb || !inode->i_sb->s_bdi)
		return &noop_backing_dev_info;
	return inode->i_sb->s_bdi;
}

static inline bool mapping_can_writeback(struct address_space *mapping)
{
	return inode_to_bdi(mapping->host)->capabilities & BDI_CAP_WRITEBACK;
}

static inline bool inode_cgwb_enabled(struct inode *inode)
{
	return false;
}

static inline struct bdi_writeback *inode_to_wb(struct inode *inode)
{
	return &inode_to_bdi(inode)->wb;
}

struct backing_dev_info *bdi_alloc(int node_id);
int bdi_register(struct backing_dev_info *bdi, const char *fmt, ...);
void bdi_unregister(struct backing_dev_info *bdi);
void bdi_put(struct backing_dev_info *bdi);
void wb_writeout_inc(struct bdi_writeback *wb);

#endif /* _LINUX_BACKING_DEV_H */
