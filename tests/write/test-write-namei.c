// SPDX-License-Identifier: GPL-2.0-only
/*
 * Write-path tests (write-namei): the namespace and attribute calls of
 * the in-process API (create, mknod, mkdir, symlink, link, unlink, rmdir,
 * rename, setattr, setxattr, removexattr) over every variant, with the
 * system calls' errors, permission rules as root and as ordinary users,
 * and concurrent changes from several threads.  Each case works on fresh
 * images and ends with the filesystem's own checker reporting a clean
 * image (after a remount, where what was written is read back).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/completion.h>
#include <linux/posix_acl.h>
#include <linux/posix_acl_xattr.h>
#include <kshim/host.h>
#include <linux/xattr.h>
#include <kshim/vfs.h>
#include "ktest.h"
#include "wtest.h"
#include "../../vfs-fuse/api-internal.h"

static struct kshim_stat stat_of(struct kshim_node *n)
{
	struct kshim_stat st;

	KT_ASSERT_EQ(kshim_getattr(n, &st), 0);
	return st;
}

static unsigned int mode_of(struct kshim_node *n)
{
	return stat_of(n).mode;
}

static unsigned int nlink_of(struct kshim_node *n)
{
	return stat_of(n).nlink;
}

/* the lookup's error, 0 if @name exists under @dir */
static int lookup_err(struct kshim_fs *fs, struct kshim_node *dir,
		      const char *name)
{
	struct kshim_node *n = NULL;
	int err = kshim_lookup(fs, dir, name, &n);

	if (!err)
		kshim_node_put(n, 1);
	return err;
}

static struct kshim_node *child(struct kshim_fs *fs, struct kshim_node *dir,
				const char *name)
{
	struct kshim_node *n = NULL;

	KT_ASSERT_EQ(kshim_lookup(fs, dir, name, &n), 0);
	return n;
}

/* create @name with @len bytes of @fill; returns the node */
static struct kshim_node *make_file(struct kshim_node *dir, const char *name,
				    unsigned int mode, unsigned long len,
				    char fill)
{
	struct kshim_node *n = NULL;
	struct kshim_file *f = NULL;
	char *buf;

	KT_ASSERT_EQ(kshim_create(dir, name, mode, O_CREAT | O_EXCL | O_RDWR,
				  &n, &f), 0);
	if (len) {
		buf = kmalloc(len, GFP_KERNEL);
		KT_ASSERT(buf);
		memset(buf, fill, len);
		KT_EXPECT_EQ(kshim_write(f, buf, len, 0), (long)len);
		kfree(buf);
	}
	KT_EXPECT_EQ(kshim_release(f), 0);
	return n;
}

static void set_mode(struct kshim_node *n, unsigned int mode, int want)
{
	struct kshim_setattr a = { .valid = KSHIM_SET_MODE, .mode = mode };

	KT_EXPECT_EQ(kshim_setattr(n, NULL, &a), want);
}

static void set_owner(struct kshim_node *n, unsigned int uid,
		      unsigned int gid, int want)
{
	struct kshim_setattr a = {
		.valid = KSHIM_SET_UID | KSHIM_SET_GID, .uid = uid, .gid = gid,
	};

	KT_EXPECT_EQ(kshim_setattr(n, NULL, &a), want);
}

static void as_user(unsigned int uid, unsigned int gid)
{
	kshim_set_creds(uid, gid, 0, NULL);
}

static void as_root(void)
{
	kshim_set_creds(0, 0, 0, NULL);
}

/* --- directory listings ------------------------------------------------- */

struct listing {
	int count;
	unsigned long long dotdot_ino;
	char names[64][32];
};

static int collect(void *ctx, const char *name, unsigned long namelen,
		   unsigned long long ino, unsigned int dtype, long long next)
{
	struct listing *l = ctx;

	if (namelen == 2 && !memcmp(name, "..", 2)) {
		l->dotdot_ino = ino;
		return 0;
	}
	if (namelen == 1 && name[0] == '.')
		return 0;
	if (l->count < (int)ARRAY_SIZE(l->names) && namelen < 32) {
		memcpy(l->names[l->count], name, namelen);
		l->names[l->count][namelen] = '\0';
	}
	l->count++;
	return 0;
}

static void list_dir(struct kshim_node *dir, struct listing *l)
{
	struct kshim_file *f = NULL;

	memset(l, 0, sizeof(*l));
	KT_ASSERT_EQ(kshim_open(dir, O_RDONLY | O_DIRECTORY, &f), 0);
	KT_EXPECT_EQ(kshim_readdir(f, 0, collect, l), 0);
	kshim_release(f);
}

/* --- creation ----------------------------------------------------------- */

