/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Read-copy update on liburcu (kshim/host-rcu.h) and compat/rcupdate.c.
 * Kernel guarantees kept:
 *  - read-side sections nest and never block writers' progress;
 *  - synchronize_rcu() returns only after every read-side section that
 *    began before the call has ended (all flavours: plain, _bh, _sched
 *    are one domain, as in the consolidated kernel RCU);
 *  - a call_rcu()/kfree_rcu() callback runs after a full grace period,
 *    in a thread that has entered the kernel world; callbacks queued by
 *    one thread run in order;
 *  - rcu_barrier() returns after every callback queued before it ran;
 *  - rcu_assign_pointer() publishes with release ordering and
 *    rcu_dereference() reads with (at least) dependency ordering, so a
 *    reader sees the initialised object.
 * Every thread in a read-side section must have entered the kernel world
 * (kshim_thread_enter), which registers it with liburcu.
 */
#ifndef __LINUX_RCUPDATE_H
#define __LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/preempt.h>
#include <linux/lockdep.h>
#include <kshim/host-rcu.h>

#define RCU_INIT_POINTER_UNLOCKED 0

/*
 * ThreadSanitizer cannot see liburcu's grace-period ordering: readers
 * release a token on unlock, grace periods acquire it (compat/rcupdate.c).
 */
#if defined(__SANITIZE_THREAD__)
#define KSHIM_RCU_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define KSHIM_RCU_TSAN 1
#endif
#endif
#ifdef KSHIM_RCU_TSAN
void __tsan_release(void *addr);
void __tsan_acquire(void *addr);
extern char kshim_rcu_tsan_token;
#define __kshim_rcu_tsan_release() __tsan_release(&kshim_rcu_tsan_token)
#else
#define __kshim_rcu_tsan_release() do { } while (0)
#endif

static inline void rcu_read_lock(void)
{
	kshim_host_rcu_read_lock();
}

static inline void rcu_read_unlock(void)
{
	__kshim_rcu_tsan_release();
	kshim_host_rcu_read_unlock();
}

#define __rcu_read_lock() rcu_read_lock()
#define __rcu_read_unlock() rcu_read_unlock()

#define rcu_read_lock_bh() rcu_read_lock()
#define rcu_read_unlock_bh() rcu_read_unlock()
#define rcu_read_lock_sched() rcu_read_lock()
#define rcu_read_unlock_sched() rcu_read_unlock()
#define rcu_read_lock_sched_notrace() rcu_read_lock()
#define rcu_read_unlock_sched_notrace() rcu_read_unlock()

/* best effort: true inside a read-side section of this thread */
static inline int rcu_read_lock_held(void)
{
	return kshim_host_rcu_read_ongoing();
}
#define rcu_read_lock_bh_held() rcu_read_lock_held()
#define rcu_read_lock_sched_held() rcu_read_lock_held()
#define rcu_read_lock_any_held() rcu_read_lock_held()
#define rcu_is_watching() true
#define rcu_lockdep_current_cpu_online() true
#define RCU_LOCKDEP_WARN(c, s) do { (void)(c); } while (0)
#define rcu_sleep_check() do { } while (0)
#define rcu_momentary_eqs() do { } while (0)
/* let a grace period end during a long read-side walk (kernel: linux/sched.h) */
#define cond_resched_rcu() do { rcu_read_unlock(); rcu_read_lock(); } while (0)

void synchronize_rcu(void);
void synchronize_rcu_expedited(void);
void call_rcu(struct rcu_head *head, rcu_callback_t func);
void call_rcu_hurry(struct rcu_head *head, rcu_callback_t func);
void rcu_barrier(void);
void kvfree_call_rcu(struct rcu_head *head, void *ptr);
/* grace-period polling, coarse: a cookie is a count of completed GPs */
unsigned long get_state_synchronize_rcu(void);
unsigned long start_poll_synchronize_rcu(void);
bool poll_state_synchronize_rcu(unsigned long oldstate);
void cond_synchronize_rcu(unsigned long oldstate);
#define synchronize_rcu_bh() synchronize_rcu()
#define synchronize_sched() synchronize_rcu()
#define synchronize_rcu_tasks() synchronize_rcu()
#define call_rcu_tasks(h, f) call_rcu(h, f)
#define rcu_barrier_tasks() rcu_barrier()
#define kfree_rcu_monitor() do { } while (0)

