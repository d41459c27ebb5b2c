/* rj-after-session-group.c: what came out of the day's IOP session.
 *
 * On a day the client was at a session: what the counsellor or group said that they
 * want to keep, the skills to practise (picked from their own list), and homework as a
 * short list of tasks, each with a done check and a private lock. The check-in page
 * shows it while "I was at the session" is on and stores each change, as it does with
 * every other field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-after-session-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-after-session-group.h"
#include "rj-private-button.h"
#include "rj-utils.h"

struct _RjAfterSessionGroup
{
  AdwBin parent_instance;

  /* The widgets are being filled: their signals are not the client's edits. */
  gboolean loading;

  GPtrArray *skill_rows;    /* of AdwActionRow*, each with "rj-skill-id" and "rj-check" */

  AdwEntryRow *keep_row;
  RjPrivateButton *keep_private_button;
  AdwExpanderRow *skills_row;
  GtkListBox *homework_list;
  AdwEntryRow *add_row;
  RjPrivateButton *add_private_button;
  GtkButton *add_button;
};

G_DEFINE_FINAL_TYPE (RjAfterSessionGroup, rj_after_session_group, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void remove_button_clicked_cb (RjAfterSessionGroup *self,
                                      GtkButton           *button);

static void
emit_changed (RjAfterSessionGroup *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
changed_cb (RjAfterSessionGroup *self)
{
  emit_changed (self);
}

/* Skills to practise */

static void
update_skills_subtitle (RjAfterSessionGroup *self)
{
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint i = 0; i < self->skill_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->skill_rows, i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "rj-check");

      if (!gtk_check_button_get_active (check))
        continue;
      if (chosen->len > 0)
        /* Translators: between the names of skills in a list */
        g_string_append (chosen, _(", "));
      g_string_append (chosen, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  if (self->skill_rows->len == 0)
    adw_expander_row_set_subtitle (self->skills_row,
                                   _("Your list of coping skills is empty. You can add the "
                                     "ones you use in Preferences."));
  else
    adw_expander_row_set_subtitle (self->skills_row,
                                   chosen->len > 0 ? chosen->str : _("None chosen"));
}

static void
skill_check_toggled_cb (RjAfterSessionGroup *self)
{
  update_skills_subtitle (self);
  emit_changed (self);
}

static void
add_skill_row (RjAfterSessionGroup *self,
               const char          *skill_id,
               const char          *label,
               gboolean             chosen)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* After the row has said the check is its own: the row's title would follow. */
  rj_accessible_set_name (check, label);

  g_object_set_data_full (G_OBJECT (row), "rj-skill-id", g_strdup (skill_id), g_free);
  g_object_set_data (G_OBJECT (row), "rj-check", check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (skill_check_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  adw_expander_row_add_row (self->skills_row, row);
  g_ptr_array_add (self->skill_rows, row);
}

static gboolean
is_practised (const RjAfterSession *after,
              const char           *skill_id)
{
  if (after == NULL)
    return FALSE;

  for (guint i = 0; i < after->practise->len; i++)
    if (g_strcmp0 (g_ptr_array_index (after->practise, i), skill_id) == 0)
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_skill_row (RjAfterSessionGroup *self,
                const char          *skill_id)
{
  for (guint i = 0; i < self->skill_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->skill_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "rj-skill-id"), skill_id) == 0)
        return row;
    }
  return NULL;
}

static void
fill_skills (RjAfterSessionGroup  *self,
             const RjAfterSession *after,
             const RjProfile      *profile)
{
  for (guint i = 0; i < self->skill_rows->len; i++)
    adw_expander_row_remove (self->skills_row, g_ptr_array_index (self->skill_rows, i));
  g_ptr_array_set_size (self->skill_rows, 0);

  if (profile != NULL)
    {
      GPtrArray *items = profile->lists[RJ_LIST_SKILLS];

      /* Hidden skills are not offered, except those this day already names. */
      for (guint i = 0; i < items->len; i++)
        {
          const RjListItem *item = g_ptr_array_index (items, i);
          gboolean chosen = is_practised (after, item->id);

          if (item->hidden && !chosen)
            continue;
          add_skill_row (self, item->id, rj_list_item_get_label (item), chosen);
        }

      for (guint i = 0; after != NULL && i < after->practise->len; i++)
        {
          const char *skill_id = g_ptr_array_index (after->practise, i);

          if (find_skill_row (self, skill_id) == NULL)
            add_skill_row (self, skill_id,
                           rj_profile_item_label (profile, RJ_LIST_SKILLS, skill_id), TRUE);
        }
    }

  update_skills_subtitle (self);
}

/* Homework */

static GtkWidget *
get_homework_row (RjAfterSessionGroup *self,
                  guint                index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->homework_list, (int) index);

  if (row == NULL || row == GTK_LIST_BOX_ROW (self->add_row))
    return NULL;
  return GTK_WIDGET (row);
}

