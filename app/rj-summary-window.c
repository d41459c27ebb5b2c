/* rj-summary-window.c: the session summary: its period, a preview, print and export.
 *
 * The preview, the printout and the PDF are all drawn by rj_summary_page_draw(), so
 * that what the client sees is what the counsellor gets. Print, PDF and CSV draw or
 * write straight to the print context or the file the client chose: nothing passes
 * through a temporary file in plaintext on our side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-summary-window"

#include "config.h"

#include <sodium.h>
#include <glib/gi18n.h>

#include "rj-day-header.h"
#include "rj-export.h"
#include "rj-file.h"
#include "rj-summary.h"
#include "rj-summary-page.h"
#include "rj-summary-window.h"
#include "rj-utils.h"

#define PREVIEW_MARGIN 24.0

typedef enum {
  EXPORT_PDF,
  EXPORT_CSV,
} ExportKind;

struct _RjSummaryWindow
{
  AdwWindow parent_instance;

  RjContext *context;
  RjProfile *profile;
  RjSummary *summary;
  GDateTime *generated;

  GDate today;
  GDate first;
  GDate last;
  gboolean since_last_session;

  /* Set while the calendars are moved from code, so that they are not taken as a
   * choice of the client's. */
  gboolean updating;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkDropDown *period_dropdown;
  GtkMenuButton *first_button;
  GtkMenuButton *last_button;
  GtkCalendar *first_calendar;
  GtkCalendar *last_calendar;
  GtkDropDown *paper_dropdown;
  GtkDrawingArea *preview;
};

G_DEFINE_FINAL_TYPE (RjSummaryWindow, rj_summary_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a print, a PDF or a CSV needs, taken when it starts: the window may close (the
 * journal may lock) before it ends. */
typedef struct
{
  RjStore *store;
  RjSummary *summary;
  RjProfile *profile;
  GDateTime *generated;
  GDate first;
  GDate last;
  double width;
  double height;
} PageData;

static void
page_data_free (PageData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->summary, rj_summary_unref);
  g_clear_pointer (&data->profile, rj_profile_unref);
  g_clear_pointer (&data->generated, g_date_time_unref);
  g_free (data);
}

static void
page_data_free_closure (gpointer  data,
                        GClosure *closure)
{
  page_data_free (data);
}

static RjStore *
get_store (RjSummaryWindow *self)
{
  return rj_context_get_store (self->context);
}

static gboolean
uses_letter (RjSummaryWindow *self)
{
  return gtk_drop_down_get_selected (self->paper_dropdown) == 1;
}

static void
get_page_size (RjSummaryWindow *self,
               double          *width,
               double          *height)
{
  rj_export_paper_size (uses_letter (self), width, height);
}

static PageData *
page_data_new (RjSummaryWindow *self)
{
  PageData *data = g_new0 (PageData, 1);

  data->store = g_object_ref (get_store (self));
  if (self->summary != NULL)
    data->summary = rj_summary_ref (self->summary);
  if (self->profile != NULL)
    data->profile = rj_profile_ref (self->profile);
  data->generated = g_date_time_new_now_local ();
  data->first = self->first;
  data->last = self->last;
  get_page_size (self, &data->width, &data->height);

  return data;
}

