// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers for the write-path tests: images, mounts, checkers (wtest.h).
 */
#include <linux/kernel.h>
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

const char *wt_mkfs(const struct wt_variant *v, unsigned int size_mib)
{
	static char path[300];
	static int seq;
	char cmd[700];

	snprintf(path, sizeof(path), "%s/%s-%d.img", ktest_scratch_dir(),
		 v->name, seq++);
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
