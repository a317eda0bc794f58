// SPDX-License-Identifier: GPL-2.0-only
/*
 * Write-path tests (writeback): each case makes fresh images of every variant,
 * works on them through the in-process API and ends with the
 * filesystem's own checker reporting a clean image.
 */
#include <linux/kernel.h>
#include <kshim/vfs.h>
#include "ktest.h"
#include "wtest.h"

/* every variant mounts read-write, unmounts, and checks clean untouched */
KTEST(writeback_mount_umount_clean)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);

		KT_EXPECT_EQ(kshim_umount(fs), 0);
		KT_EXPECT_EQ(wt_fsck(v, img), 0);
	}
}
