/* rj-summary.c: the one-page session summary, as numbers and lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-summary"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "rj-recovery-stats.h"
#include "rj-summary.h"

#define DEFAULT_SESSION_LOOKBACK 60
#define DEFAULT_PERIOD_DAYS 7
#define WEEKLY_LOOKBACK 35

G_DEFINE_BOXED_TYPE (RjSummary, rj_summary, rj_summary_ref, rj_summary_unref)

/* Freeing. The summary holds decrypted text: it is overwritten before it is freed. */

static void
summary_craving_free (RjSummaryCraving *craving)
{
  /* The top cravings are stolen out of the array of all, leaving NULL behind. */
  if (craving == NULL)
    return;
  g_free (craving->trigger_label);
  rj_wipe_string (craving->trigger_words);
  g_clear_pointer (&craving->skills, g_array_unref);
  g_free (craving);
}

static void
skill_use_clear (RjSummarySkillUse *use)
{
  g_free (use->skill_id);
  g_free (use->label);
}

static void
trigger_count_free (RjSummaryTriggerCount *count)
{
  g_free (count->id);
  g_free (count->label);
  g_free (count);
}

static void
skill_count_free (RjSummarySkillCount *count)
{
  g_free (count->id);
  g_free (count->label);
  g_free (count);
}

static void
lapse_free (RjSummaryLapse *lapse)
{
  g_free (lapse->substance_label);
  rj_wipe_string (lapse->amount);
  rj_wipe_string (lapse->what_happened);
  rj_wipe_string (lapse->next_time);
  rj_wipe_string (lapse->vulnerable);
  rj_wipe_string (lapse->set_off);
  rj_wipe_string (lapse->thoughts);
  g_free (lapse);
}

static void
summary_homework_free (RjSummaryHomework *homework)
{
  rj_wipe_string (homework->task);
  rj_wipe_string (homework->how_it_went);
  g_free (homework);
}

static void
summary_note_free (RjSummaryNote *note)
{
  rj_wipe_string (note->text);
  g_free (note);
}

/* Helpers. */

static gboolean
note_has_text (const RjNote *note)
{
  return note->text != NULL && note->text[0] != '\0';
}

/* The note's text for the page, or NULL; counts it when it is left out as private. */
static char *
public_text (const RjNote *note,
             guint *n_private)
{
  if (!note_has_text (note))
    return NULL;
  if (note->is_private)
    {
      (*n_private)++;
      return NULL;
    }
  return g_strdup (note->text);
}

static int
rounded_mean (gint64 sum,
              guint n)
{
  if (n == 0)
    return RJ_NOT_LOGGED;
  /* Every value summed here is non-negative. */
  return (int) ((sum + n / 2) / n);
}

static guint
day_index (const GDate *date,
           const GDate *first)
{
  return g_date_get_julian (date) - g_date_get_julian (first);
}

/* Computing. */

typedef struct {
  gint64 mood_sum;
  guint mood_n;
  gint64 distress_sum;
  guint distress_n;
  gint64 sleep_sum;
  guint sleep_n;
} ColumnSums;

typedef struct {
  RjSummary *summary;
  const RjProfile *profile;
  ColumnSums *sums;
  GPtrArray *cravings;        /* of RjSummaryCraving*, every craving of the period */
  GHashTable *triggers;       /* id → RjSummaryTriggerCount*, owned by summary->triggers */
  GHashTable *skills;         /* id → RjSummarySkillCount*, owned by summary->skills */
} Compute;

static RjSummaryCraving *
summary_craving_new (const RjProfile *profile,
                     const GDate *date,
                     const RjCraving *craving,
                     guint *n_private)
{
  RjSummaryCraving *result = g_new0 (RjSummaryCraving, 1);

  result->date = *date;
  result->time_minutes = craving->time_minutes;
  result->intensity = craving->intensity;
  result->duration_minutes = craving->duration_minutes;
  result->trigger_label =
    g_strdup (rj_profile_item_label (profile, RJ_LIST_TRIGGERS, craving->trigger_id));
  result->trigger_words = public_text (&craving->trigger_words, n_private);
  result->halt_yes = craving->halt.yes;
  result->outcome = craving->outcome;
  result->skills = g_array_sized_new (FALSE, TRUE, sizeof (RjSummarySkillUse),
                                      craving->skills->len);
  g_array_set_clear_func (result->skills, (GDestroyNotify) skill_use_clear);
  for (guint i = 0; i < craving->skills->len; i++)
    {
      const RjSkillUse *use = &g_array_index (craving->skills, RjSkillUse, i);
      RjSummarySkillUse summary_use = {
        .skill_id = g_strdup (use->skill_id),
        .label = g_strdup (rj_profile_item_label (profile, RJ_LIST_SKILLS, use->skill_id)),
        .helped = use->helped,
      };

      g_array_append_val (result->skills, summary_use);
    }
  return result;
}

