#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""ext2-corrupt: damaged ext2 images mounted and walked in-process.

usage: ext2-corrupt.py --walker CORRUPT_WALK_EXT2 [--seed N] [--jobs N]
                       [--timeout S] [--only NAME] [--keep DIR] [--list]

A small source tree (nested directories, a multi-block directory, files
from 0 bytes to past the indirect boundaries, a sparse file reaching the
double-indirect map, fast and slow symlinks, hard links, user xattrs,
shared xattr blocks, POSIX ACLs, device nodes and a fifo when root) is
imaged three ways: 1 KiB blocks with 128-byte inodes, 4 KiB blocks with
128-byte inodes, 1 KiB blocks with 256-byte inodes and a resize inode;
small block groups so that each image has several.  The structures are
located by parsing the superblock, the group descriptors and the inode
tables (struct), and damaged variants are derived deterministically from
the seed: targeted field values and bit flips in the superblock, the
group descriptors, the block and inode bitmaps, the inode tables,
directory blocks, indirect blocks, xattr blocks, plus random flips across
the metadata area and the whole image; zeroed and garbage blocks in each
class.  Some variants are mounted read-write (the driver writes the
superblock back).

Each variant runs corrupt-walk (mount, walk everything, unmount) in its own
process with a time limit.  Outcome: clean, mount refused, I/O errors,
driver BUG() (an assertion in fs/ext2 the kernel would hit too: allowed,
listed), driver UB (a UBSan report located in the upstream driver: allowed,
listed), or FAILURE: an ASan report, a UBSan report in our code, any other
signal or exit status, a BUG in compat/ or vfs-fuse/, an API contract
breach the walker detects, or a timeout (hang).  TAP: one test per class,
then the totals and the wall time.

