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

#include "rj-crypto.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "river stones and quiet mornings"

static const char *target;

/* Settles the window, then says where it is; returns TRUE when that was the target. */
static gboolean
reached (const char *name)
{
  rj_ui_test_spin (G_USEC_PER_SEC / 2);

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
  GtkWidget *create = rj_ui_test_get_page (window, "create");
  GtkWidget *code_page = rj_ui_test_get_page (window, "recovery-code");
  GtkWidget *unlock = rj_ui_test_get_page (window, "unlock");
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
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (create));
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
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock));
  if (reached ("unlock-wrong"))
    return G_SOURCE_REMOVE;

  gtk_widget_activate_action (unlock, "unlock.use-recovery-code", NULL);
  g_object_set (unlock, "recovery-code", code, NULL);
  if (reached ("recovery"))
    return G_SOURCE_REMOVE;

  gtk_widget_activate_action (unlock, "unlock.unlock", NULL);
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock));
  g_object_set (create, "passphrase", "a new day", NULL);
  if (reached ("new-passphrase"))
    return G_SOURCE_REMOVE;

  g_object_set (create, "passphrase", PASSPHRASE, "confirmation", PASSPHRASE, NULL);
  gtk_widget_activate_action (create, "create.create", NULL);
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (create));
  reached ("new-code");

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
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int status;

  if (argc != 2)
    {
      g_printerr ("Usage: %s PAGE\n", argv[0]);
      return 2;
    }
  target = argv[1];

  g_assert_true (rj_crypto_init ());
  dir = rj_test_make_tmp_dir ("rj-shoot-pages-XXXXXX");
  path = g_build_filename (dir, "journal.db", NULL);

  status = rj_ui_test_run_application (argv[0], path, G_CALLBACK (window_added_cb));
  rj_test_remove_tree (dir);

  return status;
}
