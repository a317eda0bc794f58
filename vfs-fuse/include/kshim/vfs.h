/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The in-process VFS API: what the FUSE bridge, the tests and the fuzzers
 * call to drive a kernel filesystem driver.  Plain C types only, so both
 * worlds can include it; the implementation (vfs-fuse/api.c) is kernel
 * world.  Every function returns 0 or a negative errno unless it says
 * otherwise, and may be called from any number of threads at once.
 *
 * Nodes are referenced dentries: every call that hands out a node takes
 * one reference, kshim_node_put() drops references (FUSE forget maps onto
 * it).  Credentials are per thread: kshim_set_creds() makes the calling
 * thread act as that user, as current_cred() does in the kernel.
 */
#ifndef _KSHIM_VFS_H
#define _KSHIM_VFS_H


struct kshim_fs;	/* a mounted filesystem (its super block) */
struct kshim_node;	/* a referenced dentry */
struct kshim_file;	/* an open file or directory */

#define KSHIM_MOUNT_RDONLY 0x1

struct kshim_stat {
	unsigned long long ino;
	unsigned long long size;
	unsigned long long blocks;	/* 512-byte units */
	unsigned long long generation;
	unsigned int mode;
	unsigned int nlink;
	unsigned int uid;
	unsigned int gid;
	unsigned int rdev_major;
	unsigned int rdev_minor;
	unsigned int blksize;
	long long atime_sec, mtime_sec, ctime_sec;
	unsigned int atime_nsec, mtime_nsec, ctime_nsec;
};

struct kshim_statfs {
	unsigned long long blocks, bfree, bavail;
	unsigned long long files, ffree;
	unsigned long long fsid;
	unsigned int bsize, frsize, namelen, flags;
};

/* the driver's version string and the kernel sources it was built from */
const char *kshim_kernel_version(void);

/*
 * Mount @device (an image file or block device) with filesystem type
 * @fstype and driver options @options (may be NULL).  On failure the
 * driver's own messages have gone to standard error.
 */
int kshim_mount(const char *fstype, const char *device, int flags,
		const char *options, struct kshim_fs **fsp);
/* sync everything, release the root, put the super block */
int kshim_umount(struct kshim_fs *fs);
int kshim_sync(struct kshim_fs *fs);
int kshim_is_rdonly(struct kshim_fs *fs);

void kshim_set_creds(unsigned int uid, unsigned int gid,
		     unsigned int ngroups, const unsigned int *groups);

int kshim_root(struct kshim_fs *fs, struct kshim_node **nodep);
int kshim_lookup(struct kshim_fs *fs, struct kshim_node *dir,
		 const char *name, struct kshim_node **nodep);
/* resolve a '/'-separated path from the root, following no symlinks */
int kshim_lookup_path(struct kshim_fs *fs, const char *path,
		      struct kshim_node **nodep);
void kshim_node_get(struct kshim_node *node);
void kshim_node_put(struct kshim_node *node, unsigned long count);
int kshim_getattr(struct kshim_node *node, struct kshim_stat *st);
/* returns the target's length (not NUL-terminated) or a negative errno */
long kshim_readlink(struct kshim_node *node, char *buf, unsigned long size);
int kshim_statfs(struct kshim_fs *fs, struct kshim_statfs *st);

/* open flags are the O_* values of Linux (O_RDONLY, O_DIRECTORY, ...) */
int kshim_open(struct kshim_node *node, int flags, struct kshim_file **filep);
long kshim_read(struct kshim_file *file, void *buf, unsigned long size,
		long long offset);
int kshim_release(struct kshim_file *file);

/*
 * Directory reading.  The callback gets each entry with the position to
 * resume after it; returning non-zero stops the walk (the entry was not
 * consumed).  kshim_readdir returns 0 at the end or when stopped.
 */
typedef int (*kshim_filldir_t)(void *ctx, const char *name, unsigned long namelen,
			       unsigned long long ino, unsigned int dtype,
			       long long next_pos);
int kshim_readdir(struct kshim_file *dir, long long pos,
		  kshim_filldir_t filldir, void *ctx);

/* xattrs: return the value length, or a negative errno (-ERANGE, -ENODATA) */
long kshim_getxattr(struct kshim_node *node, const char *name, void *buf,
		    unsigned long size);
long kshim_listxattr(struct kshim_node *node, char *buf, unsigned long size);

/* the node's identity for FUSE: inode number and generation */
unsigned long long kshim_node_ino(struct kshim_node *node);

#endif /* _KSHIM_VFS_H */
