// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of the lib basics: formatted output and input, string to
 * integer conversion, string helpers, bit operations and bitmaps, sorting
 * and searching, checksums, red-black trees (upstream lib/rbtree.c),
 * byte order and unaligned access, hex dumps, lock-less lists, hashes,
 * random numbers, UUIDs, capabilities, user copies, tracepoints, ioctl
 * numbers.  Each case is written to fail on the naive implementation.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/string_helpers.h>
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/log2.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <linux/crc16.h>
#include <linux/crc32.h>
#include <linux/crc32c.h>
#include <linux/bitrev.h>
#include <linux/rbtree.h>
#include <linux/rbtree_augmented.h>
#include <linux/unaligned.h>
#include <asm/byteorder.h>
#include <linux/hex.h>
#include <linux/llist.h>
#include <linux/hash.h>
#include <linux/jhash.h>
#include <linux/stringhash.h>
#include <linux/random.h>
#include <linux/uuid.h>
#include <linux/capability.h>
#include <linux/uaccess.h>
#include <linux/ioctl.h>
#include <linux/tracepoint.h>
#include <linux/err.h>
#include <linux/math.h>
#include <linux/parser.h>
#include <linux/slab.h>
#include <kshim/host.h>
#include <kshim/runtime.h>
#include "ktest.h"

/* ---- formatted output ------------------------------------------------ */

KTEST(vsprintf_error_names)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "[%pe]", ERR_PTR(-ENOSPC));
	KT_EXPECT_STREQ(buf, "[-ENOSPC]");
	snprintf(buf, sizeof(buf), "%pe|%pe", ERR_PTR(-EUCLEAN), ERR_PTR(-ERESTARTSYS));
	KT_EXPECT_STREQ(buf, "-EUCLEAN|-ERESTARTSYS");
	/* an error with no name prints its number */
	snprintf(buf, sizeof(buf), "%pe", ERR_PTR(-4000));
	KT_EXPECT_STREQ(buf, "-4000");
	/* a valid pointer is printed as a pointer */
	snprintf(buf, sizeof(buf), "%pe", (void *)0x1234UL);
	KT_EXPECT_STREQ(buf, "0000000000001234");
	/* width applies to the name */
	snprintf(buf, sizeof(buf), "%10pe|", ERR_PTR(-EIO));
	KT_EXPECT_STREQ(buf, "      -EIO|");
}

KTEST(vsprintf_hex_bytes)
{
	static const u8 b[] = { 0xde, 0xad, 0xbe, 0xef, 0x01 };
	u8 big[80];
	char buf[300];
	int i, n;

	snprintf(buf, sizeof(buf), "%*ph", 4, b);
	KT_EXPECT_STREQ(buf, "de ad be ef");
	snprintf(buf, sizeof(buf), "%*phC", 5, b);
	KT_EXPECT_STREQ(buf, "de:ad:be:ef:01");
	snprintf(buf, sizeof(buf), "%*phD", 2, b);
	KT_EXPECT_STREQ(buf, "de-ad");
	snprintf(buf, sizeof(buf), "%*phN|", 3, b);
	KT_EXPECT_STREQ(buf, "deadbe|");
	snprintf(buf, sizeof(buf), "%ph", b);
	KT_EXPECT_STREQ(buf, "de");
	/* at most 64 bytes */
	for (i = 0; i < 80; i++)
		big[i] = i;
	n = snprintf(buf, sizeof(buf), "%*phN", 80, big);
	KT_EXPECT_EQ(n, 128);
}

