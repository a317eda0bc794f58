// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers for the write-path tests: images, mounts, checkers and the test
 * data (wtest.h).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/completion.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <kshim/vfs.h>
#include "ktest.h"
#include "wtest.h"

const struct wt_variant wt_variants[] = {
	{ "ext2-1k", "ext2",
	  "mke2fs -q -F -t ext2 -b 1024 -I 128 '%s' %uM >/dev/null 2>&1",
	  "e2fsck -fn '%s' >/dev/null 2>&1", "e2fsck -fy '%s' >/dev/null 2>&1" },
	{ "ext2-4k", "ext2",
	  "mke2fs -q -F -t ext2 -b 4096 -I 256 '%s' %uM >/dev/null 2>&1",
	  "e2fsck -fn '%s' >/dev/null 2>&1", "e2fsck -fy '%s' >/dev/null 2>&1" },
	{ "minix1", "minix",
	  "f='%s'; truncate -s %uM \"$f\" && mkfs.minix -1 -n 30 \"$f\" >/dev/null",
	  "fsck.minix -fs '%s' >/dev/null 2>&1", "fsck.minix -fa '%s' >/dev/null 2>&1" },
	{ "minix2", "minix",
	  "f='%s'; truncate -s %uM \"$f\" && mkfs.minix -2 -n 30 \"$f\" >/dev/null",
	  "fsck.minix -fs '%s' >/dev/null 2>&1", "fsck.minix -fa '%s' >/dev/null 2>&1" },
	{ "minix3", "minix",
	  "f='%s'; truncate -s %uM \"$f\" && mkfs.minix -3 \"$f\" >/dev/null",
	  "fsck.minix -fs '%s' >/dev/null 2>&1", "fsck.minix -fa '%s' >/dev/null 2>&1" },
};
const int wt_nr_variants = ARRAY_SIZE(wt_variants);

const struct wt_variant *wt_variant(const char *name)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++)
		if (!strcmp(wt_variants[i].name, name))
			return &wt_variants[i];
	ktest_failf(__FILE__, __LINE__, "unknown variant %s", name);
	ktest_abort_case();
}

bool wt_is_ext2(const struct wt_variant *v)
{
	return !strcmp(v->fstype, "ext2");
}

const char *wt_mkfs(const struct wt_variant *v, unsigned int size_mib)
{
	static char paths[WT_MKFS_PATHS][300];
	static int seq;
	char *path = paths[seq % WT_MKFS_PATHS];
	char cmd[700];

	snprintf(path, sizeof(paths[0]), "%s/%s-%d.img", ktest_scratch_dir(),
		 v->name, seq);
	seq++;
	snprintf(cmd, sizeof(cmd), v->mkfs, path, size_mib);
	if (ktest_shell(cmd) != 0) {
		if (!strncmp(v->name, "ext2", 4) &&
		    ktest_shell("command -v mke2fs >/dev/null") != 0)
			ktest_skip("mke2fs is not installed (e2fsprogs)");
		if (!strncmp(v->name, "minix", 5) &&
		    ktest_shell("command -v mkfs.minix >/dev/null") != 0)
			ktest_skip("mkfs.minix is not installed (util-linux)");
		ktest_failf(__FILE__, __LINE__, "mkfs failed: %s", cmd);
		ktest_abort_case();
	}
	return path;
}

struct kshim_fs *wt_mount(const struct wt_variant *v, const char *image,
			  int flags)
{
	struct kshim_fs *fs = NULL;
	int err = kshim_mount(v->fstype, image, flags, NULL, &fs);

	if (err) {
		ktest_failf(__FILE__, __LINE__, "mount %s (%s): %d", image,
			    v->name, err);
		ktest_abort_case();
	}
	return fs;
}

int wt_fsck(const struct wt_variant *v, const char *image)
{
	char cmd[700];

	snprintf(cmd, sizeof(cmd), v->fsck, image);
	return ktest_shell(cmd);
}

void wt_umount_clean(const struct wt_variant *v, struct kshim_fs *fs,
		     const char *image)
{
	KT_EXPECT_EQ(kshim_umount(fs), 0);
	KT_EXPECT_EQ(wt_fsck(v, image), 0);
}

