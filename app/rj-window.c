/* rj-window.c: the main window of one journal.
 *
 * The window is a stack of pages and moves between them as the journal is created,
 * unlocked, recovered and locked. The pages do the work with the store; the window
 * only decides what comes next, and wipes every page when the journal locks: on
 * Ctrl+L, when it closes, and after the set time without keyboard or pointer activity.
 * Once the journal is open it shows the day's check-in, with the day in the header bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-backup.h"
#include "rj-help-now-dialog.h"
#include "rj-preferences-window.h"
#include "rj-restore-dialog.h"
#include "rj-summary-window.h"
#include "rj-plan-window.h"
#include "rj-trends-window.h"
#include "rj-window-private.h"
#include "rj-utils.h"

G_DEFINE_FINAL_TYPE (RjWindow, rj_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_VISIBLE_PAGE,
  PROP_AUTO_LOCK_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_busy (RjWindow *self)
{
  return rj_create_page_get_busy (self->create_page)
         || rj_unlock_page_get_busy (self->unlock_page);
}

/* rj_widget_show_toast() looks for the overlay among a widget's ancestors; the window's
 * own overlay is inside it. */
static void
show_toast (RjWindow   *self,
            const char *title)
{
  /* Toast titles are markup in libadwaita 1.2, and a message may hold an ampersand. */
  g_autofree char *markup = g_markup_escape_text (title, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static guint
get_auto_lock_seconds (RjWindow *self)
{
  if (self->auto_lock_seconds > 0)
    return self->auto_lock_seconds;

  return g_settings_get_uint (rj_context_get_settings (self->context), "auto-lock-minutes") * 60;
}

static gboolean auto_lock_cb (gpointer user_data);

static void
schedule_auto_lock (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  gint64 limit, idle, remaining;

  g_clear_handle_id (&self->auto_lock_source, g_source_remove);
  if (!rj_store_is_unlocked (store))
    return;

  limit = (gint64) get_auto_lock_seconds (self) * G_USEC_PER_SEC;
  idle = g_get_monotonic_time () - self->last_activity;
  remaining = MAX (limit - idle, 0);

  self->auto_lock_source = g_timeout_add ((guint) MIN (remaining / 1000 + 1, G_MAXUINT),
                                          auto_lock_cb, self);
}

static gboolean
auto_lock_cb (gpointer user_data)
{
  RjWindow *self = user_data;
  gint64 limit = (gint64) get_auto_lock_seconds (self) * G_USEC_PER_SEC;

  self->auto_lock_source = 0;

  /* A journal being unlocked, or a new passphrase being made in preferences, is let
   * finish first. */
  if (is_busy (self) ||
      (self->preferences_window != NULL &&
       rj_preferences_window_get_busy (RJ_PREFERENCES_WINDOW (self->preferences_window))))
    {
      self->auto_lock_source = g_timeout_add_seconds (1, auto_lock_cb, self);
      return G_SOURCE_REMOVE;
    }

  /* Activity only moves the time stamp; the timer looks at it when it fires. */
  if (g_get_monotonic_time () - self->last_activity < limit)
    {
      schedule_auto_lock (self);
      return G_SOURCE_REMOVE;
    }

  _rj_window_lock (self, TRUE);
  show_toast (self, _("Your journal locked itself after a while without use."));

  return G_SOURCE_REMOVE;
}

static void
note_activity (RjWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
window_event_cb (RjWindow *self)
{
  note_activity (self);

  return GDK_EVENT_PROPAGATE;
}

static gboolean
dialog_event_cb (GtkEventController *controller,
                 GdkEvent           *event,
                 RjWindow           *self)
{
  GtkWindow *window = GTK_WINDOW (gtk_event_controller_get_widget (controller));

  /* Typing in a dialog of this window, such as the craving dialog, or in a dialog of
   * one of those, is activity too. */
  for (; window != NULL; window = gtk_window_get_transient_for (window))
    if (window == GTK_WINDOW (self))
      {
        note_activity (self);
        break;
      }

  return GDK_EVENT_PROPAGATE;
}

static void
toplevels_items_changed_cb (RjWindow   *self,
                            guint       position,
                            guint       removed,
                            guint       added,
                            GListModel *toplevels)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      GtkEventController *controller;

      /* Dialogs get their parent after they are made, so every new window is watched
       * and the event handler checks whose it is. */
      if (window == G_OBJECT (self) || !GTK_IS_WINDOW (window))
        continue;

      controller = gtk_event_controller_legacy_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect_object (controller, "event", G_CALLBACK (dialog_event_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (window), controller);
    }
}

static void
settings_changed_auto_lock_cb (RjWindow *self)
{
  if (self->auto_lock_source != 0)
    schedule_auto_lock (self);
}

static void
close_dialogs (RjWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  /* Nothing read from the journal stays on screen once it locks. The crisis lines
   * stay, though: someone may be reading a number off them. Only the client's own
   * contacts go from that dialog. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (!GTK_IS_WINDOW (window) ||
          gtk_window_get_transient_for (GTK_WINDOW (window)) != GTK_WINDOW (self))
        continue;

      if (RJ_IS_HELP_NOW_DIALOG (window))
        rj_help_now_dialog_set_plan (RJ_HELP_NOW_DIALOG (window), NULL);
      else
        g_ptr_array_add (dialogs, g_object_ref (window));
    }

  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (g_ptr_array_index (dialogs, i));
}

/* Automatic backups */

/* Writes a backup into the chosen folder when anything was saved since the last one.
 * Called with the journal still unlocked, just before it locks, and written before
 * this returns: the store's keys go with the lock, so a backup left to a thread would
 * race it, and a closing window may be followed by the app quitting at once. The
 * journal is small; encrypting and writing it takes a moment. A failure only ever
 * costs that backup: it is said calmly and never holds up the lock. */
static void
back_up_automatically (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  GSettings *settings = rj_context_get_settings (self->context);
  g_autofree char *folder = g_settings_get_string (settings, "backup-folder");
  guint keep = g_settings_get_uint (settings, "backup-keep");
  guint n_saved = rj_context_get_n_saved (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;

  /* The demo journal's made-up entries never go into the client's backups. */
  if (!g_settings_get_boolean (settings, "automatic-backups") || folder[0] == '\0'
      || n_saved == self->n_saved_at_backup || rj_context_get_demo (self->context)
      || !rj_store_is_unlocked (store))
    return;

  path = rj_backup_write_to_folder (store, folder, keep, &error);
  if (path != NULL)
    {
      self->n_saved_at_backup = n_saved;
      return;
    }

  /* Nobody is there to read a toast in a window that closes. */
  if (self->closing)
    {
      g_message ("Could not write the automatic backup: %s", error->message);
      return;
    }

  /* Translators: %s says why, as in "No space left on device". */
  title = g_strdup_printf (_("The automatic backup could not be written: %s. Your journal "
                             "itself is safe; the next lock tries again."),
                           error->message);
  show_toast (self, title);
}

static void
update_title (RjWindow *self)
{
  gboolean journal = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "journal") == 0;

  gtk_stack_set_visible_child_name (self->title_stack, journal ? "day" : "title");
}

static void
focus_page (RjWindow *self)
{
  /* Each page knows where the cursor belongs: where something has to be typed. The
   * check-in has no such place; a scale that had the focus would take the arrow keys
   * meant for scrolling and log a value nobody chose. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "journal") == 0)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  else
    gtk_widget_grab_focus (gtk_stack_get_visible_child (self->stack));
}

static void
show_page (RjWindow   *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_title (self);
  _rj_window_update_actions (self);

  /* Whatever the page, an open journal locks itself after a while without use. */
  if (rj_store_is_unlocked (rj_context_get_store (self->context)) && self->auto_lock_source == 0)
    {
      note_activity (self);
      schedule_auto_lock (self);
    }

  focus_page (self);
}

static void
show_journal (RjWindow *self)
{
  rj_checkin_page_load_today (self->checkin_page);
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
      show_toast (self,
                  _("Your new passphrase is saved. A new recovery code could not be made; "
                    "the old one still works."));
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

static void
checkin_page_notify_date_cb (RjWindow *self)
{
  rj_day_header_set_date (self->day_header, rj_checkin_page_get_date (self->checkin_page));
  _rj_window_update_actions (self);
}

static void
checkin_page_notify_status_cb (RjWindow *self)
{
  rj_day_header_set_subtitle (self->day_header, rj_checkin_page_get_status (self->checkin_page));
}

static void
day_header_day_chosen_cb (RjWindow    *self,
                          const GDate *date)
{
  rj_checkin_page_set_date (self->checkin_page, date);
}

static void
search_page_day_activated_cb (RjWindow    *self,
                              const GDate *date)
{
  rj_checkin_page_set_date (self->checkin_page, date);
  rj_search_page_close (self->search_page);
}

static void
search_page_closed_cb (RjWindow *self)
{
  /* Closed with Escape, the button or a chosen day: back to the check-in. A lock
   * closes it too, and shows the unlock page itself. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "search") == 0 &&
      rj_store_is_unlocked (rj_context_get_store (self->context)))
    show_page (self, "journal");
}

static void
search_button_toggled_cb (RjWindow *self)
{
  gboolean searching = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                  "search") == 0;
  gboolean active = gtk_toggle_button_get_active (self->search_button);

  if (active && !searching)
    _rj_window_show_search (self);
  else if (!active && searching)
    rj_search_page_close (self->search_page);
}

static void
restore_dialog_restored_cb (RjWindow   *self,
                            const char *secret,
                            gboolean    is_recovery_code,
                            const char *previous_copy)
{
  g_autofree char *title = NULL;

  /* The restored journal is what the backup holds: nothing new to back up yet. */
  self->n_saved_at_backup = rj_context_get_n_saved (self->context);

  if (previous_copy != NULL)
    {
      g_autofree char *name = g_path_get_basename (previous_copy);

      /* Translators: %s is a file name. */
      title = g_strdup_printf (_("Your journal is restored. The one it replaced is kept as "
                                 "“%s”."),
                               name);
    }
  show_toast (self, title != NULL ? title : _("Your journal is restored."));

  /* The secret that opened the backup opens the restored journal too: the unlock page
   * does it as if it had been typed there, so that a recovery code leads on to a new
   * passphrase as usual, and a failure shows there. */
  rj_unlock_page_clear (self->unlock_page);
  show_page (self, "unlock");
  g_object_set (self->unlock_page,
                "use-recovery-code", is_recovery_code,
                is_recovery_code ? "recovery-code" : "passphrase", secret,
                NULL);
  gtk_widget_activate_action (GTK_WIDGET (self->unlock_page), "unlock.unlock", NULL);
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

  self->closing = TRUE;
  if (!_rj_window_lock (self, FALSE))
    {
      self->closing = FALSE;
      return TRUE;
    }

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
  self->checkin_page = RJ_CHECKIN_PAGE (rj_checkin_page_new (self->context));
  self->search_page = RJ_SEARCH_PAGE (rj_search_page_new (self->context));

  gtk_stack_add_named (self->stack, GTK_WIDGET (self->create_page), "create");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->recovery_code_page), "recovery-code");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->unlock_page), "unlock");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->checkin_page), "journal");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->search_page), "search");

  /* Names for screen readers where GTK 4.8 would give none or a mangled one. */
  rj_accessible_fix_names (GTK_WIDGET (self));

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
  g_signal_connect_swapped (self->checkin_page, "notify::date",
                            G_CALLBACK (checkin_page_notify_date_cb), self);
  g_signal_connect_swapped (self->checkin_page, "notify::status",
                            G_CALLBACK (checkin_page_notify_status_cb), self);
  g_signal_connect_swapped (self->search_page, "day-activated",
                            G_CALLBACK (search_page_day_activated_cb), self);
  g_signal_connect_swapped (self->search_page, "closed",
                            G_CALLBACK (search_page_closed_cb), self);

  rj_day_header_set_context (self->day_header, self->context);
  g_signal_connect_object (rj_context_get_settings (self->context), "changed::auto-lock-minutes",
                           G_CALLBACK (settings_changed_auto_lock_cb), self, G_CONNECT_SWAPPED);

  restore_window_state (self);

  /* A journal handed over already open, as --demo does, is shown as it is: asking to
   * unlock a journal that is not locked would say something untrue. */
  if (rj_store_is_unlocked (rj_context_get_store (self->context)))
    show_journal (self);
  else
    show_start_page (self);
}

