/* test-backup.c: a backup restores the whole journal, opens only with the journal's
 * passphrase or recovery code, holds nothing in the clear, and a damaged backup never
 * replaces or changes the current journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-backup"
#define _GNU_SOURCE  /* unshare() */

#include "config.h"

#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <glib/gstdio.h>

#include "rj-test-util.h"
#include "rj-backup.h"
#include "rj-backup-private.h"

#define N_DAYS 80
#define MARKER "bkcanary"
#define FIXTURE "backup-v1.rjbackup"
#define FIXTURE_PASSPHRASE "known answer, version 1"
#define FIXTURE_RECOVERY_CODE "S4QS-H60G-90QZ-YF1T-WMXD-CVMR-M4NK-TX20"
#define OTHER_PASSPHRASE "a different journal altogether"

static char *tmp_dir;
static char *journal_path;     /* the journal that was backed up; stays unlocked */
static RjStore *journal;
static char *recovery_code;
static char *backup_path;      /* a backup of it, never changed */
static char *current_path;     /* another journal, locked: what a restore would replace */
static GBytes *backup_bytes;
static GHashTable *expected;   /* julian day → RjEntry* */
static RjProfile *expected_profile;
static guint test_counter;

/* Helpers. */

static char *
new_dir (void)
{
  char *dir = g_strdup_printf ("%s/case-%u", tmp_dir, ++test_counter);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static void
write_file (const char *path,
            const guint8 *data,
            gsize len)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, len, &error));
  g_assert_no_error (error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GPtrArray) files = rj_test_list_files (dir);

  return files->len;
}

static void
assert_mode_0600 (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
}

/* The journal at @path opens with the passphrase and holds every day of the backup. */
static void
assert_journal_restored (const char *path)
{
  g_autoptr(RjStore) store = rj_test_open_store (path, RJ_TEST_PASSPHRASE);

  rj_test_assert_entries (store, expected);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
assert_profile (RjStore *store)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (store);

  g_assert_true (rj_profile_equal (profile, expected_profile));
}

/* The little-endian 32-bit number at @data. */
static gsize
read_le32 (const guint8 *data)
{
  return data[0] | data[1] << 8 | data[2] << 16 | (gsize) data[3] << 24;
}

static gsize
header_len (GBytes *bytes)
{
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  return read_le32 (data + 10);
}

/* The offsets at which each stream message starts, and the end of the file. */
static GArray *
message_offsets (GBytes *bytes)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize pos = header_len (bytes);

  while (pos < len)
    {
      gsize n = read_le32 (data + pos);

      g_array_append_val (offsets, pos);
      pos += 4 + n;
    }
  g_assert_cmpuint (pos, ==, len);
  g_array_append_val (offsets, pos);
  return offsets;
}

/* Opens, unlocks and verifies @path for a journal at @target; returns FALSE
 * with the first error. */
static gboolean
try_restore (const char *path,
             const char *target,
             const char *secret,
             gboolean is_recovery_code,
             RjBackup **backup_out,
             GError **error)
{
  g_autoptr(RjBackup) backup = rj_backup_open (path, error);

  if (backup == NULL)
    return FALSE;
  g_assert_false (rj_backup_is_unlocked (backup));
  if (!rj_backup_unlock (backup, secret, is_recovery_code, error))
    return FALSE;
  g_assert_true (rj_backup_is_unlocked (backup));
  if (!rj_backup_verify (backup, target, error))
    {
      g_assert_false (rj_backup_is_verified (backup));
      return FALSE;
    }
  g_assert_true (rj_backup_is_verified (backup));
  if (backup_out != NULL)
    *backup_out = g_steal_pointer (&backup);
  return TRUE;
}

static void
saved_cb (GObject *source,
          GAsyncResult *result,
          gpointer user_data)
{
  guint *pending = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_store_save_entry_finish (RJ_STORE (source), result, &error));
  g_assert_no_error (error);
  (*pending)--;
}

/* The journal of every test: a profile and days with canaries in every field. */
static void
make_journal (void)
{
  guint pending = 0;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GError) error = NULL;
  GDate date;

  journal_path = g_build_filename (tmp_dir, "journal.db", NULL);
  backup_path = g_build_filename (tmp_dir, "pristine.rjbackup", NULL);
  expected = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) rj_entry_unref);

  journal = rj_test_create_store (journal_path, RJ_TEST_PASSPHRASE, &recovery_code);
  expected_profile = rj_test_profile_full (MARKER);
  g_assert_true (rj_store_save_profile (journal, expected_profile, &error));
  g_assert_no_error (error);
  g_date_set_dmy (&date, 2, G_DATE_NOVEMBER, 2026);
  for (guint i = 0; i < N_DAYS; i++, g_date_add_days (&date, 1))
    {
      RjEntry *entry = i % 10 == 0 ? rj_test_entry_full (&date, MARKER)
                                  : rj_demo_entry (rand, &date, expected_profile);

      /* Saved the way the UI saves: queued. The backup must include them. */
      rj_store_save_entry_async (journal, entry, NULL, saved_cb, &pending);
      pending++;
      g_hash_table_insert (expected, GUINT_TO_POINTER (g_date_get_julian (&date)), entry);
    }

  g_assert_true (rj_store_write_backup (journal, backup_path, &error));
  g_assert_no_error (error);
  backup_bytes = read_file (backup_path);

  current_path = g_build_filename (tmp_dir, "current.db", NULL);
  {
    g_autoptr(RjStore) current = rj_test_create_store (current_path, OTHER_PASSPHRASE, NULL);
    g_autoptr(RjEntry) entry = rj_test_entry_full (&date, "current");

    g_assert_true (rj_store_save_entry (current, entry, &error));
    g_assert_no_error (error);
    g_assert_true (rj_store_lock (current, &error));
    g_assert_finalize_object (g_steal_pointer (&current));
  }
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Tests. */

