// SPDX-License-Identifier: GPL-2.0-only
/*
 * fsexercise: a model-based random exerciser of the write path, in the
 * spirit of fsx and fsstress.  Host world.
 *
 *   fsexercise --kshim IMAGE --fstype ext2|minix [options]   (in-process)
 *   fsexercise --posix DIR [options]                 (syscalls, e.g. FUSE)
 *
 * Each worker thread owns a subtree w<i>/ and a random generator seeded
 * from --seed and its index, so one worker's sequence of operations is the
 * same whatever the threads' interleaving.  Every operation (create, write
 * and pwrite, truncate, rename, link, unlink, mkdir, rmdir, symlink, chmod,
 * utimens, xattrs, fsync, reads, long-lived open handles) is applied to the
 * filesystem and to an in-memory model of the subtree; the return code
 * must be the one the syscall gives (0 or the exact errno the kernel's
 * namei/attr code yields in that situation), then the touched objects are
 * compared with the model: stat fields, data, link targets, xattrs and
 * directory listings.  The whole subtree is compared every --verify-every
 * steps, at the end, and (in-process) after each unmount and remount.
 *
 * On a mismatch it prints the seed, worker, step, the operation, expected
 * and actual values and the worker's last operations, and exits 1.
 * --dump writes the final model as a manifest (tests/vfs/kshimtest.py's
 * format) for comparison with another reader of the image.
 *
 * The model keeps what the kernel guarantees: hard links share one inode;
 * a directory's link count is 2 plus its subdirectories; mode bits come
 * masked by the umask, a set-gid directory passes its set-gid bit on;
 * times have the filesystem's granularity and range (clamped, not
 * refused); data written at any offset reads back, holes read as zeroes;
 * an unlinked file stays usable through an open handle.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include <kshim/runtime.h>
#include <kshim/vfs.h>

#include "../common/manifest-format.h"

#define PATH_BUF	4096
#define PATH_LIMIT	3000	/* longest path an operation may produce */
#define MAX_WORKERS	32
#define MAX_HANDLES	3
#define MAX_XATTRS	4
#define XATTR_VAL_MAX	100
#define HISTORY		20
#define OP_TEXT		480
#define PAGE		4096ULL
#define IO_CHUNK	(64 * 1024)

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* ---- what the filesystem under test can do --------------------------- */

struct profile {
	const char *name;
	int xattrs;			/* user.* xattrs on files and dirs */
	unsigned int namemax;
	unsigned int link_max;		/* s_max_links; 0: no limit to model */
	long long time_min, time_max;	/* timestamps are clamped to this */
	unsigned int time_gran;		/* ns; 1e9 = whole seconds */
	long long efbig_offset;		/* an offset past s_maxbytes; 0: none */
	unsigned int symlink_max;	/* longest target used */
	int exchange;			/* RENAME_EXCHANGE is supported */
};

static const struct profile profiles[] = {
	{ "ext2", 1, 255, 32000, INT32_MIN, INT32_MAX, 1000000000, 1LL << 50, 1000 },
	{ "minix", 0, 30, 250, 0, UINT32_MAX, 1000000000, 1LL << 50, 1000 },
	/* a host filesystem (tmpfs, ext4): the model's own self-test */
	{ "host", 1, 255, 0, 0, 0, 1, 0, 1000, 1 },
};

/* ---- options and global state ----------------------------------------- */

static struct {
	const char *image, *fstype, *mount_opts, *posix_dir, *dump;
	unsigned long long seed;
	unsigned long ops;
	unsigned int workers, files, remount_every, verify_every;
	unsigned long long budget, max_file;
	struct profile prof;
	int quiet;
	int argc;
	char **argv;
} opt = {
	.seed = 1, .ops = 1000, .workers = 1, .files = 300, .verify_every = 100,
	.budget = 24ULL << 20, .max_file = 6ULL << 20,
};

static const unsigned int umask_bits = 022;

/* ---- the backend: the same operations in-process or through syscalls --- */

struct xstat {
	unsigned long long ino, size;
	unsigned int mode, nlink, uid, gid;
	long long mtime_sec;
	unsigned int mtime_nsec;
};

struct bhandle {
	struct kshim_file *kf;
	struct kshim_node *kn;
	int fd;
};

struct dirlist {
	struct dirent_x {
		char *name;
		unsigned long long ino;
		unsigned int dtype;
	} *ents;
	unsigned int n, cap;
};

struct backend {
	const char *name;
	int (*stat)(const char *path, struct xstat *st);
	int (*create)(const char *path, unsigned int mode, int flags);
	int (*mkdir)(const char *path, unsigned int mode);
	int (*symlink)(const char *target, const char *path);
	int (*link)(const char *oldpath, const char *newpath);
	int (*unlink)(const char *path);
	int (*rmdir)(const char *path);
	int (*rename)(const char *oldpath, const char *newpath, unsigned int flags);
	int (*truncate)(const char *path, long long size);
	int (*chmod)(const char *path, unsigned int mode);
	/* times[i].tv_nsec may be UTIME_NOW */
	int (*utimens)(const char *path, const struct timespec times[2]);
	int (*setxattr)(const char *path, const char *name, const void *val,
			size_t size, int flags);
	int (*removexattr)(const char *path, const char *name);
	long (*getxattr)(const char *path, const char *name, void *buf, size_t size);
	long (*listxattr)(const char *path, char *buf, size_t size);
	long (*readlink)(const char *path, char *buf, size_t size);
	int (*readdir)(const char *path, struct dirlist *out);
	int (*open)(const char *path, int flags, struct bhandle *h);
	long (*pwrite)(struct bhandle *h, const void *buf, size_t size, long long off);
	long (*pread)(struct bhandle *h, void *buf, size_t size, long long off);
	int (*ftruncate)(struct bhandle *h, long long size);
	int (*fsync)(struct bhandle *h, int datasync);
	int (*close)(struct bhandle *h);
};

static const struct backend *B;

static void dirlist_add(struct dirlist *l, const char *name, size_t len,
			unsigned long long ino, unsigned int dtype)
{
	if ((len == 1 && name[0] == '.') || (len == 2 && !memcmp(name, "..", 2)))
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->ents = realloc(l->ents, l->cap * sizeof(*l->ents));
		if (!l->ents)
			abort();
	}
	l->ents[l->n].name = strndup(name, len);
	l->ents[l->n].ino = ino;
	l->ents[l->n].dtype = dtype;
	l->n++;
}

static void dirlist_free(struct dirlist *l)
{
	unsigned int i;

	for (i = 0; i < l->n; i++)
		free(l->ents[i].name);
	free(l->ents);
	memset(l, 0, sizeof(*l));
}

/*
 * One pwrite from @src (@writing) or pread into @dst of a backend: the
 * bytes moved, or -errno.
 */
typedef long (*io_call_fn)(struct bhandle *h, bool writing, const char *src,
			   char *dst, size_t size, long long off);

/*
 * Repeat @io until @size bytes, end of file or an error: the bytes moved,
 * or the error when none moved (what a full pwrite/pread loop sees).
 */
static long transfer_all(io_call_fn io, struct bhandle *h, bool writing,
			 const char *src, char *dst, size_t size, long long off)
{
	size_t done = 0;

	while (done < size) {
		long r = io(h, writing, writing ? src + done : NULL,
			    writing ? NULL : dst + done, size - done, off + done);

		if (r < 0)
			return done ? (long)done : r;
		if (r == 0)
			break;
		done += r;
	}
	return done;
}

/* -- in-process: the kshim/vfs.h API -- */

static struct kshim_fs *kfs;

static int k_node(const char *path, struct kshim_node **np)
{
	if (!*path)
		return kshim_root(kfs, np);
	return kshim_lookup_path(kfs, path, np);
}

/* the parent directory's node and the last component of @path */
static int k_parent(const char *path, struct kshim_node **dirp,
		    const char **namep)
{
	const char *slash = strrchr(path, '/');
	char parent[PATH_BUF];

	if (!slash) {
		*namep = path;
		return kshim_root(kfs, dirp);
	}
	memcpy(parent, path, slash - path);
	parent[slash - path] = '\0';
	*namep = slash + 1;
	return kshim_lookup_path(kfs, parent, dirp);
}

static int k_stat(const char *path, struct xstat *st)
{
	struct kshim_node *n;
	struct kshim_stat ks;
	int err = k_node(path, &n);

	if (err)
		return err;
	err = kshim_getattr(n, &ks);
	kshim_node_put(n, 1);
	if (err)
		return err;
	st->ino = ks.ino;
	st->size = ks.size;
	st->mode = ks.mode;
	st->nlink = ks.nlink;
	st->uid = ks.uid;
	st->gid = ks.gid;
	st->mtime_sec = ks.mtime_sec;
	st->mtime_nsec = ks.mtime_nsec;
	return 0;
}

static int k_create(const char *path, unsigned int mode, int flags)
{
	struct kshim_node *dir;
	struct kshim_file *f = NULL;
	const char *name;
	int err = k_parent(path, &dir, &name);

	if (err)
		return err;
	err = kshim_create(dir, name, S_IFREG | mode, O_CREAT | O_WRONLY | flags,
			   NULL, &f);
	kshim_node_put(dir, 1);
	if (err)
		return err;
	err = kshim_flush(f);
	if (kshim_release(f) && !err)
		err = -EIO;
	return err;
}

static int k_mkdir(const char *path, unsigned int mode)
{
	struct kshim_node *dir;
	const char *name;
	int err = k_parent(path, &dir, &name);

	if (err)
		return err;
	err = kshim_mkdir(dir, name, S_IFDIR | mode, NULL);
	kshim_node_put(dir, 1);
	return err;
}

static int k_symlink(const char *target, const char *path)
{
	struct kshim_node *dir;
	const char *name;
	int err = k_parent(path, &dir, &name);

	if (err)
		return err;
	err = kshim_symlink(dir, name, target, NULL);
	kshim_node_put(dir, 1);
	return err;
}

static int k_link(const char *oldpath, const char *newpath)
{
	struct kshim_node *node, *dir;
	const char *name;
	int err = k_node(oldpath, &node);

	if (err)
		return err;
	err = k_parent(newpath, &dir, &name);
	if (!err) {
		err = kshim_link(node, dir, name, NULL);
		kshim_node_put(dir, 1);
	}
	kshim_node_put(node, 1);
	return err;
}

static int k_remove(const char *path, int is_dir)
{
	struct kshim_node *dir;
	const char *name;
	int err = k_parent(path, &dir, &name);

	if (err)
		return err;
	err = is_dir ? kshim_rmdir(dir, name) : kshim_unlink(dir, name);
	kshim_node_put(dir, 1);
	return err;
}

static int k_unlink(const char *path)
{
	return k_remove(path, 0);
}

static int k_rmdir(const char *path)
{
	return k_remove(path, 1);
}

static int k_rename(const char *oldpath, const char *newpath, unsigned int flags)
{
	struct kshim_node *odir, *ndir;
	const char *oname, *nname;
	int err = k_parent(oldpath, &odir, &oname);

	if (err)
		return err;
	err = k_parent(newpath, &ndir, &nname);
	if (!err) {
		err = kshim_rename(odir, oname, ndir, nname, flags);
		kshim_node_put(ndir, 1);
	}
	kshim_node_put(odir, 1);
	return err;
}

static int k_setattr_path(const char *path, const struct kshim_setattr *a)
{
	struct kshim_node *n;
	int err = k_node(path, &n);

	if (err)
		return err;
	err = kshim_setattr(n, NULL, a);
	kshim_node_put(n, 1);
	return err;
}

static int k_truncate(const char *path, long long size)
{
	struct kshim_setattr a = { .valid = KSHIM_SET_SIZE, .size = size };

	return k_setattr_path(path, &a);
}

static int k_chmod(const char *path, unsigned int mode)
{
	struct kshim_setattr a = { .valid = KSHIM_SET_MODE, .mode = mode };

	return k_setattr_path(path, &a);
}

