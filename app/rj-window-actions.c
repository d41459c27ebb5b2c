/* rj-window-actions.c: the window's actions.
 *
 * The check-in's actions live here rather than on the page so that their shortcuts
 * work wherever the focus is in the window, including the header bar.
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
  _rj_window_lock (RJ_WINDOW (widget), FALSE);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RjWindow *self = RJ_WINDOW (widget);

  rj_day_header_popdown (self->day_header);
  rj_checkin_page_show_today (self->checkin_page);
}

static void
previous_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rj_checkin_page_show_previous_day (RJ_WINDOW (widget)->checkin_page);
}

static void
next_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rj_checkin_page_show_next_day (RJ_WINDOW (widget)->checkin_page);
}

static void
choose_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  rj_day_header_popup (RJ_WINDOW (widget)->day_header);
}

static void
add_craving_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rj_checkin_page_add_craving (RJ_WINDOW (widget)->checkin_page);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _rj_window_show_preferences (RJ_WINDOW (widget));
}

static void
summary_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _rj_window_show_summary (RJ_WINDOW (widget));
}

static void
trends_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _rj_window_show_trends (RJ_WINDOW (widget));
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _rj_window_show_plan (RJ_WINDOW (widget));
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _rj_window_show_restore (RJ_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _rj_window_show_search (RJ_WINDOW (widget));
}

void
_rj_window_class_actions_init (RjWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "win.previous-day", NULL, previous_day_action);
  gtk_widget_class_install_action (widget_class, "win.next-day", NULL, next_day_action);
  gtk_widget_class_install_action (widget_class, "win.choose-day", NULL, choose_day_action);
  gtk_widget_class_install_action (widget_class, "win.add-craving", NULL, add_craving_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.summary", NULL, summary_action);
  gtk_widget_class_install_action (widget_class, "win.trends", NULL, trends_action);
  gtk_widget_class_install_action (widget_class, "win.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);

  /* Keep these in step with ui/gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.lock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "win.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.choose-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.add-craving", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  /* Ctrl+P stays free for printing, as in the summary window itself. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.summary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.trends", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.plan", NULL);
}

void
_rj_window_update_actions (RjWindow *self)
{
  RjStore *store = rj_context_get_store (self->context);
  gboolean unlocked = rj_store_is_unlocked (store);
  gboolean busy = rj_create_page_get_busy (self->create_page)
                  || rj_unlock_page_get_busy (self->unlock_page);
  gboolean journal = unlocked &&
                     g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "journal") == 0 &&
                     rj_checkin_page_get_date (self->checkin_page) != NULL;
  gboolean today = journal && rj_checkin_page_get_is_today (self->checkin_page);
  gboolean searching = unlocked &&
                       g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "search") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", unlocked && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->lock_button), unlocked);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.today", journal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-day", journal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-day", journal && !today);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-day", journal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-craving", journal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", journal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.summary", journal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trends", journal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.plan", journal);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_button), journal);
  gtk_widget_set_visible (GTK_WIDGET (self->today_button), journal && !today);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", journal || searching);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), journal || searching);
  gtk_toggle_button_set_active (self->search_button, searching);

  /* From the first page, the unlock page, or Preferences, which locks the journal
   * first; never while a journal is being made or opened. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", !busy);
}
