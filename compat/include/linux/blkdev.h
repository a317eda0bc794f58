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

#define BLK_OPEN_READ ((__force blk_mode_t)(1 << 0))
#define BLK_OPEN_WRITE ((__force blk_mode_t)(1 << 1))
#define BLK_OPEN_EXCL ((__force blk_mode_t)(1 << 2))
#define BLK_OPEN_NDELAY ((__force blk_mode_t)(1 << 3))
#define BLK_OPEN_WRITE_IOCTL ((__force blk_mode_t)(1 << 4))
#define BLK_OPEN_RESTRICT_WRITES ((__force blk_mode_t)(1 << 5))
#define BLK_OPEN_STRICT_SCAN ((__force blk_mode_t)(1 << 6))

typedef unsigned int __bitwise blk_features_t;
typedef unsigned int __bitwise blk_flags_t;

#define BLK_FEAT_WRITE_CACHE ((__force blk_features_t)(1u << 0))
#define BLK_FEAT_FUA ((__force blk_features_t)(1u << 1))
#define BLK_FEAT_ROTATIONAL ((__force blk_features_t)(1u << 2))
#define BLK_FEAT_ADD_RANDOM ((__force blk_features_t)(1u << 3))
#define BLK_FEAT_IO_STAT ((__force blk_features_t)(1u << 4))
#define BLK_FEAT_STABLE_WRITES ((__force blk_features_t)(1u << 5))
#define BLK_FEAT_SYNCHRONOUS ((__force blk_features_t)(1u << 6))
#define BLK_FEAT_NOWAIT ((__force blk_features_t)(1u << 7))
#define BLK_FEAT_DAX ((__force blk_features_t)(1u << 8))
#define BLK_FEAT_POLL ((__force blk_features_t)(1u << 9))
#define BLK_FEAT_ZONED ((__force blk_features_t)(1u << 10))

#define BLK_FLAG_WRITE_CACHE_DISABLED ((__force blk_flags_t)(1u << 0))
#define BLK_FLAG_MISALIGNED ((__force blk_flags_t)(1u << 1))

/* what the device accepts; member names and meanings as in 6.12 */
struct queue_limits {
	blk_features_t features;
	blk_flags_t flags;
	unsigned long seg_boundary_mask;
	unsigned long virt_boundary_mask;
	unsigned int max_hw_sectors;
	unsigned int max_dev_sectors;
	unsigned int chunk_sectors;
	unsigned int max_sectors;
	unsigned int max_user_sectors;
	unsigned int max_segment_size;
	unsigned int physical_block_size;
	unsigned int logical_block_size;
	unsigned int alignment_offset;
	unsigned int io_min;
	unsigned int io_opt;
	unsigned int max_discard_sectors;
	unsigned int max_hw_discard_sectors;
	unsigned int max_user_discard_sectors;
	unsigned int max_secure_erase_sectors;
	unsigned int max_write_zeroes_sectors;
	unsigned int max_zone_append_sectors;
	unsigned int discard_granularity;
	unsigned int discard_alignment;
	unsigned int zone_write_granularity;
	unsigned short max_segments;
	unsigned short max_integrity_segments;
	unsigned short max_discard_segments;
	unsigned int dma_alignment;
	unsigned int dma_pad_mask;
};

struct request_queue {
	struct queue_limits limits;
	unsigned long queue_flags;
	struct gendisk *disk;
	void *queuedata;
};

#define GD_NEED_PART_SCAN 0
#define GD_READ_ONLY 1
#define GD_DEAD 2

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

static inline dev_t disk_devt(struct gendisk *disk)
{
	return disk->part0->bd_dev;
}

static inline int blk_validate_block_size(unsigned long bsize)
{
	if (bsize < 512 || bsize > PAGE_SIZE || !is_power_of_2(bsize))
		return -EINVAL;
	return 0;
}

static inline u8 bdev_partno(const struct block_device *bdev)
{
	return atomic_read(&bdev->__bd_flags) & BD_PARTNO;
}

static inline bool bdev_test_flag(const struct block_device *bdev,
				  unsigned int flag)
{
	return atomic_read(&bdev->__bd_flags) & flag;
}

static inline void bdev_set_flag(struct block_device *bdev, unsigned int flag)
{
	atomic_or(flag, &bdev->__bd_flags);
}

static inline void bdev_clear_flag(struct block_device *bdev, unsigned int flag)
{
	atomic_andnot(flag, &bdev->__bd_flags);
}

static inline int get_disk_ro(struct gendisk *disk)
{
	return test_bit(GD_READ_ONLY, &disk->state);
}

static inline int bdev_read_only(struct block_device *bdev)
{
	return bdev_test_flag(bdev, BD_READ_ONLY) || get_disk_ro(bdev->bd_disk);
}

static inline sector_t get_start_sect(struct block_device *bdev)
{
	return bdev->bd_start_sect;
}

static inline sector_t bdev_nr_sectors(struct block_device *bdev)
{
	return READ_ONCE(bdev->bd_nr_sectors);
}

