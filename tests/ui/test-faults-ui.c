/* test-faults-ui.c: the check-in page on a full disk. The save fails, the page says so
 * calmly and keeps the change; once there is space, the retry stores it.
 *
 * Writes fail through the fault VFS of the core tests, registered as SQLite's default
 * before any journal opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "rj-checkin-page.h"
#include "rj-day-header.h"
#include "rj-fault-vfs.h"
#include "rj-scale-row.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "a calm evening by the lake"
#define NOTE "Walked to the river instead of the bar"

typedef struct
{
  char *dir;
  char *path;
  RjContext *context;
  RjStore *store;
  GDate today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  rj_fault_vfs_disarm ();
  fixture->context = rj_ui_test_context_new ("rj-test-faults-ui-XXXXXX", &fixture->dir,
                                             &fixture->path);
  fixture->store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  rj_get_today (&fixture->today);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rj_fault_vfs_disarm ();
  g_assert_finalize_object (fixture->context);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gpointer
page_child (gpointer    page,
            const char *name)
{
  return rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE, name);
}

/* Locks the store, then opens a window on it and unlocks it as a person would. */
static RjWindow *
open_window (Fixture *fixture)
{
  RjWindow *window;
  GtkWidget *unlock_page;

  if (rj_store_is_unlocked (fixture->store))
    g_assert_true (rj_store_lock (fixture->store, NULL));

  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  unlock_page = rj_ui_test_get_page (window, "unlock");
  g_object_set (unlock_page, "passphrase", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
  return window;
}

/* The text of the first label under @widget that contains @needle, as a person reads
 * it on screen, or NULL. */
static const char *
find_label (GtkWidget  *widget,
            const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_label (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
get_notes_text (RjCheckinPage *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (page_child (page, "notes_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_disk_full_then_space (Fixture       *fixture,
                           gconstpointer  data)
{
  RjWindow *window = open_window (fixture);
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (page_child (page, "notes_view"));
  g_autoptr(RjEntry) in_memory = NULL;
  g_autoptr(RjEntry) stored = NULL;
  g_autofree char *notes = NULL;
  const char *toast;

  /* The disk fills up; the client goes on writing. */
  rj_fault_vfs_arm (RJ_FAULT_WRITE, SQLITE_FULL, 0);
  g_object_set (page_child (page, "mood_row"), "value", 3, NULL);
  gtk_text_buffer_set_text (buffer, NOTE, -1);

  RJ_UI_TEST_WAIT_FOR (g_strcmp0 (rj_checkin_page_get_status (page),
                                  "Not saved yet — trying again") == 0);
  g_assert_cmpuint (rj_fault_vfs_get_n_failed (), >, 0);

  /* A toast says what happened, what to do, and that nothing is lost. */
  RJ_UI_TEST_WAIT_FOR ((toast = find_label (GTK_WIDGET (window), "disk is full")) != NULL);
  g_test_message ("toast: %s", toast);
  g_assert_nonnull (strstr (toast, "Free some space"));
  g_assert_nonnull (strstr (toast, "kept here"));

  /* The change is still on the page, and in the journal in memory. */
  g_assert_cmpint (rj_scale_row_get_value (page_child (page, "mood_row")), ==, 3);
  notes = get_notes_text (page);
  g_assert_cmpstr (notes, ==, NOTE);
  in_memory = rj_store_dup_entry (fixture->store, &fixture->today);
  g_assert_nonnull (in_memory);
  g_assert_cmpint (in_memory->mood, ==, 3);
  g_assert_cmpstr (in_memory->notes.text, ==, NOTE);

  /* Locking now would lose the change: the journal stays open and says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_true (rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
  RJ_UI_TEST_WAIT_FOR (find_label (GTK_WIDGET (window), "stays open") != NULL);
  g_assert_cmpint (rj_scale_row_get_value (page_child (page, "mood_row")), ==, 3);
  g_assert_cmpstr (rj_checkin_page_get_status (page), ==, "Not saved yet — trying again");

  /* Space again: the page tries again on its own, a few seconds later. */
  rj_fault_vfs_disarm ();
  RJ_UI_TEST_WAIT_FOR (g_strcmp0 (rj_checkin_page_get_status (page), "Saved") == 0);

  /* Locked, and read back from the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_false (rj_store_is_unlocked (fixture->store));
  {
    g_autoptr(RjStore) reader = rj_test_open_store (fixture->path, PASSPHRASE);

    stored = rj_store_dup_entry (reader, &fixture->today);
    g_assert_nonnull (stored);
    g_assert_cmpint (stored->mood, ==, 3);
    g_assert_cmpstr (stored->notes.text, ==, NOTE);
    g_assert_true (rj_store_lock (reader, NULL));
  }

  rj_ui_test_close_window (window, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;
  rj_fault_vfs_register ();

  g_test_add ("/ui/faults/disk-full-then-space", Fixture, NULL,
              fixture_set_up, test_disk_full_then_space, fixture_tear_down);

  return g_test_run ();
}
