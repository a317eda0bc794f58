// SPDX-License-Identifier: GPL-2.0-only
/*
 * Seeking and reading (fs/read_write.c).
 *
 * Kernel guarantees kept:
 *  - generic_file_llseek_size(): SEEK_SET/CUR/END and SEEK_DATA/HOLE
 *    (the whole file is data, a virtual hole at EOF, -ENXIO at or past
 *    EOF); lseek(fd, 0, SEEK_CUR) reads f_pos without writing it; a
 *    negative or too large result is -EINVAL; generic_llseek_cookie()
 *    also clears the directory's cookie when the position changes;
 *  - kernel_read(): needs FMODE_READ (-EBADF) and FMODE_CAN_READ
 *    (-EINVAL), a non-negative position, at most MAX_RW_COUNT bytes, and
 *    goes through ->read_iter with a kvec iterator (or ->read).
 */
#include <linux/fs.h>
#include <linux/uio.h>

#include "kshim-vfs-internal.h"

static bool unsigned_offsets(struct file *fp)
{
	return fp->f_op->fop_flags & FOP_UNSIGNED_OFFSET;
}

static loff_t setpos(struct file *fp, loff_t offset, loff_t maxsize,
		     u64 *cookie)
{
	if (offset < 0 && !unsigned_offsets(fp))
		return -EINVAL;
	if (offset > maxsize)
		return -EINVAL;
	if (offset != fp->f_pos) {
		fp->f_pos = offset;
		if (cookie)
			*cookie = 0;
	}
	return offset;
}

loff_t vfs_setpos(struct file *fp, loff_t offset, loff_t maxsize)
{
	return setpos(fp, offset, maxsize, NULL);
}

/* 1: set @offset as the position; 0: *offset is the answer; <0: error */
static int resolve_pos(struct file *fp, loff_t *offset, int whence,
		       loff_t eof)
{
	switch (whence) {
	case SEEK_SET:
		return 1;
	case SEEK_END:
		*offset += eof;
		return 1;
	case SEEK_CUR:
		if (*offset == 0) {
			*offset = fp->f_pos;
			return 0;
		}
		return 1;
	case SEEK_DATA:
		if ((unsigned long long)*offset >= eof)
			return -ENXIO;
		return 1;
	case SEEK_HOLE:
		if ((unsigned long long)*offset >= eof)
			return -ENXIO;
		*offset = eof;
		return 1;
	default:
		return -EINVAL;
	}
}

loff_t generic_file_llseek_size(struct file *fp, loff_t offset, int whence,
				loff_t maxsize, loff_t eof)
{
	int ret = resolve_pos(fp, &offset, whence, eof);

	if (ret <= 0)
		return ret < 0 ? ret : offset;
	if (whence == SEEK_CUR) {
		/* f_lock makes the read-modify-write of f_pos atomic */
		spin_lock(&fp->f_lock);
		offset = setpos(fp, fp->f_pos + offset, maxsize, NULL);
		spin_unlock(&fp->f_lock);
		return offset;
	}
	return setpos(fp, offset, maxsize, NULL);
}

loff_t generic_file_llseek(struct file *fp, loff_t offset, int whence)
{
	struct inode *ip = fp->f_mapping->host;

	return generic_file_llseek_size(fp, offset, whence,
					ip->i_sb->s_maxbytes,
					i_size_read(ip));
}

loff_t generic_llseek_cookie(struct file *fp, loff_t offset, int whence,
			     u64 *cookie)
{
	struct inode *ip = fp->f_mapping->host;
	int ret;

	if (WARN_ON_ONCE(!cookie))
		return -EINVAL;
	/* callers serialise with readdir through f_pos_lock */
	if (WARN_ON_ONCE(!(fp->f_mode & FMODE_ATOMIC_POS)))
		return -EINVAL;
	ret = resolve_pos(fp, &offset, whence, i_size_read(ip));
	if (ret <= 0)
		return ret < 0 ? ret : offset;
	if (whence == SEEK_CUR)
		offset += fp->f_pos;
	return setpos(fp, offset, ip->i_sb->s_maxbytes, cookie);
}