KTEST(vsprintf_uuid)
{
	static const u8 u[16] = { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
				  0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
	char buf[64];

	snprintf(buf, sizeof(buf), "%pU", u);
	KT_EXPECT_STREQ(buf, "00112233-4455-6677-8899-aabbccddeeff");
	snprintf(buf, sizeof(buf), "%pUb", u);
	KT_EXPECT_STREQ(buf, "00112233-4455-6677-8899-aabbccddeeff");
	snprintf(buf, sizeof(buf), "%pUB", u);
	KT_EXPECT_STREQ(buf, "00112233-4455-6677-8899-AABBCCDDEEFF");
	snprintf(buf, sizeof(buf), "%pUl", u);
	KT_EXPECT_STREQ(buf, "33221100-5544-7766-8899-aabbccddeeff");
	snprintf(buf, sizeof(buf), "%pUL.", u);
	KT_EXPECT_STREQ(buf, "33221100-5544-7766-8899-AABBCCDDEEFF.");
}

static int __printf(3, 4) wrap_inner(char *buf, size_t size, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;
	int n;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	n = snprintf(buf, size, "<%pV>", &vaf);
	va_end(args);
	return n;
}

static int __printf(3, 4) wrap_outer(char *buf, size_t size, const char *fmt, ...)
{
	char inner[64];
	struct va_format vaf;
	va_list args;
	int n;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	/* %pV inside %pV's format: the inner va_list is consumed by the outer */
	wrap_inner(inner, sizeof(inner), "%s:%pV", "in", &vaf);
	va_end(args);
	n = snprintf(buf, size, "%s", inner);
	return n;
}

KTEST(vsprintf_va_format_nesting)
{
	char buf[64];
	int n;

	n = wrap_inner(buf, sizeof(buf), "%d-%s", 7, "x");
	KT_EXPECT_STREQ(buf, "<7-x>");
	KT_EXPECT_EQ(n, 5);
	wrap_outer(buf, sizeof(buf), "%u/%s/%*ph", 3U, "y", 2, "\x01\x02");
	KT_EXPECT_STREQ(buf, "<in:3/y/01 02>");
	/* the returned length counts the nested output even when truncated */
	n = wrap_inner(buf, 4, "%s", "abcdef");
	KT_EXPECT_EQ(n, 8);
	KT_EXPECT_STREQ(buf, "<ab");
}

KTEST(vsprintf_other_pointers)
{
	phys_addr_t pa = 0x1234abcd;
	dma_addr_t da = 0xfeed;
	u8 ip[4] = { 192, 168, 0, 7 }, mac[6] = { 0, 1, 0x22, 0x33, 0x44, 0xab };
	char buf[80];

	snprintf(buf, sizeof(buf), "%pa %pad", &pa, &da);
	KT_EXPECT_STREQ(buf, "0x000000001234abcd 0x000000000000feed");
	snprintf(buf, sizeof(buf), "%pI4 %pi4", ip, ip);
	KT_EXPECT_STREQ(buf, "192.168.0.7 192.168.000.007");
	snprintf(buf, sizeof(buf), "%pM %pMF %pm", mac, mac, mac);
	KT_EXPECT_STREQ(buf, "00:01:22:33:44:ab 00-01-22-33-44-ab 0001223344ab");
	snprintf(buf, sizeof(buf), "%pS|%ps", (void *)0x10, (void *)0x20);
	KT_EXPECT_STREQ(buf, "0x0000000000000010|0x0000000000000020");
	snprintf(buf, sizeof(buf), "%px|%pK", (void *)0xabc, (void *)0xdef);
	KT_EXPECT_STREQ(buf, "0000000000000abc|0000000000000def");
	/* dereferencing extensions refuse NULL and error pointers */
	snprintf(buf, sizeof(buf), "%pg|%pd|%pU|%pD", NULL, ERR_PTR(-EIO), NULL, NULL);
	KT_EXPECT_STREQ(buf, "(null)|(efault)|(null)|(null)");
	/* unknown extensions: all alphanumerics after %p are consumed */
	snprintf(buf, sizeof(buf), "%pZq9-", (void *)0x1);
	KT_EXPECT_STREQ(buf, "0000000000000001-");
}

KTEST(vsprintf_num_to_str)
{
	char buf[32];
	int n;

	n = num_to_str(buf, sizeof(buf), 12345, 0);
	buf[n] = '\0';
	KT_EXPECT_STREQ(buf, "12345");
	n = num_to_str(buf, sizeof(buf), 42, 6);
	buf[n] = '\0';
	KT_EXPECT_STREQ(buf, "000042");
	KT_EXPECT_EQ(num_to_str(buf, 3, 12345, 0), 0);
}

/* ---- formatted input -------------------------------------------------- */

KTEST(sscanf_conversions)
{
	unsigned long long ull = 0;
	unsigned short hu = 0;
	unsigned int u = 0, x = 0;
	char s[16], c[3] = { 0 };
	int d = 0, n = -1, i1 = 0, i2 = 0, i3 = 0;
	long l = 0;

	KT_EXPECT_EQ(sscanf("  -12 34 ff word xyz", "%d %u %x %s %2c%n", &d, &u, &x, s,
			    c, &n), 5);
	KT_EXPECT_EQ(d, -12);
	KT_EXPECT_EQ(u, 34);
	KT_EXPECT_EQ(x, 0xff);
	KT_EXPECT_STREQ(s, "word");
	KT_EXPECT_STREQ(c, "xy");
	KT_EXPECT_EQ(n, 19);
	KT_EXPECT_EQ(sscanf("65535 18446744073709551615", "%hu %llu", &hu, &ull), 2);
	KT_EXPECT_EQ(hu, 65535);
	KT_EXPECT(ull == ULLONG_MAX);
	/* %i: radix from the prefix */
	KT_EXPECT_EQ(sscanf("0x1f 017 -9", "%i %i %i", &i1, &i2, &i3), 3);
	KT_EXPECT_EQ(i1, 31);
	KT_EXPECT_EQ(i2, 15);
	KT_EXPECT_EQ(i3, -9);
	/* literal mismatch stops; the count is of assignments so far */
	KT_EXPECT_EQ(sscanf("7:8", "%d-%d", &i1, &i2), 1);
	/* no digits: nothing assigned, and %u takes no sign */
	KT_EXPECT_EQ(sscanf("abc", "%d", &i1), 0);
	KT_EXPECT_EQ(sscanf("-5", "%u", &u), 0);
	/* width limits a number, '*' suppresses */
	KT_EXPECT_EQ(sscanf("123456", "%3d%*1d%ld", &i1, &l), 2);
	KT_EXPECT_EQ(i1, 123);
	KT_EXPECT_EQ(l, 56);
	/* %x accepts a 0x prefix; a set conversion */
	KT_EXPECT_EQ(sscanf("0xAB rest=ok,", "%x rest=%[a-z]", &x, s), 2);
	KT_EXPECT_EQ(x, 0xab);
	KT_EXPECT_STREQ(s, "ok");
	KT_EXPECT_EQ(sscanf("8:3", "%u:%u", &u, &x), 2);
	KT_EXPECT_EQ(u * 10 + x, 83);
}

/* ---- kstrto* ------------------------------------------------------------ */

KTEST(kstrtox_edges)
{
	unsigned long long ull;
	long long ll;
	unsigned int u;
	int i;
	u8 b = 77;
	s8 sb;
	u16 w;
	bool flag;

	KT_EXPECT_EQ(kstrtoull("18446744073709551615", 10, &ull), 0);
	KT_EXPECT(ull == ULLONG_MAX);
	KT_EXPECT_EQ(kstrtoull("18446744073709551616", 10, &ull), -ERANGE);
	KT_EXPECT_EQ(kstrtoll("-9223372036854775808", 10, &ll), 0);
	KT_EXPECT(ll == LLONG_MIN);
	KT_EXPECT_EQ(kstrtoll("9223372036854775808", 10, &ll), -ERANGE);
	KT_EXPECT_EQ(kstrtoll("-9223372036854775809", 10, &ll), -ERANGE);
	/* base 0: prefixes; base 16 accepts 0x */
	KT_EXPECT_EQ(kstrtouint("0x1F", 0, &u), 0);
	KT_EXPECT_EQ(u, 31);
	KT_EXPECT_EQ(kstrtouint("0755", 0, &u), 0);
	KT_EXPECT_EQ(u, 0755);
	KT_EXPECT_EQ(kstrtouint("0", 0, &u), 0);
	KT_EXPECT_EQ(u, 0);
	KT_EXPECT_EQ(kstrtouint("0x10", 16, &u), 0);
	KT_EXPECT_EQ(u, 16);
	KT_EXPECT_EQ(kstrtouint("0x", 16, &u), -EINVAL);
	KT_EXPECT_EQ(kstrtouint("0x", 0, &u), -EINVAL);
	KT_EXPECT_EQ(kstrtouint("09", 0, &u), -EINVAL);
	/* one trailing newline, nothing else */
	KT_EXPECT_EQ(kstrtoint("42\n", 10, &i), 0);
	KT_EXPECT_EQ(i, 42);
	KT_EXPECT_EQ(kstrtoint("42\n\n", 10, &i), -EINVAL);
	KT_EXPECT_EQ(kstrtoint("42 ", 10, &i), -EINVAL);
	KT_EXPECT_EQ(kstrtoint(" 42", 10, &i), -EINVAL);
	KT_EXPECT_EQ(kstrtoint("", 10, &i), -EINVAL);
	KT_EXPECT_EQ(kstrtoint("\n", 10, &i), -EINVAL);
	KT_EXPECT_EQ(kstrtoint("+5", 10, &i), 0);
	KT_EXPECT_EQ(i, 5);
	KT_EXPECT_EQ(kstrtouint("-1", 10, &u), -EINVAL);
	KT_EXPECT_EQ(kstrtoint("2147483648", 10, &i), -ERANGE);
	KT_EXPECT_EQ(kstrtoint("-2147483648", 10, &i), 0);
	KT_EXPECT_EQ(i, INT_MIN);
	/* narrow types range-check; the destination is untouched on error */
	KT_EXPECT_EQ(kstrtou8("256", 10, &b), -ERANGE);
	KT_EXPECT_EQ(b, 77);
	KT_EXPECT_EQ(kstrtou8("255", 10, &b), 0);
	KT_EXPECT_EQ(b, 255);
	KT_EXPECT_EQ(kstrtos8("-129", 10, &sb), -ERANGE);
	KT_EXPECT_EQ(kstrtos8("-128", 10, &sb), 0);
	KT_EXPECT_EQ(sb, -128);
	KT_EXPECT_EQ(kstrtou16("ffff", 16, &w), 0);
	KT_EXPECT_EQ(w, 0xffff);
	KT_EXPECT_EQ(kstrtou16("12a", 10, &w), -EINVAL);
	/* overflow wins over trailing garbage, as in the kernel */
	KT_EXPECT_EQ(kstrtoull("99999999999999999999x", 10, &ull), -ERANGE);
	KT_EXPECT_EQ(kstrtobool("on", &flag), 0);
	KT_EXPECT(flag);
	KT_EXPECT_EQ(kstrtobool("off", &flag), 0);
	KT_EXPECT(!flag);
	KT_EXPECT_EQ(kstrtobool("Yes", &flag), 0);
	KT_EXPECT(flag);
	KT_EXPECT_EQ(kstrtobool("x", &flag), -EINVAL);
	KT_EXPECT_EQ(kstrtoint_from_user((const char __user *)"-17\nxyz", 4, 10, &i), 0);
	KT_EXPECT_EQ(i, -17);
}

KTEST(simple_strtox_and_memparse)
{
	char *end;

	KT_EXPECT_EQ(simple_strtoul("123abc", &end, 10), 123);
	KT_EXPECT_STREQ(end, "abc");
	KT_EXPECT_EQ(simple_strtoul("0x1fz", &end, 0), 0x1f);
	KT_EXPECT_STREQ(end, "z");
	KT_EXPECT_EQ(simple_strtol("-077", &end, 0), -077);
	KT_EXPECT_EQ(simple_strtoll("-9223372036854775808", NULL, 10), LLONG_MIN);
	KT_EXPECT_EQ(memparse("4k", &end), 4096);
	KT_EXPECT_EQ(*end, '\0');
	KT_EXPECT(memparse("2G", NULL) == (2ULL << 30));
	KT_EXPECT_EQ(memparse("0x10M", NULL), 16 << 20);
	KT_EXPECT_EQ(memparse("100", NULL), 100);
}

/* ---- strings -------------------------------------------------------- */

KTEST(strscpy_and_friends)
{
	char small[5], pad[8];
	char line[32];
	char *p, *tok;

	KT_EXPECT_EQ(strscpy(small, "abcd"), 4);
	KT_EXPECT_STREQ(small, "abcd");
	/* truncation: -E2BIG, still terminated */
	KT_EXPECT_EQ(strscpy(small, "abcde"), -E2BIG);
	KT_EXPECT_STREQ(small, "abcd");
	KT_EXPECT_EQ(strscpy(small, "xyz", 2), -E2BIG);
	KT_EXPECT_STREQ(small, "x");
	KT_EXPECT_EQ(strscpy(small, "", 0), -E2BIG);
	memset(pad, 'Q', sizeof(pad));
	KT_EXPECT_EQ(strscpy_pad(pad, "ab"), 2);
	KT_EXPECT(!memchr_inv(pad + 2, 0, 6));
	KT_EXPECT_EQ(strlcpy(small, "hello world", sizeof(small)), 11);
	KT_EXPECT_STREQ(small, "hell");
	strscpy(line, "ab");
	KT_EXPECT_EQ(strlcat(line, "cdef", 5), 6);
	KT_EXPECT_STREQ(line, "abcd");
	strscpy(line, "a,b,,c");
	p = line;
	tok = strsep(&p, ",");
	KT_EXPECT_STREQ(tok, "a");
	KT_EXPECT_STREQ(strsep(&p, ","), "b");
	KT_EXPECT_STREQ(strsep(&p, ","), "");
	KT_EXPECT_STREQ(strsep(&p, ","), "c");
	KT_EXPECT(p == NULL);
	KT_EXPECT(strsep(&p, ",") == NULL);
	strscpy(line, "  \t padded \n ");
	KT_EXPECT_STREQ(strim(line), "padded");
	KT_EXPECT_STREQ(skip_spaces("\t x "), "x ");
	KT_EXPECT(strnchr("abcdef", 3, 'd') == NULL);
	KT_EXPECT_STREQ(strnchr("abcdef", 4, 'd'), "def");
	KT_EXPECT(strnstr("haystack", "stack", 7) == NULL);
	KT_EXPECT_STREQ(strnstr("haystack", "stack", 8), "stack");
	KT_EXPECT_STREQ(strchrnul("abc", 'z'), "");
	strscpy(line, "a/b/c");
	strreplace(line, '/', '!');
	KT_EXPECT_STREQ(line, "a!b!c");
	KT_EXPECT(sysfs_streq("on\n", "on"));
	KT_EXPECT(sysfs_streq("on", "on\n"));
	KT_EXPECT(!sysfs_streq("on\n\n", "on"));
	KT_EXPECT(!sysfs_streq("o", "on"));
	{
		static const char * const modes[] = { "ro", "rw", NULL, "x" };

		KT_EXPECT_EQ(match_string(modes, ARRAY_SIZE(modes), "rw"), 1);
		KT_EXPECT_EQ(match_string(modes, ARRAY_SIZE(modes), "x"), -EINVAL);
		KT_EXPECT_EQ(__sysfs_match_string(modes, ARRAY_SIZE(modes), "x\n"), 3);
	}
	KT_EXPECT_EQ(str_has_prefix("errors=remount-ro", "errors="), 7);
	KT_EXPECT_EQ(str_has_prefix("err", "errors="), 0);
	KT_EXPECT_STREQ(kbasename("/a/b/file"), "file");
	KT_EXPECT_STREQ(kbasename("file"), "file");
	KT_EXPECT(parse_option_str("a,bb,c", "bb"));
	KT_EXPECT(!parse_option_str("a,bbb,c", "bb"));
}

KTEST(memory_helpers)
{
	u8 buf[100];
	u32 w32[5];
	u64 w64[3];
	char dst[6];

	memset(buf, 0x5a, sizeof(buf));
	KT_EXPECT(memchr_inv(buf, 0x5a, sizeof(buf)) == NULL);
	buf[77] = 0;
	KT_EXPECT(memchr_inv(buf, 0x5a, sizeof(buf)) == buf + 77);
	KT_EXPECT(memscan(buf, 0, sizeof(buf)) == buf + 77);
	KT_EXPECT(memscan(buf, 1, sizeof(buf)) == buf + sizeof(buf));
	KT_EXPECT(!mem_is_zero(buf, 10));
	memset32(w32, 0xdeadbeef, 5);
	KT_EXPECT_EQ(w32[4], 0xdeadbeef);
	memset64(w64, 0x0123456789abcdefULL, 3);
	KT_EXPECT(w64[2] == 0x0123456789abcdefULL);
	KT_EXPECT_EQ(memweight(w32, sizeof(w32)), 24 * 5);
	memcpy_and_pad(dst, sizeof(dst), "abc", 3, '#');
	KT_EXPECT(!memcmp(dst, "abc###", 6));
	strtomem_pad(dst, "toolongvalue", ' ');
	KT_EXPECT(!memcmp(dst, "toolon", 6));
}

KTEST(string_get_size_units)
{
	char buf[32];

	string_get_size(4096, 1, STRING_UNITS_2, buf, sizeof(buf));
	KT_EXPECT_STREQ(buf, "4.00 KiB");
	string_get_size(3, 512, STRING_UNITS_2, buf, sizeof(buf));
	KT_EXPECT_STREQ(buf, "1.50 KiB");
	string_get_size(512, 1, STRING_UNITS_10, buf, sizeof(buf));
	KT_EXPECT_STREQ(buf, "512 B");
	string_get_size(1000000, 1, STRING_UNITS_10, buf, sizeof(buf));
	KT_EXPECT_STREQ(buf, "1.00 MB");
}

KTEST(ctype_classes)
{
	KT_EXPECT(isspace(' ') && isspace('\t') && isspace('\v') && isspace('\f'));
	KT_EXPECT(!isspace('x') && !isspace('\0'));
	KT_EXPECT(isxdigit('F') && isxdigit('a') && !isxdigit('g'));
	KT_EXPECT(isalnum('z') && isalnum('5') && !isalnum('_'));
	KT_EXPECT(ispunct('!') && !ispunct('a') && !ispunct(' '));
	KT_EXPECT_EQ(tolower('Q'), 'q');
	KT_EXPECT_EQ(toupper('q'), 'Q');
	KT_EXPECT_EQ(tolower('1'), '1');
	KT_EXPECT(isprint(' ') && !isprint('\n') && iscntrl(0x7f));
}

/* ---- bit operations ------------------------------------------------- */

static unsigned long shared_word;
static unsigned long lock_word;
static long locked_counter;
static atomic_t lost_bits;
static atomic_t start_gate;

/* all racing threads begin together, so their updates really overlap */
static void wait_for_gate(int nthreads)
{
	atomic_inc(&start_gate);
	while (atomic_read(&start_gate) < nthreads)
		cpu_relax();
}

static void *bit_hammer(void *arg)
{
	int t = (int)(long)arg, i, k;

	kshim_thread_enter("bit_hammer");
	wait_for_gate(4);
	for (i = 0; i < 50000; i++) {
		for (k = 0; k < 16; k++) {
			set_bit(t * 16 + k, &shared_word);
			if (!test_bit(t * 16 + k, &shared_word))
				atomic_inc(&lost_bits);
		}
		for (k = 0; k < 16; k++) {
			clear_bit(t * 16 + k, &shared_word);
			if (test_bit(t * 16 + k, &shared_word))
				atomic_inc(&lost_bits);
		}
		change_bit(t * 16, &shared_word);
		change_bit(t * 16, &shared_word);
		/* a bit lock protecting a plain counter */
		while (test_and_set_bit_lock(3, &lock_word))
			cpu_relax();
		locked_counter++;
		clear_bit_unlock(3, &lock_word);
	}
	for (k = 0; k < 16; k++)
		set_bit(t * 16 + k, &shared_word);
	return NULL;
}

/* four threads update distinct bits of one word: no update is lost */
KTEST(bitops_atomic_no_lost_bits)
{
	kshim_host_thread_t th[4];
	long t;

	for (t = 0; t < 4; t++)
		KT_ASSERT_EQ(kshim_host_thread_create(&th[t], "bits", bit_hammer, (void *)t), 0);
	for (t = 0; t < 4; t++)
		kshim_host_thread_join(th[t], NULL);
	KT_EXPECT_EQ(atomic_read(&lost_bits), 0);
	KT_EXPECT(shared_word == ~0UL);
	KT_EXPECT_EQ(locked_counter, 4 * 50000);
	KT_EXPECT_EQ(lock_word, 0);
}

KTEST(bitops_single_thread)
{
	DECLARE_BITMAP(map, 130) = { 0 };
	unsigned long w = 0;

	KT_EXPECT(!test_and_set_bit(129, map));
	KT_EXPECT(test_and_set_bit(129, map));
	KT_EXPECT(map[2] == 2);
	KT_EXPECT(test_and_clear_bit(129, map));
	KT_EXPECT(!test_and_clear_bit(129, map));
	KT_EXPECT(!test_and_change_bit(64, map));
	KT_EXPECT(test_bit(64, map));
	__set_bit(0, &w);
	__change_bit(63, &w);
	KT_EXPECT(w == (1UL | (1UL << 63)));
	KT_EXPECT(__test_and_clear_bit(63, &w));
	KT_EXPECT(!__test_and_set_bit(5, &w));
	__clear_bit(0, &w);
	KT_EXPECT(w == 1UL << 5);
	KT_EXPECT(test_bit_acquire(5, &w));
	__assign_bit(6, &w, true);
	KT_EXPECT(w == 0x60);
}

KTEST(bitops_word_helpers)
{
	KT_EXPECT_EQ(ffs(0), 0);
	KT_EXPECT_EQ(ffs(1), 1);
	KT_EXPECT_EQ(ffs(0x80000000), 32);
	KT_EXPECT_EQ(fls(0), 0);
	KT_EXPECT_EQ(fls(1), 1);
	KT_EXPECT_EQ(fls(0x80000000), 32);
	KT_EXPECT_EQ(fls64(0), 0);
	KT_EXPECT_EQ(fls64(1ULL << 40), 41);
	KT_EXPECT_EQ(__ffs(0x100UL), 8);
	KT_EXPECT_EQ(__fls(0x100UL), 8);
	KT_EXPECT_EQ(__fls(~0UL), 63);
	KT_EXPECT_EQ(ffz(0xffUL), 8);
	KT_EXPECT_EQ(__ffs64(1ULL << 63), 63);
	KT_EXPECT_EQ(hweight8(0x1ff), 8);
	KT_EXPECT_EQ(hweight16(0xffff), 16);
	KT_EXPECT_EQ(hweight32(0xf0f0f0f0), 16);
	KT_EXPECT_EQ(hweight64(~0ULL), 64);
	KT_EXPECT_EQ(hweight_long(0x5), 2);
	KT_EXPECT_EQ(rol32(0x80000001, 1), 3);
	KT_EXPECT_EQ(ror32(3, 1), 0x80000001);
	KT_EXPECT_EQ(rol32(0x12345678, 0), 0x12345678);
	KT_EXPECT(rol64(1ULL << 63, 2) == 2);
	KT_EXPECT(ror64(1, 1) == 1ULL << 63);
	KT_EXPECT_EQ(sign_extend32(0x80, 7), -128);
	KT_EXPECT_EQ(sign_extend32(0x7f, 7), 127);
	KT_EXPECT_EQ(sign_extend64(0x8000000000ULL, 39), -0x8000000000LL);
	KT_EXPECT_EQ(get_count_order(1), 0);
	KT_EXPECT_EQ(get_count_order(5), 3);
	KT_EXPECT_EQ(get_count_order(8), 3);
	KT_EXPECT_EQ(get_count_order(0), -1);
	KT_EXPECT_EQ(BITS_TO_LONGS(65), 2);
	KT_EXPECT_EQ(BITS_PER_TYPE(u16), 16);
	KT_EXPECT_EQ(bitrev8(0x01), 0x80);
	KT_EXPECT_EQ(bitrev8(0x1e), 0x78);
	KT_EXPECT_EQ(bitrev16(0x0001), 0x8000);
	KT_EXPECT_EQ(bitrev32(0x00000003), 0xc0000000);
}

static unsigned long naive_next(const unsigned long *m, unsigned long size,
				unsigned long off, bool set)
{
	for (; off < size; off++)
		if (!!(m[off / 64] & (1UL << (off % 64))) == set)
			return off;
	return size;
}

static unsigned long naive_last(const unsigned long *m, unsigned long size)
{
	unsigned long i;

	for (i = size; i-- > 0;)
		if (m[i / 64] & (1UL << (i % 64)))
			return i;
	return size;
}

/* find_*_bit against a naive search on every size around word edges */
KTEST(find_bit_edge_sizes)
{
	static const unsigned long sizes[] = { 0, 1, 2, 63, 64, 65, 127, 128, 129, 191, 192 };
	unsigned long map[4], size, off, bit, count;
	int round, si;

	for (round = 0; round < 200; round++) {
		for (si = 0; si < 4; si++) {
			map[si] = get_random_u64();
			/* sparse and dense patterns too */
			if (round % 3 == 1)
				map[si] &= get_random_u64() & get_random_u64();
			if (round % 3 == 2)
				map[si] |= get_random_u64() | get_random_u64();
		}
		if (round == 0)
			memset(map, 0, sizeof(map));
		if (round == 1)
			memset(map, 0xff, sizeof(map));
		for (si = 0; si < (int)ARRAY_SIZE(sizes); si++) {
			size = sizes[si];
			for (off = 0; off <= size + 1; off++) {
				KT_ASSERT_EQ(find_next_bit(map, size, off),
					     naive_next(map, size, off, true));
				KT_ASSERT_EQ(find_next_zero_bit(map, size, off),
					     naive_next(map, size, off, false));
			}
			KT_ASSERT_EQ(find_first_bit(map, size), naive_next(map, size, 0, true));
			KT_ASSERT_EQ(find_first_zero_bit(map, size),
				     naive_next(map, size, 0, false));
			KT_ASSERT_EQ(find_last_bit(map, size), naive_last(map, size));
			count = 0;
			for_each_set_bit(bit, map, size)
				count++;
			KT_ASSERT_EQ(count, bitmap_weight(map, size));
			count = 0;
			for_each_clear_bit(bit, map, size)
				count++;
			KT_ASSERT_EQ(count, size - bitmap_weight(map, size));
		}
	}
}

/* ext2/minix bitmaps: bit nr lives in byte nr / 8, bit nr % 8 */
KTEST(le_bitmap_helpers)
{
	u8 buf[16] = { 0 };

	__set_bit_le(9, buf);
	KT_EXPECT_EQ(buf[1], 0x02);
	KT_EXPECT(test_bit_le(9, buf));
	KT_EXPECT(__test_and_set_bit_le(9, buf));
	KT_EXPECT(!__test_and_set_bit_le(70, buf));
	KT_EXPECT_EQ(buf[8], 0x40);
	KT_EXPECT_EQ(find_next_bit_le(buf, 128, 10), 70);
	memset(buf, 0xff, 5);
	KT_EXPECT_EQ(find_first_zero_bit_le(buf, 128), 40);
	KT_EXPECT_EQ(find_next_zero_bit_le(buf, 128, 41), 41);
	KT_EXPECT(__test_and_clear_bit_le(3, buf));
	KT_EXPECT_EQ(buf[0], 0xf7);
	KT_EXPECT_EQ(find_next_zero_bit_le(buf, 40, 0), 3);
	KT_EXPECT(!test_and_set_bit_le(100, buf));
	KT_EXPECT_EQ(buf[12], 0x10);
	set_bit_le(127, buf);
	KT_EXPECT_EQ(buf[15], 0x80);
	KT_EXPECT(test_and_clear_bit_le(127, buf));
}

KTEST(bitmap_operations)
{
	unsigned long a[3], b[3], d[3], ref[3];
	unsigned int start, len, i, nbits = 150;
	int round;

	for (round = 0; round < 500; round++) {
		bitmap_zero(a, nbits);
		memset(ref, 0, sizeof(ref));
		start = get_random_u32_below(nbits);
		len = get_random_u32_below(nbits - start + 1);
		bitmap_set(a, start, len);
		for (i = start; i < start + len; i++)
			ref[i / 64] |= 1UL << (i % 64);
		KT_ASSERT(!memcmp(a, ref, sizeof(ref)));
		KT_ASSERT_EQ(bitmap_weight(a, nbits), len);
		bitmap_fill(b, nbits);
		start = get_random_u32_below(nbits);
		len = get_random_u32_below(nbits - start + 1);
		bitmap_clear(b, start, len);
		KT_ASSERT_EQ(bitmap_weight(b, nbits), nbits - len);
		KT_ASSERT_EQ(find_next_zero_bit(b, nbits, 0), len ? start : nbits);
	}
	/* results ignore the bits past nbits */
	bitmap_zero(a, nbits);
	bitmap_zero(b, nbits);
	a[2] = 1UL << 40;	/* bit 168: outside */
	KT_EXPECT(bitmap_empty(a, nbits));
	KT_EXPECT(bitmap_equal(a, b, nbits));
	KT_EXPECT_EQ(bitmap_weight(a, nbits), 0);
	KT_EXPECT(!bitmap_and(d, a, a, nbits));
	bitmap_fill(a, nbits);
	KT_EXPECT(bitmap_full(a, nbits));
	__clear_bit(149, a);
	KT_EXPECT(!bitmap_full(a, nbits));
	bitmap_zero(b, nbits);
	__set_bit(5, b);
	__set_bit(149, b);
	KT_EXPECT(bitmap_and(d, a, b, nbits));
	KT_EXPECT_EQ(bitmap_weight(d, nbits), 1);
	KT_EXPECT(bitmap_andnot(d, b, a, nbits));
	KT_EXPECT(test_bit(149, d) && bitmap_weight(d, nbits) == 1);
	bitmap_xor(d, a, b, nbits);
	KT_EXPECT_EQ(bitmap_weight(d, nbits), 150 - 1 - 1 + 1);
	bitmap_or(d, a, b, nbits);
	KT_EXPECT(bitmap_full(d, nbits));
	KT_EXPECT(bitmap_intersects(a, b, nbits));
	KT_EXPECT(!bitmap_subset(b, a, nbits));
	/* a zero area of 10 bits, aligned to 8 */
	bitmap_zero(a, nbits);
	bitmap_set(a, 0, 3);
	bitmap_set(a, 12, 1);
	KT_EXPECT_EQ(bitmap_find_next_zero_area(a, nbits, 0, 10, 0), 13);
	KT_EXPECT_EQ(bitmap_find_next_zero_area(a, nbits, 0, 10, 7), 16);
	KT_EXPECT_EQ(bitmap_find_next_zero_area(a, nbits, 0, 9, 0), 3);
	KT_EXPECT(bitmap_find_next_zero_area(a, nbits, 0, 200, 0) >= nbits);
}

/* ilog2 and friends fold to constants: usable as array sizes */
typedef char ilog2_sized[ilog2(1024)];
typedef char roundup_sized[roundup_pow_of_two(5)];

KTEST(log2_and_powers)
{
	volatile unsigned long v = 1000;
	volatile u32 v32 = 1 << 20;

	KT_EXPECT_EQ(sizeof(ilog2_sized), 10);
	KT_EXPECT_EQ(sizeof(roundup_sized), 8);
	KT_EXPECT_EQ(ilog2(v), 9);
	KT_EXPECT_EQ(ilog2(v32), 20);
	KT_EXPECT_EQ(ilog2(1UL << 63), 63);
	KT_EXPECT_EQ(roundup_pow_of_two(v), 1024);
	KT_EXPECT_EQ(roundup_pow_of_two(1000), 1024);
	KT_EXPECT_EQ(roundup_pow_of_two(1024), 1024);
	KT_EXPECT_EQ(roundup_pow_of_two(1), 1);
	KT_EXPECT_EQ(rounddown_pow_of_two(v), 512);
	KT_EXPECT_EQ(rounddown_pow_of_two(1025), 1024);
	KT_EXPECT(is_power_of_2(4096) && !is_power_of_2(0) && !is_power_of_2(12));
	KT_EXPECT_EQ(order_base_2(v), 10);
	KT_EXPECT_EQ(order_base_2(1), 0);
	KT_EXPECT_EQ(order_base_2(4096), 12);
	KT_EXPECT_EQ(int_sqrt(0), 0);
	KT_EXPECT_EQ(int_sqrt(15), 3);
	KT_EXPECT_EQ(int_sqrt(16), 4);
	KT_EXPECT_EQ(int_sqrt(~0UL), 0xffffffffUL);
	KT_EXPECT(int_pow(10, 19) == 10000000000000000000ULL);
	KT_EXPECT_EQ(int_pow(3, 0), 1);
}

/* ---- sort and search --------------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmp_desc_r(const void *a, const void *b, const void *priv)
{
	(*(int *)priv)++;
	return cmp_int(b, a);
}

static int swaps;

static void swap_int(void *a, void *b, int size)
{
	int t = *(int *)a;

	*(int *)a = *(int *)b;
	*(int *)b = t;
	swaps++;
}

struct triple {
	u8 b[3];
};

static int cmp_triple(const void *a, const void *b)
{
	return memcmp(a, b, 3);
}

KTEST(sort_random_input)
{
	static int v[2000], copy[2000];
	struct triple t[300];
	long sum = 0, sum2 = 0;
	int i, n, calls = 0;

	for (n = 0; n <= 2000; n = n ? n * 3 : 1) {
		for (i = 0; i < n; i++) {
			v[i] = (int)get_random_u32_below(1000) - 500;
			copy[i] = v[i];
		}
		sort(v, n, sizeof(int), cmp_int, NULL);
		for (i = 1; i < n; i++)
			KT_ASSERT(v[i - 1] <= v[i]);
		/* same multiset: each copied value is found */
		for (i = 0; i < n; i++)
			KT_ASSERT(bsearch(&copy[i], v, n, sizeof(int), cmp_int));
		for (i = 0; i < n; i++) {
			sum += v[i];
			sum2 += copy[i];
		}
		KT_ASSERT_EQ(sum, sum2);
	}
	/* a custom swap is used, sort_r passes priv, O(n log n) compares */
	for (i = 0; i < 1000; i++)
		v[i] = (int)get_random_u32();
	swaps = 0;
	sort(v, 1000, sizeof(int), cmp_int, swap_int);
	KT_EXPECT(swaps > 0);
	sort_r(v, 1000, sizeof(int), cmp_desc_r, NULL, &calls);
	for (i = 1; i < 1000; i++)
		KT_ASSERT(v[i - 1] >= v[i]);
	KT_EXPECT(calls > 0 && calls < 40000);
	/* odd element sizes take the byte swap path */
	for (i = 0; i < 300; i++)
		get_random_bytes(t[i].b, 3);
	sort(t, 300, sizeof(t[0]), cmp_triple, NULL);
	for (i = 1; i < 300; i++)
		KT_ASSERT(memcmp(t[i - 1].b, t[i].b, 3) <= 0);
}

