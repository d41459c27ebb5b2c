/* test-session-lock.c: the journal locks when the screen locks and before the computer
 * sleeps, and holds the computer awake only until it has.
 *
 * A private bus (GTestDBus) serves as both the session bus and the system bus. On a
 * connection of its own, the test plays the screen savers and logind: it owns their
 * names, answers Inhibit with one end of a pipe and GetSessionByPID with a session
 * path, and emits their signals. The other end of the pipe tells when the app closes
 * its inhibitor: reading it gives end-of-file once no copy of the write end is left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <glib-unix.h>
#include <gio/gunixfdlist.h>

#include "rj-application.h"
#include "rj-checkin-page.h"
#include "rj-day-header.h"
#include "rj-session-watch.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "a quiet walk before the meeting"
#define SESSION_PATH "/org/freedesktop/login1/session/_31"
#define OTHER_SESSION_PATH "/org/freedesktop/login1/session/_32"

static const char login1_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.login1.Manager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' name='what' direction='in'/>"
  "      <arg type='s' name='who' direction='in'/>"
  "      <arg type='s' name='why' direction='in'/>"
  "      <arg type='s' name='mode' direction='in'/>"
  "      <arg type='h' name='pipe_fd' direction='out'/>"
  "    </method>"
  "    <method name='GetSessionByPID'>"
  "      <arg type='u' name='pid' direction='in'/>"
  "      <arg type='o' name='object_path' direction='out'/>"
  "    </method>"
  "    <signal name='PrepareForSleep'>"
  "      <arg type='b' name='start'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

/* What the fake services saw and hold. */
typedef struct
{
  GDBusConnection *connection;
  guint registration_id;

  guint n_inhibit_calls;
  guint n_session_calls;
  char *inhibit_what;
  char *inhibit_mode;
  /* The read end of the last inhibitor's pipe. */
  int inhibitor_read_fd;
} FakeServices;

static FakeServices fake = { .inhibitor_read_fd = -1 };

/* The real application, so that what it wires up is what is tested; registered once,
 * as one process has one. */
static RjApplication *app;

static void
login1_method_call_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *object_path,
                       const char            *interface_name,
                       const char            *method_name,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  if (g_strcmp0 (method_name, "Inhibit") == 0)
    {
      g_autoptr(GUnixFDList) fd_list = g_unix_fd_list_new ();
      g_autoptr(GError) error = NULL;
      int fds[2];

      fake.n_inhibit_calls++;
      g_clear_pointer (&fake.inhibit_what, g_free);
      g_clear_pointer (&fake.inhibit_mode, g_free);
      g_variant_get (parameters, "(ssss)", &fake.inhibit_what, NULL, NULL, &fake.inhibit_mode);

      g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_unix_fd_list_append (fd_list, fds[1], &error), ==, 0);
      g_assert_no_error (error);
      /* The list holds a copy; logind keeps only the read end. */
      close (fds[1]);
      if (fake.inhibitor_read_fd >= 0)
        close (fake.inhibitor_read_fd);
      fake.inhibitor_read_fd = fds[0];

      g_dbus_method_invocation_return_value_with_unix_fd_list (invocation,
                                                               g_variant_new ("(h)", 0),
                                                               fd_list);
    }
  else if (g_strcmp0 (method_name, "GetSessionByPID") == 0)
    {
      guint32 pid;

      fake.n_session_calls++;
      g_variant_get (parameters, "(u)", &pid);
      g_assert_cmpuint (pid, ==, (guint32) getpid ());
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(o)", SESSION_PATH));
    }
  else
    {
      g_dbus_method_invocation_return_dbus_error (invocation,
                                                  "org.freedesktop.DBus.Error.UnknownMethod",
                                                  method_name);
    }
}

static const GDBusInterfaceVTable login1_vtable = { login1_method_call_cb, NULL, NULL };

static void
own_name (const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result;

  /* DBUS_NAME_FLAG_DO_NOT_QUEUE; 1 is DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER. */
  reply = g_dbus_connection_call_sync (fake.connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName", g_variant_new ("(su)", name, 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);
}

static void
fake_services_start (const char *address)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  fake.connection =
    g_dbus_connection_new_for_address_sync (address,
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);

  info = g_dbus_node_info_new_for_xml (login1_xml, &error);
  g_assert_no_error (error);
  fake.registration_id =
    g_dbus_connection_register_object (fake.connection, "/org/freedesktop/login1",
                                       info->interfaces[0], &login1_vtable, NULL, NULL,
                                       &error);
  g_assert_no_error (error);

  own_name ("org.freedesktop.login1");
  own_name ("org.gnome.ScreenSaver");
  own_name ("org.freedesktop.ScreenSaver");
}

