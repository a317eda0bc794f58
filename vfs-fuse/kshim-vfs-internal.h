/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Calls between the parts of kshim's VFS (kernel world) that the kernel's
 * own headers do not declare.  Both the core (super.c, inode.c, ...) and
 * the page cache (filemap.c, buffer.c, ...) add to this file.
 *
 * Page cache part (buffer.c, filemap.c, readahead.c):
 *
 *  - Every block device a super block is set up on needs its own page
 *    cache, as the kernel's bdev inode gives it: sb_bread() and friends
 *    cache metadata blocks there.  kshim_bdev_attach_mapping() creates it
 *    (bdev->bd_mapping, an S_IFBLK pseudo inode whose i_sb is NULL) and
 *    counts attachments; kshim_bdev_detach_mapping() drops one and, on the
 *    last, writes back dirty buffers, waits, and frees the cache.  Call
 *    attach before ->fill_super and detach after ->kill_sb has released
 *    the super block's buffers (kill_block_super does sync_blockdev()).
 *  - kshim_bdev_file() is a struct file standing for the opened device
 *    (f_mapping = bd_mapping), fit for sb->s_bdev_file: file_bdev() and
 *    set_blocksize() accept it.  It lives as long as the attachment.
 *  - A zeroed address_space is an empty page cache (kshim_pages NULL);
 *    kshim_mapping_init() sets up the rest of it (lists, a_ops = empty_aops
 *    unless set, gfp mask) the way address_space_init_once() plus
 *    inode_init_always() do for a fresh inode's i_data.
 *  - Opening a file must call file_ra_state_init(&file->f_ra, mapping):
 *    a zero ra_pages means "readahead disabled", as in the kernel.
 *  - Evicting an inode must call truncate_inode_pages_final(&inode->i_data)
 *    (or leave it to ->evict_inode, as ext2/minix do) before its memory
 *    is freed: the page cache holds folios that point at the mapping.
 */
#ifndef _KSHIM_VFS_INTERNAL_H
#define _KSHIM_VFS_INTERNAL_H

struct address_space;
struct block_device;
struct folio;
struct file;
struct inode;

int kshim_bdev_attach_mapping(struct block_device *bdev);
void kshim_bdev_detach_mapping(struct block_device *bdev);
struct file *kshim_bdev_file(struct block_device *bdev);
void kshim_mapping_init(struct address_space *mapping, struct inode *host);

/* pagecache-internal: the folio at @index without a reference (the
 * caller's lock on it keeps it cached), or NULL */
struct folio *kshim_pagecache_peek(struct address_space *mapping,
				   unsigned long index);

/* folios currently in all page caches (tests, memory accounting) */
unsigned long kshim_pagecache_folios(void);
/* drop clean unused folios of every mapping; returns how many went */
unsigned long kshim_pagecache_shrink(unsigned long nr_to_scan);

/*
 * Core part (inode.c, dcache.c, super.c, namei.c, open.c, ...):
 *
 *  - kshim_lookup_one() resolves one name under a directory dentry the
 *    way lookup_slow() does (child cache, else ->lookup under the
 *    parent's i_rwsem taken shared); returns a referenced dentry that may
 *    be negative, or an ERR_PTR.
 *  - kshim_dentry_open() is dentry_open(): a struct file with one
 *    reference, ->open called; fput() releases it.
 *  - kshim_kernel_read() is kernel_read() through ->read_iter or ->read.
 *  - The shrinker and unmount paths: kshim_prune_icache_sb() and
 *    kshim_prune_dcache_sb() free up to @nr unused objects of a super
 *    block; kshim_shrink_dcache_for_umount() kills every dentry of a
 *    dying super block (references still held are forced away);
 *    kshim_writeback_inodes_sb() writes back its dirty inodes.
 */
struct dentry;
struct path;
struct qstr;
struct super_block;
struct cred;
struct vfsmount;

struct dentry *kshim_lookup_one(struct dentry *parent, const char *name,
				unsigned int len);
/* the same with the parent's i_rwsem held exclusive (namespace changes) */
struct dentry *kshim_lookup_one_excl(struct dentry *parent, const char *name,
				     unsigned int len);
