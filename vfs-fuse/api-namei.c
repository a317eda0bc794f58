// SPDX-License-Identifier: GPL-2.0-only
/*
 * The in-process API's namespace and attribute calls (mknod, mkdir,
 * create, symlink, link, unlink, rmdir, rename, setattr, setxattr,
 * removexattr) over the VFS's vfs_*() operations.
 * STUB: every call answers -ENOSYS until the write path lands.
 */
#include <linux/fs.h>
#include <linux/errno.h>
#include "kshim-vfs-internal.h"
#include "api-internal.h"

void kshim_set_umask(unsigned int umask)
{
}

int kshim_mknod(struct kshim_node *dir, const char *name, unsigned int mode,
		unsigned int rdev_major, unsigned int rdev_minor,
		struct kshim_node **nodep)
{
	return -ENOSYS;
}

int kshim_mkdir(struct kshim_node *dir, const char *name, unsigned int mode,
		struct kshim_node **nodep)
{
	return -ENOSYS;
}

int kshim_create(struct kshim_node *dir, const char *name, unsigned int mode,
		 int flags, struct kshim_node **nodep,
		 struct kshim_file **filep)
{
	return -ENOSYS;
}

int kshim_symlink(struct kshim_node *dir, const char *name,
		  const char *target, struct kshim_node **nodep)
{
	return -ENOSYS;
}

int kshim_link(struct kshim_node *node, struct kshim_node *newdir,
	       const char *newname, struct kshim_node **nodep)
{
	return -ENOSYS;
}

int kshim_unlink(struct kshim_node *dir, const char *name)
{
	return -ENOSYS;
}

int kshim_rmdir(struct kshim_node *dir, const char *name)
{
	return -ENOSYS;
}

int kshim_rename(struct kshim_node *olddir, const char *oldname,
		 struct kshim_node *newdir, const char *newname,
		 unsigned int flags)
{
	return -ENOSYS;
}

int kshim_setattr(struct kshim_node *node, struct kshim_file *file,
		  const struct kshim_setattr *attr)
{
	return -ENOSYS;
}

int kshim_setxattr(struct kshim_node *node, const char *name,
		   const void *value, unsigned long size, int flags)
{
	return -ENOSYS;
}

int kshim_removexattr(struct kshim_node *node, const char *name)
{
	return -ENOSYS;
}