KTEST(write_namei_create_kinds)
{
	static char long_target[301], huge_target[1500], long_name[300];
	int i;

	memset(long_target, 'L', sizeof(long_target) - 1);
	memset(huge_target, 'H', sizeof(huge_target) - 1);
	memset(long_name, 'n', NAME_MAX + 1);
	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *n, *d, *x;
		struct kshim_file *f = NULL;
		struct kshim_statfs sfs;
		unsigned int root_links = nlink_of(root);
		char buf[400];
		struct kshim_stat st;

		kshim_set_umask(022);
		KT_EXPECT_EQ(kshim_create(root, "f", 0666, O_CREAT | O_EXCL | O_RDWR,
					  &n, &f), 0);
		KT_EXPECT_EQ(mode_of(n), S_IFREG | 0644);
		KT_EXPECT_EQ(nlink_of(n), 1);
		kshim_release(f);
		kshim_node_put(n, 1);
		KT_EXPECT_EQ(kshim_create(root, "f", 0666, O_CREAT | O_EXCL | O_RDWR,
					  NULL, NULL), -EEXIST);
		/* without O_EXCL an existing file opens */
		KT_EXPECT_EQ(kshim_create(root, "f", 0666, O_CREAT | O_RDONLY,
					  &n, &f), 0);
		kshim_release(f);
		kshim_node_put(n, 1);
		/* a file created read-only still opens for writing by its creator */
		KT_EXPECT_EQ(kshim_create(root, "ro", 0444, O_CREAT | O_WRONLY,
					  &n, &f), 0);
		KT_EXPECT_EQ(kshim_write(f, "x", 1, 0), 1);
		kshim_release(f);
		kshim_node_put(n, 1);

		KT_EXPECT_EQ(kshim_mkdir(root, "d", 0777, &d), 0);
		KT_EXPECT_EQ(mode_of(d), S_IFDIR | 0755);
		KT_EXPECT_EQ(nlink_of(d), 2);
		KT_EXPECT_EQ(nlink_of(root), root_links + 1);
		KT_EXPECT_EQ(kshim_mkdir(root, "d", 0777, NULL), -EEXIST);
		KT_EXPECT_EQ(kshim_mkdir(root, "f", 0777, NULL), -EEXIST);
		KT_EXPECT_EQ(kshim_mkdir(root, ".", 0777, NULL), -EEXIST);
		KT_EXPECT_EQ(kshim_mkdir(root, "", 0777, NULL), -ENOENT);
		KT_EXPECT_EQ(kshim_mkdir(root, "a/b", 0777, NULL), -EINVAL);
		KT_EXPECT_EQ(kshim_mkdir(root, long_name, 0777, NULL), -ENAMETOOLONG);
		KT_EXPECT_EQ(kshim_create(root, long_name, 0666, O_CREAT | O_RDWR,
					  NULL, NULL), -ENAMETOOLONG);
		long_name[NAME_MAX] = '\0';	/* exactly NAME_MAX is fine */
		if (wt_is_ext2(v))
			KT_EXPECT_EQ(kshim_mkdir(d, long_name, 0777, NULL), 0);
		long_name[NAME_MAX] = 'n';

		KT_EXPECT_EQ(kshim_mknod(d, "fifo", S_IFIFO | 0666, 0, 0, &x), 0);
		KT_EXPECT_EQ(mode_of(x), S_IFIFO | 0644);
		kshim_node_put(x, 1);
		KT_EXPECT_EQ(kshim_mknod(d, "null", S_IFCHR | 0666, 1, 3, &x), 0);
		st = stat_of(x);
		KT_EXPECT_EQ(st.mode, S_IFCHR | 0644);
		KT_EXPECT_EQ(st.rdev_major, 1);
		KT_EXPECT_EQ(st.rdev_minor, 3);
		kshim_node_put(x, 1);
		KT_EXPECT_EQ(kshim_mknod(d, "reg", 0600, 0, 0, NULL), 0);
		KT_EXPECT_EQ(kshim_mknod(d, "dir", S_IFDIR | 0700, 0, 0, NULL), -EPERM);

		/* short (in the inode for ext2), long, too long for a block */
		KT_EXPECT_EQ(kshim_symlink(d, "s", "f", &x), 0);
		KT_EXPECT_EQ(mode_of(x) & S_IFMT, S_IFLNK);
		KT_EXPECT_EQ(kshim_readlink(x, buf, sizeof(buf)), 1);
		kshim_node_put(x, 1);
		KT_EXPECT_EQ(kshim_symlink(d, "l", long_target, &x), 0);
		KT_EXPECT_EQ(kshim_readlink(x, buf, sizeof(buf)), 300);
		KT_EXPECT(!memcmp(buf, long_target, 300));
		KT_EXPECT_EQ(stat_of(x).size, 300);
		kshim_node_put(x, 1);
		KT_EXPECT_EQ(kshim_symlink(d, "e", "", NULL), -ENOENT);
		KT_ASSERT_EQ(kshim_statfs(fs, &sfs), 0);
		if (sfs.bsize == 1024)
			KT_EXPECT_EQ(kshim_symlink(d, "h", huge_target, NULL),
				     -ENAMETOOLONG);
		else
			KT_EXPECT_EQ(kshim_symlink(d, "h", huge_target, NULL), 0);

		/* the umask is the caller's */
		kshim_set_umask(0);
		KT_EXPECT_EQ(kshim_mkdir(root, "open", 0777, &x), 0);
		KT_EXPECT_EQ(mode_of(x), S_IFDIR | 0777);
		kshim_set_umask(022);
		/* devices need CAP_MKNOD; fifos do not */
		as_user(1000, 1000);
		KT_EXPECT_EQ(kshim_mknod(x, "dev", S_IFBLK | 0600, 8, 0, NULL),
			     -EPERM);
		KT_EXPECT_EQ(kshim_mknod(x, "fifo", S_IFIFO | 0600, 0, 0, NULL), 0);
		as_root();
		kshim_node_put(x, 1);

		kshim_node_put(d, 1);
		kshim_node_put(root, 1);

		fs = wt_remount_checked(v, fs, img, 0);
		d = wt_node(fs, "d");
		x = child(fs, d, "l");
		KT_EXPECT_EQ(kshim_readlink(x, buf, sizeof(buf)), 300);
		KT_EXPECT(!memcmp(buf, long_target, 300));
		kshim_node_put(x, 1);
		x = child(fs, d, "s");
		KT_EXPECT_EQ(kshim_readlink(x, buf, sizeof(buf)), 1);
		kshim_node_put(x, 1);
		x = child(fs, d, "null");
		st = stat_of(x);
		KT_EXPECT_EQ(st.mode, S_IFCHR | 0644);
		KT_EXPECT_EQ(st.rdev_major * 256 + st.rdev_minor, 259);
		kshim_node_put(x, 1);
		kshim_node_put(d, 1);
		wt_umount_clean(v, fs, img);
	}
}

/* --- links and removal -------------------------------------------------- */

KTEST(write_namei_link_unlink)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *a, *b, *d, *big;
		struct kshim_statfs before, during, after;
		struct kshim_file *f = NULL;
		char buf[16];

		a = make_file(root, "a", 0644, 100, 'a');
		KT_EXPECT_EQ(kshim_mkdir(root, "d", 0755, &d), 0);
		KT_EXPECT_EQ(kshim_link(a, d, "b", &b), 0);
		KT_EXPECT_EQ(nlink_of(a), 2);
		KT_EXPECT_EQ(kshim_node_ino(a), kshim_node_ino(b));
		KT_EXPECT_EQ(kshim_link(a, d, "b", NULL), -EEXIST);
		KT_EXPECT_EQ(kshim_link(d, root, "dl", NULL), -EPERM);
		KT_EXPECT_EQ(kshim_unlink(root, "a"), 0);
		KT_EXPECT_EQ(lookup_err(fs, root, "a"), -ENOENT);
		KT_EXPECT_EQ(nlink_of(b), 1);
		KT_EXPECT_EQ(kshim_unlink(root, "a"), -ENOENT);
		KT_EXPECT_EQ(kshim_unlink(root, "d"), -EISDIR);
		KT_EXPECT_EQ(kshim_unlink(root, ".."), -EISDIR);
		kshim_node_put(a, 1);
		kshim_node_put(b, 1);

		/* an open file outlives its name; its blocks come back at close */
		KT_ASSERT_EQ(kshim_sync(fs), 0);
		KT_ASSERT_EQ(kshim_statfs(fs, &before), 0);
		big = make_file(d, "big", 0644, 256 * 1024, 'z');
		KT_ASSERT_EQ(kshim_open(big, O_RDONLY, &f), 0);
		kshim_node_put(big, 1);
		KT_ASSERT_EQ(kshim_statfs(fs, &during), 0);
		KT_EXPECT(during.bfree < before.bfree);
		KT_EXPECT_EQ(kshim_unlink(d, "big"), 0);
		KT_EXPECT_EQ(lookup_err(fs, d, "big"), -ENOENT);
		KT_EXPECT_EQ(kshim_read(f, buf, sizeof(buf), 200 * 1024), 16);
		KT_EXPECT_EQ(buf[0], 'z');
		KT_EXPECT_EQ(buf[15], 'z');
		KT_ASSERT_EQ(kshim_statfs(fs, &after), 0);
		KT_EXPECT(after.bfree < before.bfree);
		kshim_release(f);
		KT_ASSERT_EQ(kshim_statfs(fs, &after), 0);
		KT_EXPECT_EQ(after.bfree, before.bfree);
		KT_EXPECT_EQ(after.ffree, before.ffree);

		kshim_node_put(d, 1);
		kshim_node_put(root, 1);
		fs = wt_remount_checked(v, fs, img, 0);
		d = wt_node(fs, "d");
		b = child(fs, d, "b");
		KT_EXPECT_EQ(nlink_of(b), 1);
		KT_EXPECT_EQ(stat_of(b).size, 100);
		kshim_node_put(b, 1);
		kshim_node_put(d, 1);
		wt_umount_clean(v, fs, img);
	}
}

