// SPDX-License-Identifier: GPL-2.0-only
/* Host side of the RCU bridge (kshim/host-rcu.h): liburcu, memb flavour. */
/*
 * The inlined (LGPL) read side is faster; under ThreadSanitizer use the
 * library's out-of-line one, whose grace-period wake-up TSan cannot model.
 */
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define KSHIM_TSAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define KSHIM_TSAN 1
#endif
#ifndef KSHIM_TSAN
#define _LGPL_SOURCE
#endif
#include <urcu/urcu-memb.h>

#include <kshim/host-rcu.h>

_Static_assert(sizeof(struct rcu_head) == 2 * sizeof(void *),
	       "liburcu's rcu_head is not (next, func)");
_Static_assert(__builtin_offsetof(struct rcu_head, func) == sizeof(void *),
	       "liburcu's rcu_head is not (next, func)");

void kshim_host_rcu_register_thread(void)
{
	urcu_memb_register_thread();
}

void kshim_host_rcu_unregister_thread(void)
{
	urcu_memb_unregister_thread();
}

void kshim_host_rcu_read_lock(void)
{
	urcu_memb_read_lock();
}

void kshim_host_rcu_read_unlock(void)
{
	urcu_memb_read_unlock();
}

int kshim_host_rcu_read_ongoing(void)
{
	return urcu_memb_read_ongoing();
}

void kshim_host_rcu_synchronize(void)
{
	urcu_memb_synchronize_rcu();
}

void kshim_host_call_rcu(void *head, void (*func)(void *head))
{
	urcu_memb_call_rcu(head, (void (*)(struct rcu_head *))func);
}

void kshim_host_rcu_barrier(void)
{
	urcu_memb_barrier();
}
