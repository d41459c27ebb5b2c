/* test-faults.c: a full disk, a failing drive, and too little memory for the key
 * derivation: a clear error each, the edit kept in memory, nothing stored before lost,
 * and the next save after the fault goes through.
 *
 * Writes fail through rj-fault-vfs, a SQLite VFS that is registered as the default
 * before any journal opens. Memory runs out in a subprocess whose address space is
 * limited with setrlimit(RLIMIT_AS).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-faults"

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rj-fault-vfs.h"
#include "rj-test-util.h"

#define N_STORED_DAYS 6

typedef struct {
  char *dir;
  char *path;
  RjStore *store;
  GHashTable *stored;   /* julian → RjEntry*: what is in the file */
  GDate edit_day;       /* a stored day that the test edits */
  GDate new_day;        /* a day with no entry yet */
} Fixture;

typedef struct {
  const char *name;
  RjFaultOps ops;
  int sqlite_code;
  RjStoreError expected;
} Fault;

static const Fault faults[] = {
  { "write-full", RJ_FAULT_WRITE, SQLITE_FULL, RJ_STORE_ERROR_DISK_FULL },
  { "write-ioerr", RJ_FAULT_WRITE, SQLITE_IOERR_WRITE, RJ_STORE_ERROR_IO },
  { "sync-ioerr", RJ_FAULT_SYNC, SQLITE_IOERR_FSYNC, RJ_STORE_ERROR_IO },
  { "any-full", RJ_FAULT_ALL, SQLITE_FULL, RJ_STORE_ERROR_DISK_FULL },
};

static void
fixture_set_up (Fixture *fixture,
                gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;

  rj_fault_vfs_disarm ();
  fixture->dir = rj_test_make_tmp_dir ("rj-faults-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = rj_test_create_store (fixture->path, RJ_TEST_PASSPHRASE, NULL);
  fixture->stored = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) rj_entry_unref);

  for (guint i = 0; i < N_STORED_DAYS; i++)
    {
      GDate date;
      g_autofree char *marker = g_strdup_printf ("stored%u", i);
      RjEntry *entry;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1 + 3 * i, G_DATE_OCTOBER, 2026);
      entry = rj_test_entry_full (&date, marker);
      g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
      g_assert_no_error (error);
      g_hash_table_insert (fixture->stored, GUINT_TO_POINTER (g_date_get_julian (&date)), entry);
    }
  g_date_clear (&fixture->edit_day, 1);
  g_date_set_dmy (&fixture->edit_day, 4, G_DATE_OCTOBER, 2026);
  g_date_clear (&fixture->new_day, 1);
  g_date_set_dmy (&fixture->new_day, 20, G_DATE_NOVEMBER, 2026);
}

static void
fixture_tear_down (Fixture *fixture,
                   gconstpointer user_data)
{
  rj_fault_vfs_disarm ();
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->stored, g_hash_table_unref);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* An edit of @date that differs from what is stored. */
static RjEntry *
make_edit (const GDate *date,
           const char *marker)
{
  RjEntry *entry = rj_test_entry_full (date, marker);

  entry->mood = 3;
  rj_note_set (&entry->notes, marker, FALSE);
  return entry;
}

/* Locks (while a fault may still be armed), checks the file with SQLite, and opens it
 * again from disk. */
static void
lock_and_reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;

  g_assert_true (rj_store_lock (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  /* The fault may have outlasted the lock; reading back is done with the disk sound. */
  rj_fault_vfs_disarm ();

  integrity = rj_test_sqlite_integrity (fixture->path);
  g_assert_cmpstr (integrity, ==, "ok");
  fixture->store = rj_test_open_store (fixture->path, RJ_TEST_PASSPHRASE);
  g_assert_cmpuint (rj_store_get_n_damaged (fixture->store), ==, 0);
}

static void
assert_error (const GError *error,
              const Fault *fault)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == RJ_STORE_ERROR);
  if (error->code != (int) fault->expected)
    g_error ("%s: error %d (“%s”), expected %d", fault->name, error->code, error->message,
             fault->expected);
  /* A person must learn what happened and what to do. */
  if (fault->expected == RJ_STORE_ERROR_DISK_FULL)
    g_assert_nonnull (strstr (error->message, "disk is full"));
  else
    g_assert_nonnull (strstr (error->message, "could not be read or written"));
}

