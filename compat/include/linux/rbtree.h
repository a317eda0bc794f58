/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Red-black trees.  The algorithms are the kernel's own lib/rbtree.c,
 * compiled unmodified against these declarations: O(log n) insert/erase
 * with the caller doing the search and linking (rb_link_node), then
 * rb_insert_color to rebalance.  The caller provides all locking; child
 * pointers are written with WRITE_ONCE so that a lockless lookup (under
 * RCU or a seqcount, as the kernel allows) never sees a torn pointer.
 */
#ifndef _LINUX_RBTREE_H
#define _LINUX_RBTREE_H

#include <linux/types.h>
#include <linux/container_of.h>
#include <linux/rbtree_types.h>
#include <linux/stddef.h>
#include <linux/compiler.h>
#include <asm/barrier.h>
#if __has_include(<linux/rcupdate.h>)
#include <linux/rcupdate.h>
#endif

#define rb_parent(r) ((struct rb_node *)((r)->__rb_parent_color & ~3))
#define rb_entry(ptr, type, member) container_of(ptr, type, member)
#define RB_EMPTY_ROOT(root) (READ_ONCE((root)->rb_node) == NULL)
/* a node that is not in any tree points to itself */
#define RB_EMPTY_NODE(node) ((node)->__rb_parent_color == (unsigned long)(node))
#define RB_CLEAR_NODE(node) ((node)->__rb_parent_color = (unsigned long)(node))

/* lib/rbtree.c */
void rb_insert_color(struct rb_node *node, struct rb_root *root);
void rb_erase(struct rb_node *node, struct rb_root *root);
/* in-order neighbours and ends; NULL past the end */
struct rb_node *rb_next(const struct rb_node *node);
struct rb_node *rb_prev(const struct rb_node *node);
struct rb_node *rb_first(const struct rb_root *root);
struct rb_node *rb_last(const struct rb_root *root);
/* children before parents, so nodes can be freed while walking */
struct rb_node *rb_first_postorder(const struct rb_root *root);
struct rb_node *rb_next_postorder(const struct rb_node *node);
/* put 'new' where 'victim' is, without rebalancing */
void rb_replace_node(struct rb_node *victim, struct rb_node *new, struct rb_root *root);
void rb_replace_node_rcu(struct rb_node *victim, struct rb_node *new, struct rb_root *root);

/* the orderings the search helpers below take */
typedef bool (*__kshim_rb_less_fn)(struct rb_node *, const struct rb_node *);
typedef int (*__kshim_rb_cmp_fn)(struct rb_node *, const struct rb_node *);
typedef int (*__kshim_rb_key_fn)(const void *key, const struct rb_node *);

/* publish a fully initialised node to lockless readers */
#define __kshim_rb_publish(slot, node) smp_store_release(&(slot), (node))

/* attach a new node below parent at *link, before rebalancing */
static inline void rb_link_node(struct rb_node *node, struct rb_node *parent,
				struct rb_node **link)
{
	node->__rb_parent_color = (uintptr_t)parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	*link = node;
}

static inline void rb_link_node_rcu(struct rb_node *node, struct rb_node *parent,
				    struct rb_node **link)
{
	node->__rb_parent_color = (uintptr_t)parent;
	node->rb_left = NULL;
	node->rb_right = NULL;
	__kshim_rb_publish(*link, node);
}

#define rb_entry_safe(ptr, type, member)                                   \
	({                                                                 \
		typeof(ptr) ____ptr = (ptr);                               \
		____ptr ? rb_entry(____ptr, type, member) : NULL;          \
	})

/* visits children before parents; pos may be freed in the body */
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field)          \
	for ((pos) = rb_entry_safe(rb_first_postorder(root), typeof(*(pos)), field); \
	     pos && ({ n = rb_entry_safe(rb_next_postorder(&pos->field),  \
					 typeof(*pos), field); 1; });      \
	     pos = n)

#define rb_first_cached(root) ((root)->rb_leftmost)

static inline void rb_insert_color_cached(struct rb_node *node, struct rb_root_cached *cached,
					  bool leftmost)
{
	if (leftmost)
		cached->rb_leftmost = node;
	rb_insert_color(node, &cached->rb_root);
}

