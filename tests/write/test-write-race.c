// SPDX-License-Identifier: GPL-2.0-only
/*
 * Concurrency stress of the namespace write path: several threads run
 * random namespace and data operations over one small shared tree, so
 * that renames of directories across directories collide with each
 * other, with creations and removals in the same directories, with
 * lookups and directory reads, with data writes and with the flusher
 * (running every 100 ms).
 *
 * What must hold, as for system calls in the kernel: no deadlock (the
 * case's time limit fails it instead of hanging), every operation either
 * succeeds or fails with an error the system call could give for a lost
 * race (never -EIO, -ENOMEM, -EBUSY, ...), the cached tree is coherent at
 * the end (every listed name looks up, every directory's ".." is its
 * parent, its link count is 2 plus its subdirectories), and the image is
 * clean for the filesystem's checker after unmount.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <linux/completion.h>
#include <linux/timekeeping.h>
#include <kshim/vfs.h>
#include "ktest.h"
#include "wtest.h"

extern int dirty_writeback_interval;
extern int dirty_expire_interval;

#define RACERS 8
#define OPS_PER_RACER 1500
#define MAX_WRITE (24 * 1024)
#define MAX_OFFSET (48 * 1024)

/* a small shared namespace: every thread aims at the same few names */
static const char *const dir_names[] = { "a", "b", "c", "d" };
static const char *const file_names[] = { "f0", "f1", "f2", "f3" };

enum race_op {
	OP_RENAME_DIR,
	OP_RENAME_FILE,
	OP_RENAME_ANY,
	OP_CREATE,
	OP_MKDIR,
	OP_UNLINK,
	OP_RMDIR,
	OP_LINK,
	OP_LOOKUP,
	OP_READDIR,
	OP_WRITE,
	OP_SETATTR,
	NR_RACE_OPS
};

static const char *const op_names[NR_RACE_OPS] = {
	"rename-dir", "rename-file", "rename-any", "create", "mkdir",
	"unlink", "rmdir", "link", "lookup", "readdir", "write", "setattr",
};

struct racer {
	struct kshim_fs *fs;
	int id;
	u64 rng;
	unsigned char *buf;
	int unexpected;
	int last_err;
	enum race_op last_op;
	unsigned int ok[NR_RACE_OPS];
	struct completion done;
};

static u32 next_random(struct racer *r)
{
	/* xorshift64*: enough to spread the operations */
	r->rng ^= r->rng >> 12;
	r->rng ^= r->rng << 25;
	r->rng ^= r->rng >> 27;
	return (u32)((r->rng * 0x2545F4914F6CDD1DULL) >> 32);
}

static unsigned int pick(struct racer *r, unsigned int n)
{
	return next_random(r) % n;
}

/* a directory path of 0 to 2 components ("" is the root) */
static void random_dir_path(struct racer *r, char *path, size_t size)
{
	unsigned int depth = pick(r, 3), i;
	size_t used = 0;

	path[0] = '\0';
	for (i = 0; i < depth; i++)
		used += scnprintf(path + used, size - used, "%s%s",
				  i ? "/" : "", dir_names[pick(r, 4)]);
}

static const char *random_name(struct racer *r, bool dirs, bool files)
{
	if (dirs && (!files || pick(r, 2)))
		return dir_names[pick(r, ARRAY_SIZE(dir_names))];
	return file_names[pick(r, ARRAY_SIZE(file_names))];
}

/* errors a system call may give when another thread changed the tree */
static bool lost_race(int err)
{
	switch (err) {
	case 0:
	case -ENOENT:
	case -EEXIST:
	case -ENOTEMPTY:
	case -EINVAL:	/* a directory moved below itself */
	case -ENOTDIR:
	case -EISDIR:
	case -EMLINK:
	case -ENOSPC:
		return true;
	}
	return false;
}

static void account(struct racer *r, enum race_op op, int err, int also_ok)
{
	if (!err) {
		r->ok[op]++;
		return;
	}
	if (lost_race(err) || err == also_ok)
		return;
	r->unexpected++;
	r->last_err = err;
	r->last_op = op;
}

static struct kshim_node *dir_node(struct racer *r, char *path, size_t size)
{
	struct kshim_node *node = NULL;

	random_dir_path(r, path, size);
	if (kshim_lookup_path(r->fs, path, &node))
		return NULL;
	return node;
}

