/* rj-application.h: the application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-reminder.h"
#include "rj-session-watch.h"

G_BEGIN_DECLS

#define RJ_TYPE_APPLICATION (rj_application_get_type ())

G_DECLARE_FINAL_TYPE (RjApplication, rj_application, RJ, APPLICATION, AdwApplication)

RjApplication *rj_application_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void           rj_application_open_journal (RjApplication *self,
                                            const char *journal_path);
gboolean       rj_application_open_demo    (RjApplication *self,
                                            GError **error);
RjSessionWatch *rj_application_get_session_watch (RjApplication *self);
RjReminder     *rj_application_get_reminder      (RjApplication *self);

G_END_DECLS
