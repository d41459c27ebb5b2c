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
      a->schedule->len != b->schedule->len)
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
