#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Read and write benchmark: kshim-ext2 against the in-kernel ext2 driver
(loop device) and fuse2fs, in one run.

usage (as root):
  tools/bench/bench.py --kshim build/bench/fs/kshim-ext2 [--size 1G]
                       [--runs 3] [--quick] [--only read|write]
                       [--json FILE]

Read workloads, on one ext2 image made with mke2fs -d (each "cold" one
starts from unmount + drop_caches + mount):
  mount       exec of the mount/daemon until stat() of the root answers
              from the mounted filesystem
  seq-cold    read the big file front to back, 1 MiB read() calls
  seq-warm    the same read again, on the same mount
  rand-4k     N preads of 4 KiB at random aligned offsets of the big file
  walk-cold   os.walk + os.lstat of every entry (the small-file tree)
  walk-warm   the same walk again, on the same mount
  rss         VmRSS of the FUSE daemon after the walks (kernel: n/a)

Write workloads, each on a fresh empty image (mke2fs -t ext2 -b 4096),
mounted read-write after drop_caches:
  seqwrite      a new file of --big bytes in 1 MiB write() calls + fsync
  small-create  mkdir --dirs directories, --files 4 KiB files in them
                (open, write, close), then sync
  small-stat    drop_caches, then lstat of every one of them
  small-delete  unlink them all, rmdir the directories, then sync
  untar         tar -xf of kernel source subtrees (--untar-dirs, from the
                extracted tree or linux-source-6.12.tar.xz), then sync
  *-umount      the unmount after the workload, until the daemon exited:
                sync(2) does not reach a FUSE daemon (no FUSE_SYNCFS outside
                virtiofs), so this is where the FUSE drivers write back what
                they still hold

Prints medians of --runs runs with ratios against the kernel driver
(kernel = 1.00) and kshim against fuse2fs.  Python 3 stdlib only.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MiB = 1 << 20
TARGETS = ("kernel", "fuse2fs", "kshim")


def parse_size(s):
	units = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
	s = s.strip().upper().rstrip("B").rstrip("I")
	u = s[-1:] if s[-1:] in units and not s[-1:].isdigit() else ""
	return int(float(s[:len(s) - len(u)]) * units[u])


def log(msg):
	print(msg, file=sys.stderr, flush=True)


def run(cmd, check=True, quiet=True):
	r = subprocess.run(cmd, stdout=subprocess.PIPE if quiet else None,
			   stderr=subprocess.PIPE if quiet else None, text=True)
	if check and r.returncode != 0:
		raise RuntimeError("%s failed (%d): %s" %
				   (" ".join(cmd), r.returncode,
				    (r.stderr or "").strip()))
	return r


def drop_caches():
	os.sync()
	with open("/proc/sys/vm/drop_caches", "w") as f:
		f.write("3\n")


def is_mounted(path):
	path = os.path.realpath(path)
	with open("/proc/self/mountinfo") as f:
		for line in f:
			if line.split()[4] == path:
				return True
	return False


# ---------------------------------------------------------------- image

