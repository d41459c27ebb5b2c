/* rj-summary-page.c: the one printed page of the session summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is laid out top to bottom with measured Pango layouts. The header, the
 * status, the day grid and the counsellor's footer always show; the lists in between
 * (homework, the weekly check, cravings, triggers, skills, lapses, topics, wins) get
 * what is left. When they do
 * not fit, the limits below shrink step by step (fewer lines per text, then fewer
 * rows with "+N more") and the page is laid out again, so it never needs a second
 * page. The middle is also clipped, as a last guard.
 */

#define G_LOG_DOMAIN "rj-summary-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rj-page.h"
#include "rj-summary-page.h"

#define SMALL RJ_PAGE_SMALL
#define BODY RJ_PAGE_BODY
#define HEADING RJ_PAGE_HEADING
#define GAP RJ_PAGE_GAP
#define GRID_LABEL_WIDTH 104.0
#define GRID_ROW 11.5
#define CHART_ROW 22.0
#define NOTE_LINES 3
#define MAX_EXTRA_NOTE_LINES 5
#define RULE_SPACING 17.0

/* How much of each list the page shows; shrink_limits() lowers them in turn. */
typedef struct {
  guint max_cravings;
  int craving_lines;
  guint max_counts;          /* triggers and skills */
  guint max_notes;           /* lapses, topics, wins: each */
  int note_lines;
  guint max_homework;        /* tasks from the last session */
} Limits;

typedef struct {
  cairo_t *cr;
  PangoContext *context;
  gboolean drawing;          /* FALSE: measure only */
  const RjSummary *summary;
  const RjProfile *profile;
  GDateTime *generated;
  double left;
  double width;
  double top;
  double bottom;
} Page;

/* rj_page_show_text() on this page: measured only while the page is measuring. */
static double
show_text (Page           *page,
           double          x,
           double          y,
           double          width,
           const char     *text,
           double          size,
           PangoWeight     weight,
           gboolean        markup,
           int             max_lines,
           PangoAlignment  alignment)
{
  return rj_page_show_text (page->drawing ? page->cr : NULL, page->context, x, y, width, text,
                            size, weight, markup, max_lines, alignment);
}

static double
show_line (Page       *page,
           double      x,
           double      y,
           double      width,
           const char *text,
           double      size,
           PangoWeight weight)
{
  return show_text (page, x, y, width, text, size, weight, FALSE, 1, PANGO_ALIGN_LEFT);
}

static void
fill_rect (Page  *page,
           double x,
           double y,
           double width,
           double height,
           double grey)
{
  if (!page->drawing)
    return;
  cairo_save (page->cr);
  cairo_set_source_rgb (page->cr, grey, grey, grey);
  cairo_rectangle (page->cr, x, y, width, height);
  cairo_fill (page->cr);
  cairo_restore (page->cr);
}

static void
hline (Page  *page,
       double x,
       double y,
       double width,
       double line_width)
{
  rj_page_hline (page->drawing ? page->cr : NULL, x, y, width, line_width);
}


static char *
format_short_date (const GDate *date)
{
  /* TRANSLATORS: a short date on the printed page, as in "Mon 3 Mar"; see
   * g_date_time_format(). %a is the weekday's short name, %-d the day of the month, %b
   * the month's short name. */
  return rj_page_format_date (date, _("%a %-d %b"));
}

static char *
format_long_date (const GDate *date)
{
  /* TRANSLATORS: a date on the printed page, as in "3 March 2025"; see
   * g_date_time_format(). %-d is the day of the month, %B the month's name, %Y the
   * year; as in "%-d de %B de %Y". */
  return rj_page_format_date (date, _("%-d %B %Y"));
}


static char *
format_number (int value)
{
  return value == RJ_NOT_LOGGED ? g_strdup ("–") : g_strdup_printf ("%d", value);
}

