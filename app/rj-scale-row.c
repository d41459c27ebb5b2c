/* rj-scale-row.c: a 0-10 scale that can also be left "not logged".
 *
 * "Not logged" is not zero: until the client touches the scale, the slider is faint and
 * the row says "Not logged"; a clear button puts it back. Any touch on the scale, even
 * on the value it already shows, logs that value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-scale-row"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "rj-entry.h"
#include "rj-scale-row.h"

struct _RjScaleRow
{
  AdwPreferencesRow parent_instance;

  int value;
  char *low_label;
  char *high_label;

  GtkLabel *title_label;
  GtkLabel *value_label;
  GtkButton *clear_button;
  GtkScale *scale;
};

G_DEFINE_FINAL_TYPE (RjScaleRow, rj_scale_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_LOW_LABEL,
  PROP_HIGH_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_display (RjScaleRow *self)
{
  gboolean logged = self->value != RJ_NOT_LOGGED;

  if (logged)
    {
      g_autofree char *text = g_strdup_printf ("%d", self->value);

      gtk_label_set_label (self->value_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->scale), "not-logged");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->scale),
                                     GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);
    }
  else
    {
      gtk_label_set_label (self->value_label, _("Not logged"));
      gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->scale), "not-logged");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, _("Not logged"),
                                      -1);
    }

  /* Hidden would move the focus away from under the keyboard; a clear button that
   * cannot be pressed keeps the row's shape still. */
  gtk_widget_set_opacity (GTK_WIDGET (self->clear_button), logged ? 1.0 : 0.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), logged);
}

/* What the two ends mean, for a screen reader: the labels under the scale. */
static void
update_description (RjScaleRow *self)
{
  g_autofree char *description = NULL;

  if (self->low_label == NULL || self->high_label == NULL)
    return;

  /* Translators: how a screen reader describes a 0-10 scale, from its two end labels,
   * e.g. "From 0 · calm to 10 · the most distress". */
  description = g_strdup_printf (_("From %s to %s"), self->low_label, self->high_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
set_value_internal (RjScaleRow *self,
                    int         value,
                    gboolean    move_slider)
{
  value = value < 0 ? RJ_NOT_LOGGED : MIN (value, RJ_SCALE_MAX);

  if (move_slider)
    gtk_range_set_value (GTK_RANGE (self->scale),
                         value == RJ_NOT_LOGGED ? RJ_SCALE_MAX / 2.0 : value);

  if (self->value == value)
    return;

  self->value = value;
  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static gboolean
scale_change_value_cb (RjScaleRow    *self,
                       GtkScrollType  scroll,
                       double         value,
                       GtkRange       *range)
{
  /* Emitted for every touch, also when the slider does not move: from "not logged",
   * a click on the value the faint slider already shows logs that value. */
  set_value_internal (self, (int) CLAMP (lround (value), 0, RJ_SCALE_MAX), FALSE);

  return GDK_EVENT_PROPAGATE;
}

static void
clear_button_clicked_cb (RjScaleRow *self)
{
  set_value_internal (self, RJ_NOT_LOGGED, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->scale));
}

static void
stop_scroll_wheel (GtkWidget *scale)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (scale);
  g_autoptr(GPtrArray) scrolls = g_ptr_array_new_with_free_func (g_object_unref);

  /* A scale in a long scrolled page catches the wheel as the page scrolls past it and
   * changes a value nobody meant to change. Without its scroll controller the wheel
   * scrolls the page; keys, clicks and drags still move the slider. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      GtkEventController *controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
        g_ptr_array_add (scrolls, controller);
      else
        g_object_unref (controller);
    }

  for (guint i = 0; i < scrolls->len; i++)
    gtk_widget_remove_controller (scale, g_ptr_array_index (scrolls, i));
}

static void
rj_scale_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_SCALE_ROW);

  G_OBJECT_CLASS (rj_scale_row_parent_class)->dispose (object);
}

static void
rj_scale_row_finalize (GObject *object)
{
  RjScaleRow *self = (RjScaleRow *) object;

  g_free (self->low_label);
  g_free (self->high_label);

  G_OBJECT_CLASS (rj_scale_row_parent_class)->finalize (object);
}

static void
rj_scale_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RjScaleRow *self = RJ_SCALE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;

    case PROP_LOW_LABEL:
      g_value_set_string (value, self->low_label);
      break;

    case PROP_HIGH_LABEL:
      g_value_set_string (value, self->high_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_scale_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RjScaleRow *self = RJ_SCALE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      rj_scale_row_set_value (self, g_value_get_int (value));
      break;

    case PROP_LOW_LABEL:
      g_free (self->low_label);
      self->low_label = g_value_dup_string (value);
      update_description (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    case PROP_HIGH_LABEL:
      g_free (self->high_label);
      self->high_label = g_value_dup_string (value);
      update_description (self);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_scale_row_class_init (RjScaleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_scale_row_dispose;
  object_class->finalize = rj_scale_row_finalize;
  object_class->get_property = rj_scale_row_get_property;
  object_class->set_property = rj_scale_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      RJ_NOT_LOGGED, RJ_SCALE_MAX, RJ_NOT_LOGGED,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOW_LABEL] =
    g_param_spec_string ("low-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HIGH_LABEL] =
    g_param_spec_string ("high-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-scale-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RjScaleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RjScaleRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, RjScaleRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, RjScaleRow, scale);
  gtk_widget_class_bind_template_callback (widget_class, scale_change_value_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_button_clicked_cb);
}

static void
rj_scale_row_init (RjScaleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->value = RJ_NOT_LOGGED;
  for (int i = 0; i <= RJ_SCALE_MAX; i++)
    gtk_scale_add_mark (self->scale, i, GTK_POS_BOTTOM, NULL);
  stop_scroll_wheel (GTK_WIDGET (self->scale));

  gtk_range_set_value (GTK_RANGE (self->scale), RJ_SCALE_MAX / 2.0);
  update_display (self);
}

GtkWidget *
rj_scale_row_new (void)
{
  return g_object_new (RJ_TYPE_SCALE_ROW, NULL);
}

/**
 * rj_scale_row_get_value:
 * @self: a #RjScaleRow
 *
 * Returns: the value from 0 to 10, or %RJ_NOT_LOGGED
 */
int
rj_scale_row_get_value (RjScaleRow *self)
{
  g_return_val_if_fail (RJ_IS_SCALE_ROW (self), RJ_NOT_LOGGED);

  return self->value;
}

/**
 * rj_scale_row_set_value:
 * @self: a #RjScaleRow
 * @value: from 0 to 10, or %RJ_NOT_LOGGED (any negative number)
 */
void
rj_scale_row_set_value (RjScaleRow *self,
                        int         value)
{
  g_return_if_fail (RJ_IS_SCALE_ROW (self));

  set_value_internal (self, value, TRUE);
}
