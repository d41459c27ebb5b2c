/* shoot-summary.c: opens the session summary on the demo journal, for a screenshot.
 *
 * RJ_SHOOT_TARGET=warning shows the warning before the first export as well.
 * RJ_SHOOT_PRINT_PDF=<path> also runs the Print button's operation, exported to <path>.
 * Run under Xvfb; it stays open for RJ_SHOOT_SECONDS (10 unless told) while
 * `import -window root` takes the picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rj-day-header.h"
#include "rj-demo.h"
#include "rj-summary-window.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "river stones and quiet mornings"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *seconds = g_getenv ("RJ_SHOOT_SECONDS");
  RjContext *context;
  RjStore *store;
  RjWindow *window;
  GDate today;

  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  rj_get_today (&today);
  context = rj_ui_test_context_new ("rj-shoot-summary-XXXXXX", &dir, &path);
  store = rj_ui_test_create_journal (context, PASSPHRASE, NULL);
  g_assert_true (rj_demo_fill (store, &today, 21, 20261123, &error));
  g_assert_no_error (error);

  window = RJ_WINDOW (rj_window_new (NULL, context));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 700);
  gtk_window_present (GTK_WINDOW (window));
  rj_ui_test_settle (200 * 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.summary", NULL));
  if (g_getenv ("RJ_SHOOT_PRINT_PDF") != NULL)
    {
      GtkWindow *summary = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_SUMMARY_WINDOW);

      g_assert_true (rj_summary_window_export_print (RJ_SUMMARY_WINDOW (summary),
                                                     g_getenv ("RJ_SHOOT_PRINT_PDF"), &error));
      g_assert_no_error (error);
    }
  if (g_strcmp0 (g_getenv ("RJ_SHOOT_TARGET"), "warning") == 0)
    {
      GtkWindow *summary = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_SUMMARY_WINDOW);

      rj_ui_test_settle (200 * 1000);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (summary), "summary.save-pdf", NULL));
    }

  rj_ui_test_spin ((seconds != NULL ? atoi (seconds) : 10) * G_USEC_PER_SEC);

  gtk_window_destroy (GTK_WINDOW (window));
  rj_ui_test_settle (100 * 1000);
  g_object_unref (context);
  rj_test_remove_tree (dir);
  return EXIT_SUCCESS;
}
