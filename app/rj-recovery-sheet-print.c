/* rj-recovery-sheet-print.c: printing the recovery code page.
 *
 * The page is drawn by the model's rj_recovery_sheet_draw(), the same code that
 * writes the PDF, so that a printout and a saved file look alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-recovery-sheet-print"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-entry.h"
#include "rj-recovery-sheet.h"
#include "rj-recovery-sheet-print.h"

struct _RjRecoverySheetPrint
{
  GtkPrintOperation parent_instance;

  char *code;
  GDateTime *created;
};

G_DEFINE_FINAL_TYPE (RjRecoverySheetPrint, rj_recovery_sheet_print, GTK_TYPE_PRINT_OPERATION)

static void
rj_recovery_sheet_print_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  RjRecoverySheetPrint *self = RJ_RECOVERY_SHEET_PRINT (operation);

  rj_recovery_sheet_draw (gtk_print_context_get_cairo_context (context),
                          gtk_print_context_get_width (context),
                          gtk_print_context_get_height (context),
                          self->code,
                          self->created);
}

static void
rj_recovery_sheet_print_finalize (GObject *object)
{
  RjRecoverySheetPrint *self = (RjRecoverySheetPrint *) object;

  g_clear_pointer (&self->code, rj_wipe_string);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (rj_recovery_sheet_print_parent_class)->finalize (object);
}

static void
rj_recovery_sheet_print_class_init (RjRecoverySheetPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = rj_recovery_sheet_print_finalize;

  operation_class->draw_page = rj_recovery_sheet_print_draw_page;
}

static void
rj_recovery_sheet_print_init (RjRecoverySheetPrint *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The sheet sets its own margins, in points, on the whole sheet of paper. */
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Recovery Code"));
}

/**
 * rj_recovery_sheet_print_new:
 * @code: the recovery code
 * @created: when the code was made
 *
 * Returns: (transfer full): a print operation for the recovery code page
 */
RjRecoverySheetPrint *
rj_recovery_sheet_print_new (const char *code,
                             GDateTime  *created)
{
  RjRecoverySheetPrint *self;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);

  self = g_object_new (RJ_TYPE_RECOVERY_SHEET_PRINT, NULL);
  self->code = g_strdup (code);
  self->created = g_date_time_ref (created);

  return self;
}
