/* rj-trends-window.c: what the months show: charts over a period, and their printout.
 *
 * One card per chart, each drawn by the core's chart function in the theme's colours
 * and font, with one sentence under it that says what the chart shows; that sentence
 * is also what a screen reader hears for the chart. The printout and the PDF are the
 * core's progress page, in black and grey. Nothing here reads the client's own words:
 * the trends carry counts and the profile's names only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-trends-window"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "rj-day-header.h"
#include "rj-export.h"
#include "rj-progress-page.h"
#include "rj-trends-chart.h"
#include "rj-trends-window.h"
#include "rj-utils.h"

/* The width a chart is sized for before it has one of its own. */
#define DEFAULT_CHART_WIDTH 560
/* Fewer logged days than this in the period, and the window says the charts fill in. */
#define SPARSE_DAYS 7
/* The triggers named in the triggers card's sentence. */
#define TRIGGERS_NAMED 3

typedef struct
{
  RjTrendsWindow *self;
  RjTrendsChart chart;
  GtkWidget *card;
  GtkDrawingArea *area;
  GtkLabel *summary_label;
  /* The skills card lists its plain-language lines as labels too, under an expander:
   * the chart shows the first few, and cuts a long name short in a narrow window. */
  GtkExpander *lines_expander;
  GtkBox *lines_box;
  int width;
} ChartCard;

struct _RjTrendsWindow
{
  AdwWindow parent_instance;

  RjContext *context;
  RjProfile *profile;
  RjTrends *trends;
  RjTrendsPeriod period;
  GDate today;

  ChartCard cards[RJ_TRENDS_N_CHARTS];
  guint heights_idle;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkButton *print_button;
  GtkButton *pdf_button;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkBox *cards_box;
  GtkLabel *overview_label;
  GtkLabel *sparse_label;
};

G_DEFINE_FINAL_TYPE (RjTrendsWindow, rj_trends_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names of the periods in the "period" property and the trends.period action. */
static const char * const period_names[] = {
  [RJ_TRENDS_PERIOD_30_DAYS] = "30-days",
  [RJ_TRENDS_PERIOD_90_DAYS] = "90-days",
  [RJ_TRENDS_PERIOD_365_DAYS] = "year",
  [RJ_TRENDS_PERIOD_ALL] = "all",
};

/* What a print or a PDF needs, taken when it starts: the window may close (the journal
 * may lock) before it ends. */
typedef struct
{
  RjTrends *trends;
  RjProfile *profile;
  GDateTime *generated;
  double width;
  double height;
} PageData;

static void
page_data_free (PageData *data)
{
  g_clear_pointer (&data->trends, rj_trends_unref);
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

static RjStore *
get_store (RjTrendsWindow *self)
{
  return rj_context_get_store (self->context);
}

static gboolean
has_entries (RjTrendsWindow *self)
{
  return self->trends != NULL && self->trends->has_entries;
}

static PageData *
page_data_new (RjTrendsWindow *self)
{
  PageData *data = g_new0 (PageData, 1);

  if (self->trends != NULL)
    data->trends = rj_trends_ref (self->trends);
  if (self->profile != NULL)
    data->profile = rj_profile_ref (self->profile);
  data->generated = g_date_time_new_now_local ();
  rj_export_paper_size (rj_export_locale_uses_letter (), &data->width, &data->height);

  return data;
}

static void
color_from_rgba (RjChartColor  *color,
                 const GdkRGBA *rgba,
                 float          alpha)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha * alpha;
}

/* The theme's colours and font, so that the charts follow light, dark and high
 * contrast as the rest of the window does. */
static void
chart_style_init_widget (RjChartStyle *style,
                         GtkWidget    *widget)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA foreground, accent, background;

  gtk_style_context_get_color (context, &foreground);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = foreground;
  if (!gtk_style_context_lookup_color (context, "card_bg_color", &background) &&
      !gtk_style_context_lookup_color (context, "window_bg_color", &background))
    gdk_rgba_parse (&background, "white");

  style->font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  color_from_rgba (&style->foreground, &foreground, 1.0);
  color_from_rgba (&style->muted, &foreground, 0.55);
  color_from_rgba (&style->fill, &accent, 1.0);
  color_from_rgba (&style->fill_alt, &foreground, 0.35);
  color_from_rgba (&style->background, &background, 1.0);
}

