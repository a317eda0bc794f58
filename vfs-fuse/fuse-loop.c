// SPDX-License-Identifier: GPL-2.0-only
/*
 * The FUSE request loop (the default; -o spin=0 or -s choose libfuse's
 * loops instead).  Host world: libfuse3 and pthreads.
 *
 * A FUSE request is a round trip between two threads: the caller sleeps
 * until a daemon thread replies.  What it costs is mostly wake-ups, and on
 * a virtual machine whose idle CPUs halt, a wake-up on another CPU costs
 * tens of microseconds: more than a driver takes to create or unlink a
 * file.  So this loop keeps one warm thread in front of /dev/fuse:
 *
 *  - One worker at a time holds the reader's turn: it reads a request,
 *    serves it itself and reads again, so a caller issuing one request
 *    after another is served by the same thread (libfuse's loop has every
 *    idle worker read, and the kernel hands each request to the one that
 *    waited longest: a different, cold thread every time).
 *  - After a request the turn holder polls /dev/fuse without sleeping for
 *    up to spin=USEC microseconds (default 50) before it sleeps in poll():
 *    a caller that sends its next request within that time finds the
 *    thread awake, and nobody has to wake it.  An idle daemon spins once,
 *    for at most that long, after its last request.  Not after a request
 *    that waited (for I/O, a lock): another thread woke this one and may
 *    want its CPU, and spinning then made cold random reads ~30% slower.
 *  - When the worker serving a request is about to block (a sleeping
 *    lock, I/O, a condition, a flush to the host's disk: the runtime's
 *    blocking hook, kshim_set_block_hook), it passes the turn on, as the
 *    kernel's scheduler wakes another workqueue worker when one sleeps:
 *    to the worker that parked last, or to a new one (up to threads=N).
 *    With none free, the first worker to finish its request takes the
 *    turn.  Idle workers park on their own condition variable.  It does
 *    so only while there is a backlog: when lately a request was already
 *    waiting as the turn holder came back for the next one, i.e. more
 *    than one caller is active.  A single caller's request that blocks
 *    (a cold read) keeps the turn: nobody else is waiting, and waking
 *    another worker would only cost its wake-up.
 *
 *  - Following a caller (-o colocate=1, the default where the process may
 *    leave SCHED_IDLE again).  Even a warm reader pays a wake-up per
 *    request: the reply wakes the caller on its own, halted CPU (an IPI,
 *    10-20 us of the replying thread's time on the development VM).  When
 *    one thread issues request after request, the turn holder moves to
 *    that thread's CPU (read from /proc/<tid>/stat) and runs there at idle
 *    priority: the caller preempts it whenever it wants the CPU, the CPU
 *    counts as idle to the scheduler, so the woken caller stays there,
 *    and request and reply pass between two threads of one CPU with no
 *    IPI at all (untar: 1.58 s -> 0.96 s).  While following, the turn
 *    holder polls for FOLLOW_SPIN_NS (it only gets the CPU when its caller
 *    sleeps) and looks at the caller's CPU again every FOLLOW_RECHECK
 *    requests.  It stops following (normal policy, every CPU again) when
 *    another thread sends a request, after a request that blocked, before
 *    it sleeps in poll(), when it hardly got its CPU while polling, and
 *    when the watchdog finds it starved (watchdog_main).
 *
 * Ending: the kernel's ENODEV on unmount, or fuse_session_exit() from a
 * signal handler (the main thread takes SIGINT, SIGTERM and SIGHUP; the
 * workers block them) ends the loop; a worker still waiting for a request
 * is cancelled there, the others finish their request and leave.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/types.h>
#include <linux/fuse.h>

#define FUSE_USE_VERSION 35
#include <fuse_lowlevel.h>

#include <kshim/runtime.h>
#include "fuse-loop.h"

struct loop_worker {
	pthread_t thread;
	pthread_cond_t wake;
	struct loop_worker *next_parked;
	bool parked;
	bool has_turn;		/* changed by others only while parked */
	bool blocked;		/* the request being served waited */
	pid_t tid;
	bool following;		/* pinned to follow.cpu at idle priority */
};

