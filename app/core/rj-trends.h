/* rj-trends.h: what the months show, as numbers for the Trends charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computed from the journal (or an array of entries, for tests) and the profile over a
 * period: no GTK, no drawing. How the numbers are made:
 *
 * - Weeks are 7-day blocks that end on the period's last day (today, for the preset
 *   periods), counted backwards: the last bar is always "the last 7 days", and the
 *   first block is shorter when the period is not a whole number of weeks (30 days:
 *   a 2-day block, then four of 7). Each week says how many days it has (n_days).
 * - A day is logged when it has an entry. A day that is not logged is a gap: it is
 *   never a zero and never a sober day. Every count that needs a logged day is
 *   RJ_NOT_LOGGED when there is none (a week without entries has n_cravings ==
 *   RJ_NOT_LOGGED, not 0), and every mean is RJ_NOT_LOGGED when no day had a value.
 * - A sober day is a logged day without use (rj_entry_records_use()).
 * - Triggers and skills are named from the profile (renamed items by their new
 *   name, hidden items still by theirs, removed items as "Removed item"): the client's
 *   own words (trigger words, notes) are never read, so nothing private can appear in
 *   any text a trends view or printout shows. Private items only count as numbers.
 * - Skill effectiveness: a skill is used once per craving that lists it. Its answer
 *   is helped (yes), partly, did not help, or not logged. "Helped" is yes only;
 *   "partly" is kept and shown apart, never added to helped, and an answer that was
 *   not logged is left out of "of N" (N = times the client said how it went).
 *   Skills are sorted by times helped, then times partly, then times used, then name:
 *   what helped most often first.
 * - The weekly craving check: each check done in the period, in date order, with its
 *   total (the sum of the answered questions, 0-30) and its change from the check
 *   before it in the period (the week-to-week comparison). A day or a week carries the
 *   total of the latest check on it. A self-check, not a diagnosis: no cut-off, no
 *   verdict, only the numbers and their change.
 */

#pragma once

#include <glib-object.h>

#include "rj-entry.h"
#include "rj-profile.h"
#include "rj-store.h"

G_BEGIN_DECLS

typedef enum {
  RJ_TRENDS_PERIOD_30_DAYS,
  RJ_TRENDS_PERIOD_90_DAYS,
  RJ_TRENDS_PERIOD_365_DAYS,
  RJ_TRENDS_PERIOD_ALL,       /* from the first entry (or today, with none) to today */
  RJ_TRENDS_PERIOD_CUSTOM,    /* an explicit first and last day */
} RjTrendsPeriod;

/* One day of the period. */
typedef struct {
  GDate date;
  gboolean logged;            /* the day has an entry */
  int mood;                   /* 0-10, or RJ_NOT_LOGGED */
  int distress;               /* 0-10, or RJ_NOT_LOGGED */
  int n_cravings;             /* RJ_NOT_LOGGED when the day is not logged */
  int peak_intensity;         /* highest logged intensity, or RJ_NOT_LOGGED */
  RjAnswer used;              /* NOT_LOGGED: a gap; YES: use recorded; NO: a sober day */
  int weekly_total;           /* the weekly check done that day, or RJ_NOT_LOGGED */
} RjTrendsDay;

/* A block of up to 7 days ending on @last. */
typedef struct {
  GDate first;
  GDate last;
  guint n_days;               /* 7, or fewer for the period's first block */
  guint n_days_logged;
  int n_cravings;             /* RJ_NOT_LOGGED when no day of the week was logged */
  int peak_intensity;         /* highest logged intensity, or RJ_NOT_LOGGED */
  double mood;                /* mean of the days that logged one, or RJ_NOT_LOGGED */
  double distress;            /* mean, or RJ_NOT_LOGGED */
  guint n_sober_days;         /* logged days without use */
  guint n_use_days;           /* logged days with use */
  int weekly_total;           /* the latest weekly check in the block, or RJ_NOT_LOGGED */
} RjTrendsWeek;

typedef struct {
  char *id;
  char *label;                /* the profile's name for it */
  guint count;
} RjTrendsTrigger;

typedef struct {
  char *id;
  char *label;                /* the profile's name for the skill */
  guint times_used;
  guint times_helped;         /* helped: yes */
  guint times_partly;         /* helped: partly (not counted as helped) */
  guint times_not_helped;     /* did not help */
  guint times_not_rated;      /* how it went was not logged */
} RjTrendsSkill;

/* One weekly craving check, and how it compares with the one before. */
typedef struct {
  GDate date;
  int total;                  /* sum of the answered questions */
  guint n_answered;           /* of RJ_WEEKLY_N_QUESTIONS, at least 1 */
  int previous_total;         /* the check before it in the period, or RJ_NOT_LOGGED */
  int change;                 /* total - previous_total; 0 when there was none */
} RjTrendsWeeklyCheck;

