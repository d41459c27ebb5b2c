/* rj-preferences-window.c: the journal's preferences.
 *
 * Six pages: the client's name and sober start date with the auto-lock delay and the
 * daily reminder; the program's weekly sessions; support contacts; the lists of
 * triggers, coping skills and substances; the passphrase and recovery code; and
 * backups: one now, automatic ones into a folder, and restoring one.
 *
 * The window works on its own copy of the journal's profile and hands the store a copy
 * of it after every change, at once: the store applies it in memory before it returns
 * and writes it in the background, so there is never an edit waiting here that a lock
 * or a quit could lose. After each change the window emits
 * RjPreferencesWindow::profile-changed, for views that show the profile.
 *
 * When the journal locks, from the main window or on its own, this window closes with
 * its dialogs, so that nothing of the journal stays on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-backup.h"
#include "rj-contact-row.h"
#include "rj-entry.h"
#include "rj-list-editor.h"
#include "rj-new-code-dialog.h"
#include "rj-preferences-window.h"
#include "rj-reminder-time.h"
#include "rj-session-slot-row.h"
#include "rj-utils.h"

#define DEFAULT_SESSION_MINUTES (18 * 60)

struct _RjPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  RjContext *context;
  RjProfile *profile;
  GCancellable *cancellable;
  char *message;
  gboolean busy;
  gboolean loading;
  gboolean syncing_calendar;
  gboolean backing_up;

  /* The confirmation or the recovery code on top of this window, if one is open. */
  GtkWindow *dialog;

  /* The last contact and session removed, for Undo. */
  RjContact *removed_contact;
  int removed_contact_position;
  RjSessionSlot removed_session;
  int removed_session_position;

  /* The toasts that offer those Undos, while they are up. */
  AdwToast *undo_contact_toast;
  AdwToast *undo_session_toast;

  /* Template widgets */
  AdwEntryRow *name_row;
  AdwActionRow *sober_start_row;
  GtkMenuButton *sober_start_button;
  GtkCalendar *sober_start_calendar;
  GtkAdjustment *auto_lock_adjustment;
  GtkListBox *session_list;
  GtkListBox *contact_list;
  RjListEditor *triggers_editor;
  RjListEditor *skills_editor;
  RjListEditor *substances_editor;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirmation_row;
  GtkLabel *hint_label;
  GtkLabel *mismatch_label;
  GtkLabel *message_label;
  GtkButton *change_button;
  GtkSpinner *spinner;
  GtkLabel *busy_label;
  AdwExpanderRow *automatic_row;
  AdwActionRow *backup_folder_row;
  GtkAdjustment *backup_keep_adjustment;
  GtkSpinner *back_up_spinner;
  AdwActionRow *reminder_time_row;
  GtkSwitch *reminder_switch;
  GtkSpinButton *reminder_hour_spin_button;
  GtkSpinButton *reminder_minute_spin_button;
  GtkAdjustment *reminder_hour_adjustment;
  GtkAdjustment *reminder_minute_adjustment;
  gboolean syncing_reminder_time;
};

G_DEFINE_FINAL_TYPE (RjPreferencesWindow, rj_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CLIENT_NAME,
  PROP_SOBER_START,
  PROP_BUSY,
  PROP_PASSPHRASE,
  PROP_CONFIRMATION,
  PROP_HINT,
  PROP_MESSAGE,
  PROP_BACKING_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROFILE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RjStore *
get_store (RjPreferencesWindow *self)
{
  return rj_context_get_store (self->context);
}

static void
show_toast (RjPreferencesWindow *self,
            const char          *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  /* Toast titles are markup in libadwaita 1.2. */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (markup));
}

/* Saving */

static void
save_profile_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (rj_store_save_profile_finish (RJ_STORE (object), result, &error))
    return;

  /* Cancelled means that the window is gone; it is only ever cancelled in dispose. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  title = g_strdup_printf (_("This change could not be saved: %s"), error->message);
  show_toast (RJ_PREFERENCES_WINDOW (user_data), title);
}

static void
save_profile (RjPreferencesWindow *self)
{
  RjStore *store = get_store (self);

  if (self->loading || self->profile == NULL || !rj_store_is_unlocked (store))
    return;

  /* The store copies the profile before this returns. */
  rj_store_save_profile_async (store, self->profile, self->cancellable, save_profile_cb, self);
  rj_context_note_saved (self->context);
  g_signal_emit (self, signals[PROFILE_CHANGED], 0);
}

/* Journal page */

static void
name_row_changed_cb (RjPreferencesWindow *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

  if (self->profile == NULL)
    return;

  g_strstrip (name);
  if (name[0] == '\0')
    g_clear_pointer (&name, g_free);
  if (g_strcmp0 (self->profile->client_name, name) == 0)
    return;

  rj_wipe_string (self->profile->client_name);
  self->profile->client_name = g_steal_pointer (&name);
  save_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_NAME]);
}

