/* SPDX-License-Identifier: GPL-2.0-only */
/* Words for booleans in messages (include/linux/string_choices.h). */
#ifndef _LINUX_STRING_CHOICES_H_
#define _LINUX_STRING_CHOICES_H_

#include <linux/types.h>

static inline const char *str_yes_no(bool v)
{
	return v ? "yes" : "no";
}

static inline const char *str_on_off(bool v)
{
	return v ? "on" : "off";
}

static inline const char *str_true_false(bool v)
{
	return v ? "true" : "false";
}

static inline const char *str_enabled_disabled(bool v)
{
	return v ? "enabled" : "disabled";
}

static inline const char *str_read_write(bool v)
{
	return v ? "read" : "write";
}

static inline const char *str_plural(size_t num)
{
	return num == 1 ? "" : "s";
}

#define str_no_yes(v) str_yes_no(!(v))
#define str_off_on(v) str_on_off(!(v))
#define str_false_true(v) str_true_false(!(v))
#define str_disabled_enabled(v) str_enabled_disabled(!(v))
#define str_write_read(v) str_read_write(!(v))

#endif /* _LINUX_STRING_CHOICES_H_ */
