// SPDX-License-Identifier: GPL-2.0-only
/*
 * Write-path tests (write-data): the data path of regular files, pwrite
 * through ->write_iter, block allocation in write_begin/write_end,
 * truncation, O_TRUNC, O_APPEND, fsync, over every variant.  Each case
 * makes fresh images, writes through the in-process API, reads back
 * before and after a remount (ext2 also read-only, a second code path),
 * and ends with the filesystem's own checker reporting a clean image.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/falloc.h>
#include <linux/completion.h>
#include <kshim/vfs.h>
#include "ktest.h"
#include "wtest.h"

#define KiB 1024ULL
#define MiB (1024ULL * 1024)
#define CHUNK (64 * 1024)

/* the byte at @off of the test data with seed @seed: never all-zero */
static unsigned char pat(unsigned long long off, unsigned int seed)
{
	unsigned long long x = off * 0x9E3779B97F4A7C15ULL + seed * 0x51ULL;

	return (unsigned char)((x >> 29) | 1);
}

/* wt_mkfs() with the path kept (its own storage is reused by the next call) */
static const char *mkimg(const struct wt_variant *v, unsigned int mib)
{
	static char paths[16][300];
	static unsigned int next;
	char *p = paths[next++ % ARRAY_SIZE(paths)];

	strscpy(p, wt_mkfs(v, mib), sizeof(paths[0]));
	return p;
}

static unsigned int fs_block_size(struct kshim_fs *fs)
{
	struct kshim_statfs st;

	KT_ASSERT_EQ(kshim_statfs(fs, &st), 0);
	return st.bsize;
}

/* blocks in use, in bytes (statfs): what a file really costs, any fs */
static unsigned long long used_bytes(struct kshim_fs *fs)
{
	struct kshim_statfs st;

	KT_ASSERT_EQ(kshim_statfs(fs, &st), 0);
	return (st.blocks - st.bfree) * st.bsize;
}

static struct kshim_node *root_of(struct kshim_fs *fs)
{
	struct kshim_node *root = NULL;

	KT_ASSERT_EQ(kshim_root(fs, &root), 0);
	return root;
}

/* create @name in the root (mode 0644) and open it with @flags */
static struct kshim_file *create_file(struct kshim_fs *fs, const char *name,
				      int flags)
{
	struct kshim_node *root = root_of(fs), *node = NULL;
	struct kshim_file *file = NULL;
	int err;

	err = kshim_create(root, name, S_IFREG | 0644, flags | O_CREAT, &node,
			   &file);
	kshim_node_put(root, 1);
	if (err) {
		ktest_failf(__FILE__, __LINE__, "create %s: %d", name, err);
		ktest_abort_case();
	}
	kshim_node_put(node, 1);
	return file;
}

/* open an existing file of the root with @flags */
static struct kshim_file *open_file(struct kshim_fs *fs, const char *name,
				    int flags)
{
	struct kshim_node *node = wt_node(fs, name);
	struct kshim_file *file = NULL;
	int err = kshim_open(node, flags, &file);

	kshim_node_put(node, 1);
	if (err) {
		ktest_failf(__FILE__, __LINE__, "open %s: %d", name, err);
		ktest_abort_case();
	}
	return file;
}

static struct kshim_stat stat_of(struct kshim_fs *fs, const char *name)
{
	struct kshim_node *node = wt_node(fs, name);
	struct kshim_stat st;

	KT_ASSERT_EQ(kshim_getattr(node, &st), 0);
	kshim_node_put(node, 1);
	return st;
}

/* write @len bytes of pattern @seed at @off in pieces of @piece; 0 or errno */
static long write_pat(struct kshim_file *file, unsigned long long off,
		      unsigned long long len, unsigned int seed,
		      unsigned int piece)
{
	unsigned char *buf = kmalloc(piece, GFP_KERNEL);
	unsigned long long done = 0;
	long ret = 0;

	KT_ASSERT(buf);
	while (done < len) {
		unsigned int n = min_t(unsigned long long, piece, len - done);
		unsigned int i;

		for (i = 0; i < n; i++)
			buf[i] = pat(off + done + i, seed);
		ret = kshim_write(file, buf, n, off + done);
		if (ret != n) {
			ret = ret < 0 ? ret : -EIO;
			break;
		}
		done += n;
		ret = 0;
	}
	kfree(buf);
	return ret;
}

