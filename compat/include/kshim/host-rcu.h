/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bridge to liburcu (memb flavour).  Every thread that enters kernel code
 * is registered by the entry hook; read-side sections nest.
 * kshim_host_call_rcu() takes a head laid out like struct callback_head
 * (next, func) and runs func from liburcu's call_rcu thread after a grace
 * period.
 */
#ifndef _KSHIM_HOST_RCU_H
#define _KSHIM_HOST_RCU_H

void kshim_host_rcu_register_thread(void);
void kshim_host_rcu_unregister_thread(void);
void kshim_host_rcu_read_lock(void);
void kshim_host_rcu_read_unlock(void);
int kshim_host_rcu_read_ongoing(void);
void kshim_host_rcu_synchronize(void);
void kshim_host_call_rcu(void *head, void (*func)(void *head));
void kshim_host_rcu_barrier(void);

#endif
