/* test-leak.c: nothing the client wrote, and no day they wrote on, can be read from
 * the files on disk; a deleted entry's ciphertext is gone after locking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-leak"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "rj-test-util.h"

#define MARKER "Zq7canary"

/* The test's own TMPDIR, set before anything asks for it, scanned like the data folder. */
static char *private_root;
static char *private_tmp;

static const char *const month_names[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

/* The ways people and programs write a day. */
static GPtrArray *
date_forms (guint day,
            guint month,
            guint year)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);
  char short_month[4] = { 0 };

  memcpy (short_month, month_names[month], 3);
  g_ptr_array_add (forms, g_strdup_printf ("%04u-%02u-%02u", year, month, day));
  g_ptr_array_add (forms, g_strdup_printf ("%04u-%u-%u", year, month, day));
  g_ptr_array_add (forms, g_strdup_printf ("%04u%02u%02u", year, month, day));
  g_ptr_array_add (forms, g_strdup_printf ("%04u/%02u/%02u", year, month, day));
  g_ptr_array_add (forms, g_strdup_printf ("%02u/%02u/%04u", day, month, year));
  g_ptr_array_add (forms, g_strdup_printf ("%02u/%02u/%04u", month, day, year));
  g_ptr_array_add (forms, g_strdup_printf ("%u/%u/%04u", day, month, year));
  g_ptr_array_add (forms, g_strdup_printf ("%u/%u/%04u", month, day, year));
  g_ptr_array_add (forms, g_strdup_printf ("%02u.%02u.%04u", day, month, year));
  g_ptr_array_add (forms, g_strdup_printf ("%s %u, %04u", month_names[month], day, year));
  g_ptr_array_add (forms, g_strdup_printf ("%u %s %04u", day, month_names[month], year));
  g_ptr_array_add (forms, g_strdup_printf ("%s %u %04u", short_month, day, year));
  g_ptr_array_add (forms, g_strdup_printf ("%u %s %04u", day, short_month, year));
  return forms;
}

static void
assert_absent (const char *what)
{
  g_autofree char *found = rj_test_find_in_tree (private_root, (const guint8 *) what,
                                                 strlen (what));

  if (found != NULL)
    g_error ("“%s” can be read in %s", what, found);
}

typedef struct {
  char *recovery_code;
  GPtrArray *secrets;   /* every string that must not be on disk */
} LeakCheck;

static void
leak_check_add (LeakCheck *check,
                char *text)
{
  g_ptr_array_add (check->secrets, text);
}

static void
leak_check_scan (LeakCheck *check,
                 const char *moment)
{
  g_autoptr(GPtrArray) files = rj_test_list_files (private_root);

  g_test_message ("Scanning %u files %s", files->len, moment);
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < check->secrets->len; i++)
    assert_absent (g_ptr_array_index (check->secrets, i));
}

