/* rj-plan-window.c: the relapse-prevention plan, filled in with the counsellor.
 *
 * Six sections in the order a counsellor goes through them: reasons, triggers (from
 * the client's trigger list, each with their own words), early warning signs, coping
 * strategies (the skills the journal shows helped most often are offered first),
 * people to call (from the support contacts, with a way to add someone), and what to
 * do after a lapse. Every change is stored at once. The profile is shared with the
 * preferences, which may be open too: each save takes the stored profile as it is
 * now and puts this window's plan into it, so neither undoes the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-plan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-export.h"
#include "rj-plan-page.h"
#include "rj-plan-window.h"
#include "rj-private-button.h"
#include "rj-utils.h"

/* The skills offered as suggestions, at most. */
#define MAX_SUGGESTIONS 5

struct _RjPlanWindow
{
  AdwWindow parent_instance;

  RjContext *context;
  RjProfile *profile;           /* this window's copy; its plan is what is shown */
  GArray *suggestions;          /* of RjSkillSuggestion */
  GCancellable *cancellable;
  gboolean loading;

  /* The ids behind the "add" combo rows, in their order. */
  GPtrArray *trigger_choices;
  GPtrArray *skill_choices;
  AdwComboRow *add_trigger_row;
  AdwComboRow *add_skill_row;
  AdwEntryRow *new_name_row;
  AdwEntryRow *new_phone_row;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkTextView *reasons_view;
  RjPrivateButton *reasons_private;
  GtkListBox *triggers_list;
  GtkTextView *signs_view;
  RjPrivateButton *signs_private;
  GtkListBox *strategies_list;
  GtkListBox *people_list;
  GtkTextView *lapse_view;
  RjPrivateButton *lapse_private;
};

G_DEFINE_FINAL_TYPE (RjPlanWindow, rj_plan_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROFILE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a print or a PDF needs, taken when it starts: the window may close (the journal
 * may lock) before it ends. */
typedef struct
{
  RjProfile *profile;
  GDateTime *generated;
  double width;
  double height;
} PageData;

static void rebuild_triggers   (RjPlanWindow *self);
static void rebuild_strategies (RjPlanWindow *self);
static void rebuild_people     (RjPlanWindow *self);

static void
page_data_free (PageData *data)
{
  g_clear_pointer (&data->profile, rj_profile_unref);
  g_clear_pointer (&data->generated, g_date_time_unref);
  g_free (data);
}

static void
page_data_free_closure (gpointer  data,
                        GClosure *closure)
{
  page_data_free (data);
}

static PageData *
page_data_new (RjPlanWindow *self)
{
  PageData *data = g_new0 (PageData, 1);

  if (self->profile != NULL)
    data->profile = rj_profile_copy (self->profile);
  data->generated = g_date_time_new_now_local ();
  rj_export_paper_size (rj_export_locale_uses_letter (), &data->width, &data->height);
  return data;
}

static RjStore *
get_store (RjPlanWindow *self)
{
  return rj_context_get_store (self->context);
}

static void
show_toast (RjPlanWindow *self,
            const char   *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  /* Toast titles are markup in libadwaita 1.2. */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* Saving */

static void
save_profile_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (rj_store_save_profile_finish (RJ_STORE (object), result, &error))
    return;
  /* Cancelled means that the window is gone; it is only ever cancelled in dispose. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  title = g_strdup_printf (_("This change could not be saved: %s"), error->message);
  show_toast (RJ_PLAN_WINDOW (user_data), title);
}

/* Stores the plan shown, in the profile as the store holds it now (the preferences
 * may have changed a name or a number meanwhile), with @new_contact added to it. */
static void
save_plan_with (RjPlanWindow    *self,
                const RjContact *new_contact)
{
  RjStore *store = get_store (self);
  g_autoptr(RjProfile) stored = NULL;
  g_autoptr(RjProfile) ours = NULL;
  RjPlan plan;

  if (self->loading || self->profile == NULL || !rj_store_is_unlocked (store))
    return;
  stored = rj_store_dup_profile (store);
  if (stored == NULL)
    return;

  /* Each profile owns its plan; swapping the two leaves each whole. */
  ours = rj_profile_copy (self->profile);
  plan = stored->plan;
  stored->plan = ours->plan;
  ours->plan = plan;

  if (new_contact != NULL && rj_profile_find_contact (stored, new_contact->id) == NULL)
    {
      RjContact *contact = rj_profile_add_contact (stored, new_contact->name,
                                                   new_contact->phone);

      g_free (contact->id);
      contact->id = g_strdup (new_contact->id);
    }

  /* The store copies the profile before this returns. */
  rj_store_save_profile_async (store, stored, self->cancellable, save_profile_cb, self);
  rj_context_note_saved (self->context);
  g_signal_emit (self, signals[PROFILE_CHANGED], 0);
}

static void
save_plan (RjPlanWindow *self)
{
  save_plan_with (self, NULL);
}

/* The free texts */

static RjNote *
note_of_view (RjPlanWindow *self,
              GtkTextView  *view)
{
  RjPlan *plan = &self->profile->plan;

  if (view == self->reasons_view)
    return &plan->reasons;
  if (view == self->signs_view)
    return &plan->warning_signs;
  return &plan->if_lapse;
}

static void
text_changed_cb (GtkTextBuffer *buffer,
                 RjPlanWindow  *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (buffer), "rj-view");
  GtkTextIter start, end;
  RjNote *note;
  char *text;

  if (self->loading || self->profile == NULL)
    return;

  note = note_of_view (self, view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  rj_note_set (note, *text != '\0' ? text : NULL, note->is_private);
  rj_wipe_string (text);
  save_plan (self);
}

static void
note_private_toggled_cb (GtkToggleButton *button,
                         RjPlanWindow    *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (button), "rj-view");
  RjNote *note;

  if (self->loading || self->profile == NULL)
    return;
  note = note_of_view (self, view);
  note->is_private = gtk_toggle_button_get_active (button);
  save_plan (self);
}

static void
set_up_text (RjPlanWindow    *self,
             GtkTextView     *view,
             RjPrivateButton *private_button)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  g_object_set_data (G_OBJECT (buffer), "rj-view", view);
  g_object_set_data (G_OBJECT (private_button), "rj-view", view);
  g_signal_connect (buffer, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect (private_button, "toggled", G_CALLBACK (note_private_toggled_cb), self);
}

static void
load_text (RjPlanWindow    *self,
           GtkTextView     *view,
           RjPrivateButton *private_button)
{
  const RjNote *note = note_of_view (self, view);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            note->text != NULL ? note->text : "", -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private_button), note->is_private);
}

