#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# The main job: what kshim can show today.  Until the VFS lands this runs
# the compat runtime's unit tests; later it mounts a demo image.
set -euo pipefail
build=${1:-build/release}
echo "kshim: compat runtime self-test"
for t in "$build"/tests/unit/test-*; do
	[ -x "$t" ] && "$t" | tail -1
done
