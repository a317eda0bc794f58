#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Enforce the symbol namespace rule (docs/design.md, "Two worlds").

usage: check-namespace.py [--host-lib NAME]... [--exe PROGRAM]... OBJECT...

OBJECT... are kernel-world static libraries or object files.  Every global
symbol they define (nm --defined-only -g) is checked against the dynamic
exports (nm -D --defined-only) of the host libraries a kshim program links:
each --host-lib NAME (a soname prefix such as libc.so or libfuse3.so,
resolved through ldconfig -p and the usual library directories) and every
library ldd lists for each --exe PROGRAM.  A kernel-world definition that a
host library also exports is an error: the two worlds could bind to each
other's function.  The fix is a rename in compat/include/kshim/namespace.h.

Output is TAP with one test point, so meson runs it as a unit test.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys

# Symbols that may be defined on both sides, with the reason.  Keep empty
# unless a clash is harmless by construction (same meaning, same ABI).
ALLOWED = {
}

DEFAULT_HOST_LIBS = [
    'libc.so', 'libpthread.so', 'libm.so', 'libfuse3.so', 'libaio.so',
    'libjemalloc.so', 'liburcu-memb.so', 'liburcu-common.so',
]

LIB_DIRS = ['/lib/x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/lib64',
            '/usr/lib64', '/lib', '/usr/lib', '/usr/local/lib']


def run(cmd):
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError('%s failed: %s' % (' '.join(cmd), res.stderr.strip()))
    return res.stdout


def ldconfig_paths():
    paths = {}
    exe = shutil.which('ldconfig') or '/sbin/ldconfig'
    try:
        out = run([exe, '-p'])
    except (OSError, RuntimeError):
        return paths
    for line in out.splitlines():
        line = line.strip()
        if '=>' not in line:
            continue
        name = line.split()[0]
        path = line.split('=>', 1)[1].strip()
        if 'x86-64' in line or 'x32' not in line:
            paths.setdefault(name, path)
    return paths


def resolve(prefix, known):
    """The shared object whose soname starts with prefix (libfoo.so)."""
    for name in sorted(known):
        if name == prefix or name.startswith(prefix + '.'):
            return known[name]
    for d in LIB_DIRS:
        hits = sorted(glob.glob(os.path.join(d, prefix + '*')))
        hits = [h for h in hits if not h.endswith('.a')]
        if hits:
            return hits[-1]
    return None


def ldd_libs(exe):
    libs = []
    try:
        out = run(['ldd', exe])
    except (OSError, RuntimeError):
        return libs
    for line in out.splitlines():
        if '=>' in line:
            path = line.split('=>', 1)[1].split('(')[0].strip()
            if path.startswith('/'):
                libs.append(path)
    return libs


def defined_globals(nm, obj):
    """{symbol: [member]} of the global symbols obj defines."""
    syms = {}
    out = run([nm, '--defined-only', '-g', '-A', obj])
    for line in out.splitlines():
        parts = line.rsplit(None, 2)
        if len(parts) != 3:
            continue
        where, kind, name = parts
        # 'U' never appears with --defined-only; keep code, data, weak
        if kind in 'TDBRVWCGSIiu':
            # "archive:member:address" or "object:address"
            fields = where.split(':')
            member = fields[-2] if len(fields) >= 3 else fields[0]
            syms.setdefault(name, []).append(os.path.basename(member))
    return syms


def dynamic_exports(nm, lib):
    names = set()
    out = run([nm, '-D', '--defined-only', lib])
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            names.add(parts[2].split('@')[0])
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--host-lib', action='append', default=[])
    ap.add_argument('--exe', action='append', default=[])
    ap.add_argument('--nm', default=os.environ.get('NM', 'nm'))
    ap.add_argument('objects', nargs='+')
    args = ap.parse_args()

    print('1..1')
    notes, errors = [], []
    known = ldconfig_paths()
    host = {}
    for prefix in args.host_lib or DEFAULT_HOST_LIBS:
        path = resolve(prefix, known)
        if path:
            host[os.path.realpath(path)] = prefix
        elif prefix == 'libc.so':
            errors.append('the C library was not found: nothing to check against')
        else:
            notes.append('host library %s not found, not checked' % prefix)
    for exe in args.exe:
        for path in ldd_libs(exe):
            host.setdefault(os.path.realpath(path), os.path.basename(path))

    exports = {}
    for path, label in sorted(host.items()):
        try:
            for name in dynamic_exports(args.nm, path):
                exports.setdefault(name, []).append(os.path.basename(path))
        except RuntimeError as e:
            notes.append(str(e))

    checked = 0
    for obj in args.objects:
        try:
            syms = defined_globals(args.nm, obj)
        except RuntimeError as e:
            errors.append(str(e))
            continue
        checked += len(syms)
        for name in sorted(syms):
            if name in exports and name not in ALLOWED:
                errors.append('%s defined by %s (%s) is also exported by %s'
                              % (name, os.path.basename(obj), ', '.join(syms[name]),
                                 ', '.join(sorted(exports[name]))))

    for n in notes:
        print('# ' + n)
    print('# %d kernel-world symbols checked against %d host libraries'
          % (checked, len(host)))
    for e in errors:
        print('# clash: ' + e)
    if errors:
        print('# fix: rename the kernel name in compat/include/kshim/namespace.h')
        print('not ok 1 - namespace')
        print('# 0 passed, 1 failed')
        return 1
    print('ok 1 - namespace')
    print('# 1 passed, 0 failed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