struct dentry *kshim_d_alloc_parallel(struct dentry *parent,
				      const struct qstr *name, bool *is_new);
void kshim_d_lookup_done(struct dentry *dentry);
struct file *kshim_dentry_open(const struct path *path, int flags,
			       const struct cred *cred);
/* alloc_empty_file(): one reference, @cred held, f_mode from @flags */
struct file *kshim_alloc_empty_file(int flags, const struct cred *cred);
long kshim_kernel_read(struct file *file, void *buf, unsigned long count,
		       long long *pos);
unsigned long kshim_prune_icache_sb(struct super_block *sb, unsigned long nr);
unsigned long kshim_prune_dcache_sb(struct super_block *sb, unsigned long nr);
unsigned long kshim_nr_unused_inodes(void);
unsigned long kshim_nr_unused_dentries(void);
void kshim_shrink_dcache_for_umount(struct super_block *sb);
int kshim_writeback_inodes_sb(struct super_block *sb, int wait);
/*
 * sync.c: sync_filesystem()'s two passes without taking the super
 * block's writeback error (fsync's filesystem-wide sync leaves that to
 * syncfs); caller holds s_umount
 */
int kshim_sync_sb_passes(struct super_block *sb);
/* inode.c: take an inode off its super block's dirty list */
void kshim_sb_dirty_list_del(struct inode *ip);

/*
 * Writeback and memory part (fs-writeback.c, page-writeback.c, sync.c,
 * vmscan.c, the reclaim end of filemap.c):
 *
 *  - Every path that makes a page-cache folio dirty calls
 *    kshim_account_folio_dirtied() after it won the dirty bit (it also
 *    notes when a block device's cache became dirty); cleaning goes
 *    through folio_clear_dirty_for_io(), __folio_cancel_dirty() or
 *    kshim_account_folio_cleaned() (removal from the cache).  Counting
 *    is once per folio whatever the order of calls.
 *  - kshim_dirty_pages() is the dirty page-cache size in pages,
 *    kshim_dirty_pages_peak() its highest value since the last reset;
 *    kshim_dirty_limit_pages() the throttling limit (a writer never
 *    waits below it), kshim_set_dirty_limit() overrides it (bytes, 0 =
 *    derived from the memory cap).
 *  - One flusher thread serves every read-write super block: started at
 *    the first read-write mount (kshim_writeback_sb_mounted(), called
 *    once SB_ACTIVE is set), stopped when the last one goes
 *    (kshim_writeback_sb_unmounting(), called by generic_shutdown_super()
 *    under s_umount after its sync) or at kshim_runtime_exit().
 *    kshim_flusher_kick() asks it for background writeback (any
 *    context but NMI; never sleeps).
 */
struct folio;
void kshim_account_folio_dirtied(struct folio *folio,
				 struct address_space *mapping);
void kshim_account_folio_cleaned(struct folio *folio);
unsigned long kshim_dirty_pages(void);
unsigned long kshim_dirty_pages_peak(void);
void kshim_dirty_pages_reset_peak(void);
unsigned long kshim_dirty_limit_pages(void);
unsigned long kshim_dirty_background_pages(void);
void kshim_set_dirty_limit(unsigned long bytes);
unsigned long kshim_dirty_recount(void);
void kshim_dirty_recount_one(struct folio *folio);
void kshim_writeback_sb_mounted(struct super_block *sb);
void kshim_writeback_sb_unmounting(struct super_block *sb);
void kshim_flusher_kick(void);
/* sync_filesystem(): a writeback error of @sb it has not reported yet */
int kshim_sb_take_wb_err(struct super_block *sb);
bool kshim_flusher_running(void);
/* filemap.c: @fn on every cached folio, under the LRU lock (no sleeping) */
void kshim_pagecache_for_each_folio(void (*fn)(struct folio *folio));

/* namei.c: linkat(2)'s fs.protected_hardlinks check (fs/internal.h) */
int may_linkat(struct mnt_idmap *idmap, const struct path *link);

#endif /* _KSHIM_VFS_INTERNAL_H */
