/* rj-create-page.h: choosing a passphrase, for a new journal or after recovery.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

typedef enum {
  RJ_CREATE_PAGE_NEW_JOURNAL,
  RJ_CREATE_PAGE_NEW_PASSPHRASE,
} RjCreatePageMode;

#define RJ_TYPE_CREATE_PAGE_MODE (rj_create_page_mode_get_type ())
#define RJ_TYPE_CREATE_PAGE (rj_create_page_get_type ())

GType rj_create_page_mode_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (RjCreatePage, rj_create_page, RJ, CREATE_PAGE, AdwBin)

GtkWidget        *rj_create_page_new      (RjContext *context);
RjCreatePageMode  rj_create_page_get_mode (RjCreatePage *self);
void              rj_create_page_set_mode (RjCreatePage *self,
                                           RjCreatePageMode mode);
gboolean          rj_create_page_get_busy (RjCreatePage *self);
void              rj_create_page_clear    (RjCreatePage *self);

G_END_DECLS
