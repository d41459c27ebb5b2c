/* rj-number-row.h: a count or an amount that can also be left "not logged".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RJ_TYPE_NUMBER_ROW (rj_number_row_get_type ())

G_DECLARE_FINAL_TYPE (RjNumberRow, rj_number_row, RJ, NUMBER_ROW, AdwActionRow)

GtkWidget *rj_number_row_new       (void);
double     rj_number_row_get_value (RjNumberRow *self);
void       rj_number_row_set_value (RjNumberRow *self,
                                    double value);
void       rj_number_row_commit    (RjNumberRow *self);

G_END_DECLS