static GDateTime *
date_to_date_time (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

static void
date_from_calendar (GtkCalendar *calendar,
                    GDate       *date)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

static char *
format_date (const GDate *date)
{
  char buffer[64];

  /* TRANSLATORS: a day in the period selector, as in "Mar 4, 2026"; see strftime(3).
   * %b is the month's short name, %-d the day of the month, %Y the year; as in
   * "%-d %b %Y". */
  if (g_date_strftime (buffer, sizeof buffer, _("%b %-d, %Y"), date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

static void
show_period (RjSummaryWindow *self)
{
  g_autoptr(GDateTime) first = date_to_date_time (&self->first);
  g_autoptr(GDateTime) last = date_to_date_time (&self->last);
  g_autofree char *first_text = format_date (&self->first);
  g_autofree char *last_text = format_date (&self->last);
  g_autofree char *subtitle = NULL;
  guint n_days = g_date_days_between (&self->first, &self->last) + 1;

  self->updating = TRUE;
  gtk_calendar_select_day (self->first_calendar, first);
  gtk_calendar_select_day (self->last_calendar, last);
  gtk_menu_button_set_label (self->first_button, first_text);
  gtk_menu_button_set_label (self->last_button, last_text);
  self->updating = FALSE;

  subtitle = g_strdup_printf (ngettext ("%u day", "%u days", n_days), n_days);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
recompute (RjSummaryWindow *self)
{
  RjStore *store = get_store (self);

  show_period (self);

  g_clear_pointer (&self->summary, rj_summary_unref);
  if (rj_store_is_unlocked (store) && self->profile != NULL)
    self->summary = rj_summary_compute (store, self->profile, &self->first, &self->last);

  g_clear_pointer (&self->generated, g_date_time_unref);
  self->generated = g_date_time_new_now_local ();

  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
use_default_period (RjSummaryWindow *self)
{
  if (self->profile != NULL)
    rj_summary_default_period (get_store (self), self->profile, &self->today,
                               &self->first, &self->last, &self->since_last_session);
  else
    {
      self->first = self->today;
      self->last = self->today;
    }
}

/* The white page, scaled to fit, on a card with a soft shadow. */
static void
preview_draw_func (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  RjSummaryWindow *self = user_data;
  double page_width, page_height, scale, x, y;

  get_page_size (self, &page_width, &page_height);
  scale = MIN ((width - 2 * PREVIEW_MARGIN) / page_width,
               (height - 2 * PREVIEW_MARGIN) / page_height);
  if (scale <= 0)
    return;

  x = floor ((width - page_width * scale) / 2);
  y = floor ((height - page_height * scale) / 2);

  for (int i = 1; i <= 6; i++)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_rectangle (cr, x - i + 2, y - i + 4,
                       page_width * scale + 2 * i - 4, page_height * scale + 2 * i - 4);
      cairo_fill (cr);
    }

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
  cairo_fill (cr);

  if (self->summary == NULL)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  rj_summary_page_draw (cr, page_width, page_height, self->summary, self->profile,
                        self->generated);
  cairo_restore (cr);
}

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page_nr,
                    gpointer           user_data)
{
  PageData *data = user_data;

  if (data->summary == NULL)
    return;

  rj_summary_page_draw (gtk_print_context_get_cairo_context (context),
                        gtk_print_context_get_width (context),
                        gtk_print_context_get_height (context),
                        data->summary, data->profile, data->generated);
}

static GtkPrintOperation *
print_operation_new (RjSummaryWindow *self)
{
  return rj_export_print_operation_new (uses_letter (self), _("Recovery check-in"),
                                        G_CALLBACK (print_draw_page_cb), page_data_new (self),
                                        page_data_free_closure);
}

static void
save_pdf_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RjSummaryWindow *self = RJ_SUMMARY_WINDOW (object);
  g_autoptr(GError) error = NULL;

  rj_summary_window_save_pdf_finish (self, result, &error);
  rj_export_tell_saved (self->toast_overlay, error, _("The PDF could not be saved: %s"),
                        _("PDF saved"));
}

static void
save_csv_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RjSummaryWindow *self = RJ_SUMMARY_WINDOW (object);
  g_autoptr(GError) error = NULL;

  rj_summary_window_save_csv_finish (self, result, &error);
  rj_export_tell_saved (self->toast_overlay, error, _("The CSV file could not be saved: %s"),
                        _("CSV file saved"));
}

static void
file_chosen_cb (GtkWindow *window,
                GFile     *file,
                gpointer   user_data)
{
  RjSummaryWindow *self = RJ_SUMMARY_WINDOW (window);

  if (GPOINTER_TO_INT (user_data) == EXPORT_PDF)
    rj_summary_window_save_pdf_async (self, file, NULL, save_pdf_done_cb, NULL);
  else
    rj_summary_window_save_csv_async (self, file, NULL, save_csv_done_cb, NULL);
}

static void
export (RjSummaryWindow *self,
        ExportKind       kind)
{
  g_autofree char *name = rj_export_suggested_name (_("Recovery check-in"),
                                                    kind == EXPORT_PDF ? "pdf" : "csv");

  if (kind == EXPORT_PDF)
    rj_export_choose_file (GTK_WINDOW (self), _("Save Summary as PDF"), _("PDF documents"),
                           "application/pdf", name, file_chosen_cb,
                           GINT_TO_POINTER (kind));
  else
    rj_export_choose_file (GTK_WINDOW (self), _("Export Summary as CSV"), _("CSV files"),
                           "text/csv", name, file_chosen_cb, GINT_TO_POINTER (kind));
}

static void
choose_day (RjSummaryWindow *self,
            GtkCalendar     *calendar,
            GDate           *day,
            GDate           *other,
            gboolean         is_first)
{
  if (self->updating)
    return;

  date_from_calendar (calendar, day);

  /* The summary is of days that were lived: no future days. */
  if (g_date_compare (day, &self->today) > 0)
    *day = self->today;

  if (is_first ? g_date_compare (day, other) > 0 : g_date_compare (day, other) < 0)
    *other = *day;

  self->since_last_session = FALSE;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, 1);
  self->updating = FALSE;

  recompute (self);
}

static void
first_calendar_day_selected_cb (RjSummaryWindow *self)
{
  choose_day (self, self->first_calendar, &self->first, &self->last, TRUE);
}

static void
last_calendar_day_selected_cb (RjSummaryWindow *self)
{
  choose_day (self, self->last_calendar, &self->last, &self->first, FALSE);
}

static void
period_dropdown_notify_selected_cb (RjSummaryWindow *self)
{
  if (self->updating || gtk_drop_down_get_selected (self->period_dropdown) != 0)
    return;

  use_default_period (self);
  recompute (self);
}

static void
paper_dropdown_notify_selected_cb (RjSummaryWindow *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* A locked journal shows nothing: the page goes with the window. */
static void
forget (GtkWindow *window)
{
  g_clear_pointer (&RJ_SUMMARY_WINDOW (window)->summary, rj_summary_unref);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RjSummaryWindow *self = RJ_SUMMARY_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = print_operation_new (self);

  rj_export_print (GTK_WINDOW (self), self->toast_overlay, operation,
                   _("The summary could not be printed"));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  export (RJ_SUMMARY_WINDOW (widget), EXPORT_PDF);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (RJ_SUMMARY_WINDOW (widget), EXPORT_CSV);
}

static gboolean
write_pdf (const char    *path,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  PageData *data = user_data;

  return rj_summary_page_write_pdf (path, data->width, data->height, data->summary,
                                    data->profile, data->generated, error);
}

static gboolean
write_csv (const char    *path,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  PageData *data = user_data;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  const guint8 *bytes;
  gsize size;
  gboolean ok;

  /* The CSV is made in memory, then written into the chosen file itself, made
   * private (0600) before anything is in it: g_file_replace() would write a
   * temporary file beside it first, which a crash could leave behind. */
  if (!rj_summary_write_csv (data->store, data->profile, &data->first, &data->last, memory,
                             cancellable, error) ||
      !g_output_stream_close (memory, cancellable, error))
    return FALSE;
  bytes = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));
  ok = rj_file_write_private (path, bytes, size, error);
  sodium_memzero ((guint8 *) bytes, size);
  return ok;
}

