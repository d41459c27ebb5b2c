/* rj-checkin-page.c: the daily check-in, for today or a day before.
 *
 * Everything the day's entry holds, in calm groups on one scrolling page. There is no
 * Save button: each change is stored half a second after it is made (a burst of typing
 * is one write), at once when the client moves to another day, and before the journal
 * locks. A write that fails, say on a full disk, keeps the change in memory, says so
 * in a toast and tries again on the next change or a few seconds later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-checkin-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "rj-checkin-page.h"
#include "rj-after-session-group.h"
#include "rj-craving-dialog.h"
#include "rj-craving-row.h"
#include "rj-day-header.h"
#include "rj-halt-box.h"
#include "rj-homework-group.h"
#include "rj-lapse-review-dialog.h"
#include "rj-note-list.h"
#include "rj-number-row.h"
#include "rj-private-button.h"
#include "rj-recovery-glance.h"
#include "rj-recovery-stats.h"
#include "rj-scale-row.h"
#include "rj-summary.h"
#include "rj-weekly-check-dialog.h"

/* How long after a change it is stored: long enough that a burst of typing is one
 * write, short enough that a crash loses at most a second. */
#define SAVE_DELAY_MS 500
/* How long to wait before trying a failed write again when nothing else changes. */
#define RETRY_DELAY_SECONDS 5
/* How far back open homework is looked for: four weeks covers the sessions a client
 * still works on; older tasks are on the pages printed since. */
#define HOMEWORK_DAYS_BACK 28

enum {
  MEDICATION_NOT_LOGGED,
  MEDICATION_YES,
  MEDICATION_NO,
};

typedef struct {
  RjEntry *entry;
  guint64 serial;
} PendingSave;

/* A task ticked off on the check-in of @shown_on: it stays there, shown as done, for
 * the rest of @ticked_on, so that a mistaken tick can be taken back. */
typedef struct {
  GDate shown_on;
  GDate ticked_on;
  GDate set_on;
  char *id;
} TickedHomework;

struct _RjCheckinPage
{
  AdwBin parent_instance;

  RjContext *context;
  RjProfile *profile;       /* NULL while the journal is locked */
  RjEntry *entry;           /* the day shown; NULL while the journal is locked */
  GDate date;

  /* The widgets are being filled from the entry: their signals are not edits. */
  gboolean loading;

  /* Saving. @dirty: the entry has changes not yet handed to the store. @unsaved: the
   * entries whose last write failed, by Julian day, to write again. @generation
   * changes when the page is cleared, so that late answers about writes asked for
   * before the lock are ignored. */
  gboolean dirty;
  /* A change since the figures at the top were counted could change them: a use
   * switched on or off, a craving added, changed or removed. Other fields cannot, and
   * counting walks the whole journal, so typing does not count again. */
  gboolean stats_stale;
  guint save_source;
  guint retry_source;
  guint n_saving;
  guint64 next_serial;
  guint generation;
  GHashTable *unsaved;
  gboolean error_shown;
  char *status;

  /* The craving deleted last, until its toast has gone or the page is cleared. */
  RjCraving *removed_craving;
  guint removed_index;
  GDate removed_date;
  AdwToast *undo_toast;

  /* Ids of the substances the combo row offers; index 0 is "not chosen". */
  GPtrArray *substance_ids;

  RjCravingDialog *craving_dialog;

  /* The lapse review and the weekly craving check (see loop_review_*). */
  RjLapseReviewDialog *lapse_review_dialog;
  RjWeeklyCheckDialog *weekly_check_dialog;
  AdwActionRow *lapse_review_row;
  AdwActionRow *weekly_check_row;
  GtkButton *weekly_check_button;

  /* Fires just after midnight: "today" becomes "yesterday", and the counts grow. */
  guint midnight_source;

  /* Homework from earlier sessions changed on this page: the entries of the days it
   * was set, by Julian day, until they are handed to the store. */
  GHashTable *homework_edits;
  guint homework_save_source;
  GPtrArray *homework_ticked;   /* of TickedHomework* */

  /* Template widgets */
  GtkScrolledWindow *scrolled_window;
  RjRecoveryGlance *glance;
  RjScaleRow *mood_row;
  RjScaleRow *distress_row;
  RjNumberRow *sleep_row;
  RjHaltBox *halt_box;
  GtkListBox *cravings_list;
  AdwExpanderRow *use_row;
  AdwComboRow *substance_row;
  AdwEntryRow *amount_row;
  RjPrivateButton *amount_private_button;
  AdwEntryRow *what_happened_row;
  RjPrivateButton *what_happened_private_button;
  AdwEntryRow *next_time_row;
  RjPrivateButton *next_time_private_button;
  AdwActionRow *session_row;
  GtkSwitch *session_switch;
  GtkWidget *use_switch;
  AdwComboRow *medication_row;
  RjNumberRow *meetings_row;
  RjNumberRow *calls_row;
  RjNoteList *wins_list;
  RjNoteList *topics_list;
  GtkTextView *notes_view;
  RjPrivateButton *notes_private_button;
  RjAfterSessionGroup *after_session_group;
  RjHomeworkGroup *homework_group;
};

