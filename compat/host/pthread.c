// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host side of the thread, lock, time and process bridge (kshim/host.h):
 * the only place these kernel-world facilities touch pthreads and libc.
 */
#include <errno.h>
#include <execinfo.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <kshim/host.h>

_Static_assert(sizeof(pthread_mutex_t) <= sizeof(struct kshim_host_mutex),
	       "kshim_host_mutex too small");
_Static_assert(sizeof(pthread_cond_t) <= sizeof(struct kshim_host_cond),
	       "kshim_host_cond too small");
_Static_assert(sizeof(pthread_rwlock_t) <= sizeof(struct kshim_host_rwlock),
	       "kshim_host_rwlock too small");
_Static_assert(sizeof(pthread_t) <= sizeof(kshim_host_thread_t),
	       "kshim_host_thread_t too small");

#define MUTEX(m) ((pthread_mutex_t *)(m))
#define COND(c) ((pthread_cond_t *)(c))
#define RWLOCK(l) ((pthread_rwlock_t *)(l))

static void die_on(int err, const char *what)
{
	if (err) {
		fprintf(stderr, "kshim: %s failed: %s\n", what, strerror(err));
		abort();
	}
}

/*
 * Zeroed storage must be a valid unlocked object (kernel code kzallocs
 * structures holding locks and may rely on static zero initialisation).
 * glibc's static initialisers are all zero; check it once at start-up.
 */
__attribute__((constructor)) static void check_zero_initialisers(void)
{
	static const pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	static const pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	static const pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;
	static const char zero[sizeof(pthread_rwlock_t)];

	if (memcmp(&m, zero, sizeof(m)) || memcmp(&c, zero, sizeof(c)) ||
	    memcmp(&l, zero, sizeof(l))) {
		fprintf(stderr, "kshim: this libc's lock initialisers are not all-zero\n");
		abort();
	}
}

/*
 * Blocking hook: a thread tells its owner (the FUSE request loop) that it
 * is about to wait, so another thread can serve requests meanwhile.  Only
 * waits that can be long run it: condition waits (every kernel-world
 * sleep), sleeping locks (the kernel's struct mutex: a failed trylock
 * first, so an uncontended lock costs nothing more), sleeps and flushes
 * to stable storage.  Spinlocks and the runtime's own short locks do not,
 * as a spinning kernel thread does not sleep either.
 */
static __thread void (*block_hook)(void);

void kshim_set_block_hook(void (*hook)(void))
{
	block_hook = hook;
}

void kshim_host_about_to_block(void)
{
	if (block_hook)
		block_hook();
}

long kshim_host_sysctl(const char *name, long fallback)
{
	char path[256];
	long value;
	FILE *f;
	int n;

	if (snprintf(path, sizeof(path), "/proc/sys/%s", name) >= (int)sizeof(path))
		return fallback;
	f = fopen(path, "re");
	if (!f)
		return fallback;
	n = fscanf(f, "%ld", &value);
	fclose(f);
	return n == 1 ? value : fallback;
}

void kshim_host_mutex_init(struct kshim_host_mutex *m)
{
	memset(m, 0, sizeof(*m));
}

void kshim_host_mutex_destroy(struct kshim_host_mutex *m)
{
	pthread_mutex_destroy(MUTEX(m));
}

void kshim_host_mutex_lock(struct kshim_host_mutex *m)
{
	die_on(pthread_mutex_lock(MUTEX(m)), "pthread_mutex_lock");
}

void kshim_host_mutex_lock_sleeping(struct kshim_host_mutex *m)
{
	if (block_hook && !pthread_mutex_trylock(MUTEX(m)))
		return;
	kshim_host_about_to_block();
	die_on(pthread_mutex_lock(MUTEX(m)), "pthread_mutex_lock");
}

int kshim_host_mutex_trylock(struct kshim_host_mutex *m)
{
	return pthread_mutex_trylock(MUTEX(m)) == 0;
}

void kshim_host_mutex_unlock(struct kshim_host_mutex *m)
{
	die_on(pthread_mutex_unlock(MUTEX(m)), "pthread_mutex_unlock");
}

void kshim_host_rwlock_init(struct kshim_host_rwlock *l)
{
	memset(l, 0, sizeof(*l));
}

void kshim_host_rwlock_rdlock(struct kshim_host_rwlock *l)
{
	die_on(pthread_rwlock_rdlock(RWLOCK(l)), "pthread_rwlock_rdlock");
}

void kshim_host_rwlock_wrlock(struct kshim_host_rwlock *l)
{
	die_on(pthread_rwlock_wrlock(RWLOCK(l)), "pthread_rwlock_wrlock");
}

