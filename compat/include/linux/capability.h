/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * POSIX capabilities (kernel/capability.c).
 *
 * The checks answer from the calling thread's credentials
 * (compat/capability.c): file-system capabilities for fsuid 0, the others
 * for euid 0, as a Linux root process without capset(2).  Tests can deny
 * them all with kshim_capability_set_granted(false) and exercise the
 * -EPERM paths of drivers as root.
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/types.h>
#include <linux/bits.h>

struct task_struct;
struct user_namespace;
struct mnt_idmap;
struct inode;
struct file;
struct dentry;

#define CAP_CHOWN 0
#define CAP_DAC_OVERRIDE 1
#define CAP_DAC_READ_SEARCH 2
#define CAP_FOWNER 3
#define CAP_FSETID 4
#define CAP_KILL 5
#define CAP_SETGID 6
#define CAP_SETUID 7
#define CAP_SETPCAP 8
#define CAP_LINUX_IMMUTABLE 9
#define CAP_NET_BIND_SERVICE 10
#define CAP_NET_BROADCAST 11
#define CAP_NET_ADMIN 12
#define CAP_NET_RAW 13
#define CAP_IPC_LOCK 14
#define CAP_IPC_OWNER 15
#define CAP_SYS_MODULE 16
#define CAP_SYS_RAWIO 17
#define CAP_SYS_CHROOT 18
#define CAP_SYS_PTRACE 19
#define CAP_SYS_PACCT 20
#define CAP_SYS_ADMIN 21
#define CAP_SYS_BOOT 22
#define CAP_SYS_NICE 23
#define CAP_SYS_RESOURCE 24
#define CAP_SYS_TIME 25
#define CAP_SYS_TTY_CONFIG 26
#define CAP_MKNOD 27
#define CAP_LEASE 28
#define CAP_AUDIT_WRITE 29
#define CAP_AUDIT_CONTROL 30
#define CAP_SETFCAP 31
#define CAP_MAC_OVERRIDE 32
#define CAP_MAC_ADMIN 33
#define CAP_SYSLOG 34
#define CAP_WAKE_ALARM 35
#define CAP_BLOCK_SUSPEND 36
#define CAP_AUDIT_READ 37
#define CAP_PERFMON 38
#define CAP_BPF 39
#define CAP_CHECKPOINT_RESTORE 40
#define CAP_LAST_CAP CAP_CHECKPOINT_RESTORE
#define cap_valid(x) ((x) >= 0 && (x) <= CAP_LAST_CAP)
#define CAP_TO_INDEX(x) ((x) >> 5)
#define CAP_TO_MASK(x) (1U << ((x) & 31))
#define CAP_VALID_MASK (BIT_ULL(CAP_LAST_CAP + 1) - 1)

typedef struct {
	u64 val;
} kernel_cap_t;

#define CAP_EMPTY_SET ((kernel_cap_t) { 0 })
#define CAP_FULL_SET ((kernel_cap_t) { CAP_VALID_MASK })
#define cap_raise(c, flag) ((c).val |= BIT_ULL(flag))
#define cap_lower(c, flag) ((c).val &= ~BIT_ULL(flag))
#define cap_raised(c, flag) (((c).val & BIT_ULL(flag)) != 0)

static inline bool cap_isclear(const kernel_cap_t a)
{
	return !a.val;
}

bool capable(int cap);
bool ns_capable(struct user_namespace *ns, int cap);
bool ns_capable_noaudit(struct user_namespace *ns, int cap);
bool ns_capable_setid(struct user_namespace *ns, int cap);
bool has_capability(struct task_struct *t, int cap);
bool has_ns_capability(struct task_struct *t, struct user_namespace *ns, int cap);
bool has_capability_noaudit(struct task_struct *t, int cap);
bool has_ns_capability_noaudit(struct task_struct *t, struct user_namespace *ns,
			       int cap);
bool file_ns_capable(const struct file *file, struct user_namespace *ns, int cap);
bool privileged_wrt_inode_uidgid(struct user_namespace *ns, struct mnt_idmap *idmap,
				 const struct inode *inode);
bool capable_wrt_inode_uidgid(struct mnt_idmap *idmap, const struct inode *inode,
			      int cap);

static inline bool perfmon_capable(void)
{
	return capable(CAP_PERFMON) || capable(CAP_SYS_ADMIN);
}

static inline bool bpf_capable(void)
{
	return capable(CAP_BPF) || capable(CAP_SYS_ADMIN);
}

/* test hook: deny every capability check (false) or answer from the ids */
void kshim_capability_set_granted(bool granted);

#endif /* _LINUX_CAPABILITY_H */
