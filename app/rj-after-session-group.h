/* rj-after-session-group.h: what came out of the day's IOP session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-entry.h"
#include "rj-profile.h"

G_BEGIN_DECLS

#define RJ_TYPE_AFTER_SESSION_GROUP (rj_after_session_group_get_type ())

G_DECLARE_FINAL_TYPE (RjAfterSessionGroup, rj_after_session_group, RJ, AFTER_SESSION_GROUP, AdwBin)

GtkWidget  *rj_after_session_group_new              (void);
void        rj_after_session_group_set              (RjAfterSessionGroup *self,
                                                     const RjAfterSession *after,
                                                     const RjProfile *profile);
void        rj_after_session_group_read             (RjAfterSessionGroup *self,
                                                     RjAfterSession *after);

void        rj_after_session_group_add_homework     (RjAfterSessionGroup *self,
                                                     const char *task,
                                                     gboolean is_private);
guint       rj_after_session_group_get_n_homework   (RjAfterSessionGroup *self);
const char *rj_after_session_group_get_homework_text (RjAfterSessionGroup *self,
                                                      guint index);
gboolean    rj_after_session_group_get_homework_done (RjAfterSessionGroup *self,
                                                      guint index);
void        rj_after_session_group_set_homework_done (RjAfterSessionGroup *self,
                                                      guint index,
                                                      gboolean done);
void        rj_after_session_group_set_homework_private (RjAfterSessionGroup *self,
                                                         guint index,
                                                         gboolean is_private);
void        rj_after_session_group_remove_homework  (RjAfterSessionGroup *self,
                                                     guint index);
gboolean    rj_after_session_group_set_practise     (RjAfterSessionGroup *self,
                                                     const char *skill_id,
                                                     gboolean practise);

G_END_DECLS