/* returns the new leftmost node when node was the leftmost, else NULL */
static inline struct rb_node *rb_erase_cached(struct rb_node *node,
					      struct rb_root_cached *cached)
{
	struct rb_node *new_first = NULL;

	if (cached->rb_leftmost == node) {
		new_first = rb_next(node);
		cached->rb_leftmost = new_first;
	}
	rb_erase(node, &cached->rb_root);
	return new_first;
}

static inline void rb_replace_node_cached(struct rb_node *victim, struct rb_node *new,
					  struct rb_root_cached *cached)
{
	if (cached->rb_leftmost == victim)
		cached->rb_leftmost = new;
	rb_replace_node(victim, new, &cached->rb_root);
}

/* insert with a less() ordering; equal keys go after existing ones */
static __always_inline struct rb_node *rb_add_cached(struct rb_node *node,
						     struct rb_root_cached *tree,
						     __kshim_rb_less_fn less)
{
	struct rb_node **slot = &tree->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*slot) {
		parent = *slot;
		if (less(node, parent)) {
			slot = &parent->rb_left;
		} else {
			slot = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(node, parent, slot);
	rb_insert_color_cached(node, tree, leftmost);
	return leftmost ? node : NULL;
}

static __always_inline void rb_add(struct rb_node *node, struct rb_root *tree,
				   __kshim_rb_less_fn less)
{
	struct rb_node **slot = &tree->rb_node, *parent = NULL;

	while (*slot) {
		parent = *slot;
		slot = less(node, parent) ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(node, parent, slot);
	rb_insert_color(node, tree);
}

/* insert unless an equal node exists; returns that node, or NULL */
static __always_inline struct rb_node *rb_find_add(struct rb_node *node, struct rb_root *tree,
						   __kshim_rb_cmp_fn cmp)
{
	struct rb_node **slot = &tree->rb_node, *parent = NULL;

	while (*slot) {
		int c;

		parent = *slot;
		c = cmp(node, parent);
		if (c == 0)
			return parent;
		slot = c < 0 ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node(node, parent, slot);
	rb_insert_color(node, tree);
	return NULL;
}

static __always_inline struct rb_node *rb_find_add_rcu(struct rb_node *node,
						       struct rb_root *tree,
						       __kshim_rb_cmp_fn cmp)
{
	struct rb_node **slot = &tree->rb_node, *parent = NULL;

	while (*slot) {
		int c;

		parent = *slot;
		c = cmp(node, parent);
		if (c == 0)
			return parent;
		slot = c < 0 ? &parent->rb_left : &parent->rb_right;
	}
	rb_link_node_rcu(node, parent, slot);
	rb_insert_color(node, tree);
	return NULL;
}

static __always_inline struct rb_node *rb_find(const void *key, const struct rb_root *tree,
					       __kshim_rb_key_fn cmp)
{
	struct rb_node *n = tree->rb_node;

	while (n) {
		int c = cmp(key, n);

		if (c == 0)
			return n;
		n = c < 0 ? n->rb_left : n->rb_right;
	}
	return NULL;
}

static __always_inline struct rb_node *rb_find_rcu(const void *key, const struct rb_root *tree,
						   __kshim_rb_key_fn cmp)
{
	struct rb_node *n = READ_ONCE(tree->rb_node);

	while (n) {
		int c = cmp(key, n);

		if (c == 0)
			return n;
		n = c < 0 ? READ_ONCE(n->rb_left) : READ_ONCE(n->rb_right);
	}
	return NULL;
}

/* the leftmost node equal to key */
static __always_inline struct rb_node *rb_find_first(const void *key,
						     const struct rb_root *tree,
						     __kshim_rb_key_fn cmp)
{
	struct rb_node *n = tree->rb_node, *found = NULL;

	while (n) {
		int c = cmp(key, n);

		if (c <= 0) {
			if (c == 0)
				found = n;
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	return found;
}

static __always_inline struct rb_node *rb_next_match(const void *key, struct rb_node *node,
						     __kshim_rb_key_fn cmp)
{
	node = rb_next(node);
	if (node && cmp(key, node))
		node = NULL;
	return node;
}

#define rb_for_each(node, key, tree, cmp)                                  \
	for ((node) = rb_find_first((key), (tree), (cmp)); (node);         \
	     (node) = rb_next_match((key), (node), (cmp)))

#endif /* _LINUX_RBTREE_H */
