// SPDX-License-Identifier: GPL-2.0-only
/*
 * corrupt-walk: mount one (possibly damaged) image through the in-process
 * VFS API and touch everything reachable in it, tolerating every error the
 * driver reports.  Host world.  Used by tests/vfs/ext2-corrupt.py, which
 * runs it once per damaged variant in its own process with a time limit
 * and classifies how it ended.
 *
 *   corrupt-walk [-t FSTYPE] [-w] [-F FAULT] [-V] IMAGE
 *
 * -w mounts read-write (the driver may write the image: pass a copy).
 * -F KIND injects a fault in this program instead of walking, so that the
 *    caller can check it classifies one: 'asan' (a heap overflow), 'ubsan'
 *    (an oversized shift), 'bug' (kshim_bug() from here, i.e. from our
 *    code), 'segv', 'hang'.  Where no sanitizer catches the first two,
 *    the program aborts after them.  -V prints 'SANITIZE address' when
 *    built with ASan.
 *
 * The walk is bounded whatever the image says, so that only a real hang
 * in the code can make it run out of time: directories already visited
 * (by inode number) are not entered again, depth, entries per directory,
 * entries in all and bytes read per file are capped, and a file's tail
 * near its claimed size is read as well as its head.
 *
 * Output, on stdout: 'MOUNT-REFUSED <errno>' and exit status
 * 3 when the mount fails; otherwise one 'WALK ...' line of counters, one
 * 'ERRNO <n> <count>' line per distinct error seen, 'UMOUNT <err>', and
 * exit status 0.  Anything else (a signal, a sanitizer report) is the
 * caller's to classify.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <kshim/runtime.h>
#include <kshim/vfs.h>

#ifndef KSHIM_FS_NAME
#define KSHIM_FS_NAME "ext2"
#endif

#define MAX_DEPTH	48
#define MAX_DIR_ENTRIES	4096
#define MAX_ENTRIES	20000
#define MAX_HEAD	(2UL << 20)	/* bytes read from a file's start */
#define TAIL		(64UL << 10)	/* and from just before its size */
#define CHUNK		(64UL << 10)
#define MAX_XATTRS	64

struct counters {
	unsigned long dirs, files, links, others, bytes, xattrs, errors;
	unsigned long dir_revisits, capped;
};

static struct counters cnt;
static unsigned long err_count[4096];

/* directories entered, by inode number: a damaged tree may loop */
static unsigned long long *seen;
static size_t nr_seen, cap_seen;

static char buf[CHUNK];

static void note_err(long err)
{
	if (err >= 0)
		return;
	cnt.errors++;
	if (-err < (long)(sizeof(err_count) / sizeof(err_count[0])))
		err_count[-err]++;
	else
		err_count[0]++;
}

static int seen_before(unsigned long long ino)
{
	size_t i;

	for (i = 0; i < nr_seen; i++)
		if (seen[i] == ino)
			return 1;
	if (nr_seen == cap_seen) {
		size_t ncap = cap_seen ? cap_seen * 2 : 256;
		unsigned long long *n = realloc(seen, ncap * sizeof(*n));

		if (!n)
			return 1;
		seen = n;
		cap_seen = ncap;
	}
	seen[nr_seen++] = ino;
	return 0;
}

static void read_range(struct kshim_file *f, unsigned long long from,
		       unsigned long long len)
{
	while (len) {
		unsigned long want = len < CHUNK ? len : CHUNK;
		long n = kshim_read(f, buf, want, (long long)from);

		if (n < 0) {
			note_err(n);
			return;
		}
		if (n == 0)
			return;
		if ((unsigned long)n > want) {
			/* the API returned more than asked: ours to fix */
			fprintf(stderr, "corrupt-walk: BAD read returned %ld > %lu\n",
				n, want);
			abort();
		}
		cnt.bytes += n;
		from += n;
		len -= n;
	}
}

static void read_file(struct kshim_node *node, const struct kshim_stat *st)
{
	struct kshim_file *f;
	int err = kshim_open(node, O_RDONLY, &f);

	if (err) {
		note_err(err);
		return;
	}
	read_range(f, 0, MAX_HEAD);
	if (st->size > MAX_HEAD) {
		unsigned long long from = st->size > TAIL ? st->size - TAIL : 0;

		if (from > (1ULL << 62))
			from = 1ULL << 62;
		read_range(f, from, TAIL + 4096);
	}
	note_err(kshim_release(f));
}

