/* rj-search-page.c: finding any day again by the words written on it.
 *
 * The page takes the place of the check-in while the client searches: a search entry
 * at the top, the days found below, newest first, each with a short piece of every
 * text where the words were found, the words in bold. Activating a day opens it in the
 * check-in. The search runs in memory on the unlocked journal (rj-search.c); nothing
 * of it is written anywhere, and locking empties the entry, the results and the index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-search-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-search.h"
#include "rj-search-page.h"

/* Days shown at first, and added by each "Show Older Days". */
#define PAGE_SIZE 50

struct _RjSearchPage
{
  AdwBin parent_instance;

  RjContext *context;
  RjSearchIndex *index;
  RjSearchResults *results;
  guint n_shown;

  /* Template widgets */
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *results_stack;
  GtkScrolledWindow *scrolled_window;
  GtkLabel *count_label;
  GtkListBox *results_list;
  GtkButton *more_button;
};

G_DEFINE_FINAL_TYPE (RjSearchPage, rj_search_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DAY_ACTIVATED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_name (RjSearchField field)
{
  switch (field)
    {
    case RJ_SEARCH_FIELD_NOTES:
      return _("Notes");
    case RJ_SEARCH_FIELD_CRAVING:
      return _("Craving");
    case RJ_SEARCH_FIELD_WIN:
      return _("Win");
    case RJ_SEARCH_FIELD_TOPIC:
      return _("Topic for group");
    case RJ_SEARCH_FIELD_USE_AMOUNT:
      return _("Use: how much");
    case RJ_SEARCH_FIELD_USE_WHAT_HAPPENED:
      return _("Use: what happened");
    case RJ_SEARCH_FIELD_USE_NEXT_TIME:
      return _("Use: next time");
    case RJ_SEARCH_FIELD_TRIGGER:
      return _("Trigger");
    case RJ_SEARCH_FIELD_SESSION_KEEP:
      return _("After the session: to keep");
    case RJ_SEARCH_FIELD_HOMEWORK:
      return _("Homework");
    case RJ_SEARCH_FIELD_HOMEWORK_HOW_IT_WENT:
      return _("Homework: how it went");
    case RJ_SEARCH_FIELD_REVIEW_VULNERABLE:
      return _("Looking back: what made me vulnerable");
    case RJ_SEARCH_FIELD_REVIEW_SET_OFF:
      return _("Looking back: what set it off");
    case RJ_SEARCH_FIELD_REVIEW_THOUGHTS:
      return _("Looking back: thoughts and feelings");
    default:
      g_assert_not_reached ();
    }
}

static char *
format_full_day (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date),
                                                     g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  /* TRANSLATORS: a day in the search results, as in "Tuesday, 3 March 2026"; see
   * g_date_time_format(). %A is the weekday's name, %-d the day of the month without a
   * leading zero, %B the month's name, %Y the year; as in "%A, %-d de %B de %Y". */
  return g_date_time_format (time, _("%A, %-d %B %Y"));
}

static GtkWidget *
match_widget_new (const RjSearchMatch *match,
                  GString *accessible)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind, *snippet;
  g_autofree char *markup = rj_search_page_markup (match->snippet, match->ranges);
  g_autofree char *kind_text = NULL;

  kind_text = match->is_private
              /* Translators: where a word was found, as in "Win, private". */
              ? g_strdup_printf (_("%s, private"), field_name (match->field))
              : g_strdup (field_name (match->field));
  kind = gtk_label_new (kind_text);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption-heading");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (heading), kind);
  if (match->is_private)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_add_css_class (lock, "dim-label");
      gtk_widget_set_tooltip_text (lock, _("Private: never printed"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Private"), -1);
      gtk_box_append (GTK_BOX (heading), lock);
    }
  gtk_box_append (GTK_BOX (box), heading);

  snippet = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), snippet);

  g_string_append_printf (accessible, ". %s: %s", kind_text, match->snippet);
  return box;
}

