/* SPDX-License-Identifier: GPL-2.0-only */
/* The FUSE request loop of the daemons (vfs-fuse/fuse-loop.c). */
#ifndef KSHIM_FUSE_LOOP_H
#define KSHIM_FUSE_LOOP_H

struct fuse_session;

#include <stdbool.h>

struct kshim_fuse_loop_opts {
	unsigned int max_workers;	/* threads=N */
	unsigned int spin_us;		/* spin=USEC: poll before sleeping */
	bool colocate;			/* colocate=1: serve a busy caller on its CPU */
	bool debug;			/* -d: statistics at the end */
};

/* Serve @se until it ends.  Returns 0, or a negative errno. */
int kshim_fuse_loop(struct fuse_session *se,
		    const struct kshim_fuse_loop_opts *opts);

#endif /* KSHIM_FUSE_LOOP_H */
