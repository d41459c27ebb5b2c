/* rj-profile.c: the journal-wide data: the client's lists, contacts and schedule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-profile"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rj-entry.h"
#include "rj-profile.h"

G_DEFINE_BOXED_TYPE (RjProfile, rj_profile, rj_profile_ref, rj_profile_unref)

typedef struct {
  const char *id;
  const char *label;
} BuiltinItem;

/* The ids are stored in journals: never change one. The labels are translated when
 * shown, so the same journal reads in the client's language. */
static const BuiltinItem builtin_triggers[] = {
  { "people", N_("People") },
  { "places", N_("Places") },
  { "things", N_("Things") },
  { "time-of-day", N_("Time of day") },
  { "feelings", N_("Feelings") },
  { "halt", N_("Hungry, angry, lonely or tired") },
  { "other", N_("Other") },
};

static const BuiltinItem builtin_skills[] = {
  { "urge-surfing", N_("Urge surfing") },
  { "play-the-tape", N_("Play the tape through") },
  { "call-support", N_("Call my sponsor or a support person") },
  { "go-to-meeting", N_("Go to a meeting") },
  { "breathing", N_("Breathing exercise") },
  { "distract", N_("Distract myself") },
  { "leave", N_("Leave the situation") },
  { "delay-15", N_("Delay 15 minutes") },
  { "exercise", N_("Exercise or a walk") },
  { "eat-or-rest", N_("Eat or rest (HALT)") },
  { "pray-meditate", N_("Pray or meditate") },
  { "write-it-out", N_("Write it out") },
  { "tipp", N_("TIPP (temperature, exercise, breathing, relaxing)") },
  { "opposite-action", N_("Opposite action") },
};

static const BuiltinItem builtin_substances[] = {
  { "alcohol", N_("Alcohol") },
  { "cannabis", N_("Cannabis") },
  { "opioids", N_("Opioids") },
  { "stimulants", N_("Stimulants") },
  { "benzodiazepines", N_("Benzodiazepines") },
  { "nicotine", N_("Nicotine") },
  { "other-substance", N_("Other") },
};

static const struct {
  const BuiltinItem *items;
  gsize n_items;
} builtins[RJ_N_LISTS] = {
  [RJ_LIST_TRIGGERS] = { builtin_triggers, G_N_ELEMENTS (builtin_triggers) },
  [RJ_LIST_SKILLS] = { builtin_skills, G_N_ELEMENTS (builtin_skills) },
  [RJ_LIST_SUBSTANCES] = { builtin_substances, G_N_ELEMENTS (builtin_substances) },
};

static const char *
builtin_label (const char *id)
{
  for (guint kind = 0; kind < RJ_N_LISTS; kind++)
    for (gsize i = 0; i < builtins[kind].n_items; i++)
      if (strcmp (builtins[kind].items[i].id, id) == 0)
        return g_dgettext (GETTEXT_PACKAGE, builtins[kind].items[i].label);
  return NULL;
}

RjListItem *
rj_list_item_new (const char *id,
                  const char *name,
                  gboolean hidden)
{
  RjListItem *item;

  g_return_val_if_fail (id != NULL, NULL);

  item = g_new0 (RjListItem, 1);
  item->id = g_strdup (id);
  item->name = g_strdup (name);
  item->hidden = !!hidden;
  return item;
}

void
rj_list_item_free (RjListItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  rj_wipe_string (item->name);
  g_free (item);
}

const char *
rj_list_item_get_label (const RjListItem *item)
{
  const char *label;

  g_return_val_if_fail (item != NULL, NULL);

  if (item->name != NULL && item->name[0] != '\0')
    return item->name;
  label = builtin_label (item->id);
  return label != NULL ? label : item->id;
}

static RjContact *
contact_new (const char *id,
             const char *name,
             const char *phone,
             const char *note)
{
  RjContact *contact = g_new0 (RjContact, 1);

  contact->id = g_strdup (id);
  contact->name = g_strdup (name);
  contact->phone = g_strdup (phone);
  contact->note = g_strdup (note);
  return contact;
}

void
rj_contact_free (RjContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->id);
  rj_wipe_string (contact->name);
  rj_wipe_string (contact->phone);
  rj_wipe_string (contact->note);
  g_free (contact);
}

void
rj_plan_item_free (RjPlanItem *item)
{
  if (item == NULL)
    return;
  g_free (item->item_id);
  rj_note_set (&item->words, NULL, FALSE);
  g_free (item);
}

