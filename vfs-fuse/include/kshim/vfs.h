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

/*
 * access(2) with the calling thread's credentials: @mask is R_OK, W_OK and
 * X_OK or'ed (the kernel's MAY_READ/WRITE/EXEC), 0 only asks for
 * existence.  0, -EACCES, -EROFS (W_OK on a read-only mount) or -EINVAL.
 */
int kshim_access(struct kshim_node *node, int mask);

/*
 * open flags are the O_* values of Linux (O_RDONLY, O_DIRECTORY, ...);
 * KSHIM_OPEN_EXEC (the kernel's __FMODE_EXEC, which exec(2) opens with and
 * FUSE passes on) asks for execute permission on a regular file as well.
 */
#define KSHIM_OPEN_EXEC 0x20
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

/* --- the write half (issue 4) ------------------------------------------- */

/*
 * The calling thread's umask, as current_umask() in the kernel: applied
 * by the VFS to new inodes' modes unless the parent directory carries a
 * default ACL (then the filesystem applies the ACL, as in the kernel).
 * Default 022.
 */
void kshim_set_umask(unsigned int umask);

/*
 * Namespace operations.  @name is one path component under @dir.  New
 * nodes come back referenced in *nodep (may be NULL when the caller does
 * not want it).  @mode carries the file type bits (S_IFREG, S_IFCHR, ...)
 * and the permission bits before the umask.  Errors are the syscalls':
 * -EEXIST, -ENOENT, -ENOTDIR, -EISDIR, -ENOTEMPTY, -EXDEV, -EMLINK,
 * -ENOSPC, -EROFS, -EACCES, -EPERM, -ENAMETOOLONG, -EIO.
 */
int kshim_mknod(struct kshim_node *dir, const char *name, unsigned int mode,
		unsigned int rdev_major, unsigned int rdev_minor,
		struct kshim_node **nodep);
int kshim_mkdir(struct kshim_node *dir, const char *name, unsigned int mode,
		struct kshim_node **nodep);
/* open(2) with O_CREAT: @flags are the open flags (O_EXCL honoured) */
int kshim_create(struct kshim_node *dir, const char *name, unsigned int mode,
		 int flags, struct kshim_node **nodep,
		 struct kshim_file **filep);
int kshim_symlink(struct kshim_node *dir, const char *name,
		  const char *target, struct kshim_node **nodep);
/* a new name @newname under @newdir for @node */
int kshim_link(struct kshim_node *node, struct kshim_node *newdir,
	       const char *newname, struct kshim_node **nodep);
int kshim_unlink(struct kshim_node *dir, const char *name);
int kshim_rmdir(struct kshim_node *dir, const char *name);

#define KSHIM_RENAME_NOREPLACE 0x1	/* = RENAME_NOREPLACE */
#define KSHIM_RENAME_EXCHANGE 0x2	/* = RENAME_EXCHANGE */
int kshim_rename(struct kshim_node *olddir, const char *oldname,
		 struct kshim_node *newdir, const char *newname,
		 unsigned int flags);

/* attribute changes: chmod, chown, truncate, utimensat */
#define KSHIM_SET_MODE 0x01
#define KSHIM_SET_UID 0x02
#define KSHIM_SET_GID 0x04
#define KSHIM_SET_SIZE 0x08
#define KSHIM_SET_ATIME 0x10	/* to atime_sec/nsec */
#define KSHIM_SET_MTIME 0x20	/* to mtime_sec/nsec */
#define KSHIM_SET_ATIME_NOW 0x40
#define KSHIM_SET_MTIME_NOW 0x80
#define KSHIM_SET_CTIME 0x100	/* to ctime_sec/nsec (FUSE may send it) */

struct kshim_setattr {
	unsigned int valid;	/* KSHIM_SET_* */
	unsigned int mode;	/* permission bits (and set-id, sticky) */
	unsigned int uid, gid;
	unsigned long long size;
	long long atime_sec, mtime_sec, ctime_sec;
	unsigned int atime_nsec, mtime_nsec, ctime_nsec;
};

/* @file may be NULL; when given (ftruncate), the change goes through it */
int kshim_setattr(struct kshim_node *node, struct kshim_file *file,
		  const struct kshim_setattr *attr);

/* setxattr(2) flags: 0, XATTR_CREATE (1) or XATTR_REPLACE (2) */
int kshim_setxattr(struct kshim_node *node, const char *name,
		   const void *value, unsigned long size, int flags);
int kshim_removexattr(struct kshim_node *node, const char *name);

/*
 * Data.  kshim_write() is pwrite(2) (a file opened O_APPEND writes at the
 * end whatever @offset says) and returns the bytes written or a negative
 * errno; a short count means the rest hit an error (-ENOSPC next time).
 * kshim_fsync() is fsync(2)/fdatasync(2): data, then metadata, on stable
 * storage.  kshim_flush() is close(2)'s error report (write errors not yet
 * seen through this file).  kshim_fallocate() is fallocate(2), -EOPNOTSUPP
 * where the driver has none.
 */
long kshim_write(struct kshim_file *file, const void *buf, unsigned long size,
		 long long offset);
int kshim_fsync(struct kshim_file *file, int datasync);
int kshim_flush(struct kshim_file *file);
/* 1 if the driver has ->flush for @file (close(2) has work to give it) */
int kshim_has_flush(struct kshim_file *file);
int kshim_fallocate(struct kshim_file *file, int mode, long long offset,
		    long long len);

/*
 * Memory: bound page cache plus slab to @bytes (0: no bound).  Above it,
 * clean folios are dropped least recently used first, dirty ones are
 * written back, the inode and dentry caches shrink.  The daemon's
 * -o mem=SIZE.
 */
int kshim_limit_memory(unsigned long long bytes);

#endif /* _KSHIM_VFS_H */
