// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bio submission (the role of block/blk-core.c), plugging, the errno
 * mapping of blk_status_t, and the synchronous helpers of block/blk-lib.c
 * and block/blk-flush.c (blkdev_issue_flush/discard/zeroout).
 *
 * Guarantees kept: a bio that cannot be issued (past the end of the
 * device, a write to a read-only device, an operation the device lacks)
 * completes through bio_endio with an error status and never reaches the
 * image; bios submitted under a plug are issued, in submission order, by
 * blk_finish_plug() at the latest, or earlier when the batch reaches
 * BLK_MAX_REQUEST_COUNT requests (a write continuing the previous one on
 * the device merges into its request, as in the kernel), holds
 * KSHIM_PLUG_MAX_BIOS bios, or the thread is about to sleep for I/O.  The
 * plug is the task's, current->plug, as in the kernel.
 */
#include <linux/kernel.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/sched.h>
#include <kshim/host.h>
#include <kshim/host-aio.h>

static const struct {
	int errno;
	const char *name;
} blk_errors[] = {
	[BLK_STS_OK] = { 0, "" },
	[BLK_STS_NOTSUPP] = { -EOPNOTSUPP, "operation not supported" },
	[BLK_STS_TIMEOUT] = { -ETIMEDOUT, "timeout" },
	[BLK_STS_NOSPC] = { -ENOSPC, "critical space allocation" },
	[BLK_STS_TRANSPORT] = { -ENOLINK, "recoverable transport" },
	[BLK_STS_TARGET] = { -EREMOTEIO, "critical target" },
	[BLK_STS_RESV_CONFLICT] = { -EBADE, "reservation conflict" },
	[BLK_STS_MEDIUM] = { -ENODATA, "critical medium" },
	[BLK_STS_PROTECTION] = { -EILSEQ, "protection" },
	[BLK_STS_RESOURCE] = { -ENOMEM, "kernel resource" },
	[BLK_STS_DEV_RESOURCE] = { -EBUSY, "device resource" },
	[BLK_STS_AGAIN] = { -EAGAIN, "nonblocking retry" },
	[BLK_STS_OFFLINE] = { -ENODEV, "device offline" },
	[BLK_STS_DM_REQUEUE] = { -EREMCHG, "dm internal retry" },
	[BLK_STS_ZONE_OPEN_RESOURCE] = { -ETOOMANYREFS, "open zones exceeded" },
	[BLK_STS_ZONE_ACTIVE_RESOURCE] = { -EOVERFLOW, "active zones exceeded" },
	[BLK_STS_DURATION_LIMIT] = { -ETIME, "duration limit exceeded" },
	[BLK_STS_INVAL] = { -EINVAL, "invalid" },
	[BLK_STS_IOERR] = { -EIO, "I/O" },
};

blk_status_t errno_to_blk_status(int errno)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(blk_errors); i++)
		if (blk_errors[i].errno == errno && (i == 0 || errno))
			return (__force blk_status_t)i;
	return BLK_STS_IOERR;
}

int blk_status_to_errno(blk_status_t status)
{
	unsigned int idx = (__force unsigned int)status;

	if (WARN_ON_ONCE(idx >= ARRAY_SIZE(blk_errors) ||
			 (idx && !blk_errors[idx].errno)))
		return -EIO;
	return blk_errors[idx].errno;
}

const char *blk_status_to_str(blk_status_t status)
{
	unsigned int idx = (__force unsigned int)status;

	if (idx >= ARRAY_SIZE(blk_errors) || (idx && !blk_errors[idx].errno))
		return "<null>";
	return blk_errors[idx].name;
}