static RjPlanItem *
plan_item_new (const char *item_id,
               const char *words,
               gboolean is_private)
{
  RjPlanItem *item = g_new0 (RjPlanItem, 1);

  item->item_id = g_strdup (item_id);
  rj_note_set (&item->words, words, is_private);
  return item;
}

static void
plan_init (RjPlan *plan)
{
  plan->triggers = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_plan_item_free);
  plan->strategies = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_plan_item_free);
  plan->people = g_ptr_array_new_with_free_func (g_free);
}

static void
plan_clear (RjPlan *plan)
{
  rj_note_set (&plan->reasons, NULL, FALSE);
  g_clear_pointer (&plan->triggers, g_ptr_array_unref);
  rj_note_set (&plan->warning_signs, NULL, FALSE);
  g_clear_pointer (&plan->strategies, g_ptr_array_unref);
  g_clear_pointer (&plan->people, g_ptr_array_unref);
  rj_note_set (&plan->if_lapse, NULL, FALSE);
}

static void
plan_items_copy (GPtrArray *dest,
                 GPtrArray *src)
{
  for (guint i = 0; i < src->len; i++)
    {
      const RjPlanItem *item = g_ptr_array_index (src, i);
      g_ptr_array_add (dest, plan_item_new (item->item_id, item->words.text,
                                            item->words.is_private));
    }
}

static void
plan_copy_into (RjPlan *dest,
                const RjPlan *src)
{
  rj_note_set (&dest->reasons, src->reasons.text, src->reasons.is_private);
  plan_items_copy (dest->triggers, src->triggers);
  rj_note_set (&dest->warning_signs, src->warning_signs.text, src->warning_signs.is_private);
  plan_items_copy (dest->strategies, src->strategies);
  for (guint i = 0; i < src->people->len; i++)
    g_ptr_array_add (dest->people, g_strdup (g_ptr_array_index (src->people, i)));
  rj_note_set (&dest->if_lapse, src->if_lapse.text, src->if_lapse.is_private);
}

static gboolean
plan_note_equal (const RjNote *a,
                 const RjNote *b)
{
  return g_strcmp0 (a->text != NULL ? a->text : "", b->text != NULL ? b->text : "") == 0 &&
         !a->is_private == !b->is_private;
}

static gboolean
plan_items_equal (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const RjPlanItem *ia = g_ptr_array_index (a, i);
      const RjPlanItem *ib = g_ptr_array_index (b, i);

      if (g_strcmp0 (ia->item_id, ib->item_id) != 0 || !plan_note_equal (&ia->words, &ib->words))
        return FALSE;
    }
  return TRUE;
}