static char *
format_halt (guint8 halt_yes)
{
  GString *out = g_string_new (NULL);

  /* Translators: the initials of Hungry, Angry, Lonely, Tired, as on the check-in. */
  if (halt_yes & RJ_HALT_HUNGRY)
    g_string_append (out, C_("halt", "H "));
  if (halt_yes & RJ_HALT_ANGRY)
    g_string_append (out, C_("halt", "A "));
  if (halt_yes & RJ_HALT_LONELY)
    g_string_append (out, C_("halt", "L "));
  if (halt_yes & RJ_HALT_TIRED)
    g_string_append (out, C_("halt", "T "));
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static const char *
helped_label (RjHelped helped)
{
  switch (helped)
    {
    case RJ_HELPED_YES:
      return _("helped");
    case RJ_HELPED_PARTLY:
      return _("partly");
    case RJ_HELPED_NO:
      return _("did not help");
    case RJ_HELPED_NOT_LOGGED:
    default:
      return NULL;
    }
}

/* "Recovery check-in", the client, the period, how much was logged, and what the page
 * is (and is not). */
static double
draw_header (Page  *page,
             double y)
{
  const RjSummary *s = page->summary;
  g_autofree char *first = format_short_date (&s->first);
  g_autofree char *last = format_long_date (&s->last);
  g_autofree char *period = NULL;
  const char *name = s->client_name ? s->client_name
                     : page->profile ? page->profile->client_name : NULL;

  if (s->since_last_session && g_date_valid (&s->last_session))
    {
      g_autofree char *session = format_short_date (&s->last_session);
      /* Translators: the period, e.g. "Mon 3 Mar – 9 March 2025 (since the session on
       * Sun 2 Mar)". */
      period = g_strdup_printf (_("%s – %s (since the session on %s)"), first, last, session);
    }
  else
    period = g_strdup_printf (C_("period", "%s – %s"), first, last);

  return rj_page_draw_header (page->drawing ? page->cr : NULL, page->context, page->left, y,
                              page->width, _("Recovery check-in"), name, period,
                              s->n_days_logged, s->n_days, page->generated);
}

/* One cell of the status row: a small label over a bold value. A label may take two
 * lines (Spanish labels are longer); @label_h, the tallest label of the row, keeps the
 * values on one line across the cells. */
static double
status_label_height (Page       *page,
                     double      width,
                     const char *label)
{
  return rj_page_show_text (NULL, page->context, 0, 0, width - 6, label, SMALL,
                            PANGO_WEIGHT_NORMAL, FALSE, 2, PANGO_ALIGN_LEFT);
}

static double
status_cell (Page       *page,
             double      x,
             double      y,
             double      width,
             double      label_h,
             const char *label,
             const char *value,
             const char *more)
{
  double h;

  show_text (page, x, y, width - 6, label, SMALL, PANGO_WEIGHT_NORMAL, FALSE, 2,
             PANGO_ALIGN_LEFT);
  h = label_h;
  h += show_text (page, x, y + h, width - 6, value, HEADING + 1, PANGO_WEIGHT_BOLD, FALSE, 2,
                  PANGO_ALIGN_LEFT);
  if (more != NULL)
    h += show_text (page, x, y + h, width - 6, more, SMALL, PANGO_WEIGHT_NORMAL, FALSE, 2,
                    PANGO_ALIGN_LEFT);
  return h;
}

static double
draw_status (Page  *page,
             double y)
{
  const RjSummary *s = page->summary;
  double cell = page->width / 6;
  double h = 0;
  g_autofree char *use = NULL;
  g_autofree char *since = NULL;
  g_autofree char *sober = NULL;
  g_autofree char *sober_total = NULL;
  g_autofree char *medication = NULL;
  g_autofree char *meetings = format_number (s->meetings);
  g_autofree char *calls = format_number (s->support_calls);

  if (s->n_use_days == 0)
    use = g_strdup (C_("use", "None"));
  else
    use = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Yes, %u day", "Yes, %u days",
                                        s->n_use_days), s->n_use_days);

  since = s->days_since_last_use < 0 ? g_strdup ("–")
          : g_strdup_printf ("%d", s->days_since_last_use);

  /* Translators: sober days among the period's logged days, e.g. "5 of 6". */
  sober = g_strdup_printf (_("%u of %u"), s->sober_days_in_period, s->n_days_logged);
  if (s->sober_days_total >= 0)
    sober_total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d sober day in all",
                                                "%d sober days in all", s->sober_days_total),
                                   s->sober_days_total);

  if (s->medication_logged == 0)
    medication = g_strdup ("–");
  else
    medication = g_strdup_printf (_("%u of %u"), s->medication_yes, s->medication_logged);

  {
    const char *labels[] = {
      _("Use in this period"), _("Days since last use"), _("Sober days (logged)"),
      _("Medication days"), _("Meetings"), _("Support calls"),
    };
    const char *values[] = { use, since, sober, medication, meetings, calls };
    double label_h = 0;

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      label_h = MAX (label_h, status_label_height (page, cell, labels[i]));
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      h = MAX (h, status_cell (page, page->left + i * cell, y, cell, label_h, labels[i],
                               values[i], i == 2 ? sober_total : NULL));
  }

  return y + h + GAP;
}

static char *
grid_value (const RjSummaryColumn *column,
            guint                  row)
{
  gboolean logged = column->n_days_logged > 0;

  switch (row)
    {
    case 0:
      return format_number (column->mood);
    case 1:
      return format_number (column->distress);
    case 2:
      if (column->sleep_minutes == RJ_NOT_LOGGED)
        return g_strdup ("–");
      /* Translators: hours of sleep, e.g. "7.5 h". */
      return g_strdup_printf (_("%.1f h"), column->sleep_minutes / 60.0);
    case 3:
      return format_number (column->n_cravings);
    case 4:
      return format_number (column->peak_intensity);
    case 5:
      return format_number (column->craving_minutes);
    case 6:
      if (!logged)
        return g_strdup ("–");
      return column->halt_yes ? format_halt (column->halt_yes) : g_strdup (C_("halt", "none"));
    case 7:
      if (column->used == RJ_ANSWER_YES)
        return g_strdup (C_("used", "YES"));
      if (column->used == RJ_ANSWER_NO)
        return g_strdup (C_("used", "no"));
      return g_strdup ("–");
    default:
      g_assert_not_reached ();
    }
}

