/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Random numbers (drivers/char/random.c).  All come from the host's
 * getrandom() through kshim_host_random_*: unpredictable, never blocking
 * once the process runs.  get_random_u32_below(ceil) is uniform in
 * [0, ceil) (rejection sampling, no modulo bias); _inclusive(floor, ceil)
 * in [floor, ceil].  get_random_bytes is renamed by kshim/namespace.h.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>
#include <linux/bug.h>
#include <linux/limits.h>

struct notifier_block;

void get_random_bytes(void *out, size_t nbytes);
u32 get_random_u32(void);
u64 get_random_u64(void);
u32 __get_random_u32_below(u32 bound);

static inline u8 get_random_u8(void)
{
	return (u8)get_random_u32();
}

static inline u16 get_random_u16(void)
{
	return (u16)get_random_u32();
}

static inline unsigned long get_random_long(void)
{
	return (unsigned long)get_random_u64();
}

static inline u32 get_random_int(void)
{
	return get_random_u32();
}

/* uniform in [0, bound); bound == 0 gives any u32, as in the kernel */
static inline u32 get_random_u32_below(u32 bound)
{
	return __get_random_u32_below(bound);
}

#define prandom_u32_max(ceil) get_random_u32_below(ceil)

/* uniform in (lo, U32_MAX] */
static inline u32 get_random_u32_above(u32 lo)
{
	return get_random_u32_below(U32_MAX - lo) + lo + 1;
}

/* uniform in [lo, hi] */
static inline u32 get_random_u32_inclusive(u32 lo, u32 hi)
{
	return get_random_u32_below(hi - lo + 1) + lo;
}

static inline int get_random_bytes_wait(void *out, size_t nbytes)
{
	get_random_bytes(out, nbytes);
	return 0;
}

static inline bool rng_is_initialized(void)
{
	return true;
}

static inline int wait_for_random_bytes(void)
{
	return 0;
}

static inline void add_device_randomness(const void *buf, size_t len)
{
}

static inline void add_latent_entropy(void)
{
}

#endif /* _LINUX_RANDOM_H */
