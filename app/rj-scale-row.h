/* rj-scale-row.h: a 0-10 scale that can also be left "not logged".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RJ_TYPE_SCALE_ROW (rj_scale_row_get_type ())

G_DECLARE_FINAL_TYPE (RjScaleRow, rj_scale_row, RJ, SCALE_ROW, AdwPreferencesRow)

GtkWidget *rj_scale_row_new   (void);
int        rj_scale_row_get_value (RjScaleRow *self);
void       rj_scale_row_set_value (RjScaleRow *self,
                                   int value);

G_END_DECLS
