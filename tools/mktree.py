#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Generate the deterministic test tree the VFS read tests image and compare.

usage: mktree.py DIR [--seed N] [--big] [--block-size BS] [--max-file BYTES]

DIR must not exist or be empty.  Needs root (chown, mknod).  The tree holds:
nested directories (depth 6), a directory with 3000 entries, regular files
from 0 bytes up to --max-file (default 5 MiB: past the ext2 double-indirect
boundary of 4 KiB blocks (4.04 MiB) yet quick in CI; --big adds a 64 MiB
file, past the 1 KiB-block double-indirect boundary), sparse files (holes at
start, middle, end, all hole), fast (< 60 bytes) and slow symlinks, hard
links (several names, across directories), names of 1..255 bytes with odd
characters, user xattrs (small and large values, several per file, shared
sets), POSIX ACLs (access ACLs with user/group/mask entries, a default ACL on
a directory), modes with setuid/setgid/sticky, uids/gids != 0, explicit
whole-second times (ext2 with 128-byte inodes has no nanoseconds), device
nodes, fifos and a socket.

--block-size keeps the tree storable by ext2 with that block size: symlink
targets stay below one block, and each inode's xattrs fit one xattr block.
Same seed, same options -> same tree, byte for byte (names, data, metadata).
"""
import argparse
import os
import random
import stat
import struct
import sys

KiB = 1024
MiB = 1024 * KiB

# POSIX ACL xattr format (include/uapi/linux/posix_acl_xattr.h)
ACL_VERSION = 2
ACL_USER_OBJ, ACL_USER, ACL_GROUP_OBJ, ACL_GROUP, ACL_MASK, ACL_OTHER = \
    0x01, 0x02, 0x04, 0x08, 0x10, 0x20
ACL_UNDEF_ID = 0xffffffff


def acl_xattr(entries):
    """entries: list of (tag, perm, id); returns the xattr value (sorted)."""
    ents = sorted(entries, key=lambda e: (e[0], e[2] if e[2] is not None else 0))
    out = struct.pack('<I', ACL_VERSION)
    for tag, perm, ident in ents:
        out += struct.pack('<HHI', tag, perm,
                           ACL_UNDEF_ID if ident is None else ident)
    return out


class Tree:
    def __init__(self, root, seed, block_size, max_file, big):
        self.root = os.fsencode(root)
        self.rnd = random.Random(seed)
        self.bs = block_size
        self.max_file = max_file
        self.big = big
        self.dirs = []          # every directory, to set times bottom-up
        self.times = {}         # path -> (atime, mtime)

    def p(self, *parts):
        return os.path.join(self.root, *[os.fsencode(x) for x in parts])

    def when(self):
        # whole seconds in [1970-01-01 - 1 year, 2038-01-19)
        choice = self.rnd.random()
        if choice < 0.05:
            return -365 * 86400
        if choice < 0.1:
            return 0
        if choice < 0.15:
            return 0x7fffffff
        return self.rnd.randrange(1, 0x7fffffff)

    def stamp(self, path, atime=None, mtime=None):
        a = self.when() if atime is None else atime
        m = self.when() if mtime is None else mtime
        self.times[path] = (a, m)

    def mkdir(self, path, mode=0o755, uid=0, gid=0):
        os.mkdir(path)
        os.chown(path, uid, gid)
        os.chmod(path, mode)
        self.dirs.append(path)
        self.stamp(path)

    def data(self, size):
        return self.rnd.randbytes(size)

    def file(self, path, size=0, mode=0o644, uid=0, gid=0, content=None):
        with open(path, 'wb') as f:
            if content is not None:
                f.write(content)
            elif size:
                left = size
                while left:
                    n = min(left, 4 * MiB)
                    f.write(self.data(n))
                    left -= n
        os.chown(path, uid, gid)
        os.chmod(path, mode)
        self.stamp(path)

    def sparse(self, path, pieces, size):
        """pieces: list of (offset, length) written with data; size: final."""
        with open(path, 'wb') as f:
            for off, n in pieces:
                f.seek(off)
                f.write(self.data(n))
            f.truncate(size)
        self.stamp(path)

    def symlink(self, path, target):
        os.symlink(target, path)
        self.stamp(path)

    def name(self, length):
        alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.+,'
        s = ''.join(self.rnd.choice(alphabet) for _ in range(length))
        return s if s not in ('.', '..') else 'x' * length

    # ------------------------------------------------------------------
    def build(self):
        os.makedirs(self.root, exist_ok=True)
        if os.listdir(self.root):
            sys.exit('mktree: %s is not empty' % os.fsdecode(self.root))
        os.chmod(self.root, 0o755)
        self.dirs.append(self.root)
        self.stamp(self.root)
        self.deep()
        self.files()
        self.sparse_files()
        self.symlinks()
        self.hardlinks()
        self.names()
        self.bigdir()
        self.xattrs()
        self.acls()
        self.modes()
        self.specials()
        self.finish()

    def deep(self):
        path = self.p('deep')
        self.mkdir(path)
        for depth in range(1, 7):
            path = os.path.join(path, b'd%d' % depth)
            self.mkdir(path, mode=0o750 if depth % 2 else 0o755,
                       uid=1000 + depth, gid=2000 + depth)
            self.file(os.path.join(path, b'at-depth-%d' % depth),
                      size=depth * 1000 + 1)
        self.mkdir(os.path.join(path, b'empty'))

    def files(self):
        d = self.p('files')
        self.mkdir(d)
        sizes = [0, 1, 2, 59, 60, 61, 511, 512, 513, 1023, 1024, 1025,
                 2047, 2048, 4095, 4096, 4097, 8191, 8192, 8193,
                 12 * KiB - 1, 12 * KiB, 12 * KiB + 1,     # 1 KiB: direct
                 48 * KiB, 48 * KiB + 1,                   # 4 KiB: direct
                 268 * KiB, 268 * KiB + 1,                 # 1 KiB: indirect
                 65535, 65536, 65537, 128 * KiB + 3, 1 * MiB + 17]
        sizes += [s for s in (4 * MiB + 48 * KiB + 1, self.max_file)
                  if s <= self.max_file]
        if self.big:
            sizes.append(64 * MiB)
        for i, size in enumerate(sorted(set(sizes))):
            self.file(os.path.join(d, b'size-%d' % size), size=size,
                      uid=i % 3 * 1000, gid=i % 5 * 100)
        # runs of a pattern: a shifted read shows as a wrong checksum
        pat = b''.join(struct.pack('<I', i) for i in range(64 * KiB // 4))
        self.file(os.path.join(d, b'pattern'), content=pat * 5 + b'tail')
        self.file(os.path.join(d, b'zeros'), content=bytes(200 * KiB))
        self.file(os.path.join(d, b'text'),
                  content=b'kshim\n' * 1000)

    def sparse_files(self):
        d = self.p('sparse')
        self.mkdir(d)
        self.sparse(os.path.join(d, b'hole-start'), [(1 * MiB, 4096)], 1 * MiB + 4096)
        self.sparse(os.path.join(d, b'hole-middle'),
                    [(0, 5000), (2 * MiB + 123, 7000)], 2 * MiB + 7123)
        self.sparse(os.path.join(d, b'hole-end'), [(0, 3000)], 3 * MiB)
        self.sparse(os.path.join(d, b'all-hole'), [], 1 * MiB + 1)
        self.sparse(os.path.join(d, b'holes-everywhere'),
                    [(o * 300 * KiB + 77, 1500) for o in range(1, 20, 3)],
                    6 * MiB + 5)
        # beyond the 1 KiB-block double-indirect and 4 KiB-block indirect trees
        self.sparse(os.path.join(d, b'far'), [(5 * MiB, 100)], 5 * MiB + 100)

    def symlinks(self):
        d = self.p('symlinks')
        self.mkdir(d)
        limit = self.bs - 1
        for n in (1, 2, 30, 59, 60, 61, 100, 200, 1000, 1023, 2000, 4000, 4095):
            if n > limit:
                continue
            target = ('t' * (n - 1) + 'x') if n < 10 else \
                ('../' + self.name(n))[:n]
            self.symlink(os.path.join(d, b'len-%d' % n), target)
        self.symlink(os.path.join(d, b'to-file'), '../files/size-1')
        self.symlink(os.path.join(d, b'to-dir'), '../deep/d1')
        self.symlink(os.path.join(d, b'dangling'), 'does/not/exist')
        self.symlink(os.path.join(d, b'absolute'), '/etc/passwd')
        self.symlink(os.path.join(d, b'utf8-target'), 'ñandú/日本語 ok')
        self.symlink(os.path.join(d, b'loop'), 'loop')
        os.lchown(os.path.join(d, b'to-file'), 1000, 1000)

    def hardlinks(self):
        d = self.p('links')
        o = self.p('links-other')
        self.mkdir(d)
        self.mkdir(o)
        a = os.path.join(d, b'a')
        self.file(a, size=3000, uid=1000, gid=1000)
        os.link(a, os.path.join(d, b'a2'))
        os.link(a, os.path.join(o, b'a-from-other-dir'))
        os.link(a, self.p('deep', 'd1', 'd2', 'a-deep'))
        os.link(a, os.path.join(d, b'a with space'))
        e = os.path.join(d, b'empty')
        self.file(e)
        os.link(e, os.path.join(o, b'empty-link'))
        s = os.path.join(d, b'single')
        self.file(s, size=10)

    def names(self):
        d = self.p('names')
        self.mkdir(d)
        odd = [b'with space', b' leading space', b'trailing space ',
               b'-leading-dash', b'--double-dash', b'*?[]', b"quote'single",
               b'quote"double', b'back\\slash', b'tab\there', b'new\nline',
               b'ctrl\x01\x1f\x7f', b'percent%25', b'a=b', b'.hidden', b'...',
               b'..a', b'#hash', b'$dollar', b'~tilde', b'{brace}', b'(paren)',
               b'semi;colon', b'pipe|amp&', b'<angle>',
               'UTF-8 ñandú 日本語 🦀'.encode(), b'latin1-\xe9\xff\xfe',
               'é'.encode() * 127]          # 254 bytes of 2-byte characters
        for length in (1, 2, 3, 7, 8, 15, 16, 31, 32, 63, 64, 127, 128, 200,
                       254, 255):
            odd.append(self.name(length).encode())
        odd.append(('日' * 85).encode())    # 255 bytes of 3-byte characters
        for i, n in enumerate(odd):
            assert 0 < len(n) <= 255 and b'/' not in n and b'\0' not in n
            path = os.path.join(d, n)
            if i % 4 == 3:
                self.mkdir(path)
                self.file(os.path.join(path, n), size=i)
            else:
                self.file(path, size=i * 37)

    def bigdir(self):
        d = self.p('bigdir')
        self.mkdir(d)
        for i in range(3000):
            extra = self.rnd.choice((0, 0, 0, 5, 20, 60, 200, 245))
            name = 'e%04d' % i + ('-' + self.name(extra) if extra else '')
            path = os.path.join(d, name.encode())
            if i % 500 == 7:
                self.mkdir(path)
            elif i % 97 == 1:
                self.symlink(path, 'e%04d' % (i - 1))
            else:
                self.file(path, size=i % 7 * 3 if i % 10 == 0 else 0)

    def xattrs(self):
        d = self.p('xattrs')
        self.mkdir(d)
        budget = self.bs - 32 - 4 - 200   # header, end marker, room for an ACL

        def put(path, attrs):
            used = sum(16 + (len(n) - 5 + 3) // 4 * 4 + (len(v) + 3) // 4 * 4
                       for n, v in attrs)
            assert used <= budget, (path, used, budget)
            for n, v in attrs:
                os.setxattr(path, n, v, follow_symlinks=False)

        big = min(1000, budget // 2 - 40)
        f = os.path.join(d, b'several')
        self.file(f, size=100)
        put(f, [(b'user.a', b'1'), (b'user.b', b'two'), (b'user.empty', b''),
                (b'user.binary', bytes(range(256))[:64]),
                (b'user.' + b'n' * 50, b'long name')])
        f = os.path.join(d, b'large-value')
        self.file(f, size=10)
        put(f, [(b'user.big', self.data(big)), (b'user.small', b'x')])
        f = os.path.join(d, b'two-large')
        self.file(f)
        put(f, [(b'user.big1', self.data(big // 2)),
                (b'user.big2', self.data(big // 2))])
        # identical sets: ext2 shares one xattr block (mbcache)
        shared = [(b'user.shared', b'same value'), (b'user.k', b'v')]
        for n in (b'shared-1', b'shared-2', b'shared-3'):
            f = os.path.join(d, n)
            self.file(f, size=5)
            put(f, shared)
        sub = os.path.join(d, b'dir-with-xattr')
        self.mkdir(sub)
        put(sub, [(b'user.on-a-dir', b'dir value')])
        self.file(os.path.join(d, b'none'))

    def acls(self):
        d = self.p('acls')
        self.mkdir(d)
        f = os.path.join(d, b'access')
        self.file(f, size=20, uid=1000, gid=1000)
        os.setxattr(f, b'system.posix_acl_access', acl_xattr([
            (ACL_USER_OBJ, 6, None), (ACL_USER, 7, 1234), (ACL_USER, 4, 5678),
            (ACL_GROUP_OBJ, 4, None), (ACL_GROUP, 5, 2345), (ACL_MASK, 7, None),
            (ACL_OTHER, 0, None)]))
        f = os.path.join(d, b'access-and-xattr')
        self.file(f, size=1)
        os.setxattr(f, b'system.posix_acl_access', acl_xattr([
            (ACL_USER_OBJ, 7, None), (ACL_GROUP_OBJ, 5, None),
            (ACL_GROUP, 1, 3000), (ACL_MASK, 5, None), (ACL_OTHER, 5, None)]))
        os.setxattr(f, b'user.too', b'both')
        inherit = os.path.join(d, b'default-acl-dir')
        self.mkdir(inherit, mode=0o775, uid=1000, gid=1000)
        dflt = acl_xattr([(ACL_USER_OBJ, 7, None), (ACL_USER, 7, 1234),
                          (ACL_GROUP_OBJ, 5, None), (ACL_MASK, 7, None),
                          (ACL_OTHER, 5, None)])
        os.setxattr(inherit, b'system.posix_acl_default', dflt)
        os.setxattr(inherit, b'system.posix_acl_access', acl_xattr([
            (ACL_USER_OBJ, 7, None), (ACL_GROUP_OBJ, 7, None),
            (ACL_GROUP, 7, 4000), (ACL_MASK, 7, None), (ACL_OTHER, 5, None)]))
        # created under the default ACL: inherits access (and, for the
        # directory, default) ACLs from the source filesystem
        self.file(os.path.join(inherit, b'inherited-file'), size=3)
        self.mkdir(os.path.join(inherit, b'inherited-dir'))

    def modes(self):
        d = self.p('modes')
        self.mkdir(d)
        for mode in (0o000, 0o400, 0o644, 0o755, 0o777, 0o4755, 0o2755,
                     0o6711, 0o1777, 0o7777, 0o2644):
            self.file(os.path.join(d, b'f%04o' % mode), size=mode % 13,
                      mode=mode, uid=1000 + mode, gid=100 + mode)
        for mode in (0o1777, 0o700, 0o555, 0o2775, 0o000):
            self.mkdir(os.path.join(d, b'd%04o' % mode), mode=mode, uid=4321)
        for uid, gid in ((65534, 65534), (65535, 1), (65536, 65537),
                         (123456, 654321), (1, 0xfffffffe)):
            self.file(os.path.join(d, b'owner-%d-%d' % (uid, gid)),
                      uid=uid, gid=gid)

    def specials(self):
        d = self.p('special')
        self.mkdir(d)
        for name, kind, major, minor in (
                ('null', stat.S_IFCHR, 1, 3), ('loop0', stat.S_IFBLK, 7, 0),
                ('big-numbers', stat.S_IFCHR, 300, 70000),
                ('blk-wide', stat.S_IFBLK, 259, 1 << 19)):
            path = os.path.join(d, name.encode())
            os.mknod(path, kind | 0o640, os.makedev(major, minor))
            os.chown(path, 0, 6)
            self.stamp(path)
        path = os.path.join(d, b'fifo')
        os.mkfifo(path, 0o600)
        self.stamp(path)
        path = os.path.join(d, b'socket')
        os.mknod(path, stat.S_IFSOCK | 0o755)
        self.stamp(path)

    def finish(self):
        # times last, directories bottom-up: creating children moved them
        for path, (a, m) in self.times.items():
            if path not in self.dirs:
                os.utime(path, (a, m), follow_symlinks=False)
        for path in sorted(self.dirs, key=len, reverse=True):
            a, m = self.times[path]
            os.utime(path, (a, m), follow_symlinks=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dir')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--big', action='store_true',
                    help='add a 64 MiB file (not in CI: slow)')
    ap.add_argument('--block-size', type=int, default=4096,
                    help='keep symlinks and xattrs within one block of this size')
    ap.add_argument('--max-file', type=int, default=5 * MiB,
                    help='largest regular file without --big (default 5 MiB)')
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit('mktree: needs root (chown, mknod)')
    os.umask(0)
    Tree(args.dir, args.seed, args.block_size, args.max_file, args.big).build()


if __name__ == '__main__':
    main()
