/* test-store.c: what goes into the journal comes back out, with the right secret only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "rj-test-util.h"

typedef struct {
  char *dir;
  char *path;
  char *recovery_code;
  GHashTable *expected;     /* julian day → RjEntry* */
  RjProfile *profile;
} Fixture;

static void
expect (Fixture *fixture,
        RjEntry *entry)
{
  g_hash_table_replace (fixture->expected, GUINT_TO_POINTER (g_date_get_julian (&entry->date)),
                        entry);
}

/* Writes a journal with every field, zeros, gaps and two months of demo days. */
static void
fixture_set_up (Fixture *fixture,
                gconstpointer data)
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (31);
  GDate date;

  fixture->dir = rj_test_make_tmp_dir ("rj-store-XXXXXX");
  /* A folder that does not exist yet, as on first start. */
  fixture->path = g_build_filename (fixture->dir, "data", "com.example.RecoveryJournal",
                                    "journal.db", NULL);
  fixture->expected = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) rj_entry_unref);

  store = rj_test_create_store (fixture->path, RJ_TEST_PASSPHRASE, &fixture->recovery_code);
  g_assert_nonnull (fixture->recovery_code);

  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  expect (fixture, rj_test_entry_full (&date, "store"));
  g_date_set_dmy (&date, 22, G_DATE_NOVEMBER, 2026);
  expect (fixture, rj_test_entry_zeros (&date));
  g_date_set_dmy (&date, 20, G_DATE_NOVEMBER, 2026);
  {
    RjEntry *sparse = rj_entry_new (&date);
    sparse->support_calls = 0;
    expect (fixture, sparse);
  }

  g_date_set_dmy (&date, 1, G_DATE_AUGUST, 2026);
  fixture->profile = rj_demo_profile (rand, &date, 30);
  for (guint i = 0; i < 60; i++, g_date_add_days (&date, 1))
    if (i % 7 != 3)
      expect (fixture, rj_demo_entry (rand, &date, fixture->profile));

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, fixture->expected);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        g_assert_true (rj_store_save_entry (store, value, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_true (rj_store_save_profile (store, fixture->profile, &error));
  g_assert_no_error (error);

  /* What is written reads back at once, before any reopening. */
  rj_test_assert_entries (store, fixture->expected);
  g_assert_true (rj_store_lock (store, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture,
                   gconstpointer data)
{
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->recovery_code);
  g_hash_table_unref (fixture->expected);
  g_clear_pointer (&fixture->profile, rj_profile_unref);
}

static void
assert_journal (Fixture *fixture,
                RjStore *store)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (store);

  g_assert_nonnull (profile);
  rj_test_assert_entries (store, fixture->expected);
  g_assert_true (rj_profile_equal (profile, fixture->profile));
  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
}

static void
assert_wrong_passphrase (RjStore *store,
                         const char *passphrase,
                         gsize len)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (rj_store_unlock (store, passphrase, len, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_PASSPHRASE);
  /* The message is for a person: a sentence, not a code. */
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_false (rj_store_is_unlocked (store));
  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  g_assert_null (rj_store_dup_entry (store, &date));
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 0);
}

/* Worker threads drop their reference on a task (and so on its source object) just
 * after the task has returned: wait for that before asserting the store is freed. */
