/* test-summary.c: the session summary adds up a hand-built journal, number by number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-summary"

#include "config.h"

#include <string.h>

#include "rj-summary.h"
#include "rj-test-util.h"

/* The journals start on Monday 2 June 2025: day (0) is that Monday. */
static GDate
day (int offset)
{
  GDate date;

  g_date_set_dmy (&date, 2, G_DATE_JUNE, 2025);
  if (offset >= 0)
    g_date_add_days (&date, offset);
  else
    g_date_subtract_days (&date, -offset);
  return date;
}

static void
assert_date (const GDate *date,
             int offset)
{
  GDate expected = day (offset);

  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_julian (date), ==, g_date_get_julian (&expected));
}

typedef struct {
  char *dir;
  RjStore *store;
  RjProfile *profile;
  const char *stress;         /* trigger ids */
  const char *payday;
  const char *old_friends;
  const char *walk;           /* skill ids */
  const char *call_sponsor;
  const char *urge_surfing;   /* hidden: it keeps its label */
  const char *alcohol;        /* a substance id */
} Fixture;

static void
fixture_set_up (Fixture *fixture,
                gconstpointer data)
{
  g_autofree char *path = NULL;

  fixture->dir = rj_test_make_tmp_dir ("rj-summary-XXXXXX");
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = rj_test_create_store (path, RJ_TEST_PASSPHRASE, NULL);

  fixture->profile = rj_profile_new ();
  fixture->stress = rj_profile_add_item (fixture->profile, RJ_LIST_TRIGGERS, "Stress")->id;
  fixture->payday = rj_profile_add_item (fixture->profile, RJ_LIST_TRIGGERS, "Payday")->id;
  fixture->old_friends = rj_profile_add_item (fixture->profile, RJ_LIST_TRIGGERS,
                                              "Old friends")->id;
  fixture->walk = rj_profile_add_item (fixture->profile, RJ_LIST_SKILLS, "Walk")->id;
  fixture->call_sponsor = rj_profile_add_item (fixture->profile, RJ_LIST_SKILLS,
                                               "Call sponsor")->id;
  {
    RjListItem *item = rj_profile_add_item (fixture->profile, RJ_LIST_SKILLS, "Urge surfing");

    item->hidden = TRUE;
    fixture->urge_surfing = item->id;
  }
  fixture->alcohol = rj_profile_add_item (fixture->profile, RJ_LIST_SUBSTANCES, "Alcohol")->id;
}

static void
fixture_tear_down (Fixture *fixture,
                   gconstpointer data)
{
  g_assert_true (rj_store_lock (fixture->store, NULL));
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->profile, rj_profile_unref);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
save (Fixture *fixture,
      const RjEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
}

static RjCraving *
add_craving (RjEntry *entry,
             int time_minutes,
             int intensity,
             int duration_minutes,
             const char *trigger_id,
             RjOutcome outcome)
{
  RjCraving *craving = rj_entry_add_craving (entry);

  craving->time_minutes = time_minutes;
  craving->intensity = intensity;
  craving->duration_minutes = duration_minutes;
  craving->trigger_id = g_strdup (trigger_id);
  craving->outcome = outcome;
  return craving;
}

/* A week, Monday day (0) to Sunday day (6), with a lapse on Wednesday, a day not
 * logged (Tuesday), a day of zeros (Thursday) and private items. IOP is on Sundays;
 * the client has been sober since day (-10). Day (-3) used "Call sponsor" already. */
static void
write_week (Fixture *fixture)
{
  GDate date;
  RjCraving *craving;

  fixture->profile->sober_start = day (-10);
  rj_profile_add_session (fixture->profile, G_DATE_SUNDAY, 18 * 60);

  {
    g_autoptr(RjEntry) entry = NULL;

    date = day (-3);
    entry = rj_entry_new (&date);
    craving = add_craving (entry, 10 * 60, 5, 5, fixture->payday, RJ_OUTCOME_RODE_IT_OUT);
    rj_craving_add_skill (craving, fixture->call_sponsor, RJ_HELPED_YES);
    save (fixture, entry);
  }
  {
    g_autoptr(RjEntry) entry = NULL;

    date = day (0);
    entry = rj_entry_new (&date);
    entry->mood = 6;
    entry->distress = 3;
    entry->sleep_minutes = 420;
    entry->halt.answered = RJ_HALT_ALL;
    entry->halt.yes = RJ_HALT_HUNGRY | RJ_HALT_TIRED;
    entry->medication_taken = RJ_ANSWER_YES;
    entry->meetings = 1;
    entry->support_calls = 0;
    entry->use.used = RJ_ANSWER_NO;
    craving = add_craving (entry, 8 * 60 + 30, 7, 15, fixture->stress,
                           RJ_OUTCOME_RODE_IT_OUT);
    rj_note_set (&craving->trigger_words, "boss, \"again\"", FALSE);
    craving->halt.answered = RJ_HALT_ANGRY;
    craving->halt.yes = RJ_HALT_ANGRY;
    rj_craving_add_skill (craving, fixture->walk, RJ_HELPED_YES);
    craving = add_craving (entry, 20 * 60, 4, RJ_NOT_LOGGED, fixture->payday,
                           RJ_OUTCOME_RODE_IT_OUT);
    rj_note_set (&craving->trigger_words, "secret-words-xyz", TRUE);
    rj_craving_add_skill (craving, fixture->call_sponsor, RJ_HELPED_PARTLY);
    save (fixture, entry);
  }
  /* Day (1) is not logged. */
  {
    g_autoptr(RjEntry) entry = NULL;

    date = day (2);
    entry = rj_entry_new (&date);
    entry->mood = 4;
    entry->sleep_minutes = 360;
    entry->medication_taken = RJ_ANSWER_NO;
    entry->meetings = 0;
    entry->support_calls = 2;
    entry->use.used = RJ_ANSWER_YES;
    entry->use.substance_id = g_strdup (fixture->alcohol);
    rj_note_set (&entry->use.amount, "two beers", FALSE);
    rj_note_set (&entry->use.what_happened, "secret-happened-xyz", TRUE);
    rj_note_set (&entry->use.next_time, "call before", FALSE);
    craving = add_craving (entry, 12 * 60, 9, 30, fixture->stress, RJ_OUTCOME_USED);
    rj_craving_add_skill (craving, fixture->urge_surfing, RJ_HELPED_NO);
    rj_entry_add_topic (entry, "work stress", FALSE);
    rj_entry_add_win (entry, "secret-win-xyz", TRUE);
    save (fixture, entry);
  }
  {
    g_autoptr(RjEntry) entry = NULL;

    date = day (3);
    entry = rj_entry_new (&date);
    entry->mood = 0;
    entry->distress = 0;
    entry->sleep_minutes = 0;
    entry->medication_taken = RJ_ANSWER_YES;
    entry->meetings = 0;
    entry->support_calls = 0;
    entry->use.used = RJ_ANSWER_NO;
    rj_entry_add_win (entry, "went to a meeting", FALSE);
    save (fixture, entry);
  }
  {
    g_autoptr(RjEntry) entry = NULL;

    date = day (4);
    entry = rj_entry_new (&date);
    add_craving (entry, 7 * 60, 7, 5, fixture->old_friends, RJ_OUTCOME_NOT_LOGGED);
    add_craving (entry, 6 * 60, 7, 10, fixture->stress, RJ_OUTCOME_NOT_LOGGED);
    /* The general notes never reach the summary, private or not. */
    rj_note_set (&entry->notes, "secret-note-xyz", TRUE);
    save (fixture, entry);
  }
  {
    g_autoptr(RjEntry) entry = NULL;

    date = day (5);
    entry = rj_entry_new (&date);
    entry->mood = 8;
    craving = add_craving (entry, RJ_NOT_LOGGED, 2, 3, fixture->payday,
                           RJ_OUTCOME_NOT_LOGGED);
    rj_craving_add_skill (craving, fixture->walk, RJ_HELPED_YES);
    save (fixture, entry);
  }
  {
    g_autoptr(RjEntry) entry = NULL;

    date = day (6);
    entry = rj_entry_new (&date);
    entry->mood = 7;
    craving = add_craving (entry, RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED, NULL,
                           RJ_OUTCOME_NOT_LOGGED);
    rj_craving_add_skill (craving, fixture->walk, RJ_HELPED_NOT_LOGGED);
    save (fixture, entry);
  }
}

