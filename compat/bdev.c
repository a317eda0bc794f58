// SPDX-License-Identifier: GPL-2.0-only
/*
 * Block devices over host images (the role of block/bdev.c plus a
 * driver): kshim_bdev_open() makes a struct block_device, its gendisk and
 * request_queue for an image file or a host block device, and
 * kshim_bdev_dispatch() turns bios into libaio requests
 * (compat/host/aio.c) whose completions come back on a per-device
 * completion thread, entered with kshim_thread_enter().
 *
 * Guarantees kept: every dispatched bio completes exactly once with a
 * status (short transfers and host errors become BLK_STS_* values); the
 * queue limits say what the engine does (512-byte logical blocks for
 * files, the device's for block devices; volatile write cache and FUA, so
 * file systems send flushes); kshim_bdev_close() returns only after every
 * bio of the device completed.
 */
#include <linux/kernel.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <kshim/host.h>
#include <kshim/host-aio.h>
#include <kshim/runtime.h>

#define KSHIM_LOOP_MAJOR 7
#define KSHIM_MKDEV(ma, mi) (((dev_t)(ma) << 20) | (dev_t)(mi))

struct kshim_bdev {
	struct block_device bdev;
	struct gendisk disk;
	struct request_queue queue;
	struct kshim_aio_dev *aio;
	struct kshim_aio_info info;
	kshim_host_thread_t thread;

	struct kshim_host_mutex lock;	/* inflight, fault */
	struct kshim_host_cond idle;
	long inflight;			/* dispatched bios not yet ended */
	bool fault_on;
	struct kshim_bdev_fault fault;
	unsigned long fault_matches;
	unsigned long fault_hits;
	atomic_long_t injected;
};

/* one bio on its way through the engine */
struct kshim_bio_req {
	struct kshim_aio_req req;
	struct bio *bio;
	struct kshim_bdev *kb;
	struct kshim_aio_iov iov[];
};

static atomic_t next_minor = ATOMIC_INIT(0);

const char *kshim_bdev_name(struct block_device *bdev)
{
	if (!bdev || !bdev->bd_disk)
		return "(null)";
	return bdev->bd_disk->disk_name;
}

bool kshim_bdev_is_direct(struct block_device *bdev)
{
	return bdev->kshim && bdev->kshim->info.dio_offset_align;
}

void kshim_bdev_get_stats(struct block_device *bdev, struct kshim_aio_stats *st)
{
	kshim_host_aio_get_stats(bdev->kshim->aio, st);
}

static blk_status_t host_errno_to_status(long err)
{
	switch (err) {
	case -ENOSPC:
	case -EDQUOT:
		return BLK_STS_NOSPC;
	case -EOPNOTSUPP:
		return BLK_STS_NOTSUPP;
	case -ENOMEM:
		return BLK_STS_RESOURCE;
	case -EAGAIN:
		return BLK_STS_AGAIN;
	default:
		return BLK_STS_IOERR;
	}
}

static void bio_done(struct kshim_bdev *kb, struct bio *bio, blk_status_t status)
{
	if (status)
		bio->bi_status = status;
	bio_endio(bio);
	kshim_host_mutex_lock(&kb->lock);
	if (!--kb->inflight)
		kshim_host_cond_broadcast(&kb->idle);
	kshim_host_mutex_unlock(&kb->lock);
}

/* engine callback: on the completion thread, or in the submitter */
static void kshim_bdev_req_done(struct kshim_aio_req *req)
{
	struct kshim_bio_req *br = container_of(req, struct kshim_bio_req, req);
	struct kshim_bdev *kb = br->kb;
	struct bio *bio = br->bio;
	blk_status_t status = BLK_STS_OK;

	if (req->result < 0)
		status = host_errno_to_status(req->result);
	else if ((req->op == KSHIM_AIO_READ || req->op == KSHIM_AIO_WRITE) &&
		 (unsigned long long)req->result != req->len)
		status = BLK_STS_IOERR;	/* short transfer */
	kshim_host_aio_free_mem(br);
	bio_done(kb, bio, status);
}

static void *completion_thread(void *arg)
{
	struct kshim_bdev *kb = arg;

	kshim_thread_enter("kshim-aio");
	kshim_host_aio_run_completions(kb->aio);
	return NULL;
}

