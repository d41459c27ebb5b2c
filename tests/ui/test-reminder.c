/* test-reminder.c: the daily reminder comes at its time with its fixed words only,
 * once, and not at all when it is off; the autostart entry follows the switch; and
 * `--background` starts the app with no window, kept running by the reminder alone.
 *
 * A private bus (GTestDBus) is the session bus. On a connection of its own the test
 * plays the desktop's notification server, org.gtk.Notifications, which GApplication
 * sends to when the name has an owner. The reminder's clock is the test's: it says
 * what time it is, and the reminder's own timer and wake-ups do the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rj-application.h"
#include "rj-preferences-window.h"
#include "rj-reminder.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "the long way home by the river"
#define TITLE "Time for your check-in"
#define BODY "A few minutes for yourself."

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' name='app_id' direction='in'/>"
  "      <arg type='s' name='id' direction='in'/>"
  "      <arg type='a{sv}' name='notification' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' name='app_id' direction='in'/>"
  "      <arg type='s' name='id' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* What the fake notification server saw. */
typedef struct
{
  GDBusConnection *connection;
  guint registration_id;

  guint n_added;
  guint n_removed;
  char *app_id;
  char *id;
  GVariant *notification;
  char *removed_id;
} FakeServer;

static FakeServer fake;

static RjApplication *app;
static GDateTime *fake_now;

static void
notifications_method_call_cb (GDBusConnection       *connection,
                              const char            *sender,
                              const char            *object_path,
                              const char            *interface_name,
                              const char            *method_name,
                              GVariant              *parameters,
                              GDBusMethodInvocation *invocation,
                              gpointer               user_data)
{
  if (g_strcmp0 (method_name, "AddNotification") == 0)
    {
      fake.n_added++;
      g_clear_pointer (&fake.app_id, g_free);
      g_clear_pointer (&fake.id, g_free);
      g_clear_pointer (&fake.notification, g_variant_unref);
      g_variant_get (parameters, "(ss@a{sv})", &fake.app_id, &fake.id, &fake.notification);
    }
  else if (g_strcmp0 (method_name, "RemoveNotification") == 0)
    {
      fake.n_removed++;
      g_clear_pointer (&fake.removed_id, g_free);
      g_variant_get (parameters, "(&ss)", NULL, &fake.removed_id);
    }
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable notifications_vtable = { notifications_method_call_cb, NULL,
                                                           NULL };

static void
fake_server_start (const char *address)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result;

  fake.connection =
    g_dbus_connection_new_for_address_sync (address,
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);

  info = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  fake.registration_id =
    g_dbus_connection_register_object (fake.connection, "/org/gtk/Notifications",
                                       info->interfaces[0], &notifications_vtable, NULL, NULL,
                                       &error);
  g_assert_no_error (error);

  /* DBUS_NAME_FLAG_DO_NOT_QUEUE; 1 is DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER. */
  reply = g_dbus_connection_call_sync (fake.connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", "org.gtk.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);
}

static void
fake_server_stop (void)
{
  g_dbus_connection_unregister_object (fake.connection, fake.registration_id);
  g_dbus_connection_close_sync (fake.connection, NULL, NULL);
  g_clear_object (&fake.connection);
  g_clear_pointer (&fake.app_id, g_free);
  g_clear_pointer (&fake.id, g_free);
  g_clear_pointer (&fake.notification, g_variant_unref);
  g_clear_pointer (&fake.removed_id, g_free);
}

static GDateTime *
fake_clock (gpointer user_data)
{
  return g_date_time_ref (fake_now);
}

static void
set_now (GDateTime *now)
{
  g_clear_pointer (&fake_now, g_date_time_unref);
  fake_now = g_date_time_ref (now);
}

static GDateTime *
local_at (int day,
          int hour,
          int minute,
          int second)
{
  return g_date_time_new_local (2026, 6, day, hour, minute, second);
}

static RjReminder *
get_reminder (void)
{
  RjReminder *reminder = rj_application_get_reminder (app);

  g_assert_nonnull (reminder);
  return reminder;
}

static void
assert_due (int day,
            int hour,
            int minute)
{
  GDateTime *due = rj_reminder_get_due (get_reminder ());

  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_get_day_of_month (due), ==, day);
  g_assert_cmpint (g_date_time_get_hour (due), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (due), ==, minute);
}

