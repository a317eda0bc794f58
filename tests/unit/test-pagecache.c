// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of the page cache, readahead, truncation, buffer heads and
 * iov_iter (vfs-fuse/filemap.c, readahead.c, truncate.c, buffer.c,
 * mpage.c, iov_iter.c): a fake file whose ->read_folio maps its blocks
 * 1:1 onto an image file opened as a block device, and the block
 * device's own mapping under sb_bread().
 * Images live in a fresh directory under $KSHIM_TEST_DIR, /var/tmp or /tmp.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/buffer_head.h>
#include <linux/mpage.h>
#include <linux/blkdev.h>
#include <linux/bvec.h>
#include <linux/uio.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <kshim/host.h>
#include <kshim/host-aio.h>
#include <kshim/runtime.h>
#include "../../vfs-fuse/kshim-vfs-internal.h"
#include "ktest.h"

/*
 * The page cache calls into the VFS core for a few things (dirtying an
 * inode, atime, inode sync).  This program links the page cache alone
 * when the core is not there, so weak stand-ins keep it linkable; the
 * core's real definitions win whenever they are linked in.
 */
__weak void __mark_inode_dirty(struct inode *inode, int flags)
{
}

__weak void touch_atime(const struct path *path)
{
}

__weak int sync_inode_metadata(struct inode *inode, int wait)
{
	return 0;
}

__weak const struct address_space_operations empty_aops;

#define IMG_SIZE (8UL << 20)

/* --- image and device ------------------------------------------------------ */

static char test_dir[512];
static char img_path[1024];

static u8 pattern(u64 off)
{
	return (u8)((off * 7) ^ (off >> 9) ^ (off >> 17));
}

static void make_image(void)
{
	static u8 buf[65536];
	unsigned long off, i;

	KT_ASSERT_EQ(kshim_host_file_mkdtemp(test_dir, sizeof(test_dir), "pc"), 0);
	snprintf(img_path, sizeof(img_path), "%s/pc.img", test_dir);
	KT_ASSERT_EQ(kshim_host_file_create(img_path, IMG_SIZE, 0600), 0);
	for (off = 0; off < IMG_SIZE; off += sizeof(buf)) {
		for (i = 0; i < sizeof(buf); i++)
			buf[i] = pattern(off + i);
		KT_ASSERT_EQ(kshim_host_file_pwrite(img_path, buf, sizeof(buf), off),
			     (long)sizeof(buf));
	}
}

static void remove_image(void)
{
	kshim_host_file_remove(img_path);
	kshim_host_file_remove(test_dir);
}

static bool check_pattern(const u8 *p, u64 off, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != pattern(off + i))
			return false;
	return true;
}

/* --- a fake file over the device ---------------------------------------------- */

struct fake {
	struct block_device *bdev;
	struct super_block sb;
	struct inode inode;
	struct file file;
	struct address_space_operations aops;
	atomic_t read_folio_calls;
	atomic_t read_folio_unlocked;	/* entered with the folio unlocked */
	/* readahead calls seen */
	int nr_ra;
	pgoff_t ra_index[64];
	unsigned int ra_count[64];
};

static struct fake *the_fake;

static int fake_get_block(struct inode *inode, sector_t iblock,
			  struct buffer_head *bh, int create)
{
	map_bh(bh, inode->i_sb, iblock);
	bh->b_bdev = the_fake->bdev;
	return 0;
}

static int fake_read_folio(struct file *file, struct folio *folio)
{
	atomic_inc(&the_fake->read_folio_calls);
	if (!folio_test_locked(folio))
		atomic_inc(&the_fake->read_folio_unlocked);
	return block_read_full_folio(folio, fake_get_block);
}

static void fake_readahead(struct readahead_control *rac)
{
	struct fake *f = the_fake;

	if (f->nr_ra < (int)ARRAY_SIZE(f->ra_index)) {
		f->ra_index[f->nr_ra] = readahead_index(rac);
		f->ra_count[f->nr_ra] = readahead_count(rac);
	}
	f->nr_ra++;
	mpage_readahead(rac, fake_get_block);
}

