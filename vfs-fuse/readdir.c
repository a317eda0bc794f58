// SPDX-License-Identifier: GPL-2.0-only
/*
 * Directory iteration (fs/readdir.c).  Kernel guarantees kept:
 * iterate_dir() calls ->iterate_shared with the directory's i_rwsem held
 * shared, starting at f_pos and storing the position the filesystem
 * stopped at back into f_pos; a removed directory (S_DEAD) reads as
 * -ENOENT; a file without ->iterate_shared is -ENOTDIR.
 */
#include <linux/fs.h>

int iterate_dir(struct file *fp, struct dir_context *ctx)
{
	struct inode *ip = file_inode(fp);
	int res = -ENOTDIR;

	if (!fp->f_op->iterate_shared)
		return res;
	inode_lock_shared(ip);
	res = -ENOENT;
	if (!IS_DEADDIR(ip)) {
		ctx->pos = fp->f_pos;
		res = fp->f_op->iterate_shared(fp, ctx);
		fp->f_pos = ctx->pos;
		file_accessed(fp);
	}
	inode_unlock_shared(ip);
	return res;
}
