/* rj-homework-group.c: open homework from earlier sessions, on a later day's check-in.
 *
 * One row per task: a check to tick it off, the day it was set, and a line for how it
 * went. The task lives in the entry of the session day; this group only shows it and
 * says what the client changed, through RjHomeworkGroup::changed, for the check-in page
 * to store in that entry. A task ticked off here stays, shown as done, until the group
 * is filled again, so that a mistaken tick can be taken back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-homework-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-homework-group.h"
#include "rj-private-button.h"
#include "rj-summary.h"

struct _RjHomeworkGroup
{
  AdwPreferencesGroup parent_instance;

  GPtrArray *rows;          /* of AdwPreferencesRow*, owned by the group */
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (RjHomeworkGroup, rj_homework_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gpointer
row_part (GtkWidget  *row,
          const char *part)
{
  return g_object_get_data (G_OBJECT (row), part);
}

static GtkWidget *
get_row (RjHomeworkGroup *self,
         guint            index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

/* Reads the row into its copy of the task and says so. */
static void
row_changed (RjHomeworkGroup *self,
             GtkWidget       *row)
{
  RjHomework *homework = row_part (row, "rj-homework");
  gboolean done = gtk_check_button_get_active (row_part (row, "rj-check"));
  GtkWidget *task_label = row_part (row, "rj-task-label");

  if (done)
    gtk_widget_add_css_class (task_label, "dim-label");
  else
    gtk_widget_remove_css_class (task_label, "dim-label");

  if (self->loading)
    return;

  homework->state = done ? RJ_HOMEWORK_DONE : RJ_HOMEWORK_OPEN;
  rj_note_set (&homework->how_it_went, gtk_editable_get_text (row_part (row, "rj-entry")),
               gtk_toggle_button_get_active (row_part (row, "rj-private-button")));

  g_signal_emit (self, signals[CHANGED], 0, row_part (row, "rj-set-on"), homework);
}

static void
part_changed_cb (GtkWidget *part)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (part), "rj-row");
  RjHomeworkGroup *self = RJ_HOMEWORK_GROUP (gtk_widget_get_ancestor (row, RJ_TYPE_HOMEWORK_GROUP));

  if (self != NULL)
    row_changed (self, row);
}

static char *
format_set_on (const GDate *set_on,
               const GDate *today)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (set_on),
                                                     g_date_get_month (set_on),
                                                     g_date_get_day (set_on), 12, 0, 0);

  if (today != NULL && g_date_get_year (set_on) == g_date_get_year (today))
    /* Translators: the session day a homework task was set, as in "Set on Monday
     * 16 November"; see the GDateTime format documentation. */
    return g_date_time_format (time, _("Set on %A %-d %B"));

  /* Translators: as in "Set on Monday 16 November 2025", for another year. */
  return g_date_time_format (time, _("Set on %A %-d %B %Y"));
}

