#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""perm-user: the VFS's permission checks over FUSE, against the kernel's.

usage: perm-user.py --kshim KSHIM_EXT2
       perm-user.py --probe ROOT       (the probe itself, run as the user)

Without allow_other the daemon does not pass default_permissions, so the
kernel checks almost nothing and every request is judged by the VFS with
the caller's uid, gid and groups (FUSE_ACCESS for access(2) and chdir(2),
KSHIM_OPEN_EXEC for exec(2)'s open).  This test mounts as an unprivileged
user and compares, operation by operation, what that user may do on the
FUSE mount with what the running kernel's own ext2 driver allows:

1. As root, a tree is staged with files, directories, scripts and ELF
   binaries owned by the user, by root and by root with the user's group,
   in many modes (0000 ... 0755, 0070, 0007; directories without search,
   without read, write+search only, sticky 1777 owned by root and by the
   user, setgid), and imaged with mke2fs -d (1 KiB blocks, 128-byte inodes).
2. The image and a fresh mountpoint belong to the user; /dev/fuse is made
   0666 for the test's duration (its mode is always restored) and the user
   mounts with 'setpriv --reuid U --regid G --clear-groups -- kshim-ext2 -f
   IMG MNT -o rw' (fusermount3 does the mount).
3. A probe ('--probe ROOT', started the same way) runs a fixed list of
   operations and prints one line each: the operation, then 'ok' (with the
   resulting mode/gid where that is the point) or the errno name: stat,
   lstat, open O_RDONLY/O_WRONLY/O_RDWR/O_TRUNC/O_CREAT, read, write,
   access F_OK/R_OK/W_OK/X_OK, chdir, listdir, getxattr, create, create
   with S_ISGID, mkdir, mkfifo, symlink, link, unlink, rmdir, rename in
   place, into and out of each directory, over another's file, directories
   across parents, chmod/chown (same and foreign owner, S_ISGID without the
   group), set-id bits after write and chown, utime(None) and explicit,
   truncate, user.* setxattr, exec of data files, scripts and binaries.
   Every operation that changes the namespace has a target of its own, so
   the order does not matter.
4. The same probe, as the same user, runs on a copy of the image that root
   loop-mounts with the kernel's driver; each line is one TAP test.
5. After unmounting, e2fsck -fn is clean on both images.

