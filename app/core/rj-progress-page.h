/* rj-progress-page.h: the one printed "progress" page of the Trends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws an RjTrends with cairo and Pango, black and grey, on exactly one page of the
 * size given (A4 and US Letter), under the session summary's rules: never a second
 * page, what does not fit is shortened by rule (fewer rows, "+N more"), and nothing
 * private is on it (trends carry no free text at all). The same code draws the
 * preview, the print and the PDF.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rj-profile.h"
#include "rj-trends.h"

G_BEGIN_DECLS

/* @width and @height in points; @cr's origin at the page's top left corner (the
 * printable area's, when printing). @generated is the time shown as "generated". */
void      rj_progress_page_draw       (cairo_t *cr,
                                       double width,
                                       double height,
                                       const RjTrends *trends,
                                       const RjProfile *profile,
                                       GDateTime *generated);

/* Writes the page as a one-page PDF straight to @path (mode 0600). */
gboolean  rj_progress_page_write_pdf  (const char *path,
                                       double width,
                                       double height,
                                       const RjTrends *trends,
                                       const RjProfile *profile,
                                       GDateTime *generated,
                                       GError **error);

G_END_DECLS