static struct fake *fake_open(unsigned int blkbits, loff_t size, bool ra)
{
	struct fake *f = kzalloc(sizeof(*f), GFP_KERNEL);

	KT_ASSERT(f);
	the_fake = f;
	f->bdev = kshim_bdev_open(img_path, BLK_OPEN_READ | BLK_OPEN_WRITE);
	KT_ASSERT(!IS_ERR(f->bdev));
	KT_ASSERT_EQ(kshim_bdev_attach_mapping(f->bdev), 0);
	f->sb.s_bdev = f->bdev;
	f->sb.s_maxbytes = MAX_LFS_FILESIZE;
	KT_ASSERT_EQ(sb_set_blocksize(&f->sb, 1 << blkbits), 1 << blkbits);

	f->aops.read_folio = fake_read_folio;
	if (ra)
		f->aops.readahead = fake_readahead;
	f->inode.i_mode = S_IFREG | 0644;
	f->inode.i_sb = &f->sb;
	f->inode.i_blkbits = blkbits;
	f->inode.i_size = size;
	INIT_LIST_HEAD(&f->inode.i_io_list);
	kshim_mapping_init(&f->inode.i_data, &f->inode);
	f->inode.i_data.a_ops = &f->aops;
	f->inode.i_mapping = &f->inode.i_data;

	f->file.f_mapping = &f->inode.i_data;
	f->file.f_inode = &f->inode;
	f->file.f_mode = FMODE_READ;
	f->file.f_flags = O_NOATIME;
	file_ra_state_init(&f->file.f_ra, f->file.f_mapping);
	return f;
}

static void fake_close(struct fake *f)
{
	truncate_inode_pages_final(&f->inode.i_data);
	KT_EXPECT_EQ(f->inode.i_data.nrpages, 0);
	kshim_bdev_detach_mapping(f->bdev);
	kshim_bdev_close(f->bdev);
	kfree(f);
	the_fake = NULL;
}

static ssize_t fake_read(struct fake *f, loff_t pos, void *buf, size_t len)
{
	struct kvec kv = { .iov_base = buf, .iov_len = len };
	struct kiocb iocb = { .ki_filp = &f->file, .ki_pos = pos };
	struct iov_iter iter;

	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, len);
	return generic_file_read_iter(&iocb, &iter);
}

/* --- page cache -------------------------------------------------------------------- */

KTEST(read_folio_locked_then_uptodate)
{
	struct fake *f;
	struct folio *folio, *again;

	make_image();
	f = fake_open(10, IMG_SIZE, false);

	folio = read_mapping_folio(f->file.f_mapping, 5, NULL);
	KT_ASSERT(!IS_ERR(folio));
	KT_EXPECT_EQ(atomic_read(&f->read_folio_calls), 1);
	KT_EXPECT_EQ(atomic_read(&f->read_folio_unlocked), 0);
	KT_EXPECT(folio_test_uptodate(folio));
	KT_EXPECT(!folio_test_locked(folio));
	KT_EXPECT_EQ(folio->index, 5);
	KT_EXPECT(folio->mapping == f->file.f_mapping);
	KT_EXPECT(check_pattern(folio_address(folio), 5 * PAGE_SIZE, PAGE_SIZE));
	/* the cache's reference and ours */
	KT_EXPECT_EQ(folio_ref_count(folio), 2 + !!folio_buffers(folio));

	/* cached: same folio, no second read */
	again = read_mapping_folio(f->file.f_mapping, 5, NULL);
	KT_ASSERT(again == folio);
	KT_EXPECT_EQ(atomic_read(&f->read_folio_calls), 1);
	folio_put(again);
	folio_put(folio);

	fake_close(f);
	remove_image();
}

