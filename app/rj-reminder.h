/* rj-reminder.h: the daily reminder to check in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The id of the reminder's notification, for g_application_withdraw_notification(). */
#define RJ_REMINDER_NOTIFICATION_ID "daily-reminder"

#define RJ_TYPE_REMINDER (rj_reminder_get_type ())

G_DECLARE_FINAL_TYPE (RjReminder, rj_reminder, RJ, REMINDER, GObject)

/* What time it is; the reminder asks on every wake-up. */
typedef GDateTime *(*RjReminderClock) (gpointer user_data);

RjReminder *rj_reminder_new                   (GApplication *application,
                                               GSettings *settings) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rj_reminder_get_enabled           (RjReminder *self);
GDateTime  *rj_reminder_get_due               (RjReminder *self);
void        rj_reminder_withdraw              (RjReminder *self);
void        rj_reminder_wake                  (RjReminder *self);
void        rj_reminder_set_clock             (RjReminder *self,
                                               RjReminderClock clock,
                                               gpointer user_data);
char       *rj_reminder_dup_autostart_path    (void) G_GNUC_WARN_UNUSED_RESULT;
const char *rj_reminder_get_notification_title (void);
const char *rj_reminder_get_notification_body  (void);

G_END_DECLS
