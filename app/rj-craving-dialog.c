/* rj-craving-dialog.c: adding or changing one craving of the day.
 *
 * The one place in the journal with a confirm button: the craving becomes part of the
 * day when the client presses it. Everything else on the day saves itself.
 *
 * Every value can stay "not logged", which is not the same as zero: a scale that was
 * never touched is shown dimmed and is saved as not logged, and each value has a way
 * back to that state. Choices that are either on or off (HALT, whether a skill helped,
 * how it ended) clear when the chosen button is pressed again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-craving-dialog"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "rj-craving-dialog.h"
#include "rj-craving-row.h"
#include "rj-utils.h"

#define MAX_DURATION_MINUTES (24 * 60)

/* The buttons that answer "did it help?", in the order they are shown. */
static const RjHelped helped_values[] = { RJ_HELPED_YES, RJ_HELPED_PARTLY, RJ_HELPED_NO };
#define N_HELPED G_N_ELEMENTS (helped_values)

typedef struct
{
  RjCravingDialog *dialog;  /* unowned: the dialog owns this */
  char *id;
  GtkCheckButton *check;
  GtkRevealer *revealer;
  GtkToggleButton *helped_buttons[N_HELPED];
} SkillRow;

struct _RjCravingDialog
{
  AdwWindow parent_instance;

  RjContext *context;
  RjProfile *profile;
  GDate day;
  RjCraving *craving;         /* the edited value, always up to date */
  gboolean is_new;
  gboolean clock_12h;
  guint updating;             /* > 0 while the widgets are being set from the value */

  GPtrArray *trigger_ids;     /* of char*, one per item of the trigger row; [0] is NULL */
  GPtrArray *skill_rows;      /* of SkillRow* */

  AdwWindowTitle *window_title;
  GtkButton *save_button;
  GtkScrolledWindow *scrolled_window;   /* bound for the screenshot driver */
  GtkMenuButton *time_button;
  GtkPopover *time_popover;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkWidget *period_box;
  GtkToggleButton *am_button;
  GtkToggleButton *pm_button;
  GtkLabel *intensity_value_label;
  GtkWidget *intensity_clear_button;
  GtkScale *intensity_scale;
  AdwActionRow *duration_row;
  GtkSpinButton *duration_spin;
  GtkWidget *duration_clear_button;
  AdwComboRow *trigger_row;
  AdwEntryRow *words_row;
  GtkSwitch *private_switch;
  GtkToggleButton *hungry_button;
  GtkToggleButton *angry_button;
  GtkToggleButton *lonely_button;
  GtkToggleButton *tired_button;
  AdwPreferencesGroup *skills_group;
  GtkToggleButton *rode_it_out_button;
  GtkToggleButton *used_button;
  GtkWidget *delete_button;
};

G_DEFINE_FINAL_TYPE (RjCravingDialog, rj_craving_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_DAY,
  PROP_CRAVING,
  PROP_IS_NEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
skill_row_free (SkillRow *row)
{
  g_free (row->id);
  g_free (row);
}

static void
notify_craving (RjCravingDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRAVING]);
}

static gboolean
day_is_today (RjCravingDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return g_date_compare (&self->day, &today) == 0;
}

static int
now_minutes (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
}

static gboolean
clock_is_12h (void)
{
  g_autofree char *sample = rj_craving_row_format_time (13 * 60);

  /* The row knows how the desktop shows its clock; 13:00 reads "1:00 PM" on 12 hours. */
  return !g_str_has_prefix (sample, "13");
}

static int
find_skill_use (RjCravingDialog *self,
                const char      *skill_id)
{
  for (guint i = 0; i < self->craving->skills->len; i++)
    {
      const RjSkillUse *use = &g_array_index (self->craving->skills, RjSkillUse, i);

      if (g_strcmp0 (use->skill_id, skill_id) == 0)
        return (int) i;
    }
  return -1;
}

static SkillRow *
find_skill_row (RjCravingDialog *self,
                const char      *skill_id)
{
  for (guint i = 0; i < self->skill_rows->len; i++)
    {
      SkillRow *row = g_ptr_array_index (self->skill_rows, i);

      if (g_strcmp0 (row->id, skill_id) == 0)
        return row;
    }
  return NULL;
}

/* Showing the value. */

static void
sync_time (RjCravingDialog *self)
{
  int minutes = self->craving->time_minutes;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  self->updating++;

  if (minutes == RJ_NOT_LOGGED)
    {
      gtk_menu_button_set_label (self->time_button, _("Not logged"));
      /* TRANSLATORS: the name of the time button for screen readers */
      name = g_strdup (_("Time: not logged"));
    }
  else
    {
      text = rj_craving_row_format_time (minutes);
      gtk_menu_button_set_label (self->time_button, text);
      /* TRANSLATORS: the name of the time button for screen readers */
      name = g_strdup_printf (_("Time: %s"), text);

      gtk_spin_button_set_value (self->hour_spin, minutes / 60);
      gtk_spin_button_set_value (self->minute_spin, minutes % 60);
      gtk_toggle_button_set_active (minutes >= 12 * 60 ? self->pm_button : self->am_button, TRUE);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  self->updating--;
}

static void
sync_intensity (RjCravingDialog *self)
{
  int intensity = self->craving->intensity;
  g_autofree char *text = NULL;

  self->updating++;

  if (intensity == RJ_NOT_LOGGED)
    {
      gtk_range_set_value (GTK_RANGE (self->intensity_scale), 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->intensity_scale), "dim-label");
      gtk_label_set_label (self->intensity_value_label, _("Not logged"));
      gtk_widget_add_css_class (GTK_WIDGET (self->intensity_value_label), "dim-label");
      gtk_widget_set_visible (self->intensity_clear_button, FALSE);
    }
  else
    {
      gtk_range_set_value (GTK_RANGE (self->intensity_scale), intensity);
      gtk_widget_remove_css_class (GTK_WIDGET (self->intensity_scale), "dim-label");
      /* TRANSLATORS: how strong a craving was, on a scale of 0 to 10 */
      text = g_strdup_printf (_("%d of 10"), intensity);
      gtk_label_set_label (self->intensity_value_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->intensity_value_label), "dim-label");
      gtk_widget_set_visible (self->intensity_clear_button, TRUE);
    }

  self->updating--;
}