/*
 * Read [off, off + len) and compare with pattern @seed (seed < 0: zeroes).
 * Returns the first wrong offset, or -1 when all is right.
 */
static long long check_range(struct kshim_file *file, unsigned long long off,
			     unsigned long long len, int seed)
{
	unsigned char *buf = kmalloc(CHUNK, GFP_KERNEL);
	unsigned long long done = 0;
	long long bad = -1;

	KT_ASSERT(buf);
	while (done < len && bad < 0) {
		unsigned int n = min_t(unsigned long long, CHUNK, len - done);
		long got = kshim_read(file, buf, n, off + done);
		unsigned int i;

		if (got != n) {
			ktest_note("short read at %llu: %ld of %u",
				   off + done, got, n);
			bad = off + done;
			break;
		}
		for (i = 0; i < n; i++) {
			unsigned char want = seed < 0 ? 0 : pat(off + done + i, seed);

			if (buf[i] != want) {
				bad = off + done + i;
				ktest_note("byte %lld: 0x%02x, want 0x%02x", bad,
					   buf[i], want);
				break;
			}
		}
		done += n;
	}
	kfree(buf);
	return bad;
}

/* read at @off expecting end of file (0 bytes) */
static long read_at_eof(struct kshim_file *file, unsigned long long off)
{
	char c;

	return kshim_read(file, &c, 1, off);
}

static void unmount_and_check(const struct wt_variant *v, struct kshim_fs *fs,
			      const char *img)
{
	KT_EXPECT_EQ(kshim_umount(fs), 0);
	KT_EXPECT_EQ(wt_fsck(v, img), 0);
}

/* remount @img, read-only when @rdonly (ext2 only: minix needs no second run) */
static struct kshim_fs *remount(const struct wt_variant *v, const char *img,
				bool rdonly)
{
	return wt_mount(v, img, rdonly ? KSHIM_MOUNT_RDONLY : 0);
}

static bool is_ext2(const struct wt_variant *v)
{
	return !strncmp(v->name, "ext2", 4);
}

/* --- sizes and offsets ---------------------------------------------------- */

struct size_case {
	char name[32];
	unsigned long long off, len;
};

/* the sizes around the block size, a MiB, unaligned starts, a hole */
static int size_cases(unsigned int bs, struct size_case *c)
{
	const unsigned long long lens[] = { 0, 1, bs - 1, bs, bs + 1, MiB };
	int n = 0;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(lens); i++, n++) {
		snprintf(c[n].name, sizeof(c[n].name), "len%llu", lens[i]);
		c[n].off = 0;
		c[n].len = lens[i];
	}
	snprintf(c[n].name, sizeof(c[n].name), "unaligned");
	c[n].off = 3;
	c[n++].len = 2 * bs + 5;
	snprintf(c[n].name, sizeof(c[n].name), "crosspage");
	c[n].off = 4096 - 7;
	c[n++].len = 14;
	snprintf(c[n].name, sizeof(c[n].name), "hole");
	c[n].off = 3 * bs + 100;	/* blocks 0..2 stay holes */
	c[n++].len = bs + 17;
	return n;
}

static void check_size_cases(struct kshim_fs *fs, struct size_case *c, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct kshim_file *f = open_file(fs, c[i].name, O_RDONLY);
		struct kshim_stat st = stat_of(fs, c[i].name);
		unsigned long long end = c[i].len ? c[i].off + c[i].len : 0;

		KT_EXPECT_EQ(st.size, end);
		if (c[i].off && c[i].len)
			KT_EXPECT_EQ(check_range(f, 0, c[i].off, -1), -1);
		KT_EXPECT_EQ(check_range(f, c[i].off, c[i].len, i + 1), -1);
		KT_EXPECT_EQ(read_at_eof(f, end), 0);
		kshim_release(f);
	}
}

