// SPDX-License-Identifier: GPL-2.0-only
/*
 * kshim-<fs>: serve a disk image through an unmodified kernel filesystem
 * driver over FUSE.  Host world.
 *
 *   kshim-<fs> [-f] [-d] [-s] [-o OPT[,OPT...]] IMAGE MOUNTPOINT
 *   mount -t fuse.kshim-<fs> IMAGE MOUNTPOINT -o OPTS    (via mount.fuse3)
 *
 * The process forks into the background before any thread exists (the
 * kernel world starts threads as soon as it runs); the parent waits until
 * the child has mounted, and exits with the child's verdict, so errors
 * (a corrupt image, a missing device, bad options) reach the caller as a
 * message and a non-zero status.
 *
 * Shutdown, by fusermount3 -u / umount or by SIGTERM, SIGINT, SIGHUP (the
 * signal ends the session loop): the loop returns once every request in
 * progress has been answered, the mount goes away, the session's destroy
 * syncs, the bridge returns the references the kernel still held, and
 * kshim_umount writes everything left and puts the super block (the
 * driver marks the image clean).  Only then does the process exit; its
 * status is non-zero when that final write failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * 3.12: the loop configuration object (fuse_loop_cfg_*).  Below 312 the
 * header maps fuse_session_loop_mt to the 3.2 entry point, which reads the
 * object as the old two-field struct: its version tag becomes clone_fd and
 * its clone_fd (0) the idle-thread limit, so libfuse opened /dev/fuse and
 * started and ended a thread for every request, and ignored threads=N.
 */
#define FUSE_USE_VERSION 312
#include <fuse_lowlevel.h>

#include <kshim/runtime.h>
#include <kshim/vfs.h>
#include "fuse-bridge.h"
#include "fuse-loop.h"

#ifndef KSHIM_FS_NAME
#error "KSHIM_FS_NAME must name the filesystem type"
#endif

#define PROG "kshim-" KSHIM_FS_NAME

struct options {
	const char *image;
	const char *mountpoint;
	int foreground, debug, single_thread, rdonly, allow_other;
	int default_permissions;
	unsigned int spin_us;
	unsigned int colocate;
	int writeback_cache;
	unsigned int max_threads;
	unsigned long long mem_limit;	/* bytes; 0: no bound */
	char driver_opts[4096];
	char fuse_opts[1024];
};

static struct fuse_session *session;

static void usage(FILE *out)
{
	fprintf(out,
		"usage: " PROG " [options] IMAGE MOUNTPOINT\n"
		"Serve IMAGE (a disk image or block device) at MOUNTPOINT through the\n"
		"Linux kernel's own " KSHIM_FS_NAME " driver, run in userspace over FUSE.\n"
		"\n"
		"options:\n"
		"  -o OPT[,OPT...]  mount options (below); others go to the driver\n"
		"  -f               stay in the foreground\n"
		"  -d               debug: foreground, FUSE request log\n"
		"  -s               single-threaded\n"
		"  -h, --help       this help\n"
		"  -V, --version    version, and the kernel sources of the driver\n"
		"\n"
		"mount options handled by " PROG ":\n"
		"  ro, rw           read-only or read-write (an image that is not\n"
		"                   writable is mounted read-only with a warning)\n"
		"  allow_other      let other users see the mount (FUSE); the kernel\n"
		"                   then checks permissions too (default_permissions)\n"
		"  default_permissions\n"
		"                   the kernel checks permissions before the driver's\n"
		"                   VFS does, also without allow_other\n"
		"  threads=N        at most N FUSE worker threads (default 16)\n"
		"  spin=USEC        after a request, poll for the next one for USEC\n"
		"                   microseconds before sleeping (default 50: fewer\n"
		"                   wake-ups, some CPU); 0: libfuse's request loop\n"
		"  colocate=0|1     serve a thread that sends request after request\n"
		"                   on its own CPU, at idle priority (default 1, where\n"
		"                   the daemon may leave SCHED_IDLE: root or\n"
		"                   CAP_SYS_NICE); 0: never move a worker\n"
		"  mem=SIZE         bound the driver's page cache and caches to SIZE\n"
		"                   bytes (suffix K, M or G; at least 4M); dirty data\n"
		"                   is written back early to stay under it\n"
		"  writeback_cache  let the kernel cache writes (FUSE writeback cache):\n"
		"                   faster small writes, but data of files still open\n"
		"                   is lost if the daemon exits, even on SIGTERM; off by\n"
		"                   default\n"
		"  defaults, auto, noauto, user, nouser, users, nofail, _netdev,\n"
		"  dev, nodev, suid, nosuid, exec, noexec, atime, noatime, relatime,\n"
		"  x-*              accepted for fstab and mount(8); no effect here\n"
		"\n"
		"Also: mount -t fuse." PROG " IMAGE MOUNTPOINT -o OPTS, or in fstab:\n"
		"  IMAGE  MOUNTPOINT  fuse." PROG "  OPTS  0 0\n");
}