static void
count_craving (Compute *compute,
               const RjCraving *craving)
{
  RjSummary *summary = compute->summary;

  if (craving->trigger_id != NULL)
    {
      RjSummaryTriggerCount *count = g_hash_table_lookup (compute->triggers,
                                                          craving->trigger_id);
      if (count == NULL)
        {
          count = g_new0 (RjSummaryTriggerCount, 1);
          count->id = g_strdup (craving->trigger_id);
          count->label = g_strdup (rj_profile_item_label (compute->profile, RJ_LIST_TRIGGERS,
                                                          craving->trigger_id));
          g_ptr_array_add (summary->triggers, count);
          g_hash_table_insert (compute->triggers, count->id, count);
        }
      count->count++;
    }

  for (guint i = 0; i < craving->skills->len; i++)
    {
      const RjSkillUse *use = &g_array_index (craving->skills, RjSkillUse, i);
      RjSummarySkillCount *count;

      if (use->skill_id == NULL)
        continue;
      count = g_hash_table_lookup (compute->skills, use->skill_id);
      if (count == NULL)
        {
          count = g_new0 (RjSummarySkillCount, 1);
          count->id = g_strdup (use->skill_id);
          count->label = g_strdup (rj_profile_item_label (compute->profile, RJ_LIST_SKILLS,
                                                          use->skill_id));
          /* Until a craving before the period shows otherwise. */
          count->new_since_last_session = TRUE;
          g_ptr_array_add (summary->skills, count);
          g_hash_table_insert (compute->skills, count->id, count);
        }
      count->times_used++;
      if (use->helped == RJ_HELPED_YES)
        count->times_helped++;
      else if (use->helped == RJ_HELPED_PARTLY)
        count->times_partly++;
    }
}

static void
add_notes (GPtrArray *to,
           const GDate *date,
           GPtrArray *notes,
           guint *n_private)
{
  for (guint i = 0; i < notes->len; i++)
    {
      const RjNote *note = g_ptr_array_index (notes, i);
      char *text = public_text (note, n_private);

      if (text != NULL)
        {
          RjSummaryNote *summary_note = g_new0 (RjSummaryNote, 1);

          summary_note->date = *date;
          summary_note->text = text;
          g_ptr_array_add (to, summary_note);
        }
    }
}

static gboolean
compute_entry_cb (const RjEntry *entry,
                  gpointer user_data)
{
  Compute *compute = user_data;
  RjSummary *summary = compute->summary;
  guint index = day_index (&entry->date, &summary->first) / summary->column_days;
  RjSummaryColumn *column;
  ColumnSums *sums;
  gboolean used = rj_entry_records_use (entry);

  g_assert (index < summary->columns->len);
  column = &g_array_index (summary->columns, RjSummaryColumn, index);
  sums = &compute->sums[index];

  summary->n_days_logged++;
  column->n_days_logged++;

  /* The day grid. */
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
  if (entry->sleep_minutes != RJ_NOT_LOGGED)
    {
      sums->sleep_sum += entry->sleep_minutes;
      sums->sleep_n++;
    }
  if (column->n_cravings == RJ_NOT_LOGGED)
    column->n_cravings = 0;
  column->n_cravings += entry->cravings->len;
  column->halt_yes |= entry->halt.yes;
  if (used)
    column->used = RJ_ANSWER_YES;
  else if (column->used == RJ_ANSWER_NOT_LOGGED)
    column->used = RJ_ANSWER_NO;

  /* Status. */
  if (used)
    summary->n_use_days++;
  else
    summary->sober_days_in_period++;
  if (entry->medication_taken != RJ_ANSWER_NOT_LOGGED)
    {
      summary->medication_logged++;
      if (entry->medication_taken == RJ_ANSWER_YES)
        summary->medication_yes++;
    }
  if (entry->meetings != RJ_NOT_LOGGED)
    summary->meetings = MAX (summary->meetings, 0) + entry->meetings;
  if (entry->support_calls != RJ_NOT_LOGGED)
    summary->support_calls = MAX (summary->support_calls, 0) + entry->support_calls;
  summary->n_cravings += entry->cravings->len;

  /* Cravings. */
  for (guint i = 0; i < entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (entry->cravings, i);

      if (craving->intensity != RJ_NOT_LOGGED)
        column->peak_intensity = MAX (column->peak_intensity, craving->intensity);
      if (craving->duration_minutes != RJ_NOT_LOGGED)
        column->craving_minutes = MAX (column->craving_minutes, 0) + craving->duration_minutes;
      g_ptr_array_add (compute->cravings,
                       summary_craving_new (compute->profile, &entry->date, craving,
                                            &summary->n_private_left_out));
      count_craving (compute, craving);
    }

  /* The lapse review: only for a day of use, the only place its texts appear. */
  if (used)
    {
      RjSummaryLapse *lapse = g_new0 (RjSummaryLapse, 1);
      guint *n_private = &summary->n_private_left_out;

      lapse->date = entry->date;
      lapse->substance_label = g_strdup (rj_profile_item_label (compute->profile,
                                                                RJ_LIST_SUBSTANCES,
                                                                entry->use.substance_id));
      lapse->amount = public_text (&entry->use.amount, n_private);
      lapse->what_happened = public_text (&entry->use.what_happened, n_private);
      lapse->next_time = public_text (&entry->use.next_time, n_private);
      lapse->stress = entry->review.stress;
      lapse->vulnerable = public_text (&entry->review.vulnerable, n_private);
      lapse->set_off = public_text (&entry->review.set_off, n_private);
      lapse->thoughts = public_text (&entry->review.thoughts, n_private);
      g_ptr_array_add (summary->lapses, lapse);
    }

  add_notes (summary->wins, &entry->date, entry->wins, &summary->n_private_left_out);
  add_notes (summary->topics, &entry->date, entry->topics, &summary->n_private_left_out);
  /* entry->notes never appears on a summary, private or not: it is not counted. */

  return TRUE;
}

