/* rj-reminder-time.h: when the daily reminder is due, without GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Minutes after midnight; the settings key "reminder-time" has the same range. */
#define RJ_REMINDER_MINUTES_MAX (24 * 60 - 1)

/* How late a reminder may still be sent, for example after the computer slept through
 * its time: an hour. Later than that, it waits for the next day. */
#define RJ_REMINDER_GRACE (G_TIME_SPAN_HOUR)

typedef enum
{
  RJ_REMINDER_WAIT,
  RJ_REMINDER_SEND,
  RJ_REMINDER_MISSED,
} RjReminderDecision;

GDateTime          *rj_reminder_time_next_due (GDateTime *now,
                                               guint minutes) G_GNUC_WARN_UNUSED_RESULT;
RjReminderDecision  rj_reminder_time_decide   (GDateTime *now,
                                               GDateTime *due);
char               *rj_reminder_time_format   (guint minutes) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
