/* rj-test-util.c: what the core tests share: temporary journals, full entries, file scans.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-test-util"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rj-test-util.h"

void
rj_test_init (int *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
  g_assert_true (rj_crypto_init ());
}

char *
rj_test_make_tmp_dir (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
rj_test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_remove (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rj_test_remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

RjStore *
rj_test_create_store (const char *path,
                      const char *passphrase,
                      char **recovery_code_out)
{
  g_autoptr(GError) error = NULL;
  RjStore *store = rj_store_new (path);
  RjKdfParams params;

  rj_kdf_params_fast_for_tests (&params);
  g_assert_false (rj_store_exists (store));
  g_assert_true (rj_store_create (store, passphrase, &params, recovery_code_out, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_is_unlocked (store));
  g_assert_true (rj_store_exists (store));
  return store;
}

RjStore *
rj_test_open_store (const char *path,
                    const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  RjStore *store = rj_store_new (path);

  g_assert_true (rj_store_exists (store));
  g_assert_true (rj_store_unlock (store, passphrase, strlen (passphrase), &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_is_unlocked (store));
  return store;
}

const char *const rj_test_entry_fields[] = {
  "trigger-words", "private-trigger-words", "amount", "what-happened", "next-time", "win",
  "private-win", "topic", "private-topic", "notes", NULL
};

const char *const rj_test_entry_loop_fields[] = {
  "session-keep", "homework", "private-homework", "homework-note", "private-homework-note",
  "review-vulnerable", "review-set-off", "private-review-thoughts", NULL
};

const char *const rj_test_profile_fields[] = {
  "client-name", "trigger-item", "skill-item", "substance-item", "renamed-skill",
  "contact-name", "contact-phone", "contact-note", "second-contact-name",
  "second-contact-phone", "plan-reasons", "plan-trigger-words", "plan-warning-signs",
  "plan-strategy-words", "private-plan-strategy-words", "plan-if-lapse", NULL
};

static char *
canary (const char *marker,
        const char *field)
{
  /* Non-ASCII text around the marker, as a client's notes have it. */
  return g_strdup_printf ("Ça va — %s-%s ✓", marker, field);
}