static GtkWidget *
add_task_row (RjHomeworkGroup      *self,
              const RjOpenHomework *task,
              const GDate          *today)
{
  const RjHomework *homework = task->homework;
  g_autofree char *set_on_text = format_set_on (&task->set_on, today);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *labels;
  GtkWidget *task_label;
  GtkWidget *date_label;
  GtkWidget *check;
  GtkWidget *how_box;
  GtkWidget *entry;
  GtkWidget *private_button;

  task_label = g_object_new (GTK_TYPE_LABEL,
                             "label", homework->task.text != NULL ? homework->task.text : "",
                             "wrap", TRUE,
                             "wrap-mode", PANGO_WRAP_WORD_CHAR,
                             "xalign", 0.0f,
                             NULL);
  date_label = g_object_new (GTK_TYPE_LABEL,
                             "label", set_on_text,
                             "wrap", TRUE,
                             "xalign", 0.0f,
                             NULL);
  gtk_widget_add_css_class (date_label, "dim-label");
  gtk_widget_add_css_class (date_label, "caption");

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), task_label);
  gtk_box_append (GTK_BOX (labels), date_label);

  check = g_object_new (GTK_TYPE_CHECK_BUTTON,
                        "child", labels,
                        "active", homework->state == RJ_HOMEWORK_DONE,
                        NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, task_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, date_label, NULL,
                                  -1);

  entry = g_object_new (GTK_TYPE_ENTRY,
                        "placeholder-text", _("How it went"),
                        "hexpand", TRUE,
                        "text", homework->how_it_went.text != NULL ? homework->how_it_went.text : "",
                        NULL);
  {
    /* Translators: the name of the line under a homework task, as in "How it went:
     * Try urge surfing twice" */
    g_autofree char *name = g_strdup_printf (_("How it went: %s"),
                                             homework->task.text != NULL ? homework->task.text : "");

    gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  }
  private_button = rj_private_button_new ();
  gtk_widget_set_valign (private_button, GTK_ALIGN_CENTER);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private_button),
                                homework->how_it_went.is_private);

  /* Lined up under the task's words, past the check box. */
  how_box = g_object_new (GTK_TYPE_BOX,
                          "spacing", 6,
                          "margin-start", 28,
                          NULL);
  gtk_box_append (GTK_BOX (how_box), entry);
  gtk_box_append (GTK_BOX (how_box), private_button);

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 6,
                      "margin-start", 12,
                      "margin-end", 6,
                      "margin-top", 8,
                      "margin-bottom", 10,
                      NULL);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), how_box);

  /* The row takes no focus: Tab goes to the check box, then to the line under it. */
  row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                      "title", homework->task.text != NULL ? homework->task.text : "",
                      "activatable", FALSE,
                      "focusable", FALSE,
                      "child", box,
                      NULL);

  g_object_set_data_full (G_OBJECT (row), "rj-homework", rj_homework_copy (homework),
                          (GDestroyNotify) rj_homework_free);
  g_object_set_data_full (G_OBJECT (row), "rj-set-on", g_boxed_copy (G_TYPE_DATE, &task->set_on),
                          (GDestroyNotify) g_date_free);
  g_object_set_data (G_OBJECT (row), "rj-check", check);
  g_object_set_data (G_OBJECT (row), "rj-entry", entry);
  g_object_set_data (G_OBJECT (row), "rj-private-button", private_button);
  g_object_set_data (G_OBJECT (row), "rj-task-label", task_label);
  g_object_set_data (G_OBJECT (row), "rj-date-label", date_label);
  g_object_set_data (G_OBJECT (check), "rj-row", row);
  g_object_set_data (G_OBJECT (entry), "rj-row", row);
  g_object_set_data (G_OBJECT (private_button), "rj-row", row);

  g_signal_connect (check, "toggled", G_CALLBACK (part_changed_cb), NULL);
  g_signal_connect (entry, "changed", G_CALLBACK (part_changed_cb), NULL);
  g_signal_connect (private_button, "toggled", G_CALLBACK (part_changed_cb), NULL);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
rj_homework_group_dispose (GObject *object)
{
  RjHomeworkGroup *self = (RjHomeworkGroup *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_HOMEWORK_GROUP);

  G_OBJECT_CLASS (rj_homework_group_parent_class)->dispose (object);
}

static void
rj_homework_group_class_init (RjHomeworkGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rj_homework_group_dispose;

  /**
   * RjHomeworkGroup::changed:
   * @self: the group
   * @set_on: (type GDate): the session day the task was set, its home
   * @homework: (type RjHomework): the task as it is now
   *
   * The client ticked a task off or back on, or wrote how it went. Both arguments
   * last only as long as the emission.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-homework-group.ui");
}

static void
rj_homework_group_init (RjHomeworkGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows belong to the group; the array only points at them. */
  self->rows = g_ptr_array_new ();
}

GtkWidget *
rj_homework_group_new (void)
{
  return g_object_new (RJ_TYPE_HOMEWORK_GROUP, NULL);
}

