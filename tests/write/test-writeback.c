// SPDX-License-Identifier: GPL-2.0-only
/*
 * Write-path tests (writeback): the flusher, unmount, fsync, the memory
 * cap, dirty throttling and a failing device, over fresh images of every
 * variant.  Each case ends with the filesystem's own checker reporting a
 * clean image wherever the image is meant to be intact.
 *
 * Durability is checked on the image file itself: a copy taken while the
 * original is still mounted is mounted read-only (after the repairing
 * checker when the filesystem was not unmounted) and its bytes compared.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/blkdev.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/writeback.h>
#include <kshim/vfs.h>
#include "ktest.h"
#include "wtest.h"
#include "../../vfs-fuse/api-internal.h"
#include "../../vfs-fuse/kshim-vfs-internal.h"

#define O_RDONLY_ 00
#define O_WRONLY_ 01
#define O_RDWR_ 02
#define O_DIRECTORY_ 0200000

#define CHUNK (64 * 1024)

static struct kshim_file *create_file(struct kshim_fs *fs, const char *name)
{
	struct kshim_node *root = wt_root(fs);
	struct kshim_file *file = NULL;
	int err;

	err = kshim_create(root, name, S_IFREG | 0644, O_RDWR_, NULL, &file);
	kshim_node_put(root, 1);
	if (err) {
		ktest_failf(__FILE__, __LINE__, "create %s: %d", name, err);
		ktest_abort_case();
	}
	return file;
}

/* @size bytes of pattern @seed from offset 0, in CHUNK writes */
static void write_pattern(struct kshim_file *file, unsigned long long size,
			  unsigned int seed)
{
	KT_ASSERT_EQ(wt_write_pattern(file, 0, size, seed, CHUNK), 0);
}

static void write_new_file(struct kshim_fs *fs, const char *name,
			   unsigned long long size, unsigned int seed)
{
	struct kshim_file *file = create_file(fs, name);

	write_pattern(file, size, seed);
	KT_ASSERT_EQ(kshim_release(file), 0);
}

/* true when @path holds exactly @size bytes of pattern @seed */
static bool file_matches(struct kshim_fs *fs, const char *path,
			 unsigned long long size, unsigned int seed)
{
	struct kshim_node *node = NULL;
	struct kshim_file *file = NULL;
	struct kshim_stat st;
	bool ok;

	if (kshim_lookup_path(fs, path, &node)) {
		ktest_note("%s: not found", path);
		return false;
	}
	if (kshim_getattr(node, &st) || st.size != size ||
	    kshim_open(node, O_RDONLY_, &file)) {
		ktest_note("%s: size %llu, expected %llu", path, st.size, size);
		kshim_node_put(node, 1);
		return false;
	}
	ok = wt_check_pattern(file, 0, size, seed) == -1;
	if (!ok)
		ktest_note("%s: not the data written", path);
	kshim_release(file);
	kshim_node_put(node, 1);
	return ok;
}

static struct super_block *sb_of(struct kshim_fs *fs)
{
	struct kshim_node *root = wt_root(fs);
	struct super_block *sb = D(root)->d_sb;

	kshim_node_put(root, 1);
	return sb;
}

static bool inode_dirty(struct kshim_fs *fs, const char *path)
{
	struct kshim_node *node = wt_node(fs, path);
	bool dirty = READ_ONCE(D(node)->d_inode->i_state) & I_DIRTY_ALL;

	kshim_node_put(node, 1);
	return dirty;
}

static bool bdev_cache_dirty(struct kshim_fs *fs)
{
	struct address_space *cache = sb_of(fs)->s_bdev->bd_mapping;

	return READ_ONCE(cache->host->i_state) & I_DIRTY_PAGES;
}

/* copy the image as it is on "disk" now; returns the copy's path */
static const char *copy_image(const char *img, char *copy, size_t size)
{
	char cmd[700];

	snprintf(copy, size, "%s.copy", img);
	snprintf(cmd, sizeof(cmd), "cp --sparse=always '%s' '%s'", img, copy);
	KT_ASSERT_EQ(ktest_shell(cmd), 0);
	return copy;
}

/* the repairing checker: 0 clean, other values when it fixed something */
static int repair_image(const struct wt_variant *v, const char *img)
{
	char cmd[700];

	snprintf(cmd, sizeof(cmd), v->repair, img);
	return ktest_shell(cmd);
}

