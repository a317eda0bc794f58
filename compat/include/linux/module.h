/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Modules: everything is built in.  module_init/module_exit are initcalls
 * (linux/init.h); module metadata compiles away; module references always
 * succeed, since nothing can be unloaded.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/init.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>

struct module {
	char name[56];
};

#define module_init(fn) __define_initcall(fn, 6)
#define module_exit(fn) __exitcall(fn)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_LICENSE(x)
#define MODULE_ALIAS(x)
#define MODULE_ALIAS_FS(x)
#define MODULE_SOFTDEP(x)
#define MODULE_VERSION(x)
#define MODULE_FIRMWARE(x)
#define MODULE_INFO(tag, info)
#define MODULE_IMPORT_NS(ns)
#define MODULE_DEVICE_TABLE(type, name)

static inline bool try_module_get(struct module *module)
{
	return true;
}

static inline void module_put(struct module *module)
{
}

static inline void __module_get(struct module *module)
{
}

#define module_name(mod) "kshim"
#define module_is_live(mod) true

#endif
