#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Provide the upstream kernel files a kshim build compiles, unmodified.

usage: kernel-source.py --out DIR (--tarball FILE | --tree DIR)
                        --series 6.12 [--headers-out DIR] [--header P]... PATH...

With --tarball (Debian's /usr/src/linux-source-6.12.tar.xz), extracts only
PATH... (files or directories, relative to the top of the tree, e.g.
fs/ext2 lib/rbtree.c) and the top Makefile into DIR/tree, once: a later call
with the same tarball and paths does nothing.  With --tree, uses an already
extracted tree in place.  Either way it checks that the tree is the
expected series (VERSION.PATCHLEVEL), records the exact version in
DIR/VERSION, copies each --header (a path such as include/linux/ext2_fs.h
or include/uapi/linux/magic.h) to --headers-out under its include path
(linux/ext2_fs.h), and prints the tree's root directory.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys


def fail(msg):
    sys.stderr.write('kernel-source: ' + msg + '\n')
    sys.exit(1)


def tree_version(root):
    try:
        text = open(os.path.join(root, 'Makefile')).read(4096)
    except OSError:
        fail('%s has no top-level Makefile: not a kernel tree' % root)
    fields = {}
    for key in ('VERSION', 'PATCHLEVEL', 'SUBLEVEL', 'EXTRAVERSION'):
        m = re.search(r'^%s[ \t]*=[ \t]*(\S*)' % key, text, re.M)
        fields[key] = m.group(1) if m else ''
    return fields


def extract(tarball, out, paths):
    tree = os.path.join(out, 'tree')
    stamp = os.path.join(out, 'extracted.json')
    want = {'tarball': os.path.abspath(tarball),
            'mtime': os.path.getmtime(tarball),
            'paths': sorted(paths)}
    if os.path.exists(stamp) and os.path.isdir(tree):
        try:
            if json.load(open(stamp)) == want:
                return tree
        except ValueError:
            pass
    # the archive's top directory (linux-source-6.12/) is stripped
    top = os.path.basename(tarball).split('.tar')[0]
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    os.makedirs(tree)
    members = [top + '/Makefile'] + [top + '/' + p.rstrip('/') for p in paths]
    res = subprocess.run(['tar', '-xJf', tarball, '-C', tree,
                          '--strip-components=1'] + members,
                         capture_output=True, text=True)
    if res.returncode != 0:
        fail('extracting from %s failed: %s' % (tarball, res.stderr.strip()))
    json.dump(want, open(stamp, 'w'))
    return tree


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--tarball')
    ap.add_argument('--tree')
    ap.add_argument('--series', required=True)
    ap.add_argument('--headers-out')
    ap.add_argument('--header', action='append', default=[])
    ap.add_argument('paths', nargs='*')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pkg = 'linux-source-' + args.series
    if args.tree:
        root = os.path.abspath(args.tree)
        if not os.path.isdir(root):
            fail('kernel_tree %s does not exist' % root)
    else:
        tarball = args.tarball or '/usr/src/%s.tar.xz' % pkg
        if not os.path.exists(tarball):
            fail('%s not found: install the kernel sources with '
                 '"apt-get install %s", or point -Dkernel_tree= at an '
                 'extracted %s tree' % (tarball, pkg, args.series))
        root = extract(tarball, args.out, args.paths + args.header)
    v = tree_version(root)
    series = '%s.%s' % (v['VERSION'], v['PATCHLEVEL'])
    if series != args.series:
        fail('the kernel tree at %s is Linux %s, but kshim emulates Linux %s: '
             'install %s (apt-get install %s) or choose its tree'
             % (root, series, args.series, pkg, pkg))
    for p in args.paths + args.header:
        if not os.path.exists(os.path.join(root, p)):
            fail('%s is missing from the kernel tree at %s' % (p, root))
    full = '%s.%s.%s%s' % (v['VERSION'], v['PATCHLEVEL'], v['SUBLEVEL'],
                           v['EXTRAVERSION'])
    open(os.path.join(args.out, 'VERSION'), 'w').write(full + '\n')
    if args.headers_out:
        for h in args.header:
            rel = re.sub(r'^include/(uapi/)?', '', h)
            dst = os.path.join(args.headers_out, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(os.path.join(root, h), dst)
    print(root)


if __name__ == '__main__':
    main()
