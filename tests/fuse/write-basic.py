#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""write-basic: the kshim daemons read-write, driven with plain system calls.

usage: write-basic.py [--ext2 KSHIM_EXT2] [--minix KSHIM_MINIX] [--only TAG]

For each of ext2 (1 KiB and 4 KiB blocks, 128-byte inodes) and minix (v1,
v2, v3) on a fresh 48 MiB image, 'kshim-<fs> -o rw,allow_other' is mounted
and this script, as root, does: create/write/read back, append (O_APPEND),
truncate down and up (the tail reads zeros) and open(O_TRUNC), a stat through
a second descriptor seeing the size a write made, mkdir/rmdir (ENOTEMPTY),
rename (plain, over an existing file, renameat2 RENAME_NOREPLACE -> EEXIST,
RENAME_EXCHANGE -> EINVAL as fs/ext2 and fs/minix answer), hard links (both
names one inode: same st_ino, nlink 2 at once, data shared, nlink 1 after an
unlink), short and long symlinks, chmod, chown to 1000, utime (explicit and
now), the caller's umask applied to create and mkdir, user.* xattrs set,
read, listed, replaced and removed (ext2; minix answers ENOTSUP), a fifo,
statfs free blocks falling with a 1 MiB file and rising after its unlink, a
16 MiB file written in 1 MiB chunks, fsync, read back, posix_fallocate
(zeros: glibc's fallback, neither driver has ->fallocate), fsync of a
directory.  Then, in a child as
uid 1000 (groups [100]): EACCES creating in a root-owned 0755 directory,
a file created in a 0777 directory owned by 1000, and a root:100 0770
directory and 0640 file usable through the supplementary group.
After fusermount3 -u the daemon exits and the checker (e2fsck -fn,
fsck.minix -f) is clean; for ext2 the image mounted read-only by the
running kernel (loop) has exactly the tree the FUSE mount showed (names,
bytes, modes, uids, gids, sizes, blocks, link counts, mtimes, ctimes,
xattrs; atimes aside) and what the script wrote.
Then -o ro: open for write, create, mkdir, chmod, unlink, setxattr: EROFS.
Then a foreground daemon gets SIGTERM right after writes (one file closed,
one still open, no fsync): it exits 0, the mountpoint is gone and the image
holds both files' data, checker-clean.
Then (ext2 1k, minix v3) the image on a 6 MiB tmpfs, so the host refuses
writes past that (ENOSPC): writing 12 MiB and fsync, the caller gets EIO
and the daemon keeps answering.
Options (ext2 1k): bad -o mem= values are refused with a message; -o
mem=32M writes and reads back 64 MiB; -o writeback_cache writes, appends,
a write-only 0200 file, a hard link; the image is clean and holds it all.
TAP; skips (failures under KSHIM_REQUIRE_ALL=1) without root, /dev/fuse,
the binaries or the mkfs/fsck tools.
"""
import argparse
import ctypes
import errno
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vfs'))
import kshimtest as K  # noqa: E402

IMAGE_SIZE = 48 << 20
VARIANTS = [
    ('ext2-1k', 'ext2', ['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '1024', '-I', '128']),
    ('ext2-4k', 'ext2', ['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '4096', '-I', '128']),
    ('minix1', 'minix', ['mkfs.minix', '-1']),
    ('minix2', 'minix', ['mkfs.minix', '-2']),
    ('minix3', 'minix', ['mkfs.minix', '-3']),
]
USER, GROUP = 1000, 100
RENAME_NOREPLACE, RENAME_EXCHANGE = 1, 2
AT_FDCWD = -100


def renameat2(old, new, flags):
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, 'renameat2'):
        return None
    r = libc.renameat2(AT_FDCWD, os.fsencode(old), AT_FDCWD, os.fsencode(new),
                       ctypes.c_uint(flags))
    return 0 if r == 0 else ctypes.get_errno()


def errno_of(fn, *a, **kw):
    try:
        fn(*a, **kw)
    except OSError as e:
        return e.errno
    return 0


def sha(data):
    return hashlib.sha256(data).hexdigest()


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def write(path, data, mode='wb'):
    with open(path, mode) as f:
        f.write(data)


def pattern(n, seed):
    block = hashlib.sha256(b'%d' % seed).digest() * 32    # 1 KiB
    return (block * (n // len(block) + 1))[:n]


def make_image(img, cmd, size=IMAGE_SIZE):
    with open(img, 'wb') as f:
        f.truncate(size)
    K.run(cmd + [img], timeout=120)


def fsck(fstype, img):
    cmd = ['e2fsck', '-fn', img] if fstype == 'ext2' else ['fsck.minix', '-f', img]
    p = K.run(cmd, timeout=120, check=False)
    return p.returncode, (p.stdout + p.stderr).decode(errors='replace')


def as_user(fn):
    """Run fn() in a child as uid USER, gid USER, groups [GROUP]; returns its
    JSON-able result (or {'crash': ...})."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            os.setgroups([GROUP])
            os.setresgid(USER, USER, USER)
            os.setresuid(USER, USER, USER)
            res = fn()
        except BaseException as e:      # noqa: B902 - report, never escape
            res = {'crash': '%s: %s' % (type(e).__name__, e)}
        os.write(w, json.dumps(res).encode())
        os._exit(0)
    os.close(w)
    out = b''
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        out += b
    os.close(r)
    os.waitpid(pid, 0)
    try:
        return json.loads(out.decode())
    except ValueError:
        return {'crash': 'no result: %r' % out}


class Session:
    """The read-write work on one mounted image; 'want' is the tree the
    script expects on the image afterwards (path -> fields)."""

    def __init__(self, tap, name, fstype, mnt):
        self.tap, self.name, self.fstype, self.mnt = tap, name, fstype, mnt
        self.want = {}

    def p(self, rel):
        return os.path.join(self.mnt, rel)

    def ok(self, cond, what, detail=None):
        return self.tap.ok(cond, self.name + what, detail)

    def expect(self, rel, **fields):
        self.want['/' + rel] = fields

    def data(self):
        f1 = self.p('file1')
        body = pattern(10000, 1)
        write(f1, body)
        st = os.stat(f1)
        self.ok(read(f1) == body and st.st_size == len(body) and
                stat.S_ISREG(st.st_mode),
                'create, write 10000 bytes, read them back', repr(st))

        more = pattern(3000, 2)
        write(f1, more, 'ab')
        got = read(f1)
        self.ok(got == body + more, 'append (O_APPEND) lands at the end',
                'size %d' % len(got))

        os.truncate(f1, 1500)
        os.truncate(f1, 6000)
        got = read(f1)
        self.ok(got == body[:1500] + bytes(4500),
                'truncate down to 1500, up to 6000: the tail reads zeros',
                'size %d, tail nonzero: %s' % (len(got), any(got[1500:])))
        self.expect('file1', type='reg', size='6000',
                    data=sha(body[:1500] + bytes(4500)))

        f2 = self.p('trunc')
        write(f2, pattern(5000, 3))
        fd = os.open(f2, os.O_WRONLY | os.O_TRUNC)
        st = os.fstat(fd)
        os.write(fd, b'short')
        os.close(fd)
        self.ok(st.st_size == 0 and read(f2) == b'short',
                'open(O_TRUNC) empties the file', repr(st))
        self.expect('trunc', type='reg', size='5', data=sha(b'short'))

        f3 = self.p('twofd')
        write(f3, b'x' * 100)
        fd1 = os.open(f3, os.O_RDWR)
        fd2 = os.open(f3, os.O_RDONLY)
        try:
            os.pwrite(fd1, b'y' * 100, 20000)
            s2 = os.fstat(fd2).st_size
            s3 = os.stat(f3).st_size
            back = os.pread(fd2, 100, 20000)
        finally:
            os.close(fd1)
            os.close(fd2)
        self.ok(s2 == 20100 and s3 == 20100 and back == b'y' * 100,
                'a write through one descriptor: fstat of another and stat '
                'see the new size', 'fstat %d stat %d' % (s2, s3))
        self.expect('twofd', type='reg', size='20100',
                    data=sha(b'x' * 100 + bytes(19900) + b'y' * 100))

        big = self.p('big')
        h = hashlib.sha256()
        fd = os.open(big, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            for i in range(16):
                chunk = pattern(1 << 20, 100 + i)
                h.update(chunk)
                n = os.write(fd, chunk)
                if n != len(chunk):
                    raise OSError(errno.EIO, 'short write %d' % n)
            os.fsync(fd)
        finally:
            os.close(fd)
        got = K.file_sha256(big)
        self.ok(got == h.hexdigest() and os.stat(big).st_size == 16 << 20,
                '16 MiB written in 1 MiB chunks, fsync, read back')
        self.expect('big', type='reg', size=str(16 << 20), data=h.hexdigest())

        # fallocate: neither driver has one; glibc then writes zeros itself
        fa = self.p('falloc')
        fd = os.open(fa, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            os.posix_fallocate(fd, 0, 100000)
            size = os.fstat(fd).st_size
        finally:
            os.close(fd)
        self.ok(size == 100000 and read(fa) == bytes(100000),
                'posix_fallocate: 100000 bytes of zeros', 'size %d' % size)
        self.expect('falloc', type='reg', size='100000', data=sha(bytes(100000)))

        fd = os.open(self.mnt, os.O_RDONLY | os.O_DIRECTORY)
        try:
            e = errno_of(os.fsync, fd)
        finally:
            os.close(fd)
        self.ok(e == 0, 'fsync of a directory', 'errno %s' % e)

    def names(self):
        d = self.p('dir')
        os.mkdir(d, 0o755)
        os.mkdir(os.path.join(d, 'sub'), 0o700)
        e = errno_of(os.rmdir, d)
        os.rmdir(os.path.join(d, 'sub'))
        os.mkdir(self.p('gone'))
        os.rmdir(self.p('gone'))
        self.ok(e == errno.ENOTEMPTY and os.listdir(d) == [] and
                not os.path.exists(self.p('gone')) and
                stat.S_IMODE(os.stat(d).st_mode) == 0o755,
                'mkdir, rmdir; rmdir of a non-empty directory: ENOTEMPTY',
                'rmdir errno %s' % e)
        self.expect('dir', type='dir', mode='0755')

        a, b, c = self.p('ra'), self.p('rb'), self.p('dir/rc')
        write(a, b'AAAA')
        write(b, b'BB')
        os.rename(a, c)
        self.ok(not os.path.exists(a) and read(c) == b'AAAA',
                'rename into another directory')
        os.rename(c, b)
        self.ok(not os.path.exists(c) and read(b) == b'AAAA',
                'rename over an existing file replaces it')
        write(a, b'again')
        r1 = renameat2(a, b, RENAME_NOREPLACE)
        r2 = renameat2(a, b, RENAME_EXCHANGE)
        if r1 is None:
            self.tap.skip(self.name + 'renameat2 flags', 'no renameat2 in libc')
        else:
            self.ok(r1 == errno.EEXIST and r2 == errno.EINVAL and
                    read(a) == b'again' and read(b) == b'AAAA',
                    'renameat2: NOREPLACE over a name -> EEXIST, EXCHANGE -> '
                    'EINVAL (the driver has none), nothing moved',
                    'noreplace %s exchange %s' % (r1, r2))
        r3 = renameat2(a, self.p('rn'), RENAME_NOREPLACE)
        if r1 is not None:
            self.ok(r3 == 0 and read(self.p('rn')) == b'again' and
                    not os.path.exists(a), 'renameat2 NOREPLACE to a free name')
        self.expect('rb', type='reg', size='4', data=sha(b'AAAA'))
        if r1 is not None:
            self.expect('rn', type='reg', size='5', data=sha(b'again'))
        else:
            self.expect('ra', type='reg', size='5', data=sha(b'again'))

        h1, h2 = self.p('hl1'), self.p('hl2')
        write(h1, b'linked')
        os.stat(h1)                         # the kernel knows h1's inode
        os.link(h1, h2)
        s1, s2 = os.stat(h1), os.stat(h2)
        self.ok(s1.st_ino == s2.st_ino and s1.st_nlink == 2 and s2.st_nlink == 2,
                'link: both names one inode with two links at once',
                'ino %d/%d nlink %d/%d' % (s1.st_ino, s2.st_ino, s1.st_nlink,
                                           s2.st_nlink))
        write(h2, b'through', 'r+b')
        self.ok(read(h1) == b'through',
                'data written through one name reads through the other',
                repr(read(h1)))
        h3 = self.p('hl3')
        os.link(h1, h3)
        os.unlink(h3)
        self.ok(os.stat(h1).st_nlink == 2, 'unlink of a third name: two left',
                'nlink %d' % os.stat(h1).st_nlink)
        final = read(h1)
        self.expect('hl1', type='reg', nlink='2', data=sha(final))
        self.expect('hl2', type='reg', nlink='2', data=sha(final))

        h4 = self.p('hl4')
        write(h4, b'once')
        os.link(h4, self.p('hl5'))
        os.unlink(self.p('hl5'))
        self.ok(os.stat(h4).st_nlink == 1, 'after unlinking the link: nlink 1')
        self.expect('hl4', type='reg', nlink='1', data=sha(b'once'))

        short, long_ = 'file1', 'dir/' + 'x' * 13 + '/' + 'y' * 100
        os.symlink(short, self.p('sym1'))
        os.symlink(long_, self.p('sym2'))
        self.ok(os.readlink(self.p('sym1')) == short and
                os.readlink(self.p('sym2')) == long_ and
                read(self.p('sym1')) == read(self.p('file1')),
                'symlinks: a short and a long target read back, followed')
        self.expect('sym1', type='lnk', link=short)
        self.expect('sym2', type='lnk', link=K.esc(long_))

        os.mkfifo(self.p('fifo'), 0o640)
        st = os.lstat(self.p('fifo'))
        self.ok(stat.S_ISFIFO(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o640,
                'mkfifo', repr(st))
        self.expect('fifo', type='fifo', mode='0640')

        os.mknod(self.p('chr'), 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        st = os.lstat(self.p('chr'))
        self.ok(stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3),
                'mknod of a character device (1:3)', repr(st))
        self.expect('chr', type='chr', rdev='1:3')

    def attrs(self):
        f = self.p('attr')
        write(f, b'attributes')
        os.chmod(f, 0o640)
        os.chown(f, USER, GROUP)
        st = os.stat(f)
        self.ok(stat.S_IMODE(st.st_mode) == 0o640 and st.st_uid == USER and
                st.st_gid == GROUP, 'chmod 0640, chown %d:%d' % (USER, GROUP),
                repr(st))
        os.utime(f, ns=(1_000_000_000 * 10**9, 1_100_000_000 * 10**9))
        st = os.stat(f)
        self.ok(st.st_mtime_ns == 1_100_000_000 * 10**9 and
                (self.fstype == 'minix' or st.st_atime_ns == 1_000_000_000 * 10**9),
                'utime to explicit times', repr(st))
        self.expect('attr', type='reg', mode='0640', uid=str(USER),
                    gid=str(GROUP), mtime='1100000000.000000000')

        g = self.p('touched')
        write(g, b'now')
        os.utime(g, ns=(10**9, 10**9))
        before = time.time()
        os.utime(g)
        st = os.stat(g)
        self.ok(abs(st.st_mtime - before) < 5, 'utime(NULL) sets the time to now',
                'mtime %s, now %s' % (st.st_mtime, before))

        old = os.umask(0o027)
        try:
            write(self.p('um-file'), b'')
            os.mkdir(self.p('um-dir'), 0o777)
        finally:
            os.umask(old)
        m1 = stat.S_IMODE(os.stat(self.p('um-file')).st_mode)
        m2 = stat.S_IMODE(os.stat(self.p('um-dir')).st_mode)
        self.ok(m1 == 0o640 and m2 == 0o750,
                "the caller's umask 027: create 0666 -> 0640, mkdir 0777 -> 0750",
                'file %o dir %o' % (m1, m2))
        self.expect('um-file', type='reg', mode='0640')
        self.expect('um-dir', type='dir', mode='0750')

        x = self.p('file1')
        if self.fstype == 'ext2':
            os.setxattr(x, 'user.one', b'value-1')
            os.setxattr(x, 'user.two', b'v' * 300)
            e1 = errno_of(os.setxattr, x, 'user.one', b'z', os.XATTR_CREATE)
            e2 = errno_of(os.setxattr, x, 'user.none', b'z', os.XATTR_REPLACE)
            os.setxattr(x, 'user.one', b'value-2', os.XATTR_REPLACE)
            names = sorted(os.listxattr(x))
            self.ok(os.getxattr(x, 'user.one') == b'value-2' and
                    os.getxattr(x, 'user.two') == b'v' * 300 and
                    names == ['user.one', 'user.two'] and e1 == errno.EEXIST and
                    e2 == errno.ENODATA,
                    'setxattr/getxattr/listxattr; XATTR_CREATE -> EEXIST, '
                    'XATTR_REPLACE -> ENODATA', '%r %s %s' % (names, e1, e2))
            os.removexattr(x, 'user.two')
            e3 = errno_of(os.getxattr, x, 'user.two')
            self.ok(e3 == errno.ENODATA and os.listxattr(x) == ['user.one'],
                    'removexattr', 'errno %s' % e3)
        else:
            e1 = errno_of(os.setxattr, x, 'user.one', b'v')
            e2 = errno_of(os.removexattr, x, 'user.one')
            self.ok(e1 == errno.ENOTSUP and e2 in (errno.ENOTSUP, errno.ENODATA),
                    'setxattr/removexattr: ENOTSUP on minix',
                    'setxattr %s removexattr %s' % (e1, e2))

        sv0 = os.statvfs(self.mnt)
        write(self.p('onemeg'), pattern(1 << 20, 7))
        sv1 = os.statvfs(self.mnt)
        os.unlink(self.p('onemeg'))
        # the blocks come back when the kernel's forget of the inode (sent as
        # it drops the unlinked inode, answered by another worker) arrives
        deadline = time.monotonic() + 20
        while True:
            sv2 = os.statvfs(self.mnt)
            if sv2.f_bfree > sv1.f_bfree or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        used = (sv0.f_bfree - sv1.f_bfree) * sv0.f_frsize
        self.ok(used >= 1 << 20 and sv2.f_bfree > sv1.f_bfree and
                sv1.f_ffree < sv0.f_ffree,
                'statfs: a 1 MiB file takes >= 1 MiB and an inode, unlink frees',
                'bfree %d -> %d -> %d, ffree %d -> %d' % (
                    sv0.f_bfree, sv1.f_bfree, sv2.f_bfree, sv0.f_ffree,
                    sv1.f_ffree))

    def permissions(self):
        locked = self.p('locked')
        os.mkdir(locked, 0o755)
        mine = self.p('open')
        os.mkdir(mine)
        os.chmod(mine, 0o777)           # whatever this script's umask
        grp = self.p('grp')
        os.mkdir(grp)
        os.chmod(grp, 0o770)
        os.chown(grp, 0, GROUP)
        secret = self.p('grp-file')
        write(secret, b'group readable')
        os.chown(secret, 0, GROUP)
        os.chmod(secret, 0o640)
        mnt = self.mnt

        def child():
            out = {}
            out['locked'] = errno_of(write, os.path.join(mnt, 'locked', 'f'), b'x')
            out['mkdir'] = errno_of(os.mkdir, os.path.join(mnt, 'locked', 'd'))
            p = os.path.join(mnt, 'open', 'mine')
            out['create'] = errno_of(write, p, b'mine')
            st = os.stat(p) if os.path.exists(p) else None
            out['owner'] = [st.st_uid, st.st_gid] if st else None
            out['chown'] = errno_of(os.chown, p, 0, 0)
            out['grp-create'] = errno_of(write, os.path.join(mnt, 'grp', 'g'), b'g')
            try:
                out['grp-read'] = read(os.path.join(mnt, 'grp-file')).decode()
            except OSError as e:
                out['grp-read'] = 'errno %d' % e.errno
            return out
        r = as_user(child)
        self.ok(r.get('locked') == errno.EACCES and r.get('mkdir') == errno.EACCES,
                'uid %d: EACCES creating in a root-owned 0755 directory' % USER,
                repr(r))
        self.ok(r.get('create') == 0 and r.get('owner') == [USER, USER] and
                r.get('chown') == errno.EPERM,
                'uid %d: creates in a 0777 directory, owns the file, may not '
                'give it away (EPERM)' % USER, repr(r))
        self.ok(r.get('grp-create') == 0 and r.get('grp-read') == 'group readable',
                'uid %d in group %d: creates in a root:%d 0770 directory, reads '
                'a root:%d 0640 file' % (USER, GROUP, GROUP, GROUP), repr(r))
        self.expect('open/mine', type='reg', uid=str(USER), data=sha(b'mine'))
        self.expect('locked', type='dir', mode='0755', uid='0')


def compare_want(want, man):
    msgs = []
    for path, fields in sorted(want.items()):
        got = man.get(path)
        if got is None:
            msgs.append('%s: missing' % path)
            continue
        for k, v in fields.items():
            if got.get(k) != v:
                msgs.append('%s: %s: want %s got %s' % (path, k, v, got.get(k)))
    return msgs


def rw_variant(tap, args, tmp, tag, fstype, mkfs):
    name = '%s: ' % tag
    binary = args.ext2 if fstype == 'ext2' else args.minix
    img = os.path.join(tmp, tag + '.img')
    mnt = os.path.join(tmp, 'mnt-' + tag)
    os.mkdir(mnt)
    make_image(img, mkfs)
    s = Session(tap, name, fstype, mnt)
    fuse_view = None
    try:
        with K.kshim_fuse_mount(binary, img, mnt, 'rw,allow_other'):
            tap.ok(True, name + 'mounts read-write')
            for part in (s.data, s.names, s.attrs, s.permissions):
                try:
                    part()
                except Exception as e:
                    tap.ok(False, name + part.__name__ + ': unexpected error',
                           '%s: %s' % (type(e).__name__, e))
            fuse_view = K.parse_manifest(K.walk_manifest(mnt))
            d = compare_want(s.want, fuse_view)
            tap.ok(not d, name + 'the FUSE view holds what was written',
                   '\n'.join(d))
    except RuntimeError as e:
        tap.ok(False, name + 'mounts read-write', str(e))
        return
    free = K.wait_image_free(img)
    rc, out = fsck(fstype, img)
    tap.ok(free and not K.is_mounted(mnt) and rc == 0,
           name + 'unmounted, the daemon gone, the checker clean',
           'daemon gone: %s, fsck exit %d\n%s' % (free, rc, out))

    if fstype == 'ext2':
        why = K.missing_requirements(need_loop=True, programs=('mount',))
        if why:
            tap.skip(name + 'the kernel sees the same tree', why)
        else:
            kmnt = os.path.join(tmp, 'kernel-' + tag)
            os.mkdir(kmnt)
            with K.kernel_mount(img, kmnt, 'ext2'):
                kern = K.parse_manifest(K.walk_manifest(kmnt))
            d = K.compare_manifests(fuse_view or {}, kern, 'exact',
                                    ('kshim', 'kernel'), ignore=('atime',))
            d += compare_want(s.want, kern)
            tap.ok(not d and len(kern) > 20,
                   name + 'the kernel (loop, ro) sees the tree the FUSE mount '
                   'showed and the script wrote (%d entries)' % len(kern),
                   '\n'.join(d))

    # read-only
    try:
        with K.kshim_fuse_mount(binary, img, mnt, 'ro'):
            f = os.path.join(mnt, 'file1')
            errs = {
                'open': errno_of(os.open, f, os.O_WRONLY),
                'create': errno_of(os.open, os.path.join(mnt, 'new'),
                                   os.O_WRONLY | os.O_CREAT, 0o644),
                'mkdir': errno_of(os.mkdir, os.path.join(mnt, 'newdir')),
                'chmod': errno_of(os.chmod, f, 0o600),
                'unlink': errno_of(os.unlink, f),
                'setxattr': errno_of(os.setxattr, f, 'user.ro', b'x'),
            }
            tap.ok(all(e == errno.EROFS for e in errs.values()),
                   name + '-o ro: every write answers EROFS', repr(errs))
    except RuntimeError as e:
        tap.ok(False, name + '-o ro mounts', str(e))
    K.wait_image_free(img)


def sigterm_variant(tap, args, tmp, tag, fstype, mkfs):
    name = '%s: SIGTERM: ' % tag
    binary = args.ext2 if fstype == 'ext2' else args.minix
    img = os.path.join(tmp, tag + '-term.img')
    mnt = os.path.join(tmp, 'term-' + tag)
    os.mkdir(mnt)
    make_image(img, mkfs)
    closed, still_open = pattern(300000, 11), pattern(70000, 12)
    d = subprocess.Popen([binary, '-f', '-o', 'rw', img, mnt],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    fd = None
    try:
        up = K.wait_mounted(mnt, 30)
        if up:
            os.mkdir(os.path.join(mnt, 'd'))
            write(os.path.join(mnt, 'd', 'closed'), closed)
            fd = os.open(os.path.join(mnt, 'open'), os.O_WRONLY | os.O_CREAT, 0o600)
            os.write(fd, still_open)
        d.send_signal(signal.SIGTERM)
        try:
            rc = d.wait(timeout=60)
        except subprocess.TimeoutExpired:
            rc = 'still running 60 s after SIGTERM'
        end = time.monotonic() + 5
        while K.is_mounted(mnt) and time.monotonic() < end:
            time.sleep(0.05)
        gone = not K.is_mounted(mnt)
        tap.ok(up and rc == 0 and gone,
               name + 'the daemon exits 0, the mountpoint is unmounted',
               'mounted %s, exit %s, gone %s, stderr %s' % (
                   up, rc, gone, d.stderr.read().decode(errors='replace')
                   if rc == 0 or isinstance(rc, int) else ''))
    finally:
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass
        if d.poll() is None:
            d.kill()
            d.wait(timeout=30)
        K.unmount(mnt)
    rc, out = fsck(fstype, img)
    got = {}
    try:
        with K.kshim_fuse_mount(binary, img, mnt, 'ro'):
            for rel in ('d/closed', 'open'):
                p = os.path.join(mnt, rel)
                got[rel] = read(p) if os.path.exists(p) else None
    except RuntimeError as e:
        got['mount'] = str(e)
    K.wait_image_free(img)
    tap.ok(rc == 0 and got.get('d/closed') == closed and
           got.get('open') == still_open,
           name + 'the image is checker-clean and holds both files (one closed, '
           'one open at the signal, neither fsynced)',
           'fsck %d\n%s\nsizes %r' % (rc, out, {k: v if v is None or
                                                isinstance(v, str) else len(v)
                                                for k, v in got.items()}))


def eio_variant(tap, args, tmp, tag, fstype, mkfs):
    """The image on a 6 MiB tmpfs: its blocks past that cannot be written
    (the host answers ENOSPC), a device error for the driver."""
    name = '%s: device errors: ' % tag
    binary = args.ext2 if fstype == 'ext2' else args.minix
    small = os.path.join(tmp, 'small-' + tag)
    mnt = os.path.join(tmp, 'mnt-eio-' + tag)
    os.mkdir(small)
    os.mkdir(mnt)
    p = K.run(['mount', '-t', 'tmpfs', '-o', 'size=6M', 'tmpfs', small],
              timeout=60, check=False)
    if p.returncode != 0:
        tap.skip(name + 'EIO reaches the caller', 'no tmpfs mount: ' +
                 p.stderr.decode(errors='replace'))
        return
    img = os.path.join(small, 'eio.img')
    try:
        make_image(img, mkfs)
        with K.kshim_fuse_mount(binary, img, mnt, 'rw'):
            write(os.path.join(mnt, 'before'), b'fine')
            seen = []
            fd = os.open(os.path.join(mnt, 'after'), os.O_WRONLY | os.O_CREAT, 0o644)
            try:
                for i in range(12):
                    os.write(fd, pattern(1 << 20, 200 + i))
                os.fsync(fd)
            except OSError as e:
                seen.append(e.errno)
            finally:
                try:
                    os.close(fd)
                except OSError as e:
                    seen.append(e.errno)
            alive = errno_of(os.stat, os.path.join(mnt, 'before')) == 0
            tap.ok(errno.EIO in seen and alive,
                   name + 'writes the device refuses: the caller gets EIO, the '
                   'daemon keeps answering', 'errors %r, stat ok: %s' % (seen, alive))
    except RuntimeError as e:
        tap.ok(False, name + 'setup', str(e))
    finally:
        K.unmount(mnt)
        if os.path.exists(img):
            K.wait_image_free(img)
        K.unmount(small)


def options_cases(tap, args, tmp):
    """-o mem=SIZE and -o writeback_cache, on ext2 1k."""
    name = 'ext2-1k: options: '
    mkfs = VARIANTS[0][2]
    img = os.path.join(tmp, 'opts.img')
    mnt = os.path.join(tmp, 'mnt-opts')
    os.mkdir(mnt)
    make_image(img, mkfs, 128 << 20)
    for bad in ('mem=12Q', 'mem=', 'mem=1K', 'mem=-5M', 'mem=99999999999999999999G'):
        p = K.run([args.ext2, '-o', 'rw,' + bad, img, mnt], timeout=60, check=False)
        err = p.stderr.decode(errors='replace')
        tap.ok(p.returncode != 0 and bad in err and not K.is_mounted(mnt),
               name + '-o %s is refused with a message naming it' % bad,
               'exit %d: %s' % (p.returncode, err))
        K.unmount(mnt)

    # a 32 MiB cap, 64 MiB written and read back
    h = hashlib.sha256()
    try:
        with K.kshim_fuse_mount(args.ext2, img, mnt, 'rw,mem=32M'):
            with open(os.path.join(mnt, 'capped'), 'wb') as f:
                for i in range(64):
                    chunk = pattern(1 << 20, 300 + i)
                    h.update(chunk)
                    f.write(chunk)
            got = K.file_sha256(os.path.join(mnt, 'capped'))
            tap.ok(got == h.hexdigest(),
                   name + '-o mem=32M: 64 MiB written and read back')
    except RuntimeError as e:
        tap.ok(False, name + '-o mem=32M mounts', str(e))
    K.wait_image_free(img)

    # the kernel's write-back cache: the caller's data still lands
    wb = {'wb-plain': pattern(200000, 21), 'wb-append': b'one' + b'two',
          'wb-wronly': pattern(5000, 22)}
    try:
        with K.kshim_fuse_mount(args.ext2, img, mnt, 'rw,writeback_cache'):
            write(os.path.join(mnt, 'wb-plain'), wb['wb-plain'])
            write(os.path.join(mnt, 'wb-append'), b'one')
            write(os.path.join(mnt, 'wb-append'), b'two', 'ab')
            fd = os.open(os.path.join(mnt, 'wb-wronly'), os.O_WRONLY | os.O_CREAT,
                         0o200)
            os.write(fd, wb['wb-wronly'][:3000])
            os.pwrite(fd, wb['wb-wronly'][3000:], 3000)
            os.close(fd)
            os.link(os.path.join(mnt, 'wb-plain'), os.path.join(mnt, 'wb-link'))
            same = read(os.path.join(mnt, 'wb-link')) == wb['wb-plain']
            tap.ok(same and read(os.path.join(mnt, 'wb-append')) == wb['wb-append'],
                   name + '-o writeback_cache: write, append, a hard link read back')
    except RuntimeError as e:
        tap.ok(False, name + '-o writeback_cache mounts', str(e))
    K.wait_image_free(img)
    rc, out = fsck('ext2', img)
    got = {}
    try:
        with K.kshim_fuse_mount(args.ext2, img, mnt, 'ro'):
            for rel in wb:
                got[rel] = read(os.path.join(mnt, rel))
            capped = K.file_sha256(os.path.join(mnt, 'capped'))
    except (RuntimeError, OSError) as e:
        got['error'] = str(e)
        capped = None
    K.wait_image_free(img)
    tap.ok(rc == 0 and got == wb and capped == h.hexdigest(),
           name + 'after both mounts the image is clean and holds their data',
           'fsck %d\n%s\n%r' % (rc, out, sorted(got)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--ext2')
    ap.add_argument('--minix')
    ap.add_argument('--only', help='run only this variant (ext2-1k, minix3, eio, ...)')
    args = ap.parse_args()
    tap = K.Tap()
    why = K.missing_requirements(need_root=True, need_fuse=True,
                                 programs=('fusermount3',))
    if why:
        tap.skip('read-write FUSE mounts', why)
        tap.done()
    try:
        with K.tempdir('write-basic') as tmp:
            os.chmod(tmp, 0o755)        # uid 1000 walks to the mountpoints
            for tag, fstype, mkfs in VARIANTS:
                if args.only and args.only != tag:
                    continue
                binary = args.ext2 if fstype == 'ext2' else args.minix
                tools = ('mke2fs', 'e2fsck') if fstype == 'ext2' else \
                    ('mkfs.minix', 'fsck.minix')
                why = K.missing_requirements(programs=tools)
                if not why and not (binary and os.path.exists(binary)):
                    why = 'kshim-%s not built' % fstype
                if why:
                    tap.skip(tag + ': read-write mount', why)
                    continue
                cases = [rw_variant, sigterm_variant]
                if tag in ('ext2-1k', 'minix3'):
                    cases.append(eio_variant)
                for case in cases:
                    try:
                        case(tap, args, tmp, tag, fstype, mkfs)
                    except Exception as e:
                        tap.ok(False, '%s: %s: unexpected error' % (tag, case.__name__),
                               '%s: %s' % (type(e).__name__, e))
            if (not args.only or args.only == 'options') and args.ext2 and \
                    os.path.exists(args.ext2) and \
                    not K.missing_requirements(programs=('mke2fs', 'e2fsck')):
                options_cases(tap, args, tmp)
    except Exception as e:
        tap.ok(False, 'unexpected error', '%s: %s' % (type(e).__name__, e))
    tap.done()


if __name__ == '__main__':
    main()