static void
wait_for_last_ref (gpointer object)
{
  for (guint i = 0; i < 5000 && G_OBJECT (object)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct {
  GMainLoop *loop;
  GAsyncResult *result;
} AsyncWait;

static void
async_done_cb (GObject *source,
               GAsyncResult *result,
               gpointer user_data)
{
  AsyncWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
async_wait (AsyncWait *wait)
{
  g_main_loop_run (wait->loop);
  g_assert_nonnull (wait->result);
  return g_steal_pointer (&wait->result);
}

typedef struct {
  GMainLoop *loop;
  guint n_done;
  guint n_wanted;
} SaveWait;

static void
save_done_cb (GObject *source,
              GAsyncResult *result,
              gpointer user_data)
{
  SaveWait *wait = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_store_save_entry_finish (RJ_STORE (source), result, &error));
  g_assert_no_error (error);
  if (++wait->n_done == wait->n_wanted)
    g_main_loop_quit (wait->loop);
}

/* Tests. */

static void
test_round_trip (Fixture *fixture,
                 gconstpointer data)
{
  g_autoptr(RjStore) store = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  struct stat st;

  /* The folder and the file are the client's alone. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Closed: nothing waits in a write-ahead log. */
  g_assert_true (!g_file_test (wal, G_FILE_TEST_EXISTS) ||
                 (g_stat (wal, &st) == 0 && st.st_size == 0));

  store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  assert_journal (fixture, store);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Twice: opening changes nothing. */
  store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  assert_journal (fixture, store);
  g_assert_cmpint (g_stat (wal, &st) == 0 ? st.st_mode & 0777 : 0600, ==, 0600);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_edit_and_delete (Fixture *fixture,
                      gconstpointer data)
{
  g_autoptr(RjStore) store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RjEntry) edited = NULL;
  g_autoptr(RjEntry) emptied = NULL;
  GDate date, first, last;
  g_autoptr(GPtrArray) range = NULL;

  /* An edit replaces the day. */
  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  edited = rj_store_dup_entry (store, &date);
  g_assert_nonnull (edited);
  edited->mood = 3;
  rj_note_set (&edited->notes, "Rewrote this later.", FALSE);
  g_ptr_array_remove_index (edited->cravings, 0);
  g_assert_true (rj_store_save_entry (store, edited, &error));
  g_assert_no_error (error);
  expect (fixture, rj_entry_ref (edited));

  /* Deleting a day, and saving a day with nothing left in it, both remove it. */
  g_date_set_dmy (&date, 22, G_DATE_NOVEMBER, 2026);
  g_assert_true (rj_store_delete_entry (store, &date, &error));
  g_assert_no_error (error);
  g_hash_table_remove (fixture->expected, GUINT_TO_POINTER (g_date_get_julian (&date)));
  g_date_set_dmy (&date, 20, G_DATE_NOVEMBER, 2026);
  emptied = rj_entry_new (&date);
  g_assert_true (rj_store_save_entry (store, emptied, &error));
  g_assert_no_error (error);
  g_hash_table_remove (fixture->expected, GUINT_TO_POINTER (g_date_get_julian (&date)));
  /* Deleting a day that has nothing is fine. */
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2000);
  g_assert_true (rj_store_delete_entry (store, &date, &error));
  g_assert_no_error (error);

  rj_test_assert_entries (store, fixture->expected);

  /* A range comes back in order of days and only holds the days in it. */
  g_date_set_dmy (&first, 10, G_DATE_AUGUST, 2026);
  g_date_set_dmy (&last, 20, G_DATE_AUGUST, 2026);
  range = rj_store_dup_entries (store, &first, &last);
  g_assert_cmpuint (range->len, >, 5);
  for (guint i = 0; i < range->len; i++)
    {
      const RjEntry *entry = g_ptr_array_index (range, i);

      g_assert_cmpint (g_date_compare (&entry->date, &first), >=, 0);
      g_assert_cmpint (g_date_compare (&entry->date, &last), <=, 0);
      if (i > 0)
        g_assert_cmpint (g_date_compare (&((RjEntry *) g_ptr_array_index (range, i - 1))->date,
                                         &entry->date), <, 0);
      g_assert_true (rj_entry_equal (entry, g_hash_table_lookup (
        fixture->expected, GUINT_TO_POINTER (g_date_get_julian (&entry->date)))));
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  rj_test_assert_entries (store, fixture->expected);
}

static void
test_wrong_passphrase (Fixture *fixture,
                       gconstpointer data)
{
  g_autoptr(RjStore) store = rj_store_new (fixture->path);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GError) error = NULL;
  const gsize mb = 1024 * 1024;
  g_autofree char *big = g_malloc (mb + 1);
  g_autofree char *big_random = g_malloc (mb);
  static const char invalid_utf8[] = "\xff\xfe\xc3\x28 \xed\xa0\x80 \xc0\xaf";
  g_autofree char *close_one = g_strdup (RJ_TEST_PASSPHRASE);

  memset (big, 'a', mb);
  big[mb] = '\0';
  for (gsize i = 0; i < mb; i++)
    big_random[i] = g_rand_int (rand) & 0xff;

  for (guint i = 0; i < 5; i++)
    {
      char random[33];

      for (guint j = 0; j < 32; j++)
        random[j] = 33 + g_rand_int_range (rand, 0, 94);
      random[32] = '\0';
      assert_wrong_passphrase (store, random, strlen (random));
    }
  assert_wrong_passphrase (store, "", 0);
  assert_wrong_passphrase (store, NULL, 0);
  assert_wrong_passphrase (store, big, mb);
  assert_wrong_passphrase (store, big_random, mb);
  assert_wrong_passphrase (store, invalid_utf8, sizeof invalid_utf8 - 1);
  /* Nearly right is wrong too: case, a trailing space, a prefix, a nul byte added. */
  close_one[0] = g_ascii_toupper (close_one[0]);
  assert_wrong_passphrase (store, close_one, strlen (close_one));
  assert_wrong_passphrase (store, RJ_TEST_PASSPHRASE " ", strlen (RJ_TEST_PASSPHRASE) + 1);
  assert_wrong_passphrase (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE) - 1);
  assert_wrong_passphrase (store, RJ_TEST_PASSPHRASE "\0", strlen (RJ_TEST_PASSPHRASE) + 1);

  /* After all that, the right one still opens, on the same object. */
  g_assert_true (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                  &error));
  g_assert_no_error (error);
  assert_journal (fixture, store);
}

