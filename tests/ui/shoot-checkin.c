/* shoot-checkin.c: brings the real application to the daily check-in, for a screenshot.
 *
 * Not a test: run it under Xvfb with what to show, wait for "READY WIDTHxHEIGHT" on
 * stdout, take the screenshot, then end it. The journal lives in a temporary folder,
 * with fast key derivation.
 *
 *   rj-shoot-checkin empty|cravings|lapse|bottom|narrow|narrow-bottom|calendar|past|
 *                    demo|demo-narrow|help|shortcuts|no-start|after-session|homework
 *
 * "cravings" and "lapse" fill today with three cravings and a lapse; "demo" fills three
 * weeks the way --demo does; "narrow" is the page at 360 pixels wide. "after-session"
 * shows the demo's last session day with homework, at what came out of the session;
 * "homework" shows today, at the open homework from that session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rj-checkin-page.h"
#include "rj-crypto.h"
#include "rj-day-header.h"
#include "rj-demo.h"
#include "rj-homework-group.h"
#include "rj-note-list.h"
#include "rj-scale-row.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "river stones and quiet mornings"

static const char *target;
static GDate today;

static gboolean
is (const char *name)
{
  return g_str_equal (target, name);
}

static gboolean
is_narrow (void)
{
  return g_str_has_prefix (target, "narrow") || g_str_has_suffix (target, "-narrow");
}

static gpointer
page_child (gpointer    page,
            const char *name)
{
  return rj_ui_test_template_child (page, RJ_TYPE_CHECKIN_PAGE, name);
}

static void
fill_today (RjCheckinPage *page)
{
  g_autoptr(RjCraving) morning =
    rj_ui_test_craving_new (8 * 60 + 15, 4, 10, "time-of-day", "Coffee and the old routine",
                            RJ_OUTCOME_RODE_IT_OUT);
  g_autoptr(RjCraving) afternoon =
    rj_ui_test_craving_new (14 * 60 + 40, 7, 25, "people", "Ran into an old friend",
                            RJ_OUTCOME_RODE_IT_OUT);
  g_autoptr(RjCraving) evening =
    rj_ui_test_craving_new (21 * 60 + 5, 8, 40, "feelings", "Lonely after the call",
                            RJ_OUTCOME_USED);

  rj_craving_add_skill (morning, "delay-15", RJ_HELPED_YES);
  rj_craving_add_skill (afternoon, "urge-surfing", RJ_HELPED_PARTLY);
  rj_craving_add_skill (afternoon, "call-support", RJ_HELPED_YES);
  rj_craving_add_skill (evening, "breathing", RJ_HELPED_NO);
  rj_checkin_page_save_craving (page, morning);
  rj_checkin_page_save_craving (page, afternoon);
  rj_checkin_page_save_craving (page, evening);

  g_object_set (page_child (page, "mood_row"), "value", 6, NULL);
  g_object_set (page_child (page, "distress_row"), "value", 4, NULL);
  g_object_set (page_child (page, "sleep_row"), "value", 6.5, NULL);
  g_object_set (page_child (page, "halt_box"), "yes", 4 | 8, "answered", 15, NULL);

  if (is ("lapse") || is ("bottom") || g_str_has_suffix (target, "bottom"))
    {
      adw_expander_row_set_enable_expansion (page_child (page, "use_row"), TRUE);
      adw_combo_row_set_selected (page_child (page, "substance_row"), 1);
      gtk_editable_set_text (page_child (page, "amount_row"), "Two beers");
      gtk_editable_set_text (page_child (page, "what_happened_row"),
                             "Felt alone after the call and went to the shop");
      gtk_toggle_button_set_active (page_child (page, "what_happened_private_button"), TRUE);
      gtk_editable_set_text (page_child (page, "next_time_row"),
                             "Call Sam before I go out");
      rj_note_list_add (page_child (page, "wins_list"), "Went for a walk at lunch", FALSE);
      rj_note_list_add (page_child (page, "wins_list"), "Told my counsellor the truth", FALSE);
      rj_note_list_add (page_child (page, "topics_list"), "Evenings alone are the hardest",
                        TRUE);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (page_child (page, "notes_view")),
                                "A long day. The morning was fine, the evening was not. "
                                "Tomorrow I will plan the evening before it comes.", -1);
    }
}

static void
scroll_to (RjCheckinPage *page,
           double         fraction)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (page_child (page, "scrolled_window"));
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, range * fraction);
}

/* Scrolls so that the top of @widget, a part of the page, is near the top. */
static void
scroll_to_widget (RjCheckinPage *page,
                  GtkWidget     *widget)
{
  GtkScrolledWindow *scrolled = page_child (page, "scrolled_window");
  GtkWidget *content = gtk_scrolled_window_get_child (scrolled);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double x, y;

  if (gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y))
    gtk_adjustment_set_value (adjustment, MAX (0, y - 12));
}

/* The last day before today with a session and homework set on it. */
static gboolean
find_session_day (RjWindow *window,
                  GDate    *day_out)
{
  RjStore *store = rj_context_get_store (rj_window_get_context (window));

  for (guint back = 1; back <= 21; back++)
    {
      g_autoptr(RjEntry) entry = NULL;
      GDate day = today;

      g_date_subtract_days (&day, back);
      entry = rj_store_dup_entry (store, &day);
      if (entry != NULL && entry->session_attended == RJ_ANSWER_YES &&
          entry->after_session.homework->len > 0)
        {
          *day_out = day;
          return TRUE;
        }
    }
  return FALSE;
}

