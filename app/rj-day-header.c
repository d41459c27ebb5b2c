/* rj-day-header.c: which day the check-in shows, and a calendar to pick another.
 *
 * It sits in the window's header bar: the day before, the day shown (a button that
 * opens a calendar where days with an entry are marked), and the day after. The
 * buttons use the window's day actions, which know that days after today cannot be
 * written; a day picked in the calendar is handed on through RjDayHeader::day-chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-day-header"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-day-header.h"

struct _RjDayHeader
{
  GtkWidget parent_instance;

  RjContext *context;
  GDate date;

  /* The month the calendar shows, to tell paging through months from picking a day. */
  int shown_year;
  int shown_month;

  GtkMenuButton *date_button;
  GtkLabel *title_label;
  GtkLabel *short_title_label;
  GtkLabel *subtitle_label;
  GtkPopover *popover;
  GtkCalendar *calendar;
};

G_DEFINE_FINAL_TYPE (RjDayHeader, rj_day_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_SUBTITLE,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DAY_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void calendar_day_selected_cb (RjDayHeader *self);

/**
 * rj_get_today:
 * @today: (out caller-allocates): the local date of today
 */
void
rj_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * rj_format_day:
 * @date: a day
 * @today: today
 *
 * Returns: (transfer full): "Today", "Yesterday", "Monday, 5 May", or with the year
 *   when it is not this year's
 */
char *
rj_format_day (const GDate *date,
               const GDate *today)
{
  g_autoptr(GDateTime) time = NULL;
  int days_ago;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  days_ago = g_date_days_between (date, today);
  if (days_ago == 0)
    return g_strdup (_("Today"));
  if (days_ago == 1)
    return g_strdup (_("Yesterday"));

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  if (g_date_get_year (date) == g_date_get_year (today))
    /* TRANSLATORS: a day of this year, as in "Monday, 5 May"; see g_date_time_format().
     * %A is the weekday's name, %-d the day of the month without a leading zero, %B the
     * month's name; put them in your language's order and add words, as in "%A, %-d de
     * %B". */
    return g_date_time_format (time, _("%A, %-d %B"));

  /* TRANSLATORS: a day of another year, as in "Monday, 5 May 2025". %A is the weekday's
   * name, %-d the day of the month without a leading zero, %B the month's name, %Y the
   * year; as in "%A, %-d de %B de %Y". */
  return g_date_time_format (time, _("%A, %-d %B %Y"));
}

/**
 * rj_format_day_short:
 * @date: a day
 * @today: today
 *
 * Returns: (transfer full): "Today", "Yesterday", "Mon 5 May", or with the year when
 *   it is not this year's, for where there is little room
 */
char *
rj_format_day_short (const GDate *date,
                     const GDate *today)
{
  g_autoptr(GDateTime) time = NULL;
  int days_ago;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  days_ago = g_date_days_between (date, today);
  if (days_ago == 0)
    return g_strdup (_("Today"));
  if (days_ago == 1)
    return g_strdup (_("Yesterday"));

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  if (g_date_get_year (date) == g_date_get_year (today))
    /* TRANSLATORS: a day of this year where there is little room, as in "Mon 5 May". %a
     * is the weekday's short name, %-d the day of the month, %b the month's short name;
     * as in "%a %-d %b". */
    return g_date_time_format (time, _("%a %-d %b"));

  /* TRANSLATORS: a day of another year where there is little room, as in "5 May 2025".
   * %-d is the day of the month, %b the month's short name, %Y the year. */
  return g_date_time_format (time, _("%-d %b %Y"));
}

static void
update_title (RjDayHeader *self)
{
  GDate today;
  g_autofree char *title = NULL;
  g_autofree char *short_title = NULL;
  g_autofree char *tooltip = NULL;

  if (!g_date_valid (&self->date))
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->short_title_label, "");
      return;
    }

  rj_get_today (&today);
  title = rj_format_day (&self->date, &today);
  short_title = rj_format_day_short (&self->date, &today);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->short_title_label, short_title);

  /* Translators: %s is the day shown, as in "Today" or "Monday, 5 May". */
  tooltip = g_strdup_printf (_("%s — choose another day"), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), tooltip);
}