static void
rj_summary_window_constructed (GObject *object)
{
  RjSummaryWindow *self = (RjSummaryWindow *) object;
  RjStore *store;

  G_OBJECT_CLASS (rj_summary_window_parent_class)->constructed (object);

  g_assert (RJ_IS_CONTEXT (self->context));
  store = get_store (self);

  /* The paper of the client's locale: US Letter where that is usual, else A4. */
  if (rj_export_locale_uses_letter ())
    gtk_drop_down_set_selected (self->paper_dropdown, 1);

  /* A locked journal has no summary to show: the window goes as it came. */
  self->profile = rj_store_dup_profile (store);
  rj_export_close_when_locked (GTK_WINDOW (self), store, self->profile == NULL, forget);

  use_default_period (self);
  recompute (self);
}

static void
rj_summary_window_dispose (GObject *object)
{
  RjSummaryWindow *self = (RjSummaryWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RJ_TYPE_SUMMARY_WINDOW);

  G_OBJECT_CLASS (rj_summary_window_parent_class)->dispose (object);
}

static void
rj_summary_window_finalize (GObject *object)
{
  RjSummaryWindow *self = (RjSummaryWindow *) object;

  g_clear_pointer (&self->summary, rj_summary_unref);
  g_clear_pointer (&self->profile, rj_profile_unref);
  g_clear_pointer (&self->generated, g_date_time_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rj_summary_window_parent_class)->finalize (object);
}

static void
rj_summary_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RjSummaryWindow *self = RJ_SUMMARY_WINDOW (object);

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
rj_summary_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RjSummaryWindow *self = RJ_SUMMARY_WINDOW (object);

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
rj_summary_window_class_init (RjSummaryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rj_summary_window_constructed;
  object_class->dispose = rj_summary_window_dispose;
  object_class->finalize = rj_summary_window_finalize;
  object_class->get_property = rj_summary_window_get_property;
  object_class->set_property = rj_summary_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RJ_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/RecoveryJournal/ui/rj-summary-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, first_button);
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, last_button);
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, first_calendar);
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, last_calendar);
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RjSummaryWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, first_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, last_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, paper_dropdown_notify_selected_cb);

  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "summary.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "summary.export-csv", NULL, export_csv_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "summary.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rj_summary_window_init (RjSummaryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rj_get_today (&self->today);
  self->first = self->today;
  self->last = self->today;

  gtk_drawing_area_set_draw_func (self->preview, preview_draw_func, self, NULL);

  /* Names for screen readers where GTK 4.8 would give none or a mangled one. */
  rj_accessible_fix_names (GTK_WIDGET (self));
}

