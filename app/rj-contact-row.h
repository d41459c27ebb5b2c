/* rj-contact-row.h: one of the client's support contacts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RJ_TYPE_CONTACT_ROW (rj_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (RjContactRow, rj_contact_row, RJ, CONTACT_ROW, AdwExpanderRow)

GtkWidget  *rj_contact_row_new            (const char *contact_id);
const char *rj_contact_row_get_contact_id (RjContactRow *self);
const char *rj_contact_row_get_name       (RjContactRow *self);
const char *rj_contact_row_get_phone      (RjContactRow *self);
const char *rj_contact_row_get_note       (RjContactRow *self);
gboolean    rj_contact_row_is_empty       (RjContactRow *self);
void        rj_contact_row_focus_name     (RjContactRow *self);

G_END_DECLS
