/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers for the write-path tests (kernel world, KTEST cases): fresh
 * images of every covered variant in the case's scratch directory,
 * mounting them through the in-process API, the filesystem's own checker
 * afterwards, and the test data every case writes and reads back.
 */
#ifndef _KSHIM_WTEST_H
#define _KSHIM_WTEST_H

#include <kshim/vfs.h>

/* the variants every write test covers */
struct wt_variant {
	const char *name;	/* "ext2-1k", "ext2-4k", "minix1", ... */
	const char *fstype;	/* kshim_mount() type: "ext2", "minix" */
	const char *mkfs;	/* printf format, %s = image path */
	const char *fsck;	/* read-only check, %s = image path */
	const char *repair;	/* repairing check, %s = image path */
};

extern const struct wt_variant wt_variants[];
extern const int wt_nr_variants;

/* look a variant up by name; fails the case if unknown */
const struct wt_variant *wt_variant(const char *name);

/* is @v one of the ext2 variants? */
bool wt_is_ext2(const struct wt_variant *v);

/*
 * Make a fresh image of @v of @size_mib MiB in the scratch directory and
 * return its path, valid for the next WT_MKFS_PATHS - 1 calls too (static
 * storage: copy it to keep it longer).  Fails (skips, when mkfs is
 * missing) the case on error.
 */
#define WT_MKFS_PATHS 16
const char *wt_mkfs(const struct wt_variant *v, unsigned int size_mib);

/* mount @image read-write (or with @flags) and return the fs; asserts */
struct kshim_fs *wt_mount(const struct wt_variant *v, const char *image,
			  int flags);

/* run @v's checker on @image: its exit status (0 = clean) */
int wt_fsck(const struct wt_variant *v, const char *image);

/* unmount @fs and expect the checker to find @image clean */
void wt_umount_clean(const struct wt_variant *v, struct kshim_fs *fs,
		     const char *image);

/*
 * Unmount @fs and mount @image again with @flags (what was written must
 * read back from the disk now); wt_remount_checked() runs the checker in
 * between and expects it clean.
 */
struct kshim_fs *wt_remount(const struct wt_variant *v, struct kshim_fs *fs,
			    const char *image, int flags);
struct kshim_fs *wt_remount_checked(const struct wt_variant *v,
				    struct kshim_fs *fs, const char *image,
				    int flags);

/* a node for @path (asserting it exists); put it with kshim_node_put(n, 1) */
struct kshim_node *wt_node(struct kshim_fs *fs, const char *path);

/* the root directory's node (asserting); put it with kshim_node_put(n, 1) */
struct kshim_node *wt_root(struct kshim_fs *fs);

/*
 * The test data: the byte at offset @off of a file written with @seed.
 * Never zero, so that a hole or a lost write cannot pass for data.
 */
unsigned char wt_pattern_byte(unsigned long long off, unsigned int seed);

/*
 * Write @len bytes of pattern @seed at @off through @file, in writes of
 * @piece bytes.  0, or the first failed write's error (-EIO when short).
 * Safe in threads of the case's own (asserts nothing).
 */
long wt_write_pattern(struct kshim_file *file, unsigned long long off,
		      unsigned long long len, unsigned int seed,
		      unsigned int piece);

/*
 * Read [@off, @off + @len) through @file and compare with pattern @seed
 * (@seed < 0: zeroes, a hole).  Returns the first wrong offset (noted in
 * the case's output), or -1 when every byte is right.
 */
long long wt_check_pattern(struct kshim_file *file, unsigned long long off,
			   unsigned long long len, int seed);

/*
 * Run @fn on each of the @n elements (of @elem_size bytes) of @args, each
 * in a kernel thread of its own named @name<k>, all started together, and
 * wait until every one has returned.  Results go through the elements.
 */
void wt_run_threads(int (*fn)(void *arg), void *args, size_t elem_size,
		    int n, const char *name);

#endif /* _KSHIM_WTEST_H */