/* Items of a list in the plan (triggers, strategies) */

typedef struct {
  RjPlanWindow *self;
  GPtrArray *items;         /* the plan's array the item is in */
  RjPlanItem *item;
} ItemRow;

static void
item_words_changed_cb (GtkEditable *editable,
                       ItemRow     *row)
{
  RjPlanWindow *self = row->self;

  if (self->loading || self->profile == NULL)
    return;
  rj_note_set (&row->item->words, gtk_editable_get_text (editable), row->item->words.is_private);
  save_plan (self);
}

static void
item_private_toggled_cb (GtkToggleButton *button,
                         ItemRow         *row)
{
  RjPlanWindow *self = row->self;

  if (self->loading || self->profile == NULL)
    return;
  row->item->words.is_private = gtk_toggle_button_get_active (button);
  save_plan (self);
}

static void
item_remove_clicked_cb (GtkButton *button,
                        ItemRow   *row)
{
  RjPlanWindow *self = row->self;
  GPtrArray *items = row->items;

  if (self->profile == NULL)
    return;
  /* The row, and @row with it, goes when the list is rebuilt. */
  g_ptr_array_remove (items, row->item);
  save_plan (self);
  if (items == self->profile->plan.triggers)
    rebuild_triggers (self);
  else
    rebuild_strategies (self);
}

static GtkWidget *
make_item_row (RjPlanWindow *self,
               GPtrArray    *items,
               RjPlanItem   *item,
               RjListKind    kind)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *private_button = rj_private_button_new ();
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *label = rj_profile_item_label (self->profile, kind, item->item_id);
  g_autofree char *remove_label = NULL;
  ItemRow *data = g_new0 (ItemRow, 1);

  data->self = self;
  data->items = items;
  data->item = item;
  g_object_set_data_full (G_OBJECT (row), "rj-item-row", data, g_free);

  /* The list's names are the client's own words, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_editable_set_text (GTK_EDITABLE (row), item->words.text != NULL ? item->words.text : "");
  gtk_widget_set_tooltip_text (row, _("In your own words"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private_button), item->words.is_private);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), private_button);

  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Take Off the Plan"));
  /* Translators: %s is a trigger or a coping skill in the plan. */
  remove_label = g_strdup_printf (_("Take “%s” off the plan"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove_button);

  g_signal_connect (row, "changed", G_CALLBACK (item_words_changed_cb), data);
  g_signal_connect (private_button, "toggled", G_CALLBACK (item_private_toggled_cb), data);
  g_signal_connect (remove_button, "clicked", G_CALLBACK (item_remove_clicked_cb), data);
  return row;
}

