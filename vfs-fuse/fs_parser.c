// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mount parameter parsing (fs/fs_parser.c).  Kernel guarantees kept:
 * fs_parse() matches a parameter by name against the filesystem's table
 * (a valueless "noNAME" negates a fsparam_flag_no NAME), checks that a
 * flag has no value and a typed parameter has one, converts it (u32 in
 * the table's base, s32, u64, bool words, enum constants, uid/gid in the
 * initial namespace, strings) and returns the table's option number;
 * -ENOPARAM for an unknown name, -EINVAL with a logged message for a bad
 * value.  fd, path and blockdev parameters are not supported.
 */
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/fs_parser.h>
#include <linux/kstrtox.h>
#include <linux/string.h>

static const struct constant_table bool_names[] = {
	{ "0", false },
	{ "1", true },
	{ "false", false },
	{ "no", false },
	{ "true", true },
	{ "yes", true },
	{ },
};

int lookup_constant(const struct constant_table *tbl, const char *name,
		    int not_found)
{
	for (; tbl->name; tbl++)
		if (!strcmp(name, tbl->name))
			return tbl->value;
	return not_found;
}

static bool is_flag(const struct fs_parameter_spec *p)
{
	return p->type == NULL;
}

static const struct fs_parameter_spec *
fs_lookup_key(const struct fs_parameter_spec *desc,
	      struct fs_parameter *param, bool *negated)
{
	const struct fs_parameter_spec *p, *mismatch = NULL;
	bool want_flag = param->type == fs_value_is_flag;
	const char *name = param->key;

	*negated = false;
	for (p = desc; p->name; p++) {
		if (strcmp(p->name, name))
			continue;
		if (is_flag(p) == want_flag)
			return p;
		mismatch = p;
	}
	if (want_flag && !strncmp(name, "no", 2) && name[2]) {
		for (p = desc; p->name; p++) {
			if ((p->flags & fs_param_neg_with_no) &&
			    !strcmp(p->name, name + 2)) {
				*negated = true;
				return p;
			}
		}
	}
	return mismatch;
}

int __fs_parse(struct p_log *log, const struct fs_parameter_spec *desc,
	       struct fs_parameter *param, struct fs_parse_result *result)
{
	const struct fs_parameter_spec *p;
	int ret;

	result->uint_64 = 0;
	p = fs_lookup_key(desc, param, &result->negated);
	if (!p)
		return -ENOPARAM;
	if (p->flags & fs_param_deprecated)
		warn_plog(log, "Deprecated parameter '%s'", param->key);
	if (is_flag(p)) {
		if (param->type != fs_value_is_flag)
			return inval_plog(log, "Unexpected value for '%s'",
					  param->key);
		result->boolean = !result->negated;
		return p->opt;
	}
	ret = p->type(log, p, param, result);
	return ret ? ret : p->opt;
}

static int bad_value(struct p_log *log, struct fs_parameter *param)
{
	return inval_plog(log, "Bad value for '%s'", param->key);
}

/* a string value, or an empty one the parameter allows (returns 1) */
static int string_value(const struct fs_parameter_spec *p,
			struct fs_parameter *param)
{
	if (param->type != fs_value_is_string)
		return -EINVAL;
	if (!*param->string && (p->flags & fs_param_can_be_empty))
		return 1;
	return 0;
}

int fs_param_is_bool(struct p_log *log, const struct fs_parameter_spec *p,
		     struct fs_parameter *param,
		     struct fs_parse_result *result)
{
	int ret = string_value(p, param), b;

	if (ret)
		return ret < 0 ? bad_value(log, param) : 0;
	b = lookup_constant(bool_names, param->string, -1);
	if (b < 0)
		return bad_value(log, param);
	result->boolean = b;
	return 0;
}

int fs_param_is_u32(struct p_log *log, const struct fs_parameter_spec *p,
		    struct fs_parameter *param, struct fs_parse_result *result)
{
	int ret = string_value(p, param);

	if (ret)
		return ret < 0 ? bad_value(log, param) : 0;
	if (kstrtouint(param->string, (unsigned long)p->data,
		       &result->uint_32) < 0)
		return bad_value(log, param);
	return 0;
}

int fs_param_is_s32(struct p_log *log, const struct fs_parameter_spec *p,
		    struct fs_parameter *param, struct fs_parse_result *result)
{
	int ret = string_value(p, param);

	if (ret)
		return ret < 0 ? bad_value(log, param) : 0;
	if (kstrtoint(param->string, 0, &result->int_32) < 0)
		return bad_value(log, param);
	return 0;
}

int fs_param_is_u64(struct p_log *log, const struct fs_parameter_spec *p,
		    struct fs_parameter *param, struct fs_parse_result *result)
{
	int ret = string_value(p, param);

	if (ret)
		return ret < 0 ? bad_value(log, param) : 0;
	if (kstrtoull(param->string, 0, &result->uint_64) < 0)
		return bad_value(log, param);
	return 0;
}

int fs_param_is_enum(struct p_log *log, const struct fs_parameter_spec *p,
		     struct fs_parameter *param,
		     struct fs_parse_result *result)
{
	const struct constant_table *c;
	int ret = string_value(p, param);

	if (ret)
		return ret < 0 ? bad_value(log, param) : 0;
	for (c = p->data; c->name; c++) {
		if (!strcmp(c->name, param->string)) {
			result->uint_32 = c->value;
			return 0;
		}
	}
	return bad_value(log, param);
}

int fs_param_is_string(struct p_log *log, const struct fs_parameter_spec *p,
		       struct fs_parameter *param,
		       struct fs_parse_result *result)
{
	if (param->type != fs_value_is_string ||
	    (!*param->string && !(p->flags & fs_param_can_be_empty)))
		return bad_value(log, param);
	return 0;
}

int fs_param_is_blob(struct p_log *log, const struct fs_parameter_spec *p,
		     struct fs_parameter *param,
		     struct fs_parse_result *result)
{
	if (param->type != fs_value_is_blob)
		return bad_value(log, param);
	return 0;
}

int fs_param_is_uid(struct p_log *log, const struct fs_parameter_spec *p,
		    struct fs_parameter *param, struct fs_parse_result *result)
{
	kuid_t uid;

	if (fs_param_is_u32(log, p, param, result))
		return -EINVAL;
	uid = make_kuid(&init_user_ns, result->uint_32);
	if (!uid_valid(uid))
		return bad_value(log, param);
	result->uid = uid;
	return 0;
}

int fs_param_is_gid(struct p_log *log, const struct fs_parameter_spec *p,
		    struct fs_parameter *param, struct fs_parse_result *result)
{
	kgid_t gid;

	if (fs_param_is_u32(log, p, param, result))
		return -EINVAL;
	gid = make_kgid(&init_user_ns, result->uint_32);
	if (!gid_valid(gid))
		return bad_value(log, param);
	result->gid = gid;
	return 0;
}

static int unsupported(struct p_log *log, struct fs_parameter *param)
{
	return inval_plog(log, "'%s': parameter kind not supported by kshim",
			  param->key);
}

int fs_param_is_fd(struct p_log *log, const struct fs_parameter_spec *p,
		   struct fs_parameter *param, struct fs_parse_result *result)
{
	return unsupported(log, param);
}

int fs_param_is_blockdev(struct p_log *log, const struct fs_parameter_spec *p,
			 struct fs_parameter *param,
			 struct fs_parse_result *result)
{
	return unsupported(log, param);
}

int fs_param_is_path(struct p_log *log, const struct fs_parameter_spec *p,
		     struct fs_parameter *param,
		     struct fs_parse_result *result)
{
	return unsupported(log, param);
}
