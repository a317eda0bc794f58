/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * atomic_t, atomic64_t and atomic_long_t on the compiler's __atomic
 * builtins, with the kernel's ordering rules (memory-barriers.txt,
 * atomic_t.txt):
 *  - atomic_read/atomic_set and the void RMW ops (add, inc, and, ...) are
 *    relaxed;
 *  - value-returning RMW ops are fully ordered; their _relaxed, _acquire
 *    and _release forms are what the names say;
 *  - a failed cmpxchg gives no ordering.
 * Also the generic xchg()/cmpxchg()/try_cmpxchg() on any native word.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>

#define __KSHIM_MO_ 5 /* __ATOMIC_SEQ_CST */
#define __KSHIM_MO__relaxed 0
#define __KSHIM_MO__acquire 2
#define __KSHIM_MO__release 3
#define __KSHIM_FAILMO_ 5
#define __KSHIM_FAILMO__relaxed 0
#define __KSHIM_FAILMO__acquire 2
#define __KSHIM_FAILMO__release 0

/* generic word operations */
#define __kshim_xchg(ptr, x, mo) __atomic_exchange_n((ptr), (x), (mo))
#define __kshim_cmpxchg(ptr, o, n, mo, fmo)                                \
	({                                                                 \
		typeof(*(ptr)) __old = (o);                                \
		__atomic_compare_exchange_n((ptr), &__old, (n), false,     \
					    (mo), (fmo));                  \
		__old;                                                     \
	})
#define __kshim_try_cmpxchg(ptr, po, n, mo, fmo)                           \
	__atomic_compare_exchange_n((ptr), (po), (n), false, (mo), (fmo))

