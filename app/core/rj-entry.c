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
      !note_equal (&a->notes, &b->notes))
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
         rj_note_is_empty (&self->notes);
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
