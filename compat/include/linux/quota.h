/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Disk quota types.  CONFIG_QUOTA is off in kshim: these exist so that
 * filesystem code compiled with quota hooks has its types; no quota is
 * ever enabled, and struct quota_info (in linux/fs.h) stays empty.
 */
#ifndef _LINUX_QUOTA_H
#define _LINUX_QUOTA_H

#include <linux/types.h>
#include <linux/uidgid_types.h>
#include <linux/rwsem.h>

#define USRQUOTA 0
#define GRPQUOTA 1
#define PRJQUOTA 2
#define MAXQUOTAS 3

#define QTYPE_MASK_USR (1 << USRQUOTA)
#define QTYPE_MASK_GRP (1 << GRPQUOTA)
#define QTYPE_MASK_PRJ (1 << PRJQUOTA)

#define QFMT_VFS_OLD 1
#define QFMT_VFS_V0 2
#define QFMT_VFS_V1 4

typedef long long qsize_t;

enum quota_type {
	USRQUOTA_T = USRQUOTA,
	GRPQUOTA_T = GRPQUOTA,
	PRJQUOTA_T = PRJQUOTA,
};

typedef __kernel_uid32_t projid_t;

typedef struct {
	projid_t val;
} kprojid_t;

struct kqid {
	union {
		kuid_t uid;
		kgid_t gid;
		kprojid_t projid;
	};
	enum quota_type type;
};

struct dquot;
struct inode;

/* the per-super-block quota state; never populated without CONFIG_QUOTA */
struct quota_info {
	unsigned int flags;
	struct rw_semaphore dqio_sem;
	struct inode *files[MAXQUOTAS];
};

struct qc_dqblk;
struct qc_info;
struct qc_state;
struct path;
struct super_block;

struct dquot_operations {
	int (*write_dquot)(struct dquot *dquot);
	struct dquot *(*alloc_dquot)(struct super_block *sb, int type);
	void (*destroy_dquot)(struct dquot *dquot);
	int (*acquire_dquot)(struct dquot *dquot);
	int (*release_dquot)(struct dquot *dquot);
	int (*mark_dirty)(struct dquot *dquot);
	int (*write_info)(struct super_block *sb, int type);
};

struct quotactl_ops {
	int (*quota_on)(struct super_block *sb, int type, int id,
			const struct path *path);
	int (*quota_off)(struct super_block *sb, int type);
	int (*quota_sync)(struct super_block *sb, int type);
	int (*set_info)(struct super_block *sb, int type,
			struct qc_info *info);
	int (*get_dqblk)(struct super_block *sb, struct kqid qid,
			 struct qc_dqblk *dqblk);
	int (*get_nextdqblk)(struct super_block *sb, struct kqid *qid,
			     struct qc_dqblk *dqblk);
	int (*set_dqblk)(struct super_block *sb, struct kqid qid,
			 struct qc_dqblk *dqblk);
	int (*get_state)(struct super_block *sb, struct qc_state *state);
};

#endif /* _LINUX_QUOTA_H */