KTEST(write_namei_rmdir)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *d, *f;
		unsigned int root_links = nlink_of(root);

		KT_EXPECT_EQ(kshim_mkdir(root, "d", 0755, &d), 0);
		f = make_file(d, "f", 0644, 0, 0);
		KT_EXPECT_EQ(kshim_rmdir(root, "d"), -ENOTEMPTY);
		KT_EXPECT_EQ(kshim_rmdir(d, "f"), -ENOTDIR);
		KT_EXPECT_EQ(kshim_rmdir(d, "."), -EINVAL);
		KT_EXPECT_EQ(kshim_rmdir(d, ".."), -ENOTEMPTY);
		KT_EXPECT_EQ(kshim_rmdir(root, "none"), -ENOENT);
		KT_EXPECT_EQ(kshim_unlink(d, "f"), 0);
		kshim_node_put(f, 1);
		KT_EXPECT_EQ(kshim_rmdir(root, "d"), 0);
		KT_EXPECT_EQ(lookup_err(fs, root, "d"), -ENOENT);
		KT_EXPECT_EQ(nlink_of(root), root_links);
		/* the removed directory, still held, takes no new entries */
		KT_EXPECT_EQ(nlink_of(d), 0);
		KT_EXPECT_EQ(kshim_mkdir(d, "late", 0755, NULL), -ENOENT);
		KT_EXPECT_EQ(kshim_create(d, "late", 0644, O_CREAT | O_RDWR,
					  NULL, NULL), -ENOENT);
		kshim_node_put(d, 1);
		kshim_node_put(root, 1);
		wt_umount_clean(v, fs, img);
	}
}

/* --- negative dentries --------------------------------------------------- */

/* the cached dentry of @name under @dir (a reference), or NULL */
static struct dentry *cached(struct kshim_node *dir, const char *name)
{
	struct qstr q = QSTR_INIT((const unsigned char *)name, strlen(name));

	return d_hash_and_lookup(D(dir), &q);
}

/*
 * dput() keeps a hashed negative dentry, as fs/dcache.c does: a failed
 * lookup is remembered, the create that follows instantiates that same
 * dentry without asking the driver again, an unlink leaves the name
 * negative, and rmdir still works under cached negative children.
 */
KTEST(write_namei_negative_dentries_cached)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *d, *f;
		struct dentry *neg, *again;

		KT_EXPECT_EQ(lookup_err(fs, root, "late"), -ENOENT);
		neg = cached(root, "late");
		KT_ASSERT(neg != NULL && !IS_ERR(neg));
		KT_EXPECT(d_is_negative(neg));
		dput(neg);

		KT_ASSERT_EQ(kshim_create(root, "late", 0644,
					  O_CREAT | O_EXCL | O_RDWR, &f, NULL), 0);
		KT_EXPECT(D(f) == neg);
		KT_EXPECT(d_is_positive(D(f)));
		kshim_node_put(f, 1);

		KT_EXPECT_EQ(kshim_unlink(root, "late"), 0);
		again = cached(root, "late");
		KT_ASSERT(again != NULL && !IS_ERR(again));
		KT_EXPECT(d_is_negative(again));
		dput(again);
		KT_EXPECT_EQ(lookup_err(fs, root, "late"), -ENOENT);

		KT_ASSERT_EQ(kshim_mkdir(root, "d", 0755, &d), 0);
		KT_EXPECT_EQ(lookup_err(fs, d, "nothing"), -ENOENT);
		KT_EXPECT_EQ(lookup_err(fs, d, "nor-this"), -ENOENT);
		kshim_node_put(d, 1);
		KT_EXPECT_EQ(kshim_rmdir(root, "d"), 0);
		KT_EXPECT_EQ(lookup_err(fs, root, "d"), -ENOENT);
		KT_ASSERT_EQ(kshim_mkdir(root, "d", 0755, &d), 0);
		KT_EXPECT_EQ(lookup_err(fs, d, "nothing"), -ENOENT);
		kshim_node_put(d, 1);

		kshim_node_put(root, 1);
		wt_umount_clean(v, fs, img);
	}
}

/* --- rename ------------------------------------------------------------- */

