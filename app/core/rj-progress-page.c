/* rj-progress-page.c: the one printed "progress" page of the Trends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Top to bottom: the header (title, client, period, how much was logged), a row of
 * numbers, the three time charts at full width, then the triggers and the coping
 * skills side by side, and a footer. The header, numbers and footer take what they
 * need; the charts share the rest in fixed proportions, and the list charts show as
 * many whole rows as fit, with "+N more". Each chart is clipped to its box, so the
 * page never spills. Trends hold no free text, so nothing private can be on it.
 */

#define G_LOG_DOMAIN "rj-progress-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rj-page.h"
#include "rj-progress-page.h"
#include "rj-trends-chart.h"

#define SMALL RJ_PAGE_SMALL
#define BODY RJ_PAGE_BODY
#define HEADING RJ_PAGE_HEADING
#define GAP RJ_PAGE_GAP

typedef struct {
  cairo_t *cr;
  PangoContext *context;
  const RjTrends *trends;
  const RjProfile *profile;
  GDateTime *generated;
  PangoFontDescription *chart_font;
  RjChartStyle style;
  double left;
  double width;
  double top;
  double bottom;
} Page;

static double
show_text (Page           *page,
           double          x,
           double          y,
           double          width,
           const char     *text,
           double          size,
           PangoWeight     weight,
           int             max_lines,
           PangoAlignment  alignment)
{
  return rj_page_show_text (page->cr, page->context, x, y, width, text, size, weight, FALSE,
                            max_lines, alignment);
}

static double
draw_header (Page  *page,
             double y)
{
  const RjTrends *t = page->trends;
  g_autofree char *label = rj_trends_dup_period_label (t);
  /* TRANSLATORS: a date as in "3 March 2025"; see g_date_time_format(). %-d is the day
   * of the month, %B the month's name, %Y the year; as in "%-d de %B de %Y". */
  g_autofree char *first = rj_page_format_date (&t->first, _("%-d %B %Y"));
  g_autofree char *last = rj_page_format_date (&t->last, _("%-d %B %Y"));
  g_autofree char *period = NULL;
  g_autofree char *name = NULL;

  if (page->profile != NULL && page->profile->client_name != NULL
      && *page->profile->client_name != '\0')
    name = rj_page_shorten (page->profile->client_name, page->width * 0.4, 1);

  if (t->period == RJ_TRENDS_PERIOD_CUSTOM)
    period = g_steal_pointer (&label);
  else
    /* Translators: the period, e.g. "Last 90 days: 26 August 2025 – 23 November 2025". */
    period = g_strdup_printf (_("%s: %s – %s"), label, first, last);
  return rj_page_draw_header (page->cr, page->context, page->left, y, page->width,
                              _("Recovery progress"), name, period, t->n_days_logged,
                              t->n_days, page->generated);
}

static double
number_cell (Page       *page,
             double      x,
             double      y,
             double      width,
             const char *label,
             const char *value)
{
  double h = show_text (page, x, y, width - 6, label, SMALL, PANGO_WEIGHT_NORMAL, 1,
                        PANGO_ALIGN_LEFT);

  /* A long count wraps ("3650 of / 3650") rather than losing its end. */
  h += show_text (page, x, y + h, width - 6, value, HEADING + 1, PANGO_WEIGHT_BOLD, 2,
                  PANGO_ALIGN_LEFT);
  return h;
}

static char *
format_mean (double value)
{
  /* Translators: an average on a 0-10 scale, e.g. "5.3 of 10". */
  return value < 0 ? g_strdup ("–") : g_strdup_printf (_("%.1f of 10"), value);
}

