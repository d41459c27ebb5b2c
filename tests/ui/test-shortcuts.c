/* test-shortcuts.c: the help overlay (Ctrl+?) lists every shortcut the app sets.
 *
 * The shortcuts are read from where the app sets them, not from a list kept here: the
 * application's accelerators, and the key bindings of every window and page of ours
 * that the journal window opens, each with the accelerator the overlay must show. A
 * shortcut added later without a line in ui/gtk/help-overlay.ui fails this test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rj-application.h"
#include "rj-context.h"
#include "rj-test-util.h"
#include "rj-ui-test-util.h"
#include "rj-window.h"

#define PASSPHRASE "a calm evening by the lake"
#define HELP_OVERLAY "/com/example/RecoveryJournal/gtk/help-overlay.ui"
#define MODIFIERS (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | \
                   GDK_META_MASK)

/* A shortcut as a person presses it: Ctrl+Shift+S and Ctrl+S are different, "S" with
 * Shift and "s" with Shift are the same. */
static char *
key_name (guint           keyval,
          GdkModifierType mods)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods & MODIFIERS);
}

/* Every accelerator the help overlay shows, as key_name() gives them. */
static GHashTable *
dup_documented_keys (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (HELP_OVERLAY);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  g_ptr_array_add (pending, overlay);
  while (pending->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (pending, pending->len - 1);

      if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
        {
          g_autofree char *accelerator = NULL;
          g_auto(GStrv) accels = NULL;

          g_object_get (widget, "accelerator", &accelerator, NULL);
          accels = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
          for (guint i = 0; accels[i] != NULL; i++)
            {
              guint keyval = 0;
              GdkModifierType mods = 0;

              if (accels[i][0] == '\0')
                continue;
              g_assert_true (gtk_accelerator_parse (accels[i], &keyval, &mods));
              g_hash_table_add (keys, key_name (keyval, mods));
            }
        }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (pending, child);
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
  return keys;
}

/* The key bindings of a class, from the controller GTK puts on each of its widgets:
 * "key" → the action or signal it runs. */
static GHashTable *
dup_class_bindings (GtkWidget *widget)
{
  GHashTable *bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (controller),
                     "gtk-widget-class-shortcuts") != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          g_hash_table_insert (bindings,
                               key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                               gtk_shortcut_action_to_string (action));
        }
    }

  return bindings;
}

/* Adds the key bindings that a class of ours adds to those of its parent class. */
static void
collect_own_bindings (GtkWidget  *widget,
                      GHashTable *required,
                      GHashTable *seen_types)
{
  GType type = G_OBJECT_TYPE (widget);
  GType parent_type = g_type_parent (type);
  g_autoptr(GHashTable) bindings = NULL;
  g_autoptr(GHashTable) inherited = NULL;
  GtkWidget *parent_widget;
  GHashTableIter iter;
  gpointer key, value;

  if (!g_str_has_prefix (g_type_name (type), "Rj") ||
      g_hash_table_contains (seen_types, GSIZE_TO_POINTER (type)))
    return;
  g_hash_table_add (seen_types, GSIZE_TO_POINTER (type));

  bindings = dup_class_bindings (widget);
  if (G_TYPE_IS_ABSTRACT (parent_type))
    {
      /* GtkWidget itself binds no keys. */
      inherited = g_hash_table_new (g_str_hash, g_str_equal);
    }
  else
    {
      parent_widget = g_object_ref_sink (g_object_new (parent_type, NULL));
      inherited = dup_class_bindings (parent_widget);
      if (GTK_IS_WINDOW (parent_widget))
        gtk_window_destroy (GTK_WINDOW (parent_widget));
      g_object_unref (parent_widget);
    }

  g_hash_table_iter_init (&iter, bindings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (g_hash_table_lookup (inherited, key), value) == 0)
        continue;
      g_hash_table_insert (required, g_strdup (key),
                           g_strdup_printf ("%s (%s, %s)", (char *) key, (char *) value,
                                            g_type_name (type)));
    }
}

