// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host side of block devices: the image or device descriptors, the libaio
 * context and its completion loop, the synchronous operations (flush,
 * discard, zeroout, the unaligned fallback), and file helpers for tests.
 * The contract is in kshim/host-aio.h; the kernel side is compat/bdev.c.
 *
 * Reads and writes take different paths.  Aligned reads go through aio on
 * the O_DIRECT descriptor (no second copy of the image in the host's page
 * cache, real asynchrony).  Writes are written with pwritev on the buffered
 * descriptor by the submitting thread and completed there, as the kernel's
 * loop driver writes to its backing file (and as brd or null_blk complete
 * bios inside submit_bio): a write completes once the host holds it, and
 * only a flush (PREFLUSH, a flush request, FUA) waits for the medium.
 * aio would buy nothing for them (the host does a buffered aio write inside
 * io_submit) but two thread switches per write through the completion
 * thread.  That is the volatile write cache the
 * queue limits announce, so every durability point of the file systems
 * (fsync, sync, unmount) still ends in fdatasync; what it saves is a device
 * round trip per metadata write the drivers wait for (ext2 writes and
 * waits for the directory block and inode of every directory change).
 * Linux keeps the two descriptors coherent: a direct read first writes
 * back dirty cached pages of its range.  Reads whose offset, length or
 * buffers miss the O_DIRECT alignment are done with preadv on the buffered
 * descriptor in the submitting thread too.  fdatasync on either descriptor
 * covers the inode, so a flush covers both paths; shutting down a device
 * written since its last flush flushes it once more, the way a disk
 * writes its cache back before it goes away: an unmounted image is on
 * stable storage, not only in the host's page cache.
 */
#include <errno.h>
#include <fcntl.h>
#include <libaio.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include <linux/falloc.h>
#include <linux/fs.h>

#include <kshim/host.h>
#include <kshim/host-aio.h>

#define KSHIM_AIO_DEFAULT_DEPTH 128
#define KSHIM_AIO_BATCH 64
#define KSHIM_AIO_IOV_MAX 1024

_Static_assert(sizeof(struct iocb) <= sizeof(((struct kshim_aio_req *)0)->host),
	       "kshim_aio_req.host must hold a struct iocb");
_Static_assert(sizeof(struct kshim_aio_iov) == sizeof(struct iovec) &&
	       __builtin_offsetof(struct kshim_aio_iov, len) ==
	       __builtin_offsetof(struct iovec, iov_len),
	       "kshim_aio_iov must be laid out like struct iovec");

struct kshim_aio_dev {
	int fd_direct;			/* -1 when O_DIRECT is not used */
	int fd_buf;
	int is_blockdev;
	unsigned int dio_off_align;
	unsigned int dio_mem_align;
	io_context_t ctx;		/* 0: no aio, everything synchronous */
	unsigned int depth;
	void (*done)(struct kshim_aio_req *req);

	pthread_mutex_t lock;
	pthread_cond_t cond;		/* a slot freed, or shutdown */
	unsigned int inflight;
	int stopping;
	int unflushed;			/* written since the last fdatasync */
	struct kshim_aio_stats st;	/* under lock */
};

/* set on completion threads: they must never wait for a free slot */
static __thread int in_completion;

static void stat_add(struct kshim_aio_dev *dev, unsigned long *field,
		     unsigned long n)
{
	pthread_mutex_lock(&dev->lock);
	*field += n;
	pthread_mutex_unlock(&dev->lock);
}

static int any_fd(struct kshim_aio_dev *dev)
{
	return dev->fd_direct >= 0 ? dev->fd_direct : dev->fd_buf;
}

static long do_fdatasync(struct kshim_aio_dev *dev)
{
	pthread_mutex_lock(&dev->lock);
	dev->st.fdatasyncs++;
	/* cleared first: a write racing with the flush sets it again */
	dev->unflushed = 0;
	pthread_mutex_unlock(&dev->lock);
	kshim_host_about_to_block();
	if (fdatasync(any_fd(dev)) < 0) {
		int e = errno;

		pthread_mutex_lock(&dev->lock);
		dev->unflushed = 1;
		pthread_mutex_unlock(&dev->lock);
		return -e;
	}
	return 0;
}

