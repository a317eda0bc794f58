/* SPDX-License-Identifier: GPL-2.0-only */
/* Error numbers: see linux/errno.h. */
#include <linux/errno.h>
