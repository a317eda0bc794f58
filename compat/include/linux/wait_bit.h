/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Waiting for a bit to clear (or a variable to change) on hashed, shared
 * wait queues.  Kernel guarantees kept:
 *  - wait_on_bit*() return 0 once the bit is seen clear, with acquire
 *    ordering (what the waker wrote before clearing it is visible);
 *  - wait_on_bit_lock*() return 0 once this caller set the bit itself;
 *    waiters queue exclusively, so one wake_up_bit() hands the bit on to
 *    one of them;
 *  - wake_up_bit()/wake_up_var() wake the waiters of that word/bit (or
 *    variable) only; the caller orders its store before the call
 *    (clear_and_wake_up_bit() and the helpers below include the barrier);
 *  - wait_var_event*() re-check the condition after every wake_up_var();
 *  - the _timeout forms return -EAGAIN when the time ran out.
 * No signals: -EINTR is never returned.
 */
#ifndef _LINUX_WAIT_BIT_H
#define _LINUX_WAIT_BIT_H

#include <linux/wait.h>

struct wait_bit_key {
	void *flags;
	int bit_nr;
	unsigned long timeout;
};

struct wait_bit_queue_entry {
	struct wait_bit_key key;
	struct wait_queue_entry wq_entry;
};

#define __WAIT_BIT_KEY_INITIALIZER(word, bit) { .flags = word, .bit_nr = bit, }

typedef int wait_bit_action_f(struct wait_bit_key *key, int mode);

void __wake_up_bit(struct wait_queue_head *wq_head, void *word, int bit);
int __wait_on_bit(struct wait_queue_head *wq_head,
		  struct wait_bit_queue_entry *wbq_entry,
		  wait_bit_action_f *action, unsigned int mode);
int __wait_on_bit_lock(struct wait_queue_head *wq_head,
		       struct wait_bit_queue_entry *wbq_entry,
		       wait_bit_action_f *action, unsigned int mode);
void wake_up_bit(void *word, int bit);
int out_of_line_wait_on_bit(void *word, int bit, wait_bit_action_f *action,
			    unsigned int mode);
int out_of_line_wait_on_bit_timeout(void *word, int bit,
				    wait_bit_action_f *action,
				    unsigned int mode, unsigned long timeout);
int out_of_line_wait_on_bit_lock(void *word, int bit,
				 wait_bit_action_f *action, unsigned int mode);
struct wait_queue_head *bit_waitqueue(void *word, int bit);
void wait_bit_init(void);

int wake_bit_function(struct wait_queue_entry *wq_entry, unsigned mode,
		      int sync, void *key);

#define DEFINE_WAIT_BIT(name, word, bit)                                   \
	struct wait_bit_queue_entry name = {                               \
		.key = __WAIT_BIT_KEY_INITIALIZER(word, bit),              \
		.wq_entry = {                                              \
			.private = current,                                \
			.func = wake_bit_function,                         \
			.entry = LIST_HEAD_INIT((name).wq_entry.entry),    \
		},                                                         \
	}

int bit_wait(struct wait_bit_key *key, int mode);
int bit_wait_io(struct wait_bit_key *key, int mode);
int bit_wait_timeout(struct wait_bit_key *key, int mode);
int bit_wait_io_timeout(struct wait_bit_key *key, int mode);

/*
 * Atomic bit access on the word array, done here with the compiler's
 * builtins so this header does not depend on linux/bitops.h.
 */
#define __KSHIM_WB_BITS (8 * sizeof(unsigned long))

static __always_inline unsigned long *__kshim_wb_word(const void *addr, int bit)
{
	return (unsigned long *)addr + bit / __KSHIM_WB_BITS;
}

static __always_inline bool __kshim_wb_test_acquire(int bit, const void *addr)
{
	return (__atomic_load_n(__kshim_wb_word(addr, bit), __ATOMIC_ACQUIRE) >>
		(bit % __KSHIM_WB_BITS)) & 1;
}

static __always_inline bool __kshim_wb_test_and_set(int bit, void *addr)
{
	unsigned long mask = 1UL << (bit % __KSHIM_WB_BITS);

	return __atomic_fetch_or(__kshim_wb_word(addr, bit), mask,
				 __ATOMIC_SEQ_CST) & mask;
}

static __always_inline bool __kshim_wb_test_and_clear(int bit, void *addr)
{
	unsigned long mask = 1UL << (bit % __KSHIM_WB_BITS);

	return __atomic_fetch_and(__kshim_wb_word(addr, bit), ~mask,
				  __ATOMIC_SEQ_CST) & mask;
}

static __always_inline void __kshim_wb_clear_release(int bit, void *addr)
{
	unsigned long mask = 1UL << (bit % __KSHIM_WB_BITS);

	__atomic_fetch_and(__kshim_wb_word(addr, bit), ~mask, __ATOMIC_RELEASE);
}

/* sleep until @bit of @word is clear; 0, or the action's error */
static inline int wait_on_bit(unsigned long *word, int bit, unsigned mode)
{
	might_sleep();
	if (!__kshim_wb_test_acquire(bit, word))
		return 0;
	return out_of_line_wait_on_bit(word, bit, bit_wait, mode);
}