static int k_utimens(const char *path, const struct timespec t[2])
{
	struct kshim_setattr a = { 0 };

	if (t[0].tv_nsec == UTIME_NOW) {
		a.valid |= KSHIM_SET_ATIME_NOW;
	} else {
		a.valid |= KSHIM_SET_ATIME;
		a.atime_sec = t[0].tv_sec;
		a.atime_nsec = t[0].tv_nsec;
	}
	if (t[1].tv_nsec == UTIME_NOW) {
		a.valid |= KSHIM_SET_MTIME_NOW;
	} else {
		a.valid |= KSHIM_SET_MTIME;
		a.mtime_sec = t[1].tv_sec;
		a.mtime_nsec = t[1].tv_nsec;
	}
	return k_setattr_path(path, &a);
}

static int k_setxattr(const char *path, const char *name, const void *val,
		      size_t size, int flags)
{
	struct kshim_node *n;
	int err = k_node(path, &n);

	if (err)
		return err;
	err = kshim_setxattr(n, name, val, size, flags);
	kshim_node_put(n, 1);
	return err;
}

static int k_removexattr(const char *path, const char *name)
{
	struct kshim_node *n;
	int err = k_node(path, &n);

	if (err)
		return err;
	err = kshim_removexattr(n, name);
	kshim_node_put(n, 1);
	return err;
}

static long k_getxattr(const char *path, const char *name, void *buf, size_t size)
{
	struct kshim_node *n;
	long r = k_node(path, &n);

	if (r)
		return r;
	r = kshim_getxattr(n, name, buf, size);
	kshim_node_put(n, 1);
	return r;
}

static long k_listxattr(const char *path, char *buf, size_t size)
{
	struct kshim_node *n;
	long r = k_node(path, &n);

	if (r)
		return r;
	r = kshim_listxattr(n, buf, size);
	kshim_node_put(n, 1);
	return r;
}

static long k_readlink(const char *path, char *buf, size_t size)
{
	struct kshim_node *n;
	long r = k_node(path, &n);

	if (r)
		return r;
	r = kshim_readlink(n, buf, size);
	kshim_node_put(n, 1);
	return r;
}

static int k_filldir(void *ctx, const char *name, unsigned long namelen,
		     unsigned long long ino, unsigned int dtype, long long next_pos)
{
	(void)next_pos;
	dirlist_add(ctx, name, namelen, ino, dtype);
	return 0;
}

static int k_readdir(const char *path, struct dirlist *out)
{
	struct kshim_node *n;
	struct kshim_file *f;
	int err = k_node(path, &n);

	if (err)
		return err;
	err = kshim_open(n, O_RDONLY | O_DIRECTORY, &f);
	kshim_node_put(n, 1);
	if (err)
		return err;
	err = kshim_readdir(f, 0, k_filldir, out);
	if (kshim_release(f) && !err)
		err = -EIO;
	return err;
}

static int k_open(const char *path, int flags, struct bhandle *h)
{
	int err = k_node(path, &h->kn);

	if (err)
		return err;
	err = kshim_open(h->kn, flags, &h->kf);
	if (err)
		kshim_node_put(h->kn, 1);
	return err;
}

static long k_io(struct bhandle *h, bool writing, const char *src, char *dst,
		 size_t size, long long off)
{
	return writing ? kshim_write(h->kf, src, size, off)
		       : kshim_read(h->kf, dst, size, off);
}

static long k_pwrite(struct bhandle *h, const void *buf, size_t size, long long off)
{
	return transfer_all(k_io, h, true, buf, NULL, size, off);
}

static long k_pread(struct bhandle *h, void *buf, size_t size, long long off)
{
	return transfer_all(k_io, h, false, NULL, buf, size, off);
}

static int k_ftruncate(struct bhandle *h, long long size)
{
	struct kshim_setattr a = { .valid = KSHIM_SET_SIZE, .size = size };

	return kshim_setattr(h->kn, h->kf, &a);
}

static int k_fsync(struct bhandle *h, int datasync)
{
	return kshim_fsync(h->kf, datasync);
}

static int k_close(struct bhandle *h)
{
	int err = kshim_flush(h->kf);
	int err2 = kshim_release(h->kf);

	kshim_node_put(h->kn, 1);
	return err ? err : err2;
}

static const struct backend kshim_backend = {
	"kshim", k_stat, k_create, k_mkdir, k_symlink, k_link, k_unlink, k_rmdir,
	k_rename, k_truncate, k_chmod, k_utimens, k_setxattr, k_removexattr,
	k_getxattr, k_listxattr, k_readlink, k_readdir, k_open, k_pwrite, k_pread,
	k_ftruncate, k_fsync, k_close,
};

/* -- syscalls under a directory (a FUSE mount, or a host directory) -- */

static int rootfd = -1;

static int neg(long r)
{
	return r < 0 ? -errno : 0;
}

static void full_path(const char *path, char *buf)
{
	snprintf(buf, PATH_BUF + 256, "%s/%s", opt.posix_dir, path);
}

static int p_stat(const char *path, struct xstat *st)
{
	struct stat s;

	if (fstatat(rootfd, path, &s, AT_SYMLINK_NOFOLLOW))
		return -errno;
	st->ino = s.st_ino;
	st->size = s.st_size;
	st->mode = s.st_mode;
	st->nlink = s.st_nlink;
	st->uid = s.st_uid;
	st->gid = s.st_gid;
	st->mtime_sec = s.st_mtim.tv_sec;
	st->mtime_nsec = s.st_mtim.tv_nsec;
	return 0;
}

static int p_create(const char *path, unsigned int mode, int flags)
{
	int fd = openat(rootfd, path, O_CREAT | O_WRONLY | O_NOFOLLOW | flags, mode);

	if (fd < 0)
		return -errno;
	return neg(close(fd));
}

static int p_mkdir(const char *path, unsigned int mode)
{
	return neg(mkdirat(rootfd, path, mode));
}

static int p_symlink(const char *target, const char *path)
{
	return neg(symlinkat(target, rootfd, path));
}

static int p_link(const char *oldpath, const char *newpath)
{
	return neg(linkat(rootfd, oldpath, rootfd, newpath, 0));
}

static int p_unlink(const char *path)
{
	return neg(unlinkat(rootfd, path, 0));
}

static int p_rmdir(const char *path)
{
	return neg(unlinkat(rootfd, path, AT_REMOVEDIR));
}

static int p_rename(const char *oldpath, const char *newpath, unsigned int flags)
{
	return neg(renameat2(rootfd, oldpath, rootfd, newpath, flags));
}

static int p_truncate(const char *path, long long size)
{
	char full[PATH_BUF + 256];

	full_path(path, full);
	return neg(truncate(full, size));
}

static int p_chmod(const char *path, unsigned int mode)
{
	return neg(fchmodat(rootfd, path, mode, 0));
}

static int p_utimens(const char *path, const struct timespec t[2])
{
	return neg(utimensat(rootfd, path, t, AT_SYMLINK_NOFOLLOW));
}

static int p_setxattr(const char *path, const char *name, const void *val,
		      size_t size, int flags)
{
	char full[PATH_BUF + 256];

	full_path(path, full);
	return neg(lsetxattr(full, name, val, size, flags));
}

static int p_removexattr(const char *path, const char *name)
{
	char full[PATH_BUF + 256];

	full_path(path, full);
	return neg(lremovexattr(full, name));
}

static long p_getxattr(const char *path, const char *name, void *buf, size_t size)
{
	char full[PATH_BUF + 256];
	long r;

	full_path(path, full);
	r = lgetxattr(full, name, buf, size);
	return r < 0 ? -errno : r;
}

static long p_listxattr(const char *path, char *buf, size_t size)
{
	char full[PATH_BUF + 256];
	long r;

	full_path(path, full);
	r = llistxattr(full, buf, size);
	return r < 0 ? -errno : r;
}

static long p_readlink(const char *path, char *buf, size_t size)
{
	long r = readlinkat(rootfd, path, buf, size);

	return r < 0 ? -errno : r;
}

static int p_readdir(const char *path, struct dirlist *out)
{
	int fd = openat(rootfd, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	struct dirent *de;
	DIR *d;

	if (fd < 0)
		return -errno;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -errno;
	}
	errno = 0;
	while ((de = readdir(d)))
		dirlist_add(out, de->d_name, strlen(de->d_name), de->d_ino,
			    de->d_type);
	if (errno) {
		int err = -errno;

		closedir(d);
		return err;
	}
	return neg(closedir(d));
}

static int p_open(const char *path, int flags, struct bhandle *h)
{
	h->fd = openat(rootfd, path, flags | O_NOFOLLOW);
	return h->fd < 0 ? -errno : 0;
}

static long p_io(struct bhandle *h, bool writing, const char *src, char *dst,
		 size_t size, long long off)
{
	ssize_t r = writing ? pwrite(h->fd, src, size, off)
			    : pread(h->fd, dst, size, off);

	return r < 0 ? -errno : r;
}

static long p_pwrite(struct bhandle *h, const void *buf, size_t size, long long off)
{
	return transfer_all(p_io, h, true, buf, NULL, size, off);
}

static long p_pread(struct bhandle *h, void *buf, size_t size, long long off)
{
	return transfer_all(p_io, h, false, NULL, buf, size, off);
}

static int p_ftruncate(struct bhandle *h, long long size)
{
	return neg(ftruncate(h->fd, size));
}

static int p_fsync(struct bhandle *h, int datasync)
{
	return neg(datasync ? fdatasync(h->fd) : fsync(h->fd));
}

static int p_close(struct bhandle *h)
{
	return neg(close(h->fd));
}

static const struct backend posix_backend = {
	"posix", p_stat, p_create, p_mkdir, p_symlink, p_link, p_unlink, p_rmdir,
	p_rename, p_truncate, p_chmod, p_utimens, p_setxattr, p_removexattr,
	p_getxattr, p_listxattr, p_readlink, p_readdir, p_open, p_pwrite, p_pread,
	p_ftruncate, p_fsync, p_close,
};

/* ---- the model ---------------------------------------------------------- */

enum mtime_state { MT_EXACT, MT_RANGE, MT_ANY };

struct m_xattr {
	char name[32];
	unsigned char val[XATTR_VAL_MAX];
	unsigned int len;
};

struct m_dentry;

struct m_inode {
	unsigned int type;		/* S_IFREG, S_IFDIR or S_IFLNK */
	unsigned int perm;		/* mode & 07777 */
	unsigned int uid, gid, nlink;
	unsigned int handles;		/* open handles on it */
	unsigned long long ino;		/* 0 until first seen */
	/* regular files: contents, and 4 KiB pages ever written (space used) */
	unsigned char *data;
	unsigned long long size;
	size_t cap;
	unsigned char *written;
	size_t written_bytes;
	unsigned long long pages;
	/* symlinks */
	char *target;
	/* directories: entries, and the directory's one name */
	struct m_dentry **kids;
	unsigned int nkids, capkids;
	struct m_dentry *self;
	/* mtime: known exactly, known to lie in [lo, hi], or not known */
	int mt_state;
	long long mt_sec, mt_lo, mt_hi;
	unsigned int mt_nsec;
	struct m_xattr xattrs[MAX_XATTRS];
	unsigned int nxattrs;
};

struct m_dentry {
	char *name;
	struct m_inode *inode;
	struct m_inode *parent;		/* NULL for a worker's top directory */
	unsigned int slot;		/* index in the worker's entry list */
};

struct handle {
	struct bhandle bh;
	struct m_inode *inode;
	int append;
	char path[PATH_BUF];		/* where it was opened */
};

enum op_kind {
	OP_CREATE, OP_WRITE, OP_TRUNCATE, OP_RENAME, OP_LINK, OP_UNLINK,
	OP_MKDIR, OP_RMDIR, OP_SYMLINK, OP_CHMOD, OP_UTIMENS, OP_SETXATTR,
	OP_RMXATTR, OP_FSYNC, OP_READ, OP_OPEN, OP_CLOSE, OP_HANDLE_IO,
	OP_LOOKUP_MISSING, NR_OPS
};

static const char *const op_names[NR_OPS] = {
	"create", "write", "truncate", "rename", "link", "unlink", "mkdir",
	"rmdir", "symlink", "chmod", "utimens", "setxattr", "removexattr",
	"fsync", "read", "open", "close", "handle-io", "lookup-missing",
};

