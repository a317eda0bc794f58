// SPDX-License-Identifier: GPL-2.0-only
/*
 * The FUSE lowlevel bridge: each FUSE request becomes calls of the
 * in-process VFS API (kshim/vfs.h), nothing else.  Host world: libfuse3.
 *
 * Node ids are kshim_node pointers (referenced dentries); FUSE_ROOT_ID is
 * the root node.  Every entry the bridge replies with (lookup, and each
 * readdirplus entry but "." and "..") carries one node reference, which
 * the kernel's forget returns: the VFS holds a dentry and its inode for
 * exactly as long as the kernel's lookup count says.
 *
 * Every worker thread enters the kernel world through kshim_thread_enter()
 * and acts with the credentials of the request's caller.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#define FUSE_USE_VERSION 35
#include <fuse_lowlevel.h>

#include <kshim/runtime.h>
#include <kshim/vfs.h>
#include "fuse-bridge.h"

static struct kshim_bridge *bridge_of(fuse_req_t req)
{
	return fuse_req_userdata(req);
}

static struct kshim_node *node_of(fuse_req_t req, fuse_ino_t ino)
{
	if (ino == FUSE_ROOT_ID)
		return bridge_of(req)->root;
	return (struct kshim_node *)(uintptr_t)ino;
}

static fuse_ino_t ino_of(struct kshim_bridge *b, struct kshim_node *node)
{
	if (node == b->root)
		return FUSE_ROOT_ID;
	return (fuse_ino_t)(uintptr_t)node;
}

/*
 * Every request: enter the kernel world and take on the caller's uid and
 * gid.  Permission checks are the kernel's (default_permissions), so the
 * supplementary groups, which libfuse reads from /proc on every call, are
 * fetched only by requests that create or change something
 * (enter_as_caller with groups), where the driver decides ownership.
 */
static void enter_as_caller(fuse_req_t req, int with_groups)
{
	const struct fuse_ctx *ctx = fuse_req_ctx(req);
	gid_t groups[64];
	int n = 0;

	kshim_thread_enter("fuse");
	if (with_groups) {
		n = fuse_req_getgroups(req, 64, groups);
		if (n < 0 || n > 64)
			n = 0;
	}
	kshim_set_creds(ctx->uid, ctx->gid, n, (const unsigned int *)groups);
}

static void enter(fuse_req_t req)
{
	enter_as_caller(req, 0);
}

static void to_stat(const struct kshim_stat *ks, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_ino = ks->ino;
	st->st_mode = ks->mode;
	st->st_nlink = ks->nlink;
	st->st_uid = ks->uid;
	st->st_gid = ks->gid;
	st->st_rdev = makedev(ks->rdev_major, ks->rdev_minor);
	st->st_size = ks->size;
	st->st_blksize = ks->blksize;
	st->st_blocks = ks->blocks;
	st->st_atim.tv_sec = ks->atime_sec;
	st->st_atim.tv_nsec = ks->atime_nsec;
	st->st_mtim.tv_sec = ks->mtime_sec;
	st->st_mtim.tv_nsec = ks->mtime_nsec;
	st->st_ctim.tv_sec = ks->ctime_sec;
	st->st_ctim.tv_nsec = ks->ctime_nsec;
}

/* fill an entry for @node, which carries the reference the reply hands over */
static int fill_entry(struct kshim_bridge *b, struct kshim_node *node,
		      struct fuse_entry_param *e)
{
	struct kshim_stat ks;
	int err = kshim_getattr(node, &ks);

	if (err)
		return err;
	memset(e, 0, sizeof(*e));
	e->ino = ino_of(b, node);
	e->generation = ks.generation;
	e->attr_timeout = b->attr_timeout;
	e->entry_timeout = b->entry_timeout;
	to_stat(&ks, &e->attr);
	return 0;
}

static void op_init(void *userdata, struct fuse_conn_info *conn)
{
	struct kshim_bridge *b = userdata;

	kshim_thread_enter("fuse-init");
	if (conn->capable & FUSE_CAP_EXPORT_SUPPORT)
		conn->want |= FUSE_CAP_EXPORT_SUPPORT;
	if (conn->capable & FUSE_CAP_READDIRPLUS)
		conn->want |= FUSE_CAP_READDIRPLUS;
	if (conn->capable & FUSE_CAP_READDIRPLUS_AUTO)
		conn->want |= FUSE_CAP_READDIRPLUS_AUTO;
	if (conn->capable & FUSE_CAP_ASYNC_READ)
		conn->want |= FUSE_CAP_ASYNC_READ;
	if (conn->capable & FUSE_CAP_PARALLEL_DIROPS)
		conn->want |= FUSE_CAP_PARALLEL_DIROPS;
	if (conn->capable & FUSE_CAP_CACHE_SYMLINKS)
		conn->want |= FUSE_CAP_CACHE_SYMLINKS;
	if (conn->capable & FUSE_CAP_SPLICE_WRITE)
		conn->want |= FUSE_CAP_SPLICE_WRITE;
	conn->max_readahead = 1 << 20;
	(void)b;
}