static void setup_limits(struct kshim_bdev *kb)
{
	struct queue_limits *lim = &kb->queue.limits;
	const struct kshim_aio_info *info = &kb->info;

	lim->features = BLK_FEAT_WRITE_CACHE | BLK_FEAT_FUA;
	if (info->rotational)
		lim->features |= BLK_FEAT_ROTATIONAL;
	lim->logical_block_size = info->logical_block_size;
	lim->physical_block_size = max(info->physical_block_size,
				       info->logical_block_size);
	lim->io_min = lim->physical_block_size;
	lim->io_opt = 0;
	lim->max_hw_sectors = BIO_MAX_SECTORS;
	lim->max_dev_sectors = BIO_MAX_SECTORS;
	lim->max_sectors = BIO_MAX_SECTORS;
	lim->max_user_sectors = BIO_MAX_SECTORS;
	lim->max_segments = USHRT_MAX;
	lim->max_segment_size = UINT_MAX;
	lim->seg_boundary_mask = ~0UL;
	lim->dma_alignment = SECTOR_SIZE - 1;
	if (info->discard) {
		lim->max_discard_sectors = UINT_MAX >> SECTOR_SHIFT;
		lim->max_hw_discard_sectors = lim->max_discard_sectors;
		lim->max_user_discard_sectors = lim->max_discard_sectors;
		lim->discard_granularity = info->is_blockdev ?
			lim->physical_block_size : PAGE_SIZE;
		lim->max_discard_segments = 1;
	}
	if (info->is_blockdev)
		lim->max_secure_erase_sectors = 0;	/* BLKSECDISCARD is rare */
	lim->max_write_zeroes_sectors = UINT_MAX >> SECTOR_SHIFT;
}

static void set_disk_name(struct kshim_bdev *kb, const char *path)
{
	const char *base = path, *p;
	unsigned int i;

	for (p = path; *p; p++)
		if (*p == '/' && p[1])
			base = p + 1;
	for (i = 0; i < DISK_NAME_LEN - 1 && base[i] && base[i] != '/'; i++)
		kb->disk.disk_name[i] = base[i];
	kb->disk.disk_name[i] = '\0';
}

struct block_device *kshim_bdev_open_opts(const char *path, blk_mode_t mode,
					  const struct kshim_bdev_options *opts)
{
	struct kshim_aio_open_opts aopts = {
		.queue_depth = opts ? opts->queue_depth : 0,
		.buffered = opts ? opts->buffered : 0,
		.done = kshim_bdev_req_done,
	};
	struct kshim_bdev *kb;
	int err;

	kb = kshim_host_aio_zalloc(sizeof(*kb));
	if (!kb)
		return ERR_PTR(-ENOMEM);
	err = kshim_host_aio_open(path, !!(mode & BLK_OPEN_WRITE), &aopts,
				  &kb->aio, &kb->info);
	if (err) {
		kshim_host_aio_free_mem(kb);
		return ERR_PTR(err);
	}
	kshim_host_mutex_init(&kb->lock);
	kshim_host_cond_init(&kb->idle);

	kb->disk.part0 = &kb->bdev;
	kb->disk.queue = &kb->queue;
	kb->disk.minors = 1;
	set_disk_name(kb, path);
	kb->queue.disk = &kb->disk;
	setup_limits(kb);

	kb->bdev.bd_disk = &kb->disk;
	kb->bdev.bd_queue = &kb->queue;
	kb->bdev.bd_nr_sectors = kb->info.size >> SECTOR_SHIFT;
	kb->bdev.kshim = kb;
	spin_lock_init(&kb->bdev.bd_size_lock);
	mutex_init(&kb->bdev.bd_holder_lock);
	mutex_init(&kb->bdev.bd_fsfreeze_mutex);
	if (kb->info.is_blockdev) {
		kb->disk.major = kb->info.rdev_major;
		kb->disk.first_minor = kb->info.rdev_minor;
	} else {
		kb->disk.major = KSHIM_LOOP_MAJOR;
		kb->disk.first_minor = atomic_inc_return(&next_minor) & 0xfffff;
	}
	kb->bdev.bd_dev = KSHIM_MKDEV(kb->disk.major, kb->disk.first_minor);
	if (kb->info.read_only)
		bdev_set_flag(&kb->bdev, BD_READ_ONLY);

	err = kshim_host_thread_create(&kb->thread, "kshim-aio",
				       completion_thread, kb);
	if (err) {
		kshim_host_aio_shutdown(kb->aio);
		kshim_host_aio_free(kb->aio);
		kshim_host_aio_free_mem(kb);
		return ERR_PTR(-err);
	}
	return &kb->bdev;
}