/* mount a copy of @img read-only and look for the file there */
static bool copy_has_file(const struct wt_variant *v, const char *img,
			  const char *path, unsigned long long size,
			  unsigned int seed, bool repair)
{
	struct kshim_fs *copyfs = NULL;
	char copy[320];
	bool ok;

	copy_image(img, copy, sizeof(copy));
	if (repair)
		repair_image(v, copy);
	if (kshim_mount(v->fstype, copy, KSHIM_MOUNT_RDONLY, NULL, &copyfs)) {
		ktest_note("%s: the copy does not mount", v->name);
		return false;
	}
	ok = file_matches(copyfs, path, size, seed);
	KT_EXPECT_EQ(kshim_umount(copyfs), 0);
	return ok;
}

static void fast_flusher(void)
{
	dirty_writeback_interval = 10;	/* 100 ms */
	dirty_expire_interval = 10;
}

static void no_periodic_flusher(void)
{
	dirty_writeback_interval = 0;	/* background writeback only */
	dirty_expire_interval = 360000;
}

/* --- cases ----------------------------------------------------------------- */

/* every variant mounts read-write, unmounts, and checks clean untouched */
KTEST(writeback_mount_umount_clean)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		wt_umount_clean(v, fs, img);
	}
}

/*
 * Nobody syncs: the flusher alone writes the data, the inode and the
 * block device's metadata once they have been dirty for the expire
 * interval, and a copy of the live image then holds the file.
 */
KTEST_TIMEOUT(writeback_flusher_writes_alone, 300)
{
	const unsigned long long size = 300 * 1024 + 123;
	int i;

	fast_flusher();
	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		write_new_file(fs, "flushed", size, i + 1);
		KT_EXPECT(ktest_wait_until(!inode_dirty(fs, "flushed") &&
					   !kshim_dirty_pages() &&
					   !bdev_cache_dirty(fs), 10000));
		/* I/O may still be in flight: poll the copy, never sleep */
		KT_EXPECT(ktest_wait_until(copy_has_file(v, img, "flushed", size,
							 i + 1, false), 10000));
		wt_umount_clean(v, fs, img);
	}
}

/* with no periodic writeback at all, unmount writes everything itself */
KTEST_TIMEOUT(writeback_umount_writes_everything, 300)
{
	int i;

	no_periodic_flusher();
	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		write_new_file(fs, "a", 4096, 1);
		write_new_file(fs, "b", 1000 * 1000 + 1, 2);
		write_new_file(fs, "c", 1, 3);
		KT_EXPECT(kshim_dirty_pages() > 0);
		KT_EXPECT_EQ(kshim_umount(fs), 0);
		KT_EXPECT_EQ(kshim_dirty_pages(), 0);
		KT_EXPECT_EQ(wt_fsck(v, img), 0);

		fs = wt_mount(v, img, KSHIM_MOUNT_RDONLY);
		KT_EXPECT(file_matches(fs, "a", 4096, 1));
		KT_EXPECT(file_matches(fs, "b", 1000 * 1000 + 1, 2));
		KT_EXPECT(file_matches(fs, "c", 1, 3));
		KT_EXPECT_EQ(kshim_umount(fs), 0);
	}
}

/*
 * fsync makes the file's data and size durable: the image copied right
 * after it (the filesystem still mounted, nothing else synced since the
 * file was created) holds them once the checker has repaired what a
 * crash at that point leaves (free counts, the mounted state).
 */
KTEST_TIMEOUT(writeback_fsync_durable, 300)
{
	const unsigned long long size = 200 * 1000 + 7;
	int i;

	no_periodic_flusher();
	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		struct kshim_file *file;
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		file = create_file(fs, "durable");
		/* the name is durable; data and size are fsync's job */
		KT_ASSERT_EQ(kshim_sync(fs), 0);
		write_pattern(file, size, 7 + i);
		KT_EXPECT(inode_dirty(fs, "durable"));
		KT_EXPECT_EQ(kshim_fsync(file, 0), 0);
		KT_EXPECT(!inode_dirty(fs, "durable"));
		/*
		 * fsck.minix -a of a v3 image whose zone bitmap lags behind
		 * (as after any crash) rewrites data zones of the file
		 * (util-linux 2.38+): the copy is checked unrepaired there.
		 */
		if (!KT_EXPECT(copy_has_file(v, img, "durable", size, 7 + i,
					     strcmp(v->name, "minix3"))))
			ktest_note("%s: the copy lacks fsync'ed data", v->name);
		KT_EXPECT_EQ(kshim_release(file), 0);
		wt_umount_clean(v, fs, img);
	}
}

