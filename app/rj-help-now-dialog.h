/* rj-help-now-dialog.h: where to reach someone now, without unlocking anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-profile.h"

G_BEGIN_DECLS

#define RJ_TYPE_HELP_NOW_DIALOG (rj_help_now_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RjHelpNowDialog, rj_help_now_dialog, RJ, HELP_NOW_DIALOG, AdwMessageDialog)

GtkWidget *rj_help_now_dialog_new            (GtkWindow *parent);
void       rj_help_now_dialog_set_contacts   (RjHelpNowDialog *self,
                                              GPtrArray *contacts);
guint      rj_help_now_dialog_get_n_contacts (RjHelpNowDialog *self);
void       rj_help_now_dialog_set_plan       (RjHelpNowDialog *self,
                                              const RjProfile *profile);
guint      rj_help_now_dialog_get_n_strategies (RjHelpNowDialog *self);

G_END_DECLS
