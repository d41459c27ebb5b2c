/* test-craving-dialog.c: adding, changing and deleting a craving, and its row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-context.h"
#include "rj-craving-dialog.h"
#include "rj-craving-row.h"
#include "rj-day-header.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "a calm evening by the lake"
#define OWN_TRIGGER "Payday"
#define OWN_SKILL "Text my sister"

typedef struct
{
  char *dir;
  char *path;
  RjContext *context;
  char *own_trigger_id;   /* the client's own trigger, visible */
  char *own_skill_id;     /* the client's own skill, visible */
} Fixture;

/* What "saved" and "deleted" handed over. */
typedef struct
{
  RjCraving *saved;
  guint n_saved;
  guint n_deleted;
} Outcome;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autofree char *code = NULL;
  RjStore *store;

  fixture->context = rj_ui_test_context_new ("rj-test-craving-XXXXXX", &fixture->dir,
                                             &fixture->path);
  store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, &code);

  /* The client hid "Places" and "TIPP", and added one trigger and one skill. */
  profile = rj_store_dup_profile (store);
  g_assert_nonnull (profile);
  rj_profile_find_item (profile, RJ_LIST_TRIGGERS, "places")->hidden = TRUE;
  rj_profile_find_item (profile, RJ_LIST_SKILLS, "tipp")->hidden = TRUE;
  fixture->own_trigger_id = g_strdup (rj_profile_add_item (profile, RJ_LIST_TRIGGERS,
                                                           OWN_TRIGGER)->id);
  fixture->own_skill_id = g_strdup (rj_profile_add_item (profile, RJ_LIST_SKILLS,
                                                         OWN_SKILL)->id);
  rj_store_save_profile (store, profile, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  RjStore *store = rj_context_get_store (fixture->context);

  if (rj_store_is_unlocked (store))
    rj_store_lock (store, NULL);
  g_assert_finalize_object (fixture->context);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->own_trigger_id);
  g_free (fixture->own_skill_id);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A craving with every field set, naming a hidden trigger and a hidden skill, and with
 * HALT answers that are "no" as well as "yes". */
static RjCraving *
make_full_craving (Fixture *fixture)
{
  RjCraving *craving = rj_craving_new ();

  craving->time_minutes = 21 * 60 + 5;
  craving->intensity = 8;
  craving->duration_minutes = 25;
  craving->trigger_id = g_strdup ("places");
  craving->trigger_words.text = g_strdup ("Walked past the old bar & grill");
  craving->trigger_words.is_private = TRUE;
  craving->halt.answered = RJ_HALT_HUNGRY | RJ_HALT_LONELY | RJ_HALT_TIRED;
  craving->halt.yes = RJ_HALT_LONELY | RJ_HALT_TIRED;
  rj_craving_add_skill (craving, "tipp", RJ_HELPED_PARTLY);
  rj_craving_add_skill (craving, "call-support", RJ_HELPED_YES);
  rj_craving_add_skill (craving, fixture->own_skill_id, RJ_HELPED_NOT_LOGGED);
  rj_craving_add_skill (craving, "urge-surfing", RJ_HELPED_NO);
  craving->outcome = RJ_OUTCOME_USED;
  return craving;
}

static void
assert_craving_equal (const RjCraving *a,
                      const RjCraving *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpint (a->time_minutes, ==, b->time_minutes);
  g_assert_cmpint (a->intensity, ==, b->intensity);
  g_assert_cmpint (a->duration_minutes, ==, b->duration_minutes);
  g_assert_cmpstr (a->trigger_id, ==, b->trigger_id);
  g_assert_cmpstr (a->trigger_words.text, ==, b->trigger_words.text);
  g_assert_cmpint (a->trigger_words.is_private, ==, b->trigger_words.is_private);
  g_assert_cmpuint (a->halt.answered, ==, b->halt.answered);
  g_assert_cmpuint (a->halt.yes, ==, b->halt.yes);
  g_assert_cmpuint (a->skills->len, ==, b->skills->len);
  for (guint i = 0; i < a->skills->len; i++)
    {
      const RjSkillUse *ua = &g_array_index (a->skills, RjSkillUse, i);
      const RjSkillUse *ub = &g_array_index (b->skills, RjSkillUse, i);

      g_assert_cmpstr (ua->skill_id, ==, ub->skill_id);
      g_assert_cmpint (ua->helped, ==, ub->helped);
    }
  g_assert_cmpint (a->outcome, ==, b->outcome);
}

