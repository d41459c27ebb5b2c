/* rj-recovery-code-page.c: showing a new recovery code, once.
 *
 * The code is shown large and can be printed or saved as a PDF; the page forgets it
 * as soon as the client moves on or the journal locks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-recovery-code-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-entry.h"
#include "rj-recovery-code-page.h"
#include "rj-recovery-sheet.h"
#include "rj-recovery-sheet-print.h"
#include "rj-utils.h"

struct _RjRecoveryCodePage
{
  AdwBin parent_instance;

  RjContext *context;
  char *code;
  GDateTime *created;
  gboolean replaces_old_code;
  GtkPrintOperation *print_operation;

  AdwStatusPage *status_page;
  GtkLabel *code_label;
  GtkButton *print_button;
};

G_DEFINE_FINAL_TYPE (RjRecoveryCodePage, rj_recovery_code_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CODE,
  PROP_REPLACES_OLD_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_texts (RjRecoveryCodePage *self)
{
  if (self->replaces_old_code)
    {
      adw_status_page_set_title (self->status_page, _("Your New Recovery Code"));
      adw_status_page_set_description (self->status_page,
                                       _("Your new passphrase is saved. The code you just "
                                         "used no longer works, so here is a new one. It is "
                                         "shown only this once: print it or save it."));
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("Your Recovery Code"));
      adw_status_page_set_description (self->status_page,
                                       _("If you ever forget your passphrase, this code opens "
                                         "your journal. It is shown only this once: print it "
                                         "or save it."));
    }
}

static void
update_actions (RjRecoveryCodePage *self)
{
  gboolean has_code = self->code != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.print", has_code);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.save-pdf", has_code);
}

static void
report_print_error (RjRecoveryCodePage *self,
                    GtkPrintOperation  *operation)
{
  g_autofree char *title =
    rj_recovery_sheet_print_dup_error_message (RJ_RECOVERY_SHEET_PRINT (operation));

  if (title != NULL)
    rj_widget_show_toast (GTK_WIDGET (self), title);
}

static void
print_operation_done_cb (RjRecoveryCodePage      *self,
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
  RjRecoveryCodePage *self = RJ_RECOVERY_CODE_PAGE (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!rj_recovery_code_page_save_pdf_finish (self, result, &error))
    {
      title = g_strdup_printf (_("The recovery code could not be saved: %s"), error->message);
      rj_widget_show_toast (GTK_WIDGET (self), title);
      return;
    }

  /* Translators: %s is a file name. */
  title = g_strdup_printf (_("Recovery code saved as “%s”"), g_file_peek_path (file));
  rj_widget_show_toast (GTK_WIDGET (self), title);
}

static void
file_chooser_response_cb (RjRecoveryCodePage   *self,
                          int                   response,
                          GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        {
          rj_forget_recent_file (NULL, file);
          rj_recovery_code_page_save_pdf_async (self, file, NULL, save_pdf_cb,
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
  RjRecoveryCodePage *self = RJ_RECOVERY_CODE_PAGE (widget);
  GtkPrintOperationResult result;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->code == NULL)
    return;

  g_clear_object (&self->print_operation);
  self->print_operation = GTK_PRINT_OPERATION (rj_recovery_sheet_print_new (self->code,
                                                                            self->created));
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done",
                           G_CALLBACK (print_operation_done_cb), self, G_CONNECT_SWAPPED);

  result = gtk_print_operation_run (self->print_operation,
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    NULL);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    report_print_error (self, self->print_operation);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RjRecoveryCodePage *self = RJ_RECOVERY_CODE_PAGE (widget);
  GtkFileChooserNative *native;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->code == NULL)
    return;

  native = rj_recovery_sheet_pdf_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (native, "response", G_CALLBACK (file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RjRecoveryCodePage *self = RJ_RECOVERY_CODE_PAGE (widget);

  g_signal_emit (self, signals[DONE], 0);
}

/* Focus goes to Print rather than to the code, which would select it all. */
static gboolean
rj_recovery_code_page_grab_focus (GtkWidget *widget)
{
  RjRecoveryCodePage *self = RJ_RECOVERY_CODE_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->print_button));
}