static void
measure (GtkWidget *widget,
         int        depth)
{
  int min, nat;
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
  const char *css_class = classes[0];

  /* RJ_SHOOT_MEASURE=1 lists what asks for how much width, to find what keeps the
   * window from narrowing. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (min >= 200)
    g_printerr ("%*s%s.%s min %d\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                css_class != NULL ? css_class : "", min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    measure (child, depth + 1);
}

/* RJ_SHOOT_TABS=N lists where the first N presses of Tab take the focus. */
static void
list_tab_order (RjWindow *window,
                int       n)
{
  for (int i = 0; i < n; i++)
    {
      GtkWidget *focus;
      GtkWidget *named;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      for (named = focus; named != NULL; named = gtk_widget_get_parent (named))
        if (ADW_IS_PREFERENCES_ROW (named) || ADW_IS_PREFERENCES_GROUP (named))
          break;
      g_printerr ("%2d %s in %s “%s”\n", i, focus ? G_OBJECT_TYPE_NAME (focus) : "-",
                  named ? G_OBJECT_TYPE_NAME (named) : "-",
                  named == NULL ? "" : ADW_IS_PREFERENCES_ROW (named)
                    ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (named))
                    : adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (named)));
    }
}

static void
ready (RjWindow *window)
{
  rj_ui_test_spin (G_USEC_PER_SEC);
  if (g_getenv ("RJ_SHOOT_MEASURE") != NULL)
    measure (GTK_WIDGET (window), 0);
  if (g_getenv ("RJ_SHOOT_TABS") != NULL)
    list_tab_order (window, atoi (g_getenv ("RJ_SHOOT_TABS")));
  g_print ("READY %dx%d\n", gtk_widget_get_width (GTK_WIDGET (window)),
           gtk_widget_get_height (GTK_WIDGET (window)));
}

static gboolean
drive_cb (gpointer user_data)
{
  RjWindow *window = user_data;
  GApplication *app = g_application_get_default ();
  GtkWidget *unlock = rj_ui_test_get_page (window, "unlock");
  RjCheckinPage *page = RJ_CHECKIN_PAGE (rj_ui_test_get_page (window, "journal"));

  g_object_set (unlock, "passphrase", PASSPHRASE, NULL);
  gtk_widget_activate_action (unlock, "unlock.unlock", NULL);
  RJ_UI_TEST_WAIT_FOR (!rj_ui_test_get_busy (unlock));
  rj_ui_test_spin (G_USEC_PER_SEC);

  if (is ("cravings") || is ("lapse") || g_str_has_suffix (target, "bottom") || is ("narrow"))
    fill_today (page);
  rj_ui_test_spin (G_USEC_PER_SEC);

  if (is ("lapse"))
    scroll_to (page, 0.45);
  else if (g_str_has_suffix (target, "bottom"))
    scroll_to (page, 1.0);
  else if (is ("calendar"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-day", NULL);
  else if (g_str_has_prefix (target, "past"))
    {
      GDate day = today;

      g_date_subtract_days (&day, 2);
      rj_checkin_page_set_date (page, &day);
    }
  else if (is ("after-session"))
    {
      GDate day;

      g_assert_true (find_session_day (window, &day));
      rj_checkin_page_set_date (page, &day);
      rj_ui_test_spin (G_USEC_PER_SEC / 2);
      scroll_to_widget (page, page_child (page, "session_row"));
    }
  else if (is ("homework"))
    {
      /* One task ticked off, to show how a done task looks until the day changes. */
      if (rj_homework_group_get_n_tasks (page_child (page, "homework_group")) > 1)
        rj_homework_group_set_done (page_child (page, "homework_group"), 1, TRUE);
      scroll_to_widget (page, page_child (page, "homework_group"));
    }
  else if (is ("help"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "help-now", NULL);
  else if (is ("shortcuts"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);

  ready (window);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  RjKdfParams params;

  if (!RJ_IS_WINDOW (window))
    return;

  rj_kdf_params_fast_for_tests (&params);
  rj_context_set_kdf_params (rj_window_get_context (RJ_WINDOW (window)), &params);

  /* GNOME's own button layout: Xvfb has no desktop to say so. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  if (is_narrow ())
    gtk_window_set_default_size (window, 360, 760);
  else
    gtk_window_set_default_size (window, 900, 860);
  g_timeout_add (300, drive_cb, window);
}

static void
make_journal (const char *path)
{
  g_autoptr(RjStore) store = rj_test_create_store (path, PASSPHRASE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RjProfile) profile = NULL;

  if (g_str_has_prefix (target, "demo") || is ("calendar") || g_str_has_prefix (target, "past") || is ("help") ||
      is ("after-session") || is ("homework"))
    g_assert_true (rj_demo_fill (store, &today, 21, 20261123, &error));
  else if (!is ("no-start"))
    {
      GRand *rand = g_rand_new_with_seed (7);

      profile = rj_demo_profile (rand, &today, 40);
      g_rand_free (rand);
      g_assert_true (rj_store_save_profile (store, profile, &error));
    }
  g_assert_no_error (error);
  g_assert_true (rj_store_lock (store, &error));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int status;

  if (argc != 2)
    {
      g_printerr ("Usage: %s WHAT\n", argv[0]);
      return 2;
    }
  target = argv[1];
  rj_get_today (&today);

  g_assert_true (rj_crypto_init ());
  dir = rj_test_make_tmp_dir ("rj-shoot-checkin-XXXXXX");
  path = g_build_filename (dir, "journal.db", NULL);
  make_journal (path);

  status = rj_ui_test_run_application (argv[0], path, G_CALLBACK (window_added_cb));
  rj_test_remove_tree (dir);

  return status;
}
