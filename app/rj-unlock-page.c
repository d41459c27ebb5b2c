/* rj-unlock-page.c: opening a locked journal, with the passphrase or the recovery code.
 *
 * A wrong passphrase is an ordinary thing: the page says so calmly, keeps what was
 * typed so that it can be corrected, and changes nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-unlock-page.h"
#include "rj-utils.h"

struct _RjUnlockPage
{
  AdwBin parent_instance;

  RjContext *context;
  GCancellable *cancellable;
  char *message;
  gboolean busy;
  gboolean use_recovery_code;
  gboolean unlocking_with_recovery_code;

  AdwStatusPage *status_page;
  GtkStack *secret_stack;
  AdwPasswordEntryRow *passphrase_row;
  AdwEntryRow *recovery_code_row;
  GtkLabel *message_label;
  GtkSpinner *spinner;
  GtkLabel *busy_label;
  GtkButton *unlock_button;
  GtkButton *mode_button;
};

G_DEFINE_FINAL_TYPE (RjUnlockPage, rj_unlock_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  PROP_PASSPHRASE,
  PROP_RECOVERY_CODE,
  PROP_USE_RECOVERY_CODE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkEditable *
get_secret_row (RjUnlockPage *self)
{
  if (self->use_recovery_code)
    return GTK_EDITABLE (self->recovery_code_row);
  return GTK_EDITABLE (self->passphrase_row);
}

static void
set_message (RjUnlockPage *self,
             const char   *message)
{
  if (rj_message_label_set (self->message_label, &self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
update_state (RjUnlockPage *self)
{
  gboolean has_secret = gtk_editable_get_text (get_secret_row (self))[0] != '\0';

  /* Read-only rather than insensitive while unlocking: a focused GtkText that turns
   * insensitive loses its focus-out event, and the cursor should stay where it was. */
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !self->busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->recovery_code_row), !self->busy);
  rj_busy_indicator_set (self->spinner, GTK_WIDGET (self->busy_label), self->busy);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.unlock", has_secret && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.use-recovery-code", !self->busy);
}

static void
update_mode (RjUnlockPage *self)
{
  rj_secret_mode_show (self->secret_stack, self->mode_button, self->use_recovery_code);

  if (self->use_recovery_code)
    adw_status_page_set_description (self->status_page,
                                     _("Type the recovery code from the page you kept. "
                                       "Then you can choose a new passphrase."));
  /* The demo journal holds made-up entries; its passphrase is no secret. */
  else if (self->context != NULL && rj_context_get_demo (self->context))
    adw_status_page_set_description (self->status_page,
                                     _("This is the demo journal, with made-up entries. "
                                       "Its passphrase is “demo”."));
  else
    adw_status_page_set_description (self->status_page,
                                     _("Type your passphrase to open it."));
}

static void
set_busy (RjUnlockPage *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_use_recovery_code (RjUnlockPage *self,
                       gboolean      use_recovery_code)
{
  use_recovery_code = !!use_recovery_code;
  if (self->use_recovery_code == use_recovery_code)
    return;

  self->use_recovery_code = use_recovery_code;
  set_message (self, NULL);
  update_mode (self);
  update_state (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (get_secret_row (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USE_RECOVERY_CODE]);
}

static void
secret_row_changed_cb (RjUnlockPage *self,
                       GtkEditable  *row)
{
  set_message (self, NULL);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self),
                            row == GTK_EDITABLE (self->passphrase_row)
                            ? properties[PROP_PASSPHRASE]
                            : properties[PROP_RECOVERY_CODE]);
}

