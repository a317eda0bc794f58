/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the files that implement the in-process API (api.c,
 * api-namei.c, api-write.c): the casts between the API's opaque handles
 * and the kernel objects they stand for, and the mount of a super block.
 */
#ifndef _KSHIM_API_INTERNAL_H
#define _KSHIM_API_INTERNAL_H

#include <linux/fs.h>
#include <linux/path.h>
#include <linux/dcache.h>
#include <kshim/vfs.h>

/* the vfsmount kshim_mount() made for @sb, or NULL */
struct vfsmount *kshim_api_mnt_of(struct super_block *sb);

static inline struct dentry *D(struct kshim_node *node)
{
	return (struct dentry *)node;
}

static inline struct kshim_node *N(struct dentry *dentry)
{
	return (struct kshim_node *)dentry;
}

static inline struct file *F(struct kshim_file *file)
{
	return (struct file *)file;
}

static inline struct path path_of(struct dentry *dentry)
{
	struct path path = {
		.mnt = kshim_api_mnt_of(dentry->d_sb),
		.dentry = dentry,
	};

	return path;
}

#endif /* _KSHIM_API_INTERNAL_H */
