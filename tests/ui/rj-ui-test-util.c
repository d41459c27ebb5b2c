/* rj-ui-test-util.c: what the UI tests and the screenshot drivers share: a journal in a
 * temporary folder behind a context, waiting on the main context, finding windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-ui-test-util"

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib-unix.h>

#include "rj-application.h"
#include "rj-day-header.h"
#include "rj-ui-test-util.h"

gboolean
rj_ui_test_init (int *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);

  /* GTK's accessibility bridge wants a session bus, which Xvfb alone does not have. */
  g_setenv ("GTK_A11Y", "none", FALSE);

  if (!gtk_init_check ())
    {
      g_test_skip ("No display");
      return FALSE;
    }
  adw_init ();
  g_assert_true (rj_crypto_init ());
  return TRUE;
}

RjContext *
rj_ui_test_context_new (const char *name_template,
                        char **dir_out,
                        char **path_out)
{
  RjContext *context;
  RjKdfParams params;

  g_return_val_if_fail (dir_out != NULL, NULL);
  g_return_val_if_fail (path_out != NULL, NULL);

  *dir_out = rj_test_make_tmp_dir (name_template);
  *path_out = g_build_filename (*dir_out, "journal.db", NULL);

  context = rj_context_new (*path_out);
  rj_kdf_params_fast_for_tests (&params);
  rj_context_set_kdf_params (context, &params);
  return context;
}

RjStore *
rj_ui_test_create_journal (RjContext *context,
                           const char *passphrase,
                           char **recovery_code_out)
{
  g_autoptr(GError) error = NULL;
  RjStore *store = rj_context_get_store (context);

  g_assert_true (rj_store_create (store, passphrase, rj_context_get_kdf_params (context),
                                  recovery_code_out, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_is_unlocked (store));
  return store;
}

void
rj_ui_test_settle (gint64 usec)
{
  gint64 until = g_get_monotonic_time () + usec;

  while (g_main_context_iteration (NULL, FALSE) || g_get_monotonic_time () < until)
    ;
}

void
rj_ui_test_spin (gint64 usec)
{
  gint64 until = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

GtkWindow *
rj_ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_OBJECT_TYPE (window) == type)
        return window;
    }
  return NULL;
}

GtkWindow *
rj_ui_test_find_dialog (GtkWindow *parent,
                        GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_OBJECT_TYPE (window) == type && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

void
rj_ui_test_close_window (gpointer window,
                         gint64 settle_usec)
{
  gtk_window_close (GTK_WINDOW (window));
  if (settle_usec > 0)
    rj_ui_test_settle (settle_usec);
  g_assert_finalize_object (window);
}

GtkWidget *
rj_ui_test_get_page (RjWindow *window,
                     const char *name)
{
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (window), RJ_TYPE_WINDOW, "stack");

  return gtk_stack_get_child_by_name (GTK_STACK (stack), name);
}

