// SPDX-License-Identifier: GPL-2.0-only
/*
 * The FUSE lowlevel bridge: each FUSE request becomes calls of the
 * in-process VFS API (kshim/vfs.h), nothing else.  Host world: libfuse3.
 *
 * Node ids: one per inode the kernel knows, a record of the node table
 * below holding one referenced dentry of that inode and the kernel's
 * lookup count; FUSE_ROOT_ID is the root.  Every entry the bridge replies
 * with (lookup, create, mkdir, mknod, symlink, link, and each readdirplus
 * entry but "." and "..") adds one to that count, which the kernel's
 * forget returns: the VFS holds a dentry and its inode for exactly as long
 * as the kernel's lookup count says.  One id per inode (not per name)
 * keeps hard links one inode in the kernel too: one page cache, one link
 * count, one size.
 *
 * Every worker thread enters the kernel world through kshim_thread_enter()
 * and acts with the credentials of the request's caller; requests that
 * create or change something also carry the caller's supplementary groups
 * and umask (FUSE_CAP_DONT_MASK: the VFS applies the umask, or the parent's
 * default ACL replaces it, as in the kernel).
 *
 * Permissions: the VFS checks every request, as strictly as the syscalls;
 * access(2) and chdir(2) come as FUSE_ACCESS, exec(2)'s open carries
 * KSHIM_OPEN_EXEC.  On allow_other mounts (or -o default_permissions) the
 * kernel checks first as well (main.c says why only there).  The VFS
 * clears set-id bits and file capabilities on write, truncation and chown
 * (FUSE_HANDLE_KILLPRIV_V2, see kshim_bridge_take_io).  The kernel caches
 * no writes unless -o writeback_cache asks for it (see op_init).
 * close(2) reaches the daemon (FUSE_FLUSH) only for files whose driver
 * has ->flush: as in the kernel, close reports nothing else.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/fuse.h>

#define FUSE_USE_VERSION 35
#include <fuse_lowlevel.h>

#include <kshim/runtime.h>
#include <kshim/vfs.h>
#include "fuse-bridge.h"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* --- node ids ------------------------------------------------------------ */

/*
 * An inode number is a stable key while the record holds its dentry: a
 * referenced inode is never evicted, so the driver cannot hand its number
 * to another file meanwhile.  The record keeps the first dentry the inode
 * was reached by; a later name of the same inode (a hard link) gives its
 * own reference back.  A record's dentry may be unhashed (its name was
 * unlinked or renamed over) while other names remain: calls on a node id
 * only need the inode.
 */
struct bridge_node {
	struct bridge_node *next;	/* hash chain */
	struct kshim_node *node;	/* one dentry reference */
	unsigned long long ino;
	uint64_t nlookup;		/* the kernel's count */
};

struct bridge_node_table {
	pthread_mutex_t lock;
	struct bridge_node **buckets;
	size_t nbuckets;		/* a power of two */
	size_t count;
	unsigned long long root_ino;
};

#define NODE_TABLE_FIRST_BUCKETS 1024

static size_t node_bucket(const struct bridge_node_table *t,
			  unsigned long long ino)
{
	return (size_t)((ino * 0x9e3779b97f4a7c15ULL) >> 20) & (t->nbuckets - 1);
}

/* called with the lock held; on allocation failure the table stays as is */
static void node_table_grow(struct bridge_node_table *t)
{
	size_t old_n = t->nbuckets, i;
	struct bridge_node **old = t->buckets;
	struct bridge_node **fresh = calloc(old_n * 2, sizeof(*fresh));

	if (!fresh)
		return;
	t->buckets = fresh;
	t->nbuckets = old_n * 2;
	for (i = 0; i < old_n; i++) {
		struct bridge_node *rec = old[i], *next;

		for (; rec; rec = next) {
			size_t h = node_bucket(t, rec->ino);

			next = rec->next;
			rec->next = fresh[h];
			fresh[h] = rec;
		}
	}
	free(old);
}