static GtkWidget *
row_new (RjSearchResults *results,
         guint index)
{
  g_autoptr(GPtrArray) matches = rj_search_results_dup_matches (results, index);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title;
  g_autofree char *day = NULL;
  GString *accessible;
  GDate date;

  rj_search_results_get_date (results, index, &date);
  day = format_full_day (&date);
  g_object_set_data_full (G_OBJECT (row), "rj-date", g_memdup2 (&date, sizeof date), g_free);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  title = gtk_label_new (day);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  accessible = g_string_new (day);
  for (guint i = 0; i < matches->len; i++)
    gtk_box_append (GTK_BOX (box), match_widget_new (g_ptr_array_index (matches, i),
                                                     accessible));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open this day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str, -1);
  g_string_free (accessible, TRUE);
  return row;
}

static void
remove_rows (RjSearchPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  self->n_shown = 0;
}

static void
show_more (RjSearchPage *self)
{
  guint n_days = rj_search_results_get_n_days (self->results);
  guint until = MIN (self->n_shown + PAGE_SIZE, n_days);

  for (; self->n_shown < until; self->n_shown++)
    gtk_list_box_append (self->results_list, row_new (self->results, self->n_shown));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->n_shown < n_days);
}

static void
update_count (RjSearchPage *self)
{
  guint n_days = rj_search_results_get_n_days (self->results);
  g_autofree char *text = NULL;

  /* Translators: how many days a search found. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day found, newest first",
                                       "%u days found, newest first", n_days),
                          n_days);
  gtk_label_set_label (self->count_label, text);
}

static void
run_search (RjSearchPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  RjStore *store = rj_context_get_store (self->context);
  gboolean blank = TRUE;

  remove_rows (self);
  g_clear_pointer (&self->results, rj_search_results_unref);

  for (const char *p = text; *p != '\0' && blank; p = g_utf8_next_char (p))
    blank = g_unichar_isspace (g_utf8_get_char (p));
  if (blank || !rj_store_is_unlocked (store))
    {
      gtk_stack_set_visible_child_name (self->results_stack, "start");
      return;
    }

  self->results = rj_search_index_query (self->index, text);
  if (rj_search_results_get_n_days (self->results) == 0)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }

  update_count (self);
  show_more (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->results_stack, "results");
}

static void
search_entry_search_changed_cb (RjSearchPage *self)
{
  run_search (self);
}

static void
search_entry_activate_cb (RjSearchPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  /* Enter opens the newest day found. */
  if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->results_stack),
                                  "results") == 0)
    g_signal_emit_by_name (self->results_list, "row-activated", first);
}

static void
results_list_row_activated_cb (RjSearchPage  *self,
                               GtkListBoxRow *row)
{
  GDate date = *(GDate *) g_object_get_data (G_OBJECT (row), "rj-date");

  g_signal_emit (self, signals[DAY_ACTIVATED], 0, &date);
}

static void
more_button_clicked_cb (RjSearchPage *self)
{
  GtkListBoxRow *first_new;
  guint n_before = self->n_shown;

  if (self->results == NULL)
    return;
  show_more (self);
  /* The keyboard goes on to the first of the days added, not to a button that may
   * be gone. */
  first_new = gtk_list_box_get_row_at_index (self->results_list, n_before);
  if (first_new != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first_new));
}

