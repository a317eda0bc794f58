/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The parts of the LRU interface filesystems call: marking folios
 * accessed (for kshim's page-cache reclaim order).  No swap.
 */
#ifndef _LINUX_SWAP_H
#define _LINUX_SWAP_H

#include <linux/types.h>
#include <linux/mm_types.h>

void folio_mark_accessed(struct folio *folio);
void mark_page_accessed(struct page *page);
void folio_add_lru(struct folio *folio);
void lru_add_drain(void);

#define nr_free_buffer_pages() (1UL << 18)

#endif /* _LINUX_SWAP_H */
