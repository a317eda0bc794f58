/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The VFS object model: struct inode, super_block, file, address_space,
 * kiocb, the operation tables a filesystem fills in, and the VFS calls a
 * filesystem makes.  Members carry the kernel's 6.12 names and types
 * because unmodified drivers use them; members only the kernel's own VFS
 * touches are kept where kshim's VFS needs the same bookkeeping (i_hash,
 * i_lru, i_sb_list, i_io_list, i_state, i_count, s_inodes, s_umount, ...).
 *
 * Kept guarantees (the inline helpers below):
 *  - i_size is read and written whole (64-bit) with acquire/release
 *    ordering, as on 64-bit SMP kernels;
 *  - inode_lock() and friends are i_rwsem, filemap_invalidate_lock() is
 *    mapping->invalidate_lock, sb_start_write() and friends take the
 *    freeze-protection level shared (freezing takes them exclusively);
 *  - timestamps are stored split (sec/nsec) and the accessors convert;
 *  - mark_inode_dirty(), insert_inode_hash(), inode_inc/dec_link_count()
 *    expand to the same out-of-line calls as in the kernel.
 * Everything declared extern here is implemented by kshim's VFS.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/wait.h>
#include <linux/wait_bit.h>
#include <linux/llist.h>
#include <linux/rbtree.h>
#include <linux/shrinker.h>
#include <linux/workqueue.h>
#include <linux/time.h>
#include <linux/timekeeping.h>
#include <linux/quota.h>
#include <asm/byteorder.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/mm_types.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/time64.h>
#include <linux/uuid.h>
#include <linux/capability.h>
#include <linux/kdev_t.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/fs_types.h>
#include <linux/uidgid.h>
#include <linux/cred.h>
#include <linux/mnt_idmapping.h>
#include <linux/delayed_call.h>
#include <linux/errseq.h>
#include <linux/path.h>
#include <linux/dcache.h>
#include <linux/mount.h>
#include <uapi/linux/fs.h>

struct backing_dev_info;
struct bdi_writeback;
struct bio;
struct block_device;
struct cdev;
struct dquot_operations;
struct export_operations;
struct fiemap_extent_info;
struct file_lock;
struct file_lease;
struct file_lock_context;
struct fileattr;
struct folio_batch;
struct fs_context;
struct fs_parameter_spec;
struct fown_struct;
struct io_comp_batch;
struct iomap_ops;
struct iov_iter;
struct kstatfs;
struct kobject;
struct module;
struct pipe_inode_info;
struct poll_table_struct;
struct posix_acl;
struct quotactl_ops;
struct readahead_control;
struct seq_file;
struct shrink_control;
struct shrinker;
struct swap_info_struct;
struct vfsmount;
struct vm_area_struct;
struct vm_fault;
struct workqueue_struct;
struct writeback_control;
struct xattr_handler;
struct offset_ctx;
struct lock_class_key;

typedef void *fl_owner_t;
typedef unsigned int fop_flags_t;

extern int sysctl_vfs_cache_pressure;

/* permission masks (->permission, inode_permission) */
#define MAY_EXEC 0x00000001
#define MAY_WRITE 0x00000002
#define MAY_READ 0x00000004
#define MAY_APPEND 0x00000008
#define MAY_ACCESS 0x00000010
#define MAY_OPEN 0x00000020
#define MAY_CHDIR 0x00000040
#define MAY_NOT_BLOCK 0x00000080

/* file->f_mode */
#define FMODE_READ ((__force fmode_t)(1 << 0))
#define FMODE_WRITE ((__force fmode_t)(1 << 1))
#define FMODE_LSEEK ((__force fmode_t)(1 << 2))
#define FMODE_PREAD ((__force fmode_t)(1 << 3))
#define FMODE_PWRITE ((__force fmode_t)(1 << 4))
#define FMODE_EXEC ((__force fmode_t)(1 << 5))
#define FMODE_WRITE_RESTRICTED ((__force fmode_t)(1 << 6))
#define FMODE_CAN_ATOMIC_WRITE ((__force fmode_t)(1 << 7))
#define FMODE_32BITHASH ((__force fmode_t)(1 << 9))
#define FMODE_64BITHASH ((__force fmode_t)(1 << 10))
#define FMODE_NOCMTIME ((__force fmode_t)(1 << 11))
#define FMODE_RANDOM ((__force fmode_t)(1 << 12))
#define FMODE_PATH ((__force fmode_t)(1 << 14))
#define FMODE_ATOMIC_POS ((__force fmode_t)(1 << 15))
#define FMODE_WRITER ((__force fmode_t)(1 << 16))
#define FMODE_CAN_READ ((__force fmode_t)(1 << 17))
#define FMODE_CAN_WRITE ((__force fmode_t)(1 << 18))
#define FMODE_CAN_ODIRECT ((__force fmode_t)(1 << 22))
#define FMODE_OPENED ((__force fmode_t)(1 << 19))
#define FMODE_CREATED ((__force fmode_t)(1 << 20))
#define FMODE_STREAM ((__force fmode_t)(1 << 21))
#define FMODE_BACKING ((__force fmode_t)(1 << 24))
#define FMODE_NONOTIFY ((__force fmode_t)(1 << 25))
#define FMODE_NOWAIT ((__force fmode_t)(1 << 27))
#define FMODE_NEED_UNMOUNT ((__force fmode_t)(1 << 28))
#define FMODE_NOACCOUNT ((__force fmode_t)(1 << 29))

/* file_operations->fop_flags */
#define FOP_BUFFER_RASYNC ((__force fop_flags_t)(1 << 0))
#define FOP_BUFFER_WASYNC ((__force fop_flags_t)(1 << 1))
#define FOP_MMAP_SYNC ((__force fop_flags_t)(1 << 2))
#define FOP_DIO_PARALLEL_WRITE ((__force fop_flags_t)(1 << 3))
#define FOP_HUGE_PAGES ((__force fop_flags_t)(1 << 4))
#define FOP_UNSIGNED_OFFSET ((__force fop_flags_t)(1 << 5))

/* iattr->ia_valid */
#define ATTR_MODE (1 << 0)
#define ATTR_UID (1 << 1)
#define ATTR_GID (1 << 2)
#define ATTR_SIZE (1 << 3)
#define ATTR_ATIME (1 << 4)
#define ATTR_MTIME (1 << 5)
#define ATTR_CTIME (1 << 6)
#define ATTR_ATIME_SET (1 << 7)
#define ATTR_MTIME_SET (1 << 8)
#define ATTR_FORCE (1 << 9)
#define ATTR_KILL_SUID (1 << 11)
#define ATTR_KILL_SGID (1 << 12)
#define ATTR_FILE (1 << 13)
#define ATTR_KILL_PRIV (1 << 14)
#define ATTR_OPEN (1 << 15)
#define ATTR_TIMES_SET (1 << 16)
#define ATTR_TOUCH (1 << 17)
#define ATTR_DELEG (1 << 18)

#define WHITEOUT_MODE 0
#define WHITEOUT_DEV 0

/* kiocb->ki_flags; the low ones equal the RWF_* flags */
#define IOCB_HIPRI ((__force int)RWF_HIPRI)
#define IOCB_DSYNC ((__force int)RWF_DSYNC)
#define IOCB_SYNC ((__force int)RWF_SYNC)
#define IOCB_NOWAIT ((__force int)RWF_NOWAIT)
#define IOCB_APPEND ((__force int)RWF_APPEND)
#define IOCB_ATOMIC ((__force int)RWF_ATOMIC)
#define IOCB_EVENTFD (1 << 16)
#define IOCB_DIRECT (1 << 17)
#define IOCB_WRITE (1 << 18)
#define IOCB_WAITQ (1 << 19)
#define IOCB_NOIO (1 << 20)
#define IOCB_ALLOC_CACHE (1 << 21)
#define IOCB_DIO_CALLER_COMP (1 << 22)
#define IOCB_AIO_RW (1 << 23)

