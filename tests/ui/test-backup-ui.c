/* test-backup-ui.c: Back Up Now, automatic backups on lock and close, and restoring a
 * backup through the restore dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sodium.h>

#include "rj-backup.h"
#include "rj-checkin-page.h"
#include "rj-context.h"
#include "rj-create-page.h"
#include "rj-preferences-window.h"
#include "rj-restore-dialog.h"
#include "rj-test-util.h"
#include "rj-ui-test-util.h"
#include "rj-unlock-page.h"
#include "rj-window.h"

#define PASSPHRASE "a calm evening by the lake"
#define BACKUP_PASSPHRASE "river stones and quiet mornings"
#define WRONG_PASSPHRASE "not the right words"

#define WRONG_PASSPHRASE_MESSAGE \
  "That passphrase didn’t open the backup. It opens with the passphrase your journal " \
  "had when the backup was made."
#define DAMAGED_MESSAGE \
  "Part of this file has changed since the backup was made, so it cannot be restored. An " \
  "older backup may still be whole."
#define NEWER_MESSAGE \
  "This backup was made by a newer version of Recovery Journal. Update the app, then try " \
  "again."
#define NOT_A_BACKUP_MESSAGE \
  "This file is not a Recovery Journal backup. Choose a file that Recovery Journal saved " \
  "as a backup."

typedef struct
{
  char *dir;
  char *path;
  RjContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->context = rj_ui_test_context_new ("rj-test-backup-ui-XXXXXX", &fixture->dir,
                                             &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = rj_context_get_settings (fixture->context);

  g_settings_reset (settings, "automatic-backups");
  g_settings_reset (settings, "backup-folder");
  g_settings_reset (settings, "backup-keep");

  g_assert_finalize_object (fixture->context);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
save_entry (RjStore    *store,
            int         days_ago,
            const char *marker)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day),
                  g_date_time_get_month (day), g_date_time_get_year (day));
  entry = rj_test_entry_full (&date, marker);
  g_assert_true (rj_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
}

/* A backup of another journal, with @n_entries days, made with BACKUP_PASSPHRASE. */
static char *
make_backup_with_code (const char  *dir,
                       guint        n_entries,
                       char       **code_out)
{
  g_autofree char *source = g_build_filename (dir, "elsewhere.db", NULL);
  char *backup = g_build_filename (dir, "Recovery Journal backup 2026-11-12.rjbackup", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (source, BACKUP_PASSPHRASE, code_out);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_entries; i++)
    save_entry (store, (int) i, "backed-up");
  g_assert_true (rj_store_write_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_lock (store, &error));
  return backup;
}

static char *
make_backup (const char *dir,
             guint       n_entries)
{
  return make_backup_with_code (dir, n_entries, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The files in @dir whose names contain @part. */
static guint
count_files (const char *dir,
             const char *part)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (handle == NULL)
    return 0;
  while ((name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, part) != NULL)
      n++;
  return n;
}

static char *
find_file (const char *dir,
           const char *part)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, part) != NULL)
      return g_build_filename (dir, name, NULL);
  return NULL;
}

