// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mount parameter parsing (stands in for fs/fs_parser.c).
 *
 * Kernel guarantees kept: fs_parse() matches a parameter by name against
 * the filesystem's table (a valueless "noNAME" negates a fsparam_flag_no
 * NAME), checks that a flag has no value and a typed parameter has one,
 * converts it (u32 in the table's base, s32, u64, bool words, enum
 * constants, uid/gid in the initial namespace, strings) and returns the
 * table's option number; -ENOPARAM for an unknown name, -EINVAL with a
 * logged message for a bad value.  fd, path and blockdev parameters are
 * not supported.
 */
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/fs_parser.h>
#include <linux/kstrtox.h>
#include <linux/string.h>

/* the words a boolean parameter accepts */
static const struct constant_table kshim_bool_words[] = {
	{ "1", true },		{ "0", false },
	{ "yes", true },	{ "no", false },
	{ "true", true },	{ "false", false },
	{ },
};

int lookup_constant(const struct constant_table *table, const char *word,
		    int fallback)
{
	const struct constant_table *c;

	for (c = table; c->name; c++)
		if (strcmp(c->name, word) == 0)
			return c->value;
	return fallback;
}

/* a table entry without a converter is a plain flag */
static inline bool kshim_spec_is_flag(const struct fs_parameter_spec *spec)
{
	return !spec->type;
}

static const struct fs_parameter_spec *
kshim_find_spec(const struct fs_parameter_spec *table, const char *word,
		bool flag_only)
{
	const struct fs_parameter_spec *s;

	for (s = table; s->name; s++) {
		if (strcmp(s->name, word) != 0)
			continue;
		if (!flag_only || (s->flags & fs_param_neg_with_no))
			return s;
	}
	return NULL;
}

/*
 * Pick the table entry for @fp.  An exact name whose kind (flag or value)
 * agrees wins; failing that, a valueless "noX" may negate a negatable X;
 * failing that, a same-named entry of the wrong kind is returned so that
 * the caller reports the mismatch.
 */
static const struct fs_parameter_spec *
kshim_match_param(const struct fs_parameter_spec *table,
		  struct fs_parameter *fp, bool *neg)
{
	bool valueless = fp->type == fs_value_is_flag;
	const struct fs_parameter_spec *s, *wrong_kind = NULL;
	const char *word = fp->key;

	*neg = false;
	for (s = table; s->name; s++) {
		if (strcmp(s->name, word) != 0)
			continue;
		if (kshim_spec_is_flag(s) != valueless) {
			wrong_kind = s;
			continue;
		}
		return s;
	}
	if (valueless && word[0] == 'n' && word[1] == 'o' && word[2]) {
		s = kshim_find_spec(table, word + 2, true);
		if (s) {
			*neg = true;
			return s;
		}
	}
	return wrong_kind;
}

int __fs_parse(struct p_log *plog, const struct fs_parameter_spec *table,
	       struct fs_parameter *fp, struct fs_parse_result *out)
{
	const struct fs_parameter_spec *spec;
	int err;

	out->uint_64 = 0;
	spec = kshim_match_param(table, fp, &out->negated);
	if (!spec)
		return -ENOPARAM;

	if (spec->flags & fs_param_deprecated)
		warn_plog(plog, "Deprecated parameter '%s'", fp->key);

	if (!kshim_spec_is_flag(spec)) {
		err = spec->type(plog, spec, fp, out);
		return err ? err : spec->opt;
	}
	if (fp->type != fs_value_is_flag)
		return inval_plog(plog, "Unexpected value for '%s'", fp->key);
	out->boolean = !out->negated;
	return spec->opt;
}

static int kshim_bad_value(struct p_log *plog, struct fs_parameter *fp)
{
	return inval_plog(plog, "Bad value for '%s'", fp->key);
}

/*
 * Common prologue of the value converters: the parameter must carry a
 * string.  Returns 1 when the converter should go on, 0 when the value is
 * an allowed empty string (nothing to convert), or a logged -EINVAL.
 */
static int kshim_need_string(struct p_log *plog,
			     const struct fs_parameter_spec *spec,
			     struct fs_parameter *fp)
{
	if (fp->type != fs_value_is_string)
		return kshim_bad_value(plog, fp);
	if (fp->string[0] == '\0' && (spec->flags & fs_param_can_be_empty))
		return 0;
	return 1;
}

/* converters share the prologue; @ok is the conversion's verdict */
static int kshim_verdict(struct p_log *plog, struct fs_parameter *fp, bool ok)
{
	return ok ? 0 : kshim_bad_value(plog, fp);
}

int fs_param_is_bool(struct p_log *plog, const struct fs_parameter_spec *spec,
		     struct fs_parameter *fp, struct fs_parse_result *out)
{
	int go = kshim_need_string(plog, spec, fp);
	int b;