static struct {
	struct fuse_session *se;
	int fd;
	unsigned long long spin_ns;
	pthread_mutex_t lock;
	struct loop_worker *workers;	/* room for max_workers */
	unsigned int max_workers, nr_workers;
	struct loop_worker *parked;	/* last parked first */
	bool turn_held;			/* some worker holds the reader's turn */
	/*
	 * Requests were waiting when the turn holder came back for the next
	 * one, lately: more than one caller is active, and a worker about to
	 * block hands the turn on.  Counts down over requests that had to
	 * be waited for (a single caller's round trips).
	 */
	unsigned int backlog;
	bool ending;
	int error;
	sem_t ended;			/* posted when a worker sees the end */
	pthread_cond_t watch;		/* following started, or the end */
} rloop = { .lock = PTHREAD_MUTEX_INITIALIZER,
	    .watch = PTHREAD_COND_INITIALIZER };

/* requests from one thread in a row before the turn holder follows it */
#define FOLLOW_STREAK 8
/* requests between two looks at the followed caller's CPU */
#define FOLLOW_RECHECK 16
/* how long a follower polls for the next request */
#define FOLLOW_SPIN_NS 1000000ull
#define WATCHDOG_TICK_NS 5000000ull
#define WATCHDOG_TICKS_STARVED 2
#define WATCHDOG_LINGER_NS 50000000ull
#define FOLLOW_BACKOFF_NS 200000000ull
/* fewer polls over FOLLOW_SPIN_NS: the follower hardly had its CPU */
#define FOLLOW_MIN_POLLS 16

/*
 * Following a caller.  streak, since_check and stat_fd belong to the
 * turn holder; pid, cpu, follower, since_ns, backoff_until and kicks are
 * shared with the watchdog (atomics).
 */
static struct {
	bool allowed;
	int pid;			/* thread id of the last caller */
	unsigned int streak;		/* its requests in a row */
	unsigned int since_check;
	int stat_fd;			/* /proc/<stat_pid>/stat, or -1 */
	int stat_pid;
	int cpu;			/* the CPU followed, or -1 */
	struct loop_worker *follower;	/* the last worker to follow */
	unsigned long long since_ns;	/* when it last started following */
	unsigned long long backoff_until;
	pthread_t watchdog;		/* running if allowed */
	unsigned long moves, kicks;	/* for -d */
} follow = { .stat_fd = -1, .cpu = -1 };

static __thread struct loop_worker *this_worker;

static void *loop_worker_main(void *arg);

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

static unsigned long long monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* under rloop.lock: a parked or a new worker takes the turn, if any can */
static void pass_turn_locked(void)
{
	struct loop_worker *w = rloop.parked;

	if (w) {
		rloop.parked = w->next_parked;
		w->parked = false;
		w->has_turn = true;
		pthread_cond_signal(&w->wake);
		return;
	}
	if (rloop.nr_workers < rloop.max_workers) {
		w = &rloop.workers[rloop.nr_workers];
		pthread_cond_init(&w->wake, NULL);
		w->has_turn = true;
		if (!pthread_create(&w->thread, NULL, loop_worker_main, w)) {
			rloop.nr_workers++;
			return;
		}
		pthread_cond_destroy(&w->wake);
	}
	rloop.turn_held = false;
}

/* the blocking hook of a worker: someone else reads while it waits */
static void loop_worker_blocking(void)
{
	struct loop_worker *w = this_worker;

	w->blocked = true;
	if (!w->has_turn || !__atomic_load_n(&rloop.backlog, __ATOMIC_RELAXED))
		return;
	pthread_mutex_lock(&rloop.lock);
	w->has_turn = false;
	if (!rloop.ending)
		pass_turn_locked();
	pthread_mutex_unlock(&rloop.lock);
}

/* under rloop.lock: the session is over; parked workers leave */
static void end_loop_locked(int error)
{
	struct loop_worker *w;

	if (error < 0 && !rloop.error)
		rloop.error = error;
	if (rloop.ending)
		return;
	rloop.ending = true;
	pthread_cond_signal(&rloop.watch);
	while ((w = rloop.parked)) {
		rloop.parked = w->next_parked;
		w->parked = false;
		pthread_cond_signal(&w->wake);
	}
	sem_post(&rloop.ended);
}

