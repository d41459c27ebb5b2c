/* rj-session-watch.c: asks for the journals to lock when the screen locks and before
 * the computer sleeps.
 *
 * A journal left open behind a locked screen is one that anyone who unlocks the
 * session, or wakes the laptop, can read. So the watch listens on the session bus for
 * the screen saver (GNOME's org.gnome.ScreenSaver and the freedesktop one that KDE and
 * others use) saying it is active, and on the system bus for logind telling this
 * session to lock and telling everyone the computer is about to sleep, and emits
 * "lock-requested" each time.
 *
 * Before sleep, logind waits for programs that hold a "delay" inhibitor (for up to
 * InhibitDelayMaxSec, 5 seconds by default). The watch holds one while a journal it
 * was given is unlocked, and closes it once "lock-requested" has returned, that is once
 * the journals are locked; it takes a new one when the computer wakes.
 *
 * Everything is asynchronous, and a missing bus or service (no logind in a container,
 * no screen saver on some desktops) is fine: there is simply nothing to listen to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-session-watch"

#include "config.h"

#include <unistd.h>
#include <gio/gunixfdlist.h>
#include <glib/gi18n.h>

#include "rj-session-watch.h"

#define LOGIN1_NAME "org.freedesktop.login1"
#define LOGIN1_PATH "/org/freedesktop/login1"
#define LOGIN1_MANAGER_INTERFACE "org.freedesktop.login1.Manager"
#define LOGIN1_SESSION_INTERFACE "org.freedesktop.login1.Session"

struct _RjSessionWatch
{
  GObject parent_instance;

  GCancellable *cancellable;
  GDBusConnection *session_bus;
  GDBusConnection *system_bus;

  guint gnome_screensaver_id;
  guint freedesktop_screensaver_id;
  guint prepare_for_sleep_id;
  guint session_lock_id;

  /* The stores whose being unlocked is worth delaying sleep for; not owned. */
  GPtrArray *stores;

  /* The delay inhibitor from logind while one is held, else -1. */
  int inhibitor_fd;
  gboolean inhibit_pending;
  /* Between PrepareForSleep(true) and PrepareForSleep(false). */
  gboolean sleeping;
  /* Journals that could not lock at once (one was being unlocked) and hold sleep off
   * until they have. */
  guint sleep_holds;
};

G_DEFINE_FINAL_TYPE (RjSessionWatch, rj_session_watch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INHIBITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOCK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_inhibitor (RjSessionWatch *self);

static void
request_lock (RjSessionWatch      *self,
              RjSessionLockReason  reason)
{
  g_debug ("Asking the journals to lock (%s)",
           reason == RJ_SESSION_LOCK_SLEEPING ? "before sleep" : "screen locked");
  g_signal_emit (self, signals[LOCK_REQUESTED], 0, reason);
}

static gboolean
any_store_unlocked (RjSessionWatch *self)
{
  for (guint i = 0; i < self->stores->len; i++)
    if (rj_store_is_unlocked (g_ptr_array_index (self->stores, i)))
      return TRUE;
  return FALSE;
}

static void
release_inhibitor (RjSessionWatch *self)
{
  if (self->inhibitor_fd < 0)
    return;

  g_debug ("Letting the computer sleep");
  close (self->inhibitor_fd);
  self->inhibitor_fd = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INHIBITING]);
}

static gboolean
wants_inhibitor (RjSessionWatch *self)
{
  return self->system_bus != NULL && !self->sleeping && any_store_unlocked (self);
}

static void
inhibit_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RjSessionWatch *self;
  g_autoptr(GUnixFDList) fd_list = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gint32 index;
  int fd;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (object), &fd_list,
                                                           result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RJ_SESSION_WATCH (user_data);
  self->inhibit_pending = FALSE;

  if (reply == NULL)
    {
      g_debug ("No sleep inhibitor from logind: %s", error->message);
      return;
    }

  g_variant_get (reply, "(h)", &index);
  fd = fd_list != NULL ? g_unix_fd_list_get (fd_list, index, &error) : -1;
  if (fd < 0)
    {
      g_debug ("logind's sleep inhibitor came without a file descriptor: %s",
               error != NULL ? error->message : "none in the reply");
      return;
    }

  /* The journals locked, or the computer began to sleep, while it was on its way. */
  if (!wants_inhibitor (self) || self->inhibitor_fd >= 0)
    {
      close (fd);
      update_inhibitor (self);
      return;
    }

  g_debug ("Holding a sleep inhibitor while a journal is open");
  self->inhibitor_fd = fd;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INHIBITING]);
}

