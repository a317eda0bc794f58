// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfs-manifest: mount images through the in-process VFS API (kshim/vfs.h)
 * and print each one's canonical manifest (format: tests/vfs/kshimtest.py),
 * checking the API's contracts on the way.  Host world.
 *
 *   vfs-manifest [-t FSTYPE] [-w] [-O OPTS] [-S] [-c] IMAGE[=OUTFILE]...
 *
 * -t  filesystem type (default: the one this binary links, KSHIM_FS_NAME)
 * -w  mount read-write (default read-only); -O driver options
 * -S  print a 'statfs ...' line before the entries
 * -c  concurrency: after the first walk, walk again from two threads at
 *     once, over a warm cache, and require identical manifests
 *
 * All images are mounted at once and walked by one thread each, so several
 * super blocks live in one process.  Contract checks (any failure is an
 * 'ERROR:' line on stderr and exit status 1): readdir gives "." and ".."
 * with the right inode numbers, d_type agrees with the mode, resuming a
 * readdir from any entry's next_pos yields the same sequence, every entry
 * can be looked up (one component and a whole path) to the inode readdir
 * named, a second lookup returns the same node, reads of any size and
 * offset agree with one another and stop at EOF, reading a directory is
 * -EISDIR, readlink's length is the size, xattr size queries and -ERANGE
 * behave as getxattr(2)/listxattr(2) do.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <kshim/runtime.h>
#include <kshim/vfs.h>

#include "../common/manifest-format.h"

#ifndef KSHIM_FS_NAME
#define KSHIM_FS_NAME "ext2"
#endif

/* ---- the walker ---- */
struct walker {
	const char *image, *outfile;
	struct kshim_fs *fs;
	FILE *out;
	unsigned long errors;
	unsigned int seed;
	int rw;
};

static int want_statfs, concurrent;

static void error(struct walker *w, const char *path, const char *fmt, ...)
{
	va_list ap;

	flockfile(stderr);
	fprintf(stderr, "ERROR: %s: %s: ", w->image, path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	funlockfile(stderr);
	w->errors++;
}

#define CHECK(w, path, cond, ...) \
	do { if (!(cond)) error(w, path, __VA_ARGS__); } while (0)

static unsigned int next_rand(struct walker *w)
{
	w->seed = w->seed * 1103515245u + 12345u;
	return w->seed >> 8;
}

static const char *type_name(unsigned int mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: return "reg";
	case S_IFDIR: return "dir";
	case S_IFLNK: return "lnk";
	case S_IFCHR: return "chr";
	case S_IFBLK: return "blk";
	case S_IFIFO: return "fifo";
	case S_IFSOCK: return "sock";
	}
	return "unknown";
}

static unsigned int dtype_of(unsigned int mode)
{
	return (mode & S_IFMT) >> 12;	/* DT_* == S_IF* >> 12 */
}

/* read [off, off + n) in one call sequence; returns bytes or -errno */
static long read_range(struct kshim_file *f, char *buf, unsigned long n,
		       long long off)
{
	unsigned long got = 0;

	while (got < n) {
		long r = kshim_read(f, buf + got, n - got, off + got);

		if (r < 0)
			return r;
		if (r == 0)
			break;
		got += r;
	}
	return got;
}

static void do_file(struct walker *w, struct kshim_node *node, const char *path,
		    const struct kshim_stat *st)
{
	static const unsigned long chunks[] = { 131072, 1, 4095, 4096, 65536, 7,
						1048576, 512, 3000 };
	struct kshim_file *f;
	struct sha256 sha;
	char hex[65], probe[16];
	unsigned long long size = st->size, pos = 0;
	char *all = NULL, *buf;
	int err, i, c = 0;
	long r;

	err = kshim_open(node, O_RDONLY, &f);
	if (err) {
		error(w, path, "open: %s", strerror(-err));
		return;
	}
	buf = malloc(1048576);
	if (size <= (16u << 20))
		all = malloc(size ? size : 1);
	sha256_init(&sha);
	/* chunks of changing sizes, so reads start and end off block bounds */
	while (buf) {
		unsigned long n = chunks[c++ % (sizeof(chunks) / sizeof(chunks[0]))];

		r = kshim_read(f, buf, n, pos);
		if (r < 0) {
			error(w, path, "read at %llu: %s", pos, strerror(-r));
			break;
		}
		if (r == 0)
			break;
		CHECK(w, path, (unsigned long)r <= n, "read returned %ld > %lu", r, n);
		if (all && pos + r <= size)
			memcpy(all + pos, buf, r);
		sha256_update(&sha, buf, r);
		pos += r;
		if (pos > size)
			break;
	}
	sha256_hex(&sha, hex);
	fprintf(w->out, " data=%s", hex);
	CHECK(w, path, pos == size, "read %llu bytes, size is %llu", pos, size);
	/* at and past EOF: nothing */
	r = kshim_read(f, probe, sizeof(probe), size);
	CHECK(w, path, r == 0, "read at EOF returned %ld", r);
	r = kshim_read(f, probe, sizeof(probe), size + 12345);
	CHECK(w, path, r == 0, "read past EOF returned %ld", r);
	/* random ranges agree with the sequential read */
	for (i = 0; all && buf && size && pos == size && i < 6; i++) {
		unsigned long long off = next_rand(w) % size;
		unsigned long n = 1 + next_rand(w) % 300000;

		if (n > 1048576)
			n = 1048576;
		r = read_range(f, buf, n, off);
		if (off + n > size)
			n = size - off;
		if (r != (long)n || memcmp(buf, all + off, n)) {
			error(w, path, "read of %lu at %llu gives %ld bytes that differ",
			      n, off, r);
			break;
		}
	}
	free(all);
	free(buf);
	err = kshim_release(f);
	CHECK(w, path, err == 0, "release: %d", err);
}

