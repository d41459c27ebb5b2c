/* test-tamper.c: every change made to the file behind the app's back is noticed; only
 * the touched records are lost, and a damaged key slot never hides the journal from
 * the recovery code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-tamper"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "rj-test-util.h"
#include "rj-keyslot.h"

#define N_DEMO_DAYS 14

static char *tmp_dir;
static char *pristine_path;   /* the journal as written; never changed */
static char *work_path;       /* a fresh copy for each change */
static char *recovery_code;
static GHashTable *expected;  /* julian day → RjEntry* */
static RjProfile *expected_profile;

static void
make_pristine_journal (void)
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);
  g_autoptr(GError) error = NULL;
  GDate date;

  tmp_dir = rj_test_make_tmp_dir ("rj-tamper-XXXXXX");
  pristine_path = g_build_filename (tmp_dir, "pristine.db", NULL);
  work_path = g_build_filename (tmp_dir, "work.db", NULL);
  expected = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) rj_entry_unref);

  store = rj_test_create_store (pristine_path, RJ_TEST_PASSPHRASE, &recovery_code);
  g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2026);
  expected_profile = rj_demo_profile (rand, &date, 90);
  g_assert_true (rj_store_save_profile (store, expected_profile, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_DEMO_DAYS; i++, g_date_add_days (&date, 1))
    {
      RjEntry *entry = i == 0 ? rj_test_entry_full (&date, "tamper")
                              : rj_demo_entry (rand, &date, expected_profile);

      g_assert_true (rj_store_save_entry (store, entry, &error));
      g_assert_no_error (error);
      g_hash_table_insert (expected, GUINT_TO_POINTER (g_date_get_julian (&date)), entry);
    }
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A fresh copy of the pristine journal, opened with raw SQLite. */
static sqlite3 *
work_copy_open (void)
{
  g_autofree char *wal = g_strconcat (work_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (work_path, "-shm", NULL);

  g_remove (wal);
  g_remove (shm);
  rj_test_copy_file (pristine_path, work_path);
  return rj_test_sqlite_open (work_path);
}

static void
work_copy_close (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static GArray *
row_ids (sqlite3 *db,
         int kind)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM records WHERE kind = ? ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, kind);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static gint64
random_entry_row (sqlite3 *db)
{
  g_autoptr(GArray) ids = row_ids (db, RJ_RECORD_ENTRY);

  g_assert_cmpuint (ids->len, ==, N_DEMO_DAYS);
  return g_array_index (ids, gint64, g_test_rand_int_range (0, ids->len));
}

/* Two different entry rows. */
static void
two_entry_rows (sqlite3 *db,
                gint64 *a,
                gint64 *b)
{
  *a = random_entry_row (db);
  do
    *b = random_entry_row (db);
  while (*b == *a);
}

static GBytes *
get_blob (sqlite3 *db,
          const char *table,
          const char *column,
          const char *key_column,
          gint64 key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?", column, table,
                                          key_column);
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, key);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  return bytes;
}

static void
set_blob (sqlite3 *db,
          const char *table,
          const char *column,
          const char *key_column,
          gint64 key,
          GBytes *bytes)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE %s = ?", table, column,
                                          key_column);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, key);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
}

/* Flips one random bit in [@from, @to) of a blob, or anywhere when @to is 0. */
static void
flip_bit (sqlite3 *db,
          const char *table,
          const char *column,
          const char *key_column,
          gint64 key,
          gsize from,
          gsize to)
{
  g_autoptr(GBytes) old = get_blob (db, table, column, key_column, key);
  gsize len = g_bytes_get_size (old);
  guint8 *data = g_memdup2 (g_bytes_get_data (old, NULL), len);
  g_autoptr(GBytes) changed = NULL;
  gsize at;

  if (to == 0)
    to = len;
  g_assert_cmpuint (from, <, to);
  g_assert_cmpuint (to, <=, len);
  at = from + g_test_rand_int_range (0, to - from);
  data[at] ^= 1 << g_test_rand_int_range (0, 8);
  changed = g_bytes_new_take (data, len);
  set_blob (db, table, column, key_column, key, changed);
}