static void
back_up_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  if (!rj_preferences_window_back_up_finish (RJ_PREFERENCES_WINDOW (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no error");
}

/* Back Up Now writes a private file that opens with the journal's passphrase, and
 * holds what was typed. */
static void
test_back_up_now (Fixture       *fixture,
                  gconstpointer  data)
{
  RjStore *store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "Recovery Journal backup.rjbackup",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  struct stat st;
  gboolean backing_up;

  save_entry (store, 0, "canary-backup-now");
  save_entry (store, 1, "canary-backup-now");

  window = g_object_ref (rj_preferences_window_new (fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "backups");

  rj_preferences_window_back_up_async (RJ_PREFERENCES_WINDOW (window), file, NULL, back_up_cb,
                                       &error);
  g_object_get (window, "backing-up", &backing_up, NULL);
  g_assert_true (backing_up);
  g_assert_true (rj_preferences_window_get_busy (RJ_PREFERENCES_WINDOW (window)));
  RJ_UI_TEST_WAIT_FOR (error != NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_object_get (window, "backing-up", &backing_up, NULL);
  g_assert_false (backing_up);

  /* Only the client can read it, and it says nothing in plain words. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  bytes = read_bytes (path);
  g_assert_false (rj_test_contains (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    (const guint8 *) "canary-backup-now",
                                    strlen ("canary-backup-now")));

  backup = rj_backup_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (rj_backup_unlock (backup, PASSPHRASE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rj_backup_get_n_entries (backup), ==, 2);

  /* The journal itself goes on as it was. */
  g_assert_true (rj_store_is_unlocked (store));

  /* The automatic backups' settings are the page's rows. */
  {
    GSettings *settings = rj_context_get_settings (fixture->context);
    AdwActionRow *folder_row = rj_ui_test_template_child (window, RJ_TYPE_PREFERENCES_WINDOW,
                                                          "backup_folder_row");
    AdwExpanderRow *automatic_row = rj_ui_test_template_child (window,
                                                               RJ_TYPE_PREFERENCES_WINDOW,
                                                               "automatic_row");

    g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, "Not chosen yet");
    g_assert_false (adw_expander_row_get_enable_expansion (automatic_row));
    g_assert_cmpuint (g_settings_get_uint (settings, "backup-keep"), ==, 10);

    g_settings_set_string (settings, "backup-folder", fixture->dir);
    g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, fixture->dir);
    adw_expander_row_set_enable_expansion (automatic_row, TRUE);
    g_assert_true (g_settings_get_boolean (settings, "automatic-backups"));
    gtk_adjustment_set_value (rj_ui_test_template_child (window, RJ_TYPE_PREFERENCES_WINDOW,
                                                         "backup_keep_adjustment"),
                              3);
    g_assert_cmpuint (g_settings_get_uint (settings, "backup-keep"), ==, 3);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_true (rj_store_lock (store, &error));
}

static void
set_client_name (RjWindow   *window,
                 const char *name)
{
  GtkWindow *prefs;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  prefs = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_object_set (prefs, "client-name", name, NULL);
}

static void
unlock (RjWindow   *window,
        const char *passphrase)
{
  GtkWidget *unlock_page = rj_ui_test_get_page (window, "unlock");

  g_object_set (unlock_page, "passphrase", passphrase, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
}

/* A lock writes a backup into the folder when something changed, keeps the last N, and
 * a close writes one before it returns. */
static void
test_automatic_backup (Fixture       *fixture,
                       gconstpointer  data)
{
  GSettings *settings = rj_context_get_settings (fixture->context);
  RjStore *store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *newest = NULL;
  int made = g_mkdir (folder, 0700);
  g_autoptr(RjBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  RjWindow *window;

  g_assert_cmpint (made, ==, 0);
  g_settings_set_string (settings, "backup-folder", folder);
  g_settings_set_uint (settings, "backup-keep", 2);

  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");

  /* Switched off: a change and a lock write nothing. */
  set_client_name (window, "J. D.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  rj_ui_test_settle (200 * 1000);
  g_assert_cmpuint (count_files (folder, ".rjbackup"), ==, 0);

  /* Switched on: the next lock after a change writes one. */
  g_settings_set_boolean (settings, "automatic-backups", TRUE);
  unlock (window, PASSPHRASE);
  set_client_name (window, "J. D. 1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_false (rj_store_is_unlocked (store));
  RJ_UI_TEST_WAIT_FOR (count_files (folder, ".rjbackup") == 1);

  /* Nothing changed: no new backup. */
  unlock (window, PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  rj_ui_test_settle (1200 * 1000);
  g_assert_cmpuint (count_files (folder, ".rjbackup"), ==, 1);

  /* Three more changed sessions: only the last two backups stay. Backups are named by
   * the second, so each comes in a second of its own. */
  for (guint i = 2; i <= 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("J. D. %u", i);

      unlock (window, PASSPHRASE);
      set_client_name (window, name);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
      RJ_UI_TEST_WAIT_FOR (count_files (folder, ".rjbackup") == MIN (i, 2));
      rj_ui_test_settle (1100 * 1000);
    }
  g_assert_cmpuint (count_files (folder, ".rjbackup"), ==, 2);

  /* A close writes the backup before it returns: the app may quit right after. */
  unlock (window, PASSPHRASE);
  save_entry (store, 0, "canary-on-close");
  set_client_name (window, "J. D. 5");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_cmpuint (count_files (folder, ".rjbackup"), ==, 2);
  g_assert_finalize_object (window);

  /* The newest backup holds the last change. */
  {
    g_autoptr(GDir) handle = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      if (newest == NULL || strcmp (name, newest) > 0)
        {
          g_free (newest);
          newest = g_strdup (name);
        }
  }
  {
    g_autofree char *path = g_build_filename (folder, newest, NULL);

    backup = rj_backup_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (rj_backup_unlock (backup, PASSPHRASE, FALSE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (rj_backup_get_n_entries (backup), ==, 1);
  }
}

/* A backup that cannot be written never holds up the lock. */
static void
test_automatic_backup_fails (Fixture       *fixture,
                             gconstpointer  data)
{
  GSettings *settings = rj_context_get_settings (fixture->context);
  RjStore *store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  g_autofree char *file = g_build_filename (fixture->dir, "a file", NULL);
  g_autofree char *folder = g_build_filename (file, "backups", NULL);
  g_autoptr(GError) error = NULL;
  RjWindow *window;

  /* A folder inside a file can never be made, not even by root. */
  g_assert_true (g_file_set_contents (file, "", 0, &error));
  g_settings_set_string (settings, "backup-folder", folder);
  g_settings_set_boolean (settings, "automatic-backups", TRUE);

  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  set_client_name (window, "J. D.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");

  /* And the next lock tries again, as the toast says; closing does not hold up either. */
  unlock (window, PASSPHRASE);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_finalize_object (window);
}

static RjRestoreDialog *
open_restore_dialog (RjWindow *window)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL));
  dialog = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_RESTORE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (rj_restore_dialog_get_step (RJ_RESTORE_DIALOG (dialog)), ==, "choose");
  return RJ_RESTORE_DIALOG (g_object_ref (dialog));
}

static void
check_backup (RjRestoreDialog *dialog,
              const char      *passphrase)
{
  g_object_set (dialog, "passphrase", passphrase, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.check", NULL));
  g_assert_true (rj_restore_dialog_get_busy (dialog));
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "checking");
  RJ_UI_TEST_WAIT_FOR (!rj_restore_dialog_get_busy (dialog));
}

/* A wrong passphrase: a calm word, the field as typed, and the journal here untouched. */
static void
test_restore_wrong_passphrase (Fixture       *fixture,
                               gconstpointer  data)
{
  RjStore *store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  g_autofree char *backup_path = make_backup (fixture->dir, 3);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup_path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  RjRestoreDialog *dialog;
  RjWindow *window;

  save_entry (store, 0, "current");
  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  before = read_bytes (fixture->path);

  dialog = open_restore_dialog (window);
  rj_restore_dialog_open_file (dialog, backup_file);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "secret");
  rj_ui_test_assert_string (dialog, "file-name", "Recovery Journal backup 2026-11-12.rjbackup");
  /* Restore waits for the backup to be checked. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.restore", NULL);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "secret");

  /* The passphrase of the journal here is not the backup's. */
  check_backup (dialog, PASSPHRASE);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "secret");
  rj_ui_test_assert_string (dialog, "message", WRONG_PASSPHRASE_MESSAGE);
  rj_ui_test_assert_string (dialog, "passphrase", PASSPHRASE);

  check_backup (dialog, WRONG_PASSPHRASE);
  rj_ui_test_assert_string (dialog, "message", WRONG_PASSPHRASE_MESSAGE);

  /* Typing again puts the message away. */
  g_object_set (dialog, "passphrase", "", NULL);
  rj_ui_test_assert_string (dialog, "message", NULL);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (fixture->dir, "before restore"), ==, 0);
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");

  /* Closing the dialog leaves the journal here as it was. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  unlock (window, PASSPHRASE);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 1);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The right passphrase: what the backup holds, what is kept, then the restored journal
 * opens with the passphrase just typed. Started from Preferences, which locks first
 * and keeps an edit not yet saved. */
static void
test_restore_from_preferences (Fixture       *fixture,
                               gconstpointer  data)
{
  RjStore *store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  g_autofree char *backup_path = make_backup (fixture->dir, 3);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup_path);
  g_autofree char *copy_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autoptr(RjStore) previous = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  RjRestoreDialog *dialog;
  GtkWindow *prefs;
  RjWindow *window;

  save_entry (store, 0, "current");
  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  set_client_name (window, "Kept Before Restore");
  prefs = rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_PREFERENCES_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);

  /* Preferences locks the journal first; the dialog opens over the unlock page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.restore-backup", NULL));
  RJ_UI_TEST_WAIT_FOR (rj_ui_test_find_dialog (GTK_WINDOW (window),
                                               RJ_TYPE_RESTORE_DIALOG) != NULL);
  g_assert_false (rj_store_is_unlocked (store));
  RJ_UI_TEST_WAIT_FOR (prefs == NULL);
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  dialog = RJ_RESTORE_DIALOG (g_object_ref (rj_ui_test_find_dialog (GTK_WINDOW (window),
                                                                     RJ_TYPE_RESTORE_DIALOG)));
  before = read_bytes (fixture->path);

  rj_restore_dialog_open_file (dialog, backup_file);
  check_backup (dialog, BACKUP_PASSPHRASE);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "confirm");
  rj_ui_test_assert_string (dialog, "message", NULL);
  contents = rj_ui_test_dup_string (dialog, "contents");
  g_assert_true (g_str_has_prefix (contents, "Made on "));
  g_assert_true (g_str_has_suffix (contents, " · 3 days"));
  g_assert_true (gtk_widget_get_visible (rj_ui_test_template_child (dialog,
                                                                    RJ_TYPE_RESTORE_DIALOG,
                                                                    "replace_label")));

  /* Checked, still nothing replaced. */
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_object_unref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.restore", NULL));
  g_assert_null (dialog);

  /* The window opens the restored journal with the passphrase typed in the dialog. */
  RJ_UI_TEST_WAIT_FOR (!rj_unlock_page_get_busy (RJ_UNLOCK_PAGE (rj_ui_test_get_page (window,
                                                                                       "unlock"))));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
  g_assert_true (rj_store_is_unlocked (store));
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 3);
  rj_ui_test_assert_string (rj_ui_test_get_page (window, "unlock"), "passphrase", "");

  /* The journal it replaced is kept beside it, byte for byte, with its last edit. */
  g_assert_cmpuint (count_files (fixture->dir, "before restore"), >=, 1);
  copy_path = find_file (fixture->dir, "journal before restore");
  g_assert_nonnull (copy_path);
  copy = read_bytes (copy_path);
  g_assert_true (g_bytes_equal (before, copy));
  previous = rj_test_open_store (copy_path, PASSPHRASE);
  g_assert_cmpuint (rj_store_get_n_entries (previous), ==, 1);
  profile = rj_store_dup_profile (previous);
  g_assert_cmpstr (profile->client_name, ==, "Kept Before Restore");
  g_assert_true (rj_store_lock (previous, &error));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_finalize_object (window);
}

/* Asked for while the journal is open, as from the main menu: the journal locks first,
 * with the change typed a moment ago stored; closing the dialog replaces nothing. */
static void
test_restore_from_open_journal (Fixture       *fixture,
                                gconstpointer  data)
{
  RjStore *store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  g_autoptr(RjEntry) entry = NULL;
  GtkWidget *page;
  GtkWindow *dialog;
  RjWindow *window;

  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  page = rj_ui_test_get_page (window, "journal");
  g_object_set (rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE, "mood_row"),
                "value", 7, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL));
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  dialog = g_object_ref (rj_ui_test_find_dialog (GTK_WINDOW (window), RJ_TYPE_RESTORE_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_close (dialog);
  g_assert_finalize_object (dialog);

  unlock (window, PASSPHRASE);
  entry = rj_store_dup_entry (store, rj_checkin_page_get_date (RJ_CHECKIN_PAGE (page)));
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->mood, ==, 7);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A fresh computer: restored from the first page, nothing to keep. */
static void
test_restore_fresh (Fixture       *fixture,
                    gconstpointer  data)
{
  RjStore *store = rj_context_get_store (fixture->context);
  g_autofree char *backup_path = make_backup (fixture->dir, 2);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup_path);
  RjRestoreDialog *dialog;
  RjWindow *window;

  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "create");
  g_assert_true (gtk_widget_get_visible (rj_ui_test_template_child (rj_ui_test_get_page (window,
                                                                                         "create"),
                                                                    RJ_TYPE_CREATE_PAGE,
                                                                    "restore_button")));

  dialog = open_restore_dialog (window);
  rj_restore_dialog_open_file (dialog, backup_file);
  check_backup (dialog, BACKUP_PASSPHRASE);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "confirm");
  g_assert_false (gtk_widget_get_visible (rj_ui_test_template_child (dialog,
                                                                     RJ_TYPE_RESTORE_DIALOG,
                                                                     "replace_label")));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_object_unref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.restore", NULL));
  g_assert_null (dialog);

  RJ_UI_TEST_WAIT_FOR (g_strcmp0 (rj_window_get_visible_page (window), "journal") == 0);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 2);
  g_assert_cmpuint (count_files (fixture->dir, "before restore"), ==, 0);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The recovery code opens a backup too; the restored journal then asks for a new
 * passphrase, as unlocking with the code always does. */
