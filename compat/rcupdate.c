// SPDX-License-Identifier: GPL-2.0-only
/*
 * RCU callbacks, kfree_rcu and SRCU (the roles of kernel/rcu/tree.c and
 * srcutree.c) over liburcu's grace periods (kshim/host-rcu.h).
 *
 * call_rcu() appends to one FIFO; a kernel-world thread, started on first
 * use (and again in a forked child), lets callbacks gather for up to
 * RCU_GATHER_NS after the first one (or until RCU_GATHER_MAX are queued),
 * takes the whole queue as a batch, waits for one grace period, then runs
 * the batch in order.  A grace period costs two membarrier IPIs to every
 * CPU, and without the wait the file system daemon paid one per request;
 * the kernel's RCU likewise lets callbacks wait for a grace period that
 * many of them share.  rcu_barrier() and call_rcu_hurry() cut the wait
 * short.  Sequence numbers make rcu_barrier() wait exactly for what was
 * queued before it.
 * kfree_rcu() queues the object's rcu_head with the head's offset in the
 * callback slot (offsets < 4096 are not functions), as the kernel does.
 */
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/srcu.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <kshim/host.h>
#include <kshim/host-mem.h>
#include <kshim/host-rcu.h>
#include <kshim/runtime.h>

static struct {
	struct kshim_host_mutex lock;
	struct kshim_host_cond more;	/* callbacks were queued */
	struct kshim_host_cond done;	/* a batch has run */
	struct rcu_head *head, **tail;
	unsigned long queued, completed;
	unsigned long pending;		/* callbacks in the queue now */
	bool hurry;			/* someone waits: no gathering */
	unsigned long generation;	/* fork generation of the thread */
	bool running;
} cbq;

static unsigned long gp_seq;

/* how long a first callback waits for others to share its grace period */
#define RCU_GATHER_NS 4000000ULL
#define RCU_GATHER_MAX 1024

#ifdef KSHIM_RCU_TSAN
char kshim_rcu_tsan_token;
#endif

/* a grace period ended: everything readers did before it happens-before */
static void note_gp(void)
{
#ifdef KSHIM_RCU_TSAN
	__tsan_acquire(&kshim_rcu_tsan_token);
#endif
	__atomic_add_fetch(&gp_seq, 1, __ATOMIC_SEQ_CST);
}

static void invoke(struct rcu_head *head)
{
	unsigned long off = (unsigned long)head->func;

	if (off < 4096)
		kvfree((char *)head - off);
	else
		head->func(head);
}

static void *rcu_cb_thread(void *arg)
{
	struct rcu_head *batch, *next;
	unsigned long long deadline;
	unsigned long seq;

	kshim_thread_enter("rcu_cb");
	kshim_host_mutex_lock(&cbq.lock);
	for (;;) {
		while (!cbq.head)
			kshim_host_cond_wait(&cbq.more, &cbq.lock);
		deadline = kshim_host_monotonic_ns() + RCU_GATHER_NS;
		while (!cbq.hurry && cbq.pending < RCU_GATHER_MAX &&
		       !kshim_host_cond_timedwait(&cbq.more, &cbq.lock, deadline))
			;
		cbq.hurry = false;
		batch = cbq.head;
		cbq.head = NULL;
		cbq.pending = 0;
		cbq.tail = &cbq.head;
		seq = cbq.queued;
		kshim_host_mutex_unlock(&cbq.lock);

		kshim_host_rcu_synchronize();
		note_gp();
		for (; batch; batch = next) {
			next = batch->next;
			invoke(batch);
		}

		kshim_host_mutex_lock(&cbq.lock);
		cbq.completed = seq;
		kshim_host_cond_broadcast(&cbq.done);
	}
	return NULL;
}

/* caller holds cbq.lock */
static void start_thread_locked(void)
{
	unsigned long gen = kshim_host_fork_generation();
	kshim_host_thread_t t;
	int err;

	if (likely(cbq.running && cbq.generation == gen))
		return;
	if (!cbq.tail)
		cbq.tail = &cbq.head;
	err = kshim_host_thread_create(&t, "rcu_cb", rcu_cb_thread, NULL);
	if (err)
		panic("kshim: cannot start the RCU callback thread (%d)", err);
	kshim_host_thread_detach(t);
	cbq.running = true;
	cbq.generation = gen;
}

/*
 * The thread is woken by the first callback of a batch, a full batch or
 * a hurry, not by each callback: a wake-up per call_rcu() would cost
 * about what the gathering saves.
 */
static void enqueue(struct rcu_head *head, bool hurry)
{
	bool wake;

	head->next = NULL;
	kshim_host_mutex_lock(&cbq.lock);
	start_thread_locked();
	wake = !cbq.head || hurry;
	*cbq.tail = head;
	cbq.tail = &head->next;
	cbq.queued++;
	if (++cbq.pending >= RCU_GATHER_MAX)
		wake = true;
	if (hurry)
		cbq.hurry = true;
	if (wake)
		kshim_host_cond_signal(&cbq.more);
	kshim_host_mutex_unlock(&cbq.lock);
}