/* write then read back: before unmount, after remount, (ext2) read-only */
KTEST_TIMEOUT(write_data_sizes_and_offsets, 300)
{
	struct size_case c[12];
	int i, k, n;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 16);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		n = size_cases(fs_block_size(fs), c);
		for (k = 0; k < n; k++) {
			struct kshim_file *f = create_file(fs, c[k].name,
							   O_WRONLY);

			KT_EXPECT_EQ(write_pat(f, c[k].off, c[k].len, k + 1,
					       CHUNK), 0);
			kshim_release(f);
		}
		check_size_cases(fs, c, n);
		KT_EXPECT_EQ(kshim_umount(fs), 0);

		fs = remount(v, img, false);
		check_size_cases(fs, c, n);
		/* a hole costs nothing: two data blocks (ext2-1k: + indirect) */
		if (is_ext2(v))
			KT_EXPECT(stat_of(fs, "hole").blocks * 512 <=
				  3ULL * fs_block_size(fs));
		unmount_and_check(v, fs, img);
		if (is_ext2(v)) {
			fs = remount(v, img, true);
			check_size_cases(fs, c, n);
			KT_EXPECT_EQ(kshim_umount(fs), 0);
		}
	}
}

/* --- overwrite, append --------------------------------------------------- */

/* rewrite the middle of a file: old bytes around it, new ones inside */
KTEST(write_data_overwrite_middle)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned int bs = fs_block_size(fs);
		unsigned long long mid = bs + 100, mlen = bs + 7, size = 4 * bs;
		struct kshim_file *f = create_file(fs, "f", O_RDWR);
		int pass;

		KT_EXPECT_EQ(write_pat(f, 0, size, 1, CHUNK), 0);
		KT_EXPECT_EQ(write_pat(f, mid, mlen, 2, 999), 0);
		kshim_release(f);
		for (pass = 0; pass < 2; pass++) {
			f = open_file(fs, "f", O_RDONLY);
			KT_EXPECT_EQ(stat_of(fs, "f").size, size);
			KT_EXPECT_EQ(check_range(f, 0, mid, 1), -1);
			KT_EXPECT_EQ(check_range(f, mid, mlen, 2), -1);
			KT_EXPECT_EQ(check_range(f, mid + mlen,
						 size - mid - mlen, 1), -1);
			kshim_release(f);
			KT_EXPECT_EQ(kshim_umount(fs), 0);
			fs = remount(v, img, false);
		}
		unmount_and_check(v, fs, img);
	}
}

/* O_APPEND writes land at the end whatever offset pwrite is given */
KTEST(write_data_append)
{
	int i, k;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_file *f = create_file(fs, "log", O_WRONLY | O_APPEND);
		unsigned long long size = 0;
		unsigned char buf[700];

		for (k = 0; k < 20; k++) {
			unsigned int n = 100 + k * 29, j;

			for (j = 0; j < n; j++)
				buf[j] = pat(size + j, 5);
			KT_EXPECT_EQ(kshim_write(f, buf, n, 0), n);
			size += n;
			KT_EXPECT_EQ(stat_of(fs, "log").size, size);
		}
		kshim_release(f);
		KT_EXPECT_EQ(kshim_umount(fs), 0);
		fs = remount(v, img, false);
		f = open_file(fs, "log", O_RDONLY);
		KT_EXPECT_EQ(stat_of(fs, "log").size, size);
		KT_EXPECT_EQ(check_range(f, 0, size, 5), -1);
		kshim_release(f);
		unmount_and_check(v, fs, img);
	}
}

/* --- sparse files, truncation, O_TRUNC ------------------------------------ */

/* one byte far past the end: zeroes before it, almost no blocks */
KTEST(write_data_sparse_far)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned long long far = 40 * MiB + 123;
		unsigned long long used = used_bytes(fs);
		struct kshim_file *f = create_file(fs, "sparse", O_RDWR);
		struct kshim_stat st;
		int pass;

		KT_EXPECT_EQ(write_pat(f, 0, 10, 3, CHUNK), 0);
		KT_EXPECT_EQ(write_pat(f, far, 1, 3, CHUNK), 0);
		kshim_release(f);
		for (pass = 0; pass < 2; pass++) {
			f = open_file(fs, "sparse", O_RDONLY);
			st = stat_of(fs, "sparse");
			KT_EXPECT_EQ(st.size, far + 1);
			/*
			 * data blocks plus a few indirect blocks, not 40 MiB
			 * (minix's st_blocks follows the size: statfs tells)
			 */
			KT_EXPECT(used_bytes(fs) - used <= 64 * KiB);
			if (is_ext2(v))
				KT_EXPECT(st.blocks * 512 <= 64 * KiB);
			KT_EXPECT_EQ(check_range(f, 0, 10, 3), -1);
			KT_EXPECT_EQ(check_range(f, 10, 2 * MiB, -1), -1);
			KT_EXPECT_EQ(check_range(f, far - 3 * MiB, 3 * MiB, -1), -1);
			KT_EXPECT_EQ(check_range(f, far, 1, 3), -1);
			kshim_release(f);
			KT_EXPECT_EQ(kshim_umount(fs), 0);
			fs = remount(v, img, false);
		}
		unmount_and_check(v, fs, img);
	}
}