#define TRACE_IOCB_STRINGS                                                  \
	{ IOCB_HIPRI, "HIPRI" }, { IOCB_DSYNC, "DSYNC" },                   \
	{ IOCB_SYNC, "SYNC" }, { IOCB_NOWAIT, "NOWAIT" },                   \
	{ IOCB_APPEND, "APPEND" }, { IOCB_ATOMIC, "ATOMIC" },               \
	{ IOCB_EVENTFD, "EVENTFD" }, { IOCB_DIRECT, "DIRECT" },             \
	{ IOCB_WRITE, "WRITE" }, { IOCB_WAITQ, "WAITQ" },                   \
	{ IOCB_NOIO, "NOIO" }, { IOCB_ALLOC_CACHE, "ALLOC_CACHE" },         \
	{ IOCB_DIO_CALLER_COMP, "CALLER_COMP" }

#define MAX_NON_LFS ((1UL << 31) - 1)
#define MAX_LFS_FILESIZE ((loff_t)LLONG_MAX)
/* the most one read/write call transfers */
#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

/* super_block->s_flags */
#define SB_RDONLY BIT(0)
#define SB_NOSUID BIT(1)
#define SB_NODEV BIT(2)
#define SB_NOEXEC BIT(3)
#define SB_SYNCHRONOUS BIT(4)
#define SB_MANDLOCK BIT(6)
#define SB_DIRSYNC BIT(7)
#define SB_NOATIME BIT(10)
#define SB_NODIRATIME BIT(11)
#define SB_SILENT BIT(15)
#define SB_POSIXACL BIT(16)
#define SB_INLINECRYPT BIT(17)
#define SB_KERNMOUNT BIT(22)
#define SB_I_VERSION BIT(23)
#define SB_LAZYTIME BIT(25)
#define SB_DEAD BIT(21)
#define SB_DYING BIT(24)
#define SB_SUBMOUNT BIT(26)
#define SB_FORCE BIT(27)
#define SB_NOSEC BIT(28)
#define SB_BORN BIT(29)
#define SB_ACTIVE BIT(30)
#define SB_NOUSER BIT(31)

/* mount(2) flags some filesystems still test */
#define MS_RDONLY 1
#define MS_NOSUID 2
#define MS_NODEV 4
#define MS_NOEXEC 8
#define MS_SYNCHRONOUS 16
#define MS_REMOUNT 32
#define MS_MANDLOCK 64
#define MS_DIRSYNC 128
#define MS_NOATIME 1024
#define MS_NODIRATIME 2048
#define MS_SILENT 32768
#define MS_POSIXACL (1 << 16)
#define MS_I_VERSION (1 << 23)
#define MS_LAZYTIME (1 << 25)
#define MS_RMT_MASK                                                         \
	(MS_RDONLY | MS_SYNCHRONOUS | MS_MANDLOCK | MS_I_VERSION | MS_LAZYTIME)

/* super_block->s_iflags */
#define SB_I_CGROUPWB 0x00000001
#define SB_I_NOEXEC 0x00000002
#define SB_I_NODEV 0x00000004
#define SB_I_STABLE_WRITES 0x00000008
#define SB_I_USERNS_VISIBLE 0x00000010
#define SB_I_IMA_UNVERIFIABLE_SIGNATURE 0x00000020
#define SB_I_UNTRUSTED_MOUNTER 0x00000040
#define SB_I_EVM_HMAC_UNSUPPORTED 0x00000080
#define SB_I_SKIP_SYNC 0x00000100
#define SB_I_PERSB_BDI 0x00000200
#define SB_I_TS_EXPIRY_WARNED 0x00000400
#define SB_I_RETIRED 0x00000800
#define SB_I_NOUMASK 0x00001000
#define SB_I_NOIDMAP 0x00002000

/* inode->i_flags */
#define S_SYNC (1 << 0)
#define S_NOATIME (1 << 1)
#define S_APPEND (1 << 2)
#define S_IMMUTABLE (1 << 3)
#define S_DEAD (1 << 4)
#define S_NOQUOTA (1 << 5)
#define S_DIRSYNC (1 << 6)
#define S_NOCMTIME (1 << 7)
#define S_SWAPFILE (1 << 8)
#define S_PRIVATE (1 << 9)
#define S_IMA (1 << 10)
#define S_AUTOMOUNT (1 << 11)
#define S_NOSEC (1 << 12)
#define S_DAX 0			/* no CONFIG_FS_DAX */
#define S_ENCRYPTED (1 << 14)
#define S_CASEFOLD (1 << 15)
#define S_VERITY (1 << 16)
#define S_KERNEL_FILE (1 << 17)

/* inode->i_opflags */
#define IOP_FASTPERM 0x0001
#define IOP_LOOKUP 0x0002
#define IOP_NOFOLLOW 0x0004
#define IOP_XATTR 0x0008
#define IOP_DEFAULT_READLINK 0x0010

/* inode->i_state */
#define __I_NEW 0
#define I_NEW (1 << __I_NEW)
#define __I_SYNC 1
#define I_SYNC (1 << __I_SYNC)
#define __I_LRU_ISOLATING 2
#define I_LRU_ISOLATING (1 << __I_LRU_ISOLATING)
#define I_DIRTY_SYNC (1 << 3)
#define I_DIRTY_DATASYNC (1 << 4)
#define I_DIRTY_PAGES (1 << 5)
#define I_WILL_FREE (1 << 6)
#define I_FREEING (1 << 7)
#define I_CLEAR (1 << 8)
#define I_REFERENCED (1 << 9)
#define I_LINKABLE (1 << 10)
#define I_DIRTY_TIME (1 << 11)
#define I_WB_SWITCH (1 << 12)
#define I_OVL_INUSE (1 << 13)
#define I_CREATING (1 << 14)
#define I_DONTCACHE (1 << 15)
#define I_SYNC_QUEUED (1 << 16)
#define I_PINNING_NETFS_WB (1 << 17)
#define I_DIRTY_INODE (I_DIRTY_SYNC | I_DIRTY_DATASYNC)
#define I_DIRTY (I_DIRTY_INODE | I_DIRTY_PAGES)
#define I_DIRTY_ALL (I_DIRTY | I_DIRTY_TIME)

/* file_system_type->fs_flags */
#define FS_REQUIRES_DEV 1
#define FS_BINARY_MOUNTDATA 2
#define FS_HAS_SUBTYPE 4
#define FS_USERNS_MOUNT 8
#define FS_DISALLOW_NOTIFY_PERM 16
#define FS_ALLOW_IDMAP 32
#define FS_RENAME_DOES_D_MOVE 32768

/* ->update_time flags */
enum file_time_flags {
	S_ATIME = 1,
	S_MTIME = 2,
	S_CTIME = 4,
	S_VERSION = 8,
};

enum rw_hint {
	WRITE_LIFE_NOT_SET = 0,
	WRITE_LIFE_NONE = 1,
	WRITE_LIFE_SHORT = 2,
	WRITE_LIFE_MEDIUM = 3,
	WRITE_LIFE_LONG = 4,
	WRITE_LIFE_EXTREME = 5,
} __packed;

enum migrate_mode {
	MIGRATE_ASYNC,
	MIGRATE_SYNC_LIGHT,
	MIGRATE_SYNC,
};

enum freeze_holder {
	FREEZE_HOLDER_KERNEL = (1U << 0),
	FREEZE_HOLDER_USERSPACE = (1U << 1),
	FREEZE_MAY_NEST = (1U << 2),
};

enum {
	SB_UNFROZEN = 0,
	SB_FREEZE_WRITE = 1,
	SB_FREEZE_PAGEFAULT = 2,
	SB_FREEZE_FS = 3,
	SB_FREEZE_COMPLETE = 4,
};

#define SB_FREEZE_LEVELS (SB_FREEZE_COMPLETE - 1)

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	union {
		kuid_t ia_uid;
		vfsuid_t ia_vfsuid;
	};
	union {
		kgid_t ia_gid;
		vfsgid_t ia_vfsgid;
	};
	loff_t ia_size;
	struct timespec64 ia_atime;
	struct timespec64 ia_mtime;
	struct timespec64 ia_ctime;
	struct file *ia_file;
};

struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	void (*ki_complete)(struct kiocb *kio, long ret);
	void *private;
	int ki_flags;
	u16 ki_ioprio;
	union {
		struct wait_page_queue *ki_waitq;
		ssize_t (*dio_complete)(void *data);
	};
};

static inline bool is_sync_kiocb(struct kiocb *kiocb)
{
	return kiocb->ki_complete == NULL;
}