static gpointer
row_part (GtkWidget  *row,
          const char *part)
{
  return g_object_get_data (G_OBJECT (row), part);
}

static void
update_accessible_names (RjAfterSessionGroup *self)
{
  guint n = rj_after_session_group_get_n_homework (self);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = get_homework_row (self, i);
      g_autofree char *name = NULL;
      g_autofree char *done = NULL;

      /* Translators: a homework task of a list, as in "Task 2 of 3" */
      name = g_strdup_printf (_("Task %u of %u"), i + 1, n);
      /* Translators: the check box of a homework task, as in "Task 2 of 3 done" */
      done = g_strdup_printf (_("Task %u of %u done"), i + 1, n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row_part (row, "rj-text")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row_part (row, "rj-check")),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, done,
                                      -1);
    }
}

static void
insert_homework_row (RjAfterSessionGroup *self,
                     const RjHomework    *homework,
                     int                  position)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "activatable", FALSE,
                                 "focusable", FALSE,
                                 NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_text_new ();
  GtkWidget *private_button = rj_private_button_new ();
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), homework->state == RJ_HOMEWORK_DONE);
  gtk_widget_set_tooltip_text (check, _("Done"));

  /* A bare text field, as in the lists of wins: an entry row keeps room for a title. */
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (text, "note-item-text");
  gtk_editable_set_text (GTK_EDITABLE (text), homework->task.text != NULL ? homework->task.text : "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private_button), homework->task.is_private);

  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Remove Task"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove task"),
                                  -1);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), private_button);
  gtk_box_append (GTK_BOX (box), remove_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* The task itself rides along, for its id and the words the client wrote on it on
   * the days after, which this group does not show. */
  g_object_set_data_full (G_OBJECT (row), "rj-homework", rj_homework_copy (homework),
                          (GDestroyNotify) rj_homework_free);
  g_object_set_data (G_OBJECT (row), "rj-check", check);
  g_object_set_data (G_OBJECT (row), "rj-text", text);
  g_object_set_data (G_OBJECT (row), "rj-private-button", private_button);
  g_object_set_data (G_OBJECT (remove_button), "rj-row", row);

  g_signal_connect_object (check, "toggled", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (text, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (private_button, "toggled", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (remove_button, "clicked", G_CALLBACK (remove_button_clicked_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_list_box_insert (self->homework_list, row, position);
  update_accessible_names (self);
}

static void
remove_homework_row (RjAfterSessionGroup *self,
                     GtkWidget           *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkWidget *next;

  gtk_list_box_remove (self->homework_list, row);
  update_accessible_names (self);
  emit_changed (self);

  /* The keyboard stays in the list: on the next task, or on the row to add one. */
  next = get_homework_row (self, (guint) index);
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row_part (next, "rj-text")));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
remove_button_clicked_cb (RjAfterSessionGroup *self,
                          GtkButton           *button)
{
  remove_homework_row (self, g_object_get_data (G_OBJECT (button), "rj-row"));
}

static void
add_current (RjAfterSessionGroup *self)
{
  g_autofree char *task = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  gboolean is_private = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->add_private_button));

  if (task[0] == '\0')
    return;
  if (rj_after_session_group_get_n_homework (self) >= RJ_MAX_HOMEWORK)
    return;

  rj_after_session_group_add_homework (self, task, is_private);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->add_private_button), FALSE);
}

static void
add_row_entry_activated_cb (RjAfterSessionGroup *self)
{
  add_current (self);
}