static void
fake_services_stop (void)
{
  g_dbus_connection_unregister_object (fake.connection, fake.registration_id);
  g_dbus_connection_close_sync (fake.connection, NULL, NULL);
  g_clear_object (&fake.connection);
  g_clear_pointer (&fake.inhibit_what, g_free);
  g_clear_pointer (&fake.inhibit_mode, g_free);
  if (fake.inhibitor_read_fd >= 0)
    close (fake.inhibitor_read_fd);
  fake.inhibitor_read_fd = -1;
}

static void
emit (const char *path,
      const char *interface,
      const char *member,
      GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (fake.connection, NULL, path, interface, member, parameters,
                                 &error);
  g_assert_no_error (error);
  g_dbus_connection_flush_sync (fake.connection, NULL, &error);
  g_assert_no_error (error);
}

/* A round trip on the app's own connection to the bus: whatever it sent before (the
 * match rules of its signal subscriptions) has been handled by the bus when it ends. */
static void
sync_app_bus (GBusType bus_type)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (bus_type, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bus);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetId", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* Whether the inhibitor's write end is closed everywhere: its pipe reads end-of-file. */
static gboolean
inhibitor_closed (void)
{
  struct pollfd pfd = { .fd = fake.inhibitor_read_fd, .events = POLLIN };
  char byte;

  g_assert_cmpint (fake.inhibitor_read_fd, >=, 0);
  if (poll (&pfd, 1, 0) <= 0)
    return FALSE;
  return read (fake.inhibitor_read_fd, &byte, 1) == 0;
}

static gboolean
get_inhibiting (RjSessionWatch *watch)
{
  gboolean inhibiting;

  g_object_get (watch, "inhibiting", &inhibiting, NULL);
  return inhibiting;
}

typedef struct
{
  char *dir;
  char *path;
  RjContext *context;
  RjStore *store;
  RjApplication *app;
  RjSessionWatch *watch;
  RjWindow *window;
  RjCheckinPage *page;
} Fixture;

static void
set_notes_text (RjCheckinPage *page,
                const char    *text)
{
  GtkTextView *view = rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE, "notes_view");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