static int do_rename(struct racer *r, bool dirs, bool files)
{
	char p1[16], p2[16];
	struct kshim_node *d1 = dir_node(r, p1, sizeof(p1));
	struct kshim_node *d2 = dir_node(r, p2, sizeof(p2));
	unsigned int flags = pick(r, 4) ? 0 : KSHIM_RENAME_NOREPLACE;
	int err = -ENOENT;

	if (d1 && d2)
		err = kshim_rename(d1, random_name(r, dirs, files), d2,
				   random_name(r, dirs, files), flags);
	if (d1)
		kshim_node_put(d1, 1);
	if (d2)
		kshim_node_put(d2, 1);
	return err;
}

static int write_some(struct racer *r, struct kshim_file *file)
{
	unsigned long len = 1 + pick(r, MAX_WRITE);
	long long off = pick(r, MAX_OFFSET);
	long done;

	memset(r->buf, 'a' + r->id, len);
	done = kshim_write(file, r->buf, len, off);
	if (done < 0)
		return done;
	if (!pick(r, 8))
		return kshim_fsync(file, pick(r, 2));
	return 0;
}

static int do_create(struct racer *r, struct kshim_node *dir)
{
	struct kshim_file *file = NULL;
	int flags = O_CREAT | O_RDWR | (pick(r, 2) ? O_EXCL : 0);
	int err;

	err = kshim_create(dir, random_name(r, false, true), 0644, flags,
			   NULL, &file);
	if (err)
		return err;
	if (pick(r, 2))
		err = write_some(r, file);
	kshim_release(file);
	return err;
}

static int count_entry(void *ctx, const char *name, unsigned long namelen,
		       unsigned long long ino, unsigned int dtype,
		       long long next_pos)
{
	(*(unsigned int *)ctx)++;
	return 0;
}

static int do_readdir(struct kshim_node *dir)
{
	struct kshim_file *file = NULL;
	unsigned int entries = 0;
	int err = kshim_open(dir, O_RDONLY | O_DIRECTORY, &file);

	if (err)
		return err;
	err = kshim_readdir(file, 0, count_entry, &entries);
	kshim_release(file);
	/* "." and ".." are always there, even in a directory just removed */
	if (!err && entries < 2)
		err = -EUCLEAN;
	return err;
}

/* open dir/name and write to it */
static int do_write(struct racer *r, struct kshim_node *dir)
{
	struct kshim_node *node = NULL;
	struct kshim_file *file = NULL;
	int err;

	err = kshim_lookup(r->fs, dir, random_name(r, false, true), &node);
	if (err)
		return err;
	err = kshim_open(node, O_RDWR, &file);
	if (!err) {
		err = write_some(r, file);
		kshim_release(file);
	}
	kshim_node_put(node, 1);
	return err;
}

static int do_setattr(struct racer *r, struct kshim_node *dir)
{
	struct kshim_setattr attr = {};
	struct kshim_node *node = NULL;
	int err;

	err = kshim_lookup(r->fs, dir, random_name(r, true, true), &node);
	if (err)
		return err;
	if (pick(r, 2)) {
		attr.valid = KSHIM_SET_MODE;
		attr.mode = pick(r, 2) ? 0755 : 0700;
	} else {
		attr.valid = KSHIM_SET_SIZE;
		attr.size = pick(r, MAX_OFFSET);
	}
	err = kshim_setattr(node, NULL, &attr);
	kshim_node_put(node, 1);
	return err;
}

static int do_link(struct racer *r, struct kshim_node *dir)
{
	struct kshim_node *node = NULL, *to;
	char path[16];
	int err;

	err = kshim_lookup(r->fs, dir, random_name(r, false, true), &node);
	if (err)
		return err;
	to = dir_node(r, path, sizeof(path));
	if (to) {
		err = kshim_link(node, to, random_name(r, false, true), NULL);
		kshim_node_put(to, 1);
	} else {
		err = -ENOENT;
	}
	kshim_node_put(node, 1);
	return err;
}

static int do_lookup(struct racer *r, struct kshim_node *dir)
{
	struct kshim_node *node = NULL;
	struct kshim_stat st;
	int err;

	err = kshim_lookup(r->fs, dir, random_name(r, true, true), &node);
	if (err)
		return err;
	err = kshim_getattr(node, &st);
	kshim_node_put(node, 1);
	return err;
}

