/* rj-trends.c: what the months show, as numbers for the Trends charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-trends"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rj-recovery-stats.h"
#include "rj-trends.h"

#define WEEK_DAYS 7

G_DEFINE_BOXED_TYPE (RjTrends, rj_trends, rj_trends_ref, rj_trends_unref)

static void
trigger_free (RjTrendsTrigger *trigger)
{
  g_free (trigger->id);
  g_free (trigger->label);
  g_free (trigger);
}

static void
skill_free (RjTrendsSkill *skill)
{
  g_free (skill->id);
  g_free (skill->label);
  g_free (skill);
}

static guint
day_index (const GDate *date,
           const GDate *first)
{
  return g_date_get_julian (date) - g_date_get_julian (first);
}

/* The weeks are 7-day blocks counted back from @last: the first may be shorter. */
static guint
week_index (const RjTrends *self,
            guint           day)
{
  guint back = self->n_days - 1 - day;

  return self->weeks->len - 1 - back / WEEK_DAYS;
}

static RjTrends *
trends_new (RjTrendsPeriod period,
            const GDate   *first,
            const GDate   *last)
{
  RjTrends *self = g_new0 (RjTrends, 1);
  guint n_weeks;

  g_atomic_ref_count_init (&self->ref_count);
  self->period = period;
  self->first = *first;
  self->last = *last;
  self->n_days = day_index (last, first) + 1;
  self->peak_intensity = RJ_NOT_LOGGED;
  self->mood = RJ_NOT_LOGGED;
  self->distress = RJ_NOT_LOGGED;

  self->days = g_array_sized_new (FALSE, TRUE, sizeof (RjTrendsDay), self->n_days);
  for (guint i = 0; i < self->n_days; i++)
    {
      RjTrendsDay day = {
        .logged = FALSE,
        .mood = RJ_NOT_LOGGED,
        .distress = RJ_NOT_LOGGED,
        .n_cravings = RJ_NOT_LOGGED,
        .peak_intensity = RJ_NOT_LOGGED,
        .used = RJ_ANSWER_NOT_LOGGED,
        .weekly_total = RJ_NOT_LOGGED,
      };

      day.date = *first;
      g_date_add_days (&day.date, i);
      g_array_append_val (self->days, day);
    }

  n_weeks = (self->n_days + WEEK_DAYS - 1) / WEEK_DAYS;
  self->weeks = g_array_sized_new (FALSE, TRUE, sizeof (RjTrendsWeek), n_weeks);
  for (guint i = 0; i < n_weeks; i++)
    {
      RjTrendsWeek week = {
        .n_cravings = RJ_NOT_LOGGED,
        .peak_intensity = RJ_NOT_LOGGED,
        .mood = RJ_NOT_LOGGED,
        .distress = RJ_NOT_LOGGED,
        .weekly_total = RJ_NOT_LOGGED,
      };
      guint from_end = n_weeks - 1 - i;

      week.last = *last;
      g_date_subtract_days (&week.last, from_end * WEEK_DAYS);
      week.first = week.last;
      if (i == 0)
        week.first = *first;
      else
        g_date_subtract_days (&week.first, WEEK_DAYS - 1);
      week.n_days = day_index (&week.last, &week.first) + 1;
      g_array_append_val (self->weeks, week);
    }

  self->triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) trigger_free);
  self->skills = g_ptr_array_new_with_free_func ((GDestroyNotify) skill_free);
  self->weekly_checks = g_array_new (FALSE, TRUE, sizeof (RjTrendsWeeklyCheck));
  return self;
}

typedef struct {
  gint64 mood_sum;
  guint mood_n;
  gint64 distress_sum;
  guint distress_n;
} Sums;

typedef struct {
  RjTrends *trends;
  const RjProfile *profile;
  Sums total;
  Sums *weeks;                /* one per week */
  GHashTable *triggers;       /* id → RjTrendsTrigger*, owned by trends->triggers */
  GHashTable *skills;         /* id → RjTrendsSkill*, owned by trends->skills */
} Compute;

static void
add_sums (Sums *sums,
          const RjEntry *entry)
{
  if (entry->mood != RJ_NOT_LOGGED)
    {
      sums->mood_sum += entry->mood;
      sums->mood_n++;
    }
  if (entry->distress != RJ_NOT_LOGGED)
    {
      sums->distress_sum += entry->distress;
      sums->distress_n++;
    }
}

