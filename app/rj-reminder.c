/* rj-reminder.c: the daily reminder to check in.
 *
 * Once a day, at the time the client picked, a notification says "Time for your
 * check-in". Its words are fixed: nothing from the journal, not even whether today
 * has an entry, since the journal is locked while the window is closed.
 *
 * The reminder sleeps with g_timeout_add_seconds(), at most a minute at a time, and
 * asks the wall clock each time it wakes: the timeout runs on the monotonic clock,
 * which stops while the computer sleeps, and the clock on the wall may change (a
 * change of summer time, a new time zone, a clock set right). A wake-up after the time
 * sends the reminder once if it is no more than an hour late, and never more than one.
 *
 * While the reminder is on, an autostart entry starts the app in the background at
 * login (`recovery-journal --background`), so that it comes with no window open; the
 * entry goes when the reminder is turned off. The entry says only that a reminder is
 * on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-reminder"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rj-reminder.h"
#include "rj-reminder-time.h"

/* The longest sleep between two looks at the wall clock, in seconds: after the
 * computer wakes, the reminder notices the time within this. */
#define LONGEST_SLEEP 60

#define AUTOSTART_FILE_NAME APP_ID ".desktop"

struct _RjReminder
{
  GObject parent_instance;

  /* Not a reference: the application owns the reminder. */
  GApplication *application;
  GSettings *settings;

  RjReminderClock clock;
  gpointer clock_data;

  gboolean enabled;
  GDateTime *due;
  guint timeout_id;
};

G_DEFINE_FINAL_TYPE (RjReminder, rj_reminder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
local_clock (gpointer user_data)
{
  return g_date_time_new_now_local ();
}

static GDateTime *
get_now (RjReminder *self)
{
  GDateTime *now = self->clock (self->clock_data);

  g_assert (now != NULL);
  return now;
}

static void
send_notification (RjReminder *self)
{
  g_autoptr(GNotification) notification = NULL;

  /* Without a default action, a click activates the application, which shows the
   * journal's window on its unlock page. */
  notification = g_notification_new (rj_reminder_get_notification_title ());
  g_notification_set_body (notification, rj_reminder_get_notification_body ());
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  g_application_send_notification (self->application, RJ_REMINDER_NOTIFICATION_ID,
                                   notification);
}

static gboolean wake_cb (gpointer user_data);

static void
arm (RjReminder *self,
     GDateTime  *now)
{
  GTimeSpan ahead;
  guint seconds;

  g_assert (self->timeout_id == 0);
  g_assert (self->due != NULL);

  ahead = g_date_time_difference (self->due, now);
  seconds = (guint) CLAMP ((ahead + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 1, LONGEST_SLEEP);
  self->timeout_id = g_timeout_add_seconds (seconds, wake_cb, self);
}

static gboolean
wake_cb (gpointer user_data)
{
  RjReminder *self = user_data;
  g_autoptr(GDateTime) now = get_now (self);
  guint minutes = g_settings_get_uint (self->settings, "reminder-time");

  self->timeout_id = 0;

  switch (rj_reminder_time_decide (now, self->due))
    {
    case RJ_REMINDER_WAIT:
      break;

    case RJ_REMINDER_SEND:
      send_notification (self);
      G_GNUC_FALLTHROUGH;

    case RJ_REMINDER_MISSED:
      /* From now, so that the next one is tomorrow's, whatever the clock did. */
      g_clear_pointer (&self->due, g_date_time_unref);
      self->due = rj_reminder_time_next_due (now, minutes);
      break;

    default:
      g_assert_not_reached ();
    }

  arm (self, now);
  return G_SOURCE_REMOVE;
}

static void
schedule (RjReminder *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->due, g_date_time_unref);

  if (!self->enabled)
    return;

  now = get_now (self);
  self->due = rj_reminder_time_next_due (now, g_settings_get_uint (self->settings,
                                                                   "reminder-time"));
  arm (self, now);
}

static gboolean
write_autostart (GError **error)
{
  g_autofree char *path = rj_reminder_dup_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *contents = NULL;
  const char *group = G_KEY_FILE_DESKTOP_GROUP;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder “%s” could not be made: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Only what starting the app needs: a name and the command, nothing of the journal. */
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_NAME, _("Recovery Journal"));
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         "recovery-journal --background");
  g_key_file_set_string (key_file, group, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (key_file, group, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (key_file, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (key_file, group, "X-GNOME-Autostart-enabled", TRUE);

  contents = g_key_file_to_data (key_file, NULL, NULL);
  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 error))
    return FALSE;
  return TRUE;
}

