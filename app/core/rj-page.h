/* rj-page.h: what the printed pages share: Pango text in points, dates, private PDFs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session summary and the progress page are laid out in points with measured
 * Pango layouts and written as one-page PDFs readable only by their owner. These are
 * the pieces both use.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define RJ_PAGE_FONT "Sans"

/* The sizes both pages use, in points. */
#define RJ_PAGE_SMALL 8.0            /* the smallest size on a page */
#define RJ_PAGE_BODY 8.5
#define RJ_PAGE_HEADING 10.0
#define RJ_PAGE_TITLE 16.0
#define RJ_PAGE_MARGIN 36.0
#define RJ_PAGE_GAP 8.0

/* A Pango context for @cr in which one point is one unit, whatever the output, and
 * metrics are not hinted (so that a preview and the PDF break lines alike). */
PangoContext *rj_page_create_context  (cairo_t *cr) G_GNUC_WARN_UNUSED_RESULT;

/* Lays out @text (Pango markup when @markup) in @width at @size points, at most
 * @max_lines lines (0: no limit) cut with "…", draws it at (@x, @y) when @cr is not
 * NULL (NULL: measure only), and returns its height. */
double        rj_page_show_text       (cairo_t *cr,
                                       PangoContext *context,
                                       double x,
                                       double y,
                                       double width,
                                       const char *text,
                                       double size,
                                       PangoWeight weight,
                                       gboolean markup,
                                       int max_lines,
                                       PangoAlignment alignment);

/* At most about what @lines lines of @width can show, cut at a character with "…".
 * Pango ellipsizes what is drawn, but a PDF still carries the cut text behind the
 * ellipsis (as its "actual text"), so a 2,000-word note would travel whole inside the
 * file; cutting first keeps the file to what the page shows. */
char         *rj_page_shorten         (const char *text,
                                       double width,
                                       int lines) G_GNUC_WARN_UNUSED_RESULT;

/* @date in the reader's locale; @format as for g_date_time_format(); "–" when
 * @date is NULL or invalid. */
char         *rj_page_format_date     (const GDate *date,
                                       const char *format) G_GNUC_WARN_UNUSED_RESULT;

/* Whether times of day read on a 12-hour clock: the desktop's clock-format where the
 * desktop has one, else the locale's way of writing a time. */
gboolean      rj_page_clock_is_12h    (void);

/* A time of day, @minutes after midnight, as rj_page_clock_is_12h() says: "14:30" or
 * "2:30 PM". */
char         *rj_page_format_time     (int minutes) G_GNUC_WARN_UNUSED_RESULT;

/* Saves @cr's state, paints the whole @width × @height page white and sets black for
 * what follows (restore @cr when done); returns the margin: %RJ_PAGE_MARGIN, less on
 * a small page. */
double        rj_page_begin           (cairo_t *cr,
                                       double width,
                                       double height);

/* A horizontal rule from (@x, @y), @width long; nothing when @cr is NULL. */
void          rj_page_hline           (cairo_t *cr,
                                       double x,
                                       double y,
                                       double width,
                                       double line_width);

/* The header both pages begin with, at (@left, @y) across @width: @title with the
 * client's @name (NULL or empty: none) at its right; @period (up to two lines) with
 * when the page was @generated at its right; "entries on N of M days"; the line that
 * says it is the client's own report; a rule. Draws when @cr is not NULL (NULL:
 * measure only) and returns the y where the page goes on. */
double        rj_page_draw_header     (cairo_t *cr,
                                       PangoContext *context,
                                       double left,
                                       double y,
                                       double width,
                                       const char *title,
                                       const char *name,
                                       const char *period,
                                       guint n_days_logged,
                                       guint n_days,
                                       GDateTime *generated);

typedef void (*RjPageDrawFunc) (cairo_t *cr,
                                double width,
                                double height,
                                gpointer user_data);

/* Writes one page drawn by @draw as a PDF straight into @path, made 0600 before
 * anything is in it, and synced: no temporary file holds the plaintext on the way.
 * @title is the PDF's title. Blocks: call it from a thread. */
gboolean      rj_page_write_pdf       (const char *path,
                                       double width,
                                       double height,
                                       const char *title,
                                       RjPageDrawFunc draw,
                                       gpointer user_data,
                                       GError **error);

G_END_DECLS