static double
mean (gint64 sum,
      guint  n)
{
  return n == 0 ? RJ_NOT_LOGGED : (double) sum / n;
}

static void
count_craving (Compute         *compute,
               const RjCraving *craving)
{
  RjTrends *trends = compute->trends;

  if (craving->trigger_id != NULL)
    {
      RjTrendsTrigger *trigger = g_hash_table_lookup (compute->triggers, craving->trigger_id);

      if (trigger == NULL)
        {
          trigger = g_new0 (RjTrendsTrigger, 1);
          trigger->id = g_strdup (craving->trigger_id);
          trigger->label = g_strdup (rj_profile_item_label (compute->profile, RJ_LIST_TRIGGERS,
                                                            craving->trigger_id));
          g_ptr_array_add (trends->triggers, trigger);
          g_hash_table_insert (compute->triggers, trigger->id, trigger);
        }
      trigger->count++;
    }

  for (guint i = 0; i < craving->skills->len; i++)
    {
      const RjSkillUse *use = &g_array_index (craving->skills, RjSkillUse, i);
      RjTrendsSkill *skill;

      if (use->skill_id == NULL)
        continue;
      skill = g_hash_table_lookup (compute->skills, use->skill_id);
      if (skill == NULL)
        {
          skill = g_new0 (RjTrendsSkill, 1);
          skill->id = g_strdup (use->skill_id);
          skill->label = g_strdup (rj_profile_item_label (compute->profile, RJ_LIST_SKILLS,
                                                          use->skill_id));
          g_ptr_array_add (trends->skills, skill);
          g_hash_table_insert (compute->skills, skill->id, skill);
        }
      skill->times_used++;
      switch (use->helped)
        {
        case RJ_HELPED_YES:
          skill->times_helped++;
          break;
        case RJ_HELPED_PARTLY:
          skill->times_partly++;
          break;
        case RJ_HELPED_NO:
          skill->times_not_helped++;
          break;
        case RJ_HELPED_NOT_LOGGED:
        default:
          skill->times_not_rated++;
          break;
        }
    }
}

static gboolean
compute_entry_cb (const RjEntry *entry,
                  gpointer       user_data)
{
  Compute *compute = user_data;
  RjTrends *trends = compute->trends;
  guint index;
  RjTrendsDay *day;
  RjTrendsWeek *week;
  gboolean used;

  if (g_date_compare (&entry->date, &trends->first) < 0
      || g_date_compare (&entry->date, &trends->last) > 0)
    return TRUE;

  index = day_index (&entry->date, &trends->first);
  day = &g_array_index (trends->days, RjTrendsDay, index);
  week = &g_array_index (trends->weeks, RjTrendsWeek, week_index (trends, index));
  used = rj_entry_records_use (entry);

  day->logged = TRUE;
  day->mood = entry->mood;
  day->distress = entry->distress;
  day->n_cravings = entry->cravings->len;
  day->used = used ? RJ_ANSWER_YES : RJ_ANSWER_NO;

  trends->n_days_logged++;
  week->n_days_logged++;
  add_sums (&compute->total, entry);
  add_sums (&compute->weeks[week_index (trends, index)], entry);
  if (used)
    {
      trends->n_use_days++;
      week->n_use_days++;
    }
  else
    {
      trends->n_sober_days++;
      week->n_sober_days++;
    }

  if (!rj_weekly_check_is_empty (&entry->weekly))
    {
      RjTrendsWeeklyCheck check = { .date = entry->date };

      check.total = rj_weekly_check_total (&entry->weekly, &check.n_answered);
      day->weekly_total = check.total;
      g_array_append_val (trends->weekly_checks, check);
    }

  week->n_cravings = MAX (week->n_cravings, 0) + (int) entry->cravings->len;
  trends->n_cravings += entry->cravings->len;
  for (guint i = 0; i < entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (entry->cravings, i);

      if (craving->intensity != RJ_NOT_LOGGED)
        {
          day->peak_intensity = MAX (day->peak_intensity, craving->intensity);
          week->peak_intensity = MAX (week->peak_intensity, craving->intensity);
          trends->peak_intensity = MAX (trends->peak_intensity, craving->intensity);
        }
      if (craving->outcome == RJ_OUTCOME_RODE_IT_OUT)
        trends->n_cravings_ridden_out++;
      count_craving (compute, craving);
    }

  return TRUE;
}

