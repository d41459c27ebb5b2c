/* test-window.c: the first window's pages, and create → lock → unlock through them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-context.h"
#include "rj-create-page.h"
#include "rj-help-now-dialog.h"
#include "rj-checkin-page.h"
#include "rj-recovery-code-page.h"
#include "rj-test-util.h"
#include "rj-ui-test-util.h"
#include "rj-unlock-page.h"
#include "rj-utils.h"
#include "rj-window.h"

#define PASSPHRASE "a calm evening by the lake"
#define NEW_PASSPHRASE "seven small steps every single day"
#define WRONG_PASSPHRASE "not the right words"
#define WRONG_PASSPHRASE_MESSAGE \
  "That passphrase didn’t open the journal. Check Caps Lock and try again."

#define WRONG_CODE_MESSAGE \
  "That recovery code didn’t open the journal. Check each group of letters and numbers " \
  "and try again."

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
  fixture->context = rj_ui_test_context_new ("rj-test-window-XXXXXX", &fixture->dir,
                                             &fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->context != NULL)
    g_assert_finalize_object (fixture->context);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Whether the button of an action can be pressed: that follows the action's state. */
static gboolean
button_sensitive (gpointer    widget,
                  GType       type,
                  const char *button)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, button);

  g_assert_true (GTK_IS_BUTTON (child));
  return gtk_widget_get_sensitive (GTK_WIDGET (child));
}

static gboolean
lock_enabled (RjWindow *window)
{
  return button_sensitive (window, RJ_TYPE_WINDOW, "lock_button");
}

/* Makes the journal through the window as a person would, and returns the code shown. */
static char *
create_journal (RjWindow *window)
{
  GtkWidget *create_page = rj_ui_test_get_page (window, "create");
  GtkWidget *code_page = rj_ui_test_get_page (window, "recovery-code");
  char *code;

  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "create");
  g_assert_false (lock_enabled (window));

  g_object_set (create_page, "passphrase", PASSPHRASE, NULL);
  g_object_set (create_page, "confirmation", PASSPHRASE " ", NULL);
  rj_ui_test_assert_string (create_page, "confirmation", PASSPHRASE " ");
  g_assert_true (gtk_widget_activate_action (create_page, "create.create", NULL));
  g_assert_false (rj_ui_test_get_busy (create_page));

  g_object_set (create_page, "confirmation", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (create_page, "create.create", NULL));
  g_assert_true (rj_ui_test_get_busy (create_page));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (create_page));

  rj_ui_test_assert_string (create_page, "message", NULL);
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "recovery-code");
  rj_ui_test_assert_string (create_page, "passphrase", "");
  rj_ui_test_assert_string (create_page, "confirmation", "");

  code = rj_ui_test_dup_string (code_page, "code");
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (code), ==, 8 * 4 + 7);

  return code;
}