struct race_arg {
	struct address_space *mapping;
	struct folio **got;
	unsigned long n;
};

static void *race_creator(void *p)
{
	struct race_arg *a = p;
	unsigned long i;

	kshim_thread_enter("pc-race");
	for (i = 0; i < a->n; i++) {
		struct folio *folio = __filemap_get_folio(a->mapping, i, FGP_CREAT,
							  GFP_KERNEL);

		a->got[i] = IS_ERR(folio) ? NULL : folio;
	}
	return NULL;
}

KTEST(concurrent_creators_get_one_folio)
{
	enum { THREADS = 4, N = 4096 };
	static struct folio *got[THREADS][N];
	struct race_arg args[THREADS];
	kshim_host_thread_t th[THREADS];
	struct address_space mapping;
	struct inode host = { .i_mode = S_IFREG };
	unsigned long before = kshim_pagecache_folios();
	int t, bad = 0;
	unsigned long i;

	kshim_mapping_init(&mapping, &host);
	host.i_mapping = &mapping;
	for (t = 0; t < THREADS; t++) {
		args[t] = (struct race_arg){ &mapping, got[t], N };
		KT_ASSERT_EQ(kshim_host_thread_create(&th[t], "pc-race",
						      race_creator, &args[t]), 0);
	}
	for (t = 0; t < THREADS; t++)
		kshim_host_thread_join(th[t], NULL);

	KT_EXPECT_EQ(mapping.nrpages, N);
	KT_EXPECT_EQ(kshim_pagecache_folios() - before, N);
	for (i = 0; i < N; i++) {
		for (t = 0; t < THREADS; t++)
			if (!got[t][i] || got[t][i] != got[0][i])
				bad++;
		if (got[0][i] && folio_ref_count(got[0][i]) != THREADS + 1)
			bad++;
		if (got[0][i] && folio_test_locked(got[0][i]))
			bad++;
	}
	KT_EXPECT_EQ(bad, 0);
	for (t = 0; t < THREADS; t++)
		for (i = 0; i < N; i++)
			if (got[t][i])
				folio_put(got[t][i]);
	truncate_inode_pages_final(&mapping);
	KT_EXPECT_EQ(mapping.nrpages, 0);
	KT_EXPECT_EQ(kshim_pagecache_folios(), before);
}

KTEST(read_error_leaves_folio_not_uptodate)
{
	struct fake *f;
	struct folio *folio;
	char buf[100];

	make_image();
	f = fake_open(12, IMG_SIZE, false);
	kshim_bdev_inject_error(f->bdev, &(struct kshim_bdev_fault){
		.start = 3 * 8, .nr_sectors = 8, .ops = KSHIM_FAULT_READ });

	folio = read_mapping_folio(f->file.f_mapping, 3, NULL);
	KT_ASSERT(IS_ERR(folio));
	KT_EXPECT_EQ(PTR_ERR(folio), -EIO);
	folio = filemap_get_folio(f->file.f_mapping, 3);
	KT_ASSERT(!IS_ERR(folio));
	KT_EXPECT(!folio_test_uptodate(folio));
	KT_EXPECT(!folio_test_locked(folio));
	folio_put(folio);
	/* the read() path reports the error too */
	KT_EXPECT_EQ(fake_read(f, 3 * PAGE_SIZE + 10, buf, sizeof(buf)), -EIO);

	/* once the device is healthy, a new read fills the same folio */
	kshim_bdev_clear_errors(f->bdev);
	KT_EXPECT_EQ(fake_read(f, 3 * PAGE_SIZE + 10, buf, sizeof(buf)),
		     (long)sizeof(buf));
	KT_EXPECT(check_pattern((u8 *)buf, 3 * PAGE_SIZE + 10, sizeof(buf)));
	fake_close(f);
	remove_image();
}