static gboolean
plan_has_item (GPtrArray  *items,
               const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((RjPlanItem *) g_ptr_array_index (items, i))->item_id, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_suggested (RjPlanWindow *self,
              const char   *id)
{
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    if (g_strcmp0 (g_array_index (self->suggestions, RjSkillSuggestion, i).skill_id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Focuses the words of the last item row of @list, just added. */
static void
focus_last_item (GtkListBox *list)
{
  GtkWidget *last = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ENTRY_ROW (child))
      last = child;
  if (last != NULL)
    gtk_widget_grab_focus (last);
}

/* A combo row of the list's items not in @taken (nor suggested, for skills), with an
 * Add button; @choices gets the ids in the row's order. Returns NULL when none is left. */
static AdwComboRow *
make_add_row (RjPlanWindow *self,
              RjListKind    kind,
              GPtrArray    *taken,
              GPtrArray    *choices,
              const char   *title,
              const char   *button_label,
              GCallback     clicked)
{
  GPtrArray *list = self->profile->lists[kind];
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GtkWidget *row;
  GtkWidget *button;

  g_ptr_array_set_size (choices, 0);
  for (guint i = 0; i < list->len; i++)
    {
      const RjListItem *item = g_ptr_array_index (list, i);

      if (item->hidden || plan_has_item (taken, item->id) ||
          (kind == RJ_LIST_SKILLS && is_suggested (self, item->id)))
        continue;
      g_ptr_array_add (choices, g_strdup (item->id));
      gtk_string_list_append (model, rj_list_item_get_label (item));
    }
  if (choices->len == 0)
    return NULL;

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));

  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  rj_accessible_set_name (button, button_label);
  g_signal_connect_swapped (button, "clicked", clicked, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return ADW_COMBO_ROW (row);
}

static void
add_trigger_clicked_cb (RjPlanWindow *self)
{
  guint i;

  if (self->profile == NULL || self->add_trigger_row == NULL)
    return;
  i = adw_combo_row_get_selected (self->add_trigger_row);
  if (i >= self->trigger_choices->len)
    return;
  rj_plan_add_trigger (&self->profile->plan, g_ptr_array_index (self->trigger_choices, i),
                       NULL, FALSE);
  save_plan (self);
  rebuild_triggers (self);
  focus_last_item (self->triggers_list);
}

static void
rebuild_triggers (RjPlanWindow *self)
{
  GPtrArray *items = self->profile->plan.triggers;

  clear_list (self->triggers_list);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->triggers_list,
                         make_item_row (self, items, g_ptr_array_index (items, i),
                                        RJ_LIST_TRIGGERS));
  self->add_trigger_row = make_add_row (self, RJ_LIST_TRIGGERS, items, self->trigger_choices,
                                        _("Add a trigger"), _("Add this trigger to my plan"),
                                        G_CALLBACK (add_trigger_clicked_cb));
  if (self->add_trigger_row != NULL)
    gtk_list_box_append (self->triggers_list, GTK_WIDGET (self->add_trigger_row));
}

static void
add_strategy (RjPlanWindow *self,
              const char   *skill_id)
{
  rj_plan_add_strategy (&self->profile->plan, skill_id, NULL, FALSE);
  save_plan (self);
  rebuild_strategies (self);
  focus_last_item (self->strategies_list);
}

static void
add_suggestion_clicked_cb (GtkButton    *button,
                           RjPlanWindow *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "rj-skill-id"));

  if (self->profile != NULL)
    add_strategy (self, id);
}

static void
add_skill_clicked_cb (RjPlanWindow *self)
{
  g_autofree char *id = NULL;
  guint i;

  if (self->profile == NULL || self->add_skill_row == NULL)
    return;
  i = adw_combo_row_get_selected (self->add_skill_row);
  if (i >= self->skill_choices->len)
    return;
  id = g_strdup (g_ptr_array_index (self->skill_choices, i));
  add_strategy (self, id);
}

