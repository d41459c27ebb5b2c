/* test-lapse-review.c: the guided look back at a day with use, from the check-in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-checkin-page.h"
#include "rj-halt-box.h"
#include "rj-lapse-review-dialog.h"
#include "rj-number-row.h"
#include "rj-private-button.h"
#include "rj-scale-row.h"
#include "rj-summary.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "a quiet walk by the river"

static gpointer
page_child (gpointer    page,
            const char *name)
{
  return rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE, name);
}

static gpointer
dialog_child (gpointer    dialog,
              const char *name)
{
  return rj_ui_test_template_child (dialog, RJ_TYPE_LAPSE_REVIEW_DIALOG, name);
}

static const char *
row_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (gpointer    row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static RjSummaryLapse *
summary_lapse_of_today (RjUiTestJournal *journal,
                        RjSummary      **summary_out)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (journal->store);
  RjSummary *summary = rj_summary_compute (journal->store, profile, &journal->today,
                                           &journal->today);

  g_assert_cmpuint (summary->lapses->len, ==, 1);
  *summary_out = summary;
  return g_ptr_array_index (summary->lapses, 0);
}

static RjLapseReviewDialog *
open_review (RjWindow      *window,
             RjCheckinPage *page)
{
  GtkWindow *dialog = rj_ui_test_open_dialog (window, page, "checkin.review-lapse",
                                               RJ_TYPE_LAPSE_REVIEW_DIALOG);

  g_assert_true (gtk_window_get_modal (dialog));
  return RJ_LAPSE_REVIEW_DIALOG (dialog);
}

/* The review is written in the dialog, stored at once, shares "what happened" and "next
 * time" with the Use block, and reaches the session summary unless kept private. */