KTEST(filemap_read_stops_at_i_size)
{
	struct fake *f;
	static u8 buf[3 * 4096];
	loff_t size = 2 * PAGE_SIZE + 123;

	make_image();
	f = fake_open(10, size, true);
	memset(buf, 0xee, sizeof(buf));
	KT_EXPECT_EQ(fake_read(f, 100, buf, sizeof(buf)), size - 100);
	KT_EXPECT(check_pattern(buf, 100, size - 100));
	KT_EXPECT_EQ(buf[size - 100], 0xee);	/* nothing past EOF copied */
	/* the readahead window was clamped to the three pages of the file */
	KT_EXPECT_EQ(f->nr_ra, 1);
	KT_EXPECT_EQ(f->ra_count[0], 3);
	/* at and past EOF: 0 */
	KT_EXPECT_EQ(fake_read(f, size, buf, 10), 0);
	KT_EXPECT_EQ(fake_read(f, size + 5000, buf, 10), 0);
	/* the tail of the last folio is zeroes, never device data */
	{
		struct folio *folio = filemap_get_folio(f->file.f_mapping, 2);
		u8 *p;

		KT_ASSERT(!IS_ERR(folio));
		p = folio_address(folio);
		KT_EXPECT(p[1024] == 0 && p[4095] == 0);
		folio_put(folio);
	}
	fake_close(f);
	remove_image();
}

KTEST(readahead_window_grows_on_sequential_reads)
{
	struct fake *f;
	static u8 buf[4096];
	loff_t pos;
	int bad = 0;

	make_image();
	f = fake_open(12, IMG_SIZE, true);
	for (pos = 0; pos < (2 << 20); pos += sizeof(buf)) {
		KT_ASSERT_EQ(fake_read(f, pos, buf, sizeof(buf)), (long)sizeof(buf));
		if (!check_pattern(buf, pos, sizeof(buf)))
			bad++;
	}
	KT_EXPECT_EQ(bad, 0);
	/* 128 KiB, then doubling at each readahead mark up to 1 MiB */
	KT_ASSERT_EQ(f->nr_ra, 6);
	KT_EXPECT_EQ(f->ra_index[0], 0);
	KT_EXPECT_EQ(f->ra_count[0], 32);
	KT_EXPECT_EQ(f->ra_index[1], 32);
	KT_EXPECT_EQ(f->ra_count[1], 64);
	KT_EXPECT_EQ(f->ra_index[2], 96);
	KT_EXPECT_EQ(f->ra_count[2], 128);
	KT_EXPECT_EQ(f->ra_index[3], 224);
	KT_EXPECT_EQ(f->ra_count[3], 256);
	KT_EXPECT_EQ(f->ra_index[4], 480);
	KT_EXPECT_EQ(f->ra_count[4], 256);
	/* reading the mark at 480 already asked for the window after it */
	KT_EXPECT_EQ(f->ra_index[5], 736);
	KT_EXPECT_EQ(f->ra_count[5], 256);
	/* every read went through ->readahead, none through ->read_folio */
	KT_EXPECT_EQ(atomic_read(&f->read_folio_calls), 0);
	fake_close(f);

	/* random access: only what is asked for, cached pages skipped */
	f = fake_open(12, IMG_SIZE, true);
	f->file.f_mode |= FMODE_RANDOM;
	KT_EXPECT_EQ(fake_read(f, 100 * PAGE_SIZE, buf, sizeof(buf)),
		     (long)sizeof(buf));
	KT_EXPECT_EQ(f->nr_ra, 1);
	KT_EXPECT_EQ(f->ra_count[0], 1);
	KT_EXPECT_EQ(fake_read(f, 100 * PAGE_SIZE + 10, buf, 10), 10);
	KT_EXPECT_EQ(f->nr_ra, 1);		/* cached: no new readahead */
	fake_close(f);
	remove_image();
}

