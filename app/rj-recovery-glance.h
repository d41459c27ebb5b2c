/* rj-recovery-glance.h: days since last use and sober days in total, at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-recovery-stats.h"

G_BEGIN_DECLS

#define RJ_TYPE_RECOVERY_GLANCE (rj_recovery_glance_get_type ())

G_DECLARE_FINAL_TYPE (RjRecoveryGlance, rj_recovery_glance, RJ, RECOVERY_GLANCE, AdwBin)

GtkWidget *rj_recovery_glance_new       (void);
void       rj_recovery_glance_set_stats (RjRecoveryGlance *self,
                                         const RjRecoveryStats *stats);
int        rj_recovery_glance_get_days_since_last_use (RjRecoveryGlance *self);
int        rj_recovery_glance_get_sober_days_total    (RjRecoveryGlance *self);

G_END_DECLS
