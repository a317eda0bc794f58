// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of RCU: grace periods wait for pre-existing readers,
 * kfree_rcu/call_rcu never run before a reader's grace period ends,
 * rcu_barrier waits for every queued callback, RCU lists stay walkable
 * while entries are removed and freed, hlist_bl's bit lock excludes,
 * SRCU domains are independent.
 */
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/rculist.h>
#include <linux/rculist_bl.h>
#include <linux/srcu.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <kshim/host.h>
#include <kshim/runtime.h>
#include "ktest.h"

static kshim_host_thread_t start(void *(*fn)(void *), void *arg)
{
	kshim_host_thread_t t;

	KT_ASSERT_EQ(kshim_host_thread_create(&t, "rcu-test", fn, arg), 0);
	return t;
}

static void wait_flag(int *flag)
{
	while (!__atomic_load_n(flag, __ATOMIC_ACQUIRE))
		kshim_host_sleep_ns(100000);
}

static int reader_in, reader_out;

static void *slow_reader(void *arg)
{
	kshim_thread_enter("slow_reader");
	rcu_read_lock();
	__atomic_store_n(&reader_in, 1, __ATOMIC_RELEASE);
	kshim_host_sleep_ns(200000000);
	__atomic_store_n(&reader_out, 1, __ATOMIC_RELEASE);
	rcu_read_unlock();
	return NULL;
}

/* a synchronize_rcu that does not wait returns before the reader leaves */
KTEST(synchronize_rcu_waits_for_reader)
{
	kshim_host_thread_t t = start(slow_reader, NULL);

	wait_flag(&reader_in);
	synchronize_rcu();
	KT_EXPECT_EQ(__atomic_load_n(&reader_out, __ATOMIC_ACQUIRE), 1);
	kshim_host_thread_join(t, NULL);
}

KTEST(read_lock_nests)
{
	KT_EXPECT(!rcu_read_lock_held());
	rcu_read_lock();
	rcu_read_lock();
	rcu_read_unlock();
	KT_EXPECT(rcu_read_lock_held());
	rcu_read_unlock();
	KT_EXPECT(!rcu_read_lock_held());
}

#define CANARY 0x5ca1ab1e5ca1ab1eUL

struct obj {
	unsigned long canary[32];
	struct rcu_head rcu;
};

static struct obj __rcu *gp;
static int cb_ran, kf_reader_in, kf_reader_bad;
static struct rcu_head marker;

static void count_cb(struct rcu_head *head)
{
	__atomic_add_fetch(&cb_ran, 1, __ATOMIC_SEQ_CST);
}

static void *kfree_reader(void *arg)
{
	struct obj *o;
	unsigned long end;
	int i;

	kshim_thread_enter("kfree_reader");
	rcu_read_lock();
	o = rcu_dereference(gp);
	__atomic_store_n(&kf_reader_in, 1, __ATOMIC_RELEASE);
	end = kshim_host_monotonic_ns() + 300000000ULL;
	while (kshim_host_monotonic_ns() < end) {
		for (i = 0; i < 32; i++)
			if (READ_ONCE(o->canary[i]) != CANARY)
				kf_reader_bad++;
		/* the grace period cannot end while we are inside */
		if (__atomic_load_n(&cb_ran, __ATOMIC_SEQ_CST))
			kf_reader_bad++;
		kshim_host_sleep_ns(1000000);
	}
	rcu_read_unlock();
	return NULL;
}

/*
 * The writer unpublishes and kfree_rcu()s the object a reader holds; a
 * callback queued after it marks the grace period's end.  Freed memory
 * is poisoned by the allocator in sanitizer builds (and reused by
 * jemalloc): the reader checks its canary throughout.
 */
KTEST(kfree_rcu_waits_for_reader)
{
	struct obj *o = kmalloc(sizeof(*o), GFP_KERNEL);
	kshim_host_thread_t t;
	int i;

	KT_ASSERT(o);
	for (i = 0; i < 32; i++)
		o->canary[i] = CANARY;
	rcu_assign_pointer(gp, o);
	t = start(kfree_reader, NULL);
	wait_flag(&kf_reader_in);
	rcu_assign_pointer(gp, NULL);
	kfree_rcu(o, rcu);
	call_rcu(&marker, count_cb);
	/* churn the allocator so a premature free would be overwritten */
	for (i = 0; i < 1000; i++)
		kfree(kmalloc(sizeof(*o), GFP_KERNEL));
	kshim_host_thread_join(t, NULL);
	KT_EXPECT_EQ(kf_reader_bad, 0);
	rcu_barrier();
	KT_EXPECT_EQ(__atomic_load_n(&cb_ran, __ATOMIC_SEQ_CST), 1);
}

#define CB_THREADS 4
#define CB_EACH 5000

struct seq_cb {
	struct rcu_head rcu;
	int thread, seq;
};

static int cb_done, cb_last[CB_THREADS], cb_order_bad;