static RjSummary *
compute (Fixture *fixture,
         int first,
         int last)
{
  GDate first_date = day (first);
  GDate last_date = day (last);

  return rj_summary_compute (fixture->store, fixture->profile, &first_date, &last_date);
}

static void
assert_column (const RjSummary *summary,
               guint index,
               guint n_days_logged,
               int mood,
               int distress,
               int sleep_minutes,
               int n_cravings,
               int peak,
               int minutes,
               guint8 halt_yes,
               RjAnswer used)
{
  const RjSummaryColumn *column = &g_array_index (summary->columns, RjSummaryColumn, index);

  g_test_message ("column %u", index);
  g_assert_cmpuint (column->n_days_logged, ==, n_days_logged);
  g_assert_cmpint (column->mood, ==, mood);
  g_assert_cmpint (column->distress, ==, distress);
  g_assert_cmpint (column->sleep_minutes, ==, sleep_minutes);
  g_assert_cmpint (column->n_cravings, ==, n_cravings);
  g_assert_cmpint (column->peak_intensity, ==, peak);
  g_assert_cmpint (column->craving_minutes, ==, minutes);
  g_assert_cmpuint (column->halt_yes, ==, halt_yes);
  g_assert_cmpint (column->used, ==, used);
}

static void
assert_craving (const RjSummaryCraving *craving,
                int date,
                int time_minutes,
                int intensity,
                int duration_minutes,
                const char *trigger_label,
                const char *trigger_words)
{
  assert_date (&craving->date, date);
  g_assert_cmpint (craving->time_minutes, ==, time_minutes);
  g_assert_cmpint (craving->intensity, ==, intensity);
  g_assert_cmpint (craving->duration_minutes, ==, duration_minutes);
  g_assert_cmpstr (craving->trigger_label, ==, trigger_label);
  g_assert_cmpstr (craving->trigger_words, ==, trigger_words);
}

