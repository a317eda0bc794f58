/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Idmapped mounts.  kshim mounts are never idmapped: the only idmap is
 * nop_mnt_idmap, under which a vfsuid_t carries the same value as the
 * kuid_t it came from (and likewise for gids).  The types stay distinct
 * structs, as in the kernel, so mixing them up does not compile.
 */
#ifndef _LINUX_MNT_IDMAPPING_H
#define _LINUX_MNT_IDMAPPING_H

#include <linux/types.h>
#include <linux/uidgid.h>

struct mnt_idmap;
struct user_namespace;

extern struct mnt_idmap nop_mnt_idmap;

typedef struct {
	uid_t val;
} vfsuid_t;

typedef struct {
	gid_t val;
} vfsgid_t;

#define VFSUIDT_INIT(kuid) ((vfsuid_t){ __kuid_val(kuid) })
#define VFSGIDT_INIT(kgid) ((vfsgid_t){ __kgid_val(kgid) })
#define INVALID_VFSUID VFSUIDT_INIT(INVALID_UID)
#define INVALID_VFSGID VFSGIDT_INIT(INVALID_GID)

static inline uid_t __vfsuid_val(vfsuid_t uid)
{
	return uid.val;
}

static inline gid_t __vfsgid_val(vfsgid_t gid)
{
	return gid.val;
}

static inline bool vfsuid_valid(vfsuid_t uid)
{
	return __vfsuid_val(uid) != (uid_t)-1;
}

static inline bool vfsgid_valid(vfsgid_t gid)
{
	return __vfsgid_val(gid) != (gid_t)-1;
}

static inline bool vfsuid_eq(vfsuid_t a, vfsuid_t b)
{
	return vfsuid_valid(a) && __vfsuid_val(a) == __vfsuid_val(b);
}

static inline bool vfsgid_eq(vfsgid_t a, vfsgid_t b)
{
	return vfsgid_valid(a) && __vfsgid_val(a) == __vfsgid_val(b);
}

static inline bool vfsuid_eq_kuid(vfsuid_t vfsuid, kuid_t kuid)
{
	return vfsuid_valid(vfsuid) && __vfsuid_val(vfsuid) == __kuid_val(kuid);
}

static inline bool vfsgid_eq_kgid(vfsgid_t vfsgid, kgid_t kgid)
{
	return vfsgid_valid(vfsgid) && __vfsgid_val(vfsgid) == __kgid_val(kgid);
}

static inline kuid_t vfsuid_into_kuid(vfsuid_t vfsuid)
{
	return KUIDT_INIT(__vfsuid_val(vfsuid));
}

static inline kgid_t vfsgid_into_kgid(vfsgid_t vfsgid)
{
	return KGIDT_INIT(__vfsgid_val(vfsgid));
}

/* under the nop idmap, mapping in either direction is the identity */
static inline vfsuid_t make_vfsuid(struct mnt_idmap *idmap,
				   struct user_namespace *fs_userns,
				   kuid_t kuid)
{
	return VFSUIDT_INIT(kuid);
}

static inline vfsgid_t make_vfsgid(struct mnt_idmap *idmap,
				   struct user_namespace *fs_userns,
				   kgid_t kgid)
{
	return VFSGIDT_INIT(kgid);
}

static inline kuid_t from_vfsuid(struct mnt_idmap *idmap,
				 struct user_namespace *fs_userns,
				 vfsuid_t vfsuid)
{
	return vfsuid_into_kuid(vfsuid);
}

static inline kgid_t from_vfsgid(struct mnt_idmap *idmap,
				 struct user_namespace *fs_userns,
				 vfsgid_t vfsgid)
{
	return vfsgid_into_kgid(vfsgid);
}

static inline bool vfsuid_has_fsmapping(struct mnt_idmap *idmap,
					struct user_namespace *fs_userns,
					vfsuid_t vfsuid)
{
	return vfsuid_valid(vfsuid);
}

static inline bool vfsgid_has_fsmapping(struct mnt_idmap *idmap,
					struct user_namespace *fs_userns,
					vfsgid_t vfsgid)
{
	return vfsgid_valid(vfsgid);
}

static inline struct mnt_idmap *mnt_idmap_get(struct mnt_idmap *idmap)
{
	return idmap;
}

static inline void mnt_idmap_put(struct mnt_idmap *idmap)
{
}

#endif /* _LINUX_MNT_IDMAPPING_H */