static inline loff_t bdev_nr_bytes(struct block_device *bdev)
{
	return (loff_t)bdev_nr_sectors(bdev) << SECTOR_SHIFT;
}

static inline sector_t get_capacity(struct gendisk *disk)
{
	return bdev_nr_sectors(disk->part0);
}

#define sb_bdev_nr_blocks(sb)                                              \
	((u64)(bdev_nr_sectors((sb)->s_bdev) >>                            \
	       ((sb)->s_blocksize_bits - SECTOR_SHIFT)))

static inline bool bdev_is_partition(struct block_device *bdev)
{
	return bdev_partno(bdev) != 0;
}

static inline struct request_queue *bdev_get_queue(struct block_device *bdev)
{
	return bdev->bd_queue;
}

static inline unsigned int queue_logical_block_size(const struct request_queue *q)
{
	return q->limits.logical_block_size;
}

static inline unsigned int queue_physical_block_size(const struct request_queue *q)
{
	return q->limits.physical_block_size;
}

static inline unsigned int queue_io_min(const struct request_queue *q)
{
	return q->limits.io_min;
}

static inline unsigned int queue_io_opt(const struct request_queue *q)
{
	return q->limits.io_opt;
}

static inline unsigned int queue_max_sectors(const struct request_queue *q)
{
	return q->limits.max_sectors;
}

static inline unsigned int queue_max_bytes(struct request_queue *q)
{
	return min_t(unsigned int, queue_max_sectors(q), INT_MAX >> SECTOR_SHIFT)
	       << SECTOR_SHIFT;
}

static inline unsigned int queue_max_hw_sectors(const struct request_queue *q)
{
	return q->limits.max_hw_sectors;
}

static inline unsigned short queue_max_segments(const struct request_queue *q)
{
	return q->limits.max_segments;
}

static inline unsigned int queue_max_segment_size(const struct request_queue *q)
{
	return q->limits.max_segment_size;
}

static inline unsigned int queue_dma_alignment(const struct request_queue *q)
{
	return q->limits.dma_alignment;
}

static inline unsigned long queue_segment_boundary(const struct request_queue *q)
{
	return q->limits.seg_boundary_mask;
}

static inline unsigned long queue_virt_boundary(const struct request_queue *q)
{
	return q->limits.virt_boundary_mask;
}

static inline bool blk_queue_write_cache(struct request_queue *q)
{
	return (q->limits.features & BLK_FEAT_WRITE_CACHE) &&
	       !(q->limits.flags & BLK_FLAG_WRITE_CACHE_DISABLED);
}

#define blk_queue_nonrot(q) (!((q)->limits.features & BLK_FEAT_ROTATIONAL))
#define blk_queue_io_stat(q) ((q)->limits.features & BLK_FEAT_IO_STAT)
#define blk_queue_dax(q) ((q)->limits.features & BLK_FEAT_DAX)

static inline unsigned int bdev_logical_block_size(struct block_device *bdev)
{
	return queue_logical_block_size(bdev_get_queue(bdev));
}

static inline unsigned int bdev_physical_block_size(struct block_device *bdev)
{
	return queue_physical_block_size(bdev_get_queue(bdev));
}

static inline unsigned int bdev_io_min(struct block_device *bdev)
{
	return queue_io_min(bdev_get_queue(bdev));
}

static inline int bdev_io_opt(struct block_device *bdev)
{
	return queue_io_opt(bdev_get_queue(bdev));
}

static inline unsigned int bdev_max_segments(struct block_device *bdev)
{
	return queue_max_segments(bdev_get_queue(bdev));
}

static inline unsigned int bdev_max_discard_sectors(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.max_discard_sectors;
}

static inline unsigned int bdev_discard_granularity(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.discard_granularity;
}

static inline unsigned int bdev_discard_alignment(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.discard_alignment;
}

static inline int bdev_alignment_offset(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.alignment_offset;
}

static inline unsigned int bdev_max_secure_erase_sectors(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.max_secure_erase_sectors;
}

static inline unsigned int bdev_write_zeroes_sectors(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.max_write_zeroes_sectors;
}

static inline bool bdev_nonrot(struct block_device *bdev)
{
	return blk_queue_nonrot(bdev_get_queue(bdev));
}

static inline bool bdev_synchronous(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.features & BLK_FEAT_SYNCHRONOUS;
}

static inline bool bdev_stable_writes(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.features & BLK_FEAT_STABLE_WRITES;
}

static inline bool bdev_write_cache(struct block_device *bdev)
{
	return blk_queue_write_cache(bdev_get_queue(bdev));
}

static inline bool bdev_fua(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.features & BLK_FEAT_FUA;
}

static inline bool bdev_nowait(struct block_device *bdev)
{
	return bdev_get_queue(bdev)->limits.features & BLK_FEAT_NOWAIT;
}

static inline bool bdev_is_zoned(struct block_device *bdev)
{
	return false;
}

static inline unsigned int bdev_dma_alignment(struct block_device *bdev)
{
	return queue_dma_alignment(bdev_get_queue(bdev));
}

static inline unsigned int bdev_max_open_zones(struct block_device *bdev)
{
	return 0;
}