Checks besides the comparison: the probe ran as the user, the FUSE mount
has no default_permissions, the kernel's answers include both successes
and refusals, and the daemon exits 0 after fusermount3 -u.
TAP; skips (failures under KSHIM_REQUIRE_ALL=1) without root, /dev/fuse,
loop devices, setpriv, fusermount3, mke2fs/e2fsck or the daemon.
"""
import argparse
import ctypes
import errno
import os
import pwd
import shutil
import signal
import stat
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'vfs'))
import kshimtest as K  # noqa: E402

OTHER = 2000                # neither the user nor root
DATA = b'data\n'
SCRIPT = b'#!/bin/sh\nexit 0\n'
XATTR = 'user.perm'


def pick_user():
    """(uid, gid) of an unprivileged user fusermount3 can name: 1000 if it
    exists, else another passwd entry, else nobody."""
    want = int(os.environ.get('KSHIM_PERM_UID', '1000'))
    try:
        pw = pwd.getpwuid(want)
        return pw.pw_uid, pw.pw_gid
    except KeyError:
        pass
    users = sorted((p.pw_uid, p.pw_gid) for p in pwd.getpwall()
                   if 1000 <= p.pw_uid < 60000)
    if users:
        return users[0]
    pw = pwd.getpwnam('nobody')
    return pw.pw_uid, pw.pw_gid


# --- the tree -------------------------------------------------------------
# owners: 'u' the user, 'r' root, 'g' root with the user's group, 'o' OTHER
FILE_MODES = {
    'u': (0o000, 0o400, 0o600, 0o644, 0o700, 0o744, 0o755, 0o070, 0o007,
          0o470),
    'r': (0o000, 0o400, 0o600, 0o644, 0o700, 0o744, 0o755, 0o666, 0o606,
          0o660),
    'g': (0o640, 0o460, 0o060, 0o070, 0o604),
}
DIRS = [('du%04o' % m, 'u', m) for m in (0o700, 0o600, 0o500, 0o300, 0o755,
                                          0o711, 0o070)] + \
       [('dr%04o' % m, 'r', m) for m in (0o700, 0o600, 0o500, 0o300, 0o755,
                                          0o711, 0o777, 0o733)] + \
       [('dg%04o' % m, 'g', m) for m in (0o750, 0o730, 0o070)] + \
       [('st1777', 'r', 0o1777), ('stu1777', 'u', 0o1777),
        ('sg2777', 'r', 0o2777), ('sg2775g', 'g', 0o2775)]
SCRIPTS = [('su%04o' % m, 'u', m) for m in (0o644, 0o744, 0o755, 0o700,
                                             0o070, 0o111, 0o475)] + \
          [('sr%04o' % m, 'r', m) for m in (0o644, 0o744, 0o755, 0o700,
                                             0o711, 0o751)] + \
          [('sg%04o' % m, 'g', m) for m in (0o750, 0o710)]
BINARIES = [('bu%04o' % m, 'u', m) for m in (0o755, 0o711, 0o111, 0o700,
                                              0o644)] + \
           [('br%04o' % m, 'r', m) for m in (0o755, 0o711, 0o111, 0o700,
                                              0o744)] + \
           [('bg%04o' % m, 'g', m) for m in (0o710, 0o701)]
# set-id bits a write or a chown by the owner must clear
SETID = [('f/u6755-write', 'u', 0o6755), ('f/u6755-chown', 'u', 0o6755),
         ('f/u2755-write', 'u', 0o2755), ('f/u4700-write', 'u', 0o4700)]


def ids(owner, user):
    return {'u': user, 'r': (0, 0), 'g': (0, user[1]),
            'o': (OTHER, OTHER)}[owner]


def tree_entries(user):
    """[(rel, kind, uid, gid, mode, payload)]; kind 'f', 'd' or 'l'; a
    directory before what it holds."""
    uid, gid = user
    E = []

    def add(rel, kind, owner, mode, payload=None):
        u, g = ids(owner, user) if isinstance(owner, str) else owner
        E.append((rel, kind, u, g, mode, payload))

    add('f', 'd', 'r', 0o755)
    for owner, modes in FILE_MODES.items():
        for m in modes:
            add('f/%s%04o' % (owner, m), 'f', owner, m, DATA)
    # a file of the user's in root's group: chmod g+s must drop S_ISGID
    add('f/u0755-rootgroup', 'f', (uid, 0), 0o755, DATA)
    for rel, owner, mode in SETID:
        add(rel, 'f', owner, mode, DATA)
    add('x', 'd', 'r', 0o755)
    for name, owner, mode in SCRIPTS:
        add('x/' + name, 'f', owner, mode, SCRIPT)
    with open('/bin/true', 'rb') as f:
        elf = f.read()
    for name, owner, mode in BINARIES:
        add('x/' + name, 'f', owner, mode, elf)
    add('w', 'd', 'u', 0o755)
    add('w/sub', 'd', 'u', 0o755)
    add('w/lsrc', 'f', 'u', 0o644, DATA)
    add('w/mdir-ro', 'd', 'u', 0o555)
    add('w/mdir-ro2', 'd', 'u', 0o555)
    add('w/mdir-r', 'd', 'r', 0o755)
    add('w/mdir-r2', 'd', 'r', 0o755)
    for d, owner, mode in DIRS:
        add(d, 'd', owner, mode)
        for name in ('file', 'victim', 'mover', 'out', 'target'):
            add('%s/%s' % (d, name), 'f', owner, 0o644, DATA)
        for name in ('ufile', 'uvictim', 'umover', 'umover2'):
            add('%s/%s' % (d, name), 'f', 'u', 0o644, DATA)
        add(d + '/run', 'f', owner, 0o755, SCRIPT)
        add(d + '/empty', 'd', owner, 0o755)
        add(d + '/uempty', 'd', 'u', 0o755)
        add(d + '/sym', 'l', owner, 0o777, 'file')
        add('w/in-' + d, 'f', 'u', 0o644, DATA)
    # sticky directories: a stranger's file and symlink too
    for d in ('st1777', 'stu1777'):
        add(d + '/ofile', 'f', 'o', 0o666, DATA)
        add(d + '/osym', 'l', 'o', 0o777, 'file')
        add(d + '/ovictim', 'f', 'o', 0o666, DATA)
    return E


def stage_tree(tree, user):
    os.mkdir(tree)
    entries = tree_entries(user)
    for rel, kind, u, g, mode, payload in entries:
        p = os.path.join(tree, rel)
        if kind == 'd':
            os.mkdir(p, 0o700)
        elif kind == 'l':
            os.symlink(payload, p)
        else:
            with open(p, 'wb') as f:
                f.write(payload)
        os.lchown(p, u, g)
        if kind == 'f':
            os.chmod(p, mode)       # after the chown, which drops set-id bits
    for rel, kind, u, g, mode, payload in reversed(entries):
        if kind == 'd':
            os.chmod(os.path.join(tree, rel), mode)
    os.chown(tree, *user)
    os.chmod(tree, 0o755)


# --- the probe ------------------------------------------------------------
_libc = ctypes.CDLL(None, use_errno=True)


def c_access(path, mode):
    if _libc.access(os.fsencode(path), ctypes.c_int(mode)) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e), path)


def mode_of(p):
    st = os.lstat(p)
    return 'mode=%04o uid=%d gid=%d' % (stat.S_IMODE(st.st_mode), st.st_uid,
                                        st.st_gid)


def op_open(p, flags, what=None):
    fd = os.open(p, flags, 0o644)
    try:
        if what == 'read':
            os.read(fd, 100)
        elif what == 'write':
            os.pwrite(fd, b'D', 0)
    finally:
        os.close(fd)


def op_create(p, mode):
    os.close(os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
    return mode_of(p)


def op_chdir(p):
    os.chdir(p)
    os.chdir('/')


def op_exec(p):
    r = subprocess.run([p], stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       cwd='/', timeout=30,
                       env={'PATH': '/usr/bin:/bin'})
    return None if r.returncode == 0 else 'exit=%d' % r.returncode


def op_chmod(p, mode):
    os.chmod(p, mode)
    return mode_of(p)


def op_write_setid(p):
    op_open(p, os.O_WRONLY, 'write')
    return mode_of(p)


def op_chown(p, u, g):
    os.chown(p, u, g)
    return mode_of(p)


def op_mkdir(p):
    os.mkdir(p, 0o777)
    return mode_of(p)


def op_setxattr_nofollow(p):
    os.setxattr(p, XATTR, b'v', follow_symlinks=False)


def op_link(src, dst):
    os.link(src, dst)


def operations(root, user):
    """[(name, callable)]: the probe's fixed list, names unique."""
    uid, gid = user
    ops = []
    owner_of = {}
    for rel, kind, u, g, mode, payload in tree_entries(user):
        owner_of[rel] = (u, g, mode)

    def P(rel):
        return os.path.join(root, rel)

    def add(name, fn, *a):
        ops.append((name, lambda: fn(*a)))

    # regular files in every mode and owner
    for owner, modes in FILE_MODES.items():
        for m in modes:
            rel = 'f/%s%04o' % (owner, m)
            p = P(rel)
            u, g, _ = owner_of[rel]
            add('stat ' + rel, os.stat, p)
            add('open-r ' + rel, op_open, p, os.O_RDONLY, 'read')
            add('open-w ' + rel, op_open, p, os.O_WRONLY, 'write')
            add('open-rw ' + rel, op_open, p, os.O_RDWR)
            add('open-trunc ' + rel, op_open, p, os.O_WRONLY | os.O_TRUNC)
            add('open-rdonly-trunc ' + rel, op_open, p,
                os.O_RDONLY | os.O_TRUNC)
            add('open-creat ' + rel, op_open, p, os.O_WRONLY | os.O_CREAT)
            for an, am in (('F', os.F_OK), ('R', os.R_OK), ('W', os.W_OK),
                           ('X', os.X_OK), ('RW', os.R_OK | os.W_OK)):
                add('access-%s %s' % (an, rel), c_access, p, am)
            add('truncate ' + rel, os.truncate, p, 5)
            add('utime-now ' + rel, os.utime, p, None)
            add('utime-set ' + rel, os.utime, p, (1000000000, 1000000000))
            add('chmod-same ' + rel, op_chmod, p, m)
            add('chown-same ' + rel, op_chown, p, -1, g)
            add('chown-own-uid ' + rel, op_chown, p, uid, -1)
            add('chown-gid-user ' + rel, op_chown, p, -1, gid)
            add('chown-gid-root ' + rel, op_chown, p, -1, 0)
            add('chown-uid-root ' + rel, op_chown, p, 0, -1)
            add('getxattr ' + rel, os.getxattr, p, 'user.none')
            add('setxattr ' + rel, os.setxattr, p, XATTR, b'v')
            add('exec ' + rel, op_exec, p)
            add('link ' + rel, op_link, p, P('w/link-' + rel[2:]))
    add('chmod-setgid f/u0755-rootgroup', op_chmod, P('f/u0755-rootgroup'),
        0o2755)
    for rel, owner, mode in SETID:
        if rel.endswith('-chown'):
            add('chown-setid ' + rel, op_chown, P(rel), -1, gid)
        else:
            add('write-setid ' + rel, op_write_setid, P(rel))
    # scripts and binaries
    for name, owner, mode in SCRIPTS + BINARIES:
        add('exec x/' + name, op_exec, P('x/' + name))
        add('access-X x/' + name, c_access, P('x/' + name), os.X_OK)
    # directories
    for d, owner, mode in DIRS:
        p = P(d)
        add('stat ' + d, os.stat, p)
        add('listdir ' + d, os.listdir, p)
        add('open-dir ' + d, op_open, p, os.O_RDONLY | os.O_DIRECTORY)
        add('open-dir-w ' + d, op_open, p, os.O_WRONLY)
        for an, am in (('F', os.F_OK), ('R', os.R_OK), ('W', os.W_OK),
                       ('X', os.X_OK), ('WX', os.W_OK | os.X_OK)):
            add('access-%s %s' % (an, d), c_access, p, am)
        add('chdir ' + d, op_chdir, p)
        add('stat %s/file' % d, os.stat, P(d + '/file'))
        add('stat %s/nonexistent' % d, os.stat, P(d + '/nonexistent'))
        add('lstat %s/sym' % d, os.lstat, P(d + '/sym'))
        add('stat %s/sym' % d, os.stat, P(d + '/sym'))
        add('readlink %s/sym' % d, os.readlink, P(d + '/sym'))
        add('open-r %s/file' % d, op_open, P(d + '/file'), os.O_RDONLY, 'read')
        add('open-r %s/sym' % d, op_open, P(d + '/sym'), os.O_RDONLY, 'read')
        add('open-creat %s/file' % d, op_open, P(d + '/file'),
            os.O_WRONLY | os.O_CREAT)
        add('open-creat %s/ufile' % d, op_open, P(d + '/ufile'),
            os.O_WRONLY | os.O_CREAT, 'write')
        add('create %s/new' % d, op_create, P(d + '/new'), 0o644)
        add('create-setgid %s/newsg' % d, op_create, P(d + '/newsg'), 0o2755)
        add('mkdir %s/newdir' % d, op_mkdir, P(d + '/newdir'))
        add('mkfifo %s/newfifo' % d, os.mkfifo, P(d + '/newfifo'), 0o644)
        add('symlink %s/newsym' % d, os.symlink, 'file', P(d + '/newsym'))
        add('link w/lsrc %s/newlink' % d, op_link, P('w/lsrc'),
            P(d + '/newlink'))
        add('unlink %s/victim' % d, os.unlink, P(d + '/victim'))
        add('unlink %s/uvictim' % d, os.unlink, P(d + '/uvictim'))
        add('rmdir %s/empty' % d, os.rmdir, P(d + '/empty'))
        add('rmdir %s/uempty' % d, os.rmdir, P(d + '/uempty'))
        add('rename %s/mover %s/moved' % (d, d), os.rename, P(d + '/mover'),
            P(d + '/moved'))
        add('rename %s/umover %s/umoved' % (d, d), os.rename, P(d + '/umover'),
            P(d + '/umoved'))
        add('rename %s/umover2 %s/target' % (d, d), os.rename,
            P(d + '/umover2'), P(d + '/target'))
        add('rename w/in-%s %s/in' % (d, d), os.rename, P('w/in-' + d),
            P(d + '/in'))
        add('rename %s/out w/out-%s' % (d, d), os.rename, P(d + '/out'),
            P('w/out-' + d))
        add('exec %s/run' % d, op_exec, P(d + '/run'))
        add('utime-now ' + d, os.utime, p, None)
        add('utime-set ' + d, os.utime, p, (1000000000, 1000000000))
        add('chmod-same ' + d, op_chmod, p, mode)
        add('getxattr ' + d, os.getxattr, p, 'user.none')
        add('setxattr ' + d, os.setxattr, p, XATTR, b'v')
        add('setxattr-nofollow %s/sym' % d, op_setxattr_nofollow,
            P(d + '/sym'))
    for d in ('st1777', 'stu1777'):
        add('open-r %s/osym' % d, op_open, P(d + '/osym'), os.O_RDONLY)
        add('open-creat %s/ofile' % d, op_open, P(d + '/ofile'),
            os.O_WRONLY | os.O_CREAT)
        add('open-w %s/ofile' % d, op_open, P(d + '/ofile'), os.O_WRONLY,
            'write')
        add('unlink %s/ovictim' % d, os.unlink, P(d + '/ovictim'))
        add('setxattr %s/ofile' % d, os.setxattr, P(d + '/ofile'), XATTR, b'v')
    # directories moved across parents need write permission on themselves
    add('rename w/mdir-ro w/sub/mdir-ro', os.rename, P('w/mdir-ro'),
        P('w/sub/mdir-ro'))
    add('rename w/mdir-ro2 w/mdir-ro2b', os.rename, P('w/mdir-ro2'),
        P('w/mdir-ro2b'))
    add('rename w/mdir-r w/sub/mdir-r', os.rename, P('w/mdir-r'),
        P('w/sub/mdir-r'))
    add('rename w/mdir-r2 w/mdir-r2b', os.rename, P('w/mdir-r2'),
        P('w/mdir-r2b'))
    return ops


