/* rj-trends-chart.h: the Trends charts, drawn with cairo and Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function per chart, drawing into @cr from (0, 0) to (@width, @height) with the
 * font and colours of an RjChartStyle, so that the window passes its theme's and the
 * printout black and grey. No chart means anything by colour alone: cravings are bars
 * and peak intensity a line with round markers; mood is a solid line with round
 * markers and distress a dashed line with square markers, each labelled at its end;
 * skill outcomes are stacked solid / hatched / outlined; the weekly craving check is a
 * line with round markers, each point its week's total. A chart without data draws
 * one calm sentence ("No cravings logged in these 30 days") instead of empty axes.
 *
 * A chart draws its legend and axes but not its title (rj_trends_chart_get_title()),
 * so that the window and the page can set titles their own way. Time charts use bins
 * that end on the period's last day: a day (mood, up to 31 days), a week, or as many
 * whole weeks as keep each bar readable at @width (10 years: "Cravings per 7 weeks").
 * Days not logged are gaps: a dotted mark on the baseline, a break in a line.
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rj-trends.h"

G_BEGIN_DECLS

/* The same layout as GdkRGBA, so that a view can copy one in. */
typedef struct {
  float red;
  float green;
  float blue;
  float alpha;
} RjChartColor;

typedef struct {
  const PangoFontDescription *font;  /* the body font; headings derive from it */
  RjChartColor foreground;           /* text, lines, markers, outlines */
  RjChartColor muted;                /* axes, grid lines, secondary text */
  RjChartColor fill;                 /* main bars ("helped", cravings, sober days) */
  RjChartColor fill_alt;             /* second bars ("partly", days of use) */
  RjChartColor background;           /* what the chart is drawn on (marker centres) */
} RjChartStyle;

typedef enum {
  RJ_TRENDS_CHART_CRAVINGS,
  RJ_TRENDS_CHART_MOOD,
  RJ_TRENDS_CHART_SOBER_DAYS,
  RJ_TRENDS_CHART_WEEKLY_CHECK,
  RJ_TRENDS_CHART_TRIGGERS,
  RJ_TRENDS_CHART_SKILLS,
  RJ_TRENDS_N_CHARTS
} RjTrendsChart;

#define RJ_TRENDS_CHART_MAX_TRIGGERS 8     /* the top triggers shown */
#define RJ_TRENDS_CHART_MAX_SKILLS 8       /* the skills shown */

/* Black and grey on white, for the printout; @font is borrowed. */
void        rj_chart_style_init_print          (RjChartStyle *style,
                                                const PangoFontDescription *font);

/* The chart's title, e.g. "Cravings per week". */
const char *rj_trends_chart_get_title          (RjTrendsChart chart);
/* Whether the chart has anything to draw, and the sentence it shows when not. */
gboolean    rj_trends_chart_has_data           (RjTrendsChart chart,
                                                const RjTrends *trends);
char       *rj_trends_chart_dup_empty_text     (RjTrendsChart chart,
                                                const RjTrends *trends) G_GNUC_WARN_UNUSED_RESULT;
/* The height the chart reads well at in @width: the list charts grow with their rows. */
double      rj_trends_chart_get_natural_height (RjTrendsChart chart,
                                                const RjTrends *trends,
                                                const RjChartStyle *style,
                                                double width);

/* Draws @chart; the same as calling the chart's own function below. */
void        rj_trends_chart_draw               (RjTrendsChart chart,
                                                cairo_t *cr,
                                                double width,
                                                double height,
                                                const RjTrends *trends,
                                                const RjChartStyle *style);

void        rj_trends_chart_draw_cravings      (cairo_t *cr,
                                                double width,
                                                double height,
                                                const RjTrends *trends,
                                                const RjChartStyle *style);
void        rj_trends_chart_draw_mood          (cairo_t *cr,
                                                double width,
                                                double height,
                                                const RjTrends *trends,
                                                const RjChartStyle *style);
void        rj_trends_chart_draw_sober_days    (cairo_t *cr,
                                                double width,
                                                double height,
                                                const RjTrends *trends,
                                                const RjChartStyle *style);
void        rj_trends_chart_draw_weekly_check (cairo_t *cr,
                                                double width,
                                                double height,
                                                const RjTrends *trends,
                                                const RjChartStyle *style);
void        rj_trends_chart_draw_triggers      (cairo_t *cr,
                                                double width,
                                                double height,
                                                const RjTrends *trends,
                                                const RjChartStyle *style);
void        rj_trends_chart_draw_skills        (cairo_t *cr,
                                                double width,
                                                double height,
                                                const RjTrends *trends,
                                                const RjChartStyle *style);

G_END_DECLS
