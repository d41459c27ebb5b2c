/* test-crash.c: a journal survives its writer being killed at any moment: the file stays
 * sound, every entry reported as saved is there, and a passphrase change is all or nothing.
 *
 * Each test kills its helper 500 times in the normal run; RJ_CRASH_CYCLES=N asks for N
 * (at least 200). The long run is RJ_CRASH_CYCLES=10000 (run it with `meson test -t 0`,
 * or the test's timeout stops it): about 20 minutes on two cores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "crash-common.h"
#include "rj-test-util.h"

#define MIN_CYCLES 200
#define DEFAULT_CYCLES 500
#define PASSPHRASE_A "the first passphrase"
#define PASSPHRASE_B "and the second one"

static guint n_cycles = DEFAULT_CYCLES;

static const char *
helper_path (const char *variable)
{
  const char *path = g_getenv (variable);

  if (path == NULL)
    g_error ("%s is not set: run this test through meson test", variable);
  return path;
}

/* Starts a helper, kills it with SIGKILL after @delay_us, and returns its output. */
static char *
run_and_kill (const char * const *argv,
              guint delay_us)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_usleep (delay_us);
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  /* A helper that stopped on its own hit an error: that is a failure of the store. */
  if (!g_subprocess_get_if_signaled (process))
    g_error ("%s exited by itself with status %d; its output:\n%s", argv[0],
             g_subprocess_get_exit_status (process), out);
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
  return out;
}

/* The last number after @prefix in @out, or @first - 1 when there is none. Also tells
 * whether @first_line came. */
static gint64
last_reported (const char *out,
               const char *prefix,
               gint64 first,
               const char *first_line,
               gboolean *started)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  gint64 last = first - 1;

  *started = FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], first_line))
        *started = TRUE;
      else if (g_str_has_prefix (lines[i], prefix))
        {
          gint64 n = g_ascii_strtoll (lines[i] + strlen (prefix), NULL, 10);

          /* Reports come in order, one for each operation. */
          g_assert_cmpint (n, ==, last + 1);
          last = n;
        }
    }
  return last;
}

static void
assert_sound_file (const char *path)
{
  g_autofree char *integrity = rj_test_sqlite_integrity (path);

  g_assert_cmpstr (integrity, ==, "ok");
}

/* Builds with sanitizers start and run the helpers a few times slower; they set
 * RJ_TEST_SLOWDOWN so that the kills still land among the writes. */
static guint
scaled_delay (guint delay_us)
{
  const char *slowdown = g_getenv ("RJ_TEST_SLOWDOWN");
  guint factor = slowdown != NULL ? (guint) g_ascii_strtoull (slowdown, NULL, 10) : 1;

  return delay_us * CLAMP (factor, 1, 20);
}

static guint
random_delay (void)
{
  /* Mostly while writing; sometimes while still opening. */
  if (g_test_rand_int_range (0, 10) == 0)
    return scaled_delay (g_test_rand_int_range (0, 8000));
  return scaled_delay (g_test_rand_int_range (5000, 60000));
}

static void
apply_op (GHashTable *expected,
          guint32 run,
          guint k,
          const RjProfile *profile)
{
  GDate date;
  RjEntry *entry = crash_op (run, k, profile, &date);
  gpointer key = GUINT_TO_POINTER (g_date_get_julian (&date));

  if (entry == NULL)
    g_hash_table_remove (expected, key);
  else
    g_hash_table_replace (expected, key, entry);
}