static void
exec_printf (sqlite3 *db,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (sqlite3 *db,
             const char *format,
             ...)
{
  va_list args;
  char *sql;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  rj_test_sqlite_exec (db, sql);
  sqlite3_free (sql);
}

/* Opens the work copy with the passphrase and checks that exactly @n_damaged records
 * are reported damaged, @n_lost_entries days are missing, and every other day reads
 * back as it was written. Returns the first missing day's julian number (or 0). */
static guint
assert_opens_with_damage (guint n_damaged,
                          guint n_lost_entries,
                          gboolean profile_lost)
{
  g_autoptr(RjStore) store = rj_test_open_store (work_path, RJ_TEST_PASSPHRASE);
  g_autoptr(RjProfile) profile = rj_store_dup_profile (store);
  GHashTableIter iter;
  gpointer key, value;
  guint n_missing = 0;
  guint first_missing = 0;

  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, n_damaged);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, N_DEMO_DAYS - n_lost_entries);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const RjEntry *want = value;
      g_autoptr(RjEntry) got = rj_store_dup_entry (store, &want->date);

      if (got == NULL)
        {
          n_missing++;
          if (first_missing == 0)
            first_missing = GPOINTER_TO_UINT (key);
          continue;
        }
      g_assert_true (rj_entry_equal (got, want));
    }
  g_assert_cmpuint (n_missing, ==, n_lost_entries);

  g_assert_nonnull (profile);
  if (profile_lost)
    g_assert_false (rj_profile_equal (profile, expected_profile));
  else
    g_assert_true (rj_profile_equal (profile, expected_profile));

  g_assert_finalize_object (g_steal_pointer (&store));
  return first_missing;
}

/* Tests: records. */

static void
test_pristine (void)
{
  sqlite3 *db = work_copy_open ();
  g_autoptr(GArray) entries = row_ids (db, RJ_RECORD_ENTRY);
  g_autoptr(GArray) profiles = row_ids (db, RJ_RECORD_PROFILE);

  /* The copy opens whole: the checks below start from a sound journal. */
  g_assert_cmpuint (entries->len, ==, N_DEMO_DAYS);
  g_assert_cmpuint (profiles->len, ==, 1);
  work_copy_close (db);
  assert_opens_with_damage (0, 0, FALSE);
}

static void
test_flip_ciphertext (void)
{
  for (guint i = 0; i < 25; i++)
    {
      sqlite3 *db = work_copy_open ();

      flip_bit (db, "records", "data", "id", random_entry_row (db), 0, 0);
      work_copy_close (db);
      assert_opens_with_damage (1, 1, FALSE);
    }
}

static void
test_flip_nonce (void)
{
  for (guint i = 0; i < 15; i++)
    {
      sqlite3 *db = work_copy_open ();

      flip_bit (db, "records", "nonce", "id", random_entry_row (db), 0, 0);
      work_copy_close (db);
      assert_opens_with_damage (1, 1, FALSE);
    }
}

static void
test_flip_tag (void)
{
  for (guint i = 0; i < 15; i++)
    {
      sqlite3 *db = work_copy_open ();

      flip_bit (db, "records", "tag", "id", random_entry_row (db), 0, 0);
      work_copy_close (db);
      assert_opens_with_damage (1, 1, FALSE);
    }
}

static void
test_change_kind (void)
{
  /* An entry dressed as the profile, as nothing, as a kind from the future. */
  const gint64 kinds[] = { RJ_RECORD_PROFILE, 0, 3, 5, 129, 257, -1, G_MAXINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      sqlite3 *db = work_copy_open ();

      exec_printf (db, "UPDATE records SET kind = %lld WHERE id = %lld", (long long) kinds[i],
                   (long long) random_entry_row (db));
      work_copy_close (db);
      g_test_message ("Kind %lld", (long long) kinds[i]);
      assert_opens_with_damage (1, 1, FALSE);
    }
  /* Single bit flips of the stored kind (beyond bit 31: see the next test). */
  for (guint bit = 1; bit < 32; bit += g_test_rand_int_range (1, 5))
    {
      sqlite3 *db = work_copy_open ();

      exec_printf (db, "UPDATE records SET kind = %lld WHERE id = %lld",
                   (long long) (RJ_RECORD_ENTRY ^ ((gint64) 1 << bit)),
                   (long long) random_entry_row (db));
      work_copy_close (db);
      g_test_message ("Kind with bit %u flipped", bit);
      assert_opens_with_damage (1, 1, FALSE);
    }
}

