// SPDX-License-Identifier: GPL-2.0-only
/*
 * The in-process VFS API (include/kshim/vfs.h) over the kernel-world VFS.
 * A kshim_node is a referenced struct dentry, a kshim_file a struct file,
 * a kshim_fs one mount (its super block, root and vfsmount).
 *
 * What each call keeps of the kernel's contract:
 *  - kshim_mount() is mount(2) through the new mount API: the option
 *    string is parsed by the filesystem (legacy types receive it whole),
 *    KSHIM_MOUNT_RDONLY opens the device read-only and makes the mount
 *    and super block read-only;
 *  - kshim_umount() syncs, drops the root and deactivates the super
 *    block: the last user unmounts (generic_shutdown_super);
 *  - lookups need search permission on each directory; a missing name
 *    stays cached as a negative dentry (fs/dcache.c); opens check may_open() permissions (execute too
 *    for exec(2)'s open, KSHIM_OPEN_EXEC), add O_LARGEFILE (64-bit), and
 *    serve O_DIRECT through the page cache; kshim_access() is access(2)'s
 *    inode_permission() (the caller's credentials are the real ids);
 *  - reads are pread(2): kernel_read() at the given offset;
 *  - readdir resumes at the position it is given and reports, for each
 *    entry, the position after it (the next entry's, or the final one);
 *  - getxattr/listxattr follow getxattr(2)/listxattr(2): size 0 asks for
 *    the length, names longer than XATTR_NAME_MAX are -ERANGE, results
 *    that cannot fit even XATTR_SIZE_MAX are -E2BIG.
 */
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/statfs.h>
#include <linux/xattr.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kshim/vfs.h>

#include "kshim-vfs-internal.h"
#include "api-internal.h"

struct kshim_fs {
	struct super_block *sb;
	struct dentry *root;
	struct vfsmount mnt;
	struct list_head list;
};

static LIST_HEAD(mounts);
static DEFINE_SPINLOCK(mounts_lock);

/* the mount a node's super block belongs to (one per super block) */
struct vfsmount *kshim_api_mnt_of(struct super_block *sb)
{
	struct kshim_fs *fs;
	struct vfsmount *mnt = NULL;

	spin_lock(&mounts_lock);
	list_for_each_entry(fs, &mounts, list) {
		if (fs->sb == sb) {
			mnt = &fs->mnt;
			break;
		}
	}
	spin_unlock(&mounts_lock);
	return mnt;
}

const char *kshim_kernel_version(void)
{
	return KSHIM_KERNEL_VERSION;
}