static void
sync_duration_state (RjCravingDialog *self)
{
  gboolean logged = self->craving->duration_minutes != RJ_NOT_LOGGED;

  adw_action_row_set_subtitle (self->duration_row, logged ? "" : _("Not logged"));
  gtk_widget_set_visible (self->duration_clear_button, logged);
}

static void
sync_duration (RjCravingDialog *self)
{
  int minutes = self->craving->duration_minutes;
  g_autofree char *text = NULL;

  self->updating++;

  if (minutes == RJ_NOT_LOGGED)
    {
      gtk_spin_button_set_value (self->duration_spin, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->duration_spin), "");
    }
  else
    {
      gtk_spin_button_set_value (self->duration_spin, minutes);
      text = g_strdup_printf ("%d", minutes);
      gtk_editable_set_text (GTK_EDITABLE (self->duration_spin), text);
    }
  sync_duration_state (self);

  self->updating--;
}

static void
sync_trigger (RjCravingDialog *self)
{
  guint selected = 0;

  for (guint i = 1; i < self->trigger_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->trigger_ids, i), self->craving->trigger_id) == 0)
      selected = i;

  self->updating++;
  adw_combo_row_set_selected (self->trigger_row, selected);
  self->updating--;
}

static void
sync_words (RjCravingDialog *self)
{
  const RjNote *words = &self->craving->trigger_words;

  self->updating++;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->words_row)),
                 words->text != NULL ? words->text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->words_row), words->text != NULL ? words->text : "");
  gtk_switch_set_active (self->private_switch, words->is_private);
  self->updating--;
}

static GtkToggleButton *
halt_button (RjCravingDialog *self,
             RjHaltFlags      letter)
{
  switch (letter)
    {
    case RJ_HALT_HUNGRY:
      return self->hungry_button;
    case RJ_HALT_ANGRY:
      return self->angry_button;
    case RJ_HALT_LONELY:
      return self->lonely_button;
    case RJ_HALT_TIRED:
      return self->tired_button;
    default:
      g_assert_not_reached ();
    }
}

static void
sync_halt (RjCravingDialog *self)
{
  static const RjHaltFlags letters[] = {
    RJ_HALT_HUNGRY, RJ_HALT_ANGRY, RJ_HALT_LONELY, RJ_HALT_TIRED
  };

  self->updating++;
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    gtk_toggle_button_set_active (halt_button (self, letters[i]),
                                  (self->craving->halt.yes & letters[i]) != 0);
  self->updating--;
}

static void
sync_skill_row (RjCravingDialog *self,
                SkillRow        *row)
{
  int index = find_skill_use (self, row->id);
  RjHelped helped = RJ_HELPED_NOT_LOGGED;

  if (index >= 0)
    helped = g_array_index (self->craving->skills, RjSkillUse, index).helped;

  self->updating++;
  gtk_check_button_set_active (row->check, index >= 0);
  gtk_revealer_set_reveal_child (row->revealer, index >= 0);
  for (guint i = 0; i < N_HELPED; i++)
    gtk_toggle_button_set_active (row->helped_buttons[i], helped == helped_values[i]);
  self->updating--;
}

static void
sync_outcome (RjCravingDialog *self)
{
  self->updating++;
  gtk_toggle_button_set_active (self->rode_it_out_button,
                                self->craving->outcome == RJ_OUTCOME_RODE_IT_OUT);
  gtk_toggle_button_set_active (self->used_button, self->craving->outcome == RJ_OUTCOME_USED);
  self->updating--;
}

static void
sync_all (RjCravingDialog *self)
{
  sync_time (self);
  sync_intensity (self);
  sync_duration (self);
  sync_trigger (self);
  sync_words (self);
  sync_halt (self);
  for (guint i = 0; i < self->skill_rows->len; i++)
    sync_skill_row (self, g_ptr_array_index (self->skill_rows, i));
  sync_outcome (self);
}

/* Changing the value; each of these shows the change and says so. */

static void
set_time (RjCravingDialog *self,
          int              time_minutes)
{
  if (time_minutes != RJ_NOT_LOGGED)
    time_minutes = CLAMP (time_minutes, 0, 24 * 60 - 1);
  self->craving->time_minutes = time_minutes;
  sync_time (self);
  notify_craving (self);
}

static void
set_intensity (RjCravingDialog *self,
               int              intensity)
{
  if (intensity != RJ_NOT_LOGGED)
    intensity = CLAMP (intensity, 0, RJ_SCALE_MAX);
  self->craving->intensity = intensity;
  sync_intensity (self);
  notify_craving (self);
}

