/* rj-window-private.h: what rj-window.c and rj-window-actions.c share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rj-create-page.h"
#include "rj-journal-page.h"
#include "rj-recovery-code-page.h"
#include "rj-unlock-page.h"
#include "rj-window.h"

G_BEGIN_DECLS

struct _RjWindow
{
  AdwApplicationWindow parent_instance;

  RjContext *context;

  /* A close asked for while the journal was being created or unlocked waits for that
   * to end, so that the journal is locked and never left half made. */
  gboolean close_when_idle;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkButton *lock_button;

  /* Pages, made in constructed() since they need the context */
  RjCreatePage *create_page;
  RjRecoveryCodePage *recovery_code_page;
  RjUnlockPage *unlock_page;
  RjJournalPage *journal_page;
};

void _rj_window_class_actions_init (RjWindowClass *klass);
void _rj_window_update_actions     (RjWindow *self);
void _rj_window_lock               (RjWindow *self);

G_END_DECLS
