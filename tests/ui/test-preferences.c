/* test-preferences.c: the preferences window, its rows and the new recovery code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-contact-row.h"
#include "rj-context.h"
#include "rj-list-editor.h"
#include "rj-list-item-row.h"
#include "rj-new-code-dialog.h"
#include "rj-preferences-window.h"
#include "rj-session-slot-row.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "a calm evening by the lake"
#define NEW_PASSPHRASE "seven small steps every single day"

/* Long enough for every write and every callback that is under way to finish. */
#define SETTLE_USEC (G_USEC_PER_SEC / 20)

typedef struct
{
  char *dir;
  char *path;
  char *code;
  RjContext *context;
  RjStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->context = rj_ui_test_context_new ("rj-test-preferences-XXXXXX", &fixture->dir,
                                             &fixture->path);
  fixture->store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, &fixture->code);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rj_store_flush (fixture->store);
  rj_ui_test_settle (SETTLE_USEC);
  g_assert_finalize_object (fixture->context);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->code);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static RjPreferencesWindow *
open_window (Fixture *fixture)
{
  RjPreferencesWindow *window;

  window = g_object_ref (RJ_PREFERENCES_WINDOW (rj_preferences_window_new (fixture->context)));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gpointer
window_child (RjPreferencesWindow *window,
              const char          *name)
{
  return rj_ui_test_template_child (window, RJ_TYPE_PREFERENCES_WINDOW, name);
}

static RjListItemRow *
find_item_row (RjPreferencesWindow *window,
               const char          *editor,
               const char          *item_id)
{
  RjListItemRow *row = rj_list_editor_find_row (window_child (window, editor), item_id);

  g_assert_nonnull (row);
  return row;
}

static guint
count_rows (GtkListBox *list_box,
            GType       type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += g_type_is_a (G_OBJECT_TYPE (child), type);
  return n;
}

/* The last row in the list's order, which is not the order of the child widgets. */
static gpointer
last_row (GtkListBox *list_box)
{
  GtkListBoxRow *last = NULL;
  GtkListBoxRow *next;

  for (guint i = 0; (next = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    last = next;
  g_assert_nonnull (last);
  return last;
}

static const RjListItem *
get_item (const RjProfile *profile,
          RjListKind       kind,
          guint            index)
{
  g_assert_cmpuint (index, <, profile->lists[kind]->len);
  return g_ptr_array_index (profile->lists[kind], index);
}

static void
walk_rows (GtkWidget *widget,
           guint     *n_rows)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      /* Rows are named after their titles. */
      g_assert_true (title != NULL && title[0] != '\0');
      (*n_rows)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_rows (child, n_rows);
}

static RjProfile *
reopen_profile (Fixture    *fixture,
                const char *passphrase)
{
  g_autoptr(RjStore) store = rj_test_open_store (fixture->path, passphrase);
  g_autoptr(GError) error = NULL;
  RjProfile *profile;

  profile = rj_store_dup_profile (store);
  g_assert_true (rj_store_lock (store, &error));
  return profile;
}

static void
test_instantiate (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *pages[] = { "journal", "sessions", "support", "lists", "security" };
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  RjPreferencesWindow *window;
  GtkWidget *widget;
  guint n_rows = 0;

  window = open_window (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      AdwPreferencesWindow *prefs = ADW_PREFERENCES_WINDOW (window);

      adw_preferences_window_set_visible_page_name (prefs, pages[i]);
      g_assert_cmpstr (adw_preferences_window_get_visible_page_name (prefs), ==, pages[i]);
    }
  g_assert_true (rj_preferences_window_get_context (window) == fixture->context);
  g_assert_false (rj_preferences_window_get_busy (window));

  /* A new journal: the built-in lists, no sessions, no contacts. */
  g_assert_cmpuint (count_rows (window_child (window, "session_list"), RJ_TYPE_SESSION_SLOT_ROW),
                    ==, 0);
  g_assert_cmpuint (count_rows (window_child (window, "contact_list"), RJ_TYPE_CONTACT_ROW),
                    ==, 0);
  g_assert_nonnull (find_item_row (window, "skills_editor", "urge-surfing"));

  /* Every row says what it is for. */
  gtk_widget_activate_action (GTK_WIDGET (window), "prefs.add-session", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "prefs.add-contact", NULL);
  walk_rows (GTK_WIDGET (window), &n_rows);
  g_assert_cmpuint (n_rows, >, 30);

  rj_ui_test_close_window (window, SETTLE_USEC);

  for (RjListKind kind = 0; kind < RJ_N_LISTS; kind++)
    {
      widget = g_object_ref_sink (rj_list_editor_new (kind));
      g_assert_cmpint (rj_list_editor_get_kind (RJ_LIST_EDITOR (widget)), ==, kind);
      rj_list_editor_set_profile (RJ_LIST_EDITOR (widget), profile);
      g_assert_nonnull (rj_list_editor_find_row (RJ_LIST_EDITOR (widget),
                                                 get_item (profile, kind, 0)->id));
      rj_list_editor_set_profile (RJ_LIST_EDITOR (widget), NULL);
      g_assert_finalize_object (widget);
    }

  widget = g_object_ref_sink (rj_list_item_row_new (RJ_LIST_TRIGGERS, "people", "People", TRUE));
  g_assert_true (rj_list_item_row_get_hidden (RJ_LIST_ITEM_ROW (widget)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), ==,
                   "Hidden trigger");
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (rj_contact_row_new ("a-contact"));
  g_assert_true (rj_contact_row_is_empty (RJ_CONTACT_ROW (widget)));
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (rj_session_slot_row_new (G_DATE_WEDNESDAY, 19 * 60 + 10));
  g_assert_cmpint (rj_session_slot_row_get_weekday (RJ_SESSION_SLOT_ROW (widget)), ==,
                   G_DATE_WEDNESDAY);
  g_assert_cmpint (rj_session_slot_row_get_start_minutes (RJ_SESSION_SLOT_ROW (widget)), ==,
                   19 * 60 + 10);
  g_assert_finalize_object (widget);

  widget = g_object_ref (rj_new_code_dialog_new (NULL, fixture->code));
  g_assert_cmpstr (rj_new_code_dialog_get_code (RJ_NEW_CODE_DIALOG (widget)), ==, fixture->code);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (widget), "done"));
  gtk_window_destroy (GTK_WINDOW (widget));
  g_assert_finalize_object (widget);
}

