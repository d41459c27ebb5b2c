/* test-trends.c: the Trends numbers against hand-built journals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo.h>

#include "rj-test-util.h"
#include "rj-trends.h"
#include "rj-trends-chart.h"

#define CANARY "PRIVATE-CANARY-7731"

typedef struct {
  RjProfile *profile;
  const char *people;         /* triggers */
  const char *payday;
  const char *stress;         /* renamed after use: counts under its new name */
  const char *old_friends;    /* hidden: keeps its name */
  const char *calling_ana;    /* skills */
  const char *urge_surfing;
  const char *walk;
  GPtrArray *entries;         /* of RjEntry* */
  GDate last;
} Journal;

static void
journal_init (Journal *j)
{
  RjListItem *item;

  j->profile = rj_profile_new ();
  j->people = rj_profile_add_item (j->profile, RJ_LIST_TRIGGERS, "People")->id;
  j->payday = rj_profile_add_item (j->profile, RJ_LIST_TRIGGERS, "Payday")->id;
  item = rj_profile_add_item (j->profile, RJ_LIST_TRIGGERS, "Stress");
  j->stress = item->id;
  item = rj_profile_add_item (j->profile, RJ_LIST_TRIGGERS, "Old friends");
  item->hidden = TRUE;
  j->old_friends = item->id;
  j->calling_ana = rj_profile_add_item (j->profile, RJ_LIST_SKILLS, "Calling Ana")->id;
  j->urge_surfing = rj_profile_add_item (j->profile, RJ_LIST_SKILLS, "Urge surfing")->id;
  j->walk = rj_profile_add_item (j->profile, RJ_LIST_SKILLS, "Walk")->id;
  j->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);
  g_date_clear (&j->last, 1);
  g_date_set_dmy (&j->last, 28, G_DATE_FEBRUARY, 2026);
}

static void
journal_clear (Journal *j)
{
  g_ptr_array_unref (j->entries);
  rj_profile_unref (j->profile);
}

/* The entry @days_back days before the journal's last day, made when missing. */
static RjEntry *
journal_day (Journal *j,
             guint    days_back)
{
  GDate date = j->last;
  RjEntry *entry;

  g_date_subtract_days (&date, days_back);
  for (guint i = 0; i < j->entries->len; i++)
    {
      entry = g_ptr_array_index (j->entries, i);
      if (g_date_compare (&entry->date, &date) == 0)
        return entry;
    }
  entry = rj_entry_new (&date);
  g_ptr_array_add (j->entries, entry);
  return entry;
}

static RjCraving *
add_craving (Journal    *j,
             guint       days_back,
             int         intensity,
             const char *trigger_id)
{
  RjCraving *craving = rj_entry_add_craving (journal_day (j, days_back));

  craving->intensity = intensity;
  craving->trigger_id = g_strdup (trigger_id);
  craving->outcome = RJ_OUTCOME_RODE_IT_OUT;
  return craving;
}

static RjTrends *
journal_trends (Journal *j,
                guint    n_days)
{
  GDate first = j->last;

  g_date_subtract_days (&first, n_days - 1);
  return rj_trends_compute_for_entries (j->entries, j->profile, RJ_TRENDS_PERIOD_CUSTOM,
                                        &first, &j->last);
}

static const RjTrendsWeek *
week (const RjTrends *trends,
      guint           i)
{
  g_assert_cmpuint (i, <, trends->weeks->len);
  return &g_array_index (trends->weeks, RjTrendsWeek, i);
}

static const RjTrendsDay *
day_back (const RjTrends *trends,
          guint           days_back)
{
  g_assert_cmpuint (days_back, <, trends->days->len);
  return &g_array_index (trends->days, RjTrendsDay, trends->days->len - 1 - days_back);
}

/* Four weeks ending on the last day: 3 cravings peak 7; logged without cravings; not
 * logged at all; 5 cravings peak 9. */