/* Holds a delay inhibitor exactly while a journal is unlocked and the computer is
 * awake. */
static void
update_inhibitor (RjSessionWatch *self)
{
  if (!wants_inhibitor (self))
    {
      /* Before sleep, prepare_for_sleep_cb() lets go once every handler has locked its
       * journal, not when the first store says it is locked. */
      if (!self->sleeping)
        release_inhibitor (self);
      return;
    }

  if (self->inhibitor_fd >= 0 || self->inhibit_pending)
    return;

  self->inhibit_pending = TRUE;
  g_dbus_connection_call_with_unix_fd_list (self->system_bus, LOGIN1_NAME, LOGIN1_PATH,
                                            LOGIN1_MANAGER_INTERFACE, "Inhibit",
                                            g_variant_new ("(ssss)", "sleep",
                                                           _("Recovery Journal"),
                                                           _("Locking the open journal first"),
                                                           "delay"),
                                            G_VARIANT_TYPE ("(h)"),
                                            G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                            self->cancellable, inhibit_cb, self);
}

static void
screensaver_active_changed_cb (GDBusConnection *connection,
                               const char      *sender_name,
                               const char      *object_path,
                               const char      *interface_name,
                               const char      *signal_name,
                               GVariant        *parameters,
                               gpointer         user_data)
{
  gboolean active;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &active);
  if (active)
    request_lock (RJ_SESSION_WATCH (user_data), RJ_SESSION_LOCK_SCREEN_LOCKED);
}

static void
session_lock_cb (GDBusConnection *connection,
                 const char      *sender_name,
                 const char      *object_path,
                 const char      *interface_name,
                 const char      *signal_name,
                 GVariant        *parameters,
                 gpointer         user_data)
{
  request_lock (RJ_SESSION_WATCH (user_data), RJ_SESSION_LOCK_SCREEN_LOCKED);
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  RjSessionWatch *self = RJ_SESSION_WATCH (user_data);
  gboolean starting;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &starting);
  if (starting)
    {
      self->sleeping = TRUE;
      /* The handlers lock the journals before the emission returns, or hold sleep off
       * until they have; only then may the computer go to sleep. */
      request_lock (self, RJ_SESSION_LOCK_SLEEPING);
      if (self->sleep_holds == 0)
        release_inhibitor (self);
    }
  else
    {
      self->sleeping = FALSE;
      update_inhibitor (self);
    }
}

static void
subscribe_session_lock (RjSessionWatch *self,
                        const char     *session_path)
{
  g_debug ("Watching logind's session %s", session_path);
  self->session_lock_id =
    g_dbus_connection_signal_subscribe (self->system_bus, LOGIN1_NAME, LOGIN1_SESSION_INTERFACE,
                                        "Lock", session_path, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, session_lock_cb, self, NULL);
}

/* Finishes logind's GetSession or GetSessionByPID and watches the session it names.
 * FALSE: there is none, or the watch is going (G_IO_ERROR_CANCELLED), when
 * @user_data may already be freed. */
static gboolean
finish_get_session (GObject       *object,
                    GAsyncResult  *result,
                    gpointer       user_data,
                    GError       **error)
{
  g_autoptr(GVariant) reply = NULL;
  const char *path;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, error);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(&o)", &path);
  subscribe_session_lock (RJ_SESSION_WATCH (user_data), path);
  return TRUE;
}

static void
get_session_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!finish_get_session (object, result, user_data, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Not in a logind session; its Lock signal is not watched: %s", error->message);
}

