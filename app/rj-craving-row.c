/* rj-craving-row.c: one craving of the day, in a line or two of a list.
 *
 * The row says what was logged and leaves out what was not: an empty field is not
 * news. The outcome is told in the same plain words either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-craving-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-craving-row.h"
#include "rj-page.h"

struct _RjCravingRow
{
  AdwActionRow parent_instance;

  RjCraving *craving;
  RjProfile *profile;
};

G_DEFINE_FINAL_TYPE (RjCravingRow, rj_craving_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_CRAVING,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_duration (int minutes)
{
  int hours = minutes / 60;
  int rest = minutes % 60;

  if (hours == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", rest), rest);
  if (rest == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), hours);

  /* TRANSLATORS: a duration such as "1 h 20 min" */
  return g_strdup_printf (_("%d h %d min"), hours, rest);
}

/* Short parts such as "25 minutes" stay on one line when the subtitle wraps. */
static char *
keep_together (char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  g_free (text);
  return g_strjoinv ("\u00a0", words);
}

static void
update_text (RjCravingRow *self)
{
  const RjCraving *craving = self->craving;
  g_autoptr(GPtrArray) title = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title_text = NULL;
  g_autofree char *details_text = NULL;
  const char *trigger;
  const char *words;

  if (craving->time_minutes != RJ_NOT_LOGGED)
    g_ptr_array_add (title, rj_craving_row_format_time (craving->time_minutes));
  if (craving->intensity != RJ_NOT_LOGGED)
    /* TRANSLATORS: how strong a craving was, on a scale of 0 to 10 */
    g_ptr_array_add (title, g_strdup_printf (_("%d of 10"), craving->intensity));
  if (title->len == 0)
    g_ptr_array_add (title, g_strdup (_("Craving")));
  g_ptr_array_add (title, NULL);

  trigger = rj_profile_item_label (self->profile, RJ_LIST_TRIGGERS, craving->trigger_id);
  words = craving->trigger_words.text;
  if (words != NULL && words[0] == '\0')
    words = NULL;

  if (trigger != NULL && words != NULL)
    /* TRANSLATORS: a trigger and the client's own words about it */
    g_ptr_array_add (details, g_strdup_printf (_("%s: “%s”"), trigger, words));
  else if (trigger != NULL)
    g_ptr_array_add (details, g_strdup (trigger));
  else if (words != NULL)
    g_ptr_array_add (details, g_strdup_printf (_("“%s”"), words));

  if (craving->duration_minutes != RJ_NOT_LOGGED)
    g_ptr_array_add (details, keep_together (format_duration (craving->duration_minutes)));

  if (craving->outcome == RJ_OUTCOME_RODE_IT_OUT)
    g_ptr_array_add (details, keep_together (g_strdup (_("Rode it out"))));
  else if (craving->outcome == RJ_OUTCOME_USED)
    g_ptr_array_add (details, keep_together (g_strdup (_("Used"))));

  if (craving->skills->len > 0)
    g_ptr_array_add (details,
                     keep_together (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u skill", "%u skills",
                                                                  craving->skills->len),
                                                     craving->skills->len)));
  g_ptr_array_add (details, NULL);

  /* TRANSLATORS: what goes between the parts of a craving's summary */
  title_text = g_strjoinv (_(" · "), (char **) title->pdata);
  details_text = g_strjoinv (_(" · "), (char **) details->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), details_text);
}

static void
rj_craving_row_activate (AdwActionRow *row)
{
  RjCravingRow *self = RJ_CRAVING_ROW (row);

  ADW_ACTION_ROW_CLASS (rj_craving_row_parent_class)->activate (row);

  g_signal_emit (self, signals[EDIT], 0);
}

static void
rj_craving_row_constructed (GObject *object)
{
  RjCravingRow *self = (RjCravingRow *) object;

  G_OBJECT_CLASS (rj_craving_row_parent_class)->constructed (object);

  if (self->profile == NULL)
    self->profile = rj_profile_new_default ();
  if (self->craving == NULL)
    self->craving = rj_craving_new ();

  update_text (self);
}

static void
rj_craving_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RJ_TYPE_CRAVING_ROW);

  G_OBJECT_CLASS (rj_craving_row_parent_class)->dispose (object);
}

