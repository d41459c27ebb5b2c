/* rj-utils.h: small helpers the pages share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rj_entry_row_keep_secret (AdwEntryRow *row);
void rj_entry_row_clear       (AdwEntryRow *row);
void rj_widget_show_toast     (GtkWidget *widget,
                               const char *title);

G_END_DECLS
