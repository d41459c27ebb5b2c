/* rj-private-button.c: the "keep private, don't print" toggle beside a piece of text.
 *
 * A closed lock means the text stays in the journal and never goes on a printed page.
 * The toggle's "active" property is the note's is_private flag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-private-button"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-private-button.h"

struct _RjPrivateButton
{
  GtkToggleButton parent_instance;
};

G_DEFINE_FINAL_TYPE (RjPrivateButton, rj_private_button, GTK_TYPE_TOGGLE_BUTTON)

static void
update_look (RjPrivateButton *self)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self));

  gtk_button_set_icon_name (GTK_BUTTON (self),
                            active ? "changes-prevent-symbolic" : "changes-allow-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               active ? _("Private: kept off printed pages")
                                      : _("Keep private — don’t print"));
}

static void
rj_private_button_toggled (GtkToggleButton *button)
{
  update_look (RJ_PRIVATE_BUTTON (button));

  if (GTK_TOGGLE_BUTTON_CLASS (rj_private_button_parent_class)->toggled)
    GTK_TOGGLE_BUTTON_CLASS (rj_private_button_parent_class)->toggled (button);
}

static void
rj_private_button_class_init (RjPrivateButtonClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkToggleButtonClass *toggle_class = GTK_TOGGLE_BUTTON_CLASS (klass);

  toggle_class->toggled = rj_private_button_toggled;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-private-button.ui");
}

static void
rj_private_button_init (RjPrivateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The state is spoken by the toggle itself; the name says what it is for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keep private — don’t print"),
                                  -1);
  update_look (self);
}

GtkWidget *
rj_private_button_new (void)
{
  return g_object_new (RJ_TYPE_PRIVATE_BUTTON, NULL);
}