typedef void (*SaveFunc) (RjStore *store, const RjEntry *entry, GError **error);

static void
save_sync (RjStore *store,
           const RjEntry *entry,
           GError **error)
{
  gboolean ok = rj_store_save_entry (store, entry, error);

  g_assert_true (ok == (error == NULL || *error == NULL));
}

static void
save_done_cb (GObject *object,
              GAsyncResult *result,
              gpointer user_data)
{
  GError **error = user_data;

  rj_store_save_entry_finish (RJ_STORE (object), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

/* Through the writer thread, as the check-in page saves. */
static void
save_async (RjStore *store,
            const RjEntry *entry,
            GError **error)
{
  GError *result = NULL;

  rj_store_save_entry_async (store, entry, NULL, save_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (result, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&result);
  else
    g_propagate_error (error, result);
}

/* One fault in full: the save fails with the right error, the edit stays in memory,
 * the next save after the fault goes through, and everything reads back from disk. */
static void
run_fault (Fixture *fixture,
           const Fault *fault,
           SaveFunc save,
           const GDate *day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RjEntry) edit = make_edit (day, "edit-while-full");
  g_autoptr(RjEntry) in_memory = NULL;
  g_autoptr(RjEntry) read_back = NULL;
  const RjEntry *before = g_hash_table_lookup (fixture->stored,
                                               GUINT_TO_POINTER (g_date_get_julian (day)));

  rj_fault_vfs_arm (fault->ops, fault->sqlite_code, 0);
  save (fixture->store, edit, &error);
  assert_error (error, fault);
  g_assert_cmpuint (rj_fault_vfs_get_n_failed (), >, 0);
  g_clear_error (&error);

  /* Kept in memory: the page and the summary go on showing it. */
  in_memory = rj_store_dup_entry (fixture->store, day);
  g_assert_nonnull (in_memory);
  g_assert_true (rj_entry_equal (in_memory, edit));

  /* Locking while the disk is still full loses nothing that was stored. */
  lock_and_reopen (fixture);
  rj_fault_vfs_disarm ();
  read_back = rj_store_dup_entry (fixture->store, day);
  if (read_back != NULL && rj_entry_equal (read_back, edit) && (fault->ops & RJ_FAULT_SYNC))
    {
      /* A sync that failed after the commit was written: SQLite reports the failure,
       * yet the edit may have reached the disk and is found again on opening. */
      g_test_message ("%s: the edit reached the disk although its sync failed", fault->name);
      g_hash_table_insert (fixture->stored, GUINT_TO_POINTER (g_date_get_julian (day)),
                           rj_entry_ref (edit));
    }
  else if (before != NULL)
    {
      g_assert_nonnull (read_back);
      g_assert_true (rj_entry_equal (read_back, before));
    }
  else
    g_assert_null (read_back);
  g_clear_pointer (&read_back, rj_entry_unref);
  rj_test_assert_entries (fixture->store, fixture->stored);

  /* Space again: the same edit is saved and reads back from disk. */
  save (fixture->store, edit, &error);
  g_assert_no_error (error);
  g_hash_table_insert (fixture->stored, GUINT_TO_POINTER (g_date_get_julian (day)),
                       rj_entry_ref (edit));
  lock_and_reopen (fixture);
  rj_test_assert_entries (fixture->store, fixture->stored);
}

static void
test_fault_edit (Fixture *fixture,
                 gconstpointer user_data)
{
  const Fault *fault = user_data;

  run_fault (fixture, fault, save_sync, &fixture->edit_day);
}

static void
test_fault_edit_async (Fixture *fixture,
                       gconstpointer user_data)
{
  const Fault *fault = user_data;

  run_fault (fixture, fault, save_async, &fixture->new_day);
}

/* The disk fills, the client goes on typing, space comes back: the last edit is the
 * one stored, with no lock in between. */
static void
test_fault_then_retry (Fixture *fixture,
                       gconstpointer user_data)
{
  const Fault *fault = user_data;
  g_autoptr(GError) error = NULL;

  rj_fault_vfs_arm (fault->ops, fault->sqlite_code, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *marker = g_strdup_printf ("typing%u", i);
      g_autoptr(RjEntry) edit = make_edit (&fixture->new_day, marker);

      save_async (fixture->store, edit, &error);
      assert_error (error, fault);
      g_clear_error (&error);
    }
  rj_fault_vfs_disarm ();

  {
    g_autoptr(RjEntry) edit = make_edit (&fixture->new_day, "typing-last");

    save_async (fixture->store, edit, &error);
    g_assert_no_error (error);
    g_hash_table_insert (fixture->stored,
                         GUINT_TO_POINTER (g_date_get_julian (&fixture->new_day)),
                         rj_entry_ref (edit));
  }
  lock_and_reopen (fixture);
  rj_test_assert_entries (fixture->store, fixture->stored);
}

/* A day cleared while the disk is full, then saved empty again once there is space:
 * the day's row must go, and not come back after the lock. */
static void
test_fault_delete (Fixture *fixture,
                   gconstpointer user_data)
{
  const Fault *fault = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RjEntry) empty = rj_entry_new (&fixture->edit_day);

  rj_fault_vfs_arm (fault->ops, fault->sqlite_code, 0);
  save_async (fixture->store, empty, &error);
  assert_error (error, fault);
  g_clear_error (&error);
  g_assert_null (rj_store_dup_entry (fixture->store, &fixture->edit_day));
  rj_fault_vfs_disarm ();

  /* The check-in page writes the day again, as it is now: empty. */
  save_async (fixture->store, empty, &error);
  g_assert_no_error (error);
  g_hash_table_remove (fixture->stored, GUINT_TO_POINTER (g_date_get_julian (&fixture->edit_day)));
  lock_and_reopen (fixture);
  rj_test_assert_entries (fixture->store, fixture->stored);
}

/* The fault strikes at every write, sync or truncate of a save in turn: a save that
 * reports success is on disk, one that reports failure leaves the day as it was or as
 * edited (a failed sync may still have reached the disk), and every other day is
 * untouched. */
static void
test_fault_every_point (Fixture *fixture,
                        gconstpointer user_data)
{
  const Fault *fault = user_data;
  g_autoptr(GError) error = NULL;
  guint n_points;
  guint n_failed_saves = 0;

  /* How many calls one save makes. */
  {
    g_autoptr(RjEntry) edit = make_edit (&fixture->edit_day, "count");

    rj_fault_vfs_arm (fault->ops, fault->sqlite_code, G_MAXUINT);
    g_assert_true (rj_store_save_entry (fixture->store, edit, &error));
    g_assert_no_error (error);
    n_points = rj_fault_vfs_get_n_calls ();
    rj_fault_vfs_disarm ();
    g_hash_table_insert (fixture->stored,
                         GUINT_TO_POINTER (g_date_get_julian (&fixture->edit_day)),
                         rj_entry_ref (edit));
  }
  g_assert_cmpuint (n_points, >, 0);

  for (guint point = 0; point <= n_points; point++)
    {
      g_autofree char *marker = g_strdup_printf ("point%u", point);
      g_autoptr(RjEntry) edit = make_edit (&fixture->edit_day, marker);
      g_autoptr(RjEntry) read_back = NULL;
      const RjEntry *before = g_hash_table_lookup (fixture->stored,
        GUINT_TO_POINTER (g_date_get_julian (&fixture->edit_day)));
      gboolean ok;

      rj_fault_vfs_arm (fault->ops, fault->sqlite_code, point);
      ok = rj_store_save_entry (fixture->store, edit, &error);
      if (!ok)
        {
          assert_error (error, fault);
          g_clear_error (&error);
          n_failed_saves++;
        }
      /* Locking may fail to checkpoint while the fault lasts; nothing is lost. */
      lock_and_reopen (fixture);
      rj_fault_vfs_disarm ();

      read_back = rj_store_dup_entry (fixture->store, &fixture->edit_day);
      g_assert_nonnull (read_back);
      if (ok)
        g_assert_true (rj_entry_equal (read_back, edit));
      else
        g_assert_true (rj_entry_equal (read_back, edit) || rj_entry_equal (read_back, before));
      g_hash_table_insert (fixture->stored,
                           GUINT_TO_POINTER (g_date_get_julian (&fixture->edit_day)),
                           g_steal_pointer (&read_back));
      rj_test_assert_entries (fixture->store, fixture->stored);

      /* And the next save goes through. */
      {
        g_autofree char *next_marker = g_strdup_printf ("after%u", point);
        g_autoptr(RjEntry) next = make_edit (&fixture->new_day, next_marker);

        g_assert_true (rj_store_save_entry (fixture->store, next, &error));
        g_assert_no_error (error);
        g_hash_table_insert (fixture->stored,
                             GUINT_TO_POINTER (g_date_get_julian (&fixture->new_day)),
                             g_steal_pointer (&next));
      }
    }
  g_test_message ("%s: %u points in one save, %u saves failed", fault->name, n_points,
                  n_failed_saves);
  g_assert_cmpuint (n_failed_saves, >=, 1);
  lock_and_reopen (fixture);
  rj_test_assert_entries (fixture->store, fixture->stored);
}

static gboolean
try_unlock (RjStore *store,
            const char *secret,
            gboolean is_recovery_code)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = is_recovery_code
    ? rj_store_unlock_with_recovery_code (store, secret, &error)
    : rj_store_unlock (store, secret, strlen (secret), &error);

  if (ok)
    g_assert_true (rj_store_lock (store, NULL));
  else
    g_assert_true (g_error_matches (error, RJ_STORE_ERROR, is_recovery_code
                                    ? RJ_STORE_ERROR_WRONG_RECOVERY_CODE
                                    : RJ_STORE_ERROR_WRONG_PASSPHRASE));
  return ok;
}