typedef struct {
  RjTrendsPeriod period;
  GDate first;
  GDate last;
  guint n_days;               /* days in the period */
  guint n_days_logged;        /* days with an entry */

  /* Totals, over logged days. */
  guint n_cravings;
  int peak_intensity;         /* highest of the period, or RJ_NOT_LOGGED */
  double mood;                /* mean, or RJ_NOT_LOGGED */
  double distress;            /* mean, or RJ_NOT_LOGGED */
  guint n_mood_days;          /* days that logged mood */
  guint n_distress_days;
  guint n_sober_days;
  guint n_use_days;
  guint n_cravings_ridden_out;/* cravings whose outcome was "rode it out" */

  /* What the views need to choose an intentional empty state. */
  gboolean has_entries;       /* n_days_logged > 0 */
  gboolean has_cravings;
  gboolean has_mood;          /* mood or distress logged on some day */
  gboolean has_triggers;
  gboolean has_skills;
  gboolean has_weekly_checks;

  GArray *days;               /* of RjTrendsDay, one per day of the period, in order */
  GArray *weeks;              /* of RjTrendsWeek, oldest first */
  GPtrArray *triggers;        /* of RjTrendsTrigger*, most first, ties by name */
  GPtrArray *skills;          /* of RjTrendsSkill*, see above for the order */
  GArray *weekly_checks;      /* of RjTrendsWeeklyCheck, in date order */

  /*< private >*/
  gatomicrefcount ref_count;
} RjTrends;

#define RJ_TYPE_TRENDS (rj_trends_get_type ())

GType       rj_trends_get_type             (void) G_GNUC_CONST;
RjTrends   *rj_trends_ref                  (RjTrends *self);
void        rj_trends_unref                (RjTrends *self);

/* The first and last day of a preset @period ending on @today. For
 * RJ_TRENDS_PERIOD_ALL, @earliest is the first logged day (NULL or invalid: none,
 * and the period is @today alone). Not for RJ_TRENDS_PERIOD_CUSTOM. */
void        rj_trends_period_range         (RjTrendsPeriod period,
                                            const GDate *today,
                                            const GDate *earliest,
                                            GDate *first,
                                            GDate *last);

/* The trends of a preset @period ending on @today, from the unlocked @store. */
RjTrends   *rj_trends_compute              (RjStore *store,
                                            const RjProfile *profile,
                                            RjTrendsPeriod period,
                                            const GDate *today) G_GNUC_WARN_UNUSED_RESULT;
/* The trends of [@first, @last] (period RJ_TRENDS_PERIOD_CUSTOM). */
RjTrends   *rj_trends_compute_range        (RjStore *store,
                                            const RjProfile *profile,
                                            const GDate *first,
                                            const GDate *last) G_GNUC_WARN_UNUSED_RESULT;
/* The same from @entries (of RjEntry*, any order; entries outside the period are
 * skipped). @period is kept as given. */
RjTrends   *rj_trends_compute_for_entries  (GPtrArray *entries,
                                            const RjProfile *profile,
                                            RjTrendsPeriod period,
                                            const GDate *first,
                                            const GDate *last) G_GNUC_WARN_UNUSED_RESULT;

/* "Last 30 days", "Last 90 days", "Last 365 days", "All entries", or the dates. */
char       *rj_trends_dup_period_label     (const RjTrends *self) G_GNUC_WARN_UNUSED_RESULT;
/* "these 30 days", "this year", "the whole journal": for empty states such as "No
 * cravings logged in these 30 days". */
char       *rj_trends_dup_period_phrase    (const RjTrends *self) G_GNUC_WARN_UNUSED_RESULT;

/* The plain-language line for a skill: "Calling Ana helped 9 of 11 times", or
 * "Urge surfing helped 3 of 4 times, partly 1" when some answers were "partly" (the 4
 * counts every answer given: helped, partly, did not help), or "Walk: used 2 times,
 * how it went not logged" when no answer was given. Uses whose answer was not logged
 * are not in "of N". Plural forms by ngettext. */
char       *rj_trends_skill_describe       (const RjTrendsSkill *skill) G_GNUC_WARN_UNUSED_RESULT;

/* The plain-language line for a weekly check: "14 of 30, 3 lower than the check
 * before", "14 of 30, the same as the check before", or "14 of 30" for the first. */
char       *rj_trends_weekly_check_describe (const RjTrendsWeeklyCheck *check) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjTrends, rj_trends_unref)

G_END_DECLS
