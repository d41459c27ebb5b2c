/* test-search.c: searching the journal from the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-checkin-page.h"
#include "rj-context.h"
#include "rj-day-header.h"
#include "rj-search-page.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "a calm evening by the lake"

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
  fixture->context = rj_ui_test_context_new ("rj-test-search-XXXXXX", &fixture->dir,
                                             &fixture->path);
  fixture->store = rj_ui_test_create_journal (fixture->context, PASSPHRASE, NULL);
  rj_get_today (&fixture->today);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->context);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GDate
days_ago (Fixture *fixture,
          guint    n)
{
  GDate date = fixture->today;

  g_date_subtract_days (&date, n);
  return date;
}

static void
save_day (Fixture    *fixture,
          guint       n_days_ago,
          const char *notes,
          const char *private_win)
{
  GDate date = days_ago (fixture, n_days_ago);
  g_autoptr(RjEntry) entry = rj_entry_new (&date);
  g_autoptr(GError) error = NULL;

  rj_note_set (&entry->notes, notes, FALSE);
  if (private_win != NULL)
    rj_entry_add_win (entry, private_win, TRUE);
  g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
}

static gpointer
search_child (RjWindow   *window,
              const char *name)
{
  return rj_ui_test_template_child (rj_ui_test_get_page (window, "search"),
                                    RJ_TYPE_SEARCH_PAGE, name);
}

static guint
n_rows (RjWindow *window)
{
  GtkListBox *list = search_child (window, "results_list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* Every label's markup under @widget, one a line. */
static void
collect_markup (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_markup (child, out);
}

static char *
row_markup (RjWindow *window,
            guint     index)
{
  GtkListBox *list = search_child (window, "results_list");
  GString *out = g_string_new (NULL);

  collect_markup (GTK_WIDGET (gtk_list_box_get_row_at_index (list, index)), out);
  return g_string_free (out, FALSE);
}

static gboolean
has_private_icon (GtkWidget *widget)
{
  if (GTK_IS_IMAGE (widget) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "changes-prevent-symbolic") == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_private_icon (child))
      return TRUE;
  return FALSE;
}

static void
type_search (RjWindow   *window,
             const char *text)
{
  gtk_editable_set_text (search_child (window, "search_entry"), text);
  /* The entry waits a moment after the last key before it searches. */
  rj_ui_test_settle (400 * 1000);
}

/* Typing shows the days found, newest first, with the words in bold; choosing one opens
 * it in the check-in and closes the search; Escape closes it too. */
