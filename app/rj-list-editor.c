/* rj-list-editor.c: one of the client's lists, to add to, rename, hide and reorder.
 *
 * The same editor serves triggers, coping skills and substances. It works on the
 * profile it is given, in place, and emits RjListEditor::changed after each change so
 * that its owner can save. Items are never deleted: an item that is no longer wanted is
 * hidden, so that past entries that name it still read as they were written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-list-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-list-editor.h"

struct _RjListEditor
{
  AdwPreferencesGroup parent_instance;

  RjListKind kind;
  RjProfile *profile;

  GtkListBox *list_box;
  AdwEntryRow *add_row;
};

G_DEFINE_FINAL_TYPE (RjListEditor, rj_list_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GPtrArray *
get_items (RjListEditor *self)
{
  return self->profile != NULL ? self->profile->lists[self->kind] : NULL;
}

static RjListItem *
find_item (RjListEditor *self,
           const char   *id,
           guint        *index_out)
{
  GPtrArray *items = get_items (self);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      RjListItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->id, id) == 0)
        {
          if (index_out != NULL)
            *index_out = i;
          return item;
        }
    }
  return NULL;
}

/* The label a built-in item has when the client has not renamed it, or NULL for the
 * client's own items. */
static const char *
builtin_label (const char *id)
{
  RjListItem plain = { (char *) id, NULL, FALSE };
  const char *label = rj_list_item_get_label (&plain);

  return g_strcmp0 (label, id) != 0 ? label : NULL;
}

static void
emit_changed (RjListEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_can_move (RjListEditor *self)
{
  GPtrArray *items = get_items (self);
  guint n = items != NULL ? items->len : 0;
  GtkListBoxRow *row;

  /* The list's order, which is not the order of the list box's child widgets. */
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      if (RJ_IS_LIST_ITEM_ROW (row))
        rj_list_item_row_set_can_move (RJ_LIST_ITEM_ROW (row), i > 0, i + 1 < n);
    }
}

static void
row_notify_label_cb (RjListEditor  *self,
                     GParamSpec    *pspec,
                     RjListItemRow *row)
{
  RjListItem *item = find_item (self, rj_list_item_row_get_item_id (row), NULL);
  const char *label = rj_list_item_row_get_label (row);
  const char *builtin;

  if (item == NULL || label == NULL || g_strcmp0 (label, rj_list_item_get_label (item)) == 0)
    return;

  /* A built-in item named back to what it was called keeps no name of its own, so that
   * it follows the reader's language again. */
  builtin = builtin_label (item->id);
  g_free (item->name);
  item->name = g_strcmp0 (label, builtin) == 0 ? NULL : g_strdup (label);
  emit_changed (self);
}

static void
row_notify_hidden_cb (RjListEditor  *self,
                      GParamSpec    *pspec,
                      RjListItemRow *row)
{
  RjListItem *item = find_item (self, rj_list_item_row_get_item_id (row), NULL);
  gboolean hidden = rj_list_item_row_get_hidden (row);

  if (item == NULL || !item->hidden == !hidden)
    return;

  item->hidden = hidden;
  emit_changed (self);
}

static void
row_move_cb (RjListEditor  *self,
             int            delta,
             RjListItemRow *row)
{
  GPtrArray *items = get_items (self);
  guint from;
  guint to;
  gpointer moved;

  if (find_item (self, rj_list_item_row_get_item_id (row), &from) == NULL)
    return;
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= items->len))
    return;
  to = delta < 0 ? from - 1 : from + 1;

  moved = items->pdata[from];
  items->pdata[from] = items->pdata[to];
  items->pdata[to] = moved;

  /* The rows follow the items; sorting moves the row without taking it out, so that it
   * keeps the focus and its buttons keep track of their actions. */
  gtk_list_box_invalidate_sort (self->list_box);
  update_can_move (self);
  emit_changed (self);
}

