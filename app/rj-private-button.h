/* rj-private-button.h: the "keep private, don't print" toggle beside a piece of text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RJ_TYPE_PRIVATE_BUTTON (rj_private_button_get_type ())

G_DECLARE_FINAL_TYPE (RjPrivateButton, rj_private_button, RJ, PRIVATE_BUTTON, GtkToggleButton)

GtkWidget *rj_private_button_new (void);

G_END_DECLS