/* preadv/pwritev all of @req on the buffered descriptor */
static long sync_rw(struct kshim_aio_dev *dev, struct kshim_aio_req *req)
{
	int write = req->op == KSHIM_AIO_WRITE;
	unsigned long long off = req->offset;
	struct iovec v[64];
	unsigned long skip = 0;	/* bytes of iov[idx] already done */
	long total = 0;
	int idx = 0;

	pthread_mutex_lock(&dev->lock);
	dev->st.sync_fallbacks++;
	if (write)
		dev->unflushed = 1;
	pthread_mutex_unlock(&dev->lock);
	while (idx < req->iovcnt) {
		ssize_t r;
		int n;

		/* the next window of the vector, starting mid-iovec if need be */
		for (n = 0; n < 64 && idx + n < req->iovcnt; n++) {
			v[n].iov_base = req->iov[idx + n].base;
			v[n].iov_len = req->iov[idx + n].len;
		}
		v[0].iov_base = (char *)v[0].iov_base + skip;
		v[0].iov_len -= skip;
		r = write ? pwritev(dev->fd_buf, v, n, off) :
			    preadv(dev->fd_buf, v, n, off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -errno;
		if (r == 0)
			break;	/* end of file: a short transfer */
		total += r;
		off += r;
		r += skip;
		while (idx < req->iovcnt && (unsigned long)r >= req->iov[idx].len) {
			r -= req->iov[idx].len;
			idx++;
		}
		skip = r;
	}
	if (write && (req->flags & KSHIM_AIO_F_FUA)) {
		long e = do_fdatasync(dev);

		if (e)
			return e;
	}
	return total;
}

static long write_zeros(struct kshim_aio_dev *dev, unsigned long long off,
			unsigned long long len)
{
	static const char zeros[65536];

	while (len) {
		size_t n = len < sizeof(zeros) ? len : sizeof(zeros);
		ssize_t r = pwrite(dev->fd_buf, zeros, n, off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r < 0 ? -errno : -EIO;
		off += r;
		len -= r;
	}
	return 0;
}

static long do_range_op(struct kshim_aio_dev *dev, struct kshim_aio_req *req)
{
	unsigned long long range[2] = { req->offset, req->len };
	int mode;

	pthread_mutex_lock(&dev->lock);
	dev->unflushed = 1;	/* holes and zeroes are changes too */
	pthread_mutex_unlock(&dev->lock);

	if (dev->is_blockdev) {
		unsigned long cmd;

		switch (req->op) {
		case KSHIM_AIO_DISCARD:
			cmd = BLKDISCARD;
			break;
		case KSHIM_AIO_SECURE_ERASE:
			cmd = BLKSECDISCARD;
			break;
		default:
			cmd = BLKZEROOUT;
			break;
		}
		if (ioctl(dev->fd_buf, cmd, range) < 0)
			return errno == ENOTTY ? -EOPNOTSUPP : -errno;
		if (req->op == KSHIM_AIO_DISCARD)
			stat_add(dev, &dev->st.discards, 1);
		return 0;
	}
	switch (req->op) {
	case KSHIM_AIO_SECURE_ERASE:
		return -EOPNOTSUPP;
	case KSHIM_AIO_ZEROOUT_NOUNMAP:
		mode = FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE;
		break;
	default:
		mode = FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE;
		break;
	}
	if (fallocate(dev->fd_buf, mode, req->offset, req->len) == 0) {
		if (req->op == KSHIM_AIO_DISCARD)
			stat_add(dev, &dev->st.discards, 1);
		return 0;
	}
	if (errno != EOPNOTSUPP)
		return -errno;
	if (req->op == KSHIM_AIO_DISCARD)
		return -EOPNOTSUPP;
	return write_zeros(dev, req->offset, req->len);
}

/* run @req in this thread and complete it */
static void run_sync(struct kshim_aio_dev *dev, struct kshim_aio_req *req)
{
	switch (req->op) {
	case KSHIM_AIO_READ:
	case KSHIM_AIO_WRITE:
		req->result = sync_rw(dev, req);
		break;
	case KSHIM_AIO_FLUSH:
		req->result = do_fdatasync(dev);
		break;
	default:
		req->result = do_range_op(dev, req);
		break;
	}
	stat_add(dev, &dev->st.completions, 1);
	dev->done(req);
}

/*
 * Writes that continue each other on the device go out as one pwritev:
 * the plug hands over a page-sized bio per folio of a streaming write
 * (block_write_full_folio), and a system call per page cost more than
 * the copy.  The requests still complete one by one, in order, after all
 * of the run is written (and flushed when one of them is FUA).
 */
#define KSHIM_WRITE_RUN_IOVS 256

/* how many of @reqs[0..@n) form a run of contiguous plain writes */
static int write_run_length(struct kshim_aio_req **reqs, int n)
{
	unsigned long long next = reqs[0]->offset + reqs[0]->len;
	int iovs = reqs[0]->iovcnt, k;

	if (reqs[0]->flags & KSHIM_AIO_F_FUA)
		return 1;
	for (k = 1; k < n; k++) {
		struct kshim_aio_req *r = reqs[k];

		if (r->op != KSHIM_AIO_WRITE || r->offset != next ||
		    (r->flags & KSHIM_AIO_F_PREFLUSH) || r->iovcnt <= 0 ||
		    iovs + r->iovcnt > KSHIM_WRITE_RUN_IOVS)
			break;
		iovs += r->iovcnt;
		next += r->len;
		if (r->flags & KSHIM_AIO_F_FUA)
			return k + 1;	/* the flush ends the run */
	}
	return k;
}

/*
 * Write @reqs[0..@n) (a write_run_length() run, n > 1) with one vector
 * and complete them.  Anything short of a whole, successful transfer is
 * redone request by request, so each gets its own exact result.
 */
static void run_write_run(struct kshim_aio_dev *dev,
			  struct kshim_aio_req **reqs, int n)
{
	struct iovec v[KSHIM_WRITE_RUN_IOVS];
	unsigned long long off = reqs[0]->offset, want = 0;
	struct iovec *cur = v;
	bool fua = false;
	long done = 0;
	int cnt = 0, i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < reqs[i]->iovcnt; j++) {
			v[cnt].iov_base = reqs[i]->iov[j].base;
			v[cnt].iov_len = reqs[i]->iov[j].len;
			cnt++;
		}
		want += reqs[i]->len;
		fua |= !!(reqs[i]->flags & KSHIM_AIO_F_FUA);
	}
	pthread_mutex_lock(&dev->lock);
	dev->st.sync_fallbacks += n;
	dev->unflushed = 1;
	pthread_mutex_unlock(&dev->lock);
	while ((unsigned long long)done < want) {
		ssize_t r = pwritev(dev->fd_buf, cur, cnt, off + done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		done += r;
		/* step over what was written, maybe into the middle of one */
		while (cnt && (size_t)r >= cur->iov_len) {
			r -= cur->iov_len;
			cur++;
			cnt--;
		}
		if (cnt) {
			cur->iov_base = (char *)cur->iov_base + r;
			cur->iov_len -= r;
		}
	}
	if ((unsigned long long)done < want || (fua && do_fdatasync(dev))) {
		for (i = 0; i < n; i++)
			run_sync(dev, reqs[i]);
		return;
	}
	stat_add(dev, &dev->st.completions, n);
	for (i = 0; i < n; i++) {
		reqs[i]->result = reqs[i]->len;
		dev->done(reqs[i]);
	}
}

static int aligned(unsigned long long v, unsigned int align)
{
	return !(v & (align - 1));
}

/*
 * Which descriptor aio may use for @req, or -1 for the synchronous path:
 * every write (see the top of the file), and reads aio cannot take.
 */
static int aio_fd(struct kshim_aio_dev *dev, struct kshim_aio_req *req)
{
	int i;

	if (req->op == KSHIM_AIO_WRITE)
		return -1;
	if (!dev->ctx || req->iovcnt > KSHIM_AIO_IOV_MAX || req->iovcnt <= 0)
		return -1;
	if (dev->fd_direct < 0)
		return dev->fd_buf;
	if (!aligned(req->offset, dev->dio_off_align) ||
	    !aligned(req->len, dev->dio_off_align))
		return -1;
	for (i = 0; i < req->iovcnt; i++)
		if (!aligned((unsigned long)req->iov[i].base, dev->dio_mem_align) ||
		    !aligned(req->iov[i].len, dev->dio_off_align))
			return -1;
	return dev->fd_direct;
}

static void release_slots(struct kshim_aio_dev *dev, unsigned int n)
{
	pthread_mutex_lock(&dev->lock);
	dev->inflight -= n;
	pthread_cond_broadcast(&dev->cond);
	pthread_mutex_unlock(&dev->lock);
}

/* hand @n prepared iocbs to the kernel, waiting (never spinning) for room */
static void submit_iocbs(struct kshim_aio_dev *dev, struct iocb **cbs, int n)
{
	int i = 0;

	while (i < n) {
		unsigned int k;
		int r;

		pthread_mutex_lock(&dev->lock);
		if (dev->inflight >= dev->depth && in_completion) {
			/* the thread that frees slots cannot wait for one */
			pthread_mutex_unlock(&dev->lock);
			run_sync(dev, cbs[i]->data);
			i++;
			continue;
		}
		while (dev->inflight >= dev->depth) {
			dev->st.queue_full_waits++;
			pthread_cond_wait(&dev->cond, &dev->lock);
		}
		k = dev->depth - dev->inflight;
		if (k > (unsigned int)(n - i))
			k = n - i;
		dev->inflight += k;
		pthread_mutex_unlock(&dev->lock);

		r = io_submit(dev->ctx, k, cbs + i);
		if (r > 0) {
			pthread_mutex_lock(&dev->lock);
			dev->st.io_submit_calls++;
			dev->st.iocbs += r;
			if ((unsigned long)r > dev->st.max_batch)
				dev->st.max_batch = r;
			pthread_mutex_unlock(&dev->lock);
			if ((unsigned int)r < k)
				release_slots(dev, k - r);
			i += r;
			continue;
		}
		release_slots(dev, k);
		if (r == -EAGAIN || r == 0) {
			struct timespec ts = { 0, 1000000 };

			/* out of kernel aio resources: wait for completions */
			pthread_mutex_lock(&dev->lock);
			dev->st.eagain_retries++;
			if (dev->inflight && !in_completion) {
				pthread_cond_wait(&dev->cond, &dev->lock);
				pthread_mutex_unlock(&dev->lock);
				continue;
			}
			pthread_mutex_unlock(&dev->lock);
			if (in_completion) {
				run_sync(dev, cbs[i]->data);
				i++;
				continue;
			}
			nanosleep(&ts, NULL);
			continue;
		}
		/* this iocb is refused (e.g. RWF_DSYNC unsupported): do it here */
		run_sync(dev, cbs[i]->data);
		i++;
	}
}

void kshim_host_aio_submit(struct kshim_aio_dev *dev,
			   struct kshim_aio_req **reqs, int n)
{
	struct iocb *batch[KSHIM_AIO_BATCH];
	int nb = 0, i;

	for (i = 0; i < n; i++) {
		struct kshim_aio_req *req = reqs[i];
		struct iocb *cb = (struct iocb *)req->host;
		int fd;

		/*
		 * Publish the request (and the bio behind it) to the completion
		 * thread: the kernel's io_submit/io_getevents order them too,
		 * but thread sanitizers only see this release/acquire pair.
		 */
		__atomic_store_n(&req->result, 0, __ATOMIC_RELEASE);
		if (req->flags & KSHIM_AIO_F_PREFLUSH) {
			long e = do_fdatasync(dev);

			if (e) {
				req->result = e;
				stat_add(dev, &dev->st.completions, 1);
				dev->done(req);
				continue;
			}
		}
		if (req->op != KSHIM_AIO_READ && req->op != KSHIM_AIO_WRITE) {
			run_sync(dev, req);
			continue;
		}
		if (req->op == KSHIM_AIO_WRITE && req->iovcnt > 0 &&
		    req->iovcnt <= KSHIM_WRITE_RUN_IOVS) {
			int k = write_run_length(reqs + i, n - i);

			if (k > 1) {
				/* the rest of the run is published as we go */
				for (int m = 1; m < k; m++)
					__atomic_store_n(&reqs[i + m]->result, 0,
							 __ATOMIC_RELEASE);
				run_write_run(dev, reqs + i, k);
				i += k - 1;
				continue;
			}
		}
		fd = aio_fd(dev, req);
		if (fd < 0) {
			run_sync(dev, req);
			continue;
		}
		if (req->op == KSHIM_AIO_READ)
			io_prep_preadv(cb, fd, (struct iovec *)req->iov,
				       req->iovcnt, req->offset);
		else
			io_prep_pwritev2(cb, fd, (struct iovec *)req->iov,
					 req->iovcnt, req->offset,
					 (req->flags & KSHIM_AIO_F_FUA) ? RWF_DSYNC : 0);
		cb->data = req;
		batch[nb++] = cb;
		if (nb == KSHIM_AIO_BATCH) {
			submit_iocbs(dev, batch, nb);
			nb = 0;
		}
	}
	if (nb)
		submit_iocbs(dev, batch, nb);
}

void kshim_host_aio_run_completions(struct kshim_aio_dev *dev)
{
	struct io_event ev[KSHIM_AIO_BATCH];

	in_completion = 1;
	if (!dev->ctx) {
		pthread_mutex_lock(&dev->lock);
		while (!dev->stopping)
			pthread_cond_wait(&dev->cond, &dev->lock);
		pthread_mutex_unlock(&dev->lock);
		return;
	}
	for (;;) {
		/* the raw call: libaio's wrapper reads the ring, gone after io_destroy */
		long r = syscall(SYS_io_getevents, dev->ctx, 1L,
				 (long)KSHIM_AIO_BATCH, ev, NULL);
		long i;

		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;	/* EINVAL once the context is destroyed */
		}
		for (i = 0; i < r; i++) {
			struct kshim_aio_req *req = ev[i].data;

			(void)__atomic_load_n(&req->result, __ATOMIC_ACQUIRE);
			req->result = (long)ev[i].res;
		}
		pthread_mutex_lock(&dev->lock);
		dev->inflight -= r;
		dev->st.completions += r;
		pthread_cond_broadcast(&dev->cond);
		pthread_mutex_unlock(&dev->lock);
		for (i = 0; i < r; i++)
			dev->done(ev[i].data);
	}
}

