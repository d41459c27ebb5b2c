/* rj-recovery-code-page.h: showing a new recovery code, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_RECOVERY_CODE_PAGE (rj_recovery_code_page_get_type ())

G_DECLARE_FINAL_TYPE (RjRecoveryCodePage, rj_recovery_code_page, RJ, RECOVERY_CODE_PAGE, AdwBin)

GtkWidget  *rj_recovery_code_page_new             (RjContext *context);
const char *rj_recovery_code_page_get_code        (RjRecoveryCodePage *self);
void        rj_recovery_code_page_set_code        (RjRecoveryCodePage *self,
                                                   const char *code,
                                                   gboolean replaces_old_code);
void        rj_recovery_code_page_clear           (RjRecoveryCodePage *self);
void        rj_recovery_code_page_save_pdf_async  (RjRecoveryCodePage *self,
                                                   GFile *file,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
gboolean    rj_recovery_code_page_save_pdf_finish (RjRecoveryCodePage *self,
                                                   GAsyncResult *result,
                                                   GError **error);

G_END_DECLS