--only NAME runs one variant (its name from the output, e.g. 'dir-7') and
prints the walker's output; --keep DIR also leaves the damaged image there.
"""
import argparse
import concurrent.futures
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kshimtest as K  # noqa: E402

OUR_DIRS = ('compat/', 'vfs-fuse/', 'tests/')


# --- the source tree ------------------------------------------------------
def make_tree(root, root_user):
    rnd = random.Random(4242)
    os.makedirs(root)

    def data(n):
        return bytes(rnd.getrandbits(8) for _ in range(min(n, 4096))) * \
            (n // 4096 + 1)

    def write(path, n, mode=0o644):
        with open(path, 'wb') as f:
            f.write(data(n)[:n])
        os.chmod(path, mode)

    d = root
    for i in range(6):
        d = os.path.join(d, 'nest%d' % i)
        os.mkdir(d)
        write(os.path.join(d, 'f'), 100 * i)
    many = os.path.join(root, 'many')
    os.mkdir(many)
    for i in range(150):
        write(os.path.join(many, 'entry-with-a-longer-name-%03d' % i), i % 7)
    files = os.path.join(root, 'files')
    os.mkdir(files)
    for n in (0, 1, 100, 1023, 1024, 1025, 4096, 4097, 12 * 1024 + 1,
              48 * 1024 + 1, 300 * 1024):
        write(os.path.join(files, 'size-%d' % n), n)
    with open(os.path.join(files, 'sparse'), 'wb') as f:
        f.write(b'head')
        f.seek(5 * 1024 * 1024)
        f.write(b'tail')
    os.link(os.path.join(files, 'size-100'), os.path.join(root, 'hardlink'))
    links = os.path.join(root, 'links')
    os.mkdir(links)
    os.symlink('../files/size-1', os.path.join(links, 'fast'))
    os.symlink('x' * 200, os.path.join(links, 'slow'))
    os.symlink('/nonexistent/' + 'y' * 80, os.path.join(links, 'dangling'))
    os.symlink('loop', os.path.join(links, 'loop'))
    xa = os.path.join(root, 'xattrs')
    os.mkdir(xa)
    for i in range(4):
        p = os.path.join(xa, 'shared-%d' % i)
        write(p, 10)
        os.setxattr(p, 'user.same', b'identical value')
    p = os.path.join(xa, 'several')
    write(p, 10)
    for i in range(6):
        os.setxattr(p, 'user.k%d' % i, bytes([i]) * (i * 15))
    os.setxattr(p, 'user.big', b'B' * 300)
    os.setxattr(xa, 'user.on-dir', b'dir value')
    acl = os.path.join(root, 'acl')
    os.mkdir(acl)
    have_acl = shutil.which('setfacl') is not None
    if have_acl:
        K.run(['setfacl', '-m', 'u:1000:rwx,g:100:rx,m:rwx', acl])
        K.run(['setfacl', '-d', '-m', 'u:1001:rw,g:101:r', acl])
    write(os.path.join(acl, 'inherited'), 20)
    os.mkdir(os.path.join(acl, 'subdir'))
    if root_user:
        os.mknod(os.path.join(root, 'chr'), 0o620 | 0o020000, os.makedev(4, 1))
        os.mknod(os.path.join(root, 'blk'), 0o660 | 0o060000, os.makedev(259, 70000))
        os.mkfifo(os.path.join(root, 'fifo'))
        os.chown(os.path.join(files, 'size-1'), 4294967294, 12345)
    write(os.path.join(root, 'setuid'), 5, 0o4755)
    return have_acl


IMAGES = {
    # name: (block size, inode size, blocks per group, size KiB, extra -O)
    'b1k-i128': (1024, 128, 1024, 8192, '^resize_inode'),
    'b4k-i128': (4096, 128, 1024, 12288, '^resize_inode'),
    'b1k-i256': (1024, 256, 2048, 8192, 'resize_inode'),
}


def make_image(tree, image, spec):
    bs, isz, bpg, kib, feat = spec
    K.run(['mke2fs', '-q', '-F', '-t', 'ext2', '-O', feat, '-b', bs, '-I', isz,
           '-g', bpg, '-N', 512, '-d', tree, image, '%dk' % kib],
          timeout=300, env=dict(os.environ, E2FSPROGS_FAKE_TIME='1000000000'))
    K.run(['e2fsck', '-fn', image], timeout=300)


# --- where the structures are ---------------------------------------------
class Layout:
    """The primary superblock, group descriptors, bitmaps, inode tables and
    the blocks every used inode points to, parsed from the image."""

    def __init__(self, img):
        sb = img[1024:2048]
        (self.inodes_count, self.blocks_count) = struct.unpack_from('<II', sb, 0)
        self.first_data_block, log = struct.unpack_from('<II', sb, 20)
        self.bs = 1024 << log
        self.bpg, = struct.unpack_from('<I', sb, 32)
        self.ipg, = struct.unpack_from('<I', sb, 40)
        magic, = struct.unpack_from('<H', sb, 56)
        assert magic == 0xEF53, 'not ext2'
        self.isz, = struct.unpack_from('<H', sb, 88)
        self.ngroups = (self.blocks_count - self.first_data_block +
                        self.bpg - 1) // self.bpg
        self.gdt = (self.first_data_block + 1) * self.bs
        self.groups = []
        for g in range(self.ngroups):
            bb, ib, it = struct.unpack_from('<III', img, self.gdt + 32 * g)
            self.groups.append((bb, ib, it))
        self.itable_blocks = self.ipg * self.isz // self.bs
        self.inodes = {}
        self.dir_blocks, self.ind_blocks, self.dind_blocks = [], [], []
        self.xattr_blocks, self.symlink_blocks = set(), []
        for ino in range(1, self.inodes_count + 1):
            off = self.inode_off(ino)
            mode, = struct.unpack_from('<H', img, off)
            links, = struct.unpack_from('<H', img, off + 26)
            if not mode or not links:
                continue
            blocks = struct.unpack_from('<15I', img, off + 40)
            acl, = struct.unpack_from('<I', img, off + 104)
            iblocks, = struct.unpack_from('<I', img, off + 28)
            kind = mode & 0xF000
            self.inodes[ino] = (kind, off)
            if acl:
                self.xattr_blocks.add(acl)
            if kind == 0x4000:
                self.dir_blocks += [(ino, b) for b in blocks[:12] if b]
            if kind == 0xA000 and iblocks - (self.bs // 512 if acl else 0) > 0:
                self.symlink_blocks.append(blocks[0])
            if kind in (0x8000, 0x4000):
                if blocks[12]:
                    self.ind_blocks.append(blocks[12])
                if blocks[13]:
                    self.dind_blocks.append(blocks[13])
                    first, = struct.unpack_from('<I', img, blocks[13] * self.bs)
                    if first:
                        self.ind_blocks.append(first)
        self.xattr_blocks = sorted(self.xattr_blocks)

    def inode_off(self, ino):
        g, i = divmod(ino - 1, self.ipg)
        return self.groups[g][2] * self.bs + i * self.isz

    def of_kind(self, kind):
        return sorted(i for i, (k, _) in self.inodes.items() if k == kind)

    def metadata_end(self):
        """the end of the first group's inode table: the dense metadata"""
        return (self.groups[0][2] + self.itable_blocks) * self.bs