def probe(root, user):
    os.umask(0o022)
    os.chdir('/')
    print('whoami uid=%d gid=%d euid=%d egid=%d groups=%s' % (
        os.getuid(), os.getgid(), os.geteuid(), os.getegid(),
        ','.join(str(g) for g in os.getgroups())), flush=True)
    for name, fn in operations(root, user):
        try:
            r = fn()
            res = 'ok' if not isinstance(r, str) else 'ok ' + r
        except OSError as e:
            res = errno.errorcode.get(e.errno, 'errno%s' % e.errno)
        except subprocess.TimeoutExpired:
            res = 'timeout'
        print('%s => %s' % (name, res), flush=True)


# --- the driver -----------------------------------------------------------
def setpriv(user):
    return ['setpriv', '--reuid', str(user[0]), '--regid', str(user[1]),
            '--clear-groups', '--']


def user_python():
    """A Python the user can run: sys.executable may sit below a private
    home directory (pyenv under /root)."""
    for cand in (sys.executable, '/usr/bin/python3', '/usr/local/bin/python3'):
        path = os.path.realpath(cand)
        parts, ok = path, os.path.exists(path)
        while ok and parts != '/':
            ok = bool(os.stat(parts).st_mode & stat.S_IXOTH)
            parts = os.path.dirname(parts)
        if ok:
            return cand
    return sys.executable