static int set_size(struct kshim_fs *fs, const char *name,
		    unsigned long long size)
{
	struct kshim_node *node = wt_node(fs, name);
	struct kshim_setattr sa = { .valid = KSHIM_SET_SIZE, .size = size };
	int err = kshim_setattr(node, NULL, &sa);

	kshim_node_put(node, 1);
	return err;
}

/*
 * The stale-tail bug: cut a file inside a block, grow it again (by
 * truncate and by writing past the end): the bytes between the cut and
 * the old end must read as zeroes, in the cache and after a remount.
 */
KTEST(write_data_truncate_down_then_extend)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned int bs = fs_block_size(fs);
		unsigned long long full = 3 * bs + 500, cut = bs + 123;
		unsigned long long grow = 5 * bs;
		struct kshim_file *f;
		int pass;

		/* A: truncate down, truncate up */
		f = create_file(fs, "a", O_RDWR);
		KT_EXPECT_EQ(write_pat(f, 0, full, 7, CHUNK), 0);
		kshim_release(f);
		KT_ASSERT_EQ(set_size(fs, "a", cut), 0);
		KT_EXPECT_EQ(stat_of(fs, "a").size, cut);
		KT_ASSERT_EQ(set_size(fs, "a", grow), 0);

		/* B: truncate down, write past the end */
		f = create_file(fs, "b", O_RDWR);
		KT_EXPECT_EQ(write_pat(f, 0, full, 8, CHUNK), 0);
		kshim_release(f);
		KT_ASSERT_EQ(set_size(fs, "b", cut), 0);
		f = open_file(fs, "b", O_RDWR);
		KT_EXPECT_EQ(write_pat(f, grow - 10, 10, 8, CHUNK), 0);
		kshim_release(f);

		/* C: the same after the cut reached the disk */
		f = create_file(fs, "c", O_RDWR);
		KT_EXPECT_EQ(write_pat(f, 0, full, 9, CHUNK), 0);
		KT_EXPECT_EQ(kshim_fsync(f, 0), 0);
		kshim_release(f);
		KT_ASSERT_EQ(set_size(fs, "c", cut), 0);
		KT_EXPECT_EQ(kshim_umount(fs), 0);
		fs = remount(v, img, false);
		KT_ASSERT_EQ(set_size(fs, "c", grow), 0);

		for (pass = 0; pass < 2; pass++) {
			f = open_file(fs, "a", O_RDONLY);
			KT_EXPECT_EQ(stat_of(fs, "a").size, grow);
			KT_EXPECT_EQ(check_range(f, 0, cut, 7), -1);
			KT_EXPECT_EQ(check_range(f, cut, grow - cut, -1), -1);
			kshim_release(f);

			f = open_file(fs, "b", O_RDONLY);
			KT_EXPECT_EQ(stat_of(fs, "b").size, grow);
			KT_EXPECT_EQ(check_range(f, 0, cut, 8), -1);
			KT_EXPECT_EQ(check_range(f, cut, grow - 10 - cut, -1), -1);
			KT_EXPECT_EQ(check_range(f, grow - 10, 10, 8), -1);
			kshim_release(f);

			f = open_file(fs, "c", O_RDONLY);
			KT_EXPECT_EQ(stat_of(fs, "c").size, grow);
			KT_EXPECT_EQ(check_range(f, 0, cut, 9), -1);
			KT_EXPECT_EQ(check_range(f, cut, grow - cut, -1), -1);
			kshim_release(f);

			KT_EXPECT_EQ(kshim_umount(fs), 0);
			fs = remount(v, img, false);
		}
		unmount_and_check(v, fs, img);
	}
}

