/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Block-layer types: struct block_device, struct bio, the operation and
 * flag encoding of bi_opf and the blk_status_t values.  Kernel guarantees
 * kept: the REQ_OP_* numbering (the low bit means "data goes to the
 * device", so op_is_write() is a bit test), the REQ_* flag bits above the
 * 8 operation bits, the BLK_STS_* values and their errno mapping
 * (blk_status_to_errno() in compat/blk-core.c).
 */
#ifndef __LINUX_BLK_TYPES_H
#define __LINUX_BLK_TYPES_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/bvec.h>
#include <linux/spinlock_types.h>
#include <linux/mutex.h>

struct bio_set;
struct bio;
struct page;
struct gendisk;
struct request_queue;
struct address_space;
struct blk_holder_ops;
struct kobject;
struct partition_meta_info;
struct kshim_bdev;
typedef void(bio_end_io_t)(struct bio *);

#ifndef SECTOR_SHIFT
#define SECTOR_SHIFT 9
#endif
#ifndef SECTOR_SIZE
#define SECTOR_SIZE (1 << SECTOR_SHIFT)
#endif
#define SECTOR_MASK (PAGE_SECTORS - 1)

#ifndef READ
#define READ 0
#define WRITE 1
#endif

/*
 * A whole disk: kshim has no partitions, so every block_device is its
 * disk's part0 and bd_start_sect is 0.  The VFS area owns bd_mapping (the
 * block device's page cache) and the holder fields.
 */
struct block_device {
	sector_t bd_start_sect;
	sector_t bd_nr_sectors;
	struct gendisk *bd_disk;
	struct request_queue *bd_queue;
	unsigned long bd_stamp;
	atomic_t __bd_flags;		/* partition number + BD_* flags */
#define BD_PARTNO 255
#define BD_READ_ONLY (1u << 8)
#define BD_WRITE_HOLDER (1u << 9)
#define BD_HAS_SUBMIT_BIO (1u << 10)
#define BD_RO_WARNED (1u << 11)
	dev_t bd_dev;
	struct address_space *bd_mapping;

	atomic_t bd_openers;
	spinlock_t bd_size_lock;
	void *bd_claiming;
	void *bd_holder;
	const struct blk_holder_ops *bd_holder_ops;
	struct mutex bd_holder_lock;
	int bd_holders;
	struct kobject *bd_holder_dir;

	atomic_t bd_fsfreeze_count;
	struct mutex bd_fsfreeze_mutex;

	struct partition_meta_info *bd_meta_info;
	int bd_writers;

	void *kshim_vfs_private;	/* for the VFS (its bdev inode, ...) */
	struct kshim_bdev *kshim;	/* the I/O engine behind it */
};

#define bdev_whole(_bdev) ((_bdev)->bd_disk->part0)

/* block status values (block/blk-core.c has the errno of each) */
typedef u16 blk_short_t;
#define BLK_STS_OK 0
#define BLK_STS_NOTSUPP ((__force blk_status_t)1)
#define BLK_STS_TIMEOUT ((__force blk_status_t)2)
#define BLK_STS_NOSPC ((__force blk_status_t)3)
#define BLK_STS_TRANSPORT ((__force blk_status_t)4)
#define BLK_STS_TARGET ((__force blk_status_t)5)
#define BLK_STS_RESV_CONFLICT ((__force blk_status_t)6)
#define BLK_STS_MEDIUM ((__force blk_status_t)7)
#define BLK_STS_PROTECTION ((__force blk_status_t)8)
#define BLK_STS_RESOURCE ((__force blk_status_t)9)
#define BLK_STS_IOERR ((__force blk_status_t)10)
#define BLK_STS_DM_REQUEUE ((__force blk_status_t)11)
#define BLK_STS_AGAIN ((__force blk_status_t)12)
#define BLK_STS_DEV_RESOURCE ((__force blk_status_t)13)
#define BLK_STS_ZONE_OPEN_RESOURCE ((__force blk_status_t)14)
#define BLK_STS_ZONE_ACTIVE_RESOURCE ((__force blk_status_t)15)
#define BLK_STS_OFFLINE ((__force blk_status_t)16)
#define BLK_STS_DURATION_LIMIT ((__force blk_status_t)17)
#define BLK_STS_INVAL ((__force blk_status_t)19)

/* errors that a retry on another path cannot fix */
static inline bool blk_path_error(blk_status_t error)
{
	return !(error == BLK_STS_NOTSUPP || error == BLK_STS_NOSPC ||
		 error == BLK_STS_TARGET || error == BLK_STS_RESV_CONFLICT ||
		 error == BLK_STS_MEDIUM || error == BLK_STS_PROTECTION);
}

struct bio_issue {
	u64 value;
};

typedef unsigned int blk_qc_t;
#define BLK_QC_T_NONE -1U

struct bio {
	struct bio *bi_next;		/* list link (plug, bio_list) */
	struct block_device *bi_bdev;
	blk_opf_t bi_opf;		/* REQ_OP_* in the low 8 bits, REQ_* above */
	unsigned short bi_flags;	/* BIO_* bits */
	unsigned short bi_ioprio;
	u8 bi_write_hint;		/* enum rw_hint in the kernel */
	blk_status_t bi_status;
	atomic_t __bi_remaining;	/* chained children + 1 */

	struct bvec_iter bi_iter;

	union {
		blk_qc_t bi_cookie;
		unsigned int __bi_nr_segments;
	};
	bio_end_io_t *bi_end_io;
	void *bi_private;

	unsigned short bi_vcnt;

	/* bio_reset() keeps everything from here on */
	unsigned short bi_max_vecs;
	atomic_t __bi_cnt;		/* references, bio_get/bio_put */
	struct bio_vec *bi_io_vec;
	struct bio_set *bi_pool;
	struct bio_vec bi_inline_vecs[];
};

#define BIO_RESET_BYTES offsetof(struct bio, bi_max_vecs)
#define BIO_MAX_SECTORS (UINT_MAX >> SECTOR_SHIFT)

enum {
	BIO_PAGE_PINNED,
	BIO_CLONED,
	BIO_BOUNCED,
	BIO_QUIET,
	BIO_CHAIN,
	BIO_REFFED,
	BIO_BPS_THROTTLED,
	BIO_TRACE_COMPLETION,
	BIO_CGROUP_ACCT,
	BIO_QOS_THROTTLED,
	BIO_QOS_MERGED,
	BIO_REMAPPED,
	BIO_ZONE_WRITE_PLUGGING,
	BIO_EMULATES_ZONE_APPEND,
	BIO_FLAG_LAST
};

typedef __u32 __bitwise blk_mq_req_flags_t;

#define REQ_OP_BITS 8
#define REQ_OP_MASK ((__force blk_opf_t)((1 << REQ_OP_BITS) - 1))
#define REQ_FLAG_BITS 24

enum req_op {
	REQ_OP_READ = (__force blk_opf_t)0,
	REQ_OP_WRITE = (__force blk_opf_t)1,
	REQ_OP_FLUSH = (__force blk_opf_t)2,
	REQ_OP_DISCARD = (__force blk_opf_t)3,
	REQ_OP_SECURE_ERASE = (__force blk_opf_t)5,
	REQ_OP_ZONE_APPEND = (__force blk_opf_t)7,
	REQ_OP_WRITE_ZEROES = (__force blk_opf_t)9,
	REQ_OP_ZONE_OPEN = (__force blk_opf_t)11,
	REQ_OP_ZONE_CLOSE = (__force blk_opf_t)13,
	REQ_OP_ZONE_FINISH = (__force blk_opf_t)15,
	REQ_OP_ZONE_RESET = (__force blk_opf_t)17,
	REQ_OP_ZONE_RESET_ALL = (__force blk_opf_t)19,
	REQ_OP_DRV_IN = (__force blk_opf_t)34,
	REQ_OP_DRV_OUT = (__force blk_opf_t)35,
	REQ_OP_LAST = (__force blk_opf_t)36,
};

enum req_flag_bits {
	__REQ_FAILFAST_DEV = REQ_OP_BITS,
	__REQ_FAILFAST_TRANSPORT,
	__REQ_FAILFAST_DRIVER,
	__REQ_SYNC,
	__REQ_META,
	__REQ_PRIO,
	__REQ_NOMERGE,
	__REQ_IDLE,
	__REQ_INTEGRITY,
	__REQ_FUA,
	__REQ_PREFLUSH,
	__REQ_RAHEAD,
	__REQ_BACKGROUND,
	__REQ_NOWAIT,
	__REQ_POLLED,
	__REQ_ALLOC_CACHE,
	__REQ_SWAP,
	__REQ_DRV,
	__REQ_FS_PRIVATE,
	__REQ_ATOMIC,
	__REQ_NOUNMAP,		/* REQ_OP_WRITE_ZEROES only */
	__REQ_NR_BITS,
};

#define __KSHIM_REQ(bit) ((__force blk_opf_t)(1ULL << (bit)))
#define REQ_FAILFAST_DEV __KSHIM_REQ(__REQ_FAILFAST_DEV)
#define REQ_FAILFAST_TRANSPORT __KSHIM_REQ(__REQ_FAILFAST_TRANSPORT)
#define REQ_FAILFAST_DRIVER __KSHIM_REQ(__REQ_FAILFAST_DRIVER)
#define REQ_SYNC __KSHIM_REQ(__REQ_SYNC)
#define REQ_META __KSHIM_REQ(__REQ_META)
#define REQ_PRIO __KSHIM_REQ(__REQ_PRIO)
#define REQ_NOMERGE __KSHIM_REQ(__REQ_NOMERGE)
#define REQ_IDLE __KSHIM_REQ(__REQ_IDLE)
#define REQ_INTEGRITY __KSHIM_REQ(__REQ_INTEGRITY)
#define REQ_FUA __KSHIM_REQ(__REQ_FUA)
#define REQ_PREFLUSH __KSHIM_REQ(__REQ_PREFLUSH)
#define REQ_RAHEAD __KSHIM_REQ(__REQ_RAHEAD)
#define REQ_BACKGROUND __KSHIM_REQ(__REQ_BACKGROUND)
#define REQ_NOWAIT __KSHIM_REQ(__REQ_NOWAIT)
#define REQ_POLLED __KSHIM_REQ(__REQ_POLLED)
#define REQ_ALLOC_CACHE __KSHIM_REQ(__REQ_ALLOC_CACHE)
#define REQ_SWAP __KSHIM_REQ(__REQ_SWAP)
#define REQ_DRV __KSHIM_REQ(__REQ_DRV)
#define REQ_FS_PRIVATE __KSHIM_REQ(__REQ_FS_PRIVATE)
#define REQ_ATOMIC __KSHIM_REQ(__REQ_ATOMIC)
#define REQ_NOUNMAP __KSHIM_REQ(__REQ_NOUNMAP)

#define REQ_FAILFAST_MASK                                                  \
	(REQ_FAILFAST_DEV | REQ_FAILFAST_TRANSPORT | REQ_FAILFAST_DRIVER)
#define REQ_NOMERGE_FLAGS (REQ_NOMERGE | REQ_PREFLUSH | REQ_FUA)

enum stat_group {
	STAT_READ,
	STAT_WRITE,
	STAT_DISCARD,
	STAT_FLUSH,
	NR_STAT_GROUPS
};

static inline enum req_op bio_op(const struct bio *bio)
{
	return (enum req_op)(bio->bi_opf & REQ_OP_MASK);
}

static inline bool op_is_write(blk_opf_t op)
{
	return op & 1;
}

/* needs the flush machinery: a cache flush before and/or FUA after */
static inline bool op_is_flush(blk_opf_t op)
{
	return op & (REQ_FUA | REQ_PREFLUSH);
}

/* reads, and writes marked SYNC, FUA or PREFLUSH, are synchronous */
static inline bool op_is_sync(blk_opf_t op)
{
	return (op & REQ_OP_MASK) == REQ_OP_READ ||
	       (op & (REQ_SYNC | REQ_FUA | REQ_PREFLUSH));
}

static inline bool op_is_discard(blk_opf_t op)
{
	return (op & REQ_OP_MASK) == REQ_OP_DISCARD;
}

static inline bool op_is_zone_mgmt(enum req_op op)
{
	switch (op & REQ_OP_MASK) {
	case REQ_OP_ZONE_RESET:
	case REQ_OP_ZONE_RESET_ALL:
	case REQ_OP_ZONE_OPEN:
	case REQ_OP_ZONE_CLOSE:
	case REQ_OP_ZONE_FINISH:
		return true;
	default:
		return false;
	}
}

static inline int op_stat_group(enum req_op op)
{
	if (op_is_discard(op))
		return STAT_DISCARD;
	return op_is_write(op);
}

#endif /* __LINUX_BLK_TYPES_H */
