// SPDX-License-Identifier: GPL-2.0-only
/* Kernel-world half of the unit-test harness: failure reports and skips. */
#include "ktest.h"
#include <kshim/host.h>

struct ktest_result *ktest_result;
unsigned long long ktest_start_ns;

void ktest_failf(const char *file, int line, const char *fmt, ...)
{
	char msg[512];
	char out[700];
	va_list args;
	int n;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	n = scnprintf(out, sizeof(out), "# %s:%d: %s\n", file, line, msg);
	kshim_host_write(1, out, n);
	if (ktest_result) {
		__atomic_fetch_add(&ktest_result->failures, 1, __ATOMIC_SEQ_CST);
		if (!ktest_result->reason[0])
			snprintf(ktest_result->reason,
				 sizeof(ktest_result->reason), "%s", msg);
	}
}

void ktest_abort_case(void)
{
	kshim_host_exit_now(1);
}

void ktest_skip(const char *fmt, ...)
{
	va_list args;

	if (ktest_result) {
		va_start(args, fmt);
		vscnprintf(ktest_result->reason, sizeof(ktest_result->reason),
			   fmt, args);
		va_end(args);
		ktest_result->skipped = 1;
	}
	kshim_host_exit_now(77);
}

void ktest_note(const char *fmt, ...)
{
	char msg[512];
	char out[600];
	va_list args;
	int n;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	n = scnprintf(out, sizeof(out), "# %s\n", msg);
	kshim_host_write(1, out, n);
}

unsigned long ktest_elapsed_ms(void)
{
	return (kshim_host_monotonic_ns() - ktest_start_ns) / 1000000;
}

void ktest_sleep_ms(unsigned int ms)
{
	kshim_host_sleep_ns(ms * 1000000ULL);
}

unsigned long long ktest_deadline_ns(unsigned int ms)
{
	return kshim_host_monotonic_ns() + ms * 1000000ULL;
}

bool ktest_poll_pause(unsigned long long deadline_ns)
{
	if (kshim_host_monotonic_ns() >= deadline_ns)
		return false;
	kshim_host_sleep_ns(50000);
	return true;
}
