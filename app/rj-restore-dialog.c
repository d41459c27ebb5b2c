/* rj-restore-dialog.c: bringing a journal back from an encrypted backup, step by step.
 *
 * The steps are the pages of a stack: choose the backup file; type the passphrase or
 * the recovery code the journal had when the backup was made; wait while the backup
 * is opened and checked through and through, off the main thread; see what it holds
 * and, when a journal is already here, that it will be kept as a copy; then Restore.
 * Nothing on disk changes before that last button, and a backup that turns out wrong,
 * damaged or too new for this version stops the flow with a calm word and changes
 * nothing.
 *
 * The dialog needs the journal locked: the window locks it before it opens the dialog.
 * Once the backup is in place the dialog emits RjRestoreDialog::restored with the
 * secret that opened it, so that the window can open the restored journal with it
 * without asking again, and closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-restore-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rj-backup.h"
#include "rj-restore-dialog.h"
#include "rj-utils.h"

struct _RjRestoreDialog
{
  AdwWindow parent_instance;

  RjContext *context;
  GCancellable *cancellable;

  /* The backup chosen, once its header has been read. Threads use it while busy;
   * each holds a reference on the dialog, so it is freed only in finalize. */
  RjBackup *backup;
  char *file_name;
  char *message;
  char *contents;
  gboolean busy;
  gboolean use_recovery_code;
  gboolean checking_with_recovery_code;

  /* Template widgets */
  GtkStack *stack;
  AdwStatusPage *choose_page;
  AdwStatusPage *secret_page;
  AdwStatusPage *confirm_page;
  AdwStatusPage *problem_page;
  GtkStack *secret_stack;
  AdwPasswordEntryRow *passphrase_row;
  AdwEntryRow *recovery_code_row;
  GtkLabel *message_label;
  GtkButton *mode_button;
  GtkSpinner *spinner;
  GtkLabel *replace_label;
  GtkButton *restore_button;
};

