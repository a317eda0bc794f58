/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * BUG and WARN.  BUG()/BUG_ON() print "kernel BUG at file:line!" and a
 * backtrace, run the registered fatal hooks (the FUSE bridge unmounts) and
 * end the process at once: never a hang, never a return into the driver.
 * WARN*() print the condition and a backtrace and return it; the _ONCE
 * forms report once per call site.  VM_BUG_ON and friends follow
 * CONFIG_DEBUG_VM (off, as in distribution kernels).
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/printk.h>

__noreturn __cold void kshim_bug(const char *file, int line, const char *func);
__cold void kshim_warn(const char *file, int line, const char *func,
		       const char *fmt, ...) __printf(4, 5);

#define BUG() kshim_bug(__FILE__, __LINE__, __func__)
#define BUG_ON(condition)                                                  \
	do {                                                               \
		if (unlikely(condition))                                   \
			BUG();                                             \
	} while (0)

#define __WARN() kshim_warn(__FILE__, __LINE__, __func__, NULL)
#define __WARN_printf(taint, arg...) kshim_warn(__FILE__, __LINE__, __func__, arg)

#define WARN_ON(condition)                                                 \
	({                                                                 \
		int __ret_warn_on = !!(condition);                         \
		if (unlikely(__ret_warn_on))                               \
			kshim_warn(__FILE__, __LINE__, __func__,           \
				   "WARN_ON(%s)", #condition);             \
		unlikely(__ret_warn_on);                                   \
	})
#define WARN(condition, format...)                                         \
	({                                                                 \
		int __ret_warn_on = !!(condition);                         \
		if (unlikely(__ret_warn_on))                               \
			kshim_warn(__FILE__, __LINE__, __func__, format);  \
		unlikely(__ret_warn_on);                                   \
	})
#define WARN_TAINT(condition, taint, format...) WARN(condition, format)
#define WARN_ON_ONCE(condition)                                            \
	({                                                                 \
		static bool __warned;                                      \
		int __ret_warn_once = !!(condition);                       \
		if (unlikely(__ret_warn_once && !__warned)) {              \
			__warned = true;                                   \
			kshim_warn(__FILE__, __LINE__, __func__,           \
				   "WARN_ON_ONCE(%s)", #condition);        \
		}                                                          \
		unlikely(__ret_warn_once);                                 \
	})
#define WARN_ONCE(condition, format...)                                    \
	({                                                                 \
		static bool __warned;                                      \
		int __ret_warn_once = !!(condition);                       \
		if (unlikely(__ret_warn_once && !__warned)) {              \
			__warned = true;                                   \
			kshim_warn(__FILE__, __LINE__, __func__, format);  \
		}                                                          \
		unlikely(__ret_warn_once);                                 \
	})
#define WARN_TAINT_ONCE(condition, taint, format...) WARN_ONCE(condition, format)
#define WARN_ON_SMP(x) WARN_ON(x)

#ifdef CONFIG_DEBUG_VM
#define VM_BUG_ON(cond) BUG_ON(cond)
#define VM_WARN_ON(cond) (void)WARN_ON(cond)
#define VM_WARN_ON_ONCE(cond) (void)WARN_ON_ONCE(cond)
#define VM_WARN_ONCE(cond, format...) (void)WARN_ONCE(cond, format)
#define VM_WARN(cond, format...) (void)WARN(cond, format)
#else
#define VM_BUG_ON(cond) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON(cond) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ON_ONCE(cond) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN_ONCE(cond, format...) BUILD_BUG_ON_INVALID(cond)
#define VM_WARN(cond, format...) BUILD_BUG_ON_INVALID(cond)
#endif
#define VM_BUG_ON_PAGE(cond, page) VM_BUG_ON(cond)
#define VM_BUG_ON_FOLIO(cond, folio) VM_BUG_ON(cond)
#define VM_WARN_ON_FOLIO(cond, folio) VM_WARN_ON(cond)
#define VM_WARN_ON_ONCE_FOLIO(cond, folio) VM_WARN_ON_ONCE(cond)
#define VM_WARN_ON_ONCE_PAGE(cond, page) VM_WARN_ON_ONCE(cond)
#define VM_BUG_ON_VMA(cond, vma) VM_BUG_ON(cond)
#define VM_BUG_ON_MM(cond, mm) VM_BUG_ON(cond)

enum bug_trap_type {
	BUG_TRAP_TYPE_NONE = 0,
	BUG_TRAP_TYPE_WARN = 1,
	BUG_TRAP_TYPE_BUG = 2,
};

#define TAINT_WARN 9
#define TAINT_CRAP 10
#define TAINT_USER 6
#define LOCKDEP_STILL_OK 0
#define LOCKDEP_NOW_UNRELIABLE 1
static inline void add_taint(unsigned int flag, int lockdep_ok)
{
}

#endif /* _LINUX_BUG_H */
