/* rj-plan-window.h: the relapse-prevention plan, filled in with the counsellor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"
#include "rj-profile.h"

G_BEGIN_DECLS

#define RJ_TYPE_PLAN_WINDOW (rj_plan_window_get_type ())

G_DECLARE_FINAL_TYPE (RjPlanWindow, rj_plan_window, RJ, PLAN_WINDOW, AdwWindow)

GtkWidget       *rj_plan_window_new              (GtkWindow *parent,
                                                  RjContext *context);
RjContext       *rj_plan_window_get_context      (RjPlanWindow *self);
const RjProfile *rj_plan_window_get_profile      (RjPlanWindow *self);
gboolean         rj_plan_window_export_print     (RjPlanWindow *self,
                                                  const char *path,
                                                  GError **error);
void             rj_plan_window_save_pdf_async   (RjPlanWindow *self,
                                                  GFile *file,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
gboolean         rj_plan_window_save_pdf_finish  (RjPlanWindow *self,
                                                  GAsyncResult *result,
                                                  GError **error);

G_END_DECLS