int kshim_bridge_init(struct kshim_bridge *b)
{
	struct bridge_node_table *t = calloc(1, sizeof(*t));

	if (!t)
		return -ENOMEM;
	t->buckets = calloc(NODE_TABLE_FIRST_BUCKETS, sizeof(*t->buckets));
	if (!t->buckets) {
		free(t);
		return -ENOMEM;
	}
	t->nbuckets = NODE_TABLE_FIRST_BUCKETS;
	pthread_mutex_init(&t->lock, NULL);
	t->root_ino = kshim_node_ino(b->root);
	b->nodes = t;
	return 0;
}

/* after the session ended: the references the kernel never returned */
void kshim_bridge_fini(struct kshim_bridge *b)
{
	struct bridge_node_table *t = b->nodes;
	size_t i;

	if (!t)
		return;
	kshim_thread_enter("fuse-fini");
	for (i = 0; i < t->nbuckets; i++) {
		struct bridge_node *rec = t->buckets[i], *next;

		for (; rec; rec = next) {
			next = rec->next;
			kshim_node_put(rec->node, 1);
			free(rec);
		}
	}
	pthread_mutex_destroy(&t->lock);
	free(t->buckets);
	free(t);
	b->nodes = NULL;
}

/*
 * Hand @node, with the one reference the caller holds, to the kernel: the
 * id to put in the reply, its count raised by one.  0 (and the reference
 * dropped) when no record could be allocated.
 */
static fuse_ino_t publish_node(struct kshim_bridge *b, struct kshim_node *node)
{
	struct bridge_node_table *t = b->nodes;
	unsigned long long ino = kshim_node_ino(node);
	struct bridge_node *rec, *spare;
	size_t h;

	if (ino == t->root_ino) {
		/* the root's id needs no count: the kernel never forgets it */
		kshim_node_put(node, 1);
		return FUSE_ROOT_ID;
	}
	spare = malloc(sizeof(*spare));
	pthread_mutex_lock(&t->lock);
	h = node_bucket(t, ino);
	for (rec = t->buckets[h]; rec; rec = rec->next)
		if (rec->ino == ino)
			break;
	if (rec) {
		rec->nlookup++;
		pthread_mutex_unlock(&t->lock);
		free(spare);
		kshim_node_put(node, 1);	/* the record holds its own */
		return (fuse_ino_t)(uintptr_t)rec;
	}
	if (!spare) {
		pthread_mutex_unlock(&t->lock);
		kshim_node_put(node, 1);
		return 0;
	}
	rec = spare;
	rec->node = node;
	rec->ino = ino;
	rec->nlookup = 1;
	rec->next = t->buckets[h];
	t->buckets[h] = rec;
	if (++t->count > 2 * t->nbuckets)
		node_table_grow(t);
	pthread_mutex_unlock(&t->lock);
	return (fuse_ino_t)(uintptr_t)rec;
}

/* forget: the kernel returns @count of the id's lookups */
static void unpublish_node(struct kshim_bridge *b, fuse_ino_t id,
			   uint64_t count)
{
	struct bridge_node_table *t = b->nodes;
	struct bridge_node *rec = (struct bridge_node *)(uintptr_t)id;
	struct bridge_node **link;
	int last = 0;

	if (id == FUSE_ROOT_ID || !count)
		return;
	pthread_mutex_lock(&t->lock);
	if (count >= rec->nlookup) {
		for (link = &t->buckets[node_bucket(t, rec->ino)]; *link;
		     link = &(*link)->next) {
			if (*link == rec) {
				*link = rec->next;
				break;
			}
		}
		t->count--;
		last = 1;
	} else {
		rec->nlookup -= count;
	}
	pthread_mutex_unlock(&t->lock);
	if (last) {
		kshim_node_put(rec->node, 1);
		free(rec);
	}
}

/* --- requests ------------------------------------------------------------ */

static struct kshim_bridge *bridge_of(fuse_req_t req)
{
	return fuse_req_userdata(req);
}

static struct kshim_node *node_of(fuse_req_t req, fuse_ino_t ino)
{
	if (ino == FUSE_ROOT_ID)
		return bridge_of(req)->root;
	return ((struct bridge_node *)(uintptr_t)ino)->node;
}