/* The numbers: days logged, sober days, cravings, ridden out, mood, distress. */
static double
draw_numbers (Page  *page,
              double y)
{
  const RjTrends *t = page->trends;
  double cell = page->width / 6;
  double h = 0;
  /* Translators: e.g. "40 of 90": days with an entry among the period's days. */
  g_autofree char *logged = g_strdup_printf (_("%u of %u"), t->n_days_logged, t->n_days);
  g_autofree char *sober = t->n_days_logged == 0 ? g_strdup ("–")
                           : g_strdup_printf (_("%u of %u"), t->n_sober_days, t->n_days_logged);
  g_autofree char *cravings = g_strdup_printf ("%u", t->n_cravings);
  g_autofree char *ridden = t->n_cravings == 0 ? g_strdup ("–")
                            : g_strdup_printf (_("%u of %u"), t->n_cravings_ridden_out,
                                               t->n_cravings);
  g_autofree char *mood = format_mean (t->mood);
  g_autofree char *distress = format_mean (t->distress);

  h = MAX (h, number_cell (page, page->left, y, cell, _("Days logged"), logged));
  h = MAX (h, number_cell (page, page->left + cell, y, cell, _("Sober days (logged)"), sober));
  h = MAX (h, number_cell (page, page->left + 2 * cell, y, cell, _("Cravings"), cravings));
  h = MAX (h, number_cell (page, page->left + 3 * cell, y, cell, _("Rode it out"), ridden));
  h = MAX (h, number_cell (page, page->left + 4 * cell, y, cell, _("Mood (average)"), mood));
  h = MAX (h, number_cell (page, page->left + 5 * cell, y, cell, _("Distress (average)"),
                           distress));
  return y + h + GAP;
}

/* A chart's title, then the chart in a box of @height below it; returns the bottom. */
static double
draw_chart (Page          *page,
            RjTrendsChart  chart,
            double         x,
            double         y,
            double         width,
            double         height)
{
  double title_height = show_text (page, x, y, width, rj_trends_chart_get_title (chart),
                                   HEADING, PANGO_WEIGHT_BOLD, 1, PANGO_ALIGN_LEFT);

  y += title_height + 2;
  height -= title_height + 2;
  if (height <= 0)
    return y;
  cairo_save (page->cr);
  cairo_translate (page->cr, x, y);
  rj_trends_chart_draw (chart, page->cr, width, height, page->trends, &page->style);
  cairo_restore (page->cr);
  return y + height;
}

static double
draw_footer (Page  *page,
             double bottom)
{
  double h = rj_page_show_text (NULL, page->context, 0, 0, page->width, "Ag", SMALL,
                                PANGO_WEIGHT_NORMAL, FALSE, 1, PANGO_ALIGN_LEFT);
  double y = bottom - h;

  rj_page_hline (page->cr, page->left, y - 3, page->width, 0.5);
  /* Translators: the footer of the printed progress page. */
  show_text (page, page->left, y, page->width,
             _("Counts only: the client's own words and private items are not on this page. "
               "Days not logged are gaps, not zeros."),
             SMALL, PANGO_WEIGHT_NORMAL, 1, PANGO_ALIGN_LEFT);
  return y - 3 - GAP;
}

/**
 * rj_progress_page_draw:
 * @cr: where to draw
 * @width: the page's width in points
 * @height: the page's height in points
 * @trends: what to show
 * @profile: (nullable): the client's profile, for their name
 * @generated: the time shown as "generated"
 *
 * Draws the whole page, always on one page.
 */