static void
secret_row_entry_activated_cb (RjUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock.unlock", NULL);
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RjUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean with_recovery_code = self->unlocking_with_recovery_code;

  if (!rj_store_unlock_finish (RJ_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);

      if (g_error_matches (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_PASSPHRASE))
        set_message (self, _("That passphrase didn’t open the journal. Check Caps Lock and "
                             "try again."));
      else if (g_error_matches (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE))
        set_message (self, _("That recovery code didn’t open the journal. Check each group "
                             "of letters and numbers and try again."));
      else
        set_message (self, error->message);

      /* Back to the field as it was typed, without selecting it: a single slip can
       * then be mended instead of typing everything again. */
      gtk_widget_grab_focus (GTK_WIDGET (get_secret_row (self)));
      gtk_editable_set_position (get_secret_row (self), -1);
      return;
    }

  set_busy (self, FALSE);
  rj_unlock_page_clear (self);
  g_signal_emit (self, signals[UNLOCKED], 0, with_recovery_code);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RjUnlockPage *self = RJ_UNLOCK_PAGE (widget);
  const char *secret = gtk_editable_get_text (get_secret_row (self));

  if (self->busy || secret[0] == '\0')
    return;

  set_message (self, NULL);
  set_busy (self, TRUE);
  self->unlocking_with_recovery_code = self->use_recovery_code;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  rj_store_unlock_async (rj_context_get_store (self->context), secret,
                         self->use_recovery_code, self->cancellable,
                         unlock_cb, g_object_ref (self));
}

static gboolean
rj_unlock_page_grab_focus (GtkWidget *widget)
{
  RjUnlockPage *self = RJ_UNLOCK_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (get_secret_row (self)));
}

static void
rj_unlock_page_constructed (GObject *object)
{
  RjUnlockPage *self = (RjUnlockPage *) object;

  G_OBJECT_CLASS (rj_unlock_page_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
  update_mode (self);
}

static void
rj_unlock_page_dispose (GObject *object)
{
  RjUnlockPage *self = (RjUnlockPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* AdwBin keeps its own pointer to the child, which the template is about to drop. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_UNLOCK_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_unlock_page_parent_class)->dispose (object);
}

static void
rj_unlock_page_finalize (GObject *object)
{
  RjUnlockPage *self = (RjUnlockPage *) object;

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (rj_unlock_page_parent_class)->finalize (object);
}

static void
rj_unlock_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RjUnlockPage *self = RJ_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_PASSPHRASE:
      g_value_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
      break;

    case PROP_RECOVERY_CODE:
      g_value_set_string (value,
                          gtk_editable_get_text (GTK_EDITABLE (self->recovery_code_row)));
      break;

    case PROP_USE_RECOVERY_CODE:
      g_value_set_boolean (value, self->use_recovery_code);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_unlock_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RjUnlockPage *self = RJ_UNLOCK_PAGE (object);

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
rj_unlock_page_class_init (RjUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_unlock_page_constructed;
  object_class->dispose = rj_unlock_page_dispose;
  object_class->finalize = rj_unlock_page_finalize;
  object_class->get_property = rj_unlock_page_get_property;
  object_class->set_property = rj_unlock_page_set_property;

  widget_class->grab_focus = rj_unlock_page_grab_focus;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
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

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjUnlockPage::unlocked:
   * @self: the page
   * @with_recovery_code: whether the recovery code opened the journal, in which case
   *   the client needs a new passphrase
   *
   * The journal is open. The page has cleared its fields by then.
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, secret_stack);
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, recovery_code_row);
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, busy_label);
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, RjUnlockPage, mode_button);
  gtk_widget_class_bind_template_callback (widget_class, secret_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, secret_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "unlock.unlock", NULL, unlock_action);
  gtk_widget_class_install_property_action (widget_class, "unlock.use-recovery-code",
                                            "use-recovery-code");
}

static void
rj_unlock_page_init (RjUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rj_entry_row_keep_secret (ADW_ENTRY_ROW (self->passphrase_row));
  rj_entry_row_keep_secret (self->recovery_code_row);

  update_mode (self);
  update_state (self);
}

GtkWidget *
rj_unlock_page_new (RjContext *context)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_UNLOCK_PAGE,
                       "context", context,
                       NULL);
}

gboolean
rj_unlock_page_get_busy (RjUnlockPage *self)
{
  g_return_val_if_fail (RJ_IS_UNLOCK_PAGE (self), FALSE);

  return self->busy;
}

/**
 * rj_unlock_page_clear:
 * @self: a #RjUnlockPage
 *
 * Empties the passphrase and recovery code fields, forgets any message and goes back
 * to asking for the passphrase.
 */
void
rj_unlock_page_clear (RjUnlockPage *self)
{
  g_return_if_fail (RJ_IS_UNLOCK_PAGE (self));

  rj_entry_row_clear (ADW_ENTRY_ROW (self->passphrase_row));
  rj_entry_row_clear (self->recovery_code_row);
  set_use_recovery_code (self, FALSE);
  set_message (self, NULL);
}