static struct kshim_file *file_of(const struct fuse_file_info *fi)
{
	return (struct kshim_file *)(uintptr_t)fi->fh;
}

/*
 * Every request: enter the kernel world and take on the caller's uid and
 * gid.  The supplementary groups, which libfuse reads from /proc (two opens
 * and reads of the caller's status file) on every call, are fetched only
 * where they can change an outcome without an error:
 *  - set-gid handling: a mode with S_ISGID (create, mknod), a mode,
 *    owner or size change (chmod, chown, truncate, O_TRUNC: set-gid
 *    clearing), xattr/ACL changes (enter_to_change, before the call);
 *    a change of times only asks for groups on a refusal;
 *  - a permission granted only through a supplementary group: the VFS
 *    refuses with -EACCES or -EPERM before it changes anything, and the
 *    request is tried again with the groups (retry_with_groups).
 * Name operations (create without S_ISGID or O_TRUNC, mkdir, symlink,
 * link, unlink, rmdir, rename) use groups for nothing else, so they enter
 * with enter_to_name and fetch groups only on such a refusal.
 */
static void enter_as_caller(fuse_req_t req, int with_groups)
{
	const struct fuse_ctx *ctx = fuse_req_ctx(req);
	gid_t small[64], *groups = small;
	int n = 0, room = 64;

	kshim_thread_enter("fuse");
	if (with_groups) {
		n = fuse_req_getgroups(req, room, small);
		if (n > room) {
			groups = malloc(n * sizeof(*groups));
			if (groups) {
				room = n;
				n = fuse_req_getgroups(req, room, groups);
			} else {
				groups = small;
			}
		}
		/* unknown (no /proc), or more than fit: act without them */
		if (n < 0 || n > room)
			n = 0;
	}
	kshim_set_creds(ctx->uid, ctx->gid, n, (const unsigned int *)groups);
	if (groups != small)
		free(groups);
}

static void enter(fuse_req_t req)
{
	enter_as_caller(req, 0);
}

/* a request that creates or changes: groups, and the caller's umask */
static void enter_to_change(fuse_req_t req)
{
	enter_as_caller(req, 1);
	kshim_set_umask(fuse_req_ctx(req)->umask);
}

/* a name operation: the umask; groups only if a refusal asks for them */
static void enter_to_name(fuse_req_t req)
{
	enter_as_caller(req, 0);
	kshim_set_umask(fuse_req_ctx(req)->umask);
}

/* a read request the VFS refused may have needed a supplementary group */
static int retry_with_groups(fuse_req_t req, int err)
{
	if (err != -EACCES && err != -EPERM)
		return 0;
	enter_as_caller(req, 1);
	return 1;
}

/* @call's result, trying it once more with the groups after a refusal */
#define with_groups_retry(req, call)					\
	({								\
		long __err = (call);					\
									\
		if (retry_with_groups(req, __err))			\
			__err = (call);					\
		__err;							\
	})

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

/*
 * Fill an entry for @node and publish it: the caller's reference on @node
 * goes into the node table whatever happens.  On success e->ino holds one
 * new count, which a failed reply must give back (unpublish_node(.., 1)).
 */
static int entry_for(struct kshim_bridge *b, struct kshim_node *node,
		     struct fuse_entry_param *e)
{
	struct kshim_stat ks;
	int err = kshim_getattr(node, &ks);

	if (err) {
		kshim_node_put(node, 1);
		return err;
	}
	memset(e, 0, sizeof(*e));
	e->ino = publish_node(b, node);
	if (!e->ino)
		return -ENOMEM;
	e->generation = ks.generation;
	e->attr_timeout = b->attr_timeout;
	e->entry_timeout = b->entry_timeout;
	to_stat(&ks, &e->attr);
	return 0;
}

/* reply with @node's entry (the caller's reference moves into it) */
static void reply_entry(fuse_req_t req, struct kshim_node *node)
{
	struct kshim_bridge *b = bridge_of(req);
	struct fuse_entry_param e;
	int err = entry_for(b, node, &e);

	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	if (fuse_reply_entry(req, &e))
		unpublish_node(b, e.ino, 1); /* the kernel never got it */
}