static void
test_round_trip (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "restored", "journal.db", NULL);
  g_autofree char *previous = NULL;
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *restored_dir = g_path_get_dirname (path);
  GDateTime *created;

  backup = rj_backup_open (backup_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rj_backup_get_path (backup), ==, backup_path);

  /* Nothing is decrypted before a secret is given. */
  g_assert_false (rj_backup_verify (backup, path, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_true (rj_backup_unlock (backup, RJ_TEST_PASSPHRASE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rj_backup_get_n_entries (backup), ==, N_DAYS);
  g_assert_cmpstr (rj_backup_get_app_version (backup), ==, PACKAGE_VERSION);
  created = rj_backup_get_created (backup);
  g_assert_nonnull (created);
  g_assert_cmpint (ABS (g_date_time_difference (now, created)), <, 120 * G_USEC_PER_SEC);

  g_assert_true (rj_backup_verify (backup, path, &error));
  g_assert_no_error (error);
  /* Checked, but not yet in place. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (restored_dir), ==, 1);

  g_assert_true (rj_backup_install (backup, path, &previous, &error));
  g_assert_no_error (error);
  g_assert_null (previous);
  g_assert_false (rj_backup_is_verified (backup));
  g_assert_cmpuint (count_files (restored_dir), ==, 1);
  assert_mode_0600 (path);

  store = rj_test_open_store (path, RJ_TEST_PASSPHRASE);
  rj_test_assert_entries (store, expected);
  assert_profile (store);
  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));
  /* The restored journal keeps its recovery code too. */
  store = rj_store_new (path);
  g_assert_true (rj_store_unlock_with_recovery_code (store, recovery_code, &error));
  g_assert_no_error (error);
  rj_test_assert_entries (store, expected);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_recovery_code (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *typed = g_strdelimit (g_ascii_strdown (recovery_code, -1), "-", ' ');
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (try_restore (backup_path, path, typed, TRUE, &backup, &error));
  g_assert_no_error (error);
  g_assert_true (rj_backup_install (backup, path, NULL, &error));
  g_assert_no_error (error);
  assert_journal_restored (path);
}

static void
test_wrong_secrets (void)
{
  g_autoptr(RjBackup) backup = rj_backup_open (backup_path, NULL);
  g_autoptr(GError) error = NULL;
  guint8 code[RJ_RECOVERY_CODE_BYTES];
  g_autofree char *other_code = NULL;

  g_assert_nonnull (backup);
  g_assert_false (rj_backup_unlock (backup, "correct horse battery stapler", FALSE, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_false (rj_backup_unlock (backup, "", FALSE, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  /* A well-formed code of another journal, and something that is no code at all. */
  rj_recovery_code_generate (code);
  other_code = rj_recovery_code_format (code);
  g_assert_false (rj_backup_unlock (backup, other_code, TRUE, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  g_assert_false (rj_backup_unlock (backup, "ABCD-EFGH", TRUE, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  /* The passphrase given as a recovery code is not one. */
  g_assert_false (rj_backup_unlock (backup, RJ_TEST_PASSPHRASE, TRUE, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_RECOVERY_CODE);
  g_clear_error (&error);
  g_assert_false (rj_backup_is_unlocked (backup));

  g_assert_true (rj_backup_unlock (backup, RJ_TEST_PASSPHRASE, FALSE, &error));
  g_assert_no_error (error);
}

/* A backup opens with the passphrase the journal had when it was made, and only that. */
static void
test_passphrase_changed (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *before = g_build_filename (dir, "before.rjbackup", NULL);
  g_autofree char *after = g_build_filename (dir, "after.rjbackup", NULL);
  g_autofree char *target = g_build_filename (dir, "restored", "journal.db", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (path, "old passphrase", NULL);
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  RjKdfParams fast;

  rj_kdf_params_fast_for_tests (&fast);
  g_assert_true (rj_store_write_backup (store, before, &error));
  g_assert_true (rj_store_change_passphrase (store, "new passphrase", &fast, &error));
  g_assert_true (rj_store_write_backup (store, after, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  backup = rj_backup_open (before, &error);
  g_assert_false (rj_backup_unlock (backup, "new passphrase", FALSE, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (rj_backup_unlock (backup, "old passphrase", FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&backup, rj_backup_free);

  backup = rj_backup_open (after, &error);
  g_assert_false (rj_backup_unlock (backup, "old passphrase", FALSE, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_pointer (&backup, rj_backup_free);

  /* Restored, the older backup's journal opens with the older passphrase. */
  g_assert_true (try_restore (before, target, "old passphrase", FALSE, &backup, &error));
  g_assert_true (rj_backup_install (backup, target, NULL, &error));
  g_assert_no_error (error);
  store = rj_test_open_store (target, "old passphrase");
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_not_a_backup (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *text = g_build_filename (dir, "notes.rjbackup", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.rjbackup", NULL);
  g_autoptr(GError) error = NULL;
  RjBackup *backup;

  write_file (text, (const guint8 *) "Dear diary, today was fine.\n", 28);
  backup = rj_backup_open (text, &error);
  g_assert_null (backup);
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_NOT_A_BACKUP);
  g_clear_error (&error);

  /* The journal itself is not a backup. */
  rj_store_flush (journal);
  backup = rj_backup_open (journal_path, &error);
  g_assert_null (backup);
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_NOT_A_BACKUP);
  g_clear_error (&error);

  backup = rj_backup_open (missing, &error);
  g_assert_null (backup);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* Gives @data the version @version and a correct checksum: a newer app's header. */
static GBytes *
with_version (GBytes *bytes,
              guint16 version)
{
  gsize len = 0;
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  gsize hlen = header_len (bytes);

  len = g_bytes_get_size (bytes);
  data[8] = version & 0xff;
  data[9] = version >> 8;
  crypto_generichash (data + hlen - RJ_BACKUP_CHECKSUM_BYTES, RJ_BACKUP_CHECKSUM_BYTES, data,
                      hlen - RJ_BACKUP_CHECKSUM_BYTES, NULL, 0);
  return g_bytes_new_take (data, len);
}

/* A backup followed by more than any backup holds: opened and unlocked without being
 * read whole, then refused before it is read whole. */
static void
test_too_large (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.rjbackup", NULL);
  g_autofree char *target = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  write_file (path, g_bytes_get_data (backup_bytes, NULL), g_bytes_get_size (backup_bytes));
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  /* Sparse: it takes no room on the disk. */
  g_assert_cmpint (ftruncate (fd, RJ_BACKUP_MAX_FILE_BYTES + 1), ==, 0);
  close (fd);

  g_assert_false (try_restore (path, target, RJ_TEST_PASSPHRASE, FALSE, NULL, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_DAMAGED);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_newer_format (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.rjbackup", NULL);
  g_autoptr(GBytes) newer = with_version (backup_bytes, 2);
  g_autoptr(GError) error = NULL;
  RjBackup *backup;

  write_file (path, g_bytes_get_data (newer, NULL), g_bytes_get_size (newer));
  backup = rj_backup_open (path, &error);
  g_assert_null (backup);
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_NEWER_FORMAT);
}

/* A backup whose database comes from a newer app (schema version 2). */
static void
test_newer_schema (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *db_path = g_build_filename (dir, "image.db", NULL);
  g_autofree char *path = g_build_filename (dir, "newer-schema.rjbackup", NULL);
  g_autofree char *target = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GBytes) newer_image = NULL;
  g_autoptr(GBytes) pslot = NULL;
  g_autoptr(GBytes) rslot = NULL;
  g_autoptr(GBytes) built = NULL;
  g_autoptr(RjKey) key = NULL;
  g_autoptr(GError) error = NULL;
  RjBackupInfo info = { 0 };
  guint n = 0;
  sqlite3 *db;

  g_assert_true (rj_store_snapshot (journal, &image, &pslot, &rslot, &n, &error));
  g_assert_no_error (error);
  write_file (db_path, g_bytes_get_data (image, NULL), g_bytes_get_size (image));
  db = rj_test_sqlite_open (db_path);
  rj_test_sqlite_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 2");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  newer_image = read_file (db_path);

  key = rj_store_derive_subkey (journal, RJ_BACKUP_SUBKEY_ID, RJ_BACKUP_SUBKEY_CONTEXT, &error);
  g_assert_no_error (error);
  info.n_entries = n;
  info.app_version = (char *) "2.0";
  built = rj_backup_encrypt_buffer (g_bytes_get_data (newer_image, NULL),
                                    g_bytes_get_size (newer_image), pslot, rslot,
                                    rj_key_get_bytes (key), &info);
  write_file (path, g_bytes_get_data (built, NULL), g_bytes_get_size (built));

  g_assert_false (try_restore (path, target, RJ_TEST_PASSPHRASE, FALSE, NULL, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_NEWER_FORMAT);
  /* Only the two files this test wrote: the checked copy is gone. */
  g_assert_cmpuint (count_files (dir), ==, 2);
}

/* A current journal that a broken backup must leave exactly as it is. */
typedef struct {
  char *dir;
  char *path;
  char *checksum;
} Current;

static void
current_init (Current *current)
{
  current->dir = new_dir ();
  current->path = g_build_filename (current->dir, "journal.db", NULL);
  rj_test_copy_file (current_path, current->path);
  current->checksum = file_checksum (current->path);
}

static void
current_assert_untouched (Current *current)
{
  g_autofree char *checksum = file_checksum (current->path);

  g_assert_cmpstr (checksum, ==, current->checksum);
  /* No half-restored file beside it. */
  g_assert_cmpuint (count_files (current->dir), ==, 1);
}

static void
current_clear (Current *current)
{
  /* And it still opens, as it did. */
  g_autoptr(RjStore) store = rj_test_open_store (current->path, OTHER_PASSPHRASE);

  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 1);
  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&store));

  g_free (current->dir);
  g_free (current->path);
  g_free (current->checksum);
}

/* @data as a backup fails to restore with a clear error, and the current journal is
 * unchanged. Returns the error's code. */
static int
assert_rejected (const guint8 *data,
                 gsize len,
                 Current *current)
{
  g_autofree char *path = g_build_filename (tmp_dir, "broken.rjbackup", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RjBackup) backup = NULL;

  write_file (path, data, len);
  g_assert_false (try_restore (path, current->path, RJ_TEST_PASSPHRASE, FALSE, &backup, &error));
  g_assert_null (backup);
  g_assert_nonnull (error);
  g_assert_true (error->domain == RJ_BACKUP_ERROR);
  g_assert_cmpstr (error->message, !=, "");
  current_assert_untouched (current);
  return error->code;
}

static void
test_cut_short (void)
{
  g_autoptr(GArray) offsets = message_offsets (backup_bytes);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (backup_bytes, &len);
  gsize hlen = header_len (backup_bytes);
  gsize last = g_array_index (offsets, gsize, offsets->len - 2);
  Current current;
  guint n_tried = 0;

  current_init (&current);
  /* A database image of more than one chunk, so that there is a middle to cut. */
  g_assert_cmpuint (offsets->len, >=, 4);

  /* Every length through the header. */
  for (gsize cut = 0; cut <= hlen; cut++, n_tried++)
    g_assert_cmpint (assert_rejected (data, cut, &current), ==, RJ_BACKUP_ERROR_DAMAGED);

  /* At each message boundary (a whole number of messages, no FINAL), and inside each. */
  for (guint i = 0; i + 1 < offsets->len; i++)
    {
      gsize start = g_array_index (offsets, gsize, i);
      gsize end = g_array_index (offsets, gsize, i + 1);
      gsize cuts[] = { start + 1, start + 4, start + 5, (start + end) / 2, end - 1 };

      if (i > 0)
        {
          g_assert_cmpint (assert_rejected (data, start, &current), ==, RJ_BACKUP_ERROR_DAMAGED);
          n_tried++;
        }
      for (guint j = 0; j < G_N_ELEMENTS (cuts); j++, n_tried++)
        g_assert_cmpint (assert_rejected (data, cuts[j], &current), ==, RJ_BACKUP_ERROR_DAMAGED);
    }

  /* Just before the FINAL message, and one byte short of the end. */
  g_assert_cmpint (assert_rejected (data, last, &current), ==, RJ_BACKUP_ERROR_DAMAGED);
  g_assert_cmpint (assert_rejected (data, len - 1, &current), ==, RJ_BACKUP_ERROR_DAMAGED);

  /* And something after FINAL. */
  {
    g_autofree guint8 *longer = g_malloc (len + 1);

    memcpy (longer, data, len);
    longer[len] = 0;
    g_assert_cmpint (assert_rejected (longer, len + 1, &current), ==, RJ_BACKUP_ERROR_DAMAGED);
  }
  g_test_message ("%u lengths cut short, each rejected", n_tried + 3);
  current_clear (&current);
}

static void
test_flipped_bits (void)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (backup_bytes, &len);
  gsize hlen = header_len (backup_bytes);
  g_autofree guint8 *copy = g_memdup2 (data, len);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gsize));
  Current current;

  current_init (&current);

  /* Every byte of the header (magic, version, lengths, slots, stream header,
   * checksum), the length and the start of each message, and a stride through the
   * rest, with the last bytes. */
  for (gsize pos = 0; pos < hlen; pos++)
    g_array_append_val (positions, pos);
  {
    g_autoptr(GArray) offsets = message_offsets (backup_bytes);

    for (guint i = 0; i + 1 < offsets->len; i++)
      for (gsize k = 0; k < 8; k++)
        {
          gsize pos = g_array_index (offsets, gsize, i) + k;

          g_array_append_val (positions, pos);
        }
  }
  for (gsize pos = hlen; pos < len; pos += len / 97 + 1)
    g_array_append_val (positions, pos);
  for (gsize pos = len - 20; pos < len; pos++)
    g_array_append_val (positions, pos);

  for (guint i = 0; i < positions->len; i++)
    {
      gsize pos = g_array_index (positions, gsize, i);
      guint8 bit = 1 << (i % 8);
      int code;

      copy[pos] ^= bit;
      code = assert_rejected (copy, len, &current);
      copy[pos] ^= bit;
      if (pos < RJ_BACKUP_MAGIC_BYTES)
        g_assert_cmpint (code, ==, RJ_BACKUP_ERROR_NOT_A_BACKUP);
      else
        g_assert_cmpint (code, ==, RJ_BACKUP_ERROR_DAMAGED);
    }
  g_test_message ("%u positions with one bit flipped, each rejected", positions->len);

  /* The unchanged copy still restores: the flips, not the test, made the errors. */
  g_assert_cmpmem (copy, len, data, len);
  current_clear (&current);
}

static void
test_install_keeps_previous (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *previous = NULL;
  g_autofree char *previous_name = NULL;
  g_autoptr(RjStore) other = NULL;
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(RjEntry) other_entry = NULL;
  g_autoptr(RjEntry) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) pattern = NULL;
  GDate date;

  /* The journal already at the path is another one, with a day of its own. */
  other = rj_test_create_store (path, OTHER_PASSPHRASE, NULL);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2020);
  other_entry = rj_test_entry_full (&date, "other-journal");
  g_assert_true (rj_store_save_entry (other, other_entry, &error));
  g_assert_no_error (error);

  g_assert_true (try_restore (backup_path, path, RJ_TEST_PASSPHRASE, FALSE, &backup, &error));
  g_assert_no_error (error);

  /* Not while that journal is open. */
  g_assert_false (rj_backup_install (backup, path, &previous, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_null (previous);
  g_assert_true (rj_backup_is_verified (backup));
  found = rj_store_dup_entry (other, &date);
  g_assert_nonnull (found);
  g_clear_pointer (&found, rj_entry_unref);

  g_assert_true (rj_store_lock (other, &error));
  g_assert_true (rj_backup_install (backup, path, &previous, &error));
  g_assert_no_error (error);
  g_assert_nonnull (previous);

  /* "journal before restore 2026-11-23 214400.db", beside it. */
  previous_name = g_path_get_basename (previous);
  pattern = g_regex_new ("^journal before restore \\d{4}-\\d{2}-\\d{2} \\d{6}\\.db$", 0, 0, NULL);
  g_assert_true (g_regex_match (pattern, previous_name, 0, NULL));
  g_assert_true (g_file_test (previous, G_FILE_TEST_IS_REGULAR));
  assert_mode_0600 (previous);

  /* The copy is still the other journal and opens with its own passphrase. */
  g_assert_finalize_object (g_steal_pointer (&other));
  other = rj_test_open_store (previous, OTHER_PASSPHRASE);
  g_assert_cmpuint (rj_store_get_n_entries (other), ==, 1);
  found = rj_store_dup_entry (other, &date);
  g_assert_true (rj_entry_equal (found, other_entry));
  g_assert_finalize_object (g_steal_pointer (&other));

  /* And the restored journal is at the path. */
  assert_journal_restored (path);
}

static void
test_install_needs_verify (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere.db", NULL);
  g_autoptr(RjBackup) backup = rj_backup_open (backup_path, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_backup_unlock (backup, RJ_TEST_PASSPHRASE, FALSE, &error));
  g_assert_false (rj_backup_install (backup, path, NULL, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Verified for one path, not installed at another. */
  g_assert_true (rj_backup_verify (backup, path, &error));
  g_assert_false (rj_backup_install (backup, elsewhere, NULL, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A checked copy that is never installed goes with the backup. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_clear_pointer (&backup, rj_backup_free);
  g_assert_cmpuint (count_files (dir), ==, 0);
}

static void
test_folder (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *folder = g_build_filename (dir, "Backups", NULL);
  const char *unrelated[] = {
    "notes.txt",
    "Recovery Journal backup.rjbackup",
    "Recovery Journal backup 2001-01-01 000000.rjbackup.txt",
    "My Recovery Journal backup 2001-01-01 000000.rjbackup",
    "Recovery Journal backup 2001-01-01 000000 copy.rjbackup",
    /* Our name, but not a backup: the client's own file, kept. */
    "Recovery Journal backup 2001-01-01 000000.rjbackup",
  };
  const char *old[] = {
    "Recovery Journal backup 2020-01-01 090000.rjbackup",
    "Recovery Journal backup 2020-01-02 090000.rjbackup",
    "Recovery Journal backup 2020-01-02 090000 (2).rjbackup",
    "Recovery Journal backup 2019-12-31 235959.rjbackup",
  };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RjBackup) backup = NULL;
  guint n_ours = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
    {
      g_autofree char *path = g_build_filename (folder, unrelated[i], NULL);
      write_file (path, (const guint8 *) "x", 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *path = g_build_filename (folder, old[i], NULL);
      write_file (path, g_bytes_get_data (backup_bytes, NULL), g_bytes_get_size (backup_bytes));
    }

  first = rj_backup_write_to_folder (journal, folder, 3, &error);
  g_assert_no_error (error);
  second = rj_backup_write_to_folder (journal, folder, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_prefix (first, folder));
  g_assert_true (g_str_has_suffix (first, ".rjbackup"));

  /* Both new ones and the newest old one are kept; no unrelated file is touched. */
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
    {
      g_autofree char *path = g_build_filename (folder, unrelated[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *path = g_build_filename (folder, old[i], NULL);

      /* The newest old one is "2020-01-02 090000 (2)". */
      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, i == 2);
      n_ours += g_file_test (path, G_FILE_TEST_EXISTS);
    }
  g_assert_cmpuint (count_files (folder), ==, G_N_ELEMENTS (unrelated) + 3);

  /* Once more with keep = 1: only the newest is left. */
  g_clear_pointer (&first, g_free);
  first = rj_backup_write_to_folder (journal, folder, 1, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, G_N_ELEMENTS (unrelated) + 1);
  assert_mode_0600 (first);

  backup = rj_backup_open (first, &error);
  g_assert_no_error (error);
  g_assert_true (rj_backup_unlock (backup, RJ_TEST_PASSPHRASE, FALSE, &error));
  g_assert_cmpuint (rj_backup_get_n_entries (backup), ==, N_DAYS);
  g_assert_cmpuint (n_ours, ==, 1);
}

static void
test_no_plaintext (void)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (backup_bytes, &len);
  const char *needles[] = {
    MARKER,
    RJ_TEST_PASSPHRASE,
    "SQLite format 3",
    "CREATE TABLE",
    "First line.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    g_assert_false (rj_test_contains (data, len, (const guint8 *) needles[i],
                                      strlen (needles[i])));
  g_assert_false (rj_test_contains (data, len, (const guint8 *) recovery_code,
                                    strlen (recovery_code)));
  /* The canaries are really in the journal, so the scan above could have found them. */
  {
    g_autoptr(RjEntry) entry = NULL;
    GDate date;

    g_date_set_dmy (&date, 2, G_DATE_NOVEMBER, 2026);
    entry = rj_store_dup_entry (journal, &date);
    g_assert_nonnull (strstr (entry->notes.text, MARKER));
  }
}

static void
test_file_mode (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "open to all.rjbackup", NULL);
  g_autoptr(GError) error = NULL;

  assert_mode_0600 (backup_path);

  /* A file that was there, readable by all, becomes private; nothing is left beside. */
  write_file (path, (const guint8 *) "old", 3);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (rj_store_write_backup (journal, path, &error));
  g_assert_no_error (error);
  assert_mode_0600 (path);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_write_errors (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *missing = g_build_filename (dir, "no such folder", "b.rjbackup", NULL);
  g_autofree char *path = g_build_filename (dir, "locked.rjbackup", NULL);
  g_autoptr(RjStore) store = NULL;
  g_autofree char *store_path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (rj_store_write_backup (journal, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A locked journal cannot be backed up: there is no key to do it with. */
  store = rj_test_create_store (store_path, OTHER_PASSPHRASE, NULL);
  g_assert_true (rj_store_lock (store, &error));
  g_assert_false (rj_store_write_backup (store, path, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static gboolean
write_proc_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok = fd >= 0 && write (fd, text, strlen (text)) == (gssize) strlen (text);

  if (fd >= 0)
    close (fd);
  return ok;
}

/* In a private mount namespace (a user namespace when not root), a small tmpfs, so
 * that a real disk fills up. FALSE when the system does not allow it. */
static gboolean
mount_tiny_disk (const char *where)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();

  if (uid != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("%u %u 1", (guint) uid, (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("%u %u 1", (guint) gid, (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0 ||
          !write_proc_file ("/proc/self/setgroups", "deny") ||
          !write_proc_file ("/proc/self/uid_map", uid_map) ||
          !write_proc_file ("/proc/self/gid_map", gid_map))
        return FALSE;
    }
  else if (unshare (CLONE_NEWNS) != 0)
    return FALSE;
  return mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0 &&
         mount ("tmpfs", where, "tmpfs", 0, "size=1m,mode=0700") == 0;
}

/* Runs in a subprocess of its own, before any thread starts (unshare needs that). */
static void
disk_full_child (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("RJ_TEST_BACKUP_DIR"), "disk-full", NULL);
  g_autofree char *tiny = g_build_filename (dir, "tiny", NULL);
  g_autofree char *journal_copy = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *filler = g_build_filename (tiny, "filler", NULL);
  g_autofree char *target = g_build_filename (tiny, "backup.rjbackup", NULL);
  g_autofree char *folder = g_build_filename (tiny, "automatic", NULL);
  g_autofree char *restored = g_build_filename (tiny, "restored", "journal.db", NULL);
  g_autofree char *restored_dir = g_path_get_dirname (restored);
  g_autofree char *backup_copy = g_build_filename (dir, "pristine.rjbackup", NULL);
  g_autofree char *in_folder = NULL;
  g_autofree guint8 *zeros = NULL;
  g_autoptr(RjStore) store = NULL;
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  struct statvfs vfs;
  struct stat st;
  gsize free_bytes;

  g_assert_cmpint (g_mkdir_with_parents (tiny, 0700), ==, 0);
  if (!mount_tiny_disk (tiny))
    {
      g_autofree char *marker = g_build_filename (dir, "cannot-mount", NULL);

      write_file (marker, (const guint8 *) "", 0);
      return;
    }

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* Leave room for about half a backup. */
  g_assert_cmpint (g_stat (backup_copy, &st), ==, 0);
  g_assert_cmpint (statvfs (tiny, &vfs), ==, 0);
  free_bytes = (gsize) vfs.f_bavail * vfs.f_frsize;
  g_assert_cmpuint (free_bytes, >, (gsize) st.st_size);
  zeros = g_malloc0 (free_bytes - st.st_size / 2);
  write_file (filler, zeros, free_bytes - st.st_size / 2);

  store = rj_test_open_store (journal_copy, RJ_TEST_PASSPHRASE);
  g_assert_false (rj_store_write_backup (store, target, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "space"));
  g_clear_error (&error);
  /* No half file, under its name or any other. */
  g_assert_cmpuint (count_files (tiny), ==, 1);

  in_folder = rj_backup_write_to_folder (store, folder, 3, &error);
  g_assert_null (in_folder);
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DISK_FULL);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (tiny), ==, 1);

  /* Restoring onto the full disk: the checked copy cannot be written either. */
  backup = rj_backup_open (backup_copy, &error);
  g_assert_no_error (error);
  g_assert_true (rj_backup_unlock (backup, RJ_TEST_PASSPHRASE, FALSE, &error));
  g_assert_false (rj_backup_verify (backup, restored, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DISK_FULL);
  g_assert_cmpuint (count_files (tiny), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_disk_full (void)
{
  g_autofree char *dir = g_build_filename (tmp_dir, "disk-full", NULL);
  g_autofree char *copy = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *backup_copy = g_build_filename (dir, "pristine.rjbackup", NULL);
  g_autofree char *marker = g_build_filename (dir, "cannot-mount", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  rj_store_flush (journal);
  rj_test_copy_file (journal_path, copy);
  /* The journal is in WAL mode: what was written since the last checkpoint is there. */
  {
    g_autofree char *wal = g_strconcat (journal_path, "-wal", NULL);
    g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);

    if (g_file_test (wal, G_FILE_TEST_EXISTS))
      rj_test_copy_file (wal, copy_wal);
  }
  rj_test_copy_file (backup_path, backup_copy);
  /* The same test, run again in a new process that starts no thread before it. */
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  if (g_file_test (marker, G_FILE_TEST_EXISTS))
    g_test_skip ("This system does not let a test mount a small file system");
}

static void
async_done_cb (GObject *source,
               GAsyncResult *result,
               gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "async.rjbackup", NULL);
  g_autofree char *folder = g_build_filename (dir, "auto", NULL);
  g_autofree char *target = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *in_folder = NULL;
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  rj_store_write_backup_async (journal, path, NULL, async_done_cb, &result);
  g_assert_true (rj_store_write_backup_finish (journal, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* A folder that is not there (a USB drive not plugged in) is not made again. */
  in_folder = rj_backup_write_to_folder (journal, folder, 2, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "connect it"));
  g_assert_null (in_folder);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  in_folder = rj_backup_write_to_folder (journal, folder, 2, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (in_folder, G_FILE_TEST_IS_REGULAR));

  backup = rj_backup_open (path, &error);
  g_assert_no_error (error);
  rj_backup_unlock_async (backup, "not it", FALSE, NULL, async_done_cb, &result);
  g_assert_false (rj_backup_unlock_finish (backup, wait_for (&result), &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_clear_object (&result);

  rj_backup_unlock_async (backup, RJ_TEST_PASSPHRASE, FALSE, NULL, async_done_cb, &result);
  g_assert_true (rj_backup_unlock_finish (backup, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  rj_backup_verify_async (backup, target, NULL, async_done_cb, &result);
  g_assert_true (rj_backup_verify_finish (backup, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_true (rj_backup_install (backup, target, NULL, &error));
  g_assert_no_error (error);
  assert_journal_restored (target);
}

/* The format without files: what the fuzzer calls. */
static void
test_buffers (void)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (backup_bytes, &len);
  g_autoptr(RjKey) key = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  guint8 wrong[RJ_KEY_BYTES] = { 0 };
  RjBackupHeader header;
  RjBackupInfo info = { 0 };

  g_assert_true (rj_backup_header_parse (data, len, &header, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (header.version, ==, 1);
  g_assert_cmpuint (header.chunk_size, ==, RJ_BACKUP_CHUNK_SIZE);
  g_assert_cmpint (header.passphrase_slot.kind, ==, RJ_KEYSLOT_PASSPHRASE);
  g_assert_cmpint (header.recovery_slot.kind, ==, RJ_KEYSLOT_RECOVERY);
  rj_backup_header_clear (&header);

  key = rj_store_derive_subkey (journal, RJ_BACKUP_SUBKEY_ID, RJ_BACKUP_SUBKEY_CONTEXT, &error);
  image = rj_backup_decrypt_buffer (data, len, rj_key_get_bytes (key), FALSE, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (image), ==, info.image_size);
  g_assert_cmpmem (g_bytes_get_data (image, NULL), 16, "SQLite format 3", 16);
  g_assert_cmpuint (info.n_entries, ==, N_DAYS);
  rj_backup_info_clear (&info);

  g_assert_null (rj_backup_decrypt_buffer (data, len, wrong, FALSE, NULL, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_null (rj_backup_decrypt_buffer (NULL, 0, wrong, FALSE, NULL, &error));
  g_assert_error (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);

  /* Random bytes behind a real header, and random bytes alone. */
  for (guint i = 0; i < 200; i++)
    {
      gsize n = g_rand_int_range (rand, 0, 4096);
      g_autofree guint8 *junk = g_malloc (n + header_len (backup_bytes));
      gsize start = i % 2 == 0 ? header_len (backup_bytes) : 0;

      memcpy (junk, data, start);
      for (gsize k = 0; k < n; k++)
        junk[start + k] = g_rand_int (rand) & 0xff;
      g_assert_null (rj_backup_decrypt_buffer (junk, start + n, rj_key_get_bytes (key), FALSE,
                                               NULL, &error));
      g_assert_true (error->domain == RJ_BACKUP_ERROR);
      g_clear_error (&error);
    }
}

/* A backup made by version 1 of the format keeps restoring. */
static void
test_fixture_v1 (void)
{
  const char *fixture_dir = g_getenv ("RJ_TEST_FIXTURES");
  g_autofree char *fixture = fixture_dir != NULL
                             ? g_build_filename (fixture_dir, FIXTURE, NULL)
                             : g_test_build_filename (G_TEST_DIST, "..", "fixtures", FIXTURE, NULL);
  g_autoptr(GBytes) before = read_file (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *path2 = g_build_filename (dir, "by-code", "journal.db", NULL);
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(RjStore) store = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (try_restore (fixture, path, FIXTURE_PASSPHRASE, FALSE, &backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rj_backup_get_n_entries (backup), ==, 4);
  g_assert_cmpstr (rj_backup_get_app_version (backup), ==, "0.1.0");
  g_assert_true (rj_backup_install (backup, path, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&backup, rj_backup_free);

  store = rj_test_open_store (path, FIXTURE_PASSPHRASE);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 4);
  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
  profile = rj_store_dup_profile (store);
  g_assert_cmpstr (profile->client_name, ==, "J. M.");
  g_assert_cmpuint (profile->contacts->len, ==, 1);
  g_assert_cmpstr (((RjContact *) g_ptr_array_index (profile->contacts, 0))->phone, ==,
                   "555-0142");

  g_date_set_dmy (&date, 20, G_DATE_NOVEMBER, 2026);
  entry = rj_store_dup_entry (store, &date);
  g_assert_cmpint (entry->mood, ==, 7);
  g_assert_cmpint (entry->sleep_minutes, ==, 435);
  g_assert_cmpuint (entry->cravings->len, ==, 2);
  g_assert_cmpstr (entry->notes.text, ==,
                   "Hard evening, but I got through it.\nTomorrow is a new day.");
  g_clear_pointer (&entry, rj_entry_unref);
  g_date_set_dmy (&date, 22, G_DATE_NOVEMBER, 2026);
  entry = rj_store_dup_entry (store, &date);
  g_assert_cmpstr (entry->use.amount.text, ==, "Two beers");
  g_assert_cmpstr (entry->use.substance_id, ==, "alcohol");
  g_clear_pointer (&entry, rj_entry_unref);
  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  entry = rj_store_dup_entry (store, &date);
  g_assert_cmpstr (entry->notes.text, ==, "Ünïcödé ✓ — “quotes”, 早上好");
  g_clear_pointer (&entry, rj_entry_unref);
  g_date_set_dmy (&date, 19, G_DATE_NOVEMBER, 2026);
  g_assert_null (rj_store_dup_entry (store, &date));
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Its recovery code opens it too; the fixture itself is never written. */
  g_assert_true (try_restore (fixture, path2, FIXTURE_RECOVERY_CODE, TRUE, &backup, &error));
  g_assert_no_error (error);
  after = read_file (fixture);
  g_assert_true (g_bytes_equal (before, after));
}

/* The hidden copy that rj_backup_verify() writes beside the journal, or NULL. */
static char *
find_restore_copy (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, ".journal.db restoring.") && strlen (name) == 28)
      return g_build_filename (dir, name, NULL);
  return NULL;
}

static char *
plant (const char *dir,
       const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  static const guint8 junk[] = "still encrypted, in a real leftover";

  write_file (path, junk, sizeof junk);
  return path;
}

static void
test_leftovers (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(RjBackup) second = NULL;
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *leftover1 = NULL;
  g_autofree char *leftover2 = NULL;
  g_autofree char *leftover_wal = NULL;
  g_autofree char *in_flight = NULL;
  const char *keep_names[] = {
    ".journal.db.Ab12Cd",                 /* a save of the journal itself */
    ".notes",                             /* the client's own hidden file */
    ".journal.db restoring.Ab12",         /* not what g_mkstemp() makes */
    ".journal.db restoring.Ab12Cd.txt",
    ".other.db restoring.Ab12Cd",         /* another journal's */
    "journal.db restoring.Ab12Cd",        /* not hidden */
  };
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (try_restore (backup_path, path, RJ_TEST_PASSPHRASE, FALSE, &backup, &error));
  g_assert_no_error (error);
  g_assert_true (rj_backup_install (backup, path, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&backup, rj_backup_free);

  /* Two verifies that died, and files that are not theirs. */
  leftover1 = plant (dir, ".journal.db restoring.Ab12Cd");
  leftover2 = plant (dir, ".journal.db restoring.x9Y8z7");
  leftover_wal = plant (dir, ".journal.db restoring.x9Y8z7-wal");
  for (guint i = 0; i < G_N_ELEMENTS (keep_names); i++)
    g_ptr_array_add (keep, plant (dir, keep_names[i]));

  /* Unlocking the journal clears them away, and nothing else. */
  store = rj_test_open_store (path, RJ_TEST_PASSPHRASE);
  rj_test_assert_entries (store, expected);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_false (g_file_test (leftover1, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (leftover2, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (leftover_wal, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < keep->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (keep, i), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A verify starts with a clean folder too. */
  leftover1 = (g_free (leftover1), plant (dir, ".journal.db restoring.Ab12Cd"));
  g_assert_true (try_restore (backup_path, path, RJ_TEST_PASSPHRASE, FALSE, &backup, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (leftover1, G_FILE_TEST_EXISTS));
  in_flight = find_restore_copy (dir);
  g_assert_nonnull (in_flight);

  /* A checked copy that waits to be installed is not a leftover: neither an unlock,
   * nor a second verify beside it, nor a direct call removes it. */
  leftover2 = (g_free (leftover2), plant (dir, ".journal.db restoring.x9Y8z7"));
  store = rj_test_open_store (path, RJ_TEST_PASSPHRASE);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_cmpuint (rj_backup_remove_leftovers (path), ==, 0);
  g_assert_true (try_restore (backup_path, path, RJ_TEST_PASSPHRASE, FALSE, &second, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (in_flight, G_FILE_TEST_EXISTS));
  g_assert_true (rj_backup_install (backup, path, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&backup, rj_backup_free);
  assert_journal_restored (path);

  /* Once no verify holds one, what is left goes. */
  g_clear_pointer (&second, rj_backup_free);
  g_assert_true (g_file_test (leftover2, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rj_backup_remove_leftovers (path), ==, 1);
  g_assert_false (g_file_test (leftover2, G_FILE_TEST_EXISTS));
  g_assert_null (find_restore_copy (dir));
  for (guint i = 0; i < keep->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (keep, i), G_FILE_TEST_EXISTS));
}

int
main (int argc,
      char *argv[])
{
  int status;

  rj_test_init (&argc, &argv);
  if (g_test_subprocess ())
    {
      /* Nothing that starts a thread before unshare(). */
      g_test_add_func ("/backup/disk-full", disk_full_child);
      return g_test_run ();
    }
  /* Set before any thread starts; the disk-full test's subprocess finds its files
   * there. */
  tmp_dir = rj_test_make_tmp_dir ("rj-backup-XXXXXX");
  g_setenv ("RJ_TEST_BACKUP_DIR", tmp_dir, TRUE);
  make_journal ();

  g_test_add_func ("/backup/round-trip", test_round_trip);
  g_test_add_func ("/backup/recovery-code", test_recovery_code);
  g_test_add_func ("/backup/wrong-secrets", test_wrong_secrets);
  g_test_add_func ("/backup/passphrase-changed", test_passphrase_changed);
  g_test_add_func ("/backup/not-a-backup", test_not_a_backup);
  g_test_add_func ("/backup/newer-format", test_newer_format);
  g_test_add_func ("/backup/too-large", test_too_large);
  g_test_add_func ("/backup/newer-schema", test_newer_schema);
  g_test_add_func ("/backup/cut-short", test_cut_short);
  g_test_add_func ("/backup/flipped-bits", test_flipped_bits);
  g_test_add_func ("/backup/install/keeps-previous", test_install_keeps_previous);
  g_test_add_func ("/backup/install/needs-verify", test_install_needs_verify);
  g_test_add_func ("/backup/leftovers", test_leftovers);
  g_test_add_func ("/backup/folder", test_folder);
  g_test_add_func ("/backup/no-plaintext", test_no_plaintext);
  g_test_add_func ("/backup/file-mode", test_file_mode);
  g_test_add_func ("/backup/write-errors", test_write_errors);
  g_test_add_func ("/backup/disk-full", test_disk_full);
  g_test_add_func ("/backup/async", test_async);
  g_test_add_func ("/backup/buffers", test_buffers);
  g_test_add_func ("/backup/fixture-v1", test_fixture_v1);
  status = g_test_run ();

  g_assert_finalize_object (journal);
  g_hash_table_unref (expected);
  rj_profile_unref (expected_profile);
  g_bytes_unref (backup_bytes);
  rj_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (journal_path);
  g_free (backup_path);
  g_free (current_path);
  g_free (recovery_code);
  return status;
}
