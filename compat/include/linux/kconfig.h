/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * IS_ENABLED() and friends over the CONFIG_* macros of generated/autoconf.h
 * and of the per-filesystem flags.  A symbol counts as enabled when it is
 * defined to 1 (built in); kshim has no modules, so IS_MODULE() is 0.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#include <generated/autoconf.h>

#define __LITTLE_ENDIAN 1234
#define __BITS_PER_LONG 64

/*
 * Turn "CONFIG_FOO defined to 1" into 1 and "undefined" into 0 without
 * evaluating an undefined macro: the placeholder trick pastes the value
 * into a name that only exists for 1.
 */
#define __KSHIM_ARG_PLACEHOLDER_1 0,
#define __kshim_take_second(ignored, val, ...) val
#define __kshim_is_defined(x) ___kshim_is_defined(x)
#define ___kshim_is_defined(val) ____kshim_is_defined(__KSHIM_ARG_PLACEHOLDER_##val)
#define ____kshim_is_defined(arg1_or_junk) __kshim_take_second(arg1_or_junk 1, 0, 0)

#define IS_BUILTIN(option) __kshim_is_defined(option)
#define IS_MODULE(option) 0
#define IS_REACHABLE(option) IS_BUILTIN(option)
#define IS_ENABLED(option) IS_BUILTIN(option)

#endif /* _LINUX_KCONFIG_H */