static int append(char *buf, size_t size, const char *opt)
{
	size_t len = strlen(buf);

	if (len + strlen(opt) + 2 > size)
		return -1;
	if (len)
		buf[len++] = ',';
	strcpy(buf + len, opt);
	return 0;
}

/* the smallest -o mem= the kernel world works in */
#define MEM_LIMIT_MIN (4ULL << 20)

/* SIZE[K|M|G] (binary multiples); -1 on anything else */
static int parse_size(const char *text, unsigned long long *bytes)
{
	unsigned long long value, scale = 1;
	char *end;

	if (*text < '0' || *text > '9')
		return -1;
	errno = 0;
	value = strtoull(text, &end, 10);
	if (errno)
		return -1;
	switch (*end) {
	case 'k': case 'K':
		scale = 1ULL << 10;
		end++;
		break;
	case 'm': case 'M':
		scale = 1ULL << 20;
		end++;
		break;
	case 'g': case 'G':
		scale = 1ULL << 30;
		end++;
		break;
	}
	if (*end || value > ~0ULL / scale)
		return -1;
	*bytes = value * scale;
	return 0;
}

static const char *const ignored_opts[] = {
	"defaults", "auto", "noauto", "user", "nouser", "users", "nofail",
	"_netdev", "dev", "nodev", "suid", "nosuid", "exec", "noexec", "atime",
	"noatime", "relatime", "strictatime", "async", "owner", "group", NULL,
};

/* the number after the first @skip characters of @opt, in @lo..@hi */
static int parse_bounded(const char *opt, size_t skip, long lo, long hi,
			 const char *unit, unsigned int *out)
{
	char *end;
	long n = strtol(opt + skip, &end, 10);

	if (*end || end == opt + skip || n < lo || n > hi) {
		fprintf(stderr, PROG ": bad option %s: want %ld..%ld%s\n", opt,
			lo, hi, unit);
		return -1;
	}
	*out = n;
	return 0;
}

static int parse_mount_opts(struct options *o, char *list)
{
	char *save = NULL, *opt;

	for (opt = strtok_r(list, ",", &save); opt;
	     opt = strtok_r(NULL, ",", &save)) {
		const char *const *ign;
		int ignored = 0;

		if (!*opt)
			continue;
		if (!strcmp(opt, "ro")) {
			o->rdonly = 1;
			continue;
		}
		if (!strcmp(opt, "rw")) {
			o->rdonly = 0;
			continue;
		}
		if (!strcmp(opt, "allow_other")) {
			o->allow_other = 1;
			continue;
		}
		if (!strcmp(opt, "default_permissions")) {
			o->default_permissions = 1;
			continue;
		}
		if (!strncmp(opt, "spin=", 5)) {
			if (parse_bounded(opt, 5, 0, 100000, " (microseconds)",
					  &o->spin_us))
				return -1;
			continue;
		}
		if (!strncmp(opt, "colocate=", 9)) {
			if (parse_bounded(opt, 9, 0, 1, "", &o->colocate))
				return -1;
			continue;
		}
		if (!strncmp(opt, "threads=", 8)) {
			if (parse_bounded(opt, 8, 1, 1024, "", &o->max_threads))
				return -1;
			continue;
		}
		if (!strncmp(opt, "mem=", 4)) {
			if (parse_size(opt + 4, &o->mem_limit) ||
			    o->mem_limit < MEM_LIMIT_MIN) {
				fprintf(stderr, PROG ": bad option %s: want a size of "
					"at least 4M, such as 64M or 1G (suffix K, M "
					"or G)\n", opt);
				return -1;
			}
			continue;
		}
		if (!strcmp(opt, "writeback_cache")) {
			o->writeback_cache = 1;
			continue;
		}
		if (!strncmp(opt, "x-", 2) || !strncmp(opt, "fsname=", 7) ||
		    !strncmp(opt, "subtype=", 8))
			continue;
		for (ign = ignored_opts; *ign; ign++)
			if (!strcmp(opt, *ign))
				ignored = 1;
		if (ignored)
			continue;
		if (append(o->driver_opts, sizeof(o->driver_opts), opt)) {
			fprintf(stderr, PROG ": mount options too long\n");
			return -1;
		}
	}
	return 0;
}

