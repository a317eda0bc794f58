// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host side of the scheduler bridge (kshim/host-sched.h): task memory from
 * the C allocator, thread names and thread exit from pthreads.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kshim/host-sched.h>

void *kshim_host_sched_zalloc(unsigned long size)
{
	return calloc(1, size);
}

void kshim_host_sched_free(void *p)
{
	free(p);
}

void kshim_host_thread_getname(char *buf, unsigned long len)
{
	if (!len)
		return;
	if (pthread_getname_np(pthread_self(), buf, len))
		buf[0] = '\0';
	buf[len - 1] = '\0';
}

void kshim_host_thread_exit(void)
{
	pthread_exit(NULL);
}

int kshim_host_getpid(void)
{
	return (int)getpid();
}
