// SPDX-License-Identifier: GPL-2.0-only
/*
 * seq_file output (fs/seq_file.c), the part ->show_options and friends
 * use: appending to m->buf.  Kernel guarantee kept: output that does not
 * fit marks the buffer overflowed (count == size, seq_has_overflowed())
 * instead of being cut silently, so the caller can retry with a larger
 * buffer.  The iterator half (seq_read, seq_open) is not provided.
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>

static void seq_set_overflow(struct seq_file *m)
{
	m->count = m->size;
}

void seq_vprintf(struct seq_file *m, const char *f, va_list args)
{
	int len;

	if (m->count < m->size) {
		len = vsnprintf(m->buf + m->count, m->size - m->count, f, args);
		if (m->count + len < m->size) {
			m->count += len;
			return;
		}
	}
	seq_set_overflow(m);
}

void seq_printf(struct seq_file *m, const char *f, ...)
{
	va_list args;

	va_start(args, f);
	seq_vprintf(m, f, args);
	va_end(args);
}

void seq_putc(struct seq_file *m, char c)
{
	if (m->count >= m->size) {
		seq_set_overflow(m);
		return;
	}
	m->buf[m->count++] = c;
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
		return;
	}
	seq_set_overflow(m);
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

/* characters of @esc (and unprintable ones) become \ooo octal escapes */
void seq_escape(struct seq_file *m, const char *s, const char *esc)
{
	for (; *s; s++) {
		unsigned char c = *s;

		if (strchr(esc, c) || c < 0x20 || c >= 0x7f) {
			char oct[4] = {
				'\\', '0' + ((c >> 6) & 7),
				'0' + ((c >> 3) & 7), '0' + (c & 7),
			};

			seq_write(m, oct, sizeof(oct));
		} else {
			seq_putc(m, c);
		}
	}
}

void seq_put_decimal_ull(struct seq_file *m, const char *delimiter,
			 unsigned long long num)
{
	seq_printf(m, "%s%llu", delimiter ? delimiter : "", num);
}

void seq_put_decimal_ll(struct seq_file *m, const char *delimiter,
			long long num)
{
	seq_printf(m, "%s%lld", delimiter ? delimiter : "", num);
}