G_DEFINE_FINAL_TYPE (RjCheckinPage, rj_checkin_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DATE,
  PROP_IS_TODAY,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_now (RjCheckinPage *self);
static void loop_review_update (RjCheckinPage *self);
static void fill_session_loop (RjCheckinPage *self);
static void update_after_session_visible (RjCheckinPage *self);
static void save_homework_edits (RjCheckinPage *self);

/* Helpers */

static void
pending_save_free (PendingSave *pending)
{
  g_clear_pointer (&pending->entry, rj_entry_unref);
  g_free (pending);
}

static RjStore *
get_store (RjCheckinPage *self)
{
  return rj_context_get_store (self->context);
}

static gboolean
is_today (const GDate *date)
{
  GDate today;

  rj_get_today (&today);
  return g_date_valid (date) && g_date_compare (date, &today) == 0;
}

static void
set_status (RjCheckinPage *self,
            const char    *status)
{
  if (g_strcmp0 (self->status, status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
update_status (RjCheckinPage *self)
{
  if (self->entry == NULL)
    set_status (self, NULL);
  else if (g_hash_table_size (self->unsaved) > 0)
    set_status (self, _("Not saved yet — trying again"));
  else if (self->dirty || self->n_saving > 0 || g_hash_table_size (self->homework_edits) > 0)
    set_status (self, _("Saving…"));
  else
    set_status (self, _("Saved"));
}

static void
show_toast (RjCheckinPage *self,
            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_debug ("No toast overlay to show “%s”", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static AdwToast *
new_toast (const char *title)
{
  /* Toast titles are markup in libadwaita 1.2, and an error message may hold an
   * ampersand. */
  g_autofree char *markup = g_markup_escape_text (title, -1);

  return adw_toast_new (markup);
}

static void
refresh_stats (RjCheckinPage *self)
{
  RjRecoveryStats stats;
  GDate today;

  if (self->profile == NULL || !rj_store_is_unlocked (get_store (self)))
    {
      rj_recovery_glance_set_stats (self->glance, NULL);
      return;
    }

  rj_get_today (&today);
  rj_recovery_stats_compute (get_store (self), self->profile, &today, &stats);
  rj_recovery_glance_set_stats (self->glance, &stats);
}

static void
update_actions (RjCheckinPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.add-craving",
                                 self->entry != NULL && self->profile != NULL);
}

/* Filling the widgets */

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  gtk_editable_set_text (editable, text != NULL ? text : "");
}

static void
set_note (AdwEntryRow     *row,
          RjPrivateButton *private_button,
          const RjNote    *note)
{
  set_text (GTK_EDITABLE (row), note != NULL ? note->text : NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private_button),
                                note != NULL && note->is_private);
}

static void
set_buffer_text (GtkTextBuffer *buffer,
                 const char    *text)
{
  /* Whatever the buffer showed before must not come back with Ctrl+Z: not another
   * day's notes, and nothing at all after the journal locks. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
}

static void
fill_substances (RjCheckinPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = self->entry != NULL ? self->entry->use.substance_id : NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->substance_ids, 0);
  g_ptr_array_add (self->substance_ids, NULL);
  gtk_string_list_append (names, _("Not chosen"));

  if (self->profile != NULL)
    {
      GPtrArray *items = self->profile->lists[RJ_LIST_SUBSTANCES];

      for (guint i = 0; i < items->len; i++)
        {
          const RjListItem *item = g_ptr_array_index (items, i);
          gboolean is_current = g_strcmp0 (item->id, current) == 0;

          /* A hidden substance still shows on the days that name it. */
          if (item->hidden && !is_current)
            continue;
          if (is_current)
            selected = self->substance_ids->len;
          g_ptr_array_add (self->substance_ids, g_strdup (item->id));
          gtk_string_list_append (names, rj_list_item_get_label (item));
        }

      if (current != NULL && selected == 0)
        {
          selected = self->substance_ids->len;
          g_ptr_array_add (self->substance_ids, g_strdup (current));
          gtk_string_list_append (names,
                                  rj_profile_item_label (self->profile, RJ_LIST_SUBSTANCES,
                                                         current));
        }
    }

  adw_combo_row_set_model (self->substance_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->substance_row, selected);
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
update_day_words (RjCheckinPage *self)
{
  gboolean today = is_today (&self->date);
  gboolean scheduled = FALSE;
  const char *used = today ? _("I used today") : _("I used on this day");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->use_row), used);
  /* libadwaita 1.2 leaves the expander row's switch without a name. */
  if (self->use_switch != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->use_switch),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, used,
                                    -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->session_row),
                                 today ? _("I was at today’s IOP session")
                                       : _("I was at an IOP session on this day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->session_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  today ? _("I was at today’s IOP session")
                                        : _("I was at an IOP session on this day"),
                                  -1);

  if (self->profile != NULL && g_date_valid (&self->date))
    scheduled = rj_profile_has_session_on (self->profile, &self->date);

  if (self->entry != NULL && self->entry->session_attended == RJ_ANSWER_NOT_LOGGED && scheduled)
    adw_action_row_set_subtitle (self->session_row,
                                 _("Your schedule has a session on this day. Change it if "
                                   "that’s not right."));
  else
    adw_action_row_set_subtitle (self->session_row, "");
}

static int
compare_craving_rows (GtkListBoxRow *row_a,
                      GtkListBoxRow *row_b,
                      gpointer       user_data)
{
  const RjCraving *a = rj_craving_row_get_craving (RJ_CRAVING_ROW (row_a));
  const RjCraving *b = rj_craving_row_get_craving (RJ_CRAVING_ROW (row_b));
  guint index_a = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row_a), "rj-index"));
  guint index_b = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row_b), "rj-index"));

  /* In the order of the day; those without a time last, in the order logged. */
  if (a->time_minutes != b->time_minutes)
    {
      if (a->time_minutes == RJ_NOT_LOGGED)
        return 1;
      if (b->time_minutes == RJ_NOT_LOGGED)
        return -1;
      return a->time_minutes < b->time_minutes ? -1 : 1;
    }
  return index_a < index_b ? -1 : index_a > index_b ? 1 : 0;
}

static void
craving_row_edit_cb (RjCheckinPage *self,
                     RjCravingRow  *row)
{
  rj_checkin_page_edit_craving (self, rj_craving_row_get_craving (row)->id);
}

static void
fill_cravings (RjCheckinPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cravings_list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->cravings_list, child);
      else
        break;
    }

  if (self->entry == NULL || self->profile == NULL)
    return;

  for (guint i = 0; i < self->entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (self->entry->cravings, i);
      GtkWidget *row = rj_craving_row_new (craving, self->profile);

      g_object_set_data (G_OBJECT (row), "rj-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "edit", G_CALLBACK (craving_row_edit_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->cravings_list, row);
    }
}

/* Shows self->entry in every widget, or empties them all when there is none. */
static void
fill_widgets (RjCheckinPage *self)
{
  const RjEntry *entry = self->entry;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  RjHalt no_halt = { 0, 0 };
  int medication = MEDICATION_NOT_LOGGED;
  gboolean used = FALSE;
  gboolean session = FALSE;

  self->loading = TRUE;

  rj_scale_row_set_value (self->mood_row, entry != NULL ? entry->mood : RJ_NOT_LOGGED);
  rj_scale_row_set_value (self->distress_row, entry != NULL ? entry->distress : RJ_NOT_LOGGED);
  rj_number_row_set_value (self->sleep_row,
                           entry != NULL && entry->sleep_minutes != RJ_NOT_LOGGED
                             ? entry->sleep_minutes / 60.0 : -1);
  rj_halt_box_set_halt (self->halt_box, entry != NULL ? &entry->halt : &no_halt);

  fill_cravings (self);

  if (entry != NULL)
    used = entry->use.used == RJ_ANSWER_YES;
  adw_expander_row_set_enable_expansion (self->use_row, used);
  adw_expander_row_set_expanded (self->use_row, used);
  fill_substances (self);
  set_note (self->amount_row, self->amount_private_button,
            entry != NULL ? &entry->use.amount : NULL);
  set_note (self->what_happened_row, self->what_happened_private_button,
            entry != NULL ? &entry->use.what_happened : NULL);
  set_note (self->next_time_row, self->next_time_private_button,
            entry != NULL ? &entry->use.next_time : NULL);

  if (entry != NULL && self->profile != NULL)
    session = rj_attended_session (self->profile, entry, &entry->date);
  gtk_switch_set_active (self->session_switch, session);

  if (entry != NULL && entry->medication_taken == RJ_ANSWER_YES)
    medication = MEDICATION_YES;
  else if (entry != NULL && entry->medication_taken == RJ_ANSWER_NO)
    medication = MEDICATION_NO;
  adw_combo_row_set_selected (self->medication_row, medication);

  rj_number_row_set_value (self->meetings_row, entry != NULL ? entry->meetings : -1);
  rj_number_row_set_value (self->calls_row, entry != NULL ? entry->support_calls : -1);

  rj_note_list_set_notes (self->wins_list, entry != NULL ? entry->wins : NULL);
  rj_note_list_set_notes (self->topics_list, entry != NULL ? entry->topics : NULL);

  set_buffer_text (buffer, entry != NULL ? entry->notes.text : NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->notes_private_button),
                                entry != NULL && entry->notes.is_private);

  fill_session_loop (self);

  update_day_words (self);
  loop_review_update (self);

  self->loading = FALSE;
}

/* Reading the widgets */

static void
read_note (AdwEntryRow     *row,
           RjPrivateButton *private_button,
           RjNote          *note)
{
  rj_note_set (note, gtk_editable_get_text (GTK_EDITABLE (row)),
               gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (private_button)));
}

static void
read_notes (RjNoteList *list,
            GPtrArray  *notes)
{
  g_autoptr(GPtrArray) items = rj_note_list_dup_notes (list);

  g_ptr_array_set_size (notes, 0);
  for (guint i = 0; i < items->len; i++)
    {
      RjNote *item = g_ptr_array_index (items, i);

      g_ptr_array_add (notes, rj_note_new (item->text, item->is_private));
    }
}

static int
read_count (RjNumberRow *row)
{
  double value = rj_number_row_get_value (row);

  return value < 0 ? RJ_NOT_LOGGED : (int) lround (value);
}

