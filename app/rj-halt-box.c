/* rj-halt-box.c: hungry, angry, lonely, tired: four toggles.
 *
 * Until the client presses one of them, HALT is not logged. Once they do, all four
 * count as answered: a letter left off was looked at and did not fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-halt-box"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-halt-box.h"

struct _RjHaltBox
{
  GtkWidget parent_instance;

  RjHalt halt;
  gboolean updating;

  GtkToggleButton *hungry_button;
  GtkToggleButton *angry_button;
  GtkToggleButton *lonely_button;
  GtkToggleButton *tired_button;
};

G_DEFINE_FINAL_TYPE (RjHaltBox, rj_halt_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANSWERED,
  PROP_YES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkToggleButton *
button_for_flag (RjHaltBox *self,
                 guint      flag)
{
  switch (flag)
    {
    case RJ_HALT_HUNGRY: return self->hungry_button;
    case RJ_HALT_ANGRY: return self->angry_button;
    case RJ_HALT_LONELY: return self->lonely_button;
    case RJ_HALT_TIRED: return self->tired_button;
    default: g_assert_not_reached ();
    }
}

static void
update_buttons (RjHaltBox *self)
{
  self->updating = TRUE;
  for (guint flag = RJ_HALT_HUNGRY; flag <= RJ_HALT_TIRED; flag <<= 1)
    gtk_toggle_button_set_active (button_for_flag (self, flag), (self->halt.yes & flag) != 0);
  self->updating = FALSE;
}

static void
set_halt (RjHaltBox    *self,
          const RjHalt *halt)
{
  RjHalt clean = { halt->answered & RJ_HALT_ALL, halt->yes & halt->answered & RJ_HALT_ALL };
  gboolean answered_changed = clean.answered != self->halt.answered;
  gboolean yes_changed = clean.yes != self->halt.yes;

  self->halt = clean;
  update_buttons (self);

  if (answered_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
  if (yes_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YES]);
}

static void
button_toggled_cb (RjHaltBox *self)
{
  RjHalt halt = { RJ_HALT_ALL, 0 };

  if (self->updating)
    return;

  for (guint flag = RJ_HALT_HUNGRY; flag <= RJ_HALT_TIRED; flag <<= 1)
    if (gtk_toggle_button_get_active (button_for_flag (self, flag)))
      halt.yes |= flag;

  set_halt (self, &halt);
}

static void
rj_halt_box_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_HALT_BOX);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rj_halt_box_parent_class)->dispose (object);
}

static void
rj_halt_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RjHaltBox *self = RJ_HALT_BOX (object);

  switch (prop_id)
    {
    case PROP_ANSWERED:
      g_value_set_uint (value, self->halt.answered);
      break;

    case PROP_YES:
      g_value_set_uint (value, self->halt.yes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_halt_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RjHaltBox *self = RJ_HALT_BOX (object);
  RjHalt halt = self->halt;

  switch (prop_id)
    {
    case PROP_ANSWERED:
      halt.answered = g_value_get_uint (value);
      set_halt (self, &halt);
      break;

    case PROP_YES:
      halt.yes = g_value_get_uint (value);
      halt.answered |= halt.yes;
      set_halt (self, &halt);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_halt_box_class_init (RjHaltBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_halt_box_dispose;
  object_class->get_property = rj_halt_box_get_property;
  object_class->set_property = rj_halt_box_set_property;

  /**
   * RjHaltBox:answered:
   *
   * The #RjHaltFlags that were answered at all: none, or all four once any is pressed.
   */
  properties[PROP_ANSWERED] =
    g_param_spec_uint ("answered", NULL, NULL,
                       0, RJ_HALT_ALL, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RjHaltBox:yes:
   *
   * The #RjHaltFlags that were pressed. Setting it marks them answered too.
   */
  properties[PROP_YES] =
    g_param_spec_uint ("yes", NULL, NULL,
                       0, RJ_HALT_ALL, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "halt-box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-halt-box.ui");
  gtk_widget_class_bind_template_child (widget_class, RjHaltBox, hungry_button);
  gtk_widget_class_bind_template_child (widget_class, RjHaltBox, angry_button);
  gtk_widget_class_bind_template_child (widget_class, RjHaltBox, lonely_button);
  gtk_widget_class_bind_template_child (widget_class, RjHaltBox, tired_button);
  gtk_widget_class_bind_template_callback (widget_class, button_toggled_cb);
}

static void
rj_halt_box_init (RjHaltBox *self)
{
  GtkBoxLayout *layout;

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  gtk_box_layout_set_spacing (layout, 6);
  gtk_box_layout_set_homogeneous (layout, TRUE);
}

GtkWidget *
rj_halt_box_new (void)
{
  return g_object_new (RJ_TYPE_HALT_BOX, NULL);
}

void
rj_halt_box_get_halt (RjHaltBox *self,
                      RjHalt    *halt)
{
  g_return_if_fail (RJ_IS_HALT_BOX (self));
  g_return_if_fail (halt != NULL);

  *halt = self->halt;
}

void
rj_halt_box_set_halt (RjHaltBox    *self,
                      const RjHalt *halt)
{
  g_return_if_fail (RJ_IS_HALT_BOX (self));
  g_return_if_fail (halt != NULL);

  set_halt (self, halt);
}