static void *destroy_context(void *arg)
{
	io_destroy(*(io_context_t *)arg);
	return NULL;
}

void kshim_host_aio_shutdown(struct kshim_aio_dev *dev)
{
	pthread_t destroyer;
	int unflushed, destroying = 0;

	pthread_mutex_lock(&dev->lock);
	unflushed = dev->unflushed;
	pthread_mutex_unlock(&dev->lock);
	/*
	 * Nothing is in flight any more.  io_destroy() waits for a grace
	 * period of the host's RCU (25-45 ms measured on the development
	 * VM, at every unmount): let it wait while the flush waits for the
	 * disk.  The completion thread leaves once the context is gone.
	 */
	if (dev->ctx && unflushed)
		destroying = !pthread_create(&destroyer, NULL, destroy_context,
					     &dev->ctx);
	/* no one is left to hear of a failure: the data is still written */
	if (unflushed && do_fdatasync(dev))
		fprintf(stderr, "kshim: flushing the image at close failed\n");
	pthread_mutex_lock(&dev->lock);
	dev->stopping = 1;
	pthread_cond_broadcast(&dev->cond);
	pthread_mutex_unlock(&dev->lock);
	if (destroying)
		pthread_join(destroyer, NULL);
	else if (dev->ctx)
		io_destroy(dev->ctx);
}