int kshim_host_rwlock_tryrdlock(struct kshim_host_rwlock *l)
{
	return pthread_rwlock_tryrdlock(RWLOCK(l)) == 0;
}

int kshim_host_rwlock_trywrlock(struct kshim_host_rwlock *l)
{
	return pthread_rwlock_trywrlock(RWLOCK(l)) == 0;
}

void kshim_host_rwlock_unlock(struct kshim_host_rwlock *l)
{
	die_on(pthread_rwlock_unlock(RWLOCK(l)), "pthread_rwlock_unlock");
}

/*
 * Condition variables wait on CLOCK_MONOTONIC.  A zeroed pthread_cond_t
 * uses CLOCK_REALTIME, so timed waits convert the monotonic deadline into
 * a realtime one when the condition was not set up by kshim_host_cond_init.
 * Both kinds are valid; kshim_host_cond_init makes the monotonic kind.
 */
void kshim_host_cond_init(struct kshim_host_cond *c)
{
	pthread_condattr_t attr;

	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	die_on(pthread_cond_init(COND(c), &attr), "pthread_cond_init");
	pthread_condattr_destroy(&attr);
}

void kshim_host_cond_destroy(struct kshim_host_cond *c)
{
	pthread_cond_destroy(COND(c));
}

void kshim_host_cond_wait(struct kshim_host_cond *c, struct kshim_host_mutex *m)
{
	kshim_host_about_to_block();
	die_on(pthread_cond_wait(COND(c), MUTEX(m)), "pthread_cond_wait");
}

int kshim_host_cond_timedwait(struct kshim_host_cond *c,
			      struct kshim_host_mutex *m,
			      unsigned long long deadline_ns)
{
	struct timespec ts;
	int err;

	/*
	 * pthread_cond_clockwait() takes the clock explicitly, so the result
	 * does not depend on how the condition was initialised.
	 */
	kshim_host_about_to_block();
	ts.tv_sec = deadline_ns / 1000000000ull;
	ts.tv_nsec = deadline_ns % 1000000000ull;
	err = pthread_cond_clockwait(COND(c), MUTEX(m), CLOCK_MONOTONIC, &ts);
	if (err == ETIMEDOUT)
		return 1;
	die_on(err, "pthread_cond_clockwait");
	return 0;
}

void kshim_host_cond_signal(struct kshim_host_cond *c)
{
	pthread_cond_signal(COND(c));
}

void kshim_host_cond_broadcast(struct kshim_host_cond *c)
{
	pthread_cond_broadcast(COND(c));
}

/* the CPUs the process could use when it started: kthreadd's affinity */
static cpu_set_t home_cpus;
static int home_cpus_known;

__attribute__((constructor)) static void note_home_cpus(void)
{
	home_cpus_known = !sched_getaffinity(0, sizeof(home_cpus), &home_cpus);
}

int kshim_thread_sched_defaults(int tid)
{
	struct sched_param normal = { 0 };
	int err = 0;

	if (sched_getscheduler(tid) != SCHED_OTHER &&
	    sched_setscheduler(tid, SCHED_OTHER, &normal))
		err = -errno;
	if (home_cpus_known &&
	    sched_setaffinity(tid, sizeof(home_cpus), &home_cpus) && !err)
		err = -errno;
	return err;
}

int kshim_thread_sched_is_default(void)
{
	cpu_set_t now;

	if (sched_getscheduler(0) != SCHED_OTHER)
		return 0;
	return !home_cpus_known ||
	       sched_getaffinity(0, sizeof(now), &now) ||
	       CPU_EQUAL(&now, &home_cpus);
}

int kshim_thread_sched_follow(int cpu)
{
	struct sched_param idle = { 0 };
	cpu_set_t one;

	if (cpu < 0 || cpu >= CPU_SETSIZE)
		return -EINVAL;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (sched_setaffinity(0, sizeof(one), &one))
		return -errno;
	if (sched_getscheduler(0) != SCHED_IDLE &&
	    sched_setscheduler(0, SCHED_IDLE, &idle)) {
		int err = -errno;

		kshim_thread_sched_defaults(0);
		return err;
	}
	return 0;
}

int kshim_thread_sched_avoid(int cpu)
{
	cpu_set_t others = home_cpus;

	if (!home_cpus_known)
		return -EINVAL;
	if (cpu >= 0 && cpu < CPU_SETSIZE)
		CPU_CLR(cpu, &others);
	if (!CPU_COUNT(&others))
		return -EINVAL;
	return sched_setaffinity(0, sizeof(others), &others) ? -errno : 0;
}

static void *probe_follow(void *arg)
{
	struct sched_param p = { 0 };
	int *ok = arg;

	*ok = !sched_setscheduler(0, SCHED_IDLE, &p) &&
	      !sched_setscheduler(0, SCHED_OTHER, &p);
	return NULL;
}