static void
search_bar_notify_search_mode_enabled_cb (RjSearchPage *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  /* The bar empties the entry, but the results would wait for the entry's delay. */
  remove_rows (self);
  g_clear_pointer (&self->results, rj_search_results_unref);
  gtk_stack_set_visible_child_name (self->results_stack, "start");
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
store_notify_unlocked_cb (RjSearchPage *self)
{
  if (!rj_store_is_unlocked (rj_context_get_store (self->context)))
    rj_search_page_clear (self);
}

static void
rj_search_page_constructed (GObject *object)
{
  RjSearchPage *self = (RjSearchPage *) object;
  RjStore *store;

  G_OBJECT_CLASS (rj_search_page_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
  store = rj_context_get_store (self->context);
  self->index = rj_search_index_new (store);
  g_signal_connect_object (store, "notify::unlocked",
                           G_CALLBACK (store_notify_unlocked_cb), self, G_CONNECT_SWAPPED);
}

static void
rj_search_page_dispose (GObject *object)
{
  RjSearchPage *self = (RjSearchPage *) object;

  g_clear_pointer (&self->results, rj_search_results_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_SEARCH_PAGE);
  g_clear_object (&self->index);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_search_page_parent_class)->dispose (object);
}

static void
rj_search_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RjSearchPage *self = RJ_SEARCH_PAGE (object);

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
rj_search_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RjSearchPage *self = RJ_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
rj_search_page_grab_focus (GtkWidget *widget)
{
  RjSearchPage *self = RJ_SEARCH_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rj_search_page_class_init (RjSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_search_page_constructed;
  object_class->dispose = rj_search_page_dispose;
  object_class->get_property = rj_search_page_get_property;
  object_class->set_property = rj_search_page_set_property;

  widget_class->grab_focus = rj_search_page_grab_focus;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjSearchPage::day-activated:
   * @page: the page
   * @date: the day the client chose among the results
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * RjSearchPage::closed:
   * @page: the page
   *
   * The search was closed, with Escape or by clearing the page.
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RjSearchPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RjSearchPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RjSearchPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RjSearchPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RjSearchPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RjSearchPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, RjSearchPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           search_bar_notify_search_mode_enabled_cb);
}

static void
rj_search_page_init (RjSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

GtkWidget *
rj_search_page_new (RjContext *context)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_SEARCH_PAGE, "context", context, NULL);
}

/**
 * rj_search_page_open:
 * @self: a #RjSearchPage
 *
 * Shows the search entry with the cursor in it and searches again for what it holds,
 * since days may have been written since.
 */
void
rj_search_page_open (RjSearchPage *self)
{
  g_return_if_fail (RJ_IS_SEARCH_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  run_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rj_search_page_close:
 * @self: a #RjSearchPage
 *
 * Closes the search as Escape does; the search bar empties the entry, and the results
 * go with it. Emits #RjSearchPage::closed.
 */
void
rj_search_page_close (RjSearchPage *self)
{
  g_return_if_fail (RJ_IS_SEARCH_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

gboolean
rj_search_page_get_search_mode (RjSearchPage *self)
{
  g_return_val_if_fail (RJ_IS_SEARCH_PAGE (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

/**
 * rj_search_page_clear:
 * @self: a #RjSearchPage
 *
 * Empties the entry and the results, wipes the index and closes the search, as the
 * journal locks.
 */
void
rj_search_page_clear (RjSearchPage *self)
{
  g_return_if_fail (RJ_IS_SEARCH_PAGE (self));

  /* No search for the emptied text runs: it would only find nothing. */
  g_signal_handlers_block_by_func (self->search_entry, search_entry_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_entry_search_changed_cb, self);

  remove_rows (self);
  g_clear_pointer (&self->results, rj_search_results_unref);
  rj_search_index_clear (self->index);
  gtk_label_set_label (self->count_label, "");
  gtk_stack_set_visible_child_name (self->results_stack, "start");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/**
 * rj_search_page_get_n_days:
 * @self: a #RjSearchPage
 *
 * Returns: how many days the search shown found
 */
guint
rj_search_page_get_n_days (RjSearchPage *self)
{
  g_return_val_if_fail (RJ_IS_SEARCH_PAGE (self), 0);

  return self->results != NULL ? rj_search_results_get_n_days (self->results) : 0;
}

/**
 * rj_search_page_markup:
 * @snippet: a piece of the client's text
 * @ranges: (element-type RjSearchRange): byte ranges of @snippet to show in bold
 *
 * Returns: (transfer full): Pango markup of @snippet, escaped, the ranges in bold
 */
char *
rj_search_page_markup (const char *snippet,
                       GArray     *ranges)
{
  GString *markup = g_string_new (NULL);
  gsize done = 0, len = strlen (snippet);

  for (guint i = 0; i < ranges->len; i++)
    {
      const RjSearchRange *range = &g_array_index (ranges, RjSearchRange, i);
      g_autofree char *before = NULL, *word = NULL;

      g_return_val_if_fail (range->start >= done && range->end <= len, NULL);
      before = g_markup_escape_text (snippet + done, range->start - done);
      word = g_markup_escape_text (snippet + range->start, range->end - range->start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      done = range->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (snippet + done, len - done);
    g_string_append (markup, rest);
  }
  return g_string_free (markup, FALSE);
}
