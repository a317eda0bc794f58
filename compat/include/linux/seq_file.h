/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * struct seq_file: an output buffer that ->show_options and friends print
 * into.  seq_printf/seq_puts/seq_putc append; when the buffer is full the
 * overflow is recorded (count == size) and the caller retries with a
 * larger buffer, as in the kernel.  Out of line (VFS).
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/stdarg.h>

struct dentry;
struct file;
struct inode;
struct path;
struct seq_operations;

struct seq_file {
	char *buf;
	size_t size;
	size_t from;
	size_t count;
	size_t pad_until;
	loff_t index;
	loff_t read_pos;
	struct mutex lock;
	const struct seq_operations *op;
	int poll_event;
	const struct file *file;
	void *private;
};

struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

__printf(2, 0)
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
__printf(2, 3)
void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_putc(struct seq_file *m, char c);
void seq_puts(struct seq_file *m, const char *s);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_escape(struct seq_file *m, const char *s, const char *esc);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter,
			 unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter,
			long long num);

/* ",name" or ",name=value" with the separators of mount options escaped */
static inline void seq_show_option(struct seq_file *m, const char *name,
				   const char *value)
{
	seq_putc(m, ',');
	seq_escape(m, name, ",= \t\n\\");
	if (value) {
		seq_putc(m, '=');
		seq_escape(m, value, ", \t\n\\");
	}
}

#define seq_show_option_n(m, name, value, length)                           \
	do {                                                                \
		char val_buf[length + 1];                                   \
		memcpy(val_buf, value, length);                             \
		val_buf[length] = '\0';                                     \
		seq_show_option(m, name, val_buf);                          \
	} while (0)

#endif /* _LINUX_SEQ_FILE_H */