/* Every number of the week's summary. */
static void
test_week (Fixture *fixture,
           gconstpointer data)
{
  g_autoptr(RjSummary) summary = NULL;
  const RjSummaryCraving *craving;
  const RjSummarySkillUse *use;
  const RjSummaryTriggerCount *trigger;
  const RjSummarySkillCount *skill;
  const RjSummaryLapse *lapse;
  const RjSummaryNote *note;

  fixture->profile->client_name = g_strdup ("J. D.");
  write_week (fixture);
  summary = compute (fixture, 0, 6);

  /* The period. */
  assert_date (&summary->first, 0);
  assert_date (&summary->last, 6);
  g_assert_cmpuint (summary->n_days, ==, 7);
  g_assert_cmpuint (summary->n_days_logged, ==, 6);
  g_assert_true (summary->since_last_session);
  assert_date (&summary->last_session, -1);
  g_assert_cmpstr (summary->client_name, ==, "J. D.");

  /* Status: the lapse on day (2). */
  g_assert_cmpuint (summary->n_use_days, ==, 1);
  assert_date (&summary->last_use, 2);
  g_assert_cmpint (summary->days_since_last_use, ==, 4);
  g_assert_cmpint (summary->sober_days_total, ==, 17 - 1);
  g_assert_cmpuint (summary->sober_days_in_period, ==, 5);
  g_assert_cmpuint (summary->medication_yes, ==, 2);
  g_assert_cmpuint (summary->medication_logged, ==, 3);
  g_assert_cmpint (summary->meetings, ==, 1);
  g_assert_cmpint (summary->support_calls, ==, 2);
  g_assert_cmpuint (summary->n_cravings, ==, 7);

  /* The day grid: not logged apart from zero. */
  g_assert_false (summary->columns_are_weeks);
  g_assert_cmpuint (summary->column_days, ==, 1);
  g_assert_cmpuint (summary->columns->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      const RjSummaryColumn *column = &g_array_index (summary->columns, RjSummaryColumn, i);

      assert_date (&column->first, i);
      assert_date (&column->last, i);
    }
  assert_column (summary, 0, 1, 6, 3, 420, 2, 7, 15, RJ_HALT_HUNGRY | RJ_HALT_TIRED,
                 RJ_ANSWER_NO);
  assert_column (summary, 1, 0, RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED,
                 RJ_NOT_LOGGED, RJ_NOT_LOGGED, 0, RJ_ANSWER_NOT_LOGGED);
  assert_column (summary, 2, 1, 4, RJ_NOT_LOGGED, 360, 1, 9, 30, 0, RJ_ANSWER_YES);
  assert_column (summary, 3, 1, 0, 0, 0, 0, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 0, RJ_ANSWER_NO);
  assert_column (summary, 4, 1, RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 2, 7, 15, 0,
                 RJ_ANSWER_NO);
  assert_column (summary, 5, 1, 8, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 1, 2, 3, 0, RJ_ANSWER_NO);
  assert_column (summary, 6, 1, 7, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 1, RJ_NOT_LOGGED,
                 RJ_NOT_LOGGED, 0, RJ_ANSWER_NO);

  /* The strongest five: by intensity, then date, then time. */
  g_assert_cmpuint (summary->top_cravings->len, ==, 5);
  g_assert_cmpuint (summary->n_more_cravings, ==, 2);
  craving = g_ptr_array_index (summary->top_cravings, 0);
  assert_craving (craving, 2, 12 * 60, 9, 30, "Stress", NULL);
  g_assert_cmpint (craving->outcome, ==, RJ_OUTCOME_USED);
  g_assert_cmpuint (craving->skills->len, ==, 1);
  use = &g_array_index (craving->skills, RjSummarySkillUse, 0);
  g_assert_cmpstr (use->label, ==, "Urge surfing");
  g_assert_cmpint (use->helped, ==, RJ_HELPED_NO);
  craving = g_ptr_array_index (summary->top_cravings, 1);
  assert_craving (craving, 0, 8 * 60 + 30, 7, 15, "Stress", "boss, \"again\"");
  g_assert_cmpuint (craving->halt_yes, ==, RJ_HALT_ANGRY);
  g_assert_cmpint (craving->outcome, ==, RJ_OUTCOME_RODE_IT_OUT);
  use = &g_array_index (craving->skills, RjSummarySkillUse, 0);
  g_assert_cmpstr (use->label, ==, "Walk");
  g_assert_cmpint (use->helped, ==, RJ_HELPED_YES);
  assert_craving (g_ptr_array_index (summary->top_cravings, 2), 4, 6 * 60, 7, 10, "Stress",
                  NULL);
  assert_craving (g_ptr_array_index (summary->top_cravings, 3), 4, 7 * 60, 7, 5,
                  "Old friends", NULL);
  /* Private words are left out. */
  craving = g_ptr_array_index (summary->top_cravings, 4);
  assert_craving (craving, 0, 20 * 60, 4, RJ_NOT_LOGGED, "Payday", NULL);
  use = &g_array_index (craving->skills, RjSummarySkillUse, 0);
  g_assert_cmpstr (use->label, ==, "Call sponsor");
  g_assert_cmpint (use->helped, ==, RJ_HELPED_PARTLY);

  /* Triggers, most first. */
  g_assert_cmpuint (summary->triggers->len, ==, 3);
  trigger = g_ptr_array_index (summary->triggers, 0);
  g_assert_cmpstr (trigger->label, ==, "Stress");
  g_assert_cmpstr (trigger->id, ==, fixture->stress);
  g_assert_cmpuint (trigger->count, ==, 3);
  trigger = g_ptr_array_index (summary->triggers, 1);
  g_assert_cmpstr (trigger->label, ==, "Payday");
  g_assert_cmpuint (trigger->count, ==, 2);
  trigger = g_ptr_array_index (summary->triggers, 2);
  g_assert_cmpstr (trigger->label, ==, "Old friends");
  g_assert_cmpuint (trigger->count, ==, 1);

  /* Skills, most used first; "Call sponsor" was used before the period. */
  g_assert_cmpuint (summary->skills->len, ==, 3);
  skill = g_ptr_array_index (summary->skills, 0);
  g_assert_cmpstr (skill->label, ==, "Walk");
  g_assert_cmpuint (skill->times_used, ==, 3);
  g_assert_cmpuint (skill->times_helped, ==, 2);
  g_assert_cmpuint (skill->times_partly, ==, 0);
  g_assert_true (skill->new_since_last_session);
  skill = g_ptr_array_index (summary->skills, 1);
  g_assert_cmpstr (skill->label, ==, "Call sponsor");
  g_assert_cmpuint (skill->times_used, ==, 1);
  g_assert_cmpuint (skill->times_helped, ==, 0);
  g_assert_cmpuint (skill->times_partly, ==, 1);
  g_assert_false (skill->new_since_last_session);
  skill = g_ptr_array_index (summary->skills, 2);
  g_assert_cmpstr (skill->label, ==, "Urge surfing");
  g_assert_cmpuint (skill->times_used, ==, 1);
  g_assert_cmpuint (skill->times_helped, ==, 0);
  g_assert_cmpuint (skill->times_partly, ==, 0);
  g_assert_true (skill->new_since_last_session);

  /* The lapse review, without the private text. */
  g_assert_cmpuint (summary->lapses->len, ==, 1);
  lapse = g_ptr_array_index (summary->lapses, 0);
  assert_date (&lapse->date, 2);
  g_assert_cmpstr (lapse->substance_label, ==, "Alcohol");
  g_assert_cmpstr (lapse->amount, ==, "two beers");
  g_assert_null (lapse->what_happened);
  g_assert_cmpstr (lapse->next_time, ==, "call before");

  /* Wins and topics; private ones counted, the private general note not. */
  g_assert_cmpuint (summary->wins->len, ==, 1);
  note = g_ptr_array_index (summary->wins, 0);
  assert_date (&note->date, 3);
  g_assert_cmpstr (note->text, ==, "went to a meeting");
  g_assert_cmpuint (summary->topics->len, ==, 1);
  note = g_ptr_array_index (summary->topics, 0);
  assert_date (&note->date, 2);
  g_assert_cmpstr (note->text, ==, "work stress");
  g_assert_cmpuint (summary->n_private_left_out, ==, 3);
}