KTEST(truncate_removes_folios)
{
	struct fake *f;
	struct folio *folio, *held;
	unsigned long i;
	u8 *p;

	make_image();
	f = fake_open(10, IMG_SIZE, false);
	for (i = 0; i < 10; i++) {
		folio = read_mapping_folio(f->file.f_mapping, i, NULL);
		KT_ASSERT(!IS_ERR(folio));
		folio_put(folio);
	}
	held = read_mapping_folio(f->file.f_mapping, 7, NULL);
	KT_ASSERT(!IS_ERR(held));
	KT_EXPECT_EQ(f->inode.i_data.nrpages, 10);

	truncate_inode_pages(&f->inode.i_data, 3 * PAGE_SIZE + 100);
	KT_EXPECT_EQ(f->inode.i_data.nrpages, 4);
	for (i = 4; i < 10; i++)
		KT_EXPECT(IS_ERR(filemap_get_folio(f->file.f_mapping, i)));
	/* a removed folio we still hold is detached, not freed */
	KT_EXPECT(held->mapping == NULL);
	KT_EXPECT(!folio_buffers(held));
	KT_EXPECT_EQ(folio_ref_count(held), 1);
	folio_put(held);

	/* the straddling folio keeps its head, loses its tail */
	folio = filemap_get_folio(f->file.f_mapping, 3);
	KT_ASSERT(!IS_ERR(folio));
	p = folio_address(folio);
	KT_EXPECT(check_pattern(p, 3 * PAGE_SIZE, 100));
	KT_EXPECT(p[100] == 0 && p[PAGE_SIZE - 1] == 0);
	folio_put(folio);

	/* invalidate drops clean unused folios, not a referenced one */
	folio = filemap_get_folio(f->file.f_mapping, 1);
	KT_ASSERT(!IS_ERR(folio));
	KT_EXPECT_EQ(invalidate_mapping_pages(f->file.f_mapping, 0, -1), 3);
	KT_EXPECT_EQ(f->inode.i_data.nrpages, 1);
	folio_put(folio);

	truncate_inode_pages_final(&f->inode.i_data);
	KT_EXPECT_EQ(f->inode.i_data.nrpages, 0);
	fake_close(f);
	remove_image();
}

/* --- buffer heads ----------------------------------------------------------------- */

/*
 * The I/O's own reference is dropped just after the buffer is unlocked
 * (end_buffer_read_sync, as in the kernel): let it settle, then read.
 */
static int bh_count(struct buffer_head *bh, int expect)
{
	int i;

	/* generous: the completion thread may be descheduled for a while */
	for (i = 0; i < 5000 && atomic_read(&bh->b_count) != expect; i++)
		msleep(1);
	return atomic_read(&bh->b_count);
}

