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
void rj_entry_row_set_text    (AdwEntryRow *row,
                               const char  *text);

gboolean rj_message_label_set  (GtkLabel   *label,
                                char      **message,
                                const char *text);
void     rj_busy_indicator_set (GtkSpinner *spinner,
                                GtkWidget  *label,
                                gboolean    busy);

void     rj_passphrase_hint_update (GtkLabel   *hint_label,
                                    const char *passphrase);
gboolean rj_passphrase_rows_ready  (AdwEntryRow *passphrase_row,
                                    AdwEntryRow *confirmation_row);
gboolean rj_passphrase_rows_update (AdwEntryRow *passphrase_row,
                                    AdwEntryRow *confirmation_row,
                                    GtkWidget   *mismatch_label,
                                    gboolean     busy);

void     rj_secret_mode_show       (GtkStack  *secret_stack,
                                    GtkButton *mode_button,
                                    gboolean   use_recovery_code);

void     rj_forget_recent_file     (GtkRecentManager *manager,
                                    GFile            *file);

void     rj_accessible_fix_names   (GtkWidget *root);
void     rj_accessible_set_name    (GtkWidget  *widget,
                                    const char *name);

G_END_DECLS