void kshim_host_aio_free(struct kshim_aio_dev *dev)
{
	if (dev->fd_direct >= 0)
		close(dev->fd_direct);
	close(dev->fd_buf);
	pthread_mutex_destroy(&dev->lock);
	pthread_cond_destroy(&dev->cond);
	free(dev);
}

void kshim_host_aio_get_stats(struct kshim_aio_dev *dev,
			      struct kshim_aio_stats *st)
{
	pthread_mutex_lock(&dev->lock);
	*st = dev->st;
	pthread_mutex_unlock(&dev->lock);
}

/* can @fd do O_DIRECT reads at @align?  A test read decides. */
static int probe_direct(int fd, unsigned long long size, unsigned int align)
{
	void *buf;
	ssize_t r;

	if (posix_memalign(&buf, 4096, 4096))
		return 0;
	r = pread(fd, buf, size >= align ? align : 0, 0);
	if (r >= 0 && size >= 2ULL * align && align < 4096)
		r = pread(fd, buf, align, align);
	free(buf);
	return r >= 0;
}

static void setup_direct(struct kshim_aio_dev *dev, const char *path, int flags,
			 unsigned long long size, unsigned int lbs)
{
	unsigned int off_align = lbs, mem_align = lbs;
	struct statx stx;
	int fd;

	fd = open(path, flags | O_DIRECT);
	if (fd < 0)
		return;
	if (statx(fd, "", AT_EMPTY_PATH, STATX_DIOALIGN, &stx) == 0 &&
	    (stx.stx_mask & STATX_DIOALIGN)) {
		if (!stx.stx_dio_offset_align) {
			close(fd);	/* the file system refuses O_DIRECT */
			return;
		}
		off_align = stx.stx_dio_offset_align;
		mem_align = stx.stx_dio_mem_align;
	}
	if (off_align < 512)
		off_align = 512;
	if (mem_align < 512)
		mem_align = 512;	/* keep it simple: sector-aligned buffers */
	if (off_align > 4096 || mem_align > 4096 ||
	    !probe_direct(fd, size, off_align)) {
		close(fd);
		return;
	}
	dev->fd_direct = fd;
	dev->dio_off_align = off_align;
	dev->dio_mem_align = mem_align;
}

