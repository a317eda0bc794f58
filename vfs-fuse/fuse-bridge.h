/* SPDX-License-Identifier: GPL-2.0-only */
/* The FUSE bridge's state, shared by fuse-bridge.c and main.c (host world). */
#ifndef _KSHIM_FUSE_BRIDGE_H
#define _KSHIM_FUSE_BRIDGE_H

struct kshim_fs;
struct kshim_node;
struct fuse_lowlevel_ops;

struct kshim_bridge {
	struct kshim_fs *fs;
	struct kshim_node *root;
	double attr_timeout;
	double entry_timeout;
	int rdonly;
};

const struct fuse_lowlevel_ops *kshim_bridge_ops(void);

#endif