/* kshim: callbacks queued and run so far (tests) */
void kshim_rcu_stats(unsigned long *queued, unsigned long *done);

static inline void init_rcu_head(struct rcu_head *head) { }
static inline void destroy_rcu_head(struct rcu_head *head) { }
static inline void init_rcu_head_on_stack(struct rcu_head *head) { }
static inline void destroy_rcu_head_on_stack(struct rcu_head *head) { }

/* ---- pointer publication ---- */

#define RCU_INITIALIZER(v) (typeof(*(v)) __force __rcu *)(v)
#define unrcu_pointer(p) (p)
#define rcu_access_pointer(p) __atomic_load_n(&(p), __ATOMIC_RELAXED)
#define rcu_dereference_raw(p) __atomic_load_n(&(p), __ATOMIC_ACQUIRE)
#define rcu_dereference_check(p, c) rcu_dereference_raw(p)
#define rcu_dereference_bh_check(p, c) rcu_dereference_raw(p)
#define rcu_dereference_sched_check(p, c) rcu_dereference_raw(p)
#define rcu_dereference(p) rcu_dereference_raw(p)
#define rcu_dereference_bh(p) rcu_dereference_raw(p)
#define rcu_dereference_sched(p) rcu_dereference_raw(p)
#define rcu_dereference_raw_check(p) rcu_dereference_raw(p)
/* update side, under the lock that serialises updaters */
#define rcu_dereference_protected(p, c) ((void)sizeof(c), (p))
#define rcu_dereference_all(p) rcu_dereference_raw(p)
#define rcu_pointer_handoff(p) (p)

#define rcu_assign_pointer(p, v)                                           \
	do {                                                               \
		__atomic_store_n(&(p), (typeof(p))(v), __ATOMIC_RELEASE);  \
	} while (0)
#define RCU_INIT_POINTER(p, v)                                             \
	do {                                                               \
		__atomic_store_n(&(p), (typeof(p))(v), __ATOMIC_RELAXED);  \
	} while (0)
#define rcu_replace_pointer(rcu_ptr, ptr, c)                               \
	({                                                                 \
		typeof(ptr) __rcu_old = rcu_dereference_protected((rcu_ptr), (c)); \
		rcu_assign_pointer((rcu_ptr), (ptr));                      \
		__rcu_old;                                                 \
	})

/*
 * kfree_rcu(ptr, rhf): free ptr after a grace period through its rcu_head
 * member rhf; the callback slot carries the member's offset (< 4096) as
 * in the kernel.  The one-argument forms may sleep (no rcu_head needed).
 */
#define kvfree_rcu_arg_2(ptr, rhf)                                         \
	do {                                                               \
		typeof(ptr) ___p = (ptr);                                  \
		_Static_assert(offsetof(typeof(*(ptr)), rhf) < 4096,       \
			       "rcu_head too far into the object");        \
		if (___p)                                                  \
			kvfree_call_rcu(&((___p)->rhf), (void *)(___p));   \
	} while (0)
void kvfree_rcu_mightsleep(const void *ptr);
#define kvfree_rcu_arg_1(ptr) kvfree_rcu_mightsleep(ptr)
#define kfree_rcu(ptr, rhf) kvfree_rcu_arg_2(ptr, rhf)
#define kvfree_rcu(...) __KSHIM_KVFREE_RCU(__VA_ARGS__, kvfree_rcu_arg_2, kvfree_rcu_arg_1)(__VA_ARGS__)
#define __KSHIM_KVFREE_RCU(_1, _2, macro, ...) macro
#define kfree_rcu_mightsleep(ptr) kvfree_rcu_arg_1(ptr)

#endif /* __LINUX_RCUPDATE_H */
