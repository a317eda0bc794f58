/* SPDX-License-Identifier: GPL-2.0-only */
/* Historical alias: drivers include <linux/vfs.h> for struct kstatfs. */
#ifndef _LINUX_VFS_H
#define _LINUX_VFS_H

#include <linux/statfs.h>

#endif /* _LINUX_VFS_H */
