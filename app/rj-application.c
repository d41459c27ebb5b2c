/* rj-application.c: the application.
 *
 * One window per journal file. `--journal FILE` opens another file than the one the
 * settings name; a second start with the same file brings its window forward.
 *
 * While the daily reminder is on, the application holds itself: closing the last
 * window locks its journal as always, and the process stays to send the reminder.
 * `--background`, which the reminder's autostart entry runs at login, starts it with
 * no window. Quit, and the end of the session, still end it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-application"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "rj-application.h"
#include "rj-demo.h"
#include "rj-context.h"
#include "rj-help-now-dialog.h"
#include "rj-reminder.h"
#include "rj-session-watch.h"
#include "rj-utils.h"
#include "rj-window-private.h"

struct _RjApplication
{
  AdwApplication parent_instance;

  /* Folders of demo journals, removed when the application ends. */
  GPtrArray *demo_dirs;

  /* Locks every journal when the screen locks and before the computer sleeps. */
  RjSessionWatch *session_watch;

  /* The daily reminder, and whether the application holds itself for it. */
  GSettings *settings;
  RjReminder *reminder;
  gboolean holding_for_reminder;
  gboolean quitting;
};

/* The demo journal holds made-up days, so it opens with a passphrase anyone may know
 * and with cheap key derivation; it lives in the session's private runtime folder. */
#define DEMO_PASSPHRASE "demo"
#define DEMO_DAYS 21
#define DEMO_SEED 20261123

G_DEFINE_FINAL_TYPE (RjApplication, rj_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "journal", 'j', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use another journal file"), N_("FILE") },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Try the app with three weeks of made-up entries, without touching your journal"),
    NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, for the daily reminder"), NULL },
  { NULL }
};

static RjWindow *
find_window_for_path (RjApplication *self,
                      const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      RjStore *store;

      if (!RJ_IS_WINDOW (l->data))
        continue;

      store = rj_context_get_store (rj_window_get_context (l->data));
      if (g_strcmp0 (rj_store_get_path (store), path) == 0)
        return l->data;
    }

  return NULL;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RjApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing each window locks its journal; the application ends with the last one,
   * even while the daily reminder is on: it comes back at the next login. */
  self->quitting = TRUE;
  if (self->holding_for_reminder)
    {
      self->holding_for_reminder = FALSE;
      g_application_release (G_APPLICATION (self));
    }

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

/* The crisis lines as the "Need Help Now?" dialog lists them, one per line, in Pango
 * markup: read from that dialog's own rows, so that the About window never says
 * anything different from it. */
static char *
dup_crisis_lines_markup (void)
{
  GtkWidget *dialog = rj_help_now_dialog_new (NULL);
  GtkWidget *child = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_autoptr(GString) lines = g_string_new (NULL);

  /* The dialog's extra child is a box whose first list holds the crisis lines; the
   * client's own support people, further down, are never shown here. */
  while (child != NULL && !GTK_IS_LIST_BOX (child))
    child = gtk_widget_get_first_child (child);

  for (GtkWidget *row = child != NULL ? gtk_widget_get_first_child (child) : NULL;
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_ACTION_ROW (row))
        continue;

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      /* Translators: a crisis line in the About window: its name, then how to reach it. */
      g_string_append_printf (lines, _("%s: %s"),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RjApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *crisis_lines = dup_crisis_lines_markup ();
  g_autofree char *comments = NULL;
  GtkWidget *about;

  comments = g_strdup_printf ("%s\n\n<b>%s</b>\n%s",
                              _("A private, encrypted daily journal for people in an "
                                "Intensive Outpatient Program."),
                              _("If You Need Help Now"),
                              crisis_lines);

  /* No website, issue or support links: the app never uses the network. */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Recovery Journal"),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Recovery Journal contributors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", comments,
                        NULL);
  rj_accessible_fix_names (about);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_now_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  RjApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (rj_help_now_dialog_new (parent)));
}

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  /* At logout or on Ctrl+C, close the windows as Quit does: pending edits are stored
   * and the journal is locked before the process ends. */
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static gboolean
window_is_busy (RjWindow *window)
{
  return rj_unlock_page_get_busy (window->unlock_page)
         || rj_create_page_get_busy (window->create_page);
}