static void
test_restore_recovery_code (Fixture       *fixture,
                            gconstpointer  data)
{
  RjStore *store = rj_context_get_store (fixture->context);
  g_autofree char *code = NULL;
  g_autofree char *backup_path = make_backup_with_code (fixture->dir, 2, &code);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup_path);
  RjCreatePageMode mode;
  RjRestoreDialog *dialog;
  RjWindow *window;

  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));

  dialog = open_restore_dialog (window);
  rj_restore_dialog_open_file (dialog, backup_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.use-recovery-code",
                                             NULL));

  /* A code that is not the backup's: said in words about codes. */
  g_object_set (dialog, "recovery-code", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.check", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_restore_dialog_get_busy (dialog));
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "secret");
  rj_ui_test_assert_string (dialog, "message",
                            "That recovery code didn’t open the backup. It opens with the "
                            "recovery code your journal had when the backup was made.");

  g_object_set (dialog, "recovery-code", code, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.check", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_restore_dialog_get_busy (dialog));
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "confirm");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_object_unref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.restore", NULL));
  g_assert_null (dialog);

  RJ_UI_TEST_WAIT_FOR (g_strcmp0 (rj_window_get_visible_page (window), "create") == 0);
  g_assert_true (rj_store_is_unlocked (store));
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 2);
  g_object_get (rj_ui_test_get_page (window, "create"), "mode", &mode, NULL);
  g_assert_cmpint (mode, ==, RJ_CREATE_PAGE_NEW_PASSPHRASE);
  rj_ui_test_assert_string (rj_ui_test_get_page (window, "unlock"), "recovery-code", "");

  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* One flipped byte: the damaged message, and nothing replaced. Then a file that is no
 * backup at all, and one from a newer version. */