/* A period after the lapse: no use in it, but the lapse still counts in the totals. */
static void
test_after_lapse (Fixture *fixture,
                  gconstpointer data)
{
  g_autoptr(RjSummary) summary = NULL;

  write_week (fixture);
  summary = compute (fixture, 3, 6);

  g_assert_cmpuint (summary->n_days, ==, 4);
  g_assert_cmpuint (summary->n_days_logged, ==, 4);
  g_assert_false (summary->since_last_session);
  g_assert_false (g_date_valid (&summary->last_session));
  g_assert_cmpuint (summary->n_use_days, ==, 0);
  g_assert_cmpuint (summary->lapses->len, ==, 0);
  assert_date (&summary->last_use, 2);
  g_assert_cmpint (summary->days_since_last_use, ==, 4);
  g_assert_cmpint (summary->sober_days_total, ==, 16);
  g_assert_cmpuint (summary->sober_days_in_period, ==, 4);
  g_assert_cmpuint (summary->n_cravings, ==, 4);
  g_assert_cmpuint (summary->top_cravings->len, ==, 4);
  g_assert_cmpuint (summary->n_more_cravings, ==, 0);
  /* "Walk" was first used on day (0), before this period. */
  g_assert_cmpuint (summary->skills->len, ==, 1);
  g_assert_false (((RjSummarySkillCount *) g_ptr_array_index (summary->skills, 0))
                  ->new_since_last_session);
  g_assert_cmpuint (summary->n_private_left_out, ==, 0);
}

/* A period with nothing logged: every number is "not logged", no count is made up. */
static void
test_nothing_logged (Fixture *fixture,
                     gconstpointer data)
{
  g_autoptr(RjSummary) summary = NULL;

  write_week (fixture);
  summary = compute (fixture, 1, 1);

  g_assert_cmpuint (summary->n_days, ==, 1);
  g_assert_cmpuint (summary->n_days_logged, ==, 0);
  g_assert_cmpuint (summary->sober_days_in_period, ==, 0);
  g_assert_cmpuint (summary->medication_logged, ==, 0);
  g_assert_cmpint (summary->meetings, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (summary->support_calls, ==, RJ_NOT_LOGGED);
  g_assert_cmpuint (summary->n_cravings, ==, 0);
  g_assert_cmpuint (summary->columns->len, ==, 1);
  assert_column (summary, 0, 0, RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED,
                 RJ_NOT_LOGGED, RJ_NOT_LOGGED, 0, RJ_ANSWER_NOT_LOGGED);
  g_assert_cmpuint (summary->top_cravings->len, ==, 0);
  g_assert_cmpuint (summary->triggers->len, ==, 0);
  g_assert_cmpuint (summary->skills->len, ==, 0);
  g_assert_cmpuint (summary->wins->len, ==, 0);
  g_assert_cmpuint (summary->topics->len, ==, 0);
}

/* Sixty days from day (0), every tenth day not logged; mood is the day's number mod 11,
 * and each day has one craving of intensity (day mod 11) lasting 10 minutes. */
static void
write_sixty_days (Fixture *fixture)
{
  for (int i = 0; i < 60; i++)
    {
      g_autoptr(RjEntry) entry = NULL;
      GDate date = day (i);

      if (i % 10 == 9)
        continue;
      entry = rj_entry_new (&date);
      entry->mood = i % 11;
      add_craving (entry, 9 * 60, i % 11, 10, fixture->stress, RJ_OUTCOME_RODE_IT_OUT);
      save (fixture, entry);
    }
}

typedef struct {
  guint n_days;
  guint n_columns;
  guint column_days;
  guint last_column_days;     /* the last column may be a partial week */
} PeriodCase;

static void
test_periods (Fixture *fixture,
              gconstpointer data)
{
  static const PeriodCase cases[] = {
    { 1, 1, 1, 1 },
    { 2, 2, 1, 1 },
    { 3, 3, 1, 1 },
    { 7, 7, 1, 1 },
    { 14, 2, 7, 7 },
    { 60, 5, 14, 4 },
  };

  write_sixty_days (fixture);

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const PeriodCase *expected = &cases[c];
      g_autoptr(RjSummary) summary = compute (fixture, 0, expected->n_days - 1);
      guint n_logged = 0;
      guint n_logged_in_columns = 0;
      const RjSummaryColumn *column;

      g_test_message ("%u days", expected->n_days);
      for (guint i = 0; i < expected->n_days; i++)
        if (i % 10 != 9)
          n_logged++;

      g_assert_cmpuint (summary->n_days, ==, expected->n_days);
      g_assert_cmpuint (summary->n_days_logged, ==, n_logged);
      g_assert_cmpuint (summary->n_cravings, ==, n_logged);
      g_assert_cmpuint (summary->sober_days_in_period, ==, n_logged);
      g_assert_cmpuint (summary->columns->len, ==, expected->n_columns);
      g_assert_cmpuint (summary->columns->len, <=, RJ_SUMMARY_MAX_COLUMNS);
      g_assert_cmpuint (summary->column_days, ==, expected->column_days);
      g_assert_true (summary->columns_are_weeks == (expected->column_days > 1));
      for (guint i = 0; i < summary->columns->len; i++)
        {
          column = &g_array_index (summary->columns, RjSummaryColumn, i);
          assert_date (&column->first, i * expected->column_days);
          n_logged_in_columns += column->n_days_logged;
          g_assert_cmpint (column->n_cravings, ==, column->n_days_logged);
          g_assert_cmpint (column->craving_minutes, ==, 10 * column->n_days_logged);
        }
      g_assert_cmpuint (n_logged_in_columns, ==, n_logged);
      /* The last column ends on the period's last day, a partial week for 60 days. */
      column = &g_array_index (summary->columns, RjSummaryColumn, summary->columns->len - 1);
      assert_date (&column->last, expected->n_days - 1);
      g_assert_cmpuint (g_date_days_between (&column->first, &column->last) + 1, ==,
                        expected->last_column_days);
      g_assert_cmpuint (summary->top_cravings->len, ==, MIN (n_logged, 5));
      g_assert_cmpuint (summary->n_more_cravings, ==, n_logged - MIN (n_logged, 5));
      g_assert_cmpuint (summary->triggers->len, ==, 1);
      g_assert_cmpuint (((RjSummaryTriggerCount *) g_ptr_array_index (summary->triggers, 0))
                        ->count, ==, n_logged);
    }

  /* Means by hand. One day: mood 0. Two days: 0 and 1, mean 0.5 rounds to 1. */
  {
    g_autoptr(RjSummary) summary = compute (fixture, 0, 1);

    assert_column (summary, 0, 1, 0, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 1, 0, 10, 0, RJ_ANSWER_NO);
    assert_column (summary, 1, 1, 1, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 1, 1, 10, 0, RJ_ANSWER_NO);
  }
  /* Fourteen days: moods 0-6 (mean 3); 7, 8, 10, 0, 1, 2 with day 9 not logged (28 / 6,
   * 4.67 rounds to 5), peaks 6 and 10. */
  {
    g_autoptr(RjSummary) summary = compute (fixture, 0, 13);

    assert_column (summary, 0, 7, 3, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 7, 6, 70, 0, RJ_ANSWER_NO);
    assert_column (summary, 1, 6, 5, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 6, 10, 60, 0, RJ_ANSWER_NO);
    /* The top cravings: day 10's ten, day 8's eight, then 7, 6 and 5; eight more. */
    g_assert_cmpuint (summary->top_cravings->len, ==, 5);
    assert_craving (g_ptr_array_index (summary->top_cravings, 0), 10, 9 * 60, 10, 10,
                    "Stress", NULL);
    assert_craving (g_ptr_array_index (summary->top_cravings, 1), 8, 9 * 60, 8, 10,
                    "Stress", NULL);
    g_assert_cmpuint (summary->n_more_cravings, ==, 8);
  }
  /* Sixty days in five columns of two weeks; the last has days 56-59: moods 1, 2, 3, 4
   * (day 59 not logged, so 1, 2, 3: mean 2). */
  {
    g_autoptr(RjSummary) summary = compute (fixture, 0, 59);
    const RjSummaryColumn *column = &g_array_index (summary->columns, RjSummaryColumn, 4);

    g_assert_cmpuint (column->n_days_logged, ==, 3);
    g_assert_cmpint (column->mood, ==, 2);
    g_assert_cmpint (column->peak_intensity, ==, 3);
    /* Days 0-13 without day 9: moods sum to 55 - 9 + 0 + 1 + 2 = 49 over 13 days. */
    column = &g_array_index (summary->columns, RjSummaryColumn, 0);
    g_assert_cmpuint (column->n_days_logged, ==, 13);
    g_assert_cmpint (column->mood, ==, 4);
  }
}

