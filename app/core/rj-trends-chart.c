/* rj-trends-chart.c: the Trends charts, drawn with cairo and Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The time charts (cravings, mood, sober days) put the period's days into bins that
 * end on its last day: a bin is a day (mood, up to 31 days), a week, or as many whole
 * weeks as keep the bars at least MIN_BAR_STEP wide. A bin without a logged day is a
 * gap: bars are left out and drawn as a short dotted mark on the baseline, lines
 * break. A logged zero is a thin solid bar on the baseline.
 */

#define G_LOG_DOMAIN "rj-trends-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rj-page.h"
#include "rj-trends-chart.h"

#define DEFAULT_FONT_SIZE 10.0     /* points, when the style's font has none */
#define MIN_BAR_STEP 6.0           /* the narrowest a bin of a bar chart gets */
#define MIN_POINT_STEP 3.0         /* the closest two points of a line get */
#define MARKER_RADIUS 3.0
#define DAILY_MOOD_MAX_DAYS 31     /* up to a month, mood is drawn day by day */

typedef struct {
  cairo_t *cr;
  const RjChartStyle *style;
  const RjTrends *trends;
  PangoFontDescription *font;
  PangoFontDescription *small;
  double width;
  double height;
  double line;                     /* the height of a line of the body font */
  double legend_extra;             /* the height of the legend's lines after its first */
  /* The plot area, inside the axes. */
  double left;
  double right;
  double top;
  double bottom;
} Chart;

/* One bin of a time chart. */
typedef struct {
  GDate first;
  GDate last;
  guint n_days;
  guint n_logged;
  int n_cravings;                  /* RJ_NOT_LOGGED when no day was logged */
  int peak;                        /* RJ_NOT_LOGGED when none was logged */
  double mood;                     /* mean, or RJ_NOT_LOGGED */
  double distress;
  guint n_sober;
  guint n_use;
  int weekly;                      /* the latest weekly check's total, or RJ_NOT_LOGGED */
} Bin;

/* Text and colour. */

static void
set_color (cairo_t            *cr,
           const RjChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static PangoFontDescription *
derive_font (const PangoFontDescription *base,
             double                      scale,
             PangoWeight                 weight)
{
  PangoFontDescription *desc = base != NULL ? pango_font_description_copy (base)
                                            : pango_font_description_from_string ("Sans");
  int size = pango_font_description_get_size (desc);
  gboolean absolute = pango_font_description_get_size_is_absolute (desc);

  if (size <= 0)
    {
      size = (int) (DEFAULT_FONT_SIZE * PANGO_SCALE);
      absolute = FALSE;
    }
  if (absolute)
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int) (size * scale));
  pango_font_description_set_weight (desc, weight);
  return desc;
}

static PangoLayout *
make_layout (Chart                      *chart,
             const PangoFontDescription *font,
             const char                 *text,
             double                      width)
{
  PangoLayout *layout = pango_cairo_create_layout (chart->cr);

  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (Chart                      *chart,
           const PangoFontDescription *font,
           const char                 *text,
           double                     *width,
           double                     *height)
{
  g_autoptr(PangoLayout) layout = make_layout (chart, font, text, -1);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double) w / PANGO_SCALE;
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
}

/* Draws one line of @text with its left (@xalign 0), centre (0.5) or right (1) at @x
 * and its middle at @y, cut with "…" to @max_width (0: no limit); returns its width. */
