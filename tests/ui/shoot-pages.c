/* shoot-pages.c: brings the real application to one of its pages, for a screenshot.
 *
 * Not a test: run it under Xvfb with a page name, wait for "READY" on stdout, take the
 * screenshot, then end it. The journal lives in a temporary folder, with fast key
 * derivation.
 *
 *   rj-shoot-pages create|create-short|creating|code|journal|unlock|unlock-wrong|recovery|
 *                  new-passphrase|new-code|help|about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "rj-application.h"
#include "rj-crypto.h"
#include "rj-window.h"

#define PASSPHRASE "river stones and quiet mornings"

#define WAIT_FOR(condition)                                                   \
  G_STMT_START {                                                              \
    while (!(condition))                                                      \
      g_main_context_iteration (NULL, TRUE);                                  \
  } G_STMT_END

static const char *target;

static GtkWidget *
get_page (RjWindow   *window,
          const char *name)
{
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (window), RJ_TYPE_WINDOW, "stack");

  return gtk_stack_get_child_by_name (GTK_STACK (stack), name);
}

static gboolean
get_busy (gpointer object)
{
  gboolean busy;

  g_object_get (object, "busy", &busy, NULL);
  return busy;
}

/* Settles the window, then says where it is; returns TRUE when that was the target. */
static gboolean
reached (const char *name)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  if (!g_str_equal (target, name))
    return FALSE;

  g_print ("READY\n");
  return TRUE;
}

static gboolean
drive_cb (gpointer user_data)
{
  RjWindow *window = user_data;
  GApplication *app = g_application_get_default ();
  GtkWidget *create = get_page (window, "create");
  GtkWidget *code_page = get_page (window, "recovery-code");
  GtkWidget *unlock = get_page (window, "unlock");
  g_autofree char *code = NULL;

  if (g_str_equal (target, "create-short"))
    {
      g_object_set (create, "passphrase", "hello", "confirmation", "hel", NULL);
      reached ("create-short");
      return G_SOURCE_REMOVE;
    }

  g_object_set (create, "passphrase", PASSPHRASE, "confirmation", PASSPHRASE, NULL);
  if (reached ("create"))
    return G_SOURCE_REMOVE;

  gtk_widget_activate_action (create, "create.create", NULL);
  if (reached ("creating"))
    return G_SOURCE_REMOVE;
  WAIT_FOR (!get_busy (create));
  g_object_get (code_page, "code", &code, NULL);
  if (reached ("code"))
    return G_SOURCE_REMOVE;

  gtk_widget_activate_action (code_page, "code.done", NULL);
  if (reached ("journal"))
    return G_SOURCE_REMOVE;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  if (reached ("unlock"))
    return G_SOURCE_REMOVE;

  if (g_str_equal (target, "help"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
      reached ("help");
      return G_SOURCE_REMOVE;
    }

  if (g_str_equal (target, "about"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
      reached ("about");
      return G_SOURCE_REMOVE;
    }

  g_object_set (unlock, "passphrase", "river stones and quiet evenings", NULL);
  gtk_widget_activate_action (unlock, "unlock.unlock", NULL);
  WAIT_FOR (!get_busy (unlock));
  if (reached ("unlock-wrong"))
    return G_SOURCE_REMOVE;

  gtk_widget_activate_action (unlock, "unlock.use-recovery-code", NULL);
  g_object_set (unlock, "recovery-code", code, NULL);
  if (reached ("recovery"))
    return G_SOURCE_REMOVE;

  gtk_widget_activate_action (unlock, "unlock.unlock", NULL);
  WAIT_FOR (!get_busy (unlock));
  g_object_set (create, "passphrase", "a new day", NULL);
  if (reached ("new-passphrase"))
    return G_SOURCE_REMOVE;

  g_object_set (create, "passphrase", PASSPHRASE, "confirmation", PASSPHRASE, NULL);
  gtk_widget_activate_action (create, "create.create", NULL);
  WAIT_FOR (!get_busy (create));
  reached ("new-code");

  return G_SOURCE_REMOVE;
}

static gboolean
terminate_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  RjKdfParams params;

  if (!RJ_IS_WINDOW (window))
    return;

  /* "creating" shows the real key derivation at work; everything else hurries. */
  if (!g_str_equal (target, "creating"))
    {
      rj_kdf_params_fast_for_tests (&params);
      rj_context_set_kdf_params (rj_window_get_context (RJ_WINDOW (window)), &params);
    }
  g_timeout_add (500, drive_cb, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RjApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *app_argv[4];
  int status;

  if (argc != 2)
    {
      g_printerr ("Usage: %s PAGE\n", argv[0]);
      return 2;
    }
  target = argv[1];

  g_assert_true (rj_crypto_init ());
  dir = g_dir_make_tmp ("rj-shoot-pages-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "journal.db", NULL);

  app_argv[0] = argv[0];
  app_argv[1] = "--journal";
  app_argv[2] = path;
  app_argv[3] = NULL;

  /* Non-unique, so that it never hands over to a running instance. */
  app = rj_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_unix_signal_add (SIGTERM, terminate_cb, app);
  status = g_application_run (G_APPLICATION (app), 3, (char **) app_argv);

  g_clear_object (&app);
  for (const char *suffix = ""; suffix != NULL;
       suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_remove (file);
    }
  g_rmdir (dir);

  return status;
}
