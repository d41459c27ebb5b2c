/* rj-session-watch.h: asks for the journals to lock when the screen locks and before
 * the computer sleeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rj-store.h"

G_BEGIN_DECLS

/* Why a lock is asked for; the "lock-requested" signal's argument. */
typedef enum
{
  RJ_SESSION_LOCK_SCREEN_LOCKED,
  RJ_SESSION_LOCK_SLEEPING,
} RjSessionLockReason;

#define RJ_TYPE_SESSION_WATCH (rj_session_watch_get_type ())

G_DECLARE_FINAL_TYPE (RjSessionWatch, rj_session_watch, RJ, SESSION_WATCH, GObject)

RjSessionWatch *rj_session_watch_new            (void) G_GNUC_WARN_UNUSED_RESULT;
void            rj_session_watch_add_store      (RjSessionWatch *self,
                                                 RjStore *store);
void            rj_session_watch_hold_sleep     (RjSessionWatch *self);
void            rj_session_watch_release_sleep  (RjSessionWatch *self);
gboolean        rj_session_watch_get_inhibiting (RjSessionWatch *self);

G_END_DECLS
