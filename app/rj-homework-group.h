/* rj-homework-group.h: open homework from earlier sessions, on a later day's check-in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-entry.h"

G_BEGIN_DECLS

#define RJ_TYPE_HOMEWORK_GROUP (rj_homework_group_get_type ())

G_DECLARE_FINAL_TYPE (RjHomeworkGroup, rj_homework_group, RJ, HOMEWORK_GROUP, AdwPreferencesGroup)

GtkWidget  *rj_homework_group_new               (void);
void        rj_homework_group_set_tasks         (RjHomeworkGroup *self,
                                                 GPtrArray *tasks,
                                                 const GDate *today);
guint       rj_homework_group_get_n_tasks       (RjHomeworkGroup *self);
const char *rj_homework_group_get_task_text     (RjHomeworkGroup *self,
                                                 guint index);
const char *rj_homework_group_get_set_on_text   (RjHomeworkGroup *self,
                                                 guint index);
gboolean    rj_homework_group_get_done          (RjHomeworkGroup *self,
                                                 guint index);
void        rj_homework_group_set_done          (RjHomeworkGroup *self,
                                                 guint index,
                                                 gboolean done);
const char *rj_homework_group_get_how_it_went   (RjHomeworkGroup *self,
                                                 guint index);
void        rj_homework_group_set_how_it_went   (RjHomeworkGroup *self,
                                                 guint index,
                                                 const char *text);

G_END_DECLS
