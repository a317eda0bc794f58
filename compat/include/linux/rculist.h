/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RCU-protected list_head and hlist operations.  Kernel guarantees kept:
 * an updater (serialised by its own lock) links an entry only after the
 * entry is initialised (release store of the one pointer readers follow),
 * and unlinking leaves the removed entry's forward pointer intact so a
 * reader standing on it can continue; the entry may be freed only after a
 * grace period.  Readers (under rcu_read_lock) load each forward pointer
 * with acquire ordering and see every entry at most once.
 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/rcupdate.h>

#define __kshim_rcu_load(p) __atomic_load_n(&(p), __ATOMIC_ACQUIRE)
#define __kshim_rcu_publish(p, v) __atomic_store_n(&(p), (v), __ATOMIC_RELEASE)
#define __kshim_rcu_set(p, v) __atomic_store_n(&(p), (v), __ATOMIC_RELAXED)

static inline void INIT_LIST_HEAD_RCU(struct list_head *list)
{
	__kshim_rcu_set(list->next, list);
	__kshim_rcu_set(list->prev, list);
}

#define list_next_rcu(list) (*((struct list_head __rcu **)(&(list)->next)))
#define list_tail_rcu(head) (*((struct list_head __rcu **)(&(head)->prev)))

static inline void __list_add_rcu(struct list_head *entry,
				  struct list_head *prev,
				  struct list_head *next)
{
	entry->next = next;
	entry->prev = prev;
	__kshim_rcu_publish(prev->next, entry);
	__kshim_rcu_set(next->prev, entry);
}

static inline void list_add_rcu(struct list_head *entry, struct list_head *head)
{
	__list_add_rcu(entry, head, head->next);
}

static inline void list_add_tail_rcu(struct list_head *entry,
				     struct list_head *head)
{
	__list_add_rcu(entry, head->prev, head);
}

/* entry->next stays valid for readers already on it */
static inline void list_del_rcu(struct list_head *entry)
{
	struct list_head *prev = entry->prev, *next = entry->next;

	__kshim_rcu_set(next->prev, prev);
	__kshim_rcu_set(prev->next, next);
	entry->prev = LIST_POISON2;
}

static inline void list_replace_rcu(struct list_head *old,
				    struct list_head *entry)
{
	entry->next = old->next;
	entry->prev = old->prev;
	__kshim_rcu_publish(entry->prev->next, entry);
	__kshim_rcu_set(entry->next->prev, entry);
	old->prev = LIST_POISON2;
}

/* splice @list into a list readers traverse; sync() is synchronize_rcu */
static inline void __list_splice_init_rcu(struct list_head *list,
					  struct list_head *prev,
					  struct list_head *next,
					  void (*sync)(void))
{
	struct list_head *first = list->next, *last = list->prev;

	INIT_LIST_HEAD_RCU(list);
	sync();
	last->next = next;
	first->prev = prev;
	__kshim_rcu_publish(prev->next, first);
	__kshim_rcu_set(next->prev, last);
}

static inline void list_splice_init_rcu(struct list_head *list,
					struct list_head *head,
					void (*sync)(void))
{
	if (!list_empty(list))
		__list_splice_init_rcu(list, head, head->next, sync);
}

static inline void list_splice_tail_init_rcu(struct list_head *list,
					     struct list_head *head,
					     void (*sync)(void))
{
	if (!list_empty(list))
		__list_splice_init_rcu(list, head->prev, head, sync);
}

#define list_entry_rcu(ptr, type, member)                                  \
	container_of(__kshim_rcu_load(ptr), type, member)
#define list_entry_lockless(ptr, type, member)                             \
	container_of(__kshim_rcu_load(ptr), type, member)

#define list_first_or_null_rcu(ptr, type, member)                          \
	({                                                                 \
		struct list_head *__head = (ptr);                          \
		struct list_head *__next = __kshim_rcu_load(__head->next); \
		likely(__head != __next) ?                                 \
			list_entry(__next, type, member) : NULL;           \
	})
#define list_next_or_null_rcu(head, ptr, type, member)                     \
	({                                                                 \
		struct list_head *__head = (head);                         \
		struct list_head *__ptr = (ptr);                           \
		struct list_head *__next = __kshim_rcu_load(__ptr->next);  \
		likely(__next != __head) ?                                 \
			list_entry(__next, type, member) : NULL;           \
	})

#define list_for_each_entry_rcu(pos, head, member, cond...)                \
	for (pos = list_entry_rcu((head)->next, typeof(*pos), member);     \
	     &pos->member != (head);                                       \
	     pos = list_entry_rcu(pos->member.next, typeof(*pos), member))
#define list_for_each_entry_srcu(pos, head, member, cond)                  \
	list_for_each_entry_rcu(pos, head, member)
#define list_for_each_entry_lockless(pos, head, member)                    \
	list_for_each_entry_rcu(pos, head, member)
