/* rj-create-page.c: choosing a passphrase, for a new journal or after recovery.
 *
 * The same page serves the first start, where it creates the journal, and the way back
 * after a forgotten passphrase, where the journal is already open with the recovery
 * code and the page sets a new passphrase. Either way it ends by handing on a fresh
 * recovery code through RjCreatePage::finished.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-create-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-create-page.h"
#include "rj-passphrase.h"
#include "rj-utils.h"

struct _RjCreatePage
{
  AdwBin parent_instance;

  RjContext *context;
  RjCreatePageMode mode;
  GCancellable *cancellable;
  char *message;
  gboolean busy;

  AdwStatusPage *status_page;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirmation_row;
  GtkLabel *hint_label;
  GtkLabel *mismatch_label;
  GtkLabel *message_label;
  GtkButton *create_button;
  GtkButton *restore_button;
  GtkSpinner *spinner;
  GtkLabel *busy_label;
};

G_DEFINE_FINAL_TYPE (RjCreatePage, rj_create_page, ADW_TYPE_BIN)

G_DEFINE_ENUM_TYPE (RjCreatePageMode, rj_create_page_mode,
                    G_DEFINE_ENUM_VALUE (RJ_CREATE_PAGE_NEW_JOURNAL, "new-journal"),
                    G_DEFINE_ENUM_VALUE (RJ_CREATE_PAGE_NEW_PASSPHRASE, "new-passphrase"))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MODE,
  PROP_BUSY,
  PROP_PASSPHRASE,
  PROP_CONFIRMATION,
  PROP_STRENGTH,
  PROP_HINT,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_passphrase (RjCreatePage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
}

static const char *
get_confirmation (RjCreatePage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->confirmation_row));
}

static gboolean
passphrase_ready (RjCreatePage *self)
{
  return rj_passphrase_rows_ready (ADW_ENTRY_ROW (self->passphrase_row),
                                   ADW_ENTRY_ROW (self->confirmation_row));
}

static void
set_message (RjCreatePage *self,
             const char   *message)
{
  if (rj_message_label_set (self->message_label, &self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
update_state (RjCreatePage *self)
{
  gboolean ready = rj_passphrase_rows_update (ADW_ENTRY_ROW (self->passphrase_row),
                                              ADW_ENTRY_ROW (self->confirmation_row),
                                              GTK_WIDGET (self->mismatch_label),
                                              self->busy);

  rj_busy_indicator_set (self->spinner, GTK_WIDGET (self->busy_label), self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create.create", ready && !self->busy);
}

static void
update_mode (RjCreatePage *self)
{
  if (self->mode == RJ_CREATE_PAGE_NEW_PASSPHRASE)
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-password-symbolic");
      adw_status_page_set_title (self->status_page, _("Choose a New Passphrase"));
      adw_status_page_set_description (self->status_page,
                                       _("Your journal is open. From now on it opens with "
                                         "the new passphrase you choose here; the old one "
                                         "will no longer work."));
      gtk_button_set_label (self->create_button, _("_Change Passphrase"));
      rj_accessible_fix_names (GTK_WIDGET (self->create_button));
      gtk_label_set_label (self->busy_label, _("Saving your new passphrase…"));
      gtk_widget_set_visible (GTK_WIDGET (self->restore_button), FALSE);
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, APP_ID);
      adw_status_page_set_title (self->status_page, _("Welcome to Recovery Journal"));
      adw_status_page_set_description (self->status_page,
                                       _("A private place for your daily check-ins. What "
                                         "you write stays on this computer, locked with a "
                                         "passphrase that only you know."));
      gtk_button_set_label (self->create_button, _("_Create Journal"));
      rj_accessible_fix_names (GTK_WIDGET (self->create_button));
      gtk_label_set_label (self->busy_label,
                           _("Setting up your journal. This takes a few seconds…"));
      /* A new computer, or a journal that was lost: the backup brings it back. */
      gtk_widget_set_visible (GTK_WIDGET (self->restore_button), TRUE);
    }
}

static void
set_busy (RjCreatePage *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
finish (RjCreatePage *self,
        const char   *recovery_code)
{
  rj_create_page_clear (self);
  g_signal_emit (self, signals[FINISHED], 0, recovery_code);
}

static void
passphrase_row_changed_cb (RjCreatePage *self)
{
  rj_passphrase_hint_update (self->hint_label, get_passphrase (self));

  set_message (self, NULL);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSPHRASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

static void
confirmation_row_changed_cb (RjCreatePage *self)
{
  set_message (self, NULL);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMATION]);
}

static void
passphrase_row_entry_activated_cb (RjCreatePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirmation_row));
}

static void
confirmation_row_entry_activated_cb (RjCreatePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "create.create", NULL);
}

/* After the store has saved, or failed to: says why it failed, unless it was cancelled.
 * Returns: whether it saved */
static gboolean
saving_done (RjCreatePage *self,
             gboolean      saved,
             const GError *error)
{
  if (!saved)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          set_message (self, error->message);
        }
      return FALSE;
    }

  rj_context_note_saved (self->context);
  set_busy (self, FALSE);
  return TRUE;
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RjCreatePage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *recovery_code = NULL;
  gboolean saved = rj_store_create_finish (RJ_STORE (object), result, &recovery_code, &error);

  if (!saving_done (self, saved, error))
    return;

  finish (self, recovery_code);
  rj_wipe_string (recovery_code);
}

