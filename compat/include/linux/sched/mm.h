/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-task allocation scopes.  Kernel guarantee kept: the *_save()
 * functions set their PF_MEMALLOC_* flag in current->flags and return the
 * flag's previous state; *_restore() puts back exactly that state, so
 * scopes nest (an inner restore does not end an outer scope).
 * current_gfp_context() narrows a mask by the active scopes.  There is no
 * user address space: mm reference helpers are absent.
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/sched.h>

/* the scoped flags: returns those of @flags that were not yet set */
static inline unsigned int memalloc_flags_save(unsigned int flags)
{
	unsigned int newly = flags & ~current->flags;

	current->flags |= flags;
	return newly;
}

/* clears what the matching memalloc_flags_save() set */
static inline void memalloc_flags_restore(unsigned int newly)
{
	current->flags &= ~newly;
}

/* one flag: save returns its previous state, restore puts that back */
static inline unsigned int __kshim_memalloc_save(unsigned int flag)
{
	unsigned int old = current->flags & flag;

	current->flags |= flag;
	return old;
}

static inline void __kshim_memalloc_restore(unsigned int flag, unsigned int old)
{
	current->flags = (current->flags & ~flag) | old;
}

static inline unsigned int memalloc_nofs_save(void)
{
	return __kshim_memalloc_save(PF_MEMALLOC_NOFS);
}

static inline void memalloc_nofs_restore(unsigned int flags)
{
	__kshim_memalloc_restore(PF_MEMALLOC_NOFS, flags);
}

static inline unsigned int memalloc_noio_save(void)
{
	return __kshim_memalloc_save(PF_MEMALLOC_NOIO);
}

static inline void memalloc_noio_restore(unsigned int flags)
{
	__kshim_memalloc_restore(PF_MEMALLOC_NOIO, flags);
}

static inline unsigned int memalloc_noreclaim_save(void)
{
	return __kshim_memalloc_save(PF_MEMALLOC);
}

static inline void memalloc_noreclaim_restore(unsigned int flags)
{
	__kshim_memalloc_restore(PF_MEMALLOC, flags);
}

static inline unsigned int memalloc_pin_save(void)
{
	return __kshim_memalloc_save(PF_MEMALLOC_PIN);
}

static inline void memalloc_pin_restore(unsigned int flags)
{
	__kshim_memalloc_restore(PF_MEMALLOC_PIN, flags);
}

/*
 * A macro so that the __GFP_* names (linux/gfp_types.h, the memory area)
 * are needed only where it is used.
 */
#define current_gfp_context(gfp_flags)                                     \
	({                                                                 \
		gfp_t __kshim_gfp = (gfp_flags);                           \
		unsigned int __kshim_pf = current->flags;                  \
		if (__kshim_pf & PF_MEMALLOC_NOIO)                         \
			__kshim_gfp &= ~(__GFP_IO | __GFP_FS);             \
		else if (__kshim_pf & PF_MEMALLOC_NOFS)                    \
			__kshim_gfp &= ~__GFP_FS;                          \
		__kshim_gfp;                                               \
	})

/* an allocation failed and will be retried: let others make progress */
static inline void memalloc_retry_wait(gfp_t gfp_flags)
{
	schedule_timeout_uninterruptible(1);
}

#define might_alloc(gfp_flags) do { (void)(gfp_flags); } while (0)
#define fs_reclaim_acquire(gfp_flags) do { (void)(gfp_flags); } while (0)
#define fs_reclaim_release(gfp_flags) do { (void)(gfp_flags); } while (0)

#endif /* _LINUX_SCHED_MM_H */
