// SPDX-License-Identifier: GPL-2.0-only
/*
 * errseq_t, the error cookie of lib/errseq.c: writeback records an error
 * in one 32-bit word (a mapping's wb_err, a super block's s_wb_err) and
 * every file that sampled the word earlier learns about it exactly once.
 *
 * Kernel guarantees kept:
 *  - errseq_set() never loses an error: the word always holds the most
 *    recent one, and it becomes a new event (counter moved) only when the
 *    previous error has been seen by somebody, so a burst of errors that
 *    nobody looked at yet is reported as one;
 *  - errseq_sample() of a word whose error nobody has seen yet returns 0,
 *    so a file opened after the failure still gets it on its first check;
 *  - errseq_check() reports without consuming; errseq_check_and_advance()
 *    reports once per cursor and marks the error seen for everybody;
 *  - all updates are lock-free (cmpxchg), usable from I/O completion.
 *
 * Word layout, low to high: the positive errno (12 bits, MAX_ERRNO fits),
 * the "seen" flag, then a wrapping event counter.
 */
#include <linux/kernel.h>
#include <linux/errseq.h>
#include <linux/err.h>
#include <linux/atomic.h>
#include <linux/bug.h>

#define ERRSEQ_ERRNO_BITS 12
#define ERRSEQ_ERRNO_FIELD ((1u << ERRSEQ_ERRNO_BITS) - 1)
#define ERRSEQ_SEEN_FLAG (1u << ERRSEQ_ERRNO_BITS)
#define ERRSEQ_ONE_EVENT (ERRSEQ_SEEN_FLAG << 1)

static_assert(MAX_ERRNO <= ERRSEQ_ERRNO_FIELD);

static inline int errseq_errno_of(errseq_t word)
{
	return -(int)(word & ERRSEQ_ERRNO_FIELD);
}

errseq_t errseq_set(errseq_t *eseq, int err)
{
	errseq_t seen_now = READ_ONCE(*eseq);

	if (WARN(err >= 0 || err < -MAX_ERRNO,
		 "errseq_set: %d is not an errno\n", err))
		return 0;

	for (;;) {
		errseq_t wanted = seen_now & ~(ERRSEQ_ERRNO_FIELD |
					       ERRSEQ_SEEN_FLAG);
		errseq_t raced;

		wanted |= (errseq_t)-err;
		/* an error somebody saw makes this one a new event */
		if (seen_now & ERRSEQ_SEEN_FLAG)
			wanted += ERRSEQ_ONE_EVENT;
		if (wanted == seen_now)
			return wanted;
		raced = cmpxchg(eseq, seen_now, wanted);
		/* another setter storing the very same word is as good */
		if (raced == seen_now || raced == wanted)
			return wanted;
		seen_now = raced;
	}
}

errseq_t errseq_sample(errseq_t *eseq)
{
	errseq_t word = READ_ONCE(*eseq);

	/* unseen error: sample "before" it, so this caller reports it */
	if (!(word & ERRSEQ_SEEN_FLAG))
		return 0;
	return word;
}

int errseq_check(errseq_t *eseq, errseq_t since)
{
	errseq_t word = READ_ONCE(*eseq);

	if (word == since)
		return 0;
	return errseq_errno_of(word);
}

int errseq_check_and_advance(errseq_t *eseq, errseq_t *since)
{
	errseq_t word = READ_ONCE(*eseq);
	errseq_t marked;

	if (word == *since)
		return 0;
	marked = word | ERRSEQ_SEEN_FLAG;
	/*
	 * Losing this race is fine: whoever changed the word either marked
	 * it seen too or stored a newer error, which our cursor (the old
	 * word, marked) still differs from, so it is reported next time.
	 */
	if (marked != word)
		cmpxchg(eseq, word, marked);
	*since = marked;
	return errseq_errno_of(marked);
}
