/* crash-writer.c: writes entries until it is killed, reporting each one after its commit.
 *
 *   crash-writer PATH PASSPHRASE RUN           open the journal, then write and delete days
 *   crash-writer --create PATH PASSPHRASE RUN  create the journal first
 *
 * Prints "ready" once the journal is open ("created CODE" after creating it), then
 * "saved K" after operation K has returned, so every reported operation is on disk.
 * Every 20 operations it locks and unlocks the journal, as a client would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crash-writer"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crash-common.h"
#include "rj-store.h"

int
main (int argc,
      char *argv[])
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  g_autoptr(GError) error = NULL;
  gboolean create = FALSE;
  const char *path, *passphrase;
  guint32 run;

  if (argc > 1 && strcmp (argv[1], "--create") == 0)
    {
      create = TRUE;
      argv++;
      argc--;
    }
  if (argc != 4)
    {
      fprintf (stderr, "usage: crash-writer [--create] PATH PASSPHRASE RUN\n");
      return 2;
    }
  path = argv[1];
  passphrase = argv[2];
  run = (guint32) g_ascii_strtoull (argv[3], NULL, 10);

  if (!rj_crypto_init ())
    return 2;
  store = rj_store_new (path);
  if (create)
    {
      g_autofree char *code = NULL;
      RjKdfParams fast;

      rj_kdf_params_fast_for_tests (&fast);
      if (!rj_store_create (store, passphrase, &fast, &code, &error))
        {
          fprintf (stderr, "crash-writer: %s\n", error->message);
          return 3;
        }
      printf ("created %s\n", code);
    }
  else
    {
      if (!rj_store_unlock (store, passphrase, strlen (passphrase), &error))
        {
          fprintf (stderr, "crash-writer: %s\n", error->message);
          return 3;
        }
      printf ("ready\n");
    }
  fflush (stdout);

  for (guint k = 0; k < 1000000; k++)
    {
      GDate date;
      g_autoptr(RjEntry) entry = crash_op (run, k, profile, &date);
      gboolean ok = entry != NULL ? rj_store_save_entry (store, entry, &error)
                                  : rj_store_delete_entry (store, &date, &error);

      if (!ok)
        {
          fprintf (stderr, "crash-writer: %s\n", error->message);
          return 4;
        }
      printf ("saved %u\n", k);
      fflush (stdout);

      /* Now and then lock and unlock, as the client does: the kill may then land in the
       * checkpoint that folds the WAL back into the file. */
      if (k % 20 == 19)
        {
          if (!rj_store_lock (store, &error) ||
              !rj_store_unlock (store, passphrase, strlen (passphrase), &error))
            {
              fprintf (stderr, "crash-writer: %s\n", error->message);
              return 4;
            }
        }
    }
  return 0;
}
