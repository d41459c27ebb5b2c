/* rj-lapse-review-dialog.c: a short, guided look back at a day with use.
 *
 * A lapse is information, not a failure: the dialog asks, in calm words, what made the
 * day harder, what set the use off, what the client thought and felt, what happened
 * and what they will try next time. Sleep and HALT are the day's own answers, shown
 * as they were logged. "What happened" and "next time" are the same notes as in the
 * check-in's Use block. There is no Save button: every change is handed on at once
 * through "changed", and the check-in page stores it as it stores its own fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-lapse-review-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-lapse-review-dialog.h"
#include "rj-private-button.h"
#include "rj-scale-row.h"
#include "rj-utils.h"

struct _RjLapseReviewDialog
{
  AdwWindow parent_instance;

  GDate date;
  gboolean loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwActionRow *sleep_row;
  AdwActionRow *halt_row;
  RjScaleRow *stress_row;
  AdwEntryRow *vulnerable_row;
  RjPrivateButton *vulnerable_private_button;
  AdwEntryRow *set_off_row;
  RjPrivateButton *set_off_private_button;
  AdwEntryRow *thoughts_row;
  RjPrivateButton *thoughts_private_button;
  AdwEntryRow *what_happened_row;
  RjPrivateButton *what_happened_private_button;
  AdwEntryRow *next_time_row;
  RjPrivateButton *next_time_private_button;
};

G_DEFINE_FINAL_TYPE (RjLapseReviewDialog, rj_lapse_review_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
dup_sleep_text (int sleep_minutes)
{
  if (sleep_minutes == RJ_NOT_LOGGED)
    return g_strdup (_("Not logged"));

  if (sleep_minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours",
                                         sleep_minutes / 60),
                            sleep_minutes / 60);
  /* Translators: hours slept, to the tenth: "6.5 hours" */
  return g_strdup_printf (_("%.1f hours"), sleep_minutes / 60.0);
}

static char *
dup_halt_text (const RjHalt *halt)
{
  static const struct {
    RjHaltFlags letter;
    const char *word;
  } letters[] = {
    { RJ_HALT_HUNGRY, N_("hungry") },
    { RJ_HALT_ANGRY, N_("angry") },
    { RJ_HALT_LONELY, N_("lonely") },
    { RJ_HALT_TIRED, N_("tired") },
  };
  g_autoptr(GString) text = NULL;

  if (halt->answered == 0)
    return g_strdup (_("Not logged"));
  if (halt->yes == 0)
    return g_strdup (_("None of them"));

  text = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      if ((halt->yes & letters[i].letter) == 0)
        continue;
      if (text->len > 0)
        /* Translators: between the HALT words: "hungry, tired" */
        g_string_append (text, _(", "));
      g_string_append (text, _(letters[i].word));
    }

  /* Sentence case: the first word starts with a capital. */
  if (text->len > 0 && g_ascii_islower (text->str[0]))
    text->str[0] = g_ascii_toupper (text->str[0]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_note (AdwEntryRow     *row,
          RjPrivateButton *private_button,
          const RjNote    *note)
{
  gtk_editable_set_text (GTK_EDITABLE (row), note->text != NULL ? note->text : "");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (private_button), note->is_private);
}

static void
read_note (AdwEntryRow     *row,
           RjPrivateButton *private_button,
           RjNote          *note)
{
  rj_note_set (note, gtk_editable_get_text (GTK_EDITABLE (row)),
               gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (private_button)));
}