/* The default period runs from the day after the last attended session. */
static void
test_default_period (Fixture *fixture,
                     gconstpointer data)
{
  GDate today = day (6);
  GDate first, last;
  gboolean since_last_session = FALSE;

  /* No schedule, no session logged: the last seven days. */
  rj_summary_default_period (fixture->store, fixture->profile, &today, &first, &last,
                             &since_last_session);
  assert_date (&first, 0);
  assert_date (&last, 6);
  g_assert_false (since_last_session);

  /* Sessions on Thursdays by the schedule: day (3); today's own session is not
   * counted, the page is printed for it. */
  rj_profile_add_session (fixture->profile, G_DATE_THURSDAY, 18 * 60);
  rj_summary_default_period (fixture->store, fixture->profile, &today, &first, &last,
                             &since_last_session);
  assert_date (&first, 4);
  assert_date (&last, 6);
  g_assert_true (since_last_session);

  /* The client says they missed Thursday's session and went on Tuesday instead. */
  {
    g_autoptr(RjEntry) thursday = NULL;
    g_autoptr(RjEntry) tuesday = NULL;
    GDate date = day (3);

    thursday = rj_entry_new (&date);
    thursday->session_attended = RJ_ANSWER_NO;
    save (fixture, thursday);
    date = day (1);
    tuesday = rj_entry_new (&date);
    tuesday->session_attended = RJ_ANSWER_YES;
    save (fixture, tuesday);
  }
  rj_summary_default_period (fixture->store, fixture->profile, &today, &first, &last,
                             &since_last_session);
  assert_date (&first, 2);
  assert_date (&last, 6);
  g_assert_true (since_last_session);

  /* The summary of that period knows where it came from. */
  {
    g_autoptr(RjSummary) summary = rj_summary_compute (fixture->store, fixture->profile,
                                                       &first, &last);

    g_assert_true (summary->since_last_session);
    assert_date (&summary->last_session, 1);
    g_assert_cmpuint (summary->n_days, ==, 5);
  }
}

/* Splits the CSV into its lines, checking that each ends in CRLF. */
static char **
write_csv (Fixture *fixture,
           int first,
           int last)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GDate first_date = day (first);
  GDate last_date = day (last);
  g_autofree char *text = NULL;
  gsize size;

  g_assert_true (rj_summary_write_csv (fixture->store, fixture->profile, &first_date,
                                       &last_date, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), size);
  g_assert_cmpuint (strlen (text), ==, size);
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  g_assert_null (strstr (text, "xyz"));
  text[size - 2] = '\0';
  return g_strsplit (text, "\r\n", -1);
}

