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

RjRecoverySheetPrint *rj_recovery_sheet_print_new (const char *code,
                                                   GDateTime *created) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
