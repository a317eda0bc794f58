#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
# The main job: build a small ext2 image with mke2fs, serve it through the
# kernel's own fs/ext2 driver running in userspace (kshim-ext2 over FUSE),
# and show it with ordinary tools; then the same for a minix image.
set -euo pipefail
build=${1:-build/release}
bin="$build/fs"
work=$(mktemp -d /var/tmp/kshim-demo.XXXXXX)
mnt="$work/mnt"
cleanup() {
	mountpoint -q "$mnt" 2>/dev/null && { fusermount3 -u "$mnt" || umount -l "$mnt"; }
	rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/tree/docs" "$work/tree/src" "$mnt"

echo "Hello from an ext2 image, read by the Linux 6.12 ext2 driver in userspace." \
	> "$work/tree/README"
seq 1 20000 > "$work/tree/docs/numbers.txt"
printf 'int main(void) { return 0; }\n' > "$work/tree/src/main.c"
ln -s docs/numbers.txt "$work/tree/numbers"
setfattr -n user.origin -v kshim-demo "$work/tree/README" 2>/dev/null || true

echo "== mke2fs -t ext2 -d TREE demo.img"
mke2fs -q -F -t ext2 -b 1024 -I 128 -d "$work/tree" "$work/demo.img" 8M 2>/dev/null
echo "== $bin/kshim-ext2 --version"
"$bin/kshim-ext2" --version
echo "== kshim-ext2 -o ro demo.img mnt"
"$bin/kshim-ext2" -o ro "$work/demo.img" "$mnt"
grep " $mnt " /proc/mounts
echo "== ls -la mnt"; ls -la "$mnt"
echo "== cat mnt/README"; cat "$mnt/README"
echo "== tail -3 mnt/numbers (a symlink)"; tail -3 "$mnt/numbers"
echo "== getfattr -d mnt/README"; getfattr -d "$mnt/README" 2>/dev/null || true
echo "== df -h mnt"; df -h "$mnt"
fusermount3 -u "$mnt"

echo "== mkfs.minix -3 minix.img; kshim-minix -o ro minix.img mnt"
truncate -s 1M "$work/minix.img"
mkfs.minix -3 "$work/minix.img" >/dev/null
"$bin/kshim-minix" -o ro "$work/minix.img" "$mnt"
ls -la "$mnt"; df -i "$mnt"
fusermount3 -u "$mnt"
echo "kshim: demo done"
