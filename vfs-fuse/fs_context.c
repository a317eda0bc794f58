// SPDX-License-Identifier: GPL-2.0-only
/*
 * The filesystem context (fs/fs_context.c): the mount path shared by
 * filesystems with ->init_fs_context and legacy ones with ->mount.
 *
 * Kernel guarantees kept:
 *  - a parameter is offered first to the common super block flags (ro,
 *    rw, sync, ...), then to the filesystem's ->parse_param; "source" not
 *    claimed by the filesystem names the device; anything else is
 *    "Unknown parameter" and -EINVAL;
 *  - an option string is split at commas into "key[=value]" parameters
 *    (generic_parse_monolithic) unless the filesystem parses it whole
 *    (->parse_monolithic); a legacy filesystem receives it unchanged as
 *    the data of ->mount;
 *  - vfs_get_tree() leaves fc->root referenced and the super block's
 *    s_umount held for writing, as do_new_mount() expects;
 *  - errorf()/warnf()/infof() go to the kernel log prefixed with the
 *    filesystem name.
 */
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/fs_parser.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>

static const struct constant_table common_set_sb_flag[] = {
	{ "dirsync", SB_DIRSYNC },
	{ "lazytime", SB_LAZYTIME },
	{ "mand", SB_MANDLOCK },
	{ "ro", SB_RDONLY },
	{ "sync", SB_SYNCHRONOUS },
	{ },
};

static const struct constant_table common_clear_sb_flag[] = {
	{ "async", SB_SYNCHRONOUS },
	{ "nolazytime", SB_LAZYTIME },
	{ "nomand", SB_MANDLOCK },
	{ "rw", SB_RDONLY },
	{ },
};

static int vfs_parse_sb_flag(struct fs_context *fc, const char *key)
{
	int flag = lookup_constant(common_set_sb_flag, key, 0);

	if (flag) {
		fc->sb_flags |= flag;
		fc->sb_flags_mask |= flag;
		return 0;
	}
	flag = lookup_constant(common_clear_sb_flag, key, 0);
	if (flag) {
		fc->sb_flags &= ~flag;
		fc->sb_flags_mask |= flag;
		return 0;
	}
	return -ENOPARAM;
}

static int vfs_parse_fs_param_source(struct fs_context *fc,
				     struct fs_parameter *param)
{
	if (strcmp(param->key, "source"))
		return -ENOPARAM;
	if (param->type != fs_value_is_string)
		return invalf(fc, "Non-string source");
	if (fc->source)
		return invalf(fc, "Multiple sources");
	fc->source = param->string;
	param->string = NULL;
	return 0;
}

int vfs_parse_fs_param(struct fs_context *fc, struct fs_parameter *param)
{
	int ret;

	if (!param->key)
		return invalf(fc, "Unnamed parameter\n");
	ret = vfs_parse_sb_flag(fc, param->key);
	if (ret != -ENOPARAM)
		return ret;
	if (fc->ops->parse_param) {
		ret = fc->ops->parse_param(fc, param);
		if (ret != -ENOPARAM)
			return ret;
	}
	ret = vfs_parse_fs_param_source(fc, param);
	if (ret != -ENOPARAM)
		return ret;
	return invalf(fc, "%s: Unknown parameter '%s'", fc->fs_type->name,
		      param->key);
}

int vfs_parse_fs_string(struct fs_context *fc, const char *key,
			const char *value, size_t v_size)
{
	struct fs_parameter param = {
		.key = key,
		.type = fs_value_is_flag,
		.size = v_size,
	};
	int ret;

	if (value) {
		param.string = kmemdup_nul(value, v_size, GFP_KERNEL);
		if (!param.string)
			return -ENOMEM;
		param.type = fs_value_is_string;
	}
	ret = vfs_parse_fs_param(fc, &param);
	kfree(param.string);
	return ret;
}