struct address_space_operations {
	int (*writepage)(struct page *page, struct writeback_control *wb_ctl);
	int (*read_folio)(struct file *fp, struct folio *fo);
	int (*writepages)(struct address_space *aspace,
			  struct writeback_control *wb_ctl);
	bool (*dirty_folio)(struct address_space *aspace, struct folio *fo);
	void (*readahead)(struct readahead_control *rac);
	int (*write_begin)(struct file *fp, struct address_space *aspace,
			   loff_t pos, unsigned int len, struct folio **foliop,
			   void **fsdata);
	int (*write_end)(struct file *fp, struct address_space *aspace,
			 loff_t pos, unsigned int len, unsigned int copied,
			 struct folio *fo, void *fsdata);
	sector_t (*bmap)(struct address_space *aspace, sector_t block);
	void (*invalidate_folio)(struct folio *fo, size_t offset, size_t len);
	bool (*release_folio)(struct folio *fo, gfp_t gfp);
	void (*free_folio)(struct folio *fo);
	ssize_t (*direct_IO)(struct kiocb *kio, struct iov_iter *iter);
	int (*migrate_folio)(struct address_space *aspace, struct folio *dst,
			     struct folio *src, enum migrate_mode umode);
	int (*launder_folio)(struct folio *fo);
	bool (*is_partially_uptodate)(struct folio *fo, size_t from,
				      size_t count);
	void (*is_dirty_writeback)(struct folio *fo, bool *dirty, bool *wb);
	int (*error_remove_folio)(struct address_space *aspace,
				  struct folio *fo);
	int (*swap_activate)(struct swap_info_struct *sis, struct file *fp,
			     sector_t *span);
	void (*swap_deactivate)(struct file *fp);
	int (*swap_rw)(struct kiocb *kio, struct iov_iter *iter);
};

extern const struct address_space_operations empty_aops;

/*
 * The page cache of one inode.  The kernel indexes pages with an xarray
 * (i_pages); kshim's page cache keeps its own index behind kshim_pages,
 * guarded by kshim_pages_lock.  Drivers never touch either.
 */
struct address_space {
	struct inode *host;
	spinlock_t kshim_pages_lock;
	void *kshim_pages;
	struct rw_semaphore invalidate_lock;
	gfp_t gfp_mask;
	atomic_t i_mmap_writable;
	unsigned long nrpages;
	pgoff_t writeback_index;
	const struct address_space_operations *a_ops;
	unsigned long flags;
	errseq_t wb_err;
	spinlock_t i_private_lock;
	struct list_head i_private_list;
	struct rw_semaphore i_mmap_rwsem;
	void *i_private_data;
} __attribute__((aligned(sizeof(long))));

/* mapping->flags bits (AS_*), low bits hold the errors */
enum mapping_flags {
	AS_EIO = 0,
	AS_ENOSPC = 1,
	AS_MM_ALL_LOCKS = 2,
	AS_UNEVICTABLE = 3,
	AS_EXITING = 4,
	AS_NO_WRITEBACK_TAGS = 5,
	AS_RELEASE_ALWAYS = 6,
	AS_STABLE_WRITES = 7,
	AS_INACCESSIBLE = 8,
	AS_FOLIO_ORDER_MIN = 16,
	AS_FOLIO_ORDER_MAX = 21,
};

struct inode {
	umode_t i_mode;
	unsigned short i_opflags;
	kuid_t i_uid;
	kgid_t i_gid;
	unsigned int i_flags;
	struct posix_acl *i_acl;
	struct posix_acl *i_default_acl;
	const struct inode_operations *i_op;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	void *i_security;
	unsigned long i_ino;
	union {
		const unsigned int i_nlink;
		unsigned int __i_nlink;
	};
	dev_t i_rdev;
	loff_t i_size;
	time64_t i_atime_sec;
	time64_t i_mtime_sec;
	time64_t i_ctime_sec;
	u32 i_atime_nsec;
	u32 i_mtime_nsec;
	u32 i_ctime_nsec;
	u32 i_generation;
	spinlock_t i_lock;	/* i_blocks, i_bytes, i_state */
	unsigned short i_bytes;
	u8 i_blkbits;
	enum rw_hint i_write_hint;
	blkcnt_t i_blocks;
	u32 i_state;
	struct rw_semaphore i_rwsem;
	unsigned long dirtied_when;	/* jiffies of first dirtying */
	unsigned long dirtied_time_when;
	struct hlist_node i_hash;
	struct list_head i_io_list;
	struct list_head i_lru;
	struct list_head i_sb_list;
	struct list_head i_wb_list;
	union {
		struct hlist_head i_dentry;
		struct rcu_head i_rcu;
	};
	atomic64_t i_version;
	atomic64_t i_sequence;
	atomic_t i_count;
	atomic_t i_dio_count;
	atomic_t i_writecount;
	atomic_t i_readcount;
	union {
		const struct file_operations *i_fop;
		void (*free_inode)(struct inode *ip);
	};
	struct file_lock_context *i_flctx;
	struct address_space i_data;
	struct list_head i_devices;
	union {
		struct pipe_inode_info *i_pipe;
		struct cdev *i_cdev;
		char *i_link;
		unsigned int i_dir_seq;
	};
	void *i_private;
};

/* linux/dcache.h reads the mode of a dentry's inode through this layout */
_Static_assert(offsetof(struct inode, i_mode) == 0, "i_mode must come first");

struct file_ra_state {
	pgoff_t start;
	unsigned int size;
	unsigned int async_size;
	unsigned int ra_pages;
	unsigned int mmap_miss;
	loff_t prev_pos;
};

