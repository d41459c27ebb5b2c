/* rj-note-list.h: a short list of free-text items, each of which can be kept private.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-entry.h"

G_BEGIN_DECLS

#define RJ_TYPE_NOTE_LIST (rj_note_list_get_type ())

G_DECLARE_FINAL_TYPE (RjNoteList, rj_note_list, RJ, NOTE_LIST, AdwPreferencesGroup)

GtkWidget *rj_note_list_new       (void);
void       rj_note_list_set_notes (RjNoteList *self,
                                   GPtrArray *notes);
GPtrArray *rj_note_list_dup_notes (RjNoteList *self) G_GNUC_WARN_UNUSED_RESULT;
void       rj_note_list_add       (RjNoteList *self,
                                   const char *text,
                                   gboolean is_private);
guint      rj_note_list_get_n_items (RjNoteList *self);
void       rj_note_list_set_item_private (RjNoteList *self,
                                          guint index,
                                          gboolean is_private);
void       rj_note_list_remove    (RjNoteList *self,
                                   guint index);

G_END_DECLS