unlock (Fixture *fixture)
{
  GtkWidget *unlock_page = rj_ui_test_get_page (fixture->window, "unlock");

  g_assert_false (rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (fixture->window), ==, "unlock");
  g_object_set (unlock_page, "passphrase", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
  g_assert_true (rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (fixture->window), ==, "journal");
}

/* The notes of today as stored, read back with the passphrase. */
static char *
dup_stored_notes (Fixture *fixture)
{
  g_autoptr(RjEntry) entry = NULL;
  GDate today;
  char *notes;

  g_assert_false (rj_store_is_unlocked (fixture->store));
  g_assert_true (rj_store_unlock (fixture->store, PASSPHRASE, strlen (PASSPHRASE), NULL));
  rj_get_today (&today);
  entry = rj_store_dup_entry (fixture->store, &today);
  notes = entry != NULL ? g_strdup (entry->notes.text) : NULL;
  g_assert_true (rj_store_lock (fixture->store, NULL));
  return notes;
}

/* Settles, then checks that nothing locked. */
static void
assert_stays_unlocked (Fixture *fixture)
{
  sync_app_bus (G_BUS_TYPE_SESSION);
  sync_app_bus (G_BUS_TYPE_SYSTEM);
  rj_ui_test_settle (200 * 1000);
  g_assert_true (rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (fixture->window), ==, "journal");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->context = rj_ui_test_context_new ("rj-test-session-lock-XXXXXX", &fixture->dir,
                                             &fixture->path);
  /* A journal whose unlocking takes a while, to be caught in the middle of it. */
  if (GPOINTER_TO_INT (data))
    {
      RjKdfParams slow = { .opslimit = 3, .memlimit = 64 * 1024 * 1024 };
      rj_context_set_kdf_params (fixture->context, &slow);
    }
  fixture->store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  g_assert_true (rj_store_lock (fixture->store, NULL));

  fixture->app = app;
  fixture->watch = rj_application_get_session_watch (fixture->app);
  g_assert_nonnull (fixture->watch);

  fixture->window = g_object_ref (rj_window_new (GTK_APPLICATION (fixture->app),
                                                 fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (fixture->window, "journal"));

  /* The watch has found its session and listens. */
  RJ_UI_TEST_WAIT_FOR (fake.n_session_calls == 1);
  rj_ui_test_settle (100 * 1000);
  g_assert_false (get_inhibiting (fixture->watch));
  sync_app_bus (G_BUS_TYPE_SESSION);
  sync_app_bus (G_BUS_TYPE_SYSTEM);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rj_ui_test_close_window (g_steal_pointer (&fixture->window), 100 * 1000);
  g_assert_finalize_object (g_steal_pointer (&fixture->context));
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  fake.n_inhibit_calls = 0;
}

/* The screen saver turning on locks the journal, GNOME's or the freedesktop one; its
 * turning off does not. What was typed just before is kept. */
static void
test_screensaver (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *notes = NULL;

  unlock (fixture);
  set_notes_text (fixture->page, "Typed just before the screen locked.");
  emit ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  RJ_UI_TEST_WAIT_FOR (!rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (fixture->window), ==, "unlock");
  notes = dup_stored_notes (fixture);
  g_assert_cmpstr (notes, ==, "Typed just before the screen locked.");

  unlock (fixture);
  emit ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", FALSE));
  assert_stays_unlocked (fixture);

  /* KDE sends it on /ScreenSaver. */
  emit ("/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  RJ_UI_TEST_WAIT_FOR (!rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (fixture->window), ==, "unlock");
}

/* logind telling this session to lock locks the journal; another session's lock does
 * not. */
static void
test_logind_lock (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *notes = NULL;

  unlock (fixture);
  emit (OTHER_SESSION_PATH, "org.freedesktop.login1.Session", "Lock", NULL);
  assert_stays_unlocked (fixture);

  set_notes_text (fixture->page, "Typed just before the session locked.");
  emit (SESSION_PATH, "org.freedesktop.login1.Session", "Lock", NULL);
  RJ_UI_TEST_WAIT_FOR (!rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (fixture->window), ==, "unlock");
  notes = dup_stored_notes (fixture);
  g_assert_cmpstr (notes, ==, "Typed just before the session locked.");
}

static void
store_notify_unlocked_cb (RjStore  *store,
                          GParamSpec *pspec,
                          gboolean *closed_when_locked)
{
  if (!rj_store_is_unlocked (store))
    *closed_when_locked = inhibitor_closed ();
}

/* Before sleep the journal locks, and only then is the inhibitor closed; after waking,
 * a new one is taken only while a journal is open. */
static void
test_prepare_for_sleep (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *notes = NULL;
  gboolean closed_when_locked = TRUE;
  gulong handler;

  /* Locked, nothing needs the computer to wait. */
  g_assert_false (get_inhibiting (fixture->watch));
  g_assert_cmpuint (fake.n_inhibit_calls, ==, 0);

  unlock (fixture);
  RJ_UI_TEST_WAIT_FOR (get_inhibiting (fixture->watch));
  g_assert_cmpuint (fake.n_inhibit_calls, ==, 1);
  g_assert_cmpstr (fake.inhibit_what, ==, "sleep");
  g_assert_cmpstr (fake.inhibit_mode, ==, "delay");
  g_assert_false (inhibitor_closed ());

  set_notes_text (fixture->page, "Typed just before the lid closed.");
  handler = g_signal_connect (fixture->store, "notify::unlocked",
                              G_CALLBACK (store_notify_unlocked_cb), &closed_when_locked);
  emit ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", TRUE));
  RJ_UI_TEST_WAIT_FOR (!rj_store_is_unlocked (fixture->store));
  g_signal_handler_disconnect (fixture->store, handler);

  /* Held while the journal locked, let go right after. */
  g_assert_false (closed_when_locked);
  RJ_UI_TEST_WAIT_FOR (inhibitor_closed ());
  g_assert_false (get_inhibiting (fixture->watch));
  g_assert_cmpstr (rj_window_get_visible_page (fixture->window), ==, "unlock");

  /* Awake again with the journal locked: no new inhibitor. */
  emit ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", FALSE));
  sync_app_bus (G_BUS_TYPE_SYSTEM);
  rj_ui_test_settle (200 * 1000);
  g_assert_cmpuint (fake.n_inhibit_calls, ==, 1);
  g_assert_false (get_inhibiting (fixture->watch));

  notes = dup_stored_notes (fixture);
  g_assert_cmpstr (notes, ==, "Typed just before the lid closed.");

  /* Unlocked, it holds one again; locked by hand, it lets go. (Reading the store above
   * unlocked it for a moment, which may have asked for one too: the one held is the
   * last one logind gave.) */
  unlock (fixture);
  RJ_UI_TEST_WAIT_FOR (get_inhibiting (fixture->watch));
  g_assert_cmpuint (fake.n_inhibit_calls, >=, 2);
  g_assert_false (inhibitor_closed ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.lock", NULL));
  RJ_UI_TEST_WAIT_FOR (inhibitor_closed ());
  g_assert_false (get_inhibiting (fixture->watch));
}

static void
lock_requested_cb (RjSessionWatch *watch,
                   int             reason,
                   Fixture        *fixture)
{
  GtkWidget *unlock_page = rj_ui_test_get_page (fixture->window, "unlock");

  g_object_set_data (G_OBJECT (watch), "rj-test-busy-at-request",
                     GINT_TO_POINTER (rj_ui_test_get_busy (unlock_page) ? 1 : 2));
}

static void
store_notify_locked_cb (RjStore    *store,
                        GParamSpec *pspec,
                        int        *closed_when_locked)
{
  if (!rj_store_is_unlocked (store))
    *closed_when_locked = inhibitor_closed ();
}

/* The computer begins to sleep while one journal is open and another is being
 * unlocked: it waits for that unlocking to end and the journal to lock again too, and
 * only then gets its inhibitor back. */
static void
test_sleep_while_unlocking (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *unlock_page = rj_ui_test_get_page (fixture->window, "unlock");
  g_autofree char *other_dir = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(RjContext) other_context = NULL;
  RjStore *other_store;
  RjWindow *other_window;
  int closed_when_locked = -1;
  gulong lock_handler;
  gulong notify_handler;

  /* Another journal, open, for which the watch holds an inhibitor. */
  other_context = rj_ui_test_context_new ("rj-test-session-lock-other-XXXXXX", &other_dir,
                                          &other_path);
  other_store = rj_ui_test_create_journal (other_context, PASSPHRASE, NULL);
  other_window = g_object_ref (rj_window_new (GTK_APPLICATION (fixture->app), other_context));
  gtk_window_present (GTK_WINDOW (other_window));
  g_assert_cmpstr (rj_window_get_visible_page (other_window), ==, "journal");
  RJ_UI_TEST_WAIT_FOR (get_inhibiting (fixture->watch));

  /* This one is being unlocked, with key derivation slow enough to be caught at it. */
  g_object_set (unlock_page, "passphrase", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  g_assert_true (rj_ui_test_get_busy (unlock_page));

  lock_handler = g_signal_connect (fixture->watch, "lock-requested",
                                   G_CALLBACK (lock_requested_cb), fixture);
  notify_handler = g_signal_connect (fixture->store, "notify::unlocked",
                                     G_CALLBACK (store_notify_locked_cb), &closed_when_locked);
  emit ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", TRUE));
  RJ_UI_TEST_WAIT_FOR (g_object_get_data (G_OBJECT (fixture->watch),
                                          "rj-test-busy-at-request") != NULL);
  /* The request came while the key was still being derived; the open journal locked
   * at once, and the computer still waits. */
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->watch),
                                                       "rj-test-busy-at-request")), ==, 1);
  g_assert_false (rj_store_is_unlocked (other_store));
  g_assert_false (inhibitor_closed ());

  /* Unlocked, then locked again before the inhibitor goes. */
  RJ_UI_TEST_WAIT_FOR (closed_when_locked != -1);
  g_assert_false (closed_when_locked);
  RJ_UI_TEST_WAIT_FOR (inhibitor_closed ());
  g_assert_false (get_inhibiting (fixture->watch));
  g_assert_false (rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (fixture->window), ==, "unlock");

  g_signal_handler_disconnect (fixture->watch, lock_handler);
  g_signal_handler_disconnect (fixture->store, notify_handler);
  g_object_set_data (G_OBJECT (fixture->watch), "rj-test-busy-at-request", NULL);

  /* Awake: both locked, nothing to hold. */
  emit ("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", FALSE));
  rj_ui_test_close_window (other_window, 100 * 1000);
  rj_test_remove_tree (other_dir);
}

