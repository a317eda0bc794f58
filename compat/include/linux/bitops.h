/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bit operations on unsigned long arrays and on single words.
 *
 * Kernel guarantees kept (Documentation/atomic_bitops.txt):
 *  - set_bit/clear_bit/change_bit are atomic read-modify-writes of one word
 *    with no ordering (relaxed); concurrent updates of different bits of
 *    one word are never lost;
 *  - test_and_{set,clear,change}_bit are atomic and fully ordered;
 *  - test_and_set_bit_lock has acquire, clear_bit_unlock release semantics;
 *  - the __ forms are plain, non-atomic read-modify-writes;
 *  - the _le forms address bit nr of a little-endian byte stream, which on
 *    this (little-endian) target is the native layout.
 * Word helpers (fls, __ffs, hweight, ...) follow the kernel's 0/1-based
 * conventions: ffs/fls are 1-based and return 0 for 0; __ffs/__fls are
 * 0-based and undefined for 0.
 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <asm/barrier.h>

#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(long))
#define BITS_TO_U64(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u64))
#define BITS_TO_U32(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(u32))
#define BITS_TO_BYTES(nr) __KERNEL_DIV_ROUND_UP(nr, BITS_PER_TYPE(char))

#define __kshim_bit_word(addr, nr) ((unsigned long *)(addr) + BIT_WORD(nr))

/* atomic, unordered */
static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(__kshim_bit_word(addr, nr), BIT_MASK(nr), __ATOMIC_RELAXED);
}

static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(__kshim_bit_word(addr, nr), ~BIT_MASK(nr), __ATOMIC_RELAXED);
}

static __always_inline void change_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_xor(__kshim_bit_word(addr, nr), BIT_MASK(nr), __ATOMIC_RELAXED);
}

/* atomic, fully ordered */
static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_or(__kshim_bit_word(addr, nr), BIT_MASK(nr),
				 __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

static __always_inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_and(__kshim_bit_word(addr, nr), ~BIT_MASK(nr),
				  __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

static __always_inline bool test_and_change_bit(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_xor(__kshim_bit_word(addr, nr), BIT_MASK(nr),
				  __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

/* lock-like: acquire on success, release on unlock */
static __always_inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr)
{
	return __atomic_fetch_or(__kshim_bit_word(addr, nr), BIT_MASK(nr),
				 __ATOMIC_ACQUIRE) & BIT_MASK(nr);
}

static __always_inline void clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(__kshim_bit_word(addr, nr), ~BIT_MASK(nr), __ATOMIC_RELEASE);
}

/* the caller holds the bit, so nobody else writes the word: a release store */
static __always_inline void __clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	unsigned long *p = __kshim_bit_word(addr, nr);

	__atomic_store_n(p, __atomic_load_n(p, __ATOMIC_RELAXED) & ~BIT_MASK(nr),
			 __ATOMIC_RELEASE);
}

static __always_inline bool xor_unlock_is_negative_byte(unsigned long mask,
							volatile unsigned long *addr)
{
	return __atomic_fetch_xor((unsigned long *)addr, mask, __ATOMIC_RELEASE) & BIT(7);
}

static __always_inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return (__atomic_load_n((const unsigned long *)addr + BIT_WORD(nr),
				__ATOMIC_RELAXED) >> (nr & (BITS_PER_LONG - 1))) & 1;
}

static __always_inline bool test_bit_acquire(long nr, const volatile unsigned long *addr)
{
	return (__atomic_load_n((const unsigned long *)addr + BIT_WORD(nr),
				__ATOMIC_ACQUIRE) >> (nr & (BITS_PER_LONG - 1))) & 1;
}

/* non-atomic */
static __always_inline void __set_bit(unsigned long nr, volatile unsigned long *addr)
{
	*__kshim_bit_word(addr, nr) |= BIT_MASK(nr);
}

static __always_inline void __clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	*__kshim_bit_word(addr, nr) &= ~BIT_MASK(nr);
}

static __always_inline void __change_bit(unsigned long nr, volatile unsigned long *addr)
{
	*__kshim_bit_word(addr, nr) ^= BIT_MASK(nr);
}

static __always_inline bool __test_and_set_bit(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long *p = __kshim_bit_word(addr, nr);
	unsigned long old = *p;

	*p = old | BIT_MASK(nr);
	return old & BIT_MASK(nr);
}

static __always_inline bool __test_and_clear_bit(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long *p = __kshim_bit_word(addr, nr);
	unsigned long old = *p;

	*p = old & ~BIT_MASK(nr);
	return old & BIT_MASK(nr);
}

static __always_inline bool __test_and_change_bit(unsigned long nr, volatile unsigned long *addr)
{
	unsigned long *p = __kshim_bit_word(addr, nr);
	unsigned long old = *p;

	*p = old ^ BIT_MASK(nr);
	return old & BIT_MASK(nr);
}

#define _test_bit(nr, addr) test_bit(nr, addr)
#define __test_bit(nr, addr) test_bit(nr, addr)

/* little-endian bitmaps: native layout on this target */
static __always_inline int test_bit_le(int nr, const void *addr)
{
	return test_bit(nr, (const unsigned long *)addr);
}

static __always_inline void set_bit_le(int nr, void *addr)
{
	set_bit(nr, (unsigned long *)addr);
}

