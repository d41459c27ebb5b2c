/* test-memory.c: once the journal is locked, the process's memory holds no copy of the
 * passphrase, the master key, the recovery code or the client's words.
 *
 * Every secret is random, made at run time into one buffer that is handed to the store
 * and then wiped; the test keeps it only XOR-masked (rj-heap-scan), so that the scan
 * does not find the test's own copy. The scan reads every writable private mapping:
 * the heap (freed blocks included: glibc does not clear them), anonymous mappings,
 * thread stacks and libraries' data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-memory"

#include "config.h"

#include <malloc.h>
#include <string.h>

#include "rj-heap-scan.h"
#include "rj-store-private.h"
#include "rj-test-util.h"

typedef enum {
  NEEDLE_PASSPHRASE,
  NEEDLE_MASTER_KEY,
  NEEDLE_RECOVERY_CODE,
  NEEDLE_CANARY,
  N_NEEDLES
} NeedleKind;

static const char *const needle_labels[N_NEEDLES] = {
  "passphrase", "master key", "recovery code", "canary",
};

typedef struct {
  char *dir;
  char *path;
  RjNeedle *needles[N_NEEDLES];
} Fixture;

/* A random text of @n_random characters after @prefix, made in place. */
static char *
random_text (const char *prefix,
             gsize n_random)
{
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
  gsize prefix_len = strlen (prefix);
  char *text = g_malloc (prefix_len + n_random + 1);

  memcpy (text, prefix, prefix_len);
  for (gsize i = 0; i < n_random; i++)
    text[prefix_len + i] = alphabet[randombytes_uniform (sizeof alphabet - 1)];
  text[prefix_len + n_random] = '\0';
  return text;
}

static void
wipe_text (char *text)
{
  sodium_memzero (text, strlen (text));
  g_free (text);
}