static void
profile_changed_cb (RjPreferencesWindow *window,
                    guint               *n_changes)
{
  (*n_changes)++;
}

static void
assert_edited_profile (const RjProfile *profile,
                       const char      *payday_id)
{
  const RjListItem *item;
  const RjContact *contact;
  const RjSessionSlot *slot;

  g_assert_cmpstr (profile->client_name, ==, "J. D.");
  g_assert_true (g_date_valid (&profile->sober_start));
  g_assert_cmpint (g_date_get_year (&profile->sober_start), ==, 2026);
  g_assert_cmpint (g_date_get_month (&profile->sober_start), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&profile->sober_start), ==, 3);

  /* A trigger of the client's own, at the end, with an id of its own. */
  item = g_ptr_array_index (profile->lists[RJ_LIST_TRIGGERS],
                            profile->lists[RJ_LIST_TRIGGERS]->len - 1);
  g_assert_cmpstr (item->id, ==, payday_id);
  g_assert_cmpstr (item->name, ==, "Payday");
  g_assert_cmpstr (rj_profile_item_label (profile, RJ_LIST_TRIGGERS, payday_id), ==, "Payday");

  /* A renamed built-in skill keeps its id; a hidden one stays, hidden, with its id. */
  item = rj_profile_find_item (profile, RJ_LIST_SKILLS, "breathing");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->name, ==, "Box breathing");
  g_assert_false (item->hidden);
  item = rj_profile_find_item (profile, RJ_LIST_SKILLS, "distract");
  g_assert_nonnull (item);
  g_assert_true (item->hidden);
  g_assert_cmpstr (rj_profile_item_label (profile, RJ_LIST_SKILLS, "distract"), ==,
                   "Distract myself");
  g_assert_cmpuint (profile->lists[RJ_LIST_SKILLS]->len, ==, 14);

  /* Cannabis moved above alcohol. */
  g_assert_cmpstr (get_item (profile, RJ_LIST_SUBSTANCES, 0)->id, ==, "cannabis");
  g_assert_cmpstr (get_item (profile, RJ_LIST_SUBSTANCES, 1)->id, ==, "alcohol");

  g_assert_cmpuint (profile->contacts->len, ==, 1);
  contact = g_ptr_array_index (profile->contacts, 0);
  g_assert_nonnull (contact->id);
  g_assert_cmpstr (contact->name, ==, "Sam");
  g_assert_cmpstr (contact->phone, ==, "555-0100");
  g_assert_cmpstr (contact->note, ==, "My sponsor, any time");

  g_assert_cmpuint (profile->schedule->len, ==, 2);
  slot = &g_array_index (profile->schedule, RjSessionSlot, 0);
  g_assert_cmpint (slot->weekday, ==, G_DATE_MONDAY);
  g_assert_cmpint (slot->start_minutes, ==, 18 * 60);
  slot = &g_array_index (profile->schedule, RjSessionSlot, 1);
  g_assert_cmpint (slot->weekday, ==, G_DATE_THURSDAY);
  g_assert_cmpint (slot->start_minutes, ==, 9 * 60 + 30);
}