int generic_parse_monolithic(struct fs_context *fc, void *data)
{
	char *options = data, *key;
	int ret;

	if (!options)
		return 0;
	while ((key = strsep(&options, ",")) != NULL) {
		char *value;
		size_t v_len = 0;

		if (!*key)
			continue;
		value = strchr(key, '=');
		if (value) {
			if (value == key)
				continue;
			*value++ = '\0';
			v_len = strlen(value);
		}
		ret = vfs_parse_fs_string(fc, key, value, v_len);
		if (ret < 0)
			return ret;
	}
	return 0;
}

/* --- legacy filesystems: ->mount(fs_type, flags, source, data) ----------- */

struct legacy_fs_context {
	char *legacy_data;	/* the option string, handed over whole */
	size_t data_size;
};

static void legacy_fs_context_free(struct fs_context *fc)
{
	struct legacy_fs_context *ctx = fc->fs_private;

	if (ctx)
		kfree(ctx->legacy_data);
	kfree(ctx);
}

/* single parameters are appended, "key[=value]", comma-separated */
static int legacy_parse_param(struct fs_context *fc,
			      struct fs_parameter *param)
{
	struct legacy_fs_context *ctx = fc->fs_private;
	size_t klen = strlen(param->key), vlen = 0, need;
	char *buf;
	int ret;