void
rj_progress_page_draw (cairo_t         *cr,
                       double           width,
                       double           height,
                       const RjTrends  *trends,
                       const RjProfile *profile,
                       GDateTime       *generated)
{
  Page page = { 0 };
  double margin, top, bottom, available, y, column, title, lists, times;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (trends != NULL);
  g_return_if_fail (generated != NULL);

  margin = rj_page_begin (cr, width, height);
  page.cr = cr;
  page.context = rj_page_create_context (cr);
  page.trends = trends;
  page.profile = profile;
  page.generated = generated;
  page.left = margin;
  page.width = width - 2 * margin;
  page.top = margin;
  page.bottom = height - margin;
  page.chart_font = pango_font_description_from_string (RJ_PAGE_FONT);
  pango_font_description_set_absolute_size (page.chart_font, BODY * PANGO_SCALE);
  rj_chart_style_init_print (&page.style, page.chart_font);

  top = draw_header (&page, page.top);
  top = draw_numbers (&page, top);
  bottom = draw_footer (&page, page.bottom);
  available = MAX (bottom - top, 0);

  /* The lists take what their rows need, up to 40% of the middle; the time charts
   * share the rest. The list charts show as many whole rows as their box holds. */
  column = page.width * 0.38;
  title = rj_page_show_text (NULL, page.context, 0, 0, page.width, "Ag", HEADING,
                             PANGO_WEIGHT_BOLD, FALSE, 1, PANGO_ALIGN_LEFT) + 2;
  lists = MAX (rj_trends_chart_get_natural_height (RJ_TRENDS_CHART_TRIGGERS, trends,
                                                   &page.style, column - GAP * 2),
               rj_trends_chart_get_natural_height (RJ_TRENDS_CHART_SKILLS, trends,
                                                   &page.style, page.width - column));
  lists = MIN (lists + title, available * 0.4);
  times = MAX (available - lists - 3 * GAP, 0);

  cairo_save (cr);
  cairo_rectangle (cr, 0, top - 1, width, available + 1);
  cairo_clip (cr);
  y = top;
  if (trends->has_weekly_checks)
    {
      /* The weekly check takes a share of the time charts only when there is one: a
       * journal without it keeps the page as it was. */
      times = MAX (times - GAP, 0);
      y = draw_chart (&page, RJ_TRENDS_CHART_CRAVINGS, page.left, y, page.width,
                      times * 0.29) + GAP;
      y = draw_chart (&page, RJ_TRENDS_CHART_MOOD, page.left, y, page.width,
                      times * 0.29) + GAP;
      y = draw_chart (&page, RJ_TRENDS_CHART_SOBER_DAYS, page.left, y, page.width,
                      times * 0.2) + GAP;
      y = draw_chart (&page, RJ_TRENDS_CHART_WEEKLY_CHECK, page.left, y, page.width,
                      times * 0.22) + GAP;
    }
  else
    {
      y = draw_chart (&page, RJ_TRENDS_CHART_CRAVINGS, page.left, y, page.width,
                      times * 0.37) + GAP;
      y = draw_chart (&page, RJ_TRENDS_CHART_MOOD, page.left, y, page.width,
                      times * 0.37) + GAP;
      y = draw_chart (&page, RJ_TRENDS_CHART_SOBER_DAYS, page.left, y, page.width,
                      times * 0.26) + GAP;
    }
  draw_chart (&page, RJ_TRENDS_CHART_TRIGGERS, page.left, y, column - GAP * 2,
              MAX (bottom - y, 0));
  draw_chart (&page, RJ_TRENDS_CHART_SKILLS, page.left + column, y, page.width - column,
              MAX (bottom - y, 0));
  cairo_restore (cr);

  cairo_restore (cr);
  pango_font_description_free (page.chart_font);
  g_object_unref (page.context);
}

typedef struct {
  const RjTrends *trends;
  const RjProfile *profile;
  GDateTime *generated;
} PdfPage;

static void
draw_pdf_page (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  PdfPage *pdf_page = user_data;

  rj_progress_page_draw (cr, width, height, pdf_page->trends, pdf_page->profile,
                         pdf_page->generated);
}

/**
 * rj_progress_page_write_pdf:
 * @path: the file the client chose
 * @width: the page's width in points
 * @height: the page's height in points
 * @trends: what to show
 * @profile: (nullable): the client's profile
 * @generated: the time shown as "generated"
 * @error: return location for a #GError
 *
 * Writes the page as a one-page PDF straight into @path, readable only by its owner.
 * This blocks: call it from a thread.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
rj_progress_page_write_pdf (const char      *path,
                            double           width,
                            double           height,
                            const RjTrends  *trends,
                            const RjProfile *profile,
                            GDateTime       *generated,
                            GError         **error)
{
  PdfPage pdf_page = { trends, profile, generated };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (trends != NULL, FALSE);
  g_return_val_if_fail (generated != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rj_page_write_pdf (path, width, height, _("Recovery progress"), draw_pdf_page,
                            &pdf_page, error);
}
