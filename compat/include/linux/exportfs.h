/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * File handles (NFS export operations).  kshim exports nothing over NFS
 * but the FUSE bridge may resolve handles through them; the generic
 * decoders (VFS) handle FILEID_INO32_GEN(_PARENT) handles.
 */
#ifndef LINUX_EXPORTFS_H
#define LINUX_EXPORTFS_H

#include <linux/types.h>

struct dentry;
struct iattr;
struct inode;
struct iomap;
struct super_block;
struct vfsmount;

enum fid_type {
	FILEID_ROOT = 0,
	FILEID_INO32_GEN = 1,
	FILEID_INO32_GEN_PARENT = 2,
	FILEID_INO64_GEN = 0x81,
	FILEID_INO64_GEN_PARENT = 0x82,
	FILEID_INVALID = 0xff,
};

struct fid {
	union {
		struct {
			u32 ino;
			u32 gen;
			u32 parent_ino;
			u32 parent_gen;
		} i32;
		struct {
			u64 ino;
			u32 gen;
		} __packed i64;
		__u32 raw[0];
	};
};

#define EXPORT_OP_NOWCC (0x1)
#define EXPORT_OP_NOSUBTREECHK (0x2)
#define EXPORT_OP_CLOSE_BEFORE_UNLINK (0x4)
#define EXPORT_OP_REMOTE_FS (0x8)
#define EXPORT_OP_NOATOMIC_ATTR (0x10)
#define EXPORT_OP_FLUSH_ON_CLOSE (0x20)
#define EXPORT_OP_ASYNC_LOCK (0x40)
#define EXPORT_OP_NOLOCKS (0x80)

struct export_operations {
	int (*encode_fh)(struct inode *inode, __u32 *fh, int *max_len,
			 struct inode *parent);
	struct dentry *(*fh_to_dentry)(struct super_block *sb, struct fid *fid,
				       int fh_len, int fh_type);
	struct dentry *(*fh_to_parent)(struct super_block *sb, struct fid *fid,
				       int fh_len, int fh_type);
	int (*get_name)(struct dentry *parent, char *name,
			struct dentry *child);
	struct dentry *(*get_parent)(struct dentry *child);
	int (*commit_metadata)(struct inode *inode);
	int (*get_uuid)(struct super_block *sb, u8 *buf, u32 *len,
			u64 *offset);
	int (*map_blocks)(struct inode *inode, loff_t offset, u64 len,
			  struct iomap *iomap, bool write,
			  u32 *device_generation);
	int (*commit_blocks)(struct inode *inode, struct iomap *iomaps,
			     int nr_iomaps, struct iattr *iattr);
	unsigned long flags;
};

int generic_encode_ino32_fh(struct inode *inode, __u32 *fh, int *max_len,
			    struct inode *parent);
struct dentry *generic_fh_to_dentry(struct super_block *sb, struct fid *fid,
				    int fh_len, int fh_type,
				    struct inode *(*get_inode)(struct super_block *sb,
							       u64 ino, u32 gen));
struct dentry *generic_fh_to_parent(struct super_block *sb, struct fid *fid,
				    int fh_len, int fh_type,
				    struct inode *(*get_inode)(struct super_block *sb,
							       u64 ino, u32 gen));

#endif /* LINUX_EXPORTFS_H */
