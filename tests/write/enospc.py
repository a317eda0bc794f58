#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""enospc: fill small images through the kshim FUSE daemons, data first and
then inodes, and check the errors and the images.

usage: enospc.py --kshim-ext2 BIN --kshim-minix BIN [--variants ext2-1k,...]

Per variant (ext2 1 KiB and 4 KiB blocks, minix v1, v2, v3) on an 8 MiB
image with 512 inodes, mounted 'kshim-<fs> -f -o rw':
- a few 'keeper' files (0 B to 300 KiB) are written and fsynced;
- data fill: files written in 64 KiB pieces, then one more in 1 KiB pieces,
  until a write, fsync or close fails: the error must be ENOSPC (not EIO),
  and statvfs must then show no available blocks beyond a small slack
  (indirect blocks a last write could not get);
- the keepers read back intact; an append to one fails with ENOSPC and
  leaves its old bytes, and a truncate back to its size works; mkdir on the
  full filesystem is ENOSPC;
- deleting the fill files gives the blocks back (statvfs), and a new
  256 KiB file can be written, fsynced and read back;
- inode fill: empty files in directories of 100 until a create fails: the
  error must be ENOSPC and statvfs must show no free inode; after deleting
  ten, ten creates work again;
- clean unmount (the daemon exits 0), the read-only checker ('e2fsck -fn',
  'fsck.minix -f') exits 0, and a read-only remount reads the keepers and
  the new file back intact.
