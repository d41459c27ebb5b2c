/* test-checkin-loop.c: what comes back from a session, on the check-in: what to keep,
 * skills to practise and homework on the session day; the open homework on the days
 * after, ticked off there and stored in the session day's entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-after-session-group.h"
#include "rj-checkin-page.h"
#include "rj-homework-group.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "a quiet walk after group"

typedef struct
{
  RjUiTestJournal journal;
  GtkWindow *window;
  RjCheckinPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rj_ui_test_journal_set_up (&fixture->journal, "rj-test-checkin-loop-XXXXXX", PASSPHRASE);

  fixture->page = g_object_ref (RJ_CHECKIN_PAGE (rj_checkin_page_new (fixture->journal.context)));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  rj_checkin_page_load_today (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_true (rj_checkin_page_flush (fixture->page, NULL));
  rj_ui_test_settle (100000);
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->page);
  rj_ui_test_journal_tear_down (&fixture->journal, data);
}

static GDate
days_ago (Fixture *fixture,
          guint    n)
{
  GDate date = fixture->journal.today;

  g_date_subtract_days (&date, n);
  return date;
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  return rj_ui_test_template_child (fixture->page, RJ_TYPE_CHECKIN_PAGE, name);
}

static RjAfterSessionGroup *
after_group (Fixture *fixture)
{
  return page_child (fixture, "after_session_group");
}

static RjHomeworkGroup *
homework_group (Fixture *fixture)
{
  return page_child (fixture, "homework_group");
}

static gboolean
is_saved (RjCheckinPage *page)
{
  return g_strcmp0 (rj_checkin_page_get_status (page), "Saved") == 0;
}

static void
wait_saved (Fixture *fixture)
{
  RJ_UI_TEST_WAIT_FOR (is_saved (fixture->page));
}

static void
show_day (Fixture     *fixture,
          const GDate *date)
{
  g_assert_true (rj_checkin_page_set_date (fixture->page, date));
  rj_ui_test_settle (20000);
}

static void
set_session (Fixture  *fixture,
             gboolean  attended)
{
  gtk_switch_set_active (page_child (fixture, "session_switch"), attended);
}

static char *
expected_set_on (Fixture     *fixture,
                 const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  if (g_date_get_year (date) == g_date_get_year (&fixture->journal.today))
    return g_date_time_format (time, "Set on %A %-d %B");
  return g_date_time_format (time, "Set on %A %-d %B %Y");
}

/* Types a task in the row to add one and presses Enter, or the Add button. */
static void
type_task (Fixture    *fixture,
           const char *task,
           gboolean    with_button)
{
  GtkWidget *add_row = rj_ui_test_template_child (after_group (fixture),
                                                  RJ_TYPE_AFTER_SESSION_GROUP, "add_row");

  gtk_editable_set_text (GTK_EDITABLE (add_row), task);
  if (with_button)
    g_signal_emit_by_name (rj_ui_test_template_child (after_group (fixture),
                                                      RJ_TYPE_AFTER_SESSION_GROUP, "add_button"),
                           "clicked");
  else
    g_signal_emit_by_name (add_row, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
}

static RjEntry *
stored_entry (Fixture     *fixture,
              const GDate *date)
{
  RjEntry *entry = rj_store_dup_entry (fixture->journal.store, date);

  g_assert_nonnull (entry);
  return entry;
}

static const RjHomework *
stored_task (const RjEntry *entry,
             guint          index)
{
  g_assert_cmpuint (index, <, entry->after_session.homework->len);
  return g_ptr_array_index (entry->after_session.homework, index);
}

/* Fills in the session day two days ago, as the client would. */
static void
fill_session_day (Fixture     *fixture,
                  const GDate *session_day)
{
  GtkEditable *keep_row = rj_ui_test_template_child (after_group (fixture),
                                                     RJ_TYPE_AFTER_SESSION_GROUP, "keep_row");

  show_day (fixture, session_day);

  /* Off, the block is not there; on, it is. */
  set_session (fixture, FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (after_group (fixture))));
  set_session (fixture, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (after_group (fixture))));

  gtk_editable_set_text (keep_row, "Slow down when the evening gets long");
  g_assert_true (rj_after_session_group_set_practise (after_group (fixture), "urge-surfing", TRUE));
  g_assert_false (rj_after_session_group_set_practise (after_group (fixture), "no-such-skill", TRUE));

  type_task (fixture, "Urge surfing twice before Thursday", FALSE);
  type_task (fixture, "Call Sam after work", TRUE);
  type_task (fixture, "Write down three early warning signs", FALSE);
  /* Enter on a row of spaces adds nothing. */
  {
    GtkWidget *add_row = rj_ui_test_template_child (after_group (fixture),
                                                    RJ_TYPE_AFTER_SESSION_GROUP, "add_row");

    gtk_editable_set_text (GTK_EDITABLE (add_row), "   ");
    g_signal_emit_by_name (add_row, "entry-activated");
    g_assert_cmpuint (rj_after_session_group_get_n_homework (after_group (fixture)), ==, 3);
    gtk_editable_set_text (GTK_EDITABLE (add_row), "");
  }
  rj_after_session_group_set_homework_private (after_group (fixture), 2, TRUE);

  g_assert_cmpuint (rj_after_session_group_get_n_homework (after_group (fixture)), ==, 3);
  g_assert_cmpstr (rj_after_session_group_get_homework_text (after_group (fixture), 1), ==,
                   "Call Sam after work");
  wait_saved (fixture);
}

