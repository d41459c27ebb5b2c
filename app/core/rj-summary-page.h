/* rj-summary-page.h: the one printed page of the session summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws an RjSummary with cairo and Pango, black and white, on exactly one page of
 * the size given (A4 and US Letter), 8 pt at the smallest. What does not fit is
 * shortened by rule (fewer rows, text cut with "…", "+N more"), never spilled onto a
 * second page. The same code draws the preview, the print and the PDF.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rj-summary.h"
#include "rj-profile.h"

G_BEGIN_DECLS

/* @width and @height in points; @cr's origin at the page's top left corner (the
 * printable area's, when printing). @generated is the time shown as "generated". */
void      rj_summary_page_draw       (cairo_t *cr,
                                      double width,
                                      double height,
                                      const RjSummary *summary,
                                      const RjProfile *profile,
                                      GDateTime *generated);

/* Writes the page as a one-page PDF straight to @path (mode 0600). */
gboolean  rj_summary_page_write_pdf  (const char *path,
                                      double width,
                                      double height,
                                      const RjSummary *summary,
                                      const RjProfile *profile,
                                      GDateTime *generated,
                                      GError **error);

G_END_DECLS
