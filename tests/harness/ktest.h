/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel-world unit tests.  KTEST(name) { ... } registers a case; the
 * runner (ktest-main.c) runs each case in a child process with a time
 * limit, so a crash, a BUG() or a hang fails that case alone, and prints
 * TAP for meson.  KT_EXPECT* record a failure and go on; KT_ASSERT* end
 * the case at once.  ktest_skip() ends it as skipped (a failure when
 * KSHIM_REQUIRE_ALL=1).
 */
#ifndef _KTEST_H
#define _KTEST_H

#include <linux/kernel.h>
#include "ktest-case.h"

#define __KTEST(name, timeout)                                             \
	static void ktest_fn_##name(void);                                 \
	static const struct ktest_case ktest_case_##name __used            \
		__section("ktest_cases") __aligned(8) = {                  \
			#name, ktest_fn_##name, __FILE__, timeout };       \
	static void ktest_fn_##name(void)
#define KTEST(name) __KTEST(name, 0)
/* a case that may legitimately take longer than the default limit */
#define KTEST_TIMEOUT(name, seconds) __KTEST(name, seconds)

__printf(3, 4) void ktest_failf(const char *file, int line, const char *fmt, ...);
__noreturn void ktest_abort_case(void);
__noreturn __printf(1, 2) void ktest_skip(const char *fmt, ...);
__printf(1, 2) void ktest_note(const char *fmt, ...);
/* milliseconds since the case started */
unsigned long ktest_elapsed_ms(void);

#define KT_EXPECT(cond)                                                    \
	({                                                                 \
		bool __ok = !!(cond);                                      \
		if (!__ok)                                                 \
			ktest_failf(__FILE__, __LINE__, "expected: %s", #cond); \
		__ok;                                                      \
	})
#define KT_ASSERT(cond)                                                    \
	do {                                                               \
		if (!KT_EXPECT(cond))                                      \
			ktest_abort_case();                                \
	} while (0)
#define KT_EXPECT_EQ(a, b)                                                 \
	({                                                                 \
		long long __a = (long long)(a), __b = (long long)(b);      \
		bool __ok = __a == __b;                                    \
		if (!__ok)                                                 \
			ktest_failf(__FILE__, __LINE__,                    \
				    "expected %s == %s, got %lld and %lld", \
				    #a, #b, __a, __b);                     \
		__ok;                                                      \
	})
#define KT_ASSERT_EQ(a, b)                                                 \
	do {                                                               \
		if (!KT_EXPECT_EQ(a, b))                                   \
			ktest_abort_case();                                \
	} while (0)
#define KT_EXPECT_NE(a, b)                                                 \
	({                                                                 \
		long long __a = (long long)(a), __b = (long long)(b);      \
		bool __ok = __a != __b;                                    \
		if (!__ok)                                                 \
			ktest_failf(__FILE__, __LINE__,                    \
				    "expected %s != %s, both %lld", #a, #b, __a); \
		__ok;                                                      \
	})
#define KT_ASSERT_NE(a, b)                                                 \
	do {                                                               \
		if (!KT_EXPECT_NE(a, b))                                   \
			ktest_abort_case();                                \
	} while (0)
#define KT_EXPECT_STREQ(a, b)                                              \
	({                                                                 \
		const char *__a = (a), *__b = (b);                         \
		bool __ok = __a && __b && !__builtin_strcmp(__a, __b);     \
		if (!__ok)                                                 \
			ktest_failf(__FILE__, __LINE__,                    \
				    "expected %s == %s, got \"%s\" and \"%s\"", \
				    #a, #b, __a, __b);                     \
		__ok;                                                      \
	})

/*
 * Waiting in tests.  ktest_sleep_ms() is a plain host sleep.
 * ktest_wait_until(cond, ms) re-evaluates @cond every 50 us until it is
 * true or @ms milliseconds have passed (CLOCK_MONOTONIC), and yields its
 * final value: wait for a state, never assume a delay produced it.
 */
void ktest_sleep_ms(unsigned int ms);
/* false once @deadline_ns has passed, otherwise pause briefly and true */
bool ktest_poll_pause(unsigned long long deadline_ns);
unsigned long long ktest_deadline_ns(unsigned int ms);

#define ktest_wait_until(cond, ms)					\
	({								\
		unsigned long long __dl = ktest_deadline_ns(ms);	\
		bool __met;						\
		while (!(__met = !!(cond)) && ktest_poll_pause(__dl))	\
			;						\
		__met;							\
	})

#endif /* _KTEST_H */
