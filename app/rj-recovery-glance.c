/* rj-recovery-glance.c: days since last use and sober days in total, at a glance.
 *
 * Two plain numbers, counted to today. A lapse starts the first one again and never
 * takes anything off the second. Without a start date there is nothing to count, so
 * the glance offers, once and quietly, to set one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-recovery-glance"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-recovery-glance.h"

struct _RjRecoveryGlance
{
  AdwBin parent_instance;

  int days_since_last_use;
  int sober_days_total;

  GtkStack *stack;
  GtkLabel *since_number_label;
  GtkLabel *since_caption_label;
  GtkLabel *total_number_label;
  GtkLabel *total_caption_label;
  GtkLabel *no_start_label;
};

G_DEFINE_FINAL_TYPE (RjRecoveryGlance, rj_recovery_glance, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DAYS_SINCE_LAST_USE,
  PROP_SOBER_DAYS_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_number (GtkLabel *label,
            int       number)
{
  g_autofree char *text = g_strdup_printf ("%d", number);

  gtk_label_set_label (label, text);
}

static void
rj_recovery_glance_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_RECOVERY_GLANCE);

  G_OBJECT_CLASS (rj_recovery_glance_parent_class)->dispose (object);
}

static void
rj_recovery_glance_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RjRecoveryGlance *self = RJ_RECOVERY_GLANCE (object);

  switch (prop_id)
    {
    case PROP_DAYS_SINCE_LAST_USE:
      g_value_set_int (value, self->days_since_last_use);
      break;

    case PROP_SOBER_DAYS_TOTAL:
      g_value_set_int (value, self->sober_days_total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_recovery_glance_class_init (RjRecoveryGlanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_recovery_glance_dispose;
  object_class->get_property = rj_recovery_glance_get_property;

  properties[PROP_DAYS_SINCE_LAST_USE] =
    g_param_spec_int ("days-since-last-use", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOBER_DAYS_TOTAL] =
    g_param_spec_int ("sober-days-total", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-recovery-glance.ui");
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryGlance, stack);
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryGlance, since_number_label);
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryGlance, since_caption_label);
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryGlance, total_number_label);
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryGlance, total_caption_label);
  gtk_widget_class_bind_template_child (widget_class, RjRecoveryGlance, no_start_label);
}

static void
rj_recovery_glance_init (RjRecoveryGlance *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rj_recovery_glance_set_stats (self, NULL);
}

GtkWidget *
rj_recovery_glance_new (void)
{
  return g_object_new (RJ_TYPE_RECOVERY_GLANCE, NULL);
}

/**
 * rj_recovery_glance_set_stats:
 * @self: a #RjRecoveryGlance
 * @stats: (nullable): the figures to show, or %NULL to show nothing
 */
void
rj_recovery_glance_set_stats (RjRecoveryGlance      *self,
                              const RjRecoveryStats *stats)
{
  int since = -1;
  int total = -1;

  g_return_if_fail (RJ_IS_RECOVERY_GLANCE (self));

  if (stats == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (!stats->has_start)
    {
      gtk_label_set_label (self->no_start_label,
                           _("Set the day your recovery started, and this page will count "
                             "your days."));
      gtk_stack_set_visible_child_name (self->stack, "no-start");
    }
  else if (stats->sober_days_total < 0)
    {
      gtk_label_set_label (self->no_start_label,
                           _("Your start date is still to come. The count begins on that "
                             "day."));
      gtk_stack_set_visible_child_name (self->stack, "no-start");
    }
  else
    {
      since = stats->days_since_last_use;
      total = stats->sober_days_total;

      set_number (self->since_number_label, since);
      if (stats->has_used)
        gtk_label_set_label (self->since_caption_label,
                             ngettext ("day since last use", "days since last use", since));
      else
        gtk_label_set_label (self->since_caption_label,
                             ngettext ("day in a row without use",
                                       "days in a row without use", since));

      set_number (self->total_number_label, total);
      gtk_label_set_label (self->total_caption_label,
                           ngettext ("sober day in total", "sober days in total", total));
      gtk_stack_set_visible_child_name (self->stack, "stats");
    }

  if (since == self->days_since_last_use && total == self->sober_days_total)
    return;

  self->days_since_last_use = since;
  self->sober_days_total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS_SINCE_LAST_USE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOBER_DAYS_TOTAL]);
}

/**
 * rj_recovery_glance_get_days_since_last_use:
 * @self: a #RjRecoveryGlance
 *
 * Returns: the first figure shown, or -1 when none is
 */
int
rj_recovery_glance_get_days_since_last_use (RjRecoveryGlance *self)
{
  g_return_val_if_fail (RJ_IS_RECOVERY_GLANCE (self), -1);

  return self->days_since_last_use;
}

/**
 * rj_recovery_glance_get_sober_days_total:
 * @self: a #RjRecoveryGlance
 *
 * Returns: the second figure shown, or -1 when none is
 */
int
rj_recovery_glance_get_sober_days_total (RjRecoveryGlance *self)
{
  g_return_val_if_fail (RJ_IS_RECOVERY_GLANCE (self), -1);

  return self->sober_days_total;
}