static void
rj_window_map (GtkWidget *widget)
{
  RjWindow *self = RJ_WINDOW (widget);

  GTK_WIDGET_CLASS (rj_window_parent_class)->map (widget);

  focus_page (self);
}

static void
rj_window_dispose (GObject *object)
{
  RjWindow *self = (RjWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_WINDOW);

  self->create_page = NULL;
  self->recovery_code_page = NULL;
  self->unlock_page = NULL;
  self->checkin_page = NULL;
  self->search_page = NULL;

  g_clear_handle_id (&self->auto_lock_source, g_source_remove);
  if (self->preferences_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->preferences_window),
                                  (gpointer *) &self->preferences_window);
  self->preferences_window = NULL;
  if (self->summary_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->summary_window),
                                  (gpointer *) &self->summary_window);
  self->summary_window = NULL;
  if (self->trends_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->trends_window),
                                  (gpointer *) &self->trends_window);
  self->trends_window = NULL;
  if (self->plan_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->plan_window),
                                  (gpointer *) &self->plan_window);
  self->plan_window = NULL;
  if (self->restore_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->restore_dialog),
                                  (gpointer *) &self->restore_dialog);
  self->restore_dialog = NULL;
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

    case PROP_AUTO_LOCK_SECONDS:
      g_value_set_uint (value, self->auto_lock_seconds);
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

    case PROP_AUTO_LOCK_SECONDS:
      rj_window_set_auto_lock_seconds (self, g_value_get_uint (value));
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

  /**
   * RjWindow:auto-lock-seconds:
   *
   * How long without keyboard or pointer activity before the journal locks itself;
   * 0, the default, follows the auto-lock-minutes setting.
   */
  properties[PROP_AUTO_LOCK_SECONDS] =
    g_param_spec_uint ("auto-lock-seconds", NULL, NULL,
                       0, G_MAXUINT / 1000, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RJ_TYPE_DAY_HEADER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RjWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, day_header);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, today_button);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, lock_button);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RjWindow, plan_button);
  gtk_widget_class_bind_template_callback (widget_class, stack_notify_visible_child_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, window_event_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_header_day_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_button_toggled_cb);

  _rj_window_class_actions_init (klass);
}

