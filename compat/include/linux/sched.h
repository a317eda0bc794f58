/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tasks and sleeping.  One struct task_struct per host thread (see
 * asm/current.h and compat/fork.c), with the fields filesystem and block
 * code touch, and a private sleep primitive (host mutex + condition).
 *
 * Kernel guarantee kept: the lost-wakeup-free sleep protocol.  A task
 * publishes its sleep state with set_current_state() (a full barrier after
 * the store), checks its condition, then calls schedule().  A waker that
 * changed the condition and then ran wake_up_process() either finds the
 * task still running (and the task will see the condition) or moves it to
 * TASK_RUNNING under the task's sleep lock, so that schedule() returns at
 * once or is woken.  schedule() sleeps until the state is TASK_RUNNING.
 * Spurious wake-ups are possible, as in the kernel: waiters loop.
 *
 * kshim tasks receive no signals; interruptible and killable sleeps are
 * never cut short.  There is no preemption control and no CPU placement.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/pid.h>
#include <asm/current.h>
#include <kshim/host.h>

/* task states (the values of the kernel, so masks combine the same way) */
#define TASK_RUNNING			0x00000000
#define TASK_INTERRUPTIBLE		0x00000001
#define TASK_UNINTERRUPTIBLE		0x00000002
#define __TASK_STOPPED			0x00000004
#define __TASK_TRACED			0x00000008
#define EXIT_DEAD			0x00000010
#define EXIT_ZOMBIE			0x00000020
#define EXIT_TRACE			(EXIT_ZOMBIE | EXIT_DEAD)
#define TASK_PARKED			0x00000040
#define TASK_DEAD			0x00000080
#define TASK_WAKEKILL			0x00000100
#define TASK_WAKING			0x00000200
#define TASK_NOLOAD			0x00000400
#define TASK_NEW			0x00000800
#define TASK_RTLOCK_WAIT		0x00001000
#define TASK_FREEZABLE			0x00002000
#define __TASK_FREEZABLE_UNSAFE		0
#define TASK_FROZEN			0x00008000
#define TASK_STATE_MAX			0x00010000
#define TASK_ANY			(TASK_STATE_MAX - 1)
#define TASK_FREEZABLE_UNSAFE		(TASK_FREEZABLE | __TASK_FREEZABLE_UNSAFE)
#define TASK_KILLABLE			(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_STOPPED			(TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_TRACED			__TASK_TRACED
#define TASK_IDLE			(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL			(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* per-task flags (current->flags), the kernel's bit values */
#define PF_VCPU			0x00000001
#define PF_IDLE			0x00000002
#define PF_EXITING		0x00000004
#define PF_POSTCOREDUMP		0x00000008
#define PF_IO_WORKER		0x00000010
#define PF_WQ_WORKER		0x00000020
#define PF_FORKNOEXEC		0x00000040
#define PF_MCE_PROCESS		0x00000080
#define PF_SUPERPRIV		0x00000100
#define PF_DUMPCORE		0x00000200
#define PF_SIGNALED		0x00000400
#define PF_MEMALLOC		0x00000800
#define PF_NPROC_EXCEEDED	0x00001000
#define PF_USED_MATH		0x00002000
#define PF_USER_WORKER		0x00004000
#define PF_NOFREEZE		0x00008000
#define PF_KCOMPACTD		0x00010000
#define PF_KSWAPD		0x00020000
#define PF_MEMALLOC_NOFS	0x00040000
#define PF_MEMALLOC_NOIO	0x00080000
#define PF_LOCAL_THROTTLE	0x00100000
#define PF_KTHREAD		0x00200000
#define PF_RANDOMIZE		0x00400000
#define PF_NO_NOTIFY_SIGNAL	0x00800000
#define PF_NO_SETAFFINITY	0x04000000
#define PF_MCE_EARLY		0x08000000
#define PF_MEMALLOC_PIN		0x10000000
#define PF_BLOCK_TS		0x20000000
#define PF_SUSPEND_TASK		0x80000000

enum {
	TASK_COMM_LEN = 16,
};

#define MAX_SCHEDULE_TIMEOUT	LONG_MAX
#define MAX_NICE		19
#define MIN_NICE		-20
#define NICE_WIDTH		(MAX_NICE - MIN_NICE + 1)
#define MAX_RT_PRIO		100
#define DEFAULT_PRIO		(MAX_RT_PRIO + NICE_WIDTH / 2)

/* owned by other areas; pointers only here */
struct cred;
struct fs_struct;
struct files_struct;
struct mm_struct;
struct nsproxy;
struct signal_struct;
struct sighand_struct;
struct blk_plug;
struct bio_list;
struct backing_dev_info;
struct reclaim_state;
struct io_context;
struct audit_context;
struct kthread;

struct task_struct {
	/* TASK_* state: written by the task, and by wakers under sleep lock */
	union {
		unsigned int __state;
		unsigned int state;
	};
	unsigned int flags;		/* PF_*, changed by the task itself */
	atomic_t usage;			/* get/put_task_struct */
	int prio;
	int static_prio;
	int normal_prio;
	unsigned int policy;
	pid_t pid;			/* the host thread id */
	pid_t tgid;			/* the host process id */
	struct pid *thread_pid;
	struct task_struct *group_leader;
	char comm[TASK_COMM_LEN];

