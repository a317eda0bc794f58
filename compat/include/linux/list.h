/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Circular doubly linked lists with a sentinel head (list_head) and
 * singly-headed hash lists (hlist).  Kernel guarantees kept: an empty list
 * is a head pointing at itself; removed entries are poisoned, so a use
 * after list_del() faults at once; list_del_init() leaves an empty list;
 * the stores a lockless reader may observe (head->next, node->pprev, ...)
 * are single WRITE_ONCE stores, and list_del_init_careful() /
 * list_empty_careful() pair as release/acquire.
 */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/poison.h>
#include <linux/const.h>
#include <linux/container_of.h>

#define LIST_HEAD_INIT(l)	{ .next = &(l), .prev = &(l) }
#define LIST_HEAD(l)		struct list_head l = LIST_HEAD_INIT(l)

static inline void INIT_LIST_HEAD(struct list_head *l)
{
	WRITE_ONCE(l->next, l);
	WRITE_ONCE(l->prev, l);
}

/* ---- predicates ---- */

static inline int list_is_head(const struct list_head *e,
			       const struct list_head *l)
{
	return e == l;
}
static inline int list_is_first(const struct list_head *e,
				const struct list_head *l)
{
	return e->prev == l;
}
static inline int list_is_last(const struct list_head *e,
			       const struct list_head *l)
{
	return e->next == l;
}
static inline int list_empty(const struct list_head *l)
{
	return READ_ONCE(l->next) == l;
}
static inline int list_is_singular(const struct list_head *l)
{
	return l->next != l && l->next == l->prev;
}

/* ---- insertion: everything goes through __list_add ---- */

/* put @e between @before and @after, which must be neighbours */
static inline void __list_add(struct list_head *e, struct list_head *before,
			      struct list_head *after)
{
	e->prev = before;
	e->next = after;
	after->prev = e;
	WRITE_ONCE(before->next, e);	/* publishes @e to forward walkers */
}

static inline void list_add(struct list_head *e, struct list_head *l)
{
	__list_add(e, l, l->next);
}

static inline void list_add_tail(struct list_head *e, struct list_head *l)
{
	__list_add(e, l->prev, l);
}

/* ---- removal: everything goes through __list_del ---- */

/* make @before and @after neighbours, dropping whatever was between */
static inline void __list_del(struct list_head *before,
			      struct list_head *after)
{
	after->prev = before;
	WRITE_ONCE(before->next, after);
}

static inline void __list_del_entry(struct list_head *e)
{
	__list_del(e->prev, e->next);
}

static inline void __list_del_clearprev(struct list_head *e)
{
	__list_del_entry(e);
	e->prev = NULL;
}

static inline void list_del(struct list_head *e)
{
	__list_del_entry(e);
	e->next = LIST_POISON1;
	e->prev = LIST_POISON2;
}

static inline void list_del_init(struct list_head *e)
{
	__list_del_entry(e);
	INIT_LIST_HEAD(e);
}

/* the final ->next store is a release: list_empty_careful() pairs with it */
static inline void list_del_init_careful(struct list_head *e)
{
	__list_del_entry(e);
	WRITE_ONCE(e->prev, e);
	__atomic_store_n(&e->next, e, __ATOMIC_RELEASE);
}

/* empty and not being modified (both links agree) */
static inline int list_empty_careful(const struct list_head *l)
{
	const struct list_head *n = __atomic_load_n(&l->next, __ATOMIC_ACQUIRE);

	return n == l && READ_ONCE(l->prev) == n;
}

/* ---- replacing and moving ---- */

/* @repl takes the place of @gone in its list; @gone is left stale */
static inline void list_replace(struct list_head *gone,
				struct list_head *repl)
{
	struct list_head *before = gone->prev, *after = gone->next;

	repl->prev = before;
	repl->next = after;
	before->next = repl;
	after->prev = repl;
}

static inline void list_replace_init(struct list_head *gone,
				     struct list_head *repl)
{
	list_replace(gone, repl);
	INIT_LIST_HEAD(gone);
}

/* exchange the positions of @x and @y (possibly adjacent, same list or not) */
static inline void list_swap(struct list_head *x, struct list_head *y)
{
	struct list_head *spot = y->prev;

	list_del(y);
	list_replace(x, y);
	list_add(x, spot == x ? y : spot);
}

