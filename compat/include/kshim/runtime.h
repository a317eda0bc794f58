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

/* called by kshim_bug() before the process ends: unmount, flush logs */
void kshim_add_fatal_hook(void (*hook)(void));

#endif /* _KSHIM_RUNTIME_H */