static int parse_options(struct fs_context *fc, const char *options)
{
	char *copy;
	int err;

	if (!options || !*options)
		return 0;
	copy = kstrdup(options, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	if (fc->ops->parse_monolithic)
		err = fc->ops->parse_monolithic(fc, copy);
	else
		err = generic_parse_monolithic(fc, copy);
	kfree(copy);
	return err;
}

int kshim_mount(const char *fstype, const char *device, int flags,
		const char *options, struct kshim_fs **fsp)
{
	struct file_system_type *type = get_fs_type(fstype);
	struct fs_context *fc;
	struct super_block *sb;
	struct kshim_fs *fs;
	int err;

	if (!type)
		return -ENODEV;
	fs = kzalloc(sizeof(*fs), GFP_KERNEL);
	if (!fs)
		return -ENOMEM;
	fc = fs_context_for_mount(type, (flags & KSHIM_MOUNT_RDONLY) ?
					SB_RDONLY : 0);
	if (IS_ERR(fc)) {
		kfree(fs);
		return PTR_ERR(fc);
	}
	err = vfs_parse_fs_string(fc, "source", device, strlen(device));
	if (!err)
		err = parse_options(fc, options);
	if (!err)
		err = vfs_get_tree(fc);
	if (err) {
		put_fs_context(fc);
		kfree(fs);
		return err;
	}
	sb = fc->root->d_sb;
	fs->sb = sb;
	fs->root = dget(fc->root);
	atomic_inc(&sb->s_active);	/* the mount's own */
	fs->mnt.mnt_root = fs->root;
	fs->mnt.mnt_sb = sb;
	fs->mnt.mnt_flags = (flags & KSHIM_MOUNT_RDONLY) ? MNT_READONLY : 0;
	fs->mnt.mnt_idmap = &nop_mnt_idmap;
	up_write(&sb->s_umount);
	put_fs_context(fc);

	spin_lock(&mounts_lock);
	list_add(&fs->list, &mounts);
	spin_unlock(&mounts_lock);
	*fsp = fs;
	return 0;
}

int kshim_sync(struct kshim_fs *fs)
{
	int err;

	down_read(&fs->sb->s_umount);
	err = sync_filesystem(fs->sb);
	up_read(&fs->sb->s_umount);
	return err;
}

int kshim_umount(struct kshim_fs *fs)
{
	struct super_block *sb = fs->sb;
	int err = kshim_sync(fs);

	spin_lock(&mounts_lock);
	list_del(&fs->list);
	spin_unlock(&mounts_lock);
	dput(fs->root);
	deactivate_super(sb);
	kfree(fs);
	return err;
}

int kshim_is_rdonly(struct kshim_fs *fs)
{
	return sb_rdonly(fs->sb) || (fs->mnt.mnt_flags & MNT_READONLY);
}

int kshim_root(struct kshim_fs *fs, struct kshim_node **nodep)
{
	*nodep = N(dget(fs->root));
	return 0;
}

static struct dentry *lookup_positive(struct dentry *dir, const char *name,
				      unsigned int len)
{
	struct dentry *dentry = kshim_lookup_one(dir, name, len);

	if (!IS_ERR(dentry) && d_is_negative(dentry)) {
		dput(dentry);
		return ERR_PTR(-ENOENT);
	}
	return dentry;
}

int kshim_lookup(struct kshim_fs *fs, struct kshim_node *dir,
		 const char *name, struct kshim_node **nodep)
{
	struct dentry *dentry = lookup_positive(D(dir), name, strlen(name));

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	*nodep = N(dentry);
	return 0;
}

int kshim_lookup_path(struct kshim_fs *fs, const char *path,
		      struct kshim_node **nodep)
{
	struct dentry *cur = dget(fs->root);

	while (*path) {
		const char *end = strchrnul(path, '/');
		struct dentry *next;

		if (end != path) {
			next = lookup_positive(cur, path, end - path);
			dput(cur);
			if (IS_ERR(next))
				return PTR_ERR(next);
			cur = next;
		}
		path = *end ? end + 1 : end;
	}
	*nodep = N(cur);
	return 0;
}

void kshim_node_get(struct kshim_node *node)
{
	dget(D(node));
}

void kshim_node_put(struct kshim_node *node, unsigned long count)
{
	while (count--)
		dput(D(node));
}

unsigned long long kshim_node_ino(struct kshim_node *node)
{
	return d_inode(D(node))->i_ino;
}

int kshim_getattr(struct kshim_node *node, struct kshim_stat *st)
{
	struct dentry *dentry = D(node);
	struct path path = path_of(dentry);
	struct kstat k;
	int err;

	err = vfs_getattr(&path, &k, STATX_BASIC_STATS, AT_STATX_SYNC_AS_STAT);
	if (err)
		return err;
	memset(st, 0, sizeof(*st));
	st->ino = k.ino;
	st->size = k.size;
	st->blocks = k.blocks;
	st->generation = d_inode(dentry)->i_generation;
	st->mode = k.mode;
	st->nlink = k.nlink;
	st->uid = from_kuid(&init_user_ns, k.uid);
	st->gid = from_kgid(&init_user_ns, k.gid);
	st->rdev_major = MAJOR(k.rdev);
	st->rdev_minor = MINOR(k.rdev);
	st->blksize = k.blksize;
	st->atime_sec = k.atime.tv_sec;
	st->atime_nsec = k.atime.tv_nsec;
	st->mtime_sec = k.mtime.tv_sec;
	st->mtime_nsec = k.mtime.tv_nsec;
	st->ctime_sec = k.ctime.tv_sec;
	st->ctime_nsec = k.ctime.tv_nsec;
	return 0;
}

long kshim_readlink(struct kshim_node *node, char *buf, unsigned long size)
{
	if (size > INT_MAX)
		size = INT_MAX;
	return vfs_readlink(D(node), (char __user *)buf, size);
}

int kshim_statfs(struct kshim_fs *fs, struct kshim_statfs *st)
{
	struct path path = { .mnt = &fs->mnt, .dentry = fs->root };
	struct kstatfs k;
	int err = vfs_statfs(&path, &k);

	if (err)
		return err;
	memset(st, 0, sizeof(*st));
	st->blocks = k.f_blocks;
	st->bfree = k.f_bfree;
	st->bavail = k.f_bavail;
	st->files = k.f_files;
	st->ffree = k.f_ffree;
	st->fsid = (u32)k.f_fsid.val[0] | ((u64)(u32)k.f_fsid.val[1] << 32);
	st->bsize = k.f_bsize;
	st->frsize = k.f_frsize;
	st->namelen = k.f_namelen;
	st->flags = k.f_flags;
	return 0;
}

/* may_open(): the type and permission checks of open(2) */
static int may_open(struct dentry *dentry, int flags)
{
	struct inode *inode = d_inode(dentry);
	int acc_mode = 0;

	if ((flags & O_ACCMODE) != O_WRONLY)
		acc_mode |= MAY_READ;
	if (flags & O_ACCMODE)
		acc_mode |= MAY_WRITE;
	/*
	 * exec(2)'s open (do_open_execat) asks for execute permission only:
	 * an execute-only file runs, and reads through this file.
	 */
	if (flags & KSHIM_OPEN_EXEC) {
		if (!S_ISREG(inode->i_mode))
			return -EACCES;
		acc_mode = MAY_EXEC;
	}
	switch (inode->i_mode & S_IFMT) {
	case S_IFLNK:
		return -ELOOP;
	case S_IFDIR:
		if (acc_mode & MAY_WRITE)
			return -EISDIR;
		break;
	}
	return inode_permission(&nop_mnt_idmap, inode, MAY_OPEN | acc_mode);
}

int kshim_access(struct kshim_node *node, int mask)
{
	if (mask & ~(MAY_READ | MAY_WRITE | MAY_EXEC))
		return -EINVAL;
	if (!mask)
		return 0;
	return inode_permission(&nop_mnt_idmap, d_inode(D(node)), mask);
}

int kshim_open(struct kshim_node *node, int flags, struct kshim_file **filep)
{
	struct dentry *dentry = D(node);
	struct path path = path_of(dentry);
	struct file *file;
	bool truncate;
	int err;

	/* creation happened in lookup/create; direct I/O is FUSE's business */
	flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_DIRECT);
	flags |= O_LARGEFILE;
	err = may_open(dentry, flags);
	if (err)
		return err;
	truncate = (flags & O_TRUNC) && S_ISREG(d_inode(dentry)->i_mode);
	if (flags & O_TRUNC) {
		/* O_TRUNC needs write access whatever the access mode */
		if (S_ISDIR(d_inode(dentry)->i_mode))
			return -EISDIR;
		if (truncate && (IS_RDONLY(d_inode(dentry)) ||
				 (path.mnt && __mnt_is_readonly(path.mnt))))
			return -EROFS;
		err = inode_permission(&nop_mnt_idmap, d_inode(dentry),
				       MAY_WRITE);
		if (err)
			return err;
		if (truncate && IS_APPEND(d_inode(dentry)))
			return -EPERM;
	}
	file = kshim_dentry_open(&path, flags, current_cred());
	if (IS_ERR(file))
		return PTR_ERR(file);
	if (truncate) {
		/*
		 * handle_truncate(): size 0 and both times now through
		 * notify_change() under i_rwsem, with set-id bits dropped as
		 * for any truncate, on behalf of the open file.
		 */
		struct iattr ia = {
			.ia_valid = ATTR_SIZE | ATTR_MTIME | ATTR_CTIME |
				    ATTR_OPEN | ATTR_FILE,
			.ia_size = 0,
			.ia_file = file,
		};
		struct inode *inode = d_inode(dentry);

		err = dentry_needs_remove_privs(&nop_mnt_idmap, dentry);
		if (err > 0)
			ia.ia_valid |= err | ATTR_FORCE;
		if (err >= 0) {
			inode_lock(inode);
			err = notify_change(&nop_mnt_idmap, dentry, &ia, NULL);
			inode_unlock(inode);
		}
		if (err) {
			fput(file);
			return err;
		}
	}
	*filep = (struct kshim_file *)file;
	return 0;
}

