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

/* create @name in the root (mode 0644) and open it with @flags */
static struct kshim_file *create_file(struct kshim_fs *fs, const char *name,
				      int flags)
{
	struct kshim_node *root = wt_root(fs), *node = NULL;
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

/* read at @off expecting end of file (0 bytes) */
static long read_at_eof(struct kshim_file *file, unsigned long long off)
{
	char c;

	return kshim_read(file, &c, 1, off);
}

/* @name holds exactly @size bytes of pattern @seed */
static void expect_pattern_file(struct kshim_fs *fs, const char *name,
				unsigned long long size, unsigned int seed)
{
	struct kshim_file *f = open_file(fs, name, O_RDONLY);

	KT_EXPECT_EQ(stat_of(fs, name).size, size);
	KT_EXPECT_EQ(wt_check_pattern(f, 0, size, seed), -1);
	kshim_release(f);
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
			KT_EXPECT_EQ(wt_check_pattern(f, 0, c[i].off, -1), -1);
		KT_EXPECT_EQ(wt_check_pattern(f, c[i].off, c[i].len, i + 1), -1);
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
		const char *img = wt_mkfs(v, 16);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		n = size_cases(fs_block_size(fs), c);
		for (k = 0; k < n; k++) {
			struct kshim_file *f = create_file(fs, c[k].name,
							   O_WRONLY);

			KT_EXPECT_EQ(wt_write_pattern(f, c[k].off, c[k].len, k + 1,
					       CHUNK), 0);
			kshim_release(f);
		}
		check_size_cases(fs, c, n);
		fs = wt_remount(v, fs, img, 0);
		check_size_cases(fs, c, n);
		/* a hole costs nothing: two data blocks (ext2-1k: + indirect) */
		if (wt_is_ext2(v))
			KT_EXPECT(stat_of(fs, "hole").blocks * 512 <=
				  3ULL * fs_block_size(fs));
		wt_umount_clean(v, fs, img);
		if (wt_is_ext2(v)) {
			fs = wt_mount(v, img, KSHIM_MOUNT_RDONLY);
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
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned int bs = fs_block_size(fs);
		unsigned long long mid = bs + 100, mlen = bs + 7, size = 4 * bs;
		struct kshim_file *f = create_file(fs, "f", O_RDWR);
		int pass;

		KT_EXPECT_EQ(wt_write_pattern(f, 0, size, 1, CHUNK), 0);
		KT_EXPECT_EQ(wt_write_pattern(f, mid, mlen, 2, 999), 0);
		kshim_release(f);
		for (pass = 0; pass < 2; pass++) {
			f = open_file(fs, "f", O_RDONLY);
			KT_EXPECT_EQ(stat_of(fs, "f").size, size);
			KT_EXPECT_EQ(wt_check_pattern(f, 0, mid, 1), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, mid, mlen, 2), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, mid + mlen,
						 size - mid - mlen, 1), -1);
			kshim_release(f);
			fs = wt_remount(v, fs, img, 0);
		}
		wt_umount_clean(v, fs, img);
	}
}

/* O_APPEND writes land at the end whatever offset pwrite is given */
KTEST(write_data_append)
{
	int i, k;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_file *f = create_file(fs, "log", O_WRONLY | O_APPEND);
		unsigned long long size = 0;
		unsigned char buf[700];

		for (k = 0; k < 20; k++) {
			unsigned int n = 100 + k * 29, j;

			for (j = 0; j < n; j++)
				buf[j] = wt_pattern_byte(size + j, 5);
			KT_EXPECT_EQ(kshim_write(f, buf, n, 0), n);
			size += n;
			KT_EXPECT_EQ(stat_of(fs, "log").size, size);
		}
		kshim_release(f);
		fs = wt_remount(v, fs, img, 0);
		expect_pattern_file(fs, "log", size, 5);
		wt_umount_clean(v, fs, img);
	}
}

/* --- sparse files, truncation, O_TRUNC ------------------------------------ */

