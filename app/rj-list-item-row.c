/* rj-list-item-row.c: one item of the client's lists, renamed where it stands.
 *
 * The row is an entry holding the item's label, so renaming is just typing; its title
 * says what kind of item it is, and whether it is hidden. A switch shows or hides the
 * item in check-ins, and two buttons move it up and down. The row only shows and
 * reports; RjListEditor applies what it reports to the profile.
 *
 * A row never reports an empty label: while the text is empty the item keeps its last
 * name, and the text comes back when the cursor leaves the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-list-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-list-item-row.h"
#include "rj-profile.h"

struct _RjListItemRow
{
  AdwEntryRow parent_instance;

  RjListKind kind;
  char *item_id;
  char *label;
  gboolean hidden;
  gboolean can_move_up;
  gboolean can_move_down;

  GtkSwitch *shown_switch;
  GtkButton *up_button;
  GtkButton *down_button;
};

G_DEFINE_FINAL_TYPE (RjListItemRow, rj_list_item_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ITEM_ID,
  PROP_LABEL,
  PROP_HIDDEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_switch_label (RjListItemRow *self)
{
  const char *label = self->label != NULL ? self->label : "";
  g_autofree char *switch_label = NULL;

  /* Translators: %s is an item of a list, such as a coping skill. */
  switch_label = g_strdup_printf (_("Show “%s” in check-ins"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shown_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label,
                                  -1);
}

/* The title says what kind of item the row holds, and whether it is hidden; it also
 * names the row for screen readers. */
static void
update_title (RjListItemRow *self)
{
  const char *title = NULL;

  switch (self->kind)
    {
    case RJ_LIST_TRIGGERS:
      title = self->hidden ? _("Hidden trigger") : _("Trigger");
      break;

    case RJ_LIST_SKILLS:
      title = self->hidden ? _("Hidden coping skill") : _("Coping skill");
      break;

    case RJ_LIST_SUBSTANCES:
      title = self->hidden ? _("Hidden substance") : _("Substance");
      break;

    case RJ_N_LISTS:
    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
}

static void
update_hidden (RjListItemRow *self)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self)));

  /* A hidden item stays in the list, dimmed and marked, so that it can come back. */
  if (self->hidden)
    gtk_widget_add_css_class (text, "dim-label");
  else
    gtk_widget_remove_css_class (text, "dim-label");

  update_title (self);
}

static void
update_actions (RjListItemRow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-up", self->can_move_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-down", self->can_move_down);
}

static void
set_label_internal (RjListItemRow *self,
                    const char    *label)
{
  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  update_switch_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

static void
changed_cb (RjListItemRow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));

  g_strstrip (text);
  if (text[0] != '\0')
    set_label_internal (self, text);
}

static void
focus_leave_cb (RjListItemRow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));

  /* An emptied row gets its name back rather than leaving a blank item behind. */
  if (g_strstrip (text)[0] == '\0' && self->label != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self), self->label);
}

static void
shown_switch_notify_active_cb (RjListItemRow *self)
{
  rj_list_item_row_set_hidden (self, !gtk_switch_get_active (self->shown_switch));
}

static void
move (RjListItemRow *self,
      int            delta)
{
  GtkButton *button = delta < 0 ? self->up_button : self->down_button;
  GtkButton *other = delta < 0 ? self->down_button : self->up_button;

  g_signal_emit (self, signals[MOVE], 0, delta);

  /* At the top or the bottom the button turns insensitive and would drop the focus;
   * the other one takes it, so that the keyboard stays on the row. */
  if (gtk_widget_has_focus (GTK_WIDGET (button)) && gtk_widget_get_sensitive (GTK_WIDGET (button)))
    return;
  if (gtk_widget_get_sensitive (GTK_WIDGET (button)))
    gtk_widget_grab_focus (GTK_WIDGET (button));
  else if (gtk_widget_get_sensitive (GTK_WIDGET (other)))
    gtk_widget_grab_focus (GTK_WIDGET (other));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (RJ_LIST_ITEM_ROW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (RJ_LIST_ITEM_ROW (widget), 1);
}

static void
rj_list_item_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_LIST_ITEM_ROW);

  G_OBJECT_CLASS (rj_list_item_row_parent_class)->dispose (object);
}

