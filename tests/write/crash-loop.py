#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""crash-loop: SIGKILL the FUSE daemon in the middle of a write workload, many
times over, and check that what was made durable survives.

usage: crash-loop.py --kshim-ext2 BIN --kshim-minix BIN [--iterations N]
                     [--seed S] [--variants ext2-1k,...] [--keep DIR]

Per variant (ext2 1 KiB and 4 KiB blocks, minix v1, v2, v3), one image goes
through N iterations (KSHIM_CRASH_ITERATIONS, default 12; KSHIM_CRASH_SEED,
default 1):

 1. mount it read-write with 'kshim-<fs> -f -o rw IMG MNT' in the background;
 2. verify: every file the journal says was made durable (and not since
    marked for removal) reads back with the recorded size and sha256;
 3. run the workload in a forked child, a seeded number of operations:
    first the last scratch directory s/ is retired (its files truncated and
    fsynced, then it moves into the graveyard g/; see retire_scratch), then
    scratch traffic in a fresh s/ (creates, overwrites, appends, truncates,
    renames, hard and symbolic links, mkdir, directories moved to g/
    instead of removed, unlinks; never fsynced) and durable files in
    k0..k3/, written in random pieces (some sparse), fsync()ed, their
    directory fsync()ed (fs/ext2 makes a new name durable only through its
    directory), optionally born in s/ and renamed in after their fsync
    (both directories fsynced). Only then does the child append
    'F sha256 size path' to the journal, a file OUTSIDE the mount. A durable
    file is never written again; to bound space the child removes old ones,
    appending 'R path' to the journal BEFORE truncating, fsyncing and
    unlinking it, so a removal cut short is never checked. No write starts
    unless FREE_RESERVE stays free: the loop never sees ENOSPC;
 4. SIGKILL the daemon once the child has started a seeded number of its
    operations (plus a seeded few ms), then the child; the dead mount is
    cleaned up (fusermount3 -u, umount -l as a last resort);
 5. repair: 'e2fsck -fy' (exit 0 clean, 1 fixed, 2 fixed + "reboot", which
    only matters for a mounted root: all three are a repaired image; 4 and
    up are failures) or 'fsck.minix -fa' (0 clean, 3 fixed); then the
    read-only check ('e2fsck -fn' / 'fsck.minix -f') must exit 0.
The next iteration mounts the repaired image, so damage the checker could
not repair accumulates. After the last one: mount, verify, a last workload
run to its end, a clean unmount, and the read-only check must pass without
any repair. docs/testing.md explains why the workload never lets a block
that an inode on disk still points to be freed (the stale-pointer hazard of
ext2 and minix, which have no journal). KSHIM_CRASH_TRACE=1 logs every
workload step to the journal ('O what').

