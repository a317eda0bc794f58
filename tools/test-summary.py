#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Sum the TAP results of meson test runs and print 'N passed, M failed'.

usage: test-summary.py TESTLOG.json...
Every TAP 'ok'/'not ok' line of every test counts once; a test program that
failed without TAP output (crash before its plan) counts as one failure.
Exits non-zero if anything failed.
"""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    for line in open(path):
        t = json.loads(line)
        out = t.get('stdout') or ''
        oks = nots = skips = 0
        for l in out.splitlines():
            if re.match(r'ok \d+', l):
                if re.search(r'#\s*SKIP', l, re.I):
                    skips += 1
                else:
                    oks += 1
            elif re.match(r'not ok \d+', l):
                nots += 1
        if t.get('result') not in ('OK', 'EXPECTEDFAIL', 'SKIP') and nots == 0:
            nots = 1
            print('kshim: %s failed (%s) without a failing TAP line'
                  % (t.get('name'), t.get('result')))
        passed += oks
        failed += nots
        skipped += skips
line = '%d passed, %d failed' % (passed, failed)
if skipped:
    line += ', %d skipped' % skipped
print(line)
sys.exit(1 if failed else 0)