/* A lock the session asked for, of one window. */
typedef struct
{
  RjWindow *window;
  RjSessionWatch *watch;
  RjSessionLockReason reason;
} SessionLock;

static void
session_lock_free (gpointer data)
{
  SessionLock *lock = data;

  g_object_unref (lock->window);
  g_object_unref (lock->watch);
  g_free (lock);
}

/* Locks the window as the auto-lock does: pending edits are stored first, and the
 * journal locks even if they cannot be. A journal still being unlocked is locked as
 * soon as that ends, so that it never opens behind a locked screen or across sleep. */
static gboolean
lock_for_session (gpointer user_data)
{
  SessionLock *lock = user_data;
  RjStore *store = rj_context_get_store (rj_window_get_context (lock->window));
  gboolean was_unlocked;

  if (window_is_busy (lock->window))
    return G_SOURCE_CONTINUE;

  was_unlocked = rj_store_is_unlocked (store);
  _rj_window_lock (lock->window, TRUE);
  if (was_unlocked)
    adw_toast_overlay_add_toast (rj_window_get_toast_overlay (lock->window),
                                 adw_toast_new (lock->reason == RJ_SESSION_LOCK_SLEEPING
                                                ? _("Your journal locked before the computer "
                                                    "went to sleep.")
                                                : _("Your journal locked when the screen "
                                                    "locked.")));
  return G_SOURCE_REMOVE;
}

static gboolean
lock_for_session_later (gpointer user_data)
{
  SessionLock *lock = user_data;

  if (lock_for_session (lock) == G_SOURCE_CONTINUE)
    return G_SOURCE_CONTINUE;

  if (lock->reason == RJ_SESSION_LOCK_SLEEPING)
    rj_session_watch_release_sleep (lock->watch);
  return G_SOURCE_REMOVE;
}

static void
session_watch_lock_requested_cb (RjApplication       *self,
                                 RjSessionLockReason  reason,
                                 RjSessionWatch      *watch)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      SessionLock *lock;

      if (!RJ_IS_WINDOW (l->data))
        continue;

      lock = g_new0 (SessionLock, 1);
      lock->window = g_object_ref (l->data);
      lock->watch = g_object_ref (watch);
      lock->reason = reason;

      if (lock_for_session (lock) == G_SOURCE_REMOVE)
        {
          session_lock_free (lock);
          continue;
        }

      /* Before sleep, the computer waits for this one too. */
      if (reason == RJ_SESSION_LOCK_SLEEPING)
        rj_session_watch_hold_sleep (watch);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 50, lock_for_session_later, lock,
                          session_lock_free);
    }
}

static void
file_chooser_dialog_response_cb (GtkFileChooser *chooser,
                                 int             response)
{
  g_autoptr(GListModel) files = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  files = gtk_file_chooser_get_files (chooser);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      rj_forget_recent_file (NULL, file);
    }
}

/* GTK's own file chooser adds what the client accepts to the recently-used list while
 * it answers, and writes the list a moment later. Our own choosers take the item off
 * in their response handlers; this does it for those GTK opens by itself, such as the
 * one behind "Print to File" in the print dialog, right after their own handler. */
static void
toplevels_items_changed_cb (GListModel *toplevels,
                            guint       position,
                            guint       removed,
                            guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) &&
          g_object_get_data (window, "rj-forgets-recent") == NULL)
        {
          g_object_set_data (window, "rj-forgets-recent", GINT_TO_POINTER (TRUE));
          g_signal_connect_after (window, "response",
                                  G_CALLBACK (file_chooser_dialog_response_cb), NULL);
        }
    }
}

