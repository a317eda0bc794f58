// SPDX-License-Identifier: GPL-2.0-only
/*
 * Random numbers (drivers/char/random.c) and random UUIDs (lib/uuid.c),
 * from the host's kernel CSPRNG through kshim_host_random_*.
 * get_random_u32_below() rejects the biased low range of the 64-bit
 * product, so results are exactly uniform.
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/uuid.h>
#include <linux/ctype.h>
#include <linux/hex.h>
#include <kshim/host.h>

void get_random_bytes(void *buf, size_t len)
{
	kshim_host_random_bytes(buf, len);
}

u32 get_random_u32(void)
{
	return (u32)kshim_host_random_u64();
}

u64 get_random_u64(void)
{
	return kshim_host_random_u64();
}

u32 __get_random_u32_below(u32 ceil)
{
	u64 prod;

	if (!ceil)
		return get_random_u32();
	/*
	 * Lemire's method: the high half of rand * ceil is uniform in
	 * [0, ceil) once products whose low half falls below 2^32 mod ceil
	 * are rejected.
	 */
	prod = (u64)get_random_u32() * ceil;
	if ((u32)prod < ceil) {
		u32 threshold = -ceil % ceil;

		while ((u32)prod < threshold)
			prod = (u64)get_random_u32() * ceil;
	}
	return prod >> 32;
}

void kshim_uuid_random(unsigned char b[16], bool guid)
{
	get_random_bytes(b, 16);
	/* version 4 in the high nibble of time_hi, variant 10xx in clock_seq */
	if (guid)
		b[7] = (b[7] & 0x0f) | 0x40;
	else
		b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
}

bool kshim_uuid_is_valid(const char *uuid)
{
	int i;

	for (i = 0; i < UUID_STRING_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (uuid[i] != '-')
				return false;
		} else if (!isxdigit(uuid[i])) {
			return false;
		}
	}
	return true;
}

/* byte i of the binary form sits at this offset of the string */
static const u8 uuid_string_pos[16] = {
	0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34
};
/* GUIDs store the first three fields little-endian */
static const u8 guid_byte_order[16] = {
	3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15
};

int kshim_uuid_parse(const char *s, unsigned char b[16], bool guid)
{
	int i;

	if (!kshim_uuid_is_valid(s))
		return -EINVAL;
	for (i = 0; i < 16; i++) {
		const char *p = s + uuid_string_pos[guid ? guid_byte_order[i] : i];

		b[i] = (u8)(hex_to_bin(p[0]) << 4 | hex_to_bin(p[1]));
	}
	return 0;
}