/* A row of grey bars, 0–10, one per column; "–" where the column has no value. */
static void
draw_chart_row (Page                  *page,
                double                 x,
                double                 y,
                double                 column_width,
                const RjSummary       *s,
                gboolean               peak,
                double                 grey)
{
  for (guint i = 0; i < s->columns->len; i++)
    {
      const RjSummaryColumn *c = &g_array_index (s->columns, RjSummaryColumn, i);
      int value = peak ? c->peak_intensity : c->mood;
      double cx = x + i * column_width;
      double bar_width = MIN (column_width * 0.5, 28);
      double full = CHART_ROW - 4;

      if (value == RJ_NOT_LOGGED)
        {
          show_text (page, cx, y + CHART_ROW / 2 - 6, column_width, "–", BODY,
                     PANGO_WEIGHT_NORMAL, FALSE, 1, PANGO_ALIGN_CENTER);
          continue;
        }
      value = CLAMP (value, 0, 10);
      {
        double h = MAX (full * value / 10.0, 0.75);
        double bx = cx + (column_width - bar_width) / 2;

        fill_rect (page, bx, y + 2 + full - h, bar_width, h, grey);
        if (page->drawing)
          {
            cairo_save (page->cr);
            cairo_set_line_width (page->cr, 0.5);
            cairo_rectangle (page->cr, bx, y + 2 + full - h, bar_width, h);
            cairo_stroke (page->cr);
            cairo_restore (page->cr);
          }
      }
    }
}

static double
draw_grid (Page  *page,
           double y)
{
  const RjSummary *s = page->summary;
  const char *labels[] = {
    _("Mood (0–10)"), _("Distress (0–10)"), _("Sleep"), _("Cravings"),
    _("Peak craving (0–10)"), _("Craving minutes"), _("HALT (yes)"), _("Used"),
  };
  guint n = s->columns ? s->columns->len : 0;
  double column_width;
  double x = page->left + GRID_LABEL_WIDTH;
  g_autofree char *heading = NULL;
  int column_days = 1;

  if (n > 0)
    {
      const RjSummaryColumn *c = &g_array_index (s->columns, RjSummaryColumn, 0);
      column_days = g_date_days_between (&c->first, &c->last) + 1;
    }

  if (!s->columns_are_weeks)
    heading = g_strdup (_("Day by day"));
  else if (column_days == 7)
    heading = g_strdup (_("Week by week"));
  else
    heading = g_strdup_printf (_("In blocks of %d days"), column_days);
  y += show_line (page, page->left, y, page->width, heading, HEADING, PANGO_WEIGHT_BOLD) + 2;
  if (n == 0)
    return y + show_line (page, page->left, y, page->width, _("No days in this period."),
                          BODY, PANGO_WEIGHT_NORMAL) + GAP;

  column_width = (page->width - GRID_LABEL_WIDTH) / n;

  /* Every other column in light grey, so that a column reads top to bottom. */
  for (guint i = 1; i < n; i += 2)
    fill_rect (page, x + i * column_width, y, column_width,
               GRID_ROW * 9 + 2 * CHART_ROW + 4, 0.92);

  for (guint i = 0; i < n; i++)
    {
      const RjSummaryColumn *c = &g_array_index (s->columns, RjSummaryColumn, i);
      g_autofree char *label = NULL;

      if (g_date_compare (&c->first, &c->last) == 0)
        label = format_short_date (&c->first);
      else
        {
          /* TRANSLATORS: the first and last day of a few days on the printed page, as
           * in "3 Mar"; %-d is the day of the month, %b the month's short name. */
          g_autofree char *a = rj_page_format_date (&c->first, _("%-d %b"));
          g_autofree char *b = rj_page_format_date (&c->last, _("%-d %b"));
          label = g_strdup_printf (C_("period", "%s – %s"), a, b);
        }
      show_text (page, x + i * column_width + 1, y + 1, column_width - 2, label, SMALL,
                 PANGO_WEIGHT_BOLD, FALSE, 1, PANGO_ALIGN_CENTER);
    }
  y += GRID_ROW;
  hline (page, page->left, y, page->width, 0.75);

  for (guint row = 0; row < G_N_ELEMENTS (labels); row++)
    {
      show_line (page, page->left, y + 1.5, GRID_LABEL_WIDTH - 4, labels[row], BODY,
                 row == 4 || row == 7 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      for (guint i = 0; i < n; i++)
        {
          const RjSummaryColumn *c = &g_array_index (s->columns, RjSummaryColumn, i);
          g_autofree char *value = grid_value (c, row);
          gboolean strong = (row == 7 && c->used == RJ_ANSWER_YES) || row == 4;

          show_text (page, x + i * column_width + 1, y + 1.5, column_width - 2, value, BODY,
                     strong ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, FALSE, 1,
                     PANGO_ALIGN_CENTER);
        }
      y += GRID_ROW;
      hline (page, page->left, y, page->width, 0.25);
    }

  /* The two numbers a reader most wants to see move: as bars. */
  y += 2;
  show_text (page, page->left, y + 2, GRID_LABEL_WIDTH - 4, _("Peak craving\n(dark bars)"),
             SMALL, PANGO_WEIGHT_NORMAL, FALSE, 2, PANGO_ALIGN_LEFT);
  draw_chart_row (page, x, y, column_width, s, TRUE, 0.3);
  y += CHART_ROW;
  show_text (page, page->left, y + 2, GRID_LABEL_WIDTH - 4, _("Mood\n(light bars)"),
             SMALL, PANGO_WEIGHT_NORMAL, FALSE, 2, PANGO_ALIGN_LEFT);
  draw_chart_row (page, x, y, column_width, s, FALSE, 0.8);
  y += CHART_ROW;
  hline (page, page->left, y, page->width, 0.75);
  y += 2;

  if (s->columns_are_weeks)
    {
      int days = column_days;
      g_autofree char *note = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       "Each column is %d day. Mood, distress and sleep are averages; cravings "
                       "and minutes are totals; peak is the highest; “–”: nothing logged.",
                       "Each column is %d days. Mood, distress and sleep are averages; cravings "
                       "and minutes are totals; peak is the highest; “–”: nothing logged.",
                       days),
          days);
      y += show_text (page, page->left, y, page->width, note, SMALL, PANGO_WEIGHT_NORMAL,
                      FALSE, 2, PANGO_ALIGN_LEFT);
    }
  else
    y += show_line (page, page->left, y, page->width, _("“–”: nothing logged that day."),
                    SMALL, PANGO_WEIGHT_NORMAL);

  return y + GAP;
}

