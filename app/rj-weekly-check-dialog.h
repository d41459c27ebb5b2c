/* rj-weekly-check-dialog.h: the weekly craving check, five questions about the past week.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-entry.h"

G_BEGIN_DECLS

#define RJ_TYPE_WEEKLY_CHECK_DIALOG (rj_weekly_check_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RjWeeklyCheckDialog, rj_weekly_check_dialog, RJ, WEEKLY_CHECK_DIALOG,
                      AdwWindow)

RjWeeklyCheckDialog *rj_weekly_check_dialog_new        (const GDate *day,
                                                        const RjWeeklyCheck *check);
const GDate         *rj_weekly_check_dialog_get_date   (RjWeeklyCheckDialog *self);
void                 rj_weekly_check_dialog_get_check  (RjWeeklyCheckDialog *self,
                                                        RjWeeklyCheck *check);
void                 rj_weekly_check_dialog_set_answer (RjWeeklyCheckDialog *self,
                                                        RjWeeklyQuestion question,
                                                        int answer);
const char          *rj_weekly_check_dialog_get_total_text (RjWeeklyCheckDialog *self);

/* "14 of 30", or "11 of 30 (4 of 5 answered)"; NULL when nothing was answered. */
char                *rj_weekly_check_dup_total_text    (const RjWeeklyCheck *check) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