static void xattrs(struct kshim_node *node)
{
	static char list[65536];
	char val[65536];
	long len = kshim_listxattr(node, NULL, 0), got;
	char *p;
	int n = 0;

	if (len < 0) {
		note_err(len);
		return;
	}
	got = kshim_listxattr(node, list, sizeof(list));
	if (got < 0) {
		note_err(got);
		return;
	}
	if ((unsigned long)got > sizeof(list)) {
		fprintf(stderr, "corrupt-walk: BAD listxattr returned %ld\n", got);
		abort();
	}
	for (p = list; p < list + got && n < MAX_XATTRS; n++) {
		size_t l = strnlen(p, list + got - p);
		long v;

		if (p + l == list + got)
			break;	/* not NUL-terminated: stop */
		v = kshim_getxattr(node, p, NULL, 0);
		if (v >= 0)
			v = kshim_getxattr(node, p, val, sizeof(val));
		if (v < 0)
			note_err(v);
		else
			cnt.xattrs++;
		p += l + 1;
	}
	/* a name nobody has, and the ACL names whether listed or not */
	kshim_getxattr(node, "user.kshim-corrupt-missing", val, sizeof(val));
	kshim_getxattr(node, "system.posix_acl_access", val, sizeof(val));
	kshim_getxattr(node, "system.posix_acl_default", val, sizeof(val));
}

struct dirbuf {
	char **names;
	unsigned int nr;
	long long pos;
};

static int collect(void *ctx, const char *name, unsigned long namelen,
		   unsigned long long ino, unsigned int dtype, long long next_pos)
{
	struct dirbuf *d = ctx;
	char *s;

	(void)ino;
	(void)dtype;
	if (d->nr >= MAX_DIR_ENTRIES)
		return 1;
	s = malloc(namelen + 1);
	if (!s)
		return 1;
	memcpy(s, name, namelen);
	s[namelen] = 0;
	d->names[d->nr++] = s;
	d->pos = next_pos;
	return 0;
}

static void walk(struct kshim_fs *fs, struct kshim_node *node, int depth);

/*
 * The kernel world's BUG() entry (compat/panic.c), named here so that -F bug
 * can hit it from a file outside the driver.  Plain C types: no shim header.
 */
void kshim_bug(const char *file, int line, const char *func);

static volatile int fault_shift = 40;

