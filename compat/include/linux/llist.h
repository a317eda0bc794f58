/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Lock-less singly linked lists (include/linux/llist.h, lib/llist.c).
 * Contract: llist_add() and llist_del_all() may run concurrently from any
 * number of threads without locks (cmpxchg/xchg, fully ordered);
 * llist_del_first() may run concurrently with adders but needs mutual
 * exclusion against other deleters (the ABA rule of the kernel).  The list
 * is LIFO: llist_del_all() returns the newest entry first, and
 * llist_reverse_order() turns that into insertion order.  A node not on a
 * list points to itself after init_llist_node().  The head is only ever
 * accessed with __atomic builtins, so ThreadSanitizer sees the protocol.
 */
#ifndef LLIST_H
#define LLIST_H

#include <linux/atomic.h>
#include <linux/container_of.h>
#include <linux/stddef.h>
#include <linux/types.h>

struct llist_head {
	struct llist_node *first;
};

struct llist_node {
	struct llist_node *next;
};

#define LLIST_HEAD_INIT(name) { NULL }
#define LLIST_HEAD(name) struct llist_head name = LLIST_HEAD_INIT(name)

static inline void init_llist_head(struct llist_head *list)
{
	__atomic_store_n(&list->first, NULL, __ATOMIC_RELAXED);
}

static inline void init_llist_node(struct llist_node *node)
{
	WRITE_ONCE(node->next, node);
}

static inline bool llist_on_list(const struct llist_node *node)
{
	return READ_ONCE(node->next) != node;
}

#define llist_entry(ptr, type, member) container_of(ptr, type, member)
#define member_address_is_nonnull(ptr, member)                            \
	((uintptr_t)(ptr) + offsetof(typeof(*(ptr)), member) != 0)

#define llist_for_each(pos, node) for ((pos) = (node); pos; (pos) = (pos)->next)
#define llist_for_each_safe(pos, n, node)                                  \
	for ((pos) = (node); (pos) && ((n) = (pos)->next, true); (pos) = (n))
#define llist_for_each_entry(pos, node, member)                            \
	for ((pos) = llist_entry((node), typeof(*(pos)), member);          \
	     member_address_is_nonnull(pos, member);                       \
	     (pos) = llist_entry((pos)->member.next, typeof(*(pos)), member))
#define llist_for_each_entry_safe(pos, n, node, member)                    \
	for (pos = llist_entry((node), typeof(*pos), member);              \
	     member_address_is_nonnull(pos, member) &&                     \
	     (n = llist_entry(pos->member.next, typeof(*n), member), true); \
	     pos = n)

static inline bool llist_empty(const struct llist_head *head)
{
	return __atomic_load_n(&head->first, __ATOMIC_RELAXED) == NULL;
}

static inline struct llist_node *llist_next(struct llist_node *node)
{
	return node->next;
}

/* push the chain new_first..new_last; true when the list was empty */
static inline bool llist_add_batch(struct llist_node *new_first,
				   struct llist_node *new_last, struct llist_head *head)
{
	struct llist_node *first = __atomic_load_n(&head->first, __ATOMIC_RELAXED);

	do {
		new_last->next = first;
	} while (!__atomic_compare_exchange_n(&head->first, &first, new_first, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
	return first == NULL;
}

static inline bool __llist_add_batch(struct llist_node *new_first,
				     struct llist_node *new_last, struct llist_head *head)
{
	new_last->next = head->first;
	head->first = new_first;
	return new_last->next == NULL;
}

static inline bool llist_add(struct llist_node *new, struct llist_head *head)
{
	return llist_add_batch(new, new, head);
}

static inline bool __llist_add(struct llist_node *new, struct llist_head *head)
{
	return __llist_add_batch(new, new, head);
}

/* take the whole list, newest first */
static inline struct llist_node *llist_del_all(struct llist_head *head)
{
	return __atomic_exchange_n(&head->first, NULL, __ATOMIC_SEQ_CST);
}

static inline struct llist_node *__llist_del_all(struct llist_head *head)
{
	struct llist_node *first = head->first;

	head->first = NULL;
	return first;
}

/* remove the newest entry; callers of this serialise among themselves */
static inline struct llist_node *llist_del_first(struct llist_head *head)
{
	struct llist_node *first = __atomic_load_n(&head->first, __ATOMIC_RELAXED), *next;

	do {
		if (!first)
			return NULL;
		next = READ_ONCE(first->next);
	} while (!__atomic_compare_exchange_n(&head->first, &first, next, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_ACQUIRE));
	return first;
}

static inline struct llist_node *llist_del_first_init(struct llist_head *head)
{
	struct llist_node *n = llist_del_first(head);

	if (n)
		init_llist_node(n);
	return n;
}

/* remove 'this' only if it is the first entry */
static inline bool llist_del_first_this(struct llist_head *head, struct llist_node *this)
{
	struct llist_node *first = __atomic_load_n(&head->first, __ATOMIC_RELAXED), *next;

	do {
		if (first != this)
			return false;
		next = READ_ONCE(first->next);
	} while (!__atomic_compare_exchange_n(&head->first, &first, next, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_ACQUIRE));
	return true;
}

static inline struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *reversed = NULL;

	while (head) {
		struct llist_node *next = head->next;

		head->next = reversed;
		reversed = head;
		head = next;
	}
	return reversed;
}

#endif /* LLIST_H */