/* O_TRUNC empties the file (blocks freed); permission and EROFS checks */
KTEST(write_data_open_trunc)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_file *f = create_file(fs, "t", O_WRONLY);
		struct kshim_node *node;

		KT_EXPECT_EQ(write_pat(f, 0, 100 * KiB, 4, CHUNK), 0);
		kshim_release(f);
		KT_EXPECT_EQ(stat_of(fs, "t").size, 100 * KiB);

		f = open_file(fs, "t", O_WRONLY | O_TRUNC);
		KT_EXPECT_EQ(stat_of(fs, "t").size, 0);
		KT_EXPECT_EQ(stat_of(fs, "t").blocks, 0);
		KT_EXPECT_EQ(write_pat(f, 0, 3000, 5, CHUNK), 0);
		kshim_release(f);

		/* O_RDONLY | O_TRUNC truncates too (Linux), given write access */
		f = create_file(fs, "t2", O_WRONLY);
		KT_EXPECT_EQ(write_pat(f, 0, 5000, 6, CHUNK), 0);
		kshim_release(f);
		f = open_file(fs, "t2", O_RDONLY | O_TRUNC);
		KT_EXPECT_EQ(stat_of(fs, "t2").size, 0);
		kshim_release(f);

		/* a user without write permission may not truncate */
		node = wt_node(fs, "t");
		kshim_set_creds(1000, 1000, 0, NULL);
		f = NULL;
		KT_EXPECT_EQ(kshim_open(node, O_RDONLY | O_TRUNC, &f), -EACCES);
		kshim_set_creds(0, 0, 0, NULL);
		kshim_node_put(node, 1);
		KT_EXPECT_EQ(stat_of(fs, "t").size, 3000);

		KT_EXPECT_EQ(kshim_umount(fs), 0);
		fs = remount(v, img, false);
		f = open_file(fs, "t", O_RDONLY);
		KT_EXPECT_EQ(stat_of(fs, "t").size, 3000);
		KT_EXPECT_EQ(check_range(f, 0, 3000, 5), -1);
		kshim_release(f);
		KT_EXPECT_EQ(stat_of(fs, "t2").size, 0);
		unmount_and_check(v, fs, img);

		/* read-only mount: O_TRUNC is -EROFS, the file stays */
		fs = remount(v, img, true);
		node = wt_node(fs, "t");
		KT_EXPECT_EQ(kshim_open(node, O_RDONLY | O_TRUNC, &f), -EROFS);
		kshim_node_put(node, 1);
		KT_EXPECT_EQ(stat_of(fs, "t").size, 3000);
		KT_EXPECT_EQ(kshim_umount(fs), 0);
	}
}

/* --- fsync, big files ---------------------------------------------------- */

/*
 * fsync puts data and size on disk: for ext2 debugfs reads the image
 * while it is still mounted (no unmount sync helps); every variant is
 * then compared after a remount.
 */
KTEST(write_data_fsync_reaches_disk)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned long long len = 200 * KiB + 77;
		struct kshim_file *f = create_file(fs, "synced", O_RDWR);

		KT_EXPECT_EQ(write_pat(f, 0, len, 11, 5000), 0);
		KT_EXPECT_EQ(kshim_fsync(f, 0), 0);
		KT_EXPECT_EQ(write_pat(f, len, 1000, 11, 5000), 0);
		KT_EXPECT_EQ(kshim_fsync(f, 1), 0);	/* fdatasync: size too */
		len += 1000;
		KT_EXPECT_EQ(kshim_flush(f), 0);

		if (is_ext2(v) && !ktest_shell("command -v debugfs >/dev/null")) {
			char cmd[900], *dump = kasprintf(GFP_KERNEL, "%s/dump", ktest_scratch_dir());
			struct kshim_fs *dfs;
			const char *dimg;

			/* dump the file as the disk has it into a fresh ext2 */
			dimg = mkimg(v, 8);
			snprintf(cmd, sizeof(cmd),
				 "debugfs -R 'dump /synced %s' '%s' >/dev/null 2>&1 && "
				 "debugfs -w -R 'write %s synced' '%s' >/dev/null 2>&1",
				 dump, img, dump, dimg);
			KT_EXPECT_EQ(ktest_shell(cmd), 0);
			dfs = wt_mount(v, dimg, KSHIM_MOUNT_RDONLY);
			{
				struct kshim_file *df = open_file(dfs, "synced",
								  O_RDONLY);

				KT_EXPECT_EQ(stat_of(dfs, "synced").size, len);
				KT_EXPECT_EQ(check_range(df, 0, len, 11), -1);
				kshim_release(df);
			}
			KT_EXPECT_EQ(kshim_umount(dfs), 0);
			kfree(dump);
		}
		kshim_release(f);
		KT_EXPECT_EQ(kshim_umount(fs), 0);
		fs = remount(v, img, false);
		f = open_file(fs, "synced", O_RDONLY);
		KT_EXPECT_EQ(stat_of(fs, "synced").size, len);
		KT_EXPECT_EQ(check_range(f, 0, len, 11), -1);
		kshim_release(f);
		unmount_and_check(v, fs, img);
	}
}