static void
update_reminder_hold (RjApplication *self)
{
  gboolean hold = !self->quitting && rj_reminder_get_enabled (self->reminder);

  if (hold == self->holding_for_reminder)
    return;

  self->holding_for_reminder = hold;
  if (hold)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
window_notify_is_active_cb (RjApplication *self,
                            GParamSpec    *pspec,
                            GtkWindow     *window)
{
  /* The client is here: the reminder has done its work. */
  if (gtk_window_is_active (window) && self->reminder != NULL)
    rj_reminder_withdraw (self->reminder);
}

static const GActionEntry action_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help-now", help_now_action },
};

static int
rj_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Recovery Journal"), PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (rj_application_parent_class)->handle_local_options (application,
                                                                                   options);
}

static int
rj_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  RjApplication *self = RJ_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *journal = NULL;
  g_autofree char *path = NULL;

  /* At login, for the daily reminder: no window. Without the reminder nothing holds
   * the application, and it ends at once. */
  if (g_variant_dict_contains (options, "background"))
    return EXIT_SUCCESS;

  if (g_variant_dict_contains (options, "demo"))
    {
      g_autoptr(GError) error = NULL;

      if (!rj_application_open_demo (self, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "journal", "^&ay", &journal))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              journal);
      path = g_file_get_path (file);
    }

  rj_application_open_journal (self, path);

  return EXIT_SUCCESS;
}

static void
rj_application_activate (GApplication *application)
{
  RjApplication *self = RJ_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Also what a click on the reminder does. */
  if (self->reminder != NULL)
    rj_reminder_withdraw (self->reminder);

  if (window != NULL)
    gtk_window_present (window);
  else
    rj_application_open_journal (self, NULL);
}

