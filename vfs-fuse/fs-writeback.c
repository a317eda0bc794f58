// SPDX-License-Identifier: GPL-2.0-only
/*
 * Inode writeback and the flusher (the role of fs/fs-writeback.c).
 *
 * Kernel guarantees kept:
 *  - __mark_inode_dirty() records I_DIRTY_SYNC/DATASYNC/PAGES/TIME, calls
 *    ->dirty_inode for inode dirtying, and puts a newly dirty, live,
 *    hashed inode at the tail of its super block's dirty list
 *    (sb->s_inodes_wb, oldest first) with dirtied_when = now;
 *  - I_SYNC marks an inode being written: only one writer runs its
 *    ->writepages/->write_inode at a time; data-integrity writers
 *    (WB_SYNC_ALL) wait for the current one (inode_wait_for_writeback),
 *    background writers (WB_SYNC_NONE) skip the inode;
 *  - the dirty bits are cleared after the pages were written and before
 *    ->write_inode, so an inode re-dirtied meanwhile stays dirty (and
 *    stays on or goes back on the list); an inode clean afterwards leaves
 *    the list;
 *  - writeback holds an inode reference (or I_WILL_FREE): it never
 *    touches an inode being freed, and eviction waits for I_SYNC;
 *  - sync_inodes_sb() and the WB_SYNC_ALL passes only take inodes dirtied
 *    before they started, so a steady writer cannot livelock them; whole
 *    super block passes are serialised by sb->s_sync_lock, so a sync
 *    never returns while another pass still holds an inode it took.
 *
 * The flusher: one kthread ("kshim-flush") for all super blocks, the
 * kernel's per-bdi "wb" workers folded into one.  It runs while at least
 * one read-write super block is mounted.  Every dirty_writeback_interval
 * centisecs (0: never periodically) it writes back, super block by super
 * block under s_umount taken shared (trylock: a super block being
 * mounted or unmounted is skipped), the inodes dirtied more than
 * dirty_expire_interval ago (pages, then ->write_inode) and the block
 * device's cache when it has been dirty that long.  Woken by
 * kshim_flusher_kick() when dirty page cache passes the background
 * threshold, it writes oldest inodes first, then the block device
 * caches, until the count is below it again.  Unmount does not rely on
 * it: generic_shutdown_super() syncs everything itself.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/writeback.h>
#include <linux/backing-dev.h>
#include <linux/blkdev.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/wait_bit.h>
#include <linux/init.h>
#include "kshim-vfs-internal.h"

/* time-only dirtiness is written back this late, as the kernel's default */
#define DIRTYTIME_EXPIRE_SECS (12 * 60 * 60)

/* --- dirtiness ----------------------------------------------------------- */

/* put a dirty inode (i_lock held) on its super block's list if it is off */
static void dirty_list_add_locked(struct inode *ip)
{
	struct super_block *sb = ip->i_sb;

	spin_lock(&sb->s_inode_wblist_lock);
	if (list_empty(&ip->i_io_list)) {
		ip->dirtied_when = jiffies;
		list_add_tail(&ip->i_io_list, &sb->s_inodes_wb);
	}
	spin_unlock(&sb->s_inode_wblist_lock);
}

