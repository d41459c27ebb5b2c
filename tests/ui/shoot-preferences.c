/* shoot-preferences.c: shows one page of the preferences window, for a screenshot.
 *
 * Not a test: run it under Xvfb with a view name and, if wanted, a window width; wait for
 * "READY" on stdout, take the screenshot, then end it. The journal lives in a temporary
 * folder, with fast key derivation and a few made-up preferences.
 *
 *   rj-shoot-preferences journal|calendar|reminder|sessions|support|lists|hidden|
 *                        security|mismatch|busy|confirm|new-code|empty-sessions|
 *                        empty-support|new-contact [WIDTH]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "rj-context.h"
#include "rj-list-editor.h"
#include "rj-preferences-window.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "river stones and quiet mornings"

static const char *target;
static RjContext *context;

static gpointer
get_child (GtkWidget  *window,
           const char *name)
{
  return rj_ui_test_template_child (window, RJ_TYPE_PREFERENCES_WINDOW, name);
}

static void
fill_profile (RjStore *store)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (store);
  g_autoptr(GError) error = NULL;
  RjContact *contact;

  profile->client_name = g_strdup ("J. D.");
  g_date_set_dmy (&profile->sober_start, 3, G_DATE_MARCH, 2026);
  rj_profile_add_session (profile, G_DATE_MONDAY, 18 * 60);
  rj_profile_add_session (profile, G_DATE_WEDNESDAY, 18 * 60);
  rj_profile_add_session (profile, G_DATE_THURSDAY, 9 * 60 + 30);
  contact = rj_profile_add_contact (profile, "Sam (sponsor)", "(555) 010-0199");
  contact->note = g_strdup ("Any time, even late");
  rj_profile_add_contact (profile, "Counselor Ana", "(555) 010-0142");
  rj_profile_add_item (profile, RJ_LIST_TRIGGERS, "Payday");
  rj_profile_find_item (profile, RJ_LIST_SKILLS, "tipp")->hidden = TRUE;
  rj_profile_find_item (profile, RJ_LIST_SUBSTANCES, "nicotine")->hidden = TRUE;

  if (!rj_store_save_profile (store, profile, &error))
    g_error ("%s", error->message);
}

static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_point_t point;

  if (scrolled == NULL
      || !gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
}

static gboolean
drive_cb (gpointer user_data)
{
  GtkWidget *window = user_data;
  AdwPreferencesWindow *prefs = ADW_PREFERENCES_WINDOW (window);
  GtkWindow *dialog;

  if (g_str_equal (target, "journal"))
    adw_preferences_window_set_visible_page_name (prefs, "journal");
  else if (g_str_equal (target, "calendar"))
    {
      adw_preferences_window_set_visible_page_name (prefs, "journal");
      gtk_menu_button_popup (get_child (window, "sober_start_button"));
    }
  else if (g_str_equal (target, "reminder"))
    {
      /* On, at 8 PM. No application runs here, so no autostart entry is written. */
      g_settings_set_boolean (rj_context_get_settings (context), "reminder-enabled", TRUE);
      g_settings_set_uint (rj_context_get_settings (context), "reminder-time", 20 * 60);
      adw_preferences_window_set_visible_page_name (prefs, "journal");
      rj_ui_test_spin (G_USEC_PER_SEC * 3 / 4);
      scroll_to (GTK_WIDGET (get_child (window, "reminder_switch")));
    }
  else if (g_str_equal (target, "sessions"))
    {
      GtkListBox *list = get_child (window, "session_list");

      adw_preferences_window_set_visible_page_name (prefs, "sessions");
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (list, 1)),
                                     TRUE);
    }
  else if (g_str_equal (target, "support"))
    {
      GtkListBox *list = get_child (window, "contact_list");

      adw_preferences_window_set_visible_page_name (prefs, "support");
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (list, 0)),
                                     TRUE);
    }
  else if (g_str_equal (target, "lists"))
    adw_preferences_window_set_visible_page_name (prefs, "lists");
  else if (g_str_equal (target, "hidden"))
    {
      RjListEditor *editor = get_child (window, "skills_editor");

      adw_preferences_window_set_visible_page_name (prefs, "lists");
      rj_ui_test_spin (G_USEC_PER_SEC * 3 / 4);
      scroll_to (GTK_WIDGET (rj_list_editor_find_row (editor, "write-it-out")));
    }
  else if (g_str_equal (target, "security"))
    {
      adw_preferences_window_set_visible_page_name (prefs, "security");
      g_object_set (window, "passphrase", "quiet mornings", NULL);
    }
  else if (g_str_equal (target, "mismatch"))
    {
      adw_preferences_window_set_visible_page_name (prefs, "security");
      g_object_set (window, "passphrase", PASSPHRASE, "confirmation", "river stones", NULL);
    }
  else if (g_str_equal (target, "busy"))
    {
      /* Slow key derivation, so that the spinner is there long enough. */
      RjKdfParams slow = { .opslimit = 40, .memlimit = 256 * 1024 * 1024 };

      rj_context_set_kdf_params (context, &slow);
      adw_preferences_window_set_visible_page_name (prefs, "security");
      g_object_set (window, "passphrase", "new river stones", "confirmation",
                    "new river stones", NULL);
      gtk_widget_activate_action (window, "prefs.change-passphrase", NULL);
    }
  else if (g_str_equal (target, "confirm") || g_str_equal (target, "new-code"))
    {
      adw_preferences_window_set_visible_page_name (prefs, "security");
      gtk_widget_activate_action (window, "prefs.new-recovery-code", NULL);
      if (g_str_equal (target, "new-code"))
        {
          rj_ui_test_spin (G_USEC_PER_SEC * 3 / 4);
          dialog = rj_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "new-code");
          gtk_window_destroy (dialog);
        }
    }
  else if (g_str_equal (target, "empty-sessions"))
    adw_preferences_window_set_visible_page_name (prefs, "sessions");
  else if (g_str_equal (target, "empty-support"))
    adw_preferences_window_set_visible_page_name (prefs, "support");
  else if (g_str_equal (target, "new-contact"))
    {
      adw_preferences_window_set_visible_page_name (prefs, "support");
      gtk_widget_activate_action (window, "prefs.add-contact", NULL);
    }
  else
    {
      g_printerr ("Unknown view “%s”\n", target);
      exit (2);
    }

  rj_ui_test_spin (G_USEC_PER_SEC * 3 / 4);
  g_print ("READY\n");
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *code = NULL;
  GtkWidget *window;
  int width = argc > 2 ? atoi (argv[2]) : 640;

  if (argc < 2)
    {
      g_printerr ("Usage: %s VIEW [WIDTH]\n", argv[0]);
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

  context = rj_ui_test_context_new ("rj-shoot-preferences-XXXXXX", &dir, &path);
  rj_ui_test_create_journal (context, PASSPHRASE, &code);
  if (!g_str_has_prefix (target, "empty-"))
    fill_profile (rj_context_get_store (context));

  window = rj_preferences_window_new (context);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_timeout_add (500, drive_cb, window);

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
