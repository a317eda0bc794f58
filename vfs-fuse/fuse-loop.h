/* SPDX-License-Identifier: GPL-2.0-only */
/* The FUSE request loop of the daemons (vfs-fuse/fuse-loop.c). */
#ifndef KSHIM_FUSE_LOOP_H
#define KSHIM_FUSE_LOOP_H

struct fuse_session;

/*
 * Serve @se until it ends with up to @max_workers threads, the turn
 * holder polling for @spin_us microseconds before it sleeps.  Returns 0,
 * or a negative errno.
 */
int kshim_fuse_loop(struct fuse_session *se, unsigned int max_workers,
		    unsigned int spin_us);

#endif /* KSHIM_FUSE_LOOP_H */
