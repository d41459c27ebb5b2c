/* rj-trends-chart.c: the Trends charts, drawn with cairo and Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-trends-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rj-trends-chart.h"

/* SKELETON: the first commit only declares the API; the drawing follows. */

void
rj_chart_style_init_print (RjChartStyle *style, const PangoFontDescription *font)
{
  *style = (RjChartStyle) { .font = font };
}

const char *
rj_trends_chart_get_title (RjTrendsChart chart)
{
  return "";
}

gboolean
rj_trends_chart_has_data (RjTrendsChart chart, const RjTrends *trends)
{
  return FALSE;
}

char *
rj_trends_chart_dup_empty_text (RjTrendsChart chart, const RjTrends *trends)
{
  return g_strdup ("");
}

double
rj_trends_chart_get_natural_height (RjTrendsChart chart, const RjTrends *trends,
                                    const RjChartStyle *style, double width)
{
  return 160;
}

void
rj_trends_chart_draw (RjTrendsChart chart, cairo_t *cr, double width, double height,
                      const RjTrends *trends, const RjChartStyle *style)
{
}

void
rj_trends_chart_draw_cravings (cairo_t *cr, double width, double height,
                               const RjTrends *trends, const RjChartStyle *style)
{
}

void
rj_trends_chart_draw_mood (cairo_t *cr, double width, double height,
                           const RjTrends *trends, const RjChartStyle *style)
{
}

void
rj_trends_chart_draw_sober_days (cairo_t *cr, double width, double height,
                                 const RjTrends *trends, const RjChartStyle *style)
{
}

void
rj_trends_chart_draw_triggers (cairo_t *cr, double width, double height,
                               const RjTrends *trends, const RjChartStyle *style)
{
}

void
rj_trends_chart_draw_skills (cairo_t *cr, double width, double height,
                             const RjTrends *trends, const RjChartStyle *style)
{
}
