/* test-corrupt.c: a damaged or foreign file in the journal's place gives a clear error,
 * never a crash, and is left byte for byte as it was.
 *
 * Each case starts from a copy of one real journal (checkpointed, so that everything is
 * in the main file), damages it, and tries to find and unlock it the way the app does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-corrupt"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rj-test-util.h"

#define N_DAYS 24

static char *template_dir;
static char *template_path;
static gsize page_size;

typedef struct {
  char *dir;
  char *path;
} Fixture;

static GDate
day_of (guint i)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2026);
  g_date_add_days (&date, i);
  return date;
}

/* One journal, made once: N_DAYS full entries, enough for several record pages. */
static void
make_template (void)
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  template_dir = rj_test_make_tmp_dir ("rj-corrupt-XXXXXX");
  template_path = g_build_filename (template_dir, "journal.db", NULL);
  store = rj_test_create_store (template_path, RJ_TEST_PASSPHRASE, NULL);
  for (guint i = 0; i < N_DAYS; i++)
    {
      GDate date = day_of (i);
      g_autofree char *marker = g_strdup_printf ("day%u", i);
      g_autoptr(RjEntry) entry = rj_test_entry_full (&date, marker);

      g_assert_true (rj_store_save_entry (store, entry, &error));
      g_assert_no_error (error);
    }
  g_assert_true (rj_store_lock (store, &error));
  g_assert_no_error (error);

  db = rj_test_sqlite_open (template_path);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    page_size = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpuint (page_size, >=, 512);
}

static void
fixture_set_up (Fixture *fixture,
                gconstpointer user_data)
{
  fixture->dir = rj_test_make_tmp_dir ("rj-corrupt-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
  rj_test_copy_file (template_path, fixture->path);
}

static void
fixture_tear_down (Fixture *fixture,
                   gconstpointer user_data)
{
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
write_file (const char *path,
            const void *data,
            gsize len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static void
truncate_file (const char *path,
               gsize len)
{
  g_assert_cmpint (truncate (path, len), ==, 0);
}

static void
zero_page (const char *path,
           guint page)
{
  g_autofree guint8 *zeros = g_malloc0 (page_size);
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, zeros, page_size, (off_t) (page - 1) * page_size), ==,
                   (gssize) page_size);
  g_assert_cmpint (close (fd), ==, 0);
}

/* The number of a page of @table of the template: its root, or a leaf that holds rows. */
static guint
find_page (const char *table,
           gboolean leaf)
{
  sqlite3 *db = rj_test_sqlite_open (template_path);
  sqlite3_stmt *stmt = NULL;
  guint page = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT pageno FROM dbstat WHERE name = ?1 AND "
                                       "(?2 = 0 AND path = '/' OR ?2 = 1 AND pagetype = 'leaf') "
                                       "ORDER BY pageno LIMIT 1 OFFSET ?3",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, leaf);
  /* Not the first leaf: a page in the middle of the table. */
  sqlite3_bind_int (stmt, 3, leaf ? 1 : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpuint (page, >, 1);
  return page;
}

typedef struct {
  gboolean opened;
  guint n_entries;
  guint n_damaged;
} Outcome;

/* What unlocking gives for a damaged file: an error from @allowed (ended by -1), with a
 * message, and the file exactly as it was. */
static Outcome
try_unlock (const char *path,
            const int *allowed,
            gboolean may_open)
{
  Outcome outcome = { FALSE, 0, 0 };
  g_autoptr(GBytes) before = g_file_test (path, G_FILE_TEST_IS_REGULAR) ? read_file (path) : NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RjStore) store = rj_store_new (path);
  gboolean opened;

  /* The app asks first whether a journal is there, then unlocks it. */
  (void) rj_store_exists (store);
  opened = rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE), &error);
  if (opened)
    {
      g_assert_true (may_open);
      g_assert_no_error (error);
      outcome.opened = TRUE;
      outcome.n_entries = rj_store_get_n_entries (store);
      outcome.n_damaged = rj_store_get_n_damaged (store);
      g_test_message ("opened, %u entries, %u damaged", outcome.n_entries, outcome.n_damaged);
    }
  else
    {
      gboolean expected = FALSE;

      g_assert_nonnull (error);
      g_assert_true (error->domain == RJ_STORE_ERROR);
      for (const int *code = allowed; *code >= 0; code++)
        expected |= error->code == *code;
      if (!expected)
        g_error ("unexpected error %d: %s", error->code, error->message);
      g_assert_cmpuint (strlen (error->message), >, 20);
      g_test_message ("error %d: %s", error->code, error->message);
      g_assert_false (rj_store_is_unlocked (store));
    }
  g_assert_true (rj_store_lock (store, NULL));

  if (before != NULL)
    {
      after = read_file (path);
      if (!g_bytes_equal (before, after))
        g_error ("The file was changed by the attempt: %zu bytes before, %zu after",
                 g_bytes_get_size (before), g_bytes_get_size (after));
    }
  return outcome;
}