void __mark_inode_dirty(struct inode *ip, int flags)
{
	struct super_block *sb = ip->i_sb;
	const struct super_operations *op = sb->s_op;
	int dirtytime = flags & I_DIRTY_TIME;

	if (flags & I_DIRTY_INODE) {
		/* inode dirtiness supersedes time-only dirtiness */
		flags &= ~I_DIRTY_TIME;
		if (op->dirty_inode)
			op->dirty_inode(ip, flags & (I_DIRTY_INODE |
							I_DIRTY_TIME));
	}
	if (!dirtytime)
		flags &= ~I_DIRTY_TIME;

	/* pairs with the barrier after writeback cleared the bits */
	smp_mb();
	if ((ip->i_state & flags) == flags)
		return;

	spin_lock(&ip->i_lock);
	if ((ip->i_state & flags) != flags) {
		bool was_dirty = ip->i_state & I_DIRTY_ALL;

		ip->i_state |= flags;
		if ((flags & I_DIRTY_INODE) && (ip->i_state & I_DIRTY_TIME))
			ip->i_state &= ~I_DIRTY_TIME;
		if (dirtytime && !(flags & I_DIRTY_INODE))
			ip->dirtied_time_when = jiffies;
		/*
		 * Hashed inodes join the list (new ones too: writeback skips
		 * them until unlock_new_inode); freeing ones never do.  One
		 * under writeback joins now too, harmlessly: its writer only
		 * adds it when it is off the list.
		 */
		if (!was_dirty && !(ip->i_state & I_FREEING) &&
		    !inode_unhashed(ip)) {
			ip->dirtied_when = jiffies;
			spin_lock(&sb->s_inode_wblist_lock);
			list_move_tail(&ip->i_io_list, &sb->s_inodes_wb);
			spin_unlock(&sb->s_inode_wblist_lock);
		}
	}
	spin_unlock(&ip->i_lock);
}

void inode_io_list_del(struct inode *ip)
{
	kshim_sb_dirty_list_del(ip);
}

/* --- one inode ----------------------------------------------------------- */

static bool mapping_has_folios_tagged(struct address_space *mapping,
				      unsigned int tag)
{
	struct folio_batch batch;
	pgoff_t from = 0;
	bool found;

	if (!mapping->nrpages)
		return false;
	folio_batch_init(&batch);
	found = filemap_get_folios_tag(mapping, &from, (pgoff_t)-1, tag,
				       &batch) != 0;
	folio_batch_release(&batch);
	return found;
}

static void inode_sync_done(struct inode *ip)
{
	ip->i_state &= ~I_SYNC;
	/* waiters re-check i_state under i_lock, so no barrier is needed */
	wake_up_var(&ip->i_state);
}

/* wait until no writer holds I_SYNC; i_lock held, dropped while asleep */
void inode_wait_for_writeback(struct inode *ip)
{
	while (ip->i_state & I_SYNC) {
		spin_unlock(&ip->i_lock);
		wait_var_event(&ip->i_state,
			       !(READ_ONCE(ip->i_state) & I_SYNC));
		spin_lock(&ip->i_lock);
	}
}

static bool dirtytime_expired(struct inode *ip)
{
	return time_after(jiffies, ip->dirtied_time_when +
			  DIRTYTIME_EXPIRE_SECS * HZ);
}

/*
 * The I/O of one inode, I_SYNC held: pages, then (for WB_SYNC_ALL) the
 * wait for them, then the dirty bits are taken and ->write_inode runs
 * for the inode's own dirtiness.
 */
static int write_inode_and_pages(struct inode *ip,
				 struct writeback_control *wbc)
{
	struct address_space *mapping = ip->i_mapping;
	const struct super_operations *op = ip->i_sb->s_op;
	unsigned int taken;
	int err = 0, err2;

	if (mapping->nrpages)
		err = do_writepages(mapping, wbc);
	if (wbc->sync_mode == WB_SYNC_ALL && !wbc->for_sync) {
		err2 = filemap_fdatawait(mapping);
		if (!err)
			err = err2;
	}

	/* timestamps written lazily go out with integrity writeback */
	if ((ip->i_state & I_DIRTY_TIME) &&
	    (wbc->sync_mode == WB_SYNC_ALL || dirtytime_expired(ip)))
		mark_inode_dirty_sync(ip);

	spin_lock(&ip->i_lock);
	taken = ip->i_state & I_DIRTY;
	ip->i_state &= ~taken;
	/* pairs with __mark_inode_dirty(): a racing dirtier is seen */
	smp_mb();
	if (mapping_has_folios_tagged(mapping, PAGECACHE_TAG_DIRTY))
		ip->i_state |= I_DIRTY_PAGES;
	spin_unlock(&ip->i_lock);