static void op_destroy(void *userdata)
{
	struct kshim_bridge *b = userdata;

	kshim_thread_enter("fuse-destroy");
	kshim_sync(b->fs);
}

static void op_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct kshim_bridge *b = bridge_of(req);
	struct fuse_entry_param e;
	struct kshim_node *node;
	int err;

	enter(req);
	err = kshim_lookup(b->fs, node_of(req, parent), name, &node);
	if (err == -ENOENT) {
		/* a negative entry the kernel may cache */
		memset(&e, 0, sizeof(e));
		e.entry_timeout = b->entry_timeout;
		fuse_reply_entry(req, &e);
		return;
	}
	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	err = fill_entry(b, node, &e);
	if (err) {
		kshim_node_put(node, 1);
		fuse_reply_err(req, -err);
		return;
	}
	if (fuse_reply_entry(req, &e))
		kshim_node_put(node, 1); /* the kernel never got the reference */
}

static void op_forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup)
{
	enter(req);
	if (ino != FUSE_ROOT_ID)
		kshim_node_put(node_of(req, ino), nlookup);
	fuse_reply_none(req);
}

static void op_forget_multi(fuse_req_t req, size_t count,
			    struct fuse_forget_data *forgets)
{
	size_t i;

	enter(req);
	for (i = 0; i < count; i++)
		if (forgets[i].ino != FUSE_ROOT_ID)
			kshim_node_put(node_of(req, forgets[i].ino),
				       forgets[i].nlookup);
	fuse_reply_none(req);
}

static void op_getattr(fuse_req_t req, fuse_ino_t ino,
		       struct fuse_file_info *fi)
{
	struct kshim_bridge *b = bridge_of(req);
	struct kshim_stat ks;
	struct stat st;
	int err;

	enter(req);
	err = kshim_getattr(node_of(req, ino), &ks);
	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	to_stat(&ks, &st);
	fuse_reply_attr(req, &st, b->attr_timeout);
}

static void op_readlink(fuse_req_t req, fuse_ino_t ino)
{
	char *buf = malloc(4097);
	long n;

	enter(req);
	if (!buf) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	n = kshim_readlink(node_of(req, ino), buf, 4096);
	if (n < 0) {
		fuse_reply_err(req, -n);
	} else {
		buf[n] = '\0';
		fuse_reply_readlink(req, buf);
	}
	free(buf);
}

static void op_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct kshim_bridge *b = bridge_of(req);
	struct kshim_file *file;
	int err;

	enter(req);
	err = kshim_open(node_of(req, ino), fi->flags, &file);
	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	fi->fh = (uint64_t)(uintptr_t)file;
	/* nothing changes a read-only mount behind the kernel's page cache */
	fi->keep_cache = b->rdonly;
	if (fuse_reply_open(req, fi))
		kshim_release(file);
}

static void op_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
		    struct fuse_file_info *fi)
{
	struct kshim_file *file = (struct kshim_file *)(uintptr_t)fi->fh;
	char *buf;
	long n;

	enter(req);
	buf = malloc(size ? size : 1);
	if (!buf) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	n = kshim_read(file, buf, size, off);
	if (n < 0)
		fuse_reply_err(req, -n);
	else
		fuse_reply_buf(req, buf, n);
	free(buf);
}

static void op_release(fuse_req_t req, fuse_ino_t ino,
		       struct fuse_file_info *fi)
{
	enter(req);
	kshim_release((struct kshim_file *)(uintptr_t)fi->fh);
	fuse_reply_err(req, 0);
}

static void op_opendir(fuse_req_t req, fuse_ino_t ino,
		       struct fuse_file_info *fi)
{
	struct kshim_file *file;
	int err;

	enter(req);
	err = kshim_open(node_of(req, ino), O_RDONLY | O_DIRECTORY, &file);
	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	fi->fh = (uint64_t)(uintptr_t)file;
	/* without keep_cache the kernel drops a cached listing at each open */
	fi->cache_readdir = bridge_of(req)->rdonly;
	fi->keep_cache = bridge_of(req)->rdonly;
	if (fuse_reply_open(req, fi))
		kshim_release(file);
}

struct dir_fill {
	fuse_req_t req;
	struct kshim_bridge *b;
	struct kshim_node *dir;
	char *buf;
	size_t size, used;
	int plus;
	int err;
};

