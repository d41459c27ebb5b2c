/* shoot-craving.c: shows the craving dialog or a list of craving rows, for a screenshot.
 *
 * Not a test: run it under Xvfb with what to show, wait for "READY" on stdout, take the
 * screenshot, then end it. The journal lives in a temporary folder, with fast key
 * derivation.
 *
 *   rj-shoot-craving new|past|time|edit|edit-middle|edit-bottom|
 *                    narrow|narrow-middle|narrow-bottom|rows|rows-narrow
 *
 * "narrow" is a new craving at 360 pixels wide; "narrow-middle" and "narrow-bottom" an
 * existing one, scrolled. With RJ_SHOOT_12H=1 in the environment, the desktop's clock
 * reads 12 hours (GSETTINGS_BACKEND=memory keeps that from sticking).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <glib-unix.h>

#include "rj-context.h"
#include "rj-craving-dialog.h"
#include "rj-craving-row.h"
#include "rj-ui-test-util.h"

#define PASSPHRASE "river stones and quiet mornings"

static double scroll_fraction;

static gboolean
scroll_cb (gpointer user_data)
{
  GtkScrolledWindow *scrolled = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, range * scroll_fraction);
  return G_SOURCE_REMOVE;
}

static gboolean
popup_cb (gpointer user_data)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (user_data));
  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Says what a keyboard run through the dialog produced. */
static void
saved_cb (RjCravingDialog *dialog,
          RjCraving       *craving)
{
  g_print ("SAVED time=%d intensity=%d duration=%d trigger=%s words=%s private=%d "
           "halt=%x/%x skills=%u outcome=%d\n",
           craving->time_minutes, craving->intensity, craving->duration_minutes,
           craving->trigger_id, craving->trigger_words.text, craving->trigger_words.is_private,
           craving->halt.answered, craving->halt.yes, craving->skills->len, craving->outcome);
  for (guint i = 0; i < craving->skills->len; i++)
    g_print ("SKILL %s helped=%d\n", g_array_index (craving->skills, RjSkillUse, i).skill_id,
             g_array_index (craving->skills, RjSkillUse, i).helped);
}

static gboolean
ready_cb (gpointer user_data)
{
  g_print ("READY\n");
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *code = NULL;
  g_autoptr(RjContext) context = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(RjCraving) craving = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  const char *target;
  gboolean narrow;
  RjStore *store;
  GtkWindow *window;

  if (argc != 2)
    {
      g_printerr ("Usage: %s new|past|time|edit|edit-middle|edit-bottom|"
                  "narrow|narrow-middle|narrow-bottom|rows|rows-narrow\n", argv[0]);
      return 2;
    }
  target = argv[1];
  narrow = g_str_has_prefix (target, "narrow") || g_str_equal (target, "rows-narrow");

  gtk_init ();
  adw_init ();

  if (g_getenv ("RJ_SHOOT_12H") != NULL)
    {
      g_autoptr(GSettings) interface = g_settings_new ("org.gnome.desktop.interface");

      g_settings_set_string (interface, "clock-format", "12h");
    }
  g_assert_true (rj_crypto_init ());

  context = rj_ui_test_context_new ("rj-shoot-craving-XXXXXX", &dir, &path);
  store = rj_ui_test_create_journal (context, PASSPHRASE, &code);

  profile = rj_store_dup_profile (store);
  rj_profile_find_item (profile, RJ_LIST_SKILLS, "tipp")->hidden = TRUE;
  rj_profile_add_item (profile, RJ_LIST_TRIGGERS, "Payday");
  rj_profile_add_item (profile, RJ_LIST_SKILLS, "Text my sister");
  rj_store_save_profile (store, profile, &error);
  g_assert_no_error (error);

  craving = rj_ui_test_craving_new (21 * 60 + 5, 8, 25, "places", "Walked past the old bar on Elm Street",
                          RJ_OUTCOME_RODE_IT_OUT);
  craving->trigger_words.is_private = TRUE;
  craving->halt.answered = RJ_HALT_HUNGRY | RJ_HALT_LONELY | RJ_HALT_TIRED;
  craving->halt.yes = RJ_HALT_LONELY | RJ_HALT_TIRED;
  rj_craving_add_skill (craving, "urge-surfing", RJ_HELPED_PARTLY);
  rj_craving_add_skill (craving, "call-support", RJ_HELPED_YES);
  rj_craving_add_skill (craving, "breathing", RJ_HELPED_NOT_LOGGED);

  if (g_str_has_prefix (target, "rows"))
    {
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *clamp;
      g_autoptr(RjCraving) second = rj_ui_test_craving_new (13 * 60 + 40, 4, RJ_NOT_LOGGED, "people",
                                                  NULL, RJ_OUTCOME_RODE_IT_OUT);
      g_autoptr(RjCraving) third = rj_ui_test_craving_new (17 * 60 + 15, 9, 90, "feelings",
                                                 "After the call with Mum", RJ_OUTCOME_USED);
      g_autoptr(RjCraving) empty = rj_craving_new ();

      rj_craving_add_skill (second, "distract", RJ_HELPED_YES);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_append (GTK_LIST_BOX (list), rj_craving_row_new (second, profile));
      gtk_list_box_append (GTK_LIST_BOX (list), rj_craving_row_new (third, profile));
      gtk_list_box_append (GTK_LIST_BOX (list), rj_craving_row_new (craving, profile));
      gtk_list_box_append (GTK_LIST_BOX (list), rj_craving_row_new (empty, profile));

      clamp = g_object_new (ADW_TYPE_CLAMP,
                            "child", list,
                            "maximum-size", 560,
                            "margin-top", 24,
                            "margin-start", 12,
                            "margin-end", 12,
                            "valign", GTK_ALIGN_START,
                            NULL);
      window = GTK_WINDOW (adw_window_new ());
      adw_window_set_content (ADW_WINDOW (window), clamp);
      gtk_window_set_default_size (window, narrow ? 360 : 600, 480);
    }
  else
    {
      GDate day;
      gboolean edit = g_str_has_prefix (target, "edit") || g_str_has_prefix (target, "narrow-");
      RjCravingDialog *dialog;

      g_date_clear (&day, 1);
      g_date_set_time_t (&day, time (NULL));
      if (g_str_equal (target, "past"))
        g_date_subtract_days (&day, 2);

      dialog = rj_craving_dialog_new (context, edit ? craving : NULL, &day);
      window = GTK_WINDOW (dialog);
      g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), NULL);
      if (narrow)
        gtk_window_set_default_size (window, 360, 720);

      if (g_str_has_suffix (target, "bottom"))
        scroll_fraction = 1.0;
      else if (g_str_has_suffix (target, "middle"))
        scroll_fraction = 0.45;
      if (scroll_fraction > 0)
        g_timeout_add (300, scroll_cb,
                       gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                      RJ_TYPE_CRAVING_DIALOG,
                                                      "scrolled_window"));
      if (g_str_equal (target, "time"))
        g_timeout_add (300, popup_cb,
                       gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                      RJ_TYPE_CRAVING_DIALOG,
                                                      "time_button"));
    }

  gtk_window_present (window);
  g_timeout_add (900, ready_cb, NULL);

  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);

  rj_store_lock (store, NULL);
  rj_test_remove_tree (dir);
  return 0;
}