def run_probe(probe_dir, root, user):
    """{name: result} and the whoami line, from the probe run as the user."""
    cmd = setpriv(user) + [user_python(), '-B',
                           os.path.join(probe_dir, 'perm-user.py'),
                           '--probe', root, '--user', '%d:%d' % user]
    p = K.run(cmd, timeout=240, check=False, cwd='/',
              env=dict(os.environ, PYTHONDONTWRITEBYTECODE='1'))
    out = p.stdout.decode(errors='replace').splitlines()
    whoami = out[0] if out and out[0].startswith('whoami ') else None
    res = {}
    for line in out:
        name, sep, r = line.partition(' => ')
        if sep:
            res[name] = r
    err = p.stderr.decode(errors='replace')
    if p.returncode != 0 or err.strip():
        err = 'exit %d\n%s' % (p.returncode, err)
    else:
        err = None
    return res, whoami, err


def check_probe(tap, whoami, err, user, side):
    want = 'whoami uid=%d gid=%d euid=%d egid=%d groups=' % (user * 2)
    tap.ok(whoami == want and not err,
           'the probe runs as uid %d gid %d without groups (%s)' % (
               user + (side,)), '%s\n%s' % (whoami, err))


def fsck(tap, what, img):
    p = K.run(['e2fsck', '-fn', img], timeout=300, check=False)
    tap.ok(p.returncode == 0, 'e2fsck -fn clean after the %s mount' % what,
           (p.stdout + p.stderr).decode(errors='replace'))