static int one_op(struct racer *r, enum race_op op)
{
	struct kshim_node *dir;
	char path[16];
	int err;

	switch (op) {
	case OP_RENAME_DIR:
		return do_rename(r, true, false);
	case OP_RENAME_FILE:
		return do_rename(r, false, true);
	case OP_RENAME_ANY:
		return do_rename(r, true, true);
	default:
		break;
	}
	dir = dir_node(r, path, sizeof(path));
	if (!dir)
		return -ENOENT;
	switch (op) {
	case OP_CREATE:
		err = do_create(r, dir);
		break;
	case OP_MKDIR:
		err = kshim_mkdir(dir, random_name(r, true, false), 0755, NULL);
		break;
	case OP_UNLINK:
		err = kshim_unlink(dir, random_name(r, false, true));
		break;
	case OP_RMDIR:
		err = kshim_rmdir(dir, random_name(r, true, false));
		break;
	case OP_LINK:
		err = do_link(r, dir);
		break;
	case OP_LOOKUP:
		err = do_lookup(r, dir);
		break;
	case OP_READDIR:
		err = do_readdir(dir);
		break;
	case OP_WRITE:
		err = do_write(r, dir);
		break;
	default:
		err = do_setattr(r, dir);
		break;
	}
	kshim_node_put(dir, 1);
	return err;
}

static int racer_fn(void *data)
{
	struct racer *r = data;
	int i;

	for (i = 0; i < OPS_PER_RACER; i++) {
		/* renames of directories weigh most: they are what collides */
		unsigned int roll = pick(r, NR_RACE_OPS + 4);
		enum race_op op = roll >= NR_RACE_OPS ? OP_RENAME_DIR : roll;

		account(r, op, one_op(r, op), op == OP_LINK ? -EPERM : 0);
	}
	complete(&r->done);
	return 0;
}

/* --- the tree afterwards ------------------------------------------------ */

struct walk {
	struct kshim_fs *fs;
	struct kshim_node *dir;
	unsigned long long dir_ino, parent_ino;
	unsigned int subdirs;
	int bad;
	int depth;
};

static void check_dir(struct kshim_fs *fs, struct kshim_node *dir,
		      unsigned long long parent_ino, int depth, int *bad);

static int check_entry(void *ctx, const char *name, unsigned long namelen,
		       unsigned long long ino, unsigned int dtype,
		       long long next_pos)
{
	struct walk *w = ctx;
	struct kshim_node *child = NULL;
	struct kshim_stat st;
	char buf[64];

	if (namelen >= sizeof(buf)) {
		w->bad++;
		return 0;
	}
	memcpy(buf, name, namelen);
	buf[namelen] = '\0';
	if (!strcmp(buf, ".")) {
		if (ino != w->dir_ino)
			w->bad++;
		return 0;
	}
	if (!strcmp(buf, "..")) {
		if (ino != w->parent_ino) {
			ktest_note("\"..\" of %llu is %llu, not %llu",
				   w->dir_ino, ino, w->parent_ino);
			w->bad++;
		}
		return 0;
	}
	if (kshim_lookup(w->fs, w->dir, buf, &child) ||
	    kshim_getattr(child, &st) || st.ino != ino) {
		ktest_note("listed %s in %llu does not look up as %llu",
			   buf, w->dir_ino, ino);
		w->bad++;
		if (child)
			kshim_node_put(child, 1);
		return 0;
	}
	if (S_ISDIR(st.mode)) {
		w->subdirs++;
		check_dir(w->fs, child, w->dir_ino, w->depth + 1, &w->bad);
	}
	kshim_node_put(child, 1);
	return 0;
}

/* every name looks up, ".." is the parent, nlink is 2 + subdirectories */
static void check_dir(struct kshim_fs *fs, struct kshim_node *dir,
		      unsigned long long parent_ino, int depth, int *bad)
{
	struct walk w = { .fs = fs, .dir = dir, .parent_ino = parent_ino,
			  .depth = depth };
	struct kshim_file *file = NULL;
	struct kshim_stat st;

	if (depth > 64 || kshim_getattr(dir, &st)) {
		(*bad)++;
		return;
	}
	w.dir_ino = st.ino;
	if (kshim_open(dir, O_RDONLY | O_DIRECTORY, &file)) {
		(*bad)++;
		return;
	}
	if (kshim_readdir(file, 0, check_entry, &w))
		w.bad++;
	kshim_release(file);
	if (st.nlink != 2 + w.subdirs) {
		ktest_note("directory %llu: %u links, %u subdirectories",
			   w.dir_ino, st.nlink, w.subdirs);
		w.bad++;
	}
	*bad += w.bad;
}

