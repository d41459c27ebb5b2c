/* make-fuzz-corpus.c: writes the fuzzers' seed corpora from real journals.
 *
 *   make-fuzz-corpus CORPUS-DIR [JOURNAL.db...] [BACKUP.rjbackup...]
 *
 * Makes a demo journal (rj-demo.h) in a temporary folder, then writes into
 * CORPUS-DIR/fuzz-record/ the plaintext of some of its records (the bytes that
 * rj_open() gives back when the journal is unlocked: each entry and the profile as
 * rj_entry_to_variant() and rj_profile_to_variant() serialize them, and the tests'
 * entries and profile with every field filled and with edge values), and into
 * CORPUS-DIR/fuzz-keyslot/ its two key-slot blobs as stored in the file. The key
 * slots of each JOURNAL given (such as tests/fixtures/known-answer-v1.db) are added
 * too; a copy is read, never the file itself. Into CORPUS-DIR/fuzz-backup/ go backups
 * of a small demo journal made with rj_backup_encrypt_buffer() under fuzz-backup's
 * fixed key (the whole file, an empty image, a few bytes), and each BACKUP given.
 *
 * The corpora in tests/fuzz/corpus/ were made with
 *   make-fuzz-corpus tests/fuzz/corpus tests/fixtures/known-answer-v1.db \
 *     tests/fixtures/backup-v1.rjbackup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "make-fuzz-corpus"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "fuzz-backup-key.h"
#include "rj-backup-private.h"
#include "rj-codec.h"
#include "rj-crypto.h"
#include "rj-demo.h"
#include "rj-keyslot.h"
#include "rj-store.h"
#include "rj-test-util.h"

/* A few dozen seeds, well under a megabyte in all: 12 days of the demo journal. */
#define DEMO_DAYS 42
#define DEMO_SEED 20261101
#define MAX_ENTRY_SEEDS 12

static void
die (const char *what,
     const GError *error)
{
  g_printerr ("make-fuzz-corpus: %s%s%s\n", what, error != NULL ? ": " : "",
              error != NULL ? error->message : "");
  exit (1);
}

static void
write_seed (const char *dir,
            const char *name,
            const void *data,
            gsize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, len, &error))
    die ("could not write a seed", error);
  g_print ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
}

static void
write_variant (const char *dir,
               const char *name,
               GVariant *variant)
{
  write_seed (dir, name, g_variant_get_data (variant), g_variant_get_size (variant));
}

/* The key slots as the file stores them, read with SQLite itself. */
static void
dump_keyslots (const char *journal,
               const char *label,
               const char *dir)
{
  g_autofree char *tmp = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize len = 0;

  tmp = g_dir_make_tmp ("rj-fuzz-corpus-XXXXXX", &error);
  if (tmp == NULL)
    die ("could not make a temporary folder", error);
  copy = g_build_filename (tmp, "journal.db", NULL);
  if (!g_file_get_contents (journal, &contents, &len, &error) ||
      !g_file_set_contents (copy, contents, len, &error))
    die ("could not copy a journal", error);

  if (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT kind, data FROM keyslots ORDER BY kind", -1, &stmt,
                          NULL) != SQLITE_OK)
    die (sqlite3_errmsg (db), NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 0);
      g_autofree char *name = g_strdup_printf ("%s-%s", label,
                                               kind == RJ_KEYSLOT_PASSPHRASE ? "passphrase"
                                                                             : "recovery");

      write_seed (dir, name, sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_unlink (copy);
  g_rmdir (tmp);
}

static GBytes *
read_keyslot (const char *journal,
              RjKeyslotKind kind)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GBytes *blob = NULL;

  if (sqlite3_open_v2 (journal, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT data FROM keyslots WHERE kind = ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    die (sqlite3_errmsg (db), NULL);
  sqlite3_bind_int (stmt, 1, kind);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    blob = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (blob == NULL)
    die ("a key slot is missing", NULL);
  return blob;
}

/* Backups of @journal (locked, so its whole content is in the file) as the app
 * writes them, under the fuzzer's fixed key. */
static void
write_backups (const char *journal,
               guint n_entries,
               const char *dir)
{
  g_autoptr(GBytes) passphrase_slot = read_keyslot (journal, RJ_KEYSLOT_PASSPHRASE);
  g_autoptr(GBytes) recovery_slot = read_keyslot (journal, RJ_KEYSLOT_RECOVERY);
  g_autoptr(GError) error = NULL;
  g_autofree char *image = NULL;
  gsize image_len = 0;
  const struct {
    const char *name;
    gsize len;
  } seeds[] = {
    { "backup-demo-journal", G_MAXSIZE },
    { "backup-empty-image", 0 },
    { "backup-short-image", 100 },
  };

  if (!g_file_get_contents (journal, &image, &image_len, &error))
    die ("could not read the demo journal", error);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      RjBackupInfo info = { 0 };
      g_autoptr(GBytes) backup = NULL;

      info.created = 1795000000;
      info.n_entries = n_entries;
      info.image_size = MIN (seeds[i].len, image_len);
      info.app_version = (char *) PACKAGE_VERSION;
      backup = rj_backup_encrypt_buffer ((const guint8 *) image, info.image_size,
                                         passphrase_slot, recovery_slot, rj_fuzz_backup_key,
                                         &info);
      write_seed (dir, seeds[i].name, g_bytes_get_data (backup, NULL), g_bytes_get_size (backup));
    }
}

