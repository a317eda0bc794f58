// SPDX-License-Identifier: GPL-2.0-only
/*
 * The in-process API's data calls (write, fsync, flush, fallocate) over
 * the file's ->write_iter, ->fsync, ->flush and ->fallocate.
 * STUB: every call answers -ENOSYS until the write path lands.
 */
#include <linux/fs.h>
#include <linux/errno.h>
#include "kshim-vfs-internal.h"
#include "api-internal.h"

long kshim_write(struct kshim_file *file, const void *buf, unsigned long size,
		 long long offset)
{
	return -ENOSYS;
}

int kshim_fsync(struct kshim_file *file, int datasync)
{
	return -ENOSYS;
}

int kshim_flush(struct kshim_file *file)
{
	return 0;
}

int kshim_fallocate(struct kshim_file *file, int mode, long long offset,
		    long long len)
{
	return -ENOSYS;
}
