/* test-checkin.c: the daily check-in: editing, saving, locking, other days, the count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-checkin-page.h"
#include "rj-context.h"
#include "rj-craving-dialog.h"
#include "rj-day-header.h"
#include "rj-halt-box.h"
#include "rj-help-now-dialog.h"
#include "rj-note-list.h"
#include "rj-number-row.h"
#include "rj-preferences-window.h"
#include "rj-private-button.h"
#include "rj-recovery-glance.h"
#include "rj-scale-row.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "a calm evening by the lake"

typedef struct
{
  char *dir;
  char *path;
  RjContext *context;
  RjStore *store;
  GDate today;
} Fixture;

/* A journal that exists and is open, with fast key derivation. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->context = rj_ui_test_context_new ("rj-test-checkin-XXXXXX", &fixture->dir,
                                             &fixture->path);
  fixture->store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);

  rj_get_today (&fixture->today);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->context);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GDate
days_ago (Fixture *fixture,
          guint    n)
{
  GDate date = fixture->today;

  g_date_subtract_days (&date, n);
  return date;
}

static gpointer
page_child (gpointer    page,
            const char *name)
{
  return rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE, name);
}

static gboolean
is_saved (RjCheckinPage *page)
{
  return g_strcmp0 (rj_checkin_page_get_status (page), "Saved") == 0;
}

/* Locks the store, then opens a window on it and unlocks it as a person would. */
static RjWindow *
open_window (Fixture *fixture)
{
  RjWindow *window;
  GtkWidget *unlock_page;

  if (rj_store_is_unlocked (fixture->store))
    g_assert_true (rj_store_lock (fixture->store, NULL));

  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = rj_ui_test_get_page (window, "unlock");

  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  g_object_set (unlock_page, "passphrase", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
  g_assert_true (rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");

  return window;
}

static void
unlock_again (Fixture  *fixture,
              RjWindow *window)
{
  GtkWidget *unlock_page = rj_ui_test_get_page (window, "unlock");

  g_object_set (unlock_page, "passphrase", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
}

static char *
get_notes_text (RjCheckinPage *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (page_child (page, "notes_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_notes_text (RjCheckinPage *page,
                const char    *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (page_child (page, "notes_view"));

  gtk_text_buffer_set_text (buffer, text, -1);
}

static guint
count_craving_rows (RjCheckinPage *page)
{
  GtkListBox *list = page_child (page, "cravings_list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (widget, type, name)));
}

/* Every widget of the check-in, made and dropped on its own. */
static void
test_instantiate (Fixture       *fixture,
                  gconstpointer  data)
{
  GType types[] = {
    RJ_TYPE_DAY_HEADER,
    RJ_TYPE_HALT_BOX,
    RJ_TYPE_NOTE_LIST,
    RJ_TYPE_NUMBER_ROW,
    RJ_TYPE_PRIVATE_BUTTON,
    RJ_TYPE_RECOVERY_GLANCE,
    RJ_TYPE_SCALE_ROW,
  };
  GtkWidget *page;
  GtkWidget *dialog;
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;
  g_autoptr(RjProfile) profile = rj_profile_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_nonnull (gtk_widget_get_first_child (widget));
      g_assert_finalize_object (widget);
    }

  page = g_object_ref_sink (rj_checkin_page_new (fixture->context));
  g_assert_nonnull (adw_bin_get_child (ADW_BIN (page)));
  g_assert_null (rj_checkin_page_get_date (RJ_CHECKIN_PAGE (page)));
  rj_checkin_page_load_today (RJ_CHECKIN_PAGE (page));
  g_assert_true (rj_checkin_page_get_is_today (RJ_CHECKIN_PAGE (page)));
  rj_checkin_page_clear (RJ_CHECKIN_PAGE (page));
  g_assert_finalize_object (page);

  /* The shortcuts window that GtkApplication finds on its own. */
  builder = gtk_builder_new_from_resource ("/com/example/RecoveryJournal/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* Help now: the crisis lines always, the client's people once they are known. */
  rj_profile_add_contact (profile, "Sam (sponsor)", "555-0100");
  rj_profile_add_contact (profile, "Dr. Lee & team", "555-0199");
  dialog = g_object_ref (rj_help_now_dialog_new (NULL));
  g_assert_cmpuint (rj_help_now_dialog_get_n_contacts (RJ_HELP_NOW_DIALOG (dialog)), ==, 0);
  rj_help_now_dialog_set_contacts (RJ_HELP_NOW_DIALOG (dialog), profile->contacts);
  g_assert_cmpuint (rj_help_now_dialog_get_n_contacts (RJ_HELP_NOW_DIALOG (dialog)), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

/* The small widgets keep "not logged" apart from zero. */
static void
test_widgets (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *scale = g_object_ref_sink (rj_scale_row_new ());
  GtkWidget *number = g_object_ref_sink (rj_number_row_new ());
  GtkWidget *halt = g_object_ref_sink (rj_halt_box_new ());
  GtkWidget *notes = g_object_ref_sink (rj_note_list_new ());
  RjHalt value = { 0, 0 };
  g_autoptr(GPtrArray) items = NULL;

  g_assert_cmpint (rj_scale_row_get_value (RJ_SCALE_ROW (scale)), ==, RJ_NOT_LOGGED);
  rj_scale_row_set_value (RJ_SCALE_ROW (scale), 0);
  g_assert_cmpint (rj_scale_row_get_value (RJ_SCALE_ROW (scale)), ==, 0);
  rj_scale_row_set_value (RJ_SCALE_ROW (scale), RJ_NOT_LOGGED);
  g_assert_cmpint (rj_scale_row_get_value (RJ_SCALE_ROW (scale)), ==, RJ_NOT_LOGGED);
  g_assert_cmpstr (label_text (scale, RJ_TYPE_SCALE_ROW, "value_label"), ==, "Not logged");
  rj_scale_row_set_value (RJ_SCALE_ROW (scale), 10);
  g_assert_cmpstr (label_text (scale, RJ_TYPE_SCALE_ROW, "value_label"), ==, "10");

  g_object_set (number, "upper", 24.0, "step", 0.5, NULL);
  g_assert_cmpfloat (rj_number_row_get_value (RJ_NUMBER_ROW (number)), <, 0);
  rj_number_row_set_value (RJ_NUMBER_ROW (number), 0);
  g_assert_cmpfloat (rj_number_row_get_value (RJ_NUMBER_ROW (number)), ==, 0);
  rj_number_row_set_value (RJ_NUMBER_ROW (number), 7.25);
  g_assert_cmpfloat (rj_number_row_get_value (RJ_NUMBER_ROW (number)), ==, 7.25);
  rj_number_row_set_value (RJ_NUMBER_ROW (number), -1);
  g_assert_cmpfloat (rj_number_row_get_value (RJ_NUMBER_ROW (number)), <, 0);

  rj_halt_box_get_halt (RJ_HALT_BOX (halt), &value);
  g_assert_cmpuint (value.answered, ==, 0);
  g_object_set (halt, "yes", RJ_HALT_TIRED, NULL);
  rj_halt_box_get_halt (RJ_HALT_BOX (halt), &value);
  g_assert_cmpuint (value.answered, ==, RJ_HALT_TIRED);
  g_assert_cmpuint (value.yes, ==, RJ_HALT_TIRED);

  rj_note_list_add (RJ_NOTE_LIST (notes), "Called my sister", FALSE);
  rj_note_list_add (RJ_NOTE_LIST (notes), "Slept well", FALSE);
  rj_note_list_set_item_private (RJ_NOTE_LIST (notes), 1, TRUE);
  items = rj_note_list_dup_notes (RJ_NOTE_LIST (notes));
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((RjNote *) items->pdata[1])->text, ==, "Slept well");
  g_assert_true (((RjNote *) items->pdata[1])->is_private);
  rj_note_list_remove (RJ_NOTE_LIST (notes), 0);
  g_assert_cmpuint (rj_note_list_get_n_items (RJ_NOTE_LIST (notes)), ==, 1);

  g_assert_finalize_object (scale);
  g_assert_finalize_object (number);
  g_assert_finalize_object (halt);
  g_assert_finalize_object (notes);
}

static void
assert_entry_as_logged (const RjEntry *entry)
{
  const RjCraving *craving;
  const RjSkillUse *skill;

  g_assert_nonnull (entry);
  g_assert_cmpint (entry->mood, ==, 7);
  g_assert_cmpint (entry->distress, ==, 3);
  g_assert_cmpint (entry->sleep_minutes, ==, 450);
  g_assert_cmpuint (entry->halt.answered, ==, RJ_HALT_ALL);
  g_assert_cmpuint (entry->halt.yes, ==, RJ_HALT_HUNGRY | RJ_HALT_TIRED);

  g_assert_cmpuint (entry->cravings->len, ==, 1);
  craving = g_ptr_array_index (entry->cravings, 0);
  g_assert_cmpint (craving->intensity, ==, 8);
  g_assert_cmpint (craving->time_minutes, ==, 19 * 60 + 30);
  g_assert_cmpstr (craving->trigger_id, ==, "people");
  g_assert_cmpuint (craving->skills->len, ==, 2);
  skill = &g_array_index (craving->skills, RjSkillUse, 0);
  g_assert_cmpstr (skill->skill_id, ==, "urge-surfing");
  g_assert_cmpint (skill->helped, ==, RJ_HELPED_YES);
  skill = &g_array_index (craving->skills, RjSkillUse, 1);
  g_assert_cmpstr (skill->skill_id, ==, "call-support");
  g_assert_cmpint (skill->helped, ==, RJ_HELPED_PARTLY);
  g_assert_cmpint (craving->outcome, ==, RJ_OUTCOME_RODE_IT_OUT);

  g_assert_cmpint (entry->use.used, ==, RJ_ANSWER_YES);
  g_assert_cmpstr (entry->use.substance_id, ==, "alcohol");
  g_assert_cmpstr (entry->use.what_happened.text, ==, "A friend offered and I said yes");
  g_assert_true (entry->use.what_happened.is_private);
  g_assert_cmpstr (entry->use.next_time.text, ==, "Leave when the drinks come out");
  g_assert_false (entry->use.next_time.is_private);

  g_assert_cmpint (entry->medication_taken, ==, RJ_ANSWER_YES);
  g_assert_cmpint (entry->meetings, ==, 1);
  g_assert_cmpint (entry->support_calls, ==, 2);
  g_assert_cmpint (entry->session_attended, ==, RJ_ANSWER_YES);

  g_assert_cmpuint (entry->wins->len, ==, 1);
  g_assert_cmpstr (((RjNote *) entry->wins->pdata[0])->text, ==, "Walked to the park");
  g_assert_cmpuint (entry->topics->len, ==, 1);
  g_assert_cmpstr (((RjNote *) entry->topics->pdata[0])->text, ==, "Weekends are hard");
  g_assert_true (((RjNote *) entry->topics->pdata[0])->is_private);

  g_assert_cmpstr (entry->notes.text, ==, "Talked to my sister tonight.");
  g_assert_true (entry->notes.is_private);
}

static void
assert_page_shows_logged (RjCheckinPage *page)
{
  g_autofree char *notes = get_notes_text (page);

  g_assert_cmpint (rj_scale_row_get_value (page_child (page, "mood_row")), ==, 7);
  g_assert_cmpint (rj_scale_row_get_value (page_child (page, "distress_row")), ==, 3);
  g_assert_cmpfloat (rj_number_row_get_value (page_child (page, "sleep_row")), ==, 7.5);
  g_assert_cmpuint (count_craving_rows (page), ==, 1);
  g_assert_true (adw_expander_row_get_enable_expansion (page_child (page, "use_row")));
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "substance_row")), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "what_happened_row")), ==,
                   "A friend offered and I said yes");
  g_assert_true (gtk_toggle_button_get_active (page_child (page, "what_happened_private_button")));
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "medication_row")), ==, 1);
  g_assert_true (gtk_switch_get_active (page_child (page, "session_switch")));
  g_assert_cmpuint (rj_note_list_get_n_items (page_child (page, "wins_list")), ==, 1);
  g_assert_cmpuint (rj_note_list_get_n_items (page_child (page, "topics_list")), ==, 1);
  g_assert_cmpstr (notes, ==, "Talked to my sister tonight.");
  g_assert_true (gtk_toggle_button_get_active (page_child (page, "notes_private_button")));
}