static void
rj_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *lock_accels[] = { "<Control>l", NULL };
  RjApplication *self = RJ_APPLICATION (application);

  G_APPLICATION_CLASS (rj_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), action_entries,
                                   G_N_ELEMENTS (action_entries), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.lock",
                                         lock_accels);

  gtk_window_set_default_icon_name (APP_ID);

  g_unix_signal_add (SIGTERM, quit_on_signal_cb, application);
  g_unix_signal_add (SIGINT, quit_on_signal_cb, application);
  g_unix_signal_add (SIGHUP, quit_on_signal_cb, application);

  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (toplevels_items_changed_cb), application, 0);

  self->session_watch = rj_session_watch_new ();
  g_signal_connect_object (self->session_watch, "lock-requested",
                           G_CALLBACK (session_watch_lock_requested_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  self->reminder = rj_reminder_new (application, self->settings);
  g_signal_connect_object (self->reminder, "notify::enabled",
                           G_CALLBACK (update_reminder_hold), self, G_CONNECT_SWAPPED);
  update_reminder_hold (self);
}

static void
rj_application_window_added (GtkApplication *application,
                             GtkWindow      *window)
{
  RjApplication *self = RJ_APPLICATION (application);

  GTK_APPLICATION_CLASS (rj_application_parent_class)->window_added (application, window);

  /* While a journal is open, the computer waits for it to lock before sleeping. */
  if (RJ_IS_WINDOW (window) && self->session_watch != NULL)
    rj_session_watch_add_store (self->session_watch,
                                rj_context_get_store (rj_window_get_context (RJ_WINDOW (window))));

  if (RJ_IS_WINDOW (window))
    g_signal_connect_object (window, "notify::is-active",
                             G_CALLBACK (window_notify_is_active_cb), self, G_CONNECT_SWAPPED);
}

static void
remove_demo_dir (gpointer data)
{
  g_autofree char *dir = data;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
rj_application_shutdown (GApplication *application)
{
  RjApplication *self = RJ_APPLICATION (application);

  G_APPLICATION_CLASS (rj_application_parent_class)->shutdown (application);

  g_clear_object (&self->session_watch);
  g_clear_object (&self->reminder);
  g_clear_object (&self->settings);
  g_ptr_array_set_size (self->demo_dirs, 0);
}

static void
rj_application_finalize (GObject *object)
{
  RjApplication *self = RJ_APPLICATION (object);

  g_clear_object (&self->session_watch);
  g_clear_object (&self->reminder);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->demo_dirs, g_ptr_array_unref);

  G_OBJECT_CLASS (rj_application_parent_class)->finalize (object);
}

static void
rj_application_class_init (RjApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_application_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = rj_application_finalize;
  application_class->shutdown = rj_application_shutdown;

  application_class->handle_local_options = rj_application_handle_local_options;
  application_class->command_line = rj_application_command_line;
  application_class->activate = rj_application_activate;
  application_class->startup = rj_application_startup;

  gtk_application_class->window_added = rj_application_window_added;
}

static void
rj_application_init (RjApplication *self)
{
  self->demo_dirs = g_ptr_array_new_with_free_func (remove_demo_dir);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A private, encrypted daily journal"));
}

RjApplication *
rj_application_new (void)
{
  return g_object_new (RJ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/com/example/RecoveryJournal",
                       NULL);
}

/**
 * rj_application_open_journal:
 * @self: a #RjApplication
 * @journal_path: (nullable): the journal file, or %NULL for the one the settings name
 *   or else the one in the usual place
 *
 * Shows the window of the journal at @journal_path, opening one if there is none.
 */
void
rj_application_open_journal (RjApplication *self,
                             const char    *journal_path)
{
  g_autoptr(RjContext) context = NULL;
  RjWindow *window;

  g_return_if_fail (RJ_IS_APPLICATION (self));

  context = rj_context_new (journal_path);
  window = find_window_for_path (self, rj_store_get_path (rj_context_get_store (context)));
  if (window == NULL)
    window = rj_window_new (GTK_APPLICATION (self), context);

  gtk_window_present (GTK_WINDOW (window));
}

/**
 * rj_application_open_demo:
 * @self: a #RjApplication
 * @error: return location for a #GError
 *
 * Opens a window on a new demo journal: three weeks of made-up entries, in a private
 * folder of the session that is removed when the application ends. The client's own
 * journal is never touched. The demo journal's passphrase is "demo".
 *
 * Returns: %TRUE if the window is open
 */
gboolean
rj_application_open_demo (RjApplication  *self,
                          GError        **error)
{
  g_autofree char *template = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RjContext) context = NULL;
  g_autoptr(GDateTime) now = NULL;
  RjKdfParams params;
  RjStore *store;
  char *dir;
  GDate today;

  g_return_val_if_fail (RJ_IS_APPLICATION (self), FALSE);

  template = g_build_filename (g_get_user_runtime_dir (), "recovery-journal-demo-XXXXXX", NULL);
  dir = g_mkdtemp_full (template, 0700);
  if (dir == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The demo journal could not be made: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  g_ptr_array_add (self->demo_dirs, g_strdup (dir));

  path = g_build_filename (dir, "journal.db", NULL);
  context = rj_context_new (path);
  rj_context_set_demo (context, TRUE);
  store = rj_context_get_store (context);

  now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  rj_kdf_params_fast_for_tests (&params);
  if (!rj_store_create (store, DEMO_PASSPHRASE, &params, NULL, error) ||
      !rj_demo_fill (store, &today, DEMO_DAYS, DEMO_SEED, error))
    return FALSE;

  gtk_window_present (GTK_WINDOW (rj_window_new (GTK_APPLICATION (self), context)));
  return TRUE;
}

/**
 * rj_application_get_session_watch:
 * @self: a #RjApplication
 *
 * Returns: (transfer none) (nullable): what locks the journals when the screen locks
 *   and before the computer sleeps, from startup until shutdown
 */
RjSessionWatch *
rj_application_get_session_watch (RjApplication *self)
{
  g_return_val_if_fail (RJ_IS_APPLICATION (self), NULL);

  return self->session_watch;
}

/**
 * rj_application_get_reminder:
 * @self: a #RjApplication
 *
 * Returns: (transfer none) (nullable): the daily reminder, from startup until shutdown
 */
RjReminder *
rj_application_get_reminder (RjApplication *self)
{
  g_return_val_if_fail (RJ_IS_APPLICATION (self), NULL);

  return self->reminder;
}