typedef struct {
  gboolean found;
  GDate date;
} LastUse;

static gboolean
find_last_use_cb (const RjEntry *entry,
                  gpointer user_data)
{
  LastUse *last_use = user_data;

  if (!rj_entry_records_use (entry))
    return TRUE;
  last_use->found = TRUE;
  last_use->date = entry->date;
  return FALSE;
}

typedef struct {
  GHashTable *skills;         /* id → RjSummarySkillCount* */
  guint n_left;               /* skills still marked new */
} SkillHistory;

static gboolean
skill_history_cb (const RjEntry *entry,
                  gpointer user_data)
{
  SkillHistory *history = user_data;

  for (guint i = 0; i < entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (entry->cravings, i);

      for (guint j = 0; j < craving->skills->len; j++)
        {
          const RjSkillUse *use = &g_array_index (craving->skills, RjSkillUse, j);
          RjSummarySkillCount *count;

          if (use->skill_id == NULL)
            continue;
          count = g_hash_table_lookup (history->skills, use->skill_id);
          if (count != NULL && count->new_since_last_session)
            {
              count->new_since_last_session = FALSE;
              history->n_left--;
            }
        }
    }
  /* Every skill of the period has been used before: the rest of history cannot
   * change anything. */
  return history->n_left > 0;
}

/* Weeks start on Monday: 1 January of the year 1 (julian day 1) was a Monday. */
static guint
week_of (const GDate *date)
{
  return (g_date_get_julian (date) - 1) / 7;
}

typedef struct {
  RjSummaryWeekly *latest;
  RjSummaryWeekly *previous;
  GDate stop;                 /* the walk ends before this day */
} WeeklyWalk;

static gboolean
weekly_cb (const RjEntry *entry,
           gpointer user_data)
{
  WeeklyWalk *walk = user_data;
  RjSummaryWeekly *into;
  guint n_answered;
  int total;

  if (g_date_valid (&walk->stop) && g_date_compare (&entry->date, &walk->stop) < 0)
    return FALSE;
  if (rj_weekly_check_is_empty (&entry->weekly))
    return TRUE;

  if (!g_date_valid (&walk->latest->date))
    {
      into = walk->latest;
      /* The week before may be up to WEEKLY_LOOKBACK days older than this one. */
      walk->stop = entry->date;
      g_date_subtract_days (&walk->stop, MIN (WEEKLY_LOOKBACK,
                                              g_date_get_julian (&entry->date) - 1));
    }
  else if (week_of (&entry->date) < week_of (&walk->latest->date))
    into = walk->previous;
  else
    return TRUE;          /* a second check in the same week: the latest one counts */

  total = rj_weekly_check_total (&entry->weekly, &n_answered);
  into->date = entry->date;
  into->total = total;
  into->n_answered = n_answered;
  return into == walk->latest;
}