/* A new passphrase or recovery code that cannot be written: a clear error, and the old
 * passphrase and the old code still open the journal. After a failed sync SQLite
 * cannot tell whether the change reached the disk: there the journal must open with
 * the old passphrase or the new one, and the passphrase still opens it when a new
 * code was being written. */
static void
test_fault_keyslots (Fixture *fixture,
                     gconstpointer user_data)
{
  const Fault *fault = user_data;
  const gboolean may_have_landed = (fault->ops & RJ_FAULT_SYNC) != 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *new_code = NULL;
  gboolean old_opens, new_opens;
  RjKdfParams params;

  /* A journal whose recovery code the test knows. */
  g_clear_object (&fixture->store);
  g_remove (fixture->path);
  fixture->store = rj_test_create_store (fixture->path, RJ_TEST_PASSPHRASE, &code);
  rj_kdf_params_fast_for_tests (&params);

  rj_fault_vfs_arm (fault->ops, fault->sqlite_code, 0);
  g_assert_false (rj_store_change_passphrase (fixture->store, "a new passphrase", &params,
                                              &error));
  assert_error (error, fault);
  g_clear_error (&error);
  g_assert_true (rj_store_lock (fixture->store, NULL));
  rj_fault_vfs_disarm ();

  old_opens = try_unlock (fixture->store, RJ_TEST_PASSPHRASE, FALSE);
  new_opens = try_unlock (fixture->store, "a new passphrase", FALSE);
  g_test_message ("%s: after a failed passphrase change, the old one opens: %d, the new "
                  "one: %d", fault->name, old_opens, new_opens);
  g_assert_true (old_opens != new_opens);
  if (!may_have_landed)
    g_assert_true (old_opens);

  g_assert_true (rj_store_unlock_with_recovery_code (fixture->store, code, &error));
  g_assert_no_error (error);
  rj_fault_vfs_arm (fault->ops, fault->sqlite_code, 0);
  new_code = rj_store_new_recovery_code (fixture->store, &error);
  g_assert_null (new_code);
  assert_error (error, fault);
  g_clear_error (&error);
  g_assert_true (rj_store_lock (fixture->store, NULL));
  rj_fault_vfs_disarm ();

  old_opens = try_unlock (fixture->store, code, TRUE);
  g_test_message ("%s: after a failed new recovery code, the old code opens: %d",
                  fault->name, old_opens);
  if (!may_have_landed)
    g_assert_true (old_opens);
  g_assert_true (try_unlock (fixture->store, RJ_TEST_PASSPHRASE, FALSE) ||
                 try_unlock (fixture->store, "a new passphrase", FALSE));
}

