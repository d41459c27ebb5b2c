/* test-trends-window.c: the trends window: periods, skill lines, empty state, printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "rj-context.h"
#include "rj-day-header.h"
#include "rj-trends-window.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "a calm evening by the lake"

typedef RjUiTestJournal Fixture;

static void
save_entry (Fixture *fixture,
            RjEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  rj_ui_test_journal_set_up (fixture, "rj-test-trends-XXXXXX", PASSPHRASE);
}

/* Eleven days of the last two weeks with a craving each, where calling Ana helped nine
 * times and did not help twice; the craving's words and the day's notes are private. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  RjListItem *skill, *trigger;

  fixture_set_up_empty (fixture, data);

  profile = rj_store_dup_profile (fixture->store);
  skill = rj_profile_add_item (profile, RJ_LIST_SKILLS, "Calling Ana");
  trigger = rj_profile_add_item (profile, RJ_LIST_TRIGGERS, "Payday");
  g_assert_true (rj_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  for (int i = 0; i < 11; i++)
    {
      GDate date = fixture->today;
      g_autoptr(RjEntry) entry = NULL;
      RjCraving *craving;

      g_date_subtract_days (&date, i);
      entry = rj_entry_new (&date);
      entry->mood = 5 + i % 3;
      entry->distress = 3;
      craving = rj_ui_test_craving_new (14 * 60, 4 + i % 5, 20, trigger->id,
                                        "PRIVATE-CANARY words", RJ_OUTCOME_RODE_IT_OUT);
      craving->trigger_words.is_private = TRUE;
      rj_craving_add_skill (craving, skill->id, i < 9 ? RJ_HELPED_YES : RJ_HELPED_NO);
      g_ptr_array_add (entry->cravings, craving);
      rj_note_set (&entry->notes, "PRIVATE-CANARY note", TRUE);
      save_entry (fixture, entry);
    }
}

/* The PDF at @path has one page, holds @expected and never the canary. */
static void
assert_one_page_pdf (const char *path,
                     const char *expected)
{
  g_autofree char *text = rj_ui_test_dup_pdf_text (path);

  rj_ui_test_assert_pdf_one_page (path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, expected));
      g_assert_null (strstr (text, "PRIVATE-CANARY"));
    }
}

/* Whether a label under @widget that is on screen reads @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static GtkExpander *
find_expander (GtkWidget *widget)
{
  if (GTK_IS_EXPANDER (widget))
    return GTK_EXPANDER (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkExpander *found = find_expander (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
visible_page (RjTrendsWindow *window)
{
  GtkStack *stack = rj_ui_test_template_child (window, RJ_TYPE_TRENDS_WINDOW, "stack");

  return gtk_stack_get_visible_child_name (stack);
}

static RjTrendsWindow *
new_window (Fixture *fixture)
{
  RjTrendsWindow *window;

  window = g_object_ref (RJ_TRENDS_WINDOW (rj_trends_window_new (NULL, fixture->context)));
  gtk_window_present (GTK_WINDOW (window));
  rj_ui_test_settle (50 * 1000);
  return window;
}

static void
test_instantiate (Fixture       *fixture,
                  gconstpointer  data)
{
  RjTrendsWindow *window = new_window (fixture);
  const RjTrends *trends = rj_trends_window_get_trends (window);

  g_assert_true (rj_trends_window_get_context (window) == fixture->context);
  g_assert_cmpint (rj_trends_window_get_period (window), ==, RJ_TRENDS_PERIOD_30_DAYS);
  g_assert_nonnull (trends);
  g_assert_cmpint (g_date_compare (&trends->last, &fixture->today), ==, 0);
  g_assert_cmpuint (trends->n_days_logged, ==, 11);
  g_assert_cmpuint (trends->n_cravings, ==, 11);
  g_assert_cmpstr (visible_page (window), ==, "trends");
  g_assert_true (has_label (GTK_WIDGET (window), "11 cravings logged in these 30 days. "
                                                  "The strongest was 8 of 10. "
                                                  "The last 7 days: 7 cravings."));

  rj_ui_test_close_window (window, 0);
}

/* Each period button computes its period, ending today, in 7-day weeks. */
static void
test_periods (Fixture       *fixture,
              gconstpointer  data)
{
  RjTrendsWindow *window = new_window (fixture);
  const struct {
    const char *name;
    RjTrendsPeriod period;
    guint n_days;
    guint n_weeks;
  } periods[] = {
    { "90-days", RJ_TRENDS_PERIOD_90_DAYS, 90, 13 },
    { "year", RJ_TRENDS_PERIOD_365_DAYS, 365, 53 },
    { "all", RJ_TRENDS_PERIOD_ALL, 11, 2 },
    { "30-days", RJ_TRENDS_PERIOD_30_DAYS, 30, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      const RjTrends *trends;
      const RjTrendsWeek *last_week;

      g_test_message ("period %s", periods[i].name);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "trends.period", "s",
                                                 periods[i].name));
      g_assert_cmpint (rj_trends_window_get_period (window), ==, periods[i].period);
      trends = rj_trends_window_get_trends (window);
      g_assert_nonnull (trends);
      g_assert_cmpint (trends->period, ==, periods[i].period);
      g_assert_cmpuint (trends->n_days, ==, periods[i].n_days);
      g_assert_cmpuint (trends->weeks->len, ==, periods[i].n_weeks);
      g_assert_cmpint (g_date_compare (&trends->last, &fixture->today), ==, 0);
      g_assert_cmpuint (trends->n_cravings, ==, 11);

      /* The last week is the last 7 days: a craving on each. */
      last_week = &g_array_index (trends->weeks, RjTrendsWeek, trends->weeks->len - 1);
      g_assert_cmpuint (last_week->n_days, ==, 7);
      g_assert_cmpint (last_week->n_cravings, ==, 7);
    }

  rj_ui_test_close_window (window, 0);
}