const char *blk_op_str(enum req_op op)
{
	switch (op) {
	case REQ_OP_READ: return "READ";
	case REQ_OP_WRITE: return "WRITE";
	case REQ_OP_FLUSH: return "FLUSH";
	case REQ_OP_DISCARD: return "DISCARD";
	case REQ_OP_SECURE_ERASE: return "SECURE_ERASE";
	case REQ_OP_WRITE_ZEROES: return "WRITE_ZEROES";
	case REQ_OP_ZONE_APPEND: return "ZONE_APPEND";
	case REQ_OP_ZONE_OPEN: return "ZONE_OPEN";
	case REQ_OP_ZONE_CLOSE: return "ZONE_CLOSE";
	case REQ_OP_ZONE_FINISH: return "ZONE_FINISH";
	case REQ_OP_ZONE_RESET: return "ZONE_RESET";
	case REQ_OP_ZONE_RESET_ALL: return "ZONE_RESET_ALL";
	case REQ_OP_DRV_IN: return "DRV_IN";
	case REQ_OP_DRV_OUT: return "DRV_OUT";
	default: return "UNKNOWN";
	}
}

/* --- plugging ------------------------------------------------------------ */

#define current_plug (current->plug)

/*
 * Bios held by this thread's plug, merged ones included (the plug is the
 * thread's own, so the count can be too): a bound on what a plug holds.
 */
#define KSHIM_PLUG_MAX_BIOS 256
static __thread unsigned int plug_bios;

struct blk_plug *kshim_current_plug(void)
{
	return current_plug;
}

void blk_start_plug_nr_ios(struct blk_plug *plug, unsigned short nr_ios)
{
	/* only the outermost plug of a thread collects bios */
	if (current_plug)
		return;
	bio_list_init(&plug->kshim_list);
	plug_bios = 0;
	plug->cur_ktime = 0;
	plug->nr_ios = nr_ios ? nr_ios : 1;
	plug->rq_count = 0;
	plug->multiple_queues = false;
	plug->has_elevator = false;
	INIT_LIST_HEAD(&plug->cb_list);
	current_plug = plug;
}

void blk_start_plug(struct blk_plug *plug)
{
	blk_start_plug_nr_ios(plug, 1);
}

/* run and drop the unplug callbacks, which may plug more bios */
static void flush_plug_callbacks(struct blk_plug *plug, bool from_schedule)
{
	while (!list_empty(&plug->cb_list)) {
		struct blk_plug_cb *cb = list_first_entry(&plug->cb_list,
							  struct blk_plug_cb, list);

		list_del(&cb->list);
		cb->callback(cb, from_schedule);
	}
}

/* would the kernel merge @bio into the request the plug's last bio is in? */
static bool plug_continues(struct blk_plug *plug, struct bio *bio)
{
	struct bio *last = plug->kshim_list.tail;

	return last && last->bi_bdev == bio->bi_bdev &&
	       bio_op(last) == REQ_OP_WRITE && bio_op(bio) == REQ_OP_WRITE &&
	       !(bio->bi_opf & (REQ_PREFLUSH | REQ_FUA)) &&
	       !(last->bi_opf & REQ_FUA) &&
	       last->bi_iter.bi_sector + bio_sectors(last) ==
			bio->bi_iter.bi_sector;
}

void __blk_flush_plug(struct blk_plug *plug, bool from_schedule)
{
	flush_plug_callbacks(plug, from_schedule);
	/* completions run here may submit again: loop until it stays empty */
	while (!bio_list_empty(&plug->kshim_list)) {
		struct bio *list = bio_list_get(&plug->kshim_list);

		plug->rq_count = 0;
		plug_bios = 0;
		kshim_bdev_dispatch(list);
		flush_plug_callbacks(plug, from_schedule);
	}
}

void blk_finish_plug(struct blk_plug *plug)
{
	if (plug != current_plug)
		return;
	__blk_flush_plug(plug, false);
	current_plug = NULL;
}

void kshim_blk_schedule_flush_plug(void)
{
	if (current_plug)
		__blk_flush_plug(current_plug, true);
}

