/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A deferred destructor: ->get_link hands back a callback that releases
 * the link body once the caller is done with it; do_delayed_call() runs
 * it at most once (clear_delayed_call() leaves nothing to run).
 */
#ifndef _LINUX_DELAYED_CALL_H
#define _LINUX_DELAYED_CALL_H

struct delayed_call {
	void (*fn)(void *arg);
	void *arg;
};

#define DEFINE_DELAYED_CALL(name) struct delayed_call name = { NULL, NULL }

static inline void set_delayed_call(struct delayed_call *call,
				    void (*fn)(void *), void *arg)
{
	call->fn = fn;
	call->arg = arg;
}

static inline void do_delayed_call(struct delayed_call *call)
{
	void (*fn)(void *) = call->fn;

	call->fn = NULL;
	if (fn)
		fn(call->arg);
}

static inline void clear_delayed_call(struct delayed_call *call)
{
	call->fn = NULL;
}

#endif /* _LINUX_DELAYED_CALL_H */