/* past the direct blocks into single and double indirect, odd pieces */
KTEST_TIMEOUT(write_data_large_indirect, 300)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 16);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned long long len = 3 * MiB + 4321;
		struct kshim_file *f = create_file(fs, "big", O_WRONLY);

		KT_EXPECT_EQ(write_pat(f, 0, len, 13, 12345), 0);
		kshim_release(f);
		f = open_file(fs, "big", O_RDONLY);
		KT_EXPECT_EQ(check_range(f, 0, len, 13), -1);
		kshim_release(f);
		KT_EXPECT(stat_of(fs, "big").blocks * 512 >= len);
		KT_EXPECT_EQ(kshim_umount(fs), 0);

		fs = remount(v, img, false);
		f = open_file(fs, "big", O_RDONLY);
		KT_EXPECT_EQ(stat_of(fs, "big").size, len);
		KT_EXPECT_EQ(check_range(f, 0, len, 13), -1);
		kshim_release(f);
		unmount_and_check(v, fs, img);
		if (is_ext2(v)) {
			fs = remount(v, img, true);
			f = open_file(fs, "big", O_RDONLY);
			KT_EXPECT_EQ(check_range(f, 0, len, 13), -1);
			kshim_release(f);
			KT_EXPECT_EQ(kshim_umount(fs), 0);
		}
	}
}

/* --- concurrency ---------------------------------------------------------- */

struct writer {
	struct kshim_file *file;
	unsigned long long off, len;	/* this writer's slice */
	unsigned int seed, piece;
	long result;
	struct completion done;
};

static long writer_work(struct writer *w)
{
	unsigned char *buf = kmalloc(w->piece, GFP_KERNEL);
	unsigned long long done = 0;
	long ret = 0;

	if (!buf)
		return -ENOMEM;
	while (done < w->len) {
		unsigned int n = min_t(unsigned long long, w->piece,
				       w->len - done), j;
		long got;

		for (j = 0; j < n; j++)
			buf[j] = pat(w->off + done + j, w->seed);
		got = kshim_write(w->file, buf, n, w->off + done);
		if (got != n) {
			ret = got < 0 ? got : -EIO;
			break;
		}
		done += n;
	}
	kfree(buf);
	return ret;
}

static int writer_fn(void *data)
{
	struct writer *w = data;

	w->result = writer_work(w);
	complete(&w->done);
	return 0;
}

/* run the writers in threads of their own, all at once, and wait */
static void run_writers(struct writer *w, int n)
{
	struct task_struct *t[8];
	int k;

	for (k = 0; k < n; k++) {
		init_completion(&w[k].done);
		w[k].result = -EINPROGRESS;
		t[k] = kthread_create(writer_fn, &w[k], "writer%d", k);
		KT_ASSERT(!IS_ERR(t[k]));
		get_task_struct(t[k]);	/* it may exit before kthread_stop */
	}
	for (k = 0; k < n; k++)
		wake_up_process(t[k]);
	for (k = 0; k < n; k++) {
		wait_for_completion(&w[k].done);
		KT_EXPECT_EQ(w[k].result, 0);
		kthread_stop(t[k]);
		put_task_struct(t[k]);
	}
}

/*
 * Four threads on four files, then four threads on interleaved slices
 * of one file (slices share folios and blocks at their edges): every
 * byte is what its writer wrote.
 */