void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	head->func = func;
	enqueue(head, false);
}

void call_rcu_hurry(struct rcu_head *head, rcu_callback_t func)
{
	head->func = func;
	enqueue(head, true);
}

void kvfree_call_rcu(struct rcu_head *head, void *ptr)
{
	unsigned long off = (unsigned long)head - (unsigned long)ptr;

	if (WARN_ON_ONCE(off >= 4096)) {
		synchronize_rcu();
		kvfree(ptr);
		return;
	}
	head->func = (rcu_callback_t)off;
	enqueue(head, false);
}

struct kvfree_wrapper {
	struct rcu_head rcu;
	const void *ptr;
};

static void kvfree_wrapper_cb(struct rcu_head *head)
{
	struct kvfree_wrapper *w = container_of(head, struct kvfree_wrapper, rcu);

	kvfree(w->ptr);
	kshim_host_mem_free(w);
}

void kvfree_rcu_mightsleep(const void *ptr)
{
	struct kvfree_wrapper *w;

	if (!ptr)
		return;
	w = kshim_host_mem_alloc(sizeof(*w), 0);
	if (!w) {
		synchronize_rcu();
		kvfree(ptr);
		return;
	}
	w->ptr = ptr;
	call_rcu(&w->rcu, kvfree_wrapper_cb);
}

void synchronize_rcu(void)
{
	WARN_ON_ONCE(kshim_host_rcu_read_ongoing());
	kshim_host_rcu_synchronize();
	note_gp();
}

void synchronize_rcu_expedited(void)
{
	synchronize_rcu();
}

void rcu_barrier(void)
{
	unsigned long target;

	kshim_host_mutex_lock(&cbq.lock);
	target = cbq.queued;
	if (cbq.completed != target) {
		start_thread_locked();
		/* what is still gathering goes now */
		cbq.hurry = true;
		kshim_host_cond_signal(&cbq.more);
	}
	while ((long)(cbq.completed - target) < 0)
		kshim_host_cond_wait(&cbq.done, &cbq.lock);
	kshim_host_mutex_unlock(&cbq.lock);
}

void kshim_rcu_stats(unsigned long *queued, unsigned long *done)
{
	kshim_host_mutex_lock(&cbq.lock);
	*queued = cbq.queued;
	*done = cbq.completed;
	kshim_host_mutex_unlock(&cbq.lock);
}

/*
 * Polling: a cookie is the count of grace periods ended so far; two more
 * ending means one began and ended entirely after the cookie was taken.
 */
unsigned long get_state_synchronize_rcu(void)
{
	return __atomic_load_n(&gp_seq, __ATOMIC_SEQ_CST);
}

unsigned long start_poll_synchronize_rcu(void)
{
	return get_state_synchronize_rcu();
}

bool poll_state_synchronize_rcu(unsigned long oldstate)
{
	return (long)(get_state_synchronize_rcu() - oldstate) >= 2;
}

void cond_synchronize_rcu(unsigned long oldstate)
{
	if (!poll_state_synchronize_rcu(oldstate))
		synchronize_rcu();
}

/* ---- SRCU ---- */

int init_srcu_struct(struct srcu_struct *ssp)
{
	__builtin_memset(ssp, 0, sizeof(*ssp));
	return 0;
}

void cleanup_srcu_struct(struct srcu_struct *ssp)
{
	WARN_ON(atomic_long_read(&ssp->readers[0]) ||
		atomic_long_read(&ssp->readers[1]));
}

int __srcu_read_lock(struct srcu_struct *ssp)
{
	int idx;

	/* fetch and count in one RCU section: updaters wait it out */
	rcu_read_lock();
	idx = __atomic_load_n(&ssp->idx, __ATOMIC_RELAXED) & 1;
	atomic_long_inc(&ssp->readers[idx]);
	rcu_read_unlock();
	smp_mb();
	return idx;
}

void __srcu_read_unlock(struct srcu_struct *ssp, int idx)
{
	smp_mb();
	atomic_long_dec(&ssp->readers[idx & 1]);
}

void synchronize_srcu(struct srcu_struct *ssp)
{
	unsigned long old;
	unsigned long long wait_ns = 10000;

	kshim_host_mutex_lock(&ssp->gp_lock);
	old = __atomic_fetch_add(&ssp->idx, 1, __ATOMIC_SEQ_CST) & 1;
	/* every reader that saw the old index has now counted itself */
	synchronize_rcu();
	while (atomic_long_read(&ssp->readers[old])) {
		kshim_host_sleep_ns(wait_ns);
		if (wait_ns < 1000000)
			wait_ns *= 2;
	}
	smp_mb();
	kshim_host_mutex_unlock(&ssp->gp_lock);
}

void synchronize_srcu_expedited(struct srcu_struct *ssp)
{
	synchronize_srcu(ssp);
}

void srcu_barrier(struct srcu_struct *ssp)
{
	rcu_barrier();
}