static void
get_session_by_pid_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  RjSessionWatch *self;
  g_autoptr(GError) error = NULL;

  if (finish_get_session (object, result, user_data, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RJ_SESSION_WATCH (user_data);

  /* Started outside the session's process tree (by a service manager, say): logind
   * then names the user's graphical session as "auto". */
  g_debug ("No logind session for this process (%s); asking for the user's",
           error->message);
  g_dbus_connection_call (self->system_bus, LOGIN1_NAME, LOGIN1_PATH,
                          LOGIN1_MANAGER_INTERFACE, "GetSession",
                          g_variant_new ("(s)", "auto"), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          get_session_cb, self);
}

/* Finishes g_bus_get(): the bus, or NULL if there is none (said in the debug log
 * after @missing) or the watch is going, when its user_data may already be freed. */
static GDBusConnection *
finish_bus_get (GAsyncResult *result,
                const char   *missing)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("%s: %s", missing, error->message);
  return bus;
}

static void
system_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RjSessionWatch *self;
  GDBusConnection *bus;

  bus = finish_bus_get (result, "No system bus; not watching logind");
  if (bus == NULL)
    return;

  self = RJ_SESSION_WATCH (user_data);
  self->system_bus = bus;

  self->prepare_for_sleep_id =
    g_dbus_connection_signal_subscribe (self->system_bus, LOGIN1_NAME, LOGIN1_MANAGER_INTERFACE,
                                        "PrepareForSleep", LOGIN1_PATH, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, prepare_for_sleep_cb,
                                        self, NULL);

  g_dbus_connection_call (self->system_bus, LOGIN1_NAME, LOGIN1_PATH,
                          LOGIN1_MANAGER_INTERFACE, "GetSessionByPID",
                          g_variant_new ("(u)", (guint32) getpid ()), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          get_session_by_pid_cb, self);

  update_inhibitor (self);
}

/* Listens for ActiveChanged from the screen saver that owns @name, which is also the
 * name of its interface. A well-known sender name: the bus matches it against whoever
 * owns it when the signal is sent, so a screen saver started later is heard too. */
static guint
subscribe_screensaver (RjSessionWatch *self,
                       const char     *name)
{
  return g_dbus_connection_signal_subscribe (self->session_bus, name, name, "ActiveChanged",
                                             NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                             screensaver_active_changed_cb, self, NULL);
}

static void
session_bus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RjSessionWatch *self;
  GDBusConnection *bus;

  bus = finish_bus_get (result, "No session bus; not watching the screen saver");
  if (bus == NULL)
    return;

  self = RJ_SESSION_WATCH (user_data);
  self->session_bus = bus;
  self->gnome_screensaver_id = subscribe_screensaver (self, "org.gnome.ScreenSaver");
  self->freedesktop_screensaver_id = subscribe_screensaver (self, "org.freedesktop.ScreenSaver");
}

static void
store_weak_notify (gpointer  data,
                   GObject  *where_the_object_was)
{
  RjSessionWatch *self = data;

  g_ptr_array_remove (self->stores, where_the_object_was);
  update_inhibitor (self);
}

static void
clear_subscription (GDBusConnection *bus,
                    guint           *id)
{
  if (*id != 0 && bus != NULL)
    g_dbus_connection_signal_unsubscribe (bus, *id);
  *id = 0;
}

static void
rj_session_watch_dispose (GObject *object)
{
  RjSessionWatch *self = (RjSessionWatch *) object;

  g_cancellable_cancel (self->cancellable);

  clear_subscription (self->session_bus, &self->gnome_screensaver_id);
  clear_subscription (self->session_bus, &self->freedesktop_screensaver_id);
  clear_subscription (self->system_bus, &self->prepare_for_sleep_id);
  clear_subscription (self->system_bus, &self->session_lock_id);

  for (guint i = 0; i < self->stores->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->stores, i), store_weak_notify, self);
  g_ptr_array_set_size (self->stores, 0);

  if (self->inhibitor_fd >= 0)
    {
      close (self->inhibitor_fd);
      self->inhibitor_fd = -1;
    }

  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (rj_session_watch_parent_class)->dispose (object);
}

