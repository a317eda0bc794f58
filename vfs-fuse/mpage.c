// SPDX-License-Identifier: GPL-2.0-only
/*
 * Multi-block folio I/O without buffer heads (the role of fs/mpage.c).
 *
 * Kernel guarantees kept:
 *  - mpage_read_folio()/mpage_readahead() read folios whose blocks are
 *    contiguous on disk with one bio segment each, merging consecutive
 *    folios into one bio while the disk blocks stay contiguous; blocks
 *    past EOF or after the last mapped block are zeroed, not read;
 *  - a folio that does not fit (buffers attached already, a hole before
 *    a mapped block, discontiguous blocks, get_block errors) falls back
 *    to block_read_full_folio(), which handles every case;
 *  - each folio is unlocked exactly once when its read ends, uptodate
 *    if and only if the read succeeded;
 *  - mpage_writepages() writes every dirty folio of the range through
 *    get_block (the kernel's fallback path: block_write_full_folio).
 * Left out: reusing one get_block extent across folios (one call per
 * block), large folios.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/buffer_head.h>
#include <linux/mpage.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/highmem.h>
#include <linux/writeback.h>

struct mpage_readctx {
	struct bio *bio;
	sector_t last_block_in_bio;	/* disk block the bio ends with */
	unsigned int nr_pages;		/* folios still to come (bio size) */
	bool is_readahead;
	get_block_t *get_block;
};

static void mpage_read_end_io(struct bio *bio)
{
	struct folio_iter fi;
	bool ok = !bio->bi_status;

	bio_for_each_folio_all(fi, bio)
		folio_end_read(fi.folio, ok);
	bio_put(bio);
}

static struct bio *mpage_submit(struct bio *bio)
{
	bio->bi_end_io = mpage_read_end_io;
	submit_bio(bio);
	return NULL;
}

static void mpage_read_one(struct mpage_readctx *ctx, struct folio *folio)
{
	struct inode *inode = folio->mapping->host;
	unsigned int blkbits = inode->i_blkbits;
	unsigned int blocksize = 1U << blkbits;
	unsigned int per_folio = folio_size(folio) >> blkbits;
	unsigned int first_hole = per_folio, i;
	sector_t blocks[MAX_BUF_PER_PAGE];
	sector_t block, last_block;
	struct block_device *bdev = NULL;
	struct buffer_head map_bh;
	bool boundary = false;
	gfp_t gfp;

	if (folio_buffers(folio) || per_folio > MAX_BUF_PER_PAGE)
		goto confused;

	block = (sector_t)folio->index << (PAGE_SHIFT - blkbits);
	last_block = (i_size_read(inode) + blocksize - 1) >> blkbits;

	for (i = 0; i < per_folio; i++, block++) {
		memset(&map_bh, 0, sizeof(map_bh));
		if (block < last_block) {
			map_bh.b_size = blocksize;
			if (ctx->get_block(inode, block, &map_bh, 0))
				goto confused;
		}
		if (!buffer_mapped(&map_bh)) {
			if (first_hole == per_folio)
				first_hole = i;
			continue;
		}
		/* data the filesystem supplied itself, or a hole then data */
		if (buffer_uptodate(&map_bh) || first_hole != per_folio)
			goto confused;
		if (i && blocks[i - 1] != map_bh.b_blocknr - 1)
			goto confused;
		if (bdev && bdev != map_bh.b_bdev)
			goto confused;
		blocks[i] = map_bh.b_blocknr;
		bdev = map_bh.b_bdev;
		boundary = buffer_boundary(&map_bh);
	}

	if (first_hole != per_folio) {
		folio_zero_segment(folio, first_hole << blkbits,
				   folio_size(folio));
		if (first_hole == 0) {
			folio_end_read(folio, true);
			return;
		}
	}

	/* contiguous with the bio we are building? */
	if (ctx->bio && (ctx->last_block_in_bio != blocks[0] - 1 ||
			 ctx->bio->bi_bdev != bdev))
		ctx->bio = mpage_submit(ctx->bio);

	gfp = mapping_gfp_constraint(folio->mapping, GFP_KERNEL);
	for (;;) {
		if (!ctx->bio) {
			blk_opf_t opf = REQ_OP_READ;

			if (ctx->is_readahead)
				opf |= REQ_RAHEAD;
			ctx->bio = bio_alloc(bdev, bio_max_segs(ctx->nr_pages),
					     opf, gfp);
			if (!ctx->bio)
				goto confused;
			ctx->bio->bi_iter.bi_sector =
				blocks[0] << (blkbits - SECTOR_SHIFT);
		}
		if (bio_add_folio(ctx->bio, folio, first_hole << blkbits, 0))
			break;
		ctx->bio = mpage_submit(ctx->bio);	/* full: start another */
	}
	if (first_hole != per_folio || boundary)
		ctx->bio = mpage_submit(ctx->bio);
	else
		ctx->last_block_in_bio = blocks[per_folio - 1];
	return;

confused:
	if (ctx->bio)
		ctx->bio = mpage_submit(ctx->bio);
	if (!folio_test_uptodate(folio))
		block_read_full_folio(folio, ctx->get_block);
	else
		folio_unlock(folio);
}

int mpage_read_folio(struct folio *folio, get_block_t get_block)
{
	struct mpage_readctx ctx = {
		.nr_pages = folio_nr_pages(folio),
		.get_block = get_block,
	};

	mpage_read_one(&ctx, folio);
	if (ctx.bio)
		mpage_submit(ctx.bio);
	return 0;
}

void mpage_readahead(struct readahead_control *rac, get_block_t get_block)
{
	struct mpage_readctx ctx = {
		.is_readahead = true,
		.get_block = get_block,
	};
	struct folio *folio;

	while ((folio = readahead_folio(rac)) != NULL) {
		ctx.nr_pages = readahead_count(rac);
		mpage_read_one(&ctx, folio);
	}
	if (ctx.bio)
		mpage_submit(ctx.bio);
}

static int mpage_write_cb(struct folio *folio, struct writeback_control *wbc,
			  void *data)
{
	return block_write_full_folio(folio, wbc, data);
}

int mpage_writepages(struct address_space *mapping,
		     struct writeback_control *wbc, get_block_t get_block)
{
	struct blk_plug plug;
	int ret;

	blk_start_plug(&plug);
	ret = write_cache_pages(mapping, wbc, mpage_write_cb, get_block);
	blk_finish_plug(&plug);
	return ret;
}