static const RjSkillUse *
find_skill (const RjCraving *craving,
            const char      *skill_id)
{
  for (guint i = 0; i < craving->skills->len; i++)
    {
      const RjSkillUse *use = &g_array_index (craving->skills, RjSkillUse, i);

      if (g_strcmp0 (use->skill_id, skill_id) == 0)
        return use;
    }
  return NULL;
}

static void
saved_cb (RjCravingDialog *dialog,
          RjCraving       *craving,
          Outcome         *outcome)
{
  g_clear_pointer (&outcome->saved, rj_craving_free);
  outcome->saved = rj_craving_copy (craving);
  outcome->n_saved++;
}

static void
deleted_cb (RjCravingDialog *dialog,
            Outcome         *outcome)
{
  outcome->n_deleted++;
}

/* Opens the dialog as the page does: owned by GTK's list of windows, shown. The test
 * keeps a reference, to check that it goes away once closed. */
static RjCravingDialog *
open_dialog (Fixture         *fixture,
             const RjCraving *craving,
             const GDate     *day,
             Outcome         *outcome)
{
  RjCravingDialog *dialog = rj_craving_dialog_new (fixture->context, craving, day);

  g_assert_true (RJ_IS_CRAVING_DIALOG (dialog));
  g_object_ref (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), outcome);
  g_signal_connect (dialog, "deleted", G_CALLBACK (deleted_cb), outcome);
  gtk_window_present (GTK_WINDOW (dialog));
  rj_ui_test_settle (0);
  return dialog;
}

/* Presses Add or Done; the dialog closes and goes away. */
static void
save_dialog (RjCravingDialog *dialog,
             Outcome         *outcome)
{
  guint n_saved = outcome->n_saved;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "craving.save", NULL));
  g_assert_cmpuint (outcome->n_saved, ==, n_saved + 1);
  g_assert_nonnull (outcome->saved);
  rj_ui_test_settle (0);
  g_assert_finalize_object (dialog);
}

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->saved, rj_craving_free);
}

static gboolean
strv_contains (GStrv       strv,
               const char *str)
{
  return g_strv_contains ((const char * const *) strv, str);
}

