// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host-world runner of kernel-world unit tests (TAP for meson).
 *
 * Each case runs in a forked child, before any thread exists, with its own
 * kshim_runtime_init(), a time limit (KSHIM_TEST_TIMEOUT seconds, default
 * 120, or the case's own) and a shared page for its verdict: a crash, a
 * BUG() or a hang fails that case and the run goes on.  Usage:
 *   test-foo [-l] [CASE...]     -l lists the cases; CASE filters by name
 * The last line is "# N passed, M failed" (", K skipped").
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <kshim/runtime.h>
#include "ktest-case.h"

extern const struct ktest_case __start_ktest_cases[] __attribute__((weak));
extern const struct ktest_case __stop_ktest_cases[] __attribute__((weak));
extern unsigned long long ktest_start_ns;

static int selected(const struct ktest_case *c, int argc, char **argv)
{
	int i;

	if (argc <= 1)
		return 1;
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], c->name))
			return 1;
	return 0;
}

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

int ktest_run_in_child(void (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		fn();
		_exit(0);
	}
	while (waitpid(pid, &status, 0) < 0)
		;
	if (WIFSIGNALED(status))
		return WTERMSIG(status);
	return 256 + WEXITSTATUS(status);
}

static char scratch_dir[256];

int ktest_shell(const char *cmd)
{
	int status;

	fflush(stdout);
	fflush(stderr);
	status = system(cmd);
	if (status < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

const char *ktest_scratch_dir(void)
{
	return scratch_dir;
}

static void make_scratch_dir(void)
{
	const char *base = getenv("TMPDIR");

	snprintf(scratch_dir, sizeof(scratch_dir), "%s/ktest-XXXXXX",
		 base && *base ? base : "/tmp");
	if (!mkdtemp(scratch_dir))
		scratch_dir[0] = '\0';
}

static void remove_scratch_dir(void)
{
	char cmd[300];

	if (!scratch_dir[0])
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", scratch_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", scratch_dir);
	scratch_dir[0] = '\0';
}

int main(int argc, char **argv)
{
	const struct ktest_case *c;
	const char *env = getenv("KSHIM_TEST_TIMEOUT");
	int require_all = getenv("KSHIM_REQUIRE_ALL") &&
			  strcmp(getenv("KSHIM_REQUIRE_ALL"), "0");
	long default_timeout = env ? atol(env) : 120;
	int total = 0, n = 0, passed = 0, failed = 0, skipped = 0;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		for (c = __start_ktest_cases; c < __stop_ktest_cases; c++)
			printf("%s\n", c->name);
		return 0;
	}
	for (c = __start_ktest_cases; c < __stop_ktest_cases; c++)
		total += selected(c, argc, argv);
	printf("TAP version 13\n1..%d\n", total);
	fflush(stdout);

	ktest_result = mmap(NULL, sizeof(*ktest_result), PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (ktest_result == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	for (c = __start_ktest_cases; c < __stop_ktest_cases; c++) {
		long timeout = c->timeout_s ? c->timeout_s : default_timeout;
		unsigned long long t0;
		int status;
		pid_t pid;

		if (!selected(c, argc, argv))
			continue;
		n++;
		memset(ktest_result, 0, sizeof(*ktest_result));
		fflush(stdout);
		fflush(stderr);
		make_scratch_dir();
		t0 = now_ns();
		pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			int err;

			alarm(timeout);
			ktest_start_ns = now_ns();
			err = kshim_runtime_init(argv[0]);
			if (err) {
				printf("# kshim_runtime_init failed: %d\n", err);
				fflush(stdout);
				_exit(1);
			}
			c->fn();
			kshim_runtime_exit();
			fflush(stdout);
			exit(ktest_result->failures ? 1 : 0);
		}
		while (waitpid(pid, &status, 0) < 0)
			;
		remove_scratch_dir();
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
		    !ktest_result->failures) {
			printf("ok %d - %s (%.2f s)\n", n, c->name,
			       (now_ns() - t0) / 1e9);
			passed++;
		} else if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
			if (require_all) {
				printf("not ok %d - %s # skipped, but KSHIM_REQUIRE_ALL is set: %s\n",
				       n, c->name, ktest_result->reason);
				failed++;
			} else {
				printf("ok %d - %s # SKIP %s\n", n, c->name,
				       ktest_result->reason);
				skipped++;
			}
		} else {
			if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
				printf("# %s: no result after %ld s (hang?)\n",
				       c->name, timeout);
			else if (WIFSIGNALED(status))
				printf("# %s: killed by signal %d (%s)\n",
				       c->name, WTERMSIG(status),
				       strsignal(WTERMSIG(status)));
			printf("not ok %d - %s\n", n, c->name);
			failed++;
		}
		fflush(stdout);
	}
	printf("# %d passed, %d failed", passed, failed);
	if (skipped)
		printf(", %d skipped", skipped);
	printf("\n");
	return failed ? 1 : 0;
}
