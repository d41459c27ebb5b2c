/* rj-note-list.c: a short list of free-text items, each of which can be kept private.
 *
 * Wins, and what to bring up in group: a row per item, edited in place, and a last row
 * to add one more. Removing an item can be undone from the toast that says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-note-list"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-note-list.h"
#include "rj-private-button.h"

struct _RjNoteList
{
  AdwPreferencesGroup parent_instance;

  char *add_title;
  char *item_name;

  /* What the last removal took away, until the toast that offers to undo it goes. */
  RjNote *removed_note;
  guint removed_index;
  AdwToast *undo_toast;     /* weak: the toast that offers to undo it */

  GtkListBox *list_box;
  AdwEntryRow *add_row;
  RjPrivateButton *add_private_button;
};

G_DEFINE_FINAL_TYPE (RjNoteList, rj_note_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_ADD_TITLE,
  PROP_ITEM_NAME,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void remove_button_clicked_cb (RjNoteList *self,
                                      GtkButton  *button);

static GtkWidget *
get_item_row (RjNoteList *self,
              guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) index);

  if (row == NULL || row == GTK_LIST_BOX_ROW (self->add_row))
    return NULL;
  return GTK_WIDGET (row);
}

static void
update_accessible_names (RjNoteList *self)
{
  guint n = rj_note_list_get_n_items (self);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = get_item_row (self, i);
      GtkWidget *item_text = g_object_get_data (G_OBJECT (row), "rj-text");
      g_autofree char *name = NULL;

      /* Translators: an item of a list, as in "Win 2 of 3". */
      name = g_strdup_printf (_("%s %u of %u"),
                              self->item_name != NULL ? self->item_name : "", i + 1, n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (item_text),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
}

static void
emit_changed (RjNoteList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
item_changed_cb (RjNoteList *self)
{
  emit_changed (self);
}

static GtkWidget *
insert_item_row (RjNoteList *self,
                 const char *text,
                 gboolean    is_private,
                 int         position)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "activatable", FALSE,
                                 "focusable", FALSE,
                                 NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *item_text = gtk_text_new ();
  GtkWidget *private_button = rj_private_button_new ();
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* A bare text field rather than an entry row: an entry row keeps room for a title
   * above the text, which an item of a list does not have. */
  gtk_widget_set_hexpand (item_text, TRUE);
  gtk_widget_set_valign (item_text, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (item_text, "note-item-text");
  gtk_editable_set_text (GTK_EDITABLE (item_text), text != NULL ? text : "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private_button), is_private);

  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"),
                                  -1);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), item_text);
  gtk_box_append (GTK_BOX (box), private_button);
  gtk_box_append (GTK_BOX (box), remove_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "rj-text", item_text);
  g_object_set_data (G_OBJECT (row), "rj-private-button", private_button);
  g_object_set_data (G_OBJECT (remove_button), "rj-row", row);

  g_signal_connect_object (item_text, "changed", G_CALLBACK (item_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (private_button, "toggled", G_CALLBACK (item_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (remove_button, "clicked", G_CALLBACK (remove_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_list_box_insert (self->list_box, row, position);
  update_accessible_names (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return row;
}

static GtkEditable *
get_item_text (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "rj-text");
}

static void
clear_removed (RjNoteList *self)
{
  g_clear_pointer (&self->removed_note, rj_note_free);

  /* Only the last removal can be undone: its toast goes with it, so that an older
   * toast never brings back an item it was not about. */
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
      self->undo_toast = NULL;
      adw_toast_dismiss (toast);
    }
}

static void
undo_toast_button_clicked_cb (RjNoteList *self)
{
  GtkWidget *row;

  if (self->removed_note == NULL)
    return;

  /* This toast is going anyway; it need not be dismissed from its own click. */
  if (self->undo_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
      self->undo_toast = NULL;
    }

  row = insert_item_row (self, self->removed_note->text, self->removed_note->is_private,
                         (int) MIN (self->removed_index, rj_note_list_get_n_items (self)));
  clear_removed (self);
  gtk_widget_grab_focus (GTK_WIDGET (get_item_text (row)));
  emit_changed (self);
}

static void
remove_item_row (RjNoteList *self,
                 GtkWidget  *row,
                 gboolean    offer_undo)
{
  GtkWidget *private_button = g_object_get_data (G_OBJECT (row), "rj-private-button");
  const char *text = gtk_editable_get_text (get_item_text (row));
  gboolean is_private = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (private_button));
  guint index = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkWidget *overlay;

  clear_removed (self);
  if (offer_undo && text[0] != '\0')
    {
      self->removed_note = rj_note_new (text, is_private);
      self->removed_index = index;
    }

  gtk_list_box_remove (self->list_box, row);
  update_accessible_names (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  emit_changed (self);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (self->removed_note != NULL && overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Removed"));

      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked",
                               G_CALLBACK (undo_toast_button_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      self->undo_toast = toast;
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static void
remove_button_clicked_cb (RjNoteList *self,
                          GtkButton  *button)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "rj-row");
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkWidget *next;

  remove_item_row (self, row, TRUE);

  /* The keyboard stays in the list: on the next item, or on the row to add one. */
  next = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, index));
  if (next != NULL && next != GTK_WIDGET (self->add_row))
    gtk_widget_grab_focus (GTK_WIDGET (get_item_text (next)));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
add_current (RjNoteList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean is_private;

  if (stripped[0] == '\0')
    return;

  is_private = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->add_private_button));
  insert_item_row (self, stripped, is_private, (int) rj_note_list_get_n_items (self));
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->add_private_button), FALSE);
  emit_changed (self);
}

static void
add_row_entry_activated_cb (RjNoteList *self)
{
  add_current (self);
}

static void
add_button_clicked_cb (RjNoteList *self)
{
  add_current (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
rj_note_list_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_NOTE_LIST);

  G_OBJECT_CLASS (rj_note_list_parent_class)->dispose (object);
}

static void
rj_note_list_finalize (GObject *object)
{
  RjNoteList *self = (RjNoteList *) object;

  clear_removed (self);
  g_free (self->add_title);
  g_free (self->item_name);

  G_OBJECT_CLASS (rj_note_list_parent_class)->finalize (object);
}

static void
rj_note_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RjNoteList *self = RJ_NOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_ADD_TITLE:
      g_value_set_string (value, self->add_title);
      break;

    case PROP_ITEM_NAME:
      g_value_set_string (value, self->item_name);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, rj_note_list_get_n_items (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_note_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RjNoteList *self = RJ_NOTE_LIST (object);

  switch (prop_id)
    {
    case PROP_ADD_TITLE:
      g_free (self->add_title);
      self->add_title = g_value_dup_string (value);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row),
                                     self->add_title != NULL ? self->add_title : "");
      break;

    case PROP_ITEM_NAME:
      g_free (self->item_name);
      self->item_name = g_value_dup_string (value);
      update_accessible_names (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_note_list_class_init (RjNoteListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_note_list_dispose;
  object_class->finalize = rj_note_list_finalize;
  object_class->get_property = rj_note_list_get_property;
  object_class->set_property = rj_note_list_set_property;

  properties[PROP_ADD_TITLE] =
    g_param_spec_string ("add-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  /**
   * RjNoteList:item-name:
   *
   * What one item is called, for screen readers: "Win" reads "Win 2 of 3".
   */
  properties[PROP_ITEM_NAME] =
    g_param_spec_string ("item-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjNoteList::changed:
   *
   * An item was added, edited, marked private or removed by the client.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-note-list.ui");
  gtk_widget_class_bind_template_child (widget_class, RjNoteList, list_box);
  gtk_widget_class_bind_template_child (widget_class, RjNoteList, add_row);
  gtk_widget_class_bind_template_child (widget_class, RjNoteList, add_private_button);
  gtk_widget_class_bind_template_callback (widget_class, add_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_button_clicked_cb);
}

static void
rj_note_list_init (RjNoteList *self)
{
  g_type_ensure (RJ_TYPE_PRIVATE_BUTTON);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rj_note_list_new (void)
{
  return g_object_new (RJ_TYPE_NOTE_LIST, NULL);
}

/**
 * rj_note_list_set_notes:
 * @self: a #RjNoteList
 * @notes: (nullable) (element-type RjNote): the items to show, or %NULL for none
 *
 * Shows @notes in place of what the list showed, and forgets anything it could undo
 * and anything typed in the row to add one. Does not emit #RjNoteList::changed.
 */
void
rj_note_list_set_notes (RjNoteList *self,
                        GPtrArray  *notes)
{
  GtkWidget *row;

  g_return_if_fail (RJ_IS_NOTE_LIST (self));

  while ((row = get_item_row (self, 0)) != NULL)
    gtk_list_box_remove (self->list_box, row);

  clear_removed (self);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->add_private_button), FALSE);

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const RjNote *note = g_ptr_array_index (notes, i);

      insert_item_row (self, note->text, note->is_private, (int) i);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * rj_note_list_dup_notes:
 * @self: a #RjNoteList
 *
 * Returns: (transfer full) (element-type RjNote): the items that have text, in order
 */
GPtrArray *
rj_note_list_dup_notes (RjNoteList *self)
{
  GPtrArray *notes;
  GtkWidget *row;

  g_return_val_if_fail (RJ_IS_NOTE_LIST (self), NULL);

  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_note_free);
  for (guint i = 0; (row = get_item_row (self, i)) != NULL; i++)
    {
      GtkToggleButton *private_button = g_object_get_data (G_OBJECT (row), "rj-private-button");
      const char *text = gtk_editable_get_text (get_item_text (row));

      if (text[0] == '\0')
        continue;
      g_ptr_array_add (notes, rj_note_new (text, gtk_toggle_button_get_active (private_button)));
    }

  return notes;
}

/**
 * rj_note_list_add:
 * @self: a #RjNoteList
 * @text: the item
 * @is_private: whether to keep it off printed pages
 *
 * Adds an item at the end, as the client would, and emits #RjNoteList::changed.
 */
void
rj_note_list_add (RjNoteList *self,
                  const char *text,
                  gboolean    is_private)
{
  g_return_if_fail (RJ_IS_NOTE_LIST (self));
  g_return_if_fail (text != NULL);

  insert_item_row (self, text, is_private, (int) rj_note_list_get_n_items (self));
  emit_changed (self);
}

guint
rj_note_list_get_n_items (RjNoteList *self)
{
  guint n = 0;

  g_return_val_if_fail (RJ_IS_NOTE_LIST (self), 0);

  while (get_item_row (self, n) != NULL)
    n++;
  return n;
}

/**
 * rj_note_list_set_item_private:
 * @self: a #RjNoteList
 * @index: which item
 * @is_private: whether to keep it off printed pages
 *
 * Presses or releases the item's lock, as the client would.
 */
void
rj_note_list_set_item_private (RjNoteList *self,
                               guint       index,
                               gboolean    is_private)
{
  GtkWidget *row;

  g_return_if_fail (RJ_IS_NOTE_LIST (self));

  row = get_item_row (self, index);
  g_return_if_fail (row != NULL);

  gtk_toggle_button_set_active (g_object_get_data (G_OBJECT (row), "rj-private-button"),
                                is_private);
}

/**
 * rj_note_list_remove:
 * @self: a #RjNoteList
 * @index: which item
 *
 * Removes an item as the client would, with a toast that can undo it.
 */
void
rj_note_list_remove (RjNoteList *self,
                     guint       index)
{
  GtkWidget *row;

  g_return_if_fail (RJ_IS_NOTE_LIST (self));

  row = get_item_row (self, index);
  g_return_if_fail (row != NULL);

  remove_item_row (self, row, TRUE);
}