static void
test_csv (Fixture *fixture,
          gconstpointer data)
{
  static const char *const expected[] = {
    "date,mood,distress,sleep hours,HALT,cravings,peak intensity,craving minutes,used,"
    "medication,meetings,support calls",
    "2025-06-02,6,3,7.0,HT,2,7,15,no,yes,1,0",
    "2025-06-03,,,,,,,,,,,",
    "2025-06-04,4,,6.0,,1,9,30,yes,no,0,2",
    "2025-06-05,0,0,0.0,,0,,,no,yes,0,0",
    "2025-06-06,,,,,2,7,15,,,,",
    "2025-06-07,8,,,,1,2,3,,,,",
    "2025-06-08,7,,,,1,,,,,,",
    "",
    "date,time,intensity,minutes,trigger,trigger words,HALT,coping skills,outcome",
    "2025-06-02,08:30,7,15,Stress,\"boss, \"\"again\"\"\",A,Walk (helped),rode it out",
    "2025-06-02,20:00,4,,Payday,,,Call sponsor (partly),rode it out",
    "2025-06-04,12:00,9,30,Stress,,,Urge surfing (did not help),used",
    "2025-06-06,07:00,7,5,Old friends,,,,",
    "2025-06-06,06:00,7,10,Stress,,,,",
    "2025-06-07,,2,3,Payday,,,Walk (helped),",
    "2025-06-08,,,,,,,Walk,",
  };
  g_auto(GStrv) lines = NULL;

  write_week (fixture);
  lines = write_csv (fixture, 0, 6);

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_nonnull (lines[i]);
      g_assert_cmpstr (lines[i], ==, expected[i]);
    }
  g_assert_null (lines[G_N_ELEMENTS (expected)]);

  /* Sleep in tenths of an hour; 7 h 20 min is 7.3. */
  {
    g_autoptr(RjEntry) entry = NULL;
    g_auto(GStrv) more = NULL;
    GDate date = day (1);

    RjCraving *craving;

    entry = rj_entry_new (&date);
    entry->sleep_minutes = 440;
    /* Words a spreadsheet would run as a formula are kept as text. */
    craving = rj_entry_add_craving (entry);
    craving->intensity = 3;
    rj_note_set (&craving->trigger_words, "=SUM(A1)", FALSE);
    save (fixture, entry);
    more = write_csv (fixture, 1, 1);
    g_assert_cmpstr (more[1], ==, "2025-06-03,,,7.3,,1,3,,,,,");
    g_assert_cmpstr (more[2], ==, "");
    g_assert_nonnull (more[3]);
    g_assert_cmpstr (more[4], ==, "2025-06-03,,3,,,'=SUM(A1),,,");
    g_assert_null (more[5]);
  }
}

/* Use recorded only as a craving's outcome is a lapse too; an item gone from the
 * profile still reads; private words of a craving beyond the top five still count. */
static void
test_use_by_craving (Fixture *fixture,
                     gconstpointer data)
{
  g_autoptr(RjSummary) summary = NULL;
  const RjSummaryLapse *lapse;
  const RjSummaryCraving *craving;
  GDate date = day (0);

  {
    g_autoptr(RjEntry) entry = rj_entry_new (&date);
    RjCraving *last;

    for (int i = 0; i < 6; i++)
      add_craving (entry, 60 * i, 8, 1, fixture->stress, RJ_OUTCOME_RODE_IT_OUT);
    last = add_craving (entry, 23 * 60, 1, 1, "gone-trigger", RJ_OUTCOME_USED);
    rj_note_set (&last->trigger_words, "secret-weakest-xyz", TRUE);
    save (fixture, entry);
  }
  summary = compute (fixture, 0, 0);

  g_assert_cmpuint (summary->n_use_days, ==, 1);
  g_assert_cmpuint (summary->sober_days_in_period, ==, 0);
  assert_column (summary, 0, 1, RJ_NOT_LOGGED, RJ_NOT_LOGGED, RJ_NOT_LOGGED, 7, 8, 7, 0,
                 RJ_ANSWER_YES);
  g_assert_cmpuint (summary->lapses->len, ==, 1);
  lapse = g_ptr_array_index (summary->lapses, 0);
  assert_date (&lapse->date, 0);
  g_assert_null (lapse->substance_label);
  g_assert_null (lapse->amount);
  g_assert_null (lapse->what_happened);
  g_assert_null (lapse->next_time);
  /* No sober start: the totals are unknown, not zero. */
  assert_date (&summary->last_use, 0);
  g_assert_cmpint (summary->days_since_last_use, ==, -1);
  g_assert_cmpint (summary->sober_days_total, ==, -1);

  g_assert_cmpuint (summary->top_cravings->len, ==, 5);
  g_assert_cmpuint (summary->n_more_cravings, ==, 2);
  for (guint i = 0; i < 5; i++)
    {
      craving = g_ptr_array_index (summary->top_cravings, i);
      g_assert_cmpint (craving->time_minutes, ==, 60 * i);
    }
  g_assert_cmpuint (summary->n_private_left_out, ==, 1);
  g_assert_cmpuint (summary->triggers->len, ==, 2);
  g_assert_cmpstr (((RjSummaryTriggerCount *) g_ptr_array_index (summary->triggers, 1))->label,
                   ==, "Removed item");
}

