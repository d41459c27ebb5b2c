/* rj-codec.c: records as GVariant, and the checks on everything read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-codec"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "rj-codec.h"
#include "rj-store.h"

#define NOTE_TYPE "(sb)"
#define HALT_TYPE "(yy)"
#define SKILLS_TYPE "a(sy)"
#define NOTES_TYPE "a(sb)"
#define LIST_TYPE "a(ssb)"
#define CONTACTS_TYPE "a(ssss)"
#define SCHEDULE_TYPE "a(yq)"
#define HOMEWORK_TYPE "a(s(sb)y(sb))"
#define WEEKLY_TYPE "ay"
#define PLAN_ITEMS_TYPE "a(s(sb))"

/* An unanswered question of the weekly check, inside its array. */
#define WEEKLY_NOT_ANSWERED 0xff

#define MAX_SLEEP_MINUTES (24 * 60)
#define MAX_DURATION_MINUTES (24 * 60)
#define MAX_COUNT 1000

/* Writing. Absent keys mean "not logged", so only what was logged is written. */

/* A string variant over a copy of @text that is wiped when the variant goes.
 * g_variant_new_string() would copy the client's words into a block that GLib frees
 * without clearing, where they would stay in the heap after the lock. */
static GVariant *
wiping_string (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");
  g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (copy, strlen (copy) + 1,
                                                        (GDestroyNotify) rj_wipe_string, copy);

  return g_variant_new_from_bytes (G_VARIANT_TYPE_STRING, bytes, TRUE);
}

static void
add_int (GVariantBuilder *b,
         const char *key,
         int value,
         const GVariantType *type)
{
  if (value == RJ_NOT_LOGGED)
    return;
  if (g_variant_type_equal (type, G_VARIANT_TYPE_BYTE))
    g_variant_builder_add (b, "{sv}", key, g_variant_new_byte ((guint8) value));
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT16))
    g_variant_builder_add (b, "{sv}", key, g_variant_new_uint16 ((guint16) value));
  else
    g_variant_builder_add (b, "{sv}", key, g_variant_new_uint32 ((guint32) value));
}

static void
add_string (GVariantBuilder *b,
            const char *key,
            const char *value)
{
  if (value != NULL && value[0] != '\0')
    g_variant_builder_add (b, "{sv}", key, wiping_string (value));
}

static void
add_note (GVariantBuilder *b,
          const char *key,
          const RjNote *note)
{
  if (!rj_note_is_empty (note))
    g_variant_builder_add (b, "{sv}", key,
                           g_variant_new ("(@sb)", wiping_string (note->text),
                                          note->is_private));
}

static void
add_halt (GVariantBuilder *b,
          const char *key,
          const RjHalt *halt)
{
  if (halt->answered != 0)
    g_variant_builder_add (b, "{sv}", key,
                           g_variant_new (HALT_TYPE, halt->answered, halt->yes & halt->answered));
}

/* Adds one element of a list to @list, the builder of the list's array. */
typedef void (*AddItemFunc) (GVariantBuilder *list,
                             gconstpointer item);

/* Adds @items under @key as an array of @type, each element by @add_item; an empty
 * list is left out, as "not logged". */
static void
add_list (GVariantBuilder *b,
          const char *key,
          const char *type,
          GPtrArray *items,
          AddItemFunc add_item)
{
  GVariantBuilder list;

  if (items->len == 0)
    return;
  g_variant_builder_init (&list, G_VARIANT_TYPE (type));
  for (guint i = 0; i < items->len; i++)
    add_item (&list, g_ptr_array_index (items, i));
  g_variant_builder_add (b, "{sv}", key, g_variant_builder_end (&list));
}

static void
add_note_item (GVariantBuilder *list,
               gconstpointer item)
{
  const RjNote *note = item;

  g_variant_builder_add (list, "(@sb)", wiping_string (note->text), note->is_private);
}

static void
add_id_item (GVariantBuilder *list,
             gconstpointer item)
{
  g_variant_builder_add (list, "s", (const char *) item);
}