RjEntry *
rj_test_entry_full (const GDate *date,
                    const char *marker)
{
  RjEntry *entry = rj_entry_new (date);
  RjCraving *craving;
  g_autofree char *text = NULL;

  entry->mood = 10;
  entry->distress = 0;
  entry->sleep_minutes = 24 * 60;
  entry->halt.answered = RJ_HALT_ALL;
  entry->halt.yes = RJ_HALT_HUNGRY | RJ_HALT_TIRED;

  /* At midnight, for no time at all, at intensity 0: zeros that must not read as gaps. */
  craving = rj_entry_add_craving (entry);
  craving->time_minutes = 0;
  craving->intensity = 0;
  craving->duration_minutes = 0;
  craving->trigger_id = g_strdup ("people");
  text = canary (marker, "trigger-words");
  rj_note_set (&craving->trigger_words, text, FALSE);
  g_clear_pointer (&text, g_free);
  craving->halt.answered = RJ_HALT_ANGRY | RJ_HALT_LONELY;
  craving->halt.yes = RJ_HALT_LONELY;
  rj_craving_add_skill (craving, "urge-surfing", RJ_HELPED_YES);
  rj_craving_add_skill (craving, "call-support", RJ_HELPED_PARTLY);
  rj_craving_add_skill (craving, "breathing", RJ_HELPED_NO);
  rj_craving_add_skill (craving, "write-it-out", RJ_HELPED_NOT_LOGGED);
  craving->outcome = RJ_OUTCOME_RODE_IT_OUT;

  /* The last minute of the day, the strongest craving, a whole day long. */
  craving = rj_entry_add_craving (entry);
  craving->time_minutes = 24 * 60 - 1;
  craving->intensity = RJ_SCALE_MAX;
  craving->duration_minutes = 24 * 60;
  craving->trigger_id = g_strdup ("a-trigger_of-my-own-0123456789");
  text = canary (marker, "private-trigger-words");
  rj_note_set (&craving->trigger_words, text, TRUE);
  g_clear_pointer (&text, g_free);
  craving->halt.answered = RJ_HALT_ALL;
  craving->halt.yes = RJ_HALT_ALL;
  craving->outcome = RJ_OUTCOME_USED;

  /* A craving noted with nothing else about it. */
  rj_entry_add_craving (entry);

  /* Fixed ids, so that two calls make equal entries. */
  for (guint i = 0; i < entry->cravings->len; i++)
    {
      craving = g_ptr_array_index (entry->cravings, i);
      g_free (craving->id);
      craving->id = g_strdup_printf ("craving-%u", i + 1);
    }

  entry->use.used = RJ_ANSWER_YES;
  entry->use.substance_id = g_strdup ("alcohol");
  text = canary (marker, "amount");
  rj_note_set (&entry->use.amount, text, FALSE);
  g_clear_pointer (&text, g_free);
  text = canary (marker, "what-happened");
  rj_note_set (&entry->use.what_happened, text, TRUE);
  g_clear_pointer (&text, g_free);
  text = canary (marker, "next-time");
  rj_note_set (&entry->use.next_time, text, FALSE);
  g_clear_pointer (&text, g_free);

  entry->medication_taken = RJ_ANSWER_YES;
  entry->meetings = 2;
  entry->support_calls = 3;
  entry->session_attended = RJ_ANSWER_YES;

  text = canary (marker, "win");
  rj_entry_add_win (entry, text, FALSE);
  g_clear_pointer (&text, g_free);
  text = canary (marker, "private-win");
  rj_entry_add_win (entry, text, TRUE);
  g_clear_pointer (&text, g_free);
  text = canary (marker, "topic");
  rj_entry_add_topic (entry, text, FALSE);
  g_clear_pointer (&text, g_free);
  text = canary (marker, "private-topic");
  rj_entry_add_topic (entry, text, TRUE);
  g_clear_pointer (&text, g_free);

  text = g_strdup_printf ("First line.\n\nA second paragraph with\ttabs and “quotes”.\n%s-notes",
                          marker);
  rj_note_set (&entry->notes, text, TRUE);
  g_clear_pointer (&text, g_free);

  /* After the session: every kind of homework, both states, private and not. */
  text = canary (marker, "session-keep");
  rj_note_set (&entry->after_session.keep, text, FALSE);
  g_clear_pointer (&text, g_free);
  rj_entry_add_practise (entry, "urge-surfing");
  rj_entry_add_practise (entry, "a-skill_of-my-own-0123456789");
  {
    RjHomework *homework;

    text = canary (marker, "homework");
    homework = rj_entry_add_homework (entry, text, FALSE);
    g_clear_pointer (&text, g_free);
    g_free (homework->id);
    homework->id = g_strdup ("homework-1");
    homework->state = RJ_HOMEWORK_DONE;
    text = canary (marker, "homework-note");
    rj_note_set (&homework->how_it_went, text, FALSE);
    g_clear_pointer (&text, g_free);

    text = canary (marker, "private-homework");
    homework = rj_entry_add_homework (entry, text, TRUE);
    g_clear_pointer (&text, g_free);
    g_free (homework->id);
    homework->id = g_strdup ("homework-2");
    text = canary (marker, "private-homework-note");
    rj_note_set (&homework->how_it_went, text, TRUE);
    g_clear_pointer (&text, g_free);

    /* A task with nothing written yet but a private flag. */
    homework = rj_entry_add_homework (entry, NULL, TRUE);
    g_free (homework->id);
    homework->id = g_strdup ("homework-3");
  }

  /* The lapse review, at the edges of its scale. */
  entry->review.stress = RJ_SCALE_MAX;
  text = canary (marker, "review-vulnerable");
  rj_note_set (&entry->review.vulnerable, text, FALSE);
  g_clear_pointer (&text, g_free);
  text = canary (marker, "review-set-off");
  rj_note_set (&entry->review.set_off, text, FALSE);
  g_clear_pointer (&text, g_free);
  text = canary (marker, "private-review-thoughts");
  rj_note_set (&entry->review.thoughts, text, TRUE);

  /* The weekly check with one question left unanswered and a zero. */
  entry->weekly.answers[RJ_WEEKLY_HOW_OFTEN] = 0;
  entry->weekly.answers[RJ_WEEKLY_HOW_STRONG] = RJ_WEEKLY_ANSWER_MAX;
  entry->weekly.answers[RJ_WEEKLY_HOW_LONG] = 3;
  entry->weekly.answers[RJ_WEEKLY_HOW_HARD] = RJ_NOT_LOGGED;
  entry->weekly.answers[RJ_WEEKLY_OVERALL] = 2;
  return entry;
}

