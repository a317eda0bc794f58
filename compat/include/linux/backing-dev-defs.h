/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct backing_dev_info: per-device writeback parameters.  kshim has no
 * cgroup writeback: one bdi_writeback per device, embedded as bdi->wb.
 */
#ifndef _LINUX_BACKING_DEV_DEFS_H
#define _LINUX_BACKING_DEV_DEFS_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct backing_dev_info;

struct bdi_writeback {
	struct backing_dev_info *bdi;
	unsigned long state;
	spinlock_t list_lock;
	struct list_head b_dirty;
	struct list_head b_io;
	struct list_head b_more_io;
	struct list_head b_dirty_time;
};

struct backing_dev_info {
	u64 id;
	struct list_head bdi_list;
	unsigned long ra_pages;
	unsigned long io_pages;
	unsigned int capabilities;
	unsigned int min_ratio;
	unsigned int max_ratio;
	struct bdi_writeback wb;
	char dev_name[64];
};

#define BDI_CAP_WRITEBACK (1 << 0)
#define BDI_CAP_WRITEBACK_ACCT (1 << 1)
#define BDI_CAP_STRICTLIMIT (1 << 2)

#endif /* _LINUX_BACKING_DEV_DEFS_H */
