/* rj-recovery-sheet.c: the printed page that keeps a recovery code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-recovery-sheet"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include <sodium.h>

#include "rj-file.h"
#include "rj-recovery-sheet.h"

#define BODY_FONT "Sans"
#define CODE_FONT "Monospace Bold"
#define MAX_COLUMN_WIDTH 468.0  /* 6.5 inches: a comfortable line on Letter and A4 */
#define CODE_PADDING 20.0

/* Lays out @text in a column and returns its height, in the units of @cr. */
static double
draw_paragraph (cairo_t      *cr,
                PangoContext *context,
                double        x,
                double        y,
                double        width,
                const char   *font,
                double        size,
                const char   *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int text_height;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, (int) (size * 0.25 * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &text_height);

  return (double) text_height / PANGO_SCALE;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The code, large, centred in a box; the font shrinks until the groups fit. Returns the
 * height of the box. */
static double
draw_code (cairo_t      *cr,
           PangoContext *context,
           double        x,
           double        y,
           double        width,
           const char   *code)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (CODE_FONT);
  g_autofree char *display = rj_recovery_sheet_format_code (code);
  PangoRectangle logical;
  double size = 26;
  double box_height;

  pango_layout_set_text (layout, display, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  for (;;)
    {
      pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_spacing (layout, (int) (size * 0.4 * PANGO_SCALE));
      pango_layout_get_extents (layout, NULL, &logical);
      if ((double) logical.width / PANGO_SCALE <= width - 2 * CODE_PADDING || size <= 8)
        break;
      size -= 1;
    }

  box_height = (double) logical.height / PANGO_SCALE + 2 * CODE_PADDING;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  rounded_rectangle (cr, x + 0.75, y + 0.75, width - 1.5, box_height - 1.5, 8);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_move_to (cr,
                 x + (width - (double) logical.width / PANGO_SCALE) / 2
                 - (double) logical.x / PANGO_SCALE,
                 y + CODE_PADDING);
  pango_cairo_show_layout (cr, layout);

  return box_height;
}

static cairo_status_t
append_to_byte_array_cb (void                *closure,
                         const unsigned char *data,
                         unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF holds the code, so its bytes are wiped before they go back to the heap. */
static void
wipe_byte_array (GByteArray *bytes)
{
  sodium_memzero (bytes->data, bytes->len);
  g_byte_array_unref (bytes);
}

/**
 * rj_recovery_sheet_format_code:
 * @code: a recovery code, its groups separated by dashes or spaces
 *
 * Lays the groups of @code out for reading aloud and copying by hand: separated by
 * spaces, in two lines.
 *
 * Returns: (transfer full): the code to display
 */
char *
rj_recovery_sheet_format_code (const char *code)
{
  g_auto(GStrv) groups = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *out;
  guint per_line;

  g_return_val_if_fail (code != NULL, NULL);

  groups = g_strsplit_set (code, "- \n", -1);
  for (guint i = 0; groups[i] != NULL; i++)
    if (groups[i][0] != '\0')
      g_ptr_array_add (kept, groups[i]);

  per_line = kept->len > 4 ? (kept->len + 1) / 2 : kept->len;
  out = g_string_new (NULL);
  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, i % per_line == 0 ? '\n' : ' ');
      g_string_append (out, g_ptr_array_index (kept, i));
    }

  return g_string_free (out, FALSE);
}

