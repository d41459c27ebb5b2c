/* rj-utils.c: small helpers the pages share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-passphrase.h"
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

/**
 * rj_entry_row_set_text:
 * @row: a row
 * @text: (nullable): the text, or %NULL for none
 *
 * Puts @text into @row, as if it were typed; %NULL empties the row.
 */
void
rj_entry_row_set_text (AdwEntryRow *row,
                       const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * rj_message_label_set:
 * @label: the label that shows a page's message
 * @message: (inout) (nullable): where the page keeps its message
 * @text: (nullable): the new message, or %NULL for none
 *
 * Keeps a copy of @text in @message and shows it in @label, which is hidden while
 * there is no message.
 *
 * Returns: whether the message changed, so that the caller can notify
 */
gboolean
rj_message_label_set (GtkLabel    *label,
                      char       **message,
                      const char  *text)
{
  g_return_val_if_fail (GTK_IS_LABEL (label), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (g_strcmp0 (*message, text) == 0)
    return FALSE;

  g_free (*message);
  *message = g_strdup (text);
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  return TRUE;
}

/**
 * rj_busy_indicator_set:
 * @spinner: a spinner
 * @label: the label that says what is being done
 * @busy: whether the work is under way
 *
 * Shows and spins @spinner, and shows @label, while @busy.
 */
void
rj_busy_indicator_set (GtkSpinner *spinner,
                       GtkWidget  *label,
                       gboolean    busy)
{
  g_return_if_fail (GTK_IS_SPINNER (spinner));
  g_return_if_fail (GTK_IS_WIDGET (label));

  gtk_widget_set_visible (GTK_WIDGET (spinner), busy);
  gtk_widget_set_visible (label, busy);
  gtk_spinner_set_spinning (spinner, busy);
}

/**
 * rj_passphrase_hint_update:
 * @hint_label: the label under a new passphrase
 * @passphrase: (nullable): what is typed so far
 *
 * Says in @hint_label how strong @passphrase is and how to make it stronger.
 */
void
rj_passphrase_hint_update (GtkLabel   *hint_label,
                           const char *passphrase)
{
  const char *hint = NULL;

  g_return_if_fail (GTK_IS_LABEL (hint_label));

  rj_passphrase_check (passphrase, &hint);
  gtk_label_set_label (hint_label, hint);
}

/**
 * rj_passphrase_rows_ready:
 * @passphrase_row: where a new passphrase is typed
 * @confirmation_row: where it is typed again
 *
 * Returns: whether a passphrase is typed, the same in both rows
 */
gboolean
rj_passphrase_rows_ready (AdwEntryRow *passphrase_row,
                          AdwEntryRow *confirmation_row)
{
  const char *passphrase;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (passphrase_row), FALSE);
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (confirmation_row), FALSE);

  passphrase = gtk_editable_get_text (GTK_EDITABLE (passphrase_row));
  return passphrase[0] != '\0'
         && g_strcmp0 (passphrase, gtk_editable_get_text (GTK_EDITABLE (confirmation_row))) == 0;
}

/**
 * rj_passphrase_rows_update:
 * @passphrase_row: where a new passphrase is typed
 * @confirmation_row: where it is typed again
 * @mismatch_label: says that the two are not the same
 * @busy: whether the passphrase is being saved
 *
 * Shows @mismatch_label while the confirmation differs, and keeps both rows read-only
 * while @busy.
 *
 * Returns: whether the passphrase is ready to save, as rj_passphrase_rows_ready()
 */
gboolean
rj_passphrase_rows_update (AdwEntryRow *passphrase_row,
                           AdwEntryRow *confirmation_row,
                           GtkWidget   *mismatch_label,
                           gboolean     busy)
{
  const char *passphrase;
  const char *confirmation;
  gboolean match;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (passphrase_row), FALSE);
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (confirmation_row), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (mismatch_label), FALSE);

  passphrase = gtk_editable_get_text (GTK_EDITABLE (passphrase_row));
  confirmation = gtk_editable_get_text (GTK_EDITABLE (confirmation_row));
  match = g_strcmp0 (passphrase, confirmation) == 0;

  gtk_widget_set_visible (mismatch_label, confirmation[0] != '\0' && !match);
  /* Read-only rather than insensitive while working: a focused GtkText that turns
   * insensitive loses its focus-out event, and the cursor should stay where it was. */
  gtk_editable_set_editable (GTK_EDITABLE (passphrase_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (confirmation_row), !busy);

  return passphrase[0] != '\0' && match;
}

/**
 * rj_secret_mode_show:
 * @secret_stack: holds a "passphrase" row and a "recovery-code" row
 * @mode_button: the button that switches from one to the other
 * @use_recovery_code: whether the recovery code is asked for
 *
 * Shows the row for the secret asked for, and has @mode_button offer the other one.
 */
void
rj_secret_mode_show (GtkStack  *secret_stack,
                     GtkButton *mode_button,
                     gboolean   use_recovery_code)
{
  g_return_if_fail (GTK_IS_STACK (secret_stack));
  g_return_if_fail (GTK_IS_BUTTON (mode_button));

  gtk_stack_set_visible_child_name (secret_stack,
                                    use_recovery_code ? "recovery-code" : "passphrase");
  gtk_button_set_label (mode_button,
                        use_recovery_code ? _("Use _Passphrase") : _("Use _Recovery Code"));
  rj_accessible_fix_names (GTK_WIDGET (mode_button));
}