static double
draw_heading (Page       *page,
              double      x,
              double      y,
              double      width,
              const char *text)
{
  double h = show_line (page, x, y, width, text, HEADING, PANGO_WEIGHT_BOLD);

  hline (page, x, y + h + 0.5, width, 0.5);
  return h + 2.5;
}

static double
draw_more (Page  *page,
           double x,
           double y,
           double width,
           guint  n_more)
{
  g_autofree char *more = NULL;

  if (n_more == 0)
    return 0;
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more in the app",
                                       "+%u more in the app", n_more), n_more);
  return show_text (page, x, y, width, more, SMALL, PANGO_WEIGHT_NORMAL, FALSE, 1,
                    PANGO_ALIGN_LEFT);
}

static char *
craving_head (const RjSummaryCraving *c,
              double                  width)
{
  g_autofree char *trigger_words = rj_page_shorten (c->trigger_words, width, 2);
  g_autofree char *date = format_short_date (&c->date);
  GString *out = g_string_new (NULL);
  g_autofree char *when = NULL;

  if (c->time_minutes != RJ_NOT_LOGGED)
    {
      g_autofree char *clock = rj_page_format_time (c->time_minutes);

      when = g_strdup_printf ("%s %s", date, clock);
    }
  else
    when = g_strdup (date);

  {
    g_autofree char *escaped = g_markup_escape_text (when, -1);
    g_string_append_printf (out, "<b>%s", escaped);
  }
  if (c->intensity != RJ_NOT_LOGGED)
    g_string_append_printf (out, " · %d/10", c->intensity);
  if (c->duration_minutes != RJ_NOT_LOGGED)
    {
      /* Translators: a craving's length, e.g. "20 min". */
      g_autofree char *minutes = g_strdup_printf (_("%d min"), c->duration_minutes);
      g_string_append_printf (out, " · %s", minutes);
    }
  g_string_append (out, "</b>");

  if (c->trigger_label != NULL || c->trigger_words != NULL)
    {
      g_autofree char *trigger = NULL;

      if (c->trigger_label != NULL && trigger_words != NULL)
        trigger = g_markup_printf_escaped (" · %s: “%s”", c->trigger_label, trigger_words);
      else
        trigger = g_markup_printf_escaped (" · %s",
                                           c->trigger_label ? c->trigger_label
                                                            : trigger_words);
      g_string_append (out, trigger);
    }

  return g_string_free (out, FALSE);
}

static char *
craving_detail (const RjSummaryCraving *c)
{
  GString *out = g_string_new (NULL);

  if (c->halt_yes)
    {
      g_autofree char *halt = format_halt (c->halt_yes);
      g_string_append_printf (out, _("HALT: %s"), halt);
    }
  if (c->skills != NULL && c->skills->len > 0)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, _("Skills: "));
      for (guint i = 0; i < c->skills->len; i++)
        {
          const RjSummarySkillUse *use = &g_array_index (c->skills, RjSummarySkillUse, i);
          const char *helped = helped_label (use->helped);

          if (i > 0)
            g_string_append (out, ", ");
          g_string_append (out, use->label ? use->label : "?");
          if (helped != NULL)
            g_string_append_printf (out, " (%s)", helped);
        }
    }
  if (c->outcome != RJ_OUTCOME_NOT_LOGGED)
    {
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, c->outcome == RJ_OUTCOME_USED ? _("Outcome: used")
                                                         : _("Outcome: rode it out"));
    }

  return g_string_free (out, FALSE);
}

static double
draw_cravings (Page         *page,
               double        x,
               double        y,
               double        width,
               const Limits *limits)
{
  const RjSummary *s = page->summary;
  guint n = s->top_cravings ? s->top_cravings->len : 0;
  guint shown = MIN (n, limits->max_cravings);
  double top = y;
  g_autofree char *heading = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Strongest cravings (%u in all)",
                   "Strongest cravings (%u in all)", s->n_cravings), s->n_cravings);

  y += draw_heading (page, x, y, width, heading);
  if (n == 0)
    return y - top + show_line (page, x, y, width, _("No cravings logged."), BODY,
                                PANGO_WEIGHT_NORMAL);

  for (guint i = 0; i < shown; i++)
    {
      const RjSummaryCraving *c = g_ptr_array_index (s->top_cravings, i);
      g_autofree char *head = craving_head (c, width);
      g_autofree char *detail = craving_detail (c);

      /* The trigger's words are what a counsellor asks about: two lines when there
       * is room. */
      y += show_text (page, x, y, width, head, BODY, PANGO_WEIGHT_NORMAL, TRUE,
                      limits->craving_lines > 2 ? 2 : 1, PANGO_ALIGN_LEFT);
      if (limits->craving_lines > 1 && *detail != '\0')
        y += show_text (page, x + 8, y, width - 8, detail, SMALL, PANGO_WEIGHT_NORMAL, FALSE,
                        limits->craving_lines - 1, PANGO_ALIGN_LEFT);
      y += 2;
    }
  y += draw_more (page, x, y, width, n - shown + s->n_more_cravings);

  return y - top;
}