static void
update_sober_start_row (RjPreferencesWindow *self)
{
  const GDate *date = self->profile != NULL ? &self->profile->sober_start : NULL;
  char text[128];

  if (date == NULL || !g_date_valid (date))
    {
      adw_action_row_set_subtitle (self->sober_start_row, _("Not set"));
      return;
    }

  /* TRANSLATORS: a date in strftime() style, such as “March 3, 2026”. %B is the
   * month's name, %-d the day of the month, %Y the year; as in "%-d de %B de %Y". */
  if (g_date_strftime (text, sizeof text, C_("sober start date", "%B %-d, %Y"), date) == 0)
    g_date_strftime (text, sizeof text, "%x", date);
  adw_action_row_set_subtitle (self->sober_start_row, text);
}

static void
set_sober_start (RjPreferencesWindow *self,
                 const GDate         *date)
{
  GDate *current = &self->profile->sober_start;

  if (date != NULL && g_date_valid (date))
    {
      if (g_date_valid (current) && g_date_compare (current, date) == 0)
        return;
      *current = *date;
    }
  else
    {
      if (!g_date_valid (current))
        return;
      g_date_clear (current, 1);
    }

  update_sober_start_row (self);
  save_profile (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOBER_START]);
}

static void
sober_start_popover_show_cb (RjPreferencesWindow *self)
{
  const GDate *date = &self->profile->sober_start;
  g_autoptr(GDateTime) day = NULL;

  /* The calendar opens on the date that is set, or on today. */
  if (g_date_valid (date))
    day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), 12, 0, 0);
  else
    day = g_date_time_new_now_local ();

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->sober_start_calendar, day);
  self->syncing_calendar = FALSE;
}

static void
sober_start_calendar_day_selected_cb (RjPreferencesWindow *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (self->syncing_calendar || self->profile == NULL)
    return;

  day = gtk_calendar_get_date (self->sober_start_calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  set_sober_start (self, &date);
}

static void
clear_sober_start_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);

  set_sober_start (self, NULL);
  gtk_menu_button_popdown (self->sober_start_button);
}

static gboolean
auto_lock_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
auto_lock_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 1, 240));
}

/* Daily reminder */

static void
settings_changed_reminder_time_cb (RjPreferencesWindow *self)
{
  guint minutes = g_settings_get_uint (rj_context_get_settings (self->context), "reminder-time");
  g_autofree char *time = rj_reminder_time_format (minutes);
  g_autofree char *subtitle = NULL;

  self->syncing_reminder_time = TRUE;
  gtk_adjustment_set_value (self->reminder_hour_adjustment, minutes / 60);
  gtk_adjustment_set_value (self->reminder_minute_adjustment, minutes % 60);
  self->syncing_reminder_time = FALSE;

  /* Translators: %s is a time of day, such as "8:00 PM" or "20:00". */
  subtitle = g_strdup_printf (_("Every day at %s"), time);
  adw_action_row_set_subtitle (self->reminder_time_row, subtitle);
}

static void
reminder_adjustment_value_changed_cb (RjPreferencesWindow *self)
{
  guint hour = (guint) gtk_adjustment_get_value (self->reminder_hour_adjustment);
  guint minute = (guint) gtk_adjustment_get_value (self->reminder_minute_adjustment);

  if (self->syncing_reminder_time)
    return;

  g_settings_set_uint (rj_context_get_settings (self->context), "reminder-time",
                       MIN (hour * 60 + minute, RJ_REMINDER_MINUTES_MAX));
}

/* Two digits, as a clock shows them: "20" : "05". */
static gboolean
reminder_spin_button_output_cb (GtkSpinButton *spin_button)
{
  g_autofree char *text =
    g_strdup_printf ("%02d", (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin_button)));

  gtk_editable_set_text (GTK_EDITABLE (spin_button), text);
  return TRUE;
}

/* Sessions page */

static void
sync_schedule (RjPreferencesWindow *self)
{
  GtkListBoxRow *row;

  /* In the list's order, which is not the order of the list box's child widgets. */
  g_array_set_size (self->profile->schedule, 0);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->session_list, i)) != NULL; i++)
    {
      if (RJ_IS_SESSION_SLOT_ROW (row))
        rj_profile_add_session (self->profile,
                                rj_session_slot_row_get_weekday (RJ_SESSION_SLOT_ROW (row)),
                                rj_session_slot_row_get_start_minutes (RJ_SESSION_SLOT_ROW (row)));
    }
  save_profile (self);
}

static void session_row_remove_cb (RjPreferencesWindow *self,
                                   RjSessionSlotRow    *row);

