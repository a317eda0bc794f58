// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of the block layer: bio building and iteration, chaining,
 * submission through plugs into libaio batches, flushes reaching the
 * image, errors (past the end, read-only, injected, host) as bio status,
 * discard and write-zeroes, queue-full waits, and close draining I/O.
 * Images live in a fresh directory under $KSHIM_TEST_DIR, /var/tmp or /tmp.
 */
#include <linux/kernel.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <kshim/host.h>
#include <kshim/host-aio.h>
#include <kshim/runtime.h>
#include "ktest.h"

#define MiB (1024UL * 1024UL)

/* --- test pages: separate order-0 pages over one aligned buffer --------- */

struct tbuf {
	struct page *pages;
	void *raw;
	u8 *data;
	unsigned long nr;
};

static void tbuf_alloc(struct tbuf *b, unsigned long nr_pages)
{
	unsigned long i;

	b->nr = nr_pages;
	b->raw = kshim_host_aio_zalloc(nr_pages * PAGE_SIZE + PAGE_SIZE);
	b->pages = kshim_host_aio_zalloc(nr_pages * sizeof(struct page));
	KT_ASSERT(b->raw && b->pages);
	b->data = (u8 *)ALIGN((unsigned long)b->raw, PAGE_SIZE);
	for (i = 0; i < nr_pages; i++) {
		atomic_set(&b->pages[i]._refcount, 1);
		b->pages[i].virtual = b->data + i * PAGE_SIZE;
	}
}

/* one folio of 2^order pages */
static struct folio *tfolio_alloc(struct tbuf *b, unsigned int order)
{
	unsigned long i;

	tbuf_alloc(b, 1UL << order);
	b->pages[0].order = order;
	for (i = 1; i < b->nr; i++)
		b->pages[i].compound_head = (unsigned long)&b->pages[0] | 1;
	return page_folio(&b->pages[0]);
}

static void tbuf_free(struct tbuf *b)
{
	kshim_host_aio_free_mem(b->raw);
	kshim_host_aio_free_mem(b->pages);
}

static u64 pattern(u64 off, u64 seed)
{
	return (off * 0x9E3779B97F4A7C15ULL) ^ seed;
}

static void fill(u8 *p, unsigned long len, u64 off, u64 seed)
{
	unsigned long i;

	for (i = 0; i < len; i += 8)
		*(u64 *)(p + i) = pattern(off + i, seed);
}

/* offset of the first bad word, or -1 */
static long check(const u8 *p, unsigned long len, u64 off, u64 seed)
{
	unsigned long i;

	for (i = 0; i < len; i += 8)
		if (*(const u64 *)(p + i) != pattern(off + i, seed))
			return i;
	return -1;
}

/* --- paths --------------------------------------------------------------- */

static char test_dir[512];

static void path_join(char *out, const char *a, const char *b)
{
	unsigned long i = 0, j = 0;

	while (a[j] && i < 500)
		out[i++] = a[j++];
	out[i++] = '/';
	for (j = 0; b[j] && i < 1000; j++)
		out[i++] = b[j];
	out[i] = '\0';
}

static void make_image(char *path, const char *name, unsigned long long size)
{
	if (!test_dir[0])
		KT_ASSERT_EQ(kshim_host_file_mkdtemp(test_dir, sizeof(test_dir), "bio"), 0);
	path_join(path, test_dir, name);
	KT_ASSERT_EQ(kshim_host_file_create(path, size, 0600), 0);
}

static void cleanup_image(const char *path)
{
	kshim_host_file_remove(path);
	kshim_host_file_remove(test_dir);
}

/* --- completion counting -------------------------------------------------- */

struct tdone {
	struct kshim_host_mutex lock;
	struct kshim_host_cond cond;
	long done;
	long errors;
	blk_status_t last_status;
	bool put;		/* bio_put in end_io */
};

static void tdone_init(struct tdone *t, bool put)
{
	__builtin_memset(t, 0, sizeof(*t));
	kshim_host_mutex_init(&t->lock);
	kshim_host_cond_init(&t->cond);
	t->put = put;
}

static void tdone_end_io(struct bio *bio)
{
	struct tdone *t = bio->bi_private;
	bool put = t->put;

	kshim_host_mutex_lock(&t->lock);
	t->done++;
	if (bio->bi_status) {
		t->errors++;
		t->last_status = bio->bi_status;
	}
	kshim_host_cond_broadcast(&t->cond);
	kshim_host_mutex_unlock(&t->lock);
	if (put)
		bio_put(bio);
}

static void tdone_wait(struct tdone *t, long n)
{
	unsigned long long deadline = kshim_host_monotonic_ns() + 60000000000ULL;

	kshim_host_mutex_lock(&t->lock);
	while (t->done < n)
		if (kshim_host_cond_timedwait(&t->cond, &t->lock, deadline))
			break;
	kshim_host_mutex_unlock(&t->lock);
}

static long tdone_count(struct tdone *t)
{
	long n;

	kshim_host_mutex_lock(&t->lock);
	n = t->done;
	kshim_host_mutex_unlock(&t->lock);
	return n;
}

/* a bio over @nr pages of @b from page @first, at byte @off of the device */
static struct bio *page_bio(struct block_device *bdev, blk_opf_t opf,
			    struct tbuf *b, unsigned long first,
			    unsigned int nr, u64 off, struct tdone *t)
{
	struct bio *bio = bio_alloc(bdev, nr, opf, 0);
	unsigned int i;

	KT_ASSERT(bio);
	bio->bi_iter.bi_sector = off >> SECTOR_SHIFT;
	for (i = 0; i < nr; i++)
		KT_ASSERT_EQ(bio_add_page(bio, &b->pages[first + i], PAGE_SIZE, 0),
			     PAGE_SIZE);
	bio->bi_end_io = tdone_end_io;
	bio->bi_private = t;
	return bio;
}

