#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""exercise: the model-based random exerciser (fsexercise) over every variant.

usage: exercise.py --exerciser FSEXERCISE [--manifest-ext2 M] [--manifest-minix M]
                   [--fuse --kshim-ext2 DAEMON --kshim-minix DAEMON]
                   [--host DIR] [--ops N] [--seeds S,S,...]

Variants: ext2 with 1 KiB and 4 KiB blocks (mke2fs -t ext2 -O ^resize_inode
-I 128, so the running kernel's ext4 driver shows the same times), minix v1
and v2 with 30-byte names, minix v3; 64 MiB images.

In process (default): for each variant, fsexercise --kshim with one worker
and with four (one seed each, a fixed list plus one random seed printed for
reproduction; KSHIM_EXERCISE_SEED=N runs only N), unmounting and mounting
again every few hundred operations and at the end (the model is compared
after each); then the filesystem's checker must report a clean image
(e2fsck -fn, fsck.minix -fs), the in-process walker (vfs-manifest-<fs>)
must read back the model's dump, and for ext2 the kernel's own driver
(mount -o ro,loop) must show the same tree, bytes and metadata.

--fuse: the same through the kshim-<fs> daemons: fsexercise --posix on the
mountpoint with four workers, fusermount3 -u, the daemon exits, checker
clean, then the image mounted again read-only (by the kernel for ext2, by
kshim for every variant) must show the dump.  Needs root and /dev/fuse.

--host DIR: the model's self-test on a host directory (no kshim at all).

TAP; skips are failures under KSHIM_REQUIRE_ALL=1.
"""
import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vfs'))
import kshimtest as K  # noqa: E402

IMAGE_MIB = 64
# (name, fstype, profile, mkfs command, checker, fsexercise extra options)
VARIANTS = [
    ('ext2-1k', 'ext2', ['mke2fs', '-q', '-F', '-t', 'ext2', '-O', '^resize_inode',
                         '-b', '1024', '-I', '128'],
     ['e2fsck', '-fn'], []),
    ('ext2-4k', 'ext2', ['mke2fs', '-q', '-F', '-t', 'ext2', '-O', '^resize_inode',
                         '-b', '4096', '-I', '128'],
     ['e2fsck', '-fn'], []),
    ('minix1', 'minix', ['mkfs.minix', '-1', '-n', '30'], ['fsck.minix', '-fs'],
     ['--namemax', '30', '--link-max', '250']),
    ('minix2', 'minix', ['mkfs.minix', '-2', '-n', '30'], ['fsck.minix', '-fs'],
     ['--namemax', '30', '--link-max', '65530']),
    ('minix3', 'minix', ['mkfs.minix', '-3'], ['fsck.minix', '-fs'],
     ['--namemax', '60', '--link-max', '65530']),
]
FIXED_SEEDS = [1, 2]


def seeds():
    env = os.environ.get('KSHIM_EXERCISE_SEED')
    if env:
        return [int(env)], None
    extra = random.SystemRandom().randrange(1, 1 << 31)
    return FIXED_SEEDS + [extra], extra


def make_image(variant, img):
    name, fstype, mkfs = variant[0], variant[1], variant[2]
    if os.path.exists(img):
        os.unlink(img)
    if fstype == 'ext2':
        K.run(mkfs + [img, '%dM' % IMAGE_MIB], timeout=120,
              env=dict(os.environ, E2FSPROGS_FAKE_TIME='1000000000'))
    else:
        with open(img, 'wb') as f:
            f.truncate(IMAGE_MIB << 20)
        K.run(mkfs + [img], timeout=120)


def fsck(variant, img):
    p = K.run(variant[3] + [img], timeout=300, check=False)
    return p.returncode, (p.stdout.decode(errors='replace') +
                          p.stderr.decode(errors='replace'))[-3000:]


def under_workers(path):
    return path.startswith('/w')


def compare_dump(dump_text, other_text, names):
    """The model's dump against another reader's manifest: the same set of
    paths under /w*, and every field the dump names equal (hard links as
    the set of names of each inode, xattrs both ways)."""
    model = K.parse_manifest(dump_text)
    other = {p: f for p, f in K.parse_manifest(other_text).items()
             if under_workers(p)}
    msgs = []
    for p in sorted(set(model) - set(other)):
        msgs.append('%s: only in %s' % (p, names[0]))
    for p in sorted(set(other) - set(model)):
        msgs.append('%s: only in %s' % (p, names[1]))
    for p in sorted(set(model) & set(other)):
        fm, fo = model[p], other[p]
        keys = set(fm) | {k for k in fo if k.startswith('x.')}
        for k in sorted(keys):
            if fm.get(k) != fo.get(k):
                msgs.append('%s: %s: %s=%s %s=%s' % (
                    p, k, names[0], fm.get(k, '<none>'), names[1],
                    fo.get(k, '<none>')))
    if not model:
        msgs.append('the dump is empty')
    if len(msgs) > 40:
        msgs = msgs[:40] + ['... and %d more' % (len(msgs) - 40)]
    return msgs


def run_exerciser(args, cmd, timeout):
    t0 = time.monotonic()
    p = K.run([args.exerciser] + cmd, timeout=timeout, check=False)
    out = (p.stdout.decode(errors='replace') + p.stderr.decode(errors='replace'))
    return p.returncode, out[-6000:], time.monotonic() - t0


def inprocess(tap, args, tmp, variant, seed, workers):
    name, fstype, extra = variant[0], variant[1], variant[4]
    tag = '%s seed %d, %d worker%s' % (name, seed, workers, 's' if workers > 1 else '')
    img = os.path.join(tmp, '%s-%d-%d.img' % (name, seed, workers))
    dump = img + '.dump'
    make_image(variant, img)
    rc, out, secs = run_exerciser(args, [
        '--kshim', img, '--fstype', fstype, '--seed', seed, '--ops', args.ops,
        '--workers', workers, '--files', 300, '--remount-every', args.ops // 3 + 1,
        '--budget-mib', 24, '--dump', dump] + extra, timeout=args.timeout)
    ok = tap.ok(rc == 0, '%s: in-process exerciser (%d ops per worker, '
                'remounts, model checks) [%.1fs]' % (tag, args.ops, secs), out)
    if not ok:
        os.unlink(img)
        return
    for line in out.splitlines():
        if line.startswith('fsexercise: ok'):
            tap.diag(line)
    rc, out = fsck(variant, img)
    tap.ok(rc == 0, '%s: %s clean' % (tag, variant[3][0]), out)
    dump_text = open(dump).read()
    walker = args.manifest.get(fstype)
    if walker and os.path.exists(walker):
        p = K.run([walker, img], timeout=300, check=False)
        text = p.stdout.decode(errors='replace')
        msgs = compare_dump(dump_text, text, ('model', 'vfs-manifest'))
        tap.ok(p.returncode == 0 and not msgs,
               '%s: read back in-process (vfs-manifest-%s) equals the model' %
               (tag, fstype),
               '\n'.join(msgs) + p.stderr.decode(errors='replace')[-2000:])
    else:
        tap.skip('%s: read back in-process' % tag, 'vfs-manifest-%s not built' % fstype)
    if fstype == 'ext2':
        kernel_compare(tap, tag, tmp, img, dump_text)
    os.unlink(img)


def kernel_compare(tap, tag, tmp, img, dump_text):
    why = K.missing_requirements(need_root=True, need_loop=True,
                                 programs=('mount', 'umount'))
    name = '%s: the kernel (mount -o ro,loop) shows the model' % tag
    if why:
        tap.skip(name, why)
        return
    mnt = os.path.join(tmp, 'kmnt')
    os.makedirs(mnt, exist_ok=True)
    try:
        with K.kernel_mount(img, mnt, 'ext2', 'ro,noatime'):
            text = '\n'.join(K.walk_manifest(mnt))
    except Exception as e:  # noqa: BLE001 -- a failed mount is this case's failure
        tap.ok(False, name, str(e))
        return
    msgs = compare_dump(dump_text, text, ('model', 'kernel'))
    tap.ok(not msgs, name, '\n'.join(msgs))


def daemon_pids(img):
    pids = []
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            cmd = open('/proc/%s/cmdline' % pid, 'rb').read().split(b'\0')
        except OSError:
            continue
        if os.fsencode(img) in cmd and cmd and b'kshim-' in cmd[0]:
            pids.append(int(pid))
    return pids


def wait_gone(pids, timeout=60):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not any(os.path.exists('/proc/%d' % p) for p in pids):
            return True
        time.sleep(0.05)
    return False


def through_fuse(tap, args, tmp, variant, seed):
    name, fstype, extra = variant[0], variant[1], variant[4]
    tag = '%s seed %d, FUSE, 4 workers' % (name, seed)
    daemon = args.kshim.get(fstype)
    why = K.missing_requirements(need_root=True, need_fuse=True,
                                 programs=('fusermount3',))
    if not why and not (daemon and os.path.exists(daemon)):
        why = 'kshim-%s not built' % fstype
    if why:
        tap.skip(tag, why)
        return
    img = os.path.join(tmp, '%s-fuse-%d.img' % (name, seed))
    dump = img + '.dump'
    mnt = os.path.join(tmp, 'mnt-' + name)
    os.makedirs(mnt, exist_ok=True)
    make_image(variant, img)
    try:
        with K.kshim_fuse_mount(daemon, img, mnt, 'rw'):
            pids = daemon_pids(img)
            rc, out, secs = run_exerciser(args, [
                '--posix', mnt, '--profile', fstype, '--seed', seed,
                '--ops', max(args.ops // 4, 1), '--workers', 4, '--files', 300,
                '--budget-mib', 24, '--dump', dump] + extra, timeout=args.timeout)
            ok = tap.ok(rc == 0, '%s: exerciser through the daemon [%.1fs]' %
                        (tag, secs), out)
            p = K.run(['fusermount3', '-u', mnt], timeout=60, check=False)
        gone = wait_gone(pids)
    except Exception as e:  # noqa: BLE001 -- a failed mount is this case's failure
        tap.ok(False, '%s: kshim-%s -o rw mounts' % (tag, fstype), str(e))
        return
    tap.ok(p.returncode == 0 and gone, '%s: fusermount3 -u, the daemon exits' % tag,
           p.stderr.decode(errors='replace'))
    if not ok:
        return
    rc, out = fsck(variant, img)
    tap.ok(rc == 0, '%s: %s clean' % (tag, variant[3][0]), out)
    dump_text = open(dump).read()
    try:
        with K.kshim_fuse_mount(daemon, img, mnt, 'ro'):
            text = '\n'.join(K.walk_manifest(mnt))
        msgs = compare_dump(dump_text, text, ('model', 'kshim ro'))
        tap.ok(not msgs, '%s: mounted again (kshim -o ro), the tree is the model' %
               tag, '\n'.join(msgs))
    except Exception as e:  # noqa: BLE001
        tap.ok(False, '%s: kshim -o ro mounts again' % tag, str(e))
    if fstype == 'ext2':
        kernel_compare(tap, tag, tmp, img, dump_text)
    os.unlink(img)


def host_selftest(tap, args, seed_list):
    for seed in seed_list:
        d = os.path.join(args.host, 'exercise-%d' % seed)
        os.makedirs(d)
        dump = d + '.dump'
        rc, out, secs = run_exerciser(args, [
            '--posix', d, '--profile', 'host', '--seed', seed, '--ops', args.ops,
            '--workers', 4, '--dump', dump], timeout=args.timeout)
        if tap.ok(rc == 0, 'host %s seed %d: the model agrees with the host '
                  'filesystem [%.1fs]' % (args.host, seed, secs), out):
            msgs = compare_dump(open(dump).read(), '\n'.join(K.walk_manifest(d)),
                                ('model', 'host'))
            tap.ok(not msgs, 'host seed %d: the dump is the tree' % seed,
                   '\n'.join(msgs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--exerciser', required=True)
    ap.add_argument('--manifest-ext2')
    ap.add_argument('--manifest-minix')
    ap.add_argument('--fuse', action='store_true')
    ap.add_argument('--kshim-ext2')
    ap.add_argument('--kshim-minix')
    ap.add_argument('--host')
    ap.add_argument('--ops', type=int, default=2000,
                    help='per worker in process (KSHIM_EXERCISE_OPS overrides); '
                    'a quarter of it per worker through FUSE')
    ap.add_argument('--timeout', type=int, default=600)
    ap.add_argument('--variants', help='comma-separated subset')
    args = ap.parse_args()
    if os.environ.get('KSHIM_EXERCISE_OPS'):
        args.ops = int(os.environ['KSHIM_EXERCISE_OPS'])
    args.manifest = {'ext2': args.manifest_ext2, 'minix': args.manifest_minix}
    args.kshim = {'ext2': args.kshim_ext2, 'minix': args.kshim_minix}
    tap = K.Tap()
    seed_list, extra = seeds()
    if extra is not None:
        tap.diag('random seed this run: %d (KSHIM_EXERCISE_SEED=%d reproduces '
                 'its cases)' % (extra, extra))
    if args.host:
        host_selftest(tap, args, seed_list)
        tap.done()
    if not os.path.exists(args.exerciser):
        tap.skip('fsexercise', 'not built: ' + args.exerciser)
        tap.done()
    variants = [v for v in VARIANTS if not args.variants or
                v[0] in args.variants.split(',')]
    with K.tempdir('exercise') as tmp:
        for v in variants:
            why = K.missing_requirements(programs=(v[2][0], v[3][0]))
            if why:
                tap.skip(v[0], why)
                continue
            if args.fuse:
                through_fuse(tap, args, tmp, v, seed_list[-1 if extra is None else 0])
                if extra is not None:
                    through_fuse(tap, args, tmp, v, extra)
                continue
            # one worker and four, over the seeds in turn
            for i, seed in enumerate(seed_list):
                inprocess(tap, args, tmp, v, seed, 1 if i % 2 == 0 else 4)
    tap.done()


if __name__ == '__main__':
    main()
