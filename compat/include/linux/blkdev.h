/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Block devices as drivers see them: a minimal gendisk and request_queue
 * carrying the queue limits, the bdev_*() queries, plugging, and the
 * synchronous helpers (blkdev_issue_flush/discard/zeroout).  Kernel
 * guarantees kept: the limits describe what the device accepts (logical
 * block size, discard granularity, write cache and FUA), a bio submitted
 * while plugged is issued no later than blk_finish_plug() (or before the
 * task sleeps in submit_bio_wait/blk_io_schedule), blkdev_issue_flush()
 * returns after everything completed before it is durable.
 *
 * Devices are opened by kshim_bdev_open() (compat/bdev.c) on an image
 * file or a host block device; the I/O engine is libaio (compat/host/aio.c).
 */
#ifndef _LINUX_BLKDEV_H
#define _LINUX_BLKDEV_H

#include <linux/types.h>
#include <linux/blk_types.h>
#include <linux/bio.h>
#include <linux/list.h>
#include <linux/bitops.h>
#include <linux/log2.h>
#include <linux/minmax.h>

struct file;
struct inode;
struct super_block;
struct kshim_aio_stats;

#define DISK_MAX_PARTS 256
#define DISK_NAME_LEN 32
#define BDEVNAME_SIZE 32
#define BDEVT_SIZE 10

/* open modes (blk_mode_t), feature and flag bits of the queue limits */
#define __BLK_MODE(n)	((__force blk_mode_t)(1U << (n)))
#define BLK_OPEN_READ			__BLK_MODE(0)
#define BLK_OPEN_WRITE			__BLK_MODE(1)
#define BLK_OPEN_EXCL			__BLK_MODE(2)
#define BLK_OPEN_NDELAY			__BLK_MODE(3)
#define BLK_OPEN_WRITE_IOCTL		__BLK_MODE(4)
#define BLK_OPEN_RESTRICT_WRITES	__BLK_MODE(5)
#define BLK_OPEN_STRICT_SCAN		__BLK_MODE(6)

typedef __u32 __bitwise blk_features_t, blk_flags_t;

#define __BLK_FEAT(n)	((__force blk_features_t)(1U << (n)))
#define BLK_FEAT_WRITE_CACHE		__BLK_FEAT(0)
#define BLK_FEAT_FUA			__BLK_FEAT(1)
#define BLK_FEAT_ROTATIONAL		__BLK_FEAT(2)
#define BLK_FEAT_ADD_RANDOM		__BLK_FEAT(3)
#define BLK_FEAT_IO_STAT		__BLK_FEAT(4)
#define BLK_FEAT_STABLE_WRITES		__BLK_FEAT(5)
#define BLK_FEAT_SYNCHRONOUS		__BLK_FEAT(6)
#define BLK_FEAT_NOWAIT			__BLK_FEAT(7)
#define BLK_FEAT_DAX			__BLK_FEAT(8)
#define BLK_FEAT_POLL			__BLK_FEAT(9)
#define BLK_FEAT_ZONED			__BLK_FEAT(10)

#define __BLK_FLAG(n)	((__force blk_flags_t)(1U << (n)))
#define BLK_FLAG_WRITE_CACHE_DISABLED	__BLK_FLAG(0)
#define BLK_FLAG_MISALIGNED		__BLK_FLAG(1)

/* what the device accepts; member names and meanings as in 6.12 */
struct queue_limits {
	blk_features_t features;
	blk_flags_t flags;
	/* a segment may not cross these address boundaries */
	unsigned long seg_boundary_mask, virt_boundary_mask;
	/* transfer size caps, in 512-byte sectors */
	unsigned int max_hw_sectors, max_dev_sectors, chunk_sectors;
	unsigned int max_sectors, max_user_sectors;
	unsigned int max_segment_size;
	/* block geometry, in bytes */
	unsigned int physical_block_size, logical_block_size;
	unsigned int alignment_offset, io_min, io_opt;
	/* discard, secure erase, write-zeroes, zone append */
	unsigned int max_discard_sectors, max_hw_discard_sectors;
	unsigned int max_user_discard_sectors, max_secure_erase_sectors;
	unsigned int max_write_zeroes_sectors, max_zone_append_sectors;
	unsigned int discard_granularity, discard_alignment;
	unsigned int zone_write_granularity;
	unsigned short max_segments, max_integrity_segments;
	unsigned short max_discard_segments;
	unsigned int dma_alignment, dma_pad_mask;
};