#define xchg(ptr, x) __kshim_xchg(ptr, x, __ATOMIC_SEQ_CST)
#define xchg_relaxed(ptr, x) __kshim_xchg(ptr, x, __ATOMIC_RELAXED)
#define xchg_acquire(ptr, x) __kshim_xchg(ptr, x, __ATOMIC_ACQUIRE)
#define xchg_release(ptr, x) __kshim_xchg(ptr, x, __ATOMIC_RELEASE)
#define cmpxchg(ptr, o, n)                                                 \
	__kshim_cmpxchg(ptr, o, n, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define cmpxchg_relaxed(ptr, o, n)                                         \
	__kshim_cmpxchg(ptr, o, n, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define cmpxchg_acquire(ptr, o, n)                                         \
	__kshim_cmpxchg(ptr, o, n, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)
#define cmpxchg_release(ptr, o, n)                                         \
	__kshim_cmpxchg(ptr, o, n, __ATOMIC_RELEASE, __ATOMIC_RELAXED)
#define cmpxchg64(ptr, o, n) cmpxchg(ptr, o, n)
#define cmpxchg_local(ptr, o, n) cmpxchg(ptr, o, n)
#define try_cmpxchg(ptr, po, n)                                            \
	__kshim_try_cmpxchg(ptr, po, n, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)
#define try_cmpxchg_relaxed(ptr, po, n)                                    \
	__kshim_try_cmpxchg(ptr, po, n, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define try_cmpxchg_acquire(ptr, po, n)                                    \
	__kshim_try_cmpxchg(ptr, po, n, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)
#define try_cmpxchg_release(ptr, po, n)                                    \
	__kshim_try_cmpxchg(ptr, po, n, __ATOMIC_RELEASE, __ATOMIC_RELAXED)

/*
 * One expansion per type (atomic, atomic64, atomic_long) and per ordering
 * suffix.  pfx: function prefix, T: atomic type, V: value type.
 */
#define __KSHIM_ATOMIC_ORDERED(pfx, T, V, sfx)                             \
	static __always_inline V pfx##_add_return##sfx(V i, T *v)          \
	{                                                                  \
		return __atomic_add_fetch(&v->counter, i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_sub_return##sfx(V i, T *v)          \
	{                                                                  \
		return __atomic_sub_fetch(&v->counter, i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_inc_return##sfx(T *v)               \
	{                                                                  \
		return __atomic_add_fetch(&v->counter, 1, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_dec_return##sfx(T *v)               \
	{                                                                  \
		return __atomic_sub_fetch(&v->counter, 1, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_fetch_add##sfx(V i, T *v)           \
	{                                                                  \
		return __atomic_fetch_add(&v->counter, i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_fetch_sub##sfx(V i, T *v)           \
	{                                                                  \
		return __atomic_fetch_sub(&v->counter, i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_fetch_inc##sfx(T *v)                \
	{                                                                  \
		return __atomic_fetch_add(&v->counter, 1, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_fetch_dec##sfx(T *v)                \
	{                                                                  \
		return __atomic_fetch_sub(&v->counter, 1, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_fetch_and##sfx(V i, T *v)           \
	{                                                                  \
		return __atomic_fetch_and(&v->counter, i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_fetch_andnot##sfx(V i, T *v)        \
	{                                                                  \
		return __atomic_fetch_and(&v->counter, ~i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_fetch_or##sfx(V i, T *v)            \
	{                                                                  \
		return __atomic_fetch_or(&v->counter, i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_fetch_xor##sfx(V i, T *v)           \
	{                                                                  \
		return __atomic_fetch_xor(&v->counter, i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_xchg##sfx(T *v, V i)                \
	{                                                                  \
		return __atomic_exchange_n(&v->counter, i, __KSHIM_MO_##sfx); \
	}                                                                  \
	static __always_inline V pfx##_cmpxchg##sfx(T *v, V old, V new)    \
	{                                                                  \
		__atomic_compare_exchange_n(&v->counter, &old, new, false, \
					    __KSHIM_MO_##sfx,              \
					    __KSHIM_FAILMO_##sfx);         \
		return old;                                                \
	}                                                                  \
	static __always_inline bool pfx##_try_cmpxchg##sfx(T *v, V *old, V new) \
	{                                                                  \
		return __atomic_compare_exchange_n(&v->counter, old, new,  \
						   false, __KSHIM_MO_##sfx, \
						   __KSHIM_FAILMO_##sfx);  \
	}

#define __KSHIM_ATOMIC_TYPE(pfx, T, V)                                     \
	static __always_inline V pfx##_read(const T *v)                    \
	{                                                                  \
		return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);     \
	}                                                                  \
	static __always_inline V pfx##_read_acquire(const T *v)            \
	{                                                                  \
		return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE);     \
	}                                                                  \
	static __always_inline void pfx##_set(T *v, V i)                   \
	{                                                                  \
		__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);        \
	}                                                                  \
	static __always_inline void pfx##_set_release(T *v, V i)           \
	{                                                                  \
		__atomic_store_n(&v->counter, i, __ATOMIC_RELEASE);        \
	}                                                                  \
	static __always_inline void pfx##_add(V i, T *v)                   \
	{                                                                  \
		__atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED);      \
	}                                                                  \
	static __always_inline void pfx##_sub(V i, T *v)                   \
	{                                                                  \
		__atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED);      \
	}                                                                  \
	static __always_inline void pfx##_inc(T *v)                        \
	{                                                                  \
		__atomic_fetch_add(&v->counter, 1, __ATOMIC_RELAXED);      \
	}                                                                  \
	static __always_inline void pfx##_dec(T *v)                        \
	{                                                                  \
		__atomic_fetch_sub(&v->counter, 1, __ATOMIC_RELAXED);      \
	}                                                                  \
	static __always_inline void pfx##_and(V i, T *v)                   \
	{                                                                  \
		__atomic_fetch_and(&v->counter, i, __ATOMIC_RELAXED);      \
	}                                                                  \
	static __always_inline void pfx##_andnot(V i, T *v)                \
	{                                                                  \
		__atomic_fetch_and(&v->counter, ~i, __ATOMIC_RELAXED);     \
	}                                                                  \
	static __always_inline void pfx##_or(V i, T *v)                    \
	{                                                                  \
		__atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED);       \
	}                                                                  \
	static __always_inline void pfx##_xor(V i, T *v)                   \
	{                                                                  \
		__atomic_fetch_xor(&v->counter, i, __ATOMIC_RELAXED);      \
	}                                                                  \
	__KSHIM_ATOMIC_ORDERED(pfx, T, V, )                                \
	__KSHIM_ATOMIC_ORDERED(pfx, T, V, _relaxed)                        \
	__KSHIM_ATOMIC_ORDERED(pfx, T, V, _acquire)                        \
	__KSHIM_ATOMIC_ORDERED(pfx, T, V, _release)                        \
	static __always_inline bool pfx##_sub_and_test(V i, T *v)          \
	{                                                                  \
		return pfx##_sub_return(i, v) == 0;                        \
	}                                                                  \
	static __always_inline bool pfx##_dec_and_test(T *v)               \
	{                                                                  \
		return pfx##_dec_return(v) == 0;                           \
	}                                                                  \
	static __always_inline bool pfx##_inc_and_test(T *v)               \
	{                                                                  \
		return pfx##_inc_return(v) == 0;                           \
	}                                                                  \
	static __always_inline bool pfx##_add_negative(V i, T *v)          \
	{                                                                  \
		return pfx##_add_return(i, v) < 0;                         \
	}                                                                  \
	/* add @a unless the value is @u; returns the old value */         \
	static __always_inline V pfx##_fetch_add_unless(T *v, V a, V u)    \
	{                                                                  \
		V c = pfx##_read(v);                                       \
		do {                                                       \
			if (unlikely(c == u))                              \
				break;                                     \
		} while (!pfx##_try_cmpxchg(v, &c, c + a));                \
		return c;                                                  \
	}                                                                  \
	static __always_inline bool pfx##_add_unless(T *v, V a, V u)       \
	{                                                                  \
		return pfx##_fetch_add_unless(v, a, u) != u;               \
	}                                                                  \
	static __always_inline bool pfx##_inc_not_zero(T *v)               \
	{                                                                  \
		return pfx##_add_unless(v, 1, 0);                          \
	}                                                                  \
	static __always_inline bool pfx##_inc_unless_negative(T *v)        \
	{                                                                  \
		V c = pfx##_read(v);                                       \
		do {                                                       \
			if (unlikely(c < 0))                               \
				return false;                              \
		} while (!pfx##_try_cmpxchg(v, &c, c + 1));                \
		return true;                                               \
	}                                                                  \
	static __always_inline bool pfx##_dec_unless_positive(T *v)        \
	{                                                                  \
		V c = pfx##_read(v);                                       \
		do {                                                       \
			if (unlikely(c > 0))                               \
				return false;                              \
		} while (!pfx##_try_cmpxchg(v, &c, c - 1));                \
		return true;                                               \
	}                                                                  \
	/* decrement if the result stays >= 0; returns the result either way */ \
	static __always_inline V pfx##_dec_if_positive(T *v)               \
	{                                                                  \
		V dec, c = pfx##_read(v);                                  \
		do {                                                       \
			dec = c - 1;                                       \
			if (unlikely(dec < 0))                             \
				break;                                     \
		} while (!pfx##_try_cmpxchg(v, &c, dec));                  \
		return dec;                                                \
	}

typedef struct {
	long counter;
} __kshim_atomic_long_view;

__KSHIM_ATOMIC_TYPE(atomic, atomic_t, int)
__KSHIM_ATOMIC_TYPE(atomic64, atomic64_t, s64)
__KSHIM_ATOMIC_TYPE(__kshim_atomic_long, __kshim_atomic_long_view, long)

/* atomic_long_t is atomic64_t; its operations take and return long */
#define __KSHIM_AL(v) ((__kshim_atomic_long_view *)(v))
#define atomic_long_read(v) __kshim_atomic_long_read(__KSHIM_AL(v))
#define atomic_long_read_acquire(v) __kshim_atomic_long_read_acquire(__KSHIM_AL(v))
#define atomic_long_set(v, i) __kshim_atomic_long_set(__KSHIM_AL(v), i)
#define atomic_long_set_release(v, i) __kshim_atomic_long_set_release(__KSHIM_AL(v), i)
#define atomic_long_add(i, v) __kshim_atomic_long_add(i, __KSHIM_AL(v))
#define atomic_long_sub(i, v) __kshim_atomic_long_sub(i, __KSHIM_AL(v))
#define atomic_long_inc(v) __kshim_atomic_long_inc(__KSHIM_AL(v))
#define atomic_long_dec(v) __kshim_atomic_long_dec(__KSHIM_AL(v))
#define atomic_long_and(i, v) __kshim_atomic_long_and(i, __KSHIM_AL(v))
#define atomic_long_andnot(i, v) __kshim_atomic_long_andnot(i, __KSHIM_AL(v))
#define atomic_long_or(i, v) __kshim_atomic_long_or(i, __KSHIM_AL(v))
#define atomic_long_xor(i, v) __kshim_atomic_long_xor(i, __KSHIM_AL(v))
#define atomic_long_add_return(i, v) __kshim_atomic_long_add_return(i, __KSHIM_AL(v))
#define atomic_long_add_return_relaxed(i, v) __kshim_atomic_long_add_return_relaxed(i, __KSHIM_AL(v))
#define atomic_long_sub_return(i, v) __kshim_atomic_long_sub_return(i, __KSHIM_AL(v))
#define atomic_long_inc_return(v) __kshim_atomic_long_inc_return(__KSHIM_AL(v))
#define atomic_long_inc_return_relaxed(v) __kshim_atomic_long_inc_return_relaxed(__KSHIM_AL(v))
#define atomic_long_dec_return(v) __kshim_atomic_long_dec_return(__KSHIM_AL(v))
#define atomic_long_fetch_add(i, v) __kshim_atomic_long_fetch_add(i, __KSHIM_AL(v))
#define atomic_long_fetch_add_relaxed(i, v) __kshim_atomic_long_fetch_add_relaxed(i, __KSHIM_AL(v))
#define atomic_long_fetch_add_release(i, v) __kshim_atomic_long_fetch_add_release(i, __KSHIM_AL(v))
#define atomic_long_fetch_sub(i, v) __kshim_atomic_long_fetch_sub(i, __KSHIM_AL(v))
#define atomic_long_fetch_or(i, v) __kshim_atomic_long_fetch_or(i, __KSHIM_AL(v))
#define atomic_long_fetch_and(i, v) __kshim_atomic_long_fetch_and(i, __KSHIM_AL(v))
#define atomic_long_fetch_andnot(i, v) __kshim_atomic_long_fetch_andnot(i, __KSHIM_AL(v))
#define atomic_long_fetch_andnot_release(i, v) __kshim_atomic_long_fetch_andnot_release(i, __KSHIM_AL(v))
#define atomic_long_xchg(v, i) __kshim_atomic_long_xchg(__KSHIM_AL(v), i)
#define atomic_long_xchg_relaxed(v, i) __kshim_atomic_long_xchg_relaxed(__KSHIM_AL(v), i)
#define atomic_long_cmpxchg(v, o, n) __kshim_atomic_long_cmpxchg(__KSHIM_AL(v), o, n)
#define atomic_long_cmpxchg_relaxed(v, o, n) __kshim_atomic_long_cmpxchg_relaxed(__KSHIM_AL(v), o, n)
#define atomic_long_cmpxchg_acquire(v, o, n) __kshim_atomic_long_cmpxchg_acquire(__KSHIM_AL(v), o, n)
#define atomic_long_cmpxchg_release(v, o, n) __kshim_atomic_long_cmpxchg_release(__KSHIM_AL(v), o, n)
#define atomic_long_try_cmpxchg(v, po, n) __kshim_atomic_long_try_cmpxchg(__KSHIM_AL(v), po, n)
#define atomic_long_try_cmpxchg_relaxed(v, po, n) __kshim_atomic_long_try_cmpxchg_relaxed(__KSHIM_AL(v), po, n)
#define atomic_long_try_cmpxchg_acquire(v, po, n) __kshim_atomic_long_try_cmpxchg_acquire(__KSHIM_AL(v), po, n)
#define atomic_long_try_cmpxchg_release(v, po, n) __kshim_atomic_long_try_cmpxchg_release(__KSHIM_AL(v), po, n)
#define atomic_long_sub_and_test(i, v) __kshim_atomic_long_sub_and_test(i, __KSHIM_AL(v))
#define atomic_long_dec_and_test(v) __kshim_atomic_long_dec_and_test(__KSHIM_AL(v))
#define atomic_long_inc_and_test(v) __kshim_atomic_long_inc_and_test(__KSHIM_AL(v))
#define atomic_long_add_negative(i, v) __kshim_atomic_long_add_negative(i, __KSHIM_AL(v))
#define atomic_long_add_unless(v, a, u) __kshim_atomic_long_add_unless(__KSHIM_AL(v), a, u)
#define atomic_long_fetch_add_unless(v, a, u) __kshim_atomic_long_fetch_add_unless(__KSHIM_AL(v), a, u)
#define atomic_long_inc_not_zero(v) __kshim_atomic_long_inc_not_zero(__KSHIM_AL(v))
#define atomic_long_dec_if_positive(v) __kshim_atomic_long_dec_if_positive(__KSHIM_AL(v))

#define atomic_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic64_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))

#endif /* _LINUX_ATOMIC_H */
