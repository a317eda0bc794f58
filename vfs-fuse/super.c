// SPDX-License-Identifier: GPL-2.0-only
/*
 * Super blocks (fs/super.c), the sync calls of fs/sync.c, and the VFS
 * cache shrinker.
 *
 * Kernel guarantees kept:
 *  - mount_bdev()/get_tree_bdev() open the device (read-only for an
 *    SB_RDONLY mount, -EACCES if a read-write mount meets a read-only
 *    device), set the block size to the device's, run fill_super with
 *    s_umount held for writing, and on failure tear the half-built super
 *    block down through ->kill_sb;
 *  - generic_shutdown_super(): dentries go first, then the filesystem is
 *    synced, SB_ACTIVE cleared (iput evicts from now on), unused inodes
 *    evicted, ->put_super called; busy inodes are reported;
 *  - kill_block_super() writes back and releases the device after the
 *    filesystem is down;
 *  - sync_filesystem(): dirty inodes are written (->write_inode), then
 *    ->sync_fs(wait) and the device's dirty buffers are written and waited
 *    for; nothing is written on a read-only super block;
 *  - a super block stays allocated while s_count holds it, so the
 *    shrinker can walk the list without racing with unmount.
 * Each mount gets its own super block: kshim does not share super blocks
 * between mounts of one device (the FUSE daemon locks its image).
 */
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/blkdev.h>
#include <linux/buffer_head.h>
#include <linux/backing-dev.h>
#include <linux/pagemap.h>
#include <linux/shrinker.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/writeback.h>

#include "kshim-vfs-internal.h"

struct backing_dev_info noop_backing_dev_info = {
	.dev_name = "noop",
};

static LIST_HEAD(super_blocks);
static DEFINE_SPINLOCK(sb_lock);

/* 128 KiB, the kernel's VM_READAHEAD_PAGES */
#define KSHIM_READAHEAD_PAGES ((128 * 1024) / PAGE_SIZE)

static void destroy_super(struct super_block *s)
{
	if (s->s_bdi && s->s_bdi != &noop_backing_dev_info)
		kfree(s->s_bdi);
	kfree(s->s_subtype);
	kfree(s);
}

/* sb_lock held */
static void __put_super(struct super_block *s)
{
	if (!--s->s_count) {
		list_del_init(&s->s_list);
		destroy_super(s);
	}
}

static void put_super(struct super_block *s)
{
	spin_lock(&sb_lock);
	__put_super(s);
	spin_unlock(&sb_lock);
}

/* a new super block, s_umount held for writing, on the global list */
static struct super_block *alloc_super(struct file_system_type *type,
				       int flags)
{
	struct super_block *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int i;

	if (!s)
		return NULL;
	INIT_LIST_HEAD(&s->s_mounts);
	INIT_LIST_HEAD(&s->s_inodes);
	INIT_LIST_HEAD(&s->s_inodes_wb);
	INIT_LIST_HEAD(&s->s_dentry_lru);
	INIT_LIST_HEAD(&s->s_inode_lru);
	INIT_HLIST_NODE(&s->s_instances);
	spin_lock_init(&s->s_inode_list_lock);
	spin_lock_init(&s->s_inode_wblist_lock);
	spin_lock_init(&s->s_lru_lock);
	init_rwsem(&s->s_umount);
	down_write(&s->s_umount);
	for (i = 0; i < SB_FREEZE_LEVELS; i++)
		init_rwsem(&s->s_writers.rw_sem[i]);
	mutex_init(&s->s_vfs_rename_mutex);
	mutex_init(&s->s_sync_lock);
	init_rwsem(&s->s_dquot.dqio_sem);
	s->s_count = 1;
	atomic_set(&s->s_active, 1);
	s->s_type = type;
	s->s_flags = flags;
	s->s_user_ns = &init_user_ns;
	s->s_bdi = &noop_backing_dev_info;
	s->s_maxbytes = MAX_NON_LFS;
	s->s_time_gran = 1000000000;
	s->s_time_min = TIME64_MIN;
	s->s_time_max = TIME64_MAX;
	strscpy(s->s_id, type->name, sizeof(s->s_id));

	spin_lock(&sb_lock);
	list_add_tail(&s->s_list, &super_blocks);
	spin_unlock(&sb_lock);
	return s;
}

