/* rj-recovery-sheet.h: the printed page that keeps a recovery code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* US Letter, in points; callers with a paper size of their own pass that instead. */
#define RJ_RECOVERY_SHEET_LETTER_WIDTH 612.0
#define RJ_RECOVERY_SHEET_LETTER_HEIGHT 792.0

char     *rj_recovery_sheet_format_code (const char *code) G_GNUC_WARN_UNUSED_RESULT;
void      rj_recovery_sheet_draw        (cairo_t *cr,
                                         double width,
                                         double height,
                                         const char *code,
                                         GDateTime *created);
gboolean  rj_recovery_sheet_write_pdf   (const char *path,
                                         double width,
                                         double height,
                                         const char *code,
                                         GDateTime *created,
                                         GError **error);

G_END_DECLS