static void
collect_tree (GtkWidget  *widget,
              GHashTable *required,
              GHashTable *seen_types)
{
  collect_own_bindings (widget, required, seen_types);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_tree (child, required, seen_types);
}

/* The journal window's actions that open another window, for their key bindings;
 * the others move between days, lock, or open a file chooser or the search. */
static gboolean
opens_window (const char *action)
{
  static const char *const others[] = {
    "win.lock", "win.today", "win.previous-day", "win.next-day", "win.choose-day",
    "win.restore-backup", "win.search", NULL
  };

  return g_str_has_prefix (action, "win.") && !g_strv_contains (others, action);
}

static void
test_help_overlay_lists_every_shortcut (void)
{
  g_autoptr(RjApplication) application = rj_application_new ();
  g_autoptr(GHashTable) documented = dup_documented_keys ();
  g_autoptr(GHashTable) required = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                          g_free, g_free);
  g_autoptr(GHashTable) seen_types = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_auto(GStrv) actions = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RjContext) context = NULL;
  GtkWidget *window;
  GtkWidgetClass *window_class;
  const char *action_name;
  const char *property_name;
  const GVariantType *parameter_type;
  GType owner;
  GHashTableIter iter;
  gpointer key, value;
  GList *toplevels;

  /* The application's own accelerators, set at startup. */
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (application));
  g_assert_nonnull (actions);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                    actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval = 0;
          GdkModifierType mods = 0;
          char *name;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          name = key_name (keyval, mods);
          g_hash_table_insert (required, name,
                               g_strdup_printf ("%s (%s, the application)", name, actions[i]));
        }
    }
  /* Quit and lock at least; the overlay itself (Ctrl+?) is GTK's. */
  g_assert_cmpuint (g_hash_table_size (required), >=, 2);

  /* The key bindings of the journal window, of its pages, and of every window that
   * one of its actions opens, on an open journal. */
  context = rj_ui_test_context_new ("rj-test-shortcuts-XXXXXX", &dir, &path);
  rj_ui_test_create_journal (context, PASSPHRASE, NULL);
  window = GTK_WIDGET (rj_window_new (GTK_APPLICATION (application), context));
  gtk_window_present (GTK_WINDOW (window));
  rj_ui_test_settle (200 * 1000);

  window_class = GTK_WIDGET_GET_CLASS (window);
  for (guint i = 0;
       gtk_widget_class_query_action (window_class, i, &owner, &action_name, &parameter_type,
                                      &property_name);
       i++)
    {
      if (opens_window (action_name) && gtk_widget_activate_action (window, action_name, NULL))
        rj_ui_test_settle (200 * 1000);
    }

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    collect_tree (l->data, required, seen_types);
  g_list_free (toplevels);

  /* The windows with key bindings of their own that this test must have reached. */
  g_assert_true (g_hash_table_contains (seen_types, GSIZE_TO_POINTER (RJ_TYPE_WINDOW)));
  g_assert_cmpuint (g_type_from_name ("RjSummaryWindow"), !=, 0);
  g_assert_true (g_hash_table_contains (seen_types,
                                        GSIZE_TO_POINTER (g_type_from_name ("RjSummaryWindow"))));
  g_assert_true (g_hash_table_contains (seen_types,
                                        GSIZE_TO_POINTER (g_type_from_name ("RjCravingDialog"))));
  g_assert_cmpuint (g_hash_table_size (required), >=, 12);

  g_hash_table_iter_init (&iter, required);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("shortcut %s", (char *) value);
      if (!g_hash_table_contains (documented, key))
        g_string_append_printf (missing, "\n  %s", (char *) value);
    }
  if (missing->len > 0)
    g_error ("These shortcuts are not in ui/gtk/help-overlay.ui:%s", missing->str);

  g_assert_true (rj_store_lock (rj_context_get_store (context), &error));
  g_assert_no_error (error);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  rj_ui_test_settle (100 * 1000);
  g_clear_object (&context);
  rj_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add_func ("/shortcuts/help-overlay-lists-every-shortcut",
                   test_help_overlay_lists_every_shortcut);

  return g_test_run ();
}