static void
set_duration (RjCravingDialog *self,
              int              duration_minutes)
{
  if (duration_minutes != RJ_NOT_LOGGED)
    duration_minutes = CLAMP (duration_minutes, 0, MAX_DURATION_MINUTES);
  self->craving->duration_minutes = duration_minutes;
  sync_duration (self);
  notify_craving (self);
}

static void
set_skill (RjCravingDialog *self,
           const char      *skill_id,
           gboolean         used,
           RjHelped         helped)
{
  int index = find_skill_use (self, skill_id);

  if (!used && index >= 0)
    g_array_remove_index (self->craving->skills, index);
  else if (used && index < 0)
    rj_craving_add_skill (self->craving, skill_id, helped);
  else if (used)
    g_array_index (self->craving->skills, RjSkillUse, index).helped = helped;

  notify_craving (self);
}

/* A pressed button shows a check mark as well as its darker face, so that what was
 * chosen reads at a glance, and not by shade alone. */
static void
show_check_when_active (GtkToggleButton *button)
{
  g_autofree char *text = g_strdup (gtk_button_get_label (GTK_BUTTON (button)));
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  image = g_object_new (GTK_TYPE_IMAGE,
                        "icon-name", "object-select-symbolic",
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  g_object_bind_property (button, "active", image, "visible", G_BINDING_SYNC_CREATE);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        NULL);

  box = g_object_new (GTK_TYPE_BOX,
                      "spacing", 6,
                      "halign", GTK_ALIGN_CENTER,
                      NULL);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  /* The state is spoken by the toggle itself; the name is what is on it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

/* Building the lists from the client's profile. */

static void
add_trigger (RjCravingDialog *self,
             GtkStringList   *model,
             const char      *id,
             const char      *label)
{
  gtk_string_list_append (model, label);
  g_ptr_array_add (self->trigger_ids, g_strdup (id));
}

static void
build_triggers (RjCravingDialog *self)
{
  GPtrArray *items = self->profile->lists[RJ_LIST_TRIGGERS];
  const char *current = self->craving->trigger_id;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  gboolean current_offered = current == NULL;

  add_trigger (self, model, NULL, _("Not logged"));

  /* Hidden triggers are not offered, except the one this craving already names. */
  for (guint i = 0; i < items->len; i++)
    {
      const RjListItem *item = g_ptr_array_index (items, i);
      gboolean is_current = g_strcmp0 (item->id, current) == 0;

      if (item->hidden && !is_current)
        continue;
      add_trigger (self, model, item->id, rj_list_item_get_label (item));
      current_offered |= is_current;
    }

  /* One that has left the list altogether still reads as what it was called. */
  if (!current_offered)
    add_trigger (self, model, current,
                 rj_profile_item_label (self->profile, RJ_LIST_TRIGGERS, current));

  /* A new model selects its first item, which is not a choice the client made. */
  self->updating++;
  adw_combo_row_set_model (self->trigger_row, G_LIST_MODEL (model));
  self->updating--;
}

static void
skill_check_toggled_cb (SkillRow       *row,
                        GtkCheckButton *check)
{
  RjCravingDialog *self = row->dialog;

  if (self->updating > 0)
    return;

  /* Checked again, a skill starts over: whether it helped is not carried across. */
  set_skill (self, row->id, gtk_check_button_get_active (check), RJ_HELPED_NOT_LOGGED);
  sync_skill_row (self, row);
}

static void
skill_helped_toggled_cb (SkillRow        *row,
                         GtkToggleButton *button)
{
  RjCravingDialog *self = row->dialog;
  RjHelped helped = RJ_HELPED_NOT_LOGGED;

  if (self->updating > 0)
    return;

  for (guint i = 0; i < N_HELPED; i++)
    if (row->helped_buttons[i] == button && gtk_toggle_button_get_active (button))
      helped = helped_values[i];

  set_skill (self, row->id, TRUE, helped);
  sync_skill_row (self, row);
}

static void
add_skill_row (RjCravingDialog *self,
               const char      *skill_id,
               const char      *label_text)
{
  static const char *helped_labels[N_HELPED] = {
    N_("Yes"), N_("Partly"), N_("No"),
  };
  /* TRANSLATORS: names of the "did it help?" buttons for screen readers; %s is a skill */
  static const char *helped_names[N_HELPED] = {
    N_("%s helped"), N_("%s partly helped"), N_("%s didn’t help"),
  };
  SkillRow *row = g_new0 (SkillRow, 1);
  GtkWidget *list_row;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *helped_box;
  GtkWidget *question;
  GtkWidget *buttons;

  row->dialog = self;
  row->id = g_strdup (skill_id);
  g_ptr_array_add (self->skill_rows, row);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", label_text,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "xalign", 0.0f,
                        "hexpand", TRUE,
                        NULL);
  row->check = g_object_new (GTK_TYPE_CHECK_BUTTON,
                             "child", label,
                             "margin-top", 8,
                             "margin-bottom", 8,
                             NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_signal_connect_swapped (row->check, "toggled", G_CALLBACK (skill_check_toggled_cb), row);

  question = g_object_new (GTK_TYPE_LABEL,
                           "label", _("Did it help?"),
                           "wrap", TRUE,
                           "xalign", 0.0f,
                           "hexpand", TRUE,
                           NULL);
  gtk_widget_add_css_class (question, "dim-label");

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (buttons, "linked");
  for (guint i = 0; i < N_HELPED; i++)
    {
      g_autofree char *name = g_strdup_printf (_(helped_names[i]), label_text);

      row->helped_buttons[i] = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                             "label", _(helped_labels[i]),
                                             NULL);
      show_check_when_active (row->helped_buttons[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->helped_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_signal_connect_swapped (row->helped_buttons[i], "toggled",
                                G_CALLBACK (skill_helped_toggled_cb), row);
      gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->helped_buttons[i]));
    }

  /* Lined up under the skill's name, past the check box. */
  helped_box = g_object_new (GTK_TYPE_BOX,
                             "spacing", 12,
                             "margin-start", 28,
                             "margin-bottom", 10,
                             NULL);
  gtk_box_append (GTK_BOX (helped_box), question);
  gtk_box_append (GTK_BOX (helped_box), buttons);

  row->revealer = g_object_new (GTK_TYPE_REVEALER,
                                "transition-type", GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN,
                                "child", helped_box,
                                NULL);

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "margin-start", 12,
                      "margin-end", 12,
                      NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->revealer));

  /* The row itself takes no focus: Tab goes straight to the check box, then to the
   * answers under it. */
  list_row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                           "title", label_text,
                           "activatable", FALSE,
                           "selectable", FALSE,
                           "focusable", FALSE,
                           "child", box,
                           NULL);
  adw_preferences_group_add (self->skills_group, list_row);
}