	if ((taken & I_DIRTY_INODE) && op->write_inode && !is_bad_inode(ip)) {
		err2 = op->write_inode(ip, wbc);
		if (!err)
			err = err2;
	}
	return err;
}

/*
 * Write back one inode.  The caller holds a reference, or the inode is
 * I_WILL_FREE and owned by iput_final().  Afterwards the inode is on its
 * super block's dirty list exactly when it is still dirty.
 */
static int writeback_single_inode(struct inode *ip,
				  struct writeback_control *wbc)
{
	int err;

	spin_lock(&ip->i_lock);
	if (ip->i_state & I_SYNC) {
		/* the current writer requeues the inode when it is done */
		if (wbc->sync_mode != WB_SYNC_ALL) {
			spin_unlock(&ip->i_lock);
			return 0;
		}
		inode_wait_for_writeback(ip);
	}
	if (!(ip->i_state & I_DIRTY_ALL) &&
	    (wbc->sync_mode != WB_SYNC_ALL ||
	     !mapping_has_folios_tagged(ip->i_mapping,
					PAGECACHE_TAG_WRITEBACK))) {
		/* under i_lock: a racing dirtier requeues after us */
		kshim_sb_dirty_list_del(ip);
		spin_unlock(&ip->i_lock);
		return 0;
	}
	ip->i_state |= I_SYNC;
	spin_unlock(&ip->i_lock);

	err = write_inode_and_pages(ip, wbc);

	spin_lock(&ip->i_lock);
	if (!(ip->i_state & I_FREEING)) {
		if (ip->i_state & I_DIRTY_ALL)
			dirty_list_add_locked(ip);
		else
			kshim_sb_dirty_list_del(ip);
	}
	inode_sync_done(ip);
	spin_unlock(&ip->i_lock);
	return err;
}

int write_inode_now(struct inode *ip, int sync)
{
	struct writeback_control wbc = {
		.nr_to_write = LONG_MAX,
		.sync_mode = sync ? WB_SYNC_ALL : WB_SYNC_NONE,
		.range_start = 0,
		.range_end = LLONG_MAX,
	};

	might_sleep();
	if (sb_rdonly(ip->i_sb))
		return 0;
	return writeback_single_inode(ip, &wbc);
}

int sync_inode_metadata(struct inode *ip, int wait)
{
	struct writeback_control wbc = {
		.sync_mode = wait ? WB_SYNC_ALL : WB_SYNC_NONE,
		.nr_to_write = 0,	/* the inode only, not its pages */
	};

	if (sb_rdonly(ip->i_sb))
		return 0;
	return writeback_single_inode(ip, &wbc);
}

/* --- a super block's dirty inodes ---------------------------------------- */

struct sb_pass {
	enum writeback_sync_modes mode;
	bool for_sync;
	/* take inodes dirtied at or before this jiffy */
	unsigned long dirtied_before;
	/* stop once dirty page cache is back under the background mark */
	bool until_background_ok;
	/* skip inodes whose only dirtiness is timestamps (not yet expired) */
	bool skip_time_only;
};

/*
 * The next inode of @batch, referenced, or NULL when the batch is empty.
 * s_inode_wblist_lock protects the batch; i_lock is only tried under it
 * (the usual order is i_lock first), so an inode being evicted, which
 * leaves the list under the same lock, is never referenced.
 */
static struct inode *batch_next(struct super_block *sb,
				struct list_head *batch)
{
	struct inode *ip;