static const unsigned int op_weights[NR_OPS] = {
	[OP_CREATE] = 10, [OP_WRITE] = 18, [OP_TRUNCATE] = 7, [OP_RENAME] = 9,
	[OP_LINK] = 4, [OP_UNLINK] = 6, [OP_MKDIR] = 5, [OP_RMDIR] = 3,
	[OP_SYMLINK] = 3, [OP_CHMOD] = 3, [OP_UTIMENS] = 3, [OP_SETXATTR] = 4,
	[OP_RMXATTR] = 2, [OP_FSYNC] = 2, [OP_READ] = 5, [OP_OPEN] = 2,
	[OP_CLOSE] = 2, [OP_HANDLE_IO] = 6, [OP_LOOKUP_MISSING] = 2,
};

struct worker {
	int id;
	uint64_t rng;
	unsigned long step;
	struct m_inode *top;
	struct m_dentry **ents;
	unsigned int nents, capents;
	struct handle handles[MAX_HANDLES];
	unsigned int nhandles;
	unsigned long long used;	/* estimated bytes of data blocks */
	unsigned long long budget;
	unsigned int max_entries;
	long long t_lo;			/* clock before the current op */
	char op[OP_TEXT];
	char history[HISTORY][OP_TEXT];
	unsigned long nhistory;
	unsigned long counts[NR_OPS];
	unsigned long failures_expected; /* ops that had to fail, and did */
	unsigned char *readbuf, *writebuf;
	pthread_t thread;
};

static struct worker workers[MAX_WORKERS];
static pthread_barrier_t round_barrier;

/* ---- randomness: splitmix64, one stream per worker ---------------------- */

static uint64_t next64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned long long rnd(struct worker *w, unsigned long long n)
{
	return n ? next64(&w->rng) % n : 0;
}

static int chance(struct worker *w, unsigned int percent)
{
	return rnd(w, 100) < percent;
}

/* ---- reporting ---------------------------------------------------------- */

static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *errname(long e)
{
	static __thread char bufs[4][64];
	static __thread unsigned int next;
	char *buf = bufs[next++ % 4];
	static const struct { int e; const char *n; } names[] = {
		{ ENOENT, "ENOENT" }, { EEXIST, "EEXIST" }, { ENOTDIR, "ENOTDIR" },
		{ EISDIR, "EISDIR" }, { ENOTEMPTY, "ENOTEMPTY" }, { EINVAL, "EINVAL" },
		{ EPERM, "EPERM" }, { EMLINK, "EMLINK" }, { ENOSPC, "ENOSPC" },
		{ ENODATA, "ENODATA" }, { EOPNOTSUPP, "EOPNOTSUPP" }, { EIO, "EIO" },
		{ ENAMETOOLONG, "ENAMETOOLONG" }, { EFBIG, "EFBIG" }, { EROFS, "EROFS" },
		{ ENOSYS, "ENOSYS" }, { EACCES, "EACCES" }, { ERANGE, "ERANGE" },
		{ EXDEV, "EXDEV" }, { EBADF, "EBADF" }, { EBUSY, "EBUSY" },
	};
	size_t i;

	if (e >= 0) {
		snprintf(buf, 64, "%ld", e);
		return buf;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].e == -e) {
			snprintf(buf, 64, "-%s", names[i].n);
			return buf;
		}
	snprintf(buf, 64, "-%ld (%s)", -e, strerror(-e));
	return buf;
}

static void print_command(FILE *out)
{
	int i;

	fprintf(out, "  reproduce:");
	for (i = 0; i < opt.argc; i++)
		fprintf(out, " %s", opt.argv[i]);
	fprintf(out, "   (seed %llu)\n", opt.seed);
}

static __attribute__((format(printf, 2, 3), noreturn))
void fail(struct worker *w, const char *fmt, ...)
{
	unsigned long i, first;
	va_list ap;

	pthread_mutex_lock(&report_lock);
	fprintf(stderr, "fsexercise: MISMATCH seed=%llu worker=%d step=%lu\n",
		opt.seed, w->id, w->step);
	fprintf(stderr, "  op: %s\n  ", w->op);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n  worker %d's previous operations, oldest first:\n", w->id);
	first = w->nhistory > HISTORY ? w->nhistory - HISTORY : 0;
	for (i = first; i < w->nhistory; i++)
		fprintf(stderr, "    %s\n", w->history[i % HISTORY]);
	print_command(stderr);
	fflush(stderr);
	fflush(stdout);
	_exit(1);
}

static __attribute__((format(printf, 2, 3)))
void op_begin(struct worker *w, const char *fmt, ...)
{
	struct timespec now;
	va_list ap;

	if (w->op[0]) {
		memcpy(w->history[w->nhistory % HISTORY], w->op, OP_TEXT);
		w->nhistory++;
	}
	va_start(ap, fmt);
	vsnprintf(w->op, sizeof(w->op), fmt, ap);
	va_end(ap);
	/*
	 * The kernel stamps times from a coarse clock that may lag the
	 * precise one by a tick: allow one second either side.
	 */
	clock_gettime(CLOCK_REALTIME, &now);
	w->t_lo = now.tv_sec - 1;
}

static void expect_rc(struct worker *w, const char *what, long want, long got)
{
	if (want != got)
		fail(w, "%s: expected %s, got %s", what, errname(want),
		     errname(got));
	if (want < 0)
		w->failures_expected++;
}

/* ---- model helpers ------------------------------------------------------ */

static void *xzalloc(size_t size)
{
	void *p = calloc(1, size);

	if (!p)
		abort();
	return p;
}

static void mark_now(struct worker *w, struct m_inode *in)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	in->mt_state = MT_RANGE;
	in->mt_lo = w->t_lo;
	in->mt_hi = now.tv_sec + 1;
}

static struct m_inode *new_inode(struct worker *w, unsigned int type,
				 unsigned int perm)
{
	struct m_inode *in = xzalloc(sizeof(*in));

	in->type = type;
	in->perm = perm;
	in->nlink = type == S_IFDIR ? 2 : 1;
	mark_now(w, in);
	return in;
}

static void free_inode(struct worker *w, struct m_inode *in)
{
	w->used -= in->pages * PAGE;
	free(in->data);
	free(in->written);
	free(in->target);
	free(in->kids);
	free(in);
}

static struct m_dentry *m_lookup(struct m_inode *dir, const char *name)
{
	unsigned int i;

	for (i = 0; i < dir->nkids; i++)
		if (!strcmp(dir->kids[i]->name, name))
			return dir->kids[i];
	return NULL;
}

static struct m_dentry *m_attach(struct worker *w, struct m_inode *dir,
				 const char *name, struct m_inode *in)
{
	struct m_dentry *d = xzalloc(sizeof(*d));

	d->name = strdup(name);
	d->inode = in;
	d->parent = dir;
	if (dir->nkids == dir->capkids) {
		dir->capkids = dir->capkids ? 2 * dir->capkids : 8;
		dir->kids = realloc(dir->kids, dir->capkids * sizeof(*dir->kids));
	}
	dir->kids[dir->nkids++] = d;
	if (w->nents == w->capents) {
		w->capents = w->capents ? 2 * w->capents : 64;
		w->ents = realloc(w->ents, w->capents * sizeof(*w->ents));
	}
	if (!d->name || !dir->kids || !w->ents)
		abort();
	d->slot = w->nents;
	w->ents[w->nents++] = d;
	if (in->type == S_IFDIR)
		in->self = d;
	return d;
}

/* take @d out of its directory and the entry list; the inode is kept */
static void m_detach(struct worker *w, struct m_dentry *d)
{
	struct m_inode *dir = d->parent;
	unsigned int i;

	for (i = 0; i < dir->nkids; i++)
		if (dir->kids[i] == d) {
			dir->kids[i] = dir->kids[--dir->nkids];
			break;
		}
	w->ents[d->slot] = w->ents[--w->nents];
	w->ents[d->slot]->slot = d->slot;
}

/* a name went away: drop the link, free the inode when nothing holds it */
static void m_drop_link(struct worker *w, struct m_inode *in)
{
	if (in->type == S_IFDIR)
		in->nlink = 0;
	else
		in->nlink--;
	if (!in->nlink && !in->handles)
		free_inode(w, in);
}

static int path_of_dir(const struct m_inode *dir, char *buf, size_t size);

static int path_of(const struct m_dentry *d, char *buf, size_t size)
{
	int n = 0;

	if (d->parent) {
		n = path_of_dir(d->parent, buf, size);
		n += snprintf(buf + n, n < (int)size ? size - n : 0, "/");
	}
	n += snprintf(buf + n, n < (int)size ? size - n : 0, "%s", d->name);
	return n;
}

static int path_of_dir(const struct m_inode *dir, char *buf, size_t size)
{
	return path_of(dir->self, buf, size);
}

static int child_path(const struct m_inode *dir, const char *name, char *buf)
{
	int n = path_of_dir(dir, buf, PATH_BUF);

	return n + snprintf(buf + n, n < PATH_BUF ? PATH_BUF - n : 0, "/%s", name);
}

/* is @dir @anc or below it? */
static int in_subtree(const struct m_inode *dir, const struct m_inode *anc)
{
	for (; dir; dir = dir->self->parent)
		if (dir == anc)
			return 1;
	return 0;
}

/* the longest path below @dir, relative to it */
static int subtree_depth_len(const struct m_inode *dir)
{
	unsigned int i;
	int best = 0;

	for (i = 0; i < dir->nkids; i++) {
		const struct m_dentry *d = dir->kids[i];
		int len = 1 + (int)strlen(d->name);

		if (d->inode->type == S_IFDIR)
			len += subtree_depth_len(d->inode);
		if (len > best)
			best = len;
	}
	return best;
}

static void ensure_cap(struct m_inode *in, unsigned long long size)
{
	size_t pages_bytes = (size + PAGE - 1) / PAGE / 8 + 1;

	if (size > in->cap) {
		size_t cap = in->cap ? in->cap : 4096;

		while (cap < size)
			cap *= 2;
		in->data = realloc(in->data, cap);
		if (!in->data)
			abort();
		in->cap = cap;
	}
	if (pages_bytes > in->written_bytes) {
		in->written = realloc(in->written, pages_bytes);
		if (!in->written)
			abort();
		memset(in->written + in->written_bytes, 0,
		       pages_bytes - in->written_bytes);
		in->written_bytes = pages_bytes;
	}
}

static void m_resize(struct worker *w, struct m_inode *in, unsigned long long size)
{
	unsigned long long p, first_gone;

	ensure_cap(in, size);
	if (size > in->size)
		memset(in->data + in->size, 0, size - in->size);
	/* pages wholly past the new end are freed by truncation */
	first_gone = (size + PAGE - 1) / PAGE;
	for (p = first_gone; p < in->written_bytes * 8; p++)
		if (in->written[p / 8] & (1 << (p % 8))) {
			in->written[p / 8] &= ~(1 << (p % 8));
			in->pages--;
			w->used -= PAGE;
		}
	in->size = size;
}

static unsigned long long new_pages(struct m_inode *in, unsigned long long off,
				    unsigned long long len)
{
	unsigned long long p, n = 0;

	for (p = off / PAGE; p <= (off + len - 1) / PAGE; p++)
		if (p / 8 >= in->written_bytes || !(in->written[p / 8] & (1 << (p % 8))))
			n++;
	return n;
}

static void m_write(struct worker *w, struct m_inode *in, unsigned long long off,
		    const unsigned char *buf, unsigned long long len)
{
	unsigned long long p;

	if (off + len > in->size)
		m_resize(w, in, off + len);
	memcpy(in->data + off, buf, len);
	for (p = off / PAGE; p <= (off + len - 1) / PAGE; p++)
		if (!(in->written[p / 8] & (1 << (p % 8)))) {
			in->written[p / 8] |= 1 << (p % 8);
			in->pages++;
			w->used += PAGE;
		}
}

/* ---- verification ------------------------------------------------------- */