def fuse_mount_options(mnt):
    for src, mp, fstype, opts in K.mounts():
        if mp == os.path.realpath(mnt):
            return fstype, opts
    return None, None


def kshim_side(tap, binary, img, mnt, probe_dir, user, log):
    """Mount as the user, run the probe; its results (None if it failed)."""
    with open(log, 'wb') as errf:
        d = subprocess.Popen(setpriv(user) + [binary, '-f', img, mnt, '-o',
                                              'rw'],
                             stdin=subprocess.DEVNULL, stdout=errf,
                             stderr=errf, cwd='/')
    res = None
    try:
        up = K.wait_mounted(mnt, 30)
        if not tap.ok(up, 'kshim-ext2 mounts as uid %d' % user[0],
                      'exit %s\n%s' % (d.poll(), open(log, errors='replace')
                                       .read())):
            return None
        fstype, opts = fuse_mount_options(mnt)
        opts = opts or ''
        tap.ok(fstype == 'fuse.kshim-ext2' and
               'default_permissions' not in opts.split(',') and
               ('user_id=%d' % user[0]) in opts.split(','),
               'the FUSE mount is the user\'s, without default_permissions',
               '%s %s' % (fstype, opts))
        res, whoami, err = run_probe(probe_dir, mnt, user)
        check_probe(tap, whoami, err, user, 'kshim')
    finally:
        K.unmount(mnt)
        try:
            rc = d.wait(timeout=60)
        except subprocess.TimeoutExpired:
            d.kill()
            rc = 'still running 60 s after the unmount'
            d.wait(timeout=30)
        tap.ok(rc == 0, 'the daemon exits 0 after fusermount3 -u',
               'exit %s\n%s' % (rc, open(log, errors='replace').read()))
        K.wait_image_free(img)
    return res


