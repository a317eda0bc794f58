// SPDX-License-Identifier: GPL-2.0-only
/*
 * The out-of-line part of refcount_t (the role of lib/refcount.c): the
 * report of a saturation event.  Kernel guarantee kept: once an overflow,
 * an increment from zero, an underflow or a leaking decrement is detected
 * the count is pinned at REFCOUNT_SATURATED, so it never reaches zero
 * again and the object leaks instead of being freed while still in use;
 * each event WARNs once per call.  kshim_refcount_saturations counts the
 * events so tests can check that one was (or was not) reported.
 */
#include <linux/kernel.h>
#include <linux/refcount.h>

atomic_t kshim_refcount_saturations = ATOMIC_INIT(0);

static const char *saturation_reason(enum refcount_saturation_type t)
{
	switch (t) {
	case REFCOUNT_ADD_NOT_ZERO_OVF:
	case REFCOUNT_ADD_OVF:
		return "saturated; leaking memory";
	case REFCOUNT_ADD_UAF:
		return "addition on 0; use-after-free";
	case REFCOUNT_SUB_UAF:
		return "underflow; use-after-free";
	case REFCOUNT_DEC_LEAK:
		return "decrement hit 0; leaking memory";
	}
	return "unknown saturation event";
}

void refcount_warn_saturate(refcount_t *ref, enum refcount_saturation_type t)
{
	atomic_set(&ref->refs, REFCOUNT_SATURATED);
	atomic_inc(&kshim_refcount_saturations);
	WARN(1, "refcount_t: %s.\n", saturation_reason(t));
}