/* The rows in the order of the items, and last the row that adds one. */
static int
sort_rows_func (GtkListBoxRow *row1,
                GtkListBoxRow *row2,
                gpointer       user_data)
{
  RjListEditor *self = user_data;
  guint index1 = G_MAXUINT;
  guint index2 = G_MAXUINT;

  if (RJ_IS_LIST_ITEM_ROW (row1))
    find_item (self, rj_list_item_row_get_item_id (RJ_LIST_ITEM_ROW (row1)), &index1);
  if (RJ_IS_LIST_ITEM_ROW (row2))
    find_item (self, rj_list_item_row_get_item_id (RJ_LIST_ITEM_ROW (row2)), &index2);

  return index1 < index2 ? -1 : index1 > index2;
}

static GtkWidget *
add_row_for_item (RjListEditor *self,
                  RjListItem   *item,
                  int           position)
{
  GtkWidget *row = rj_list_item_row_new (self->kind, item->id, rj_list_item_get_label (item),
                                         item->hidden);

  g_signal_connect_object (row, "notify::label", G_CALLBACK (row_notify_label_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "notify::hidden", G_CALLBACK (row_notify_hidden_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_insert (self->list_box, row, position);
  return row;
}

static void
remove_item_rows (RjListEditor *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (RJ_IS_LIST_ITEM_ROW (child))
        gtk_list_box_remove (self->list_box, child);
      child = next;
    }
}

static void
update_texts (RjListEditor *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  const char *title = NULL;
  const char *description = NULL;
  const char *add_title = NULL;

  switch (self->kind)
    {
    case RJ_LIST_TRIGGERS:
      title = _("Triggers");
      description = _("The kinds of things that can set off a craving. Switch one off to "
                      "keep it out of your check-ins; past entries still show it.");
      add_title = _("Add a Trigger");
      break;

    case RJ_LIST_SKILLS:
      title = _("Coping Skills");
      description = _("What you can do when a craving comes. Put the ones that work for "
                      "you at the top.");
      add_title = _("Add a Coping Skill");
      break;

    case RJ_LIST_SUBSTANCES:
      title = _("Substances");
      description = _("The substances you keep track of in your journal.");
      add_title = _("Add a Substance");
      break;

    case RJ_N_LISTS:
    default:
      g_assert_not_reached ();
    }

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), add_title);
}

static void
add_row_apply_cb (RjListEditor *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
  RjListItem *item;

  g_strstrip (name);
  if (name[0] == '\0')
    return;

  item = rj_list_editor_add_item (self, name);
  if (item == NULL)
    return;

  /* Ready for the next one. */
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  add_row_apply_cb (RJ_LIST_EDITOR (widget));
}

static void
rj_list_editor_dispose (GObject *object)
{
  RjListEditor *self = (RjListEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_LIST_EDITOR);
  g_clear_pointer (&self->profile, rj_profile_unref);

  G_OBJECT_CLASS (rj_list_editor_parent_class)->dispose (object);
}