/* Everything but the cravings, the use switch and the session switch, which change
 * the entry where they are changed: their widgets cannot tell "not logged" apart. */
static void
read_widgets (RjCheckinPage *self)
{
  RjEntry *entry = self->entry;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
  double sleep_hours;
  guint substance;

  entry->mood = rj_scale_row_get_value (self->mood_row);
  entry->distress = rj_scale_row_get_value (self->distress_row);
  sleep_hours = rj_number_row_get_value (self->sleep_row);
  entry->sleep_minutes = sleep_hours < 0 ? RJ_NOT_LOGGED : (int) lround (sleep_hours * 60);
  rj_halt_box_get_halt (self->halt_box, &entry->halt);

  substance = adw_combo_row_get_selected (self->substance_row);
  g_free (entry->use.substance_id);
  entry->use.substance_id = substance < self->substance_ids->len
                              ? g_strdup (g_ptr_array_index (self->substance_ids, substance))
                              : NULL;
  read_note (self->amount_row, self->amount_private_button, &entry->use.amount);
  read_note (self->what_happened_row, self->what_happened_private_button,
             &entry->use.what_happened);
  read_note (self->next_time_row, self->next_time_private_button, &entry->use.next_time);

  switch (adw_combo_row_get_selected (self->medication_row))
    {
    case MEDICATION_YES:
      entry->medication_taken = RJ_ANSWER_YES;
      break;
    case MEDICATION_NO:
      entry->medication_taken = RJ_ANSWER_NO;
      break;
    default:
      entry->medication_taken = RJ_ANSWER_NOT_LOGGED;
    }

  entry->meetings = read_count (self->meetings_row);
  entry->support_calls = read_count (self->calls_row);

  read_notes (self->wins_list, entry->wins);
  read_notes (self->topics_list, entry->topics);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  rj_note_set (&entry->notes, notes,
               gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->notes_private_button)));

  rj_after_session_group_read (self->after_session_group, &entry->after_session);
}

/* Saving */

static gboolean
save_timeout_cb (gpointer user_data)
{
  RjCheckinPage *self = user_data;

  self->save_source = 0;
  save_now (self);

  return G_SOURCE_REMOVE;
}

static void
entry_changed (RjCheckinPage *self)
{
  self->dirty = TRUE;
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  update_status (self);
}

typedef struct {
  RjCheckinPage *page;
  RjEntry *entry;
  guint64 serial;
  guint generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->page);
  g_clear_pointer (&data->entry, rj_entry_unref);
  g_free (data);
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  RjCheckinPage *self = user_data;

  self->retry_source = 0;
  save_now (self);

  return G_SOURCE_REMOVE;
}

static void
remember_unsaved (RjCheckinPage *self,
                  RjEntry       *entry,
                  guint64        serial)
{
  gpointer key = GUINT_TO_POINTER (g_date_get_julian (&entry->date));
  PendingSave *pending = g_hash_table_lookup (self->unsaved, key);

  if (pending != NULL && pending->serial > serial)
    return;

  pending = g_new0 (PendingSave, 1);
  pending->entry = rj_entry_ref (entry);
  pending->serial = serial;
  g_hash_table_replace (self->unsaved, key, pending);
}

static void
forget_unsaved (RjCheckinPage *self,
                const GDate   *date,
                guint64        serial)
{
  gpointer key = GUINT_TO_POINTER (g_date_get_julian (date));
  PendingSave *pending = g_hash_table_lookup (self->unsaved, key);

  if (pending != NULL && pending->serial <= serial)
    g_hash_table_remove (self->unsaved, key);
}

static void
save_error (RjCheckinPage *self,
            const GError  *error)
{
  g_autofree char *title = NULL;

  if (self->retry_source == 0)
    self->retry_source = g_timeout_add_seconds (RETRY_DELAY_SECONDS, retry_timeout_cb, self);

  /* One toast for a run of failures, not one every few seconds. */
  if (self->error_shown)
    return;
  self->error_shown = TRUE;

  /* Translators: %s says why and what to do, as in "The disk is full, so the journal
   * could not be saved. Free some space on the disk." */
  title = g_strdup_printf (_("%s Your change is kept here, and saving will be tried again."),
                           error->message);
  show_toast (self, new_toast (title));
}

static void
save_entry_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveData *data = user_data;
  RjCheckinPage *self = data->page;
  g_autoptr(GError) error = NULL;

  /* A full disk is the client's situation, not the program's fault: the page says so
   * and retries, so the log gets a message, not a warning. */
  if (!rj_store_save_entry_finish (RJ_STORE (object), result, &error))
    g_message ("Could not save the entry of %u: %s", g_date_get_julian (&data->entry->date),
               error->message);

  /* Cleared since: the journal has locked, and the entry has gone from the page. */
  if (data->generation != self->generation)
    {
      save_data_free (data);
      return;
    }

  self->n_saving--;
  if (error == NULL)
    {
      forget_unsaved (self, &data->entry->date, data->serial);
      if (g_hash_table_size (self->unsaved) == 0)
        self->error_shown = FALSE;
    }
  else
    {
      remember_unsaved (self, data->entry, data->serial);
      save_error (self, error);
    }

  update_status (self);
  save_data_free (data);
}

static void
queue_save (RjCheckinPage *self,
            const RjEntry *entry)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->page = g_object_ref (self);
  data->entry = rj_entry_copy (entry);
  data->serial = ++self->next_serial;
  data->generation = self->generation;
  self->n_saving++;

  rj_store_save_entry_async (get_store (self), data->entry, NULL, save_entry_cb, data);
  /* Counted when asked for, since the store applies it in memory at once: a lock that
   * comes before the answer must still see that there is something to back up. */
  rj_context_note_saved (self->context);
}

/* Hands every change to the store now: the day shown, and any day whose last write
 * failed. The store reflects a write as soon as it is asked for, so the figures at
 * the top can be counted again at once. */
static void
save_now (RjCheckinPage *self)
{
  g_autoptr(GPtrArray) retries = NULL;
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);

  if (!rj_store_is_unlocked (get_store (self)))
    return;

  retries = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);
  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PendingSave *pending = value;

      /* The day shown is written below, as it is now. */
      if (self->dirty && self->entry != NULL &&
          g_date_compare (&pending->entry->date, &self->entry->date) == 0)
        continue;
      g_ptr_array_add (retries, rj_entry_ref (pending->entry));
    }
  for (guint i = 0; i < retries->len; i++)
    queue_save (self, g_ptr_array_index (retries, i));
  /* After the retries: an edited session day is newer than its failed write. */
  save_homework_edits (self);

  if (self->dirty && self->entry != NULL)
    {
      self->dirty = FALSE;
      queue_save (self, self->entry);
      if (self->stats_stale)
        {
          self->stats_stale = FALSE;
          refresh_stats (self);
        }
    }

  update_status (self);
}

/* Changing the entry */

static void
field_changed_cb (RjCheckinPage *self)
{
  if (self->loading || self->entry == NULL)
    return;

  read_widgets (self);
  entry_changed (self);
}

static void
use_row_notify_enable_expansion_cb (RjCheckinPage *self)
{
  if (self->loading || self->entry == NULL)
    return;

  self->entry->use.used = adw_expander_row_get_enable_expansion (self->use_row)
                            ? RJ_ANSWER_YES : RJ_ANSWER_NO;
  self->stats_stale = TRUE;
  loop_review_update (self);
  entry_changed (self);
}

static void
session_switch_notify_active_cb (RjCheckinPage *self)
{
  if (self->loading || self->entry == NULL)
    return;

  self->entry->session_attended = gtk_switch_get_active (self->session_switch)
                                    ? RJ_ANSWER_YES : RJ_ANSWER_NO;
  update_day_words (self);
  update_after_session_visible (self);
  entry_changed (self);
}

