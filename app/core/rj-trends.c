/* rj-trends.c: what the months show, as numbers for the Trends charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-trends"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rj-trends.h"

G_DEFINE_BOXED_TYPE (RjTrends, rj_trends, rj_trends_ref, rj_trends_unref)

/* SKELETON: the first commit only declares the API; the computation follows. */

static RjTrends *
trends_new (RjTrendsPeriod period, const GDate *first, const GDate *last)
{
  RjTrends *self = g_new0 (RjTrends, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->period = period;
  self->first = *first;
  self->last = *last;
  self->peak_intensity = RJ_NOT_LOGGED;
  self->mood = RJ_NOT_LOGGED;
  self->distress = RJ_NOT_LOGGED;
  self->days = g_array_new (FALSE, TRUE, sizeof (RjTrendsDay));
  self->weeks = g_array_new (FALSE, TRUE, sizeof (RjTrendsWeek));
  self->triggers = g_ptr_array_new ();
  self->skills = g_ptr_array_new ();
  return self;
}

RjTrends *
rj_trends_ref (RjTrends *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rj_trends_unref (RjTrends *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->days);
  g_array_unref (self->weeks);
  g_ptr_array_unref (self->triggers);
  g_ptr_array_unref (self->skills);
  g_free (self);
}

void
rj_trends_period_range (RjTrendsPeriod period, const GDate *today, const GDate *earliest,
                        GDate *first, GDate *last)
{
  *first = *today;
  *last = *today;
}

RjTrends *
rj_trends_compute (RjStore *store, const RjProfile *profile, RjTrendsPeriod period,
                   const GDate *today)
{
  return trends_new (period, today, today);
}

RjTrends *
rj_trends_compute_range (RjStore *store, const RjProfile *profile, const GDate *first,
                         const GDate *last)
{
  return trends_new (RJ_TRENDS_PERIOD_CUSTOM, first, last);
}

RjTrends *
rj_trends_compute_for_entries (GPtrArray *entries, const RjProfile *profile,
                               RjTrendsPeriod period, const GDate *first, const GDate *last)
{
  return trends_new (period, first, last);
}

char *
rj_trends_dup_period_label (const RjTrends *self)
{
  return g_strdup ("");
}

char *
rj_trends_dup_period_phrase (const RjTrends *self)
{
  return g_strdup ("");
}

char *
rj_trends_skill_describe (const RjTrendsSkill *skill)
{
  return g_strdup (skill->label);
}
