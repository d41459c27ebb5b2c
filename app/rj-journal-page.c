/* rj-journal-page.c: the open journal. A placeholder until the daily check-in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-journal-page.h"

struct _RjJournalPage
{
  AdwBin parent_instance;

  RjContext *context;

  AdwStatusPage *status_page;
  GtkLabel *damaged_label;
};

G_DEFINE_FINAL_TYPE (RjJournalPage, rj_journal_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rj_journal_page_constructed (GObject *object)
{
  RjJournalPage *self = (RjJournalPage *) object;

  G_OBJECT_CLASS (rj_journal_page_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
}

static void
rj_journal_page_dispose (GObject *object)
{
  RjJournalPage *self = (RjJournalPage *) object;

  /* AdwBin keeps its own pointer to the child, which the template is about to drop. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_JOURNAL_PAGE);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_journal_page_parent_class)->dispose (object);
}

static void
rj_journal_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RjJournalPage *self = RJ_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_journal_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RjJournalPage *self = RJ_JOURNAL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_journal_page_class_init (RjJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_journal_page_constructed;
  object_class->dispose = rj_journal_page_dispose;
  object_class->get_property = rj_journal_page_get_property;
  object_class->set_property = rj_journal_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RjJournalPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RjJournalPage, damaged_label);
}

static void
rj_journal_page_init (RjJournalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rj_journal_page_new (RjContext *context)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_JOURNAL_PAGE,
                       "context", context,
                       NULL);
}

/**
 * rj_journal_page_refresh:
 * @self: a #RjJournalPage
 *
 * Reads today's date and the journal's figures again. The journal must be open.
 */
void
rj_journal_page_refresh (RjJournalPage *self)
{
  RjStore *store;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_line = NULL;
  g_autofree char *days_line = NULL;
  g_autofree char *description = NULL;
  guint n_days;
  guint n_damaged;

  g_return_if_fail (RJ_IS_JOURNAL_PAGE (self));

  store = rj_context_get_store (self->context);
  g_return_if_fail (rj_store_is_unlocked (store));

  now = g_date_time_new_now_local ();
  /* Translators: today's date as in "Monday, 5 May"; see the GDateTime format
   * documentation. */
  today = g_date_time_format (now, _("%A, %-d %B"));
  /* Translators: %s is today's date, as in "Monday, 5 May". */
  today_line = g_strdup_printf (_("Today is %s."), today);

  n_days = rj_store_get_n_entries (store);
  if (n_days == 0)
    days_line = g_strdup (_("No days have entries yet."));
  else
    days_line = g_strdup_printf (ngettext ("%u day has an entry.",
                                           "%u days have entries.",
                                           n_days),
                                 n_days);

  description = g_strdup_printf ("%s\n%s", today_line, days_line);
  adw_status_page_set_description (self->status_page, description);

  n_damaged = rj_store_get_n_damaged (store);
  if (n_damaged > 0)
    {
      g_autofree char *damaged = NULL;

      damaged = g_strdup_printf (ngettext ("%u entry could not be read. The rest of your "
                                           "journal is safe.",
                                           "%u entries could not be read. The rest of your "
                                           "journal is safe.",
                                           n_damaged),
                                 n_damaged);
      gtk_label_set_label (self->damaged_label, damaged);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->damaged_label), n_damaged > 0);
}

/**
 * rj_journal_page_clear:
 * @self: a #RjJournalPage
 *
 * Takes everything read from the journal off the page, for when it locks.
 */
void
rj_journal_page_clear (RjJournalPage *self)
{
  g_return_if_fail (RJ_IS_JOURNAL_PAGE (self));

  adw_status_page_set_description (self->status_page, NULL);
  gtk_label_set_label (self->damaged_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->damaged_label), FALSE);
}
