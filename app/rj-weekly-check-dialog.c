/* rj-weekly-check-dialog.c: the weekly craving check, five questions about the past week.
 *
 * The questions follow the structure of the Penn Alcohol Craving Scale (how often, how
 * strong at the worst, how long, how hard to resist, overall; each 0-6), in our own
 * calm words and about using anything, not alcohol only. It is a self-check, not a
 * diagnosis: the dialog shows the total and says so, and never a cut-off or a verdict.
 * Every answer is handed on at once through "changed"; the check-in page stores it in
 * the entry of the day the check was done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-weekly-check-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-weekly-check-dialog.h"
#include "rj-utils.h"

#define N_ANSWERS (RJ_WEEKLY_ANSWER_MAX + 1)

typedef struct {
  const char *question;
  const char *answers[N_ANSWERS];
} Question;

static const Question questions[RJ_WEEKLY_N_QUESTIONS] = {
  [RJ_WEEKLY_HOW_OFTEN] = {
    N_("In the past week, how often did you think about using, or about how good using "
       "would feel?"),
    { N_("Never"), N_("Rarely"), N_("Now and then"), N_("Sometimes"), N_("Often"),
      N_("Most of the time"), N_("Nearly all the time") },
  },
  [RJ_WEEKLY_HOW_STRONG] = {
    N_("At its strongest, how strong was the craving?"),
    { N_("No craving at all"), N_("Very slight"), N_("Mild"), N_("Moderate"), N_("Strong"),
      N_("Very strong"), N_("As strong as it gets") },
  },
  [RJ_WEEKLY_HOW_LONG] = {
    N_("How much time did you spend thinking about using, or about how good it would "
       "feel?"),
    { N_("None at all"), N_("Less than 20 minutes"), N_("20 to 45 minutes"),
      N_("45 minutes to an hour"), N_("1 to 2 hours"), N_("2 to 3 hours"),
      N_("More than 3 hours") },
  },
  [RJ_WEEKLY_HOW_HARD] = {
    N_("If you had had the chance, how hard would it have been not to use?"),
    { N_("Not hard at all"), N_("Very slightly hard"), N_("A little hard"),
      N_("Moderately hard"), N_("Very hard"), N_("Extremely hard"),
      N_("I could not have held back") },
  },
  [RJ_WEEKLY_OVERALL] = {
    N_("Overall, how much craving did you have in the past week?"),
    { N_("None: no thoughts of using, no urges"), N_("Rarely"), N_("Now and then"),
      N_("Sometimes"), N_("Often"), N_("Most of the time"), N_("Nearly all the time") },
  },
};

struct _RjWeeklyCheckDialog
{
  AdwWindow parent_instance;

  GDate date;
  gboolean loading;
  char *total_text;
  AdwComboRow *rows[RJ_WEEKLY_N_QUESTIONS];

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwPreferencesGroup *questions_group;
  GtkLabel *total_label;
};

G_DEFINE_FINAL_TYPE (RjWeeklyCheckDialog, rj_weekly_check_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
update_total (RjWeeklyCheckDialog *self)
{
  RjWeeklyCheck check;

  rj_weekly_check_dialog_get_check (self, &check);
  g_free (self->total_text);
  self->total_text = rj_weekly_check_dup_total_text (&check);
  gtk_label_set_label (self->total_label,
                       self->total_text != NULL ? self->total_text : _("No answers yet"));
}

/* Callbacks */

static void
row_notify_selected_cb (RjWeeklyCheckDialog *self)
{
  update_total (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Actions */

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject */

static void
rj_weekly_check_dialog_finalize (GObject *object)
{
  RjWeeklyCheckDialog *self = (RjWeeklyCheckDialog *) object;

  g_free (self->total_text);

  G_OBJECT_CLASS (rj_weekly_check_dialog_parent_class)->finalize (object);
}

static void
rj_weekly_check_dialog_class_init (RjWeeklyCheckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rj_weekly_check_dialog_finalize;

  /**
   * RjWeeklyCheckDialog::changed:
   *
   * An answer changed; rj_weekly_check_dialog_get_check() gives them all.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-weekly-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RjWeeklyCheckDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RjWeeklyCheckDialog, questions_group);
  gtk_widget_class_bind_template_child (widget_class, RjWeeklyCheckDialog, total_label);

  gtk_widget_class_install_action (widget_class, "weekly.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "weekly.close", NULL);
}

static void
rj_weekly_check_dialog_init (RjWeeklyCheckDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rj_accessible_fix_names (GTK_WIDGET (self));
  g_date_clear (&self->date, 1);

  for (guint q = 0; q < RJ_WEEKLY_N_QUESTIONS; q++)
    {
      g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      gtk_string_list_append (answers, _("Not answered"));
      for (guint a = 0; a < N_ANSWERS; a++)
        {
          /* Translators: an answer of the weekly craving check with its score,
           * as in "3 · Sometimes" */
          g_autofree char *item = g_strdup_printf (_("%u · %s"), a,
                                                   _(questions[q].answers[a]));

          gtk_string_list_append (answers, item);
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(questions[q].question));
      adw_combo_row_set_use_subtitle (row, TRUE);
      adw_combo_row_set_model (row, G_LIST_MODEL (answers));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_notify_selected_cb),
                               self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->questions_group, GTK_WIDGET (row));
      self->rows[q] = row;
    }

  update_total (self);
}