static void
test_change_kind_high_bits (void)
{
  /* SQLite integers have 64 bits: a flip in the upper half must be noticed too. */
  for (guint bit = 32; bit < 63; bit += g_test_rand_int_range (1, 9))
    {
      sqlite3 *db = work_copy_open ();
      g_autoptr(RjStore) store = NULL;

      exec_printf (db, "UPDATE records SET kind = %lld WHERE id = %lld",
                   (long long) (RJ_RECORD_ENTRY ^ ((gint64) 1 << bit)),
                   (long long) random_entry_row (db));
      work_copy_close (db);
      g_test_message ("Kind with bit %u flipped", bit);

      store = rj_test_open_store (work_path, RJ_TEST_PASSPHRASE);
      g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 1);
      g_assert_finalize_object (g_steal_pointer (&store));
      assert_opens_with_damage (1, 1, FALSE);
    }
}

static void
test_change_id (void)
{
  for (guint i = 0; i < 15; i++)
    {
      sqlite3 *db = work_copy_open ();

      gint64 id = random_entry_row (db);

      exec_printf (db, "UPDATE records SET id = %lld WHERE id = %lld",
                   (long long) (id ^ ((gint64) 1 << g_test_rand_int_range (0, 63))),
                   (long long) id);
      work_copy_close (db);
      assert_opens_with_damage (1, 1, FALSE);
    }
}

static void
test_swap_rows (void)
{
  /* Swapping what moves with a record: the ciphertext alone, with its nonce, and the
   * day tags, which would move an entry to another day. */
  static const char *const swaps[] = { "data", "nonce, data", "tag" };

  for (guint s = 0; s < G_N_ELEMENTS (swaps); s++)
    for (guint i = 0; i < 4; i++)
      {
        sqlite3 *db = work_copy_open ();
        gint64 a, b;
        g_auto(GStrv) columns = g_strsplit (swaps[s], ", ", -1);

        two_entry_rows (db, &a, &b);
        for (guint c = 0; columns[c] != NULL; c++)
          {
            g_autoptr(GBytes) va = get_blob (db, "records", columns[c], "id", a);
            g_autoptr(GBytes) vb = get_blob (db, "records", columns[c], "id", b);
            g_autoptr(GBytes) placeholder = g_bytes_new ("swap", 4);

            /* Through a placeholder: tags are unique. */
            set_blob (db, "records", columns[c], "id", a, placeholder);
            set_blob (db, "records", columns[c], "id", b, va);
            set_blob (db, "records", columns[c], "id", a, vb);
          }
        work_copy_close (db);
        g_test_message ("Swapped %s of two rows", swaps[s]);
        assert_opens_with_damage (2, 2, FALSE);
      }
}

static void
test_moved_copy (void)
{
  sqlite3 *db = work_copy_open ();

  /* A copy of a row under another id and tag: the copy is damaged, the original reads. */
  exec_printf (db, "INSERT INTO records (id, kind, tag, nonce, data) "
                   "SELECT id + 1, kind, randomblob (32), nonce, data FROM records WHERE id = %lld",
               (long long) random_entry_row (db));
  work_copy_close (db);
  assert_opens_with_damage (1, 0, FALSE);

  /* The profile's ciphertext in place of an entry's. */
  db = work_copy_open ();
  {
    g_autoptr(GArray) profiles = row_ids (db, RJ_RECORD_PROFILE);
    g_autoptr(GBytes) nonce = get_blob (db, "records", "nonce", "id",
                                        g_array_index (profiles, gint64, 0));
    g_autoptr(GBytes) data = get_blob (db, "records", "data", "id",
                                       g_array_index (profiles, gint64, 0));
    gint64 row = random_entry_row (db);

    set_blob (db, "records", "nonce", "id", row, nonce);
    set_blob (db, "records", "data", "id", row, data);
  }
  work_copy_close (db);
  assert_opens_with_damage (1, 1, FALSE);
}