static void
compute_weekly (RjSummary *self,
                RjStore *store,
                const GDate *last)
{
  WeeklyWalk walk = { &self->weekly_latest, &self->weekly_previous, { 0 } };
  GDate from = *last;

  g_date_clear (&walk.stop, 1);
  g_date_subtract_days (&from, MIN (2 * WEEKLY_LOOKBACK, g_date_get_julian (last) - 1));
  walk.stop = *last;
  g_date_subtract_days (&walk.stop, MIN (WEEKLY_LOOKBACK, g_date_get_julian (last) - 1));
  rj_store_foreach_entry (store, &from, last, TRUE, weekly_cb, &walk);
}

static void
compute_homework (RjSummary *self,
                  RjStore *store,
                  const RjProfile *profile,
                  const GDate *first)
{
  g_autoptr(RjEntry) entry = NULL;
  GDate session;

  if (!rj_find_last_session (store, profile, first, DEFAULT_SESSION_LOOKBACK, &session))
    return;
  entry = rj_store_dup_entry (store, &session);
  if (entry == NULL || entry->after_session.homework->len == 0)
    return;

  self->homework_set_on = session;
  for (guint i = 0; i < entry->after_session.homework->len; i++)
    {
      const RjHomework *homework = g_ptr_array_index (entry->after_session.homework, i);
      RjSummaryHomework *shown;

      self->n_homework_total++;
      if (homework->state == RJ_HOMEWORK_DONE)
        self->n_homework_done++;
      if (homework->task.is_private)
        {
          /* The task and its note go together: one item kept back. */
          self->n_homework_private++;
          self->n_private_left_out++;
          continue;
        }
      shown = g_new0 (RjSummaryHomework, 1);
      shown->task = public_text (&homework->task, &self->n_private_left_out);
      shown->state = homework->state;
      shown->how_it_went = public_text (&homework->how_it_went, &self->n_private_left_out);
      g_ptr_array_add (self->homework, shown);
    }
}

static int
compare_cravings (gconstpointer a,
                  gconstpointer b)
{
  const RjSummaryCraving *ca = *(RjSummaryCraving * const *) a;
  const RjSummaryCraving *cb = *(RjSummaryCraving * const *) b;
  int order;

  if (ca->intensity != cb->intensity)
    return ca->intensity > cb->intensity ? -1 : 1;
  order = g_date_compare (&ca->date, &cb->date);
  if (order != 0)
    return order;
  if (ca->time_minutes != cb->time_minutes)
    return ca->time_minutes < cb->time_minutes ? -1 : 1;
  return 0;
}

static int
compare_trigger_counts (gconstpointer a,
                        gconstpointer b)
{
  const RjSummaryTriggerCount *ta = *(RjSummaryTriggerCount * const *) a;
  const RjSummaryTriggerCount *tb = *(RjSummaryTriggerCount * const *) b;

  if (ta->count != tb->count)
    return ta->count > tb->count ? -1 : 1;
  return g_utf8_collate (ta->label, tb->label);
}

static int
compare_skill_counts (gconstpointer a,
                      gconstpointer b)
{
  const RjSummarySkillCount *sa = *(RjSummarySkillCount * const *) a;
  const RjSummarySkillCount *sb = *(RjSummarySkillCount * const *) b;

  if (sa->times_used != sb->times_used)
    return sa->times_used > sb->times_used ? -1 : 1;
  return g_utf8_collate (sa->label, sb->label);
}

