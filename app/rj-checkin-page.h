/* rj-checkin-page.h: the daily check-in, for today or a day before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_CHECKIN_PAGE (rj_checkin_page_get_type ())

G_DECLARE_FINAL_TYPE (RjCheckinPage, rj_checkin_page, RJ, CHECKIN_PAGE, AdwBin)

GtkWidget   *rj_checkin_page_new                (RjContext *context);

void         rj_checkin_page_load_today         (RjCheckinPage *self);
void         rj_checkin_page_reload_profile     (RjCheckinPage *self);
const GDate *rj_checkin_page_get_date           (RjCheckinPage *self);
gboolean     rj_checkin_page_set_date           (RjCheckinPage *self,
                                                 const GDate *date);
gboolean     rj_checkin_page_get_is_today       (RjCheckinPage *self);
void         rj_checkin_page_show_today         (RjCheckinPage *self);
void         rj_checkin_page_show_previous_day  (RjCheckinPage *self);
void         rj_checkin_page_show_next_day      (RjCheckinPage *self);

const char  *rj_checkin_page_get_status         (RjCheckinPage *self);
gboolean     rj_checkin_page_flush              (RjCheckinPage *self,
                                                 GError **error);
void         rj_checkin_page_clear              (RjCheckinPage *self);
RjEntry     *rj_checkin_page_dup_entry          (RjCheckinPage *self) G_GNUC_WARN_UNUSED_RESULT;

void         rj_checkin_page_add_craving        (RjCheckinPage *self);
void         rj_checkin_page_edit_craving       (RjCheckinPage *self,
                                                 const char *craving_id);
void         rj_checkin_page_save_craving       (RjCheckinPage *self,
                                                 const RjCraving *craving);
void         rj_checkin_page_delete_craving     (RjCheckinPage *self,
                                                 const char *craving_id);
gboolean     rj_checkin_page_undo_delete_craving (RjCheckinPage *self);

void         rj_checkin_page_open_lapse_review  (RjCheckinPage *self);
void         rj_checkin_page_open_weekly_check  (RjCheckinPage *self);

G_END_DECLS