static void
test_wrong_shapes (void)
{
  /* Values that are not even the right kind of thing. */
  static const char *const changes[] = {
    "data = x''",
    "data = substr (data, 1, 10)",
    "data = data || x'00'",
    "data = 'some text'",
    "data = 42",
    "nonce = x''",
    "nonce = substr (nonce, 1, 23)",
    "nonce = 3.5",
    "tag = substr (tag, 1, 31)",
    "tag = 'day'",
    "data = zeroblob (10000000)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      sqlite3 *db = work_copy_open ();

      exec_printf (db, "UPDATE records SET %s WHERE id = %lld", changes[i],
                   (long long) random_entry_row (db));
      work_copy_close (db);
      g_test_message ("Changed %s", changes[i]);
      assert_opens_with_damage (1, 1, FALSE);
    }
}

static void
test_several_rows (void)
{
  for (guint n = 2; n <= 5; n++)
    {
      sqlite3 *db = work_copy_open ();
      g_autoptr(GArray) ids = row_ids (db, RJ_RECORD_ENTRY);

      for (guint i = 0; i < n; i++)
        {
          guint pick = g_test_rand_int_range (0, ids->len);

          flip_bit (db, "records", "data", "id", g_array_index (ids, gint64, pick), 0, 0);
          g_array_remove_index (ids, pick);
        }
      work_copy_close (db);
      assert_opens_with_damage (n, n, FALSE);
    }
}

static void
test_profile_row (void)
{
  sqlite3 *db = work_copy_open ();
  g_autoptr(GArray) profiles = row_ids (db, RJ_RECORD_PROFILE);

  /* Without its lists the journal still opens, with the defaults, and every day reads. */
  flip_bit (db, "records", "data", "id", g_array_index (profiles, gint64, 0), 0, 0);
  work_copy_close (db);
  assert_opens_with_damage (1, 0, TRUE);
}