static void
rj_window_init (RjWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->last_activity = g_get_monotonic_time ();
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (toplevels_items_changed_cb), self, G_CONNECT_SWAPPED);
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
 * Returns: the name of the page shown: "create", "recovery-code", "unlock", "journal" or
 *   "search"
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
 * @even_if_unsaved: lock even when pending edits cannot be stored
 *
 * Stores pending edits, then locks the journal, which drops its keys, and empties
 * every page that showed anything secret: the journal, a recovery code, typed
 * passphrases.
 *
 * Returns: %TRUE if the journal is locked
 */
gboolean
_rj_window_lock (RjWindow *self,
                 gboolean  even_if_unsaved)
{
  RjStore *store = rj_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  /* Pending edits are stored first. When that fails (a full disk, say) and the client
   * is here, the journal stays open so that nothing is lost, and says why; when it
   * locks on its own after a while without use, it locks anyway, since a journal left
   * open on a shared screen is the greater harm. */
  if (rj_store_is_unlocked (store) && !rj_checkin_page_flush (self->checkin_page, &error))
    {
      g_autofree char *title = NULL;

      if (!even_if_unsaved)
        {
          title = g_strdup_printf (_("Your last changes could not be saved yet, so the "
                                     "journal stays open: %s"), error->message);
          show_toast (self, title);
          return FALSE;
        }
      title = g_strdup_printf (_("Your last changes could not be saved before locking: %s"),
                               error->message);
      show_toast (self, title);
      g_clear_error (&error);
    }

  g_clear_handle_id (&self->auto_lock_source, g_source_remove);

  back_up_automatically (self);

  close_dialogs (self);
  rj_day_header_popdown (self->day_header);
  /* The search closes without going back to the check-in on its way out. */
  g_signal_handlers_block_by_func (self->search_page, search_page_closed_cb, self);
  rj_search_page_clear (self->search_page);
  g_signal_handlers_unblock_by_func (self->search_page, search_page_closed_cb, self);
  rj_checkin_page_clear (self->checkin_page);
  rj_recovery_code_page_clear (self->recovery_code_page);
  rj_unlock_page_clear (self->unlock_page);
  rj_create_page_clear (self->create_page);

  if (rj_store_is_unlocked (store) && !rj_store_lock (store, &error))
    {
      g_autofree char *title = g_strdup_printf (_("The journal could not be locked "
                                                  "cleanly: %s"),
                                                error->message);
      show_toast (self, title);
    }

  show_start_page (self);
  return TRUE;
}

