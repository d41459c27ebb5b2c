/* shoot-trends.c: opens the trends on the demo journal, for a screenshot.
 *
 * RJ_SHOOT_PERIOD=30-days|90-days|year|all picks the period (30 days unless told).
 * RJ_SHOOT_EMPTY=1 opens an empty journal instead of a year of demo entries.
 * RJ_SHOOT_WIDTH=<px> sizes the trends window (720 unless told), as 360 for a phone.
 * RJ_SHOOT_SCROLL=<px> scrolls the cards down by that much.
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
#include "rj-trends-window.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "river stones and quiet mornings"

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  /* The empty state's status page has one of its own, not shown. */
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return GTK_SCROLLED_WINDOW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled_window (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *seconds = g_getenv ("RJ_SHOOT_SECONDS");
  const char *period = g_getenv ("RJ_SHOOT_PERIOD");
  const char *width = g_getenv ("RJ_SHOOT_WIDTH");
  const char *scroll = g_getenv ("RJ_SHOOT_SCROLL");
  RjContext *context;
  RjStore *store;
  RjWindow *window;
  GtkWindow *trends;
  GDate today;

  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  rj_get_today (&today);
  context = rj_ui_test_context_new ("rj-shoot-trends-XXXXXX", &dir, &path);
  store = rj_ui_test_create_journal (context, PASSPHRASE, NULL);
  if (g_getenv ("RJ_SHOOT_EMPTY") == NULL)
    {
      g_assert_true (rj_demo_fill (store, &today, 365, 20261123, &error));
      g_assert_no_error (error);
    }

  window = RJ_WINDOW (rj_window_new (NULL, context));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 700);
  gtk_window_present (GTK_WINDOW (window));
  rj_ui_test_settle (200 * 1000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.trends", NULL));
  trends = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_TRENDS_WINDOW);
  g_assert_nonnull (trends);
  gtk_window_set_default_size (trends, width != NULL ? atoi (width) : 720, 860);
  if (period != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trends), "trends.period", "s",
                                               period));
  if (g_getenv ("RJ_SHOOT_PRINT_PDF") != NULL)
    {
      g_assert_true (rj_trends_window_export_print (RJ_TRENDS_WINDOW (trends),
                                                    g_getenv ("RJ_SHOOT_PRINT_PDF"), &error));
      g_assert_no_error (error);
    }
  rj_ui_test_settle (300 * 1000);
  if (scroll != NULL)
    {
      GtkScrolledWindow *scrolled = find_scrolled_window (GTK_WIDGET (trends));

      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), atoi (scroll));
    }

  if (g_strcmp0 (g_getenv ("RJ_SHOOT_TARGET"), "warning") == 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trends), "trends.save-pdf", NULL));

  rj_ui_test_spin ((seconds != NULL ? atoi (seconds) : 10) * G_USEC_PER_SEC);

  gtk_window_destroy (GTK_WINDOW (window));
  rj_ui_test_settle (100 * 1000);
  g_object_unref (context);
  rj_test_remove_tree (dir);
  return EXIT_SUCCESS;
}