KTEST(write_namei_rename)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *n, *d1, *d2, *e, *sub;
		unsigned int root_links;

		kshim_node_put(make_file(root, "a", 0644, 4, 'a'), 1);
		kshim_node_put(make_file(root, "b", 0644, 2, 'b'), 1);
		/* file over file: the old "b" goes */
		KT_EXPECT_EQ(kshim_rename(root, "a", root, "b", 0), 0);
		KT_EXPECT_EQ(lookup_err(fs, root, "a"), -ENOENT);
		n = child(fs, root, "b");
		KT_EXPECT_EQ(stat_of(n).size, 4);
		kshim_node_put(n, 1);
		KT_EXPECT_EQ(kshim_rename(root, "a", root, "c", 0), -ENOENT);
		/* a name onto itself, and onto another link of its inode */
		KT_EXPECT_EQ(kshim_rename(root, "b", root, "b", 0), 0);
		n = child(fs, root, "b");
		KT_EXPECT_EQ(kshim_link(n, root, "b2", NULL), 0);
		KT_EXPECT_EQ(kshim_rename(root, "b", root, "b2", 0), 0);
		KT_EXPECT_EQ(lookup_err(fs, root, "b"), 0);
		KT_EXPECT_EQ(nlink_of(n), 2);
		kshim_node_put(n, 1);

		/* directory over an empty directory */
		KT_EXPECT_EQ(kshim_mkdir(root, "d1", 0755, &d1), 0);
		KT_EXPECT_EQ(kshim_mkdir(root, "d2", 0755, &d2), 0);
		kshim_node_put(make_file(d1, "x", 0644, 1, 'x'), 1);
		root_links = nlink_of(root);
		KT_EXPECT_EQ(kshim_rename(root, "d2", root, "d1", 0), -ENOTEMPTY);
		KT_EXPECT_EQ(kshim_rename(root, "d1", root, "d2", 0), 0);
		KT_EXPECT_EQ(lookup_err(fs, root, "d1"), -ENOENT);
		KT_EXPECT_EQ(nlink_of(root), root_links - 1);
		KT_EXPECT_EQ(nlink_of(d2), 0);	/* the replaced one */
		KT_EXPECT_EQ(lookup_err(fs, d1, "x"), 0);	/* d1 is "d2" now */
		n = child(fs, root, "d2");
		KT_EXPECT_EQ(kshim_node_ino(n), kshim_node_ino(d1));
		kshim_node_put(n, 1);
		kshim_node_put(d2, 1);

		/* type mismatches */
		KT_EXPECT_EQ(kshim_rename(root, "b", root, "d2", 0), -EISDIR);
		KT_EXPECT_EQ(kshim_rename(root, "d2", root, "b", 0), -ENOTDIR);
		KT_EXPECT_EQ(kshim_rename(root, ".", root, "z", 0), -EBUSY);
		KT_EXPECT_EQ(kshim_rename(root, "b", root, "..", 0), -EBUSY);

		/* loops: into its own subtree, or over an ancestor of the source */
		KT_EXPECT_EQ(kshim_mkdir(root, "e", 0755, &e), 0);
		KT_EXPECT_EQ(kshim_mkdir(e, "sub", 0755, &sub), 0);
		KT_EXPECT_EQ(kshim_mkdir(sub, "child", 0755, NULL), 0);
		KT_EXPECT_EQ(kshim_rename(root, "e", sub, "inner", 0), -EINVAL);
		KT_EXPECT_EQ(kshim_rename(root, "e", e, "self", 0), -EINVAL);
		KT_EXPECT_EQ(kshim_rename(sub, "child", root, "e", 0), -ENOTEMPTY);
		KT_EXPECT_EQ(lookup_err(fs, sub, "child"), 0);

		/* flags: NOREPLACE, EXCHANGE (neither ext2 nor minix has it) */
		kshim_node_put(make_file(root, "c", 0644, 0, 0), 1);
		KT_EXPECT_EQ(kshim_rename(root, "b", root, "c",
					  KSHIM_RENAME_NOREPLACE), -EEXIST);
		KT_EXPECT_EQ(kshim_rename(root, "b", root, "nb",
					  KSHIM_RENAME_NOREPLACE), 0);
		KT_EXPECT_EQ(kshim_rename(root, "nb", root, "missing",
					  KSHIM_RENAME_EXCHANGE), -ENOENT);
		KT_EXPECT_EQ(kshim_rename(root, "nb", root, "c",
					  KSHIM_RENAME_EXCHANGE), -EINVAL);
		KT_EXPECT_EQ(kshim_rename(root, "nb", root, "c",
					  KSHIM_RENAME_EXCHANGE |
					  KSHIM_RENAME_NOREPLACE), -EINVAL);
		KT_EXPECT_EQ(kshim_rename(root, "nb", root, "c", 0x80), -EINVAL);
		KT_EXPECT_EQ(lookup_err(fs, root, "nb"), 0);

		kshim_node_put(sub, 1);
		kshim_node_put(e, 1);
		kshim_node_put(d1, 1);
		kshim_node_put(root, 1);
		fs = wt_remount_checked(v, fs, img, 0);
		root = wt_root(fs);
		KT_EXPECT_EQ(lookup_err(fs, root, "b"), -ENOENT);
		KT_EXPECT_EQ(lookup_err(fs, root, "nb"), 0);
		KT_EXPECT_EQ(lookup_err(fs, root, "d1"), -ENOENT);
		n = wt_node(fs, "d2/x");
		KT_EXPECT_EQ(stat_of(n).size, 1);
		kshim_node_put(n, 1);
		kshim_node_put(root, 1);
		wt_umount_clean(v, fs, img);
	}
}

/* moving a directory to another parent rewrites its ".." on disk */
KTEST(write_namei_rename_cross_dir)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *p, *q, *m, *up;
		struct listing l;

		KT_EXPECT_EQ(kshim_mkdir(root, "p", 0755, &p), 0);
		KT_EXPECT_EQ(kshim_mkdir(root, "q", 0755, &q), 0);
		KT_EXPECT_EQ(kshim_mkdir(p, "m", 0755, &m), 0);
		kshim_node_put(make_file(p, "file", 0644, 3, 'f'), 1);
		KT_EXPECT_EQ(nlink_of(p), 3);
		KT_EXPECT_EQ(kshim_rename(p, "m", q, "m", 0), 0);
		KT_EXPECT_EQ(kshim_rename(p, "file", q, "file2", 0), 0);
		KT_EXPECT_EQ(nlink_of(p), 2);
		KT_EXPECT_EQ(nlink_of(q), 3);
		list_dir(m, &l);
		KT_EXPECT_EQ(l.dotdot_ino, kshim_node_ino(q));
		KT_EXPECT_EQ(kshim_lookup(fs, m, "..", &up), 0);
		KT_EXPECT_EQ(kshim_node_ino(up), kshim_node_ino(q));
		kshim_node_put(up, 1);
		list_dir(p, &l);
		KT_EXPECT_EQ(l.count, 0);
		list_dir(q, &l);
		KT_EXPECT_EQ(l.count, 2);
		kshim_node_put(m, 1);
		kshim_node_put(p, 1);
		kshim_node_put(q, 1);
		kshim_node_put(root, 1);

		fs = wt_remount_checked(v, fs, img, 0);
		q = wt_node(fs, "q");
		m = wt_node(fs, "q/m");
		list_dir(m, &l);
		KT_EXPECT_EQ(l.dotdot_ino, kshim_node_ino(q));
		kshim_node_put(m, 1);
		kshim_node_put(q, 1);
		wt_umount_clean(v, fs, img);
	}
}

/* --- attributes and permissions ----------------------------------------- */

