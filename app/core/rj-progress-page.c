/* rj-progress-page.c: the one printed "progress" page of the Trends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-progress-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rj-progress-page.h"

/* SKELETON: the first commit only declares the API; the page follows. */

void
rj_progress_page_draw (cairo_t *cr, double width, double height, const RjTrends *trends,
                       const RjProfile *profile, GDateTime *generated)
{
}

gboolean
rj_progress_page_write_pdf (const char *path, double width, double height,
                            const RjTrends *trends, const RjProfile *profile,
                            GDateTime *generated, GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet");
  return FALSE;
}