struct request_queue {
	struct queue_limits limits;
	unsigned long queue_flags;
	struct gendisk *disk;
	void *queuedata;
};

/* gendisk->state bits */
#define GD_NEED_PART_SCAN	0
#define GD_READ_ONLY		1
#define GD_DEAD			2

struct gendisk {
	int major;
	int first_minor;
	int minors;
	char disk_name[DISK_NAME_LEN];
	struct block_device *part0;
	struct request_queue *queue;
	void *private_data;
	int flags;
	unsigned long state;
};

static inline dev_t disk_devt(struct gendisk *gd)
{
	return gd->part0->bd_dev;
}

static inline int get_disk_ro(struct gendisk *gd)
{
	return test_bit(GD_READ_ONLY, &gd->state);
}

/* a block size the page cache can handle: 512 .. PAGE_SIZE, power of two */
static inline int blk_validate_block_size(unsigned long size)
{
	bool ok = size >= 512 && size <= PAGE_SIZE && is_power_of_2(size);

	return ok ? 0 : -EINVAL;
}

static inline unsigned int blksize_bits(unsigned int size)
{
	return ilog2(size);
}

/* __bd_flags: the partition number in the low byte, BD_* bits above it */
static inline bool bdev_test_flag(const struct block_device *bd,
				  unsigned int mask)
{
	return (atomic_read(&bd->__bd_flags) & mask) != 0;
}
static inline void bdev_set_flag(struct block_device *bd, unsigned int mask)
{
	atomic_or(mask, &bd->__bd_flags);
}
static inline void bdev_clear_flag(struct block_device *bd, unsigned int mask)
{
	atomic_andnot(mask, &bd->__bd_flags);
}
static inline u8 bdev_partno(const struct block_device *bd)
{
	return atomic_read(&bd->__bd_flags) & BD_PARTNO;
}
static inline bool bdev_is_partition(struct block_device *bd)
{
	return bdev_partno(bd) != 0;
}

/* read-only if either the partition or the whole disk is */
static inline int bdev_read_only(struct block_device *bd)
{
	if (bdev_test_flag(bd, BD_READ_ONLY))
		return 1;
	return get_disk_ro(bd->bd_disk);
}

/* sizes: the sector count may change under a resize, hence READ_ONCE */
static inline sector_t get_start_sect(struct block_device *bd)
{
	return bd->bd_start_sect;
}
static inline sector_t bdev_nr_sectors(struct block_device *bd)
{
	return READ_ONCE(bd->bd_nr_sectors);
}
static inline loff_t bdev_nr_bytes(struct block_device *bd)
{
	return (loff_t)READ_ONCE(bd->bd_nr_sectors) << SECTOR_SHIFT;
}
static inline sector_t get_capacity(struct gendisk *gd)
{
	return READ_ONCE(gd->part0->bd_nr_sectors);
}

/* filesystem block <-> sector shift of a superblock */
#define __kshim_sb_sector_shift(sb)	((sb)->s_blocksize_bits - SECTOR_SHIFT)
#define sb_bdev_nr_blocks(sb)						\
	((u64)(bdev_nr_sectors((sb)->s_bdev) >> __kshim_sb_sector_shift(sb)))

static inline struct request_queue *bdev_get_queue(struct block_device *bd)
{
	return bd->bd_queue;
}

/* queue_<limit>(q): a field of q->limits, read by a one-line accessor */
#define __KSHIM_QUEUE_LIMIT(T, fn, field)				\
	static inline T fn(const struct request_queue *rq)		\
	{								\
		return rq->limits.field;				\
	}
