// SPDX-License-Identifier: GPL-2.0-only
/*
 * Directory iteration (fs/readdir.c).  Kernel guarantees kept:
 * iterate_dir() calls ->iterate_shared with the directory's i_rwsem held
 * shared, starting at f_pos and storing the position the filesystem
 * stopped at back into f_pos; a removed directory (S_DEAD) reads as
 * -ENOENT; a file without ->iterate_shared is -ENOTDIR.
 */
#include <linux/fs.h>

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int res = -ENOTDIR;

	if (!file->f_op->iterate_shared)
		return res;
	inode_lock_shared(inode);
	res = -ENOENT;
	if (!IS_DEADDIR(inode)) {
		ctx->pos = file->f_pos;
		res = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
		file_accessed(file);
	}
	inode_unlock_shared(inode);
	return res;
}
