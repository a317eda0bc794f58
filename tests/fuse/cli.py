#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""cli: the kshim-ext2 command line, as a user and mount(8) meet it.

usage: cli.py --kshim KSHIM_EXT2

--help (exit 0, documents -o ro), --version (names Linux 6.12), a missing
image, a garbage image and a missing mountpoint (non-zero exit, a message
naming the culprit, nothing left mounted); then, with root and /dev/fuse:
'mount -t fuse.kshim-ext2 IMG DIR -o ro' through mount.fuse3 (the binary
found on mount's default PATH through a temporary /usr/local/sbin symlink), SIGTERM to a
foreground daemon (unmounts, exit status 0, gone from /proc/mounts), and a
second mount of an image already mounted (refused, with a message), and
the FUSE log of three writes to a new file: one GETXATTR security.capability
when the kernel offered FUSE_HANDLE_KILLPRIV_V2 (the bridge asks for it past
libfuse), three otherwise.
TAP; skips fail under KSHIM_REQUIRE_ALL=1.
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vfs'))
import kshimtest as K  # noqa: E402



def text(p):
    return (p.stdout.decode(errors='replace') if p.stdout else '') + \
        (p.stderr.decode(errors='replace') if p.stderr else '')


def small_image(tmp):
    tree = os.path.join(tmp, 'tree')
    os.makedirs(os.path.join(tree, 'dir'))
    with open(os.path.join(tree, 'dir', 'hello'), 'w') as f:
        f.write('hello from ext2\n')
    img = os.path.join(tmp, 'small.img')
    K.run(['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '1024', '-I', '128', '-d', tree,
           img, '2M'], timeout=60)
    return img


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kshim', required=True)
    args = ap.parse_args()
    b = os.path.abspath(args.kshim)
    prog = os.path.basename(b)
    tap = K.Tap()
    if not os.path.exists(b):
        tap.skip('%s command line' % prog, '%s not built' % b)
        tap.done()
    try:
        with K.tempdir('cli') as tmp:
            p = K.run([b, '--help'], timeout=30, check=False)
            out = p.stdout.decode(errors='replace')
            tap.ok(p.returncode == 0 and '-o' in out and re.search(r'\bro\b', out),
                   '--help: exit 0, documents -o ro', text(p))
            p = K.run([b, '--version'], timeout=30, check=False)
            tap.ok(p.returncode == 0 and '6.12' in text(p),
                   '--version: exit 0, names the 6.12 kernel sources', text(p))

            mnt = os.path.join(tmp, 'mnt')
            os.mkdir(mnt)
            missing = os.path.join(tmp, 'no-such-image.img')
            p = K.run([b, '-o', 'ro', missing, mnt], timeout=60, check=False)
            tap.ok(p.returncode != 0 and 'no-such-image.img' in text(p)
                   and not K.is_mounted(mnt),
                   'missing image: non-zero exit, the message names the file',
                   'exit %d: %s' % (p.returncode, text(p)))

            garbage = os.path.join(tmp, 'garbage.img')
            with open(garbage, 'wb') as f:
                f.write(os.urandom(1 << 20))
            p = K.run([b, '-o', 'ro', garbage, mnt], timeout=60, check=False)
            tap.ok(p.returncode != 0 and 'garbage.img' in text(p)
                   and not K.is_mounted(mnt),
                   'garbage image: non-zero exit, a message naming the image',
                   'exit %d: %s' % (p.returncode, text(p)))

            why = K.missing_requirements(need_root=True, programs=('mke2fs',))
            img = small_image(tmp) if not why else None
            if why:
                tap.skip('missing mountpoint', why)
            else:
                nodir = os.path.join(tmp, 'no-such-dir')
                p = K.run([b, '-o', 'ro', img, nodir], timeout=60, check=False)
                tap.ok(p.returncode != 0 and 'no-such-dir' in text(p),
                       'missing mountpoint: non-zero exit, the message names it',
                       'exit %d: %s' % (p.returncode, text(p)))

            why = why or K.missing_requirements(
                need_fuse=True, programs=('mount', 'fusermount3'))
            if not why and not (os.path.exists('/sbin/mount.fuse3') or
                                shutil.which('mount.fuse3')):
                why = 'no mount.fuse3 (fuse3 package)'
            cases = ('mount -t fuse.%s through mount.fuse3' % prog,
                     'SIGTERM to the daemon unmounts, exit 0',
                     'a second mount of a mounted image is refused',
                     'HANDLE_KILLPRIV_V2: one security.capability GETXATTR '
                     'per file, not one per write')
            if why:
                for c in cases:
                    tap.skip(c, why)
                tap.done()

            # mount(8) -> mount.fuse3 -> PROG found on the default PATH:
            # mount resets PATH for its helpers, so an installed kshim lives
            # in a standard directory; stand in for the install with a
            # temporary symlink in /usr/local/sbin (unless one is there)
            link = os.path.join('/usr/local/sbin', prog)
            made_link = False
            if not os.path.lexists(link):
                os.makedirs('/usr/local/sbin', exist_ok=True)
                os.symlink(b, link)
                made_link = True
            try:
                p = K.run(['mount', '-t', 'fuse.' + prog, img, mnt, '-o', 'ro'],
                          timeout=60, check=False)
            finally:
                if made_link:
                    os.unlink(link)
            try:
                hello = ''
                if K.is_mounted(mnt):
                    with open(os.path.join(mnt, 'dir', 'hello')) as f:
                        hello = f.read()
                types = [m[2] for m in K.mounts() if m[1] == os.path.realpath(mnt)]
                tap.ok(p.returncode == 0 and hello == 'hello from ext2\n' and
                       types and types[0] == 'fuse.' + prog, cases[0],
                       'exit %d, types %r, read %r: %s' % (p.returncode, types,
                                                           hello, text(p)))
            finally:
                K.unmount(mnt)
                K.wait_image_free(img, 30)

            # a foreground daemon we own: SIGTERM, and a second mount meanwhile
            mnt2 = os.path.join(tmp, 'mnt2')
            os.mkdir(mnt2)
            d = subprocess.Popen([b, '-f', '-o', 'ro', img, mnt],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                up = K.wait_mounted(mnt, 30)
                p = K.run([b, '-o', 'ro', img, mnt2], timeout=60, check=False)
                tap.ok(up and p.returncode != 0 and text(p).strip() and
                       not K.is_mounted(mnt2), cases[2],
                       'first mounted: %s; second: exit %d: %s' % (
                           up, p.returncode, text(p)))
                K.unmount(mnt2)
                d.send_signal(signal.SIGTERM)
                try:
                    rc = d.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    rc = 'still running 30 s after SIGTERM'
                # the kernel may take a moment to drop the mount entry
                end = time.monotonic() + 5
                while K.is_mounted(mnt) and time.monotonic() < end:
                    time.sleep(0.05)
                tap.ok(up and rc == 0 and not K.is_mounted(mnt), cases[1],
                       'mounted: %s, exit status: %s, still in /proc/mounts: %s, '
                       'stderr: %s' % (up, rc, K.is_mounted(mnt),
                                       d.stderr.read().decode(errors='replace')
                                       if rc != 'still running 30 s after SIGTERM'
                                       else ''))
            finally:
                if d.poll() is None:
                    d.kill()
                    d.wait(timeout=30)
                K.unmount(mnt)
                K.unmount(mnt2)

            # the FUSE log of three writes to a new file: the bridge asks for
            # FUSE_HANDLE_KILLPRIV_V2 past libfuse when the kernel offers it
            K.wait_image_free(img, 30)
            d = subprocess.Popen([b, '-d', '-o', 'rw', img, mnt],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            log = ''
            try:
                up = K.wait_mounted(mnt, 30)
                if up:
                    fd = os.open(os.path.join(mnt, 'three'),
                                 os.O_WRONLY | os.O_CREAT, 0o644)
                    for _ in range(3):
                        os.write(fd, b'x' * 100)
                    os.close(fd)
            finally:
                K.unmount(mnt)
                try:
                    log = d.communicate(timeout=30)[1].decode(errors='replace')
                except subprocess.TimeoutExpired:
                    d.kill()
                    d.wait(timeout=30)
            m = re.search(r'opcode: INIT.*?\nINIT: [0-9.]+\nflags=(0x[0-9a-f]+)',
                          log, re.S)
            offered = m and int(m.group(1), 16) & (1 << 28)
            getxattrs = len(re.findall(r'opcode: GETXATTR', log))
            tap.ok(up and m and getxattrs == (1 if offered else 3), cases[3],
                   'kernel INIT flags %s, %d GETXATTR for 3 writes' % (
                       m.group(1) if m else '?', getxattrs))
    except Exception as e:
        tap.ok(False, 'unexpected error', '%s: %s' % (type(e).__name__, e))
    tap.done()


if __name__ == '__main__':
    main()