static void
rj_recovery_code_page_constructed (GObject *object)
{
  RjRecoveryCodePage *self = (RjRecoveryCodePage *) object;

  G_OBJECT_CLASS (rj_recovery_code_page_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
}

static void
rj_recovery_code_page_dispose (GObject *object)
{
  RjRecoveryCodePage *self = (RjRecoveryCodePage *) object;

  /* AdwBin keeps its own pointer to the child, which the template is about to drop. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_RECOVERY_CODE_PAGE);

  g_clear_object (&self->print_operation);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_recovery_code_page_parent_class)->dispose (object);
}

static void
rj_recovery_code_page_finalize (GObject *object)
{
  RjRecoveryCodePage *self = (RjRecoveryCodePage *) object;

  g_clear_pointer (&self->code, rj_wipe_string);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (rj_recovery_code_page_parent_class)->finalize (object);
}

static void
rj_recovery_code_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RjRecoveryCodePage *self = RJ_RECOVERY_CODE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_REPLACES_OLD_CODE:
      g_value_set_boolean (value, self->replaces_old_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_recovery_code_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RjRecoveryCodePage *self = RJ_RECOVERY_CODE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_recovery_code_page_class_init (RjRecoveryCodePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_recovery_code_page_constructed;
  object_class->dispose = rj_recovery_code_page_dispose;
  object_class->finalize = rj_recovery_code_page_finalize;
  object_class->get_property = rj_recovery_code_page_get_property;
  object_class->set_property = rj_recovery_code_page_set_property;

  widget_class->grab_focus = rj_recovery_code_page_grab_focus;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_REPLACES_OLD_CODE] =
    g_param_spec_boolean ("replaces-old-code", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjRecoveryCodePage::done:
   * @self: the page
   *
   * The client says they have kept the code.
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-recovery-code-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryCodePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryCodePage, code_label);
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryCodePage, print_button);

  gtk_widget_class_install_action (widget_class, "code.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "code.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "code.done", NULL, done_action);
}

static void
rj_recovery_code_page_init (RjRecoveryCodePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_texts (self);
  update_actions (self);
}

GtkWidget *
rj_recovery_code_page_new (RjContext *context)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_RECOVERY_CODE_PAGE,
                       "context", context,
                       NULL);
}

/**
 * rj_recovery_code_page_get_code:
 * @self: a #RjRecoveryCodePage
 *
 * Returns: (nullable): the code shown, or %NULL
 */
const char *
rj_recovery_code_page_get_code (RjRecoveryCodePage *self)
{
  g_return_val_if_fail (RJ_IS_RECOVERY_CODE_PAGE (self), NULL);

  return self->code;
}

/**
 * rj_recovery_code_page_set_code:
 * @self: a #RjRecoveryCodePage
 * @code: (nullable): the recovery code, as the store formats it
 * @replaces_old_code: whether the code replaces one the client just used
 *
 * Shows @code, made now.
 */
void
rj_recovery_code_page_set_code (RjRecoveryCodePage *self,
                                const char         *code,
                                gboolean            replaces_old_code)
{
  g_autofree char *display = NULL;

  g_return_if_fail (RJ_IS_RECOVERY_CODE_PAGE (self));

  g_clear_pointer (&self->code, rj_wipe_string);
  g_clear_pointer (&self->created, g_date_time_unref);
  /* The last print operation holds a copy of the old code; one still printing keeps
   * its own reference until it is done. */
  g_clear_object (&self->print_operation);

  if (code != NULL)
    {
      self->code = g_strdup (code);
      self->created = g_date_time_new_now_local ();
      display = rj_recovery_sheet_format_code (code);
    }

  gtk_label_set_label (self->code_label, display != NULL ? display : "");
  self->replaces_old_code = replaces_old_code;

  update_texts (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLACES_OLD_CODE]);
}

/**
 * rj_recovery_code_page_clear:
 * @self: a #RjRecoveryCodePage
 *
 * Forgets the code and takes it off the screen.
 */
void
rj_recovery_code_page_clear (RjRecoveryCodePage *self)
{
  g_return_if_fail (RJ_IS_RECOVERY_CODE_PAGE (self));

  rj_recovery_code_page_set_code (self, NULL, FALSE);
}

/**
 * rj_recovery_code_page_save_pdf_async:
 * @self: a #RjRecoveryCodePage showing a code
 * @file: where to save the page, a local file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the recovery code page as a one-page PDF on the paper size of the client's
 * locale, in a thread.
 */
void
rj_recovery_code_page_save_pdf_async (RjRecoveryCodePage  *self,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (RJ_IS_RECOVERY_CODE_PAGE (self));

  rj_recovery_sheet_save_pdf_async (self, file, self->code, self->created, cancellable,
                                    callback, user_data);
}

gboolean
rj_recovery_code_page_save_pdf_finish (RjRecoveryCodePage  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (RJ_IS_RECOVERY_CODE_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return rj_recovery_sheet_save_pdf_finish (result, error);
}
