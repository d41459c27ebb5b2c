/* rj-plan-page.h: the printed relapse-prevention plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the plan of an RjProfile with cairo and Pango, in black, on exactly one page
 * of the size given (A4 and US Letter), under the session summary's rules: never a
 * second page, what does not fit is shortened by rule (fewer lines, "+N more"), and
 * nothing marked private is on it. The same code draws the print and the PDF.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rj-profile.h"

G_BEGIN_DECLS

/* @width and @height in points; @cr's origin at the page's top left corner (the
 * printable area's, when printing). @generated is the time shown as "printed". */
void      rj_plan_page_draw       (cairo_t *cr,
                                   double width,
                                   double height,
                                   const RjProfile *profile,
                                   GDateTime *generated);

/* Writes the page as a one-page PDF straight to @path (mode 0600). */
gboolean  rj_plan_page_write_pdf  (const char *path,
                                   double width,
                                   double height,
                                   const RjProfile *profile,
                                   GDateTime *generated,
                                   GError **error);

G_END_DECLS
