/* rj-unlock-page.h: opening a locked journal, with the passphrase or the recovery code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_UNLOCK_PAGE (rj_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (RjUnlockPage, rj_unlock_page, RJ, UNLOCK_PAGE, AdwBin)

GtkWidget *rj_unlock_page_new      (RjContext *context);
gboolean   rj_unlock_page_get_busy (RjUnlockPage *self);
void       rj_unlock_page_clear    (RjUnlockPage *self);

G_END_DECLS