static gboolean
remove_autostart (GError **error)
{
  g_autofree char *path = rj_reminder_dup_autostart_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The file “%s” could not be removed: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
settings_changed_enabled_cb (RjReminder *self)
{
  g_autoptr(GError) error = NULL;
  gboolean enabled = g_settings_get_boolean (self->settings, "reminder-enabled");

  if (enabled == self->enabled)
    return;

  self->enabled = enabled;
  /* The file follows the switch; a file the client removed by hand while the switch
   * stayed on is not written back behind their back. */
  if (!(enabled ? write_autostart (&error) : remove_autostart (&error)))
    g_message ("The daily reminder will not start at login: %s", error->message);

  if (!enabled)
    rj_reminder_withdraw (self);

  schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

static void
settings_changed_time_cb (RjReminder *self)
{
  schedule (self);
}

static void
rj_reminder_dispose (GObject *object)
{
  RjReminder *self = (RjReminder *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rj_reminder_parent_class)->dispose (object);
}

static void
rj_reminder_finalize (GObject *object)
{
  RjReminder *self = (RjReminder *) object;

  g_clear_pointer (&self->due, g_date_time_unref);

  G_OBJECT_CLASS (rj_reminder_parent_class)->finalize (object);
}

static void
rj_reminder_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RjReminder *self = RJ_REMINDER (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_reminder_class_init (RjReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rj_reminder_dispose;
  object_class->finalize = rj_reminder_finalize;
  object_class->get_property = rj_reminder_get_property;

  /**
   * RjReminder:enabled:
   *
   * Whether the daily reminder is on; it follows the setting "reminder-enabled".
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rj_reminder_init (RjReminder *self)
{
  self->clock = local_clock;
}

/**
 * rj_reminder_new:
 * @application: the application that sends the notification; it must outlive the
 *   reminder
 * @settings: the app's settings ("reminder-enabled", "reminder-time")
 *
 * Returns: a new reminder, on or off as the settings say
 */
RjReminder *
rj_reminder_new (GApplication *application,
                 GSettings    *settings)
{
  RjReminder *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RJ_TYPE_REMINDER, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  self->enabled = g_settings_get_boolean (settings, "reminder-enabled");

  g_signal_connect_swapped (settings, "changed::reminder-enabled",
                            G_CALLBACK (settings_changed_enabled_cb), self);
  g_signal_connect_swapped (settings, "changed::reminder-time",
                            G_CALLBACK (settings_changed_time_cb), self);
  schedule (self);

  return self;
}

gboolean
rj_reminder_get_enabled (RjReminder *self)
{
  g_return_val_if_fail (RJ_IS_REMINDER (self), FALSE);

  return self->enabled;
}

/**
 * rj_reminder_get_due:
 * @self: a #RjReminder
 *
 * Returns: (transfer none) (nullable): when the reminder comes next, or %NULL while it
 *   is off
 */
GDateTime *
rj_reminder_get_due (RjReminder *self)
{
  g_return_val_if_fail (RJ_IS_REMINDER (self), NULL);

  return self->due;
}

/**
 * rj_reminder_withdraw:
 * @self: a #RjReminder
 *
 * Takes the reminder's notification away, if it is up: the client has opened the
 * window.
 */
void
rj_reminder_withdraw (RjReminder *self)
{
  g_return_if_fail (RJ_IS_REMINDER (self));

  g_application_withdraw_notification (self->application, RJ_REMINDER_NOTIFICATION_ID);
}

/**
 * rj_reminder_wake:
 * @self: a #RjReminder
 *
 * Looks at the clock at once, as on any wake-up, rather than at the end of the
 * current sleep: for when the computer has just woken, and for the tests. A reminder
 * that is due is sent; one that was already sent is not sent again.
 */
void
rj_reminder_wake (RjReminder *self)
{
  g_return_if_fail (RJ_IS_REMINDER (self));

  if (self->timeout_id == 0)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  wake_cb (self);
}

/**
 * rj_reminder_set_clock:
 * @self: a #RjReminder
 * @clock: (nullable): what tells the time, or %NULL for the local wall clock
 * @user_data: for @clock
 *
 * Lets the tests say what time it is; the reminder then works out its next time
 * again, as on any wake-up.
 */
void
rj_reminder_set_clock (RjReminder      *self,
                       RjReminderClock  clock,
                       gpointer         user_data)
{
  g_return_if_fail (RJ_IS_REMINDER (self));

  self->clock = clock != NULL ? clock : local_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
  schedule (self);
}

/**
 * rj_reminder_dup_autostart_path:
 *
 * Returns: where the autostart entry is written while the reminder is on:
 *   `$XDG_CONFIG_HOME/autostart/com.example.RecoveryJournal.desktop`
 */
char *
rj_reminder_dup_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", AUTOSTART_FILE_NAME, NULL);
}

/**
 * rj_reminder_get_notification_title:
 *
 * Returns: the notification's title, translated: the same words every day
 */
const char *
rj_reminder_get_notification_title (void)
{
  return _("Time for your check-in");
}

/**
 * rj_reminder_get_notification_body:
 *
 * Returns: the notification's body, translated: the same words every day, nothing from
 *   the journal
 */
const char *
rj_reminder_get_notification_body (void)
{
  return _("A few minutes for yourself.");
}