/* A cancelled export fails with the cancellation, and writes nothing after it. */
static void
test_csv_cancelled (Fixture *fixture,
                    gconstpointer data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GDate first = day (0);
  GDate last = day (6);

  write_week (fixture);
  g_cancellable_cancel (cancellable);
  g_assert_false (rj_summary_write_csv (fixture->store, fixture->profile, &first, &last,
                                        stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                    ==, 0);
}

static const RjSummaryHomework *
homework_at (const RjSummary *summary,
             guint i)
{
  g_assert_cmpuint (i, <, summary->homework->len);
  return g_ptr_array_index (summary->homework, i);
}

/* Homework set on the session day is on the next page, with the state and note it has
 * by then; a private task is only counted; an older session's homework is not there. */
static void
test_homework (Fixture *fixture,
               gconstpointer data)
{
  g_autoptr(RjEntry) older = NULL;
  g_autoptr(RjEntry) session = NULL;
  g_autoptr(RjEntry) after = NULL;
  g_autoptr(RjSummary) summary = NULL;
  g_autoptr(RjSummary) before_any = NULL;
  g_autoptr(RjSummary) none = NULL;
  GDate date;
  RjHomework *homework;

  date = day (-7);
  older = rj_entry_new (&date);
  older->session_attended = RJ_ANSWER_YES;
  rj_entry_add_homework (older, "An older task", FALSE);
  save (fixture, older);

  date = day (0);
  session = rj_entry_new (&date);
  session->session_attended = RJ_ANSWER_YES;
  rj_note_set (&session->after_session.keep, "Cravings pass like waves", FALSE);
  homework = rj_entry_add_homework (session, "Try urge surfing twice before Thursday", FALSE);
  homework->state = RJ_HOMEWORK_DONE;
  rj_note_set (&homework->how_it_went, "Did it once, it helped", FALSE);
  rj_entry_add_homework (session, "Read the leaflet on sleep", FALSE);
  homework = rj_entry_add_homework (session, "Call my sister", TRUE);
  homework->state = RJ_HOMEWORK_DONE;
  homework = rj_entry_add_homework (session, "Write down three triggers", FALSE);
  rj_note_set (&homework->how_it_went, "Only one so far", TRUE);
  save (fixture, session);

  /* The client ticks off the leaflet two days later: in the session day's entry. */
  g_clear_pointer (&session, rj_entry_unref);
  date = day (0);
  session = rj_store_dup_entry (fixture->store, &date);
  g_assert_nonnull (session);
  g_assert_cmpuint (rj_entry_count_open_homework (session), ==, 2);
  homework = g_ptr_array_index (session->after_session.homework, 1);
  homework->state = RJ_HOMEWORK_DONE;
  save (fixture, session);

  date = day (2);
  after = rj_entry_new (&date);
  after->mood = 6;
  save (fixture, after);

  summary = compute (fixture, 1, 4);
  g_assert_true (summary->since_last_session);
  assert_date (&summary->homework_set_on, 0);
  g_assert_cmpuint (summary->n_homework_total, ==, 4);
  g_assert_cmpuint (summary->n_homework_done, ==, 3);
  g_assert_cmpuint (summary->n_homework_private, ==, 1);
  g_assert_cmpuint (summary->homework->len, ==, 3);
  g_assert_cmpstr (homework_at (summary, 0)->task, ==, "Try urge surfing twice before Thursday");
  g_assert_cmpint (homework_at (summary, 0)->state, ==, RJ_HOMEWORK_DONE);
  g_assert_cmpstr (homework_at (summary, 0)->how_it_went, ==, "Did it once, it helped");
  g_assert_cmpstr (homework_at (summary, 1)->task, ==, "Read the leaflet on sleep");
  g_assert_cmpint (homework_at (summary, 1)->state, ==, RJ_HOMEWORK_DONE);
  g_assert_null (homework_at (summary, 1)->how_it_went);
  g_assert_cmpstr (homework_at (summary, 2)->task, ==, "Write down three triggers");
  g_assert_cmpint (homework_at (summary, 2)->state, ==, RJ_HOMEWORK_OPEN);
  g_assert_null (homework_at (summary, 2)->how_it_went);
  /* The private task, and the private note on a public one. */
  g_assert_cmpuint (summary->n_private_left_out, ==, 2);

  /* The period that starts the day after the older session shows its task. */
  before_any = compute (fixture, -6, -1);
  assert_date (&before_any->homework_set_on, -7);
  g_assert_cmpuint (before_any->homework->len, ==, 1);
  g_assert_cmpstr (homework_at (before_any, 0)->task, ==, "An older task");
  g_assert_cmpint (homework_at (before_any, 0)->state, ==, RJ_HOMEWORK_OPEN);

  /* No session in the 60 days before: no block. */
  none = compute (fixture, -30, -20);
  g_assert_false (g_date_valid (&none->homework_set_on));
  g_assert_cmpuint (none->homework->len, ==, 0);
  g_assert_cmpuint (none->n_homework_total, ==, 0);
}

/* The check-in of the days after a session lists the tasks still open, private ones
 * too; ticking one off in the session day's entry takes it off the list. */
static void
test_open_homework (Fixture *fixture,
                    gconstpointer data)
{
  GDate date = day (0);
  GDate today = day (3);
  g_autoptr(RjEntry) session = rj_entry_new (&date);
  g_autoptr(RjEntry) today_entry = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) too_far = NULL;
  const RjOpenHomework *item;
  RjHomework *homework;

  session->session_attended = RJ_ANSWER_YES;
  rj_entry_add_homework (session, "Try urge surfing twice", FALSE);
  homework = rj_entry_add_homework (session, "Read the leaflet", FALSE);
  homework->state = RJ_HOMEWORK_DONE;
  rj_entry_add_homework (session, "Call my sister", TRUE);
  save (fixture, session);

  /* Homework set today is for the days after, not for today's check-in. */
  today_entry = rj_entry_new (&today);
  rj_entry_add_homework (today_entry, "Set today", FALSE);
  save (fixture, today_entry);

  open = rj_summary_dup_open_homework (fixture->store, &today, 14);
  g_assert_cmpuint (open->len, ==, 2);
  item = g_ptr_array_index (open, 0);
  assert_date (&item->set_on, 0);
  g_assert_cmpstr (item->homework->task.text, ==, "Try urge surfing twice");
  item = g_ptr_array_index (open, 1);
  g_assert_cmpstr (item->homework->task.text, ==, "Call my sister");
  g_assert_true (item->homework->task.is_private);

  /* Ticked off where it lives. */
  homework = rj_entry_find_homework (session, ((RjOpenHomework *) g_ptr_array_index (open, 0))
                                                ->homework->id);
  g_assert_nonnull (homework);
  homework->state = RJ_HOMEWORK_DONE;
  save (fixture, session);
  after = rj_summary_dup_open_homework (fixture->store, &today, 14);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (((RjOpenHomework *) g_ptr_array_index (after, 0))->homework->task.text, ==,
                   "Call my sister");

  too_far = rj_summary_dup_open_homework (fixture->store, &today, 2);
  g_assert_cmpuint (too_far->len, ==, 0);
}