static inline void list_move(struct list_head *e, struct list_head *l)
{
	__list_del_entry(e);
	__list_add(e, l, l->next);
}

static inline void list_move_tail(struct list_head *e, struct list_head *l)
{
	__list_del_entry(e);
	__list_add(e, l->prev, l);
}

/* detach the run @from..@to (inclusive) and append it to @l */
static inline void list_bulk_move_tail(struct list_head *l,
				       struct list_head *from,
				       struct list_head *to)
{
	struct list_head *tail;

	__list_del(from->prev, to->next);
	tail = l->prev;		/* read after the cut: the run may have ended @l */
	tail->next = from;
	from->prev = tail;
	to->next = l;
	l->prev = to;
}

static inline void list_rotate_left(struct list_head *l)
{
	if (!list_empty(l))
		list_move_tail(l->next, l);
}

/* rotate so that @e becomes the first entry of @l */
static inline void list_rotate_to_front(struct list_head *e,
					struct list_head *l)
{
	list_move_tail(l, e);
}

/* ---- cutting and splicing ---- */

/*
 * Move the entries of @l before @stop (exclusive) to @dst, which is
 * overwritten; @l keeps @stop and what follows.
 */
static inline void list_cut_before(struct list_head *dst,
				   struct list_head *l,
				   struct list_head *stop)
{
	struct list_head *first = l->next, *last = stop->prev;

	if (first == stop) {
		INIT_LIST_HEAD(dst);
		return;
	}
	dst->next = first;
	first->prev = dst;
	dst->prev = last;
	last->next = dst;
	l->next = stop;
	stop->prev = l;
}

/*
 * Move the entries of @l up to and including @stop to @dst, which is
 * overwritten.  @stop == @l moves nothing; on a one-entry list any other
 * @stop than that entry is ignored, as in the kernel.
 */
static inline void list_cut_position(struct list_head *dst,
				     struct list_head *l,
				     struct list_head *stop)
{
	if (list_empty(l))
		return;
	if (list_is_singular(l) && stop != l && stop != l->next)
		return;
	if (stop == l)
		INIT_LIST_HEAD(dst);
	else
		list_cut_before(dst, l, stop->next);
}

/* link every entry of @src in between @before and @after */
static inline void __list_splice(const struct list_head *src,
				 struct list_head *before,
				 struct list_head *after)
{
	struct list_head *first = src->next, *last = src->prev;

	before->next = first;
	first->prev = before;
	after->prev = last;
	last->next = after;
}

static inline void list_splice(const struct list_head *src,
			       struct list_head *l)
{
	if (!list_empty(src))
		__list_splice(src, l, l->next);
}

static inline void list_splice_tail(struct list_head *src,
				    struct list_head *l)
{
	if (!list_empty(src))
		__list_splice(src, l->prev, l);
}

static inline void list_splice_init(struct list_head *src,
				    struct list_head *l)
{
	if (list_empty(src))
		return;
	__list_splice(src, l, l->next);
	INIT_LIST_HEAD(src);
}

static inline void list_splice_tail_init(struct list_head *src,
					 struct list_head *l)
{
	if (list_empty(src))
		return;
	__list_splice(src, l->prev, l);
	INIT_LIST_HEAD(src);
}

/* ---- from links to containing entries ---- */

#define list_entry(link, T, m)		container_of(link, T, m)
#define list_first_entry(l, T, m)	container_of((l)->next, T, m)
#define list_last_entry(l, T, m)	container_of((l)->prev, T, m)
#define list_next_entry(e, m)		container_of((e)->m.next, typeof(*(e)), m)
#define list_prev_entry(e, m)		container_of((e)->m.prev, typeof(*(e)), m)
#define list_entry_is_head(e, l, m)	(&(e)->m == (l))

#define list_first_entry_or_null(l, T, m) ({				\
	struct list_head *l_ = (l), *n_ = READ_ONCE(l_->next);		\
	n_ == l_ ? NULL : container_of(n_, T, m);			\
})
#define list_last_entry_or_null(l, T, m)				\
	(list_empty(l) ? NULL : list_last_entry(l, T, m))

