/* test-plan.c: the relapse-prevention plan window and "Need help now?" with a plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-context.h"
#include "rj-help-now-dialog.h"
#include "rj-plan-window.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "a calm evening by the lake"

typedef RjUiTestJournal Fixture;

/* A journal where calling Ana helped three times and walking once; Ana is a contact. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  const char *ana, *walk;

  rj_ui_test_journal_set_up (fixture, "rj-test-plan-XXXXXX", PASSPHRASE);

  profile = rj_store_dup_profile (fixture->store);
  walk = rj_profile_add_item (profile, RJ_LIST_SKILLS, "Walking the dog")->id;
  ana = rj_profile_add_item (profile, RJ_LIST_SKILLS, "Calling Ana")->id;
  rj_profile_add_contact (profile, "Ana", "555-0199");
  g_assert_true (rj_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  for (int i = 0; i < 4; i++)
    {
      GDate date = fixture->today;
      g_autoptr(RjEntry) entry = NULL;
      RjCraving *craving;

      g_date_subtract_days (&date, i + 1);
      entry = rj_entry_new (&date);
      craving = rj_entry_add_craving (entry);
      craving->intensity = 5;
      rj_craving_add_skill (craving, i < 3 ? ana : walk, RJ_HELPED_YES);
      g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
      g_assert_no_error (error);
    }
}

static RjPlanWindow *
new_window (Fixture *fixture)
{
  RjPlanWindow *window;

  window = g_object_ref (RJ_PLAN_WINDOW (rj_plan_window_new (NULL, fixture->context)));
  gtk_window_present (GTK_WINDOW (window));
  rj_ui_test_settle (50 * 1000);
  return window;
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The rows of @list of exactly @type, in order. */
static GPtrArray *
rows_of_type (GtkListBox *list,
              GType       type)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_OBJECT_TYPE (child) == type)
      g_ptr_array_add (rows, child);
  return rows;
}

/* The button among the suffixes of @row whose label is @label. */
static GtkButton *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the journal shows helped most is offered first, with how often; adding it and
 * writing in the reasons is stored at once, and a new window shows both. */
static void
test_stored (Fixture       *fixture,
             gconstpointer  data)
{
  RjPlanWindow *window = new_window (fixture);
  GtkTextView *reasons = rj_ui_test_template_child (window, RJ_TYPE_PLAN_WINDOW, "reasons_view");
  GtkListBox *strategies = rj_ui_test_template_child (window, RJ_TYPE_PLAN_WINDOW,
                                                      "strategies_list");
  GtkListBox *people = rj_ui_test_template_child (window, RJ_TYPE_PLAN_WINDOW, "people_list");
  g_autoptr(GPtrArray) offered = rows_of_type (strategies, ADW_TYPE_ACTION_ROW);
  g_autoptr(GPtrArray) entry_rows = NULL;
  g_autoptr(GPtrArray) people_rows = NULL;
  g_autoptr(RjProfile) stored = NULL;
  g_autofree char *text = NULL;
  GtkButton *add;

  g_assert_cmpuint (offered->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (offered, 0)), ==,
                   "Calling Ana");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (offered, 0)), ==,
                   "Helped 3 times, by your journal");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (offered, 1)), ==,
                   "Walking the dog");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reasons), "For my kids", -1);
  add = find_button (g_ptr_array_index (offered, 0), "_Add");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  entry_rows = rows_of_type (strategies, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (entry_rows->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entry_rows, 0)), "Before I leave work");

  people_rows = rows_of_type (people, ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (people_rows->len, ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (people_rows, 0)), ==,
                   "555-0199");
  adw_action_row_activate (g_ptr_array_index (people_rows, 0));

  rj_store_flush (fixture->store);
  stored = rj_store_dup_profile (fixture->store);
  g_assert_cmpstr (stored->plan.reasons.text, ==, "For my kids");
  g_assert_cmpuint (stored->plan.strategies->len, ==, 1);
  g_assert_cmpstr (((RjPlanItem *) g_ptr_array_index (stored->plan.strategies, 0))->words.text,
                   ==, "Before I leave work");
  g_assert_cmpuint (stored->plan.people->len, ==, 1);
  rj_ui_test_close_window (window, 0);

  /* Reopened, the plan is as it was left. */
  window = new_window (fixture);
  reasons = rj_ui_test_template_child (window, RJ_TYPE_PLAN_WINDOW, "reasons_view");
  text = dup_text (reasons);
  g_assert_cmpstr (text, ==, "For my kids");
  strategies = rj_ui_test_template_child (window, RJ_TYPE_PLAN_WINDOW, "strategies_list");
  g_clear_pointer (&entry_rows, g_ptr_array_unref);
  entry_rows = rows_of_type (strategies, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (entry_rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (entry_rows, 0)), ==,
                   "Calling Ana");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (entry_rows, 0))), ==,
                   "Before I leave work");
  rj_ui_test_close_window (window, 0);
}

/* Someone added from the plan becomes a support contact with their number, and part of
 * the plan, without losing a contact the preferences added meanwhile. */