static RjSessionSlotRow *
add_session_row (RjPreferencesWindow *self,
                 GDateWeekday         weekday,
                 int                  start_minutes,
                 int                  position)
{
  GtkWidget *row = rj_session_slot_row_new (weekday, start_minutes);

  g_signal_connect_object (row, "changed", G_CALLBACK (sync_schedule), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (session_row_remove_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_insert (self->session_list, row, position);
  return RJ_SESSION_SLOT_ROW (row);
}

static AdwToast **
get_undo_toast_slot (RjPreferencesWindow *self,
                     const char          *action_name)
{
  if (g_strcmp0 (action_name, "prefs.undo-remove-contact") == 0)
    return &self->undo_contact_toast;
  g_assert (g_strcmp0 (action_name, "prefs.undo-remove-session") == 0);
  return &self->undo_session_toast;
}

static void
undo_toast_dismissed_cb (AdwToast            *toast,
                         RjPreferencesWindow *self)
{
  /* Once the toast is gone there is nothing left to undo with; a toast that a newer
   * removal replaced leaves that newer removal's Undo alone. */
  if (toast == self->undo_contact_toast)
    {
      g_clear_weak_pointer (&self->undo_contact_toast);
      g_clear_pointer (&self->removed_contact, rj_contact_free);
    }
  else if (toast == self->undo_session_toast)
    {
      g_clear_weak_pointer (&self->undo_session_toast);
      self->removed_session_position = -1;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.undo-remove-contact",
                                 self->removed_contact != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.undo-remove-session",
                                 self->removed_session_position >= 0);
}

static void
show_undo_toast (RjPreferencesWindow *self,
                 const char          *title,
                 const char          *action_name)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast **slot = get_undo_toast_slot (self, action_name);
  g_autoptr(AdwToast) previous = *slot != NULL ? g_object_ref (*slot) : NULL;
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action_name);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  g_set_weak_pointer (slot, toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action_name, TRUE);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);

  /* Only the last removal can be undone: the toast for the one before, still up or
   * waiting its turn, would otherwise offer an Undo that brings back this one. */
  if (previous != NULL)
    adw_toast_dismiss (previous);
}

static void
session_row_remove_cb (RjPreferencesWindow *self,
                       RjSessionSlotRow    *row)
{
  g_autofree char *day = rj_session_slot_format_weekday (rj_session_slot_row_get_weekday (row));
  g_autofree char *title = NULL;

  self->removed_session.weekday = rj_session_slot_row_get_weekday (row);
  self->removed_session.start_minutes = rj_session_slot_row_get_start_minutes (row);
  self->removed_session_position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  gtk_list_box_remove (self->session_list, GTK_WIDGET (row));
  sync_schedule (self);

  /* Translators: %s is a day of the week. */
  title = g_strdup_printf (_("Removed the session on %s"), day);
  show_undo_toast (self, title, "prefs.undo-remove-session");
}

static void
add_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);
  GDateWeekday weekday = G_DATE_MONDAY;
  int start_minutes = DEFAULT_SESSION_MINUTES;
  GtkListBoxRow *last = NULL;
  GtkListBoxRow *next;
  RjSessionSlotRow *row;

  for (guint i = 0; (next = gtk_list_box_get_row_at_index (self->session_list, i)) != NULL; i++)
    last = next;

  /* Programs tend to meet at the same time on several days: a new session starts out
   * the day after the last one, at its time. */
  if (RJ_IS_SESSION_SLOT_ROW (last))
    {
      weekday = rj_session_slot_row_get_weekday (RJ_SESSION_SLOT_ROW (last)) % 7 + 1;
      start_minutes = rj_session_slot_row_get_start_minutes (RJ_SESSION_SLOT_ROW (last));
    }

  row = add_session_row (self, weekday, start_minutes, -1);
  sync_schedule (self);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
undo_remove_session_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);

  if (self->removed_session_position < 0)
    return;

  add_session_row (self, self->removed_session.weekday, self->removed_session.start_minutes,
                   self->removed_session_position);
  self->removed_session_position = -1;
  gtk_widget_action_set_enabled (widget, "prefs.undo-remove-session", FALSE);
  sync_schedule (self);
}

/* Support page */

static void
sync_contacts (RjPreferencesWindow *self)
{
  GtkListBoxRow *child;

  /* In the list's order, which is not the order of the list box's child widgets. */
  g_ptr_array_set_size (self->profile->contacts, 0);
  for (guint i = 0; (child = gtk_list_box_get_row_at_index (self->contact_list, i)) != NULL; i++)
    {
      RjContactRow *row;
      RjContact *contact;

      if (!RJ_IS_CONTACT_ROW (child))
        continue;

      /* A contact just added reaches the journal once something is typed into it. */
      row = RJ_CONTACT_ROW (child);
      if (rj_contact_row_is_empty (row))
        continue;

      contact = g_new0 (RjContact, 1);
      contact->id = g_strdup (rj_contact_row_get_contact_id (row));
      contact->name = g_strdup (rj_contact_row_get_name (row));
      contact->phone = g_strdup (rj_contact_row_get_phone (row));
      contact->note = g_strdup (rj_contact_row_get_note (row));
      g_ptr_array_add (self->profile->contacts, contact);
    }
  save_profile (self);
}