/*
 * Writing, then reading, four times the memory cap: clean folios are
 * dropped and dirty ones cleaned, so usage never goes past the cap
 * (plus the slack of allocations that may not fail).
 */
KTEST_TIMEOUT(writeback_memory_cap_bounded, 600)
{
	static const char *const names[] = { "ext2-1k", "ext2-4k", "minix2",
					     "minix3" };
	const unsigned long cap = 16UL << 20;
	const unsigned long long size = 4ULL * cap;
	const unsigned long slack = 1UL << 20;
	int i;

	fast_flusher();
	for (i = 0; i < (int)ARRAY_SIZE(names); i++) {
		const struct wt_variant *v = wt_variant(names[i]);
		const char *img = wt_mkfs(v, 100);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		KT_ASSERT(kshim_memory_usage() < cap / 2);
		KT_ASSERT_EQ(kshim_limit_memory(cap), 0);
		write_new_file(fs, "big", size, 11 + i);
		KT_EXPECT(kshim_memory_usage() <= cap + slack);
		KT_EXPECT(file_matches(fs, "big", size, 11 + i));
		KT_EXPECT(kshim_memory_usage() <= cap + slack);
		KT_EXPECT(kshim_memory_peak() <= cap + slack);
		ktest_note("%s: peak %lu KiB, cap %lu KiB, dirty peak %lu pages",
			   v->name, kshim_memory_peak() >> 10, cap >> 10,
			   kshim_dirty_pages_peak());
		KT_EXPECT_EQ(kshim_umount(fs), 0);
		KT_EXPECT_EQ(kshim_limit_memory(0), 0);
		KT_EXPECT_EQ(wt_fsck(v, img), 0);
	}
}

/*
 * A writer of four times the dirty limit is held back: the dirty page
 * cache never grows past the limit (plus the metadata a single write
 * call dirties after its last check).
 */
KTEST_TIMEOUT(writeback_dirty_throttled, 300)
{
	const unsigned long limit = 2UL << 20;
	const unsigned long long size = 4ULL * limit;
	const unsigned long slack_pages = 32;
	int i;

	no_periodic_flusher();
	kshim_set_dirty_limit(limit);
	KT_ASSERT_EQ(kshim_dirty_limit_pages(), limit >> PAGE_SHIFT);
	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 16);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		kshim_dirty_pages_reset_peak();
		write_new_file(fs, "throttled", size, 21 + i);
		ktest_note("%s: dirty peak %lu pages, limit %lu", v->name,
			   kshim_dirty_pages_peak(), limit >> PAGE_SHIFT);
		KT_EXPECT(kshim_dirty_pages_peak() <=
			  (limit >> PAGE_SHIFT) + slack_pages);
		/* and it did reach the background threshold: writeback ran */
		KT_EXPECT(kshim_dirty_pages_peak() >
			  kshim_dirty_background_pages());
		wt_umount_clean(v, fs, img);
		fs = wt_mount(v, img, KSHIM_MOUNT_RDONLY);
		KT_EXPECT(file_matches(fs, "throttled", size, 21 + i));
		KT_EXPECT_EQ(kshim_umount(fs), 0);
	}
}

/*
 * The device fails every write: fsync reports -EIO once per open file
 * (also an error the flusher met before anybody synced), syncfs reports
 * it once, and nothing crashes or hangs.  Once the device works again
 * the checker repairs the image and the file system mounts clean.
 */