def build_image(work, img, size, big, nfiles, ndirs):
	tree = os.path.join(work, "tree")
	if os.path.exists(tree):
		shutil.rmtree(tree)
	os.makedirs(tree)
	log("bench: generating tree (%d MiB file, %d small files)" %
	    (big // MiB, nfiles))
	rnd = random.Random(1)
	chunk = bytes(rnd.getrandbits(8) for _ in range(MiB))
	with open(os.path.join(tree, "big"), "wb") as f:
		done = 0
		i = 0
		while done < big:
			n = min(MiB, big - done)
			# vary each MiB so no two blocks are equal
			f.write(i.to_bytes(8, "little") + chunk[8:n])
			done += n
			i += 1
	small = os.path.join(tree, "small")
	os.makedirs(small)
	per = (nfiles + ndirs - 1) // ndirs
	blob = bytes(rnd.getrandbits(8) for _ in range(4096))
	k = 0
	for d in range(ndirs):
		dp = os.path.join(small, "d%03d" % d)
		os.makedirs(dp)
		for _ in range(per):
			if k >= nfiles:
				break
			with open(os.path.join(dp, "f%05d" % k), "wb") as f:
				f.write(k.to_bytes(8, "little") + blob[8:])
			k += 1
	if os.path.exists(img):
		os.unlink(img)
	log("bench: mke2fs -t ext2 -b 4096 (%d MiB image)" % (size // MiB))
	run(["mke2fs", "-q", "-F", "-t", "ext2", "-b", "4096", "-d", tree,
	     img, "%dk" % (size // 1024)])
	shutil.rmtree(tree)


# -------------------------------------------------------------- targets

class Target:
	"""One way of mounting the image: mount() returns the seconds from
	exec to the first stat() of the mounted root; pid is the daemon."""

	name = "?"

	def __init__(self, img, mnt):
		self.img = img
		self.mnt = mnt
		self.proc = None
		self.errlog = None
		self.rw = False

	@property
	def pid(self):
		return self.proc.pid if self.proc else None

	def _wait_root(self, t0, timeout=30.0):
		parent = os.stat(os.path.dirname(self.mnt)).st_dev
		while True:
			try:
				if os.stat(self.mnt).st_dev != parent:
					return time.perf_counter() - t0
			except OSError:
				pass
			if self.proc and self.proc.poll() is not None:
				raise RuntimeError("%s exited with %d before the "
						   "mount appeared (see %s)" %
						   (self.name, self.proc.returncode,
						    self.errlog.name))
			if time.perf_counter() - t0 > timeout:
				raise RuntimeError("%s: mount did not appear"
						   % self.name)
			time.sleep(0.0002)

	def cmd(self):
		raise NotImplementedError

	def mount(self):
		t0 = time.perf_counter()
		# daemon output goes to a file: a full pipe would stall it
		self.proc = subprocess.Popen(self.cmd(),
					     stdout=subprocess.DEVNULL,
					     stderr=self.errlog)
		return self._wait_root(t0)

	def umount(self):
		if is_mounted(self.mnt):
			r = run(["umount", self.mnt], check=False)
			if r.returncode != 0:
				log("bench: %s: umount failed (%s), lazy "
				    "unmount" % (self.name, r.stderr.strip()))
				run(["umount", "-l", self.mnt], check=False)
		if self.proc:
			try:
				self.proc.wait(timeout=20)
			except subprocess.TimeoutExpired:
				log("bench: %s: daemon %d did not exit, "
				    "killing it" % (self.name, self.proc.pid))
				self.proc.kill()
				self.proc.wait()
			self.proc = None


class Kernel(Target):
	name = "kernel"

	def mount(self):
		t0 = time.perf_counter()
		run(["mount", "-t", "ext2", "-o",
		     "loop" if self.rw else "loop,ro", self.img, self.mnt])
		self.proc = None
		return self._wait_root(t0)

	def umount(self):
		# umount(8) frees the loop device of an -o loop mount
		if is_mounted(self.mnt):
			r = run(["umount", self.mnt], check=False)
			if r.returncode != 0:
				run(["umount", "-l", self.mnt], check=False)


class Fuse2fs(Target):
	name = "fuse2fs"

	def cmd(self):
		return ["fuse2fs", self.img, self.mnt, "-f"] + \
			([] if self.rw else ["-o", "ro"])


class Kshim(Target):
	name = "kshim"

	def __init__(self, img, mnt, binary, extra, args):
		super().__init__(img, mnt)
		self.binary = binary
		self.extra = extra
		self.args = args

	def cmd(self):
		opts = ",".join(["rw" if self.rw else "ro"] + self.extra)
		return [self.binary, "-f"] + self.args + \
			["-o", opts, self.img, self.mnt]


# ------------------------------------------------------------ workloads

def seq_read(path):
	buf = bytearray(MiB)
	n = 0
	t0 = time.perf_counter()
	with open(path, "rb", buffering=0) as f:
		while True:
			k = f.readinto(buf)
			if not k:
				break
			n += k
	return time.perf_counter() - t0, n


def rand_read(path, count, seed):
	size = os.stat(path).st_size
	blocks = size // 4096
	rnd = random.Random(seed)
	offs = [rnd.randrange(blocks) * 4096 for _ in range(count)]
	fd = os.open(path, os.O_RDONLY)
	try:
		t0 = time.perf_counter()
		for off in offs:
			if len(os.pread(fd, 4096, off)) != 4096:
				raise RuntimeError("short pread at %d" % off)
		return time.perf_counter() - t0
	finally:
		os.close(fd)


def walk(root):
	n = 0
	t0 = time.perf_counter()
	for d, dirs, files in os.walk(root):
		for name in dirs + files:
			os.lstat(os.path.join(d, name))
			n += 1
	return time.perf_counter() - t0, n


def rss_kib(pid):
	if not pid:
		return None
	try:
		with open("/proc/%d/status" % pid) as f:
			for line in f:
				if line.startswith("VmRSS:"):
					return int(line.split()[1])
	except OSError:
		pass
	return None


def one_run(t, big_path_rel, small_rel, nrand, seed, expect_big,
	    expect_entries):
	r = {}
	big = os.path.join(t.mnt, big_path_rel)
	small = os.path.join(t.mnt, small_rel)

	drop_caches()
	r["mount"] = t.mount()
	r["rss_idle"] = rss_kib(t.pid)
	dt, n = seq_read(big)
	if n != expect_big:
		raise RuntimeError("%s: read %d bytes, expected %d" %
				   (t.name, n, expect_big))
	r["seq-cold"] = dt
	r["seq-warm"], _ = seq_read(big)
	t.umount()

	drop_caches()
	t.mount()
	r["rand-4k"] = rand_read(big, nrand, seed)
	t.umount()

	drop_caches()
	t.mount()
	r["walk-cold"], n = walk(small)
	if n != expect_entries:
		raise RuntimeError("%s: walk saw %d entries, expected %d" %
				   (t.name, n, expect_entries))
	r["walk-warm"], _ = walk(small)
	r["rss"] = rss_kib(t.pid)
	t.umount()
	return r


# ------------------------------------------------------ write workloads

def fresh_image(img, size):
	if os.path.exists(img):
		os.unlink(img)
	run(["mke2fs", "-q", "-F", "-t", "ext2", "-b", "4096", img,
	     "%dk" % (size // 1024)])


def timed_umount(t):
	t0 = time.perf_counter()
	t.umount()
	return time.perf_counter() - t0


def seq_write(path, nbytes):
	"""1 MiB writes of non-repeating data, then fsync; (seconds, bytes)."""
	chunk = bytearray(random.Random(7).randbytes(MiB))
	done = 0
	t0 = time.perf_counter()
	fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
	try:
		i = 0
		while done < nbytes:
			n = min(MiB, nbytes - done)
			chunk[:8] = i.to_bytes(8, "little")
			view = memoryview(chunk)[:n]
			while view:
				view = view[os.write(fd, view):]
			done += n
			i += 1
		os.fsync(fd)
	finally:
		os.close(fd)
	return time.perf_counter() - t0, os.stat(path).st_size


def small_names(root, nfiles, ndirs):
	per = (nfiles + ndirs - 1) // ndirs
	dirs = [os.path.join(root, "d%03d" % d) for d in range(ndirs)]
	files = [os.path.join(dirs[k // per], "f%05d" % k)
		 for k in range(nfiles)]
	return dirs, files


def small_create(dirs, files):
	blob = random.Random(3).randbytes(4096)
	t0 = time.perf_counter()
	for d in dirs:
		os.mkdir(d)
	for k, f in enumerate(files):
		fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
		os.write(fd, k.to_bytes(8, "little") + blob[8:])
		os.close(fd)
	os.sync()
	return time.perf_counter() - t0


def small_stat(files):
	t0 = time.perf_counter()
	for f in files:
		if os.lstat(f).st_size != 4096:
			raise RuntimeError("%s: size %d" % (f, os.lstat(f).st_size))
	return time.perf_counter() - t0


def small_delete(dirs, files):
	t0 = time.perf_counter()
	for f in files:
		os.unlink(f)
	for d in dirs:
		os.rmdir(d)
	os.sync()
	return time.perf_counter() - t0


def tree_size(root):
	n = total = 0
	for d, dirs, files in os.walk(root):
		for name in dirs + files:
			st = os.lstat(os.path.join(d, name))
			n += 1
			if not os.path.isdir(os.path.join(d, name)):
				total += st.st_size
	return n, total


def make_untar_source(work, src_tree, src_xz, subdirs):
	"""An uncompressed tar of the kernel subtrees (decompression is not
	part of the measure) and its (entries, bytes) once extracted."""
	tarball = os.path.join(work, "untar.tar")
	stage = os.path.join(work, "untar-src")
	if not (src_tree and all(os.path.isdir(os.path.join(src_tree, d))
				 for d in subdirs)):
		log("bench: extracting %s from %s" % (" ".join(subdirs), src_xz))
		top = "linux-source-6.12"
		os.makedirs(stage, exist_ok=True)
		run(["tar", "-xJf", src_xz, "-C", stage] +
		    ["%s/%s" % (top, d) for d in subdirs])
		src_tree = os.path.join(stage, top)
	run(["tar", "-cf", tarball, "-C", src_tree] + subdirs)
	total = 0
	for d in subdirs:
		total += tree_size(os.path.join(src_tree, d))[1]
	# entries: every member and every directory above one
	paths = set()
	for name in run(["tar", "-tf", tarball]).stdout.splitlines():
		parts = name.rstrip("/").split("/")
		for k in range(1, len(parts) + 1):
			paths.add("/".join(parts[:k]))
	n = len(paths)
	shutil.rmtree(stage, ignore_errors=True)
	return tarball, n, total


def untar(tarball, mnt):
	t0 = time.perf_counter()
	run(["tar", "-xf", tarball, "-C", mnt, "--no-same-owner"])
	os.sync()
	return time.perf_counter() - t0


def one_write_run(t, img, size, big, nfiles, ndirs, untar_src):
	r = {}
	t.rw = True
	try:
		fresh_image(img, size)
		drop_caches()
		t.mount()
		r["seqwrite"], n = seq_write(os.path.join(t.mnt, "big"), big)
		if n != big:
			raise RuntimeError("%s: wrote %d bytes, expected %d" %
					   (t.name, n, big))
		r["seqwrite-umount"] = timed_umount(t)

		fresh_image(img, size)
		drop_caches()
		t.mount()
		dirs, files = small_names(os.path.join(t.mnt), nfiles, ndirs)
		r["small-create"] = small_create(dirs, files)
		drop_caches()
		r["small-stat"] = small_stat(files)
		r["small-delete"] = small_delete(dirs, files)
		if os.listdir(t.mnt) != ["lost+found"]:
			raise RuntimeError("%s: left %s" % (t.name,
							    os.listdir(t.mnt)))
		r["small-umount"] = timed_umount(t)

		if untar_src:
			tarball, want_n, want_bytes = untar_src
			fresh_image(img, size)
			drop_caches()
			t.mount()
			r["untar"] = untar(tarball, t.mnt)
			n, total = tree_size(t.mnt)
			n -= 1		# lost+found
			if (n, total) != (want_n, want_bytes):
				raise RuntimeError("%s: untar gave %d entries, "
						   "%d bytes; expected %d, %d" %
						   (t.name, n, total, want_n,
						    want_bytes))
			r["untar-umount"] = timed_umount(t)
		else:
			r["untar"] = r["untar-umount"] = None
	finally:
		t.rw = False
	if r["untar"] is not None:
		r["untar-total"] = r["untar"] + r["untar-umount"]
	else:
		r["untar-total"] = None
	# the workload: create, stat and delete of the small files
	r["small-total"] = r["small-create"] + r["small-stat"] + \
		r["small-delete"] + r["small-umount"]
	return r


# -------------------------------------------------------------- output

READ_ROWS = [
	# key, label, unit
	("mount", "mount to first stat", "ms"),
	("seq-cold", "seq read cold", "s"),
	("seq-warm", "seq read warm", "s"),
	("rand-4k", "random 4K reads cold", "s"),
	("walk-cold", "walk+lstat cold", "s"),
	("walk-warm", "walk+lstat warm", "s"),
	("rss", "daemon RSS after walk", "MiB"),
]

WRITE_ROWS = [
	("seqwrite", "seq write + fsync", "s"),
	("seqwrite-umount", "seq write: unmount after", "s"),
	("small-create", "small files: create + sync", "s"),
	("small-stat", "small files: lstat cold", "s"),
	("small-delete", "small files: delete + sync", "s"),
	("small-umount", "small files: unmount after", "s"),
	("small-total", "small files: create+lstat+delete+unmount", "s"),
	("untar", "untar + sync", "s"),
	("untar-umount", "untar: unmount after", "s"),
	("untar-total", "untar + sync + unmount", "s"),
]


def fmt(v, unit):
	if v is None:
		return "n/a"
	if unit == "ms":
		return "%.1f ms" % (v * 1000)
	if unit == "MiB":
		return "%.1f MiB" % (v / 1024)
	return "%.3f s" % v


def ratio(a, b):
	if a is None or b is None or b == 0:
		return "n/a"
	return "%.2f" % (a / b)


def table(med, targets, rows, labels):
	out = []
	head = ["workload"] + [labels[t] for t in targets]
	have_k = "kernel" in targets
	if have_k:
		head += ["%s/kernel" % t for t in targets if t != "kernel"]
	if "kshim" in targets and "fuse2fs" in targets:
		head += ["kshim/fuse2fs"]
	out.append("| " + " | ".join(head) + " |")
	out.append("|" + "---|" * len(head))
	for key, label, unit in rows:
		row = [label]
		for t in targets:
			row.append(fmt(med[t].get(key), unit))
		if have_k:
			for t in targets:
				if t != "kernel":
					row.append(ratio(med[t].get(key),
							 med["kernel"].get(key)))
		if "kshim" in targets and "fuse2fs" in targets:
			row.append(ratio(med["kshim"].get(key),
					 med["fuse2fs"].get(key)))
		out.append("| " + " | ".join(row) + " |")
	return "\n".join(out)


def medians(samples, targets):
	med = {}
	for t in targets:
		med[t] = {}
		for key in samples[t][0]:
			vals = [x[key] for x in samples[t] if x[key] is not None]
			med[t][key] = statistics.median(vals) if vals else None
	return med


def verdicts(med, targets, big):
	"""The issue's targets: metadata workloads at least 2x fuse2fs (time
	ratio kshim/fuse2fs <= 0.5), streaming write at least 0.6x the kernel
	(time ratio kshim/kernel <= 1/0.6)."""
	out = []
	k = med.get("kshim", {})
	if "fuse2fs" in targets and "kshim" in targets:
		for key in ("small-create", "small-delete", "small-total",
			    "untar-total"):
			a, b = k.get(key), med["fuse2fs"].get(key)
			if a and b:
				out.append("%s: kshim %.2fx fuse2fs's speed "
					   "(target >= 2): %s" %
					   (key, b / a, "met" if b / a >= 2
					    else "NOT met"))
	if "kernel" in targets and "kshim" in targets:
		a, b = k.get("seqwrite"), med["kernel"].get("seqwrite")
		if a and b:
			out.append("seqwrite: kshim %.0f MiB/s, kernel %.0f MiB/s: "
				   "%.2fx (target >= 0.6): %s" %
				   (big / MiB / a, big / MiB / b, b / a,
				    "met" if b / a >= 0.6 else "NOT met"))
	return out


def main():
	ap = argparse.ArgumentParser(
		description="read and write benchmark: kshim-ext2 vs the "
		"in-kernel ext2 driver vs fuse2fs (run as root)")
	ap.add_argument("--kshim", required=True, help="kshim-ext2 binary")
	ap.add_argument("--kshim-opt", action="append", default=[],
			help="extra -o option for kshim-ext2 (repeatable)")
	ap.add_argument("--kshim-arg", action="append", default=[],
			help="extra argument for kshim-ext2, e.g. "
			"--kshim-arg=-s (repeatable)")
	ap.add_argument("--only", choices=("read", "write"),
			help="only the read or only the write workloads")
	ap.add_argument("--size", default="1G", help="image size (1G)")
	ap.add_argument("--big", default="256M",
			help="size of the streamed file (256M)")
	ap.add_argument("--files", type=int, default=5000,
			help="small 4 KiB files (5000)")
	ap.add_argument("--dirs", type=int, default=50,
			help="directories holding them (50)")
	ap.add_argument("--random-reads", type=int, default=20000,
			help="4 KiB preads in rand-4k (20000)")
	ap.add_argument("--untar-dirs", default="fs,lib",
			help="kernel subtrees the untar workload extracts "
			"(fs,lib; empty: no untar)")
	ap.add_argument("--src-tree", default="/tmp/ksrc/linux-source-6.12",
			help="extracted kernel tree to take them from, if "
			"present (else --src-xz)")
	ap.add_argument("--src-xz",
			default="/usr/src/linux-source-6.12.tar.xz")
	ap.add_argument("--runs", type=int, default=3)
	ap.add_argument("--quick", action="store_true",
			help="small sizes, 1 run (about a minute)")
	ap.add_argument("--targets", default=",".join(TARGETS),
			help="comma list of kernel,fuse2fs,kshim")
	ap.add_argument("--workdir", help="where the image and mount "
			"point live (default: a new dir under /var/tmp)")
	ap.add_argument("--keep", action="store_true",
			help="keep the work dir (image)")
	ap.add_argument("--json", metavar="FILE",
			help="also write all samples and medians as JSON")
	args = ap.parse_args()

	if os.geteuid() != 0:
		sys.exit("bench: must run as root (mount, drop_caches)")
	size = parse_size(args.size)
	big = parse_size(args.big)
	untar_dirs = [d for d in args.untar_dirs.split(",") if d]
	if args.quick:
		size, big = min(size, 128 * MiB), min(big, 32 * MiB)
		args.files, args.dirs = min(args.files, 1000), min(args.dirs, 10)
		args.random_reads = min(args.random_reads, 2000)
		args.runs = 1
		if args.untar_dirs == "fs,lib":
			untar_dirs = ["fs/ext4", "fs/xfs", "lib"]
	do_read = args.only in (None, "read")
	do_write = args.only in (None, "write")
	targets = [t for t in args.targets.split(",") if t]
	for t in targets:
		if t not in TARGETS:
			sys.exit("bench: unknown target %s" % t)
	kshim = os.path.abspath(args.kshim)
	if "kshim" in targets and not os.access(kshim, os.X_OK):
		sys.exit("bench: %s is not executable" % kshim)
	if "fuse2fs" in targets and not shutil.which("fuse2fs"):
		sys.exit("bench: fuse2fs not found (apt-get install fuse2fs)")

	work = args.workdir or tempfile.mkdtemp(prefix="kshim-bench-",
						dir="/var/tmp")
	os.makedirs(work, exist_ok=True)
	img = os.path.join(work, "ext2.img")
	mnt = os.path.join(work, "mnt")
	os.makedirs(mnt, exist_ok=True)
	objs = {
		"kernel": Kernel(img, mnt),
		"fuse2fs": Fuse2fs(img, mnt),
		"kshim": Kshim(img, mnt, kshim, args.kshim_opt,
			       args.kshim_arg),
	}
	for name, o in objs.items():
		o.errlog = open(os.path.join(work, name + ".log"), "ab")
	labels = {"kernel": "kernel ext2", "fuse2fs": "fuse2fs",
		  "kshim": "kshim-ext2"}
	rsamples = {t: [] for t in targets}
	wsamples = {t: [] for t in targets}
	expect_entries = args.files + args.dirs
	untar_src = None
	try:
		if do_read:
			build_image(work, img, size, big, args.files,
				    args.dirs)
		for i in range(args.runs if do_read else 0):
			# rotate the order so no target always goes first
			order = targets[i % len(targets):] + \
				targets[:i % len(targets)]
			for t in order:
				log("bench: read run %d/%d: %s" %
				    (i + 1, args.runs, t))
				try:
					rsamples[t].append(one_run(
						objs[t], "big", "small",
						args.random_reads, 1000 + i,
						big, expect_entries))
				finally:
					objs[t].umount()
		if do_write and untar_dirs:
			untar_src = make_untar_source(work, args.src_tree,
						      args.src_xz, untar_dirs)
		for i in range(args.runs if do_write else 0):
			order = targets[i % len(targets):] + \
				targets[:i % len(targets)]
			for t in order:
				log("bench: write run %d/%d: %s" %
				    (i + 1, args.runs, t))
				try:
					wsamples[t].append(one_write_run(
						objs[t], img, size, big,
						args.files, args.dirs,
						untar_src))
				finally:
					objs[t].umount()
	finally:
		for o in objs.values():
			try:
				o.umount()
			except Exception as e:  # keep cleaning up
				log("bench: cleanup %s: %s" % (o.name, e))
		if not args.keep and not args.workdir:
			shutil.rmtree(work, ignore_errors=True)

	result = {"config": {
		"image_bytes": size, "big_bytes": big, "files": args.files,
		"dirs": args.dirs, "random_reads": args.random_reads,
		"untar_dirs": untar_dirs, "runs": args.runs,
		"cpus": os.cpu_count()}}
	if do_read:
		med = medians(rsamples, targets)
		print("kshim read benchmark: %d MiB ext2 image (-b 4096), %d "
		      "MiB file, %d x 4 KiB files in %d dirs, %d random 4 KiB "
		      "preads, median of %d run(s), %d CPUs" %
		      (size // MiB, big // MiB, args.files, args.dirs,
		       args.random_reads, args.runs, os.cpu_count()))
		print(table(med, targets, READ_ROWS, labels))
		mbps = []
		for t in targets:
			m = med[t]
			mbps.append("%s %.0f/%.0f MiB/s" %
				    (labels[t], big / MiB / m["seq-cold"],
				     big / MiB / m["seq-warm"]))
		print("seq throughput cold/warm: " + ", ".join(mbps))
		result["read"] = {"samples": rsamples, "median": med}
	if do_write:
		med = medians(wsamples, targets)
		if do_read:
			print()
		print("kshim write benchmark: fresh %d MiB ext2 image (-b 4096) "
		      "per workload, %d MiB file, %d x 4 KiB files in %d dirs, "
		      "untar of %s (%s), median of %d run(s), %d CPUs" %
		      (size // MiB, big // MiB, args.files, args.dirs,
		       ",".join(untar_dirs) or "nothing",
		       "%d entries, %d MiB" % (untar_src[1],
					       untar_src[2] // MiB)
		       if untar_src else "-", args.runs, os.cpu_count()))
		print(table(med, targets, WRITE_ROWS, labels))
		for line in verdicts(med, targets, big):
			print(line)
		result["write"] = {"samples": wsamples, "median": med}
	if args.json:
		with open(args.json, "w") as f:
			json.dump(result, f, indent=1)


if __name__ == "__main__":
	main()