static int
compare_triggers (gconstpointer a,
                  gconstpointer b)
{
  const RjTrendsTrigger *ta = *(RjTrendsTrigger * const *) a;
  const RjTrendsTrigger *tb = *(RjTrendsTrigger * const *) b;

  if (ta->count != tb->count)
    return ta->count > tb->count ? -1 : 1;
  return g_utf8_collate (ta->label, tb->label);
}

/* What helped most often first: the skills worth reaching for again. */
static int
compare_skills (gconstpointer a,
                gconstpointer b)
{
  const RjTrendsSkill *sa = *(RjTrendsSkill * const *) a;
  const RjTrendsSkill *sb = *(RjTrendsSkill * const *) b;

  if (sa->times_helped != sb->times_helped)
    return sa->times_helped > sb->times_helped ? -1 : 1;
  if (sa->times_partly != sb->times_partly)
    return sa->times_partly > sb->times_partly ? -1 : 1;
  if (sa->times_used != sb->times_used)
    return sa->times_used > sb->times_used ? -1 : 1;
  return g_utf8_collate (sa->label, sb->label);
}

static int
compare_weekly_checks (gconstpointer a,
                       gconstpointer b)
{
  return g_date_compare (&((const RjTrendsWeeklyCheck *) a)->date,
                         &((const RjTrendsWeeklyCheck *) b)->date);
}

/* In date order (the entries may come in any), each with the one before it; a block
 * of days keeps the latest check in it. */
static void
compare_weekly (RjTrends *trends)
{
  g_array_sort (trends->weekly_checks, compare_weekly_checks);
  for (guint i = 0; i < trends->weekly_checks->len; i++)
    {
      RjTrendsWeeklyCheck *check = &g_array_index (trends->weekly_checks, RjTrendsWeeklyCheck, i);
      guint day = day_index (&check->date, &trends->first);

      if (i == 0)
        {
          check->previous_total = RJ_NOT_LOGGED;
          check->change = 0;
        }
      else
        {
          check->previous_total = g_array_index (trends->weekly_checks, RjTrendsWeeklyCheck,
                                                 i - 1).total;
          check->change = check->total - check->previous_total;
        }
      g_array_index (trends->weeks, RjTrendsWeek, week_index (trends, day)).weekly_total =
        check->total;
    }
  trends->has_weekly_checks = trends->weekly_checks->len > 0;
}

static void
compute_begin (Compute         *compute,
               RjTrends        *trends,
               const RjProfile *profile)
{
  *compute = (Compute) {
    .trends = trends,
    .profile = profile,
    .weeks = g_new0 (Sums, trends->weeks->len),
    .triggers = g_hash_table_new (g_str_hash, g_str_equal),
    .skills = g_hash_table_new (g_str_hash, g_str_equal),
  };
}

static void
compute_end (Compute *compute)
{
  RjTrends *trends = compute->trends;

  trends->mood = mean (compute->total.mood_sum, compute->total.mood_n);
  trends->distress = mean (compute->total.distress_sum, compute->total.distress_n);
  trends->n_mood_days = compute->total.mood_n;
  trends->n_distress_days = compute->total.distress_n;
  for (guint i = 0; i < trends->weeks->len; i++)
    {
      RjTrendsWeek *week = &g_array_index (trends->weeks, RjTrendsWeek, i);

      week->mood = mean (compute->weeks[i].mood_sum, compute->weeks[i].mood_n);
      week->distress = mean (compute->weeks[i].distress_sum, compute->weeks[i].distress_n);
    }

  g_ptr_array_sort (trends->triggers, compare_triggers);
  g_ptr_array_sort (trends->skills, compare_skills);

  trends->has_entries = trends->n_days_logged > 0;
  trends->has_cravings = trends->n_cravings > 0;
  trends->has_mood = trends->n_mood_days > 0 || trends->n_distress_days > 0;
  trends->has_triggers = trends->triggers->len > 0;
  trends->has_skills = trends->skills->len > 0;
  compare_weekly (trends);

  g_free (compute->weeks);
  g_hash_table_unref (compute->triggers);
  g_hash_table_unref (compute->skills);
}

