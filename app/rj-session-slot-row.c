/* rj-session-slot-row.c: one weekly session of the client's program.
 *
 * Collapsed, the row reads like a line of a timetable ("Monday", "6:00 PM"); expanded,
 * it offers the day and the start time, in quarter hours. It reports each change
 * through RjSessionSlotRow::changed and asks to go with RjSessionSlotRow::remove.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-session-slot-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-page.h"
#include "rj-session-slot-row.h"

#define MINUTES_PER_DAY (24 * 60)
#define TIME_STEP 15

struct _RjSessionSlotRow
{
  AdwExpanderRow parent_instance;

  GDateWeekday weekday;
  int start_minutes;

  /* The start times the time row offers, in minutes after midnight, in its order. */
  GArray *times;
  GtkStringList *time_labels;

  GtkButton *remove_button;
  AdwComboRow *weekday_row;
  AdwComboRow *time_row;
};

G_DEFINE_FINAL_TYPE (RjSessionSlotRow, rj_session_slot_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_WEEKDAY,
  PROP_START_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where @minutes is among the offered times, after adding it if it is not on the
 * quarter-hour grid (a time set elsewhere is shown as it is, not rounded). */
static guint
time_position (RjSessionSlotRow *self,
               int               minutes)
{
  g_autofree char *label = NULL;
  guint i;

  for (i = 0; i < self->times->len; i++)
    {
      int offered = g_array_index (self->times, int, i);

      if (offered == minutes)
        return i;
      if (offered > minutes)
        break;
    }

  label = rj_session_slot_format_time (minutes);
  g_array_insert_val (self->times, i, minutes);
  gtk_string_list_splice (self->time_labels, i, 0, (const char * const[]) { label, NULL });
  return i;
}

static void
update_header (RjSessionSlotRow *self)
{
  g_autofree char *day = rj_session_slot_format_weekday (self->weekday);
  g_autofree char *time = rj_session_slot_format_time (self->start_minutes);
  g_autofree char *remove_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), day);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), time);

  /* Translators: the first %s is a day of the week, the second a time of day. */
  remove_label = g_strdup_printf (_("Remove the session on %s at %s"), day, time);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static void
weekday_row_notify_selected_cb (RjSessionSlotRow *self)
{
  guint selected = adw_combo_row_get_selected (self->weekday_row);
  GDateWeekday weekday;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  /* The days are offered Monday first, as GDateWeekday counts them. */
  weekday = (GDateWeekday) (selected + G_DATE_MONDAY);
  if (weekday == self->weekday)
    return;

  self->weekday = weekday;
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKDAY]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
time_row_notify_selected_cb (RjSessionSlotRow *self)
{
  guint selected = adw_combo_row_get_selected (self->time_row);
  int minutes;

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->times->len)
    return;

  minutes = g_array_index (self->times, int, selected);
  if (minutes == self->start_minutes)
    return;

  self->start_minutes = minutes;
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_MINUTES]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
rj_session_slot_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_SESSION_SLOT_ROW);

  G_OBJECT_CLASS (rj_session_slot_row_parent_class)->dispose (object);
}

static void
rj_session_slot_row_finalize (GObject *object)
{
  RjSessionSlotRow *self = (RjSessionSlotRow *) object;

  g_clear_pointer (&self->times, g_array_unref);
  g_clear_object (&self->time_labels);

  G_OBJECT_CLASS (rj_session_slot_row_parent_class)->finalize (object);
}