/* wrap around the head instead of returning it */
#define list_next_entry_circular(e, l, m)				\
	(list_is_last(&(e)->m, l) ? list_first_entry(l, typeof(*(e)), m) \
				  : list_next_entry(e, m))
#define list_prev_entry_circular(e, l, m)				\
	(list_is_first(&(e)->m, l) ? list_last_entry(l, typeof(*(e)), m) \
				   : list_prev_entry(e, m))

/* a cursor for the *_continue walks: @e, or the head disguised as an entry */
#define list_prepare_entry(e, l, m)	((e) ?: list_entry(l, typeof(*(e)), m))
#define list_safe_reset_next(e, t, m)	((t) = list_next_entry(e, m))

/* ---- walks over links ---- */

#define __list_walk_links(p, start, l, dir)				\
	for (p = (start); p != (l); p = p->dir)
#define list_for_each(p, l)		__list_walk_links(p, (l)->next, l, next)
#define list_for_each_prev(p, l)	__list_walk_links(p, (l)->prev, l, prev)
#define list_for_each_continue(p, l)	__list_walk_links(p, p->next, l, next)

/* the *_safe forms read the successor before the body may unlink @p */
#define __list_walk_links_safe(p, t, start, l, dir)			\
	for (p = (start), t = p->dir; p != (l); p = t, t = p->dir)
#define list_for_each_safe(p, t, l)					\
	__list_walk_links_safe(p, t, (l)->next, l, next)
#define list_for_each_prev_safe(p, t, l)				\
	__list_walk_links_safe(p, t, (l)->prev, l, prev)

/* ---- walks over entries ---- */

#define __list_walk(e, start, l, m, step)				\
	for (e = (start); !list_entry_is_head(e, l, m); e = step(e, m))
#define __list_walk_safe(e, t, start, l, m, step)			\
	for (e = (start), t = step(e, m); !list_entry_is_head(e, l, m);	\
	     e = t, t = step(t, m))

#define list_for_each_entry(e, l, m)					\
	__list_walk(e, list_first_entry(l, typeof(*(e)), m), l, m, list_next_entry)
#define list_for_each_entry_reverse(e, l, m)				\
	__list_walk(e, list_last_entry(l, typeof(*(e)), m), l, m, list_prev_entry)
#define list_for_each_entry_continue(e, l, m)				\
	__list_walk(e, list_next_entry(e, m), l, m, list_next_entry)
#define list_for_each_entry_continue_reverse(e, l, m)			\
	__list_walk(e, list_prev_entry(e, m), l, m, list_prev_entry)
#define list_for_each_entry_from(e, l, m)				\
	for (; !list_entry_is_head(e, l, m); e = list_next_entry(e, m))
#define list_for_each_entry_from_reverse(e, l, m)			\
	for (; !list_entry_is_head(e, l, m); e = list_prev_entry(e, m))

#define list_for_each_entry_safe(e, t, l, m)				\
	__list_walk_safe(e, t, list_first_entry(l, typeof(*(e)), m), l, m, \
			 list_next_entry)
#define list_for_each_entry_safe_reverse(e, t, l, m)			\
	__list_walk_safe(e, t, list_last_entry(l, typeof(*(e)), m), l, m, \
			 list_prev_entry)
#define list_for_each_entry_safe_continue(e, t, l, m)			\
	__list_walk_safe(e, t, list_next_entry(e, m), l, m, list_next_entry)
#define list_for_each_entry_safe_from(e, t, l, m)			\
	for (t = list_next_entry(e, m); !list_entry_is_head(e, l, m);	\
	     e = t, t = list_next_entry(t, m))

static inline size_t list_count_nodes(struct list_head *l)
{
	struct list_head *p;
	size_t n = 0;

	list_for_each(p, l)
		n++;
	return n;
}

/*
 * Hash lists: a one-pointer head; each node records the address of the
 * pointer that points at it (pprev), so deletion needs no head.
 */
#define HLIST_HEAD_INIT		{ .first = NULL }
#define HLIST_HEAD(h)		struct hlist_head h = HLIST_HEAD_INIT
#define INIT_HLIST_HEAD(h)	((h)->first = NULL)

static inline void INIT_HLIST_NODE(struct hlist_node *n)
{
	n->pprev = NULL;
	n->next = NULL;
}

