/* rj-entry.c: one day of the journal, as the client logged it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-entry"

#include "config.h"

#include <string.h>
#include <sodium.h>

#include "rj-entry.h"

G_DEFINE_BOXED_TYPE (RjEntry, rj_entry, rj_entry_ref, rj_entry_unref)
G_DEFINE_BOXED_TYPE (RjCraving, rj_craving, rj_craving_copy, rj_craving_free)

void
rj_wipe_string (char *str)
{
  if (str == NULL)
    return;
  sodium_memzero (str, strlen (str));
  g_free (str);
}

static void
note_clear (RjNote *note)
{
  g_clear_pointer (&note->text, rj_wipe_string);
  note->is_private = FALSE;
}

static void
note_copy_into (RjNote *dest,
                const RjNote *src)
{
  dest->text = g_strdup (src->text);
  dest->is_private = src->is_private;
}

static gboolean
str_equal0 (const char *a,
            const char *b)
{
  /* NULL and "" are the same to a reader: both mean nothing was written. */
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static gboolean
note_equal (const RjNote *a,
            const RjNote *b)
{
  return str_equal0 (a->text, b->text) && !a->is_private == !b->is_private;
}

static gboolean
halt_equal (const RjHalt *a,
            const RjHalt *b)
{
  return a->answered == b->answered && a->yes == b->yes;
}

RjNote *
rj_note_new (const char *text,
             gboolean is_private)
{
  RjNote *note = g_new0 (RjNote, 1);

  note->text = g_strdup (text);
  note->is_private = !!is_private;
  return note;
}

void
rj_note_free (RjNote *note)
{
  if (note == NULL)
    return;
  note_clear (note);
  g_free (note);
}

void
rj_note_set (RjNote *note,
             const char *text,
             gboolean is_private)
{
  char *copy;

  g_return_if_fail (note != NULL);

  /* Copy first: @text may point into the note itself. */
  copy = g_strdup (text);
  rj_wipe_string (note->text);
  note->text = copy;
  note->is_private = !!is_private;
}

gboolean
rj_note_is_empty (const RjNote *note)
{
  return note->text == NULL || note->text[0] == '\0';
}

static RjNote *
note_dup (const RjNote *note)
{
  return rj_note_new (note->text, note->is_private);
}

static void
skill_use_clear (gpointer data)
{
  RjSkillUse *use = data;

  g_clear_pointer (&use->skill_id, g_free);
}

static RjCraving *
craving_new_without_id (void)
{
  RjCraving *self = g_new0 (RjCraving, 1);

  self->time_minutes = RJ_NOT_LOGGED;
  self->intensity = RJ_NOT_LOGGED;
  self->duration_minutes = RJ_NOT_LOGGED;
  self->skills = g_array_new (FALSE, TRUE, sizeof (RjSkillUse));
  g_array_set_clear_func (self->skills, skill_use_clear);
  self->outcome = RJ_OUTCOME_NOT_LOGGED;
  return self;
}

RjCraving *
rj_craving_new (void)
{
  RjCraving *self = craving_new_without_id ();

  self->id = g_uuid_string_random ();
  return self;
}

void
rj_craving_free (RjCraving *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->trigger_id);
  note_clear (&self->trigger_words);
  g_array_unref (self->skills);
  g_free (self);
}

void
rj_craving_add_skill (RjCraving *self,
                      const char *skill_id,
                      RjHelped helped)
{
  RjSkillUse use = { g_strdup (skill_id), helped };

  g_return_if_fail (self != NULL);
  g_return_if_fail (skill_id != NULL);

  g_array_append_val (self->skills, use);
}

/* Whether nothing about the craving was logged but when it came: a craving opened
 * and left blank. */
gboolean
rj_craving_is_empty (const RjCraving *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->intensity == RJ_NOT_LOGGED &&
         self->duration_minutes == RJ_NOT_LOGGED &&
         self->trigger_id == NULL &&
         rj_note_is_empty (&self->trigger_words) &&
         self->halt.answered == 0 &&
         self->skills->len == 0 &&
         self->outcome == RJ_OUTCOME_NOT_LOGGED;
}

