/* make-known-answer.c: made tests/fixtures/known-answer-v1.db, once.
 *
 *   make-known-answer PATH
 *
 * Writes a small journal of format version 1 with cheap Argon2 parameters and prints
 * its recovery code. The file it made is committed and must keep opening, with the
 * values test-known-answer.c checks, in every later version of the app. Do not run
 * this again to "update" the fixture: a new format gets a new fixture beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "make-known-answer"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rj-store.h"

#define PASSPHRASE "known answer, version 1"

static void
check (gboolean ok,
       GError *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

static RjCraving *
add_craving (RjEntry *entry,
             const char *id)
{
  RjCraving *craving = rj_entry_add_craving (entry);

  g_free (craving->id);
  craving->id = g_strdup (id);
  return craving;
}

int
main (int argc,
      char *argv[])
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  RjKdfParams fast;
  RjListItem *item;
  RjContact *contact;
  RjCraving *craving;
  GDate date;

  if (argc != 2)
    {
      fprintf (stderr, "usage: make-known-answer PATH\n");
      return 2;
    }
  if (!rj_crypto_init ())
    return 2;
  rj_kdf_params_fast_for_tests (&fast);

  store = rj_store_new (argv[1]);
  check (rj_store_create (store, PASSPHRASE, &fast, &code, &error), error);

  profile = rj_profile_new_default ();
  profile->client_name = g_strdup ("J. M.");
  g_date_set_dmy (&profile->sober_start, 1, G_DATE_OCTOBER, 2026);
  item = rj_profile_add_item (profile, RJ_LIST_TRIGGERS, "Payday");
  g_free (item->id);
  item->id = g_strdup ("ka-trigger-payday");
  item = rj_profile_find_item (profile, RJ_LIST_SKILLS, "call-support");
  item->name = g_strdup ("Call Sam");
  item = rj_profile_find_item (profile, RJ_LIST_SUBSTANCES, "nicotine");
  item->hidden = TRUE;
  contact = rj_profile_add_contact (profile, "Sam (sponsor)", "555-0142");
  g_free (contact->id);
  contact->id = g_strdup ("ka-contact-sam");
  contact->note = g_strdup ("Evenings are best");
  rj_profile_add_session (profile, G_DATE_MONDAY, 18 * 60);
  rj_profile_add_session (profile, G_DATE_WEDNESDAY, 18 * 60);
  rj_profile_add_session (profile, G_DATE_THURSDAY, 18 * 60 + 30);
  check (rj_store_save_profile (store, profile, &error), error);

  /* A full day. */
  {
    g_autoptr(RjEntry) entry = NULL;

    g_date_set_dmy (&date, 20, G_DATE_NOVEMBER, 2026);
    entry = rj_entry_new (&date);
    entry->mood = 7;
    entry->distress = 3;
    entry->sleep_minutes = 435;
    entry->halt.answered = RJ_HALT_ALL;
    entry->halt.yes = RJ_HALT_TIRED;
    craving = add_craving (entry, "ka-craving-1");
    craving->time_minutes = 19 * 60 + 40;
    craving->intensity = 6;
    craving->duration_minutes = 15;
    craving->trigger_id = g_strdup ("people");
    rj_note_set (&craving->trigger_words, "Old friend texted", FALSE);
    craving->halt.answered = RJ_HALT_HUNGRY | RJ_HALT_LONELY;
    craving->halt.yes = RJ_HALT_LONELY;
    rj_craving_add_skill (craving, "urge-surfing", RJ_HELPED_YES);
    rj_craving_add_skill (craving, "call-support", RJ_HELPED_PARTLY);
    craving->outcome = RJ_OUTCOME_RODE_IT_OUT;
    craving = add_craving (entry, "ka-craving-2");
    craving->intensity = 2;
    craving->trigger_id = g_strdup ("ka-trigger-payday");
    craving->outcome = RJ_OUTCOME_RODE_IT_OUT;
    entry->use.used = RJ_ANSWER_NO;
    entry->medication_taken = RJ_ANSWER_YES;
    entry->meetings = 1;
    entry->support_calls = 2;
    entry->session_attended = RJ_ANSWER_YES;
    rj_entry_add_win (entry, "Went to my meeting", FALSE);
    rj_entry_add_win (entry, "Told Sam the truth", TRUE);
    rj_entry_add_topic (entry, "Getting through weekends", FALSE);
    rj_note_set (&entry->notes, "Hard evening, but I got through it.\nTomorrow is a new day.",
                 TRUE);
    check (rj_store_save_entry (store, entry, &error), error);
  }

  /* Zeros, which are not gaps. */
  {
    g_autoptr(RjEntry) entry = NULL;

    g_date_set_dmy (&date, 21, G_DATE_NOVEMBER, 2026);
    entry = rj_entry_new (&date);
    entry->mood = 0;
    entry->distress = 0;
    entry->sleep_minutes = 0;
    entry->meetings = 0;
    entry->support_calls = 0;
    entry->use.used = RJ_ANSWER_NO;
    entry->medication_taken = RJ_ANSWER_NO;
    entry->session_attended = RJ_ANSWER_NO;
    check (rj_store_save_entry (store, entry, &error), error);
  }

  /* A lapse, in neutral words. */
  {
    g_autoptr(RjEntry) entry = NULL;

    g_date_set_dmy (&date, 22, G_DATE_NOVEMBER, 2026);
    entry = rj_entry_new (&date);
    craving = add_craving (entry, "ka-craving-3");
    craving->outcome = RJ_OUTCOME_USED;
    entry->use.used = RJ_ANSWER_YES;
    entry->use.substance_id = g_strdup ("alcohol");
    rj_note_set (&entry->use.amount, "Two beers", FALSE);
    rj_note_set (&entry->use.what_happened, "After the argument I went to the bar.", TRUE);
    rj_note_set (&entry->use.next_time, "Call Sam first.", FALSE);
    check (rj_store_save_entry (store, entry, &error), error);
  }

  /* Text beyond ASCII. */
  {
    g_autoptr(RjEntry) entry = NULL;

    g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
    entry = rj_entry_new (&date);
    entry->mood = 5;
    rj_note_set (&entry->notes, "Ünïcödé ✓ — “quotes”, 早上好", FALSE);
    check (rj_store_save_entry (store, entry, &error), error);
  }

  /* A day written, then deleted. */
  {
    g_autoptr(RjEntry) entry = NULL;

    g_date_set_dmy (&date, 19, G_DATE_NOVEMBER, 2026);
    entry = rj_entry_new (&date);
    entry->mood = 1;
    check (rj_store_save_entry (store, entry, &error), error);
    check (rj_store_delete_entry (store, &date, &error), error);
  }

  check (rj_store_lock (store, &error), error);
  printf ("passphrase: %s\nrecovery code: %s\n", PASSPHRASE, code);
  return 0;
}