static int parse_args(struct options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	o->max_threads = 16;
	o->spin_us = 50;
	o->colocate = 1;
	/* "+": stop at the first non-option only when POSIXLY_CORRECT; mount.fuse
	 * puts -o after the operands, so permute (the default) */
	while ((c = getopt_long(argc, argv, "o:fdshV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (parse_mount_opts(o, optarg))
				return -1;
			break;
		case 'f':
			o->foreground = 1;
			break;
		case 'd':
			o->debug = 1;
			o->foreground = 1;
			break;
		case 's':
			o->single_thread = 1;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case 'V':
			printf(PROG " %s (driver: Linux %s fs/" KSHIM_FS_NAME
			       ", unmodified)\n", KSHIM_VERSION,
			       kshim_kernel_version());
			exit(0);
		default:
			usage(stderr);
			return -1;
		}
	}
	if (argc - optind != 2) {
		fprintf(stderr, PROG ": expected IMAGE and MOUNTPOINT (try --help)\n");
		return -1;
	}
	o->image = argv[optind];
	o->mountpoint = argv[optind + 1];
	return 0;
}

/*
 * Fork before any thread exists.  The parent waits on a pipe for one
 * status byte: 0 once the child is mounted and serving, else an exit code.
 */
static int daemonize(int *status_fd)
{
	int fds[2];
	pid_t pid;
	unsigned char status = 1;

	if (pipe(fds)) {
		perror(PROG ": pipe");
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		perror(PROG ": fork");
		return -1;
	}
	if (pid > 0) {
		close(fds[1]);
		if (read(fds[0], &status, 1) != 1)
			status = 1; /* the child died before it could say */
		_exit(status);
	}
	close(fds[0]);
	setsid();
	*status_fd = fds[1];
	return 0;
}

static void report(int *status_fd, unsigned char status)
{
	if (*status_fd < 0)
		return;
	if (write(*status_fd, &status, 1) != 1)
		perror(PROG ": status pipe");
	close(*status_fd);
	*status_fd = -1;
}

static void detach_stdio(void)
{
	int fd = open("/dev/null", O_RDWR);

	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

/* a kernel BUG() in the driver: take the mount down rather than hang it */
static void unmount_on_bug(void)
{
	if (session)
		fuse_session_unmount(session);
}

/*
 * One image, one mount: an exclusive lock on the image for the daemon's
 * life.  Also decides read-only when the image cannot be written.
 */
static int lock_image(struct options *o)
{
	int fd = open(o->image, o->rdonly ? O_RDONLY : O_RDWR);

	if (fd < 0 && !o->rdonly && (errno == EACCES || errno == EROFS)) {
		fd = open(o->image, O_RDONLY);
		if (fd >= 0) {
			fprintf(stderr, PROG ": %s is read-only, mounting read-only\n",
				o->image);
			o->rdonly = 1;
		}
	}
	if (fd < 0) {
		fprintf(stderr, PROG ": cannot open %s: %s\n", o->image,
			strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		fprintf(stderr, PROG ": %s is in use (already mounted by kshim?)\n",
			o->image);
		close(fd);
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct kshim_bridge bridge = { 0 };
	struct fuse_args args = FUSE_ARGS_INIT(0, NULL);
	struct fuse_loop_config *loop_config;
	char image_path[PATH_MAX];
	int status_fd = -1, lock_fd, err, ret = 1;

	if (parse_args(&o, argc, argv))
		return 2;
	if (realpath(o.image, image_path))
		o.image = image_path;
	lock_fd = lock_image(&o);
	if (lock_fd < 0)
		return 1;
	if (!o.foreground && daemonize(&status_fd))
		return 1;

	if (kshim_runtime_init(PROG)) {
		fprintf(stderr, PROG ": the kernel world failed to start\n");
		goto out;
	}
	kshim_add_fatal_hook(unmount_on_bug);
	if (o.mem_limit) {
		err = kshim_limit_memory(o.mem_limit);
		if (err) {
			fprintf(stderr, PROG ": cannot bound memory to %llu bytes: %s\n",
				o.mem_limit, strerror(-err));
			goto out;
		}
	}
	err = kshim_mount(KSHIM_FS_NAME, o.image,
			  o.rdonly ? KSHIM_MOUNT_RDONLY : 0,
			  o.driver_opts[0] ? o.driver_opts : NULL, &bridge.fs);
	if (err) {
		fprintf(stderr, PROG ": cannot mount %s: %s\n", o.image,
			strerror(-err));
		goto out;
	}
	bridge.rdonly = kshim_is_rdonly(bridge.fs);
	bridge.writeback_cache = o.writeback_cache && !bridge.rdonly;
	/*
	 * Every change goes through this mount (the image is locked), and the
	 * kernel updates or drops what it caches of the inodes it changes;
	 * what it cannot see (times and sizes the driver sets, link counts of
	 * other names) it refetches after a second on a writable mount.
	 */
	bridge.attr_timeout = bridge.rdonly ? 3600.0 : 1.0;
	bridge.entry_timeout = bridge.rdonly ? 3600.0 : 1.0;
	err = kshim_root(bridge.fs, &bridge.root);
	if (err) {
		fprintf(stderr, PROG ": no root directory: %s\n", strerror(-err));
		goto out_umount;
	}
	err = kshim_bridge_init(&bridge);
	if (err) {
		fprintf(stderr, PROG ": %s\n", strerror(-err));
		goto out_root;
	}

	/*
	 * Permissions: the VFS checks every request with the caller's
	 * credentials, as strictly as the syscalls (the bridge also answers
	 * access(2) and checks exec(2)'s execute permission).  Only the
	 * kernel can check what it answers from its own caches: a name
	 * cached under a directory the caller may not search, cached
	 * attributes.  Without allow_other only the mounting user's
	 * processes reach the mount (fuse_allow_current_process: same uid
	 * and gid), so the kernel's default_permissions, and the attribute
	 * request after every change of a directory that it costs, is kept
	 * for allow_other mounts, or when asked for.  What it leaves to the
	 * VFS: a process of uid 0 counts as privileged (FUSE does not say
	 * which capabilities a caller has).
	 */
	snprintf(o.fuse_opts, sizeof(o.fuse_opts),
		 "-o%sfsname=%s,subtype=" PROG "%s%s",
		 o.allow_other || o.default_permissions ?
			"default_permissions," : "",
		 o.image, bridge.rdonly ? ",ro" : "",
		 o.allow_other ? ",allow_other" : "");
	if (fuse_opt_add_arg(&args, PROG) ||
	    fuse_opt_add_arg(&args, o.fuse_opts) ||
	    (o.debug && fuse_opt_add_arg(&args, "-d")))
		goto out_root;
	session = fuse_session_new(&args, kshim_bridge_ops(),
				   sizeof(struct fuse_lowlevel_ops), &bridge);
	if (!session)
		goto out_root;
	if (fuse_set_signal_handlers(session))
		goto out_session;
	if (fuse_session_mount(session, o.mountpoint)) {
		fprintf(stderr, PROG ": cannot mount on %s\n", o.mountpoint);
		goto out_signals;
	}
	if (kshim_bridge_take_io(session)) {
		fprintf(stderr, PROG ": cannot set up the FUSE channel\n");
		goto out_unmount;
	}
	report(&status_fd, 0);
	if (!o.foreground) {
		if (chdir("/"))
			perror(PROG ": chdir /");
		detach_stdio();
	}

	if (o.single_thread) {
		err = fuse_session_loop(session);
	} else if (o.spin_us) {
		struct kshim_fuse_loop_opts lo = {
			.max_workers = o.max_threads,
			.spin_us = o.spin_us,
			.colocate = o.colocate,
			.debug = o.debug,
		};

		err = kshim_fuse_loop(session, &lo);
	} else {
		loop_config = fuse_loop_cfg_create();
		if (!loop_config)
			goto out_unmount;
		/*
		 * Workers stay once started (up to threads=N; libfuse's default
		 * idle limit ends none), all reading the session's one /dev/fuse
		 * descriptor: ending idle workers makes libfuse start and end a
		 * thread per request.
		 */
		fuse_loop_cfg_set_clone_fd(loop_config, 0);
		fuse_loop_cfg_set_max_threads(loop_config, o.max_threads);
		err = fuse_session_loop_mt(session, loop_config);
		fuse_loop_cfg_destroy(loop_config);
	}
	ret = err < 0 ? 1 : 0;

out_unmount:
	fuse_session_unmount(session);
out_signals:
	fuse_remove_signal_handlers(session);
out_session:
	fuse_session_destroy(session);
	session = NULL;
out_root:
	kshim_bridge_fini(&bridge);
	kshim_node_put(bridge.root, 1);
out_umount:
	err = kshim_umount(bridge.fs);
	if (err) {
		fprintf(stderr, PROG ": unmounting %s: %s\n", o.image,
			strerror(-err));
		ret = 1;
	}
out:
	fuse_opt_free_args(&args);
	report(&status_fd, ret ? 1 : 0);
	kshim_runtime_exit();
	close(lock_fd);
	return ret;
}
