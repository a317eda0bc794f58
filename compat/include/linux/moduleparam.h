/* SPDX-License-Identifier: GPL-2.0-only */
/* Module parameters: kept at their compiled-in defaults. */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#define module_param(name, type, perm)
#define module_param_named(name, value, type, perm)
#define module_param_call(name, set, get, arg, perm)
#define module_param_array(name, type, nump, perm)
#define module_param_string(name, string, len, perm)
#define MODULE_PARM_DESC(var, desc)
#define core_param(name, var, type, perm)
#define __setup(str, fn)
#define early_param(str, fn)

#endif
