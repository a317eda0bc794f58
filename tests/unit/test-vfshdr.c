// SPDX-License-Identifier: GPL-2.0-only
/*
 * Contracts of the VFS headers' inline helpers: page and buffer state
 * bits, the i_version protocol, dev_t encodings, file type conversions,
 * directory emission, iov_iter bounds, 16-bit id overflow, ACL xattr
 * sizing and fsid folding.  Out-of-line VFS functions are not tested here.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/buffer_head.h>
#include <linux/page-flags.h>
#include <linux/iversion.h>
#include <linux/kdev_t.h>
#include <linux/fs_types.h>
#include <linux/uio.h>
#include <linux/highuid.h>
#include <linux/posix_acl_xattr.h>
#include <linux/statfs.h>
#include <linux/namei.h>
#include <linux/pagevec.h>
#include "ktest.h"

KTEST(page_flags_act_on_the_folio)
{
	struct page pages[2];

	memset(pages, 0, sizeof(pages));
	pages[0].order = 1;
	pages[1].compound_head = (unsigned long)&pages[0] | 1;

	/* a flag set through a tail page lands on the head (the folio) */
	SetPageDirty(&pages[1]);
	KT_EXPECT(folio_test_dirty(page_folio(&pages[0])));
	KT_EXPECT(PageDirty(&pages[0]));
	KT_EXPECT_EQ(pages[1].flags, 0UL);
	KT_EXPECT(PageTail(&pages[1]) && PageHead(&pages[0]));
	KT_EXPECT(folio_test_large(page_folio(&pages[1])));

	/* test-and-set/clear return the previous bit, other bits untouched */
	KT_EXPECT(!folio_test_set_writeback(page_folio(&pages[0])));
	KT_EXPECT(folio_test_set_writeback(page_folio(&pages[0])));
	KT_EXPECT(folio_test_clear_writeback(page_folio(&pages[0])));
	KT_EXPECT(!folio_test_writeback(page_folio(&pages[0])));
	KT_EXPECT(folio_test_dirty(page_folio(&pages[0])));

	/* PG_checked shares its bit with PG_owner_priv_1, as in the kernel */
	folio_set_checked(page_folio(&pages[0]));
	KT_EXPECT(pages[0].flags & (1UL << PG_owner_priv_1));
	folio_mark_uptodate(page_folio(&pages[0]));
	KT_EXPECT(PageUptodate(&pages[1]));
	ClearPageUptodate(&pages[0]);
	KT_EXPECT(!folio_test_uptodate(page_folio(&pages[0])));
	KT_EXPECT(folio_trylock(page_folio(&pages[0])));
	KT_EXPECT(!folio_trylock(page_folio(&pages[0])));
}

KTEST(buffer_state_bits)
{
	struct buffer_head bh;

	memset(&bh, 0, sizeof(bh));
	set_buffer_mapped(&bh);
	set_buffer_uptodate(&bh);
	KT_EXPECT(buffer_mapped(&bh) && buffer_uptodate(&bh));
	KT_EXPECT(!buffer_dirty(&bh));
	KT_EXPECT(!test_set_buffer_dirty(&bh));
	KT_EXPECT(test_set_buffer_dirty(&bh));
	KT_EXPECT(test_clear_buffer_dirty(&bh));
	KT_EXPECT(!buffer_dirty(&bh));
	KT_EXPECT(trylock_buffer(&bh));
	KT_EXPECT(buffer_locked(&bh));
	KT_EXPECT(!trylock_buffer(&bh));
	clear_buffer_uptodate(&bh);
	KT_EXPECT(!buffer_uptodate(&bh) && buffer_mapped(&bh));
	KT_EXPECT_EQ(bh.b_state, (1UL << BH_Mapped) | (1UL << BH_Lock));
	get_bh(&bh);
	KT_EXPECT_EQ(atomic_read(&bh.b_count), 1);
	put_bh(&bh);
	KT_EXPECT_EQ(atomic_read(&bh.b_count), 0);
}