static inline int hlist_unhashed(const struct hlist_node *n)
{
	return n->pprev == NULL;
}
static inline int hlist_unhashed_lockless(const struct hlist_node *n)
{
	return READ_ONCE(n->pprev) == NULL;
}
static inline int hlist_empty(const struct hlist_head *h)
{
	return READ_ONCE(h->first) == NULL;
}

/* unlink @n: whoever pointed at it now points at its successor */
static inline void __hlist_del(struct hlist_node *n)
{
	struct hlist_node **slot = n->pprev, *succ = n->next;

	WRITE_ONCE(*slot, succ);
	if (succ != NULL)
		WRITE_ONCE(succ->pprev, slot);
}

static inline void hlist_del(struct hlist_node *n)
{
	__hlist_del(n);
	n->next = LIST_POISON1;
	n->pprev = LIST_POISON2;
}

static inline void hlist_del_init(struct hlist_node *n)
{
	if (hlist_unhashed(n))
		return;
	__hlist_del(n);
	INIT_HLIST_NODE(n);
}

/*
 * Link @n in at @slot (a head's ->first or a node's ->next), followed by
 * @succ; every store is single-copy so RCU walkers see a consistent chain.
 */
static inline void __hlist_link(struct hlist_node *n, struct hlist_node **slot,
				struct hlist_node *succ)
{
	WRITE_ONCE(n->next, succ);
	WRITE_ONCE(n->pprev, slot);
	if (succ != NULL)
		WRITE_ONCE(succ->pprev, &n->next);
	WRITE_ONCE(*slot, n);
}

static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{
	__hlist_link(n, &h->first, h->first);
}

static inline void hlist_add_before(struct hlist_node *n,
				    struct hlist_node *succ)
{
	__hlist_link(n, succ->pprev, succ);
}

static inline void hlist_add_behind(struct hlist_node *n,
				    struct hlist_node *pred)
{
	__hlist_link(n, &pred->next, pred->next);
}

/* looks hashed but sits on no list, so a later hlist_del() changes nothing */
static inline void hlist_add_fake(struct hlist_node *n)
{
	n->pprev = &n->next;
}
static inline bool hlist_fake(struct hlist_node *n)
{
	return n->pprev == &n->next;
}

/* @n is the one and only node of @h */
static inline bool hlist_is_singular_node(struct hlist_node *n,
					  struct hlist_head *h)
{
	return n->next == NULL && n->pprev == &h->first;
}

/* transfer the whole chain of @from to @to, leaving @from empty */
static inline void hlist_move_list(struct hlist_head *from,
				   struct hlist_head *to)
{
	struct hlist_node *first = from->first;

	to->first = first;
	if (first != NULL)
		first->pprev = &to->first;
	from->first = NULL;
}

#define hlist_entry(link, T, m)		container_of(link, T, m)
#define hlist_entry_safe(link, T, m) ({					\
	typeof(link) hl_ = (link);					\
	hl_ ? container_of(hl_, T, m) : NULL;				\
})
#define __hlist_next_entry(e, m)					\
	hlist_entry_safe((e)->m.next, typeof(*(e)), m)

#define hlist_for_each(p, h)	for (p = (h)->first; p; p = p->next)
#define hlist_for_each_safe(p, t, h)					\
	for (p = (h)->first; p && ({ t = p->next; 1; }); p = t)

#define hlist_for_each_entry(e, h, m)					\
	for (e = hlist_entry_safe((h)->first, typeof(*(e)), m); e;	\
	     e = __hlist_next_entry(e, m))
#define hlist_for_each_entry_continue(e, m)				\
	for (e = __hlist_next_entry(e, m); e; e = __hlist_next_entry(e, m))
#define hlist_for_each_entry_from(e, m)					\
	for (; e; e = __hlist_next_entry(e, m))
#define hlist_for_each_entry_safe(e, t, h, m)				\
	for (e = hlist_entry_safe((h)->first, typeof(*(e)), m);	\
	     e && ({ t = (e)->m.next; 1; });				\
	     e = hlist_entry_safe(t, typeof(*(e)), m))

static inline size_t hlist_count_nodes(struct hlist_head *h)
{
	struct hlist_node *p;
	size_t n = 0;

	hlist_for_each(p, h)
		n++;
	return n;
}

#endif /* _LINUX_LIST_H */
