/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mount parameter descriptions (fs/fs_parser.c): a filesystem lists its
 * parameters with fsparam_*() and calls fs_parse() from ->parse_param,
 * which returns the matched option number (and fills @result) or a
 * negative error.  Minimal: the parameter kinds ext2/minix-class
 * filesystems use.  fs_parse() is the VFS's.
 */
#ifndef _LINUX_FS_PARSER_H
#define _LINUX_FS_PARSER_H

#include <linux/fs_context.h>

struct path;

struct constant_table {
	const char *name;
	int value;
};

struct fs_parameter_spec;
struct fs_parse_result;
typedef int fs_param_type(struct p_log *log,
			  const struct fs_parameter_spec *spec,
			  struct fs_parameter *param,
			  struct fs_parse_result *result);

fs_param_type fs_param_is_bool, fs_param_is_u32, fs_param_is_s32,
	fs_param_is_u64, fs_param_is_enum, fs_param_is_string,
	fs_param_is_blob, fs_param_is_blockdev, fs_param_is_path,
	fs_param_is_fd, fs_param_is_uid, fs_param_is_gid;

struct fs_parameter_spec {
	const char *name;
	fs_param_type *type;
	u8 opt;
	unsigned short flags;
#define fs_param_neg_with_no 0x0002
#define fs_param_can_be_empty 0x0004
#define fs_param_deprecated 0x0008
	const void *data;
};

struct fs_parse_result {
	bool negated;
	union {
		bool boolean;
		int int_32;
		unsigned int uint_32;
		u64 uint_64;
		kuid_t uid;
		kgid_t gid;
	};
};

int __fs_parse(struct p_log *log, const struct fs_parameter_spec *desc,
	       struct fs_parameter *value, struct fs_parse_result *result);

static inline int fs_parse(struct fs_context *fc,
			   const struct fs_parameter_spec *desc,
			   struct fs_parameter *param,
			   struct fs_parse_result *result)
{
	return __fs_parse(&fc->log, desc, param, result);
}

int lookup_constant(const struct constant_table tbl[], const char *name,
		    int not_found);

#define __fsparam(TYPE, NAME, OPT, FLAGS, DATA)                             \
	{                                                                   \
		.name = NAME,                                               \
		.opt = OPT,                                                 \
		.type = TYPE,                                               \
		.flags = FLAGS,                                             \
		.data = DATA,                                               \
	}

#define fsparam_flag(NAME, OPT) __fsparam(NULL, NAME, OPT, 0, NULL)
#define fsparam_flag_no(NAME, OPT)                                          \
	__fsparam(NULL, NAME, OPT, fs_param_neg_with_no, NULL)
#define fsparam_bool(NAME, OPT) __fsparam(fs_param_is_bool, NAME, OPT, 0, NULL)
#define fsparam_u32(NAME, OPT) __fsparam(fs_param_is_u32, NAME, OPT, 0, NULL)
#define fsparam_u32oct(NAME, OPT)                                           \
	__fsparam(fs_param_is_u32, NAME, OPT, 0, (void *)8)
#define fsparam_u32hex(NAME, OPT)                                           \
	__fsparam(fs_param_is_u32, NAME, OPT, 0, (void *)16)
#define fsparam_s32(NAME, OPT) __fsparam(fs_param_is_s32, NAME, OPT, 0, NULL)
#define fsparam_u64(NAME, OPT) __fsparam(fs_param_is_u64, NAME, OPT, 0, NULL)
#define fsparam_enum(NAME, OPT, array)                                      \
	__fsparam(fs_param_is_enum, NAME, OPT, 0, array)
#define fsparam_string(NAME, OPT)                                           \
	__fsparam(fs_param_is_string, NAME, OPT, 0, NULL)
#define fsparam_uid(NAME, OPT) __fsparam(fs_param_is_uid, NAME, OPT, 0, NULL)
#define fsparam_gid(NAME, OPT) __fsparam(fs_param_is_gid, NAME, OPT, 0, NULL)

#endif /* _LINUX_FS_PARSER_H */