/* Label on the left, numbers on the right, one line per row. */
static double
draw_count_row (Page       *page,
                double      x,
                double      y,
                double      width,
                const char *label,
                const char *numbers,
                double      numbers_width)
{
  double h = show_line (page, x, y, width - numbers_width - 4, label, BODY,
                        PANGO_WEIGHT_NORMAL);
  show_text (page, x + width - numbers_width, y, numbers_width, numbers, BODY,
             PANGO_WEIGHT_NORMAL, FALSE, 1, PANGO_ALIGN_RIGHT);
  return h + 0.5;
}

static double
draw_counts (Page         *page,
             double        x,
             double        y,
             double        width,
             const Limits *limits)
{
  const RjSummary *s = page->summary;
  guint n_triggers = s->triggers ? s->triggers->len : 0;
  guint n_skills = s->skills ? s->skills->len : 0;
  guint shown;
  double top = y;

  y += draw_heading (page, x, y, width, _("Triggers"));
  if (n_triggers == 0)
    y += show_line (page, x, y, width, _("None logged."), BODY, PANGO_WEIGHT_NORMAL);
  shown = MIN (n_triggers, limits->max_counts);
  for (guint i = 0; i < shown; i++)
    {
      const RjSummaryTriggerCount *t = g_ptr_array_index (s->triggers, i);
      g_autofree char *count = g_strdup_printf ("×%u", t->count);

      y += draw_count_row (page, x, y, width, t->label ? t->label : "?", count, 30);
    }
  if (n_triggers > shown)
    y += draw_more (page, x, y, width, n_triggers - shown);
  y += GAP - 2;

  y += draw_heading (page, x, y, width, _("Coping skills"));
  if (n_skills == 0)
    y += show_line (page, x, y, width, _("None logged."), BODY, PANGO_WEIGHT_NORMAL);
  else
    y += draw_count_row (page, x, y, width, "", _("used · helped (+partly)"), 110) - 1;
  shown = MIN (n_skills, limits->max_counts);
  for (guint i = 0; i < shown; i++)
    {
      const RjSummarySkillCount *k = g_ptr_array_index (s->skills, i);
      g_autofree char *label = NULL;
      g_autofree char *numbers = NULL;

      if (k->new_since_last_session)
        /* Translators: a coping skill first used since the last session. */
        label = g_strdup_printf (_("%s (new)"), k->label ? k->label : "?");
      else
        label = g_strdup (k->label ? k->label : "?");
      if (k->times_partly > 0)
        /* Translators: times used · times helped (+ times partly helped). */
        numbers = g_strdup_printf (_("%u · %u (+%u)"), k->times_used, k->times_helped,
                                   k->times_partly);
      else
        numbers = g_strdup_printf ("%u · %u", k->times_used, k->times_helped);
      y += draw_count_row (page, x, y, width, label, numbers, 80);
    }
  if (n_skills > shown)
    y += draw_more (page, x, y, width, n_skills - shown);

  return y - top;
}

/* A list of dated texts, each cut to @limits->note_lines lines. */
static double
draw_notes (Page         *page,
            double        x,
            double        y,
            double        width,
            const char   *heading,
            GPtrArray    *notes,
            const Limits *limits)
{
  guint n = notes ? notes->len : 0;
  guint shown = MIN (n, limits->max_notes);
  double top = y;

  y += draw_heading (page, x, y, width, heading);
  if (n == 0)
    return y - top + show_line (page, x, y, width, _("Nothing written."), BODY,
                                PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < shown; i++)
    {
      const RjSummaryNote *note = g_ptr_array_index (notes, i);
      g_autofree char *date = format_short_date (&note->date);
      g_autofree char *short_text = rj_page_shorten (note->text ? note->text : "", width,
                                             limits->note_lines);
      g_autofree char *text = g_markup_printf_escaped ("<b>%s</b>  %s", date, short_text);

      y += show_text (page, x, y, width, text, BODY, PANGO_WEIGHT_NORMAL, TRUE,
                      limits->note_lines, PANGO_ALIGN_LEFT) + 1.5;
    }
  y += draw_more (page, x, y, width, n - shown);

  return y - top;
}

static void
append_lapse_words (GString      *text,
                    const char   *label,
                    const char   *words,
                    double        width,
                    const Limits *limits)
{
  g_autofree char *shortened = NULL;
  g_autofree char *part = NULL;

  if (words == NULL)
    return;
  shortened = rj_page_shorten (words, width, limits->note_lines);
  part = g_markup_printf_escaped (" · <i>%s</i> %s", label, shortened);
  g_string_append (text, part);
}

/* "Homework from last session": each task with its state and the client's word on it,
 * cut to @limits->max_homework tasks of up to two lines. */