static int
find_craving (const RjEntry *entry,
              const char    *craving_id)
{
  for (guint i = 0; i < entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (entry->cravings, i);

      if (g_strcmp0 (craving->id, craving_id) == 0)
        return (int) i;
    }
  return -1;
}

/* Returns the entry of @date to change: the one shown, or else a copy from the store
 * that the caller writes with queue_save(). */
static RjEntry *
dup_entry_for_day (RjCheckinPage *self,
                   const GDate   *date)
{
  RjEntry *entry;

  if (self->entry != NULL && g_date_compare (date, &self->date) == 0)
    return rj_entry_ref (self->entry);

  entry = rj_store_dup_entry (get_store (self), date);
  return entry != NULL ? entry : rj_entry_new (date);
}

static void
day_entry_changed (RjCheckinPage *self,
                   RjEntry       *entry)
{
  if (entry == self->entry)
    {
      fill_cravings (self);
      self->dirty = TRUE;
      self->stats_stale = TRUE;
      save_now (self);
    }
  else
    {
      queue_save (self, entry);
      refresh_stats (self);
      update_status (self);
    }
}

static void
save_craving_for_day (RjCheckinPage   *self,
                      const GDate     *date,
                      const RjCraving *craving)
{
  g_autoptr(RjEntry) entry = NULL;
  int index;

  if (!rj_store_is_unlocked (get_store (self)))
    return;

  entry = dup_entry_for_day (self, date);
  index = find_craving (entry, craving->id);
  if (index < 0)
    g_ptr_array_add (entry->cravings, rj_craving_copy (craving));
  else
    {
      g_ptr_array_insert (entry->cravings, index, rj_craving_copy (craving));
      g_ptr_array_remove_index (entry->cravings, index + 1);
    }

  day_entry_changed (self, entry);
}

static void
undo_toast_dismissed_cb (RjCheckinPage *self,
                         AdwToast      *toast)
{
  if (self->undo_toast != toast)
    return;

  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->removed_craving, rj_craving_free);
}

static void
dismiss_undo_toast (RjCheckinPage *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
  g_clear_pointer (&self->removed_craving, rj_craving_free);
}

static void
delete_craving_for_day (RjCheckinPage *self,
                        const GDate   *date,
                        const char    *craving_id)
{
  g_autoptr(RjEntry) entry = NULL;
  AdwToast *toast;
  int index;

  if (!rj_store_is_unlocked (get_store (self)))
    return;

  entry = dup_entry_for_day (self, date);
  index = find_craving (entry, craving_id);
  if (index < 0)
    return;

  /* Only the last deletion can be undone: the toast of the one before goes. */
  dismiss_undo_toast (self);
  self->removed_craving = g_ptr_array_steal_index (entry->cravings, index);
  self->removed_index = (guint) index;
  self->removed_date = *date;

  day_entry_changed (self, entry);

  toast = adw_toast_new (_("Craving removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (rj_checkin_page_undo_delete_craving), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->undo_toast = g_object_ref (toast);
  show_toast (self, toast);
}

/* The craving dialog */

static void
craving_dialog_saved_cb (RjCheckinPage   *self,
                         const RjCraving *craving,
                         RjCravingDialog *dialog)
{
  const GDate *date = g_object_get_data (G_OBJECT (dialog), "rj-date");

  save_craving_for_day (self, date, craving);
}

static void
craving_dialog_deleted_cb (RjCheckinPage   *self,
                           RjCravingDialog *dialog)
{
  const GDate *date = g_object_get_data (G_OBJECT (dialog), "rj-date");
  const char *craving_id = g_object_get_data (G_OBJECT (dialog), "rj-craving-id");

  if (craving_id != NULL)
    delete_craving_for_day (self, date, craving_id);
}

static void
open_craving_dialog (RjCheckinPage   *self,
                     const RjCraving *craving)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RjCravingDialog *dialog;

  if (self->craving_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->craving_dialog));
      return;
    }

  dialog = rj_craving_dialog_new (self->context, craving, &self->date);
  g_object_set_data_full (G_OBJECT (dialog), "rj-date",
                          g_boxed_copy (G_TYPE_DATE, &self->date),
                          (GDestroyNotify) g_date_free);
  if (craving != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "rj-craving-id", g_strdup (craving->id), g_free);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (craving_dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (craving_dialog_deleted_cb), self,
                           G_CONNECT_SWAPPED);

  self->craving_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->craving_dialog);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_craving_dialog (RjCheckinPage *self)
{
  if (self->craving_dialog == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (self->craving_dialog),
                                (gpointer *) &self->craving_dialog);
  gtk_window_destroy (GTK_WINDOW (self->craving_dialog));
  self->craving_dialog = NULL;
}

/* After the session, and homework on the days after it */

static void
ticked_homework_free (TickedHomework *ticked)
{
  g_free (ticked->id);
  g_free (ticked);
}

/* The after-session block belongs to the session switch. Switched off, it hides but
 * keeps what it holds, so that a switch turned off by mistake loses nothing. */
static void
update_after_session_visible (RjCheckinPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->after_session_group),
                          self->entry != NULL && gtk_switch_get_active (self->session_switch));
}

static gboolean
is_ticked_here (RjCheckinPage *self,
                const GDate   *today,
                const GDate   *set_on,
                const char    *id)
{
  for (guint i = 0; i < self->homework_ticked->len; i++)
    {
      const TickedHomework *ticked = g_ptr_array_index (self->homework_ticked, i);

      if (g_date_compare (&ticked->shown_on, &self->date) == 0 &&
          g_date_compare (&ticked->ticked_on, today) == 0 &&
          g_date_compare (&ticked->set_on, set_on) == 0 &&
          g_strcmp0 (ticked->id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
remember_ticked (RjCheckinPage *self,
                 const GDate   *set_on,
                 const char    *id)
{
  TickedHomework *ticked;
  GDate today;

  rj_get_today (&today);
  if (is_ticked_here (self, &today, set_on, id))
    return;

  ticked = g_new0 (TickedHomework, 1);
  ticked->shown_on = self->date;
  ticked->ticked_on = today;
  ticked->set_on = *set_on;
  ticked->id = g_strdup (id);
  g_ptr_array_add (self->homework_ticked, ticked);
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  guint32 day_a = *(const guint32 *) a;
  guint32 day_b = *(const guint32 *) b;

  return day_a < day_b ? -1 : day_a > day_b ? 1 : 0;
}

static void
add_julian_once (GArray  *days,
                 guint32  julian)
{
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, guint32, i) == julian)
      return;
  g_array_append_val (days, julian);
}

/* The open tasks of earlier sessions, and those ticked off on this day's page today,
 * in the order of their session days and, within a day, in the order set. */
static GPtrArray *
dup_homework_due (RjCheckinPage *self)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GArray) days = NULL;
  GPtrArray *tasks;
  GDate today;
  gboolean any_ticked = FALSE;

  rj_get_today (&today);
  open = rj_summary_dup_open_homework (get_store (self), &self->date, HOMEWORK_DAYS_BACK);

  /* What was ticked off on another day, or before today, is not kept any longer. */
  for (guint i = self->homework_ticked->len; i > 0; i--)
    {
      const TickedHomework *ticked = g_ptr_array_index (self->homework_ticked, i - 1);

      if (g_date_compare (&ticked->ticked_on, &today) != 0)
        g_ptr_array_remove_index (self->homework_ticked, i - 1);
      else if (g_date_compare (&ticked->shown_on, &self->date) == 0)
        any_ticked = TRUE;
    }
  if (!any_ticked)
    return g_steal_pointer (&open);

  days = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint i = 0; i < open->len; i++)
    add_julian_once (days, g_date_get_julian (&((RjOpenHomework *) g_ptr_array_index (open, i))->set_on));
  for (guint i = 0; i < self->homework_ticked->len; i++)
    {
      const TickedHomework *ticked = g_ptr_array_index (self->homework_ticked, i);

      if (g_date_compare (&ticked->shown_on, &self->date) == 0)
        add_julian_once (days, g_date_get_julian (&ticked->set_on));
    }
  g_array_sort (days, compare_julian);

  tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_open_homework_free);
  for (guint i = 0; i < days->len; i++)
    {
      g_autoptr(RjEntry) entry = NULL;
      GDate set_on;

      g_date_set_julian (&set_on, g_array_index (days, guint32, i));
      entry = rj_store_dup_entry (get_store (self), &set_on);
      for (guint j = 0; entry != NULL && j < entry->after_session.homework->len; j++)
        {
          const RjHomework *homework = g_ptr_array_index (entry->after_session.homework, j);
          RjOpenHomework *task;

          if (homework->state != RJ_HOMEWORK_OPEN &&
              !is_ticked_here (self, &today, &set_on, homework->id))
            continue;
          task = g_new0 (RjOpenHomework, 1);
          task->set_on = set_on;
          task->homework = rj_homework_copy (homework);
          g_ptr_array_add (tasks, task);
        }
    }
  return tasks;
}