static void
add_craving_item (GVariantBuilder *list,
                  gconstpointer item)
{
  const RjCraving *craving = item;
  GVariantBuilder b;


  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  add_string (&b, "id", craving->id);
  add_int (&b, "time", craving->time_minutes, G_VARIANT_TYPE_UINT16);
  add_int (&b, "intensity", craving->intensity, G_VARIANT_TYPE_BYTE);
  add_int (&b, "minutes", craving->duration_minutes, G_VARIANT_TYPE_UINT32);
  add_string (&b, "trigger", craving->trigger_id);
  add_note (&b, "trigger-words", &craving->trigger_words);
  add_halt (&b, "halt", &craving->halt);
  if (craving->skills->len > 0)
    {
      GVariantBuilder skills;

      g_variant_builder_init (&skills, G_VARIANT_TYPE (SKILLS_TYPE));
      for (guint i = 0; i < craving->skills->len; i++)
        {
          const RjSkillUse *use = &g_array_index (craving->skills, RjSkillUse, i);
          g_variant_builder_add (&skills, "(sy)", use->skill_id, (guint8) use->helped);
        }
      g_variant_builder_add (&b, "{sv}", "skills", g_variant_builder_end (&skills));
    }
  add_int (&b, "outcome", craving->outcome == RJ_OUTCOME_NOT_LOGGED ? RJ_NOT_LOGGED
                                                                    : (int) craving->outcome,
           G_VARIANT_TYPE_BYTE);
  g_variant_builder_add_value (list, g_variant_builder_end (&b));
}

static void
add_homework_item (GVariantBuilder *list,
                   gconstpointer item)
{
  const RjHomework *homework = item;

  g_variant_builder_add (list, "(s(@sb)y(@sb))", homework->id,
                         wiping_string (homework->task.text), homework->task.is_private,
                         (guint8) homework->state,
                         wiping_string (homework->how_it_went.text),
                         homework->how_it_went.is_private);
}

static void
add_after_session (GVariantBuilder *b,
                   const RjAfterSession *after)
{
  add_note (b, "session-keep", &after->keep);
  add_list (b, "practise", "as", after->practise, add_id_item);
  add_list (b, "homework", HOMEWORK_TYPE, after->homework, add_homework_item);
}

static int
answer_or_not_logged (RjAnswer answer)
{
  return answer == RJ_ANSWER_NOT_LOGGED ? RJ_NOT_LOGGED : (int) answer;
}

GVariant *
rj_entry_to_variant (const RjEntry *entry)
{
  g_autofree char *date = NULL;
  GVariantBuilder b;

  g_return_val_if_fail (entry != NULL, NULL);

  date = rj_date_to_iso (&entry->date);
  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  add_string (&b, "date", date);
  add_int (&b, "mood", entry->mood, G_VARIANT_TYPE_BYTE);
  add_int (&b, "distress", entry->distress, G_VARIANT_TYPE_BYTE);
  add_int (&b, "sleep", entry->sleep_minutes, G_VARIANT_TYPE_UINT16);
  add_halt (&b, "halt", &entry->halt);
  add_list (&b, "cravings", "aa{sv}", entry->cravings, add_craving_item);
  add_int (&b, "used", answer_or_not_logged (entry->use.used), G_VARIANT_TYPE_BYTE);
  add_string (&b, "substance", entry->use.substance_id);
  add_note (&b, "amount", &entry->use.amount);
  add_note (&b, "what-happened", &entry->use.what_happened);
  add_note (&b, "next-time", &entry->use.next_time);
  add_int (&b, "medication", answer_or_not_logged (entry->medication_taken), G_VARIANT_TYPE_BYTE);
  add_int (&b, "meetings", entry->meetings, G_VARIANT_TYPE_UINT32);
  add_int (&b, "support-calls", entry->support_calls, G_VARIANT_TYPE_UINT32);
  add_int (&b, "session", answer_or_not_logged (entry->session_attended), G_VARIANT_TYPE_BYTE);
  add_list (&b, "wins", NOTES_TYPE, entry->wins, add_note_item);
  add_list (&b, "topics", NOTES_TYPE, entry->topics, add_note_item);
  add_note (&b, "notes", &entry->notes);
  add_after_session (&b, &entry->after_session);
  add_int (&b, "review-stress", entry->review.stress, G_VARIANT_TYPE_BYTE);
  add_note (&b, "review-vulnerable", &entry->review.vulnerable);
  add_note (&b, "review-set-off", &entry->review.set_off);
  add_note (&b, "review-thoughts", &entry->review.thoughts);
  if (!rj_weekly_check_is_empty (&entry->weekly))
    {
      guint8 answers[RJ_WEEKLY_N_QUESTIONS];

      for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
        answers[i] = entry->weekly.answers[i] == RJ_NOT_LOGGED
                     ? WEEKLY_NOT_ANSWERED : (guint8) entry->weekly.answers[i];
      g_variant_builder_add (&b, "{sv}", "weekly",
                             g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, answers,
                                                        RJ_WEEKLY_N_QUESTIONS, 1));
    }
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

