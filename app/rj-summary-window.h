/* rj-summary-window.h: the session summary: its period, a preview, print and export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_SUMMARY_WINDOW (rj_summary_window_get_type ())

G_DECLARE_FINAL_TYPE (RjSummaryWindow, rj_summary_window, RJ, SUMMARY_WINDOW, AdwWindow)

GtkWidget *rj_summary_window_new               (GtkWindow *parent,
                                                RjContext *context);
RjContext *rj_summary_window_get_context       (RjSummaryWindow *self);
void       rj_summary_window_get_period        (RjSummaryWindow *self,
                                                GDate *first,
                                                GDate *last);
void       rj_summary_window_set_period        (RjSummaryWindow *self,
                                                const GDate *first,
                                                const GDate *last);
gboolean   rj_summary_window_export_print      (RjSummaryWindow *self,
                                                const char *path,
                                                GError **error);
void       rj_summary_window_save_pdf_async    (RjSummaryWindow *self,
                                                GFile *file,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data);
gboolean   rj_summary_window_save_pdf_finish   (RjSummaryWindow *self,
                                                GAsyncResult *result,
                                                GError **error);
void       rj_summary_window_save_csv_async    (RjSummaryWindow *self,
                                                GFile *file,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data);
gboolean   rj_summary_window_save_csv_finish   (RjSummaryWindow *self,
                                                GAsyncResult *result,
                                                GError **error);

G_END_DECLS
