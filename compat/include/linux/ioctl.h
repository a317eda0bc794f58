/* SPDX-License-Identifier: GPL-2.0-only */
/* ioctl command numbering (_IO, _IOR, _IOW, _IOWR and the _IOC_ fields). */
#ifndef _LINUX_IOCTL_H
#define _LINUX_IOCTL_H

#include <asm/ioctl.h>

#endif /* _LINUX_IOCTL_H */
