/* rj-window-actions.c: the window's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-window-private.h"

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _rj_window_lock (RJ_WINDOW (widget));
}

void
_rj_window_class_actions_init (RjWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);
}

void
_rj_window_update_actions (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  gboolean unlocked = rj_store_is_unlocked (store);
  gboolean busy = rj_create_page_get_busy (self->create_page)
                  || rj_unlock_page_get_busy (self->unlock_page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", unlocked && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->lock_button), unlocked);
}