static void
rj_session_slot_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RjSessionSlotRow *self = RJ_SESSION_SLOT_ROW (object);

  switch (prop_id)
    {
    case PROP_WEEKDAY:
      g_value_set_int (value, self->weekday);
      break;

    case PROP_START_MINUTES:
      g_value_set_int (value, self->start_minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_session_slot_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RjSessionSlotRow *self = RJ_SESSION_SLOT_ROW (object);

  switch (prop_id)
    {
    case PROP_WEEKDAY:
      rj_session_slot_row_set_weekday (self, g_value_get_int (value));
      break;

    case PROP_START_MINUTES:
      rj_session_slot_row_set_start_minutes (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_session_slot_row_class_init (RjSessionSlotRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_session_slot_row_dispose;
  object_class->finalize = rj_session_slot_row_finalize;
  object_class->get_property = rj_session_slot_row_get_property;
  object_class->set_property = rj_session_slot_row_set_property;

  /* A GDateWeekday: 1 for Monday to 7 for Sunday. */
  properties[PROP_WEEKDAY] =
    g_param_spec_int ("weekday", NULL, NULL,
                      G_DATE_MONDAY, G_DATE_SUNDAY, G_DATE_MONDAY,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_START_MINUTES] =
    g_param_spec_int ("start-minutes", NULL, NULL,
                      0, MINUTES_PER_DAY - 1, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjSessionSlotRow::changed:
   * @self: the row
   *
   * The day or the start time changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * RjSessionSlotRow::remove:
   * @self: the row
   *
   * The client asked to remove the session.
   */
  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-session-slot-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RjSessionSlotRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RjSessionSlotRow, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, RjSessionSlotRow, time_row);
  gtk_widget_class_bind_template_callback (widget_class, weekday_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_row_notify_selected_cb);

  gtk_widget_class_install_action (widget_class, "session.remove", NULL, remove_action);
}

static void
rj_session_slot_row_init (RjSessionSlotRow *self)
{
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    {
      g_autofree char *name = rj_session_slot_format_weekday (day);
      gtk_string_list_append (days, name);
    }

  self->times = g_array_new (FALSE, FALSE, sizeof (int));
  self->time_labels = gtk_string_list_new (NULL);
  for (int minutes = 0; minutes < MINUTES_PER_DAY; minutes += TIME_STEP)
    {
      g_autofree char *label = rj_session_slot_format_time (minutes);

      g_array_append_val (self->times, minutes);
      gtk_string_list_append (self->time_labels, label);
    }

  /* Before the models, so that selecting their first items changes nothing. */
  self->weekday = G_DATE_MONDAY;
  self->start_minutes = 0;
  adw_combo_row_set_model (self->weekday_row, G_LIST_MODEL (days));
  adw_combo_row_set_model (self->time_row, G_LIST_MODEL (self->time_labels));

  update_header (self);
}

/**
 * rj_session_slot_row_new:
 * @weekday: the day of the session
 * @start_minutes: when it starts, in minutes after midnight
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
rj_session_slot_row_new (GDateWeekday weekday,
                         int          start_minutes)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);
  g_return_val_if_fail (start_minutes >= 0 && start_minutes < MINUTES_PER_DAY, NULL);

  return g_object_new (RJ_TYPE_SESSION_SLOT_ROW,
                       "weekday", weekday,
                       "start-minutes", start_minutes,
                       NULL);
}

GDateWeekday
rj_session_slot_row_get_weekday (RjSessionSlotRow *self)
{
  g_return_val_if_fail (RJ_IS_SESSION_SLOT_ROW (self), G_DATE_BAD_WEEKDAY);

  return self->weekday;
}

/**
 * rj_session_slot_row_set_weekday:
 * @self: a #RjSessionSlotRow
 * @weekday: the day of the session
 *
 * Chooses the day, as the client would; the row reports the change.
 */
void
rj_session_slot_row_set_weekday (RjSessionSlotRow *self,
                                 GDateWeekday      weekday)
{
  g_return_if_fail (RJ_IS_SESSION_SLOT_ROW (self));
  g_return_if_fail (g_date_valid_weekday (weekday));

  adw_combo_row_set_selected (self->weekday_row, weekday - G_DATE_MONDAY);
}

int
rj_session_slot_row_get_start_minutes (RjSessionSlotRow *self)
{
  g_return_val_if_fail (RJ_IS_SESSION_SLOT_ROW (self), 0);

  return self->start_minutes;
}

/**
 * rj_session_slot_row_set_start_minutes:
 * @self: a #RjSessionSlotRow
 * @start_minutes: when the session starts, in minutes after midnight
 *
 * Chooses the start time, as the client would; the row reports the change.
 */
void
rj_session_slot_row_set_start_minutes (RjSessionSlotRow *self,
                                       int               start_minutes)
{
  g_return_if_fail (RJ_IS_SESSION_SLOT_ROW (self));
  g_return_if_fail (start_minutes >= 0 && start_minutes < MINUTES_PER_DAY);

  adw_combo_row_set_selected (self->time_row, time_position (self, start_minutes));
}

/**
 * rj_session_slot_format_time:
 * @start_minutes: minutes after midnight
 *
 * Returns: the time as the client's locale writes it: "6:00 PM" or "18:00"
 */
char *
rj_session_slot_format_time (int start_minutes)
{
  g_return_val_if_fail (start_minutes >= 0 && start_minutes < MINUTES_PER_DAY, NULL);

  /* As every time of day in the app and on the page: the desktop's clock where it
   * says, else the locale's way of writing a time. */
  return rj_page_format_time (start_minutes);
}

/**
 * rj_session_slot_format_weekday:
 * @weekday: a day of the week
 *
 * Returns: the day's full name in the client's language
 */
char *
rj_session_slot_format_weekday (GDateWeekday weekday)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);

  /* 3 January 2000 was a Monday. */
  day = g_date_time_new_local (2000, 1, 2 + weekday, 12, 0, 0);
  return g_date_time_format (day, "%A");
}
