// SPDX-License-Identifier: GPL-2.0-only
/*
 * The filesystem context (stands in for fs/fs_context.c): the mount path
 * shared by filesystems with ->init_fs_context and legacy ones with ->mount.
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

/*
 * Mount flags every filesystem understands.  One table: each word either
 * sets or clears its flag; the mask records that the caller chose it.
 */
struct kshim_sb_word {
	const char *word;
	unsigned int flag;
	bool set;
};

static const struct kshim_sb_word kshim_sb_words[] = {
	{ "ro",		SB_RDONLY,	true },
	{ "rw",		SB_RDONLY,	false },
	{ "sync",	SB_SYNCHRONOUS,	true },
	{ "async",	SB_SYNCHRONOUS,	false },
	{ "dirsync",	SB_DIRSYNC,	true },
	{ "lazytime",	SB_LAZYTIME,	true },
	{ "nolazytime",	SB_LAZYTIME,	false },
	{ "mand",	SB_MANDLOCK,	true },
	{ "nomand",	SB_MANDLOCK,	false },
};

static int kshim_apply_sb_word(struct fs_context *ctx, const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kshim_sb_words); i++) {
		const struct kshim_sb_word *w = &kshim_sb_words[i];

		if (strcmp(w->word, name))
			continue;
		if (w->set)
			ctx->sb_flags |= w->flag;
		else
			ctx->sb_flags &= ~w->flag;
		ctx->sb_flags_mask |= w->flag;
		return 0;
	}
	return -ENOPARAM;
}

/* "source=<dev>": the context takes over the string */
static int kshim_take_source(struct fs_context *ctx, struct fs_parameter *p)
{
	if (strcmp(p->key, "source") != 0)
		return -ENOPARAM;
	if (p->type != fs_value_is_string)
		return invalf(ctx, "Non-string source");
	if (ctx->source)
		return invalf(ctx, "Multiple sources");
	ctx->source = p->string;
	p->string = NULL;
	return 0;
}

int vfs_parse_fs_param(struct fs_context *ctx, struct fs_parameter *p)
{
	int err;

	if (!p->key)
		return invalf(ctx, "Unnamed parameter\n");

	err = kshim_apply_sb_word(ctx, p->key);
	if (err == -ENOPARAM && ctx->ops->parse_param)
		err = ctx->ops->parse_param(ctx, p);
	if (err == -ENOPARAM)
		err = kshim_take_source(ctx, p);
	if (err != -ENOPARAM)
		return err;
	return invalf(ctx, "%s: Unknown parameter '%s'", ctx->fs_type->name,
		      p->key);
}

int vfs_parse_fs_string(struct fs_context *ctx, const char *name,
			const char *val, size_t len)
{
	struct fs_parameter p = { .key = name, .size = len };
	int err;

	if (!val) {
		p.type = fs_value_is_flag;
	} else {
		p.type = fs_value_is_string;
		p.string = kmemdup_nul(val, len, GFP_KERNEL);
		if (!p.string)
			return -ENOMEM;
	}
	err = vfs_parse_fs_param(ctx, &p);
	kfree(p.string);
	return err;
}

int generic_parse_monolithic(struct fs_context *ctx, void *opts)
{
	char *rest = opts;
	char *item;

	while (rest) {
		char *eq;
		int err;

		item = strsep(&rest, ",");
		if (*item == '\0')
			continue;
		eq = strchr(item, '=');
		if (eq == item)
			continue;	/* "=value" has no key: skipped */
		if (eq)
			*eq++ = '\0';
		err = vfs_parse_fs_string(ctx, item, eq, eq ? strlen(eq) : 0);
		if (err < 0)
			return err;
	}
	return 0;
}

/* --- legacy filesystems: ->mount(fs_type, flags, source, data) ----------- */

/* the option string a legacy ->mount gets, built up or handed over whole */
struct kshim_legacy_opts {
	char *text;
	size_t len;
};

static void kshim_legacy_free(struct fs_context *ctx)
{
	struct kshim_legacy_opts *lo = ctx->fs_private;

	if (!lo)
		return;
	kfree(lo->text);
	kfree(lo);
}

static void kshim_legacy_append(struct kshim_legacy_opts *lo, const char *s,
				size_t n)
{
	memcpy(lo->text + lo->len, s, n);
	lo->len += n;
}

/* one parameter is appended as ",key" or ",key=value" */
static int kshim_legacy_param(struct fs_context *ctx, struct fs_parameter *p)
{
	struct kshim_legacy_opts *lo = ctx->fs_private;
	size_t keylen, vallen = 0, total;
	char *grown;
	int err;

	err = kshim_take_source(ctx, p);
	if (err != -ENOPARAM)
		return err;

	switch (p->type) {
	case fs_value_is_string:
		vallen = p->size;
		break;
	case fs_value_is_flag:
		break;
	default:
		return invalf(ctx, "VFS: Legacy: unsupported type for option '%s'",
			      p->key);
	}
	if (strchr(p->key, ','))
		return invalf(ctx, "VFS: Legacy: comma inside option '%s'",
			      p->key);

	keylen = strlen(p->key);
	/* separator, key, '=', value, terminator */
	total = lo->len + 1 + keylen + 1 + vallen + 1;
	if (total > PAGE_SIZE)
		return invalf(ctx, "VFS: Legacy: option string exceeds a page");
	grown = krealloc(lo->text, total, GFP_KERNEL);
	if (!grown)
		return -ENOMEM;
	lo->text = grown;

	if (lo->len)
		kshim_legacy_append(lo, ",", 1);
	kshim_legacy_append(lo, p->key, keylen);
	if (vallen) {
		kshim_legacy_append(lo, "=", 1);
		kshim_legacy_append(lo, p->string, vallen);
	}
	lo->text[lo->len] = '\0';
	return 0;
}