/* Reading. Every value is checked for its type and range; anything off makes the
 * whole record damaged rather than half-read. */

static gboolean
invalid (GError **error,
         const char *key)
{
  g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED,
               _("A record in the journal is damaged and could not be read."));
  g_debug ("Record rejected at “%s”", key);
  return FALSE;
}

/* A record's dictionary, split once into keys and values: looking each key up in the
 * GVariant itself would walk the whole dictionary every time. */
#define DICT_MAX_KEYS 64

typedef struct {
  guint n;
  const char *keys[DICT_MAX_KEYS];    /* point into the dictionary, which outlives this */
  GVariant *values[DICT_MAX_KEYS];    /* owned */
} Dict;

static void
dict_clear (Dict *dict)
{
  for (guint i = 0; i < dict->n; i++)
    g_variant_unref (dict->values[i]);
  dict->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dict, dict_clear)

static gboolean
dict_init (Dict *dict,
           GVariant *variant,
           GError **error)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  dict->n = 0;
  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE_VARDICT))
    return invalid (error, "(root)");
  if (g_variant_iter_init (&iter, variant) > DICT_MAX_KEYS)
    return invalid (error, "(too many keys)");

  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      dict->keys[dict->n] = key;
      dict->values[dict->n] = value;
      dict->n++;
    }
  return TRUE;
}

/* Returns the value for @key if present. FALSE means it is present with another type. */
static gboolean
lookup (const Dict *dict,
        const char *key,
        const char *type,
        GVariant **out,
        GError **error)
{
  *out = NULL;
  for (guint i = 0; i < dict->n; i++)
    {
      if (strcmp (dict->keys[i], key) != 0)
        continue;
      if (!g_variant_is_of_type (dict->values[i], G_VARIANT_TYPE (type)))
        return invalid (error, key);
      *out = g_variant_ref (dict->values[i]);
      return TRUE;
    }
  return TRUE;
}

/* lookup() for an array of at most @max_items elements; a longer one is damaged. */
static gboolean
lookup_list (const Dict *dict,
             const char *key,
             const char *type,
             gsize max_items,
             GVariant **out,
             GError **error)
{
  if (!lookup (dict, key, type, out, error))
    return FALSE;
  if (*out != NULL && g_variant_n_children (*out) > max_items)
    {
      g_clear_pointer (out, g_variant_unref);
      return invalid (error, key);
    }
  return TRUE;
}