static void
test_instantiate (Fixture       *fixture,
                  gconstpointer  data)
{
  GType types[] = { RJ_TYPE_AFTER_SESSION_GROUP, RJ_TYPE_HOMEWORK_GROUP };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_nonnull (gtk_widget_get_first_child (widget));
      g_assert_finalize_object (widget);
    }

  /* A new journal has no homework: the group is not there. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (homework_group (fixture))));
  g_assert_cmpuint (rj_homework_group_get_n_tasks (homework_group (fixture)), ==, 0);
}

/* Set on the session day, seen and ticked off on the next day, stored on the session
 * day; gone from the day after once done. */
static void
test_homework_next_day (Fixture       *fixture,
                        gconstpointer  data)
{
  GDate session_day = days_ago (fixture, 2);
  GDate next_day = days_ago (fixture, 1);
  g_autoptr(RjEntry) stored = NULL;
  g_autofree char *set_on = expected_set_on (fixture, &session_day);
  RjHomeworkGroup *group = homework_group (fixture);

  fill_session_day (fixture, &session_day);

  stored = stored_entry (fixture, &session_day);
  g_assert_cmpint (stored->session_attended, ==, RJ_ANSWER_YES);
  g_assert_cmpstr (stored->after_session.keep.text, ==, "Slow down when the evening gets long");
  g_assert_cmpuint (stored->after_session.practise->len, ==, 1);
  g_assert_cmpstr (stored->after_session.practise->pdata[0], ==, "urge-surfing");
  g_assert_cmpuint (stored->after_session.homework->len, ==, 3);
  g_assert_cmpstr (stored_task (stored, 0)->task.text, ==, "Urge surfing twice before Thursday");
  g_assert_cmpint (stored_task (stored, 0)->state, ==, RJ_HOMEWORK_OPEN);
  g_assert_false (stored_task (stored, 0)->task.is_private);
  g_assert_true (stored_task (stored, 2)->task.is_private);
  g_clear_pointer (&stored, rj_entry_unref);

  /* The session day itself does not list its own tasks as homework from before. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (group)));

  /* The next day: the three tasks, with the day they were set. */
  show_day (fixture, &next_day);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (group)));
  g_assert_cmpuint (rj_homework_group_get_n_tasks (group), ==, 3);
  g_assert_cmpstr (rj_homework_group_get_task_text (group, 0), ==,
                   "Urge surfing twice before Thursday");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Homework From Your Last Session");
  g_assert_cmpstr (rj_homework_group_get_task_text (group, 2), ==,
                   "Write down three early warning signs");
  g_assert_cmpstr (rj_homework_group_get_set_on_text (group, 0), ==, set_on);
  g_assert_false (rj_homework_group_get_done (group, 0));

  rj_homework_group_set_done (group, 0, TRUE);
  rj_homework_group_set_how_it_went (group, 0, "Did it once on the bus; the wave passed");
  g_assert_false (is_saved (fixture->page));
  wait_saved (fixture);

  stored = stored_entry (fixture, &session_day);
  g_assert_cmpint (stored_task (stored, 0)->state, ==, RJ_HOMEWORK_DONE);
  g_assert_cmpstr (stored_task (stored, 0)->how_it_went.text, ==,
                   "Did it once on the bus; the wave passed");
  g_assert_cmpint (stored_task (stored, 1)->state, ==, RJ_HOMEWORK_OPEN);
  g_assert_cmpstr (stored->after_session.keep.text, ==, "Slow down when the evening gets long");
  g_clear_pointer (&stored, rj_entry_unref);
  /* Nothing went into the next day's own entry. */
  stored = rj_store_dup_entry (fixture->journal.store, &next_day);
  g_assert_true (stored == NULL || stored->after_session.homework->len == 0);
  g_clear_pointer (&stored, rj_entry_unref);

  /* Ticked by mistake: still there, shown as done, and it can be taken back. */
  g_assert_cmpuint (rj_homework_group_get_n_tasks (group), ==, 3);
  g_assert_true (rj_homework_group_get_done (group, 0));
  rj_homework_group_set_done (group, 1, TRUE);
  wait_saved (fixture);
  rj_homework_group_set_done (group, 1, FALSE);
  wait_saved (fixture);
  stored = stored_entry (fixture, &session_day);
  g_assert_cmpint (stored_task (stored, 1)->state, ==, RJ_HOMEWORK_OPEN);
  g_clear_pointer (&stored, rj_entry_unref);

  /* Today: only what is still open. */
  show_day (fixture, &fixture->journal.today);
  g_assert_cmpuint (rj_homework_group_get_n_tasks (group), ==, 2);
  g_assert_cmpstr (rj_homework_group_get_task_text (group, 0), ==, "Call Sam after work");

  /* Back on the next day, the same day: the task ticked there is still shown, done. */
  show_day (fixture, &next_day);
  g_assert_cmpuint (rj_homework_group_get_n_tasks (group), ==, 3);
  g_assert_true (rj_homework_group_get_done (group, 0));
  g_assert_cmpstr (rj_homework_group_get_how_it_went (group, 0), ==,
                   "Did it once on the bus; the wave passed");

  /* The session day shows its task as done; editing the day keeps how it went. */
  show_day (fixture, &session_day);
  g_assert_true (rj_after_session_group_get_homework_done (after_group (fixture), 0));
  g_assert_false (rj_after_session_group_get_homework_done (after_group (fixture), 1));
  rj_after_session_group_remove_homework (after_group (fixture), 2);
  wait_saved (fixture);
  stored = stored_entry (fixture, &session_day);
  g_assert_cmpuint (stored->after_session.homework->len, ==, 2);
  g_assert_cmpstr (stored_task (stored, 0)->how_it_went.text, ==,
                   "Did it once on the bus; the wave passed");
}

