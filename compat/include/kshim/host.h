/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The bridge between the two worlds (docs/design.md, "Two worlds").
 *
 * Kernel-world code (drivers, compat runtime) cannot include libc or
 * pthread headers, and host-world code (compat/host/, the FUSE bridge,
 * tests' drivers) cannot include kernel shim headers.  They meet only
 * through declarations like these, written in plain C types and opaque
 * storage, that both sides can include.  The host side checks with static
 * assertions that each opaque storage holds its pthread object, and relies
 * on glibc's all-zero static initialisers: a zeroed kshim_host_mutex is an
 * unlocked default mutex, as kernel code expects of a kzalloc'ed lock.
 *
 * Areas keep their own bridge headers (kshim/host-*.h) next to this one.
 */
#ifndef _KSHIM_HOST_H
#define _KSHIM_HOST_H

struct kshim_host_mutex {
	unsigned long opaque[5];
} __attribute__((aligned(8)));

struct kshim_host_cond {
	unsigned long opaque[6];
} __attribute__((aligned(8)));

struct kshim_host_rwlock {
	unsigned long opaque[7];
} __attribute__((aligned(8)));

typedef unsigned long kshim_host_thread_t;

/* mutexes (default type, not recursive); zeroed storage is unlocked */
void kshim_host_mutex_init(struct kshim_host_mutex *m);
void kshim_host_mutex_destroy(struct kshim_host_mutex *m);
void kshim_host_mutex_lock(struct kshim_host_mutex *m);
/* the same, for a sleeping lock: a wait runs the blocking hook first */
void kshim_host_mutex_lock_sleeping(struct kshim_host_mutex *m);
int kshim_host_mutex_trylock(struct kshim_host_mutex *m); /* 1 = taken */
void kshim_host_mutex_unlock(struct kshim_host_mutex *m);

/* reader-writer locks; zeroed storage is unlocked */
void kshim_host_rwlock_init(struct kshim_host_rwlock *l);
void kshim_host_rwlock_rdlock(struct kshim_host_rwlock *l);
void kshim_host_rwlock_wrlock(struct kshim_host_rwlock *l);
int kshim_host_rwlock_tryrdlock(struct kshim_host_rwlock *l); /* 1 = taken */
int kshim_host_rwlock_trywrlock(struct kshim_host_rwlock *l); /* 1 = taken */
void kshim_host_rwlock_unlock(struct kshim_host_rwlock *l);

/* condition variables on CLOCK_MONOTONIC; zeroed storage is valid */
void kshim_host_cond_init(struct kshim_host_cond *c);
void kshim_host_cond_destroy(struct kshim_host_cond *c);
void kshim_host_cond_wait(struct kshim_host_cond *c, struct kshim_host_mutex *m);
/* returns 0 when woken (or spuriously), 1 when the absolute deadline passed */
int kshim_host_cond_timedwait(struct kshim_host_cond *c,
			      struct kshim_host_mutex *m,
			      unsigned long long deadline_ns);
void kshim_host_cond_signal(struct kshim_host_cond *c);
void kshim_host_cond_broadcast(struct kshim_host_cond *c);

/*
 * Threads.  kshim_host_thread_create() starts fn(arg) on a new pthread;
 * the thread runs the kernel-world entry hook (kshim_thread_enter) itself
 * when it first needs `current`.  Returns 0 or a positive errno.
 */
int kshim_host_thread_create(kshim_host_thread_t *thread, const char *name,
			     void *(*fn)(void *arg), void *arg);
int kshim_host_thread_join(kshim_host_thread_t thread, void **ret);
void kshim_host_thread_detach(kshim_host_thread_t thread);
kshim_host_thread_t kshim_host_thread_self(void);
int kshim_host_gettid(void);
void kshim_host_thread_setname(const char *name);
void kshim_host_yield(void);
/* registers a destructor run when a host thread exits with value != NULL */
void kshim_host_thread_set_exit_hook(void (*hook)(void *value));
void kshim_host_thread_set_exit_value(void *value);

/*
 * The host kernel's setting /proc/sys/@name (e.g. "fs/protected_hardlinks")
 * as an integer, or @fallback when it cannot be read.
 */
long kshim_host_sysctl(const char *name, long fallback);

/* runs the calling thread's blocking hook (kshim_set_block_hook), if any */
void kshim_host_about_to_block(void);

/* time */
unsigned long long kshim_host_monotonic_ns(void);
unsigned long long kshim_host_realtime_ns(void);
unsigned long long kshim_host_boottime_ns(void);
void kshim_host_sleep_ns(unsigned long long ns);

/* output, process control, diagnostics */
long kshim_host_write(int fd, const void *buf, unsigned long len);
void kshim_host_backtrace(int fd);
__attribute__((noreturn)) void kshim_host_abort(void);
__attribute__((noreturn)) void kshim_host_exit(int code);
/* _exit(): no atexit handlers, for a process in an unknown state */
__attribute__((noreturn)) void kshim_host_exit_now(int code);
const char *kshim_host_getenv(const char *name);
int kshim_host_ncpus(void);
unsigned long long kshim_host_random_u64(void);
void kshim_host_random_bytes(void *buf, unsigned long len);

#endif /* _KSHIM_HOST_H */
