/* rj-list-item-row.h: one item of the client's lists, renamed where it stands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-profile.h"

G_BEGIN_DECLS

#define RJ_TYPE_LIST_ITEM_ROW (rj_list_item_row_get_type ())

G_DECLARE_FINAL_TYPE (RjListItemRow, rj_list_item_row, RJ, LIST_ITEM_ROW, AdwEntryRow)

GtkWidget  *rj_list_item_row_new          (RjListKind kind,
                                           const char *item_id,
                                           const char *label,
                                           gboolean hidden);
const char *rj_list_item_row_get_item_id  (RjListItemRow *self);
const char *rj_list_item_row_get_label    (RjListItemRow *self);
void        rj_list_item_row_set_label    (RjListItemRow *self,
                                           const char *label);
gboolean    rj_list_item_row_get_hidden   (RjListItemRow *self);
void        rj_list_item_row_set_hidden   (RjListItemRow *self,
                                           gboolean hidden);
void        rj_list_item_row_set_can_move (RjListItemRow *self,
                                           gboolean can_move_up,
                                           gboolean can_move_down);

G_END_DECLS