KTEST_TIMEOUT(writeback_failing_device_eio, 300)
{
	const struct kshim_bdev_fault all_writes = {
		.ops = KSHIM_FAULT_WRITE,
	};
	int i;

	no_periodic_flusher();
	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		struct kshim_file *a, *b, *other;
		struct kshim_node *node;
		struct block_device *bdev;
		unsigned long failed;
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		bdev = sb_of(fs)->s_bdev;
		a = create_file(fs, "a");
		b = create_file(fs, "b");
		KT_ASSERT_EQ(kshim_sync(fs), 0);
		node = wt_node(fs, "a");
		KT_ASSERT_EQ(kshim_open(node, O_RDWR_, &other), 0);
		kshim_node_put(node, 1);

		/* fsync's own writeback fails */
		write_pattern(a, 64 * 1024, 1);
		kshim_bdev_inject_error(bdev, &all_writes);
		KT_EXPECT_EQ(kshim_fsync(a, 0), -EIO);
		kshim_bdev_clear_errors(bdev);
		KT_EXPECT_EQ(kshim_fsync(a, 0), 0);
		/* another opener of the same file hears of it too, once */
		KT_EXPECT_EQ(kshim_fsync(other, 0), -EIO);
		KT_EXPECT_EQ(kshim_fsync(other, 0), 0);

		/*
		 * The flusher's writeback fails; fsync still reports it.  A
		 * file without indirect blocks: fsync of one whose associated
		 * metadata buffer failed may report that buffer again.
		 */
		write_pattern(b, 6 * 1024, 2);
		kshim_bdev_inject_error(bdev, &all_writes);
		failed = kshim_bdev_injected(bdev);
		dirty_expire_interval = 1;
		dirty_writeback_interval = 1;
		kshim_flusher_kick();
		KT_EXPECT(ktest_wait_until(kshim_bdev_injected(bdev) > failed &&
					   !inode_dirty(fs, "b") &&
					   !kshim_dirty_pages(), 10000));
		no_periodic_flusher();
		kshim_bdev_clear_errors(bdev);
		KT_EXPECT_EQ(kshim_fsync(b, 0), -EIO);
		KT_EXPECT_EQ(kshim_fsync(b, 0), 0);

		/* syncfs: the errors once, then nothing */
		KT_EXPECT_EQ(kshim_sync(fs), -EIO);
		KT_EXPECT_EQ(kshim_sync(fs), 0);
		KT_EXPECT_EQ(kshim_release(a), 0);
		KT_EXPECT_EQ(kshim_release(b), 0);
		KT_EXPECT_EQ(kshim_release(other), 0);
		KT_EXPECT_EQ(kshim_umount(fs), 0);

		/*
		 * fsck.minix -a cannot repair a v3 zone bitmap (it reports
		 * the change but leaves the bitmap as it was): the minix3
		 * image is only required to mount again.
		 */
		if (!strcmp(v->name, "minix3")) {
			fs = wt_mount(v, img, 0);
			KT_EXPECT_EQ(kshim_umount(fs), 0);
			continue;
		}
		/* the repairing checkers may need more than one pass */
		for (int pass = 0; pass < 3 && wt_fsck(v, img); pass++)
			repair_image(v, img);
		KT_EXPECT_EQ(wt_fsck(v, img), 0);
		fs = wt_mount(v, img, 0);
		wt_umount_clean(v, fs, img);
	}
}

/* two integrity writers of one inode never overlap, and both see clean */
KTEST(writeback_write_inode_now_serialised)
{
	const struct wt_variant *v = wt_variant("ext2-1k");
	struct kshim_node *node;
	struct inode *ip;
	const char *img;
	struct kshim_fs *fs;

	no_periodic_flusher();
	img = wt_mkfs(v, 8);
	fs = wt_mount(v, img, 0);
	write_new_file(fs, "f", 10000, 5);
	node = wt_node(fs, "f");
	ip = D(node)->d_inode;
	KT_EXPECT(ip->i_state & I_DIRTY_ALL);
	KT_EXPECT_EQ(write_inode_now(ip, 1), 0);
	KT_EXPECT(!(ip->i_state & (I_DIRTY_ALL | I_SYNC)));
	/* re-dirtied after writeback: dirty again, back on the list */
	mark_inode_dirty(ip);
	KT_EXPECT(ip->i_state & I_DIRTY_SYNC);
	KT_EXPECT(!list_empty(&ip->i_io_list));
	KT_EXPECT_EQ(sync_inode_metadata(ip, 1), 0);
	KT_EXPECT(!(ip->i_state & I_DIRTY_ALL));
	KT_EXPECT(list_empty(&ip->i_io_list));
	kshim_node_put(node, 1);
	wt_umount_clean(v, fs, img);
}
