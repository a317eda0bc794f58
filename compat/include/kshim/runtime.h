/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Start-up and shut-down of the kernel world, callable from both worlds
 * (plain C types only).  A host program calls kshim_runtime_init() once,
 * from its main thread, after any fork()/daemon() and before it starts
 * threads; it enters the calling thread and runs the initcalls.
 */
#ifndef _KSHIM_RUNTIME_H
#define _KSHIM_RUNTIME_H

/* returns 0, or the negative errno of the first initcall that failed */
int kshim_runtime_init(const char *progname);
/* runs the exit calls in reverse order */
void kshim_runtime_exit(void);

/*
 * The entry hook: every host thread runs it before kernel code (FUSE
 * workers, aio completion, timer and workqueue threads, RCU callbacks).
 * Idempotent and cheap once the thread is entered.
 */
void kshim_thread_enter(const char *name);

/*
 * The blocking hook, per thread (NULL: none): the runtime calls it just
 * before the calling thread blocks, that is waits for a lock another
 * thread holds, for a condition (every kernel-world sleep: wait queues,
 * completions, rwsems, I/O), for the host to make data durable, or for
 * time to pass, as the kernel's scheduler tells a workqueue that one of
 * its workers sleeps (wq_worker_sleeping).  It may run with kernel-world
 * locks held, so it must not block on, or call into, the kernel world.
 */
void kshim_set_block_hook(void (*hook)(void));

/*
 * Scheduling defaults.  Threads the runtime starts (kthreads, workqueue
 * workers, timer and RCU callback threads) begin as kthreadd's children
 * do, with the normal policy and every CPU the process could use when it
 * started, whatever the creating thread's own policy and affinity were.
 * kshim_thread_sched_defaults() gives thread @tid (0: the caller) those
 * back: 0 or a negative errno (leaving SCHED_IDLE needs CAP_SYS_NICE or
 * RLIMIT_NICE >= 20, see sched(7)).
 */
int kshim_thread_sched_defaults(int tid);
/* 1 if the calling thread has the defaults, else 0 */
int kshim_thread_sched_is_default(void);
/*
 * Run the calling thread on @cpu only, at idle priority (SCHED_IDLE): it
 * gets the CPU only when nothing else wants it, and a thread it wakes
 * lands on that CPU.  0 or a negative errno (the defaults are back then).
 * kshim_thread_sched_can_follow() tells whether this process may come
 * back from it (kshim_thread_sched_defaults).
 */
int kshim_thread_sched_follow(int cpu);
int kshim_thread_sched_can_follow(void);
/*
 * Run the calling thread on the process's CPUs but @cpu (all of them for
 * -1): 0, or a negative errno when nothing would be left.
 */
int kshim_thread_sched_avoid(int cpu);

/* called by kshim_bug() before the process ends: unmount, flush logs */
void kshim_add_fatal_hook(void (*hook)(void));

#endif /* _KSHIM_RUNTIME_H */