/**
 * rj_homework_group_set_tasks:
 * @self: a #RjHomeworkGroup
 * @tasks: (nullable) (element-type RjOpenHomework): the tasks to show, in order
 * @today: (nullable): today, to leave out this year's year in "Set on …"
 *
 * Shows @tasks in place of what the group showed; the group hides itself when there
 * are none. Does not emit #RjHomeworkGroup::changed.
 */
void
rj_homework_group_set_tasks (RjHomeworkGroup *self,
                             GPtrArray       *tasks,
                             const GDate     *today)
{
  gboolean several_sessions = FALSE;

  g_return_if_fail (RJ_IS_HOMEWORK_GROUP (self));

  self->loading = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      const RjOpenHomework *task = g_ptr_array_index (tasks, i);
      const RjOpenHomework *first = g_ptr_array_index (tasks, 0);

      row_changed (self, add_task_row (self, task, today));
      if (g_date_compare (&task->set_on, &first->set_on) != 0)
        several_sessions = TRUE;
    }

  /* Tasks still open from more than one session are not all from the last one. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   several_sessions ? _("Homework From Recent Sessions")
                                                    : _("Homework From Your Last Session"));

  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
  self->loading = FALSE;
}

guint
rj_homework_group_get_n_tasks (RjHomeworkGroup *self)
{
  g_return_val_if_fail (RJ_IS_HOMEWORK_GROUP (self), 0);

  return self->rows->len;
}

/**
 * rj_homework_group_get_task_text:
 * @self: a #RjHomeworkGroup
 * @index: which task
 *
 * Returns: the task's words, as its row shows them
 */
const char *
rj_homework_group_get_task_text (RjHomeworkGroup *self,
                                 guint            index)
{
  g_return_val_if_fail (RJ_IS_HOMEWORK_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return gtk_label_get_label (row_part (get_row (self, index), "rj-task-label"));
}

/**
 * rj_homework_group_get_set_on_text:
 * @self: a #RjHomeworkGroup
 * @index: which task
 *
 * Returns: the line under the task that says when it was set
 */
const char *
rj_homework_group_get_set_on_text (RjHomeworkGroup *self,
                                   guint            index)
{
  g_return_val_if_fail (RJ_IS_HOMEWORK_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return gtk_label_get_label (row_part (get_row (self, index), "rj-date-label"));
}

gboolean
rj_homework_group_get_done (RjHomeworkGroup *self,
                            guint            index)
{
  g_return_val_if_fail (RJ_IS_HOMEWORK_GROUP (self), FALSE);
  g_return_val_if_fail (index < self->rows->len, FALSE);

  return gtk_check_button_get_active (row_part (get_row (self, index), "rj-check"));
}

/**
 * rj_homework_group_set_done:
 * @self: a #RjHomeworkGroup
 * @index: which task
 * @done: whether it is done
 *
 * Ticks the task off, or back on, as the client would.
 */
void
rj_homework_group_set_done (RjHomeworkGroup *self,
                            guint            index,
                            gboolean         done)
{
  g_return_if_fail (RJ_IS_HOMEWORK_GROUP (self));
  g_return_if_fail (index < self->rows->len);

  gtk_check_button_set_active (row_part (get_row (self, index), "rj-check"), done);
}

const char *
rj_homework_group_get_how_it_went (RjHomeworkGroup *self,
                                   guint            index)
{
  g_return_val_if_fail (RJ_IS_HOMEWORK_GROUP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return gtk_editable_get_text (row_part (get_row (self, index), "rj-entry"));
}

/**
 * rj_homework_group_set_how_it_went:
 * @self: a #RjHomeworkGroup
 * @index: which task
 * @text: the client's words
 *
 * Types @text on the task's "How it went" line, as the client would.
 */
void
rj_homework_group_set_how_it_went (RjHomeworkGroup *self,
                                   guint            index,
                                   const char      *text)
{
  g_return_if_fail (RJ_IS_HOMEWORK_GROUP (self));
  g_return_if_fail (index < self->rows->len);

  gtk_editable_set_text (row_part (get_row (self, index), "rj-entry"), text != NULL ? text : "");
}
