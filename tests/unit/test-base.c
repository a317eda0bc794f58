// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of the basics: lists, atomics and their orderings, spinlocks
 * and mutexes excluding each other, printk formatting, initcall order.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/init.h>
#include <kshim/host.h>
#include <kshim/runtime.h>
#include "ktest.h"

struct item {
	int v;
	struct list_head node;
};

KTEST(list_order_and_removal)
{
	LIST_HEAD(head);
	struct item items[5], *it, *tmp;
	int i, expect = 0;

	for (i = 0; i < 5; i++) {
		items[i].v = i;
		list_add_tail(&items[i].node, &head);
	}
	list_for_each_entry(it, &head, node)
		KT_EXPECT_EQ(it->v, expect++);
	KT_EXPECT_EQ(list_count_nodes(&head), 5);
	list_for_each_entry_safe(it, tmp, &head, node)
		if (it->v % 2)
			list_del(&it->node);
	KT_EXPECT_EQ(list_count_nodes(&head), 3);
	KT_EXPECT(items[1].node.next == LIST_POISON1);
	list_del_init(&items[0].node);
	KT_EXPECT(list_empty(&items[0].node));
	KT_EXPECT_EQ(list_first_entry(&head, struct item, node)->v, 2);
}

/* values of the list in order, as digits: "0123" */
static const char *list_digits(struct list_head *head, char *buf)
{
	struct item *it;
	char *p = buf;

	list_for_each_entry(it, head, node)
		*p++ = '0' + it->v;
	*p = 0;
	return buf;
}

static void list_fill(struct list_head *head, struct item *items, int n)
{
	int i;

	INIT_LIST_HEAD(head);
	for (i = 0; i < n; i++) {
		items[i].v = i;
		list_add_tail(&items[i].node, head);
	}
}

KTEST(list_cut_splice_swap_move)
{
	struct list_head a, b;
	struct item x[6];
	char s[8];

	list_fill(&a, x, 6);
	list_cut_position(&b, &a, &x[2].node);
	KT_EXPECT_STREQ(list_digits(&a, s), "345");
	KT_EXPECT_STREQ(list_digits(&b, s), "012");
	list_splice_tail_init(&b, &a);
	KT_EXPECT(list_empty(&b));
	KT_EXPECT_STREQ(list_digits(&a, s), "345012");
	list_cut_before(&b, &a, &x[0].node);
	KT_EXPECT_STREQ(list_digits(&b, s), "345");
	list_splice(&b, &a);
	KT_EXPECT_STREQ(list_digits(&a, s), "345012");

	/* swap neighbours and non-neighbours */
	list_fill(&a, x, 6);
	list_swap(&x[1].node, &x[2].node);
	KT_EXPECT_STREQ(list_digits(&a, s), "021345");
	list_swap(&x[0].node, &x[5].node);
	KT_EXPECT_STREQ(list_digits(&a, s), "521340");

	/* moving a run that already ends the list must keep it intact */
	list_fill(&a, x, 6);
	list_bulk_move_tail(&a, &x[4].node, &x[5].node);
	KT_EXPECT_STREQ(list_digits(&a, s), "012345");
	list_bulk_move_tail(&a, &x[1].node, &x[2].node);
	KT_EXPECT_STREQ(list_digits(&a, s), "034512");
	KT_EXPECT(a.prev == &x[2].node && x[2].node.next == &a);
	list_rotate_to_front(&x[5].node, &a);
	KT_EXPECT_STREQ(list_digits(&a, s), "512034");
	list_rotate_left(&a);
	KT_EXPECT_STREQ(list_digits(&a, s), "120345");
	list_move(&x[5].node, &a);
	KT_EXPECT_STREQ(list_digits(&a, s), "512034");
}

struct hitem {
	int v;
	struct hlist_node hn;
};

KTEST(hlist_add_del_keep_pprev)
{
	HLIST_HEAD(h);
	struct hlist_head h2 = HLIST_HEAD_INIT;
	struct hitem x[4], *it;
	struct hlist_node *tmp;
	int i, sum = 0;

	for (i = 0; i < 4; i++)
		x[i].v = i;
	hlist_add_head(&x[1].hn, &h);
	hlist_add_before(&x[0].hn, &x[1].hn);
	hlist_add_behind(&x[3].hn, &x[1].hn);
	hlist_add_behind(&x[2].hn, &x[1].hn);
	i = 0;
	hlist_for_each_entry(it, &h, hn) {
		KT_EXPECT_EQ(it->v, i);
		KT_EXPECT(*it->hn.pprev == &it->hn);
		i++;
	}
	KT_EXPECT_EQ(i, 4);
	hlist_del_init(&x[0].hn);
	KT_EXPECT(hlist_unhashed(&x[0].hn));
	KT_EXPECT(h.first == &x[1].hn && x[1].hn.pprev == &h.first);
	hlist_move_list(&h, &h2);
	KT_EXPECT(hlist_empty(&h) && x[1].hn.pprev == &h2.first);
	KT_EXPECT_EQ(hlist_count_nodes(&h2), 3);
	hlist_for_each_entry_safe(it, tmp, &h2, hn) {
		sum += it->v;
		hlist_del(&it->hn);
	}
	KT_EXPECT_EQ(sum, 6);
	KT_EXPECT(hlist_empty(&h2));
	hlist_add_fake(&x[0].hn);
	KT_EXPECT(hlist_fake(&x[0].hn) && !hlist_unhashed(&x[0].hn));
}