/* the device's readahead window, as the kernel takes it from the disk */
static struct backing_dev_info *alloc_bdev_bdi(struct block_device *bdev)
{
	struct backing_dev_info *bdi = kzalloc(sizeof(*bdi), GFP_KERNEL);

	if (!bdi)
		return NULL;
	INIT_LIST_HEAD(&bdi->bdi_list);
	bdi->ra_pages = KSHIM_READAHEAD_PAGES;
	bdi->io_pages = KSHIM_READAHEAD_PAGES;
	bdi->capabilities = BDI_CAP_WRITEBACK | BDI_CAP_WRITEBACK_ACCT;
	bdi->max_ratio = 100;
	bdi->wb.bdi = bdi;
	spin_lock_init(&bdi->wb.list_lock);
	INIT_LIST_HEAD(&bdi->wb.b_dirty);
	INIT_LIST_HEAD(&bdi->wb.b_io);
	INIT_LIST_HEAD(&bdi->wb.b_more_io);
	INIT_LIST_HEAD(&bdi->wb.b_dirty_time);
	strscpy(bdi->dev_name, kshim_bdev_name(bdev), sizeof(bdi->dev_name));
	return bdi;
}

/* open @dev for @sb and make it the super block's device */
static int setup_bdev_super(struct super_block *sb, int sb_flags,
			    const char *dev, struct fs_context *fc)
{
	blk_mode_t mode = BLK_OPEN_READ;
	struct block_device *bdev;
	struct backing_dev_info *bdi;
	int err;

	if (!dev || !*dev) {
		if (fc)
			return invalf(fc, "No source specified");
		return -EINVAL;
	}
	if (!(sb_flags & SB_RDONLY))
		mode |= BLK_OPEN_WRITE;
	bdev = kshim_bdev_open(dev, mode);
	if (IS_ERR(bdev)) {
		if (fc)
			errorf(fc, "%s: Can't open blockdev", dev);
		return PTR_ERR(bdev);
	}
	if (!(sb_flags & SB_RDONLY) && bdev_read_only(bdev)) {
		kshim_bdev_close(bdev);
		return -EACCES;
	}
	bdi = alloc_bdev_bdi(bdev);
	if (!bdi) {
		kshim_bdev_close(bdev);
		return -ENOMEM;
	}
	err = kshim_bdev_attach_mapping(bdev);
	if (err) {
		kfree(bdi);
		kshim_bdev_close(bdev);
		return err;
	}
	sb->s_bdev = bdev;
	sb->s_bdev_file = kshim_bdev_file(bdev);
	sb->s_bdi = bdi;
	sb->s_dev = bdev->bd_dev;
	strscpy(sb->s_id, kshim_bdev_name(bdev), sizeof(sb->s_id));
	if (!sb_set_blocksize(sb, block_size(bdev)))
		return -EINVAL;	/* kill_block_super releases the device */
	return 0;
}

struct dentry *mount_bdev(struct file_system_type *fs_type, int flags,
			  const char *dev_name, void *data,
			  int (*fill_super)(struct super_block *, void *, int))
{
	struct super_block *s;
	int error;

	/* block filesystems trust S_NOSEC, as the kernel's mount_bdev */
	flags |= SB_NOSEC;
	s = alloc_super(fs_type, flags);
	if (!s)
		return ERR_PTR(-ENOMEM);
	error = setup_bdev_super(s, flags, dev_name, NULL);
	if (!error)
		error = fill_super(s, data, flags & SB_SILENT ? 1 : 0);
	if (error) {
		deactivate_locked_super(s);
		return ERR_PTR(error);
	}
	s->s_flags |= SB_ACTIVE;
	kshim_writeback_sb_mounted(s);
	return dget(s->s_root);
}

int get_tree_bdev(struct fs_context *fc,
		  int (*fill_super)(struct super_block *, struct fs_context *))
{
	struct super_block *s;
	int error;

	fc->sb_flags |= SB_NOSEC;
	s = alloc_super(fc->fs_type, fc->sb_flags);
	if (!s)
		return -ENOMEM;
	s->s_fs_info = fc->s_fs_info;
	fc->s_fs_info = NULL;
	s->s_iflags |= fc->s_iflags;
	error = setup_bdev_super(s, fc->sb_flags, fc->source, fc);
	if (!error)
		error = fill_super(s, fc);
	if (error) {
		deactivate_locked_super(s);
		return error;
	}
	s->s_flags |= SB_ACTIVE;
	kshim_writeback_sb_mounted(s);
	fc->root = dget(s->s_root);
	return 0;
}