static int fill_one(void *ctx, const char *name, size_t namelen,
		    unsigned long long ino, unsigned int dtype,
		    long long next_pos)
{
	struct dir_fill *d = ctx;
	char cname[256];
	size_t need;

	if (namelen > 255)
		return 0; /* no such entry can come from a Linux driver */
	memcpy(cname, name, namelen);
	cname[namelen] = '\0';
	if (!d->plus) {
		struct stat st = { .st_ino = ino, .st_mode = dtype << 12 };

		need = fuse_add_direntry(d->req, d->buf + d->used,
					 d->size - d->used, cname, &st,
					 next_pos);
		if (need > d->size - d->used)
			return 1;
	} else {
		struct fuse_entry_param e;
		struct kshim_node *node = NULL;
		int dot = !strcmp(cname, ".") || !strcmp(cname, "..");

		memset(&e, 0, sizeof(e));
		if (dot) {
			e.attr.st_ino = ino;
			e.attr.st_mode = dtype << 12;
		} else {
			int err = kshim_lookup(d->b->fs, d->dir, cname, &node);

			if (err || fill_entry(d->b, node, &e)) {
				/* vanished or unreadable: offer a bare entry */
				if (node)
					kshim_node_put(node, 1);
				node = NULL;
				memset(&e, 0, sizeof(e));
				e.attr.st_ino = ino;
				e.attr.st_mode = dtype << 12;
			}
		}
		need = fuse_add_direntry_plus(d->req, d->buf + d->used,
					      d->size - d->used, cname, &e,
					      next_pos);
		if (need > d->size - d->used) {
			if (node)
				kshim_node_put(node, 1);
			return 1;
		}
		/* the kernel now holds the entry's reference */
	}
	d->used += need;
	return 0;
}

static void do_readdir(fuse_req_t req, fuse_ino_t ino, size_t size,
		       off_t off, struct fuse_file_info *fi, int plus)
{
	struct dir_fill d = {
		.req = req, .b = bridge_of(req), .dir = node_of(req, ino),
		.size = size, .plus = plus,
	};
	int err;

	enter(req);
	d.buf = malloc(size ? size : 1);
	if (!d.buf) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	err = kshim_readdir((struct kshim_file *)(uintptr_t)fi->fh, off,
			    fill_one, &d);
	if (err && !d.used)
		fuse_reply_err(req, -err);
	else
		fuse_reply_buf(req, d.buf, d.used);
	free(d.buf);
}

static void op_readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
		       struct fuse_file_info *fi)
{
	do_readdir(req, ino, size, off, fi, 0);
}

static void op_readdirplus(fuse_req_t req, fuse_ino_t ino, size_t size,
			   off_t off, struct fuse_file_info *fi)
{
	do_readdir(req, ino, size, off, fi, 1);
}

static void op_releasedir(fuse_req_t req, fuse_ino_t ino,
			  struct fuse_file_info *fi)
{
	enter(req);
	kshim_release((struct kshim_file *)(uintptr_t)fi->fh);
	fuse_reply_err(req, 0);
}

static void op_statfs(fuse_req_t req, fuse_ino_t ino)
{
	struct kshim_statfs ks;
	struct statvfs st;
	int err;

	enter(req);
	err = kshim_statfs(bridge_of(req)->fs, &ks);
	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	memset(&st, 0, sizeof(st));
	st.f_bsize = ks.bsize;
	st.f_frsize = ks.frsize ? ks.frsize : ks.bsize;
	st.f_blocks = ks.blocks;
	st.f_bfree = ks.bfree;
	st.f_bavail = ks.bavail;
	st.f_files = ks.files;
	st.f_ffree = ks.ffree;
	st.f_favail = ks.ffree;
	st.f_fsid = ks.fsid;
	st.f_namemax = ks.namelen;
	fuse_reply_statfs(req, &st);
}

static void reply_xattr(fuse_req_t req, size_t size, long n, char *buf)
{
	if (n < 0)
		fuse_reply_err(req, -n);
	else if (!size)
		fuse_reply_xattr(req, n);
	else
		fuse_reply_buf(req, buf, n);
}

static void op_getxattr(fuse_req_t req, fuse_ino_t ino, const char *name,
			size_t size)
{
	char *buf = NULL;
	long n;

	enter(req);
	if (size && !(buf = malloc(size))) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	n = kshim_getxattr(node_of(req, ino), name, buf, size);
	reply_xattr(req, size, n, buf);
	free(buf);
}

static void op_listxattr(fuse_req_t req, fuse_ino_t ino, size_t size)
{
	char *buf = NULL;
	long n;

	enter(req);
	if (size && !(buf = malloc(size))) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	n = kshim_listxattr(node_of(req, ino), buf, size);
	reply_xattr(req, size, n, buf);
	free(buf);
}

static const struct fuse_lowlevel_ops bridge_ops = {
	.init = op_init,
	.destroy = op_destroy,
	.lookup = op_lookup,
	.forget = op_forget,
	.forget_multi = op_forget_multi,
	.getattr = op_getattr,
	.readlink = op_readlink,
	.open = op_open,
	.read = op_read,
	.release = op_release,
	.opendir = op_opendir,
	.readdir = op_readdir,
	.readdirplus = op_readdirplus,
	.releasedir = op_releasedir,
	.statfs = op_statfs,
	.getxattr = op_getxattr,
	.listxattr = op_listxattr,
};

const struct fuse_lowlevel_ops *kshim_bridge_ops(void)
{
	return &bridge_ops;
}
