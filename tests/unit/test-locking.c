// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of the locking area: spinlocks, mutexes and rwlocks exclude;
 * rw_semaphores share, exclude, hand over fairly, downgrade atomically and
 * accept release by another thread; seqlock readers never see a torn
 * update; bit spinlocks exclude; refcount_t saturates with a WARN;
 * percpu_counter sums are exact; per-CPU variables and this_cpu ops stay
 * exact under threads that share CPU slots; local locks exclude.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/seqlock.h>
#include <linux/bit_spinlock.h>
#include <linux/refcount.h>
#include <linux/percpu.h>
#include <linux/percpu_counter.h>
#include <linux/local_lock.h>
#include <linux/cpumask.h>
#include <linux/smp.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <kshim/host.h>
#include <kshim/runtime.h>
#include "ktest.h"

#define MAX_THREADS 8
#define NSEC_PER_MS_ 1000000ULL

struct threads {
	kshim_host_thread_t t[MAX_THREADS];
	int n;
};

static void start(struct threads *ts, void *(*fn)(void *), void *arg)
{
	KT_ASSERT(ts->n < MAX_THREADS);
	KT_ASSERT_EQ(kshim_host_thread_create(&ts->t[ts->n], "locking", fn, arg), 0);
	ts->n++;
}

static void join_all(struct threads *ts)
{
	while (ts->n > 0)
		kshim_host_thread_join(ts->t[--ts->n], NULL);
}