static void verify_data(struct worker *w, const char *what, struct bhandle *h,
			const struct m_inode *in, unsigned long long lo,
			unsigned long long hi)
{
	unsigned char *buf = w->readbuf;
	unsigned long long off;
	long r;

	if (hi > in->size)
		hi = in->size;
	for (off = lo; off < hi; off += r) {
		unsigned long long n = hi - off < IO_CHUNK ? hi - off : IO_CHUNK;
		unsigned long long i;

		r = B->pread(h, buf, n, off);
		if (r != (long)n)
			fail(w, "%s: read of %llu bytes at %llu (size %llu) gave %s",
			     what, n, off, in->size, errname(r));
		if (memcmp(buf, in->data + off, n)) {
			for (i = 0; buf[i] == in->data[off + i]; i++)
				;
			fail(w, "%s: data differs at offset %llu (of size %llu): "
			     "expected 0x%02x, read 0x%02x", what, off + i, in->size,
			     in->data[off + i], buf[i]);
		}
	}
	r = B->pread(h, buf, 16, in->size);
	if (r != 0)
		fail(w, "%s: read at EOF (%llu) gave %s, expected 0", what,
		     in->size, errname(r));
}

static void verify_data_path(struct worker *w, const char *path,
			     const struct m_inode *in, unsigned long long lo,
			     unsigned long long hi)
{
	struct bhandle h = { .fd = -1 };
	int err = B->open(path, O_RDONLY, &h);

	if (err)
		fail(w, "open %s for reading: %s", path, errname(err));
	verify_data(w, path, &h, in, lo, hi);
	err = B->close(&h);
	if (err)
		fail(w, "close %s: %s", path, errname(err));
}

static int xattr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void verify_xattrs(struct worker *w, const char *path,
			  const struct m_inode *in)
{
	char list[4096], *names[64], val[XATTR_VAL_MAX + 16];
	unsigned int n = 0, i;
	long len, r;
	char *p;

	if (!opt.prof.xattrs || in->type == S_IFLNK)
		return;
	len = B->listxattr(path, list, sizeof(list));
	if (len < 0)
		fail(w, "listxattr %s: %s", path, errname(len));
	for (p = list; p < list + len && n < 64; p += strlen(p) + 1)
		if (!strncmp(p, "user.", 5))
			names[n++] = p;
	if (n != in->nxattrs)
		fail(w, "listxattr %s: %u user xattrs, model has %u", path, n,
		     in->nxattrs);
	qsort(names, n, sizeof(names[0]), xattr_cmp);
	for (i = 0; i < in->nxattrs; i++) {
		const struct m_xattr *x = &in->xattrs[i];

		if (!bsearch(&(const char *){ x->name }, names, n, sizeof(names[0]),
			     xattr_cmp))
			fail(w, "listxattr %s: %s missing", path, x->name);
		r = B->getxattr(path, x->name, val, sizeof(val));
		if (r != (long)x->len || memcmp(val, x->val, x->len))
			fail(w, "getxattr %s %s: %s bytes, model has %u (or the "
			     "value differs)", path, x->name, errname(r), x->len);
	}
}

static void verify_mtime(struct worker *w, const char *path, struct m_inode *in,
			 const struct xstat *st)
{
	unsigned int want_nsec;

	switch (in->mt_state) {
	case MT_EXACT:
		if (st->mtime_sec != in->mt_sec || st->mtime_nsec != in->mt_nsec)
			fail(w, "%s: mtime %lld.%09u, model has %lld.%09u", path,
			     st->mtime_sec, st->mtime_nsec, in->mt_sec, in->mt_nsec);
		return;
	case MT_RANGE:
		if (st->mtime_sec < in->mt_lo || st->mtime_sec > in->mt_hi)
			fail(w, "%s: mtime %lld, expected the time of the "
			     "change (%lld..%lld)", path, st->mtime_sec,
			     in->mt_lo, in->mt_hi);
		/* fall through */
	case MT_ANY:
		if (opt.prof.time_gran > 1) {
			want_nsec = st->mtime_nsec - st->mtime_nsec % opt.prof.time_gran;
			if (st->mtime_nsec != want_nsec)
				fail(w, "%s: mtime nsec %u finer than the "
				     "granularity %u", path, st->mtime_nsec,
				     opt.prof.time_gran);
		}
		in->mt_state = MT_EXACT;
		in->mt_sec = st->mtime_sec;
		in->mt_nsec = st->mtime_nsec;
	}
}

static void verify_node(struct worker *w, const char *path, struct m_inode *in,
			int data)
{
	struct xstat st;
	char target[PATH_BUF];
	int err = B->stat(path, &st);
	long r;

	if (err)
		fail(w, "stat %s: %s, the model has a %s there", path, errname(err),
		     in->type == S_IFDIR ? "directory" :
		     in->type == S_IFLNK ? "symlink" : "file");
	if ((st.mode & S_IFMT) != in->type)
		fail(w, "stat %s: type 0%o, model has 0%o", path, st.mode & S_IFMT,
		     in->type);
	if ((st.mode & 07777) != in->perm)
		fail(w, "stat %s: mode %04o, model has %04o", path, st.mode & 07777,
		     in->perm);
	if (st.uid != in->uid || st.gid != in->gid)
		fail(w, "stat %s: owner %u:%u, model has %u:%u", path, st.uid,
		     st.gid, in->uid, in->gid);
	if (st.nlink != in->nlink)
		fail(w, "stat %s: nlink %u, model has %u", path, st.nlink, in->nlink);
	if (in->type == S_IFREG && st.size != in->size)
		fail(w, "stat %s: size %llu, model has %llu", path, st.size, in->size);
	if (in->type == S_IFLNK && st.size != strlen(in->target))
		fail(w, "stat %s: symlink size %llu, target has %zu bytes", path,
		     st.size, strlen(in->target));
	if (!in->ino)
		in->ino = st.ino;
	else if (st.ino != in->ino)
		fail(w, "stat %s: inode number %llu, was %llu", path, st.ino, in->ino);
	verify_mtime(w, path, in, &st);
	if (in->type == S_IFLNK) {
		r = B->readlink(path, target, sizeof(target));
		if (r != (long)strlen(in->target) || memcmp(target, in->target, r))
			fail(w, "readlink %s: %s bytes '%.*s', model has '%s'", path,
			     errname(r), r > 0 ? (int)r : 0, target, in->target);
	}
	if (in->type == S_IFREG && data)
		verify_data_path(w, path, in, 0, in->size);
	verify_xattrs(w, path, in);
}

static int dirent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dirent_x *)a)->name,
		      ((const struct dirent_x *)b)->name);
}

static int dentry_cmp(const void *a, const void *b)
{
	return strcmp((*(struct m_dentry *const *)a)->name,
		      (*(struct m_dentry *const *)b)->name);
}

static unsigned int dtype_of(unsigned int type)
{
	return type == S_IFDIR ? DT_DIR : type == S_IFLNK ? DT_LNK : DT_REG;
}

static void verify_listing(struct worker *w, struct m_inode *dir)
{
	struct dirlist l = { 0 };
	char path[PATH_BUF];
	struct m_dentry **kids;
	unsigned int i;
	int err;

	path_of_dir(dir, path, sizeof(path));
	err = B->readdir(path, &l);
	if (err)
		fail(w, "readdir %s: %s", path, errname(err));
	kids = malloc((dir->nkids + 1) * sizeof(*kids));
	if (dir->nkids) {
		memcpy(kids, dir->kids, dir->nkids * sizeof(*kids));
		qsort(kids, dir->nkids, sizeof(*kids), dentry_cmp);
	}
	if (l.n)
		qsort(l.ents, l.n, sizeof(*l.ents), dirent_cmp);
	for (i = 0; i < l.n || i < dir->nkids; i++) {
		int c = i >= l.n ? 1 : i >= dir->nkids ? -1 :
			strcmp(l.ents[i].name, kids[i]->name);

		if (c < 0)
			fail(w, "readdir %s: '%s' listed, not in the model", path,
			     l.ents[i].name);
		if (c > 0)
			fail(w, "readdir %s: '%s' missing (%u entries listed, model "
			     "has %u)", path, kids[i]->name, l.n, dir->nkids);
		if (l.ents[i].dtype != DT_UNKNOWN &&
		    l.ents[i].dtype != dtype_of(kids[i]->inode->type))
			fail(w, "readdir %s: '%s' has d_type %u, expected %u", path,
			     l.ents[i].name, l.ents[i].dtype,
			     dtype_of(kids[i]->inode->type));
		if (kids[i]->inode->ino && l.ents[i].ino != kids[i]->inode->ino)
			fail(w, "readdir %s: '%s' has inode %llu, stat said %llu",
			     path, l.ents[i].name, l.ents[i].ino,
			     kids[i]->inode->ino);
	}
	free(kids);
	dirlist_free(&l);
}

static void verify_tree(struct worker *w, struct m_inode *dir)
{
	char path[PATH_BUF];
	unsigned int i;

	path_of_dir(dir, path, sizeof(path));
	verify_node(w, path, dir, 0);
	verify_listing(w, dir);
	for (i = 0; i < dir->nkids; i++) {
		struct m_dentry *d = dir->kids[i];

		if (d->inode->type == S_IFDIR) {
			verify_tree(w, d->inode);
		} else {
			path_of(d, path, sizeof(path));
			verify_node(w, path, d->inode, 1);
		}
	}
}

/* every name of @in (hard links) shows the same inode */
static void verify_names_of(struct worker *w, struct m_inode *in)
{
	char path[PATH_BUF];
	unsigned int i;

	for (i = 0; i < w->nents; i++)
		if (w->ents[i]->inode == in) {
			path_of(w->ents[i], path, sizeof(path));
			verify_node(w, path, in, 0);
		}
}

static void verify_gone(struct worker *w, const char *path)
{
	struct xstat st;
	int err = B->stat(path, &st);

	if (err != -ENOENT)
		fail(w, "stat %s after its removal: %s, expected -ENOENT", path,
		     errname(err));
}

/* ---- choosing things ---------------------------------------------------- */

static struct m_dentry *pick_entry(struct worker *w, unsigned int type)
{
	unsigned int i, start;

	if (!w->nents)
		return NULL;
	for (i = 0; i < 8; i++) {
		struct m_dentry *d = w->ents[rnd(w, w->nents)];

		if (!type || d->inode->type == type)
			return d;
	}
	start = rnd(w, w->nents);
	for (i = 0; i < w->nents; i++) {
		struct m_dentry *d = w->ents[(start + i) % w->nents];

		if (d->inode->type == type)
			return d;
	}
	return NULL;
}

static struct m_inode *pick_dir(struct worker *w)
{
	struct m_dentry *d;

	if (chance(w, 15))
		return w->top;
	d = pick_entry(w, S_IFDIR);
	return d ? d->inode : w->top;
}

static void random_name(struct worker *w, char *buf, unsigned int len)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz"
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+,~";
	unsigned int i;

	do {
		for (i = 0; i < len; i++)
			buf[i] = chars[rnd(w, sizeof(chars) - 1)];
		buf[len] = '\0';
	} while (!strcmp(buf, ".") || !strcmp(buf, ".."));
}

/* a fresh-looking name for @dir: mostly short, some at the length limit */
static void gen_name(struct worker *w, struct m_inode *dir, char *buf)
{
	unsigned int r = rnd(w, 100);

	if (r < 15 && dir && dir->nkids) {
		strcpy(buf, dir->kids[rnd(w, dir->nkids)]->name);
		return;
	}
	if (r < 40) {
		snprintf(buf, 16, "f%u", (unsigned int)rnd(w, 24));
		return;
	}
	if (r < 94)
		random_name(w, buf, 1 + rnd(w, 12 < opt.prof.namemax ? 12 : opt.prof.namemax));
	else if (r < 98)
		random_name(w, buf, 1 + rnd(w, opt.prof.namemax));
	else
		random_name(w, buf, opt.prof.namemax);
}

static void fill_random(struct worker *w, unsigned char *buf, size_t len)
{
	uint64_t s = next64(&w->rng);
	size_t i;

	for (i = 0; i < len; i += 8) {
		uint64_t v = next64(&s);
		size_t n = len - i < 8 ? len - i : 8;

		memcpy(buf + i, &v, n);
	}
}

