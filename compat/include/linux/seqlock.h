/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sequence counters and sequential locks.
 *
 * Kernel guarantee kept: a reader that sees the same even sequence number
 * before and after reading the protected data read a consistent snapshot;
 * if a writer overlapped, the retry check fails and the reader loops.
 * Writers make the count odd, then store data, then make it even again.
 *
 * The ordering is C11 (so that ThreadSanitizer follows it): the reader
 * loads the count with acquire and puts an acquire fence before the
 * re-check; the writer puts a release fence after making the count odd
 * and stores the final even count with release.  seqcount_t writers are
 * serialised by the caller, seqlock_t writers by its spinlock.  A reader
 * beginning while a writer is inside spins briefly, then yields the CPU:
 * in userspace the writer may have been preempted.
 *
 * The seqcount_LOCKNAME_t variants are accepted everywhere a seqcount_t
 * is, as in the kernel (_Generic).  Left out: lockdep checks, the
 * preemption checks of the associated locks, scoped_seqlock_read().
 */
#ifndef __LINUX_SEQLOCK_H
#define __LINUX_SEQLOCK_H

#include <linux/compiler.h>
#include <linux/seqlock_types.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>
#include <kshim/host.h>

static inline void __seqcount_init(seqcount_t *s, const char *name,
				   struct lock_class_key *key)
{
	__atomic_store_n(&s->sequence, 0, __ATOMIC_RELAXED);
}

#define seqcount_init(s) __seqcount_init((s), #s, NULL)
#define seqcount_lockdep_reader_access(s) do { } while (0)

#define seqcount_LOCKNAME_init(s, _lock, lockname)                         \
	do {                                                               \
		seqcount_##lockname##_t *____s = (s);                      \
		seqcount_init(&____s->seqcount);                           \
		____s->lock = (_lock);                                     \
	} while (0)

#define seqcount_raw_spinlock_init(s, lock) seqcount_LOCKNAME_init(s, lock, raw_spinlock)
#define seqcount_spinlock_init(s, lock) seqcount_LOCKNAME_init(s, lock, spinlock)
#define seqcount_rwlock_init(s, lock) seqcount_LOCKNAME_init(s, lock, rwlock)
#define seqcount_mutex_init(s, lock) seqcount_LOCKNAME_init(s, lock, mutex)

/* the underlying seqcount_t of any sequence counter type */
#define __seqcount_ptr(s)                                                  \
	_Generic(*(s),                                                     \
		seqcount_t: (seqcount_t *)(s),                             \
		seqcount_raw_spinlock_t: &((seqcount_raw_spinlock_t *)(s))->seqcount, \
		seqcount_spinlock_t: &((seqcount_spinlock_t *)(s))->seqcount, \
		seqcount_rwlock_t: &((seqcount_rwlock_t *)(s))->seqcount,  \
		seqcount_mutex_t: &((seqcount_mutex_t *)(s))->seqcount)

static inline unsigned __kshim_seq_load(const seqcount_t *s)
{
	return __atomic_load_n(&s->sequence, __ATOMIC_ACQUIRE);
}

/* wait for an even count (no writer inside) and return it */
static inline unsigned __kshim_seq_begin(const seqcount_t *s)
{
	unsigned int spins = 0;
	unsigned seq;

	while ((seq = __kshim_seq_load(s)) & 1) {
		if (++spins < 128)
			cpu_relax();
		else
			kshim_host_yield();
	}
	return seq;
}

static inline int __kshim_seq_retry(const seqcount_t *s, unsigned start)
{
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	return unlikely(__atomic_load_n(&s->sequence, __ATOMIC_RELAXED) != start);
}