KTEST(write_namei_setattr_permissions)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *mine, *theirs, *pub;
		struct kshim_setattr t = {
			.valid = KSHIM_SET_ATIME | KSHIM_SET_MTIME,
			.atime_sec = 1000000, .mtime_sec = 2000000,
		};
		struct kshim_setattr now = {
			.valid = KSHIM_SET_ATIME_NOW | KSHIM_SET_MTIME_NOW,
		};
		struct kshim_setattr trunc = { .valid = KSHIM_SET_SIZE };
		struct kshim_stat st;
		unsigned int gids[1] = { 1000 };

		mine = make_file(root, "mine", 0644, 10, 'm');
		theirs = make_file(root, "theirs", 0644, 10, 't');
		kshim_set_umask(0);
		KT_EXPECT_EQ(kshim_mkdir(root, "pub", 0777, &pub), 0);
		kshim_set_umask(022);
		set_owner(mine, 1000, 1000, 0);
		st = stat_of(mine);
		KT_EXPECT_EQ(st.uid, 1000);
		KT_EXPECT_EQ(st.gid, 1000);

		as_user(1000, 1000);
		set_mode(mine, 0600, 0);
		KT_EXPECT_EQ(mode_of(mine), S_IFREG | 0600);
		set_owner(mine, 0, 1000, -EPERM);		/* give away */
		set_owner(mine, 1000, 2000, -EPERM);	/* not a member */
		set_owner(mine, 1000, 1000, 0);		/* no change */
		KT_EXPECT_EQ(kshim_setattr(mine, NULL, &t), 0);
		st = stat_of(mine);
		KT_EXPECT_EQ(st.atime_sec, 1000000);
		KT_EXPECT_EQ(st.mtime_sec, 2000000);
		set_mode(theirs, 0666, -EPERM);
		set_owner(theirs, 1000, 1000, -EPERM);
		KT_EXPECT_EQ(kshim_setattr(theirs, NULL, &t), -EPERM);
		KT_EXPECT_EQ(kshim_setattr(theirs, NULL, &now), -EACCES);
		KT_EXPECT_EQ(kshim_setattr(theirs, NULL, &trunc), -EACCES);
		KT_EXPECT_EQ(kshim_create(root, "nope", 0644, O_CREAT | O_RDWR,
					  NULL, NULL), -EACCES);
		KT_EXPECT_EQ(kshim_mkdir(root, "nope", 0755, NULL), -EACCES);
		KT_EXPECT_EQ(kshim_unlink(root, "theirs"), -EACCES);
		KT_EXPECT_EQ(kshim_rename(root, "theirs", pub, "t", 0), -EACCES);
		KT_EXPECT_EQ(kshim_mkdir(pub, "ok", 0755, NULL), 0);
		as_root();

		/* writable by all: "now" is allowed, explicit times are not */
		set_mode(theirs, 0666, 0);
		as_user(1000, 1000);
		KT_EXPECT_EQ(kshim_setattr(theirs, NULL, &now), 0);
		KT_EXPECT_EQ(kshim_setattr(theirs, NULL, &t), -EPERM);
		KT_EXPECT_EQ(kshim_setattr(theirs, NULL, &trunc), 0);
		KT_EXPECT_EQ(stat_of(theirs).size, 0);

		/* S_ISGID is dropped quietly for a non-member */
		as_root();
		set_owner(mine, 1000, 2000, 0);
		as_user(1000, 1000);
		set_mode(mine, 02755, 0);
		KT_EXPECT_EQ(mode_of(mine), S_IFREG | 0755);
		kshim_set_creds(1000, 1000, 1, (unsigned int[]){ 2000 });
		set_mode(mine, 02755, 0);
		KT_EXPECT_EQ(mode_of(mine), S_IFREG | 02755);
		as_user(1000, 1000);
		/* truncation by a caller without CAP_FSETID clears set-id bits */
		set_mode(mine, 06755, 0);
		trunc.size = 5;
		KT_EXPECT_EQ(kshim_setattr(mine, NULL, &trunc), 0);
		st = stat_of(mine);
		KT_EXPECT_EQ(st.size, 5);
		KT_EXPECT_EQ(st.mode, S_IFREG | 0755);
		/* chown by root clears them too */
		kshim_set_creds(1000, 1000, 1, gids);
		set_mode(mine, 04755, 0);
		as_root();
		set_owner(mine, 1001, 1001, 0);
		KT_EXPECT_EQ(mode_of(mine), S_IFREG | 0755);
		/* root keeps them on truncation */
		set_mode(mine, 04755, 0);
		KT_EXPECT_EQ(kshim_setattr(mine, NULL, &trunc), 0);
		KT_EXPECT_EQ(mode_of(mine), S_IFREG | 04755);
		/* and the test hook takes root's capabilities away */
		kshim_capability_set_granted(false);
		set_mode(mine, 0700, -EPERM);
		kshim_capability_set_granted(true);
		set_mode(mine, 0700, 0);

		kshim_node_put(mine, 1);
		kshim_node_put(theirs, 1);
		kshim_node_put(pub, 1);
		kshim_node_put(root, 1);
		fs = wt_remount_checked(v, fs, img, 0);
		mine = wt_node(fs, "mine");
		st = stat_of(mine);
		KT_EXPECT_EQ(st.mode, S_IFREG | 0700);
		KT_EXPECT_EQ(st.uid, 1001);
		KT_EXPECT_EQ(st.size, 5);
		kshim_node_put(mine, 1);
		wt_umount_clean(v, fs, img);
	}
}

KTEST(write_namei_sticky_dir)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *tmp;

		kshim_set_umask(0);
		KT_EXPECT_EQ(kshim_mkdir(root, "tmp", 01777, &tmp), 0);
		KT_EXPECT_EQ(mode_of(tmp), S_IFDIR | 01777);
		as_user(1000, 1000);
		kshim_node_put(make_file(tmp, "u1", 0666, 0, 0), 1);
		kshim_node_put(make_file(tmp, "u1b", 0666, 0, 0), 1);
		as_user(1001, 1001);
		kshim_node_put(make_file(tmp, "u2", 0666, 0, 0), 1);
		KT_EXPECT_EQ(kshim_unlink(tmp, "u1"), -EPERM);
		KT_EXPECT_EQ(kshim_rename(tmp, "u1", tmp, "mine", 0), -EPERM);
		KT_EXPECT_EQ(kshim_rename(tmp, "u2", tmp, "u1", 0), -EPERM);
		KT_EXPECT_EQ(kshim_rename(tmp, "u2", tmp, "u2b", 0), 0);
		KT_EXPECT_EQ(kshim_unlink(tmp, "u2b"), 0);
		as_user(1000, 1000);
		KT_EXPECT_EQ(kshim_unlink(tmp, "u1"), 0);
		as_root();
		KT_EXPECT_EQ(kshim_unlink(tmp, "u1b"), 0);
		kshim_set_umask(022);
		kshim_node_put(tmp, 1);
		kshim_node_put(root, 1);
		wt_umount_clean(v, fs, img);
	}
}

/* --- extended attributes and ACLs --------------------------------------- */

KTEST(write_namei_xattr)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *f, *lnk;
		char buf[32];

		f = make_file(root, "f", 0644, 0, 0);
		KT_EXPECT_EQ(kshim_symlink(root, "lnk", "f", &lnk), 0);
		if (!wt_is_ext2(v)) {
			KT_EXPECT_EQ(kshim_setxattr(f, "user.a", "v", 1, 0),
				     -EOPNOTSUPP);
			KT_EXPECT_EQ(kshim_removexattr(f, "user.a"), -EOPNOTSUPP);
			goto done;
		}
		KT_EXPECT_EQ(kshim_setxattr(f, "user.a", "v1", 2, XATTR_CREATE), 0);
		KT_EXPECT_EQ(kshim_setxattr(f, "user.a", "v1", 2, XATTR_CREATE),
			     -EEXIST);
		KT_EXPECT_EQ(kshim_setxattr(f, "user.b", "v", 1, XATTR_REPLACE),
			     -ENODATA);
		KT_EXPECT_EQ(kshim_setxattr(f, "user.a", "v22", 3, XATTR_REPLACE), 0);
		KT_EXPECT_EQ(kshim_getxattr(f, "user.a", buf, sizeof(buf)), 3);
		KT_EXPECT(!memcmp(buf, "v22", 3));
		KT_EXPECT_EQ(kshim_setxattr(f, "user.empty", "", 0, 0), 0);
		KT_EXPECT_EQ(kshim_getxattr(f, "user.empty", buf, sizeof(buf)), 0);
		KT_EXPECT_EQ(kshim_setxattr(f, "user.a", "v", 1, 4), -EINVAL);
		KT_EXPECT_EQ(kshim_setxattr(lnk, "user.a", "v", 1, 0), -EPERM);
		KT_EXPECT_EQ(kshim_setxattr(f, "trusted.t", "v", 1, 0), 0);
		as_user(1000, 1000);
		KT_EXPECT_EQ(kshim_setxattr(f, "user.u", "v", 1, 0), -EACCES);
		KT_EXPECT_EQ(kshim_removexattr(f, "user.a"), -EACCES);
		KT_EXPECT_EQ(kshim_setxattr(f, "trusted.t", "w", 1, 0), -EPERM);
		as_root();
		KT_EXPECT_EQ(kshim_removexattr(f, "user.a"), 0);
		KT_EXPECT_EQ(kshim_removexattr(f, "user.a"), -ENODATA);
		KT_EXPECT_EQ(kshim_getxattr(f, "user.a", buf, sizeof(buf)), -ENODATA);
