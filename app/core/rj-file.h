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

/* Writes @data into a new file beside @path, with a hidden temporary name and mode
 * 0600, and syncs it; returns that file's path. Nothing is left behind on failure.
 * Errors are G_IO_ERROR; G_IO_ERROR_NO_SPACE when the disk is full. */
char     *rj_file_write_beside   (const char *path,
                                  const guint8 *data,
                                  gsize len,
                                  GError **error) G_GNUC_WARN_UNUSED_RESULT;
/* Replaces @path with @data in one step: written beside it, synced, renamed over it,
 * and the folder synced. @path holds either what it held or all of @data. */
gboolean  rj_file_replace_private (const char *path,
                                  const guint8 *data,
                                  gsize len,
                                  GError **error);
/* Syncs the folder itself, so that a new or renamed file in it survives a crash. */
gboolean  rj_file_sync_folder    (const char *folder,
                                  GError **error);

G_END_DECLS
