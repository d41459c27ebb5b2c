/* shoot-search.c: brings the real application to its search, for a screenshot.
 *
 * Not a test: run it under Xvfb with what to show, wait for "READY WIDTHxHEIGHT" on
 * stdout, take the screenshot, then end it. The journal is the demo journal (ninety
 * days) in a temporary folder, with fast key derivation, and one day that mentions a
 * café.
 *
 *   rj-shoot-search results|accents|empty|start|narrow|opened
 *
 * "results" searches for "brother call"; "accents" for "CAFE"; "empty" for words that
 * no day holds; "start" opens the search with nothing typed; "narrow" is "results" at
 * 360 pixels wide; "opened" is the check-in of the day chosen among the results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rj-crypto.h"
#include "rj-day-header.h"
#include "rj-demo.h"
#include "rj-search-page.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "river stones and quiet mornings"

static const char *target;
static GDate today;

static gboolean
is (const char *name)
{
  return g_str_equal (target, name);
}

static gboolean
drive_cb (gpointer user_data)
{
  RjWindow *window = user_data;
  GtkWidget *unlock = rj_ui_test_get_page (window, "unlock");
  GtkWidget *page = rj_ui_test_get_page (window, "search");
  GtkEditable *entry = rj_ui_test_template_child (page, RJ_TYPE_SEARCH_PAGE, "search_entry");
  const char *text = NULL;

  g_object_set (unlock, "passphrase", PASSPHRASE, NULL);
  gtk_widget_activate_action (unlock, "unlock.unlock", NULL);
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock));
  rj_ui_test_spin (G_USEC_PER_SEC / 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  if (is ("results") || is ("narrow") || is ("opened"))
    text = "brother call";
  else if (is ("accents"))
    text = "CAFE";
  else if (is ("empty"))
    text = "xylophone lessons";
  if (text != NULL)
    gtk_editable_set_text (entry, text);
  rj_ui_test_spin (G_USEC_PER_SEC);

  if (is ("opened"))
    {
      GtkListBox *list = rj_ui_test_template_child (page, RJ_TYPE_SEARCH_PAGE, "results_list");
      g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
    }

  rj_ui_test_spin (G_USEC_PER_SEC);
  g_print ("READY %dx%d\n", gtk_widget_get_width (GTK_WIDGET (window)),
           gtk_widget_get_height (GTK_WIDGET (window)));
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  RjKdfParams params;

  if (!RJ_IS_WINDOW (window))
    return;

  rj_kdf_params_fast_for_tests (&params);
  rj_context_set_kdf_params (rj_window_get_context (RJ_WINDOW (window)), &params);

  /* GNOME's own button layout: Xvfb has no desktop to say so. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  if (is ("narrow"))
    gtk_window_set_default_size (window, 360, 760);
  else
    gtk_window_set_default_size (window, 900, 860);
  g_timeout_add (300, drive_cb, window);
}

static void
make_journal (const char *path)
{
  g_autoptr(RjStore) store = rj_test_create_store (path, PASSPHRASE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RjEntry) entry = NULL;
  GDate day = today;

  g_assert_true (rj_demo_fill (store, &today, 90, 20261123, &error));
  g_assert_no_error (error);

  g_date_subtract_days (&day, 3);
  entry = rj_store_dup_entry (store, &day);
  if (entry == NULL)
    entry = rj_entry_new (&day);
  rj_entry_add_win (entry, "Coffee with Ana at the Café Olé instead of the bar", FALSE);
  rj_entry_add_topic (entry, "Why the café on the corner still pulls at me", TRUE);
  g_assert_true (rj_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_lock (store, &error));
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
      g_printerr ("Usage: %s WHAT\n", argv[0]);
      return 2;
    }
  target = argv[1];
  rj_get_today (&today);

  g_assert_true (rj_crypto_init ());
  dir = rj_test_make_tmp_dir ("rj-shoot-search-XXXXXX");
  path = g_build_filename (dir, "journal.db", NULL);
  make_journal (path);

  status = rj_ui_test_run_application (argv[0], path, G_CALLBACK (window_added_cb));
  rj_test_remove_tree (dir);

  return status;
}