static void
assert_page_empty (RjCheckinPage *page)
{
  g_autofree char *notes = get_notes_text (page);

  g_assert_null (rj_checkin_page_get_date (page));
  g_assert_cmpint (rj_scale_row_get_value (page_child (page, "mood_row")), ==, RJ_NOT_LOGGED);
  g_assert_cmpint (rj_scale_row_get_value (page_child (page, "distress_row")), ==, RJ_NOT_LOGGED);
  g_assert_cmpfloat (rj_number_row_get_value (page_child (page, "sleep_row")), <, 0);
  g_assert_cmpuint (count_craving_rows (page), ==, 0);
  g_assert_false (adw_expander_row_get_enable_expansion (page_child (page, "use_row")));
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "what_happened_row")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "next_time_row")), ==, "");
  g_assert_cmpuint (rj_note_list_get_n_items (page_child (page, "wins_list")), ==, 0);
  g_assert_cmpuint (rj_note_list_get_n_items (page_child (page, "topics_list")), ==, 0);
  g_assert_cmpstr (notes, ==, "");
  g_assert_cmpint (rj_recovery_glance_get_sober_days_total (page_child (page, "glance")), ==, -1);
}

/* Everything an entry holds, logged through the page and the craving dialog; locked;
 * unlocked; there again, in the store and on the page. */