static void contact_row_remove_cb (RjPreferencesWindow *self,
                                   RjContactRow        *row);

static RjContactRow *
add_contact_row (RjPreferencesWindow *self,
                 const RjContact     *contact,
                 int                  position)
{
  GtkWidget *row = rj_contact_row_new (contact->id);

  g_object_set (row,
                "name", contact->name,
                "phone", contact->phone,
                "note", contact->note,
                NULL);
  g_signal_connect_object (row, "changed", G_CALLBACK (sync_contacts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (contact_row_remove_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_insert (self->contact_list, row, position);
  return RJ_CONTACT_ROW (row);
}

static void
contact_row_remove_cb (RjPreferencesWindow *self,
                       RjContactRow        *row)
{
  g_autofree char *title = NULL;
  const char *name = rj_contact_row_get_name (row);
  gboolean empty = rj_contact_row_is_empty (row);

  g_clear_pointer (&self->removed_contact, rj_contact_free);
  if (!empty)
    {
      self->removed_contact = g_new0 (RjContact, 1);
      self->removed_contact->id = g_strdup (rj_contact_row_get_contact_id (row));
      self->removed_contact->name = g_strdup (name);
      self->removed_contact->phone = g_strdup (rj_contact_row_get_phone (row));
      self->removed_contact->note = g_strdup (rj_contact_row_get_note (row));
      self->removed_contact_position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

      /* Translators: %s is a support contact's name, such as “Sam” or “My sponsor”. */
      title = name != NULL ? g_strdup_printf (_("Removed %s"), name)
                           : g_strdup (_("Removed the contact"));
    }

  gtk_list_box_remove (self->contact_list, GTK_WIDGET (row));
  sync_contacts (self);

  /* A contact with nothing in it goes without a word. */
  if (!empty)
    show_undo_toast (self, title, "prefs.undo-remove-contact");
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);
  g_autofree char *id = g_uuid_string_random ();
  RjContact contact = { id, NULL, NULL, NULL };

  rj_contact_row_focus_name (add_contact_row (self, &contact, -1));
}

static void
undo_remove_contact_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);

  if (self->removed_contact == NULL)
    return;

  add_contact_row (self, self->removed_contact, self->removed_contact_position);
  g_clear_pointer (&self->removed_contact, rj_contact_free);
  gtk_widget_action_set_enabled (widget, "prefs.undo-remove-contact", FALSE);
  sync_contacts (self);
}

/* Lists page */

static void
list_editor_changed_cb (RjPreferencesWindow *self)
{
  save_profile (self);
}

/* Security page: the passphrase */

static const char *
get_passphrase (RjPreferencesWindow *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
}

static const char *
get_confirmation (RjPreferencesWindow *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->confirmation_row));
}

static void
set_message (RjPreferencesWindow *self,
             const char          *message)
{
  if (rj_message_label_set (self->message_label, &self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
update_passphrase_state (RjPreferencesWindow *self)
{
  gboolean ready = rj_passphrase_rows_update (ADW_ENTRY_ROW (self->passphrase_row),
                                              ADW_ENTRY_ROW (self->confirmation_row),
                                              GTK_WIDGET (self->mismatch_label),
                                              self->busy);

  rj_busy_indicator_set (self->spinner, GTK_WIDGET (self->busy_label), self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.change-passphrase",
                                 ready && !self->busy);
}

static void
set_busy (RjPreferencesWindow *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  update_passphrase_state (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.new-recovery-code", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_passphrase_rows (RjPreferencesWindow *self)
{
  rj_entry_row_clear (ADW_ENTRY_ROW (self->passphrase_row));
  rj_entry_row_clear (ADW_ENTRY_ROW (self->confirmation_row));
}

static void
passphrase_row_changed_cb (RjPreferencesWindow *self)
{
  rj_passphrase_hint_update (self->hint_label, get_passphrase (self));

  set_message (self, NULL);
  update_passphrase_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSPHRASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

static void
confirmation_row_changed_cb (RjPreferencesWindow *self)
{
  set_message (self, NULL);
  update_passphrase_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMATION]);
}

static void
passphrase_row_entry_activated_cb (RjPreferencesWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirmation_row));
}

static void
confirmation_row_entry_activated_cb (RjPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "prefs.change-passphrase", NULL);
}

static void
change_passphrase_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(RjPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rj_store_change_passphrase_finish (RJ_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          set_message (self, error->message);
        }
      return;
    }

  rj_context_note_saved (self->context);
  set_busy (self, FALSE);
  clear_passphrase_rows (self);
  show_toast (self, _("Your new passphrase is saved"));
}