/* Creating a journal on a full disk fails plainly and leaves nothing in the way of
 * creating it once there is space. */
static void
test_create_disk_full (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-faults-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjStore) store = rj_store_new (path);
  g_autoptr(GError) error = NULL;
  RjKdfParams params;

  rj_kdf_params_fast_for_tests (&params);
  rj_fault_vfs_arm (RJ_FAULT_WRITE, SQLITE_FULL, 0);
  g_assert_false (rj_store_create (store, RJ_TEST_PASSPHRASE, &params, NULL, &error));
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DISK_FULL);
  g_assert_false (rj_store_is_unlocked (store));
  g_clear_error (&error);
  rj_fault_vfs_disarm ();

  g_assert_false (rj_store_exists (store));
  g_assert_true (rj_store_create (store, RJ_TEST_PASSPHRASE, &params, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_lock (store, NULL));
  g_clear_object (&store);
  store = rj_test_open_store (path, RJ_TEST_PASSPHRASE);
  g_clear_object (&store);
  rj_test_remove_tree (dir);
}

/* Creating is one transaction of several statements: the fault strikes at every write,
 * sync or truncate of it in turn. A creation that fails leaves no journal, only a file
 * that a second creation reuses; one that succeeds opens. */
static void
test_create_every_point (gconstpointer user_data)
{
  const Fault *fault = user_data;
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-faults-XXXXXX");
  RjKdfParams params;
  guint n_points;
  guint n_failed = 0;

  rj_kdf_params_fast_for_tests (&params);
  {
    g_autofree char *path = g_build_filename (dir, "count.db", NULL);
    g_autoptr(RjStore) store = rj_store_new (path);

    rj_fault_vfs_arm (fault->ops, fault->sqlite_code, G_MAXUINT);
    g_assert_true (rj_store_create (store, RJ_TEST_PASSPHRASE, &params, NULL, NULL));
    n_points = rj_fault_vfs_get_n_calls ();
    rj_fault_vfs_disarm ();
  }

  for (guint point = 0; point <= n_points; point++)
    {
      g_autofree char *name = g_strdup_printf ("journal-%u.db", point);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(RjStore) store = rj_store_new (path);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      rj_fault_vfs_arm (fault->ops, fault->sqlite_code, point);
      ok = rj_store_create (store, RJ_TEST_PASSPHRASE, &params, NULL, &error);
      g_assert_true (rj_store_lock (store, NULL));
      rj_fault_vfs_disarm ();

      if (!ok)
        {
          assert_error (error, fault);
          g_clear_error (&error);
          n_failed++;
          /* What a failed sync wrote may still be found; anything else left no journal. */
          if (!(fault->ops & RJ_FAULT_SYNC))
            g_assert_false (rj_store_exists (store));
          if (!rj_store_exists (store))
            {
              g_assert_true (rj_store_create (store, RJ_TEST_PASSPHRASE, &params, NULL,
                                              &error));
              g_assert_no_error (error);
              g_assert_true (rj_store_lock (store, NULL));
            }
        }
      {
        g_autofree char *integrity = rj_test_sqlite_integrity (path);
        g_autoptr(RjStore) opened = rj_test_open_store (path, RJ_TEST_PASSPHRASE);

        g_assert_cmpstr (integrity, ==, "ok");
        g_assert_cmpuint (rj_store_get_n_damaged (opened), ==, 0);
      }
    }
  g_test_message ("%s: %u points in a creation, %u creations failed", fault->name, n_points,
                  n_failed);
  g_assert_cmpuint (n_failed, >=, 1);
  rj_test_remove_tree (dir);
}