/* a callback to run at unplug time, allocated once per plug and @unplug/@data */
struct blk_plug_cb *blk_check_plugged(blk_plug_cb_fn unplug, void *data,
				      int size)
{
	struct blk_plug *plug = current_plug;
	struct blk_plug_cb *cb;

	if (!plug)
		return NULL;
	list_for_each_entry(cb, &plug->cb_list, list)
		if (cb->callback == unplug && cb->data == data)
			return cb;
	BUG_ON(size < (int)sizeof(*cb));
	/* freed by the callback's owner, as in the kernel (kfree) */
	cb = kshim_host_aio_zalloc(size);
	if (cb) {
		cb->data = data;
		cb->callback = unplug;
		list_add(&cb->list, &plug->cb_list);
	}
	return cb;
}

void blk_io_schedule(void)
{
	kshim_blk_schedule_flush_plug();
	io_schedule();
}

/* --- submission ----------------------------------------------------------- */

static void bio_end_status(struct bio *bio, blk_status_t status)
{
	bio->bi_status = status;
	bio_endio(bio);
}

/* does the bio stay inside the device? */
static bool bio_within_device(struct bio *bio)
{
	sector_t nr = bdev_nr_sectors(bio->bi_bdev);
	unsigned int len = bio_sectors(bio);

	if (!len)
		return true;
	return len <= nr && bio->bi_iter.bi_sector <= nr - len;
}

void submit_bio_noacct(struct bio *bio)
{
	struct block_device *bdev = bio->bi_bdev;
	struct request_queue *q;
	struct blk_plug *plug;
	blk_status_t status;

	if (WARN_ON_ONCE(!bdev)) {
		bio_end_status(bio, BLK_STS_IOERR);
		return;
	}
	q = bdev_get_queue(bdev);
	if ((bio->bi_opf & REQ_NOWAIT) && !bdev_nowait(bdev)) {
		bio_end_status(bio, BLK_STS_NOTSUPP);
		return;
	}
	if (op_is_write(bio_op(bio)) && bdev_read_only(bdev)) {
		if (!(op_is_flush(bio->bi_opf) && !bio_sectors(bio))) {
			if (!bdev_test_flag(bdev, BD_RO_WARNED)) {
				bdev_set_flag(bdev, BD_RO_WARNED);
				pr_warn("kshim: write to read-only block device %s refused\n",
					kshim_bdev_name(bdev));
			}
			bio_end_status(bio, BLK_STS_IOERR);
			return;
		}
	}
	if (!bio_within_device(bio)) {
		pr_info_ratelimited("kshim: %s: %s past the end (%llu + %u > %llu)\n",
				    kshim_bdev_name(bdev), blk_op_str(bio_op(bio)),
				    (unsigned long long)bio->bi_iter.bi_sector,
				    bio_sectors(bio),
				    (unsigned long long)bdev_nr_sectors(bdev));
		bio_end_status(bio, BLK_STS_IOERR);
		return;
	}
	if (op_is_flush(bio->bi_opf) && !blk_queue_write_cache(q)) {
		bio->bi_opf &= ~(REQ_PREFLUSH | REQ_FUA);
		if (!bio_sectors(bio) && !bio_has_data(bio)) {
			bio_end_status(bio, BLK_STS_OK);
			return;
		}
	}
	switch (bio_op(bio)) {
	case REQ_OP_READ:
	case REQ_OP_WRITE:
	case REQ_OP_FLUSH:
		break;
	case REQ_OP_DISCARD:
		if (!bdev_max_discard_sectors(bdev))
			goto not_supported;
		break;
	case REQ_OP_SECURE_ERASE:
		if (!bdev_max_secure_erase_sectors(bdev))
			goto not_supported;
		break;
	case REQ_OP_WRITE_ZEROES:
		if (!q->limits.max_write_zeroes_sectors)
			goto not_supported;
		break;
	default:
		goto not_supported;
	}
	status = kshim_bdev_check_fault(bio);
	if (status) {
		bio_end_status(bio, status);
		return;
	}

	plug = current_plug;
	if (plug) {
		/*
		 * A bio continuing the last one would be merged into its
		 * request by the kernel and not count towards the flush
		 * limit; the host writes such runs with one call.  The
		 * plug still holds a bounded number of bios.
		 */
		bool merges = plug_continues(plug, bio);

		bio_list_add(&plug->kshim_list, bio);
		if (!merges)
			plug->rq_count++;
		if (++plug_bios >= KSHIM_PLUG_MAX_BIOS ||
		    plug->rq_count >= BLK_MAX_REQUEST_COUNT)
			__blk_flush_plug(plug, false);
		return;
	}
	bio->bi_next = NULL;
	kshim_bdev_dispatch(bio);
	return;

not_supported:
	bio_end_status(bio, BLK_STS_NOTSUPP);
}