/* --- following a caller --------------------------------------------------- */

/*
 * Field @field (from 1, >= 3) of a /proc stat line in @b: counted from
 * the ')' that ends the command name, which may hold anything.  NULL if
 * the line is shorter.
 */
static const char *stat_field(const char *b, int field)
{
	const char *p = strrchr(b, ')');
	int i;

	for (i = 2; p && i < field; i++)
		p = strchr(p + 1, ' ');
	return p ? p + 1 : NULL;
}

/* the whole (short) file at @path into @b, NUL-terminated; false if not */
static bool read_proc(const char *path, char *b, size_t size)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, b, size - 1);
	close(fd);
	if (n <= 0)
		return false;
	b[n] = '\0';
	return true;
}

/* following stops for FOLLOW_BACKOFF_NS; @starved: the follower was */
static void back_off(bool starved)
{
	__atomic_store_n(&follow.backoff_until,
			 monotonic_ns() + FOLLOW_BACKOFF_NS, __ATOMIC_RELAXED);
	if (starved)
		__atomic_add_fetch(&follow.kicks, 1, __ATOMIC_RELAXED);
}

/* the CPU thread @pid last ran on (/proc/<pid>/stat, field 39), or -1 */
static int caller_cpu(int pid)
{
	char path[64], b[1024];
	const char *p;
	ssize_t n;

	if (follow.stat_pid != pid || follow.stat_fd < 0) {
		if (follow.stat_fd >= 0)
			close(follow.stat_fd);
		snprintf(path, sizeof(path), "/proc/%d/stat", pid);
		follow.stat_fd = open(path, O_RDONLY | O_CLOEXEC);
		follow.stat_pid = pid;
		if (follow.stat_fd < 0)
			return -1;
	}
	n = pread(follow.stat_fd, b, sizeof(b) - 1, 0);
	if (n <= 0)
		return -1;
	b[n] = '\0';
	p = stat_field(b, 39);
	return p ? (int)strtol(p, NULL, 10) : -1;
}

/* the calling worker stops following: normal policy, every CPU */
static void unfollow_self(struct loop_worker *w)
{
	if (!w->following)
		return;
	kshim_thread_sched_defaults(0);
	__atomic_store_n(&w->following, false, __ATOMIC_RELAXED);
}

/* the turn holder stops following anyone (if it was) */
static void stop_following(struct loop_worker *w)
{
	__atomic_store_n(&follow.cpu, -1, __ATOMIC_RELAXED);
	unfollow_self(w);
}

/* the turn holder runs on @cpu at idle priority from now on */
static void follow_cpu(struct loop_worker *w, int cpu)
{
	if (kshim_thread_sched_follow(cpu)) {
		/* not a CPU of ours (cpusets): do not try at every request */
		back_off(false);
		stop_following(w);
		return;
	}
	__atomic_store_n(&w->following, true, __ATOMIC_RELAXED);
	__atomic_store_n(&follow.follower, w, __ATOMIC_RELAXED);
	__atomic_store_n(&follow.since_ns, monotonic_ns(), __ATOMIC_RELAXED);
	follow.moves++;
	if (__atomic_exchange_n(&follow.cpu, cpu, __ATOMIC_RELAXED) < 0) {
		pthread_mutex_lock(&rloop.lock);
		pthread_cond_signal(&rloop.watch);
		pthread_mutex_unlock(&rloop.lock);
	}
}

/*
 * After the turn holder read a request: who sent it?  The kernel's own
 * requests (forget, release, interrupts) carry no thread id.
 */