RjEntry *
rj_test_entry_zeros (const GDate *date)
{
  RjEntry *entry = rj_entry_new (date);
  RjCraving *craving;

  entry->mood = 0;
  entry->distress = 0;
  entry->sleep_minutes = 0;
  entry->halt.answered = RJ_HALT_ALL;
  entry->halt.yes = 0;
  craving = rj_entry_add_craving (entry);
  craving->time_minutes = 0;
  craving->intensity = 0;
  craving->duration_minutes = 0;
  craving->halt.answered = RJ_HALT_ALL;
  craving->outcome = RJ_OUTCOME_RODE_IT_OUT;
  g_free (craving->id);
  craving->id = g_strdup ("zero");
  entry->use.used = RJ_ANSWER_NO;
  entry->medication_taken = RJ_ANSWER_NO;
  entry->meetings = 0;
  entry->support_calls = 0;
  entry->session_attended = RJ_ANSWER_NO;
  entry->review.stress = 0;
  for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
    entry->weekly.answers[i] = 0;
  return entry;
}

RjProfile *
rj_test_profile_full (const char *marker)
{
  RjProfile *profile = rj_profile_new_default ();
  RjListItem *item;
  RjContact *contact;

  profile->client_name = canary (marker, "client-name");
  g_date_set_dmy (&profile->sober_start, 1, G_DATE_JUNE, 1987);

  item = rj_profile_add_item (profile, RJ_LIST_TRIGGERS, "");
  g_free (item->name);
  item->name = canary (marker, "trigger-item");
  g_free (item->id);
  item->id = g_strdup ("a-trigger_of-my-own-0123456789");
  item = rj_profile_add_item (profile, RJ_LIST_SKILLS, "");
  g_free (item->name);
  item->name = canary (marker, "skill-item");
  item = rj_profile_add_item (profile, RJ_LIST_SUBSTANCES, "");
  g_free (item->name);
  item->name = canary (marker, "substance-item");

  /* A built-in item the client renamed, and one they hid. */
  item = rj_profile_find_item (profile, RJ_LIST_SKILLS, "call-support");
  g_assert_nonnull (item);
  item->name = canary (marker, "renamed-skill");
  item = rj_profile_find_item (profile, RJ_LIST_SUBSTANCES, "nicotine");
  g_assert_nonnull (item);
  item->hidden = TRUE;

  contact = rj_profile_add_contact (profile, "", "");
  g_free (contact->name);
  contact->name = canary (marker, "contact-name");
  g_free (contact->phone);
  contact->phone = g_strdup_printf ("+1 555 0100 %s-contact-phone", marker);
  contact->note = canary (marker, "contact-note");
  contact = rj_profile_add_contact (profile, "", "");
  g_free (contact->name);
  contact->name = canary (marker, "second-contact-name");
  g_free (contact->phone);
  contact->phone = g_strdup_printf ("%s-second-contact-phone", marker);

  rj_profile_add_session (profile, G_DATE_MONDAY, 18 * 60);
  rj_profile_add_session (profile, G_DATE_WEDNESDAY, 9 * 60 + 30);
  rj_profile_add_session (profile, G_DATE_THURSDAY, 0);

  /* The relapse-prevention plan, every section filled, one part private. */
  {
    RjPlan *plan = &profile->plan;
    g_autofree char *text = NULL;

    text = canary (marker, "plan-reasons");
    rj_note_set (&plan->reasons, text, FALSE);
    g_clear_pointer (&text, g_free);
    text = canary (marker, "plan-trigger-words");
    rj_plan_add_trigger (plan, "a-trigger_of-my-own-0123456789", text, FALSE);
    g_clear_pointer (&text, g_free);
    rj_plan_add_trigger (plan, "people", NULL, FALSE);
    text = canary (marker, "plan-warning-signs");
    rj_note_set (&plan->warning_signs, text, FALSE);
    g_clear_pointer (&text, g_free);
    text = canary (marker, "plan-strategy-words");
    rj_plan_add_strategy (plan, "urge-surfing", text, FALSE);
    g_clear_pointer (&text, g_free);
    text = canary (marker, "private-plan-strategy-words");
    rj_plan_add_strategy (plan, "call-support", text, TRUE);
    g_clear_pointer (&text, g_free);
    for (guint i = 0; i < profile->contacts->len; i++)
      rj_plan_add_person (plan, ((RjContact *) g_ptr_array_index (profile->contacts, i))->id);
    text = canary (marker, "plan-if-lapse");
    rj_note_set (&plan->if_lapse, text, FALSE);
  }
  return profile;
}

