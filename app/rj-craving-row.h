/* rj-craving-row.h: one craving of the day, in a line or two of a list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-entry.h"
#include "rj-profile.h"

G_BEGIN_DECLS

#define RJ_TYPE_CRAVING_ROW (rj_craving_row_get_type ())

G_DECLARE_FINAL_TYPE (RjCravingRow, rj_craving_row, RJ, CRAVING_ROW, AdwActionRow)

GtkWidget       *rj_craving_row_new         (const RjCraving *craving,
                                             const RjProfile *profile);
const RjCraving *rj_craving_row_get_craving (RjCravingRow *self);
void             rj_craving_row_set_craving (RjCravingRow *self,
                                             const RjCraving *craving);

char            *rj_craving_row_format_time (int time_minutes) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