/* What a person would see: the title and body, and nothing else with words in it. */
static void
assert_fixed_words (void)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;
  const char *title = NULL;
  const char *body = NULL;

  g_assert_nonnull (fake.notification);
  g_assert_cmpstr (fake.app_id, ==, APP_ID);
  g_assert_cmpstr (fake.id, ==, RJ_REMINDER_NOTIFICATION_ID);

  g_variant_iter_init (&iter, fake.notification);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      if (g_str_equal (key, "title"))
        title = g_variant_get_string (value, NULL);
      else if (g_str_equal (key, "body"))
        body = g_variant_get_string (value, NULL);
      else
        /* Buttons or a default action with a target could carry words; there are none. */
        g_assert_cmpstr (key, ==, "priority");
    }

  g_assert_cmpstr (title, ==, TITLE);
  g_assert_cmpstr (body, ==, BODY);
  g_assert_cmpstr (title, ==, rj_reminder_get_notification_title ());
  g_assert_cmpstr (body, ==, rj_reminder_get_notification_body ());
}

static gboolean
autostart_exists (void)
{
  g_autofree char *path = rj_reminder_dup_autostart_path ();

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
reset (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "reminder-enabled");
  g_settings_reset (settings, "reminder-time");
  g_settings_reset (settings, "journal-path");
  rj_reminder_set_clock (get_reminder (), NULL, NULL);
  g_assert_false (autostart_exists ());
}

/* The reminder comes at its time, through its own timer, with fixed words; once; once
 * more after a sleep through the next day's time if it wakes within the hour, and not
 * at all if later. Opening the window takes it away. */
