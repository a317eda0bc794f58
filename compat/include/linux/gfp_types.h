/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GFP flags with the kernel's bit values, so flag arithmetic in drivers
 * (masking, testing, passing through) behaves as in the kernel.  What kshim
 * honours: __GFP_ZERO zeroes, __GFP_NOFAIL never returns NULL,
 * __GFP_DIRECT_RECLAIM allows running the shrinkers, __GFP_FS allows the
 * shrinkers that need filesystem re-entry, __GFP_NOWARN silences the
 * allocation-failure message.  The zone and placement bits are accepted
 * and ignored (one flat memory).
 */
#ifndef __LINUX_GFP_TYPES_H
#define __LINUX_GFP_TYPES_H

#include <linux/types.h>

#define ___GFP_DMA		0x00000001u
#define ___GFP_HIGHMEM		0x00000002u
#define ___GFP_DMA32		0x00000004u
#define ___GFP_MOVABLE		0x00000008u
#define ___GFP_RECLAIMABLE	0x00000010u
#define ___GFP_HIGH		0x00000020u
#define ___GFP_IO		0x00000040u
#define ___GFP_FS		0x00000080u
#define ___GFP_ZERO		0x00000100u
/* 0x200 unused in 6.12 */
#define ___GFP_DIRECT_RECLAIM	0x00000400u
#define ___GFP_KSWAPD_RECLAIM	0x00000800u
#define ___GFP_WRITE		0x00001000u
#define ___GFP_NOWARN		0x00002000u
#define ___GFP_RETRY_MAYFAIL	0x00004000u
#define ___GFP_NOFAIL		0x00008000u
#define ___GFP_NORETRY		0x00010000u
#define ___GFP_MEMALLOC		0x00020000u
#define ___GFP_COMP		0x00040000u
#define ___GFP_NOMEMALLOC	0x00080000u
#define ___GFP_HARDWALL		0x00100000u
#define ___GFP_THISNODE		0x00200000u
#define ___GFP_ACCOUNT		0x00400000u
#define ___GFP_ZEROTAGS		0x00800000u
#define ___GFP_SKIP_ZERO	0
#define ___GFP_SKIP_KASAN	0
#define ___GFP_NOLOCKDEP	0
#define ___GFP_NO_OBJ_EXT	0
#define ___GFP_LAST_BIT		24

#define __GFP_DMA		((__force gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM		((__force gfp_t)___GFP_HIGHMEM)
#define __GFP_DMA32		((__force gfp_t)___GFP_DMA32)
#define __GFP_MOVABLE		((__force gfp_t)___GFP_MOVABLE)
#define GFP_ZONEMASK		(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)
#define __GFP_RECLAIMABLE	((__force gfp_t)___GFP_RECLAIMABLE)
#define __GFP_WRITE		((__force gfp_t)___GFP_WRITE)
#define __GFP_HARDWALL		((__force gfp_t)___GFP_HARDWALL)
#define __GFP_THISNODE		((__force gfp_t)___GFP_THISNODE)
#define __GFP_ACCOUNT		((__force gfp_t)___GFP_ACCOUNT)
#define __GFP_NO_OBJ_EXT	((__force gfp_t)___GFP_NO_OBJ_EXT)
#define __GFP_HIGH		((__force gfp_t)___GFP_HIGH)
#define __GFP_MEMALLOC		((__force gfp_t)___GFP_MEMALLOC)
#define __GFP_NOMEMALLOC	((__force gfp_t)___GFP_NOMEMALLOC)
#define __GFP_IO		((__force gfp_t)___GFP_IO)
#define __GFP_FS		((__force gfp_t)___GFP_FS)
#define __GFP_DIRECT_RECLAIM	((__force gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM	((__force gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM		((__force gfp_t)(___GFP_DIRECT_RECLAIM | ___GFP_KSWAPD_RECLAIM))
#define __GFP_RETRY_MAYFAIL	((__force gfp_t)___GFP_RETRY_MAYFAIL)
#define __GFP_NOFAIL		((__force gfp_t)___GFP_NOFAIL)
#define __GFP_NORETRY		((__force gfp_t)___GFP_NORETRY)
#define __GFP_NOWARN		((__force gfp_t)___GFP_NOWARN)
#define __GFP_COMP		((__force gfp_t)___GFP_COMP)
#define __GFP_ZERO		((__force gfp_t)___GFP_ZERO)
#define __GFP_ZEROTAGS		((__force gfp_t)___GFP_ZEROTAGS)
#define __GFP_SKIP_ZERO		((__force gfp_t)___GFP_SKIP_ZERO)
#define __GFP_SKIP_KASAN	((__force gfp_t)___GFP_SKIP_KASAN)
#define __GFP_NOLOCKDEP		((__force gfp_t)___GFP_NOLOCKDEP)
#define __GFP_BITS_SHIFT	___GFP_LAST_BIT
#define __GFP_BITS_MASK		((__force gfp_t)((1 << __GFP_BITS_SHIFT) - 1))

#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO		(__GFP_RECLAIM)
#define GFP_NOFS		(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER		(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA			__GFP_DMA
#define GFP_DMA32		__GFP_DMA32
#define GFP_HIGHUSER		(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE | __GFP_SKIP_KASAN)
#define GFP_TRANSHUGE_LIGHT	((GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | \
				  __GFP_NOWARN) & ~__GFP_RECLAIM)
#define GFP_TRANSHUGE		(GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM)

#endif /* __LINUX_GFP_TYPES_H */
