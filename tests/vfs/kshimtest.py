#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Shared helpers of the VFS and FUSE tests (Python 3, stdlib only).

- TAP output ending with '# N passed, M failed'; skips become failures when
  KSHIM_REQUIRE_ALL=1 (CI).
- The canonical manifest: one line per entry, the same format the in-process
  walker tests/vfs/vfs-manifest.c prints, produced here from any real
  directory (the source tree, a kernel mount, a kshim FUSE mount):

    PATH type=T mode=OOOO uid=U gid=G nlink=N size=S blocks=B ino=I
         atime=S.N mtime=S.N ctime=S.N [rdev=MAJ:MIN] [data=SHA256]
         [link=TARGET] [x.NAME=VALUE]...

  PATH starts with '/' (the root is '/'); PATH, TARGET and NAME escape every
  byte outside 0x21..0x7e and '%' '=' as %XX.  VALUE is 'hex:...' for values
  up to 32 bytes, else 'sha256:...:LEN'.  Lines may come in any order.
- Image builders (mke2fs -d, mkfs.minix), mounts with guaranteed cleanup,
  subprocesses with timeouts.

Run as a program, 'kshimtest.py manifest DIR' prints DIR's manifest.
"""
import contextlib
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
MKTREE = os.path.join(TOP, 'tools', 'mktree.py')
REQUIRE_ALL = os.environ.get('KSHIM_REQUIRE_ALL') == '1'


# --- TAP ------------------------------------------------------------------
class Tap:
    def __init__(self):
        self.n = self.passed = self.failed = self.skipped = 0

    def diag(self, msg):
        for line in str(msg).splitlines() or ['']:
            print('# ' + line, flush=True)

    def ok(self, cond, name, detail=None):
        self.n += 1
        if cond:
            self.passed += 1
            print('ok %d - %s' % (self.n, name), flush=True)
        else:
            self.failed += 1
            print('not ok %d - %s' % (self.n, name), flush=True)
            if detail:
                self.diag(detail)
        return cond

    def skip(self, name, reason):
        """A case that cannot run here; a failure under KSHIM_REQUIRE_ALL=1."""
        if REQUIRE_ALL:
            return self.ok(False, name, 'KSHIM_REQUIRE_ALL=1 but: ' + reason)
        self.n += 1
        self.skipped += 1
        print('ok %d - %s # SKIP %s' % (self.n, name, reason), flush=True)
        return False

    def done(self):
        print('1..%d' % self.n)
        print('# %d passed, %d failed' % (self.passed, self.failed), flush=True)
        sys.exit(1 if self.failed else 0)


def run(cmd, timeout=120, check=True, **kw):
    """subprocess.run with a timeout, capturing text output."""
    kw.setdefault('stdout', subprocess.PIPE)
    kw.setdefault('stderr', subprocess.PIPE)
    p = subprocess.run([str(c) for c in cmd], timeout=timeout, **kw)
    if check and p.returncode != 0:
        raise RuntimeError('%s: exit %d\n%s%s' % (
            ' '.join(str(c) for c in cmd), p.returncode,
            p.stdout.decode(errors='replace') if isinstance(p.stdout, bytes)
            else (p.stdout or ''),
            p.stderr.decode(errors='replace') if isinstance(p.stderr, bytes)
            else (p.stderr or '')))
    return p


def missing_requirements(need_root=False, need_fuse=False, need_loop=False,
                         programs=()):
    """None if everything is there, else the reason to skip."""
    if need_root and os.geteuid() != 0:
        return 'needs root'
    if need_fuse and not os.path.exists('/dev/fuse'):
        return 'no /dev/fuse'
    if need_loop and not (os.path.exists('/dev/loop-control') or
                          os.path.exists('/dev/loop0')):
        return 'no loop devices'
    for p in programs:
        if not shutil.which(p):
            return 'no %s on PATH' % p
    return None


@contextlib.contextmanager
def tempdir(tag):
    base = '/var/tmp' if os.access('/var/tmp', os.W_OK) else tempfile.gettempdir()
    d = tempfile.mkdtemp(prefix='kshim-test-%s-' % tag, dir=base)
    try:
        yield d
    finally:
        if os.environ.get('KSHIM_KEEP_TMP') != '1':
            # nothing may still be mounted below d: never rm through a mount
            mounted = [m for m in mountpoints() if m.startswith(d)]
            for m in mounted:
                unmount(m)
            if not [m for m in mountpoints() if m.startswith(d)]:
                shutil.rmtree(d, ignore_errors=True)


# --- mounts ---------------------------------------------------------------
def _unoctal(s):
    out, i = '', 0
    while i < len(s):
        if s[i] == '\\' and i + 4 <= len(s) and s[i + 1:i + 4].isdigit():
            out += chr(int(s[i + 1:i + 4], 8))
            i += 4
        else:
            out += s[i]
            i += 1
    return out


def mounts():
    """[(source, mountpoint, fstype, options)] from /proc/self/mounts."""
    out = []
    with open('/proc/self/mounts') as f:
        for line in f:
            src, mp, fstype, opts = line.split()[:4]
            out.append((_unoctal(src), _unoctal(mp), fstype, opts))
    return out


def mountpoints():
    return [m[1] for m in mounts()]


def is_mounted(path):
    return os.path.realpath(path) in mountpoints()


def unmount(path, timeout=30):
    """Unmount whatever is at path (FUSE or kernel); lazy as a last resort."""
    path = os.path.realpath(path)
    for cmd in (['fusermount3', '-u', path], ['umount', path],
                ['umount', '-l', path]):
        if not is_mounted(path):
            return True
        if shutil.which(cmd[0]):
            try:
                run(cmd, timeout=timeout, check=False)
            except subprocess.TimeoutExpired:
                pass
    return not is_mounted(path)


def wait_image_free(img, timeout=60):
    """The daemon holds an exclusive lock on its image until it has synced
    and exited: wait for the lock, as a script remounting would."""
    import fcntl
    deadline = time.monotonic() + timeout
    while True:
        with open(img, 'rb') as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except OSError:
                if time.monotonic() > deadline:
                    return False
        time.sleep(0.05)


def run_fuse_variants(tap, what, variants, wanted, binaries, tmp, programs,
                      run_one):
    """Run run_one(variant, binary) for each variant named in @wanted
    (variant[0] its name, variant[1] its kshim filesystem), skipping (a
    failure under KSHIM_REQUIRE_ALL=1) when root, /dev/fuse, a program of
    programs(variant) or the daemon is missing; an exception fails the
    variant, and its mountpoint tmp/<name>/mnt is unmounted in any case."""
    for variant in variants:
        name, fs = variant[:2]
        if name not in wanted:
            continue
        why = missing_requirements(need_root=True, need_fuse=True,
                                   programs=programs(variant))
        if not why and not (binaries[fs] and os.path.exists(binaries[fs])):
            why = 'kshim-%s not built' % fs
        if why:
            tap.skip('%s: %s' % (name, what), why)
            continue
        try:
            run_one(variant, binaries[fs])
        except Exception as e:
            tap.ok(False, name + ': unexpected error',
                   '%s: %s' % (type(e).__name__, e))
        finally:
            unmount(os.path.join(tmp, name, 'mnt'))


@contextlib.contextmanager
def kernel_mount(image, mountpoint, fstype, options='ro,noatime'):
    run(['mount', '-o', 'loop,' + options, '-t', fstype, image, mountpoint],
        timeout=60)
    try:
        yield mountpoint
    finally:
        unmount(mountpoint)


def wait_mounted(mountpoint, timeout=20.0, want=True):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if is_mounted(mountpoint) == want:
            return True
        time.sleep(0.05)
    return False


@contextlib.contextmanager
def kshim_fuse_mount(binary, image, mountpoint, options='ro', extra=()):
    """Run binary (kshim-<fs>) daemonised; it returns once mounted."""
    p = run([binary, '-o', options] + list(extra) + [image, mountpoint],
            timeout=120, check=False)
    if p.returncode != 0 or not is_mounted(mountpoint):
        unmount(mountpoint)
        raise RuntimeError('%s failed (exit %d): %s' % (
            os.path.basename(binary), p.returncode,
            p.stderr.decode(errors='replace').strip()))
    try:
        yield mountpoint
    finally:
        unmount(mountpoint)


# --- images ---------------------------------------------------------------
def mktree(dest, seed=1, block_size=4096, big=False, max_file=None):
    cmd = [sys.executable, MKTREE, dest, '--seed', seed, '--block-size', block_size]
    if big:
        cmd.append('--big')
    if max_file:
        cmd += ['--max-file', max_file]
    run(cmd, timeout=600)


def tree_usage(tree):
    """(bytes of data rounded to 4 KiB, number of entries)"""
    total = entries = 0
    for dirpath, dirnames, filenames in os.walk(tree):
        for n in dirnames + filenames:
            entries += 1
            st = os.lstat(os.path.join(dirpath, n))
            total += (st.st_blocks * 512 + 4095) // 4096 * 4096
    return total, entries


def mke2fs_image(tree, image, block_size):
    """An ext2 image of tree with 128-byte inodes (see ext2-diff for why)."""
    data, entries = tree_usage(tree)
    size_kib = (data * 5 // 4 + entries * (block_size + 1024)) // 1024 + 4096
    if os.path.exists(image):
        os.unlink(image)
    # no resize_inode: its reserved GDT blocks count as overhead in the ext4
    # driver's statfs but not in fs/ext2's, and f_blocks must agree
    run(['mke2fs', '-q', '-F', '-t', 'ext2', '-O', '^resize_inode',
         '-b', block_size, '-I', '128',
         '-N', entries + 512, '-d', tree, image, '%dk' % size_kib],
        timeout=600, env=dict(os.environ, E2FSPROGS_FAKE_TIME='1000000000'))
    run(['e2fsck', '-fn', image], timeout=300)


def ext2_images(tmp, block_sizes=(1024, 4096), seed=1,
                big=os.environ.get('KSHIM_TEST_BIG') == '1'):
    """{bs: (tree, image)}: one generated tree per block size (mktree keeps
    symlinks and xattrs within a block), imaged with mke2fs -d."""
    out = {}
    for bs in block_sizes:
        tree = os.path.join(tmp, 'tree-%d' % bs)
        img = os.path.join(tmp, 'ext2-%d.img' % bs)
        mktree(tree, seed=seed, block_size=bs, big=big)
        mke2fs_image(tree, img, bs)
        out[bs] = (tree, img)
    return out


def statvfs_fields(path):
    sv = os.statvfs(path)
    return {k: getattr(sv, 'f_' + k) for k in
            ('bsize', 'frsize', 'blocks', 'bfree', 'bavail', 'files', 'ffree',
             'namemax')}


def statfs_line_fields(text):
    """The 'statfs ...' line of vfs-manifest -S, with statvfs's names."""
    for line in text.splitlines():
        if line.startswith('statfs '):
            f = dict(p.split('=') for p in line.split()[1:])
            f['namemax'] = f.pop('namelen')
            return {k: int(v) for k, v in f.items()}
    return None