done:
		kshim_node_put(lnk, 1);
		kshim_node_put(f, 1);
		kshim_node_put(root, 1);
		fs = wt_remount_checked(v, fs, img, 0);
		if (wt_is_ext2(v)) {
			f = wt_node(fs, "f");
			KT_EXPECT_EQ(kshim_getxattr(f, "trusted.t", buf, sizeof(buf)), 1);
			KT_EXPECT_EQ(kshim_getxattr(f, "user.a", buf, sizeof(buf)),
				     -ENODATA);
			kshim_node_put(f, 1);
		}
		wt_umount_clean(v, fs, img);
	}
}

/*
 * File capabilities (commoncap): a write, a truncation or a change of
 * owner removes security.capability, whoever does it, as the set-uid bit
 * goes; a change of times or mode keeps it.
 */
static int has_caps(struct kshim_node *n)
{
	char buf[64];

	return kshim_getxattr(n, "security.capability", buf, sizeof(buf)) > 0;
}

static void give_caps(struct kshim_node *n)
{
	/* vfs_cap_data revision 2: magic, then permitted/inheritable x 2 */
	static const unsigned char caps[20] = { 0, 0, 0, 2, 0x20 };

	KT_EXPECT_EQ(kshim_setxattr(n, "security.capability", caps,
				    sizeof(caps), 0), 0);
	KT_EXPECT(has_caps(n));
}

KTEST(write_namei_file_caps_dropped)
{
	const struct wt_variant *v = wt_variant("ext2-1k");
	const char *img = wt_mkfs(v, 8);
	struct kshim_fs *fs = wt_mount(v, img, 0);
	struct kshim_node *root = wt_root(fs), *f;
	struct kshim_setattr times = {
		.valid = KSHIM_SET_ATIME | KSHIM_SET_MTIME,
		.atime_sec = 1000, .mtime_sec = 2000,
	};
	struct kshim_setattr mode = { .valid = KSHIM_SET_MODE, .mode = 0766 };
	struct kshim_setattr size = { .valid = KSHIM_SET_SIZE, .size = 1 };
	struct kshim_file *h = NULL;

	f = make_file(root, "prog", 0777, 8, 'p');
	give_caps(f);
	KT_EXPECT_EQ(kshim_setattr(f, NULL, &times), 0);
	KT_EXPECT_EQ(kshim_setattr(f, NULL, &mode), 0);
	KT_EXPECT(has_caps(f));

	/* a write by root */
	KT_EXPECT_EQ(kshim_open(f, O_WRONLY, &h), 0);
	KT_EXPECT_EQ(kshim_write(h, "x", 1, 0), 1);
	KT_EXPECT_EQ(kshim_release(h), 0);
	KT_EXPECT(!has_caps(f));

	/* a write by another user */
	give_caps(f);
	as_user(1000, 1000);
	KT_EXPECT_EQ(kshim_open(f, O_RDWR, &h), 0);
	KT_EXPECT_EQ(kshim_write(h, "y", 1, 1), 1);
	KT_EXPECT_EQ(kshim_release(h), 0);
	as_root();
	KT_EXPECT(!has_caps(f));

	/* truncate(2), open(O_TRUNC), chown(2) */
	give_caps(f);
	KT_EXPECT_EQ(kshim_setattr(f, NULL, &size), 0);
	KT_EXPECT(!has_caps(f));
	give_caps(f);
	KT_EXPECT_EQ(kshim_open(f, O_WRONLY | O_TRUNC, &h), 0);
	KT_EXPECT_EQ(kshim_release(h), 0);
	KT_EXPECT(!has_caps(f));
	give_caps(f);
	set_owner(f, 1000, 1000, 0);
	KT_EXPECT(!has_caps(f));

	kshim_node_put(f, 1);
	kshim_node_put(root, 1);
	wt_umount_clean(v, fs, img);
}

/* an ACL in the xattr encoding: (tag, perm, id) triples */
static size_t acl_xattr(void *buf, const unsigned short *spec, int n)
{
	struct posix_acl_xattr_header *h = buf;
	struct posix_acl_xattr_entry *e = (void *)(h + 1);
	int k;

	h->a_version = cpu_to_le32(POSIX_ACL_XATTR_VERSION);
	for (k = 0; k < n; k++) {
		e[k].e_tag = cpu_to_le16(spec[3 * k]);
		e[k].e_perm = cpu_to_le16(spec[3 * k + 1]);
		e[k].e_id = cpu_to_le32(spec[3 * k + 2] == 0xffff ?
					ACL_UNDEFINED_ID : spec[3 * k + 2]);
	}
	return posix_acl_xattr_size(n);
}

/* the permission of the entry with @tag in an ACL read back, or -1 */
static int acl_perm(const void *buf, long len, unsigned short tag)
{
	const struct posix_acl_xattr_entry *e =
		(const void *)((const struct posix_acl_xattr_header *)buf + 1);
	int k, n = posix_acl_xattr_count(len);

	for (k = 0; k < n; k++)
		if (le16_to_cpu(e[k].e_tag) == tag)
			return le16_to_cpu(e[k].e_perm);
	return -1;
}

