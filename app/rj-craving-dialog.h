/* rj-craving-dialog.h: adding or changing one craving of the day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"
#include "rj-entry.h"

G_BEGIN_DECLS

#define RJ_TYPE_CRAVING_DIALOG (rj_craving_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RjCravingDialog, rj_craving_dialog, RJ, CRAVING_DIALOG, AdwWindow)

RjCravingDialog *rj_craving_dialog_new                (RjContext *context,
                                                       const RjCraving *craving,
                                                       const GDate *day);
gboolean         rj_craving_dialog_get_is_new         (RjCravingDialog *self);
RjCraving       *rj_craving_dialog_dup_craving        (RjCravingDialog *self) G_GNUC_WARN_UNUSED_RESULT;

void             rj_craving_dialog_set_time           (RjCravingDialog *self,
                                                       int time_minutes);
void             rj_craving_dialog_set_intensity      (RjCravingDialog *self,
                                                       int intensity);
void             rj_craving_dialog_set_duration       (RjCravingDialog *self,
                                                       int duration_minutes);
gboolean         rj_craving_dialog_set_trigger        (RjCravingDialog *self,
                                                       const char *trigger_id);
void             rj_craving_dialog_set_trigger_words  (RjCravingDialog *self,
                                                       const char *text,
                                                       gboolean is_private);
void             rj_craving_dialog_set_halt           (RjCravingDialog *self,
                                                       RjHaltFlags letters,
                                                       gboolean yes);
gboolean         rj_craving_dialog_set_skill_used     (RjCravingDialog *self,
                                                       const char *skill_id,
                                                       gboolean used);
gboolean         rj_craving_dialog_set_skill_helped   (RjCravingDialog *self,
                                                       const char *skill_id,
                                                       RjHelped helped);
void             rj_craving_dialog_set_outcome        (RjCravingDialog *self,
                                                       RjOutcome outcome);

GStrv            rj_craving_dialog_dup_trigger_ids    (RjCravingDialog *self) G_GNUC_WARN_UNUSED_RESULT;
GStrv            rj_craving_dialog_dup_skill_ids      (RjCravingDialog *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