static void
test_damaged_day_rewritten (void)
{
  sqlite3 *db = work_copy_open ();
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const RjEntry *want;
  g_autoptr(RjEntry) back = NULL;
  guint lost;

  flip_bit (db, "records", "data", "id", random_entry_row (db), 0, 0);
  work_copy_close (db);
  lost = assert_opens_with_damage (1, 1, FALSE);
  want = g_hash_table_lookup (expected, GUINT_TO_POINTER (lost));
  g_assert_nonnull (want);

  /* The client writes the lost day again: it is saved in place of the damaged record. */
  store = rj_test_open_store (work_path, RJ_TEST_PASSPHRASE);
  g_assert_true (rj_store_save_entry (store, want, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = rj_test_open_store (work_path, RJ_TEST_PASSPHRASE);
  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, N_DEMO_DAYS);
  back = rj_store_dup_entry (store, &want->date);
  g_assert_nonnull (back);
  g_assert_true (rj_entry_equal (back, want));
}

/* Tests: key slots. */

static void
assert_passphrase_refused (gboolean must_be_wrong_passphrase)
{
  g_autoptr(RjStore) store = rj_store_new (work_path);
  g_autoptr(GError) error = NULL;

  g_assert_false (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                   &error));
  g_assert_nonnull (error);
  g_test_message ("Refused: %s", error->message);
  if (must_be_wrong_passphrase)
    g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_PASSPHRASE);
  else
    g_assert_true (error->domain == RJ_STORE_ERROR);
  g_assert_false (rj_store_is_unlocked (store));
  g_clear_error (&error);

  /* The recovery code still opens everything. */
  g_assert_true (rj_store_unlock_with_recovery_code (store, recovery_code, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
  rj_test_assert_entries (store, expected);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Where the salt, nonce and wrapped key sit in the serialised passphrase slot. */
static void
find_slot_parts (GBytes *blob,
                 gsize offsets[3])
{
  RjKeyslot slot;
  gsize len;
  const guint8 *data = g_bytes_get_data (blob, &len);
  const guint8 *parts[3];
  const gsize sizes[3] = { sizeof slot.salt, sizeof slot.nonce, sizeof slot.wrapped };

  g_assert_true (rj_keyslot_parse (data, len, &slot));
  g_assert_cmpint (slot.kind, ==, RJ_KEYSLOT_PASSPHRASE);
  parts[0] = slot.salt;
  parts[1] = slot.nonce;
  parts[2] = slot.wrapped;
  for (guint p = 0; p < 3; p++)
    {
      offsets[p] = G_MAXSIZE;
      for (gsize at = 0; at + sizes[p] <= len; at++)
        if (memcmp (data + at, parts[p], sizes[p]) == 0)
          {
            offsets[p] = at;
            break;
          }
      g_assert_cmpuint (offsets[p], !=, G_MAXSIZE);
    }
}

static void
test_keyslot_flips (void)
{
  static const char *const names[] = { "salt", "nonce", "wrapped key" };
  const gsize sizes[3] = { RJ_SALT_BYTES, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                           RJ_KEY_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES };

  for (guint part = 0; part < 3; part++)
    for (guint i = 0; i < 8; i++)
      {
        sqlite3 *db = work_copy_open ();
        g_autoptr(GBytes) blob = get_blob (db, "keyslots", "data", "kind", RJ_KEYSLOT_PASSPHRASE);
        gsize offsets[3];

        find_slot_parts (blob, offsets);
        flip_bit (db, "keyslots", "data", "kind", RJ_KEYSLOT_PASSPHRASE, offsets[part],
                  offsets[part] + sizes[part]);
        work_copy_close (db);
        g_test_message ("Flipped a bit of the passphrase slot's %s", names[part]);
        assert_passphrase_refused (TRUE);
      }
}

static void
test_keyslot_header (void)
{
  /* The version, kind and Argon2 parameters in front of the salt: a change there is
   * refused one way or another (never a crash, never a huge allocation). */
  for (guint i = 0; i < 10; i++)
    {
      sqlite3 *db = work_copy_open ();
      g_autoptr(GBytes) blob = get_blob (db, "keyslots", "data", "kind", RJ_KEYSLOT_PASSPHRASE);
      gsize offsets[3];

      find_slot_parts (blob, offsets);
      flip_bit (db, "keyslots", "data", "kind", RJ_KEYSLOT_PASSPHRASE, 0, offsets[0]);
      work_copy_close (db);
      assert_passphrase_refused (FALSE);
    }
}

static void
test_keyslot_replaced (void)
{
  static const char *const changes[] = {
    /* The recovery slot's data under the passphrase's kind. */
    "UPDATE keyslots SET data = (SELECT data FROM keyslots WHERE kind = 2) WHERE kind = 1",
    "UPDATE keyslots SET data = x'' WHERE kind = 1",
    "UPDATE keyslots SET data = substr (data, 1, 50) WHERE kind = 1",
    "UPDATE keyslots SET data = 'passphrase' WHERE kind = 1",
    "DELETE FROM keyslots WHERE kind = 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      sqlite3 *db = work_copy_open ();

      rj_test_sqlite_exec (db, changes[i]);
      work_copy_close (db);
      g_test_message ("%s", changes[i]);
      assert_passphrase_refused (FALSE);
    }
}

static void
test_recovery_slot_flips (void)
{
  for (guint i = 0; i < 8; i++)
    {
      sqlite3 *db = work_copy_open ();
      g_autoptr(RjStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) blob = get_blob (db, "keyslots", "data", "kind", RJ_KEYSLOT_RECOVERY);
      gsize len = g_bytes_get_size (blob);

      /* The last bytes are the wrapped key and the framing around it. */
      flip_bit (db, "keyslots", "data", "kind", RJ_KEYSLOT_RECOVERY, len - 50, len - 2);
      work_copy_close (db);

      store = rj_store_new (work_path);
      g_assert_false (rj_store_unlock_with_recovery_code (store, recovery_code, &error));
      g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE);
      g_clear_error (&error);
      /* The passphrase is not affected. */
      g_assert_true (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                      &error));
      g_assert_no_error (error);
      rj_test_assert_entries (store, expected);
      g_assert_finalize_object (g_steal_pointer (&store));
    }
}