KTEST(bsearch_bounds)
{
	static const int a[] = { 1, 3, 5, 7, 9, 11 };
	int k;

	for (k = 0; k <= 12; k++) {
		int *r = bsearch(&k, a, ARRAY_SIZE(a), sizeof(int), cmp_int);

		if (k % 2)
			KT_EXPECT(r && *r == k);
		else
			KT_EXPECT(r == NULL);
	}
	k = 1;
	KT_EXPECT(bsearch(&k, a, 0, sizeof(int), cmp_int) == NULL);
	KT_EXPECT(bsearch(&k, a, 1, sizeof(int), cmp_int) == &a[0]);
}

/* ---- checksums ----------------------------------------------------------- */

/* bit-at-a-time reference for reflected CRC-32 polynomials */
static u32 ref_crc32_reflected(u32 crc, const u8 *p, size_t len, u32 poly)
{
	int k;

	while (len--) {
		crc ^= *p++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ ((crc & 1) ? poly : 0);
	}
	return crc;
}

KTEST(crc_check_values)
{
	static const u8 check[] = "123456789";
	u8 buf[1100];
	u32 a, b;
	size_t off, len;

	KT_EXPECT_EQ(crc32_le(~0U, check, 9) ^ ~0U, 0xCBF43926);
	KT_EXPECT_EQ(crc32(~0U, check, 9) ^ ~0U, 0xCBF43926);
	KT_EXPECT_EQ(crc32c(~0U, check, 9) ^ ~0U, 0xE3069283);
	KT_EXPECT_EQ(__crc32c_le(~0U, check, 9) ^ ~0U, 0xE3069283);
	KT_EXPECT_EQ(crc32_be(~0U, check, 9) ^ ~0U, 0xFC891918);
	KT_EXPECT_EQ(crc16(0, check, 9), 0xBB3D);
	KT_EXPECT_EQ(crc16_byte(0, 0), 0);
	/* slice-by-8 over every alignment and tail length agrees bit by bit */
	get_random_bytes(buf, sizeof(buf));
	for (off = 0; off < 8; off++) {
		for (len = 0; len < 40; len++) {
			KT_ASSERT_EQ(crc32_le(0x1234, buf + off, len),
				     ref_crc32_reflected(0x1234, buf + off, len, 0xedb88320));
			KT_ASSERT_EQ(crc32c(~0U, buf + off, len),
				     ref_crc32_reflected(~0U, buf + off, len, 0x82F63B78));
		}
	}
	KT_EXPECT_EQ(crc32_le(~0U, buf + 3, 1000),
		     ref_crc32_reflected(~0U, buf + 3, 1000, 0xedb88320));
	/* combine: crc(A|B) from crc(A) and crc(B) */
	a = crc32_le(~0U, buf, 300);
	b = crc32_le(0, buf + 300, 500);
	KT_EXPECT_EQ(crc32_le_combine(a, b, 500), crc32_le(~0U, buf, 800));
}