static void
save_weekly (Fixture *fixture,
             int offset,
             int often,
             int strong,
             int how_long,
             int hard,
             int overall)
{
  GDate date = day (offset);
  g_autoptr(RjEntry) entry = rj_store_dup_entry (fixture->store, &date);

  if (entry == NULL)
    entry = rj_entry_new (&date);
  entry->weekly.answers[RJ_WEEKLY_HOW_OFTEN] = often;
  entry->weekly.answers[RJ_WEEKLY_HOW_STRONG] = strong;
  entry->weekly.answers[RJ_WEEKLY_HOW_LONG] = how_long;
  entry->weekly.answers[RJ_WEEKLY_HOW_HARD] = hard;
  entry->weekly.answers[RJ_WEEKLY_OVERALL] = overall;
  save (fixture, entry);
}

/* The latest weekly check and the one of the week before, against hand-added totals.
 * Day 0 is a Monday: days -7 to -1 are one week, -14 to -8 the one before. */
static void
test_weekly (Fixture *fixture,
             gconstpointer data)
{
  g_autoptr(RjSummary) summary = NULL;
  g_autoptr(RjSummary) earlier = NULL;
  g_autoptr(RjSummary) only_one = NULL;
  g_autoptr(RjSummary) too_old = NULL;
  g_autoptr(RjSummary) zero = NULL;

  save_weekly (fixture, -21, 6, 6, 6, 6, 6);                    /* 30 */
  save_weekly (fixture, -14, 1, 2, 3, 4, 0);                    /* 10, a Monday */
  save_weekly (fixture, -8, 3, 3, 3, 3, RJ_NOT_LOGGED);         /* 12 of 4, a Sunday */
  save_weekly (fixture, -5, 4, 4, 4, 4, 4);                     /* 20 */
  save_weekly (fixture, -3, 2, 2, 2, 2, 2);                     /* 10, same week: latest */

  summary = compute (fixture, -2, 2);
  assert_date (&summary->weekly_latest.date, -3);
  g_assert_cmpint (summary->weekly_latest.total, ==, 10);
  g_assert_cmpuint (summary->weekly_latest.n_answered, ==, 5);
  assert_date (&summary->weekly_previous.date, -8);
  g_assert_cmpint (summary->weekly_previous.total, ==, 12);
  g_assert_cmpuint (summary->weekly_previous.n_answered, ==, 4);

  /* A page printed on day -9 sees the Monday check and the one of the week before. */
  earlier = compute (fixture, -12, -9);
  assert_date (&earlier->weekly_latest.date, -14);
  g_assert_cmpint (earlier->weekly_latest.total, ==, 10);
  assert_date (&earlier->weekly_previous.date, -21);
  g_assert_cmpint (earlier->weekly_previous.total, ==, 30);

  /* The first check ever: no week before. */
  only_one = compute (fixture, -21, -16);
  assert_date (&only_one->weekly_latest.date, -21);
  g_assert_false (g_date_valid (&only_one->weekly_previous.date));
  g_assert_cmpint (only_one->weekly_previous.total, ==, RJ_NOT_LOGGED);

  /* More than 35 days after the last check: nothing to show. */
  too_old = compute (fixture, 30, 33);
  g_assert_false (g_date_valid (&too_old->weekly_latest.date));
  g_assert_cmpint (too_old->weekly_latest.total, ==, RJ_NOT_LOGGED);

  /* All zeros is a check with a total of 0, not a missing one. */
  save_weekly (fixture, 40, 0, 0, 0, 0, 0);
  zero = compute (fixture, 40, 41);
  assert_date (&zero->weekly_latest.date, 40);
  g_assert_cmpint (zero->weekly_latest.total, ==, 0);
  g_assert_cmpuint (zero->weekly_latest.n_answered, ==, 5);
}

/* The lapse review's words reach the summary's lapse; private ones are counted. */
static void
test_lapse_review (Fixture *fixture,
                   gconstpointer data)
{
  GDate date = day (1);
  g_autoptr(RjEntry) entry = rj_entry_new (&date);
  g_autoptr(RjEntry) sober = NULL;
  g_autoptr(RjSummary) summary = NULL;
  const RjSummaryLapse *lapse;

  entry->use.used = RJ_ANSWER_YES;
  entry->review.stress = 0;
  rj_note_set (&entry->review.vulnerable, "Two nights of bad sleep", FALSE);
  rj_note_set (&entry->review.set_off, "Payday and the old route home", FALSE);
  rj_note_set (&entry->review.thoughts, "Ashamed, then angry", TRUE);
  save (fixture, entry);

  /* A review on a day without use is not a lapse: it is not on the page. */
  date = day (2);
  sober = rj_entry_new (&date);
  sober->use.used = RJ_ANSWER_NO;
  rj_note_set (&sober->review.set_off, "Should not show", FALSE);
  save (fixture, sober);

  summary = compute (fixture, 0, 3);
  g_assert_cmpuint (summary->lapses->len, ==, 1);
  lapse = g_ptr_array_index (summary->lapses, 0);
  assert_date (&lapse->date, 1);
  g_assert_cmpint (lapse->stress, ==, 0);
  g_assert_cmpstr (lapse->vulnerable, ==, "Two nights of bad sleep");
  g_assert_cmpstr (lapse->set_off, ==, "Payday and the old route home");
  g_assert_null (lapse->thoughts);
  g_assert_cmpuint (summary->n_private_left_out, ==, 1);
}

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/summary/week", test_week);
  ADD ("/summary/after-lapse", test_after_lapse);
  ADD ("/summary/nothing-logged", test_nothing_logged);
  ADD ("/summary/periods", test_periods);
  ADD ("/summary/default-period", test_default_period);
  ADD ("/summary/use-by-craving", test_use_by_craving);
  ADD ("/summary/csv", test_csv);
  ADD ("/summary/csv-cancelled", test_csv_cancelled);
  ADD ("/summary/homework", test_homework);
  ADD ("/summary/weekly", test_weekly);
  ADD ("/summary/open-homework", test_open_homework);
  ADD ("/summary/lapse-review", test_lapse_review);
#undef ADD

  return g_test_run ();
}