static void
chart_draw_func (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  ChartCard *card = user_data;
  RjChartStyle style;

  if (card->self->trends == NULL)
    return;

  chart_style_init_widget (&style, GTK_WIDGET (area));
  rj_trends_chart_draw (card->chart, cr, width, height, card->self->trends, &style);
}

/* The list charts grow with their rows and every chart with the width it has: the
 * height follows, once the width is known. */
static void
update_height (ChartCard *card)
{
  RjChartStyle style;
  int width = card->width > 0 ? card->width : DEFAULT_CHART_WIDTH;
  int height;

  if (card->self->trends == NULL)
    return;

  chart_style_init_widget (&style, GTK_WIDGET (card->area));
  height = ceil (rj_trends_chart_get_natural_height (card->chart, card->self->trends, &style,
                                                     width));
  height = MAX (height, 48);
  if (height != gtk_drawing_area_get_content_height (card->area))
    gtk_drawing_area_set_content_height (card->area, height);
}

static gboolean
update_heights_idle_cb (gpointer user_data)
{
  RjTrendsWindow *self = user_data;

  self->heights_idle = 0;
  for (guint i = 0; i < RJ_TRENDS_N_CHARTS; i++)
    update_height (&self->cards[i]);

  return G_SOURCE_REMOVE;
}

static void
chart_resize_cb (GtkDrawingArea *area,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  ChartCard *card = user_data;
  RjTrendsWindow *self = card->self;

  if (width == card->width)
    return;
  card->width = width;

  /* Not while the window is being allocated: a new height asks for another layout. */
  if (self->heights_idle == 0)
    self->heights_idle = g_idle_add (update_heights_idle_cb, self);
}

static char *
cravings_summary (const RjTrends *trends,
                  const char     *phrase)
{
  GString *text = g_string_new (NULL);
  const RjTrendsWeek *week;

  g_string_append_printf (text, ngettext ("%u craving logged in %s.",
                                          "%u cravings logged in %s.", trends->n_cravings),
                          trends->n_cravings, phrase);
  if (trends->peak_intensity != RJ_NOT_LOGGED)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("The strongest was %d of 10."), trends->peak_intensity);
    }
  if (trends->weeks->len > 1)
    {
      week = &g_array_index (trends->weeks, RjTrendsWeek, trends->weeks->len - 1);
      if (week->n_cravings != RJ_NOT_LOGGED)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, ngettext ("The last 7 days: %d craving.",
                                                  "The last 7 days: %d cravings.",
                                                  week->n_cravings),
                                  week->n_cravings);
        }
    }

  return g_string_free (text, FALSE);
}

static char *
mood_summary (const RjTrends *trends)
{
  if (trends->mood != RJ_NOT_LOGGED && trends->distress != RJ_NOT_LOGGED)
    return g_strdup_printf (_("Mood averaged %.1f and distress %.1f, out of 10."),
                            trends->mood, trends->distress);
  if (trends->mood != RJ_NOT_LOGGED)
    return g_strdup_printf (_("Mood averaged %.1f out of 10."), trends->mood);
  return g_strdup_printf (_("Distress averaged %.1f out of 10."), trends->distress);
}

static char *
sober_days_summary (const RjTrends *trends)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("%u sober day of %u days logged.",
                                          "%u sober days of %u days logged.",
                                          trends->n_sober_days),
                          trends->n_sober_days, trends->n_days_logged);
  if (trends->n_use_days > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("Use recorded on %u day.",
                                              "Use recorded on %u days.", trends->n_use_days),
                              trends->n_use_days);
    }

  return g_string_free (text, FALSE);
}

/* The latest check and how it compares with the one before; no verdict. */
static char *
weekly_check_summary (const RjTrends *trends)
{
  const RjTrendsWeeklyCheck *latest =
    &g_array_index (trends->weekly_checks, RjTrendsWeeklyCheck, trends->weekly_checks->len - 1);
  g_autofree char *line = rj_trends_weekly_check_describe (latest);
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&latest->date),
                                                     g_date_get_month (&latest->date),
                                                     g_date_get_day (&latest->date), 12, 0, 0);
  /* Translators: a day, as in "23 Nov"; see g_date_time_format() */
  g_autofree char *day = g_date_time_format (time, _("%-d %b"));

  /* Translators: "The latest check, on 23 Nov: 14 of 30, 3 lower than the check
   * before. A self-check, not a diagnosis." */
  return g_strdup_printf (_("The latest check, on %s: %s. A self-check, not a diagnosis."),
                          day, line);
}