	if (go <= 0)
		return go;
	b = lookup_constant(kshim_bool_words, fp->string, -1);
	if (b >= 0)
		out->boolean = b;
	return kshim_verdict(plog, fp, b >= 0);
}

int fs_param_is_u32(struct p_log *plog, const struct fs_parameter_spec *spec,
		    struct fs_parameter *fp, struct fs_parse_result *out)
{
	/* the table's data field carries the number base (0, 8, 16) */
	unsigned int base = (unsigned int)(unsigned long)spec->data;
	int go = kshim_need_string(plog, spec, fp);

	if (go <= 0)
		return go;
	return kshim_verdict(plog, fp,
			     !kstrtouint(fp->string, base, &out->uint_32));
}

int fs_param_is_s32(struct p_log *plog, const struct fs_parameter_spec *spec,
		    struct fs_parameter *fp, struct fs_parse_result *out)
{
	int go = kshim_need_string(plog, spec, fp);

	if (go <= 0)
		return go;
	return kshim_verdict(plog, fp,
			     !kstrtoint(fp->string, 0, &out->int_32));
}

int fs_param_is_u64(struct p_log *plog, const struct fs_parameter_spec *spec,
		    struct fs_parameter *fp, struct fs_parse_result *out)
{
	int go = kshim_need_string(plog, spec, fp);

	if (go <= 0)
		return go;
	return kshim_verdict(plog, fp,
			     !kstrtoull(fp->string, 0, &out->uint_64));
}

int fs_param_is_enum(struct p_log *plog, const struct fs_parameter_spec *spec,
		     struct fs_parameter *fp, struct fs_parse_result *out)
{
	const struct constant_table *c;
	int go = kshim_need_string(plog, spec, fp);

	if (go <= 0)
		return go;
	for (c = spec->data; c->name; c++) {
		if (strcmp(c->name, fp->string) == 0) {
			out->uint_32 = c->value;
			return 0;
		}
	}
	return kshim_bad_value(plog, fp);
}

int fs_param_is_string(struct p_log *plog,
		       const struct fs_parameter_spec *spec,
		       struct fs_parameter *fp, struct fs_parse_result *out)
{
	int go = kshim_need_string(plog, spec, fp);

	return go < 0 ? go : 0;
}

int fs_param_is_blob(struct p_log *plog, const struct fs_parameter_spec *spec,
		     struct fs_parameter *fp, struct fs_parse_result *out)
{
	return kshim_verdict(plog, fp, fp->type == fs_value_is_blob);
}

/* uid/gid: a u32 mapped through the initial user namespace */
static int kshim_id_value(struct p_log *plog,
			  const struct fs_parameter_spec *spec,
			  struct fs_parameter *fp, struct fs_parse_result *out)
{
	if (fs_param_is_u32(plog, spec, fp, out))
		return -EINVAL;
	return 0;
}

int fs_param_is_uid(struct p_log *plog, const struct fs_parameter_spec *spec,
		    struct fs_parameter *fp, struct fs_parse_result *out)
{
	kuid_t id;

	if (kshim_id_value(plog, spec, fp, out))
		return -EINVAL;
	id = make_kuid(&init_user_ns, out->uint_32);
	if (uid_valid(id))
		out->uid = id;
	return kshim_verdict(plog, fp, uid_valid(id));
}

int fs_param_is_gid(struct p_log *plog, const struct fs_parameter_spec *spec,
		    struct fs_parameter *fp, struct fs_parse_result *out)
{
	kgid_t id;

	if (kshim_id_value(plog, spec, fp, out))
		return -EINVAL;
	id = make_kgid(&init_user_ns, out->uint_32);
	if (gid_valid(id))
		out->gid = id;
	return kshim_verdict(plog, fp, gid_valid(id));
}

/* parameter kinds that need an fd table or path walk: refused */
static int kshim_kind_refused(struct p_log *plog, struct fs_parameter *fp)
{
	return inval_plog(plog, "'%s': parameter kind not supported by kshim",
			  fp->key);
}

int fs_param_is_fd(struct p_log *plog, const struct fs_parameter_spec *spec,
		   struct fs_parameter *fp, struct fs_parse_result *out)
{
	return kshim_kind_refused(plog, fp);
}

int fs_param_is_blockdev(struct p_log *plog,
			 const struct fs_parameter_spec *spec,
			 struct fs_parameter *fp, struct fs_parse_result *out)
{
	return kshim_kind_refused(plog, fp);
}

int fs_param_is_path(struct p_log *plog, const struct fs_parameter_spec *spec,
		     struct fs_parameter *fp, struct fs_parse_result *out)
{
	return kshim_kind_refused(plog, fp);
}
