// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel threads (the role of kernel/kthread.c), each on a detached host
 * thread.
 *
 * kthread_create() prepares the task in TASK_UNINTERRUPTIBLE and starts
 * the host thread, which enters as that task and sleeps in schedule()
 * until the first wake_up_process().  Then, unless kthread_stop() came
 * first, it runs threadfn.  Its end (return or kthread_exit()) records
 * the result and completes `exited`, which kthread_stop() waits for; the
 * task memory lives on while anyone holds a reference.
 *
 * Parking: kthread_park() sets SHOULD_PARK, wakes the thread and waits
 * for `parked`; the thread, in kthread_parkme(), completes `parked` each
 * time it goes to sleep in TASK_PARKED, a state only kthread_unpark()'s
 * wake_up_state(TASK_PARKED) ends.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <kshim/host.h>
#include <kshim/host-sched.h>

enum {
	KT_SHOULD_STOP,
	KT_SHOULD_PARK,
	KT_EXITED,
	KT_PER_CPU,
};

struct kthread {
	unsigned long flags;
	int (*threadfn)(void *data);
	void *data;
	int result;
	struct completion parked;
	struct completion exited;
};

static inline bool kt_test(struct kthread *kt, int bit)
{
	return __atomic_load_n(&kt->flags, __ATOMIC_ACQUIRE) & (1UL << bit);
}

static inline void kt_set(struct kthread *kt, int bit)
{
	__atomic_fetch_or(&kt->flags, 1UL << bit, __ATOMIC_SEQ_CST);
}

static inline void kt_clear(struct kthread *kt, int bit)
{
	__atomic_fetch_and(&kt->flags, ~(1UL << bit), __ATOMIC_SEQ_CST);
}

static inline struct kthread *to_kthread(struct task_struct *k)
{
	return k->kshim_kthread;
}

/* called by fork.c when the last reference to a kthread's task goes */
void kshim_kthread_release(struct task_struct *tsk)
{
	struct kthread *kt = tsk->kshim_kthread;

	tsk->kshim_kthread = NULL;
	kshim_host_sched_free(kt);
}

void free_kthread_struct(struct task_struct *k)
{
}

/* the end of a kthread, by return or by kthread_exit() */
static void kthread_finish(long result)
{
	struct task_struct *self = current;
	struct kthread *kt = to_kthread(self);

	self->flags |= PF_EXITING;
	kt->result = (int)result;
	kt_set(kt, KT_EXITED);
	complete_all(&kt->exited);
}

static void kthread_parkme_of(struct kthread *kt)
{
	for (;;) {
		set_special_state(TASK_PARKED);
		if (!kt_test(kt, KT_SHOULD_PARK))
			break;
		/*
		 * One completion per sleep in TASK_PARKED: only an unpark
		 * ends that sleep, so a new park that came in meanwhile
		 * is answered by the next pass.
		 */
		complete(&kt->parked);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

static void *kthread_main(void *arg)
{
	struct task_struct *self = arg;
	struct kthread *kt = to_kthread(self);
	int ret = -EINTR;

	kshim_thread_enter_task(self);
	/* created stopped: the first wake_up_process() starts us */
	schedule();
	if (!kt_test(kt, KT_SHOULD_STOP)) {
		kthread_parkme_of(kt);
		if (!kt_test(kt, KT_SHOULD_STOP))
			ret = kt->threadfn(kt->data);
	}
	kthread_finish(ret);
	return NULL;
}

static struct task_struct *kthread_create_named(int (*threadfn)(void *data),
						void *data, const char *name)
{
	struct task_struct *tsk;
	struct kthread *kt;
	kshim_host_thread_t thread;
	int err;

	kt = kshim_host_sched_zalloc(sizeof(*kt));
	if (!kt)
		return ERR_PTR(-ENOMEM);
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->parked);
	init_completion(&kt->exited);

	tsk = kshim_task_alloc(name);
	if (!tsk) {
		kshim_host_sched_free(kt);
		return ERR_PTR(-ENOMEM);
	}
	tsk->flags |= PF_KTHREAD | PF_NOFREEZE;
	tsk->kshim_kthread = kt;
	tsk->__state = TASK_UNINTERRUPTIBLE;

	/* the task's first reference passes to the new thread */
	err = kshim_host_thread_create(&thread, tsk->comm, kthread_main, tsk);
	if (err) {
		put_task_struct(tsk);
		return ERR_PTR(-err);
	}
	kshim_host_thread_detach(thread);
	return tsk;
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data, int node,
					   const char namefmt[], ...)
{
	char name[TASK_COMM_LEN];
	va_list args;

	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	return kthread_create_named(threadfn, data, name);
}

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, unsigned int cpu,
					  const char *namefmt)
{
	struct task_struct *p;

	p = kthread_create_on_node(threadfn, data, -1, namefmt, cpu);
	if (!IS_ERR(p))
		kthread_set_per_cpu(p, (int)cpu);
	return p;
}

