/* test-hygiene-chooser.c: the file chooser still opens once the process hygiene is
 * applied, and nothing the app saves stays in the recently-used list.
 *
 * Other apps that made themselves non-dumpable lost their file dialogs: the desktop
 * portal finds out who calls by opening /proc/PID/root, which a non-dumpable process
 * keeps from everyone but root, and refuses the call ("Portal operation not allowed:
 * Unable to open /proc/PID/root"; xdg-desktop-portal issues 785 and 1490). GTK 4.8
 * uses the portal for GtkFileChooserNative only inside a sandbox or with
 * GDK_DEBUG=portals; elsewhere it shows its own GtkFileChooserDialog in the process.
 *
 * So this checks, with the hygiene applied as main() applies it:
 *  - without the portal: GTK's own dialog appears, and can be cancelled;
 *  - with the portal asked for (GDK_DEBUG=portals, a fake portal on a private bus) but
 *    no sandbox: the process is not dumpable, the portal refuses, and GTK 4.8 falls
 *    back to its own dialog, which works;
 *  - in a sandbox (Snap's variable set), where GTK's own dialog could not reach the
 *    client's files: the process stayed dumpable, the portal accepts the request, and
 *    its answer reaches the app;
 *  - GTK's own chooser puts what the client accepts on the recently-used list, and the
 *    application takes it off before the list is written.
 *
 * The fake portal cannot test /proc/PID/root itself (these tests may run as root, who
 * can open it regardless); it asks the process's dumpable flag, which is what decides
 * it for a user's process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "rj-application.h"
#include "rj-hygiene.h"
#include "rj-ui-test-util.h"

#define PORTAL_PATH "/org/freedesktop/portal/desktop"

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.FileChooser'>"
  "    <method name='OpenFile'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='s' name='title' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <method name='SaveFile'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='s' name='title' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

/* What the fake portal saw. */
typedef struct
{
  GDBusConnection *connection;
  guint n_requests;
  guint n_refused;
  char *caller;
  char *handle;
} FakePortal;

static FakePortal portal;

static void
portal_method_call_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *object_path,
                       const char            *interface_name,
                       const char            *method_name,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  g_autoptr(GVariant) options = NULL;
  g_autofree char *sender_part = NULL;
  const char *token = "t";

  portal.n_requests++;

  /* As xdg-desktop-portal does for a caller whose /proc/PID/root it cannot open. */
  if (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0) != 1)
    {
      g_autofree char *message = g_strdup_printf ("Portal operation not allowed: Unable to "
                                                  "open /proc/%ld/root", (long) getpid ());

      portal.n_refused++;
      g_dbus_method_invocation_return_dbus_error (invocation,
                                                  "org.freedesktop.DBus.Error.AccessDenied",
                                                  message);
      return;
    }

  /* The request's path is made from the caller's name and its token, so that it can
   * listen for the answer before it asks. */
  options = g_variant_get_child_value (parameters, 2);
  g_variant_lookup (options, "handle_token", "&s", &token);
  sender_part = g_strdelimit (g_strdup (sender + 1), ".", '_');
  g_free (portal.handle);
  portal.handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender_part, token);
  g_free (portal.caller);
  portal.caller = g_strdup (sender);

  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", portal.handle));
}

static GVariant *
portal_get_property_cb (GDBusConnection  *connection,
                        const char       *sender,
                        const char       *object_path,
                        const char       *interface_name,
                        const char       *property_name,
                        GError          **error,
                        gpointer          user_data)
{
  return g_variant_new_uint32 (3);
}

static const GDBusInterfaceVTable portal_vtable = {
  portal_method_call_cb, portal_get_property_cb, NULL
};

static void
fake_portal_start (void)
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  portal.connection =
    g_dbus_connection_new_for_address_sync (address,
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);

  info = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (portal.connection, PORTAL_PATH, info->interfaces[0],
                                     &portal_vtable, NULL, NULL, &error);
  g_assert_no_error (error);

  reply = g_dbus_connection_call_sync (portal.connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
}

/* The chooser the app shows to save an export, on a window of its own. */
typedef struct
{
  GtkWindow *parent;
  GtkFileChooserNative *native;
  int response;
} Chooser;

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     Chooser         *chooser)
{
  chooser->response = response;
}

static void
chooser_show (Chooser *chooser)
{
  chooser->response = G_MININT;
  chooser->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (chooser->parent);
  chooser->native = gtk_file_chooser_native_new ("Save Summary as PDF", chooser->parent,
                                                 GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser->native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser->native), "summary.pdf");
  g_signal_connect (chooser->native, "response", G_CALLBACK (chooser_response_cb), chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser->native));
}