static void
test_edit_lock_unlock (Fixture       *fixture,
                       gconstpointer  data)
{
  RjWindow *window = open_window (fixture);
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  RjCravingDialog *dialog;
  g_autoptr(RjEntry) stored = NULL;
  g_autoptr(RjEntry) shown = NULL;
  g_autoptr(RjEntry) reopened = NULL;

  g_assert_true (rj_checkin_page_get_is_today (page));
  g_assert_cmpint (g_date_compare (rj_checkin_page_get_date (page), &fixture->today), ==, 0);

  g_object_set (page_child (page, "mood_row"), "value", 7, NULL);
  g_object_set (page_child (page, "distress_row"), "value", 3, NULL);
  g_object_set (page_child (page, "sleep_row"), "value", 7.5, NULL);
  g_object_set (page_child (page, "halt_box"), "yes", RJ_HALT_HUNGRY | RJ_HALT_TIRED, NULL);
  g_object_set (page_child (page, "halt_box"), "answered", RJ_HALT_ALL, NULL);

  /* A craving, through the dialog the page opens on Ctrl+N. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-craving", NULL));
  dialog = RJ_CRAVING_DIALOG (rj_ui_test_find_toplevel (RJ_TYPE_CRAVING_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  rj_craving_dialog_set_time (dialog, 19 * 60 + 30);
  rj_craving_dialog_set_intensity (dialog, 8);
  g_assert_true (rj_craving_dialog_set_trigger (dialog, "people"));
  g_assert_true (rj_craving_dialog_set_skill_helped (dialog, "urge-surfing", RJ_HELPED_YES));
  g_assert_true (rj_craving_dialog_set_skill_helped (dialog, "call-support", RJ_HELPED_PARTLY));
  rj_craving_dialog_set_outcome (dialog, RJ_OUTCOME_RODE_IT_OUT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "craving.save", NULL));
  g_assert_null (rj_ui_test_find_toplevel (RJ_TYPE_CRAVING_DIALOG));
  g_assert_cmpuint (count_craving_rows (page), ==, 1);

  /* A lapse, in plain words, part of it private. */
  adw_expander_row_set_enable_expansion (page_child (page, "use_row"), TRUE);
  adw_combo_row_set_selected (page_child (page, "substance_row"), 1);
  gtk_editable_set_text (page_child (page, "what_happened_row"),
                         "A friend offered and I said yes");
  gtk_toggle_button_set_active (page_child (page, "what_happened_private_button"), TRUE);
  gtk_editable_set_text (page_child (page, "next_time_row"), "Leave when the drinks come out");

  adw_combo_row_set_selected (page_child (page, "medication_row"), 1);
  g_object_set (page_child (page, "meetings_row"), "value", 1.0, NULL);
  g_object_set (page_child (page, "calls_row"), "value", 2.0, NULL);
  gtk_switch_set_active (page_child (page, "session_switch"), TRUE);

  rj_note_list_add (page_child (page, "wins_list"), "Walked to the park", FALSE);
  rj_note_list_add (page_child (page, "topics_list"), "Weekends are hard", FALSE);
  rj_note_list_set_item_private (page_child (page, "topics_list"), 0, TRUE);
  set_notes_text (page, "Talked to my sister tonight.");
  gtk_toggle_button_set_active (page_child (page, "notes_private_button"), TRUE);

  /* No Save button: it is stored within a second. */
  g_assert_cmpstr (rj_checkin_page_get_status (page), ==, "Saving…");
  RJ_UI_TEST_WAIT_FOR (is_saved (page));
  stored = rj_store_dup_entry (fixture->store, &fixture->today);
  assert_entry_as_logged (stored);
  shown = rj_checkin_page_dup_entry (page);
  g_assert_true (rj_entry_equal (shown, stored));

  /* Locking empties every field the page shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_false (rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  assert_page_empty (page);

  unlock_again (fixture, window);
  reopened = rj_store_dup_entry (fixture->store, &fixture->today);
  assert_entry_as_logged (reopened);
  assert_page_shows_logged (page);

  rj_ui_test_close_window (window, 0);
  g_assert_false (rj_store_is_unlocked (fixture->store));
}

/* A change made just before the lock is not lost to the half-second wait. */
static void
test_lock_saves_pending (Fixture       *fixture,
                         gconstpointer  data)
{
  RjWindow *window = open_window (fixture);
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  g_autoptr(RjEntry) stored = NULL;

  GObject *sleep_spin;

  g_object_set (page_child (page, "mood_row"), "value", 2, NULL);
  g_assert_cmpstr (rj_checkin_page_get_status (page), ==, "Saving…");

  /* Hours still being typed, the cursor not yet out of the field. */
  sleep_spin = gtk_widget_get_template_child (page_child (page, "sleep_row"), RJ_TYPE_NUMBER_ROW,
                                              "spin_button");
  gtk_editable_set_text (GTK_EDITABLE (sleep_spin), "7,5");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));

  g_assert_true (rj_store_unlock (fixture->store, PASSPHRASE, strlen (PASSPHRASE), NULL));
  stored = rj_store_dup_entry (fixture->store, &fixture->today);
  g_assert_nonnull (stored);
  g_assert_cmpint (stored->mood, ==, 2);
  g_assert_cmpint (stored->sleep_minutes, ==, 450);
  g_assert_true (rj_store_lock (fixture->store, NULL));

  rj_ui_test_close_window (window, 0);
}