/* --- keeping the tree within the checker's reach -------------------------- */

/*
 * fsck.minix (util-linux) follows at most 50 path components: it counts
 * a directory 50 levels down from its parent's entry but does not read
 * it, so a consistent tree deeper than that comes out as link counts one
 * short ("i_nlinks=3, counted=2" for the parent, "i_nlinks=2, counted=1"
 * for the directory), and everything below it as inodes and zones marked
 * used that no file uses.  Directory renames across directories build
 * chains that deep now and then.  Before such an image is checked, every
 * directory found CHECKER_SAFE_DEPTH levels down is renamed to the root
 * (through the VFS like any other rename), until none is left there.
 */
#define CHECKER_SAFE_DEPTH 40
#define LISTED_NAMES 256

struct name_list {
	char names[LISTED_NAMES][16];
	int nr;
};

static int collect_name(void *ctx, const char *name, unsigned long namelen,
			unsigned long long ino, unsigned int dtype,
			long long next_pos)
{
	struct name_list *list = ctx;

	if ((namelen == 1 && name[0] == '.') ||
	    (namelen == 2 && name[0] == '.' && name[1] == '.'))
		return 0;
	if (namelen >= sizeof(list->names[0]) || list->nr == LISTED_NAMES)
		return 0;
	memcpy(list->names[list->nr], name, namelen);
	list->names[list->nr][namelen] = '\0';
	list->nr++;
	return 0;
}

/*
 * A directory @levels below @dir: true with its parent referenced in
 * *parentp and its name in @name.
 */
static bool find_deep_dir(struct kshim_fs *fs, struct kshim_node *dir,
			  int levels, struct kshim_node **parentp, char *name)
{
	struct name_list *list = kzalloc(sizeof(*list), GFP_KERNEL);
	struct kshim_file *file = NULL;
	bool found = false;
	int i;

	if (!list)
		return false;
	if (kshim_open(dir, O_RDONLY | O_DIRECTORY, &file)) {
		kfree(list);
		return false;
	}
	kshim_readdir(file, 0, collect_name, list);
	kshim_release(file);
	for (i = 0; i < list->nr && !found; i++) {
		struct kshim_node *child = NULL;
		struct kshim_stat st;

		if (kshim_lookup(fs, dir, list->names[i], &child))
			continue;
		if (!kshim_getattr(child, &st) && S_ISDIR(st.mode)) {
			if (levels == 1) {
				kshim_node_get(dir);
				*parentp = dir;
				strscpy(name, list->names[i],
					sizeof(list->names[0]));
				found = true;
			} else {
				found = find_deep_dir(fs, child, levels - 1,
						      parentp, name);
			}
		}
		kshim_node_put(child, 1);
	}
	kfree(list);
	return found;
}

/* returns how many directories were moved up */
static int move_up_deep_dirs(struct kshim_fs *fs, struct kshim_node *root)
{
	struct kshim_node *parent;
	char name[16], new_name[16];
	int moved = 0;

	while (find_deep_dir(fs, root, CHECKER_SAFE_DEPTH, &parent, name)) {
		scnprintf(new_name, sizeof(new_name), "deep%d", moved);
		KT_EXPECT_EQ(kshim_rename(parent, name, root, new_name,
					  KSHIM_RENAME_NOREPLACE), 0);
		kshim_node_put(parent, 1);
		/* each rename lifts a subtree CHECKER_SAFE_DEPTH - 1 levels */
		if (++moved > 1000) {
			ktest_failf(__FILE__, __LINE__,
				    "directories keep turning up too deep");
			break;
		}
	}
	return moved;
}

/* --- the case ------------------------------------------------------------- */

/*
 * After a failed check, show what the checker found (read-only run, its
 * lines prefixed as TAP comments) so that one failing run among many
 * tells what kind of damage it was.
 */
static void show_fsck_complaint(const char *name, const char *img)
{
	char cmd[700];

	scnprintf(cmd, sizeof(cmd),
		  "%s '%s' 2>&1 | head -n 40 | sed 's/^/# fsck: /'",
		  strncmp(name, "ext2", 4) ? "fsck.minix -fs" : "e2fsck -fn",
		  img);
	ktest_shell(cmd);
}

