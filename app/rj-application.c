/* rj-application.c: the application.
 *
 * One window per journal file. `--journal FILE` opens another file than the one the
 * settings name; a second start with the same file brings its window forward.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-application.h"
#include "rj-context.h"
#include "rj-help-now-dialog.h"
#include "rj-window.h"

struct _RjApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RjApplication, rj_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "journal", 'j', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Use another journal file"), N_("FILE") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static RjWindow *
find_window_for_path (RjApplication *self,
                      const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      RjStore *store;

      if (!RJ_IS_WINDOW (l->data))
        continue;

      store = rj_context_get_store (rj_window_get_context (l->data));
      if (g_strcmp0 (rj_store_get_path (store), path) == 0)
        return l->data;
    }

  return NULL;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RjApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing each window locks its journal; the application ends with the last one. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RjApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Recovery Journal"),
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Recovery Journal contributors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments",
                        _("A private, encrypted daily journal for people in an Intensive "
                          "Outpatient Program.\n\n"
                          "If you need help now: call or text 988, the Suicide &amp; Crisis "
                          "Lifeline (US), or call the SAMHSA National Helpline at "
                          "1-800-662-4357, free and confidential, day and night."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_now_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  RjApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (rj_help_now_dialog_new (parent)));
}

static const GActionEntry action_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help-now", help_now_action },
};

static int
rj_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Recovery Journal"), PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (rj_application_parent_class)->handle_local_options (application,
                                                                                   options);
}

static int
rj_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  RjApplication *self = RJ_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *journal = NULL;
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "journal", "^&ay", &journal))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              journal);
      path = g_file_get_path (file);
    }

  rj_application_open_journal (self, path);

  return EXIT_SUCCESS;
}

static void
rj_application_activate (GApplication *application)
{
  RjApplication *self = RJ_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    rj_application_open_journal (self, NULL);
}

static void
rj_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *lock_accels[] = { "<Control>l", NULL };

  G_APPLICATION_CLASS (rj_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), action_entries,
                                   G_N_ELEMENTS (action_entries), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.lock",
                                         lock_accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
rj_application_class_init (RjApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->handle_local_options = rj_application_handle_local_options;
  application_class->command_line = rj_application_command_line;
  application_class->activate = rj_application_activate;
  application_class->startup = rj_application_startup;
}

static void
rj_application_init (RjApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A private, encrypted daily journal"));
}

RjApplication *
rj_application_new (void)
{
  return g_object_new (RJ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/com/example/RecoveryJournal",
                       NULL);
}

/**
 * rj_application_open_journal:
 * @self: a #RjApplication
 * @journal_path: (nullable): the journal file, or %NULL for the one the settings name
 *   or else the one in the usual place
 *
 * Shows the window of the journal at @journal_path, opening one if there is none.
 */
void
rj_application_open_journal (RjApplication *self,
                             const char    *journal_path)
{
  g_autoptr(RjContext) context = NULL;
  RjWindow *window;

  g_return_if_fail (RJ_IS_APPLICATION (self));

  context = rj_context_new (journal_path);
  window = find_window_for_path (self, rj_store_get_path (rj_context_get_store (context)));
  if (window == NULL)
    window = rj_window_new (GTK_APPLICATION (self), context);

  gtk_window_present (GTK_WINDOW (window));
}
