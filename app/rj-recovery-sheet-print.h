/* rj-recovery-sheet-print.h: printing the recovery code page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RJ_TYPE_RECOVERY_SHEET_PRINT (rj_recovery_sheet_print_get_type ())

G_DECLARE_FINAL_TYPE (RjRecoverySheetPrint, rj_recovery_sheet_print,
                      RJ, RECOVERY_SHEET_PRINT, GtkPrintOperation)

RjRecoverySheetPrint *rj_recovery_sheet_print_new               (const char *code,
                                                                 GDateTime  *created)
                                                                 G_GNUC_WARN_UNUSED_RESULT;
char                 *rj_recovery_sheet_print_dup_error_message (RjRecoverySheetPrint *self)
                                                                 G_GNUC_WARN_UNUSED_RESULT;

GtkFileChooserNative *rj_recovery_sheet_pdf_chooser_new         (GtkWindow *parent)
                                                                 G_GNUC_WARN_UNUSED_RESULT;
void                  rj_recovery_sheet_save_pdf_async          (gpointer             source_object,
                                                                 GFile               *file,
                                                                 const char          *code,
                                                                 GDateTime           *created,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean              rj_recovery_sheet_save_pdf_finish         (GAsyncResult  *result,
                                                                 GError       **error);

G_END_DECLS