/* sizes 1 B .. 256 KiB, mostly small */
static unsigned long long write_size(struct worker *w)
{
	unsigned int r = rnd(w, 100);

	if (r < 50)
		return 1 + rnd(w, 512);
	if (r < 80)
		return 1 + rnd(w, 8192);
	if (r < 95)
		return 1 + rnd(w, 65536);
	return 1 + rnd(w, 262144);
}

/* block-map boundaries of the filesystems under test, in bytes */
static const unsigned long long map_edges[] = {
	7 << 10, 12 << 10, 48 << 10, (7 + 256) << 10, (12 + 256) << 10,
	(7 + 512) << 10, (48 << 10) + (4ULL << 20),
};

static unsigned long long write_offset(struct worker *w, unsigned long long size)
{
	unsigned int r = rnd(w, 100);
	unsigned long long off;

	if (r < 30)
		off = rnd(w, size + 1);
	else if (r < 55)
		off = size;
	else if (r < 75)
		off = size + rnd(w, 65536);
	else if (r < 85)
		off = rnd(w, size / PAGE + 2) * PAGE;
	else if (r < 95)
		off = map_edges[rnd(w, sizeof(map_edges) / sizeof(map_edges[0]))] +
		      rnd(w, 4096) - 2048;
	else
		off = rnd(w, opt.max_file);
	return off;
}

static int entries_full(struct worker *w)
{
	return w->nents >= w->max_entries;
}

/* ---- operations --------------------------------------------------------- */

static void check_dir(struct worker *w, struct m_inode *dir)
{
	char path[PATH_BUF];

	path_of_dir(dir, path, sizeof(path));
	verify_node(w, path, dir, 0);
	verify_listing(w, dir);
}

/*
 * A fresh name in @dir for a new entry: its path in @path and the model's
 * entry of that name, if any, in *@oldp.  Returns 0 when the operation is
 * to be skipped (path too long, or the subtree has all the entries it may
 * have).
 */
static int pick_new_name(struct worker *w, struct m_inode *dir, char *name,
			 char *path, struct m_dentry **oldp)
{
	gen_name(w, dir, name);
	if (child_path(dir, name, path) > PATH_LIMIT)
		return 0;
	*oldp = m_lookup(dir, name);
	return *oldp || !entries_full(w);
}

/*
 * The entry a removal works on: @d as picked, or (when there is none, or
 * by a @random_pct chance) a random name in a random directory, which may
 * not exist (*@dp NULL).  Returns the parent; the path goes to @path.
 */
static struct m_inode *removal_target(struct worker *w, struct m_dentry **dp,
				      unsigned int random_pct, char *path)
{
	char name[300];
	struct m_inode *dir;

	if (!*dp || chance(w, random_pct)) {
		dir = pick_dir(w);
		gen_name(w, dir, name);
		*dp = m_lookup(dir, name);
		child_path(dir, name, path);
		return dir;
	}
	path_of(*dp, path, PATH_BUF);
	return (*dp)->parent;
}

static void op_create(struct worker *w)
{
	struct m_inode *dir = pick_dir(w), *in;
	struct m_dentry *old, *file;
	char name[300], path[PATH_BUF];
	unsigned int mode = rnd(w, 01000);
	int flags = 0, err, want, too_long = chance(w, 2);

	if (chance(w, 3) && (file = pick_entry(w, S_IFREG))) {
		/* a file is not a directory: ENOTDIR */
		path_of(file, path, sizeof(path));
		strcat(path, "/x");
		op_begin(w, "create %s mode %o (parent is a file)", path, mode);
		err = B->create(path, mode, O_EXCL);
		expect_rc(w, "create under a file", -ENOTDIR, err);
		return;
	}
	if (too_long)
		random_name(w, name, opt.prof.namemax + 1 + rnd(w, 3));
	else
		gen_name(w, dir, name);
	if (child_path(dir, name, path) > PATH_LIMIT)
		return;
	old = too_long ? NULL : m_lookup(dir, name);
	if (!old && !too_long && entries_full(w))
		return;
	if (chance(w, 50) || (old && old->inode->type == S_IFLNK))
		flags |= O_EXCL;
	if (chance(w, 25))
		flags |= O_TRUNC;
	op_begin(w, "create %s mode %o%s%s", path, mode,
		 flags & O_EXCL ? " O_EXCL" : "", flags & O_TRUNC ? " O_TRUNC" : "");
	if (too_long)
		want = -ENAMETOOLONG;
	else if (old && (flags & O_EXCL))
		want = -EEXIST;
	else if (old && old->inode->type == S_IFDIR)
		want = -EISDIR;
	else
		want = 0;
	err = B->create(path, mode, flags);
	expect_rc(w, "create", want, err);
	if (want)
		return;
	if (old) {
		in = old->inode;
		if ((flags & O_TRUNC) && in->size) {
			m_resize(w, in, 0);
			mark_now(w, in);
		} else if (flags & O_TRUNC) {
			in->mt_state = MT_ANY;
		}
		verify_names_of(w, in);
		return;
	}
	in = new_inode(w, S_IFREG, mode & ~umask_bits);
	m_attach(w, dir, name, in);
	mark_now(w, dir);
	verify_node(w, path, in, 1);
	check_dir(w, dir);
}

static void op_mkdir(struct worker *w)
{
	struct m_inode *dir = pick_dir(w), *in;
	struct m_dentry *old;
	char name[300], path[PATH_BUF];
	unsigned int mode = rnd(w, 02000);
	int err, want, too_long = chance(w, 2);

	if (too_long)
		random_name(w, name, opt.prof.namemax + 1 + rnd(w, 3));
	else
		gen_name(w, dir, name);
	if (child_path(dir, name, path) > PATH_LIMIT - 300)
		return;
	old = too_long ? NULL : m_lookup(dir, name);
	if (!old && !too_long && entries_full(w))
		return;
	op_begin(w, "mkdir %s mode %o", path, mode);
	if (too_long)
		want = -ENAMETOOLONG;
	else if (old)
		want = -EEXIST;
	else if (opt.prof.link_max && dir->nlink >= opt.prof.link_max)
		want = -EMLINK;
	else
		want = 0;
	err = B->mkdir(path, mode);
	expect_rc(w, "mkdir", want, err);
	if (want)
		return;
	in = new_inode(w, S_IFDIR, mode & 01777 & ~umask_bits);
	if (dir->perm & S_ISGID)
		in->perm |= S_ISGID;
	in->gid = dir->gid;
	m_attach(w, dir, name, in);
	dir->nlink++;
	mark_now(w, dir);
	verify_node(w, path, in, 0);
	verify_listing(w, in);
	check_dir(w, dir);
}

static void op_symlink(struct worker *w)
{
	struct m_inode *dir = pick_dir(w), *in;
	struct m_dentry *old;
	char name[300], path[PATH_BUF], target[PATH_BUF];
	unsigned int len = chance(w, 70) ? 1 + rnd(w, 40) :
			   1 + rnd(w, opt.prof.symlink_max);
	int err, want;

	if (!pick_new_name(w, dir, name, path, &old))
		return;
	random_name(w, target, len);
	if (chance(w, 30))
		target[0] = '/';
	op_begin(w, "symlink %s -> %.40s%s (%u bytes)", path, target,
		 len > 40 ? "..." : "", len);
	want = old ? -EEXIST : 0;
	err = B->symlink(target, path);
	expect_rc(w, "symlink", want, err);
	if (want)
		return;
	in = new_inode(w, S_IFLNK, 0777);
	in->target = strdup(target);
	m_attach(w, dir, name, in);
	mark_now(w, dir);
	verify_node(w, path, in, 0);
	check_dir(w, dir);
}

static void op_link(struct worker *w)
{
	struct m_inode *dir = pick_dir(w), *in;
	struct m_dentry *src = NULL, *old;
	char name[300], srcpath[PATH_BUF], path[PATH_BUF];
	int err, want, missing = chance(w, 5);

	if (!missing) {
		src = chance(w, 10) ? pick_entry(w, S_IFDIR) : NULL;
		if (!src)
			src = pick_entry(w, S_IFREG);
		if (!src)
			src = pick_entry(w, 0);
		if (!src)
			return;
		path_of(src, srcpath, sizeof(srcpath));
	} else {
		struct m_inode *sdir = pick_dir(w);

		gen_name(w, sdir, name);
		if (m_lookup(sdir, name))
			return;
		child_path(sdir, name, srcpath);
	}
	if (!pick_new_name(w, dir, name, path, &old))
		return;
	op_begin(w, "link %s %s", srcpath, path);
	if (!src)
		want = -ENOENT;
	else if (old)
		want = -EEXIST;
	else if (src->inode->type == S_IFDIR)
		want = -EPERM;
	else if (opt.prof.link_max && src->inode->nlink >= opt.prof.link_max)
		want = -EMLINK;
	else
		want = 0;
	err = B->link(srcpath, path);
	expect_rc(w, "link", want, err);
	if (want)
		return;
	in = src->inode;
	in->nlink++;
	m_attach(w, dir, name, in);
	mark_now(w, dir);
	verify_names_of(w, in);
	check_dir(w, dir);
}

static void op_unlink(struct worker *w)
{
	struct m_dentry *d = pick_entry(w, 0);
	struct m_inode *dir, *in;
	char path[PATH_BUF];
	int err, want;

	dir = removal_target(w, &d, 10, path);
	op_begin(w, "unlink %s", path);
	want = !d ? -ENOENT : d->inode->type == S_IFDIR ? -EISDIR : 0;
	err = B->unlink(path);
	expect_rc(w, "unlink", want, err);
	if (want)
		return;
	in = d->inode;
	m_detach(w, d);
	free(d->name);
	free(d);
	mark_now(w, dir);
	if (in->nlink > 1) {
		in->nlink--;
		verify_names_of(w, in);
	} else {
		m_drop_link(w, in);
	}
	verify_gone(w, path);
	check_dir(w, dir);
}

static void op_rmdir(struct worker *w)
{
	struct m_dentry *d = chance(w, 85) ? pick_entry(w, S_IFDIR) : pick_entry(w, 0);
	struct m_inode *dir;
	char path[PATH_BUF];
	int err, want;

	/* prefer empty directories, or rmdir would mostly fail */
	if (d && d->inode->type == S_IFDIR && d->inode->nkids && chance(w, 70)) {
		unsigned int i;

		for (i = 0; i < w->nents; i++)
			if (w->ents[i]->inode->type == S_IFDIR &&
			    !w->ents[i]->inode->nkids) {
				d = w->ents[i];
				break;
			}
	}
	dir = removal_target(w, &d, 8, path);
	op_begin(w, "rmdir %s", path);
	if (!d)
		want = -ENOENT;
	else if (d->inode->type != S_IFDIR)
		want = -ENOTDIR;
	else if (d->inode->nkids)
		want = -ENOTEMPTY;
	else
		want = 0;
	err = B->rmdir(path);
	expect_rc(w, "rmdir", want, err);
	if (want)
		return;
	m_detach(w, d);
	m_drop_link(w, d->inode);
	free(d->name);
	free(d);
	dir->nlink--;
	mark_now(w, dir);
	verify_gone(w, path);
	check_dir(w, dir);
}

/* the result rename(2) gives, from the model (fs/namei.c's order of checks) */
static int rename_outcome(const struct m_dentry *src, const struct m_inode *newdir,
			  const struct m_dentry *dst, unsigned int flags)
{
	const struct m_inode *s, *t;

	if (!src)
		return -ENOENT;
	s = src->inode;
	if (flags & RENAME_EXCHANGE) {
		if (!dst)
			return -ENOENT;
		if (dst->inode == s)
			return 0;
		if ((s->type == S_IFDIR && in_subtree(newdir, s)) ||
		    (dst->inode->type == S_IFDIR && in_subtree(src->parent, dst->inode)))
			return -EINVAL;
		/* neither fs/ext2 nor fs/minix can exchange */
		return opt.prof.exchange ? 0 : -EINVAL;
	}
	if ((flags & RENAME_NOREPLACE) && dst)
		return -EEXIST;
	/* the source may not become its own descendant */
	if (s->type == S_IFDIR && in_subtree(newdir, s))
		return -EINVAL;
	/* the target may not be an ancestor of the source */
	if (dst && dst->inode->type == S_IFDIR && in_subtree(src->parent, dst->inode))
		return -ENOTEMPTY;
	if (!dst)
		return opt.prof.link_max && s->type == S_IFDIR &&
		       newdir != src->parent && newdir->nlink >= opt.prof.link_max ?
		       -EMLINK : 0;
	t = dst->inode;
	if (t == s)
		return 0;
	if (s->type == S_IFDIR && t->type != S_IFDIR)
		return -ENOTDIR;
	if (s->type != S_IFDIR && t->type == S_IFDIR)
		return -EISDIR;
	if (t->type == S_IFDIR && t->nkids)
		return -ENOTEMPTY;
	return 0;
}