KTEST(sb_bread_twice_reads_once)
{
	struct fake *f;
	struct kshim_aio_stats st1, st2;
	struct buffer_head *bh, *bh2;

	make_image();
	f = fake_open(10, IMG_SIZE, false);
	bh = sb_bread(&f->sb, 5);
	KT_ASSERT(bh);
	KT_EXPECT_EQ(bh_count(bh, 1), 1);
	KT_EXPECT(buffer_uptodate(bh) && buffer_mapped(bh) && !buffer_locked(bh));
	KT_EXPECT_EQ(bh->b_size, 1024);
	KT_EXPECT(check_pattern((u8 *)bh->b_data, 5 * 1024, 1024));
	/* the block lives in the device's page cache */
	KT_EXPECT(bh->b_folio->mapping == f->bdev->bd_mapping);
	kshim_bdev_get_stats(f->bdev, &st1);

	bh2 = sb_bread(&f->sb, 5);
	KT_ASSERT(bh2 == bh);
	KT_EXPECT_EQ(bh_count(bh, 2), 2);
	/* a neighbour in the same folio is found without reading either */
	brelse(sb_getblk(&f->sb, 6));
	kshim_bdev_get_stats(f->bdev, &st2);
	KT_EXPECT_EQ(st2.iocbs + st2.sync_fallbacks, st1.iocbs + st1.sync_fallbacks);

	brelse(bh2);
	KT_EXPECT_EQ(bh_count(bh, 1), 1);
	brelse(bh);
	KT_EXPECT_EQ(bh_count(bh, 0), 0);
	brelse(NULL);

	/* a failed read gives NULL and leaves no reference behind */
	kshim_bdev_inject_error(f->bdev, &(struct kshim_bdev_fault){
		.start = 40 * 2, .nr_sectors = 2, .ops = KSHIM_FAULT_READ });
	KT_EXPECT(sb_bread(&f->sb, 40) == NULL);
	bh = sb_find_get_block(&f->sb, 40);
	KT_ASSERT(bh);
	KT_EXPECT_EQ(bh_count(bh, 1), 1);
	KT_EXPECT(!buffer_uptodate(bh));
	brelse(bh);
	kshim_bdev_clear_errors(f->bdev);
	bh = sb_bread(&f->sb, 40);
	KT_ASSERT(bh);
	KT_EXPECT(check_pattern((u8 *)bh->b_data, 40 * 1024, 1024));
	brelse(bh);

	/* a new block size drops the old buffers and serves the new one */
	KT_EXPECT_EQ(sb_set_blocksize(&f->sb, 4096), 4096);
	bh = sb_bread(&f->sb, 3);
	KT_ASSERT(bh);
	KT_EXPECT_EQ(bh->b_size, 4096);
	KT_EXPECT(check_pattern((u8 *)bh->b_data, 3 * 4096, 4096));
	brelse(bh);
	fake_close(f);
	remove_image();
}

struct lock_arg {
	struct buffer_head *bh;
	unsigned long *counter;
	int loops;
};

static void *lock_worker(void *p)
{
	struct lock_arg *a = p;
	int i;

	kshim_thread_enter("pc-lock");
	for (i = 0; i < a->loops; i++) {
		unsigned long v;

		lock_buffer(a->bh);
		v = READ_ONCE(*a->counter);
		if (!(i & 63))
			cond_resched();
		WRITE_ONCE(*a->counter, v + 1);
		unlock_buffer(a->bh);
	}
	return NULL;
}

KTEST(lock_buffer_excludes)
{
	enum { THREADS = 3, LOOPS = 20000 };
	struct fake *f;
	struct buffer_head *bh;
	struct lock_arg args[THREADS];
	kshim_host_thread_t th[THREADS];
	unsigned long counter = 0;
	int t;

	make_image();
	f = fake_open(10, IMG_SIZE, false);
	bh = sb_getblk(&f->sb, 9);
	KT_ASSERT(bh);
	lock_buffer(bh);
	KT_EXPECT(!trylock_buffer(bh));
	unlock_buffer(bh);
	KT_EXPECT(trylock_buffer(bh));
	unlock_buffer(bh);

	for (t = 0; t < THREADS; t++) {
		args[t] = (struct lock_arg){ bh, &counter, LOOPS };
		KT_ASSERT_EQ(kshim_host_thread_create(&th[t], "pc-lock",
						      lock_worker, &args[t]), 0);
	}
	for (t = 0; t < THREADS; t++)
		kshim_host_thread_join(th[t], NULL);
	KT_EXPECT_EQ(counter, THREADS * LOOPS);
	KT_EXPECT(!buffer_locked(bh));
	brelse(bh);
	fake_close(f);
	remove_image();
}

