/* rj-list-editor.h: one of the client's lists, to add to, rename, hide and reorder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-list-item-row.h"
#include "rj-profile.h"

G_BEGIN_DECLS

#define RJ_TYPE_LIST_EDITOR (rj_list_editor_get_type ())

G_DECLARE_FINAL_TYPE (RjListEditor, rj_list_editor, RJ, LIST_EDITOR, AdwPreferencesGroup)

GtkWidget     *rj_list_editor_new         (RjListKind kind);
RjListKind     rj_list_editor_get_kind    (RjListEditor *self);
RjProfile     *rj_list_editor_get_profile (RjListEditor *self);
void           rj_list_editor_set_profile (RjListEditor *self,
                                           RjProfile *profile);
RjListItemRow *rj_list_editor_find_row    (RjListEditor *self,
                                           const char *item_id);
RjListItem    *rj_list_editor_add_item    (RjListEditor *self,
                                           const char *name);

G_END_DECLS