/* Out of memory in the key derivation. */

static gsize
current_address_space (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmSize:");
  g_assert_nonnull (line);
  return (gsize) g_ascii_strtoull (line + strlen ("VmSize:"), NULL, 10) * 1024;
}

static void
assert_no_memory (const GError *error)
{
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NO_MEMORY);
  g_assert_nonnull (strstr (error->message, "enough free memory"));
  g_assert_nonnull (strstr (error->message, "try again"));
}

static void
test_kdf_no_memory (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = rj_test_make_tmp_dir ("rj-faults-XXXXXX");
      g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
      g_autofree char *other = g_build_filename (dir, "other.db", NULL);
      g_autoptr(RjStore) store = rj_store_new (path);
      g_autoptr(RjStore) second = rj_store_new (other);
      g_autoptr(GError) error = NULL;
      RjKdfParams params;
      struct rlimit limit;

      /* A journal with the real memory cost, one pass to be quick. */
      rj_kdf_params_default (&params);
      params.opslimit = 1;
      g_assert_true (rj_store_create (store, RJ_TEST_PASSPHRASE, &params, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (rj_store_lock (store, NULL));

      /* Room for what the process has and a little more, not for 256 MiB. */
      g_assert_cmpint (getrlimit (RLIMIT_AS, &limit), ==, 0);
      limit.rlim_cur = current_address_space () + 96 * 1024 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);

      g_assert_false (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                       &error));
      assert_no_memory (error);
      g_test_message ("unlock: %s", error->message);
      g_clear_error (&error);
      g_assert_false (rj_store_is_unlocked (store));

      g_assert_false (rj_store_create (second, RJ_TEST_PASSPHRASE, &params, NULL, &error));
      assert_no_memory (error);
      g_clear_error (&error);
      /* Calibrating the cost for a new journal runs out the same way. */
      g_assert_false (rj_store_create (second, RJ_TEST_PASSPHRASE, NULL, NULL, &error));
      assert_no_memory (error);
      g_clear_error (&error);
      g_assert_false (rj_store_exists (second));

      /* Memory again: the same passphrase opens the journal. */
      limit.rlim_cur = limit.rlim_max;
      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
      g_assert_true (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                      &error));
      g_assert_no_error (error);
      g_clear_object (&store);
      g_clear_object (&second);
      rj_test_remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
add_fault_tests (const char *what,
                 void (*func) (Fixture *, gconstpointer))
{
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/faults/%s/%s", what, faults[i].name);

      g_test_add (path, Fixture, &faults[i], fixture_set_up, func, fixture_tear_down);
    }
}

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);
  /* Before any journal opens: every connection goes through it. */
  rj_fault_vfs_register ();

  add_fault_tests ("edit", test_fault_edit);
  add_fault_tests ("new-day-async", test_fault_edit_async);
  add_fault_tests ("retry", test_fault_then_retry);
  add_fault_tests ("delete", test_fault_delete);
  add_fault_tests ("every-point", test_fault_every_point);
  add_fault_tests ("keyslots", test_fault_keyslots);
  g_test_add_func ("/faults/create-disk-full", test_create_disk_full);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/faults/create-every-point/%s", faults[i].name);

      g_test_add_data_func (path, &faults[i], test_create_every_point);
    }
  g_test_add_func ("/faults/kdf-no-memory", test_kdf_no_memory);

  return g_test_run ();
}