KTEST(write_namei_posix_acl)
{
	static const unsigned short access[] = {
		ACL_USER_OBJ, 7, 0xffff, ACL_USER, 4, 1000,
		ACL_GROUP_OBJ, 4, 0xffff, ACL_MASK, 4, 0xffff,
		ACL_OTHER, 0, 0xffff,
	};
	static const unsigned short dflt[] = {
		ACL_USER_OBJ, 6, 0xffff, ACL_GROUP_OBJ, 4, 0xffff,
		ACL_OTHER, 0, 0xffff,
	};
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img;
		struct kshim_fs *fs;
		struct kshim_node *root, *f, *d, *n;
		struct kshim_file *file;
		char buf[128], got[128];
		size_t len;
		long glen;

		if (!wt_is_ext2(v))
			continue;	/* minix has no xattrs: covered above */
		img = wt_mkfs(v, 8);
		fs = wt_mount(v, img, 0);
		root = wt_root(fs);
		f = make_file(root, "f", 0600, 0, 0);
		len = acl_xattr(buf, access, 5);
		KT_ASSERT_EQ(kshim_setxattr(f, XATTR_NAME_POSIX_ACL_ACCESS, buf,
					    len, 0), 0);
		KT_EXPECT_EQ(mode_of(f), S_IFREG | 0740);
		glen = kshim_getxattr(f, XATTR_NAME_POSIX_ACL_ACCESS, got,
				      sizeof(got));
		KT_EXPECT_EQ(glen, (long)len);
		/* the named user reads through the ACL, others do not */
		as_user(1000, 1000);
		KT_EXPECT_EQ(kshim_open(f, O_RDONLY, &file), 0);
		kshim_release(file);
		KT_EXPECT_EQ(kshim_open(f, O_RDWR, &file), -EACCES);
		KT_EXPECT_EQ(kshim_setxattr(f, XATTR_NAME_POSIX_ACL_ACCESS, buf,
					    len, 0), -EPERM);
		as_user(1001, 1001);
		KT_EXPECT_EQ(kshim_open(f, O_RDONLY, &file), -EACCES);
		as_root();
		/* chmod rewrites the mask entry */
		set_mode(f, 0700, 0);
		glen = kshim_getxattr(f, XATTR_NAME_POSIX_ACL_ACCESS, got,
				      sizeof(got));
		KT_EXPECT_EQ(acl_perm(got, glen, ACL_MASK), 0);
		as_user(1000, 1000);
		KT_EXPECT_EQ(kshim_open(f, O_RDONLY, &file), -EACCES);
		as_root();
		/* a default ACL only on directories; it beats the umask */
		len = acl_xattr(buf, dflt, 3);
		KT_EXPECT_EQ(kshim_setxattr(f, XATTR_NAME_POSIX_ACL_DEFAULT, buf,
					    len, 0), -EACCES);
		KT_EXPECT_EQ(kshim_mkdir(root, "d", 0755, &d), 0);
		KT_EXPECT_EQ(kshim_setxattr(d, XATTR_NAME_POSIX_ACL_DEFAULT, buf,
					    len, 0), 0);
		kshim_set_umask(077);
		KT_EXPECT_EQ(kshim_create(d, "n", 0666, O_CREAT | O_RDWR, &n,
					  &file), 0);
		kshim_release(file);
		KT_EXPECT_EQ(mode_of(n), S_IFREG | 0640);
		kshim_set_umask(022);
		kshim_node_put(n, 1);
		/* removing: the access ACL goes, the mode stays */
		KT_EXPECT_EQ(kshim_removexattr(f, XATTR_NAME_POSIX_ACL_ACCESS), 0);
		KT_EXPECT_EQ(kshim_getxattr(f, XATTR_NAME_POSIX_ACL_ACCESS, got,
					    sizeof(got)), -ENODATA);
		KT_EXPECT_EQ(mode_of(f), S_IFREG | 0700);
		buf[0] ^= 0x7;	/* a version nobody knows */
		KT_EXPECT_EQ(kshim_setxattr(f, XATTR_NAME_POSIX_ACL_ACCESS, buf,
					    len, 0), -EOPNOTSUPP);
		kshim_node_put(d, 1);
		kshim_node_put(f, 1);
		kshim_node_put(root, 1);
		fs = wt_remount_checked(v, fs, img, 0);
		n = wt_node(fs, "d/n");
		KT_EXPECT_EQ(mode_of(n), S_IFREG | 0640);
		kshim_node_put(n, 1);
		d = wt_node(fs, "d");
		KT_EXPECT(kshim_getxattr(d, XATTR_NAME_POSIX_ACL_DEFAULT, got,
					 sizeof(got)) > 0);
		kshim_node_put(d, 1);
		wt_umount_clean(v, fs, img);
	}
}

/* --- read-only mounts --------------------------------------------------- */

/*
 * access(2) and exec(2)'s open (KSHIM_OPEN_EXEC), which the FUSE bridge
 * relies on without the kernel's default_permissions: the caller's ids
 * decide, execute needs an x bit even for root, and only regular files
 * execute.
 */
static int host_protected_hardlinks(void)
{
	return kshim_host_sysctl("fs/protected_hardlinks", 0) != 0;
}

static int exec_open(struct kshim_node *n)
{
	struct kshim_file *f = NULL;
	int err = kshim_open(n, O_RDONLY | KSHIM_OPEN_EXEC, &f);

	if (!err)
		KT_EXPECT_EQ(kshim_release(f), 0);
	return err;
}

KTEST(write_namei_access_and_exec)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *plain, *owner_x, *all_x;
		struct kshim_node *closed, *x_only, *pub, *mine;
		int protect = host_protected_hardlinks();

		plain = make_file(root, "plain", 0644, 4, 'p');
		owner_x = make_file(root, "owner_x", 0744, 4, 'o');
		all_x = make_file(root, "all_x", 0755, 4, 'a');
		x_only = make_file(root, "x_only", 0711, 4, 'x');
		KT_EXPECT_EQ(kshim_mkdir(root, "closed", 0700, &closed), 0);
		kshim_set_umask(0);
		KT_EXPECT_EQ(kshim_mkdir(root, "pub", 0777, &pub), 0);
		kshim_set_umask(022);

		/* root: everything but execute without any x bit */
		KT_EXPECT_EQ(kshim_access(plain, 0), 0);
		KT_EXPECT_EQ(kshim_access(plain, 4 | 2), 0);
		KT_EXPECT_EQ(kshim_access(plain, 1), -EACCES);
		KT_EXPECT_EQ(kshim_access(owner_x, 1), 0);
		KT_EXPECT_EQ(kshim_access(closed, 4 | 2 | 1), 0);
		KT_EXPECT_EQ(kshim_access(plain, 8), -EINVAL);
		KT_EXPECT_EQ(exec_open(plain), -EACCES);
		KT_EXPECT_EQ(exec_open(owner_x), 0);
		KT_EXPECT_EQ(exec_open(closed), -EACCES);

		/* another user: the "other" bits */
		as_user(1000, 1000);
		KT_EXPECT_EQ(kshim_access(plain, 4), 0);
		KT_EXPECT_EQ(kshim_access(plain, 2), -EACCES);
		KT_EXPECT_EQ(kshim_access(owner_x, 1), -EACCES);
		KT_EXPECT_EQ(kshim_access(all_x, 4 | 1), 0);
		KT_EXPECT_EQ(kshim_access(closed, 1), -EACCES);
		KT_EXPECT_EQ(kshim_access(closed, 0), 0);
		KT_EXPECT_EQ(exec_open(owner_x), -EACCES);
		KT_EXPECT_EQ(exec_open(all_x), 0);
		/* exec asks for execute permission only */
		KT_EXPECT_EQ(kshim_access(x_only, 4), -EACCES);
		KT_EXPECT_EQ(exec_open(x_only), 0);

		/* links: fs.protected_hardlinks, as the host has it */
		mine = make_file(pub, "mine", 0600, 1, 'm');
		KT_EXPECT_EQ(kshim_link(mine, pub, "mine2", NULL), 0);
		KT_EXPECT_EQ(kshim_link(plain, pub, "plain2", NULL),
			     protect ? -EPERM : 0);
		KT_EXPECT_EQ(kshim_link(plain, pub, "mine", NULL), -EEXIST);
		as_root();
		KT_EXPECT_EQ(kshim_link(plain, pub, "plain3", NULL), 0);

		kshim_node_put(plain, 1);
		kshim_node_put(owner_x, 1);
		kshim_node_put(all_x, 1);
		kshim_node_put(closed, 1);
		kshim_node_put(x_only, 1);
		kshim_node_put(mine, 1);
		kshim_node_put(pub, 1);
		kshim_node_put(root, 1);
		wt_umount_clean(v, fs, img);
	}
}