/* ---- rbtree -------------------------------------------------------------- */

struct knode {
	struct rb_node rb;
	u32 key;
	u32 val;
	u32 subtree_max;	/* augmented: max val in the subtree */
};

static u32 knode_val(struct knode *n)
{
	return n->val;
}

RB_DECLARE_CALLBACKS_MAX(static, knode_aug, struct knode, rb, u32, subtree_max, knode_val)

static int rb_check(struct rb_node *n, u32 *max_out)
{
	struct knode *k;
	int lh, rh;
	u32 lm = 0, rm = 0, m;

	if (!n) {
		*max_out = 0;
		return 1;
	}
	k = rb_entry(n, struct knode, rb);
	if (rb_is_red(n)) {
		/* a red node has black children */
		if ((n->rb_left && rb_is_red(n->rb_left)) ||
		    (n->rb_right && rb_is_red(n->rb_right)))
			return -1;
	}
	if (n->rb_left && rb_parent(n->rb_left) != n)
		return -1;
	if (n->rb_right && rb_parent(n->rb_right) != n)
		return -1;
	lh = rb_check(n->rb_left, &lm);
	rh = rb_check(n->rb_right, &rm);
	if (lh < 0 || rh < 0 || lh != rh)
		return -1;
	m = max3(k->val, lm, rm);
	if (m != k->subtree_max)
		return -1;
	*max_out = m;
	return lh + rb_is_black(n);
}