static void
test_cravings_per_week (void)
{
  Journal j;
  g_autoptr(RjTrends) trends = NULL;

  journal_init (&j);
  /* Week 1: days 27..21 back. */
  add_craving (&j, 27, 3, j.people);
  add_craving (&j, 25, 7, j.people);
  add_craving (&j, 25, RJ_NOT_LOGGED, NULL);
  /* Week 2: days 20..14 back, logged, no cravings. */
  journal_day (&j, 20)->mood = 6;
  journal_day (&j, 15)->mood = 7;
  /* Week 3: days 13..7 back: nothing. Week 4: days 6..0 back. */
  add_craving (&j, 6, 9, j.payday);
  add_craving (&j, 4, 2, j.payday);
  add_craving (&j, 4, 8, j.people);
  add_craving (&j, 1, 5, j.stress);
  add_craving (&j, 0, 1, j.old_friends);

  /* The client renames a trigger after using it. */
  {
    RjListItem *stress = rj_profile_find_item (j.profile, RJ_LIST_TRIGGERS, j.stress);

    g_free (stress->name);
    stress->name = g_strdup ("Work stress");
  }

  trends = journal_trends (&j, 28);
  g_assert_cmpuint (trends->n_days, ==, 28);
  g_assert_cmpuint (trends->weeks->len, ==, 4);
  g_assert_cmpint (week (trends, 0)->n_cravings, ==, 3);
  g_assert_cmpint (week (trends, 0)->peak_intensity, ==, 7);
  g_assert_cmpint (week (trends, 1)->n_cravings, ==, 0);
  g_assert_cmpint (week (trends, 1)->peak_intensity, ==, RJ_NOT_LOGGED);
  g_assert_cmpuint (week (trends, 1)->n_days_logged, ==, 2);
  /* A week without entries is a gap, not a zero. */
  g_assert_cmpint (week (trends, 2)->n_cravings, ==, RJ_NOT_LOGGED);
  g_assert_cmpuint (week (trends, 2)->n_days_logged, ==, 0);
  g_assert_cmpint (week (trends, 3)->n_cravings, ==, 5);
  g_assert_cmpint (week (trends, 3)->peak_intensity, ==, 9);
  g_assert_cmpuint (trends->n_cravings, ==, 8);
  g_assert_cmpint (trends->peak_intensity, ==, 9);
  g_assert_cmpuint (trends->n_cravings_ridden_out, ==, 8);
  g_assert_true (trends->has_cravings);

  /* Weeks end on the last day: the last one is the last 7 days. */
  g_assert_cmpint (g_date_compare (&week (trends, 3)->last, &j.last), ==, 0);
  g_assert_cmpuint (week (trends, 3)->n_days, ==, 7);

  /* Days: a day without an entry has no count at all. */
  g_assert_cmpint (day_back (trends, 25)->n_cravings, ==, 2);
  g_assert_cmpint (day_back (trends, 25)->peak_intensity, ==, 7);
  g_assert_cmpint (day_back (trends, 20)->n_cravings, ==, 0);
  g_assert_cmpint (day_back (trends, 10)->n_cravings, ==, RJ_NOT_LOGGED);
  g_assert_false (day_back (trends, 10)->logged);

  /* Triggers by count, then name; renamed and hidden items by the profile's name. */
  g_assert_cmpuint (trends->triggers->len, ==, 4);
  {
    static const char *const labels[] = { "People", "Payday", "Old friends", "Work stress" };
    static const guint counts[] = { 3, 2, 1, 1 };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        const RjTrendsTrigger *trigger = g_ptr_array_index (trends->triggers, i);

        g_assert_cmpstr (trigger->label, ==, labels[i]);
        g_assert_cmpuint (trigger->count, ==, counts[i]);
      }
  }
  journal_clear (&j);
}

/* A 30-day period is four whole weeks and a 2-day block at its start. */
static void
test_partial_first_week (void)
{
  Journal j;
  g_autoptr(RjTrends) trends = NULL;
  GDate expected;

  journal_init (&j);
  add_craving (&j, 29, 4, NULL);
  add_craving (&j, 28, 6, NULL);
  /* A trigger since removed from the list still counts, under a neutral name. */
  add_craving (&j, 27, 2, "removed-trigger-id");
  trends = journal_trends (&j, 30);
  g_assert_cmpuint (trends->triggers->len, ==, 1);
  g_assert_cmpstr (((RjTrendsTrigger *) g_ptr_array_index (trends->triggers, 0))->label, ==,
                   "Removed item");

  g_assert_cmpuint (trends->weeks->len, ==, 5);
  g_assert_cmpuint (week (trends, 0)->n_days, ==, 2);
  g_assert_cmpint (week (trends, 0)->n_cravings, ==, 2);
  g_assert_cmpint (week (trends, 0)->peak_intensity, ==, 6);
  g_assert_cmpint (week (trends, 1)->n_cravings, ==, 1);
  expected = j.last;
  g_date_subtract_days (&expected, 27);
  g_assert_cmpint (g_date_compare (&week (trends, 1)->first, &expected), ==, 0);
  journal_clear (&j);
}