struct file {
	atomic_long_t f_count;
	spinlock_t f_lock;
	fmode_t f_mode;
	const struct file_operations *f_op;
	struct address_space *f_mapping;
	void *private_data;
	struct inode *f_inode;
	unsigned int f_flags;
	unsigned int f_iocb_flags;
	const struct cred *f_cred;
	struct path f_path;
	struct mutex f_pos_lock;
	loff_t f_pos;
	void *f_security;
	struct fown_struct *f_owner;
	errseq_t f_wb_err;
	errseq_t f_sb_err;
	struct file_ra_state f_ra;
	u64 f_version;
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline struct dentry *file_dentry(const struct file *fp)
{
	return fp->f_path.dentry;
}

static inline struct mnt_idmap *file_mnt_idmap(const struct file *fp)
{
	return &nop_mnt_idmap;
}

static inline struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

void fput(struct file *fp);

struct dir_context;
typedef bool (*filldir_t)(struct dir_context *dctx, const char *name,
			  int namelen, loff_t offset, u64 ino,
			  unsigned int d_type);

struct dir_context {
	filldir_t actor;
	loff_t pos;
};

struct file_operations {
	struct module *owner;
	fop_flags_t fop_flags;
	loff_t (*llseek)(struct file *fp, loff_t offset, int whence);
	ssize_t (*read)(struct file *fp, char __user *buf, size_t len,
			loff_t *ppos);
	ssize_t (*write)(struct file *fp, const char __user *buf, size_t len,
			 loff_t *ppos);
	ssize_t (*read_iter)(struct kiocb *kio, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *kio, struct iov_iter *from);
	int (*iopoll)(struct kiocb *kiocb, struct io_comp_batch *iob,
		      unsigned int flags);
	int (*iterate_shared)(struct file *fp, struct dir_context *dctx);
	__poll_t (*poll)(struct file *fp, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *fp, unsigned int cmd,
			       unsigned long arg);
	long (*compat_ioctl)(struct file *fp, unsigned int cmd,
			     unsigned long arg);
	int (*mmap)(struct file *fp, struct vm_area_struct *vma);
	int (*open)(struct inode *ip, struct file *fp);
	int (*flush)(struct file *fp, fl_owner_t id);
	int (*release)(struct inode *ip, struct file *fp);
	int (*fsync)(struct file *fp, loff_t start, loff_t end, int datasync);
	int (*fasync)(int fd, struct file *fp, int on);
	int (*lock)(struct file *fp, int cmd, struct file_lock *fl);
	unsigned long (*get_unmapped_area)(struct file *fp,
					   unsigned long addr,
					   unsigned long len,
					   unsigned long pgoff,
					   unsigned long flags);
	int (*check_flags)(int flags);
	int (*flock)(struct file *fp, int cmd, struct file_lock *fl);
	ssize_t (*splice_write)(struct pipe_inode_info *pipe, struct file *out,
				loff_t *ppos, size_t len, unsigned int flags);
	ssize_t (*splice_read)(struct file *in, loff_t *ppos,
			       struct pipe_inode_info *pipe, size_t len,
			       unsigned int flags);
	void (*splice_eof)(struct file *fp);
	int (*setlease)(struct file *fp, int arg, struct file_lease **lease,
			void **priv);
	long (*fallocate)(struct file *fp, int umode, loff_t offset,
			  loff_t len);
	void (*show_fdinfo)(struct seq_file *m, struct file *f);
	ssize_t (*copy_file_range)(struct file *in, loff_t pos_in,
				   struct file *out, loff_t pos_out,
				   size_t len, unsigned int flags);
	loff_t (*remap_file_range)(struct file *file_in, loff_t pos_in,
				   struct file *file_out, loff_t pos_out,
				   loff_t len, unsigned int remap_flags);
	int (*fadvise)(struct file *fp, loff_t offset, loff_t len,
		       int advice);
};

struct inode_operations {
	struct dentry *(*lookup)(struct inode *dir, struct dentry *de,
				 unsigned int flags);
	const char *(*get_link)(struct dentry *de, struct inode *ip,
				struct delayed_call *done);
	int (*permission)(struct mnt_idmap *imap, struct inode *ip,
			  int mask);
	struct posix_acl *(*get_inode_acl)(struct inode *ip, int type,
					   bool rcu);
	int (*readlink)(struct dentry *de, char __user *buf, int len);
	int (*create)(struct mnt_idmap *imap, struct inode *dir,
		      struct dentry *de, umode_t umode, bool excl);
	int (*link)(struct dentry *old_dentry, struct inode *dir,
		    struct dentry *de);
	int (*unlink)(struct inode *dir, struct dentry *de);
	int (*symlink)(struct mnt_idmap *imap, struct inode *dir,
		       struct dentry *de, const char *symname);
	int (*mkdir)(struct mnt_idmap *imap, struct inode *dir,
		     struct dentry *de, umode_t umode);
	int (*rmdir)(struct inode *dir, struct dentry *de);
	int (*mknod)(struct mnt_idmap *imap, struct inode *dir,
		     struct dentry *de, umode_t umode, dev_t rdev);
	int (*rename)(struct mnt_idmap *imap, struct inode *old_dir,
		      struct dentry *old_dentry, struct inode *new_dir,
		      struct dentry *new_dentry, unsigned int flags);
	int (*setattr)(struct mnt_idmap *imap, struct dentry *de,
		       struct iattr *ia);
	int (*getattr)(struct mnt_idmap *imap, const struct path *path,
		       struct kstat *ks, u32 request_mask,
		       unsigned int query_flags);
	ssize_t (*listxattr)(struct dentry *de, char *list, size_t size);
	int (*fiemap)(struct inode *ip, struct fiemap_extent_info *fieinfo,
		      u64 start, u64 len);
	int (*update_time)(struct inode *ip, int flags);
	int (*atomic_open)(struct inode *dir, struct dentry *de,
			   struct file *fp, unsigned int open_flag,
			   umode_t create_mode);
	int (*tmpfile)(struct mnt_idmap *imap, struct inode *dir,
		       struct file *fp, umode_t umode);
	struct posix_acl *(*get_acl)(struct mnt_idmap *imap,
				     struct dentry *de, int type);
	int (*set_acl)(struct mnt_idmap *imap, struct dentry *de,
		       struct posix_acl *acl, int type);
	int (*fileattr_set)(struct mnt_idmap *imap, struct dentry *de,
			    struct fileattr *fa);
	int (*fileattr_get)(struct dentry *de, struct fileattr *fa);
	struct offset_ctx *(*get_offset_ctx)(struct inode *ip);
} ____cacheline_aligned;

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sbp);
	void (*destroy_inode)(struct inode *ip);
	void (*free_inode)(struct inode *ip);
	void (*dirty_inode)(struct inode *ip, int flags);
	int (*write_inode)(struct inode *ip, struct writeback_control *wb_ctl);
	int (*drop_inode)(struct inode *ip);
	void (*evict_inode)(struct inode *ip);
	void (*put_super)(struct super_block *sbp);
	int (*sync_fs)(struct super_block *sbp, int wait);
	int (*freeze_super)(struct super_block *sbp, enum freeze_holder who);
	int (*freeze_fs)(struct super_block *sbp);
	int (*thaw_super)(struct super_block *sbp, enum freeze_holder who);
	int (*unfreeze_fs)(struct super_block *sbp);
	int (*statfs)(struct dentry *de, struct kstatfs *buf);
	int (*remount_fs)(struct super_block *sbp, int *flags, char *data);
	void (*umount_begin)(struct super_block *sbp);
	int (*show_options)(struct seq_file *m, struct dentry *root);
	int (*show_devname)(struct seq_file *m, struct dentry *root);
	int (*show_path)(struct seq_file *m, struct dentry *root);
	int (*show_stats)(struct seq_file *m, struct dentry *root);
	long (*nr_cached_objects)(struct super_block *sbp,
				  struct shrink_control *sc);
	long (*free_cached_objects)(struct super_block *sbp,
				    struct shrink_control *sc);
	void (*shutdown)(struct super_block *sbp);
};

struct file_system_type {
	const char *name;
	int fs_flags;
	int (*init_fs_context)(struct fs_context *fc);
	const struct fs_parameter_spec *parameters;
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sbp);
	struct module *owner;
	struct file_system_type *next;
	struct hlist_head fs_supers;
};

/*
 * Freeze protection.  The kernel uses one percpu rw semaphore per level;
 * kshim uses one rw_semaphore per level with the same protocol: writers
 * to the filesystem hold their level shared, freezing takes the levels
 * exclusively in order.
 */
struct sb_writers {
	unsigned short frozen;
	int freeze_kcount;
	int freeze_ucount;
	struct rw_semaphore rw_sem[SB_FREEZE_LEVELS];
};

struct super_block {
	struct list_head s_list;
	dev_t s_dev;
	unsigned char s_blocksize_bits;
	unsigned long s_blocksize;
	loff_t s_maxbytes;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	const struct dquot_operations *dq_op;
	const struct quotactl_ops *s_qcop;
	const struct export_operations *s_export_op;
	unsigned long s_flags;
	unsigned long s_iflags;
	unsigned long s_magic;
	struct dentry *s_root;
	struct rw_semaphore s_umount;
	int s_count;
	atomic_t s_active;
	void *s_security;
	const struct xattr_handler *const *s_xattr;
	struct list_head s_mounts;
	struct block_device *s_bdev;
	struct file *s_bdev_file;
	struct backing_dev_info *s_bdi;
	struct hlist_node s_instances;
	unsigned int s_quota_types;
	struct quota_info s_dquot;
	struct sb_writers s_writers;
	void *s_fs_info;
	u32 s_time_gran;
	time64_t s_time_min;
	time64_t s_time_max;
	char s_id[32];
	uuid_t s_uuid;
	u8 s_uuid_len;
	char s_sysfs_name[36 + 1];
	unsigned int s_max_links;
	struct mutex s_vfs_rename_mutex;
	const char *s_subtype;
	const struct dentry_operations *s_d_op;
	struct shrinker *s_shrink;
	atomic_long_t s_remove_count;
	int s_readonly_remount;
	errseq_t s_wb_err;
	struct workqueue_struct *s_dio_done_wq;
	struct user_namespace *s_user_ns;
	struct list_head s_dentry_lru;	/* kshim: unused dentries */
	struct list_head s_inode_lru;	/* kshim: unused inodes */
	spinlock_t s_lru_lock;		/* kshim: both LRUs */
	struct rcu_head rcu;
	struct mutex s_sync_lock;
	int s_stack_depth;
	spinlock_t s_inode_list_lock;
	struct list_head s_inodes;
	spinlock_t s_inode_wblist_lock;
	struct list_head s_inodes_wb;
};

static inline bool sb_rdonly(const struct super_block *sbp)
{
	return sbp->s_flags & SB_RDONLY;
}

#define IS_RDONLY(ip) sb_rdonly((ip)->i_sb)
#define __IS_FLG(ip, flg) (((ip)->i_sb->s_flags & (flg)) != 0)
#define IS_SYNC(ip) (__IS_FLG(ip, SB_SYNCHRONOUS) ||                 \
			((ip)->i_flags & S_SYNC))