static void knode_insert(struct rb_root *root, struct knode *kn, bool augmented)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct knode *cur = rb_entry(*link, struct knode, rb);

		parent = *link;
		if (augmented && cur->subtree_max < kn->val)
			cur->subtree_max = kn->val;
		link = kn->key < cur->key ? &parent->rb_left : &parent->rb_right;
	}
	kn->subtree_max = kn->val;
	rb_link_node(&kn->rb, parent, link);
	if (augmented)
		rb_insert_augmented(&kn->rb, root, &knode_aug);
	else
		rb_insert_color(&kn->rb, root);
}

static void rbtree_exercise(bool augmented)
{
	enum { N = 3000 };
	static struct knode nodes[N];
	struct rb_root root = RB_ROOT;
	struct rb_node *n;
	bool present[N] = { false };
	u32 count, prev, max;
	int i, j, live;

	for (i = 0; i < N; i++) {
		nodes[i].key = get_random_u32_below(1000000);
		nodes[i].val = get_random_u32_below(1000000);
		RB_CLEAR_NODE(&nodes[i].rb);
		KT_ASSERT(RB_EMPTY_NODE(&nodes[i].rb));
	}
	for (i = 0; i < N; i++) {
		knode_insert(&root, &nodes[i], augmented);
		present[i] = true;
	}
	for (j = 0; j < 3; j++) {
		/* erase a random third, then check every invariant */
		for (i = 0; i < N; i++) {
			if (!present[i] || get_random_u32_below(3))
				continue;
			if (augmented)
				rb_erase_augmented(&nodes[i].rb, &root, &knode_aug);
			else
				rb_erase(&nodes[i].rb, &root);
			present[i] = false;
		}
		if (!augmented) {
			/* keep subtree_max meaningful for rb_check */
			for (n = rb_first_postorder(&root); n; n = rb_next_postorder(n)) {
				struct knode *k = rb_entry(n, struct knode, rb);

				knode_aug_compute_max(k, false);
			}
		}
		KT_ASSERT(!root.rb_node || rb_is_black(root.rb_node));
		KT_ASSERT(rb_check(root.rb_node, &max) > 0);
		count = 0;
		prev = 0;
		for (n = rb_first(&root); n; n = rb_next(n)) {
			u32 key = rb_entry(n, struct knode, rb)->key;

			KT_ASSERT(key >= prev);
			prev = key;
			count++;
		}
		for (i = 0, live = 0; i < N; i++)
			live += present[i];
		KT_ASSERT_EQ(count, live);
		count = 0;
		for (n = rb_last(&root); n; n = rb_prev(n))
			count++;
		KT_ASSERT_EQ(count, live);
	}
}