static int kshim_legacy_whole(struct fs_context *ctx, void *opts)
{
	struct kshim_legacy_opts *lo = ctx->fs_private;
	char *dup;

	if (!opts)
		return 0;
	dup = kstrdup(opts, GFP_KERNEL);
	if (!dup)
		return -ENOMEM;
	kfree(lo->text);
	lo->text = dup;
	lo->len = strlen(dup);
	return 0;
}

static int kshim_legacy_get_tree(struct fs_context *ctx)
{
	struct kshim_legacy_opts *lo = ctx->fs_private;
	struct file_system_type *type = ctx->fs_type;
	struct dentry *top;

	top = type->mount(type, ctx->sb_flags, ctx->source, lo->text);
	if (IS_ERR(top))
		return PTR_ERR(top);
	ctx->root = top;
	return 0;
}

static const struct fs_context_operations kshim_legacy_ops = {
	.parse_monolithic	= kshim_legacy_whole,
	.parse_param		= kshim_legacy_param,
	.get_tree		= kshim_legacy_get_tree,
	.free			= kshim_legacy_free,
};

static int kshim_legacy_init(struct fs_context *ctx)
{
	struct kshim_legacy_opts *lo = kzalloc(sizeof(*lo), GFP_KERNEL);

	if (!lo)
		return -ENOMEM;
	ctx->fs_private = lo;
	ctx->ops = &kshim_legacy_ops;
	return 0;
}

/* --- contexts ----------------------------------------------------------- */

static struct fs_context *kshim_new_context(struct file_system_type *type,
					    struct dentry *mounted,
					    unsigned int flags,
					    unsigned int mask,
					    enum fs_context_purpose why)
{
	struct fs_context *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int err;

	if (!ctx)
		return ERR_PTR(-ENOMEM);

	ctx->fs_type = type;
	ctx->purpose = why;
	ctx->sb_flags = flags;
	ctx->sb_flags_mask = mask;
	ctx->log.prefix = type->name;
	ctx->user_ns = &init_user_ns;
	ctx->cred = get_cred(current_cred());
	mutex_init(&ctx->uapi_mutex);
	if (mounted)
		ctx->root = dget(mounted);

	/* filesystems without ->init_fs_context go through ->mount */
	err = type->init_fs_context ? type->init_fs_context(ctx) :
				      kshim_legacy_init(ctx);
	if (err < 0) {
		put_fs_context(ctx);
		return ERR_PTR(err);
	}
	ctx->need_free = true;
	return ctx;
}

struct fs_context *fs_context_for_mount(struct file_system_type *type,
					unsigned int flags)
{
	return kshim_new_context(type, NULL, flags, 0, FS_CONTEXT_FOR_MOUNT);
}

struct fs_context *fs_context_for_reconfigure(struct dentry *root,
					      unsigned int flags,
					      unsigned int mask)
{
	return kshim_new_context(root->d_sb->s_type, root, flags, mask,
				 FS_CONTEXT_FOR_RECONFIGURE);
}

int vfs_get_tree(struct fs_context *ctx)
{
	struct super_block *sb;
	int err;

	if (ctx->root)
		return -EBUSY;	/* this context already produced a tree */

	err = ctx->ops->get_tree(ctx);
	if (err < 0)
		return err;

	/* success without a root is a filesystem bug the kernel also traps */
	BUG_ON(!ctx->root);

	sb = ctx->root->d_sb;
	WARN_ON(!sb->s_bdi);
	sb->s_flags |= SB_BORN;
	if (sb->s_maxbytes < 0)
		pr_warn("kshim: %s left a negative s_maxbytes (%lld)\n",
			ctx->fs_type->name, sb->s_maxbytes);
	return 0;
}

void put_fs_context(struct fs_context *ctx)
{
	if (ctx->root) {
		struct super_block *sb = ctx->root->d_sb;

		dput(ctx->root);
		ctx->root = NULL;
		deactivate_super(sb);
	}
	if (ctx->need_free && ctx->ops && ctx->ops->free)
		ctx->ops->free(ctx);
	put_cred(ctx->cred);
	kfree(ctx->source);
	kfree(ctx);
}

/* ->reconfigure is the remount path: not offered yet */
int reconfigure_super(struct fs_context *ctx)
{
	WARN_ONCE(1, "kshim: reconfigure_super comes with remount support\n");
	return -EOPNOTSUPP;
}

void logfc(struct fc_log *log, const char *prefix, char level,
	   const char *fmt, ...)
{
	const char *sep = prefix ? ": " : "";
	const char *kl;
	struct va_format msg;
	va_list args;

	switch (level) {
	case 'e':
		kl = KERN_ERR;
		break;
	case 'w':
		kl = KERN_WARNING;
		break;
	default:
		kl = KERN_NOTICE;
		break;
	}
	if (!prefix)
		prefix = "";

	va_start(args, fmt);
	msg.fmt = fmt;
	msg.va = &args;
	printk("%s%s%s%pV\n", kl, prefix, sep, &msg);
	va_end(args);
}