static void
test_writer_killed (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (NULL, NULL, NULL,
                                                          (GDestroyNotify) rj_entry_unref);
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  const char *writer = helper_path ("RJ_CRASH_WRITER");
  guint n_reported = 0, n_unreported_applied = 0, n_killed_opening = 0;
  gint64 start = g_get_monotonic_time ();

  g_object_unref (rj_test_create_store (path, RJ_TEST_PASSPHRASE, NULL));

  for (guint32 run = 0; run < n_cycles; run++)
    {
      g_autofree char *run_text = g_strdup_printf ("%u", run);
      const char *argv[] = { writer, path, RJ_TEST_PASSPHRASE, run_text, NULL };
      g_autofree char *out = run_and_kill (argv, random_delay ());
      gboolean started;
      gint64 last = last_reported (out, "saved ", 0, "ready", &started);
      g_autoptr(RjStore) store = NULL;
      GDate in_flight_date;
      g_autoptr(RjEntry) in_flight = NULL;
      g_autoptr(RjEntry) on_disk = NULL;
      RjEntry *before;

      n_killed_opening += !started;
      for (guint k = 0; (gint64) k <= last; k++)
        apply_op (expected, run, k, profile);
      n_reported += last + 1;

      /* The file itself is sound ... */
      assert_sound_file (path);

      /* ... and it holds every reported entry. The one being written when the kill
       * came may or may not have landed: either is fine, but nothing in between. */
      store = rj_test_open_store (path, RJ_TEST_PASSPHRASE);
      g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
      in_flight = crash_op (run, last + 1, profile, &in_flight_date);
      on_disk = rj_store_dup_entry (store, &in_flight_date);
      before = g_hash_table_lookup (expected,
                                    GUINT_TO_POINTER (g_date_get_julian (&in_flight_date)));
      if (started)
        {
          gboolean is_new = in_flight != NULL ? (on_disk != NULL && rj_entry_equal (on_disk, in_flight))
                                              : on_disk == NULL;
          gboolean is_old = before != NULL ? (on_disk != NULL && rj_entry_equal (on_disk, before))
                                           : on_disk == NULL;

          g_assert_true (is_new || is_old);
          if (is_new && !is_old)
            {
              apply_op (expected, run, last + 1, profile);
              n_unreported_applied++;
            }
        }
      rj_test_assert_entries (store, expected);
      g_assert_finalize_object (g_steal_pointer (&store));
    }

  g_test_message ("%u kills: %u entries reported saved, %u saved but not yet reported, "
                  "%u kills while opening, %.1f s",
                  n_cycles, n_reported, n_unreported_applied, n_killed_opening,
                  (g_get_monotonic_time () - start) / 1e6);
  /* The kills really landed among the writes. */
  g_assert_cmpuint (n_reported, >, n_cycles);
  rj_test_remove_tree (dir);
}

static void
test_passphrase_change_killed (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-crash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (NULL, NULL, NULL,
                                                          (GDestroyNotify) rj_entry_unref);
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  g_autofree char *recovery_code = NULL;
  const char *helper = helper_path ("RJ_CRASH_PASSPHRASE");
  const char *current = PASSPHRASE_A;
  guint n_changes = 0, n_unreported = 0;
  GDate date;
  g_autoptr(GError) error = NULL;

  store = rj_test_create_store (path, PASSPHRASE_A, &recovery_code);
  g_date_set_dmy (&date, 1, G_DATE_OCTOBER, 2026);
  for (guint i = 0; i < 20; i++, g_date_add_days (&date, 1))
    {
      RjEntry *entry = rj_demo_entry (rand, &date, profile);

      g_assert_true (rj_store_save_entry (store, entry, &error));
      g_assert_no_error (error);
      g_hash_table_insert (expected, GUINT_TO_POINTER (g_date_get_julian (&date)), entry);
    }
  g_assert_finalize_object (g_steal_pointer (&store));

  for (guint run = 0; run < n_cycles; run++)
    {
      const char *other = current == (const char *) PASSPHRASE_A ? PASSPHRASE_B : PASSPHRASE_A;
      const char *argv[] = { helper, path, current, other, NULL };
      g_autofree char *out = run_and_kill (argv, scaled_delay (g_test_rand_int_range (0, 40000)));
      gboolean started;
      gint64 last = last_reported (out, "changed ", 1, "ready", &started);
      /* After an odd number of reported changes, the other one was set last. */
      const char *reported = last >= 1 && last % 2 == 1 ? other : current;
      const char *unreported = reported == other ? current : other;

      n_changes += last;
      assert_sound_file (path);

      store = rj_store_new (path);
      if (!rj_store_unlock (store, reported, strlen (reported), &error))
        {
          /* Only a change that was under way may have landed: then the other opens. */
          g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_PASSPHRASE);
          g_clear_error (&error);
          g_assert_true (rj_store_unlock (store, unreported, strlen (unreported), &error));
          g_assert_no_error (error);
          current = unreported;
          n_unreported++;
        }
      else
        current = reported;
      g_assert_cmpuint (rj_store_get_n_damaged (store), ==, 0);
      rj_test_assert_entries (store, expected);
      g_assert_finalize_object (g_steal_pointer (&store));

      /* The recovery code opens throughout. */
      if (run % 10 == 0)
        {
          store = rj_store_new (path);
          g_assert_true (rj_store_unlock_with_recovery_code (store, recovery_code, &error));
          g_assert_no_error (error);
          g_assert_finalize_object (g_steal_pointer (&store));
        }
    }

  g_test_message ("%u kills: %u passphrase changes reported, %u landed unreported",
                  n_cycles, n_changes, n_unreported);
  g_assert_cmpuint (n_changes, >, n_cycles);
  rj_test_remove_tree (dir);
}

