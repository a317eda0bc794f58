/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bridge for the scheduler emulation (compat/fork.c, sched.c, kthread.c):
 * memory for task structures, independent of the slab shim, and the two
 * thread operations host.h does not have.  Plain C types only.
 */
#ifndef _KSHIM_HOST_SCHED_H
#define _KSHIM_HOST_SCHED_H

/* zeroed memory, or NULL */
void *kshim_host_sched_zalloc(unsigned long size);
void kshim_host_sched_free(void *p);
/* the calling thread's host name, NUL-terminated, at most len - 1 bytes */
void kshim_host_thread_getname(char *buf, unsigned long len);
/* the host process id */
int kshim_host_getpid(void);
/* ends the calling host thread (thread-exit hooks run) */
__attribute__((noreturn)) void kshim_host_thread_exit(void);

#endif /* _KSHIM_HOST_SCHED_H */