static double
draw_homework (Page         *page,
               double        y,
               const Limits *limits)
{
  const RjSummary *s = page->summary;
  guint n = s->homework != NULL ? s->homework->len : 0;
  guint shown = MIN (n, limits->max_homework);
  int lines = MIN (limits->note_lines, 2);
  double top = y;
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *done = NULL;

  if (!g_date_valid (&s->homework_set_on))
    return 0;

  date = format_short_date (&s->homework_set_on);
  /* Translators: the heading of the homework block; %s is the session's date. */
  heading = g_strdup_printf (_("Homework from last session (%s)"), date);
  y += draw_heading (page, page->left, y, page->width, heading);
  /* Translators: how many of the session's homework tasks are done, e.g. "2 of 5 done". */
  done = g_strdup_printf (_("%u of %u done"), s->n_homework_done, s->n_homework_total);
  y += show_line (page, page->left, y, page->width, done, SMALL, PANGO_WEIGHT_NORMAL);

  for (guint i = 0; i < shown; i++)
    {
      const RjSummaryHomework *homework = g_ptr_array_index (s->homework, i);
      /* With the client's note, task and note get a line each, so the note always shows. */
      g_autofree char *task = rj_page_shorten (homework->task != NULL ? homework->task : "–",
                                               page->width,
                                               homework->how_it_went != NULL ? 1 : lines);
      g_autofree char *markup = NULL;
      const char *state = homework->state == RJ_HOMEWORK_DONE ? _("Done")
                                                              : C_("homework", "Not yet");

      markup = g_markup_printf_escaped ("<b>%s</b>  %s", state, task);
      y += show_text (page, page->left, y, page->width, markup, BODY, PANGO_WEIGHT_NORMAL,
                      TRUE, homework->how_it_went != NULL ? 1 : lines, PANGO_ALIGN_LEFT);
      if (homework->how_it_went != NULL)
        {
          g_autofree char *how = rj_page_shorten (homework->how_it_went, page->width, 1);
          g_autofree char *line = g_markup_printf_escaped ("<i>%s</i> %s", _("How it went:"),
                                                           how);

          y += show_text (page, page->left + 12, y, page->width - 12, line, BODY,
                          PANGO_WEIGHT_NORMAL, TRUE, 1, PANGO_ALIGN_LEFT);
        }
      y += 1.5;
    }
  y += draw_more (page, page->left, y, page->width, n - shown);
  if (s->n_homework_private > 0)
    {
      g_autofree char *kept = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u private task not shown",
                       "%u private tasks not shown", s->n_homework_private),
          s->n_homework_private);
      y += show_line (page, page->left, y, page->width, kept, SMALL, PANGO_WEIGHT_NORMAL);
    }

  return y - top + GAP;
}

static char *
format_weekly (const RjSummaryWeekly *weekly)
{
  g_autofree char *date = format_short_date (&weekly->date);

  if (weekly->n_answered == RJ_WEEKLY_N_QUESTIONS)
    /* Translators: a weekly check's total and its day, e.g. "14 on Mon 3 Mar". */
    return g_strdup_printf (_("%d on %s"), weekly->total, date);
  /* Translators: a weekly check's total when not every question was answered, e.g.
   * "11 on Mon 3 Mar (4 of 5 questions answered)". */
  return g_strdup_printf (_("%d on %s (%u of %u questions answered)"), weekly->total, date,
                          weekly->n_answered, (guint) RJ_WEEKLY_N_QUESTIONS);
}

/* The weekly craving check: the latest total and the week before's, and what the
 * numbers are. No cut-off and no verdict: it is the client's own self-check. */
static double
draw_weekly (Page  *page,
             double y)
{
  const RjSummary *s = page->summary;
  g_autofree char *latest = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *markup = NULL;
  double h;

  if (!g_date_valid (&s->weekly_latest.date))
    return 0;

  latest = format_weekly (&s->weekly_latest);
  previous = g_date_valid (&s->weekly_previous.date) ? format_weekly (&s->weekly_previous)
                                                     : g_strdup ("–");
  markup = g_markup_printf_escaped ("<b>%s</b>  %s · <i>%s</i> %s\n%s",
                                    _("Weekly craving check:"), latest,
                                    _("The week before:"), previous,
                                    _("Five questions about the past week, 0–6 each, "
                                      "added up (0–30). A self-check, not a diagnosis."));
  h = show_text (page, page->left, y, page->width, markup, BODY, PANGO_WEIGHT_NORMAL, TRUE, 3,
                 PANGO_ALIGN_LEFT);
  return h + GAP;
}

