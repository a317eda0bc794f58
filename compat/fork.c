// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host threads entering the kernel world (the role kernel/fork.c plays
 * for tasks): kshim_thread_enter() is the one entry hook every host thread
 * runs before kernel code.  It registers the thread with liburcu and
 * gives it its task_struct (`current`); the thread-exit hook undoes both.
 * A thread that uses `current` without having entered is entered then.
 *
 * Task lifetime: a task starts with one reference, owned by its thread
 * and dropped by the thread-exit hook; get/put_task_struct() keep it
 * alive beyond that (kthread_stop() does).  The last put frees it.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <kshim/host.h>
#include <kshim/host-rcu.h>
#include <kshim/host-sched.h>
#include <kshim/runtime.h>

__thread char kshim_thread_token;
__thread struct task_struct *kshim_current_task;

/* compat/kthread.c: releases the kthread part of a task */
void kshim_kthread_release(struct task_struct *tsk);

static void copy_comm(char *to, const char *from)
{
	size_t i = 0;

	if (from)
		for (; i < TASK_COMM_LEN - 1 && from[i]; i++)
			to[i] = from[i];
	for (; i < TASK_COMM_LEN; i++)
		to[i] = '\0';
}

struct task_struct *kshim_task_alloc(const char *name)
{
	struct task_struct *tsk = kshim_host_sched_zalloc(sizeof(*tsk));

	if (!tsk)
		return NULL;
	atomic_set(&tsk->usage, 1);
	tsk->__state = TASK_RUNNING;
	tsk->prio = tsk->static_prio = tsk->normal_prio = DEFAULT_PRIO;
	tsk->group_leader = tsk;
	tsk->thread_pid = &tsk->kshim_pid;
	kshim_host_mutex_init(&tsk->kshim_sleep_lock);
	kshim_host_cond_init(&tsk->kshim_sleep_cond);
	copy_comm(tsk->comm, name);
	return tsk;
}

void __put_task_struct(struct task_struct *tsk)
{
	if (tsk->kshim_kthread)
		kshim_kthread_release(tsk);
	kshim_host_cond_destroy(&tsk->kshim_sleep_cond);
	kshim_host_mutex_destroy(&tsk->kshim_sleep_lock);
	kshim_host_sched_free(tsk);
}

static void thread_exit_hook(void *value)
{
	struct task_struct *tsk = kshim_current_task;

	if (!tsk)
		return;
	tsk->flags |= PF_EXITING;
	__kshim_set_state(tsk, TASK_DEAD);
	kshim_host_rcu_unregister_thread();
	kshim_current_task = NULL;
	put_task_struct(tsk);
}

/* binds the calling thread to @tsk; @tsk's first reference is the thread's */
static void attach_task(struct task_struct *tsk)
{
	static bool hook_set;

	if (!__atomic_load_n(&hook_set, __ATOMIC_ACQUIRE)) {
		kshim_host_thread_set_exit_hook(thread_exit_hook);
		__atomic_store_n(&hook_set, true, __ATOMIC_RELEASE);
	}
	tsk->pid = kshim_host_gettid();
	tsk->tgid = kshim_host_getpid();
	tsk->kshim_pid.nr = tsk->pid;
	kshim_current_task = tsk;
	kshim_host_rcu_register_thread();
	/* any non-NULL value makes the host run the exit hook */
	kshim_host_thread_set_exit_value(&kshim_thread_token);
}

void kshim_thread_enter(const char *name)
{
	struct task_struct *tsk;

	if (likely(kshim_current_task))
		return;
	tsk = kshim_task_alloc(name);
	if (!tsk) {
		pr_emerg("kshim: no memory for the task of thread %s\n", name);
		BUG();
	}
	attach_task(tsk);
}

void kshim_thread_enter_task(struct task_struct *tsk)
{
	BUG_ON(kshim_current_task);
	attach_task(tsk);
}

struct task_struct *kshim_current_slow(void)
{
	char name[TASK_COMM_LEN];

	kshim_host_thread_getname(name, sizeof(name));
	kshim_thread_enter(name[0] ? name : "kshim-thread");
	return kshim_current_task;
}

char *__get_task_comm(char *to, size_t len, struct task_struct *tsk)
{
	size_t i;

	if (!len)
		return to;
	for (i = 0; i < len - 1 && i < TASK_COMM_LEN - 1 && tsk->comm[i]; i++)
		to[i] = tsk->comm[i];
	to[i] = '\0';
	return to;
}

void __set_task_comm(struct task_struct *tsk, const char *from, bool exec)
{
	copy_comm(tsk->comm, from);
	if (tsk == kshim_current_task)
		kshim_host_thread_setname(tsk->comm);
}
