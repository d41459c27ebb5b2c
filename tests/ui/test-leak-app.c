/* test-leak-app.c: the whole app, run as a client would, leaves no plaintext behind.
 *
 * The test gives the app a home of its own: HOME, the XDG folders, XDG_RUNTIME_DIR and
 * TMPDIR all point into one temporary tree. Child processes, each a fresh start of the
 * shell, then go through everything that could write a client's words somewhere:
 *
 *   write    create the journal through the window, fill every field with canaries,
 *            lock, unlock, show the entries, open the summary (its preview draws),
 *            print it through the export path, save it as PDF and as CSV, save the
 *            recovery sheet, back up, restore that backup over the journal;
 *   loop     unlock and type more canaries through the windows of the session loop:
 *            the relapse-prevention plan (then saved as PDF), what to keep and the
 *            homework on a session day, a task ticked off with how it went on the day
 *            after, the lapse review and the weekly check; lock;
 *   kill     unlock, store one more canary, and be killed with SIGKILL;
 *   restart  unlock after the kill and find that canary again.
 *
 * Then every file in the tree is searched. The canaries, the passphrase and the
 * recovery code may appear only in the files the test chose to export, and the
 * words marked private appear in none of them. The words typed in the loop phase
 * appear only in the plan's PDF, and there only the plan's words not kept private.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "rj-after-session-group.h"
#include "rj-backup.h"
#include "rj-checkin-page.h"
#include "rj-day-header.h"
#include "rj-homework-group.h"
#include "rj-hygiene.h"
#include "rj-lapse-review-dialog.h"
#include "rj-plan-window.h"
#include "rj-private-button.h"
#include "rj-recovery-sheet-print.h"
#include "rj-summary-window.h"
#include "rj-ui-test-util.h"
#include "rj-weekly-check-dialog.h"
#include "rj-window.h"

#define PLAN_NAME "plan.pdf"
#define MARKER "Xk4leakapp"
#define LOOP_MARKER "Xk4loopui"
#define KILLED_MARKER "Xk4killed"
#define PASSPHRASE "a quiet walk along the river at dawn"

/* The files the write and loop phases export, in the tree's exports folder. */
static const char *const export_names[] = {
  "printed.pdf", "summary.pdf", "summary.csv", "recovery-sheet.pdf", PLAN_NAME, NULL
};
#define BACKUP_NAME "journal.rjbackup"
#define CODE_FILE "code.txt"   /* where the write phase hands the code to the parent */

/* This program, started again for each phase. */
static char *self_path;

/* The phases, each a fresh process. */

static RjContext *
phase_context (void)
{
  g_autofree char *path = rj_store_default_path ();
  RjContext *context = rj_context_new (path);
  RjKdfParams params;

  rj_kdf_params_fast_for_tests (&params);
  rj_context_set_kdf_params (context, &params);
  return context;
}

static RjWindow *
phase_window (RjContext *context)
{
  RjWindow *window = g_object_ref (rj_window_new (NULL, context));

  gtk_window_present (GTK_WINDOW (window));
  rj_ui_test_settle (50 * 1000);
  return window;
}

