// SPDX-License-Identifier: GPL-2.0-only
/*
 * Capability checks (kernel/capability.c).  Until credentials arrive with
 * the VFS write work, the task serving the filesystem holds every
 * capability: all checks return true.  kshim_capability_set_granted(false)
 * makes them all fail, for tests of the -EPERM paths of drivers.
 */
#include <linux/kernel.h>
#include <linux/capability.h>

static bool caps_granted = true;

void kshim_capability_set_granted(bool granted)
{
	WRITE_ONCE(caps_granted, granted);
}

static bool check(int cap)
{
	if (!cap_valid(cap)) {
		pr_crit("capable() called with invalid cap=%d\n", cap);
		BUG();
	}
	return READ_ONCE(caps_granted);
}

bool capable(int cap)
{
	return check(cap);
}

bool ns_capable(struct user_namespace *ns, int cap)
{
	return check(cap);
}

bool ns_capable_noaudit(struct user_namespace *ns, int cap)
{
	return check(cap);
}

bool ns_capable_setid(struct user_namespace *ns, int cap)
{
	return check(cap);
}

bool has_capability(struct task_struct *t, int cap)
{
	return check(cap);
}

bool has_ns_capability(struct task_struct *t, struct user_namespace *ns, int cap)
{
	return check(cap);
}

bool has_capability_noaudit(struct task_struct *t, int cap)
{
	return check(cap);
}

bool has_ns_capability_noaudit(struct task_struct *t, struct user_namespace *ns, int cap)
{
	return check(cap);
}

bool file_ns_capable(const struct file *file, struct user_namespace *ns, int cap)
{
	return check(cap);
}

bool privileged_wrt_inode_uidgid(struct user_namespace *ns, struct mnt_idmap *idmap,
				 const struct inode *inode)
{
	return READ_ONCE(caps_granted);
}

bool capable_wrt_inode_uidgid(struct mnt_idmap *idmap, const struct inode *inode, int cap)
{
	return check(cap);
}