/*
 * Capabilities.  Writes go through to the VFS one request at a time
 * (max_write 1 MiB, max_pages to match) and the kernel caches none of
 * them unless -o writeback_cache: with the kernel's write-back cache,
 * data sits in the kernel until it chooses to flush it, so a SIGTERM or a
 * crash of this daemon before that loses it, the kernel trusts its own
 * size and times over the driver's, and its flusher writes as root with
 * any handle open for writing.  The bridge copes with the last points
 * (op_open), not with the first.
 */
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
	/* the mode arrives unmasked with the caller's umask: the VFS decides */
	if (conn->capable & FUSE_CAP_DONT_MASK)
		conn->want |= FUSE_CAP_DONT_MASK;
	/* open(O_TRUNC) reaches kshim_open whole */
	if (conn->capable & FUSE_CAP_ATOMIC_O_TRUNC)
		conn->want |= FUSE_CAP_ATOMIC_O_TRUNC;
	/* v1 is off; v2 is asked for past libfuse (kshim_bridge_take_io) */
	conn->want &= ~FUSE_CAP_HANDLE_KILLPRIV;
	/*
	 * Write data is copied into the page cache by kshim_write either way;
	 * a spliced request only adds a pipe to copy it out of.
	 */
	conn->want &= ~FUSE_CAP_SPLICE_READ;
	if (b->writeback_cache && !b->rdonly &&
	    (conn->capable & FUSE_CAP_WRITEBACK_CACHE))
		conn->want |= FUSE_CAP_WRITEBACK_CACHE;
	else
		conn->want &= ~FUSE_CAP_WRITEBACK_CACHE;
	conn->max_write = 1 << 20;
	conn->max_readahead = 1 << 20;
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
	err = with_groups_retry(req, kshim_lookup(b->fs, node_of(req, parent),
						 name, &node));
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
	reply_entry(req, node);
}

static void op_forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup)
{
	enter(req);
	unpublish_node(bridge_of(req), ino, nlookup);
	fuse_reply_none(req);
}

static void op_forget_multi(fuse_req_t req, size_t count,
			    struct fuse_forget_data *forgets)
{
	size_t i;

	enter(req);
	for (i = 0; i < count; i++)
		unpublish_node(bridge_of(req), forgets[i].ino,
			       forgets[i].nlookup);
	fuse_reply_none(req);
}

static void reply_attr(fuse_req_t req, struct kshim_node *node)
{
	struct kshim_stat ks;
	struct stat st;
	int err;

	err = kshim_getattr(node, &ks);
	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	to_stat(&ks, &st);
	fuse_reply_attr(req, &st, bridge_of(req)->attr_timeout);
}

static void op_getattr(fuse_req_t req, fuse_ino_t ino,
		       struct fuse_file_info *fi)
{
	enter(req);
	reply_attr(req, node_of(req, ino));
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

/*
 * The open flags the VFS gets.  With the kernel's write-back cache the
 * kernel reads around partial pages through any handle and writes at the
 * offsets it chose: a write-only open becomes read-write where the caller
 * may read, and O_APPEND is the kernel's business.
 */
static int open_with(fuse_req_t req, struct kshim_node *node, int flags,
		     struct kshim_file **filep)
{
	struct kshim_bridge *b = bridge_of(req);
	int err;

	if (b->writeback_cache) {
		flags &= ~O_APPEND;
		if ((flags & O_ACCMODE) == O_WRONLY) {
			err = kshim_open(node, (flags & ~O_ACCMODE) | O_RDWR,
					 filep);
			if (err != -EACCES)
				return err;
		}
	}
	return with_groups_retry(req, kshim_open(node, flags, filep));
}

static void op_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct kshim_bridge *b = bridge_of(req);
	struct kshim_file *file;
	int err;

	if (fi->flags & O_TRUNC)
		enter_to_change(req);
	else
		enter(req);
	err = open_with(req, node_of(req, ino), fi->flags, &file);
	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	fi->fh = (uint64_t)(uintptr_t)file;
	/* nothing changes a read-only mount behind the kernel's page cache */
	fi->keep_cache = b->rdonly;
	fi->noflush = !kshim_has_flush(file);
	if (fuse_reply_open(req, fi))
		kshim_release(file);
}