/* Fills the after-session block and the open homework from self->entry. */
static void
fill_session_loop (RjCheckinPage *self)
{
  g_autoptr(GPtrArray) due = NULL;
  GDate today;

  rj_after_session_group_set (self->after_session_group,
                              self->entry != NULL ? &self->entry->after_session : NULL,
                              self->profile);
  update_after_session_visible (self);

  rj_get_today (&today);
  if (self->entry != NULL && rj_store_is_unlocked (get_store (self)))
    due = dup_homework_due (self);
  rj_homework_group_set_tasks (self->homework_group, due, &today);
}

static gboolean
homework_save_timeout_cb (gpointer user_data)
{
  RjCheckinPage *self = user_data;

  self->homework_save_source = 0;
  save_homework_edits (self);
  update_status (self);

  return G_SOURCE_REMOVE;
}

/* Hands the session days changed from this page's open homework to the store. */
static void
save_homework_edits (RjCheckinPage *self)
{
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->homework_save_source, g_source_remove);
  if (!rj_store_is_unlocked (get_store (self)))
    return;

  g_hash_table_iter_init (&iter, self->homework_edits);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      queue_save (self, value);
      g_hash_table_iter_remove (&iter);
    }
}

/* For rj_checkin_page_flush(): the session days changed, to be written at once. */
static void
take_homework_edits (RjCheckinPage *self,
                     GPtrArray     *pending)
{
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->homework_save_source, g_source_remove);
  g_hash_table_iter_init (&iter, self->homework_edits);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (pending, rj_entry_ref (value));
      g_hash_table_iter_remove (&iter);
    }
}

/* A task from an earlier session was ticked off or back on, or the client wrote how it
 * went: the change goes into the entry of the day it was set, its one home. */
static void
homework_group_changed_cb (RjCheckinPage    *self,
                           const GDate      *set_on,
                           const RjHomework *homework,
                           RjHomeworkGroup  *group)
{
  gpointer key;
  RjEntry *entry;
  RjHomework *home;

  if (self->loading || self->entry == NULL || !rj_store_is_unlocked (get_store (self)))
    return;
  /* Only earlier days' tasks are listed; the day shown has its own block. */
  if (g_date_compare (set_on, &self->date) >= 0)
    return;

  key = GUINT_TO_POINTER (g_date_get_julian (set_on));
  entry = g_hash_table_lookup (self->homework_edits, key);
  if (entry == NULL)
    {
      entry = dup_entry_for_day (self, set_on);
      g_hash_table_insert (self->homework_edits, key, entry);
    }

  home = rj_entry_find_homework (entry, homework->id);
  if (home == NULL)
    return;
  home->state = homework->state;
  rj_note_set (&home->how_it_went, homework->how_it_went.text, homework->how_it_went.is_private);
  if (homework->state == RJ_HOMEWORK_DONE)
    remember_ticked (self, set_on, homework->id);

  if (self->homework_save_source == 0)
    self->homework_save_source = g_timeout_add (SAVE_DELAY_MS, homework_save_timeout_cb, self);
  update_status (self);
}

/* The lapse review and the weekly craving check
 *
 * Both dialogs hand every change on at once; the page puts it into the entry of its
 * day and stores it as it stores its own fields. The review shares "what happened" and
 * "next time" with the Use block, so the block is filled again after each change. */

/* The latest weekly check done in the 7 days up to the day shown, that day included. */
static gboolean
loop_review_find_weekly_check (RjCheckinPage *self,
                               GDate         *date_out,
                               RjWeeklyCheck *check_out)
{
  for (guint back = 0; back < 7; back++)
    {
      g_autoptr(RjEntry) entry = NULL;
      GDate day = self->date;

      if (g_date_get_julian (&day) <= back)
        break;
      g_date_subtract_days (&day, back);

      entry = back == 0 ? rj_entry_ref (self->entry) : rj_store_dup_entry (get_store (self), &day);
      if (entry == NULL || rj_weekly_check_is_empty (&entry->weekly))
        continue;

      *date_out = day;
      *check_out = entry->weekly;
      return TRUE;
    }
  return FALSE;
}

