/* rj-new-code-dialog.c: a new recovery code, shown once, to print or save.
 *
 * The preferences window asks first, since the old code stops working, then makes the
 * code and hands it to this dialog. The dialog prints it and saves it as a PDF with the
 * same page as the first recovery code, and forgets it when it closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-new-code-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-utils.h"
#include "rj-entry.h"
#include "rj-new-code-dialog.h"
#include "rj-recovery-sheet.h"
#include "rj-recovery-sheet-print.h"

struct _RjNewCodeDialog
{
  AdwMessageDialog parent_instance;

  char *code;
  GDateTime *created;
  GtkPrintOperation *print_operation;
  GCancellable *cancellable;

  GtkLabel *code_label;
  GtkButton *print_button;
  GtkLabel *status_label;
};

G_DEFINE_FINAL_TYPE (RjNewCodeDialog, rj_new_code_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Results show in the dialog itself: it is modal, so a toast behind it would go unseen. */
static void
show_status (RjNewCodeDialog *self,
             const char      *status)
{
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

static void
report_print_error (RjNewCodeDialog   *self,
                    GtkPrintOperation *operation)
{
  g_autofree char *status =
    rj_recovery_sheet_print_dup_error_message (RJ_RECOVERY_SHEET_PRINT (operation));

  if (status != NULL)
    show_status (self, status);
}

static void
print_operation_done_cb (RjNewCodeDialog         *self,
                         GtkPrintOperationResult  result,
                         GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    report_print_error (self, operation);
}

static void
save_pdf_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RjNewCodeDialog *self = RJ_NEW_CODE_DIALOG (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  if (!rj_new_code_dialog_save_pdf_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          status = g_strdup_printf (_("The recovery code could not be saved: %s"),
                                    error->message);
          show_status (self, status);
        }
      return;
    }

  /* Translators: %s is a file name. */
  status = g_strdup_printf (_("Saved as “%s”."), g_file_peek_path (file));
  show_status (self, status);
}

static void
file_chooser_response_cb (RjNewCodeDialog      *self,
                          int                   response,
                          GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        {
          rj_forget_recent_file (NULL, file);
          rj_new_code_dialog_save_pdf_async (self, file, self->cancellable, save_pdf_cb,
                                             g_object_ref (file));
        }
    }

  g_object_unref (native);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RjNewCodeDialog *self = RJ_NEW_CODE_DIALOG (widget);
  GtkPrintOperationResult result;

  if (self->code == NULL)
    return;

  show_status (self, NULL);
  g_clear_object (&self->print_operation);
  self->print_operation = GTK_PRINT_OPERATION (rj_recovery_sheet_print_new (self->code,
                                                                            self->created));
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done",
                           G_CALLBACK (print_operation_done_cb), self, G_CONNECT_SWAPPED);

  result = gtk_print_operation_run (self->print_operation,
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self),
                                    NULL);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    report_print_error (self, self->print_operation);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RjNewCodeDialog *self = RJ_NEW_CODE_DIALOG (widget);
  GtkFileChooserNative *native;

  if (self->code == NULL)
    return;

  show_status (self, NULL);
  native = rj_recovery_sheet_pdf_chooser_new (GTK_WINDOW (self));
  g_signal_connect_object (native, "response", G_CALLBACK (file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Focus goes to Print rather than to the code, which would select it all. */
static void
rj_new_code_dialog_map (GtkWidget *widget)
{
  RjNewCodeDialog *self = RJ_NEW_CODE_DIALOG (widget);

  GTK_WIDGET_CLASS (rj_new_code_dialog_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->print_button));
}

static void
rj_new_code_dialog_constructed (GObject *object)
{
  RjNewCodeDialog *self = (RjNewCodeDialog *) object;
  g_autofree char *display = NULL;

  G_OBJECT_CLASS (rj_new_code_dialog_parent_class)->constructed (object);

  if (self->code != NULL)
    display = rj_recovery_sheet_format_code (self->code);
  gtk_label_set_label (self->code_label, display != NULL ? display : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.print", self->code != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.save-pdf", self->code != NULL);
}

static void
rj_new_code_dialog_dispose (GObject *object)
{
  RjNewCodeDialog *self = (RjNewCodeDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->print_operation);

  /* Nothing of the code stays on screen or in the label's memory. */
  if (self->code_label != NULL)
    gtk_label_set_label (self->code_label, "");

  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_NEW_CODE_DIALOG);

  G_OBJECT_CLASS (rj_new_code_dialog_parent_class)->dispose (object);
}

static void
rj_new_code_dialog_finalize (GObject *object)
{
  RjNewCodeDialog *self = (RjNewCodeDialog *) object;

  g_clear_pointer (&self->code, rj_wipe_string);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (rj_new_code_dialog_parent_class)->finalize (object);
}

static void
rj_new_code_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RjNewCodeDialog *self = RJ_NEW_CODE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_new_code_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RjNewCodeDialog *self = RJ_NEW_CODE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_new_code_dialog_class_init (RjNewCodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_new_code_dialog_constructed;
  object_class->dispose = rj_new_code_dialog_dispose;
  object_class->finalize = rj_new_code_dialog_finalize;
  object_class->get_property = rj_new_code_dialog_get_property;
  object_class->set_property = rj_new_code_dialog_set_property;

  widget_class->map = rj_new_code_dialog_map;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-new-code-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RjNewCodeDialog, code_label);
  gtk_widget_class_bind_template_child (widget_class, RjNewCodeDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, RjNewCodeDialog, status_label);

  gtk_widget_class_install_action (widget_class, "code.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "code.save-pdf", NULL, save_pdf_action);
}

static void
rj_new_code_dialog_init (RjNewCodeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->created = g_date_time_new_now_local ();
  self->cancellable = g_cancellable_new ();

  /* Names for screen readers where GTK 4.8 would give none or a mangled one. */
  rj_accessible_fix_names (GTK_WIDGET (self));
}

/**
 * rj_new_code_dialog_new:
 * @parent: (nullable): the window to show the dialog over
 * @code: the new recovery code, as the store formats it
 *
 * Returns: (transfer floating): a new dialog, destroyed with @parent
 */
GtkWidget *
rj_new_code_dialog_new (GtkWindow  *parent,
                        const char *code)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_object_new (RJ_TYPE_NEW_CODE_DIALOG,
                       "transient-for", parent,
                       "code", code,
                       NULL);
}

/**
 * rj_new_code_dialog_get_code:
 * @self: a #RjNewCodeDialog
 *
 * Returns: the code shown
 */
const char *
rj_new_code_dialog_get_code (RjNewCodeDialog *self)
{
  g_return_val_if_fail (RJ_IS_NEW_CODE_DIALOG (self), NULL);

  return self->code;
}

/**
 * rj_new_code_dialog_save_pdf_async:
 * @self: a #RjNewCodeDialog
 * @file: where to save the page, a local file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the recovery code page as a one-page PDF on the paper size of the client's
 * locale, in a thread.
 */
void
rj_new_code_dialog_save_pdf_async (RjNewCodeDialog     *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RJ_IS_NEW_CODE_DIALOG (self));

  rj_recovery_sheet_save_pdf_async (self, file, self->code, self->created, cancellable,
                                    callback, user_data);
}

gboolean
rj_new_code_dialog_save_pdf_finish (RjNewCodeDialog  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (RJ_IS_NEW_CODE_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return rj_recovery_sheet_save_pdf_finish (result, error);
}
