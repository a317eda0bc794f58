// SPDX-License-Identifier: GPL-2.0-only
/*
 * The registry of filesystem types (fs/filesystems.c).  Kernel guarantees
 * kept: a name is registered once (-EBUSY for a second type of the same
 * name, -EINVAL for a type already on a list or with a dotted name);
 * get_fs_type() finds a registered type by name; unregistering a type that
 * is not registered is -EINVAL.  Filesystems register from module_init,
 * which kshim_runtime_init() runs.  Modules never unload, so no module
 * reference is taken.
 */
#include <linux/fs.h>
#include <linux/rwlock.h>
#include <linux/string.h>

static struct file_system_type *file_systems;
static DEFINE_RWLOCK(file_systems_lock);

/* the link that points at @name's entry, or at the list's end */
static struct file_system_type **find_filesystem(const char *name,
						 unsigned int len)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (strncmp((*p)->name, name, len) == 0 && !(*p)->name[len])
			break;
	return p;
}

int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int res = 0;

	if (!fs->name || strchr(fs->name, '.'))
		return -EINVAL;
	if (fs->next)
		return -EBUSY;
	write_lock(&file_systems_lock);
	p = find_filesystem(fs->name, strlen(fs->name));
	if (*p)
		res = -EBUSY;
	else
		*p = fs;
	write_unlock(&file_systems_lock);
	return res;
}

int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **tmp;

	write_lock(&file_systems_lock);
	for (tmp = &file_systems; *tmp; tmp = &(*tmp)->next) {
		if (fs == *tmp) {
			*tmp = fs->next;
			fs->next = NULL;
			write_unlock(&file_systems_lock);
			return 0;
		}
	}
	write_unlock(&file_systems_lock);
	return -EINVAL;
}

struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	read_lock(&file_systems_lock);
	fs = *find_filesystem(name, strlen(name));
	read_unlock(&file_systems_lock);
	return fs;
}
