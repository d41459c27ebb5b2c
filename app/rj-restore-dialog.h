/* rj-restore-dialog.h: bringing a journal back from an encrypted backup, step by step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_RESTORE_DIALOG (rj_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RjRestoreDialog, rj_restore_dialog, RJ, RESTORE_DIALOG, AdwWindow)

GtkWidget  *rj_restore_dialog_new         (GtkWindow *parent,
                                           RjContext *context);
RjContext  *rj_restore_dialog_get_context (RjRestoreDialog *self);
void        rj_restore_dialog_open_file   (RjRestoreDialog *self,
                                           GFile *file);
const char *rj_restore_dialog_get_step    (RjRestoreDialog *self);
gboolean    rj_restore_dialog_get_busy    (RjRestoreDialog *self);

G_END_DECLS