#define IS_DIRSYNC(ip) (__IS_FLG(ip, SB_SYNCHRONOUS | SB_DIRSYNC) ||  \
			   ((ip)->i_flags & (S_SYNC | S_DIRSYNC)))
#define IS_MANDLOCK(ip) __IS_FLG(ip, SB_MANDLOCK)
#define IS_NOATIME(ip) __IS_FLG(ip, SB_RDONLY | SB_NOATIME)
#define IS_I_VERSION(ip) __IS_FLG(ip, SB_I_VERSION)
#define IS_NOQUOTA(ip) ((ip)->i_flags & S_NOQUOTA)
#define IS_APPEND(ip) ((ip)->i_flags & S_APPEND)
#define IS_IMMUTABLE(ip) ((ip)->i_flags & S_IMMUTABLE)
#define IS_POSIXACL(ip) __IS_FLG(ip, SB_POSIXACL)
#define IS_DEADDIR(ip) ((ip)->i_flags & S_DEAD)
#define IS_NOCMTIME(ip) ((ip)->i_flags & S_NOCMTIME)
#define IS_SWAPFILE(ip) ((ip)->i_flags & S_SWAPFILE)
#define IS_PRIVATE(ip) ((ip)->i_flags & S_PRIVATE)
#define IS_IMA(ip) ((ip)->i_flags & S_IMA)
#define IS_AUTOMOUNT(ip) ((ip)->i_flags & S_AUTOMOUNT)
#define IS_NOSEC(ip) ((ip)->i_flags & S_NOSEC)
#define IS_DAX(ip) 0
#define IS_ENCRYPTED(ip) ((ip)->i_flags & S_ENCRYPTED)
#define IS_CASEFOLDED(ip) ((ip)->i_flags & S_CASEFOLD)
#define IS_VERITY(ip) ((ip)->i_flags & S_VERITY)
#define IS_WHITEOUT(ip)                                                  \
	(S_ISCHR((ip)->i_mode) && (ip)->i_rdev == WHITEOUT_DEV)

static inline bool HAS_UNMAPPED_ID(struct mnt_idmap *imap,
				   struct inode *ip)
{
	return !uid_valid(ip->i_uid) || !gid_valid(ip->i_gid);
}

/* --- ids ---------------------------------------------------------------- */

static inline struct user_namespace *i_user_ns(const struct inode *ip)
{
	return ip->i_sb->s_user_ns ? ip->i_sb->s_user_ns : &init_user_ns;
}

static inline uid_t i_uid_read(const struct inode *ip)
{
	return from_kuid(i_user_ns(ip), ip->i_uid);
}

static inline gid_t i_gid_read(const struct inode *ip)
{
	return from_kgid(i_user_ns(ip), ip->i_gid);
}

static inline void i_uid_write(struct inode *ip, uid_t uid)
{
	ip->i_uid = make_kuid(i_user_ns(ip), uid);
}

static inline void i_gid_write(struct inode *ip, gid_t gid)
{
	ip->i_gid = make_kgid(i_user_ns(ip), gid);
}

static inline vfsuid_t i_uid_into_vfsuid(struct mnt_idmap *imap,
					 const struct inode *ip)
{
	return make_vfsuid(imap, i_user_ns(ip), ip->i_uid);
}

static inline vfsgid_t i_gid_into_vfsgid(struct mnt_idmap *imap,
					 const struct inode *ip)
{
	return make_vfsgid(imap, i_user_ns(ip), ip->i_gid);
}

/* does the ATTR_UID change in @ia differ from what @ip holds? */
static inline bool i_uid_needs_update(struct mnt_idmap *imap,
				      const struct iattr *ia,
				      const struct inode *ip)
{
	if (!(ia->ia_valid & ATTR_UID))
		return false;
	return !vfsuid_eq(ia->ia_vfsuid, i_uid_into_vfsuid(imap, ip));
}

static inline bool i_gid_needs_update(struct mnt_idmap *imap,
				      const struct iattr *ia,
				      const struct inode *ip)
{
	if (!(ia->ia_valid & ATTR_GID))
		return false;
	return !vfsgid_eq(ia->ia_vfsgid, i_gid_into_vfsgid(imap, ip));
}

static inline void i_uid_update(struct mnt_idmap *imap,
				const struct iattr *ia, struct inode *ip)
{
	if (ia->ia_valid & ATTR_UID)
		ip->i_uid = from_vfsuid(imap, i_user_ns(ip),
					   ia->ia_vfsuid);
}

static inline void i_gid_update(struct mnt_idmap *imap,
				const struct iattr *ia, struct inode *ip)
{
	if (ia->ia_valid & ATTR_GID)
		ip->i_gid = from_vfsgid(imap, i_user_ns(ip),
					   ia->ia_vfsgid);
}

static inline void inode_fsuid_set(struct inode *ip,
				   struct mnt_idmap *imap)
{
	ip->i_uid = current_fsuid();
}

static inline void inode_fsgid_set(struct inode *ip,
				   struct mnt_idmap *imap)
{
	ip->i_gid = current_fsgid();
}

/* --- sizes, locks, blocks ----------------------------------------------- */

static inline unsigned int i_blocksize(const struct inode *ip)
{
	return 1U << ip->i_blkbits;
}

static inline int inode_unhashed(struct inode *ip)
{
	return hlist_unhashed(&ip->i_hash);
}

static inline void inode_fake_hash(struct inode *ip)
{
	hlist_add_fake(&ip->i_hash);
}

/*
 * i_size is one aligned 64-bit word: a reader sees either the old or the
 * new size, never a mix, and a reader that sees the new size also sees
 * the page-cache contents written before the size was published.
 */
static inline loff_t i_size_read(const struct inode *ip)
{
	return __atomic_load_n(&ip->i_size, __ATOMIC_ACQUIRE);
}

static inline void i_size_write(struct inode *ip, loff_t i_size)
{
	__atomic_store_n(&ip->i_size, i_size, __ATOMIC_RELEASE);
}

static inline unsigned int iminor(const struct inode *ip)
{
	return MINOR(ip->i_rdev);
}

static inline unsigned int imajor(const struct inode *ip)
{
	return MAJOR(ip->i_rdev);
}

enum inode_i_mutex_lock_class {
	I_MUTEX_NORMAL,
	I_MUTEX_PARENT,
	I_MUTEX_CHILD,
	I_MUTEX_XATTR,
	I_MUTEX_NONDIR2,
	I_MUTEX_PARENT2,
};

static inline void inode_lock(struct inode *ip)
{
	down_write(&ip->i_rwsem);
}

static inline void inode_unlock(struct inode *ip)
{
	up_write(&ip->i_rwsem);
}

static inline void inode_lock_shared(struct inode *ip)
{
	down_read(&ip->i_rwsem);
}

static inline void inode_unlock_shared(struct inode *ip)
{
	up_read(&ip->i_rwsem);
}

static inline int inode_trylock(struct inode *ip)
{
	return down_write_trylock(&ip->i_rwsem);
}

static inline int inode_trylock_shared(struct inode *ip)
{
	return down_read_trylock(&ip->i_rwsem);
}

static inline int inode_is_locked(struct inode *ip)
{
	return rwsem_is_locked(&ip->i_rwsem);
}

static inline void inode_lock_nested(struct inode *ip,
				     unsigned int subclass)
{
	down_write(&ip->i_rwsem);
}

static inline void inode_lock_shared_nested(struct inode *ip,
					    unsigned int subclass)
{
	down_read(&ip->i_rwsem);
}

static inline int inode_lock_killable(struct inode *ip)
{
	inode_lock(ip);
	return 0;
}

static inline int inode_lock_shared_killable(struct inode *ip)
{
	inode_lock_shared(ip);
	return 0;
}

static inline void filemap_invalidate_lock(struct address_space *aspace)
{
	down_write(&aspace->invalidate_lock);
}

static inline void filemap_invalidate_unlock(struct address_space *aspace)
{
	up_write(&aspace->invalidate_lock);
}

static inline void filemap_invalidate_lock_shared(struct address_space *aspace)
{
	down_read(&aspace->invalidate_lock);
}

static inline int
filemap_invalidate_trylock_shared(struct address_space *aspace)
{
	return down_read_trylock(&aspace->invalidate_lock);
}

static inline void
filemap_invalidate_unlock_shared(struct address_space *aspace)
{
	up_read(&aspace->invalidate_lock);
}