static void
chooser_free (Chooser *chooser)
{
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser->native));
  g_assert_finalize_object (chooser->native);
  gtk_window_destroy (chooser->parent);
}

static GtkWindow *
find_chooser_dialog (void)
{
  GtkWindow *dialog = rj_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  return dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)) ? dialog : NULL;
}

/* Without the portal, GTK's own chooser opens in the non-dumpable process, and Cancel
 * answers as Cancel. */
static void
test_own_dialog (void)
{
  Chooser chooser;
  GtkWindow *dialog;

  g_assert_false (rj_hygiene_portals_needed ());
  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);

  chooser_show (&chooser);
  RJ_UI_TEST_WAIT_FOR ((dialog = find_chooser_dialog ()) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == chooser.parent);
  g_assert_cmpint (chooser.response, ==, G_MININT);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  RJ_UI_TEST_WAIT_FOR (chooser.response != G_MININT);
  g_assert_cmpint (chooser.response, ==, GTK_RESPONSE_CANCEL);
  RJ_UI_TEST_WAIT_FOR (find_chooser_dialog () == NULL);

  chooser_free (&chooser);
}

/* In a sandbox the hygiene leaves the process dumpable: the portal takes the request,
 * and its answer is the app's. */
static void
test_portal_in_sandbox (void)
{
  GVariantBuilder results;
  Chooser chooser;

  if (!g_test_subprocess ())
    {
      g_setenv ("RJ_TEST_SANDBOX", "1", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("RJ_TEST_SANDBOX");
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (rj_hygiene_portals_needed ());
  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 1);
  fake_portal_start ();

  chooser_show (&chooser);
  RJ_UI_TEST_WAIT_FOR (portal.n_requests == 1);
  g_assert_cmpuint (portal.n_refused, ==, 0);
  rj_ui_test_settle (200 * 1000);
  g_assert_null (find_chooser_dialog ());
  g_assert_cmpint (chooser.response, ==, G_MININT);

  /* The client cancels the portal's dialog. GTK 4.8 reads "uris" without checking that
   * it is there, so the answer carries an empty list, as the real portal's does. */
  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "uris", g_variant_new_strv (NULL, 0));
  g_dbus_connection_emit_signal (portal.connection, portal.caller, portal.handle,
                                 "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", 1, &results), NULL);
  RJ_UI_TEST_WAIT_FOR (chooser.response != G_MININT);
  g_assert_cmpint (chooser.response, ==, GTK_RESPONSE_CANCEL);

  chooser_free (&chooser);
}

/* Outside a sandbox, with the portal asked for: the portal refuses the non-dumpable
 * process, and GTK 4.8 shows its own dialog instead, which works as without the
 * portal. */
static void
test_portal_refuses_falls_back (void)
{
  Chooser chooser;
  GtkWindow *dialog;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_false (rj_hygiene_portals_needed ());
  g_assert_cmpint (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), ==, 0);
  fake_portal_start ();

  chooser_show (&chooser);
  RJ_UI_TEST_WAIT_FOR (portal.n_refused == 1);
  RJ_UI_TEST_WAIT_FOR ((dialog = find_chooser_dialog ()) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == chooser.parent);
  g_assert_cmpint (chooser.response, ==, G_MININT);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  RJ_UI_TEST_WAIT_FOR (chooser.response != G_MININT);
  g_assert_cmpint (chooser.response, ==, GTK_RESPONSE_CANCEL);
  g_assert_cmpuint (portal.n_requests, ==, 1);

  chooser_free (&chooser);
}

/* GTK's own chooser adds what the client accepts to the recently-used list; the one
 * GTK opens by itself behind "Print to File" in the print dialog is one the app never
 * handles. The application takes the item off again before the list is written. */
