/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading the clocks.  Kernel guarantees kept: ktime_get*() (monotonic)
 * never goes back and does not jump with wall-clock changes; the real
 * forms give wall-clock time since the epoch (UTC); boottime includes
 * time spent suspended; raw is the unadjusted monotonic clock.  The coarse
 * and fast variants read the same clocks (exact, so at least as fine as
 * the kernel's).  The clocks are the host's CLOCK_MONOTONIC, CLOCK_REALTIME,
 * CLOCK_BOOTTIME; TAI is taken as realtime (no leap-second table here).
 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/types.h>
#include <linux/time64.h>
#include <linux/ktime.h>

ktime_t ktime_get(void);
ktime_t ktime_get_real(void);
ktime_t ktime_get_boottime(void);
ktime_t ktime_get_raw(void);

enum tk_offsets {
	TK_OFFS_REAL,
	TK_OFFS_BOOT,
	TK_OFFS_TAI,
	TK_OFFS_MAX,
};

ktime_t ktime_get_with_offset(enum tk_offsets offs);
ktime_t ktime_mono_to_any(ktime_t tmono, enum tk_offsets offs);
u32 ktime_get_resolution_ns(void);

#define ktime_get_coarse_with_offset(offs) ktime_get_with_offset(offs)

static inline ktime_t ktime_get_coarse_real(void)
{
	return ktime_get_real();
}

static inline ktime_t ktime_get_coarse_boottime(void)
{
	return ktime_get_boottime();
}

static inline ktime_t ktime_get_clocktai(void)
{
	return ktime_get_real();
}

static inline ktime_t ktime_get_coarse_clocktai(void)
{
	return ktime_get_real();
}

static inline ktime_t ktime_get_coarse(void)
{
	return ktime_get();
}

static inline u64 ktime_get_coarse_ns(void)
{
	return ktime_to_ns(ktime_get_coarse());
}

static inline u64 ktime_get_coarse_real_ns(void)
{
	return ktime_to_ns(ktime_get_coarse_real());
}

static inline u64 ktime_get_coarse_boottime_ns(void)
{
	return ktime_to_ns(ktime_get_coarse_boottime());
}

static inline u64 ktime_get_coarse_clocktai_ns(void)
{
	return ktime_to_ns(ktime_get_coarse_clocktai());
}

static inline ktime_t ktime_mono_to_real(ktime_t mono)
{
	return ktime_mono_to_any(mono, TK_OFFS_REAL);
}

static inline u64 ktime_get_ns(void)
{
	return ktime_to_ns(ktime_get());
}

static inline u64 ktime_get_real_ns(void)
{
	return ktime_to_ns(ktime_get_real());
}

static inline u64 ktime_get_boottime_ns(void)
{
	return ktime_to_ns(ktime_get_boottime());
}

static inline u64 ktime_get_clocktai_ns(void)
{
	return ktime_to_ns(ktime_get_clocktai());
}

static inline u64 ktime_get_raw_ns(void)
{
	return ktime_to_ns(ktime_get_raw());
}

#define ktime_get_mono_fast_ns() ktime_get_ns()
#define ktime_get_raw_fast_ns() ktime_get_raw_ns()
#define ktime_get_boot_fast_ns() ktime_get_boottime_ns()
#define ktime_get_tai_fast_ns() ktime_get_clocktai_ns()
#define ktime_get_real_fast_ns() ktime_get_real_ns()

void ktime_get_raw_ts64(struct timespec64 *ts);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *tv);
void ktime_get_coarse_ts64(struct timespec64 *ts);
void ktime_get_coarse_real_ts64(struct timespec64 *ts);

/* seconds of CLOCK_MONOTONIC and of the wall clock */
time64_t ktime_get_seconds(void);
time64_t ktime_get_real_seconds(void);
#define __ktime_get_real_seconds() ktime_get_real_seconds()

static inline void ktime_get_boottime_ts64(struct timespec64 *ts)
{
	*ts = ktime_to_timespec64(ktime_get_boottime());
}

static inline void ktime_get_coarse_boottime_ts64(struct timespec64 *ts)
{
	ktime_get_boottime_ts64(ts);
}

static inline time64_t ktime_get_boottime_seconds(void)
{
	return ktime_get_boottime() / NSEC_PER_SEC;
}

static inline void ktime_get_clocktai_ts64(struct timespec64 *ts)
{
	*ts = ktime_to_timespec64(ktime_get_clocktai());
}

static inline void ktime_get_coarse_clocktai_ts64(struct timespec64 *ts)
{
	ktime_get_clocktai_ts64(ts);
}

static inline time64_t ktime_get_clocktai_seconds(void)
{
	return ktime_get_clocktai() / NSEC_PER_SEC;
}

/* the wall clock is the host's: kshim never sets it */
static inline int do_settimeofday64(const struct timespec64 *ts)
{
	return -1;
}

#define timekeeping_suspended 0

#endif /* _LINUX_TIMEKEEPING_H */
