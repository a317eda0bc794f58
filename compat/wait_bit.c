// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bit and variable waits (the role of kernel/sched/wait_bit.c): a fixed
 * table of wait queues shared by hashing the (word, bit) or variable
 * address.  Entries carry their key, and the wake functions wake only
 * entries whose key matches, so sharing a queue costs only spurious
 * wake function calls, never wrong wake-ups.
 *
 * The table is zero-filled static memory: a valid set of empty queues
 * (linux/wait.h sets the list up on first use), so waits work before any
 * initcall ran.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/wait_bit.h>
#include <linux/sched.h>

#define WAIT_TABLE_BITS 8
#define WAIT_TABLE_SIZE (1 << WAIT_TABLE_BITS)

static struct wait_queue_head bit_wait_table[WAIT_TABLE_SIZE];

/* multiplicative (Fibonacci) hashing of a word to WAIT_TABLE_BITS bits */
static inline unsigned int table_slot(unsigned long val)
{
	return (unsigned int)((val * 0x61c8864680b583ebULL) >> (64 - WAIT_TABLE_BITS));
}

struct wait_queue_head *bit_waitqueue(void *word, int bit)
{
	unsigned long val = (unsigned long)word << 6 | (unsigned long)(bit & 63);

	return &bit_wait_table[table_slot(val)];
}

wait_queue_head_t *__var_waitqueue(void *p)
{
	return &bit_wait_table[table_slot((unsigned long)p)];
}

void wait_bit_init(void)
{
	int i;

	for (i = 0; i < WAIT_TABLE_SIZE; i++)
		init_waitqueue_head(&bit_wait_table[i]);
}

static inline bool same_key(const struct wait_bit_key *a,
			    const struct wait_bit_key *b)
{
	return a->flags == b->flags && a->bit_nr == b->bit_nr;
}

/* wakes a bit waiter of the same word and bit, once the bit is clear */
int wake_bit_function(struct wait_queue_entry *we, unsigned mode,
		      int sync, void *arg)
{
	struct wait_bit_key *key = arg;
	struct wait_bit_queue_entry *wbq =
		container_of(we, struct wait_bit_queue_entry, wq_entry);

	if (!same_key(&wbq->key, key) ||
	    __kshim_wb_test_acquire(key->bit_nr, key->flags))
		return 0;
	return autoremove_wake_function(we, mode, sync, key);
}

static int var_wake_function(struct wait_queue_entry *we,
			     unsigned int mode, int sync, void *arg)
{
	struct wait_bit_key *key = arg;
	struct wait_bit_queue_entry *wbq =
		container_of(we, struct wait_bit_queue_entry, wq_entry);

	if (!same_key(&wbq->key, key))
		return 0;
	return autoremove_wake_function(we, mode, sync, key);
}

/* loops until the bit is seen clear or the action reports an error */
int __wait_on_bit(struct wait_queue_head *wqh,
		  struct wait_bit_queue_entry *wbq,
		  wait_bit_action_f *action, unsigned int mode)
{
	struct wait_bit_key *key = &wbq->key;
	int err = 0;

	for (;;) {
		prepare_to_wait(wqh, &wbq->wq_entry, mode);
		if (!__kshim_wb_test_acquire(key->bit_nr, key->flags))
			break;
		err = action(key, mode);
		if (err)
			break;
	}
	finish_wait(wqh, &wbq->wq_entry);
	return err;
}

int out_of_line_wait_on_bit(void *word, int bit, wait_bit_action_f *action,
			    unsigned int mode)
{
	struct wait_queue_head *wqh = bit_waitqueue(word, bit);
	DEFINE_WAIT_BIT(wbq, word, bit);

	return __wait_on_bit(wqh, &wbq, action, mode);
}

int out_of_line_wait_on_bit_timeout(void *word, int bit,
				    wait_bit_action_f *action,
				    unsigned int mode, unsigned long timeout)
{
	struct wait_queue_head *wqh = bit_waitqueue(word, bit);
	DEFINE_WAIT_BIT(wbq, word, bit);

	wbq.key.timeout = jiffies + timeout;
	return __wait_on_bit(wqh, &wbq, action, mode);
}

/*
 * Loops until this caller sets the bit itself.  An error from the action
 * ends the wait unless the bit happens to be free on that last try.
 */
int __wait_on_bit_lock(struct wait_queue_head *wqh,
		       struct wait_bit_queue_entry *wbq,
		       wait_bit_action_f *action, unsigned int mode)
{
	struct wait_bit_key *key = &wbq->key;
	int err = 0;

	for (;;) {
		prepare_to_wait_exclusive(wqh, &wbq->wq_entry, mode);
		if (__kshim_wb_test_acquire(key->bit_nr, key->flags))
			err = action(key, mode);
		if (!__kshim_wb_test_and_set(key->bit_nr, key->flags)) {
			err = 0;
			break;
		}
		if (err)
			break;
	}
	finish_wait(wqh, &wbq->wq_entry);
	return err;
}

int out_of_line_wait_on_bit_lock(void *word, int bit,
				 wait_bit_action_f *action, unsigned int mode)
{
	struct wait_queue_head *wqh = bit_waitqueue(word, bit);
	DEFINE_WAIT_BIT(wbq, word, bit);

	return __wait_on_bit_lock(wqh, &wbq, action, mode);
}

/*
 * Always through the queue lock (no lockless "any waiters?" test): the
 * waiter queued itself under that lock before it tested the bit, so the
 * waker either finds its entry or the waiter sees the new bit value.
 * This also spares callers the kernel's smp_mb__after_atomic().
 */
void __wake_up_bit(struct wait_queue_head *wqh, void *word, int bit)
{
	struct wait_bit_key key = __WAIT_BIT_KEY_INITIALIZER(word, bit);

	__wake_up(wqh, TASK_NORMAL, 1, &key);
}

void wake_up_bit(void *word, int bit)
{
	__wake_up_bit(bit_waitqueue(word, bit), word, bit);
}

void init_wait_var_entry(struct wait_bit_queue_entry *wbq, void *var,
			 int flags)
{
	wbq->key.flags = var;
	wbq->key.bit_nr = -1;
	wbq->key.timeout = 0;
	wbq->wq_entry.flags = flags;
	wbq->wq_entry.private = current;
	wbq->wq_entry.func = var_wake_function;
	INIT_LIST_HEAD(&wbq->wq_entry.entry);
}

void wake_up_var(void *var)
{
	__wake_up_bit(__var_waitqueue(var), var, -1);
}

int bit_wait(struct wait_bit_key *key, int mode)
{
	schedule();
	return 0;
}

int bit_wait_io(struct wait_bit_key *key, int mode)
{
	io_schedule();
	return 0;
}

/* -EAGAIN once key->timeout (absolute, in jiffies) has passed */
int bit_wait_timeout(struct wait_bit_key *key, int mode)
{
	long left = (long)(key->timeout - jiffies);

	if (left <= 0)
		return -EAGAIN;
	schedule_timeout(left);
	return 0;
}

int bit_wait_io_timeout(struct wait_bit_key *key, int mode)
{
	long left = (long)(key->timeout - jiffies);

	if (left <= 0)
		return -EAGAIN;
	io_schedule_timeout(left);
	return 0;
}
