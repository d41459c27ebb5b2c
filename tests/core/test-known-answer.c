/* test-known-answer.c: a journal written by version 1 of the format keeps opening, with
 * the same content, in every later version of the app.
 *
 * tests/fixtures/known-answer-v1.db was made once by make-known-answer.c. The values
 * below are written out by hand on purpose: they must not follow the code if it changes.
 * The fixture is never opened in place (SQLite would add -wal and -shm files beside it):
 * the test works on a copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-known-answer"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "rj-test-util.h"

#define FIXTURE "known-answer-v1.db"
#define PASSPHRASE "known answer, version 1"
#define RECOVERY_CODE "S4QS-H60G-90QZ-YF1T-WMXD-CVMR-M4NK-TX20"

static char *fixture_path;
static char *fixture_checksum;

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, len);
}

/* A copy of the fixture in a new temporary folder. */
static char *
copy_fixture (char **dir_out)
{
  char *dir = rj_test_make_tmp_dir ("rj-known-answer-XXXXXX");
  char *path = g_build_filename (dir, "journal.db", NULL);

  rj_test_copy_file (fixture_path, path);
  *dir_out = dir;
  return path;
}

static RjEntry *
dup_day (RjStore *store,
         guint day)
{
  GDate date;

  g_date_set_dmy (&date, day, G_DATE_NOVEMBER, 2026);
  return rj_store_dup_entry (store, &date);
}

