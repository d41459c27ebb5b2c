/* test-weekly-check.c: the weekly craving check, from the check-in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-checkin-page.h"
#include "rj-summary.h"
#include "rj-ui-test-util.h"
#include "rj-weekly-check-dialog.h"
#include "rj-window.h"

#define PASSPHRASE "the kettle is on"

static gpointer
page_child (gpointer    page,
            const char *name)
{
  return rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE, name);
}

static GDate
days_ago (RjUiTestJournal *journal,
          guint            n)
{
  GDate date = journal->today;

  g_date_subtract_days (&date, n);
  return date;
}

static RjWeeklyCheckDialog *
open_check (RjWindow      *window,
            RjCheckinPage *page)
{
  return RJ_WEEKLY_CHECK_DIALOG (rj_ui_test_open_dialog (window, page, "checkin.weekly-check",
                                                         RJ_TYPE_WEEKLY_CHECK_DIALOG));
}

static void
close_check (RjWindow            *window,
             RjWeeklyCheckDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "weekly.close", NULL));
  rj_ui_test_settle (20 * 1000);
  g_assert_null (rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_WEEKLY_CHECK_DIALOG));
}

/* Every label of @widget and its children, one a line. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

/* Started from today's check-in, answered, stored on today; the row then says when
 * and how much; a day within the week opens the same check on its own day; a day a
 * week later starts a new one. */
static void
test_weekly_check_from_checkin (RjUiTestJournal *journal,
                                gconstpointer    data)
{
  RjWindow *window = rj_ui_test_journal_open_window (journal, PASSPHRASE);
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  AdwActionRow *row = page_child (page, "weekly_check_row");
  GtkButton *button = page_child (page, "weekly_check_button");
  RjWeeklyCheckDialog *dialog;
  g_autoptr(RjEntry) stored = NULL;
  g_autoptr(RjEntry) stored2 = NULL;
  g_autoptr(RjEntry) four_days_ago = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(RjSummary) summary = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GDate day;

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Weekly craving check");
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Start");

  /* Nothing is stored for a check opened and closed without an answer. */
  dialog = open_check (window, page);
  g_assert_null (rj_weekly_check_dialog_get_total_text (dialog));
  close_check (window, dialog);
  rj_ui_test_settle (600 * 1000);
  g_assert_null (rj_store_dup_entry (journal->store, &journal->today));
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Start");

  dialog = open_check (window, page);
  /* Plain words: a self-check, no cut-off anywhere. */
  collect_labels (GTK_WIDGET (dialog), labels);
  g_assert_nonnull (strstr (labels->str, "This is a self-check, not a diagnosis."));
  g_assert_null (strstr (labels->str, "cut-off"));
  g_assert_null (strstr (labels->str, "severe"));

  rj_weekly_check_dialog_set_answer (dialog, RJ_WEEKLY_HOW_OFTEN, 3);
  rj_weekly_check_dialog_set_answer (dialog, RJ_WEEKLY_HOW_STRONG, 4);
  g_assert_cmpstr (rj_weekly_check_dialog_get_total_text (dialog), ==,
                   "7 of 30 (2 of 5 answered)");
  rj_weekly_check_dialog_set_answer (dialog, RJ_WEEKLY_HOW_LONG, 2);
  rj_weekly_check_dialog_set_answer (dialog, RJ_WEEKLY_HOW_HARD, 2);
  rj_weekly_check_dialog_set_answer (dialog, RJ_WEEKLY_OVERALL, 3);
  g_assert_cmpstr (rj_weekly_check_dialog_get_total_text (dialog), ==, "14 of 30");
  g_assert_cmpstr (gtk_label_get_label (rj_ui_test_template_child (dialog,
                                                                   RJ_TYPE_WEEKLY_CHECK_DIALOG,
                                                                   "total_label")),
                   ==, "14 of 30");

  /* Stored at once, on the day it was done. */
  RJ_UI_TEST_WAIT_FOR (g_strcmp0 (rj_checkin_page_get_status (page), "Saved") == 0);
  stored = rj_store_dup_entry (journal->store, &journal->today);
  g_assert_nonnull (stored);
  g_assert_cmpint (stored->weekly.answers[RJ_WEEKLY_HOW_OFTEN], ==, 3);
  g_assert_cmpint (stored->weekly.answers[RJ_WEEKLY_HOW_STRONG], ==, 4);
  g_assert_cmpint (stored->weekly.answers[RJ_WEEKLY_OVERALL], ==, 3);
  g_assert_cmpint (rj_weekly_check_total (&stored->weekly, NULL), ==, 14);
  close_check (window, dialog);

  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Done today: 14 of 30");
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Open");

  /* The page for group has it. */
  profile = rj_store_dup_profile (journal->store);
  summary = rj_summary_compute (journal->store, profile, &journal->today, &journal->today);
  g_assert_cmpint (summary->weekly_latest.total, ==, 14);

  /* Four days later (here: the check moved to four days ago), the row names the day
   * and opens the check there. */
  g_assert_true (rj_checkin_page_flush (page, &error));
  g_assert_no_error (error);
  day = days_ago (journal, 4);
  {
    g_autoptr(RjEntry) moved = rj_entry_new (&day);

    moved->weekly = stored->weekly;
    g_assert_true (rj_store_save_entry (journal->store, moved, &error));
    g_assert_no_error (error);
    stored->weekly = (RjWeeklyCheck) { { RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED,
                                         RJ_NOT_LOGGED, RJ_NOT_LOGGED } };
    g_assert_true (rj_store_save_entry (journal->store, stored, &error));
    g_assert_no_error (error);
  }
  /* Another day and back: the page reads the week again. */
  rj_checkin_page_set_date (page, &day);
  rj_checkin_page_show_today (page);
  {
    g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&day),
                                                       g_date_get_month (&day),
                                                       g_date_get_day (&day), 12, 0, 0);
    g_autofree char *weekday = g_date_time_format (time, "%A");
    g_autofree char *expected = g_strdup_printf ("Done on %s: 14 of 30", weekday);

    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, expected);
  }

  dialog = open_check (window, page);
  g_assert_cmpint (g_date_compare (rj_weekly_check_dialog_get_date (dialog), &day), ==, 0);
  g_assert_cmpstr (rj_weekly_check_dialog_get_total_text (dialog), ==, "14 of 30");
  rj_weekly_check_dialog_set_answer (dialog, RJ_WEEKLY_HOW_HARD, 4);
  close_check (window, dialog);
  g_assert_true (rj_checkin_page_flush (page, &error));
  g_assert_no_error (error);

  /* The change went to the day it was done, not to today. */
  four_days_ago = rj_store_dup_entry (journal->store, &day);
  g_assert_cmpint (rj_weekly_check_total (&four_days_ago->weekly, NULL), ==, 16);
  stored2 = rj_store_dup_entry (journal->store, &journal->today);
  g_assert_true (stored2 == NULL || rj_weekly_check_is_empty (&stored2->weekly));

  /* Seen from eight days after it, the week has no check: a new one can start. */
  {
    GDate six_days_after = days_ago (journal, 2);

    /* Today is four days after the check: move it eight days back instead of waiting. */
    four_days_ago->weekly = (RjWeeklyCheck) { { RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED,
                                                RJ_NOT_LOGGED, RJ_NOT_LOGGED } };
    g_assert_true (rj_store_save_entry (journal->store, four_days_ago, &error));
    g_assert_no_error (error);
    day = days_ago (journal, 8);
    {
      g_autoptr(RjEntry) old = rj_entry_new (&day);

      old->weekly.answers[RJ_WEEKLY_OVERALL] = 2;
      g_assert_true (rj_store_save_entry (journal->store, old, &error));
      g_assert_no_error (error);
    }
    rj_checkin_page_set_date (page, &six_days_after);
    /* Six days after it is still within its week. */
    g_assert_cmpstr (gtk_button_get_label (button), ==, "_Open");
    rj_checkin_page_show_today (page);
  }
  g_assert_cmpstr (gtk_button_get_label (button), ==, "_Start");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Optional: five questions about the past week");
  dialog = open_check (window, page);
  g_assert_cmpint (g_date_compare (rj_weekly_check_dialog_get_date (dialog), &journal->today),
                   ==, 0);
  g_assert_null (rj_weekly_check_dialog_get_total_text (dialog));
  close_check (window, dialog);

  rj_ui_test_close_window (window, 0);
}