int kshim_host_aio_open(const char *path, int write,
			const struct kshim_aio_open_opts *opts,
			struct kshim_aio_dev **devp, struct kshim_aio_info *info)
{
	int flags = (write ? O_RDWR : O_RDONLY) | O_CLOEXEC;
	struct kshim_aio_dev *dev;
	unsigned int depth;
	struct stat st;
	int fd, e;

	memset(info, 0, sizeof(*info));
	fd = open(path, flags);
	if (fd < 0) {
		e = errno;
		if (write && (e == EACCES || e == EROFS || e == EPERM)) {
			int t = open(path, O_RDONLY | O_CLOEXEC);

			if (t >= 0) {
				close(t);
				return -EACCES;
			}
		}
		return -e;
	}
	if (fstat(fd, &st) < 0) {
		e = -errno;
		close(fd);
		return e;
	}
	if (S_ISBLK(st.st_mode)) {
		unsigned long long size = 0;
		int lbs = 512, pbs = 512, ro = 0;
		unsigned short rot = 0;

		if (ioctl(fd, BLKGETSIZE64, &size) < 0 ||
		    ioctl(fd, BLKSSZGET, &lbs) < 0) {
			e = -errno;
			close(fd);
			return e;
		}
		if (ioctl(fd, BLKPBSZGET, &pbs) < 0)
			pbs = lbs;
		if (ioctl(fd, BLKROGET, &ro) == 0 && ro && write) {
			close(fd);
			return -EACCES;
		}
		if (ioctl(fd, BLKROTATIONAL, &rot) < 0)
			rot = 0;
		info->size = size;
		info->logical_block_size = lbs;
		info->physical_block_size = pbs;
		info->is_blockdev = 1;
		info->rotational = rot;
		info->rdev_major = major(st.st_rdev);
		info->rdev_minor = minor(st.st_rdev);
		info->read_only = ro || !write;
	} else if (S_ISREG(st.st_mode)) {
		info->size = st.st_size;
		info->logical_block_size = 512;
		info->physical_block_size = 512;
		info->read_only = !write;
	} else {
		close(fd);
		return -ENOTBLK;
	}
	info->size &= ~511ULL;	/* a partial last sector is not addressable */
	info->discard = 1;