static void
build_skills (RjCravingDialog *self)
{
  GPtrArray *items = self->profile->lists[RJ_LIST_SKILLS];

  /* Hidden skills are not offered, except those this craving already names. */
  for (guint i = 0; i < items->len; i++)
    {
      const RjListItem *item = g_ptr_array_index (items, i);

      if (item->hidden && find_skill_use (self, item->id) < 0)
        continue;
      add_skill_row (self, item->id, rj_list_item_get_label (item));
    }

  for (guint i = 0; i < self->craving->skills->len; i++)
    {
      const RjSkillUse *use = &g_array_index (self->craving->skills, RjSkillUse, i);

      if (find_skill_row (self, use->skill_id) == NULL)
        add_skill_row (self, use->skill_id,
                       rj_profile_item_label (self->profile, RJ_LIST_SKILLS, use->skill_id));
    }

  if (self->skill_rows->len == 0)
    adw_preferences_group_set_description (self->skills_group,
                                           _("Your list of coping skills is empty. You can "
                                             "add the ones you use in Preferences."));
}

static void
update_title (RjCravingDialog *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *subtitle = NULL;

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Craving") : _("Edit Craving"));
  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("New Craving") : _("Edit Craving"));
  gtk_button_set_label (self->save_button, self->is_new ? _("_Add") : _("_Done"));
  rj_accessible_fix_names (GTK_WIDGET (self->save_button));
  gtk_widget_set_visible (self->delete_button, !self->is_new);

  if (day_is_today (self))
    {
      subtitle = g_strdup (_("Today"));
    }
  else
    {
      date = g_date_time_new_local (g_date_get_year (&self->day), g_date_get_month (&self->day),
                                    g_date_get_day (&self->day), 12, 0, 0);
      /* TRANSLATORS: the day a craving belongs to, as in "Monday, 5 May"; see
       * g_date_time_format(). %A is the weekday's name, %-d the day of the month
       * without a leading zero, %B the month's name; put them in your language's order
       * and add words, as in "%A, %-d de %B". */
      subtitle = g_date_time_format (date, _("%A, %-d %B"));
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Callbacks. */

static void
store_unlocked_cb (RjCravingDialog *self)
{
  if (rj_store_is_unlocked (rj_context_get_store (self->context)))
    return;

  /* Locked: nothing of the journal stays on screen. */
  rj_entry_row_clear (self->words_row);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
time_popover_show_cb (RjCravingDialog *self)
{
  /* Opening the clock is choosing a time: start from now, which is often right. */
  if (self->craving->time_minutes == RJ_NOT_LOGGED)
    set_time (self, now_minutes ());
}

static gboolean
time_spin_output_cb (RjCravingDialog *self,
                     GtkSpinButton   *spin)
{
  int value = (int) gtk_spin_button_get_value (spin);
  g_autofree char *text = NULL;

  if (spin == self->hour_spin && self->clock_12h)
    text = g_strdup_printf ("%d", value % 12 == 0 ? 12 : value % 12);
  else
    text = g_strdup_printf ("%02d", value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
hour_spin_input_cb (RjCravingDialog *self,
                    double          *new_value,
                    GtkSpinButton   *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  gint64 hour;

  if (!self->clock_12h || self->pm_button == NULL)
    return FALSE;

  hour = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || hour < 1 || hour > 12)
    return GTK_INPUT_ERROR;

  *new_value = hour % 12 + (gtk_toggle_button_get_active (self->pm_button) ? 12 : 0);
  return TRUE;
}

static void
time_spin_value_changed_cb (RjCravingDialog *self)
{
  if (self->updating > 0)
    return;

  set_time (self,
            gtk_spin_button_get_value_as_int (self->hour_spin) * 60 +
            gtk_spin_button_get_value_as_int (self->minute_spin));
}

static void
period_toggled_cb (RjCravingDialog *self)
{
  int hour;

  if (self->updating > 0)
    return;

  hour = gtk_spin_button_get_value_as_int (self->hour_spin) % 12;
  if (gtk_toggle_button_get_active (self->pm_button))
    hour += 12;
  set_time (self, hour * 60 + gtk_spin_button_get_value_as_int (self->minute_spin));
}

static gboolean
intensity_scale_change_value_cb (RjCravingDialog *self,
                                 GtkScrollType    scroll,
                                 double           value)
{
  /* The client moved the scale. Untouched, it means "not logged"; once touched, even
   * at the value it already showed, it holds what they chose. */
  if (self->craving->intensity == RJ_NOT_LOGGED)
    set_intensity (self, (int) round (CLAMP (value, 0, RJ_SCALE_MAX)));
  return FALSE;
}

static void
intensity_scale_pressed_cb (RjCravingDialog *self)
{
  /* A press on the knob itself moves nothing, so the scale says nothing; yet the client
   * chose the value under it. A press anywhere else moves the knob there afterwards. */
  if (self->craving->intensity == RJ_NOT_LOGGED)
    set_intensity (self, (int) round (gtk_range_get_value (GTK_RANGE (self->intensity_scale))));
}

static void
intensity_scale_value_changed_cb (RjCravingDialog *self)
{
  if (self->updating > 0)
    return;

  set_intensity (self, (int) round (gtk_range_get_value (GTK_RANGE (self->intensity_scale))));
}

static int
duration_spin_input_cb (RjCravingDialog *self,
                        double          *new_value,
                        GtkSpinButton   *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  /* An empty field is "not logged", not zero: keep the number where it is. */
  if (text[0] != '\0')
    return FALSE;

  *new_value = gtk_spin_button_get_value (spin);
  return TRUE;
}

static gboolean
duration_spin_output_cb (RjCravingDialog *self,
                         GtkSpinButton   *spin)
{
  if (self->craving->duration_minutes != RJ_NOT_LOGGED)
    return FALSE;

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  self->updating--;
  return TRUE;
}

static void
duration_spin_changed_cb (RjCravingDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->duration_spin));
  char *end = NULL;
  gint64 minutes;

  if (self->updating > 0)
    return;

  /* Follow the typing, so that Ctrl+Return keeps what is in the field. */
  if (text[0] == '\0')
    {
      self->craving->duration_minutes = RJ_NOT_LOGGED;
    }
  else
    {
      minutes = g_ascii_strtoll (text, &end, 10);
      if (end == text || *end != '\0' || minutes < 0)
        return;
      self->craving->duration_minutes = MIN (minutes, MAX_DURATION_MINUTES);
    }

  sync_duration_state (self);
  notify_craving (self);
}

static void
duration_spin_value_changed_cb (RjCravingDialog *self)
{
  if (self->updating > 0)
    return;

  set_duration (self, gtk_spin_button_get_value_as_int (self->duration_spin));
}

static void
trigger_row_selected_cb (RjCravingDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->trigger_row);

  if (self->updating > 0 || selected >= self->trigger_ids->len)
    return;

  g_free (self->craving->trigger_id);
  self->craving->trigger_id = g_strdup (g_ptr_array_index (self->trigger_ids, selected));
  notify_craving (self);
}

