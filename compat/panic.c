// SPDX-License-Identifier: GPL-2.0-only
/*
 * BUG, WARN and panic (kernel/panic.c).  BUG and panic print their message
 * and a backtrace, run the fatal hooks (for example the FUSE bridge's
 * unmount) and end the process with SIGABRT: a driver that hits BUG()
 * never returns into its caller and never leaves a mount hanging.
 */
#include <linux/kernel.h>
#include <kshim/host.h>
#include <kshim/runtime.h>

#define MAX_FATAL_HOOKS 8

static void (*fatal_hooks[MAX_FATAL_HOOKS])(void);
static int nr_fatal_hooks;

void kshim_add_fatal_hook(void (*hook)(void))
{
	if (nr_fatal_hooks < MAX_FATAL_HOOKS)
		fatal_hooks[nr_fatal_hooks++] = hook;
}

static __noreturn void die(void)
{
	static int dying;
	int i;

	kshim_host_backtrace(2);
	if (__atomic_exchange_n(&dying, 1, __ATOMIC_SEQ_CST) == 0) {
		for (i = nr_fatal_hooks - 1; i >= 0; i--)
			fatal_hooks[i]();
	}
	kshim_host_abort();
}

void kshim_bug(const char *file, int line, const char *func)
{
	pr_emerg("kernel BUG at %s:%d! (%s)\n", file, line, func);
	die();
}

void kshim_warn(const char *file, int line, const char *func,
		const char *fmt, ...)
{
	va_list args;

	if (fmt) {
		struct va_format vaf;

		va_start(args, fmt);
		vaf.fmt = fmt;
		vaf.va = &args;
		pr_warn("WARNING: %s:%d %s: %pV\n", file, line, func, &vaf);
		va_end(args);
	} else {
		pr_warn("WARNING: %s:%d %s\n", file, line, func);
	}
	kshim_host_backtrace(2);
}

void panic(const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	pr_emerg("Kernel panic - not syncing: %pV\n", &vaf);
	va_end(args);
	die();
}