static GtkWidget *
make_suggestion_row (RjPlanWindow            *self,
                     const RjSkillSuggestion *suggestion)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "starred-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  const char *label = rj_profile_item_label (self->profile, RJ_LIST_SKILLS,
                                             suggestion->skill_id);
  g_autofree char *subtitle = NULL;
  g_autofree char *button_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  /* Translators: under a coping skill the journal suggests for the plan. */
  subtitle = g_strdup_printf (ngettext ("Helped %u time, by your journal",
                                        "Helped %u times, by your journal",
                                        suggestion->n_helped),
                              suggestion->n_helped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: %s is a coping skill the journal suggests. */
  button_label = g_strdup_printf (_("Add “%s” to my plan"), label);
  rj_accessible_set_name (button, button_label);
  g_object_set_data_full (G_OBJECT (button), "rj-skill-id", g_strdup (suggestion->skill_id),
                          g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (add_suggestion_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
rebuild_strategies (RjPlanWindow *self)
{
  GPtrArray *items = self->profile->plan.strategies;

  clear_list (self->strategies_list);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->strategies_list,
                         make_item_row (self, items, g_ptr_array_index (items, i),
                                        RJ_LIST_SKILLS));

  /* What the journal shows has helped, most often first, then every other skill. */
  for (guint i = 0; self->suggestions != NULL && i < self->suggestions->len; i++)
    {
      const RjSkillSuggestion *suggestion = &g_array_index (self->suggestions,
                                                            RjSkillSuggestion, i);

      if (!plan_has_item (items, suggestion->skill_id))
        gtk_list_box_append (self->strategies_list, make_suggestion_row (self, suggestion));
    }

  self->add_skill_row = make_add_row (self, RJ_LIST_SKILLS, items, self->skill_choices,
                                      _("Add another coping skill"),
                                      _("Add this coping skill to my plan"),
                                      G_CALLBACK (add_skill_clicked_cb));
  if (self->add_skill_row != NULL)
    gtk_list_box_append (self->strategies_list, GTK_WIDGET (self->add_skill_row));
}

/* People */

static gboolean
plan_has_person (const RjPlan *plan,
                 const char   *id,
                 guint        *index)
{
  for (guint i = 0; i < plan->people->len; i++)
    if (g_strcmp0 (g_ptr_array_index (plan->people, i), id) == 0)
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

static void
person_toggled_cb (GtkCheckButton *check,
                   RjPlanWindow   *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "rj-contact-id");
  RjPlan *plan;
  guint index;

  if (self->loading || self->profile == NULL)
    return;
  plan = &self->profile->plan;
  if (gtk_check_button_get_active (check))
    {
      if (!plan_has_person (plan, id, NULL))
        rj_plan_add_person (plan, id);
    }
  else if (plan_has_person (plan, id, &index))
    g_ptr_array_remove_index (plan->people, index);
  save_plan (self);
}

static GtkWidget *
make_person_row (RjPlanWindow    *self,
                 const RjContact *contact)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gboolean has_phone = contact->phone != NULL && contact->phone[0] != '\0';
  gboolean has_note = contact->note != NULL && contact->note[0] != '\0';
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 contact->name != NULL ? contact->name : "");
  if (has_phone && has_note)
    /* Translators: a contact's phone number, then the client's note about them. */
    subtitle = g_strdup_printf (_("%s · %s"), contact->phone, contact->note);
  else
    subtitle = g_strdup (has_phone ? contact->phone
                         : has_note ? contact->note : _("No number yet"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               plan_has_person (&self->profile->plan, contact->id, NULL));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "rj-contact-id", g_strdup (contact->id), g_free);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (person_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
add_person_clicked_cb (RjPlanWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  RjContact *contact;

  if (self->profile == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row))));
  phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_phone_row))));
  if (*name == '\0')
    {
      show_toast (self, _("Write a name first: a first name or a role is enough."));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_name_row));
      return;
    }

  contact = rj_profile_add_contact (self->profile, name, *phone != '\0' ? phone : NULL);
  rj_plan_add_person (&self->profile->plan, contact->id);
  save_plan_with (self, contact);
  rebuild_people (self);
}

