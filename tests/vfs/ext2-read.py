#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""ext2-read: unmodified fs/ext2 read through the in-process VFS API.

usage: ext2-read.py --manifest VFS_MANIFEST_EXT2
       ext2-read.py --selftest VFS_MANIFEST_FAKE

Generates the test tree (tools/mktree.py) for 1 KiB and 4 KiB blocks, builds
ext2 images with 'mke2fs -t ext2 -b BS -I 128 -d TREE', walks both through
the in-process API at once (vfs-manifest: one process, two super blocks,
contract checks on every call) and compares every entry with the source
tree: entry sets, type, mode, uid, gid, size, nlink, mtime, rdev, content
digest, symlink target, xattr names and values (user.* and the POSIX ACL
xattrs), hard-link groups.  Where loop devices exist it also compares the
in-process manifest with the running kernel's mount of the same image, field
for field (inode numbers, blocks, all three times), and statfs; a
read-write mount must leave a clean image (e2fsck -fn) and show the same
tree.

--selftest checks the tools themselves without the VFS: vfs-manifest linked
with fake-vfs.c (the API over a host directory) against a kernel loop mount
must print exactly what kshimtest.py's walker prints, and the kernel mount
must match the source tree.  TAP; skips need root (mktree: chown, mknod)
and mke2fs, and fail under KSHIM_REQUIRE_ALL=1.
"""
import argparse
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kshimtest as K  # noqa: E402


def run_manifest(tap, binary, args, name, timeout=600):
    p = K.run([binary] + args, timeout=timeout, check=False)
    err = p.stderr.decode(errors='replace')
    detail = '\n'.join(err.splitlines()[:40])
    tap.ok(p.returncode == 0, name, 'exit %d\n%s' % (p.returncode, detail))
    return p.returncode == 0


def selftest(tap, fake):
    why = K.missing_requirements(need_root=True, need_loop=True,
                                 programs=('mke2fs', 'e2fsck', 'mount'))
    if why:
        tap.skip('tool self-test', why)
        return
    with K.tempdir('selftest') as tmp:
        imgs = K.ext2_images(tmp, block_sizes=(1024,))
        tree, img = imgs[1024]
        mnt = os.path.join(tmp, 'mnt')
        os.mkdir(mnt)
        out = os.path.join(tmp, 'fake.manifest')
        src = K.parse_manifest(K.walk_manifest(tree))
        with K.kernel_mount(img, mnt, 'ext2'):
            kern = K.parse_manifest(K.walk_manifest(mnt))
            again = K.parse_manifest(K.walk_manifest(mnt))
            ok = run_manifest(tap, fake, ['-S', '-c', mnt + '=' + out],
                              'vfs-manifest (fake API) walks the kernel mount '
                              'with every contract check passing')
            sv = K.statvfs_fields(mnt)
        d = K.compare_manifests(src, kern, 'source', ('source', 'kernel'))
        tap.ok(not d, 'kernel ext2 mount matches the source tree', '\n'.join(d))
        d = K.compare_manifests(kern, again)
        tap.ok(not d, 'two walks of the kernel mount agree', '\n'.join(d))
        if ok:
            text = open(out).read()
            d = K.compare_manifests(kern, K.parse_manifest(text), names=('python', 'C'))
            tap.ok(not d and len(kern) > 3000,
                   'C and Python manifests of the kernel mount are identical '
                   '(%d entries)' % len(kern), '\n'.join(d))
            d = K.dict_diff(sv, K.statfs_line_fields(text) or {}, ('statvfs', 'C'))
            tap.ok(not d, 'C statfs line matches statvfs', '\n'.join(d))


def inprocess(tap, binary):
    why = K.missing_requirements(need_root=True, programs=('mke2fs', 'e2fsck'))
    if why:
        tap.skip('ext2 in-process read', why)
        return
    if not binary or not os.path.exists(binary):
        tap.skip('ext2 in-process read', 'vfs-manifest-ext2 not built '
                 '(needs kshim_fs_ext2_dep from fs/meson.build)')
        return
    with K.tempdir('ext2-read') as tmp:
        imgs = K.ext2_images(tmp)
        tap.ok(True, 'mktree + mke2fs -d images with 1 KiB and 4 KiB blocks')
        outs = {bs: os.path.join(tmp, 'inproc-%d.manifest' % bs) for bs in imgs}
        ok = run_manifest(tap, binary, ['-S', '-c'] +
                          ['%s=%s' % (imgs[bs][1], outs[bs]) for bs in imgs],
                          'in-process read-only mount of both images at once, '
                          'walk, contract checks, concurrent re-walk, unmount')
        texts = {}
        for bs, (tree, img) in sorted(imgs.items()):
            name = 'ext2 -b %d: ' % bs
            if not ok:
                tap.ok(False, name + 'in-process tree matches the source tree',
                       'no manifest: the walk failed')
                continue
            texts[bs] = open(outs[bs]).read()
            got = K.parse_manifest(texts[bs])
            d = K.compare_manifests(K.parse_manifest(K.walk_manifest(tree)), got,
                                    'source', ('source', 'kshim'))
            tap.ok(not d and len(got) > 3000, name + 'in-process tree matches the '
                   'source tree (%d entries)' % len(got), '\n'.join(d))

        # against the running kernel: every field, and statfs
        why = K.missing_requirements(need_loop=True, programs=('mount',))
        for bs, (tree, img) in sorted(imgs.items()):
            name = 'ext2 -b %d: ' % bs
            if why or bs not in texts:
                tap.skip(name + 'in-process manifest equals the kernel mount\'s',
                         why or 'no in-process manifest')
                continue
            mnt = os.path.join(tmp, 'mnt-%d' % bs)
            os.mkdir(mnt)
            with K.kernel_mount(img, mnt, 'ext2'):
                kern = K.parse_manifest(K.walk_manifest(mnt))
                sv = K.statvfs_fields(mnt)
            d = K.compare_manifests(kern, K.parse_manifest(texts[bs]), 'exact',
                                    ('kernel', 'kshim'))
            tap.ok(not d, name + 'in-process manifest equals the kernel mount\'s '
                   '(ino, blocks, times, xattrs, data)', '\n'.join(d))
            d = K.dict_diff(sv, K.statfs_line_fields(texts[bs]) or {},
                            ('kernel', 'kshim'))
            tap.ok(not d, name + 'statfs equals the kernel\'s', '\n'.join(d))

        # read-write mount: mount count written back, nothing else changes
        tree, img = imgs[1024]
        rw = os.path.join(tmp, 'rw.img')
        shutil.copyfile(img, rw)
        out = os.path.join(tmp, 'rw.manifest')
        ok = run_manifest(tap, binary, ['-w', '%s=%s' % (rw, out)],
                          'ext2 -b 1024: in-process read-write mount, walk, unmount')
        p = K.run(['e2fsck', '-fn', rw], timeout=300, check=False)
        tap.ok(p.returncode == 0, 'ext2 -b 1024: image clean after the read-write '
               'mount (e2fsck -fn)', p.stdout.decode(errors='replace')[-2000:])
        if ok and 1024 in texts:
            d = K.compare_manifests(K.parse_manifest(texts[1024]),
                                    K.parse_manifest(open(out).read()), 'exact',
                                    ('ro', 'rw'), ignore=('atime',))
            tap.ok(not d, 'ext2 -b 1024: read-write mount shows the same tree',
                   '\n'.join(d))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--manifest', help='vfs-manifest-ext2')
    ap.add_argument('--selftest', help='vfs-manifest-fake')
    args = ap.parse_args()
    tap = K.Tap()
    try:
        if args.selftest:
            selftest(tap, args.selftest)
        else:
            inprocess(tap, args.manifest)
    except Exception as e:  # a broken step fails the test, with the reason
        tap.ok(False, 'unexpected error', '%s: %s' % (type(e).__name__, e))
    tap.done()


if __name__ == '__main__':
    main()
