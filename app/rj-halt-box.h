/* rj-halt-box.h: hungry, angry, lonely, tired: four toggles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rj-entry.h"

G_BEGIN_DECLS

#define RJ_TYPE_HALT_BOX (rj_halt_box_get_type ())

G_DECLARE_FINAL_TYPE (RjHaltBox, rj_halt_box, RJ, HALT_BOX, GtkWidget)

GtkWidget *rj_halt_box_new      (void);
void       rj_halt_box_get_halt (RjHaltBox *self,
                                 RjHalt *halt);
void       rj_halt_box_set_halt (RjHaltBox *self,
                                 const RjHalt *halt);

G_END_DECLS