static int load(int *p)
{
	return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

static void store(int *p, int v)
{
	__atomic_store_n(p, v, __ATOMIC_SEQ_CST);
}

/* ---- spinlock, mutex, rwlock -------------------------------------- */

static DEFINE_SPINLOCK(spin);
static DEFINE_MUTEX(mtx);
static DEFINE_RWLOCK(rwl);
static long spin_count, mutex_count;
static int inside;	/* holders inside an exclusive section */
static int inside_mutex;	/* same, for the mutex of the mixed case */
static int bad_overlap;

static void enter_exclusive_on(int *counter)
{
	if (__atomic_fetch_add(counter, 1, __ATOMIC_SEQ_CST) != 0)
		store(&bad_overlap, 1);
}

static void leave_exclusive_on(int *counter)
{
	__atomic_fetch_sub(counter, 1, __ATOMIC_SEQ_CST);
}

#define enter_exclusive() enter_exclusive_on(&inside)
#define leave_exclusive() leave_exclusive_on(&inside)

static void *spin_mutex_hammer(void *arg)
{
	int i;

	kshim_thread_enter("hammer");
	for (i = 0; i < 50000; i++) {
		spin_lock(&spin);
		enter_exclusive();
		spin_count++;
		leave_exclusive();
		spin_unlock(&spin);
		mutex_lock(&mtx);
		enter_exclusive_on(&inside_mutex);
		mutex_count++;
		leave_exclusive_on(&inside_mutex);
		mutex_unlock(&mtx);
	}
	return NULL;
}

KTEST(spinlock_and_mutex_exclude)
{
	struct threads ts = { .n = 0 };
	int i;

	for (i = 0; i < 4; i++)
		start(&ts, spin_mutex_hammer, NULL);
	join_all(&ts);
	KT_EXPECT_EQ(spin_count, 200000);
	KT_EXPECT_EQ(mutex_count, 200000);
	KT_EXPECT_EQ(load(&bad_overlap), 0);
}

static int holder_go, holder_release;

static void *mutex_holder(void *arg)
{
	kshim_thread_enter("holder");
	mutex_lock(&mtx);
	store(&holder_go, 1);
	while (!load(&holder_release))
		kshim_host_sleep_ns(100000);
	mutex_unlock(&mtx);
	return NULL;
}

/* a trylock that slept would wait for a holder that waits for it: hang */
KTEST(mutex_trylock_never_sleeps)
{
	struct threads ts = { .n = 0 };
	int i;

	start(&ts, mutex_holder, NULL);
	KT_ASSERT(ktest_wait_until(load(&holder_go), 10000));
	KT_EXPECT(mutex_is_locked(&mtx));
	KT_EXPECT(!kshim_mutex_owned(&mtx));
	for (i = 0; i < 1000; i++)
		KT_EXPECT(!mutex_trylock(&mtx));
	store(&holder_release, 1);
	join_all(&ts);
	KT_EXPECT(mutex_trylock(&mtx));
	KT_EXPECT(kshim_mutex_owned(&mtx));
	mutex_unlock(&mtx);
	KT_EXPECT(!mutex_is_locked(&mtx));
}

static int readers_in;
static long rw_a, rw_b;
static int rw_torn;

static void *rwlock_reader_pair(void *arg)
{
	kshim_thread_enter("reader");
	read_lock(&rwl);
	__atomic_fetch_add(&readers_in, 1, __ATOMIC_SEQ_CST);
	/* both readers must be inside together: an exclusive lock hangs here */
	ktest_wait_until(load(&readers_in) == 2, 10000);
	read_unlock(&rwl);
	return NULL;
}

static void *rwlock_mixed(void *arg)
{
	long writer = (long)arg;
	int i;

	kshim_thread_enter("rwlock");
	for (i = 0; i < 50000; i++) {
		if (writer) {
			write_lock(&rwl);
			enter_exclusive();
			rw_a++;
			rw_b++;
			leave_exclusive();
			write_unlock(&rwl);
		} else {
			read_lock(&rwl);
			if (load(&inside))
				store(&rw_torn, 1);
			if (rw_a != rw_b)
				store(&rw_torn, 1);
			read_unlock(&rwl);
		}
	}
	return NULL;
}

KTEST(rwlock_readers_share_writer_excludes)
{
	struct threads ts = { .n = 0 };

	start(&ts, rwlock_reader_pair, NULL);
	start(&ts, rwlock_reader_pair, NULL);
	join_all(&ts);
	KT_EXPECT_EQ(load(&readers_in), 2);

	start(&ts, rwlock_mixed, (void *)1L);
	start(&ts, rwlock_mixed, (void *)1L);
	start(&ts, rwlock_mixed, (void *)0L);
	start(&ts, rwlock_mixed, (void *)0L);
	join_all(&ts);
	KT_EXPECT_EQ(rw_a, 100000);
	KT_EXPECT_EQ(rw_b, 100000);
	KT_EXPECT_EQ(load(&bad_overlap), 0);
	KT_EXPECT_EQ(load(&rw_torn), 0);
}

/* ---- rw_semaphore ------------------------------------------------- */

static DECLARE_RWSEM(sem);
static int sem_readers;

static void *rwsem_reader_pair(void *arg)
{
	kshim_thread_enter("reader");
	down_read(&sem);
	__atomic_fetch_add(&sem_readers, 1, __ATOMIC_SEQ_CST);
	ktest_wait_until(load(&sem_readers) == 2, 10000);
	up_read(&sem);
	return NULL;
}

KTEST(rwsem_readers_share)
{
	struct threads ts = { .n = 0 };

	KT_EXPECT(!rwsem_is_locked(&sem));
	start(&ts, rwsem_reader_pair, NULL);
	start(&ts, rwsem_reader_pair, NULL);
	join_all(&ts);
	KT_EXPECT_EQ(load(&sem_readers), 2);
	KT_EXPECT(!rwsem_is_locked(&sem));

	/* readers block writers, writers block everyone; trylocks say so */
	down_read(&sem);
	KT_EXPECT(rwsem_is_locked(&sem));
	KT_EXPECT(down_read_trylock(&sem));
	KT_EXPECT(!down_write_trylock(&sem));
	up_read(&sem);
	up_read(&sem);
	KT_EXPECT(down_write_trylock(&sem));
	KT_EXPECT(rwsem_is_locked(&sem));
	KT_EXPECT(!down_read_trylock(&sem));
	KT_EXPECT(!down_write_trylock(&sem));
	up_write(&sem);
	KT_EXPECT(!rwsem_is_locked(&sem));
	KT_EXPECT_EQ(down_read_killable(&sem), 0);
	up_read(&sem);
	KT_EXPECT_EQ(down_write_killable(&sem), 0);
	up_write(&sem);
}

static long sem_a, sem_b;
static int sem_torn;

static void *rwsem_mixed(void *arg)
{
	long writer = (long)arg;
	int i;

	kshim_thread_enter("rwsem");
	for (i = 0; i < 20000; i++) {
		if (writer) {
			down_write(&sem);
			enter_exclusive();
			sem_a++;
			kshim_host_yield();
			sem_b++;
			leave_exclusive();
			up_write(&sem);
		} else {
			down_read(&sem);
			if (load(&inside) || sem_a != sem_b)
				store(&sem_torn, 1);
			up_read(&sem);
		}
	}
	return NULL;
}

KTEST(rwsem_writer_excludes)
{
	struct threads ts = { .n = 0 };

	start(&ts, rwsem_mixed, (void *)1L);
	start(&ts, rwsem_mixed, (void *)0L);
	start(&ts, rwsem_mixed, (void *)1L);
	start(&ts, rwsem_mixed, (void *)0L);
	join_all(&ts);
	KT_EXPECT_EQ(sem_a, 40000);
	KT_EXPECT_EQ(sem_b, 40000);
	KT_EXPECT_EQ(load(&bad_overlap), 0);
	KT_EXPECT_EQ(load(&sem_torn), 0);
	KT_EXPECT(!rwsem_is_locked(&sem));
	KT_EXPECT(!rwsem_is_contended(&sem));
}

static int stop_readers, writer_got_it;

/* readers overlap so that the semaphore is never free of readers */
static void *overlapping_reader(void *arg)
{
	kshim_thread_enter("reader");
	while (!load(&stop_readers)) {
		down_read(&sem);
		kshim_host_sleep_ns(200000);
		up_read(&sem);
	}
	return NULL;
}

static void *starving_writer(void *arg)
{
	kshim_thread_enter("writer");
	down_write(&sem);
	store(&writer_got_it, 1);
	up_write(&sem);
	return NULL;
}

/* with reader preference the writer would wait as long as readers come */
KTEST(rwsem_writer_not_starved_by_readers)
{
	struct threads ts = { .n = 0 };
	int i;

	for (i = 0; i < 4; i++)
		start(&ts, overlapping_reader, NULL);
	kshim_host_sleep_ns(20 * NSEC_PER_MS_);
	start(&ts, starving_writer, NULL);
	KT_EXPECT(ktest_wait_until(load(&writer_got_it), 10000));
	store(&stop_readers, 1);
	join_all(&ts);
	KT_EXPECT_EQ(load(&writer_got_it), 1);
}

static int reader_in, reader_may_leave, writer_in;

static void *blocked_reader(void *arg)
{
	kshim_thread_enter("reader");
	down_read(&sem);
	store(&reader_in, 1);
	while (!load(&reader_may_leave))
		kshim_host_sleep_ns(100000);
	up_read(&sem);
	return NULL;
}

static void *blocked_writer(void *arg)
{
	kshim_thread_enter("writer");
	down_write(&sem);
	store(&writer_in, 1);
	up_write(&sem);
	return NULL;
}

KTEST(rwsem_downgrade_admits_readers_not_writers)
{
	struct threads ts = { .n = 0 };

	down_write(&sem);
	start(&ts, blocked_reader, NULL);
	KT_ASSERT(ktest_wait_until(rwsem_is_contended(&sem), 10000));
	KT_EXPECT(!load(&reader_in));
	downgrade_write(&sem);
	KT_EXPECT(ktest_wait_until(load(&reader_in), 10000));
	start(&ts, blocked_writer, NULL);
	KT_ASSERT(ktest_wait_until(rwsem_is_contended(&sem), 10000));
	/* two readers hold it now; the writer must stay out */
	kshim_host_sleep_ns(50 * NSEC_PER_MS_);
	KT_EXPECT(!load(&writer_in));
	up_read(&sem);
	kshim_host_sleep_ns(20 * NSEC_PER_MS_);
	KT_EXPECT(!load(&writer_in));
	store(&reader_may_leave, 1);
	KT_EXPECT(ktest_wait_until(load(&writer_in), 10000));
	join_all(&ts);
	KT_EXPECT(!rwsem_is_locked(&sem));
}

static long shared_value;
static int stop_writers;

static void *value_writer(void *arg)
{
	kshim_thread_enter("writer");
	while (!load(&stop_writers)) {
		down_write(&sem);
		__atomic_store_n(&shared_value, -1, __ATOMIC_RELAXED);
		up_write(&sem);
	}
	return NULL;
}

/* an "up_write; down_read" downgrade would let a writer change the value */
KTEST(rwsem_downgrade_is_atomic)
{
	struct threads ts = { .n = 0 };
	int i, changed = 0;

	start(&ts, value_writer, NULL);
	start(&ts, value_writer, NULL);
	for (i = 0; i < 1000; i++) {
		down_write(&sem);
		__atomic_store_n(&shared_value, i, __ATOMIC_RELAXED);
		downgrade_write(&sem);
		kshim_host_yield();
		if (__atomic_load_n(&shared_value, __ATOMIC_RELAXED) != i)
			changed++;
		up_read(&sem);
	}
	store(&stop_writers, 1);
	join_all(&ts);
	KT_EXPECT_EQ(changed, 0);
}

static void *take_read_non_owner(void *arg)
{
	kshim_thread_enter("taker");
	down_read_non_owner((struct rw_semaphore *)arg);
	return NULL;
}

KTEST(rwsem_up_read_non_owner_and_zeroed)
{
	struct threads ts = { .n = 0 };
	struct rw_semaphore *zs = kzalloc(sizeof(*zs), GFP_KERNEL);
	struct rw_semaphore is;

	/* a zeroed semaphore works like an initialised one */
	KT_ASSERT(zs);
	KT_EXPECT(!rwsem_is_locked(zs));
	start(&ts, take_read_non_owner, zs);
	join_all(&ts);
	KT_EXPECT(rwsem_is_locked(zs));
	KT_EXPECT(!down_write_trylock(zs));
	/* released by this thread, not the one that took it */
	up_read_non_owner(zs);
	KT_EXPECT(!rwsem_is_locked(zs));
	KT_EXPECT(down_write_trylock(zs));
	up_write(zs);
	kfree(zs);

	init_rwsem(&is);
	down_write_nested(&is, SINGLE_DEPTH_NESTING);
	up_write(&is);
	down_read_nested(&is, 1);
	up_read(&is);
	KT_EXPECT(!rwsem_is_locked(&is));
}

/* ---- seqlock / seqcount ------------------------------------------- */

static DEFINE_SEQLOCK(seql);
static DEFINE_SPINLOCK(seqc_lock);
static seqcount_spinlock_t seqc;
static unsigned long pair_a, pair_b;	/* writers keep pair_b == ~pair_a */
static int stop_seq, seq_torn, seq_readers_started;
static long seq_reads, seq_retries;

static void *seq_writer(void *arg)
{
	long use_seqcount = (long)arg;
	unsigned long v;

	kshim_thread_enter("seqwriter");
	/* start writing once both readers are reading */
	ktest_wait_until(__atomic_load_n(&seq_reads, __ATOMIC_RELAXED) >= 2 &&
		   load(&seq_readers_started) == 2, 10000);
	for (v = 1; v <= 20000; v++) {
		if (use_seqcount) {
			spin_lock(&seqc_lock);
			write_seqcount_begin(&seqc);
		} else {
			write_seqlock(&seql);
		}
		__atomic_store_n(&pair_a, v, __ATOMIC_RELAXED);
		cpu_relax();
		__atomic_store_n(&pair_b, ~v, __ATOMIC_RELAXED);
		if (use_seqcount) {
			write_seqcount_end(&seqc);
			spin_unlock(&seqc_lock);
		} else {
			write_sequnlock(&seql);
		}
		if (v % 64 == 0)
			kshim_host_yield();
	}
	store(&stop_seq, 1);
	return NULL;
}

static void *seq_reader(void *arg)
{
	long use_seqcount = (long)arg;
	unsigned long a, b;
	unsigned seq;

	kshim_thread_enter("seqreader");
	__atomic_fetch_add(&seq_readers_started, 1, __ATOMIC_SEQ_CST);
	while (!load(&stop_seq)) {
		for (;;) {
			seq = use_seqcount ? read_seqcount_begin(&seqc) :
					     read_seqbegin(&seql);
			a = __atomic_load_n(&pair_a, __ATOMIC_RELAXED);
			b = __atomic_load_n(&pair_b, __ATOMIC_RELAXED);
			if (!(use_seqcount ? read_seqcount_retry(&seqc, seq) :
					     read_seqretry(&seql, seq)))
				break;
			__atomic_fetch_add(&seq_retries, 1, __ATOMIC_RELAXED);
		}
		if (b != ~a)
			store(&seq_torn, 1);
		__atomic_fetch_add(&seq_reads, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

/* readers run for as long as the writer updates the pair */
static void run_seq_case(long use_seqcount)
{
	struct threads ts = { .n = 0 };

	pair_a = 0;
	pair_b = ~0UL;
	start(&ts, seq_reader, (void *)use_seqcount);
	start(&ts, seq_reader, (void *)use_seqcount);
	start(&ts, seq_writer, (void *)use_seqcount);
	join_all(&ts);
	KT_EXPECT_EQ(load(&seq_torn), 0);
	KT_EXPECT(seq_reads > 0);
	KT_EXPECT_EQ(pair_a, 20000);
	ktest_note("%ld reads, %ld retries", seq_reads, seq_retries);
}

KTEST(seqlock_readers_never_see_torn_pair)
{
	run_seq_case(0);
}

KTEST(seqcount_spinlock_readers_never_see_torn_pair)
{
	seqcount_spinlock_init(&seqc, &seqc_lock);
	run_seq_case(1);
}

KTEST(seqlock_protocol_details)
{
	seqlock_t sl;
	seqcount_t sc = SEQCNT_ZERO(sc);
	unsigned s;
	int seq = 0, passes = 0;

	seqlock_init(&sl);
	s = read_seqbegin(&sl);
	KT_EXPECT(!read_seqretry(&sl, s));
	write_seqlock(&sl);
	/* a reader that began before the write must retry */
	KT_EXPECT(raw_read_seqcount(&sl.seqcount) & 1);
	write_sequnlock(&sl);
	KT_EXPECT(read_seqretry(&sl, s));

	/* lockless pass fails, locking pass succeeds */
	do {
		read_seqbegin_or_lock(&sl, &seq);
		if (passes++ == 0) {
			write_seqlock(&sl);
			write_sequnlock(&sl);
		}
		if (!need_seqretry(&sl, seq))
			break;
		seq = 1;
	} while (1);
	done_seqretry(&sl, seq);
	KT_EXPECT_EQ(passes, 2);
	KT_EXPECT(spin_trylock(&sl.lock));
	spin_unlock(&sl.lock);

	s = raw_read_seqcount(&sc);
	raw_write_seqcount_begin(&sc);
	KT_EXPECT_EQ(raw_seqcount_begin(&sc), s);
	raw_write_seqcount_end(&sc);
	KT_EXPECT(read_seqcount_retry(&sc, s));
	s = read_seqcount_begin(&sc);
	KT_EXPECT(!read_seqcount_retry(&sc, s));
	KT_EXPECT_EQ(s, 2);
}

/* ---- bit spinlock ------------------------------------------------- */

static unsigned long bit_word;
static long bit_count;

static void *bit_hammer(void *arg)
{
	long me = (long)arg;
	int i;

	kshim_thread_enter("bitlock");
	for (i = 0; i < 50000; i++) {
		bit_spin_lock(3, &bit_word);
		enter_exclusive();
		bit_count++;
		leave_exclusive();
		bit_spin_unlock(3, &bit_word);
		/* other bits of the word change under the holders' feet */
		__atomic_fetch_xor(&bit_word, 1UL << (8 + me), __ATOMIC_RELAXED);
	}
	return NULL;
}

KTEST(bit_spinlock_excludes)
{
	struct threads ts = { .n = 0 };
	unsigned long words[2] = { 0, 0 };
	long i;

	for (i = 0; i < 4; i++)
		start(&ts, bit_hammer, (void *)i);
	join_all(&ts);
	KT_EXPECT_EQ(bit_count, 200000);
	KT_EXPECT_EQ(load(&bad_overlap), 0);
	/* 50000 flips each: the data bits are back to zero, the lock free */
	KT_EXPECT_EQ(bit_word, 0);
	KT_EXPECT(bit_spin_trylock(3, &bit_word));
	KT_EXPECT(bit_spin_is_locked(3, &bit_word));
	KT_EXPECT(!bit_spin_trylock(3, &bit_word));
	__bit_spin_unlock(3, &bit_word);
	KT_EXPECT(!bit_spin_is_locked(3, &bit_word));
	/* a bit number past the first word selects a later word */
	bit_spin_lock(70, words);
	KT_EXPECT_EQ(words[0], 0);
	KT_EXPECT_EQ(words[1], 1UL << 6);
	KT_EXPECT(bit_spin_is_locked(70, words));
	bit_spin_unlock(70, words);
	KT_EXPECT_EQ(words[1], 0);
}

/* ---- refcount_t --------------------------------------------------- */

KTEST(refcount_saturates_and_warns)
{
	refcount_t r = REFCOUNT_INIT(1);
	int warnings = atomic_read(&kshim_refcount_saturations);

	ktest_note("refcount_t WARNINGs on stderr are expected");
	refcount_inc(&r);
	KT_EXPECT_EQ(refcount_read(&r), 2);
	KT_EXPECT(!refcount_dec_and_test(&r));
	KT_EXPECT(refcount_dec_and_test(&r));
	KT_EXPECT_EQ(atomic_read(&kshim_refcount_saturations), warnings);

	/* increment from zero: use after free, pinned, not resurrected */
	refcount_inc(&r);
	KT_EXPECT_EQ((int)refcount_read(&r), REFCOUNT_SATURATED);
	KT_EXPECT_EQ(atomic_read(&kshim_refcount_saturations), warnings + 1);

	/* overflow: no wrap to negative/zero, and it never moves again */
	refcount_set(&r, INT_MAX);
	refcount_inc(&r);
	KT_EXPECT_EQ((int)refcount_read(&r), REFCOUNT_SATURATED);
	KT_EXPECT_EQ(atomic_read(&kshim_refcount_saturations), warnings + 2);
	KT_EXPECT(!refcount_dec_and_test(&r));
	refcount_add(5, &r);
	KT_EXPECT(refcount_inc_not_zero(&r));
	KT_EXPECT(refcount_dec_not_one(&r));
	KT_EXPECT_EQ((int)refcount_read(&r), REFCOUNT_SATURATED);

	/* underflow of a live count */
	refcount_set(&r, 1);
	KT_EXPECT(!refcount_sub_and_test(2, &r));
	KT_EXPECT_EQ((int)refcount_read(&r), REFCOUNT_SATURATED);

	/* refcount_dec() must not be the last put */
	refcount_set(&r, 1);
	refcount_dec(&r);
	KT_EXPECT_EQ((int)refcount_read(&r), REFCOUNT_SATURATED);
	KT_EXPECT(atomic_read(&kshim_refcount_saturations) >= warnings + 4);
}

KTEST(refcount_not_zero_and_dec_and_lock)
{
	refcount_t r = REFCOUNT_INIT(0);
	DEFINE_SPINLOCK(lock);
	DEFINE_MUTEX(m);

	KT_EXPECT(!refcount_inc_not_zero(&r));
	KT_EXPECT_EQ(refcount_read(&r), 0);
	refcount_set(&r, 3);
	KT_EXPECT(refcount_inc_not_zero(&r));
	KT_EXPECT_EQ(refcount_read(&r), 4);
	refcount_add(2, &r);
	KT_EXPECT(!refcount_sub_and_test(5, &r));
	KT_EXPECT_EQ(refcount_read(&r), 1);
	KT_EXPECT(!refcount_dec_not_one(&r));
	KT_EXPECT_EQ(refcount_read(&r), 1);

	refcount_set(&r, 2);
	KT_EXPECT(!refcount_dec_and_lock(&r, &lock));
	KT_EXPECT(!spin_is_locked(&lock));
	KT_EXPECT(refcount_dec_and_lock(&r, &lock));
	KT_EXPECT(spin_is_locked(&lock));
	spin_unlock(&lock);

	refcount_set(&r, 2);
	KT_EXPECT(!refcount_dec_and_mutex_lock(&r, &m));
	KT_EXPECT(!mutex_is_locked(&m));
	KT_EXPECT(refcount_dec_and_mutex_lock(&r, &m));
	KT_EXPECT(kshim_mutex_owned(&m));
	mutex_unlock(&m);

	refcount_set(&r, 1);
	KT_EXPECT(refcount_dec_if_one(&r));
	KT_EXPECT_EQ(refcount_read(&r), 0);
}

static refcount_t shared_ref;
static int last_puts;

static void *ref_getput(void *arg)
{
	int i;

	kshim_thread_enter("ref");
	for (i = 0; i < 100000; i++) {
		refcount_inc(&shared_ref);
		if (refcount_dec_and_test(&shared_ref))
			__atomic_fetch_add(&last_puts, 1, __ATOMIC_SEQ_CST);
	}
	if (refcount_dec_and_test(&shared_ref))
		__atomic_fetch_add(&last_puts, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* exactly one thread sees the count reach zero */
KTEST(refcount_last_put_is_unique)
{
	struct threads ts = { .n = 0 };
	int i;

	refcount_set(&shared_ref, 4);
	for (i = 0; i < 4; i++)
		start(&ts, ref_getput, NULL);
	join_all(&ts);
	KT_EXPECT_EQ(load(&last_puts), 1);
	KT_EXPECT_EQ(refcount_read(&shared_ref), 0);
}

/* ---- percpu_counter ----------------------------------------------- */

static struct percpu_counter pcc;

static void *pcc_hammer(void *arg)
{
	long me = (long)arg;
	int i;

	kshim_thread_enter("pcc");
	for (i = 0; i < 100000; i++) {
		percpu_counter_add(&pcc, me + 1);
		percpu_counter_inc(&pcc);
		percpu_counter_dec(&pcc);
		if (i % 7 == 0)
			percpu_counter_sub(&pcc, 3);
	}
	return NULL;
}

KTEST(percpu_counter_sum_is_exact)
{
	struct threads ts = { .n = 0 };
	struct percpu_counter zeroed;
	long i;
	s64 expect = 0;

	memset(&zeroed, 0, sizeof(zeroed));
	KT_EXPECT(!percpu_counter_initialized(&zeroed));
	percpu_counter_destroy(&zeroed);	/* harmless, as ext2 expects */
	KT_EXPECT_EQ(percpu_counter_sum(&zeroed), 0);

	KT_ASSERT_EQ(percpu_counter_init(&pcc, 1000, GFP_KERNEL), 0);
	KT_EXPECT(percpu_counter_initialized(&pcc));
	for (i = 0; i < 6; i++) {
		start(&ts, pcc_hammer, (void *)i);
		expect += 100000 * (i + 1) - 3 * DIV_ROUND_UP(100000, 7);
	}
	join_all(&ts);
	expect += 1000;
	KT_EXPECT_EQ(percpu_counter_sum(&pcc), expect);
	KT_EXPECT_EQ(percpu_counter_read(&pcc), expect);
	KT_EXPECT_EQ(percpu_counter_compare(&pcc, expect), 0);
	KT_EXPECT_EQ(percpu_counter_compare(&pcc, expect + 1), -1);
	KT_EXPECT_EQ(percpu_counter_compare(&pcc, expect - 1), 1);

	percpu_counter_set(&pcc, -5);
	KT_EXPECT_EQ(percpu_counter_sum(&pcc), -5);
	KT_EXPECT_EQ(percpu_counter_sum_positive(&pcc), 0);
	KT_EXPECT_EQ(percpu_counter_read_positive(&pcc), 0);
	percpu_counter_set(&pcc, 10);
	KT_EXPECT(percpu_counter_limited_add(&pcc, 15, 5));
	KT_EXPECT(!percpu_counter_limited_add(&pcc, 15, 1));
	KT_EXPECT(!percpu_counter_limited_add(&pcc, 15, -16));
	KT_EXPECT(percpu_counter_limited_add(&pcc, 15, -15));
	KT_EXPECT_EQ(percpu_counter_sum(&pcc), 0);
	percpu_counter_destroy(&pcc);
	KT_EXPECT(!percpu_counter_initialized(&pcc));
}

/* ---- per-CPU variables -------------------------------------------- */

static DEFINE_PER_CPU(long, pcpu_hits);
static DEFINE_PER_CPU(int, pcpu_init) = 42;
struct pcpu_stats {
	char pad[3];
	u64 events;
	int seen;
	local_lock_t lock;
	long unlocked_count;	/* only touched under lock */
};
static DEFINE_PER_CPU(struct pcpu_stats, pcpu_stats) = {
	.lock = INIT_LOCAL_LOCK(lock),
};

static struct pcpu_stats __percpu *dyn_stats;

static void *this_cpu_hammer(void *arg)
{
	int i;

	kshim_thread_enter("thiscpu");
	KT_EXPECT(smp_processor_id() < nr_cpu_ids);
	for (i = 0; i < 50000; i++) {
		this_cpu_inc(pcpu_hits);
		__this_cpu_add(pcpu_hits, 2);
		this_cpu_sub(pcpu_hits, 1);
		this_cpu_add(dyn_stats->events, 3);
		this_cpu_inc(pcpu_stats.events);
		KT_EXPECT_EQ(this_cpu_read(pcpu_init), 42);
	}
	return NULL;
}

KTEST(this_cpu_ops_sum_exactly)
{
	struct threads ts = { .n = 0 };
	long hits = 0, dyn = 0, stat = 0;
	unsigned int cpu, n = 0;
	int i;

	ktest_note("nr_cpu_ids %u", nr_cpu_ids);
	KT_ASSERT(nr_cpu_ids >= 1 && nr_cpu_ids <= NR_CPUS);
	KT_EXPECT_EQ(num_possible_cpus(), nr_cpu_ids);
	dyn_stats = alloc_percpu(struct pcpu_stats);
	KT_ASSERT(dyn_stats);
	/* 8 threads: more than CPU slots on small machines, so slots are shared */
	for (i = 0; i < 8; i++)
		start(&ts, this_cpu_hammer, NULL);
	join_all(&ts);
	for_each_possible_cpu(cpu) {
		hits += per_cpu(pcpu_hits, cpu);
		dyn += per_cpu_ptr(dyn_stats, cpu)->events;
		stat += per_cpu_ptr(&pcpu_stats, cpu)->events;
		KT_EXPECT_EQ(per_cpu(pcpu_init, cpu), 42);
		n++;
	}
	KT_EXPECT_EQ(n, nr_cpu_ids);
	KT_EXPECT_EQ(hits, 8L * 50000 * 2);
	KT_EXPECT_EQ(dyn, 8L * 50000 * 3);
	KT_EXPECT_EQ(stat, 8L * 50000);
	free_percpu(dyn_stats);
}

KTEST(percpu_copies_are_distinct_zeroed_and_aligned)
{
	struct big {
		u64 v[4];
	} __aligned(64);
	struct big __percpu *a, *b;
	long __percpu *c;
	unsigned int cpu, me;

	a = alloc_percpu(struct big);
	KT_ASSERT(a);
	for_each_possible_cpu(cpu) {
		KT_EXPECT_EQ((unsigned long)per_cpu_ptr(a, cpu) % 64, 0);
		KT_EXPECT_EQ(per_cpu_ptr(a, cpu)->v[3], 0);
		per_cpu_ptr(a, cpu)->v[3] = 100 + cpu;
		if (cpu)
			KT_EXPECT(per_cpu_ptr(a, cpu) != per_cpu_ptr(a, 0));
	}
	for_each_possible_cpu(cpu)
		KT_EXPECT_EQ(per_cpu_ptr(a, cpu)->v[3], 100 + cpu);
	/* interior pointers map like the whole object */
	for_each_possible_cpu(cpu)
		KT_EXPECT(per_cpu_ptr(&a->v[3], cpu) == &per_cpu_ptr(a, cpu)->v[3]);
	me = get_cpu();
	KT_EXPECT(this_cpu_ptr(a) == per_cpu_ptr(a, me));
	KT_EXPECT_EQ(smp_processor_id(), me);
	put_cpu();
	free_percpu(a);
	/* reused space comes back zeroed */
	b = alloc_percpu(struct big);
	KT_ASSERT(b);
	for_each_possible_cpu(cpu)
		KT_EXPECT_EQ(per_cpu_ptr(b, cpu)->v[3], 0);
	c = alloc_percpu(long);
	KT_ASSERT(c);
	KT_EXPECT(c != (long __percpu *)b);
	free_percpu(b);
	free_percpu(c);
	free_percpu(NULL);
	KT_EXPECT(per_cpu_ptr(&pcpu_hits, 0) == &pcpu_hits);
	get_cpu_var(pcpu_hits) = 7;
	put_cpu_var(pcpu_hits);
	KT_EXPECT_EQ(this_cpu_read(pcpu_hits), 7);
	KT_EXPECT_EQ(this_cpu_xchg(pcpu_hits, 9), 7);
	KT_EXPECT_EQ(this_cpu_cmpxchg(pcpu_hits, 9, 11), 9);
	KT_EXPECT_EQ(this_cpu_add_return(pcpu_hits, 1), 12);
}

static void mark_cpu(void *info)
{
	this_cpu_inc(pcpu_stats.seen);
	__atomic_fetch_add((int *)info, 1, __ATOMIC_RELAXED);
}

KTEST(on_each_cpu_reaches_every_copy)
{
	unsigned int cpu, before = smp_processor_id();
	int calls = 0;

	on_each_cpu(mark_cpu, &calls, 1);
	KT_EXPECT_EQ(calls, nr_cpu_ids);
	for_each_possible_cpu(cpu)
		KT_EXPECT_EQ(per_cpu(pcpu_stats, cpu).seen, 1);
	KT_EXPECT_EQ(smp_processor_id(), before);
	KT_EXPECT_EQ(smp_call_function_single(0, mark_cpu, &calls, 1), 0);
	KT_EXPECT_EQ(per_cpu(pcpu_stats, 0).seen, 2);
	KT_EXPECT_EQ(smp_call_function_single(nr_cpu_ids, mark_cpu, &calls, 1),
		     -ENXIO);
}

static void *local_lock_hammer(void *arg)
{
	struct pcpu_stats *s;
	long v;
	int i, j;

	kshim_thread_enter("locallock");
	for (i = 0; i < 50000; i++) {
		local_lock(&pcpu_stats.lock);
		s = this_cpu_ptr(&pcpu_stats);
		/* a plain read-modify-write: only the local lock protects it */
		v = READ_ONCE(s->unlocked_count);
		for (j = 0; j < 20; j++)
			cpu_relax();
		WRITE_ONCE(s->unlocked_count, v + 1);
		local_unlock(&pcpu_stats.lock);
	}
	return NULL;
}

/* threads sharing a CPU slot would lose updates under a no-op local lock */
KTEST(local_lock_excludes_sharers_of_a_cpu)
{
	struct threads ts = { .n = 0 };
	unsigned int cpu;
	long sum = 0;
	unsigned long flags;
	int i;

	for (i = 0; i < 8; i++)
		start(&ts, local_lock_hammer, NULL);
	join_all(&ts);
	for_each_possible_cpu(cpu)
		sum += per_cpu(pcpu_stats, cpu).unlocked_count;
	KT_EXPECT_EQ(sum, 8L * 50000);
	local_lock_irqsave(&pcpu_stats.lock, flags);
	KT_EXPECT(!raw_spin_trylock(&this_cpu_ptr(&pcpu_stats)->lock.lock));
	local_unlock_irqrestore(&pcpu_stats.lock, flags);
}

KTEST(cpumask_basics)
{
	cpumask_t m;
	unsigned int cpu, n = 0;

	cpumask_clear(&m);
	KT_EXPECT(cpumask_empty(&m));
	cpumask_set_cpu(nr_cpu_ids - 1, &m);
	KT_EXPECT(cpumask_test_cpu(nr_cpu_ids - 1, &m));
	KT_EXPECT_EQ(cpumask_weight(&m), 1);
	KT_EXPECT_EQ(cpumask_first(&m), nr_cpu_ids - 1);
	for_each_cpu(cpu, &m)
		n++;
	KT_EXPECT_EQ(n, 1);
	KT_EXPECT(cpumask_test_and_clear_cpu(nr_cpu_ids - 1, &m));
	KT_EXPECT(cpumask_empty(&m));
	KT_EXPECT_EQ(cpumask_weight(cpu_online_mask), num_online_cpus());
	n = 0;
	for_each_online_cpu(cpu)
		n += cpu_online(cpu);
	KT_EXPECT_EQ(n, nr_cpu_ids);
}

/* ---- the blocking hook (kshim_set_block_hook) ------------------------ */

/*
 * The FUSE request loop hands /dev/fuse to another worker when the one
 * serving a request is about to wait, as the kernel wakes another
 * workqueue worker when one sleeps.  Guarantee: the hook runs, in the
 * waiting thread, before a wait on a sleeping lock (a contended mutex)
 * or a sleep (wait queues, completions, rwsems, timed sleeps); never for
 * an uncontended lock or a spinlock.
 */
static DEFINE_MUTEX(hook_mtx);
static DEFINE_SPINLOCK(hook_spin);
static DECLARE_RWSEM(hook_sem);
static int hook_calls, hook_waiter_in, hook_waiter_done;

static void count_hook(void)
{
	__atomic_add_fetch(&hook_calls, 1, __ATOMIC_SEQ_CST);
}

enum hook_lock { HOOK_MUTEX, HOOK_SPIN, HOOK_RWSEM };

/* takes and drops the lock @arg names with the counting hook set */
static void *hook_waiter(void *arg)
{
	enum hook_lock kind = (enum hook_lock)(uintptr_t)arg;

	kshim_thread_enter("hook-waiter");
	kshim_set_block_hook(count_hook);
	store(&hook_waiter_in, 1);
	switch (kind) {
	case HOOK_MUTEX:
		mutex_lock(&hook_mtx);
		break;
	case HOOK_SPIN:
		spin_lock(&hook_spin);
		break;
	case HOOK_RWSEM:
		down_read(&hook_sem);
		break;
	}
	/* the hook ran (or not) before this thread could own the lock */
	store(&hook_waiter_done, 1 + load(&hook_calls));
	switch (kind) {
	case HOOK_MUTEX:
		mutex_unlock(&hook_mtx);
		break;
	case HOOK_SPIN:
		spin_unlock(&hook_spin);
		break;
	case HOOK_RWSEM:
		up_read(&hook_sem);
		break;
	}
	kshim_set_block_hook(NULL);
	return NULL;
}

static void hook_reset(void)
{
	store(&hook_calls, 0);
	store(&hook_waiter_in, 0);
	store(&hook_waiter_done, 0);
}

KTEST(block_hook_runs_before_sleeping_waits_only)
{
	struct threads ts = { .n = 0 };

	/* uncontended locks and a spinlock held by nobody: no hook */
	hook_reset();
	kshim_set_block_hook(count_hook);
	mutex_lock(&hook_mtx);
	mutex_unlock(&hook_mtx);
	spin_lock(&hook_spin);
	spin_unlock(&hook_spin);
	down_write(&hook_sem);
	up_write(&hook_sem);
	kshim_set_block_hook(NULL);
	KT_EXPECT_EQ(load(&hook_calls), 0);

	/* a contended mutex: the waiter's hook runs before it owns it */
	hook_reset();
	mutex_lock(&hook_mtx);
	start(&ts, hook_waiter, (void *)HOOK_MUTEX);
	KT_ASSERT(ktest_wait_until(load(&hook_calls) == 1, 10000));
	KT_EXPECT_EQ(load(&hook_waiter_done), 0);
	mutex_unlock(&hook_mtx);
	join_all(&ts);
	KT_EXPECT_EQ(load(&hook_waiter_done), 1 + 1);

	/* a contended rwsem sleeps on a condition: hook */
	hook_reset();
	down_write(&hook_sem);
	start(&ts, hook_waiter, (void *)HOOK_RWSEM);
	KT_ASSERT(ktest_wait_until(load(&hook_calls) >= 1, 10000));
	KT_EXPECT_EQ(load(&hook_waiter_done), 0);
	up_write(&hook_sem);
	join_all(&ts);
	KT_EXPECT(load(&hook_waiter_done) >= 1 + 1);

	/* a contended spinlock spins: no hook while it waits */
	hook_reset();
	spin_lock(&hook_spin);
	start(&ts, hook_waiter, (void *)HOOK_SPIN);
	KT_ASSERT(ktest_wait_until(load(&hook_waiter_in), 10000));
	kshim_host_sleep_ns(20 * NSEC_PER_MS_);
	KT_EXPECT_EQ(load(&hook_calls), 0);
	spin_unlock(&hook_spin);
	join_all(&ts);
	KT_EXPECT_EQ(load(&hook_waiter_done), 1 + 0);
	KT_EXPECT_EQ(load(&hook_calls), 0);

	/* a timed sleep of this thread: hook; another thread's hook: none */
	hook_reset();
	kshim_set_block_hook(count_hook);
	schedule_timeout_uninterruptible(1);
	kshim_set_block_hook(NULL);
	KT_EXPECT(load(&hook_calls) >= 1);
	hook_reset();
	schedule_timeout_uninterruptible(1);
	KT_EXPECT_EQ(load(&hook_calls), 0);
}