KTEST(iversion_changes_only_after_a_query)
{
	struct inode inode;
	u64 v;

	memset(&inode, 0, sizeof(inode));
	inode_set_iversion(&inode, 5);
	KT_EXPECT_EQ(inode_peek_iversion(&inode), 5ULL);
	/* nobody looked: an optional increment is skipped */
	KT_EXPECT(!inode_maybe_inc_iversion(&inode, false));
	KT_EXPECT_EQ(inode_peek_iversion(&inode), 5ULL);
	v = inode_query_iversion(&inode);
	KT_EXPECT_EQ(v, 5ULL);
	KT_EXPECT(inode_iversion_need_inc(&inode));
	KT_EXPECT(inode_eq_iversion(&inode, v));
	/* somebody looked: the next change must be visible */
	KT_EXPECT(inode_maybe_inc_iversion(&inode, false));
	KT_EXPECT_EQ(inode_peek_iversion(&inode), 6ULL);
	KT_EXPECT(!inode_iversion_need_inc(&inode));
	KT_EXPECT(!inode_eq_iversion(&inode, v));
	inode_inc_iversion(&inode);
	KT_EXPECT_EQ(inode_peek_iversion(&inode), 7ULL);
	inode_set_max_iversion_raw(&inode, 2);
	KT_EXPECT_EQ(inode_peek_iversion(&inode), 7ULL);
}

KTEST(dev_t_encodings_round_trip)
{
	dev_t small = MKDEV(8, 1), big = MKDEV(259, 0x12345);

	KT_EXPECT_EQ(MAJOR(big), 259U);
	KT_EXPECT_EQ(MINOR(big), 0x12345U);
	KT_EXPECT(old_valid_dev(small) && !old_valid_dev(big));
	KT_EXPECT_EQ(old_encode_dev(small), 0x0801);
	KT_EXPECT_EQ(old_decode_dev(0x0801), small);
	/* the "new" encoding: minor low byte, major, minor high bits */
	KT_EXPECT_EQ(new_encode_dev(small), 0x801U);
	KT_EXPECT_EQ(new_encode_dev(big), 0x45U | (259U << 8) | (0x123U << 20));
	KT_EXPECT_EQ(new_decode_dev(new_encode_dev(big)), big);
	KT_EXPECT_EQ(huge_decode_dev(huge_encode_dev(big)), big);
}

KTEST(file_type_conversions)
{
	KT_EXPECT_EQ(fs_umode_to_ftype(S_IFREG | 0644), FT_REG_FILE);
	KT_EXPECT_EQ(fs_umode_to_ftype(S_IFDIR), FT_DIR);
	KT_EXPECT_EQ(fs_umode_to_ftype(S_IFLNK), FT_SYMLINK);
	KT_EXPECT_EQ(fs_umode_to_ftype(0), FT_UNKNOWN);
	KT_EXPECT_EQ(fs_ftype_to_dtype(FT_SOCK), DT_SOCK);
	KT_EXPECT_EQ(fs_ftype_to_dtype(FT_MAX), DT_UNKNOWN);
	KT_EXPECT_EQ(fs_umode_to_dtype(S_IFCHR), DT_CHR);
	KT_EXPECT_EQ(fs_umode_to_dtype(S_IFBLK | 0600), DT_BLK);
}

struct emit_ctx {
	struct dir_context ctx;
	int calls;
	int limit;
	char names[4][4];
	u64 inos[4];
};

static bool emit_actor(struct dir_context *ctx, const char *name, int len,
		       loff_t pos, u64 ino, unsigned int type)
{
	struct emit_ctx *e = container_of(ctx, struct emit_ctx, ctx);

	if (e->calls == e->limit)
		return false;
	memcpy(e->names[e->calls], name, len);
	e->names[e->calls][len] = '\0';
	e->inos[e->calls++] = ino;
	return type == DT_DIR;
}

KTEST(dir_emit_dot_stops_when_full)
{
	struct super_block sb;
	struct inode dir;
	struct dentry root;
	struct file file;
	struct emit_ctx e;

	memset(&sb, 0, sizeof(sb));
	memset(&dir, 0, sizeof(dir));
	memset(&root, 0, sizeof(root));
	memset(&file, 0, sizeof(file));
	memset(&e, 0, sizeof(e));
	dir.i_ino = 2;
	dir.i_mode = S_IFDIR | 0755;
	dir.i_sb = &sb;
	root.d_inode = &dir;
	root.d_parent = &root;
	file.f_path.dentry = &root;
	KT_EXPECT(d_is_dir(&root) && !d_is_reg(&root));

	/* the actor sees name, ino and type; false means "buffer full" */
	e.ctx.actor = emit_actor;
	e.limit = 1;
	KT_EXPECT(dir_emit_dot(&file, &e.ctx));
	KT_EXPECT_STREQ(e.names[0], ".");
	KT_EXPECT_EQ(e.inos[0], 2ULL);
	KT_EXPECT(!dir_emit(&e.ctx, "x", 1, 12, DT_REG));
	KT_EXPECT_EQ(e.calls, 1);
}