static void op_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
		    struct fuse_file_info *fi)
{
	char *buf;
	long n;

	enter(req);
	buf = malloc(size ? size : 1);
	if (!buf) {
		fuse_reply_err(req, ENOMEM);
		return;
	}
	n = kshim_read(file_of(fi), buf, size, off);
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
	kshim_release(file_of(fi));
	fuse_reply_err(req, 0);
}

static void op_opendir(fuse_req_t req, fuse_ino_t ino,
		       struct fuse_file_info *fi)
{
	struct kshim_file *file;
	int err;

	enter(req);
	err = with_groups_retry(req, kshim_open(node_of(req, ino),
						O_RDONLY | O_DIRECTORY, &file));
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
		if (dot || kshim_lookup(d->b->fs, d->dir, cname, &node) ||
		    entry_for(d->b, node, &e)) {
			/* dots, vanished or unreadable: a bare entry */
			memset(&e, 0, sizeof(e));
			e.attr.st_ino = ino;
			e.attr.st_mode = dtype << 12;
		}
		need = fuse_add_direntry_plus(d->req, d->buf + d->used,
					      d->size - d->used, cname, &e,
					      next_pos);
		if (need > d->size - d->used) {
			unpublish_node(d->b, e.ino, e.ino ? 1 : 0);
			return 1;
		}
		/* the kernel now holds the entry's count */
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
	err = kshim_readdir(file_of(fi), off, fill_one, &d);
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
	kshim_release(file_of(fi));
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
	n = with_groups_retry(req, kshim_getxattr(node_of(req, ino), name, buf,
						  size));
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

/* --- the write half ------------------------------------------------------ */

static void reply_new_node(fuse_req_t req, int err, struct kshim_node *node)
{
	if (err)
		fuse_reply_err(req, -err);
	else
		reply_entry(req, node);
}

static void op_mknod(fuse_req_t req, fuse_ino_t parent, const char *name,
		     mode_t mode, dev_t rdev)
{
	struct kshim_node *node;
	int err;

	if (mode & S_ISGID)
		enter_to_change(req);
	else
		enter_to_name(req);
	err = kshim_mknod(node_of(req, parent), name, mode, major(rdev),
			  minor(rdev), &node);
	if (!(mode & S_ISGID) && retry_with_groups(req, err))
		err = kshim_mknod(node_of(req, parent), name, mode, major(rdev),
				  minor(rdev), &node);
	reply_new_node(req, err, node);
}

static void op_mkdir(fuse_req_t req, fuse_ino_t parent, const char *name,
		     mode_t mode)
{
	struct kshim_node *node;
	int err;

	/* a directory keeps S_ISGID whatever the groups (mode_strip_sgid) */
	enter_to_name(req);
	err = with_groups_retry(req, kshim_mkdir(node_of(req, parent), name,
						 mode | S_IFDIR, &node));
	reply_new_node(req, err, node);
}

static void op_symlink(fuse_req_t req, const char *target, fuse_ino_t parent,
		       const char *name)
{
	struct kshim_node *node;
	int err;

	enter_to_name(req);
	err = with_groups_retry(req, kshim_symlink(node_of(req, parent), name,
						   target, &node));
	reply_new_node(req, err, node);
}

static void op_link(fuse_req_t req, fuse_ino_t ino, fuse_ino_t newparent,
		    const char *newname)
{
	struct kshim_node *node;
	int err;

	enter_to_name(req);
	err = with_groups_retry(req, kshim_link(node_of(req, ino),
						node_of(req, newparent),
						newname, &node));
	/* the new name's inode is @ino's: the reply raises that id's count */
	reply_new_node(req, err, node);
}

static void op_unlink(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	enter_to_name(req);
	fuse_reply_err(req, -with_groups_retry(req, kshim_unlink(node_of(req,
								parent), name)));
}

static void op_rmdir(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	enter_to_name(req);
	fuse_reply_err(req, -with_groups_retry(req, kshim_rmdir(node_of(req,
							       parent), name)));
}

static void op_rename(fuse_req_t req, fuse_ino_t parent, const char *name,
		      fuse_ino_t newparent, const char *newname,
		      unsigned int flags)
{
	unsigned int kflags = 0;

	enter_to_name(req);
	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE)) {
		/* RENAME_WHITEOUT: overlayfs's, never a driver's here */
		fuse_reply_err(req, EINVAL);
		return;
	}
	if (flags & RENAME_NOREPLACE)
		kflags |= KSHIM_RENAME_NOREPLACE;
	if (flags & RENAME_EXCHANGE)
		kflags |= KSHIM_RENAME_EXCHANGE;
	fuse_reply_err(req, -with_groups_retry(req, kshim_rename(
				node_of(req, parent), name,
				node_of(req, newparent), newname, kflags)));
}