/**
 * rj_summary_window_new:
 * @parent: (nullable): the journal window
 * @context: the journal's context; its store should be unlocked
 *
 * Returns: (transfer none): a new summary window, transient for @parent
 */
GtkWidget *
rj_summary_window_new (GtkWindow *parent,
                       RjContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RJ_IS_CONTEXT (context), NULL);

  return g_object_new (RJ_TYPE_SUMMARY_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       NULL);
}

RjContext *
rj_summary_window_get_context (RjSummaryWindow *self)
{
  g_return_val_if_fail (RJ_IS_SUMMARY_WINDOW (self), NULL);

  return self->context;
}

void
rj_summary_window_get_period (RjSummaryWindow *self,
                              GDate           *first,
                              GDate           *last)
{
  g_return_if_fail (RJ_IS_SUMMARY_WINDOW (self));

  if (first != NULL)
    *first = self->first;
  if (last != NULL)
    *last = self->last;
}

/**
 * rj_summary_window_set_period:
 * @self: a #RjSummaryWindow
 * @first: the first day
 * @last: the last day, not before @first; a day after today becomes today
 *
 * Shows a custom period, as the calendars would.
 */
void
rj_summary_window_set_period (RjSummaryWindow *self,
                              const GDate     *first,
                              const GDate     *last)
{
  g_return_if_fail (RJ_IS_SUMMARY_WINDOW (self));
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (last != NULL && g_date_valid (last));
  g_return_if_fail (g_date_compare (first, last) <= 0);

  self->first = *first;
  self->last = *last;
  if (g_date_compare (&self->last, &self->today) > 0)
    self->last = self->today;
  if (g_date_compare (&self->first, &self->last) > 0)
    self->first = self->last;

  self->since_last_session = FALSE;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->period_dropdown, 1);
  self->updating = FALSE;

  recompute (self);
}

/**
 * rj_summary_window_export_print:
 * @self: a #RjSummaryWindow
 * @path: where to write the PDF
 * @error: return location for a #GError
 *
 * Runs the print operation of the Print button without its dialog, exporting to
 * @path; for tests, which never open a modal print dialog.
 */
gboolean
rj_summary_window_export_print (RjSummaryWindow  *self,
                                const char       *path,
                                GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (RJ_IS_SUMMARY_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = print_operation_new (self);
  return rj_export_print_to_file (GTK_WINDOW (self), operation, path, error);
}

/**
 * rj_summary_window_save_pdf_async:
 * @self: a #RjSummaryWindow
 * @file: where to save the page, a local file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the page shown as a one-page PDF on the paper chosen, in a thread.
 */
void
rj_summary_window_save_pdf_async (RjSummaryWindow     *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (RJ_IS_SUMMARY_WINDOW (self));

  rj_export_save_async (self, rj_summary_window_save_pdf_async, file, write_pdf,
                        self->summary != NULL ? page_data_new (self) : NULL,
                        (GDestroyNotify) page_data_free, cancellable, callback, user_data);
}

gboolean
rj_summary_window_save_pdf_finish (RjSummaryWindow  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (RJ_IS_SUMMARY_WINDOW (self), FALSE);

  return rj_export_save_finish (self, rj_summary_window_save_pdf_async, result, error);
}

/**
 * rj_summary_window_save_csv_async:
 * @self: a #RjSummaryWindow
 * @file: where to save the period's data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 *
 * Writes the period's days and cravings as CSV, private text left out, in a thread.
 */
void
rj_summary_window_save_csv_async (RjSummaryWindow     *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  gboolean unlocked;

  g_return_if_fail (RJ_IS_SUMMARY_WINDOW (self));

  unlocked = self->profile != NULL && rj_store_is_unlocked (get_store (self));
  rj_export_save_async (self, rj_summary_window_save_csv_async, file, write_csv,
                        unlocked ? page_data_new (self) : NULL,
                        (GDestroyNotify) page_data_free, cancellable, callback, user_data);
}

gboolean
rj_summary_window_save_csv_finish (RjSummaryWindow  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (RJ_IS_SUMMARY_WINDOW (self), FALSE);

  return rj_export_save_finish (self, rj_summary_window_save_csv_async, result, error);
}
