/* SPDX-License-Identifier: GPL-2.0-only */
/* The FUSE bridge's state, shared by fuse-bridge.c and main.c (host world). */
#ifndef _KSHIM_FUSE_BRIDGE_H
#define _KSHIM_FUSE_BRIDGE_H

struct kshim_fs;
struct kshim_node;
struct fuse_lowlevel_ops;
struct bridge_node_table;

struct kshim_bridge {
	struct kshim_fs *fs;
	struct kshim_node *root;
	double attr_timeout;
	double entry_timeout;
	int rdonly;
	/* -o writeback_cache: let the kernel cache writes (off by default) */
	int writeback_cache;
	/* node ids handed to the kernel, one per inode (fuse-bridge.c) */
	struct bridge_node_table *nodes;
};

/* set up and tear down the node table: init after kshim_root, fini before
 * kshim_umount (it drops the references the kernel never forgot) */
int kshim_bridge_init(struct kshim_bridge *b);
void kshim_bridge_fini(struct kshim_bridge *b);

const struct fuse_lowlevel_ops *kshim_bridge_ops(void);

/* after fuse_session_mount: the bridge reads and writes /dev/fuse itself
 * (to negotiate what libfuse cannot); 0 or a negative errno */
struct fuse_session;
int kshim_bridge_take_io(struct fuse_session *se);

#endif
