/* rj-utils.c: small helpers the pages share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-utils.h"

/**
 * rj_entry_row_keep_secret:
 * @row: a row where a passphrase or a recovery code is typed
 *
 * Keeps what is typed into @row in GTK's secure memory, which is not swapped out where
 * the system allows it and is wiped when the text changes or the row goes away.
 */
void
rj_entry_row_keep_secret (AdwEntryRow *row)
{
  GtkEditable *delegate;
  g_autoptr(GtkEntryBuffer) buffer = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  g_return_if_fail (GTK_IS_TEXT (delegate));

  buffer = gtk_password_entry_buffer_new ();
  gtk_text_set_buffer (GTK_TEXT (delegate), buffer);
}

/**
 * rj_entry_row_clear:
 * @row: a row
 *
 * Empties @row, so that nothing typed into it stays on screen or in memory.
 */
void
rj_entry_row_clear (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/**
 * rj_widget_show_toast:
 * @widget: a widget inside a window with a toast overlay
 * @title: what to say
 *
 * Shows a short, quiet message at the bottom of @widget's window.
 */
void
rj_widget_show_toast (GtkWidget  *widget,
                      const char *title)
{
  GtkWidget *overlay;
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay to show “%s”", title);
      return;
    }

  /* Toast titles are markup in libadwaita 1.2, and a file name may hold an ampersand. */
  markup = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
}