/*
 * Write then read back @size bytes in plugged batches of @per_plug bios of
 * @bio_pages pages each, checking every byte.
 */
static void bulk_rw(struct block_device *bdev, unsigned long size,
		    unsigned int bio_pages, unsigned int per_plug, u64 seed)
{
	unsigned long chunk = (unsigned long)bio_pages * PAGE_SIZE * per_plug;
	struct tbuf b;
	u64 off;
	int pass;

	tbuf_alloc(&b, chunk / PAGE_SIZE);
	for (pass = 0; pass < 2; pass++) {
		blk_opf_t opf = pass ? REQ_OP_READ : REQ_OP_WRITE;

		for (off = 0; off < size; off += chunk) {
			struct blk_plug plug;
			struct tdone t;
			unsigned int i;
			long bad;

			tdone_init(&t, true);
			if (pass)
				__builtin_memset(b.data, 0xa5, chunk);
			else
				fill(b.data, chunk, off, seed);
			blk_start_plug(&plug);
			for (i = 0; i < per_plug; i++)
				submit_bio(page_bio(bdev, opf, &b, i * bio_pages,
						    bio_pages,
						    off + (u64)i * bio_pages * PAGE_SIZE, &t));
			blk_finish_plug(&plug);
			tdone_wait(&t, per_plug);
			KT_ASSERT_EQ(t.done, per_plug);
			KT_ASSERT_EQ(t.errors, 0);
			if (pass) {
				bad = check(b.data, chunk, off, seed);
				if (bad >= 0)
					ktest_note("mismatch at byte %llu",
						   (unsigned long long)(off + bad));
				KT_ASSERT_EQ(bad, -1);
			}
		}
	}
	tbuf_free(&b);
}

