/* SPDX-License-Identifier: GPL-2.0-only */
/* Trace event internals: nothing, since tracepoints compile away. */
#ifndef _LINUX_TRACE_EVENT_H
#define _LINUX_TRACE_EVENT_H

#include <linux/tracepoint.h>

#endif /* _LINUX_TRACE_EVENT_H */
