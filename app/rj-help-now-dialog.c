/* rj-help-now-dialog.c: where to reach someone now, without unlocking anything.
 *
 * The crisis lines are part of the program, not of the journal, so this dialog opens
 * from the unlock screen as well as from the menu. Once the journal is open, the
 * client's plan comes first: the coping strategies that work for them, in their own
 * words, and the people they can call, with their numbers; then the crisis lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-help-now-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-help-now-dialog.h"
#include "rj-profile.h"
#include "rj-window.h"
#include "rj-utils.h"

struct _RjHelpNowDialog
{
  AdwMessageDialog parent_instance;

  guint n_contacts;
  guint n_strategies;

  AdwPreferencesGroup *plan_group;
  GtkListBox *strategies_list;
  AdwPreferencesGroup *contacts_group;
  GtkListBox *contacts_list;
};

G_DEFINE_FINAL_TYPE (RjHelpNowDialog, rj_help_now_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
restore_copy_button_cb (gpointer user_data)
{
  GtkButton *button = user_data;

  gtk_button_set_icon_name (button, "edit-copy-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copy Number"));
  return G_SOURCE_REMOVE;
}

static void
copy_button_clicked_cb (GtkButton *button)
{
  const char *phone = g_object_get_data (G_OBJECT (button), "rj-phone");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), phone);

  /* A moment's tick, so that the click is seen to have done something. */
  gtk_button_set_icon_name (button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
  g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 2, restore_copy_button_cb,
                              g_object_ref (button), g_object_unref);
}

static GtkWidget *
make_contact_row (const RjContact *contact)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "avatar-default-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *copy_label = NULL;
  gboolean has_phone = contact->phone != NULL && contact->phone[0] != '\0';
  gboolean has_note = contact->note != NULL && contact->note[0] != '\0';

  /* Names and numbers are the client's own words, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 contact->name != NULL ? contact->name : "");

  if (has_phone && has_note)
    /* Translators: a contact's phone number, then the client's note about them. */
    subtitle = g_strdup_printf (_("%s · %s"), contact->phone, contact->note);
  else
    subtitle = g_strdup (has_phone ? contact->phone : has_note ? contact->note : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (has_phone)
    {
      GtkWidget *copy_button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_widget_set_valign (copy_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy_button, "flat");
      gtk_widget_set_tooltip_text (copy_button, _("Copy Number"));
      /* Translators: %s is a support person's name. */
      copy_label = g_strdup_printf (_("Copy the number of %s"),
                                    contact->name != NULL ? contact->name : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label,
                                      -1);
      g_object_set_data_full (G_OBJECT (copy_button), "rj-phone", g_strdup (contact->phone),
                              g_free);
      g_signal_connect (copy_button, "clicked", G_CALLBACK (copy_button_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy_button);
    }

  return row;
}

static void
rj_help_now_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_HELP_NOW_DIALOG);

  G_OBJECT_CLASS (rj_help_now_dialog_parent_class)->dispose (object);
}

static void
rj_help_now_dialog_class_init (RjHelpNowDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_help_now_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-help-now-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RjHelpNowDialog, plan_group);
  gtk_widget_class_bind_template_child (widget_class, RjHelpNowDialog, strategies_list);
  gtk_widget_class_bind_template_child (widget_class, RjHelpNowDialog, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, RjHelpNowDialog, contacts_list);
}

static void
rj_help_now_dialog_init (RjHelpNowDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Names for screen readers where GTK 4.8 would give none or a mangled one. */
  rj_accessible_fix_names (GTK_WIDGET (self));
}

/**
 * rj_help_now_dialog_new:
 * @parent: (nullable): the window to show the dialog over
 *
 * When @parent is the window of an open journal, the client's support contacts are
 * listed too.
 *
 * Returns: (transfer floating): a new dialog
 */
GtkWidget *
rj_help_now_dialog_new (GtkWindow *parent)
{
  RjHelpNowDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (RJ_TYPE_HELP_NOW_DIALOG,
                       "transient-for", parent,
                       NULL);

  if (RJ_IS_WINDOW (parent))
    {
      RjStore *store = rj_context_get_store (rj_window_get_context (RJ_WINDOW (parent)));

      if (rj_store_is_unlocked (store))
        {
          g_autoptr(RjProfile) profile = rj_store_dup_profile (store);

          if (profile != NULL)
            rj_help_now_dialog_set_plan (self, profile);
        }
    }

  return GTK_WIDGET (self);
}

