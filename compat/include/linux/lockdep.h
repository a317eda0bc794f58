/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Lock dependency validator annotations.  Lockdep is off in kshim (as in a
 * production kernel): every annotation compiles away, but its arguments
 * are still type-checked where that costs nothing.
 */
#ifndef __LINUX_LOCKDEP_H
#define __LINUX_LOCKDEP_H

#include <linux/spinlock_types.h>

struct lockdep_map {
	char unused;
};

#define SINGLE_DEPTH_NESTING 1
#define MAX_LOCKDEP_SUBCLASSES 8UL

#define lockdep_set_class(lock, key) do { (void)(key); } while (0)
#define lockdep_set_class_and_name(lock, key, name) do { (void)(key); } while (0)
#define lockdep_set_class_and_subclass(lock, key, sub) do { (void)(key); } while (0)
#define lockdep_set_subclass(lock, sub) do { } while (0)
#define lockdep_set_novalidate_class(lock) do { } while (0)
#define lockdep_register_key(key) do { } while (0)
#define lockdep_unregister_key(key) do { } while (0)
#define lockdep_init_map(map, name, key, sub) do { } while (0)
#define lockdep_assert_held(l) do { (void)(l); } while (0)
#define lockdep_assert_held_write(l) do { (void)(l); } while (0)
#define lockdep_assert_held_read(l) do { (void)(l); } while (0)
#define lockdep_assert_held_once(l) do { (void)(l); } while (0)
#define lockdep_assert_none_held_once() do { } while (0)
#define lockdep_assert_not_held(l) do { (void)(l); } while (0)
#define lockdep_assert(c) do { } while (0)
#define lockdep_assert_once(c) do { } while (0)
#define lockdep_is_held(l) 1
#define lockdep_is_held_type(l, r) 1
#define lockdep_off() do { } while (0)
#define lockdep_on() do { } while (0)
#define lock_acquire(l, s, t, r, c, n, i) do { } while (0)
#define lock_release(l, i) do { } while (0)
#define rwsem_acquire(l, s, t, i) do { } while (0)
#define rwsem_acquire_read(l, s, t, i) do { } while (0)
#define rwsem_release(l, i) do { } while (0)
#define lock_map_acquire(l) do { } while (0)
#define lock_map_release(l) do { } while (0)
#define lock_map_acquire_read(l) do { } while (0)
#define might_lock(l) do { } while (0)
#define might_lock_read(l) do { } while (0)
#define might_lock_nested(l, s) do { } while (0)
#define lockdep_depth(tsk) 0
#define debug_check_no_locks_held() do { } while (0)
#define debug_check_no_locks_freed(a, b) do { } while (0)
#define STATIC_LOCKDEP_MAP_INIT(name, key) { 0 }

#endif