G_DEFINE_FINAL_TYPE (RjRestoreDialog, rj_restore_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_STEP,
  PROP_BUSY,
  PROP_FILE_NAME,
  PROP_PASSPHRASE,
  PROP_RECOVERY_CODE,
  PROP_USE_RECOVERY_CODE,
  PROP_MESSAGE,
  PROP_CONTENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RjStore *
get_store (RjRestoreDialog *self)
{
  return rj_context_get_store (self->context);
}

static GtkEditable *
get_secret_row (RjRestoreDialog *self)
{
  if (self->use_recovery_code)
    return GTK_EDITABLE (self->recovery_code_row);
  return GTK_EDITABLE (self->passphrase_row);
}

static void
set_string (RjRestoreDialog  *self,
            char            **field,
            const char       *value,
            guint             prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_message (RjRestoreDialog *self,
             const char      *message)
{
  if (rj_message_label_set (self->message_label, &self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
update_state (RjRestoreDialog *self)
{
  gboolean has_secret = gtk_editable_get_text (get_secret_row (self))[0] != '\0';

  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.check",
                                 self->backup != NULL && has_secret && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.restore",
                                 self->backup != NULL && rj_backup_is_verified (self->backup)
                                 && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.choose-file", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.use-recovery-code", !self->busy);
}

static void
set_busy (RjRestoreDialog *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_step (RjRestoreDialog *self,
           const char      *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);

  if (g_str_equal (step, "secret"))
    gtk_widget_grab_focus (GTK_WIDGET (get_secret_row (self)));
  else
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* A dead end: says why in the client's words, and that nothing changed. */
static void
show_problem (RjRestoreDialog *self,
              const GError    *error,
              const char      *message)
{
  const char *title = _("This Backup Cannot Be Restored");
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autofree char *description = NULL;

  /* Translators: %s says why a backup cannot be restored. */
  description = g_strdup_printf (_("%s\n\nNothing on this computer was changed."), escaped);

  if (g_error_matches (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_NOT_A_BACKUP))
    title = _("Not a Backup");
  else if (g_error_matches (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_NEWER_FORMAT))
    title = _("Update Recovery Journal");
  else if (g_error_matches (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_DAMAGED))
    title = _("This Backup Is Damaged");
  adw_status_page_set_title (self->problem_page, title);
  adw_status_page_set_description (self->problem_page, description);
  set_string (self, &self->message, message, PROP_MESSAGE);
  show_step (self, "problem");
}

static char *
describe_error (const GError *error)
{
  if (error->domain == RJ_BACKUP_ERROR)
    switch ((RjBackupError) error->code)
      {
      case RJ_BACKUP_ERROR_NOT_A_BACKUP:
        return g_strdup (_("This file is not a Recovery Journal backup. Choose a file that "
                           "Recovery Journal saved as a backup."));
      case RJ_BACKUP_ERROR_NEWER_FORMAT:
        return g_strdup (_("This backup was made by a newer version of Recovery Journal. "
                           "Update the app, then try again."));
      case RJ_BACKUP_ERROR_DAMAGED:
        return g_strdup (_("Part of this file has changed since the backup was made, so "
                           "it cannot be restored. An older backup may still be whole."));
      case RJ_BACKUP_ERROR_WRONG_PASSPHRASE:
        return g_strdup (_("That passphrase didn’t open the backup. It opens with the "
                           "passphrase your journal had when the backup was made."));
      case RJ_BACKUP_ERROR_WRONG_RECOVERY_CODE:
        return g_strdup (_("That recovery code didn’t open the backup. It opens with the "
                           "recovery code your journal had when the backup was made."));
      default:
        break;
      }

  /* Translators: %s says why, as in "No space left on device". */
  return g_strdup_printf (_("The backup could not be checked: %s"), error->message);
}

/* Steps */

static void
update_mode (RjRestoreDialog *self)
{
  rj_secret_mode_show (self->secret_stack, self->mode_button, self->use_recovery_code);
}

static void
update_secret_page (RjRestoreDialog *self)
{
  g_autofree char *escaped = g_markup_escape_text (self->file_name != NULL ? self->file_name : "",
                                                   -1);
  g_autofree char *description = NULL;

  /* Translators: %s is the backup's file name, already in bold. */
  description = g_strdup_printf (self->use_recovery_code
                                 ? _("<b>%s</b>\n\nType the recovery code your journal had "
                                     "when this backup was made.")
                                 : _("<b>%s</b>\n\nType the passphrase your journal had when "
                                     "this backup was made."),
                                 escaped);
  adw_status_page_set_description (self->secret_page, description);
}

static void
set_use_recovery_code (RjRestoreDialog *self,
                       gboolean         use_recovery_code)
{
  use_recovery_code = !!use_recovery_code;
  if (self->use_recovery_code == use_recovery_code)
    return;

  self->use_recovery_code = use_recovery_code;
  set_message (self, NULL);
  update_mode (self);
  update_secret_page (self);
  update_state (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "secret") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (get_secret_row (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USE_RECOVERY_CODE]);
}

static void
clear_secrets (RjRestoreDialog *self)
{
  rj_entry_row_clear (ADW_ENTRY_ROW (self->passphrase_row));
  rj_entry_row_clear (self->recovery_code_row);
}

static void
secret_row_changed_cb (RjRestoreDialog *self,
                       GtkEditable     *row)
{
  set_message (self, NULL);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self),
                            row == GTK_EDITABLE (self->passphrase_row)
                            ? properties[PROP_PASSPHRASE]
                            : properties[PROP_RECOVERY_CODE]);
}

static void
secret_row_entry_activated_cb (RjRestoreDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "restore.check", NULL);
}

static void
stack_notify_visible_child_name_cb (RjRestoreDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static char *
format_contents (RjBackup *backup)
{
  GDateTime *created = rj_backup_get_created (backup);
  guint n_entries = rj_backup_get_n_entries (backup);
  g_autofree char *days = NULL;
  g_autofree char *date = NULL;

  /* Translators: how many days of the journal have an entry. */
  days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", n_entries),
                          n_entries);
  if (created == NULL)
    return g_steal_pointer (&days);

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (created);

    /* TRANSLATORS: a date in g_date_time_format() style, such as “12 November 2026”.
     * %-d is the day of the month, %B the month's name, %Y the year; as in
     * "%-d de %B de %Y". */
    date = g_date_time_format (local, C_("backup date", "%-d %B %Y"));
  }

  /* Translators: “Made on 12 November 2026 · 143 days”. */
  return g_strdup_printf (_("Made on %s · %s"), date, days);
}

static char *
dup_journal_stem (RjRestoreDialog *self)
{
  g_autofree char *base = g_path_get_basename (rj_store_get_path (get_store (self)));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static void
show_confirm (RjRestoreDialog *self)
{
  g_autofree char *contents = format_contents (self->backup);
  g_autofree char *escaped = g_markup_escape_text (contents, -1);

  set_string (self, &self->contents, contents, PROP_CONTENTS);
  adw_status_page_set_description (self->confirm_page, escaped);

  if (rj_store_exists (get_store (self)))
    {
      g_autofree char *stem = dup_journal_stem (self);
      g_autofree char *text = NULL;

      /* Translators: %s is the journal file's name without its extension, such as
       * “journal”; the copy's name then adds the date and time of the restore. */
      text = g_strdup_printf (_("The journal on this computer will be replaced. It is kept "
                                "as a copy beside it, named “%s before restore” with "
                                "today’s date."),
                              stem);
      gtk_label_set_label (self->replace_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->replace_label), TRUE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->restore_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->restore_button), "destructive-action");
    }
  else
    {
      /* Nothing is replaced on a computer without a journal. */
      gtk_widget_set_visible (GTK_WIDGET (self->replace_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->restore_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->restore_button), "suggested-action");
    }

  update_state (self);
  show_step (self, "confirm");
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RjRestoreDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!rj_backup_verify_finish (self->backup, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      message = describe_error (error);
      show_problem (self, error, message);
      return;
    }

  set_busy (self, FALSE);
  show_confirm (self);
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RjRestoreDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!rj_backup_unlock_finish (self->backup, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      message = describe_error (error);

      /* A wrong passphrase is an ordinary slip: back to the field as it was typed. */
      if (g_error_matches (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_PASSPHRASE) ||
          g_error_matches (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_RECOVERY_CODE))
        {
          show_step (self, "secret");
          set_message (self, message);
          gtk_editable_set_position (get_secret_row (self), -1);
          return;
        }

      show_problem (self, error, message);
      return;
    }

  rj_backup_verify_async (self->backup, rj_store_get_path (get_store (self)), self->cancellable,
                          verify_cb, g_object_ref (self));
}