static void
test_review_stored_and_shared (RjUiTestJournal *journal,
                               gconstpointer    data)
{
  RjWindow *window = rj_ui_test_journal_open_window (journal, PASSPHRASE);
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  AdwActionRow *review_row = page_child (page, "lapse_review_row");
  RjLapseReviewDialog *dialog;
  RjHalt halt = { RJ_HALT_ALL, RJ_HALT_TIRED | RJ_HALT_LONELY };
  g_autoptr(RjEntry) stored = NULL;
  g_autoptr(RjSummary) summary = NULL;
  g_autoptr(RjSummary) summary2 = NULL;
  g_autoptr(GError) error = NULL;
  RjSummaryLapse *lapse;

  /* A day without use has nothing to look back at. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (review_row)));

  rj_number_row_set_value (page_child (page, "sleep_row"), 4.5);
  rj_halt_box_set_halt (page_child (page, "halt_box"), &halt);
  adw_expander_row_set_enable_expansion (page_child (page, "use_row"), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (review_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (review_row), ==,
                   "A few calm questions about what led up to it");
  set_row_text (page_child (page, "what_happened_row"), "Stopped at the old bar after work");

  /* The dialog shows the day's own sleep and HALT, and the Use block's words. */
  dialog = open_review (window, page);
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "sleep_row")), ==,
                   "4.5 hours");
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "halt_row")), ==,
                   "Lonely, tired");
  g_assert_cmpstr (row_text (dialog_child (dialog, "what_happened_row")), ==,
                   "Stopped at the old bar after work");
  g_assert_cmpint (rj_scale_row_get_value (dialog_child (dialog, "stress_row")), ==,
                   RJ_NOT_LOGGED);

  g_object_set (dialog_child (dialog, "stress_row"), "value", 8, NULL);
  set_row_text (dialog_child (dialog, "vulnerable_row"), "Skipped lunch, argued with my boss");
  set_row_text (dialog_child (dialog, "set_off_row"), "A text from an old friend");
  set_row_text (dialog_child (dialog, "thoughts_row"), "THOUGHTS-CANARY I deserve one");
  gtk_toggle_button_set_active (dialog_child (dialog, "thoughts_private_button"), TRUE);
  set_row_text (dialog_child (dialog, "what_happened_row"),
                "Stopped at the old bar after work, had two");
  set_row_text (dialog_child (dialog, "next_time_row"), "Call Ana before I leave work");

  /* The Use block follows at once: one set of words, two places. */
  g_assert_cmpstr (row_text (page_child (page, "what_happened_row")), ==,
                   "Stopped at the old bar after work, had two");
  g_assert_cmpstr (row_text (page_child (page, "next_time_row")), ==,
                   "Call Ana before I leave work");
  g_assert_cmpstr (adw_action_row_get_subtitle (review_row), ==,
                   "Written. Open it to read it again or add to it.");

  /* Stored without a Save button. */
  RJ_UI_TEST_WAIT_FOR (g_strcmp0 (rj_checkin_page_get_status (page), "Saved") == 0);
  stored = rj_store_dup_entry (journal->store, &journal->today);
  g_assert_nonnull (stored);
  g_assert_cmpint (stored->use.used, ==, RJ_ANSWER_YES);
  g_assert_cmpint (stored->review.stress, ==, 8);
  g_assert_cmpstr (stored->review.vulnerable.text, ==, "Skipped lunch, argued with my boss");
  g_assert_false (stored->review.vulnerable.is_private);
  g_assert_cmpstr (stored->review.set_off.text, ==, "A text from an old friend");
  g_assert_cmpstr (stored->review.thoughts.text, ==, "THOUGHTS-CANARY I deserve one");
  g_assert_true (stored->review.thoughts.is_private);
  g_assert_cmpstr (stored->use.what_happened.text, ==,
                   "Stopped at the old bar after work, had two");
  g_assert_cmpstr (stored->use.next_time.text, ==, "Call Ana before I leave work");
  g_assert_cmpint (stored->sleep_minutes, ==, 270);

  /* The page for group: what is not private is there, the private thought is not. */
  lapse = summary_lapse_of_today (journal, &summary);
  g_assert_cmpint (lapse->stress, ==, 8);
  g_assert_cmpstr (lapse->set_off, ==, "A text from an old friend");
  g_assert_cmpstr (lapse->vulnerable, ==, "Skipped lunch, argued with my boss");
  g_assert_null (lapse->thoughts);
  g_assert_cmpstr (lapse->next_time, ==, "Call Ana before I leave work");
  g_assert_cmpuint (summary->n_private_left_out, ==, 1);

  /* Escape closes it; the words stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.close", NULL));
  rj_ui_test_settle (20 * 1000);
  g_assert_null (rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_LAPSE_REVIEW_DIALOG));

  /* Opened again, it shows what was written; "what set it off" is now kept private
   * too, and "next time" changed in the Use block shows in the review. */
  set_row_text (page_child (page, "next_time_row"), "Call Ana, then walk home");
  dialog = open_review (window, page);
  g_assert_cmpint (rj_scale_row_get_value (dialog_child (dialog, "stress_row")), ==, 8);
  g_assert_cmpstr (row_text (dialog_child (dialog, "set_off_row")), ==,
                   "A text from an old friend");
  g_assert_true (gtk_toggle_button_get_active (dialog_child (dialog,
                                                             "thoughts_private_button")));
  g_assert_cmpstr (row_text (dialog_child (dialog, "next_time_row")), ==,
                   "Call Ana, then walk home");
  gtk_toggle_button_set_active (dialog_child (dialog, "set_off_private_button"), TRUE);
  g_assert_true (rj_checkin_page_flush (page, &error));
  g_assert_no_error (error);

  lapse = summary_lapse_of_today (journal, &summary2);
  g_assert_null (lapse->set_off);
  g_assert_null (lapse->thoughts);
  g_assert_cmpstr (lapse->next_time, ==, "Call Ana, then walk home");
  g_assert_cmpuint (summary2->n_private_left_out, ==, 2);

  /* Locking takes the dialog away with everything else read from the journal. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  rj_ui_test_settle (50 * 1000);
  g_assert_null (rj_ui_test_find_toplevel (RJ_TYPE_LAPSE_REVIEW_DIALOG));

  rj_ui_test_close_window (window, 0);
}

/* The dialog on its own: made from an entry, it gives back the same entry. */
static void
test_dialog_round_trip (void)
{
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) back = NULL;
  RjLapseReviewDialog *dialog;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 12, G_DATE_MARCH, 2026);
  entry = rj_entry_new (&date);
  entry->use.used = RJ_ANSWER_YES;
  entry->review.stress = 3;
  rj_note_set (&entry->review.vulnerable, "Tired after a double shift", FALSE);
  rj_note_set (&entry->review.set_off, "Payday", TRUE);
  rj_note_set (&entry->use.next_time, "Leave the card at home", FALSE);

  dialog = g_object_ref_sink (rj_lapse_review_dialog_new (entry));
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "sleep_row")), ==,
                   "Not logged");
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog_child (dialog, "halt_row")), ==,
                   "Not logged");
  back = rj_entry_copy (entry);
  rj_lapse_review_dialog_apply (dialog, back);
  g_assert_true (rj_entry_equal (entry, back));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
journal_set_up (RjUiTestJournal *journal,
                gconstpointer    data)
{
  rj_ui_test_journal_set_up (journal, "rj-test-lapse-review-XXXXXX", PASSPHRASE);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add_func ("/ui/lapse-review/dialog-round-trip", test_dialog_round_trip);
  g_test_add ("/ui/lapse-review/stored-and-shared", RjUiTestJournal, NULL,
              journal_set_up, test_review_stored_and_shared, rj_ui_test_journal_tear_down);

  return g_test_run ();
}