static void
test_unicode_passphrase (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  const char *passphrase = "Grüße aus Köln, 早上好 🔑";
  g_autoptr(RjStore) store = rj_test_create_store (path, passphrase, NULL);
  g_autoptr(RjStore) other = NULL;
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) back = NULL;
  g_autoptr(GError) error = NULL;

  g_date_set_dmy (&date, 9, G_DATE_SEPTEMBER, 2026);
  entry = rj_test_entry_full (&date, "unicode");
  g_assert_true (rj_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  other = rj_store_new (path);
  /* The same words in another Unicode normalisation are another passphrase. */
  assert_wrong_passphrase (other, "Gru\xcc\x88\xc3\x9f" "e aus Ko\xcc\x88ln, 早上好 🔑",
                           strlen ("Gru\xcc\x88\xc3\x9f" "e aus Ko\xcc\x88ln, 早上好 🔑"));
  g_assert_true (rj_store_unlock (other, passphrase, strlen (passphrase), &error));
  g_assert_no_error (error);
  back = rj_store_dup_entry (other, &date);
  g_assert_nonnull (back);
  g_assert_true (rj_entry_equal (entry, back));
  g_assert_finalize_object (g_steal_pointer (&other));
  rj_test_remove_tree (dir);
}

static void
test_recovery_code (Fixture *fixture,
                    gconstpointer data)
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  guint8 other[RJ_RECOVERY_CODE_BYTES];
  g_autofree char *other_code = NULL;
  RjKdfParams fast;

  rj_kdf_params_fast_for_tests (&fast);

  /* The code as printed opens the journal. */
  store = rj_store_new (fixture->path);
  g_assert_true (rj_store_unlock_with_recovery_code (store, fixture->recovery_code, &error));
  g_assert_no_error (error);
  assert_journal (fixture, store);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* The code as typed by hand: lower case, spaces between groups. */
  typed = g_ascii_strdown (fixture->recovery_code, -1);
  g_strdelimit (typed, "-", ' ');
  store = rj_store_new (fixture->path);
  g_assert_true (rj_store_unlock_with_recovery_code (store, typed, &error));
  g_assert_no_error (error);
  assert_journal (fixture, store);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Another well-formed code, a half code, and a passphrase in the code field. */
  rj_recovery_code_generate (other);
  other_code = rj_recovery_code_format (other);
  store = rj_store_new (fixture->path);
  g_assert_false (rj_store_unlock_with_recovery_code (store, other_code, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  typed[10] = '\0';
  g_assert_false (rj_store_unlock_with_recovery_code (store, typed, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  g_assert_false (rj_store_unlock_with_recovery_code (store, RJ_TEST_PASSPHRASE, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  /* ... and the recovery code in the passphrase field is just a wrong passphrase. */
  assert_wrong_passphrase (store, fixture->recovery_code, strlen (fixture->recovery_code));
  g_assert_false (rj_store_is_unlocked (store));

  /* Recovering: open with the code, then set a new passphrase. */
  g_assert_true (rj_store_unlock_with_recovery_code (store, fixture->recovery_code, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_change_passphrase (store, "a brand new passphrase", &fast, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = rj_store_new (fixture->path);
  assert_wrong_passphrase (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE));
  g_assert_true (rj_store_unlock (store, "a brand new passphrase",
                                  strlen ("a brand new passphrase"), &error));
  g_assert_no_error (error);
  assert_journal (fixture, store);
}

static void
test_change_passphrase (Fixture *fixture,
                        gconstpointer data)
{
  g_autoptr(RjStore) store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  g_autoptr(GError) error = NULL;
  RjKdfParams fast, before;
  const char *second = "second passphrase, longer";
  const char *third = "third";

  rj_kdf_params_fast_for_tests (&fast);
  before = *rj_store_get_kdf_params (store);
  g_assert_true (rj_store_change_passphrase (store, second, NULL, &error));
  g_assert_no_error (error);
  /* Without new parameters, the journal keeps the ones it has. */
  g_assert_cmpuint (rj_store_get_kdf_params (store)->opslimit, ==, before.opslimit);
  g_assert_cmpuint (rj_store_get_kdf_params (store)->memlimit, ==, before.memlimit);
  /* Still unlocked and whole while the passphrase changes. */
  assert_journal (fixture, store);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = rj_store_new (fixture->path);
  assert_wrong_passphrase (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE));
  g_assert_true (rj_store_unlock (store, second, strlen (second), &error));
  g_assert_no_error (error);
  assert_journal (fixture, store);

  /* Twice more, the second time asynchronously as the window does it. */
  g_assert_true (rj_store_change_passphrase (store, third, &fast, &error));
  g_assert_no_error (error);
  {
    AsyncWait wait = { g_main_loop_new (NULL, FALSE), NULL };
    g_autoptr(GAsyncResult) result = NULL;

    rj_store_change_passphrase_async (store, RJ_TEST_PASSPHRASE, &fast, NULL, async_done_cb,
                                      &wait);
    result = async_wait (&wait);
    g_assert_true (rj_store_change_passphrase_finish (store, result, &error));
    g_assert_no_error (error);
    g_main_loop_unref (wait.loop);
  }
  wait_for_last_ref (store);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = rj_store_new (fixture->path);
  assert_wrong_passphrase (store, second, strlen (second));
  assert_wrong_passphrase (store, third, strlen (third));
  g_assert_true (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rj_store_get_kdf_params (store)->opslimit, ==, fast.opslimit);
  assert_journal (fixture, store);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* The recovery code is untouched by passphrase changes. */
  store = rj_store_new (fixture->path);
  g_assert_true (rj_store_unlock_with_recovery_code (store, fixture->recovery_code, &error));
  g_assert_no_error (error);
  assert_journal (fixture, store);
}

static void
test_new_recovery_code (Fixture *fixture,
                        gconstpointer data)
{
  g_autoptr(RjStore) store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = rj_store_new_recovery_code (store, &error);
  guint8 parsed[RJ_RECOVERY_CODE_BYTES];

  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_true (rj_recovery_code_parse (code, parsed));
  g_assert_cmpstr (code, !=, fixture->recovery_code);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = rj_store_new (fixture->path);
  g_assert_false (rj_store_unlock_with_recovery_code (store, fixture->recovery_code, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  g_assert_true (rj_store_unlock_with_recovery_code (store, code, &error));
  g_assert_no_error (error);
  assert_journal (fixture, store);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* The passphrase is untouched by a new code. */
  store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  assert_journal (fixture, store);
}

static void
test_locked (Fixture *fixture,
             gconstpointer data)
{
  g_autoptr(RjStore) store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GArray) days = NULL;
  GDate date;

  g_assert_true (rj_store_lock (store, &error));
  g_assert_no_error (error);
  g_assert_false (rj_store_is_unlocked (store));
  /* Locked, nothing of the journal is left to read ... */
  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  g_assert_null (rj_store_dup_entry (store, &date));
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 0);
  days = rj_store_list_days (store);
  g_assert_cmpuint (days->len, ==, 0);
  profile = rj_store_dup_profile (store);
  g_assert_null (profile);
  /* ... and nothing can be written. */
  entry = rj_test_entry_full (&date, "locked");
  g_assert_false (rj_store_save_entry (store, entry, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* Unlocking again brings it all back, unchanged by the refused write. */
  g_assert_true (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                  &error));
  g_assert_no_error (error);
  assert_journal (fixture, store);
}

static void
test_async (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-store-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjStore) store = rj_store_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *code = NULL;
  AsyncWait wait = { g_main_loop_new (NULL, FALSE), NULL };
  RjKdfParams fast;
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) back = NULL;
  SaveWait saves = { wait.loop, 0, 3 };

  rj_kdf_params_fast_for_tests (&fast);
  rj_store_create_async (store, RJ_TEST_PASSPHRASE, &fast, NULL, async_done_cb, &wait);
  result = async_wait (&wait);
  g_assert_true (rj_store_create_finish (store, result, &code, &error));
  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_clear_object (&result);

  /* Three quick edits of one day: what reads back at once, and after, is the last. */
  g_date_set_dmy (&date, 14, G_DATE_FEBRUARY, 2026);
  entry = rj_test_entry_full (&date, "async");
  for (int mood = 0; mood < 3; mood++)
    {
      entry->mood = mood;
      rj_store_save_entry_async (store, entry, NULL, save_done_cb, &saves);
      back = rj_store_dup_entry (store, &date);
      g_assert_cmpint (back->mood, ==, mood);
      g_clear_pointer (&back, rj_entry_unref);
    }
  g_main_loop_run (saves.loop);
  g_assert_cmpuint (saves.n_done, ==, 3);
  g_assert_true (rj_store_lock (store, &error));
  g_assert_no_error (error);

  rj_store_unlock_async (store, "wrong", FALSE, NULL, async_done_cb, &wait);
  result = async_wait (&wait);
  g_assert_false (rj_store_unlock_finish (store, result, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_object (&result);

  rj_store_unlock_async (store, code, TRUE, NULL, async_done_cb, &wait);
  result = async_wait (&wait);
  g_assert_true (rj_store_unlock_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  back = rj_store_dup_entry (store, &date);
  g_assert_nonnull (back);
  g_assert_true (rj_entry_equal (back, entry));

  g_main_loop_unref (wait.loop);
  wait_for_last_ref (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  rj_test_remove_tree (dir);
}

static void
test_not_a_journal (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-store-XXXXXX");
  g_autofree char *text_path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other_db = g_build_filename (dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  RjKdfParams fast;
  sqlite3 *db;

  rj_kdf_params_fast_for_tests (&fast);

  /* A text file is not a journal, and is never overwritten by a new one. */
  g_assert_true (g_file_set_contents (text_path, "my shopping list\n", -1, &error));
  store = rj_store_new (text_path);
  g_assert_true (rj_store_exists (store));
  g_assert_false (rj_store_unlock (store, "x", 1, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_A_JOURNAL);
  g_clear_error (&error);
  g_assert_false (rj_store_create (store, "x", &fast, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (text_path, &contents, &len, NULL));
  g_assert_cmpstr (contents, ==, "my shopping list\n");
  g_clear_object (&store);

  /* Another program's database. */
  db = rj_test_sqlite_open_create (other_db);
  rj_test_sqlite_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  sqlite3_close (db);
  store = rj_store_new (other_db);
  g_assert_true (rj_store_exists (store));
  g_assert_false (rj_store_unlock (store, "x", 1, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_A_JOURNAL);
  g_clear_error (&error);
  g_assert_false (rj_store_create (store, "x", &fast, NULL, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&store);

  /* A journal from a later version of the app. */
  store = rj_test_create_store (newer, RJ_TEST_PASSPHRASE, NULL);
  g_assert_finalize_object (g_steal_pointer (&store));
  db = rj_test_sqlite_open (newer);
  rj_test_sqlite_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);
  store = rj_store_new (newer);
  g_assert_false (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                   &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NEWER_FORMAT);
  g_clear_error (&error);
  g_clear_object (&store);

  /* No file at all. */
  store = rj_store_new (missing);
  g_assert_false (rj_store_exists (store));
  g_assert_false (rj_store_unlock (store, "x", 1, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* An empty file, as an interrupted first start leaves it, is made into a journal. */
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  store = rj_store_new (empty);
  g_assert_false (rj_store_exists (store));
  g_assert_true (rj_store_create (store, RJ_TEST_PASSPHRASE, &fast, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Creating over a journal fails and leaves it as it was. */
  store = rj_store_new (empty);
  g_assert_true (rj_store_exists (store));
  g_assert_false (rj_store_create (store, "other", &fast, NULL, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&store));
  store = rj_test_open_store (empty, RJ_TEST_PASSPHRASE);
  g_assert_finalize_object (g_steal_pointer (&store));

  rj_test_remove_tree (dir);
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);

  ADD_FIXTURE_TEST ("/store/round-trip", test_round_trip);
  ADD_FIXTURE_TEST ("/store/edit-and-delete", test_edit_and_delete);
  ADD_FIXTURE_TEST ("/store/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/store/unicode-passphrase", test_unicode_passphrase);
  ADD_FIXTURE_TEST ("/store/recovery-code", test_recovery_code);
  ADD_FIXTURE_TEST ("/store/change-passphrase", test_change_passphrase);
  ADD_FIXTURE_TEST ("/store/new-recovery-code", test_new_recovery_code);
  ADD_FIXTURE_TEST ("/store/locked", test_locked);
  g_test_add_func ("/store/async", test_async);
  g_test_add_func ("/store/not-a-journal", test_not_a_journal);

  return g_test_run ();
}