def dict_diff(a, b, names=('A', 'B')):
    return ['%s: %s=%s %s=%s' % (k, names[0], a.get(k), names[1], b.get(k))
            for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


# --- manifests ------------------------------------------------------------
def esc(b):
    if isinstance(b, str):
        b = os.fsencode(b)
    return ''.join(chr(c) if 0x21 <= c <= 0x7e and c not in (0x25, 0x3d)
                   else '%%%02X' % c for c in b)


def xattr_value(v):
    if len(v) <= 32:
        return 'hex:' + v.hex()
    return 'sha256:%s:%d' % (hashlib.sha256(v).hexdigest(), len(v))


TYPES = {stat.S_IFREG: 'reg', stat.S_IFDIR: 'dir', stat.S_IFLNK: 'lnk',
         stat.S_IFCHR: 'chr', stat.S_IFBLK: 'blk', stat.S_IFIFO: 'fifo',
         stat.S_IFSOCK: 'sock'}


def file_sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        while True:
            b = f.read(1 << 20)
            if not b:
                break
            h.update(b)
    return h.hexdigest()


def entry_line(path, rel, with_data=True):
    st = os.lstat(path)
    t = TYPES[stat.S_IFMT(st.st_mode)]
    f = ['%s' % (esc(rel)), 'type=' + t, 'mode=%04o' % stat.S_IMODE(st.st_mode),
         'uid=%d' % st.st_uid, 'gid=%d' % st.st_gid, 'nlink=%d' % st.st_nlink,
         'size=%d' % st.st_size, 'blocks=%d' % st.st_blocks, 'ino=%d' % st.st_ino,
         'atime=%d.%09d' % divmod(st.st_atime_ns, 10**9),
         'mtime=%d.%09d' % divmod(st.st_mtime_ns, 10**9),
         'ctime=%d.%09d' % divmod(st.st_ctime_ns, 10**9)]
    if t in ('chr', 'blk'):
        f.append('rdev=%d:%d' % (os.major(st.st_rdev), os.minor(st.st_rdev)))
    if t == 'reg' and with_data:
        f.append('data=' + file_sha256(path))
    if t == 'lnk':
        f.append('link=' + esc(os.readlink(path)))
    try:
        names = os.listxattr(path, follow_symlinks=False)
    except OSError:
        names = []
    for n in sorted(os.fsencode(x) for x in names):
        v = os.getxattr(path, n, follow_symlinks=False)
        f.append('x.%s=%s' % (esc(n), xattr_value(v)))
    return ' '.join(f)


def walk_manifest(root, with_data=True):
    """The manifest of a real directory tree, as a list of lines."""
    root = os.fsencode(root)
    lines = [entry_line(root, b'/', with_data)]
    stack = [b'']
    while stack:
        rel = stack.pop()
        for name in sorted(os.listdir(root + rel if rel else root)):
            r = rel + b'/' + name
            p = root + r
            lines.append(entry_line(p, r, with_data))
            if stat.S_ISDIR(os.lstat(p).st_mode):
                stack.append(r)
    return lines


def parse_manifest(lines):
    """{path: {field: value}} from manifest lines (str or a text blob)."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    out = {}
    for line in lines:
        if not line or line.startswith('#') or line.startswith('statfs '):
            continue
        parts = line.split(' ')
        fields = {}
        for p in parts[1:]:
            k, _, v = p.partition('=')
            fields[k] = v
        if parts[0] in out:
            raise ValueError('path listed twice: ' + parts[0])
        out[parts[0]] = fields
    # hard-link identity, comparable across filesystems: the sorted names
    # of each non-directory inode
    groups = {}
    for p, f in out.items():
        if f.get('type') != 'dir' and 'ino' in f:
            groups.setdefault(f['ino'], []).append(p)
    for names in groups.values():
        for p in names:
            out[p]['links'] = ','.join(sorted(names))
    return out


# field sets: 'source' compares an image with the tree it was made from,
# 'exact' two mounts of one image (everything the kernel shows)
SOURCE_IGNORE = {'ino', 'blocks', 'atime', 'ctime'}
EXACT_IGNORE = set()


def compare_manifests(a, b, mode='exact', names=('A', 'B'), limit=40,
                      ignore=()):
    """Differences between two parsed manifests, as message lines."""
    ign = set(SOURCE_IGNORE if mode == 'source' else EXACT_IGNORE) | set(ignore)
    msgs = []
    skip = (lambda p: p == '/lost+found' or p.startswith('/lost+found/')) \
        if mode == 'source' else (lambda p: False)
    pa = {p for p in a if not skip(p)}
    pb = {p for p in b if not skip(p)}
    for p in sorted(pa - pb):
        msgs.append('%s: only in %s' % (p, names[0]))
    for p in sorted(pb - pa):
        msgs.append('%s: only in %s' % (p, names[1]))
    for p in sorted(pa & pb):
        fa, fb = a[p], b[p]
        for k in sorted(set(fa) | set(fb)):
            if k in ign:
                continue
            if mode == 'source' and p == '/' and k in ('nlink', 'size', 'mtime'):
                continue    # lost+found is the image's; mke2fs -d sets the time
            if mode == 'source' and k == 'size' and fa.get('type') == 'dir':
                continue    # directory sizes are the filesystem's business
            va, vb = fa.get(k, '<none>'), fb.get(k, '<none>')
            if va != vb:
                msgs.append('%s: %s: %s=%s %s=%s' % (p, k, names[0], va,
                                                     names[1], vb))
    if len(msgs) > limit:
        msgs = msgs[:limit] + ['... and %d more' % (len(msgs) - limit)]
    return msgs


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == 'manifest':
        for line in walk_manifest(sys.argv[2]):
            print(line)
    else:
        sys.exit('usage: kshimtest.py manifest DIR')