static void
add_button_clicked_cb (RjAfterSessionGroup *self)
{
  add_current (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

/* GObject */

static void
rj_after_session_group_dispose (GObject *object)
{
  RjAfterSessionGroup *self = (RjAfterSessionGroup *) object;

  g_clear_pointer (&self->skill_rows, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_AFTER_SESSION_GROUP);

  G_OBJECT_CLASS (rj_after_session_group_parent_class)->dispose (object);
}

static void
rj_after_session_group_class_init (RjAfterSessionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_after_session_group_dispose;

  /**
   * RjAfterSessionGroup::changed:
   *
   * The client changed something: the words to keep, a skill, a task.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (RJ_TYPE_PRIVATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-after-session-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RjAfterSessionGroup, keep_row);
  gtk_widget_class_bind_template_child (widget_class, RjAfterSessionGroup, keep_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjAfterSessionGroup, skills_row);
  gtk_widget_class_bind_template_child (widget_class, RjAfterSessionGroup, homework_list);
  gtk_widget_class_bind_template_child (widget_class, RjAfterSessionGroup, add_row);
  gtk_widget_class_bind_template_child (widget_class, RjAfterSessionGroup, add_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjAfterSessionGroup, add_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_button_clicked_cb);
}

static void
rj_after_session_group_init (RjAfterSessionGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows belong to the expander row; the array only points at them. */
  self->skill_rows = g_ptr_array_new ();
  update_skills_subtitle (self);
}

/* Public API */

GtkWidget *
rj_after_session_group_new (void)
{
  return g_object_new (RJ_TYPE_AFTER_SESSION_GROUP, NULL);
}

/**
 * rj_after_session_group_set:
 * @self: a #RjAfterSessionGroup
 * @after: (nullable): what to show, or %NULL to empty every field
 * @profile: (nullable): the client's lists, for the skills offered
 *
 * Shows @after in place of what the group showed, and forgets anything typed in the
 * row to add a task. Does not emit #RjAfterSessionGroup::changed.
 */
void
rj_after_session_group_set (RjAfterSessionGroup  *self,
                            const RjAfterSession *after,
                            const RjProfile      *profile)
{
  GtkWidget *row;

  g_return_if_fail (RJ_IS_AFTER_SESSION_GROUP (self));

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->keep_row),
                         after != NULL && after->keep.text != NULL ? after->keep.text : "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->keep_private_button),
                                after != NULL && after->keep.is_private);

  fill_skills (self, after, profile);

  while ((row = get_homework_row (self, 0)) != NULL)
    gtk_list_box_remove (self->homework_list, row);
  for (guint i = 0; after != NULL && i < after->homework->len; i++)
    insert_homework_row (self, g_ptr_array_index (after->homework, i), (int) i);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->add_private_button), FALSE);

  self->loading = FALSE;
}

/**
 * rj_after_session_group_read:
 * @self: a #RjAfterSessionGroup
 * @after: where to put what the group shows
 *
 * Puts the words to keep, the skills checked and the tasks, in the order shown, into
 * @after. A task keeps its id and its "how it went"; a task whose words were all
 * deleted is left out.
 */
void
rj_after_session_group_read (RjAfterSessionGroup *self,
                             RjAfterSession      *after)
{
  GtkWidget *row;

  g_return_if_fail (RJ_IS_AFTER_SESSION_GROUP (self));
  g_return_if_fail (after != NULL);

  rj_note_set (&after->keep, gtk_editable_get_text (GTK_EDITABLE (self->keep_row)),
               gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->keep_private_button)));

  g_ptr_array_set_size (after->practise, 0);
  for (guint i = 0; i < self->skill_rows->len; i++)
    {
      GtkWidget *skill_row = g_ptr_array_index (self->skill_rows, i);

      if (gtk_check_button_get_active (row_part (skill_row, "rj-check")))
        g_ptr_array_add (after->practise,
                         g_strdup (g_object_get_data (G_OBJECT (skill_row), "rj-skill-id")));
    }

  g_ptr_array_set_size (after->homework, 0);
  for (guint i = 0; (row = get_homework_row (self, i)) != NULL; i++)
    {
      RjHomework *homework = rj_homework_copy (row_part (row, "rj-homework"));
      const char *text = gtk_editable_get_text (row_part (row, "rj-text"));

      if (text[0] == '\0')
        {
          rj_homework_free (homework);
          continue;
        }
      rj_note_set (&homework->task, text,
                   gtk_toggle_button_get_active (row_part (row, "rj-private-button")));
      homework->state = gtk_check_button_get_active (row_part (row, "rj-check"))
                          ? RJ_HOMEWORK_DONE : RJ_HOMEWORK_OPEN;
      g_ptr_array_add (after->homework, homework);
    }
}

/**
 * rj_after_session_group_add_homework:
 * @self: a #RjAfterSessionGroup
 * @task: the task, in the client's words
 * @is_private: whether to keep it off printed pages
 *
 * Adds an open task at the end, as the client would, and emits
 * #RjAfterSessionGroup::changed.
 */
