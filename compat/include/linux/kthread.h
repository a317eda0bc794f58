/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel threads on host threads.  Kernel guarantees kept:
 *  - kthread_create() returns a task that is created stopped: threadfn
 *    does not run until the first wake_up_process() (kthread_run() does
 *    both);
 *  - kthread_stop() sets should_stop, wakes the thread, waits until it has
 *    exited and returns threadfn's result (or kthread_exit()'s code); if
 *    the thread was never woken, threadfn is never called and the result
 *    is -EINTR;
 *  - kthread_park() returns once the thread is parked in kthread_parkme();
 *    kthread_unpark() lets it go on; a parked thread ignores
 *    wake_up_process();
 *  - the task has PF_KTHREAD and the formatted name in comm.
 * CPU binding, NUMA nodes, priorities and blkcg association are ignored.
 * Left out: the kthread_worker API.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

struct completion;
struct cpumask;
struct cgroup_subsys_state;

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data, int node,
					   const char namefmt[], ...);

#define kthread_create(threadfn, data, namefmt, arg...)                    \
	kthread_create_on_node(threadfn, data, -1, namefmt, ##arg)

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, unsigned int cpu,
					  const char *namefmt);

#define kthread_run(threadfn, data, namefmt, ...)                          \
	({                                                                 \
		struct task_struct *__kk_task =                            \
			kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__kk_task))                                    \
			wake_up_process(__kk_task);                        \
		__kk_task;                                                 \
	})

static inline struct task_struct *
kthread_run_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
		   const char *namefmt)
{
	struct task_struct *p = kthread_create_on_cpu(threadfn, data, cpu, namefmt);

	if (!IS_ERR(p))
		wake_up_process(p);
	return p;
}

void free_kthread_struct(struct task_struct *k);
void kthread_bind(struct task_struct *k, unsigned int cpu);
void kthread_bind_mask(struct task_struct *k, const struct cpumask *mask);
int kthread_stop(struct task_struct *k);
int kthread_stop_put(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
bool kthread_should_stop_or_park(void);
bool __kthread_should_park(struct task_struct *k);
bool kthread_freezable_should_stop(bool *was_frozen);
void *kthread_func(struct task_struct *k);
void *kthread_data(struct task_struct *k);
void *kthread_probe_data(struct task_struct *k);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
void kthread_parkme(void);
__noreturn void kthread_exit(long result);
__noreturn void kthread_complete_and_exit(struct completion *comp, long code);
void kthread_set_per_cpu(struct task_struct *k, int cpu);
bool kthread_is_per_cpu(struct task_struct *k);

static inline void kthread_associate_blkcg(struct cgroup_subsys_state *css)
{
}

static inline struct cgroup_subsys_state *kthread_blkcg(void)
{
	return NULL;
}

#endif /* _LINUX_KTHREAD_H */