static double
draw_lapses (Page         *page,
             double        y,
             const Limits *limits)
{
  const RjSummary *s = page->summary;
  guint n = s->lapses ? s->lapses->len : 0;
  guint shown = MIN (n, limits->max_notes);
  double top = y;

  if (n == 0)
    return 0;

  y += draw_heading (page, page->left, y, page->width, _("Looking back at the use"));
  for (guint i = 0; i < shown; i++)
    {
      const RjSummaryLapse *lapse = g_ptr_array_index (s->lapses, i);
      g_autofree char *date = format_short_date (&lapse->date);
      GString *text = g_string_new (NULL);
      g_autofree char *markup = NULL;
      g_autofree char *head = g_markup_printf_escaped ("<b>%s</b>", date);

      g_string_append (text, head);
      if (lapse->substance_label != NULL)
        {
          g_autofree char *part = g_markup_printf_escaped (" · %s", lapse->substance_label);
          g_string_append (text, part);
        }
      if (lapse->amount != NULL)
        {
          g_autofree char *amount = rj_page_shorten (lapse->amount, page->width, 1);
          g_autofree char *part = g_markup_printf_escaped (", %s", amount);
          g_string_append (text, part);
        }
      if (lapse->what_happened != NULL)
        {
          g_autofree char *what = rj_page_shorten (lapse->what_happened, page->width,
                                           limits->note_lines);
          g_autofree char *part = g_markup_printf_escaped (" · <i>%s</i> %s",
                                                           _("What happened:"), what);
          g_string_append (text, part);
        }
      if (lapse->next_time != NULL)
        {
          g_autofree char *next = rj_page_shorten (lapse->next_time, page->width, limits->note_lines);
          g_autofree char *part = g_markup_printf_escaped (" · <i>%s</i> %s",
                                                           _("Next time:"), next);
          g_string_append (text, part);
        }
      /* The lapse review, in the client's words. */
      if (lapse->stress != RJ_NOT_LOGGED)
        {
          g_autofree char *part = g_markup_printf_escaped (" · <i>%s</i> %d/10", _("Stress:"),
                                                           lapse->stress);
          g_string_append (text, part);
        }
      append_lapse_words (text, _("What made me vulnerable:"), lapse->vulnerable, page->width,
                          limits);
      append_lapse_words (text, _("What set it off:"), lapse->set_off, page->width, limits);
      append_lapse_words (text, _("Thoughts and feelings:"), lapse->thoughts, page->width,
                          limits);
      markup = g_string_free (text, FALSE);
      y += show_text (page, page->left, y, page->width, markup, BODY, PANGO_WEIGHT_NORMAL,
                      TRUE, limits->note_lines, PANGO_ALIGN_LEFT) + 1.5;
    }
  y += draw_more (page, page->left, y, page->width, n - shown);

  return y - top + GAP;
}

/* Everything between the grid and the footer; returns the height it takes. */
static double
draw_middle (Page         *page,
             double        y,
             const Limits *limits)
{
  const RjSummary *s = page->summary;
  double top = y;
  double left_width = page->width * 0.6 - GAP / 2;
  double right_x = page->left + page->width * 0.6 + GAP / 2;
  double right_width = page->width * 0.4 - GAP / 2;
  double a, b;

  y += draw_homework (page, y, limits);
  y += draw_weekly (page, y);
  y += draw_lapses (page, y, limits);

  a = draw_cravings (page, page->left, y, left_width, limits);
  b = draw_counts (page, right_x, y, right_width, limits);
  y += MAX (a, b) + GAP;

  a = draw_notes (page, page->left, y, left_width, _("I want to talk about"), s->topics,
                  limits);
  b = draw_notes (page, right_x, y, right_width, _("Wins"), s->wins, limits);
  y += MAX (a, b);

  if (s->n_private_left_out > 0)
    {
      g_autofree char *text = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u private item left out",
                       "%u private items left out", s->n_private_left_out),
          s->n_private_left_out);
      y += 2 + show_line (page, page->left, y + 2, page->width, text, SMALL,
                          PANGO_WEIGHT_NORMAL);
    }

  return y - top;
}

/* @n_lines ruled lines for the counsellor, the client's people, and the crisis lines.
 * Drawn upwards from @bottom; returns its top. The crisis lines wrap rather than being
 * cut: they are the one text on the page that must always be whole. */
static double
draw_footer (Page  *page,
             double bottom,
             guint  n_lines)
{
  const RjProfile *profile = page->profile;
  g_autoptr(GString) contacts = g_string_new (NULL);
  g_autofree char *contacts_line = NULL;
  const char *crisis = _("In a crisis: call or text 988 (Suicide & Crisis Lifeline) · "
                         "SAMHSA National Helpline 1-800-662-4357 (free, 24/7)");
  gboolean drawing = page->drawing;
  double contacts_height;
  double crisis_height;
  double y;
  double top;

  if (profile != NULL && profile->contacts != NULL)
    for (guint i = 0; i < profile->contacts->len; i++)
      {
        const RjContact *contact = g_ptr_array_index (profile->contacts, i);

        if (contact->name == NULL || *contact->name == '\0')
          continue;
        if (contacts->len > 0)
          g_string_append (contacts, ", ");
        g_string_append (contacts, contact->name);
      }
  contacts_line = g_markup_printf_escaped ("<b>%s</b> %s", _("Support people:"),
                                           contacts->len > 0 ? contacts->str : "–");

  /* Measure first: the texts sit at the bottom, however many lines they take. */
  page->drawing = FALSE;
  contacts_height = show_text (page, page->left, 0, page->width, contacts_line, BODY,
                               PANGO_WEIGHT_NORMAL, TRUE, 2, PANGO_ALIGN_LEFT);
  crisis_height = show_text (page, page->left, 0, page->width, crisis, BODY,
                             PANGO_WEIGHT_BOLD, FALSE, 0, PANGO_ALIGN_LEFT);
  page->drawing = drawing;

  y = bottom - crisis_height - contacts_height - 1;
  show_text (page, page->left, y, page->width, contacts_line, BODY, PANGO_WEIGHT_NORMAL,
             TRUE, 2, PANGO_ALIGN_LEFT);
  show_text (page, page->left, y + contacts_height + 1, page->width, crisis, BODY,
             PANGO_WEIGHT_BOLD, FALSE, 0, PANGO_ALIGN_LEFT);

  y -= 4 + n_lines * RULE_SPACING + HEADING * 1.3;
  top = y;
  y += draw_heading (page, page->left, y, page->width, _("Counsellor's notes"));
  for (guint i = 0; i < n_lines; i++)
    {
      y += RULE_SPACING;
      hline (page, page->left, y, page->width, 0.5);
    }

  return top;
}

