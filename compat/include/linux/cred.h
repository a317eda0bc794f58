/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Task credentials.  The kernel reads current->cred; kshim keeps the
 * credentials per host thread in the VFS (kshim_set_creds() of the
 * in-process API), so current_cred() is a call into the VFS that returns
 * the calling thread's credentials, never NULL.  Credentials are
 * immutable while in use, as in the kernel; get_cred/put_cred count
 * references.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/uidgid.h>
#include <linux/user_namespace.h>

struct group_info {
	atomic_t usage;
	int ngroups;
	kgid_t gid[];
};

struct cred {
	atomic_long_t usage;
	kuid_t uid;
	kgid_t gid;
	kuid_t suid;
	kgid_t sgid;
	kuid_t euid;
	kgid_t egid;
	kuid_t fsuid;
	kgid_t fsgid;
	unsigned int securebits;
	/* capabilities: see linux/capability.h (capable() decides) */
	void *security;
	struct user_namespace *user_ns;
	struct group_info *group_info;
	struct rcu_head rcu;
};

/* VFS: the calling thread's credentials */
const struct cred *kshim_current_cred(void);

#define current_cred() kshim_current_cred()
#define current_real_cred() kshim_current_cred()
#define current_cred_xxx(field) (current_cred()->field)
#define current_uid() current_cred_xxx(uid)
#define current_gid() current_cred_xxx(gid)
#define current_euid() current_cred_xxx(euid)
#define current_egid() current_cred_xxx(egid)
#define current_suid() current_cred_xxx(suid)
#define current_sgid() current_cred_xxx(sgid)
#define current_fsuid() current_cred_xxx(fsuid)
#define current_fsgid() current_cred_xxx(fsgid)
#define current_user_ns() (&init_user_ns)

static inline const struct cred *get_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (c)
		atomic_long_inc(&c->usage);
	return cred;
}

void __put_cred(struct cred *cred);

static inline void put_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (c && atomic_long_dec_and_test(&c->usage))
		__put_cred(c);
}

/* kernel/groups.c: is @grp the fsgid or a supplementary group? */
int in_group_p(kgid_t grp);
int in_egroup_p(kgid_t grp);
bool groups_search(const struct group_info *group_info, kgid_t grp);

const struct cred *override_creds(const struct cred *new);
void revert_creds(const struct cred *old);
struct cred *prepare_creds(void);
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);

#endif /* _LINUX_CRED_H */
