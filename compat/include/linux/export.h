/* SPDX-License-Identifier: GPL-2.0-only */
/* Symbol exports: every global is visible in one process, so no-ops. */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define EXPORT_SYMBOL_NS(sym, ns)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)
#define EXPORT_SYMBOL_FOR_MODULES(sym, mods)
#define THIS_MODULE ((struct module *)0)
#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "kshim"
#endif

#endif