loff_t default_llseek(struct file *fp, loff_t offset, int whence)
{
	struct inode *ip = file_inode(fp);
	loff_t retval;

	inode_lock(ip);
	switch (whence) {
	case SEEK_END:
		offset += i_size_read(ip);
		break;
	case SEEK_CUR:
		if (offset == 0) {
			retval = fp->f_pos;
			goto out;
		}
		offset += fp->f_pos;
		break;
	case SEEK_DATA:
	case SEEK_HOLE:
		if (offset >= ip->i_size) {
			retval = -ENXIO;
			goto out;
		}
		if (whence == SEEK_HOLE)
			offset = ip->i_size;
		break;
	}
	retval = -EINVAL;
	if (offset >= 0 || unsigned_offsets(fp)) {
		if (offset != fp->f_pos)
			fp->f_pos = offset;
		retval = offset;
	}
out:
	inode_unlock(ip);
	return retval;
}

loff_t no_llseek(struct file *fp, loff_t offset, int whence)
{
	return -ESPIPE;
}

loff_t vfs_llseek(struct file *fp, loff_t offset, int whence)
{
	if (!(fp->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	return fp->f_op->llseek(fp, offset, whence);
}

long kshim_kernel_read(struct file *fp, void *buf, unsigned long count,
		       long long *pos)
{
	struct kvec iov = { .iov_base = buf, .iov_len = count };
	struct kiocb kiocb;
	struct iov_iter iter;
	ssize_t ret;

	if (!(fp->f_mode & FMODE_READ))
		return -EBADF;
	if (!(fp->f_mode & FMODE_CAN_READ))
		return -EINVAL;
	if (*pos < 0 && !unsigned_offsets(fp))
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = iov.iov_len = MAX_RW_COUNT;
	if (fp->f_op->read_iter) {
		init_sync_kiocb(&kiocb, fp);
		kiocb.ki_pos = *pos;
		iov_iter_kvec(&iter, ITER_DEST, &iov, 1, count);
		ret = fp->f_op->read_iter(&kiocb, &iter);
		if (ret > 0)
			*pos = kiocb.ki_pos;
		return ret;
	}
	if (fp->f_op->read)
		return fp->f_op->read(fp, (char __user *)buf, count, pos);
	return -EINVAL;
}

/* --- write checks (write path) ------------------------------------------ */

int generic_write_check_limits(struct file *fp, loff_t pos, loff_t *count)
{
	struct inode *ip = fp->f_mapping->host;
	loff_t max_size = ip->i_sb->s_maxbytes;

	if (!(fp->f_flags & O_LARGEFILE))
		max_size = MAX_NON_LFS;
	if (unlikely(pos >= max_size))
		return -EFBIG;
	*count = min(*count, max_size - pos);
	return 0;
}

/*
 * Appends start at EOF; the count is cut to what the file may grow to;
 * nothing may be written past s_maxbytes (-EFBIG).
 */
ssize_t generic_write_checks(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *fp = iocb->ki_filp;
	struct inode *ip = fp->f_mapping->host;
	loff_t count = iov_iter_count(from);
	int ret;

	if (IS_SWAPFILE(ip))
		return -ETXTBSY;
	if (!count)
		return 0;
	if (iocb->ki_flags & IOCB_APPEND)
		iocb->ki_pos = i_size_read(ip);
	if ((iocb->ki_flags & IOCB_NOWAIT) && !(iocb->ki_flags & IOCB_DIRECT))
		return -EINVAL;
	ret = generic_write_check_limits(fp, iocb->ki_pos, &count);
	if (ret)
		return ret;
	iov_iter_truncate(from, count);
	return iov_iter_count(from);
}

/* fs/splice.c: nothing in kshim splices into a file */
ssize_t iter_file_splice_write(struct pipe_inode_info *pipe, struct file *out,
			       loff_t *ppos, size_t len, unsigned int flags)
{
	return -EINVAL;
}
