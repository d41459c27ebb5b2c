/* test-summary-window.c: the session summary window: preview, print, CSV, locking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-context.h"
#include "rj-day-header.h"
#include "rj-summary-window.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "a calm evening by the lake"

typedef RjUiTestJournal Fixture;

/* An open journal with today's craving: its words on the page, its note kept off. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  RjCraving *craving;

  rj_ui_test_journal_set_up (fixture, "rj-test-summary-XXXXXX", PASSPHRASE);

  entry = rj_entry_new (&fixture->today);
  entry->mood = 6;
  craving = rj_ui_test_craving_new (14 * 60, 7, 20, NULL, "printable words",
                                    RJ_OUTCOME_RODE_IT_OUT);
  g_ptr_array_add (entry->cravings, craving);
  rj_note_set (&entry->notes, "PRIVATE-CANARY", TRUE);
  rj_entry_add_topic (entry, "PRIVATE-CANARY topic", TRUE);
  g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
}

static RjSummaryWindow *
new_window (Fixture *fixture)
{
  RjSummaryWindow *window;

  window = g_object_ref (RJ_SUMMARY_WINDOW (rj_summary_window_new (NULL, fixture->context)));
  gtk_window_present (GTK_WINDOW (window));
  rj_ui_test_settle (50 * 1000);
  return window;
}

static void
test_instantiate (Fixture       *fixture,
                  gconstpointer  data)
{
  RjSummaryWindow *window = new_window (fixture);
  GDate first, last;

  g_assert_true (rj_summary_window_get_context (window) == fixture->context);
  rj_summary_window_get_period (window, &first, &last);
  g_assert_cmpint (g_date_compare (&last, &fixture->today), ==, 0);
  g_assert_cmpint (g_date_compare (&first, &last), <=, 0);

  rj_ui_test_close_window (window, 0);
}

/* The Print button's operation, exported: one page, the words, never the note. */
static void
test_print_export (Fixture       *fixture,
                   gconstpointer  data)
{
  RjSummaryWindow *window = new_window (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "summary.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_summary_window_export_print (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  rj_ui_test_assert_pdf_one_page (pdf);
  text = rj_ui_test_dup_pdf_text (pdf);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "printable words"));
      g_assert_null (strstr (text, "PRIVATE-CANARY"));
    }

  rj_ui_test_close_window (window, 0);
}

static void
test_save_csv_and_pdf (Fixture       *fixture,
                       gconstpointer  data)
{
  RjSummaryWindow *window = new_window (fixture);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "summary.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "saved.pdf", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;

  rj_summary_window_save_csv_async (window, csv, NULL, rj_ui_test_keep_result_cb, &result);
  RJ_UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (rj_summary_window_save_csv_finish (window, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "printable words"));
  g_assert_null (strstr (contents, "PRIVATE-CANARY"));

  rj_summary_window_save_pdf_async (window, pdf, NULL, rj_ui_test_keep_result_cb, &result);
  RJ_UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (rj_summary_window_save_pdf_finish (window, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  text = rj_ui_test_dup_pdf_text (pdf_path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "printable words"));
      g_assert_null (strstr (text, "PRIVATE-CANARY"));
    }

  rj_ui_test_close_window (window, 0);
}

/* A custom period never runs into the future. */
static void
test_period (Fixture       *fixture,
             gconstpointer  data)
{
  RjSummaryWindow *window = new_window (fixture);
  GDate first = fixture->today, last = fixture->today, got_first, got_last;

  g_date_subtract_days (&first, 3);
  g_date_add_days (&last, 5);
  rj_summary_window_set_period (window, &first, &last);
  rj_summary_window_get_period (window, &got_first, &got_last);
  g_assert_cmpint (g_date_compare (&got_first, &first), ==, 0);
  g_assert_cmpint (g_date_compare (&got_last, &fixture->today), ==, 0);

  rj_ui_test_close_window (window, 0);
}

/* Locking the journal takes the summary off the screen. */
static void
test_lock_closes (Fixture       *fixture,
                  gconstpointer  data)
{
  RjSummaryWindow *window = new_window (fixture);

  rj_ui_test_lock_closes (window, fixture->store);
  g_assert_finalize_object (window);
}

/* The journal window opens the summary with win.summary, once; locking closes it. */
static void
test_window_action (Fixture       *fixture,
                    gconstpointer  data)
{
  rj_ui_test_assert_opens_once (fixture->context, "win.summary", RJ_TYPE_SUMMARY_WINDOW);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/summary-window/instantiate", Fixture, NULL,
              fixture_set_up, test_instantiate, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/summary-window/print-export", Fixture, NULL,
              fixture_set_up, test_print_export, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/summary-window/save-csv-and-pdf", Fixture, NULL,
              fixture_set_up, test_save_csv_and_pdf, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/summary-window/period", Fixture, NULL,
              fixture_set_up, test_period, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/summary-window/lock-closes", Fixture, NULL,
              fixture_set_up, test_lock_closes, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/summary-window/window-action", Fixture, NULL,
              fixture_set_up, test_window_action, rj_ui_test_journal_tear_down);

  return g_test_run ();
}
