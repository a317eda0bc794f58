/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Path lookup flags and the lookup helpers a filesystem may call.  kshim's
 * VFS resolves names component by component from the in-process API;
 * drivers only see LOOKUP_* flags in ->lookup and nd_terminate_link().
 */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/kernel.h>
#include <linux/path.h>
#include <linux/fcntl.h>
#include <linux/errno.h>

enum { MAX_NESTED_LINKS = 8 };

#define MAXSYMLINKS 40

#define LOOKUP_FOLLOW 0x0001
#define LOOKUP_DIRECTORY 0x0002
#define LOOKUP_AUTOMOUNT 0x0004
#define LOOKUP_PARENT 0x0010
#define LOOKUP_REVAL 0x0020
#define LOOKUP_RCU 0x0040
#define LOOKUP_MOUNTPOINT 0x0080
#define LOOKUP_OPEN 0x0100
#define LOOKUP_CREATE 0x0200
#define LOOKUP_EXCL 0x0400
#define LOOKUP_RENAME_TARGET 0x0800
#define LOOKUP_EMPTY 0x4000
#define LOOKUP_DOWN 0x8000
#define LOOKUP_NO_SYMLINKS 0x010000
#define LOOKUP_NO_MAGICLINKS 0x020000
#define LOOKUP_NO_XDEV 0x040000
#define LOOKUP_BENEATH 0x080000
#define LOOKUP_IN_ROOT 0x100000
#define LOOKUP_CACHED 0x200000
#define LOOKUP_LINKAT_EMPTY 0x400000

struct dentry;
struct qstr;
struct inode;
struct mnt_idmap;

/* terminate a link body read from disk at min(len, maxlen) */
static inline void nd_terminate_link(void *name, size_t len, size_t maxlen)
{
	((char *)name)[len < maxlen ? len : maxlen] = '\0';
}

struct dentry *lookup_one_len(const char *name, struct dentry *base,
			      int len);
struct dentry *lookup_one_len_unlocked(const char *name,
				       struct dentry *base, int len);
struct dentry *lookup_one(struct mnt_idmap *idmap, const char *name,
			  struct dentry *base, int len);
int kern_path(const char *name, unsigned int flags, struct path *path);
int follow_down_one(struct path *path);
int follow_up(struct path *path);
struct dentry *lock_rename(struct dentry *p1, struct dentry *p2);
void unlock_rename(struct dentry *p1, struct dentry *p2);

#endif /* _LINUX_NAMEI_H */