void
rj_after_session_group_add_homework (RjAfterSessionGroup *self,
                                     const char          *task,
                                     gboolean             is_private)
{
  g_autoptr(RjHomework) homework = NULL;

  g_return_if_fail (RJ_IS_AFTER_SESSION_GROUP (self));
  g_return_if_fail (task != NULL);

  homework = rj_homework_new (task, is_private);
  insert_homework_row (self, homework, (int) rj_after_session_group_get_n_homework (self));
  emit_changed (self);
}

guint
rj_after_session_group_get_n_homework (RjAfterSessionGroup *self)
{
  guint n = 0;

  g_return_val_if_fail (RJ_IS_AFTER_SESSION_GROUP (self), 0);

  while (get_homework_row (self, n) != NULL)
    n++;
  return n;
}

/**
 * rj_after_session_group_get_homework_text:
 * @self: a #RjAfterSessionGroup
 * @index: which task
 *
 * Returns: the words the task's row shows
 */
const char *
rj_after_session_group_get_homework_text (RjAfterSessionGroup *self,
                                          guint                index)
{
  GtkWidget *row;

  g_return_val_if_fail (RJ_IS_AFTER_SESSION_GROUP (self), NULL);
  row = get_homework_row (self, index);
  g_return_val_if_fail (row != NULL, NULL);

  return gtk_editable_get_text (row_part (row, "rj-text"));
}

gboolean
rj_after_session_group_get_homework_done (RjAfterSessionGroup *self,
                                          guint                index)
{
  GtkWidget *row;

  g_return_val_if_fail (RJ_IS_AFTER_SESSION_GROUP (self), FALSE);
  row = get_homework_row (self, index);
  g_return_val_if_fail (row != NULL, FALSE);

  return gtk_check_button_get_active (row_part (row, "rj-check"));
}

/**
 * rj_after_session_group_set_homework_done:
 * @self: a #RjAfterSessionGroup
 * @index: which task
 * @done: whether it is done
 *
 * Ticks the task's check box, or clears it, as the client would.
 */
void
rj_after_session_group_set_homework_done (RjAfterSessionGroup *self,
                                          guint                index,
                                          gboolean             done)
{
  GtkWidget *row;

  g_return_if_fail (RJ_IS_AFTER_SESSION_GROUP (self));
  row = get_homework_row (self, index);
  g_return_if_fail (row != NULL);

  gtk_check_button_set_active (row_part (row, "rj-check"), done);
}

/**
 * rj_after_session_group_set_homework_private:
 * @self: a #RjAfterSessionGroup
 * @index: which task
 * @is_private: whether to keep it off printed pages
 *
 * Presses or releases the task's lock, as the client would.
 */
void
rj_after_session_group_set_homework_private (RjAfterSessionGroup *self,
                                             guint                index,
                                             gboolean             is_private)
{
  GtkWidget *row;

  g_return_if_fail (RJ_IS_AFTER_SESSION_GROUP (self));
  row = get_homework_row (self, index);
  g_return_if_fail (row != NULL);

  gtk_toggle_button_set_active (row_part (row, "rj-private-button"), is_private);
}

/**
 * rj_after_session_group_remove_homework:
 * @self: a #RjAfterSessionGroup
 * @index: which task
 *
 * Removes the task, as its remove button does.
 */
void
rj_after_session_group_remove_homework (RjAfterSessionGroup *self,
                                        guint                index)
{
  GtkWidget *row;

  g_return_if_fail (RJ_IS_AFTER_SESSION_GROUP (self));
  row = get_homework_row (self, index);
  g_return_if_fail (row != NULL);

  remove_homework_row (self, row);
}

/**
 * rj_after_session_group_set_practise:
 * @self: a #RjAfterSessionGroup
 * @skill_id: one of the skills offered
 * @practise: whether to practise it
 *
 * Checks or clears the skill, as the client would.
 *
 * Returns: %FALSE, changing nothing, when the group does not offer @skill_id
 */
gboolean
rj_after_session_group_set_practise (RjAfterSessionGroup *self,
                                     const char          *skill_id,
                                     gboolean             practise)
{
  GtkWidget *row;

  g_return_val_if_fail (RJ_IS_AFTER_SESSION_GROUP (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);

  row = find_skill_row (self, skill_id);
  if (row == NULL)
    return FALSE;
  gtk_check_button_set_active (row_part (row, "rj-check"), practise);
  return TRUE;
}
