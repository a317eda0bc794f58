// SPDX-License-Identifier: GPL-2.0-only
/*
 * The registry of filesystem types (stands in for fs/filesystems.c).
 *
 * Kernel guarantees kept: a name is registered once (-EBUSY for a second
 * type of the same name, -EINVAL for a type already on a list or with a
 * dotted name); get_fs_type() finds a registered type by name;
 * unregistering a type that is not registered is -EINVAL.  Filesystems
 * register from module_init, which kshim_runtime_init() runs.  Modules
 * never unload, so no module reference is taken.
 */
#include <linux/fs.h>
#include <linux/rwlock.h>
#include <linux/string.h>

/* singly linked through ->next, newest last; readers share the lock */
static struct file_system_type *kshim_fs_types;
static DEFINE_RWLOCK(kshim_fs_types_lock);

/*
 * The link that points at the entry called @want, or the terminating NULL
 * link when there is none (so that a registration can store through it).
 */
static struct file_system_type **kshim_fs_link(const char *want)
{
	struct file_system_type **link = &kshim_fs_types;

	while (*link && strcmp((*link)->name, want) != 0)
		link = &(*link)->next;
	return link;
}

int register_filesystem(struct file_system_type *type)
{
	struct file_system_type **slot;
	int err = 0;

	if (!type->name || strchr(type->name, '.'))
		return -EINVAL;
	if (type->next)
		return -EBUSY;	/* already on some list */

	write_lock(&kshim_fs_types_lock);
	slot = kshim_fs_link(type->name);
	if (*slot == NULL)
		*slot = type;
	else
		err = -EBUSY;
	write_unlock(&kshim_fs_types_lock);
	return err;
}

int unregister_filesystem(struct file_system_type *type)
{
	struct file_system_type **link;
	int err = -EINVAL;

	write_lock(&kshim_fs_types_lock);
	for (link = &kshim_fs_types; *link; link = &(*link)->next) {
		if (*link != type)
			continue;
		*link = type->next;
		type->next = NULL;
		err = 0;
		break;
	}
	write_unlock(&kshim_fs_types_lock);
	return err;
}

struct file_system_type *get_fs_type(const char *want)
{
	struct file_system_type *found;

	read_lock(&kshim_fs_types_lock);
	found = *kshim_fs_link(want);
	read_unlock(&kshim_fs_types_lock);
	return found;
}