/**
 * rj_forget_recent_file:
 * @manager: (nullable): the recent manager, or %NULL for the default one
 * @file: (nullable): a file the client just chose to export to
 *
 * GTK's own file chooser (used when no portal is there) adds what it saves to the
 * account's recently-used list, which would tell anyone at the computer that a
 * recovery check-in was exported, and where. Removing the item before the recent
 * manager writes its file keeps it out.
 */
void
rj_forget_recent_file (GtkRecentManager *manager,
                       GFile            *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (manager == NULL || GTK_IS_RECENT_MANAGER (manager));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file == NULL)
    return;
  if (manager == NULL)
    manager = gtk_recent_manager_get_default ();
  uri = g_file_get_uri (file);
  /* Not there is the usual case with a portal: nothing to do. */
  gtk_recent_manager_remove_item (manager, uri, NULL);
}

/* A label with its mnemonic underscores taken out: "Save as P_DF…" → "Save as PDF…";
 * a doubled underscore stands for one. */
static char *
strip_mnemonic (const char *label)
{
  GString *plain = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        {
          g_string_append_c (plain, '_');
          p++;
        }
      else if (*p != '_')
        g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

/**
 * rj_accessible_set_name:
 * @widget: a control
 * @name: what a screen reader should call it
 *
 * Sets @widget's accessible label to @name, and only @name: GTK 4.8 would read the
 * widget's visible label after it ("Add this trigger to my plan Add").
 */
void
rj_accessible_set_name (GtkWidget  *widget,
                        const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  /* GTK 4.8 reads the label a widget is "labelled by" after its own label, so a
   * button would be called "Unlock Unlock". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static GtkWidget *
find_ancestor_row (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_ACTION_ROW (w) || ADW_IS_EXPANDER_ROW (w))
      return w;
  return NULL;
}

static void
fix_names (GtkWidget *widget,
           GtkWidget *password_row)
{
  if (ADW_IS_PASSWORD_ENTRY_ROW (widget))
    password_row = widget;

  if (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      GtkButton *button = GTK_BUTTON (widget);
      const char *label = gtk_button_get_label (button);
      GtkWidget *child = gtk_button_get_child (button);

      if (label != NULL && gtk_button_get_use_underline (button))
        {
          g_autofree char *name = strip_mnemonic (label);
          rj_accessible_set_name (widget, name);
        }
      else if (ADW_IS_BUTTON_CONTENT (child))
        {
          /* Its accessible label is in the .ui file; the content's words would
           * follow it ("Add craving Add"). */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY);
        }
      else if (password_row != NULL && label == NULL)
        {
          /* The eye that shows the passphrase, inside AdwPasswordEntryRow. */
          rj_accessible_set_name (widget, _("Show passphrase"));
        }
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      const char *label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

      if (label != NULL)
        {
          g_autofree char *name = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget))
                                  ? strip_mnemonic (label) : g_strdup (label);
          rj_accessible_set_name (widget, name);
        }
    }
  else if (GTK_IS_SWITCH (widget))
    {
      GtkWidget *row = find_ancestor_row (widget);

      if (row != NULL)
        rj_accessible_set_name (widget,
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  else if (GTK_IS_EXPANDER (widget) && gtk_expander_get_label (GTK_EXPANDER (widget)) != NULL)
    {
      const char *label = gtk_expander_get_label (GTK_EXPANDER (widget));
      g_autofree char *name = gtk_expander_get_use_underline (GTK_EXPANDER (widget))
                              ? strip_mnemonic (label) : g_strdup (label);
      rj_accessible_set_name (widget, name);
    }
  else if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_tooltip_text (widget) != NULL)
    {
      /* GTK 4.8 gives the drop-down's own name to nothing that takes the focus: the
       * button inside it is what a screen reader meets. */
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
        if (GTK_IS_TOGGLE_BUTTON (c))
          rj_accessible_set_name (c, gtk_widget_get_tooltip_text (widget));
    }
  else if (GTK_IS_SEARCH_ENTRY (widget) && ADW_IS_PREFERENCES_WINDOW (gtk_widget_get_root (widget)))
    {
      rj_accessible_set_name (widget, _("Search preferences"));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_names (child, password_row);
}

/**
 * rj_accessible_fix_names:
 * @root: a window or page
 *
 * Gives every control below @root the name a screen reader should say, where GTK 4.8
 * and libadwaita 1.2 would give none or a mangled one: a button whose label has a
 * mnemonic ("_Unlock Unlock"), a check button, a switch in a row (its row's title),
 * the button that shows a passphrase, an expander, a drop-down (its tooltip), the
 * search of the preferences. Call it once a template's widgets are made, and again
 * on widgets made later. Labels set in the .ui files are kept, except on buttons with
 * a mnemonic, whose name becomes their label.
 */
void
rj_accessible_fix_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_names (root, NULL);
}