KTEST(iov_iter_count_truncate_reexpand)
{
	char buf[64];
	struct iov_iter it;
	size_t full;

	iov_iter_ubuf(&it, ITER_DEST, buf, sizeof(buf));
	KT_EXPECT_EQ(iov_iter_rw(&it), READ);
	KT_EXPECT(user_backed_iter(&it) && !iov_iter_is_bvec(&it));
	full = iov_iter_count(&it);
	iov_iter_truncate(&it, 100);	/* never grows */
	KT_EXPECT_EQ(iov_iter_count(&it), 64UL);
	iov_iter_truncate(&it, 10);
	KT_EXPECT_EQ(iov_iter_count(&it), 10UL);
	iov_iter_reexpand(&it, full);
	KT_EXPECT_EQ(iov_iter_count(&it), 64UL);
	KT_EXPECT(iter_iov(&it)->iov_base == buf);
}

KTEST(misc_encodings)
{
	u8 uuid[16];
	__kernel_fsid_t fsid;
	char link[8] = "abcdefg";
	int i;

	KT_EXPECT_EQ(fs_high2lowuid(70000), 65534);
	KT_EXPECT_EQ(fs_high2lowuid(1000), 1000);
	KT_EXPECT_EQ(low_16_bits(0x12345678), 0x5678);
	KT_EXPECT_EQ(high_16_bits(0x12345678), 0x1234);
	KT_EXPECT_EQ(posix_acl_xattr_count(posix_acl_xattr_size(3)), 3);
	KT_EXPECT_EQ(posix_acl_xattr_count(3), -1);
	KT_EXPECT_EQ(posix_acl_xattr_count(posix_acl_xattr_size(1) + 1), -1);
	KT_EXPECT_EQ(posix_acl_type(XATTR_NAME_POSIX_ACL_DEFAULT),
		     ACL_TYPE_DEFAULT);
	for (i = 0; i < 16; i++)
		uuid[i] = i;
	fsid = uuid_to_fsid(uuid);
	KT_EXPECT_EQ((u32)fsid.val[0], 0x03020100U ^ 0x0b0a0908U);
	KT_EXPECT_EQ((u32)fsid.val[1], 0x07060504U ^ 0x0f0e0d0cU);
	nd_terminate_link(link, 3, 5);
	KT_EXPECT_STREQ(link, "abc");
	KT_EXPECT(uid_eq(make_kuid(NULL, 7), KUIDT_INIT(7)));
	KT_EXPECT(!uid_valid(make_kuid(NULL, (uid_t)-1)));
}

KTEST(i_size_and_link_helpers)
{
	struct inode inode;
	struct folio_batch fb;

	memset(&inode, 0, sizeof(inode));
	i_size_write(&inode, 1LL << 40);
	KT_EXPECT_EQ(i_size_read(&inode), 1LL << 40);
	inode.i_blkbits = 10;
	KT_EXPECT_EQ(i_blocksize(&inode), 1024U);
	inode.i_size = 4097;
	KT_EXPECT_EQ(dir_pages(&inode), 2UL);
	inode_set_flags(&inode, S_SYNC, S_SYNC | S_APPEND);
	KT_EXPECT_EQ(inode.i_flags, (unsigned int)S_SYNC);
	inode_set_flags(&inode, S_APPEND, S_SYNC | S_APPEND);
	KT_EXPECT_EQ(inode.i_flags, (unsigned int)S_APPEND);
	folio_batch_init(&fb);
	KT_EXPECT_EQ(folio_batch_space(&fb), (unsigned int)PAGEVEC_SIZE);
	KT_EXPECT_EQ(folio_batch_add(&fb, NULL), (unsigned int)PAGEVEC_SIZE - 1);
	KT_EXPECT_EQ(folio_batch_count(&fb), 1U);
}
