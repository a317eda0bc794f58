/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers for the write-path tests (kernel world, KTEST cases): fresh
 * images of every covered variant in the case's scratch directory,
 * mounting them through the in-process API, and the filesystem's own
 * checker afterwards.
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

/*
 * Make a fresh image of @v of @size_mib MiB in the scratch directory and
 * return its path (static storage per call site is not kept: copy it).
 * Fails (skips, when mkfs is missing) the case on error.
 */
const char *wt_mkfs(const struct wt_variant *v, unsigned int size_mib);

/* mount @image read-write (or with @flags) and return the fs; asserts */
struct kshim_fs *wt_mount(const struct wt_variant *v, const char *image,
			  int flags);

/* run @v's checker on @image: its exit status (0 = clean) */
int wt_fsck(const struct wt_variant *v, const char *image);

/* a node for @path (asserting it exists); put it with kshim_node_put(n, 1) */
struct kshim_node *wt_node(struct kshim_fs *fs, const char *path);

#endif /* _KSHIM_WTEST_H */