/**
 * _rj_window_show_preferences:
 * @self: a #RjWindow
 *
 * Opens the preferences of the open journal, or brings them forward.
 */
void
_rj_window_show_preferences (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  if (!rj_store_is_unlocked (store))
    return;

  if (self->preferences_window != NULL)
    {
      gtk_window_present (self->preferences_window);
      return;
    }

  /* Back Up Now in there writes what the store holds: what was typed a moment ago
   * belongs in it. */
  if (!rj_checkin_page_flush (self->checkin_page, &error))
    show_toast (self, error->message);

  self->preferences_window = GTK_WINDOW (rj_preferences_window_new (self->context));
  g_object_add_weak_pointer (G_OBJECT (self->preferences_window),
                             (gpointer *) &self->preferences_window);
  g_signal_connect_object (self->preferences_window, "profile-changed",
                           G_CALLBACK (rj_checkin_page_reload_profile), self->checkin_page,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (self->preferences_window, GTK_WINDOW (self));
  gtk_window_present (self->preferences_window);
}

/**
 * _rj_window_show_summary:
 * @self: a #RjWindow
 *
 * Opens the session summary of the open journal, or brings it forward.
 */
void
_rj_window_show_summary (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  if (!rj_store_is_unlocked (store))
    return;

  if (self->summary_window != NULL)
    {
      gtk_window_present (self->summary_window);
      return;
    }

  /* The summary reads the store: what was typed a moment ago belongs on it. */
  if (!rj_checkin_page_flush (self->checkin_page, &error))
    show_toast (self, error->message);

  self->summary_window = GTK_WINDOW (rj_summary_window_new (GTK_WINDOW (self), self->context));
  g_object_add_weak_pointer (G_OBJECT (self->summary_window),
                             (gpointer *) &self->summary_window);
  gtk_window_present (self->summary_window);
}

/**
 * _rj_window_show_trends:
 * @self: a #RjWindow
 *
 * Opens the trends of the open journal, or brings them forward.
 */
void
_rj_window_show_trends (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  if (!rj_store_is_unlocked (store))
    return;

  if (self->trends_window != NULL)
    {
      gtk_window_present (self->trends_window);
      return;
    }

  /* The trends read the store: today's check-in belongs in them. */
  if (!rj_checkin_page_flush (self->checkin_page, &error))
    show_toast (self, error->message);

  self->trends_window = GTK_WINDOW (rj_trends_window_new (GTK_WINDOW (self), self->context));
  g_object_add_weak_pointer (G_OBJECT (self->trends_window),
                             (gpointer *) &self->trends_window);
  gtk_window_present (self->trends_window);
}

/**
 * _rj_window_show_plan:
 * @self: a #RjWindow
 *
 * Opens the relapse-prevention plan of the open journal, or brings it forward.
 */
void
_rj_window_show_plan (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);

  if (!rj_store_is_unlocked (store))
    return;

  if (self->plan_window != NULL)
    {
      gtk_window_present (self->plan_window);
      return;
    }

  self->plan_window = GTK_WINDOW (rj_plan_window_new (GTK_WINDOW (self), self->context));
  g_object_add_weak_pointer (G_OBJECT (self->plan_window), (gpointer *) &self->plan_window);
  /* A support person added from the plan is one of the check-in's contacts too. */
  g_signal_connect_object (self->plan_window, "profile-changed",
                           G_CALLBACK (rj_checkin_page_reload_profile), self->checkin_page,
                           G_CONNECT_SWAPPED);
  gtk_window_present (self->plan_window);
}