static void
fixture_set_up (Fixture *fixture,
                gconstpointer user_data)
{
  fixture->dir = rj_test_make_tmp_dir ("rj-memory-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "journal.db", NULL);
}

static void
fixture_tear_down (Fixture *fixture,
                   gconstpointer user_data)
{
  for (guint i = 0; i < N_NEEDLES; i++)
    g_clear_pointer (&fixture->needles[i], rj_needle_free);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
set_needle (Fixture *fixture,
            NeedleKind kind,
            const void *secret,
            gsize len)
{
  g_clear_pointer (&fixture->needles[kind], rj_needle_free);
  fixture->needles[kind] = rj_needle_new (needle_labels[kind], secret, len);
}

/* An entry whose free texts hold @canary, as a client's would: the note, a craving's
 * words, a win. */
static RjEntry *
canary_entry (const GDate *date,
              const char *canary)
{
  RjEntry *entry = rj_entry_new (date);
  RjCraving *craving = rj_entry_add_craving (entry);

  entry->mood = 6;
  rj_note_set (&entry->notes, canary, FALSE);
  rj_note_set (&craving->trigger_words, canary, TRUE);
  craving->intensity = 7;
  rj_entry_add_win (entry, canary, FALSE);
  return entry;
}

static void
save_done_cb (GObject *object,
              GAsyncResult *result,
              gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_store_save_entry_finish (RJ_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Saves canary entries for @n_days days from @first, through both the calling thread
 * and the writer thread. */
static void
save_canaries (RjStore *store,
               const char *canary,
               guint first_day,
               guint n_days)
{
  GDate first;
  g_autoptr(GError) error = NULL;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, first_day, G_DATE_NOVEMBER, 2026);

  for (guint i = 0; i < n_days; i++)
    {
      GDate date = first;
      g_autoptr(RjEntry) entry = NULL;

      g_date_add_days (&date, i);
      entry = canary_entry (&date, canary);
      if (i % 2 == 0)
        {
          g_assert_true (rj_store_save_entry (store, entry, &error));
          g_assert_no_error (error);
        }
      else
        {
          gboolean done = FALSE;

          rj_store_save_entry_async (store, entry, NULL, save_done_cb, &done);
          while (!done)
            g_main_context_iteration (NULL, TRUE);
        }
    }

  /* No read back here: copying entries takes the heap blocks that the writes freed and
   * wipes them when the copies go, which would hide what the writes left behind. */
}

/* The journal-wide data holds words as private as the entries: the client's name and a
 * support contact's note. */
static void
save_profile_canary (RjStore *store,
                     const char *canary)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (store);
  g_autoptr(GError) error = NULL;
  RjContact *contact;

  rj_wipe_string (profile->client_name);
  profile->client_name = g_strdup (canary);
  contact = rj_profile_add_contact (profile, "Sam", "555 0100");
  rj_wipe_string (contact->note);
  contact->note = g_strdup (canary);
  g_assert_true (rj_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
}

static void
keep_master_key (Fixture *fixture,
                 RjStore *store)
{
  guint8 key[RJ_KEY_BYTES];

  g_assert_true (rj_store_copy_master_key_for_testing (store, key));
  set_needle (fixture, NEEDLE_MASTER_KEY, key, sizeof key);
  sodium_memzero (key, sizeof key);
}

/* Scans for every needle; prints the counts, and where each copy is, then asserts that
 * there is none. */
static void
scan_and_assert (Fixture *fixture,
                 const char *when)
{
  guint counts[N_NEEDLES] = { 0 };
  g_autoptr(GString) where = g_string_new (NULL);
  guint total = 0;

  /* Counted first without a note of where: noting allocates, and could take the place
   * of a freed block that holds a copy. */
  for (guint i = 0; i < N_NEEDLES; i++)
    if (fixture->needles[i] != NULL)
      {
        counts[i] = rj_heap_scan_count (fixture->needles[i], NULL);
        total += counts[i];
      }
  if (total > 0)
    for (guint i = 0; i < N_NEEDLES; i++)
      if (fixture->needles[i] != NULL)
        rj_heap_scan_count (fixture->needles[i], where);
  g_test_message ("%s: found %u copies of passphrase / %u of master key / %u of code / "
                  "%u of canary", when, counts[NEEDLE_PASSPHRASE], counts[NEEDLE_MASTER_KEY],
                  counts[NEEDLE_RECOVERY_CODE], counts[NEEDLE_CANARY]);
  if (total > 0)
    g_test_message ("where:\n%s", where->str);

  for (guint i = 0; i < N_NEEDLES; i++)
    if (counts[i] != 0)
      g_error ("%s: %u copies of the %s remain in memory", when, counts[i], needle_labels[i]);
}

/* The scanner finds what is there: a sanity check, so that a count of 0 means
 * something. */
static void
test_scanner_finds (void)
{
  char *text = random_text ("scanner-", 40);
  g_autoptr(RjNeedle) needle = rj_needle_new ("probe", text, strlen (text));
  char *copy = g_strdup (text);

  g_assert_cmpuint (rj_heap_scan_count (needle, NULL), ==, 2);
  wipe_text (copy);
  g_assert_cmpuint (rj_heap_scan_count (needle, NULL), ==, 1);

  /* A block freed without wiping still holds most of the text: glibc writes its list
   * pointers over the first 16 bytes only. */
  copy = g_strdup (text);
  g_free (copy);
  g_assert_cmpuint (rj_heap_scan_count (needle, NULL), ==, 2);
  copy = g_malloc (2000);
  strcpy (copy + 1000, text);
  g_free (copy);
  g_assert_cmpuint (rj_heap_scan_count (needle, NULL), ==, 3);

  /* The two freed blocks remain when the original is wiped. */
  wipe_text (text);
  g_assert_cmpuint (rj_heap_scan_count (needle, NULL), ==, 2);
}

static void
keep_result_cb (GObject *object,
                GAsyncResult *result,
                gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Create, write, lock: nothing left. */
static void
test_create_then_lock (Fixture *fixture,
                       gconstpointer user_data)
{
  g_autoptr(RjStore) store = rj_store_new (fixture->path);
  g_autoptr(GError) error = NULL;
  char *passphrase = random_text ("pass-", 40);
  char *canary = random_text ("canary-", 400);
  char *code = NULL;
  RjKdfParams params;

  set_needle (fixture, NEEDLE_PASSPHRASE, passphrase, strlen (passphrase));
  set_needle (fixture, NEEDLE_CANARY, canary, strlen (canary));

  /* Created as the app does it, off the main thread. */
  rj_kdf_params_fast_for_tests (&params);
  {
    g_autoptr(GAsyncResult) result = NULL;

    rj_store_create_async (store, passphrase, &params, NULL, keep_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (rj_store_create_finish (store, result, &code, &error));
    g_assert_no_error (error);
  }
  wipe_text (passphrase);
  set_needle (fixture, NEEDLE_RECOVERY_CODE, code, strlen (code));
  rj_wipe_string (code);
  keep_master_key (fixture, store);

  save_canaries (store, canary, 1, 6);
  save_profile_canary (store, canary);
  wipe_text (canary);

  g_test_message ("while unlocked: %u copies of the canary, the store's own",
                  rj_heap_scan_count (fixture->needles[NEEDLE_CANARY], NULL));
  /* While unlocked, the store holds the key and the entries: the scan must see them. */
  g_assert_cmpuint (rj_heap_scan_count (fixture->needles[NEEDLE_MASTER_KEY], NULL), >=, 1);
  g_assert_cmpuint (rj_heap_scan_count (fixture->needles[NEEDLE_CANARY], NULL), >=, 18 + 2);

  g_assert_true (rj_store_lock (store, &error));
  g_assert_no_error (error);
  scan_and_assert (fixture, "after create and lock");
}

/* Unlock from disk, with the passphrase and then with the recovery code, through the
 * async calls the app uses; edit; lock: nothing left. */
static void
test_unlock_edit_lock (Fixture *fixture,
                       gconstpointer user_data)
{
  g_autoptr(GError) error = NULL;
  char *passphrase = random_text ("pass-", 40);
  char *canary = random_text ("canary-", 400);
  char *code = NULL;

  set_needle (fixture, NEEDLE_PASSPHRASE, passphrase, strlen (passphrase));
  set_needle (fixture, NEEDLE_CANARY, canary, strlen (canary));

  {
    g_autoptr(RjStore) store = rj_store_new (fixture->path);
    RjKdfParams params;

    rj_kdf_params_fast_for_tests (&params);
    g_assert_true (rj_store_create (store, passphrase, &params, &code, &error));
    g_assert_no_error (error);
    set_needle (fixture, NEEDLE_RECOVERY_CODE, code, strlen (code));
    save_canaries (store, canary, 1, 4);
    g_assert_true (rj_store_lock (store, &error));
  }

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(RjStore) store = rj_store_new (fixture->path);
      g_autoptr(GAsyncResult) result = NULL;

      if (round == 0)
        g_assert_true (rj_store_unlock (store, passphrase, strlen (passphrase), &error));
      else
        {
          rj_store_unlock_async (store, round == 1 ? passphrase : code, round == 2, NULL,
                                 keep_result_cb, &result);
          while (result == NULL)
            g_main_context_iteration (NULL, TRUE);
          g_assert_true (rj_store_unlock_finish (store, result, &error));
        }
      g_assert_no_error (error);
      if (round == 0)
        keep_master_key (fixture, store);
      g_assert_cmpuint (rj_store_get_n_entries (store), ==, 4 + round);
      save_canaries (store, canary, 3 + round, 3);
      g_assert_true (rj_store_lock (store, &error));
      g_assert_no_error (error);
    }

  wipe_text (passphrase);
  rj_wipe_string (code);
  wipe_text (canary);
  scan_and_assert (fixture, "after unlock, edit and lock");
}

/* Under AddressSanitizer (RJ_TEST_SANITIZERS, set for builds with b_sanitize) the scan
 * means nothing and never ends: freed blocks wait in ASan's quarantine with their
 * content, and its shadow memory is terabytes of writable private mapping. */
static void
test_skipped_under_sanitizers (void)
{
  g_test_skip ("The heap scan is meaningless under AddressSanitizer; the normal build runs it");
}

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);
  if (g_getenv ("RJ_TEST_SANITIZERS") != NULL)
    {
      g_test_add_func ("/memory/sanitizers", test_skipped_under_sanitizers);
      return g_test_run ();
    }
  /* `meson test` sets MALLOC_PERTURB_, which makes glibc fill freed blocks and so would
   * hide what the app, which runs without it, leaves behind. */
  mallopt (M_PERTURB, 0);

  g_test_add_func ("/memory/scanner-finds", test_scanner_finds);
  g_test_add ("/memory/create-then-lock", Fixture, NULL, fixture_set_up, test_create_then_lock,
              fixture_tear_down);
  g_test_add ("/memory/unlock-edit-lock", Fixture, NULL, fixture_set_up, test_unlock_edit_lock,
              fixture_tear_down);

  return g_test_run ();
}
