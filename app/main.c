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
#include "rj-hygiene.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RjApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* RJ_LOCALEDIR lets the uninstalled build find the translations built in
   * <build>/po (set by `meson devenv`) and the install test find them in its
   * DESTDIR; an installed app finds them under its prefix. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RJ_LOCALEDIR") != NULL
                                   ? g_getenv ("RJ_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Before GTK, GLib or SQLite write anything: no core dumps (unless
   * RJ_ALLOW_CORE_DUMPS=1 is set, for debugging on a machine without a real journal),
   * and temporary files only in a private folder under $XDG_RUNTIME_DIR, removed
   * below. See rj-hygiene.c, and rj_hygiene_portals_needed() for why the process stays
   * dumpable where the file chooser goes through the desktop portal. */
  if (!rj_hygiene_apply (NULL, &error))
    {
      g_printerr ("%s\n%s\n", _("Recovery Journal cannot start: it could not make sure "
                                 "that nothing of the journal is written to disk "
                                 "unencrypted."),
                  error->message);
      return EXIT_FAILURE;
    }

  if (!rj_crypto_init ())
    {
      g_printerr ("%s\n", _("Recovery Journal cannot start: its encryption library did not "
                            "initialise."));
      rj_hygiene_cleanup ();
      return EXIT_FAILURE;
    }

  app = rj_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  g_clear_object (&app);

  rj_hygiene_cleanup ();
  return status;
}
