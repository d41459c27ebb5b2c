/* rj-window.c: the main window of one journal.
 *
 * The window is a stack of pages and moves between them as the journal is created,
 * unlocked, recovered and locked. The pages do the work with the store; the window
 * only decides what comes next, and wipes every page when the journal locks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-utils.h"
#include "rj-window-private.h"

G_DEFINE_FINAL_TYPE (RjWindow, rj_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_busy (RjWindow *self)
{
  return rj_create_page_get_busy (self->create_page)
         || rj_unlock_page_get_busy (self->unlock_page);
}

static void
show_page (RjWindow   *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  _rj_window_update_actions (self);

  /* Each page knows where the cursor belongs: where something has to be typed. */
  gtk_widget_grab_focus (gtk_stack_get_visible_child (self->stack));
}

static void
show_journal (RjWindow *self)
{
  rj_journal_page_refresh (self->journal_page);
  show_page (self, "journal");
}

static void
show_start_page (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);

  rj_create_page_set_mode (self->create_page, RJ_CREATE_PAGE_NEW_JOURNAL);
  show_page (self, rj_store_exists (store) ? "unlock" : "create");
}

static void
save_window_state (RjWindow *self)
{
  GSettings *settings = rj_context_get_settings (self->context);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
restore_window_state (RjWindow *self)
{
  GSettings *settings = rj_context_get_settings (self->context);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  RjWindow *self = user_data;

  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
create_page_finished_cb (RjWindow     *self,
                         const char   *recovery_code,
                         RjCreatePage *page)
{
  gboolean replaces_old_code = rj_create_page_get_mode (page) == RJ_CREATE_PAGE_NEW_PASSPHRASE;

  rj_create_page_set_mode (page, RJ_CREATE_PAGE_NEW_JOURNAL);

  if (recovery_code == NULL)
    {
      rj_widget_show_toast (GTK_WIDGET (self),
                            _("Your new passphrase is saved. A new recovery code could not "
                              "be made; the old one still works."));
      show_journal (self);
      return;
    }

  rj_recovery_code_page_set_code (self->recovery_code_page, recovery_code, replaces_old_code);
  show_page (self, "recovery-code");
}

static void
recovery_code_page_done_cb (RjWindow *self)
{
  rj_recovery_code_page_clear (self->recovery_code_page);
  show_journal (self);
}

static void
unlock_page_unlocked_cb (RjWindow *self,
                         gboolean  with_recovery_code)
{
  if (with_recovery_code)
    {
      rj_create_page_set_mode (self->create_page, RJ_CREATE_PAGE_NEW_PASSPHRASE);
      show_page (self, "create");
      return;
    }

  show_journal (self);
}

static void
page_notify_busy_cb (RjWindow *self)
{
  _rj_window_update_actions (self);

  /* Closed from inside the page's signal emission, the page would be disposed under
   * its own feet; an idle runs once it has finished. */
  if (self->close_when_idle && !is_busy (self))
    g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
stack_notify_visible_child_name_cb (RjWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static gboolean
rj_window_close_request (GtkWindow *window)
{
  RjWindow *self = RJ_WINDOW (window);

  if (!self->close_when_idle)
    save_window_state (self);

  if (is_busy (self))
    {
      self->close_when_idle = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  _rj_window_lock (self);

  return GTK_WINDOW_CLASS (rj_window_parent_class)->close_request (window);
}

static void
rj_window_constructed (GObject *object)
{
  RjWindow *self = (RjWindow *) object;

  G_OBJECT_CLASS (rj_window_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));

  self->create_page = RJ_CREATE_PAGE (rj_create_page_new (self->context));
  self->recovery_code_page = RJ_RECOVERY_CODE_PAGE (rj_recovery_code_page_new (self->context));
  self->unlock_page = RJ_UNLOCK_PAGE (rj_unlock_page_new (self->context));
  self->journal_page = RJ_JOURNAL_PAGE (rj_journal_page_new (self->context));

  gtk_stack_add_named (self->stack, GTK_WIDGET (self->create_page), "create");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->recovery_code_page), "recovery-code");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->unlock_page), "unlock");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->journal_page), "journal");

  g_signal_connect_swapped (self->create_page, "finished",
                            G_CALLBACK (create_page_finished_cb), self);
  g_signal_connect_swapped (self->create_page, "notify::busy",
                            G_CALLBACK (page_notify_busy_cb), self);
  g_signal_connect_swapped (self->recovery_code_page, "done",
                            G_CALLBACK (recovery_code_page_done_cb), self);
  g_signal_connect_swapped (self->unlock_page, "unlocked",
                            G_CALLBACK (unlock_page_unlocked_cb), self);
  g_signal_connect_swapped (self->unlock_page, "notify::busy",
                            G_CALLBACK (page_notify_busy_cb), self);

  restore_window_state (self);
  show_start_page (self);
}

static void
rj_window_map (GtkWidget *widget)
{
  RjWindow *self = RJ_WINDOW (widget);

  GTK_WIDGET_CLASS (rj_window_parent_class)->map (widget);

  gtk_widget_grab_focus (gtk_stack_get_visible_child (self->stack));
}

static void
rj_window_dispose (GObject *object)
{
  RjWindow *self = (RjWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_WINDOW);

  self->create_page = NULL;
  self->recovery_code_page = NULL;
  self->unlock_page = NULL;
  self->journal_page = NULL;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_window_parent_class)->dispose (object);
}

static void
rj_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RjWindow *self = RJ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, rj_window_get_visible_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RjWindow *self = RJ_WINDOW (object);

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
rj_window_class_init (RjWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rj_window_constructed;
  object_class->dispose = rj_window_dispose;
  object_class->get_property = rj_window_get_property;
  object_class->set_property = rj_window_set_property;

  widget_class->map = rj_window_map;

  window_class->close_request = rj_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RjWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, lock_button);
  gtk_widget_class_bind_template_callback (widget_class, stack_notify_visible_child_name_cb);

  _rj_window_class_actions_init (klass);
}

static void
rj_window_init (RjWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rj_window_new:
 * @application: (nullable): the application
 * @context: the journal to show
 *
 * Returns: (transfer none): a new window, owned by GTK until it is destroyed
 */
RjWindow *
rj_window_new (GtkApplication *application,
               RjContext      *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

RjContext *
rj_window_get_context (RjWindow *self)
{
  g_return_val_if_fail (RJ_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * rj_window_get_visible_page:
 * @self: a #RjWindow
 *
 * Returns: the name of the page shown: "create", "recovery-code", "unlock" or "journal"
 */
const char *
rj_window_get_visible_page (RjWindow *self)
{
  g_return_val_if_fail (RJ_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * _rj_window_lock:
 * @self: a #RjWindow
 *
 * Locks the journal, which drops its keys, and empties every page that showed
 * anything secret: the journal, a recovery code, typed passphrases.
 */
void
_rj_window_lock (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  if (rj_store_is_unlocked (store) && !rj_store_lock (store, &error))
    {
      g_autofree char *title = g_strdup_printf (_("The journal could not be locked "
                                                  "cleanly: %s"),
                                                error->message);
      rj_widget_show_toast (GTK_WIDGET (self), title);
    }

  rj_journal_page_clear (self->journal_page);
  rj_recovery_code_page_clear (self->recovery_code_page);
  rj_unlock_page_clear (self->unlock_page);
  rj_create_page_clear (self->create_page);

  show_start_page (self);
}