/* one byte far past the end: zeroes before it, almost no blocks */
KTEST(write_data_sparse_far)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned long long far = 40 * MiB + 123;
		unsigned long long used = used_bytes(fs);
		struct kshim_file *f = create_file(fs, "sparse", O_RDWR);
		struct kshim_stat st;
		int pass;

		KT_EXPECT_EQ(wt_write_pattern(f, 0, 10, 3, CHUNK), 0);
		KT_EXPECT_EQ(wt_write_pattern(f, far, 1, 3, CHUNK), 0);
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
			if (wt_is_ext2(v))
				KT_EXPECT(st.blocks * 512 <= 64 * KiB);
			KT_EXPECT_EQ(wt_check_pattern(f, 0, 10, 3), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, 10, 2 * MiB, -1), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, far - 3 * MiB, 3 * MiB, -1), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, far, 1, 3), -1);
			kshim_release(f);
			fs = wt_remount(v, fs, img, 0);
		}
		wt_umount_clean(v, fs, img);
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
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned int bs = fs_block_size(fs);
		unsigned long long full = 3 * bs + 500, cut = bs + 123;
		unsigned long long grow = 5 * bs;
		struct kshim_file *f;
		int pass;

		/* A: truncate down, truncate up */
		f = create_file(fs, "a", O_RDWR);
		KT_EXPECT_EQ(wt_write_pattern(f, 0, full, 7, CHUNK), 0);
		kshim_release(f);
		KT_ASSERT_EQ(set_size(fs, "a", cut), 0);
		KT_EXPECT_EQ(stat_of(fs, "a").size, cut);
		KT_ASSERT_EQ(set_size(fs, "a", grow), 0);

		/* B: truncate down, write past the end */
		f = create_file(fs, "b", O_RDWR);
		KT_EXPECT_EQ(wt_write_pattern(f, 0, full, 8, CHUNK), 0);
		kshim_release(f);
		KT_ASSERT_EQ(set_size(fs, "b", cut), 0);
		f = open_file(fs, "b", O_RDWR);
		KT_EXPECT_EQ(wt_write_pattern(f, grow - 10, 10, 8, CHUNK), 0);
		kshim_release(f);

		/* C: the same after the cut reached the disk */
		f = create_file(fs, "c", O_RDWR);
		KT_EXPECT_EQ(wt_write_pattern(f, 0, full, 9, CHUNK), 0);
		KT_EXPECT_EQ(kshim_fsync(f, 0), 0);
		kshim_release(f);
		KT_ASSERT_EQ(set_size(fs, "c", cut), 0);
		fs = wt_remount(v, fs, img, 0);
		KT_ASSERT_EQ(set_size(fs, "c", grow), 0);

		for (pass = 0; pass < 2; pass++) {
			f = open_file(fs, "a", O_RDONLY);
			KT_EXPECT_EQ(stat_of(fs, "a").size, grow);
			KT_EXPECT_EQ(wt_check_pattern(f, 0, cut, 7), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, cut, grow - cut, -1), -1);
			kshim_release(f);

			f = open_file(fs, "b", O_RDONLY);
			KT_EXPECT_EQ(stat_of(fs, "b").size, grow);
			KT_EXPECT_EQ(wt_check_pattern(f, 0, cut, 8), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, cut, grow - 10 - cut, -1), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, grow - 10, 10, 8), -1);
			kshim_release(f);

			f = open_file(fs, "c", O_RDONLY);
			KT_EXPECT_EQ(stat_of(fs, "c").size, grow);
			KT_EXPECT_EQ(wt_check_pattern(f, 0, cut, 9), -1);
			KT_EXPECT_EQ(wt_check_pattern(f, cut, grow - cut, -1), -1);
			kshim_release(f);

			fs = wt_remount(v, fs, img, 0);
		}
		wt_umount_clean(v, fs, img);
	}
}