# --- variants -------------------------------------------------------------
# a variant: (name, class, image name, [(offset, bytes)], read-write)
EXTREMES32 = (0, 1, 0x7fffffff, 0x80000000, 0xffffffff)
EXTREMES16 = (0, 1, 0x7fff, 0xffff)


def u32(v):
    return struct.pack('<I', v & 0xffffffff)


def u16(v):
    return struct.pack('<H', v & 0xffff)


def flips(img, rnd, start, end, n):
    """n random single-bit flips in [start, end)"""
    out = []
    for _ in range(n):
        off = rnd.randrange(start, end)
        out.append((off, bytes([img[off] ^ (1 << rnd.randrange(8))])))
    return out


def garbage(rnd, n):
    return bytes(rnd.getrandbits(8) for _ in range(n))


def gen_superblock(img, L, rnd):
    sbo = 1024
    fields32 = {'inodes_count': 0, 'blocks_count': 4, 'first_data_block': 20,
                'log_block_size': 24, 'blocks_per_group': 32,
                'inodes_per_group': 40, 'rev_level': 76, 'first_ino': 84,
                'feature_incompat': 96, 'feature_ro_compat': 100,
                'free_blocks': 12, 'free_inodes': 16, 'log_frag_size': 28,
                'frags_per_group': 36, 'feature_compat': 92,
                'default_mount_opts': 256}
    for name, off in sorted(fields32.items()):
        vals = list(EXTREMES32) + [rnd.getrandbits(32)]
        for v in rnd.sample(vals, 3):
            yield 'sb.%s=%#x' % (name, v), [(sbo + off, u32(v))]
    for name, off in (('inode_size', 88), ('magic', 56), ('state', 58),
                      ('errors', 60), ('mnt_count', 52), ('max_mnt_count', 54)):
        for v in rnd.sample(EXTREMES16 + (rnd.getrandbits(16),), 2):
            yield 'sb.%s=%#x' % (name, v), [(sbo + off, u16(v))]
    for n in (1, 1, 1, 1, 2, 4, 8, 32):
        yield 'sb %d bit flips' % n, flips(img, rnd, sbo, sbo + 264, n)
    yield 'sb zeroed', [(sbo, bytes(1024))]
    yield 'sb garbage after magic', [(sbo + 58, garbage(rnd, 1024 - 58))]