static void
rj_list_item_row_finalize (GObject *object)
{
  RjListItemRow *self = (RjListItemRow *) object;

  g_clear_pointer (&self->item_id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (rj_list_item_row_parent_class)->finalize (object);
}

static void
rj_list_item_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RjListItemRow *self = RJ_LIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_list_item_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RjListItemRow *self = RJ_LIST_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      update_title (self);
      break;

    case PROP_ITEM_ID:
      self->item_id = g_value_dup_string (value);
      break;

    case PROP_LABEL:
      rj_list_item_row_set_label (self, g_value_get_string (value));
      break;

    case PROP_HIDDEN:
      rj_list_item_row_set_hidden (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_list_item_row_class_init (RjListItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_list_item_row_dispose;
  object_class->finalize = rj_list_item_row_finalize;
  object_class->get_property = rj_list_item_row_get_property;
  object_class->set_property = rj_list_item_row_set_property;

  /* An RjListKind; an int, since the model has no GType for it. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      RJ_LIST_TRIGGERS, RJ_N_LISTS - 1, RJ_LIST_TRIGGERS,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM_ID] =
    g_param_spec_string ("item-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The label as the client last named it: never empty, unlike the text being typed. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjListItemRow::move:
   * @self: the row
   * @delta: -1 to move the item up, 1 to move it down
   */
  signals[MOVE] =
    g_signal_new ("move",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-list-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RjListItemRow, shown_switch);
  gtk_widget_class_bind_template_child (widget_class, RjListItemRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, RjListItemRow, down_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, shown_switch_notify_active_cb);

  gtk_widget_class_install_action (widget_class, "item.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "item.move-down", NULL, move_down_action);
}

static void
rj_list_item_row_init (RjListItemRow *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  update_hidden (self);
  update_actions (self);
}

/**
 * rj_list_item_row_new:
 * @kind: the list the item belongs to
 * @item_id: the item's id in the profile
 * @label: the item's label, as shown
 * @hidden: whether the item is hidden from check-ins
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
rj_list_item_row_new (RjListKind  kind,
                      const char *item_id,
                      const char *label,
                      gboolean    hidden)
{
  g_return_val_if_fail (kind < RJ_N_LISTS, NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_object_new (RJ_TYPE_LIST_ITEM_ROW,
                       "kind", kind,
                       "item-id", item_id,
                       "label", label,
                       "hidden", hidden,
                       NULL);
}

const char *
rj_list_item_row_get_item_id (RjListItemRow *self)
{
  g_return_val_if_fail (RJ_IS_LIST_ITEM_ROW (self), NULL);

  return self->item_id;
}

const char *
rj_list_item_row_get_label (RjListItemRow *self)
{
  g_return_val_if_fail (RJ_IS_LIST_ITEM_ROW (self), NULL);

  return self->label;
}

/**
 * rj_list_item_row_set_label:
 * @self: a #RjListItemRow
 * @label: the new label, not empty
 *
 * Renames the item, as if the client had typed @label into the row.
 */
void
rj_list_item_row_set_label (RjListItemRow *self,
                            const char    *label)
{
  g_return_if_fail (RJ_IS_LIST_ITEM_ROW (self));

  if (label == NULL || label[0] == '\0')
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), label) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), label);
  set_label_internal (self, label);
}

gboolean
rj_list_item_row_get_hidden (RjListItemRow *self)
{
  g_return_val_if_fail (RJ_IS_LIST_ITEM_ROW (self), FALSE);

  return self->hidden;
}

void
rj_list_item_row_set_hidden (RjListItemRow *self,
                             gboolean       hidden)
{
  g_return_if_fail (RJ_IS_LIST_ITEM_ROW (self));

  hidden = !!hidden;
  if (self->hidden == hidden)
    return;

  self->hidden = hidden;
  gtk_switch_set_active (self->shown_switch, !hidden);
  update_hidden (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

/**
 * rj_list_item_row_set_can_move:
 * @self: a #RjListItemRow
 * @can_move_up: whether there is an item above
 * @can_move_down: whether there is an item below
 */
void
rj_list_item_row_set_can_move (RjListItemRow *self,
                               gboolean       can_move_up,
                               gboolean       can_move_down)
{
  g_return_if_fail (RJ_IS_LIST_ITEM_ROW (self));

  self->can_move_up = !!can_move_up;
  self->can_move_down = !!can_move_down;
  update_actions (self);
}