static void
add_skill_uses (RjCraving  *craving,
                const char *skill_id,
                RjHelped    helped)
{
  rj_craving_add_skill (craving, skill_id, helped);
}

static const RjTrendsSkill *
find_skill (const RjTrends *trends,
            const char     *label)
{
  for (guint i = 0; i < trends->skills->len; i++)
    {
      const RjTrendsSkill *skill = g_ptr_array_index (trends->skills, i);

      if (g_strcmp0 (skill->label, label) == 0)
        return skill;
    }
  g_assert_not_reached ();
}

static void
test_skill_effectiveness (void)
{
  Journal j;
  g_autoptr(RjTrends) trends = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *surfing = NULL;
  g_autofree char *walk = NULL;
  const RjTrendsSkill *skill;

  journal_init (&j);
  /* Calling Ana: 11 cravings, helped 9 times, did not help twice. */
  for (guint i = 0; i < 11; i++)
    add_skill_uses (add_craving (&j, i, 5, j.people), j.calling_ana,
                    i < 9 ? RJ_HELPED_YES : RJ_HELPED_NO);
  /* Urge surfing: 4 answered (3 yes, 1 partly), and once not said. */
  for (guint i = 0; i < 5; i++)
    add_skill_uses (add_craving (&j, 20 + i, 6, NULL), j.urge_surfing,
                    i < 3 ? RJ_HELPED_YES : i == 3 ? RJ_HELPED_PARTLY : RJ_HELPED_NOT_LOGGED);
  /* A walk, twice, never rated. */
  add_skill_uses (add_craving (&j, 2, 3, NULL), j.walk, RJ_HELPED_NOT_LOGGED);
  add_skill_uses (add_craving (&j, 3, 3, NULL), j.walk, RJ_HELPED_NOT_LOGGED);

  trends = journal_trends (&j, 30);
  g_assert_cmpuint (trends->skills->len, ==, 3);
  /* What helped most often comes first. */
  g_assert_cmpstr (((RjTrendsSkill *) g_ptr_array_index (trends->skills, 0))->label, ==,
                   "Calling Ana");
  g_assert_cmpstr (((RjTrendsSkill *) g_ptr_array_index (trends->skills, 1))->label, ==,
                   "Urge surfing");
  g_assert_cmpstr (((RjTrendsSkill *) g_ptr_array_index (trends->skills, 2))->label, ==,
                   "Walk");

  skill = find_skill (trends, "Calling Ana");
  g_assert_cmpuint (skill->times_used, ==, 11);
  g_assert_cmpuint (skill->times_helped, ==, 9);
  g_assert_cmpuint (skill->times_not_helped, ==, 2);
  ana = rj_trends_skill_describe (skill);
  g_assert_cmpstr (ana, ==, "Calling Ana helped 9 of 11 times");

  skill = find_skill (trends, "Urge surfing");
  g_assert_cmpuint (skill->times_used, ==, 5);
  g_assert_cmpuint (skill->times_helped, ==, 3);
  g_assert_cmpuint (skill->times_partly, ==, 1);
  g_assert_cmpuint (skill->times_not_rated, ==, 1);
  /* "Partly" is never counted as helped; an answer not given is not in "of N". */
  surfing = rj_trends_skill_describe (skill);
  g_assert_cmpstr (surfing, ==, "Urge surfing helped 3 of 4 times, partly 1");

  walk = rj_trends_skill_describe (find_skill (trends, "Walk"));
  g_assert_cmpstr (walk, ==, "Walk: used 2 times, how it went not logged");

  /* One time is singular. */
  {
    RjTrendsSkill once = { .label = (char *) "Calling Ana", .times_used = 1, .times_helped = 1 };
    g_autofree char *line = rj_trends_skill_describe (&once);

    g_assert_cmpstr (line, ==, "Calling Ana helped 1 of 1 time");
  }
  journal_clear (&j);
}

