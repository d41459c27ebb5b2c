/* rj-window.h: the main window of one journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_WINDOW (rj_window_get_type ())

G_DECLARE_FINAL_TYPE (RjWindow, rj_window, RJ, WINDOW, AdwApplicationWindow)

RjWindow        *rj_window_new                   (GtkApplication *application,
                                                  RjContext *context);
RjContext       *rj_window_get_context           (RjWindow *self);
const char      *rj_window_get_visible_page      (RjWindow *self);
AdwToastOverlay *rj_window_get_toast_overlay     (RjWindow *self);
guint            rj_window_get_auto_lock_seconds (RjWindow *self);
void             rj_window_set_auto_lock_seconds (RjWindow *self,
                                                  guint seconds);

G_END_DECLS
