#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""minix-basic: fresh mkfs.minix images (v1, v2, v3) through kshim.

usage: minix-basic.py [--kshim KSHIM_MINIX] [--manifest VFS_MANIFEST_MINIX]

For each of 'mkfs.minix -1', '-1 -n 30', '-2', '-2 -n 30', '-3' on a 4 MiB
image, the expected state is read from the image itself with struct (the
superblock, the bitmaps, the root inode) and cross-checked with
mkfs.minix's own report (inodes, blocks):
- in process (vfs-manifest -S): the mount succeeds, every API contract check
  passes (readdir has "." and ".." naming the root), the root's mode, nlink,
  uid, gid, size are the root inode's, and statfs is what fs/minix computes
  from that superblock: f_blocks = (zones - firstdatazone) << log_zone_size,
  f_bfree = f_bavail = free zone bits, f_files = inodes, f_ffree = free inode
  bits, f_namemax = 14/30/60;
- over FUSE (kshim-minix -o ro): 'ls -la' of the mount shows '.' with the
  root's mode and link count and '..' as the mountpoint's parent, statvfs
  matches, fusermount3 -u unmounts, the daemon exits, and the image is
  unchanged and fsck.minix-clean.
TAP; skips (failures under KSHIM_REQUIRE_ALL=1) without mkfs.minix, or for
the FUSE part without root, /dev/fuse or the binary.
"""
import argparse
import hashlib
import os
import re
import stat
import struct
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vfs'))
import kshimtest as K  # noqa: E402

VARIANTS = [('v1', ['-1']), ('v1-30', ['-1', '-n', '30']), ('v2', ['-2']),
            ('v2-30', ['-2', '-n', '30']), ('v3', ['-3'])]
MAGIC = {0x137f: (1, 14), 0x138f: (1, 30), 0x2468: (2, 14), 0x2478: (2, 30),
         0x4d5a: (3, 60)}


def count_free(data, first_block, nblocks_map, bs, bits):
    """fs/minix count_free: zero bits of whole 16-bit words of the map blocks
    that hold 'bits' bits; bit 0 counts as used (the driver sets it)."""
    blocks = (bits + bs * 8 - 1) // (bs * 8)
    assert blocks <= nblocks_map
    m = bytearray(data[first_block * bs:(first_block + blocks) * bs])
    m[0] |= 1
    return sum(8 - bin(b).count('1') for b in m)


def expected(img):
    data = open(img, 'rb').read()
    sb = data[1024:1024 + 64]
    magic = struct.unpack_from('<H', sb, 16)[0]
    if magic in MAGIC and MAGIC[magic][0] in (1, 2):
        ver, namelen = MAGIC[magic]
        (ninodes, nzones, imap, zmap, first, log, _maxsize, _magic, _state,
         zones) = struct.unpack_from('<HHHHHHIHHI', sb, 0)
        if ver == 2:
            nzones = zones
        bs = 1024
    else:
        (ninodes, _p0, imap, zmap, first, log, _p1, _maxsize, nzones, magic,
         _p2, bs) = struct.unpack_from('<IHHHHHHIIHHH', sb, 0)
        assert magic == 0x4d5a, hex(magic)
        ver, namelen = 3, 60
    itable = (2 + imap + zmap) * bs
    if ver == 1:
        mode, uid, size, mtime, gid, nlink = struct.unpack_from('<HHIIBB', data, itable)
    else:
        mode, nlink, uid, gid, size, _a, mtime, _c = struct.unpack_from(
            '<HHHHIIII', data, itable)
    sf = {'bsize': bs, 'frsize': bs, 'blocks': (nzones - first) << log,
          'bfree': count_free(data, 2 + imap, zmap, bs, nzones - first + 1) << log,
          'files': ninodes,
          'ffree': count_free(data, 2, imap, bs, ninodes + 1), 'namemax': namelen}
    sf['bavail'] = sf['bfree']
    root = {'mode': mode, 'nlink': nlink, 'uid': uid, 'gid': gid, 'size': size,
            'mtime': mtime}
    return ver, sf, root, {'ninodes': ninodes, 'nzones': nzones}


def ls_la(tap, name, mnt, root):
    p = K.run(['ls', '-la', '--time-style=+%s', mnt], timeout=30, check=False)
    out = p.stdout.decode(errors='replace')
    lines = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 7:
            lines[f[-1]] = f
    parent = os.stat(os.path.dirname(os.path.realpath(mnt)))
    dot, dotdot = lines.get('.'), lines.get('..')
    want = stat.filemode(root['mode'])
    tap.ok(p.returncode == 0 and dot and dot[0] == want and
           dot[1] == str(root['nlink']),
           name + "ls -la: '.' is %s with %d links" % (want, root['nlink']),
           out)
    tap.ok(p.returncode == 0 and dotdot and
           dotdot[0].rstrip('+.') == stat.filemode(parent.st_mode),
           name + "ls -la: '..' is the mountpoint's parent", out)
    tap.ok(set(lines) == {'.', '..'}, name + 'the fresh root holds only . and ..',
           out)


def daemon_pids(img):
    pids = []
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            cmd = open('/proc/%s/cmdline' % pid, 'rb').read().split(b'\0')
        except OSError:
            continue
        if os.fsencode(img) in cmd and any(b'kshim-' in c for c in cmd[:1]):
            pids.append(int(pid))
    return pids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kshim')
    ap.add_argument('--manifest')
    args = ap.parse_args()
    tap = K.Tap()
    why = K.missing_requirements(programs=('mkfs.minix', 'fsck.minix'))
    if why:
        tap.skip('minix images', why)
        tap.done()
    fuse_why = K.missing_requirements(need_root=True, need_fuse=True,
                                      programs=('fusermount3', 'ls'))
    if not fuse_why and not (args.kshim and os.path.exists(args.kshim)):
        fuse_why = 'kshim-minix not built'
    inproc_why = None if args.manifest and os.path.exists(args.manifest) else \
        'vfs-manifest-minix not built (needs kshim_fs_minix_dep)'
    try:
        with K.tempdir('minix') as tmp:
            for tag, opts in VARIANTS:
                name = 'minix %s: ' % tag
                img = os.path.join(tmp, tag + '.img')
                with open(img, 'wb') as f:
                    f.truncate(4 << 20)
                p = K.run(['mkfs.minix'] + opts + [img], timeout=60)
                out = p.stdout.decode()
                ver, sf, root, sb = expected(img)
                m_in = re.search(r'(\d+) inodes', out)
                m_bl = re.search(r'(\d+) blocks', out)
                tap.ok(m_in and int(m_in.group(1)) == sb['ninodes'] and m_bl and
                       int(m_bl.group(1)) == sb['nzones'] and ver == int(tag[1]),
                       name + 'superblock read with struct agrees with mkfs.minix',
                       out + repr(sb))
                digest = hashlib.sha256(open(img, 'rb').read()).hexdigest()

                if inproc_why:
                    tap.skip(name + 'in-process mount, root and statfs', inproc_why)
                else:
                    p = K.run([args.manifest, '-S', img], timeout=120, check=False)
                    text = p.stdout.decode(errors='replace')
                    man = K.parse_manifest(text)
                    r = man.get('/', {})
                    got = {'mode': r.get('mode'), 'nlink': r.get('nlink'),
                           'uid': r.get('uid'), 'gid': r.get('gid'),
                           'size': r.get('size'), 'type': r.get('type')}
                    want = {'mode': '%04o' % (root['mode'] & 0o7777),
                            'nlink': str(root['nlink']), 'uid': str(root['uid']),
                            'gid': str(root['gid']), 'size': str(root['size']),
                            'type': 'dir'}
                    tap.ok(p.returncode == 0 and set(man) == {'/'},
                           name + 'in-process ro mount, walk with contract checks '
                           '(. and .. in readdir), unmount',
                           'exit %d\n%s\n%s' % (p.returncode, text,
                                                p.stderr.decode(errors='replace')))
                    d = K.dict_diff(want, got, ('root inode', 'kshim'))
                    tap.ok(not d, name + 'in-process root attributes', '\n'.join(d))
                    d = K.dict_diff(sf, K.statfs_line_fields(text) or {},
                                    ('superblock', 'kshim'))
                    tap.ok(not d, name + 'in-process statfs', '\n'.join(d))

                if fuse_why:
                    tap.skip(name + 'FUSE mount, ls -la, statvfs, unmount', fuse_why)
                    continue
                mnt = os.path.join(tmp, 'mnt-' + tag)
                os.mkdir(mnt)
                try:
                    with K.kshim_fuse_mount(args.kshim, img, mnt, 'ro'):
                        tap.ok(True, name + 'kshim-minix -o ro mounts')
                        ls_la(tap, name, mnt, root)
                        d = K.dict_diff(sf, K.statvfs_fields(mnt),
                                        ('superblock', 'kshim'))
                        tap.ok(not d, name + 'statvfs (df) as mkfs.minix made it',
                               '\n'.join(d))
                        pids = daemon_pids(img)
                        p = K.run(['fusermount3', '-u', mnt], timeout=30, check=False)
                        tap.ok(p.returncode == 0 and not K.is_mounted(mnt),
                               name + 'fusermount3 -u unmounts',
                               p.stderr.decode(errors='replace'))
                        end = time.monotonic() + 20
                        while time.monotonic() < end and any(
                                os.path.exists('/proc/%d' % x) for x in pids):
                            time.sleep(0.05)
                        tap.ok(pids and not any(os.path.exists('/proc/%d' % x)
                                                for x in pids),
                               name + 'the daemon exits after the unmount',
                               'pids %r' % pids)
                except RuntimeError as e:
                    tap.ok(False, name + 'kshim-minix -o ro mounts', str(e))
                    continue
                p = K.run(['fsck.minix', '-f', img], timeout=60, check=False)
                same = hashlib.sha256(open(img, 'rb').read()).hexdigest() == digest
                tap.ok(p.returncode == 0 and same,
                       name + 'image unchanged and fsck.minix-clean after the ro mount',
                       'fsck exit %d, unchanged=%s\n%s' % (
                           p.returncode, same, p.stdout.decode(errors='replace')))
    except Exception as e:
        tap.ok(False, 'unexpected error', '%s: %s' % (type(e).__name__, e))
    tap.done()


if __name__ == '__main__':
    main()
