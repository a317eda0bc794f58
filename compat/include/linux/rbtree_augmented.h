/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Augmented red-black trees and the node-color internals that
 * lib/rbtree.c is written against.  Contract of the callbacks: propagate
 * recomputes the augmented value from a node up to (not including) stop,
 * copy moves it from an old node to the node taking its place, rotate
 * does both for the two nodes of a rotation.  __rb_erase_augmented()
 * unlinks a node and returns the parent from which the tree must be
 * recolored (the removed position was black and is now empty), or NULL.
 */
#ifndef _LINUX_RBTREE_AUGMENTED_H
#define _LINUX_RBTREE_AUGMENTED_H

#include <linux/compiler.h>
#include <linux/rbtree.h>

struct rb_augment_callbacks {
	void (*propagate)(struct rb_node *node, struct rb_node *stop);
	void (*copy)(struct rb_node *old, struct rb_node *new);
	void (*rotate)(struct rb_node *old, struct rb_node *new);
};

extern void __rb_insert_augmented(struct rb_node *node, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new));
extern void __rb_erase_color(struct rb_node *parent, struct rb_root *root,
	void (*augment_rotate)(struct rb_node *old, struct rb_node *new));

static inline void rb_insert_augmented(struct rb_node *node, struct rb_root *root,
				       const struct rb_augment_callbacks *augment)
{
	__rb_insert_augmented(node, root, augment->rotate);
}

static inline void rb_insert_augmented_cached(struct rb_node *node,
					      struct rb_root_cached *root, bool newleft,
					      const struct rb_augment_callbacks *augment)
{
	if (newleft)
		root->rb_leftmost = node;
	rb_insert_augmented(node, &root->rb_root, augment);
}

/* callbacks for an augmented value computed by RBCOMPUTE(node, exit) */
#define RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, RBCOMPUTE) \
	static inline void RBNAME##_propagate(struct rb_node *rb, struct rb_node *stop) \
	{                                                                  \
		for (; rb != stop; rb = rb_parent(rb)) {                   \
			if (RBCOMPUTE(rb_entry(rb, RBSTRUCT, RBFIELD), true)) \
				break;                                     \
		}                                                          \
	}                                                                  \
	static inline void RBNAME##_copy(struct rb_node *rb_old, struct rb_node *rb_new) \
	{                                                                  \
		rb_entry(rb_new, RBSTRUCT, RBFIELD)->RBAUGMENTED =         \
			rb_entry(rb_old, RBSTRUCT, RBFIELD)->RBAUGMENTED;  \
	}                                                                  \
	static void RBNAME##_rotate(struct rb_node *rb_old, struct rb_node *rb_new) \
	{                                                                  \
		RBNAME##_copy(rb_old, rb_new);                             \
		RBCOMPUTE(rb_entry(rb_old, RBSTRUCT, RBFIELD), false);     \
	}                                                                  \
	RBSTATIC const struct rb_augment_callbacks RBNAME = {              \
		.propagate = RBNAME##_propagate,                           \
		.copy = RBNAME##_copy,                                     \
		.rotate = RBNAME##_rotate,                                 \
	};