static void
test_notification (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) before = local_at (15, 19, 59, 58);
  g_autoptr(GDateTime) at_time = local_at (15, 20, 0, 0);
  g_autoptr(GDateTime) after = local_at (15, 20, 10, 0);
  g_autoptr(GDateTime) woke_late = local_at (16, 20, 40, 0);
  g_autoptr(GDateTime) woke_too_late = local_at (17, 21, 1, 0);
  g_autofree char *autostart_path = rj_reminder_dup_autostart_path ();
  g_autofree char *autostart = NULL;
  g_autoptr(GError) error = NULL;
  RjReminder *reminder = get_reminder ();
  RjUiTestJournal journal = { 0 };
  GtkWindow *window;

  guint n_added = fake.n_added;
  guint n_removed;

  set_now (before);
  rj_reminder_set_clock (reminder, fake_clock, NULL);
  g_settings_set_uint (settings, "reminder-time", 20 * 60);
  g_assert_null (rj_reminder_get_due (reminder));
  g_settings_set_boolean (settings, "reminder-enabled", TRUE);
  g_assert_true (rj_reminder_get_enabled (reminder));
  assert_due (15, 20, 0);

  /* The autostart entry starts the app in the background, and says nothing more. */
  g_assert_true (g_file_get_contents (autostart_path, &autostart, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (autostart, "Exec=recovery-journal --background\n"));
  g_assert_nonnull (strstr (autostart, "X-GNOME-Autostart-enabled=true\n"));
  g_assert_nonnull (strstr (autostart, "NoDisplay=true\n"));
  g_assert_null (strstr (autostart, "reminder-time"));

  /* Two seconds early: nothing yet, also on a wake-up. */
  rj_ui_test_settle (G_USEC_PER_SEC);
  rj_reminder_wake (reminder);
  rj_ui_test_settle (100 * 1000);
  g_assert_cmpuint (fake.n_added, ==, n_added);

  /* Its time: the timer it set sends it, within a few seconds. */
  set_now (at_time);
  RJ_UI_TEST_WAIT_FOR (fake.n_added == n_added + 1);
  assert_fixed_words ();
  assert_due (16, 20, 0);

  /* Ten minutes later: no second one. */
  set_now (after);
  rj_reminder_wake (reminder);
  rj_ui_test_settle (1500 * 1000);
  g_assert_cmpuint (fake.n_added, ==, n_added + 1);

  /* The computer slept through the next day's time and woke 40 minutes late: one. */
  set_now (woke_late);
  rj_reminder_wake (reminder);
  RJ_UI_TEST_WAIT_FOR (fake.n_added == n_added + 2);
  assert_fixed_words ();
  rj_reminder_wake (reminder);
  rj_ui_test_settle (500 * 1000);
  g_assert_cmpuint (fake.n_added, ==, n_added + 2);
  assert_due (17, 20, 0);

  /* More than an hour late: let go, the next day's is due. */
  set_now (woke_too_late);
  rj_reminder_wake (reminder);
  rj_ui_test_settle (500 * 1000);
  g_assert_cmpuint (fake.n_added, ==, n_added + 2);
  assert_due (18, 20, 0);

  /* A click opens the journal's window on its unlock page, and the reminder goes. */
  rj_ui_test_journal_set_up (&journal, "rj-test-reminder-XXXXXX", PASSPHRASE);
  g_assert_true (rj_store_lock (journal.store, NULL));
  g_settings_set_string (settings, "journal-path", journal.path);
  n_removed = fake.n_removed;
  g_application_activate (G_APPLICATION (app));
  window = rj_ui_test_find_toplevel (RJ_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_cmpstr (rj_window_get_visible_page (RJ_WINDOW (window)), ==, "unlock");
  RJ_UI_TEST_WAIT_FOR (fake.n_removed > n_removed);
  g_assert_cmpstr (fake.removed_id, ==, RJ_REMINDER_NOTIFICATION_ID);

  g_object_ref (window);
  rj_ui_test_close_window (window, 100 * 1000);
  rj_ui_test_journal_tear_down (&journal, NULL);

  g_settings_set_boolean (settings, "reminder-enabled", FALSE);
  reset ();
}

/* The switch in the preferences turns the reminder and its autostart entry on and off;
 * off, nothing comes at the time. The time is picked with two spin buttons and shown
 * as the locale writes it. */
static void
test_switch_off (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) before = local_at (15, 7, 4, 59);
  g_autoptr(GDateTime) at_time = local_at (15, 7, 5, 0);
  RjReminder *reminder = get_reminder ();
  RjUiTestJournal journal = { 0 };
  GtkWidget *window;
  GtkSwitch *toggle;
  AdwActionRow *time_row;
  GtkAdjustment *hours;
  GtkAdjustment *minutes;
  guint n_added = fake.n_added;

  set_now (before);
  rj_reminder_set_clock (reminder, fake_clock, NULL);

  rj_ui_test_journal_set_up (&journal, "rj-test-reminder-XXXXXX", PASSPHRASE);
  window = rj_preferences_window_new (journal.context);
  gtk_window_present (GTK_WINDOW (window));
  toggle = rj_ui_test_template_child (window, RJ_TYPE_PREFERENCES_WINDOW, "reminder_switch");
  time_row = rj_ui_test_template_child (window, RJ_TYPE_PREFERENCES_WINDOW, "reminder_time_row");
  hours = rj_ui_test_template_child (window, RJ_TYPE_PREFERENCES_WINDOW,
                                     "reminder_hour_adjustment");
  minutes = rj_ui_test_template_child (window, RJ_TYPE_PREFERENCES_WINDOW,
                                       "reminder_minute_adjustment");

  /* Off at first: the time can be seen but not changed. */
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (time_row)));
  g_assert_cmpfloat (gtk_adjustment_get_value (hours), ==, 20);
  g_assert_cmpfloat (gtk_adjustment_get_value (minutes), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (time_row), ==, "Every day at 20:00");

  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminder-enabled"));
  g_assert_true (rj_reminder_get_enabled (reminder));
  g_assert_true (autostart_exists ());
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (time_row)));

  gtk_adjustment_set_value (hours, 7);
  gtk_adjustment_set_value (minutes, 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-time"), ==, 7 * 60 + 5);
  g_assert_cmpstr (adw_action_row_get_subtitle (time_row), ==, "Every day at 07:05");
  assert_due (15, 7, 5);

  /* Off: the entry goes, and at the time nothing comes. */
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reminder-enabled"));
  g_assert_false (rj_reminder_get_enabled (reminder));
  g_assert_false (autostart_exists ());
  g_assert_null (rj_reminder_get_due (reminder));

  set_now (at_time);
  rj_reminder_wake (reminder);
  rj_ui_test_settle (2500 * 1000);
  g_assert_cmpuint (fake.n_added, ==, n_added);

  g_object_ref (window);
  rj_ui_test_close_window (window, 100 * 1000);
  rj_ui_test_journal_tear_down (&journal, NULL);
  reset ();
}

/* A reminder of its own, on and off, goes with its last reference and leaves no timer
 * behind that would wake a freed object. */