struct kshim_fs *wt_remount(const struct wt_variant *v, struct kshim_fs *fs,
			    const char *image, int flags)
{
	KT_EXPECT_EQ(kshim_umount(fs), 0);
	return wt_mount(v, image, flags);
}

struct kshim_fs *wt_remount_checked(const struct wt_variant *v,
				    struct kshim_fs *fs, const char *image,
				    int flags)
{
	wt_umount_clean(v, fs, image);
	return wt_mount(v, image, flags);
}

struct kshim_node *wt_node(struct kshim_fs *fs, const char *path)
{
	struct kshim_node *n = NULL;
	int err = kshim_lookup_path(fs, path, &n);

	if (err) {
		ktest_failf(__FILE__, __LINE__, "lookup %s: %d", path, err);
		ktest_abort_case();
	}
	return n;
}

struct kshim_node *wt_root(struct kshim_fs *fs)
{
	struct kshim_node *root = NULL;

	KT_ASSERT_EQ(kshim_root(fs, &root), 0);
	return root;
}

unsigned char wt_pattern_byte(unsigned long long off, unsigned int seed)
{
	unsigned long long x = off * 0x9E3779B97F4A7C15ULL + seed * 0x51ULL;

	return (unsigned char)((x >> 29) | 1);
}

long wt_write_pattern(struct kshim_file *file, unsigned long long off,
		      unsigned long long len, unsigned int seed,
		      unsigned int piece)
{
	unsigned char *buf = kmalloc(piece, GFP_KERNEL);
	unsigned long long done = 0;
	long ret = 0;

	if (!buf)
		return -ENOMEM;
	while (done < len) {
		unsigned int n = min_t(unsigned long long, piece, len - done);
		unsigned int i;

		for (i = 0; i < n; i++)
			buf[i] = wt_pattern_byte(off + done + i, seed);
		ret = kshim_write(file, buf, n, off + done);
		if (ret != n) {
			ktest_note("write at %llu: %ld of %u", off + done, ret, n);
			ret = ret < 0 ? ret : -EIO;
			break;
		}
		done += n;
		ret = 0;
	}
	kfree(buf);
	return ret;
}

long long wt_check_pattern(struct kshim_file *file, unsigned long long off,
			   unsigned long long len, int seed)
{
	const unsigned int chunk = 64 * 1024;
	unsigned char *buf = kmalloc(chunk, GFP_KERNEL);
	unsigned long long done = 0;
	long long bad = -1;

	KT_ASSERT(buf);
	while (done < len && bad < 0) {
		unsigned int n = min_t(unsigned long long, chunk, len - done);
		long got = kshim_read(file, buf, n, off + done);
		unsigned int i;

		if (got != n) {
			ktest_note("short read at %llu: %ld of %u",
				   off + done, got, n);
			bad = off + done;
			break;
		}
		for (i = 0; i < n; i++) {
			unsigned char want = seed < 0 ? 0 :
				wt_pattern_byte(off + done + i, seed);

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

struct wt_thread {
	int (*fn)(void *arg);
	void *arg;
	struct completion done;
};

static int wt_thread_main(void *data)
{
	struct wt_thread *t = data;

	t->fn(t->arg);
	complete(&t->done);
	return 0;
}

void wt_run_threads(int (*fn)(void *arg), void *args, size_t elem_size,
		    int n, const char *name)
{
	struct wt_thread *t = kcalloc(n, sizeof(*t), GFP_KERNEL);
	struct task_struct **task = kcalloc(n, sizeof(*task), GFP_KERNEL);
	int k;

	KT_ASSERT(t && task);
	for (k = 0; k < n; k++) {
		t[k].fn = fn;
		t[k].arg = (char *)args + k * elem_size;
		init_completion(&t[k].done);
		task[k] = kthread_create(wt_thread_main, &t[k], "%s%d", name, k);
		KT_ASSERT(!IS_ERR(task[k]));
		get_task_struct(task[k]);	/* it may exit before kthread_stop */
	}
	for (k = 0; k < n; k++)
		wake_up_process(task[k]);
	for (k = 0; k < n; k++) {
		wait_for_completion(&t[k].done);
		kthread_stop(task[k]);
		put_task_struct(task[k]);
	}
	kfree(task);
	kfree(t);
}
