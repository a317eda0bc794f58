/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tracepoints compile away.  Every TRACE_EVENT/DEFINE_EVENT produces
 * "static inline void trace_<name>(proto) {}" (its arguments are still
 * type-checked at each call site), trace_<name>_enabled() is false, and
 * register_trace_<name>() fails with -ENOSYS.  The event-class, field and
 * format macros (TP_STRUCT__entry, TP_fast_assign, TP_printk, __field,
 * __print_flags, ...) are never expanded, since the bodies they appear in
 * are discarded.  With CREATE_TRACE_POINTS, trace/define_trace.h does not
 * re-read the trace header, so nothing is defined twice.
 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>

#define PARAMS(args...) args
#define TP_PROTO(args...) args
#define TP_ARGS(args...) args
#define TP_CONDITION(args...) args

#define __KSHIM_DECLARE_TRACE(name, proto)                                 \
	static inline void trace_##name(proto)                             \
	{                                                                  \
	}                                                                  \
	static inline void trace_##name##_rcuidle(proto)                   \
	{                                                                  \
	}                                                                  \
	static inline bool trace_##name##_enabled(void)                    \
	{                                                                  \
		return false;                                              \
	}                                                                  \
	static inline int register_trace_##name(void *probe, void *data)   \
	{                                                                  \
		return -ENOSYS;                                            \
	}                                                                  \
	static inline int unregister_trace_##name(void *probe, void *data) \
	{                                                                  \
		return -ENOSYS;                                            \
	}

#define DECLARE_TRACE(name, proto, args) __KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define DECLARE_TRACE_CONDITION(name, proto, args, cond)                   \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define DEFINE_TRACE(name, proto, args)
#define DEFINE_TRACE_FN(name, reg, unreg, proto, args)
#define EXPORT_TRACEPOINT_SYMBOL(name)
#define EXPORT_TRACEPOINT_SYMBOL_GPL(name)

#define DECLARE_EVENT_CLASS(name, proto, args, tstruct, assign, print)
#define DEFINE_EVENT(template, name, proto, args)                          \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define DEFINE_EVENT_FN(template, name, proto, args, reg, unreg)           \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define DEFINE_EVENT_PRINT(template, name, proto, args, print)             \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define DEFINE_EVENT_CONDITION(template, name, proto, args, cond)          \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define TRACE_EVENT(name, proto, args, struct, assign, print)              \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define TRACE_EVENT_FN(name, proto, args, struct, assign, print, reg, unreg) \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define TRACE_EVENT_FN_COND(name, proto, args, cond, struct, assign, print, reg, unreg) \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define TRACE_EVENT_CONDITION(name, proto, args, cond, struct, assign, print) \
	__KSHIM_DECLARE_TRACE(name, PARAMS(proto))
#define TRACE_EVENT_NOP(name, proto, args, struct, assign, print)
#define DEFINE_EVENT_NOP(template, name, proto, args)
#define TRACE_EVENT_FLAGS(event, flag)
#define TRACE_EVENT_PERF_PERM(event, expr...)
#define TRACE_DEFINE_ENUM(a)
#define TRACE_DEFINE_SIZEOF(a)

#define tracepoint_enabled(tp) false
#define tracepoint_string(str) str
#define trace_event_enabled(name) false

#endif /* _LINUX_TRACEPOINT_H */