static void
test_instantiate (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RjCraving) full = make_full_craving (fixture);
  g_autoptr(RjProfile) profile = rj_store_dup_profile (rj_context_get_store (fixture->context));
  g_autoptr(RjCraving) empty = rj_craving_new ();
  RjCravingDialog *dialog;
  GtkWidget *row;

  /* New, without a day: today. */
  dialog = rj_craving_dialog_new (fixture->context, NULL, NULL);
  g_object_ref (dialog);
  g_assert_true (rj_craving_dialog_get_is_new (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Craving");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (dialog), RJ_TYPE_CRAVING_DIALOG, "delete_button"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Editing one with every field set, shown. */
  dialog = rj_craving_dialog_new (fixture->context, full, NULL);
  g_object_ref (dialog);
  g_assert_false (rj_craving_dialog_get_is_new (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Craving");
  gtk_window_present (GTK_WINDOW (dialog));
  rj_ui_test_settle (0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (dialog), RJ_TYPE_CRAVING_DIALOG, "delete_button"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  rj_ui_test_settle (0);
  g_assert_finalize_object (dialog);

  /* Rows, for a full craving and an empty one. */
  row = g_object_ref_sink (rj_craving_row_new (full, profile));
  g_assert_true (RJ_IS_CRAVING_ROW (row));
  g_assert_true (rj_craving_row_get_craving (RJ_CRAVING_ROW (row)) != full);
  assert_craving_equal (rj_craving_row_get_craving (RJ_CRAVING_ROW (row)), full);
  g_assert_finalize_object (row);

  row = g_object_ref_sink (rj_craving_row_new (empty, profile));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Craving");
  g_assert_finalize_object (row);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RjCraving) full = make_full_craving (fixture);
  g_autoptr(RjCraving) current = NULL;
  Outcome outcome = { 0 };
  GDate day;
  RjCravingDialog *dialog;

  rj_get_today (&day);
  g_date_subtract_days (&day, 2);

  dialog = open_dialog (fixture, full, &day, &outcome);

  /* What the dialog holds before it is saved, through its property. */
  g_object_get (dialog, "craving", &current, NULL);
  assert_craving_equal (current, full);

  save_dialog (dialog, &outcome);
  assert_craving_equal (outcome.saved, full);
  g_assert_cmpuint (outcome.n_deleted, ==, 0);

  /* A craving with nothing logged comes back with nothing logged. */
  {
    g_autoptr(RjCraving) empty = rj_craving_new ();

    dialog = open_dialog (fixture, empty, &day, &outcome);
    save_dialog (dialog, &outcome);
    assert_craving_equal (outcome.saved, empty);
  }

  outcome_clear (&outcome);
}

static void
test_drive (Fixture       *fixture,
            gconstpointer  data)
{
  Outcome outcome = { 0 };
  RjCravingDialog *dialog;
  const RjCraving *saved;
  GDate today;

  rj_get_today (&today);
  dialog = open_dialog (fixture, NULL, &today, &outcome);

  rj_craving_dialog_set_time (dialog, 14 * 60 + 30);
  rj_craving_dialog_set_intensity (dialog, 7);
  rj_craving_dialog_set_duration (dialog, 20);
  g_assert_true (rj_craving_dialog_set_trigger (dialog, "people"));
  rj_craving_dialog_set_trigger_words (dialog, "An old friend called", TRUE);
  rj_craving_dialog_set_halt (dialog, RJ_HALT_HUNGRY | RJ_HALT_TIRED, TRUE);
  rj_craving_dialog_set_halt (dialog, RJ_HALT_LONELY, FALSE);
  g_assert_true (rj_craving_dialog_set_skill_helped (dialog, "urge-surfing", RJ_HELPED_YES));
  g_assert_true (rj_craving_dialog_set_skill_used (dialog, "breathing", TRUE));
  g_assert_true (rj_craving_dialog_set_skill_helped (dialog, "call-support", RJ_HELPED_NO));
  /* Changing one's mind: "breathing" unchecked again, and call-support only partly. */
  g_assert_true (rj_craving_dialog_set_skill_used (dialog, "breathing", FALSE));
  g_assert_true (rj_craving_dialog_set_skill_helped (dialog, "call-support", RJ_HELPED_PARTLY));
  rj_craving_dialog_set_outcome (dialog, RJ_OUTCOME_USED);
  rj_craving_dialog_set_outcome (dialog, RJ_OUTCOME_RODE_IT_OUT);

  save_dialog (dialog, &outcome);
  saved = outcome.saved;

  g_assert_nonnull (saved->id);
  g_assert_cmpint (saved->time_minutes, ==, 14 * 60 + 30);
  g_assert_cmpint (saved->intensity, ==, 7);
  g_assert_cmpint (saved->duration_minutes, ==, 20);
  g_assert_cmpstr (saved->trigger_id, ==, "people");
  g_assert_cmpstr (saved->trigger_words.text, ==, "An old friend called");
  g_assert_true (saved->trigger_words.is_private);
  /* Once HALT is answered at all, the letters not pressed count as "no". */
  g_assert_cmpuint (saved->halt.answered, ==, RJ_HALT_ALL);
  g_assert_cmpuint (saved->halt.yes, ==, RJ_HALT_HUNGRY | RJ_HALT_TIRED);
  g_assert_cmpuint (saved->skills->len, ==, 2);
  g_assert_cmpstr (g_array_index (saved->skills, RjSkillUse, 0).skill_id, ==, "urge-surfing");
  g_assert_cmpint (g_array_index (saved->skills, RjSkillUse, 0).helped, ==, RJ_HELPED_YES);
  g_assert_cmpstr (g_array_index (saved->skills, RjSkillUse, 1).skill_id, ==, "call-support");
  g_assert_cmpint (g_array_index (saved->skills, RjSkillUse, 1).helped, ==, RJ_HELPED_PARTLY);
  g_assert_cmpint (saved->outcome, ==, RJ_OUTCOME_RODE_IT_OUT);

  /* Edit it again: clear some things, pick the client's own trigger, keep the rest. */
  {
    g_autoptr(RjCraving) before = rj_craving_copy (saved);

    dialog = open_dialog (fixture, before, &today, &outcome);
    rj_craving_dialog_set_duration (dialog, RJ_NOT_LOGGED);
    rj_craving_dialog_set_intensity (dialog, 0);
    g_assert_true (rj_craving_dialog_set_trigger (dialog, fixture->own_trigger_id));
    rj_craving_dialog_set_trigger_words (dialog, NULL, FALSE);
    g_assert_true (rj_craving_dialog_set_skill_helped (dialog, "urge-surfing",
                                                       RJ_HELPED_NOT_LOGGED));
    g_assert_true (rj_craving_dialog_set_skill_helped (dialog, fixture->own_skill_id,
                                                       RJ_HELPED_YES));
    rj_craving_dialog_set_outcome (dialog, RJ_OUTCOME_NOT_LOGGED);
    save_dialog (dialog, &outcome);
    saved = outcome.saved;

    g_assert_cmpstr (saved->id, ==, before->id);
    g_assert_cmpint (saved->time_minutes, ==, 14 * 60 + 30);
    g_assert_cmpint (saved->intensity, ==, 0);
    g_assert_cmpint (saved->duration_minutes, ==, RJ_NOT_LOGGED);
    g_assert_cmpstr (saved->trigger_id, ==, fixture->own_trigger_id);
    g_assert_null (saved->trigger_words.text);
    g_assert_false (saved->trigger_words.is_private);
    g_assert_cmpuint (saved->skills->len, ==, 3);
    g_assert_cmpint (find_skill (saved, "urge-surfing")->helped, ==, RJ_HELPED_NOT_LOGGED);
    g_assert_cmpint (find_skill (saved, fixture->own_skill_id)->helped, ==, RJ_HELPED_YES);
    g_assert_cmpint (saved->outcome, ==, RJ_OUTCOME_NOT_LOGGED);
  }

  outcome_clear (&outcome);
}

static void
test_not_logged (Fixture       *fixture,
                 gconstpointer  data)
{
  Outcome outcome = { 0 };
  RjCravingDialog *dialog;
  const RjCraving *saved;
  GDate day;

  /* Today: the time is now, and nothing else is logged. */
  rj_get_today (&day);
  dialog = open_dialog (fixture, NULL, &day, &outcome);
  save_dialog (dialog, &outcome);
  g_assert_cmpint (outcome.saved->time_minutes, >=, 0);
  g_assert_cmpint (outcome.saved->time_minutes, <, 24 * 60);

  /* A past day: no made-up time either. Values set and cleared again are not logged. */
  g_date_subtract_days (&day, 3);
  dialog = open_dialog (fixture, NULL, &day, &outcome);
  rj_craving_dialog_set_intensity (dialog, 4);
  rj_craving_dialog_set_intensity (dialog, RJ_NOT_LOGGED);
  rj_craving_dialog_set_duration (dialog, 15);
  rj_craving_dialog_set_duration (dialog, RJ_NOT_LOGGED);
  rj_craving_dialog_set_time (dialog, 9 * 60);
  rj_craving_dialog_set_time (dialog, RJ_NOT_LOGGED);
  g_assert_true (rj_craving_dialog_set_trigger (dialog, "feelings"));
  g_assert_true (rj_craving_dialog_set_trigger (dialog, NULL));
  rj_craving_dialog_set_outcome (dialog, RJ_OUTCOME_USED);
  rj_craving_dialog_set_outcome (dialog, RJ_OUTCOME_NOT_LOGGED);
  g_assert_true (rj_craving_dialog_set_skill_used (dialog, "distract", TRUE));
  g_assert_true (rj_craving_dialog_set_skill_used (dialog, "distract", FALSE));
  save_dialog (dialog, &outcome);
  saved = outcome.saved;

  g_assert_nonnull (saved->id);
  g_assert_cmpint (saved->time_minutes, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (saved->intensity, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (saved->duration_minutes, ==, RJ_NOT_LOGGED);
  g_assert_null (saved->trigger_id);
  g_assert_true (saved->trigger_words.text == NULL || saved->trigger_words.text[0] == '\0');
  g_assert_false (saved->trigger_words.is_private);
  g_assert_cmpuint (saved->halt.answered, ==, 0);
  g_assert_cmpuint (saved->halt.yes, ==, 0);
  g_assert_cmpuint (saved->skills->len, ==, 0);
  g_assert_cmpint (saved->outcome, ==, RJ_OUTCOME_NOT_LOGGED);

  /* Zero is a value, not "not logged". */
  dialog = open_dialog (fixture, NULL, &day, &outcome);
  rj_craving_dialog_set_intensity (dialog, 0);
  rj_craving_dialog_set_duration (dialog, 0);
  save_dialog (dialog, &outcome);
  g_assert_cmpint (outcome.saved->intensity, ==, 0);
  g_assert_cmpint (outcome.saved->duration_minutes, ==, 0);

  outcome_clear (&outcome);
}

static void
test_hidden (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RjCraving) full = make_full_craving (fixture);
  Outcome outcome = { 0 };
  RjCravingDialog *dialog;
  g_auto(GStrv) triggers = NULL;
  g_auto(GStrv) skills = NULL;

  /* A new craving is offered what the client still uses, their own items too. */
  dialog = open_dialog (fixture, NULL, NULL, &outcome);
  triggers = rj_craving_dialog_dup_trigger_ids (dialog);
  skills = rj_craving_dialog_dup_skill_ids (dialog);
  g_assert_true (strv_contains (triggers, "people"));
  g_assert_true (strv_contains (triggers, fixture->own_trigger_id));
  g_assert_false (strv_contains (triggers, "places"));
  g_assert_true (strv_contains (skills, "urge-surfing"));
  g_assert_true (strv_contains (skills, fixture->own_skill_id));
  g_assert_false (strv_contains (skills, "tipp"));
  g_assert_false (rj_craving_dialog_set_trigger (dialog, "places"));
  g_assert_false (rj_craving_dialog_set_skill_used (dialog, "tipp", TRUE));
  g_assert_false (rj_craving_dialog_set_skill_helped (dialog, "tipp", RJ_HELPED_YES));
  save_dialog (dialog, &outcome);
  g_assert_null (outcome.saved->trigger_id);
  g_assert_cmpuint (outcome.saved->skills->len, ==, 0);
  g_clear_pointer (&triggers, g_strfreev);
  g_clear_pointer (&skills, g_strfreev);

  /* One that already names hidden ones keeps them, and can change other things. */
  dialog = open_dialog (fixture, full, NULL, &outcome);
  triggers = rj_craving_dialog_dup_trigger_ids (dialog);
  skills = rj_craving_dialog_dup_skill_ids (dialog);
  g_assert_true (strv_contains (triggers, "places"));
  g_assert_true (strv_contains (skills, "tipp"));
  rj_craving_dialog_set_intensity (dialog, 3);
  save_dialog (dialog, &outcome);
  g_assert_cmpstr (outcome.saved->trigger_id, ==, "places");
  g_assert_nonnull (find_skill (outcome.saved, "tipp"));
  g_assert_cmpint (find_skill (outcome.saved, "tipp")->helped, ==, RJ_HELPED_PARTLY);
  g_assert_cmpint (outcome.saved->intensity, ==, 3);

  /* Moving off a hidden trigger lets it go. */
  dialog = open_dialog (fixture, full, NULL, &outcome);
  g_assert_true (rj_craving_dialog_set_trigger (dialog, "things"));
  save_dialog (dialog, &outcome);
  g_assert_cmpstr (outcome.saved->trigger_id, ==, "things");

  outcome_clear (&outcome);
}

static void
test_delete_and_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RjCraving) full = make_full_craving (fixture);
  Outcome outcome = { 0 };
  RjCravingDialog *dialog;

  /* Deleting an existing craving says so, with no question asked, and closes. */
  dialog = open_dialog (fixture, full, NULL, &outcome);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "craving.delete", NULL));
  g_assert_cmpuint (outcome.n_deleted, ==, 1);
  g_assert_cmpuint (outcome.n_saved, ==, 0);
  rj_ui_test_settle (0);
  g_assert_finalize_object (dialog);

  /* A new one has nothing to delete. */
  dialog = open_dialog (fixture, NULL, NULL, &outcome);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "craving.delete", NULL);
  g_assert_cmpuint (outcome.n_deleted, ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Cancel closes without a word. */
  rj_craving_dialog_set_intensity (dialog, 9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "craving.cancel", NULL));
  rj_ui_test_settle (0);
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (outcome.n_saved, ==, 0);

  /* Locking the journal closes it too, and nothing is saved. */
  dialog = open_dialog (fixture, full, NULL, &outcome);
  g_assert_true (rj_store_lock (rj_context_get_store (fixture->context), NULL));
  rj_ui_test_settle (0);
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (outcome.n_saved, ==, 0);

  outcome_clear (&outcome);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The row's text as it reads: its short parts are held together with no-break spaces. */