/* Public API */

/**
 * rj_weekly_check_dup_total_text:
 * @check: a weekly check
 *
 * Returns: (nullable): the total in words, "14 of 30", with how many questions were
 *   answered when not all were; %NULL when none was
 */
char *
rj_weekly_check_dup_total_text (const RjWeeklyCheck *check)
{
  guint n_answered = 0;
  int total;

  g_return_val_if_fail (check != NULL, NULL);

  total = rj_weekly_check_total (check, &n_answered);
  if (n_answered == 0)
    return NULL;

  if (n_answered < RJ_WEEKLY_N_QUESTIONS)
    /* Translators: the total of the weekly craving check when some questions were
     * left out: "11 of 30 (4 of 5 answered)" */
    return g_strdup_printf (_("%d of %d (%u of %d answered)"), total,
                            RJ_WEEKLY_N_QUESTIONS * RJ_WEEKLY_ANSWER_MAX, n_answered,
                            RJ_WEEKLY_N_QUESTIONS);

  /* Translators: the total of the weekly craving check: "14 of 30" */
  return g_strdup_printf (_("%d of %d"), total, RJ_WEEKLY_N_QUESTIONS * RJ_WEEKLY_ANSWER_MAX);
}

/**
 * rj_weekly_check_dialog_new:
 * @day: the day the check is done on
 * @check: (nullable): the answers given so far that day
 *
 * Returns: (transfer floating): a new dialog
 */
RjWeeklyCheckDialog *
rj_weekly_check_dialog_new (const GDate         *day,
                            const RjWeeklyCheck *check)
{
  RjWeeklyCheckDialog *self;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = g_object_new (RJ_TYPE_WEEKLY_CHECK_DIALOG, NULL);
  self->date = *day;

  time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                g_date_get_day (day), 12, 0, 0);
  /* Translators: see g_date_time_format(); as in "Monday 23 November" */
  date_text = g_date_time_format (time, _("%A %-d %B"));
  /* Translators: the week the check is about ends on this day */
  subtitle = g_strdup_printf (_("The week up to %s"), date_text);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  self->loading = TRUE;
  for (guint q = 0; q < RJ_WEEKLY_N_QUESTIONS; q++)
    {
      int answer = check != NULL ? check->answers[q] : RJ_NOT_LOGGED;

      adw_combo_row_set_selected (self->rows[q],
                                  answer >= 0 && answer <= RJ_WEEKLY_ANSWER_MAX
                                    ? (guint) answer + 1 : 0);
    }
  self->loading = FALSE;
  update_total (self);

  return self;
}

const GDate *
rj_weekly_check_dialog_get_date (RjWeeklyCheckDialog *self)
{
  g_return_val_if_fail (RJ_IS_WEEKLY_CHECK_DIALOG (self), NULL);

  return &self->date;
}

void
rj_weekly_check_dialog_get_check (RjWeeklyCheckDialog *self,
                                  RjWeeklyCheck       *check)
{
  g_return_if_fail (RJ_IS_WEEKLY_CHECK_DIALOG (self));
  g_return_if_fail (check != NULL);

  for (guint q = 0; q < RJ_WEEKLY_N_QUESTIONS; q++)
    {
      guint selected = self->rows[q] != NULL ? adw_combo_row_get_selected (self->rows[q]) : 0;

      check->answers[q] = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                            ? RJ_NOT_LOGGED : (int) selected - 1;
    }
}

/**
 * rj_weekly_check_dialog_set_answer:
 * @self: a #RjWeeklyCheckDialog
 * @question: which question
 * @answer: 0-6, or %RJ_NOT_LOGGED
 *
 * Chooses an answer as the client would, "changed" included.
 */
void
rj_weekly_check_dialog_set_answer (RjWeeklyCheckDialog *self,
                                   RjWeeklyQuestion     question,
                                   int                  answer)
{
  g_return_if_fail (RJ_IS_WEEKLY_CHECK_DIALOG (self));
  g_return_if_fail (question < RJ_WEEKLY_N_QUESTIONS);
  g_return_if_fail (answer == RJ_NOT_LOGGED || (answer >= 0 && answer <= RJ_WEEKLY_ANSWER_MAX));

  adw_combo_row_set_selected (self->rows[question], answer < 0 ? 0 : (guint) answer + 1);
}

/**
 * rj_weekly_check_dialog_get_total_text:
 * @self: a #RjWeeklyCheckDialog
 *
 * Returns: (nullable): the total as the dialog shows it, or %NULL before any answer
 */
const char *
rj_weekly_check_dialog_get_total_text (RjWeeklyCheckDialog *self)
{
  g_return_val_if_fail (RJ_IS_WEEKLY_CHECK_DIALOG (self), NULL);

  return self->total_text;
}