static char *
triggers_summary (const RjTrends *trends)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < MIN (trends->triggers->len, TRIGGERS_NAMED); i++)
    {
      const RjTrendsTrigger *trigger = g_ptr_array_index (trends->triggers, i);

      if (i > 0)
        /* Translators: between the triggers of a list, as "Stress (9), Boredom (4)". */
        g_string_append (list, _(", "));
      /* Translators: a trigger and how many cravings it set off, as "Stress (9)". */
      g_string_append_printf (list, _("%s (%u)"), trigger->label, trigger->count);
    }

  /* Translators: %s is a list of triggers, as "Stress (9), Boredom (4)". */
  return g_strdup_printf (_("Most often: %s."), list->str);
}

static char *
skills_summary (const RjTrends *trends,
                const char     *phrase)
{
  return g_strdup_printf (ngettext ("%u coping skill used in %s.",
                                    "%u coping skills used in %s.", trends->skills->len),
                          trends->skills->len, phrase);
}

/* The sentence under a chart when it has nothing to draw: where its data comes from. */
static const char *
empty_hint (RjTrendsChart chart)
{
  switch (chart)
    {
    case RJ_TRENDS_CHART_CRAVINGS:
      return _("Cravings logged in the check-in show here, week by week.");
    case RJ_TRENDS_CHART_MOOD:
      return _("Mood and distress from the check-in show here, week by week.");
    case RJ_TRENDS_CHART_SOBER_DAYS:
      return _("Each logged day shows here, week by week.");
    case RJ_TRENDS_CHART_WEEKLY_CHECK:
      return _("The weekly craving check from the check-in shows here, a point a week. "
               "It is optional.");
    case RJ_TRENDS_CHART_TRIGGERS:
      return _("The triggers picked for cravings show here, most frequent first.");
    case RJ_TRENDS_CHART_SKILLS:
      return _("The coping skills tried for cravings show here, with how often they helped.");
    case RJ_TRENDS_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

static char *
chart_summary (RjTrendsChart   chart,
               const RjTrends *trends)
{
  g_autofree char *phrase = rj_trends_dup_period_phrase (trends);

  if (!rj_trends_chart_has_data (chart, trends))
    return g_strdup (empty_hint (chart));

  switch (chart)
    {
    case RJ_TRENDS_CHART_CRAVINGS:
      return cravings_summary (trends, phrase);
    case RJ_TRENDS_CHART_MOOD:
      return mood_summary (trends);
    case RJ_TRENDS_CHART_SOBER_DAYS:
      return sober_days_summary (trends);
    case RJ_TRENDS_CHART_WEEKLY_CHECK:
      return weekly_check_summary (trends);
    case RJ_TRENDS_CHART_TRIGGERS:
      return triggers_summary (trends);
    case RJ_TRENDS_CHART_SKILLS:
      return skills_summary (trends, phrase);
    case RJ_TRENDS_N_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_skill_lines (ChartCard      *card,
                    const RjTrends *trends,
                    GString        *description)
{
  g_autofree char *expander_label = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (card->lines_box))) != NULL)
    gtk_box_remove (card->lines_box, child);

  if (trends == NULL || !rj_trends_chart_has_data (card->chart, trends))
    {
      gtk_widget_set_visible (GTK_WIDGET (card->lines_expander), FALSE);
      return;
    }

  for (guint i = 0; i < trends->skills->len; i++)
    {
      g_autofree char *line = rj_trends_skill_describe (g_ptr_array_index (trends->skills, i));
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_box_append (card->lines_box, label);

      g_string_append_c (description, ' ');
      g_string_append (description, line);
      g_string_append_c (description, '.');
    }
  expander_label = g_strdup_printf (ngettext ("%u coping skill in words",
                                              "All %u coping skills in words",
                                              trends->skills->len),
                                    trends->skills->len);
  gtk_expander_set_label (card->lines_expander, expander_label);
  rj_accessible_fix_names (GTK_WIDGET (card->lines_expander));
  gtk_widget_set_visible (GTK_WIDGET (card->lines_expander), TRUE);
}

static void
update_card (ChartCard      *card,
             const RjTrends *trends)
{
  g_autofree char *summary = chart_summary (card->chart, trends);
  g_autoptr(GString) description = g_string_new (NULL);

  gtk_label_set_text (card->summary_label, summary);

  /* What the chart shows when it shows nothing is said by the chart itself; a screen
   * reader hears the same sentence. */
  if (!rj_trends_chart_has_data (card->chart, trends))
    {
      g_autofree char *empty = rj_trends_chart_dup_empty_text (card->chart, trends);

      g_string_append (description, empty);
      g_string_append_c (description, ' ');
    }
  g_string_append (description, summary);

  if (card->lines_box != NULL)
    update_skill_lines (card, trends, description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (card->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rj_trends_chart_get_title (card->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  update_height (card);
  gtk_widget_queue_draw (GTK_WIDGET (card->area));
}

static void
show_empty_state (RjTrendsWindow *self)
{
  g_autofree char *phrase = NULL;
  g_autofree char *description = NULL;

  if (self->trends == NULL || self->period == RJ_TRENDS_PERIOD_ALL)
    description = g_strdup (_("Nothing is logged yet. Each evening’s check-in adds a day "
                              "to the charts."));
  else
    {
      phrase = rj_trends_dup_period_phrase (self->trends);
      /* Translators: %s is the period, as "these 30 days". */
      description = g_strdup_printf (_("Nothing is logged in %s. Each evening’s check-in "
                                       "adds a day to the charts; a longer period may "
                                       "show earlier days."), phrase);
    }
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_view (RjTrendsWindow *self)
{
  g_autofree char *period_label = NULL;
  g_autofree char *overview = NULL;
  const RjTrends *trends = self->trends;
  gboolean entries = has_entries (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.print", entries);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.save-pdf", entries);

  if (trends == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      show_empty_state (self);
      return;
    }

  period_label = rj_trends_dup_period_label (trends);
  adw_window_title_set_subtitle (self->window_title, period_label);

  if (!entries)
    {
      show_empty_state (self);
      return;
    }

  overview = g_strdup_printf (ngettext ("%u of %u day logged.",
                                        "%u of %u days logged.", trends->n_days),
                              trends->n_days_logged, trends->n_days);
  gtk_label_set_text (self->overview_label, overview);

  if (trends->n_days_logged < SPARSE_DAYS && trends->n_days > trends->n_days_logged)
    {
      gtk_label_set_text (self->sparse_label,
                          _("The charts fill in as the check-ins add up; a few days "
                            "are enough to start."));
      gtk_widget_set_visible (GTK_WIDGET (self->sparse_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->sparse_label), FALSE);

  for (guint i = 0; i < RJ_TRENDS_N_CHARTS; i++)
    update_card (&self->cards[i], trends);

  gtk_stack_set_visible_child_name (self->stack, "trends");
}

static void
recompute (RjTrendsWindow *self)
{
  RjStore *store = get_store (self);

  g_clear_pointer (&self->trends, rj_trends_unref);
  if (rj_store_is_unlocked (store) && self->profile != NULL)
    self->trends = rj_trends_compute (store, self->profile, self->period, &self->today);

  update_view (self);
}

static void
make_card (RjTrendsWindow *self,
           RjTrendsChart   chart)
{
  ChartCard *card = &self->cards[chart];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (rj_trends_chart_get_title (chart));
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *summary = gtk_label_new (NULL);

  card->self = self;
  card->chart = chart;
  card->card = box;
  card->area = GTK_DRAWING_AREA (area);
  card->summary_label = GTK_LABEL (summary);

  gtk_widget_add_css_class (box, "card");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_box_append (GTK_BOX (box), title);

  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_margin_start (area, 12);
  gtk_widget_set_margin_end (area, 12);
  gtk_drawing_area_set_content_height (card->area, 160);
  gtk_drawing_area_set_draw_func (card->area, chart_draw_func, card, NULL);
  g_signal_connect (area, "resize", G_CALLBACK (chart_resize_cb), card);
  gtk_box_append (GTK_BOX (box), area);

  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (summary), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (summary, 12);
  gtk_widget_set_margin_end (summary, 12);
  gtk_widget_set_margin_bottom (summary, chart == RJ_TRENDS_CHART_SKILLS ? 0 : 12);
  gtk_box_append (GTK_BOX (box), summary);

  if (chart == RJ_TRENDS_CHART_SKILLS)
    {
      GtkWidget *expander = gtk_expander_new (NULL);
      GtkWidget *lines = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_widget_set_margin_top (lines, 6);
      gtk_widget_set_margin_start (expander, 12);
      gtk_widget_set_margin_end (expander, 12);
      gtk_widget_set_margin_bottom (expander, 12);
      gtk_widget_set_visible (expander, FALSE);
      gtk_expander_set_child (GTK_EXPANDER (expander), lines);
      card->lines_expander = GTK_EXPANDER (expander);
      card->lines_box = GTK_BOX (lines);
      gtk_box_append (GTK_BOX (box), expander);
    }
  gtk_widget_add_css_class (summary, "dim-label");

  gtk_box_append (self->cards_box, box);
}

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page_nr,
                    gpointer           user_data)
{
  PageData *data = user_data;

  if (data->trends == NULL)
    return;

  rj_progress_page_draw (gtk_print_context_get_cairo_context (context),
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context),
                         data->trends, data->profile, data->generated);
}

static GtkPrintOperation *
print_operation_new (RjTrendsWindow *self)
{
  return rj_export_print_operation_new (rj_export_locale_uses_letter (),
                                        _("Recovery progress"),
                                        G_CALLBACK (print_draw_page_cb), page_data_new (self),
                                        page_data_free_closure);
}

static void
save_pdf_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RjTrendsWindow *self = RJ_TRENDS_WINDOW (object);
  g_autoptr(GError) error = NULL;

  rj_trends_window_save_pdf_finish (self, result, &error);
  rj_export_tell_saved (self->toast_overlay, error, _("The PDF could not be saved: %s"),
                        _("PDF saved"));
}

static void
file_chosen_cb (GtkWindow *window,
                GFile     *file,
                gpointer   user_data)
{
  rj_trends_window_save_pdf_async (RJ_TRENDS_WINDOW (window), file, NULL, save_pdf_done_cb,
                                   NULL);
}

static gboolean
write_pdf (const char    *path,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  PageData *data = user_data;

  return rj_progress_page_write_pdf (path, data->width, data->height, data->trends,
                                     data->profile, data->generated, error);
}

/* A locked journal shows nothing: the charts go with the window. */
static void
forget (GtkWindow *window)
{
  g_clear_pointer (&RJ_TRENDS_WINDOW (window)->trends, rj_trends_unref);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RjTrendsWindow *self = RJ_TRENDS_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = print_operation_new (self);

  rj_export_print (GTK_WINDOW (self), self->toast_overlay, operation,
                   _("The progress page could not be printed"));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RjTrendsWindow *self = RJ_TRENDS_WINDOW (widget);
  g_autofree char *name = rj_export_suggested_name (_("Recovery progress"), "pdf");

  rj_export_choose_file (GTK_WINDOW (self), _("Save Progress Page as PDF"),
                         _("PDF documents"), "application/pdf", name, file_chosen_cb, NULL);
}

static void
rj_trends_window_constructed (GObject *object)
{
  RjTrendsWindow *self = (RjTrendsWindow *) object;
  RjStore *store;

  G_OBJECT_CLASS (rj_trends_window_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
  store = get_store (self);

  /* A locked journal has no trends to show: the window goes as it came. */
  self->profile = rj_store_dup_profile (store);
  rj_export_close_when_locked (GTK_WINDOW (self), store, self->profile == NULL, forget);

  recompute (self);
}

static void
rj_trends_window_dispose (GObject *object)
{
  RjTrendsWindow *self = (RjTrendsWindow *) object;

  g_clear_handle_id (&self->heights_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_TRENDS_WINDOW);

  G_OBJECT_CLASS (rj_trends_window_parent_class)->dispose (object);
}

static void
rj_trends_window_finalize (GObject *object)
{
  RjTrendsWindow *self = (RjTrendsWindow *) object;

  g_clear_pointer (&self->trends, rj_trends_unref);
  g_clear_pointer (&self->profile, rj_profile_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_trends_window_parent_class)->finalize (object);
}

static void
rj_trends_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RjTrendsWindow *self = RJ_TRENDS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PERIOD:
      g_value_set_string (value, period_names[self->period]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_trends_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RjTrendsWindow *self = RJ_TRENDS_WINDOW (object);
  const char *name;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PERIOD:
      name = g_value_get_string (value);
      for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
        if (g_strcmp0 (name, period_names[i]) == 0)
          {
            rj_trends_window_set_period (self, i);
            return;
          }
      g_warning ("“%s” is not a period of the trends", name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_trends_window_class_init (RjTrendsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_trends_window_constructed;
  object_class->dispose = rj_trends_window_dispose;
  object_class->finalize = rj_trends_window_finalize;
  object_class->get_property = rj_trends_window_get_property;
  object_class->set_property = rj_trends_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* A string, for the trends.period action and its toggle buttons: "30-days",
   * "90-days", "year" or "all". */
  properties[PROP_PERIOD] =
    g_param_spec_string ("period", NULL, NULL,
                         "30-days",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-trends-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, cards_box);
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, overview_label);
  gtk_widget_class_bind_template_child (widget_class, RjTrendsWindow, sparse_label);

  gtk_widget_class_install_property_action (widget_class, "trends.period", "period");
  gtk_widget_class_install_action (widget_class, "trends.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "trends.save-pdf", NULL, save_pdf_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "trends.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rj_trends_window_init (RjTrendsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rj_get_today (&self->today);
  self->period = RJ_TRENDS_PERIOD_30_DAYS;

  for (guint i = 0; i < RJ_TRENDS_N_CHARTS; i++)
    make_card (self, i);

  /* Names for screen readers where GTK 4.8 would give none or a mangled one. */
  rj_accessible_fix_names (GTK_WIDGET (self));
}

/**
 * rj_trends_window_new:
 * @parent: (nullable): the journal window
 * @context: the journal's context; its store should be unlocked
 *
 * Returns: (transfer none): a new trends window, transient for @parent
 */
GtkWidget *
rj_trends_window_new (GtkWindow *parent,
                      RjContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_TRENDS_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

RjContext *
rj_trends_window_get_context (RjTrendsWindow *self)
{
  g_return_val_if_fail (RJ_IS_TRENDS_WINDOW (self), NULL);

  return self->context;
}

RjTrendsPeriod
rj_trends_window_get_period (RjTrendsWindow *self)
{
  g_return_val_if_fail (RJ_IS_TRENDS_WINDOW (self), RJ_TRENDS_PERIOD_30_DAYS);

  return self->period;
}

/**
 * rj_trends_window_set_period:
 * @self: a #RjTrendsWindow
 * @period: a preset period, not %RJ_TRENDS_PERIOD_CUSTOM
 *
 * Shows the trends of @period, ending today, as the period buttons do.
 */
void
rj_trends_window_set_period (RjTrendsWindow *self,
                             RjTrendsPeriod  period)
{
  g_return_if_fail (RJ_IS_TRENDS_WINDOW (self));
  g_return_if_fail (period < G_N_ELEMENTS (period_names));

  if (self->period == period && self->trends != NULL)
    return;

  self->period = period;
  /* Before the context is set (a construct property), there is nothing to compute. */
  if (self->context != NULL)
    recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/**
 * rj_trends_window_get_trends:
 * @self: a #RjTrendsWindow
 *
 * Returns: (nullable) (transfer none): the trends shown, or %NULL when locked
 */
const RjTrends *
rj_trends_window_get_trends (RjTrendsWindow *self)
{
  g_return_val_if_fail (RJ_IS_TRENDS_WINDOW (self), NULL);

  return self->trends;
}

/**
 * rj_trends_window_export_print:
 * @self: a #RjTrendsWindow
 * @path: where to write the PDF
 * @error: return location for a #GError
 *
 * Runs the print operation of the Print button without its dialog, exporting to
 * @path; for tests, which never open a modal print dialog.
 */
gboolean
rj_trends_window_export_print (RjTrendsWindow  *self,
                               const char      *path,
                               GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (RJ_IS_TRENDS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = print_operation_new (self);
  return rj_export_print_to_file (GTK_WINDOW (self), operation, path, error);
}

/**
 * rj_trends_window_save_pdf_async:
 * @self: a #RjTrendsWindow
 * @file: where to save the page, a local file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the progress page of the period shown as a one-page PDF, private (0600), on
 * the paper of the client's locale, in a thread.
 */
void
rj_trends_window_save_pdf_async (RjTrendsWindow      *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (RJ_IS_TRENDS_WINDOW (self));

  rj_export_save_async (self, rj_trends_window_save_pdf_async, file, write_pdf,
                        self->trends != NULL ? page_data_new (self) : NULL,
                        (GDestroyNotify) page_data_free, cancellable, callback, user_data);
}

gboolean
rj_trends_window_save_pdf_finish (RjTrendsWindow  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (RJ_IS_TRENDS_WINDOW (self), FALSE);

  return rj_export_save_finish (self, rj_trends_window_save_pdf_async, result, error);
}