KTEST_TIMEOUT(bulk_64m_direct_plugged, 120)
{
	struct kshim_aio_stats st;
	struct block_device *bdev;
	char path[1024];
	u8 host[4096];

	make_image(path, "bulk.img", 64 * MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	if (kshim_host_file_dir_supports_direct(test_dir))
		KT_EXPECT(kshim_bdev_is_direct(bdev));
	else
		ktest_note("%s refuses O_DIRECT: buffered path", test_dir);
	KT_EXPECT_EQ(bdev_nr_bytes(bdev), 64 * MiB);
	KT_EXPECT_EQ(bdev_logical_block_size(bdev), 512);
	KT_EXPECT(!bdev_read_only(bdev));
	/* 256 KiB bios of 4 KiB pages, 64 bios per plug */
	bulk_rw(bdev, 64 * MiB, 64, 64, 0x1234);
	kshim_bdev_get_stats(bdev, &st);
	ktest_note("io_submit calls %lu, iocbs %lu, max batch %lu",
		   st.io_submit_calls, st.iocbs, st.max_batch);
	KT_EXPECT(st.io_submit_calls > 0);
	KT_EXPECT(st.iocbs >= 2 * st.io_submit_calls);	/* batched */
	KT_EXPECT(st.max_batch > 1);
	kshim_bdev_close(bdev);
	/* the host sees the data */
	KT_ASSERT_EQ(kshim_host_file_pread(path, host, sizeof(host), 40 * MiB),
		     sizeof(host));
	KT_EXPECT_EQ(check(host, sizeof(host), 40 * MiB, 0x1234), -1);
	cleanup_image(path);
}

KTEST_TIMEOUT(bulk_16m_buffered, 60)
{
	struct block_device *bdev;
	struct kshim_bdev_options opts = { .buffered = true };
	char path[1024];

	make_image(path, "buffered.img", 16 * MiB);
	bdev = kshim_bdev_open_opts(path, BLK_OPEN_READ | BLK_OPEN_WRITE, &opts);
	KT_ASSERT(!IS_ERR(bdev));
	KT_EXPECT(!kshim_bdev_is_direct(bdev));
	bulk_rw(bdev, 16 * MiB, 16, 32, 0x77);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

KTEST(plug_holds_until_finish)
{
	struct kshim_aio_stats before, mid, after;
	struct block_device *bdev;
	struct blk_plug plug, inner;
	struct tdone t;
	struct tbuf b;
	char path[1024];
	int i;

	make_image(path, "plug.img", MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	tbuf_alloc(&b, 16);
	tdone_init(&t, true);
	kshim_bdev_get_stats(bdev, &before);
	blk_start_plug(&plug);
	blk_start_plug(&inner);		/* nested: ignored */
	for (i = 0; i < 16; i++)
		submit_bio(page_bio(bdev, REQ_OP_READ, &b, i, 1, i * PAGE_SIZE, &t));
	blk_finish_plug(&inner);	/* not the outer plug: nothing issued */
	kshim_bdev_get_stats(bdev, &mid);
	KT_EXPECT_EQ(mid.iocbs, before.iocbs);
	KT_EXPECT_EQ(tdone_count(&t), 0);
	KT_EXPECT(kshim_current_plug() == &plug);
	blk_finish_plug(&plug);
	KT_EXPECT(kshim_current_plug() == NULL);
	tdone_wait(&t, 16);
	KT_EXPECT_EQ(t.done, 16);
	kshim_bdev_get_stats(bdev, &after);
	KT_EXPECT_EQ(after.iocbs - before.iocbs, 16);
	KT_EXPECT_EQ(after.io_submit_calls - before.io_submit_calls, 1);

	/* unplugged, each bio goes out on its own */
	tdone_init(&t, true);
	kshim_bdev_get_stats(bdev, &before);
	for (i = 0; i < 4; i++) {
		submit_bio(page_bio(bdev, REQ_OP_READ, &b, i, 1, i * PAGE_SIZE, &t));
		tdone_wait(&t, i + 1);
	}
	kshim_bdev_get_stats(bdev, &after);
	KT_EXPECT_EQ(after.io_submit_calls - before.io_submit_calls, 4);
	tbuf_free(&b);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

KTEST(submit_bio_wait_flushes_own_plug)
{
	struct block_device *bdev;
	struct blk_plug plug;
	struct bio bio;
	struct bio_vec vec;
	struct tbuf b;
	char path[1024];

	make_image(path, "waitplug.img", MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	tbuf_alloc(&b, 1);
	/* a naive submit_bio_wait would sleep on a bio its own plug holds */
	blk_start_plug(&plug);
	bio_init(&bio, bdev, &vec, 1, REQ_OP_READ);
	__bio_add_page(&bio, &b.pages[0], PAGE_SIZE, 0);
	KT_EXPECT_EQ(submit_bio_wait(&bio), 0);
	blk_finish_plug(&plug);
	tbuf_free(&b);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

KTEST(preflush_and_fua_reach_the_file)
{
	struct kshim_aio_stats s0, s1, s2;
	struct block_device *bdev;
	struct tdone t;
	struct tbuf b;
	char path[1024];
	u8 host[PAGE_SIZE];

	make_image(path, "flush.img", MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	KT_EXPECT(bdev_write_cache(bdev));
	KT_EXPECT(bdev_fua(bdev));
	tbuf_alloc(&b, 2);
	fill(b.data, 2 * PAGE_SIZE, 0, 99);
	tdone_init(&t, true);
	kshim_bdev_get_stats(bdev, &s0);
	submit_bio(page_bio(bdev, REQ_OP_WRITE, &b, 0, 1, 0, &t));
	tdone_wait(&t, 1);
	/* the journal-commit pattern: flush what completed, then FUA */
	submit_bio(page_bio(bdev, REQ_OP_WRITE | REQ_PREFLUSH | REQ_FUA | REQ_SYNC,
			    &b, 1, 1, PAGE_SIZE, &t));
	tdone_wait(&t, 2);
	KT_EXPECT_EQ(t.errors, 0);
	kshim_bdev_get_stats(bdev, &s1);
	KT_EXPECT(s1.fdatasyncs > s0.fdatasyncs);
	KT_EXPECT_EQ(blkdev_issue_flush(bdev), 0);
	kshim_bdev_get_stats(bdev, &s2);
	KT_EXPECT_EQ(s2.fdatasyncs, s1.fdatasyncs + 1);
	/* an explicit REQ_OP_FLUSH bio as well */
	{
		struct bio *fl = bio_alloc(bdev, 0, REQ_OP_FLUSH | REQ_PREFLUSH, 0);

		KT_EXPECT_EQ(submit_bio_wait(fl), 0);
		bio_put(fl);
	}
	kshim_bdev_get_stats(bdev, &s1);
	KT_EXPECT(s1.fdatasyncs > s2.fdatasyncs);
	KT_ASSERT_EQ(kshim_host_file_pread(path, host, PAGE_SIZE, 0), PAGE_SIZE);
	KT_EXPECT_EQ(check(host, PAGE_SIZE, 0, 99), -1);
	KT_ASSERT_EQ(kshim_host_file_pread(path, host, PAGE_SIZE, PAGE_SIZE), PAGE_SIZE);
	KT_EXPECT_EQ(check(host, PAGE_SIZE, PAGE_SIZE, 99), -1);
	tbuf_free(&b);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

KTEST(past_end_fails_once_without_touching_file)
{
	struct kshim_aio_stats s0, s1;
	struct block_device *bdev;
	struct tdone t;
	struct tbuf b;
	char path[1024];
	long long blocks;

	make_image(path, "small.img", 64 * 1024);
	blocks = kshim_host_file_blocks(path);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	KT_EXPECT_EQ(bdev_nr_sectors(bdev), 128);
	tbuf_alloc(&b, 2);
	tdone_init(&t, true);
	kshim_bdev_get_stats(bdev, &s0);
	/* crossing the end by one sector, a read and a write */
	submit_bio(page_bio(bdev, REQ_OP_READ, &b, 0, 1, 64 * 1024 - 3584, &t));
	submit_bio(page_bio(bdev, REQ_OP_WRITE, &b, 1, 1, 64 * 1024 - 512 * 7, &t));
	/* entirely past the end */
	submit_bio(page_bio(bdev, REQ_OP_WRITE, &b, 1, 1, 1024 * 1024, &t));
	tdone_wait(&t, 3);
	kshim_host_sleep_ns(20000000);	/* a second end_io would show now */
	KT_EXPECT_EQ(tdone_count(&t), 3);
	KT_EXPECT_EQ(t.errors, 3);
	KT_EXPECT_EQ(t.last_status, BLK_STS_IOERR);
	kshim_bdev_get_stats(bdev, &s1);
	KT_EXPECT_EQ(s1.iocbs, s0.iocbs);
	KT_EXPECT_EQ(s1.sync_fallbacks, s0.sync_fallbacks);
	kshim_bdev_close(bdev);
	KT_EXPECT_EQ(kshim_host_file_blocks(path), blocks);
	{
		u8 c;

		/* the file did not grow */
		KT_EXPECT_EQ(kshim_host_file_pread(path, &c, 1, 64 * 1024), 0);
	}
	tbuf_free(&b);
	cleanup_image(path);
}

KTEST(read_only_device_refuses_writes)
{
	struct block_device *bdev;
	struct tdone t;
	struct tbuf b;
	char path[1024];
	u8 host[PAGE_SIZE];

	make_image(path, "ro.img", MiB);
	tbuf_alloc(&b, 1);
	fill(b.data, PAGE_SIZE, 0, 5);
	KT_ASSERT_EQ(kshim_host_file_pwrite(path, b.data, PAGE_SIZE, 0), PAGE_SIZE);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ);
	KT_ASSERT(!IS_ERR(bdev));
	KT_EXPECT(bdev_read_only(bdev));
	tdone_init(&t, true);
	__builtin_memset(b.data, 0, PAGE_SIZE);
	submit_bio(page_bio(bdev, REQ_OP_WRITE, &b, 0, 1, 0, &t));
	tdone_wait(&t, 1);
	KT_EXPECT_EQ(t.errors, 1);
	KT_EXPECT_EQ(t.last_status, BLK_STS_IOERR);
	/* reads work, and see the untouched data */
	submit_bio(page_bio(bdev, REQ_OP_READ, &b, 0, 1, 0, &t));
	tdone_wait(&t, 2);
	KT_EXPECT_EQ(t.errors, 1);
	KT_EXPECT_EQ(check(b.data, PAGE_SIZE, 0, 5), -1);
	/* an empty flush is allowed on a read-only device */
	KT_EXPECT_EQ(blkdev_issue_flush(bdev), 0);
	kshim_bdev_close(bdev);
	KT_ASSERT_EQ(kshim_host_file_pread(path, host, PAGE_SIZE, 0), PAGE_SIZE);
	KT_EXPECT_EQ(check(host, PAGE_SIZE, 0, 5), -1);

	/* read-write open of a read-only image: -EACCES, as the kernel */
	if (kshim_host_file_is_root()) {
		ktest_note("root ignores file modes: -EACCES open not checked");
	} else {
		KT_ASSERT_EQ(kshim_host_file_create(path, MiB, 0400), 0);
		bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
		KT_EXPECT(IS_ERR(bdev) && PTR_ERR(bdev) == -EACCES);
		bdev = kshim_bdev_open(path, BLK_OPEN_READ);
		KT_EXPECT(!IS_ERR(bdev));
		kshim_bdev_close(bdev);
	}
	KT_EXPECT_EQ(PTR_ERR(kshim_bdev_open("/nonexistent/kshim.img", BLK_OPEN_READ)),
		     -ENOENT);
	tbuf_free(&b);
	cleanup_image(path);
}

KTEST(injected_errors_arrive)
{
	struct kshim_bdev_fault f = { .start = 16, .nr_sectors = 16,
				      .ops = KSHIM_FAULT_WRITE };
	struct block_device *bdev;
	struct tdone t;
	struct tbuf b;
	char path[1024];
	int i;

	make_image(path, "fault.img", MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	tbuf_alloc(&b, 8);
	kshim_bdev_inject_error(bdev, &f);
	/* pages 0..7 = sectors 0..63: pages 2 and 3 overlap sectors 16..31 */
	tdone_init(&t, true);
	for (i = 0; i < 8; i++)
		submit_bio(page_bio(bdev, REQ_OP_WRITE, &b, i, 1, i * PAGE_SIZE, &t));
	tdone_wait(&t, 8);
	KT_EXPECT_EQ(t.errors, 2);
	KT_EXPECT_EQ(kshim_bdev_injected(bdev), 2);
	/* reads of the range are not selected */
	submit_bio(page_bio(bdev, REQ_OP_READ, &b, 2, 1, 2 * PAGE_SIZE, &t));
	tdone_wait(&t, 9);
	KT_EXPECT_EQ(t.errors, 2);

	/* every 3rd read anywhere, with a chosen status */
	f = (struct kshim_bdev_fault){ .ops = KSHIM_FAULT_READ, .every_nth = 3,
				       .status = BLK_STS_MEDIUM };
	kshim_bdev_inject_error(bdev, &f);
	tdone_init(&t, true);
	for (i = 0; i < 30; i++)
		submit_bio(page_bio(bdev, REQ_OP_READ, &b, i % 8, 1,
				    (i % 8) * PAGE_SIZE, &t));
	tdone_wait(&t, 30);
	KT_EXPECT_EQ(t.errors, 10);
	KT_EXPECT_EQ(t.last_status, BLK_STS_MEDIUM);

	/* a count limit, then clearing */
	f = (struct kshim_bdev_fault){ .ops = KSHIM_FAULT_ALL, .count = 2 };
	kshim_bdev_inject_error(bdev, &f);
	tdone_init(&t, true);
	for (i = 0; i < 5; i++)
		submit_bio(page_bio(bdev, REQ_OP_READ, &b, 0, 1, 0, &t));
	tdone_wait(&t, 5);
	KT_EXPECT_EQ(t.errors, 2);
	KT_EXPECT_EQ(blkdev_issue_flush(bdev), 0);	/* count used up */
	f.count = 0;
	kshim_bdev_inject_error(bdev, &f);
	KT_EXPECT_EQ(blkdev_issue_flush(bdev), -EIO);
	kshim_bdev_clear_errors(bdev);
	KT_EXPECT_EQ(blkdev_issue_flush(bdev), 0);
	tbuf_free(&b);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

KTEST(submit_bio_wait_returns_errno)
{
	struct kshim_bdev_fault f = { .ops = KSHIM_FAULT_WRITE,
				      .status = BLK_STS_NOSPC };
	struct block_device *bdev;
	struct bio_vec vec;
	struct bio bio;
	struct tbuf b;
	char path[1024];

	make_image(path, "wait.img", MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	tbuf_alloc(&b, 1);

	bio_init(&bio, bdev, &vec, 1, REQ_OP_READ);
	__bio_add_page(&bio, &b.pages[0], PAGE_SIZE, 0);
	KT_EXPECT_EQ(submit_bio_wait(&bio), 0);

	bio_reset(&bio, bdev, REQ_OP_READ);
	KT_EXPECT_EQ(bio.bi_vcnt, 0);
	__bio_add_page(&bio, &b.pages[0], PAGE_SIZE, 0);
	bio.bi_iter.bi_sector = bdev_nr_sectors(bdev);
	KT_EXPECT_EQ(submit_bio_wait(&bio), -EIO);

	kshim_bdev_inject_error(bdev, &f);
	bio_reset(&bio, bdev, REQ_OP_WRITE);
	__bio_add_page(&bio, &b.pages[0], PAGE_SIZE, 0);
	KT_EXPECT_EQ(submit_bio_wait(&bio), -ENOSPC);

	bio_reset(&bio, bdev, REQ_OP_ZONE_RESET);
	KT_EXPECT_EQ(submit_bio_wait(&bio), -EOPNOTSUPP);
	tbuf_free(&b);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

/* --- bio_chain --------------------------------------------------------------- */

static int parent_calls;
static blk_status_t parent_status;

static void parent_end_io(struct bio *bio)
{
	parent_calls++;
	parent_status = bio->bi_status;
}

KTEST(chain_parent_ends_after_all_children)
{
	struct bio parent, *child[5];
	int i;

	bio_init(&parent, NULL, NULL, 0, REQ_OP_READ);
	parent.bi_end_io = parent_end_io;
	for (i = 0; i < 5; i++) {
		child[i] = bio_alloc_bioset(NULL, 0, REQ_OP_READ, 0, &fs_bio_set);
		KT_ASSERT(child[i]);
		bio_chain(child[i], &parent);
	}
	bio_endio(&parent);	/* the parent's own I/O is done */
	KT_EXPECT_EQ(parent_calls, 0);
	child[3]->bi_status = BLK_STS_MEDIUM;
	for (i = 0; i < 5; i++) {
		KT_EXPECT_EQ(parent_calls, 0);
		bio_endio(child[i]);	/* also puts the child */
	}
	KT_EXPECT_EQ(parent_calls, 1);
	KT_EXPECT_EQ(parent_status, BLK_STS_MEDIUM);
	KT_EXPECT_EQ(atomic_long_read(&fs_bio_set.kshim_nr_allocated), 0);
}

KTEST(chain_through_device)
{
	struct kshim_bdev_fault f = { .start = 8, .nr_sectors = 8,
				      .ops = KSHIM_FAULT_READ };
	struct block_device *bdev;
	struct bio *parent, *c[8], *prev = NULL;
	struct tdone t;
	struct tbuf b;
	char path[1024];
	int i;

	make_image(path, "chain.img", MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	tbuf_alloc(&b, 9);
	tdone_init(&t, true);
	parent = page_bio(bdev, REQ_OP_READ, &b, 8, 1, 8 * PAGE_SIZE, &t);
	for (i = 0; i < 8; i++) {
		c[i] = bio_alloc(bdev, 1, REQ_OP_READ, 0);
		c[i]->bi_iter.bi_sector = i * PAGE_SECTORS;
		__bio_add_page(c[i], &b.pages[i], PAGE_SIZE, 0);
		bio_chain(c[i], parent);
	}
	/* the parent goes first and must still wait for its children */
	submit_bio(parent);
	kshim_host_sleep_ns(20000000);
	KT_EXPECT_EQ(tdone_count(&t), 0);
	kshim_bdev_inject_error(bdev, &f);	/* fails child 1 (sectors 8..15) */
	for (i = 0; i < 8; i++)
		submit_bio(c[i]);
	tdone_wait(&t, 1);
	kshim_host_sleep_ns(20000000);
	KT_EXPECT_EQ(tdone_count(&t), 1);
	KT_EXPECT_EQ(t.errors, 1);
	KT_EXPECT_EQ(t.last_status, BLK_STS_IOERR);
	kshim_bdev_clear_errors(bdev);

	/* blk_next_bio: each bio chains into the next, the last one waits */
	for (i = 0; i < 8; i++) {
		prev = blk_next_bio(prev, bdev, 1, REQ_OP_READ, 0);
		prev->bi_iter.bi_sector = i * PAGE_SECTORS;
		__bio_add_page(prev, &b.pages[i], PAGE_SIZE, 0);
	}
	KT_EXPECT_EQ(submit_bio_wait(prev), 0);
	bio_put(prev);
	KT_EXPECT_EQ(atomic_long_read(&fs_bio_set.kshim_nr_allocated), 0);
	tbuf_free(&b);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

/* --- discard, write zeroes ---------------------------------------------------- */

KTEST(discard_punches_hole_and_zeroout_zeroes)
{
	struct block_device *bdev;
	long long before, after;
	struct tbuf b;
	char path[1024];
	u8 host[PAGE_SIZE];
	unsigned long i;

	make_image(path, "discard.img", 8 * MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	KT_EXPECT(bdev_max_discard_sectors(bdev) > 0);
	bulk_rw(bdev, 8 * MiB, 64, 8, 42);
	KT_EXPECT_EQ(blkdev_issue_flush(bdev), 0);
	before = kshim_host_file_blocks(path);
	KT_EXPECT(before >= (long long)(8 * MiB / 512));
	KT_EXPECT_EQ(blkdev_issue_discard(bdev, 0, 4 * MiB / 512, 0), 0);
	after = kshim_host_file_blocks(path);
	ktest_note("st_blocks %lld -> %lld", before, after);
	KT_EXPECT(after <= before - (long long)(4 * MiB / 512));
	/* misaligned ranges are refused */
	KT_EXPECT_EQ(blkdev_issue_discard(bdev, 0, 0, 0), 0);
	KT_ASSERT_EQ(kshim_host_file_pread(path, host, PAGE_SIZE, MiB), PAGE_SIZE);
	for (i = 0; i < PAGE_SIZE; i++)
		if (host[i])
			break;
	KT_EXPECT_EQ(i, PAGE_SIZE);

	/* zeroout keeps the blocks (NOUNMAP) and reads back as zeroes */
	KT_EXPECT_EQ(blkdev_issue_zeroout(bdev, 6 * MiB / 512, 8, 0,
					  BLKDEV_ZERO_NOUNMAP), 0);
	tbuf_alloc(&b, 1);
	{
		struct bio_vec vec;
		struct bio bio;

		bio_init(&bio, bdev, &vec, 1, REQ_OP_READ);
		__bio_add_page(&bio, &b.pages[0], PAGE_SIZE, 0);
		bio.bi_iter.bi_sector = 6 * MiB / 512;
		KT_EXPECT_EQ(submit_bio_wait(&bio), 0);
		for (i = 0; i < PAGE_SIZE; i++)
			if (b.data[i])
				break;
		KT_EXPECT_EQ(i, PAGE_SIZE);
		/* the page after it is untouched */
		bio_reset(&bio, bdev, REQ_OP_READ);
		__bio_add_page(&bio, &b.pages[0], PAGE_SIZE, 0);
		bio.bi_iter.bi_sector = 6 * MiB / 512 + 8;
		KT_EXPECT_EQ(submit_bio_wait(&bio), 0);
		KT_EXPECT_EQ(check(b.data, PAGE_SIZE, 6 * MiB + PAGE_SIZE, 42), -1);
	}
	tbuf_free(&b);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

/* --- queue depth ------------------------------------------------------------- */

KTEST_TIMEOUT(queue_full_waits_never_lose_bios, 60)
{
	struct kshim_bdev_options opts = { .queue_depth = 4 };
	struct kshim_aio_stats st;
	struct block_device *bdev;
	char path[1024];

	make_image(path, "qd.img", 8 * MiB);
	bdev = kshim_bdev_open_opts(path, BLK_OPEN_READ | BLK_OPEN_WRITE, &opts);
	KT_ASSERT(!IS_ERR(bdev));
	/* 4 KiB bios, 256 per plug: batches of 32 against 4 slots */
	bulk_rw(bdev, 8 * MiB, 1, 256, 7);
	kshim_bdev_get_stats(bdev, &st);
	ktest_note("queue-full waits %lu, eagain %lu, calls %lu",
		   st.queue_full_waits, st.eagain_retries, st.io_submit_calls);
	KT_EXPECT(st.queue_full_waits > 0 || st.eagain_retries > 0);
	KT_EXPECT_EQ(st.completions, 2 * 2048);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

/* end_io resubmits from the completion thread with a tiny queue */
struct resubmit {
	struct tdone *t;
	struct tbuf *b;
	int left;
};

static struct resubmit resub;

static void resubmit_end_io(struct bio *bio)
{
	struct block_device *bdev = bio->bi_bdev;

	bio_put(bio);
	if (resub.left-- > 0) {
		struct bio *n = page_bio(bdev, REQ_OP_READ, resub.b, 0, 1, 0, resub.t);

		n->bi_end_io = resubmit_end_io;
		submit_bio(n);
		return;
	}
	kshim_host_mutex_lock(&resub.t->lock);
	resub.t->done = 1000000;
	kshim_host_cond_broadcast(&resub.t->cond);
	kshim_host_mutex_unlock(&resub.t->lock);
}

KTEST(resubmit_from_end_io_with_full_queue)
{
	struct kshim_bdev_options opts = { .queue_depth = 1 };
	struct block_device *bdev;
	struct tdone t, other;
	struct tbuf b;
	char path[1024];
	int i;

	make_image(path, "resub.img", MiB);
	bdev = kshim_bdev_open_opts(path, BLK_OPEN_READ | BLK_OPEN_WRITE, &opts);
	KT_ASSERT(!IS_ERR(bdev));
	tbuf_alloc(&b, 2);
	tdone_init(&t, false);
	tdone_init(&other, true);
	resub.t = &t;
	resub.b = &b;
	resub.left = 200;
	{
		struct bio *bio = page_bio(bdev, REQ_OP_READ, &b, 0, 1, 0, &t);

		bio->bi_end_io = resubmit_end_io;
		submit_bio(bio);
	}
	for (i = 0; i < 200; i++)
		submit_bio(page_bio(bdev, REQ_OP_READ, &b, 1, 1, PAGE_SIZE, &other));
	tdone_wait(&t, 1000000);
	tdone_wait(&other, 200);
	KT_EXPECT_EQ(tdone_count(&t), 1000000);
	KT_EXPECT_EQ(other.done, 200);
	kshim_bdev_close(bdev);
	tbuf_free(&b);
	cleanup_image(path);
}

/* --- unaligned buffers: the synchronous fallback ------------------------------ */

KTEST(unaligned_buffers_use_the_fallback_coherently)
{
	struct kshim_aio_stats s0, s1;
	struct block_device *bdev;
	struct bio_vec vec;
	struct bio bio;
	struct tbuf b;
	char path[1024];

	make_image(path, "unaligned.img", MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	if (!kshim_bdev_is_direct(bdev))
		ktest_note("no O_DIRECT here: every request is buffered");
	tbuf_alloc(&b, 2);
	/* aligned write of page 0 at 8 KiB */
	fill(b.data, PAGE_SIZE, 8192, 3);
	bio_init(&bio, bdev, &vec, 1, REQ_OP_WRITE);
	__bio_add_page(&bio, &b.pages[0], PAGE_SIZE, 0);
	bio.bi_iter.bi_sector = 16;
	KT_EXPECT_EQ(submit_bio_wait(&bio), 0);
	/* a 512-byte write from a buffer at offset 8: not O_DIRECT-able */
	kshim_bdev_get_stats(bdev, &s0);
	fill(b.data + PAGE_SIZE + 8, 512, 8192 + 1024, 3 ^ 0xff);
	bio_reset(&bio, bdev, REQ_OP_WRITE);
	__bio_add_page(&bio, &b.pages[1], 512, 8);
	bio.bi_iter.bi_sector = 18;
	KT_EXPECT_EQ(submit_bio_wait(&bio), 0);
	kshim_bdev_get_stats(bdev, &s1);
	if (kshim_bdev_is_direct(bdev))
		KT_EXPECT_EQ(s1.sync_fallbacks, s0.sync_fallbacks + 1);
	/* an aligned (direct) read sees both writes */
	__builtin_memset(b.data, 0, PAGE_SIZE);
	bio_reset(&bio, bdev, REQ_OP_READ);
	__bio_add_page(&bio, &b.pages[0], PAGE_SIZE, 0);
	bio.bi_iter.bi_sector = 16;
	KT_EXPECT_EQ(submit_bio_wait(&bio), 0);
	KT_EXPECT_EQ(check(b.data, 1024, 8192, 3), -1);
	KT_EXPECT_EQ(check(b.data + 1024, 512, 8192 + 1024, 3 ^ 0xff), -1);
	KT_EXPECT_EQ(check(b.data + 1536, PAGE_SIZE - 1536, 8192 + 1536, 3), -1);
	tbuf_free(&b);
	kshim_bdev_close(bdev);
	cleanup_image(path);
}

/* --- bio building and iteration (no device) ----------------------------------- */

KTEST(bio_add_page_limits_and_merging)
{
	struct bio_vec vecs[3], bv;
	struct bvec_iter iter;
	struct bvec_iter_all iall;
	struct bio_vec *bvl;
	struct folio_iter fi;
	struct tbuf b, fb;
	struct folio *folio;
	struct bio bio;
	int n;

	tbuf_alloc(&b, 4);
	bio_init(&bio, NULL, vecs, 3, REQ_OP_WRITE);
	/* two halves of one page merge into one bvec */
	KT_EXPECT_EQ(bio_add_page(&bio, &b.pages[0], 2048, 0), 2048);
	KT_EXPECT_EQ(bio_add_page(&bio, &b.pages[0], 2048, 2048), 2048);
	KT_EXPECT_EQ(bio.bi_vcnt, 1);
	/* separate order-0 pages never merge, even if their data is adjacent */
	KT_EXPECT_EQ(bio_add_page(&bio, &b.pages[1], PAGE_SIZE, 0), PAGE_SIZE);
	KT_EXPECT_EQ(bio.bi_vcnt, 2);
	KT_EXPECT_EQ(bio_add_page(&bio, &b.pages[2], 512, 512), 512);
	KT_EXPECT_EQ(bio_add_page(&bio, &b.pages[3], 512, 0), 0);	/* full */
	KT_EXPECT_EQ(bio.bi_vcnt, 3);
	KT_EXPECT_EQ(bio.bi_iter.bi_size, 2 * PAGE_SIZE + 512);
	bio.bi_iter.bi_sector = 100;
	KT_EXPECT_EQ(bio_sectors(&bio), 17);
	KT_EXPECT_EQ(bio_end_sector(&bio), 117);
	KT_EXPECT(bio_first_page_all(&bio) == &b.pages[0]);
	KT_EXPECT_EQ(bio_data_dir(&bio), WRITE);
	KT_EXPECT(op_is_write(bio_op(&bio)));
	KT_EXPECT(!op_is_sync(bio.bi_opf));
	KT_EXPECT(op_is_sync(REQ_OP_READ) && op_is_sync(REQ_OP_WRITE | REQ_FUA));
	KT_EXPECT(op_is_flush(REQ_OP_WRITE | REQ_PREFLUSH));
	n = 0;
	bio_for_each_segment(bv, &bio, iter)
		n++;
	KT_EXPECT_EQ(n, 3);
	KT_EXPECT_EQ(bio_segments(&bio), 3);
	/* advancing by 5 KiB lands 1 KiB into the second bvec */
	bio_advance(&bio, 5120);
	KT_EXPECT_EQ(bio.bi_iter.bi_idx, 1);
	KT_EXPECT_EQ(bio.bi_iter.bi_bvec_done, 1024);
	KT_EXPECT_EQ(bio.bi_iter.bi_sector, 110);
	KT_EXPECT(bio_iovec(&bio).bv_page == &b.pages[1]);
	KT_EXPECT_EQ(bio_iovec(&bio).bv_offset, 1024);
	KT_EXPECT_EQ(bio_iovec(&bio).bv_len, 3072);
	n = 0;
	bio_for_each_segment_all(bvl, &bio, iall)
		n++;
	KT_EXPECT_EQ(n, 3);	/* _all ignores bi_iter */

	/* a large folio: one multi-page bvec, one segment per page */
	folio = tfolio_alloc(&fb, 2);
	bio_init(&bio, NULL, vecs, 1, REQ_OP_READ);
	KT_EXPECT(bio_add_folio(&bio, folio, 3 * PAGE_SIZE, 512));
	KT_EXPECT(bio_add_folio(&bio, folio, 512, 3 * PAGE_SIZE + 512));
	KT_EXPECT_EQ(bio.bi_vcnt, 1);
	n = 0;
	bio_for_each_segment(bv, &bio, iter) {
		KT_EXPECT(bv.bv_offset + bv.bv_len <= PAGE_SIZE);
		KT_EXPECT(bv.bv_page == &fb.pages[n]);
		n++;
	}
	KT_EXPECT_EQ(n, 4);
	n = 0;
	bio_for_each_segment_all(bvl, &bio, iall) {
		KT_EXPECT(bvl->bv_page == &fb.pages[n]);
		n++;
	}
	KT_EXPECT_EQ(n, 4);
	n = 0;
	bio_for_each_folio_all(fi, &bio) {
		KT_EXPECT(fi.folio == folio);
		KT_EXPECT_EQ(fi.offset, 512);
		KT_EXPECT_EQ(fi.length, 3 * PAGE_SIZE + 512);
		n++;
	}
	KT_EXPECT_EQ(n, 1);
	/* a clone refuses pages */
	bio_set_flag(&bio, BIO_CLONED);
	KT_EXPECT(bio_flagged(&bio, BIO_CLONED));
	tbuf_free(&fb);
	tbuf_free(&b);
}

KTEST(split_trim_clone_and_refcount)
{
	struct bio *bio, *split, *clone;
	struct bio_vec bv;
	struct bvec_iter iter;
	struct tbuf b;
	int i;

	tbuf_alloc(&b, 4);
	bio = bio_alloc(NULL, 4, REQ_OP_READ, 0);
	for (i = 0; i < 4; i++)
		KT_EXPECT_EQ(bio_add_page(bio, &b.pages[i], PAGE_SIZE, 0), PAGE_SIZE);
	bio->bi_iter.bi_sector = 64;
	split = bio_split(bio, 12, 0, &fs_bio_set);	/* 1.5 pages */
	KT_ASSERT(split);
	KT_EXPECT_EQ(split->bi_iter.bi_sector, 64);
	KT_EXPECT_EQ(bio_sectors(split), 12);
	KT_EXPECT_EQ(bio->bi_iter.bi_sector, 76);
	KT_EXPECT_EQ(bio_sectors(bio), 20);
	KT_EXPECT(bio_flagged(split, BIO_CLONED));
	i = 0;
	bio_for_each_segment(bv, bio, iter) {
		if (!i) {
			KT_EXPECT(bv.bv_page == &b.pages[1]);
			KT_EXPECT_EQ(bv.bv_offset, 2048);
		}
		i++;
	}
	KT_EXPECT_EQ(i, 3);
	bio_trim(bio, 4, 8);
	KT_EXPECT_EQ(bio->bi_iter.bi_sector, 80);
	KT_EXPECT_EQ(bio_sectors(bio), 8);
	clone = bio_alloc_clone(NULL, bio, 0, &fs_bio_set);
	KT_EXPECT_EQ(clone->bi_iter.bi_sector, 80);
	KT_EXPECT(clone->bi_io_vec == bio->bi_io_vec);
	/* references: bio_get keeps it alive across one bio_put */
	bio_get(bio);
	bio_put(bio);
	KT_EXPECT_EQ(atomic_read(&bio->__bi_cnt), 1);
	bio_put(bio);
	bio_put(split);
	bio_put(clone);
	KT_EXPECT_EQ(atomic_long_read(&fs_bio_set.kshim_nr_allocated), 0);
	tbuf_free(&b);
}

struct padded {
	int tag;
	struct bio bio;		/* last: inline vecs follow */
};

static struct bio_set padded_set;

KTEST(bioset_front_pad_and_bio_list)
{
	struct bio_list list = BIO_EMPTY_LIST;
	struct bio *bio;
	struct padded *p;
	int i;

	KT_EXPECT_EQ(bioset_init(&padded_set, 4, offsetof(struct padded, bio), 0), 0);
	KT_EXPECT(bioset_initialized(&padded_set));
	bio = bio_alloc_bioset(NULL, 2, REQ_OP_WRITE, 0, &padded_set);
	KT_ASSERT(bio);
	p = container_of(bio, struct padded, bio);
	p->tag = 77;	/* the pad is ours to write */
	KT_EXPECT_EQ(bio->bi_max_vecs, 2);
	KT_EXPECT(bio->bi_io_vec == bio->bi_inline_vecs);
	bio_put(bio);
	KT_EXPECT_EQ(atomic_long_read(&padded_set.kshim_nr_allocated), 0);
	bioset_exit(&padded_set);

	for (i = 0; i < 3; i++)
		bio_list_add(&list, bio_alloc(NULL, 0, REQ_OP_READ, 0));
	KT_EXPECT_EQ(bio_list_size(&list), 3);
	while ((bio = bio_list_pop(&list)))
		bio_put(bio);
	KT_EXPECT(bio_list_empty(&list));
	/* over BIO_MAX_VECS cannot come from a bio_set */
	KT_EXPECT(bio_alloc(NULL, BIO_MAX_VECS + 1, REQ_OP_READ, 0) == NULL);
}

KTEST(status_errno_mapping)
{
	KT_EXPECT_EQ(blk_status_to_errno(BLK_STS_OK), 0);
	KT_EXPECT_EQ(blk_status_to_errno(BLK_STS_IOERR), -EIO);
	KT_EXPECT_EQ(blk_status_to_errno(BLK_STS_NOSPC), -ENOSPC);
	KT_EXPECT_EQ(blk_status_to_errno(BLK_STS_NOTSUPP), -EOPNOTSUPP);
	KT_EXPECT_EQ(blk_status_to_errno(BLK_STS_AGAIN), -EAGAIN);
	KT_EXPECT_EQ(blk_status_to_errno(BLK_STS_RESOURCE), -ENOMEM);
	KT_EXPECT_EQ(blk_status_to_errno(BLK_STS_MEDIUM), -ENODATA);
	KT_EXPECT_EQ(blk_status_to_errno(BLK_STS_PROTECTION), -EILSEQ);
	KT_EXPECT_EQ(errno_to_blk_status(0), BLK_STS_OK);
	KT_EXPECT_EQ(errno_to_blk_status(-ENOSPC), BLK_STS_NOSPC);
	KT_EXPECT_EQ(errno_to_blk_status(-EIO), BLK_STS_IOERR);
	KT_EXPECT_EQ(errno_to_blk_status(-EINVAL), BLK_STS_INVAL);
	KT_EXPECT_EQ(errno_to_blk_status(-EPERM), BLK_STS_IOERR);
	KT_EXPECT(blk_path_error(BLK_STS_IOERR));
	KT_EXPECT(!blk_path_error(BLK_STS_NOSPC));
}

KTEST(close_drains_inflight_bios)
{
	struct block_device *bdev;
	struct tdone t;
	struct tbuf b;
	char path[1024];
	int i;

	make_image(path, "close.img", 4 * MiB);
	bdev = kshim_bdev_open(path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(bdev));
	KT_EXPECT_STREQ(kshim_bdev_name(bdev), "close.img");
	KT_EXPECT_EQ(bdev->bd_dev >> 20, 7);
	tbuf_alloc(&b, 16);
	tdone_init(&t, true);
	for (i = 0; i < 256; i++)
		submit_bio(page_bio(bdev, i % 2 ? REQ_OP_WRITE : REQ_OP_READ, &b,
				    i % 16, 1, (u64)i * PAGE_SIZE, &t));
	kshim_bdev_close(bdev);
	KT_EXPECT_EQ(tdone_count(&t), 256);
	tbuf_free(&b);
	cleanup_image(path);
}
