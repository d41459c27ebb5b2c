/* rj-journal-page.h: the open journal. A placeholder until the daily check-in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_JOURNAL_PAGE (rj_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (RjJournalPage, rj_journal_page, RJ, JOURNAL_PAGE, AdwBin)

GtkWidget *rj_journal_page_new     (RjContext *context);
void       rj_journal_page_refresh (RjJournalPage *self);
void       rj_journal_page_clear   (RjJournalPage *self);

G_END_DECLS