	dev = calloc(1, sizeof(*dev));
	if (!dev) {
		close(fd);
		return -ENOMEM;
	}
	dev->fd_buf = fd;
	dev->fd_direct = -1;
	dev->is_blockdev = info->is_blockdev;
	dev->done = opts->done;
	pthread_mutex_init(&dev->lock, NULL);
	pthread_cond_init(&dev->cond, NULL);
	if (!opts->buffered)
		setup_direct(dev, path, flags, info->size, info->logical_block_size);
	depth = opts->queue_depth ? opts->queue_depth : KSHIM_AIO_DEFAULT_DEPTH;
	/* aio-max-nr is system wide: settle for less, or for synchronous I/O */
	while (depth && io_setup(depth, &dev->ctx) < 0) {
		dev->ctx = 0;
		depth /= 2;
	}
	dev->depth = depth;
	info->queue_depth = depth;
	info->dio_offset_align = dev->fd_direct >= 0 ? dev->dio_off_align : 0;
	info->dio_mem_align = dev->fd_direct >= 0 ? dev->dio_mem_align : 0;
	*devp = dev;
	return 0;
}

void *kshim_host_aio_zalloc(unsigned long size)
{
	return calloc(1, size);
}

void kshim_host_aio_free_mem(void *p)
{
	free(p);
}