static void
words_row_changed_cb (RjCravingDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->words_row));

  if (self->updating > 0)
    return;

  g_clear_pointer (&self->craving->trigger_words.text, rj_wipe_string);
  if (text[0] != '\0')
    self->craving->trigger_words.text = g_strdup (text);
  notify_craving (self);
}

static void
private_switch_active_cb (RjCravingDialog *self)
{
  if (self->updating > 0)
    return;

  self->craving->trigger_words.is_private = gtk_switch_get_active (self->private_switch);
  notify_craving (self);
}

static void
halt_button_toggled_cb (RjCravingDialog *self,
                        GtkToggleButton *button)
{
  RjHaltFlags letter;

  if (self->updating > 0)
    return;

  if (button == self->hungry_button)
    letter = RJ_HALT_HUNGRY;
  else if (button == self->angry_button)
    letter = RJ_HALT_ANGRY;
  else if (button == self->lonely_button)
    letter = RJ_HALT_LONELY;
  else
    letter = RJ_HALT_TIRED;

  rj_craving_dialog_set_halt (self, letter, gtk_toggle_button_get_active (button));
}

static void
outcome_button_toggled_cb (RjCravingDialog *self,
                           GtkToggleButton *button)
{
  RjOutcome outcome = RJ_OUTCOME_NOT_LOGGED;

  if (self->updating > 0)
    return;

  if (gtk_toggle_button_get_active (button))
    outcome = button == self->used_button ? RJ_OUTCOME_USED : RJ_OUTCOME_RODE_IT_OUT;

  self->craving->outcome = outcome;
  sync_outcome (self);
  notify_craving (self);
}

/* Actions. */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RjCravingDialog *self = RJ_CRAVING_DIALOG (widget);
  g_autoptr(RjCraving) craving = NULL;

  /* A number typed into a spin button counts even before it was confirmed. */
  gtk_spin_button_update (self->duration_spin);
  if (self->craving->time_minutes != RJ_NOT_LOGGED)
    {
      gtk_spin_button_update (self->hour_spin);
      gtk_spin_button_update (self->minute_spin);
    }

  craving = rj_craving_copy (self->craving);

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, craving);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RjCravingDialog *self = RJ_CRAVING_DIALOG (widget);

  if (self->is_new)
    return;

  g_object_ref (self);
  g_signal_emit (self, signals[DELETED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
time_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_time (RJ_CRAVING_DIALOG (widget), now_minutes ());
}

static void
clear_time_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RjCravingDialog *self = RJ_CRAVING_DIALOG (widget);

  set_time (self, RJ_NOT_LOGGED);
  gtk_popover_popdown (self->time_popover);
}