	for (;;) {
		spin_lock(&sb->s_inode_wblist_lock);
		if (list_empty(batch)) {
			spin_unlock(&sb->s_inode_wblist_lock);
			return NULL;
		}
		ip = list_first_entry(batch, struct inode, i_io_list);
		if (!spin_trylock(&ip->i_lock)) {
			spin_unlock(&sb->s_inode_wblist_lock);
			cpu_relax();
			continue;
		}
		if (ip->i_state & (I_NEW | I_WILL_FREE)) {
			/* not ours to write yet (or iput_final's): requeue */
			ip->dirtied_when = jiffies;
			list_move_tail(&ip->i_io_list, &sb->s_inodes_wb);
			spin_unlock(&sb->s_inode_wblist_lock);
			spin_unlock(&ip->i_lock);
			continue;
		}
		list_del_init(&ip->i_io_list);
		spin_unlock(&sb->s_inode_wblist_lock);
		if (ip->i_state & I_FREEING) {
			/* being evicted: nothing left to write back */
			spin_unlock(&ip->i_lock);
			continue;
		}
		__iget(ip);
		spin_unlock(&ip->i_lock);
		return ip;
	}
}

static bool dirty_below_background(void)
{
	return kshim_dirty_pages() <= kshim_dirty_background_pages();
}

/*
 * One pass over @sb's dirty inodes, under one plug as the kernel's
 * wb_writeback: the blocks of files written one after another usually
 * follow each other on the device, and their bios then leave as one
 * request (the plug goes out whenever this thread waits).
 */
static int writeback_sb_pass(struct super_block *sb, const struct sb_pass *p)
{
	struct inode *ip, *tmp;
	struct blk_plug plug;
	LIST_HEAD(batch);
	int err = 0;

	mutex_lock(&sb->s_sync_lock);
	spin_lock(&sb->s_inode_wblist_lock);
	list_for_each_entry_safe(ip, tmp, &sb->s_inodes_wb, i_io_list) {
		/* oldest first: the rest was dirtied later */
		if (time_after(ip->dirtied_when, p->dirtied_before))
			break;
		if (p->skip_time_only &&
		    !(READ_ONCE(ip->i_state) & I_DIRTY) &&
		    !dirtytime_expired(ip))
			continue;
		list_move_tail(&ip->i_io_list, &batch);
	}
	spin_unlock(&sb->s_inode_wblist_lock);

	blk_start_plug(&plug);
	while ((ip = batch_next(sb, &batch))) {
		struct writeback_control wbc = {
			.sync_mode = p->mode,
			.for_sync = p->for_sync,
			.for_background = p->until_background_ok,
			.for_kupdate = p->mode == WB_SYNC_NONE &&
				       !p->until_background_ok,
			.nr_to_write = LONG_MAX,
			.range_start = 0,
			.range_end = LLONG_MAX,
		};
		int ret = writeback_single_inode(ip, &wbc);

		if (ret && !err)
			err = ret;
		iput(ip);
		cond_resched();
		if (p->until_background_ok && dirty_below_background())
			break;
	}
	blk_finish_plug(&plug);
	/* whatever is left goes back in front: it is older than the rest */
	spin_lock(&sb->s_inode_wblist_lock);
	list_splice(&batch, &sb->s_inodes_wb);
	spin_unlock(&sb->s_inode_wblist_lock);
	mutex_unlock(&sb->s_sync_lock);
	return err;
}

/* every dirty inode of @sb: written back and, with @wait, waited for */
int kshim_writeback_inodes_sb(struct super_block *sb, int wait)
{
	struct sb_pass p = {
		.mode = wait ? WB_SYNC_ALL : WB_SYNC_NONE,
		.dirtied_before = jiffies,
	};

	return writeback_sb_pass(sb, &p);
}

void writeback_inodes_sb(struct super_block *sb, enum wb_reason reason)
{
	WARN_ON(!rwsem_is_locked(&sb->s_umount));
	kshim_writeback_inodes_sb(sb, 0);
}

void try_to_writeback_inodes_sb(struct super_block *sb, enum wb_reason reason)
{
	if (!down_read_trylock(&sb->s_umount))
		return;
	kshim_writeback_inodes_sb(sb, 0);
	up_read(&sb->s_umount);
}

