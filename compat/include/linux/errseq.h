/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * errseq_t: a sequence-counted error cookie (lib/errseq.c).  A writer
 * records an error with errseq_set(); each reader samples the cookie and
 * later learns, exactly once per reader, whether a new error was recorded
 * since its sample.  Out of line (the VFS implements them).
 */
#ifndef _LINUX_ERRSEQ_H
#define _LINUX_ERRSEQ_H

#include <linux/types.h>

typedef u32 errseq_t;

errseq_t errseq_set(errseq_t *eseq, int err);
errseq_t errseq_sample(errseq_t *eseq);
int errseq_check(errseq_t *eseq, errseq_t since);
int errseq_check_and_advance(errseq_t *eseq, errseq_t *since);

#endif /* _LINUX_ERRSEQ_H */
