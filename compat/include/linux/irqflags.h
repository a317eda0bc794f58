/* SPDX-License-Identifier: GPL-2.0-only */
/* Interrupt state: kshim has no interrupts, so these only keep flags set. */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#define local_irq_enable() do { } while (0)
#define local_irq_disable() do { } while (0)
#define local_irq_save(flags) do { (flags) = 0; } while (0)
#define local_irq_restore(flags) do { (void)(flags); } while (0)
#define local_save_flags(flags) do { (flags) = 0; } while (0)
#define irqs_disabled() 0
#define irqs_disabled_flags(flags) 0
#define raw_local_irq_save(flags) local_irq_save(flags)
#define raw_local_irq_restore(flags) local_irq_restore(flags)
#define local_bh_disable() do { } while (0)
#define local_bh_enable() do { } while (0)
#define lockdep_assert_irqs_enabled() do { } while (0)
#define lockdep_assert_irqs_disabled() do { } while (0)
#define in_irq() 0
#define in_softirq() 0
#define in_interrupt() 0
#define in_hardirq() 0
#define in_serving_softirq() 0
#define in_nmi() 0
#define in_task() 1
#define in_atomic() 0

#endif