long kshim_read(struct kshim_file *file, void *buf, unsigned long size,
		long long offset)
{
	long long pos = offset;

	return kshim_kernel_read(F(file), buf, size, &pos);
}

int kshim_release(struct kshim_file *file)
{
	fput(F(file));
	return 0;
}

/*
 * The position after an entry is only known when the next one arrives
 * (or the walk ends), so each entry is held back until then.
 */
struct api_dir_ctx {
	struct dir_context ctx;
	kshim_filldir_t filldir;
	void *priv;
	bool pending, stopped;
	int namelen;
	u64 ino;
	unsigned int type;
	char name[NAME_MAX + 1];
};

static bool api_filldir(struct dir_context *ctx, const char *name,
			int namelen, loff_t offset, u64 ino,
			unsigned int d_type)
{
	struct api_dir_ctx *c = container_of(ctx, struct api_dir_ctx, ctx);

	if (c->pending && c->filldir(c->priv, c->name, c->namelen, c->ino,
				     c->type, offset)) {
		c->stopped = true;
		return false;
	}
	c->pending = false;
	if (namelen > NAME_MAX)
		return true;	/* no Linux driver returns such a name */
	memcpy(c->name, name, namelen);
	c->name[namelen] = '\0';
	c->namelen = namelen;
	c->ino = ino;
	c->type = d_type;
	c->pending = true;
	return true;
}