/* The skills card says in words what helped, as labels a person can read. */
static void
test_skill_lines (Fixture       *fixture,
                  gconstpointer  data)
{
  RjTrendsWindow *window = new_window (fixture);
  GtkExpander *expander = find_expander (GTK_WIDGET (window));

  g_assert_true (has_label (GTK_WIDGET (window), "Most often: Payday (11)."));
  g_assert_true (has_label (GTK_WIDGET (window), "1 coping skill used in these 30 days."));

  /* The lines are one click away, under the chart that shows them too. */
  g_assert_nonnull (expander);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (expander)));
  g_assert_cmpstr (gtk_expander_get_label (expander), ==, "1 coping skill in words");
  g_assert_false (has_label (GTK_WIDGET (window), "Calling Ana helped 9 of 11 times"));
  gtk_expander_set_expanded (expander, TRUE);
  rj_ui_test_settle (50 * 1000);
  g_assert_true (has_label (GTK_WIDGET (window), "Calling Ana helped 9 of 11 times"));

  rj_ui_test_close_window (window, 0);
}

/* A journal with nothing in it shows a calm empty state, and nothing to print. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  RjTrendsWindow *window = new_window (fixture);
  GtkWidget *print_button = rj_ui_test_template_child (window, RJ_TYPE_TRENDS_WINDOW,
                                                       "print_button");
  AdwStatusPage *empty_page = rj_ui_test_template_child (window, RJ_TYPE_TRENDS_WINDOW,
                                                         "empty_page");

  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (empty_page), ==,
                   "Trends appear after a few days of check-ins");
  g_assert_false (gtk_widget_is_sensitive (print_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "trends.period", "s", "all"));
  g_assert_cmpstr (visible_page (window), ==, "empty");

  rj_ui_test_close_window (window, 0);
}

/* One day logged: the charts show, with a word that they fill in over time. */
static void
test_sparse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RjEntry) entry = rj_entry_new (&fixture->today);
  RjTrendsWindow *window;
  GtkWidget *sparse_label;

  entry->mood = 7;
  save_entry (fixture, entry);
  window = new_window (fixture);
  sparse_label = rj_ui_test_template_child (window, RJ_TYPE_TRENDS_WINDOW, "sparse_label");

  g_assert_cmpstr (visible_page (window), ==, "trends");
  g_assert_true (gtk_widget_get_visible (sparse_label));
  g_assert_true (has_label (GTK_WIDGET (window), "1 of 30 days logged."));

  rj_ui_test_close_window (window, 0);
}

/* The Print button's operation, exported: one page with the skill line, never the
 * private words. */
static void
test_print_export (Fixture       *fixture,
                   gconstpointer  data)
{
  RjTrendsWindow *window = new_window (fixture);
  g_autofree char *pdf = g_build_filename (fixture->dir, "progress.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_trends_window_export_print (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  assert_one_page_pdf (pdf, "Calling Ana helped 9 of 11 times");

  rj_ui_test_close_window (window, 0);
}

/* Save as PDF writes a file only its owner can read. */
static void
test_save_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  RjTrendsWindow *window = new_window (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "saved.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "trends.period", "s", "year"));
  rj_trends_window_save_pdf_async (window, file, NULL, rj_ui_test_keep_result_cb, &result);
  RJ_UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (rj_trends_window_save_pdf_finish (window, result, &error));
  g_assert_no_error (error);
  /* The result holds the window. */
  g_clear_object (&result);

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  assert_one_page_pdf (path, "Calling Ana helped 9 of 11 times");

  rj_ui_test_close_window (window, 0);
}

/* Locking the journal takes the trends off the screen. */
static void
test_lock_closes (Fixture       *fixture,
                  gconstpointer  data)
{
  RjTrendsWindow *window = new_window (fixture);

  rj_ui_test_lock_closes (window, fixture->store);
  g_assert_null (rj_trends_window_get_trends (window));
  g_assert_finalize_object (window);
}

/* The journal window opens the trends with win.trends, once; locking closes them. */
static void
test_window_action (Fixture       *fixture,
                    gconstpointer  data)
{
  rj_ui_test_assert_opens_once (fixture->context, "win.trends", RJ_TYPE_TRENDS_WINDOW);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/trends-window/instantiate", Fixture, NULL,
              fixture_set_up, test_instantiate, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/trends-window/periods", Fixture, NULL,
              fixture_set_up, test_periods, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/trends-window/skill-lines", Fixture, NULL,
              fixture_set_up, test_skill_lines, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/trends-window/empty", Fixture, NULL,
              fixture_set_up_empty, test_empty, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/trends-window/sparse", Fixture, NULL,
              fixture_set_up_empty, test_sparse, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/trends-window/print-export", Fixture, NULL,
              fixture_set_up, test_print_export, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/trends-window/save-pdf", Fixture, NULL,
              fixture_set_up, test_save_pdf, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/trends-window/lock-closes", Fixture, NULL,
              fixture_set_up, test_lock_closes, rj_ui_test_journal_tear_down);
  g_test_add ("/ui/trends-window/window-action", Fixture, NULL,
              fixture_set_up, test_window_action, rj_ui_test_journal_tear_down);

  return g_test_run ();
}