__KSHIM_QUEUE_LIMIT(unsigned int, queue_logical_block_size, logical_block_size)
__KSHIM_QUEUE_LIMIT(unsigned int, queue_physical_block_size, physical_block_size)
__KSHIM_QUEUE_LIMIT(unsigned int, queue_io_min, io_min)
__KSHIM_QUEUE_LIMIT(unsigned int, queue_io_opt, io_opt)
__KSHIM_QUEUE_LIMIT(unsigned int, queue_max_sectors, max_sectors)
__KSHIM_QUEUE_LIMIT(unsigned int, queue_max_hw_sectors, max_hw_sectors)
__KSHIM_QUEUE_LIMIT(unsigned short, queue_max_segments, max_segments)
__KSHIM_QUEUE_LIMIT(unsigned int, queue_max_segment_size, max_segment_size)
__KSHIM_QUEUE_LIMIT(unsigned int, queue_dma_alignment, dma_alignment)
__KSHIM_QUEUE_LIMIT(unsigned long, queue_segment_boundary, seg_boundary_mask)
__KSHIM_QUEUE_LIMIT(unsigned long, queue_virt_boundary, virt_boundary_mask)

/* max_sectors in bytes, clamped so the result still fits an int */
static inline unsigned int queue_max_bytes(struct request_queue *rq)
{
	unsigned int cap = INT_MAX >> SECTOR_SHIFT;

	return min(queue_max_sectors(rq), cap) << SECTOR_SHIFT;
}

/* the cache only counts when present and not switched off by the admin */
static inline bool blk_queue_write_cache(struct request_queue *rq)
{
	if (rq->limits.flags & BLK_FLAG_WRITE_CACHE_DISABLED)
		return false;
	return rq->limits.features & BLK_FEAT_WRITE_CACHE;
}

#define __kshim_queue_feat(rq, f)	(((rq)->limits.features & (f)) != 0)
#define blk_queue_nonrot(rq)	(!__kshim_queue_feat(rq, BLK_FEAT_ROTATIONAL))
#define blk_queue_io_stat(rq)	__kshim_queue_feat(rq, BLK_FEAT_IO_STAT)
#define blk_queue_dax(rq)	__kshim_queue_feat(rq, BLK_FEAT_DAX)

/* bdev_<limit>(bd): the same limits seen through the block device */
#define __KSHIM_BDEV_LIMIT(T, fn, field)				\
	static inline T fn(struct block_device *bd)			\
	{								\
		return bdev_get_queue(bd)->limits.field;		\
	}
__KSHIM_BDEV_LIMIT(unsigned int, bdev_logical_block_size, logical_block_size)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_physical_block_size, physical_block_size)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_io_min, io_min)
__KSHIM_BDEV_LIMIT(int, bdev_io_opt, io_opt)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_max_segments, max_segments)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_max_discard_sectors, max_discard_sectors)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_discard_granularity, discard_granularity)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_discard_alignment, discard_alignment)
__KSHIM_BDEV_LIMIT(int, bdev_alignment_offset, alignment_offset)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_max_secure_erase_sectors,
		   max_secure_erase_sectors)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_write_zeroes_sectors,
		   max_write_zeroes_sectors)
__KSHIM_BDEV_LIMIT(unsigned int, bdev_dma_alignment, dma_alignment)

/* feature tests through the block device */
#define __KSHIM_BDEV_FEAT(fn, f)					\
	static inline bool fn(struct block_device *bd)			\
	{								\
		return __kshim_queue_feat(bdev_get_queue(bd), f);	\
	}
__KSHIM_BDEV_FEAT(bdev_synchronous, BLK_FEAT_SYNCHRONOUS)
__KSHIM_BDEV_FEAT(bdev_stable_writes, BLK_FEAT_STABLE_WRITES)
__KSHIM_BDEV_FEAT(bdev_fua, BLK_FEAT_FUA)
__KSHIM_BDEV_FEAT(bdev_nowait, BLK_FEAT_NOWAIT)

static inline bool bdev_nonrot(struct block_device *bd)
{
	return blk_queue_nonrot(bdev_get_queue(bd));
}
static inline bool bdev_write_cache(struct block_device *bd)
{
	return blk_queue_write_cache(bdev_get_queue(bd));
}

/* no zoned devices here */
static inline bool bdev_is_zoned(struct block_device *bd) { return false; }
static inline unsigned int bdev_max_open_zones(struct block_device *bd) { return 0; }
static inline unsigned int bdev_max_active_zones(struct block_device *bd) { return 0; }