def gen_gdt(img, L, rnd):
    names = ((0, 'block_bitmap'), (4, 'inode_bitmap'), (8, 'inode_table'))
    for g in range(L.ngroups):
        for off, name in names:
            for v in rnd.sample([0, 1, L.blocks_count - 1, L.blocks_count,
                                 L.first_data_block + 1, 0xffffffff,
                                 L.groups[(g + 1) % L.ngroups][off // 4]], 3):
                yield 'gd%d.%s=%#x' % (g, name, v), [(L.gdt + 32 * g + off, u32(v))]
        for off, name in ((12, 'free_blocks'), (14, 'free_inodes'),
                          (16, 'used_dirs')):
            yield 'gd%d.%s=0xffff' % (g, name), [(L.gdt + 32 * g + off, u16(0xffff))]
    for n in (1, 1, 2, 3, 8, 16):
        yield 'gdt %d bit flips' % n, flips(img, rnd, L.gdt, L.gdt + 32 * L.ngroups, n)
    yield 'gdt block zeroed', [(L.gdt, bytes(L.bs))]
    yield 'gdt block garbage', [(L.gdt, garbage(rnd, L.bs))]


def gen_bitmaps(img, L, rnd):
    for g in range(L.ngroups):
        for which, blk in (('block', L.groups[g][0]), ('inode', L.groups[g][1])):
            off = blk * L.bs
            kinds = [('zeroed', [(off, bytes(L.bs))]),
                     ('all ones', [(off, b'\xff' * L.bs)]),
                     ('garbage', [(off, garbage(rnd, L.bs))]),
                     ('4 bit flips', flips(img, rnd, off, off + L.bs, 4))]
            for k, muts in rnd.sample(kinds, 2 if g else 4):
                yield 'group %d %s bitmap %s' % (g, which, k), muts


def gen_itable(img, L, rnd):
    def inode_field(ino, off, size, v):
        base = L.inode_off(ino)
        return [(base + off, u32(v) if size == 4 else u16(v))]

    targets = [2, 11] + L.of_kind(0x4000)[:6] + L.of_kind(0x8000)[:6] + \
        L.of_kind(0xA000)[:4]
    targets = list(dict.fromkeys(t for t in targets if t in L.inodes))
    fields = (('mode', 0, 2), ('size', 4, 4), ('links', 26, 2),
              ('blocks', 28, 4), ('flags', 32, 4), ('block0', 40, 4),
              ('block12', 88, 4), ('block13', 92, 4), ('block14', 96, 4),
              ('file_acl', 104, 4), ('size_high', 108, 4))
    for ino in targets:
        for name, off, size in rnd.sample(fields, 3):
            if name == 'mode':
                v = rnd.choice((0x4000, 0x8000, 0xA000, 0x2000, 0x1000, 0xF1FF,
                                0)) | 0o755
            elif name == 'links':
                v = rnd.choice((0, 1, 0xffff))
            else:
                v = rnd.choice((0, 1, L.blocks_count, L.blocks_count - 1,
                                0x7fffffff, 0xffffffff, rnd.getrandbits(32),
                                L.first_data_block + 1))
            yield 'inode %d %s=%#x' % (ino, name, v), inode_field(ino, off, size, v)
    for ino in rnd.sample(targets, min(len(targets), 10)):
        base = L.inode_off(ino)
        n = rnd.choice((1, 2, 5, 20))
        yield 'inode %d %d bit flips' % (ino, n), flips(img, rnd, base, base + L.isz, n)
    it0 = L.groups[0][2] * L.bs
    yield 'inode table block 0 zeroed (root)', [(it0, bytes(L.bs))]
    yield 'inode table block 0 garbage', [(it0, garbage(rnd, L.bs))]
    for g in range(1, L.ngroups):
        itg = L.groups[g][2] * L.bs
        yield 'group %d inode table block garbage' % g, [(itg, garbage(rnd, L.bs))]
    yield 'inode table 64 bit flips', flips(
        img, rnd, it0, it0 + L.itable_blocks * L.bs, 64)


def gen_dirs(img, L, rnd):
    blocks = L.dir_blocks
    picks = rnd.sample(blocks, min(len(blocks), 12))
    for ino, blk in picks:
        off = blk * L.bs
        # the first entries: '.' at 0, '..' at 12, then the first name
        choices = [
            ('rec_len of . = 0', [(off + 4, u16(0))]),
            ('rec_len of . = 3', [(off + 4, u16(3))]),
            ('rec_len of . = block+4', [(off + 4, u16(L.bs + 4))]),
            ('name_len of .. = 255', [(off + 12 + 6, b'\xff')]),
            ('inode of .. = huge', [(off + 12, u32(0xfffffff0))]),
            ('inode of 3rd entry = 0', [(off + 24, u32(0))]),
            ('inode of 3rd entry = root', [(off + 24, u32(2))]),
            ('inode of 3rd entry = self', [(off + 24, u32(ino))]),
            ('inode of 3rd entry = inodes_count+1',
             [(off + 24, u32(L.inodes_count + 1))]),
            ('file_type of 3rd entry = 7', [(off + 24 + 7, b'\x07')]),
            ('rec_len of 3rd entry odd', [(off + 24 + 4, u16(13))]),
            ('last rec_len short', [(off + L.bs - 2, b'\x00\x00')]),
            ('8 bit flips', flips(img, rnd, off, off + L.bs, 8)),
            ('zeroed', [(off, bytes(L.bs))]),
            ('garbage', [(off, garbage(rnd, L.bs))]),
        ]
        for k, muts in rnd.sample(choices, 4):
            yield 'dir inode %d block %d: %s' % (ino, blk, k), muts


def gen_indirect(img, L, rnd):
    blocks = [('ind', b) for b in L.ind_blocks] + [('dind', b) for b in L.dind_blocks]
    for kind, blk in blocks:
        off = blk * L.bs
        choices = [
            ('zeroed', [(off, bytes(L.bs))]),
            ('garbage', [(off, garbage(rnd, L.bs))]),
            ('first = self', [(off, u32(blk))]),
            ('first = blocks_count', [(off, u32(L.blocks_count))]),
            ('first = 0xffffffff', [(off, u32(0xffffffff))]),
            ('first = superblock', [(off, u32(L.first_data_block))]),
            ('all = inode table', [(off, u32(L.groups[0][2]) * (L.bs // 4))]),
            ('6 bit flips', flips(img, rnd, off, off + L.bs, 6)),
        ]
        for k, muts in rnd.sample(choices, 4):
            yield '%s block %d: %s' % (kind, blk, k), muts


def gen_xattr(img, L, rnd):
    for blk in L.xattr_blocks:
        off = blk * L.bs
        first = off + 32     # the first entry follows the 32-byte header
        choices = [
            ('magic', [(off, u32(0xEA020001))]),
            ('refcount 0', [(off + 4, u32(0))]),
            ('h_blocks 2', [(off + 8, u32(2))]),
            ('name_len 255', [(first, b'\xff')]),
            ('name_index 9', [(first + 1, b'\x09')]),
            ('value_offs past block', [(first + 2, u16(L.bs - 2))]),
            ('value_offs odd', [(first + 2, u16(3))]),
            ('value_size huge', [(first + 8, u32(0x7ffffff0))]),
            ('value_size block', [(first + 8, u32(L.bs))]),
            ('value_block set', [(first + 4, u32(1))]),
            ('8 bit flips in header and entries', flips(img, rnd, off, off + 128, 8)),
            ('zeroed', [(off, bytes(L.bs))]),
            ('garbage', [(off, garbage(rnd, L.bs))]),
        ]
        for k, muts in rnd.sample(choices, 5):
            yield 'xattr block %d: %s' % (blk, k), muts


def gen_random(img, L, rnd):
    meta = L.metadata_end()
    for _ in range(2):
        for n in (1, 2, 3, 5, 10, 30, 100):
            yield 'metadata area %d flips' % n, flips(img, rnd, 1024, meta, n)
        for n in (10, 1000):
            yield 'whole image %d flips' % n, flips(img, rnd, 0, len(img), n)
        for n in (1, 2, 5):
            muts = []
            for _ in range(n):
                b = rnd.randrange(L.first_data_block, meta // L.bs)
                muts.append((b * L.bs, bytes(L.bs) if rnd.random() < 0.5
                             else garbage(rnd, L.bs)))
            yield 'metadata area %d zeroed/garbage blocks' % n, muts


# class, generator, how many of its candidates run (a seeded sample)
CLASSES = (('superblock', gen_superblock, 45), ('gdt', gen_gdt, 40),
           ('bitmaps', gen_bitmaps, 30), ('inode-table', gen_itable, 60),
           ('directories', gen_dirs, 45), ('indirect', gen_indirect, 25),
           ('xattr-blocks', gen_xattr, 25), ('random', gen_random, 36))


def variants(images, seed, scale=1.0):
    out = []
    for cls, gen, budget in CLASSES:
        cand = []
        for im in sorted(images):
            img, L = images[im]
            rnd = random.Random('%d:%s:%s' % (seed, cls, im))
            for desc, muts in gen(img, L, rnd):
                cand.append((im, desc, muts, rnd.random() < 0.25))
        n = min(len(cand), max(1, int(budget * scale)))
        keep = sorted(random.Random('%d:%s' % (seed, cls)).sample(range(len(cand)), n))
        for i, k in enumerate(keep):
            im, desc, muts, rw = cand[k]
            out.append(('%s-%d' % (cls, i), cls, im, desc, muts, rw))
    return out


def apply(img, muts):
    b = bytearray(img)
    for off, data in muts:
        b[off:off + len(data)] = data[:max(0, len(b) - off)]
    return bytes(b)


# --- running and judging --------------------------------------------------
SAN = re.compile(r'ERROR: (AddressSanitizer|LeakSanitizer|ThreadSanitizer)|'
                 r'runtime error:')
BUG = re.compile(r'kernel BUG at ([^:]+):(\d+)')
WARN = re.compile(r'WARNING: (\S+?):(\d+) ')
PANIC = re.compile(r'Kernel panic - not syncing: (.*)')
UB_AT = re.compile(r'^(\S+?):\d+:\d+: runtime error: (.*)$', re.M)


def ours(path):
    return any(('/' + d) in path or path.startswith(d) for d in OUR_DIRS)


def judge(rc, out, err, timed_out):
    """(outcome, detail): outcome is one of clean, mount-refused, io-errors,
    driver-bug, driver-ub, FAILURE"""
    if timed_out:
        return 'FAILURE', 'timeout (hang)'
    m = SAN.search(err)
    if m:
        ub = UB_AT.search(err)
        if m.group(0) == 'runtime error:' and ub and not ours(ub.group(1)):
            return 'driver-ub', '%s: %s' % (os.path.basename(ub.group(1)), ub.group(2))
        line = next((ln for ln in err.splitlines() if m.group(0) in ln), '')
        return 'FAILURE', 'sanitizer: ' + line.strip()
    pn = PANIC.search(err)
    if pn and rc == -signal.SIGABRT and pn.group(1).startswith('EXT2-fs'):
        return 'driver-bug', 'panic: ' + pn.group(1).strip()
    b = BUG.search(err)
    if b:
        if rc == -signal.SIGABRT and not ours(b.group(1)):
            return 'driver-bug', 'BUG at %s:%s' % (
                b.group(1).split('/fs/')[-1] if '/fs/' in b.group(1)
                else b.group(1), b.group(2))
        return 'FAILURE', 'BUG in our code at %s:%s' % (b.group(1), b.group(2))
    if rc == 3 and 'MOUNT-REFUSED' in out:
        return 'mount-refused', out.split('MOUNT-REFUSED', 1)[1].split()[0]
    if rc != 0:
        return 'FAILURE', 'exit status %d%s' % (rc, ' (signal %s)' % signal.Signals(-rc).name
                                                if rc < 0 else '')
    if 'UMOUNT' not in out or 'WALK' not in out:
        return 'FAILURE', 'walker ended without its summary'
    m = re.search(r'errors=(\d+)', out)
    um = re.search(r'UMOUNT (-?\d+)', out)
    if (m and int(m.group(1))) or (um and int(um.group(1))):
        errs = re.findall(r'ERRNO (\d+) (\d+)', out)
        return 'io-errors', ' '.join('e%s*%s' % e for e in errs) + \
            ('' if not um or um.group(1) == '0' else ' umount=%s' % um.group(1))
    return 'clean', ''


def run_variant(walker, path, rw, timeout, extra=()):
    cmd = [walker] + (['-w'] if rw else []) + list(extra) + [path]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    timed_out = False
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
    return p.returncode, out.decode(errors='replace'), \
        err.decode(errors='replace'), timed_out


def harness_selfcheck(tap, walker, tmp, images):
    """The damage reaches the driver and a fault in our code is a failure."""
    refused = []
    for name in sorted(images):
        path = os.path.join(tmp, 'nosb-%s.img' % name)
        with open(path, 'wb') as f:
            f.write(apply(images[name][0], [(1024, bytes(1024))]))
        rc, out, err, to = run_variant(walker, path, False, 60)
        refused.append('%s: %s %s' % ((name,) + judge(rc, out, err, to)))
    tap.ok(all(' mount-refused ' in r for r in refused),
           'harness: a zeroed superblock is refused on every image',
           '\n'.join(refused))
    asan = 'SANITIZE address' in K.run([walker, '-V'], check=False).stdout.decode()
    got = {}
    for fault in ('asan', 'ubsan', 'bug', 'segv', 'hang'):
        rc, out, err, to = run_variant(walker, 'unused', False,
                                       3 if fault == 'hang' else 60, ['-F', fault])
        got[fault] = judge(rc, out, err, to)
    ok = all(o == 'FAILURE' for o, _ in got.values())
    ok = ok and (not asan or got['asan'][1].startswith('sanitizer'))
    ok = ok and 'timeout' in got['hang'][1] and 'our code' in got['bug'][1]
    tap.ok(ok, 'harness: injected faults in our code are failures (%s)' %
           ('ASan build' if asan else 'no ASan in this build'),
           '\n'.join('%s: %s %s' % (f, o, d) for f, (o, d) in got.items()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--walker', required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--timeout', type=float, default=30.0)
    ap.add_argument('--only')
    ap.add_argument('--keep')
    ap.add_argument('--list', action='store_true')
    ap.add_argument('--scale', type=float,
                    default=float(os.environ.get('KSHIM_CORRUPT_SCALE', '2')),
                    help='variants per class: this times the class budget')
    args = ap.parse_args()
    tap = K.Tap()
    start = time.monotonic()

    why = K.missing_requirements(programs=('mke2fs', 'e2fsck'))
    if why:
        tap.skip('ext2 corruption test', why)
        tap.done()
    if not os.path.exists(args.walker):
        tap.skip('ext2 corruption test', 'corrupt-walk-ext2 not built '
                 '(needs kshim_fs_ext2_dep from fs/meson.build)')
        tap.done()
    walker = os.path.abspath(args.walker)

    with K.tempdir('ext2-corrupt') as tmp:
        tree = os.path.join(tmp, 'tree')
        have_acl = make_tree(tree, os.geteuid() == 0)
        images = {}
        for name, spec in sorted(IMAGES.items()):
            path = os.path.join(tmp, name + '.img')
            make_image(tree, path, spec)
            with open(path, 'rb') as f:
                img = f.read()
            images[name] = (img, Layout(img))
        tap.diag('images: ' + ', '.join(
            '%s (%d groups, %d inodes in use, %d dir blocks, %d indirect, '
            '%d xattr blocks)' % (n, L.ngroups, len(L.inodes), len(L.dir_blocks),
                                  len(L.ind_blocks) + len(L.dind_blocks),
                                  len(L.xattr_blocks))
            for n, (_, L) in sorted(images.items())) +
            ('' if have_acl else '; no setfacl: no ACLs'))

        vs = variants(images, args.seed, args.scale)
        if args.list:
            for name, cls, im, desc, muts, rw in vs:
                print('%s %s %s%s: %s' % (name, cls, im, ' rw' if rw else '', desc))
            return
        if args.only:
            vs = [v for v in vs if v[0] == args.only]
            if not vs:
                sys.exit('no variant named %s (see --list)' % args.only)

        # the pristine images walk cleanly, read-only and read-write
        if not args.only:
            for name in sorted(images):
                for rw in (False, True):
                    path = os.path.join(tmp, 'pristine-%s.img' % name)
                    with open(path, 'wb') as f:
                        f.write(images[name][0])
                    rc, out, err, to = run_variant(walker, path, rw, args.timeout)
                    outcome, detail = judge(rc, out, err, to)
                    walk = re.search(r'WALK .*', out)
                    tap.ok(outcome == 'clean' and walk and 'files=0 ' not in walk.group(0),
                           'pristine %s %s mount walks cleanly' % (name, 'rw' if rw else 'ro'),
                           '%s %s\n%s\n%s' % (outcome, detail, out, err[-3000:]))

            harness_selfcheck(tap, walker, tmp, images)

        slots = os.path.join(tmp, 'variants')
        os.mkdir(slots)

        def one(v):
            name, cls, im, desc, muts, rw = v
            path = os.path.join(slots, name + '.img')
            with open(path, 'wb') as f:
                f.write(apply(images[im][0], muts))
            t0 = time.monotonic()
            rc, out, err, to = run_variant(walker, path, rw, args.timeout)
            dt = time.monotonic() - t0
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                shutil.copyfile(path, os.path.join(args.keep, name + '.img'))
            os.unlink(path)
            outcome, detail = judge(rc, out, err, to)
            return v, outcome, detail, dt, out, err

        results = []
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
            for r in ex.map(one, vs):
                results.append(r)

        if args.only:
            v, outcome, detail, dt, out, err = results[0]
            print('%s [%s %s%s] %s: %s %s (%.1f s)' % (
                v[0], v[2], v[1], ' rw' if v[5] else '', v[3], outcome, detail, dt))
            print(out + err)
            return

        order = ('clean', 'mount-refused', 'io-errors', 'driver-bug', 'driver-ub',
                 'FAILURE')
        for cls, _, _ in CLASSES:
            rs = [r for r in results if r[0][1] == cls]
            counts = {o: sum(1 for r in rs if r[1] == o) for o in order}
            bad = [r for r in rs if r[1] == 'FAILURE']
            detail = []
            for v, outcome, d, dt, out, err in bad:
                detail.append('FAILURE %s [%s%s] %s: %s' % (
                    v[0], v[2], ' rw' if v[5] else '', v[3], d))
                detail.append('  reproduce: %s --walker %s --seed %d --only %s '
                              '--keep DIR' % (sys.argv[0], args.walker, args.seed, v[0]))
                detail += ['  | ' + ln for ln in err.splitlines()[:25]]
            for v, outcome, d, dt, out, err in rs:
                if outcome in ('driver-bug', 'driver-ub'):
                    detail.append('%s %s [%s%s] %s: %s' % (
                        outcome, v[0], v[2], ' rw' if v[5] else '', v[3], d))
            summary = ', '.join('%d %s' % (counts[o], o) for o in order if counts[o])
            tap.ok(not bad and bool(rs), '%s: %d variants (%d read-write): %s' % (
                cls, len(rs), sum(1 for r in rs if r[0][5]), summary), '\n'.join(detail))
            if detail and not bad:
                tap.diag('\n'.join(detail))
        warns = {}
        for v, outcome, d, dt, out, err in results:
            for m in WARN.finditer(err):
                where = m.group(1).split('/fs/')[-1] if '/fs/' in m.group(1) \
                    else m.group(1)
                key = '%s%s:%s' % ('OUR CODE ' if ours(m.group(1)) else '',
                                   where, m.group(2))
                warns.setdefault(key, []).append(v[0])
        for key, names in sorted(warns.items()):
            tap.diag('WARN at %s: %d variants (e.g. %s)' % (
                key, len(names), ' '.join(names[:3])))
        slow = max(results, key=lambda r: r[3])
        wall = time.monotonic() - start
        total = {o: sum(1 for r in results if r[1] == o) for o in order}
        tap.ok(len(results) >= 200 and not total['FAILURE'],
               'ext2 corruption: %d variants, %s; wall time %.0f s (slowest '
               'variant %s %.1f s)' % (
                   len(results), ', '.join('%d %s' % (total[o], o) for o in order),
                   wall, slow[0][0], slow[3]))
    tap.done()


if __name__ == '__main__':
    main()