static void op_setattr(fuse_req_t req, fuse_ino_t ino, struct stat *attr,
		       int to_set, struct fuse_file_info *fi)
{
	struct kshim_setattr sa = { 0 };
	struct kshim_node *node = node_of(req, ino);
	/* mode, owner and size changes may drop S_ISGID by group membership */
	int eager = to_set & (FUSE_SET_ATTR_MODE | FUSE_SET_ATTR_UID |
			      FUSE_SET_ATTR_GID | FUSE_SET_ATTR_SIZE);
	int err;

	if (eager)
		enter_to_change(req);
	else
		enter(req);
	if (to_set & FUSE_SET_ATTR_MODE) {
		sa.valid |= KSHIM_SET_MODE;
		sa.mode = attr->st_mode & 07777;
	}
	if (to_set & FUSE_SET_ATTR_UID) {
		sa.valid |= KSHIM_SET_UID;
		sa.uid = attr->st_uid;
	}
	if (to_set & FUSE_SET_ATTR_GID) {
		sa.valid |= KSHIM_SET_GID;
		sa.gid = attr->st_gid;
	}
	if (to_set & FUSE_SET_ATTR_SIZE) {
		sa.valid |= KSHIM_SET_SIZE;
		sa.size = attr->st_size;
	}
	if (to_set & FUSE_SET_ATTR_ATIME_NOW) {
		sa.valid |= KSHIM_SET_ATIME_NOW;
	} else if (to_set & FUSE_SET_ATTR_ATIME) {
		sa.valid |= KSHIM_SET_ATIME;
		sa.atime_sec = attr->st_atim.tv_sec;
		sa.atime_nsec = attr->st_atim.tv_nsec;
	}
	if (to_set & FUSE_SET_ATTR_MTIME_NOW) {
		sa.valid |= KSHIM_SET_MTIME_NOW;
	} else if (to_set & FUSE_SET_ATTR_MTIME) {
		sa.valid |= KSHIM_SET_MTIME;
		sa.mtime_sec = attr->st_mtim.tv_sec;
		sa.mtime_nsec = attr->st_mtim.tv_nsec;
	}
	if (to_set & FUSE_SET_ATTR_CTIME) {
		sa.valid |= KSHIM_SET_CTIME;
		sa.ctime_sec = attr->st_ctim.tv_sec;
		sa.ctime_nsec = attr->st_ctim.tv_nsec;
	}
	/* fi: ftruncate(2) and friends, through the open file */
	err = kshim_setattr(node, fi ? file_of(fi) : NULL, &sa);
	if (!eager && retry_with_groups(req, err))
		err = kshim_setattr(node, fi ? file_of(fi) : NULL, &sa);
	if (err)
		fuse_reply_err(req, -err);
	else
		reply_attr(req, node);
}

