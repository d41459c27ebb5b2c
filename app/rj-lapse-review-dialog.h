/* rj-lapse-review-dialog.h: a short, guided look back at a day with use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-entry.h"

G_BEGIN_DECLS

#define RJ_TYPE_LAPSE_REVIEW_DIALOG (rj_lapse_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RjLapseReviewDialog, rj_lapse_review_dialog, RJ, LAPSE_REVIEW_DIALOG,
                      AdwWindow)

RjLapseReviewDialog *rj_lapse_review_dialog_new      (const RjEntry *entry);
const GDate         *rj_lapse_review_dialog_get_date (RjLapseReviewDialog *self);
void                 rj_lapse_review_dialog_apply    (RjLapseReviewDialog *self,
                                                      RjEntry *entry);

G_END_DECLS
