/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hlist_bl: hash lists whose head carries a bit lock in bit 0 of the first
 * pointer.  Kernel guarantees kept: hlist_bl_lock() excludes other lockers
 * of the same head with acquire/release ordering; the lock bit is never
 * visible through hlist_bl_first(); list updates keep the bit as it is.
 * The lock spins, yielding the CPU when contended (kshim threads can be
 * preempted while holding it, unlike the kernel's).
 */
#ifndef _LINUX_LIST_BL_H
#define _LINUX_LIST_BL_H

#include <linux/list.h>
#include <linux/bug.h>
#include <kshim/host.h>

#define LIST_BL_LOCKMASK 1UL

struct hlist_bl_head {
	struct hlist_bl_node *first;
};

struct hlist_bl_node {
	struct hlist_bl_node *next, **pprev;
};

#define INIT_HLIST_BL_HEAD(ptr) ((ptr)->first = NULL)

static inline void INIT_HLIST_BL_NODE(struct hlist_bl_node *h)
{
	h->next = NULL;
	h->pprev = NULL;
}

#define hlist_bl_entry(ptr, type, member) container_of(ptr, type, member)

static inline bool hlist_bl_unhashed(const struct hlist_bl_node *h)
{
	return !h->pprev;
}

static inline struct hlist_bl_node *hlist_bl_first(struct hlist_bl_head *h)
{
	unsigned long v = (unsigned long)__atomic_load_n(&h->first, __ATOMIC_RELAXED);

	return (struct hlist_bl_node *)(v & ~LIST_BL_LOCKMASK);
}

/* keep the lock bit of the head as it is */
static inline void hlist_bl_set_first(struct hlist_bl_head *h,
				      struct hlist_bl_node *n)
{
	unsigned long lock = (unsigned long)h->first & LIST_BL_LOCKMASK;

	__atomic_store_n(&h->first,
			 (struct hlist_bl_node *)((unsigned long)n | lock),
			 __ATOMIC_RELEASE);
}

static inline bool hlist_bl_empty(const struct hlist_bl_head *h)
{
	unsigned long v = (unsigned long)__atomic_load_n(&h->first, __ATOMIC_RELAXED);

	return !(v & ~LIST_BL_LOCKMASK);
}

static inline void hlist_bl_add_head(struct hlist_bl_node *n,
				     struct hlist_bl_head *h)
{
	struct hlist_bl_node *first = hlist_bl_first(h);

	n->next = first;
	if (first)
		first->pprev = &n->next;
	n->pprev = &h->first;
	hlist_bl_set_first(h, n);
}

static inline void hlist_bl_add_before(struct hlist_bl_node *n,
				       struct hlist_bl_node *next)
{
	struct hlist_bl_node **pprev = next->pprev;
	unsigned long lock = (unsigned long)*pprev & LIST_BL_LOCKMASK;

	n->pprev = pprev;
	n->next = next;
	next->pprev = &n->next;
	/* pprev may be the head: keep its lock bit */
	__atomic_store_n(pprev, (struct hlist_bl_node *)((unsigned long)n | lock),
			 __ATOMIC_RELEASE);
}

static inline void hlist_bl_add_behind(struct hlist_bl_node *n,
				       struct hlist_bl_node *prev)
{
	n->next = prev->next;
	n->pprev = &prev->next;
	__atomic_store_n(&prev->next, n, __ATOMIC_RELEASE);
	if (n->next)
		n->next->pprev = &n->next;
}

static inline void __hlist_bl_del(struct hlist_bl_node *n)
{
	struct hlist_bl_node *next = n->next;
	struct hlist_bl_node **pprev = n->pprev;
	unsigned long lock = (unsigned long)*pprev & LIST_BL_LOCKMASK;

	__atomic_store_n(pprev, (struct hlist_bl_node *)((unsigned long)next | lock),
			 __ATOMIC_RELAXED);
	if (next)
		next->pprev = pprev;
}

static inline void hlist_bl_del(struct hlist_bl_node *n)
{
	__hlist_bl_del(n);
	n->next = LIST_POISON1;
	n->pprev = LIST_POISON2;
}

static inline void hlist_bl_del_init(struct hlist_bl_node *n)
{
	if (!hlist_bl_unhashed(n)) {
		__hlist_bl_del(n);
		INIT_HLIST_BL_NODE(n);
	}
}

static inline void hlist_bl_lock(struct hlist_bl_head *b)
{
	unsigned long *word = (unsigned long *)&b->first;
	unsigned int spins = 0;

	while (__atomic_fetch_or(word, LIST_BL_LOCKMASK, __ATOMIC_ACQUIRE) &
	       LIST_BL_LOCKMASK) {
		do {
			if (++spins > 64)
				kshim_host_yield();
			else
				__builtin_ia32_pause();
		} while (__atomic_load_n(word, __ATOMIC_RELAXED) & LIST_BL_LOCKMASK);
	}
}

static inline void hlist_bl_unlock(struct hlist_bl_head *b)
{
	__atomic_fetch_and((unsigned long *)&b->first, ~LIST_BL_LOCKMASK,
			   __ATOMIC_RELEASE);
}

static inline bool hlist_bl_is_locked(struct hlist_bl_head *b)
{
	return (unsigned long)__atomic_load_n(&b->first, __ATOMIC_RELAXED) &
	       LIST_BL_LOCKMASK;
}

#define hlist_bl_for_each_entry(tpos, pos, head, member)                   \
	for (pos = hlist_bl_first(head);                                   \
	     pos && ({ tpos = hlist_bl_entry(pos, typeof(*tpos), member); 1; }); \
	     pos = pos->next)
#define hlist_bl_for_each_entry_safe(tpos, pos, n, head, member)           \
	for (pos = hlist_bl_first(head);                                   \
	     pos && ({ n = pos->next; 1; }) &&                             \
	     ({ tpos = hlist_bl_entry(pos, typeof(*tpos), member); 1; });  \
	     pos = n)

#endif /* _LINUX_LIST_BL_H */
