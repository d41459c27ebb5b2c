/* rj-reminder-time.c: when the daily reminder is due, without GTK.
 *
 * The reminder is due each day at a wall-clock time in the local time zone. A day is
 * a calendar day, not 24 hours: across a change to or from summer time the next
 * reminder is 23 or 25 hours away, and still at the time the client picked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-reminder-time"

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include "rj-reminder-time.h"

/* The reminder on the calendar day of @day at @minutes, in @day's time zone. When the
 * time does not exist that day (the clocks skip it), GLib gives the moment the clocks
 * jump to; when it comes twice (the clocks go back), GLib gives the second, so the
 * reminder comes once either way. */
static GDateTime *
due_on_day (GDateTime *day,
            guint      minutes)
{
  GTimeZone *zone = g_date_time_get_timezone (day);

  return g_date_time_new (zone, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), minutes / 60, minutes % 60, 0);
}

/**
 * rj_reminder_time_next_due:
 * @now: the present time, in the time zone the reminder follows (the local one)
 * @minutes: the reminder's time, in minutes after midnight
 *
 * Returns: the first time after @now at which the reminder is due: today at @minutes,
 *   or tomorrow when that has passed (at @now exactly counts as passed, so that a
 *   reminder just sent is not due again)
 */
GDateTime *
rj_reminder_time_next_due (GDateTime *now,
                           guint      minutes)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) tomorrow_noon = NULL;

  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (minutes <= RJ_REMINDER_MINUTES_MAX, NULL);

  today = due_on_day (now, minutes);
  if (today != NULL && g_date_time_compare (today, now) > 0)
    return g_steal_pointer (&today);

  /* Noon is never skipped or repeated by a change of clocks, so a day after it is
   * tomorrow's date whatever happens at night. */
  noon = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                          g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                          12, 0, 0);
  tomorrow_noon = g_date_time_add_days (noon, 1);
  return due_on_day (tomorrow_noon, minutes);
}

/**
 * rj_reminder_time_decide:
 * @now: the present time
 * @due: when the reminder was due
 *
 * What to do on waking up: wait while @due is ahead, send the reminder once @due has
 * come, but no more than %RJ_REMINDER_GRACE late; later than that (the computer slept
 * through it), let it go and wait for the next day's.
 */
RjReminderDecision
rj_reminder_time_decide (GDateTime *now,
                         GDateTime *due)
{
  GTimeSpan late;

  g_return_val_if_fail (now != NULL, RJ_REMINDER_WAIT);
  g_return_val_if_fail (due != NULL, RJ_REMINDER_WAIT);

  late = g_date_time_difference (now, due);
  if (late < 0)
    return RJ_REMINDER_WAIT;
  if (late <= RJ_REMINDER_GRACE)
    return RJ_REMINDER_SEND;
  return RJ_REMINDER_MISSED;
}

/* The locale's time format (LC_TIME) without its seconds: "%H:%M:%S" becomes "%H:%M",
 * "%I:%M:%S %p" becomes "%I:%M %p", and the shorthands %T and %r are spelt out first. */
static char *
time_format_without_seconds (void)
{
  const char *format = nl_langinfo (T_FMT);
  GString *out = g_string_new (NULL);

  if (format == NULL || format[0] == '\0')
    format = "%H:%M:%S";

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 'T')
        {
          g_string_append (out, "%H:%M");
          p++;
        }
      else if (p[0] == '%' && p[1] == 'r')
        {
          g_string_append (out, "%I:%M %p");
          p++;
        }
      else if (p[0] == '%' && p[1] == 'S')
        {
          /* Drop the separator before the seconds too. */
          if (out->len > 0 && !g_ascii_isalnum (out->str[out->len - 1])
              && out->str[out->len - 1] != ' ')
            g_string_truncate (out, out->len - 1);
          p++;
        }
      else if (p[0] == '%' && p[1] != '\0')
        {
          g_string_append_len (out, p, 2);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * rj_reminder_time_format:
 * @minutes: a time of day, in minutes after midnight
 *
 * Returns: the time written as the locale writes a time of day, without seconds:
 *   "20:00" in most of Europe, "8:00 PM" in the United States
 */
char *
rj_reminder_time_format (guint minutes)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *format = NULL;
  char *text;

  g_return_val_if_fail (minutes <= RJ_REMINDER_MINUTES_MAX, NULL);

  time = g_date_time_new_utc (2000, 1, 1, minutes / 60, minutes % 60, 0);
  format = time_format_without_seconds ();
  text = g_date_time_format (time, format);
  if (text == NULL)
    text = g_date_time_format (time, "%H:%M");
  g_strstrip (text);

  /* The United States writes "08:00 PM" as "8:00 PM". */
  if (text[0] == '0' && g_ascii_isdigit (text[1]) && strstr (format, "%I") != NULL)
    memmove (text, text + 1, strlen (text));
  return text;
}
