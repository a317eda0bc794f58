/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writeback control: what ->writepages / ->write_inode are asked to do.
 * WB_SYNC_ALL means "write everything in range and wait", WB_SYNC_NONE
 * "start what you can".  writeback_iter() walks the dirty folios of a
 * mapping for ->writepages (VFS).
 */
#ifndef _LINUX_WRITEBACK_H
#define _LINUX_WRITEBACK_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/fs.h>
#include <linux/pagevec.h>
#include <linux/blk_types.h>

struct bio;
struct backing_dev_info;
struct bdi_writeback;

enum writeback_sync_modes {
	WB_SYNC_NONE,
	WB_SYNC_ALL,
};

enum wb_reason {
	WB_REASON_BACKGROUND,
	WB_REASON_VMSCAN,
	WB_REASON_SYNC,
	WB_REASON_PERIODIC,
	WB_REASON_LAPTOP_TIMER,
	WB_REASON_FS_FREE_SPACE,
	WB_REASON_FORKER_THREAD,
	WB_REASON_FOREIGN_FLUSH,
	WB_REASON_MAX,
};

struct writeback_control {
	long nr_to_write;
	long pages_skipped;
	loff_t range_start;
	loff_t range_end;
	enum writeback_sync_modes sync_mode;
	unsigned for_kupdate:1;
	unsigned for_background:1;
	unsigned tagged_writepages:1;
	unsigned for_reclaim:1;
	unsigned range_cyclic:1;
	unsigned for_sync:1;
	unsigned unpinned_netfs_wb:1;
	unsigned no_cgroup_owner:1;
	struct swap_iocb **swap_plug;
	struct list_head *list;
	/* writeback_iter() state */
	struct folio_batch fbatch;
	pgoff_t index;
	int saved_err;
};

static inline blk_opf_t wbc_to_write_flags(struct writeback_control *wbc)
{
	/* data-integrity writeback is synchronous I/O */
	return wbc->sync_mode == WB_SYNC_ALL ? REQ_SYNC : 0;
}

static inline void wbc_init_bio(struct writeback_control *wbc, struct bio *bio)
{
}

static inline void wbc_account_cgroup_owner(struct writeback_control *wbc,
					    struct folio *folio, size_t bytes)
{
}

struct folio *writeback_iter(struct address_space *mapping,
			     struct writeback_control *wbc,
			     struct folio *folio, int *error);

typedef int (*writepage_t)(struct folio *folio, struct writeback_control *wbc,
			   void *data);
int write_cache_pages(struct address_space *mapping,
		      struct writeback_control *wbc, writepage_t writepage,
		      void *data);
int do_writepages(struct address_space *mapping,
		  struct writeback_control *wbc);

void writeback_inodes_sb(struct super_block *sb, enum wb_reason reason);
void try_to_writeback_inodes_sb(struct super_block *sb,
				enum wb_reason reason);
void sync_inodes_sb(struct super_block *sb);
void wakeup_flusher_threads(enum wb_reason reason);
void inode_wait_for_writeback(struct inode *inode);
void inode_io_list_del(struct inode *inode);
int write_inode_now(struct inode *inode, int sync);
int sync_inode_metadata(struct inode *inode, int wait);
void laptop_mode_timer_fn(void *unused);

extern int laptop_mode;
extern int dirty_writeback_interval;
extern int dirty_expire_interval;

#endif /* _LINUX_WRITEBACK_H */
