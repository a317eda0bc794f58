/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Forced first include (-include) of every translation unit of the kernel
 * world: upstream driver files, compat runtime files and kernel-side tests.
 * It plays the part of the kernel's -include linux/kconfig.h and
 * linux/compiler_types.h.  Nothing here, and nothing reachable from here,
 * includes a libc header: the kernel world sees only kernel names.
 */
#ifndef _KSHIM_KERNEL_WORLD_H
#define _KSHIM_KERNEL_WORLD_H

#ifndef __KERNEL__
#define __KERNEL__ 1
#endif

#include <linux/kconfig.h>
#include <linux/compiler_types.h>
#include <kshim/namespace.h>

#endif /* _KSHIM_KERNEL_WORLD_H */