void kthread_set_per_cpu(struct task_struct *k, int cpu)
{
	struct kthread *kt = to_kthread(k);

	if (kt && cpu >= 0)
		kt_set(kt, KT_PER_CPU);
}

bool kthread_is_per_cpu(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	return kt && kt_test(kt, KT_PER_CPU);
}

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
}

void kthread_bind_mask(struct task_struct *k, const struct cpumask *mask)
{
}

bool __kthread_should_park(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	return kt && kt_test(kt, KT_SHOULD_PARK);
}

bool kthread_should_stop(void)
{
	struct kthread *kt = to_kthread(current);

	return kt && kt_test(kt, KT_SHOULD_STOP);
}

bool kthread_should_park(void)
{
	return __kthread_should_park(current);
}

bool kthread_should_stop_or_park(void)
{
	struct kthread *kt = to_kthread(current);

	return kt && (kt_test(kt, KT_SHOULD_STOP) || kt_test(kt, KT_SHOULD_PARK));
}

bool kthread_freezable_should_stop(bool *was_frozen)
{
	if (was_frozen)
		*was_frozen = false;
	return kthread_should_stop();
}

void *kthread_func(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	return kt ? (void *)kt->threadfn : NULL;
}

void *kthread_data(struct task_struct *k)
{
	return to_kthread(k)->data;
}

void *kthread_probe_data(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	return kt ? kt->data : NULL;
}

void kthread_parkme(void)
{
	kthread_parkme_of(to_kthread(current));
}

int kthread_park(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	if (WARN_ON(kt_test(kt, KT_EXITED)))
		return -ENOSYS;
	if (WARN_ON_ONCE(kt_test(kt, KT_SHOULD_PARK)))
		return -EBUSY;
	kt_set(kt, KT_SHOULD_PARK);
	if (k != current) {
		wake_up_process(k);
		wait_for_completion(&kt->parked);
	}
	return 0;
}

void kthread_unpark(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	if (!kt_test(kt, KT_SHOULD_PARK))
		return;
	kt_clear(kt, KT_SHOULD_PARK);
	wake_up_state(k, TASK_PARKED);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt;
	int ret;

	get_task_struct(k);
	kt = to_kthread(k);
	kt_set(kt, KT_SHOULD_STOP);
	kthread_unpark(k);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}

int kthread_stop_put(struct task_struct *k)
{
	int ret = kthread_stop(k);

	put_task_struct(k);
	return ret;
}

void kthread_exit(long result)
{
	if (to_kthread(current))
		kthread_finish(result);
	else
		WARN(1, "kthread_exit() called by %s, not a kthread\n",
		     current->comm);
	kshim_host_thread_exit();
}

void kthread_complete_and_exit(struct completion *comp, long code)
{
	if (comp)
		complete(comp);
	kthread_exit(code);
}