void lock_two_nondirectories(struct inode *a, struct inode *b);
void unlock_two_nondirectories(struct inode *a, struct inode *b);

static inline void i_mmap_lock_write(struct address_space *aspace)
{
	down_write(&aspace->i_mmap_rwsem);
}

static inline void i_mmap_unlock_write(struct address_space *aspace)
{
	up_write(&aspace->i_mmap_rwsem);
}

static inline void i_mmap_lock_read(struct address_space *aspace)
{
	down_read(&aspace->i_mmap_rwsem);
}

static inline void i_mmap_unlock_read(struct address_space *aspace)
{
	up_read(&aspace->i_mmap_rwsem);
}

/* kshim has no user mappings of file pages */
static inline int mapping_mapped(struct address_space *aspace)
{
	return 0;
}

static inline int mapping_writably_mapped(struct address_space *aspace)
{
	return 0;
}

/* --- timestamps --------------------------------------------------------- */

static inline time64_t inode_get_atime_sec(const struct inode *ip)
{
	return ip->i_atime_sec;
}

static inline long inode_get_atime_nsec(const struct inode *ip)
{
	return ip->i_atime_nsec;
}

static inline struct timespec64 inode_get_atime(const struct inode *ip)
{
	struct timespec64 ts = {
		.tv_sec = inode_get_atime_sec(ip),
		.tv_nsec = inode_get_atime_nsec(ip),
	};

	return ts;
}

static inline struct timespec64 inode_set_atime_to_ts(struct inode *ip,
						      struct timespec64 ts)
{
	ip->i_atime_sec = ts.tv_sec;
	ip->i_atime_nsec = ts.tv_nsec;
	return ts;
}

static inline struct timespec64 inode_set_atime(struct inode *ip,
						time64_t sec, long nsec)
{
	struct timespec64 ts = { .tv_sec = sec, .tv_nsec = nsec };

	return inode_set_atime_to_ts(ip, ts);
}

static inline time64_t inode_get_mtime_sec(const struct inode *ip)
{
	return ip->i_mtime_sec;
}

static inline long inode_get_mtime_nsec(const struct inode *ip)
{
	return ip->i_mtime_nsec;
}

static inline struct timespec64 inode_get_mtime(const struct inode *ip)
{
	struct timespec64 ts = {
		.tv_sec = inode_get_mtime_sec(ip),
		.tv_nsec = inode_get_mtime_nsec(ip),
	};

	return ts;
}

static inline struct timespec64 inode_set_mtime_to_ts(struct inode *ip,
						      struct timespec64 ts)
{
	ip->i_mtime_sec = ts.tv_sec;
	ip->i_mtime_nsec = ts.tv_nsec;
	return ts;
}

static inline struct timespec64 inode_set_mtime(struct inode *ip,
						time64_t sec, long nsec)
{
	struct timespec64 ts = { .tv_sec = sec, .tv_nsec = nsec };

	return inode_set_mtime_to_ts(ip, ts);
}

static inline time64_t inode_get_ctime_sec(const struct inode *ip)
{
	return ip->i_ctime_sec;
}

static inline long inode_get_ctime_nsec(const struct inode *ip)
{
	return ip->i_ctime_nsec;
}

static inline struct timespec64 inode_get_ctime(const struct inode *ip)
{
	struct timespec64 ts = {
		.tv_sec = inode_get_ctime_sec(ip),
		.tv_nsec = inode_get_ctime_nsec(ip),
	};

	return ts;
}

static inline struct timespec64 inode_set_ctime_to_ts(struct inode *ip,
						      struct timespec64 ts)
{
	ip->i_ctime_sec = ts.tv_sec;
	ip->i_ctime_nsec = ts.tv_nsec;
	return ts;
}

static inline struct timespec64 inode_set_ctime(struct inode *ip,
						time64_t sec, long nsec)
{
	struct timespec64 ts = { .tv_sec = sec, .tv_nsec = nsec };

	return inode_set_ctime_to_ts(ip, ts);
}

struct timespec64 current_time(struct inode *ip);
struct timespec64 inode_set_ctime_current(struct inode *ip);
struct timespec64 simple_inode_init_ts(struct inode *ip);
struct timespec64 timestamp_truncate(struct timespec64 t,
				     struct inode *ip);
int inode_update_time(struct inode *ip, int flags);
int generic_update_time(struct inode *ip, int flags);
void touch_atime(const struct path *path);
int file_update_time(struct file *fp);
int file_modified(struct file *fp);
int kiocb_modified(struct kiocb *kio);
int file_remove_privs(struct file *fp);

static inline void file_accessed(struct file *fp)
{
	if (!(fp->f_flags & O_NOATIME))
		touch_atime(&fp->f_path);
}

/* --- freeze protection -------------------------------------------------- */

static inline void __sb_start_write(struct super_block *sbp, int level)
{
	down_read(&sbp->s_writers.rw_sem[level - 1]);
}

static inline bool __sb_start_write_trylock(struct super_block *sbp, int level)
{
	return down_read_trylock(&sbp->s_writers.rw_sem[level - 1]);
}

static inline void __sb_end_write(struct super_block *sbp, int level)
{
	up_read(&sbp->s_writers.rw_sem[level - 1]);
}

static inline void sb_start_write(struct super_block *sbp)
{
	__sb_start_write(sbp, SB_FREEZE_WRITE);
}

static inline bool sb_start_write_trylock(struct super_block *sbp)
{
	return __sb_start_write_trylock(sbp, SB_FREEZE_WRITE);
}

static inline void sb_end_write(struct super_block *sbp)
{
	__sb_end_write(sbp, SB_FREEZE_WRITE);
}

static inline void sb_start_pagefault(struct super_block *sbp)
{
	__sb_start_write(sbp, SB_FREEZE_PAGEFAULT);
}

static inline void sb_end_pagefault(struct super_block *sbp)
{
	__sb_end_write(sbp, SB_FREEZE_PAGEFAULT);
}

static inline void sb_start_intwrite(struct super_block *sbp)
{
	__sb_start_write(sbp, SB_FREEZE_FS);
}

static inline bool sb_start_intwrite_trylock(struct super_block *sbp)
{
	return __sb_start_write_trylock(sbp, SB_FREEZE_FS);
}

static inline void sb_end_intwrite(struct super_block *sbp)
{
	__sb_end_write(sbp, SB_FREEZE_FS);
}

static inline void file_start_write(struct file *fp)
{
	if (S_ISREG(file_inode(fp)->i_mode))
		sb_start_write(file_inode(fp)->i_sb);
}

static inline void file_end_write(struct file *fp)
{
	if (S_ISREG(file_inode(fp)->i_mode))
		sb_end_write(file_inode(fp)->i_sb);
}

int freeze_super(struct super_block *sbp, enum freeze_holder who);
int thaw_super(struct super_block *sbp, enum freeze_holder who);

/* --- dirtying, link counts ---------------------------------------------- */

void __mark_inode_dirty(struct inode *ip, int flags);

static inline void mark_inode_dirty(struct inode *ip)
{
	__mark_inode_dirty(ip, I_DIRTY);
}

static inline void mark_inode_dirty_sync(struct inode *ip)
{
	__mark_inode_dirty(ip, I_DIRTY_SYNC);
}

static inline bool inode_is_dirtytime_only(struct inode *ip)
{
	return (ip->i_state &
		(I_DIRTY_TIME | I_NEW | I_FREEING | I_WILL_FREE)) == I_DIRTY_TIME;
}

void inc_nlink(struct inode *ip);
void drop_nlink(struct inode *ip);
void clear_nlink(struct inode *ip);
void set_nlink(struct inode *ip, unsigned int nlink);

static inline void inode_inc_link_count(struct inode *ip)
{
	inc_nlink(ip);
	mark_inode_dirty(ip);
}

static inline void inode_dec_link_count(struct inode *ip)
{
	drop_nlink(ip);
	mark_inode_dirty(ip);
}

static inline bool inode_needs_sync(struct inode *ip)
{
	if (IS_SYNC(ip))
		return true;
	return S_ISDIR(ip->i_mode) && IS_DIRSYNC(ip);
}