static void do_link(struct walker *w, struct kshim_node *node, const char *path,
		    const struct kshim_stat *st)
{
	char buf[8192], small[16];
	long n, m;

	n = kshim_readlink(node, buf, sizeof(buf));
	if (n < 0) {
		error(w, path, "readlink: %s", strerror(-n));
		return;
	}
	fputs(" link=", w->out);
	manifest_put_escaped(w->out, buf, n);
	CHECK(w, path, (unsigned long long)n == st->size,
	      "readlink gives %ld bytes, size is %llu", n, st->size);
	/* a short buffer: a prefix or an error, never an overrun */
	memset(small, 0x5a, sizeof(small));
	m = kshim_readlink(node, small, 4);
	CHECK(w, path, small[4] == 0x5a && small[15] == 0x5a, "readlink overran its buffer");
	CHECK(w, path, m < 0 || (m <= 4 && !memcmp(small, buf, m)),
	      "short readlink returned %ld", m);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void do_xattrs(struct walker *w, struct kshim_node *node, const char *path)
{
	char *list, *names[256], *val;
	long len, n, vlen;
	int count = 0, i;

	len = kshim_listxattr(node, NULL, 0);
	if (len == -EOPNOTSUPP || len == 0)
		return;
	if (len < 0) {
		error(w, path, "listxattr size: %s", strerror(-len));
		return;
	}
	list = malloc(len + 1);
	n = kshim_listxattr(node, list, len);
	if (n != len) {
		error(w, path, "listxattr: %ld, size query said %ld", n, len);
		free(list);
		return;
	}
	n = kshim_listxattr(node, list, len - 1);
	CHECK(w, path, n == -ERANGE, "listxattr into a short buffer: %ld", n);
	n = kshim_listxattr(node, list, len);
	list[len] = 0;
	CHECK(w, path, list[len - 1] == 0, "xattr list not NUL-terminated");
	for (i = 0; i < len && count < 256; i += strlen(list + i) + 1)
		names[count++] = list + i;
	qsort(names, count, sizeof(names[0]), cmp_str);
	for (i = 0; i < count; i++) {
		vlen = kshim_getxattr(node, names[i], NULL, 0);
		if (vlen < 0) {
			error(w, path, "getxattr %s size: %s", names[i], strerror(-vlen));
			continue;
		}
		val = malloc(vlen + 1);
		n = kshim_getxattr(node, names[i], val, vlen);
		if (n != vlen) {
			error(w, path, "getxattr %s: %ld, size query said %ld",
			      names[i], n, vlen);
			free(val);
			continue;
		}
		if (vlen > 1) {	/* (size 0 would be a size query) */
			n = kshim_getxattr(node, names[i], val, vlen - 1);
			CHECK(w, path, n == -ERANGE, "getxattr %s short buffer: %ld",
			      names[i], n);
			n = kshim_getxattr(node, names[i], val, vlen);
		}
		fputs(" x.", w->out);
		manifest_put_escaped(w->out, names[i], strlen(names[i]));
		manifest_put_xattr_value(w->out, val, vlen);
		free(val);
	}
	free(list);
}

struct dent {
	char *name;
	unsigned long long ino;
	unsigned int dtype;
	long long next_pos;
};

struct dlist {
	struct dent *v;
	size_t n, cap;
	unsigned int stop_every, since_stop;
	int stopped;
	long long last_pos;
};

static int collect(void *ctx, const char *name, unsigned long namelen,
		   unsigned long long ino, unsigned int dtype, long long next_pos)
{
	struct dlist *l = ctx;
	struct dent *d;

	if (l->stop_every && l->since_stop == l->stop_every) {
		l->stopped = 1;
		return 1;	/* not consumed: comes again on the next call */
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = realloc(l->v, l->cap * sizeof(*l->v));
	}
	d = &l->v[l->n++];
	d->name = malloc(namelen + 1);
	memcpy(d->name, name, namelen);
	d->name[namelen] = 0;
	d->ino = ino;
	d->dtype = dtype;
	d->next_pos = next_pos;
	l->last_pos = next_pos;
	l->since_stop++;
	return 0;
}

static void free_dlist(struct dlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
}

static int cmp_dent(const void *a, const void *b)
{
	return strcmp(((const struct dent *)a)->name, ((const struct dent *)b)->name);
}

/* read the whole directory, stopping every stop_every entries (0: never) */
static int read_dir(struct walker *w, struct kshim_file *f, const char *path,
		    unsigned int stop_every, struct dlist *l)
{
	int err, rounds = 0;

	memset(l, 0, sizeof(*l));
	l->stop_every = stop_every;
	do {
		l->stopped = 0;
		l->since_stop = 0;
		err = kshim_readdir(f, l->n ? l->last_pos : 0, collect, l);
		if (err) {
			error(w, path, "readdir: %s", strerror(-err));
			return err;
		}
		if (++rounds > 1000000) {
			error(w, path, "readdir does not end");
			return -ELOOP;
		}
	} while (l->stopped);
	return 0;
}

static void walk(struct walker *w, struct kshim_node *node, char *path,
		 size_t plen, const struct kshim_stat *st, unsigned long long parent);

static void do_dir(struct walker *w, struct kshim_node *dir, char *path, size_t plen,
		   const struct kshim_stat *st, unsigned long long parent)
{
	struct kshim_file *f;
	struct dlist all, resumed;
	char probe[8];
	int err, dot = 0, dotdot = 0;
	size_t i;
	long r;

	err = kshim_open(dir, O_RDONLY | O_DIRECTORY, &f);
	if (err) {
		error(w, path, "opendir: %s", strerror(-err));
		return;
	}
	r = kshim_read(f, probe, sizeof(probe), 0);
	CHECK(w, path, r == -EISDIR, "read of a directory: %ld, want -EISDIR", r);
	if (read_dir(w, f, path, 0, &all)) {
		kshim_release(f);
		return;
	}
	/* resuming after every 7th entry must give the same sequence */
	if (!read_dir(w, f, path, 7, &resumed)) {
		int same = resumed.n == all.n;

		for (i = 0; same && i < all.n; i++)
			same = !strcmp(all.v[i].name, resumed.v[i].name) &&
			       all.v[i].ino == resumed.v[i].ino;
		CHECK(w, path, same, "readdir resumed every 7 entries differs "
		      "(%zu vs %zu entries)", resumed.n, all.n);
	}
	free_dlist(&resumed);
	err = kshim_release(f);
	CHECK(w, path, err == 0, "release dir: %d", err);

	qsort(all.v, all.n, sizeof(all.v[0]), cmp_dent);
	for (i = 0; i < all.n; i++) {
		struct dent *d = &all.v[i];
		struct kshim_node *child, *again;
		struct kshim_stat cst;
		size_t nlen = strlen(d->name);

		if (i && !strcmp(d->name, all.v[i - 1].name))
			error(w, path, "entry listed twice: %s", d->name);
		if (!strcmp(d->name, ".")) {
			dot++;
			CHECK(w, path, d->ino == st->ino, "'.' is inode %llu, not %llu",
			      d->ino, st->ino);
			continue;
		}
		if (!strcmp(d->name, "..")) {
			dotdot++;
			CHECK(w, path, d->ino == parent, "'..' is inode %llu, not %llu",
			      d->ino, parent);
			continue;
		}
		if (plen + nlen + 2 > 65536) {
			error(w, path, "path too long");
			continue;
		}
		if (plen > 1)
			path[plen] = '/';
		memcpy(path + plen + (plen > 1), d->name, nlen + 1);
		err = kshim_lookup(w->fs, dir, d->name, &child);
		if (err) {
			error(w, path, "lookup: %s", strerror(-err));
			path[plen] = 0;
			continue;
		}
		err = kshim_lookup(w->fs, dir, d->name, &again);
		CHECK(w, path, !err && again == child, "second lookup: %d, node %p vs %p",
		      err, (void *)again, (void *)child);
		if (!err)
			kshim_node_put(again, 1);
		err = kshim_lookup_path(w->fs, path + 1, &again);
		CHECK(w, path, !err && kshim_node_ino(again) == d->ino,
		      "lookup_path: %d", err);
		if (!err)
			kshim_node_put(again, 1);
		err = kshim_getattr(child, &cst);
		if (err) {
			error(w, path, "getattr: %s", strerror(-err));
		} else {
			CHECK(w, path, cst.ino == d->ino, "readdir says inode %llu, getattr %llu",
			      d->ino, cst.ino);
			CHECK(w, path, kshim_node_ino(child) == cst.ino, "node ino %llu != %llu",
			      kshim_node_ino(child), cst.ino);
			CHECK(w, path, d->dtype == 0 || d->dtype == dtype_of(cst.mode),
			      "d_type %u, mode %o", d->dtype, cst.mode);
			walk(w, child, path, plen + nlen + (plen > 1), &cst, st->ino);
		}
		kshim_node_put(child, 1);
		path[plen] = 0;
	}
	CHECK(w, path, dot == 1 && dotdot == 1, "'.' x%d, '..' x%d", dot, dotdot);
	free_dlist(&all);
}

static void walk(struct walker *w, struct kshim_node *node, char *path,
		 size_t plen, const struct kshim_stat *st, unsigned long long parent)
{
	manifest_put_escaped(w->out, path, plen);
	fprintf(w->out, " type=%s mode=%04o uid=%u gid=%u nlink=%u size=%llu blocks=%llu"
		" ino=%llu atime=%lld.%09u mtime=%lld.%09u ctime=%lld.%09u",
		type_name(st->mode), st->mode & 07777, st->uid, st->gid, st->nlink,
		st->size, st->blocks, st->ino, st->atime_sec, st->atime_nsec,
		st->mtime_sec, st->mtime_nsec, st->ctime_sec, st->ctime_nsec);
	if (S_ISCHR(st->mode) || S_ISBLK(st->mode))
		fprintf(w->out, " rdev=%u:%u", st->rdev_major, st->rdev_minor);
	if (S_ISREG(st->mode))
		do_file(w, node, path, st);
	if (S_ISLNK(st->mode))
		do_link(w, node, path, st);
	do_xattrs(w, node, path);
	fputc('\n', w->out);
	if (S_ISDIR(st->mode))
		do_dir(w, node, path, plen, st, parent);
}

/* one walk of the whole tree into a fresh buffer */
static char *walk_all(struct walker *w, size_t *lenp)
{
	struct kshim_node *root, *again;
	struct kshim_stat st;
	char *text = NULL, *path;
	long n;
	int err;

	w->out = open_memstream(&text, lenp);
	path = malloc(65536);
	if (!w->out || !path) {
		error(w, "/", "out of memory");
		return NULL;
	}
	if (want_statfs) {
		struct kshim_statfs sf;

		err = kshim_statfs(w->fs, &sf);
		if (err)
			error(w, "/", "statfs: %s", strerror(-err));
		else
			fprintf(w->out, "statfs bsize=%u frsize=%u blocks=%llu bfree=%llu "
				"bavail=%llu files=%llu ffree=%llu namelen=%u\n",
				sf.bsize, sf.frsize, sf.blocks, sf.bfree, sf.bavail,
				sf.files, sf.ffree, sf.namelen);
	}
	err = kshim_root(w->fs, &root);
	if (err) {
		error(w, "/", "root: %s", strerror(-err));
		goto out;
	}
	err = kshim_lookup(w->fs, root, "kshim-no-such-name", &again);
	CHECK(w, "/", err == -ENOENT, "lookup of a missing name: %d", err);
	if (!err)
		kshim_node_put(again, 1);
	n = kshim_getxattr(root, "user.kshim-no-such-xattr", path, 100);
	CHECK(w, "/", n == -ENODATA || n == -EOPNOTSUPP,
	      "getxattr of a missing name: %ld", n);
	err = kshim_getattr(root, &st);
	if (err) {
		error(w, "/", "getattr: %s", strerror(-err));
	} else {
		CHECK(w, "/", S_ISDIR(st.mode), "root is not a directory");
		strcpy(path, "/");
		walk(w, root, path, 1, &st, st.ino);
	}
	kshim_node_put(root, 1);
out:
	fclose(w->out);
	w->out = NULL;
	free(path);
	return text;
}

struct pass {
	struct walker w;
	char *text;
	size_t len;
	pthread_t tid;
};

static void *pass_thread(void *arg)
{
	struct pass *p = arg;

	kshim_thread_enter("manifest");
	p->text = walk_all(&p->w, &p->len);
	return NULL;
}

/* in a read-write mount reading may move atime: leave it out of compares */
static void strip_atime(char *s)
{
	char *a;

	while ((a = strstr(s, " atime="))) {
		char *e = strchr(a + 1, ' ');

		memmove(a, e, strlen(e) + 1);
	}
}

static void *image_thread(void *arg)
{
	struct walker *w = arg;
	struct pass p[2];
	char *text;
	size_t len;
	int i;

	kshim_thread_enter("manifest");
	text = walk_all(w, &len);
	if (!text)
		return NULL;
	if (concurrent) {
		for (i = 0; i < 2; i++) {
			memset(&p[i], 0, sizeof(p[i]));
			p[i].w = *w;
			p[i].w.errors = 0;
			p[i].w.seed += i + 1;
			pthread_create(&p[i].tid, NULL, pass_thread, &p[i]);
		}
		for (i = 0; i < 2; i++) {
			pthread_join(p[i].tid, NULL);
			w->errors += p[i].w.errors;
			if (!p[i].text) {
				error(w, "/", "concurrent walk %d failed", i);
				continue;
			}
			if (w->rw) {
				strip_atime(p[i].text);
				strip_atime(text);
			}
			CHECK(w, "/", !strcmp(p[i].text, text),
			      "concurrent walk %d differs from the first walk", i);
			free(p[i].text);
		}
	}
	if (w->outfile) {
		FILE *out = fopen(w->outfile, "w");

		if (!out || fwrite(text, 1, strlen(text), out) != strlen(text) || fclose(out))
			error(w, "/", "cannot write %s", w->outfile);
	} else {
		fwrite(text, 1, strlen(text), stdout);
	}
	free(text);
	return NULL;
}

static void usage(void)
{
	fprintf(stderr, "usage: vfs-manifest [-t FSTYPE] [-w] [-O OPTS] [-S] [-c] "
		"IMAGE[=OUTFILE]...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *fstype = KSHIM_FS_NAME, *opts = NULL;
	struct walker *w;
	pthread_t *tids;
	unsigned long errors = 0;
	int c, i, n, rw = 0, stdout_used = 0, status = 0;

	while ((c = getopt(argc, argv, "t:wO:Sc")) != -1) {
		switch (c) {
		case 't': fstype = optarg; break;
		case 'w': rw = 1; break;
		case 'O': opts = optarg; break;
		case 'S': want_statfs = 1; break;
		case 'c': concurrent = 1; break;
		default: usage();
		}
	}
	n = argc - optind;
	if (n < 1)
		usage();
	w = calloc(n, sizeof(*w));
	tids = calloc(n, sizeof(*tids));
	if (kshim_runtime_init("vfs-manifest")) {
		fprintf(stderr, "vfs-manifest: the kernel world failed to start\n");
		return 2;
	}
	for (i = 0; i < n; i++) {
		char *arg = argv[optind + i], *eq = strchr(arg, '=');
		int err;

		if (eq) {
			*eq = 0;
			w[i].outfile = eq + 1;
		} else if (stdout_used++) {
			usage();
		}
		w[i].image = arg;
		w[i].rw = rw;
		w[i].seed = 12345 + i;
		err = kshim_mount(fstype, arg, rw ? 0 : KSHIM_MOUNT_RDONLY, opts, &w[i].fs);
		if (err) {
			fprintf(stderr, "vfs-manifest: cannot mount %s: %s\n", arg,
				strerror(-err));
			return 2;
		}
		if (kshim_is_rdonly(w[i].fs) != !rw) {
			fprintf(stderr, "ERROR: %s: mounted %s, asked %s\n", arg,
				kshim_is_rdonly(w[i].fs) ? "ro" : "rw", rw ? "rw" : "ro");
			errors++;
		}
	}
	for (i = 0; i < n; i++)
		pthread_create(&tids[i], NULL, image_thread, &w[i]);
	for (i = 0; i < n; i++) {
		int err;

		pthread_join(tids[i], NULL);
		errors += w[i].errors;
		err = kshim_umount(w[i].fs);
		if (err) {
			fprintf(stderr, "ERROR: %s: umount: %s\n", w[i].image, strerror(-err));
			errors++;
		}
	}
	kshim_runtime_exit();
	if (errors) {
		fprintf(stderr, "vfs-manifest: %lu errors\n", errors);
		status = 1;
	}
	fflush(stdout);
	free(w);
	free(tids);
	return status;
}
