/* SPDX-License-Identifier: GPL-2.0-only */
/* The pre-6.12 spelling of linux/unaligned.h. */
#ifndef __ASM_UNALIGNED_H
#define __ASM_UNALIGNED_H

#include <linux/unaligned.h>

#endif /* __ASM_UNALIGNED_H */