static const int damaged_or_foreign[] = {
  RJ_STORE_ERROR_NOT_A_JOURNAL, RJ_STORE_ERROR_DAMAGED, -1
};

/* Every day opens or is reported damaged. The journal also holds the profile's record
 * (written when it was created), which a lost page may take with it: that one is
 * reported damaged too, so the count may be one more than the days. */
static void
assert_every_day_accounted (guint n_entries,
                            guint n_damaged)
{
  g_assert_cmpuint (n_entries + n_damaged, >=, N_DAYS);
  g_assert_cmpuint (n_entries + n_damaged, <=, N_DAYS + 1);
}

static void
test_truncated (Fixture *fixture,
                gconstpointer user_data)
{
  g_autoptr(GBytes) original = read_file (fixture->path);
  gsize full = g_bytes_get_size (original);
  const gsize lengths[] = { 50, 100, page_size / 2, page_size + 100, 3 * page_size - 7,
                            full / 2, full - page_size / 2 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      Outcome outcome;

      rj_test_copy_file (template_path, fixture->path);
      truncate_file (fixture->path, lengths[i]);
      g_test_message ("cut to %zu of %zu bytes", lengths[i], full);
      /* Cut in the last page only, the journal may still open: then every day is
       * there or reported damaged, none is silently gone. */
      outcome = try_unlock (fixture->path, damaged_or_foreign, lengths[i] > full - page_size);
      if (outcome.opened)
        assert_every_day_accounted (outcome.n_entries, outcome.n_damaged);
    }
}

/* An empty file is what an interrupted creation leaves: there is no journal yet. */
static void
test_empty (Fixture *fixture,
            gconstpointer user_data)
{
  static const int not_found[] = { RJ_STORE_ERROR_NOT_FOUND, -1 };
  g_autoptr(RjStore) store = NULL;

  truncate_file (fixture->path, 0);
  store = rj_store_new (fixture->path);
  g_assert_false (rj_store_exists (store));
  g_clear_object (&store);
  (void) try_unlock (fixture->path, not_found, FALSE);
  g_assert_cmpint (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR), ==, TRUE);
  {
    g_autoptr(GBytes) after = read_file (fixture->path);
    g_assert_cmpuint (g_bytes_get_size (after), ==, 0);
  }
}

static void
test_zeroed_header (Fixture *fixture,
                    gconstpointer user_data)
{
  g_autoptr(RjStore) store = NULL;

  zero_page (fixture->path, 1);
  (void) try_unlock (fixture->path, damaged_or_foreign, FALSE);
}

static void
test_zeroed_keyslots (Fixture *fixture,
                      gconstpointer user_data)
{
  static const int damaged[] = { RJ_STORE_ERROR_DAMAGED, -1 };
  g_autoptr(RjStore) store = NULL;

  zero_page (fixture->path, find_page ("keyslots", FALSE));
  (void) try_unlock (fixture->path, damaged, FALSE);
}

/* A page of records lost: the journal opens, the days on that page are reported
 * damaged, every other day is there. */
