// SPDX-License-Identifier: GPL-2.0-only
/*
 * A stand-in for the in-process VFS API (kshim/vfs.h) over a real directory
 * of the host, for the self-test of the test tools: vfs-manifest linked
 * with this file must print, for a directory, exactly the manifest that
 * kshimtest.py's walker prints.  Host world; it implements only what the
 * tools call, with the API's documented semantics (nodes are referenced
 * and shared while referenced, readdir positions resume, -ERANGE on short
 * xattr buffers).  kshim_mount's "device" is a directory path.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <kshim/runtime.h>
#include <kshim/vfs.h>

struct kshim_fs {
	char *root;
	int rdonly;
};

struct kshim_node {
	struct kshim_node *next;	/* hash chain */
	struct kshim_fs *fs;
	char *path;			/* absolute host path */
	unsigned long refs;
	unsigned long long ino;
};

struct kshim_file {
	int fd;
	struct { char *name; unsigned long long ino; unsigned int type; } *ents;
	long n;
};

#define NHASH 4096
static struct kshim_node *table[NHASH];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned int hash(const char *s)
{
	unsigned int h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h % NHASH;
}

/* find or make the node of path, with one more reference */
static int node_get(struct kshim_fs *fs, const char *path, struct kshim_node **np)
{
	struct kshim_node *n;
	struct stat st;
	unsigned int h = hash(path);

	if (lstat(path, &st))
		return -errno;
	pthread_mutex_lock(&lock);
	for (n = table[h]; n; n = n->next)
		if (n->fs == fs && !strcmp(n->path, path))
			break;
	if (!n) {
		n = calloc(1, sizeof(*n));
		n->fs = fs;
		n->path = strdup(path);
		n->ino = st.st_ino;
		n->next = table[h];
		table[h] = n;
	}
	n->refs++;
	pthread_mutex_unlock(&lock);
	*np = n;
	return 0;
}

void kshim_node_put(struct kshim_node *node, unsigned long count)
{
	struct kshim_node **pp;

	pthread_mutex_lock(&lock);
	node->refs -= count;
	if (!node->refs) {
		for (pp = &table[hash(node->path)]; *pp != node; pp = &(*pp)->next)
			;
		*pp = node->next;
		free(node->path);
		free(node);
	}
	pthread_mutex_unlock(&lock);
}

void kshim_node_get(struct kshim_node *node)
{
	pthread_mutex_lock(&lock);
	node->refs++;
	pthread_mutex_unlock(&lock);
}

const char *kshim_kernel_version(void) { return "fake"; }
int kshim_runtime_init(const char *progname) { (void)progname; return 0; }
void kshim_runtime_exit(void) { }
void kshim_thread_enter(const char *name) { (void)name; }

int kshim_mount(const char *fstype, const char *device, int flags,
		const char *options, struct kshim_fs **fsp)
{
	struct kshim_fs *fs = calloc(1, sizeof(*fs));

	(void)fstype; (void)options;
	fs->root = realpath(device, NULL);
	if (!fs->root) {
		free(fs);
		return -errno;
	}
	fs->rdonly = flags & KSHIM_MOUNT_RDONLY;
	*fsp = fs;
	return 0;
}

int kshim_umount(struct kshim_fs *fs)
{
	int i, busy = 0;
	struct kshim_node *n;

	for (i = 0; i < NHASH; i++)
		for (n = table[i]; n; n = n->next)
			busy |= n->fs == fs;
	free(fs->root);
	free(fs);
	return busy ? -EBUSY : 0;	/* a leaked node reference */
}

int kshim_is_rdonly(struct kshim_fs *fs) { return fs->rdonly; }

int kshim_root(struct kshim_fs *fs, struct kshim_node **nodep)
{
	return node_get(fs, fs->root, nodep);
}

int kshim_lookup(struct kshim_fs *fs, struct kshim_node *dir, const char *name,
		 struct kshim_node **nodep)
{
	char *p;
	int err;