static char *
dup_row_text (GtkWidget  *row,
              const char *property)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  g_object_get (row, property, &text, NULL);
  parts = g_strsplit (text, "\u00a0", -1);
  return g_strjoinv (" ", parts);
}

static void
test_row (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (rj_context_get_store (fixture->context));
  g_autoptr(RjCraving) craving = rj_craving_new ();
  g_autoptr(RjCraving) changed = NULL;
  GtkWidget *row;
  char *title;
  char *subtitle;
  g_autofree char *time = NULL;
  guint n_edits = 0;

  craving->time_minutes = 14 * 60 + 30;
  craving->intensity = 7;
  craving->duration_minutes = 20;
  craving->trigger_id = g_strdup ("people");
  craving->trigger_words.text = g_strdup ("Tom & Jerry <3");
  rj_craving_add_skill (craving, "urge-surfing", RJ_HELPED_YES);
  rj_craving_add_skill (craving, "breathing", RJ_HELPED_NO);
  craving->outcome = RJ_OUTCOME_RODE_IT_OUT;

  row = g_object_ref_sink (rj_craving_row_new (craving, profile));
  title = dup_row_text (row, "title");
  subtitle = dup_row_text (row, "subtitle");
  time = rj_craving_row_format_time (craving->time_minutes);
  g_assert_nonnull (strstr (title, time));
  g_assert_nonnull (strstr (title, "7 of 10"));
  g_assert_nonnull (strstr (subtitle, "People"));
  g_assert_nonnull (strstr (subtitle, "Tom & Jerry <3"));
  g_assert_nonnull (strstr (subtitle, "20 minutes"));
  g_assert_nonnull (strstr (subtitle, "Rode it out"));
  g_assert_nonnull (strstr (subtitle, "2 skills"));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* Activating the row asks to edit its craving. */
  g_signal_connect_swapped (row, "edit", G_CALLBACK (count_cb), &n_edits);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_cmpuint (n_edits, ==, 1);
  g_free (title);
  g_free (subtitle);

  /* After an edit the row shows the new value: the client's own trigger, and "Used". */
  changed = rj_craving_copy (craving);
  g_free (changed->trigger_id);
  changed->trigger_id = g_strdup (rj_profile_add_item (profile, RJ_LIST_TRIGGERS, "Sunday")->id);
  changed->outcome = RJ_OUTCOME_USED;
  changed->intensity = RJ_NOT_LOGGED;
  g_clear_pointer (&changed->trigger_words.text, g_free);
  g_assert_finalize_object (row);

  row = g_object_ref_sink (rj_craving_row_new (changed, profile));
  title = dup_row_text (row, "title");
  subtitle = dup_row_text (row, "subtitle");
  g_assert_null (strstr (title, "of 10"));
  g_assert_nonnull (strstr (subtitle, "Sunday"));
  g_assert_nonnull (strstr (subtitle, "Used"));
  g_free (title);
  g_free (subtitle);

  rj_craving_row_set_craving (RJ_CRAVING_ROW (row), craving);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "7 of 10"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "People"));
  g_assert_finalize_object (row);

  /* A trigger hidden from the list still reads by its name in history. */
  rj_profile_find_item (profile, RJ_LIST_TRIGGERS, "people")->hidden = TRUE;
  row = g_object_ref_sink (rj_craving_row_new (craving, profile));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "People"));
  g_assert_finalize_object (row);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/craving-dialog/instantiate", Fixture, NULL,
              fixture_set_up, test_instantiate, fixture_tear_down);
  g_test_add ("/ui/craving-dialog/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/ui/craving-dialog/drive", Fixture, NULL,
              fixture_set_up, test_drive, fixture_tear_down);
  g_test_add ("/ui/craving-dialog/not-logged", Fixture, NULL,
              fixture_set_up, test_not_logged, fixture_tear_down);
  g_test_add ("/ui/craving-dialog/hidden", Fixture, NULL,
              fixture_set_up, test_hidden, fixture_tear_down);
  g_test_add ("/ui/craving-dialog/delete-and-cancel", Fixture, NULL,
              fixture_set_up, test_delete_and_cancel, fixture_tear_down);
  g_test_add ("/ui/craving-row/text", Fixture, NULL,
              fixture_set_up, test_row, fixture_tear_down);

  return g_test_run ();
}