/* Days not logged are gaps: neither sober days nor days of use. */
static void
test_sober_days_and_gaps (void)
{
  Journal j;
  g_autoptr(RjTrends) trends = NULL;

  journal_init (&j);
  for (guint i = 0; i < 10; i += 2)
    journal_day (&j, i)->mood = 5;              /* 5 logged sober days */
  journal_day (&j, 3)->use.used = RJ_ANSWER_YES;/* 1 day of use */
  /* A craving whose outcome was use makes a day of use too. */
  add_craving (&j, 9, 8, NULL)->outcome = RJ_OUTCOME_USED;

  trends = journal_trends (&j, 14);
  g_assert_cmpuint (trends->n_days, ==, 14);
  g_assert_cmpuint (trends->n_days_logged, ==, 7);
  g_assert_cmpuint (trends->n_sober_days, ==, 5);
  g_assert_cmpuint (trends->n_use_days, ==, 2);
  g_assert_cmpint (day_back (trends, 0)->used, ==, RJ_ANSWER_NO);
  g_assert_cmpint (day_back (trends, 1)->used, ==, RJ_ANSWER_NOT_LOGGED);
  g_assert_cmpint (day_back (trends, 3)->used, ==, RJ_ANSWER_YES);
  g_assert_cmpint (day_back (trends, 9)->used, ==, RJ_ANSWER_YES);
  g_assert_cmpint (day_back (trends, 13)->used, ==, RJ_ANSWER_NOT_LOGGED);
  /* The last 7 days: logged 0, 2, 3, 4, 6: four sober, one of use, two gaps. */
  g_assert_cmpuint (week (trends, 1)->n_days_logged, ==, 5);
  g_assert_cmpuint (week (trends, 1)->n_sober_days, ==, 4);
  g_assert_cmpuint (week (trends, 1)->n_use_days, ==, 1);
  g_assert_cmpuint (week (trends, 0)->n_sober_days, ==, 1);
  g_assert_cmpuint (week (trends, 0)->n_use_days, ==, 1);
  journal_clear (&j);
}

