#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""ext2-diff: kshim-ext2 over FUSE against the running kernel, field by field.

usage: ext2-diff.py --kshim KSHIM_EXT2 [--manifest VFS_MANIFEST_EXT2]

For 1 KiB and 4 KiB blocks, the generated test tree (tools/mktree.py) is
imaged with mke2fs -d and mounted read-only twice: by the running kernel
('mount -o loop,ro,noatime -t ext2': today's kernels serve ext2 with the
ext4 driver) and by 'kshim-ext2 -o ro IMG DIR'.  The two trees must be
identical: the entry sets, every file's bytes, every stat field (mode, uid,
gid, size, blocks, nlink, ino, rdev, atime/mtime/ctime to the nanosecond),
symlink targets, xattrs (listxattr/getxattr without following symlinks,
ACL xattrs included), and statfs (f_bsize, f_frsize, f_blocks, f_bfree,
f_bavail, f_files, f_ffree, f_namemax).  The in-process manifest of the same
image (vfs-manifest) must equal the kernel mount's too.

Why 128-byte inodes (mke2fs -I 128): fs/ext2 keeps whole-second times and
no in-inode xattrs, while the ext4 driver reading a 256-byte inode would
show nanoseconds, creation times and in-inode xattrs that ext2 ignores;
with 128-byte inodes both drivers must agree exactly.  Both mounts are
read-only (and the kernel's noatime), so no read moves an atime, and atimes
are compared too.

TAP.  Needs root, /dev/fuse, loop devices, mke2fs; skips otherwise (failures
under KSHIM_REQUIRE_ALL=1).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vfs'))
import kshimtest as K  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kshim', required=True)
    ap.add_argument('--manifest')
    ap.add_argument('--fstype', default='ext2', help='kernel fs type to compare with')
    args = ap.parse_args()
    tap = K.Tap()
    why = K.missing_requirements(need_root=True, need_fuse=True, need_loop=True,
                                 programs=('mke2fs', 'e2fsck', 'mount', 'fusermount3'))
    if not why and not os.path.exists(args.kshim):
        why = '%s not built' % args.kshim
    if why:
        tap.skip('kshim-ext2 against the kernel', why)
        tap.done()
    try:
        with K.tempdir('ext2-diff') as tmp:
            imgs = K.ext2_images(tmp)
            for bs, (tree, img) in sorted(imgs.items()):
                name = 'ext2 -b %d: ' % bs
                kmnt = os.path.join(tmp, 'kernel-%d' % bs)
                smnt = os.path.join(tmp, 'kshim-%d' % bs)
                os.mkdir(kmnt)
                os.mkdir(smnt)
                with K.kernel_mount(img, kmnt, args.fstype):
                    kern = K.parse_manifest(K.walk_manifest(kmnt))
                    ksv = K.statvfs_fields(kmnt)
                try:
                    with K.kshim_fuse_mount(args.kshim, img, smnt, 'ro'):
                        tap.ok(True, name + 'kshim-ext2 -o ro mounts')
                        got = K.parse_manifest(K.walk_manifest(smnt))
                        again = K.parse_manifest(K.walk_manifest(smnt))
                        ssv = K.statvfs_fields(smnt)
                        opts = [m[3] for m in K.mounts()
                                if m[1] == os.path.realpath(smnt)]
                except RuntimeError as e:
                    tap.ok(False, name + 'kshim-ext2 -o ro mounts', str(e))
                    continue
                tap.ok(not K.is_mounted(smnt), name + 'unmounted afterwards')
                tap.ok(opts and 'ro' in opts[0].split(','),
                       name + 'the FUSE mount is read-only', repr(opts))
                d = K.compare_manifests(kern, got, 'exact', ('kernel', 'kshim'))
                tap.ok(not d and len(got) > 3000,
                       name + 'FUSE tree equals the kernel\'s: every entry, byte, '
                       'stat field, link target, xattr (%d entries)' % len(got),
                       '\n'.join(d))
                d = K.compare_manifests(got, again, 'exact', ('first', 'second'))
                tap.ok(not d, name + 'a second walk (warm caches) agrees', '\n'.join(d))
                d = K.dict_diff(ksv, ssv, ('kernel', 'kshim'))
                tap.ok(not d, name + 'statvfs equals the kernel\'s', '\n'.join(d))
                if not args.manifest or not os.path.exists(args.manifest):
                    tap.skip(name + 'in-process manifest equals the kernel mount\'s',
                             'vfs-manifest-ext2 not built')
                    continue
                p = K.run([args.manifest, img], timeout=600, check=False)
                d = K.compare_manifests(kern, K.parse_manifest(p.stdout.decode()),
                                        'exact', ('kernel', 'in-process'))
                tap.ok(p.returncode == 0 and not d,
                       name + 'in-process manifest equals the kernel mount\'s',
                       'exit %d\n%s\n%s' % (p.returncode,
                                            p.stderr.decode(errors='replace')[-3000:],
                                            '\n'.join(d)))
    except Exception as e:
        tap.ok(False, 'unexpected error', '%s: %s' % (type(e).__name__, e))
    tap.done()


if __name__ == '__main__':
    main()