static gboolean
read_int (const Dict *dict,
          const char *key,
          const char *type,
          int max,
          int *out,
          GError **error)
{
  g_autoptr(GVariant) value = NULL;
  guint64 number;

  *out = RJ_NOT_LOGGED;
  if (!lookup (dict, key, type, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  switch (type[0])
    {
    case 'y': number = g_variant_get_byte (value); break;
    case 'q': number = g_variant_get_uint16 (value); break;
    case 'u': number = g_variant_get_uint32 (value); break;
    default: g_assert_not_reached ();
    }
  if (number > (guint64) max)
    return invalid (error, key);
  *out = (int) number;
  return TRUE;
}

static gboolean
check_text (const char *text,
            gsize max_len)
{
  /* GVariant's normal form already guarantees valid UTF-8 without nul bytes. */
  return strlen (text) <= max_len;
}

static gboolean
check_id (const char *id)
{
  if (id[0] == '\0' || strlen (id) > RJ_MAX_ID_BYTES)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
read_id (const Dict *dict,
         const char *key,
         char **out,
         GError **error)
{
  g_autoptr(GVariant) value = NULL;

  *out = NULL;
  if (!lookup (dict, key, "s", &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  if (!check_id (g_variant_get_string (value, NULL)))
    return invalid (error, key);
  *out = g_variant_dup_string (value, NULL);
  return TRUE;
}

static gboolean
read_note (const Dict *dict,
           const char *key,
           RjNote *note,
           GError **error)
{
  g_autoptr(GVariant) value = NULL;
  const char *text;
  gboolean is_private;

  if (!lookup (dict, key, NOTE_TYPE, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  g_variant_get (value, "(&sb)", &text, &is_private);
  if (!check_text (text, RJ_MAX_TEXT_BYTES))
    return invalid (error, key);
  /* The writer leaves an empty note out, whether private or not; one that is there
   * anyway reads as not written, so that it does not change the next time it is
   * stored. */
  if (text[0] != '\0')
    rj_note_set (note, text, is_private);
  return TRUE;
}

static gboolean
read_halt (const Dict *dict,
           const char *key,
           RjHalt *halt,
           GError **error)
{
  g_autoptr(GVariant) value = NULL;

  halt->answered = halt->yes = 0;
  if (!lookup (dict, key, HALT_TYPE, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  g_variant_get (value, HALT_TYPE, &halt->answered, &halt->yes);
  if ((halt->answered & ~RJ_HALT_ALL) != 0 || (halt->yes & ~halt->answered) != 0)
    return invalid (error, key);
  return TRUE;
}

static gboolean
read_answer (const Dict *dict,
             const char *key,
             RjAnswer *answer,
             GError **error)
{
  int value;

  if (!read_int (dict, key, "y", RJ_ANSWER_YES, &value, error))
    return FALSE;
  if (value == 0)
    return invalid (error, key);
  *answer = value == RJ_NOT_LOGGED ? RJ_ANSWER_NOT_LOGGED : (RjAnswer) value;
  return TRUE;
}

static gboolean
read_notes (const Dict *dict,
            const char *key,
            GPtrArray *notes,
            GError **error)
{
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *text;
  gboolean is_private;

  if (!lookup_list (dict, key, NOTES_TYPE, RJ_MAX_ITEMS, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&sb)", &text, &is_private))
    {
      if (!check_text (text, RJ_MAX_TEXT_BYTES))
        return invalid (error, key);
      g_ptr_array_add (notes, rj_note_new (text, is_private));
    }
  return TRUE;
}

static gboolean
read_ids (const Dict *dict,
          const char *key,
          GPtrArray *ids,
          GError **error)
{
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *id;

  if (!lookup_list (dict, key, "as", RJ_MAX_ITEMS, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "&s", &id))
    {
      if (!check_id (id))
        return invalid (error, key);
      g_ptr_array_add (ids, g_strdup (id));
    }
  return TRUE;
}

static gboolean
read_homework (const Dict *dict,
               GPtrArray *homework,
               GError **error)
{
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *id, *task, *how;
  gboolean task_private, how_private;
  guint8 state;

  if (!lookup_list (dict, "homework", HOMEWORK_TYPE, RJ_MAX_HOMEWORK, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s(&sb)y(&sb))", &id, &task, &task_private, &state,
                              &how, &how_private))
    {
      RjHomework *item;

      if (!check_id (id) || state > RJ_HOMEWORK_DONE ||
          !check_text (task, RJ_MAX_TEXT_BYTES) || !check_text (how, RJ_MAX_TEXT_BYTES))
        return invalid (error, "homework");
      /* Ticking a task off finds it by its id: two with one id would be ambiguous. */
      for (guint i = 0; i < homework->len; i++)
        if (strcmp (((RjHomework *) g_ptr_array_index (homework, i))->id, id) == 0)
          return invalid (error, "homework");
      item = g_new0 (RjHomework, 1);
      item->id = g_strdup (id);
      rj_note_set (&item->task, task[0] != '\0' ? task : NULL, task_private);
      item->state = state;
      rj_note_set (&item->how_it_went, how[0] != '\0' ? how : NULL, how_private);
      g_ptr_array_add (homework, item);
    }
  return TRUE;
}

static gboolean
read_weekly (const Dict *dict,
             RjWeeklyCheck *weekly,
             GError **error)
{
  g_autoptr(GVariant) value = NULL;
  const guint8 *answers;
  gsize n = 0;
  guint n_answered = 0;

  if (!lookup (dict, "weekly", WEEKLY_TYPE, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  answers = g_variant_get_fixed_array (value, &n, 1);
  if (n != RJ_WEEKLY_N_QUESTIONS)
    return invalid (error, "weekly");
  for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
    {
      if (answers[i] == WEEKLY_NOT_ANSWERED)
        continue;
      if (answers[i] > RJ_WEEKLY_ANSWER_MAX)
        return invalid (error, "weekly");
      weekly->answers[i] = answers[i];
      n_answered++;
    }
  /* The writer leaves out a check with no answer; one that says so is not ours. */
  if (n_answered == 0)
    return invalid (error, "weekly");
  return TRUE;
}

static gboolean
read_craving (const Dict *dict,
              RjCraving *craving,
              GError **error)
{
  g_autoptr(GVariant) skills = NULL;
  int outcome;

  g_clear_pointer (&craving->id, g_free);
  if (!read_id (dict, "id", &craving->id, error) ||
      !read_int (dict, "time", "q", 24 * 60 - 1, &craving->time_minutes, error) ||
      !read_int (dict, "intensity", "y", RJ_SCALE_MAX, &craving->intensity, error) ||
      !read_int (dict, "minutes", "u", MAX_DURATION_MINUTES, &craving->duration_minutes, error) ||
      !read_id (dict, "trigger", &craving->trigger_id, error) ||
      !read_note (dict, "trigger-words", &craving->trigger_words, error) ||
      !read_halt (dict, "halt", &craving->halt, error) ||
      !read_int (dict, "outcome", "y", RJ_OUTCOME_USED, &outcome, error) ||
      !lookup_list (dict, "skills", SKILLS_TYPE, RJ_MAX_ITEMS, &skills, error))
    return FALSE;

  if (craving->id == NULL || outcome == RJ_OUTCOME_NOT_LOGGED)
    return invalid (error, "craving");
  craving->outcome = outcome == RJ_NOT_LOGGED ? RJ_OUTCOME_NOT_LOGGED : (RjOutcome) outcome;

  if (skills != NULL)
    {
      GVariantIter iter;
      const char *skill_id;
      guint8 helped;

      g_variant_iter_init (&iter, skills);
      while (g_variant_iter_next (&iter, "(&sy)", &skill_id, &helped))
        {
          if (!check_id (skill_id) || helped > RJ_HELPED_NO)
            return invalid (error, "skills");
          rj_craving_add_skill (craving, skill_id, helped);
        }
    }
  return TRUE;
}

static gboolean
read_cravings (const Dict *dict,
               RjEntry *entry,
               GError **error)
{
  g_autoptr(GVariant) cravings = NULL;

  if (!lookup_list (dict, "cravings", "aa{sv}", RJ_MAX_ITEMS, &cravings, error))
    return FALSE;
  if (cravings == NULL)
    return TRUE;

  for (gsize i = 0; i < g_variant_n_children (cravings); i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (cravings, i);
      g_auto(Dict) craving = { 0 };

      if (!dict_init (&craving, child, error) ||
          !read_craving (&craving, rj_entry_add_craving_for_decoding (entry), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_date (const Dict *dict,
           const char *key,
           GDate *date,
           GError **error)
{
  g_autoptr(GVariant) value = NULL;

  g_date_clear (date, 1);
  if (!lookup (dict, key, "s", &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  if (!rj_date_from_iso (g_variant_get_string (value, NULL), date))
    return invalid (error, key);
  return TRUE;
}

RjEntry *
rj_entry_from_variant (GVariant *variant,
                       GError **error)
{
  g_autoptr(RjEntry) entry = NULL;
  g_auto(Dict) dict = { 0 };
  const Dict *d = &dict;
  GDate date;

  g_return_val_if_fail (variant != NULL, NULL);

  if (!dict_init (&dict, variant, error) || !read_date (d, "date", &date, error))
    return NULL;
  if (!g_date_valid (&date))
    {
      invalid (error, "date");
      return NULL;
    }

  entry = rj_entry_new (&date);
  if (!read_int (d, "mood", "y", RJ_SCALE_MAX, &entry->mood, error) ||
      !read_int (d, "distress", "y", RJ_SCALE_MAX, &entry->distress, error) ||
      !read_int (d, "sleep", "q", MAX_SLEEP_MINUTES, &entry->sleep_minutes, error) ||
      !read_halt (d, "halt", &entry->halt, error) ||
      !read_cravings (d, entry, error) ||
      !read_answer (d, "used", &entry->use.used, error) ||
      !read_id (d, "substance", &entry->use.substance_id, error) ||
      !read_note (d, "amount", &entry->use.amount, error) ||
      !read_note (d, "what-happened", &entry->use.what_happened, error) ||
      !read_note (d, "next-time", &entry->use.next_time, error) ||
      !read_answer (d, "medication", &entry->medication_taken, error) ||
      !read_int (d, "meetings", "u", MAX_COUNT, &entry->meetings, error) ||
      !read_int (d, "support-calls", "u", MAX_COUNT, &entry->support_calls, error) ||
      !read_answer (d, "session", &entry->session_attended, error) ||
      !read_notes (d, "wins", entry->wins, error) ||
      !read_notes (d, "topics", entry->topics, error) ||
      !read_note (d, "notes", &entry->notes, error) ||
      !read_note (d, "session-keep", &entry->after_session.keep, error) ||
      !read_ids (d, "practise", entry->after_session.practise, error) ||
      !read_homework (d, entry->after_session.homework, error) ||
      !read_int (d, "review-stress", "y", RJ_SCALE_MAX, &entry->review.stress, error) ||
      !read_note (d, "review-vulnerable", &entry->review.vulnerable, error) ||
      !read_note (d, "review-set-off", &entry->review.set_off, error) ||
      !read_note (d, "review-thoughts", &entry->review.thoughts, error) ||
      !read_weekly (d, &entry->weekly, error))
    return NULL;

  return g_steal_pointer (&entry);
}

static void
add_plan_item (GVariantBuilder *list,
               gconstpointer item)
{
  const RjPlanItem *plan_item = item;

  g_variant_builder_add (list, "(s(@sb))", plan_item->item_id,
                         wiping_string (plan_item->words.text), plan_item->words.is_private);
}

static void
add_contact_item (GVariantBuilder *list,
                  gconstpointer item)
{
  const RjContact *c = item;

  g_variant_builder_add (list, "(s@s@s@s)", c->id, wiping_string (c->name),
                         wiping_string (c->phone), wiping_string (c->note));
}

static GVariant *
plan_to_variant (const RjPlan *plan)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  add_note (&b, "reasons", &plan->reasons);
  add_list (&b, "triggers", PLAN_ITEMS_TYPE, plan->triggers, add_plan_item);
  add_note (&b, "warning-signs", &plan->warning_signs);
  add_list (&b, "strategies", PLAN_ITEMS_TYPE, plan->strategies, add_plan_item);
  add_list (&b, "people", "as", plan->people, add_id_item);
  add_note (&b, "if-lapse", &plan->if_lapse);
  return g_variant_builder_end (&b);
}

GVariant *
rj_profile_to_variant (const RjProfile *profile)
{
  GVariantBuilder b;

  g_return_val_if_fail (profile != NULL, NULL);

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  add_string (&b, "name", profile->client_name);
  if (g_date_valid (&profile->sober_start))
    {
      g_autofree char *date = rj_date_to_iso (&profile->sober_start);
      add_string (&b, "sober-start", date);
    }

  for (guint kind = 0; kind < RJ_N_LISTS; kind++)
    {
      static const char *const keys[RJ_N_LISTS] = { "triggers", "skills", "substances" };
      GVariantBuilder list;

      g_variant_builder_init (&list, G_VARIANT_TYPE (LIST_TYPE));
      for (guint i = 0; i < profile->lists[kind]->len; i++)
        {
          const RjListItem *item = g_ptr_array_index (profile->lists[kind], i);
          g_variant_builder_add (&list, "(s@sb)", item->id, wiping_string (item->name),
                                 item->hidden);
        }
      g_variant_builder_add (&b, "{sv}", keys[kind], g_variant_builder_end (&list));
    }

  add_list (&b, "contacts", CONTACTS_TYPE, profile->contacts, add_contact_item);

  if (profile->schedule->len > 0)
    {
      GVariantBuilder schedule;

      g_variant_builder_init (&schedule, G_VARIANT_TYPE (SCHEDULE_TYPE));
      for (guint i = 0; i < profile->schedule->len; i++)
        {
          const RjSessionSlot *slot = &g_array_index (profile->schedule, RjSessionSlot, i);
          g_variant_builder_add (&schedule, "(yq)", (guint8) slot->weekday,
                                 (guint16) slot->start_minutes);
        }
      g_variant_builder_add (&b, "{sv}", "schedule", g_variant_builder_end (&schedule));
    }

  if (!rj_plan_is_empty (&profile->plan))
    g_variant_builder_add (&b, "{sv}", "plan", plan_to_variant (&profile->plan));
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

static char *
dup_or_null (const char *text)
{
  return text[0] != '\0' ? g_strdup (text) : NULL;
}

static gboolean
read_list (const Dict *dict,
           const char *key,
           GPtrArray *list,
           GError **error)
{
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *id, *name;
  gboolean hidden;

  if (!lookup_list (dict, key, LIST_TYPE, RJ_MAX_ITEMS, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&sb)", &id, &name, &hidden))
    {
      if (!check_id (id) || !check_text (name, 1024))
        return invalid (error, key);
      g_ptr_array_add (list, rj_list_item_new (id, name[0] != '\0' ? name : NULL, hidden));
    }
  return TRUE;
}

static gboolean
read_plan_items (const Dict *dict,
                 const char *key,
                 GPtrArray *items,
                 GError **error)
{
  g_autoptr(GVariant) value = NULL;
  GVariantIter iter;
  const char *id, *words;
  gboolean is_private;

  if (!lookup_list (dict, key, PLAN_ITEMS_TYPE, RJ_MAX_PLAN_ITEMS, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s(&sb))", &id, &words, &is_private))
    {
      RjPlanItem *item;

      if (!check_id (id) || !check_text (words, RJ_MAX_TEXT_BYTES))
        return invalid (error, key);
      item = g_new0 (RjPlanItem, 1);
      item->item_id = g_strdup (id);
      rj_note_set (&item->words, words[0] != '\0' ? words : NULL, is_private);
      g_ptr_array_add (items, item);
    }
  return TRUE;
}

static gboolean
read_plan (const Dict *dict,
           RjPlan *plan,
           GError **error)
{
  g_autoptr(GVariant) value = NULL;
  g_auto(Dict) d = { 0 };

  if (!lookup (dict, "plan", "a{sv}", &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  if (!dict_init (&d, value, error) ||
      !read_note (&d, "reasons", &plan->reasons, error) ||
      !read_plan_items (&d, "triggers", plan->triggers, error) ||
      !read_note (&d, "warning-signs", &plan->warning_signs, error) ||
      !read_plan_items (&d, "strategies", plan->strategies, error) ||
      !read_ids (&d, "people", plan->people, error) ||
      !read_note (&d, "if-lapse", &plan->if_lapse, error))
    return FALSE;
  if (plan->people->len > RJ_MAX_PLAN_ITEMS)
    return invalid (error, "people");
  return TRUE;
}

RjProfile *
rj_profile_from_variant (GVariant *variant,
                         GError **error)
{
  static const char *const keys[RJ_N_LISTS] = { "triggers", "skills", "substances" };
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GVariant) name = NULL;
  g_autoptr(GVariant) contacts = NULL;
  g_autoptr(GVariant) schedule = NULL;
  g_auto(Dict) dict = { 0 };

  g_return_val_if_fail (variant != NULL, NULL);

  profile = rj_profile_new ();
  if (!dict_init (&dict, variant, error) ||
      !lookup (&dict, "name", "s", &name, error) ||
      !read_date (&dict, "sober-start", &profile->sober_start, error) ||
      !read_list (&dict, keys[RJ_LIST_TRIGGERS], profile->lists[RJ_LIST_TRIGGERS], error) ||
      !read_list (&dict, keys[RJ_LIST_SKILLS], profile->lists[RJ_LIST_SKILLS], error) ||
      !read_list (&dict, keys[RJ_LIST_SUBSTANCES], profile->lists[RJ_LIST_SUBSTANCES], error) ||
      !lookup_list (&dict, "contacts", CONTACTS_TYPE, RJ_MAX_ITEMS, &contacts, error) ||
      !lookup_list (&dict, "schedule", SCHEDULE_TYPE, 7 * 24, &schedule, error) ||
      !read_plan (&dict, &profile->plan, error))
    return NULL;

  if (name != NULL)
    {
      if (!check_text (g_variant_get_string (name, NULL), 1024))
        {
          invalid (error, "name");
          return NULL;
        }
      profile->client_name = g_variant_dup_string (name, NULL);
    }

  if (contacts != NULL)
    {
      GVariantIter iter;
      const char *id, *cname, *phone, *note;

      g_variant_iter_init (&iter, contacts);
      while (g_variant_iter_next (&iter, "(&s&s&s&s)", &id, &cname, &phone, &note))
        {
          RjContact *contact;

          if (!check_id (id) || !check_text (cname, 1024) || !check_text (phone, 256) ||
              !check_text (note, RJ_MAX_TEXT_BYTES))
            {
              invalid (error, "contacts");
              return NULL;
            }
          contact = g_new0 (RjContact, 1);
          contact->id = g_strdup (id);
          contact->name = dup_or_null (cname);
          contact->phone = dup_or_null (phone);
          contact->note = dup_or_null (note);
          g_ptr_array_add (profile->contacts, contact);
        }
    }

  if (schedule != NULL)
    {
      GVariantIter iter;
      guint8 weekday;
      guint16 minutes;

      g_variant_iter_init (&iter, schedule);
      while (g_variant_iter_next (&iter, "(yq)", &weekday, &minutes))
        {
          if (!g_date_valid_weekday (weekday) || minutes >= 24 * 60)
            {
              invalid (error, "schedule");
              return NULL;
            }
          rj_profile_add_session (profile, weekday, minutes);
        }
    }

  return g_steal_pointer (&profile);
}

GVariant *
rj_variant_from_untrusted (GBytes *bytes,
                           GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  /* Untrusted: GVariant reads malformed data safely (a child that does not fit reads
   * as its type's default) and the codec checks every value it takes. Checking for
   * normal form as well cost a sixth of the time to open a journal, for nothing the
   * checks on the values do not already catch. */
  return g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));
}

char *
rj_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

gboolean
rj_date_from_iso (const char *text,
                  GDate *date)
{
  guint year, month, day;
  char tail;

  g_return_val_if_fail (text != NULL && date != NULL, FALSE);

  g_date_clear (date, 1);
  for (guint i = 0; i < 10 && text[i] != '\0'; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}