typedef struct {
  GtkCalendar *calendar;
} MarkData;

static gboolean
mark_day_cb (const RjEntry *entry,
             gpointer       user_data)
{
  MarkData *data = user_data;

  gtk_calendar_mark_day (data->calendar, g_date_get_day (&entry->date));
  return TRUE;
}

static void
mark_days (RjDayHeader *self,
           int          year,
           int          month)
{
  RjStore *store;
  MarkData data = { self->calendar };
  GDate first, last;

  gtk_calendar_clear_marks (self->calendar);
  if (self->context == NULL)
    return;

  store = rj_context_get_store (self->context);
  if (!rj_store_is_unlocked (store))
    return;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month + 1, year);
  last = first;
  g_date_set_day (&last, g_date_get_days_in_month (month + 1, year));

  rj_store_foreach_entry (store, &first, &last, FALSE, mark_day_cb, &data);
}

/* Shows the month of @time with its days marked and the day of @time selected. */
static void
show_in_calendar (RjDayHeader *self,
                  GDateTime   *time)
{
  g_autoptr(GDateTime) elsewhere = g_date_time_add_months (time, 1);

  self->shown_year = g_date_time_get_year (time);
  self->shown_month = g_date_time_get_month (time) - 1;
  mark_days (self, self->shown_year, self->shown_month);

  /* GTK 4.8 applies marks to the day labels only as it selects a day, and selecting
   * the day already selected does nothing: so select another month's day, then this. */
  g_signal_handlers_block_by_func (self->calendar, calendar_day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, elsewhere);
  gtk_calendar_select_day (self->calendar, time);
  g_signal_handlers_unblock_by_func (self->calendar, calendar_day_selected_cb, self);
}

static void
show_date_in_calendar (RjDayHeader *self)
{
  g_autoptr(GDateTime) time = NULL;

  if (!g_date_valid (&self->date))
    return;

  time = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                                g_date_get_day (&self->date), 12, 0, 0);
  show_in_calendar (self, time);
}

static void
calendar_day_selected_cb (RjDayHeader *self)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (self->calendar);
  int year = g_date_time_get_year (time);
  int month = g_date_time_get_month (time) - 1;
  GDate chosen;

  /* GTK 4.8 selects a day as it pages to another month; that is not a choice. */
  if (year != self->shown_year || month != self->shown_month)
    {
      show_in_calendar (self, time);
      return;
    }

  g_date_clear (&chosen, 1);
  g_date_set_dmy (&chosen, g_date_time_get_day_of_month (time), month + 1, year);
  rj_day_header_choose_day (self, &chosen);
}

static void
calendar_month_changed_cb (RjDayHeader *self)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (self->calendar);

  /* Paging without selecting a day, as later versions of GTK do. */
  if (g_date_time_get_year (time) != self->shown_year ||
      g_date_time_get_month (time) - 1 != self->shown_month)
    show_in_calendar (self, time);
}

static void
popover_show_cb (RjDayHeader *self)
{
  show_date_in_calendar (self);
}

static void
rj_day_header_dispose (GObject *object)
{
  RjDayHeader *self = (RjDayHeader *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_DAY_HEADER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_day_header_parent_class)->dispose (object);
}

static void
rj_day_header_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RjDayHeader *self = RJ_DAY_HEADER (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, g_date_valid (&self->date) ? &self->date : NULL);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, gtk_label_get_label (self->subtitle_label));
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_day_header_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RjDayHeader *self = RJ_DAY_HEADER (object);

  switch (prop_id)
    {
    case PROP_DATE:
      rj_day_header_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_SUBTITLE:
      rj_day_header_set_subtitle (self, g_value_get_string (value));
      break;

    case PROP_CONTEXT:
      rj_day_header_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_day_header_class_init (RjDayHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_day_header_dispose;
  object_class->get_property = rj_day_header_get_property;
  object_class->set_property = rj_day_header_set_property;

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RjDayHeader:context:
   *
   * The journal whose days with an entry the calendar marks.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjDayHeader::day-chosen:
   * @self: the header
   * @date: the day picked in the calendar
   */
  signals[DAY_CHOSEN] =
    g_signal_new ("day-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "day-header");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-day-header.ui");
  gtk_widget_class_bind_template_child (widget_class, RjDayHeader, date_button);
  gtk_widget_class_bind_template_child (widget_class, RjDayHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, RjDayHeader, short_title_label);
  gtk_widget_class_bind_template_child (widget_class, RjDayHeader, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RjDayHeader, popover);
  gtk_widget_class_bind_template_child (widget_class, RjDayHeader, calendar);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_month_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
}

static void
rj_day_header_init (RjDayHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              2);
  g_date_clear (&self->date, 1);
}