static RjSummary *
summary_new (const GDate *first,
             const GDate *last)
{
  RjSummary *self = g_new0 (RjSummary, 1);
  guint n_columns;

  g_atomic_ref_count_init (&self->ref_count);
  self->first = *first;
  self->last = *last;
  self->n_days = day_index (last, first) + 1;
  g_date_clear (&self->last_session, 1);
  g_date_clear (&self->last_use, 1);
  self->days_since_last_use = -1;
  self->sober_days_total = -1;
  self->meetings = RJ_NOT_LOGGED;
  self->support_calls = RJ_NOT_LOGGED;

  /* Up to 7 days, a column per day. Longer, a column per week counted from @first;
   * beyond 7 weeks, a column per as many whole weeks as keep the grid to 7 columns. */
  if (self->n_days <= RJ_SUMMARY_MAX_COLUMNS)
    self->column_days = 1;
  else
    {
      guint weeks = (self->n_days + 7 - 1) / 7;
      guint weeks_per_column = (weeks + RJ_SUMMARY_MAX_COLUMNS - 1) / RJ_SUMMARY_MAX_COLUMNS;

      self->column_days = 7 * weeks_per_column;
      self->columns_are_weeks = TRUE;
    }
  n_columns = (self->n_days + self->column_days - 1) / self->column_days;
  g_assert (n_columns <= RJ_SUMMARY_MAX_COLUMNS);

  self->columns = g_array_sized_new (FALSE, TRUE, sizeof (RjSummaryColumn), n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      RjSummaryColumn column = {
        .n_days_logged = 0,
        .mood = RJ_NOT_LOGGED,
        .distress = RJ_NOT_LOGGED,
        .sleep_minutes = RJ_NOT_LOGGED,
        .n_cravings = RJ_NOT_LOGGED,
        .peak_intensity = RJ_NOT_LOGGED,
        .craving_minutes = RJ_NOT_LOGGED,
        .halt_yes = 0,
        .used = RJ_ANSWER_NOT_LOGGED,
      };

      column.first = *first;
      g_date_add_days (&column.first, i * self->column_days);
      column.last = column.first;
      g_date_add_days (&column.last, self->column_days - 1);
      if (g_date_compare (&column.last, last) > 0)
        column.last = *last;
      g_array_append_val (self->columns, column);
    }

  self->top_cravings = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_craving_free);
  self->triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) trigger_count_free);
  self->skills = g_ptr_array_new_with_free_func ((GDestroyNotify) skill_count_free);
  self->lapses = g_ptr_array_new_with_free_func ((GDestroyNotify) lapse_free);
  self->wins = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_note_free);
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_note_free);
  g_date_clear (&self->homework_set_on, 1);
  self->homework = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_homework_free);
  g_date_clear (&self->weekly_latest.date, 1);
  self->weekly_latest.total = RJ_NOT_LOGGED;
  g_date_clear (&self->weekly_previous.date, 1);
  self->weekly_previous.total = RJ_NOT_LOGGED;
  return self;
}

/* Public API. */

RjSummary *
rj_summary_ref (RjSummary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rj_summary_unref (RjSummary *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->client_name);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->top_cravings);
  g_ptr_array_unref (self->triggers);
  g_ptr_array_unref (self->skills);
  g_ptr_array_unref (self->lapses);
  g_ptr_array_unref (self->wins);
  g_ptr_array_unref (self->topics);
  g_ptr_array_unref (self->homework);
  g_free (self);
}

