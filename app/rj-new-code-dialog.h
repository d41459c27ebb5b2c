/* rj-new-code-dialog.h: a new recovery code, shown once, to print or save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RJ_TYPE_NEW_CODE_DIALOG (rj_new_code_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RjNewCodeDialog, rj_new_code_dialog, RJ, NEW_CODE_DIALOG, AdwMessageDialog)

GtkWidget  *rj_new_code_dialog_new             (GtkWindow *parent,
                                                const char *code);
const char *rj_new_code_dialog_get_code        (RjNewCodeDialog *self);
void        rj_new_code_dialog_save_pdf_async  (RjNewCodeDialog *self,
                                                GFile *file,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data);
gboolean    rj_new_code_dialog_save_pdf_finish (RjNewCodeDialog *self,
                                                GAsyncResult *result,
                                                GError **error);

G_END_DECLS