static void
change_passphrase_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RjCreatePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = rj_store_change_passphrase_finish (RJ_STORE (object), result, &error);
  char *recovery_code;

  if (!saving_done (self, saved, error))
    return;

  /* The code that was just used may have been seen by someone else, so the journal
   * gets a new one at once. The passphrase is changed already: should this fail, the
   * client still has a way in and can make a new code later. */
  recovery_code = rj_store_new_recovery_code (RJ_STORE (object), &error);
  if (recovery_code == NULL)
    g_warning ("Could not make a new recovery code: %s", error->message);

  finish (self, recovery_code);
  rj_wipe_string (recovery_code);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RjCreatePage *self = RJ_CREATE_PAGE (widget);
  RjStore *store = rj_context_get_store (self->context);
  const RjKdfParams *params = rj_context_get_kdf_params (self->context);

  if (self->busy || !passphrase_ready (self))
    return;

  set_message (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->mode == RJ_CREATE_PAGE_NEW_PASSPHRASE)
    rj_store_change_passphrase_async (store, get_passphrase (self), params, self->cancellable,
                                      change_passphrase_cb, g_object_ref (self));
  else
    rj_store_create_async (store, get_passphrase (self), params, self->cancellable,
                           create_cb, g_object_ref (self));
}

static gboolean
rj_create_page_grab_focus (GtkWidget *widget)
{
  RjCreatePage *self = RJ_CREATE_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

static void
rj_create_page_constructed (GObject *object)
{
  RjCreatePage *self = (RjCreatePage *) object;

  G_OBJECT_CLASS (rj_create_page_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
}

static void
rj_create_page_dispose (GObject *object)
{
  RjCreatePage *self = (RjCreatePage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* AdwBin keeps its own pointer to the child, which the template is about to drop. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_CREATE_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_create_page_parent_class)->dispose (object);
}

static void
rj_create_page_finalize (GObject *object)
{
  RjCreatePage *self = (RjCreatePage *) object;

  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (rj_create_page_parent_class)->finalize (object);
}

static void
rj_create_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RjCreatePage *self = RJ_CREATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_PASSPHRASE:
      g_value_set_string (value, get_passphrase (self));
      break;

    case PROP_CONFIRMATION:
      g_value_set_string (value, get_confirmation (self));
      break;

    case PROP_STRENGTH:
      g_value_set_int (value, rj_passphrase_rate (get_passphrase (self)));
      break;

    case PROP_HINT:
      g_value_set_string (value, gtk_label_get_label (self->hint_label));
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_create_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RjCreatePage *self = RJ_CREATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_MODE:
      rj_create_page_set_mode (self, g_value_get_enum (value));
      break;

    case PROP_PASSPHRASE:
      rj_entry_row_set_text (ADW_ENTRY_ROW (self->passphrase_row), g_value_get_string (value));
      break;

    case PROP_CONFIRMATION:
      rj_entry_row_set_text (ADW_ENTRY_ROW (self->confirmation_row),
                             g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_create_page_class_init (RjCreatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_create_page_constructed;
  object_class->dispose = rj_create_page_dispose;
  object_class->finalize = rj_create_page_finalize;
  object_class->get_property = rj_create_page_get_property;
  object_class->set_property = rj_create_page_set_property;

  widget_class->grab_focus = rj_create_page_grab_focus;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       RJ_TYPE_CREATE_PAGE_MODE,
                       RJ_CREATE_PAGE_NEW_JOURNAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PASSPHRASE] =
    g_param_spec_string ("passphrase", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONFIRMATION] =
    g_param_spec_string ("confirmation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* An RjPassphraseStrength; an int, since the model has no GType for it. */
  properties[PROP_STRENGTH] =
    g_param_spec_int ("strength", NULL, NULL,
                      RJ_PASSPHRASE_EMPTY, RJ_PASSPHRASE_STRONG, RJ_PASSPHRASE_EMPTY,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjCreatePage::finished:
   * @self: the page
   * @recovery_code: (nullable): the new recovery code, to show once
   *
   * The journal was created, or its passphrase changed. The page has cleared its
   * fields by then.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-create-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, confirmation_row);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, mismatch_label);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, message_label);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, create_button);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RjCreatePage, busy_label);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirmation_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirmation_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "create.create", NULL, create_action);
}

static void
rj_create_page_init (RjCreatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rj_entry_row_keep_secret (ADW_ENTRY_ROW (self->passphrase_row));
  rj_entry_row_keep_secret (ADW_ENTRY_ROW (self->confirmation_row));
  rj_passphrase_hint_update (self->hint_label, NULL);

  update_mode (self);
  update_state (self);
}

GtkWidget *
rj_create_page_new (RjContext *context)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_CREATE_PAGE,
                       "context", context,
                       NULL);
}

RjCreatePageMode
rj_create_page_get_mode (RjCreatePage *self)
{
  g_return_val_if_fail (RJ_IS_CREATE_PAGE (self), RJ_CREATE_PAGE_NEW_JOURNAL);

  return self->mode;
}

void
rj_create_page_set_mode (RjCreatePage     *self,
                         RjCreatePageMode  mode)
{
  g_return_if_fail (RJ_IS_CREATE_PAGE (self));

  if (self->mode == mode)
    return;

  self->mode = mode;
  update_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

gboolean
rj_create_page_get_busy (RjCreatePage *self)
{
  g_return_val_if_fail (RJ_IS_CREATE_PAGE (self), FALSE);

  return self->busy;
}

/**
 * rj_create_page_clear:
 * @self: a #RjCreatePage
 *
 * Empties both passphrase fields and forgets any message.
 */
void
rj_create_page_clear (RjCreatePage *self)
{
  g_return_if_fail (RJ_IS_CREATE_PAGE (self));

  rj_entry_row_clear (ADW_ENTRY_ROW (self->passphrase_row));
  rj_entry_row_clear (ADW_ENTRY_ROW (self->confirmation_row));
  set_message (self, NULL);
}
