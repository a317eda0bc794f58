#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""request-loop: the daemon's request loop follows a busy caller's CPU.

usage: request-loop.py --kshim KSHIM_EXT2

With one thread sending request after request (getxattr of a missing
attribute, a round trip each) from a CPU it is pinned to, a worker of the
daemon runs pinned to that CPU at SCHED_IDLE while the stream lasts, and
every thread of the daemon is back to the normal policy and the daemon's
CPUs once the caller stops; with -o colocate=0 no thread ever moves.  With
a CPU hog pinned to the caller's CPU as well, the requests still complete
and the watchdog reports (-d) that it gave a starved follower its CPU back.
Root and /dev/fuse needed; skips fail under KSHIM_REQUIRE_ALL=1.
TAP.
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vfs'))
import kshimtest as K  # noqa: E402

SCHED_OTHER, SCHED_IDLE = 0, 5

CALLER = r'''
import os, sys
cpu, path, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
os.sched_setaffinity(0, {cpu})
for i in range(n):
    try:
        os.getxattr(path, 'user.none')
    except OSError:
        pass
'''

HOG = r'''
import os, sys, time
os.sched_setaffinity(0, {int(sys.argv[1])})
end = time.monotonic() + float(sys.argv[2])
while time.monotonic() < end:
    pass
'''


def threads(pid):
    """[(tid, policy, cpus allowed)] of process pid"""
    out = []
    for tid in os.listdir('/proc/%d/task' % pid):
        try:
            with open('/proc/%d/task/%s/stat' % (pid, tid)) as f:
                fields = f.read().rsplit(')', 1)[1].split()
            with open('/proc/%d/task/%s/status' % (pid, tid)) as f:
                allowed = re.search(r'^Cpus_allowed_list:\s*(\S+)', f.read(),
                                    re.M).group(1)
        except (OSError, AttributeError, IndexError):
            continue  # gone meanwhile
        out.append((int(tid), int(fields[38]), allowed))
    return out


def watch_stream(pid, cpu, caller):
    """Sample the daemon's threads while the caller runs: was one of them
    pinned to cpu at SCHED_IDLE?  Returns (seen, samples)."""
    seen = samples = 0
    while caller.poll() is None:
        samples += 1
        for tid, policy, allowed in threads(pid):
            if policy == SCHED_IDLE and allowed == str(cpu):
                seen += 1
        time.sleep(0.002)
    return seen, samples


def settled(pid, timeout=5):
    """Every thread back to SCHED_OTHER on the daemon's CPUs?  Returns
    (ok, what was last seen)."""
    with open('/proc/%d/status' % pid) as f:
        home = re.search(r'^Cpus_allowed_list:\s*(\S+)', f.read(), re.M).group(1)
    end = time.monotonic() + timeout
    while True:
        odd = [t for t in threads(pid) if t[1] != SCHED_OTHER or t[2] != home]
        if not odd or time.monotonic() > end:
            return not odd, 'home %s, odd threads %r' % (home, odd)
        time.sleep(0.05)


def stop_daemon(d, mnt):
    """Unmount and wait for the foreground daemon d to end."""
    K.unmount(mnt)
    try:
        d.wait(timeout=30)
    except subprocess.TimeoutExpired:
        d.kill()
        d.wait(timeout=30)


def run_case(b, img, mnt, colocate):
    """A single caller's stream; returns (daemon up, seen, samples, settled)"""
    cpus = sorted(os.sched_getaffinity(0))
    cpu = cpus[-1]
    # the sampling runs elsewhere when it can, not in the caller's way
    if len(cpus) > 1:
        os.sched_setaffinity(0, set(cpus[:-1]))
    opts = 'rw' + ('' if colocate else ',colocate=0')
    d = subprocess.Popen([b, '-f', '-o', opts, img, mnt],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        if not K.wait_mounted(mnt, 30):
            return False, 0, 0, (False, 'not mounted')
        target = os.path.join(mnt, 'x')
        open(target, 'w').close()
        caller = subprocess.Popen([sys.executable, '-c', CALLER, str(cpu),
                                   target, '20000'])
        seen, samples = watch_stream(d.pid, cpu, caller)
        rc = caller.wait()
        done = settled(d.pid)
        return rc == 0, seen, samples, done
    finally:
        os.sched_setaffinity(0, set(cpus))
        stop_daemon(d, mnt)
        K.wait_image_free(img, 30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kshim', required=True)
    args = ap.parse_args()
    b = os.path.abspath(args.kshim)
    tap = K.Tap()
    cases = ('a single busy caller is served on its CPU at SCHED_IDLE',
             'once the caller stops, every daemon thread is back to '
             'SCHED_OTHER on all its CPUs',
             '-o colocate=0: no thread ever moves',
             'a follower starved by a CPU hog gets its CPU back; the '
             'requests complete')
    why = K.missing_requirements(need_root=True, need_fuse=True,
                                 programs=('mke2fs',))
    if not why and not os.path.exists(b):
        why = '%s not built' % b
    if why:
        for c in cases:
            tap.skip(c, why)
        tap.done()
    try:
        with K.tempdir('rloop') as tmp:
            img = os.path.join(tmp, 'ext2.img')
            K.run(['mke2fs', '-q', '-F', '-t', 'ext2', '-b', '4096', img, '64M'],
                  timeout=60)
            mnt = os.path.join(tmp, 'mnt')
            os.mkdir(mnt)

            ok, seen, samples, done = run_case(b, img, mnt, True)
            tap.ok(ok and seen > 0, cases[0],
                   'caller ok: %s; a follower in %d of %d samples' % (
                       ok, seen, samples))
            tap.ok(ok and done[0], cases[1], done[1])

            ok, seen, samples, done = run_case(b, img, mnt, False)
            tap.ok(ok and seen == 0 and done[0], cases[2],
                   'caller ok: %s; a follower in %d of %d samples; %s' % (
                       ok, seen, samples, done[1]))

            # caller and hog on one CPU: the follower there only gets the
            # CPU when both leave it; the watchdog moves it off
            cpu = sorted(os.sched_getaffinity(0))[-1]
            log = os.path.join(tmp, 'debug.log')
            with open(log, 'w') as logf:
                d = subprocess.Popen([b, '-d', '-o', 'rw', img, mnt],
                                     stdout=logf, stderr=logf)
            hog = None
            rc = 'not run'
            took = None
            try:
                if K.wait_mounted(mnt, 30):
                    target = os.path.join(mnt, 'x')
                    open(target, 'w').close()
                    hog = subprocess.Popen([sys.executable, '-c', HOG,
                                            str(cpu), '120'])
                    t0 = time.monotonic()
                    caller = subprocess.Popen([sys.executable, '-c', CALLER,
                                               str(cpu), target, '3000'])
                    try:
                        rc = caller.wait(timeout=100)
                        took = time.monotonic() - t0
                    except subprocess.TimeoutExpired:
                        caller.kill()
                        caller.wait()
                        rc = 'not done after 100 s'
            finally:
                if hog:
                    hog.kill()
                    hog.wait()
                stop_daemon(d, mnt)
            with open(log, errors='replace') as f:
                m = re.search(r'request loop: .*?(\d+) followers starved',
                              f.read())
            tap.ok(rc == 0 and m and int(m.group(1)) > 0, cases[3],
                   'caller: %s in %s s; %s' % (rc, took, m.group(0) if m else
                                               'no request loop statistics'))
    except Exception as e:
        tap.ok(False, 'unexpected error', '%s: %s' % (type(e).__name__, e))
    tap.done()


if __name__ == '__main__':
    main()
