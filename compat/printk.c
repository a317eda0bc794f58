// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk (kernel/printk/printk.c): format, strip the level prefix, drop
 * messages above the console level, and write each message to standard
 * error in one write(2), prefixed with the program name, so that lines of
 * concurrent threads never interleave.  A message without a trailing
 * newline gets one, except KERN_CONT continuations.
 */
#include <linux/kernel.h>
#include <linux/ratelimit_types.h>
#include <kshim/host.h>

int kshim_console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static char printk_prefix[64] = "kshim";

void kshim_printk_set_prefix(const char *prefix)
{
	const char *slash = prefix;
	const char *p;

	for (p = prefix; *p; p++)
		if (*p == '/')
			slash = p + 1;
	snprintf(printk_prefix, sizeof(printk_prefix), "%s", slash);
}

int printk_get_level(const char *buffer)
{
	if (buffer[0] == KERN_SOH_ASCII && buffer[1]) {
		switch (buffer[1]) {
		case '0' ... '7':
		case 'c':
			return buffer[1];
		}
	}
	return 0;
}

const char *printk_skip_level(const char *buffer)
{
	if (printk_get_level(buffer))
		return buffer + 2;
	return buffer;
}

const char *printk_skip_headers(const char *buffer)
{
	while (printk_get_level(buffer))
		buffer = printk_skip_level(buffer);
	return buffer;
}

static int console_level(void)
{
	static int cached = -1;
	const char *env;

	if (cached >= 0)
		return cached;
	env = kshim_host_getenv("KSHIM_LOGLEVEL");
	if (env && env[0] >= '0' && env[0] <= '9')
		kshim_console_loglevel = env[0] - '0';
	cached = 1;
	return kshim_console_loglevel;
}

int vprintk(const char *fmt, va_list args)
{
	char msg[1024];
	char line[1100];
	const char *text;
	int level = LOGLEVEL_DEFAULT;
	bool cont = false;
	int n, len;

	n = vscnprintf(msg, sizeof(msg), fmt, args);
	text = msg;
	while (printk_get_level(text)) {
		int c = printk_get_level(text);

		if (c == 'c')
			cont = true;
		else
			level = c - '0';
		text += 2;
	}
	if (level == LOGLEVEL_DEFAULT)
		level = MESSAGE_LOGLEVEL_DEFAULT;
	console_level();
	if (level >= kshim_console_loglevel)
		return n;
	if (cont)
		len = scnprintf(line, sizeof(line), "%s", text);
	else
		len = scnprintf(line, sizeof(line), "%s: %s", printk_prefix,
				text);
	if (len > 0 && line[len - 1] != '\n' && !cont &&
	    len + 1 < (int)sizeof(line)) {
		line[len++] = '\n';
		line[len] = '\0';
	}
	kshim_host_write(2, line, len);
	return n;
}

int _printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

void dump_stack_lvl(const char *log_lvl)
{
	kshim_host_backtrace(2);
}

void dump_stack(void)
{
	kshim_host_backtrace(2);
}

int __printk_ratelimit(const char *func)
{
	static DEFINE_RATELIMIT_STATE(printk_ratelimit_state,
				      DEFAULT_RATELIMIT_INTERVAL,
				      DEFAULT_RATELIMIT_BURST);

	return ___ratelimit(&printk_ratelimit_state, func);
}