RjTrends *
rj_trends_ref (RjTrends *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rj_trends_unref (RjTrends *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->days);
  g_array_unref (self->weeks);
  g_ptr_array_unref (self->triggers);
  g_ptr_array_unref (self->skills);
  g_array_unref (self->weekly_checks);
  g_free (self);
}

void
rj_trends_period_range (RjTrendsPeriod period,
                        const GDate   *today,
                        const GDate   *earliest,
                        GDate         *first,
                        GDate         *last)
{
  guint n_days;

  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (first != NULL && last != NULL);
  g_return_if_fail (period != RJ_TRENDS_PERIOD_CUSTOM);

  *last = *today;
  *first = *today;
  switch (period)
    {
    case RJ_TRENDS_PERIOD_30_DAYS:
      n_days = 30;
      break;
    case RJ_TRENDS_PERIOD_90_DAYS:
      n_days = 90;
      break;
    case RJ_TRENDS_PERIOD_365_DAYS:
      n_days = 365;
      break;
    case RJ_TRENDS_PERIOD_ALL:
    case RJ_TRENDS_PERIOD_CUSTOM:
    default:
      if (earliest != NULL && g_date_valid (earliest) && g_date_compare (earliest, today) < 0)
        *first = *earliest;
      return;
    }
  g_date_subtract_days (first, MIN (n_days - 1, g_date_get_julian (today) - 1));
}

static gboolean
find_first_cb (const RjEntry *entry,
               gpointer       user_data)
{
  *(GDate *) user_data = entry->date;
  return FALSE;
}

/**
 * rj_trends_compute:
 * @store: an unlocked journal
 * @profile: its profile, for the names of triggers and skills
 * @period: a preset period (not %RJ_TRENDS_PERIOD_CUSTOM)
 * @today: the period's last day
 *
 * Returns: (transfer full): the trends
 */
RjTrends *
rj_trends_compute (RjStore         *store,
                   const RjProfile *profile,
                   RjTrendsPeriod   period,
                   const GDate     *today)
{
  g_autoptr(RjTrends) self = NULL;
  GDate earliest;
  GDate first, last;

  g_return_val_if_fail (RJ_IS_STORE (store), NULL);
  g_return_val_if_fail (rj_store_is_unlocked (store), NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (period != RJ_TRENDS_PERIOD_CUSTOM, NULL);

  g_date_clear (&earliest, 1);
  if (period == RJ_TRENDS_PERIOD_ALL)
    rj_store_foreach_entry (store, NULL, today, FALSE, find_first_cb, &earliest);
  rj_trends_period_range (period, today, &earliest, &first, &last);

  self = rj_trends_compute_range (store, profile, &first, &last);
  self->period = period;
  return g_steal_pointer (&self);
}

/**
 * rj_trends_compute_range:
 * @store: an unlocked journal
 * @profile: its profile
 * @first: the period's first day
 * @last: its last day, not before @first
 *
 * Returns: (transfer full): the trends of [@first, @last]
 */
RjTrends *
rj_trends_compute_range (RjStore         *store,
                         const RjProfile *profile,
                         const GDate     *first,
                         const GDate     *last)
{
  Compute compute;
  RjTrends *self;

  g_return_val_if_fail (RJ_IS_STORE (store), NULL);
  g_return_val_if_fail (rj_store_is_unlocked (store), NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);

  self = trends_new (RJ_TRENDS_PERIOD_CUSTOM, first, last);
  compute_begin (&compute, self, profile);
  rj_store_foreach_entry (store, first, last, FALSE, compute_entry_cb, &compute);
  compute_end (&compute);
  return self;
}

/**
 * rj_trends_compute_for_entries:
 * @entries: (element-type RjEntry): the journal's entries, one per day
 * @profile: its profile
 * @period: what the period is called
 * @first: the period's first day
 * @last: its last day, not before @first
 *
 * Returns: (transfer full): the trends of [@first, @last]
 */
RjTrends *
rj_trends_compute_for_entries (GPtrArray       *entries,
                               const RjProfile *profile,
                               RjTrendsPeriod   period,
                               const GDate     *first,
                               const GDate     *last)
{
  Compute compute;
  RjTrends *self;

  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);

  self = trends_new (period, first, last);
  compute_begin (&compute, self, profile);
  for (guint i = 0; i < entries->len; i++)
    compute_entry_cb (g_ptr_array_index (entries, i), &compute);
  compute_end (&compute);
  return self;
}

