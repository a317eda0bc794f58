/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Multi-page bio I/O for block-mapped filesystems (fs/mpage.c): read and
 * write whole folios through a get_block callback, batching contiguous
 * blocks into one bio.  Implemented by the VFS.
 */
#ifndef _LINUX_MPAGE_H
#define _LINUX_MPAGE_H

#include <linux/buffer_head.h>

struct writeback_control;
struct readahead_control;

void mpage_readahead(struct readahead_control *rac, get_block_t get_block);
int mpage_read_folio(struct folio *folio, get_block_t get_block);
int mpage_writepages(struct address_space *mapping,
		     struct writeback_control *wbc, get_block_t get_block);

#endif /* _LINUX_MPAGE_H */