RjCraving *
rj_craving_copy (const RjCraving *self)
{
  RjCraving *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = craving_new_without_id ();
  copy->id = g_strdup (self->id);
  copy->time_minutes = self->time_minutes;
  copy->intensity = self->intensity;
  copy->duration_minutes = self->duration_minutes;
  copy->trigger_id = g_strdup (self->trigger_id);
  note_copy_into (&copy->trigger_words, &self->trigger_words);
  copy->halt = self->halt;
  for (guint i = 0; i < self->skills->len; i++)
    {
      const RjSkillUse *use = &g_array_index (self->skills, RjSkillUse, i);
      rj_craving_add_skill (copy, use->skill_id, use->helped);
    }
  copy->outcome = self->outcome;
  return copy;
}

static gboolean
craving_equal (const RjCraving *a,
               const RjCraving *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 ||
      a->time_minutes != b->time_minutes ||
      a->intensity != b->intensity ||
      a->duration_minutes != b->duration_minutes ||
      g_strcmp0 (a->trigger_id, b->trigger_id) != 0 ||
      !note_equal (&a->trigger_words, &b->trigger_words) ||
      !halt_equal (&a->halt, &b->halt) ||
      a->outcome != b->outcome ||
      a->skills->len != b->skills->len)
    return FALSE;

  for (guint i = 0; i < a->skills->len; i++)
    {
      const RjSkillUse *ua = &g_array_index (a->skills, RjSkillUse, i);
      const RjSkillUse *ub = &g_array_index (b->skills, RjSkillUse, i);

      if (g_strcmp0 (ua->skill_id, ub->skill_id) != 0 || ua->helped != ub->helped)
        return FALSE;
    }
  return TRUE;
}

static gboolean
notes_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!note_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

RjHomework *
rj_homework_new (const char *task,
                 gboolean is_private)
{
  RjHomework *self = g_new0 (RjHomework, 1);

  self->id = g_uuid_string_random ();
  rj_note_set (&self->task, task, is_private);
  self->state = RJ_HOMEWORK_OPEN;
  return self;
}

RjHomework *
rj_homework_copy (const RjHomework *self)
{
  RjHomework *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (RjHomework, 1);
  copy->id = g_strdup (self->id);
  note_copy_into (&copy->task, &self->task);
  copy->state = self->state;
  note_copy_into (&copy->how_it_went, &self->how_it_went);
  return copy;
}

void
rj_homework_free (RjHomework *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  note_clear (&self->task);
  note_clear (&self->how_it_went);
  g_free (self);
}

static gboolean
homework_equal (const RjHomework *a,
                const RjHomework *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         note_equal (&a->task, &b->task) &&
         a->state == b->state &&
         note_equal (&a->how_it_went, &b->how_it_went);
}

static gboolean
strings_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
after_session_equal (const RjAfterSession *a,
                     const RjAfterSession *b)
{
  if (!note_equal (&a->keep, &b->keep) ||
      !strings_equal (a->practise, b->practise) ||
      a->homework->len != b->homework->len)
    return FALSE;
  for (guint i = 0; i < a->homework->len; i++)
    if (!homework_equal (g_ptr_array_index (a->homework, i), g_ptr_array_index (b->homework, i)))
      return FALSE;
  return TRUE;
}

static gboolean
review_equal (const RjLapseReview *a,
              const RjLapseReview *b)
{
  return a->stress == b->stress &&
         note_equal (&a->vulnerable, &b->vulnerable) &&
         note_equal (&a->set_off, &b->set_off) &&
         note_equal (&a->thoughts, &b->thoughts);
}

static gboolean
weekly_equal (const RjWeeklyCheck *a,
              const RjWeeklyCheck *b)
{
  for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
    if (a->answers[i] != b->answers[i])
      return FALSE;
  return TRUE;
}

gboolean
rj_lapse_review_is_empty (const RjLapseReview *review)
{
  g_return_val_if_fail (review != NULL, TRUE);

  return review->stress == RJ_NOT_LOGGED &&
         rj_note_is_empty (&review->vulnerable) &&
         rj_note_is_empty (&review->set_off) &&
         rj_note_is_empty (&review->thoughts);
}

int
rj_weekly_check_total (const RjWeeklyCheck *check,
                       guint *n_answered_out)
{
  guint n_answered = 0;
  int total = 0;

  g_return_val_if_fail (check != NULL, 0);

  for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
    if (check->answers[i] != RJ_NOT_LOGGED)
      {
        total += check->answers[i];
        n_answered++;
      }
  if (n_answered_out != NULL)
    *n_answered_out = n_answered;
  return total;
}

gboolean
rj_weekly_check_is_empty (const RjWeeklyCheck *check)
{
  guint n_answered;

  rj_weekly_check_total (check, &n_answered);
  return n_answered == 0;
}