static void
lock_window (RjWindow *window)
{
  RjStore *store = rj_context_get_store (rj_window_get_context (window));

  g_assert_true (lock_enabled (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  g_assert_false (lock_enabled (window));
}

static void
unlock_with (RjWindow   *window,
             const char *property,
             const char *secret)
{
  GtkWidget *unlock_page = rj_ui_test_get_page (window, "unlock");

  g_object_set (unlock_page, property, secret, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
}

static void
test_pages_instantiate (Fixture       *fixture,
                        gconstpointer  data)
{
  GType page_types[] = {
    RJ_TYPE_CREATE_PAGE,
    RJ_TYPE_RECOVERY_CODE_PAGE,
    RJ_TYPE_UNLOCK_PAGE,
    RJ_TYPE_CHECKIN_PAGE,
  };
  GtkWidget *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (page_types[i],
                                                         "context", fixture->context,
                                                         NULL));

      g_assert_true (g_type_is_a (G_OBJECT_TYPE (page), ADW_TYPE_BIN));
      g_assert_nonnull (adw_bin_get_child (ADW_BIN (page)));
      g_assert_finalize_object (page);
    }

  dialog = g_object_ref (rj_help_now_dialog_new (NULL));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "close"));
  g_assert_nonnull (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_window_create_lock_unlock (Fixture       *fixture,
                                gconstpointer  data)
{
  RjStore *store = rj_context_get_store (fixture->context);
  RjWindow *window = g_object_ref (rj_window_new (NULL, fixture->context));
  GtkWidget *unlock_page = rj_ui_test_get_page (window, "unlock");
  g_autofree char *code = NULL;

  gtk_window_present (GTK_WINDOW (window));

  code = create_journal (window);
  g_assert_true (rj_store_exists (store));
  g_assert_true (rj_store_is_unlocked (store));
  g_assert_true (lock_enabled (window));

  g_assert_true (gtk_widget_activate_action (rj_ui_test_get_page (window, "recovery-code"),
                                             "code.done", NULL));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
  rj_ui_test_assert_string (rj_ui_test_get_page (window, "recovery-code"), "code", NULL);

  /* Locking takes the journal away and leaves no secret in any page. */
  lock_window (window);
  rj_ui_test_assert_string (unlock_page, "passphrase", "");

  /* A wrong passphrase: a calm word, the field as it was typed, nothing else. */
  unlock_with (window, "passphrase", WRONG_PASSPHRASE);
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  g_assert_false (rj_store_is_unlocked (store));
  rj_ui_test_assert_string (unlock_page, "message", WRONG_PASSPHRASE_MESSAGE);
  rj_ui_test_assert_string (unlock_page, "passphrase", WRONG_PASSPHRASE);
  g_assert_false (lock_enabled (window));

  /* Typing again puts the message away. */
  g_object_set (unlock_page, "passphrase", "", NULL);
  rj_ui_test_assert_string (unlock_page, "message", NULL);
  g_assert_false (button_sensitive (unlock_page, RJ_TYPE_UNLOCK_PAGE, "unlock_button"));

  unlock_with (window, "passphrase", PASSPHRASE);
  g_assert_true (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
  rj_ui_test_assert_string (unlock_page, "passphrase", "");
  rj_ui_test_assert_string (unlock_page, "message", NULL);

  lock_window (window);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_recovery (Fixture       *fixture,
                      gconstpointer  data)
{
  RjStore *store = rj_context_get_store (fixture->context);
  RjWindow *window = g_object_ref (rj_window_new (NULL, fixture->context));
  GtkWidget *unlock_page = rj_ui_test_get_page (window, "unlock");
  GtkWidget *create_page = rj_ui_test_get_page (window, "create");
  GtkWidget *code_page = rj_ui_test_get_page (window, "recovery-code");
  g_autofree char *code = NULL;
  g_autofree char *new_code = NULL;
  g_autofree char *lowercase_code = NULL;
  gboolean use_code;
  gboolean replaces;
  RjCreatePageMode mode;

  gtk_window_present (GTK_WINDOW (window));

  code = create_journal (window);
  gtk_widget_activate_action (code_page, "code.done", NULL);
  lock_window (window);

  /* The action toggles between the passphrase and the recovery code. */
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.use-recovery-code", NULL));
  g_object_get (unlock_page, "use-recovery-code", &use_code, NULL);
  g_assert_true (use_code);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.use-recovery-code", NULL));
  g_object_get (unlock_page, "use-recovery-code", &use_code, NULL);
  g_assert_false (use_code);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.use-recovery-code", NULL));

  /* A code that is not this journal's. */
  unlock_with (window, "recovery-code", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA");
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  rj_ui_test_assert_string (unlock_page, "recovery-code",
                            "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA");
  rj_ui_test_assert_string (unlock_page, "message", WRONG_CODE_MESSAGE);

  /* The code as a person might type it from paper. */
  lowercase_code = g_ascii_strdown (code, -1);
  unlock_with (window, "recovery-code", lowercase_code);
  g_assert_true (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "create");
  g_object_get (create_page, "mode", &mode, NULL);
  g_assert_cmpint (mode, ==, RJ_CREATE_PAGE_NEW_PASSPHRASE);
  rj_ui_test_assert_string (unlock_page, "recovery-code", "");

  g_object_set (create_page,
                "passphrase", NEW_PASSPHRASE,
                "confirmation", NEW_PASSPHRASE,
                NULL);
  g_assert_true (gtk_widget_activate_action (create_page, "create.create", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (create_page));

  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "recovery-code");
  new_code = rj_ui_test_dup_string (code_page, "code");
  g_assert_nonnull (new_code);
  g_assert_cmpstr (new_code, !=, code);
  g_object_get (code_page, "replaces-old-code", &replaces, NULL);
  g_assert_true (replaces);

  gtk_widget_activate_action (code_page, "code.done", NULL);
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
  lock_window (window);

  /* The old passphrase no longer opens the journal; the new one does. */
  unlock_with (window, "passphrase", PASSPHRASE);
  g_assert_false (rj_store_is_unlocked (store));
  rj_ui_test_assert_string (unlock_page, "message", WRONG_PASSPHRASE_MESSAGE);

  unlock_with (window, "passphrase", NEW_PASSPHRASE);
  g_assert_true (rj_store_is_unlocked (store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");

  /* Closing the window locks the journal. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (rj_store_is_unlocked (store));
  g_assert_finalize_object (window);
}

static void
test_window_reopens_on_unlock (Fixture       *fixture,
                               gconstpointer  data)
{
  RjWindow *window = g_object_ref (rj_window_new (NULL, fixture->context));
  g_autofree char *code = NULL;

  gtk_window_present (GTK_WINDOW (window));
  code = create_journal (window);
  gtk_widget_activate_action (rj_ui_test_get_page (window, "recovery-code"), "code.done", NULL);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  /* A new window on a journal that exists asks to unlock it. */
  window = g_object_ref (rj_window_new (NULL, fixture->context));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* An export the file chooser put on the recently-used list is taken off it. */
static void
test_forget_recent_file (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-recent-XXXXXX");
  g_autofree char *xbel = g_build_filename (dir, "recently-used.xbel", NULL);
  g_autoptr(GtkRecentManager) manager = g_object_new (GTK_TYPE_RECENT_MANAGER,
                                                      "filename", xbel, NULL);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/Recovery check-in 2026-11-23.pdf");
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { NULL, NULL, (char *) "application/pdf", (char *) "test",
                         (char *) "test %u", NULL, FALSE };

  g_assert_true (gtk_recent_manager_add_full (manager, uri, &data));
  g_assert_true (gtk_recent_manager_has_item (manager, uri));
  rj_forget_recent_file (manager, file);
  g_assert_false (gtk_recent_manager_has_item (manager, uri));
  rj_forget_recent_file (manager, NULL);

  g_clear_object (&manager);
  rj_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/pages/instantiate", Fixture, NULL,
              fixture_set_up, test_pages_instantiate, fixture_tear_down);
  g_test_add ("/ui/window/create-lock-unlock", Fixture, NULL,
              fixture_set_up, test_window_create_lock_unlock, fixture_tear_down);
  g_test_add ("/ui/window/recovery", Fixture, NULL,
              fixture_set_up, test_window_recovery, fixture_tear_down);
  g_test_add ("/ui/window/reopens-on-unlock", Fixture, NULL,
              fixture_set_up, test_window_reopens_on_unlock, fixture_tear_down);

  g_test_add_func ("/ui/utils/forget-recent-file", test_forget_recent_file);

  return g_test_run ();
}