/* Lays the sheet out on a page of @width × @height and returns where the text ends. */
static double
draw_sheet (cairo_t    *cr,
            double      width,
            double      height,
            const char *code,
            GDateTime  *created)
{
  PangoContext *context;
  cairo_font_options_t *options;
  g_autofree char *date = NULL;
  g_autofree char *made_on = NULL;
  double margin = MIN (width, height) >= 500 ? 72 : 36;
  double column = MIN (width - 2 * margin, MAX_COLUMN_WIDTH);
  double x = (width - column) / 2;
  double y = margin;

  /* Font sizes are in points and so is the page: one unit, whatever the output. */
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  y += draw_paragraph (cr, context, x, y, column, BODY_FONT, 11, _("Recovery Journal"));
  y += 6;
  y += draw_paragraph (cr, context, x, y, column, BODY_FONT " Bold", 26,
                       _("Your Recovery Code"));
  y += 18;
  y += draw_paragraph (cr, context, x, y, column, BODY_FONT, 12,
                       _("If you ever forget your passphrase, this code opens your journal. "
                         "You then choose a new passphrase, and everything you wrote stays "
                         "as it is."));
  y += 24;
  y += draw_code (cr, context, x, y, column, code);
  y += 14;

  /* TRANSLATORS: a date as in "5 May 2025"; see g_date_time_format(). %-d is the day of
   * the month, %B the month's name, %Y the year; as in "%-d de %B de %Y". */
  date = g_date_time_format (created, _("%-d %B %Y"));
  /* Translators: %s is a date such as "5 May 2025". */
  made_on = g_strdup_printf (_("Made on %s"), date);
  y += draw_paragraph (cr, context, x, y, column, BODY_FONT, 12, made_on);
  y += 30;

  y += draw_paragraph (cr, context, x, y, column, BODY_FONT " Bold", 13,
                       _("Keep this page somewhere safe and private. Anyone with this code "
                         "and your journal file can read your journal."));
  y += 18;
  y += draw_paragraph (cr, context, x, y, column, BODY_FONT, 11,
                       _("To use it, choose “Use Recovery Code” on the unlock screen and type "
                         "the code. Capital letters, spaces and dashes do not matter."));

  g_object_unref (context);

  return y + margin;
}

/**
 * rj_recovery_sheet_draw:
 * @cr: where to draw, in points, with the page's top left corner at the origin
 * @width: the page's width in points
 * @height: the page's height in points
 * @code: the recovery code
 * @created: when the code was made
 *
 * Draws the page a client keeps with their recovery code: what the code is for, the
 * code itself, the day it was made, and how to keep it. Black on white, so that it
 * prints and copies well. On paper too small for it, everything shrinks to fit.
 */
void
rj_recovery_sheet_draw (cairo_t    *cr,
                        double      width,
                        double      height,
                        const char *code,
                        GDateTime  *created)
{
  double scale = 1;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (code != NULL);
  g_return_if_fail (created != NULL);

  /* Lay out on a scratch surface first; text wraps differently once the page shrinks,
   * so a few rounds settle the scale. */
  for (guint round = 0; round < 4; round++)
    {
      cairo_surface_t *scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                 NULL);
      cairo_t *scratch_cr = cairo_create (scratch);
      double needed = draw_sheet (scratch_cr, width / scale, height / scale, code, created);

      cairo_destroy (scratch_cr);
      cairo_surface_destroy (scratch);

      if (needed <= height / scale)
        break;
      scale *= (height / scale) / needed * 0.98;
    }

  cairo_save (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_scale (cr, scale, scale);
  draw_sheet (cr, width / scale, height / scale, code, created);

  cairo_restore (cr);
}

/**
 * rj_recovery_sheet_write_pdf:
 * @path: the file to write
 * @width: the page's width in points
 * @height: the page's height in points
 * @code: the recovery code
 * @created: when the code was made
 * @error: return location for a #GError
 *
 * Writes the recovery sheet as a one-page PDF. The file is replaced in one step and
 * readable only by its owner, since it holds the code. This blocks: call it from a
 * thread.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
rj_recovery_sheet_write_pdf (const char  *path,
                             double       width,
                             double       height,
                             const char  *code,
                             GDateTime   *created,
                             GError     **error)
{
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (created != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_byte_array_sized_new (32 * 1024);
  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array_cb, bytes,
                                                 width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Recovery Code"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, _("Recovery Journal"));

  cr = cairo_create (surface);
  rj_recovery_sheet_draw (cr, width, height, code, created);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The recovery code page could not be made (%s)"),
                   cairo_status_to_string (status));
      wipe_byte_array (bytes);
      return FALSE;
    }

  ok = rj_file_write_private (path, bytes->data, bytes->len, error);
  wipe_byte_array (bytes);

  return ok;
}