/* A date in the reader's locale, as in "3 March 2025". */
static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  /* TRANSLATORS: a date as in "3 March 2025"; see g_date_time_format(). %-d is the day
   * of the month, %B the month's name, %Y the year; as in "%-d de %B de %Y". */
  return g_date_time_format (time, _("%-d %B %Y"));
}

char *
rj_trends_dup_period_label (const RjTrends *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->period)
    {
    case RJ_TRENDS_PERIOD_30_DAYS:
      return g_strdup (_("Last 30 days"));
    case RJ_TRENDS_PERIOD_90_DAYS:
      return g_strdup (_("Last 90 days"));
    case RJ_TRENDS_PERIOD_365_DAYS:
      return g_strdup (_("Last 365 days"));
    case RJ_TRENDS_PERIOD_ALL:
      return g_strdup (_("All entries"));
    case RJ_TRENDS_PERIOD_CUSTOM:
    default:
      first = format_date (&self->first);
      last = format_date (&self->last);
      /* Translators: a period of days, e.g. "3 March 2025 – 9 March 2025". */
      return g_strdup_printf (C_("period", "%s – %s"), first, last);
    }
}

char *
rj_trends_dup_period_phrase (const RjTrends *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->period)
    {
    case RJ_TRENDS_PERIOD_30_DAYS:
      return g_strdup (_("these 30 days"));
    case RJ_TRENDS_PERIOD_90_DAYS:
      return g_strdup (_("these 90 days"));
    case RJ_TRENDS_PERIOD_365_DAYS:
      return g_strdup (_("these 365 days"));
    case RJ_TRENDS_PERIOD_ALL:
      return g_strdup (_("the journal so far"));
    case RJ_TRENDS_PERIOD_CUSTOM:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "this %u day", "these %u days",
                                           self->n_days), self->n_days);
    }
}

/**
 * rj_trends_skill_describe:
 * @skill: a skill's counts
 *
 * The line under the skill chart. "Of N" counts the times the client said how it
 * went; "partly" is named apart, never added to "helped".
 *
 * Returns: (transfer full): e.g. "Calling Ana helped 9 of 11 times"
 */
char *
rj_trends_skill_describe (const RjTrendsSkill *skill)
{
  guint rated;

  g_return_val_if_fail (skill != NULL, NULL);

  rated = skill->times_helped + skill->times_partly + skill->times_not_helped;
  if (rated == 0)
    /* Translators: a coping skill that was used but never rated, e.g. "Urge surfing:
     * used 3 times, how it went not logged". */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s: used %u time, how it went not logged",
                                         "%s: used %u times, how it went not logged",
                                         skill->times_used),
                            skill->label, skill->times_used);
  if (skill->times_partly == 0)
    /* Translators: e.g. "Calling Ana helped 9 of 11 times"; the number of times is the
     * second number. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s helped %u of %u time",
                                         "%s helped %u of %u times", rated),
                            skill->label, skill->times_helped, rated);
  /* Translators: e.g. "Calling Ana helped 7 of 11 times, partly 2"; the last number
   * says how many of those times it partly helped. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s helped %u of %u time, partly %u",
                                       "%s helped %u of %u times, partly %u", rated),
                          skill->label, skill->times_helped, rated, skill->times_partly);
}

char *
rj_trends_weekly_check_describe (const RjTrendsWeeklyCheck *check)
{
  int max = RJ_WEEKLY_N_QUESTIONS * RJ_WEEKLY_ANSWER_MAX;

  g_return_val_if_fail (check != NULL, NULL);

  if (check->previous_total == RJ_NOT_LOGGED)
    /* Translators: the total of a weekly craving check, "14 of 30" */
    return g_strdup_printf (_("%d of %d"), check->total, max);
  if (check->change == 0)
    return g_strdup_printf (_("%d of %d, the same as the check before"), check->total, max);
  if (check->change < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d of %d, %d lower than the check before",
                                         "%d of %d, %d lower than the check before",
                                         -check->change),
                            check->total, max, -check->change);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d of %d, %d higher than the check before",
                                       "%d of %d, %d higher than the check before",
                                       check->change),
                          check->total, max, check->change);
}