static void
loop_review_update (RjCheckinPage *self)
{
  gboolean records_use = self->entry != NULL && rj_entry_records_use (self->entry);
  GDate date;
  RjWeeklyCheck check;

  gtk_widget_set_visible (GTK_WIDGET (self->lapse_review_row), records_use);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.review-lapse", records_use);
  if (records_use && !rj_lapse_review_is_empty (&self->entry->review))
    adw_action_row_set_subtitle (self->lapse_review_row,
                                 _("Written. Open it to read it again or add to it."));
  else
    adw_action_row_set_subtitle (self->lapse_review_row,
                                 _("A few calm questions about what led up to it"));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.weekly-check",
                                 self->entry != NULL);
  if (self->entry != NULL && rj_store_is_unlocked (get_store (self)) &&
      loop_review_find_weekly_check (self, &date, &check))
    {
      g_autofree char *total = rj_weekly_check_dup_total_text (&check);
      g_autofree char *subtitle = NULL;

      if (g_date_compare (&date, &self->date) == 0 && is_today (&date))
        /* Translators: the weekly craving check, with its total: "Done today: 14 of 30" */
        subtitle = g_strdup_printf (_("Done today: %s"), total);
      else if (g_date_compare (&date, &self->date) == 0)
        /* Translators: the weekly craving check, with its total */
        subtitle = g_strdup_printf (_("Done on this day: %s"), total);
      else
        {
          g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date),
                                                             g_date_get_month (&date),
                                                             g_date_get_day (&date), 12, 0, 0);
          g_autofree char *weekday = g_date_time_format (time, "%A");

          /* Translators: the weekly craving check, done on a day of the last week, with
           * its total: "Done on Monday: 14 of 30" */
          subtitle = g_strdup_printf (_("Done on %s: %s"), weekday, total);
        }
      adw_action_row_set_subtitle (self->weekly_check_row, subtitle);
      gtk_button_set_label (self->weekly_check_button, _("_Open"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->weekly_check_button),
                                   _("Open the check again, on the day it was done"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->weekly_check_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open the weekly craving check"), -1);
    }
  else
    {
      adw_action_row_set_subtitle (self->weekly_check_row,
                                   _("Optional: five questions about the past week"));
      gtk_button_set_label (self->weekly_check_button, _("_Start"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->weekly_check_button), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->weekly_check_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Start the weekly craving check"), -1);
    }
}

static void
loop_review_lapse_changed_cb (RjCheckinPage       *self,
                              RjLapseReviewDialog *dialog)
{
  if (self->entry == NULL ||
      g_date_compare (rj_lapse_review_dialog_get_date (dialog), &self->date) != 0)
    return;

  rj_lapse_review_dialog_apply (dialog, self->entry);

  /* The Use block shows the same two notes. */
  self->loading = TRUE;
  set_note (self->what_happened_row, self->what_happened_private_button,
            &self->entry->use.what_happened);
  set_note (self->next_time_row, self->next_time_private_button, &self->entry->use.next_time);
  self->loading = FALSE;

  loop_review_update (self);
  entry_changed (self);
}

static void
loop_review_weekly_changed_cb (RjCheckinPage       *self,
                               RjWeeklyCheckDialog *dialog)
{
  g_autoptr(RjEntry) entry = NULL;

  if (self->entry == NULL || !rj_store_is_unlocked (get_store (self)))
    return;

  entry = dup_entry_for_day (self, rj_weekly_check_dialog_get_date (dialog));
  rj_weekly_check_dialog_get_check (dialog, &entry->weekly);

  if (entry == self->entry)
    entry_changed (self);
  else
    {
      queue_save (self, entry);
      update_status (self);
    }
  loop_review_update (self);
}

static void
loop_review_present (RjCheckinPage *self,
                     GtkWindow     *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

static void
loop_review_close_dialogs (RjCheckinPage *self)
{
  if (self->lapse_review_dialog != NULL)
    {
      GtkWindow *dialog = GTK_WINDOW (self->lapse_review_dialog);

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->lapse_review_dialog);
      self->lapse_review_dialog = NULL;
      gtk_window_destroy (dialog);
    }
  if (self->weekly_check_dialog != NULL)
    {
      GtkWindow *dialog = GTK_WINDOW (self->weekly_check_dialog);

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->weekly_check_dialog);
      self->weekly_check_dialog = NULL;
      gtk_window_destroy (dialog);
    }
}

static void
review_lapse_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rj_checkin_page_open_lapse_review (RJ_CHECKIN_PAGE (widget));
}

static void
weekly_check_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rj_checkin_page_open_weekly_check (RJ_CHECKIN_PAGE (widget));
}

static void
loop_review_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, lapse_review_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, weekly_check_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, weekly_check_button);

  gtk_widget_class_install_action (widget_class, "checkin.review-lapse", NULL,
                                   review_lapse_action);
  gtk_widget_class_install_action (widget_class, "checkin.weekly-check", NULL,
                                   weekly_check_action);
}

/* Midnight */

static void schedule_midnight (RjCheckinPage *self);

static gboolean
midnight_cb (gpointer user_data)
{
  RjCheckinPage *self = user_data;

  self->midnight_source = 0;

  /* The day shown stays: someone writing late at night is not moved away from it. */
  update_day_words (self);
  refresh_stats (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_TODAY]);

  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_midnight (RjCheckinPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  GTimeSpan until;

  g_clear_handle_id (&self->midnight_source, g_source_remove);

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  tomorrow = g_date_time_add_days (today, 1);
  until = g_date_time_difference (tomorrow, now);

  self->midnight_source = g_timeout_add_seconds ((guint) (until / G_TIME_SPAN_SECOND) + 1,
                                                 midnight_cb, self);
}

/* Loading a day */

static void
load_day (RjCheckinPage *self,
          const GDate   *date)
{
  RjEntry *entry;
  gboolean date_changed;
  gboolean was_today = is_today (&self->date);
  GtkAdjustment *vadjustment;

  entry = rj_store_dup_entry (get_store (self), date);
  if (entry == NULL)
    entry = rj_entry_new (date);

  g_clear_pointer (&self->entry, rj_entry_unref);
  self->entry = entry;
  date_changed = !g_date_valid (&self->date) || g_date_compare (&self->date, date) != 0;
  self->date = *date;

  fill_widgets (self);
  refresh_stats (self);
  update_status (self);
  update_actions (self);
  schedule_midnight (self);

  /* Another day starts at its top, with the figures in sight. */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  if (date_changed)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  if (date_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  if (was_today != is_today (&self->date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_TODAY]);
}

/* Actions */

static void
add_craving_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rj_checkin_page_add_craving (RJ_CHECKIN_PAGE (widget));
}

/* GObject */

static void
rj_checkin_page_constructed (GObject *object)
{
  RjCheckinPage *self = (RjCheckinPage *) object;

  G_OBJECT_CLASS (rj_checkin_page_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
}

static void
rj_checkin_page_dispose (GObject *object)
{
  RjCheckinPage *self = (RjCheckinPage *) object;

  close_craving_dialog (self);
  loop_review_close_dialogs (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->midnight_source, g_source_remove);
  g_clear_handle_id (&self->homework_save_source, g_source_remove);

  /* AdwBin keeps its own pointer to the child, which the template is about to drop. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_CHECKIN_PAGE);
  self->use_switch = NULL;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_checkin_page_parent_class)->dispose (object);
}

static void
rj_checkin_page_finalize (GObject *object)
{
  RjCheckinPage *self = (RjCheckinPage *) object;

  g_clear_pointer (&self->entry, rj_entry_unref);
  g_clear_pointer (&self->profile, rj_profile_unref);
  g_clear_pointer (&self->removed_craving, rj_craving_free);
  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->unsaved, g_hash_table_unref);
  g_clear_pointer (&self->substance_ids, g_ptr_array_unref);
  g_clear_pointer (&self->homework_edits, g_hash_table_unref);
  g_clear_pointer (&self->homework_ticked, g_ptr_array_unref);
  g_free (self->status);

  G_OBJECT_CLASS (rj_checkin_page_parent_class)->finalize (object);
}

static void
rj_checkin_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RjCheckinPage *self = RJ_CHECKIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, rj_checkin_page_get_date (self));
      break;

    case PROP_IS_TODAY:
      g_value_set_boolean (value, rj_checkin_page_get_is_today (self));
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_checkin_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RjCheckinPage *self = RJ_CHECKIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        rj_checkin_page_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_checkin_page_class_init (RjCheckinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_checkin_page_constructed;
  object_class->dispose = rj_checkin_page_dispose;
  object_class->finalize = rj_checkin_page_finalize;
  object_class->get_property = rj_checkin_page_get_property;
  object_class->set_property = rj_checkin_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RjCheckinPage:date:
   *
   * The day shown. Setting a day after today shows today.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_TODAY] =
    g_param_spec_boolean ("is-today", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RjCheckinPage:status:
   *
   * A quiet word on saving: "Saving…", "Saved", or that a write is being tried again;
   * %NULL while nothing is shown.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RJ_TYPE_AFTER_SESSION_GROUP);
  g_type_ensure (RJ_TYPE_HALT_BOX);
  g_type_ensure (RJ_TYPE_HOMEWORK_GROUP);
  g_type_ensure (RJ_TYPE_NOTE_LIST);
  g_type_ensure (RJ_TYPE_NUMBER_ROW);
  g_type_ensure (RJ_TYPE_PRIVATE_BUTTON);
  g_type_ensure (RJ_TYPE_RECOVERY_GLANCE);
  g_type_ensure (RJ_TYPE_SCALE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-checkin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, glance);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, mood_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, distress_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, sleep_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, halt_box);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, cravings_list);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, use_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, substance_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, amount_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, amount_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, what_happened_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, what_happened_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, next_time_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, next_time_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, session_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, session_switch);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, medication_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, meetings_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, calls_row);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, wins_list);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, topics_list);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, notes_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, after_session_group);
  gtk_widget_class_bind_template_child (widget_class, RjCheckinPage, homework_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_row_notify_enable_expansion_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_switch_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, homework_group_changed_cb);

  gtk_widget_class_install_action (widget_class, "checkin.add-craving", NULL,
                                   add_craving_action);
  loop_review_class_init (widget_class);
}

static void
rj_checkin_page_init (RjCheckinPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->date, 1);
  g_date_clear (&self->removed_date, 1);
  self->unsaved = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) pending_save_free);
  self->substance_ids = g_ptr_array_new_with_free_func (g_free);
  self->homework_edits = g_hash_table_new_full (NULL, NULL, NULL,
                                                (GDestroyNotify) rj_entry_unref);
  self->homework_ticked = g_ptr_array_new_with_free_func ((GDestroyNotify) ticked_homework_free);

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  self->use_switch = find_switch (GTK_WIDGET (self->use_row));

  placeholder = gtk_label_new (_("No cravings logged on this day."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "list-placeholder");
  gtk_list_box_set_placeholder (self->cravings_list, placeholder);
  gtk_list_box_set_sort_func (self->cravings_list, compare_craving_rows, NULL, NULL);

  update_actions (self);
}

/* Public API */

GtkWidget *
rj_checkin_page_new (RjContext *context)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_CHECKIN_PAGE,
                       "context", context,
                       NULL);
}