RjEntry *
rj_entry_new (const GDate *date)
{
  RjEntry *self;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  self = g_new0 (RjEntry, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->date = *date;
  self->mood = RJ_NOT_LOGGED;
  self->distress = RJ_NOT_LOGGED;
  self->sleep_minutes = RJ_NOT_LOGGED;
  self->cravings = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_craving_free);
  self->meetings = RJ_NOT_LOGGED;
  self->support_calls = RJ_NOT_LOGGED;
  self->wins = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_note_free);
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_note_free);
  self->after_session.practise = g_ptr_array_new_with_free_func (g_free);
  self->after_session.homework =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rj_homework_free);
  self->review.stress = RJ_NOT_LOGGED;
  for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
    self->weekly.answers[i] = RJ_NOT_LOGGED;
  return self;
}

RjEntry *
rj_entry_ref (RjEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rj_entry_unref (RjEntry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->cravings);
  g_free (self->use.substance_id);
  note_clear (&self->use.amount);
  note_clear (&self->use.what_happened);
  note_clear (&self->use.next_time);
  g_ptr_array_unref (self->wins);
  g_ptr_array_unref (self->topics);
  note_clear (&self->notes);
  note_clear (&self->after_session.keep);
  g_ptr_array_unref (self->after_session.practise);
  g_ptr_array_unref (self->after_session.homework);
  note_clear (&self->review.vulnerable);
  note_clear (&self->review.set_off);
  note_clear (&self->review.thoughts);
  sodium_memzero (self, sizeof *self);
  g_free (self);
}

RjEntry *
rj_entry_copy (const RjEntry *self)
{
  RjEntry *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = rj_entry_new (&self->date);
  copy->mood = self->mood;
  copy->distress = self->distress;
  copy->sleep_minutes = self->sleep_minutes;
  copy->halt = self->halt;
  for (guint i = 0; i < self->cravings->len; i++)
    g_ptr_array_add (copy->cravings, rj_craving_copy (g_ptr_array_index (self->cravings, i)));
  copy->use.used = self->use.used;
  copy->use.substance_id = g_strdup (self->use.substance_id);
  note_copy_into (&copy->use.amount, &self->use.amount);
  note_copy_into (&copy->use.what_happened, &self->use.what_happened);
  note_copy_into (&copy->use.next_time, &self->use.next_time);
  copy->medication_taken = self->medication_taken;
  copy->meetings = self->meetings;
  copy->support_calls = self->support_calls;
  copy->session_attended = self->session_attended;
  for (guint i = 0; i < self->wins->len; i++)
    g_ptr_array_add (copy->wins, note_dup (g_ptr_array_index (self->wins, i)));
  for (guint i = 0; i < self->topics->len; i++)
    g_ptr_array_add (copy->topics, note_dup (g_ptr_array_index (self->topics, i)));
  note_copy_into (&copy->notes, &self->notes);
  note_copy_into (&copy->after_session.keep, &self->after_session.keep);
  for (guint i = 0; i < self->after_session.practise->len; i++)
    g_ptr_array_add (copy->after_session.practise,
                     g_strdup (g_ptr_array_index (self->after_session.practise, i)));
  for (guint i = 0; i < self->after_session.homework->len; i++)
    g_ptr_array_add (copy->after_session.homework,
                     rj_homework_copy (g_ptr_array_index (self->after_session.homework, i)));
  copy->review.stress = self->review.stress;
  note_copy_into (&copy->review.vulnerable, &self->review.vulnerable);
  note_copy_into (&copy->review.set_off, &self->review.set_off);
  note_copy_into (&copy->review.thoughts, &self->review.thoughts);
  copy->weekly = self->weekly;
  return copy;
}