static void op_create(fuse_req_t req, fuse_ino_t parent, const char *name,
		      mode_t mode, struct fuse_file_info *fi)
{
	struct kshim_bridge *b = bridge_of(req);
	struct fuse_entry_param e;
	struct kshim_node *node;
	struct kshim_file *file;
	int flags = fi->flags;
	int eager = (mode & S_ISGID) || (fi->flags & O_TRUNC);
	int err;

	if (eager)
		enter_to_change(req);
	else
		enter_to_name(req);
again:
	flags = fi->flags;
	if (b->writeback_cache) {
		/* see open_with: a new file opens read-write unchecked */
		flags &= ~O_APPEND;
		if ((flags & O_ACCMODE) == O_WRONLY)
			flags = (flags & ~O_ACCMODE) | O_RDWR;
	}
	err = kshim_create(node_of(req, parent), name, mode | S_IFREG, flags,
			   &node, &file);
	if (err == -EACCES && flags != fi->flags) {
		/* it existed, and the caller may only write it */
		err = kshim_create(node_of(req, parent), name, mode | S_IFREG,
				   fi->flags & ~O_APPEND, &node, &file);
	}
	if (!eager && retry_with_groups(req, err)) {
		eager = 1;
		goto again;
	}
	if (err) {
		fuse_reply_err(req, -err);
		return;
	}
	err = entry_for(b, node, &e);
	if (err) {
		kshim_release(file);
		fuse_reply_err(req, -err);
		return;
	}
	fi->fh = (uint64_t)(uintptr_t)file;
	fi->keep_cache = 0;
	fi->noflush = !kshim_has_flush(file);
	if (fuse_reply_create(req, &e, fi)) {
		kshim_release(file);
		unpublish_node(b, e.ino, 1);
	}
}

/*
 * Writes arrive in memory (no FUSE_CAP_SPLICE_READ); a buffer vector of
 * any other shape is copied out first.
 */
static void op_write_buf(fuse_req_t req, fuse_ino_t ino,
			 struct fuse_bufvec *bufv, off_t off,
			 struct fuse_file_info *fi)
{
	size_t size = fuse_buf_size(bufv);
	const struct fuse_buf *first = &bufv->buf[bufv->idx];
	long n;

	enter(req);
	if (bufv->count - bufv->idx == 1 && !(first->flags & FUSE_BUF_IS_FD)) {
		n = kshim_write(file_of(fi),
				(const char *)first->mem + bufv->off,
				first->size - bufv->off, off);
	} else {
		struct fuse_bufvec flat = FUSE_BUFVEC_INIT(size);
		ssize_t got;

		flat.buf[0].mem = malloc(size ? size : 1);
		if (!flat.buf[0].mem) {
			fuse_reply_err(req, ENOMEM);
			return;
		}
		got = fuse_buf_copy(&flat, bufv, 0);
		if (got < 0)
			n = got;
		else
			n = kshim_write(file_of(fi), flat.buf[0].mem, got, off);
		free(flat.buf[0].mem);
	}
	if (n < 0)
		fuse_reply_err(req, -n);
	else
		fuse_reply_write(req, n);
}

/* access(2), chdir(2) and friends, without default_permissions */
static void op_access(fuse_req_t req, fuse_ino_t ino, int mask)
{
	enter(req);
	fuse_reply_err(req, -with_groups_retry(req, kshim_access(node_of(req,
							       ino), mask)));
}

static void op_flush(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	enter(req);
	fuse_reply_err(req, -kshim_flush(file_of(fi)));
}

static void op_fsync(fuse_req_t req, fuse_ino_t ino, int datasync,
		     struct fuse_file_info *fi)
{
	enter(req);
	fuse_reply_err(req, -kshim_fsync(file_of(fi), datasync));
}

/* fsync(2) on a directory: the directory's own file, opened by opendir */
static void op_fsyncdir(fuse_req_t req, fuse_ino_t ino, int datasync,
			struct fuse_file_info *fi)
{
	enter(req);
	fuse_reply_err(req, -kshim_fsync(file_of(fi), datasync));
}

static void op_setxattr(fuse_req_t req, fuse_ino_t ino, const char *name,
			const char *value, size_t size, int flags)
{
	enter_to_change(req);
	fuse_reply_err(req, -kshim_setxattr(node_of(req, ino), name, value,
					    size, flags));
}

static void op_removexattr(fuse_req_t req, fuse_ino_t ino, const char *name)
{
	enter_to_change(req);
	fuse_reply_err(req, -kshim_removexattr(node_of(req, ino), name));
}

