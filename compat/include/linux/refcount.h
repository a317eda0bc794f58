/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reference counts that cannot wrap.
 *
 * Kernel guarantees kept: increments are relaxed, the decrement that
 * reaches zero has release ordering followed by acquire (so the freeing
 * thread sees every earlier user's stores); an overflow, an increment of
 * a zero count (use after free), an underflow, or refcount_dec() reaching
 * zero (a leak) do not wrap: the count is pinned at REFCOUNT_SATURATED
 * (INT_MIN / 2) with a WARN, and never moves again, so the object leaks
 * instead of being freed while in use.  refcount_dec_and_lock() and
 * refcount_dec_and_mutex_lock() return true with the lock held exactly
 * when the count reached zero.
 *
 * All operations are inline; the WARN of a saturation is reported by
 * refcount_warn_saturate() (compat/refcount.c), which also counts the
 * events in kshim_refcount_saturations for tests.
 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/array_size.h>
#include <linux/refcount_types.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>

#define REFCOUNT_MAX INT_MAX
#define REFCOUNT_SATURATED (INT_MIN / 2)

enum refcount_saturation_type {
	REFCOUNT_ADD_NOT_ZERO_OVF,
	REFCOUNT_ADD_OVF,
	REFCOUNT_ADD_UAF,
	REFCOUNT_SUB_UAF,
	REFCOUNT_DEC_LEAK,
};

/* saturation events so far, for tests (compat/refcount.c) */
extern atomic_t kshim_refcount_saturations;

/* pin @ref at REFCOUNT_SATURATED and WARN about event @t (lib/refcount.c) */
void refcount_warn_saturate(refcount_t *ref, enum refcount_saturation_type t);

static inline void refcount_set(refcount_t *ref, int n)
{
	atomic_set(&ref->refs, n);
}

static inline void refcount_set_release(refcount_t *ref, int n)
{
	atomic_set_release(&ref->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *ref)
{
	return atomic_read(&ref->refs);
}

/* add @i unless the count is zero; a saturated count stays saturated */
static inline __must_check bool __refcount_add_not_zero(int i, refcount_t *ref,
							int *prev)
{
	int old = refcount_read(ref);

	do {
		if (!old)
			break;
	} while (!atomic_try_cmpxchg_relaxed(&ref->refs, &old,
					     (int)((unsigned int)old + i)));
	if (prev)
		*prev = old;
	if (unlikely(old < 0 || (long)old + i > INT_MAX))
		refcount_warn_saturate(ref, REFCOUNT_ADD_NOT_ZERO_OVF);
	return old;
}

static inline __must_check bool refcount_add_not_zero(int i, refcount_t *ref)
{
	return __refcount_add_not_zero(i, ref, NULL);
}

static inline __must_check bool
__refcount_add_not_zero_acquire(int i, refcount_t *ref, int *prev)
{
	int old = refcount_read(ref);

	do {
		if (!old)
			break;
	} while (!atomic_try_cmpxchg_acquire(&ref->refs, &old,
					     (int)((unsigned int)old + i)));
	if (prev)
		*prev = old;
	if (unlikely(old < 0 || (long)old + i > INT_MAX))
		refcount_warn_saturate(ref, REFCOUNT_ADD_NOT_ZERO_OVF);
	return old;
}

static inline __must_check bool refcount_add_not_zero_acquire(int i,
							      refcount_t *ref)
{
	return __refcount_add_not_zero_acquire(i, ref, NULL);
}

static inline void __refcount_add(int i, refcount_t *ref, int *prev)
{
	int old = atomic_fetch_add_relaxed(i, &ref->refs);

	if (prev)
		*prev = old;
	if (unlikely(!old))
		refcount_warn_saturate(ref, REFCOUNT_ADD_UAF);
	else if (unlikely(old < 0 || (long)old + i > INT_MAX))
		refcount_warn_saturate(ref, REFCOUNT_ADD_OVF);
}

static inline void refcount_add(int i, refcount_t *ref)
{
	__refcount_add(i, ref, NULL);
}

static inline __must_check bool __refcount_inc_not_zero(refcount_t *ref,
							int *prev)
{
	return __refcount_add_not_zero(1, ref, prev);
}

static inline __must_check bool refcount_inc_not_zero(refcount_t *ref)
{
	return __refcount_inc_not_zero(ref, NULL);
}

static inline __must_check bool
__refcount_inc_not_zero_acquire(refcount_t *ref, int *prev)
{
	return __refcount_add_not_zero_acquire(1, ref, prev);
}

static inline __must_check bool refcount_inc_not_zero_acquire(refcount_t *ref)
{
	return __refcount_inc_not_zero_acquire(ref, NULL);
}

static inline void __refcount_inc(refcount_t *ref, int *prev)
{
	__refcount_add(1, ref, prev);
}

static inline void refcount_inc(refcount_t *ref)
{
	__refcount_inc(ref, NULL);
}

static inline __must_check bool __refcount_sub_and_test(int i, refcount_t *ref,
							int *prev)
{
	/*
	 * Release for every put, acquire for the last one (the freeing
	 * thread sees every other user's stores): one acq_rel operation,
	 * which needs no separate fence (ThreadSanitizer follows it).
	 */
	int old = __atomic_fetch_sub(&ref->refs.counter, i, __ATOMIC_ACQ_REL);

	if (prev)
		*prev = old;
	if (old > 0 && old == i)
		return true;
	if (unlikely(old <= 0 || old - i < 0))
		refcount_warn_saturate(ref, REFCOUNT_SUB_UAF);
	return false;
}

static inline __must_check bool refcount_sub_and_test(int i, refcount_t *ref)
{
	return __refcount_sub_and_test(i, ref, NULL);
}

static inline __must_check bool __refcount_dec_and_test(refcount_t *ref,
							int *prev)
{
	return __refcount_sub_and_test(1, ref, prev);
}

static inline __must_check bool refcount_dec_and_test(refcount_t *ref)
{
	return __refcount_dec_and_test(ref, NULL);
}

static inline void __refcount_dec(refcount_t *ref, int *prev)
{
	int old = atomic_fetch_sub_release(1, &ref->refs);

	if (prev)
		*prev = old;
	if (unlikely(old <= 1))
		refcount_warn_saturate(ref, REFCOUNT_DEC_LEAK);
}

static inline void refcount_dec(refcount_t *ref)
{
	__refcount_dec(ref, NULL);
}

/* 1 -> 0 only; true if it did that */
static inline __must_check bool refcount_dec_if_one(refcount_t *ref)
{
	int one = 1;

	return atomic_try_cmpxchg_release(&ref->refs, &one, 0);
}

/*
 * Decrement unless the count is 1 (or saturated, which stays).  True if
 * the count was decremented or is saturated, false if it is 1.
 */
static inline __must_check bool refcount_dec_not_one(refcount_t *ref)
{
	int old = refcount_read(ref);

	do {
		if (unlikely(old == REFCOUNT_SATURATED))
			return true;
		if (old == 1)
			return false;
		if (unlikely(old <= 0)) {
			refcount_warn_saturate(ref, REFCOUNT_SUB_UAF);
			return true;
		}
	} while (!atomic_try_cmpxchg_release(&ref->refs, &old, old - 1));
	return true;
}

static inline __must_check bool refcount_dec_and_mutex_lock(refcount_t *ref,
							    struct mutex *lock)
{
	if (refcount_dec_not_one(ref))
		return false;
	mutex_lock(lock);
	if (!refcount_dec_and_test(ref)) {
		mutex_unlock(lock);
		return false;
	}
	return true;
}

static inline __must_check bool refcount_dec_and_lock(refcount_t *ref,
						      spinlock_t *lock)
{
	if (refcount_dec_not_one(ref))
		return false;
	spin_lock(lock);
	if (!refcount_dec_and_test(ref)) {
		spin_unlock(lock);
		return false;
	}
	return true;
}

static inline __must_check bool
refcount_dec_and_lock_irqsave(refcount_t *ref, spinlock_t *lock,
			      unsigned long *flags)
{
	*flags = 0;
	return refcount_dec_and_lock(ref, lock);
}

#endif /* _LINUX_REFCOUNT_H */