/**
 * rj_help_now_dialog_set_contacts:
 * @self: a #RjHelpNowDialog
 * @contacts: (nullable) (element-type RjContact): the client's support contacts
 *
 * Lists @contacts below the crisis lines, or no one when it is %NULL or empty.
 */
void
rj_help_now_dialog_set_contacts (RjHelpNowDialog *self,
                                 GPtrArray       *contacts)
{
  GtkWidget *child;

  g_return_if_fail (RJ_IS_HELP_NOW_DIALOG (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list))) != NULL)
    gtk_list_box_remove (self->contacts_list, child);
  self->n_contacts = 0;

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      const RjContact *contact = g_ptr_array_index (contacts, i);

      gtk_list_box_append (self->contacts_list, make_contact_row (contact));
      self->n_contacts++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->contacts_group), self->n_contacts > 0);
}

guint
rj_help_now_dialog_get_n_contacts (RjHelpNowDialog *self)
{
  g_return_val_if_fail (RJ_IS_HELP_NOW_DIALOG (self), 0);

  return self->n_contacts;
}

static GtkWidget *
make_strategy_row (const RjProfile  *profile,
                   const RjPlanItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "starred-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  /* The list's names and the client's words are not markup. The words show here even
   * when kept private: private keeps them off paper, not from the client. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 rj_profile_item_label (profile, RJ_LIST_SKILLS, item->item_id));
  if (item->words.text != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->words.text);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static gboolean
plan_has_person (const RjPlan *plan,
                 const char   *id)
{
  for (guint i = 0; i < plan->people->len; i++)
    if (g_strcmp0 (g_ptr_array_index (plan->people, i), id) == 0)
      return TRUE;
  return FALSE;
}

/**
 * rj_help_now_dialog_set_plan:
 * @self: a #RjHelpNowDialog
 * @profile: (nullable): the open journal's profile
 *
 * Shows the coping strategies of @profile's plan first, then its support contacts
 * (the plan's people first), then the crisis lines; with %NULL, the crisis lines only.
 */
void
rj_help_now_dialog_set_plan (RjHelpNowDialog *self,
                             const RjProfile *profile)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *child;

  g_return_if_fail (RJ_IS_HELP_NOW_DIALOG (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->strategies_list))) != NULL)
    gtk_list_box_remove (self->strategies_list, child);
  self->n_strategies = 0;

  if (profile == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->plan_group), FALSE);
      rj_help_now_dialog_set_contacts (self, NULL);
      return;
    }

  for (guint i = 0; i < profile->plan.strategies->len; i++)
    {
      gtk_list_box_append (self->strategies_list,
                           make_strategy_row (profile,
                                              g_ptr_array_index (profile->plan.strategies, i)));
      self->n_strategies++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->plan_group), self->n_strategies > 0);
  /* The lines are further down now: say so, so that no one misses them. */
  if (self->n_strategies > 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("You don’t have to get through this alone. Start with what "
                                   "you planned; the crisis lines below are free and "
                                   "confidential, and someone answers day and night."));

  /* The people the client chose for their plan first, then everyone else. */
  contacts = g_ptr_array_new ();
  for (guint i = 0; i < profile->plan.people->len; i++)
    {
      RjContact *contact = rj_profile_find_contact (profile,
                                                    g_ptr_array_index (profile->plan.people, i));
      if (contact != NULL)
        g_ptr_array_add (contacts, contact);
    }
  for (guint i = 0; i < profile->contacts->len; i++)
    {
      RjContact *contact = g_ptr_array_index (profile->contacts, i);

      if (!plan_has_person (&profile->plan, contact->id))
        g_ptr_array_add (contacts, contact);
    }
  rj_help_now_dialog_set_contacts (self, contacts);
  adw_preferences_group_set_title (self->contacts_group,
                                   profile->plan.people->len > 0 ? _("People I Can Call")
                                                                 : _("Your Support People"));
}

guint
rj_help_now_dialog_get_n_strategies (RjHelpNowDialog *self)
{
  g_return_val_if_fail (RJ_IS_HELP_NOW_DIALOG (self), 0);

  return self->n_strategies;
}