/* data integrity for the whole super block: pages written and waited */
void sync_inodes_sb(struct super_block *sb)
{
	WARN_ON(!rwsem_is_locked(&sb->s_umount));
	kshim_writeback_inodes_sb(sb, 1);
}

/* --- the flusher ----------------------------------------------------------- */

/* a read-write super block the flusher serves */
struct flush_target {
	struct list_head link;
	struct super_block *sb;
	errseq_t sync_seen;	/* s_wb_err as sync_filesystem last saw it */
};

static DEFINE_SPINLOCK(targets_lock);
static LIST_HEAD(targets);
static DEFINE_MUTEX(flusher_control);	/* starting and stopping */
static DEFINE_SPINLOCK(flusher_task_lock);
static struct task_struct *flusher_task;
static unsigned long flusher_wants_background;

static unsigned long centisecs_to_jiffies(int cs)
{
	return msecs_to_jiffies(cs > 0 ? cs * 10 : 0);
}

/* the block device cache of @sb: dirty for long enough, or pressure */
static void flush_bdev_cache(struct super_block *sb, bool pressure)
{
	struct address_space *cache;
	struct inode *host;
	unsigned long expire = centisecs_to_jiffies(dirty_expire_interval);
	bool due;

	if (!sb->s_bdev || !sb->s_bdev->bd_mapping)
		return;
	cache = sb->s_bdev->bd_mapping;
	host = cache->host;
	spin_lock(&host->i_lock);
	due = (host->i_state & I_DIRTY_PAGES) &&
	      (pressure || time_after_eq(jiffies, host->dirtied_when + expire));
	/* cleared before writing: a folio dirtied from now on sets it again */
	if (due)
		host->i_state &= ~I_DIRTY_PAGES;
	spin_unlock(&host->i_lock);
	if (!due)
		return;
	filemap_flush(cache);
	/* anything the pass could not take keeps the cache due */
	if (mapping_has_folios_tagged(cache, PAGECACHE_TAG_DIRTY)) {
		spin_lock(&host->i_lock);
		host->i_state |= I_DIRTY_PAGES;
		spin_unlock(&host->i_lock);
	}
}

static void flush_one_sb(struct super_block *sb, bool pressure)
{
	unsigned long expire = centisecs_to_jiffies(dirty_expire_interval);
	struct sb_pass p = {
		.mode = WB_SYNC_NONE,
		.skip_time_only = true,
	};

	if (pressure) {
		p.dirtied_before = jiffies;
		p.until_background_ok = true;
	} else {
		p.dirtied_before = jiffies - expire;
	}
	writeback_sb_pass(sb, &p);
	if (!pressure || !dirty_below_background())
		flush_bdev_cache(sb, pressure);
}

/*
 * The first target after @prev (NULL: the first) whose s_umount we got
 * shared, active and writable; @prev's s_umount is released.  Holding
 * s_umount keeps the target listed: unmount unlists under it, exclusive.
 */
static struct super_block *next_target(struct super_block *prev)
{
	struct flush_target *t;
	struct super_block *found = NULL;
	bool past = !prev;

	spin_lock(&targets_lock);
	list_for_each_entry(t, &targets, link) {
		if (!past) {
			past = t->sb == prev;
			continue;
		}
		if (!down_read_trylock(&t->sb->s_umount))
			continue;
		if ((t->sb->s_flags & SB_ACTIVE) &&
		    !(t->sb->s_flags & SB_DYING) && !sb_rdonly(t->sb)) {
			found = t->sb;
			break;
		}
		up_read(&t->sb->s_umount);
	}
	spin_unlock(&targets_lock);
	if (prev)
		up_read(&prev->s_umount);
	return found;
}

static void flusher_pass(void)
{
	bool pressure = test_and_clear_bit(0, &flusher_wants_background) ||
			!dirty_below_background();
	struct super_block *sb = NULL;

	while ((sb = next_target(sb)))
		flush_one_sb(sb, pressure);
	/* a dirtying path that bypassed the counters is repaired here */
	if (!pressure)
		kshim_dirty_recount();
}