KTEST(atomic_semantics)
{
	atomic_t a = ATOMIC_INIT(5);
	atomic64_t b = ATOMIC64_INIT(1LL << 40);
	atomic_long_t c = ATOMIC_LONG_INIT(0);
	int old = 5;

	KT_EXPECT_EQ(atomic_add_return(3, &a), 8);
	KT_EXPECT_EQ(atomic_fetch_sub(8, &a), 8);
	KT_EXPECT(!atomic_inc_not_zero(&a));
	KT_EXPECT_EQ(atomic_read(&a), 0);
	KT_EXPECT_EQ(atomic_dec_if_positive(&a), -1);
	KT_EXPECT_EQ(atomic_read(&a), 0);
	KT_EXPECT(!atomic_try_cmpxchg(&a, &old, 7));
	KT_EXPECT_EQ(old, 0);
	KT_EXPECT(atomic_try_cmpxchg(&a, &old, 7));
	KT_EXPECT_EQ(atomic_cmpxchg(&a, 7, 9), 7);
	KT_EXPECT(atomic_add_unless(&a, 1, 10));
	KT_EXPECT(!atomic_add_unless(&a, 1, 10));
	KT_EXPECT_EQ(atomic64_inc_return(&b), (1LL << 40) + 1);
	atomic_long_set(&c, -1);
	KT_EXPECT(atomic_long_inc_and_test(&c));
	KT_EXPECT_EQ(xchg(&old, 42), 0);
	KT_EXPECT_EQ(cmpxchg(&old, 42, 43), 42);
	KT_EXPECT_EQ(old, 43);
}

static DEFINE_SPINLOCK(counter_lock);
static DEFINE_MUTEX(counter_mutex);
static long counter_spin, counter_mutex_v;
static atomic_t counter_atomic;

static void *hammer(void *arg)
{
	int i;

	kshim_thread_enter("hammer");
	for (i = 0; i < 200000; i++) {
		spin_lock(&counter_lock);
		counter_spin++;
		spin_unlock(&counter_lock);
		mutex_lock(&counter_mutex);
		KT_EXPECT(mutex_is_locked(&counter_mutex));
		counter_mutex_v++;
		mutex_unlock(&counter_mutex);
		atomic_inc(&counter_atomic);
	}
	return NULL;
}

/* a lock that does not exclude loses increments; four threads would show it */
KTEST(locks_exclude)
{
	kshim_host_thread_t t[4];
	int i;

	for (i = 0; i < 4; i++)
		KT_ASSERT_EQ(kshim_host_thread_create(&t[i], "hammer", hammer, NULL), 0);
	for (i = 0; i < 4; i++)
		kshim_host_thread_join(t[i], NULL);
	KT_EXPECT_EQ(counter_spin, 800000);
	KT_EXPECT_EQ(counter_mutex_v, 800000);
	KT_EXPECT_EQ(atomic_read(&counter_atomic), 800000);
	KT_EXPECT(!mutex_is_locked(&counter_mutex));
	KT_EXPECT(!spin_is_locked(&counter_lock));
	KT_EXPECT(spin_trylock(&counter_lock));
	KT_EXPECT(!spin_trylock(&counter_lock));
	spin_unlock(&counter_lock);
}

KTEST(vsnprintf_kernel_semantics)
{
	char *volatile null_string = NULL;
	char buf[64];
	int n;

	n = snprintf(buf, 8, "%d-%s", 12345, "abcdef");
	KT_EXPECT_EQ(n, 12);
	KT_EXPECT_STREQ(buf, "12345-a");
	KT_EXPECT_EQ(scnprintf(buf, 8, "%d-%s", 12345, "abcdef"), 7);
	snprintf(buf, sizeof(buf), "%5d|%-5d|%05d|%x|%#x|%llu|%s", -42, 7, 42,
		 255, 255, 18446744073709551615ULL, null_string);
	KT_EXPECT_STREQ(buf, "  -42|7    |00042|ff|0xff|18446744073709551615|(null)");
	snprintf(buf, sizeof(buf), "%.3s|%c|%%|%hhu|%ld|%zu", "abcdef", 'x',
		 (unsigned char)257, -3L, (size_t)9);
	KT_EXPECT_STREQ(buf, "abc|x|%|1|-3|9");
}

static int init_order[3], init_count;

static int __init first_init(void)
{
	init_order[init_count++] = 1;
	return 0;
}

static int __init second_init(void)
{
	init_order[init_count++] = 2;
	return 0;
}

static int __init third_init(void)
{
	init_order[init_count++] = 3;
	return 0;
}

/* registered out of order: levels decide, then link order */
late_initcall(third_init);
device_initcall(second_init);
core_initcall(first_init);

KTEST(initcalls_run_in_level_order)
{
	KT_EXPECT_EQ(init_count, 3);
	KT_EXPECT_EQ(init_order[0], 1);
	KT_EXPECT_EQ(init_order[1], 2);
	KT_EXPECT_EQ(init_order[2], 3);
}

static void hit_bug(void)
{
	BUG_ON(init_count == 3);
}

static void hit_warn(void)
{
	if (!WARN_ON(init_count == 3))
		kshim_host_exit_now(3);
}

/* BUG() never returns: the process ends with SIGABRT; WARN_ON returns */
KTEST(bug_ends_the_process_warn_returns)
{
	ktest_note("a kernel BUG and a WARNING report on stderr are expected");
	KT_EXPECT_EQ(ktest_run_in_child(hit_bug), 6);
	KT_EXPECT_EQ(ktest_run_in_child(hit_warn), 256);
}
