/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RCU variants of hlist_bl (list_bl.h): updaters hold hlist_bl_lock();
 * readers under rcu_read_lock() follow forward pointers loaded with
 * acquire ordering, never see the lock bit, and can continue from a
 * removed entry (its next pointer is kept).
 */
#ifndef _LINUX_RCULIST_BL_H
#define _LINUX_RCULIST_BL_H

#include <linux/list_bl.h>
#include <linux/rcupdate.h>

static inline void hlist_bl_set_first_rcu(struct hlist_bl_head *h,
					  struct hlist_bl_node *n)
{
	hlist_bl_set_first(h, n);	/* a release store */
}

static inline struct hlist_bl_node *hlist_bl_first_rcu(struct hlist_bl_head *h)
{
	unsigned long v = (unsigned long)__atomic_load_n(&h->first, __ATOMIC_ACQUIRE);

	return (struct hlist_bl_node *)(v & ~LIST_BL_LOCKMASK);
}

static inline void hlist_bl_del_rcu(struct hlist_bl_node *n)
{
	__hlist_bl_del(n);
	n->pprev = LIST_POISON2;
}

static inline void hlist_bl_del_init_rcu(struct hlist_bl_node *n)
{
	if (!hlist_bl_unhashed(n)) {
		__hlist_bl_del(n);
		n->pprev = NULL;
	}
}

static inline void hlist_bl_add_head_rcu(struct hlist_bl_node *n,
					 struct hlist_bl_head *h)
{
	/* hlist_bl_add_head() links @n fully, then publishes it (release) */
	hlist_bl_add_head(n, h);
}

#define hlist_bl_for_each_entry_rcu(tpos, pos, head, member)               \
	for (pos = hlist_bl_first_rcu(head);                               \
	     pos && ({ tpos = hlist_bl_entry(pos, typeof(*tpos), member); 1; }); \
	     pos = __atomic_load_n(&pos->next, __ATOMIC_ACQUIRE))

#endif /* _LINUX_RCULIST_BL_H */