KTEST_TIMEOUT(write_data_concurrent_writers, 300)
{
	const unsigned long long per = 600 * KiB + 333;
	int i, k;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 16);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct writer w[4];
		char name[8];
		int pass;

		for (k = 0; k < 4; k++) {
			snprintf(name, sizeof(name), "own%d", k);
			w[k] = (struct writer){ .file = create_file(fs, name,
								    O_WRONLY),
						.off = 0, .len = per,
						.seed = 20 + k,
						.piece = 3000 + 1000 * k };
		}
		run_writers(w, 4);
		for (k = 0; k < 4; k++)
			kshim_release(w[k].file);

		/* one file: slice k at k * per, all with one seed */
		w[0].file = create_file(fs, "shared", O_WRONLY);
		for (k = 0; k < 4; k++)
			w[k] = (struct writer){ .file = w[0].file,
						.off = k * per, .len = per,
						.seed = 30,
						.piece = 1111 + 100 * k };
		run_writers(w, 4);
		kshim_release(w[0].file);

		for (pass = 0; pass < 2; pass++) {
			for (k = 0; k < 4; k++) {
				struct kshim_file *f;

				snprintf(name, sizeof(name), "own%d", k);
				f = open_file(fs, name, O_RDONLY);
				KT_EXPECT_EQ(stat_of(fs, name).size, per);
				KT_EXPECT_EQ(check_range(f, 0, per, 20 + k), -1);
				kshim_release(f);
			}
			{
				struct kshim_file *f = open_file(fs, "shared",
								 O_RDONLY);

				KT_EXPECT_EQ(stat_of(fs, "shared").size, 4 * per);
				KT_EXPECT_EQ(check_range(f, 0, 4 * per, 30), -1);
				kshim_release(f);
			}
			KT_EXPECT_EQ(kshim_umount(fs), 0);
			fs = remount(v, img, false);
		}
		unmount_and_check(v, fs, img);
	}
}

/* --- refusals ------------------------------------------------------------- */

/*
 * Writing needs a file opened for writing (-EBADF) on a writable mount
 * (-EROFS at open); fallocate follows vfs_fallocate's order of checks;
 * a negative offset is -EINVAL; a zero-length write changes nothing.
 */
KTEST(write_data_refusals)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = mkimg(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_file *f = create_file(fs, "r", O_WRONLY), *g;
		struct kshim_node *node;

		KT_EXPECT_EQ(write_pat(f, 0, 10, 1, CHUNK), 0);
		KT_EXPECT_EQ(kshim_write(f, "x", 1, -1), -EINVAL);
		KT_EXPECT_EQ(kshim_write(f, "x", 0, 100), 0);
		KT_EXPECT_EQ(stat_of(fs, "r").size, 10);
		KT_EXPECT_EQ(kshim_fallocate(f, 0, 0, 0), -EINVAL);
		KT_EXPECT_EQ(kshim_fallocate(f, FALLOC_FL_PUNCH_HOLE, 0, 10),
			     -EOPNOTSUPP);	/* needs KEEP_SIZE */
		KT_EXPECT_EQ(kshim_fallocate(f, 0, 0, 4096), -EOPNOTSUPP);
		kshim_release(f);

		g = open_file(fs, "r", O_RDONLY);
		KT_EXPECT_EQ(kshim_write(g, "x", 1, 0), -EBADF);
		KT_EXPECT_EQ(kshim_fallocate(g, 0, 0, 4096), -EBADF);
		KT_EXPECT_EQ(kshim_fsync(g, 0), 0);
		kshim_release(g);
		unmount_and_check(v, fs, img);

		fs = remount(v, img, true);
		node = wt_node(fs, "r");
		g = NULL;
		KT_EXPECT_EQ(kshim_open(node, O_WRONLY, &g), -EROFS);
		KT_EXPECT_EQ(kshim_open(node, O_RDWR, &g), -EROFS);
		KT_EXPECT_EQ(kshim_open(node, O_RDONLY, &g), 0);
		KT_EXPECT_EQ(kshim_write(g, "x", 1, 0), -EBADF);
		kshim_release(g);
		kshim_node_put(node, 1);
		KT_EXPECT_EQ(kshim_umount(fs), 0);
		KT_EXPECT_EQ(wt_fsck(v, img), 0);
	}
}
