/* rj-file.h: writing an export the client chose, and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data into @path itself, made 0600 before anything is in it, then syncs it.
 * No temporary file beside it (as g_file_set_contents() and g_file_replace() make),
 * which a crash could leave behind in plaintext. */
gboolean  rj_file_write_private  (const char *path,
                                  const guint8 *data,
                                  gsize len,
                                  GError **error);

G_END_DECLS
