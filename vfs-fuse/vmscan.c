// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory pressure (the role of mm/vmscan.c): a bound on page cache plus
 * slab, enforced by dropping clean folios least recently used first,
 * writing dirty ones back and calling the shrinkers.
 * STUB: no bound yet.
 */
#include <linux/fs.h>
#include <linux/errno.h>
#include <kshim/vfs.h>
#include "kshim-vfs-internal.h"

int kshim_limit_memory(unsigned long long bytes)
{
	return bytes ? -EOPNOTSUPP : 0;
}