int kshim_thread_sched_can_follow(void)
{
	pthread_t t;
	int ok = 0;

	/* a throw-away thread: the caller's own policy is not at stake */
	if (!home_cpus_known || pthread_create(&t, NULL, probe_follow, &ok))
		return 0;
	pthread_join(t, NULL);
	return ok;
}

struct thread_start {
	void *(*fn)(void *arg);
	void *arg;
	char name[16];
};

static void *thread_trampoline(void *p)
{
	struct thread_start start = *(struct thread_start *)p;

	free(p);
	/*
	 * A kthread is kthreadd's child, not its creator's: it does not
	 * inherit the creator's policy or affinity (a request loop worker
	 * may be following a caller's CPU at idle priority).
	 */
	if (!kshim_thread_sched_is_default())
		kshim_thread_sched_defaults(0);
	if (start.name[0])
		pthread_setname_np(pthread_self(), start.name);
	return start.fn(start.arg);
}

int kshim_host_thread_create(kshim_host_thread_t *thread, const char *name,
			     void *(*fn)(void *arg), void *arg)
{
	struct thread_start *start = calloc(1, sizeof(*start));
	pthread_t tid;
	int err;

	if (!start)
		return ENOMEM;
	start->fn = fn;
	start->arg = arg;
	if (name)
		snprintf(start->name, sizeof(start->name), "%s", name);
	err = pthread_create(&tid, NULL, thread_trampoline, start);
	if (err) {
		free(start);
		return err;
	}
	*thread = (kshim_host_thread_t)tid;
	return 0;
}

int kshim_host_thread_join(kshim_host_thread_t thread, void **ret)
{
	return pthread_join((pthread_t)thread, ret);
}

void kshim_host_thread_detach(kshim_host_thread_t thread)
{
	pthread_detach((pthread_t)thread);
}

kshim_host_thread_t kshim_host_thread_self(void)
{
	return (kshim_host_thread_t)pthread_self();
}

int kshim_host_gettid(void)
{
	return (int)syscall(SYS_gettid);
}

void kshim_host_thread_setname(const char *name)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%s", name);
	pthread_setname_np(pthread_self(), buf);
}

void kshim_host_yield(void)
{
	sched_yield();
}

/* a pthread key whose destructor runs the kernel world's thread-exit hook */
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;
static void (*exit_hook)(void *value);

static void run_exit_hook(void *value)
{
	if (exit_hook)
		exit_hook(value);
}

static void make_exit_key(void)
{
	die_on(pthread_key_create(&exit_key, run_exit_hook), "pthread_key_create");
}

void kshim_host_thread_set_exit_hook(void (*hook)(void *value))
{
	pthread_once(&exit_key_once, make_exit_key);
	exit_hook = hook;
}

void kshim_host_thread_set_exit_value(void *value)
{
	pthread_once(&exit_key_once, make_exit_key);
	pthread_setspecific(exit_key, value);
}

static unsigned long long clock_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

unsigned long long kshim_host_monotonic_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

unsigned long long kshim_host_realtime_ns(void)
{
	return clock_ns(CLOCK_REALTIME);
}

unsigned long long kshim_host_boottime_ns(void)
{
	return clock_ns(CLOCK_BOOTTIME);
}

void kshim_host_sleep_ns(unsigned long long ns)
{
	struct timespec ts = {
		.tv_sec = ns / 1000000000ull,
		.tv_nsec = ns % 1000000000ull,
	};

	kshim_host_about_to_block();
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

long kshim_host_write(int fd, const void *buf, unsigned long len)
{
	const char *p = buf;
	unsigned long done = 0;

	while (done < len) {
		ssize_t n = write(fd, p + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return done ? (long)done : -errno;
		done += n;
	}
	return (long)done;
}

void kshim_host_backtrace(int fd)
{
	void *frames[64];
	int n = backtrace(frames, 64);

	backtrace_symbols_fd(frames, n, fd);
}

void kshim_host_abort(void)
{
	abort();
}

void kshim_host_exit(int code)
{
	exit(code);
}

void kshim_host_exit_now(int code)
{
	_exit(code);
}

const char *kshim_host_getenv(const char *name)
{
	return getenv(name);
}

int kshim_host_ncpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

void kshim_host_random_bytes(void *buf, unsigned long len)
{
	unsigned char *p = buf;

	while (len) {
		ssize_t n = getrandom(p, len, 0);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			die_on(errno, "getrandom");
		}
		p += n;
		len -= n;
	}
}

unsigned long long kshim_host_random_u64(void)
{
	unsigned long long v;

	kshim_host_random_bytes(&v, sizeof(v));
	return v;
}
