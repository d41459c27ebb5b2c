/* rj-ui-test-util.h: what the UI tests and the screenshot drivers share: a journal in a
 * temporary folder behind a context, waiting on the main context, finding windows.
 *
 * The core tests' helpers (rj-test-util.h: temporary folders, stores) come with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-context.h"
#include "rj-test-util.h"
#include "rj-window.h"

G_BEGIN_DECLS

/* What a test returns to meson when it cannot run: there is no display. */
#define RJ_UI_TEST_SKIPPED 77

/* Spins the main context until @condition holds; slow machines get half a minute. */
#define RJ_UI_TEST_WAIT_FOR(condition)                                        \
  G_STMT_START {                                                              \
    gint64 deadline_ = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;         \
    while (!(condition))                                                      \
      {                                                                       \
        g_assert_cmpint (g_get_monotonic_time (), <, deadline_);              \
        if (!g_main_context_iteration (NULL, FALSE))                          \
          g_usleep (1000);                                                    \
      }                                                                       \
  } G_STMT_END

/* GTest, GTK, libadwaita and the crypto library, without the accessibility bridge
 * (it wants a session bus, which Xvfb alone does not have). Returns FALSE when there
 * is no display: main() then returns RJ_UI_TEST_SKIPPED. */
gboolean     rj_ui_test_init              (int *argc,
                                           char ***argv);

/* A temporary folder from @name_template and a context on "journal.db" in it, with fast
 * key derivation; the journal itself is not made. Free @dir_out with rj_test_remove_tree()
 * and g_free(). */
RjContext   *rj_ui_test_context_new       (const char *name_template,
                                           char **dir_out,
                                           char **path_out) G_GNUC_WARN_UNUSED_RESULT;
/* Makes the journal of @context with its key derivation parameters and leaves it
 * unlocked. Returns the context's store. */
RjStore     *rj_ui_test_create_journal    (RjContext *context,
                                           const char *passphrase,
                                           char **recovery_code_out);

/* An open journal in a temporary folder, as a test's fixture. */
typedef struct
{
  char *dir;
  char *path;
  RjContext *context;
  RjStore *store;
  GDate today;
} RjUiTestJournal;

/* Makes a context from @name_template, as rj_ui_test_context_new() does, and an unlocked
 * journal on @passphrase behind it. */
void         rj_ui_test_journal_set_up    (RjUiTestJournal *journal,
                                           const char *name_template,
                                           const char *passphrase);
/* Locks @journal if it is open, opens a window on it and unlocks it with @passphrase as a
 * person would, on the unlock page; the journal page is then shown. The test holds a
 * reference: close it with rj_ui_test_close_window(). */
RjWindow    *rj_ui_test_journal_open_window (RjUiTestJournal *journal,
                                             const char *passphrase) G_GNUC_WARN_UNUSED_RESULT;
/* Locks the journal if it is open, asserts that the context goes and removes the folder;
 * a tear-down for g_test_add(). */
void         rj_ui_test_journal_tear_down (RjUiTestJournal *journal,
                                           gconstpointer data);

/* The output of the poppler tool @tool ("pdfinfo" or "pdftotext") on the PDF at @path,
 * or NULL when the tool is not installed. */
char        *rj_ui_test_run_pdf_tool      (const char *tool,
                                           const char *path) G_GNUC_WARN_UNUSED_RESULT;
/* Asserts that the PDF at @path has one page. */
void         rj_ui_test_assert_pdf_one_page (const char *path);
/* The text of the PDF at @path, every run of white space made one space (pdftotext may
 * break a line where the page does), or NULL when pdftotext is not installed. */
char        *rj_ui_test_dup_pdf_text      (const char *path) G_GNUC_WARN_UNUSED_RESULT;

/* Lets the main context run until nothing is pending and at least @usec have passed. */
void         rj_ui_test_settle            (gint64 usec);
/* Lets the main context run for @usec, whatever is pending, for a screenshot. */
void         rj_ui_test_spin              (gint64 usec);

/* The open toplevel of exactly @type, or NULL. */
GtkWindow   *rj_ui_test_find_toplevel     (GType type);
/* The open toplevel of exactly @type that is transient for @parent (NULL: for none). */
GtkWindow   *rj_ui_test_find_dialog       (GtkWindow *parent,
                                           GType type);
/* Activates @action on @widget and returns the window of exactly @type it opened,
 * transient for @window; never NULL. */
gpointer     rj_ui_test_open_dialog       (RjWindow *window,
                                           gpointer widget,
                                           const char *action,
                                           GType type);
/* Closes @window, lets the main context run for @settle_usec when that is more than 0,
 * and asserts that the test held the last reference. */
void         rj_ui_test_close_window      (gpointer window,
                                           gint64 settle_usec);

/* Asserts that @window is on screen, locks @store and asserts that every window of
 * @window's type has closed; @window itself is still the test's to finalize. */
void         rj_ui_test_lock_closes       (gpointer window,
                                           RjStore *store);
/* Asserts that the journal window of @context opens a window of @type, transient for it,
 * with @action, and only one however often @action runs; and that locking closes it. */
void         rj_ui_test_assert_opens_once (RjContext *context,
                                           const char *action,
                                           GType type);
/* A GAsyncReadyCallback that keeps a reference to the result in the GAsyncResult *
 * that @user_data points to. */
void         rj_ui_test_keep_result_cb    (GObject *object,
                                           GAsyncResult *result,
                                           gpointer user_data);

/* The page called @name in the window's stack. */
GtkWidget   *rj_ui_test_get_page          (RjWindow *window,
                                           const char *name);
/* The template child @name of @widget, as made by the template of @type; never NULL. */
gpointer     rj_ui_test_template_child    (gpointer widget,
                                           GType type,
                                           const char *name);

/* The "busy" property of a page or window that works in the background. */
gboolean     rj_ui_test_get_busy          (gpointer object);
char        *rj_ui_test_dup_string        (gpointer object,
                                           const char *property) G_GNUC_WARN_UNUSED_RESULT;
void         rj_ui_test_assert_string     (gpointer object,
                                           const char *property,
                                           const char *expected);

/* A craving as the screenshots show one; -1 (RJ_NOT_LOGGED) where not logged. */
RjCraving   *rj_ui_test_craving_new       (int time_minutes,
                                           int intensity,
                                           int duration_minutes,
                                           const char *trigger_id,
                                           const char *words,
                                           RjOutcome outcome) G_GNUC_WARN_UNUSED_RESULT;

/* Runs the real application on the journal at @path, as a second instance never
 * would: non-unique, quitting on SIGTERM. @window_added_cb is connected to
 * "window-added". Returns the application's exit status. */
int          rj_ui_test_run_application   (const char *argv0,
                                           const char *path,
                                           GCallback window_added_cb);

G_END_DECLS