/* RENAME_EXCHANGE (host profile): the two names swap their inodes */
static void exchange_entries(struct worker *w, struct m_dentry *a,
			     struct m_dentry *b)
{
	struct m_inode *ia = a->inode, *ib = b->inode;
	char pa[PATH_BUF], pb[PATH_BUF];

	a->inode = ib;
	b->inode = ia;
	if (ia->type == S_IFDIR) {
		ia->self = b;
		ia->mt_state = MT_ANY;
	}
	if (ib->type == S_IFDIR) {
		ib->self = a;
		ib->mt_state = MT_ANY;
	}
	if (a->parent != b->parent && (ia->type == S_IFDIR) != (ib->type == S_IFDIR)) {
		struct m_inode *gains = ia->type == S_IFDIR ? b->parent : a->parent;
		struct m_inode *loses = ia->type == S_IFDIR ? a->parent : b->parent;

		gains->nlink++;
		loses->nlink--;
	}
	mark_now(w, a->parent);
	mark_now(w, b->parent);
	path_of(a, pa, sizeof(pa));
	path_of(b, pb, sizeof(pb));
	verify_node(w, pa, ib, 0);
	verify_node(w, pb, ia, 0);
	check_dir(w, a->parent);
	if (b->parent != a->parent)
		check_dir(w, b->parent);
}

static void op_rename(struct worker *w)
{
	struct m_dentry *src = NULL, *dst;
	struct m_inode *newdir, *olddir, *s;
	char name[300], oldpath[PATH_BUF], newpath[PATH_BUF];
	unsigned int flags = 0, r = rnd(w, 100);
	int err, want;

	if (r < 5) {
		olddir = pick_dir(w);
		gen_name(w, olddir, name);
		src = m_lookup(olddir, name);
		child_path(olddir, name, oldpath);
	} else {
		src = r < 20 ? pick_entry(w, S_IFDIR) : NULL;
		if (!src)
			src = pick_entry(w, 0);
		if (!src)
			return;
		olddir = src->parent;
		path_of(src, oldpath, sizeof(oldpath));
	}
	newdir = chance(w, 45) ? olddir : pick_dir(w);
	if (chance(w, 35) && newdir->nkids)
		strcpy(name, newdir->kids[rnd(w, newdir->nkids)]->name);
	else
		gen_name(w, newdir, name);
	if (child_path(newdir, name, newpath) > PATH_LIMIT)
		return;
	if (src && src->inode->type == S_IFDIR &&
	    (int)strlen(newpath) + subtree_depth_len(src->inode) > PATH_LIMIT)
		return;
	r = rnd(w, 100);
	if (r < 10)
		flags = RENAME_NOREPLACE;
	else if (r < 13)
		flags = RENAME_EXCHANGE;
	dst = m_lookup(newdir, name);
	op_begin(w, "rename %s %s%s", oldpath, newpath,
		 flags == RENAME_NOREPLACE ? " NOREPLACE" :
		 flags == RENAME_EXCHANGE ? " EXCHANGE" : "");
	want = rename_outcome(src, newdir, dst, flags);
	err = B->rename(oldpath, newpath, flags);
	expect_rc(w, "rename", want, err);
	if (want || !src)
		return;
	s = src->inode;
	if (dst && dst->inode == s) {
		/* the same inode under both names: nothing happens */
		verify_names_of(w, s);
		return;
	}
	if (flags & RENAME_EXCHANGE) {
		exchange_entries(w, src, dst);
		return;
	}
	if (dst) {
		struct m_inode *t = dst->inode;

		m_detach(w, dst);
		free(dst->name);
		free(dst);
		if (t->type == S_IFDIR) {
			newdir->nlink--;
			m_drop_link(w, t);
		} else if (t->nlink > 1) {
			t->nlink--;
			verify_names_of(w, t);
		} else {
			m_drop_link(w, t);
		}
	}
	m_detach(w, src);
	free(src->name);
	src->name = NULL;
	free(src);
	m_attach(w, newdir, name, s);
	if (s->type == S_IFDIR && newdir != olddir) {
		olddir->nlink--;
		newdir->nlink++;
	}
	/* fs/minix rewrites a moved directory's ".." and stamps it; ext2 not */
	if (s->type == S_IFDIR)
		s->mt_state = MT_ANY;
	mark_now(w, olddir);
	mark_now(w, newdir);
	if (strcmp(oldpath, newpath))
		verify_gone(w, oldpath);
	verify_node(w, newpath, s, 0);
	check_dir(w, olddir);
	if (newdir != olddir)
		check_dir(w, newdir);
}

/* write through a fresh open of a path, or through a kept handle */
static void do_write(struct worker *w, struct m_inode *in, const char *path,
		     struct handle *h)
{
	unsigned char *buf = w->writebuf;
	unsigned long long len = write_size(w), off, fresh;
	struct bhandle fh = { .fd = -1 }, *bh;
	int append = h ? h->append : chance(w, 10), sync = !h && chance(w, 8);
	int err;
	long r;

	off = append ? in->size : write_offset(w, in->size);
	if (off + len > opt.max_file) {
		if (len > opt.max_file)
			return;
		off = rnd(w, opt.max_file - len + 1);
		if (append)
			return;
	}
	fresh = new_pages(in, off, len);
	if (w->used + fresh * PAGE > w->budget) {
		/* out of space for this worker: overwrite inside the file */
		if (!in->size || append)
			return;
		off = rnd(w, in->size);
		len = in->size - off < len ? in->size - off : len;
	}
	fill_random(w, buf, len);
	op_begin(w, "%s %s %llu bytes at %llu%s%s (size %llu)",
		 h ? "handle-pwrite" : "pwrite", path, len, off,
		 append ? " O_APPEND" : "", sync ? " +fsync" : "", in->size);
	if (h) {
		bh = &h->bh;
	} else {
		err = B->open(path, O_WRONLY | (append ? O_APPEND : 0), &fh);
		expect_rc(w, "open for writing", 0, err);
		bh = &fh;
	}
	r = B->pwrite(bh, buf, len, off);
	expect_rc(w, "pwrite", len, r);
	m_write(w, in, off, buf, len);
	mark_now(w, in);
	if (sync)
		expect_rc(w, "fsync", 0, B->fsync(bh, chance(w, 50)));
	if (!h)
		expect_rc(w, "close", 0, B->close(bh));
	/* read back the written range and its surroundings */
	if (h) {
		verify_data(w, path, bh, in, off > 4096 ? off - 4096 : 0,
			    off + len + 4096);
		if (!in->nlink)
			return;
		verify_names_of(w, in);
		return;
	}
	verify_node(w, path, in, 0);
	if (in->size <= 262144)
		verify_data_path(w, path, in, 0, in->size);
	else
		verify_data_path(w, path, in, off > 4096 ? off - 4096 : 0,
				 off + len + 4096);
}

static void op_write(struct worker *w)
{
	struct m_dentry *d;
	struct bhandle bh = { .fd = -1 };
	char path[PATH_BUF];
	int err;

	if (chance(w, 2) && (d = pick_entry(w, S_IFDIR))) {
		path_of(d, path, sizeof(path));
		op_begin(w, "open directory %s for writing", path);
		err = B->open(path, O_WRONLY, &bh);
		if (!err)
			B->close(&bh);
		expect_rc(w, "open a directory O_WRONLY", -EISDIR, err);
		return;
	}
	if (chance(w, 2) && opt.prof.efbig_offset && (d = pick_entry(w, S_IFREG))) {
		path_of(d, path, sizeof(path));
		op_begin(w, "pwrite %s 1 byte at %lld (past s_maxbytes)", path,
			 opt.prof.efbig_offset);
		err = B->open(path, O_WRONLY, &bh);
		expect_rc(w, "open for writing", 0, err);
		expect_rc(w, "pwrite past the maximum size", -EFBIG,
			  B->pwrite(&bh, "x", 1, opt.prof.efbig_offset));
		expect_rc(w, "close", 0, B->close(&bh));
		verify_node(w, path, d->inode, 0);
		return;
	}
	d = pick_entry(w, S_IFREG);
	if (!d)
		return;
	path_of(d, path, sizeof(path));
	do_write(w, d->inode, path, NULL);
}

static unsigned long long truncate_size(struct worker *w, unsigned long long size)
{
	unsigned int r = rnd(w, 100);
	unsigned long long s;

	if (r < 35)
		s = rnd(w, size + 1);
	else if (r < 48)
		s = 0;
	else if (r < 58)
		s = size;
	else if (r < 90)
		s = size + 1 + rnd(w, 131072);
	else
		s = map_edges[rnd(w, sizeof(map_edges) / sizeof(map_edges[0]))] +
		    rnd(w, 2048) - 1024;
	return s > opt.max_file ? opt.max_file : s;
}

static void do_truncate(struct worker *w, struct m_inode *in, const char *path,
			struct handle *h)
{
	unsigned long long size = truncate_size(w, in->size), old = in->size;
	int err;

	op_begin(w, "%s %s to %llu (size %llu)", h ? "ftruncate" : "truncate",
		 path, size, old);
	err = h ? B->ftruncate(&h->bh, size) : B->truncate(path, size);
	expect_rc(w, "truncate", 0, err);
	m_resize(w, in, size);
	if (size != old)
		mark_now(w, in);
	else
		in->mt_state = MT_ANY;
	if (h) {
		verify_data(w, path, &h->bh, in, size > 8192 ? size - 8192 : 0, size);
		if (in->nlink)
			verify_names_of(w, in);
		return;
	}
	verify_node(w, path, in, 0);
	verify_data_path(w, path, in, size > 8192 ? size - 8192 : 0, size);
}

static void op_truncate(struct worker *w)
{
	struct m_dentry *d;
	char path[PATH_BUF];
	int err;

	if (chance(w, 3) && (d = pick_entry(w, S_IFDIR))) {
		path_of(d, path, sizeof(path));
		op_begin(w, "truncate directory %s", path);
		err = B->truncate(path, 0);
		expect_rc(w, "truncate a directory", -EISDIR, err);
		return;
	}
	d = pick_entry(w, S_IFREG);
	if (!d)
		return;
	path_of(d, path, sizeof(path));
	if (chance(w, 2) && opt.prof.efbig_offset) {
		op_begin(w, "truncate %s to %lld (past s_maxbytes)", path,
			 opt.prof.efbig_offset);
		err = B->truncate(path, opt.prof.efbig_offset);
		expect_rc(w, "truncate past the maximum size", -EFBIG, err);
		verify_node(w, path, d->inode, 0);
		return;
	}
	do_truncate(w, d->inode, path, NULL);
}

static void op_chmod(struct worker *w)
{
	struct m_dentry *d = pick_entry(w, chance(w, 50) ? S_IFDIR : S_IFREG);
	unsigned int mode = rnd(w, 010000);
	char path[PATH_BUF];

	if (!d || d->inode->type == S_IFLNK)
		return;
	if (d->inode->type == S_IFDIR)
		mode |= 0700;	/* keep the walk of the subtree possible */
	path_of(d, path, sizeof(path));
	op_begin(w, "chmod %s %04o", path, mode);
	expect_rc(w, "chmod", 0, B->chmod(path, mode));
	d->inode->perm = mode;
	verify_node(w, path, d->inode, 0);
}

static long long clamp_time(long long t)
{
	if (opt.prof.time_min == opt.prof.time_max)
		return t;
	if (t < opt.prof.time_min)
		return opt.prof.time_min;
	if (t > opt.prof.time_max)
		return opt.prof.time_max;
	return t;
}