int
main (int argc,
      char **argv)
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GVariant) profile_variant = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *record_dir = NULL;
  g_autofree char *keyslot_dir = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *small_journal = NULL;
  g_autofree char *code = NULL;
  RjKdfParams params;
  GDate last_day;
  guint step;
  guint n_small;

  if (argc < 2)
    {
      g_printerr ("usage: %s CORPUS-DIR [JOURNAL...]\n", argv[0]);
      return 2;
    }
  if (!rj_crypto_init ())
    die ("libsodium does not initialise", NULL);

  record_dir = g_build_filename (argv[1], "fuzz-record", NULL);
  keyslot_dir = g_build_filename (argv[1], "fuzz-keyslot", NULL);
  backup_dir = g_build_filename (argv[1], "fuzz-backup", NULL);
  if (g_mkdir_with_parents (backup_dir, 0755) != 0 ||
      g_mkdir_with_parents (record_dir, 0755) != 0 ||
      g_mkdir_with_parents (keyslot_dir, 0755) != 0)
    die ("could not make the corpus folders", NULL);

  tmp = g_dir_make_tmp ("rj-fuzz-demo-XXXXXX", &error);
  if (tmp == NULL)
    die ("could not make a temporary folder", error);
  journal = g_build_filename (tmp, "journal.db", NULL);

  /* The cheapest Argon2id costs: the slot's parameters are what matters here. */
  rj_kdf_params_fast_for_tests (&params);
  store = rj_store_new (journal);
  g_date_set_dmy (&last_day, 20, G_DATE_NOVEMBER, 2026);
  if (!rj_store_create (store, "fuzz corpus", &params, &code, &error) ||
      !rj_demo_fill (store, &last_day, DEMO_DAYS, DEMO_SEED, &error))
    die ("could not make the demo journal", error);

  profile = rj_store_dup_profile (store);
  profile_variant = rj_profile_to_variant (profile);
  write_variant (record_dir, "profile-demo", profile_variant);

  /* Days spread over the whole journal, so that quiet days, days with cravings and
   * days with long notes are all there. */
  days = rj_store_list_days (store);
  step = MAX (1, days->len / MAX_ENTRY_SEEDS);
  for (guint i = 0; i < days->len; i += step)
    {
      GDate *date = &g_array_index (days, GDate, i);
      g_autoptr(RjEntry) entry = rj_store_dup_entry (store, date);
      g_autoptr(GVariant) variant = rj_entry_to_variant (entry);
      g_autofree char *iso = rj_date_to_iso (date);
      g_autofree char *name = g_strdup_printf ("entry-demo-%s", iso);

      write_variant (record_dir, name, variant);
    }

  /* Every field logged, and zeros where zero differs from "not logged". */
  {
    g_autoptr(RjEntry) full = rj_test_entry_full (&last_day, "fuzz");
    g_autoptr(RjEntry) zeros = rj_test_entry_zeros (&last_day);
    g_autoptr(RjProfile) profile_full = rj_test_profile_full ("fuzz");
    g_autoptr(GVariant) full_variant = rj_entry_to_variant (full);
    g_autoptr(GVariant) zeros_variant = rj_entry_to_variant (zeros);
    g_autoptr(GVariant) profile_full_variant = rj_profile_to_variant (profile_full);

    write_variant (record_dir, "entry-full", full_variant);
    write_variant (record_dir, "entry-zeros", zeros_variant);
    write_variant (record_dir, "profile-full", profile_full_variant);
  }

  if (!rj_store_lock (store, &error))
    die ("could not lock the demo journal", error);
  dump_keyslots (journal, "keyslot-demo", keyslot_dir);

  g_clear_object (&store);

  /* A week's journal keeps the backups to a few pages of SQLite. */
  small_journal = g_build_filename (tmp, "small.db", NULL);
  store = rj_store_new (small_journal);
  if (!rj_store_create (store, "fuzz corpus", &params, NULL, &error) ||
      !rj_demo_fill (store, &last_day, 7, DEMO_SEED, &error))
    die ("could not make the small demo journal", error);
  n_small = rj_store_get_n_entries (store);
  if (!rj_store_lock (store, &error))
    die ("could not lock the small demo journal", error);
  g_clear_object (&store);
  write_backups (small_journal, n_small, backup_dir);

  for (int i = 2; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);

      if (g_str_has_suffix (argv[i], ".rjbackup"))
        {
          g_autofree char *contents = NULL;
          g_autofree char *name = g_strdup_printf ("backup-%s", base);
          gsize len = 0;

          if (!g_file_get_contents (argv[i], &contents, &len, &error))
            die ("could not read a backup", error);
          write_seed (backup_dir, name, contents, len);
        }
      else
        {
          g_autofree char *label = g_strdup_printf ("keyslot-%s", base);

          dump_keyslots (argv[i], label, keyslot_dir);
        }
    }

  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL };
       *suffix != NULL; suffix++)
    {
      g_autofree char *path = g_strconcat (journal, *suffix, NULL);
      g_autofree char *small_path = g_strconcat (small_journal, *suffix, NULL);

      g_unlink (path);
      g_unlink (small_path);
    }
  g_rmdir (tmp);
  return 0;
}