static gboolean
plan_equal (const RjPlan *a,
            const RjPlan *b)
{
  if (!plan_note_equal (&a->reasons, &b->reasons) ||
      !plan_items_equal (a->triggers, b->triggers) ||
      !plan_note_equal (&a->warning_signs, &b->warning_signs) ||
      !plan_items_equal (a->strategies, b->strategies) ||
      a->people->len != b->people->len ||
      !plan_note_equal (&a->if_lapse, &b->if_lapse))
    return FALSE;
  for (guint i = 0; i < a->people->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->people, i), g_ptr_array_index (b->people, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
rj_plan_is_empty (const RjPlan *plan)
{
  g_return_val_if_fail (plan != NULL, TRUE);

  return rj_note_is_empty (&plan->reasons) && plan->triggers->len == 0 &&
         rj_note_is_empty (&plan->warning_signs) && plan->strategies->len == 0 &&
         plan->people->len == 0 && rj_note_is_empty (&plan->if_lapse);
}

RjPlanItem *
rj_plan_add_trigger (RjPlan *plan,
                     const char *trigger_id,
                     const char *words,
                     gboolean is_private)
{
  RjPlanItem *item;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (trigger_id != NULL, NULL);

  item = plan_item_new (trigger_id, words, is_private);
  g_ptr_array_add (plan->triggers, item);
  return item;
}

RjPlanItem *
rj_plan_add_strategy (RjPlan *plan,
                      const char *skill_id,
                      const char *words,
                      gboolean is_private)
{
  RjPlanItem *item;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (skill_id != NULL, NULL);

  item = plan_item_new (skill_id, words, is_private);
  g_ptr_array_add (plan->strategies, item);
  return item;
}

void
rj_plan_add_person (RjPlan *plan,
                    const char *contact_id)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (contact_id != NULL);

  g_ptr_array_add (plan->people, g_strdup (contact_id));
}

static void
suggestion_clear (gpointer data)
{
  RjSkillSuggestion *suggestion = data;

  g_clear_pointer (&suggestion->skill_id, g_free);
}

static int
suggestion_compare (gconstpointer a,
                    gconstpointer b)
{
  const RjSkillSuggestion *sa = a;
  const RjSkillSuggestion *sb = b;

  /* Most helpful first; g_array_sort is stable, so ties keep the list's order. */
  return (sb->n_helped > sa->n_helped) - (sb->n_helped < sa->n_helped);
}

GArray *
rj_plan_suggest_strategies (const RjProfile *profile,
                            GPtrArray *entries,
                            guint max_n)
{
  const GPtrArray *skills;
  g_autofree guint *counts = NULL;
  g_autoptr(GHashTable) index = NULL;
  GArray *result;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  skills = profile->lists[RJ_LIST_SKILLS];
  counts = g_new0 (guint, skills->len + 1);
  index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < skills->len; i++)
    {
      const RjListItem *item = g_ptr_array_index (skills, i);
      g_hash_table_insert (index, item->id, GUINT_TO_POINTER (i + 1));
    }

  for (guint e = 0; e < entries->len; e++)
    {
      const RjEntry *entry = g_ptr_array_index (entries, e);

      for (guint c = 0; c < entry->cravings->len; c++)
        {
          const RjCraving *craving = g_ptr_array_index (entry->cravings, c);

          for (guint s = 0; s < craving->skills->len; s++)
            {
              const RjSkillUse *use = &g_array_index (craving->skills, RjSkillUse, s);
              guint i;

              if (use->helped != RJ_HELPED_YES)
                continue;
              i = GPOINTER_TO_UINT (g_hash_table_lookup (index, use->skill_id));
              if (i != 0)
                counts[i - 1]++;
            }
        }
    }

  result = g_array_new (FALSE, TRUE, sizeof (RjSkillSuggestion));
  g_array_set_clear_func (result, suggestion_clear);
  for (guint i = 0; i < skills->len; i++)
    {
      const RjListItem *item = g_ptr_array_index (skills, i);
      RjSkillSuggestion suggestion = { NULL, counts[i] };

      if (item->hidden || counts[i] == 0)
        continue;
      suggestion.skill_id = g_strdup (item->id);
      g_array_append_val (result, suggestion);
    }
  g_array_sort (result, suggestion_compare);
  if (result->len > max_n)
    g_array_set_size (result, max_n);
  return result;
}

RjContact *
rj_profile_find_contact (const RjProfile *self,
                         const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < self->contacts->len; i++)
    {
      RjContact *contact = g_ptr_array_index (self->contacts, i);
      if (g_strcmp0 (contact->id, id) == 0)
        return contact;
    }
  return NULL;
}

RjProfile *
rj_profile_new (void)
{
  RjProfile *self = g_new0 (RjProfile, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_date_clear (&self->sober_start, 1);
  for (guint kind = 0; kind < RJ_N_LISTS; kind++)
    self->lists[kind] = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_list_item_free);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_contact_free);
  self->schedule = g_array_new (FALSE, TRUE, sizeof (RjSessionSlot));
  plan_init (&self->plan);
  return self;
}

RjProfile *
rj_profile_new_default (void)
{
  RjProfile *self = rj_profile_new ();

  for (guint kind = 0; kind < RJ_N_LISTS; kind++)
    for (gsize i = 0; i < builtins[kind].n_items; i++)
      g_ptr_array_add (self->lists[kind],
                       rj_list_item_new (builtins[kind].items[i].id, NULL, FALSE));
  return self;
}

