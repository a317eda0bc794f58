/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One registered test case, shared by the kernel-world test files (which
 * register cases with KTEST()) and the host-world runner (which finds them
 * between __start_ktest_cases and __stop_ktest_cases).  Plain C only.
 */
#ifndef _KTEST_CASE_H
#define _KTEST_CASE_H

struct ktest_case {
	const char *name;
	void (*fn)(void);
	const char *file;
	long timeout_s; /* 0: the default */
};

/* shared with the runner: a failing or skipping child leaves a word here */
struct ktest_result {
	int failures;
	int skipped;
	char reason[256];
};

extern struct ktest_result *ktest_result;

/*
 * Run fn() in a forked child of the current case and wait for it: returns
 * the signal number that ended it, or 256 + its exit code.  For contracts
 * such as "BUG() ends the process".  Use before the case starts threads.
 */
int ktest_run_in_child(void (*fn)(void));

/*
 * Host services for cases that work on images (tests/write): run a shell
 * command, returning its exit status (-1 if it could not run), and a
 * scratch directory private to the case, created before it starts and
 * removed, with everything in it, when it ends.
 */
int ktest_shell(const char *cmd);
const char *ktest_scratch_dir(void);

#endif