int
main (int   argc,
      char *argv[])
{
  GTestDBus *bus;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  /* One private bus for both: set before anything connects to either. GTestDBus
   * unsets DISPLAY, so that nothing autolaunches a bus on it; GTK needs it back. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", g_test_dbus_get_bus_address (bus), TRUE);

  if (!rj_ui_test_init (&argc, &argv))
    {
      g_test_dbus_stop (bus);
      return RJ_UI_TEST_SKIPPED;
    }

  fake_services_start (g_test_dbus_get_bus_address (bus));

  app = rj_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/ui/session-lock/screensaver", Fixture, NULL,
              fixture_set_up, test_screensaver, fixture_tear_down);
  g_test_add ("/ui/session-lock/logind-lock", Fixture, NULL,
              fixture_set_up, test_logind_lock, fixture_tear_down);
  g_test_add ("/ui/session-lock/prepare-for-sleep", Fixture, NULL,
              fixture_set_up, test_prepare_for_sleep, fixture_tear_down);
  g_test_add ("/ui/session-lock/sleep-while-unlocking", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sleep_while_unlocking, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&app);

  fake_services_stop ();
  /* Stopped, not torn down: g_test_dbus_down() would wait for the session bus
   * connection to go, and GTK keeps it until the process ends. */
  g_test_dbus_stop (bus);
  return status;
}