static void
test_create_killed (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-crash-XXXXXX");
  const char *writer = helper_path ("RJ_CRASH_WRITER");
  guint n_created = 0, n_redone = 0, n_unreported = 0;
  guint cycles = MAX (n_cycles / 4, 50);

  /* A first start that dies while creating the journal leaves either a whole journal or
   * one that can be created again: never a file that blocks the way and opens to nothing. */
  for (guint run = 0; run < cycles; run++)
    {
      g_autofree char *path = g_strdup_printf ("%s/journal-%u.db", dir, run);
      g_autofree char *run_text = g_strdup_printf ("%u", run);
      const char *argv[] = { writer, "--create", path, RJ_TEST_PASSPHRASE, run_text, NULL };
      g_autofree char *out = run_and_kill (argv, scaled_delay (g_test_rand_int_range (0, 25000)));
      g_autoptr(RjStore) store = rj_store_new (path);
      g_autoptr(GError) error = NULL;
      gboolean created = g_str_has_prefix (out, "created ");

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        assert_sound_file (path);
      if (created || rj_store_exists (store))
        {
          g_assert_true (rj_store_unlock (store, RJ_TEST_PASSPHRASE, strlen (RJ_TEST_PASSPHRASE),
                                          &error));
          g_assert_no_error (error);
          if (created)
            {
              g_auto(GStrv) lines = g_strsplit (out + strlen ("created "), "\n", 2);
              const char *code = lines[0];
              g_autoptr(RjStore) by_code = rj_store_new (path);

              g_assert_true (rj_store_unlock_with_recovery_code (by_code, code, &error));
              g_assert_no_error (error);
              n_created++;
            }
          else
            n_unreported++;
        }
      else
        {
          RjKdfParams fast;

          rj_kdf_params_fast_for_tests (&fast);
          g_assert_true (rj_store_create (store, RJ_TEST_PASSPHRASE, &fast, NULL, &error));
          g_assert_no_error (error);
          n_redone++;
        }
    }
  g_test_message ("%u kills: %u created, %u created but not reported, %u created again",
                  cycles, n_created, n_unreported, n_redone);
  /* That the kills fell both before and after the creation is a matter of timing: it
   * holds over the normal run's hundreds of kills, not over valgrind's few slow ones,
   * where it is only reported. */
  if (cycles >= MIN_CYCLES)
    {
      g_assert_cmpuint (n_redone, >, 0);
      g_assert_cmpuint (n_created, >, 0);
    }
  rj_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  const char *cycles = g_getenv ("RJ_CRASH_CYCLES");

  rj_test_init (&argc, &argv);
  /* Under valgrind (RJ_TEST_VALGRIND, set by `meson test --setup valgrind`) every
   * reopening is slow, and the setup asks for fewer cycles than the normal minimum. */
  if (cycles != NULL)
    n_cycles = MAX (g_getenv ("RJ_TEST_VALGRIND") != NULL ? 1 : MIN_CYCLES,
                    (guint) g_ascii_strtoull (cycles, NULL, 10));

  g_test_add_func ("/crash/writer-killed", test_writer_killed);
  g_test_add_func ("/crash/passphrase-change-killed", test_passphrase_change_killed);
  g_test_add_func ("/crash/create-killed", test_create_killed);

  return g_test_run ();
}
