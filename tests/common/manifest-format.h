/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The canonical manifest's encodings (format: tests/vfs/kshimtest.py),
 * shared by the programs that write manifests (tests/vfs/vfs-manifest.c,
 * tests/write/fsexercise.c): SHA-256 content digests Python's hashlib
 * reproduces, the escaping of names, and the encoding of xattr values.
 * Host world.
 */
#ifndef _KSHIM_TESTS_MANIFEST_FORMAT_H
#define _KSHIM_TESTS_MANIFEST_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* SHA-256 (FIPS 180-4): init, update any number of times, hex digest */
struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	unsigned int fill;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* finishes @s: 64 hex digits and a NUL in @out */
void sha256_hex(struct sha256 *s, char out[65]);
/* the digest of one buffer */
void sha256_hex_of(const void *data, size_t n, char out[65]);

/* bytes outside 0x21..0x7e, '%' and '=' as %XX; the rest as they are */
void manifest_put_escaped(FILE *out, const char *s, size_t n);

/* an xattr value: "=hex:..." up to 32 bytes, "=sha256:DIGEST:LEN" above */
void manifest_put_xattr_value(FILE *out, const void *val, size_t len);

#endif /* _KSHIM_TESTS_MANIFEST_FORMAT_H */
