/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct path: a (mount, dentry) pair.  path_get/path_put take and drop
 * a reference on both (VFS, out of line).
 */
#ifndef _LINUX_PATH_H
#define _LINUX_PATH_H

#include <linux/types.h>

struct dentry;
struct vfsmount;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

void path_get(const struct path *path);
void path_put(const struct path *path);

static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->mnt == b->mnt && a->dentry == b->dentry;
}

static inline void path_put_init(struct path *path)
{
	path_put(path);
	*path = (struct path){ };
}

#endif /* _LINUX_PATH_H */