	if (strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	if (asprintf(&p, "%s/%s", dir->path, name) < 0)
		return -ENOMEM;
	err = node_get(fs, p, nodep);
	free(p);
	return err;
}

int kshim_lookup_path(struct kshim_fs *fs, const char *path, struct kshim_node **nodep)
{
	char *p;
	int err;

	while (*path == '/')
		path++;
	if (asprintf(&p, "%s%s%s", fs->root, *path ? "/" : "", path) < 0)
		return -ENOMEM;
	err = node_get(fs, p, nodep);
	free(p);
	return err;
}

unsigned long long kshim_node_ino(struct kshim_node *node) { return node->ino; }

int kshim_getattr(struct kshim_node *node, struct kshim_stat *ks)
{
	struct stat st;

	if (lstat(node->path, &st))
		return -errno;
	memset(ks, 0, sizeof(*ks));
	ks->ino = st.st_ino;
	ks->size = st.st_size;
	ks->blocks = st.st_blocks;
	ks->mode = st.st_mode;
	ks->nlink = st.st_nlink;
	ks->uid = st.st_uid;
	ks->gid = st.st_gid;
	ks->rdev_major = major(st.st_rdev);
	ks->rdev_minor = minor(st.st_rdev);
	ks->blksize = st.st_blksize;
	ks->atime_sec = st.st_atim.tv_sec;
	ks->atime_nsec = st.st_atim.tv_nsec;
	ks->mtime_sec = st.st_mtim.tv_sec;
	ks->mtime_nsec = st.st_mtim.tv_nsec;
	ks->ctime_sec = st.st_ctim.tv_sec;
	ks->ctime_nsec = st.st_ctim.tv_nsec;
	return 0;
}

long kshim_readlink(struct kshim_node *node, char *buf, unsigned long size)
{
	ssize_t n = readlink(node->path, buf, size);

	return n < 0 ? -errno : n;
}

int kshim_statfs(struct kshim_fs *fs, struct kshim_statfs *ks)
{
	struct statvfs sv;

	if (statvfs(fs->root, &sv))
		return -errno;
	memset(ks, 0, sizeof(*ks));
	ks->bsize = sv.f_bsize;
	ks->frsize = sv.f_frsize;
	ks->blocks = sv.f_blocks;
	ks->bfree = sv.f_bfree;
	ks->bavail = sv.f_bavail;
	ks->files = sv.f_files;
	ks->ffree = sv.f_ffree;
	ks->namelen = sv.f_namemax;
	return 0;
}

int kshim_open(struct kshim_node *node, int flags, struct kshim_file **filep)
{
	struct kshim_file *f = calloc(1, sizeof(*f));
	struct dirent *de;
	DIR *d;

	f->fd = open(node->path, flags | O_NOFOLLOW);
	if (f->fd < 0) {
		free(f);
		return -errno;
	}
	if (flags & O_DIRECTORY) {
		d = fdopendir(dup(f->fd));
		while (d && (de = readdir(d))) {
			f->ents = realloc(f->ents, (f->n + 1) * sizeof(*f->ents));
			f->ents[f->n].name = strdup(de->d_name);
			f->ents[f->n].ino = de->d_ino;
			f->ents[f->n].type = de->d_type;
			f->n++;
		}
		if (d)
			closedir(d);
	}
	*filep = f;
	return 0;
}

long kshim_read(struct kshim_file *file, void *buf, unsigned long size, long long offset)
{
	ssize_t n = pread(file->fd, buf, size, offset);

	return n < 0 ? -errno : n;
}

int kshim_release(struct kshim_file *file)
{
	long i;

	for (i = 0; i < file->n; i++)
		free(file->ents[i].name);
	free(file->ents);
	close(file->fd);
	free(file);
	return 0;
}

int kshim_readdir(struct kshim_file *dir, long long pos, kshim_filldir_t filldir, void *ctx)
{
	for (; pos >= 0 && pos < dir->n; pos++)
		if (filldir(ctx, dir->ents[pos].name, strlen(dir->ents[pos].name),
			    dir->ents[pos].ino, dir->ents[pos].type, pos + 1))
			break;
	return 0;
}

long kshim_getxattr(struct kshim_node *node, const char *name, void *buf, unsigned long size)
{
	ssize_t n = lgetxattr(node->path, name, buf, size);

	return n < 0 ? -errno : n;
}

long kshim_listxattr(struct kshim_node *node, char *buf, unsigned long size)
{
	ssize_t n = llistxattr(node->path, buf, size);

	return n < 0 ? -errno : n;
}