static void
fill (RjLapseReviewDialog *self,
      const RjEntry       *entry)
{
  g_autofree char *sleep = dup_sleep_text (entry->sleep_minutes);
  g_autofree char *halt = dup_halt_text (&entry->halt);
  g_autofree char *day = NULL;
  g_autoptr(GDateTime) time = NULL;

  self->loading = TRUE;

  self->date = entry->date;
  time = g_date_time_new_local (g_date_get_year (&entry->date), g_date_get_month (&entry->date),
                                g_date_get_day (&entry->date), 12, 0, 0);
  /* Translators: the day looked back at, as in "Monday 23 November"; see
   * g_date_time_format() */
  day = g_date_time_format (time, _("%A %-d %B"));
  adw_window_title_set_subtitle (self->window_title, day);

  adw_action_row_set_subtitle (self->sleep_row, sleep);
  adw_action_row_set_subtitle (self->halt_row, halt);

  rj_scale_row_set_value (self->stress_row, entry->review.stress);
  set_note (self->vulnerable_row, self->vulnerable_private_button, &entry->review.vulnerable);
  set_note (self->set_off_row, self->set_off_private_button, &entry->review.set_off);
  set_note (self->thoughts_row, self->thoughts_private_button, &entry->review.thoughts);
  set_note (self->what_happened_row, self->what_happened_private_button,
            &entry->use.what_happened);
  set_note (self->next_time_row, self->next_time_private_button, &entry->use.next_time);

  self->loading = FALSE;
}

/* Callbacks */

static void
field_changed_cb (RjLapseReviewDialog *self)
{
  if (self->loading)
    return;

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
rj_lapse_review_dialog_class_init (RjLapseReviewDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * RjLapseReviewDialog::changed:
   *
   * Something in the review changed; rj_lapse_review_dialog_apply() gives it.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (RJ_TYPE_PRIVATE_BUTTON);
  g_type_ensure (RJ_TYPE_SCALE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-lapse-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, sleep_row);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, halt_row);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, stress_row);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, vulnerable_row);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog,
                                        vulnerable_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, set_off_row);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog,
                                        set_off_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, thoughts_row);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog,
                                        thoughts_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, what_happened_row);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog,
                                        what_happened_private_button);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog, next_time_row);
  gtk_widget_class_bind_template_child (widget_class, RjLapseReviewDialog,
                                        next_time_private_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "review.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.close", NULL);
}

static void
rj_lapse_review_dialog_init (RjLapseReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rj_accessible_fix_names (GTK_WIDGET (self));
  g_date_clear (&self->date, 1);
}

/* Public API */

/**
 * rj_lapse_review_dialog_new:
 * @entry: the day looked back at, with use recorded
 *
 * Returns: (transfer floating): a new dialog showing @entry's review
 */
RjLapseReviewDialog *
rj_lapse_review_dialog_new (const RjEntry *entry)
{
  RjLapseReviewDialog *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (RJ_TYPE_LAPSE_REVIEW_DIALOG, NULL);
  fill (self, entry);
  return self;
}

const GDate *
rj_lapse_review_dialog_get_date (RjLapseReviewDialog *self)
{
  g_return_val_if_fail (RJ_IS_LAPSE_REVIEW_DIALOG (self), NULL);

  return &self->date;
}

/**
 * rj_lapse_review_dialog_apply:
 * @self: a #RjLapseReviewDialog
 * @entry: the entry of the same day
 *
 * Writes what the dialog shows into @entry: the review, and the use's "what
 * happened" and "next time". Sleep and HALT are left as they are.
 */
void
rj_lapse_review_dialog_apply (RjLapseReviewDialog *self,
                              RjEntry             *entry)
{
  g_return_if_fail (RJ_IS_LAPSE_REVIEW_DIALOG (self));
  g_return_if_fail (entry != NULL);
  g_return_if_fail (g_date_compare (&entry->date, &self->date) == 0);

  entry->review.stress = rj_scale_row_get_value (self->stress_row);
  read_note (self->vulnerable_row, self->vulnerable_private_button, &entry->review.vulnerable);
  read_note (self->set_off_row, self->set_off_private_button, &entry->review.set_off);
  read_note (self->thoughts_row, self->thoughts_private_button, &entry->review.thoughts);
  read_note (self->what_happened_row, self->what_happened_private_button,
             &entry->use.what_happened);
  read_note (self->next_time_row, self->next_time_private_button, &entry->use.next_time);
}