GtkWidget *
rj_day_header_new (void)
{
  return g_object_new (RJ_TYPE_DAY_HEADER, NULL);
}

/**
 * rj_day_header_get_date:
 * @self: a #RjDayHeader
 *
 * Returns: (nullable): the day shown, or %NULL before one is set
 */
const GDate *
rj_day_header_get_date (RjDayHeader *self)
{
  g_return_val_if_fail (RJ_IS_DAY_HEADER (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

/**
 * rj_day_header_set_date:
 * @self: a #RjDayHeader
 * @date: (nullable): the day the check-in shows
 *
 * Shows @date. This does not emit #RjDayHeader::day-chosen.
 */
void
rj_day_header_set_date (RjDayHeader *self,
                        const GDate *date)
{
  g_return_if_fail (RJ_IS_DAY_HEADER (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (date == NULL && !g_date_valid (&self->date))
    return;
  if (date != NULL && g_date_valid (&self->date) && g_date_compare (date, &self->date) == 0)
    {
      /* The same day, but maybe not the same words: midnight makes today yesterday. */
      update_title (self);
      return;
    }

  if (date != NULL)
    self->date = *date;
  else
    g_date_clear (&self->date, 1);

  update_title (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    show_date_in_calendar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * rj_day_header_set_subtitle:
 * @self: a #RjDayHeader
 * @subtitle: (nullable): a quiet word under the day, such as "Saved"
 */
void
rj_day_header_set_subtitle (RjDayHeader *self,
                            const char  *subtitle)
{
  g_return_if_fail (RJ_IS_DAY_HEADER (self));

  if (g_strcmp0 (subtitle, gtk_label_get_label (self->subtitle_label)) == 0)
    return;

  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          subtitle != NULL && subtitle[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

void
rj_day_header_set_context (RjDayHeader *self,
                           RjContext   *context)
{
  g_return_if_fail (RJ_IS_DAY_HEADER (self));
  g_return_if_fail (context == NULL || RJ_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * rj_day_header_popup:
 * @self: a #RjDayHeader
 *
 * Opens the calendar on the day shown.
 */
void
rj_day_header_popup (RjDayHeader *self)
{
  g_return_if_fail (RJ_IS_DAY_HEADER (self));

  gtk_menu_button_popup (self->date_button);
}

void
rj_day_header_popdown (RjDayHeader *self)
{
  g_return_if_fail (RJ_IS_DAY_HEADER (self));

  gtk_menu_button_popdown (self->date_button);
}

/**
 * rj_day_header_choose_day:
 * @self: a #RjDayHeader
 * @date: a day
 *
 * Does what picking @date in the calendar does: closes the calendar and emits
 * #RjDayHeader::day-chosen. Whoever shows the day decides whether it can be shown.
 */
void
rj_day_header_choose_day (RjDayHeader *self,
                          const GDate *date)
{
  g_return_if_fail (RJ_IS_DAY_HEADER (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  gtk_menu_button_popdown (self->date_button);
  g_signal_emit (self, signals[DAY_CHOSEN], 0, date);
}

/**
 * rj_day_header_is_day_marked:
 * @self: a #RjDayHeader
 * @day: a day of the month the calendar shows
 *
 * Returns: whether the calendar marks @day as a day with an entry
 */
gboolean
rj_day_header_is_day_marked (RjDayHeader *self,
                             guint        day)
{
  g_return_val_if_fail (RJ_IS_DAY_HEADER (self), FALSE);

  return gtk_calendar_get_day_is_marked (self->calendar, day);
}