static void
rj_craving_row_finalize (GObject *object)
{
  RjCravingRow *self = (RjCravingRow *) object;

  g_clear_pointer (&self->craving, rj_craving_free);
  g_clear_pointer (&self->profile, rj_profile_unref);

  G_OBJECT_CLASS (rj_craving_row_parent_class)->finalize (object);
}

static void
rj_craving_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RjCravingRow *self = RJ_CRAVING_ROW (object);

  switch (prop_id)
    {
    case PROP_CRAVING:
      g_value_set_boxed (value, self->craving);
      break;

    case PROP_PROFILE:
      g_value_set_boxed (value, self->profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_craving_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RjCravingRow *self = RJ_CRAVING_ROW (object);

  switch (prop_id)
    {
    case PROP_CRAVING:
      if (g_value_get_boxed (value) != NULL)
        rj_craving_row_set_craving (self, g_value_get_boxed (value));
      break;

    case PROP_PROFILE:
      self->profile = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_craving_row_class_init (RjCravingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwActionRowClass *row_class = ADW_ACTION_ROW_CLASS (klass);

  object_class->constructed = rj_craving_row_constructed;
  object_class->dispose = rj_craving_row_dispose;
  object_class->finalize = rj_craving_row_finalize;
  object_class->get_property = rj_craving_row_get_property;
  object_class->set_property = rj_craving_row_set_property;

  row_class->activate = rj_craving_row_activate;

  /**
   * RjCravingRow:craving:
   *
   * The craving the row shows; the row keeps its own copy.
   */
  properties[PROP_CRAVING] =
    g_param_spec_boxed ("craving", NULL, NULL,
                        RJ_TYPE_CRAVING,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RjCravingRow:profile:
   *
   * The client's lists, for the names of triggers.
   */
  properties[PROP_PROFILE] =
    g_param_spec_boxed ("profile", NULL, NULL,
                        RJ_TYPE_PROFILE,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjCravingRow::edit:
   * @self: the row
   *
   * The client asked to change this craving: the row was clicked or activated.
   */
  signals[EDIT] =
    g_signal_new ("edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-craving-row.ui");
}

static void
rj_craving_row_init (RjCravingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rj_craving_row_new:
 * @craving: the craving to show; the row keeps a copy
 * @profile: the client's lists, for the names of triggers; the row keeps a reference
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
rj_craving_row_new (const RjCraving *craving,
                    const RjProfile *profile)
{
  g_return_val_if_fail (craving != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  return g_object_new (RJ_TYPE_CRAVING_ROW,
                       "profile", profile,
                       "craving", craving,
                       NULL);
}

/**
 * rj_craving_row_get_craving:
 * @self: a #RjCravingRow
 *
 * Returns: (transfer none): the craving the row shows
 */
const RjCraving *
rj_craving_row_get_craving (RjCravingRow *self)
{
  g_return_val_if_fail (RJ_IS_CRAVING_ROW (self), NULL);

  return self->craving;
}

/**
 * rj_craving_row_set_craving:
 * @self: a #RjCravingRow
 * @craving: the craving to show now, after an edit; the row keeps a copy
 */
void
rj_craving_row_set_craving (RjCravingRow    *self,
                            const RjCraving *craving)
{
  g_return_if_fail (RJ_IS_CRAVING_ROW (self));
  g_return_if_fail (craving != NULL);

  if (craving == self->craving)
    return;

  g_clear_pointer (&self->craving, rj_craving_free);
  self->craving = rj_craving_copy (craving);

  /* Before construction is over there is no profile yet to name the trigger. */
  if (self->profile != NULL)
    update_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRAVING]);
}

/**
 * rj_craving_row_format_time:
 * @time_minutes: minutes after midnight
 *
 * Formats a time of day the way the desktop shows its clock, or else as the locale
 * writes one.
 *
 * Returns: (transfer full): the time, such as "14:30" or "2:30 PM"
 */
char *
rj_craving_row_format_time (int time_minutes)
{
  g_return_val_if_fail (time_minutes >= 0 && time_minutes < 24 * 60, NULL);

  /* The same as on the printed page: the desktop's clock, else the locale's. */
  return rj_page_format_time (time_minutes);
}
