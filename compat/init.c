// SPDX-License-Identifier: GPL-2.0-only
/*
 * Start-up of the kernel world (the part of init/main.c that matters
 * here): enter the main thread, then run the initcalls level by level in
 * link order; at exit, run the exit calls in reverse.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <kshim/runtime.h>

extern const struct kshim_initcall __start_kshim_initcalls[] __attribute__((weak));
extern const struct kshim_initcall __stop_kshim_initcalls[] __attribute__((weak));
extern const struct kshim_exitcall __start_kshim_exitcalls[] __attribute__((weak));
extern const struct kshim_exitcall __stop_kshim_exitcalls[] __attribute__((weak));

static bool runtime_started;

int kshim_runtime_init(const char *progname)
{
	const struct kshim_initcall *call;
	long level;

	if (runtime_started)
		return 0;
	runtime_started = true;
	if (progname)
		kshim_printk_set_prefix(progname);
	kshim_thread_enter("main");
	for (level = 0; level <= 7; level++) {
		for (call = __start_kshim_initcalls;
		     call && call < __stop_kshim_initcalls; call++) {
			int err;

			if (call->level != level)
				continue;
			err = call->fn();
			if (err) {
				pr_err("kshim: initcall %s failed: %d\n",
				       call->name, err);
				return err;
			}
		}
	}
	return 0;
}

void kshim_runtime_exit(void)
{
	const struct kshim_exitcall *call = __stop_kshim_exitcalls;

	if (!runtime_started)
		return;
	while (call && call > __start_kshim_exitcalls) {
		call--;
		call->fn();
	}
	runtime_started = false;
}