static void
test_mood_averages (void)
{
  Journal j;
  g_autoptr(RjTrends) trends = NULL;

  journal_init (&j);
  journal_day (&j, 0)->mood = 2;
  journal_day (&j, 1)->mood = 4;
  journal_day (&j, 2)->mood = 9;
  journal_day (&j, 2)->distress = 3;
  journal_day (&j, 3)->distress = RJ_NOT_LOGGED;   /* logged, mood not said */
  journal_day (&j, 8)->mood = 0;                   /* a real zero */
  journal_day (&j, 8)->distress = 10;

  trends = journal_trends (&j, 14);
  g_assert_true (trends->has_mood);
  g_assert_cmpuint (trends->n_mood_days, ==, 4);
  g_assert_cmpfloat_with_epsilon (trends->mood, 15.0 / 4, 1e-9);
  g_assert_cmpuint (trends->n_distress_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (trends->distress, 6.5, 1e-9);
  /* Per week: the last 7 days, then the 7 before. */
  g_assert_cmpfloat_with_epsilon (week (trends, 1)->mood, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (week (trends, 1)->distress, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (week (trends, 0)->mood, 0.0, 1e-9);
  /* Per day, as logged; the day without mood stays "not logged". */
  g_assert_cmpint (day_back (trends, 2)->mood, ==, 9);
  g_assert_cmpint (day_back (trends, 3)->mood, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (day_back (trends, 8)->mood, ==, 0);
  g_assert_cmpint (day_back (trends, 5)->mood, ==, RJ_NOT_LOGGED);
  journal_clear (&j);

  /* No mood anywhere: the mean says so, not 0. */
  journal_init (&j);
  journal_day (&j, 0)->meetings = 1;
  {
    g_autoptr(RjTrends) none = journal_trends (&j, 7);

    g_assert_false (none->has_mood);
    g_assert_cmpfloat (none->mood, ==, RJ_NOT_LOGGED);
    g_assert_cmpfloat (week (none, 0)->mood, ==, RJ_NOT_LOGGED);
  }
  journal_clear (&j);
}

/* 30, 90, 365 days and all, from the store, around their first days. */
static void
test_period_boundaries (void)
{
  static const guint days_back[] = { 0, 29, 30, 89, 90, 364, 365, 1000 };
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-test-trends-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (path, RJ_TEST_PASSPHRASE, NULL);
  g_autoptr(RjProfile) profile = rj_profile_new ();
  g_autoptr(GError) error = NULL;
  static const struct {
    RjTrendsPeriod period;
    guint n_days;
    guint n_logged;
  } cases[] = {
    { RJ_TRENDS_PERIOD_30_DAYS, 30, 2 },
    { RJ_TRENDS_PERIOD_90_DAYS, 90, 4 },
    { RJ_TRENDS_PERIOD_365_DAYS, 365, 6 },
    { RJ_TRENDS_PERIOD_ALL, 1001, 8 },
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (days_back); i++)
    {
      GDate date = today;
      g_autoptr(RjEntry) entry = NULL;

      g_date_subtract_days (&date, days_back[i]);
      entry = rj_entry_new (&date);
      entry->mood = 5;
      g_assert_true (rj_store_save_entry (store, entry, &error));
      g_assert_no_error (error);
    }
  /* A day after "today" is outside every period. */
  {
    GDate tomorrow = today;
    g_autoptr(RjEntry) entry = NULL;

    g_date_add_days (&tomorrow, 1);
    entry = rj_entry_new (&tomorrow);
    entry->mood = 1;
    g_assert_true (rj_store_save_entry (store, entry, &error));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RjTrends) trends = rj_trends_compute (store, profile, cases[i].period, &today);
      GDate first = today;

      g_date_subtract_days (&first, cases[i].n_days - 1);
      g_assert_cmpint (trends->period, ==, cases[i].period);
      g_assert_cmpuint (trends->n_days, ==, cases[i].n_days);
      g_assert_cmpuint (trends->days->len, ==, cases[i].n_days);
      g_assert_cmpuint (trends->weeks->len, ==, (cases[i].n_days + 6) / 7);
      g_assert_cmpuint (trends->n_days_logged, ==, cases[i].n_logged);
      g_assert_cmpint (g_date_compare (&trends->first, &first), ==, 0);
      g_assert_cmpint (g_date_compare (&trends->last, &today), ==, 0);
      g_assert_cmpfloat_with_epsilon (trends->mood, 5.0, 1e-9);
    }

  /* The period's names. */
  {
    g_autoptr(RjTrends) trends = rj_trends_compute (store, profile, RJ_TRENDS_PERIOD_90_DAYS,
                                                    &today);
    g_autofree char *label = rj_trends_dup_period_label (trends);
    g_autofree char *phrase = rj_trends_dup_period_phrase (trends);

    g_assert_cmpstr (label, ==, "Last 90 days");
    g_assert_cmpstr (phrase, ==, "these 90 days");
  }

  /* An empty journal: "all" is today alone. */
  {
    GDate first, last;

    rj_trends_period_range (RJ_TRENDS_PERIOD_ALL, &today, NULL, &first, &last);
    g_assert_cmpint (g_date_compare (&first, &today), ==, 0);
    g_assert_cmpint (g_date_compare (&last, &today), ==, 0);
  }

  g_clear_object (&store);
  rj_test_remove_tree (dir);
}

/* Collects every text that trends can show. */
static GString *
all_texts (const RjTrends *trends)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < trends->triggers->len; i++)
    g_string_append_printf (out, "%s\n",
                            ((RjTrendsTrigger *) g_ptr_array_index (trends->triggers, i))->label);
  for (guint i = 0; i < trends->skills->len; i++)
    {
      g_autofree char *line = rj_trends_skill_describe (g_ptr_array_index (trends->skills, i));

      g_string_append_printf (out, "%s\n", line);
    }
  for (guint c = 0; c < RJ_TRENDS_N_CHARTS; c++)
    {
      g_autofree char *text = rj_trends_chart_dup_empty_text (c, trends);

      g_string_append_printf (out, "%s\n", text);
    }
  return out;
}

/* Private items count as numbers; their words are never in any text. */
static void
test_private_counts_only (void)
{
  Journal j;
  g_autoptr(RjTrends) trends = NULL;
  g_autoptr(GString) texts = NULL;
  RjCraving *craving;
  RjEntry *entry;

  journal_init (&j);
  craving = add_craving (&j, 1, 6, j.people);
  rj_note_set (&craving->trigger_words, CANARY " my brother", TRUE);
  rj_craving_add_skill (craving, j.calling_ana, RJ_HELPED_YES);
  entry = journal_day (&j, 2);
  rj_note_set (&entry->notes, CANARY " notes", TRUE);
  rj_entry_add_win (entry, CANARY " win", TRUE);
  rj_entry_add_topic (entry, CANARY " topic", TRUE);
  rj_note_set (&entry->use.what_happened, CANARY " lapse", TRUE);
  entry->use.used = RJ_ANSWER_YES;

  trends = journal_trends (&j, 7);
  g_assert_cmpuint (trends->n_cravings, ==, 1);
  g_assert_cmpuint (trends->n_use_days, ==, 1);
  g_assert_cmpuint (((RjTrendsSkill *) g_ptr_array_index (trends->skills, 0))->times_helped, ==,
                    1);
  texts = all_texts (trends);
  g_assert_null (strstr (texts->str, CANARY));
  g_assert_nonnull (strstr (texts->str, "Calling Ana helped 1 of 1 time"));
  journal_clear (&j);
}

static guint
count_inked_pixels (cairo_surface_t *surface)
{
  const guint8 *data;
  int stride, width, height;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (data + y * stride))[x] >> 24 != 0)
        n++;
  return n;
}

