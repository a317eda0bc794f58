// SPDX-License-Identifier: GPL-2.0-only
/*
 * Capability checks (kernel/capability.c, security/commoncap.c).
 *
 * kshim keeps no capability sets in struct cred: a task's capabilities
 * follow from its ids, as they do for a Linux process that has not used
 * capset(2) or securebits:
 *  - the file-system capabilities (CAP_FS_MASK: chown, DAC override and
 *    read-search, fowner, fsetid, immutable, mknod, MAC override) belong
 *    to a task whose fsuid is 0 -- the kernel raises and drops exactly
 *    these when the fsuid moves to or from 0 (cap_emulate_setxuid);
 *  - every other capability belongs to a task whose euid is 0;
 *  - capable_wrt_inode_uidgid() also needs the inode's owner and group to
 *    be mapped (always true in the only, initial, user namespace unless
 *    the ids are invalid), as privileged_wrt_inode_uidgid() says.
 * A thread that never called kshim_set_creds() is root (init_cred).
 *
 * Test hook: kshim_capability_set_granted(false) makes every check fail
 * whoever asks, so driver -EPERM paths can be reached as root;
 * kshim_capability_set_granted(true) returns to the id-based answer.
 */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/uidgid.h>

static bool caps_denied_by_test;

void kshim_capability_set_granted(bool granted)
{
	WRITE_ONCE(caps_denied_by_test, !granted);
}

/* the capabilities a change of fsuid to or from 0 carries along */
#define KSHIM_FS_CAPS							\
	(BIT_ULL(CAP_CHOWN) | BIT_ULL(CAP_DAC_OVERRIDE) |		\
	 BIT_ULL(CAP_DAC_READ_SEARCH) | BIT_ULL(CAP_FOWNER) |		\
	 BIT_ULL(CAP_FSETID) | BIT_ULL(CAP_LINUX_IMMUTABLE) |		\
	 BIT_ULL(CAP_MKNOD) | BIT_ULL(CAP_MAC_OVERRIDE))

static bool cred_holds(const struct cred *cred, int cap)
{
	kuid_t who;

	if (!cap_valid(cap)) {
		pr_crit("capable() called with invalid cap=%d\n", cap);
		BUG();
	}
	if (READ_ONCE(caps_denied_by_test))
		return false;
	if (!cred)
		return true;	/* never given credentials: root */
	who = (KSHIM_FS_CAPS & BIT_ULL(cap)) ? cred->fsuid : cred->euid;
	return uid_eq(who, GLOBAL_ROOT_UID);
}

/*
 * The effective credentials of @t (NULL: the caller).  Read from the task
 * itself, not through current_cred(), which the VFS library provides: a
 * task that never had credentials installed acts as root (NULL here).
 */
static const struct cred *task_creds(struct task_struct *t)
{
	return (t ? t : current)->cred;
}

bool capable(int cap)
{
	return cred_holds(task_creds(NULL), cap);
}

/* one user namespace: every namespace question is the initial one's */
bool ns_capable(struct user_namespace *ns, int cap)
{
	return cred_holds(task_creds(NULL), cap);
}

bool ns_capable_noaudit(struct user_namespace *ns, int cap)
{
	return cred_holds(task_creds(NULL), cap);
}

bool ns_capable_setid(struct user_namespace *ns, int cap)
{
	return cred_holds(task_creds(NULL), cap);
}

bool has_capability(struct task_struct *t, int cap)
{
	return cred_holds(task_creds(t), cap);
}

bool has_ns_capability(struct task_struct *t, struct user_namespace *ns, int cap)
{
	return cred_holds(task_creds(t), cap);
}

bool has_capability_noaudit(struct task_struct *t, int cap)
{
	return cred_holds(task_creds(t), cap);
}

bool has_ns_capability_noaudit(struct task_struct *t, struct user_namespace *ns, int cap)
{
	return cred_holds(task_creds(t), cap);
}

/* asked of the credentials the file was opened with, not the caller's */
bool file_ns_capable(const struct file *file, struct user_namespace *ns, int cap)
{
	return cred_holds(file && file->f_cred ? file->f_cred :
			  task_creds(NULL), cap);
}

bool privileged_wrt_inode_uidgid(struct user_namespace *ns, struct mnt_idmap *idmap,
				 const struct inode *inode)
{
	if (!inode)
		return true;
	return uid_valid(inode->i_uid) && gid_valid(inode->i_gid);
}

bool capable_wrt_inode_uidgid(struct mnt_idmap *idmap, const struct inode *inode, int cap)
{
	return cred_holds(task_creds(NULL), cap) &&
	       privileged_wrt_inode_uidgid(NULL, idmap, inode);
}
