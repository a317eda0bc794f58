/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mapping between user-visible ids and kuid_t/kgid_t.  kshim has exactly
 * one user namespace, the initial one, whose mapping is the identity:
 * every id except (uid_t)-1 is valid and maps to itself, and -1 is the
 * invalid id that make_kuid() returns for unmappable values, as in the
 * kernel's init_user_ns.
 */
#ifndef _LINUX_UIDGID_H
#define _LINUX_UIDGID_H

#include <linux/uidgid_types.h>
#include <linux/highuid.h>

struct user_namespace;
extern struct user_namespace init_user_ns;

#define GLOBAL_ROOT_UID KUIDT_INIT(0)
#define GLOBAL_ROOT_GID KGIDT_INIT(0)
#define INVALID_UID KUIDT_INIT(-1)
#define INVALID_GID KGIDT_INIT(-1)

static inline uid_t __kuid_val(kuid_t uid)
{
	return uid.val;
}

static inline gid_t __kgid_val(kgid_t gid)
{
	return gid.val;
}

static inline bool uid_eq(kuid_t a, kuid_t b)
{
	return a.val == b.val;
}

static inline bool gid_eq(kgid_t a, kgid_t b)
{
	return a.val == b.val;
}

static inline bool uid_gt(kuid_t a, kuid_t b)
{
	return a.val > b.val;
}

static inline bool gid_gt(kgid_t a, kgid_t b)
{
	return a.val > b.val;
}

static inline bool uid_gte(kuid_t a, kuid_t b)
{
	return a.val >= b.val;
}

static inline bool gid_gte(kgid_t a, kgid_t b)
{
	return a.val >= b.val;
}

static inline bool uid_lt(kuid_t a, kuid_t b)
{
	return a.val < b.val;
}

static inline bool gid_lt(kgid_t a, kgid_t b)
{
	return a.val < b.val;
}

static inline bool uid_lte(kuid_t a, kuid_t b)
{
	return a.val <= b.val;
}

static inline bool gid_lte(kgid_t a, kgid_t b)
{
	return a.val <= b.val;
}

static inline bool uid_valid(kuid_t uid)
{
	return !uid_eq(uid, INVALID_UID);
}

static inline bool gid_valid(kgid_t gid)
{
	return !gid_eq(gid, INVALID_GID);
}

/* the identity mapping of the single (initial) namespace */
static inline kuid_t make_kuid(struct user_namespace *ns, uid_t uid)
{
	return KUIDT_INIT(uid);
}

static inline kgid_t make_kgid(struct user_namespace *ns, gid_t gid)
{
	return KGIDT_INIT(gid);
}

static inline uid_t from_kuid(struct user_namespace *ns, kuid_t uid)
{
	return __kuid_val(uid);
}

static inline gid_t from_kgid(struct user_namespace *ns, kgid_t gid)
{
	return __kgid_val(gid);
}

/* like from_kuid() but an unmappable id reads as the overflow id */
static inline uid_t from_kuid_munged(struct user_namespace *ns, kuid_t uid)
{
	return uid_valid(uid) ? __kuid_val(uid) : (uid_t)overflowuid;
}

static inline gid_t from_kgid_munged(struct user_namespace *ns, kgid_t gid)
{
	return gid_valid(gid) ? __kgid_val(gid) : (gid_t)overflowgid;
}

static inline bool kuid_has_mapping(struct user_namespace *ns, kuid_t uid)
{
	return uid_valid(uid);
}

static inline bool kgid_has_mapping(struct user_namespace *ns, kgid_t gid)
{
	return gid_valid(gid);
}

#endif /* _LINUX_UIDGID_H */