def kernel_side(tap, img, mnt, probe_dir, user):
    with K.kernel_mount(img, mnt, 'ext2', 'rw,nosuid,nodev'):
        res, whoami, err = run_probe(probe_dir, mnt, user)
        check_probe(tap, whoami, err, user, 'kernel')
    return res


def compare(tap, kshim, kernel, names):
    diffs = 0
    for name in names:
        a, b = kshim.get(name, '<missing>'), kernel.get(name, '<missing>')
        if a == b:
            tap.ok(True, '%s: %s' % (name, a))
        else:
            diffs += 1
            tap.ok(False, '%s: kshim %s, kernel %s' % (name, a, b))
    return diffs


def main_probe(args):
    u, g = (int(x) for x in args.user.split(':'))
    probe(args.probe, (u, g))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kshim', help='the kshim-ext2 binary')
    ap.add_argument('--probe', help=argparse.SUPPRESS)
    ap.add_argument('--user', help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe:
        main_probe(args)
        return
    tap = K.Tap()
    # a timeout's SIGTERM still restores /dev/fuse and unmounts (finally)
    signal.signal(signal.SIGTERM, lambda sig, frame: sys.exit(128 + sig))
    why = K.missing_requirements(
        need_root=True, need_fuse=True, need_loop=True,
        programs=('setpriv', 'fusermount3', 'mke2fs', 'e2fsck'))
    if not why and not (args.kshim and os.path.exists(args.kshim)):
        why = 'kshim-ext2 not built'
    if why:
        tap.skip('permissions over FUSE as an unprivileged user', why)
        tap.done()
    user = pick_user()
    tap.diag('user: uid %d gid %d' % user)
    t0 = time.monotonic()
    fuse_mode = None
    try:
        with K.tempdir('perm-user') as tmp:
            os.chmod(tmp, 0o755)        # the user walks to its mountpoints
            probe_dir = os.path.join(tmp, 'probe')
            os.mkdir(probe_dir)
            shutil.copy(os.path.abspath(__file__), probe_dir)
            shutil.copy(os.path.join(HERE, '..', 'vfs', 'kshimtest.py'),
                        probe_dir)
            os.chmod(probe_dir, 0o755)
            for f in os.listdir(probe_dir):
                os.chmod(os.path.join(probe_dir, f), 0o644)
            tree = os.path.join(tmp, 'tree')
            stage_tree(tree, user)
            img = os.path.join(tmp, 'kshim.img')
            kimg = os.path.join(tmp, 'kernel.img')
            K.mke2fs_image(tree, img, 1024)
            shutil.copy(img, kimg)
            mnt = os.path.join(tmp, 'mnt')
            kmnt = os.path.join(tmp, 'kmnt')
            os.mkdir(mnt, 0o755)
            os.mkdir(kmnt, 0o755)
            os.chown(img, *user)
            os.chown(mnt, *user)
            names = [n for n, _ in operations('/', user)]
            tap.diag('%d operations' % len(names))

            fuse_mode = stat.S_IMODE(os.stat('/dev/fuse').st_mode)
            os.chmod('/dev/fuse', 0o666)
            try:
                kshim = kshim_side(tap, os.path.abspath(args.kshim), img, mnt,
                                   probe_dir, user,
                                   os.path.join(tmp, 'daemon.log'))
            finally:
                os.chmod('/dev/fuse', fuse_mode)
                fuse_mode = None
            kernel = kernel_side(tap, kimg, kmnt, probe_dir, user)
            denied = sum(1 for r in kernel.values() if not r.startswith('ok'))
            tap.ok(len(kernel) == len(names) and
                   100 < denied < len(names) - 100,
                   'the kernel answers %d of %d operations, %d refused' % (
                       len(kernel), len(names), denied))
            if kshim is None:
                tap.ok(False, 'no results from the FUSE mount')
            else:
                diffs = compare(tap, kshim, kernel, names)
                tap.diag('%d of %d operations differ' % (diffs, len(names)))
            fsck(tap, 'kshim', img)
            fsck(tap, 'kernel', kimg)
    except Exception as e:
        tap.ok(False, 'unexpected error', '%s: %s' % (type(e).__name__, e))
    finally:
        if fuse_mode is not None:
            os.chmod('/dev/fuse', fuse_mode)
    tap.diag('%.1f s' % (time.monotonic() - t0))
    tap.done()


if __name__ == '__main__':
    main()