/* callbacks keeping RBAUGMENTED = max of RBCOMPUTE(n) over the subtree */
#define RB_DECLARE_CALLBACKS_MAX(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBTYPE,         \
				 RBAUGMENTED, RBCOMPUTE)                           \
	static inline bool RBNAME##_compute_max(RBSTRUCT *node, bool exit) \
	{                                                                  \
		RBTYPE best = RBCOMPUTE(node);                             \
		struct rb_node *kids[2] = { node->RBFIELD.rb_left,         \
					    node->RBFIELD.rb_right };      \
		int i;                                                     \
		for (i = 0; i < 2; i++) {                                  \
			RBSTRUCT *k;                                       \
			if (!kids[i])                                      \
				continue;                                  \
			k = rb_entry(kids[i], RBSTRUCT, RBFIELD);          \
			if (k->RBAUGMENTED > best)                         \
				best = k->RBAUGMENTED;                     \
		}                                                          \
		if (exit && node->RBAUGMENTED == best)                     \
			return true;                                       \
		node->RBAUGMENTED = best;                                  \
		return false;                                              \
	}                                                                  \
	RB_DECLARE_CALLBACKS(RBSTATIC, RBNAME, RBSTRUCT, RBFIELD, RBAUGMENTED, \
			     RBNAME##_compute_max)

#define RB_RED 0
#define RB_BLACK 1

#define __rb_parent(pc) ((struct rb_node *)((pc) & ~3))
#define __rb_color(pc) ((pc) & 1)
#define __rb_is_black(pc) __rb_color(pc)
#define __rb_is_red(pc) (!__rb_color(pc))
#define rb_color(rb) __rb_color((rb)->__rb_parent_color)
#define rb_is_red(rb) __rb_is_red((rb)->__rb_parent_color)
#define rb_is_black(rb) __rb_is_black((rb)->__rb_parent_color)

static inline void rb_set_parent(struct rb_node *rb, struct rb_node *p)
{
	rb->__rb_parent_color = rb_color(rb) | (unsigned long)p;
}

static inline void rb_set_parent_color(struct rb_node *rb, struct rb_node *p, int color)
{
	rb->__rb_parent_color = (unsigned long)p | color;
}

/* make parent (or the root when parent is NULL) point to new instead of old */
static inline void __rb_change_child(struct rb_node *old, struct rb_node *new,
				     struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

static inline void __rb_change_child_rcu(struct rb_node *old, struct rb_node *new,
					 struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		__kshim_rb_publish(root->rb_node, new);
	else if (parent->rb_left == old)
		__kshim_rb_publish(parent->rb_left, new);
	else
		__kshim_rb_publish(parent->rb_right, new);
}

static __always_inline struct rb_node *
__rb_erase_augmented(struct rb_node *node, struct rb_root *root,
		     const struct rb_augment_callbacks *augment)
{
	struct rb_node *left = node->rb_left, *right = node->rb_right;
	unsigned long pc = node->__rb_parent_color;
	struct rb_node *succ, *succ_parent, *succ_child, *fixup;

	if (!left || !right) {
		/*
		 * At most one child.  A lone child is red under a black node:
		 * it takes the node's place and color, nothing to rebalance.
		 * No child: the tree is short of one black if node was black.
		 */
		struct rb_node *only = left ? left : right;
		struct rb_node *parent = __rb_parent(pc);

		__rb_change_child(node, only, parent, root);
		fixup = NULL;
		if (only)
			only->__rb_parent_color = pc;
		else if (__rb_is_black(pc))
			fixup = parent;
		if (parent)
			augment->propagate(parent, NULL);
		return fixup;
	}

	/* two children: the in-order successor (leftmost of right) replaces node */
	succ = right;
	succ_parent = right;
	while (succ->rb_left) {
		succ_parent = succ;
		succ = succ->rb_left;
	}
	succ_child = succ->rb_right;
	if (succ == right) {
		/* succ keeps its right subtree and becomes the subtree root */
		succ_parent = succ;
		augment->copy(node, succ);
	} else {
		/* detach succ from deep in the right subtree first */
		WRITE_ONCE(succ_parent->rb_left, succ_child);
		WRITE_ONCE(succ->rb_right, right);
		rb_set_parent(right, succ);
		augment->copy(node, succ);
		augment->propagate(succ_parent, succ);
	}
	WRITE_ONCE(succ->rb_left, left);
	rb_set_parent(left, succ);
	__rb_change_child(node, succ, __rb_parent(pc), root);

	/* succ's old position loses a node; its lone child is red if any */
	fixup = NULL;
	if (succ_child)
		rb_set_parent_color(succ_child, succ_parent, RB_BLACK);
	else if (rb_is_black(succ))
		fixup = succ_parent;
	succ->__rb_parent_color = pc;
	augment->propagate(succ, NULL);
	return fixup;
}

static __always_inline void rb_erase_augmented(struct rb_node *node, struct rb_root *root,
					       const struct rb_augment_callbacks *augment)
{
	struct rb_node *fixup = __rb_erase_augmented(node, root, augment);

	if (fixup)
		__rb_erase_color(fixup, root, augment->rotate);
}

static __always_inline void rb_erase_augmented_cached(struct rb_node *node,
						      struct rb_root_cached *root,
						      const struct rb_augment_callbacks *augment)
{
	if (root->rb_leftmost == node)
		root->rb_leftmost = rb_next(node);
	rb_erase_augmented(node, &root->rb_root, augment);
}

#endif /* _LINUX_RBTREE_AUGMENTED_H */