/* Tests: the file itself. */

static void
test_file_bytes (void)
{
  guint n_opened = 0, n_refused = 0;

  /* Bytes changed anywhere in the file, below SQLite: a journal that still opens only
   * shows what was written; one that does not says why in our own words. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;
      g_autoptr(GError) error = NULL;
      g_autoptr(RjStore) store = NULL;

      sqlite3_close (work_copy_open ());
      g_assert_true (g_file_get_contents (work_path, &contents, &len, NULL));
      for (guint f = 0, n = g_test_rand_int_range (1, 9); f < n; f++)
        contents[g_test_rand_int_range (0, len)] ^= 1 << g_test_rand_int_range (0, 8);
      g_assert_true (g_file_set_contents (work_path, contents, len, NULL));

      store = rj_store_new (work_path);
      if (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE), &error))
        {
          GHashTableIter iter;
          gpointer value;

          g_assert_no_error (error);
          g_hash_table_iter_init (&iter, expected);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            {
              const RjEntry *want = value;
              g_autoptr(RjEntry) got = rj_store_dup_entry (store, &want->date);

              g_assert_true (got == NULL || rj_entry_equal (got, want));
            }
          n_opened++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == RJ_STORE_ERROR);
          n_refused++;
        }
      g_clear_error (&error);
      /* Whatever happened, the recovery code gives the same answer or a clear error. */
      if (!rj_store_is_unlocked (store) &&
          !rj_store_unlock_with_recovery_code (store, recovery_code, &error))
        g_assert_true (error->domain == RJ_STORE_ERROR);
      g_object_unref (g_steal_pointer (&store));
    }
  g_test_message ("%u opened, %u refused", n_opened, n_refused);
}

int
main (int argc,
      char *argv[])
{
  int status;

  rj_test_init (&argc, &argv);
  make_pristine_journal ();

  g_test_add_func ("/tamper/pristine", test_pristine);
  g_test_add_func ("/tamper/records/flip-ciphertext", test_flip_ciphertext);
  g_test_add_func ("/tamper/records/flip-nonce", test_flip_nonce);
  g_test_add_func ("/tamper/records/flip-tag", test_flip_tag);
  g_test_add_func ("/tamper/records/change-kind", test_change_kind);
  g_test_add_func ("/tamper/records/change-kind-high-bits", test_change_kind_high_bits);
  g_test_add_func ("/tamper/records/change-id", test_change_id);
  g_test_add_func ("/tamper/records/swap", test_swap_rows);
  g_test_add_func ("/tamper/records/moved-copy", test_moved_copy);
  g_test_add_func ("/tamper/records/wrong-shapes", test_wrong_shapes);
  g_test_add_func ("/tamper/records/several", test_several_rows);
  g_test_add_func ("/tamper/records/profile", test_profile_row);
  g_test_add_func ("/tamper/records/damaged-day-rewritten", test_damaged_day_rewritten);
  g_test_add_func ("/tamper/keyslot/flips", test_keyslot_flips);
  g_test_add_func ("/tamper/keyslot/header", test_keyslot_header);
  g_test_add_func ("/tamper/keyslot/replaced", test_keyslot_replaced);
  g_test_add_func ("/tamper/keyslot/recovery-flips", test_recovery_slot_flips);
  g_test_add_func ("/tamper/file-bytes", test_file_bytes);

  status = g_test_run ();

  rj_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (pristine_path);
  g_free (work_path);
  g_free (recovery_code);
  g_hash_table_unref (expected);
  rj_profile_unref (expected_profile);
  return status;
}