static void note_caller(struct loop_worker *w, const struct fuse_buf *buf,
			size_t len)
{
	const struct fuse_in_header *in = buf->mem;
	int cpu;

	if (!follow.allowed || (buf->flags & FUSE_BUF_IS_FD) ||
	    len < sizeof(*in) || !in->pid)
		return;
	if ((int)in->pid != follow.pid) {
		__atomic_store_n(&follow.pid, (int)in->pid, __ATOMIC_RELAXED);
		follow.streak = 1;
		stop_following(w);
		return;
	}
	if (follow.streak < FOLLOW_STREAK) {
		follow.streak++;
		return;
	}
	/*
	 * No look at the backlog: while the caller runs, the follower does
	 * not, and the kernel's asynchronous requests (release, forget) wait
	 * for it; only another thread's request means two callers.
	 */
	if (monotonic_ns() < __atomic_load_n(&follow.backoff_until,
					     __ATOMIC_RELAXED)) {
		stop_following(w);
		return;
	}
	if (w->following && ++follow.since_check < FOLLOW_RECHECK)
		return;
	follow.since_check = 0;
	cpu = caller_cpu(in->pid);
	if (cpu < 0) {
		stop_following(w);
		return;
	}
	if (!w->following || cpu != __atomic_load_n(&follow.cpu,
						    __ATOMIC_RELAXED))
		follow_cpu(w, cpu);
}

/*
 * The request just served waited (I/O, a lock): its reply comes from a
 * wake-up by another thread whatever the loop does, so following buys
 * nothing for such requests (cold random reads were 40% slower with
 * it).  Stop, and count the caller's requests in a row afresh.
 */
static void request_blocked(struct loop_worker *w)
{
	follow.streak = 0;
	stop_following(w);
}

/* nanoseconds on a CPU and waiting for one, from a schedstat file */
static bool read_schedstat(const char *path, long long *run, long long *wait)
{
	char b[128];

	return read_proc(path, b, sizeof(b)) &&
	       sscanf(b, "%lld %lld", run, wait) == 2;
}

/* the state letter of /proc/self/task/<tid>/stat ('R': runnable), or 0 */
static char thread_state(int tid)
{
	char path[64], b[512];
	const char *p;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	if (!read_proc(path, b, sizeof(b)))
		return 0;
	p = stat_field(b, 3);
	return p ? *p : 0;
}

/*
 * A follower runs at idle priority: another task wanting its CPU starves
 * it, and its caller with it (the scheduler still gives it the CPU now
 * and then: every 30 ms or so against one CPU hog, measured).  While
 * someone is followed, the watchdog looks every tick: a follower that is
 * runnable, yet it and its caller together ran less than a quarter of
 * the tick (schedstat: time on a CPU), lost its CPU to another task.
 * After WATCHDOG_TICKS_STARVED such ticks in a row it gets the normal
 * policy and every CPU back, and following stops for FOLLOW_BACKOFF_NS.
 */
static void *watchdog_main(void *arg)
{
	struct timespec tick = { .tv_nsec = WATCHDOG_TICK_NS };
	long long w_run = 0, c_run = 0;
	struct loop_worker *last_w = NULL;
	int cpu, away_from = -1, last_pid = 0, starved = 0;
	char path[64], cpath[64];

	pthread_mutex_lock(&rloop.lock);
	while (!rloop.ending) {
		long long wait, w_run_now, c_run_now;
		struct loop_worker *w;
		bool ran_little;
		int pid;

		/*
		 * Watch while following goes on, even if it stops and starts
		 * again between requests (a follower kept off its CPU finds
		 * its poll time over when it gets the CPU back, and sleeps).
		 */
		if (__atomic_load_n(&follow.cpu, __ATOMIC_RELAXED) < 0 &&
		    monotonic_ns() - __atomic_load_n(&follow.since_ns,
						     __ATOMIC_RELAXED) >
		    WATCHDOG_LINGER_NS) {
			last_w = NULL;
			starved = 0;
			pthread_cond_wait(&rloop.watch, &rloop.lock);
			continue;
		}
		pthread_mutex_unlock(&rloop.lock);
		cpu = __atomic_load_n(&follow.cpu, __ATOMIC_RELAXED);
		if (cpu != away_from)
			away_from = kshim_thread_sched_avoid(cpu) ? -1 : cpu;
		nanosleep(&tick, NULL);
		w = __atomic_load_n(&follow.follower, __ATOMIC_RELAXED);
		pid = __atomic_load_n(&follow.pid, __ATOMIC_RELAXED);
		snprintf(path, sizeof(path), "/proc/self/task/%d/schedstat",
			 w ? (int)w->tid : 0);
		snprintf(cpath, sizeof(cpath), "/proc/%d/schedstat", pid);
		if (!w || !read_schedstat(path, &w_run_now, &wait) ||
		    !read_schedstat(cpath, &c_run_now, &wait)) {
			last_w = NULL;
			starved = 0;
			goto next;
		}
		ran_little = (w_run_now - w_run) + (c_run_now - c_run) <
			     (long long)WATCHDOG_TICK_NS / 4;
		if (w == last_w && pid == last_pid && ran_little &&
		    __atomic_load_n(&w->following, __ATOMIC_RELAXED) &&
		    thread_state(w->tid) == 'R')
			starved++;
		else
			starved = 0;
		if (starved >= WATCHDOG_TICKS_STARVED) {
			starved = 0;
			back_off(true);
			__atomic_store_n(&follow.cpu, -1, __ATOMIC_RELAXED);
			kshim_thread_sched_defaults(w->tid);
		}
		last_w = w;
		last_pid = pid;
		w_run = w_run_now;
		c_run = c_run_now;
next:
		pthread_mutex_lock(&rloop.lock);
	}
	pthread_mutex_unlock(&rloop.lock);
	return NULL;
}

