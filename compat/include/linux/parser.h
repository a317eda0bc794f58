/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Mount-option parsing (lib/parser.c).  match_token() returns the token of
 * the first pattern the whole string matches (the entry with a NULL
 * pattern ends the table and gives the "no match" token) and fills up to
 * MAX_OPT_ARGS substrings for %s %d %u %o %x; %<n>s takes at most n chars.
 * The match_* converters return 0, -EINVAL, -ERANGE or -ENOMEM.
 */
#ifndef _LINUX_PARSER_H
#define _LINUX_PARSER_H

#include <linux/types.h>

struct match_token {
	int token;
	const char *pattern;
};

typedef struct match_token match_table_t[];

enum { MAX_OPT_ARGS = 3 };

/* a part of the parsed string: [from, to) */
typedef struct {
	char *from;
	char *to;
} substring_t;

int match_token(char *s, const match_table_t table, substring_t args[]);
int match_int(substring_t *s, int *result);
int match_uint(substring_t *s, unsigned int *result);
int match_u64(substring_t *s, u64 *result);
int match_octal(substring_t *s, int *result);
int match_hex(substring_t *s, int *result);
bool match_wildcard(const char *pattern, const char *str);
size_t match_strlcpy(char *dest, const substring_t *src, size_t size);
char *match_strdup(const substring_t *s);

#endif /* _LINUX_PARSER_H */
