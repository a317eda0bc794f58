/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 16-bit uid/gid compatibility: on-disk formats with 16-bit id fields
 * (minix v1, ext2's low halves) store ids above 65535 as the overflow
 * id (65534), as the kernel does with its default fs_overflowuid.
 */
#ifndef _LINUX_HIGHUID_H
#define _LINUX_HIGHUID_H

#include <linux/types.h>

typedef u16 uid16_t;
typedef u16 gid16_t;
typedef u16 old_uid_t;
typedef u16 old_gid_t;

#define DEFAULT_OVERFLOWUID 65534
#define DEFAULT_OVERFLOWGID 65534
#define DEFAULT_FS_OVERFLOWUID 65534
#define DEFAULT_FS_OVERFLOWGID 65534

/* constants here: kshim has no sysctl to change them */
#define overflowuid DEFAULT_OVERFLOWUID
#define overflowgid DEFAULT_OVERFLOWGID
#define fs_overflowuid DEFAULT_FS_OVERFLOWUID
#define fs_overflowgid DEFAULT_FS_OVERFLOWGID

#define __kshim_to16(id, ovf) ((id) & ~0xFFFF ? (u16)(ovf) : (u16)(id))
#define high2lowuid(uid) ((old_uid_t)__kshim_to16(uid, overflowuid))
#define high2lowgid(gid) ((old_gid_t)__kshim_to16(gid, overflowgid))
#define fs_high2lowuid(uid) ((uid16_t)__kshim_to16(uid, fs_overflowuid))
#define fs_high2lowgid(gid) ((gid16_t)__kshim_to16(gid, fs_overflowgid))
/* a 16-bit -1 stays -1 when widened */
#define low2highuid(uid) ((uid) == (old_uid_t)-1 ? (uid_t)-1 : (uid_t)(uid))
#define low2highgid(gid) ((gid) == (old_gid_t)-1 ? (gid_t)-1 : (gid_t)(gid))

#define low_16_bits(x) ((x) & 0xFFFF)
#define high_16_bits(x) (((x) & 0xFFFF0000) >> 16)

#endif /* _LINUX_HIGHUID_H */