/*
 * Plugging.  A plug lives on the submitter's stack; bios submitted while
 * it is the thread's current plug are held in kshim_list and issued as one
 * io_submit() batch at blk_finish_plug(), when the batch grows large, or
 * before the thread sleeps in the block layer.  Nested plugs are ignored.
 */
struct blk_plug {
	struct bio_list kshim_list;
	u64 cur_ktime;
	unsigned short nr_ios;
	unsigned short rq_count;
	bool multiple_queues;
	bool has_elevator;
	struct list_head cb_list;	/* blk_check_plugged() callbacks */
};

#define BLK_MAX_REQUEST_COUNT 32

struct blk_plug_cb;
typedef void (*blk_plug_cb_fn)(struct blk_plug_cb *cb, bool from_schedule);
struct blk_plug_cb {
	struct list_head list;
	blk_plug_cb_fn callback;
	void *data;
};

struct blk_plug_cb *blk_check_plugged(blk_plug_cb_fn fn, void *owner,
				      int cb_size);
void blk_start_plug(struct blk_plug *pl);
void blk_start_plug_nr_ios(struct blk_plug *pl, unsigned short nr);
void blk_finish_plug(struct blk_plug *pl);
void __blk_flush_plug(struct blk_plug *pl, bool from_sched);

static inline void blk_flush_plug(struct blk_plug *pl, bool from_sched)
{
	if (pl != NULL)
		__blk_flush_plug(pl, from_sched);
}

/* plugs carry no cached timestamp worth invalidating here */
static inline void blk_plug_invalidate_ts(void) { }

/* the calling thread's active plug (the kernel's current->plug) */
struct blk_plug *kshim_current_plug(void);
/*
 * Issue the calling thread's plugged bios: the sched area calls this
 * where the kernel's schedule() calls blk_flush_plug(current->plug).
 */
void kshim_blk_schedule_flush_plug(void);

void blk_io_schedule(void);

/* Synchronous helpers; ranges are in 512-byte sectors. */
int blkdev_issue_flush(struct block_device *bd);
int blkdev_issue_discard(struct block_device *bd, sector_t start,
			 sector_t count, gfp_t gfp);
int __blkdev_issue_discard(struct block_device *bd, sector_t start,
			   sector_t count, gfp_t gfp, struct bio **chain);
int blkdev_issue_secure_erase(struct block_device *bd, sector_t start,
			      sector_t count, gfp_t gfp);

/* blkdev_issue_zeroout() flags */
#define BLKDEV_ZERO_NOUNMAP	(1 << 0)
#define BLKDEV_ZERO_NOFALLBACK	(1 << 1)
#define BLKDEV_ZERO_KILLABLE	(1 << 2)

int __blkdev_issue_zeroout(struct block_device *bd, sector_t start,
			   sector_t count, gfp_t gfp, struct bio **chain,
			   unsigned int zflags);
int blkdev_issue_zeroout(struct block_device *bd, sector_t start,
			 sector_t count, gfp_t gfp, unsigned int zflags);

/* the same in filesystem blocks of @sb */
#define __kshim_sb_blk_to_sect(sb, n)					\
	((sector_t)(n) << __kshim_sb_sector_shift(sb))
#define sb_issue_discard(sb, blk, nr, gfp, fl)				\
	blkdev_issue_discard((sb)->s_bdev, __kshim_sb_blk_to_sect(sb, blk), \
			     __kshim_sb_blk_to_sect(sb, nr), gfp)
#define sb_issue_zeroout(sb, blk, nr, gfp)				\
	blkdev_issue_zeroout((sb)->s_bdev, __kshim_sb_blk_to_sect(sb, blk), \
			     __kshim_sb_blk_to_sect(sb, nr), gfp, 0)

void submit_bio_noacct(struct bio *b);
int blk_status_to_errno(blk_status_t st);
blk_status_t errno_to_blk_status(int err);
const char *blk_status_to_str(blk_status_t st);
const char *blk_op_str(enum req_op op);