	ret = vfs_parse_fs_param_source(fc, param);
	if (ret != -ENOPARAM)
		return ret;
	if (param->type == fs_value_is_string)
		vlen = param->size;
	else if (param->type != fs_value_is_flag)
		return invalf(fc, "VFS: Legacy: Parameter type for '%s' not supported",
			      param->key);
	if (strchr(param->key, ','))
		return invalf(fc, "VFS: Legacy: Option '%s' contained comma",
			      param->key);
	need = ctx->data_size + 1 + klen + 1 + vlen + 1;
	if (need > PAGE_SIZE)
		return invalf(fc, "VFS: Legacy: Cumulative options too large");
	buf = krealloc(ctx->legacy_data, need, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ctx->legacy_data = buf;
	if (ctx->data_size)
		buf[ctx->data_size++] = ',';
	memcpy(buf + ctx->data_size, param->key, klen);
	ctx->data_size += klen;
	if (vlen) {
		buf[ctx->data_size++] = '=';
		memcpy(buf + ctx->data_size, param->string, vlen);
		ctx->data_size += vlen;
	}
	buf[ctx->data_size] = '\0';
	return 0;
}

static int legacy_parse_monolithic(struct fs_context *fc, void *data)
{
	struct legacy_fs_context *ctx = fc->fs_private;
	char *copy;

	if (!data)
		return 0;
	copy = kstrdup(data, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	kfree(ctx->legacy_data);
	ctx->legacy_data = copy;
	ctx->data_size = strlen(copy);
	return 0;
}

static int legacy_get_tree(struct fs_context *fc)
{
	struct legacy_fs_context *ctx = fc->fs_private;
	struct dentry *root;

	root = fc->fs_type->mount(fc->fs_type, fc->sb_flags, fc->source,
				  ctx->legacy_data);
	if (IS_ERR(root))
		return PTR_ERR(root);
	fc->root = root;
	return 0;
}

static const struct fs_context_operations legacy_fs_context_ops = {
	.free = legacy_fs_context_free,
	.parse_param = legacy_parse_param,
	.parse_monolithic = legacy_parse_monolithic,
	.get_tree = legacy_get_tree,
};

static int legacy_init_fs_context(struct fs_context *fc)
{
	fc->fs_private = kzalloc(sizeof(struct legacy_fs_context), GFP_KERNEL);
	if (!fc->fs_private)
		return -ENOMEM;
	fc->ops = &legacy_fs_context_ops;
	return 0;
}

/* --- contexts ----------------------------------------------------------- */

static struct fs_context *alloc_fs_context(struct file_system_type *fs_type,
					   struct dentry *reference,
					   unsigned int sb_flags,
					   unsigned int sb_flags_mask,
					   enum fs_context_purpose purpose)
{
	int (*init_fs_context)(struct fs_context *);
	struct fs_context *fc;
	int ret;

	fc = kzalloc(sizeof(*fc), GFP_KERNEL);
	if (!fc)
		return ERR_PTR(-ENOMEM);
	fc->purpose = purpose;
	fc->sb_flags = sb_flags;
	fc->sb_flags_mask = sb_flags_mask;
	fc->fs_type = fs_type;
	fc->cred = get_cred(current_cred());
	fc->user_ns = &init_user_ns;
	fc->log.prefix = fs_type->name;
	mutex_init(&fc->uapi_mutex);
	if (reference)
		fc->root = dget(reference);

	init_fs_context = fs_type->init_fs_context;
	if (!init_fs_context)
		init_fs_context = legacy_init_fs_context;
	ret = init_fs_context(fc);
	if (ret < 0) {
		put_fs_context(fc);
		return ERR_PTR(ret);
	}
	fc->need_free = true;
	return fc;
}

struct fs_context *fs_context_for_mount(struct file_system_type *fs_type,
					unsigned int sb_flags)
{
	return alloc_fs_context(fs_type, NULL, sb_flags, 0,
				FS_CONTEXT_FOR_MOUNT);
}

struct fs_context *fs_context_for_reconfigure(struct dentry *dentry,
					      unsigned int sb_flags,
					      unsigned int sb_flags_mask)
{
	return alloc_fs_context(dentry->d_sb->s_type, dentry, sb_flags,
				sb_flags_mask, FS_CONTEXT_FOR_RECONFIGURE);
}

int vfs_get_tree(struct fs_context *fc)
{
	struct super_block *sb;
	int error;

	if (fc->root)
		return -EBUSY;
	error = fc->ops->get_tree(fc);
	if (error < 0)
		return error;
	if (!fc->root) {
		pr_err("Filesystem %s get_tree() didn't set fc->root, returned %i\n",
		       fc->fs_type->name, error);
		BUG();
	}
	sb = fc->root->d_sb;
	WARN_ON(!sb->s_bdi);
	sb->s_flags |= SB_BORN;
	if (unlikely(sb->s_maxbytes < 0))
		pr_warn("%s set sb->s_maxbytes to negative value (%lld)\n",
			fc->fs_type->name, sb->s_maxbytes);
	return 0;
}

void put_fs_context(struct fs_context *fc)
{
	struct super_block *sb;

	if (fc->root) {
		sb = fc->root->d_sb;
		dput(fc->root);
		fc->root = NULL;
		deactivate_super(sb);
	}
	if (fc->need_free && fc->ops && fc->ops->free)
		fc->ops->free(fc);
	put_cred(fc->cred);
	kfree(fc->source);
	kfree(fc);
}

/* ->reconfigure is the remount path: not offered yet */
int reconfigure_super(struct fs_context *fc)
{
	WARN_ONCE(1, "kshim: reconfigure_super comes with remount support\n");
	return -EOPNOTSUPP;
}

void logfc(struct fc_log *log, const char *prefix, char level,
	   const char *fmt, ...)
{
	struct va_format vaf;
	va_list va;

	va_start(va, fmt);
	vaf.fmt = fmt;
	vaf.va = &va;
	switch (level) {
	case 'w':
		printk(KERN_WARNING "%s%s%pV\n", prefix ? prefix : "",
		       prefix ? ": " : "", &vaf);
		break;
	case 'e':
		printk(KERN_ERR "%s%s%pV\n", prefix ? prefix : "",
		       prefix ? ": " : "", &vaf);
		break;
	default:
		printk(KERN_NOTICE "%s%s%pV\n", prefix ? prefix : "",
		       prefix ? ": " : "", &vaf);
		break;
	}
	va_end(va);
}