static void op_utimens(struct worker *w)
{
	struct m_dentry *d = pick_entry(w, 0);
	struct m_inode *in;
	struct timespec t[2];
	char path[PATH_BUF];
	unsigned int r = rnd(w, 100);

	if (!d)
		return;
	in = d->inode;
	path_of(d, path, sizeof(path));
	t[0].tv_sec = rnd(w, 1U << 31);
	t[0].tv_nsec = rnd(w, 1000000000);
	t[1].tv_nsec = rnd(w, 1000000000);
	if (r < 60) {
		t[1].tv_sec = rnd(w, 1U << 31);
	} else if (r < 85 || opt.prof.time_min == opt.prof.time_max) {
		t[0].tv_nsec = UTIME_NOW;
		t[1].tv_nsec = UTIME_NOW;
	} else {
		/* outside what the inode can hold: clamped, as the kernel does */
		t[1].tv_sec = chance(w, 50) ? -(long long)rnd(w, 1LL << 40) - 1 :
			      (1LL << 33) + rnd(w, 1LL << 33);
	}
	if (t[1].tv_nsec == UTIME_NOW)
		op_begin(w, "utimens %s now", path);
	else
		op_begin(w, "utimens %s mtime %lld.%09ld", path,
			 (long long)t[1].tv_sec, t[1].tv_nsec);
	expect_rc(w, "utimens", 0, B->utimens(path, t));
	if (t[1].tv_nsec == UTIME_NOW) {
		mark_now(w, in);
	} else {
		in->mt_state = MT_EXACT;
		in->mt_sec = clamp_time(t[1].tv_sec);
		in->mt_nsec = t[1].tv_nsec - t[1].tv_nsec % opt.prof.time_gran;
		/* a time at either end of the range loses its nanoseconds */
		if (opt.prof.time_min != opt.prof.time_max &&
		    (in->mt_sec == opt.prof.time_min || in->mt_sec == opt.prof.time_max))
			in->mt_nsec = 0;
	}
	verify_node(w, path, in, 0);
}

static struct m_xattr *m_getx(struct m_inode *in, const char *name)
{
	unsigned int i;

	for (i = 0; i < in->nxattrs; i++)
		if (!strcmp(in->xattrs[i].name, name))
			return &in->xattrs[i];
	return NULL;
}

static struct m_dentry *pick_xattr_target(struct worker *w)
{
	struct m_dentry *d = pick_entry(w, chance(w, 70) ? S_IFREG : S_IFDIR);

	return d ? d : pick_entry(w, 0);
}

static void op_setxattr(struct worker *w)
{
	struct m_dentry *d = pick_xattr_target(w);
	unsigned char val[XATTR_VAL_MAX];
	char name[32], path[PATH_BUF];
	unsigned int len = chance(w, 10) ? 0 : rnd(w, XATTR_VAL_MAX + 1);
	struct m_inode *in;
	struct m_xattr *x;
	int flags = 0, r = rnd(w, 100), want, err;

	if (!d)
		return;
	if (chance(w, 8) && (d = pick_entry(w, S_IFLNK)) == NULL)
		return;
	in = d->inode;
	path_of(d, path, sizeof(path));
	snprintf(name, sizeof(name), "user.x%u", (unsigned int)rnd(w, 6));
	if (r < 20)
		flags = XATTR_CREATE;
	else if (r < 40)
		flags = XATTR_REPLACE;
	x = m_getx(in, name);
	if (!x && in->nxattrs == MAX_XATTRS && in->type != S_IFLNK) {
		/* keep every set within one 1 KiB xattr block */
		x = &in->xattrs[rnd(w, in->nxattrs)];
		strcpy(name, x->name);
	}
	fill_random(w, val, len);
	op_begin(w, "setxattr %s %s %u bytes%s", path, name, len,
		 flags == XATTR_CREATE ? " CREATE" : flags == XATTR_REPLACE ?
		 " REPLACE" : "");
	if (in->type == S_IFLNK)
		want = -EPERM;	/* user.* only on files and directories */
	else if (!opt.prof.xattrs)
		want = -EOPNOTSUPP;
	else if (x && flags == XATTR_CREATE)
		want = -EEXIST;
	else if (!x && flags == XATTR_REPLACE)
		want = -ENODATA;
	else
		want = 0;
	err = B->setxattr(path, name, val, len, flags);
	expect_rc(w, "setxattr", want, err);
	if (want)
		return;
	if (!x) {
		x = &in->xattrs[in->nxattrs++];
		strcpy(x->name, name);
	}
	memcpy(x->val, val, len);
	x->len = len;
	verify_node(w, path, in, 0);
}

static void op_removexattr(struct worker *w)
{
	struct m_dentry *d = pick_xattr_target(w);
	struct m_inode *in;
	struct m_xattr *x;
	char name[32], path[PATH_BUF];
	int want, err;

	if (!d || d->inode->type == S_IFLNK)
		return;
	in = d->inode;
	path_of(d, path, sizeof(path));
	if (in->nxattrs && chance(w, 75))
		strcpy(name, in->xattrs[rnd(w, in->nxattrs)].name);
	else
		snprintf(name, sizeof(name), "user.x%u", (unsigned int)rnd(w, 6));
	x = m_getx(in, name);
	op_begin(w, "removexattr %s %s", path, name);
	want = !opt.prof.xattrs ? -EOPNOTSUPP : x ? 0 : -ENODATA;
	err = B->removexattr(path, name);
	expect_rc(w, "removexattr", want, err);
	if (want)
		return;
	*x = in->xattrs[--in->nxattrs];
	verify_node(w, path, in, 0);
}

static void op_fsync(struct worker *w)
{
	struct m_dentry *d = pick_entry(w, chance(w, 70) ? S_IFREG : S_IFDIR);
	struct bhandle bh = { .fd = -1 };
	char path[PATH_BUF];
	int datasync = chance(w, 30), dir;

	if (!d || d->inode->type == S_IFLNK)
		return;
	dir = d->inode->type == S_IFDIR;
	path_of(d, path, sizeof(path));
	op_begin(w, "%s %s", datasync ? "fdatasync" : "fsync", path);
	expect_rc(w, "open", 0, B->open(path, dir ? O_RDONLY | O_DIRECTORY :
					O_WRONLY, &bh));
	expect_rc(w, "fsync", 0, B->fsync(&bh, datasync));
	expect_rc(w, "close", 0, B->close(&bh));
	verify_node(w, path, d->inode, !dir);
}

static void op_read(struct worker *w)
{
	struct m_dentry *d = pick_entry(w, S_IFREG);
	struct m_inode *in;
	unsigned long long off, len;
	char path[PATH_BUF];

	if (!d)
		return;
	in = d->inode;
	path_of(d, path, sizeof(path));
	off = rnd(w, in->size + 1);
	len = write_size(w);
	op_begin(w, "read %s %llu bytes at %llu (size %llu)", path, len, off,
		 in->size);
	verify_data_path(w, path, in, off, off + len);
}

static void op_open(struct worker *w)
{
	struct m_dentry *d = pick_entry(w, S_IFREG);
	struct handle *h;

	if (!d || w->nhandles == MAX_HANDLES)
		return;
	h = &w->handles[w->nhandles];
	memset(h, 0, sizeof(*h));
	h->bh.fd = -1;
	h->append = chance(w, 20);
	path_of(d, h->path, sizeof(h->path));
	op_begin(w, "open %s O_RDWR%s (handle %u)", h->path,
		 h->append ? "|O_APPEND" : "", w->nhandles);
	expect_rc(w, "open", 0, B->open(h->path, O_RDWR | (h->append ? O_APPEND : 0),
					&h->bh));
	h->inode = d->inode;
	h->inode->handles++;
	w->nhandles++;
}

static void close_handle(struct worker *w, unsigned int i)
{
	struct handle *h = &w->handles[i];
	struct m_inode *in = h->inode;

	op_begin(w, "close handle %u (%s%s)", i, h->path,
		 in->nlink ? "" : ", unlinked");
	expect_rc(w, "close", 0, B->close(&h->bh));
	in->handles--;
	if (!in->nlink && !in->handles)
		free_inode(w, in);
	w->handles[i] = w->handles[--w->nhandles];
}

static void op_close(struct worker *w)
{
	if (w->nhandles)
		close_handle(w, rnd(w, w->nhandles));
}

static void op_handle_io(struct worker *w)
{
	struct handle *h;
	unsigned int r = rnd(w, 100);
	unsigned long long off, len;

	if (!w->nhandles)
		return;
	h = &w->handles[rnd(w, w->nhandles)];
	if (r < 60) {
		do_write(w, h->inode, h->path, h);
	} else if (r < 75) {
		do_truncate(w, h->inode, h->path, h);
	} else if (r < 85) {
		op_begin(w, "handle fsync %s", h->path);
		expect_rc(w, "fsync", 0, B->fsync(&h->bh, chance(w, 50)));
	} else {
		off = rnd(w, h->inode->size + 1);
		len = write_size(w);
		op_begin(w, "handle pread %s %llu bytes at %llu (size %llu)",
			 h->path, len, off, h->inode->size);
		verify_data(w, h->path, &h->bh, h->inode, off, off + len);
	}
}

static void op_lookup_missing(struct worker *w)
{
	struct m_inode *dir = pick_dir(w);
	struct m_dentry *f;
	char name[300], path[PATH_BUF];
	struct xstat st;

	if (chance(w, 30) && (f = pick_entry(w, S_IFREG))) {
		path_of(f, path, sizeof(path));
		strcat(path, "/x");
		op_begin(w, "stat %s (through a file)", path);
		expect_rc(w, "stat", -ENOTDIR, B->stat(path, &st));
		return;
	}
	gen_name(w, dir, name);
	if (m_lookup(dir, name))
		return;
	child_path(dir, name, path);
	op_begin(w, "stat %s (missing)", path);
	expect_rc(w, "stat", -ENOENT, B->stat(path, &st));
}

static void (*const op_funcs[NR_OPS])(struct worker *) = {
	[OP_CREATE] = op_create, [OP_WRITE] = op_write,
	[OP_TRUNCATE] = op_truncate, [OP_RENAME] = op_rename,
	[OP_LINK] = op_link, [OP_UNLINK] = op_unlink, [OP_MKDIR] = op_mkdir,
	[OP_RMDIR] = op_rmdir, [OP_SYMLINK] = op_symlink,
	[OP_CHMOD] = op_chmod, [OP_UTIMENS] = op_utimens,
	[OP_SETXATTR] = op_setxattr, [OP_RMXATTR] = op_removexattr,
	[OP_FSYNC] = op_fsync, [OP_READ] = op_read, [OP_OPEN] = op_open,
	[OP_CLOSE] = op_close, [OP_HANDLE_IO] = op_handle_io,
	[OP_LOOKUP_MISSING] = op_lookup_missing,
};

static void one_step(struct worker *w)
{
	unsigned int total = 0, i, r;

	for (i = 0; i < NR_OPS; i++)
		total += op_weights[i];
	r = rnd(w, total);
	for (i = 0; r >= op_weights[i]; i++)
		r -= op_weights[i];
	/* at the entry limit, namespace growth turns into removal */
	if (entries_full(w) && (i == OP_CREATE || i == OP_MKDIR ||
				i == OP_SYMLINK || i == OP_LINK))
		i = chance(w, 70) ? OP_UNLINK : OP_RMDIR;
	w->step++;
	w->counts[i]++;
	op_funcs[i](w);
}

/* ---- workers, remounts, the dump ---------------------------------------- */

static void close_all_handles(struct worker *w)
{
	while (w->nhandles)
		close_handle(w, w->nhandles - 1);
}

static void full_verify(struct worker *w, const char *why)
{
	op_begin(w, "verify the whole of w%d (%s)", w->id, why);
	verify_tree(w, w->top);
}

static void worker_setup(struct worker *w)
{
	char name[16];
	int err;

	snprintf(name, sizeof(name), "w%d", w->id);
	if (B == &kshim_backend) {
		kshim_thread_enter(name);
		kshim_set_creds(0, 0, 0, NULL);
		kshim_set_umask(umask_bits);
	}
	op_begin(w, "mkdir %s mode 755", name);
	err = B->mkdir(name, 0755);
	expect_rc(w, "mkdir of the worker's directory", 0, err);
	w->top = new_inode(w, S_IFDIR, 0755 & ~umask_bits);
	w->top->self = xzalloc(sizeof(*w->top->self));
	w->top->self->name = strdup(name);
	w->top->self->inode = w->top;
	verify_node(w, name, w->top, 0);
}