/* O_TRUNC empties the file (blocks freed); permission and EROFS checks */
KTEST(write_data_open_trunc)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_file *f = create_file(fs, "t", O_WRONLY);
		struct kshim_node *node;

		KT_EXPECT_EQ(wt_write_pattern(f, 0, 100 * KiB, 4, CHUNK), 0);
		kshim_release(f);
		KT_EXPECT_EQ(stat_of(fs, "t").size, 100 * KiB);

		f = open_file(fs, "t", O_WRONLY | O_TRUNC);
		KT_EXPECT_EQ(stat_of(fs, "t").size, 0);
		KT_EXPECT_EQ(stat_of(fs, "t").blocks, 0);
		KT_EXPECT_EQ(wt_write_pattern(f, 0, 3000, 5, CHUNK), 0);
		kshim_release(f);

		/* O_RDONLY | O_TRUNC truncates too (Linux), given write access */
		f = create_file(fs, "t2", O_WRONLY);
		KT_EXPECT_EQ(wt_write_pattern(f, 0, 5000, 6, CHUNK), 0);
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

		fs = wt_remount(v, fs, img, 0);
		f = open_file(fs, "t", O_RDONLY);
		KT_EXPECT_EQ(stat_of(fs, "t").size, 3000);
		KT_EXPECT_EQ(wt_check_pattern(f, 0, 3000, 5), -1);
		kshim_release(f);
		KT_EXPECT_EQ(stat_of(fs, "t2").size, 0);
		wt_umount_clean(v, fs, img);

		/* read-only mount: O_TRUNC is -EROFS, the file stays */
		fs = wt_mount(v, img, KSHIM_MOUNT_RDONLY);
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
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned long long len = 200 * KiB + 77;
		struct kshim_file *f = create_file(fs, "synced", O_RDWR);

		KT_EXPECT_EQ(wt_write_pattern(f, 0, len, 11, 5000), 0);
		KT_EXPECT_EQ(kshim_fsync(f, 0), 0);
		KT_EXPECT_EQ(wt_write_pattern(f, len, 1000, 11, 5000), 0);
		KT_EXPECT_EQ(kshim_fsync(f, 1), 0);	/* fdatasync: size too */
		len += 1000;
		KT_EXPECT_EQ(kshim_flush(f), 0);

		if (wt_is_ext2(v) && !ktest_shell("command -v debugfs >/dev/null")) {
			char cmd[900], *dump = kasprintf(GFP_KERNEL, "%s/dump", ktest_scratch_dir());
			struct kshim_fs *dfs;
			const char *dimg;

			/* dump the file as the disk has it into a fresh ext2 */
			dimg = wt_mkfs(v, 8);
			snprintf(cmd, sizeof(cmd),
				 "debugfs -R 'dump /synced %s' '%s' >/dev/null 2>&1 && "
				 "debugfs -w -R 'write %s synced' '%s' >/dev/null 2>&1",
				 dump, img, dump, dimg);
			KT_EXPECT_EQ(ktest_shell(cmd), 0);
			dfs = wt_mount(v, dimg, KSHIM_MOUNT_RDONLY);
			expect_pattern_file(dfs, "synced", len, 11);
			KT_EXPECT_EQ(kshim_umount(dfs), 0);
			kfree(dump);
		}
		kshim_release(f);
		fs = wt_remount(v, fs, img, 0);
		expect_pattern_file(fs, "synced", len, 11);
		wt_umount_clean(v, fs, img);
	}
}

/* past the direct blocks into single and double indirect, odd pieces */
KTEST_TIMEOUT(write_data_large_indirect, 300)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 16);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		unsigned long long len = 3 * MiB + 4321;
		struct kshim_file *f = create_file(fs, "big", O_WRONLY);

		KT_EXPECT_EQ(wt_write_pattern(f, 0, len, 13, 12345), 0);
		kshim_release(f);
		expect_pattern_file(fs, "big", len, 13);
		KT_EXPECT(stat_of(fs, "big").blocks * 512 >= len);
		fs = wt_remount(v, fs, img, 0);
		expect_pattern_file(fs, "big", len, 13);
		wt_umount_clean(v, fs, img);
		if (wt_is_ext2(v)) {
			fs = wt_mount(v, img, KSHIM_MOUNT_RDONLY);
			expect_pattern_file(fs, "big", len, 13);
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
};

static int writer_fn(void *data)
{
	struct writer *w = data;

	w->result = wt_write_pattern(w->file, w->off, w->len, w->seed,
				     w->piece);
	return 0;
}

/* run the writers in threads of their own, all at once, and wait */
static void run_writers(struct writer *w, int n)
{
	int k;

	for (k = 0; k < n; k++)
		w[k].result = -EINPROGRESS;
	wt_run_threads(writer_fn, w, sizeof(*w), n, "writer");
	for (k = 0; k < n; k++)
		KT_EXPECT_EQ(w[k].result, 0);
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
		const char *img = wt_mkfs(v, 16);
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
				snprintf(name, sizeof(name), "own%d", k);
				expect_pattern_file(fs, name, per, 20 + k);
			}
			expect_pattern_file(fs, "shared", 4 * per, 30);
			fs = wt_remount(v, fs, img, 0);
		}
		wt_umount_clean(v, fs, img);
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
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_file *f = create_file(fs, "r", O_WRONLY), *g;
		struct kshim_node *node;

		KT_EXPECT_EQ(wt_write_pattern(f, 0, 10, 1, CHUNK), 0);
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
		wt_umount_clean(v, fs, img);

		fs = wt_mount(v, img, KSHIM_MOUNT_RDONLY);
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
