/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Included at the end of a trace header.  In the kernel, with
 * CREATE_TRACE_POINTS, it re-reads that header to emit the event
 * definitions; tracepoints compile away here (linux/tracepoint.h), so it
 * only tidies up the macros the trace header defined.
 */
#undef TRACE_INCLUDE_FILE
#undef TRACE_INCLUDE_PATH
