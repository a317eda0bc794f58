// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host threads entering the kernel world (the role kernel/fork.c plays
 * for tasks): kshim_thread_enter() is the one entry hook every host thread
 * runs before kernel code.  It registers the thread with liburcu and
 * gives it its per-thread state; the thread-exit hook undoes both.
 */
#include <linux/kernel.h>
#include <kshim/host.h>
#include <kshim/host-rcu.h>
#include <kshim/runtime.h>

__thread char kshim_thread_token;
static __thread bool thread_entered;

static void thread_exit_hook(void *value)
{
	if (!thread_entered)
		return;
	kshim_host_rcu_unregister_thread();
	thread_entered = false;
}

void kshim_thread_enter(const char *name)
{
	static bool hook_set;

	if (likely(thread_entered))
		return;
	if (!__atomic_load_n(&hook_set, __ATOMIC_ACQUIRE)) {
		kshim_host_thread_set_exit_hook(thread_exit_hook);
		__atomic_store_n(&hook_set, true, __ATOMIC_RELEASE);
	}
	thread_entered = true;
	kshim_host_rcu_register_thread();
	/* any non-NULL value makes the host run the exit hook */
	kshim_host_thread_set_exit_value(&kshim_thread_token);
}