void
rj_test_assert_entries (RjStore *store,
                        GHashTable *expected)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GArray) days = rj_store_list_days (store);

  g_assert_cmpuint (rj_store_get_n_entries (store), ==, g_hash_table_size (expected));
  g_assert_cmpuint (days->len, ==, g_hash_table_size (expected));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const RjEntry *want = value;
      g_autoptr(RjEntry) got = rj_store_dup_entry (store, &want->date);

      if (got == NULL)
        g_error ("The entry of %u/%u/%u is missing", g_date_get_year (&want->date),
                 g_date_get_month (&want->date), g_date_get_day (&want->date));
      g_assert_true (rj_entry_equal (got, want));
    }
  for (guint i = 0; i < days->len; i++)
    g_assert_true (g_hash_table_contains (expected, GUINT_TO_POINTER (
      g_date_get_julian (&g_array_index (days, GDate, i)))));
}

gboolean
rj_test_contains (const guint8 *haystack,
                  gsize haystack_len,
                  const guint8 *needle,
                  gsize needle_len)
{
  g_assert_cmpuint (needle_len, >, 0);
  if (haystack_len < needle_len)
    return FALSE;
  for (const guint8 *p = haystack; p <= haystack + haystack_len - needle_len; p++)
    {
      p = memchr (p, needle[0], haystack + haystack_len - needle_len + 1 - p);
      if (p == NULL)
        return FALSE;
      if (memcmp (p, needle, needle_len) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
list_files_into (const char *path,
                 GPtrArray *files)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          list_files_into (child, files);
          g_free (child);
        }
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, child);
      else
        g_free (child);
    }
  g_dir_close (dir);
}

GPtrArray *
rj_test_list_files (const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  list_files_into (dir, files);
  return files;
}

char *
rj_test_find_in_tree (const char *dir,
                      const guint8 *needle,
                      gsize needle_len)
{
  g_autoptr(GPtrArray) files = rj_test_list_files (dir);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      gsize len = 0;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      if (rj_test_contains ((const guint8 *) contents, len, needle, needle_len))
        return g_strdup (path);
    }
  return NULL;
}

sqlite3 *
rj_test_sqlite_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 5000);
  return db;
}

sqlite3 *
rj_test_sqlite_open_create (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));
  return db;
}

void
rj_test_sqlite_exec (sqlite3 *db,
                     const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static int
collect_row (void *data,
             int n_columns,
             char **values,
             char **names)
{
  GString *out = data;

  for (int i = 0; i < n_columns; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, values[i] != NULL ? values[i] : "(null)");
    }
  return 0;
}

char *
rj_test_sqlite_integrity (const char *path)
{
  sqlite3 *db = rj_test_sqlite_open (path);
  GString *out = g_string_new (NULL);
  char *message = NULL;

  if (sqlite3_exec (db, "PRAGMA integrity_check", collect_row, out, &message) != SQLITE_OK)
    {
      g_string_append_printf (out, "error: %s", message);
      sqlite3_free (message);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}

void
rj_test_copy_file (const char *from,
                   const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (to, contents, len, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

RjStore *
rj_test_create_demo_store (const char *path,
                           guint       n_days,
                           guint32     seed,
                           GDateTime  *now,
                           GDate      *last_day)
{
  g_autoptr(RjStore) store = rj_test_create_store (path, "benchmark passphrase", NULL);
  g_autoptr(GError) error = NULL;

  g_date_clear (last_day, 1);
  g_date_set_dmy (last_day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (!rj_demo_fill (store, last_day, n_days, seed, &error))
    g_error ("Could not generate the journal: %s", error->message);
  return g_steal_pointer (&store);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
rj_test_median (double *values,
                guint   n)
{
  qsort (values, n, sizeof (double), (GCompareFunc) compare_doubles);
  return values[n / 2];
}

double
rj_test_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}