KTEST(rbtree_random_insert_erase)
{
	rbtree_exercise(false);
}

KTEST(rbtree_augmented_max)
{
	rbtree_exercise(true);
}

struct ival {
	struct rb_node rb;
	int key;
};

static bool ival_less(struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct ival, rb)->key < rb_entry(b, struct ival, rb)->key;
}

static int ival_cmp(const void *key, const struct rb_node *n)
{
	return *(const int *)key - rb_entry(n, struct ival, rb)->key;
}

KTEST(rbtree_helpers)
{
	struct ival v[6] = { { .key = 5 }, { .key = 1 }, { .key = 9 }, { .key = 5 },
			     { .key = 3 }, { .key = 5 } };
	struct rb_root_cached root = RB_ROOT_CACHED;
	struct rb_node *n;
	int i, key = 5, hits = 0;

	for (i = 0; i < 6; i++)
		rb_add_cached(&v[i].rb, &root, ival_less);
	KT_EXPECT(rb_first_cached(&root) == &v[1].rb);
	rb_for_each(n, &key, &root.rb_root, ival_cmp)
		hits++;
	KT_EXPECT_EQ(hits, 3);
	key = 4;
	KT_EXPECT(rb_find(&key, &root.rb_root, ival_cmp) == NULL);
	key = 9;
	KT_EXPECT(rb_find(&key, &root.rb_root, ival_cmp) == &v[2].rb);
	KT_EXPECT(rb_erase_cached(&v[1].rb, &root) == &v[4].rb);
	KT_EXPECT(rb_first_cached(&root) == &v[4].rb);
}

/* ---- byte order and unaligned access ---------------------------------- */

static const __be32 const_be = cpu_to_be32(0x01020304);	/* folds */

KTEST(byteorder_conversions)
{
	__le32 le = cpu_to_le32(0xfffffffe);
	__be16 be16 = cpu_to_be16(0x1234);
	__le64 le64 = cpu_to_le64(1);
	u32 x = 0x11223344;
	const u8 *b = (const u8 *)&const_be;

	KT_EXPECT(b[0] == 1 && b[3] == 4);
	KT_EXPECT_EQ(be32_to_cpu(const_be), 0x01020304);
	KT_EXPECT_EQ(((u8 *)&be16)[0], 0x12);
	le32_add_cpu(&le, 3);
	KT_EXPECT_EQ(le32_to_cpu(le), 1);
	le64_add_cpu(&le64, 1ULL << 40);
	KT_EXPECT(le64_to_cpup(&le64) == (1ULL << 40) + 1);
	be16_add_cpu(&be16, 1);
	KT_EXPECT_EQ(be16_to_cpu(be16), 0x1235);
	KT_EXPECT_EQ(swab16(0x1234), 0x3412);
	KT_EXPECT_EQ(swab32(0x11223344), 0x44332211);
	KT_EXPECT(swab64(0x0102030405060708ULL) == 0x0807060504030201ULL);
	swab32s(&x);
	KT_EXPECT_EQ(x, 0x44332211);
	KT_EXPECT_EQ(htonl(1), 0x01000000);
	KT_EXPECT_EQ(ntohs(htons(0xabcd)), 0xabcd);
}

KTEST(unaligned_accessors)
{
	u8 buf[32] = { 0 };
	struct {
		u8 pad;
		u64 v;
	} __packed s;
	int off;

	for (off = 0; off < 8; off++) {
		memset(buf, 0, sizeof(buf));
		put_unaligned_le32(0x11223344, buf + off);
		KT_ASSERT_EQ(buf[off], 0x44);
		KT_ASSERT_EQ(get_unaligned_le32(buf + off), 0x11223344);
		KT_ASSERT_EQ(get_unaligned_be32(buf + off), 0x44332211);
		put_unaligned_be64(0x0102030405060708ULL, buf + off + 1);
		KT_ASSERT_EQ(buf[off + 1], 0x01);
		KT_ASSERT(get_unaligned_le64(buf + off + 1) == 0x0807060504030201ULL);
		put_unaligned_le16(0xbeef, buf + off + 3);
		KT_ASSERT_EQ(get_unaligned_be16(buf + off + 3), 0xefbe);
		put_unaligned_be24(0xabcdef, buf + off);
		KT_ASSERT_EQ(get_unaligned_le24(buf + off), 0xefcdab);
	}
	put_unaligned(0x1122334455667788ULL, &s.v);
	KT_EXPECT(get_unaligned(&s.v) == 0x1122334455667788ULL);
	put_unaligned((u16)7, (u16 *)(buf + 1));
	KT_EXPECT_EQ(get_unaligned((u16 *)(buf + 1)), 7);
}

/* ---- hex ------------------------------------------------------------------ */

