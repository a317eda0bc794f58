/* SPDX-License-Identifier: GPL-2.0-only */
/* Placeholder: filled in by the lib/ basics work. */
#ifndef _KSHIM_STUB_KSTRTOX
#define _KSHIM_STUB_KSTRTOX
#endif