/**
 * rj_checkin_page_reload_profile:
 * @self: a #RjCheckinPage
 *
 * Reads the client's lists, schedule and start date again, after preferences changed
 * them, and shows the day with them. The journal must be open.
 */
void
rj_checkin_page_reload_profile (RjCheckinPage *self)
{
  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));
  g_return_if_fail (rj_store_is_unlocked (get_store (self)));

  g_clear_pointer (&self->profile, rj_profile_unref);
  self->profile = rj_store_dup_profile (get_store (self));

  /* Only what the profile decides: names in lists, the schedule, the count. The
   * fields the client may be typing in are left as they are. */
  if (self->entry != NULL)
    {
      self->loading = TRUE;
      fill_substances (self);
      fill_cravings (self);
      gtk_switch_set_active (self->session_switch,
                             rj_attended_session (self->profile, self->entry, &self->date));
      rj_after_session_group_set (self->after_session_group, &self->entry->after_session,
                                  self->profile);
      update_after_session_visible (self);
      update_day_words (self);
      self->loading = FALSE;
    }
  refresh_stats (self);
  update_actions (self);
}

/**
 * rj_checkin_page_load_today:
 * @self: a #RjCheckinPage
 *
 * Reads the client's profile and shows today's entry, for when the journal has just
 * been opened. The journal must be open.
 */
void
rj_checkin_page_load_today (RjCheckinPage *self)
{
  GDate today;

  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));
  g_return_if_fail (rj_store_is_unlocked (get_store (self)));

  save_now (self);
  g_clear_pointer (&self->profile, rj_profile_unref);
  self->profile = rj_store_dup_profile (get_store (self));

  rj_get_today (&today);
  load_day (self, &today);
}

/**
 * rj_checkin_page_get_date:
 * @self: a #RjCheckinPage
 *
 * Returns: (nullable): the day shown, or %NULL while the journal is locked
 */
const GDate *
rj_checkin_page_get_date (RjCheckinPage *self)
{
  g_return_val_if_fail (RJ_IS_CHECKIN_PAGE (self), NULL);

  return self->entry != NULL ? &self->date : NULL;
}

/**
 * rj_checkin_page_set_date:
 * @self: a #RjCheckinPage
 * @date: the day to show
 *
 * Stores what is pending and shows @date. Days after today cannot be written yet: for
 * one of those the page shows today and says why, calmly.
 *
 * Returns: %TRUE if the page shows @date
 */
gboolean
rj_checkin_page_set_date (RjCheckinPage *self,
                          const GDate   *date)
{
  GDate today;

  g_return_val_if_fail (RJ_IS_CHECKIN_PAGE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (self->entry == NULL || !rj_store_is_unlocked (get_store (self)))
    return FALSE;

  rj_get_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      show_toast (self, new_toast (_("Days after today can be filled in when they come. "
                                     "Here is today.")));
      rj_checkin_page_set_date (self, &today);
      return FALSE;
    }

  if (g_date_compare (date, &self->date) == 0)
    return TRUE;

  save_now (self);
  load_day (self, date);
  return TRUE;
}

gboolean
rj_checkin_page_get_is_today (RjCheckinPage *self)
{
  g_return_val_if_fail (RJ_IS_CHECKIN_PAGE (self), FALSE);

  return self->entry != NULL && is_today (&self->date);
}

void
rj_checkin_page_show_today (RjCheckinPage *self)
{
  GDate today;

  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));

  rj_get_today (&today);
  rj_checkin_page_set_date (self, &today);
}

void
rj_checkin_page_show_previous_day (RjCheckinPage *self)
{
  GDate day;

  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));

  if (self->entry == NULL || g_date_get_julian (&self->date) <= 1)
    return;

  day = self->date;
  g_date_subtract_days (&day, 1);
  rj_checkin_page_set_date (self, &day);
}

void
rj_checkin_page_show_next_day (RjCheckinPage *self)
{
  GDate day;

  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));

  if (self->entry == NULL)
    return;

  day = self->date;
  g_date_add_days (&day, 1);
  rj_checkin_page_set_date (self, &day);
}

/**
 * rj_checkin_page_get_status:
 * @self: a #RjCheckinPage
 *
 * Returns: (nullable): see #RjCheckinPage:status
 */
const char *
rj_checkin_page_get_status (RjCheckinPage *self)
{
  g_return_val_if_fail (RJ_IS_CHECKIN_PAGE (self), NULL);

  return self->status;
}

/**
 * rj_checkin_page_flush:
 * @self: a #RjCheckinPage
 * @error: return location for a #GError
 *
 * Stores every pending change before returning, for when the journal is about to lock
 * or the window to close: the day shown and any day whose write failed before; then
 * waits until the store has written everything it was asked to.
 *
 * Returns: %TRUE if everything is stored
 */