static void
clear_intensity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RjCravingDialog *self = RJ_CRAVING_DIALOG (widget);

  set_intensity (self, RJ_NOT_LOGGED);
  /* The clear button just went away; the scale is the natural place to carry on. */
  gtk_widget_grab_focus (GTK_WIDGET (self->intensity_scale));
}

static void
clear_duration_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RjCravingDialog *self = RJ_CRAVING_DIALOG (widget);

  set_duration (self, RJ_NOT_LOGGED);
  gtk_widget_grab_focus (GTK_WIDGET (self->duration_spin));
}

/* GObject. */

static void
rj_craving_dialog_constructed (GObject *object)
{
  RjCravingDialog *self = (RjCravingDialog *) object;
  RjStore *store;

  G_OBJECT_CLASS (rj_craving_dialog_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));

  store = rj_context_get_store (self->context);
  self->profile = rj_store_dup_profile (store);
  if (self->profile == NULL)
    self->profile = rj_profile_new_default ();

  if (!g_date_valid (&self->day))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&self->day, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  if (self->craving == NULL)
    {
      self->is_new = TRUE;
      self->craving = rj_craving_new ();
      /* Now, for today. A day filled in late gets no made-up time. */
      if (day_is_today (self))
        self->craving->time_minutes = now_minutes ();
    }

  self->clock_12h = clock_is_12h ();
  gtk_widget_set_visible (self->period_box, self->clock_12h);

  build_triggers (self);
  build_skills (self);
  update_title (self);
  sync_all (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "craving.delete", !self->is_new);

  g_signal_connect_object (store, "notify::unlocked",
                           G_CALLBACK (store_unlocked_cb), self, G_CONNECT_SWAPPED);

  /* The scale first: how strong it was is what most people log, and arrow keys set it. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->intensity_scale));
}

static void
rj_craving_dialog_dispose (GObject *object)
{
  RjCravingDialog *self = (RjCravingDialog *) object;

  /* From here on the widgets go away one by one, and what they say as they go (a spin
   * button losing focus commits its text, say) is no longer the client's doing. */
  self->updating++;
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_CRAVING_DIALOG);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_craving_dialog_parent_class)->dispose (object);
}

static void
rj_craving_dialog_finalize (GObject *object)
{
  RjCravingDialog *self = (RjCravingDialog *) object;

  g_clear_pointer (&self->craving, rj_craving_free);
  g_clear_pointer (&self->profile, rj_profile_unref);
  g_clear_pointer (&self->trigger_ids, g_ptr_array_unref);
  g_clear_pointer (&self->skill_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rj_craving_dialog_parent_class)->finalize (object);
}