void submit_bio(struct bio *bio)
{
	submit_bio_noacct(bio);
}

/* --- synchronous helpers (block/blk-flush.c, block/blk-lib.c) ------------- */

int blkdev_issue_flush(struct block_device *bdev)
{
	struct bio bio;

	bio_init(&bio, bdev, NULL, 0, REQ_OP_WRITE | REQ_PREFLUSH);
	return submit_bio_wait(&bio);
}

/* the largest range one discard or write-zeroes bio may cover */
static sector_t range_bio_max(unsigned int limit, unsigned int lbs)
{
	sector_t max = min_t(sector_t, limit, UINT_MAX >> SECTOR_SHIFT);

	return max & ~(sector_t)((lbs >> SECTOR_SHIFT) - 1);
}

static int range_check(struct block_device *bdev, sector_t sector,
		       sector_t nr_sects)
{
	sector_t mask = (bdev_logical_block_size(bdev) >> SECTOR_SHIFT) - 1;

	return ((sector | nr_sects) & mask) ? -EINVAL : 0;
}

static void issue_range(struct block_device *bdev, sector_t sector,
			sector_t nr_sects, blk_opf_t opf, unsigned int limit,
			gfp_t gfp, struct bio **biop)
{
	sector_t max = range_bio_max(limit, bdev_logical_block_size(bdev));

	while (nr_sects) {
		sector_t n = min(nr_sects, max);
		struct bio *bio = blk_next_bio(*biop, bdev, 0, opf, gfp);

		bio->bi_iter.bi_sector = sector;
		bio->bi_iter.bi_size = n << SECTOR_SHIFT;
		sector += n;
		nr_sects -= n;
		*biop = bio;
	}
}

int __blkdev_issue_discard(struct block_device *bdev, sector_t sector,
			   sector_t nr_sects, gfp_t gfp_mask, struct bio **biop)
{
	if (!bdev_max_discard_sectors(bdev))
		return -EOPNOTSUPP;
	if (range_check(bdev, sector, nr_sects))
		return -EINVAL;
	issue_range(bdev, sector, nr_sects, REQ_OP_DISCARD,
		    bdev_max_discard_sectors(bdev), gfp_mask, biop);
	return 0;
}

/* wait for the chain ending in @bio; a device without support is no error */
static int wait_chain(struct bio *bio, bool notsupp_ok)
{
	int ret;

	if (!bio)
		return 0;
	ret = submit_bio_wait(bio);
	bio_put(bio);
	if (ret == -EOPNOTSUPP && notsupp_ok)
		ret = 0;
	return ret;
}

int blkdev_issue_discard(struct block_device *bdev, sector_t sector,
			 sector_t nr_sects, gfp_t gfp_mask)
{
	struct bio *bio = NULL;
	struct blk_plug plug;
	int ret;

	blk_start_plug(&plug);
	ret = __blkdev_issue_discard(bdev, sector, nr_sects, gfp_mask, &bio);
	if (!ret)
		ret = wait_chain(bio, true);
	blk_finish_plug(&plug);
	return ret;
}