static int flusher_main(void *unused)
{
	while (!kthread_should_stop()) {
		unsigned long interval =
			centisecs_to_jiffies(READ_ONCE(dirty_writeback_interval));

		set_current_state(TASK_INTERRUPTIBLE);
		if (!test_bit(0, &flusher_wants_background) &&
		    !kthread_should_stop())
			schedule_timeout(interval ? interval :
					 MAX_SCHEDULE_TIMEOUT);
		__set_current_state(TASK_RUNNING);
		if (kthread_should_stop())
			break;
		flusher_pass();
	}
	return 0;
}

void kshim_flusher_kick(void)
{
	if (test_and_set_bit(0, &flusher_wants_background))
		return;		/* already asked */
	spin_lock(&flusher_task_lock);
	if (flusher_task)
		wake_up_process(flusher_task);
	spin_unlock(&flusher_task_lock);
}

bool kshim_flusher_running(void)
{
	return READ_ONCE(flusher_task) != NULL;
}

void wakeup_flusher_threads(enum wb_reason reason)
{
	kshim_flusher_kick();
}

static void flusher_start(void)
{
	struct task_struct *task;

	task = kthread_run(flusher_main, NULL, "kshim-flush");
	if (IS_ERR(task)) {
		/* writers then write back themselves (throttling) */
		pr_warn("kshim: no flusher thread: %ld\n", PTR_ERR(task));
		return;
	}
	get_task_struct(task);
	spin_lock(&flusher_task_lock);
	flusher_task = task;
	spin_unlock(&flusher_task_lock);
}

static void flusher_stop(void)
{
	struct task_struct *task;

	spin_lock(&flusher_task_lock);
	task = flusher_task;
	flusher_task = NULL;
	spin_unlock(&flusher_task_lock);
	if (task)
		kthread_stop_put(task);
}

void kshim_writeback_sb_mounted(struct super_block *sb)
{
	struct flush_target *t;
	bool first;

	if (sb_rdonly(sb))
		return;
	t = kzalloc(sizeof(*t), GFP_KERNEL | __GFP_NOFAIL);
	t->sb = sb;
	t->sync_seen = errseq_sample(&sb->s_wb_err);
	mutex_lock(&flusher_control);
	spin_lock(&targets_lock);
	first = list_empty(&targets);
	list_add_tail(&t->link, &targets);
	spin_unlock(&targets_lock);
	if (first && !flusher_task)
		flusher_start();
	mutex_unlock(&flusher_control);
}

void kshim_writeback_sb_unmounting(struct super_block *sb)
{
	struct flush_target *t, *found = NULL;
	bool last;

	mutex_lock(&flusher_control);
	spin_lock(&targets_lock);
	list_for_each_entry(t, &targets, link) {
		if (t->sb == sb) {
			found = t;
			list_del(&t->link);
			break;
		}
	}
	last = list_empty(&targets);
	spin_unlock(&targets_lock);
	if (found && last)
		flusher_stop();
	mutex_unlock(&flusher_control);
	kfree(found);
}

/*
 * A writeback error of @sb not yet reported by sync_filesystem(): each
 * error once, as syncfs(2) reports it once per open file.  The caller
 * holds s_umount, so the target cannot go away.
 */
int kshim_sb_take_wb_err(struct super_block *sb)
{
	struct flush_target *t;
	int err = 0;

	spin_lock(&targets_lock);
	list_for_each_entry(t, &targets, link) {
		if (t->sb == sb) {
			err = errseq_check_and_advance(&sb->s_wb_err,
						       &t->sync_seen);
			break;
		}
	}
	spin_unlock(&targets_lock);
	return err;
}

/* leftover mounts at exit: the thread must not outlive the runtime */
static void __exit flusher_exit(void)
{
	mutex_lock(&flusher_control);
	flusher_stop();
	mutex_unlock(&flusher_control);
}
__exitcall(flusher_exit);