/*
 * Holders: the VFS area implements the bdev_file_* entry points and
 * fs_holder_ops (fs/super.c); the declarations live here as in 6.12.
 */
struct blk_holder_ops {
	void (*mark_dead)(struct block_device *bd, bool surprise);
	void (*sync)(struct block_device *bd);
	int (*freeze)(struct block_device *bd);
	int (*thaw)(struct block_device *bd);
};

extern const struct blk_holder_ops fs_holder_ops;

/* how a superblock opens its device: writable unless mounted read-only */
#define sb_open_mode(sb_flags)						\
	(BLK_OPEN_READ | BLK_OPEN_RESTRICT_WRITES |			\
	 ((sb_flags) & SB_RDONLY ? 0 : BLK_OPEN_WRITE))

struct file *bdev_file_open_by_dev(dev_t devt, blk_mode_t how, void *owner,
				   const struct blk_holder_ops *ops);
struct file *bdev_file_open_by_path(const char *name, blk_mode_t how,
				    void *owner,
				    const struct blk_holder_ops *ops);
struct block_device *file_bdev(struct file *f);
struct block_device *I_BDEV(struct inode *ino);
void bdev_fput(struct file *f);
unsigned int block_size(struct block_device *bd);
int set_blocksize(struct file *f, int bsize);
int sync_blockdev(struct block_device *bd);
int sync_blockdev_nowait(struct block_device *bd);
int sync_blockdev_range(struct block_device *bd, loff_t from, loff_t to);
void invalidate_bdev(struct block_device *bd);

/*
 * kshim: open a host image file or block device as a block_device.
 * @mode is BLK_OPEN_READ and/or BLK_OPEN_WRITE.  Returns ERR_PTR(-errno);
 * -EACCES when BLK_OPEN_WRITE is asked of something only readable (as the
 * kernel's bdev_file_open_by_path does for a read-only disk).
 */
struct kshim_bdev_options {
	unsigned int queue_depth;	/* aio queue depth, 0: default (128) */
	bool buffered;			/* never use O_DIRECT */
};

struct block_device *kshim_bdev_open(const char *path, blk_mode_t mode);
struct block_device *kshim_bdev_open_opts(const char *path, blk_mode_t mode,
					  const struct kshim_bdev_options *opts);
/* waits for the device's in-flight bios, then releases it */
void kshim_bdev_close(struct block_device *bdev);
/* the disk name %pg prints ("disk.img", "sdb") */
const char *kshim_bdev_name(struct block_device *bdev);
/* true if the image is accessed with O_DIRECT */
bool kshim_bdev_is_direct(struct block_device *bdev);
/* the engine's counters (struct kshim_aio_stats in kshim/host-aio.h) */
void kshim_bdev_get_stats(struct block_device *bdev, struct kshim_aio_stats *st);

/*
 * Fault injection: bios of the selected operations that overlap
 * [start, start + nr_sectors) complete with @status (BLK_STS_IOERR if 0),
 * without reaching the image; every_nth > 1 fails only every Nth matching
 * bio; count > 0 stops after that many failures.
 */
#define KSHIM_FAULT_READ (1u << 0)
#define KSHIM_FAULT_WRITE (1u << 1)
#define KSHIM_FAULT_FLUSH (1u << 2)
#define KSHIM_FAULT_DISCARD (1u << 3)
#define KSHIM_FAULT_ALL (~0u)

struct kshim_bdev_fault {
	sector_t start;
	sector_t nr_sectors;		/* 0: to the end of the device */
	unsigned int ops;		/* KSHIM_FAULT_* */
	unsigned int every_nth;
	unsigned int count;
	blk_status_t status;
};

void kshim_bdev_inject_error(struct block_device *bdev,
			     const struct kshim_bdev_fault *fault);
void kshim_bdev_clear_errors(struct block_device *bdev);
/* bios failed by injection so far */
unsigned long kshim_bdev_injected(struct block_device *bdev);

/* block layer internals shared by compat/blk-core.c and compat/bdev.c */
void kshim_bdev_dispatch(struct bio *list);
blk_status_t kshim_bdev_check_fault(struct bio *bio);

#endif /* _LINUX_BLKDEV_H */
