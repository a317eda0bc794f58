// SPDX-License-Identifier: GPL-2.0-only
/*
 * Credentials (kernel/cred.c, kernel/groups.c) and the initial user
 * namespace.  The kernel reads current->cred; kshim_set_creds() of the
 * in-process API installs a new immutable struct cred on the calling
 * thread's task (the FUSE bridge does so per request with the caller's
 * ids and groups).  A thread that never set any acts as root, as a kernel
 * thread does.
 *
 * Kernel guarantees kept: a struct cred is never changed once installed
 * (a change installs a new one); get_cred/put_cred count references and
 * the last put frees it; in_group_p() is true for the fsgid and the
 * supplementary groups (kept sorted and searched by bisection);
 * override_creds()/revert_creds() switch the effective credentials.
 *
 * The umask (the kernel keeps it in current->fs) is per thread here too:
 * kshim_set_umask() sets the calling thread's, current_umask() reads it,
 * 022 until set, as a process started by a usual shell.
 */
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/user_namespace.h>
#include <linux/fs.h>
#include <kshim/vfs.h>

struct user_namespace init_user_ns = {
	.owner = GLOBAL_ROOT_UID,
	.group = GLOBAL_ROOT_GID,
};

static struct group_info init_groups = { .usage = ATOMIC_INIT(2) };

/* the credentials of a thread that never called kshim_set_creds() */
static struct cred init_cred = {
	.usage = ATOMIC_LONG_INIT(1 << 30),	/* never freed */
	.uid = GLOBAL_ROOT_UID,
	.gid = GLOBAL_ROOT_GID,
	.suid = GLOBAL_ROOT_UID,
	.sgid = GLOBAL_ROOT_GID,
	.euid = GLOBAL_ROOT_UID,
	.egid = GLOBAL_ROOT_GID,
	.fsuid = GLOBAL_ROOT_UID,
	.fsgid = GLOBAL_ROOT_GID,
	.user_ns = &init_user_ns,
	.group_info = &init_groups,
};

const struct cred *kshim_current_cred(void)
{
	const struct cred *cred = current->cred;

	return cred ? cred : &init_cred;
}

static void put_group_info(struct group_info *gi)
{
	if (gi && atomic_dec_and_test(&gi->usage))
		kfree(gi);
}

void __put_cred(struct cred *cred)
{
	WARN_ON(cred == &init_cred);
	put_group_info(cred->group_info);
	kfree(cred);
}

static int gid_cmp(const void *a, const void *b)
{
	kgid_t ga = *(const kgid_t *)a, gb = *(const kgid_t *)b;

	return gid_gt(ga, gb) - gid_lt(ga, gb);
}

bool groups_search(const struct group_info *group_info, kgid_t grp)
{
	unsigned int left, right;

	if (!group_info)
		return false;
	left = 0;
	right = group_info->ngroups;
	while (left < right) {
		unsigned int mid = (left + right) / 2;

		if (gid_gt(grp, group_info->gid[mid]))
			left = mid + 1;
		else if (gid_lt(grp, group_info->gid[mid]))
			right = mid;
		else
			return true;
	}
	return false;
}

int in_group_p(kgid_t grp)
{
	const struct cred *cred = current_cred();

	if (gid_eq(grp, cred->fsgid))
		return 1;
	return groups_search(cred->group_info, grp);
}

int in_egroup_p(kgid_t grp)
{
	const struct cred *cred = current_cred();

	if (gid_eq(grp, cred->egid))
		return 1;
	return groups_search(cred->group_info, grp);
}

struct cred *prepare_creds(void)
{
	const struct cred *old = current_cred();
	struct cred *new = kmemdup(old, sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	atomic_long_set(&new->usage, 1);
	if (new->group_info)
		atomic_inc(&new->group_info->usage);
	return new;
}

void abort_creds(struct cred *new)
{
	put_cred(new);
}

/*
 * Install @new as both the real and the effective credentials; the
 * caller's reference passes to the task, which holds one per pointer.
 */
int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old_real = task->real_cred, *old = task->cred;

	get_cred(new);
	task->real_cred = new;
	task->cred = new;
	put_cred(old_real);
	put_cred(old);
	return 0;
}

/* returns the previous effective credentials, for revert_creds() */
const struct cred *override_creds(const struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->cred;

	task->cred = get_cred(new);
	return old;
}

void revert_creds(const struct cred *old)
{
	struct task_struct *task = current;
	const struct cred *override = task->cred;

	task->cred = old;
	put_cred(override);
}

static bool same_creds(const struct cred *c, unsigned int uid,
		       unsigned int gid, unsigned int ngroups,
		       const kgid_t *groups)
{
	const struct group_info *gi = c->group_info;
	unsigned int i;

	if (__kuid_val(c->fsuid) != uid || __kgid_val(c->fsgid) != gid ||
	    __kuid_val(c->uid) != uid || __kgid_val(c->gid) != gid)
		return false;
	if ((gi ? gi->ngroups : 0) != (int)ngroups)
		return false;
	for (i = 0; i < ngroups; i++)
		if (!gid_eq(gi->gid[i], groups[i]))
			return false;
	return true;
}

void kshim_set_creds(unsigned int uid, unsigned int gid,
		     unsigned int ngroups, const unsigned int *groups)
{
	struct group_info *gi;
	struct cred *new;
	unsigned int i;

	gi = kmalloc(struct_size(gi, gid, ngroups), GFP_KERNEL);
	if (!gi)
		return;		/* keep acting with the old identity */
	atomic_set(&gi->usage, 1);
	gi->ngroups = ngroups;
	for (i = 0; i < ngroups; i++)
		gi->gid[i] = KGIDT_INIT(groups[i]);
	sort(gi->gid, ngroups, sizeof(kgid_t), gid_cmp, NULL);

	/* the same caller again (the common case): keep the current cred */
	if (same_creds(kshim_current_cred(), uid, gid, ngroups, gi->gid)) {
		kfree(gi);
		return;
	}
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new) {
		kfree(gi);
		return;
	}
	atomic_long_set(&new->usage, 1);
	new->uid = new->suid = new->euid = new->fsuid = KUIDT_INIT(uid);
	new->gid = new->sgid = new->egid = new->fsgid = KGIDT_INIT(gid);
	new->user_ns = &init_user_ns;
	new->group_info = gi;
	commit_creds(new);
}

/* the calling thread's file creation mask (see the comment at the top) */
static __thread unsigned int thread_umask = 0022;

int current_umask(void)
{
	return thread_umask;
}

void kshim_set_umask(unsigned int umask)
{
	thread_umask = umask & S_IRWXUGO;
}