static inline void __kshim_seq_write_begin(seqcount_t *s)
{
	unsigned seq = __atomic_load_n(&s->sequence, __ATOMIC_RELAXED);

	__atomic_store_n(&s->sequence, seq + 1, __ATOMIC_RELAXED);
	/* the odd count is visible before any data store */
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static inline void __kshim_seq_write_end(seqcount_t *s)
{
	unsigned seq = __atomic_load_n(&s->sequence, __ATOMIC_RELAXED);

	/* every data store is visible before the even count */
	__atomic_store_n(&s->sequence, seq + 1, __ATOMIC_RELEASE);
}

#define __read_seqcount_begin(s) __kshim_seq_begin(__seqcount_ptr(s))
#define raw_read_seqcount_begin(s) __read_seqcount_begin(s)
#define read_seqcount_begin(s) __read_seqcount_begin(s)
#define raw_read_seqcount(s) __kshim_seq_load(__seqcount_ptr(s))
#define raw_seqcount_begin(s) (raw_read_seqcount(s) & ~1U)
#define raw_seqcount_try_begin(s, start)                                   \
	({                                                                 \
		(start) = raw_read_seqcount(s);                            \
		!((start) & 1);                                            \
	})
#define __read_seqcount_retry(s, start)                                    \
	(__atomic_load_n(&__seqcount_ptr(s)->sequence, __ATOMIC_RELAXED) != (start))
#define read_seqcount_retry(s, start) __kshim_seq_retry(__seqcount_ptr(s), start)

#define raw_write_seqcount_begin(s) __kshim_seq_write_begin(__seqcount_ptr(s))
#define raw_write_seqcount_end(s) __kshim_seq_write_end(__seqcount_ptr(s))
#define write_seqcount_begin(s) raw_write_seqcount_begin(s)
#define write_seqcount_end(s) raw_write_seqcount_end(s)
#define write_seqcount_begin_nested(s, subclass) write_seqcount_begin(s)

/* readers that began before this see a change and retry */
#define raw_write_seqcount_barrier(s)                                      \
	do {                                                               \
		seqcount_t *__s = __seqcount_ptr(s);                       \
		__kshim_seq_write_begin(__s);                              \
		__kshim_seq_write_end(__s);                                \
	} while (0)

/* make every reader that is in flight retry */
#define write_seqcount_invalidate(s)                                       \
	do {                                                               \
		seqcount_t *__s = __seqcount_ptr(s);                       \
		__atomic_thread_fence(__ATOMIC_RELEASE);                   \
		__atomic_store_n(&__s->sequence,                           \
				 __atomic_load_n(&__s->sequence,           \
						 __ATOMIC_RELAXED) + 2,    \
				 __ATOMIC_RELEASE);                        \
	} while (0)

/* latch: the count's low bit selects which of two copies readers use */
#define seqcount_latch_init(s) seqcount_init(&(s)->seqcount)

static inline unsigned raw_read_seqcount_latch(const seqcount_latch_t *s)
{
	return __kshim_seq_load(&s->seqcount);
}

static inline unsigned read_seqcount_latch(const seqcount_latch_t *s)
{
	return __kshim_seq_load(&s->seqcount);
}

static inline int raw_read_seqcount_latch_retry(const seqcount_latch_t *s,
						unsigned start)
{
	return __kshim_seq_retry(&s->seqcount, start);
}

static inline int read_seqcount_latch_retry(const seqcount_latch_t *s,
					    unsigned start)
{
	return __kshim_seq_retry(&s->seqcount, start);
}

static inline void raw_write_seqcount_latch(seqcount_latch_t *s)
{
	unsigned seq = __atomic_load_n(&s->seqcount.sequence, __ATOMIC_RELAXED);

	__atomic_thread_fence(__ATOMIC_RELEASE);
	__atomic_store_n(&s->seqcount.sequence, seq + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

#define write_seqcount_latch_begin(s) raw_write_seqcount_latch(s)
#define write_seqcount_latch(s) raw_write_seqcount_latch(s)
#define write_seqcount_latch_end(s) do { } while (0)

/* seqlock_t: a seqcount whose writers are serialised by its own spinlock */
#define __SEQLOCK_UNLOCKED(lockname)                                       \
	{                                                                  \
		.seqcount = SEQCNT_SPINLOCK_ZERO(lockname, &(lockname).lock), \
		.lock = __SPIN_LOCK_UNLOCKED(lockname),                    \
	}
#define DEFINE_SEQLOCK(sl) seqlock_t sl = __SEQLOCK_UNLOCKED(sl)

#define seqlock_init(sl)                                                   \
	do {                                                               \
		spin_lock_init(&(sl)->lock);                               \
		seqcount_spinlock_init(&(sl)->seqcount, &(sl)->lock);      \
	} while (0)

static inline unsigned read_seqbegin(const seqlock_t *sl)
{
	return __kshim_seq_begin(&sl->seqcount.seqcount);
}

static inline unsigned read_seqretry(const seqlock_t *sl, unsigned start)
{
	return __kshim_seq_retry(&sl->seqcount.seqcount, start);
}

static inline void write_seqlock(seqlock_t *sl)
{
	spin_lock(&sl->lock);
	__kshim_seq_write_begin(&sl->seqcount.seqcount);
}

static inline void write_sequnlock(seqlock_t *sl)
{
	__kshim_seq_write_end(&sl->seqcount.seqcount);
	spin_unlock(&sl->lock);
}

#define write_seqlock_bh(sl) write_seqlock(sl)
#define write_sequnlock_bh(sl) write_sequnlock(sl)
#define write_seqlock_irq(sl) write_seqlock(sl)
#define write_sequnlock_irq(sl) write_sequnlock(sl)
#define write_seqlock_irqsave(sl, flags)                                   \
	do {                                                               \
		(flags) = 0;                                               \
		write_seqlock(sl);                                         \
	} while (0)
#define write_sequnlock_irqrestore(sl, flags)                              \
	do {                                                               \
		(void)(flags);                                             \
		write_sequnlock(sl);                                       \
	} while (0)

/* a locking reader: excludes writers and other locking readers */
static inline void read_seqlock_excl(seqlock_t *sl)
{
	spin_lock(&sl->lock);
}

static inline void read_sequnlock_excl(seqlock_t *sl)
{
	spin_unlock(&sl->lock);
}

#define read_seqlock_excl_bh(sl) read_seqlock_excl(sl)
#define read_sequnlock_excl_bh(sl) read_sequnlock_excl(sl)
#define read_seqlock_excl_irq(sl) read_seqlock_excl(sl)
#define read_sequnlock_excl_irq(sl) read_sequnlock_excl(sl)
#define read_seqlock_excl_irqsave(sl, flags)                               \
	do {                                                               \
		(flags) = 0;                                               \
		read_seqlock_excl(sl);                                     \
	} while (0)
#define read_sequnlock_excl_irqrestore(sl, flags)                          \
	do {                                                               \
		(void)(flags);                                             \
		read_sequnlock_excl(sl);                                   \
	} while (0)

/*
 * Lockless first pass, locking second pass: with an even *seq the reader
 * runs locklessly; the caller makes *seq odd (seq = 1) before a second
 * pass, which then takes the lock and cannot fail.
 */
static inline void read_seqbegin_or_lock(seqlock_t *lock, int *seq)
{
	if (!(*seq & 1))
		*seq = read_seqbegin(lock);
	else
		read_seqlock_excl(lock);
}

static inline int need_seqretry(seqlock_t *lock, int seq)
{
	return !(seq & 1) && read_seqretry(lock, seq);
}

static inline void done_seqretry(seqlock_t *lock, int seq)
{
	if (seq & 1)
		read_sequnlock_excl(lock);
}

static inline unsigned long read_seqbegin_or_lock_irqsave(seqlock_t *lock,
							  int *seq)
{
	read_seqbegin_or_lock(lock, seq);
	return 0;
}

static inline void done_seqretry_irqrestore(seqlock_t *lock, int seq,
					    unsigned long flags)
{
	done_seqretry(lock, seq);
}

#endif /* __LINUX_SEQLOCK_H */