static void
test_edit_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  GSettings *settings = rj_context_get_settings (fixture->context);
  RjPreferencesWindow *window = open_window (fixture);
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(RjProfile) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *payday_id = NULL;
  RjListEditor *triggers = window_child (window, "triggers_editor");
  GtkListBox *session_list = window_child (window, "session_list");
  GtkListBox *contact_list = window_child (window, "contact_list");
  GtkAdjustment *auto_lock = window_child (window, "auto_lock_adjustment");
  RjListItemRow *row;
  RjContactRow *contact_row;
  RjSessionSlotRow *session_row;
  GDate date;
  guint n_changes = 0;

  g_signal_connect (window, "profile-changed", G_CALLBACK (profile_changed_cb), &n_changes);

  /* Add a trigger, as typed into the last row of the list. */
  gtk_editable_set_text (rj_ui_test_template_child (triggers, RJ_TYPE_LIST_EDITOR, "add_row"),
                         "  Payday ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (triggers), "list.add", NULL));
  rj_ui_test_assert_string (rj_ui_test_template_child (triggers, RJ_TYPE_LIST_EDITOR, "add_row"),
                            "text", "");
  g_assert_cmpuint (n_changes, ==, 1);
  profile = rj_store_dup_profile (fixture->store);
  payday_id = g_strdup (get_item (profile, RJ_LIST_TRIGGERS, 7)->id);
  g_clear_pointer (&profile, rj_profile_unref);
  g_assert_nonnull (rj_list_editor_find_row (triggers, payday_id));

  /* The same name again brings nothing new. */
  g_assert_nonnull (rj_list_editor_add_item (triggers, "payday"));
  profile = rj_store_dup_profile (fixture->store);
  g_assert_cmpuint (profile->lists[RJ_LIST_TRIGGERS]->len, ==, 8);
  g_clear_pointer (&profile, rj_profile_unref);

  /* Rename a built-in skill by typing over it; an emptied row keeps the name it had. */
  row = find_item_row (window, "skills_editor", "breathing");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_cmpstr (rj_list_item_row_get_label (row), ==, "Breathing exercise");
  gtk_editable_set_text (GTK_EDITABLE (row), "Box breathing");
  g_assert_cmpstr (rj_list_item_row_get_label (row), ==, "Box breathing");

  /* Hide a skill with its switch. */
  row = find_item_row (window, "skills_editor", "distract");
  gtk_switch_set_active (rj_ui_test_template_child (row, RJ_TYPE_LIST_ITEM_ROW, "shown_switch"),
                         FALSE);
  g_assert_true (rj_list_item_row_get_hidden (row));

  /* Move a substance up; the first one cannot move further. */
  row = find_item_row (window, "substances_editor", "cannabis");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "item.move-up", NULL));
  g_assert_false (gtk_widget_get_sensitive (rj_ui_test_template_child (row, RJ_TYPE_LIST_ITEM_ROW,
                                                                      "up_button")));
  g_assert_true (gtk_widget_get_sensitive (rj_ui_test_template_child (row, RJ_TYPE_LIST_ITEM_ROW,
                                                                     "down_button")));
  g_assert_true (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) == 0);

  /* A contact. Until something is typed into it, it is not kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.add-contact", NULL));
  contact_row = last_row (contact_list);
  g_assert_true (RJ_IS_CONTACT_ROW (contact_row));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (contact_row)));
  profile = rj_store_dup_profile (fixture->store);
  g_assert_cmpuint (profile->contacts->len, ==, 0);
  g_clear_pointer (&profile, rj_profile_unref);
  g_object_set (contact_row,
                "name", "Sam",
                "phone", "555-0100",
                "note", "My sponsor, any time",
                NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (contact_row)), ==, "Sam");

  /* Two sessions: Monday at 18:00, and Thursday at 9:30. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.add-session", NULL));
  session_row = last_row (session_list);
  g_object_set (session_row, "weekday", G_DATE_MONDAY, "start-minutes", 18 * 60, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.add-session", NULL));
  session_row = last_row (session_list);
  g_assert_cmpint (rj_session_slot_row_get_weekday (session_row), ==, G_DATE_TUESDAY);
  g_assert_cmpint (rj_session_slot_row_get_start_minutes (session_row), ==, 18 * 60);
  rj_session_slot_row_set_weekday (session_row, G_DATE_THURSDAY);
  rj_session_slot_row_set_start_minutes (session_row, 9 * 60 + 30);
  g_assert_cmpuint (count_rows (session_list, RJ_TYPE_SESSION_SLOT_ROW), ==, 2);

  /* The name and the sober start date. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_MARCH, 2026);
  g_object_set (window, "client-name", " J. D. ", "sober-start", &date, NULL);
  rj_ui_test_assert_string (window, "client-name", "J. D.");
  g_assert_cmpstr (adw_action_row_get_subtitle (window_child (window, "sober_start_row")), ==,
                   "March 3, 2026");

  /* The lock delay lives in the settings, both ways. */
  gtk_adjustment_set_value (auto_lock, 12);
  g_assert_cmpuint (g_settings_get_uint (settings, "auto-lock-minutes"), ==, 12);
  g_settings_set_uint (settings, "auto-lock-minutes", 30);
  g_assert_cmpfloat (gtk_adjustment_get_value (auto_lock), ==, 30);

  /* Each change reached the store as it was made, and said so. */
  g_assert_cmpuint (n_changes, >=, 10);
  profile = rj_store_dup_profile (fixture->store);
  assert_edited_profile (profile, payday_id);

  rj_ui_test_close_window (window, SETTLE_USEC);

  /* The same, from the file, through a store of its own. */
  g_assert_true (rj_store_lock (fixture->store, &error));
  reopened = reopen_profile (fixture, PASSPHRASE);
  g_assert_true (rj_profile_equal (profile, reopened));
  assert_edited_profile (reopened, payday_id);

  /* The window shows what was saved. */
  g_assert_true (rj_store_unlock (fixture->store, PASSPHRASE, strlen (PASSPHRASE), &error));
  window = open_window (fixture);
  session_list = window_child (window, "session_list");
  contact_list = window_child (window, "contact_list");
  rj_ui_test_assert_string (window_child (window, "name_row"), "text", "J. D.");
  g_assert_cmpuint (count_rows (session_list, RJ_TYPE_SESSION_SLOT_ROW), ==, 2);
  g_assert_cmpuint (count_rows (contact_list, RJ_TYPE_CONTACT_ROW), ==, 1);
  row = find_item_row (window, "skills_editor", "distract");
  g_assert_true (rj_list_item_row_get_hidden (row));
  g_assert_false (gtk_switch_get_active (rj_ui_test_template_child (row, RJ_TYPE_LIST_ITEM_ROW,
                                                                   "shown_switch")));
  rj_ui_test_assert_string (find_item_row (window, "skills_editor", "breathing"), "text",
                          "Box breathing");
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (find_item_row (window,
                                                                                "substances_editor",
                                                                                "cannabis"))),
                   ==, 0);

  /* Shown again, and named back to its own name, which then follows the language. */
  rj_list_item_row_set_hidden (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (find_item_row (window, "skills_editor", "breathing")),
                         "Breathing exercise");
  g_clear_pointer (&profile, rj_profile_unref);
  profile = rj_store_dup_profile (fixture->store);
  g_assert_false (rj_profile_find_item (profile, RJ_LIST_SKILLS, "distract")->hidden);
  g_assert_null (rj_profile_find_item (profile, RJ_LIST_SKILLS, "breathing")->name);
  g_clear_pointer (&profile, rj_profile_unref);

  /* Removing a contact can be undone, with the same id. */
  contact_row = last_row (contact_list);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (contact_row), "contact.remove", NULL));
  profile = rj_store_dup_profile (fixture->store);
  g_assert_cmpuint (profile->contacts->len, ==, 0);
  g_clear_pointer (&profile, rj_profile_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.undo-remove-contact",
                                             NULL));
  profile = rj_store_dup_profile (fixture->store);
  g_assert_cmpuint (profile->contacts->len, ==, 1);
  g_assert_cmpstr (((RjContact *) g_ptr_array_index (profile->contacts, 0))->id, ==,
                   ((RjContact *) g_ptr_array_index (reopened->contacts, 0))->id);
  g_clear_pointer (&profile, rj_profile_unref);

  /* And so can removing a session, in its place. */
  session_row = RJ_SESSION_SLOT_ROW (gtk_list_box_get_row_at_index (session_list, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (session_row), "session.remove", NULL));
  profile = rj_store_dup_profile (fixture->store);
  g_assert_cmpuint (profile->schedule->len, ==, 1);
  g_clear_pointer (&profile, rj_profile_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.undo-remove-session",
                                             NULL));
  profile = rj_store_dup_profile (fixture->store);
  g_assert_cmpuint (profile->schedule->len, ==, 2);
  g_assert_cmpint (g_array_index (profile->schedule, RjSessionSlot, 0).weekday, ==,
                   G_DATE_MONDAY);

  /* No date at all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.clear-sober-start",
                                             NULL));
  g_clear_pointer (&profile, rj_profile_unref);
  profile = rj_store_dup_profile (fixture->store);
  g_assert_false (g_date_valid (&profile->sober_start));
  g_assert_cmpstr (adw_action_row_get_subtitle (window_child (window, "sober_start_row")), ==,
                   "Not set");

  rj_ui_test_close_window (window, SETTLE_USEC);
}

static void
test_change_passphrase (Fixture       *fixture,
                        gconstpointer  data)
{
  RjPreferencesWindow *window = open_window (fixture);
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) read_back = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, G_DATE_NOVEMBER, 2026);
  entry = rj_entry_new (&date);
  entry->mood = 6;
  rj_entry_add_win (entry, "Called my sister", FALSE);
  g_assert_true (rj_store_save_entry (fixture->store, entry, &error));

  /* Two passphrases that differ change nothing. */
  g_object_set (window, "passphrase", NEW_PASSPHRASE, "confirmation", "seven small steps", NULL);
  g_assert_true (gtk_widget_get_visible (window_child (window, "mismatch_label")));
  g_assert_false (gtk_widget_get_sensitive (window_child (window, "change_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "prefs.change-passphrase", NULL);
  g_assert_false (rj_ui_test_get_busy (window));

  g_object_set (window, "confirmation", NEW_PASSPHRASE, NULL);
  g_assert_false (gtk_widget_get_visible (window_child (window, "mismatch_label")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.change-passphrase",
                                             NULL));
  g_assert_true (rj_ui_test_get_busy (window));
  g_assert_true (gtk_widget_get_visible (window_child (window, "spinner")));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (window));
  rj_ui_test_assert_string (window, "message", NULL);
  rj_ui_test_assert_string (window, "passphrase", "");
  rj_ui_test_assert_string (window, "confirmation", "");

  rj_ui_test_close_window (window, SETTLE_USEC);

  g_assert_true (rj_store_lock (fixture->store, &error));
  g_assert_false (rj_store_unlock (fixture->store, PASSPHRASE, strlen (PASSPHRASE), &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (rj_store_unlock (fixture->store, NEW_PASSPHRASE, strlen (NEW_PASSPHRASE),
                                  &error));
  g_assert_no_error (error);

  read_back = rj_store_dup_entry (fixture->store, &date);
  g_assert_nonnull (read_back);
  g_assert_true (rj_entry_equal (entry, read_back));
  g_assert_cmpuint (rj_store_get_n_entries (fixture->store), ==, 1);
}

static void
save_pdf_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_new_code_dialog_save_pdf_finish (RJ_NEW_CODE_DIALOG (object), result,
                                                     &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_new_recovery_code (Fixture       *fixture,
                        gconstpointer  data)
{
  RjPreferencesWindow *window = open_window (fixture);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "code.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *pdf_text = NULL;
  g_autofree char *new_code = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *question;
  GtkWindow *code_dialog;
  gboolean saved = FALSE;
  gsize pdf_length;

  /* Asked first; "Cancel" leaves the old code as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.new-recovery-code",
                                             NULL));
  question = rj_ui_test_find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (question), "new-code"));
  gtk_window_close (question);
  rj_ui_test_settle (SETTLE_USEC);
  g_assert_null (rj_ui_test_find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_NEW_CODE_DIALOG));

  /* Asked again, and yes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.new-recovery-code",
                                             NULL));
  question = rj_ui_test_find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "new-code");
  gtk_window_destroy (question);
  RJ_UI_TEST_WAIT_FOR (rj_ui_test_find_dialog (GTK_WINDOW (window),
                                               RJ_TYPE_NEW_CODE_DIALOG) != NULL);
  code_dialog = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_NEW_CODE_DIALOG);
  new_code = g_strdup (rj_new_code_dialog_get_code (RJ_NEW_CODE_DIALOG (code_dialog)));
  g_assert_cmpuint (strlen (new_code), ==, strlen (fixture->code));
  g_assert_cmpstr (new_code, !=, fixture->code);

  /* Saved as a PDF, the same page as the first code. */
  rj_new_code_dialog_save_pdf_async (RJ_NEW_CODE_DIALOG (code_dialog), pdf, NULL, save_pdf_cb,
                                     &saved);
  RJ_UI_TEST_WAIT_FOR (saved);
  g_assert_true (g_file_get_contents (pdf_path, &pdf_text, &pdf_length, &error));
  g_assert_cmpuint (pdf_length, >, 1000);
  g_assert_true (memcmp (pdf_text, "%PDF", 4) == 0);

  gtk_window_close (code_dialog);
  rj_ui_test_settle (SETTLE_USEC);
  g_assert_null (rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_NEW_CODE_DIALOG));
  rj_ui_test_close_window (window, SETTLE_USEC);

  /* The old code no longer opens the journal; the new one does. */
  g_assert_true (rj_store_lock (fixture->store, &error));
  g_assert_false (rj_store_unlock_with_recovery_code (fixture->store, fixture->code, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  g_assert_true (rj_store_unlock_with_recovery_code (fixture->store, new_code, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_is_unlocked (fixture->store));
}

static void
test_lock_closes (Fixture       *fixture,
                  gconstpointer  data)
{
  RjPreferencesWindow *window = open_window (fixture);
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *question;

  /* Typed a moment before the lock. */
  g_object_set (window, "client-name", "Robin", "passphrase", "half typed", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "prefs.new-recovery-code",
                                             NULL));
  question = rj_ui_test_find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);

  g_assert_true (rj_store_lock (fixture->store, &error));

  /* The window and its question are gone, and nothing typed stays behind. */
  g_assert_null (rj_ui_test_find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (rj_ui_test_find_dialog (NULL, RJ_TYPE_PREFERENCES_WINDOW));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  rj_ui_test_assert_string (window, "passphrase", "");
  rj_ui_test_settle (SETTLE_USEC);
  g_assert_finalize_object (window);

  /* No new code was made, and the name is in the journal. */
  profile = reopen_profile (fixture, PASSPHRASE);
  g_assert_cmpstr (profile->client_name, ==, "Robin");
  g_assert_true (rj_store_unlock_with_recovery_code (fixture->store, fixture->code, &error));
  g_assert_no_error (error);

  /* A window opened on a locked journal goes away by itself. */
  g_assert_true (rj_store_lock (fixture->store, &error));
  window = open_window (fixture);
  rj_ui_test_settle (SETTLE_USEC);
  g_assert_null (rj_ui_test_find_dialog (NULL, RJ_TYPE_PREFERENCES_WINDOW));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The expected words are the English ones, with a 12-hour clock. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/preferences/instantiate", Fixture, NULL,
              fixture_set_up, test_instantiate, fixture_tear_down);
  g_test_add ("/ui/preferences/edit-and-reopen", Fixture, NULL,
              fixture_set_up, test_edit_and_reopen, fixture_tear_down);
  g_test_add ("/ui/preferences/change-passphrase", Fixture, NULL,
              fixture_set_up, test_change_passphrase, fixture_tear_down);
  g_test_add ("/ui/preferences/new-recovery-code", Fixture, NULL,
              fixture_set_up, test_new_recovery_code, fixture_tear_down);
  g_test_add ("/ui/preferences/lock-closes", Fixture, NULL,
              fixture_set_up, test_lock_closes, fixture_tear_down);

  return g_test_run ();
}