static void
test_search_and_open (Fixture       *fixture,
                      gconstpointer  data)
{
  RjWindow *window;
  RjSearchPage *page;
  RjCheckinPage *checkin;
  GtkListBox *list;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *count = NULL;
  GDate expected;

  save_day (fixture, 1, "Called my Brother after group.", NULL);
  save_day (fixture, 5, "A quiet day in the garden.", "My brother & I <finally> talked");
  save_day (fixture, 9, "Long walk by the river.", NULL);

  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  page = RJ_SEARCH_PAGE (rj_ui_test_get_page (window, "search"));
  checkin = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));
  list = search_child (window, "results_list");
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "search");
  g_assert_true (rj_search_page_get_search_mode (page));
  rj_ui_test_settle (100 * 1000);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (search_child (window, "search_entry"))));

  type_search (window, "BROTHER");
  g_assert_cmpuint (rj_search_page_get_n_days (page), ==, 2);
  g_assert_cmpuint (n_rows (window), ==, 2);
  count = rj_ui_test_dup_string (search_child (window, "count_label"), "label");
  g_assert_cmpstr (count, ==, "2 days found, newest first");

  first = row_markup (window, 0);
  second = row_markup (window, 1);
  g_test_message ("first row:\n%s", first);
  g_test_message ("second row:\n%s", second);
  g_assert_nonnull (strstr (first, "Called my <b>Brother</b> after group."));
  g_assert_false (has_private_icon (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));
  /* The client's own text is escaped; only the match is markup. */
  g_assert_nonnull (strstr (second, "My <b>brother</b> &amp; I &lt;finally&gt; talked"));
  g_assert_nonnull (strstr (second, "Win, private"));
  g_assert_true (has_private_icon (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1))));
  {
    GDate day = days_ago (fixture, 1);
    g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&day),
                                                       g_date_get_month (&day),
                                                       g_date_get_day (&day), 12, 0, 0);
    g_autofree char *title = g_date_time_format (time, "%A, %-d %B %Y");

    g_assert_true (g_str_has_prefix (first, title));
  }

  /* Nothing found: the calm empty page. */
  type_search (window, "xylophone");
  g_assert_cmpuint (rj_search_page_get_n_days (page), ==, 0);
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (search_child (window, "results_stack")),
                   ==, "empty");

  /* Several words: both on the day. */
  type_search (window, "brother garden");
  g_assert_cmpuint (n_rows (window), ==, 1);

  /* Choosing the day opens it in the check-in, and the search closes. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  rj_ui_test_settle (100 * 1000);
  expected = days_ago (fixture, 5);
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");
  g_assert_false (rj_search_page_get_search_mode (page));
  g_assert_cmpint (g_date_compare (rj_checkin_page_get_date (checkin), &expected), ==, 0);

  /* Ctrl+F again: a new, empty search; what was found before is gone. Escape closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "search");
  rj_ui_test_assert_string (search_child (window, "search_entry"), "text", "");
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (search_child (window, "results_stack")),
                   ==, "start");
  type_search (window, "river");
  g_assert_cmpuint (n_rows (window), ==, 1);
  g_signal_emit_by_name (search_child (window, "search_entry"), "stop-search");
  rj_ui_test_settle (100 * 1000);
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* What the check-in saved a moment ago is found, and the old words no longer. */
static void
test_search_follows_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  RjWindow *window;
  RjCheckinPage *checkin;
  GtkTextView *notes;

  save_day (fixture, 0, "Felt restless this morning.", NULL);
  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  checkin = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_search (window, "restless");
  g_assert_cmpuint (n_rows (window), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_signal_emit_by_name (search_child (window, "search_entry"), "stop-search");
  rj_ui_test_settle (100 * 1000);

  /* Typed into today's notes, and not stored yet when the search opens. */
  notes = rj_ui_test_template_child (checkin, RJ_TYPE_CHECKIN_PAGE, "notes_view");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Felt calm this morning.", -1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_search (window, "restless");
  g_assert_cmpuint (n_rows (window), ==, 0);
  type_search (window, "calm");
  g_assert_cmpuint (n_rows (window), ==, 1);

  rj_store_flush (fixture->store);
  rj_ui_test_settle (100 * 1000);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
window_notify_visible_page_cb (RjWindow *window,
                               GParamSpec *pspec,
                               GString *pages)
{
  g_string_append_printf (pages, "%s ", rj_window_get_visible_page (window));
}

/* Locking empties the entry and the results; unlocked again, the journal is searched
 * again from what the store holds. */
static void
test_lock_clears (Fixture       *fixture,
                  gconstpointer  data)
{
  RjWindow *window;
  RjSearchPage *page;
  GtkWidget *unlock_page;
  g_autoptr(GString) pages = g_string_new (NULL);
  gulong handler;

  save_day (fixture, 2, "Sponsor called back.", NULL);
  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  page = RJ_SEARCH_PAGE (rj_ui_test_get_page (window, "search"));
  unlock_page = rj_ui_test_get_page (window, "unlock");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_search (window, "sponsor");
  g_assert_cmpuint (n_rows (window), ==, 1);

  /* Straight to the unlock page: the check-in does not show on the way. */
  handler = g_signal_connect (window, "notify::visible-page",
                              G_CALLBACK (window_notify_visible_page_cb), pages);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_signal_handler_disconnect (window, handler);
  g_assert_cmpstr (pages->str, ==, "unlock ");
  g_assert_false (rj_store_is_unlocked (fixture->store));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "unlock");
  g_assert_cmpuint (n_rows (window), ==, 0);
  g_assert_cmpuint (rj_search_page_get_n_days (page), ==, 0);
  g_assert_false (rj_search_page_get_search_mode (page));
  rj_ui_test_assert_string (search_child (window, "search_entry"), "text", "");
  rj_ui_test_assert_string (search_child (window, "count_label"), "label", "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rj_ui_test_template_child (
    window, RJ_TYPE_WINDOW, "search_button"))));

  g_object_set (unlock_page, "passphrase", PASSPHRASE, NULL);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock.unlock", NULL));
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock_page));
  g_assert_cmpstr (rj_window_get_visible_page (window), ==, "journal");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_cmpuint (n_rows (window), ==, 0);
  type_search (window, "sponsor");
  g_assert_cmpuint (n_rows (window), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Many days found: the newest fifty first, and the older ones on asking. */
static void
test_older_days (Fixture       *fixture,
                 gconstpointer  data)
{
  RjWindow *window;
  GtkWidget *more;
  GtkListBox *list;

  for (guint i = 0; i < 60; i++)
    save_day (fixture, i, "An evening walk.", NULL);
  window = g_object_ref (rj_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (window));
  more = search_child (window, "more_button");
  list = search_child (window, "results_list");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_search (window, "walk");
  g_assert_cmpuint (rj_search_page_get_n_days (RJ_SEARCH_PAGE (rj_ui_test_get_page (window,
                                                                                   "search"))),
                    ==, 60);
  g_assert_cmpuint (n_rows (window), ==, 50);
  g_assert_true (gtk_widget_get_visible (more));

  g_signal_emit_by_name (more, "clicked");
  g_assert_cmpuint (n_rows (window), ==, 60);
  g_assert_false (gtk_widget_get_visible (more));
  /* The keyboard is on the first day added. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (gtk_list_box_get_row_at_index (list, 50)))
                 || gtk_root_get_focus (GTK_ROOT (window)) ==
                    GTK_WIDGET (gtk_list_box_get_row_at_index (list, 50)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add ("/ui/search/search-and-open", Fixture, NULL,
              fixture_set_up, test_search_and_open, fixture_tear_down);
  g_test_add ("/ui/search/follows-edits", Fixture, NULL,
              fixture_set_up, test_search_follows_edits, fixture_tear_down);
  g_test_add ("/ui/search/lock-clears", Fixture, NULL,
              fixture_set_up, test_lock_clears, fixture_tear_down);
  g_test_add ("/ui/search/older-days", Fixture, NULL,
              fixture_set_up, test_older_days, fixture_tear_down);

  return g_test_run ();
}