static void
rj_session_watch_finalize (GObject *object)
{
  RjSessionWatch *self = (RjSessionWatch *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->stores, g_ptr_array_unref);

  G_OBJECT_CLASS (rj_session_watch_parent_class)->finalize (object);
}

static void
rj_session_watch_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RjSessionWatch *self = RJ_SESSION_WATCH (object);

  switch (prop_id)
    {
    case PROP_INHIBITING:
      g_value_set_boolean (value, rj_session_watch_get_inhibiting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_session_watch_class_init (RjSessionWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rj_session_watch_dispose;
  object_class->finalize = rj_session_watch_finalize;
  object_class->get_property = rj_session_watch_get_property;

  /**
   * RjSessionWatch:inhibiting:
   *
   * Whether a sleep inhibitor from logind is held: while a journal is unlocked and
   * the computer is awake, when there is a logind to give one.
   */
  properties[PROP_INHIBITING] =
    g_param_spec_boolean ("inhibiting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjSessionWatch::lock-requested:
   * @self: the watch
   * @reason: a #RjSessionLockReason
   *
   * The screen locked, or the computer is about to sleep. Handlers lock the journals
   * before they return: before sleep, the computer waits for them.
   */
  signals[LOCK_REQUESTED] =
    g_signal_new ("lock-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
rj_session_watch_init (RjSessionWatch *self)
{
  self->inhibitor_fd = -1;
  self->stores = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, session_bus_cb, self);
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_cb, self);
}

/**
 * rj_session_watch_new:
 *
 * Starts listening for the screen locking and the computer going to sleep. One is
 * enough for the whole application.
 *
 * Returns: (transfer full): a new #RjSessionWatch
 */
RjSessionWatch *
rj_session_watch_new (void)
{
  return g_object_new (RJ_TYPE_SESSION_WATCH, NULL);
}

/**
 * rj_session_watch_add_store:
 * @self: a #RjSessionWatch
 * @store: the store of a journal the application has open
 *
 * Holds a sleep inhibitor whenever @store (or another store added) is unlocked, so that
 * the journal can lock before the computer sleeps. The watch does not keep @store alive.
 */
void
rj_session_watch_add_store (RjSessionWatch *self,
                            RjStore        *store)
{
  g_return_if_fail (RJ_IS_SESSION_WATCH (self));
  g_return_if_fail (RJ_IS_STORE (store));

  if (g_ptr_array_find (self->stores, store, NULL))
    return;

  g_ptr_array_add (self->stores, store);
  g_object_weak_ref (G_OBJECT (store), store_weak_notify, self);
  g_signal_connect_object (store, "notify::unlocked", G_CALLBACK (update_inhibitor), self,
                           G_CONNECT_SWAPPED);
  update_inhibitor (self);
}

/**
 * rj_session_watch_hold_sleep:
 * @self: a #RjSessionWatch
 *
 * Called from a "lock-requested" handler for a journal that cannot lock yet: the sleep
 * inhibitor, if one is held, stays until rj_session_watch_release_sleep(). logind waits
 * a few seconds at most (InhibitDelayMaxSec) in any case.
 */
void
rj_session_watch_hold_sleep (RjSessionWatch *self)
{
  g_return_if_fail (RJ_IS_SESSION_WATCH (self));

  self->sleep_holds++;
}

/**
 * rj_session_watch_release_sleep:
 * @self: a #RjSessionWatch
 *
 * Ends a rj_session_watch_hold_sleep(), once the journal has locked.
 */
void
rj_session_watch_release_sleep (RjSessionWatch *self)
{
  g_return_if_fail (RJ_IS_SESSION_WATCH (self));
  g_return_if_fail (self->sleep_holds > 0);

  self->sleep_holds--;
  if (self->sleep_holds == 0 && self->sleeping)
    release_inhibitor (self);
}

/**
 * rj_session_watch_get_inhibiting:
 * @self: a #RjSessionWatch
 *
 * Returns: %TRUE while a sleep inhibitor is held
 */
gboolean
rj_session_watch_get_inhibiting (RjSessionWatch *self)
{
  g_return_val_if_fail (RJ_IS_SESSION_WATCH (self), FALSE);

  return self->inhibitor_fd >= 0;
}
