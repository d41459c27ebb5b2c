/* rj-help-now-dialog.c: where to reach someone now, without unlocking anything.
 *
 * The crisis lines are part of the program, not of the journal, so this dialog opens
 * from the unlock screen as well as from the menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-help-now-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-help-now-dialog.h"

struct _RjHelpNowDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (RjHelpNowDialog, rj_help_now_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
rj_help_now_dialog_class_init (RjHelpNowDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-help-now-dialog.ui");
}

static void
rj_help_now_dialog_init (RjHelpNowDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rj_help_now_dialog_new:
 * @parent: (nullable): the window to show the dialog over
 *
 * Returns: (transfer floating): a new dialog
 */
GtkWidget *
rj_help_now_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RJ_TYPE_HELP_NOW_DIALOG,
                       "transient-for", parent,
                       NULL);
}
