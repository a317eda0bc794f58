/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bridge to the libaio I/O engine of block devices (compat/host/aio.c).
 * Plain C types only: the kernel side (compat/bdev.c) turns bios into
 * kshim_aio_req and back.
 *
 * One kshim_aio_dev per opened image or device: an O_DIRECT descriptor
 * when the file system and the alignment allow it, a buffered one always
 * (the fallback for unaligned requests and for files that refuse
 * O_DIRECT), one io_context of queue_depth slots, and a completion loop
 * that a kernel-world thread runs.  Every request completes exactly once
 * through the done() callback given at open: asynchronous ones on the
 * completion thread, synchronous ones (flush, discard, zeroout, the
 * unaligned fallback) in the submitting thread before submit returns.
 */
#ifndef _KSHIM_HOST_AIO_H
#define _KSHIM_HOST_AIO_H

struct kshim_aio_dev;

/* same layout as struct iovec */
struct kshim_aio_iov {
	void *base;
	unsigned long len;
};

enum kshim_aio_op {
	KSHIM_AIO_READ,
	KSHIM_AIO_WRITE,
	KSHIM_AIO_FLUSH,		/* fdatasync */
	KSHIM_AIO_DISCARD,		/* punch a hole / BLKDISCARD */
	KSHIM_AIO_SECURE_ERASE,		/* BLKSECDISCARD, devices only */
	KSHIM_AIO_ZEROOUT,		/* zero, may deallocate */
	KSHIM_AIO_ZEROOUT_NOUNMAP,	/* zero, keep allocated */
};

#define KSHIM_AIO_F_PREFLUSH 1u		/* fdatasync before the write */
#define KSHIM_AIO_F_FUA 2u		/* durable when it completes */

struct kshim_aio_req {
	unsigned long host[12];		/* the iocb, host-private */
	void *cookie;			/* the submitter's (the bio) */
	long result;			/* bytes done or -errno, at completion */
	unsigned long long offset;	/* bytes */
	unsigned long long len;		/* bytes */
	struct kshim_aio_iov *iov;
	int iovcnt;
	int op;				/* enum kshim_aio_op */
	unsigned int flags;		/* KSHIM_AIO_F_* */
};

struct kshim_aio_info {
	unsigned long long size;	/* bytes, fixed for the device's life */
	unsigned int logical_block_size;
	unsigned int physical_block_size;
	unsigned int dio_offset_align;	/* 0: buffered only */
	unsigned int dio_mem_align;
	unsigned int queue_depth;
	unsigned int rdev_major, rdev_minor;	/* block devices */
	int is_blockdev;
	int read_only;
	int rotational;
	int discard;			/* punch hole / BLKDISCARD works */
};

struct kshim_aio_open_opts {
	unsigned int queue_depth;	/* 0: 128 */
	int buffered;			/* never O_DIRECT */
	void (*done)(struct kshim_aio_req *req);
};

struct kshim_aio_stats {
	unsigned long io_submit_calls;	/* io_submit() calls that took iocbs */
	unsigned long iocbs;		/* iocbs taken by the kernel */
	unsigned long max_batch;	/* largest single io_submit */
	unsigned long fdatasyncs;	/* flushes issued to the host */
	unsigned long sync_fallbacks;	/* requests done with pread/pwrite */
	unsigned long queue_full_waits;	/* waits for a free aio slot */
	unsigned long eagain_retries;	/* io_submit EAGAIN retries */
	unsigned long discards;		/* holes punched / BLKDISCARDs */
	unsigned long completions;	/* requests completed */
};

/* returns 0 or -errno; -EACCES if @write and the target is only readable */
int kshim_host_aio_open(const char *path, int write,
			const struct kshim_aio_open_opts *opts,
			struct kshim_aio_dev **devp, struct kshim_aio_info *info);
/*
 * Start @n requests in order.  A KSHIM_AIO_F_PREFLUSH request first waits
 * for an fdatasync of everything completed so far.  Never spins: when the
 * queue is full it sleeps until a completion frees a slot.
 */
void kshim_host_aio_submit(struct kshim_aio_dev *dev,
			   struct kshim_aio_req **reqs, int n);
/* the completion loop: returns after kshim_host_aio_shutdown() */
void kshim_host_aio_run_completions(struct kshim_aio_dev *dev);
/* no request may be in flight; makes run_completions return */
void kshim_host_aio_shutdown(struct kshim_aio_dev *dev);
/* after the completion thread has been joined */
void kshim_host_aio_free(struct kshim_aio_dev *dev);
void kshim_host_aio_get_stats(struct kshim_aio_dev *dev,
			      struct kshim_aio_stats *st);

/* zeroed host memory, for the block layer's own structures */
void *kshim_host_aio_zalloc(unsigned long size);
void kshim_host_aio_free_mem(void *p);

/*
 * Host file helpers for tests and tools (paths are host paths).
 * All return 0 or -errno unless stated.
 */
/* a fresh directory under $KSHIM_TEST_DIR, /var/tmp or /tmp; NUL-ended */
int kshim_host_file_mkdtemp(char *buf, unsigned long size, const char *tag);
int kshim_host_file_create(const char *path, unsigned long long size, int mode);
long kshim_host_file_pread(const char *path, void *buf, unsigned long len,
			   unsigned long long off);
long kshim_host_file_pwrite(const char *path, const void *buf,
			    unsigned long len, unsigned long long off);
/* allocated 512-byte blocks (st_blocks) */
long long kshim_host_file_blocks(const char *path);
int kshim_host_file_remove(const char *path);	/* file or empty dir */
/* does the file system of @dir accept O_DIRECT? 1/0 */
int kshim_host_file_dir_supports_direct(const char *dir);
int kshim_host_file_is_root(void);

#endif /* _KSHIM_HOST_AIO_H */