KTEST(mark_dirty_and_sync_reach_the_image)
{
	struct fake *f;
	struct buffer_head *bh, *bh2;
	u8 host[1024];
	int i, bad = 0;

	make_image();
	f = fake_open(10, IMG_SIZE, false);
	bh = sb_bread(&f->sb, 7);
	KT_ASSERT(bh);
	memset(bh->b_data, 0xab, 1024);
	mark_buffer_dirty(bh);
	KT_EXPECT(buffer_dirty(bh));
	KT_EXPECT(folio_test_dirty(bh->b_folio));
	KT_EXPECT_EQ(sync_dirty_buffer(bh), 0);
	KT_EXPECT(!buffer_dirty(bh));
	KT_EXPECT_EQ(kshim_host_file_pread(img_path, host, sizeof(host), 7 * 1024),
		     (long)sizeof(host));
	for (i = 0; i < 1024; i++)
		bad += host[i] != 0xab;
	KT_EXPECT_EQ(bad, 0);
	/* the neighbours in the same folio were not written */
	KT_EXPECT_EQ(kshim_host_file_pread(img_path, host, sizeof(host), 6 * 1024),
		     (long)sizeof(host));
	KT_EXPECT(check_pattern(host, 6 * 1024, 1024));

	/* writeback of the device mapping: sync_blockdev() */
	bh2 = sb_bread(&f->sb, 300);
	KT_ASSERT(bh2);
	memset(bh2->b_data, 0x5c, 1024);
	mark_buffer_dirty(bh2);
	KT_EXPECT_EQ(sync_blockdev(f->bdev), 0);
	KT_EXPECT(!buffer_dirty(bh2));
	KT_EXPECT(!folio_test_dirty(bh2->b_folio));
	KT_EXPECT(!folio_test_writeback(bh2->b_folio));
	KT_EXPECT_EQ(kshim_host_file_pread(img_path, host, sizeof(host), 300 * 1024),
		     (long)sizeof(host));
	for (bad = 0, i = 0; i < 1024; i++)
		bad += host[i] != 0x5c;
	KT_EXPECT_EQ(bad, 0);

	/* a write error comes back from sync_dirty_buffer */
	kshim_bdev_inject_error(f->bdev, &(struct kshim_bdev_fault){
		.start = 7 * 2, .nr_sectors = 2, .ops = KSHIM_FAULT_WRITE });
	mark_buffer_dirty(bh);
	KT_EXPECT_EQ(sync_dirty_buffer(bh), -EIO);
	KT_EXPECT(buffer_write_io_error(bh));
	kshim_bdev_clear_errors(f->bdev);
	brelse(bh2);
	brelse(bh);
	fake_close(f);
	remove_image();
}

KTEST(block_read_full_folio_maps_holes_and_blocks)
{
	struct fake *f;
	struct folio *folio;
	struct buffer_head *head, *bh;
	int n = 0;

	make_image();
	/* 1 KiB blocks, file of 2.5 blocks: block 3 of page 0 is past EOF */
	f = fake_open(10, 2 * 1024 + 512, false);
	folio = read_mapping_folio(f->file.f_mapping, 0, NULL);
	KT_ASSERT(!IS_ERR(folio));
	head = folio_buffers(folio);
	KT_ASSERT(head);
	bh = head;
	do {
		KT_EXPECT(buffer_uptodate(bh));
		KT_EXPECT_EQ(bh->b_size, 1024);
		n++;
		bh = bh->b_this_page;
	} while (bh != head);
	KT_EXPECT_EQ(n, 4);
	KT_EXPECT(check_pattern(folio_address(folio), 0, 3 * 1024));
	KT_EXPECT(((u8 *)folio_address(folio))[3 * 1024] == 0);
	folio_put(folio);
	fake_close(f);
	remove_image();
}

/* --- iov_iter ------------------------------------------------------------------- */

