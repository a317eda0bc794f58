/* SPDX-License-Identifier: GPL-2.0-only */
/* Calling-convention markers: plain C calls in userspace. */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>

#define asmlinkage
#define __visible
#define SYSCALL_ALIAS(alias, name)
#define cond_syscall(x)

#endif
