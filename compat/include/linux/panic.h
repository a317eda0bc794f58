/* SPDX-License-Identifier: GPL-2.0-only */
/* panic(): the message, a backtrace, the fatal hooks, then SIGABRT. */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>
#include <linux/types.h>

__printf(1, 2) __noreturn __cold void panic(const char *fmt, ...);
#define oops_in_progress 0
#define panic_timeout 0

#endif