/*
 * @mem_cap: when non-zero, bound page cache plus slab to that many bytes,
 * so that reclaim (dropping folios, dentries and inodes) runs inside the
 * namespace operations, under their directory and folio locks.
 */
static void race_variant(const char *name, unsigned long long mem_cap)
{
	const struct wt_variant *v = wt_variant(name);
	const char *img = wt_mkfs(v, 32);
	struct task_struct *task[RACERS];
	struct racer *racers;
	struct kshim_node *root = NULL;
	struct kshim_stat st;
	unsigned int totals[NR_RACE_OPS] = {};
	u64 seed = ktime_get_ns();
	int k, op, bad = 0, fsck_status;
	struct kshim_fs *fs;

	/* the flusher wakes every 100 ms and writes what is 100 ms old */
	dirty_writeback_interval = 10;
	dirty_expire_interval = 10;
	fs = wt_mount(v, img, 0);
	if (mem_cap)
		KT_ASSERT_EQ(kshim_limit_memory(mem_cap), 0);
	racers = kcalloc(RACERS, sizeof(*racers), GFP_KERNEL);
	KT_ASSERT(racers);
	ktest_note("%s: seed %llu", name, (unsigned long long)seed);
	for (k = 0; k < RACERS; k++) {
		struct racer *r = &racers[k];

		r->fs = fs;
		r->id = k;
		r->rng = seed + (k + 1) * 0x9E3779B97F4A7C15ULL;
		r->buf = kmalloc(MAX_WRITE, GFP_KERNEL);
		KT_ASSERT(r->buf);
		init_completion(&r->done);
		task[k] = kthread_create(racer_fn, r, "racer%d", k);
		KT_ASSERT(!IS_ERR(task[k]));
		get_task_struct(task[k]);
	}
	for (k = 0; k < RACERS; k++)
		wake_up_process(task[k]);
	for (k = 0; k < RACERS; k++) {
		struct racer *r = &racers[k];

		wait_for_completion(&r->done);
		kthread_stop(task[k]);
		put_task_struct(task[k]);
		if (r->unexpected)
			ktest_failf(__FILE__, __LINE__,
				    "%s: racer %d: %d unexpected results, last %d from %s",
				    name, k, r->unexpected, r->last_err,
				    op_names[r->last_op]);
		for (op = 0; op < NR_RACE_OPS; op++)
			totals[op] += r->ok[op];
		kfree(r->buf);
	}
	kfree(racers);
	for (op = 0; op < NR_RACE_OPS; op++)
		ktest_note("%s: %s succeeded %u times", name, op_names[op],
			   totals[op]);
	/* collisions happened: each kind of change succeeded sometimes */
	KT_EXPECT(totals[OP_RENAME_DIR] > 0);
	KT_EXPECT(totals[OP_RENAME_FILE] > 0);
	KT_EXPECT(totals[OP_RMDIR] > 0);
	KT_EXPECT(totals[OP_UNLINK] > 0);

	KT_ASSERT_EQ(kshim_root(fs, &root), 0);
	KT_ASSERT_EQ(kshim_getattr(root, &st), 0);
	check_dir(fs, root, st.ino, 0, &bad);
	KT_EXPECT_EQ(bad, 0);
	if (!strncmp(name, "minix", 5)) {
		int moved = move_up_deep_dirs(fs, root);

		ktest_note("%s: %d directories %d levels down moved up",
			   name, moved, CHECKER_SAFE_DEPTH);
	}
	kshim_node_put(root, 1);
	KT_EXPECT_EQ(kshim_umount(fs), 0);
	fsck_status = wt_fsck(v, img);
	if (fsck_status)
		show_fsck_complaint(name, img);
	KT_EXPECT_EQ(fsck_status, 0);
}

KTEST_TIMEOUT(write_race_ext2_1k, 150)
{
	race_variant("ext2-1k", 0);
}

KTEST_TIMEOUT(write_race_minix3, 150)
{
	race_variant("minix3", 0);
}

/* the same under memory pressure: reclaim inside the namespace locks */
KTEST_TIMEOUT(write_race_ext2_1k_memory_cap, 150)
{
	race_variant("ext2-1k", 6ULL << 20);
}

KTEST_TIMEOUT(write_race_minix3_memory_cap, 150)
{
	race_variant("minix3", 6ULL << 20);
}
