/* rj-preferences-window.h: the journal's preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_PREFERENCES_WINDOW (rj_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RjPreferencesWindow, rj_preferences_window,
                      RJ, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *rj_preferences_window_new         (RjContext *context);
RjContext *rj_preferences_window_get_context (RjPreferencesWindow *self);
gboolean   rj_preferences_window_get_busy    (RjPreferencesWindow *self);
void       rj_preferences_window_back_up_async  (RjPreferencesWindow *self,
                                                 GFile *file,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer user_data);
gboolean   rj_preferences_window_back_up_finish (RjPreferencesWindow *self,
                                                 GAsyncResult *result,
                                                 GError **error);

G_END_DECLS