An error other than the disconnection itself (ENOTCONN, ECONNABORTED) seen
by the workload before the kill, or a daemon that dies by itself, fails the
iteration. TAP; skips without root, /dev/fuse, fusermount3 or the checkers
(failures under KSHIM_REQUIRE_ALL=1).
"""
import argparse
import errno
import hashlib
import os
import random
import re
import select
import signal
import stat
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', 'vfs'))
import kshimtest as K  # noqa: E402

IMAGE_MIB = 32
KEEP_DIRS = ('k0', 'k1', 'k2', 'k3')
DURABLE_BYTES_BUDGET = 8 << 20
DURABLE_FILES_BUDGET = 400
SCRATCH_BYTES_BUDGET = 4 << 20
SCRATCH_NAMES = 48
GRAVEYARD = 'g'
# The workload is bounded by operations, not time, so that its volume does
# not depend on how fast the daemon writes: OPS per iteration (seeded), the
# kill lands after a seeded number of them plus a short seeded delay (inside
# the next one, usually).
OPS = (40, 160)
KILL_EXTRA_DELAY = (0.0, 0.03)
FINAL_OPS = 120
# A write never starts unless this much space stays free after it: the crash
# loop must never see ENOSPC (enospc.py covers it).
FREE_RESERVE = 6 << 20
WORKLOAD_TIMEOUT = 120
DISCONNECTED = (errno.ENOTCONN, errno.ECONNABORTED)

# name, fs, mkfs argv (image appended; minix images are truncated first),
# repair argv, accepted repair exit codes, read-only check argv
VARIANTS = [
    ('ext2-1k', 'ext2', ['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '1024',
                         '-I', '128'],
     ['e2fsck', '-fy'], (0, 1, 2, 3), ['e2fsck', '-fn']),
    ('ext2-4k', 'ext2', ['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '4096',
                         '-I', '256'],
     ['e2fsck', '-fy'], (0, 1, 2, 3), ['e2fsck', '-fn']),
    ('minix1', 'minix', ['mkfs.minix', '-1', '-n', '30'],
     ['fsck.minix', '-fa'], (0, 3), ['fsck.minix', '-f']),
    ('minix2', 'minix', ['mkfs.minix', '-2', '-n', '30'],
     ['fsck.minix', '-fa'], (0, 3), ['fsck.minix', '-f']),
    ('minix3', 'minix', ['mkfs.minix', '-3'],
     ['fsck.minix', '-fa'], (0, 3), ['fsck.minix', '-f']),
]


# --- the journal ------------------------------------------------------------
def read_journal(path):
    """({relpath: (sha256, size)} of durable files, [error lines]).  A last
    line without its newline was cut by the kill and is ignored."""
    durable, errors = {}, []
    try:
        text = open(path, 'rb').read().decode()
    except FileNotFoundError:
        return durable, errors
    for line in text.split('\n')[:-1]:
        f = line.split(' ')
        if f[0] == 'F' and len(f) == 4:
            durable[f[3]] = (f[1], int(f[2]))
        elif f[0] == 'R' and len(f) == 2:
            durable.pop(f[1], None)
        elif f[0] == 'X':
            errors.append(line)
    return durable, errors


def count_records(path):
    try:
        return sum(1 for line in open(path, 'rb') if line.startswith(b'F '))
    except FileNotFoundError:
        return 0


class Journal:
    """Append-only record, outside the mount; one write() per line, so a
    killed child leaves at most one partial last line."""

    def __init__(self, path):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def add(self, line):
        os.write(self.fd, (line + '\n').encode())


# --- the workload (runs in a forked child) ---------------------------------
class Step:
    """What the workload is doing: the error line names it, and with
    KSHIM_CRASH_TRACE=1 every step is also logged to the journal as
    'O what' before it starts (read_journal ignores those lines)."""

    def __init__(self, journal, what):
        self.journal, self.what = journal, what
        self.trace = os.environ.get('KSHIM_CRASH_TRACE') == '1'

    def now(self, what):
        self.what = what
        if self.trace:
            self.journal.add('O ' + what)


def fsync_path(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def random_content(rnd, size):
    return rnd.randbytes(size) if size else b''


def write_in_pieces(rnd, fd, data, sparse):
    """Write data through fd in random-sized pieces, in random order when
    sparse (zero runs are then left as holes, never written)."""
    pieces, off = [], 0
    while off < len(data):
        n = min(len(data) - off, rnd.choice((1, 100, 512, 1024, 4096, 5000,
                                             65536, 131072)))
        pieces.append((off, n))
        off += n
    if sparse:
        rnd.shuffle(pieces)
    for off, n in pieces:
        chunk = data[off:off + n]
        if sparse and not any(chunk):
            continue
        view = memoryview(chunk)
        while view:
            k = os.pwrite(fd, view, off)
            view, off = view[k:], off + k
    if sparse:
        os.ftruncate(fd, len(data))


def durable_size(rnd):
    r = rnd.random()
    if r < 0.15:
        return 0
    if r < 0.6:
        return rnd.randrange(1, 9000)
    if r < 0.95:
        return rnd.randrange(9000, 300000)
    return rnd.randrange(1 << 20, 3 << 20)     # through the indirect maps


def make_content(rnd, size):
    """Random bytes; sometimes with long zero runs (holes when sparse)."""
    data = bytearray(random_content(rnd, size))
    if size > 20000 and rnd.random() < 0.4:
        for _ in range(rnd.randrange(1, 4)):
            a = rnd.randrange(size)
            b = min(size, a + rnd.randrange(4096, 200000))
            data[a:b] = bytes(b - a)
    return bytes(data)


def retire_tree(path):
    """Make everything under path hold no data blocks on disk: every regular
    file is truncated to 0 and fsync()ed, so that its inode as written has no
    block pointers. Nothing is unlinked or removed: freeing an inode or a
    block whose freeing is not on disk yet is what lets a checker follow a
    stale pointer into a block a durable file has since reused (docs/
    testing.md). Names the mount cannot serve (EIO: mode-0 inodes that
    fsck.minix leaves in place) are skipped."""
    try:
        names = os.listdir(path)
    except OSError as e:
        if e.errno in (errno.EIO, errno.ENOENT):
            return
        raise
    for n in names:
        p = os.path.join(path, n)
        try:
            st = os.lstat(p)
        except OSError as e:
            if e.errno == errno.EIO:
                continue
            raise
        if stat.S_ISDIR(st.st_mode):
            retire_tree(p)
        elif stat.S_ISREG(st.st_mode) and st.st_size:
            fd = os.open(p, os.O_WRONLY | os.O_TRUNC)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def free_bytes(mnt):
    st = os.statvfs(mnt)
    return st.f_bavail * st.f_frsize


def retire_scratch(mnt, iteration):
    """The previous iteration's s/ (and what e2fsck put in lost+found) is
    retired: its files truncated and fsync()ed (retire_tree), then s/ moves
    into the graveyard g/ and a fresh s/ is made, all before the first
    durable write. The graveyard only grows (zero-length files, symbolic
    links, directories), so no block or inode freed in this iteration was
    referenced on disk by an earlier one."""
    s = os.path.join(mnt, 's')
    os.makedirs(os.path.join(mnt, GRAVEYARD), exist_ok=True)
    retire_tree(os.path.join(mnt, 'lost+found'))
    if os.path.lexists(s):
        retire_tree(s)
        os.rename(s, os.path.join(mnt, GRAVEYARD, 's%d' % iteration))
        fsync_path(os.path.join(mnt, GRAVEYARD))
    os.mkdir(s)
    fsync_path(s)


def workload(mnt, journal_path, iteration, seed, ops, progress=None):
    """ops operations, then exit status 0; progress (a pipe) gets one byte
    per operation started. An error ends it with a journal line
    'X errno monotonic-time what' and exit status 3."""
    rnd = random.Random(seed)
    journal = Journal(journal_path)
    durable, _ = read_journal(journal_path)
    durable = {p: s for p, (_, s) in durable.items()}
    where = Step(journal, 'retire the last scratch directory')
    try:
        retire_scratch(mnt, iteration)
        for d in KEEP_DIRS:
            where.now('mkdir ' + d)
            os.makedirs(os.path.join(mnt, d), exist_ok=True)
            fsync_path(os.path.join(mnt, d))
        fsync_path(mnt)
        scratch = {}            # name -> size, for the scratch files in s/
        for serial in range(1, ops + 1):
            if progress is not None:
                os.write(progress, b'.')
            r = rnd.random()
            size = durable_size(rnd) if r < 0.40 else 0
            used = sum(durable.values())
            if (used > DURABLE_BYTES_BUDGET or
                    len(durable) > DURABLE_FILES_BUDGET or r < 0.04 or
                    (size and free_bytes(mnt) < size + FREE_RESERVE)) and \
                    durable:
                # removed the careful way: truncated and fsync()ed before
                # the unlink, so no stale pointer to its blocks stays on disk
                victim = rnd.choice(sorted(durable))
                where.now('remove durable ' + victim)
                journal.add('R ' + victim)
                del durable[victim]
                fd = os.open(os.path.join(mnt, victim), os.O_WRONLY | os.O_TRUNC)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
                os.unlink(os.path.join(mnt, victim))
                fsync_path(os.path.dirname(os.path.join(mnt, victim)))
            elif r < 0.40 and free_bytes(mnt) >= size + FREE_RESERVE:
                kdir = rnd.choice(KEEP_DIRS)
                data = make_content(rnd, size)
                sparse = rnd.random() < 0.3
                via_rename = rnd.random() < 0.3
                name = 'i%d-%d' % (iteration, serial)
                final = kdir + '/' + name
                first = ('s/t-' + name) if via_rename else final
                where.now('write durable ' + first)
                fd = os.open(os.path.join(mnt, first),
                             os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                try:
                    write_in_pieces(rnd, fd, data, sparse)
                    where.now('fsync durable ' + first)
                    os.fsync(fd)
                finally:
                    os.close(fd)
                if via_rename:
                    where.now('rename durable %s -> %s' % (first, final))
                    os.rename(os.path.join(mnt, first),
                              os.path.join(mnt, final))
                    fsync_path(os.path.join(mnt, 's'))
                where.now('fsync directory ' + kdir)
                fsync_path(os.path.join(mnt, kdir))
                journal.add('F %s %d %s' % (hashlib.sha256(data).hexdigest(),
                                            size, final))
                durable[final] = size
            else:
                scratch_op(rnd, mnt, scratch, where)
    except OSError as e:
        journal.add('X %d %.6f %s: %s' % (e.errno or 0, time.monotonic(),
                                          where.what, e.strerror))
        os._exit(3)
    except BaseException as e:   # a bug of this script: report it the same way
        journal.add('X 0 %.6f %s: %s %s' % (time.monotonic(), where.what,
                                            type(e).__name__, e))
        os._exit(4)
    os._exit(0)


def scratch_op(rnd, mnt, scratch, where):
    """One unsynced operation in s/, described in where.what before it starts.
    No scratch file is ever fsync()ed ('fsync' syncs the directory s/): an
    inode that reaches the disk only through a crash-free writeback cannot
    leave stale block pointers behind. An OSError propagates."""
    s = os.path.join(mnt, 's')
    names = ['n%02d' % i for i in range(SCRATCH_NAMES)]
    name = rnd.choice(names)
    path = os.path.join(s, name)
    op = rnd.choice(('write', 'write', 'write', 'append', 'truncate', 'rename',
                     'unlink', 'link', 'symlink', 'mkdir', 'rmdir', 'fsync'))
    if sum(scratch.values()) > SCRATCH_BYTES_BUDGET or \
            free_bytes(mnt) < SCRATCH_BYTES_BUDGET + FREE_RESERVE:
        op = 'unlink'
    where.now('%s s/%s' % (op, name))
    exists = os.path.lexists(path)
    isdir = exists and os.path.isdir(path) and not os.path.islink(path)
    if op in ('write', 'append', 'truncate', 'fsync') and (isdir or
                                                        os.path.islink(path)):
        op = 'rmdir' if isdir else 'unlink'
    if op == 'write':
        size = rnd.choice((0, rnd.randrange(1, 5000), rnd.randrange(5000, 400000)))
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            write_in_pieces(rnd, fd, make_content(rnd, size), rnd.random() < 0.3)
        finally:
            os.close(fd)
        scratch[name] = size
    elif op == 'append':
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            os.write(fd, random_content(rnd, rnd.randrange(1, 70000)))
            scratch[name] = os.fstat(fd).st_size
        finally:
            os.close(fd)
    elif op == 'truncate':
        if exists:
            size = rnd.randrange(0, max(1, scratch.get(name, 0) * 2 + 1))
            os.truncate(path, size)
            scratch[name] = size
    elif op == 'fsync':       # exercises the path; nothing is recorded
        fsync_path(s)
    elif op == 'rename':
        other = rnd.choice(names)
        opath = os.path.join(s, other)
        if exists and other != name:
            if os.path.isdir(opath) and not os.path.islink(opath):
                if not isdir:
                    return
                bury(mnt, opath)
            elif isdir and os.path.lexists(opath):
                os.unlink(opath)
                scratch.pop(other, None)
            os.rename(path, opath)
            scratch[other] = scratch.pop(name, 0)
    elif op == 'unlink':
        if isdir:
            bury(mnt, path)
        elif exists:
            os.unlink(path)
        scratch.pop(name, None)
    elif op == 'link':
        other = os.path.join(s, rnd.choice(names))
        if exists and not isdir and not os.path.lexists(other):
            os.link(path, other, follow_symlinks=False)
    elif op == 'symlink':
        if not exists:
            os.symlink('x' * rnd.choice((1, 20, 59, 60, 200, 1000)), path)
    elif op == 'mkdir':
        if not exists:
            os.mkdir(path)
            for i in range(rnd.randrange(0, 5)):
                with open(os.path.join(path, 'c%d' % i), 'wb') as f:
                    f.write(random_content(rnd, rnd.randrange(0, 3000)))
    elif op == 'rmdir':
        if isdir:
            bury(mnt, path)


def bury(mnt, path):
    """Remove a scratch directory from s/ by moving it into the graveyard:
    a directory is never freed. fs/minix writes every directory change
    through at once (minix_handle_dirsync), the new directory's inode
    included, while a new file's inode waits for writeback: after an rmdir,
    the next file to get that inode number would have its (synced) name
    point to the old directory inode on disk, whose block a durable file
    may have reused by then."""
    os.rename(path, os.path.join(mnt, GRAVEYARD, 'd%x%x' % (time.time_ns(),
                                                        os.getpid())))


# --- the parent -------------------------------------------------------------
class Daemon:
    def __init__(self, binary, img, mnt, log):
        self.binary, self.img, self.mnt, self.log = binary, img, mnt, log
        self.proc = None

    def start(self, opts='rw'):
        with open(self.log, 'ab') as err:
            err.write(b'--- mount -o %s\n' % opts.encode())
            err.flush()
            self.proc = subprocess.Popen(
                [self.binary, '-f', '-o', opts, self.img, self.mnt],
                stdout=subprocess.DEVNULL, stderr=err)
        end = time.monotonic() + 30
        while time.monotonic() < end:
            if K.is_mounted(self.mnt):
                return None
            if self.proc.poll() is not None:
                return 'daemon exited with %d before mounting' % \
                    self.proc.returncode
            time.sleep(0.01)
        self.kill()
        return 'mount did not appear within 30 s'

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        if self.proc:
            self.proc.wait()
        K.unmount(self.mnt)

    def clean_unmount(self):
        """fusermount3 -u, then the daemon must exit by itself with 0."""
        p = K.run(['fusermount3', '-u', self.mnt], timeout=60, check=False)
        try:
            rc = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill()
            return 'the daemon did not exit within 60 s of the unmount'
        self.proc = None
        if p.returncode != 0:
            return 'fusermount3 -u: %s' % p.stderr.decode(errors='replace')
        if rc != 0:
            return 'the daemon exited with %d' % rc
        return None

    def tail(self, n=15):
        try:
            return b'\n'.join(open(self.log, 'rb').read().splitlines()[-n:]) \
                .decode(errors='replace')
        except OSError:
            return ''


def verify(mnt, durable):
    """Every durable file reads back as recorded; returns the problems."""
    bad = []
    for rel, (digest, size) in sorted(durable.items()):
        try:
            h = hashlib.sha256()
            n = 0
            with open(os.path.join(mnt, rel), 'rb', buffering=0) as f:
                while True:
                    b = f.read(1 << 20)
                    if not b:
                        break
                    h.update(b)
                    n += len(b)
            if n != size or h.hexdigest() != digest:
                bad.append('%s: %d bytes sha256 %s, expected %d bytes %s' % (
                    rel, n, h.hexdigest()[:16], size, digest[:16]))
        except OSError as e:
            bad.append('%s: %s' % (rel, e))
    return bad


def minix3_repair(img, tmpdir):
    """fsck.minix -fa for minix v3, working around util-linux's fsck.minix
    (2.38 at least): its write_super_block() returns early for v3 without
    the lseek() to block 1, so write_tables() writes the repaired inode map,
    zone map and inode table at whatever offset the last read left, over
    data blocks. Run it on a copy under strace, take the tables from where
    they landed, put them where they belong (block 2 on), and restore the
    overwritten range from the original. A CompletedProcess-like result."""
    data = open(img, 'rb').read()
    (ninodes, _p0, imaps, zmaps, _first, _log, _p1, _max, _nz, magic, _p2,
     bs) = struct.unpack_from('<IHHHHHHIIHHH', data, 1024)
    copy = os.path.join(tmpdir, 'fsck-copy')
    trace = os.path.join(tmpdir, 'fsck-trace')
    with open(copy, 'wb') as f:
        f.write(data)
    p = K.run(['strace', '-o', trace, '-e', 'trace=lseek,read,write',
               'fsck.minix', '-fa', copy], timeout=300, check=False)
    if p.returncode != 3:
        return p
    maps = (imaps + zmaps) * bs
    length = maps + (ninodes * 64 + bs - 1) // bs * bs
    where = None
    offset = None
    for line in open(trace, errors='replace'):
        m = re.match(r'lseek\(3, (\d+), SEEK_SET\)', line)
        if m:
            offset = int(m.group(1))
            continue
        m = re.match(r'(read|write)\(3, .*\) = (\d+)$', line)
        if m and offset is not None:
            if m.group(1) == 'write' and int(m.group(2)) == imaps * bs:
                where = offset
                break
            offset += int(m.group(2))
    if where is None:
        p.returncode = 8
        p.stdout += b'\ncrash-loop: no table write found in the strace log'
        return p
    fixed = bytearray(open(copy, 'rb').read())
    tables = bytes(fixed[where:where + length])
    fixed[where:where + length] = data[where:where + length]
    fixed[2 * bs:2 * bs + length] = tables
    with open(img, 'r+b') as f:
        f.write(fixed)
    p.stdout += b'\ncrash-loop: tables moved from %d to %d' % (where, 2 * bs)
    return p


# the checkers' routine messages about a crashed image, fixed as they go
ROUTINE_REPAIRS = re.compile(
    r'is marked not in use|marked unused, but used|has mode 00000|i_nlinks=|'
    r'Zone \d+: (not )?in use|used, marked unused|marked in use, no file|'
    r'not used, marked used|^Entry .* has deleted/unused inode|^Fix\? |'
    r'^Clear\? |filetype|^Illegal block|^\s*$')


def unusual_lines(out, limit=40):
    """The checker's output without its routine repairs (the full text is
    in repair.log): what it could not fix is in there."""
    lines = [ln for ln in out.splitlines() if not ROUTINE_REPAIRS.search(ln)]
    return '\n'.join(lines[:limit] + (['...'] if len(lines) > limit else []))


def scratch_bad_directories(out):
    """The paths fsck.minix calls bad directories ('.' or '..' not where they
    belong: never repaired, only reported) if all are scratch paths (s/...),
    else None.  A scratch name whose stale inode was a directory once, and
    whose entry reached the disk before its new inode did, ends like that."""
    paths = set(re.findall(r'^(/\S*): bad directory', out, re.M))
    if not paths or not all(x.startswith(('/s/', '/g/')) for x in paths):
        return None
    return paths


def run_repair(variant, img):
    name, _, _, repair = variant[:4]
    if name == 'minix3':
        p = minix3_repair(img, os.path.dirname(img))
    else:
        p = K.run(repair + [img], timeout=300, check=False)
    out = p.stdout.decode(errors='replace') + p.stderr.decode(errors='replace')
    with open(os.path.join(os.path.dirname(img), 'repair.log'), 'a') as f:
        f.write('=== %s: exit %d\n%s\n' % (' '.join(repair), p.returncode, out))
    return p.returncode, out


def repair_and_check(variant, img, stats=None):
    """(ok, detail, repaired?): the repair pass, then the read-only check.
    e2fsck gets a second pass when the first left something (it sometimes
    needs one after cloning blocks); fsck.minix may leave bad scratch
    directories (scratch_bad_directories), which then must be all that the
    read-only check and another repair pass find.  stats counts both."""
    name, fs, _, repair, accepted, check = variant
    stats = stats if stats is not None else {}
    rc, out = run_repair(variant, img)
    residue = None
    if fs == 'minix' and rc & 4:
        residue = scratch_bad_directories(out)
        if residue is not None:
            rc &= ~4
    if rc not in accepted:
        return False, '%s: exit %d\n%s' % (' '.join(repair), rc,
                                          unusual_lines(out)), True
    c = K.run(check + [img], timeout=300, check=False)
    cout = c.stdout.decode(errors='replace') + c.stderr.decode(errors='replace')
    if c.returncode != 0 and fs == 'ext2':
        rc2, out2 = run_repair(variant, img)
        if rc2 in accepted:
            stats['second_pass'] = stats.get('second_pass', 0) + 1
            c = K.run(check + [img], timeout=300, check=False)
            cout = c.stdout.decode(errors='replace') + \
                c.stderr.decode(errors='replace')
            out += '\n--- second pass:\n' + out2
    if c.returncode == 4 and residue is not None and \
            scratch_bad_directories(cout) == residue:
        rc2, _ = run_repair(variant, img)
        if rc2 == 4:        # nothing left to fix but the residue
            stats['bad_dirs'] = stats.get('bad_dirs', 0) + len(residue)
            return True, '', rc != 0
    if c.returncode != 0:
        return False, ('%s exit %d, yet %s: exit %d\n%s\n--- repair output:\n%s'
                       % (' '.join(repair), rc, ' '.join(check),
                          c.returncode, unusual_lines(cout),
                          unusual_lines(out))), True
    return True, '', rc != 0


# What the checkers print when they act on another inode's stale block
# pointers: they then write into blocks that may since belong to a durable
# file (see the comment in run_variant).
STALE_POINTER_REPAIRS = re.compile(
    r'Illegal (indirect )?block|Multiply-claimed|Block has been used before|'
    r'Zone nr [<>]|bad inode number|Remove block', re.I)


def run_variant(tap, variant, binary, tmp, iterations, seed):
    name, fs, mkfs = variant[:3]
    vdir = os.path.join(tmp, name)
    os.mkdir(vdir)
    img = os.path.join(vdir, 'image')
    mnt = os.path.join(vdir, 'mnt')
    jpath = os.path.join(vdir, 'journal')
    os.mkdir(mnt)
    with open(img, 'wb') as f:
        f.truncate(IMAGE_MIB << 20)
    K.run(mkfs + [img], timeout=120)
    daemon = Daemon(binary, img, mnt, os.path.join(vdir, 'daemon.log'))
    rnd = random.Random('%s/%d' % (name, seed))
    repaired = checked = records = hazard = 0
    stats = {}
    stale_repairs = set()
    t_start = time.monotonic()
    for it in range(iterations + 1):
        last = it == iterations
        label = '%s: iteration %d/%d: ' % (name, it + 1, iterations) if not last \
            else '%s: final: ' % name
        why = daemon.start()
        if why:
            tap.ok(False, label + 'mount', why + '\n' + daemon.tail())
            return
        durable, errors = read_journal(jpath)
        bad = verify(mnt, durable)
        checked += len(durable)
        if bad and stale_repairs:
            # checked intact before the repair, damaged by it: the checker
            # followed a stale pointer of a non-durable inode into a block
            # a durable file had reused. ext2 and minix have no journal and
            # no ordering between the two; the kernel's drivers do the same.
            hazard += len(bad)
            tap.diag(label + '%d durable files damaged by the repair (it '
                     'acted on stale block pointers: %s):\n%s' % (
                         len(bad), '; '.join(sorted(stale_repairs)),
                         '\n'.join(bad[:5])))
            j = Journal(jpath)
            for line in bad:
                j.add('R ' + line.split(':')[0])
            durable, _ = read_journal(jpath)
            bad = []
        if not tap.ok(not bad, label + 'after the repair, the %d durable files '
                      'read back intact' % len(durable), '\n'.join(bad[:20])):
            daemon.kill()
            return
        if last:
            break
        errors_before = len(errors)
        records_before = count_records(jpath)
        wseed = rnd.getrandbits(32)
        ops = rnd.randrange(*OPS)
        kill_after = rnd.randrange(0, ops + 1)
        extra = rnd.uniform(*KILL_EXTRA_DELAY)
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(rfd)
                workload(mnt, jpath, it, wseed, ops, wfd)
            finally:
                os._exit(5)
        os.close(wfd)
        died, done, end = None, 0, time.monotonic() + WORKLOAD_TIMEOUT
        while time.monotonic() < end:
            if daemon.proc.poll() is not None:
                died = daemon.proc.returncode
                break
            wpid, _ = os.waitpid(pid, os.WNOHANG)
            if wpid:
                pid = 0
                break
            if select.select([rfd], [], [], 0.005)[0]:
                got = os.read(rfd, 4096)
                done += len(got)
                if not got or done >= kill_after:
                    time.sleep(extra)
                    break
        when = 'op %d/%d + %.0f ms' % (min(done, ops), ops, extra * 1000)
        killed_at = time.monotonic()
        daemon.kill()
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
        os.close(rfd)       # only now: the child never sees EPIPE
        durable, errors = read_journal(jpath)
        # only this child's errors; those after the kill (or the
        # disconnection's own errnos) are the crash itself
        real = [e for e in errors[errors_before:]
                if not (int(e.split(' ')[1]) in DISCONNECTED or
                        float(e.split(' ')[2]) >= killed_at - 0.001)]
        if died is not None or real:
            tap.ok(False, label + 'workload until SIGKILL after ' + when,
                   ('the daemon died by itself (status %d)\n' % died
                    if died is not None else '') +
                   '\n'.join(real) + '\n' + daemon.tail())
            return
        records += count_records(jpath) - records_before
        # the fsync contract itself: before any repair, through a read-only
        # mount of the image as the kill left it
        why = daemon.start('ro')
        if why:
            tap.ok(False, label + 'read-only mount before the repair',
                   why + '\n' + daemon.tail())
            return
        bad = verify(mnt, durable)
        err = daemon.clean_unmount()
        if not tap.ok(not bad and not err, label + 'before the repair, the %d '
                      'durable files read back intact' % len(durable),
                      '\n'.join(bad[:20] + [err or ''])):
            return
        rlog = os.path.join(vdir, 'repair.log')
        log_size = os.path.getsize(rlog) if os.path.exists(rlog) else 0
        ok, detail, fixed = repair_and_check(variant, img, stats)
        with open(rlog, errors='replace') as f:
            f.seek(log_size)
            stale_repairs = set(m.group(0) for m in
                                STALE_POINTER_REPAIRS.finditer(f.read()))
        repaired += fixed
        if not tap.ok(ok, label + 'SIGKILL after %s (%d new durable files), '
                      'repaired, read-only check clean' % (
                          when, count_records(jpath) - records_before),
                      detail):
            return
    # a last workload with no crash: it runs to its end, the daemon
    # unmounts cleanly, and the image must need no repair at all (nothing
    # lost on the way to the disk, no block or inode given twice)
    errors_before = len(read_journal(jpath)[1])
    pid = os.fork()
    if pid == 0:
        try:
            workload(mnt, jpath, iterations, rnd.getrandbits(32), FINAL_OPS)
        finally:
            os._exit(5)
    status = None
    end = time.monotonic() + WORKLOAD_TIMEOUT
    while status is None and time.monotonic() < end:
        wpid, st = os.waitpid(pid, os.WNOHANG)
        status = os.waitstatus_to_exitcode(st) if wpid else None
        time.sleep(0.01)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    errors = read_journal(jpath)[1][errors_before:]
    tap.ok(status == 0 and not errors, name + ': a last %d operations without '
           'a crash (exit status %s)' % (FINAL_OPS, status), '\n'.join(errors))
    err = daemon.clean_unmount()
    tap.ok(err is None, name + ': clean unmount, daemon exits 0',
           (err or '') + '\n' + daemon.tail())
    ok, detail, fixed = repair_and_check(variant, img)
    if ok and fixed:
        with open(os.path.join(vdir, 'repair.log'), errors='replace') as f:
            detail = 'the repair pass changed it:\n' + \
                f.read().split('=== ')[-1][-3000:]
    tap.ok(ok and not fixed, name + ': read-only check clean after a clean '
           'unmount, without repair', detail)
    durable, _ = read_journal(jpath)
    why = daemon.start('ro')
    if not why:
        bad = verify(mnt, durable)
        why = daemon.clean_unmount()
    tap.ok(not why and not bad, name + ': after it, the %d durable files read '
           'back intact' % len(durable), '\n'.join(bad[:20] + [why or '']))
    total = count_records(jpath)
    tap.ok(total >= iterations, name + ': the workload made %d files durable '
           '(at least one per iteration on average)' % total)
    tap.diag('%s: %d iterations in %.1f s, %d repairs needed a fix, %d durable '
             'file checks, %d alive at the end, %d durable files '
             'damaged by repairs that followed stale pointers, %d second '
             'e2fsck passes, %d scratch directories fsck.minix left bad' % (
                 name, iterations, time.monotonic() - t_start, repaired,
                 checked, len(durable), hazard,
                 stats.get('second_pass', 0), stats.get('bad_dirs', 0)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kshim-ext2')
    ap.add_argument('--kshim-minix')
    ap.add_argument('--iterations', type=int,
                    default=int(os.environ.get('KSHIM_CRASH_ITERATIONS', '12')))
    ap.add_argument('--seed', type=int,
                    default=int(os.environ.get('KSHIM_CRASH_SEED', '1')))
    ap.add_argument('--variants', default=','.join(v[0] for v in VARIANTS))
    args = ap.parse_args()
    tap = K.Tap()
    tap.diag('seed %d, %d iterations per variant (KSHIM_CRASH_SEED, '
             'KSHIM_CRASH_ITERATIONS)' % (args.seed, args.iterations))
    binaries = {'ext2': args.kshim_ext2, 'minix': args.kshim_minix}
    wanted = args.variants.split(',')
    with K.tempdir('crash') as tmp:
        K.run_fuse_variants(
            tap, 'crash loop', VARIANTS, wanted, binaries, tmp,
            lambda v: ('fusermount3', v[2][0], v[3][0]) +
            (('strace',) if v[0] == 'minix3' else ()),
            lambda v, binary: run_variant(tap, v, binary, tmp,
                                          args.iterations, args.seed))
    tap.done()


if __name__ == '__main__':
    main()