static void
phase_unlock (RjWindow *window)
{
  GtkWidget *unlock_page = rj_ui_test_get_page (window, "unlock");
  RjStore *store = rj_context_get_store (rj_window_get_context (window));

  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  g_object_set (unlock_page, "passphrase", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
  g_assert_true (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
}

static void
phase_lock (RjWindow *window)
{
  RjStore *store = rj_context_get_store (rj_window_get_context (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
}

static void
phase_close (RjWindow  *window,
             RjContext *context)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_finalize_object (context);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
create_through_window (RjWindow *window)
{
  GtkWidget *create_page = rj_ui_test_get_page (window, "create");
  GtkWidget *code_page = rj_ui_test_get_page (window, "recovery-code");
  char *code;

  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "create");
  g_object_set (create_page, "passphrase", PASSPHRASE, "confirmation", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (create_page, "create.create", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (create_page));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "recovery-code");

  code = rj_ui_test_dup_string (code_page, "code");
  g_assert_nonnull (code);
  g_assert_true (gtk_widget_activate_action (code_page, "code.done", NULL));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
  return code;
}

/* The days before today hold every field; the check-in shows today. */
static void
store_canaries (RjStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RjProfile) profile = rj_test_profile_full (MARKER);
  GDate day;

  g_assert_true (rj_store_save_profile (store, profile, &error));
  g_assert_no_error (error);

  for (guint back = 1; back <= 3; back++)
    {
      g_autoptr(RjEntry) entry = NULL;

      rj_get_today (&day);
      g_date_subtract_days (&day, back);
      entry = rj_test_entry_full (&day, MARKER);
      g_assert_true (rj_store_save_entry (store, entry, &error));
      g_assert_no_error (error);
    }
}

static void
export_summary (RjWindow   *window,
                const char *exports)
{
  RjSummaryWindow *summary;
  g_autofree char *printed = g_build_filename (exports, "printed.pdf", NULL);
  g_autofree char *pdf_path = g_build_filename (exports, "summary.pdf", NULL);
  g_autofree char *csv_path = g_build_filename (exports, "summary.csv", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, last;

  /* The window's own action opens it, as Ctrl+Shift+S does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.summary", NULL));
  RJ_UI_TEST_WAIT_FOR (rj_ui_test_find_toplevel (RJ_TYPE_SUMMARY_WINDOW) != NULL);
  summary = g_object_ref (RJ_SUMMARY_WINDOW (rj_ui_test_find_toplevel (RJ_TYPE_SUMMARY_WINDOW)));
  /* Each canary day was a session day: the last week holds all three. */
  rj_get_today (&last);
  first = last;
  g_date_subtract_days (&first, 6);
  rj_summary_window_set_period (summary, &first, &last);
  /* Long enough for the preview to be drawn a few times. */
  rj_ui_test_spin (300 * 1000);

  g_assert_true (rj_summary_window_export_print (summary, printed, &error));
  g_assert_no_error (error);

  rj_summary_window_save_pdf_async (summary, pdf, NULL, async_done_cb, &result);
  RJ_UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (rj_summary_window_save_pdf_finish (summary, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  rj_summary_window_save_csv_async (summary, csv, NULL, async_done_cb, &result);
  RJ_UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (rj_summary_window_save_csv_finish (summary, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  rj_ui_test_close_window (summary, 50 * 1000);
}

static void
export_recovery_sheet (const char *code,
                       const char *exports)
{
  g_autofree char *path = g_build_filename (exports, "recovery-sheet.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) created = g_date_time_new_now_local ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rj_recovery_sheet_save_pdf_async (NULL, file, code, created, NULL, async_done_cb, &result);
  RJ_UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (rj_recovery_sheet_save_pdf_finish (result, &error));
  g_assert_no_error (error);
}

/* Backs the journal up to the exports folder, then restores that backup over it, as the
 * client on a new computer would; the journal it replaces is kept as a copy. */
static void
backup_and_restore (RjWindow   *window,
                    const char *exports)
{
  RjStore *store = rj_context_get_store (rj_window_get_context (window));
  g_autofree char *backup_path = g_build_filename (exports, BACKUP_NAME, NULL);
  g_autofree char *previous = NULL;
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_store_write_backup (store, backup_path, &error));
  g_assert_no_error (error);

  phase_lock (window);

  backup = rj_backup_open (backup_path, &error);
  g_assert_no_error (error);
  g_assert_true (rj_backup_unlock (backup, PASSPHRASE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rj_backup_verify (backup, rj_store_get_path (store), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rj_backup_get_n_entries (backup), ==, 3);
  g_assert_true (rj_backup_install (backup, rj_store_get_path (store), &previous, &error));
  g_assert_no_error (error);
  g_assert_nonnull (previous);
  g_assert_true (g_file_test (previous, G_FILE_TEST_IS_REGULAR));
}

static int
phase_write (const char *exports)
{
  RjContext *context = phase_context ();
  RjWindow *window = phase_window (context);
  RjStore *store = rj_context_get_store (context);
  g_autofree char *code = NULL;
  g_autofree char *code_path = g_build_filename (exports, "..", CODE_FILE, NULL);
  g_autoptr(GError) error = NULL;

  code = create_through_window (window);
  store_canaries (store);

  /* Locking and unlocking through the window, then the entries on screen. */
  phase_lock (window);
  phase_unlock (window);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL));
  rj_ui_test_spin (200 * 1000);

  export_summary (window, exports);
  export_recovery_sheet (code, exports);
  backup_and_restore (window, exports);

  /* The restored journal opens with the passphrase it had, and holds every day. */
  phase_unlock (window);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 3);
  phase_lock (window);
  phase_close (window, context);

  /* The parent searches for the code too; it has no other way to learn it. */
  g_assert_true (g_file_set_contents (code_path, code, -1, &error));
  g_assert_no_error (error);
  return 0;
}

/* The words typed in the loop phase, one canary each, "private-" where the client marks
 * them private. Kept here rather than in rj-test-util.c: they are typed through the
 * windows, not built as records. */
static const char *const loop_fields[] = {
  "plan-reasons", "private-plan-signs", "plan-if-lapse",
  "private-session-keep", "homework-task", "private-homework-task",
  "homework-how", "private-homework-how",
  "review-vulnerable", "private-review-thoughts", NULL
};

/* What the printed plan must hold of them; the private ones it must not. */
static const char *const plan_fields[] = { "plan-reasons", "plan-if-lapse", NULL };

static char *
loop_canary (const char *field)
{
  return g_strdup_printf ("%s-%s", LOOP_MARKER, field);
}

static void
set_view_text (gpointer    view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Opens the plan from the window, as the check-in's button does, changes three texts
 * (one kept private) and saves the plan as PDF to the exports folder. */
static void
loop_plan (RjWindow   *window,
           const char *exports)
{
  RjStore *store = rj_context_get_store (rj_window_get_context (window));
  g_autofree char *reasons = loop_canary ("plan-reasons");
  g_autofree char *signs = loop_canary ("private-plan-signs");
  g_autofree char *if_lapse = loop_canary ("plan-if-lapse");
  g_autofree char *path = g_build_filename (exports, PLAN_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RjProfile) stored = NULL;
  g_autoptr(GError) error = NULL;
  RjPlanWindow *plan;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.plan", NULL));
  RJ_UI_TEST_WAIT_FOR (rj_ui_test_find_toplevel (RJ_TYPE_PLAN_WINDOW) != NULL);
  plan = g_object_ref (RJ_PLAN_WINDOW (rj_ui_test_find_toplevel (RJ_TYPE_PLAN_WINDOW)));
  rj_ui_test_settle (50 * 1000);

  set_view_text (rj_ui_test_template_child (plan, RJ_TYPE_PLAN_WINDOW, "reasons_view"), reasons);
  set_view_text (rj_ui_test_template_child (plan, RJ_TYPE_PLAN_WINDOW, "signs_view"), signs);
  gtk_toggle_button_set_active (rj_ui_test_template_child (plan, RJ_TYPE_PLAN_WINDOW,
                                                           "signs_private"), TRUE);
  set_view_text (rj_ui_test_template_child (plan, RJ_TYPE_PLAN_WINDOW, "lapse_view"), if_lapse);

  rj_store_flush (store);
  stored = rj_store_dup_profile (store);
  g_assert_cmpstr (stored->plan.reasons.text, ==, reasons);
  g_assert_false (stored->plan.reasons.is_private);
  g_assert_cmpstr (stored->plan.warning_signs.text, ==, signs);
  g_assert_true (stored->plan.warning_signs.is_private);
  g_assert_cmpstr (stored->plan.if_lapse.text, ==, if_lapse);

  rj_plan_window_save_pdf_async (plan, file, NULL, async_done_cb, &result);
  RJ_UI_TEST_WAIT_FOR (result != NULL);
  g_assert_true (rj_plan_window_save_pdf_finish (plan, result, &error));
  g_assert_no_error (error);
  /* The result holds the window. */
  g_clear_object (&result);

  rj_ui_test_close_window (plan, 50 * 1000);
}

static gpointer
checkin_child (RjCheckinPage *page,
               const char    *name)
{
  return rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE, name);
}

static void
wait_saved (RjCheckinPage *page)
{
  RJ_UI_TEST_WAIT_FOR (g_strcmp0 (rj_checkin_page_get_status (page), "Saved") == 0);
}

static void
show_day (RjCheckinPage *page,
          const GDate   *day)
{
  g_assert_true (rj_checkin_page_set_date (page, day));
  rj_ui_test_settle (20 * 1000);
}

/* Types a homework task in the row to add one, with its lock set first, and presses
 * Enter. */
static void
type_task (RjAfterSessionGroup *group,
           const char          *task,
           gboolean             is_private)
{
  GtkWidget *add_row = rj_ui_test_template_child (group, RJ_TYPE_AFTER_SESSION_GROUP, "add_row");

  gtk_toggle_button_set_active (rj_ui_test_template_child (group, RJ_TYPE_AFTER_SESSION_GROUP,
                                                           "add_private_button"),
                                is_private);
  gtk_editable_set_text (GTK_EDITABLE (add_row), task);
  g_signal_emit_by_name (add_row, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
}

/* The private button beside "How it went" on the homework row of @task. */
static GtkToggleButton *
find_how_private_button (GtkWidget  *widget,
                         const char *task)
{
  if (RJ_IS_PRIVATE_BUTTON (widget))
    {
      GtkWidget *row = g_object_get_data (G_OBJECT (widget), "rj-row");
      GtkLabel *label = row != NULL ? g_object_get_data (G_OBJECT (row), "rj-task-label") : NULL;

      if (label != NULL && g_strcmp0 (gtk_label_get_label (label), task) == 0)
        return GTK_TOGGLE_BUTTON (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_how_private_button (child, task);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const RjHomework *
stored_task (const RjEntry *entry,
             guint          index)
{
  g_assert_cmpuint (index, <, entry->after_session.homework->len);
  return g_ptr_array_index (entry->after_session.homework, index);
}

/* A session day before the canary days: what to keep (private) and two tasks, one
 * private. The day after: both tasks there, one ticked off, how each went written (one
 * private); the day records use, so the lapse review is written from it, and the
 * weekly check is answered. */
static void
loop_checkin (RjWindow *window)
{
  RjStore *store = rj_context_get_store (rj_window_get_context (window));
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  RjAfterSessionGroup *after = checkin_child (page, "after_session_group");
  RjHomeworkGroup *homework = checkin_child (page, "homework_group");
  g_autofree char *keep = loop_canary ("private-session-keep");
  g_autofree char *task = loop_canary ("homework-task");
  g_autofree char *private_task = loop_canary ("private-homework-task");
  g_autofree char *how = loop_canary ("homework-how");
  g_autofree char *private_how = loop_canary ("private-homework-how");
  g_autofree char *vulnerable = loop_canary ("review-vulnerable");
  g_autofree char *thoughts = loop_canary ("private-review-thoughts");
  g_autoptr(RjEntry) stored = NULL;
  g_autoptr(GError) error = NULL;
  RjWeeklyCheckDialog *weekly;
  GtkWindow *dialog;
  GDate session_day, next_day;

  rj_get_today (&session_day);
  g_date_subtract_days (&session_day, 6);
  next_day = session_day;
  g_date_add_days (&next_day, 1);

  show_day (page, &session_day);
  gtk_switch_set_active (checkin_child (page, "session_switch"), TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (after)));
  gtk_editable_set_text (rj_ui_test_template_child (after, RJ_TYPE_AFTER_SESSION_GROUP,
                                                    "keep_row"), keep);
  gtk_toggle_button_set_active (rj_ui_test_template_child (after, RJ_TYPE_AFTER_SESSION_GROUP,
                                                           "keep_private_button"), TRUE);
  type_task (after, task, FALSE);
  type_task (after, private_task, TRUE);
  g_assert_cmpuint (rj_after_session_group_get_n_homework (after), ==, 2);
  wait_saved (page);

  stored = rj_store_dup_entry (store, &session_day);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->after_session.keep.text, ==, keep);
  g_assert_true (stored->after_session.keep.is_private);
  g_assert_cmpstr (stored_task (stored, 0)->task.text, ==, task);
  g_assert_false (stored_task (stored, 0)->task.is_private);
  g_assert_cmpstr (stored_task (stored, 1)->task.text, ==, private_task);
  g_assert_true (stored_task (stored, 1)->task.is_private);
  g_clear_pointer (&stored, rj_entry_unref);

  /* The day after: the homework group lists both, ticked off and written in there. */
  show_day (page, &next_day);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (homework)));
  g_assert_cmpuint (rj_homework_group_get_n_tasks (homework), ==, 2);
  g_assert_cmpstr (rj_homework_group_get_task_text (homework, 0), ==, task);
  g_assert_cmpstr (rj_homework_group_get_task_text (homework, 1), ==, private_task);
  rj_homework_group_set_done (homework, 0, TRUE);
  rj_homework_group_set_how_it_went (homework, 0, how);
  rj_homework_group_set_how_it_went (homework, 1, private_how);
  gtk_toggle_button_set_active (find_how_private_button (GTK_WIDGET (homework), private_task),
                                TRUE);
  wait_saved (page);

  stored = rj_store_dup_entry (store, &session_day);
  g_assert_cmpint (stored_task (stored, 0)->state, ==, RJ_HOMEWORK_DONE);
  g_assert_cmpstr (stored_task (stored, 0)->how_it_went.text, ==, how);
  g_assert_false (stored_task (stored, 0)->how_it_went.is_private);
  g_assert_cmpint (stored_task (stored, 1)->state, ==, RJ_HOMEWORK_OPEN);
  g_assert_cmpstr (stored_task (stored, 1)->how_it_went.text, ==, private_how);
  g_assert_true (stored_task (stored, 1)->how_it_went.is_private);
  g_clear_pointer (&stored, rj_entry_unref);

  /* The lapse review, from the same day once it records use. */
  adw_expander_row_set_enable_expansion (checkin_child (page, "use_row"), TRUE);
  rj_checkin_page_open_lapse_review (page);
  dialog = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_LAPSE_REVIEW_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (rj_ui_test_template_child (dialog, RJ_TYPE_LAPSE_REVIEW_DIALOG,
                                                    "vulnerable_row"), vulnerable);
  gtk_editable_set_text (rj_ui_test_template_child (dialog, RJ_TYPE_LAPSE_REVIEW_DIALOG,
                                                    "thoughts_row"), thoughts);
  gtk_toggle_button_set_active (rj_ui_test_template_child (dialog, RJ_TYPE_LAPSE_REVIEW_DIALOG,
                                                           "thoughts_private_button"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.close", NULL));
  rj_ui_test_settle (20 * 1000);
  g_assert_null (rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_LAPSE_REVIEW_DIALOG));

  /* The weekly check, answered on the same day. */
  rj_checkin_page_open_weekly_check (page);
  weekly = (RjWeeklyCheckDialog *) rj_ui_test_find_dialog (GTK_WINDOW (window),
                                                           RJ_TYPE_WEEKLY_CHECK_DIALOG);
  g_assert_nonnull (weekly);
  g_assert_cmpint (g_date_compare (rj_weekly_check_dialog_get_date (weekly), &next_day), ==, 0);
  for (int question = 0; question < RJ_WEEKLY_N_QUESTIONS; question++)
    rj_weekly_check_dialog_set_answer (weekly, question, question + 1);
  g_assert_cmpstr (rj_weekly_check_dialog_get_total_text (weekly), ==, "15 of 30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (weekly), "weekly.close", NULL));
  rj_ui_test_settle (20 * 1000);
  g_assert_null (rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_WEEKLY_CHECK_DIALOG));

  g_assert_true (rj_checkin_page_flush (page, &error));
  g_assert_no_error (error);
  stored = rj_store_dup_entry (store, &next_day);
  g_assert_nonnull (stored);
  g_assert_cmpint (stored->use.used, ==, RJ_ANSWER_YES);
  g_assert_cmpstr (stored->review.vulnerable.text, ==, vulnerable);
  g_assert_false (stored->review.vulnerable.is_private);
  g_assert_cmpstr (stored->review.thoughts.text, ==, thoughts);
  g_assert_true (stored->review.thoughts.is_private);
  for (int question = 0; question < RJ_WEEKLY_N_QUESTIONS; question++)
    g_assert_cmpint (stored->weekly.answers[question], ==, question + 1);
  /* Nothing of the session day's homework went into this day's own entry. */
  g_assert_cmpuint (stored->after_session.homework->len, ==, 0);

  rj_checkin_page_show_today (page);
  rj_ui_test_settle (20 * 1000);
}

static int
phase_loop (const char *exports)
{
  RjContext *context = phase_context ();
  RjWindow *window = phase_window (context);
  RjStore *store = rj_context_get_store (context);

  phase_unlock (window);
  loop_plan (window, exports);
  loop_checkin (window);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 5);
  phase_lock (window);
  phase_close (window, context);
  return 0;
}

/* Stores one more day, says so on stdout, and waits to be killed. */
static int
phase_kill (void)
{
  RjContext *context = phase_context ();
  RjWindow *window = phase_window (context);
  RjStore *store = rj_context_get_store (context);
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  phase_unlock (window);
  rj_get_today (&today);
  entry = rj_test_entry_full (&today, KILLED_MARKER);
  g_assert_true (rj_store_save_entry (store, entry, &error));
  g_assert_no_error (error);

  g_print ("saved\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  g_assert_not_reached ();
}

static int
phase_restart (void)
{
  RjContext *context = phase_context ();
  RjWindow *window = phase_window (context);
  RjStore *store = rj_context_get_store (context);
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) expected = NULL;
  GDate today;

  phase_unlock (window);
  rj_get_today (&today);
  entry = rj_store_dup_entry (store, &today);
  expected = rj_test_entry_full (&today, KILLED_MARKER);
  g_assert_nonnull (entry);
  g_assert_true (rj_entry_equal (entry, expected));
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 6);
  phase_lock (window);
  phase_close (window, context);
  return 0;
}

/* The parent: the tree, the phases, the search. */

typedef struct {
  char *root;
  char *exports;
  char **envp;
} Tree;

static void
tree_free (Tree *tree)
{
  rj_test_remove_tree (tree->root);
  g_free (tree->root);
  g_free (tree->exports);
  g_strfreev (tree->envp);
}

static char *
tree_dir (Tree       *tree,
          const char *relative)
{
  char *path = g_build_filename (tree->root, relative, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static void
tree_init (Tree *tree)
{
  struct {
    const char *variable;
    const char *relative;
  } folders[] = {
    { "HOME", "home" },
    { "XDG_CONFIG_HOME", "home/.config" },
    { "XDG_DATA_HOME", "home/.local/share" },
    { "XDG_STATE_HOME", "home/.local/state" },
    { "XDG_CACHE_HOME", "home/.cache" },
    { "XDG_RUNTIME_DIR", "run" },
    { "TMPDIR", "tmp" },
  };

  tree->root = rj_test_make_tmp_dir ("rj-test-leak-app-XXXXXX");
  tree->exports = tree_dir (tree, "exports");
  tree->envp = g_get_environ ();
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = tree_dir (tree, folders[i].relative);

      tree->envp = g_environ_setenv (tree->envp, folders[i].variable, path, TRUE);
    }
  /* GTK's own file chooser and print dialog read and write recently-used.xbel; it is
   * made here so that the search below covers what they add to it. */
  {
    g_autofree char *recent = g_build_filename (tree->root, "home/.local/share",
                                                "recently-used.xbel", NULL);
    g_assert_true (g_file_set_contents (recent,
                                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<xbel version=\"1.0\"></xbel>\n", -1, NULL));
  }
}

static GPid
tree_spawn (Tree       *tree,
            const char *phase,
            int        *stdout_fd)
{
  const char *argv[] = { NULL, "--phase", phase, tree->exports, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  argv[0] = self_path;
  g_spawn_async_with_pipes (NULL, (char **) argv, tree->envp, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, stdout_fd, NULL, &error);
  g_assert_no_error (error);
  return pid;
}

static void
tree_run (Tree       *tree,
          const char *phase)
{
  GPid pid = tree_spawn (tree, phase, NULL);
  int status;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the %s phase failed (wait status %d)", phase, status);
}

static void
tree_run_and_kill (Tree       *tree,
                   const char *phase)
{
  int out = -1;
  GPid pid = tree_spawn (tree, phase, &out);
  FILE *lines = fdopen (out, "r");
  char *line = NULL;
  size_t line_size = 0;
  int status;

  /* Killed once it says that its day is stored, as a crash would. GTest's own lines
   * ("# random seed: …") come first. */
  g_assert_nonnull (lines);
  for (;;)
    {
      if (getline (&line, &line_size, lines) < 0)
        g_error ("the %s phase ended before it stored its day", phase);
      if (g_str_equal (line, "saved\n"))
        break;
    }
  free (line);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  g_spawn_close_pid (pid);
  fclose (lines);
}

static gboolean
is_export (Tree       *tree,
           const char *path)
{
  for (guint i = 0; export_names[i] != NULL; i++)
    {
      g_autofree char *export = g_build_filename (tree->exports, export_names[i], NULL);

      if (g_str_equal (path, export))
        return TRUE;
    }
  return FALSE;
}

/* A file's words as a reader gets them: a PDF's text is compressed and set in glyph
 * ids, so pdftotext reads it out first; everything else is searched byte for byte. */
static GBytes *
readable_contents (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (length >= 5 && memcmp (contents, "%PDF-", 5) == 0)
    {
      g_autofree char *program = g_find_program_in_path ("pdftotext");
      const char *argv[] = { program, path, "-", NULL };
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      gsize text_length;
      char *readable;
      int status;

      if (program == NULL)
        g_error ("pdftotext (poppler-utils) is needed to read %s", path);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &text, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      /* The raw bytes too: metadata and uncompressed streams. They hold NUL bytes,
       * so they are copied by length: g_strconcat() would stop at the first one and
       * leave the rest of the buffer unread memory, where the words searched for
       * themselves lie. */
      text_length = strlen (text);
      readable = g_malloc (text_length + 1 + length);
      memcpy (readable, text, text_length);
      readable[text_length] = '\n';
      memcpy (readable + text_length + 1, contents, length);
      return g_bytes_new_take (readable, text_length + 1 + length);
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
test_whole_app (void)
{
  Tree tree = { 0 };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) private_words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *code = NULL;
  g_autofree char *code_path = NULL;
  guint n_exports_with_words = 0;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *planted = NULL;
  g_autofree char *planted_dir = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *plan_path = NULL;
  guint n_plan_words = 0;

  tree_init (&tree);
  plan_path = g_build_filename (tree.exports, PLAN_NAME, NULL);
  tree_run (&tree, "write");
  tree_run (&tree, "loop");
  tree_run_and_kill (&tree, "kill");
  tree_run (&tree, "restart");

  code_path = g_build_filename (tree.root, CODE_FILE, NULL);
  g_assert_true (g_file_get_contents (code_path, &code, NULL, NULL));
  g_assert_cmpint (g_unlink (code_path), ==, 0);

  /* Every canary holds a marker; the code is searched for with and without its
   * dashes, as it is shown and as it is typed. */
  g_ptr_array_add (secrets, g_strdup (MARKER));
  g_ptr_array_add (secrets, g_strdup (LOOP_MARKER));
  g_ptr_array_add (secrets, g_strdup (KILLED_MARKER));
  g_ptr_array_add (secrets, g_strdup (PASSPHRASE));
  g_ptr_array_add (secrets, g_strdup (code));
  {
    g_auto(GStrv) groups = g_strsplit (code, "-", -1);

    g_ptr_array_add (secrets, g_strjoinv ("", groups));
  }
  for (guint i = 0; rj_test_entry_fields[i] != NULL; i++)
    if (g_str_has_prefix (rj_test_entry_fields[i], "private-") ||
        g_str_equal (rj_test_entry_fields[i], "notes") ||
        g_str_equal (rj_test_entry_fields[i], "what-happened"))
      g_ptr_array_add (private_words, g_strdup_printf ("%s-%s", MARKER,
                                                      rj_test_entry_fields[i]));
  /* The stored session loop and plan hold private words of their own. */
  for (guint i = 0; rj_test_entry_loop_fields[i] != NULL; i++)
    if (g_str_has_prefix (rj_test_entry_loop_fields[i], "private-"))
      g_ptr_array_add (private_words, g_strdup_printf ("%s-%s", MARKER,
                                                      rj_test_entry_loop_fields[i]));
  for (guint i = 0; rj_test_profile_fields[i] != NULL; i++)
    if (g_str_has_prefix (rj_test_profile_fields[i], "private-"))
      g_ptr_array_add (private_words, g_strdup_printf ("%s-%s", MARKER,
                                                      rj_test_profile_fields[i]));
  for (guint i = 0; loop_fields[i] != NULL; i++)
    if (g_str_has_prefix (loop_fields[i], "private-"))
      g_ptr_array_add (private_words, loop_canary (loop_fields[i]));
  g_ptr_array_add (private_words, g_strdup (PASSPHRASE));

  /* A file planted where nothing of ours writes, to show that the search finds what
   * it looks for there, a stored canary and a typed one alike. */
  planted = g_build_filename (tree.root, "home/.cache/planted/notes.txt", NULL);
  g_assert_cmpint (g_mkdir_with_parents (planted_dir = g_path_get_dirname (planted), 0700),
                   ==, 0);
  {
    g_autofree char *typed = loop_canary ("private-review-thoughts");
    g_autofree char *words = g_strdup_printf ("… %s … %s …", KILLED_MARKER, typed);

    g_assert_true (g_file_set_contents (planted, words, -1, NULL));
  }

  files = rj_test_list_files (tree.root);
  g_test_message ("searching %u files", files->len);
  g_assert_cmpuint (files->len, >, 5);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = readable_contents (path);
      gsize length;
      const guint8 *contents = g_bytes_get_data (bytes, &length);
      const GPtrArray *forbidden = is_export (&tree, path) ? private_words : secrets;

      g_test_message ("searched %s (%" G_GSIZE_FORMAT " bytes)",
                      path + strlen (tree.root) + 1, length);

      for (guint j = 0; j < forbidden->len; j++)
        {
          const char *word = g_ptr_array_index (forbidden, j);

          if (rj_test_contains (contents, length, (const guint8 *) word, strlen (word)))
            g_ptr_array_add (found, g_strdup_printf ("“%s” in %s", word, path));
        }
      if (is_export (&tree, path) &&
          rj_test_contains (contents, length, (const guint8 *) MARKER, strlen (MARKER)))
        n_exports_with_words++;

      /* The words typed in the loop phase: the plan's in the plan's PDF, none of them
       * in the exports written before they were typed. */
      if (g_str_equal (path, plan_path))
        {
          for (guint j = 0; plan_fields[j] != NULL; j++)
            {
              g_autofree char *word = loop_canary (plan_fields[j]);

              if (rj_test_contains (contents, length, (const guint8 *) word, strlen (word)))
                n_plan_words++;
              else
                g_test_message ("“%s” is not in %s", word, path);
            }
        }
      else if (is_export (&tree, path) &&
               rj_test_contains (contents, length, (const guint8 *) LOOP_MARKER,
                                 strlen (LOOP_MARKER)))
        g_ptr_array_add (found, g_strdup_printf ("“%s” in %s", LOOP_MARKER, path));
    }

  for (guint i = 0; i < found->len; i++)
    g_test_message ("found %s", (const char *) g_ptr_array_index (found, i));
  /* Only the planted file, with both its words, in the order they are searched for. */
  g_assert_cmpuint (found->len, ==, 2);
  expected = g_strdup_printf ("“%s” in %s", LOOP_MARKER, planted);
  g_assert_cmpstr (g_ptr_array_index (found, 0), ==, expected);
  g_free (expected);
  expected = g_strdup_printf ("“%s” in %s", KILLED_MARKER, planted);
  g_assert_cmpstr (g_ptr_array_index (found, 1), ==, expected);

  /* The search can find what it looks for: the summary's PDFs and CSV and the plan's
   * PDF hold the client's words (the recovery sheet holds only the code), and the
   * plan's PDF holds what was typed in the plan window and not kept private. */
  g_assert_cmpuint (n_exports_with_words, ==, 4);
  g_assert_cmpuint (n_plan_words, ==, g_strv_length ((char **) plan_fields));

  tree_free (&tree);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--phase"))
    {
      const char *phase = argv[2];
      const char *exports = argv[3];
      g_autoptr(GError) error = NULL;
      int fake_argc = 1;
      char **fake_argv = argv;
      int status;

      /* The same hygiene as the app's main(), before GTK starts. */
      if (!rj_hygiene_apply (NULL, &error))
        g_error ("%s", error->message);
      if (!rj_ui_test_init (&fake_argc, &fake_argv))
        return RJ_UI_TEST_SKIPPED;
      if (g_str_equal (phase, "write"))
        status = phase_write (exports);
      else if (g_str_equal (phase, "loop"))
        status = phase_loop (exports);
      else if (g_str_equal (phase, "kill"))
        status = phase_kill ();
      else if (g_str_equal (phase, "restart"))
        status = phase_restart ();
      else
        g_error ("no phase called %s", phase);
      /* As main() does; the killed phase never gets here, and leaves its folder. */
      rj_hygiene_cleanup ();
      return status;
    }

  self_path = g_canonicalize_filename (argv[0], NULL);
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add_func ("/ui/leak-app/whole-app", test_whole_app);
  return g_test_run ();
}