gboolean
rj_checkin_page_flush (RjCheckinPage  *self,
                       GError        **error)
{
  RjStore *store;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) first_error = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean has_current;

  g_return_val_if_fail (RJ_IS_CHECKIN_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = get_store (self);

  /* A craving still open in its dialog counts too, unless nothing was put in yet: a
   * lock or a close must not lose what the client was writing. */
  if (self->craving_dialog != NULL)
    {
      g_autoptr(RjCraving) craving = rj_craving_dialog_dup_craving (self->craving_dialog);
      const GDate *date = g_object_get_data (G_OBJECT (self->craving_dialog), "rj-date");

      if (!rj_craving_dialog_get_is_new (self->craving_dialog) || !rj_craving_is_empty (craving))
        save_craving_for_day (self, date, craving);
    }

  /* A number still being typed counts, as if the client had left the field. */
  if (self->entry != NULL)
    {
      rj_number_row_commit (self->sleep_row);
      rj_number_row_commit (self->meetings_row);
      rj_number_row_commit (self->calls_row);
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);

  if (!rj_store_is_unlocked (store))
    return TRUE;

  /* The day shown as it is now, and every other day whose last write failed. */
  has_current = self->dirty && self->entry != NULL;
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);
  g_hash_table_iter_init (&iter, self->unsaved);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RjEntry *entry = ((PendingSave *) value)->entry;

      if (has_current && g_date_compare (&entry->date, &self->entry->date) == 0)
        continue;
      g_ptr_array_add (pending, rj_entry_ref (entry));
    }
  g_hash_table_remove_all (self->unsaved);
  take_homework_edits (self, pending);
  if (has_current)
    g_ptr_array_add (pending, rj_entry_copy (self->entry));
  self->dirty = FALSE;

  /* Synchronous writes: the store writes everything asked for before, then these. */
  for (guint i = 0; i < pending->len; i++)
    {
      RjEntry *entry = g_ptr_array_index (pending, i);
      g_autoptr(GError) local_error = NULL;

      if (!rj_store_save_entry (store, entry, &local_error))
        {
          remember_unsaved (self, entry, ++self->next_serial);
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
        }
      else
        rj_context_note_saved (self->context);
    }

  rj_store_flush (store);
  refresh_stats (self);
  update_status (self);

  if (first_error != NULL)
    {
      /* Kept to be written again a few seconds later, as after a failed save in the
       * background: the journal stays open when a lock could not store everything. */
      if (self->retry_source == 0)
        self->retry_source = g_timeout_add_seconds (RETRY_DELAY_SECONDS, retry_timeout_cb, self);
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * rj_checkin_page_clear:
 * @self: a #RjCheckinPage
 *
 * Takes everything read from the journal off the page, for when it locks: every
 * field, text buffer and list, the day's entry and the client's profile, anything
 * that could be undone, and an open craving dialog. Call rj_checkin_page_flush()
 * first; whatever is still unsaved is dropped.
 */
void
rj_checkin_page_clear (RjCheckinPage *self)
{
  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));

  close_craving_dialog (self);
  loop_review_close_dialogs (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->midnight_source, g_source_remove);

  self->generation++;
  self->n_saving = 0;
  self->dirty = FALSE;
  self->stats_stale = FALSE;
  self->error_shown = FALSE;
  g_hash_table_remove_all (self->unsaved);
  g_clear_handle_id (&self->homework_save_source, g_source_remove);
  g_hash_table_remove_all (self->homework_edits);
  g_ptr_array_set_size (self->homework_ticked, 0);

  dismiss_undo_toast (self);

  g_clear_pointer (&self->entry, rj_entry_unref);
  g_clear_pointer (&self->profile, rj_profile_unref);
  fill_widgets (self);
  rj_recovery_glance_set_stats (self->glance, NULL);

  update_status (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_TODAY]);
}

/**
 * rj_checkin_page_dup_entry:
 * @self: a #RjCheckinPage
 *
 * Returns: (transfer full) (nullable): a copy of the entry as the page holds it, with
 *   edits not yet stored, or %NULL while the journal is locked
 */
RjEntry *
rj_checkin_page_dup_entry (RjCheckinPage *self)
{
  g_return_val_if_fail (RJ_IS_CHECKIN_PAGE (self), NULL);

  return self->entry != NULL ? rj_entry_copy (self->entry) : NULL;
}

/**
 * rj_checkin_page_add_craving:
 * @self: a #RjCheckinPage
 *
 * Opens the dialog to log a new craving on the day shown.
 */
void
rj_checkin_page_add_craving (RjCheckinPage *self)
{
  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));

  if (self->entry == NULL)
    return;

  open_craving_dialog (self, NULL);
}

/**
 * rj_checkin_page_edit_craving:
 * @self: a #RjCheckinPage
 * @craving_id: the id of a craving of the day shown
 *
 * Opens the dialog to change or delete that craving.
 */
void
rj_checkin_page_edit_craving (RjCheckinPage *self,
                              const char    *craving_id)
{
  int index;

  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));
  g_return_if_fail (craving_id != NULL);

  if (self->entry == NULL)
    return;

  index = find_craving (self->entry, craving_id);
  if (index >= 0)
    open_craving_dialog (self, g_ptr_array_index (self->entry->cravings, index));
}

/**
 * rj_checkin_page_save_craving:
 * @self: a #RjCheckinPage
 * @craving: a craving of the day shown, new or changed
 *
 * What the craving dialog's "saved" does: adds @craving to the day shown, or puts it in
 * place of the craving with the same id, and stores the day at once.
 */
void
rj_checkin_page_save_craving (RjCheckinPage   *self,
                              const RjCraving *craving)
{
  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));
  g_return_if_fail (craving != NULL && craving->id != NULL);

  if (self->entry == NULL)
    return;

  save_craving_for_day (self, &self->date, craving);
}

/**
 * rj_checkin_page_delete_craving:
 * @self: a #RjCheckinPage
 * @craving_id: the id of a craving of the day shown
 *
 * What the craving dialog's "deleted" does: takes the craving off the day, stores the
 * day at once, and offers to undo it in a toast.
 */
void
rj_checkin_page_delete_craving (RjCheckinPage *self,
                                const char    *craving_id)
{
  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));
  g_return_if_fail (craving_id != NULL);

  if (self->entry == NULL)
    return;

  delete_craving_for_day (self, &self->date, craving_id);
}

/**
 * rj_checkin_page_undo_delete_craving:
 * @self: a #RjCheckinPage
 *
 * Puts the craving deleted last back where it was, on its own day.
 *
 * Returns: %TRUE if there was one to put back
 */
gboolean
rj_checkin_page_undo_delete_craving (RjCheckinPage *self)
{
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjCraving) craving = NULL;

  g_return_val_if_fail (RJ_IS_CHECKIN_PAGE (self), FALSE);

  if (self->removed_craving == NULL || !rj_store_is_unlocked (get_store (self)))
    return FALSE;

  craving = g_steal_pointer (&self->removed_craving);
  dismiss_undo_toast (self);

  entry = dup_entry_for_day (self, &self->removed_date);
  if (find_craving (entry, craving->id) < 0)
    g_ptr_array_insert (entry->cravings,
                        (int) MIN (self->removed_index, entry->cravings->len),
                        g_steal_pointer (&craving));

  day_entry_changed (self, entry);
  return TRUE;
}

/**
 * rj_checkin_page_open_lapse_review:
 * @self: a #RjCheckinPage
 *
 * Opens the guided look back at the day shown, when it records use. Every change in
 * it is stored as the check-in's own are.
 */
void
rj_checkin_page_open_lapse_review (RjCheckinPage *self)
{
  RjLapseReviewDialog *dialog;

  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));

  if (self->entry == NULL || !rj_entry_records_use (self->entry))
    return;

  if (self->lapse_review_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->lapse_review_dialog));
      return;
    }

  dialog = rj_lapse_review_dialog_new (self->entry);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (loop_review_lapse_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->lapse_review_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->lapse_review_dialog);
  loop_review_present (self, GTK_WINDOW (dialog));
}

/**
 * rj_checkin_page_open_weekly_check:
 * @self: a #RjCheckinPage
 *
 * Opens the weekly craving check: the one done in the 7 days up to the day shown, on
 * the day it was done, or else a new one for the day shown.
 */
void
rj_checkin_page_open_weekly_check (RjCheckinPage *self)
{
  RjWeeklyCheckDialog *dialog;
  RjWeeklyCheck check;
  GDate date;

  g_return_if_fail (RJ_IS_CHECKIN_PAGE (self));

  if (self->entry == NULL || !rj_store_is_unlocked (get_store (self)))
    return;

  if (self->weekly_check_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->weekly_check_dialog));
      return;
    }

  if (!loop_review_find_weekly_check (self, &date, &check))
    {
      date = self->date;
      check = self->entry->weekly;
    }

  dialog = rj_weekly_check_dialog_new (&date, &check);
  g_signal_connect_object (dialog, "changed", G_CALLBACK (loop_review_weekly_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->weekly_check_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->weekly_check_dialog);
  loop_review_present (self, GTK_WINDOW (dialog));
}