static int inject(const char *kind)
{
	if (!strcmp(kind, "asan")) {
		volatile char *p = malloc(16);

		p[16 + fault_shift % 8] = 1;
		free((void *)p);
	} else if (!strcmp(kind, "ubsan")) {
		volatile int one = 1;

		printf("%d\n", one << fault_shift);
	} else if (!strcmp(kind, "bug")) {
		kshim_bug(__FILE__, __LINE__, __func__);
	} else if (!strcmp(kind, "segv")) {
		*(volatile int *)(unsigned long)fault_shift = 1;
	} else if (!strcmp(kind, "hang")) {
		for (;;)
			pause();
	} else {
		fprintf(stderr, "corrupt-walk: unknown fault %s\n", kind);
		return 2;
	}
	fprintf(stderr, "corrupt-walk: fault %s went unnoticed\n", kind);
	abort();
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WALK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define WALK_ASAN 1
#endif

static void walk_dir(struct kshim_fs *fs, struct kshim_node *dir, int depth)
{
	struct dirbuf d = { 0 };
	struct kshim_file *f;
	unsigned int i;
	int err;

	if (depth >= MAX_DEPTH) {
		cnt.capped++;
		return;
	}
	err = kshim_open(dir, O_RDONLY | O_DIRECTORY, &f);
	if (err) {
		note_err(err);
		return;
	}
	d.names = calloc(MAX_DIR_ENTRIES, sizeof(*d.names));
	if (!d.names)
		abort();
	/* in pieces, as getdents does, resuming from the last position */
	for (i = 0; i < 64 && d.nr < MAX_DIR_ENTRIES; i++) {
		unsigned int before = d.nr;

		err = kshim_readdir(f, d.pos, collect, &d);
		if (err) {
			note_err(err);
			break;
		}
		if (d.nr == before)
			break;
	}
	note_err(kshim_release(f));
	for (i = 0; i < d.nr; i++) {
		struct kshim_node *child;

		if (strcmp(d.names[i], ".") && strcmp(d.names[i], "..") &&
		    cnt.dirs + cnt.files + cnt.links + cnt.others < MAX_ENTRIES &&
		    !memchr(d.names[i], '/', strlen(d.names[i])) && d.names[i][0]) {
			err = kshim_lookup(fs, dir, d.names[i], &child);
			if (err) {
				note_err(err);
			} else {
				walk(fs, child, depth + 1);
				kshim_node_put(child, 1);
			}
		}
		free(d.names[i]);
	}
	free(d.names);
	/* the dot names look up too */
	{
		struct kshim_node *up;

		err = kshim_lookup(fs, dir, "..", &up);
		if (err)
			note_err(err);
		else
			kshim_node_put(up, 1);
	}
}

static void walk(struct kshim_fs *fs, struct kshim_node *node, int depth)
{
	struct kshim_stat st;
	int err = kshim_getattr(node, &st);

	if (err) {
		note_err(err);
		return;
	}
	xattrs(node);
	switch (st.mode & S_IFMT) {
	case S_IFDIR:
		cnt.dirs++;
		if (seen_before(st.ino)) {
			cnt.dir_revisits++;
			return;
		}
		walk_dir(fs, node, depth);
		return;
	case S_IFREG:
		cnt.files++;
		read_file(node, &st);
		return;
	case S_IFLNK: {
		static char target[8192];
		long n = kshim_readlink(node, target, sizeof(target));

		cnt.links++;
		if (n < 0)
			note_err(n);
		else if ((unsigned long)n > sizeof(target)) {
			fprintf(stderr, "corrupt-walk: BAD readlink returned %ld\n", n);
			abort();
		}
		return;
	}
	default:
		cnt.others++;
		/* opening a device or fifo node must not reach the driver's I/O */
		return;
	}
}

int main(int argc, char **argv)
{
	const char *fstype = KSHIM_FS_NAME, *fault = NULL;
	struct kshim_statfs sf;
	struct kshim_node *root;
	struct kshim_fs *fs;
	int c, rw = 0, err;
	unsigned int i;

	while ((c = getopt(argc, argv, "t:wF:V")) != -1) {
		switch (c) {
		case 't': fstype = optarg; break;
		case 'w': rw = 1; break;
		case 'F': fault = optarg; break;
		case 'V':
#ifdef WALK_ASAN
			printf("SANITIZE address\n");
#else
			printf("SANITIZE none\n");
#endif
			return 0;
		default:
			fprintf(stderr, "usage: corrupt-walk [-t FSTYPE] [-w] [-F FAULT] [-V] IMAGE\n");
			return 2;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: corrupt-walk [-t FSTYPE] [-w] [-F FAULT] [-V] IMAGE\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (kshim_runtime_init("corrupt-walk")) {
		fprintf(stderr, "corrupt-walk: the kernel world failed to start\n");
		return 2;
	}
	if (fault)
		return inject(fault);
	kshim_set_creds(0, 0, 0, NULL);
	err = kshim_mount(fstype, argv[optind], rw ? 0 : KSHIM_MOUNT_RDONLY, NULL, &fs);
	if (err) {
		printf("MOUNT-REFUSED %d\n", -err);
		kshim_runtime_exit();
		return 3;
	}
	printf("MOUNTED %s\n", kshim_is_rdonly(fs) ? "ro" : "rw");
	note_err(kshim_statfs(fs, &sf));
	err = kshim_root(fs, &root);
	if (err) {
		note_err(err);
	} else {
		walk(fs, root, 0);
		kshim_node_put(root, 1);
	}
	printf("WALK dirs=%lu files=%lu links=%lu others=%lu bytes=%lu xattrs=%lu "
	       "errors=%lu revisits=%lu capped=%lu\n", cnt.dirs, cnt.files,
	       cnt.links, cnt.others, cnt.bytes, cnt.xattrs, cnt.errors,
	       cnt.dir_revisits, cnt.capped);
	for (i = 0; i < sizeof(err_count) / sizeof(err_count[0]); i++)
		if (err_count[i])
			printf("ERRNO %u %lu\n", i, err_count[i]);
	err = kshim_umount(fs);
	printf("UMOUNT %d\n", err);
	kshim_runtime_exit();
	free(seen);
	return 0;
}