static void
test_canaries (void)
{
  static const struct { guint d, m, y; } days[] = {
    { 5, 6, 1987 },    /* an entry */
    { 24, 12, 1991 },  /* an entry */
    { 1, 6, 1987 },    /* the sober start in the profile */
  };
  g_autofree char *path = g_build_filename (private_root, "data", "com.example.RecoveryJournal",
                                            "journal.db", NULL);
  g_autoptr(RjStore) store = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (87);
  LeakCheck check = { NULL, g_ptr_array_new_with_free_func (g_free) };
  RjKdfParams fast;
  GDate date;

  rj_kdf_params_fast_for_tests (&fast);
  store = rj_test_create_store (path, RJ_TEST_PASSPHRASE, &check.recovery_code);

  /* The bare marker catches a field this list forgot. */
  leak_check_add (&check, g_strdup (MARKER));
  for (guint i = 0; rj_test_entry_fields[i] != NULL; i++)
    leak_check_add (&check, g_strdup_printf ("%s-%s", MARKER, rj_test_entry_fields[i]));
  for (guint i = 0; rj_test_entry_loop_fields[i] != NULL; i++)
    leak_check_add (&check, g_strdup_printf ("%s-%s", MARKER, rj_test_entry_loop_fields[i]));
  for (guint i = 0; rj_test_profile_fields[i] != NULL; i++)
    leak_check_add (&check, g_strdup_printf ("%s-%s", MARKER, rj_test_profile_fields[i]));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GPtrArray) forms = date_forms (days[i].d, days[i].m, days[i].y);

      for (guint j = 0; j < forms->len; j++)
        leak_check_add (&check, g_strdup (g_ptr_array_index (forms, j)));
    }
  /* Nor the secrets that open the journal. */
  leak_check_add (&check, g_strdup (RJ_TEST_PASSPHRASE));
  leak_check_add (&check, g_strdup ("a second secret passphrase"));
  leak_check_add (&check, g_strdup (check.recovery_code));
  leak_check_add (&check, g_strdelimit (g_strdup (check.recovery_code), "-", ' '));

  profile = rj_test_profile_full (MARKER);
  g_assert_true (rj_store_save_profile (store, profile, &error));
  g_assert_no_error (error);

  /* Every entry is saved a few times, as the check-in saves while the client types. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(RjEntry) entry = NULL;

        g_date_set_dmy (&date, days[i].d, days[i].m, days[i].y);
        entry = rj_test_entry_full (&date, MARKER);
        entry->mood = round;
        g_assert_true (rj_store_save_entry (store, entry, &error));
        g_assert_no_error (error);
      }
  /* Around them, ordinary days. */
  g_date_set_dmy (&date, 1, G_DATE_MAY, 1987);
  for (guint i = 0; i < 120; i++, g_date_add_days (&date, 1))
    {
      g_autoptr(RjEntry) entry = NULL;

      if (g_date_get_month (&date) == G_DATE_JUNE && g_date_get_day (&date) == 5)
        continue;
      entry = rj_demo_entry (rand, &date, profile);
      g_assert_true (rj_store_save_entry (store, entry, &error));
      g_assert_no_error (error);
    }

  /* A crash now would leave the files as they are: they must already say nothing. */
  leak_check_scan (&check, "while the journal is open");

  g_assert_true (rj_store_change_passphrase (store, "a second secret passphrase", &fast, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_lock (store, &error));
  g_assert_no_error (error);
  leak_check_scan (&check, "after locking");

  g_assert_true (rj_store_unlock (store, "a second secret passphrase",
                                  strlen ("a second secret passphrase"), &error));
  g_assert_no_error (error);
  g_date_set_dmy (&date, 5, G_DATE_JUNE, 1987);
  {
    g_autoptr(RjEntry) back = rj_store_dup_entry (store, &date);
    g_autoptr(RjEntry) want = rj_test_entry_full (&date, MARKER);

    g_assert_nonnull (back);
    want->mood = 2;
    g_assert_true (rj_entry_equal (back, want));
  }
  g_assert_finalize_object (g_steal_pointer (&store));
  leak_check_scan (&check, "after closing");

  g_free (check.recovery_code);
  g_ptr_array_unref (check.secrets);
  {
    g_autofree char *data_dir = g_build_filename (private_root, "data", NULL);
    rj_test_remove_tree (data_dir);
  }
}

typedef struct {
  gint64 id;
  GBytes *data;
} Row;

static void
row_free (Row *row)
{
  g_bytes_unref (row->data);
  g_free (row);
}

static GPtrArray *
read_rows (const char *path)
{
  sqlite3 *db = rj_test_sqlite_open (path);
  sqlite3_stmt *stmt = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, data FROM records", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->data = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      g_ptr_array_add (rows, row);
    }
  sqlite3_finalize (stmt);
  /* Closed at once: an open reader would hold back the checkpoint on lock. */
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return rows;
}

/* The rows of @before whose ciphertext is no longer in @after. */
static GPtrArray *
vanished_rows (GPtrArray *before,
               GPtrArray *after)
{
  GPtrArray *gone = g_ptr_array_new ();

  for (guint i = 0; i < before->len; i++)
    {
      Row *row = g_ptr_array_index (before, i);
      gboolean found = FALSE;

      for (guint j = 0; j < after->len && !found; j++)
        found = g_bytes_equal (row->data, ((Row *) g_ptr_array_index (after, j))->data);
      if (!found)
        g_ptr_array_add (gone, row);
    }
  return gone;
}

static void
assert_ciphertext_gone (const char *dir,
                        GBytes *data)
{
  gsize len;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  g_autofree char *whole = NULL;
  g_autofree char *head = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *tail = NULL;

  g_assert_cmpuint (len, >=, 3 * 32);
  /* Any 32 bytes of it would prove that some of it is still there. */
  whole = rj_test_find_in_tree (dir, bytes, len);
  head = rj_test_find_in_tree (dir, bytes, 32);
  middle = rj_test_find_in_tree (dir, bytes + len / 2 - 16, 32);
  tail = rj_test_find_in_tree (dir, bytes + len - 32, 32);
  if (whole != NULL || head != NULL || middle != NULL || tail != NULL)
    g_error ("Old ciphertext of %" G_GSIZE_FORMAT " bytes is still in %s", len,
             whole ? whole : head ? head : middle ? middle : tail);
}