void
rj_summary_default_period (RjStore *store,
                           const RjProfile *profile,
                           const GDate *today,
                           GDate *first,
                           GDate *last,
                           gboolean *since_last_session)
{
  GDate session;
  gboolean found;

  g_return_if_fail (RJ_IS_STORE (store));
  g_return_if_fail (profile != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (first != NULL && last != NULL);

  /* Today's session, if any, is the one the page is printed for: look before today. */
  found = rj_find_last_session (store, profile, today, DEFAULT_SESSION_LOOKBACK, &session);
  *last = *today;
  if (found)
    {
      *first = session;
      g_date_add_days (first, 1);
    }
  else
    {
      *first = *today;
      g_date_subtract_days (first, MIN (DEFAULT_PERIOD_DAYS - 1,
                                        g_date_get_julian (today) - 1));
    }
  if (since_last_session != NULL)
    *since_last_session = found;
}

RjSummary *
rj_summary_compute (RjStore *store,
                    const RjProfile *profile,
                    const GDate *first,
                    const GDate *last)
{
  g_autoptr(GHashTable) triggers = NULL;
  g_autoptr(GHashTable) skills = NULL;
  g_autoptr(GPtrArray) cravings = NULL;
  g_autofree ColumnSums *sums = NULL;
  RjRecoveryStats stats;
  LastUse last_use = { 0 };
  Compute compute;
  RjSummary *self;

  g_return_val_if_fail (RJ_IS_STORE (store), NULL);
  g_return_val_if_fail (rj_store_is_unlocked (store), NULL);
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, NULL);

  self = summary_new (first, last);
  self->client_name = g_strdup (profile->client_name);

  /* Where the period came from: it starts the day after an attended session. */
  if (g_date_get_julian (first) > 1)
    {
      GDate before = *first;
      g_autoptr(RjEntry) entry = NULL;

      g_date_subtract_days (&before, 1);
      entry = rj_store_dup_entry (store, &before);
      if (rj_attended_session (profile, entry, &before))
        {
          self->since_last_session = TRUE;
          self->last_session = before;
        }
    }

  sums = g_new0 (ColumnSums, self->columns->len);
  cravings = g_ptr_array_new_with_free_func ((GDestroyNotify) summary_craving_free);
  triggers = g_hash_table_new (g_str_hash, g_str_equal);
  skills = g_hash_table_new (g_str_hash, g_str_equal);
  compute = (Compute) {
    .summary = self,
    .profile = profile,
    .sums = sums,
    .cravings = cravings,
    .triggers = triggers,
    .skills = skills,
  };
  rj_store_foreach_entry (store, first, last, FALSE, compute_entry_cb, &compute);

  for (guint i = 0; i < self->columns->len; i++)
    {
      RjSummaryColumn *column = &g_array_index (self->columns, RjSummaryColumn, i);

      column->mood = rounded_mean (sums[i].mood_sum, sums[i].mood_n);
      column->distress = rounded_mean (sums[i].distress_sum, sums[i].distress_n);
      column->sleep_minutes = rounded_mean (sums[i].sleep_sum, sums[i].sleep_n);
    }

  /* The strongest cravings; the rest are only counted. */
  g_ptr_array_sort (cravings, compare_cravings);
  for (guint i = 0; i < cravings->len && i < RJ_SUMMARY_TOP_CRAVINGS; i++)
    g_ptr_array_add (self->top_cravings, g_steal_pointer (&cravings->pdata[i]));
  self->n_more_cravings = cravings->len - self->top_cravings->len;

  g_ptr_array_sort (self->triggers, compare_trigger_counts);
  g_ptr_array_sort (self->skills, compare_skill_counts);

  /* A skill is new when no craving before the period used it. */
  if (self->skills->len > 0 && g_date_get_julian (first) > 1)
    {
      SkillHistory history = { skills, self->skills->len };
      GDate before = *first;

      g_date_subtract_days (&before, 1);
      rj_store_foreach_entry (store, NULL, &before, TRUE, skill_history_cb, &history);
    }

  /* Status over the whole journal, up to the period's last day. */
  rj_store_foreach_entry (store, NULL, last, TRUE, find_last_use_cb, &last_use);
  if (last_use.found)
    self->last_use = last_use.date;
  rj_recovery_stats_compute (store, profile, last, &stats);
  self->days_since_last_use = stats.days_since_last_use;
  self->sober_days_total = stats.sober_days_total;

  compute_homework (self, store, profile, first);
  compute_weekly (self, store, last);

  return self;
}

void
rj_open_homework_free (RjOpenHomework *open)
{
  if (open == NULL)
    return;
  rj_homework_free (open->homework);
  g_free (open);
}

static gboolean
open_homework_cb (const RjEntry *entry,
                  gpointer user_data)
{
  GPtrArray *open = user_data;

  for (guint i = 0; i < entry->after_session.homework->len; i++)
    {
      const RjHomework *homework = g_ptr_array_index (entry->after_session.homework, i);
      RjOpenHomework *item;

      if (homework->state != RJ_HOMEWORK_OPEN)
        continue;
      item = g_new0 (RjOpenHomework, 1);
      item->set_on = entry->date;
      item->homework = rj_homework_copy (homework);
      g_ptr_array_add (open, item);
    }
  return TRUE;
}