void generic_shutdown_super(struct super_block *sb)
{
	const struct super_operations *sop = sb->s_op;

	if (sb->s_root) {
		kshim_shrink_dcache_for_umount(sb);
		sync_filesystem(sb);
		kshim_writeback_sb_unmounting(sb);
		sb->s_flags &= ~SB_ACTIVE;
		evict_inodes(sb);
		if (sop && sop->put_super)
			sop->put_super(sb);
		if (!list_empty(&sb->s_inodes))
			pr_err("VFS: Busy inodes after unmount of %s (%s)\n",
			       sb->s_id, sb->s_type->name);
	} else {
		sb->s_flags &= ~SB_ACTIVE;
		/* fill_super failed: inodes it read are unused by now */
		evict_inodes(sb);
	}
	sb->s_flags |= SB_DYING;
}

void kill_block_super(struct super_block *sb)
{
	struct block_device *bdev = sb->s_bdev;

	generic_shutdown_super(sb);
	if (bdev) {
		sync_blockdev(bdev);
		kshim_bdev_detach_mapping(bdev);
		sb->s_bdev = NULL;
		sb->s_bdev_file = NULL;
		kshim_bdev_close(bdev);
	}
}

void kill_anon_super(struct super_block *sb)
{
	generic_shutdown_super(sb);
}

void deactivate_locked_super(struct super_block *s)
{
	struct file_system_type *fs = s->s_type;

	if (!atomic_dec_and_test(&s->s_active)) {
		up_write(&s->s_umount);
		return;
	}
	s->s_flags |= SB_DYING;
	fs->kill_sb(s);
	s->s_flags |= SB_DEAD;
	up_write(&s->s_umount);
	put_super(s);
}

void deactivate_super(struct super_block *s)
{
	if (atomic_add_unless(&s->s_active, -1, 1))
		return;
	down_write(&s->s_umount);
	deactivate_locked_super(s);
}

/* --- the VFS cache shrinker --------------------------------------------- */

static unsigned long vfs_cache_count(struct shrinker *shrink,
				     struct shrink_control *sc)
{
	unsigned long n = kshim_nr_unused_dentries() + kshim_nr_unused_inodes();

	return n ? n : SHRINK_EMPTY;
}

/*
 * Dentries first (they pin inodes), then inodes, super block by super
 * block; a super block being mounted or unmounted (s_umount taken for
 * writing) is skipped, as the kernel's super_cache_scan() does.
 */
static unsigned long vfs_cache_scan(struct shrinker *shrink,
				    struct shrink_control *sc)
{
	struct super_block *sb, *prev = NULL;
	unsigned long freed = 0, nr = sc->nr_to_scan;

	spin_lock(&sb_lock);
	list_for_each_entry(sb, &super_blocks, s_list) {
		if (freed >= nr)
			break;
		if (!(sb->s_flags & SB_ACTIVE) || (sb->s_flags & SB_DYING))
			continue;
		sb->s_count++;
		spin_unlock(&sb_lock);
		if (prev)
			put_super(prev);
		prev = sb;
		if (down_read_trylock(&sb->s_umount)) {
			if (sb->s_flags & SB_ACTIVE) {
				freed += kshim_prune_dcache_sb(sb, nr - freed);
				if (freed < nr)
					freed += kshim_prune_icache_sb(sb,
								      nr - freed);
			}
			up_read(&sb->s_umount);
		}
		spin_lock(&sb_lock);
	}
	spin_unlock(&sb_lock);
	if (prev)
		put_super(prev);
	return freed;
}

static int __init kshim_vfs_shrinker_init(void)
{
	struct shrinker *s = shrinker_alloc(SHRINKER_KSHIM_NEEDS_FS,
					    "kshim-vfs-caches");

	if (!s)
		return -ENOMEM;
	s->count_objects = vfs_cache_count;
	s->scan_objects = vfs_cache_scan;
	s->seeks = DEFAULT_SEEKS;
	shrinker_register(s);
	return 0;
}
fs_initcall(kshim_vfs_shrinker_init);