/* how many waited-for requests a sign of a backlog lasts */
#define BACKLOG_HOLD 32

/*
 * The next request, into @buf: polled for up to spin_ns, then waited for
 * in poll().  The descriptor is non-blocking; only the turn holder reads.
 */
static int receive_request(struct loop_worker *w, struct fuse_buf *buf,
			   bool spin)
{
	unsigned long long start = 0;
	struct pollfd pfd = { .fd = rloop.fd, .events = POLLIN };
	unsigned int polls = 0;
	bool waited = false;
	int res;

	for (;;) {
		res = fuse_session_receive_buf(rloop.se, buf);
		if (res != -EAGAIN) {
			unsigned int b = rloop.backlog;

			if (!waited)
				b = BACKLOG_HOLD;
			else if (b)
				b--;
			__atomic_store_n(&rloop.backlog, b, __ATOMIC_RELAXED);
			return res;
		}
		waited = true;
		if (spin || w->following) {
			unsigned long long now = monotonic_ns();

			if (!start)
				start = now;
			if (now - start < (w->following ? FOLLOW_SPIN_NS :
							  rloop.spin_ns)) {
				polls++;
				cpu_relax();
				continue;
			}
		}
		if (w->following) {
			/*
			 * The caller went quiet: no CPU is held for it while
			 * asleep.  A follower that hardly polled was kept off
			 * its CPU all that time: by its caller, or by a task
			 * that would keep it off while it serves a request too.
			 */
			if (polls < FOLLOW_MIN_POLLS)
				back_off(true);
			stop_following(w);
		}
		/* a cancellation point: the end of the loop may come here */
		poll(&pfd, 1, -1);
		start = 0;
	}
}

static void free_buffer(void *arg)
{
	free(((struct fuse_buf *)arg)->mem);
}

