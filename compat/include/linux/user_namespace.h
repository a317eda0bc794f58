/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * User namespaces: kshim has only the initial one (identity mapping, see
 * linux/uidgid.h).  The structure is opaque to drivers; the VFS defines
 * init_user_ns.
 */
#ifndef _LINUX_USER_NAMESPACE_H
#define _LINUX_USER_NAMESPACE_H

#include <linux/uidgid.h>

struct user_namespace {
	struct user_namespace *parent;
	int level;
	kuid_t owner;
	kgid_t group;
};

extern struct user_namespace init_user_ns;

static inline struct user_namespace *get_user_ns(struct user_namespace *ns)
{
	return ns;
}

static inline void put_user_ns(struct user_namespace *ns)
{
}

#endif /* _LINUX_USER_NAMESPACE_H */
