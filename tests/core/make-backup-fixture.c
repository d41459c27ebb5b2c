/* make-backup-fixture.c: made tests/fixtures/backup-v1.rjbackup, once.
 *
 *   make-backup-fixture KNOWN-ANSWER-JOURNAL OUTPUT
 *
 * Copies the known-answer journal (tests/fixtures/known-answer-v1.db, passphrase
 * "known answer, version 1") into a temporary folder, unlocks the copy and writes a
 * backup of it in backup format version 1. The file it made is committed and must
 * keep restoring, with the values test-backup.c checks, in every later version of the
 * app. Do not run this again to "update" the fixture: a new format gets a new fixture
 * beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "make-backup-fixture"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rj-backup.h"

#define PASSPHRASE "known answer, version 1"

int
main (int argc,
      char *argv[])
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: make-backup-fixture KNOWN-ANSWER-JOURNAL OUTPUT\n");
      return 2;
    }
  if (!rj_crypto_init ())
    return 2;

  /* The fixture itself is never opened: SQLite would write beside it. */
  dir = g_dir_make_tmp ("make-backup-fixture-XXXXXX", &error);
  if (dir == NULL ||
      !g_file_get_contents (argv[1], &contents, &len, &error) ||
      !g_file_set_contents (copy = g_build_filename (dir, "journal.db", NULL), contents, len,
                            &error))
    g_error ("%s", error->message);

  store = rj_store_new (copy);
  if (!rj_store_unlock (store, PASSPHRASE, strlen (PASSPHRASE), &error) ||
      !rj_store_write_backup (store, argv[2], &error))
    g_error ("%s", error->message);
  printf ("%u entries backed up to %s\n", rj_store_get_n_entries (store), argv[2]);
  if (!rj_store_lock (store, &error))
    g_error ("%s", error->message);

  g_clear_object (&store);
  g_unlink (copy);
  g_rmdir (dir);
  return 0;
}