static double
draw_text (Chart                      *chart,
           const PangoFontDescription *font,
           const RjChartColor         *color,
           const char                 *text,
           double                      x,
           double                      y,
           double                      xalign,
           double                      max_width)
{
  /* Cut long names before they reach the layout: a PDF would otherwise carry the
   * whole text behind Pango's ellipsis. */
  g_autofree char *shown = max_width > 0 ? rj_page_shorten (text, max_width, 1) : NULL;
  g_autoptr(PangoLayout) layout = make_layout (chart, font, shown != NULL ? shown : text,
                                               max_width > 0 ? max_width : -1);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_save (chart->cr);
  set_color (chart->cr, color);
  cairo_move_to (chart->cr, x - xalign * w / PANGO_SCALE, y - (double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (chart->cr, layout);
  cairo_restore (chart->cr);
  return (double) w / PANGO_SCALE;
}

static void
chart_init (Chart              *chart,
            cairo_t            *cr,
            double              width,
            double              height,
            const RjTrends     *trends,
            const RjChartStyle *style)
{
  *chart = (Chart) {
    .cr = cr,
    .style = style,
    .trends = trends,
    .width = width,
    .height = height,
  };
  chart->font = derive_font (style->font, 1.0, PANGO_WEIGHT_NORMAL);
  chart->small = derive_font (style->font, 0.85, PANGO_WEIGHT_NORMAL);
  text_size (chart, chart->font, "Ag", NULL, &chart->line);
}

static void
chart_clear (Chart *chart)
{
  pango_font_description_free (chart->font);
  pango_font_description_free (chart->small);
}

/* The calm sentence a chart shows instead of empty axes. */
static void
draw_empty (Chart      *chart,
            const char *text)
{
  cairo_t *cr = chart->cr;
  g_autoptr(PangoLayout) layout = make_layout (chart, chart->font, text, -1);
  int w, h;

  pango_layout_set_width (layout, (int) (MAX (chart->width - 16, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_size (layout, &w, &h);

  cairo_save (cr);
  /* A faint baseline says "a chart lives here", the sentence says why it is empty. */
  set_color (cr, &chart->style->muted);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 8, floor (chart->height * 0.72) + 0.5);
  cairo_line_to (cr, chart->width - 8, floor (chart->height * 0.72) + 0.5);
  cairo_stroke (cr);
  cairo_move_to (cr, 8, (chart->height * 0.72 - (double) h / PANGO_SCALE) / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Markers and patterns, so that nothing is told by colour alone. */

static void
draw_round_marker (Chart  *chart,
                   double  x,
                   double  y,
                   double  radius)
{
  cairo_t *cr = chart->cr;

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  set_color (cr, &chart->style->background);
  cairo_fill_preserve (cr);
  set_color (cr, &chart->style->foreground);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_square_marker (Chart  *chart,
                    double  x,
                    double  y,
                    double  radius)
{
  cairo_t *cr = chart->cr;

  cairo_save (cr);
  cairo_rectangle (cr, x - radius, y - radius, 2 * radius, 2 * radius);
  set_color (cr, &chart->style->foreground);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Diagonal lines over the rectangle: "partly" and "days with use". */
static void
hatch_rect (Chart  *chart,
            double  x,
            double  y,
            double  width,
            double  height)
{
  cairo_t *cr = chart->cr;

  if (width <= 0 || height <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  set_color (cr, &chart->style->foreground);
  cairo_set_line_width (cr, 0.8);
  for (double d = -height; d < width; d += 4)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
fill_rect (Chart              *chart,
           const RjChartColor *color,
           double              x,
           double              y,
           double              width,
           double              height)
{
  if (width <= 0 || height <= 0)
    return;
  cairo_save (chart->cr);
  set_color (chart->cr, color);
  cairo_rectangle (chart->cr, x, y, width, height);
  cairo_fill (chart->cr);
  cairo_restore (chart->cr);
}

static void
outline_rect (Chart  *chart,
              double  x,
              double  y,
              double  width,
              double  height,
              gboolean dotted)
{
  static const double dots[] = { 1.5, 2 };

  if (width <= 1 || height <= 1)
    return;
  cairo_save (chart->cr);
  set_color (chart->cr, dotted ? &chart->style->muted : &chart->style->foreground);
  cairo_set_line_width (chart->cr, 1);
  if (dotted)
    cairo_set_dash (chart->cr, dots, G_N_ELEMENTS (dots), 0);
  cairo_rectangle (chart->cr, x + 0.5, y + 0.5, width - 1, height - 1);
  cairo_stroke (chart->cr);
  cairo_restore (chart->cr);
}

/* A gap: no day of the bin was logged. */
static void
draw_gap_mark (Chart  *chart,
               double  x,
               double  width)
{
  static const double dots[] = { 1, 2 };

  cairo_save (chart->cr);
  set_color (chart->cr, &chart->style->muted);
  cairo_set_line_width (chart->cr, 1);
  cairo_set_dash (chart->cr, dots, G_N_ELEMENTS (dots), 0);
  cairo_move_to (chart->cr, x, chart->bottom - 2.5);
  cairo_line_to (chart->cr, x + width, chart->bottom - 2.5);
  cairo_stroke (chart->cr);
  cairo_restore (chart->cr);
}

/* A legend entry: a swatch drawn by @kind, then @text; returns the x after it. */
typedef enum {
  SWATCH_FILL,
  SWATCH_HATCH,
  SWATCH_OUTLINE,
  SWATCH_DOTTED,
  SWATCH_LINE_ROUND,
  SWATCH_DASH_SQUARE,
  SWATCH_GAP,
} Swatch;

static double
draw_legend_item (Chart      *chart,
                  double      x,
                  double      y,
                  Swatch      kind,
                  const char *text)
{
  cairo_t *cr = chart->cr;
  double s = MAX (8, chart->line * 0.7);
  static const double dashes[] = { 4, 2.5 };

  switch (kind)
    {
    case SWATCH_FILL:
      fill_rect (chart, &chart->style->fill, x, y - s / 2, s, s);
      break;
    case SWATCH_HATCH:
      fill_rect (chart, &chart->style->fill_alt, x, y - s / 2, s, s);
      hatch_rect (chart, x, y - s / 2, s, s);
      break;
    case SWATCH_OUTLINE:
      outline_rect (chart, x, y - s / 2, s, s, FALSE);
      break;
    case SWATCH_DOTTED:
      outline_rect (chart, x, y - s / 2, s, s, TRUE);
      break;
    case SWATCH_LINE_ROUND:
    case SWATCH_DASH_SQUARE:
      cairo_save (cr);
      set_color (cr, &chart->style->foreground);
      cairo_set_line_width (cr, 1.5);
      if (kind == SWATCH_DASH_SQUARE)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + 2 * s, y);
      cairo_stroke (cr);
      cairo_restore (cr);
      if (kind == SWATCH_LINE_ROUND)
        draw_round_marker (chart, x + s, y, MARKER_RADIUS);
      else
        draw_square_marker (chart, x + s, y, MARKER_RADIUS - 0.5);
      s *= 2;
      break;
    case SWATCH_GAP:
    default:
      {
        static const double dots[] = { 1, 2 };

        cairo_save (cr);
        set_color (cr, &chart->style->muted);
        cairo_set_line_width (cr, 1);
        cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
        cairo_move_to (cr, x, y + s / 2 - 1);
        cairo_line_to (cr, x + s * 1.5, y + s / 2 - 1);
        cairo_stroke (cr);
        cairo_restore (cr);
        s *= 1.5;
      }
      break;
    }
  x += s + 4;
  x += draw_text (chart, chart->small, &chart->style->foreground, text, x, y, 0, 0);
  return x + 12;
}

typedef struct {
  Swatch kind;
  const char *text;
} LegendItem;

/* The width draw_legend_item() gives a swatch of @kind, before its text. */
static double
swatch_width (Chart  *chart,
              Swatch  kind)
{
  double s = MAX (8, chart->line * 0.7);

  if (kind == SWATCH_LINE_ROUND || kind == SWATCH_DASH_SQUARE)
    return 2 * s;
  if (kind == SWATCH_GAP)
    return 1.5 * s;
  return s;
}

/* Lays out a legend from @x0, going on to another line where the chart is too narrow
 * for the next item (at 360 px one line does not hold three). Draws it when @draw;
 * either way sets chart->legend_extra, the height taken by the lines after the first,
 * which the plot area leaves free. */
static void
legend_layout (Chart            *chart,
               double            x0,
               const LegendItem *items,
               guint             n_items,
               gboolean          draw)
{
  double x = x0;
  double y = chart->line * 0.6;

  chart->legend_extra = 0;
  for (guint i = 0; i < n_items; i++)
    {
      double text_width;
      double width;

      text_size (chart, chart->small, items[i].text, &text_width, NULL);
      width = swatch_width (chart, items[i].kind) + 4 + text_width;
      if (x > x0 && x + width > chart->width)
        {
          x = x0;
          y += chart->line * 1.1;
          chart->legend_extra += chart->line * 1.1;
        }
      if (draw)
        x = draw_legend_item (chart, x, y, items[i].kind, items[i].text);
      else
        x += width + 12;
    }
}

/* Bins of days, counted back from the period's last day. */

static GArray *
make_bins (const RjTrends *trends,
           guint           days_per_bin)
{
  guint n_bins = (trends->n_days + days_per_bin - 1) / days_per_bin;
  GArray *bins = g_array_sized_new (FALSE, TRUE, sizeof (Bin), n_bins);
  g_autofree double *mood_sum = g_new0 (double, n_bins);
  g_autofree guint *mood_n = g_new0 (guint, n_bins);
  g_autofree double *distress_sum = g_new0 (double, n_bins);
  g_autofree guint *distress_n = g_new0 (guint, n_bins);

  g_array_set_size (bins, n_bins);
  for (guint i = 0; i < n_bins; i++)
    {
      Bin *bin = &g_array_index (bins, Bin, i);

      bin->n_cravings = RJ_NOT_LOGGED;
      bin->peak = RJ_NOT_LOGGED;
      bin->mood = RJ_NOT_LOGGED;
      bin->distress = RJ_NOT_LOGGED;
      bin->weekly = RJ_NOT_LOGGED;
      g_date_clear (&bin->first, 1);
    }

  for (guint d = 0; d < trends->days->len; d++)
    {
      const RjTrendsDay *day = &g_array_index (trends->days, RjTrendsDay, d);
      guint back = trends->n_days - 1 - d;
      guint index = n_bins - 1 - back / days_per_bin;
      Bin *bin = &g_array_index (bins, Bin, index);

      if (!g_date_valid (&bin->first))
        bin->first = day->date;
      bin->last = day->date;
      bin->n_days++;
      if (!day->logged)
        continue;
      if (day->weekly_total != RJ_NOT_LOGGED)
        bin->weekly = day->weekly_total;
      bin->n_logged++;
      bin->n_cravings = MAX (bin->n_cravings, 0) + day->n_cravings;
      bin->peak = MAX (bin->peak, day->peak_intensity);
      if (day->mood != RJ_NOT_LOGGED)
        {
          mood_sum[index] += day->mood;
          mood_n[index]++;
        }
      if (day->distress != RJ_NOT_LOGGED)
        {
          distress_sum[index] += day->distress;
          distress_n[index]++;
        }
      if (day->used == RJ_ANSWER_YES)
        bin->n_use++;
      else
        bin->n_sober++;
    }

  for (guint i = 0; i < n_bins; i++)
    {
      Bin *bin = &g_array_index (bins, Bin, i);

      if (mood_n[i] > 0)
        bin->mood = mood_sum[i] / mood_n[i];
      if (distress_n[i] > 0)
        bin->distress = distress_sum[i] / distress_n[i];
    }
  return bins;
}

/* Whole weeks per bin so that each bin gets at least @min_step of @plot_width. */
static guint
days_per_bin_for (const RjTrends *trends,
                  double          plot_width,
                  double          min_step)
{
  guint n_weeks = (trends->n_days + 6) / 7;
  guint max_bins = MAX (1, (guint) (plot_width / min_step));
  guint weeks_per_bin = (n_weeks + max_bins - 1) / max_bins;

  return 7 * MAX (weeks_per_bin, 1);
}

/* A step for an axis from 0 to @max with at most about four lines. */
static int
nice_step (int max)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (max <= steps[i] * 4)
      return steps[i];
  return (max + 3) / 4;
}

/* Axes. */

static void
draw_y_axis (Chart  *chart,
             int     max,
             int     step,
             gboolean right)
{
  cairo_t *cr = chart->cr;

  for (int v = 0; v <= max; v += step)
    {
      double y = chart->bottom - (chart->bottom - chart->top) * v / max;
      char buf[16];

      g_snprintf (buf, sizeof buf, "%d", v);
      if (!right)
        {
          cairo_save (cr);
          set_color (cr, &chart->style->muted);
          cairo_set_line_width (cr, v == 0 ? 1 : 0.5);
          cairo_move_to (cr, chart->left, floor (y) + 0.5);
          cairo_line_to (cr, chart->right, floor (y) + 0.5);
          cairo_stroke (cr);
          cairo_restore (cr);
          draw_text (chart, chart->small, &chart->style->muted, buf, chart->left - 4, y, 1, 0);
        }
      else
        draw_text (chart, chart->small, &chart->style->muted, buf, chart->right + 4, y, 0, 0);
    }
}

static void
draw_x_label (Chart       *chart,
              const GDate *date,
              const char  *format,
              double       x,
              double       label_width)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);
  g_autofree char *text = g_date_time_format (time, format);

  draw_text (chart, chart->small, &chart->style->muted, text,
             CLAMP (x, chart->left - 10 + label_width / 2, chart->right + 10 - label_width / 2),
             chart->bottom + chart->line * 0.75, 0.5, 0);
}

/* Date labels under the bins, as many as fit without touching. Up to 200 days, the
 * last day of every few bins, counted from "now"; beyond, the months that begin in a
 * bin, every 1, 2, 3, 6 or 12 months, so that the steps are even. */
static void
draw_x_labels (Chart  *chart,
               GArray *bins,
               double  step)
{
  static const guint month_steps[] = { 1, 2, 3, 6, 12, 24, 60 };
  const Bin *last_bin = &g_array_index (bins, Bin, bins->len - 1);
  double label_width, per_month;
  guint every = 0;

  text_size (chart, chart->small, "30 Sep 00", &label_width, NULL);
  if (chart->trends->n_days <= 200)
    {
      every = MAX (1, (guint) ceil ((label_width + 10) / step));
      for (guint back = 0; back < bins->len; back += every)
        {
          guint i = bins->len - 1 - back;
          double x = chart->left + (i + 0.5) * step;

          if (x - label_width / 2 < chart->left - 10 && back > 0)
            break;
          /* TRANSLATORS: a day on a chart's axis, as in "3 Mar"; see
           * g_date_time_format(). %-d is the day of the month, %b the month's short
           * name. */
          draw_x_label (chart, &g_array_index (bins, Bin, i).last, _("%-d %b"), x, label_width);
        }
      return;
    }

  per_month = step * 30.44 / MAX (last_bin->n_days, 1);
  for (guint k = 0; k < G_N_ELEMENTS (month_steps) && every == 0; k++)
    if (per_month * month_steps[k] >= label_width + 10)
      every = month_steps[k];
  if (every == 0)
    every = month_steps[G_N_ELEMENTS (month_steps) - 1];
  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      guint first_month = g_date_get_year (&bin->first) * 12 + g_date_get_month (&bin->first) - 1;
      guint last_month = g_date_get_year (&bin->last) * 12 + g_date_get_month (&bin->last) - 1;

      /* Every first of a month inside this bin (a bin may hold two). */
      for (guint m = first_month; m <= last_month; m++)
        {
          GDate month_start;

          if (m % every != 0)
            continue;
          g_date_clear (&month_start, 1);
          g_date_set_dmy (&month_start, 1, m % 12 + 1, m / 12);
          if (g_date_compare (&month_start, &bin->first) < 0)
            continue;
          /* TRANSLATORS: a month on a chart's axis, as in "Mar 2025"; see
           * g_date_time_format(). %b is the month's short name, %Y the year. */
          draw_x_label (chart, &month_start, _("%b %Y"), chart->left + (i + 0.5) * step,
                        label_width);
        }
    }
}

/* Public: the style, titles and empty states. */

void
rj_chart_style_init_print (RjChartStyle               *style,
                           const PangoFontDescription *font)
{
  g_return_if_fail (style != NULL);

  *style = (RjChartStyle) {
    .font = font,
    .foreground = { 0, 0, 0, 1 },
    .muted = { 0.4f, 0.4f, 0.4f, 1 },
    .fill = { 0.45f, 0.45f, 0.45f, 1 },
    .fill_alt = { 0.85f, 0.85f, 0.85f, 1 },
    .background = { 1, 1, 1, 1 },
  };
}

const char *
rj_trends_chart_get_title (RjTrendsChart chart)
{
  switch (chart)
    {
    case RJ_TRENDS_CHART_CRAVINGS:
      return _("Cravings per week");
    case RJ_TRENDS_CHART_MOOD:
      return _("Mood and distress");
    case RJ_TRENDS_CHART_SOBER_DAYS:
      return _("Sober days");
    case RJ_TRENDS_CHART_WEEKLY_CHECK:
      return _("Weekly craving check");
    case RJ_TRENDS_CHART_TRIGGERS:
      return _("Triggers that came up most");
    case RJ_TRENDS_CHART_SKILLS:
      return _("What helped");
    case RJ_TRENDS_N_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
rj_trends_chart_has_data (RjTrendsChart   chart,
                          const RjTrends *trends)
{
  g_return_val_if_fail (trends != NULL, FALSE);

  switch (chart)
    {
    case RJ_TRENDS_CHART_CRAVINGS:
      return trends->has_cravings;
    case RJ_TRENDS_CHART_MOOD:
      return trends->has_mood;
    case RJ_TRENDS_CHART_SOBER_DAYS:
      return trends->has_entries;
    case RJ_TRENDS_CHART_WEEKLY_CHECK:
      return trends->has_weekly_checks;
    case RJ_TRENDS_CHART_TRIGGERS:
      return trends->has_triggers;
    case RJ_TRENDS_CHART_SKILLS:
      return trends->has_skills;
    case RJ_TRENDS_N_CHARTS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

char *
rj_trends_chart_dup_empty_text (RjTrendsChart   chart,
                                const RjTrends *trends)
{
  g_autofree char *phrase = NULL;

  g_return_val_if_fail (trends != NULL, NULL);

  phrase = rj_trends_dup_period_phrase (trends);
  /* Nothing logged at all says so in every chart: it is the same reason everywhere. */
  if (!trends->has_entries)
    /* Translators: %s is a period as in "these 30 days". */
    return g_strdup_printf (_("No days logged in %s"), phrase);

  switch (chart)
    {
    case RJ_TRENDS_CHART_CRAVINGS:
      /* Translators: %s is a period as in "these 30 days". */
      return g_strdup_printf (_("No cravings logged in %s"), phrase);
    case RJ_TRENDS_CHART_MOOD:
      return g_strdup_printf (_("No mood or distress logged in %s"), phrase);
    case RJ_TRENDS_CHART_SOBER_DAYS:
      return g_strdup_printf (_("No days logged in %s"), phrase);
    case RJ_TRENDS_CHART_WEEKLY_CHECK:
      /* Translators: %s is a period as in "these 30 days". */
      return g_strdup_printf (_("No weekly craving check in %s"), phrase);
    case RJ_TRENDS_CHART_TRIGGERS:
      if (!trends->has_cravings)
        return g_strdup_printf (_("No cravings logged in %s"), phrase);
      return g_strdup_printf (_("No triggers named in %s"), phrase);
    case RJ_TRENDS_CHART_SKILLS:
      return g_strdup_printf (_("No coping skills logged in %s"), phrase);
    case RJ_TRENDS_N_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static double
row_height (Chart *chart,
            RjTrendsChart kind)
{
  return kind == RJ_TRENDS_CHART_SKILLS ? chart->line * 2.25 : chart->line * 1.45;
}

/* The height of a list chart (triggers or skills) showing its first @n_rows rows: the
 * skills' legend, the rows, and "+N more" when rows are left out. */
static double
list_height (Chart        *chart,
             RjTrendsChart kind,
             guint         n_rows)
{
  gboolean skills = kind == RJ_TRENDS_CHART_SKILLS;
  guint len = skills ? chart->trends->skills->len : chart->trends->triggers->len;

  return (skills ? chart->line * 1.8 : 0) + n_rows * row_height (chart, kind)
         + (len > n_rows ? chart->line * 1.4 : 0);
}

double
rj_trends_chart_get_natural_height (RjTrendsChart       chart,
                                    const RjTrends     *trends,
                                    const RjChartStyle *style,
                                    double              width)
{
  g_autoptr(GPtrArray) rows = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Chart c;
  double height;
  guint n_rows;

  g_return_val_if_fail (trends != NULL, 0);
  g_return_val_if_fail (style != NULL, 0);

  /* Measuring needs a cairo context for the font map; a tiny image does. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  chart_init (&c, cr, width, 0, trends, style);

  if (!rj_trends_chart_has_data (chart, trends))
    height = c.line * 5;
  else
    switch (chart)
      {
      case RJ_TRENDS_CHART_TRIGGERS:
        n_rows = MIN (trends->triggers->len, RJ_TRENDS_CHART_MAX_TRIGGERS);
        height = list_height (&c, chart, n_rows) + c.line * 0.5;
        break;
      case RJ_TRENDS_CHART_SKILLS:
        n_rows = MIN (trends->skills->len, RJ_TRENDS_CHART_MAX_SKILLS);
        height = list_height (&c, chart, n_rows);
        break;
      case RJ_TRENDS_CHART_CRAVINGS:
      case RJ_TRENDS_CHART_MOOD:
      case RJ_TRENDS_CHART_SOBER_DAYS:
      case RJ_TRENDS_CHART_WEEKLY_CHECK:
      case RJ_TRENDS_N_CHARTS:
      default:
        height = MAX (c.line * 12, width * 0.3);
        break;
      }

  chart_clear (&c);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ceil (height);
}

void
rj_trends_chart_draw (RjTrendsChart       chart,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      const RjTrends     *trends,
                      const RjChartStyle *style)
{
  switch (chart)
    {
    case RJ_TRENDS_CHART_CRAVINGS:
      rj_trends_chart_draw_cravings (cr, width, height, trends, style);
      break;
    case RJ_TRENDS_CHART_MOOD:
      rj_trends_chart_draw_mood (cr, width, height, trends, style);
      break;
    case RJ_TRENDS_CHART_SOBER_DAYS:
      rj_trends_chart_draw_sober_days (cr, width, height, trends, style);
      break;
    case RJ_TRENDS_CHART_WEEKLY_CHECK:
      rj_trends_chart_draw_weekly_check (cr, width, height, trends, style);
      break;
    case RJ_TRENDS_CHART_TRIGGERS:
      rj_trends_chart_draw_triggers (cr, width, height, trends, style);
      break;
    case RJ_TRENDS_CHART_SKILLS:
      rj_trends_chart_draw_skills (cr, width, height, trends, style);
      break;
    case RJ_TRENDS_N_CHARTS:
    default:
      g_return_if_reached ();
    }
}

static void
chart_end (Chart *chart)
{
  cairo_restore (chart->cr);
  chart_clear (chart);
}

/* Sets up a chart and says whether it has data; when not, draws the empty state and
 * ends the chart (the caller just returns). */
static gboolean
chart_begin (Chart              *chart,
             RjTrendsChart       kind,
             cairo_t            *cr,
             double              width,
             double              height,
             const RjTrends     *trends,
             const RjChartStyle *style)
{
  chart_init (chart, cr, width, height, trends, style);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (rj_trends_chart_has_data (kind, trends))
    return TRUE;

  {
    g_autofree char *text = rj_trends_chart_dup_empty_text (kind, trends);

    draw_empty (chart, text);
  }
  chart_end (chart);
  return FALSE;
}

/* The plot area of a time chart: a legend line on top, labels below, numbers left
 * (and right, for a second axis). */
static void
time_plot_area (Chart   *chart,
                gboolean right_axis)
{
  double number_width;

  text_size (chart, chart->small, "100", &number_width, NULL);
  chart->left = number_width + 8;
  chart->right = chart->width - (right_axis ? number_width + 8 : 12);
  chart->top = chart->line * 1.9 + chart->legend_extra;
  chart->bottom = chart->height - chart->line * 1.5;
}

/* Cravings per week (bars, left axis) and their peak intensity (a line with round
 * markers, right axis 0-10). */
void
rj_trends_chart_draw_cravings (cairo_t            *cr,
                               double              width,
                               double              height,
                               const RjTrends     *trends,
                               const RjChartStyle *style)
{
  g_autoptr(GArray) bins = NULL;
  Chart chart;
  double step, bar;
  int max = 1, axis_step, axis_max;
  gboolean started = FALSE;
  guint days_per_bin;
  g_autofree char *bars_label = NULL;

  g_return_if_fail (cr != NULL && trends != NULL && style != NULL);

  if (!chart_begin (&chart, RJ_TRENDS_CHART_CRAVINGS, cr, width, height, trends, style))
    return;
  time_plot_area (&chart, TRUE);
  days_per_bin = days_per_bin_for (trends, chart.right - chart.left, MIN_BAR_STEP);
  bins = make_bins (trends, days_per_bin);

  if (days_per_bin == 7)
    bars_label = g_strdup (_("Cravings per week"));
  else
    bars_label = g_strdup_printf (_("Cravings per %u weeks"), days_per_bin / 7);
  {
    const LegendItem legend[] = {
      { SWATCH_FILL, bars_label },
      { SWATCH_LINE_ROUND, _("Strongest craving (0–10, right)") },
      { SWATCH_GAP, _("Not logged") },
    };

    legend_layout (&chart, chart.left, legend, G_N_ELEMENTS (legend), TRUE);
    time_plot_area (&chart, TRUE);
  }
  step = (chart.right - chart.left) / bins->len;
  bar = MAX (step * 0.7, 1);

  for (guint i = 0; i < bins->len; i++)
    max = MAX (max, g_array_index (bins, Bin, i).n_cravings);
  axis_step = nice_step (max);
  axis_max = ((max + axis_step - 1) / axis_step) * axis_step;

  draw_y_axis (&chart, axis_max, axis_step, FALSE);
  draw_y_axis (&chart, 10, 5, TRUE);

  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      double bx = chart.left + i * step + (step - bar) / 2;
      double h;

      if (bin->n_cravings == RJ_NOT_LOGGED)
        {
          draw_gap_mark (&chart, bx, bar);
          continue;
        }
      /* A logged week without cravings is a thin bar on the baseline, not nothing. */
      h = MAX ((chart.bottom - chart.top) * bin->n_cravings / axis_max, 1.5);
      fill_rect (&chart, &style->fill, bx, chart.bottom - h, bar, h);
    }

  /* The peak line breaks where a bin has no logged intensity. */
  cairo_save (cr);
  set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      double px = chart.left + (i + 0.5) * step;
      double py = chart.bottom - (chart.bottom - chart.top) * MAX (bin->peak, 0) / 10.0;

      if (bin->peak == RJ_NOT_LOGGED)
        {
          started = FALSE;
          continue;
        }
      if (started)
        cairo_line_to (cr, px, py);
      else
        cairo_move_to (cr, px, py);
      started = TRUE;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);

      if (bin->peak != RJ_NOT_LOGGED)
        draw_round_marker (&chart, chart.left + (i + 0.5) * step,
                           chart.bottom - (chart.bottom - chart.top) * bin->peak / 10.0,
                           MIN (MARKER_RADIUS, MAX (step * 0.3, 1.5)));
    }

  draw_x_labels (&chart, bins, step);
  chart_end (&chart);
}

/* One line of the mood chart; returns the last point drawn (for its label). */
static gboolean
draw_series (Chart   *chart,
             GArray  *bins,
             double   step,
             gboolean distress,
             double  *last_x,
             double  *last_y)
{
  static const double dashes[] = { 5, 3 };
  cairo_t *cr = chart->cr;
  gboolean started = FALSE;
  gboolean any = FALSE;
  double radius = MIN (MARKER_RADIUS, MAX (step * 0.35, 1.5));
  gboolean markers = step >= 2 * radius + 2;

  cairo_save (cr);
  set_color (cr, &chart->style->foreground);
  cairo_set_line_width (cr, distress ? 1.5 : 2);
  if (distress)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      double value = distress ? bin->distress : bin->mood;
      double x = chart->left + (i + 0.5) * step;
      double y = chart->bottom - (chart->bottom - chart->top) * value / 10.0;

      if (value < 0)
        {
          started = FALSE;
          continue;
        }
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
      any = TRUE;
      *last_x = x;
      *last_y = y;
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Markers where there is room; a point with no neighbour always gets one, or it
   * would not show at all. */
  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      double value = distress ? bin->distress : bin->mood;
      gboolean alone;
      double x, y;

      if (value < 0)
        continue;
      alone = (i == 0 || (distress ? g_array_index (bins, Bin, i - 1).distress
                                   : g_array_index (bins, Bin, i - 1).mood) < 0)
              && (i + 1 == bins->len || (distress ? g_array_index (bins, Bin, i + 1).distress
                                                  : g_array_index (bins, Bin, i + 1).mood) < 0);
      if (!markers && !alone)
        continue;
      x = chart->left + (i + 0.5) * step;
      y = chart->bottom - (chart->bottom - chart->top) * value / 10.0;
      if (distress)
        draw_square_marker (chart, x, y, radius - 0.5);
      else
        draw_round_marker (chart, x, y, radius);
    }
  return any;
}

/* Mood (solid, round markers) and distress (dashed, square markers), 0-10, a point a
 * day up to DAILY_MOOD_MAX_DAYS and a point a week (or more) beyond, each line named
 * at its right end. */
void
rj_trends_chart_draw_mood (cairo_t            *cr,
                           double              width,
                           double              height,
                           const RjTrends     *trends,
                           const RjChartStyle *style)
{
  g_autoptr(GArray) bins = NULL;
  Chart chart;
  guint days_per_bin;
  double step, label_width;
  double mood_x = 0, mood_y = 0, distress_x = 0, distress_y = 0;
  gboolean has_mood, has_distress;
  g_autofree char *mood_legend = NULL;
  g_autofree char *distress_legend = NULL;

  g_return_if_fail (cr != NULL && trends != NULL && style != NULL);

  if (!chart_begin (&chart, RJ_TRENDS_CHART_MOOD, cr, width, height, trends, style))
    return;
  time_plot_area (&chart, FALSE);
  /* Room on the right for the lines' names. */
  text_size (&chart, chart.small, _("Distress"), &label_width, NULL);
  {
    double mood_width;

    text_size (&chart, chart.small, _("Mood"), &mood_width, NULL);
    label_width = MAX (label_width, mood_width);
  }
  chart.right = chart.width - label_width - 8;

  if (trends->n_days <= DAILY_MOOD_MAX_DAYS
      && (chart.right - chart.left) / trends->n_days >= MIN_POINT_STEP)
    days_per_bin = 1;
  else
    days_per_bin = days_per_bin_for (trends, chart.right - chart.left, MIN_BAR_STEP);
  bins = make_bins (trends, days_per_bin);
  step = (chart.right - chart.left) / bins->len;

  if (days_per_bin == 1)
    {
      mood_legend = g_strdup (_("Mood (0–10)"));
      distress_legend = g_strdup (_("Distress (0–10)"));
    }
  else if (days_per_bin == 7)
    {
      mood_legend = g_strdup (_("Mood, weekly average"));
      distress_legend = g_strdup (_("Distress, weekly average"));
    }
  else
    {
      /* Translators: the average of every few weeks, e.g. "Mood, average of 7 weeks". */
      mood_legend = g_strdup_printf (_("Mood, average of %u weeks"), days_per_bin / 7);
      distress_legend = g_strdup_printf (_("Distress, average of %u weeks"), days_per_bin / 7);
    }
  {
    const LegendItem legend[] = {
      { SWATCH_LINE_ROUND, mood_legend },
      { SWATCH_DASH_SQUARE, distress_legend },
    };

    /* Only the top moves when the legend takes two lines: the widths found above hold. */
    legend_layout (&chart, chart.left, legend, G_N_ELEMENTS (legend), TRUE);
    chart.top = chart.line * 1.9 + chart.legend_extra;
  }

  draw_y_axis (&chart, 10, 5, FALSE);
  has_mood = draw_series (&chart, bins, step, FALSE, &mood_x, &mood_y);
  has_distress = draw_series (&chart, bins, step, TRUE, &distress_x, &distress_y);

  /* Name each line at its end; when the ends are close, move the names apart. */
  if (has_mood && has_distress && fabs (mood_y - distress_y) < chart.line)
    {
      double middle = (mood_y + distress_y) / 2;
      double half = chart.line / 2;

      if (mood_y <= distress_y)
        {
          mood_y = middle - half;
          distress_y = middle + half;
        }
      else
        {
          mood_y = middle + half;
          distress_y = middle - half;
        }
    }
  if (has_mood)
    draw_text (&chart, chart.small, &style->foreground, _("Mood"), chart.right + 6, mood_y, 0,
               0);
  if (has_distress)
    draw_text (&chart, chart.small, &style->foreground, _("Distress"), chart.right + 6,
               distress_y, 0, 0);

  draw_x_labels (&chart, bins, step);
  chart_end (&chart);
}

/* Sober days per week: a stacked bar of sober days (solid) and days with use
 * (hatched), inside an outline of the week's days; what is left empty was not
 * logged. */
void
rj_trends_chart_draw_sober_days (cairo_t            *cr,
                                 double              width,
                                 double              height,
                                 const RjTrends     *trends,
                                 const RjChartStyle *style)
{
  g_autoptr(GArray) bins = NULL;
  Chart chart;
  guint days_per_bin;
  double step, bar, scale;

  g_return_if_fail (cr != NULL && trends != NULL && style != NULL);

  if (!chart_begin (&chart, RJ_TRENDS_CHART_SOBER_DAYS, cr, width, height, trends, style))
    return;
  time_plot_area (&chart, FALSE);
  {
    const LegendItem legend[] = {
      { SWATCH_FILL, _("Sober days") },
      { SWATCH_HATCH, _("Days with use") },
      { SWATCH_DOTTED, _("Not logged") },
    };

    legend_layout (&chart, chart.left, legend, G_N_ELEMENTS (legend), TRUE);
    time_plot_area (&chart, FALSE);
  }
  days_per_bin = days_per_bin_for (trends, chart.right - chart.left, MIN_BAR_STEP);
  bins = make_bins (trends, days_per_bin);
  step = (chart.right - chart.left) / bins->len;
  bar = MAX (step * 0.7, 1);
  scale = (chart.bottom - chart.top) / days_per_bin;

  draw_y_axis (&chart, days_per_bin, days_per_bin == 7 ? 7 : nice_step (days_per_bin), FALSE);

  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      double bx = chart.left + i * step + (step - bar) / 2;
      double sober_h = bin->n_sober * scale;
      double use_h = bin->n_use * scale;
      double all_h = bin->n_days * scale;

      outline_rect (&chart, bx, chart.bottom - all_h, bar, all_h, TRUE);
      fill_rect (&chart, &style->fill, bx, chart.bottom - sober_h, bar, sober_h);
      fill_rect (&chart, &style->fill_alt, bx, chart.bottom - sober_h - use_h, bar, use_h);
      hatch_rect (&chart, bx, chart.bottom - sober_h - use_h, bar, use_h);
    }

  draw_x_labels (&chart, bins, step);
  chart_end (&chart);
}

/* The weekly craving check: each bin's latest total (0-30) as a point with a round
 * marker, joined to the next bin's when that has one too; a bin without a check is a
 * dotted mark on the baseline. Each point carries its number, so that the change from
 * week to week reads without the axis. No line or band marks a cut-off. */
void
rj_trends_chart_draw_weekly_check (cairo_t            *cr,
                                   double              width,
                                   double              height,
                                   const RjTrends     *trends,
                                   const RjChartStyle *style)
{
  const int max = RJ_WEEKLY_N_QUESTIONS * RJ_WEEKLY_ANSWER_MAX;
  g_autoptr(GArray) bins = NULL;
  Chart chart;
  guint days_per_bin;
  double step, radius, number_width;
  gboolean started = FALSE;
  g_autofree char *line_label = NULL;

  g_return_if_fail (cr != NULL && trends != NULL && style != NULL);

  if (!chart_begin (&chart, RJ_TRENDS_CHART_WEEKLY_CHECK, cr, width, height, trends, style))
    return;
  time_plot_area (&chart, FALSE);
  days_per_bin = days_per_bin_for (trends, chart.right - chart.left, MIN_BAR_STEP);
  if (days_per_bin == 7)
    line_label = g_strdup_printf (_("Total of the week’s check (0–%d)"), max);
  else
    /* Translators: the weekly check's total, one point for every few weeks */
    line_label = g_strdup_printf (_("Latest check of every %u weeks (0–%d)"), days_per_bin / 7,
                                  max);
  {
    const LegendItem legend[] = {
      { SWATCH_LINE_ROUND, line_label },
      { SWATCH_GAP, _("No check that week") },
    };

    legend_layout (&chart, chart.left, legend, G_N_ELEMENTS (legend), TRUE);
    time_plot_area (&chart, FALSE);
  }
  bins = make_bins (trends, days_per_bin);
  step = (chart.right - chart.left) / bins->len;
  radius = MIN (MARKER_RADIUS, MAX (step * 0.3, 1.5));
  text_size (&chart, chart.small, "30", &number_width, NULL);

  draw_y_axis (&chart, max, 10, FALSE);

  cairo_save (cr);
  set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      double x = chart.left + (i + 0.5) * step;
      double y = chart.bottom - (chart.bottom - chart.top) * MAX (bin->weekly, 0) / max;

      if (bin->weekly == RJ_NOT_LOGGED)
        {
          started = FALSE;
          continue;
        }
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < bins->len; i++)
    {
      const Bin *bin = &g_array_index (bins, Bin, i);
      double x = chart.left + (i + 0.5) * step;
      double y;
      char buf[16];

      if (bin->weekly == RJ_NOT_LOGGED)
        {
          draw_gap_mark (&chart, chart.left + i * step + step * 0.15, MAX (step * 0.7, 1));
          continue;
        }
      y = chart.bottom - (chart.bottom - chart.top) * bin->weekly / max;
      draw_round_marker (&chart, x, y, radius);
      /* The number above its point, where the points are far enough apart to hold it. */
      if (step >= number_width + 4)
        {
          g_snprintf (buf, sizeof buf, "%d", bin->weekly);
          draw_text (&chart, chart.small, &style->foreground, buf, x,
                     MAX (y - radius - chart.line * 0.55, chart.top - chart.line * 0.3), 0.5, 0);
        }
    }

  draw_x_labels (&chart, bins, step);
  chart_end (&chart);
}

/* The triggers that came up most: a bar per trigger, its name on the left and its
 * count at the bar's end. */
void
rj_trends_chart_draw_triggers (cairo_t            *cr,
                               double              width,
                               double              height,
                               const RjTrends     *trends,
                               const RjChartStyle *style)
{
  Chart chart;
  guint n_rows, max = 1;
  double label_width, count_width, row, bar_h, y;

  g_return_if_fail (cr != NULL && trends != NULL && style != NULL);

  if (!chart_begin (&chart, RJ_TRENDS_CHART_TRIGGERS, cr, width, height, trends, style))
    return;

  row = row_height (&chart, RJ_TRENDS_CHART_TRIGGERS);
  bar_h = chart.line * 0.9;
  n_rows = MIN (trends->triggers->len, RJ_TRENDS_CHART_MAX_TRIGGERS);
  /* Only whole rows that fit, leaving room for "+N more". */
  while (n_rows > 1 && list_height (&chart, RJ_TRENDS_CHART_TRIGGERS, n_rows) > height)
    n_rows--;
  label_width = MIN (width * 0.35, 200);
  text_size (&chart, chart.small, "0000", &count_width, NULL);
  for (guint i = 0; i < n_rows; i++)
    max = MAX (max, ((RjTrendsTrigger *) g_ptr_array_index (trends->triggers, i))->count);

  y = chart.line * 0.25;
  for (guint i = 0; i < n_rows; i++)
    {
      const RjTrendsTrigger *trigger = g_ptr_array_index (trends->triggers, i);
      double bar_left = label_width + 8;
      double bar_w = (width - bar_left - count_width - 6) * trigger->count / max;
      char buf[16];

      draw_text (&chart, chart.font, &style->foreground, trigger->label, label_width,
                 y + row / 2, 1, label_width);
      fill_rect (&chart, &style->fill, bar_left, y + (row - bar_h) / 2, MAX (bar_w, 1.5),
                 bar_h);
      g_snprintf (buf, sizeof buf, "%u", trigger->count);
      draw_text (&chart, chart.small, &style->foreground, buf, bar_left + MAX (bar_w, 1.5) + 4,
                 y + row / 2, 0, 0);
      y += row;
    }
  if (trends->triggers->len > n_rows)
    {
      guint more = trends->triggers->len - n_rows;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "+%u more trigger",
                                                            "+%u more triggers", more), more);

      draw_text (&chart, chart.small, &style->muted, text, label_width + 8,
                 y + chart.line * 0.6, 0, 0);
    }
  chart_end (&chart);
}

/* Coping skills: per skill, its line ("Calling Ana helped 9 of 11 times") over a bar
 * of its uses: helped (solid), partly (hatched), did not help (outlined), not logged
 * (dotted). */
void
rj_trends_chart_draw_skills (cairo_t            *cr,
                             double              width,
                             double              height,
                             const RjTrends     *trends,
                             const RjChartStyle *style)
{
  Chart chart;
  guint n_rows, max = 1;
  double row, bar_h, y;

  g_return_if_fail (cr != NULL && trends != NULL && style != NULL);

  if (!chart_begin (&chart, RJ_TRENDS_CHART_SKILLS, cr, width, height, trends, style))
    return;

  row = row_height (&chart, RJ_TRENDS_CHART_SKILLS);
  bar_h = chart.line * 0.75;
  n_rows = MIN (trends->skills->len, RJ_TRENDS_CHART_MAX_SKILLS);
  while (n_rows > 1 && list_height (&chart, RJ_TRENDS_CHART_SKILLS, n_rows) > height)
    n_rows--;
  for (guint i = 0; i < n_rows; i++)
    max = MAX (max, ((RjTrendsSkill *) g_ptr_array_index (trends->skills, i))->times_used);

  {
    const LegendItem legend[] = {
      { SWATCH_FILL, _("Helped") },
      { SWATCH_HATCH, _("Partly") },
      { SWATCH_OUTLINE, _("Did not help") },
      { SWATCH_DOTTED, _("Not logged") },
    };

    legend_layout (&chart, 0, legend, G_N_ELEMENTS (legend), TRUE);
  }

  y = chart.line * 1.8 + chart.legend_extra;
  for (guint i = 0; i < n_rows; i++)
    {
      const RjTrendsSkill *skill = g_ptr_array_index (trends->skills, i);
      g_autofree char *line = rj_trends_skill_describe (skill);
      double unit = (width - 2) / max;
      double bx = 0;
      double by = y + chart.line * 1.1;

      draw_text (&chart, chart.font, &style->foreground, line, 0, y + chart.line / 2, 0, width);
      fill_rect (&chart, &style->fill, bx, by, skill->times_helped * unit, bar_h);
      bx += skill->times_helped * unit;
      fill_rect (&chart, &style->fill_alt, bx, by, skill->times_partly * unit, bar_h);
      hatch_rect (&chart, bx, by, skill->times_partly * unit, bar_h);
      outline_rect (&chart, bx, by, skill->times_partly * unit, bar_h, FALSE);
      bx += skill->times_partly * unit;
      outline_rect (&chart, bx, by, skill->times_not_helped * unit, bar_h, FALSE);
      bx += skill->times_not_helped * unit;
      outline_rect (&chart, bx, by, skill->times_not_rated * unit, bar_h, TRUE);
      y += row;
    }
  if (trends->skills->len > n_rows)
    {
      guint more = trends->skills->len - n_rows;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "+%u more coping skill",
                                                            "+%u more coping skills", more),
                                               more);

      draw_text (&chart, chart.small, &style->muted, text, 0, y + chart.line * 0.6, 0, 0);
    }
  chart_end (&chart);
}
