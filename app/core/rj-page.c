/* rj-page.c: what the printed pages share: Pango text in points, dates, private PDFs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-page"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "rj-page.h"

PangoContext *
rj_page_create_context (cairo_t *cr)
{
  PangoContext *context;
  cairo_font_options_t *options;

  g_return_val_if_fail (cr != NULL, NULL);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

double
rj_page_show_text (cairo_t        *cr,
                   PangoContext   *context,
                   double          x,
                   double          y,
                   double          width,
                   const char     *text,
                   double          size,
                   PangoWeight     weight,
                   gboolean        markup,
                   int             max_lines,
                   PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (RJ_PAGE_FONT);
  int height;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

char *
rj_page_shorten (const char *text,
                 double      width,
                 int         lines)
{
  glong max_chars = (glong) (width / 3.0) * MAX (lines, 1);
  g_autofree char *head = NULL;

  if (text == NULL)
    return NULL;
  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, max_chars);
  return g_strconcat (head, "…", NULL);
}

char *
rj_page_format_date (const GDate *date,
                     const char  *format)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("–");
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
  return g_date_time_format (time, format);
}

gboolean
rj_page_clock_is_12h (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *time_format;
  const char *am;

  /* The desktop's choice, where there is a desktop that says, so that a time reads
   * the same in the app, on the page and in the top bar. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *format = g_settings_get_string (settings, "clock-format");

      return g_strcmp0 (format, "12h") == 0;
    }

  /* Otherwise the locale's: en_US writes times as "%r" (with AM and PM), es_US and
   * de_DE as "%T". Having AM and PM names is not enough: en_GB has them, unused. */
  time_format = nl_langinfo (T_FMT);
  am = nl_langinfo (AM_STR);
  return am != NULL && *am != '\0' && time_format != NULL &&
         (strstr (time_format, "%I") != NULL || strstr (time_format, "%l") != NULL ||
          strstr (time_format, "%r") != NULL || strstr (time_format, "%p") != NULL);
}

char *
rj_page_format_time (int minutes)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (minutes >= 0 && minutes < 24 * 60, NULL);

  time = g_date_time_new_utc (2000, 1, 1, minutes / 60, minutes % 60, 0);
  if (rj_page_clock_is_12h ())
    /* TRANSLATORS: a time of day on a 12-hour clock, as in "2:30 PM"; see
     * g_date_time_format(). %-l is the hour without a leading zero, %M the minutes
     * and %p AM or PM in your language (from the system's locale). */
    return g_date_time_format (time, _("%-l:%M %p"));
  /* TRANSLATORS: a time of day on a 24-hour clock, as in "14:30"; see
   * g_date_time_format(). %H is the hour (00 to 23), %M the minutes; "%-H.%M" would
   * give "14.30", "%-H h %M" "14 h 30". */
  return g_date_time_format (time, _("%H:%M"));
}

double
rj_page_begin (cairo_t *cr,
               double   width,
               double   height)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  return MIN (RJ_PAGE_MARGIN, MIN (width, height) / 12);
}

void
rj_page_hline (cairo_t *cr,
               double   x,
               double   y,
               double   width,
               double   line_width)
{
  if (cr == NULL)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

double
rj_page_draw_header (cairo_t      *cr,
                     PangoContext *context,
                     double        left,
                     double        y,
                     double        width,
                     const char   *title,
                     const char   *name,
                     const char   *period,
                     guint         n_days_logged,
                     guint         n_days,
                     GDateTime    *generated)
{
  g_autofree char *entries = NULL;
  g_autofree char *when = NULL;
  g_autofree char *generated_line = NULL;
  g_autofree char *disclaimer = NULL;
  double title_height;

  title_height = rj_page_show_text (cr, context, left, y, width * 0.6, title, RJ_PAGE_TITLE,
                                    PANGO_WEIGHT_BOLD, FALSE, 1, PANGO_ALIGN_LEFT);
  if (name != NULL && *name != '\0')
    rj_page_show_text (cr, context, left + width * 0.6,
                       y + (RJ_PAGE_TITLE - RJ_PAGE_HEADING) * 0.6, width * 0.4, name,
                       RJ_PAGE_HEADING + 2, PANGO_WEIGHT_BOLD, FALSE, 1, PANGO_ALIGN_RIGHT);
  y += title_height + 2;

  entries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "entries on %u of %u day",
                                          "entries on %u of %u days", n_days),
                             n_days_logged, n_days);
  {
    /* TRANSLATORS: the day the page was made, as in "12 Mar 2025"; see
     * g_date_time_format(). %-d is the day of the month, %b the month's short name
     * and %Y the year; put them in your language's order and add words, as in
     * "%-d de %b de %Y". */
    g_autofree char *day = g_date_time_format (generated, _("%-d %b %Y"));
    g_autofree char *clock = rj_page_format_time (g_date_time_get_hour (generated) * 60 +
                                                  g_date_time_get_minute (generated));

    /* TRANSLATORS: when the page was made: a day, then a time of day. */
    when = g_strdup_printf (C_("day and time", "%s, %s"), day, clock);
  }
  generated_line = g_strdup_printf (_("generated %s"), when);
  rj_page_show_text (cr, context, left + width * 0.7, y + 1, width * 0.3, generated_line,
                     RJ_PAGE_SMALL, PANGO_WEIGHT_NORMAL, FALSE, 1, PANGO_ALIGN_RIGHT);
  y += rj_page_show_text (cr, context, left, y, width * 0.7 - 4, period, RJ_PAGE_BODY + 1,
                          PANGO_WEIGHT_BOLD, FALSE, 2, PANGO_ALIGN_LEFT);
  y += rj_page_show_text (cr, context, left, y, width, entries, RJ_PAGE_BODY + 0.5,
                          PANGO_WEIGHT_NORMAL, FALSE, 1, PANGO_ALIGN_LEFT);
  y += 1;
  disclaimer = g_markup_printf_escaped (
      "<i>%s</i>",
      _("Client self-report, made on the client's own computer; not a clinical record"));
  y += rj_page_show_text (cr, context, left, y, width, disclaimer, RJ_PAGE_SMALL,
                          PANGO_WEIGHT_NORMAL, TRUE, 1, PANGO_ALIGN_LEFT);
  y += 3;
  rj_page_hline (cr, left, y, width, 1.5);
  return y + RJ_PAGE_GAP;
}

static cairo_status_t
write_to_fd_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      ssize_t written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return CAIRO_STATUS_WRITE_ERROR;
      data += written;
      length -= written;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
rj_page_write_pdf (const char      *path,
                   double           width,
                   double           height,
                   const char      *title,
                   RjPageDrawFunc   draw,
                   gpointer         user_data,
                   GError         **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int fd;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The page could not be saved to “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* An existing file keeps its mode on O_CREAT; the page is private either way. */
  fchmod (fd, 0600);

  surface = cairo_pdf_surface_create_for_stream (write_to_fd_cb, GINT_TO_POINTER (fd),
                                                 width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, _("Recovery Journal"));

  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (fd) != 0)
    status = CAIRO_STATUS_WRITE_ERROR;
  saved_errno = errno;
  if (close (fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    status = CAIRO_STATUS_WRITE_ERROR;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The page could not be saved to “%s” (%s)"), path,
                   status == CAIRO_STATUS_WRITE_ERROR ? g_strerror (saved_errno)
                                                      : cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
