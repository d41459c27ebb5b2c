/* shoot-loop-review.c: the lapse review or the weekly craving check on the demo
 * journal, for a screenshot.
 *
 * Not a test: run it under Xvfb with what to show, wait for "READY" on stdout, take the
 * screenshot, then end it. The journal is the one --demo opens (same days, same seed),
 * in a temporary folder with fast key derivation.
 *
 *   rj-shoot-loop-review lapse|lapse-row|weekly|weekly-row
 *
 * "lapse" opens the review of the latest day with use; "lapse-row" shows that day's
 * check-in at its Use block; "weekly" opens today's weekly check; "weekly-row" shows
 * today's check-in at the weekly check's row. RJ_SHOOT_DAYS=N fills N days instead of
 * --demo's 21, for when those hold no lapse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rj-checkin-page.h"
#include "rj-day-header.h"
#include "rj-demo.h"
#include "rj-recovery-stats.h"
#include "rj-ui-test-util.h"
#include "rj-weekly-check-dialog.h"
#include "rj-window.h"

#define PASSPHRASE "river stones and quiet mornings"
#define DEMO_DAYS 21           /* as rj-application.c */
#define DEMO_SEED 20261123

static void
scroll_to (GtkWidget *page,
           GtkWidget *target)
{
  GtkScrolledWindow *scrolled = rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE,
                                                           "scrolled_window");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double x, y;

  if (gtk_widget_translate_coordinates (target, GTK_WIDGET (scrolled), 0, 0, &x, &y))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 80);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *what = argc > 1 ? argv[1] : "lapse";
  const char *seconds = g_getenv ("RJ_SHOOT_SECONDS");
  RjContext *context;
  RjStore *store;
  RjWindow *window;
  RjCheckinPage *page;
  GDate today, day;
  guint n_days;

  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  rj_get_today (&today);
  context = rj_ui_test_context_new ("rj-shoot-loop-review-XXXXXX", &dir, &path);
  store = rj_ui_test_create_journal (context, PASSPHRASE, NULL);
  n_days = g_getenv ("RJ_SHOOT_DAYS") != NULL ? (guint) atoi (g_getenv ("RJ_SHOOT_DAYS"))
                                             : DEMO_DAYS;
  g_assert_true (rj_demo_fill (store, &today, n_days, DEMO_SEED, &error));
  g_assert_no_error (error);

  window = RJ_WINDOW (rj_window_new (NULL, context));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 860);
  gtk_window_present (GTK_WINDOW (window));
  rj_ui_test_settle (200 * 1000);
  page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));

  if (g_str_has_prefix (what, "lapse"))
    {
      /* The latest day with use. */
      day = today;
      for (guint back = 0; back < n_days; back++)
        {
          g_autoptr(RjEntry) entry = rj_store_dup_entry (store, &day);

          if (entry != NULL && rj_entry_records_use (entry))
            break;
          g_date_subtract_days (&day, 1);
        }
      rj_checkin_page_set_date (page, &day);
      rj_ui_test_settle (200 * 1000);
      scroll_to (GTK_WIDGET (page), rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE,
                                                               "use_row"));
      if (g_strcmp0 (what, "lapse") == 0)
        rj_checkin_page_open_lapse_review (page);
    }
  else
    {
      rj_ui_test_settle (200 * 1000);
      scroll_to (GTK_WIDGET (page), rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE,
                                                               "weekly_check_row"));
      if (g_strcmp0 (what, "weekly") == 0)
        {
          static const int answers[RJ_WEEKLY_N_QUESTIONS] = { 3, 4, 2, 2, 3 };
          GtkWindow *dialog;

          rj_checkin_page_open_weekly_check (page);
          dialog = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_WEEKLY_CHECK_DIALOG);
          g_assert_nonnull (dialog);
          /* RJ_SHOOT_ANSWERED=1: as the client leaves it, every question answered. */
          if (g_getenv ("RJ_SHOOT_ANSWERED") != NULL)
            for (guint q = 0; q < RJ_WEEKLY_N_QUESTIONS; q++)
              rj_weekly_check_dialog_set_answer (RJ_WEEKLY_CHECK_DIALOG (dialog), q, answers[q]);
        }
    }

  rj_ui_test_settle (300 * 1000);
  printf ("READY\n");
  fflush (stdout);
  rj_ui_test_spin ((seconds != NULL ? atoi (seconds) : 10) * G_USEC_PER_SEC);

  gtk_window_destroy (GTK_WINDOW (window));
  rj_ui_test_settle (100 * 1000);
  g_object_unref (context);
  rj_test_remove_tree (dir);
  return EXIT_SUCCESS;
}