static void
test_recent_files_forgotten (gconstpointer data)
{
  g_autoptr(RjApplication) app = NULL;
  g_autofree char *xbel = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autofree char *folder = g_build_filename (rj_hygiene_get_tmp_dir (), "exports", NULL);
  g_autofree char *path = g_build_filename (folder, "recovery-check-in.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GtkWidget *dialog;
  gboolean with_app = GPOINTER_TO_INT (data) != 0;

  /* This test's own list, in the folder main() made. */
  g_assert_true (g_str_has_prefix (xbel, rj_hygiene_get_tmp_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  if (with_app)
    {
      app = rj_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
    }

  /* As GtkPrinterOptionWidget makes it for the output file of "Print to File". */
  dialog = gtk_file_chooser_dialog_new ("Select a filename", NULL, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        "_Cancel", GTK_RESPONSE_CANCEL,
                                        "_Select", GTK_RESPONSE_ACCEPT, NULL);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder_file,
                                                      NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "recovery-check-in.pdf");
  gtk_window_present (GTK_WINDOW (dialog));
  rj_ui_test_settle (300 * 1000);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);

  /* The list is written a quarter of a second after a change. */
  rj_ui_test_settle (1000 * 1000);
  g_file_get_contents (xbel, &contents, NULL, NULL);

  if (!with_app)
    {
      /* Without the application, GTK puts it there: what the other case guards against. */
      g_assert_true (gtk_recent_manager_has_item (manager, uri));
      g_assert_nonnull (contents);
      g_assert_nonnull (strstr (contents, "recovery-check-in.pdf"));
      g_assert_true (gtk_recent_manager_remove_item (manager, uri, NULL));
      rj_ui_test_settle (1000 * 1000);
      return;
    }

  g_assert_false (gtk_recent_manager_has_item (manager, uri));
  g_assert_true (contents == NULL || strstr (contents, "recovery-check-in.pdf") == NULL);
}

/* GTK 4.8's own file chooser now and then draws a button before it has a size
 * ("Trying to snapshot GtkButton … without a current allocation"), a race inside GTK
 * that later versions fixed; under load it ended this test through the tests' fatal
 * warnings. GTK logs it through the structured API, whose writer decides: only that
 * message is let pass; every other warning stays fatal. */
static gboolean
is_gtk_snapshot_race (const char *message)
{
  return message != NULL && g_str_has_prefix (message, "Trying to snapshot ") &&
         strstr (message, " without a current allocation") != NULL;
}

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        is_gtk_snapshot_race (fields[i].value))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *runtime_dir = g_strdup ("/tmp/rj-test-hygiene-chooser-XXXXXX");
  g_autofree char *data_dir = NULL;
  g_autofree char *our_folder = NULL;
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus = NULL;
  gboolean child = FALSE;
  int status;

  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "--GTestSubprocess") == 0)
      child = TRUE;

  /* A child that is to use the portal, or to be in a sandbox, is told so before the
   * hygiene and GTK look. */
  if (child && g_getenv ("RJ_TEST_USE_PORTAL") != NULL)
    g_setenv ("GDK_DEBUG", "portals", TRUE);
  if (child && g_getenv ("RJ_TEST_SANDBOX") != NULL)
    g_setenv ("SNAP", "/snap/recovery-journal/1", TRUE);

  /* As main.c does, before anything asks for the temporary folder. mkdtemp() from the C
   * library, since g_dir_make_tmp() would read TMPDIR first. */
  g_assert_nonnull (mkdtemp (runtime_dir));
  our_folder = g_build_filename (runtime_dir, "recovery-journal", NULL);
  g_assert_true (rj_hygiene_apply (runtime_dir, &error));
  g_assert_no_error (error);

  /* The recently-used list of this test, not of whoever runs it. */
  data_dir = g_build_filename (rj_hygiene_get_tmp_dir (), "data", NULL);
  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  /* The parent gives its children a private bus, for the fake portal. GTestDBus unsets
   * DISPLAY, so that nothing autolaunches a bus on it; GTK needs it back. */
  if (!child)
    {
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
    }

  g_log_set_writer_func (log_writer, NULL, NULL);
  if (!rj_ui_test_init (&argc, &argv))
    status = RJ_UI_TEST_SKIPPED;
  else
    {
      g_test_add_func ("/ui/hygiene-chooser/own-dialog", test_own_dialog);
      g_test_add_data_func ("/ui/hygiene-chooser/recent-files-added-by-gtk",
                            GINT_TO_POINTER (FALSE), test_recent_files_forgotten);
      g_test_add_data_func ("/ui/hygiene-chooser/recent-files-forgotten",
                            GINT_TO_POINTER (TRUE), test_recent_files_forgotten);
      /* Inside a real sandbox the real portal is there. */
      if (!rj_hygiene_portals_needed () || child)
        {
          g_setenv ("RJ_TEST_USE_PORTAL", "1", TRUE);
          g_test_add_func ("/ui/hygiene-chooser/portal-refuses-falls-back",
                           test_portal_refuses_falls_back);
          g_test_add_func ("/ui/hygiene-chooser/portal-in-sandbox", test_portal_in_sandbox);
        }
      status = g_test_run ();
    }

  rj_hygiene_cleanup ();
  g_assert_cmpint (g_rmdir (our_folder), ==, 0);
  g_assert_cmpint (g_rmdir (runtime_dir), ==, 0);
  if (bus != NULL)
    g_test_dbus_stop (bus);
  return status;
}