static void
set_weekly (RjEntry *entry,
            int      a0,
            int      a1,
            int      a2,
            int      a3,
            int      a4)
{
  entry->weekly.answers[RJ_WEEKLY_HOW_OFTEN] = a0;
  entry->weekly.answers[RJ_WEEKLY_HOW_STRONG] = a1;
  entry->weekly.answers[RJ_WEEKLY_HOW_LONG] = a2;
  entry->weekly.answers[RJ_WEEKLY_HOW_HARD] = a3;
  entry->weekly.answers[RJ_WEEKLY_OVERALL] = a4;
}

/* Weekly craving checks over four weeks, added out of order: totals, the change from
 * the check before, the week each falls in, and a week without one. */
static void
test_weekly_checks (void)
{
  Journal j;
  g_autoptr(RjTrends) trends = NULL;
  g_autoptr(RjTrends) none = NULL;
  const RjTrendsWeeklyCheck *check;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *same = NULL;
  RjEntry *entry;

  journal_init (&j);
  /* 23 days back 5+4+4+3+4 = 20; 16 days back one answer left out, 4+3+3+3 = 13;
   * 9 days back 4+4+3+2+4 = 17; 2 days back 3+2+1+1+2 = 9. */
  set_weekly (journal_day (&j, 2), 3, 2, 1, 1, 2);
  set_weekly (journal_day (&j, 23), 5, 4, 4, 3, 4);
  set_weekly (journal_day (&j, 9), 4, 4, 3, 2, 4);
  set_weekly (journal_day (&j, 16), 4, 3, RJ_NOT_LOGGED, 3, 3);
  /* A day with an entry but no check is not a check of 0. */
  journal_day (&j, 5)->mood = 6;
  /* Outside the period: never counted, never compared with. */
  set_weekly (journal_day (&j, 40), 6, 6, 6, 6, 6);

  trends = journal_trends (&j, 28);
  g_assert_true (trends->has_weekly_checks);
  g_assert_cmpuint (trends->weekly_checks->len, ==, 4);

  check = &g_array_index (trends->weekly_checks, RjTrendsWeeklyCheck, 0);
  g_assert_cmpint (check->total, ==, 20);
  g_assert_cmpuint (check->n_answered, ==, 5);
  g_assert_cmpint (check->previous_total, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (check->change, ==, 0);
  first = rj_trends_weekly_check_describe (check);
  g_assert_cmpstr (first, ==, "20 of 30");

  check = &g_array_index (trends->weekly_checks, RjTrendsWeeklyCheck, 1);
  g_assert_cmpint (check->total, ==, 13);
  g_assert_cmpuint (check->n_answered, ==, 4);
  g_assert_cmpint (check->previous_total, ==, 20);
  g_assert_cmpint (check->change, ==, -7);
  second = rj_trends_weekly_check_describe (check);
  g_assert_cmpstr (second, ==, "13 of 30, 7 lower than the check before");

  check = &g_array_index (trends->weekly_checks, RjTrendsWeeklyCheck, 2);
  g_assert_cmpint (check->total, ==, 17);
  g_assert_cmpint (check->change, ==, 4);
  third = rj_trends_weekly_check_describe (check);
  g_assert_cmpstr (third, ==, "17 of 30, 4 higher than the check before");

  check = &g_array_index (trends->weekly_checks, RjTrendsWeeklyCheck, 3);
  g_assert_cmpint (check->total, ==, 9);
  g_assert_cmpint (check->previous_total, ==, 17);
  g_assert_cmpint (check->change, ==, -8);
  g_assert_true (g_date_compare (&check->date, &journal_day (&j, 2)->date) == 0);

  /* Four 7-day blocks ending on the last day; each holds one check. */
  g_assert_cmpuint (trends->weeks->len, ==, 4);
  g_assert_cmpint (week (trends, 0)->weekly_total, ==, 20);
  g_assert_cmpint (week (trends, 1)->weekly_total, ==, 13);
  g_assert_cmpint (week (trends, 2)->weekly_total, ==, 17);
  g_assert_cmpint (week (trends, 3)->weekly_total, ==, 9);
  g_assert_cmpint (day_back (trends, 2)->weekly_total, ==, 9);
  g_assert_cmpint (day_back (trends, 5)->weekly_total, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (day_back (trends, 3)->weekly_total, ==, RJ_NOT_LOGGED);

  /* Two checks in one week: the block keeps the later one; the same total says so. */
  set_weekly (journal_day (&j, 0), 3, 2, 1, 1, 2);
  g_clear_pointer (&trends, rj_trends_unref);
  trends = journal_trends (&j, 28);
  g_assert_cmpuint (trends->weekly_checks->len, ==, 5);
  check = &g_array_index (trends->weekly_checks, RjTrendsWeeklyCheck, 4);
  g_assert_cmpint (check->change, ==, 0);
  same = rj_trends_weekly_check_describe (check);
  g_assert_cmpstr (same, ==, "9 of 30, the same as the check before");
  g_assert_cmpint (week (trends, 3)->weekly_total, ==, 9);
  g_assert_true (rj_trends_chart_has_data (RJ_TRENDS_CHART_WEEKLY_CHECK, trends));
  g_assert_cmpstr (rj_trends_chart_get_title (RJ_TRENDS_CHART_WEEKLY_CHECK), ==,
                   "Weekly craving check");
  {
    /* The line draws more ink than the chart of a period without a check (its one
     * calm sentence). */
    PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
    cairo_surface_t *with = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 200);
    cairo_surface_t *without = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 480, 200);
    g_autoptr(RjTrends) empty_period = NULL;
    GDate from = j.last, to = j.last;
    RjChartStyle style;
    cairo_t *cr;

    rj_chart_style_init_print (&style, font);
    cr = cairo_create (with);
    rj_trends_chart_draw (RJ_TRENDS_CHART_WEEKLY_CHECK, cr, 480, 200, trends, &style);
    cairo_destroy (cr);
    g_date_subtract_days (&from, 70);
    g_date_subtract_days (&to, 41);
    empty_period = rj_trends_compute_for_entries (j.entries, j.profile,
                                                  RJ_TRENDS_PERIOD_CUSTOM, &from, &to);
    cr = cairo_create (without);
    rj_trends_chart_draw (RJ_TRENDS_CHART_WEEKLY_CHECK, cr, 480, 200, empty_period, &style);
    cairo_destroy (cr);
    g_assert_cmpuint (count_inked_pixels (with), >, 2 * count_inked_pixels (without));
    g_assert_cmpuint (count_inked_pixels (without), >, 0);
    cairo_surface_destroy (with);
    cairo_surface_destroy (without);
    pango_font_description_free (font);
  }

  /* Only the last week: one check, nothing to compare it with. */
  none = journal_trends (&j, 1);
  g_assert_cmpuint (none->weekly_checks->len, ==, 1);
  g_assert_cmpint (g_array_index (none->weekly_checks, RjTrendsWeeklyCheck, 0).previous_total,
                   ==, RJ_NOT_LOGGED);

  /* A period without a check: the chart says so, and there is no line. */
  entry = journal_day (&j, 60);
  entry->mood = 4;
  g_clear_pointer (&none, rj_trends_unref);
  {
    GDate from = j.last, to = j.last;
    g_autofree char *text = NULL;

    g_date_subtract_days (&from, 62);
    g_date_subtract_days (&to, 50);
    none = rj_trends_compute_for_entries (j.entries, j.profile, RJ_TRENDS_PERIOD_CUSTOM,
                                          &from, &to);
    g_assert_false (none->has_weekly_checks);
    g_assert_false (rj_trends_chart_has_data (RJ_TRENDS_CHART_WEEKLY_CHECK, none));
    text = rj_trends_chart_dup_empty_text (RJ_TRENDS_CHART_WEEKLY_CHECK, none);
    g_assert_nonnull (strstr (text, "No weekly craving check"));
  }

  journal_clear (&j);
}