static void
rj_list_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RjListEditor *self = RJ_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_PROFILE:
      g_value_set_boxed (value, self->profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_list_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RjListEditor *self = RJ_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      update_texts (self);
      break;

    case PROP_PROFILE:
      rj_list_editor_set_profile (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_list_editor_class_init (RjListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_list_editor_dispose;
  object_class->get_property = rj_list_editor_get_property;
  object_class->set_property = rj_list_editor_set_property;

  /* An RjListKind; an int, since the model has no GType for it. In a template:
   * 0 triggers, 1 coping skills, 2 substances. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      RJ_LIST_TRIGGERS, RJ_N_LISTS - 1, RJ_LIST_TRIGGERS,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROFILE] =
    g_param_spec_boxed ("profile", NULL, NULL,
                        RJ_TYPE_PROFILE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjListEditor::changed:
   * @self: the editor
   *
   * The list in the profile changed: an item was added, renamed, hidden, shown or
   * moved.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-list-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RjListEditor, list_box);
  gtk_widget_class_bind_template_child (widget_class, RjListEditor, add_row);
  gtk_widget_class_bind_template_callback (widget_class, add_row_apply_cb);

  gtk_widget_class_install_action (widget_class, "list.add", NULL, add_action);
}

static void
rj_list_editor_init (RjListEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_sort_func (self->list_box, sort_rows_func, self, NULL);
  update_texts (self);
}

/**
 * rj_list_editor_new:
 * @kind: which of the client's lists to edit
 *
 * Returns: (transfer floating): a new editor, empty until it is given a profile
 */
GtkWidget *
rj_list_editor_new (RjListKind kind)
{
  g_return_val_if_fail (kind < RJ_N_LISTS, NULL);

  return g_object_new (RJ_TYPE_LIST_EDITOR,
                       "kind", kind,
                       NULL);
}

RjListKind
rj_list_editor_get_kind (RjListEditor *self)
{
  g_return_val_if_fail (RJ_IS_LIST_EDITOR (self), RJ_LIST_TRIGGERS);

  return self->kind;
}

/**
 * rj_list_editor_get_profile:
 * @self: a #RjListEditor
 *
 * Returns: (transfer none) (nullable): the profile the editor changes
 */
RjProfile *
rj_list_editor_get_profile (RjListEditor *self)
{
  g_return_val_if_fail (RJ_IS_LIST_EDITOR (self), NULL);

  return self->profile;
}

/**
 * rj_list_editor_set_profile:
 * @self: a #RjListEditor
 * @profile: (nullable): the profile whose list to show and change, in place
 */
void
rj_list_editor_set_profile (RjListEditor *self,
                            RjProfile    *profile)
{
  GPtrArray *items;

  g_return_if_fail (RJ_IS_LIST_EDITOR (self));

  if (self->profile == profile)
    return;

  remove_item_rows (self);
  g_clear_pointer (&self->profile, rj_profile_unref);
  if (profile != NULL)
    self->profile = rj_profile_ref (profile);

  items = get_items (self);
  for (guint i = 0; items != NULL && i < items->len; i++)
    add_row_for_item (self, g_ptr_array_index (items, i), i);

  update_can_move (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.add", profile != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

/**
 * rj_list_editor_find_row:
 * @self: a #RjListEditor
 * @item_id: an item's id
 *
 * Returns: (transfer none) (nullable): the row that shows the item
 */
RjListItemRow *
rj_list_editor_find_row (RjListEditor *self,
                         const char   *item_id)
{
  g_return_val_if_fail (RJ_IS_LIST_EDITOR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (RJ_IS_LIST_ITEM_ROW (child)
          && g_strcmp0 (rj_list_item_row_get_item_id (RJ_LIST_ITEM_ROW (child)), item_id) == 0)
        return RJ_LIST_ITEM_ROW (child);
    }
  return NULL;
}

/**
 * rj_list_editor_add_item:
 * @self: a #RjListEditor with a profile
 * @name: the new item's name
 *
 * Adds an item at the end of the list. A name the list has already brings that item
 * back instead, shown, so that the list holds each thing once.
 *
 * Returns: (transfer none) (nullable): the item, or %NULL when @name is empty
 */
RjListItem *
rj_list_editor_add_item (RjListEditor *self,
                         const char   *name)
{
  g_autofree char *wanted = NULL;
  g_autofree char *stripped = NULL;
  GPtrArray *items;
  RjListItem *item;

  g_return_val_if_fail (RJ_IS_LIST_EDITOR (self), NULL);
  g_return_val_if_fail (self->profile != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0')
    return NULL;

  items = get_items (self);
  wanted = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *label = NULL;

      item = g_ptr_array_index (items, i);
      label = g_utf8_casefold (rj_list_item_get_label (item), -1);
      if (g_utf8_collate (label, wanted) == 0)
        {
          RjListItemRow *row = rj_list_editor_find_row (self, item->id);

          /* The row reports the change, which saves it. */
          if (row != NULL)
            rj_list_item_row_set_hidden (row, FALSE);
          return item;
        }
    }

  item = rj_profile_add_item (self->profile, self->kind, stripped);
  add_row_for_item (self, item, items->len - 1);
  update_can_move (self);
  emit_changed (self);
  return item;
}