/* The switch turned off by mistake hides the block and loses nothing. */
static void
test_switch_off_keeps (Fixture       *fixture,
                       gconstpointer  data)
{
  GDate session_day = days_ago (fixture, 2);
  g_autoptr(RjEntry) stored = NULL;

  fill_session_day (fixture, &session_day);

  set_session (fixture, FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (after_group (fixture))));
  wait_saved (fixture);

  stored = stored_entry (fixture, &session_day);
  g_assert_cmpint (stored->session_attended, ==, RJ_ANSWER_NO);
  g_assert_cmpuint (stored->after_session.homework->len, ==, 3);
  g_assert_cmpstr (stored->after_session.keep.text, ==, "Slow down when the evening gets long");
  g_clear_pointer (&stored, rj_entry_unref);

  /* Another change on the day, with the block hidden, still keeps it. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (page_child (fixture, "notes_view")),
                            "A long day.", -1);
  wait_saved (fixture);
  stored = stored_entry (fixture, &session_day);
  g_assert_cmpuint (stored->after_session.homework->len, ==, 3);
  g_clear_pointer (&stored, rj_entry_unref);

  /* Away and back, then on again: everything is there. */
  show_day (fixture, &fixture->journal.today);
  show_day (fixture, &session_day);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (after_group (fixture))));
  set_session (fixture, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (after_group (fixture))));
  g_assert_cmpuint (rj_after_session_group_get_n_homework (after_group (fixture)), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (rj_ui_test_template_child (after_group (fixture),
                                                                     RJ_TYPE_AFTER_SESSION_GROUP,
                                                                     "keep_row")),
                   ==, "Slow down when the evening gets long");
}

/* Words on a task typed just before the journal locks are stored by the lock. */
static void
test_lock_stores_how_it_went (Fixture       *fixture,
                              gconstpointer  data)
{
  GDate session_day = days_ago (fixture, 2);
  g_autoptr(RjEntry) stored = NULL;
  g_autoptr(GError) error = NULL;

  fill_session_day (fixture, &session_day);
  show_day (fixture, &fixture->journal.today);
  g_assert_cmpuint (rj_homework_group_get_n_tasks (homework_group (fixture)), ==, 3);

  rj_homework_group_set_how_it_went (homework_group (fixture), 1, "Called him at six");
  g_assert_true (rj_checkin_page_flush (fixture->page, &error));
  g_assert_no_error (error);
  rj_checkin_page_clear (fixture->page);
  g_assert_true (rj_store_lock (fixture->journal.store, NULL));

  g_assert_true (rj_store_unlock (fixture->journal.store, PASSPHRASE, strlen (PASSPHRASE), &error));
  g_assert_no_error (error);
  stored = stored_entry (fixture, &session_day);
  g_assert_cmpstr (stored_task (stored, 1)->how_it_went.text, ==, "Called him at six");
  g_assert_cmpint (stored_task (stored, 1)->state, ==, RJ_HOMEWORK_OPEN);

  rj_checkin_page_load_today (fixture->page);
  g_assert_cmpstr (rj_homework_group_get_how_it_went (homework_group (fixture), 1), ==,
                   "Called him at six");
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/checkin-loop/instantiate", Fixture, NULL,
              fixture_set_up, test_instantiate, fixture_tear_down);
  g_test_add ("/ui/checkin-loop/homework-next-day", Fixture, NULL,
              fixture_set_up, test_homework_next_day, fixture_tear_down);
  g_test_add ("/ui/checkin-loop/switch-off-keeps", Fixture, NULL,
              fixture_set_up, test_switch_off_keeps, fixture_tear_down);
  g_test_add ("/ui/checkin-loop/lock-stores-how-it-went", Fixture, NULL,
              fixture_set_up, test_lock_stores_how_it_went, fixture_tear_down);

  return g_test_run ();
}