static void seq_cb_fn(struct rcu_head *head)
{
	struct seq_cb *c = container_of(head, struct seq_cb, rcu);

	/* one thread's callbacks run in the order it queued them */
	if (c->seq != cb_last[c->thread] + 1)
		cb_order_bad++;
	cb_last[c->thread] = c->seq;
	__atomic_add_fetch(&cb_done, 1, __ATOMIC_SEQ_CST);
	kfree(c);
}

static void *queue_cbs(void *arg)
{
	int id = (int)(long)arg, i;

	kshim_thread_enter("queue_cbs");
	for (i = 1; i <= CB_EACH; i++) {
		struct seq_cb *c = kmalloc(sizeof(*c), GFP_KERNEL);

		c->thread = id;
		c->seq = i;
		call_rcu(&c->rcu, seq_cb_fn);
	}
	return NULL;
}

KTEST(rcu_barrier_waits_for_all_callbacks)
{
	kshim_host_thread_t t[CB_THREADS];
	long i;

	for (i = 0; i < CB_THREADS; i++)
		t[i] = start(queue_cbs, (void *)i);
	for (i = 0; i < CB_THREADS; i++)
		kshim_host_thread_join(t[i], NULL);
	rcu_barrier();
	KT_EXPECT_EQ(__atomic_load_n(&cb_done, __ATOMIC_SEQ_CST), CB_THREADS * CB_EACH);
	KT_EXPECT_EQ(cb_order_bad, 0);
	/* a barrier with nothing queued returns */
	rcu_barrier();
}

KTEST(kvfree_rcu_single_argument)
{
	struct kshim_slab_stats before, after;
	void *p = kmalloc(100, GFP_KERNEL);
	void *v = kvmalloc(8 << 20, GFP_KERNEL);

	KT_ASSERT(p && v);
	kshim_slab_stats(NULL, &before);
	kvfree_rcu(p);
	kfree_rcu_mightsleep(v);
	rcu_barrier();
	kshim_slab_stats(NULL, &after);
	KT_EXPECT_EQ(after.in_use, before.in_use - 1);
}

KTEST(pointer_publication)
{
	static int a = 1, b = 2;
	int __rcu *p = NULL;
	int *old;

	RCU_INIT_POINTER(p, &a);
	KT_EXPECT(rcu_access_pointer(p) == &a);
	old = rcu_replace_pointer(p, &b, true);
	KT_EXPECT(old == &a);
	rcu_read_lock();
	KT_EXPECT_EQ(*rcu_dereference(p), 2);
	rcu_read_unlock();
	KT_EXPECT(rcu_dereference_protected(p, 1) == &b);
}

/* ---- lists under concurrent removal ---- */

#define ITEM_MAGIC 0x17e3b00cUL
#define NITEMS 64
#define LIST_ROUNDS 20000

struct item {
	unsigned long magic;
	int key;
	struct list_head node;
	struct hlist_node hnode;
	struct hlist_bl_node blnode;
	struct rcu_head rcu;
};

static LIST_HEAD(items);
static HLIST_HEAD(hitems);
static DEFINE_SPINLOCK(items_lock);
static int list_stop, list_bad;
static long list_walks;

static void item_free(struct rcu_head *head)
{
	struct item *it = container_of(head, struct item, rcu);

	it->magic = 0xdead;	/* a reader still on it would notice */
	kfree(it);
}