static inline void inode_set_flags(struct inode *ip, unsigned int flags,
				   unsigned int mask)
{
	unsigned int old = READ_ONCE(ip->i_flags);

	WARN_ON_ONCE(flags & ~mask);
	/* other bits may change concurrently: replace only @mask's bits */
	while (!__atomic_compare_exchange_n(&ip->i_flags, &old,
					    (old & ~mask) | flags, false,
					    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
		;
}

static inline bool is_sxid(umode_t umode)
{
	return umode & (S_ISUID | S_ISGID);
}

static inline void inode_has_no_xattr(struct inode *ip)
{
	if (!is_sxid(ip->i_mode) && (ip->i_sb->s_flags & SB_NOSEC))
		ip->i_flags |= S_NOSEC;
}

static inline bool inode_wrong_type(const struct inode *ip, umode_t umode)
{
	return (ip->i_mode ^ umode) & S_IFMT;
}

static inline bool is_root_inode(struct inode *ip)
{
	return ip == ip->i_sb->s_root->d_inode;
}

static inline bool is_dot_dotdot(const char *name, size_t len)
{
	if (len == 1)
		return name[0] == '.';
	return len == 2 && name[0] == '.' && name[1] == '.';
}

static inline bool is_zero_ino(ino_t ino)
{
	return (u32)ino == 0;
}

/* --- inode cache (fs/inode.c) ------------------------------------------- */

void inode_init_once(struct inode *ip);
int inode_init_always(struct super_block *sbp, struct inode *ip);
void address_space_init_once(struct address_space *aspace);
struct inode *new_inode(struct super_block *sbp);
struct inode *iget_locked(struct super_block *sbp, unsigned long ino);
struct inode *iget5_locked(struct super_block *sbp, unsigned long hashval,
			   int (*test)(struct inode *, void *),
			   int (*set)(struct inode *, void *), void *data);
struct inode *ilookup(struct super_block *sbp, unsigned long ino);
struct inode *ilookup5(struct super_block *sbp, unsigned long hashval,
		       int (*test)(struct inode *, void *), void *data);
struct inode *ilookup5_nowait(struct super_block *sbp, unsigned long hashval,
			      int (*test)(struct inode *, void *), void *data);
struct inode *inode_insert5(struct inode *ip, unsigned long hashval,
			    int (*test)(struct inode *, void *),
			    int (*set)(struct inode *, void *), void *data);
struct inode *new_inode_pseudo(struct super_block *sbp);
struct inode *igrab(struct inode *ip);
void ihold(struct inode *ip);
void iput(struct inode *ip);
void __iget(struct inode *ip);
void iget_failed(struct inode *ip);
void unlock_new_inode(struct inode *ip);
void discard_new_inode(struct inode *ip);
int insert_inode_locked(struct inode *ip);
void __insert_inode_hash(struct inode *ip, unsigned long hashval);
void __remove_inode_hash(struct inode *ip);
void clear_inode(struct inode *ip);
void make_bad_inode(struct inode *ip);
bool is_bad_inode(struct inode *ip);
int generic_delete_inode(struct inode *ip);
int generic_drop_inode(struct inode *ip);
void evict_inodes(struct super_block *sbp);
void inode_nohighmem(struct inode *ip);
void init_special_inode(struct inode *ip, umode_t umode, dev_t rdev);
void inode_init_owner(struct mnt_idmap *imap, struct inode *ip,
		      const struct inode *dir, umode_t umode);
bool inode_owner_or_capable(struct mnt_idmap *imap,
			    const struct inode *ip);
void inode_dio_wait(struct inode *ip);
void inode_add_bytes(struct inode *ip, loff_t bytes);
void __inode_add_bytes(struct inode *ip, loff_t bytes);
void inode_sub_bytes(struct inode *ip, loff_t bytes);
void __inode_sub_bytes(struct inode *ip, loff_t bytes);
loff_t inode_get_bytes(struct inode *ip);
void inode_set_bytes(struct inode *ip, loff_t bytes);
void free_inode_nonrcu(struct inode *ip);
int inode_permission(struct mnt_idmap *imap, struct inode *ip, int mask);
int generic_permission(struct mnt_idmap *imap, struct inode *ip,
		       int mask);
int sync_inode_metadata(struct inode *ip, int wait);
int write_inode_now(struct inode *ip, int sync);
int sync_filesystem(struct super_block *sbp);
int vfs_fsync_range(struct file *fp, loff_t start, loff_t end,
		    int datasync);
int vfs_fsync(struct file *fp, int datasync);

static inline void insert_inode_hash(struct inode *ip)
{
	__insert_inode_hash(ip, ip->i_ino);
}

static inline void remove_inode_hash(struct inode *ip)
{
	if (!inode_unhashed(ip) && !hlist_fake(&ip->i_hash))
		__remove_inode_hash(ip);
}

static inline void inode_dio_begin(struct inode *ip)
{
	atomic_inc(&ip->i_dio_count);
}

void inode_dio_end(struct inode *ip);

static inline loff_t __inode_get_bytes(struct inode *ip)
{
	return (((loff_t)ip->i_blocks) << 9) + ip->i_bytes;
}

/*
 * Allocation of a filesystem's inode object from its cache.  The kernel
 * also charges it to the super block's LRU (memcg); kshim has no memcg.
 */
#define alloc_inode_sb(sbp, cache, gfp) kmem_cache_alloc(cache, gfp)

/* --- files and I/O ------------------------------------------------------ */

static inline int iocb_flags(struct file *fp)
{
	int res = 0;

	if (fp->f_flags & O_APPEND)
		res |= IOCB_APPEND;
	if (fp->f_flags & O_DIRECT)
		res |= IOCB_DIRECT;
	if (fp->f_flags & O_DSYNC)
		res |= IOCB_DSYNC;
	if (fp->f_flags & __O_SYNC)
		res |= IOCB_SYNC;
	return res;
}

static inline void init_sync_kiocb(struct kiocb *kiocb, struct file *filp)
{
	*kiocb = (struct kiocb){
		.ki_filp = filp,
		.ki_flags = filp->f_iocb_flags,
	};
}

static inline bool iocb_is_dsync(const struct kiocb *kio)
{
	return (kio->ki_flags & IOCB_DSYNC) ||
	       IS_SYNC(kio->ki_filp->f_mapping->host);
}

/*
 * After a buffered write of @count bytes: for O_SYNC/O_DSYNC writers,
 * flush the written range and return its error instead of the count.
 */
static inline ssize_t generic_write_sync(struct kiocb *kio, ssize_t count)
{
	if (count > 0 && iocb_is_dsync(kio)) {
		int ret = vfs_fsync_range(kio->ki_filp,
					  kio->ki_pos - count,
					  kio->ki_pos - 1,
					  (kio->ki_flags & IOCB_SYNC) ? 0 : 1);

		if (ret)
			return ret;
	}
	return count;
}

loff_t generic_file_llseek(struct file *fp, loff_t offset, int whence);
loff_t generic_file_llseek_size(struct file *fp, loff_t offset,
				int whence, loff_t maxsize, loff_t eof);
loff_t generic_llseek_cookie(struct file *fp, loff_t offset, int whence,
			     u64 *cookie);
loff_t vfs_setpos(struct file *fp, loff_t offset, loff_t maxsize);
loff_t default_llseek(struct file *fp, loff_t offset, int whence);
loff_t vfs_llseek(struct file *fp, loff_t offset, int whence);
int vfs_statfs(const struct path *path, struct kstatfs *buf);
loff_t no_llseek(struct file *fp, loff_t offset, int whence);
ssize_t generic_file_read_iter(struct kiocb *kio, struct iov_iter *iter);
ssize_t generic_file_write_iter(struct kiocb *kio, struct iov_iter *from);
ssize_t __generic_file_write_iter(struct kiocb *kio, struct iov_iter *from);
ssize_t generic_write_checks(struct kiocb *kio, struct iov_iter *from);
int generic_write_check_limits(struct file *fp, loff_t pos, loff_t *count);
ssize_t generic_perform_write(struct kiocb *kio, struct iov_iter *i);
ssize_t generic_read_dir(struct file *fp, char __user *buf, size_t siz,
			 loff_t *ppos);
int generic_file_mmap(struct file *fp, struct vm_area_struct *vma);
int generic_file_readonly_mmap(struct file *fp, struct vm_area_struct *vma);
int generic_file_open(struct inode *ip, struct file *filp);
int generic_file_fsync(struct file *fp, loff_t start, loff_t end,
		       int datasync);
int generic_buffers_fsync(struct file *fp, loff_t start, loff_t end,
			  bool datasync);
int generic_buffers_fsync_noflush(struct file *fp, loff_t start,
				  loff_t end, bool datasync);
ssize_t filemap_splice_read(struct file *in, loff_t *ppos,
			    struct pipe_inode_info *pipe, size_t len,
			    unsigned int flags);
ssize_t iter_file_splice_write(struct pipe_inode_info *pipe,
			       struct file *out, loff_t *ppos, size_t len,
			       unsigned int flags);
int noop_fsync(struct file *fp, loff_t start, loff_t end, int datasync);
ssize_t noop_direct_IO(struct kiocb *kio, struct iov_iter *iter);
bool noop_dirty_folio(struct address_space *aspace, struct folio *fo);
int finish_open(struct file *fp, struct dentry *de,
		int (*open)(struct inode *, struct file *));
int finish_no_open(struct file *fp, struct dentry *de);

/* ->tmpfile completes the open on the new dentry; @error passes through */
static inline int finish_open_simple(struct file *fp, int error)
{
	if (error)
		return error;
	return finish_open(fp, fp->f_path.dentry, NULL);
}

int setattr_prepare(struct mnt_idmap *imap, struct dentry *de,
		    struct iattr *ia);
int inode_newsize_ok(const struct inode *ip, loff_t offset);
void setattr_copy(struct mnt_idmap *imap, struct inode *ip,
		  const struct iattr *ia);
int notify_change(struct mnt_idmap *imap, struct dentry *de,
		  struct iattr *ia, struct inode **delegated_inode);
void generic_fillattr(struct mnt_idmap *imap, u32 request_mask,
		      struct inode *ip, struct kstat *ks);
void generic_fill_statx_attr(struct inode *ip, struct kstat *ks);
int vfs_getattr(const struct path *path, struct kstat *ks,
		u32 request_mask, unsigned int query_flags);

sector_t bmap(struct inode *ip, sector_t *block);
int generic_fiemap(struct inode *ip, struct fiemap_extent_info *fieinfo,
		   u64 start, u64 len);

/* --- directories -------------------------------------------------------- */

/*
 * Report one directory entry to the caller's actor; false means the
 * caller's buffer is full and iteration must stop at ctx->pos.
 */
static inline bool dir_emit(struct dir_context *dctx, const char *name,
			    int namelen, u64 ino, unsigned int type)
{
	return dctx->actor(dctx, name, namelen, dctx->pos, ino, type);
}

static inline bool dir_emit_dot(struct file *fp, struct dir_context *dctx)
{
	return dctx->actor(dctx, ".", 1, dctx->pos,
			  fp->f_path.dentry->d_inode->i_ino, DT_DIR);
}

static inline bool dir_emit_dotdot(struct file *fp, struct dir_context *dctx)
{
	return dctx->actor(dctx, "..", 2, dctx->pos,
			  d_parent_ino(fp->f_path.dentry), DT_DIR);
}

/* emit "." at position 0 and ".." at 1, advancing ctx->pos past each */
static inline bool dir_emit_dots(struct file *fp, struct dir_context *dctx)
{
	if (dctx->pos == 0) {
		if (!dir_emit_dot(fp, dctx))
			return false;
		dctx->pos = 1;
	}
	if (dctx->pos == 1) {
		if (!dir_emit_dotdot(fp, dctx))
			return false;
		dctx->pos = 2;
	}
	return true;
}

int iterate_dir(struct file *fp, struct dir_context *dctx);

/* --- links -------------------------------------------------------------- */

const char *page_get_link(struct dentry *de, struct inode *ip,
			  struct delayed_call *callback);
void page_put_link(void *arg);
int page_symlink(struct inode *ip, const char *symname, int len);
const char *simple_get_link(struct dentry *de, struct inode *ip,
			    struct delayed_call *done);
int vfs_readlink(struct dentry *de, char __user *buffer, int buflen);
extern const struct inode_operations page_symlink_inode_operations;
extern const struct inode_operations simple_symlink_inode_operations;

/* --- super blocks ------------------------------------------------------- */

int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);

struct dentry *mount_bdev(struct file_system_type *fs_type, int flags,
			  const char *dev_name, void *data,
			  int (*fill_super)(struct super_block *, void *, int));
struct dentry *mount_nodev(struct file_system_type *fs_type, int flags,
			   void *data,
			   int (*fill_super)(struct super_block *, void *, int));
void kill_block_super(struct super_block *sbp);
void kill_anon_super(struct super_block *sbp);
void kill_litter_super(struct super_block *sbp);
void generic_shutdown_super(struct super_block *sbp);
void deactivate_super(struct super_block *sbp);
void deactivate_locked_super(struct super_block *sbp);
int sb_set_blocksize(struct super_block *sbp, int size);
int sb_min_blocksize(struct super_block *sbp, int size);
void super_setup_bdi(struct super_block *sbp);

static inline void super_set_uuid(struct super_block *sbp, const u8 *uuid,
				  unsigned int len)
{
	if (WARN_ON(len > sizeof(sbp->s_uuid)))
		len = sizeof(sbp->s_uuid);
	sbp->s_uuid_len = len;
	memcpy(&sbp->s_uuid, uuid, len);
}

static inline void super_set_sysfs_name_bdev(struct super_block *sbp)
{
}

static inline bool sb_has_encoding(const struct super_block *sbp)
{
	return false;
}

/* --- misc --------------------------------------------------------------- */

int simple_setattr(struct mnt_idmap *imap, struct dentry *de,
		   struct iattr *iattr);
int simple_getattr(struct mnt_idmap *imap, const struct path *path,
		   struct kstat *ks, u32 request_mask,
		   unsigned int query_flags);
struct dentry *simple_lookup(struct inode *dir, struct dentry *de,
			     unsigned int flags);
int simple_statfs(struct dentry *de, struct kstatfs *buf);
int simple_empty(struct dentry *de);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;

int vfs_ioc_setflags_prepare(struct inode *ip, unsigned int oldflags,
			     unsigned int flags);
int check_sticky(struct mnt_idmap *imap, struct inode *dir,
		 struct inode *ip);

/* --- namespace and attribute changes (vfs-fuse/namei.c, attr.c) -------- */

struct renamedata {
	struct mnt_idmap *old_mnt_idmap;
	struct inode *old_dir;
	struct dentry *old_dentry;
	struct mnt_idmap *new_mnt_idmap;
	struct inode *new_dir;
	struct dentry *new_dentry;
	struct inode **delegated_inode;
	unsigned int flags;
};

int current_umask(void);
umode_t mode_strip_sgid(struct mnt_idmap *imap, const struct inode *dir,
			umode_t mode);
int vfs_create(struct mnt_idmap *imap, struct inode *dir, struct dentry *de,
	       umode_t mode, bool want_excl);
int vfs_mknod(struct mnt_idmap *imap, struct inode *dir, struct dentry *de,
	      umode_t mode, dev_t dev);
int vfs_mkdir(struct mnt_idmap *imap, struct inode *dir, struct dentry *de,
	      umode_t mode);
int vfs_symlink(struct mnt_idmap *imap, struct inode *dir, struct dentry *de,
		const char *oldname);
int vfs_link(struct dentry *old_dentry, struct mnt_idmap *imap,
	     struct inode *dir, struct dentry *new_dentry,
	     struct inode **delegated_inode);
int vfs_unlink(struct mnt_idmap *imap, struct inode *dir, struct dentry *de,
	       struct inode **delegated_inode);
int vfs_rmdir(struct mnt_idmap *imap, struct inode *dir, struct dentry *de);
int vfs_rename(struct renamedata *rd);
void lock_two_inodes(struct inode *a, struct inode *b, unsigned int subclass1,
		     unsigned int subclass2);
int may_setattr(struct mnt_idmap *imap, struct inode *ip,
		unsigned int ia_valid);
int setattr_should_drop_sgid(struct mnt_idmap *imap, const struct inode *ip);
int setattr_should_drop_suidgid(struct mnt_idmap *imap, struct inode *ip);
int dentry_needs_remove_privs(struct mnt_idmap *imap, struct dentry *de);

#define __getname() kmalloc(PATH_MAX, GFP_KERNEL)
#define __putname(name) kfree(name)

#endif /* _LINUX_FS_H */