KTEST(iov_iter_copies_across_segments)
{
	static u8 a[5], b[100], c[3], src[200], out[200];
	struct kvec kv[4] = {
		{ a, sizeof(a) }, { NULL, 0 }, { b, sizeof(b) }, { c, sizeof(c) },
	};
	struct folio *f1, *f2;
	struct bio_vec bv[2];
	struct iov_iter it;
	int i;

	for (i = 0; i < (int)sizeof(src); i++)
		src[i] = i + 1;
	iov_iter_kvec(&it, ITER_DEST, kv, 4, 108);
	KT_EXPECT_EQ(iov_iter_count(&it), 108);
	KT_EXPECT_EQ(copy_to_iter(src, 50, &it), 50);
	KT_EXPECT_EQ(iov_iter_count(&it), 58);
	KT_EXPECT(a[0] == 1 && a[4] == 5 && b[0] == 6 && b[44] == 50 && b[45] == 0);
	/* revert across the empty segment and into the first */
	iov_iter_revert(&it, 47);
	KT_EXPECT_EQ(iov_iter_count(&it), 105);
	KT_EXPECT_EQ(copy_to_iter(src + 100, 4, &it), 4);
	KT_EXPECT(a[3] == 101 && a[4] == 102 && b[0] == 103 && b[1] == 104);
	/* more than the iterator holds: only what fits */
	KT_EXPECT_EQ(copy_to_iter(src, 200, &it), 101);
	KT_EXPECT(c[2] == 101);
	KT_EXPECT_EQ(iov_iter_count(&it), 0);
	KT_EXPECT_EQ(copy_to_iter(src, 1, &it), 0);

	/* the wrong direction copies nothing */
	iov_iter_kvec(&it, ITER_DEST, kv, 4, 108);
	KT_EXPECT_EQ(copy_from_iter(out, 10, &it), 0);

	/* a source over two folios, read back piecewise */
	f1 = folio_alloc(GFP_KERNEL, 0);
	f2 = folio_alloc(GFP_KERNEL, 0);
	KT_ASSERT(f1 && f2);
	memset(folio_address(f1), 0x11, PAGE_SIZE);
	memset(folio_address(f2), 0x22, PAGE_SIZE);
	bvec_set_folio(&bv[0], f1, PAGE_SIZE - 10, 10);
	bvec_set_folio(&bv[1], f2, 20, 100);
	iov_iter_bvec(&it, ITER_SOURCE, bv, 2, PAGE_SIZE + 10);
	KT_EXPECT_EQ(iov_iter_alignment(&it) & 3, 2);
	iov_iter_advance(&it, PAGE_SIZE - 15);
	KT_EXPECT_EQ(copy_from_iter(out, 10, &it), 10);
	KT_EXPECT(out[0] == 0x11 && out[4] == 0x11 && out[5] == 0x22 && out[9] == 0x22);
	KT_EXPECT_EQ(iov_iter_count(&it), 15);
	KT_EXPECT_EQ(copy_from_iter(out, 100, &it), 15);

	/* zeroing into a bvec destination, and a discard sink */
	iov_iter_bvec(&it, ITER_DEST, bv, 2, PAGE_SIZE + 10);
	KT_EXPECT_EQ(iov_iter_zero(PAGE_SIZE, &it), PAGE_SIZE);
	KT_EXPECT(((u8 *)folio_address(f2))[100] == 0);
	KT_EXPECT(((u8 *)folio_address(f2))[110] == 0x22);
	KT_EXPECT(((u8 *)folio_address(f1))[9] == 0x11);
	iov_iter_discard(&it, ITER_DEST, 30);
	KT_EXPECT_EQ(copy_to_iter(src, 50, &it), 30);
	folio_put(f1);
	folio_put(f2);

	/* copy_page_to_iter from a page-cache-like folio into a ubuf */
	{
		struct folio *f3 = folio_alloc(GFP_KERNEL, 0);
		struct iov_iter u;

		KT_ASSERT(f3);
		memset(folio_address(f3), 0x33, PAGE_SIZE);
		iov_iter_ubuf(&u, ITER_DEST, out, 64);
		KT_EXPECT_EQ(copy_folio_to_iter(f3, PAGE_SIZE - 16, 16, &u), 16);
		KT_EXPECT(out[0] == 0x33 && out[15] == 0x33);
		KT_EXPECT_EQ(iov_iter_count(&u), 48);
		iov_iter_revert(&u, 16);
		KT_EXPECT_EQ(iov_iter_count(&u), 64);
		folio_put(f3);
	}
}