struct block_device *kshim_bdev_open(const char *path, blk_mode_t mode)
{
	return kshim_bdev_open_opts(path, mode, NULL);
}

void kshim_bdev_close(struct block_device *bdev)
{
	struct kshim_bdev *kb;

	if (IS_ERR_OR_NULL(bdev))
		return;
	kb = bdev->kshim;
	kshim_host_mutex_lock(&kb->lock);
	while (kb->inflight)
		kshim_host_cond_wait(&kb->idle, &kb->lock);
	kshim_host_mutex_unlock(&kb->lock);
	kshim_host_aio_shutdown(kb->aio);
	kshim_host_thread_join(kb->thread, NULL);
	kshim_host_aio_free(kb->aio);
	kshim_host_cond_destroy(&kb->idle);
	kshim_host_mutex_destroy(&kb->lock);
	kshim_host_aio_free_mem(kb);
}

/* --- fault injection ------------------------------------------------------ */

void kshim_bdev_inject_error(struct block_device *bdev,
			     const struct kshim_bdev_fault *fault)
{
	struct kshim_bdev *kb = bdev->kshim;

	kshim_host_mutex_lock(&kb->lock);
	kb->fault = *fault;
	if (!kb->fault.status)
		kb->fault.status = BLK_STS_IOERR;
	kb->fault_matches = 0;
	kb->fault_hits = 0;
	WRITE_ONCE(kb->fault_on, true);
	kshim_host_mutex_unlock(&kb->lock);
}

void kshim_bdev_clear_errors(struct block_device *bdev)
{
	struct kshim_bdev *kb = bdev->kshim;

	kshim_host_mutex_lock(&kb->lock);
	WRITE_ONCE(kb->fault_on, false);
	kshim_host_mutex_unlock(&kb->lock);
}

unsigned long kshim_bdev_injected(struct block_device *bdev)
{
	return atomic_long_read(&bdev->kshim->injected);
}

static unsigned int fault_op_bit(struct bio *bio)
{
	switch (bio_op(bio)) {
	case REQ_OP_READ:
		return KSHIM_FAULT_READ;
	case REQ_OP_WRITE:
		if (!bio_sectors(bio))
			return KSHIM_FAULT_FLUSH;	/* an empty preflush */
		return KSHIM_FAULT_WRITE;
	case REQ_OP_FLUSH:
		return KSHIM_FAULT_FLUSH;
	case REQ_OP_WRITE_ZEROES:
		return KSHIM_FAULT_WRITE;
	default:
		return KSHIM_FAULT_DISCARD;
	}
}

blk_status_t kshim_bdev_check_fault(struct bio *bio)
{
	struct kshim_bdev *kb = bio->bi_bdev->kshim;
	blk_status_t status = BLK_STS_OK;
	struct kshim_bdev_fault *f;
	sector_t end;

	if (!kb || !READ_ONCE(kb->fault_on))
		return BLK_STS_OK;
	kshim_host_mutex_lock(&kb->lock);
	f = &kb->fault;
	end = f->nr_sectors ? f->start + f->nr_sectors : ~(sector_t)0;
	if (!kb->fault_on || !(f->ops & fault_op_bit(bio)))
		goto out;
	/* empty flushes have no range: they match any range */
	if (bio_sectors(bio) &&
	    (bio->bi_iter.bi_sector >= end || bio_end_sector(bio) <= f->start))
		goto out;
	kb->fault_matches++;
	if (f->every_nth > 1 && kb->fault_matches % f->every_nth)
		goto out;
	if (f->count && kb->fault_hits >= f->count)
		goto out;
	kb->fault_hits++;
	status = f->status;
	atomic_long_inc(&kb->injected);
out:
	kshim_host_mutex_unlock(&kb->lock);
	return status;
}

/* --- dispatch ------------------------------------------------------------- */

#define KSHIM_AIO_NOTHING (-2)	/* completes at once, successfully */