/* The dialog on its own: the answers it is given, the words of each answer. */
static void
test_dialog_answers (void)
{
  GDate date;
  RjWeeklyCheck check = { { 0, 6, RJ_NOT_LOGGED, 1, 2 } };
  RjWeeklyCheck back;
  RjWeeklyCheckDialog *dialog;
  g_autofree char *none = NULL;
  AdwComboRow *first_row = NULL;
  GtkWidget *group;
  GtkStringObject *item;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 9, G_DATE_MARCH, 2026);
  dialog = g_object_ref_sink (rj_weekly_check_dialog_new (&date, &check));
  rj_weekly_check_dialog_get_check (dialog, &back);
  g_assert_cmpmem (back.answers, sizeof back.answers, check.answers, sizeof check.answers);
  g_assert_cmpstr (rj_weekly_check_dialog_get_total_text (dialog), ==,
                   "9 of 30 (4 of 5 answered)");

  /* Each answer is spelled out with its number. */
  group = rj_ui_test_template_child (dialog, RJ_TYPE_WEEKLY_CHECK_DIALOG, "questions_group");
  {
    /* The rows sit inside the group's own boxes: search its whole tree. */
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, group);
    while (stack->len > 0 && first_row == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (ADW_IS_COMBO_ROW (w))
          first_row = ADW_COMBO_ROW (w);
        for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL;
             c = gtk_widget_get_prev_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }
  g_assert_nonnull (first_row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (first_row)), ==, 8);
  item = g_list_model_get_item (adw_combo_row_get_model (first_row), 0);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Not answered");
  g_object_unref (item);
  item = g_list_model_get_item (adw_combo_row_get_model (first_row), 7);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, "6 · Nearly all the time");
  g_object_unref (item);

  rj_weekly_check_dialog_set_answer (dialog, RJ_WEEKLY_HOW_LONG, 0);
  g_assert_cmpstr (rj_weekly_check_dialog_get_total_text (dialog), ==, "9 of 30");
  for (guint q = 0; q < RJ_WEEKLY_N_QUESTIONS; q++)
    rj_weekly_check_dialog_set_answer (dialog, q, RJ_NOT_LOGGED);
  g_assert_null (rj_weekly_check_dialog_get_total_text (dialog));
  rj_weekly_check_dialog_get_check (dialog, &back);
  g_assert_true (rj_weekly_check_is_empty (&back));

  none = rj_weekly_check_dup_total_text (&back);
  g_assert_null (none);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
journal_set_up (RjUiTestJournal *journal,
                gconstpointer    data)
{
  rj_ui_test_journal_set_up (journal, "rj-test-weekly-check-XXXXXX", PASSPHRASE);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add_func ("/ui/weekly-check/dialog-answers", test_dialog_answers);
  g_test_add ("/ui/weekly-check/from-checkin", RjUiTestJournal, NULL,
              journal_set_up, test_weekly_check_from_checkin, rj_ui_test_journal_tear_down);

  return g_test_run ();
}
