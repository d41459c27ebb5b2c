/* rj-trends-window.h: what the months show: charts over a period, and their printout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"
#include "rj-trends.h"

G_BEGIN_DECLS

#define RJ_TYPE_TRENDS_WINDOW (rj_trends_window_get_type ())

G_DECLARE_FINAL_TYPE (RjTrendsWindow, rj_trends_window, RJ, TRENDS_WINDOW, AdwWindow)

GtkWidget      *rj_trends_window_new              (GtkWindow *parent,
                                                   RjContext *context);
RjContext      *rj_trends_window_get_context      (RjTrendsWindow *self);
RjTrendsPeriod  rj_trends_window_get_period       (RjTrendsWindow *self);
void            rj_trends_window_set_period       (RjTrendsWindow *self,
                                                   RjTrendsPeriod period);
const RjTrends *rj_trends_window_get_trends       (RjTrendsWindow *self);
gboolean        rj_trends_window_export_print     (RjTrendsWindow *self,
                                                   const char *path,
                                                   GError **error);
void            rj_trends_window_save_pdf_async   (RjTrendsWindow *self,
                                                   GFile *file,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
gboolean        rj_trends_window_save_pdf_finish  (RjTrendsWindow *self,
                                                   GAsyncResult *result,
                                                   GError **error);

G_END_DECLS
