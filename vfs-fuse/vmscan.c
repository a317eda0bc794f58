// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory pressure (the role of mm/vmscan.c): a bound on page cache plus
 * slab plus every other kernel-world allocation.
 *
 * Kernel guarantees kept (the pieces live where the kernel has them):
 *  - every folio of every page cache is allocated through the page
 *    allocator and so counts against the cap (compat/shrinker.c);
 *  - an allocation that would pass 90% of the cap reclaims first, if its
 *    gfp allows direct reclaim: the page-cache shrinker (filemap.c) drops
 *    clean, unlocked, unreferenced folios least recently used first (a
 *    folio looked up since the last scan gets a second round), the VFS
 *    shrinker (super.c) drops unused dentries and inodes;
 *  - reclaim never writes (it may run under folio locks writeback would
 *    need): dirty folios it meets wake the flusher, and dirty page cache
 *    is throttled to a fifth of the cap (page-writeback.c), so clean
 *    folios, which reclaim can always drop, make up the rest.
 */
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/writeback.h>
#include <kshim/vfs.h>
#include "kshim-vfs-internal.h"

int kshim_limit_memory(unsigned long long bytes)
{
	if (bytes && bytes < (1ULL << 20))
		return -EINVAL;		/* smaller than any mount needs */
	if (bytes > ULONG_MAX)
		bytes = ULONG_MAX;
	kshim_set_memory_limit((unsigned long)bytes);
	if (!bytes)
		return 0;
	/* a lower cap also lowers the dirty limit: start cleaning now */
	if (kshim_dirty_pages() > kshim_dirty_background_pages())
		kshim_flusher_kick();
	if (kshim_memory_usage() > bytes / 10 * 9)
		kshim_drop_caches();
	return 0;
}