/**
 * rj_window_get_toast_overlay:
 * @self: a #RjWindow
 *
 * Returns: (transfer none): where the window's toasts show
 */
AdwToastOverlay *
rj_window_get_toast_overlay (RjWindow *self)
{
  g_return_val_if_fail (RJ_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}

guint
rj_window_get_auto_lock_seconds (RjWindow *self)
{
  g_return_val_if_fail (RJ_IS_WINDOW (self), 0);

  return self->auto_lock_seconds;
}

/**
 * rj_window_set_auto_lock_seconds:
 * @self: a #RjWindow
 * @seconds: how long without activity before the journal locks, or 0 to follow the
 *   auto-lock-minutes setting
 */
void
rj_window_set_auto_lock_seconds (RjWindow *self,
                                 guint     seconds)
{
  g_return_if_fail (RJ_IS_WINDOW (self));

  if (self->auto_lock_seconds == seconds)
    return;

  self->auto_lock_seconds = seconds;
  if (self->auto_lock_source != 0)
    schedule_auto_lock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_LOCK_SECONDS]);
}

/**
 * _rj_window_show_search:
 * @self: a #RjWindow
 *
 * Shows the search in place of the check-in, with the cursor in its entry.
 */
void
_rj_window_show_search (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  if (!rj_store_is_unlocked (store))
    return;

  /* What was typed a moment ago is searched too. */
  if (!rj_checkin_page_flush (self->checkin_page, &error))
    show_toast (self, error->message);

  rj_day_header_popdown (self->day_header);
  show_page (self, "search");
  rj_search_page_open (self->search_page);
}

/**
 * _rj_window_show_restore:
 * @self: a #RjWindow
 *
 * Opens the dialog that restores a backup, or brings it forward. An open journal is
 * locked first, its pending edits stored as on any lock; when they cannot be, it stays
 * open and no dialog opens.
 */
void
_rj_window_show_restore (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);

  if (is_busy (self))
    return;

  if (self->restore_dialog != NULL)
    {
      gtk_window_present (self->restore_dialog);
      return;
    }

  if (rj_store_is_unlocked (store) && !_rj_window_lock (self, FALSE))
    return;

  self->restore_dialog = GTK_WINDOW (rj_restore_dialog_new (GTK_WINDOW (self), self->context));
  g_object_add_weak_pointer (G_OBJECT (self->restore_dialog),
                             (gpointer *) &self->restore_dialog);
  g_signal_connect_object (self->restore_dialog, "restored",
                           G_CALLBACK (restore_dialog_restored_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (self->restore_dialog);
}