static unsigned long rounds(void)
{
	if (!opt.remount_every || B != &kshim_backend)
		return 1;
	return (opt.ops + opt.remount_every - 1) / opt.remount_every;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	unsigned long done = 0, since_verify = 0, round, nrounds = rounds();

	w->readbuf = malloc(IO_CHUNK);
	w->writebuf = malloc(262144);
	if (!w->readbuf || !w->writebuf)
		abort();
	worker_setup(w);
	for (round = 0; round < nrounds; round++) {
		unsigned long chunk = nrounds == 1 ? opt.ops :
			(opt.ops - done < opt.remount_every ? opt.ops - done :
			 opt.remount_every);

		for (; chunk; chunk--, done++) {
			one_step(w);
			if (opt.verify_every && ++since_verify >= opt.verify_every) {
				full_verify(w, "periodic");
				since_verify = 0;
			}
		}
		close_all_handles(w);
		full_verify(w, "end of round");
		if (round + 1 < nrounds) {
			/* the main thread unmounts and mounts again meanwhile */
			pthread_barrier_wait(&round_barrier);
			pthread_barrier_wait(&round_barrier);
			full_verify(w, "after remount");
		}
	}
	return NULL;
}

static int do_mount(void)
{
	int err = kshim_mount(opt.fstype, opt.image, 0, opt.mount_opts, &kfs);

	if (err)
		fprintf(stderr, "fsexercise: mount %s (%s): %s\n", opt.image,
			opt.fstype, errname(err));
	return err;
}

static int remount(void)
{
	int err = kshim_umount(kfs);

	if (err) {
		fprintf(stderr, "fsexercise: unmount: %s\n", errname(err));
		return err;
	}
	kfs = NULL;
	return do_mount();
}

static void dump_entry(FILE *f, const char *path, const struct m_inode *in)
{
	char hex[65];
	unsigned int i;

	fputc('/', f);
	manifest_put_escaped(f, path, strlen(path));
	fprintf(f, " type=%s mode=%04o uid=%u gid=%u nlink=%u",
		in->type == S_IFDIR ? "dir" : in->type == S_IFLNK ? "lnk" : "reg",
		in->perm, in->uid, in->gid, in->nlink);
	if (in->type == S_IFREG)
		fprintf(f, " size=%llu", in->size);
	if (in->type == S_IFLNK)
		fprintf(f, " size=%zu", strlen(in->target));
	fprintf(f, " ino=%llu mtime=%lld.%09u", in->ino, in->mt_sec, in->mt_nsec);
	if (in->type == S_IFREG) {
		sha256_hex_of(in->data, in->size, hex);
		fprintf(f, " data=%s", hex);
	}
	if (in->type == S_IFLNK) {
		fputs(" link=", f);
		manifest_put_escaped(f, in->target, strlen(in->target));
	}
	if (opt.prof.xattrs) {
		const struct m_xattr *sorted[MAX_XATTRS];
		unsigned int j, n = in->nxattrs;

		for (i = 0; i < n; i++)
			sorted[i] = &in->xattrs[i];
		for (i = 1; i < n; i++)
			for (j = i; j && strcmp(sorted[j - 1]->name, sorted[j]->name) > 0; j--) {
				const struct m_xattr *t = sorted[j];

				sorted[j] = sorted[j - 1];
				sorted[j - 1] = t;
			}
		for (i = 0; i < n; i++) {
			fputs(" x.", f);
			manifest_put_escaped(f, sorted[i]->name, strlen(sorted[i]->name));
			manifest_put_xattr_value(f, sorted[i]->val, sorted[i]->len);
		}
	}
	fputc('\n', f);
}

static void dump_tree(FILE *f, const struct m_inode *dir)
{
	char path[PATH_BUF];
	unsigned int i;

	path_of_dir(dir, path, sizeof(path));
	dump_entry(f, path, dir);
	for (i = 0; i < dir->nkids; i++) {
		const struct m_dentry *d = dir->kids[i];

		if (d->inode->type == S_IFDIR) {
			dump_tree(f, d->inode);
		} else {
			path_of(d, path, sizeof(path));
			dump_entry(f, path, d->inode);
		}
	}
}

static int write_dump(void)
{
	FILE *f = fopen(opt.dump, "w");
	unsigned int i;

	if (!f) {
		perror(opt.dump);
		return 1;
	}
	fprintf(f, "# fsexercise model: seed %llu, %u workers, %lu ops each\n",
		opt.seed, opt.workers, opt.ops);
	for (i = 0; i < opt.workers; i++)
		dump_tree(f, workers[i].top);
	if (fclose(f)) {
		perror(opt.dump);
		return 1;
	}
	return 0;
}

/* ---- command line ------------------------------------------------------- */

static void usage(FILE *out)
{
	fprintf(out,
		"usage: fsexercise (--kshim IMAGE --fstype ext2|minix | --posix DIR)\n"
		"                  [options]\n"
		"  --kshim IMAGE        in-process, through kshim/vfs.h (mounts IMAGE)\n"
		"  --fstype TYPE        the filesystem type for --kshim\n"
		"  --mount-opts OPTS    driver options for --kshim\n"
		"  --posix DIR          syscalls below DIR (a FUSE mountpoint)\n"
		"  --profile P          ext2, minix or host (default: --fstype's)\n"
		"  --namemax N          longest name (minix: 14, 30 or 60)\n"
		"  --link-max N         s_max_links (minix v1: 250, v2/v3: 65530)\n"
		"  --seed N             random seed (default 1)\n"
		"  --ops N              operations per worker (default 1000)\n"
		"  --workers W          threads, each in its own w<i>/ (default 1)\n"
		"  --files N            entries in all, shared out (default 300)\n"
		"  --budget-mib N       data all workers may write (default 24)\n"
		"  --max-file-kib N     largest file size (default 6144)\n"
		"  --verify-every K     compare the whole subtree every K ops (100)\n"
		"  --remount-every K    in-process: unmount, mount, verify every K ops\n"
		"  --dump FILE          write the final model as a manifest\n"
		"  --quiet              no summary line\n");
}

static const struct profile *find_profile(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
		if (!strcmp(profiles[i].name, name))
			return &profiles[i];
	return NULL;
}

static unsigned long long number(const char *s, const char *what)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	if (!*s || *end) {
		fprintf(stderr, "fsexercise: bad number for %s: %s\n", what, s);
		exit(2);
	}
	return v;
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kshim", required_argument, NULL, 'k' },
		{ "fstype", required_argument, NULL, 't' },
		{ "mount-opts", required_argument, NULL, 'O' },
		{ "posix", required_argument, NULL, 'p' },
		{ "profile", required_argument, NULL, 'P' },
		{ "namemax", required_argument, NULL, 'n' },
		{ "link-max", required_argument, NULL, 'L' },
		{ "seed", required_argument, NULL, 's' },
		{ "ops", required_argument, NULL, 'o' },
		{ "workers", required_argument, NULL, 'w' },
		{ "files", required_argument, NULL, 'f' },
		{ "budget-mib", required_argument, NULL, 'b' },
		{ "max-file-kib", required_argument, NULL, 'm' },
		{ "verify-every", required_argument, NULL, 'v' },
		{ "remount-every", required_argument, NULL, 'r' },
		{ "dump", required_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *profile = NULL;
	long long namemax = -1, link_max = -1;
	const struct profile *p;
	int c;

	opt.argc = argc;
	opt.argv = argv;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'k': opt.image = optarg; break;
		case 't': opt.fstype = optarg; break;
		case 'O': opt.mount_opts = optarg; break;
		case 'p': opt.posix_dir = optarg; break;
		case 'P': profile = optarg; break;
		case 'n': namemax = number(optarg, "--namemax"); break;
		case 'L': link_max = number(optarg, "--link-max"); break;
		case 's': opt.seed = number(optarg, "--seed"); break;
		case 'o': opt.ops = number(optarg, "--ops"); break;
		case 'w': opt.workers = number(optarg, "--workers"); break;
		case 'f': opt.files = number(optarg, "--files"); break;
		case 'b': opt.budget = number(optarg, "--budget-mib") << 20; break;
		case 'm': opt.max_file = number(optarg, "--max-file-kib") << 10; break;
		case 'v': opt.verify_every = number(optarg, "--verify-every"); break;
		case 'r': opt.remount_every = number(optarg, "--remount-every"); break;
		case 'd': opt.dump = optarg; break;
		case 'q': opt.quiet = 1; break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); exit(2);
		}
	}
	if (optind != argc || !!opt.image == !!opt.posix_dir ||
	    (opt.image && !opt.fstype) || !opt.workers ||
	    opt.workers > MAX_WORKERS || opt.max_file < 262144) {
		usage(stderr);
		exit(2);
	}
	if (!profile)
		profile = opt.fstype ? opt.fstype : "host";
	p = find_profile(profile);
	if (!p) {
		fprintf(stderr, "fsexercise: unknown profile %s\n", profile);
		exit(2);
	}
	opt.prof = *p;
	if (namemax > 0)
		opt.prof.namemax = namemax > 255 ? 255 : namemax;
	if (link_max >= 0)
		opt.prof.link_max = link_max;
}

int main(int argc, char **argv)
{
	unsigned long totals[NR_OPS] = { 0 }, expected_failures = 0;
	unsigned long nrounds, round;
	unsigned int i, j;
	int err;

	parse_args(argc, argv);
	umask(umask_bits);
	if (opt.image) {
		B = &kshim_backend;
		if (kshim_runtime_init("fsexercise")) {
			fprintf(stderr, "fsexercise: kernel world start-up failed\n");
			return 1;
		}
		if (do_mount())
			return 1;
	} else {
		B = &posix_backend;
		rootfd = open(opt.posix_dir, O_RDONLY | O_DIRECTORY);
		if (rootfd < 0) {
			perror(opt.posix_dir);
			return 1;
		}
	}
	nrounds = rounds();
	pthread_barrier_init(&round_barrier, NULL, opt.workers + 1);
	for (i = 0; i < opt.workers; i++) {
		struct worker *w = &workers[i];

		w->id = i;
		w->rng = opt.seed * 0x100000001b3ULL + i * 0x9e3779b97f4a7c15ULL;
		w->budget = opt.budget / opt.workers;
		w->max_entries = opt.files / opt.workers;
		if (w->max_entries < 8)
			w->max_entries = 8;
		if (pthread_create(&w->thread, NULL, worker_main, w)) {
			fprintf(stderr, "fsexercise: cannot start a thread\n");
			return 1;
		}
	}
	for (round = 0; round + 1 < nrounds; round++) {
		pthread_barrier_wait(&round_barrier);
		if (remount())
			_exit(1);
		pthread_barrier_wait(&round_barrier);
	}
	for (i = 0; i < opt.workers; i++)
		pthread_join(workers[i].thread, NULL);

	if (B == &kshim_backend) {
		/* what reached the image: unmount, mount again, compare all */
		if (remount())
			return 1;
		for (i = 0; i < opt.workers; i++)
			full_verify(&workers[i], "after the final remount");
	}
	if (opt.dump && write_dump())
		return 1;
	if (B == &kshim_backend) {
		err = kshim_umount(kfs);
		if (err) {
			fprintf(stderr, "fsexercise: unmount: %s\n", errname(err));
			return 1;
		}
		kshim_runtime_exit();
	}
	for (i = 0; i < opt.workers; i++) {
		for (j = 0; j < NR_OPS; j++)
			totals[j] += workers[i].counts[j];
		expected_failures += workers[i].failures_expected;
	}
	if (!opt.quiet) {
		printf("fsexercise: ok: seed %llu, %u worker(s) x %lu ops, %s, "
		       "%lu expected errors seen;", opt.seed, opt.workers, opt.ops,
		       B->name, expected_failures);
		for (j = 0; j < NR_OPS; j++)
			printf(" %s=%lu", op_names[j], totals[j]);
		printf("\n");
	}
	return 0;
}