static void op_fallocate(fuse_req_t req, fuse_ino_t ino, int mode,
			 off_t offset, off_t length, struct fuse_file_info *fi)
{
	enter(req);
	fuse_reply_err(req, -kshim_fallocate(file_of(fi), mode, offset,
					     length));
}

static const struct fuse_lowlevel_ops bridge_ops = {
	.init = op_init,
	.destroy = op_destroy,
	.lookup = op_lookup,
	.forget = op_forget,
	.forget_multi = op_forget_multi,
	.getattr = op_getattr,
	.access = op_access,
	.setattr = op_setattr,
	.readlink = op_readlink,
	.mknod = op_mknod,
	.mkdir = op_mkdir,
	.unlink = op_unlink,
	.rmdir = op_rmdir,
	.symlink = op_symlink,
	.rename = op_rename,
	.link = op_link,
	.open = op_open,
	.read = op_read,
	.write_buf = op_write_buf,
	.flush = op_flush,
	.release = op_release,
	.fsync = op_fsync,
	.opendir = op_opendir,
	.readdir = op_readdir,
	.readdirplus = op_readdirplus,
	.releasedir = op_releasedir,
	.fsyncdir = op_fsyncdir,
	.statfs = op_statfs,
	.setxattr = op_setxattr,
	.getxattr = op_getxattr,
	.listxattr = op_listxattr,
	.removexattr = op_removexattr,
	.create = op_create,
	.fallocate = op_fallocate,
};

/*
 * FUSE_HANDLE_KILLPRIV_V2.  Without it the kernel asks for the file's
 * security.capability (GETXATTR) before every write, to clear it and the
 * set-id bits itself; with it, it asks once per inode (then trusts
 * S_NOSEC) and leaves the clearing to the daemon, which the VFS does
 * anyway on every write, truncation and chown with the caller's
 * credentials (file_remove_privs, notify_change).  libfuse 3.14 cannot
 * ask for the flag, so the bridge reads and writes /dev/fuse itself
 * (fuse_session_custom_io) and adds it to the INIT reply when the kernel
 * offers it.  The kernel's FUSE_WRITE_KILL_SUIDGID and friends, which
 * libfuse drops, say what the VFS decides itself: uid 0 counts as having
 * CAP_FSETID.
 */
static uint64_t init_unique;
static uint32_t init_kernel_flags;
static bool init_answered;	/* nothing more to look at in the traffic */

static ssize_t io_read(int fd, void *buf, size_t len, void *userdata)
{
	ssize_t n = read(fd, buf, len);

	if (!__atomic_load_n(&init_answered, __ATOMIC_RELAXED) &&
	    n >= (ssize_t)(sizeof(struct fuse_in_header) +
			   sizeof(struct fuse_init_in))) {
		struct fuse_in_header *h = buf;

		if (h->opcode == FUSE_INIT) {
			struct fuse_init_in *in = (void *)(h + 1);

			init_unique = h->unique;
			init_kernel_flags = in->flags;
		}
	}
	return n;
}

static ssize_t io_writev(int fd, struct iovec *iov, int count, void *userdata)
{
	if (init_unique && count >= 2 &&
	    iov[0].iov_len >= sizeof(struct fuse_out_header) &&
	    iov[1].iov_len >= offsetof(struct fuse_init_out, flags) + 4) {
		struct fuse_out_header *h = iov[0].iov_base;

		if (h->unique == init_unique && !h->error) {
			struct fuse_init_out *out = iov[1].iov_base;

			if (init_kernel_flags & FUSE_HANDLE_KILLPRIV_V2)
				out->flags |= FUSE_HANDLE_KILLPRIV_V2;
			init_unique = 0;
			__atomic_store_n(&init_answered, true, __ATOMIC_RELAXED);
		}
	}
	return writev(fd, iov, count);
}

int kshim_bridge_take_io(struct fuse_session *se)
{
	static const struct fuse_custom_io io = {
		.read = io_read,
		.writev = io_writev,
	};

	return fuse_session_custom_io(se, &io, fuse_session_fd(se));
}

const struct fuse_lowlevel_ops *kshim_bridge_ops(void)
{
	return &bridge_ops;
}
