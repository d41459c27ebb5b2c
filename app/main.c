/* main.c: the program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "main"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rj-application.h"
#include "rj-crypto.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RjApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!rj_crypto_init ())
    {
      g_printerr ("%s\n", _("Recovery Journal cannot start: its encryption library did not "
                            "initialise."));
      return EXIT_FAILURE;
    }

  app = rj_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
