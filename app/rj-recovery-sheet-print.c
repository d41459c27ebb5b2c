/* rj-recovery-sheet-print.c: printing the recovery code page.
 *
 * The page is drawn by the model's rj_recovery_sheet_draw(), the same code that
 * writes the PDF, so that a printout and a saved file look alike. The first recovery
 * code page and the new-code dialog both print with it, and save the PDF with the
 * functions at the end of this file.
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
  gboolean error_reported;
};

G_DEFINE_FINAL_TYPE (RjRecoverySheetPrint, rj_recovery_sheet_print, GTK_TYPE_PRINT_OPERATION)

typedef struct
{
  char *path;
  char *code;
  GDateTime *created;
  double width;
  double height;
} SavePdfData;

static void
save_pdf_data_free (SavePdfData *data)
{
  g_free (data->path);
  rj_wipe_string (data->code);
  g_date_time_unref (data->created);
  g_free (data);
}

static void
save_pdf_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  SavePdfData *data = task_data;
  GError *error = NULL;

  if (rj_recovery_sheet_write_pdf (data->path, data->width, data->height, data->code,
                                   data->created, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

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

/**
 * rj_recovery_sheet_print_dup_error_message:
 * @self: a #RjRecoverySheetPrint that failed
 *
 * GTK reports a failure both from gtk_print_operation_run() and in
 * #GtkPrintOperation::done, depending on when it happens; the client hears of it once.
 *
 * Returns: (transfer full) (nullable): what to tell the client, or %NULL when that was
 *   said already
 */
char *
rj_recovery_sheet_print_dup_error_message (RjRecoverySheetPrint *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RJ_IS_RECOVERY_SHEET_PRINT (self), NULL);

  if (self->error_reported)
    return NULL;
  self->error_reported = TRUE;

  gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
  return g_strdup_printf (_("The recovery code could not be printed: %s"),
                          error != NULL ? error->message : _("the printer did not answer"));
}

/**
 * rj_recovery_sheet_pdf_chooser_new:
 * @parent: (nullable): the window to show the chooser over
 *
 * The caller connects to #GtkNativeDialog::response, shows the chooser, and unrefs it
 * in the response handler.
 *
 * Returns: (transfer full): a modal chooser for where to save the recovery code PDF
 */
GtkFileChooserNative *
rj_recovery_sheet_pdf_chooser_new (GtkWindow *parent)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  native = gtk_file_chooser_native_new (_("Save Recovery Code"),
                                        parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Recovery code.pdf"));

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  return native;
}

/**
 * rj_recovery_sheet_save_pdf_async:
 * @source_object: (nullable): the widget that saves, the source of the #GTask
 * @file: where to save the page, a local file
 * @code: (nullable): the recovery code; %NULL fails with %G_IO_ERROR_INVALID_ARGUMENT
 * @created: when the code was made
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the recovery code page as a one-page PDF on the paper size of the client's
 * locale, in a thread.
 */
void
rj_recovery_sheet_save_pdf_async (gpointer             source_object,
                                  GFile               *file,
                                  const char          *code,
                                  GDateTime           *created,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GtkPaperSize *paper_size;
  SavePdfData *data;

  g_return_if_fail (source_object == NULL || G_IS_OBJECT (source_object));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (code == NULL || created != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, rj_recovery_sheet_save_pdf_async);

  if (code == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There is no recovery code to save"));
      return;
    }

  if (g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Choose a folder on this computer"));
      return;
    }

  paper_size = gtk_paper_size_new (NULL);
  data = g_new0 (SavePdfData, 1);
  data->path = g_file_get_path (file);
  data->code = g_strdup (code);
  data->created = g_date_time_ref (created);
  data->width = gtk_paper_size_get_width (paper_size, GTK_UNIT_POINTS);
  data->height = gtk_paper_size_get_height (paper_size, GTK_UNIT_POINTS);
  gtk_paper_size_free (paper_size);

  g_task_set_task_data (task, data, (GDestroyNotify) save_pdf_data_free);
  g_task_run_in_thread (task, save_pdf_thread);
}

gboolean
rj_recovery_sheet_save_pdf_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rj_recovery_sheet_save_pdf_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
