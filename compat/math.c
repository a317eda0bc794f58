// SPDX-License-Identifier: GPL-2.0-only
/*
 * Integer power and square root (lib/math/int_pow.c, int_sqrt.c):
 * int_pow() wraps modulo 2^64 like repeated multiplication; int_sqrt()
 * returns floor(sqrt(x)) exactly for every unsigned long.
 */
#include <linux/kernel.h>
#include <linux/math.h>

u64 int_pow(u64 base, unsigned int exp)
{
	u64 result = 1;

	/* square-and-multiply over the bits of exp */
	for (; exp; exp >>= 1) {
		if (exp & 1)
			result *= base;
		base *= base;
	}
	return result;
}

unsigned long int_sqrt(unsigned long x)
{
	unsigned long root = 0, bit;

	if (x < 2)
		return x;
	/* the highest power of four not above x */
	bit = 1UL << (__fls(x) & ~1UL);
	for (; bit; bit >>= 2) {
		if (x >= root + bit) {
			x -= root + bit;
			root = (root >> 1) + bit;
		} else {
			root >>= 1;
		}
	}
	return root;
}