static void
change_passphrase_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);

  if (self->busy || !rj_passphrase_rows_ready (ADW_ENTRY_ROW (self->passphrase_row),
                                                ADW_ENTRY_ROW (self->confirmation_row)))
    return;

  set_message (self, NULL);
  set_busy (self, TRUE);
  rj_store_change_passphrase_async (get_store (self), get_passphrase (self),
                                    rj_context_get_kdf_params (self->context),
                                    self->cancellable, change_passphrase_cb,
                                    g_object_ref (self));
}

/* Security page: a new recovery code */

static void
set_dialog (RjPreferencesWindow *self,
            GtkWidget           *dialog)
{
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
}

static void
confirm_new_code_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              GTask            *task)
{
  g_task_return_boolean (task, g_strcmp0 (response, "new-code") == 0);
  g_object_unref (task);
}

/* Asks before the old code is replaced. Closing the dialog, as a lock does, answers no. */
static void
confirm_new_code_async (RjPreferencesWindow *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GtkWidget *dialog;

  g_task_set_source_tag (task, confirm_new_code_async);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Make a New Recovery Code?"),
                                   _("Your old recovery code will stop working. You will "
                                     "see the new one once, to print or save."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new-code", _("_Make New Code"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new-code",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new-code");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_new_code_response_cb), task);

  set_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
confirm_new_code_finish (RjPreferencesWindow  *self,
                         GAsyncResult         *result,
                         GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == confirm_new_code_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
confirm_new_code_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  char *code;
  GtkWidget *dialog;

  if (!confirm_new_code_finish (self, result, &error) || !rj_store_is_unlocked (get_store (self)))
    return;

  code = rj_store_new_recovery_code (get_store (self), &error);
  if (code == NULL)
    {
      title = g_strdup_printf (_("No new recovery code was made, and the old one still "
                                 "works: %s"),
                               error->message);
      show_toast (self, title);
      return;
    }

  dialog = rj_new_code_dialog_new (GTK_WINDOW (self), code);
  rj_wipe_string (code);
  set_dialog (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_recovery_code_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);

  if (self->busy || self->dialog != NULL)
    return;

  confirm_new_code_async (self, self->cancellable, confirm_new_code_cb, NULL);
}

/* Backups page */

static char *
suggested_backup_name (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%F");

  /* Translators: the file name of a backup; %s is the date, as 2026-03-04. The
   * extension is added after it. */
  return g_strdup_printf (_("Recovery Journal backup %s.%s"), date, RJ_BACKUP_EXTENSION);
}

static void
set_backing_up (RjPreferencesWindow *self,
                gboolean             backing_up)
{
  if (self->backing_up == backing_up)
    return;

  self->backing_up = backing_up;
  gtk_widget_set_visible (GTK_WIDGET (self->back_up_spinner), backing_up);
  gtk_spinner_set_spinning (self->back_up_spinner, backing_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.back-up-now", !backing_up);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKING_UP]);
}

static void
write_backup_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RjPreferencesWindow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  set_backing_up (self, FALSE);
  if (rj_store_write_backup_finish (RJ_STORE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * rj_preferences_window_back_up_async:
 * @self: a #RjPreferencesWindow
 * @file: where to write the backup; replaced if it exists
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the backup is written, or could not be
 * @user_data: data for @callback
 *
 * Writes an encrypted backup of the open journal to @file, in the background. What
 * Back Up Now does with the file chosen, without the toast.
 */
void
rj_preferences_window_back_up_async (RjPreferencesWindow *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  RjStore *store;

  g_return_if_fail (RJ_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rj_preferences_window_back_up_async);

  store = get_store (self);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Backups can only be saved to a folder on this computer or "
                                 "a drive plugged into it"));
      return;
    }
  if (!rj_store_is_unlocked (store))
    {
      g_task_return_new_error (task, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED,
                               _("The journal is locked"));
      return;
    }

  set_backing_up (self, TRUE);
  rj_store_write_backup_async (store, path, cancellable, write_backup_cb, g_steal_pointer (&task));
}

gboolean
rj_preferences_window_back_up_finish (RjPreferencesWindow  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == rj_preferences_window_back_up_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
back_up_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean done = rj_preferences_window_back_up_finish (self, result, &error);

  /* Closed since, as a lock does: nobody is there to read a toast. */
  if (self->context == NULL)
    return;

  if (done)
    {
      show_toast (self, _("Backup saved"));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Translators: %s says why, as in "No space left on device". */
  title = g_strdup_printf (_("The backup could not be saved: %s"), error->message);
  show_toast (self, title);
}

static void
back_up_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             gpointer         user_data)
{
  g_autoptr(RjPreferencesWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && rj_store_is_unlocked (get_store (self)))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      /* A backup is a file the client chose to keep apart: it stays off the list of
       * recently used files, which anyone at the computer can see. */
      rj_forget_recent_file (NULL, file);
      rj_preferences_window_back_up_async (self, file, self->cancellable, back_up_done_cb, NULL);
    }

  g_object_unref (native);
}

static void
back_up_now_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_backup_name ();

  if (self->backing_up)
    return;

  native = gtk_file_chooser_native_new (_("Back Up Your Journal"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _("Recovery Journal backups"));
  gtk_file_filter_add_suffix (filter, RJ_BACKUP_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_signal_connect (native, "response", G_CALLBACK (back_up_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
update_backup_folder_row (RjPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (rj_context_get_settings (self->context),
                                                   "backup-folder");
  g_autofree char *display = NULL;

  if (folder[0] == '\0')
    {
      adw_action_row_set_subtitle (self->backup_folder_row, _("Not chosen yet"));
      return;
    }

  display = g_filename_display_name (folder);
  adw_action_row_set_subtitle (self->backup_folder_row, display);
}

static void
folder_chooser_response_cb (GtkNativeDialog *native,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr(RjPreferencesWindow) self = user_data;
  GSettings *settings = rj_context_get_settings (self->context);
  g_autofree char *folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      rj_forget_recent_file (NULL, file);
      if (path != NULL)
        g_settings_set_string (settings, "backup-folder", path);
      else
        show_toast (self, _("Choose a folder on this computer or on a drive plugged into it"));
    }

  /* Switched on, then no folder chosen: automatic backups stay off, as they were. */
  folder = g_settings_get_string (settings, "backup-folder");
  if (folder[0] == '\0')
    g_settings_set_boolean (settings, "automatic-backups", FALSE);

  g_object_unref (native);
}

static void
choose_backup_folder_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *folder = g_settings_get_string (rj_context_get_settings (self->context),
                                                   "backup-folder");

  native = gtk_file_chooser_native_new (_("Choose a Folder for Backups"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Select"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (folder[0] != '\0')
    {
      g_autoptr(GFile) current = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), current, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (folder_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
settings_changed_backup_cb (RjPreferencesWindow *self,
                            const char          *key)
{
  GSettings *settings = rj_context_get_settings (self->context);
  g_autofree char *folder = g_settings_get_string (settings, "backup-folder");

  update_backup_folder_row (self);

  /* Switched on without a folder: ask for one at once, since nothing can be written
   * without it. */
  if (g_strcmp0 (key, "automatic-backups") == 0
      && g_settings_get_boolean (settings, "automatic-backups") && folder[0] == '\0'
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_activate_action (GTK_WIDGET (self), "prefs.choose-backup-folder", NULL);
}

static gboolean
restore_idle_cb (gpointer user_data)
{
  GtkWidget *window = user_data;

  gtk_widget_activate_action (window, "win.restore-backup", NULL);
  return G_SOURCE_REMOVE;
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  /* The main window locks the journal first, which closes this window: that is done
   * once this action has returned, not from inside it. */
  if (parent != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, restore_idle_cb, g_object_ref (parent),
                     g_object_unref);
}

static gboolean
keep_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
keep_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value), 1, 100));
}

/* Locking */

static void
close_dialog (RjPreferencesWindow *self)
{
  g_autoptr(GtkWindow) dialog = NULL;

  if (self->dialog == NULL)
    return;

  /* Closed rather than destroyed: a question that goes away gets its answer, "no". */
  dialog = g_object_ref (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  gtk_window_close (dialog);
  gtk_window_destroy (dialog);
}

static void
store_notify_unlocked_cb (RjPreferencesWindow *self)
{
  if (rj_store_is_unlocked (get_store (self)))
    return;

  /* Every change reached the store as it was made, and the store wrote them all before
   * it locked: there is nothing left to save, only the screen to clear. */
  clear_passphrase_rows (self);
  close_dialog (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rj_preferences_window_show (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rj_preferences_window_parent_class)->show (widget);

  /* GTK would put the cursor in the first field, all of it selected, where a key
   * pressed by chance would replace the client's name. Tab goes there instead. */
  gtk_window_set_focus (GTK_WINDOW (widget), NULL);
}

/* gtk_window_destroy() unrealizes the window but disposes it only with its last
 * reference, and an open question holds one: the dialogs go here, not in dispose. */
static void
rj_preferences_window_unrealize (GtkWidget *widget)
{
  close_dialog (RJ_PREFERENCES_WINDOW (widget));

  GTK_WIDGET_CLASS (rj_preferences_window_parent_class)->unrealize (widget);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Loading */

static void
load_profile (RjPreferencesWindow *self)
{
  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         self->profile->client_name != NULL ? self->profile->client_name : "");
  update_sober_start_row (self);

  for (guint i = 0; i < self->profile->schedule->len; i++)
    {
      const RjSessionSlot *slot = &g_array_index (self->profile->schedule, RjSessionSlot, i);

      if (g_date_valid_weekday (slot->weekday)
          && slot->start_minutes >= 0 && slot->start_minutes < 24 * 60)
        add_session_row (self, slot->weekday, slot->start_minutes, -1);
    }

  for (guint i = 0; i < self->profile->contacts->len; i++)
    add_contact_row (self, g_ptr_array_index (self->profile->contacts, i), -1);

  rj_list_editor_set_profile (self->triggers_editor, self->profile);
  rj_list_editor_set_profile (self->skills_editor, self->profile);
  rj_list_editor_set_profile (self->substances_editor, self->profile);

  self->loading = FALSE;
}

static void
rj_preferences_window_constructed (GObject *object)
{
  RjPreferencesWindow *self = (RjPreferencesWindow *) object;
  RjStore *store;

  G_OBJECT_CLASS (rj_preferences_window_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
  store = get_store (self);

  g_settings_bind_with_mapping (rj_context_get_settings (self->context), "auto-lock-minutes",
                                self->auto_lock_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                auto_lock_get_mapping, auto_lock_set_mapping, NULL, NULL);

  g_signal_connect_object (store, "notify::unlocked",
                           G_CALLBACK (store_notify_unlocked_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind (rj_context_get_settings (self->context), "automatic-backups",
                   self->automatic_row, "enable-expansion", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (rj_context_get_settings (self->context), "backup-keep",
                                self->backup_keep_adjustment, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                keep_get_mapping, keep_set_mapping, NULL, NULL);
  g_signal_connect_object (rj_context_get_settings (self->context), "changed::backup-folder",
                           G_CALLBACK (settings_changed_backup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rj_context_get_settings (self->context),
                           "changed::automatic-backups",
                           G_CALLBACK (settings_changed_backup_cb), self, G_CONNECT_SWAPPED);
  update_backup_folder_row (self);

  g_settings_bind (rj_context_get_settings (self->context), "reminder-enabled",
                   self->reminder_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (rj_context_get_settings (self->context), "reminder-enabled",
                   self->reminder_time_row, "sensitive", G_SETTINGS_BIND_GET);
  g_signal_connect_object (rj_context_get_settings (self->context), "changed::reminder-time",
                           G_CALLBACK (settings_changed_reminder_time_cb), self,
                           G_CONNECT_SWAPPED);
  settings_changed_reminder_time_cb (self);
  g_signal_connect_object (self->reminder_hour_adjustment, "value-changed",
                           G_CALLBACK (reminder_adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminder_minute_adjustment, "value-changed",
                           G_CALLBACK (reminder_adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->profile = rj_store_dup_profile (store);
  if (self->profile == NULL)
    {
      /* A locked journal has no preferences to show: the window goes as it came. */
      self->profile = rj_profile_new ();
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }

  load_profile (self);
}

static void
rj_preferences_window_dispose (GObject *object)
{
  RjPreferencesWindow *self = (RjPreferencesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  close_dialog (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_PREFERENCES_WINDOW);

  g_clear_weak_pointer (&self->undo_contact_toast);
  g_clear_weak_pointer (&self->undo_session_toast);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_preferences_window_parent_class)->dispose (object);
}

static void
rj_preferences_window_finalize (GObject *object)
{
  RjPreferencesWindow *self = (RjPreferencesWindow *) object;

  g_clear_pointer (&self->profile, rj_profile_unref);
  g_clear_pointer (&self->removed_contact, rj_contact_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (rj_preferences_window_parent_class)->finalize (object);
}

static void
rj_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->profile != NULL ? self->profile->client_name : NULL);
      break;

    case PROP_SOBER_START:
      if (self->profile != NULL && g_date_valid (&self->profile->sober_start))
        g_value_set_boxed (value, &self->profile->sober_start);
      else
        g_value_set_boxed (value, NULL);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_PASSPHRASE:
      g_value_set_string (value, get_passphrase (self));
      break;

    case PROP_CONFIRMATION:
      g_value_set_string (value, get_confirmation (self));
      break;

    case PROP_HINT:
      g_value_set_string (value, gtk_label_get_label (self->hint_label));
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_BACKING_UP:
      g_value_set_boolean (value, self->backing_up);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RjPreferencesWindow *self = RJ_PREFERENCES_WINDOW (object);
  /* Setting a property is the same as typing into its field: the change is saved. */
  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_CLIENT_NAME:
      rj_entry_row_set_text (self->name_row, g_value_get_string (value));
      break;

    case PROP_SOBER_START:
      set_sober_start (self, g_value_get_boxed (value));
      break;

    case PROP_PASSPHRASE:
      rj_entry_row_set_text (ADW_ENTRY_ROW (self->passphrase_row), g_value_get_string (value));
      break;

    case PROP_CONFIRMATION:
      rj_entry_row_set_text (ADW_ENTRY_ROW (self->confirmation_row),
                             g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_preferences_window_class_init (RjPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_preferences_window_constructed;
  object_class->dispose = rj_preferences_window_dispose;
  object_class->finalize = rj_preferences_window_finalize;
  object_class->get_property = rj_preferences_window_get_property;
  object_class->set_property = rj_preferences_window_set_property;

  widget_class->show = rj_preferences_window_show;
  widget_class->unrealize = rj_preferences_window_unrealize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLIENT_NAME] =
    g_param_spec_string ("client-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A GDate, or NULL when no date is set. */
  properties[PROP_SOBER_START] =
    g_param_spec_boxed ("sober-start", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PASSPHRASE] =
    g_param_spec_string ("passphrase", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONFIRMATION] =
    g_param_spec_string ("confirmation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Whether Back Up Now is writing a backup. */
  properties[PROP_BACKING_UP] =
    g_param_spec_boolean ("backing-up", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjPreferencesWindow::profile-changed:
   * @self: the window
   *
   * A change to the profile reached the store: rj_store_dup_profile() returns it from
   * now on. Emitted after each change, so possibly for every key typed.
   */
  signals[PROFILE_CHANGED] =
    g_signal_new ("profile-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (RJ_TYPE_LIST_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, sober_start_row);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, sober_start_button);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, sober_start_calendar);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, auto_lock_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, session_list);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, contact_list);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, triggers_editor);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, skills_editor);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, substances_editor);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, confirmation_row);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, mismatch_label);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, change_button);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, busy_label);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, automatic_row);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow,
                                        backup_keep_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, back_up_spinner);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, reminder_time_row);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow, reminder_switch);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow,
                                        reminder_hour_spin_button);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow,
                                        reminder_minute_spin_button);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow,
                                        reminder_hour_adjustment);
  gtk_widget_class_bind_template_child (widget_class, RjPreferencesWindow,
                                        reminder_minute_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sober_start_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, sober_start_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_editor_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirmation_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirmation_row_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "prefs.clear-sober-start", NULL,
                                   clear_sober_start_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-session", NULL, add_session_action);
  gtk_widget_class_install_action (widget_class, "prefs.undo-remove-session", NULL,
                                   undo_remove_session_action);
  gtk_widget_class_install_action (widget_class, "prefs.add-contact", NULL, add_contact_action);
  gtk_widget_class_install_action (widget_class, "prefs.undo-remove-contact", NULL,
                                   undo_remove_contact_action);
  gtk_widget_class_install_action (widget_class, "prefs.change-passphrase", NULL,
                                   change_passphrase_action);
  gtk_widget_class_install_action (widget_class, "prefs.new-recovery-code", NULL,
                                   new_recovery_code_action);
  gtk_widget_class_install_action (widget_class, "prefs.back-up-now", NULL, back_up_now_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-backup-folder", NULL,
                                   choose_backup_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore-backup", NULL,
                                   restore_backup_action);
}

static void
unlabel_spin_buttons (GtkWidget           *widget,
                      RjPreferencesWindow *self)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    {
      GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (widget));

      if (adjustment == self->auto_lock_adjustment || adjustment == self->backup_keep_adjustment)
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    unlabel_spin_buttons (child, self);
}

static void
rj_preferences_window_init (RjPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->removed_session_position = -1;

  rj_entry_row_keep_secret (ADW_ENTRY_ROW (self->passphrase_row));
  rj_entry_row_keep_secret (ADW_ENTRY_ROW (self->confirmation_row));
  rj_passphrase_hint_update (self->hint_label, NULL);

  g_signal_connect (self->reminder_hour_spin_button, "output",
                    G_CALLBACK (reminder_spin_button_output_cb), NULL);
  g_signal_connect (self->reminder_minute_spin_button, "output",
                    G_CALLBACK (reminder_spin_button_output_cb), NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.undo-remove-session", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.undo-remove-contact", FALSE);
  update_passphrase_state (self);

  /* Names for screen readers where GTK 4.8 would give none or a mangled one. */
  rj_accessible_fix_names (GTK_WIDGET (self));
  /* The spin buttons of auto-lock and of backups kept: their own labels say it all,
   * and their rows' titles would follow them. */
  unlabel_spin_buttons (GTK_WIDGET (self), self);
}

/**
 * rj_preferences_window_new:
 * @context: the journal, unlocked
 *
 * The window closes itself when the journal locks.
 *
 * Returns: (transfer none): a new window, owned by GTK until it is destroyed
 */
GtkWidget *
rj_preferences_window_new (RjContext *context)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}

RjContext *
rj_preferences_window_get_context (RjPreferencesWindow *self)
{
  g_return_val_if_fail (RJ_IS_PREFERENCES_WINDOW (self), NULL);

  return self->context;
}

/**
 * rj_preferences_window_get_busy:
 * @self: a #RjPreferencesWindow
 *
 * Returns: whether a new passphrase is being saved or a backup written; the journal
 *   does not lock itself until that is done
 */
gboolean
rj_preferences_window_get_busy (RjPreferencesWindow *self)
{
  g_return_val_if_fail (RJ_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->busy || self->backing_up;
}
