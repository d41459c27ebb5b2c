/* rj-window-private.h: what rj-window.c and rj-window-actions.c share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rj-checkin-page.h"
#include "rj-create-page.h"
#include "rj-day-header.h"
#include "rj-recovery-code-page.h"
#include "rj-search-page.h"
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

  /* Auto-lock: the last keyboard or pointer event in this window or a window of its
   * own, and the timer that locks the journal after enough time without one.
   * @auto_lock_seconds overrides the setting when it is not 0. */
  guint auto_lock_seconds;
  gint64 last_activity;
  guint auto_lock_source;

  /* The preferences window while it is open. */
  GtkWindow *preferences_window;
  /* The session summary while it is open. */
  GtkWindow *summary_window;
  /* The trends while they are open. */
  GtkWindow *trends_window;
  /* The relapse-prevention plan while it is open. */
  GtkWindow *plan_window;
  /* The restore dialog while it is open. */
  GtkWindow *restore_dialog;

  /* Automatic backups: the context's count of saves when the last one was written, so
   * that a lock with nothing new writes none. @closing while the window closes. */
  guint n_saved_at_backup;
  gboolean closing;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *title_stack;
  RjDayHeader *day_header;
  GtkButton *today_button;
  GtkStack *stack;
  GtkButton *lock_button;
  GtkToggleButton *search_button;
  GtkButton *plan_button;

  /* Pages, made in constructed() since they need the context */
  RjCreatePage *create_page;
  RjRecoveryCodePage *recovery_code_page;
  RjUnlockPage *unlock_page;
  RjCheckinPage *checkin_page;
  RjSearchPage *search_page;
};

void _rj_window_class_actions_init (RjWindowClass *klass);
void _rj_window_update_actions     (RjWindow *self);
gboolean _rj_window_lock           (RjWindow *self,
                                    gboolean  even_if_unsaved);
void _rj_window_show_preferences   (RjWindow *self);
void _rj_window_show_summary       (RjWindow *self);
void _rj_window_show_trends        (RjWindow *self);
void _rj_window_show_plan         (RjWindow *self);
void _rj_window_show_restore       (RjWindow *self);
void _rj_window_show_search        (RjWindow *self);

G_END_DECLS