TAP; skips without root, /dev/fuse, fusermount3 or the mkfs/fsck programs
(failures under KSHIM_REQUIRE_ALL=1).
"""
import argparse
import errno
import hashlib
import os
import random
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', 'vfs'))
import kshimtest as K  # noqa: E402

IMAGE_MIB = 8
INODES = 512
KEEPER_SIZES = (0, 3000, 70000, 300000)

# name, fs, mkfs argv (image appended; images are truncated first),
# read-only check argv
VARIANTS = [
    ('ext2-1k', 'ext2', ['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '1024',
                         '-I', '128', '-N', str(INODES)], ['e2fsck', '-fn']),
    ('ext2-4k', 'ext2', ['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '4096',
                         '-I', '256', '-N', str(INODES)], ['e2fsck', '-fn']),
    ('minix1', 'minix', ['mkfs.minix', '-1', '-n', '30', '-i', str(INODES)],
     ['fsck.minix', '-f']),
    ('minix2', 'minix', ['mkfs.minix', '-2', '-n', '30', '-i', str(INODES)],
     ['fsck.minix', '-f']),
    ('minix3', 'minix', ['mkfs.minix', '-3', '-i', str(INODES)],
     ['fsck.minix', '-f']),
]


class Mount:
    """kshim-<fs> -f in the background, with its stderr in a log file."""

    def __init__(self, binary, img, mnt, log, opts):
        self.log = log
        self.mnt = mnt
        with open(log, 'ab') as err:
            self.proc = subprocess.Popen([binary, '-f', '-o', opts, img, mnt],
                                         stdout=subprocess.DEVNULL, stderr=err)
        end = time.monotonic() + 30
        while not K.is_mounted(mnt):
            if self.proc.poll() is not None or time.monotonic() > end:
                self.close()
                raise RuntimeError('%s: no mount (%s)\n%s' % (
                    os.path.basename(binary), self.proc.returncode, self.tail()))
            time.sleep(0.01)

    def unmount(self):
        """Clean unmount; None or what went wrong."""
        p = K.run(['fusermount3', '-u', self.mnt], timeout=60, check=False)
        try:
            rc = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.close()
            return 'the daemon did not exit after fusermount3 -u'
        if p.returncode:
            return 'fusermount3 -u: ' + p.stderr.decode(errors='replace')
        return None if rc == 0 else 'the daemon exited with %d' % rc

    def close(self):
        """Whatever state it is in: no mount, no daemon."""
        K.unmount(self.mnt)
        if self.proc.poll() is None:
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tail(self, n=15):
        try:
            return b'\n'.join(open(self.log, 'rb').read().splitlines()[-n:]) \
                .decode(errors='replace')
        except OSError:
            return ''


def digest_of(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_file(path, data, fsync=True):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if fsync:
            os.fsync(fd)
    finally:
        os.close(fd)


def fill_file(path, piece, rnd):
    """Write pieces of 'piece' bytes until an error; (bytes written,
    OSError) where the error came from open, write, fsync or close."""
    written = 0
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError as e:
        return 0, e
    err = None
    try:
        while written < (1 << 20):
            n = os.write(fd, rnd.randbytes(piece))
            written += n
            if n < piece:       # short write: the next one says why
                os.write(fd, rnd.randbytes(piece))
        os.fsync(fd)
    except OSError as e:
        err = e
    try:
        os.close(fd)
    except OSError as e:
        err = err or e
    return written, err


def errname(e):
    return errno.errorcode.get(e.errno, str(e.errno)) if e else 'no error'


def run_variant(tap, variant, binary, tmp):
    name, fs, mkfs, check = variant
    vdir = os.path.join(tmp, name)
    os.mkdir(vdir)
    img, mnt, log = (os.path.join(vdir, n) for n in ('image', 'mnt', 'daemon.log'))
    os.mkdir(mnt)
    with open(img, 'wb') as f:
        f.truncate(IMAGE_MIB << 20)
    K.run(mkfs + [img], timeout=120)
    rnd = random.Random(name)
    m = Mount(binary, img, mnt, log, 'rw')
    try:
        keepers = {}
        for i, size in enumerate(KEEPER_SIZES):
            data = rnd.randbytes(size)
            write_file(os.path.join(mnt, 'keep%d' % i), data)
            keepers['keep%d' % i] = (hashlib.sha256(data).hexdigest(), data)
        sv0 = os.statvfs(mnt)

        # data fill
        fill_dir = os.path.join(mnt, 'fill')
        os.mkdir(fill_dir)
        errs, total, k = [], 0, 0
        while True:
            n, e = fill_file(os.path.join(fill_dir, 'f%03d' % k), 65536, rnd)
            total += n
            k += 1
            if e:
                errs.append(e)
                break
        n, e = fill_file(os.path.join(fill_dir, 'tail'), 1024, rnd)
        total += n
        errs.append(e)
        sv = os.statvfs(mnt)
        slack = max(8, sv.f_blocks // 100)
        tap.ok(all(e and e.errno == errno.ENOSPC for e in errs),
               '%s: filling the data blocks ends in ENOSPC (%d KiB written in '
               '%d files)' % (name, total >> 10, k + 1),
               'errors: ' + ', '.join('%s (%s)' % (errname(e), e) for e in errs) +
               '\n' + m.tail())
        tap.ok(sv.f_bavail <= slack,
               '%s: statvfs shows the filesystem full (%d of %d blocks '
               'available, slack %d)' % (name, sv.f_bavail, sv.f_blocks, slack))

        bad = [n for n, (d, _) in keepers.items()
               if digest_of(os.path.join(mnt, n)) != d]
        tap.ok(not bad, '%s: files written before the fill are intact' % name,
               'changed: %s' % bad)

        big = 'keep%d' % (len(KEEPER_SIZES) - 1)
        bpath = os.path.join(mnt, big)
        before = keepers[big][1]
        e = None
        try:
            fd = os.open(bpath, os.O_WRONLY | os.O_APPEND)
            try:
                for _ in range(64):
                    os.write(fd, rnd.randbytes(65536))
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as x:
            e = x
        with open(bpath, 'rb') as f:
            head = f.read(len(before))
        tap.ok(e is not None and e.errno == errno.ENOSPC and head == before,
               '%s: appending to a file on the full filesystem is ENOSPC and '
               'keeps its bytes' % name,
               'error %s, old bytes %s' % (errname(e), 'kept' if head == before
                                           else 'CHANGED'))
        e = None
        try:
            os.truncate(bpath, len(before))
        except OSError as x:
            e = x
        tap.ok(e is None and digest_of(bpath) == keepers[big][0],
               '%s: truncating it back works on the full filesystem' % name,
               errname(e))
        e = None
        try:
            os.mkdir(os.path.join(mnt, 'nodir'))
        except OSError as x:
            e = x
        tap.ok(e is not None and e.errno == errno.ENOSPC,
               '%s: mkdir on the full filesystem is ENOSPC' % name, errname(e))

        # space comes back
        for n in os.listdir(fill_dir):
            os.unlink(os.path.join(fill_dir, n))
        # The host's FUSE client sends RELEASE for a closed file and FORGET
        # for an unlinked inode asynchronously: the daemon frees the blocks
        # when the last of them arrives, a moment after unlink() returned.
        # Waited for (bounded), not assumed.
        deadline = time.monotonic() + 20
        while True:
            sv = os.statvfs(mnt)
            if sv.f_bfree + slack >= sv0.f_bfree or \
                    time.monotonic() > deadline:
                break
            time.sleep(0.02)
        tap.ok(sv.f_bfree + slack >= sv0.f_bfree,
               '%s: deleting the fill files frees their blocks (%d free, %d '
               'before the fill)' % (name, sv.f_bfree, sv0.f_bfree))
        fresh = rnd.randbytes(256 << 10)
        e = None
        try:
            write_file(os.path.join(mnt, 'fresh'), fresh)
        except OSError as x:
            e = x
        tap.ok(e is None and digest_of(os.path.join(mnt, 'fresh')) ==
               hashlib.sha256(fresh).hexdigest(),
               '%s: a new 256 KiB file writes and reads back after that' % name,
               errname(e))
        keepers['fresh'] = (hashlib.sha256(fresh).hexdigest(), fresh)

        # inode fill
        made, e, d = 0, None, None
        while e is None:
            if made % 100 == 0:
                d = os.path.join(mnt, 'i%03d' % (made // 100))
                try:
                    os.mkdir(d)
                except OSError as x:
                    e = x
                    break
            try:
                os.close(os.open(os.path.join(d, 'e%05d' % made),
                                 os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
                made += 1
            except OSError as x:
                e = x
        sv = os.statvfs(mnt)
        tap.ok(e is not None and e.errno == errno.ENOSPC,
               '%s: creating empty files until the inodes run out ends in '
               'ENOSPC (%d created, %d were free)' % (name, made, sv0.f_ffree),
               '%s (%s)\n%s' % (errname(e), e, m.tail()))
        tap.ok(sv.f_ffree == 0, '%s: statvfs shows no free inode' % name,
               'f_ffree %d' % sv.f_ffree)
        e = None
        try:
            victims = [os.path.join(mnt, 'i000', 'e%05d' % i) for i in range(10)]
            for v in victims:
                os.unlink(v)
            for v in victims:
                os.close(os.open(v, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except OSError as x:
            e = x
        tap.ok(e is None,
               '%s: after deleting ten, ten creates work again' % name,
               errname(e))
        bad = [n for n, (dg, _) in keepers.items()
               if digest_of(os.path.join(mnt, n)) != dg]
        tap.ok(not bad, '%s: the kept files are still intact' % name,
               'changed: %s' % bad)
        err = m.unmount()
        tap.ok(err is None, '%s: clean unmount, the daemon exits 0' % name,
               (err or '') + '\n' + m.tail())
    finally:
        m.close()

    p = K.run(check + [img], timeout=120, check=False)
    tap.ok(p.returncode == 0, '%s: %s is clean' % (name, ' '.join(check)),
           (p.stdout + p.stderr).decode(errors='replace')[-3000:])
    m = Mount(binary, img, mnt, log, 'ro')
    try:
        bad = [n for n, (dg, _) in keepers.items()
               if digest_of(os.path.join(mnt, n)) != dg]
        tap.ok(not bad, '%s: after a remount the kept files read back intact'
               % name, 'changed: %s' % bad)
    finally:
        m.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kshim-ext2')
    ap.add_argument('--kshim-minix')
    ap.add_argument('--variants', default=','.join(v[0] for v in VARIANTS))
    args = ap.parse_args()
    tap = K.Tap()
    binaries = {'ext2': args.kshim_ext2, 'minix': args.kshim_minix}
    wanted = args.variants.split(',')
    with K.tempdir('enospc') as tmp:
        K.run_fuse_variants(
            tap, 'ENOSPC', VARIANTS, wanted, binaries, tmp,
            lambda v: ('fusermount3', v[2][0], v[3][0]),
            lambda v, binary: run_variant(tap, v, binary, tmp))
    tap.done()


if __name__ == '__main__':
    main()