/* --- host file helpers for tests and tools ------------------------------- */

int kshim_host_file_mkdtemp(char *buf, unsigned long size, const char *tag)
{
	const char *bases[] = { getenv("KSHIM_TEST_DIR"), "/var/tmp", "/tmp" };
	unsigned int i;

	for (i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		if (!bases[i] || access(bases[i], W_OK))
			continue;
		if ((unsigned long)snprintf(buf, size, "%s/kshim-%s-XXXXXX",
					    bases[i], tag) >= size)
			return -ENAMETOOLONG;
		if (mkdtemp(buf))
			return 0;
	}
	return -errno;
}

int kshim_host_file_create(const char *path, unsigned long long size, int mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int e = 0;

	if (fd < 0)
		return -errno;
	if (ftruncate(fd, size) < 0 || fchmod(fd, mode) < 0)
		e = -errno;
	close(fd);
	return e;
}

/* one positioned read or write on a file opened just for it */
static long file_pio(const char *path, void *buf, unsigned long len,
		     unsigned long long off, bool write)
{
	int fd = open(path, (write ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
	ssize_t r;

	if (fd < 0)
		return -errno;
	r = write ? pwrite(fd, buf, len, off) : pread(fd, buf, len, off);
	if (r < 0)
		r = -errno;
	close(fd);
	return r;
}

long kshim_host_file_pread(const char *path, void *buf, unsigned long len,
			   unsigned long long off)
{
	return file_pio(path, buf, len, off, false);
}

long kshim_host_file_pwrite(const char *path, const void *buf,
			    unsigned long len, unsigned long long off)
{
	return file_pio(path, (void *)buf, len, off, true);
}

long long kshim_host_file_blocks(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	return st.st_blocks;
}

int kshim_host_file_remove(const char *path)
{
	return remove(path) < 0 ? -errno : 0;
}

int kshim_host_file_dir_supports_direct(const char *dir)
{
	char path[4096];
	void *buf;
	int fd, ok = 0;

	snprintf(path, sizeof(path), "%s/.kshim-direct-probe", dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_DIRECT | O_CLOEXEC, 0600);
	if (fd < 0)
		return 0;
	if (!posix_memalign(&buf, 4096, 4096)) {
		memset(buf, 0, 4096);
		ok = pwrite(fd, buf, 4096, 0) == 4096;
		free(buf);
	}
	close(fd);
	unlink(path);
	return ok;
}

int kshim_host_file_is_root(void)
{
	return geteuid() == 0;
}