RjProfile *
rj_profile_ref (RjProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rj_profile_unref (RjProfile *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  rj_wipe_string (self->client_name);
  for (guint kind = 0; kind < RJ_N_LISTS; kind++)
    g_ptr_array_unref (self->lists[kind]);
  g_ptr_array_unref (self->contacts);
  g_array_unref (self->schedule);
  plan_clear (&self->plan);
  g_free (self);
}

RjProfile *
rj_profile_copy (const RjProfile *self)
{
  RjProfile *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = rj_profile_new ();
  copy->client_name = g_strdup (self->client_name);
  copy->sober_start = self->sober_start;
  for (guint kind = 0; kind < RJ_N_LISTS; kind++)
    for (guint i = 0; i < self->lists[kind]->len; i++)
      {
        const RjListItem *item = g_ptr_array_index (self->lists[kind], i);
        g_ptr_array_add (copy->lists[kind], rj_list_item_new (item->id, item->name, item->hidden));
      }
  for (guint i = 0; i < self->contacts->len; i++)
    {
      const RjContact *c = g_ptr_array_index (self->contacts, i);
      g_ptr_array_add (copy->contacts, contact_new (c->id, c->name, c->phone, c->note));
    }
  g_array_append_vals (copy->schedule, self->schedule->data, self->schedule->len);
  plan_copy_into (&copy->plan, &self->plan);
  return copy;
}

static gboolean
text_equal (const char *a,
            const char *b)
{
  /* NULL and "" both mean nothing was written. */
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
rj_profile_equal (const RjProfile *a,
                  const RjProfile *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!text_equal (a->client_name, b->client_name) ||
      !dates_equal (&a->sober_start, &b->sober_start) ||
      a->contacts->len != b->contacts->len ||
      a->schedule->len != b->schedule->len ||
      !plan_equal (&a->plan, &b->plan))
    return FALSE;

  for (guint kind = 0; kind < RJ_N_LISTS; kind++)
    {
      if (a->lists[kind]->len != b->lists[kind]->len)
        return FALSE;
      for (guint i = 0; i < a->lists[kind]->len; i++)
        {
          const RjListItem *ia = g_ptr_array_index (a->lists[kind], i);
          const RjListItem *ib = g_ptr_array_index (b->lists[kind], i);

          if (g_strcmp0 (ia->id, ib->id) != 0 || !text_equal (ia->name, ib->name) ||
              !ia->hidden != !ib->hidden)
            return FALSE;
        }
    }

  for (guint i = 0; i < a->contacts->len; i++)
    {
      const RjContact *ca = g_ptr_array_index (a->contacts, i);
      const RjContact *cb = g_ptr_array_index (b->contacts, i);

      if (g_strcmp0 (ca->id, cb->id) != 0 || !text_equal (ca->name, cb->name) ||
          !text_equal (ca->phone, cb->phone) || !text_equal (ca->note, cb->note))
        return FALSE;
    }

  for (guint i = 0; i < a->schedule->len; i++)
    {
      const RjSessionSlot *sa = &g_array_index (a->schedule, RjSessionSlot, i);
      const RjSessionSlot *sb = &g_array_index (b->schedule, RjSessionSlot, i);

      if (sa->weekday != sb->weekday || sa->start_minutes != sb->start_minutes)
        return FALSE;
    }
  return TRUE;
}

RjListItem *
rj_profile_add_item (RjProfile *self,
                     RjListKind kind,
                     const char *name)
{
  g_autofree char *uuid = NULL;
  RjListItem *item;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < RJ_N_LISTS, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The client's own items get ids that can never collide with a built-in one. */
  uuid = g_uuid_string_random ();
  item = rj_list_item_new (uuid, name, FALSE);
  g_ptr_array_add (self->lists[kind], item);
  return item;
}

RjListItem *
rj_profile_find_item (const RjProfile *self,
                      RjListKind kind,
                      const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (kind < RJ_N_LISTS, NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; i < self->lists[kind]->len; i++)
    {
      RjListItem *item = g_ptr_array_index (self->lists[kind], i);
      if (strcmp (item->id, id) == 0)
        return item;
    }
  return NULL;
}

const char *
rj_profile_item_label (const RjProfile *self,
                       RjListKind kind,
                       const char *id)
{
  const RjListItem *item;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;
  item = rj_profile_find_item (self, kind, id);
  if (item != NULL)
    return rj_list_item_get_label (item);
  /* An item that is gone from the list still reads as what it was called. */
  return builtin_label (id) != NULL ? builtin_label (id) : _("Removed item");
}

RjContact *
rj_profile_add_contact (RjProfile *self,
                        const char *name,
                        const char *phone)
{
  g_autofree char *uuid = NULL;
  RjContact *contact;

  g_return_val_if_fail (self != NULL, NULL);

  uuid = g_uuid_string_random ();
  contact = contact_new (uuid, name, phone, NULL);
  g_ptr_array_add (self->contacts, contact);
  return contact;
}

void
rj_profile_add_session (RjProfile *self,
                        GDateWeekday weekday,
                        int start_minutes)
{
  RjSessionSlot slot = { weekday, start_minutes };

  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_weekday (weekday));
  g_return_if_fail (start_minutes >= 0 && start_minutes < 24 * 60);

  g_array_append_val (self->schedule, slot);
}