static inline int wait_on_bit_io(unsigned long *word, int bit, unsigned mode)
{
	might_sleep();
	if (!__kshim_wb_test_acquire(bit, word))
		return 0;
	return out_of_line_wait_on_bit(word, bit, bit_wait_io, mode);
}

/* @timeout in jiffies; -EAGAIN if the bit was still set when it ran out */
static inline int wait_on_bit_timeout(unsigned long *word, int bit,
				      unsigned mode, unsigned long timeout)
{
	might_sleep();
	if (!__kshim_wb_test_acquire(bit, word))
		return 0;
	return out_of_line_wait_on_bit_timeout(word, bit, bit_wait_timeout,
					       mode, timeout);
}

static inline int wait_on_bit_action(unsigned long *word, int bit,
				     wait_bit_action_f *action, unsigned mode)
{
	might_sleep();
	if (!__kshim_wb_test_acquire(bit, word))
		return 0;
	return out_of_line_wait_on_bit(word, bit, action, mode);
}

/* sleep until this caller is the one that set @bit */
static inline int wait_on_bit_lock(unsigned long *word, int bit, unsigned mode)
{
	might_sleep();
	if (!__kshim_wb_test_and_set(bit, word))
		return 0;
	return out_of_line_wait_on_bit_lock(word, bit, bit_wait, mode);
}

static inline int wait_on_bit_lock_io(unsigned long *word, int bit,
				      unsigned mode)
{
	might_sleep();
	if (!__kshim_wb_test_and_set(bit, word))
		return 0;
	return out_of_line_wait_on_bit_lock(word, bit, bit_wait_io, mode);
}

static inline int wait_on_bit_lock_action(unsigned long *word, int bit,
					  wait_bit_action_f *action,
					  unsigned mode)
{
	might_sleep();
	if (!__kshim_wb_test_and_set(bit, word))
		return 0;
	return out_of_line_wait_on_bit_lock(word, bit, action, mode);
}

void init_wait_var_entry(struct wait_bit_queue_entry *wbq_entry, void *var,
			 int flags);
void wake_up_var(void *var);
wait_queue_head_t *__var_waitqueue(void *p);

/* the wait_var_event loop; __ret and @cmd as in ___wait_event() */
#define ___wait_var_event(var, condition, state, exclusive, ret, cmd)      \
	({                                                                 \
		struct wait_queue_head *__kv_head = __var_waitqueue(var);  \
		struct wait_bit_queue_entry __kv_wait;                     \
		long __ret = (ret);                                        \
		init_wait_var_entry(&__kv_wait, var,                       \
				    (exclusive) ? WQ_FLAG_EXCLUSIVE : 0);  \
		for (;;) {                                                 \
			(void)prepare_to_wait_event(__kv_head,             \
						    &__kv_wait.wq_entry,   \
						    (state));              \
			if (condition)                                     \
				break;                                     \
			cmd;                                               \
		}                                                          \
		finish_wait(__kv_head, &__kv_wait.wq_entry);               \
		__ret;                                                     \
	})

#define __kshim_wait_var(var, condition, state)                            \
	({                                                                 \
		long __kv_res = 0;                                         \
		might_sleep();                                             \
		if (!(condition))                                          \
			__kv_res = ___wait_var_event(var, condition, state, \
						     0, 0, schedule());    \
		(int)__kv_res;                                             \
	})

#define __wait_var_event(var, condition)                                   \
	___wait_var_event(var, condition, TASK_UNINTERRUPTIBLE, 0, 0,      \
			  schedule())
#define wait_var_event(var, condition)                                     \
	do {                                                               \
		(void)__kshim_wait_var(var, condition,                     \
				       TASK_UNINTERRUPTIBLE);              \
	} while (0)
#define wait_var_event_killable(var, condition)                            \
	__kshim_wait_var(var, condition, TASK_KILLABLE)
#define wait_var_event_interruptible(var, condition)                       \
	__kshim_wait_var(var, condition, TASK_INTERRUPTIBLE)
#define wait_var_event_timeout(var, condition, timeout)                    \
	({                                                                 \
		long __kv_tmo = (timeout);                                 \
		long __ret = __kv_tmo;                                     \
		might_sleep();                                             \
		if (!___wait_cond_timeout(condition))                      \
			__ret = ___wait_var_event(var,                     \
					___wait_cond_timeout(condition),   \
					TASK_UNINTERRUPTIBLE, 0, __kv_tmo, \
					__kshim_sleep_tmo());              \
		__ret;                                                     \
	})

/* clear @bit (release) and wake its waiters */
static inline void clear_and_wake_up_bit(int bit, void *word)
{
	__kshim_wb_clear_release(bit, word);
	smp_mb__after_atomic();
	wake_up_bit(word, bit);
}

/* as above, only if the bit was set; true if it was */
static inline bool test_and_clear_wake_up_bit(int bit, unsigned long *word)
{
	if (!__kshim_wb_test_and_clear(bit, word))
		return false;
	wake_up_bit(word, bit);
	return true;
}

static inline bool atomic_dec_and_wake_up(atomic_t *var)
{
	if (!atomic_dec_and_test(var))
		return false;
	wake_up_var(var);
	return true;
}

#define store_release_wake_up(var, val)                                    \
	do {                                                               \
		smp_store_release(var, val);                               \
		smp_mb();                                                  \
		wake_up_var(var);                                          \
	} while (0)

#endif /* _LINUX_WAIT_BIT_H */