KTEST(hex_dump_format)
{
	u8 data[32];
	char line[200], expect[64];
	int i, n;

	for (i = 0; i < 32; i++)
		data[i] = i + 0x3e;
	n = hex_dump_to_buffer(data, 16, 16, 1, line, sizeof(line), true);
	KT_EXPECT_STREQ(line, "3e 3f 40 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d  >?@ABCDEFGHIJKLM");
	KT_EXPECT_EQ(n, 49 + 16);
	n = hex_dump_to_buffer(data, 8, 16, 4, line, sizeof(line), false);
	KT_EXPECT_STREQ(line, "41403f3e 45444342");
	KT_EXPECT_EQ(n, 17);
	/* short row: ascii column stays at the row's position */
	n = hex_dump_to_buffer("\x01" "A", 2, 16, 2, line, sizeof(line), true);
	snprintf(expect, sizeof(expect), "%-41s.A", "4101");
	KT_EXPECT_STREQ(line, expect);
	KT_EXPECT_EQ(n, 43);
	n = hex_dump_to_buffer(data, 8, 32, 8, line, sizeof(line), false);
	KT_EXPECT_STREQ(line, "4544434241403f3e");
	/* groupsize not dividing len falls back to bytes */
	hex_dump_to_buffer(data, 3, 16, 2, line, sizeof(line), false);
	KT_EXPECT_STREQ(line, "3e 3f 40");
	/* truncation: terminated, returns the full length */
	n = hex_dump_to_buffer(data, 16, 16, 1, line, 10, false);
	KT_EXPECT_EQ(n, 47);
	KT_EXPECT_STREQ(line, "3e 3f 40 ");
	KT_EXPECT_EQ(hex_to_bin('a'), 10);
	KT_EXPECT_EQ(hex_to_bin('F'), 15);
	KT_EXPECT_EQ(hex_to_bin('g'), -1);
	KT_EXPECT_EQ(hex2bin(data, "00ff7A", 3), 0);
	KT_EXPECT(data[0] == 0 && data[1] == 0xff && data[2] == 0x7a);
	KT_EXPECT_EQ(hex2bin(data, "0x", 1), -EINVAL);
	memset(line, 0, sizeof(line));
	KT_EXPECT(bin2hex(line, "\xab\x01", 2) == line + 4);
	KT_EXPECT_STREQ(line, "ab01");
	ktest_note("print_hex_dump output follows");
	print_hex_dump(KERN_ERR, "dump: ", DUMP_PREFIX_OFFSET, 16, 1, data, 20, true);
}

/* ---- lock-less lists ------------------------------------------------------- */

struct lnode {
	struct llist_node node;
	int owner, seq;
};

static LLIST_HEAD(shared_llist);

static void *llist_pusher(void *arg)
{
	struct lnode *mine = arg;
	int i;

	kshim_thread_enter("llist");
	wait_for_gate(4);
	for (i = 0; i < 5000; i++)
		llist_add(&mine[i].node, &shared_llist);
	return NULL;
}

KTEST(llist_concurrent_add)
{
	static struct lnode nodes[4][5000];
	kshim_host_thread_t th[4];
	struct llist_node *all;
	struct lnode *pos, *n;
	int last[4] = { 5000, 5000, 5000, 5000 };
	int t, i, count = 0;

	for (t = 0; t < 4; t++)
		for (i = 0; i < 5000; i++) {
			nodes[t][i].owner = t;
			nodes[t][i].seq = i;
		}
	for (t = 0; t < 4; t++)
		KT_ASSERT_EQ(kshim_host_thread_create(&th[t], "llist", llist_pusher,
						      nodes[t]), 0);
	for (t = 0; t < 4; t++)
		kshim_host_thread_join(th[t], NULL);
	all = llist_del_all(&shared_llist);
	KT_EXPECT(llist_empty(&shared_llist));
	/* LIFO: each thread's entries come newest first */
	llist_for_each_entry_safe(pos, n, all, node) {
		KT_ASSERT(pos->seq < last[pos->owner]);
		last[pos->owner] = pos->seq;
		count++;
	}
	KT_EXPECT_EQ(count, 20000);
}

KTEST(llist_order_and_del_first)
{
	struct lnode a[3];
	LLIST_HEAD(head);
	struct llist_node *first;
	struct lnode *pos;
	int i, expect = 0;

	for (i = 0; i < 3; i++)
		a[i].seq = i;
	KT_EXPECT(llist_add(&a[0].node, &head));
	KT_EXPECT(!llist_add(&a[1].node, &head));
	KT_EXPECT(!llist_add(&a[2].node, &head));
	KT_EXPECT(llist_del_first(&head) == &a[2].node);
	first = llist_reverse_order(llist_del_all(&head));
	llist_for_each_entry(pos, first, node)
		KT_EXPECT_EQ(pos->seq, expect++);
	KT_EXPECT_EQ(expect, 2);
	KT_EXPECT(llist_del_first(&head) == NULL);
	init_llist_node(&a[0].node);
	KT_EXPECT(!llist_on_list(&a[0].node));
}

/* ---- hashes --------------------------------------------------------------- */

KTEST(hash_functions)
{
	static const char text[] = "Four score and seven years ago";
	u32 words[7];
	unsigned int i;
	u64 hl;

	/* Bob Jenkins' published lookup3 check values */
	KT_EXPECT_EQ(jhash(text, 30, 0), 0x17770551);
	KT_EXPECT_EQ(jhash(text, 30, 1), 0xcd628161);
	KT_EXPECT_EQ(jhash("", 0, 0), 0xdeadbeef);
	/* jhash2 over words equals jhash over the same bytes */
	for (i = 0; i < ARRAY_SIZE(words); i++)
		words[i] = get_random_u32();
	for (i = 0; i <= ARRAY_SIZE(words); i++)
		KT_ASSERT_EQ(jhash2(words, i, 7), jhash(words, i * 4, 7));
	KT_EXPECT_NE(jhash_3words(1, 2, 3, 0), jhash_3words(1, 2, 4, 0));
	KT_EXPECT_EQ(hash_64(1, 32), 0x61C88646);
	KT_EXPECT_EQ(hash_32(1, 32), 0x61C88647);
	for (i = 0; i < 1000; i++)
		KT_ASSERT(hash_32(get_random_u32(), 10) < 1024);
	KT_EXPECT(hash_ptr(&i, 8) < 256);
	hl = hashlen_string(NULL, "lost+found");
	KT_EXPECT_EQ(hashlen_len(hl), 10);
	KT_EXPECT_EQ(hashlen_hash(hl), full_name_hash(NULL, "lost+found", 10));
	KT_EXPECT_NE(full_name_hash(NULL, "a", 1), full_name_hash(NULL, "b", 1));
	KT_EXPECT_NE(full_name_hash((void *)1, "a", 1), full_name_hash((void *)2, "a", 1));
}

/* ---- random numbers and UUIDs ----------------------------------------------- */

KTEST(random_ranges)
{
	int seen[10] = { 0 }, i;
	u32 v;

	for (i = 0; i < 10000; i++) {
		v = get_random_u32_below(10);
		KT_ASSERT(v < 10);
		seen[v]++;
		v = get_random_u32_inclusive(5, 7);
		KT_ASSERT(v >= 5 && v <= 7);
		v = get_random_u32_above(U32_MAX - 2);
		KT_ASSERT(v > U32_MAX - 2);
	}
	/* every value occurs (probability of a miss is ~10 * 0.9^10000) */
	for (i = 0; i < 10; i++)
		KT_EXPECT(seen[i] > 0);
	KT_EXPECT_EQ(get_random_u32_below(1), 0);
	KT_EXPECT_NE(get_random_u64(), get_random_u64());
}

KTEST(uuid_generate_and_parse)
{
	uuid_t u, back;
	guid_t g, gback;
	char s[UUID_STRING_LEN + 1];

	uuid_gen(&u);
	KT_EXPECT_EQ(u.b[6] >> 4, 4);
	KT_EXPECT_EQ(u.b[8] & 0xc0, 0x80);
	KT_EXPECT(!uuid_is_null(&u));
	snprintf(s, sizeof(s), "%pUb", &u);
	KT_EXPECT(uuid_is_valid(s));
	KT_EXPECT_EQ(uuid_parse(s, &back), 0);
	KT_EXPECT(uuid_equal(&u, &back));
	guid_gen(&g);
	KT_EXPECT_EQ(g.b[7] >> 4, 4);
	snprintf(s, sizeof(s), "%pUl", &g);
	KT_EXPECT_EQ(guid_parse(s, &gback), 0);
	KT_EXPECT(guid_equal(&g, &gback));
	KT_EXPECT_EQ(uuid_parse("00112233-4455-6677-8899-aabbccddeefg", &back), -EINVAL);
	KT_EXPECT(!uuid_is_valid("00112233+4455-6677-8899-aabbccddeeff"));
	memset(&back, 0, sizeof(back));
	KT_EXPECT(uuid_is_null(&back));
}

/* ---- capabilities, user copies, tracepoints, ioctl ---------------------------- */