KTEST(write_namei_readonly_mount)
{
	const struct wt_variant *v = wt_variant("ext2-1k");
	const char *img = wt_mkfs(v, 8);
	struct kshim_fs *fs = wt_mount(v, img, 0);
	struct kshim_node *root = wt_root(fs), *f;
	struct kshim_setattr a = { .valid = KSHIM_SET_MODE, .mode = 0600 };

	kshim_node_put(make_file(root, "f", 0644, 0, 0), 1);
	kshim_node_put(root, 1);
	KT_EXPECT_EQ(kshim_umount(fs), 0);
	fs = wt_mount(v, img, KSHIM_MOUNT_RDONLY);
	root = wt_root(fs);
	f = child(fs, root, "f");
	KT_EXPECT_EQ(kshim_mkdir(root, "d", 0755, NULL), -EROFS);
	KT_EXPECT_EQ(kshim_mkdir(root, "f", 0755, NULL), -EEXIST);
	KT_EXPECT_EQ(kshim_unlink(root, "f"), -EROFS);
	KT_EXPECT_EQ(kshim_rename(root, "f", root, "g", 0), -EROFS);
	KT_EXPECT_EQ(kshim_setattr(f, NULL, &a), -EROFS);
	KT_EXPECT_EQ(kshim_setxattr(f, "user.a", "v", 1, 0), -EROFS);
	KT_EXPECT_EQ(kshim_access(f, 2), -EROFS);
	KT_EXPECT_EQ(kshim_access(f, 4), 0);
	kshim_node_put(f, 1);
	kshim_node_put(root, 1);
	wt_umount_clean(v, fs, img);
}

/* --- concurrency -------------------------------------------------------- */

struct churn {
	struct kshim_node *d1, *d2;
	int id, rounds;
	int bad;		/* unexpected results */
	int last_bad;
};

static bool allowed(int err, int ok1, int ok2)
{
	return err == 0 || err == ok1 || err == ok2;
}

static void note(struct churn *c, int err, int ok1, int ok2)
{
	if (!allowed(err, ok1, ok2)) {
		c->bad++;
		c->last_bad = err;
	}
}

/*
 * Each thread: private names created, renamed within and across the two
 * directories and removed; shared names raced for by every thread.
 */
static int churn_fn(void *data)
{
	struct churn *c = data;
	char a[32], b[32], s[32];
	int r, err;

	for (r = 0; r < c->rounds; r++) {
		snprintf(a, sizeof(a), "p%d-%d", c->id, r);
		snprintf(b, sizeof(b), "q%d-%d", c->id, r);
		snprintf(s, sizeof(s), "shared%d", r % 3);
		err = kshim_create(c->d1, a, 0644, O_CREAT | O_EXCL | O_RDWR,
				   NULL, NULL);
		note(c, err, 0, 0);
		err = kshim_rename(c->d1, a, c->d2, b, 0);
		note(c, err, 0, 0);
		err = kshim_rename(c->d2, b, c->d1, b, 0);
		note(c, err, 0, 0);
		if (r % 2)
			note(c, kshim_unlink(c->d1, b), 0, 0);
		/* shared names: every step may lose the race to another thread */
		err = kshim_create(c->d1, s, 0644, O_CREAT | O_EXCL | O_RDWR,
				   NULL, NULL);
		note(c, err, -EEXIST, 0);
		note(c, kshim_rename(c->d1, s, c->d2, s, 0), -ENOENT, 0);
		note(c, kshim_unlink(c->d2, s), -ENOENT, 0);
		snprintf(s, sizeof(s), "sdir%d", r % 3);
		note(c, kshim_mkdir(c->d2, s, 0755, NULL), -EEXIST, 0);
		note(c, kshim_rmdir(c->d2, s), -ENOENT, 0);
		/* directories trading places between the parents */
		err = kshim_mkdir(c->d1, a, 0755, NULL);
		note(c, err, 0, 0);
		note(c, kshim_rename(c->d1, a, c->d2, a, 0), 0, 0);
		note(c, kshim_rmdir(c->d2, a), 0, 0);
	}
	return 0;
}

KTEST(write_namei_concurrent)
{
	int i;

	for (i = 0; i < wt_nr_variants; i++) {
		const struct wt_variant *v = &wt_variants[i];
		const char *img = wt_mkfs(v, 8);
		struct kshim_fs *fs = wt_mount(v, img, 0);
		struct kshim_node *root = wt_root(fs), *d1, *d2;
		struct churn c[4];
		struct listing l1, l2;
		int k, rounds = 40;

		KT_ASSERT_EQ(kshim_mkdir(root, "d1", 0755, &d1), 0);
		KT_ASSERT_EQ(kshim_mkdir(root, "d2", 0755, &d2), 0);
		for (k = 0; k < 4; k++)
			c[k] = (struct churn){ .d1 = d1, .d2 = d2, .id = k,
					       .rounds = rounds };
		wt_run_threads(churn_fn, c, sizeof(c[0]), 4, "churn");
		for (k = 0; k < 4; k++) {
			KT_EXPECT_EQ(c[k].bad, 0);
			if (c[k].bad)
				ktest_failf(__FILE__, __LINE__,
					    "thread %d: last unexpected %d", k,
					    c[k].last_bad);
		}
		/*
		 * The private files of even rounds stay; each shared name's
		 * last creator or mover also ran the step that removes it.
		 */
		list_dir(d1, &l1);
		list_dir(d2, &l2);
		for (k = 0; k < l1.count && k < 64; k++) {
			KT_EXPECT_EQ(l1.names[k][0], 'q');
			KT_EXPECT_EQ(lookup_err(fs, d1, l1.names[k]), 0);
		}
		KT_EXPECT_EQ(l1.count, 4 * rounds / 2);
		KT_EXPECT_EQ(l2.count, 0);
		KT_EXPECT_EQ(nlink_of(d1), 2);
		KT_EXPECT_EQ(nlink_of(d2), 2);
		kshim_node_put(d1, 1);
		kshim_node_put(d2, 1);
		kshim_node_put(root, 1);
		fs = wt_remount_checked(v, fs, img, 0);
		d1 = wt_node(fs, "d1");
		list_dir(d1, &l2);
		KT_EXPECT_EQ(l2.count, l1.count);
		kshim_node_put(d1, 1);
		wt_umount_clean(v, fs, img);
	}
}