static void
rebuild_people (RjPlanWindow *self)
{
  GPtrArray *contacts = self->profile->contacts;
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *phone_row = adw_entry_row_new ();
  GtkWidget *add_row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Add to _My Plan"));

  rj_accessible_fix_names (button);

  clear_list (self->people_list);
  for (guint i = 0; i < contacts->len; i++)
    gtk_list_box_append (self->people_list, make_person_row (self, g_ptr_array_index (contacts, i)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Add someone"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("They are added to your support contacts too"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name or role"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (phone_row), _("Phone number"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (phone_row), 24);
  g_object_set (gtk_editable_get_delegate (GTK_EDITABLE (phone_row)),
                "input-purpose", GTK_INPUT_PURPOSE_PHONE, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), "");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_person_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), phone_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), add_row);
  self->new_name_row = ADW_ENTRY_ROW (name_row);
  self->new_phone_row = ADW_ENTRY_ROW (phone_row);
  gtk_list_box_append (self->people_list, expander);
}

/* Loading */

static gboolean
collect_entry_cb (const RjEntry *entry,
                  gpointer       user_data)
{
  g_ptr_array_add (user_data, rj_entry_ref ((RjEntry *) entry));
  return TRUE;
}

static void
load (RjPlanWindow *self)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);

  rj_store_foreach_entry (get_store (self), NULL, NULL, FALSE, collect_entry_cb, entries);
  g_clear_pointer (&self->suggestions, g_array_unref);
  self->suggestions = rj_plan_suggest_strategies (self->profile, entries, MAX_SUGGESTIONS);

  self->loading = TRUE;
  load_text (self, self->reasons_view, self->reasons_private);
  load_text (self, self->signs_view, self->signs_private);
  load_text (self, self->lapse_view, self->lapse_private);
  rebuild_triggers (self);
  rebuild_strategies (self);
  rebuild_people (self);
  self->loading = FALSE;
}

/* A locked journal shows nothing: the plan goes with the window. */
static void
forget (GtkWindow *window)
{
  RjPlanWindow *self = RJ_PLAN_WINDOW (window);

  self->loading = TRUE;
  g_cancellable_cancel (self->cancellable);
  clear_list (self->triggers_list);
  clear_list (self->strategies_list);
  clear_list (self->people_list);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reasons_view), "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->signs_view), "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lapse_view), "", -1);
  g_clear_pointer (&self->profile, rj_profile_unref);
}

/* Printing */

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page_nr,
                    gpointer           user_data)
{
  PageData *data = user_data;

  if (data->profile == NULL)
    return;
  rj_plan_page_draw (gtk_print_context_get_cairo_context (context),
                     gtk_print_context_get_width (context),
                     gtk_print_context_get_height (context),
                     data->profile, data->generated);
}

static GtkPrintOperation *
print_operation_new (RjPlanWindow *self)
{
  return rj_export_print_operation_new (rj_export_locale_uses_letter (),
                                        _("My relapse-prevention plan"),
                                        G_CALLBACK (print_draw_page_cb), page_data_new (self),
                                        page_data_free_closure);
}

static gboolean
write_pdf (const char    *path,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  PageData *data = user_data;

  return rj_plan_page_write_pdf (path, data->width, data->height, data->profile,
                                 data->generated, error);
}

static void
save_pdf_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RjPlanWindow *self = RJ_PLAN_WINDOW (object);
  g_autoptr(GError) error = NULL;

  rj_plan_window_save_pdf_finish (self, result, &error);
  rj_export_tell_saved (self->toast_overlay, error, _("The PDF could not be saved: %s"),
                        _("PDF saved"));
}