#define list_for_each_entry_continue_rcu(pos, head, member)                \
	for (pos = list_entry_rcu(pos->member.next, typeof(*pos), member); \
	     &pos->member != (head);                                       \
	     pos = list_entry_rcu(pos->member.next, typeof(*pos), member))
#define list_for_each_entry_from_rcu(pos, head, member)                    \
	for (; &(pos)->member != (head);                                   \
	     pos = list_entry_rcu(pos->member.next, typeof(*(pos)), member))

/* ---- hlist ---- */

#define hlist_first_rcu(head) (*((struct hlist_node __rcu **)(&(head)->first)))
#define hlist_next_rcu(node) (*((struct hlist_node __rcu **)(&(node)->next)))
#define hlist_pprev_rcu(node) (*((struct hlist_node __rcu **)((node)->pprev)))

static inline void hlist_del_rcu(struct hlist_node *n)
{
	struct hlist_node *next = n->next;
	struct hlist_node **pprev = n->pprev;

	__kshim_rcu_set(*pprev, next);
	if (next)
		__kshim_rcu_set(next->pprev, pprev);
	n->pprev = LIST_POISON2;
}

static inline void hlist_del_init_rcu(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		struct hlist_node *next = n->next;
		struct hlist_node **pprev = n->pprev;

		__kshim_rcu_set(*pprev, next);
		if (next)
			__kshim_rcu_set(next->pprev, pprev);
		__kshim_rcu_set(n->pprev, (struct hlist_node **)NULL);
	}
}

static inline void hlist_replace_rcu(struct hlist_node *old,
				     struct hlist_node *entry)
{
	struct hlist_node *next = old->next;

	entry->next = next;
	entry->pprev = old->pprev;
	__kshim_rcu_publish(*entry->pprev, entry);
	if (next)
		__kshim_rcu_set(next->pprev, &entry->next);
	old->pprev = LIST_POISON2;
}

static inline void hlist_add_head_rcu(struct hlist_node *n,
				      struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	n->next = first;
	n->pprev = &h->first;
	__kshim_rcu_publish(h->first, n);
	if (first)
		__kshim_rcu_set(first->pprev, &n->next);
}

static inline void hlist_add_before_rcu(struct hlist_node *n,
					struct hlist_node *next)
{
	n->pprev = next->pprev;
	n->next = next;
	__kshim_rcu_publish(*n->pprev, n);
	__kshim_rcu_set(next->pprev, &n->next);
}

static inline void hlist_add_behind_rcu(struct hlist_node *n,
					struct hlist_node *prev)
{
	n->next = prev->next;
	n->pprev = &prev->next;
	__kshim_rcu_publish(prev->next, n);
	if (n->next)
		__kshim_rcu_set(n->next->pprev, &n->next);
}

static inline void hlist_add_tail_rcu(struct hlist_node *n,
				      struct hlist_head *h)
{
	struct hlist_node *i, *last = NULL;

	for (i = h->first; i; i = i->next)
		last = i;
	if (last)
		hlist_add_behind_rcu(n, last);
	else
		hlist_add_head_rcu(n, h);
}

#define __kshim_hlist_entry_rcu(ptr, type, member)                         \
	({                                                                 \
		typeof(ptr) ____ptr = __kshim_rcu_load(ptr);               \
		____ptr ? hlist_entry(____ptr, type, member) : NULL;       \
	})

#define hlist_for_each_rcu(pos, head)                                      \
	for (pos = __kshim_rcu_load((head)->first); pos;                   \
	     pos = __kshim_rcu_load(pos->next))
#define hlist_for_each_entry_rcu(pos, head, member, cond...)               \
	for (pos = __kshim_hlist_entry_rcu((head)->first, typeof(*(pos)), member); \
	     pos;                                                          \
	     pos = __kshim_hlist_entry_rcu((pos)->member.next, typeof(*(pos)), member))
#define hlist_for_each_entry_rcu_notrace(pos, head, member)                \
	hlist_for_each_entry_rcu(pos, head, member)
#define hlist_for_each_entry_rcu_bh(pos, head, member)                     \
	hlist_for_each_entry_rcu(pos, head, member)
#define hlist_for_each_entry_srcu(pos, head, member, cond)                 \
	hlist_for_each_entry_rcu(pos, head, member)
#define hlist_for_each_entry_continue_rcu(pos, member)                     \
	for (pos = __kshim_hlist_entry_rcu((pos)->member.next, typeof(*(pos)), member); \
	     pos;                                                          \
	     pos = __kshim_hlist_entry_rcu((pos)->member.next, typeof(*(pos)), member))
#define hlist_for_each_entry_continue_rcu_bh(pos, member)                  \
	hlist_for_each_entry_continue_rcu(pos, member)
#define hlist_for_each_entry_from_rcu(pos, member)                         \
	for (; pos;                                                        \
	     pos = __kshim_hlist_entry_rcu((pos)->member.next, typeof(*(pos)), member))

#endif /* _LINUX_RCULIST_H */