static void *list_reader(void *arg)
{
	struct item *it;
	int n;

	kshim_thread_enter("list_reader");
	while (!__atomic_load_n(&list_stop, __ATOMIC_ACQUIRE)) {
		rcu_read_lock();
		n = 0;
		list_for_each_entry_rcu(it, &items, node) {
			if (READ_ONCE(it->magic) != ITEM_MAGIC)
				__atomic_add_fetch(&list_bad, 1, __ATOMIC_RELAXED);
			/* a walk may meet entries added behind it, not loop */
			if (++n > LIST_ROUNDS + NITEMS)
				break;
		}
		if (n > LIST_ROUNDS + NITEMS)
			__atomic_add_fetch(&list_bad, 1, __ATOMIC_RELAXED);
		hlist_for_each_entry_rcu(it, &hitems, hnode)
			if (READ_ONCE(it->magic) != ITEM_MAGIC)
				__atomic_add_fetch(&list_bad, 1, __ATOMIC_RELAXED);
		rcu_read_unlock();
		__atomic_add_fetch(&list_walks, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

static struct item *new_item(int key)
{
	struct item *it = kmalloc(sizeof(*it), GFP_KERNEL);

	it->magic = ITEM_MAGIC;
	it->key = key;
	return it;
}

KTEST_TIMEOUT(rculist_walk_during_deletions, 60)
{
	kshim_host_thread_t t[2];
	struct item *it, *tmp;
	int i;

	for (i = 0; i < NITEMS; i++) {
		it = new_item(i);
		list_add_tail_rcu(&it->node, &items);
		hlist_add_head_rcu(&it->hnode, &hitems);
	}
	t[0] = start(list_reader, NULL);
	t[1] = start(list_reader, NULL);
	for (i = 0; i < LIST_ROUNDS; i++) {
		struct item *fresh = new_item(i);

		spin_lock(&items_lock);
		it = list_first_or_null_rcu(&items, struct item, node);
		list_del_rcu(&it->node);
		hlist_del_rcu(&it->hnode);
		if (i & 1) {
			list_add_tail_rcu(&fresh->node, &items);
			hlist_add_head_rcu(&fresh->hnode, &hitems);
		} else {
			list_add_rcu(&fresh->node, &items);
			hlist_add_tail_rcu(&fresh->hnode, &hitems);
		}
		spin_unlock(&items_lock);
		call_rcu(&it->rcu, item_free);
		if (i % 4096 == 0)
			rcu_barrier();	/* bound the backlog */
	}
	__atomic_store_n(&list_stop, 1, __ATOMIC_RELEASE);
	kshim_host_thread_join(t[0], NULL);
	kshim_host_thread_join(t[1], NULL);
	KT_EXPECT_EQ(list_bad, 0);
	KT_EXPECT(list_walks > 0);
	i = 0;
	list_for_each_entry_safe(it, tmp, &items, node) {
		list_del_rcu(&it->node);
		hlist_del_init_rcu(&it->hnode);
		kfree_rcu(it, rcu);
		i++;
	}
	KT_EXPECT_EQ(i, NITEMS);
	KT_EXPECT(hlist_empty(&hitems));
	rcu_barrier();
}

/* ---- hlist_bl ---- */

static struct hlist_bl_head bl_head;
static long bl_counter;

static void *bl_hammer(void *arg)
{
	int i;

	kshim_thread_enter("bl_hammer");
	for (i = 0; i < 100000; i++) {
		hlist_bl_lock(&bl_head);
		bl_counter++;
		hlist_bl_unlock(&bl_head);
	}
	return NULL;
}

KTEST(hlist_bl_lock_excludes_and_hides_bit)
{
	struct item a = { .key = 1 }, b = { .key = 2 };
	struct hlist_bl_node *na = &a.blnode, *nb = &b.blnode, *pos;
	struct item *it;
	kshim_host_thread_t t[3];
	int i, n = 0;

	INIT_HLIST_BL_HEAD(&bl_head);
	for (i = 0; i < 3; i++)
		t[i] = start(bl_hammer, NULL);
	for (i = 0; i < 3; i++)
		kshim_host_thread_join(t[i], NULL);
	KT_EXPECT_EQ(bl_counter, 300000);
	KT_EXPECT(!hlist_bl_is_locked(&bl_head));

	hlist_bl_lock(&bl_head);
	hlist_bl_add_head(na, &bl_head);
	hlist_bl_add_head_rcu(nb, &bl_head);
	KT_EXPECT(hlist_bl_is_locked(&bl_head));
	KT_EXPECT(hlist_bl_first(&bl_head) == nb);
	hlist_bl_for_each_entry(it, pos, &bl_head, blnode)
		n += it->key;
	KT_EXPECT_EQ(n, 3);
	rcu_read_lock();
	n = 0;
	hlist_bl_for_each_entry_rcu(it, pos, &bl_head, blnode)
		n++;
	rcu_read_unlock();
	KT_EXPECT_EQ(n, 2);
	hlist_bl_del_rcu(nb);
	KT_EXPECT(hlist_bl_first(&bl_head) == na);
	KT_EXPECT(hlist_bl_is_locked(&bl_head));
	hlist_bl_del_init(na);
	KT_EXPECT(hlist_bl_unhashed(na));
	KT_EXPECT(hlist_bl_empty(&bl_head));
	hlist_bl_unlock(&bl_head);
	KT_EXPECT(!hlist_bl_is_locked(&bl_head));
}

/* ---- SRCU ---- */

DEFINE_STATIC_SRCU(srcu_a);
static struct srcu_struct srcu_b;
static int srcu_in, srcu_out;

static void *srcu_reader(void *arg)
{
	int idx;

	kshim_thread_enter("srcu_reader");
	idx = srcu_read_lock(&srcu_a);
	__atomic_store_n(&srcu_in, 1, __ATOMIC_RELEASE);
	kshim_host_sleep_ns(200000000);	/* SRCU readers may sleep */
	__atomic_store_n(&srcu_out, 1, __ATOMIC_RELEASE);
	srcu_read_unlock(&srcu_a, idx);
	return NULL;
}

KTEST(srcu_waits_for_its_own_readers_only)
{
	kshim_host_thread_t t;
	unsigned long long t0;

	init_srcu_struct(&srcu_b);
	t = start(srcu_reader, NULL);
	wait_flag(&srcu_in);
	t0 = kshim_host_monotonic_ns();
	synchronize_srcu(&srcu_b);
	/* the other domain's reader is still inside */
	KT_EXPECT_EQ(__atomic_load_n(&srcu_out, __ATOMIC_ACQUIRE), 0);
	synchronize_srcu(&srcu_a);
	KT_EXPECT_EQ(__atomic_load_n(&srcu_out, __ATOMIC_ACQUIRE), 1);
	KT_EXPECT(kshim_host_monotonic_ns() - t0 < 10000000000ULL);
	kshim_host_thread_join(t, NULL);
	cleanup_srcu_struct(&srcu_b);
}