static void
file_chosen_cb (GtkWindow *window,
                GFile     *file,
                gpointer   user_data)
{
  rj_plan_window_save_pdf_async (RJ_PLAN_WINDOW (window), file, NULL, save_pdf_done_cb, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RjPlanWindow *self = RJ_PLAN_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (self->profile == NULL)
    return;
  operation = print_operation_new (self);
  rj_export_print (GTK_WINDOW (self), self->toast_overlay, operation,
                   _("The plan could not be printed"));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RjPlanWindow *self = RJ_PLAN_WINDOW (widget);
  g_autofree char *name = rj_export_suggested_name (_("My plan"), "pdf");

  if (self->profile == NULL)
    return;
  rj_export_choose_file (GTK_WINDOW (self), _("Save the Plan as PDF"), _("PDF documents"),
                         "application/pdf", name, file_chosen_cb, NULL);
}

static void
rj_plan_window_constructed (GObject *object)
{
  RjPlanWindow *self = (RjPlanWindow *) object;
  RjStore *store;

  G_OBJECT_CLASS (rj_plan_window_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
  store = get_store (self);

  /* A locked journal has no plan to show: the window goes as it came. */
  self->profile = rj_store_dup_profile (store);
  rj_export_close_when_locked (GTK_WINDOW (self), store, self->profile == NULL, forget);
  if (self->profile != NULL)
    load (self);
}

static void
rj_plan_window_dispose (GObject *object)
{
  RjPlanWindow *self = (RjPlanWindow *) object;

  self->loading = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_PLAN_WINDOW);

  G_OBJECT_CLASS (rj_plan_window_parent_class)->dispose (object);
}

static void
rj_plan_window_finalize (GObject *object)
{
  RjPlanWindow *self = (RjPlanWindow *) object;

  g_clear_pointer (&self->profile, rj_profile_unref);
  g_clear_pointer (&self->suggestions, g_array_unref);
  g_clear_pointer (&self->trigger_choices, g_ptr_array_unref);
  g_clear_pointer (&self->skill_choices, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_plan_window_parent_class)->finalize (object);
}

static void
rj_plan_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RjPlanWindow *self = RJ_PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_plan_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RjPlanWindow *self = RJ_PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_plan_window_class_init (RjPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_plan_window_constructed;
  object_class->dispose = rj_plan_window_dispose;
  object_class->finalize = rj_plan_window_finalize;
  object_class->get_property = rj_plan_window_get_property;
  object_class->set_property = rj_plan_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjPlanWindow::profile-changed:
   * @self: the window
   *
   * A change to the plan (or a contact added from it) reached the store.
   */
  signals[PROFILE_CHANGED] =
    g_signal_new ("profile-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (RJ_TYPE_PRIVATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, reasons_view);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, reasons_private);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, triggers_list);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, signs_view);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, signs_private);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, strategies_list);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, people_list);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, lapse_view);
  gtk_widget_class_bind_template_child (widget_class, RjPlanWindow, lapse_private);

  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plan.save-pdf", NULL, save_pdf_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "plan.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rj_plan_window_init (RjPlanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->trigger_choices = g_ptr_array_new_with_free_func (g_free);
  self->skill_choices = g_ptr_array_new_with_free_func (g_free);
  set_up_text (self, self->reasons_view, self->reasons_private);
  set_up_text (self, self->signs_view, self->signs_private);
  set_up_text (self, self->lapse_view, self->lapse_private);
}

/**
 * rj_plan_window_new:
 * @parent: (nullable): the journal window
 * @context: the journal's context; its store should be unlocked
 *
 * Returns: (transfer none): a new plan window, transient for @parent
 */
GtkWidget *
rj_plan_window_new (GtkWindow *parent,
                    RjContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_PLAN_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

RjContext *
rj_plan_window_get_context (RjPlanWindow *self)
{
  g_return_val_if_fail (RJ_IS_PLAN_WINDOW (self), NULL);

  return self->context;
}

/**
 * rj_plan_window_get_profile:
 * @self: a #RjPlanWindow
 *
 * Returns: (nullable) (transfer none): the profile whose plan is shown, or %NULL when
 *   the journal is locked
 */
const RjProfile *
rj_plan_window_get_profile (RjPlanWindow *self)
{
  g_return_val_if_fail (RJ_IS_PLAN_WINDOW (self), NULL);

  return self->profile;
}

/**
 * rj_plan_window_export_print:
 * @self: a #RjPlanWindow
 * @path: where to write the PDF
 * @error: return location for a #GError
 *
 * Runs the print operation of the Print button without its dialog, exporting to
 * @path; for tests, which never open a modal print dialog.
 */
gboolean
rj_plan_window_export_print (RjPlanWindow  *self,
                             const char    *path,
                             GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (RJ_IS_PLAN_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = print_operation_new (self);
  return rj_export_print_to_file (GTK_WINDOW (self), operation, path, error);
}

/**
 * rj_plan_window_save_pdf_async:
 * @self: a #RjPlanWindow
 * @file: where to save the page, a local file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the plan as a one-page PDF, private (0600), on the paper of the client's
 * locale, in a thread.
 */
void
rj_plan_window_save_pdf_async (RjPlanWindow        *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (RJ_IS_PLAN_WINDOW (self));

  rj_export_save_async (self, rj_plan_window_save_pdf_async, file, write_pdf,
                        self->profile != NULL ? page_data_new (self) : NULL,
                        (GDestroyNotify) page_data_free, cancellable, callback, user_data);
}

gboolean
rj_plan_window_save_pdf_finish (RjPlanWindow  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (RJ_IS_PLAN_WINDOW (self), FALSE);

  return rj_export_save_finish (self, rj_plan_window_save_pdf_async, result, error);
}
