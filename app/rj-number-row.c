/* rj-number-row.c: a count or an amount that can also be left "not logged".
 *
 * A spin button whose lowest step, one below zero, reads "Not logged": the minus
 * button walks from 0 back to "not logged", the plus button from "not logged" to 0,
 * and deleting the number in the field leaves it not logged. Any negative value means
 * not logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-number-row"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "rj-number-row.h"

struct _RjNumberRow
{
  AdwActionRow parent_instance;

  GtkSpinButton *spin_button;
  GtkAdjustment *adjustment;
};

G_DEFINE_FINAL_TYPE (RjNumberRow, rj_number_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_UPPER,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_logged (RjNumberRow *self,
           double       value)
{
  return value > -gtk_adjustment_get_step_increment (self->adjustment) / 2;
}

static gboolean
spin_button_output_cb (RjNumberRow   *self,
                       GtkSpinButton *spin_button)
{
  double value = gtk_adjustment_get_value (self->adjustment);
  g_autofree char *text = NULL;

  if (!is_logged (self, value))
    {
      gtk_editable_set_text (GTK_EDITABLE (spin_button), _("Not logged"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin_button),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, _("Not logged"),
                                      -1);
      return TRUE;
    }

  /* 7, 7.5 or 7.25: as many decimals as the number has, in the reader's locale. */
  text = g_strdup_printf ("%.2f", value);
  if (strchr (text, '.') != NULL || strchr (text, ',') != NULL)
    {
      gsize len = strlen (text);

      while (len > 0 && text[len - 1] == '0')
        text[--len] = '\0';
      if (len > 0 && (text[len - 1] == '.' || text[len - 1] == ','))
        text[--len] = '\0';
    }
  gtk_editable_set_text (GTK_EDITABLE (spin_button), text);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (spin_button),
                                 GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);
  return TRUE;
}

static int
spin_button_input_cb (RjNumberRow   *self,
                      double        *new_value,
                      GtkSpinButton *spin_button)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin_button));
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  /* A comma or a point, whatever the locale: people type what they are used to. */
  g_strdelimit (copy, ",", '.');
  errno = 0;
  value = g_ascii_strtod (copy, &end);
  if (end == copy || errno != 0 || !isfinite (value) || value < 0)
    *new_value = gtk_adjustment_get_lower (self->adjustment);
  else
    *new_value = MIN (value, gtk_adjustment_get_upper (self->adjustment));

  return TRUE;
}

static void
adjustment_value_changed_cb (RjNumberRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
update_range (RjNumberRow *self,
              double       upper,
              double       step)
{
  double value = rj_number_row_get_value (self);

  g_signal_handlers_block_by_func (self->adjustment, adjustment_value_changed_cb, self);
  gtk_adjustment_configure (self->adjustment,
                            value < 0 ? -step : value,
                            -step, upper, step, step, 0);
  g_signal_handlers_unblock_by_func (self->adjustment, adjustment_value_changed_cb, self);
  gtk_spin_button_set_digits (self->spin_button, step < 1 ? 2 : 0);
}

static void
rj_number_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_NUMBER_ROW);

  G_OBJECT_CLASS (rj_number_row_parent_class)->dispose (object);
}

static void
rj_number_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RjNumberRow *self = RJ_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_double (value, rj_number_row_get_value (self));
      break;

    case PROP_UPPER:
      g_value_set_double (value, gtk_adjustment_get_upper (self->adjustment));
      break;

    case PROP_STEP:
      g_value_set_double (value, gtk_adjustment_get_step_increment (self->adjustment));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_number_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RjNumberRow *self = RJ_NUMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      rj_number_row_set_value (self, g_value_get_double (value));
      break;

    case PROP_UPPER:
      update_range (self, g_value_get_double (value),
                    gtk_adjustment_get_step_increment (self->adjustment));
      break;

    case PROP_STEP:
      update_range (self, gtk_adjustment_get_upper (self->adjustment),
                    g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_number_row_class_init (RjNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_number_row_dispose;
  object_class->get_property = rj_number_row_get_property;
  object_class->set_property = rj_number_row_set_property;

  /**
   * RjNumberRow:value:
   *
   * The number, or a negative number when it is not logged.
   */
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, -1,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPPER] =
    g_param_spec_double ("upper", NULL, NULL,
                         0, G_MAXDOUBLE, 99,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STEP] =
    g_param_spec_double ("step", NULL, NULL,
                         0.01, G_MAXDOUBLE, 1,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-number-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RjNumberRow, spin_button);
  gtk_widget_class_bind_template_child (widget_class, RjNumberRow, adjustment);
  gtk_widget_class_bind_template_callback (widget_class, spin_button_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_button_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, adjustment_value_changed_cb);
}

static void
rj_number_row_init (RjNumberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The row's title names the field for screen readers and for the keyboard. */
  g_object_bind_property (self, "title", self->spin_button, "tooltip-text", G_BINDING_DEFAULT);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->spin_button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  -1);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->spin_button));
}

GtkWidget *
rj_number_row_new (void)
{
  return g_object_new (RJ_TYPE_NUMBER_ROW, NULL);
}

/**
 * rj_number_row_get_value:
 * @self: a #RjNumberRow
 *
 * Returns: the number, or -1 when it is not logged
 */
double
rj_number_row_get_value (RjNumberRow *self)
{
  double value;

  g_return_val_if_fail (RJ_IS_NUMBER_ROW (self), -1);

  value = gtk_adjustment_get_value (self->adjustment);
  return is_logged (self, value) ? MAX (value, 0) : -1;
}

/**
 * rj_number_row_set_value:
 * @self: a #RjNumberRow
 * @value: the number, or any negative number for "not logged"
 */
void
rj_number_row_set_value (RjNumberRow *self,
                         double       value)
{
  g_return_if_fail (RJ_IS_NUMBER_ROW (self));

  if (value < 0)
    value = gtk_adjustment_get_lower (self->adjustment);
  gtk_adjustment_set_value (self->adjustment, value);
}

/**
 * rj_number_row_commit:
 * @self: a #RjNumberRow
 *
 * Takes a number typed into the field as the value, as leaving the field would, for
 * when the journal is about to lock with the cursor still in it.
 */
void
rj_number_row_commit (RjNumberRow *self)
{
  g_return_if_fail (RJ_IS_NUMBER_ROW (self));

  gtk_spin_button_update (self->spin_button);
}
