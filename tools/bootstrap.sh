#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The README's two commands.  Run as root on Debian 12 (or with sudo):
#   tools/bootstrap.sh demo   install what is missing, build, mount a demo image
#   tools/bootstrap.sh test   install what is missing, build, run every test
#                             (plus an ASan+UBSan build of the in-process tests)
# Environment: KSHIM_BUILD (build directory root, default build/),
# KSHIM_REQUIRE_ALL=1 turns every skipped test into a failure (CI sets it),
# KSHIM_SKIP_SANITIZERS=1 skips the sanitizer build, KSHIM_TEST_BIG=0 leaves
# the 64 MiB file out of the read tests' tree.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
mode=${1:-}
case "$mode" in
demo|test) ;;
*) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

# Debian packages the build and the tests need, by the command that proves
# each one is there.
packages=(
	meson ninja-build pkg-config gcc libc6-dev python3 xz-utils
	libfuse3-dev fuse3 libaio-dev libjemalloc-dev liburcu-dev
	linux-source-6.12 e2fsprogs fuse2fs util-linux attr acl
)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "kshim: installing missing Debian packages: ${missing[*]}"
	if [ "$(id -u)" -ne 0 ]; then
		echo "kshim: run as root (or install them yourself)" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
	echo "kshim: all required Debian packages are installed"
fi

builddir=${KSHIM_BUILD:-build}
setup() { # dir, extra meson args...
	local dir=$1
	shift
	if [ -f "$dir/build.ninja" ]; then
		meson setup --reconfigure "$dir" "$@" >"$dir.setup.log" 2>&1 ||
			{ cat "$dir.setup.log"; exit 1; }
	else
		mkdir -p "$(dirname "$dir")"
		meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 ||
			{ cat "$dir.setup.log"; exit 1; }
	fi
	grep -E "kernel sources" "$dir.setup.log" | head -1 || true
}

setup "$builddir/release" -Dwerror_own=true
ninja -C "$builddir/release"

if [ "$mode" = demo ]; then
	exec "$top/tools/demo.sh" "$builddir/release"
fi

# the read tests' tree includes a 64 MiB file (the acceptance size)
export KSHIM_TEST_BIG=${KSHIM_TEST_BIG:-1}
status=0
meson test -C "$builddir/release" --print-errorlogs --num-processes 2 || status=1
logs=("$builddir/release/meson-logs/testlog.json")
if [ "${KSHIM_SKIP_SANITIZERS:-0}" != 1 ]; then
	echo "kshim: ASan+UBSan build of the unit and in-process tests"
	setup "$builddir/sanitize" -Db_sanitize=address,undefined -Db_lundef=false \
		-Dbuildtype=debug -Dwerror_own=true
	ninja -C "$builddir/sanitize"
	meson test -C "$builddir/sanitize" --print-errorlogs --num-processes 2 \
		--suite unit --suite vfs || status=1
	logs+=("$builddir/sanitize/meson-logs/testlog.json")
fi
python3 "$top/tools/test-summary.py" "${logs[@]}" || status=1
exit $status