static void
test_zeroed_records (Fixture *fixture,
                     gconstpointer user_data)
{
  g_autoptr(RjStore) store = NULL;
  guint n_entries, n_damaged;

  zero_page (fixture->path, find_page ("records", TRUE));
  (void) try_unlock (fixture->path, damaged_or_foreign, TRUE);
  g_clear_object (&store);

  store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  n_entries = rj_store_get_n_entries (store);
  n_damaged = rj_store_get_n_damaged (store);
  g_test_message ("%u of %u days open, %u reported damaged", n_entries, N_DAYS, n_damaged);
  g_assert_cmpuint (n_entries, <, N_DAYS);
  g_assert_cmpuint (n_entries, >, 0);
  assert_every_day_accounted (n_entries, n_damaged);
  for (guint i = 0; i < N_DAYS; i++)
    {
      GDate date = day_of (i);
      g_autoptr(RjEntry) entry = rj_store_dup_entry (store, &date);
      g_autofree char *marker = g_strdup_printf ("day%u", i);
      g_autoptr(RjEntry) expected = rj_test_entry_full (&date, marker);

      if (entry != NULL)
        g_assert_true (rj_entry_equal (entry, expected));
    }
}

static void
test_not_sqlite (Fixture *fixture,
                 gconstpointer user_data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
  };
  const char *text = "Dear diary,\nthis is a text file and not a journal.\n";
  g_autofree guint8 *random = g_malloc (3 * page_size);
  g_autoptr(RjStore) store = NULL;

  write_file (fixture->path, text, strlen (text));
  (void) try_unlock (fixture->path, damaged_or_foreign, FALSE);
  g_clear_object (&store);

  randombytes_buf (random, 3 * page_size);
  write_file (fixture->path, random, 3 * page_size);
  (void) try_unlock (fixture->path, damaged_or_foreign, FALSE);
  g_clear_object (&store);

  write_file (fixture->path, png, sizeof png);
  (void) try_unlock (fixture->path, damaged_or_foreign, FALSE);
  g_clear_object (&store);

  /* A SQLite database of another program. */
  {
    sqlite3 *db;

    g_remove (fixture->path);
    db = rj_test_sqlite_open_create (fixture->path);
    rj_test_sqlite_exec (db, "CREATE TABLE contacts (name TEXT); "
                             "INSERT INTO contacts VALUES ('someone');");
    g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  }
  (void) try_unlock (fixture->path, damaged_or_foreign, FALSE);
}

/* An empty or garbled -wal beside a sound journal: SQLite ignores it, the journal
 * opens whole. */
static void
test_stray_wal (Fixture *fixture,
                gconstpointer user_data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree guint8 *random = g_malloc (page_size);
  const gboolean garbled = GPOINTER_TO_INT (user_data);
  g_autoptr(RjStore) store = NULL;

  if (garbled)
    {
      randombytes_buf (random, page_size);
      write_file (wal, random, page_size);
    }
  else
    write_file (wal, "", 0);
  (void) try_unlock (fixture->path, damaged_or_foreign, TRUE);
  g_clear_object (&store);

  store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, N_DAYS);
  g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
}

static void
test_directory (Fixture *fixture,
                gconstpointer user_data)
{
  g_autoptr(RjStore) store = NULL;

  g_remove (fixture->path);
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  store = rj_store_new (fixture->path);
  g_assert_true (rj_store_exists (store));
  g_clear_object (&store);
  (void) try_unlock (fixture->path, damaged_or_foreign, FALSE);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
}

int
main (int argc,
      char *argv[])
{
  int status;

  rj_test_init (&argc, &argv);
  make_template ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/corrupt/truncated", test_truncated, NULL);
  ADD ("/corrupt/empty", test_empty, NULL);
  ADD ("/corrupt/zeroed-header", test_zeroed_header, NULL);
  ADD ("/corrupt/zeroed-keyslots", test_zeroed_keyslots, NULL);
  ADD ("/corrupt/zeroed-records", test_zeroed_records, NULL);
  ADD ("/corrupt/not-sqlite", test_not_sqlite, NULL);
  ADD ("/corrupt/empty-wal", test_stray_wal, GINT_TO_POINTER (FALSE));
  ADD ("/corrupt/garbled-wal", test_stray_wal, GINT_TO_POINTER (TRUE));
  ADD ("/corrupt/directory", test_directory, NULL);
#undef ADD

  status = g_test_run ();
  rj_test_remove_tree (template_dir);
  g_free (template_path);
  g_free (template_dir);
  return status;
}