KTEST(capability_checks)
{
	KT_EXPECT(capable(CAP_SYS_ADMIN));
	KT_EXPECT(ns_capable(NULL, CAP_CHOWN));
	KT_EXPECT(capable_wrt_inode_uidgid(NULL, NULL, CAP_FOWNER));
	kshim_capability_set_granted(false);
	KT_EXPECT(!capable(CAP_SYS_RESOURCE));
	KT_EXPECT(!has_capability(NULL, CAP_SYS_ADMIN));
	kshim_capability_set_granted(true);
	KT_EXPECT(capable(CAP_LINUX_IMMUTABLE));
}

KTEST(uaccess_copies)
{
	char src[16] = "hello", dst[16];
	int val = 0, in = 42;
	char __user *usrc = (char __user *)src;

	KT_EXPECT_EQ(copy_from_user(dst, usrc, 6), 0);
	KT_EXPECT_STREQ(dst, "hello");
	KT_EXPECT_EQ(copy_to_user((void __user *)dst, "bye", 4), 0);
	KT_EXPECT_STREQ(dst, "bye");
	KT_EXPECT_EQ(get_user(val, (int __user *)&in), 0);
	KT_EXPECT_EQ(val, 42);
	KT_EXPECT_EQ(put_user(7, (int __user *)&val), 0);
	KT_EXPECT_EQ(val, 7);
	KT_EXPECT_EQ(clear_user((void __user *)dst, 4), 0);
	KT_EXPECT(!memchr_inv(dst, 0, 4));
	/* strncpy_from_user: the length, or count when unterminated */
	KT_EXPECT_EQ(strncpy_from_user(dst, usrc, sizeof(dst)), 5);
	KT_EXPECT_STREQ(dst, "hello");
	memset(dst, 'x', sizeof(dst));
	KT_EXPECT_EQ(strncpy_from_user(dst, usrc, 3), 3);
	KT_EXPECT_EQ(dst[3], 'x');
	KT_EXPECT_EQ(strnlen_user(usrc, sizeof(src)), 6);
	KT_EXPECT(access_ok(usrc, 5));
	KT_EXPECT(user_access_begin(usrc, 5));
	user_access_end();
}

TRACE_DEFINE_ENUM(KSHIM_TEST_ENUM);
DECLARE_EVENT_CLASS(kshim_test_class,
	TP_PROTO(int a, const char *b),
	TP_ARGS(a, b),
	TP_STRUCT__entry(
		__field(int, a)
		__string(b, b)
	),
	TP_fast_assign(
		__entry->a = a;
		__assign_str(b);
	),
	TP_printk("a=%d b=%s", __entry->a, __get_str(b))
);
DEFINE_EVENT(kshim_test_class, kshim_test_event,
	TP_PROTO(int a, const char *b),
	TP_ARGS(a, b));
TRACE_EVENT(kshim_test_single,
	TP_PROTO(unsigned long x),
	TP_ARGS(x),
	TP_STRUCT__entry(__field(unsigned long, x)),
	TP_fast_assign(__entry->x = x;),
	TP_printk("x=%lu", __entry->x)
);

KTEST(tracepoints_compile_away)
{
	trace_kshim_test_event(1, "x");
	trace_kshim_test_single(2);
	KT_EXPECT(!trace_kshim_test_event_enabled());
	KT_EXPECT(!trace_kshim_test_single_enabled());
	KT_EXPECT_EQ(register_trace_kshim_test_single(NULL, NULL), -ENOSYS);
}

KTEST(ioctl_numbers)
{
	/* FS_IOC_GETFLAGS and FS_IOC_SETFLAGS as userspace sees them */
	KT_EXPECT_EQ(_IOR('f', 1, long), 0x80086601);
	KT_EXPECT_EQ(_IOW('f', 2, long), 0x40086602);
	KT_EXPECT_EQ(_IO(0x12, 95), 0x125f);
	KT_EXPECT_EQ(_IOWR('X', 119, int), 0xc0045877);
	KT_EXPECT_EQ(_IOC_SIZE(_IOR('f', 1, long)), 8);
	KT_EXPECT_EQ(_IOC_DIR(_IOR('f', 1, long)), _IOC_READ);
	KT_EXPECT_EQ(_IOC_TYPE(_IOR('f', 1, long)), 'f');
	KT_EXPECT_EQ(_IOC_NR(_IOR('f', 9, long)), 9);
}

/* ---- mount option parsing and allocating helpers ------------------------------ */

enum { Opt_bsize, Opt_errors, Opt_uid, Opt_mode, Opt_flag, Opt_name, Opt_err };

static const match_table_t tokens = {
	{ Opt_bsize, "bsize=%u" },
	{ Opt_errors, "errors=%s" },
	{ Opt_uid, "uid=%d" },
	{ Opt_mode, "mode=%o" },
	{ Opt_flag, "nocheck" },
	{ Opt_name, "n%2s" },
	{ Opt_err, NULL },
};

KTEST(parser_match_token)
{
	substring_t args[MAX_OPT_ARGS];
	char opt[32], buf[8];
	unsigned int u;
	int v;
	u64 big;
	char *dup;

	strscpy(opt, "bsize=4096");
	KT_ASSERT_EQ(match_token(opt, tokens, args), Opt_bsize);
	KT_EXPECT_EQ(match_uint(&args[0], &u), 0);
	KT_EXPECT_EQ(u, 4096);
	KT_EXPECT_EQ(match_u64(&args[0], &big), 0);
	strscpy(opt, "errors=remount-ro");
	KT_ASSERT_EQ(match_token(opt, tokens, args), Opt_errors);
	KT_EXPECT_EQ(match_strlcpy(buf, &args[0], sizeof(buf)), 10);
	KT_EXPECT_STREQ(buf, "remount");
	dup = match_strdup(&args[0]);
	KT_ASSERT(dup);
	KT_EXPECT_STREQ(dup, "remount-ro");
	kfree(dup);
	strscpy(opt, "uid=-5");
	KT_ASSERT_EQ(match_token(opt, tokens, args), Opt_uid);
	KT_EXPECT_EQ(match_int(&args[0], &v), 0);
	KT_EXPECT_EQ(v, -5);
	strscpy(opt, "mode=0755");
	KT_ASSERT_EQ(match_token(opt, tokens, args), Opt_mode);
	KT_EXPECT_EQ(match_octal(&args[0], &v), 0);
	KT_EXPECT_EQ(v, 0755);
	strscpy(opt, "nocheck");
	KT_EXPECT_EQ(match_token(opt, tokens, args), Opt_flag);
	/* whole-string matches only; missing numbers and extra text fail */
	strscpy(opt, "nocheckx");
	KT_EXPECT_EQ(match_token(opt, tokens, args), Opt_err);
	strscpy(opt, "bsize=");
	KT_EXPECT_EQ(match_token(opt, tokens, args), Opt_err);
	strscpy(opt, "bsize=12k");
	KT_EXPECT_EQ(match_token(opt, tokens, args), Opt_err);
	strscpy(opt, "errors=");
	KT_EXPECT_EQ(match_token(opt, tokens, args), Opt_err);
	/* %2s takes at most two characters, the rest must match literally */
	strscpy(opt, "nab");
	KT_EXPECT_EQ(match_token(opt, tokens, args), Opt_name);
	strscpy(opt, "nabc");
	KT_EXPECT_EQ(match_token(opt, tokens, args), Opt_err);
	strscpy(opt, "uid=99999999999");
	KT_ASSERT_EQ(match_token(opt, tokens, args), Opt_uid);
	KT_EXPECT_EQ(match_int(&args[0], &v), -ERANGE);
	KT_EXPECT(match_wildcard("ext*", "ext2"));
	KT_EXPECT(match_wildcard("e?t*2", "ext2"));
	KT_EXPECT(match_wildcard("*", ""));
	KT_EXPECT(!match_wildcard("ext?", "ext"));
	KT_EXPECT(match_wildcard("*a*b", "xxaxxb"));
	KT_EXPECT(!match_wildcard("*a*b", "xxaxxbc"));
}

KTEST(kasprintf_and_bitmap_alloc)
{
	unsigned long *map;
	char *s;

	s = kasprintf(GFP_KERNEL, "%s-%d-%pe", "dev", 7, ERR_PTR(-EIO));
	KT_ASSERT(s);
	KT_EXPECT_STREQ(s, "dev-7--EIO");
	kfree(s);
	s = kasprintf(GFP_KERNEL, "%s", "");
	KT_ASSERT(s);
	KT_EXPECT_STREQ(s, "");
	kfree(s);
	map = bitmap_zalloc(1000, GFP_KERNEL);
	KT_ASSERT(map);
	KT_EXPECT(bitmap_empty(map, 1000));
	bitmap_set(map, 990, 10);
	KT_EXPECT_EQ(bitmap_weight(map, 1000), 10);
	bitmap_free(map);
}