/* Actions */

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RjRestoreDialog *self = RJ_RESTORE_DIALOG (widget);
  const char *secret = gtk_editable_get_text (get_secret_row (self));

  if (self->busy || self->backup == NULL || secret[0] == '\0')
    return;

  set_message (self, NULL);
  set_busy (self, TRUE);
  self->checking_with_recovery_code = self->use_recovery_code;
  show_step (self, "checking");

  rj_backup_unlock_async (self->backup, secret, self->use_recovery_code, self->cancellable,
                          unlock_cb, g_object_ref (self));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RjRestoreDialog *self = RJ_RESTORE_DIALOG (widget);
  RjStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *previous_copy = NULL;
  g_autofree char *message = NULL;
  char *secret;
  gboolean is_recovery_code;

  if (self->busy || self->backup == NULL || !rj_backup_is_verified (self->backup))
    return;

  /* The window locks the journal before it opens this dialog; should it be open
   * again somehow, it is not replaced under the client's hands. */
  if (rj_store_is_unlocked (store))
    {
      show_problem (self, NULL, _("Your journal is open. Lock it, then restore the backup."));
      return;
    }

  if (!rj_backup_install (self->backup, rj_store_get_path (store), &previous_copy, &error))
    {
      /* Translators: %s says why, as in "No space left on device". */
      message = g_strdup_printf (_("The backup could not be put in place: %s"), error->message);
      show_problem (self, error, message);
      return;
    }

  /* The secret goes with the signal, and out of the fields first. */
  secret = g_strdup (gtk_editable_get_text (get_secret_row (self)));
  is_recovery_code = self->checking_with_recovery_code;
  clear_secrets (self);

  g_object_ref (self);
  g_signal_emit (self, signals[RESTORED], 0, secret, is_recovery_code, previous_copy);
  g_clear_pointer (&secret, rj_wipe_string);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(RjRestoreDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      /* A backup is a file the client chose to keep apart: it stays off the list of
       * recently used files. */
      rj_forget_recent_file (NULL, file);
      rj_restore_dialog_open_file (self, file);
    }

  g_object_unref (native);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RjRestoreDialog *self = RJ_RESTORE_DIALOG (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *filter;

  if (self->busy)
    return;

  native = gtk_file_chooser_native_new (_("Choose a Backup"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Recovery Journal backups"));
  gtk_file_filter_add_suffix (filter, RJ_BACKUP_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* GObject */

static void
rj_restore_dialog_constructed (GObject *object)
{
  RjRestoreDialog *self = (RjRestoreDialog *) object;

  G_OBJECT_CLASS (rj_restore_dialog_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));

  adw_status_page_set_description (self->choose_page,
                                   rj_store_exists (get_store (self))
                                   ? _("Choose a backup file made by Recovery Journal. You "
                                       "will see what it holds before anything is replaced.")
                                   : _("Choose a backup file made by Recovery Journal, such "
                                       "as one from a USB stick or your old computer."));
}

static void
rj_restore_dialog_dispose (GObject *object)
{
  RjRestoreDialog *self = (RjRestoreDialog *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->passphrase_row != NULL)
    clear_secrets (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_RESTORE_DIALOG);

  G_OBJECT_CLASS (rj_restore_dialog_parent_class)->dispose (object);
}

static void
rj_restore_dialog_finalize (GObject *object)
{
  RjRestoreDialog *self = (RjRestoreDialog *) object;

  /* Every thread that used the backup held a reference on the dialog. */
  g_clear_pointer (&self->backup, rj_backup_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->contents, g_free);

  G_OBJECT_CLASS (rj_restore_dialog_parent_class)->finalize (object);
}

static void
rj_restore_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RjRestoreDialog *self = RJ_RESTORE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_STEP:
      g_value_set_string (value, rj_restore_dialog_get_step (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_PASSPHRASE:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
      break;

    case PROP_RECOVERY_CODE:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->recovery_code_row)));
      break;

    case PROP_USE_RECOVERY_CODE:
      g_value_set_boolean (value, self->use_recovery_code);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_CONTENTS:
      g_value_set_string (value, self->contents);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_restore_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RjRestoreDialog *self = RJ_RESTORE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PASSPHRASE:
      rj_entry_row_set_text (ADW_ENTRY_ROW (self->passphrase_row), g_value_get_string (value));
      break;

    case PROP_RECOVERY_CODE:
      rj_entry_row_set_text (self->recovery_code_row, g_value_get_string (value));
      break;

    case PROP_USE_RECOVERY_CODE:
      set_use_recovery_code (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_restore_dialog_class_init (RjRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_restore_dialog_constructed;
  object_class->dispose = rj_restore_dialog_dispose;
  object_class->finalize = rj_restore_dialog_finalize;
  object_class->get_property = rj_restore_dialog_get_property;
  object_class->set_property = rj_restore_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RjRestoreDialog:step:
   *
   * The step shown: "choose", "secret", "checking", "confirm" or "problem".
   */
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PASSPHRASE] =
    g_param_spec_string ("passphrase", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RECOVERY_CODE] =
    g_param_spec_string ("recovery-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USE_RECOVERY_CODE] =
    g_param_spec_boolean ("use-recovery-code", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What went wrong, as the dialog says it; NULL when nothing did. */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* What the checked backup holds, as “Made on 12 November 2026 · 143 days”. */
  properties[PROP_CONTENTS] =
    g_param_spec_string ("contents", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjRestoreDialog::restored:
   * @self: the dialog
   * @secret: the passphrase or recovery code that opened the backup; it opens the
   *   restored journal too. Wiped when the handler returns.
   * @is_recovery_code: whether @secret is the recovery code
   * @previous_copy: (nullable): where the journal that was replaced is kept, or %NULL
   *   when there was none
   *
   * The backup is in place of the journal, which is still locked. The dialog closes
   * itself right after.
   */
  signals[RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_BOOLEAN, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, secret_page);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, confirm_page);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, problem_page);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, secret_stack);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, recovery_code_row);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, mode_button);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, replace_label);
  gtk_widget_class_bind_template_child (widget_class, RjRestoreDialog, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, secret_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, secret_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_notify_visible_child_name_cb);

  gtk_widget_class_install_action (widget_class, "restore.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "restore.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "restore.restore", NULL, restore_action);
  gtk_widget_class_install_property_action (widget_class, "restore.use-recovery-code",
                                            "use-recovery-code");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rj_restore_dialog_init (RjRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  rj_entry_row_keep_secret (ADW_ENTRY_ROW (self->passphrase_row));
  rj_entry_row_keep_secret (self->recovery_code_row);

  update_mode (self);
  update_state (self);

  /* Names for screen readers where GTK 4.8 would give none or a mangled one. */
  rj_accessible_fix_names (GTK_WIDGET (self));
}