static __always_inline void clear_bit_le(int nr, void *addr)
{
	clear_bit(nr, (unsigned long *)addr);
}

static __always_inline void __set_bit_le(int nr, void *addr)
{
	__set_bit(nr, (unsigned long *)addr);
}

static __always_inline void __clear_bit_le(int nr, void *addr)
{
	__clear_bit(nr, (unsigned long *)addr);
}

static __always_inline int test_and_set_bit_le(int nr, void *addr)
{
	return test_and_set_bit(nr, (unsigned long *)addr);
}

static __always_inline int test_and_clear_bit_le(int nr, void *addr)
{
	return test_and_clear_bit(nr, (unsigned long *)addr);
}

/*
 * ext2-style atomic bitmap updates (asm-generic ext2-atomic-setbit): the
 * spinlock argument is unused, the bit operation itself is atomic.
 */
#define ext2_set_bit_atomic(lock, nr, addr) test_and_set_bit_le(nr, addr)
#define ext2_clear_bit_atomic(lock, nr, addr) test_and_clear_bit_le(nr, addr)

static __always_inline int __test_and_set_bit_le(int nr, void *addr)
{
	return __test_and_set_bit(nr, (unsigned long *)addr);
}

static __always_inline int __test_and_clear_bit_le(int nr, void *addr)
{
	return __test_and_clear_bit(nr, (unsigned long *)addr);
}

/* single words */
static __always_inline int ffs(int x)
{
	return __builtin_ffs(x);
}

static __always_inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

static __always_inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

#define ffz(x) __ffs(~(x))

static __always_inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

static __always_inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

static __always_inline unsigned int fls_long(unsigned long l)
{
	return fls64(l);
}

static __always_inline unsigned long __ffs64(u64 word)
{
	return __builtin_ctzll(word);
}

/* index of the lowest set bit of a nonzero value, any width */
#define ffs64(x) __ffs64(x)

static __always_inline unsigned int hweight8(unsigned int w)
{
	return __builtin_popcount(w & 0xff);
}

static __always_inline unsigned int hweight16(unsigned int w)
{
	return __builtin_popcount(w & 0xffff);
}

static __always_inline unsigned int hweight32(unsigned int w)
{
	return __builtin_popcount(w);
}

static __always_inline unsigned long hweight64(u64 w)
{
	return __builtin_popcountll(w);
}

static __always_inline unsigned long hweight_long(unsigned long w)
{
	return __builtin_popcountl(w);
}

#define __const_hweight8(w) hweight8(w)
#define __const_hweight16(w) hweight16(w)
#define __const_hweight32(w) hweight32(w)
#define __const_hweight64(w) hweight64(w)

static inline u64 rol64(u64 word, unsigned int shift)
{
	return (word << (shift & 63)) | (word >> ((-shift) & 63));
}

static inline u64 ror64(u64 word, unsigned int shift)
{
	return (word >> (shift & 63)) | (word << ((-shift) & 63));
}

static inline u32 rol32(u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static inline u32 ror32(u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

static inline u16 rol16(u16 word, unsigned int shift)
{
	return (u16)((word << (shift & 15)) | (word >> ((-shift) & 15)));
}

static inline u16 ror16(u16 word, unsigned int shift)
{
	return (u16)((word >> (shift & 15)) | (word << ((-shift) & 15)));
}

static inline u8 rol8(u8 word, unsigned int shift)
{
	return (u8)((word << (shift & 7)) | (word >> ((-shift) & 7)));
}

static inline u8 ror8(u8 word, unsigned int shift)
{
	return (u8)((word >> (shift & 7)) | (word << ((-shift) & 7)));
}

/* bit 'index' is the sign bit of the result */
static __always_inline s32 sign_extend32(u32 value, int index)
{
	u8 shift = 31 - index;

	return (s32)(value << shift) >> shift;
}

static __always_inline s64 sign_extend64(u64 value, int index)
{
	u8 shift = 63 - index;

	return (s64)(value << shift) >> shift;
}

/* smallest order with (1 << order) >= count */
static inline int get_count_order(unsigned int count)
{
	if (count == 0)
		return -1;
	return fls(--count);
}

static inline int get_count_order_long(unsigned long l)
{
	if (l == 0UL)
		return -1;
	return (int)fls_long(--l);
}

#define assign_bit(nr, addr, value)                                        \
	((value) ? set_bit((nr), (addr)) : clear_bit((nr), (addr)))
#define __assign_bit(nr, addr, value)                                      \
	((value) ? __set_bit((nr), (addr)) : __clear_bit((nr), (addr)))

/* set or clear bits of a word-sized lvalue, not atomically */
#define set_mask_bits(ptr, mask, bits)                                     \
	({                                                                 \
		const typeof(*(ptr)) mask__ = (mask), bits__ = (bits);     \
		typeof(*(ptr)) old__, new__;                               \
		old__ = READ_ONCE(*(ptr));                                 \
		do {                                                       \
			new__ = (old__ & ~mask__) | bits__;                \
		} while (!__atomic_compare_exchange_n((ptr), &old__, new__, \
				false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)); \
		old__;                                                     \
	})

#include <linux/find.h>

#endif /* _LINUX_BITOPS_H */