int blkdev_issue_secure_erase(struct block_device *bdev, sector_t sector,
			      sector_t nr_sects, gfp_t gfp)
{
	struct bio *bio = NULL;
	struct blk_plug plug;
	int ret;

	if (!bdev_max_secure_erase_sectors(bdev))
		return -EOPNOTSUPP;
	if (range_check(bdev, sector, nr_sects))
		return -EINVAL;
	blk_start_plug(&plug);
	issue_range(bdev, sector, nr_sects, REQ_OP_SECURE_ERASE,
		    bdev_max_secure_erase_sectors(bdev), gfp, &bio);
	ret = wait_chain(bio, false);
	blk_finish_plug(&plug);
	return ret;
}

/* a page of zeroes for the write-zeroes fallback: only ever read */
static u8 zero_data[PAGE_SIZE] __aligned(PAGE_SIZE);
static struct page zero_page_struct = { .virtual = zero_data };

static void issue_zero_pages(struct block_device *bdev, sector_t sector,
			     sector_t nr_sects, gfp_t gfp, struct bio **biop)
{
	while (nr_sects) {
		unsigned int nr_vecs = min_t(sector_t, BIO_MAX_VECS,
					     DIV_ROUND_UP(nr_sects, PAGE_SECTORS));
		struct bio *bio = blk_next_bio(*biop, bdev, nr_vecs,
					       REQ_OP_WRITE, gfp);

		bio->bi_iter.bi_sector = sector;
		while (nr_sects) {
			unsigned int len = min_t(sector_t, PAGE_SECTORS, nr_sects);

			if (!bio_add_page(bio, &zero_page_struct,
					  len << SECTOR_SHIFT, 0))
				break;
			nr_sects -= len;
			sector += len;
		}
		*biop = bio;
	}
}

int __blkdev_issue_zeroout(struct block_device *bdev, sector_t sector,
			   sector_t nr_sects, gfp_t gfp_mask, struct bio **biop,
			   unsigned int flags)
{
	unsigned int limit = bdev_write_zeroes_sectors(bdev);

	if (range_check(bdev, sector, nr_sects))
		return -EINVAL;
	if (limit) {
		issue_range(bdev, sector, nr_sects,
			    REQ_OP_WRITE_ZEROES |
			    ((flags & BLKDEV_ZERO_NOUNMAP) ? REQ_NOUNMAP : 0),
			    limit, gfp_mask, biop);
		return 0;
	}
	if (flags & BLKDEV_ZERO_NOFALLBACK)
		return -EOPNOTSUPP;
	issue_zero_pages(bdev, sector, nr_sects, gfp_mask, biop);
	return 0;
}

int blkdev_issue_zeroout(struct block_device *bdev, sector_t sector,
			 sector_t nr_sects, gfp_t gfp_mask, unsigned int flags)
{
	struct bio *bio = NULL;
	struct blk_plug plug;
	int ret;

	if (range_check(bdev, sector, nr_sects))
		return -EINVAL;
	if (bdev_write_zeroes_sectors(bdev)) {
		blk_start_plug(&plug);
		issue_range(bdev, sector, nr_sects,
			    REQ_OP_WRITE_ZEROES |
			    ((flags & BLKDEV_ZERO_NOUNMAP) ? REQ_NOUNMAP : 0),
			    bdev_write_zeroes_sectors(bdev), gfp_mask, &bio);
		ret = wait_chain(bio, false);
		blk_finish_plug(&plug);
		if (!ret || (flags & BLKDEV_ZERO_NOFALLBACK))
			return ret;
		bio = NULL;
	} else if (flags & BLKDEV_ZERO_NOFALLBACK) {
		return -EOPNOTSUPP;
	}
	/* no (working) write-zeroes: write pages of zeroes */
	blk_start_plug(&plug);
	issue_zero_pages(bdev, sector, nr_sects, gfp_mask, &bio);
	ret = wait_chain(bio, false);
	blk_finish_plug(&plug);
	return ret;
}