static void *loop_worker_main(void *arg)
{
	struct loop_worker *w = arg;
	struct fuse_buf buf = { .mem = NULL };
	sigset_t sigs;
	int res;

	/* the signals that end the session go to the main thread */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	this_worker = w;
	w->tid = gettid();
	/* not the creator's follower state: a new worker may start from one */
	kshim_thread_sched_defaults(0);
	kshim_set_block_hook(loop_worker_blocking);
	pthread_cleanup_push(free_buffer, &buf);

	pthread_mutex_lock(&rloop.lock);
	for (;;) {
		while (!w->has_turn && !rloop.ending) {
			if (!rloop.turn_held) {
				rloop.turn_held = true;
				w->has_turn = true;
				break;
			}
			if (w->following) {
				/* the turn went on while it served; it parks */
				pthread_mutex_unlock(&rloop.lock);
				unfollow_self(w);
				pthread_mutex_lock(&rloop.lock);
				continue;
			}
			if (!w->parked) {
				w->parked = true;
				w->next_parked = rloop.parked;
				rloop.parked = w;
			}
			pthread_cond_wait(&w->wake, &rloop.lock);
		}
		if (rloop.ending)
			break;
		pthread_mutex_unlock(&rloop.lock);

		pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
		if (w->following &&
		    __atomic_load_n(&follow.cpu, __ATOMIC_RELAXED) < 0)
			unfollow_self(w);	/* the watchdog ended it */
		/*
		 * A request that waited was woken by another thread (I/O
		 * completion, a lock's holder), which may want this CPU now:
		 * no spinning over it.
		 */
		res = receive_request(w, &buf, rloop.spin_ns && !w->blocked);
		w->blocked = false;
		pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
		if (fuse_session_exited(rloop.se) ||
		    (res <= 0 && res != -EINTR)) {
			pthread_mutex_lock(&rloop.lock);
			end_loop_locked(res);
			break;
		}
		if (res > 0) {
			note_caller(w, &buf, res);
			fuse_session_process_buf(rloop.se, &buf);
			if (w->blocked && follow.allowed)
				request_blocked(w);
		}
		pthread_mutex_lock(&rloop.lock);
	}
	if (w->has_turn) {
		w->has_turn = false;
		rloop.turn_held = false;
	}
	pthread_mutex_unlock(&rloop.lock);
	unfollow_self(w);
	kshim_set_block_hook(NULL);
	pthread_cleanup_pop(1);
	return NULL;
}

int kshim_fuse_loop(struct fuse_session *se,
		    const struct kshim_fuse_loop_opts *opts)
{
	unsigned int max_workers = opts->max_workers;
	unsigned int i;
	int flags;

	rloop.se = se;
	rloop.fd = fuse_session_fd(se);
	rloop.spin_ns = opts->spin_us * 1000ull;
	rloop.max_workers = max_workers ? max_workers : 1;
	flags = fcntl(rloop.fd, F_GETFL);
	if (flags < 0 || fcntl(rloop.fd, F_SETFL, flags | O_NONBLOCK) < 0)
		return -errno;
	rloop.workers = calloc(rloop.max_workers, sizeof(*rloop.workers));
	if (!rloop.workers || sem_init(&rloop.ended, 0, 0)) {
		free(rloop.workers);
		return -ENOMEM;
	}
	/* following has its watchdog, or does not happen */
	follow.allowed = opts->colocate && kshim_thread_sched_can_follow() &&
			 !pthread_create(&follow.watchdog, NULL, watchdog_main,
					 NULL);
	pthread_mutex_lock(&rloop.lock);
	rloop.turn_held = true;
	pass_turn_locked();
	if (!rloop.nr_workers)
		end_loop_locked(-EAGAIN);
	pthread_mutex_unlock(&rloop.lock);

	/* woken by a worker at the end, or by a signal's handler (EINTR) */
	while (!fuse_session_exited(se) && !rloop.ending)
		sem_wait(&rloop.ended);
	pthread_mutex_lock(&rloop.lock);
	end_loop_locked(0);
	pthread_mutex_unlock(&rloop.lock);
	for (i = 0; i < rloop.nr_workers; i++) {
		/* takes effect only in a worker waiting for a request */
		pthread_cancel(rloop.workers[i].thread);
	}
	for (i = 0; i < rloop.nr_workers; i++) {
		pthread_join(rloop.workers[i].thread, NULL);
		pthread_cond_destroy(&rloop.workers[i].wake);
	}
	if (follow.allowed)
		pthread_join(follow.watchdog, NULL);
	if (follow.stat_fd >= 0)
		close(follow.stat_fd);
	if (opts->debug)
		fprintf(stderr,
			"kshim: request loop: %u workers, %lu caller CPUs followed, %lu followers starved\n",
			rloop.nr_workers, follow.moves, follow.kicks);
	sem_destroy(&rloop.ended);
	free(rloop.workers);
	return rloop.error;
}
