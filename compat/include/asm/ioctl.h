/* SPDX-License-Identifier: GPL-2.0-only */
/* x86 uses the generic ioctl numbering. */
#ifndef _ASM_IOCTL_H
#define _ASM_IOCTL_H

#include <asm-generic/ioctl.h>

#endif /* _ASM_IOCTL_H */