/**
 * rj_restore_dialog_new:
 * @parent: the journal's window
 * @context: the journal, locked
 *
 * Returns: (transfer none): a new dialog, owned by GTK until it is destroyed
 */
GtkWidget *
rj_restore_dialog_new (GtkWindow *parent,
                       RjContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_RESTORE_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

RjContext *
rj_restore_dialog_get_context (RjRestoreDialog *self)
{
  g_return_val_if_fail (RJ_IS_RESTORE_DIALOG (self), NULL);

  return self->context;
}

/**
 * rj_restore_dialog_open_file:
 * @self: a #RjRestoreDialog
 * @file: the backup the client chose
 *
 * Reads the backup's header, which needs no secret, and asks for the passphrase or
 * the recovery code; or says why the file cannot be restored. What the file chooser
 * does with the file chosen.
 */
void
rj_restore_dialog_open_file (RjRestoreDialog *self,
                             GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  RjBackup *backup;

  g_return_if_fail (RJ_IS_RESTORE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  set_string (self, &self->file_name, name, PROP_FILE_NAME);
  set_message (self, NULL);
  g_clear_pointer (&self->backup, rj_backup_free);

  if (path == NULL)
    {
      show_problem (self, NULL, _("This file could not be opened from here. Copy it to this "
                                  "computer first, then choose it again."));
      update_state (self);
      return;
    }

  backup = rj_backup_open (path, &error);
  if (backup == NULL)
    {
      if (error->domain == RJ_BACKUP_ERROR)
        message = describe_error (error);
      else
        /* Translators: %s says why, as in "Permission denied". */
        message = g_strdup_printf (_("The backup could not be read: %s"), error->message);
      show_problem (self, error, message);
      update_state (self);
      return;
    }

  self->backup = backup;
  update_secret_page (self);
  update_state (self);
  show_step (self, "secret");
}

/**
 * rj_restore_dialog_get_step:
 * @self: a #RjRestoreDialog
 *
 * Returns: see #RjRestoreDialog:step
 */
const char *
rj_restore_dialog_get_step (RjRestoreDialog *self)
{
  g_return_val_if_fail (RJ_IS_RESTORE_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
rj_restore_dialog_get_busy (RjRestoreDialog *self)
{
  g_return_val_if_fail (RJ_IS_RESTORE_DIALOG (self), FALSE);

  return self->busy;
}