static int bio_engine_op(struct bio *bio)
{
	switch (bio_op(bio)) {
	case REQ_OP_READ:
		return bio->bi_iter.bi_size ? KSHIM_AIO_READ : KSHIM_AIO_NOTHING;
	case REQ_OP_WRITE:
		if (bio->bi_iter.bi_size)
			return KSHIM_AIO_WRITE;
		/* an empty write is how 6.12 spells a cache flush */
		return (bio->bi_opf & REQ_PREFLUSH) ? KSHIM_AIO_FLUSH :
						      KSHIM_AIO_NOTHING;
	case REQ_OP_FLUSH:
		return KSHIM_AIO_FLUSH;
	case REQ_OP_DISCARD:
		return KSHIM_AIO_DISCARD;
	case REQ_OP_SECURE_ERASE:
		return KSHIM_AIO_SECURE_ERASE;
	case REQ_OP_WRITE_ZEROES:
		return (bio->bi_opf & REQ_NOUNMAP) ? KSHIM_AIO_ZEROOUT_NOUNMAP :
						     KSHIM_AIO_ZEROOUT;
	default:
		return -1;
	}
}

/* the engine request of @bio, its vector built from bi_iter on */
static struct kshim_bio_req *bio_to_req(struct kshim_bdev *kb, struct bio *bio,
					int op)
{
	struct kshim_bio_req *br;
	struct bvec_iter iter;
	struct bio_vec bv;
	int n = 0;

	if (op == KSHIM_AIO_READ || op == KSHIM_AIO_WRITE)
		bio_for_each_bvec(bv, bio, iter)
			n++;
	br = kshim_host_aio_zalloc(sizeof(*br) + n * sizeof(br->iov[0]));
	if (!br)
		return NULL;
	br->bio = bio;
	br->kb = kb;
	br->req.cookie = bio;
	br->req.op = op;
	br->req.offset = (unsigned long long)bio->bi_iter.bi_sector << SECTOR_SHIFT;
	br->req.len = bio->bi_iter.bi_size;
	br->req.iov = br->iov;
	if (n) {
		n = 0;
		bio_for_each_bvec(bv, bio, iter) {
			char *base = (char *)__kshim_page_data(bv.bv_page) + bv.bv_offset;

			/* adjacent pieces of one buffer become one iovec */
			if (n && (char *)br->iov[n - 1].base + br->iov[n - 1].len == base) {
				br->iov[n - 1].len += bv.bv_len;
				continue;
			}
			br->iov[n].base = base;
			br->iov[n].len = bv.bv_len;
			n++;
		}
	}
	br->req.iovcnt = n;
	if ((bio->bi_opf & REQ_PREFLUSH) && op == KSHIM_AIO_WRITE)
		br->req.flags |= KSHIM_AIO_F_PREFLUSH;
	if ((bio->bi_opf & REQ_FUA) && op == KSHIM_AIO_WRITE)
		br->req.flags |= KSHIM_AIO_F_FUA;
	return br;
}

#define DISPATCH_BATCH 64

static void submit_batch(struct kshim_bdev *kb, struct kshim_aio_req **reqs,
			 int n)
{
	if (n)
		kshim_host_aio_submit(kb->aio, reqs, n);
}

void kshim_bdev_dispatch(struct bio *list)
{
	struct kshim_aio_req *reqs[DISPATCH_BATCH];
	struct kshim_bdev *cur = NULL;
	int n = 0;

	while (list) {
		struct bio *bio = list;
		struct kshim_bdev *kb = bio->bi_bdev->kshim;
		struct kshim_bio_req *br;
		int op;

		list = bio->bi_next;
		bio->bi_next = NULL;
		if (WARN_ON_ONCE(!kb)) {
			bio_io_error(bio);
			continue;
		}
		op = bio_engine_op(bio);
		if (op == KSHIM_AIO_NOTHING) {
			bio_endio(bio);
			continue;
		}
		if (op < 0) {
			bio->bi_status = BLK_STS_NOTSUPP;
			bio_endio(bio);
			continue;
		}
		if (kb != cur || n == DISPATCH_BATCH) {
			if (cur)
				submit_batch(cur, reqs, n);
			cur = kb;
			n = 0;
		}
		kshim_host_mutex_lock(&kb->lock);
		kb->inflight++;
		kshim_host_mutex_unlock(&kb->lock);
		br = bio_to_req(kb, bio, op);
		if (!br) {
			bio_done(kb, bio, BLK_STS_RESOURCE);
			continue;
		}
		reqs[n++] = &br->req;
	}
	if (cur)
		submit_batch(cur, reqs, n);
}