static void
assert_content (RjStore *store)
{
  g_autoptr(RjEntry) full = dup_day (store, 20);
  g_autoptr(RjEntry) zeros = dup_day (store, 21);
  g_autoptr(RjEntry) lapse = dup_day (store, 22);
  g_autoptr(RjEntry) unicode = dup_day (store, 23);
  g_autoptr(RjEntry) deleted = dup_day (store, 19);
  g_autoptr(RjProfile) profile = rj_store_dup_profile (store);
  g_autoptr(GArray) days = rj_store_list_days (store);
  const RjCraving *craving;
  const RjSkillUse *skill;
  const RjContact *contact;
  const RjListItem *item;

  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 4);
  g_assert_cmpuint (days->len, ==, 4);
  for (guint i = 0; i < days->len; i++)
    g_assert_cmpuint (g_date_get_day (&g_array_index (days, GDate, i)), ==, 20 + i);
  g_assert_null (deleted);

  /* 2026-11-20: every kind of field. */
  g_assert_nonnull (full);
  g_assert_cmpint (full->mood, ==, 7);
  g_assert_cmpint (full->distress, ==, 3);
  g_assert_cmpint (full->sleep_minutes, ==, 435);
  g_assert_cmpint (full->halt.answered, ==, RJ_HALT_ALL);
  g_assert_cmpint (full->halt.yes, ==, RJ_HALT_TIRED);
  g_assert_cmpuint (full->cravings->len, ==, 2);
  craving = g_ptr_array_index (full->cravings, 0);
  g_assert_cmpstr (craving->id, ==, "ka-craving-1");
  g_assert_cmpint (craving->time_minutes, ==, 19 * 60 + 40);
  g_assert_cmpint (craving->intensity, ==, 6);
  g_assert_cmpint (craving->duration_minutes, ==, 15);
  g_assert_cmpstr (craving->trigger_id, ==, "people");
  g_assert_cmpstr (craving->trigger_words.text, ==, "Old friend texted");
  g_assert_false (craving->trigger_words.is_private);
  g_assert_cmpint (craving->halt.answered, ==, RJ_HALT_HUNGRY | RJ_HALT_LONELY);
  g_assert_cmpint (craving->halt.yes, ==, RJ_HALT_LONELY);
  g_assert_cmpuint (craving->skills->len, ==, 2);
  skill = &g_array_index (craving->skills, RjSkillUse, 0);
  g_assert_cmpstr (skill->skill_id, ==, "urge-surfing");
  g_assert_cmpint (skill->helped, ==, RJ_HELPED_YES);
  skill = &g_array_index (craving->skills, RjSkillUse, 1);
  g_assert_cmpstr (skill->skill_id, ==, "call-support");
  g_assert_cmpint (skill->helped, ==, RJ_HELPED_PARTLY);
  g_assert_cmpint (craving->outcome, ==, RJ_OUTCOME_RODE_IT_OUT);
  craving = g_ptr_array_index (full->cravings, 1);
  g_assert_cmpstr (craving->id, ==, "ka-craving-2");
  g_assert_cmpint (craving->time_minutes, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (craving->intensity, ==, 2);
  g_assert_cmpint (craving->duration_minutes, ==, RJ_NOT_LOGGED);
  g_assert_cmpstr (craving->trigger_id, ==, "ka-trigger-payday");
  g_assert_true (rj_note_is_empty (&craving->trigger_words));
  g_assert_cmpint (craving->halt.answered, ==, 0);
  g_assert_cmpuint (craving->skills->len, ==, 0);
  g_assert_cmpint (full->use.used, ==, RJ_ANSWER_NO);
  g_assert_null (full->use.substance_id);
  g_assert_cmpint (full->medication_taken, ==, RJ_ANSWER_YES);
  g_assert_cmpint (full->meetings, ==, 1);
  g_assert_cmpint (full->support_calls, ==, 2);
  g_assert_cmpint (full->session_attended, ==, RJ_ANSWER_YES);
  g_assert_cmpuint (full->wins->len, ==, 2);
  g_assert_cmpstr (((RjNote *) g_ptr_array_index (full->wins, 0))->text, ==, "Went to my meeting");
  g_assert_false (((RjNote *) g_ptr_array_index (full->wins, 0))->is_private);
  g_assert_cmpstr (((RjNote *) g_ptr_array_index (full->wins, 1))->text, ==, "Told Sam the truth");
  g_assert_true (((RjNote *) g_ptr_array_index (full->wins, 1))->is_private);
  g_assert_cmpuint (full->topics->len, ==, 1);
  g_assert_cmpstr (((RjNote *) g_ptr_array_index (full->topics, 0))->text, ==,
                   "Getting through weekends");
  g_assert_cmpstr (full->notes.text, ==,
                   "Hard evening, but I got through it.\nTomorrow is a new day.");
  g_assert_true (full->notes.is_private);

  /* 2026-11-21: zeros, not gaps. */
  g_assert_nonnull (zeros);
  g_assert_cmpint (zeros->mood, ==, 0);
  g_assert_cmpint (zeros->distress, ==, 0);
  g_assert_cmpint (zeros->sleep_minutes, ==, 0);
  g_assert_cmpint (zeros->meetings, ==, 0);
  g_assert_cmpint (zeros->support_calls, ==, 0);
  g_assert_cmpint (zeros->use.used, ==, RJ_ANSWER_NO);
  g_assert_cmpint (zeros->medication_taken, ==, RJ_ANSWER_NO);
  g_assert_cmpint (zeros->session_attended, ==, RJ_ANSWER_NO);
  g_assert_cmpint (zeros->halt.answered, ==, 0);
  g_assert_cmpuint (zeros->cravings->len, ==, 0);
  g_assert_true (rj_note_is_empty (&zeros->notes));

  /* 2026-11-22: a lapse; everything else not logged. */
  g_assert_nonnull (lapse);
  g_assert_cmpint (lapse->mood, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (lapse->distress, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (lapse->sleep_minutes, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (lapse->meetings, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (lapse->support_calls, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (lapse->medication_taken, ==, RJ_ANSWER_NOT_LOGGED);
  g_assert_cmpint (lapse->session_attended, ==, RJ_ANSWER_NOT_LOGGED);
  g_assert_cmpuint (lapse->cravings->len, ==, 1);
  craving = g_ptr_array_index (lapse->cravings, 0);
  g_assert_cmpstr (craving->id, ==, "ka-craving-3");
  g_assert_cmpint (craving->intensity, ==, RJ_NOT_LOGGED);
  g_assert_null (craving->trigger_id);
  g_assert_cmpint (craving->outcome, ==, RJ_OUTCOME_USED);
  g_assert_cmpint (lapse->use.used, ==, RJ_ANSWER_YES);
  g_assert_cmpstr (lapse->use.substance_id, ==, "alcohol");
  g_assert_cmpstr (lapse->use.amount.text, ==, "Two beers");
  g_assert_false (lapse->use.amount.is_private);
  g_assert_cmpstr (lapse->use.what_happened.text, ==, "After the argument I went to the bar.");
  g_assert_true (lapse->use.what_happened.is_private);
  g_assert_cmpstr (lapse->use.next_time.text, ==, "Call Sam first.");
  g_assert_cmpuint (lapse->wins->len, ==, 0);

  /* 2026-11-23: text beyond ASCII. */
  g_assert_nonnull (unicode);
  g_assert_cmpint (unicode->mood, ==, 5);
  g_assert_cmpstr (unicode->notes.text, ==, "Ünïcödé ✓ — “quotes”, 早上好");

  /* The profile. */
  g_assert_nonnull (profile);
  g_assert_cmpstr (profile->client_name, ==, "J. M.");
  g_assert_true (g_date_valid (&profile->sober_start));
  g_assert_cmpuint (g_date_get_year (&profile->sober_start), ==, 2026);
  g_assert_cmpuint (g_date_get_month (&profile->sober_start), ==, G_DATE_OCTOBER);
  g_assert_cmpuint (g_date_get_day (&profile->sober_start), ==, 1);
  item = rj_profile_find_item (profile, RJ_LIST_TRIGGERS, "ka-trigger-payday");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->name, ==, "Payday");
  g_assert_cmpstr (((RjListItem *) g_ptr_array_index (profile->lists[RJ_LIST_TRIGGERS],
                                                      profile->lists[RJ_LIST_TRIGGERS]->len - 1))->id,
                   ==, "ka-trigger-payday");
  g_assert_nonnull (rj_profile_find_item (profile, RJ_LIST_TRIGGERS, "people"));
  item = rj_profile_find_item (profile, RJ_LIST_SKILLS, "call-support");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->name, ==, "Call Sam");
  g_assert_cmpstr (rj_profile_item_label (profile, RJ_LIST_SKILLS, "call-support"), ==, "Call Sam");
  item = rj_profile_find_item (profile, RJ_LIST_SUBSTANCES, "nicotine");
  g_assert_nonnull (item);
  g_assert_true (item->hidden);
  item = rj_profile_find_item (profile, RJ_LIST_SUBSTANCES, "alcohol");
  g_assert_nonnull (item);
  g_assert_false (item->hidden);
  g_assert_null (item->name);
  g_assert_cmpuint (profile->contacts->len, ==, 1);
  contact = g_ptr_array_index (profile->contacts, 0);
  g_assert_cmpstr (contact->id, ==, "ka-contact-sam");
  g_assert_cmpstr (contact->name, ==, "Sam (sponsor)");
  g_assert_cmpstr (contact->phone, ==, "555-0142");
  g_assert_cmpstr (contact->note, ==, "Evenings are best");
  g_assert_cmpuint (profile->schedule->len, ==, 3);
  g_assert_cmpint (g_array_index (profile->schedule, RjSessionSlot, 0).weekday, ==, G_DATE_MONDAY);
  g_assert_cmpint (g_array_index (profile->schedule, RjSessionSlot, 1).weekday, ==,
                   G_DATE_WEDNESDAY);
  g_assert_cmpint (g_array_index (profile->schedule, RjSessionSlot, 2).weekday, ==,
                   G_DATE_THURSDAY);
  g_assert_cmpint (g_array_index (profile->schedule, RjSessionSlot, 2).start_minutes, ==,
                   18 * 60 + 30);
}

static void
test_opens_with_passphrase (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture (&dir);
  g_autoptr(RjStore) store = rj_store_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_store_exists (store));
  g_assert_false (rj_store_unlock (store, "known answer, version 2",
                                   strlen ("known answer, version 2"), &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (rj_store_unlock (store, PASSPHRASE, strlen (PASSPHRASE), &error));
  g_assert_no_error (error);
  /* Made with the cheap parameters, and a journal opens with the ones it was made with. */
  g_assert_cmpuint (rj_store_get_kdf_params (store)->opslimit, ==, 1);
  g_assert_cmpuint (rj_store_get_kdf_params (store)->memlimit, ==, 8192);
  assert_content (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  rj_test_remove_tree (dir);
}

static void
test_opens_with_recovery_code (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture (&dir);
  g_autoptr(RjStore) store = rj_store_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = g_strdelimit (g_ascii_strdown (RECOVERY_CODE, -1), "-", ' ');

  g_assert_true (rj_store_unlock_with_recovery_code (store, typed, &error));
  g_assert_no_error (error);
  assert_content (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  rj_test_remove_tree (dir);
}

static void
test_still_writable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture (&dir);
  g_autoptr(RjStore) store = rj_test_open_store (path, PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) back = NULL;
  GDate date;

  /* A later version edits an old journal without losing what was there. */
  g_date_set_dmy (&date, 24, G_DATE_NOVEMBER, 2026);
  entry = rj_entry_new (&date);
  entry->mood = 8;
  g_assert_true (rj_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_change_passphrase (store, "new", NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = rj_test_open_store (path, "new");
  back = rj_store_dup_entry (store, &date);
  g_assert_nonnull (back);
  g_assert_true (rj_entry_equal (back, entry));
  g_assert_true (rj_store_delete_entry (store, &date, &error));
  g_assert_no_error (error);
  assert_content (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  rj_test_remove_tree (dir);
}

static void
test_fixture_untouched (void)
{
  g_autofree char *wal = g_strconcat (fixture_path, "-wal", NULL);
  g_autofree char *checksum = file_checksum (fixture_path);
  struct stat st;

  /* The tests above worked on copies; and the committed file is whole on its own. */
  g_assert_cmpstr (checksum, ==, fixture_checksum);
  g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
}

int
main (int argc,
      char *argv[])
{
  const char *dir = g_getenv ("RJ_TEST_FIXTURES");
  int status;

  rj_test_init (&argc, &argv);
  fixture_path = dir != NULL ? g_build_filename (dir, FIXTURE, NULL)
                             : g_test_build_filename (G_TEST_DIST, "fixtures", FIXTURE, NULL);
  g_assert_true (g_file_test (fixture_path, G_FILE_TEST_IS_REGULAR));
  fixture_checksum = file_checksum (fixture_path);

  g_test_add_func ("/known-answer/v1/passphrase", test_opens_with_passphrase);
  g_test_add_func ("/known-answer/v1/recovery-code", test_opens_with_recovery_code);
  g_test_add_func ("/known-answer/v1/still-writable", test_still_writable);
  g_test_add_func ("/known-answer/v1/fixture-untouched", test_fixture_untouched);

  status = g_test_run ();
  g_free (fixture_path);
  g_free (fixture_checksum);
  return status;
}