static void
test_restore_damaged (Fixture       *fixture,
                      gconstpointer  data)
{
  RjStore *store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  g_autofree char *backup_path = make_backup (fixture->dir, 3);
  g_autofree char *other_path = g_build_filename (fixture->dir, "notes.rjbackup", NULL);
  g_autoptr(GFile) backup_file = g_file_new_for_path (backup_path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autofree char *newer_path = g_build_filename (fixture->dir, "newer.rjbackup", NULL);
  g_autoptr(GFile) newer_file = g_file_new_for_path (newer_path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  RjRestoreDialog *dialog;
  RjWindow *window;
  char *contents = NULL;
  gsize length = 0;

  /* A backup from a later version of the format: the version after the magic bumped,
   * and the header's checksum made again, as that version would write it. */
  g_assert_true (g_file_get_contents (backup_path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1024);
  {
    guint32 header_len = (contents[10] & 0xff) | (contents[11] & 0xff) << 8
                         | (contents[12] & 0xff) << 16 | (guint32) (contents[13] & 0xff) << 24;

    g_assert_cmpuint (header_len, <, length);
    contents[8] = 2;
    crypto_generichash ((guint8 *) contents + header_len - 32, 32, (guint8 *) contents,
                        header_len - 32, NULL, 0);
    g_assert_true (g_file_set_contents (newer_path, contents, length, &error));
  }
  g_free (contents);

  /* A byte well past the header, in the encrypted journal. */
  g_assert_true (g_file_get_contents (backup_path, &contents, &length, &error));
  contents[length - 200] ^= 0x01;
  g_assert_true (g_file_set_contents (backup_path, contents, length, &error));
  g_free (contents);

  g_assert_true (g_file_set_contents (other_path, "just some words\n", -1, &error));

  save_entry (store, 0, "current");
  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  before = read_bytes (fixture->path);

  dialog = open_restore_dialog (window);
  rj_restore_dialog_open_file (dialog, backup_file);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "secret");
  check_backup (dialog, BACKUP_PASSPHRASE);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "problem");
  rj_ui_test_assert_string (dialog, "message", DAMAGED_MESSAGE);
  g_assert_cmpstr (adw_status_page_get_title (rj_ui_test_template_child (dialog,
                                                                         RJ_TYPE_RESTORE_DIALOG,
                                                                         "problem_page")),
                   ==, "This Backup Is Damaged");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "restore.restore", NULL);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "problem");

  /* Not a backup: said at once, before any passphrase. */
  rj_restore_dialog_open_file (dialog, other_file);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "problem");
  rj_ui_test_assert_string (dialog, "message", NOT_A_BACKUP_MESSAGE);

  /* Made by a newer version: said at once too. */
  rj_restore_dialog_open_file (dialog, newer_file);
  g_assert_cmpstr (rj_restore_dialog_get_step (dialog), ==, "problem");
  rj_ui_test_assert_string (dialog, "message", NEWER_MESSAGE);
  g_assert_cmpstr (adw_status_page_get_title (rj_ui_test_template_child (dialog,
                                                                         RJ_TYPE_RESTORE_DIALOG,
                                                                         "problem_page")),
                   ==, "Update Recovery Journal");

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (fixture->dir, "before restore"), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  unlock (window, PASSPHRASE);
  g_assert_cmpuint (rj_store_get_n_entries (store), ==, 1);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/backup/back-up-now", Fixture, NULL,
              fixture_set_up, test_back_up_now, fixture_tear_down);
  g_test_add ("/ui/backup/automatic", Fixture, NULL,
              fixture_set_up, test_automatic_backup, fixture_tear_down);
  g_test_add ("/ui/backup/automatic-fails", Fixture, NULL,
              fixture_set_up, test_automatic_backup_fails, fixture_tear_down);
  g_test_add ("/ui/restore/wrong-passphrase", Fixture, NULL,
              fixture_set_up, test_restore_wrong_passphrase, fixture_tear_down);
  g_test_add ("/ui/restore/from-preferences", Fixture, NULL,
              fixture_set_up, test_restore_from_preferences, fixture_tear_down);
  g_test_add ("/ui/restore/from-open-journal", Fixture, NULL,
              fixture_set_up, test_restore_from_open_journal, fixture_tear_down);
  g_test_add ("/ui/restore/fresh", Fixture, NULL,
              fixture_set_up, test_restore_fresh, fixture_tear_down);
  g_test_add ("/ui/restore/recovery-code", Fixture, NULL,
              fixture_set_up, test_restore_recovery_code, fixture_tear_down);
  g_test_add ("/ui/restore/damaged", Fixture, NULL,
              fixture_set_up, test_restore_damaged, fixture_tear_down);

  return g_test_run ();
}
