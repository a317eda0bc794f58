/* SPDX-License-Identifier: GPL-2.0-only */
/* Placeholder: filled in by the lib/ basics work. */
#ifndef _KSHIM_STUB_LOG2
#define _KSHIM_STUB_LOG2
#endif
