/* rj-search-page.h: finding any day again by the words written on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_SEARCH_PAGE (rj_search_page_get_type ())

G_DECLARE_FINAL_TYPE (RjSearchPage, rj_search_page, RJ, SEARCH_PAGE, AdwBin)

GtkWidget *rj_search_page_new             (RjContext *context);

void       rj_search_page_open            (RjSearchPage *self);
void       rj_search_page_close           (RjSearchPage *self);
gboolean   rj_search_page_get_search_mode (RjSearchPage *self);
void       rj_search_page_clear           (RjSearchPage *self);
guint      rj_search_page_get_n_days      (RjSearchPage *self);

/* The markup that shows @snippet with its @ranges (of RjSearchRange) in bold. */
char      *rj_search_page_markup          (const char *snippet,
                                           GArray *ranges) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