gboolean
rj_entry_equal (const RjEntry *a,
                const RjEntry *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_date_compare (&a->date, &b->date) != 0 ||
      a->mood != b->mood ||
      a->distress != b->distress ||
      a->sleep_minutes != b->sleep_minutes ||
      !halt_equal (&a->halt, &b->halt) ||
      a->cravings->len != b->cravings->len ||
      a->use.used != b->use.used ||
      g_strcmp0 (a->use.substance_id, b->use.substance_id) != 0 ||
      !note_equal (&a->use.amount, &b->use.amount) ||
      !note_equal (&a->use.what_happened, &b->use.what_happened) ||
      !note_equal (&a->use.next_time, &b->use.next_time) ||
      a->medication_taken != b->medication_taken ||
      a->meetings != b->meetings ||
      a->support_calls != b->support_calls ||
      a->session_attended != b->session_attended ||
      !notes_equal (a->wins, b->wins) ||
      !notes_equal (a->topics, b->topics) ||
      !note_equal (&a->notes, &b->notes) ||
      !after_session_equal (&a->after_session, &b->after_session) ||
      !review_equal (&a->review, &b->review) ||
      !weekly_equal (&a->weekly, &b->weekly))
    return FALSE;

  for (guint i = 0; i < a->cravings->len; i++)
    if (!craving_equal (g_ptr_array_index (a->cravings, i), g_ptr_array_index (b->cravings, i)))
      return FALSE;

  return TRUE;
}

gboolean
rj_entry_is_empty (const RjEntry *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->mood == RJ_NOT_LOGGED &&
         self->distress == RJ_NOT_LOGGED &&
         self->sleep_minutes == RJ_NOT_LOGGED &&
         self->halt.answered == 0 &&
         self->cravings->len == 0 &&
         self->use.used == RJ_ANSWER_NOT_LOGGED &&
         self->use.substance_id == NULL &&
         rj_note_is_empty (&self->use.amount) &&
         rj_note_is_empty (&self->use.what_happened) &&
         rj_note_is_empty (&self->use.next_time) &&
         self->medication_taken == RJ_ANSWER_NOT_LOGGED &&
         self->meetings == RJ_NOT_LOGGED &&
         self->support_calls == RJ_NOT_LOGGED &&
         self->session_attended == RJ_ANSWER_NOT_LOGGED &&
         self->wins->len == 0 &&
         self->topics->len == 0 &&
         rj_note_is_empty (&self->notes) &&
         rj_note_is_empty (&self->after_session.keep) &&
         self->after_session.practise->len == 0 &&
         self->after_session.homework->len == 0 &&
         rj_lapse_review_is_empty (&self->review) &&
         rj_weekly_check_is_empty (&self->weekly);
}

RjCraving *
rj_entry_add_craving (RjEntry *self)
{
  RjCraving *craving;

  g_return_val_if_fail (self != NULL, NULL);

  craving = rj_craving_new ();
  g_ptr_array_add (self->cravings, craving);
  return craving;
}

/* For the codec, which reads the id from the record: no random id to throw away. */
RjCraving *
rj_entry_add_craving_for_decoding (RjEntry *self)
{
  RjCraving *craving;

  g_return_val_if_fail (self != NULL, NULL);

  craving = craving_new_without_id ();
  g_ptr_array_add (self->cravings, craving);
  return craving;
}

RjNote *
rj_entry_add_win (RjEntry *self,
                  const char *text,
                  gboolean is_private)
{
  RjNote *note;

  g_return_val_if_fail (self != NULL, NULL);

  note = rj_note_new (text, is_private);
  g_ptr_array_add (self->wins, note);
  return note;
}

RjNote *
rj_entry_add_topic (RjEntry *self,
                    const char *text,
                    gboolean is_private)
{
  RjNote *note;

  g_return_val_if_fail (self != NULL, NULL);

  note = rj_note_new (text, is_private);
  g_ptr_array_add (self->topics, note);
  return note;
}

RjHomework *
rj_entry_add_homework (RjEntry *self,
                       const char *task,
                       gboolean is_private)
{
  RjHomework *homework;

  g_return_val_if_fail (self != NULL, NULL);

  homework = rj_homework_new (task, is_private);
  g_ptr_array_add (self->after_session.homework, homework);
  return homework;
}

RjHomework *
rj_entry_find_homework (const RjEntry *self,
                        const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->after_session.homework->len; i++)
    {
      RjHomework *homework = g_ptr_array_index (self->after_session.homework, i);

      if (g_strcmp0 (homework->id, id) == 0)
        return homework;
    }
  return NULL;
}

void
rj_entry_add_practise (RjEntry *self,
                       const char *skill_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (skill_id != NULL);

  g_ptr_array_add (self->after_session.practise, g_strdup (skill_id));
}

guint
rj_entry_count_open_homework (const RjEntry *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->after_session.homework->len; i++)
    {
      const RjHomework *homework = g_ptr_array_index (self->after_session.homework, i);

      if (homework->state == RJ_HOMEWORK_OPEN)
        n++;
    }
  return n;
}
