/* shoot-backup.c: shows the Backups preferences or one step of the restore dialog, for
 * a screenshot.
 *
 * Not a test: run it under Xvfb with a view name; wait for "READY" on stdout, take the
 * screenshot, then end it. The journals live in a temporary folder, with fast key
 * derivation (slow for "checking", so that the step stays long enough to see).
 *
 *   rj-shoot-backup prefs|create|unlock|choose|secret|code|wrong|checking|confirm|
 *                   confirm-fresh|damaged|not-a-backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rj-backup.h"
#include "rj-context.h"
#include "rj-preferences-window.h"
#include "rj-restore-dialog.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "river stones and quiet mornings"
#define BACKUP_PASSPHRASE "a calm evening by the lake"

static const char *target;
static RjContext *context;
static char *dir;

static void
save_entries (RjStore *store,
              guint    n_entries)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -(int) i * 2);
      g_autoptr(RjEntry) entry = NULL;
      g_autoptr(GError) error = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                      g_date_time_get_year (day));
      entry = rj_entry_new (&date);
      entry->mood = 6;
      if (!rj_store_save_entry (store, entry, &error))
        g_error ("%s", error->message);
    }
}

static char *
make_backup (gboolean slow)
{
  g_autofree char *source = g_build_filename (dir, "old-laptop.db", NULL);
  char *backup = g_build_filename (dir, "Recovery Journal backup 2026-11-12.rjbackup", NULL);
  g_autoptr(RjStore) store = rj_store_new (source);
  g_autoptr(GError) error = NULL;
  RjKdfParams params;

  if (slow)
    params = (RjKdfParams) { .opslimit = 40, .memlimit = 256 * 1024 * 1024 };
  else
    rj_kdf_params_fast_for_tests (&params);

  if (!rj_store_create (store, BACKUP_PASSPHRASE, &params, NULL, &error)
      || (save_entries (store, 143), !rj_store_write_backup (store, backup, &error))
      || !rj_store_lock (store, &error))
    g_error ("%s", error->message);
  return backup;
}

static RjRestoreDialog *
open_dialog (GtkWidget *window)
{
  gtk_widget_activate_action (window, "win.restore-backup", NULL);
  return RJ_RESTORE_DIALOG (rj_ui_test_find_dialog (GTK_WINDOW (window),
                                                    RJ_TYPE_RESTORE_DIALOG));
}

static void
check (RjRestoreDialog *dialog,
       const char      *passphrase,
       gboolean         wait)
{
  g_object_set (dialog, "passphrase", passphrase, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.check", NULL);
  if (wait)
    RJ_UI_TEST_WAIT_FOR (!rj_restore_dialog_get_busy (dialog));
}

static gboolean
drive_cb (gpointer user_data)
{
  GtkWidget *window = user_data;
  RjRestoreDialog *dialog;

  if (g_str_equal (target, "prefs"))
    {
      GSettings *settings = rj_context_get_settings (context);
      GtkWindow *prefs;

      g_settings_set_string (settings, "backup-folder", "/media/jd/USB STICK/Journal backups");
      g_settings_set_boolean (settings, "automatic-backups", TRUE);
      gtk_widget_activate_action (window, "win.preferences", NULL);
      prefs = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_PREFERENCES_WINDOW);
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "backups");
      adw_expander_row_set_expanded (rj_ui_test_template_child (prefs,
                                                                RJ_TYPE_PREFERENCES_WINDOW,
                                                                "automatic_row"),
                                     TRUE);
      gtk_window_set_default_size (prefs, 640, 760);
    }
  else if (g_str_equal (target, "create") || g_str_equal (target, "unlock"))
    ;
  else
    {
      g_autofree char *backup_path = NULL;
      g_autoptr(GFile) file = NULL;

      if (g_str_equal (target, "not-a-backup"))
        {
          backup_path = g_build_filename (dir, "Meeting notes.rjbackup", NULL);
          g_file_set_contents (backup_path, "a few words\n", -1, NULL);
        }
      else
        backup_path = make_backup (g_str_equal (target, "checking"));
      if (g_str_equal (target, "damaged"))
        {
          char *contents;
          gsize length;

          g_file_get_contents (backup_path, &contents, &length, NULL);
          contents[length - 200] ^= 1;
          g_file_set_contents (backup_path, contents, length, NULL);
          g_free (contents);
        }
      file = g_file_new_for_path (backup_path);

      dialog = open_dialog (window);
      if (!g_str_equal (target, "choose"))
        rj_restore_dialog_open_file (dialog, file);

      if (g_str_equal (target, "code"))
        {
          g_object_set (dialog, "use-recovery-code", TRUE, NULL);
          g_object_set (dialog, "recovery-code", "7KQ2-M9XD", NULL);
        }
      else if (g_str_equal (target, "secret"))
        g_object_set (dialog, "passphrase", "a calm evening", NULL);
      else if (g_str_equal (target, "wrong"))
        check (dialog, "a calm evening by the sea", TRUE);
      else if (g_str_equal (target, "checking"))
        check (dialog, BACKUP_PASSPHRASE, FALSE);
      else if (g_str_equal (target, "confirm") || g_str_equal (target, "confirm-fresh")
               || g_str_equal (target, "damaged"))
        check (dialog, BACKUP_PASSPHRASE, TRUE);
    }

  rj_ui_test_spin (G_USEC_PER_SEC * 3 / 4);
  g_print ("READY\n");
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  GtkWidget *window;

  if (argc < 2)
    {
      g_printerr ("Usage: %s VIEW\n", argv[0]);
      return 2;
    }
  target = argv[1];

  gtk_init ();
  adw_init ();

  /* AdwApplication loads the app's style sheet on its own; here there is none. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/com/example/RecoveryJournal/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_assert_true (rj_crypto_init ());

  context = rj_ui_test_context_new ("rj-shoot-backup-XXXXXX", &dir, &path);
  if (!g_str_equal (target, "create") && !g_str_equal (target, "confirm-fresh"))
    {
      RjStore *store = rj_ui_test_create_journal (context, PASSPHRASE, NULL);
      g_autoptr(GError) error = NULL;

      save_entries (store, 12);
      if (!g_str_equal (target, "prefs") && !rj_store_lock (store, &error))
        g_error ("%s", error->message);
    }

  window = GTK_WIDGET (rj_window_new (NULL, context));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (500, drive_cb, window);

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
