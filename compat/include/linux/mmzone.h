/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Memory zones, minimal: kshim has one node and one flat zone, so only the
 * order constants and node iteration drivers name are here.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/numa.h>
#include <linux/mm_types.h>

#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)
#define pageblock_order MAX_PAGE_ORDER
#define pageblock_nr_pages (1UL << pageblock_order)
#define for_each_online_node(nid) for ((nid) = 0; (nid) < 1; (nid)++)
#define for_each_node(nid) for_each_online_node(nid)
#define node_online(nid) ((nid) == 0)
#define num_online_nodes() 1

#endif /* _LINUX_MMZONE_H */