/* A craving half written in its dialog when the journal locks is kept; a dialog
 * opened and left empty adds nothing. */
static void
test_lock_saves_open_craving (Fixture       *fixture,
                              gconstpointer  data)
{
  RjWindow *window = open_window (fixture);
  RjCravingDialog *dialog;
  g_autoptr(RjEntry) stored = NULL;
  const RjCraving *craving;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-craving", NULL));
  dialog = RJ_CRAVING_DIALOG (rj_ui_test_find_toplevel (RJ_TYPE_CRAVING_DIALOG));
  g_assert_nonnull (dialog);
  rj_craving_dialog_set_intensity (dialog, 6);
  rj_craving_dialog_set_trigger_words (dialog, "half written when it locked", FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  RJ_UI_TEST_WAIT_FOR (rj_ui_test_find_toplevel (RJ_TYPE_CRAVING_DIALOG) == NULL);

  unlock_again (fixture, window);
  stored = rj_store_dup_entry (fixture->store, &fixture->today);
  g_assert_nonnull (stored);
  g_assert_cmpuint (stored->cravings->len, ==, 1);
  craving = g_ptr_array_index (stored->cravings, 0);
  g_assert_cmpint (craving->intensity, ==, 6);
  g_assert_cmpstr (craving->trigger_words.text, ==, "half written when it locked");
  g_clear_pointer (&stored, rj_entry_unref);

  /* A new craving opened and left empty is not kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-craving", NULL));
  g_assert_nonnull (rj_ui_test_find_toplevel (RJ_TYPE_CRAVING_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  RJ_UI_TEST_WAIT_FOR (rj_ui_test_find_toplevel (RJ_TYPE_CRAVING_DIALOG) == NULL);
  unlock_again (fixture, window);
  stored = rj_store_dup_entry (fixture->store, &fixture->today);
  g_assert_cmpuint (stored->cravings->len, ==, 1);

  rj_ui_test_close_window (window, 0);
}

/* After a short idle time the journal locks itself and the page shows nothing; what
 * was typed is stored. */
static void
test_auto_lock (Fixture       *fixture,
                gconstpointer  data)
{
  RjWindow *window = open_window (fixture);
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  g_autofree char *after = NULL;
  g_autofree char *reopened = NULL;
  gint64 started;

  /* The setting, as preferences would set it; then a test value in seconds. */
  g_assert_cmpuint (g_settings_get_uint (rj_context_get_settings (fixture->context),
                                         "auto-lock-minutes"), ==, 5);
  set_notes_text (page, "Words nobody else should see.");

  started = g_get_monotonic_time ();
  rj_window_set_auto_lock_seconds (window, 1);
  RJ_UI_TEST_WAIT_FOR (!rj_store_is_unlocked (fixture->store));
  g_assert_cmpint (g_get_monotonic_time () - started, >=, G_USEC_PER_SEC / 2);

  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  after = get_notes_text (page);
  g_assert_cmpstr (after, ==, "");
  assert_page_empty (page);

  rj_window_set_auto_lock_seconds (window, 0);
  unlock_again (fixture, window);
  reopened = get_notes_text (page);
  g_assert_cmpstr (reopened, ==, "Words nobody else should see.");

  rj_ui_test_close_window (window, 0);
}

/* Locking closes the dialogs that show the journal, the craving dialog among them. */
static void
test_lock_closes_dialogs (Fixture       *fixture,
                          gconstpointer  data)
{
  RjWindow *window = open_window (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-craving", NULL));
  g_assert_nonnull (rj_ui_test_find_toplevel (RJ_TYPE_CRAVING_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_nonnull (rj_ui_test_find_toplevel (RJ_TYPE_PREFERENCES_WINDOW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  RJ_UI_TEST_WAIT_FOR (rj_ui_test_find_toplevel (RJ_TYPE_CRAVING_DIALOG) == NULL &&
            rj_ui_test_find_toplevel (RJ_TYPE_PREFERENCES_WINDOW) == NULL);

  rj_ui_test_close_window (window, 0);
}

/* Another day: filled in late and stored under its own date; no day after today. */
static void
test_past_day (Fixture       *fixture,
               gconstpointer  data)
{
  RjWindow *window = open_window (fixture);
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  RjDayHeader *header = RJ_DAY_HEADER (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      RJ_TYPE_WINDOW,
                                                                      "day_header"));
  GDate three_days_ago = days_ago (fixture, 3);
  GDate yesterday = days_ago (fixture, 1);
  GDate tomorrow = fixture->today;
  g_autoptr(RjEntry) past = NULL;
  g_autoptr(RjEntry) today = NULL;
  g_autoptr(GError) error = NULL;

  g_date_add_days (&tomorrow, 1);

  /* Alt+Left: the day before; Alt+Right back; not past today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-day", NULL));
  g_assert_cmpint (g_date_compare (rj_checkin_page_get_date (page), &yesterday), ==, 0);
  g_assert_false (rj_checkin_page_get_is_today (page));
  g_assert_cmpint (g_date_compare (rj_day_header_get_date (header), &yesterday), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-day", NULL));
  g_assert_true (rj_checkin_page_get_is_today (page));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-day", NULL);
  g_assert_true (rj_checkin_page_get_is_today (page));

  /* A day in the future shows today. */
  g_assert_false (rj_checkin_page_set_date (page, &tomorrow));
  g_assert_true (rj_checkin_page_get_is_today (page));
  rj_day_header_choose_day (header, &tomorrow);
  g_assert_true (rj_checkin_page_get_is_today (page));

  /* Three days ago, picked in the calendar, filled in late. */
  rj_day_header_choose_day (header, &three_days_ago);
  g_assert_cmpint (g_date_compare (rj_checkin_page_get_date (page), &three_days_ago), ==, 0);
  g_object_set (page_child (page, "mood_row"), "value", 4, NULL);
  rj_note_list_add (page_child (page, "wins_list"), "Filled this in late, and that is fine",
                    FALSE);
  g_assert_true (rj_checkin_page_flush (page, &error));
  g_assert_no_error (error);

  past = rj_store_dup_entry (fixture->store, &three_days_ago);
  g_assert_nonnull (past);
  g_assert_cmpint (past->mood, ==, 4);
  g_assert_cmpuint (past->wins->len, ==, 1);
  today = rj_store_dup_entry (fixture->store, &fixture->today);
  g_assert_null (today);

  /* The calendar marks the day that now has an entry. */
  rj_day_header_popup (header);
  g_assert_true (rj_day_header_is_day_marked (header, g_date_get_day (&three_days_ago)));
  rj_day_header_popdown (header);

  /* Ctrl+T: back to today, which is empty. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.today", NULL));
  g_assert_true (rj_checkin_page_get_is_today (page));
  g_assert_cmpint (rj_scale_row_get_value (page_child (page, "mood_row")), ==, RJ_NOT_LOGGED);

  rj_ui_test_close_window (window, 0);
}

/* A craving deleted by mistake comes back with Undo. */
static void
test_delete_craving_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  RjWindow *window = open_window (fixture);
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  g_autoptr(RjCraving) first = rj_craving_new ();
  g_autoptr(RjCraving) second = rj_craving_new ();
  g_autoptr(RjEntry) stored = NULL;
  g_autoptr(RjEntry) restored = NULL;

  first->intensity = 6;
  first->time_minutes = 9 * 60;
  second->intensity = 3;
  second->time_minutes = 21 * 60;
  rj_craving_add_skill (second, "breathing", RJ_HELPED_YES);
  second->outcome = RJ_OUTCOME_RODE_IT_OUT;
  rj_checkin_page_save_craving (page, first);
  rj_checkin_page_save_craving (page, second);
  g_assert_cmpuint (count_craving_rows (page), ==, 2);

  /* Saving again with the same id changes it in place. */
  second->intensity = 4;
  rj_checkin_page_save_craving (page, second);
  g_assert_cmpuint (count_craving_rows (page), ==, 2);

  rj_checkin_page_delete_craving (page, first->id);
  g_assert_cmpuint (count_craving_rows (page), ==, 1);
  RJ_UI_TEST_WAIT_FOR (is_saved (page));
  stored = rj_store_dup_entry (fixture->store, &fixture->today);
  g_assert_cmpuint (stored->cravings->len, ==, 1);
  g_assert_cmpint (((RjCraving *) stored->cravings->pdata[0])->intensity, ==, 4);

  g_assert_true (rj_checkin_page_undo_delete_craving (page));
  g_assert_false (rj_checkin_page_undo_delete_craving (page));
  g_assert_cmpuint (count_craving_rows (page), ==, 2);
  RJ_UI_TEST_WAIT_FOR (is_saved (page));
  restored = rj_store_dup_entry (fixture->store, &fixture->today);
  g_assert_cmpuint (restored->cravings->len, ==, 2);
  g_assert_cmpstr (((RjCraving *) restored->cravings->pdata[0])->id, ==, first->id);

  rj_ui_test_close_window (window, 0);
}

/* Start ten days ago, a lapse three days ago: 3 days since last use, and of the 11 days
 * from the start to today, 10 without use. A lapse never wipes the total. */
static void
test_sober_days (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RjProfile) profile = NULL;
  RjWindow *window;
  RjCheckinPage *page;
  RjRecoveryGlance *glance;
  GDate three_days_ago = days_ago (fixture, 3);
  g_autoptr(GError) error = NULL;
  guint n_substances;
  GListModel *substances;

  /* Without a start date, nothing is counted. */
  window = open_window (fixture);
  page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  glance = page_child (page, "glance");
  g_assert_cmpint (rj_recovery_glance_get_days_since_last_use (glance), ==, -1);
  g_assert_cmpint (rj_recovery_glance_get_sober_days_total (glance), ==, -1);
  rj_ui_test_close_window (window, 0);

  g_assert_true (rj_store_unlock (fixture->store, PASSPHRASE, strlen (PASSPHRASE), NULL));
  profile = rj_store_dup_profile (fixture->store);
  profile->sober_start = days_ago (fixture, 10);
  g_assert_true (rj_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  window = open_window (fixture);
  page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  glance = page_child (page, "glance");
  g_assert_cmpint (rj_recovery_glance_get_days_since_last_use (glance), ==, 11);
  g_assert_cmpint (rj_recovery_glance_get_sober_days_total (glance), ==, 11);

  g_assert_true (rj_checkin_page_set_date (page, &three_days_ago));
  adw_expander_row_set_enable_expansion (page_child (page, "use_row"), TRUE);
  RJ_UI_TEST_WAIT_FOR (is_saved (page));

  g_assert_cmpint (rj_recovery_glance_get_days_since_last_use (glance), ==, 3);
  g_assert_cmpint (rj_recovery_glance_get_sober_days_total (glance), ==, 10);
  g_assert_cmpstr (label_text (glance, RJ_TYPE_RECOVERY_GLANCE, "since_number_label"), ==, "3");
  g_assert_cmpstr (label_text (glance, RJ_TYPE_RECOVERY_GLANCE, "since_caption_label"), ==,
                   "days since last use");
  g_assert_cmpstr (label_text (glance, RJ_TYPE_RECOVERY_GLANCE, "total_number_label"), ==, "10");
  g_assert_cmpstr (label_text (glance, RJ_TYPE_RECOVERY_GLANCE, "total_caption_label"), ==,
                   "sober days in total");

  /* Taking the lapse back counts the day again. */
  adw_expander_row_set_enable_expansion (page_child (page, "use_row"), FALSE);
  RJ_UI_TEST_WAIT_FOR (is_saved (page));
  g_assert_cmpint (rj_recovery_glance_get_sober_days_total (glance), ==, 11);

  /* Preferences move the start date and add a substance; the page follows at once. */
  g_clear_pointer (&profile, rj_profile_unref);
  profile = rj_store_dup_profile (fixture->store);
  profile->sober_start = days_ago (fixture, 20);
  substances = adw_combo_row_get_model (page_child (page, "substance_row"));
  n_substances = g_list_model_get_n_items (substances);
  rj_profile_add_item (profile, RJ_LIST_SUBSTANCES, "Sleeping pills");
  g_assert_true (rj_store_save_profile (fixture->store, profile, &error));
  rj_checkin_page_reload_profile (page);
  g_assert_cmpint (rj_recovery_glance_get_sober_days_total (glance), ==, 21);
  substances = adw_combo_row_get_model (page_child (page, "substance_row"));
  g_assert_cmpuint (g_list_model_get_n_items (substances), ==, n_substances + 1);

  rj_ui_test_close_window (window, 0);
}

/* A window handed a journal that is already open, as --demo does, shows today. */
static void
test_opens_open_journal (Fixture       *fixture,
                         gconstpointer  data)
{
  RjWindow *window;

  g_assert_true (rj_store_is_unlocked (fixture->store));
  window = g_object_ref (rj_window_new (NULL, fixture->context));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");

  /* gtk_window_close() does nothing to a window that was never shown. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (rj_checkin_page_get_is_today (
    RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"))));

  rj_ui_test_close_window (window, 0);
  g_assert_false (rj_store_is_unlocked (fixture->store));
}

/* Once the journal is open, Need Help Now lists the client's own people too. */
static void
test_help_now_contacts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (fixture->store);
  g_autoptr(GError) error = NULL;
  RjWindow *window;
  GtkWidget *dialog;

  rj_profile_add_contact (profile, "Sam (sponsor)", "555-0100");
  g_assert_true (rj_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  window = open_window (fixture);
  dialog = g_object_ref (rj_help_now_dialog_new (GTK_WINDOW (window)));
  g_assert_cmpuint (rj_help_now_dialog_get_n_contacts (RJ_HELP_NOW_DIALOG (dialog)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Locking leaves the crisis lines open, but takes the client's people off. */
  dialog = g_object_ref (rj_help_now_dialog_new (GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (rj_help_now_dialog_get_n_contacts (RJ_HELP_NOW_DIALOG (dialog)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpuint (rj_help_now_dialog_get_n_contacts (RJ_HELP_NOW_DIALOG (dialog)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* Locked, the dialog knows only the crisis lines. */
  dialog = g_object_ref (rj_help_now_dialog_new (GTK_WINDOW (window)));
  g_assert_cmpuint (rj_help_now_dialog_get_n_contacts (RJ_HELP_NOW_DIALOG (dialog)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  rj_ui_test_close_window (window, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/checkin/instantiate", Fixture, NULL,
              fixture_set_up, test_instantiate, fixture_tear_down);
  g_test_add ("/ui/checkin/widgets", Fixture, NULL,
              fixture_set_up, test_widgets, fixture_tear_down);
  g_test_add ("/ui/checkin/edit-lock-unlock", Fixture, NULL,
              fixture_set_up, test_edit_lock_unlock, fixture_tear_down);
  g_test_add ("/ui/checkin/lock-saves-pending", Fixture, NULL,
              fixture_set_up, test_lock_saves_pending, fixture_tear_down);
  g_test_add ("/ui/checkin/lock-saves-open-craving", Fixture, NULL,
              fixture_set_up, test_lock_saves_open_craving, fixture_tear_down);
  g_test_add ("/ui/checkin/auto-lock", Fixture, NULL,
              fixture_set_up, test_auto_lock, fixture_tear_down);
  g_test_add ("/ui/checkin/lock-closes-dialogs", Fixture, NULL,
              fixture_set_up, test_lock_closes_dialogs, fixture_tear_down);
  g_test_add ("/ui/checkin/past-day", Fixture, NULL,
              fixture_set_up, test_past_day, fixture_tear_down);
  g_test_add ("/ui/checkin/delete-craving-undo", Fixture, NULL,
              fixture_set_up, test_delete_craving_undo, fixture_tear_down);
  g_test_add ("/ui/checkin/sober-days", Fixture, NULL,
              fixture_set_up, test_sober_days, fixture_tear_down);
  g_test_add ("/ui/checkin/opens-open-journal", Fixture, NULL,
              fixture_set_up, test_opens_open_journal, fixture_tear_down);
  g_test_add ("/ui/checkin/help-now-contacts", Fixture, NULL,
              fixture_set_up, test_help_now_contacts, fixture_tear_down);

  return g_test_run ();
}