static inline unsigned int bdev_max_active_zones(struct block_device *bdev)
{
	return 0;
}

static inline unsigned int blksize_bits(unsigned int size)
{
	return ilog2(size);
}

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
typedef void (*blk_plug_cb_fn)(struct blk_plug_cb *, bool);
struct blk_plug_cb {
	struct list_head list;
	blk_plug_cb_fn callback;
	void *data;
};

struct blk_plug_cb *blk_check_plugged(blk_plug_cb_fn unplug, void *data,
				      int size);
void blk_start_plug(struct blk_plug *plug);
void blk_start_plug_nr_ios(struct blk_plug *plug, unsigned short nr_ios);
void blk_finish_plug(struct blk_plug *plug);
void __blk_flush_plug(struct blk_plug *plug, bool from_schedule);

static inline void blk_flush_plug(struct blk_plug *plug, bool async)
{
	if (plug)
		__blk_flush_plug(plug, async);
}

static inline void blk_plug_invalidate_ts(void)
{
}

/* the calling thread's active plug (the kernel's current->plug) */
struct blk_plug *kshim_current_plug(void);
/*
 * Issue the calling thread's plugged bios: the sched area calls this
 * where the kernel's schedule() calls blk_flush_plug(current->plug).
 */
void kshim_blk_schedule_flush_plug(void);

void blk_io_schedule(void);

int blkdev_issue_flush(struct block_device *bdev);
int blkdev_issue_discard(struct block_device *bdev, sector_t sector,
			 sector_t nr_sects, gfp_t gfp_mask);
int __blkdev_issue_discard(struct block_device *bdev, sector_t sector,
			   sector_t nr_sects, gfp_t gfp_mask, struct bio **biop);
int blkdev_issue_secure_erase(struct block_device *bdev, sector_t sector,
			      sector_t nr_sects, gfp_t gfp);

#define BLKDEV_ZERO_NOUNMAP (1 << 0)
#define BLKDEV_ZERO_NOFALLBACK (1 << 1)
#define BLKDEV_ZERO_KILLABLE (1 << 2)

int __blkdev_issue_zeroout(struct block_device *bdev, sector_t sector,
			   sector_t nr_sects, gfp_t gfp_mask, struct bio **biop,
			   unsigned int flags);
int blkdev_issue_zeroout(struct block_device *bdev, sector_t sector,
			 sector_t nr_sects, gfp_t gfp_mask, unsigned int flags);

#define sb_issue_discard(sb, block, nr_blocks, gfp_mask, flags)            \
	blkdev_issue_discard((sb)->s_bdev,                                 \
			     (sector_t)(block) << ((sb)->s_blocksize_bits - SECTOR_SHIFT), \
			     (sector_t)(nr_blocks) << ((sb)->s_blocksize_bits - SECTOR_SHIFT), \
			     (gfp_mask))
#define sb_issue_zeroout(sb, block, nr_blocks, gfp_mask)                   \
	blkdev_issue_zeroout((sb)->s_bdev,                                 \
			     (sector_t)(block) << ((sb)->s_blocksize_bits - SECTOR_SHIFT), \
			     (sector_t)(nr_blocks) << ((sb)->s_blocksize_bits - SECTOR_SHIFT), \
			     (gfp_mask), 0)

void submit_bio_noacct(struct bio *bio);
int blk_status_to_errno(blk_status_t status);
blk_status_t errno_to_blk_status(int errno);
const char *blk_status_to_str(blk_status_t status);
const char *blk_op_str(enum req_op op);

/*
 * Holders: the VFS area implements the bdev_file_* entry points and
 * fs_holder_ops (fs/super.c); the declarations live here as in 6.12.
 */
struct blk_holder_ops {
	void (*mark_dead)(struct block_device *bdev, bool surprise);
	void (*sync)(struct block_device *bdev);
	int (*freeze)(struct block_device *bdev);
	int (*thaw)(struct block_device *bdev);
};

extern const struct blk_holder_ops fs_holder_ops;

#define sb_open_mode(flags)                                                \
	(BLK_OPEN_READ | BLK_OPEN_RESTRICT_WRITES |                        \
	 (((flags) & SB_RDONLY) ? 0 : BLK_OPEN_WRITE))

struct file *bdev_file_open_by_dev(dev_t dev, blk_mode_t mode, void *holder,
				   const struct blk_holder_ops *hops);
struct file *bdev_file_open_by_path(const char *path, blk_mode_t mode,
				    void *holder,
				    const struct blk_holder_ops *hops);
struct block_device *file_bdev(struct file *bdev_file);
struct block_device *I_BDEV(struct inode *inode);
void bdev_fput(struct file *bdev_file);
unsigned int block_size(struct block_device *bdev);
int set_blocksize(struct file *file, int size);
int sync_blockdev(struct block_device *bdev);
int sync_blockdev_nowait(struct block_device *bdev);
int sync_blockdev_range(struct block_device *bdev, loff_t lstart, loff_t lend);
void invalidate_bdev(struct block_device *bdev);

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
