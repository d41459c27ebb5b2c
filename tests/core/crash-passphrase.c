/* crash-passphrase.c: changes the passphrase back and forth until it is killed.
 *
 *   crash-passphrase PATH CURRENT OTHER
 *
 * Opens the journal with CURRENT, prints "ready", then sets OTHER, CURRENT, OTHER, ...
 * and prints "changed N" after change N has returned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crash-passphrase"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rj-store.h"

int
main (int argc,
      char *argv[])
{
  g_autoptr(RjStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RjKdfParams fast;

  if (argc != 4)
    {
      fprintf (stderr, "usage: crash-passphrase PATH CURRENT OTHER\n");
      return 2;
    }
  if (!rj_crypto_init ())
    return 2;
  rj_kdf_params_fast_for_tests (&fast);

  store = rj_store_new (argv[1]);
  if (!rj_store_unlock (store, argv[2], strlen (argv[2]), &error))
    {
      fprintf (stderr, "crash-passphrase: %s\n", error->message);
      return 3;
    }
  printf ("ready\n");
  fflush (stdout);

  for (guint n = 1; n < 1000000; n++)
    {
      const char *next = n % 2 == 1 ? argv[3] : argv[2];

      if (!rj_store_change_passphrase (store, next, &fast, &error))
        {
          fprintf (stderr, "crash-passphrase: %s\n", error->message);
          return 4;
        }
      printf ("changed %u\n", n);
      fflush (stdout);
    }
  return 0;
}