	void *journal_info;		/* filesystem transaction handle */
	struct blk_plug *plug;
	struct bio_list *bio_list;
	struct backing_dev_info *backing_dev_info;
	struct reclaim_state *reclaim_state;
	struct io_context *io_context;
	const struct cred *real_cred;
	const struct cred *cred;
	struct fs_struct *fs;
	struct files_struct *files;
	struct mm_struct *mm;		/* always NULL: no user address space */
	struct mm_struct *active_mm;
	struct nsproxy *nsproxy;
	struct signal_struct *signal;
	struct sighand_struct *sighand;
	struct audit_context *audit_context;
	void *worker_private;		/* workqueue worker data */
	int nr_dirtied;
	int nr_dirtied_pause;
	unsigned long dirty_paused_when;
	unsigned int in_iowait;
	u64 timer_slack_ns;

	/* kshim private */
	struct kshim_host_mutex kshim_sleep_lock;
	struct kshim_host_cond kshim_sleep_cond;
	struct kthread *kshim_kthread;	/* set on kthreads (compat/kthread.c) */
	struct pid kshim_pid;
};

/*
 * Task state accessors.  __set_current_state() is a plain (relaxed) store;
 * set_current_state() adds a full barrier after the store, so the
 * condition check that follows cannot be ordered before it.
 */
static __always_inline unsigned int __kshim_task_state(const struct task_struct *t)
{
	return __atomic_load_n(&t->__state, __ATOMIC_RELAXED);
}

static __always_inline void __kshim_set_state(struct task_struct *t, unsigned int s)
{
	__atomic_store_n(&t->__state, s, __ATOMIC_RELAXED);
}

/*
 * An exchange, like the kernel's smp_store_mb(): a full barrier on the
 * hardware, and for the C model an RMW that try_to_wake_up()'s RMW on the
 * same word is ordered against.
 */
static __always_inline void __kshim_set_state_mb(struct task_struct *t, unsigned int s)
{
	(void)__atomic_exchange_n(&t->__state, s, __ATOMIC_SEQ_CST);
}

void kshim_set_special_state(unsigned int state);

#define __set_current_state(state_value) __kshim_set_state(current, (state_value))
#define set_current_state(state_value) __kshim_set_state_mb(current, (state_value))
/* a state no concurrent wake-up may overwrite (TASK_PARKED, TASK_DEAD) */
#define set_special_state(state_value) kshim_set_special_state(state_value)
#define get_current_state() __kshim_task_state(current)
#define task_is_running(task) (__kshim_task_state(task) == TASK_RUNNING)
#define task_is_traced(task) false
#define task_is_stopped(task) false
#define task_is_stopped_or_traced(task) false

/* sleeping */
void schedule(void);
void schedule_preempt_disabled(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
void io_schedule(void);
long io_schedule_timeout(long timeout);
int io_schedule_prepare(void);
void io_schedule_finish(int token);

/* waking: 1 if the task's state matched @state and it is now running */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
int wake_up_process(struct task_struct *tsk);
int wake_up_state(struct task_struct *tsk, unsigned int state);

/* yield points: threads are preemptible, so nothing is ever owed */
static inline int _cond_resched(void)
{
	return 0;
}

#define cond_resched() _cond_resched()
#define cond_resched_tasks_rcu_qs() do { } while (0)
#define cond_resched_lock(lock) ({ (void)(lock); 0; })
#define cond_resched_rwlock_read(lock) ({ (void)(lock); 0; })
#define cond_resched_rwlock_write(lock) ({ (void)(lock); 0; })

static inline int need_resched(void)
{
	return 0;
}

static inline void yield(void)
{
	kshim_host_yield();
}

#ifndef might_sleep
#define might_sleep() do { } while (0)
#define might_sleep_if(cond) do { (void)(cond); } while (0)
#define cant_sleep() do { } while (0)
#define cant_migrate() do { } while (0)
#define sched_annotate_sleep() do { } while (0)
#define non_block_start() do { } while (0)
#define non_block_end() do { } while (0)
#endif

/* priorities and placement: accepted and ignored */
static inline void set_user_nice(struct task_struct *p, long nice)
{
}

static inline int task_nice(const struct task_struct *p)
{
	return 0;
}

static inline void sched_set_fifo(struct task_struct *p)
{
}

static inline void sched_set_fifo_low(struct task_struct *p)
{
}

static inline void sched_set_normal(struct task_struct *p, int nice)
{
}

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return 0;
}

/* ids: a task's pid is its host thread id, its tgid the host process id */
static inline pid_t task_pid_nr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_pid_vnr(struct task_struct *tsk)
{
	return tsk->pid;
}

static inline pid_t task_tgid_nr(struct task_struct *tsk)
{
	return tsk->tgid;
}

static inline pid_t task_tgid_vnr(struct task_struct *tsk)
{
	return tsk->tgid;
}

static inline struct pid *task_pid(struct task_struct *task)
{
	return task->thread_pid;
}

static inline int is_idle_task(const struct task_struct *p)
{
	return 0;
}

static inline bool is_percpu_thread(void)
{
	return false;
}

#define in_task() 1

/* comm: copied under no lock, as the kernel's readers tolerate */
char *__get_task_comm(char *to, size_t len, struct task_struct *tsk);
void __set_task_comm(struct task_struct *tsk, const char *from, bool exec);
#define get_task_comm(buf, tsk) __get_task_comm(buf, sizeof(buf), tsk)
#define set_task_comm(tsk, from) __set_task_comm(tsk, from, false)

/*
 * The entry hook of compat/fork.c, for a task prepared by another thread
 * (kthreads): the calling host thread becomes @tsk, and the reference the
 * caller handed over is dropped when the thread exits.
 */
void kshim_thread_enter_task(struct task_struct *tsk);
/* a new task (usage 1, TASK_RUNNING) not yet bound to a thread */
struct task_struct *kshim_task_alloc(const char *name);

#include <linux/sched/task.h>

#endif /* _LINUX_SCHED_H */
