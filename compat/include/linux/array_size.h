/* SPDX-License-Identifier: GPL-2.0-only */
/* Number of elements of a true array (not a pointer). */
#ifndef _KSHIM_LINUX_ARRAY_SIZE_H
#define _KSHIM_LINUX_ARRAY_SIZE_H

#include <linux/compiler.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

#endif /* _KSHIM_LINUX_ARRAY_SIZE_H */