int kshim_readdir(struct kshim_file *dir, long long pos,
		  kshim_filldir_t filldir, void *priv)
{
	struct file *file = F(dir);
	struct api_dir_ctx *c;
	int err = 0;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	c->ctx.actor = api_filldir;
	c->filldir = filldir;
	c->priv = priv;

	mutex_lock(&file->f_pos_lock);
	if (pos != file->f_pos) {
		loff_t res = vfs_llseek(file, pos, SEEK_SET);

		if (res < 0)
			err = res;
	}
	if (!err)
		err = iterate_dir(file, &c->ctx);
	if (!err && c->pending && !c->stopped)
		filldir(priv, c->name, c->namelen, c->ino, c->type,
			c->ctx.pos);
	mutex_unlock(&file->f_pos_lock);
	kfree(c);
	return err;
}

long kshim_getxattr(struct kshim_node *node, const char *name, void *buf,
		    unsigned long size)
{
	size_t len = strlen(name);
	ssize_t ret;

	if (!len || len > XATTR_NAME_MAX)
		return -ERANGE;
	if (size > XATTR_SIZE_MAX)
		size = XATTR_SIZE_MAX;
	ret = vfs_getxattr(&nop_mnt_idmap, D(node), name, size ? buf : NULL,
			   size);
	if (ret == -ERANGE && size >= XATTR_SIZE_MAX)
		ret = -E2BIG;
	return ret;
}

long kshim_listxattr(struct kshim_node *node, char *buf, unsigned long size)
{
	ssize_t ret;

	if (size > XATTR_LIST_MAX)
		size = XATTR_LIST_MAX;
	ret = vfs_listxattr(D(node), size ? buf : NULL, size);
	if (ret == -ERANGE && size >= XATTR_LIST_MAX)
		ret = -E2BIG;
	return ret;
}