/* Empty states: the model says what is missing, each chart says it in one sentence and
 * still draws it (calmly) rather than nothing. */
static void
test_empty_and_sparse (void)
{
  Journal j;
  g_autoptr(RjTrends) empty = NULL;
  g_autoptr(RjTrends) no_cravings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  RjChartStyle style;

  journal_init (&j);
  {
    GDate first = j.last;

    g_date_subtract_days (&first, 29);
    empty = rj_trends_compute_for_entries (j.entries, j.profile, RJ_TRENDS_PERIOD_30_DAYS,
                                           &first, &j.last);
  }
  g_assert_false (empty->has_entries);
  g_assert_false (empty->has_cravings);
  g_assert_false (empty->has_mood);
  g_assert_false (empty->has_triggers);
  g_assert_false (empty->has_skills);
  g_assert_cmpuint (empty->n_days_logged, ==, 0);
  g_assert_cmpuint (empty->n_sober_days, ==, 0);
  text = rj_trends_chart_dup_empty_text (RJ_TRENDS_CHART_CRAVINGS, empty);
  g_assert_cmpstr (text, ==, "No days logged in these 30 days");

  journal_day (&j, 3)->mood = 6;
  {
    GDate first = j.last;

    g_date_subtract_days (&first, 29);
    no_cravings = rj_trends_compute_for_entries (j.entries, j.profile,
                                                 RJ_TRENDS_PERIOD_30_DAYS, &first, &j.last);
  }
  g_assert_true (no_cravings->has_entries);
  g_assert_true (no_cravings->has_mood);
  g_assert_false (no_cravings->has_cravings);
  text2 = rj_trends_chart_dup_empty_text (RJ_TRENDS_CHART_CRAVINGS, no_cravings);
  g_assert_cmpstr (text2, ==, "No cravings logged in these 30 days");
  g_assert_false (rj_trends_chart_has_data (RJ_TRENDS_CHART_CRAVINGS, no_cravings));
  g_assert_true (rj_trends_chart_has_data (RJ_TRENDS_CHART_MOOD, no_cravings));
  g_assert_true (rj_trends_chart_has_data (RJ_TRENDS_CHART_SOBER_DAYS, no_cravings));

  /* Every chart draws something in both states, inside its box. */
  rj_chart_style_init_print (&style, font);
  for (guint c = 0; c < RJ_TRENDS_N_CHARTS; c++)
    for (guint k = 0; k < 2; k++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
        cairo_t *cr = cairo_create (surface);

        rj_trends_chart_draw (c, cr, 400, 200, k == 0 ? empty : no_cravings, &style);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpuint (count_inked_pixels (surface), >, 50);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
  pango_font_description_free (font);
  journal_clear (&j);
}

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);

  g_test_add_func ("/trends/cravings-per-week", test_cravings_per_week);
  g_test_add_func ("/trends/partial-first-week", test_partial_first_week);
  g_test_add_func ("/trends/skill-effectiveness", test_skill_effectiveness);
  g_test_add_func ("/trends/sober-days-and-gaps", test_sober_days_and_gaps);
  g_test_add_func ("/trends/mood-averages", test_mood_averages);
  g_test_add_func ("/trends/period-boundaries", test_period_boundaries);
  g_test_add_func ("/trends/private-counts-only", test_private_counts_only);
  g_test_add_func ("/trends/empty-and-sparse", test_empty_and_sparse);
  g_test_add_func ("/trends/weekly-checks", test_weekly_checks);

  return g_test_run ();
}