/* Lowers one limit; returns FALSE when there is nothing left to lower. */
static gboolean
shrink_limits (Limits *limits)
{
  if (limits->note_lines > 2)
    limits->note_lines--;
  else if (limits->max_notes > 3)
    limits->max_notes--;
  else if (limits->max_homework > 6)
    limits->max_homework--;
  else if (limits->max_counts > 6)
    limits->max_counts--;   /* the sixth trigger matters less than a craving's words */
  else if (limits->craving_lines > 2)
    limits->craving_lines--;
  else if (limits->max_counts > 5)
    limits->max_counts--;
  else if (limits->max_cravings > 3)
    limits->max_cravings--;
  else if (limits->note_lines > 1)
    limits->note_lines--;
  else if (limits->max_notes > 1)
    limits->max_notes--;
  else if (limits->max_homework > 2)
    limits->max_homework--;
  else if (limits->max_counts > 2)
    limits->max_counts--;
  else if (limits->craving_lines > 1)
    limits->craving_lines--;
  else if (limits->max_cravings > 1)
    limits->max_cravings--;
  else
    return FALSE;
  return TRUE;
}

/**
 * rj_summary_page_draw:
 * @cr: where to draw, in points, with the page's top left corner at the origin
 * @width: the page's width in points
 * @height: the page's height in points
 * @summary: what to show
 * @profile: (nullable): the client's profile, for the support contacts
 * @generated: the time shown as "generated"
 *
 * Draws the session summary on one page of @width × @height, black on white. Lists
 * that do not fit are cut by rule, never continued on another page.
 */
void
rj_summary_page_draw (cairo_t         *cr,
                      double           width,
                      double           height,
                      const RjSummary *summary,
                      const RjProfile *profile,
                      GDateTime       *generated)
{
  Page page = { 0 };
  Limits limits = { RJ_SUMMARY_TOP_CRAVINGS, 3, 12, 5, 4, 10 };
  double margin;
  double middle_top;
  double middle_bottom;
  double used;
  guint extra_lines;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (summary != NULL);
  g_return_if_fail (generated != NULL);

  margin = rj_page_begin (cr, width, height);

  /* Font sizes are in points and so is the page: one unit, whatever the output. */
  page.context = rj_page_create_context (cr);

  page.cr = cr;
  page.summary = summary;
  page.profile = profile;
  page.generated = generated;
  page.left = margin;
  page.width = width - 2 * margin;
  page.top = margin;
  page.bottom = height - margin;

  page.drawing = TRUE;
  middle_top = draw_header (&page, page.top);
  middle_top = draw_status (&page, middle_top);
  middle_top = draw_grid (&page, middle_top);

  /* Measure the middle, shrinking what it shows until it fits; the counsellor gets what
   * is left over as more lines to write on. */
  page.drawing = FALSE;
  middle_bottom = draw_footer (&page, page.bottom, NOTE_LINES) - GAP;
  while ((used = draw_middle (&page, middle_top, &limits)) > middle_bottom - middle_top)
    if (!shrink_limits (&limits))
      break;
  extra_lines = (guint) MIN (MAX (middle_bottom - middle_top - used, 0) / RULE_SPACING,
                             MAX_EXTRA_NOTE_LINES);

  page.drawing = TRUE;
  middle_bottom = draw_footer (&page, page.bottom, NOTE_LINES + extra_lines) - GAP;
  cairo_save (cr);
  cairo_rectangle (cr, 0, middle_top - 1, width, MAX (middle_bottom - middle_top + 1, 0));
  cairo_clip (cr);
  draw_middle (&page, middle_top, &limits);
  cairo_restore (cr);

  cairo_restore (cr);
  g_object_unref (page.context);
}

typedef struct {
  const RjSummary *summary;
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

  rj_summary_page_draw (cr, width, height, pdf_page->summary, pdf_page->profile,
                        pdf_page->generated);
}

/**
 * rj_summary_page_write_pdf:
 * @path: the file the client chose
 * @width: the page's width in points
 * @height: the page's height in points
 * @summary: what to show
 * @profile: (nullable): the client's profile
 * @generated: the time shown as "generated"
 * @error: return location for a #GError
 *
 * Writes the page as a one-page PDF straight into @path, readable only by its owner:
 * no temporary file holds the plaintext on the way. This blocks: call it from a
 * thread.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
rj_summary_page_write_pdf (const char      *path,
                           double           width,
                           double           height,
                           const RjSummary *summary,
                           const RjProfile *profile,
                           GDateTime       *generated,
                           GError         **error)
{
  PdfPage pdf_page = { summary, profile, generated };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (generated != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rj_page_write_pdf (path, width, height, _("Recovery check-in"), draw_pdf_page,
                            &pdf_page, error);
}