GPtrArray *
rj_summary_dup_open_homework (RjStore *store,
                              const GDate *today,
                              guint max_days)
{
  GPtrArray *open;
  GDate first, last;

  g_return_val_if_fail (RJ_IS_STORE (store), NULL);
  g_return_val_if_fail (rj_store_is_unlocked (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  open = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_open_homework_free);
  if (max_days == 0 || g_date_get_julian (today) <= 1)
    return open;
  last = *today;
  g_date_subtract_days (&last, 1);
  first = *today;
  g_date_subtract_days (&first, MIN (max_days, g_date_get_julian (today) - 1));
  rj_store_foreach_entry (store, &first, &last, FALSE, open_homework_cb, open);
  return open;
}

/* CSV. */

typedef char *WipedString;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (WipedString, rj_wipe_string, NULL)

/* Appends @value as one RFC 4180 field, quoted when it needs to be. A field that a
 * spreadsheet would take for a formula (=, +, -, @ first) gets a leading apostrophe,
 * so that opening the export never runs anything the client's words happen to say. */
static void
csv_append_field (GString *row,
                  const char *value)
{
  g_auto(WipedString) guarded = NULL;

  if (row->len > 0)
    g_string_append_c (row, ',');
  if (value == NULL)
    return;
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    value = guarded = g_strconcat ("'", value, NULL);
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (row, value);
      return;
    }
  g_string_append_c (row, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static void
csv_append_int (GString *row,
                int value)
{
  char buf[16];

  if (value == RJ_NOT_LOGGED)
    {
      csv_append_field (row, NULL);
      return;
    }
  g_snprintf (buf, sizeof buf, "%d", value);
  csv_append_field (row, buf);
}

static void
csv_append_answer (GString *row,
                   RjAnswer answer)
{
  csv_append_field (row, answer == RJ_ANSWER_YES ? "yes" : answer == RJ_ANSWER_NO ? "no" : NULL);
}

/* The letters answered "yes"; "none" when HALT was answered without a yes. */
static void
csv_append_halt (GString *row,
                 const RjHalt *halt)
{
  static const char letters[] = "HALT";
  char buf[5] = { 0 };
  guint n = 0;

  if (halt->answered == 0)
    {
      csv_append_field (row, NULL);
      return;
    }
  for (guint i = 0; i < 4; i++)
    if (halt->yes & (1 << i))
      buf[n++] = letters[i];
  csv_append_field (row, n > 0 ? buf : "none");
}

static void
csv_append_date (GString *row,
                 const GDate *date)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  csv_append_field (row, buf);
}

typedef struct {
  const RjProfile *profile;
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
  GDate next_day;             /* the day rows: the next day to write */
  GString *row;
} CsvWriter;

/* Writes the row and empties it, overwriting the text it held. */
static gboolean
csv_flush_row (CsvWriter *writer)
{
  gboolean ok;

  g_string_append (writer->row, "\r\n");
  /* Not every stream looks at the cancellable (a memory stream does not). */
  ok = !g_cancellable_set_error_if_cancelled (writer->cancellable, &writer->error)
       && g_output_stream_write_all (writer->stream, writer->row->str, writer->row->len, NULL,
                                  writer->cancellable, &writer->error);
  sodium_memzero (writer->row->str, writer->row->len);
  g_string_truncate (writer->row, 0);
  return ok;
}

static gboolean
csv_write_empty_day (CsvWriter *writer,
                     const GDate *date)
{
  csv_append_date (writer->row, date);
  for (guint i = 1; i < 12; i++)
    g_string_append_c (writer->row, ',');
  return csv_flush_row (writer);
}

static gboolean
csv_write_day (CsvWriter *writer,
               const RjEntry *entry)
{
  GString *row = writer->row;
  int peak = RJ_NOT_LOGGED;
  int minutes = RJ_NOT_LOGGED;

  csv_append_date (row, &entry->date);
  csv_append_int (row, entry->mood);
  csv_append_int (row, entry->distress);
  if (entry->sleep_minutes == RJ_NOT_LOGGED)
    csv_append_field (row, NULL);
  else
    {
      char buf[32];

      /* Sleep in hours to the tenth, written with a dot whatever the locale. */
      int tenths = (entry->sleep_minutes * 10 + 30) / 60;

      g_snprintf (buf, sizeof buf, "%d.%d", tenths / 10, tenths % 10);
      csv_append_field (row, buf);
    }
  csv_append_halt (row, &entry->halt);
  for (guint i = 0; i < entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (entry->cravings, i);

      if (craving->intensity != RJ_NOT_LOGGED)
        peak = MAX (peak, craving->intensity);
      if (craving->duration_minutes != RJ_NOT_LOGGED)
        minutes = MAX (minutes, 0) + craving->duration_minutes;
    }
  csv_append_int (row, (int) entry->cravings->len);
  csv_append_int (row, peak);
  csv_append_int (row, minutes);
  csv_append_answer (row, rj_entry_records_use (entry) ? RJ_ANSWER_YES : entry->use.used);
  csv_append_answer (row, entry->medication_taken);
  csv_append_int (row, entry->meetings);
  csv_append_int (row, entry->support_calls);
  return csv_flush_row (writer);
}

static gboolean
csv_days_cb (const RjEntry *entry,
             gpointer user_data)
{
  CsvWriter *writer = user_data;

  while (g_date_compare (&writer->next_day, &entry->date) < 0)
    {
      if (!csv_write_empty_day (writer, &writer->next_day))
        return FALSE;
      g_date_add_days (&writer->next_day, 1);
    }
  if (!csv_write_day (writer, entry))
    return FALSE;
  g_date_add_days (&writer->next_day, 1);
  return TRUE;
}

static const char *
helped_word (RjHelped helped)
{
  switch (helped)
    {
    case RJ_HELPED_YES:
      return "helped";
    case RJ_HELPED_PARTLY:
      return "partly";
    case RJ_HELPED_NO:
      return "did not help";
    case RJ_HELPED_NOT_LOGGED:
    default:
      return NULL;
    }
}

static gboolean
csv_cravings_cb (const RjEntry *entry,
                 gpointer user_data)
{
  CsvWriter *writer = user_data;

  for (guint i = 0; i < entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (entry->cravings, i);
      GString *row = writer->row;
      g_autoptr(GString) skills = g_string_new (NULL);

      csv_append_date (row, &entry->date);
      if (craving->time_minutes == RJ_NOT_LOGGED)
        csv_append_field (row, NULL);
      else
        {
          char buf[16];

          g_snprintf (buf, sizeof buf, "%02d:%02d", craving->time_minutes / 60,
                      craving->time_minutes % 60);
          csv_append_field (row, buf);
        }
      csv_append_int (row, craving->intensity);
      csv_append_int (row, craving->duration_minutes);
      csv_append_field (row, rj_profile_item_label (writer->profile, RJ_LIST_TRIGGERS,
                                                    craving->trigger_id));
      csv_append_field (row, craving->trigger_words.is_private
                             ? NULL : craving->trigger_words.text);
      csv_append_halt (row, &craving->halt);
      for (guint j = 0; j < craving->skills->len; j++)
        {
          const RjSkillUse *use = &g_array_index (craving->skills, RjSkillUse, j);
          const char *helped = helped_word (use->helped);

          if (skills->len > 0)
            g_string_append (skills, "; ");
          g_string_append (skills, rj_profile_item_label (writer->profile, RJ_LIST_SKILLS,
                                                          use->skill_id));
          if (helped != NULL)
            g_string_append_printf (skills, " (%s)", helped);
        }
      csv_append_field (row, skills->len > 0 ? skills->str : NULL);
      csv_append_field (row, craving->outcome == RJ_OUTCOME_RODE_IT_OUT ? "rode it out"
                             : craving->outcome == RJ_OUTCOME_USED ? "used" : NULL);
      if (!csv_flush_row (writer))
        return FALSE;
    }
  return TRUE;
}

gboolean
rj_summary_write_csv (RjStore *store,
                      const RjProfile *profile,
                      const GDate *first,
                      const GDate *last,
                      GOutputStream *stream,
                      GCancellable *cancellable,
                      GError **error)
{
  g_autoptr(GString) row = g_string_new (NULL);
  CsvWriter writer = { 0 };

  g_return_val_if_fail (RJ_IS_STORE (store), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (first != NULL && g_date_valid (first), FALSE);
  g_return_val_if_fail (last != NULL && g_date_valid (last), FALSE);
  g_return_val_if_fail (g_date_compare (first, last) <= 0, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* This runs in a thread; the journal may lock (by hand or on idle) at any moment
   * before or while it does, which is an error to report, not a programming error.
   * The message is the summary window's, so that its translation is found. */
  if (!rj_store_is_unlocked (store))
    {
      g_set_error_literal (error, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED,
                           _("The journal is locked"));
      return FALSE;
    }

  writer.profile = profile;
  writer.stream = stream;
  writer.cancellable = cancellable;
  writer.next_day = *first;
  writer.row = row;

  g_string_append (row, "date,mood,distress,sleep hours,HALT,cravings,peak intensity,"
                        "craving minutes,used,medication,meetings,support calls");
  if (!csv_flush_row (&writer))
    goto failed;
  rj_store_foreach_entry (store, first, last, FALSE, csv_days_cb, &writer);
  if (writer.error != NULL)
    goto failed;
  while (g_date_compare (&writer.next_day, last) <= 0)
    {
      if (!csv_write_empty_day (&writer, &writer.next_day))
        goto failed;
      g_date_add_days (&writer.next_day, 1);
    }

  /* A blank line, then the cravings with their own header row. */
  if (!csv_flush_row (&writer))
    goto failed;
  g_string_append (row, "date,time,intensity,minutes,trigger,trigger words,HALT,"
                        "coping skills,outcome");
  if (!csv_flush_row (&writer))
    goto failed;
  rj_store_foreach_entry (store, first, last, FALSE, csv_cravings_cb, &writer);
  if (writer.error != NULL)
    goto failed;
  /* A store locked part way through reads as empty: the file would lack rows. */
  if (!rj_store_is_unlocked (store))
    {
      g_set_error_literal (error, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED,
                           _("The journal is locked"));
      return FALSE;
    }

  return TRUE;

failed:
  g_propagate_error (error, writer.error);
  return FALSE;
}
