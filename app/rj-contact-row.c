/* rj-contact-row.c: one of the client's support contacts.
 *
 * Collapsed, the row shows who and how to reach them; expanded, the three fields can be
 * changed where they stand. The row reports each change through RjContactRow::changed
 * and asks to go with RjContactRow::remove; the preferences window keeps the profile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-contact-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-contact-row.h"

struct _RjContactRow
{
  AdwExpanderRow parent_instance;

  char *contact_id;
  char *name;
  char *phone;
  char *note;

  GtkButton *remove_button;
  AdwEntryRow *name_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *note_row;
};

G_DEFINE_FINAL_TYPE (RjContactRow, rj_contact_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_CONTACT_ID,
  PROP_NAME,
  PROP_PHONE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a field holds, without the spaces around it; NULL when that leaves nothing. */
static char *
dup_field (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
update_header (RjContactRow *self)
{
  g_autofree char *remove_label = NULL;
  const char *title = self->name != NULL ? self->name : _("New Contact");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), self->phone != NULL ? self->phone : "");

  /* Translators: %s is a support contact's name, such as “Sam” or “My sponsor”. */
  remove_label = g_strdup_printf (_("Remove %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
field_changed_cb (RjContactRow *self)
{
  g_autofree char *name = dup_field (self->name_row);
  g_autofree char *phone = dup_field (self->phone_row);
  g_autofree char *note = dup_field (self->note_row);
  gboolean changed = FALSE;

  if (replace_string (&self->name, name))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  if (replace_string (&self->phone, phone))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
    }
  if (replace_string (&self->note, note))
    {
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
    }

  if (!changed)
    return;

  update_header (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_field (AdwEntryRow *row,
           const char  *value)
{
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
rj_contact_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_CONTACT_ROW);

  G_OBJECT_CLASS (rj_contact_row_parent_class)->dispose (object);
}

static void
rj_contact_row_finalize (GObject *object)
{
  RjContactRow *self = (RjContactRow *) object;

  g_clear_pointer (&self->contact_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (rj_contact_row_parent_class)->finalize (object);
}

static void
rj_contact_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RjContactRow *self = RJ_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT_ID:
      g_value_set_string (value, self->contact_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_contact_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RjContactRow *self = RJ_CONTACT_ROW (object);

  /* Setting a field is the same as typing it: the row reports the change. */
  switch (prop_id)
    {
    case PROP_CONTACT_ID:
      self->contact_id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      set_field (self->name_row, g_value_get_string (value));
      break;

    case PROP_PHONE:
      set_field (self->phone_row, g_value_get_string (value));
      break;

    case PROP_NOTE:
      set_field (self->note_row, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_contact_row_class_init (RjContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_contact_row_dispose;
  object_class->finalize = rj_contact_row_finalize;
  object_class->get_property = rj_contact_row_get_property;
  object_class->set_property = rj_contact_row_set_property;

  properties[PROP_CONTACT_ID] =
    g_param_spec_string ("contact-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjContactRow::changed:
   * @self: the row
   *
   * The name, the phone number or the note changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * RjContactRow::remove:
   * @self: the row
   *
   * The client asked to remove the contact.
   */
  signals[REMOVE] =
    g_signal_new ("remove",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RjContactRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RjContactRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RjContactRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RjContactRow, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "contact.remove", NULL, remove_action);
}

static void
rj_contact_row_init (RjContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_header (self);
}

/**
 * rj_contact_row_new:
 * @contact_id: the contact's id in the profile
 *
 * Returns: (transfer floating): a new row with empty fields
 */
GtkWidget *
rj_contact_row_new (const char *contact_id)
{
  g_return_val_if_fail (contact_id != NULL, NULL);

  return g_object_new (RJ_TYPE_CONTACT_ROW,
                       "contact-id", contact_id,
                       NULL);
}

const char *
rj_contact_row_get_contact_id (RjContactRow *self)
{
  g_return_val_if_fail (RJ_IS_CONTACT_ROW (self), NULL);

  return self->contact_id;
}

/**
 * rj_contact_row_get_name:
 * @self: a #RjContactRow
 *
 * Returns: (nullable): the name as typed, without surrounding spaces, or %NULL
 */
const char *
rj_contact_row_get_name (RjContactRow *self)
{
  g_return_val_if_fail (RJ_IS_CONTACT_ROW (self), NULL);

  return self->name;
}

const char *
rj_contact_row_get_phone (RjContactRow *self)
{
  g_return_val_if_fail (RJ_IS_CONTACT_ROW (self), NULL);

  return self->phone;
}

const char *
rj_contact_row_get_note (RjContactRow *self)
{
  g_return_val_if_fail (RJ_IS_CONTACT_ROW (self), NULL);

  return self->note;
}

/**
 * rj_contact_row_is_empty:
 * @self: a #RjContactRow
 *
 * Returns: whether nothing has been typed into any field
 */
gboolean
rj_contact_row_is_empty (RjContactRow *self)
{
  g_return_val_if_fail (RJ_IS_CONTACT_ROW (self), TRUE);

  return self->name == NULL && self->phone == NULL && self->note == NULL;
}

/**
 * rj_contact_row_focus_name:
 * @self: a #RjContactRow
 *
 * Opens the row and puts the cursor in the name, for a contact just added.
 */
void
rj_contact_row_focus_name (RjContactRow *self)
{
  g_return_if_fail (RJ_IS_CONTACT_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
