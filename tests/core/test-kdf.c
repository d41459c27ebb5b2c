/* test-kdf.c: the passphrase is stretched with real Argon2id costs: 256 MiB and at least
 * three passes, calibrated on this machine; tests can inject cheap ones.
 *
 * This test really runs Argon2id at 256 MiB a few times: it takes seconds, not minutes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-kdf"

#include "config.h"

#include <string.h>

#include "rj-keyslot.h"
#include "rj-test-util.h"

#define MIB ((gsize) 1024 * 1024)

/* Under valgrind (`meson test --setup valgrind`), Argon2id at 256 MiB takes minutes a
 * run: the tests that need the real costs skip, and the rest still run. */
static gboolean
skip_real_costs (void)
{
  if (g_getenv ("RJ_TEST_VALGRIND") == NULL)
    return FALSE;
  g_test_skip ("Argon2id at 256 MiB is too slow under valgrind");
  return TRUE;
}

static RjKeyslot
read_passphrase_slot (const char *path)
{
  sqlite3 *db = rj_test_sqlite_open (path);
  sqlite3_stmt *stmt = NULL;
  RjKeyslot slot;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM keyslots WHERE kind = 1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (rj_keyslot_parse (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0),
                                   &slot));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return slot;
}

static void
test_default (void)
{
  RjKdfParams params;

  rj_kdf_params_default (&params);
  g_assert_cmpuint (params.opslimit, >=, 3);
  g_assert_cmpuint (params.memlimit, ==, 256 * MIB);
}

static void
test_calibrate (void)
{
  g_autoptr(GError) error = NULL;
  RjKdfParams params = { 0, 0 };
  RjKdfParams quick = { 0, 0 };
  guint8 salt[RJ_SALT_BYTES] = { 0 };
  g_autoptr(RjKey) key = NULL;
  gint64 start;
  double seconds;

  if (skip_real_costs ())
    return;

  g_assert_true (rj_kdf_params_calibrate (&params, 1.0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (params.opslimit, >=, 3);
  g_assert_cmpuint (params.memlimit, ==, 256 * MIB);

  /* However fast the machine, never fewer than three passes. */
  g_assert_true (rj_kdf_params_calibrate (&quick, 0.001, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (quick.opslimit, ==, 3);
  g_assert_cmpuint (quick.memlimit, ==, 256 * MIB);
  g_assert_cmpuint (params.opslimit, >=, quick.opslimit);

  start = g_get_monotonic_time ();
  key = rj_kdf_derive_passphrase_key (RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE), salt,
                                      &params, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_nonnull (key);
  g_test_message ("Calibrated to %u passes of 256 MiB: one derivation takes %.2f s",
                  (guint) params.opslimit, seconds);
}

static void
test_derive (void)
{
  g_autoptr(GError) error = NULL;
  RjKdfParams fast;
  guint8 salt[RJ_SALT_BYTES] = { 1, 2, 3 };
  guint8 other_salt[RJ_SALT_BYTES] = { 1, 2, 4 };
  g_autoptr(RjKey) a = NULL;
  g_autoptr(RjKey) b = NULL;
  g_autoptr(RjKey) c = NULL;
  g_autoptr(RjKey) d = NULL;

  rj_kdf_params_fast_for_tests (&fast);
  /* Cheap, so that the other tests run quickly; still a valid Argon2id. */
  g_assert_cmpuint (fast.opslimit, <, 3);
  g_assert_cmpuint (fast.memlimit, <, 256 * MIB);

  a = rj_kdf_derive_passphrase_key ("secret", 6, salt, &fast, &error);
  b = rj_kdf_derive_passphrase_key ("secret", 6, salt, &fast, &error);
  c = rj_kdf_derive_passphrase_key ("secret", 6, other_salt, &fast, &error);
  d = rj_kdf_derive_passphrase_key ("Secret", 6, salt, &fast, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (rj_key_get_bytes (a), RJ_KEY_BYTES, rj_key_get_bytes (b), RJ_KEY_BYTES);
  g_assert_true (memcmp (rj_key_get_bytes (a), rj_key_get_bytes (c), RJ_KEY_BYTES) != 0);
  g_assert_true (memcmp (rj_key_get_bytes (a), rj_key_get_bytes (d), RJ_KEY_BYTES) != 0);
}

static void
test_store_calibrates (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-kdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjStore) store = rj_store_new (path);
  g_autoptr(GError) error = NULL;
  RjKeyslot slot;
  gint64 start;

  if (skip_real_costs ())
    {
      rj_test_remove_tree (dir);
      return;
    }

  /* Created without parameters, as the app does: the slot holds calibrated costs. */
  start = g_get_monotonic_time ();
  g_assert_true (rj_store_create (store, RJ_TEST_PASSPHRASE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("Creating took %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (rj_store_get_kdf_params (store)->opslimit, >=, 3);
  g_assert_cmpuint (rj_store_get_kdf_params (store)->memlimit, ==, 256 * MIB);
  g_assert_finalize_object (g_steal_pointer (&store));

  slot = read_passphrase_slot (path);
  g_assert_cmpuint (slot.kdf.opslimit, >=, 3);
  g_assert_cmpuint (slot.kdf.memlimit, ==, 256 * MIB);

  store = rj_store_new (path);
  start = g_get_monotonic_time ();
  g_assert_true (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE), &error));
  g_assert_no_error (error);
  g_test_message ("Unlocking took %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_finalize_object (g_steal_pointer (&store));
  rj_test_remove_tree (dir);
}

static void
test_store_injected (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-kdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (path, RJ_TEST_PASSPHRASE, NULL);
  RjKdfParams fast;
  RjKeyslot slot;

  /* Injected parameters are the ones stored, and a journal opens with what it has. */
  rj_kdf_params_fast_for_tests (&fast);
  g_assert_finalize_object (g_steal_pointer (&store));
  slot = read_passphrase_slot (path);
  g_assert_cmpuint (slot.kdf.opslimit, ==, fast.opslimit);
  g_assert_cmpuint (slot.kdf.memlimit, ==, fast.memlimit);
  store = rj_test_open_store (path, RJ_TEST_PASSPHRASE);
  g_assert_cmpuint (rj_store_get_kdf_params (store)->opslimit, ==, fast.opslimit);
  g_assert_finalize_object (g_steal_pointer (&store));
  rj_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);

  g_test_add_func ("/kdf/default", test_default);
  g_test_add_func ("/kdf/calibrate", test_calibrate);
  g_test_add_func ("/kdf/derive", test_derive);
  g_test_add_func ("/kdf/store-calibrates", test_store_calibrates);
  g_test_add_func ("/kdf/store-injected", test_store_injected);

  return g_test_run ();
}
