#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Assemble docs/compat-contracts.md from the per-area pages in docs/contracts/.

usage: gen-contracts.py [--check]
Each area keeps its own page (docs/contracts/<area>.md: every facility, the kernel
guarantee it keeps, how, and the test that checks it); this joins them in a fixed order
into the one document the project points to.  --check fails if the result differs from
the file on disk (for CI).
"""
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORDER = ['base', 'locking', 'sched', 'workqueue', 'memory', 'bio', 'lib',
         'vfs-headers', 'vfs-core', 'vfs-pagecache']

HEADER = """# Compat contracts

kshim re-implements kernel APIs instead of running the kernel, so every shim is a behavioural
contract. This page lists, for each facility, the kernel guarantee kshim keeps, how, what is
left out, and the test that fails when the guarantee is broken. Tests are named
`file:case`; `tests/unit/test-<area> CASE` runs one case.

It is generated from `docs/contracts/*.md` by `tools/gen-contracts.py`; edit those pages.
"""


def main():
    d = os.path.join(TOP, 'docs', 'contracts')
    pages = [p[:-3] for p in os.listdir(d) if p.endswith('.md')]
    pages.sort(key=lambda p: (ORDER.index(p) if p in ORDER else len(ORDER), p))
    parts = [HEADER]
    for p in pages:
        text = open(os.path.join(d, p + '.md')).read().strip()
        # demote the page's headings by one level under the combined title
        lines = [('#' + l) if l.startswith('#') else l for l in text.splitlines()]
        parts.append('\n'.join(lines))
    out = '\n\n'.join(parts) + '\n'
    path = os.path.join(TOP, 'docs', 'compat-contracts.md')
    if '--check' in sys.argv:
        if not os.path.exists(path) or open(path).read() != out:
            sys.exit('gen-contracts: docs/compat-contracts.md is stale; run tools/gen-contracts.py')
        return
    open(path, 'w').write(out)
    print('gen-contracts: wrote %s from %d pages' % (path, len(pages)))


if __name__ == '__main__':
    main()