static void
test_finalize (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = local_at (15, 9, 0, 0);
  RjReminder *reminder;

  set_now (now);
  reminder = rj_reminder_new (G_APPLICATION (app), settings);
  rj_reminder_set_clock (reminder, fake_clock, NULL);
  g_assert_false (rj_reminder_get_enabled (reminder));
  g_assert_null (rj_reminder_get_due (reminder));

  g_settings_set_boolean (settings, "reminder-enabled", TRUE);
  g_assert_true (rj_reminder_get_enabled (reminder));
  g_assert_nonnull (rj_reminder_get_due (reminder));
  g_assert_finalize_object (reminder);

  g_settings_set_boolean (settings, "reminder-enabled", FALSE);
  rj_ui_test_settle (100 * 1000);
  reset ();
}

typedef struct
{
  guint n_windows_added;
  gboolean closed_window;
  gboolean ran_after_close;
  gboolean timed_out;
} Background;

static void
background_window_added_cb (GtkApplication *application,
                            GtkWindow      *window,
                            gpointer        user_data)
{
  Background *background = user_data;

  background->n_windows_added++;
}

static gboolean
background_watchdog_cb (gpointer user_data)
{
  Background *background = user_data;

  background->timed_out = TRUE;
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static gboolean
background_after_close_cb (gpointer user_data)
{
  Background *background = user_data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* The window is gone and the process still runs: the reminder holds it. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  background->ran_after_close = TRUE;

  /* Off: nothing holds the application any more, and it ends. */
  g_settings_set_boolean (settings, "reminder-enabled", FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
background_started_cb (gpointer user_data)
{
  Background *background = user_data;
  GtkWindow *window;

  /* Started, and no window. */
  g_assert_cmpuint (background->n_windows_added, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_true (autostart_exists ());

  /* The client opens the window and closes it again. */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  gtk_window_close (window);
  background->closed_window = TRUE;

  g_timeout_add (500, background_after_close_cb, background);
  return G_SOURCE_REMOVE;
}

/* The last test: the application runs, and its end shuts it down for good. */
static void
test_background (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GDateTime) now = local_at (15, 9, 0, 0);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  char *argv[] = { (char *) "recovery-journal", (char *) "--background", NULL };
  Background background = { 0 };
  g_autoptr(RjContext) context = NULL;
  guint watchdog;
  gulong handler;
  int status;

  set_now (now);
  rj_reminder_set_clock (get_reminder (), fake_clock, NULL);
  /* A journal to open, made and locked. */
  context = rj_ui_test_context_new ("rj-test-reminder-XXXXXX", &dir, &path);
  rj_ui_test_create_journal (context, PASSPHRASE, NULL);
  g_assert_true (rj_store_lock (rj_context_get_store (context), NULL));
  g_settings_set_string (settings, "journal-path", path);

  g_settings_set_boolean (settings, "reminder-enabled", TRUE);

  handler = g_signal_connect (app, "window-added", G_CALLBACK (background_window_added_cb),
                              &background);
  g_idle_add (background_started_cb, &background);
  watchdog = g_timeout_add_seconds (20, background_watchdog_cb, &background);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_false (background.timed_out);
  g_source_remove (watchdog);
  g_signal_handler_disconnect (app, handler);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (background.closed_window);
  g_assert_true (background.ran_after_close);
  g_assert_cmpuint (background.n_windows_added, ==, 1);
  g_assert_false (autostart_exists ());

  g_clear_object (&context);
  rj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *home = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  int status;

  /* The autostart entry, and anything else, goes into a folder of the test's own: set
   * before GLib first looks up the user's folders. */
  home = g_dir_make_tmp ("rj-test-reminder-home-XXXXXX", NULL);
  g_assert_nonnull (home);
  config = g_build_filename (home, "config", NULL);
  data = g_build_filename (home, "data", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);

  /* GTestDBus unsets DISPLAY, so that nothing autolaunches a bus on it; GTK needs it
   * back. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  if (!rj_ui_test_init (&argc, &argv))
    {
      g_test_dbus_stop (bus);
      rj_test_remove_tree (home);
      return RJ_UI_TEST_SKIPPED;
    }

  fake_server_start (g_test_dbus_get_bus_address (bus));

  app = rj_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/ui/reminder/notification", test_notification);
  g_test_add_func ("/ui/reminder/switch-off", test_switch_off);
  g_test_add_func ("/ui/reminder/finalize", test_finalize);
  g_test_add_func ("/ui/reminder/background", test_background);

  status = g_test_run ();

  g_clear_object (&app);
  g_clear_pointer (&fake_now, g_date_time_unref);

  fake_server_stop ();
  /* Stopped, not torn down: g_test_dbus_down() would wait for the session bus
   * connection to go, and GTK keeps it until the process ends. */
  g_test_dbus_stop (bus);
  rj_test_remove_tree (home);
  return status;
}