gpointer
rj_ui_test_template_child (gpointer widget,
                           GType type,
                           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

gboolean
rj_ui_test_get_busy (gpointer object)
{
  gboolean busy;

  g_object_get (object, "busy", &busy, NULL);
  return busy;
}

char *
rj_ui_test_dup_string (gpointer object,
                       const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value;
}

void
rj_ui_test_assert_string (gpointer object,
                          const char *property,
                          const char *expected)
{
  g_autofree char *value = rj_ui_test_dup_string (object, property);

  g_assert_cmpstr (value, ==, expected);
}

RjCraving *
rj_ui_test_craving_new (int time_minutes,
                        int intensity,
                        int duration_minutes,
                        const char *trigger_id,
                        const char *words,
                        RjOutcome outcome)
{
  RjCraving *craving = rj_craving_new ();

  craving->time_minutes = time_minutes;
  craving->intensity = intensity;
  craving->duration_minutes = duration_minutes;
  craving->trigger_id = g_strdup (trigger_id);
  craving->trigger_words.text = g_strdup (words);
  craving->outcome = outcome;
  return craving;
}

/* Stays until the application is gone: a second SIGTERM only asks again. */
static gboolean
terminate_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

int
rj_ui_test_run_application (const char *argv0,
                            const char *path,
                            GCallback window_added_cb)
{
  g_autoptr(RjApplication) app = NULL;
  const char *app_argv[] = { argv0, "--journal", path, NULL };
  guint sigterm_id;
  int status;

  /* Non-unique, so that it never hands over to a running instance. */
  app = rj_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", window_added_cb, NULL);
  sigterm_id = g_unix_signal_add (SIGTERM, terminate_cb, app);
  status = g_application_run (G_APPLICATION (app), 3, (char **) app_argv);
  g_source_remove (sigterm_id);
  return status;
}

void
rj_ui_test_journal_set_up (RjUiTestJournal *journal,
                           const char      *name_template,
                           const char      *passphrase)
{
  journal->context = rj_ui_test_context_new (name_template, &journal->dir, &journal->path);
  journal->store = rj_ui_test_create_journal (journal->context, passphrase, NULL);
  rj_get_today (&journal->today);
}

void
rj_ui_test_journal_tear_down (RjUiTestJournal *journal,
                              gconstpointer    data)
{
  if (rj_store_is_unlocked (journal->store))
    g_assert_true (rj_store_lock (journal->store, NULL));
  g_assert_finalize_object (journal->context);
  rj_test_remove_tree (journal->dir);
  g_free (journal->path);
  g_free (journal->dir);
}

char *
rj_ui_test_run_pdf_tool (const char *tool,
                         const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { program, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (program == NULL)
    return NULL;

  /* pdfinfo takes one argument, pdftotext writes to "-". */
  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* As g_strstr_len(), but past NUL bytes: a PDF's streams hold them. */
static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

void
rj_ui_test_assert_pdf_one_page (const char *path)
{
  g_autofree char *info = rj_ui_test_run_pdf_tool ("pdfinfo", path);

  if (info != NULL)
    {
      g_autoptr(GRegex) pages = g_regex_new ("^Pages:\\s+1$", G_REGEX_MULTILINE, 0, NULL);
      g_assert_true (g_regex_match (pages, info, 0, NULL));
    }
  else
    {
      /* Without pdfinfo, cairo's page tree says it. */
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (contains_bytes (contents, length, "/Count 1"));
    }
}

char *
rj_ui_test_dup_pdf_text (const char *path)
{
  g_autofree char *text = rj_ui_test_run_pdf_tool ("pdftotext", path);
  g_autoptr(GRegex) spaces = NULL;

  if (text == NULL)
    {
      g_test_message ("pdftotext not found: the text of the PDF is not checked");
      return NULL;
    }

  spaces = g_regex_new ("\\s+", 0, 0, NULL);
  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

void
rj_ui_test_lock_closes (gpointer  window,
                        RjStore  *store)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (rj_store_lock (store, NULL));
  rj_ui_test_settle (50 * 1000);
  g_assert_null (rj_ui_test_find_toplevel (G_OBJECT_TYPE (window)));
}

void
rj_ui_test_assert_opens_once (RjContext  *context,
                              const char *action,
                              GType       type)
{
  RjWindow *window = g_object_ref (rj_window_new (NULL, context));
  GtkWindow *opened;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  opened = rj_ui_test_find_dialog (GTK_WINDOW (window), type);
  g_assert_nonnull (opened);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  g_assert_true (rj_ui_test_find_dialog (GTK_WINDOW (window), type) == opened);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  rj_ui_test_settle (50 * 1000);
  g_assert_null (rj_ui_test_find_toplevel (type));

  rj_ui_test_close_window (window, 0);
}

RjWindow *
rj_ui_test_journal_open_window (RjUiTestJournal *journal,
                                const char      *passphrase)
{
  RjWindow *window;
  GtkWidget *unlock_page;

  if (rj_store_is_unlocked (journal->store))
    g_assert_true (rj_store_lock (journal->store, NULL));

  window = g_object_ref (rj_window_new (NULL, journal->context));
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = rj_ui_test_get_page (window, "unlock");
  g_object_set (unlock_page, "passphrase", passphrase, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");

  return window;
}

gpointer
rj_ui_test_open_dialog (RjWindow   *window,
                        gpointer    widget,
                        const char *action,
                        GType       type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  dialog = rj_ui_test_find_dialog (GTK_WINDOW (window), type);
  g_assert_nonnull (dialog);
  return dialog;
}

void
rj_ui_test_keep_result_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}