static void
test_add_person (Fixture       *fixture,
                 gconstpointer  data)
{
  RjPlanWindow *window = new_window (fixture);
  GtkListBox *people = rj_ui_test_template_child (window, RJ_TYPE_PLAN_WINDOW, "people_list");
  g_autoptr(RjProfile) meanwhile = rj_store_dup_profile (fixture->store);
  g_autoptr(RjProfile) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *expander = gtk_widget_get_last_child (GTK_WIDGET (people));
  GtkButton *add;
  RjContact *added;

  rj_profile_add_contact (meanwhile, "Dana", "555-0111");
  g_assert_true (rj_store_save_profile (fixture->store, meanwhile, &error));
  g_assert_no_error (error);

  g_assert_true (ADW_IS_EXPANDER_ROW (expander));
  entries = g_ptr_array_new ();
  add = find_button (expander, "Add to _My Plan");
  g_assert_nonnull (add);
  {
    GtkWidget *stack[64];
    int n = 0;

    stack[n++] = expander;
    while (n > 0)
      {
        GtkWidget *w = stack[--n];

        if (ADW_IS_ENTRY_ROW (w))
          g_ptr_array_insert (entries, 0, w);
        for (GtkWidget *c = gtk_widget_get_last_child (w); c != NULL && n < 63;
             c = gtk_widget_get_prev_sibling (c))
          stack[n++] = c;
      }
  }
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "Sam (sponsor)");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "555-0142");
  g_signal_emit_by_name (add, "clicked");

  rj_store_flush (fixture->store);
  stored = rj_store_dup_profile (fixture->store);
  g_assert_cmpuint (stored->contacts->len, ==, 3);
  g_assert_cmpuint (stored->plan.people->len, ==, 1);
  added = rj_profile_find_contact (stored, g_ptr_array_index (stored->plan.people, 0));
  g_assert_nonnull (added);
  g_assert_cmpstr (added->name, ==, "Sam (sponsor)");
  g_assert_cmpstr (added->phone, ==, "555-0142");
  g_assert_cmpstr (((RjContact *) g_ptr_array_index (stored->contacts, 1))->name, ==, "Dana");

  rj_ui_test_close_window (window, 0);
}

/* The Print button's page: one page with the plan on it. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "plan.pdf", NULL);
  g_autofree char *text = NULL;
  RjPlanWindow *window;

  rj_note_set (&profile->plan.warning_signs, "Skipping meals and meetings", FALSE);
  rj_note_set (&profile->plan.reasons, "My own secret reasons", TRUE);
  g_assert_true (rj_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  window = new_window (fixture);
  g_assert_true (rj_plan_window_export_print (window, path, &error));
  g_assert_no_error (error);
  rj_ui_test_assert_pdf_one_page (path);
  text = rj_ui_test_dup_pdf_text (path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "My relapse-prevention plan"));
      g_assert_nonnull (strstr (text, "Skipping meals and meetings"));
      g_assert_null (strstr (text, "secret"));
    }
  rj_ui_test_close_window (window, 0);
}

/* Unlocked, the plan's strategies and people come first; locked, only the lines. */
static void
test_help_now (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (fixture->store);
  RjContact *ana = g_ptr_array_index (profile->contacts, 0);
  GtkWidget *dialog;
  AdwPreferencesGroup *plan_group;

  rj_profile_add_contact (profile, "Dana", "555-0111");
  rj_plan_add_strategy (&profile->plan,
                        ((RjListItem *) g_ptr_array_index (profile->lists[RJ_LIST_SKILLS],
                                                           0))->id,
                        "Round the block", FALSE);
  rj_plan_add_person (&profile->plan, ana->id);

  dialog = g_object_ref (rj_help_now_dialog_new (NULL));
  plan_group = rj_ui_test_template_child (dialog, RJ_TYPE_HELP_NOW_DIALOG, "plan_group");
  g_assert_cmpuint (rj_help_now_dialog_get_n_strategies (RJ_HELP_NOW_DIALOG (dialog)), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (plan_group)));

  rj_help_now_dialog_set_plan (RJ_HELP_NOW_DIALOG (dialog), profile);
  g_assert_cmpuint (rj_help_now_dialog_get_n_strategies (RJ_HELP_NOW_DIALOG (dialog)), ==, 1);
  g_assert_cmpuint (rj_help_now_dialog_get_n_contacts (RJ_HELP_NOW_DIALOG (dialog)), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (plan_group)));
  {
    GtkListBox *contacts = rj_ui_test_template_child (dialog, RJ_TYPE_HELP_NOW_DIALOG,
                                                      "contacts_list");
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (contacts));

    /* The plan's person first, with the number. */
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Ana");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==, "555-0199");
  }

  rj_help_now_dialog_set_plan (RJ_HELP_NOW_DIALOG (dialog), NULL);
  g_assert_cmpuint (rj_help_now_dialog_get_n_strategies (RJ_HELP_NOW_DIALOG (dialog)), ==, 0);
  g_assert_cmpuint (rj_help_now_dialog_get_n_contacts (RJ_HELP_NOW_DIALOG (dialog)), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (plan_group)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_opens_once (Fixture       *fixture,
                 gconstpointer  data)
{
  rj_ui_test_assert_opens_once (fixture->context, "win.plan", RJ_TYPE_PLAN_WINDOW);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/plan/stored", Fixture, NULL, fixture_set_up, test_stored,
              rj_ui_test_journal_tear_down);
  g_test_add ("/ui/plan/add-person", Fixture, NULL, fixture_set_up, test_add_person,
              rj_ui_test_journal_tear_down);
  g_test_add ("/ui/plan/print", Fixture, NULL, fixture_set_up, test_print,
              rj_ui_test_journal_tear_down);
  g_test_add ("/ui/plan/help-now", Fixture, NULL, fixture_set_up, test_help_now,
              rj_ui_test_journal_tear_down);
  g_test_add ("/ui/plan/opens-once", Fixture, NULL, fixture_set_up, test_opens_once,
              rj_ui_test_journal_tear_down);

  return g_test_run ();
}
