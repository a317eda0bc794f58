/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bit spinlocks: one bit of an unsigned long word used as a lock, the
 * other bits free for the owner's data (buffer_head state, hlist_bl).
 *
 * Kernel guarantee kept: mutual exclusion between holders of the same
 * bit, acquire ordering on lock and release ordering on unlock, and the
 * other bits of the word left untouched (every update is an atomic
 * read-modify-write of the whole word).  A holder in userspace can be
 * preempted, so a waiter spins with cpu_relax() for a while and then
 * yields its CPU instead of burning it.  __bit_spin_unlock() is atomic
 * here too (the kernel's is a plain store, only valid when nobody else
 * changes the word: the atomic form is correct in every case it is).
 */
#ifndef __LINUX_BIT_SPINLOCK_H
#define __LINUX_BIT_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/preempt.h>
#include <asm/barrier.h>
#include <kshim/host.h>

#define __KSHIM_BSL_WORD(nr, addr) ((addr) + (nr) / (8 * sizeof(long)))
#define __KSHIM_BSL_MASK(nr) (1UL << ((nr) % (8 * sizeof(long))))

static inline int bit_spin_trylock(int bitnum, unsigned long *addr)
{
	unsigned long *word = __KSHIM_BSL_WORD(bitnum, addr);
	unsigned long mask = __KSHIM_BSL_MASK(bitnum);

	preempt_disable();
	if (__atomic_fetch_or(word, mask, __ATOMIC_ACQUIRE) & mask) {
		preempt_enable();
		return 0;
	}
	return 1;
}

static inline void bit_spin_lock(int bitnum, unsigned long *addr)
{
	unsigned long *word = __KSHIM_BSL_WORD(bitnum, addr);
	unsigned long mask = __KSHIM_BSL_MASK(bitnum);
	unsigned int spins = 0;

	preempt_disable();
	while (__atomic_fetch_or(word, mask, __ATOMIC_ACQUIRE) & mask) {
		preempt_enable();
		/* wait for the bit to clear with plain loads, then retry */
		while (__atomic_load_n(word, __ATOMIC_RELAXED) & mask) {
			if (++spins < 256)
				cpu_relax();
			else
				kshim_host_yield();
		}
		preempt_disable();
	}
}

static inline void bit_spin_unlock(int bitnum, unsigned long *addr)
{
	__atomic_fetch_and(__KSHIM_BSL_WORD(bitnum, addr),
			   ~__KSHIM_BSL_MASK(bitnum), __ATOMIC_RELEASE);
	preempt_enable();
}

static inline void __bit_spin_unlock(int bitnum, unsigned long *addr)
{
	bit_spin_unlock(bitnum, addr);
}

static inline int bit_spin_is_locked(int bitnum, unsigned long *addr)
{
	return !!(__atomic_load_n(__KSHIM_BSL_WORD(bitnum, addr),
				  __ATOMIC_RELAXED) &
		  __KSHIM_BSL_MASK(bitnum));
}

#endif /* __LINUX_BIT_SPINLOCK_H */