static void
test_deleted_ciphertext (void)
{
  g_autofree char *dir = g_build_filename (private_root, "deleted", NULL);
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (path, RJ_TEST_PASSPHRASE, NULL);
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(RjEntry) big = NULL;
  GDate date, deleted_day, edited_day;
  g_autofree char *long_text = NULL;

  g_date_set_dmy (&date, 1, G_DATE_MARCH, 2026);
  for (guint i = 0; i < 40; i++, g_date_add_days (&date, 1))
    {
      g_autoptr(RjEntry) entry = rj_demo_entry (rand, &date, profile);
      g_assert_true (rj_store_save_entry (store, entry, &error));
      g_assert_no_error (error);
    }
  /* An entry large enough to spill over into overflow pages. */
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  big = rj_test_entry_full (&date, "big");
  long_text = g_strnfill (20000, 'x');
  rj_note_set (&big->notes, long_text, FALSE);
  g_assert_true (rj_store_save_entry (store, big, &error));
  g_assert_no_error (error);

  before = read_rows (path);

  /* Delete one ordinary day, the big day, and edit another day. */
  g_date_set_dmy (&deleted_day, 10, G_DATE_MARCH, 2026);
  g_assert_true (rj_store_delete_entry (store, &deleted_day, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_delete_entry (store, &date, &error));
  g_assert_no_error (error);
  g_date_set_dmy (&edited_day, 20, G_DATE_MARCH, 2026);
  {
    g_autoptr(RjEntry) edited = rj_store_dup_entry (store, &edited_day);

    g_assert_nonnull (edited);
    rj_note_set (&edited->notes, "Changed my mind about what to write here.", TRUE);
    g_assert_true (rj_store_save_entry (store, edited, &error));
    g_assert_no_error (error);
  }

  after = read_rows (path);
  gone = vanished_rows (before, after);
  g_assert_cmpuint (after->len, ==, before->len - 2);
  g_assert_cmpuint (gone->len, ==, 3);

  g_assert_true (rj_store_lock (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < gone->len; i++)
    assert_ciphertext_gone (dir, ((Row *) g_ptr_array_index (gone, i))->data);
  /* The ciphertexts that are still wanted are found, so the search itself works. */
  for (guint i = 0; i < after->len; i++)
    {
      gsize len;
      const guint8 *bytes = g_bytes_get_data (((Row *) g_ptr_array_index (after, i))->data, &len);
      g_autofree char *found = rj_test_find_in_tree (dir, bytes, len);

      g_assert_nonnull (found);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  for (guint i = 0; i < gone->len; i++)
    assert_ciphertext_gone (dir, ((Row *) g_ptr_array_index (gone, i))->data);
  rj_test_remove_tree (dir);
}

static void
test_tmpdir_unused (void)
{
  g_autoptr(GPtrArray) files = rj_test_list_files (private_tmp);

  /* Temporary tables stay in memory: nothing was written to the temporary folder. */
  for (guint i = 0; i < files->len; i++)
    g_test_message ("In TMPDIR: %s", (char *) g_ptr_array_index (files, i));
  g_assert_cmpuint (files->len, ==, 0);
}

int
main (int argc,
      char *argv[])
{
  const char *system_tmp = g_getenv ("TMPDIR");
  g_autofree char *root_template = NULL;
  int status;

  /* Before GLib or SQLite first looks at TMPDIR. */
  root_template = g_build_filename (system_tmp != NULL && *system_tmp ? system_tmp : "/tmp",
                                    "rj-leak-XXXXXX", NULL);
  private_root = g_mkdtemp (g_strdup (root_template));
  g_assert_nonnull (private_root);
  private_tmp = g_build_filename (private_root, "tmp", NULL);
  g_assert_cmpint (g_mkdir (private_tmp, 0700), ==, 0);
  g_setenv ("TMPDIR", private_tmp, TRUE);
  g_setenv ("SQLITE_TMPDIR", private_tmp, TRUE);

  rj_test_init (&argc, &argv);
  g_assert_cmpstr (g_get_tmp_dir (), ==, private_tmp);

  g_test_add_func ("/leak/canaries", test_canaries);
  g_test_add_func ("/leak/deleted-ciphertext", test_deleted_ciphertext);
  g_test_add_func ("/leak/tmpdir-unused", test_tmpdir_unused);

  status = g_test_run ();
  rj_test_remove_tree (private_root);
  g_free (private_root);
  g_free (private_tmp);
  return status;
}