static void
rj_craving_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RjCravingDialog *self = RJ_CRAVING_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_DAY:
      g_value_set_boxed (value, g_date_valid (&self->day) ? &self->day : NULL);
      break;

    case PROP_CRAVING:
      g_value_set_boxed (value, self->craving);
      break;

    case PROP_IS_NEW:
      g_value_set_boolean (value, self->is_new);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_craving_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RjCravingDialog *self = RJ_CRAVING_DIALOG (object);
  const GDate *day;
  const RjCraving *craving;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_DAY:
      day = g_value_get_boxed (value);
      if (day != NULL && g_date_valid (day))
        self->day = *day;
      break;

    case PROP_CRAVING:
      craving = g_value_get_boxed (value);
      if (craving != NULL)
        self->craving = rj_craving_copy (craving);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_craving_dialog_class_init (RjCravingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_craving_dialog_constructed;
  object_class->dispose = rj_craving_dialog_dispose;
  object_class->finalize = rj_craving_dialog_finalize;
  object_class->get_property = rj_craving_dialog_get_property;
  object_class->set_property = rj_craving_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RjCravingDialog:day:
   *
   * The day the craving belongs to; today when not set.
   */
  properties[PROP_DAY] =
    g_param_spec_boxed ("day", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RjCravingDialog:craving:
   *
   * Set at construction, the craving to change (none for a new one). Read, the
   * craving as it stands in the dialog now.
   */
  properties[PROP_CRAVING] =
    g_param_spec_boxed ("craving", NULL, NULL,
                        RJ_TYPE_CRAVING,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_NEW] =
    g_param_spec_boolean ("is-new", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjCravingDialog::saved:
   * @self: the dialog
   * @craving: the craving as the client left it; copy it to keep it
   *
   * The client pressed Add or Done. The dialog closes itself afterwards.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, RJ_TYPE_CRAVING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * RjCravingDialog::deleted:
   * @self: the dialog
   *
   * The client asked to delete the craving being changed. The dialog closes itself
   * afterwards; the page offers to undo it.
   */
  signals[DELETED] =
    g_signal_new ("deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-craving-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, time_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, time_popover);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, period_box);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, am_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, pm_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, intensity_value_label);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, intensity_clear_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, intensity_scale);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, duration_clear_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, trigger_row);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, words_row);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, private_switch);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, hungry_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, angry_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, lonely_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, tired_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, skills_group);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, rode_it_out_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, used_button);
  gtk_widget_class_bind_template_child (widget_class, RjCravingDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, time_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, hour_spin_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, intensity_scale_change_value_cb);
  gtk_widget_class_bind_template_callback (widget_class, intensity_scale_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, intensity_scale_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_spin_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_spin_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, trigger_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, words_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, private_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, halt_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_button_toggled_cb);

  gtk_widget_class_install_action (widget_class, "craving.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "craving.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "craving.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "craving.time-now", NULL, time_now_action);
  gtk_widget_class_install_action (widget_class, "craving.clear-time", NULL, clear_time_action);
  gtk_widget_class_install_action (widget_class, "craving.clear-intensity", NULL,
                                   clear_intensity_action);
  gtk_widget_class_install_action (widget_class, "craving.clear-duration", NULL,
                                   clear_duration_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "craving.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "craving.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "craving.save", NULL);
}

static void
rj_craving_dialog_init (RjCravingDialog *self)
{
  g_date_clear (&self->day, 1);
  self->trigger_ids = g_ptr_array_new_with_free_func (g_free);
  self->skill_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) skill_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  show_check_when_active (self->hungry_button);
  show_check_when_active (self->angry_button);
  show_check_when_active (self->lonely_button);
  show_check_when_active (self->tired_button);
  show_check_when_active (self->rode_it_out_button);
  show_check_when_active (self->used_button);

  for (int i = 0; i <= RJ_SCALE_MAX; i++)
    {
      g_autofree char *mark = g_strdup_printf ("%d", i);

      gtk_scale_add_mark (self->intensity_scale, i, GTK_POS_BOTTOM, mark);
    }

  /* Names for screen readers where GTK 4.8 would give none or a mangled one. */
  rj_accessible_fix_names (GTK_WIDGET (self));
  /* The spin button's own label says it all; its row's title would follow it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->duration_spin),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * rj_craving_dialog_new:
 * @context: the open journal, for the client's lists
 * @craving: (nullable): the craving to change, or %NULL to add a new one; the dialog
 *   works on a copy
 * @day: (nullable): the day the craving belongs to; %NULL for today
 *
 * Makes the dialog. Make it transient for the main window, then present it.
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of windows until it
 *   closes
 */
RjCravingDialog *
rj_craving_dialog_new (RjContext       *context,
                       const RjCraving *craving,
                       const GDate     *day)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (day == NULL || g_date_valid (day), NULL);

  return g_object_new (RJ_TYPE_CRAVING_DIALOG,
                       "context", context,
                       "craving", craving,
                       "day", day,
                       NULL);
}

gboolean
rj_craving_dialog_get_is_new (RjCravingDialog *self)
{
  g_return_val_if_fail (RJ_IS_CRAVING_DIALOG (self), FALSE);

  return self->is_new;
}

/**
 * rj_craving_dialog_dup_craving:
 * @self: a #RjCravingDialog
 *
 * Returns: (transfer full): the craving as it stands in the dialog now
 */
RjCraving *
rj_craving_dialog_dup_craving (RjCravingDialog *self)
{
  g_return_val_if_fail (RJ_IS_CRAVING_DIALOG (self), NULL);

  return rj_craving_copy (self->craving);
}

/**
 * rj_craving_dialog_set_time:
 * @self: a #RjCravingDialog
 * @time_minutes: minutes after midnight, or %RJ_NOT_LOGGED
 */
void
rj_craving_dialog_set_time (RjCravingDialog *self,
                            int              time_minutes)
{
  g_return_if_fail (RJ_IS_CRAVING_DIALOG (self));
  g_return_if_fail (time_minutes == RJ_NOT_LOGGED ||
                    (time_minutes >= 0 && time_minutes < 24 * 60));

  set_time (self, time_minutes);
}

/**
 * rj_craving_dialog_set_intensity:
 * @self: a #RjCravingDialog
 * @intensity: 0 to 10, or %RJ_NOT_LOGGED
 *
 * Moves the scale, as the client would.
 */
void
rj_craving_dialog_set_intensity (RjCravingDialog *self,
                                 int              intensity)
{
  g_return_if_fail (RJ_IS_CRAVING_DIALOG (self));
  g_return_if_fail (intensity == RJ_NOT_LOGGED || (intensity >= 0 && intensity <= RJ_SCALE_MAX));

  if (intensity == RJ_NOT_LOGGED)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "craving.clear-intensity", NULL);
      return;
    }

  /* Through the scale's own signal, so that this goes the way a click goes. */
  g_signal_emit_by_name (self->intensity_scale, "change-value",
                         GTK_SCROLL_JUMP, (double) intensity, &(gboolean) { FALSE });
}

/**
 * rj_craving_dialog_set_duration:
 * @self: a #RjCravingDialog
 * @duration_minutes: how many minutes it lasted, or %RJ_NOT_LOGGED
 *
 * Types the number into the field, as the client would.
 */
void
rj_craving_dialog_set_duration (RjCravingDialog *self,
                                int              duration_minutes)
{
  g_autofree char *text = NULL;

  g_return_if_fail (RJ_IS_CRAVING_DIALOG (self));
  g_return_if_fail (duration_minutes == RJ_NOT_LOGGED || duration_minutes >= 0);

  if (duration_minutes != RJ_NOT_LOGGED)
    text = g_strdup_printf ("%d", MIN (duration_minutes, MAX_DURATION_MINUTES));
  gtk_editable_set_text (GTK_EDITABLE (self->duration_spin), text != NULL ? text : "");
  gtk_spin_button_update (self->duration_spin);
}

/**
 * rj_craving_dialog_set_trigger:
 * @self: a #RjCravingDialog
 * @trigger_id: (nullable): one of the triggers offered, or %NULL for "not logged"
 *
 * Returns: %FALSE, changing nothing, when the dialog does not offer @trigger_id
 */
gboolean
rj_craving_dialog_set_trigger (RjCravingDialog *self,
                               const char      *trigger_id)
{
  g_return_val_if_fail (RJ_IS_CRAVING_DIALOG (self), FALSE);

  for (guint i = 0; i < self->trigger_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->trigger_ids, i), trigger_id) == 0)
      {
        adw_combo_row_set_selected (self->trigger_row, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * rj_craving_dialog_set_trigger_words:
 * @self: a #RjCravingDialog
 * @text: (nullable): a few words about the trigger
 * @is_private: whether to keep them off every printout
 */
void
rj_craving_dialog_set_trigger_words (RjCravingDialog *self,
                                     const char      *text,
                                     gboolean         is_private)
{
  g_return_if_fail (RJ_IS_CRAVING_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->words_row), text != NULL ? text : "");
  gtk_switch_set_active (self->private_switch, is_private);
}

/**
 * rj_craving_dialog_set_halt:
 * @self: a #RjCravingDialog
 * @letters: one or more of hungry, angry, lonely, tired
 * @yes: whether the client was, at that moment
 *
 * Presses or releases the letters' buttons, as the client would. From then on all
 * four letters count as answered: the ones not pressed were looked at and did not fit,
 * as on the day's own HALT.
 */
void
rj_craving_dialog_set_halt (RjCravingDialog *self,
                            RjHaltFlags      letters,
                            gboolean         yes)
{
  g_return_if_fail (RJ_IS_CRAVING_DIALOG (self));
  g_return_if_fail ((letters & ~RJ_HALT_ALL) == 0);

  self->craving->halt.answered = RJ_HALT_ALL;
  if (yes)
    self->craving->halt.yes |= letters;
  else
    self->craving->halt.yes &= ~letters;

  sync_halt (self);
  notify_craving (self);
}

/**
 * rj_craving_dialog_set_skill_used:
 * @self: a #RjCravingDialog
 * @skill_id: one of the skills offered
 * @used: whether the client used it
 *
 * Checks or clears the skill's box, as the client would.
 *
 * Returns: %FALSE, changing nothing, when the dialog does not offer @skill_id
 */
gboolean
rj_craving_dialog_set_skill_used (RjCravingDialog *self,
                                  const char      *skill_id,
                                  gboolean         used)
{
  SkillRow *row;

  g_return_val_if_fail (RJ_IS_CRAVING_DIALOG (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);

  row = find_skill_row (self, skill_id);
  if (row == NULL)
    return FALSE;

  gtk_check_button_set_active (row->check, used);
  return TRUE;
}

/**
 * rj_craving_dialog_set_skill_helped:
 * @self: a #RjCravingDialog
 * @skill_id: one of the skills offered
 * @helped: whether it helped
 *
 * Checks the skill if it was not, then presses the answer, as the client would.
 *
 * Returns: %FALSE, changing nothing, when the dialog does not offer @skill_id
 */
gboolean
rj_craving_dialog_set_skill_helped (RjCravingDialog *self,
                                    const char      *skill_id,
                                    RjHelped         helped)
{
  SkillRow *row;

  g_return_val_if_fail (RJ_IS_CRAVING_DIALOG (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);

  row = find_skill_row (self, skill_id);
  if (row == NULL)
    return FALSE;

  gtk_check_button_set_active (row->check, TRUE);
  for (guint i = 0; i < N_HELPED; i++)
    if (helped_values[i] == helped)
      gtk_toggle_button_set_active (row->helped_buttons[i], TRUE);
    else if (helped == RJ_HELPED_NOT_LOGGED && gtk_toggle_button_get_active (row->helped_buttons[i]))
      gtk_toggle_button_set_active (row->helped_buttons[i], FALSE);
  return TRUE;
}

/**
 * rj_craving_dialog_set_outcome:
 * @self: a #RjCravingDialog
 * @outcome: how it ended
 *
 * Presses the button, or clears the choice, as the client would.
 */
void
rj_craving_dialog_set_outcome (RjCravingDialog *self,
                               RjOutcome        outcome)
{
  g_return_if_fail (RJ_IS_CRAVING_DIALOG (self));

  switch (outcome)
    {
    case RJ_OUTCOME_RODE_IT_OUT:
      gtk_toggle_button_set_active (self->rode_it_out_button, TRUE);
      break;

    case RJ_OUTCOME_USED:
      gtk_toggle_button_set_active (self->used_button, TRUE);
      break;

    case RJ_OUTCOME_NOT_LOGGED:
    default:
      gtk_toggle_button_set_active (self->rode_it_out_button, FALSE);
      gtk_toggle_button_set_active (self->used_button, FALSE);
      break;
    }
}

/**
 * rj_craving_dialog_dup_trigger_ids:
 * @self: a #RjCravingDialog
 *
 * Returns: (transfer full): the ids of the triggers offered, in the order shown, not
 *   counting "not logged"
 */
GStrv
rj_craving_dialog_dup_trigger_ids (RjCravingDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RJ_IS_CRAVING_DIALOG (self), NULL);

  for (guint i = 1; i < self->trigger_ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->trigger_ids, i));
  return g_strv_builder_end (builder);
}

/**
 * rj_craving_dialog_dup_skill_ids:
 * @self: a #RjCravingDialog
 *
 * Returns: (transfer full): the ids of the coping skills offered, in the order shown
 */
GStrv
rj_craving_dialog_dup_skill_ids (RjCravingDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RJ_IS_CRAVING_DIALOG (self), NULL);

  for (guint i = 0; i < self->skill_rows->len; i++)
    g_strv_builder_add (builder, ((SkillRow *) g_ptr_array_index (self->skill_rows, i))->id);
  return g_strv_builder_end (builder);
}
