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
#include <stdlib.h>
#include <time.h>

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
} rloop = { .lock = PTHREAD_MUTEX_INITIALIZER };

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
	while ((w = rloop.parked)) {
		rloop.parked = w->next_parked;
		w->parked = false;
		pthread_cond_signal(&w->wake);
	}
	sem_post(&rloop.ended);
}

/* how many waited-for requests a sign of a backlog lasts */
#define BACKLOG_HOLD 32

/*
 * The next request, into @buf: polled for up to spin_ns, then waited for
 * in poll().  The descriptor is non-blocking; only the turn holder reads.
 */
static int receive_request(struct fuse_buf *buf, bool spin)
{
	unsigned long long start = 0;
	struct pollfd pfd = { .fd = rloop.fd, .events = POLLIN };
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
		if (spin) {
			unsigned long long now = monotonic_ns();

			if (!start)
				start = now;
			if (now - start < rloop.spin_ns) {
				cpu_relax();
				continue;
			}
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
		/*
		 * A request that waited was woken by another thread (I/O
		 * completion, a lock's holder), which may want this CPU now:
		 * no spinning over it.
		 */
		res = receive_request(&buf, rloop.spin_ns && !w->blocked);
		w->blocked = false;
		pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
		if (fuse_session_exited(rloop.se) ||
		    (res <= 0 && res != -EINTR)) {
			pthread_mutex_lock(&rloop.lock);
			end_loop_locked(res);
			break;
		}
		if (res > 0)
			fuse_session_process_buf(rloop.se, &buf);
		pthread_mutex_lock(&rloop.lock);
	}
	if (w->has_turn) {
		w->has_turn = false;
		rloop.turn_held = false;
	}
	pthread_mutex_unlock(&rloop.lock);
	kshim_set_block_hook(NULL);
	pthread_cleanup_pop(1);
	return NULL;
}

int kshim_fuse_loop(struct fuse_session *se, unsigned int max_workers,
		    unsigned int spin_us)
{
	unsigned int i;
	int flags;

	rloop.se = se;
	rloop.fd = fuse_session_fd(se);
	rloop.spin_ns = spin_us * 1000ull;
	rloop.max_workers = max_workers ? max_workers : 1;
	flags = fcntl(rloop.fd, F_GETFL);
	if (flags < 0 || fcntl(rloop.fd, F_SETFL, flags | O_NONBLOCK) < 0)
		return -errno;
	rloop.workers = calloc(rloop.max_workers, sizeof(*rloop.workers));
	if (!rloop.workers || sem_init(&rloop.ended, 0, 0)) {
		free(rloop.workers);
		return -ENOMEM;
	}
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
	sem_destroy(&rloop.ended);
	free(rloop.workers);
	return rloop.error;
}
